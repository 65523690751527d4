/* test_lower.c — lowering (compiler/lower.c): the IR of small programs is
 * run by a tiny evaluator written here from ir.h's definitions (independent
 * of runtime/), and the statuses and scores are compared with values worked
 * out by hand from docs/LANGUAGE.md §8-§9.  Structural tests check that
 * inputs and steps are shared and that no step is dead. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "ir.h"
#include "lower.h"
#include "model.h"
#include "parse.h"
#include "sema.h"

#define PRELUDE                                                                  \
    "plan P {\n"                                                                 \
    "    region 省\n"                                                            \
    "    baseline 2023\n"                                                        \
    "    horizon 2035\n"                                                         \
    "}\n"                                                                        \
    "levels province, city\n"                                                    \
    "region 省 : province\n"                                                     \
    "region 甲, 乙, 丙 : city in 省\n"                                           \
    "agency 厅\n"                                                                \
    "unit 亩\n"                                                                  \
    "unit 万亩 = 10000 亩\n"

#define SECTION(id, body) "section " id " \"s\" {\n" body "}\n"
#define MEASURE(id, body) "    measure (" id ") \"m\" {\n        lead 厅\n" body "    }\n"
#define ONE(body) SECTION("一", MEASURE("一", body))

static arena A;
static diag_ctx D;
static ir_program *P;

/* ---------------------------------------------------------------- the evaluator */

enum { MAXCOLS = 8, MAXROWS = 128 };

/* One data row: region index, year, cells by the CSV's column order. */
typedef struct row {
    uint32_t region;
    int year;
    double v[MAXCOLS];
} row;

static row R[MAXROWS];
static uint32_t NR;
static char *HDR[MAXCOLS];
static uint32_t NH;
static double *S;       /* S[slot * NR + row] */

/* The index of region `name` in the program. */
static uint32_t region_index(const char *name)
{
    for (uint32_t i = 0; i < P->nregions; i++)
        if (strcmp(P->regions[i].name, name) == 0)
            return i;
    ck_abort_msg("no region '%s'", name);
    return 0;
}

/* Reads "region,year,a,b\n甲,2023,1,NA\n..." (no quoting; NA or empty is
 * missing; yes/no are 1/0). */
static void load(const char *csv)
{
    char *text = strdup(csv);
    char *save = NULL;
    NR = NH = 0;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *fields[MAXCOLS + 2];
        int nf = 0;
        char *p = line;
        for (;;) {
            char *comma = strchr(p, ',');
            if (comma)
                *comma = '\0';
            fields[nf++] = p;
            if (!comma || nf == MAXCOLS + 2)
                break;
            p = comma + 1;
        }
        if (NH == 0) {
            for (int i = 2; i < nf; i++)
                HDR[NH++] = strdup(fields[i]);
            continue;
        }
        row *r = &R[NR++];
        r->region = region_index(fields[0]);
        r->year = atoi(fields[1]);
        for (int i = 2; i < nf; i++) {
            const char *f = fields[i];
            r->v[i - 2] = !*f || strcmp(f, "NA") == 0 ? NAN
                        : strcmp(f, "yes") == 0 ? 1 : strcmp(f, "no") == 0 ? 0 : atof(f);
        }
    }
    free(text);
}

/* The row of (region, year), or -1. */
static int find_row(uint32_t region, int year)
{
    for (uint32_t i = 0; i < NR; i++)
        if (R[i].region == region && R[i].year == year)
            return (int)i;
    return -1;
}

/* True when region d has region r as an ancestor. */
static bool descends(uint32_t d, uint32_t r)
{
    for (int32_t p = P->regions[d].parent; p >= 0; p = P->regions[p].parent)
        if ((uint32_t)p == r)
            return true;
    return false;
}

/* The value of input `in` on row i. */
static double input_value(const ir_input *in, uint32_t i)
{
    switch (in->kind) {
    case IR_IN_YEAR:
        return R[i].year;
    case IR_IN_PRESENT:
        return 1;
    case IR_IN_SCOPE:
        for (uint32_t k = 0; k < P->scopes[in->scope].n; k++)
            if (P->scopes[in->scope].regions[k] == R[i].region)
                return 1;
        return 0;
    case IR_IN_DATA: {
        int y = in->shift.absolute ? in->shift.year : R[i].year + in->shift.rel;
        int j = find_row(R[i].region, y);
        const char *name = P->columns[in->column].name;
        for (uint32_t c = 0; c < NH; c++)
            if (strcmp(HDR[c], name) == 0)
                return j < 0 ? NAN : R[j].v[c] * in->scale;
        ck_abort_msg("no column '%s' in the data", name);
    }
    case IR_IN_TABLE:
        return in->values[R[i].region];
    }
    return NAN;
}

static bool na(double x)
{
    return isnan(x);
}

/* Runs every step over every row, as ir.h defines them. */
static void run(void)
{
    free(S);
    S = malloc((P->nsteps + 1) * (NR + 1) * sizeof *S);
    for (uint32_t s = 0; s < P->nsteps; s++) {
        const ir_step *st = &P->steps[s];
        for (uint32_t i = 0; i < NR; i++) {
            double a = st->a < s ? S[st->a * NR + i] : 0;
            double b = st->b < s ? S[st->b * NR + i] : 0;
            double c = st->c < s ? S[st->c * NR + i] : 0;
            double r = NAN;
            switch (st->op) {
            case IR_CONST: r = st->imm; break;
            case IR_INPUT: r = input_value(&P->inputs[st->aux], i); break;
            case IR_NEG: r = -a; break;
            case IR_ABS: r = fabs(a); break;
            case IR_NOT: r = na(a) ? NAN : a == 0; break;
            case IR_ISNA: r = na(a); break;
            case IR_ADD: r = a + b; break;
            case IR_SUB: r = a - b; break;
            case IR_MUL: r = a * b; break;
            case IR_DIV: r = b == 0 ? NAN : a / b; break;
            case IR_MIN: r = na(a) || na(b) ? NAN : a < b ? a : b; break;
            case IR_MAX: r = na(a) || na(b) ? NAN : a > b ? a : b; break;
            case IR_LT: r = na(a) || na(b) ? NAN : a < b; break;
            case IR_LE: r = na(a) || na(b) ? NAN : a <= b; break;
            case IR_GT: r = na(a) || na(b) ? NAN : a > b; break;
            case IR_GE: r = na(a) || na(b) ? NAN : a >= b; break;
            case IR_EQ: r = na(a) || na(b) ? NAN : a == b; break;
            case IR_NE: r = na(a) || na(b) ? NAN : a != b; break;
            case IR_AND: r = na(a) || na(b) ? NAN : (a != 0 && b != 0); break;
            case IR_OR: r = na(a) || na(b) ? NAN : (a != 0 || b != 0); break;
            case IR_SELECT: r = na(a) ? NAN : a != 0 ? b : c; break;
            case IR_COALESCE: r = na(a) ? b : a; break;
            case IR_PEAK: {
                int y0 = (int)st->aux, y = R[i].year;
                if (y < y0)
                    break;
                double best = -INFINITY;
                int p = 0;
                bool ok = true;
                for (int t = y0; t <= y && ok; t++) {
                    int j = find_row(R[i].region, t);
                    if (j < 0 || na(S[st->a * NR + j])) {
                        ok = false;
                        break;
                    }
                    if (S[st->a * NR + j] > best) {
                        best = S[st->a * NR + j];
                        p = t;
                    }
                }
                if (!ok)
                    break;
                r = p < y;
                for (int t = p + 1; t <= y && r == 1; t++) {
                    double cur = S[st->a * NR + find_row(R[i].region, t)];
                    double prv = S[st->a * NR + find_row(R[i].region, t - 1)];
                    if (cur - prv > st->imm * fabs(prv))
                        r = 0;
                }
                break;
            }
            case IR_SHARE: {
                double yes = 0, n = 0;
                bool any = false;
                for (uint32_t d = 0; d < P->nregions; d++) {
                    if (P->regions[d].level != st->aux || !descends(d, R[i].region))
                        continue;
                    any = true;
                    int j = find_row(d, R[i].year);
                    if (j < 0 || na(S[st->a * NR + j]))
                        continue;
                    n++;
                    yes += S[st->a * NR + j] == 1;
                }
                r = any && n > 0 ? 100 * yes / n : NAN;
                break;
            }
            case IR_SHIFT: {
                int y = st->imm >= 1 ? (int)st->imm : R[i].year + (int)st->imm;
                int j = find_row(R[i].region, y);
                r = j < 0 ? NAN : S[st->a * NR + j];
                break;
            }
            case IR_PARENT: {
                int q = P->regions[R[i].region].parent; /* its own walk: a reference */
                while (st->aux != IR_PARENT_UP && q >= 0 && P->regions[q].level != st->aux)
                    q = P->regions[q].parent;
                int j = q < 0 ? -1 : find_row((uint32_t)q, R[i].year);
                r = j < 0 ? NAN : S[st->a * NR + j];
                break;
            }
            default: break;
            }
            S[s * NR + i] = r;
        }
    }
}

