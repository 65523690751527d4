/* summary.h — the tables of docs/PERFORMANCE.md from a results file.
 *
 * A results file holds the "KEY VALUE" lines the measuring commands of
 * planc-bench print (plus a few run.sh adds: env.*, cli.*).  summary_print
 * turns them into markdown: compile latency, kernel ns/row and ratios,
 * bytes per second against the measured bandwidth, end-to-end growth, and
 * each target of issue 3 with pass / miss / not measured. */
#ifndef PLANC_BENCH_SUMMARY_H
#define PLANC_BENCH_SUMMARY_H

#include <stdio.h>

/* Prints the summary of the results at `path`.  Returns 0, or 1 when the
 * file cannot be read. */
int summary_print(const char *path, FILE *out);

#endif
