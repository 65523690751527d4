/* ir.h — the scoring program: a flat, typed list of column steps.
 *
 * The checker's output is lowered (lower.c) into one ir_program.  Both the
 * reference interpreter (runtime/interp.c) and the LLVM backend consume it;
 * nothing downstream of this header looks at the AST.
 *
 * Data model.  The data is a table of rows, one per (region, year), sorted by
 * region then year.  Every value is a double; a missing value is a NaN (any
 * NaN: the CSV reader never produces NaN for a present cell, because it
 * rejects "nan"/"inf" text as malformed).  Booleans are 0.0 / 1.0, statuses
 * are the ir_status codes below, grades are band indices: all as doubles, so
 * every step is a loop over arrays of doubles.
 *
 * Steps.  Step i computes column (slot) i from earlier slots, row by row.
 * Operands a, b, c are step indices < i.  Semantics, per row:
 *   IR_CONST   imm
 *   IR_INPUT   inputs[aux] (resolved by the runtime before the program runs)
 *   IR_NEG a, IR_ABS a                 NaN propagates
 *   IR_ADD/SUB/MUL a b                 IEEE; NaN propagates
 *   IR_DIV a b                         NaN if b == 0, else a / b
 *   IR_MIN/MAX a b                     NaN if either is NaN (not fmin!)
 *   IR_LT/LE/GT/GE/EQ/NE a b           NaN if either is NaN, else 1.0 / 0.0
 *   IR_AND/OR a b                      NaN if either is NaN, else 1.0 / 0.0
 *   IR_NOT a                           NaN if a is NaN, else a == 0 ? 1 : 0
 *   IR_SELECT a b c                    NaN if a is NaN, else a != 0 ? b : c
 *   IR_ISNA a                          1.0 if a is NaN else 0.0 (never NaN)
 *   IR_COALESCE a b                    a is NaN ? b : a
 *   IR_DEC15 a                         a rounded to 15 significant decimal
 *                                      digits (ir_decimal15); NaN and
 *                                      infinities as they are
 *   IR_PEAK a                          barrier, see below
 *   IR_SHARE a                         barrier, see below
 *   IR_PEER a                          barrier, see below
 *   IR_CUMSUM a                        barrier, see below
 *   IR_CUMMAX a                        barrier, see below
 *   IR_SHIFT a                         barrier, see below
 *   IR_PARENT a                        barrier, see below
 * No other floating-point flags are used: the interpreter and the JIT agree
 * bit for bit except where docs/PERFORMANCE.md documents reassociation.
 *
 * Barrier steps need other rows, so they run over whole columns in the
 * runtime (rt_peak / rt_share / rt_peer) and split the program into segments that the
 * JIT compiles as fused loops:
 *   IR_PEAK a (imm = tolerance as a fraction, aux = first year y0):
 *     row (r, y): NaN if y < y0 or any year t in [y0, y] of region r has no
 *     row or a NaN in a.  Otherwise, p = the first year in [y0, y] where a is
 *     largest; 1.0 if p < y and every t in (p, y] has
 *     a(t) - a(t-1) <= imm * |a(t-1)|, else 0.0.
 *   IR_SHARE a (aux = level index, imm = ir_sharekind):
 *     row (r, y) of a region with descendants at level aux, over the rows
 *     (d, y) of those descendants d, in row order (region, then year):
 *     IR_SHARE_PERCENT: 100 * (number where a == 1) / (number where a is not
 *     NaN), NaN if that number is 0;
 *     IR_SHARE_TOTAL: the sum of a, NaN unless every descendant at the level
 *     has a row (d, y) with a not NaN (a total that leaves a region out
 *     would look smaller than it is);
 *     IR_SHARE_LOWEST / HIGHEST / AVERAGE: the smallest, largest or mean of
 *     a where it is not NaN, NaN if there is none; the mean as for
 *     IR_PEER_AVERAGE below.
 *     NaN on rows of regions without descendants at that level.
 *   IR_PEER a (aux = ir_peerkind):
 *     row (r, y): the smallest (IR_PEER_LOWEST), largest (IR_PEER_HIGHEST)
 *     or mean (IR_PEER_AVERAGE) of a over the rows (d, y) of the table whose
 *     region d has r's level and where a is not NaN, r's own row included;
 *     NaN if there is none.  The mean adds the values in row order (region,
 *     then year), so every engine gets the same bits: with S their sum, T
 *     the sum of each value times 2^-40 (in the same order) and n their
 *     number, it is S / n, unless S is infinite and T is not (values near
 *     the largest double): then T / n * 2^40 (rt_mean_of).
 *   IR_CUMSUM a (aux = first year F; imm = the shift it is read with: a
 *   year Y >= 1 for "in year Y", else an offset k <= 0 for "k years from
 *   the row's"):
 *     row (r, y): S(r, Y') with Y' = imm >= 1 ? imm : y + imm, where
 *     S(r, F - 1) = 0, S(r, Y) = NaN for Y < F - 1, and for Y >= F
 *     S(r, Y) = a(r, F) + a(r, F + 1) + ... + a(r, Y) (added in that order)
 *     when every one of those years has a row of r with a not NaN, else NaN.
 *     The operand is read unshifted: the step applies the shift itself,
 *     since a sum over years cannot be built from one shifted input.
 *   IR_CUMMAX a (aux and imm as for IR_CUMSUM): the same with the largest
 *     value instead of the sum, M(r, Y) = max(a(r, F), ..., a(r, Y)), and
 *     M(r, Y) = NaN for every Y < F (the peak of no year is not known).
 *   IR_SHIFT a (imm = the shift, as for IR_CUMSUM: a year Y >= 1 for "in
 *   year Y", else an offset k < 0 for "k years from the row's"):
 *     row (r, y): a on the row (r, Y') with Y' = imm >= 1 ? imm : y + imm;
 *     NaN when the table has no row (r, Y').  It reads a barrier's result
 *     in another year: prev(average(x)) on row (r, y) is the IR_PEER step
 *     of x read on row (r, y - 1), so the average over the peers of r's
 *     level in year y - 1 (the rows (d, y - 1) where x is not NaN);
 *     at(total(city, x), 2025) is the IR_SHARE step read on (r, 2025),
 *     the sum over the regions below r in 2025; a target's baseline value
 *     b of such a condition is its value on (r, y0).  Like any time shift
 *     it is missing when r has no row in Y' (a parent region has one
 *     wherever a region below it has: the runtime adds it).  The shift
 *     applies to the whole barrier, operand included (the operand is
 *     lowered unshifted: a shift inside it, average(prev(x)), composes).
 *   IR_PARENT a (aux = a level index, or IR_PARENT_UP):
 *     row (r, y): a on the row (q, y), where q is r's parent (its
 *     region's `in`) for IR_PARENT_UP, else the first region at level aux
 *     up r's chain of parents; NaN when there is no such q or the table
 *     has no row (q, y).  (parent(parent(x)) reads the inner step on the
 *     parent's row: missing where the parent has no row, which
 *     parent(LEVEL, x) is not.)
 *
 * Time shifts ("the same region in another year") of the data are not
 * steps: an input names a data column and a shift, and the runtime builds
 * the shifted column (by a (region, year) index) before the program runs,
 * so kernels stay flat loops.  A row whose shifted year has no row reads
 * NaN.  A barrier's result read in another year is an IR_SHIFT step, which
 * the runtime computes the same way over the barrier's whole column. */
