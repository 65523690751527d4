/* rtmem.h — heap allocation for the runtime's columns and buffers.
 *
 * Compile-time data lives in the compilation's arena; runtime data (rows,
 * columns, per-block buffers) is sized by the data file and freed explicitly.
 * These wrappers never return NULL: like arena_alloc, running out of memory
 * ends the process with exit code 4 (internal error) after saying so. */
#ifndef PLANC_RTMEM_H
#define PLANC_RTMEM_H

#include <stddef.h>

/* n * size bytes, uninitialized; the product is checked for overflow. */
void *rt_xmalloc(size_t n, size_t size);
/* n * size zeroed bytes. */
void *rt_xcalloc(size_t n, size_t size);
/* Resizes p to n * size bytes. */
void *rt_xrealloc(void *p, size_t n, size_t size);
/* A malloc'd copy of s. */
char *rt_xstrdup(const char *s);

#endif
