/* rollup.h — the results summed up for evaluators: per region, per agency,
 * per target, for one year.
 *
 * A roll-up is computed from a finished run (the program, the table and the
 * result columns) and is plain data: arrays of structs that every report
 * (CSV, JSON, Excel, HTML) walks in the same order.  It copies nothing it
 * can point to: names point into the program (the compilation's arena), so
 * a roll-up must be freed before the compilation.  Its arrays are malloc'd;
 * rollup_free frees them all.
 *
 * The year.  Every roll-up is for one year of the data: the one asked for,
 * or by default the last year that has a row.  Only rows of that year count
 * (so "across regions" means the regions with a row in that year; a region
 * with no row that year is not in the roll-up).
 *
 * Statuses are counted over (target, region) pairs of the year.  Numbers
 * are NaN when missing, as in the results.  The target roll-up is per
 * target and level (rollup_target). */
#ifndef PLANC_ROLLUP_H
#define PLANC_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exec.h"
#include "ir.h"
#include "table.h"

/* How many (target, region) pairs have each status; `total` is their sum.
 * Indexed like ir_status: n[IR_ST_MET] is the number met. */
typedef struct rollup_counts {
    uint32_t n[IR_ST_MET + 1];
    uint32_t total;
} rollup_counts;

/* One region's row of the year. */
typedef struct rollup_region {
    uint32_t region;        /* index into p->regions */
    uint32_t level;         /* index into p->levels */
    int32_t parent;         /* the region it lies in (`in P`): index into
                               p->regions, -1 for none */
    int32_t top;            /* the region just below the root of its
                               hierarchy that it lies in or is (its
                               province under 全国 > province > city >
                               county): so that a report can filter every
                               region of a branch by one name; -1 for a
                               region without a parent */
    size_t row;             /* its row in the table */
    bool present;           /* false: a row the runtime added for share
                               targets (no data of its own) */
    double total;           /* total score; NaN without an assessment or
                               when no section has a score */
    int32_t grade;          /* index into p->bands, -1 when none */
    bool vetoed;            /* a veto target failed */
    uint32_t *vetoes;       /* the failed veto targets (indices into
                               p->targets), in program order */
    uint32_t nvetoes;
    uint32_t rank;          /* 1 = best among the roll-up's regions of the
                               same level; 0 = not ranked (no total) */
    uint32_t nranked;       /* how many regions of its level are ranked */
    rollup_counts counts;   /* statuses of its targets this year */
} rollup_region;

/* One measure across regions. */
typedef struct rollup_measure {
    uint32_t measure;       /* index into p->measures */
    rollup_counts counts;   /* statuses of its targets over the regions */
    double mean_score;      /* mean of the regions' measure scores that are
                               not missing; NaN when there is none */
} rollup_measure;

/* One agency: every measure it leads, or shares when the measure is
 * `shared` (agencies in ir_measure.lead).  Responsible agencies (责任单位)
 * are not accountable here. */
typedef struct rollup_agency {
    const char *name;       /* points into the program */
    uint32_t *measures;     /* indices into p->measures, ascending */
    uint32_t nmeasures;
    uint32_t *targets;      /* indices into p->targets of those measures,
                               ascending */
    uint32_t ntargets;
    rollup_counts counts;   /* statuses of those targets over the regions */
} rollup_agency;

/* The level of a target row that covers no level: the target applied to
 * no region in the year. */
#define ROLLUP_NO_LEVEL UINT32_MAX

/* One target across the regions of one level: how many met it and how the
 * values lie against the goal.  A target is rolled up per level because a
 * target without a scope is judged on the province's row and on each
 * city's, and a province total among city values would make the
 * distribution meaningless. */
typedef struct rollup_target {
    uint32_t target;        /* index into p->targets */
    uint32_t level;         /* index into p->levels: the row covers the
                               regions of that level; ROLLUP_NO_LEVEL: the
                               target applied to no region in the year, and
                               the row counts every region */
    rollup_counts counts;   /* statuses over those regions */
    uint32_t nvalues;       /* regions in scope (status not not_applicable)
                               with a value */
    /* Distribution of those values (in the target's unit): minimum,
     * quartiles (linear interpolation between order statistics, the
     * "type 7" rule of R and numpy: q(p) = x[h] + (h - floor h)(x[h+1] -
     * x[h]) with h = (n - 1) p, 0-based), maximum, mean.  NaN when
     * nvalues == 0. */
    double min, q1, median, q3, max, mean;
    /* The goal of the year: the common goal of those rows, or NaN when
     * the rows' goals differ (falls / rises: the previous year's value) or
     * no row has one; goal_varies is true when they differ.  Rows that are
     * not_applicable have no goal (report_target_goal). */
    double goal;
    bool goal_varies;
    /* Rows whose value is below / above their own row's goal (numerically,
     * whatever the direction); rows without a goal are in neither.  The
     * goal as stated, not loosened by a tolerance: the statuses carry the
     * judgement, these the distribution against the `goal` shown beside
     * them (docs/OUTPUT.md §2 says why). */
    uint32_t nbelow_goal, nabove_goal;
    double mean_score;      /* mean of the scores that are not missing; NaN
                               when there is none */
} rollup_target;

/* One target over every region of the year, all levels together: the
 * counts the measure and agency roll-ups add up, the goal a report can
 * caption the target with, and where its rows are in rollup.targets. */
typedef struct rollup_target_total {
    rollup_counts counts;   /* statuses over every region of the year */
    double goal;            /* as in rollup_target, over every level */
    bool goal_varies;
    uint32_t first, nrows;  /* its rows: targets[first .. first + nrows) */
} rollup_target_total;