#ifndef PLANC_IR_H
#define PLANC_IR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "labels.h"

typedef enum ir_op {
    IR_CONST, IR_INPUT,
    IR_NEG, IR_ABS, IR_NOT, IR_ISNA,
    IR_ADD, IR_SUB, IR_MUL, IR_DIV, IR_MIN, IR_MAX,
    IR_LT, IR_LE, IR_GT, IR_GE, IR_EQ, IR_NE,
    IR_AND, IR_OR,
    IR_SELECT, IR_COALESCE,
    IR_PEAK, IR_SHARE, IR_PEER, IR_CUMSUM, IR_CUMMAX,
    IR_DEC15,
    IR_SHIFT,
    IR_PARENT,
    IR_NOPS
} ir_op;

/* IR_PARENT's aux for the region's own parent (not a level). */
#define IR_PARENT_UP UINT32_MAX

/* What an IR_PEER step computes over the peers of a row. */
typedef enum ir_peerkind { IR_PEER_LOWEST, IR_PEER_HIGHEST, IR_PEER_AVERAGE } ir_peerkind;

/* What an IR_SHARE step computes over the regions below a row's region
 * (share(), total(), and lowest() / highest() / average() with a level);
 * held in the step's imm. */
typedef enum ir_sharekind {
    IR_SHARE_PERCENT, IR_SHARE_TOTAL, IR_SHARE_LOWEST, IR_SHARE_HIGHEST, IR_SHARE_AVERAGE
} ir_sharekind;

/* What a slot holds (all are doubles in memory). */
typedef enum ir_type { IR_NUM, IR_BOOL, IR_STATUS, IR_GRADE } ir_type;

/* Target statuses, as stored in IR_STATUS slots.  Never NaN. */
typedef enum ir_status {
    IR_ST_NA = 0,        /* not_applicable */
    IR_ST_MISSING = 1,   /* missing */
    IR_ST_FAILED = 2,    /* failed */
    IR_ST_LAGGING = 3,   /* lagging */
    IR_ST_ON_TRACK = 4,  /* on_track */
    IR_ST_MET = 5        /* met */
} ir_status;

typedef struct ir_step {
    ir_op op;
    ir_type type;
    uint32_t a, b, c;  /* operand slots */
    double imm;        /* IR_CONST value; IR_PEAK tolerance; IR_SHARE ir_sharekind;
                          IR_CUMSUM, IR_CUMMAX, IR_SHIFT shift */
    uint32_t aux;      /* IR_INPUT input index; IR_PEAK first year; IR_SHARE level;
                          IR_PEER ir_peerkind; IR_CUMSUM, IR_CUMMAX first year;
                          IR_PARENT level or IR_PARENT_UP */
} ir_step;

