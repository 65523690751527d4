/* model.h — the checked program: what sema_check resolves and lower.c reads.
 *
 * Every name is resolved to an index, every unit to a unit_t, every goal to
 * a number in the unit of the value it is compared with, every deadline to
 * a year, every scope to a list of regions.  Expressions stay ASTs, annotated
 * by the checker (ast_expr.sema: unit, type, and what a name or call refers
 * to), because lowering substitutes formulas and score contexts into them.
 * Everything lives in the compilation's arena.
 *
 * In a program that extends a base (docs/ADAPTING.md), each region,
 * indicator, section, measure and target that an extending file changed or
 * added carries the trace of that edit (`origin`, NULL otherwise): what
 * changed, the base's declaration and the adapting file's statement. */
#ifndef PLANC_MODEL_H
#define PLANC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "ir.h"
#include "sema.h"
#include "unit.h"

/* The type of an expression (ast_expr.sema.type).  0 until checked;
 * TY_ERROR after an error, so that one mistake is reported once. */
typedef enum sema_type { TY_NONE = 0, TY_NUM, TY_BOOL, TY_ERROR } sema_type;

/* What an EX_NAME or EX_CALL denotes (ast_expr.sema.ref). */
typedef enum sema_ref {
    REF_NONE = 0,
    REF_INDICATOR,          /* sema.index: the indicator */
    REF_VALUE, REF_GOAL, REF_BASE, REF_EXPECTED, REF_YEAR, REF_DEADLINE, /* score context */
    REF_DIRECTION,
    FN_MIN, FN_MAX, FN_CLAMP, FN_ABS,
    FN_PREV, FN_BASELINE,
    FN_AT,                  /* sema.index: the year */
    FN_SHARE,               /* sema.index: the level */
    FN_ISMISSING, FN_PROGRESS,
    FN_LOWEST, FN_HIGHEST, FN_AVERAGE, /* over the row's peers (ir.h IR_PEER); with a
                               level first, over the regions below the row's at
                               that level (sema.index: the level, ir.h IR_SHARE) */
    FN_CUMULATIVE,          /* sema.index: the first year summed */
    FN_TOTAL,               /* sema.index: the level (ir.h IR_SHARE) */
    FN_PEAKVALUE,           /* sema.index: the first year (ir.h IR_CUMMAX) */
    FN_PARENT               /* on the row of the region's parent (ir.h IR_PARENT) */
} sema_ref;

/* (The fields are ordered so that no padding falls between them: 96 bytes
 * instead of 112, for plans of hundreds of thousands of regions;
 * docs/PERFORMANCE.md.) */
typedef struct sema_region {
    const char *name;
    uint32_t level;         /* index into levels */
    int32_t parent;         /* index into regions, -1 for none */
    const char **aliases;
    const span *alias_sp;   /* where each alias is written */
    uint32_t naliases;
    span sp;
    const char *replaces;   /* the base region it replaces, or NULL */
    const ast_origin *origin;
    uint32_t *members;      /* a group's members: regions of finer levels (those
                               that resolved; the checker reports the others) */
    uint32_t *groups;       /* the groups that list this region as a member */
    uint32_t nmembers;
    uint32_t ngroups;
    bool renamed;           /* `replaces` is that region renamed (`override region OLD as NEW`) */
    bool is_group;          /* a regional group (`of A, B`) */
} sema_region;

typedef struct sema_indicator {
    const char *name;
    const char *display;    /* NULL when none was given */
    span sp;
    const unit_t *unit;
    sema_type type;         /* TY_BOOL for `bool` indicators, else TY_NUM */
    ast_direction dir;
    int32_t column;         /* index into columns, -1 for a formula indicator */
    const unit_t *column_unit; /* the data column's unit (`in UNIT`, else the indicator's) */
    ast_expr *formula;      /* NULL for a column indicator */
    double *values;         /* a `values { ... }` table: per region (NaN where
                               none is given), in the indicator's unit; else NULL */
    const char **value_notes; /* with values: per region, the `note` of the row
                               that gives its value, or NULL */
    /* With values whose rows give years (`= 21% in 2024`): the years
     * values_year0 .. values_year0 + values_nyears - 1 they span, and
     * region r's runs of years (each with its row's value and note)
     * values_runs[values_run_start[r] .. values_run_start[r + 1]), rising
     * and disjoint (ir_year_run finds a year's); values[r] holds in the
     * other years.  values_nyears is 0 (the runs NULL) otherwise. */
    int values_year0;
    uint32_t values_nyears;
    uint32_t *values_run_start;
    ir_yearrun *values_runs;
    /* With values whose table has a level's or the `else` row: those rows
     * as rows, each region's level's slot and where its every-year value
     * comes from (ir_valshared; a region's value in a year by
     * ir_values_run); values[r] and value_notes[r] are then the row
     * without `in` that gives the region (its own, its level's, else).
     * NULL when every row names regions. */
    ir_valshared *values_shared;
    const ast_decl *decl;   /* its declaration (column, units as written) */
    const ast_origin *origin;
} sema_indicator;

