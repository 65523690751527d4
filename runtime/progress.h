/* progress.h — a progress line on a terminal for long runs.
 *
 * When a run lasts longer than about a second and stderr is a terminal,
 * planc shows one line there, redrawn in place at most ten times a second:
 *
 *   planc: read 1200000 rows, scored 480000 of 1200000 (40%), 1.9M rows/s
 *
 * and erases it when the run ends.  Nothing is shown when stderr is not a
 * terminal or with --quiet.  For tests, PLANC_PROGRESS=always shows it
 * whatever stderr is (--quiet still wins) and PLANC_PROGRESS_DELAY_MS sets
 * the delay before the first line (default 1000).
 *
 * Counting costs one relaxed atomic addition per data row read and per
 * chunk of rows scored, whether or not a line is shown. */
#ifndef PLANC_PROGRESS_H
#define PLANC_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "exec.h"
#include "ir.h"

typedef struct progress progress;

/* Starts counting, and a thread that draws the line on `out` when it
 * should be shown (see above); `quiet` turns it off.  Never NULL. */
progress *progress_start(FILE *out, bool quiet);

/* Counts data rows read (called by the table loader). */
void progress_count_read(size_t rows);

/* Says how many rows the run scores (the table's rows). */
void progress_set_total(progress *pg, size_t rows);

/* An engine that runs `inner` and counts the rows it scores; it lives as
 * long as pg.  Returns `inner` itself when no line is shown. */
const exec_engine *progress_engine(progress *pg, const exec_engine *inner, const ir_program *p);

/* Stops the thread, erases the line if one was drawn, frees pg. */
void progress_stop(progress *pg);

/* True when a line would be shown for this stream and options (the
 * terminal test and PLANC_PROGRESS). */
bool progress_wanted(FILE *out, bool quiet);

#endif
