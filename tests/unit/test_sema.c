/* test_sema.c — the checker (compiler/sema.c): names, units, years,
 * weights, regions, targets.  Each test parses a small source held in
 * memory, checks it, and looks at the diagnostics and the model. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "model.h"
#include "parse.h"
#include "sema.h"

/* A plan, regions, an agency, units and indicators most tests build on. */
#define PRELUDE                                                                  \
    "plan P \"测试\" {\n"                                                        \
    "    region 省\n"                                                            \
    "    baseline 2023\n"                                                        \
    "    horizon 2035\n"                                                         \
    "    periods 十四五 = 2021..2025, 十五五 = 2026..2030\n"                      \
    "}\n"                                                                        \
    "levels province, city\n"                                                    \
    "region 省 : province\n"                                                     \
    "region 甲, 乙 : city in 省\n"                                               \
    "region 丙 : city in 省 alias \"丙市\"\n"                                    \
    "agency 生态环境厅\n"                                                        \
    "unit 亩\n"                                                                  \
    "unit 万亩 = 10000 亩\n"                                                     \
    "unit km2\n"                                                                 \
    "unit 万平方公里 = 10000 km2\n"                                              \
    "unit 条\n"                                                                  \
    "indicator 耕地保有量 : 万亩, higher, column \"farm\" in 亩\n"               \
    "indicator 比例 : %, higher, column \"ratio\"\n"                             \
    "indicator 面积 : km2, higher, column \"area\"\n"                            \
    "indicator 廊道 : 条, higher, column \"corridors\"\n"                        \
    "indicator 公园 : bool, column \"park\"\n"

/* A section with one measure holding the given targets. */
#define MEASURE(body)                                                            \
    "section 一 \"总体\" {\n"                                                    \
    "    measure (一) \"措施\" {\n"                                              \
    "        lead 生态环境厅\n"                                                  \
    body                                                                         \
    "    }\n"                                                                    \
    "}\n"

static arena A;
static diag_ctx D;
static char *errbuf;
static size_t errlen;
static FILE *errf;
static sema_model *M;

static void setup(void)
{
    arena_init(&A);
    errbuf = NULL;
    errlen = 0;
    errf = open_memstream(&errbuf, &errlen);
    diag_init(&D, errf);
    M = NULL;
}

static void teardown(void)
{
    diag_dispose(&D);
    if (errf)
        fclose(errf);
    free(errbuf);
    arena_free(&A);
}

/* Parses and checks src; returns the number of errors.  The diagnostics
 * are in errbuf. */
static int check(const char *src)
{
    int f = diag_add_text(&D, "t.plan", src, strlen(src));
    ck_assert_int_ge(f, 0);
    ast_program *p = parse_file(&A, &D, f);
    M = sema_check(&A, &D, p);
    fflush(errf);
    return diag_errors(&D);
}

/* True when the diagnostics contain s. */
static bool said(const char *s)
{
    fflush(errf);
    return errbuf && strstr(errbuf, s) != NULL;
}

#define ck_said(s) ck_assert_msg(said(s), "expected \"%s\" in:\n%s", (s), errbuf ? errbuf : "")
#define ck_clean(src)                                                            \
    do {                                                                         \
        int n_ = check(src);                                                     \
        ck_assert_msg(n_ == 0, "expected no errors, got:\n%s", errbuf ? errbuf : ""); \
    } while (0)

/* The model's target called name. */
static const sema_target *target(const char *name)
{
    for (uint32_t i = 0; i < M->ntargets; i++)
        if (strcmp(M->targets[i].name, name) == 0)
            return &M->targets[i];
    ck_abort_msg("no target '%s'", name);
    return NULL;
}

/* ---------------------------------------------------------------- clean programs */

