/* failshim.c — a failure injected into planc build, for tests/aot/aot.sh:
 * preloaded (LD_PRELOAD), it makes one system call fail as a full disk or
 * a failing device would, or ends the process there as a crash would.
 *
 *   FAILSHIM_FSYNC=TEXT    fsync of a file whose path contains TEXT fails (ENOSPC)
 *   FAILSHIM_RENAME=TEXT   rename to a path that ends with TEXT fails (EIO)
 *   FAILSHIM_KILL=TEXT     rename to a path that ends with TEXT kills the
 *                          process (SIGKILL) before it renames
 *
 * Every other call goes to the C library as it is. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether s ends with the text of environment variable var (set, not empty). */
static int ends_with_env(const char *s, const char *var)
{
    const char *t = getenv(var);
    size_t n = s ? strlen(s) : 0, m = t ? strlen(t) : 0;
    return m > 0 && n >= m && strcmp(s + n - m, t) == 0;
}

int rename(const char *from, const char *to)
{
    if (ends_with_env(to, "FAILSHIM_KILL"))
        kill(getpid(), SIGKILL);
    if (ends_with_env(to, "FAILSHIM_RENAME")) {
        errno = EIO;
        return -1;
    }
    int (*real)(const char *, const char *) =
        (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    return real(from, to);
}

int fsync(int fd)
{
    const char *t = getenv("FAILSHIM_FSYNC");
    if (t && *t) {
        char link[64], path[4096];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, path, sizeof path - 1);
        if (n > 0) {
            path[n] = '\0';
            if (strstr(path, t)) {
                errno = ENOSPC;
                return -1;
            }
        }
    }
    int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    return real(fd);
}
