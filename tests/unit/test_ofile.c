/* test_ofile.c — atomic output files: a committed file has everything, a
 * failed or aborted one leaves the old file as it was and no temporary
 * file behind, and the errors say why. */
#include <check.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ofile.h"

/* A fresh directory for one test (malloc'd path). */
static char *make_dir(void)
{
    char tmpl[] = "/tmp/planc-test-ofile-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(tmpl));
    return strdup(tmpl);
}

/* Removes dir and the files in it. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

/* Number of entries in dir besides . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* The whole contents of a file (malloc'd), or NULL if it cannot be read. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Writes text to path directly (the "old" file). */
static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* An in-memory error stream for one ofile call. */
typedef struct errbuf {
    char *text;
    size_t len;
    FILE *f;
} errbuf;

static FILE *err_open(errbuf *e)
{
    e->text = NULL;
    e->f = open_memstream(&e->text, &e->len);
    return e->f;
}

static const char *err_text(errbuf *e)
{
    fclose(e->f);
    return e->text;
}

START_TEST(commit_writes_new_file)
{
    char *dir = make_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    errbuf e;
    ofile *o = ofile_open(path, err_open(&e));
    ck_assert_ptr_nonnull(o);
    fputs("a,b\n1,2\n", ofile_stream(o));
    /* Nothing at the target until the commit. */
    ck_assert_ptr_null(slurp(path));
    ck_assert_int_eq(count_entries(dir), 1);
    ck_assert_int_eq(ofile_commit(o, e.f), 0);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    char *got = slurp(path);
    ck_assert_str_eq(got, "a,b\n1,2\n");
    free(got);
    ck_assert_int_eq(count_entries(dir), 1);
    /* A new file gets the usual mode, not mkstemp's 0600. */
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    mode_t mask = umask(0);
    umask(mask);
    ck_assert_uint_eq(st.st_mode & 0777, 0666 & ~mask);
    remove_dir(dir);
    free(dir);
}
END_TEST

START_TEST(commit_replaces_and_keeps_mode)
{
    char *dir = make_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    put_file(path, "old\n");
    ck_assert_int_eq(chmod(path, 0640), 0);
    errbuf e;
    ofile *o = ofile_open(path, err_open(&e));
    ck_assert_ptr_nonnull(o);
    fputs("new\n", ofile_stream(o));
    ck_assert_int_eq(ofile_commit(o, e.f), 0);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    char *got = slurp(path);
    ck_assert_str_eq(got, "new\n");
    free(got);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq(st.st_mode & 0777, 0640);
    ck_assert_int_eq(count_entries(dir), 1);
    remove_dir(dir);
    free(dir);
}
END_TEST

START_TEST(abort_keeps_old_file)
{
    char *dir = make_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    put_file(path, "old\n");
    errbuf e;
    ofile *o = ofile_open(path, err_open(&e));
    ck_assert_ptr_nonnull(o);
    fputs("partial", ofile_stream(o));
    fflush(ofile_stream(o));
    ck_assert_int_eq(count_entries(dir), 2);
    ofile_abort(o);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    char *got = slurp(path);
    ck_assert_str_eq(got, "old\n");
    free(got);
    ck_assert_int_eq(count_entries(dir), 1);
    remove_dir(dir);
    free(dir);
}
END_TEST

/* ofile_finish writes the file out without putting it in place: the old
 * file stays until ofile_commit, and ofile_abort after it keeps the old
 * one (planc run --store commits the run between the two). */
START_TEST(finish_then_commit_or_abort)
{
    char *dir = make_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    for (int commit = 0; commit < 2; commit++) {
        put_file(path, "old\n");
        errbuf e;
        ofile *o = ofile_open(path, err_open(&e));
        ck_assert_ptr_nonnull(o);
        fputs("new\n", ofile_stream(o));
        ck_assert_int_eq(ofile_finish(o, e.f), 0);
        ck_assert_int_eq(ofile_finish(o, e.f), 0); /* once is enough */
        char *got = slurp(path);
        ck_assert_str_eq(got, "old\n");
        free(got);
        ck_assert_int_eq(count_entries(dir), 2);
        if (commit)
            ck_assert_int_eq(ofile_commit(o, e.f), 0);
        else
            ofile_abort(o);
        ck_assert_str_eq(err_text(&e), "");
        free(e.text);
        got = slurp(path);
        ck_assert_str_eq(got, commit ? "new\n" : "old\n");
        free(got);
        ck_assert_int_eq(count_entries(dir), 1);
    }
    remove_dir(dir);
    free(dir);
}
END_TEST

