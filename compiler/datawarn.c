/* datawarn.c — the warnings about the data a run reads (planc run, and
 * planc template's own file): shares given as fractions, a unit's factor,
 * a missing base, targets judged on no row, ungraded scores. */
#include "datawarn.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "diag.h"
#include "ir.h"
#include "msgcat.h"
#include "report.h"
#include "rtmem.h"
#include "table.h"
#include "warnings.h"
#include "cli.h"
#include "pipeline.h"

/* Warns of each data column in % whose cells are all between 0 and 1
 * while a target on its indicator asks for more than 1% (">= 97%"): a
 * table of shares written as fractions (0.957 for 95.7%), which no row
 * could meet, and which would otherwise be scored as 0.957% without a
 * word.  Once per column, at the first such target; a column that also
 * holds a number above 1 (a share of 0.5% beside 95%) is left alone. */
void dw_warn_fractions(compilation *c, const rt_table *t, lbl_lang lang, bool provider)
{
    const ir_program *p = c->ir;
    size_t n = rt_table_nrows(t);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *col = &p->columns[k];
        if (col->type != IR_COL_NUM || col->agg != IR_AGG_NONE || col->map || !col->indicator ||
            !col->unit || strcmp(col->unit, "%") != 0)
            continue;
        const ir_target *tg = NULL;
        double goal = 0;
        bool strict = false;
        for (uint32_t i = 0; i < p->ntargets && !tg; i++) {
            const ir_target *x = &p->targets[i];
            if (!x->measured_src || strcmp(x->measured_src, col->indicator) != 0 || !x->unit ||
                strcmp(x->unit, "%") != 0)
                continue;
            for (uint32_t m = 0; m < x->nmilestones && !tg; m++)
                if (!x->milestones[m].goal_src && x->milestones[m].goal > 1 &&
                    (x->milestones[m].op == IR_GE || x->milestones[m].op == IR_GT)) {
                    tg = x;
                    goal = x->milestones[m].goal;
                    strict = x->milestones[m].op == IR_GT;
                }
        }
        if (!tg)
            continue;
        const double *v = rt_table_column(t, k);
        long top = -1;
        bool fractions = true;
        for (size_t i = 0; i < n && fractions; i++) {
            if (isnan(v[i]))
                continue;
            fractions = v[i] >= 0 && v[i] <= 1;
            if (top < 0 || v[i] > v[top])
                top = (long)i;
        }
        if (!fractions || top < 0 || !(v[top] > 0))
            continue;
        char big[32], want[32];
        report_format_number(v[top], big);
        report_format_number(goal, want);
        if (provider) {
            diag_flush(&c->diag); /* the rules' own warnings first */
            warn_message(stderr, WARN_DATA_FRACTIONS,
                         msgcat_get(lang, "%s:%u: warning: column '%s' (indicator %s) is in %%, but holds only "
                                          "numbers from 0 to 1 (the largest %s, on this row), and %s '%s' asks for "
                                          "%s %s%%: write the cells as percentages (95.7, not 0.957)\n"),
                         rt_table_row_path(t, (size_t)top), rt_table_line(t, (size_t)top), col->name,
                         col->indicator, big, lbl_get(lang, tg->redline ? LBL_W_REDLINE : LBL_W_TARGET), tg->name,
                         lbl_get(lang, strict ? LBL_W_MORE_THAN : LBL_W_AT_LEAST), want);
            continue;
        }
        span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
        diag_warning(&c->diag, WARN_DATA_FRACTIONS, sp, lbl_get(lang, LBL_W_FRACTIONS), col->name, col->indicator, big,
                     rt_table_line(t, (size_t)top), rt_table_row_path(t, (size_t)top),
                     lbl_get(lang, tg->redline ? LBL_W_REDLINE : LBL_W_TARGET), tg->name,
                     lbl_get(lang, strict ? LBL_W_MORE_THAN : LBL_W_AT_LEAST), want);
        size_t rlen = strlen(col->name) + sizeof "'column \"\" in 1'";
        char *rule = malloc(rlen); /* the rules text, as typed */
        if (!rule) {
            fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
            exit(EXIT_INTERNAL);
        }
        snprintf(rule, rlen, "'column \"%s\" in 1'", col->name);
        diag_hint(&c->diag, lbl_get(lang, LBL_W_FRACTIONS_HINT), rule, col->indicator);
        free(rule);
    }
    diag_flush(&c->diag); /* under JSON, before the messages that follow */
}

