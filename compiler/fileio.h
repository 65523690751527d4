/* fileio.h — whole files read into memory and buffers written whole to a
 * descriptor: what the rules loader (diag.c, import.c), the code cache
 * (cache.c) and the JIT's cached libraries (jit.c) share; and streams held
 * back, so that messages of work done on two threads at once come out in
 * the order the work would have had one after the other (planc run). */
#ifndef PLANC_FILEIO_H
#define PLANC_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Rules files larger than this are refused (docs/LANGUAGE.md §1). */
#define FIO_MAX_FILE_BYTES ((size_t)256 * 1024 * 1024)

/* The whole file at `path` (read to its end, not trusting its size, so a
 * pipe or a file that grows cannot overrun the buffer), malloc'd with a
 * NUL after the last byte, its length in *len.  NULL with errno set: the
 * system's, EISDIR for a directory, EFBIG when longer than `max` bytes,
 * ENOMEM. */
char *fio_read_file(const char *path, size_t max, size_t *len);

/* True when paths a and b both name an existing file and it is the same
 * one (by device and inode, so through links and other spellings): an
 * output that would replace one of the command's inputs. */
bool fio_same_file(const char *a, const char *b);

/* Writes buf[0..len) to fd, through short writes and EINTR.  False on an
 * error (errno set). */
bool fio_write_all(int fd, const void *buf, size_t len);

/* A stream whose text is held back: kept in memory until
 * fio_hold_release, which writes it to `to` and from then on passes every
 * write straight through.  Its FILE (fio_hold_stream) is unbuffered, so
 * each fprintf reaches it whole, and may be written from several threads
 * (stdio locks it).  fio_hold_close closes it, dropping text never
 * released. */
typedef struct fio_held fio_held;

/* A held stream for `to`; NULL when it cannot be made (out of memory):
 * then write to `to` directly. */
fio_held *fio_hold_open(FILE *to);

/* The stream to write to. */
FILE *fio_hold_stream(fio_held *h);

/* Writes what h kept to its stream and lets later writes through.
 * Calling it again does nothing. */
void fio_hold_release(fio_held *h);

/* Closes the stream and frees h (NULL: nothing). */
void fio_hold_close(fio_held *h);

#endif