/* ofile_commit_undoable puts the new file in place and keeps the old one
 * under a second name: ofile_undo puts it back (or removes the new file
 * when there was none), ofile_settle keeps the new one; either leaves the
 * directory with the one file. */
START_TEST(undoable_commit)
{
    char *dir = make_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    for (int undo = 0; undo < 2; undo++)
        for (int had_old = 0; had_old < 2; had_old++) {
            unlink(path);
            if (had_old)
                put_file(path, "old\n");
            errbuf e;
            ofile *o = ofile_open(path, err_open(&e));
            ck_assert_ptr_nonnull(o);
            fputs("new\n", ofile_stream(o));
            ck_assert_int_eq(ofile_commit_undoable(o, e.f), 0);
            char *got = slurp(path);
            ck_assert_str_eq(got, "new\n");
            free(got);
            /* the new file and the old one's second name */
            ck_assert_int_eq(count_entries(dir), 1 + had_old);
            if (undo)
                ofile_undo(o);
            else
                ofile_settle(o);
            ck_assert_str_eq(err_text(&e), "");
            free(e.text);
            if (undo && !had_old) {
                ck_assert_int_eq(count_entries(dir), 0);
                continue;
            }
            got = slurp(path);
            ck_assert_str_eq(got, undo ? "old\n" : "new\n");
            free(got);
            ck_assert_int_eq(count_entries(dir), 1);
        }
    remove_dir(dir);
    free(dir);
}
END_TEST

/* The old file's second name a writer killed after the commit's link
 * left (".out.csv.XXXXXX.old") is removed by the next ofile_open of the
 * target, as a killed writer's temporary file is; a live writer's, whose
 * ofile_undo still needs it, is kept (it holds a lock of it), and names
 * that only look alike are no one's to remove. */
START_TEST(sweep_removes_killed_old_name)
{
    char *dir = make_dir();
    char path[4096], left[4096], other[4096], more[4096];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    snprintf(left, sizeof left, "%s/.out.csv.Ab12Cd.old", dir);
    snprintf(other, sizeof other, "%s/.out.csv.Ab12Cd.older", dir);
    snprintf(more, sizeof more, "%s/.out.csv.Ab12.old", dir);
    put_file(path, "old\n");
    ck_assert_int_eq(link(path, left), 0); /* as the killed commit made it */
    put_file(other, "x\n");
    put_file(more, "x\n");
    errbuf e;
    ofile *o = ofile_open(path, err_open(&e));
    ck_assert_ptr_nonnull(o);
    ck_assert_int_ne(access(left, F_OK), 0);
    ck_assert_int_eq(access(other, F_OK), 0);
    ck_assert_int_eq(access(more, F_OK), 0);
    /* a live writer's second name survives another's sweep */
    fputs("new\n", ofile_stream(o));
    ck_assert_int_eq(ofile_commit_undoable(o, e.f), 0);
    ck_assert_int_eq(count_entries(dir), 4); /* out.csv, its .old, other, more */
    ofile *o2 = ofile_open(path, e.f);
    ck_assert_ptr_nonnull(o2);
    ofile_abort(o2);
    ck_assert_int_eq(count_entries(dir), 4);
    ofile_undo(o);
    char *got = slurp(path);
    ck_assert_str_eq(got, "old\n");
    free(got);
    ck_assert_int_eq(count_entries(dir), 3);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    remove_dir(dir);
    free(dir);
}
END_TEST

/* A target's name of 255 bytes (NAME_MAX, the longest legal) has a
 * temporary name beside it, and a second name of the file it replaces:
 * made of the name's first OFILE_STEM_MAX bytes (not cutting a UTF-8
 * character), and known to the sweep as the target's ("File name too
 * long" before).  A name that shares only those bytes is no one's. */
