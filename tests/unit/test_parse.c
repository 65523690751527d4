/* test_parse.c — the parser (grammar/parser.y): the tree it builds for
 * good files (through ast_dump and by field), syntax error messages,
 * recovery at declaration boundaries, and the nesting limit. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"

static arena A;
static diag_ctx D;
static char *errbuf;
static size_t errlen;
static FILE *errf;
static char *dumpbuf;
static size_t dumplen;

static void setup(void)
{
    arena_init(&A);
    errbuf = NULL;
    errlen = 0;
    errf = open_memstream(&errbuf, &errlen);
    diag_init(&D, errf);
    dumpbuf = NULL;
}

static void teardown(void)
{
    diag_dispose(&D);
    fclose(errf);
    free(errbuf);
    free(dumpbuf);
    arena_free(&A);
}

/* The diagnostics printed so far. */
static const char *errs(void)
{
    fflush(errf);
    return errbuf ? errbuf : "";
}

/* Parses n bytes of src as "t.plan". */
static ast_program *parse_n(const char *src, size_t n)
{
    int f = diag_add_text(&D, "t.plan", src, n);
    ck_assert_int_ge(f, 0);
    return parse_file(&A, &D, f);
}

static ast_program *parse(const char *src)
{
    return parse_n(src, strlen(src));
}

/* ast_dump of p, as a string. */
static const char *dump(const ast_program *p)
{
    free(dumpbuf);
    FILE *o = open_memstream(&dumpbuf, &dumplen);
    ast_dump(p, o);
    fclose(o);
    return dumpbuf;
}

/* Number of "error:" lines printed. */
static int nerrors_printed(void)
{
    int n = 0;
    for (const char *p = errs(); (p = strstr(p, "error:")) != NULL; p++)
        n++;
    return n;
}

/* The first line of the diagnostics. */
static const char *first_error(void)
{
    static char line[512];
    const char *e = errs();
    size_t n = strcspn(e, "\n");
    if (n >= sizeof line)
        n = sizeof line - 1;
    memcpy(line, e, n);
    line[n] = '\0';
    return line;
}

static const char full_src[] =
    "plan 美丽辽宁 \"辽宁省关于全面推进美丽辽宁建设的实施意见\" {\n"
    "    region   辽宁省\n"
    "    baseline 2023\n"
    "    horizon  2035\n"
    "    periods  十四五 = 2021..2025, 十五五 = 2026..2030\n"
    "    periods  十六五 = 2031..2035\n"
    "    keys     region = \"city\", year = \"year\"\n"
    "}\n"
    "levels province, city\n"
    "region 辽宁省 : province\n"
    "region 沈阳 : city in 辽宁省 alias \"沈阳市\", \"Shenyang\"\n"
    "region 大连, 鞍山 : city in 辽宁省\n"
    "agency 省生态环境厅 \"Department of Ecology and Environment of Liaoning\"\n"
    "agency 省自然资源厅\n"
    "unit 亩\n"
    "unit 万亩 = 10000 亩\n"
    "unit 吨每万元 = 1 吨/万元\n"
    "unit 立方米 = 1 m^3\n"
    "unit 每立方米 = 1 m^-3 * (1)\n"
    "indicator 近岸海域水质优良比例 : %, higher, column \"coastal_good_ratio\"\n"
    "indicator 耕地保有量 \"耕地保有量\" : 万亩, higher, column \"farmland_mu\" in 亩\n"
    "indicator 碳排放强度 : 吨/万元, lower, formula 碳排放量 / 地区生产总值\n"
    "indicator 千分比 : ‰, column \"permille\"\n"
    "section 三 \"持续深入推进污染防治攻坚\" {\n"
    "    measure (九) \"强化海域综合治理\" {\n"
    "        lead        省生态环境厅\n"
    "        responsible 省自然资源厅, 省交通运输厅\n"
    "        target 近岸海域水质 : 近岸海域水质优良比例 >= 92% by 2027, >= 95% by 2035\n"
    "        redline 耕地红线 \"耕地保有量不低于7603万亩\" : 耕地保有量 >= 7603万亩 veto weight 2\n"
    "        target PM25浓度 <= 35 [μg/m³]\n"
    "    }\n"
    "    measure (1) {\n"
    "        shared 省工业和信息化厅, 省住房城乡建设厅\n"
    "        target 绿色建筑 for 沈阳, 大连 : complete 绿色建筑执行率 by 十四五\n"
    "        target for city except 沈阳 : share(city, 节水型城市 == yes) >= 100% by 2027\n"
    "            score if value >= goal then 100 else progress() * 100\n"
    "            clause (十一)\n"
    "            note \"试点\"\n"
    "        target 主要污染物排放总量 falls every year\n"
    "        target 森林覆盖率 rises every year\n"
    "        target 碳排放量 peaks by 2030 tolerance 1%\n"
    "        target 碳达峰 : 碳排放量 peaks\n"
    "        target 美丽海湾 : rated 美丽海湾评级 >= 80 by 2035\n"
    "    }\n"
    "}\n"
    "assessment 成效考核 {\n"
    "    missing  reweight\n"
    "    score    progress() * 100\n"
    "    weight   section 三 = 30, measure (九) = 2, target 近岸海域水质 = 3\n"
    "    veto     redlines\n"
    "    veto     辽河口国家公园, 耕地红线\n"
    "    grade    优秀 >= 90, \"良好\" >= 80, 合格 >= 60, 不合格\n"
    "}\n";

