/* test_explain.c — `planc explain` (runtime/explain.c): the lookups with
 * their did-you-mean, each status rule of docs/LANGUAGE.md §9 with its
 * numbers (small_plan.h, worked out by hand), unit conversions and vetoes,
 * both missing-data policies; and, over every row of the bundled rule sets,
 * that the explanation agrees with the run: every target's status is the
 * run's, and the contributions of the targets add up to the total. */
#include <math.h>

#include "explain.h"
#include "pipe_fixture.h"
#include "small_plan.h"

/* The text explanation of one target on (region, year). */
static char *explain(const pfx *x, const char *region, int year, const char *target)
{
    pf_capture c;
    long ti = target ? (long)pf_target(x, target) : -1;
    ck_assert_int_eq(explain_text(x->p, x->t, x->r, pf_row(x, region, year), ti, LBL_EN, pf_cap_open(&c), stderr), 0);
    pf_cap_text(&c);
    return c.buf;
}

/* Asserts that s contains want. */
#define has(s, want) ck_assert_msg(strstr(s, want) != NULL, "missing «%s» in:\n%s", want, s)

START_TEST(lookups)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, true);
    const char *near[3];
    int n;
    ck_assert_int_eq(explain_find_region(x.p, "甲", near, &n), 1);
    ck_assert_int_eq(explain_find_region(x.p, "甲市", near, &n), 1);   /* an alias */
    ck_assert_int_eq(explain_find_region(x.p, "乙城", near, &n), -1);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(near[0], "乙");
    ck_assert_int_eq(explain_find_region(x.p, "完全不同的名字", near, &n), -1);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(explain_find_target(x.p, "E", near, &n), 2);
    ck_assert_int_eq(explain_find_target(x.p, "XX", near, &n), -1);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(near[0], "X");
    pf_free(&x);
}
END_TEST

START_TEST(thresholds)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, true);
    char *s = explain(&x, "甲", 2025, "X");
    has(s, "甲 2025 (data.csv:4) — plan P\n");
    has(s, "  total      100\n  grade      优: the total 100 >= 90\n  vetoes     none\n");
    has(s, "target X (threshold): x >= 80% by 2025\n");
    has(s, "  clause     (一) · measure (一) 甲项 · lead 厅A · t.plan:");
    has(s, "  reads      x of 甲 2025 = 90% (indicator x)\n");
    has(s, "             x of 甲 2023 (baseline) = 60% (indicator x)\n");
    has(s, "  status     met — §9 rule 3 (met): v >= goal holds (90% >= 80%)\n");
    has(s, "  score      met scores 100\n");
    has(s, "  weight     1 of 1 counted in measure (一), 100.00% → 100 of its score 100\n");
    has(s, "measure (一): 1 of 3 in section 一, 33.33% → 33.3333 of its score 100\n");
    has(s, "section 一: 1 of 1 in the total, 100.00% → 33.3333 of the total 100\n");
    free(s);

    s = explain(&x, "乙", 2025, "X");
    has(s, "  expected   the goal itself (the deadline 2025 has passed): 80%\n");
    has(s, "  status     failed — §9 rule 4 (failed): the deadline 2025 has passed (2025 >= 2025) "
           "and v >= goal does not hold (70% >= 80%)\n");
    has(s, "  score      100 × clamp((v - b) / (goal - b), 0, 1) = "
           "100 × clamp((70 - 60) / (80 - 60), 0, 1) = 50\n");
    free(s);

    s = explain(&x, "乙", 2024, "X");
    has(s, "  expected   e = b0 + (goal - b0) × (y - y0) / (deadline - y0) with (y0, b0) = (2023, 60), "
           "the baseline: 60 + (80 - 60) × (2024 - 2023) / (2025 - 2023) = 70\n");
    has(s, "  status     lagging — §9 rule 5 (lagging): before the deadline (2024 < 2025), not met: "
           "v >= goal does not hold (65% >= 80%); on the trajectory v >= e: 65% >= 70% does not hold "
           "→ lagging\n");
    free(s);

    s = explain(&x, "甲", 2024, "X");
    has(s, "on the trajectory v >= e: 70% >= 70% holds → on_track\n");
    free(s);

    s = explain(&x, "丁", 2025, "X");
    has(s, "  status     missing — §9 rule 2 (missing): the value is missing\n");
    has(s, "  score      no score: the status is missing\n");
    has(s, "  weight     1 in measure (一): not counted (missing, left out under `missing reweight`)\n");
    free(s);
    pf_free(&x);
}
END_TEST