/* A run of years of a `values` table row with years (`北京 = 21% in
 * 2024..2026`): one region's value in the years from..to and the row's
 * note (NULL: none).  The value is NaN only after an error. */
typedef struct ir_yearrun {
    int from, to;
    double value;
    const char *note;
} ir_yearrun;

/* The index of the first of runs[start[r] .. start[r + 1]) (rising and
 * disjoint) that starts after year, start[r + 1] when none does: a binary
 * search.  start must not be NULL. */
uint32_t ir_year_run_after(const uint32_t *start, const ir_yearrun *runs, uint32_t r, long year);

/* Region r's run holding year among runs[start[r] .. start[r + 1])
 * (rising and disjoint: a binary search), or NULL when none holds it or
 * start is NULL. */
const ir_yearrun *ir_year_run(const uint32_t *start, const ir_yearrun *runs, uint32_t r, long year);

/* A time shift of an input: none, relative (year + rel), or absolute (year). */
typedef struct ir_shift {
    bool absolute;
    int year;          /* absolute year when `absolute` */
    int rel;           /* offset in years otherwise (0 = the row's own year) */
} ir_shift;

typedef enum ir_inputkind {
    IR_IN_DATA,        /* data column `column`, shifted by `shift`, times `scale` */
    IR_IN_YEAR,        /* the row's year */
    IR_IN_SCOPE,       /* 1.0 if the row's region is in scopes[scope], else 0.0 */
    IR_IN_PRESENT,     /* 1.0 if the row is in the data, 0.0 if the runtime
                          added it (a parent region's row for share targets) */
    IR_IN_TABLE        /* an indicator's `values` table: the row's region's
                          value (ir_table_value), in the row's year shifted
                          by `shift` when the table gives years */
} ir_inputkind;

typedef struct ir_input {
    ir_inputkind kind;
    uint32_t column;   /* IR_IN_DATA: index into columns */
    ir_shift shift;
    double scale;      /* unit conversion from the column's unit (1.0 if none) */
    uint32_t scope;    /* IR_IN_SCOPE */
    const double *values; /* IR_IN_TABLE: one per region (nregions), NaN where
                          the table gives none */
    /* IR_IN_TABLE whose rows give years: the years year0 .. year0 +
     * nyears - 1 they span, and region r's runs of years
     * runs[run_start[r] .. run_start[r + 1]) (ir_year_run); in a year no
     * run of r holds, values[r].  nyears is 0 (and shift zero, the runs
     * NULL) for a table that holds in every year.  Sparse: the memory is
     * the rows', not regions times years. */
    int year0;
    uint32_t nyears;
    const uint32_t *run_start;
    const ir_yearrun *runs;
    /* IR_IN_TABLE, for planc explain: the indicator, its unit, and per
     * region the note of the row that gives its value (NULL: none; a
     * run's own note in the years of a run) */
    const char *indicator, *unit;
    const char *const *notes;
    /* IR_IN_TABLE: the table is the one row --set NAME=VALUE gave (an
     * `else` row no rules wrote: explain says it was set, no more) */
    bool set;
    /* IR_IN_TABLE with a level's or the `else` row (NULL: every value is
     * a region's own row's): those rows, for the engines, planc explain
     * and the reports (ir_valshared) */
    const struct ir_valshared *shared;
} ir_input;

/* Where a region's value in a `values` table comes from: the row that names
 * it, the row of its level (`city = 40`), or the `else` row, in that
 * order of precedence (sema check_values counts them so). */
typedef enum ir_valfrom { IR_VAL_OWN, IR_VAL_LEVEL, IR_VAL_ELSE } ir_valfrom;

/* The rows of a `values` table that name a level (`city = 40`) or are the
 * `else` row, kept as rows (not spread over the regions): slot l <
 * nslots - 1 is level l's row, slot nslots - 1 the `else` row.  Per slot
 * the row without `in` (values, NaN: none; notes) and the runs of years of
 * its rows with `in`, runs[run_start[s] .. run_start[s + 1]) (run_start
 * NULL when no row has years).  Per region: its level's slot (slot;
 * nslots - 1 when it has no level) and which row gives its every-year
 * value (from, an ir_valfrom).  A region's value in a year is its own
 * row's, else its level's, else the `else` row's, within each the row
 * with `in` that year before the row without (ir_values_run). */
typedef struct ir_valshared {
    uint32_t nslots;
    const double *values;
    const char *const *notes;
    const uint32_t *run_start;
    const ir_yearrun *runs;
    const uint32_t *slot;
    const uint8_t *from;
} ir_valshared;