static const char full_dump[] =
    "plan 美丽辽宁 \"辽宁省关于全面推进美丽辽宁建设的实施意见\"\n"
    "  region 辽宁省\n"
    "  baseline 2023\n"
    "  horizon 2035\n"
    "  period 十四五 = 2021..2025\n"
    "  period 十五五 = 2026..2030\n"
    "  period 十六五 = 2031..2035\n"
    "  keys region = \"city\"\n"
    "  keys year = \"year\"\n"
    "levels province, city\n"
    "region 辽宁省 : province\n"
    "region 沈阳 : city in 辽宁省 alias \"沈阳市\", \"Shenyang\"\n"
    "region 大连, 鞍山 : city in 辽宁省\n"
    "agency 省生态环境厅 \"Department of Ecology and Environment of Liaoning\"\n"
    "agency 省自然资源厅\n"
    "unit 亩\n"
    "unit 万亩 = 10000 亩\n"
    "unit 吨每万元 = 1 吨/万元\n"
    "unit 立方米 = 1 m^3\n"
    "unit 每立方米 = 1 m^-3*1\n"
    "indicator 近岸海域水质优良比例 : %\n"
    "  higher\n"
    "  column \"coastal_good_ratio\"\n"
    "indicator 耕地保有量 \"耕地保有量\" : 万亩\n"
    "  higher\n"
    "  column \"farmland_mu\" in 亩\n"
    "indicator 碳排放强度 : 吨/万元\n"
    "  lower\n"
    "  formula (/ 碳排放量 地区生产总值)\n"
    "indicator 千分比 : ‰\n"
    "  column \"permille\"\n"
    "section 三 \"持续深入推进污染防治攻坚\"\n"
    "  measure (九) \"强化海域综合治理\"\n"
    "    lead 省生态环境厅\n"
    "    responsible 省自然资源厅, 省交通运输厅\n"
    "    target 近岸海域水质\n"
    "      threshold 近岸海域水质优良比例\n"
    "        >= 92[%] by 2027\n"
    "        >= 95[%] by 2035\n"
    "    redline 耕地红线 \"耕地保有量不低于7603万亩\"\n"
    "      threshold 耕地保有量\n"
    "        >= 7603[万亩]\n"
    "      weight 2\n"
    "      veto\n"
    "    target\n"
    "      threshold PM25浓度\n"
    "        <= 35[μg/m³]\n"
    "  measure (1)\n"
    "    shared 省工业和信息化厅, 省住房城乡建设厅\n"
    "    target 绿色建筑\n"
    "      for 沈阳, 大连\n"
    "      complete 绿色建筑执行率\n"
    "        >= 100[%] by 十四五\n"
    "    target\n"
    "      for city except 沈阳\n"
    "      threshold share(city, (== 节水型城市 yes))\n"
    "        >= 100[%] by 2027\n"
    "      score (if (>= value goal) 100 (* progress() 100))\n"
    "      clause (十一)\n"
    "      note \"试点\"\n"
    "    target\n"
    "      falls 主要污染物排放总量\n"
    "    target\n"
    "      rises 森林覆盖率\n"
    "    target\n"
    "      peaks 碳排放量 by 2030 tolerance 1[%]\n"
    "    target 碳达峰\n"
    "      peaks 碳排放量\n"
    "    target 美丽海湾\n"
    "      rated 美丽海湾评级\n"
    "        >= 80 by 2035\n"
    "assessment 成效考核\n"
    "  missing reweight\n"
    "  score (* progress() 100)\n"
    "  weight section 三 = 30\n"
    "  weight measure (九) = 2\n"
    "  weight target 近岸海域水质 = 3\n"
    "  veto redlines\n"
    "  veto 辽河口国家公园, 耕地红线\n"
    "  grade 优秀 >= 90\n"
    "  grade 良好 >= 80\n"
    "  grade 合格 >= 60\n"
    "  grade 不合格\n";

static const char expr_src[] =
    "indicator e1 : 1, formula a + b * c - d / e\n"
    "indicator e2 : 1, formula not a and b or c and not d\n"
    "indicator e3 : 1, formula -a * -(b + c)\n"
    "indicator e4 : 1, formula if a > 1 then baseline(x) else at(x, 2020) + year\n"
    "indicator e5 : 1, formula min(a, max(b, 2 km2), 3 [m^2/s], 4.5e1‰, yes, no)\n"
    "indicator e6 : 1, formula (a == b) != (c < d)\n";

static const char expr_dump[] =
    "indicator e1 : 1\n"
    "  formula (- (+ a (* b c)) (/ d e))\n"
    "indicator e2 : 1\n"
    "  formula (or (and (not a) b) (and c (not d)))\n"
    "indicator e3 : 1\n"
    "  formula (* (- a) (- (+ b c)))\n"
    "indicator e4 : 1\n"
    "  formula (if (> a 1) baseline(x) (+ at(x, 2020) year))\n"
    "indicator e5 : 1\n"
    "  formula min(a, max(b, 2[km2]), 3[m^2/s], 45[‰], yes, no)\n"
    "indicator e6 : 1\n"
    "  formula (!= (== a b) (< c d))\n";

START_TEST(full_file)
{
    ast_program *p = parse(full_src);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(p->ndecls, 18);
    ck_assert_str_eq(dump(p), full_dump);
}
END_TEST

START_TEST(expression_precedence)
{
    ast_program *p = parse(expr_src);
    ck_assert_str_eq(errs(), "");
    ck_assert_str_eq(dump(p), expr_dump);
}
END_TEST

/* The declaration of kind k named name (by its first name). */
static ast_decl *find_decl(ast_program *p, ast_declkind k, uint32_t nth)
{
    for (uint32_t i = 0; i < p->ndecls; i++)
        if (p->decls[i]->kind == k && nth-- == 0)
            return p->decls[i];
    ck_abort_msg("no such declaration");
    return NULL;
}

/* A text map: one entry per text (a row's texts share its value), the
 * values as written (numbers, missing, yes/no), `else`, a comma after the
 * last row; a column's map
 * after `as`, qualified or not; `else` twice is reported. */