START_TEST(clean_model)
{
    ck_clean(PRELUDE MEASURE(
        "        target 耕地保有量 >= 7603万亩 by 2027\n"
        "        target 面积目标 : 面积 >= 4.1 万平方公里 by 十四五, >= 4.2 万平方公里 by 2030\n"
        "        redline 廊道红线 : 廊道 >= 4\n"
        "        target 公园 == yes by 2035\n"
        "        target 城市比例 for city except 乙 : 比例 >= 0.92 by 2027 weight 2\n"));
    ck_assert_int_eq(M->baseline, 2023);
    ck_assert_int_eq(M->horizon, 2035);
    ck_assert_str_eq(M->region_key, "region");
    ck_assert_uint_eq(M->nregions, 4);
    ck_assert_uint_eq(M->nlevels, 2);
    ck_assert_int_eq(M->regions[1].parent, 0);
    ck_assert_uint_eq(M->regions[1].level, 1);
    ck_assert_uint_eq(M->regions[3].naliases, 1);
    ck_assert_uint_eq(M->ninds, 5);
    ck_assert_uint_eq(M->ncolumns, 5);
    ck_assert_uint_eq(M->ntargets, 5);
    ck_assert_uint_eq(M->nmeasures, 1);
    ck_assert_str_eq(M->measures[0].id, "(一)");
    ck_assert_uint_eq(M->measures[0].nlead, 1);

    /* the column is in 亩, the indicator in 万亩 */
    ck_assert_str_eq(unit_name(M->inds[0].unit), "万亩");
    ck_assert_str_eq(unit_name(M->inds[0].column_unit), "亩");

    const sema_target *t = target("耕地保有量");
    ck_assert_str_eq(t->kind, "threshold");
    ck_assert_str_eq(t->clause, "(一)");
    ck_assert_uint_eq(t->nms, 1);
    ck_assert_double_eq(t->ms[0].goal, 7603);
    ck_assert_int_eq(t->ms[0].deadline, 2027);
    ck_assert_int_eq(t->ms[0].track, DIR_HIGHER);

    /* 4.1 万平方公里 against km2 is 41000; a period deadline is its last year */
    t = target("面积目标");
    ck_assert_uint_eq(t->nms, 2);
    ck_assert_double_eq(t->ms[0].goal, 41000);
    ck_assert_int_eq(t->ms[0].deadline, 2025);
    ck_assert_double_eq(t->ms[1].goal, 42000);
    ck_assert_int_eq(t->ms[1].deadline, 2030);

    /* a bare number takes the measured unit: 4 条 */
    t = target("廊道红线");
    ck_assert_str_eq(t->kind, "redline");
    ck_assert(t->redline);
    ck_assert_double_eq(t->ms[0].goal, 4);
    ck_assert_int_eq(t->ms[0].deadline, 0);

    t = target("公园");
    ck_assert_int_eq(t->type, TY_BOOL);
    ck_assert_double_eq(t->ms[0].goal, 1);
    ck_assert_int_eq(t->ms[0].track, DIR_NONE);

    /* 0.92 against % is 0.92 %; the scope is the cities but 乙 */
    t = target("城市比例");
    ck_assert_double_eq(t->ms[0].goal, 0.92);
    ck_assert(t->scoped);
    ck_assert_uint_eq(t->nscope, 2);
    ck_assert_uint_eq(t->scope[0], 1);
    ck_assert_uint_eq(t->scope[1], 3);
    ck_assert_double_eq(t->weight, 2);
}
END_TEST

START_TEST(clean_target_forms)
{
    ck_clean(PRELUDE
        "unit 吨\nunit 万吨 = 10000 吨\n"
        "indicator 排放 : 万吨, lower, column \"em\"\n"
        "indicator 评级 : 1, column \"rating\"\n"
        "indicator 节水 : bool, column \"ws\"\n"
        MEASURE(
        "        target 绿色 : complete 比例 by 2025\n"
        "        target 排放 falls every year\n"
        "        target 比例升 : 比例 rises every year\n"
        "        target 达峰 : 排放 peaks by 2030 tolerance 1%\n"
        "        target 评级 : rated 评级 >= 80 by 2035\n"
        "        target 全覆盖 : share(city, 节水 == yes) >= 100% by 2027\n"));
    const sema_target *t = target("绿色");
    ck_assert_str_eq(t->kind, "complete");
    ck_assert_uint_eq(t->nms, 1);
    ck_assert_int_eq(t->ms[0].op, OP_GE);
    ck_assert_double_eq(t->ms[0].goal, 100);
    ck_assert_int_eq(t->ms[0].deadline, 2025);
    ck_assert_str_eq(target("排放")->kind, "falls");
    ck_assert_str_eq(target("比例升")->kind, "rises");
    t = target("达峰");
    ck_assert_str_eq(t->kind, "peaks");
    ck_assert_int_eq(t->peak_by, 2030);
    ck_assert_double_eq_tol(t->tolerance, 0.01, 1e-15);
    ck_assert_str_eq(target("评级")->kind, "rated");
    /* a share target covers the regions with cities below them: 省 */
    t = target("全覆盖");
    ck_assert_str_eq(unit_name(t->unit), "%");
    ck_assert(t->scoped);
    ck_assert_uint_eq(t->nscope, 1);
    ck_assert_uint_eq(t->scope[0], 0);
}
END_TEST

/* Targets that write the same scope share one list of regions (a fuzzed
 * file of 22,500 `for city` targets over 30,000 cities took 2.8 GB and
 * 50 s to check when each had its own); a different scope has its own. */
