/* test_msgcat_env.c — the language of the messages without --lang
 * (msgcat_locale_lang, msgcat_locale_of, msgcat_env_lang): PLANC_LANG,
 * else the locale as gettext reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG
 * (docs/LANGUAGE.md §12).  tests/locale.sh runs the same order through
 * planc itself. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "msgcat.h"

/* A locale name is Chinese when its language is zh, whatever its
 * territory, codeset or modifier. */
START_TEST(locale_names)
{
    const char *zh[] = {"zh", "zh_CN", "zh_CN.UTF-8", "zh_CN.GB18030", "zh_TW.Big5", "zh_HK.UTF-8", "zh-Hans",
                        "zh@pinyin"};
    for (size_t i = 0; i < sizeof zh / sizeof zh[0]; i++)
        ck_assert_msg(msgcat_locale_lang(zh[i]) == LBL_ZH, "%s", zh[i]);
    const char *en[] = {"", "C", "POSIX", "C.UTF-8", "en_US.UTF-8", "de_DE", "zha", "zhx_XX", "z", "ZH_CN",
                        " zh_CN", "xzh"};
    for (size_t i = 0; i < sizeof en / sizeof en[0]; i++)
        ck_assert_msg(msgcat_locale_lang(en[i]) == LBL_EN, "'%s'", en[i]);
    ck_assert_int_eq(msgcat_locale_lang(NULL), LBL_EN);
}
END_TEST

/* LC_ALL, then LC_MESSAGES, then LANG; an empty one is unset. */
START_TEST(locale_order)
{
    ck_assert_int_eq(msgcat_locale_of(NULL, NULL, NULL, NULL), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of(NULL, NULL, NULL, "zh_CN.UTF-8"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of(NULL, "C", NULL, "zh_CN.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of(NULL, "", NULL, "zh_CN.UTF-8"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of(NULL, "zh_CN.UTF-8", "C", "C"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of(NULL, NULL, "zh_CN.UTF-8", "en_US.UTF-8"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of(NULL, NULL, "POSIX", "zh_CN.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of(NULL, "en_US.UTF-8", "zh_CN.UTF-8", "zh_CN.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of(NULL, NULL, "", "zh_CN"), LBL_ZH);
}
END_TEST

/* LANGUAGE has the say when the locale is set and is not C: its first
 * entry planc has, English when none; it is ignored under C or unset. */
START_TEST(language_list)
{
    ck_assert_int_eq(msgcat_locale_of("zh_CN:en", NULL, NULL, "en_US.UTF-8"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of("en_US:en", NULL, NULL, "zh_CN.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of("de:zh_CN:en", NULL, NULL, "en_US.UTF-8"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of("de:en:zh", NULL, NULL, "zh_CN.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of("de:fr", NULL, NULL, "zh_CN.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of("::zh", NULL, NULL, "en_US.UTF-8"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of("", NULL, NULL, "zh_CN.UTF-8"), LBL_ZH);
    ck_assert_int_eq(msgcat_locale_of("zh_CN", NULL, NULL, NULL), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of("zh_CN", "C", NULL, "en_US.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of("zh_CN", NULL, NULL, "C.UTF-8"), LBL_EN);
    ck_assert_int_eq(msgcat_locale_of("zh_CN", NULL, NULL, "POSIX"), LBL_EN);
    /* an entry longer than any locale name is skipped, not cut short */
    ck_assert_int_eq(msgcat_locale_of("zh_CNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:en",
                                      NULL, NULL, "zh_CN.UTF-8"),
                     LBL_EN);
    ck_assert_int_eq(msgcat_locale_of("english:zh", NULL, NULL, "en_US.UTF-8"), LBL_ZH);
}
END_TEST

/* PLANC_LANG over the locale; a value no language has is returned (the
 * driver's usage error), the language then the locale's. */
START_TEST(planc_lang)
{
    lbl_lang lang;
    unsetenv("LANGUAGE");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    setenv("LANG", "zh_CN.UTF-8", 1);
    unsetenv("PLANC_LANG");
    ck_assert_ptr_null(msgcat_env_lang(&lang));
    ck_assert_int_eq(lang, LBL_ZH);
    setenv("PLANC_LANG", "en", 1);
    ck_assert_ptr_null(msgcat_env_lang(&lang));
    ck_assert_int_eq(lang, LBL_EN);
    setenv("PLANC_LANG", "", 1);
    ck_assert_ptr_null(msgcat_env_lang(&lang));
    ck_assert_int_eq(lang, LBL_ZH);
    setenv("PLANC_LANG", "zh_CN", 1);
    ck_assert_str_eq(msgcat_env_lang(&lang), "zh_CN");
    ck_assert_int_eq(lang, LBL_ZH);
    setenv("LC_ALL", "C", 1);
    setenv("PLANC_LANG", "zh", 1);
    ck_assert_ptr_null(msgcat_env_lang(&lang));
    ck_assert_int_eq(lang, LBL_ZH);
    setenv("PLANC_LANG", "fr", 1);
    ck_assert_str_eq(msgcat_env_lang(&lang), "fr");
    ck_assert_int_eq(lang, LBL_EN);
}
END_TEST

/* An internal error in the driver's language: the sentence Chinese, a
 * technical detail the catalog lacks as it is (for the bug report); the
 * detail found again behind either language's prefix (jit.c quotes it). */
START_TEST(internal_errors)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    msgcat_set_lang(LBL_ZH);
    diag_internal(f, "JIT", "out of memory");
    diag_internal(f, "JIT", "step %u has an unknown op %d", 3u, 99);
    msgcat_set_lang(LBL_EN);
    diag_internal(f, "JIT", "step %u has an unknown op %d", 3u, 99);
    fclose(f);
    ck_assert_str_eq(text, "planc: 内部错误（请报告此问题）：JIT：内存不足\n"
                           "planc: 内部错误（请报告此问题）：JIT：step 3 has an unknown op 99\n"
                           "planc: internal error: JIT: step 3 has an unknown op 99\n");
    ck_assert_str_eq(diag_internal_detail("planc: internal error: JIT: no such thing\n", "JIT"), "no such thing\n");
    ck_assert_str_eq(diag_internal_detail("planc: 内部错误（请报告此问题）：JIT：内存不足", "JIT"), "内存不足");
    ck_assert_str_eq(diag_internal_detail("planc: internal error: build: x", "JIT"),
                     "planc: internal error: build: x");
    ck_assert_str_eq(diag_internal_detail("", "JIT"), "");
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("msgcat_env");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, locale_names);
    tcase_add_test(tc, locale_order);
    tcase_add_test(tc, language_list);
    tcase_add_test(tc, planc_lang);
    tcase_add_test(tc, internal_errors);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