/* Parses, checks and lowers src (which must be clean), then runs it on csv. */
static void compile_run(const char *src, const char *csv)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_init(&D, f);
    int file = diag_add_text(&D, "t.plan", src, strlen(src));
    ast_program *prog = parse_file(&A, &D, file);
    sema_model *m = sema_check(&A, &D, prog);
    fflush(f);
    ck_assert_msg(diag_errors(&D) == 0, "errors:\n%s", buf);
    P = lower_program(&A, &D, m);
    ck_assert_int_eq(diag_errors(&D), 0);
    fclose(f);
    free(buf);
    diag_dispose(&D);
    if (csv) {
        load(csv);
        run();
    }
}

static const ir_target *tgt(const char *name)
{
    for (uint32_t i = 0; i < P->ntargets; i++)
        if (strcmp(P->targets[i].name, name) == 0)
            return &P->targets[i];
    ck_abort_msg("no target '%s'", name);
    return NULL;
}

/* Slot `slot` on the row of (region, year). */
static double at(uint32_t slot, const char *region, int year)
{
    int i = find_row(region_index(region), year);
    ck_assert_msg(i >= 0, "no row %s %d", region, year);
    return S[slot * NR + (uint32_t)i];
}

static const char *status(const char *t, const char *region, int year)
{
    return ir_statusname((int)at(tgt(t)->status, region, year));
}

static double score(const char *t, const char *region, int year)
{
    return at(tgt(t)->score, region, year);
}

#define ck_status(t, r, y, s) ck_assert_str_eq(status(t, r, y), s)
#define ck_score(t, r, y, v) ck_assert_double_eq_tol(score(t, r, y), v, 1e-9)
#define ck_nan(x) ck_assert_msg(isnan(x), "expected NaN, got %g", (x))

static void setup(void)
{
    arena_init(&A);
    S = NULL;
    NR = NH = 0;
}

static void teardown(void)
{
    for (uint32_t i = 0; i < NH; i++)
        free(HDR[i]);
    free(S);
    S = NULL;
    arena_free(&A);
}

/* Both strings equal, and the copy's own (not the original's pointer). */
static void same_str(const char *copy, const char *orig)
{
    if (!orig) {
        ck_assert_ptr_null(copy);
        return;
    }
    ck_assert_ptr_nonnull(copy);
    ck_assert_ptr_ne(copy, orig);
    ck_assert_str_eq(copy, orig);
}

/* The program as ir_dump prints it (malloc'd). */
static char *dump_text(const ir_program *p)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ir_dump(p, f);
    fclose(f);
    return buf;
}

/* ---------------------------------------------------------------- targets */

/* A threshold by a deadline: every status of §9 and the progress score. */
START_TEST(threshold)
{
    compile_run(PRELUDE "indicator x : %, higher, column \"x\"\n"
                ONE("        target x >= 92% by 2027\n"),
                "region,year,x\n"
                "甲,2022,40\n甲,2023,50\n甲,2024,60\n甲,2025,93\n甲,2026,NA\n甲,2027,80\n甲,2028,95\n"
                "乙,2024,70\n乙,2027,91\n"
                "丙,2023,50\n丙,2024,61\n丙,2026,92\n");
    /* before the baseline */
    ck_status("x", "甲", 2022, "not_applicable");
    ck_nan(score("x", "甲", 2022));
    /* the baseline year itself is the trajectory's start (e = b), not a
     * year the target is judged in */
    ck_status("x", "甲", 2023, "not_applicable");
    ck_nan(score("x", "甲", 2023));
    /* e(2024) = 50 + 42 * 1 / 4 = 60.5: 60 lags, 61 is on track */
    ck_status("x", "甲", 2024, "lagging");
    ck_score("x", "甲", 2024, 100.0 * 10 / 42);
    ck_status("x", "丙", 2024, "on_track");
    ck_assert_double_eq_tol(at(tgt("x")->expected, "甲", 2024), 60.5, 1e-12);
    /* met early */
    ck_status("x", "甲", 2025, "met");
    ck_score("x", "甲", 2025, 100);
    ck_status("x", "丙", 2026, "met");
    /* missing value */
    ck_status("x", "甲", 2026, "missing");
    ck_nan(score("x", "甲", 2026));
    /* at the deadline, not met */
    ck_status("x", "甲", 2027, "failed");
    ck_score("x", "甲", 2027, 100.0 * 30 / 42);
    ck_assert_double_eq(at(tgt("x")->expected, "甲", 2027), 92);
    ck_status("x", "甲", 2028, "met");
    /* no baseline row: missing before the deadline, failed (score 0) at it */
    ck_status("x", "乙", 2024, "missing");
    ck_status("x", "乙", 2027, "failed");
    ck_score("x", "乙", 2027, 0);
    ck_assert_double_eq(at(tgt("x")->goal, "甲", 2024), 92);
    ck_assert_double_eq(at(tgt("x")->value, "甲", 2024), 60);
}
END_TEST

/* A falling goal (<=): direction from the operator. */
START_TEST(threshold_lower)
{
    compile_run(PRELUDE "indicator pm : 1, column \"pm\"\n"
                ONE("        target pm <= 35 by 2025\n"),
                "region,year,pm\n甲,2023,45\n甲,2024,39\n甲,2025,36\n乙,2023,45\n乙,2024,41\n乙,2025,35\n");
    /* e(2024) = 45 - 10 / 2 = 40 */
    ck_status("pm", "甲", 2024, "on_track");
    ck_score("pm", "甲", 2024, 60);
    ck_status("pm", "乙", 2024, "lagging");
    ck_status("pm", "甲", 2025, "failed");
    ck_score("pm", "甲", 2025, 90);
    ck_status("pm", "乙", 2025, "met");
}
END_TEST

/* A goal the baseline value already met: a value that no longer meets it
 * has lost ground and scores 0, not the clamped ratio (which is >= 1 when
 * the value moved past the baseline away from the goal). */
START_TEST(threshold_baseline_met)
{
    compile_run(PRELUDE "indicator e : 1, lower, column \"e\"\n"
                "indicator f : %, higher, column \"f\"\n"
                ONE("        target cap : e <= 110 by 2025\n"
                    "        target floor : f >= 60% by 2025\n"
                    "        target two : f >= 60% by 2025, >= 70% by 2030\n"),
                "region,year,e,f\n甲,2023,100,62\n甲,2024,130,50\n甲,2025,150,40\n甲,2026,105,65\n"
                "乙,2023,120,55\n乙,2024,130,50\n");
    ck_status("cap", "甲", 2024, "lagging");
    ck_score("cap", "甲", 2024, 0);
    ck_status("cap", "甲", 2025, "failed");
    ck_score("cap", "甲", 2025, 0);
    ck_status("floor", "甲", 2024, "lagging");
    ck_score("floor", "甲", 2024, 0);
    ck_status("floor", "甲", 2025, "failed");
    ck_score("floor", "甲", 2025, 0);
    ck_status("cap", "甲", 2026, "met");
    ck_score("cap", "甲", 2026, 100);
    /* the second goal (70%) was not met at the baseline: progress again,
     * (65 - 62) / (70 - 62) */
    ck_score("two", "甲", 2025, 0);
    ck_score("two", "甲", 2026, 100.0 * 3 / 8);
    /* a baseline that did not meet the goal keeps the progress score, and
     * a value that moved away from the goal scores 0 as before */
    ck_score("cap", "乙", 2024, 0);
    ck_score("floor", "乙", 2024, 0);
}
END_TEST

