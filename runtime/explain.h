/* explain.h — why a region got its scores in a year (`planc explain`).
 *
 * For one row of a finished run, every target's derivation with the numbers
 * filled in: the data cells read (column, year, unit and conversion), the
 * baseline value, the goals and the current milestone, the expected value
 * on the trajectory, the status rule of docs/LANGUAGE.md §9 that applied,
 * the score formula with its operands, the weight and the contribution to
 * the measure, the section and the total, and the veto; then the measures,
 * sections, total and grade.
 *
 * The program should come from lower_program_explained, which keeps each
 * target's intermediate slots (ir_target.base, .deadline, ...); with a
 * plain lower_program the values it did not keep are shown as missing.
 * Every intermediate value is recomputed for the one row by the reference
 * interpreter from the same program and inputs (barrier results are taken
 * from the run), so it is exactly what the run computed. */
#ifndef PLANC_EXPLAIN_H
#define PLANC_EXPLAIN_H

#include <stdint.h>
#include <stdio.h>

#include "exec.h"
#include "report.h"
#include "ir.h"
#include "labels.h"
#include "table.h"

/* The region called `name` (a region's name or one of its aliases), or -1;
 * then near[0..*nnear) are the names to suggest for a did-you-mean: the
 * one `name` begins with (南京市 for 南京), else diag_nearest's (up to
 * three as near, or the one `name` abbreviates). */
long explain_find_region(const ir_program *p, const char *name, const char *near[3], int *nnear);

/* The target called `name`, or -1; near and *nnear as above (diag_nearest). */
long explain_find_target(const ir_program *p, const char *name, const char *near[3], int *nnear);

/* Writes the did-you-mean note of n (1 to 3) suggestions to err in lang:
 * "note: did you mean 'a', 'b' or 'c'?"; nothing when n is 0. */
void explain_suggest_note(FILE *err, lbl_lang lang, const char *const *near, int n);

/* Explains row `row` of the run: every target, or only target `target`
 * when it is >= 0.  As text in lang (`planc explain --lang`; the numbers,
 * operators and formulas and the rules' and the data's texts are the same
 * in every language), or as a JSON document (docs/OUTPUT.md) whose texts
 * are English, for programs.  Returns 0, -1 on a write error, or -2 when
 * the program is malformed (after saying so on `err`). */
int explain_text(const ir_program *p, const rt_table *t, const rt_result *r,
                 size_t row, long target, lbl_lang lang, FILE *out, FILE *err);
/* explain_json's `src`, when not NULL, is what the document says produced
 * it ("source", as the results' JSON has it); NULL leaves the key out. */
int explain_json(const ir_program *p, const rt_table *t, const rt_result *r,
                 size_t row, long target, const report_source *src, FILE *out, FILE *err);

#endif