START_TEST(same_scope_shared)
{
    ck_clean("plan P { region 省 baseline 2023 horizon 2030 }\n"
             "levels province, city\n"
             "region 省 : province\n"
             "region 甲, 乙, 丙 : city in 省\n"
             "unit t\n"
             "indicator x : t, lower, column \"x\"\n"
             "section 一 \"s\" { measure (一) \"m\" {\n"
             "  target A for city : x <= 1 [t] by 2025\n"
             "  target B for city : x <= 2 [t] by 2025\n"
             "  target C for city except 乙 : x <= 3 [t] by 2025\n"
             "  target D for city except 乙 : x <= 4 [t] by 2025\n"
             "} }\n");
    const sema_target *a = target("A"), *b = target("B"), *c = target("C"), *d = target("D");
    ck_assert_uint_eq(a->nscope, 3);
    ck_assert_ptr_eq(a->scope, b->scope);
    ck_assert_uint_eq(c->nscope, 2);
    ck_assert_ptr_eq(c->scope, d->scope);
    ck_assert_ptr_ne(a->scope, c->scope);
}
END_TEST

START_TEST(clean_assessment)
{
    ck_clean(PRELUDE MEASURE(
        "        target 耕地保有量 >= 7603万亩 by 2027\n"
        "        redline 红线 : 比例 >= 10%\n")
        "section 二 \"其他\" {\n    measure (二) \"m\" {\n        shared 生态环境厅\n"
        "        target 公园 == yes by 2030\n    }\n}\n"
        "assessment 考核 {\n"
        "    missing zero\n"
        "    score progress() * 100\n"
        "    weight section 一 = 30, section 二 = 20, measure (一) = 2, target 耕地保有量 = 3\n"
        "    veto redlines\n"
        "    veto 公园\n"
        "    grade 优秀 >= 90, 良好 >= 80, 合格 >= 60, 不合格\n"
        "}\n");
    ck_assert(M->has_assessment);
    ck_assert_int_eq(M->missing, MISSING_ZERO);
    ck_assert_ptr_nonnull(M->score);
    ck_assert_double_eq(M->sections[0].weight, 30);
    ck_assert_double_eq(M->sections[1].weight, 20);
    ck_assert_double_eq(M->measures[0].weight, 2);
    ck_assert_double_eq(M->measures[1].weight, 1);
    ck_assert(M->measures[1].shared);
    /* a shared measure's agencies stand in its lead list */
    ck_assert_uint_eq(M->measures[1].nlead, 1);
    ck_assert_uint_eq(M->measures[1].nresponsible, 0);
    ck_assert_double_eq(target("耕地保有量")->weight, 3);
    ck_assert(target("红线")->veto);
    ck_assert(target("公园")->veto);
    ck_assert(!target("耕地保有量")->veto);
    ck_assert_uint_eq(M->nbands, 4);
    ck_assert_str_eq(M->bands[3], "不合格");
    ck_assert_double_eq(M->band_min[0], 90);
    ck_assert_double_eq(M->band_min[2], 60);
}
END_TEST

/* Names may be used before they are declared. */
START_TEST(any_order)
{
    ck_clean(MEASURE("        target 指标 >= 5 [吨/万元] by 2030\n")
             "indicator 指标 : 吨每万元, lower, formula 排放 / 产值\n"
             "indicator 排放 : 吨, column \"e\"\n"
             "indicator 产值 : 万元, column \"g\"\n"
             "unit 吨每万元 = 1 吨/万元\nunit 吨\nunit 万元\n"
             "agency 生态环境厅\n"
             "region 甲 : city in 省\nregion 省 : province\nlevels province, city\n"
             "plan P { region 省\n baseline 2023\n horizon 2035\n}\n");
}
END_TEST

/* ---------------------------------------------------------------- names */

START_TEST(undefined_name_did_you_mean)
{
    ck_assert_int_eq(check(PRELUDE MEASURE("        target 耕地 : 耕地保有 >= 7603万亩 by 2027\n")), 1);
    ck_said("t.plan:25:21: error: undefined name '耕地保有'");
    ck_said("note: did you mean '耕地保有量'?");
}
END_TEST

START_TEST(undefined_far_name_no_hint)
{
    ck_assert_int_eq(check(PRELUDE MEASURE("        target 甲 : 完全不同的名字 >= 1 by 2027\n")), 1);
    ck_said("undefined name '完全不同的名字'");
    ck_assert(!said("did you mean"));
}
END_TEST

START_TEST(duplicate_with_note)
{
    ck_assert_int_eq(check(PRELUDE "indicator 比例 : %, column \"r2\"\n"), 1);
    ck_said("t.plan:22:11: error: duplicate indicator '比例'");
    ck_said("t.plan:18:11: note: '比例' was first declared here");
}
END_TEST

START_TEST(namespaces_per_kind)
{
    /* a region and an indicator may share a name */
    ck_clean(PRELUDE "indicator 甲 : %, column \"x\"\n");
}
END_TEST