START_TEST(text_map)
{
    ast_program *p = parse("map 仪表盘 \"colour\" { \"green\" = 4, \"红\", \"red\" = -1.5, \"gray\" = missing,\n"
                           "    \"是\" = yes, \"否\" = no, else missing,\n}\n"
                           "indicator 评级 : 1, column \"c\" as 仪表盘 in 1 mean\n"
                           "indicator 评级二 : 1, column \"d\" as M.仪表盘\n");
    ck_assert_str_eq(errs(), "");
    ck_assert_str_eq(dump(p), "map 仪表盘 \"colour\"\n"
                              "  \"green\" = 4\n"
                              "  \"红\" = -1.5\n"
                              "  \"red\" = -1.5\n"
                              "  \"gray\" = missing\n"
                              "  \"是\" = yes\n"
                              "  \"否\" = no\n"
                              "  else missing\n"
                              "indicator 评级 : 1\n"
                              "  column \"c\" as 仪表盘 in 1 mean\n"
                              "indicator 评级二 : 1\n"
                              "  column \"d\" as M.仪表盘\n");
    const ast_decl *m = find_decl(p, D_MAP, 0);
    ck_assert_uint_eq(m->u.map.nentries, 6);
    ck_assert(isnan(m->u.map.entries[3].value) && m->u.map.entries[3].missing);
    ck_assert(m->u.map.entries[4].yesno && m->u.map.entries[4].value == 1);
    ck_assert(m->u.map.else_missing);
    const ast_decl *i2 = find_decl(p, D_INDICATOR, 1);
    ck_assert_str_eq(i2->u.ind.map.qual, "M");
    ck_assert_str_eq(i2->u.ind.map.s, "仪表盘");
    parse("map M { \"a\" = 1, else error, else missing }\n");
    ck_assert(strstr(errs(), "error: 'else' given twice in one map") != NULL);
}
END_TEST

START_TEST(fields_and_back_pointers)
{
    ast_program *p = parse(full_src);
    const char *text = D.files[0].text;

    ast_decl *plan = find_decl(p, D_PLAN, 0);
    ck_assert_int_eq(plan->u.plan.baseline, 2023);
    ck_assert_int_eq(plan->u.plan.horizon, 2035);
    ck_assert_uint_eq(plan->u.plan.nperiods, 3);
    ck_assert_str_eq(plan->u.plan.periods[2].name.s, "十六五");
    ck_assert_int_eq(plan->u.plan.periods[2].from, 2031);
    ck_assert_str_eq(plan->u.plan.region_key, "city");
    ck_assert(strncmp(text + plan->u.plan.baseline_sp.lo, "2023", 4) == 0);
    ck_assert_uint_eq(plan->sp.lo, 0);
    ck_assert_int_eq(text[plan->sp.hi - 1], '}');

    ast_decl *shenyang = find_decl(p, D_REGION, 1);
    ck_assert_uint_eq(shenyang->u.region.naliases, 2);
    ck_assert_str_eq(shenyang->u.region.aliases[1], "Shenyang");
    ck_assert_str_eq(shenyang->u.region.parent.s, "辽宁省");
    ast_decl *two = find_decl(p, D_REGION, 2);
    ck_assert_uint_eq(two->u.region.names.n, 2);
    ck_assert_ptr_null(two->u.region.aliases);

    ast_decl *ind = find_decl(p, D_INDICATOR, 1);
    ck_assert_int_eq(ind->u.ind.dir, DIR_HIGHER);
    ck_assert_str_eq(ind->u.ind.column, "farmland_mu");
    ck_assert_int_eq(ind->u.ind.column_unit->kind, UX_NAME);
    ck_assert(strncmp(text + ind->u.ind.column_sp.lo, "\"farmland_mu\"", 13) == 0);

    ast_section *s = find_decl(p, D_SECTION, 0)->u.section;
    ck_assert_uint_eq(s->nmeasures, 2);
    ast_measure *m9 = s->measures[0], *m1 = s->measures[1];
    ck_assert_ptr_eq(m9->section, s);
    ck_assert_ptr_eq(m1->section, s);
    ck_assert_str_eq(m9->id.s, "九");
    ck_assert_str_eq(m1->id.s, "1"); /* a number kept as written */
    ck_assert_ptr_null(m1->title);
    ck_assert(!m9->has_shared);
    ck_assert(m1->has_shared);
    ck_assert_uint_eq(m9->responsible.n, 2);
    ck_assert_uint_eq(m9->ntargets, 3);
    ck_assert_uint_eq(m1->ntargets, 7);
    for (uint32_t i = 0; i < m1->ntargets; i++)
        ck_assert_ptr_eq(m1->targets[i]->measure, m1);

    ast_target *t = m9->targets[0];
    ck_assert_str_eq(t->name.s, "近岸海域水质");
    ck_assert_uint_eq(t->nms, 2);
    ck_assert(t->ms[1].has_by);
    ck_assert_int_eq(t->ms[1].by.year, 2035);
    ck_assert_ptr_null(t->ms[1].by.period.s);
    ck_assert_int_eq(t->ms[1].op, OP_GE);
    ck_assert_str_eq(t->ms[1].goal->u.num.unit->u.name.s, "%");
    ck_assert(strncmp(text + t->sp.lo, "target 近岸海域水质", 25) == 0);
    ck_assert(strncmp(text + t->sp.hi - 4, "2035", 4) == 0);

    ast_target *red = m9->targets[1];
    ck_assert(red->redline);
    ck_assert(red->veto);
    ck_assert(!red->ms[0].has_by);
    ck_assert_str_eq(red->desc, "耕地保有量不低于7603万亩");

    ast_target *pm = m9->targets[2];
    ck_assert_ptr_null(pm->name.s);
    ck_assert_uint_eq(pm->scope.only.n, 0);
    ck_assert_int_eq(pm->ms[0].goal->u.num.unit->kind, UX_DIV);

    ast_target *green = m1->targets[0];
    ck_assert_int_eq(green->kind, TG_COMPLETE);
    ck_assert_str_eq(green->ms[0].by.period.s, "十四五");
    ck_assert_int_eq(green->ms[0].by.year, 0);
    ck_assert_double_eq(green->ms[0].goal->u.num.v, 100);
    ck_assert_uint_eq(green->scope.only.n, 2);

    ast_target *share = m1->targets[1];
    ck_assert_uint_eq(share->scope.except.n, 1);
    ck_assert_str_eq(share->clause.s, "十一");
    ck_assert_int_eq(share->measured->kind, EX_CALL);
    ck_assert_uint_eq(share->measured->u.call.nargs, 2);
    ck_assert_int_eq(share->score->kind, EX_IF);

    ast_target *peak = m1->targets[4];
    ck_assert_int_eq(peak->kind, TG_PEAKS);
    ck_assert(peak->has_peak_by);
    ck_assert_int_eq(peak->peak_by.year, 2030);
    ck_assert_ptr_nonnull(peak->tolerance);
    ck_assert(!m1->targets[5]->has_peak_by);
    ck_assert_ptr_null(m1->targets[5]->tolerance);
    ck_assert_int_eq(m1->targets[6]->kind, TG_RATED);

    ast_decl *as = find_decl(p, D_ASSESSMENT, 0);
    ck_assert_int_eq(as->u.assess.missing, MISSING_REWEIGHT);
    ck_assert_uint_eq(as->u.assess.nweights, 3);
    ck_assert_int_eq(as->u.assess.weights[1].kind, WK_MEASURE);
    ck_assert_str_eq(as->u.assess.weights[1].what.s, "九");
    ck_assert(as->u.assess.veto_redlines);
    ck_assert_uint_eq(as->u.assess.veto.n, 2);
    ck_assert_uint_eq(as->u.assess.nbands, 4);
    ck_assert(!as->u.assess.bands[3].has_min);
    ck_assert_str_eq(as->u.assess.bands[1].name.s, "良好");
}
END_TEST

