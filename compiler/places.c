/* places.c — finding the place names a text mentions (see places.h).
 *
 * The names are kept in a trie of their bytes, its edges in a hash table
 * keyed by (node, byte): a text is searched by walking the trie from each
 * code point, as far as the text follows a name, so that the work is the
 * text's length times the length of the names it follows (at most
 * PLACES_MAX_NAME bytes, each one look-up in the table), however many
 * names there are and however many of them branch at each byte.  A base
 * of ten thousand cities whose names share their first character costs
 * no more than one.  (Children in a list of siblings cost up to 256
 * compares per byte: an alias list crafted to branch at every byte made
 * a 100 KB text take seconds.) */
#include "places.h"

#include <string.h>

#include "utf8.h"

/* A node of the trie (node 0 is the root). */
typedef struct place_node {
    bool keep;              /* a name to keep ends here */
    bool look;              /* a name to look for ends here */
    uint32_t seen;          /* look: the stamp of the last text it was found in */
    const char *name;       /* look: the name */
} place_node;

/* Whether c is an ASCII letter or digit. */
static bool alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* An edge of the trie: node `from` goes to node `to` (never 0, the root;
 * 0 marks a free slot) by `byte`. */
typedef struct place_edge {
    uint32_t from, to;
    unsigned char byte;
} place_edge;

/* Room for one more node (the arena keeps the old array). */
static void grow(arena *a, places *p)
{
    if (p->nnodes < p->cap)
        return;
    uint32_t cap = p->cap ? p->cap * 2 : 64;
    place_node *w = arena_alloc(a, (size_t)cap * sizeof *w);
    if (p->nnodes)
        memcpy(w, p->nodes, (size_t)p->nnodes * sizeof *w);
    p->nodes = w;
    p->cap = cap;
}

/* The first slot of the edge table to look at for (from, b); ecap is a
 * power of two. */
static uint32_t slot_of(const places *p, uint32_t from, unsigned char b)
{
    uint64_t k = ((uint64_t)from << 8 | b) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(k >> 32) & (p->ecap - 1);
}

/* The child of node n reached by byte b, 0 for none. */
static uint32_t child(places *p, uint32_t n, unsigned char b)
{
    if (!p->ecap)
        return 0;
    const place_edge *e = p->edges;
    for (uint32_t s = slot_of(p, n, b);; s = (s + 1) & (p->ecap - 1)) {
        p->probes++;
        if (!e[s].to)
            return 0;
        if (e[s].from == n && e[s].byte == b)
            return e[s].to;
    }
}

/* Puts an edge into the table, which has a free slot. */
static void put_edge(places *p, place_edge ed)
{
    uint32_t s = slot_of(p, ed.from, ed.byte);
    while (p->edges[s].to)
        s = (s + 1) & (p->ecap - 1);
    p->edges[s] = ed;
}

/* The child of node n reached by byte b, made when there is none. */
static uint32_t make_child(arena *a, places *p, uint32_t n, unsigned char b)
{
    uint32_t k = child(p, n, b);
    if (k)
        return k;
    /* at most half the slots taken: the table doubles (the arena keeps
     * the old one) */
    if (2 * (uint64_t)(p->nedges + 1) > p->ecap) {
        place_edge *old = p->edges;
        uint32_t ocap = p->ecap;
        p->ecap = ocap ? ocap * 2 : 128;
        p->edges = arena_alloc(a, (size_t)p->ecap * sizeof *p->edges); /* zeroed */
        for (uint32_t s = 0; s < ocap; s++)
            if (old[s].to)
                put_edge(p, old[s]);
    }
    grow(a, p);
    k = p->nnodes++;
    put_edge(p, (place_edge){n, k, b});
    p->nedges++;
    return k;
}

void places_add(arena *a, places *p, const char *name, bool keep)
{
    if (!name)
        return;
    size_t len = strlen(name);
    if (utf8_count(name, len) < 2 || len > PLACES_MAX_NAME)
        return;
    if (!p->nnodes) {
        grow(a, p);
        p->nnodes = 1; /* the root, node 0 (no byte leads to it) */
    }
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++)
        n = make_child(a, p, n, (unsigned char)name[i]);
    place_node *v = p->nodes;
    if (keep) {
        v[n].keep = true;
    } else if (!v[n].look) {
        v[n].look = true;
        v[n].name = name;
        p->nlook++;
    }
}

bool places_any(const places *p)
{
    return p->nlook > 0;
}

uint32_t places_find(places *p, const char *text, const char **out, uint32_t cap)
{
    if (!text || !p->nlook)
        return 0;
    uint32_t stamp = ++p->stamp;
    place_node *v = p->nodes;
    size_t n = strlen(text);
    size_t kept_end = 0;    /* the furthest end of the kept names found so far */
    size_t found_end = 0;   /* the furthest end of the names found so far */
    uint32_t nfound = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int step = utf8_decode(text + i, n - i, &cp);
        /* the names that start here: the longest to look for, and how far
         * the kept ones reach */
        uint32_t longest = 0;
        size_t longest_end = 0;
        bool word_start = !(i > 0 && alnum((unsigned char)text[i - 1]));
        uint32_t node = 0;
        for (size_t j = i; j < n; j++) {
            node = child(p, node, (unsigned char)text[j]);
            if (!node)
                break;
            size_t end = j + 1;
            if (v[node].keep && end > kept_end)
                kept_end = end;
            if (v[node].look) {
                /* a Latin name is a whole word */
                const char *nm = v[node].name;
                bool ok = (!alnum((unsigned char)nm[0]) || word_start) &&
                          (!alnum((unsigned char)text[j]) || end == n || !alnum((unsigned char)text[end]));
                if (ok) {
                    longest = node;
                    longest_end = end;
                }
            }
        }
        /* one inside a kept name, or inside a longer one found before
         * ("辽宁" in "美丽辽宁"), is not reported */
        if (longest && longest_end > kept_end && longest_end > found_end) {
            found_end = longest_end;
            if (v[longest].seen != stamp) {
                v[longest].seen = stamp;
                if (nfound < cap)
                    out[nfound] = v[longest].name;
                nfound++;
            }
        }
        i += (size_t)step;
    }
    return nfound;
}
