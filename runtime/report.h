/* report.h — writing results. */
#ifndef PLANC_REPORT_H
#define PLANC_REPORT_H

#include <stdio.h>

#include "exec.h"

/* One result row: its region and year and the item columns of
 * docs/LANGUAGE.md §11 (a NULL text or a NaN number is an empty cell). */
typedef struct report_row {
    const char *region;
    int year;
    const char *kind, *id, *name, *clause, *lead, *status, *unit, *grade, *vetoes;
    double value, goal, expected, score, weight;
} report_row;

/* Calls fn for every result row, in the order of docs/LANGUAGE.md §11
 * (the one walk over the results that the CSV writer and the history
 * share).  Stops when fn returns nonzero and returns that value; else 0. */
int report_each_row(const ir_program *p, const rt_table *t, const rt_result *r,
                    int (*fn)(const report_row *row, void *ctx), void *ctx);

/* Writes the results as CSV (the format is in docs/LANGUAGE.md §11).
 * Returns 0, or -1 on a write error. */
int report_csv(const ir_program *p, const rt_table *t, const rt_result *r, FILE *out);

/* Formats v as report_csv prints numbers: "%.Ng" with the least N (1..17)
 * that strtod reads back as v, except that a positive exponent below 17 is
 * written out in plain digits when that needs no more significant digits
 * ("100", not "1e+02"; "1e+21" stays); -0 as "0"; NaN (missing) as "". */
void report_format_number(double v, char buf[32]);

#endif
