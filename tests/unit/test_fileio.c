/* test_fileio.c — fileio.c: a whole file read (its size limit, a
 * directory, a missing file), a buffer written whole, and held streams
 * (text kept until released, then passed through; dropped when never
 * released; written from several threads). */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"

static char dir[64], path[128];

static void setup(void)
{
    strcpy(dir, "/tmp/planc-test-fileio-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/f", dir);
}

static void teardown(void)
{
    unlink(path);
    rmdir(dir);
}

/* A file written whole comes back whole, NUL-terminated; one byte over
 * the limit is EFBIG; a directory is EISDIR; a missing file ENOENT. */
START_TEST(read_and_write)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert(fio_write_all(fd, "abc\ndef", 7));
    close(fd);
    size_t len = 0;
    char *text = fio_read_file(path, 7, &len);
    ck_assert_ptr_nonnull(text);
    ck_assert_uint_eq(len, 7);
    ck_assert_str_eq(text, "abc\ndef");
    free(text);
    errno = 0;
    ck_assert_ptr_null(fio_read_file(path, 6, &len));
    ck_assert_int_eq(errno, EFBIG);
    ck_assert_ptr_null(fio_read_file(dir, 100, &len));
    ck_assert_int_eq(errno, EISDIR);
    unlink(path);
    ck_assert_ptr_null(fio_read_file(path, 100, &len));
    ck_assert_int_eq(errno, ENOENT);
}
END_TEST

/* What `to` holds so far. */
static char *contents(FILE *to)
{
    fflush(to);
    static char buf[1 << 16];
    long at = ftell(to);
    ck_assert_int_lt(at, (long)sizeof buf);
    rewind(to);
    size_t n = fread(buf, 1, (size_t)at, to);
    buf[n] = '\0';
    fseek(to, 0, SEEK_END);
    return buf;
}

/* Text is kept until the release, which writes it first; later writes
 * pass straight through; releasing twice changes nothing. */
START_TEST(held_then_released)
{
    FILE *to = tmpfile();
    ck_assert_ptr_nonnull(to);
    fio_held *h = fio_hold_open(to);
    ck_assert_ptr_nonnull(h);
    fprintf(fio_hold_stream(h), "held %d\n", 1);
    fputs("direct\n", to);
    ck_assert_str_eq(contents(to), "direct\n");
    fio_hold_release(h);
    ck_assert_str_eq(contents(to), "direct\nheld 1\n");
    fprintf(fio_hold_stream(h), "after\n");
    ck_assert_str_eq(contents(to), "direct\nheld 1\nafter\n");
    fio_hold_release(h);
    ck_assert_str_eq(contents(to), "direct\nheld 1\nafter\n");
    fio_hold_close(h);
    ck_assert_str_eq(contents(to), "direct\nheld 1\nafter\n");
    h = fio_hold_open(to); /* nothing held: nothing written */
    fio_hold_release(h);
    fio_hold_close(h);
    ck_assert_str_eq(contents(to), "direct\nheld 1\nafter\n");
    fclose(to);
    fio_hold_close(NULL);
}
END_TEST

/* Text never released is dropped when the stream closes; a long text
 * (many times the first buffer) is kept whole. */
START_TEST(dropped_and_long)
{
    FILE *to = tmpfile();
    fio_held *h = fio_hold_open(to);
    fputs("never shown\n", fio_hold_stream(h));
    fio_hold_close(h);
    ck_assert_str_eq(contents(to), "");
    h = fio_hold_open(to);
    for (int i = 0; i < 2000; i++)
        fprintf(fio_hold_stream(h), "line %04d\n", i);
    ck_assert_str_eq(contents(to), "");
    fio_hold_release(h);
    fio_hold_close(h);
    char *all = contents(to);
    ck_assert_uint_eq(strlen(all), 2000 * 10);
    ck_assert(strncmp(all, "line 0000\n", 10) == 0);
    ck_assert_str_eq(all + 1999 * 10, "line 1999\n");
    fclose(to);
}
END_TEST

/* Lines written by several threads, before and after the release, each
 * arrive whole. */
static void *writer(void *arg)
{
    FILE *f = arg;
    for (int i = 0; i < 500; i++)
        fprintf(f, "thread line %03d\n", i);
    return NULL;
}

START_TEST(threads)
{
    FILE *to = tmpfile();
    fio_held *h = fio_hold_open(to);
    pthread_t t[3];
    for (int k = 0; k < 3; k++)
        ck_assert_int_eq(pthread_create(&t[k], NULL, writer, fio_hold_stream(h)), 0);
    fio_hold_release(h);
    for (int k = 0; k < 3; k++)
        pthread_join(t[k], NULL);
    fio_hold_close(h);
    char *all = contents(to);
    ck_assert_uint_eq(strlen(all), 3 * 500 * 16);
    for (size_t at = 0; all[at]; at += 16)
        ck_assert(strncmp(all + at, "thread line ", 12) == 0 && all[at + 15] == '\n');
    fclose(to);
}
END_TEST

static Suite *fileio_suite(void)
{
    Suite *s = suite_create("fileio");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, read_and_write);
    tcase_add_test(tc, held_then_released);
    tcase_add_test(tc, dropped_and_long);
    tcase_add_test(tc, threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(fileio_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