START_TEST(redline_veto_and_units)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, true);
    char *s = explain(&x, "丙", 2025, "F");
    has(s, "  grade      差: a veto target failed, so the last band applies whatever the score\n");
    has(s, "  vetoes     F\n");
    has(s, "target F (redline, veto): f >= 100 万亩 every year\n");
    has(s, "  reads      f of 丙 2025 = 900000 亩 ÷ 10000 = 90 万亩 (indicator f)\n");
    has(s, "  status     failed — §9 rule 4 (failed): a red line, not held: "
           "v >= goal does not hold (90 万亩 >= 100 万亩)\n");
    has(s, "  score      a goal without a deadline scores 0 unless met\n");
    has(s, "  veto       a veto target that failed: the row gets the last grade band (差)\n");
    free(s);
    s = explain(&x, "甲", 2025, "F");
    has(s, "  veto       a veto target; not fired (met)\n");
    free(s);
    pf_free(&x);
}
END_TEST

/* 丁's 2024 e left empty: the trend of 2025 lacks the year before's value. */
static const char prev_missing_data[] =
    "region,year,x,f,e\n"
    "甲,2023,60,1000000,10\n"
    "甲,2024,70,1100000,6\n"
    "甲,2025,90,1200000,5\n"
    "丁,2023,60,1000000,10\n"
    "丁,2024,NA,1000000,\n"
    "丁,2025,,1000000,3\n";

START_TEST(trends_and_not_applicable)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, true);
    char *s = explain(&x, "丁", 2025, "E");
    has(s, "  reads      e of 丁 2025 = 3 (indicator e)\n"
           "             e of 丁 2024 (previous year) = 3 (indicator e)\n");
    /* the year before named, as the reports' `status 2024` headers name it */
    has(s, "  goal       2024's value: 3\n");
    has(s, "  status     failed — §9 trends (falls every year): 2025's value < 2024's: "
           "3 < 3 does not hold → failed\n");
    has(s, "  score      trends score 0 unless met\n");
    has(s, "  weight     1 of 1 counted in measure (三), 100.00% → 0 of its score 0\n");
    free(s);
    s = explain(&x, "甲", 2023, "E");
    has(s, "  status     §9 rule 1 (not_applicable): trends are judged from the year after the "
           "baseline year 2023\n");
    free(s);
    /* in Chinese too: "2024年数值", not "上年数值" */
    pf_capture c;
    ck_assert_int_eq(explain_text(x.p, x.t, x.r, pf_row(&x, "丁", 2025), (long)pf_target(&x, "E"), LBL_ZH,
                                  pf_cap_open(&c), stderr), 0);
    pf_cap_text(&c);
    has(c.buf, "2024年数值：3\n");
    has(c.buf, "：2025年数值 < 2024年数值：3 < 3 不成立 → 未达标\n");
    free(c.buf);
    /* every target, then the roll-up */
    s = explain(&x, "丁", 2025, NULL);
    has(s, "target X (threshold)");
    has(s, "target F (redline, veto)");
    has(s, "target E (falls)");
    has(s, "roll-up\n  measure    (一) 甲项: missing; weight 1, not counted (no score)\n"
           "  measure    (二) 乙项: 100; weight 1, 50.00% of section 一\n"
           "  measure    (三) 丙项: 0; weight 1, 50.00% of section 一\n"
           "  section    一 第一部分: 50; weight 1, 100.00% of the total\n");
    free(s);
    pf_free(&x);
    /* the year before's value missing: that year named */
    pf_setup(&x, small_plan, prev_missing_data, true);
    s = explain(&x, "丁", 2025, "E");
    has(s, "§9 trends (falls every year): 2024's value is missing → missing\n");
    free(s);
    pf_free(&x);
}
END_TEST