/* How many regions dw_warn_no_base names before counting the rest. */
#define NO_BASE_SHOWN 3

/* Warns of each target with a deadline (threshold, complete, rated) that
 * measures an indicator's column as read, where regions it applies to
 * have a row in the target's baseline year y0 with that column empty,
 * and a value in a later year before the first deadline: the trajectory
 * starts from the baseline value, so until the deadline such a region's
 * target is missing in every year it is not met, its value shown beside
 * the status, and the assessment leaves it out.  An evaluator's rating
 * first given in the plan's first year is the usual cause.  Once per
 * target, naming NO_BASE_SHOWN regions, with the two ways on. */
void dw_warn_no_base(compilation *c, const rt_table *t, lbl_lang lang)
{
    const ir_program *p = c->ir;
    size_t n = rt_table_nrows(t);
    if (n == 0 || p->nregions == 0)
        return;
    /* per region: its row of year y0 (SIZE_MAX: none), found in one pass
     * over the rows for each y0 the targets use (the plan's, mostly), so
     * that a target costs the regions, not the rows, unless some region
     * has the cell empty; and seen[r]: 4 the cell of y0 empty, 2 a value
     * in a later year before the deadline, first[r] the first such year */
    size_t *at = malloc(p->nregions * sizeof *at);
    uint8_t *seen = malloc(p->nregions);
    int *first = malloc(p->nregions * sizeof *first);
    if (!at || !seen || !first) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    int at_year = 0; /* the y0 `at` holds, 0 for none yet */
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *tg = &p->targets[i];
        if (tg->redline || tg->nmilestones == 0 || tg->milestones[0].deadline <= tg->y0 || !tg->measured_src ||
            (strcmp(tg->kind, "threshold") != 0 && strcmp(tg->kind, "complete") != 0 &&
             strcmp(tg->kind, "rated") != 0))
            continue;
        long col = -1;
        for (uint32_t k = 0; k < p->ncolumns && col < 0; k++)
            if (p->columns[k].indicator && p->columns[k].agg == IR_AGG_NONE && !p->columns[k].per_year &&
                strcmp(p->columns[k].indicator, tg->measured_src) == 0)
                col = (long)k;
        if (col < 0)
            continue;
        if (at_year != tg->y0) {
            for (uint32_t r = 0; r < p->nregions; r++)
                at[r] = SIZE_MAX;
            for (size_t row = 0; row < n; row++)
                if (rt_table_year(t, row) == tg->y0 && rt_table_region(t, row) < p->nregions)
                    at[rt_table_region(t, row)] = row;
            at_year = tg->y0;
        }
        int deadline = tg->milestones[0].deadline;
        const double *v = rt_table_column(t, (uint32_t)col);
        bool any = false;
        for (uint32_t r = 0; r < p->nregions; r++) {
            seen[r] = at[r] != SIZE_MAX && isnan(v[at[r]]) &&
                              ir_target_in_scope(tg, r) ? 4 : 0;
            any |= seen[r] != 0;
        }
        if (!any)
            continue;
        for (size_t row = 0; row < n; row++) {
            uint32_t r = rt_table_region(t, row);
            int y = rt_table_year(t, row);
            if (r >= p->nregions || !seen[r] || y <= tg->y0 || y >= deadline || isnan(v[row]))
                continue;
            if (!(seen[r] & 2) || y < first[r])
                first[r] = y;
            seen[r] |= 2;
        }
        uint32_t count = 0;
        int from = 0;
        char *list = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&list, &len);
        if (!f) {
            csv_message(stderr, "planc: error: out of memory\n");
            exit(EXIT_INTERNAL);
        }
        for (uint32_t r = 0; r < p->nregions; r++) {
            if (seen[r] != (2 | 4))
                continue;
            if (count < NO_BASE_SHOWN)
                fprintf(f, "%s%s", count ? lbl_get(lang, LBL_U_NAME_SEP) : "", p->regions[r].name);
            count++;
            if (!from || first[r] < from)
                from = first[r];
        }
        if (count > NO_BASE_SHOWN)
            fprintf(f, msgcat_get(lang, " and %u more"), count - NO_BASE_SHOWN);
        fclose(f);
        if (count) {
            span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
            diag_warning(&c->diag, WARN_MISSING_BASELINE, sp,
                         msgcat_get(lang, "%s '%s' has no baseline value for %s: column '%s' is empty in %d and "
                                          "has values later; until its deadline (%d) it is missing in every year "
                                          "it is not met, since its trajectory starts from the baseline value"),
                         lbl_get(lang, LBL_W_TARGET), tg->name, list, p->columns[col].name, tg->y0, deadline);
            diag_hint(&c->diag,
                      msgcat_get(lang, "fill the %d cells, or give the target a baseline of its own, the first year "
                                       "with data: 'baseline %d' after its goals"),
                      tg->y0, from);
        }
        free(list);
    }
    free(at);
    free(seen);
    free(first);
}