START_TEST(long_names_fit)
{
    char name[256], zh[256];
    memset(name, 'a', 251);
    strcpy(name + 251, ".csv");
    ck_assert_uint_eq(strlen(name), 255);
    ck_assert_uint_eq(ofile_temp_stem(name), OFILE_STEM_MAX);
    ck_assert_uint_eq(ofile_temp_stem("out.csv"), 7);
    /* 83 three-byte characters and ".csv": cut before the 80th */
    zh[0] = '\0';
    for (int i = 0; i < 83; i++)
        strcat(zh, "名");
    strcat(zh, ".csv");
    ck_assert_uint_eq(ofile_temp_stem(zh), 79 * 3);
    char temp[300];
    snprintf(temp, sizeof temp, ".%.*s.Ab12Cd", OFILE_STEM_MAX, name);
    ck_assert(ofile_temp_name_of(temp, name));
    snprintf(temp, sizeof temp, ".%.*s.Ab12Cd", OFILE_STEM_MAX - 1, name);
    ck_assert(!ofile_temp_name_of(temp, name));
    snprintf(temp, sizeof temp, ".%.*s.Ab12Cd", 79 * 3, zh);
    ck_assert(ofile_temp_name_of(temp, zh));

    char *dir = make_dir();
    char path[4096], left[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(left, sizeof left, "%s/.%.*s.Xy34Zw", dir, OFILE_STEM_MAX, name);
    put_file(path, "old\n");
    put_file(left, "killed\n"); /* a killed writer's, no lock held */
    errbuf e;
    ofile *o = ofile_open(path, err_open(&e));
    ck_assert_ptr_nonnull(o);
    ck_assert_int_ne(access(left, F_OK), 0);
    fputs("new\n", ofile_stream(o));
    ck_assert_int_eq(ofile_commit_undoable(o, e.f), 0);
    ck_assert_int_eq(count_entries(dir), 2); /* the file and the old one's second name */
    ofile_undo(o);
    char *got = slurp(path);
    ck_assert_str_eq(got, "old\n");
    free(got);
    o = ofile_open(path, e.f);
    ck_assert_ptr_nonnull(o);
    fputs("new\n", ofile_stream(o));
    ck_assert_int_eq(ofile_commit(o, e.f), 0);
    got = slurp(path);
    ck_assert_str_eq(got, "new\n");
    free(got);
    ck_assert_int_eq(count_entries(dir), 1);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    remove_dir(dir);
    free(dir);
}
END_TEST

START_TEST(failed_write_keeps_old_file)
{
    /* A file size limit makes the writes fail (EFBIG); the commit must then
     * fail, remove the temporary file and leave the old file alone. */
    char *dir = make_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    put_file(path, "old\n");
    errbuf e;
    ofile *o = ofile_open(path, err_open(&e));
    ck_assert_ptr_nonnull(o);
    struct rlimit saved, small;
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &saved), 0);
    small = saved;
    small.rlim_cur = 4096;
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    for (int i = 0; i < 10000; i++)
        fputs("0123456789", ofile_stream(o));
    int rc = ofile_commit(o, e.f);
    setrlimit(RLIMIT_FSIZE, &saved);
    signal(SIGXFSZ, old_handler);
    ck_assert_int_eq(rc, -1);
    const char *msg = err_text(&e);
    ck_assert_msg(strstr(msg, "planc: error: cannot write '") == msg && strstr(msg, "File too large\n"),
                  "unexpected message: %s", msg);
    free(e.text);
    char *got = slurp(path);
    ck_assert_str_eq(got, "old\n");
    free(got);
    ck_assert_int_eq(count_entries(dir), 1);
    remove_dir(dir);
    free(dir);
}
END_TEST