START_TEST(undefined_kinds)
{
    ck_assert_int_eq(check(PRELUDE
        "region 丁 : county in 戊\n"
        "indicator 新 : 公顷, column \"n\"\n"
        "section 二 \"s\" {\n    measure (二) \"m\" {\n        lead 生态环境局\n"
        "        responsible 自然资源厅\n"
        "        target 新比例 for 甲, 已 : 比例 >= 1% by 2030\n    }\n}\n"), 6);
    ck_said("undefined level 'county'");
    ck_said("undefined region '戊'");
    ck_said("undefined unit '公顷'");
    ck_said("undefined agency '生态环境局'");
    ck_said("note: did you mean '生态环境厅'?");
    ck_said("undefined agency '自然资源厅'");
    ck_said("undefined region or level '已'");
}
END_TEST

START_TEST(unnamed_targets)
{
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target 比例 >= 10% by 2027\n"
        "        target 比例 >= 20% by 2030\n"
        "        target 比例 * 2 >= 20% by 2030\n")), 2);
    ck_said("two targets on '比例' have no name; name them");
    ck_said("note: the other target on '比例' is here");
    ck_said("this target needs a name");
}
END_TEST

/* ---------------------------------------------------------------- plan */

START_TEST(plan_rules)
{
    ck_assert_int_eq(check("levels a\nregion r : a\n"), 1);
    ck_said("t.plan:1:1: error: no plan declared");
    teardown();
    setup();
    ck_assert_int_eq(check("plan P {\n region 省\n baseline 2030\n horizon 2030\n}\nlevels a\nregion 省 : a\n"), 1);
    ck_said("horizon 2030 must be after the baseline 2030");
    teardown();
    setup();
    ck_assert_int_eq(check("plan P {\n region 无\n horizon 2030\n periods 甲 = 2025..2021\n}\n"
                           "plan Q {\n baseline 2020\n horizon 2030\n}\n"), 4);
    ck_said("has no baseline");
    ck_said("undefined region '无'");
    ck_said("period '甲' ends (2021) before it starts (2025)");
    ck_said("a program has exactly one plan");
}
END_TEST

/* An empty file is named in the error (among several files checked at
 * once, the user must know which). */
START_TEST(empty_program)
{
    ck_assert_int_eq(check(""), 1);
    ck_said("t.plan:1:1: error: no plan declared");
}
END_TEST

/* ---------------------------------------------------------------- units */

START_TEST(unit_mismatch)
{
    ck_assert_int_eq(check(PRELUDE MEASURE("        target 耕地 : 耕地保有量 >= 92% by 2027\n")), 1);
    ck_said("error: cannot compare '%' with '万亩': the units have different dimensions");
    teardown();
    setup();
    ck_assert_int_eq(check(PRELUDE MEASURE("        target 耕地 : 耕地保有量 + 面积 >= 1 by 2027\n")), 1);
    ck_said("cannot add '万亩' and 'km2'");
    teardown();
    setup();
    ck_assert_int_eq(check(PRELUDE MEASURE("        target 耕地 : 耕地保有量 - 面积 >= 1 by 2027\n")), 1);
    ck_said("cannot subtract 'km2' from '万亩'");
}
END_TEST

START_TEST(unit_relating_bases)
{
    /* 亩 and km2 are one dimension once a unit relates them */
    ck_clean(PRELUDE "unit 亩2 = 0.0006666667 km2\n"
             "indicator 耕地2 : 亩2, column \"f2\"\n"
             MEASURE("        target 耕地 : 耕地2 >= 1 km2 by 2027\n"));
}
END_TEST

START_TEST(unit_decl_errors)
{
    ck_assert_int_eq(check(PRELUDE
        "unit 甲 = 10 乙\nunit 乙 = 10 甲\n"
        "unit 零 = 0 亩\n"
        "indicator 错 : 万亩, column \"c\" in %\n"
        "indicator 公式 : 万亩, formula 面积 * 2\n"), 4);
    ck_said("is defined in terms of itself");
    ck_said("the factor of unit '零' must be a positive number, not 0");
    ck_said("the column's unit '%' does not match the indicator's unit '万亩'");
    ck_said("the formula is in 'km2' but the indicator is declared in '万亩'");
}
END_TEST

START_TEST(types)
{
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target a : 公园 >= yes by 2030\n"
        "        target b : 公园 == 1 by 2030\n"
        "        target c : 公园 + 1 >= 2 by 2030\n"
        "        target d : (if 比例 then 1 else 2) >= 1 by 2030\n"
        "        target e : (比例 > 1% and 2) == yes by 2030\n"
        "        target f : (if 比例 > 1% then 耕地保有量 else 面积) >= 1 by 2030\n")), 6);
    ck_said("yes/no values cannot be ordered with '>='");
    ck_said("cannot compare a yes/no value with a numeric goal");
    ck_said("expected a number in '+', found a yes/no value");
    ck_said("expected a yes/no condition after 'if', found a number in '%'");
    ck_said("expected a yes/no condition in 'and', found a number in '1'");
    ck_said("the branches of 'if' are in '万亩' and 'km2'");
}
END_TEST