START_TEST(expression_spans_and_depths)
{
    ast_program *p = parse("indicator x : 1, formula (a + b) * -c\n");
    ck_assert_str_eq(errs(), "");
    const char *text = D.files[0].text;
    ast_expr *e = p->decls[0]->u.ind.formula;
    ck_assert_int_eq(e->kind, EX_BINARY);
    ck_assert_int_eq(e->depth, 3);
    /* The product spans its parenthesised operand; the sum inside spans
     * only what is inside the parentheses. */
    ck_assert_uint_eq(e->sp.hi - e->sp.lo, strlen("(a + b) * -c"));
    ck_assert(strncmp(text + e->sp.lo, "(a + b) * -c", 12) == 0);
    ck_assert_uint_eq(e->u.bin.a->sp.hi - e->u.bin.a->sp.lo, strlen("a + b"));
    ck_assert(strncmp(text + e->u.bin.a->sp.lo, "a + b", 5) == 0);
    ck_assert(strncmp(text + e->u.bin.b->sp.lo, "-c", 2) == 0);
    ck_assert_str_eq(ast_opname(OP_NEG), "-");
    ck_assert_str_eq(ast_opname(OP_NE), "!=");
    ck_assert_str_eq(ast_opname(OP_AND), "and");
    span j = ast_join((span){0, 5, 9}, (span){0, 2, 7});
    ck_assert_uint_eq(j.lo, 2);
    ck_assert_uint_eq(j.hi, 9);
}
END_TEST

START_TEST(short_target_form_and_keyword_functions)
{
    ast_program *p = parse("section s {\n measure (m) {\n"
                           "  target x >= 1 by 2030 weight 2\n"
                           "  redline baseline(x) + year <= 5\n"
                           " }\n}\n");
    ck_assert_str_eq(errs(), "");
    ast_measure *m = p->decls[0]->u.section->measures[0];
    ck_assert_uint_eq(m->ntargets, 2);
    ck_assert_ptr_null(m->targets[0]->name.s);
    ck_assert_ptr_nonnull(m->targets[0]->weight);
    ck_assert(m->targets[1]->redline);
    ast_expr *e = m->targets[1]->measured;
    ck_assert_str_eq(e->u.bin.a->u.call.fn.s, "baseline");
    ck_assert_int_eq(e->u.bin.b->kind, EX_NAME);
    ck_assert_str_eq(e->u.bin.b->u.name.s, "year");
}
END_TEST

START_TEST(rated_target_with_milestones)
{
    ast_program *p = parse("section s { measure (m) {\n"
                           "  target r : rated 评级 >= 60 by 2027, >= 80 by 十五五\n"
                           "} }\n");
    ck_assert_str_eq(errs(), "");
    ast_target *t = p->decls[0]->u.section->measures[0]->targets[0];
    ck_assert_int_eq(t->kind, TG_RATED);
    ck_assert_uint_eq(t->nms, 2);
    ck_assert_str_eq(t->ms[1].by.period.s, "十五五");
    ck_assert_str_eq(dump(p), "section s\n"
                              "  measure (m)\n"
                              "    target r\n"
                              "      rated 评级\n"
                              "        >= 60 by 2027\n"
                              "        >= 80 by 十五五\n");
}
END_TEST

START_TEST(message_expected_one_token)
{
    parse("indicator x \"d\" by 2030\n");
    ck_assert_str_eq(errs(),
                     "t.plan:1:17: error: unexpected 'by', expected ':'\n"
                     "    1 | indicator x \"d\" by 2030\n"
                     "      |                 ^~\n");
}
END_TEST

