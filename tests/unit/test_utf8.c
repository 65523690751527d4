/* test_utf8.c — strict UTF-8 decoding (compiler/utf8.c), on which the
 * scanner, the caret's columns, the CSV reader and the documents rely:
 * every well-formed length, each ill-formed form (overlong, a
 * surrogate, beyond U+10FFFF, a stray or missing continuation byte, a
 * sequence cut by the end of the buffer) read as one bad byte, so a
 * caller always advances; and the count of code points the caret's column
 * is made of. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Decodes the first code point of the n bytes at s; returns its length. */
static int dec(const char *s, size_t n, uint32_t *cp)
{
    *cp = 0x12345678u;
    return utf8_decode(s, n, cp);
}

START_TEST(well_formed)
{
    static const struct { const char *s; int len; uint32_t cp; } ok[] = {
        {"A", 1, 0x41},
        {"\x7f", 1, 0x7F},
        {"\xc2\x80", 2, 0x80},             /* the first two-byte code point */
        {"\xc2\xb5", 2, 0xB5},             /* µ */
        {"\xdf\xbf", 2, 0x7FF},
        {"\xe0\xa0\x80", 3, 0x800},        /* the first three-byte one */
        {"\xe4\xba\xa9", 3, 0x4EA9},       /* 亩 */
        {"\xef\xbc\x95", 3, 0xFF15},       /* ５, full-width */
        {"\xed\x9f\xbf", 3, 0xD7FF},       /* just below the surrogates */
        {"\xee\x80\x80", 3, 0xE000},       /* just above them */
        {"\xef\xbf\xbf", 3, 0xFFFF},
        {"\xf0\x90\x80\x80", 4, 0x10000},  /* the first four-byte one */
        {"\xf0\xa0\x80\x80", 4, 0x20000},  /* 𠀀, CJK extension B */
        {"\xf4\x8f\xbf\xbf", 4, 0x10FFFF}, /* the last code point */
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        uint32_t cp;
        ck_assert_int_eq(dec(ok[i].s, strlen(ok[i].s), &cp), ok[i].len);
        ck_assert_uint_eq(cp, ok[i].cp);
        /* bytes after the code point are not read into it */
        char buf[8] = {0};
        memcpy(buf, ok[i].s, strlen(ok[i].s));
        buf[strlen(ok[i].s)] = 'x';
        ck_assert_int_eq(dec(buf, strlen(buf), &cp), ok[i].len);
        ck_assert_uint_eq(cp, ok[i].cp);
    }
}
END_TEST

START_TEST(ill_formed)
{
    static const char *const bad[] = {
        "\x80",             /* a continuation byte alone */
        "\xbf",
        "\xc0\x80",         /* overlong NUL */
        "\xc1\xbf",         /* overlong two-byte */
        "\xc2",             /* no continuation */
        "\xc2\x41",         /* an ASCII byte where a continuation belongs */
        "\xe0\x80\x80",     /* overlong three-byte */
        "\xe0\x9f\xbf",
        "\xed\xa0\x80",     /* U+D800, a UTF-16 surrogate */
        "\xed\xbf\xbf",     /* U+DFFF */
        "\xe4\xba",         /* cut after two bytes of three */
        "\xe4\x41\xa9",
        "\xf0\x80\x80\x80", /* overlong four-byte */
        "\xf0\x8f\xbf\xbf",
        "\xf4\x90\x80\x80", /* U+110000, beyond Unicode */
        "\xf0\xa0\x80",     /* cut after three bytes of four */
        "\xf0\xa0\x41\x80",
        "\xf5\x80\x80\x80", /* bytes no UTF-8 uses */
        "\xfe",
        "\xff",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t cp;
        ck_assert_msg(dec(bad[i], strlen(bad[i]), &cp) == 1, "case %zu advanced more than one byte", i);
        ck_assert_msg(cp == UTF8_BAD, "case %zu decoded as U+%04X", i, (unsigned)cp);
    }
}
END_TEST

START_TEST(the_length_given_bounds_the_read)
{
    /* a well-formed sequence whose end lies beyond n is cut, not read on */
    uint32_t cp;
    const char *mu = "\xe4\xba\xa9";
    ck_assert_int_eq(dec(mu, 2, &cp), 1);
    ck_assert_uint_eq(cp, UTF8_BAD);
    ck_assert_int_eq(dec(mu, 1, &cp), 1);
    ck_assert_uint_eq(cp, UTF8_BAD);
    const char *ext_b = "\xf0\xa0\x80\x80";
    ck_assert_int_eq(dec(ext_b, 3, &cp), 1);
    ck_assert_uint_eq(cp, UTF8_BAD);
}
END_TEST

START_TEST(walking_a_mixed_string)
{
    /* 亩, a stray byte, 𠀀, an ASCII letter: each step at least one byte, and
     * the bad byte does not swallow the code point after it */
    const char s[] = "\xe4\xba\xa9\x80\xf0\xa0\x80\x80" "a";
    static const uint32_t want[] = {0x4EA9, UTF8_BAD, 0x20000, 'a'};
    size_t i = 0, k = 0, n = sizeof s - 1;
    while (i < n) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        ck_assert_int_ge(len, 1);
        ck_assert_uint_lt(k, sizeof want / sizeof want[0]);
        ck_assert_uint_eq(cp, want[k]);
        i += (size_t)len;
        k++;
    }
    ck_assert_uint_eq(k, 4);
}
END_TEST

START_TEST(counting)
{
    /* the caret's column is one more than the code points before it */
    ck_assert_uint_eq(utf8_count("", 0), 0);
    ck_assert_uint_eq(utf8_count("abc", 3), 3);
    ck_assert_uint_eq(utf8_count("\xe4\xba\xa9\xe4\xb8\x87", 6), 2);  /* 亩万 */
    ck_assert_uint_eq(utf8_count("\xf0\xa0\x80\x80" "a", 5), 2); /* 𠀀a */
    ck_assert_uint_eq(utf8_count("\x80\x80", 2), 2);                  /* each bad byte one */
    ck_assert_uint_eq(utf8_count("\xe4\xba\xa9", 2), 2);             /* a cut sequence: its bytes */
}
END_TEST

static Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, well_formed);
    tcase_add_test(tc, ill_formed);
    tcase_add_test(tc, the_length_given_bounds_the_read);
    tcase_add_test(tc, walking_a_mixed_string);
    tcase_add_test(tc, counting);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(utf8_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