START_TEST(bare_numbers)
{
    ck_clean(PRELUDE MEASURE(
        "        target a : 耕地保有量 + 5 >= 10 by 2030\n"
        "        target b : max(耕地保有量, 5) <= 7603万亩 by 2030\n"
        "        target c : 耕地保有量 * 2 >= 1万亩 by 2030\n"
        "        target d : (if 公园 then 耕地保有量 else 0) >= 1 by 2030\n"));
    /* in * a bare number is dimensionless: 耕地 * 2 stays in 万亩 */
    ck_assert_str_eq(unit_name(target("c")->unit), "万亩");
    ck_assert_double_eq(target("a")->ms[0].goal, 10);
    /* a goal in 亩 converts to 万亩 */
    teardown();
    setup();
    ck_clean(PRELUDE MEASURE("        target a : 耕地保有量 >= 76030000亩 by 2030\n"));
    ck_assert_double_eq(target("a")->ms[0].goal, 7603);
}
END_TEST

/* ---------------------------------------------------------------- years */

START_TEST(deadlines)
{
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target a : 比例 >= 1% by 2020\n"
        "        target b : 比例 >= 1% by 2040\n"
        "        target c : 比例 >= 1% by 2023\n"
        "        target d : 比例 >= 1% by 2030, >= 2% by 2027\n"
        "        target e : 比例 >= 1% by 十三五\n")), 5);
    ck_said("error: deadline 2020 is before the plan's baseline 2023");
    ck_said("error: deadline 2040 is after the plan's horizon 2035");
    ck_said("deadline 2023 is the plan's baseline year");
    ck_said("milestone deadlines must increase: 2027 is not after 2030");
    ck_said("undefined period '十三五'");
    ck_said("did you mean '十五五' or '十四五'?");
}
END_TEST

/* ---------------------------------------------------------------- weights and the assessment */

START_TEST(weights)
{
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target a : 比例 >= 1% by 2030 weight -1\n"
        "        target b : 比例 >= 2% by 2030 weight 0\n")
        "assessment 考核 {\n missing reweight\n weight target b = 2\n}\n"), 2);
    ck_said("weight -1 is negative; weights must be zero or more");
    ck_said("the weight of target 'b' is given twice");
    teardown();
    setup();
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target a : 比例 >= 1% by 2030 weight 0\n"
        "        target b : 比例 >= 2% by 2030 weight 0\n")
        "assessment 考核 {\n missing reweight\n weight section 一 = 0\n}\n"), 2);
    ck_said("every target of measure (一) has weight 0");
    ck_said("every section has weight 0");
}
END_TEST

START_TEST(assessment_rules)
{
    ck_assert_int_eq(check(PRELUDE MEASURE("        target a : 比例 >= 1% by 2030\n")
        "assessment 成效考核 {\n"
        "    weight section 九 = 1, measure (九) = 1, target 乙 = 1\n"
        "    veto 不存在\n"
        "    grade 优秀 >= 80, 良好 >= 90, 不合格 >= 10\n"
        "}\n"
        "assessment 第二 {\n missing zero\n}\n"), 8);
    ck_said("error: assessment '成效考核' has no missing-data policy; add 'missing zero', 'missing reweight' or 'missing error'");
    ck_said("undefined section '九'");
    ck_said("undefined measure (九)");
    ck_said("undefined target '乙'");
    ck_said("undefined target '不存在'");
    ck_said("grades go best first: '良好' (>= 90) must be below '优秀' (>= 80)");
    ck_said("the last grade '不合格' takes every score below the others; remove its bound");
    ck_said("a program has at most one assessment");
}
END_TEST

START_TEST(score_context)
{
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target a : 比例 + value >= 1% by 2030\n"
        "        target b : 比例 >= 1% by 2030 score progress() * 100 + prev(value)\n"
        "        target c : 比例 >= 1% by 2030 score value * 1万亩\n"
        "        target d : 比例 >= 1% by 2030 score progress() > 1\n"
        "        target e : progress() >= 1% by 2030\n")), 5);
    ck_said("'value' can only be used in a score expression");
    ck_said("'value' cannot be used inside 'prev'");
    ck_said("a score must be a number without a unit, not in '%*万亩'");
    ck_said("a score must be a number, not a yes/no value");
    ck_said("'progress()' can only be used in a score expression");
    teardown();
    setup();
    ck_clean(PRELUDE MEASURE(
        "        target b : 比例 >= 1% by 2030 score 100 * (value - base) / (goal - base)\n"
        "        target c : 比例 >= 1% by 2030 score if year >= deadline then 0 else 100 * progress()\n"));
}
END_TEST

