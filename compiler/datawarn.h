/* datawarn.h — the warnings about the data a run reads (datawarn.c). */
#ifndef PLANC_DATAWARN_H
#define PLANC_DATAWARN_H

#include <stdbool.h>

#include "ir.h"
#include "report.h"
#include "table.h"
#include "pipeline.h"

/* Warns of each data column in % whose cells are all between 0 and 1
 * while a target on its indicator asks for more than 1% (">= 97%"): a
 * table of shares written as fractions (0.957 for 95.7%), which no row
 * could meet, and which would otherwise be scored as 0.957% without a
 * word.  Once per column, at the first such target; a column that also
 * holds a number above 1 (a share of 0.5% beside 95%) is left alone.
 * provider: the city's self-check (template --check), which can change
 * its cells, not the rules: the warning is at the row of the largest
 * cell and says how to write the cells. */
void dw_warn_fractions(compilation *c, const rt_table *t, lbl_lang lang, bool provider);

/* Warns of each target with a deadline (threshold, complete, rated) that
 * measures an indicator's column as read, where regions it applies to
 * have a row in the target's baseline year y0 with that column empty,
 * and a value in a later year before the first deadline: the trajectory
 * starts from the baseline value, so until the deadline such a region's
 * target is missing in every year it is not met, its value shown beside
 * the status, and the assessment leaves it out.  An evaluator's rating
 * first given in the plan's first year is the usual cause.  Once per
 * target, naming NO_BASE_SHOWN regions, with the two ways on. */
void dw_warn_no_base(compilation *c, const rt_table *t, lbl_lang lang);

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
 * cell of the expected size is left alone.  provider: as for
 * dw_warn_fractions, at the row and in the city's terms. */
void dw_warn_unit_factor(compilation *c, const rt_table *t, lbl_lang lang, bool provider);

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
void dw_warn_unjudged(compilation *c, const rt_table *t, const bool *judged, lbl_lang lang);

/* Warns, once per region, of a parent region whose rows planc added (it
 * has children in the data but no row of its own) and left without a
 * total and grade, since its assessment would leave out targets that read
 * its own data (docs/LANGUAGE.md §6): the results show an empty grade,
 * which a reader could take for a region not assessed at all.  At the
 * data file (the rows are missing from it), with a hint; the exit code is
 * not changed. */
void dw_warn_ungraded(const ir_program *p, const rt_table *t, report_ungraded *u, lbl_lang lang);

#endif
