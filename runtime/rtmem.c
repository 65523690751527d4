/* rtmem.c — checked allocation for the runtime (see rtmem.h). */
#define _GNU_SOURCE /* mremap */
#include "rtmem.h"
#include "msgcat.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Whether this build runs under AddressSanitizer (GCC and Clang spell it
 * differently): row arrays are then malloc'd, so that ASan checks their
 * bounds and LeakSanitizer sees them. */
#if defined(__SANITIZE_ADDRESS__)
#define ROWS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROWS_ASAN 1
#endif
#endif

/* Out of memory (or a size that cannot be represented): exit 4. */
static void out_of_memory(void)
{
    fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
    exit(4);
}

/* n * size, or out_of_memory() when it overflows. */
static size_t checked_size(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        out_of_memory();
    return n * size != 0 ? n * size : 1;
}

void *rt_xmalloc(size_t n, size_t size)
{
    void *p = malloc(checked_size(n, size));
    if (!p)
        out_of_memory();
    return p;
}

void *rt_xcalloc(size_t n, size_t size)
{
    checked_size(n, size);
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *rt_xrealloc(void *p, size_t n, size_t size)
{
    void *q = realloc(p, checked_size(n, size));
    if (!q)
        out_of_memory();
    return q;
}

char *rt_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = rt_xmalloc(n, 1);
    memcpy(c, s, n);
    return c;
}

/* ---- row arrays ----
 *
 * A table's row arrays (its data columns, regions, years and lines) are
 * filled once, a row at a time, and grow by doubling while the file is
 * read.  malloc gives a large one 4 KiB pages, and on the virtual machines
 * planc is measured on each page's first write is a fault of 10 to 15 us
 * (compiler/arena.c): at 4,000,000 rows of two indicators, 27,000 of the
 * run's 35,000 faults.  So an array of ROWS_MAP_MIN bytes or more is a
 * mapping of whole 2 MiB pages, aligned to them and marked for
 * transparent huge pages: a first write maps 2 MiB at once.  It grows in
 * place when the address space after it is free, else its pages move
 * (mremap, no copy) to the start of a new, larger aligned mapping, so the
 * huge pages stay whole.
 *
 * Every array starts with a rows_head (ROWS_HEAD bytes, so that the data
 * of a mapped one starts on a cache line) saying how it was made. */
typedef struct rows_head {
    size_t map;   /* bytes mapped from the head, or 0: malloc'd */
    size_t bytes; /* bytes in use, the head's included */
} rows_head;

enum {
    ROWS_HEAD = 64,
    ROWS_HUGE = 2 * 1024 * 1024,     /* a huge page: the mappings' unit and alignment */
    ROWS_MAP_MIN = ROWS_HUGE         /* arrays below this are malloc'd */
};

/* A mapping of `map` bytes (a multiple of ROWS_HUGE) aligned to
 * ROWS_HUGE and advised for huge pages, or NULL. */
static void *rows_map(size_t map)
{
    if (map > SIZE_MAX - ROWS_HUGE)
        return NULL;
    char *raw = mmap(NULL, map + ROWS_HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *base = (char *)(((uintptr_t)raw + ROWS_HUGE - 1) & ~(uintptr_t)(ROWS_HUGE - 1));
    if (base > raw)
        munmap(raw, (size_t)(base - raw));
    if (base + map < raw + map + ROWS_HUGE)
        munmap(base + map, (size_t)(raw + map + ROWS_HUGE - (base + map)));
#ifdef MADV_HUGEPAGE
    madvise(base, map, MADV_HUGEPAGE); /* a hint: without it, 4 KiB pages */
#endif
    return base;
}

/* Resizes the row array whose head is h (NULL: a new one) to `bytes`
 * bytes, the head's included; returns its (possibly moved) head.  The
 * bytes in use move with it. */
static rows_head *rows_resize(rows_head *h, size_t bytes)
{
#ifdef ROWS_ASAN
    bool small = true;
#else
    bool small = bytes < ROWS_MAP_MIN;
#endif
    if (!h || !h->map) {
        if (small) {
            h = rt_xrealloc(h, bytes, 1);
            h->map = 0;
            h->bytes = bytes;
            return h;
        }
    }
    size_t map = bytes > SIZE_MAX - ROWS_HUGE ? SIZE_MAX : (bytes + ROWS_HUGE - 1) / ROWS_HUGE * ROWS_HUGE;
    if (h && h->map) {
        if (map <= h->map) {
            /* smaller (a table fitted to its rows): the tail goes */
            if (map < h->map)
                munmap((char *)h + map, h->map - map);
            h->map = map;
            h->bytes = bytes;
            return h;
        }
#ifdef MREMAP_MAYMOVE
        if (mremap(h, h->map, map, 0) != MAP_FAILED) { /* grown in place */
            h->map = map;
            h->bytes = bytes;
            return h;
        }
#endif
    }
    rows_head *nh = rows_map(map);
    if (!nh)
        out_of_memory();
    if (h) {
        bool moved = false;
#ifdef MREMAP_MAYMOVE
        /* the old pages onto the start of the new mapping (both aligned,
         * whole huge pages: they move as they are) */
        moved = h->map && mremap(h, h->map, h->map, MREMAP_MAYMOVE | MREMAP_FIXED, nh) != MAP_FAILED;
#endif
        if (!moved) {
            memcpy(nh, h, h->bytes < bytes ? h->bytes : bytes);
            if (h->map)
                munmap(h, h->map);
            else
                free(h);
        }
    }
    nh->map = map;
    nh->bytes = bytes;
    return nh;
}

/* Frees the row array whose head is h. */
static void rows_free(rows_head *h)
{
    if (h && h->map)
        munmap(h, h->map);
    else
        free(h);
}

/* ROWS_HEAD + n * size, or out_of_memory() when it overflows. */
static size_t rows_bytes(size_t n, size_t size)
{
    size_t b = checked_size(n, size);
    if (b > SIZE_MAX - ROWS_HEAD)
        out_of_memory();
    return ROWS_HEAD + b;
}

void *rt_rows_realloc(void *p, size_t n, size_t size)
{
    rows_head *h = p ? (rows_head *)((char *)p - ROWS_HEAD) : NULL;
    return (char *)rows_resize(h, rows_bytes(n, size)) + ROWS_HEAD;
}

void rt_rows_free(void *p)
{
    if (p)
        rows_free((rows_head *)((char *)p - ROWS_HEAD));
}

size_t rt_col_stride(size_t n)
{
    size_t lines = n / 8 + (n % 8 != 0);
    return (lines | 1) * 8;
}

/* Doubles before the values of the column with key `key`: 0 to 63 lines. */
static size_t col_skew(size_t key) { return key % 64 * 8; }

double *rt_col_realloc(double *col, size_t key, size_t n)
{
    size_t skew = col_skew(key);
    if (n > SIZE_MAX / sizeof(double) - skew)
        out_of_memory();
    double *base = rt_rows_realloc(col ? col - skew : NULL, n + skew, sizeof(double));
    return base + skew;
}

void rt_col_free(double *col, size_t key)
{
    if (col)
        rt_rows_free(col - col_skew(key));
}
