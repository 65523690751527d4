/* arena.h — one bump allocator per compilation, freed at once (QBE's pools).
 *
 * Everything the front end, the checker and the lowering allocate (AST nodes,
 * names, IR steps, tables) lives in the arena of that compilation; nothing is
 * freed one by one.  arena_free releases every block. */
#ifndef PLANC_ARENA_H
#define PLANC_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct arena_block arena_block;

/* An arena: a list of blocks, the newest first. */
typedef struct arena {
    arena_block *head;
    size_t total; /* bytes handed out, for --timings and tests */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Zeroed memory, aligned for any type; aborts (exit 4) only if malloc fails. */
void *arena_alloc(arena *a, size_t n);
/* Tells the arena that [p, p + n), memory it handed out, will not be
 * read or written again (the old storage of an array that grew): the
 * whole pages inside it go back to the system.  The arena never hands the
 * memory out again either; a no-op for small ranges and where blocks are
 * not mapped (AddressSanitizer builds). */
void arena_release(arena *a, void *p, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A growable array of pointers kept in the arena (old storage is abandoned
 * to the arena, and released, when it grows). */
typedef struct ptrvec {
    void **v;
    size_t n, cap;
} ptrvec;

void ptrvec_push(arena *a, ptrvec *pv, void *p);

/* A map from names (NUL-terminated, not copied) to pointers, kept in the
 * arena: open addressing with FNV-1a, plus the values in the order they
 * were added (for did-you-mean, whose ties go to the first added). */
typedef struct namemap {
    const char **keys;
    void **vals;
    uint32_t cap, n;
    ptrvec order;
} namemap;

/* The value of `name`, or NULL (also for a NULL name). */
void *namemap_get(const namemap *m, const char *name);
/* Adds name -> v and returns NULL; when the name is present already,
 * returns its value and adds nothing. */
void *namemap_put(arena *a, namemap *m, const char *name, void *v);

#endif
