/* hashout.c — a stream that hashes what passes through it (hashout.h),
 * made with glibc's fopencookie: the reports write to a FILE, and only
 * planc run --store needs the hash, so the reports stay as they are. */
#define _GNU_SOURCE
#include "hashout.h"

#include <errno.h>
#include <stdlib.h>

#include "rtmem.h"
#include "sha256.h"
#include "msgcat.h"

/* The hash so far, the bytes counted and where they go. */
struct hashout {
    FILE *to;
    FILE *f;
    sha256_ctx h;
    unsigned long long bytes;
};

/* fopencookie's write: the bytes to `to`, then into the hash; -1 (the
 * stream's error) when `to` took fewer. */
static ssize_t hashout_write(void *cookie, const char *buf, size_t n)
{
    hashout *h = cookie;
    if (fwrite(buf, 1, n, h->to) != n)
        return -1;
    sha256_update(&h->h, buf, n);
    h->bytes += n;
    return (ssize_t)n;
}

hashout *hashout_open(FILE *to)
{
    hashout *h = rt_xcalloc(1, sizeof *h);
    h->to = to;
    sha256_init(&h->h);
    cookie_io_functions_t io = {.write = hashout_write};
    h->f = fopencookie(h, "w", io);
    if (!h->f) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(4);
    }
    return h;
}

FILE *hashout_stream(hashout *h)
{
    return h->f;
}

int hashout_close(hashout *h, char hex[65], unsigned long long *bytes)
{
    int rc = fclose(h->f) == 0 ? 0 : -1;
    int saved = errno;
    sha256_hex(&h->h, hex);
    *bytes = h->bytes;
    free(h);
    errno = saved;
    return rc;
}