/* Milestones: the current milestone is the first not yet past; later
 * trajectories start at the previous milestone. */
START_TEST(milestones)
{
    compile_run(PRELUDE "indicator x : %, higher, column \"x\"\n"
                ONE("        target x >= 92% by 2027, >= 95% by 2035\n"),
                "region,year,x\n甲,2023,88\n甲,2025,89\n甲,2027,92\n甲,2030,93\n甲,2031,93.5\n甲,2035,94\n甲,2036,96\n"
                "乙,2027,90\n乙,2030,93.2\n");
    /* 2025: goal 92, e = 88 + 4 * 2 / 4 = 90 */
    ck_status("x", "甲", 2025, "lagging");
    ck_assert_double_eq(at(tgt("x")->goal, "甲", 2025), 92);
    ck_assert_double_eq(at(tgt("x")->expected, "甲", 2025), 90);
    ck_status("x", "甲", 2027, "met");
    /* 2030: goal 95 by 2035 from (2027, 92): e = 92 + 3 * 3 / 8 = 93.125 */
    ck_assert_double_eq(at(tgt("x")->goal, "甲", 2030), 95);
    ck_assert_double_eq_tol(at(tgt("x")->expected, "甲", 2030), 93.125, 1e-12);
    ck_status("x", "甲", 2030, "lagging");
    ck_status("x", "乙", 2030, "on_track");
    /* the second trajectory needs no baseline value (乙 has none) */
    ck_status("x", "乙", 2027, "failed");
    ck_status("x", "甲", 2035, "failed");
    /* score from the baseline: (94 - 88) / (95 - 88) */
    ck_score("x", "甲", 2035, 100.0 * 6 / 7);
    /* after the last milestone, judged against it */
    ck_status("x", "甲", 2036, "met");
}
END_TEST

/* Every-year thresholds and red lines: met or failed; a veto. */
START_TEST(every_year_and_redline)
{
    compile_run(PRELUDE "indicator 耕地 : 万亩, column \"farm\" in 亩\n"
                "indicator pm : 1, column \"pm\"\n"
                ONE("        redline 红线 : 耕地 >= 7603万亩\n"
                    "        target pm <= 35\n")
                "assessment a {\n missing reweight\n veto redlines\n grade 好 >= 50, 差\n}\n",
                "region,year,farm,pm\n甲,2023,76030000,30\n甲,2024,76029999,36\n甲,2025,NA,35\n");
    /* 76030000 亩 is exactly 7603 万亩 */
    ck_assert_double_eq(at(tgt("红线")->value, "甲", 2023), 7603);
    ck_status("红线", "甲", 2023, "met");
    ck_score("红线", "甲", 2023, 100);
    ck_status("红线", "甲", 2024, "failed");
    ck_score("红线", "甲", 2024, 0);
    ck_status("红线", "甲", 2025, "missing");
    ck_status("pm", "甲", 2023, "met");
    ck_status("pm", "甲", 2024, "failed");
    ck_assert_double_eq(at(tgt("pm")->expected, "甲", 2024), 35);
    ck_assert(tgt("红线")->veto);
    /* the veto fires in 2024 only and forces the last band */
    ck_assert_double_eq(at(P->veto, "甲", 2023), 0);
    ck_assert_double_eq(at(P->veto, "甲", 2024), 1);
    ck_assert_double_eq(at(P->veto, "甲", 2025), 0);
    ck_assert_double_eq(at(P->grade, "甲", 2024), 1);
    /* 2023 is the baseline year: judged, but not graded */
    ck_nan(at(P->total, "甲", 2023));
    ck_nan(at(P->grade, "甲", 2023));
    /* 2025 reweights: only pm counts */
    ck_assert_double_eq(at(P->total, "甲", 2025), 100);
}
END_TEST

/* The baseline year (docs/LANGUAGE.md §8, §9 rule 1): the reference point
 * of the targets judged on the way from it (goals with a deadline, rated
 * ones included, and peaks), which are not_applicable there, while
 * every-year goals and red lines are judged in it (and fire a veto); the
 * assessment starts the year after: no measure, section or total score and
 * no grade in the baseline year, neither the last band nor the first. */
START_TEST(baseline_year)
{
    compile_run(PRELUDE "indicator x : %, higher, column \"x\"\n"
                "indicator pm : 1, lower, column \"pm\"\n"
                "indicator r : 1, column \"r\"\n"
                SECTION("一", MEASURE("一", "        target x >= 92% by 2027\n"
                                            "        target r : rated r >= 80 by 2030\n"
                                            "        target c : pm peaks\n")
                              MEASURE("二", "        target pm <= 35\n"
                                            "        redline 红线 : x >= 10%\n"))
                SECTION("二", MEASURE("三", "        target x2 : x >= 95% by 2030\n"))
                "assessment a {\n missing zero\n veto redlines\n grade 好 >= 50, 差\n}\n",
                "region,year,x,pm,r\n甲,2023,95,30,90\n甲,2024,95,36,90\n"
                "乙,2023,5,,10\n乙,2024,60,30,10\n");
    /* goals with a deadline are not judged in the baseline year, even when
     * the value already meets them (甲's 95% >= 92%) */
    ck_status("x", "甲", 2023, "not_applicable");
    ck_nan(score("x", "甲", 2023));
    ck_status("x2", "甲", 2023, "not_applicable");
    ck_status("r", "甲", 2023, "not_applicable");
    ck_status("c", "甲", 2023, "not_applicable");
    ck_status("x", "甲", 2024, "met");
    ck_status("r", "甲", 2024, "met");
    /* every-year goals and red lines are, with their scores */
    ck_status("pm", "甲", 2023, "met");
    ck_score("pm", "甲", 2023, 100);
    ck_status("红线", "甲", 2023, "met");
    ck_status("pm", "乙", 2023, "missing");
    ck_status("红线", "乙", 2023, "failed");
    ck_assert_double_eq(at(tgt("pm")->expected, "甲", 2023), 35);
    /* no roll-up in the baseline year, even of the targets judged there
     * (and under `missing zero`, of a missing one) */
    for (uint32_t i = 0; i < 3; i++) {
        ck_nan(at(P->measures[i].score, "甲", 2023));
        ck_nan(at(P->measures[i].score, "乙", 2023));
    }
    ck_nan(at(P->sections[0].score, "甲", 2023));
    ck_nan(at(P->total, "甲", 2023));
    ck_nan(at(P->grade, "甲", 2023));
    /* 乙 failed the red line in its baseline year: the veto is shown, the
     * grade is not */
    ck_assert_double_eq(at(P->veto, "乙", 2023), 1);
    ck_nan(at(P->grade, "乙", 2023));
    /* the year after is assessed */
    ck_assert_double_eq(at(P->measures[1].score, "甲", 2024), 50);
    ck_assert_double_eq(at(P->grade, "甲", 2024), 0);
    ck_assert_double_eq(at(P->veto, "乙", 2024), 0);
}
END_TEST

/* The expected value does not depend on the row's value (docs/LANGUAGE.md
 * §9, "What the result columns hold"): a row whose value is missing has
 * the same expected value as one with a value; it is missing only where
 * it cannot be computed, before the first deadline without a baseline
 * value. */