/* Where a target's goal comes from on a data row, for dw_warn_unit_factor:
 * its first positive constant goal (constant; NaN when it has none),
 * else the first goal read from the data that is an indicator's `values`
 * table in the target's unit (table: the region's quota, 耕地保护任务 of
 * each town) or a data column read into the target's unit (column, an
 * index into the program's columns; -1 when none). */
typedef struct row_goal {
    double constant;
    const ir_input *table;
    long column;
    const char *src;    /* the goal as written, for table and column */
} row_goal;

/* The source of target tg's goal on a row (row_goal); false when it has
 * none planc can read before scoring (a goal computed from other
 * indicators, in a named year, in another unit). */
static bool row_goal_of(const ir_program *p, const ir_target *tg, row_goal *g)
{
    *g = (row_goal){.constant = NAN, .column = -1};
    for (uint32_t m = 0; m < tg->nmilestones; m++)
        if (!tg->milestones[m].goal_src && tg->milestones[m].goal > 0) {
            g->constant = tg->milestones[m].goal;
            return true;
        }
    for (uint32_t m = 0; m < tg->nmilestones; m++) {
        const char *src = tg->milestones[m].goal_src;
        if (!src)
            continue;
        for (uint32_t k = 0; k < p->ninputs; k++) {
            const ir_input *in = &p->inputs[k];
            if (in->kind == IR_IN_TABLE && in->indicator && strcmp(in->indicator, src) == 0 && in->unit &&
                strcmp(in->unit, tg->unit) == 0 && !in->shift.absolute && in->shift.rel == 0) {
                g->table = in;
                g->src = src;
                return true;
            }
        }
        for (uint32_t k = 0; k < p->ncolumns; k++) {
            const ir_column *col = &p->columns[k];
            if (col->type == IR_COL_NUM && col->agg == IR_AGG_NONE && !col->map && !col->per_year &&
                col->indicator && strcmp(col->indicator, src) == 0 && col->indicator_unit &&
                strcmp(col->indicator_unit, tg->unit) == 0) {
                g->column = (long)k;
                g->src = src;
                return true;
            }
        }
    }
    return false;
}

/* Target goal g on row `row` of t, in the target's unit: NaN when the row
 * has none (a region without a quota, an empty cell). */
static double row_goal_at(const ir_program *p, const rt_table *t, const row_goal *g, size_t row)
{
    if (!isnan(g->constant))
        return g->constant;
    if (g->table)
        return ir_table_value(g->table, rt_table_region(t, row), rt_table_year(t, row), NULL);
    const ir_column *col = &p->columns[g->column];
    double cell = rt_table_column(t, (uint32_t)g->column)[row];
    return col->divisor != 0 ? cell / col->divisor : cell * col->factor;
}