START_TEST(missing_counts_zero)
{
    pfx x;
    pf_setup(&x, small_plan_zero, small_data, true);
    char *s = explain(&x, "丁", 2025, "X");
    has(s, "  total      33.3333\n");
    has(s, "  weight     1 of 1 counted in measure (一), 100.00% → 0 of its score 0\n");
    free(s);
    pf_free(&x);
}
END_TEST

/* A baseline that met the goal: a value below it again scores 0, and the
 * explanation says why (docs/LANGUAGE.md §9). */
START_TEST(baseline_met_scores_zero)
{
    pfx x;
    pf_setup(&x, small_plan,
             "region,year,x,f,e\n甲,2023,85,1000000,10\n甲,2024,70,1000000,9\n", true);
    char *s = explain(&x, "甲", 2024, "X");
    has(s, "  score      100 × clamp((v - b) / (goal - b), 0, 1) = "
           "100 × clamp((70 - 85) / (80 - 85), 0, 1) = 0 (0: the baseline value met the goal, "
           "and the value has lost ground)\n");
    free(s);
    pf_free(&x);
}
END_TEST

START_TEST(scope_and_json)
{
    static const char rules[] =
        SMALL_PLAN_HEAD
        "section 二 \"第二部分\" {\n"
        "    measure (四) \"丁项\" {\n"
        "        lead 厅B\n"
        "        target Y for 甲, 乙 : x >= 50% by 2030 weight 2\n"
        "    }\n"
        "}\n"
        "assessment 考核 {\n"
        "    missing reweight\n"
        "    score progress() * 100\n"
        "    grade 优 >= 90, 良 >= 60, 差\n"
        "}\n";
    pfx x;
    pf_setup(&x, rules, small_data, true);
    char *s = explain(&x, "丙", 2025, "Y");
    has(s, "  status     §9 rule 1 (not_applicable): 丙 is outside the target's scope (甲, 乙)\n");
    ck_assert_msg(!strstr(s, "  goal ") && !strstr(s, "  expected "), "%s", s);
    free(s);
    s = explain(&x, "甲", 2025, "Y");
    has(s, "  score      the assessment's score expression `progress() * 100`, with value = 90, "
           "goal = 50, base = 60, expected = 57.1429, year = 2025, deadline = 2030, progress() = 1 "
           "(the default score / 100; met scores 100); clamped to 0..100, missing counting as 0 "
           "→ 100\n");
    free(s);

    pf_capture c;
    ck_assert_int_eq(explain_json(x.p, x.t, x.r, pf_row(&x, "乙", 2024), pf_target(&x, "X"), NULL,
                                  pf_cap_open(&c), stderr), 0);
    const char *j = pf_cap_text(&c);
    has(j, "\"format\": \"planc-explain\",\n  \"version\": 1,\n");
    has(j, "\"region\": \"乙\",\n  \"level\": \"city\",\n  \"year\": 2024,\n");
    has(j, "{\"role\": \"value\", \"column\": \"x\", \"aggregate\": null, \"map\": null, \"records\": 1, \"values\": null, \"indicator\": \"x\", \"region\": \"乙\", "
           "\"year\": 2024, \"in_data\": true, \"line\": 6, \"cell\": 65, \"column_unit\": \"%\", \"unit\": \"%\", "
           "\"divisor\": null, \"factor\": 1, \"value\": 65}");
    has(j, "\"baseline\": {\"year\": 2023, \"value\": 60},\n");
    has(j, "\"milestones\": [\n        {\"op\": \">=\", \"goal\": 80, \"goal_from\": null, \"tolerance\": null, "
           "\"deadline\": 2025}\n      ],\n"
           "      \"milestone\": 0,\n      \"goal\": 80,\n      \"tolerance\": null,\n      \"deadline\": 2025,\n");
    has(j, "\"value\": 70,\n        \"start_year\": 2023,\n        \"start_value\": 60,\n");
    has(j, "\"status\": \"lagging\",\n      \"rule\": {\n        \"branch\": \"5\",\n");
    has(j, "\"default\": 25,\n");
    has(j, "\"veto\": {\"veto\": false, \"broken\": false, \"fired\": false}\n");
    pf_cap_free(&c);
    /* not_applicable: no current goal, milestone, deadline or trajectory */
    ck_assert_int_eq(explain_json(x.p, x.t, x.r, pf_row(&x, "丙", 2025), pf_target(&x, "Y"), NULL,
                                  pf_cap_open(&c), stderr), 0);
    j = pf_cap_text(&c);
    has(j, "\"goal\": 50, ");   /* in the milestones as written */
    has(j, "],\n      \"milestone\": null,\n      \"goal\": null,\n      \"tolerance\": null,\n      \"deadline\": null,\n");
    has(j, "\"expected\": {\n        \"value\": null,\n        \"start_year\": null,\n"
           "        \"start_value\": null,\n        \"formula\": null\n      },\n");
    pf_cap_free(&c);
    pf_free(&x);
}
END_TEST

