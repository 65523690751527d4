/* places.h — finding the place names a text mentions.
 *
 * An adapted plan keeps the base's texts (a target's text and note, a
 * measure's or section's title, an indicator's display name, the plan's
 * title) unless it gives its own, and those texts may quote the base's
 * places: 美丽辽宁, 辽宁省, 沈阳市.  The loader warns when texts of an
 * extended plan name the base's regions it dropped or replaced (import.c)
 * and `planc diff` lists each text of the new plan that names a place
 * only the old one has (diff.c); both find the names with this set.
 *
 * A set holds names to look for and names to keep: an occurrence of a
 * name to look for that lies inside an occurrence of a kept name (a place
 * the plan does have, "辽阳县" around "辽阳") is not reported, nor is one
 * inside a longer name found ("辽宁" in "美丽辽宁").  Names are
 * found as written, at code point boundaries; a name that begins or ends
 * with an ASCII letter or digit ("Shenyang") must not have one next to it
 * there.  Names of fewer than two code points ("甲") are too common a part
 * of other words to tell a place by, and are not looked for; nor are
 * names longer than PLACES_MAX_NAME bytes (no place's name is so long, and
 * the search's work grows with the names' length). */
#ifndef PLANC_PLACES_H
#define PLANC_PLACES_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

/* Longer names are not looked for (nor kept). */
#define PLACES_MAX_NAME 256

/* A set of names; zero-initialised is empty. */
typedef struct places {
    struct place_node *nodes; /* a trie of the names' bytes (places.c) */
    uint32_t nnodes, cap;
    struct place_edge *edges; /* its edges, a hash table of ecap slots */
    uint32_t nedges, ecap;
    uint64_t probes;        /* slots of the table looked at (for the tests) */
    uint32_t nlook;         /* names to look for */
    uint32_t stamp;         /* texts searched so far */
} places;

/* Adds a name to look for (keep false) or a name to keep (keep true).
 * The name is not copied. */
void places_add(arena *a, places *p, const char *name, bool keep);

/* Whether the set holds a name to look for. */
bool places_any(const places *p);

/* Finds the names to look for in text: writes the distinct ones found, in
 * the order of their first occurrence, to out (at most cap) and returns
 * how many there are (which may be more than cap). */
uint32_t places_find(places *p, const char *text, const char **out, uint32_t cap);

#endif