/* x rounded to six significant digits, for a message: a factor between
 * units (666.6666666666666 between 万亩 and 公顷) or a cell converted by
 * it (0.9187500000000001) is read as 666.667 and 0.91875. */
static double six_digits(double x)
{
    if (!(x != 0) || !isfinite(x))
        return x;
    double mag = pow(10, 5 - floor(log10(fabs(x))));
    return isfinite(mag) && isfinite(x * mag) ? round(x * mag) / mag : x;
}

/* x to 15 significant digits, the digits a number converted from
 * another unit means (a quota of 246666.7 公顷 is 370.00005 万亩, not
 * the 370.00005000000004 of its last bits), as a workbook's cell holds it. */
static double fifteen_digits(double x)
{
    char buf[32];
    if (!isfinite(x))
        return x;
    snprintf(buf, sizeof buf, "%.15g", x);
    return strtod(buf, NULL);
}

/* Warns of each data column read in a unit other than its indicator's
 * by a factor of 100 or more (`column "farmland_mu" in 亩` of an
 * indicator in 万亩) whose every positive cell, on the rows a target
 * with a goal applies to, is nearer that row's goal's number as written
 * than the goal in the column's unit: cells written in the indicator's
 * unit (40.15 for 40.15万亩 where the template asks for 亩), which no row
 * could meet, or every row meets by a factor of ten thousand.  Once per
 * column, at the first target with a constant goal and rows, as
 * dw_warn_fractions; when no such target has rows, at the first whose goal
 * is read on each row from a `values` table or a column in its unit (a
 * red line against each town's quota: row_goal_of).  A column with one
 * cell of the expected size is left alone. */
