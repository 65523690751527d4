/* fileio.h — whole files read into memory and buffers written whole to a
 * descriptor: what the rules loader (diag.c, import.c), the code cache
 * (cache.c) and the JIT's cached libraries (jit.c) share. */
#ifndef PLANC_FILEIO_H
#define PLANC_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* Rules files larger than this are refused (docs/LANGUAGE.md §1). */
#define FIO_MAX_FILE_BYTES ((size_t)256 * 1024 * 1024)

/* The whole file at `path` (read to its end, not trusting its size, so a
 * pipe or a file that grows cannot overrun the buffer), malloc'd with a
 * NUL after the last byte, its length in *len.  NULL with errno set: the
 * system's, EISDIR for a directory, EFBIG when longer than `max` bytes,
 * ENOMEM. */
char *fio_read_file(const char *path, size_t max, size_t *len);

/* Writes buf[0..len) to fd, through short writes and EINTR.  False on an
 * error (errno set). */
bool fio_write_all(int fd, const void *buf, size_t len);

#endif