START_TEST(expected_without_value)
{
    compile_run(PRELUDE "indicator x : %, higher, column \"x\"\n"
                ONE("        target x >= 90% by 2025, >= 95% by 2027\n"
                    "        target e : x >= 80%\n"),
                "region,year,x\n甲,2023,50\n甲,2024,NA\n乙,2023,50\n乙,2024,60\n"
                "丙,2024,NA\n丙,2025,NA\n丙,2026,NA\n");
    /* on the line from (2023, 50) to (2025, 90): 70 in 2024, value or not */
    ck_status("x", "甲", 2024, "missing");
    ck_assert_double_eq(at(tgt("x")->expected, "甲", 2024), 70);
    ck_assert_double_eq(at(tgt("x")->expected, "乙", 2024), 70);
    ck_assert_double_eq(at(tgt("e")->expected, "甲", 2024), 80);
    /* 丙 has no baseline row: no line before the first deadline; the goal
     * at it; then the line from (2025, 90) to (2027, 95) */
    ck_nan(at(tgt("x")->expected, "丙", 2024));
    ck_assert_double_eq(at(tgt("x")->expected, "丙", 2025), 90);
    ck_assert_double_eq(at(tgt("x")->expected, "丙", 2026), 92.5);
    ck_assert_double_eq(at(tgt("e")->expected, "丙", 2024), 80);
    ck_status("x", "丙", 2026, "missing");
}
END_TEST

/* complete, rated, yes/no. */
START_TEST(complete_rated_bool)
{
    compile_run(PRELUDE "indicator g : %, column \"g\"\n"
                "indicator r : 1, column \"r\"\n"
                "indicator park : bool, column \"park\"\n"
                ONE("        target g : complete g by 2025\n"
                    "        target r : rated r >= 80 by 2035\n"
                    "        target park == yes by 2030\n"),
                "region,year,g,r,park\n甲,2023,60,50,no\n甲,2024,100,120,no\n甲,2025,90,-5,yes\n甲,2030,90,70,no\n");
    ck_status("g", "甲", 2024, "met");
    ck_status("g", "甲", 2025, "failed");
    ck_score("g", "甲", 2025, 75);
    /* rated: the score is the rating, clamped; from the year after the
     * baseline, as any goal with a deadline */
    ck_status("r", "甲", 2023, "not_applicable");
    ck_nan(score("r", "甲", 2023));
    ck_status("r", "甲", 2024, "met");
    ck_score("r", "甲", 2024, 100);
    ck_score("r", "甲", 2025, 0);
    /* yes/no: never lagging before the deadline */
    ck_status("park", "甲", 2024, "on_track");
    ck_status("park", "甲", 2025, "met");
    ck_status("park", "甲", 2030, "failed");
    ck_score("park", "甲", 2030, 0);
}
END_TEST

/* falls / rises every year. */
START_TEST(trends)
{
    compile_run(PRELUDE "indicator e : 1, column \"e\"\n"
                ONE("        target e falls every year\n"
                    "        target up : e rises every year\n"),
                "region,year,e\n甲,2022,12\n甲,2023,10\n甲,2024,9\n甲,2025,9\n甲,2026,NA\n甲,2027,8\n甲,2029,7\n");
    ck_status("e", "甲", 2023, "not_applicable");
    ck_status("e", "甲", 2024, "met");
    ck_score("e", "甲", 2024, 100);
    ck_status("e", "甲", 2025, "failed");
    ck_score("e", "甲", 2025, 0);
    ck_status("e", "甲", 2026, "missing");
    ck_status("e", "甲", 2027, "missing");
    ck_status("e", "甲", 2029, "missing");
    ck_status("up", "甲", 2024, "failed");
    ck_assert_double_eq(at(tgt("e")->goal, "甲", 2024), 10);
}
END_TEST

/* peaks by D tolerance t. */
START_TEST(peaks)
{
    compile_run(PRELUDE "indicator c : 1, column \"c\"\n"
                ONE("        target c peaks by 2027 tolerance 1%\n"
                    "        target p0 : c peaks\n"),
                "region,year,c\n甲,2023,100\n甲,2024,110\n甲,2025,105\n甲,2026,106\n甲,2027,107.5\n"
                "乙,2023,100\n乙,2024,101\n乙,2025,NA\n乙,2027,90\n");
    /* the baseline year is the series' start, not judged; then the peak
     * year is the current year: not met; before D on track */
    ck_status("c", "甲", 2023, "not_applicable");
    ck_status("p0", "甲", 2023, "not_applicable");
    ck_status("c", "甲", 2024, "on_track");
    ck_status("p0", "甲", 2024, "failed");
    /* peak 2024, then 105, 106 (+0.95%): met */
    ck_status("c", "甲", 2025, "met");
    ck_status("c", "甲", 2026, "met");
    ck_score("c", "甲", 2026, 100);
    /* 107.5 - 106 > 1.06: failed at the deadline */
    ck_status("c", "甲", 2027, "failed");
    ck_status("p0", "甲", 2026, "failed");
    ck_status("c", "乙", 2025, "missing");
    ck_status("c", "乙", 2027, "missing");
}
END_TEST

/* share(city, cond) on the province row; its default scope. */
START_TEST(share)
{
    compile_run(PRELUDE "indicator ws : bool, column \"ws\"\n"
                ONE("        target 全覆盖 : share(city, ws == yes) >= 100% by 2027\n"),
                "region,year,ws\n省,2023,NA\n省,2024,NA\n省,2027,NA\n"
                "甲,2023,no\n乙,2023,yes\n丙,2023,NA\n"
                "甲,2024,yes\n乙,2024,yes\n丙,2024,no\n"
                "甲,2027,yes\n乙,2027,yes\n丙,2027,yes\n");
    /* 2023: 1 of 2 cities with data */
    ck_assert_double_eq(at(tgt("全覆盖")->value, "省", 2023), 50);
    ck_assert_double_eq_tol(at(tgt("全覆盖")->value, "省", 2024), 200.0 / 3, 1e-12);
    /* e(2024) = 50 + 50 / 4 = 62.5 */
    ck_status("全覆盖", "省", 2024, "on_track");
    ck_status("全覆盖", "省", 2027, "met");
    /* cities are outside the default scope */
    ck_status("全覆盖", "甲", 2024, "not_applicable");
    ck_assert_str_eq(tgt("全覆盖")->unit, "%");
}
END_TEST

/* The number of inputs of kind k in P. */
static uint32_t inputs_of(ir_inputkind k)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < P->ninputs; i++)
        n += P->inputs[i].kind == k;
    return n;
}

/* "Row is in the data" is read only by rules that read the regions below a
 * row's, the only ones for which the runtime adds rows: without a share
 * step a kernel has one column less to read. */
START_TEST(present_only_with_shares)
{
    compile_run(PRELUDE "indicator x : %, higher, column \"x\"\n"
                ONE("        target x >= 92% by 2027\n"),
                "region,year,x\n甲,2023,50\n甲,2024,60\n");
    ck_assert_uint_eq(inputs_of(IR_IN_PRESENT), 0);
    ck_status("x", "甲", 2024, "lagging");
    teardown(); /* a second program, with a fixture of its own */
    setup();
    compile_run(PRELUDE "indicator x : %, higher, column \"x\"\n"
                "indicator ws : bool, column \"ws\"\n"
                ONE("        target x >= 92% by 2027\n"
                    "        target 全覆盖 : share(city, ws == yes) >= 100% by 2027\n"),
                "region,year,x,ws\n甲,2023,50,yes\n甲,2024,60,yes\n");
    ck_assert_uint_eq(inputs_of(IR_IN_PRESENT), 1);
    ck_status("x", "甲", 2024, "lagging");
}
END_TEST

