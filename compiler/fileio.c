/* fileio.c — whole files in and out, and held streams (see fileio.h). */
#define _GNU_SOURCE /* fopencookie */
#include "fileio.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

char *fio_read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    if (fstat(fileno(f), &st) == 0) {
        if (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)) {
            fclose(f);
            errno = S_ISDIR(st.st_mode) ? EISDIR : EFBIG;
            return NULL;
        }
    }
    size_t cap = 64 * 1024, n = 0;
    char *buf = malloc(cap + 1);
    int err = 0;
    while (buf) {
        if (n == cap) {
            if (cap > max) {
                err = EFBIG;
                break;
            }
            char *bigger = realloc(buf, cap * 2 + 1);
            if (!bigger) {
                err = ENOMEM;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (!buf)
        err = ENOMEM;
    else if (!err && ferror(f))
        err = errno ? errno : EIO;
    else if (!err && n > max)
        err = EFBIG;
    fclose(f);
    if (err) {
        free(buf);
        errno = err;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

bool fio_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool fio_write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        len -= (size_t)w;
    }
    return true;
}

/* A held stream (the cookie of fopencookie): its FILE, the stream it is
 * for, the text kept so far, and whether it was released.  The FILE's own
 * lock serialises the writes and the release. */
struct fio_held {
    FILE *file;
    FILE *to;
    char *text;
    size_t len, cap;
    bool released;
};

/* The cookie's write: keeps the bytes, or passes them on once released.
 * Returns the bytes taken; 0 is an error for stdio. */
static ssize_t held_write(void *cookie, const char *buf, size_t n)
{
    fio_held *h = cookie;
    if (h->released)
        return (ssize_t)fwrite(buf, 1, n, h->to);
    if (n > h->cap - h->len) {
        size_t cap = h->cap ? h->cap : 1024;
        while (cap - h->len < n)
            cap *= 2;
        char *text = realloc(h->text, cap);
        if (!text)
            return 0;
        h->text = text;
        h->cap = cap;
    }
    memcpy(h->text + h->len, buf, n);
    h->len += n;
    return (ssize_t)n;
}

/* The cookie's close: frees h (text never released is dropped). */
static int held_close(void *cookie)
{
    fio_held *h = cookie;
    free(h->text);
    free(h);
    return 0;
}

fio_held *fio_hold_open(FILE *to)
{
    fio_held *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->to = to;
    h->file = fopencookie(h, "w", (cookie_io_functions_t){.write = held_write, .close = held_close});
    if (!h->file) {
        free(h);
        return NULL;
    }
    setvbuf(h->file, NULL, _IONBF, 0);
    return h;
}

FILE *fio_hold_stream(fio_held *h)
{
    return h->file;
}

void fio_hold_release(fio_held *h)
{
    flockfile(h->file);
    if (!h->released) {
        h->released = true;
        if (h->len) {
            fwrite(h->text, 1, h->len, h->to);
            fflush(h->to);
        }
        free(h->text);
        h->text = NULL;
        h->len = h->cap = 0;
    }
    funlockfile(h->file);
}

void fio_hold_close(fio_held *h)
{
    if (h)
        fclose(h->file);
}