void dw_warn_unit_factor(compilation *c, const rt_table *t, lbl_lang lang, bool provider)
{
    const ir_program *p = c->ir;
    size_t n = rt_table_nrows(t);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *col = &p->columns[k];
        if (col->type != IR_COL_NUM || col->agg != IR_AGG_NONE || col->map || col->per_year || !col->indicator ||
            !col->unit || !col->indicator_unit)
            continue;
        /* an indicator's value is the cell times conv */
        double conv = col->divisor != 0 ? 1 / col->divisor : col->factor;
        if (!(conv > 0) || (conv > 0.01 && conv < 100))
            continue;
        /* pass 0: the targets with a constant goal; pass 1, when none of
         * them had rows: those with a goal read on each row */
        bool decided = false;
        for (int pass = 0; pass < 2 && !decided; pass++)
            for (uint32_t i = 0; i < p->ntargets && !decided; i++) {
                const ir_target *tg = &p->targets[i];
                if (!tg->measured_src || strcmp(tg->measured_src, col->indicator) != 0 || !tg->unit ||
                    strcmp(tg->unit, col->indicator_unit) != 0 || tg->boolean)
                    continue;
                row_goal g;
                if (!row_goal_of(p, tg, &g) || isnan(g.constant) != (pass == 1))
                    continue;
                const double *v = rt_table_column(t, k);
                long top = -1;
                double top_goal = NAN;
                bool off = true;
                for (size_t row = 0; row < n && off; row++) {
                    if (isnan(v[row]) || !(v[row] > 0) ||
                        !ir_target_in_scope(tg, rt_table_region(t, row)))
                        continue;
                    double goal = row_goal_at(p, t, &g, row);
                    if (!(goal > 0) || isinf(goal))
                        continue;
                    /* nearer the goal's number as the cell is than the goal in
                     * the column's unit (on a log scale: a province's sum in
                     * 万亩 is 20 times a city's goal, yet 500 times below it
                     * read as 亩) */
                    double as_written = fabs(log(goal / v[row])), as_read = fabs(log(goal / (v[row] * conv)));
                    off = as_written < as_read;
                    if (top < 0 || v[row] > v[top]) {
                        top = (long)row;
                        top_goal = goal;
                    }
                }
                if (top < 0)
                    continue;
                decided = true; /* the column's first target with a goal and rows decides */
                if (!off)
                    break;
                char big[32], bigc[32], want[32], fac[32];
                report_format_number(v[top], big);
                report_format_number(six_digits(col->divisor != 0 ? v[top] / col->divisor : v[top] * col->factor),
                                     bigc);
                report_format_number(fifteen_digits(top_goal), want);
                report_format_number(six_digits(conv < 1 ? 1 / conv : conv), fac);
                span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
                const char *what = lbl_get(lang, tg->redline ? LBL_W_REDLINE : LBL_W_TARGET);
                if (provider) {
                    diag_flush(&c->diag); /* the rules' own warnings first */
                    warn_message(stderr, WARN_UNIT_FACTOR,
                                 msgcat_get(lang, "%s:%u: warning: column '%s' (indicator %s) is in %s, but its values "
                                                  "look written in %s (a factor of %s): the largest, %s on this row, "
                                                  "is %s %s against the goal of %s '%s', %s %s: convert the cells "
                                                  "into %s\n"),
                                 rt_table_row_path(t, (size_t)top), rt_table_line(t, (size_t)top), col->name,
                                 col->indicator, col->unit, col->indicator_unit, fac, big, bigc, col->indicator_unit,
                                 what, tg->name, want, col->indicator_unit, col->unit);
                    break;
                }
                if (pass == 0)
                    diag_warning(&c->diag, WARN_UNIT_FACTOR, sp,
                                 msgcat_get(lang, "the values of column '%s' that %s '%s' reads look written in %s, "
                                                  "while the column is read in %s (a factor of %s): the largest, %s, "
                                                  "is %s %s against the goal %s %s (line %u of %s)"),
                                 col->name, what, tg->name, col->indicator_unit, col->unit, fac, big, bigc,
                                 col->indicator_unit, want, col->indicator_unit, rt_table_line(t, (size_t)top),
                                 rt_table_row_path(t, (size_t)top));
                else
                    diag_warning(&c->diag, WARN_UNIT_FACTOR, sp,
                                 msgcat_get(lang, "the values of column '%s' that %s '%s' reads look written in %s, "
                                                  "while the column is read in %s (a factor of %s): the largest, %s, "
                                                  "is %s %s against its goal on that row, %s = %s %s (line %u of %s)"),
                                 col->name, what, tg->name, col->indicator_unit, col->unit, fac, big, bigc,
                                 col->indicator_unit, g.src, want, col->indicator_unit,
                                 rt_table_line(t, (size_t)top), rt_table_row_path(t, (size_t)top));
                diag_hint(&c->diag,
                          msgcat_get(lang, "if the cells are in %s, read them so: 'column \"%s\" in %s' on "
                                           "indicator %s; else convert them into %s"),
                          col->indicator_unit, col->name, col->indicator_unit, col->indicator, col->unit);
            }
    }
}

/* The most targets dw_warn_unjudged describes one by one; the others are
 * named in one more warning (data for a region or two of a large plan
 * leaves dozens of targets without a row). */
#define UNJUDGED_SHOWN 10

/* The most targets of a group of dw_warn_unjudged after its first that have
 * a note at their place (the warning names them all). */
#define UNJUDGED_NOTES 4

/* Whether targets a and b cover the same regions (both scoped). */
static bool same_scope(const ir_target *a, const ir_target *b)
{
    if (a->nscope != b->nscope)
        return false;
    for (uint32_t i = 0; i < a->nscope; i++)
        if (a->scope[i] != b->scope[i])
            return false;
    return true;
}

/* Joins the names of the targets marked in pick with the name separator
 * of lang; malloc'd. */
