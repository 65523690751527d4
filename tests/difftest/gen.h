/* gen.h — the differential tester's generator of random rule sets and data.
 *
 * dt_gen_rules writes a random but valid rules file (docs/LANGUAGE.md): a
 * plan with periods and keys, two or three levels of regions (aliases, a
 * top region without children), agencies, units with conversions, indicators
 * read from columns (some `in` another unit) or computed by formulas, and
 * sections of measures whose targets use every kind of condition
 * (milestones, every-year thresholds, red lines, complete, rated, falls,
 * rises, peaks with tolerance, share over a level) with scopes, prev /
 * baseline / at, min / max / clamp / abs / if / and / or / not / ismissing,
 * score overrides, weights, vetoes, notes and clauses; usually an assessment
 * (missing zero / reweight / error, a default score, weights, vetoes,
 * grade bands).  Expressions respect the checker's unit rules by
 * construction: every sub-expression is generated for a known dimension.
 *
 * dt_gen_data writes CSV data for such a program: rows in random order,
 * gaps in years, regions without rows, years before the baseline and after
 * the horizon, missing cells (empty and NA), zeros, negative values, -0,
 * huge magnitudes (1e300, the largest double) whose products overflow to
 * infinity, tiny ones (1e-300, subnormals), repeated values (ties for
 * falls/rises/peaks), yes/no cells in every accepted spelling, quoted
 * fields, CRLF line ends and a BOM.
 *
 * Everything is a pure function of the seed (our own splitmix64 PRNG, no
 * C library randomness), so a seed printed by a failing run reproduces the
 * same text on any machine. */
#ifndef PLANC_DIFFTEST_GEN_H
#define PLANC_DIFFTEST_GEN_H

#include <stddef.h>
#include <stdint.h>

/* A growable NUL-terminated text. */
typedef struct dt_buf {
    char *s;
    size_t len, cap;
} dt_buf;

/* Appends printf-formatted text. */
void dt_buf_printf(dt_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empties b, keeping its storage. */
void dt_buf_clear(dt_buf *b);
void dt_buf_free(dt_buf *b);

/* A seed for item `index` of a run seeded with `seed` (splitmix64 of both),
 * so each program and data set of a run can be replayed on its own. */
uint64_t dt_seed(uint64_t seed, uint64_t index);

/* What the data generator needs to know about a generated program. */
typedef struct dt_program dt_program;

/* Writes the rules of program `seed` into `rules` (appending) and returns
 * its description for dt_gen_data (free with dt_program_free). */
dt_program *dt_gen_rules(uint64_t seed, dt_buf *rules);

/* Writes a CSV data file for program g, chosen by `seed`, into `csv`
 * (appending). */
void dt_gen_data(const dt_program *g, uint64_t seed, dt_buf *csv);

void dt_program_free(dt_program *g);

#endif