/* Scopes: regions, a level, exceptions. */
START_TEST(scopes)
{
    compile_run(PRELUDE "indicator x : %, column \"x\"\n"
                ONE("        target a for 甲, 乙 : x >= 1% by 2030\n"
                    "        target b for city except 乙 : x >= 1% by 2030\n"
                    "        target c for 乙, 甲 : x >= 2% by 2030\n"),
                "region,year,x\n省,2024,5\n甲,2024,5\n乙,2024,5\n丙,2024,5\n");
    ck_status("a", "甲", 2024, "met");
    ck_status("a", "丙", 2024, "not_applicable");
    ck_status("a", "省", 2024, "not_applicable");
    ck_status("b", "乙", 2024, "not_applicable");
    ck_status("b", "丙", 2024, "met");
    /* a and c cover the same regions: one scope */
    ck_assert_uint_eq(P->nscopes, 2);
}
END_TEST

/* prev, baseline and at compose as time shifts, through formulas. */
START_TEST(shifts)
{
    compile_run(PRELUDE "indicator x : 1, column \"x\"\n"
                "indicator growth : 1, formula x / prev(x)\n"
                ONE("        target g : growth >= 1 by 2030\n"
                    "        target b : growth - baseline(growth) >= 0 by 2030\n"
                    "        target a1 : x - at(prev(x), 2022) >= 0 by 2030\n"
                    "        target a2 : x - prev(at(x, 2022)) >= 0 by 2030\n"),
                "region,year,x\n甲,2020,1\n甲,2021,2\n甲,2022,4\n甲,2023,5\n甲,2024,10\n");
    ck_assert_double_eq(at(tgt("g")->value, "甲", 2024), 2);
    /* baseline(growth) = x(2023) / x(2022) = 1.25 */
    ck_assert_double_eq(at(tgt("b")->value, "甲", 2024), 0.75);
    /* at(prev(x), 2022) = x(2021); prev(at(x, 2022)) = x(2022) */
    ck_assert_double_eq(at(tgt("a1")->value, "甲", 2024), 8);
    ck_assert_double_eq(at(tgt("a2")->value, "甲", 2024), 6);
    /* x at year-1 is one input shared by g and b (deduplicated) */
    uint32_t prevs = 0;
    for (uint32_t i = 0; i < P->ninputs; i++)
        if (P->inputs[i].kind == IR_IN_DATA && !P->inputs[i].shift.absolute && P->inputs[i].shift.rel == -1)
            prevs++;
    ck_assert_uint_eq(prevs, 1);
}
END_TEST

/* parent(x) and parent(LEVEL, x): x on the row of the region above, in
 * the row's year; missing on the top region's row, where the region above
 * has no row, and inside prev(), in the year before. */
START_TEST(parents)
{
    compile_run(PRELUDE "indicator x : 1, lower, column \"x\"\n"
                ONE("        target up for city : x <= parent(x)\n"
                    "        target lv for city : x <= parent(province, x)\n"
                    "        target pr for city : x - prev(parent(x)) <= 0\n"
                    "        target top : parent(x) >= 0\n"),
                "region,year,x\n省,2023,30\n省,2024,28\n甲,2023,31\n甲,2024,27\n乙,2024,29\n丙,2025,1\n");
    ck_status("up", "甲", 2024, "met");
    ck_assert_double_eq(at(tgt("up")->goal, "甲", 2024), 28);
    ck_status("up", "乙", 2024, "failed");
    ck_status("lv", "甲", 2023, "failed");
    ck_status("up", "丙", 2025, "missing");   /* 省 has no row in 2025 */
    ck_assert_double_eq(at(tgt("pr")->value, "甲", 2024), -3); /* 27 - 30 */
    ck_nan(at(tgt("pr")->value, "甲", 2023));
    ck_nan(at(tgt("top")->value, "省", 2024));
    ck_status("top", "省", 2024, "missing");
}
END_TEST

/* Units: column scales, formula conversion, goal conversion. */
START_TEST(units)
{
    compile_run(PRELUDE "unit 吨\nunit 万吨 = 10000 吨\nunit 万元\n"
                "indicator e : 万吨, column \"e\"\n"
                "indicator gdp : 万元, column \"gdp\"\n"
                "indicator 强度 : 吨/万元, lower, formula e / gdp\n"
                "indicator f : 万亩, column \"f\" in 亩\n"
                "indicator f2 : 亩, column \"f2\" in 万亩\n"
                ONE("        target 强度 <= 1 by 2030\n"
                    "        target f >= 1亩 by 2030\n"
                    "        target f2 >= 1万亩 by 2030\n"
                    "        target s : f + f2 >= 2 by 2030\n"),
                "region,year,e,gdp,f,f2\n甲,2024,3,60000,15000,1.5\n");
    /* 3 万吨 / 60000 万元 = 0.5 吨/万元 */
    ck_assert_double_eq(at(tgt("强度")->value, "甲", 2024), 0.5);
    ck_assert_str_eq(tgt("强度")->unit, "吨/万元");
    ck_assert_double_eq(at(tgt("f")->value, "甲", 2024), 1.5);
    ck_assert_double_eq(at(tgt("f")->goal, "甲", 2024), 0.0001);
    ck_assert_double_eq(at(tgt("f2")->value, "甲", 2024), 15000);
    ck_assert_double_eq(at(tgt("f2")->goal, "甲", 2024), 10000);
    /* f + f2 in 万亩: 1.5 + 1.5 */
    ck_assert_double_eq(at(tgt("s")->value, "甲", 2024), 3);
}
END_TEST

/* Expressions: missing propagates; ismissing never is; min/max/clamp/if. */
START_TEST(expressions)
{
    compile_run(PRELUDE "indicator x : 1, column \"x\"\nindicator y : 1, column \"y\"\n"
                ONE("        target m : min(x, y) >= 1 by 2030\n"
                    "        target c : clamp(x, 2, 3) >= 1 by 2030\n"
                    "        target i : (if x > y then x else -y) >= 1 by 2030\n"
                    "        target n : ismissing(y) == yes\n"
                    "        target d : x / (y - y) >= 1 by 2030\n"
                    "        target b : (x > 1 or y > 1) == yes\n"),
                "region,year,x,y\n甲,2024,5,NA\n乙,2024,1,4\n");
    ck_nan(at(tgt("m")->value, "甲", 2024));
    ck_assert_double_eq(at(tgt("m")->value, "乙", 2024), 1);
    ck_assert_double_eq(at(tgt("c")->value, "甲", 2024), 3);
    ck_assert_double_eq(at(tgt("c")->value, "乙", 2024), 2);
    ck_nan(at(tgt("i")->value, "甲", 2024));
    ck_assert_double_eq(at(tgt("i")->value, "乙", 2024), -4);
    ck_status("n", "甲", 2024, "met");
    ck_status("n", "乙", 2024, "failed");
    ck_nan(at(tgt("d")->value, "乙", 2024));
    ck_status("d", "乙", 2024, "missing");
    /* or with a missing operand is missing */
    ck_status("b", "甲", 2024, "missing");
    ck_status("b", "乙", 2024, "met");
}
END_TEST

/* Score expressions: clamped to 0..100; missing counts as 0; context names. */
START_TEST(score_override)
{
    compile_run(PRELUDE "indicator x : %, column \"x\"\n"
                ONE("        target hi : x >= 90% by 2030 score value * 10\n"
                    "        target ctx : x >= 90% by 2030 score (value - base) / (goal - base) * 100 + year - deadline\n"
                    "        target na : x >= 90% by 2030 score 100 / (value - value)\n"
                    "        target pr : x >= 90% by 2030 score progress() * 50\n"),
                "region,year,x\n甲,2023,50\n甲,2025,70\n甲,2031,NA\n");
    ck_score("hi", "甲", 2025, 100);
    ck_nan(score("hi", "甲", 2023));   /* the baseline year: not judged */
    /* (70 - 50) / 40 * 100 + 2025 - 2030 = 45 */
    ck_score("ctx", "甲", 2025, 45);
    ck_score("na", "甲", 2025, 0);
    ck_score("pr", "甲", 2025, 25);
    /* missing status: no score whatever the expression */
    ck_nan(score("hi", "甲", 2031));
}
END_TEST

/* ---------------------------------------------------------------- roll-ups */