static char *unjudged_names(const ir_program *p, const bool *pick, lbl_lang lang)
{
    size_t cap = 1;
    for (uint32_t i = 0; i < p->ntargets; i++)
        cap += strlen(p->targets[i].name) + strlen(lbl_get(lang, LBL_U_NAME_SEP));
    char *names = malloc(cap), *o = names;
    if (!names) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    *o = '\0';
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (pick[i])
            o += sprintf(o, "%s%s", o == names ? "" : lbl_get(lang, LBL_U_NAME_SEP), p->targets[i].name);
    return names;
}

/* Warns of the targets that no row of the run judged (not_applicable on
 * every row: a red line for a province whose data has only city rows);
 * such a target leaves no trace in the results but a column of
 * not_applicable, and a veto it should fire is silently absent.  Two or
 * more targets of the same regions unjudged because those regions have
 * no row (or no row of their own) are one warning at the data, saying
 * the regions lack rows once and naming the targets (a county with only
 * its towns' data leaves every county target so); each other target is
 * a warning at the target, saying why.  After UNJUDGED_SHOWN of these,
 * one warning names the rest.  The exit code is not changed. */
void dw_warn_unjudged(compilation *c, const rt_table *t, const bool *judged, lbl_lang lang)
{
    const ir_program *p = c->ir;
    if (rt_table_nrows(t) == 0)
        return;
    /* why[i]: report_unjudged_rows of each unjudged target; done[i] once
     * it is said in a group */
    int *why = rt_xcalloc(p->ntargets + 1, sizeof *why);
    bool *done = rt_xcalloc(p->ntargets + 1, sizeof *done);
    bool *pick = rt_xcalloc(p->ntargets + 1, sizeof *pick);
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (!judged[i])
            why[i] = report_unjudged_rows(p, t, &p->targets[i]);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        if (judged[i] || !why[i] || done[i])
            continue;
        unsigned n = 0;
        memset(pick, 0, p->ntargets * sizeof *pick);
        for (uint32_t j = i; j < p->ntargets; j++)
            if (!judged[j] && !done[j] && why[j] == why[i] && same_scope(&p->targets[i], &p->targets[j])) {
                pick[j] = true;
                n++;
            }
        if (n < 2)
            continue;
        for (uint32_t j = i; j < p->ntargets; j++)
            done[j] = done[j] || pick[j];
        char *regions = report_scope_names(p, &p->targets[i], lang), *names = unjudged_names(p, pick, lang);
        const char *fmt;
        if (p->targets[i].nscope == 1)
            fmt = why[i] == 1 ? "%s has no row in %s: the %u targets that cover only it are not_applicable on "
                                "every row of the data: %s"
                              : "%s has no row of its own in %s (planc adds rows for share targets only): the %u "
                                "targets that cover only it are not_applicable on every row of the data: %s";
        else
            fmt = why[i] == 1 ? "%s have no row in %s: the %u targets that cover only them are not_applicable on "
                                "every row of the data: %s"
                              : "%s have no row of their own in %s (planc adds rows for share targets only): the "
                                "%u targets that cover only them are not_applicable on every row of the data: %s";
        /* at the first target, the next few in notes (the message names
         * them all) */
        const ir_target *tg = &p->targets[i];
        diag_warning(&c->diag, WARN_UNJUDGED_TARGET, (span){.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi},
                     msgcat_get(lang, fmt), regions, rt_table_path(t), n, names);
        unsigned noted = 0;
        for (uint32_t j = i + 1; j < p->ntargets; j++) {
            if (!pick[j] || noted++ >= UNJUDGED_NOTES)
                continue;
            const ir_target *o = &p->targets[j];
            diag_note(&c->diag, (span){.file = o->src_file, .lo = o->src_lo, .hi = o->src_hi},
                      msgcat_get(lang, "%s '%s' is another of them"),
                      lbl_get(lang, o->redline ? LBL_W_REDLINE : LBL_W_TARGET), o->name);
        }
        if (noted > UNJUDGED_NOTES)
            diag_hint(&c->diag, msgcat_get(lang, "and %u more of them, named above"), noted - UNJUDGED_NOTES);
        free(regions);
        free(names);
    }
    uint32_t shown = 0, more = 0;
    memset(pick, 0, p->ntargets * sizeof *pick);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *tg = &p->targets[i];
        if (judged[i] || done[i])
            continue;
        if (shown == UNJUDGED_SHOWN) {
            pick[i] = true;
            more++;
            continue;
        }
        shown++;
        char *reason = report_unjudged_reason(p, t, tg, lang);
        span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
        diag_warning(&c->diag, WARN_UNJUDGED_TARGET, sp, lbl_get(lang, LBL_W_UNJUDGED),
                     lbl_get(lang, tg->redline ? LBL_W_REDLINE : LBL_W_TARGET), tg->name, reason);
        free(reason);
    }
    diag_flush(&c->diag); /* under JSON, before the messages that follow */
    if (more) {
        /* one line, its names joined (and escaped, as every message is) */
        char *names = unjudged_names(p, pick, lang);
        const char *fmt = lbl_get(lang, more == 1 ? LBL_W_UNJUDGED_MORE_ONE : LBL_W_UNJUDGED_MORE);
        int n = snprintf(NULL, 0, fmt, rt_table_path(t), more);
        char *head = malloc(n > 0 ? (size_t)n + 1 : 1);
        if (head && n >= 0) {
            snprintf(head, (size_t)n + 1, fmt, rt_table_path(t), more);
            warn_message(stderr, WARN_UNJUDGED_TARGET, "%s%s\n", head, names);
        } else {
            fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        }
        free(head);
        free(names);
    }
    free(pick);
    free(done);
    free(why);
}

