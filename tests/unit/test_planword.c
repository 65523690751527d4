/* test_planword.c — the words of Chinese plans that planc writes otherwise
 * (compiler/planword.c): a word is found whole or followed by the digits
 * the scanner joins to it, never as the start of a longer name; a unit
 * followed by a word is split at the longest word. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "planword.h"

/* The hint for a NUL-terminated name (no year read before it). */
static const char *hint(const char *s)
{
    static char buf[256];
    return planword_hint(LBL_EN, s, strlen(s), 0, buf, sizeof buf);
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
    const char *h = planword_hint(LBL_EN, "到2027年", strlen("到2027年"), 0, buf, sizeof buf);
    ck_assert_str_eq(h, "'到2027年' (by 2027) is written 'by 2027', after the goal: '>= 95% by 2027'");
    ck_assert_ptr_null(strstr(h, "2025"));
    /* `2030年底`: the year before the word, given by the parser */
    h = planword_hint(LBL_EN, "年底", strlen("年底"), 2030, buf, sizeof buf);
    ck_assert_str_eq(h, "a year is written without '年底': 'by 2030'");
    h = planword_hint(LBL_EN, "年", strlen("年"), 2035, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(h, "'by 2035'"));
    ck_assert_ptr_nonnull(strstr(h, "'baseline 2035'"));
    /* the year in the name wins over the number before it */
    h = planword_hint(LBL_EN, "到2035年", strlen("到2035年"), 2027, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(h, "'by 2035'"));
    ck_assert_ptr_null(strstr(h, "2027"));
    /* a hint without a year is the constant, whatever the year */
    ck_assert_str_eq(planword_hint(LBL_EN, "以上", strlen("以上"), 2027, buf, sizeof buf), hint("以上"));
    /* a small buffer truncates, never overflows */
    char small[8];
    h = planword_hint(LBL_EN, "到2027年", strlen("到2027年"), 0, small, sizeof small);
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
    ck_assert_ptr_nonnull(planword_hint(LBL_EN, "以上海", strlen("以上"), 0, NULL, 0));
}
END_TEST

/* Under --lang zh a hint is Chinese: every word of the table has one,
 * whose Latin letters are rules text or a file name in half-width quotes
 * (docs/GUIDE.zh-CN.md §8), and which names the rules' own year too. */
START_TEST(chinese_hints)
{
    static const char *const all[] = {"以上", "及以上", "不低于", "不少于", "不小于", "至少", "达到", "以下",
                                      "及以下", "以内", "不高于", "不超过", "不大于", "不多于", "至多", "超过",
                                      "高于", "大于", "低于", "小于", "左右", "到", "年", "年底", "年前", "下降",
                                      "降低", "减少", "削减", "提高", "提升", "增长", "百分点", "个百分点", "累计",
                                      "稳定在", "保持在", "控制在"};
    char buf[256];
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        const char *zh = planword_hint(LBL_ZH, all[i], strlen(all[i]), 2027, buf, sizeof buf);
        ck_assert_ptr_nonnull(zh);
        ck_assert_str_ne(zh, hint(all[i]));
        bool quoted = false;
        for (const char *c = zh; *c; c++) {
            if (*c == '\'')
                quoted = !quoted;
            ck_assert_msg(quoted || !((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')),
                          "the Chinese hint of %s has Latin text outside quotes: %s", all[i], zh);
        }
        ck_assert_msg(!quoted, "the Chinese hint of %s leaves a quote open: %s", all[i], zh);
    }
    ck_assert_ptr_nonnull(strstr(planword_hint(LBL_ZH, "到2027年", strlen("到2027年"), 0, buf, sizeof buf),
                                 "'by 2027'"));
    size_t stem;
    ck_assert_ptr_nonnull(strstr(planword_suffix(LBL_ZH, "万公里以上", &stem), "'>='"));
    ck_assert_uint_eq(stem, strlen("万公里"));
}
END_TEST

START_TEST(unit_then_word)
{
    size_t n = 0;
    const char *h = planword_suffix(LBL_EN, "万公里以上", &n);
    ck_assert_ptr_nonnull(h);
    ck_assert_uint_eq(n, strlen("万公里"));
    /* the longest word wins: 及以上, not 以上 */
    h = planword_suffix(LBL_EN, "万吨及以上", &n);
    ck_assert_str_eq(h, hint("及以上"));
    ck_assert_uint_eq(n, strlen("万吨"));
    /* a word alone has no unit before it; a unit alone no word after it */
    ck_assert_ptr_null(planword_suffix(LBL_EN, "以上", &n));
    ck_assert_ptr_null(planword_suffix(LBL_EN, "万公里", &n));
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
    tcase_add_test(tc, chinese_hints);
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
