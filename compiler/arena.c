/* arena.c — the compilation's bump allocator (see arena.h). */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One block of arena memory; blocks are chained newest first. */
struct arena_block {
    arena_block *next;
    size_t used, size;
    max_align_t data[]; /* aligned for any type */
};

enum { BLOCK_SIZE = 64 * 1024 };

void arena_init(arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *arena_alloc(arena *a, size_t n)
{
    const size_t align = sizeof(max_align_t);
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2) {
        fprintf(stderr, "planc: internal error: allocation of %zu bytes\n", n);
        exit(4);
    }
    n = (n + align - 1) / align * align;
    arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        b = malloc(sizeof *b + size);
        if (!b) {
            fprintf(stderr, "planc: error: out of memory\n");
            exit(4);
        }
        b->size = size;
        b->used = 0;
        /* A large block goes behind the current one so the current one's
         * free space is not wasted. */
        if (a->head && n > BLOCK_SIZE) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
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

void *namemap_put(arena *a, namemap *m, const char *name, void *v)
{
    void *old = namemap_get(m, name);
    if (old)
        return old;
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
        m->keys = keys;
        m->vals = vals;
        m->cap = cap;
    }
    uint32_t j = namemap_slot(m->keys, m->cap, name);
    m->keys[j] = name;
    m->vals[j] = v;
    m->n++;
    ptrvec_push(a, &m->order, v);
    return NULL;
}
