/* diff.h — `planc diff`: what changed from one checked program to another
 * (docs/ADAPTING.md §"Reviewing an adaptation").
 *
 * Items are matched by name: regions (a region that `replaces` another is
 * matched with it), indicators, sections by id, measures by clause id,
 * targets by name.  Reported, grouped by section and measure: targets,
 * measures and sections added and dropped; for targets in both, what they
 * measure, their kind, goal values, deadlines, milestones, unit, scope,
 * weight, veto, score, clause, text and note; for measures, title, lead,
 * responsible and shared agencies, weight and section; for sections, title
 * and weight; regions, indicators, the plan and the assessment (missing
 * policy, score, grades); a values table region by region, and at each
 * target reading one, the regions it is judged on whose entry changed.  A target of
 * both whose coverage changed (a group's members, a region dropped,
 * replaced or moved) lists the regions it is judged on that it gains and
 * loses, and for each row of both the regions read below it (share,
 * total, lowest / highest / average over a level) that it gains and
 * loses.  Last, the texts of the new program that name places only the
 * old one has (its regions' names and aliases, its plan's name holding
 * one; places.h), in the new program's order.  And the `allow`s of the
 * rules (docs/LANGUAGE.md §12) of one program only, or whose reason
 * changed, each a warning's name at the declaration it is written in.  The output follows the old program's order,
 * with what only the new one has after it: the same inputs give the same
 * bytes. */
#ifndef PLANC_DIFF_H
#define PLANC_DIFF_H

#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "labels.h"
#include "model.h"

typedef enum diff_format { DIFF_TEXT, DIFF_JSON } diff_format;

/* One side of a diff: a checked program, the diagnostics context holding
 * its source files (for expressions as written), and its name. */
typedef struct diff_side {
    const sema_model *m;
    const diag_ctx *d;
    const char *path;
} diff_side;

/* Writes the differences from `old` to `new` to out, as a review report
 * (DIFF_TEXT) whose own words are in lang (`planc diff --lang`; the rules'
 * texts and expressions as written), or JSON (DIFF_JSON, schema in
 * docs/ADAPTING.md; lang is not used).  Returns the number of items that
 * differ (0: the programs are the same). */
unsigned diff_write(arena *a, const diff_side *old, const diff_side *new, diff_format f,
                    lbl_lang lang, FILE *out);

#endif