/* For every row: explain_json agrees with the run — each target's status
 * is the run's, and the contributions to the total add up to it. */
static void check_consistent(const pfx *x)
{
    const ir_program *p = x->p;
    const double *total = rt_result_column(x->r, p->total);
    for (size_t row = 0; row < rt_table_nrows(x->t); row++) {
        pf_capture c;
        ck_assert_int_eq(explain_json(p, x->t, x->r, row, -1, NULL, pf_cap_open(&c), stderr), 0);
        const char *j = pf_cap_text(&c);
        const char *at = strstr(j, "\"targets\": [");
        ck_assert_ptr_nonnull(at);
        double sum = 0;
        bool any = false;
        for (uint32_t i = 0; i < p->ntargets; i++) {
            at = strstr(at, "\n      \"status\": \"");
            ck_assert_ptr_nonnull(at);
            at += strlen("\n      \"status\": \"");
            double st = rt_result_column(x->r, p->targets[i].status)[row];
            const char *want = ir_statusname((int)st);
            ck_assert_msg(strncmp(at, want, strlen(want)) == 0 && at[strlen(want)] == '"',
                          "row %zu target %s: explain says %.12s, the run %s", row,
                          p->targets[i].name, at, want);
            at = strstr(at, "\"to_total\": ");
            ck_assert_ptr_nonnull(at);
            at += strlen("\"to_total\": ");
            if (strncmp(at, "null", 4) != 0) {
                sum += strtod(at, NULL);
                any = true;
            }
        }
        if (p->has_assessment && !isnan(total[row])) {
            ck_assert_msg(any, "row %zu has a total but no contribution", row);
            ck_assert_msg(fabs(sum - total[row]) <= 1e-9 * fmax(1, fabs(total[row])),
                          "row %zu: contributions add up to %.17g, the total is %.17g", row, sum,
                          total[row]);
        }
        pf_cap_free(&c);
    }
}

START_TEST(consistent_small)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, true);
    check_consistent(&x);
    pf_free(&x);
    pf_setup(&x, small_plan_zero, small_data, true);
    check_consistent(&x);
    pf_free(&x);
}
END_TEST