/* The run of years that gives region r its value in year, by the
 * precedence above, from the region's own runs (own_start/own_runs, as
 * ir_year_run's; own_start NULL: none) and sh (NULL: no shared rows), with
 * which row gives it (*from, may be NULL); NULL when the region's
 * every-year value holds (values[r], from sh->from[r]).  own_given: the
 * region has its own row without `in`. */
const ir_yearrun *ir_values_run(const uint32_t *own_start, const ir_yearrun *own_runs, bool own_given,
                                const ir_valshared *sh, uint32_t r, long year, ir_valfrom *from);

/* A unit of the rules for the data reader: its name as written, its
 * dimension written over the base units (unit_dimstr: "亩" for 万亩 and
 * 公顷 = 15 亩, "1" for %, ‰ and 万吨/吨), and its size in those base
 * units (万亩: 10000).  Two units convert into each other when their
 * dimensions are the same text; the value then multiplies by the ratio
 * of the factors. */
typedef struct ir_unit {
    const char *name, *dim;
    double factor;
} ir_unit;

/* A data column the rules read. */
typedef enum ir_coltype { IR_COL_NUM, IR_COL_BOOL } ir_coltype;
/* How the cells of a region's rows in one year are combined into one value
 * (the data may then hold several rows per region and year): none (one
 * row each), their mean (in the order of the rows, as IR_PEER_AVERAGE's:
 * finite for finite cells), sum, minimum or maximum, how many are not
 * missing, or the percentage of those that meet `agg_op agg_limit`. */
typedef enum ir_aggkind {
    IR_AGG_NONE, IR_AGG_MEAN, IR_AGG_SUM, IR_AGG_MIN, IR_AGG_MAX, IR_AGG_COUNT, IR_AGG_SHARE
} ir_aggkind;
/* A text map (docs/LANGUAGE.md §4, `map NAME { "green" = 4, ... }`): the
 * numbers that texts of a data column stand for, applied by the data
 * reader to each cell of a column read through it (`column "c" as NAME`)
 * before the cell is read as a number.  Texts are matched exactly, after
 * the trimming every cell gets.  `sorted` orders the texts by length,
 * then bytes, for ir_map_find. */
typedef struct ir_textmap {
    const char *name;
    const char *const *texts;   /* in the order written */
    const uint32_t *lens;       /* strlen of each text */
    const double *values;       /* NaN: the text reads as missing */
    const uint32_t *sorted;     /* indices into texts, by (length, bytes) */
    uint32_t n;
    bool else_missing;          /* a text not in the map reads as missing,
                                   else it is a data error */
} ir_textmap;

/* The index of the text s[0..n) in map m, or -1 when m has no such text. */
long ir_map_find(const ir_textmap *m, const char *s, size_t n);

typedef struct ir_column {
    const char *name;       /* header name in the data file */
    ir_coltype type;        /* BOOL cells accept 1/0, yes/no, true/false, 是/否 */
    const char *indicator;  /* the indicator that reads it, for messages */
    /* The conversion into that indicator's unit, for `planc explain`: the
     * column's unit (`in UNIT`, else the indicator's), the indicator's, and
     * how a cell is converted: divided by `divisor` when it is not 0 (an
     * exact integral ratio), else multiplied by `factor`. */
    const char *unit, *indicator_unit;
    double divisor, factor;
    ir_aggkind agg;
    ir_op agg_op;           /* IR_AGG_SHARE: IR_LT .. IR_NE */
    double agg_limit;       /* IR_AGG_SHARE: compared with each cell as read */
    const char *agg_text;   /* the aggregate as written ("share <= 75"), NULL for none */
    bool per_year;          /* the name holds "{year}": the file has a column per
                               year ("C{year}": C2015, C2016, ...) and no year column */
    const ir_textmap *map;  /* the text map its cells are read through, or NULL */
} ir_column;

typedef struct ir_region {
    const char *name;
    uint32_t level;         /* index into levels */
    int32_t parent;         /* index into regions, -1 for none */
    const char **aliases;   /* other spellings accepted in the data's region column */
    uint32_t naliases;
    bool is_group;          /* a regional group: it holds its members */
    const uint32_t *members; uint32_t nmembers; /* a group's members (indices) */
    const uint32_t *groups; uint32_t ngroups;   /* the groups listing this region */
} ir_region;

/* A walk from a region up to every region above it: its parent and the
 * groups listing it, then theirs, each region once (a region may be above
 * another along several paths: 太原 is in 山西 and in 京津冀及周边, both in
 * 全国).  The caller gives two arrays of nregions entries; a walk costs
 * the number of regions it reaches. */
typedef struct ir_upwalk {
    const struct ir_program *p;
    uint32_t *mark;         /* per region: the number of the walk that reached it */
    uint32_t *stack;        /* regions reached, not yet returned */
    uint32_t n;
    uint32_t walk;          /* this walk's number (never 0) */
    int32_t last;           /* the region returned last, whose holders are not
                               yet pushed; -1 for none or pruned */
} ir_upwalk;

