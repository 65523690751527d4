/* proc.c — running another program and waiting for it (proc.h). */
#include "proc.h"

#include <errno.h>
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

int proc_run(char *const argv[], const char *log, int *status, unsigned timeout_ms)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid;
    int e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e != 0)
        return e;
    int cleanup = cleanup_child(pid); /* killed if a signal ends planc */
    *status = 0;
    /* With a time limit: polled every 2 ms (a link takes tens of ms). */
    for (unsigned waited = 0; timeout_ms > 0; waited += 2) {
        pid_t r = waitpid(pid, status, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR)) {
            e = r == pid ? 0 : errno;
            cleanup_done(cleanup);
            return e;
        }
        if (waited >= timeout_ms) {
            kill(pid, SIGKILL);
            break;
        }
        nanosleep(&(struct timespec){0, 2000000}, NULL);
    }
    e = 0;
    while (waitpid(pid, status, 0) < 0 && (e = errno) == EINTR)
        e = 0;
    cleanup_done(cleanup);
    return e;
}