/* The bundled rule sets, from the source tree (PLANC_TESTDATA is tests/). */
START_TEST(consistent_bundled)
{
    const char *dir = getenv("PLANC_TESTDATA");
    ck_assert_msg(dir != NULL, "PLANC_TESTDATA is not set");
    static const char *const sets[][2] = {
        {"../examples/quickstart/rules.plan", "../examples/quickstart/data.csv"},
        {"../rules/liaoning/beautiful-liaoning.plan", "../examples/liaoning/data.csv"},
    };
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        char rp[4096], dp[4096];
        snprintf(rp, sizeof rp, "%s/%s", dir, sets[i][0]);
        snprintf(dp, sizeof dp, "%s/%s", dir, sets[i][1]);
        char *rules = pf_read_file(rp), *data = pf_read_file(dp);
        ck_assert_msg(rules && data, "cannot read %s or %s", rp, dp);
        pfx x;
        pf_setup(&x, rules, data, true);
        check_consistent(&x);
        pf_free(&x);
        free(rules);
        free(data);
    }
}
END_TEST

/* A row of a rule set with many targets is explained in time linear in
 * them: each target's walks through the steps cleared arrays the size of
 * the program, and its share of its measure summed the weights of every
 * target of the program (planc explain on 40,000 generated targets took
 * 10.4 s of CPU, 5.0 s now).  20,000 targets in one measure, each on its
 * own column: each counts 1 of 20,000, and reads its own cell. */
START_TEST(many_targets)
{
    enum { N = 20000 };
    size_t cap = 256 + 96 * (size_t)N, n = 0;
    char *rules = malloc(cap), *data = malloc(cap);
    ck_assert_ptr_nonnull(rules);
    ck_assert_ptr_nonnull(data);
    n += (size_t)snprintf(rules + n, cap - n, "plan P {\n    region 省\n    baseline 2023\n"
                          "    horizon 2030\n}\nlevels province\nregion 省 : province\n"
                          "agency 厅\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(rules + n, cap - n, "indicator x%d : %%, higher, column \"c%d\"\n", i, i);
    n += (size_t)snprintf(rules + n, cap - n, "section 一 \"s\" {\n    measure (一) \"m\" {\n"
                          "        lead 厅\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(rules + n, cap - n, "        target t%d : x%d >= 50%% by 2030\n", i, i);
    snprintf(rules + n, cap - n, "    }\n}\nassessment A {\n    missing zero\n}\n");
    size_t m = (size_t)snprintf(data, cap, "region,year");
    for (int i = 0; i < N; i++)
        m += (size_t)snprintf(data + m, cap - m, ",c%d", i);
    m += (size_t)snprintf(data + m, cap - m, "\n省,2025");
    for (int i = 0; i < N; i++)
        m += (size_t)snprintf(data + m, cap - m, ",%d", i % 100);
    snprintf(data + m, cap - m, "\n");
    pfx x;
    pf_setup(&x, rules, data, true);
    free(rules);
    free(data);
    char *s = explain(&x, "省", 2025, NULL);
    /* (not has(): the whole text is too long for a failure message) */
    const char *want[] = {"target t0 (threshold): x0 >= 50% by 2030\n",
                          "target t19999 (threshold): x19999 >= 50% by 2030\n",
                          "  weight     1 of 20000 counted in measure (一), 0.01% → 0 of its score",
                          "  reads      c19999 of 省 2025 = 99% (indicator x19999)\n"};
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
        ck_assert_msg(strstr(s, want[k]) != NULL, "missing «%s»", want[k]);
    free(s);
    pf_free(&x);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("explain");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, lookups);
    tcase_add_test(tc, thresholds);
    tcase_add_test(tc, redline_veto_and_units);
    tcase_add_test(tc, trends_and_not_applicable);
    tcase_add_test(tc, missing_counts_zero);
    tcase_add_test(tc, baseline_met_scores_zero);
    tcase_add_test(tc, scope_and_json);
    tcase_add_test(tc, consistent_small);
    tcase_add_test(tc, consistent_bundled);
    tcase_add_test(tc, many_targets);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