/* A set of regions (a target's scope), as a list of region indices. */
typedef struct ir_scope {
    uint32_t *regions;
    uint32_t n;
} ir_scope;

/* One goal of a target and its deadline, as written in the rules: for
 * reports that draw the goals (the goal and expected value of each row are
 * in the target's slots). */
typedef struct ir_milestone {
    ir_op op;          /* IR_LT .. IR_NE: how the value is compared with the goal */
    double goal;       /* in the target's unit; NaN for a `peaks by` deadline
                          and for a goal read from the data */
    const char *goal_src; /* a goal read from the data: its expression as
                          written ("耕地保护目标"); NULL for a constant */
    bool has_tolerance; /* the goal has a tolerance (zero-initialised: none) */
    double tolerance;  /* `tolerance t` in the target's unit, when it has one
                          (docs/LANGUAGE.md §9: ir_judged_goal; ir_tolerance) */
    int deadline;      /* 0: none (the goal holds every year) */
    int track;         /* before the deadline, which side of the trajectory
                          is on track: +1 higher, -1 lower, 0 always (bool
                          indicators, no direction) */
} ir_milestone;

/* A slot a target does not have (ir_target's explanation slots). */
#define IR_NO_SLOT UINT32_MAX

/* One target and the slots holding its results. */
typedef struct ir_target {
    const char *name;
    const char *desc;       /* text from the plan, or NULL */
    const char *kind;       /* "threshold", "redline", "complete", "rated", "falls", "rises", "peaks" */
    const char *unit;       /* the unit of value/goal/expected, as written */
    const char *clause;     /* e.g. "(九)" */
    uint32_t measure;       /* index into measures */
    double weight;          /* in its measure */
    bool veto;              /* failing fires a veto */
    uint32_t *columns;      /* data columns it reads (for missing-data messages) */
    uint32_t ncolumns;
    uint32_t status, value, goal, expected, score; /* slots */
    /* Thresholds: their goals in order; `peaks by D`: one entry with a NaN
     * goal and deadline D; none for trends and peaks without a deadline. */
    const ir_milestone *milestones;
    uint32_t nmilestones;
    /* What `planc explain` shows (filled by lower.c). */
    const char *measured_src; /* the measured expression as written */
    const char *measured_formula; /* when that is one formula indicator:
                               its formula as written, else NULL */
    const char *score_src;  /* the score expression that applies, as written
                               (the target's own, else the assessment's);
                               NULL: the score rule of docs/LANGUAGE.md §9 */
    bool own_score;         /* score_src is the target's own `score` */
    const char *source;     /* "FILE:LINE" of the declaration */
    /* Where the driver's warnings about a run point (a span of diag.h in
     * the compilation's source files: file id, byte range): the target's
     * scope (`for 某省`), or its whole declaration when it has none. */
    uint32_t src_file, src_lo, src_hi;
    const char *origin;     /* in an extended program, how the target differs
                               from the base's: "overridden at FILE:LINE (base
                               FILE:LINE, clause (九)): condition" (also added,
                               rescoped); NULL for a target as written */
    const char *note;       /* `note "..."`, or NULL */
    bool boolean;           /* the value is yes/no (a bool indicator) */
    bool redline;           /* declared with `redline` */
    double tolerance;       /* peaks: the tolerance as a fraction */
    int y0;                 /* the baseline year it is judged from: the plan's,
                               or its own (`baseline Y`, docs/LANGUAGE.md §6) */
    bool scoped;            /* false: every region */
    const uint32_t *scope;  /* when scoped: region indices, ascending */
    uint32_t nscope;
    /* Slots of the judgement's intermediate values.  lower_program keeps
     * them only when a result needs them (IR_NO_SLOT otherwise);
     * lower_program_explained keeps them all (IR_NO_SLOT only where the
     * target's kind has no such value). */
    uint32_t base;          /* b: the value in the baseline year */
    uint32_t deadline;      /* the current milestone's deadline (NaN: none) */
    uint32_t start_year;    /* where the current milestone's trajectory */
    uint32_t start_value;   /*   starts: (y0, b), else the previous milestone */
    uint32_t dscore;        /* the default score (§9) before any score
                               expression, 0..100 */
} ir_target;

typedef struct ir_measure {
    const char *id;         /* "(九)" */
    const char *title;
    uint32_t section;       /* index into sections */
    const char **lead;      /* lead agencies; when `shared`, the agencies
                               that share the work, none of them a lead */
    uint32_t nlead;
    const char **responsible;
    uint32_t nresponsible;
    bool shared;            /* agencies act 按照职责分工负责, no single lead */
    double weight;          /* in its section */
    uint32_t score;         /* slot (NaN when no target counts) */
} ir_measure;

typedef struct ir_section {
    const char *id;
    const char *title;
    double weight;
    uint32_t score;         /* slot */
} ir_section;

typedef enum ir_missing { IR_MISSING_NONE, IR_MISSING_ZERO, IR_MISSING_REWEIGHT, IR_MISSING_ERROR } ir_missing;