START_TEST(message_expected_several)
{
    parse("region 沈阳 by\n");
    ck_assert_str_eq(first_error(), "t.plan:1:11: error: unexpected 'by', expected ',' or ':'");
}
END_TEST

START_TEST(message_expected_a_declaration)
{
    parse("levels a 3\n");
    ck_assert_str_eq(first_error(),
                     "t.plan:1:10: error: unexpected number '3', expected a name, a string, ',' or a declaration");
}
END_TEST

/* A level after another without the ',' is that error, the level kept
 * (the regions of it are not undefined). */
START_TEST(message_level_missing_comma)
{
    ast_program *p = parse("levels a b\n");
    ck_assert_str_eq(first_error(), "t.plan:1:10: error: missing ',' before the level 'b'");
    ck_assert_str_eq(dump(p), "levels a, b\n");
}
END_TEST

/* A level's text (`city "市州"`) is kept beside its name, the texts array
 * only when some level has one; a second text is an error at it. */
START_TEST(level_texts)
{
    ast_program *p = parse("levels province, city \"市州\", county\n");
    ck_assert_str_eq(errs(), "");
    ast_decl *d = find_decl(p, D_LEVELS, 0);
    ck_assert_uint_eq(d->u.levels.names.n, 3);
    ck_assert_ptr_nonnull(d->u.levels.texts);
    ck_assert_ptr_null(d->u.levels.texts[0].s);
    ck_assert_str_eq(d->u.levels.texts[1].s, "市州");
    ck_assert_ptr_null(d->u.levels.texts[2].s);
    ck_assert_str_eq(dump(p), "levels province, city \"市州\", county\n");

    p = parse("levels province, city\n");
    ck_assert_ptr_null(find_decl(p, D_LEVELS, 0)->u.levels.texts);

    parse("levels province, city \"市州\" \"地州\"\n");
    ck_assert_str_eq(first_error(), "t.plan:1:28: error: a level's text is given twice");
}
END_TEST

START_TEST(message_names_numbers_strings)
{
    parse("agency 12\n");
    ck_assert_str_eq(first_error(), "t.plan:1:8: error: unexpected number '12', expected a name");
}
END_TEST

START_TEST(message_string_token)
{
    parse("agency a \"x\" \"y\"\n");
    ck_assert_str_eq(first_error(),
                     "t.plan:1:14: error: unexpected string \"y\", expected 'replaces' or a declaration");
}
END_TEST

START_TEST(message_long_token_is_cut)
{
    char src[200] = "agency a b";
    memset(src + 10, 'c', 100);
    src[110] = '\0';
    parse(src);
    /* 40 code points of the name, then "..." */
    char want[128] = "unexpected name 'b";
    memset(want + strlen(want), 'c', 39);
    strcpy(want + strlen("unexpected name 'b") + 39, "...', expected a string, 'replaces' or a declaration");
    ck_assert_ptr_nonnull(strstr(first_error(), want));
}
END_TEST

START_TEST(message_end_of_file)
{
    parse("section 一 {\n\n");
    ck_assert_str_eq(errs(),
                     "t.plan:1:12: error: unexpected end of file, expected 'measure' or '}'\n"
                     "    1 | section 一 {\n"
                     "      |             ^\n"
                     "t.plan:1:1: note: section 一 opened here is not closed\n"
                     "    1 | section 一 {\n"
                     "      | ^~~~~~~~~~~~\n");
}
END_TEST

/* A block left open: a note where it was opened, the header and the brace
 * (the innermost at a declaration keyword, each one at the end of the
 * file, innermost first), and none for a block that was closed. */
START_TEST(message_unclosed_block)
{
    parse("section 一 \"x\" {\n"
          "    measure (二) \"y\" {\n"
          "        lead 甲\n"
          "    }\n"
          "assessment 考核 { missing zero }\n");
    ck_assert_str_eq(errs(),
                     "t.plan:5:1: error: missing '}' before this line: section 一 is not closed\n"
                     "    5 | assessment 考核 { missing zero }\n"
                     "      | ^~~~~~~~~~\n"
                     "t.plan:1:1: note: section 一 opened here is not closed\n"
                     "    1 | section 一 \"x\" {\n"
                     "      | ^~~~~~~~~~~~~~~~\n");
    parse("plan p { baseline 2020 horizon 2025 }\n"
          "override measure (二) {\n"
          "test \"t\" {\n");
    ck_assert_ptr_nonnull(strstr(errs(), "t.plan:2:1: note: override measure (二) opened here is not closed\n"));
    size_t before = strlen(errs());
    parse("section 一 {\n"
          "    measure (二) {\n"
          "        lead 甲\n");
    const char *e = errs() + before;
    const char *m = strstr(e, "note: measure (二) opened here is not closed");
    const char *s = strstr(e, "note: section 一 opened here is not closed");
    ck_assert_ptr_nonnull(m);
    ck_assert_ptr_nonnull(s);
    ck_assert(m < s);
}
END_TEST

START_TEST(message_groups_items)
{
    parse("plan p { baseline 2023 horizon }\n");
    ck_assert_str_eq(first_error(), "t.plan:1:32: error: unexpected '}', expected a number");
    parse("section s { measure (m) { lead a b } }\n");
    ck_assert(strstr(errs(), "t.plan:1:34: error: unexpected name 'b', "
                             "expected '}', ',' or a measure item\n") != NULL);
}
END_TEST

START_TEST(comparisons_do_not_chain)
{
    parse("indicator x : 1, formula a < b < c\n");
    ck_assert_int_eq(nerrors_printed(), 1);
    const char *want = "t.plan:1:32: error: unexpected '<'";
    ck_assert(strncmp(first_error(), want, strlen(want)) == 0);
}
END_TEST