/* Orders ungraded rows by region, then year. */
static int ungraded_cmp(const void *a, const void *b)
{
    const report_ungraded_row *x = a, *y = b;
    if (x->region != y->region)
        return x->region < y->region ? -1 : 1;
    return (x->year > y->year) - (x->year < y->year);
}

/* The most regions dw_warn_ungraded describes one by one. */
#define UNGRADED_SHOWN 5

/* Warns, once per region, of a parent region whose rows planc added (it
 * has children in the data but no row of its own) and left without a
 * total and grade, since its assessment would leave out targets that read
 * its own data (docs/LANGUAGE.md §6): the results show an empty grade,
 * which a reader could take for a region not assessed at all.  At the
 * data file (the rows are missing from it), with a hint; the exit code is
 * not changed. */
void dw_warn_ungraded(const ir_program *p, const rt_table *t, report_ungraded *u, lbl_lang lang)
{
    if (u->n == 0)
        return;
    qsort(u->rows, u->n, sizeof *u->rows, ungraded_cmp);
    uint32_t regions = 0, more = 0;
    bool unscoped = false;
    for (size_t i = 0; i < u->n;) {
        size_t j = i;
        while (j < u->n && u->rows[j].region == u->rows[i].region)
            j++;
        if (regions++ >= UNGRADED_SHOWN) {
            more++;
        } else {
            bool any;
            char *text = report_ungraded_text(p, t, &u->rows[i], j - i, lang, &any);
            warn_message(stderr, WARN_UNGRADED_REGION, "%s", text);
            free(text);
            unscoped = unscoped || any;
        }
        i = j;
    }
    if (more)
        warn_message(stderr, WARN_UNGRADED_REGION, lbl_get(lang, more == 1 ? LBL_U_MORE_ONE : LBL_U_MORE), rt_table_path(t), more);
    /* the hint once: a region's own rows, else (for a target on every
     * region) a scope that keeps it off the parent */
    /* the level below the first such region's, as the rules name it
     * (for city under a province, for town under a county) */
    char scope[256] = "";
    uint32_t below = p->regions[u->rows[0].region].level + 1;
    if (unscoped && below < p->nlevels)
        snprintf(scope, sizeof scope, lbl_get(lang, LBL_U_HINT_SCOPE), p->levels[below]);
    if (regions == 1)
        csv_message(stderr, lbl_get(lang, LBL_U_HINT_ONE), p->regions[u->rows[0].region].name, scope);
    else
        csv_message(stderr, lbl_get(lang, LBL_U_HINT), scope);
}