/* ---------------------------------------------------------------- agencies, regions */

START_TEST(measure_agencies)
{
    ck_assert_int_eq(check(PRELUDE
        "section 二 \"s\" {\n"
        "    measure (二) \"m\" {\n        lead 生态环境厅\n        shared 生态环境厅\n    }\n"
        "    measure (三) \"n\" {\n        responsible 生态环境厅\n    }\n"
        "    measure (二) \"dup\" {\n        lead 生态环境厅\n    }\n"
        "}\n"), 2);
    ck_said("measure (二) has both 'lead' and 'shared'");
    ck_said("duplicate measure (二)");
    /* a measure with only responsible agencies, or none, is fine */
    ck_assert(!said("(三)"));
}
END_TEST

START_TEST(region_rules)
{
    ck_assert_int_eq(check(PRELUDE
        "region 丁 : province in 甲\n"
        "region 戊, 己 : city in 省 alias \"x\"\n"
        "region 庚 : city in 辛\nregion 辛 : city in 庚\n"
        "region 壬 : city alias \"甲\"\n"), 6);
    ck_said("parent '甲' is of level 'city', which is not coarser than 'province'");
    ck_said("'alias' needs a single region; this declares 2");
    ck_said("parent '辛' is of level 'city', which is not coarser than 'city'");
    ck_said("is its own ancestor");
    ck_said("alias \"甲\" of '壬' is already a name of region '甲'");
}
END_TEST

/* ---------------------------------------------------------------- formulas and functions */

START_TEST(formula_cycle)
{
    ck_assert_int_eq(check(PRELUDE
        "indicator 甲1 : %, formula 乙1 + 1%\n"
        "indicator 乙1 : %, formula prev(丙1)\n"
        "indicator 丙1 : %, formula 甲1\n"
        "indicator 自己 : %, formula 自己 * 2\n"), 2);
    ck_said("formula cycle: 甲1 -> 乙1 -> 丙1 -> 甲1");
    ck_said("formula cycle: 自己 -> 自己");
}
END_TEST

START_TEST(functions)
{
    ck_assert_int_eq(check(PRELUDE
        "indicator 节水 : bool, column \"ws\"\n"
        "indicator 份额 : %, formula share(city, 节水)\n"
        MEASURE(
        "        target a : prev(5) >= 1 by 2030\n"
        "        target b : prev(share(city, 节水)) >= 1% by 2030\n"
        "        target c : share(county, 节水) >= 1% by 2030\n"
        "        target d : share(city, 比例) >= 1% by 2030\n"
        "        target e : at(份额, 2020) >= 1% by 2030\n"
        "        target f : foo(比例) >= 1% by 2030\n"
        "        target g : min(比例) >= 1% by 2030\n"
        "        target h : at(比例, 十二五) >= 1% by 2030\n"
        "        target i : clamp(比例, 0, 5 万亩) >= 1% by 2030\n")), 7);
    ck_said("the argument of 'prev' must refer to an indicator");
    ck_said("undefined level 'county'");
    ck_said("expected a yes/no condition in 'share', found a number in '%'");
    ck_said("unknown function 'foo'");
    ck_said("'min' takes at least 2 arguments");
    ck_said("undefined period '十二五'");
    ck_said("cannot take 'clamp' of '%' and '万亩'");
}
END_TEST

START_TEST(goal_constant)
{
    /* A goal may read the data (a quota, the baseline value); it must
     * still have the value's dimension and not use score names, and a
     * constant goal is still evaluated at compile time. */
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target a : 比例 >= 面积 by 2030\n"
        "        target b : 比例 >= baseline(比例) by 2030\n"
        "        target c : 比例 >= 1% / 0 by 2030\n"
        "        target d : 比例 >= value by 2030\n"
        "        target e : 公园 == 公园 by 2030\n")), 3);
    ck_said("cannot compare 'km2' with '%'");
    ck_said("division by zero");
    ck_said("'value' can only be used in a score expression");
}
END_TEST

/* ---------------------------------------------------------------- targets */

START_TEST(target_rules)
{
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        redline r1 : 比例 >= 1% by 2030\n"
        "        redline r2 : 比例 falls every year\n"
        "        target c1 : complete 耕地保有量 by 2030\n"
        "        target p1 : 面积 peaks tolerance 1 km2\n"
        "        target p2 : 公园 rises every year\n"
        "        target s1 for 乙 except 乙 : 比例 >= 1% by 2030\n"
        "        target k : 5 >= 1 by 2030\n")), 7);
    ck_said("a red line holds every year; remove the deadline");
    ck_said("a red line must be a threshold ('X >= GOAL'), not 'falls'");
    ck_said("'complete' means '>= 100%', but 'c1' is in '万亩'");
    ck_said("a tolerance must be a number without a unit (or a %), not in 'km2'");
    ck_said("'rises' needs a number; 'p2' is a yes/no value");
    ck_said("the scope of target 's1' covers no region");
    ck_said("a target must measure an indicator, not a constant");
}
END_TEST

