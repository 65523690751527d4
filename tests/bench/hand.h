/* hand.h — the generated rules scored by hand-written C.
 *
 * This is what a person optimising the scoring of a gen_spec rule set by
 * hand would write: columnar arrays of doubles, rows processed in blocks
 * that stay in cache (the block size tuned on the machine), one branch-free loop per target over the block (so
 * gcc -O3 -march=native vectorises it), each measure rolled up right after
 * its targets while their scores are still in L1, then sections, total,
 * veto and grade.  hand.c is compiled with -O3 -march=native
 * -ffp-contract=off: the same IEEE operations in the same order as
 * docs/LANGUAGE.md §8-§9 and planc's lowering, so the results are equal to
 * planc's (checked by planc-bench before anything is timed).
 *
 * Two variants:
 *   minimal  writes what a person would keep: each target's status and
 *            score, its expected value (thresholds and milestones) and goal
 *            (milestones: it changes with the year), and the roll-ups.
 *            Values, constant goals and constant expected values are not
 *            copied (a report reads them from the inputs and the rules),
 *            nor is a roll-up of a single item (see hand_outputs).
 *   full     also writes every target's value, goal and expected columns,
 *            the column set planc's runtime materialises (runtime/exec.h),
 *            to separate the code generator's speed from that design. */
#ifndef PLANC_BENCH_HAND_H
#define PLANC_BENCH_HAND_H

#include <stdbool.h>
#include <stddef.h>

#include "gen.h"

/* The columns the kernel reads, n rows each, in the data's row order. */
typedef struct hand_inputs {
    size_t n;
    const double *year;
    const double *scope;        /* 1.0 where `for city except C0000001` holds */
    const double *const *v;     /* per indicator: the value */
    const double *const *base;  /* per indicator: its value in the baseline year */
    const double *const *prev;  /* per indicator: its value in the previous year */
} hand_inputs;

/* The columns it writes.  Per-target arrays are indexed by gen target
 * index; an entry a variant does not write is NULL.  A measure with a
 * single target has that target's score column (the mean of one score is
 * that score), a section with a single measure that measure's column, and
 * the total of a single section that section's: nothing is copied. */
typedef struct hand_outputs {
    double **status, **score, **goal, **expected, **value;
    double **measure, **section;
    double *total, *veto, *grade;
    double *mem;                /* the block all the columns are in */
} hand_outputs;

/* Allocates the columns variant `full` writes for n rows, and touches them
 * (so that timed runs take no page faults).  Returns false when out of
 * memory.  Free with hand_outputs_free. */
bool hand_outputs_alloc(hand_outputs *o, const gen_spec *s, size_t n, bool full);
void hand_outputs_free(hand_outputs *o);

/* Which per-target columns a variant writes for target i. */
bool hand_writes_goal(const gen_spec *s, uint32_t i, bool full);
bool hand_writes_expected(const gen_spec *s, uint32_t i, bool full);

/* Which inputs the kernel reads: base columns of indicator j, prev columns
 * of indicator j, the scope column. */
bool hand_needs_base(const gen_spec *s, uint32_t j);
bool hand_needs_prev(const gen_spec *s, uint32_t j);
bool hand_needs_scope(const gen_spec *s);

/* Scores every row, `block` rows at a time (the best block size depends on
 * the machine's caches and prefetchers: planc-bench tries several). */
void hand_run(const gen_spec *s, const hand_inputs *in, const hand_outputs *out, bool full,
              size_t block);

/* Bytes the kernel reads and writes per row (each column counted once). */
size_t hand_bytes_per_row(const gen_spec *s, bool full);

#endif
