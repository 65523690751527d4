/* gen.h — the benchmark's deterministic generator of rules and data.
 *
 * A rule set is described by a gen_spec: regions C000001.. (cities of one
 * province P), years first_year.. (first_year is the year before the
 * baseline, so every region has a not_applicable row), indicators x1..,
 * targets T1.. of four kinds grouped into measures (1).. and sections S1..,
 * and optionally an assessment (missing reweight, weights, veto redlines,
 * grades).  From a spec, gen_rules writes the .plan text and gen_csv the
 * data; gen_column fills the same data as doubles for the hand-written
 * kernel, so both sides read bit-identical values.
 *
 * Every number is derived from the seed by a counter-based PRNG of our own
 * (splitmix64 over (seed, stream, a, b)), so any cell can be computed on its
 * own and the output never depends on the order of generation, the C
 * library or the machine.  Data values and goals are whole hundredths
 * (printed "%lld.%02lld", read back by strtod as exactly hundredths / 100.0). */
#ifndef PLANC_BENCH_GEN_H
#define PLANC_BENCH_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The kinds of generated targets (docs/LANGUAGE.md §6). */
typedef enum gen_kind {
    GEN_THRESHOLD,   /* x >= G by D (or <= on a `lower` indicator) */
    GEN_MILESTONES,  /* x >= G1 by D1, >= G2 by D2 */
    GEN_REDLINE,     /* redline: x >= G every year; a veto */
    GEN_TREND        /* x rises every year (falls on a `lower` indicator) */
} gen_kind;

/* One target. */
typedef struct gen_target {
    gen_kind kind;
    uint32_t ind;          /* indicator index */
    uint32_t measure;      /* measure index */
    uint32_t nms;          /* milestones: 1 (threshold, redline) or 2 */
    int64_t goal_h[2];     /* goals in hundredths */
    int deadline[2];
    int64_t weight_h;      /* weight in hundredths (100 = 1) */
    bool scoped;           /* `for city except C000001` */
} gen_target;

/* One indicator: its direction and the level its values scatter around. */
typedef struct gen_indicator {
    bool higher;           /* `higher` (else `lower`) is better */
    int64_t level_h;       /* typical value, hundredths */
} gen_indicator;

typedef struct gen_measure {
    uint32_t section;
    uint32_t weight;       /* in its section (whole numbers) */
} gen_measure;

/* A whole generated rule set and the shape of its data. */
typedef struct gen_spec {
    char name[32];         /* preset name, for messages */
    uint64_t seed;
    uint32_t nregions, nyears;
    int first_year, baseline, horizon;
    uint32_t nind, ntargets, nmeasures, nsections;
    gen_indicator *ind;
    gen_target *targets;
    gen_measure *measures;
    uint32_t *section_weight;
    bool assessment;       /* false: targets only (no roll-ups) */
    uint32_t missing_ppm;  /* chance of an empty cell, parts per million */
} gen_spec;

/* Grade bands of the generated assessment, best first (the last has no
 * bound): A >= 90, B >= 75, C >= 60, D. */
#define GEN_NBANDS 4
extern const double gen_band_min[GEN_NBANDS - 1];

/* Builds the spec of a preset for about `rows` data rows (rounded up to a
 * whole number of regions; at least one region).  Presets:
 *   liaoning  36 measures, 40 targets, 6 sections (the Liaoning size)
 *   t1000     1,000 targets over 250 indicators, 200 measures, 10 sections
 *   mem       16 red lines, no assessment (a memory-bound rule set)
 *   e2e       a threshold and a milestone target, no assessment (end-to-end
 *             runs: two result lines per row keep 4M rows within minutes)
 * Returns false for an unknown preset.  Free with gen_free. */
bool gen_make(gen_spec *s, const char *preset, size_t rows, uint64_t seed);
void gen_free(gen_spec *s);

/* Number of data rows: nregions * nyears. */
size_t gen_rows(const gen_spec *s);

/* Writes the rules file.  Returns 0, or -1 on a write error. */
int gen_rules(const gen_spec *s, FILE *out);

/* Writes the data as CSV (header, then rows by region then year).  Returns
 * 0, or -1 on a write error. */
int gen_csv(const gen_spec *s, FILE *out);

/* Fills col[0 .. gen_rows) with indicator `ind` for every row in CSV order,
 * NaN where the cell is empty. */
void gen_column(const gen_spec *s, uint32_t ind, double *col);

/* The year of row `row` (CSV order). */
int gen_year(const gen_spec *s, size_t row);

#endif