START_TEST(recovery_three_errors_in_three_declarations)
{
    ast_program *p = parse("levels province, city\n"
                           "agency 甲 乙\n"
                           "unit 亩\n"
                           "indicator x : %, higher column \"x\"\n"
                           "agency 丙\n"
                           "region 省 province\n"
                           "unit 万亩 = 10000 亩\n");
    ck_assert_int_eq(nerrors_printed(), 3);
    ck_assert_int_eq(diag_errors(&D), 3);
    ck_assert(strstr(errs(), "t.plan:2:10: error: unexpected name '乙'") != NULL);
    ck_assert(strstr(errs(), "t.plan:4:25: error: unexpected 'column'") != NULL);
    ck_assert(strstr(errs(), "t.plan:6:10: error: unexpected name 'province', expected ',' or ':'") != NULL);
    ck_assert_str_eq(dump(p), "levels province, city\n"
                              "unit 亩\n"
                              "agency 丙\n"
                              "unit 万亩 = 10000 亩\n");
}
END_TEST

START_TEST(recovery_errors_in_consecutive_short_declarations)
{
    ast_program *p = parse("levels a b\nagency x y\nunit z z\nagency ok\n");
    ck_assert_int_eq(nerrors_printed(), 3);
    /* (the levels without their ',' are kept: message_expected_a_declaration) */
    ck_assert_str_eq(dump(p), "levels a, b\nagency ok\n");
}
END_TEST

START_TEST(recovery_inside_blocks)
{
    ast_program *p = parse("plan p {\n"
                           "    baseline 2023\n"
                           "    horizon\n"
                           "    region 省\n"
                           "    periods a = 2021..\n"
                           "    keys region = \"r\"\n"
                           "}\n"
                           "section s {\n"
                           "    measure (一) {\n"
                           "        lead a\n"
                           "        target t1 : x >= by 2030\n"
                           "        target t2 : x >= 1 by 2030\n"
                           "        responsible b,\n"
                           "        shared c\n"
                           "    }\n"
                           "    measure (二 {\n"
                           "    }\n"
                           "    measure (三) { lead d }\n"
                           "}\n"
                           "assessment a {\n"
                           "    missing maybe\n"
                           "    score 1 +\n"
                           "    grade A >= 1, B\n"
                           "}\n"
                           "agency last\n");
    ck_assert_int_eq(nerrors_printed(), 7);
    /* (the measure with its ')' left out is kept under its id:
     * measure_recovered) */
    ck_assert_str_eq(dump(p), "plan p\n"
                              "  region 省\n"
                              "  baseline 2023\n"
                              "  keys region = \"r\"\n"
                              "section s\n"
                              "  measure (一)\n"
                              "    lead a\n"
                              "    shared c\n"
                              "    target t2\n"
                              "      threshold x\n"
                              "        >= 1 by 2030\n"
                              "  measure (二)\n"
                              "  measure (三)\n"
                              "    lead d\n"
                              "assessment a\n"
                              "  grade A >= 1\n"
                              "  grade B\n"
                              "agency last\n");
}
END_TEST

START_TEST(discarded_lists_are_freed)
{
    /* Errors in the middle of every kind of list and block; run under
     * LeakSanitizer, a list that recovery dropped without its destructor
     * shows up as a leak. */
    parse("plan p { periods a = 2021..2025, b = 2026.. keys region = \"r\", year }\n"
          "region a, b, c : x alias \"a\", \"b\" \"c\"\n"
          "levels a, b, c d\n"
          "indicator i : 1, formula f(a, b, c d)\n"
          "section s {\n"
          "  measure (一) {\n"
          "    lead a, b, c\n"
          "    target t for a, b except c, d e : x >= 1 by 2030\n"
          "    target u : x >= 1 by 2030, >= 2 by 2031, >= 3 by\n"
          "    target v : f(a, b, c) peaks by 2030 tolerance (\n"
          "  }\n"
          "  measure (二) { lead a, b target w : x >= 1 by 2030, >= 2 }\n"
          "  measure (三) { shared a, b\n"
          "}\n"
          "assessment z {\n"
          "  weight section a = 1, measure (b) = 2, target c\n"
          "  veto a, b, c d\n"
          "  grade A >= 1, B >= 2, C >=\n"
          "}\n"
          "plan q { periods a = 2021..2025, b = 2026..2030\n");
    ck_assert_int_ge(nerrors_printed(), 10);
}
END_TEST

START_TEST(years_must_be_whole_numbers)
{
    parse("plan p { baseline 2023.5 horizon 99999 periods a = 0..2025 }\n");
    ck_assert_int_eq(nerrors_printed(), 3);
    ck_assert(strstr(errs(), "t.plan:1:19: error: a year must be a whole number from 1 to 9999\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:34: error: a year must be a whole number from 1 to 9999\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:52: error: a year must be a whole number from 1 to 9999\n") != NULL);
}
END_TEST

START_TEST(unit_numbers_and_exponents)
{
    ast_program *p = parse("unit a = 1 m^0\nunit b = 1 m^2.5\nindicator x : 2\nunit c = 1 m^-99 * 1\n");
    ck_assert_int_eq(nerrors_printed(), 3);
    ck_assert(strstr(errs(), "t.plan:1:14: error: an exponent must be a whole number from 1 to 99\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:2:14: error: an exponent must be a whole number from 1 to 99\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:3:15: error: only the number 1 can stand for a unit\n") != NULL);
    ck_assert_uint_eq(p->ndecls, 4);
    ck_assert_int_eq(p->decls[3]->u.unit.base->u.bin.a->u.pow.exp, -99);
}
END_TEST

