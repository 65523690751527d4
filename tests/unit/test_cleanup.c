/* test_cleanup.c — cleanup.c: a process ended by a signal removes the
 * files and directories (with their files) it registered, kills the
 * children it registered, and still ends by that signal; what was
 * released is kept; the table's limits; an ignored signal stays ignored. */
#include <check.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "proc_fixture.h"

static char dir[64];

static void setup(void)
{
    strcpy(dir, "/tmp/planc-test-cleanup-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Removes dir and what a failed test may have left in it. */
static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Creates the file dir/name (with a few bytes); its path in out. */
static void make_file(const char *name, char *out, size_t n)
{
    snprintf(out, n, "%s/%s", dir, name);
    FILE *f = fopen(out, "w");
    ck_assert_ptr_nonnull(f);
    fputs("partial", f);
    fclose(f);
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* A child registers a file, a directory holding three files, a file it
 * then releases, and a grandchild; SIGTERM ends it.  The registered file
 * and directory are gone, the released file stays, the grandchild is
 * killed, and the child's status says SIGTERM. */
START_TEST(signal_removes)
{
    char file[128], kept[128], sub[128], inner[160];
    make_file("out.tmp", file, sizeof file);
    make_file("kept", kept, sizeof kept);
    snprintf(sub, sizeof sub, "%s/work", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    for (int i = 0; i < 3; i++) {
        snprintf(inner, sizeof inner, "%s/part%d.o", sub, i);
        FILE *f = fopen(inner, "w");
        ck_assert_ptr_nonnull(f);
        fclose(f);
    }
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        cleanup_install();
        pid_t grand = fork();
        if (grand == 0) {
            alarm(10); /* ends it anyway if the test fails */
            pause();
            _exit(0);
        }
        ck_assert_int_ge(cleanup_file(file), 0);
        ck_assert_int_ge(cleanup_dir(sub), 0);
        int k = cleanup_file(kept);
        ck_assert_int_ge(k, 0);
        cleanup_done(k);
        ck_assert_int_ge(cleanup_child(grand), 0);
        ck_assert(write(fds[1], &grand, sizeof grand) == sizeof grand);
        raise(SIGTERM);
        _exit(99); /* not reached: the handler ends the process */
    }
    close(fds[1]);
    pid_t grand = 0;
    ck_assert(read(fds[0], &grand, sizeof grand) == sizeof grand);
    close(fds[0]);
    int status = 0;
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFSIGNALED(status));
    ck_assert_int_eq(WTERMSIG(status), SIGTERM);
    ck_assert(!exists(file));
    ck_assert(!exists(sub));
    ck_assert(exists(kept));
    /* The grandchild was killed (then reaped by init, or a zombie). */
    for (int i = 0; i < 200 && running(grand); i++)
        usleep(10000);
    ck_assert_msg(!running(grand), "the registered child still runs");
}
END_TEST

/* exit() on an error path (out of memory: exit 4) removes what is still
 * registered, as a signal does; a child made by fork that calls exit()
 * removes nothing of its parent's. */
START_TEST(exit_removes)
{
    char file[128], kept[128], sub[128];
    make_file("exit.tmp", file, sizeof file);
    make_file("exit-kept", kept, sizeof kept);
    snprintf(sub, sizeof sub, "%s/exit-work", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    pid_t child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        cleanup_install();
        if (cleanup_file(file) < 0 || cleanup_dir(sub) < 0)
            _exit(90);
        int k = cleanup_file(kept);
        cleanup_done(k);
        pid_t grand = fork();
        if (grand == 0)
            exit(0); /* runs the inherited atexit handler */
        int st = 0;
        if (waitpid(grand, &st, 0) != grand || !exists(file) || !exists(sub))
            _exit(91); /* the grandchild removed its parent's files */
        exit(4);
    }
    int status = 0;
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 4);
    ck_assert(!exists(file));
    ck_assert(!exists(sub));
    ck_assert(exists(kept));
}
END_TEST

/* A signal the process ignored before cleanup_install stays ignored. */
START_TEST(ignored_stays_ignored)
{
    pid_t child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        signal(SIGHUP, SIG_IGN);
        cleanup_install();
        raise(SIGHUP);
        struct sigaction sa;
        sigaction(SIGTERM, NULL, &sa);
        /* SIGTERM, not ignored before, got the handler. */
        _exit(sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN ? 7 : 8);
    }
    int status = 0;
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 7);
}
END_TEST

/* A path too long is not registered; the table holds CLEANUP_SLOTS at
 * once, and released slots are taken again. */
START_TEST(limits)
{
    char *longpath = malloc(CLEANUP_PATH_MAX + 1);
    memset(longpath, 'a', CLEANUP_PATH_MAX);
    longpath[CLEANUP_PATH_MAX] = '\0';
    ck_assert_int_eq(cleanup_file(longpath), -1);
    longpath[CLEANUP_PATH_MAX - 1] = '\0';
    int h = cleanup_file(longpath);
    ck_assert_int_ge(h, 0);
    cleanup_done(h);
    free(longpath);
    int hs[CLEANUP_SLOTS];
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        ck_assert_int_ge(hs[i] = cleanup_file("/nonexistent/x"), 0);
    ck_assert_int_eq(cleanup_file("/nonexistent/y"), -1);
    cleanup_done(hs[5]);
    ck_assert_int_eq(cleanup_file("/nonexistent/z"), hs[5]);
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        cleanup_done(hs[i]);
    cleanup_done(-1);
}
END_TEST

static Suite *cleanup_suite(void)
{
    Suite *s = suite_create("cleanup");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, signal_removes);
    tcase_add_test(tc, exit_removes);
    tcase_add_test(tc, ignored_stays_ignored);
    tcase_add_test(tc, limits);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(cleanup_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