static const char *const ROLLUP_SRC =
    PRELUDE "indicator x : %, column \"x\"\nindicator y : %, column \"y\"\nindicator z : %, column \"z\"\n"
    SECTION("一", MEASURE("一", "        target x >= 100% weight 3\n        target y >= 100%\n")
                  MEASURE("二", "        target z >= 100%\n")
                  MEASURE("三", ""))
    SECTION("二", MEASURE("四", "        target zz : z >= 50%\n"))
    "assessment a {\n"
    "    missing POLICY\n"
    "    weight section 一 = 3, measure (二) = 2\n"
    "    grade 优 >= 90, 良 >= 60, 差\n"
    "}\n";

/* ROLLUP_SRC with its missing-data policy filled in. */
static void rollup(const char *policy)
{
    static char src[4096];
    const char *at_policy = strstr(ROLLUP_SRC, "POLICY");
    int n = (int)(at_policy - ROLLUP_SRC);
    snprintf(src, sizeof src, "%.*s%s%s", n, ROLLUP_SRC, policy, at_policy + strlen("POLICY"));
    compile_run(src, "region,year,x,y,z\n甲,2024,100,0,100\n乙,2024,NA,0,40\n丙,2024,NA,NA,NA\n");
}

START_TEST(rollup_reweight)
{
    rollup("reweight");
    ck_assert_int_eq(P->missing, IR_MISSING_REWEIGHT);
    /* 甲: measure (一) = (3*100 + 0) / 4 = 75; (二) = 100; section 一 =
     * (75 + 2*100) / 3; section 二 = 100; total = (3*s1 + s2) / 4 */
    double m1 = 75, s1 = (m1 + 200) / 3, total = (3 * s1 + 100) / 4;
    ck_assert_double_eq_tol(at(P->measures[0].score, "甲", 2024), m1, 1e-12);
    ck_assert_double_eq_tol(at(P->sections[0].score, "甲", 2024), s1, 1e-12);
    ck_assert_double_eq_tol(at(P->total, "甲", 2024), total, 1e-12);
    ck_nan(at(P->measures[2].score, "甲", 2024));
    ck_assert_double_eq(at(P->grade, "甲", 2024), 0);
    /* 乙: x missing is left out: measure (一) = 0; z = 40 */
    ck_assert_double_eq(at(P->measures[0].score, "乙", 2024), 0);
    ck_assert_double_eq(at(P->measures[1].score, "乙", 2024), 0);
    /* 丙: nothing counts: no scores, no grade */
    ck_nan(at(P->measures[0].score, "丙", 2024));
    ck_nan(at(P->total, "丙", 2024));
    ck_nan(at(P->grade, "丙", 2024));
}
END_TEST

START_TEST(rollup_zero)
{
    rollup("zero");
    ck_assert_int_eq(P->missing, IR_MISSING_ZERO);
    /* 丙: every target missing scores 0 */
    ck_assert_double_eq(at(P->measures[0].score, "丙", 2024), 0);
    ck_assert_double_eq(at(P->total, "丙", 2024), 0);
    ck_assert_double_eq(at(P->grade, "丙", 2024), 2);
    /* 乙: x missing scores 0 with weight 3 */
    ck_assert_double_eq(at(P->measures[0].score, "乙", 2024), 0);
}
END_TEST

START_TEST(rollup_error_like_reweight)
{
    rollup("error");
    ck_assert_int_eq(P->missing, IR_MISSING_ERROR);
    ck_assert_double_eq(at(P->measures[0].score, "乙", 2024), 0);
    ck_nan(at(P->total, "丙", 2024));
}
END_TEST

START_TEST(no_assessment)
{
    compile_run(PRELUDE "indicator x : %, column \"x\"\n" ONE("        target x >= 1% by 2030\n"),
                "region,year,x\n甲,2024,5\n");
    ck_assert(!P->has_assessment);
    ck_nan(at(P->measures[0].score, "甲", 2024));
    ck_nan(at(P->total, "甲", 2024));
    ck_nan(at(P->grade, "甲", 2024));
    ck_assert_double_eq(at(P->veto, "甲", 2024), 0);
}
END_TEST

/* ---------------------------------------------------------------- structure */

/* Two steps computing the same thing (NaN constants compare by bits). */
static bool same_step(const ir_step *x, const ir_step *y)
{
    return x->op == y->op && x->type == y->type && x->a == y->a && x->b == y->b &&
           x->c == y->c && x->aux == y->aux && memcmp(&x->imm, &y->imm, sizeof x->imm) == 0;
}

static bool same_input(const ir_input *x, const ir_input *y)
{
    return x->kind == y->kind && x->column == y->column && x->scope == y->scope &&
           x->scale == y->scale && x->shift.absolute == y->shift.absolute &&
           x->shift.year == y->shift.year && x->shift.rel == y->shift.rel;
}

/* Metadata is carried over; every step is used by an output; identical
 * steps are not repeated; operands come before their steps. */
START_TEST(structure)
{
    compile_run("plan 美丽辽宁 \"标题\" {\n region 省\n baseline 2023\n horizon 2035\n"
                " keys region = \"city\", year = \"yr\"\n}\n"
                "levels province, city\nregion 省 : province\n"
                "region 甲 : city in 省 alias \"甲市\", \"Jia\"\nagency 厅\nagency 局\n"
                "indicator x : %, column \"x\"\nindicator unused : %, column \"unused\"\n"
                "indicator b : bool, column \"b\"\n"
                SECTION("三", "    measure (九) \"海域\" {\n        lead 厅\n        responsible 局\n"
                        "        target t1 \"原文\" : x >= 92% by 2027 weight 2 note \"n\"\n"
                        "        target t2 : x >= 95% by 2027 clause (十)\n"
                        "        target b == yes by 2030\n    }\n"
                        "    measure (十) \"m\" {\n        shared 厅, 局\n    }\n")
                "assessment 考核 {\n missing error\n veto t2\n grade 好 >= 60, 差\n}\n", NULL);
    ck_assert_str_eq(P->plan, "美丽辽宁");
    ck_assert_str_eq(P->title, "标题");
    ck_assert_int_eq(P->baseline, 2023);
    ck_assert_int_eq(P->horizon, 2035);
    ck_assert_str_eq(P->region_key, "city");
    ck_assert_str_eq(P->year_key, "yr");
    ck_assert_uint_eq(P->nlevels, 2);
    ck_assert_uint_eq(P->nregions, 2);
    ck_assert_uint_eq(P->regions[1].naliases, 2);
    ck_assert_str_eq(P->regions[1].aliases[1], "Jia");
    ck_assert_int_eq(P->regions[1].parent, 0);
    /* only the columns the program reads */
    ck_assert_uint_eq(P->ncolumns, 2);
    ck_assert_str_eq(P->columns[0].name, "x");
    ck_assert_int_eq(P->columns[1].type, IR_COL_BOOL);
    ck_assert_str_eq(P->columns[1].indicator, "b");
    const ir_target *t1 = tgt("t1");
    ck_assert_str_eq(t1->desc, "原文");
    ck_assert_str_eq(t1->kind, "threshold");
    ck_assert_str_eq(t1->unit, "%");
    ck_assert_str_eq(t1->clause, "(九)");
    ck_assert_double_eq(t1->weight, 2);
    ck_assert(!t1->veto);
    ck_assert_uint_eq(t1->ncolumns, 1);
    ck_assert_uint_eq(t1->columns[0], 0);
    ck_assert_str_eq(tgt("t2")->clause, "(十)");
    ck_assert(tgt("t2")->veto);
    ck_assert_uint_eq(P->nmeasures, 2);
    ck_assert_str_eq(P->measures[0].id, "(九)");
    ck_assert_uint_eq(P->measures[0].nlead, 1);
    ck_assert_str_eq(P->measures[0].responsible[0], "局");
    ck_assert(P->measures[1].shared);
    /* a shared measure's agencies stand in its lead list */
    ck_assert_uint_eq(P->measures[1].nlead, 2);
    ck_assert_uint_eq(P->measures[1].nresponsible, 0);
    ck_assert_uint_eq(P->nsections, 1);
    ck_assert_str_eq(P->sections[0].id, "三");
    ck_assert(P->has_assessment);
    ck_assert_int_eq(P->missing, IR_MISSING_ERROR);
    ck_assert_uint_eq(P->nbands, 2);

    /* every step is needed; operands precede; no two steps are equal */
    uint8_t *used = calloc(P->nsteps + 1, 1);
    for (uint32_t i = 0; i < P->nsteps; i++) {
        const ir_step *s = &P->steps[i];
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int k = 0; k < ir_arity(s->op); k++) {
            ck_assert_uint_lt(ops[k], i);
            used[ops[k]] = 1;
        }
        if (s->op == IR_INPUT)
            ck_assert_uint_lt(s->aux, P->ninputs);
        for (uint32_t j = 0; j < i; j++)
            ck_assert_msg(!same_step(&P->steps[j], s), "steps %u and %u are equal", j, i);
    }
    for (uint32_t i = 0; i < P->ntargets; i++) {
        const ir_target *t = &P->targets[i];
        used[t->status] = used[t->value] = used[t->goal] = used[t->expected] = used[t->score] = 1;
        ck_assert_int_eq(P->steps[t->status].type, IR_STATUS);
    }
    for (uint32_t i = 0; i < P->nmeasures; i++)
        used[P->measures[i].score] = 1;
    for (uint32_t i = 0; i < P->nsections; i++)
        used[P->sections[i].score] = 1;
    used[P->total] = used[P->veto] = used[P->grade] = 1;
    for (uint32_t i = 0; i < P->nsteps; i++)
        ck_assert_msg(used[i], "step %u is dead", i);
    free(used);
    /* inputs are distinct */
    for (uint32_t i = 0; i < P->ninputs; i++)
        for (uint32_t j = 0; j < i; j++)
            ck_assert(!same_input(&P->inputs[i], &P->inputs[j]));
}
END_TEST