/* The whole scoring program with everything the runtime needs to read the
 * data and report results.  All memory belongs to the compilation's arena. */
/* The operand of a function over regions or years as written in the
 * rules (`碳排放量 / GDP` of `total(city, 碳排放量 / GDP)`), so that planc
 * explain can name what it ranged over: step is an IR_PEER, IR_SHARE,
 * IR_CUMSUM or IR_CUMMAX step. */
typedef struct ir_label {
    uint32_t step;
    const char *text;
} ir_label;

typedef struct ir_program {
    const char *plan, *title;
    int baseline, horizon;
    const char *region_key, *year_key;   /* data column names */

    const char **levels; uint32_t nlevels;
    const char **level_texts; /* per level, the rules' text for it (`city
                                 "市州"`) or NULL (the array itself may be NULL) */
    ir_region *regions; uint32_t nregions;
    ir_scope *scopes; uint32_t nscopes;
    ir_column *columns; uint32_t ncolumns;
    ir_input *inputs; uint32_t ninputs;

    ir_step *steps; uint32_t nsteps, capsteps;
    ir_label *labels; uint32_t nlabels, caplabels; /* at most one per step */

    ir_target *targets; uint32_t ntargets;
    ir_measure *measures; uint32_t nmeasures;
    ir_section *sections; uint32_t nsections;

    bool has_assessment;     /* false: only target rows are reported */
    const char *assessment;
    ir_missing missing;
    uint32_t total;          /* slot: weighted mean of section scores */
    uint32_t veto;           /* slot: 1.0 if any veto target failed on the row */
    uint32_t grade;          /* slot: band index (NaN: no total and no veto) */
    const char **bands; uint32_t nbands; /* band names, best first; the last is the veto band */
    const double *band_min;  /* nbands - 1 lower bounds of the bands but the
                                last, descending (for planc explain) */
    /* The targets an adapted plan renamed (`override target OLD as NEW`),
     * renamed_from[k] to renamed_to[k], a base's before its adaptation's:
     * the results history records them, and compare matches rows by them. */
    const char **renamed_from, **renamed_to; uint32_t nrenames;
    /* The regions it renamed (`override region OLD as NEW`) or replaced
     * (`region NEW replaces OLD`), likewise. */
    const char **region_from, **region_to; uint32_t nregion_renames;
    /* The indicators it renamed (`override indicator OLD as NEW`),
     * likewise: compare lists them (its rows are its targets', whose names
     * an indicator's rename leaves). */
    const char **ind_from, **ind_to; uint32_t nind_renames;
    /* The base regions it dropped (`drop region A`, `drop regions`), each
     * with where the drop is ("ext.plan:6"): the data reader and planc
     * explain say so of a region that names one (ir_region_fate). */
    const char **region_dropped, **region_dropped_at; uint32_t nregion_drops;
    /* Every unit the rules declare (the data reader's note on a cell that
     * writes one after its number: `59 万吨`). */
    const char **unit_names; uint32_t nunit_names;
    /* Every unit the rules know, declared or used (a column's, an
     * indicator's, a target's, a values table's), each once, with its
     * dimension and size (ir_unit): the same note tells whether the unit
     * a cell writes converts into its column's. */
    const struct ir_unit *units; uint32_t nunits;
    /* The aliases those regions and the replaced ones had (region_alias[k],
     * "沈阳市"), each with its region's name (region_alias_of[k], "沈阳"):
     * ir_region_fate reads such a name as the region's. */
    const char **region_alias, **region_alias_of; uint32_t nregion_aliases;
} ir_program;

/* The unit of the rules called name[0..n) (p->units), or NULL. */
const ir_unit *ir_unit_find(const ir_program *p, const char *name, size_t n);

/* The escape a rules string writes character c with (`\"`, `\\`, `\n`,
 * `\t`: the lexer's), or NULL for c itself: --dump-ir and planc diff
 * write a text as the rules would, so that one with a quote or a line
 * break reads back as one string. */
const char *ir_string_escape(char c);

/* The word a reader is shown for level l of p, in lang: the rules' own
 * text for it (`city "市州"`) in every language, as an indicator's display
 * name is, else lbl_level's word for its identifier; "" past the levels. */
const char *ir_level_word(const ir_program *p, uint32_t l, lbl_lang lang);

/* Builder (used by lower.c): appends a step and returns its slot. */
struct arena;
uint32_t ir_emit(struct arena *a, ir_program *p, ir_op op, ir_type t,
                 uint32_t x, uint32_t y, uint32_t z, double imm, uint32_t aux);
uint32_t ir_const(struct arena *a, ir_program *p, ir_type t, double v);

/* Records `text` as the operand of barrier step `step` (lower.c labels a
 * step once, when it is first emitted). */
void ir_label_step(struct arena *a, ir_program *p, uint32_t step, const char *text);

/* Scratch for walks over the steps of one program (ir_columns_read),
 * from an arena: per step the walk that reached it last, a stack, per
 * column whether this walk saw it, and the last walk's columns. */
