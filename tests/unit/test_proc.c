/* test_proc.c — proc.c: a command's words, its output in the log, its
 * exit status, a command that cannot start, the time limit (the command
 * killed and reaped), and a signal that arrives just as the command has
 * started (it is killed with planc). */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <check.h>
#include <dlfcn.h>
#include <spawn.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "proc.h"
#include "proc_fixture.h"

/* When not 0: posix_spawnp below writes the new child's pid to this pipe
 * and sends planc SIGTERM as soon as the child has started, before
 * proc_run can do anything more. */
static int signal_after_spawn_fd;

/* Stands in for the C library's posix_spawnp in this test program (proc.c
 * calls this one): the real one, then the signal if asked for. */
int posix_spawnp(pid_t *restrict pid, const char *restrict file,
                 const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *restrict attr,
                 char *const argv[restrict], char *const envp[restrict])
{
    int (*real)(pid_t *restrict, const char *restrict, const posix_spawn_file_actions_t *,
                const posix_spawnattr_t *restrict, char *const[restrict], char *const[restrict]);
    *(void **)&real = dlsym(RTLD_NEXT, "posix_spawnp");
    int e = real(pid, file, actions, attr, argv, envp);
    if (e == 0 && signal_after_spawn_fd) {
        ck_assert_int_eq(write(signal_after_spawn_fd, pid, sizeof *pid), (ssize_t)sizeof *pid);
        kill(getpid(), SIGTERM);
    }
    return e;
}

static char dir[64], logpath[128];

static void setup(void)
{
    strcpy(dir, "/tmp/planc-test-proc-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(logpath, sizeof logpath, "%s/log", dir);
}

static void teardown(void)
{
    unlink(logpath);
    rmdir(dir);
}

/* The log's first line (without its newline). */
static const char *log_line(void)
{
    static char line[256];
    FILE *f = fopen(logpath, "r");
    ck_assert_ptr_nonnull(f);
    if (!fgets(line, sizeof line, f))
        line[0] = '\0';
    fclose(f);
    line[strcspn(line, "\n")] = '\0';
    return line;
}

/* Words split at spaces and tabs; a blank command has none. */
START_TEST(words)
{
    char line[] = "  ccache \tgcc   -O2 ";
    char *argv[PROC_MAX_WORDS];
    ck_assert_int_eq(proc_words(line, argv), 3);
    ck_assert_str_eq(argv[0], "ccache");
    ck_assert_str_eq(argv[1], "gcc");
    ck_assert_str_eq(argv[2], "-O2");
    char blank[] = " \t ";
    ck_assert_int_eq(proc_words(blank, argv), 0);
}
END_TEST

/* Standard output and error go to the log; the exit status comes back. */
START_TEST(output_and_status)
{
    char *argv[] = {"sh", "-c", "echo out; echo err >&2; exit 3", NULL};
    int status = -1;
    ck_assert_int_eq(proc_run(argv, logpath, &status, 0), 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 3);
    ck_assert_str_eq(log_line(), "out");
    char *ok[] = {"true", NULL};
    ck_assert_int_eq(proc_run(ok, logpath, &status, 5000), 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

/* A program that does not exist: the errno, no status. */
START_TEST(cannot_start)
{
    char *argv[] = {"/nonexistent/planc-test-program", NULL};
    int status = 0;
    ck_assert_int_eq(proc_run(argv, logpath, &status, 0), ENOENT);
}
END_TEST

/* Over the time limit: killed with SIGKILL and reaped (no zombie left:
 * waitpid finds no child). */
START_TEST(time_limit)
{
    char *argv[] = {"sleep", "30", NULL};
    int status = 0;
    ck_assert_int_eq(proc_run(argv, logpath, &status, 50), 0);
    ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
    ck_assert_int_eq(errno, ECHILD);
}
END_TEST

/* A SIGTERM that arrives right after the child started, before proc_run
 * registered it (cleanup.h), still ends planc by SIGTERM and kills the
 * child: it used to keep running (the C compiler left behind by a
 * Ctrl-C).  planc is a forked process here, with cleanup's handlers. */
START_TEST(signal_while_starting)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t planc = fork();
    ck_assert_int_ge(planc, 0);
    if (planc == 0) {
        close(fds[0]);
        cleanup_install();
        signal_after_spawn_fd = fds[1];
        char *argv[] = {"sleep", "60", NULL};
        int status = 0;
        proc_run(argv, logpath, &status, 0);
        _exit(0); /* not reached: the signal ended planc */
    }
    close(fds[1]);
    pid_t child = 0;
    ck_assert_int_eq(read(fds[0], &child, sizeof child), (ssize_t)sizeof child);
    close(fds[0]);
    int st = 0;
    ck_assert_int_eq(waitpid(planc, &st, 0), planc);
    ck_assert_msg(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "planc was not ended by SIGTERM");
    bool gone = false;
    for (int i = 0; i < 200 && !(gone = !running(child)); i++)
        usleep(10000);
    if (!gone)
        kill(child, SIGKILL);
    ck_assert_msg(gone, "the child still runs after planc was ended by a signal");
}
END_TEST

/* The child gets SIGXFSZ's default back although planc ignores it (for
 * its own writes past ulimit -f): a child writing past the limit is ended
 * by the signal, as it would be when run from a shell, not left to go on
 * with EFBIG.  (Each test runs in a process of its own.) */
START_TEST(child_signal_defaults)
{
    cleanup_install();
    ck_assert(signal(SIGXFSZ, SIG_IGN) == SIG_IGN);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "exec 2>/dev/null; ulimit -f 1; head -c 100000 /dev/zero >%s/big; echo $?", dir);
    char *argv[] = {"sh", "-c", cmd, NULL};
    int status = -1;
    ck_assert_int_eq(proc_run(argv, logpath, &status, 0), 0);
    char path[160];
    snprintf(path, sizeof path, "%s/big", dir);
    unlink(path);
    ck_assert_str_eq(log_line(), "153"); /* 128 + SIGXFSZ (25) */
}
END_TEST

static Suite *proc_suite(void)
{
    Suite *s = suite_create("proc");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, words);
    tcase_add_test(tc, output_and_status);
    tcase_add_test(tc, cannot_start);
    tcase_add_test(tc, time_limit);
    tcase_add_test(tc, signal_while_starting);
    tcase_add_test(tc, child_signal_defaults);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(proc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