/* Two targets on one indicator share its input and its baseline read. */
START_TEST(sharing)
{
    compile_run(PRELUDE "indicator x : %, column \"x\"\n"
                ONE("        target a : x >= 92% by 2027\n        target b : x >= 95% by 2027\n"), NULL);
    uint32_t data = 0;
    for (uint32_t i = 0; i < P->ninputs; i++)
        data += P->inputs[i].kind == IR_IN_DATA;
    ck_assert_uint_eq(data, 2); /* x, and x at the baseline */
    ck_assert_uint_eq(P->ncolumns, 1);
    ck_assert_uint_eq(tgt("a")->value, tgt("b")->value);
    /* two thresholds with deadlines stay small (one alone takes 55 steps,
     * 19 of them constants; 10 of them scale the trajectory and the
     * progress for values near the largest double, lower.c scale_for) */
    ck_assert_uint_lt(P->nsteps, 95);
}
END_TEST

/* Many distinct constants (a min() of 30000 numbers) are interned in
 * linear time: the steps' hash kept a double's bits in its high half, where
 * the table's index never looked, so the constants probed one long run of
 * slots (quadratic: 7 s for 20000 of them, a minute for 50000, past the
 * test's time limit). */
START_TEST(many_constants)
{
    enum { N = 30000 };
    size_t cap = sizeof PRELUDE + 16 * (size_t)N + 512, n = 0;
    char *src = malloc(cap);
    ck_assert_ptr_nonnull(src);
    n += (size_t)snprintf(src + n, cap - n, "%sindicator x : 亩, column \"x\"\n"
                          "indicator y : 亩, formula min(x", PRELUDE);
    for (int i = 1; i <= N; i++)
        n += (size_t)snprintf(src + n, cap - n, ", %d", i);
    snprintf(src + n, cap - n, ")\n" ONE("        target t : y <= 5 亩 by 2027\n"));
    compile_run(src, NULL);
    free(src);
    uint32_t consts = 0;
    for (uint32_t i = 0; i < P->nsteps; i++)
        consts += P->steps[i].op == IR_CONST;
    ck_assert_uint_ge(consts, N);
}
END_TEST

/* Many targets lower in linear time.  Two passes looked at the whole
 * program once per target: whether the target's value reads a share()
 * (scratch the size of the step list, cleared for each target) and which
 * columns the target reads (every column of the program scanned for each
 * target).  30,000 targets took minutes under AddressSanitizer, which
 * clears what calloc returns, past this test's time limit; now seconds.
 * Each target reads its own column, found as its only one. */
