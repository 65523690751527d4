/* exec.h — running a scoring program over a table.
 *
 * A program is run as segments: maximal runs of elementwise steps between
 * barrier steps (IR_PEAK, IR_SHARE).  The runtime runs barriers itself over
 * whole columns; an engine (the reference interpreter, or the JIT) runs the
 * segments over row ranges.
 *
 * Only some slots are kept as whole columns ("materialized"): the results a
 * report needs (each target's status, value, goal, expected and score, each
 * measure's and section's score, total, veto, grade), the operands of
 * barrier steps, the results of barrier steps, and every slot read by a
 * step of a later segment.  Every other slot is a temporary of its segment,
 * which an engine may keep in registers or in a small per-block buffer.
 *
 * Constants (IR_CONST) and inputs (IR_INPUT) are never materialized, even
 * when a report or a later step reads them: a column holding one number,
 * or a copy of a column the table already has, would only cost memory and
 * bandwidth.  Readers take them from the program and the table instead
 * (rt_result_value; rt_result_column gives an input's table column).  So
 * an operand below a segment's first step is either a materialized column,
 * computed before the segment runs, or a constant or an input, which the
 * engine computes itself.  (A plan whose caller marks such a slot
 * materialized, as explain.c does, gets it written like any other.) */
#ifndef PLANC_EXEC_H
#define PLANC_EXEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ir.h"
#include "table.h"

/* A segment: steps [from, to), none of them a barrier. */
typedef struct exec_segment {
    uint32_t from, to;
} exec_segment;

/* Splits p into segments and barriers; marks materialized slots.  The
 * arrays are malloc'd; free with exec_plan_free.  Segments are in step
 * order and never empty; every step not in a segment is a barrier. */
typedef struct exec_plan {
    exec_segment *segs;
    uint32_t nsegs;
    bool *materialized;          /* p->nsteps flags */
} exec_plan;

/* Returns 0, or -1 when the program is malformed (an operand not before its
 * step, an output slot or input index out of range); out is then empty. */
int exec_plan_make(const ir_program *p, exec_plan *out);
void exec_plan_free(exec_plan *pl);

/* The columns a segment reads and writes, for rows [0, nrows). */
typedef struct exec_frame {
    size_t nrows;
    const double *const *inputs; /* p->ninputs columns, built by the table */
    double *const *cols;         /* p->nsteps entries: a column for each
                                    materialized slot, NULL for the others */
    const exec_plan *plan;       /* the segments and materialized flags */
} exec_frame;

/* An engine runs one segment for rows [lo, hi).  It must compute exactly the
 * semantics of ir.h and write every materialized slot of the segment for
 * those rows.  Calls for disjoint row ranges may run concurrently. */
typedef struct exec_engine {
    const char *name;
    void *self;
    void (*run_segment)(void *self, const ir_program *p, uint32_t segment,
                        const exec_frame *f, size_t lo, size_t hi);
} exec_engine;

/* Rows per run_segment call made by rt_run: the unit its threads take
 * from a shared counter. */
#define RT_CHUNK_ROWS 4096

typedef struct rt_result rt_result;

/* How rt_run_opts runs a program. */
typedef struct rt_options {
    /* Threads scoring rows, the calling thread included; 0 and 1 mean the
     * calling thread alone.  rt_run never starts more threads than there
     * are chunks of RT_CHUNK_ROWS rows, and when a thread cannot be
     * started it goes on with the ones it has.  Each segment's chunks are
     * shared out among the threads; barriers and the missing-data check
     * run on the calling thread between segments.  Every row is computed
     * by the same code whichever thread takes its chunk, so the results
     * are the same bits for every number of threads. */
    unsigned threads;
} rt_options;

/* Wall-clock milliseconds spent by rt_run_opts in each part of a run. */
typedef struct rt_timings {
    double kernel;     /* the segments (the engine), summed over segments */
    double barriers;   /* IR_PEAK and IR_SHARE steps */
    double check;      /* the `error` missing-data policy */
    unsigned threads;  /* threads that scored rows (1: the caller alone) */
} rt_timings;

/* Runs `p` over `t` with `engine` (NULL: the reference interpreter).
 * Returns NULL after printing a data error to `err` (e.g. a missing value
 * under the `error` missing-data policy).  rt_run uses one thread. */
rt_result *rt_run(const ir_program *p, const rt_table *t, const exec_engine *engine, FILE *err);

/* rt_run with options (NULL: one thread); when `timings` is not NULL it
 * receives the time of each part of the run. */
rt_result *rt_run_opts(const ir_program *p, const rt_table *t, const exec_engine *engine,
                       const rt_options *opts, rt_timings *timings, FILE *err);

/* Streaming: scoring and consuming the results chunk by chunk, so that no
 * result column of the whole table is ever held.  rt_run_stream scores
 * rounds of chunks (a chunk is a range of rows; a round has up to
 * rt_stream_places() chunks): the threads score the chunks of a round,
 * each into a frame of its own, and hand each scored chunk to `chunk`
 * while it is still in cache; then the calling thread calls `flush` for
 * the round's places in row order.  A consumer that formats text into
 * one buffer per place and writes it in `flush` produces the same bytes
 * whatever the number of threads. */
