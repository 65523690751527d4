/* lower.h — from the checked model to the scoring program (ir.h).
 *
 * Each target becomes a branch-free chain of column steps computing its
 * value, goal, expected value, status and score (docs/LANGUAGE.md §9);
 * measures, sections, the total, vetoes and the grade follow as weighted
 * means and selects. */
#ifndef PLANC_LOWER_H
#define PLANC_LOWER_H

#include "arena.h"
#include "diag.h"
#include "ir.h"
#include "sema.h"

/* Lowers a model that checked without errors.  Never NULL. */
ir_program *lower_program(arena *a, diag_ctx *d, const sema_model *m);

/* The same program, keeping every target's explanation slots (ir_target:
 * base, deadline, start_year, start_value, dscore) even where no result
 * needs them, for `planc explain`.  Every result is the same as
 * lower_program's: the kept steps only add values. */
ir_program *lower_program_explained(arena *a, diag_ctx *d, const sema_model *m);

#endif