/* A roll-up of one year. */
typedef struct rollup {
    int year;               /* the year rolled up */
    int *years;             /* every year in the table, ascending */
    uint32_t nyears;
    rollup_region *regions; /* regions with a row in `year`, in
                               declaration order */
    uint32_t nregions;
    uint32_t *by_rank;      /* indices into `regions`: by level (coarse
                               first), then rank (unranked last, in
                               declaration order) */
    uint32_t *level_first;  /* per level (p->nlevels + 1 entries): its
                               regions are by_rank[level_first[lv] ..
                               level_first[lv + 1]) */
    rollup_measure *measures; /* every measure, program order */
    uint32_t nmeasures;
    rollup_agency *agencies;  /* in order of first appearance in the
                                 measures' lead lists */
    uint32_t nagencies;
    rollup_target *targets;   /* a row per target and level: targets in
                                 program order, each with a row for every
                                 level (in declaration order) that has a
                                 region the target applied to in the year,
                                 or one ROLLUP_NO_LEVEL row when it applied
                                 to none */
    uint32_t ntargets;        /* rows in targets */
    rollup_target_total *totals; /* per target (p->ntargets), program order */
} rollup;

/* Rolls up year `year` of a run (0: the last year in the table).  Returns
 * NULL when the table has no row in that year (or no row at all). */
rollup *rollup_make(const ir_program *p, const rt_table *t, const rt_result *r, int year);
void rollup_free(rollup *ru);

/* One (region, target) pair off track in the roll-up year: the list a
 * reader briefing on the assessment starts from (who is behind on what,
 * since when, by how much; docs/OUTPUT.md §7 and §8). */
typedef struct rollup_offtrack {
    uint32_t region;        /* index into ru->regions */
    uint32_t target;        /* index into p->targets */
    int status;             /* IR_ST_FAILED or IR_ST_LAGGING */
    double value, goal, expected; /* as the results show them (NaN: none) */
    double gap;             /* how far the value is from what it is judged
                               against: |value - expected| when lagging
                               (the trajectory; the goal when there is no
                               expected value), |value - goal| when failed;
                               NaN for a yes/no target or a missing number */
    int since;              /* the first year of the run of years, ending
                               in the roll-up year, in which the region's
                               row has this target failed or lagging (the
                               table's years: a year without a row of the
                               region ends the run) */
    int prev;               /* the target's status in the region's row of
                               the table's year before the roll-up year;
                               -1 when there is no such row */
} rollup_offtrack;

/* The off-track pairs of ru's year, malloc'd (*n of them; NULL when
 * none): by level (coarse first); within a level the regions with a
 * failed veto target first, then by their failed and then lagging counts
 * (most first), then in rank order; within a region the failed veto
 * targets, the other failed ones, then the lagging ones, each in program
 * order.  So the regions furthest behind lead the list, where the
 * ranking puts them last. */
rollup_offtrack *rollup_offtrack_make(const ir_program *p, const rt_table *t, const rt_result *r,
                                      const rollup *ru, size_t *n);

/* The data's year before ru's year (the table's year before it, which
 * may be more than one year back), or 0 when ru's year is the first: the
 * year of the off-track and put-right lists' previous status, which the
 * page and the workbook name in its header ("status 2023"). */
int rollup_year_before(const rollup *ru);

/* The pairs off track in the data's year before ru's year and no longer
 * so (met or on_track) in ru's year: what was put right since the last
 * assessment, the counterpart of the off-track list's previous year.
 * rollup_offtrack entries (status: this year's; prev: the year before's;
 * since: ru's year; gap: NaN), by level, then the regions' rank order,
 * then program order; malloc'd (*n of them; NULL when none). */
rollup_offtrack *rollup_resolved_make(const ir_program *p, const rt_table *t, const rt_result *r,
                                      const rollup *ru, size_t *n);

/* Ranking rule, used by rollup_make: a region with a total ranks above one
 * without; among ranked regions of a level, a region without a veto ranks
 * above one with a veto (its grade is the last band whatever its score),
 * then higher totals rank higher; equal (veto, total) pairs share a rank
 * (1, 2, 2, 4).  Exported for the tests: the rank of each of n (total,
 * vetoed) pairs, written to rank[] (0 for a NaN total). */
void rollup_rank(const double *total, const bool *vetoed, uint32_t n, uint32_t *rank);

/* The quantile q (0..1) of n sorted values, by the rule above; NaN when
 * n == 0. */
double rollup_quantile(const double *sorted, uint32_t n, double q);

/* The years of the table, ascending and distinct: a malloc'd array of *n
 * years (free it). */
int *rollup_table_years(const rt_table *t, uint32_t *n);

/* True when the year has a row in the table. */
bool rollup_has_year(const rt_table *t, int year);

/* The three roll-ups, as `planc run --rollup KIND` names them. */
typedef enum rollup_kind { ROLLUP_REGION, ROLLUP_AGENCY, ROLLUP_TARGET } rollup_kind;

/* Parses "region", "agency" or "target"; false for anything else. */
bool rollup_parse_kind(const char *s, rollup_kind *kind);

/* The status names in the order reports list counts: met, on_track,
 * lagging, failed, missing, not_applicable (index i is status
 * rollup_status_order[i]). */
extern const int rollup_status_order[IR_ST_MET + 1];

/* Writes one roll-up as CSV (columns in docs/OUTPUT.md; numbers as in the
 * results; lists joined with ';').  Returns 0, or -1 on a write error. */
int rollup_write_csv(const ir_program *p, const rollup *ru, rollup_kind kind, FILE *out);

#endif