START_TEST(items_given_twice)
{
    parse("plan p { baseline 2023 region a baseline 2024 region b keys year = \"y\", year = \"z\" }\n"
          "indicator x : 1, higher, lower, column \"a\", column \"b\", formula 1, formula 2\n"
          "section s { measure (m) { target t : x >= 1 weight 1 weight 2 veto veto score 1 score 2"
          " clause (a) clause (b) note \"a\" note \"b\" } }\n"
          "assessment a { missing zero missing error score 1 score 2 veto redlines veto redlines"
          " grade A grade B }\n");
    ck_assert_int_eq(nerrors_printed(), 15);
    ck_assert(strstr(errs(), "t.plan:1:33: error: 'baseline' given twice in one plan\n"
                             "    1 | plan p { baseline 2023 region a baseline 2024 region b keys year = \"y\", year = \"z\" }\n"
                             "      |                                 ^~~~~~~~\n"
                             "t.plan:1:19: note: first given here\n") != NULL);
    ck_assert(strstr(errs(), "error: 'a direction' given twice in one indicator") != NULL);
    ck_assert(strstr(errs(), "error: 'keys year' given twice in one plan") != NULL);
    ck_assert(strstr(errs(), "error: 'veto' given twice in one target") != NULL);
    ck_assert(strstr(errs(), "error: 'grade' given twice in one assessment") != NULL);
}
END_TEST

START_TEST(empty_and_unknown_files)
{
    ast_program *p = parse("# nothing\n");
    ck_assert_uint_eq(p->ndecls, 0);
    ck_assert_str_eq(errs(), "");
    p = parse_file(&A, &D, 99);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(p->ndecls, 0);
    p = parse_file(&A, &D, -1);
    ck_assert_uint_eq(p->ndecls, 0);
}
END_TEST

/* "indicator x : 1, formula " + prefix * n + core + suffix * n. */
static char *nested(const char *prefix, size_t n, const char *core, const char *suffix)
{
    const char *head = "agency first\nindicator x : 1, formula ";
    const char *tail = "\nagency after\n";
    size_t pl = strlen(prefix), sl = strlen(suffix);
    size_t len = strlen(head) + n * (pl + sl) + strlen(core) + strlen(tail) + 1;
    char *s = malloc(len), *q = s;
    q = stpcpy(q, head);
    for (size_t i = 0; i < n; i++)
        q = stpcpy(q, prefix);
    q = stpcpy(q, core);
    for (size_t i = 0; i < n; i++)
        q = stpcpy(q, suffix);
    stpcpy(q, tail);
    return s;
}

START_TEST(ten_thousand_brackets_give_one_clean_error)
{
    char *src = nested("(", 10000, "x", ")");
    ast_program *p = parse(src);
    free(src);
    ck_assert_int_eq(diag_errors(&D), 1);
    ck_assert(strstr(first_error(), "error: expression nested deeper than 256 levels") != NULL);
    /* The file is given up at that point: what parsed before is kept. */
    ck_assert_str_eq(dump(p), "agency first\n");
}
END_TEST

START_TEST(deep_prefix_operators_give_one_clean_error)
{
    const char *prefixes[] = {"-", "not ", "if a then b else "};
    for (size_t i = 0; i < 3; i++) {
        for (size_t n = 300; n <= 30000; n *= 100) {
            arena_free(&A);
            D.nerrors = 0;
            char *src = nested(prefixes[i], n, "x", "");
            ast_program *p = parse(src);
            free(src);
            ck_assert_int_eq(diag_errors(&D), 1);
            ck_assert_str_eq(dump(p), "agency first\n");
        }
    }
    ck_assert_int_eq(nerrors_printed(), 6);
}
END_TEST

START_TEST(long_operator_chains_are_bounded)
{
    size_t n = 100000;
    char *chain = malloc(n * 4 + 2), *src;
    strcpy(chain, "x");
    for (size_t i = 0; i < n; i++)
        strcpy(chain + 1 + i * 4, " + 1");
    src = nested("", 0, chain, "");
    free(chain);
    ast_program *p = parse(src);
    free(src);
    ck_assert_int_eq(diag_errors(&D), 1);
    ck_assert(strstr(first_error(), "t.plan:2:26: error: expression nested deeper than 256 levels") != NULL);
    ck_assert_str_eq(dump(p), "agency first\n");
}
END_TEST

START_TEST(deep_unit_expressions_are_bounded)
{
    size_t n = 1000;
    char *src = malloc(n * 2 + 20);
    char *q = stpcpy(src, "unit u = 1 m");
    for (size_t i = 0; i < n; i++)
        q = stpcpy(q, "*m");
    strcpy(q, "\n");
    parse(src);
    free(src);
    ck_assert_int_eq(diag_errors(&D), 1);
    ck_assert(strstr(first_error(), "error: expression nested deeper than 256 levels") != NULL);
}
END_TEST

START_TEST(nesting_up_to_the_limit_is_accepted)
{
    /* 255 'not's around a name: a tree of height 256, the most allowed. */
    char *src = nested("not ", 255, "x", "");
    ast_program *p = parse(src);
    free(src);
    ck_assert_str_eq(errs(), "");
    ck_assert_int_eq(p->decls[1]->u.ind.formula->depth, AST_MAX_DEPTH);
    ck_assert_ptr_nonnull(strstr(dump(p), "(not (not x))"));
    /* And 256 brackets, the most the scanner allows. */
    src = nested("(", 256, "x", ")");
    p = parse(src);
    free(src);
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(p->ndecls, 3);
    /* One more 'not' is too many. */
    src = nested("not ", 256, "x", "");
    parse(src);
    free(src);
    ck_assert_int_eq(diag_errors(&D), 1);
}
END_TEST

/* `keep` is a statement only at a line's start outside every block and
 * before one of its six kinds; elsewhere it is a name, so files naming
 * something `keep` read as before. */
