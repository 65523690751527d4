/* rtmem.c — checked allocation for the runtime (see rtmem.h). */
#include "rtmem.h"
#include "msgcat.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    double *base = rt_xrealloc(col ? col - skew : NULL, n + skew, sizeof(double));
    return base + skew;
}

void rt_col_free(double *col, size_t key)
{
    if (col)
        free(col - col_skew(key));
}
