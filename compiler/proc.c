/* proc.c — running another program and waiting for it (proc.h). */
#include "proc.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "cleanup.h"

extern char **environ;

int proc_words(char *line, char **argv)
{
    int n = 0;
    char *save = NULL;
    for (char *w = strtok_r(line, " \t", &save); w && n < PROC_MAX_WORDS;
         w = strtok_r(NULL, " \t", &save))
        argv[n++] = w;
    return n;
}

/* Waits for child pid to end, without reaping it (WNOWAIT: it stays a
 * zombie, so its pid is not given to another process yet), or, when
 * !block, only looks.  Returns 1 when it ended, 0 when it still runs,
 * -1 on an error (errno). */
static int ended(pid_t pid, bool block)
{
    for (;;) {
        siginfo_t si = {0};
        if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT | (block ? 0 : WNOHANG)) == 0)
            return si.si_pid == pid;
        if (errno != EINTR)
            return -1;
    }
}

/* Forgets the ended child pid (cleanup_done) and only then reaps it
 * into *status: reaped first, its pid could be another process's by the
 * time a signal's handler killed it.  Returns 0 or the errno value. */
static int reap(pid_t pid, int cleanup, int *status)
{
    cleanup_done(cleanup);
    while (waitpid(pid, status, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

int proc_run(char *const argv[], const char *log, int *status, unsigned timeout_ms)
{
    /* no signal ends planc between starting the child and registering
     * it (cleanup.h): it is killed if a signal ends planc */
    if (!cleanup_spawn_begin())
        return EINTR;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    /* the signals planc ignores for itself (SIGXFSZ: a write past ulimit -f
     * fails with EFBIG) at their defaults in the child, as planc's own
     * parent gave them: ignored dispositions survive exec */
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    sigset_t dfl;
    cleanup_child_sigdefault(&dfl);
    posix_spawnattr_setsigdefault(&at, &dfl);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    int e = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    int cleanup = cleanup_spawn_end(e == 0 ? pid : -1);
    if (e != 0)
        return e;
    *status = 0;
    /* With a time limit: polled every 2 ms (a link takes tens of ms). */
    int r = 0;
    for (unsigned waited = 0; timeout_ms > 0 && r == 0; waited += 2) {
        r = ended(pid, false);
        if (r == 0 && waited >= timeout_ms) {
            kill(pid, SIGKILL);
            break;
        }
        if (r == 0)
            nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    if (r == 0) /* no time limit, or killed */
        r = ended(pid, true);
    if (r < 0) {
        e = errno;
        cleanup_done(cleanup);
        return e;
    }
    return reap(pid, cleanup, status);
}