/* A text map (`map NAME { "green" = 4, ... }`, docs/LANGUAGE.md §4):
 * the numbers texts of a data column stand for. */
typedef struct sema_map {
    const char *name;
    const char *title;      /* NULL when none was given */
    const char **texts;     /* trimmed as cells are; in the order written */
    double *values;         /* per text: the number, NaN for missing */
    uint32_t *entries;      /* per text: its entry in decl (where its number is written) */
    uint32_t n;
    bool else_missing;      /* other texts read as missing (else: data errors) */
    const ast_decl *decl;
} sema_map;

/* A data column the rules read: one per indicator with a column (two
 * indicators may read one header column, each with its own conversion). */
typedef struct sema_column {
    const char *name;
    bool is_bool;
    uint32_t indicator;     /* the first indicator that reads it */
    ast_agg agg;            /* how its rows of a region and year combine */
    int32_t map;            /* the text map its cells are read through
                               (index into maps), -1 for none */
} sema_column;

/* One goal of a target, already in the target's unit. */
typedef struct sema_milestone {
    ast_op op;              /* OP_LT .. OP_NE */
    double goal;            /* in the target's unit (bool goals: 1 or 0); NaN
                               when goal_expr reads the data */
    const ast_expr *goal_expr; /* a goal that reads the data (a quota column),
                               checked, in its own unit; NULL for a constant */
    double tolerance;       /* `tolerance t`, in the target's unit, >= 0; NaN
                               when none was written (docs/LANGUAGE.md §9) */
    int deadline;           /* 0: none (the goal holds every year) */
    ast_direction track;    /* which side of the trajectory is on track (DIR_NONE: always) */
} sema_milestone;

typedef struct sema_target {
    const char *name;
    const char *desc;
    const char *note;
    const char *kind;       /* "threshold", "redline", "complete", "rated", "falls", "rises", "peaks" */
    ast_targetkind tk;
    bool redline;
    const char *clause;     /* "(九)" */
    uint32_t measure;       /* index into measures */
    ast_expr *measured;
    const unit_t *unit;     /* of the measured value */
    sema_type type;         /* of the measured value */
    sema_milestone *ms;     /* thresholds: the goals in order */
    uint32_t nms;
    int peak_by;            /* TG_PEAKS: deadline, 0 for none */
    int y0;                 /* the baseline year it is judged from: the plan's,
                               or its own `baseline Y` */
    bool own_y0;            /* y0 is the target's own */
    span y0_sp;             /* where its own was written */
    double tolerance;       /* TG_PEAKS: fraction */
    bool scoped;            /* false: every region */
    uint32_t *scope;        /* region indices, ascending */
    uint32_t nscope;
    double weight;          /* in its measure */
    bool veto;
    ast_expr *score;        /* its own score expression, or NULL */
    span sp;
    const ast_target *ast;  /* its declaration (scope and text as written) */
    const ast_origin *origin;
} sema_target;

typedef struct sema_measure {
    const char *id;         /* "(九)" */
    const char *title;
    uint32_t section;
    const char **lead;      /* lead agencies; for a shared measure, the
                               agencies that share the work */
    uint32_t nlead;
    const char **responsible; /* responsible agencies (责任单位) */
    uint32_t nresponsible;
    bool shared;
    double weight;          /* in its section */
    uint32_t *targets;      /* indices into targets */
    uint32_t ntargets;
    const ast_origin *origin;
} sema_measure;

typedef struct sema_section {
    const char *id;
    const char *title;
    double weight;          /* in the total */
    uint32_t *measures;
    uint32_t nmeasures;
    const ast_origin *origin;
} sema_section;

/* An `expect` line of a test, resolved.  `status` is the ir_status code
 * (0 not_applicable .. 5 met, the order of docs/LANGUAGE.md §9). */