typedef struct ir_reads {
    uint32_t *stamp, *stack, *cols;
    uint8_t *seen;
    uint32_t walk;
} ir_reads;
void ir_reads_init(ir_reads *r, struct arena *a, const ir_program *p);
/* The data columns that steps roots[0..n) of p are computed from (through
 * every operand, barriers' too), ascending in r->cols; returns how many. */
uint32_t ir_columns_read(ir_reads *r, const ir_program *p, const uint32_t *roots, uint32_t n);
/* The operand text recorded for `step`, or NULL. */
const char *ir_label_of(const ir_program *p, uint32_t step);

/* The name of an op / a status / a type as printed by --dump-ir and reports. */
const char *ir_opname(ir_op op);
/* The language's name of an IR_PEER kind ("lowest", ...); "?" if none. */
const char *ir_peername(uint32_t kind);
/* The language's function of an IR_SHARE step's kind (its imm): "share",
 * "total", "lowest", ...; "?" if none. */
const char *ir_sharename(double kind);
const char *ir_statusname(int st);

/* The value of a values-table input (IR_IN_TABLE) for a region in a year,
 * the year already shifted (the row's year plus in->shift, or its absolute
 * year), and the note of the row that gives it (NULL: none) when note is
 * not NULL.  NaN where the table gives the region no value that year. */
double ir_table_value(const ir_input *in, uint32_t region, long year, const char **note);
/* The run of years that gives region its value in year (its own row's,
 * its level's or the else row's: ir_values_run), or NULL when its
 * every-year value values[region] holds. */
const ir_yearrun *ir_table_run(const ir_input *in, uint32_t region, long year);

/* Whether some region of the program's nregions takes its value from run
 * `run` of shared slot s (a level's or the else row with `in`) in one of
 * the run's years, by ir_values_run's precedence: a noted row no region
 * takes (every city has a row of its own in those years) is no source of
 * the rules' values (the reports' sources, report_notes_make).  Costs the
 * regions of the slot and their runs, not regions times years. */
bool ir_table_shared_taken(const ir_input *in, uint32_t nregions, uint32_t s, const ir_yearrun *run);
/* Whether region r takes its value from run `run` of shared slot s in one
 * of the run's years, by ir_values_run's precedence (own_start, own_runs,
 * own_given: r's own rows, as there).  Costs the runs that cover the
 * run's years, not the years. */
bool ir_values_takes(const uint32_t *own_start, const ir_yearrun *own_runs, bool own_given,
                     const ir_valshared *sh, uint32_t r, uint32_t s, const ir_yearrun *run);
/* Which row of the table gives that value (ir_valfrom). */
ir_valfrom ir_table_from(const ir_input *in, uint32_t region, long year);
const char *ir_typename(ir_type t);
/* Number of operands (0..3) an op reads. */
int ir_arity(ir_op op);
/* v OP g as the IR computes it (IR_LT .. IR_NE): NaN when either is
 * missing, else 1 or 0. */
double ir_compare(ir_op op, double v, double g);
bool ir_is_barrier(ir_op op);

/* The region an IR_PARENT step with aux `up` reads for region r: r's
 * parent for IR_PARENT_UP, else the first region at level `up` up r's
 * chain of parents; -1 when there is none. */
int32_t ir_region_above(const struct ir_program *p, uint32_t r, uint32_t up);

/* A deep copy of p in arena `a`: every array and string p points to is
 * copied, so the arena p was built in (with the syntax tree and the
 * checked model) can be freed while the copy is in use.  The copy's steps
 * have no spare capacity. */
ir_program *ir_copy(struct arena *a, const ir_program *p);

/* What an adaptation did to a region, by a name the program does not
 * declare (a data row's, planc explain's --region): renamed or replaced it
 * (returns 1, *renamed the name the rules call it now, followed through
 * each later rename), or dropped it, by that name or the one its renames
 * led to (returns 2, *dropped that name, *dropped_at where the drop is,
 * "ext.plan:6"); else 0.  A name that was an alias of a region dropped or
 * replaced is read as that region's name (*alias_of, else NULL).  The name
 * is name[0..n), not NUL-terminated. */
int ir_region_fate(const ir_program *p, const char *name, size_t n, const char **renamed,
                   const char **dropped, const char **dropped_at, const char **alias_of);

/* Writes to f the note that goes with ir_region_fate's answer 2 about the
 * name name[0..n): where the rules drop it, through the renames and the
 * alias that led there; in lang (labels.h), through csv_message as the
 * data's other messages are. */
void ir_region_drop_note(FILE *f, lbl_lang lang, const char *name, size_t n, const char *dropped,
                         const char *dropped_at, const char *alias_of);

/* x rounded to 15 significant decimal digits ("%.15g" read back): the
 * decimal an evaluator computes for g - t (13.3 - 0.1 is 13.2, where
 * binary arithmetic gives a double above 13.2's, and a value of exactly
 * 13.2 would fail).  NaN and infinities are returned as they are.  The
 * engines compute IR_DEC15 with it (the JIT's code calls the same snprintf
 * and strtod), so every engine gets the same bits. */