START_TEST(clause_attribute)
{
    ck_assert_int_eq(check(PRELUDE MEASURE(
        "        target a : 比例 >= 1% by 2030 clause (一)\n"
        "        target b : 比例 >= 1% by 2030 clause (十)\n")), 1);
    ck_said("undefined clause (十): no measure has this id");
}
END_TEST

/* The checker runs on whatever parsed: declarations after a syntax error
 * are still checked, and nothing crashes on missing pieces. */
START_TEST(partial_ast)
{
    int n = check(PRELUDE
        "indicator 坏 : %, column\n"
        "indicator 好 : %, column \"g\"\n"
        MEASURE("        target a : 好 >= 1万亩 by 2030\n"
                "        target b : >= by\n"
                "        target c : 比例 >= 1% by 2020\n"));
    ck_assert_int_ge(n, 3);
    ck_said("cannot compare '万亩' with '%'");
    ck_said("deadline 2020 is before the plan's baseline 2023");
}
END_TEST

/* Fuzz-like robustness: every prefix of a valid program checks without a
 * crash (the parser drops what it cannot parse). */
START_TEST(prefixes)
{
    static const char src[] = PRELUDE MEASURE(
        "        target 耕地保有量 >= 7603万亩 by 2027, >= 7700万亩 by 2035\n"
        "        target 全覆盖 : share(city, 公园 == yes) >= 100% by 2027 weight 2 veto\n"
        "        target x : (if 比例 > 1% then 比例 else prev(比例)) >= 1% by 2030 score value\n")
        "assessment 考核 {\n missing zero\n score progress() * 100\n grade 优 >= 90, 差\n}\n";
    for (size_t n = 0; n <= sizeof src - 1; n += 7) {
        teardown();
        setup();
        char *s = strndup(src, n);
        check(s);
        free(s);
    }
}
END_TEST

/* ---------------------------------------------------------------- text maps */

/* A map's texts are trimmed as cells are and kept in the order written
 * (several texts of a row share its value); each column records the map
 * it reads; two indicators may read one header column through different
 * maps; a yes/no indicator may read a map of yes, no and missing. */
START_TEST(text_maps_in_the_model)
{
    ck_clean(PRELUDE
             "map 颜色 \"colour\" { \"green\" = 4, \" red \", \"红\" = 1, \"gray\" = missing, else missing }\n"
             "map 是否 { \"达标\" = yes, \"未达标\" = no }\n"
             "indicator 评级 : 1, higher, column \"colour\" as 颜色\n"
             "indicator 评级二 : 1, higher, column \"colour\"\n"
             "indicator 达标 : bool, column \"ok\" as 是否\n"
             MEASURE("        target 评级 >= 3\n        target 达标 == yes\n"));
    ck_assert_uint_eq(M->nmaps, 2);
    const sema_map *c = &M->maps[0];
    ck_assert_str_eq(c->name, "颜色");
    ck_assert_str_eq(c->title, "colour");
    ck_assert_uint_eq(c->n, 4);
    ck_assert_str_eq(c->texts[1], "red");
    ck_assert_str_eq(c->texts[2], "红");
    ck_assert(c->values[1] == 1 && c->values[2] == 1 && isnan(c->values[3]));
    ck_assert(c->else_missing);
    ck_assert(!M->maps[1].else_missing);
    ck_assert(M->maps[1].values[0] == 1 && M->maps[1].values[1] == 0);
    int with = 0, without = 0;
    for (uint32_t i = 0; i < M->ncolumns; i++) {
        if (strcmp(M->columns[i].name, "colour") == 0 && M->columns[i].map == 0)
            with++;
        if (strcmp(M->columns[i].name, "colour") == 0 && M->columns[i].map == -1)
            without++;
        if (strcmp(M->columns[i].name, "farm") == 0)
            ck_assert_int_eq(M->columns[i].map, -1);
        if (strcmp(M->columns[i].name, "ok") == 0)
            ck_assert_int_eq(M->columns[i].map, 1);
    }
    ck_assert_int_eq(with, 1);
    ck_assert_int_eq(without, 1);
}
END_TEST

/* The mistakes: a text twice (also once trimmed), an empty text, an
 * unknown map (did-you-mean), a map of other numbers on a yes/no
 * indicator (an error at each such number of the map's own texts, not
 * at the duplicate's), a map declared twice. */
