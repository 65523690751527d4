/* test_planword.c — the words of Chinese plans that planc writes otherwise
 * (compiler/planword.c): a word is found whole or followed by the digits
 * the scanner joins to it, never as the start of a longer name; a unit
 * followed by a word is split at the longest word. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "planword.h"

/* The hint for a NUL-terminated name. */
static const char *hint(const char *s)
{
    return planword_hint(s, strlen(s));
}

START_TEST(whole_words)
{
    ck_assert_ptr_nonnull(hint("以上"));
    ck_assert_ptr_nonnull(strstr(hint("以上"), "'>='"));
    ck_assert_ptr_nonnull(strstr(hint("不超过"), "'<='"));
    ck_assert_ptr_nonnull(strstr(hint("超过"), "'>'"));
    ck_assert_ptr_nonnull(strstr(hint("左右"), "tolerance"));
    ck_assert_ptr_nonnull(strstr(hint("年"), "by 2025"));
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
    ck_assert_str_eq(hint("到2025年底"), hint("到"));
    ck_assert_str_eq(hint("到2025"), hint("到"));
    /* 年 without the digits before it is not cut: 到年 is a name */
    ck_assert_ptr_null(hint("到年"));
}
END_TEST

START_TEST(names_that_start_with_a_word)
{
    ck_assert_ptr_null(hint("达到标杆比例"));
    ck_assert_ptr_null(hint("以上海为例"));
    ck_assert_ptr_null(hint("年均浓度"));
    ck_assert_ptr_null(hint("PM25"));
    /* only the given length counts */
    ck_assert_ptr_nonnull(planword_hint("以上海", strlen("以上")));
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