double ir_decimal15(double x);

/* The slack of the on-track test (docs/LANGUAGE.md §9 rule 5): the
 * expected value e = b + (g - b) * (y - y0) / (D - y0) is computed in
 * doubles, each of its four operations rounding by at most half a unit in
 * the last place of a number no larger than |b| + |g|, so e lies within
 * 2^-50 max(|b|, |g|) of the exact line.  A value v reaches e when it is
 * short of it by at most IR_TRACK_SLACK * max(|b|, |g|), twice that bound:
 * a value exactly on the line in decimals then counts as on the line
 * (36.8 from 30.1 towards 50.2 in thirds, where e is
 * 36.800000000000004), and no value short of the line by more than e's
 * own error does.  explain says so when the slack decided. */
#define IR_TRACK_SLACK 0x1p-49

/* A milestone's tolerance t moves its goal g to the goal the target is
 * judged by (docs/LANGUAGE.md §9).  ir_goal_band gives g - t and g + t,
 * rounded to 15 significant digits (ir_decimal15) when t is not 0, as an
 * evaluator's decimal arithmetic gives them (13.3 - 0.1 is 13.2): for a
 * constant goal when the program is lowered, for a goal read from the data
 * on each row (lower.c emits the subtraction or addition and an IR_DEC15
 * step).  ir_loosen_sign says which one a milestone
 * is judged by: -1 (g - t) for '>=' and '>' and for '==' on a value where
 * higher is better, +1 (g + t) for '<=', '<' and '==' where lower is
 * better, 0 (g itself) for '==' without a direction and without a
 * tolerance; ir_judged_goal gives it. */
int ir_loosen_sign(const ir_milestone *m);
/* A milestone's tolerance, NaN for none. */
double ir_tolerance(const ir_milestone *m);
void ir_goal_band(const ir_milestone *m, double goal, double *lo, double *hi);
double ir_judged_goal(const ir_milestone *m, double goal);
/* Whether value v meets milestone m's goal g, tolerance included: v OP
 * ir_judged_goal(g), and g - t <= v <= g + t (ir_goal_band) for '==' with
 * a tolerance; NaN when either is missing, else 1 or 0. */
double ir_meets(const ir_milestone *m, double v, double g);
/* The current milestone of target tg in `year`: the first whose deadline
 * is >= the year (or that has none), else the last; -1 for none. */
long ir_current_milestone(const ir_target *tg, int year);
/* The first year target tg is judged in (docs/LANGUAGE.md §9 rule 1): the
 * year after its baseline year y0 for a target judged on the way from
 * the baseline (a goal with a deadline, a trend, peaks), whose baseline
 * year is the reference point; y0 itself for an every-year goal or a red
 * line.  lower.c's applicability test is this function (on the target's
 * kind and milestones, set before it lowers the target). */
int ir_first_judged_year(const ir_target *tg);

/* Whether target ti of p matters for a region's total or grade: it, its
 * measure and its section weigh something, or it is a veto.  On a row the
 * runtime added for a parent region, such a target that would apply but
 * reads the region's own data leaves the total and grade missing
 * (lower.c's added_incomplete; explain names them). */
bool ir_target_counts(const ir_program *p, uint32_t ti);

/* Whether target tg applies to region r: every region when it is not
 * scoped, else r among its scope (ascending: a binary search). */
bool ir_target_in_scope(const ir_target *tg, uint32_t r);

/* Whether target ti of p reads, on a row, a data column of the row's own
 * region in the row's year (an unshifted data input, or one that a peak
 * or a sum over years up to the row's year reads), other than through a
 * function over other regions' rows (share, total, the peer functions)
 * or a shift to another year.  Such a target cannot be judged on a row
 * the runtime added for a parent region: a share target that reads so
 * (its goal is the region's own column, say) is missing there, and that
 * makes the region's assessment incomplete as a target that does not
 * apply does (lower.c's added_incomplete, explain, the `error` policy's
 * message).  *column receives the first such column (may be NULL). */
bool ir_target_reads_own(const ir_program *p, uint32_t ti, uint32_t *column);

/* Prints the program readably (`planc check --dump-ir`). */
void ir_dump(const ir_program *p, FILE *out);

/* Walks up from regions (ir_upwalk): init once with two zeroed arrays of
 * p->nregions entries, start a walk from region r (r itself is not
 * returned), then ir_up_next gives each region above r once and -1 at
 * the end.  ir_up_prune, after ir_up_next, skips what lies above the
 * region it returned (unless reached another way). */
void ir_up_init(ir_upwalk *w, const ir_program *p, uint32_t *mark, uint32_t *stack);
void ir_up_start(ir_upwalk *w, uint32_t r);
int32_t ir_up_next(ir_upwalk *w);
void ir_up_prune(ir_upwalk *w);

#endif