START_TEST(text_map_mistakes)
{
    ck_assert_int_eq(check(PRELUDE
                           "map 颜色 { \"green\" = 4, \"green \" = 3, \" \" = 1 }\n"
                           "map 颜色 { \"x\" = 1 }\n"
                           "indicator 评级 : 1, column \"colour\" as 颜包\n"
                           "indicator 达标 : bool, column \"ok\" as 颜色\n"
                           MEASURE("        target 达标 == yes\n")),
                     5);
    ck_said("error: text \"green\" is given twice in map '颜色'");
    ck_said("(texts are compared without the spaces around them, as data cells are)");
    ck_said("error: an empty text in map '颜色'");
    ck_said("error: duplicate map '颜色'");
    ck_said("error: undefined map '颜包'");
    ck_said("did you mean '颜色'?");
    ck_said("error: map '颜色' gives 4 for \"green\", which yes/no indicator '达标' cannot read");
    ck_said("note: '达标' reads its column as map '颜色' here");
}
END_TEST

/* A map's numbers against what reads them: a rated indicator's are
 * ratings, 0..100 ... */
START_TEST(text_map_ranges)
{
    ck_assert_int_eq(check(PRELUDE
                           "map 等级 { \"优\" = 95, \"超\" = 120 }\n"
                           "indicator 评级 : 1, higher, column \"r\" as 等级\n"
                           MEASURE("        target 评级 : rated 评级 >= 80 by 2030\n")),
                     1);
    ck_said("error: map '等级' gives 120 for \"超\", but '评级' is a rating, 0..100");
    ck_said("note: target '评级' rates it here");
}
END_TEST

/* ... which a target that rates an expression of it leaves unchecked. */
START_TEST(text_map_rated_expr)
{
    ck_assert_int_eq(check(PRELUDE
                           "map 等级 { \"优\" = 95, \"超\" = 120 }\n"
                           "indicator 评级 : 1, higher, column \"r\" as 等级\n"
                           MEASURE("        target 评级 : rated 评级 * 0.5 >= 40 by 2030\n"
                                   "        target 高 : 评级 >= 100 by 2030\n")),
                     0);
}
END_TEST

/* A column `in UNIT` must convert each of its map's numbers into range
 * (a count reads none). */
START_TEST(text_map_convert_range)
{
    ck_assert_int_eq(check(PRELUDE
                           "unit 吨\n"
                           "unit 亿吨 = 100000000 吨\n"
                           "map 大 { \"huge\" = 1e305 }\n"
                           "indicator 排放 : 吨, lower, column \"c\" as 大 in 亿吨\n"
                           "indicator 排放数 : 1, column \"c\" as 大 count\n"
                           MEASURE("        target 排放 : 排放 <= 10 吨 by 2030\n")),
                     1);
    ck_said("error: map '大' gives 1e+305 for \"huge\", out of range once indicator '排放' converts it "
            "from '亿吨' to '吨'");
}
END_TEST

static Suite *sema_suite(void)
{
    Suite *s = suite_create("sema");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, clean_model);
    tcase_add_test(tc, clean_target_forms);
    tcase_add_test(tc, same_scope_shared);
    tcase_add_test(tc, clean_assessment);
    tcase_add_test(tc, any_order);
    tcase_add_test(tc, undefined_name_did_you_mean);
    tcase_add_test(tc, undefined_far_name_no_hint);
    tcase_add_test(tc, duplicate_with_note);
    tcase_add_test(tc, namespaces_per_kind);
    tcase_add_test(tc, undefined_kinds);
    tcase_add_test(tc, unnamed_targets);
    tcase_add_test(tc, plan_rules);
    tcase_add_test(tc, empty_program);
    tcase_add_test(tc, unit_mismatch);
    tcase_add_test(tc, unit_relating_bases);
    tcase_add_test(tc, unit_decl_errors);
    tcase_add_test(tc, types);
    tcase_add_test(tc, bare_numbers);
    tcase_add_test(tc, deadlines);
    tcase_add_test(tc, weights);
    tcase_add_test(tc, assessment_rules);
    tcase_add_test(tc, score_context);
    tcase_add_test(tc, measure_agencies);
    tcase_add_test(tc, region_rules);
    tcase_add_test(tc, formula_cycle);
    tcase_add_test(tc, functions);
    tcase_add_test(tc, goal_constant);
    tcase_add_test(tc, target_rules);
    tcase_add_test(tc, clause_attribute);
    tcase_add_test(tc, partial_ast);
    tcase_add_test(tc, prefixes);
    tcase_add_test(tc, text_maps_in_the_model);
    tcase_add_test(tc, text_map_mistakes);
    tcase_add_test(tc, text_map_ranges);
    tcase_add_test(tc, text_map_rated_expr);
    tcase_add_test(tc, text_map_convert_range);
    suite_add_tcase(s, tc);
    return s;
}


int main(void)
{
    SRunner *sr = srunner_create(sema_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
