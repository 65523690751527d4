/* arena.c — the compilation's bump allocator (see arena.h). */
#include "arena.h"
#include "msgcat.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Whether this build runs under AddressSanitizer (GCC and Clang spell it
 * differently). */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif

/* Where blocks come from.  Touching fresh memory costs a page fault per
 * 4 KiB page, and on a virtual machine that shadows page tables (as the
 * machines planc is measured on do) a fault costs 10 to 15 us: the 900 KB
 * a 50 KB rules file needs from parse to lower cost 3 ms in faults alone,
 * more than the parsing.  So a block is a whole number of 2 MiB pages,
 * mapped aligned and marked for transparent huge pages (MADV_HUGEPAGE):
 * the first touch then maps and zeroes 2 MiB at once, in 0.2 ms.  Where
 * the kernel gives no huge page, the block is faulted in 4 KiB at a time
 * as malloc'd memory would be.  Mapped memory is zero, so blocks need no
 * clearing.
 *
 * Under AddressSanitizer blocks are malloc'd instead (64 KiB at least), so
 * that LeakSanitizer scans them for pointers to malloc'd memory. */
#ifdef ARENA_ASAN
#define ARENA_MAPPED 0
#else
#define ARENA_MAPPED 1
#endif

/* One block of arena memory; blocks are chained newest first.  `mapped`
 * blocks came from mmap (`map` bytes at `base`), the others from malloc. */
struct arena_block {
    arena_block *next;
    size_t used, size;
    void *base;
    size_t map;
    max_align_t data[]; /* aligned for any type */
};

enum {
    MALLOC_BLOCK = 64 * 1024,      /* smallest malloc'd block */
    HUGE_PAGE = 2 * 1024 * 1024    /* smallest mapped block, and its alignment */
};

void arena_init(arena *a)
{
    a->head = NULL;
    a->total = 0;
}

/* Returns a block to where it came from. */
static void block_free(arena_block *b)
{
    if (b->base)
        munmap(b->base, b->map);
    else
        free(b);
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        block_free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

/* A mapped block of at least `n` bytes of data: a multiple of HUGE_PAGE,
 * aligned to it (the mapping is made HUGE_PAGE larger and trimmed), and
 * marked for huge pages.  NULL when mmap fails. */
static arena_block *block_map(size_t n)
{
    size_t need = sizeof(arena_block) + n;
    if (need < n || need > SIZE_MAX - 2 * (size_t)HUGE_PAGE)
        return NULL;
    size_t map = (need + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
    char *raw = mmap(NULL, map + HUGE_PAGE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *base = (char *)(((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (base > raw)
        munmap(raw, (size_t)(base - raw));
    if (base + map < raw + map + HUGE_PAGE)
        munmap(base + map, (size_t)(raw + map + HUGE_PAGE - (base + map)));
#ifdef MADV_HUGEPAGE
    madvise(base, map, MADV_HUGEPAGE); /* a hint: without it, 4 KiB pages */
#endif
    arena_block *b = (arena_block *)base;
    b->base = base;
    b->map = map;
    b->size = map - sizeof *b;
    b->used = 0;
    return b;
}

/* A malloc'd block of at least `n` bytes of data (MALLOC_BLOCK at least),
 * cleared.  NULL when malloc fails. */
static arena_block *block_malloc(size_t n)
{
    size_t size = n > MALLOC_BLOCK ? n : MALLOC_BLOCK;
    arena_block *b = calloc(1, sizeof *b + size);
    if (b)
        b->size = size;
    return b;
}

/* Sizes are rounded up to the alignment of max_align_t (16 bytes on
 * x86-64), not to its size (32), which would waste a third of the memory
 * of a front end made of small nodes. */
void *arena_alloc(arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 4) {
        fprintf(stderr, msgcat_tr("planc: internal error: allocation of %zu bytes\n"), n);
        exit(4);
    }
    n = (n + align - 1) / align * align;
    arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        b = ARENA_MAPPED ? block_map(n) : NULL;
        if (!b)
            b = block_malloc(n);
        if (!b) {
            fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
            exit(4);
        }
        /* A block that is no larger than needed goes behind the current
         * one, so the current one's free space is not wasted. */
        if (a->head && b->size - n < a->head->size - a->head->used) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    /* Blocks start zeroed (mapped or calloc'd) and are never reused. */
    void *p = (char *)b->data + b->used;
    b->used += n;
    a->total += n;
    return p;
}

/* Whole pages only, and only for ranges of at least RELEASE_MIN bytes: a
 * system call for a few pages costs more than it saves.  The pages of a
 * mapped block read as zeros if touched again, which nothing does. */
void arena_release(arena *a, void *p, size_t n)
{
    (void)a;
    enum { RELEASE_MIN = 256 * 1024 };
    if (!ARENA_MAPPED || !p || n < RELEASE_MIN)
        return;
    long ps = sysconf(_SC_PAGESIZE);
    uintptr_t page = ps > 0 ? (uintptr_t)ps : 4096;
    uintptr_t lo = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(page - 1);
    if (hi > lo)
        madvise((void *)lo, hi - lo, MADV_DONTNEED);
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void ptrvec_push(arena *a, ptrvec *pv, void *p)
{
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 8;
        void **v = arena_alloc(a, cap * sizeof *v);
        if (pv->n)
            memcpy(v, pv->v, pv->n * sizeof *v);
        arena_release(a, pv->v, pv->cap * sizeof *v);
        pv->v = v;
        pv->cap = cap;
    }
    pv->v[pv->n++] = p;
}

/* FNV-1a over the bytes of a name. */
static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of `name` in keys[cap]: where it is, or the empty slot where it
 * would go (cap is a power of two and the table is never full). */
static uint32_t namemap_slot(const char *const *keys, uint32_t cap, const char *name)
{
    uint32_t i = hash_name(name) & (cap - 1);
    while (keys[i] && strcmp(keys[i], name) != 0)
        i = (i + 1) & (cap - 1);
    return i;
}

void *namemap_get(const namemap *m, const char *name)
{
    if (!m->cap || !name)
        return NULL;
    uint32_t i = namemap_slot(m->keys, m->cap, name);
    return m->keys[i] ? m->vals[i] : NULL;
}

/* One probe finds the name or the slot it goes in (the table grows first
 * when it would be more than half full, whether or not the name is new):
 * a plan may declare hundreds of thousands of names. */
void *namemap_put(arena *a, namemap *m, const char *name, void *v)
{
    if (!name)
        return NULL;
    if ((m->n + 1) * 2 > m->cap) {
        uint32_t cap = m->cap ? m->cap * 2 : 16;
        const char **keys = arena_alloc(a, cap * sizeof *keys);
        void **vals = arena_alloc(a, cap * sizeof *vals);
        for (uint32_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            uint32_t j = namemap_slot(keys, cap, m->keys[i]);
            keys[j] = m->keys[i];
            vals[j] = m->vals[i];
        }
        arena_release(a, m->keys, m->cap * sizeof *keys);
        arena_release(a, m->vals, m->cap * sizeof *vals);
        m->keys = keys;
        m->vals = vals;
        m->cap = cap;
    }
    uint32_t j = namemap_slot(m->keys, m->cap, name);
    if (m->keys[j])
        return m->vals[j];
    m->keys[j] = name;
    m->vals[j] = v;
    m->n++;
    ptrvec_push(a, &m->order, v);
    return NULL;
}