typedef struct sema_expect {
    const ast_expect *x;
    uint32_t region;
    uint32_t item;          /* the target, the measure or the grade band */
    int status;             /* EXP_STATUS */
} sema_expect;

/* A test of the rules (`test "..." { data ... expect ... }`). */
typedef struct sema_test {
    const ast_decl *d;
    int file;               /* the file declaring it: `planc test` runs the
                               tests of the file it is given, and with --all
                               those of the files it imports or extends */
    sema_expect *expects;
    uint32_t nexpects;
    const char *skip;       /* a test of another file that cannot run on this
                               program: why ("FILE:LINE:COL: undefined target
                               'x'", a name the extending file dropped); NULL
                               for one that can, and for the given file's own,
                               whose errors are the program's */
} sema_test;

/* An agency an extending file renamed in its base's measures
 * (`agency NEW replaces OLD`), or a base target it renamed (`override
 * target OLD as NEW`, docs/LANGUAGE.md §14). */
typedef struct sema_rename {
    const char *from, *to;
} sema_rename;

struct sema_model {
    unit_sys units;
    const unit_t *generic;  /* the unit of `value` in the assessment's score */

    const char *plan, *title;
    int baseline, horizon;
    const char *region_key, *year_key;

    const char **levels; uint32_t nlevels;
    const char **level_texts; /* per level, the text a reader is shown
                                 (`city "市州"`), or NULL: none given */
    sema_region *regions; uint32_t nregions;
    const uint32_t *level_order; /* the regions, coarsest level first (those
                               without a level last): a pass in this order
                               meets a region after every region above it */
    sema_indicator *inds; uint32_t ninds;
    sema_column *columns; uint32_t ncolumns;
    sema_map *maps; uint32_t nmaps; /* in the program's order */
    sema_section *sections; uint32_t nsections;
    sema_measure *measures; uint32_t nmeasures;
    sema_target *targets; uint32_t ntargets;
    const char **unit_names; uint32_t nunit_names; /* every unit the rules
                               declare (`unit 吨`, `unit 万吨 = 10000 吨`), imported
                               ones too, in the order declared */
    const unit_t **unit_defs; /* those units (nunit_names of them), for their
                               dimensions (lower.c's ir_unit table) */
    sema_rename *agency_renames; uint32_t nagency_renames;
    sema_rename *region_renames; uint32_t nregion_renames; /* the regions renamed
                               (`override region OLD as NEW`) or replaced (`region NEW
                               replaces OLD`), in the order of the program's edits */
    sema_rename *target_renames; uint32_t ntarget_renames; /* in the order of the
                               program's edits: a base's before its extension's */
    sema_rename *ind_renames; uint32_t nind_renames; /* the indicators renamed
                               (`override indicator OLD as NEW`), likewise */
    sema_rename *region_drops; uint32_t nregion_drops; /* the base regions an
                               extending file dropped (`drop region A`, `drop regions`):
                               each name (from) and where the drop is (to,
                               "ext.plan:6"), in the order of the program's edits;
                               the data reader says so of a row naming one */
    sema_rename *region_aliases; uint32_t nregion_aliases; /* the aliases of the
                               base regions dropped or replaced (from, "沈阳市"),
                               each with its region's name (to, "沈阳"), in the
                               order of the program's edits */
    const char **agency_names, **agency_fulls; uint32_t nagencies; /* the agency
                               declarations, in the program's order, but those another
                               replaced: each name and its full name (`agency NAME
                               "full name"`, NULL for none); two files may each
                               declare one name */
    const char **agency_drops; uint32_t nagency_drops; /* base agencies an extending
                               file dropped (`drop agency`, docs/LANGUAGE.md §14) */

    bool reads_below;       /* some expression reads the regions below a row's
                               (share, total, lowest / highest / average with a
                               level): only then does the runtime add rows for
                               parent regions, so only then is "row is in the
                               data" read (lower.c) */
    bool has_assessment;
    const char *assessment;
    ast_missing missing;
    ast_expr *score;        /* the assessment's default score expression, or NULL */
    const char **bands;     /* best first; the last has no bound */
    double *band_min;       /* nbands - 1 bounds, descending */
    uint32_t nbands;

    sema_test *tests; uint32_t ntests;

    const ast_decl *plan_decl;      /* the plan as declared (periods, keys), or NULL */
    const ast_decl *assess_decl;    /* the assessment, or NULL */
    const ast_origin *plan_origin;  /* the edit of an extending file's plan block, or NULL */
    const ast_origin *assess_origin;
};

#endif
