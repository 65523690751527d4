/* report_fixture.h — a scored run for the Excel and HTML report suites
 * (test_report_xlsx, test_report_html): the program of rt_fixture.h with
 * two targets in two measures of one section and an assessment with four
 * grades, run over a few rows, and its roll-up.
 *
 * Target 0 近岸海域水质 (a veto, measure (九), leads 省生态环境厅 and
 * 省自然资源厅): value farmland_mu, met when >= 92, else failed; missing
 * when the value is; goal 92, expected 90.5; one milestone (>= 92 by 2027).
 * Target 1 绿色建筑 (measure (五), shared): value farmland_mu / 2, always
 * on_track, with no milestone.  The section score is
 * the mean of the two scores (a missing one counting 0), the total that
 * score, grade 优秀 when >= 50 else 良好, 不合格 on a veto. */
#ifndef PLANC_REPORT_FIXTURE_H
#define PLANC_REPORT_FIXTURE_H

#include "rollup.h"
#include "rt_fixture.h"

/* The data: 2024 and 2025 rows; in 2025 大连 fails target 0 (a veto),
 * 沈阳 meets it and 鞍山's value is missing. */
static const char report_fixture_data[] =
    "city,year,farmland_mu,park\n"
    "大连,2025,80,\n"
    "大连,2024,95,\n"
    "沈阳,2024,,\n"
    "沈阳,2025,93,\n"
    "鞍山,2025,,\n";