START_TEST(rename_failure_keeps_target)
{
    /* The target became a non-empty directory after opening: the rename
     * fails and the temporary file goes. */
    char *dir = make_dir();
    char path[4096], inner[4200];
    snprintf(path, sizeof path, "%s/out", dir);
    errbuf e;
    ofile *o = ofile_open(path, err_open(&e));
    ck_assert_ptr_nonnull(o);
    fputs("x\n", ofile_stream(o));
    ck_assert_int_eq(mkdir(path, 0755), 0);
    snprintf(inner, sizeof inner, "%s/keep", path);
    put_file(inner, "k");
    ck_assert_int_eq(ofile_commit(o, e.f), -1);
    const char *msg = err_text(&e);
    ck_assert_msg(strstr(msg, "planc: error: cannot write '") == msg, "unexpected message: %s", msg);
    free(e.text);
    ck_assert_int_eq(count_entries(dir), 1);
    ck_assert_int_eq(count_entries(path), 1);
    unlink(inner);
    rmdir(path);
    remove_dir(dir);
    free(dir);
}
END_TEST

/* A regular file nobody may write (mode 0444) is refused, named, and kept
 * as it was, also for root (whom access() lets write anything); a file the
 * user may write, a missing one and a device may be replaced. */
START_TEST(read_only_refused)
{
    char *dir = make_dir();
    char path[4096], want[8400];
    errbuf e;
    snprintf(path, sizeof path, "%s/kept.csv", dir);
    put_file(path, "last month");
    ck_assert_int_eq(chmod(path, 0444), 0);
    ck_assert_ptr_null(ofile_open(path, err_open(&e)));
    snprintf(want, sizeof want, "planc: error: cannot write '%s': you may not write it (mode 0444), "
             "and planc does not replace a file kept read-only: make it writable (chmod u+w) or "
             "write elsewhere\n", path);
    ck_assert_str_eq(err_text(&e), want);
    free(e.text);
    char *kept = slurp(path);
    ck_assert_str_eq(kept, "last month");
    free(kept);
    ck_assert_int_eq(count_entries(dir), 1);   /* no temporary file beside it */
    ck_assert_int_eq(ofile_writable(path, err_open(&e)), -1);
    ck_assert_str_eq(err_text(&e), want);
    free(e.text);
    ck_assert_int_eq(chmod(path, 0644), 0);
    ck_assert_int_eq(ofile_writable(path, err_open(&e)), 0);
    snprintf(path, sizeof path, "%s/absent.csv", dir);
    ck_assert_int_eq(ofile_writable(path, e.f), 0);
    ck_assert_int_eq(ofile_writable("/dev/null", e.f), 0);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    remove_dir(dir);
    free(dir);
}
END_TEST

START_TEST(open_errors)
{
    char *dir = make_dir();
    char path[4096], want[8400];
    errbuf e;

    snprintf(path, sizeof path, "%s/missing/out.csv", dir);
    ck_assert_ptr_null(ofile_open(path, err_open(&e)));
    snprintf(want, sizeof want, "planc: error: cannot write '%s': directory '%s/missing' does not exist\n",
             path, dir);
    ck_assert_str_eq(err_text(&e), want);
    free(e.text);

    ck_assert_ptr_null(ofile_open(dir, err_open(&e)));
    snprintf(want, sizeof want, "planc: error: cannot write '%s': it is a directory\n", dir);
    ck_assert_str_eq(err_text(&e), want);
    free(e.text);

    snprintf(path, sizeof path, "%s/", dir);
    ck_assert_ptr_null(ofile_open(path, err_open(&e)));
    snprintf(want, sizeof want, "planc: error: cannot write '%s/': it is a directory\n", dir);
    ck_assert_str_eq(err_text(&e), want);
    free(e.text);

    snprintf(path, sizeof path, "%s/file", dir);
    put_file(path, "");
    snprintf(path, sizeof path, "%s/file/out.csv", dir);
    ck_assert_ptr_null(ofile_open(path, err_open(&e)));
    snprintf(want, sizeof want, "planc: error: cannot write '%s': '%s/file' is not a directory\n",
             path, dir);
    ck_assert_str_eq(err_text(&e), want);
    free(e.text);

    /* A directory where no file can be created (procfs says ENOENT):
     * not "does not exist". */
    struct stat pst;
    if (stat("/proc/version", &pst) == 0 && S_ISREG(pst.st_mode)) {
        ck_assert_ptr_null(ofile_open("/proc/planc-out.csv", err_open(&e)));
        ck_assert_str_eq(err_text(&e), "planc: error: cannot write '/proc/planc-out.csv': cannot "
                                       "create files in '/proc'\n");
        free(e.text);
        /* and a file there that nobody may write (0444) is refused as one */
        if ((pst.st_mode & 0222) == 0) {
            ck_assert_ptr_null(ofile_open("/proc/version", err_open(&e)));
            ck_assert_ptr_nonnull(strstr(err_text(&e), "'/proc/version': you may not write it"));
            free(e.text);
        }
    }

    /* No permission (root may write anywhere: then only the open succeeds). */
    snprintf(path, sizeof path, "%s/ro", dir);
    ck_assert_int_eq(mkdir(path, 0555), 0);
    snprintf(path, sizeof path, "%s/ro/out.csv", dir);
    ofile *o = ofile_open(path, err_open(&e));
    if (geteuid() != 0) {
        ck_assert_ptr_null(o);
        snprintf(want, sizeof want, "planc: error: cannot write '%s': no permission to create files in '%s/ro'\n",
                 path, dir);
        ck_assert_str_eq(err_text(&e), want);
    } else {
        ck_assert_ptr_nonnull(o);
        ofile_abort(o);
        err_text(&e);
    }
    free(e.text);
    snprintf(path, sizeof path, "%s/ro", dir);
    rmdir(path);
    remove_dir(dir);
    free(dir);
}
END_TEST

