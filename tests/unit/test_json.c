/* test_json.c — the JSON writer (runtime/json.c): layout and commas,
 * one-line records, string escapes, numbers as the CSV prints them and
 * null for what JSON cannot hold. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/* Writes with `fn` into a string; returns it (free it). */
static char *render(void (*fn)(json_writer *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    json_writer w;
    json_init(&w, f);
    fn(&w);
    json_finish(&w);
    fclose(f);
    return buf;
}

static void nested(json_writer *w)
{
    json_begin_object(w);
    json_key(w, "a");
    json_int(w, 1);
    json_key(w, "list");
    json_begin_array(w);
    json_begin_record(w);
    json_key(w, "x");
    json_num(w, 0.1 + 0.2);
    json_key(w, "y");
    json_begin_inline_array(w);
    json_str(w, "p");
    json_null(w);
    json_end_array(w);
    json_end_object(w);
    json_begin_record(w);
    json_end_object(w);
    json_end_array(w);
    json_key(w, "empty");
    json_begin_array(w);
    json_end_array(w);
    json_key(w, "t");
    json_bool(w, true);
    json_end_object(w);
}

START_TEST(layout)
{
    char *s = render(nested);
    ck_assert_str_eq(s, "{\n"
                        "  \"a\": 1,\n"
                        "  \"list\": [\n"
                        "    {\"x\": 0.30000000000000004, \"y\": [\"p\", null]},\n"
                        "    {}\n"
                        "  ],\n"
                        "  \"empty\": [],\n"
                        "  \"t\": true\n"
                        "}\n");
    free(s);
}
END_TEST

static void values(json_writer *w)
{
    json_begin_inline_array(w);
    json_num(w, NAN);
    json_num(w, INFINITY);
    json_num(w, -INFINITY);
    json_num(w, 100);
    json_num(w, -0.0);
    json_num(w, 1e21);
    json_num(w, 1.5e-5);
    json_str(w, NULL);
    json_str(w, "引号\"反斜杠\\换行\n制表\t\x01");
    json_int(w, -42);
    json_bool(w, false);
    json_end_array(w);
}

START_TEST(numbers_and_strings)
{
    char *s = render(values);
    ck_assert_str_eq(s, "[null, null, null, 100, 0, 1e+21, 1.5e-05, null, "
                        "\"引号\\\"反斜杠\\\\换行\\n制表\\t\\u0001\", -42, false]\n");
    free(s);
}
END_TEST

/* A document of several buffers' worth (json_writer gathers JSON_BUF
 * bytes at a time): strings whose escapes and runs fall across the
 * buffer's end, and one string longer than the buffer, come out whole and
 * in order; json_write_string writes the same strings alone. */
static char *long_text(void)
{
    size_t n = 3 * JSON_BUF + 7;
    char *t = malloc(n + 1);
    ck_assert_ptr_nonnull(t);
    for (size_t i = 0; i < n; i++)
        t[i] = i % 97 == 0 ? '"' : (char)('a' + i % 26);
    t[n] = '\0';
    return t;
}

static void many(json_writer *w)
{
    json_begin_inline_array(w);
    for (int i = 0; i < 3000; i++)
        json_str(w, i % 3 ? "x\"y\\" : "ab\n");
    char *t = long_text();
    json_str(w, t);
    free(t);
    json_end_array(w);
}

START_TEST(larger_than_the_buffer)
{
    char *s = render(many);
    char *want = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&want, &len);
    fputc('[', f);
    for (int i = 0; i < 3000; i++) {
        if (i)
            fputs(", ", f);
        json_write_string(f, i % 3 ? "x\"y\\" : "ab\n");
    }
    fputs(", ", f);
    char *t = long_text();
    json_write_string(f, t);
    free(t);
    fputs("]\n", f);
    fclose(f);
    ck_assert_uint_gt(strlen(s), 4 * JSON_BUF);
    ck_assert_str_eq(s, want);
    ck_assert_int_eq(strncmp(s, "[\"ab\\n\", \"x\\\"y\\\\\", ", 15), 0);
    free(want);
    free(s);
}
END_TEST

/* A string with bytes of no valid UTF-8 sequence (a file name's): the
 * JSON text stays UTF-8, each such byte U+FFFD, as the page and the
 * workbook write it; characters, a truncated sequence at the end, an
 * overlong form and a surrogate among them.  json_write_string alike. */
static const char *const bad_utf8[] = {"d\xff.csv", "沈\xe9\x98", "\xc0\xaf", "\xed\xa0\x80x", "ok 阳"};
static const char *const bad_utf8_json[] = {
    "\"d\xEF\xBF\xBD.csv\"", "\"沈\xEF\xBF\xBD\xEF\xBF\xBD\"", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"",
    "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx\"", "\"ok 阳\""};

static void invalid(json_writer *w)
{
    json_begin_inline_array(w);
    for (size_t i = 0; i < sizeof bad_utf8 / sizeof *bad_utf8; i++)
        json_str(w, bad_utf8[i]);
    json_end_array(w);
}

START_TEST(invalid_utf8_replaced)
{
    char *s = render(invalid);
    char want[256] = "[";
    for (size_t i = 0; i < sizeof bad_utf8 / sizeof *bad_utf8; i++) {
        if (i)
            strcat(want, ", ");
        strcat(want, bad_utf8_json[i]);
        char *one = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&one, &len);
        json_write_string(f, bad_utf8[i]);
        fclose(f);
        ck_assert_str_eq(one, bad_utf8_json[i]);
        free(one);
    }
    strcat(want, "]\n");
    ck_assert_str_eq(s, want);
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, layout);
    tcase_add_test(tc, numbers_and_strings);
    tcase_add_test(tc, larger_than_the_buffer);
    tcase_add_test(tc, invalid_utf8_replaced);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