/* Builds the program of the file comment into f (after fx_init). */
static void report_fixture_program(fixture *f, bool assessment)
{
    ir_program *p = &f->p;
    arena *a = &f->a;
    uint32_t in = fx_data(f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t goal = ir_const(a, p, IR_NUM, 92);
    uint32_t ok = ir_emit(a, p, IR_GE, IR_BOOL, x, goal, 0, 0, 0);
    uint32_t met = ir_const(a, p, IR_STATUS, IR_ST_MET);
    uint32_t failed = ir_const(a, p, IR_STATUS, IR_ST_FAILED);
    uint32_t missing = ir_const(a, p, IR_STATUS, IR_ST_MISSING);
    uint32_t st0 = ir_emit(a, p, IR_SELECT, IR_STATUS, ok, met, failed, 0, 0);
    uint32_t st = ir_emit(a, p, IR_COALESCE, IR_STATUS, st0, missing, 0, 0, 0);
    uint32_t hundred = ir_const(a, p, IR_NUM, 100);
    uint32_t zero = ir_const(a, p, IR_NUM, 0);
    uint32_t score = ir_emit(a, p, IR_SELECT, IR_NUM, ok, hundred, zero, 0, 0);
    uint32_t expected = ir_const(a, p, IR_NUM, 90.5);

    uint32_t half = ir_const(a, p, IR_NUM, 0.5);
    uint32_t vb = ir_emit(a, p, IR_MUL, IR_NUM, x, half, 0, 0, 0);
    uint32_t stb = ir_const(a, p, IR_STATUS, IR_ST_ON_TRACK);
    uint32_t nan = ir_const(a, p, IR_NUM, NAN);
    uint32_t scoreb = ir_const(a, p, IR_NUM, 0.1 + 0.2);

    uint32_t sum = ir_emit(a, p, IR_ADD, IR_NUM, ir_emit(a, p, IR_COALESCE, IR_NUM, score, zero, 0, 0, 0),
                           scoreb, 0, 0, 0);
    uint32_t two = ir_const(a, p, IR_NUM, 2);
    uint32_t sec = ir_emit(a, p, IR_DIV, IR_NUM, sum, two, 0, 0, 0);
    uint32_t veto = ir_emit(a, p, IR_EQ, IR_BOOL, st, failed, 0, 0, 0);
    uint32_t fifty = ir_const(a, p, IR_NUM, 50);
    uint32_t good = ir_emit(a, p, IR_GE, IR_BOOL, sec, fifty, 0, 0, 0);
    uint32_t g0 = ir_const(a, p, IR_GRADE, 0), g1 = ir_const(a, p, IR_GRADE, 1);
    uint32_t g3 = ir_const(a, p, IR_GRADE, 3);
    uint32_t band = ir_emit(a, p, IR_SELECT, IR_GRADE, good, g0, g1, 0, 0);
    uint32_t grade = ir_emit(a, p, IR_SELECT, IR_GRADE, veto, g3, band, 0, 0);

    static const char *lead0[] = {"省生态环境厅", "省自然资源厅"};
    static const char *shared1[] = {"省工业和信息化厅", "省住房城乡建设厅"};
    p->measures = arena_alloc(a, 2 * sizeof *p->measures);
    p->measures[0] = (ir_measure){.id = "(九)", .title = "强化海域综合治理", .section = 0,
                                  .lead = lead0, .nlead = 2, .weight = 2, .score = score};
    p->measures[1] = (ir_measure){.id = "(五)", .title = "推进重点领域绿色低碳发展", .section = 0,
                                  .lead = shared1, .nlead = 2, .shared = true,
                                  .weight = 1, .score = scoreb};
    p->nmeasures = 2;
    p->sections = arena_alloc(a, sizeof *p->sections);
    p->sections[0] = (ir_section){.id = "三", .title = "持续深入推进污染防治攻坚", .weight = 30, .score = sec};
    p->nsections = 1;
    static const ir_milestone ms0[] = {{.op = IR_GE, .goal = 92, .deadline = 2027}};
    p->targets = arena_alloc(a, 2 * sizeof *p->targets);
    p->targets[0] = (ir_target){.name = "近岸海域水质", .desc = "优良比例达到92%",
                                .kind = "threshold", .unit = "%", .clause = "(九)", .measure = 0,
                                .weight = 3, .veto = true, .status = st, .value = x,
                                .goal = goal, .expected = expected, .score = score,
                                .milestones = ms0, .nmilestones = 1};
    p->targets[1] = (ir_target){.name = "绿色建筑", .kind = "complete", .unit = "%",
                                .clause = "(五)", .measure = 1, .weight = 1, .status = stb,
                                .value = vb, .goal = hundred, .expected = nan, .score = scoreb};
    p->ntargets = 2;
    static const char *bands[] = {"优秀", "良好", "合格", "不合格"};
    p->title = "测试计划";
    p->has_assessment = assessment;
    p->assessment = "成效考核";
    p->missing = IR_MISSING_REWEIGHT;
    p->total = sec;
    p->veto = veto;
    p->grade = grade;
    p->bands = bands;
    p->nbands = 4;
}

/* A scored run and its roll-up. */
typedef struct report_run {
    fixture f;
    rt_table *t;
    rt_result *r;
    rollup *ru;
} report_run;

/* Builds the program (with `edit` applied to it when not NULL), loads
 * `csv` and scores it. */
static void report_run_start(report_run *run, bool assessment, const char *csv,
                             void (*edit)(ir_program *p))
{
    fx_init(&run->f);
    report_fixture_program(&run->f, assessment);
    if (edit)
        edit(&run->f.p);
    run->t = fx_load(&run->f, csv, NULL);
    ck_assert_ptr_nonnull(run->t);
    run->r = fx_run(&run->f, run->t);
    run->ru = rollup_make(&run->f.p, run->t, run->r, 0);
}

/* report_run_start with `edit` applied to the whole fixture (it may add
 * inputs and steps), for programs the plain edit cannot make. */
static void report_run_start_fx(report_run *run, bool assessment, const char *csv,
                                void (*edit)(fixture *f))
{
    fx_init(&run->f);
    report_fixture_program(&run->f, assessment);
    edit(&run->f);
    run->t = fx_load(&run->f, csv, NULL);
    ck_assert_ptr_nonnull(run->t);
    run->r = fx_run(&run->f, run->t);
    run->ru = rollup_make(&run->f.p, run->t, run->r, 0);
}

/* Adds a `values` table with notes (docs/LANGUAGE.md §4) and makes target
 * 1's (绿色建筑's) goal read it: 绿化目标, 100 % for 沈阳 and 大连 (their
 * row's note "附件一 <表1>"), 90 % for 鞍山 (no note), none for the
 * others. */
static void report_fixture_notes(fixture *f)
{
    static const double values[5] = {NAN, 100, 100, 90, NAN};
    static const char *const notes[5] = {NULL, "附件一 <表1>", "附件一 <表1>", NULL, NULL};
    uint32_t in = fx_input(f, (ir_input){.kind = IR_IN_TABLE, .values = values, .scale = 1.0,
                                         .indicator = "绿化目标", .unit = "%", .notes = notes});
    f->p.targets[1].goal = ir_emit(&f->a, &f->p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
}

/* report_fixture_notes' table with rows for years as well: 沈阳 95 % in
 * 2024 and 2025 ("2024年度责任书"), 大连 98 % in 2025 (no note); target 1
 * reads it in the row's year and target 0's goal in the year before
 * (two inputs of one table, listed once). */
static void report_fixture_year_notes(fixture *f)
{
    static const double values[5] = {NAN, 100, 100, 90, NAN};
    static const char *const notes[5] = {NULL, "附件一 <表1>", "附件一 <表1>", NULL, NULL};
    /* regions 辽宁省, 沈阳, 大连, 鞍山, 北京 by years 2024, 2025 */
    static const uint32_t run_start[6] = {0, 0, 1, 2, 2, 2};
    static const ir_yearrun runs[2] = {{2024, 2025, 95, "2024年度责任书"}, {2025, 2025, 98, NULL}};
    ir_input in = {.kind = IR_IN_TABLE, .values = values, .scale = 1.0, .indicator = "绿化目标",
                   .unit = "%", .notes = notes, .year0 = 2024, .nyears = 2, .run_start = run_start,
                   .runs = runs};
    uint32_t now = fx_input(f, in);
    in.shift.rel = -1;
    uint32_t prev = fx_input(f, in);
    f->p.targets[1].goal = ir_emit(&f->a, &f->p, IR_INPUT, IR_NUM, 0, 0, 0, 0, now);
    f->p.targets[0].goal = ir_emit(&f->a, &f->p, IR_INPUT, IR_NUM, 0, 0, 0, 0, prev);
}

/* Makes target 0 (近岸海域水质) a yes/no target: its value is whether
 * the ratio reaches 92 (沈阳 2025: 93, yes; 大连: 80, no). */
static void report_fixture_bool_value(fixture *f)
{
    ir_program *p = &f->p;
    uint32_t x = p->targets[0].value;
    uint32_t goal = ir_const(&f->a, p, IR_NUM, 92);
    p->targets[0].value = ir_emit(&f->a, p, IR_GE, IR_BOOL, x, goal, 0, 0, 0);
    p->targets[0].unit = "bool";
}

/* report_fixture_bool_value, and a yes/no values table with notes that
 * target 0's goal reads: 沈阳 yes, 大连 no (both noted). */
static void report_fixture_bool_table(fixture *f)
{
    report_fixture_bool_value(f);
    static const double values[5] = {NAN, 1, 0, NAN, NAN};
    static const char *const notes[5] = {NULL, "责任书", "责任书", NULL, NULL};
    uint32_t in = fx_input(f, (ir_input){.kind = IR_IN_TABLE, .values = values, .scale = 1.0,
                                         .indicator = "达标", .unit = "bool", .notes = notes});
    f->p.targets[0].goal = ir_emit(&f->a, &f->p, IR_INPUT, IR_BOOL, 0, 0, 0, 0, in);
}

static void report_run_end(report_run *run)
{
    rollup_free(run->ru);
    rt_result_free(run->r);
    rt_table_free(run->t);
    fx_free(&run->f);
}

/* Number of times `needle` occurs in `hay`. */
static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    size_t len = strlen(needle);
    for (const char *s = strstr(hay, needle); s; s = strstr(s + len, needle))
        n++;
    return n;
}

#endif