START_TEST(relative_path)
{
    /* A bare file name is written in the current directory. */
    char *dir = make_dir();
    char cwd[4096];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(dir), 0);
    errbuf e;
    ofile *o = ofile_open("out.csv", err_open(&e));
    ck_assert_ptr_nonnull(o);
    fputs("ok\n", ofile_stream(o));
    ck_assert_int_eq(ofile_commit(o, e.f), 0);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    char *got = slurp("out.csv");
    ck_assert_str_eq(got, "ok\n");
    free(got);
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_int_eq(count_entries(dir), 1);
    remove_dir(dir);
    free(dir);
}
END_TEST

START_TEST(device_written_in_place)
{
    /* /dev/null is a device: written directly, never replaced by a file. */
    errbuf e;
    ofile *o = ofile_open("/dev/null", err_open(&e));
    ck_assert_ptr_nonnull(o);
    fputs("discarded\n", ofile_stream(o));
    ck_assert_int_eq(ofile_commit(o, e.f), 0);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    struct stat st;
    ck_assert_int_eq(stat("/dev/null", &st), 0);
    ck_assert(S_ISCHR(st.st_mode));
}
END_TEST

START_TEST(symlink_kept)
{
    /* Writing through a symbolic link replaces the file it points to and
     * keeps the link. */
    char *dir = make_dir();
    char file[4096], link[4096];
    snprintf(file, sizeof file, "%s/real.csv", dir);
    snprintf(link, sizeof link, "%s/link.csv", dir);
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    fputs("old\n", f);
    fclose(f);
    ck_assert_int_eq(symlink(file, link), 0);
    errbuf e;
    ofile *o = ofile_open(link, err_open(&e));
    ck_assert_ptr_nonnull(o);
    fputs("new\n", ofile_stream(o));
    ck_assert_int_eq(ofile_commit(o, e.f), 0);
    ck_assert_str_eq(err_text(&e), "");
    free(e.text);
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    char *got = slurp(file);
    ck_assert_str_eq(got, "new\n");
    free(got);
    remove_dir(dir);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ofile");
    TCase *tc = tcase_create("ofile");
    tcase_add_test(tc, commit_writes_new_file);
    tcase_add_test(tc, commit_replaces_and_keeps_mode);
    tcase_add_test(tc, abort_keeps_old_file);
    tcase_add_test(tc, finish_then_commit_or_abort);
    tcase_add_test(tc, undoable_commit);
    tcase_add_test(tc, sweep_removes_killed_old_name);
    tcase_add_test(tc, long_names_fit);
    tcase_add_test(tc, failed_write_keeps_old_file);
    tcase_add_test(tc, rename_failure_keeps_target);
    tcase_add_test(tc, open_errors);
    tcase_add_test(tc, relative_path);
    tcase_add_test(tc, device_written_in_place);
    tcase_add_test(tc, symlink_kept);
    tcase_add_test(tc, read_only_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