START_TEST(many_targets_are_linear)
{
    enum { N = 30000 };
    size_t cap = sizeof PRELUDE + 128 * (size_t)N + 512, n = 0;
    char *src = malloc(cap);
    ck_assert_ptr_nonnull(src);
    n += (size_t)snprintf(src + n, cap - n, "%s", PRELUDE);
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(src + n, cap - n, "indicator x%d : 亩, column \"c%d\"\n", i, i);
    n += (size_t)snprintf(src + n, cap - n, "section 一 \"s\" {\n    measure (一) \"m\" {\n"
                          "        lead 厅\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(src + n, cap - n, "        target t%d : x%d >= %d 亩 by 2030\n", i, i, i);
    snprintf(src + n, cap - n, "    }\n}\n");
    compile_run(src, NULL);
    free(src);
    ck_assert_uint_eq(P->ntargets, N);
    ck_assert_uint_eq(P->ncolumns, N);
    for (uint32_t i = 0; i < N; i++) {
        const ir_target *t = &P->targets[i];
        ck_assert_uint_eq(t->ncolumns, 1);
        char want[16];
        snprintf(want, sizeof want, "c%u", i);
        ck_assert_str_eq(P->columns[t->columns[0]].name, want);
    }
}
END_TEST

/* A level's text (`city "市州"`) reaches the program, is the word shown
 * for the level in every language, and is copied by ir_copy; a level
 * without one shows the built-in word, and one past the levels nothing. */
START_TEST(level_texts)
{
    compile_run("plan P {\n region 省\n baseline 2020\n horizon 2030\n}\n"
                "levels province, city \"市州\"\nregion 省 : province\nregion 甲 : city in 省\n"
                "indicator x : %, column \"x\"\n"
                SECTION("一", "    measure (一) \"m\" {\n        target t : x >= 50% by 2030\n    }\n"), NULL);
    ck_assert_uint_eq(P->nlevels, 2);
    ck_assert_str_eq(P->levels[1], "city");
    ck_assert_str_eq(ir_level_word(P, 1, LBL_EN), "市州");
    ck_assert_str_eq(ir_level_word(P, 1, LBL_ZH), "市州");
    ck_assert_str_eq(ir_level_word(P, 0, LBL_ZH), "省级");
    ck_assert_str_eq(ir_level_word(P, 0, LBL_EN), "province");
    ck_assert_str_eq(ir_level_word(P, 2, LBL_ZH), "");
    arena B;
    arena_init(&B);
    ir_program *c = ir_copy(&B, P);
    ck_assert_ptr_ne(c->level_texts[1], P->level_texts[1]);
    ck_assert_str_eq(ir_level_word(c, 1, LBL_EN), "市州");
    ck_assert_ptr_null(c->level_texts[0]);
    arena_free(&B);
}
END_TEST

/* ir_copy: a program with aliases, scopes, notes, shared measures, a veto
 * and grade bands, deep-copied: every string is the copy's own, and the
 * copy prints the same after the original's arena is freed (AddressSanitizer
 * would catch a pointer left into it). */
START_TEST(copy)
{
    compile_run("plan 美丽辽宁 \"标题\" {\n region 省\n baseline 2023\n horizon 2035\n"
                " keys region = \"city\", year = \"yr\"\n}\n"
                "levels province, city\nregion 省 : province\n"
                "region 甲 : city in 省 alias \"甲市\", \"Jia\"\nregion 乙 : city in 省\n"
                "agency 厅\nagency 局\n"
                "indicator x : %, column \"x\"\nindicator b : bool, column \"b\"\n"
                SECTION("三", "    measure (九) \"海域\" {\n        lead 厅\n        responsible 局\n"
                        "        target t1 \"原文\" : x >= 92% by 2027 weight 2 note \"n\"\n"
                        "        target t2 for 甲 : x >= 95% by 2027 clause (十)\n"
                        "        target b == yes by 2030\n    }\n"
                        "    measure (十) \"m\" {\n        shared 厅, 局\n"
                        "        target t3 : share(city, x >= 50%) >= 50% by 2030\n    }\n")
                "assessment 考核 {\n missing error\n veto t2\n grade 好 >= 60, 差\n}\n", NULL);
    char *before = dump_text(P);
    arena B;
    arena_init(&B);
    ir_program *c = ir_copy(&B, P);
    same_str(c->plan, P->plan);
    same_str(c->title, P->title);
    same_str(c->region_key, P->region_key);
    same_str(c->assessment, P->assessment);
    ck_assert_uint_eq(c->nregions, P->nregions);
    same_str(c->regions[1].name, P->regions[1].name);
    same_str(c->regions[1].aliases[1], P->regions[1].aliases[1]);
    ck_assert_uint_eq(c->nscopes, P->nscopes);
    ck_assert(c->nscopes > 0);
    ck_assert_ptr_ne(c->scopes[0].regions, P->scopes[0].regions);
    for (uint32_t i = 0; i < P->ntargets; i++) {
        same_str(c->targets[i].name, P->targets[i].name);
        same_str(c->targets[i].desc, P->targets[i].desc);
        same_str(c->targets[i].note, P->targets[i].note);
        same_str(c->targets[i].clause, P->targets[i].clause);
        same_str(c->targets[i].source, P->targets[i].source);
        same_str(c->targets[i].measured_src, P->targets[i].measured_src);
        ck_assert_uint_eq(c->targets[i].nscope, P->targets[i].nscope);
    }
    same_str(c->measures[1].lead[1], P->measures[1].lead[1]);
    same_str(c->measures[0].responsible[0], P->measures[0].responsible[0]);
    same_str(c->bands[1], P->bands[1]);
    ck_assert_double_eq(c->band_min[0], P->band_min[0]);
    ck_assert_uint_eq(c->capsteps, c->nsteps);
    arena_free(&A);
    arena_init(&A);
    P = NULL;
    char *after = dump_text(c);
    ck_assert_str_eq(after, before);
    free(before);
    free(after);
    arena_free(&B);
}
END_TEST

/* --dump-ir lists each level's text after its name, as the rules write
 * the string (escapes for a quote, a backslash, a line break), and a
 * level without one bare. */
START_TEST(dump_level_texts)
{
    compile_run("plan P { region 省 baseline 2023 horizon 2035 }\n"
                "levels province \"省\", area, city \"the \\\"big\\\" one\\\\\\nnext\"\n"
                "region 省 : province\nregion 甲 : city in 省\n"
                "indicator x : %, column \"x\"\n"
                SECTION("一", "    measure (一) \"m\" {\n        target x >= 92% by 2027\n    }\n"), NULL);
    char *text = dump_text(P);
    ck_assert_msg(strstr(text, "\nlevels: province \"省\", area, city \"the \\\"big\\\" one\\\\\\nnext\"\n"),
                  "%s", text);
    free(text);
}
END_TEST

/* Every function over regions or years keeps its operand as written
 * (ir_label) for planc explain: one label per step, a step shared by two
 * calls labelled once, the labels renumbered with the steps when dead
 * steps are removed, and copied by ir_copy. */
START_TEST(labels)
{
    compile_run("plan p { region 省 baseline 2020 horizon 2030 }\n"
                "levels province, city\nregion 省 : province\nregion 甲, 乙 : city in 省\n"
                "agency 厅\nunit t\n"
                "indicator x : t, column \"x\"\nindicator y : t, column \"y\"\n"
                ONE("        target a : total(city, x / y) <= 2 by 2030\n"
                    "        target b : total(city, x / y) >= 1 by 2030\n"
                    "        target c for city : x <= lowest(x  +  y) by 2030\n"
                    "        target d for city : cumulative(x - prev(x)) <= 5 t by 2030\n"),
                NULL);
    const char *want[] = {"x / y", "x  +  y", "x - prev(x)"};
    uint32_t found[3] = {0};
    for (uint32_t i = 0; i < P->nlabels; i++) {
        const ir_label *lb = &P->labels[i];
        ck_assert_uint_lt(lb->step, P->nsteps);
        ck_assert(ir_is_barrier(P->steps[lb->step].op));
        ck_assert_ptr_eq(ir_label_of(P, lb->step), lb->text);
        for (int k = 0; k < 3; k++)
            if (strcmp(lb->text, want[k]) == 0)
                found[k]++;
    }
    /* one step each (a and b share theirs): a total read in the
     * baseline year is the same step read there (IR_SHIFT); a cumulative
     * reads its operand in the row's year and in the baseline year */
    const uint32_t nwant[] = {1, 1, 2};
    for (int k = 0; k < 3; k++)
        ck_assert_msg(found[k] == nwant[k], "%s: %u labels", want[k], found[k]);
    /* every barrier step has one label, and no other step has one */
    uint32_t nbarriers = 0;
    for (uint32_t i = 0; i < P->nsteps; i++)
        if (P->steps[i].op == IR_SHARE || P->steps[i].op == IR_PEER || P->steps[i].op == IR_CUMSUM) {
            ck_assert_ptr_nonnull(ir_label_of(P, i));
            nbarriers++;
        }
    ck_assert_uint_eq(P->nlabels, nbarriers);
    arena B;
    arena_init(&B);
    ir_program *c = ir_copy(&B, P);
    ck_assert_uint_eq(c->nlabels, P->nlabels);
    for (uint32_t i = 0; i < P->nlabels; i++) {
        ck_assert_uint_eq(c->labels[i].step, P->labels[i].step);
        ck_assert_str_eq(c->labels[i].text, P->labels[i].text);
        ck_assert_ptr_ne(c->labels[i].text, P->labels[i].text);
    }
    arena_free(&B);
}
END_TEST

static Suite *lower_suite(void)
{
    Suite *s = suite_create("lower");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, threshold);
    tcase_add_test(tc, threshold_lower);
    tcase_add_test(tc, threshold_baseline_met);
    tcase_add_test(tc, milestones);
    tcase_add_test(tc, every_year_and_redline);
    tcase_add_test(tc, baseline_year);
    tcase_add_test(tc, expected_without_value);
    tcase_add_test(tc, complete_rated_bool);
    tcase_add_test(tc, trends);
    tcase_add_test(tc, peaks);
    tcase_add_test(tc, share);
    tcase_add_test(tc, present_only_with_shares);
    tcase_add_test(tc, scopes);
    tcase_add_test(tc, shifts);
    tcase_add_test(tc, parents);
    tcase_add_test(tc, units);
    tcase_add_test(tc, expressions);
    tcase_add_test(tc, score_override);
    tcase_add_test(tc, rollup_reweight);
    tcase_add_test(tc, rollup_zero);
    tcase_add_test(tc, rollup_error_like_reweight);
    tcase_add_test(tc, no_assessment);
    tcase_add_test(tc, structure);
    tcase_add_test(tc, copy);
    tcase_add_test(tc, level_texts);
    tcase_add_test(tc, labels);
    tcase_add_test(tc, dump_level_texts);
    tcase_add_test(tc, sharing);
    tcase_add_test(tc, many_constants);
    suite_add_tcase(s, tc);
    /* large programs: seconds here, minutes if lowering turned quadratic */
    TCase *big = tcase_create("scale");
    tcase_add_checked_fixture(big, setup, teardown);
    tcase_set_timeout(big, 90);
    tcase_add_test(big, many_targets_are_linear);
    suite_add_tcase(s, big);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lower_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
