/* test_proc.c — proc.c: a command's words, its output in the log, its
 * exit status, a command that cannot start, and the time limit (the
 * command killed and reaped). */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc.h"

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

static Suite *proc_suite(void)
{
    Suite *s = suite_create("proc");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, words);
    tcase_add_test(tc, output_and_status);
    tcase_add_test(tc, cannot_start);
    tcase_add_test(tc, time_limit);
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