typedef struct rt_stream {
    void *ctx;
    /* Consumes rows [lo, hi) of r, a result over those rows alone (read it
     * with rt_result_value, rows lo..hi-1), into place `place`.  Called on
     * the scoring threads, concurrently for different places.  Returns 0,
     * or nonzero to stop the run. */
    int (*chunk)(void *ctx, const rt_result *r, size_t lo, size_t hi, unsigned place);
    /* Hands on what place `place` holds; on the calling thread, in row
     * order.  Returns 0, or nonzero to stop the run. */
    int (*flush)(void *ctx, unsigned place);
} rt_stream;

/* Whether rt_run_stream can run p: not under the `error` missing-data
 * policy (which must have seen every row before anything is written).
 * When p ends with a segment, that segment is streamed; the steps before
 * it (a barrier reads whole columns) are run first over whole columns,
 * and only their materialized columns are held for every row. */
bool rt_can_stream(const ir_program *p);

/* The most places a round of rt_run_stream uses with these options: the
 * consumer's buffers. */
unsigned rt_stream_places(const rt_options *opts);

/* Runs p over t as a stream into st (see rt_stream).  Returns 0; the first
 * nonzero value of a callback; or -1 after printing an error to err (a
 * program rt_can_stream refuses, a malformed program). */
int rt_run_stream(const ir_program *p, const rt_table *t, const exec_engine *engine,
                  const rt_options *opts, const rt_stream *st, rt_timings *timings, FILE *err);

/* The first row in [lo, hi) of r where a target's value, goal or
 * expected value is infinite (a number that overflowed a double in a
 * formula, a total, a sum over years); -1 when there is none.  Sets
 * *target to that target.  `planc run` reports it (rt_overflow_error)
 * rather than write inf. */
long rt_first_overflow(const ir_program *p, const rt_result *r, size_t lo, size_t hi,
                       uint32_t *target);
/* What an overflowing number is computed from, as that error names it,
 * given the data columns it reads (ir_columns_read from its slot): "column
 * 'a', column 'b'" (the first three, then "and N more"), or "the rules'
 * numbers"; malloc'd.  planc build's libraries say the same. */
char *rt_overflow_reads(const ir_program *p, const uint32_t *cols, uint32_t ncols);
/* Prints the data error for such a row: FILE:LINE, the target, region,
 * year, which number overflowed and the columns it is computed from. */
void rt_overflow_error(const ir_program *p, const rt_table *t, const rt_result *r, size_t row,
                       uint32_t target, FILE *err);
/* Whether a target's number overflowed on some row of r (rt_first_overflow
 * over the whole table): true after printing the error of the first such
 * row (rt_overflow_error).  The data error that `planc run`, `planc
 * explain` and `planc test` report alike (exit 3; a test fails). */
bool rt_check_overflow(const ir_program *p, const rt_table *t, const rt_result *r, FILE *err);

/* The number of online processors (at least 1): the default of -j. */
unsigned rt_default_threads(void);
void rt_result_free(rt_result *r);

/* The column of a materialized slot, or the table's column of an input
 * slot (rt_table_nrows values); NULL for any other slot (a constant, a
 * temporary of a segment, a slot out of range). */
const double *rt_result_column(const rt_result *r, uint32_t slot);

/* The value of `slot` on `row`: its column's, a constant's number, or the
 * input's cell; NaN for a slot that has none (a temporary, out of range),
 * or a row the result does not hold.  The result reads the table it was
 * run over, which must outlive it.  (Rows are the table's: a chunk of
 * rt_run_stream holds rows lo..hi-1.) */
double rt_result_value(const rt_result *r, uint32_t slot, size_t row);

/* A walk up the regions (ir.h ir_upwalk) over arrays of its own, as
 * rt_share, the rows added above the data's and explain need it;
 * rt_up_free releases them. */
void rt_up_init(ir_upwalk *w, const ir_program *p);
void rt_up_free(ir_upwalk *w);

/* The mean of n values whose sum, added in order, is `sum`, and whose
 * sum with each value scaled by 2^-40 (multiplied by 0x1p-40, added in
 * the same order) is `scaled`.  Values near the largest double make the
 * sum overflow although their mean does not: the mean is then the scaled
 * sum's, scaled back (scaled / n * 2^40, finite for fewer than 2^40
 * values).  Every other mean is sum / n, with the bits it always had;
 * so is a mean of values of which one is infinite (a formula that
 * overflowed).  Every mean planc computes goes through it: peer and share
 * averages (ir.h; the AOT glue has a copy), the `mean` aggregate of the
 * data and the roll-ups' mean value. */
double rt_mean_of(double sum, double scaled, double n);

/* The barriers, as rt_run runs them over whole columns (exported for the
 * tests): step `s` (an IR_PEAK / IR_SHARE / IR_PEER / IR_CUMSUM, IR_CUMMAX,
 * IR_SHIFT or IR_PARENT) of p, reading column `a`, writing column `out`, over every
 * row of t. */
void rt_peak(const ir_program *p, const rt_table *t, const ir_step *s,
             const double *a, double *out);
void rt_share(const ir_program *p, const rt_table *t, const ir_step *s,
              const double *a, double *out);
void rt_peer(const ir_program *p, const rt_table *t, const ir_step *s,
             const double *a, double *out);
void rt_cumsum(const ir_program *p, const rt_table *t, const ir_step *s,
               const double *a, double *out);
void rt_shift(const ir_program *p, const rt_table *t, const ir_step *s,
              const double *a, double *out);
void rt_parent(const ir_program *p, const rt_table *t, const ir_step *s,
               const double *a, double *out);

/* The reference interpreter as an engine. */
const exec_engine *interp_engine(void);

#endif
