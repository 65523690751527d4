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

/* Columns and the first-level cache.  Two columns whose starts are a
 * multiple of 4 KiB apart put row r at the same offset within a page.  A
 * kernel that stores row r of one and then loads row r of the other waits
 * for the store as if they overlapped (the processor compares only the
 * low 12 bits of addresses: "4K aliasing"), and their lines compete for
 * one set of the L1 cache.  A loop writing 16 columns and reading 11 ran
 * 3.5 times slower so on the AMD EPYC of docs/PERFORMANCE.md.  Columns
 * are therefore laid out an odd number of 64-byte lines apart, so that 64
 * consecutive ones start on 64 different lines of a page. */

/* Doubles from one column's start to the next in a block of columns of
 * n rows: n rounded up to whole 64-byte lines, and to an odd number of
 * them. */
size_t rt_col_stride(size_t n);
/* A column allocated on its own: (re)allocates column `col` (NULL: a new
 * one) for n doubles, its values starting a number of lines into the
 * allocation that depends on `key` (a column's index), so that columns
 * with different keys start on different lines of a page.  The values
 * move with the column.  Free it with rt_col_free and the same key. */
double *rt_col_realloc(double *col, size_t key, size_t n);
void rt_col_free(double *col, size_t key);

#endif
