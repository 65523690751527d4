/* test_planword.c — the words of Chinese plans that planc writes otherwise
 * (compiler/planword.c): a word is found whole or followed by the digits
 * the scanner joins to it, never as the start of a longer name; a unit
 * followed by a word is split at the longest word. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "planword.h"

/* The hint for a NUL-terminated name (no year read before it). */
static const char *hint(const char *s)
{
    static char buf[256];
    return planword_hint(s, strlen(s), 0, buf, sizeof buf);
}

START_TEST(whole_words)
{
    ck_assert_ptr_nonnull(hint("以上"));
    ck_assert_ptr_nonnull(strstr(hint("以上"), "'>='"));
    ck_assert_ptr_nonnull(strstr(hint("不超过"), "'<='"));
    ck_assert_ptr_nonnull(strstr(hint("超过"), "'>'"));
    ck_assert_ptr_nonnull(strstr(hint("左右"), "tolerance"));
    ck_assert_ptr_nonnull(strstr(hint("年"), "'by YEAR'"));
    ck_assert_ptr_nonnull(strstr(hint("下降"), "baseline(x)"));
    ck_assert_ptr_nonnull(strstr(hint("累计"), "cumulative"));
    /* hints are plain text, printed with "%s" */
    ck_assert_ptr_null(strstr(hint("左右"), "%%"));
}
END_TEST

START_TEST(digits_after_a_word)
{
    /* `不低于13.5%`: the scanner reads `不低于13` as one name */
    ck_assert_ptr_nonnull(hint("不低于13"));
    ck_assert_str_eq(hint("不低于13"), hint("不低于"));
    ck_assert_ptr_null(hint("13"));
    ck_assert_ptr_null(hint(""));
    /* `到2025年` (by 2025): the word, the year and its 年 as one name */
    ck_assert_ptr_nonnull(strstr(hint("到2025年"), "'by 2025'"));
    char h[256];
    strcpy(h, hint("到2025年底"));
    ck_assert_str_eq(h, hint("到2025"));
    ck_assert_ptr_nonnull(strstr(hint("到"), "'by YEAR'"));
    /* 年 without the digits before it is not cut: 到年 is a name */
    ck_assert_ptr_null(hint("到年"));
}
END_TEST

/* A hint about years names the rules' own year, not an example's: the
 * one in the name, else the number read before a separate 年. */
START_TEST(the_rules_year)
{
    char buf[256];
    const char *h = planword_hint("到2027年", strlen("到2027年"), 0, buf, sizeof buf);
    ck_assert_str_eq(h, "'到2027年' (by 2027) is written 'by 2027', after the goal: '>= 95% by 2027'");
    ck_assert_ptr_null(strstr(h, "2025"));
    /* `2030年底`: the year before the word, given by the parser */
    h = planword_hint("年底", strlen("年底"), 2030, buf, sizeof buf);
    ck_assert_str_eq(h, "a year is written without '年底': 'by 2030'");
    h = planword_hint("年", strlen("年"), 2035, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(h, "'by 2035'"));
    ck_assert_ptr_nonnull(strstr(h, "'baseline 2035'"));
    /* the year in the name wins over the number before it */
    h = planword_hint("到2035年", strlen("到2035年"), 2027, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(h, "'by 2035'"));
    ck_assert_ptr_null(strstr(h, "2027"));
    /* a hint without a year is the constant, whatever the year */
    ck_assert_str_eq(planword_hint("以上", strlen("以上"), 2027, buf, sizeof buf), hint("以上"));
    /* a small buffer truncates, never overflows */
    char small[8];
    h = planword_hint("到2027年", strlen("到2027年"), 0, small, sizeof small);
    ck_assert_uint_lt(strlen(h), sizeof small);
}
END_TEST

START_TEST(names_that_start_with_a_word)
{
    ck_assert_ptr_null(hint("达到标杆比例"));
    ck_assert_ptr_null(hint("以上海为例"));
    ck_assert_ptr_null(hint("年均浓度"));
    ck_assert_ptr_null(hint("PM25"));
    /* only the given length counts */
    ck_assert_ptr_nonnull(planword_hint("以上海", strlen("以上"), 0, NULL, 0));
}
END_TEST

START_TEST(unit_then_word)
{
    size_t n = 0;
    const char *h = planword_suffix("万公里以上", &n);
    ck_assert_ptr_nonnull(h);
    ck_assert_uint_eq(n, strlen("万公里"));
    /* the longest word wins: 及以上, not 以上 */
    h = planword_suffix("万吨及以上", &n);
    ck_assert_str_eq(h, hint("及以上"));
    ck_assert_uint_eq(n, strlen("万吨"));
    /* a word alone has no unit before it; a unit alone no word after it */
    ck_assert_ptr_null(planword_suffix("以上", &n));
    ck_assert_ptr_null(planword_suffix("万公里", &n));
}
END_TEST

static Suite *planword_suite(void)
{
    Suite *s = suite_create("planword");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, whole_words);
    tcase_add_test(tc, digits_after_a_word);
    tcase_add_test(tc, names_that_start_with_a_word);
    tcase_add_test(tc, the_rules_year);
    tcase_add_test(tc, unit_then_word);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(planword_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
