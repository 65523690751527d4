/* test_warnings.c — the named warnings' table and choices
 * (compiler/warnings.c): every name kebab-case and unique with both
 * descriptions, look-up and the nearest name, the " [-WNAME]" a message
 * ends in, and which warnings are shown and fail the command under each
 * option. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "warnings.h"

/* Every name: lower-case words joined by '-', unique, found by its own
 * name, with an English and a Chinese line; a new row of WARN_LIST that
 * breaks one of these fails here. */
START_TEST(table_well_formed)
{
    for (int i = 0; i < WARN_COUNT; i++) {
        const char *n = warn_name((warn_id)i);
        ck_assert_msg(n[0] >= 'a' && n[0] <= 'z', "%s: starts with a letter", n);
        for (const char *p = n; *p; p++)
            ck_assert_msg((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (*p == '-' && p[1] && p[1] != '-'),
                          "%s: kebab-case", n);
        ck_assert_msg(strncmp(n, "no-", 3) != 0 && strncmp(n, "error", 5) != 0, "%s: reads as an option", n);
        ck_assert_int_eq(warn_lookup(n), i);
        ck_assert_msg(strlen(warn_describe((warn_id)i, LBL_EN)) > 0, "%s: no English", n);
        ck_assert_msg(strlen(warn_describe((warn_id)i, LBL_ZH)) > 0, "%s: no Chinese", n);
        ck_assert_msg(strcmp(warn_describe((warn_id)i, LBL_EN), warn_describe((warn_id)i, LBL_ZH)) != 0,
                      "%s: the Chinese is the English", n);
    }
    ck_assert_int_eq(warn_lookup("no-such-warning"), -1);
    ck_assert_int_eq(warn_lookup(""), -1);
}
END_TEST

START_TEST(closest_name)
{
    ck_assert_str_eq(warn_closest("percent-sums"), "percent-sum");
    ck_assert_str_eq(warn_closest("unitfactor"), "unit-factor");
    ck_assert_ptr_null(warn_closest("everything"));
    ck_assert_ptr_null(warn_closest(""));
}
END_TEST

/* warn_message puts the name before the newline; warn_tag_of reads it
 * back, and reads no name in a line that only looks so. */
START_TEST(message_tag)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    warn_message(m, WARN_MISSING_COLUMN, "%s:%u: warning: column '%s' is missing\n", "d.csv", 1u, "pm25");
    warn_message(m, WARN_CACHE, "planc: warning: no newline");
    fclose(m);
    ck_assert_str_eq(buf, "d.csv:1: warning: column 'pm25' is missing [-Wmissing-column]\n"
                          "planc: warning: no newline [-Wcache]");
    size_t bare;
    const char *line = "d.csv:1: warning: x [-Wmissing-column]";
    ck_assert_int_eq(warn_tag_of(line, strlen(line), &bare), WARN_MISSING_COLUMN);
    ck_assert_uint_eq(bare, strlen("d.csv:1: warning: x"));
    const char *unknown = "d.csv:1: warning: x [-Wnot-a-name]";
    ck_assert_int_eq(warn_tag_of(unknown, strlen(unknown), &bare), -1);
    ck_assert_uint_eq(bare, strlen(unknown));
    const char *glued = "x[-Wcache]";
    ck_assert_int_eq(warn_tag_of(glued, strlen(glued), &bare), -1);
    ck_assert_int_eq(warn_tag_of("]", 1, &bare), -1);
    free(buf);
}
END_TEST

/* -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME and
 * --warnings-as-errors, and the cache's warnings that only -Werror=cache
 * counts. */
START_TEST(choices)
{
    warn_reset();
    ck_assert(warn_enabled(WARN_PERCENT_SUM));
    ck_assert(!warn_fatal(WARN_PERCENT_SUM));
    ck_assert(!warn_any_fatal());
    ck_assert(!warn_changed());
    warn_set_enabled(WARN_PERCENT_SUM, false);
    ck_assert(!warn_enabled(WARN_PERCENT_SUM));
    ck_assert(warn_enabled(WARN_UNIT_FACTOR));
    ck_assert(warn_changed());
    warn_set_enabled(WARN_PERCENT_SUM, true);
    ck_assert(warn_enabled(WARN_PERCENT_SUM));

    warn_reset();
    warn_set_error(WARN_UNIT_FACTOR, true);
    ck_assert(warn_fatal(WARN_UNIT_FACTOR));
    ck_assert(!warn_fatal(WARN_PERCENT_SUM));
    ck_assert(warn_any_fatal());
    ck_assert_str_eq(warn_error_options(), "-Werror=unit-factor");
    warn_set_error(WARN_PERCENT_SUM, true);
    ck_assert_str_eq(warn_error_options(), "-Werror=percent-sum, -Werror=unit-factor");
    /* a warning turned off fails nothing */
    warn_set_enabled(WARN_UNIT_FACTOR, false);
    ck_assert(!warn_fatal(WARN_UNIT_FACTOR));

    warn_reset();
    warn_set_all_errors(true);
    ck_assert(warn_fatal(WARN_PERCENT_SUM));
    ck_assert(!warn_fatal(WARN_CACHE)); /* about the machine */
    ck_assert(warn_fatal((warn_id)-1)); /* a warning of no name */
    warn_set_error(WARN_PERCENT_SUM, false);
    ck_assert(!warn_fatal(WARN_PERCENT_SUM));
    warn_set_error(WARN_CACHE, true);
    ck_assert(warn_fatal(WARN_CACHE));
    warn_reset();
    ck_assert(!warn_fatal((warn_id)-1));
}
END_TEST

/* diag_warning: the name after the text and in JSON; a warning turned
 * off neither printed nor counted, nor its notes; one made an error
 * counted in nfatal. */
START_TEST(diag_named)
{
    warn_reset();
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    diag_ctx d;
    diag_init(&d, m);
    int f = diag_add_text(&d, "r.plan", "abc\n", 4);
    span sp = {(uint32_t)f, 0, 1};
    warn_set_enabled(WARN_PERCENT_SUM, false);
    warn_set_error(WARN_UNIT_FACTOR, true);
    diag_warning(&d, WARN_PERCENT_SUM, sp, "off");
    diag_note(&d, sp, "its note");
    diag_warning(&d, WARN_UNIT_FACTOR, sp, "on");
    diag_set_json(&d, true);
    diag_warning(&d, WARN_WEIGHT_UNIT, sp, "json");
    diag_dispose(&d);
    fclose(m);
    ck_assert_int_eq(d.nwarnings, 2);
    ck_assert_int_eq(d.nfatal, 1);
    ck_assert_ptr_null(strstr(buf, "off"));
    ck_assert_ptr_null(strstr(buf, "its note"));
    ck_assert_ptr_nonnull(strstr(buf, "r.plan:1:1: warning: on [-Wunit-factor]\n"));
    ck_assert_ptr_nonnull(strstr(buf, "{\"level\": \"warning\", \"message\": \"json\", \"name\": \"weight-unit\", "));
    free(buf);
    warn_reset();
}
END_TEST

int main(void)
{
    Suite *s = suite_create("warnings");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, table_well_formed);
    tcase_add_test(tc, closest_name);
    tcase_add_test(tc, message_tag);
    tcase_add_test(tc, choices);
    tcase_add_test(tc, diag_named);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
