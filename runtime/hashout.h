/* hashout.h — a stream that hashes what is written through it: planc run
 * --store records the SHA-256 and the size of the output it wrote (the
 * results CSV, the JSON document, the workbook or the page), as written,
 * also to standard output or a device, where the bytes cannot be read
 * back (docs/OUTPUT.md §5). */
#ifndef PLANC_HASHOUT_H
#define PLANC_HASHOUT_H

#include <stdio.h>

typedef struct hashout hashout;

/* A stream that passes every byte written to it on to `to` and hashes
 * it.  Running out of memory ends planc, as rt_xmalloc does. */
hashout *hashout_open(FILE *to);
/* The stream to write to. */
FILE *hashout_stream(hashout *h);
/* Flushes the stream into `to` (not `to` itself), closes it and frees h;
 * the SHA-256 of the bytes written, in hex, into hex, and their number
 * into *bytes.  0, or -1 when a write to `to` failed (errno says why). */
int hashout_close(hashout *h, char hex[65], unsigned long long *bytes);

#endif