START_TEST(keep_is_a_contextual_word)
{
    ast_program *p = parse("keep measure (一), (三)\n"
                           "  keep region 甲, 乙\n"
                           "region 甲市,\n"
                           "    keep : city in 省\n"
                           "agency keep\n"
                           "section 一 \"一\" {\n"
                           "    measure (一) \"一\" {\n"
                           "        lead keep\n"
                           "        target t for keep : x >= 1% by 2027\n"
                           "    }\n"
                           "}\n"
                           "drop region keep\n");
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(p->ndecls, 6);
    ck_assert_int_eq(p->decls[0]->kind, D_DROP);
    ck_assert(p->decls[0]->u.drop.keep);
    ck_assert_int_eq(p->decls[0]->u.drop.what, DROP_MEASURE);
    ck_assert_uint_eq(p->decls[0]->u.drop.names.n, 2);
    ck_assert_str_eq(p->decls[0]->u.drop.names.v[1].s, "三");
    ck_assert(p->decls[1]->u.drop.keep);
    ck_assert_int_eq(p->decls[1]->u.drop.what, DROP_REGION);
    /* the statement's span is `keep KIND` and its names */
    ck_assert_uint_eq(p->decls[1]->u.drop.head.hi - p->decls[1]->u.drop.head.lo, strlen("keep region"));
    ck_assert_int_eq(p->decls[2]->kind, D_REGION);
    ck_assert_str_eq(p->decls[2]->u.region.names.v[1].s, "keep");
    ck_assert_int_eq(p->decls[3]->kind, D_AGENCY);
    ck_assert_str_eq(p->decls[3]->u.agency.name.s, "keep");
    ck_assert_str_eq(p->decls[4]->u.section->measures[0]->lead.v[0].s, "keep");
    ck_assert(!p->decls[5]->u.drop.keep);
    ck_assert_str_eq(p->decls[5]->u.drop.names.v[0].s, "keep");
    ck_assert(strstr(dump(p), "keep measure (一), (三)\n") != NULL);
    /* a keep without its kind is a name where a declaration belongs (at
     * a file's start too, where parse_setting's token is not named) */
    parse("keep (一)\n");
    ck_assert(strstr(errs(), "unexpected name 'keep', expected a declaration") != NULL);
    ck_assert(strstr(errs(), "'keep target|measure|section|region|indicator|agency NAMES'") != NULL);
}
END_TEST

/* `override target NAME [as NEW] in (ID)`: the measure the target moves
 * to, after the name and the new name; a scope's `in` (after `for`)
 * stays the scope's. */
START_TEST(override_target_moves_to_a_measure)
{
    ast_program *p = parse("override target 水质 as 全省水质 in (三十八) \"文\" for city in 甲省 : x >= 1% by 2027\n"
                           "override redline 耕地 in (二)\n"
                           "override target 森林 for city in 甲省\n");
    ck_assert_str_eq(errs(), "");
    ck_assert_uint_eq(p->ndecls, 3);
    const ast_target *t = p->decls[0]->u.over.target;
    ck_assert_str_eq(t->name.s, "水质");
    ck_assert_str_eq(t->rename.s, "全省水质");
    ck_assert_str_eq(t->move.s, "三十八");
    ck_assert_str_eq(t->desc, "文");
    ck_assert_str_eq(t->scope.within.v[0].s, "甲省");
    ck_assert(p->decls[1]->u.over.target->redline);
    ck_assert_str_eq(p->decls[1]->u.over.target->move.s, "二");
    ck_assert_ptr_null(p->decls[2]->u.over.target->move.s);
    ck_assert_str_eq(p->decls[2]->u.over.target->scope.within.v[0].s, "甲省");
    ck_assert(strstr(dump(p), "  target 水质 as 全省水质 in (三十八) \"文\"\n") != NULL);
    ck_assert(strstr(dump(p), "  redline 耕地 in (二)\n") != NULL);
}
END_TEST

static Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, full_file);
    tcase_add_test(tc, expression_precedence);
    tcase_add_test(tc, level_texts);
    tcase_add_test(tc, text_map);
    tcase_add_test(tc, fields_and_back_pointers);
    tcase_add_test(tc, expression_spans_and_depths);
    tcase_add_test(tc, short_target_form_and_keyword_functions);
    tcase_add_test(tc, rated_target_with_milestones);
    tcase_add_test(tc, message_expected_one_token);
    tcase_add_test(tc, message_expected_several);
    tcase_add_test(tc, message_expected_a_declaration);
    tcase_add_test(tc, message_level_missing_comma);
    tcase_add_test(tc, message_names_numbers_strings);
    tcase_add_test(tc, message_string_token);
    tcase_add_test(tc, message_long_token_is_cut);
    tcase_add_test(tc, message_end_of_file);
    tcase_add_test(tc, message_unclosed_block);
    tcase_add_test(tc, message_groups_items);
    tcase_add_test(tc, comparisons_do_not_chain);
    tcase_add_test(tc, recovery_three_errors_in_three_declarations);
    tcase_add_test(tc, recovery_errors_in_consecutive_short_declarations);
    tcase_add_test(tc, recovery_inside_blocks);
    tcase_add_test(tc, discarded_lists_are_freed);
    tcase_add_test(tc, years_must_be_whole_numbers);
    tcase_add_test(tc, unit_numbers_and_exponents);
    tcase_add_test(tc, items_given_twice);
    tcase_add_test(tc, empty_and_unknown_files);
    tcase_add_test(tc, ten_thousand_brackets_give_one_clean_error);
    tcase_add_test(tc, deep_prefix_operators_give_one_clean_error);
    tcase_add_test(tc, long_operator_chains_are_bounded);
    tcase_add_test(tc, deep_unit_expressions_are_bounded);
    tcase_add_test(tc, nesting_up_to_the_limit_is_accepted);
    tcase_add_test(tc, keep_is_a_contextual_word);
    tcase_add_test(tc, override_target_moves_to_a_measure);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(parse_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
