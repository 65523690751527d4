/* aot_abi.h — the C ABI of the libraries `planc build` writes (version 3).
 *
 * planc writes the block below, byte for byte, into every header it
 * generates (compiler/aot.c's abi_text) and into the C it compiles into
 * every library; tests/unit/test_aot.c checks that the three agree.  This
 * file is for programs in this repository that load such libraries without
 * a generated header at hand (the tests, the differential tester); an
 * evaluator's program includes the NAME.h planc build wrote next to its
 * library, which holds the same definitions. */
#ifndef PLANC_ABI_V3
#define PLANC_ABI_V3
/* ---- The planc library ABI, version 3 (the same in every library) ----
 *
 * A library made by `planc build` exports two functions:
 *
 *   uint32_t planc_abi_version(void);     the newest ABI it implements
 *   const planc_library *planc_get_library(uint32_t abi_version);
 *
 * planc_get_library(3) returns the description of the rules and the
 * functions that score data, or NULL when the library does not implement
 * that version.  Load it with dlopen() and dlsym() (or link it):
 *
 *   void *h = dlopen("./libNAME.so", RTLD_NOW | RTLD_LOCAL);
 *   planc_get_library_fn get = (planc_get_library_fn)dlsym(h, "planc_get_library");
 *   const planc_library *lib = get ? get(PLANC_ABI_VERSION) : NULL;
 *
 * Data.  Every value is a double.  A missing value is a NaN (any NaN).
 * A yes/no column holds 1.0 (yes), 0.0 (no) or NaN; other values in it are
 * an input error.  Infinite values are an input error (planc's CSV reader
 * never produces them).
 *
 * Scoring.  lib->score(&in, &res, err, errlen) scores the rows of `in`:
 * one row per (region, year), in any order, region given as an index into
 * lib->regions (lib->find_region maps a name or alias to it), year 1..9999,
 * and one array of nrows values per input column, in the order of
 * lib->columns, raw as a data file holds them: not shifted in time and in
 * the unit the rules say the file uses (the library converts units and
 * reads other years itself).  On success (PLANC_OK) *res holds the
 * results, to be released with lib->free_result(res): its rows are sorted
 * by region (in lib->regions order) then year, as `planc run` reports
 * them, and, when the rules have share targets (share(), total(), ...),
 * include a row (with every data value missing, source -1) for each region
 * above a region with a row in that year (its parent, the regional groups
 * listing it, and theirs), so that they are scored there.
 * Each output column (lib->outputs says what it holds) has one value per
 * result row.  On an
 * error, *res is NULL and err receives a message (NUL-terminated, cut to
 * errlen bytes).  A target's value, goal or expected value that the
 * rules compute from the data and that overflows a double (a formula
 * x * x of 1e200, a total or cumulative beyond ±1.8e308) is an error, as
 * it is for `planc run` (docs/LANGUAGE.md §10): PLANC_E_OVERFLOW (version
 * 3), the message naming the target, region, year, input row and the
 * columns it reads; a result never holds an infinity there (but in the
 * goal and expected columns of a row where the target is
 * PLANC_NOT_APPLICABLE, which no report shows: below).  score never
 * keeps a pointer into `in`, is safe to call from several threads at
 * once, and allocates only the result and temporaries (PLANC_E_NOMEM when
 * that fails).
 *
 * Output columns, in order: for each target its status (a planc_status
 * code), value, goal, expected value and score; then, when the rules have
 * an assessment, each measure's score, each section's score, the total,
 * the veto flag (1.0 when a veto target failed on the row) and the grade
 * (an index into lib->bands; the last band is the veto band).  The
 * measures' and sections' scores, the total and the grade are NaN in the
 * plan's baseline year and before it: the assessment grades the years
 * after it (docs/LANGUAGE.md §8); the targets judged there (red lines,
 * goals that hold every year) have their statuses and scores, and the
 * veto flag.  Values, goals and expected values are in the target's unit
 * (planc_target.unit).
 * On a row where a target's status is PLANC_NOT_APPLICABLE (a region
 * outside its scope, a year before the baseline, the baseline year for
 * a goal with a deadline, a trend or peaks), its goal and expected
 * columns are not cleared: they hold what the target computes there (its
 * goal, as a rule; an infinity where that overflows, a trajectory
 * extrapolated to a year before the baseline, is no error there).
 * planc's reports leave them empty on such rows, where no goal applies;
 * a program presenting them should too.
 *
 * Goals (version 2).  lib->goals[t] lists target t's goals as the rules
 * state them, one planc_milestone per milestone: the operator, the goal
 * (in the target's unit; NaN when it is read from the data, goal_from
 * then holding its expression as written), the tolerance that loosens it
 * (NaN for none; a goal with a tolerance is judged against goal - T for
 * >= and >, goal + T for <= and <, within goal - T .. goal + T for ==:
 * docs/LANGUAGE.md §9) and the deadline (0: every year).  The goal in
 * force on a row of year y is that of the first milestone whose deadline
 * is 0 or >= y, else the last's: its goal is the row's goal column, and
 * its tolerance the row's tolerance, as planc run reports it (none on a
 * row whose status is PLANC_NOT_APPLICABLE).  A trend (falls, rises) has
 * no milestone; peaks ... by D has one, of op PLANC_OP_NONE, goal NaN and
 * deadline D.
 *
 * Versioning.  A later ABI version may only add members at the end of
 * these structs and add enum values; planc_get_library(N) of an older
 * version N keeps returning its layout and its return codes.
 * planc_get_library(1) returns the description of version 1: abi_version
 * 1, size that of version 1's planc_library (without goals), the members
 * before the same.  Version 3 added PLANC_E_OVERFLOW, with the same
 * layout as version 2: planc_get_library(2) (and 1) return a description
 * whose score reports that error as PLANC_E_ROWS, the code their header
 * has, with the same message. */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PLANC_ABI_VERSION 3

/* Return codes of planc_library.score. */
enum planc_rc {
    PLANC_OK = 0,
    PLANC_E_ARGS = 1,       /* a NULL pointer where an array is needed */
    PLANC_E_ROWS = 2,       /* a bad row: region index or year out of range,
                               two rows for one (region, year), an infinite
                               value, a yes/no value other than 0/1/NaN */
    PLANC_E_MISSING = 3,    /* a target is missing on a row and the rules'
                               missing-data policy is `error` */
    PLANC_E_NOMEM = 4,      /* out of memory */
    PLANC_E_OVERFLOW = 5    /* version 3: a target's value, goal or expected
                               value overflows a double on a row */
};

/* Target statuses (docs/LANGUAGE.md §9), as stored in status columns. */
enum planc_status {
    PLANC_NOT_APPLICABLE = 0, PLANC_MISSING = 1, PLANC_FAILED = 2,
    PLANC_LAGGING = 3, PLANC_ON_TRACK = 4, PLANC_MET = 5
};

/* Input column types. */
enum planc_coltype { PLANC_COL_NUMBER = 0, PLANC_COL_YESNO = 1 };

/* What an output column belongs to, and which of its values it holds. */
enum planc_item { PLANC_ITEM_TARGET = 0, PLANC_ITEM_MEASURE = 1, PLANC_ITEM_SECTION = 2,
                  PLANC_ITEM_TOTAL = 3 };
enum planc_field { PLANC_FIELD_STATUS = 0, PLANC_FIELD_VALUE = 1, PLANC_FIELD_GOAL = 2,
                   PLANC_FIELD_EXPECTED = 3, PLANC_FIELD_SCORE = 4, PLANC_FIELD_VETO = 5,
                   PLANC_FIELD_GRADE = 6 };

/* A goal's comparison (version 2); PLANC_OP_NONE: a deadline without a
 * goal (peaks ... by D). */
enum planc_op { PLANC_OP_NONE = 0, PLANC_OP_GE = 1, PLANC_OP_GT = 2, PLANC_OP_LE = 3,
                PLANC_OP_LT = 4, PLANC_OP_EQ = 5, PLANC_OP_NE = 6 };

/* The assessment's missing-data policy. */
enum planc_missing { PLANC_POLICY_NONE = 0, PLANC_POLICY_ZERO = 1, PLANC_POLICY_REWEIGHT = 2,
                     PLANC_POLICY_ERROR = 3 };

/* A region: its name, level (index into levels), parent (index into
 * regions, -1 for none) and other spellings accepted for it. */
typedef struct planc_region {
    const char *name;
    uint32_t level;
    int32_t parent;
    uint32_t naliases;
    const char *const *aliases;
} planc_region;

/* An input column: its name in a data file, its type, the indicator that
 * reads it, the unit its values are in (NULL: unknown). */
typedef struct planc_column {
    const char *name;
    uint32_t type;          /* enum planc_coltype */
    const char *indicator;
    const char *unit;
} planc_column;

/* A target, as planc run reports it. */
typedef struct planc_target {
    const char *name;
    const char *text;       /* the text from the plan, or NULL */
    const char *kind;       /* "threshold", "redline", "complete", "rated",
                               "falls", "rises", "peaks" */
    const char *unit;       /* of value, goal and expected */
    const char *clause;
    uint32_t measure;       /* index into measures */
    double weight;          /* in its measure */
    int32_t veto;           /* 1: its failure is a veto */
} planc_target;

/* One goal of a target (version 2; see "Goals" above): value OP goal,
 * within its tolerance, by its deadline. */
typedef struct planc_milestone {
    uint32_t op;            /* enum planc_op */
    int32_t deadline;       /* the year it is due by; 0: every year */
    double goal;            /* in the target's unit; NaN when read from the data */
    const char *goal_from;  /* a goal read from the data: its expression as
                               written ("耕地保护任务"); else NULL */
    double tolerance;       /* in the target's unit; NaN: none */
} planc_milestone;

/* A target's goals (version 2), in the order of its milestones. */
typedef struct planc_goals {
    uint32_t nmilestones;
    const planc_milestone *milestones;
} planc_goals;

typedef struct planc_measure {
    const char *id;         /* the clause id, e.g. "(九)" */
    const char *title;      /* or NULL */
    const char *lead;       /* as planc run reports it: the lead agencies
                               joined by "、", or "shared: " and the agencies */
    uint32_t section;       /* index into sections */
    double weight;          /* in its section */
} planc_measure;

typedef struct planc_section {
    const char *id;
    const char *title;      /* or NULL */
    double weight;
} planc_section;

/* What output column k holds: item (enum planc_item), index into the
 * item's array (targets, measures or sections; 0 for the total), and
 * field (enum planc_field). */
typedef struct planc_output {
    uint32_t item;
    uint32_t index;
    uint32_t field;
} planc_output;

/* The rows to score (see "Scoring" above). */
typedef struct planc_input {
    size_t nrows;
    const uint32_t *region;          /* nrows region indices */
    const int32_t *year;             /* nrows years */
    const double *const *columns;    /* ncolumns arrays of nrows values */
} planc_input;

/* Results; read-only; released with planc_library.free_result. */
typedef struct planc_result {
    size_t nrows;
    const uint32_t *region;          /* per result row */
    const int32_t *year;
    const int64_t *source;           /* the input row, or -1 for an added row */
    const double *const *outputs;    /* noutputs arrays of nrows values */
} planc_result;

/* A library: the rules it was built from and its functions. */
typedef struct planc_library {
    uint32_t abi_version;            /* PLANC_ABI_VERSION */
    uint32_t size;                   /* sizeof(planc_library) in the library */
    const char *planc_version;       /* of the planc that built it */
    const char *fingerprint;         /* identifies the rules and the ABI; equal
                                        to the header's NAME_FINGERPRINT */
    const char *cpu;                 /* the CPU the kernels were compiled for */
    const char *plan;                /* the plan's name and title (or NULL) */
    const char *title;
    const char *region_key;          /* the data's region and year column names */
    const char *year_key;
    int32_t baseline, horizon;
    uint32_t nlevels;
    const char *const *levels;
    uint32_t nregions;
    const planc_region *regions;
    uint32_t ncolumns;
    const planc_column *columns;
    uint32_t ntargets;
    const planc_target *targets;
    uint32_t nmeasures;
    const planc_measure *measures;
    uint32_t nsections;
    const planc_section *sections;
    int32_t has_assessment;          /* 0: only target outputs */
    const char *assessment;          /* its name, or NULL */
    uint32_t missing;                /* enum planc_missing */
    uint32_t nbands;
    const char *const *bands;        /* grade names, best first */
    uint32_t noutputs;
    const planc_output *outputs;
    const char *const *status_names; /* "not_applicable" ... "met", by code */
    /* The region called `name` (its name or an alias), or -1. */
    int32_t (*find_region)(const char *name);
    /* Scores in->nrows rows; see "Scoring" above. */
    int (*score)(const planc_input *in, planc_result **out, char *err, size_t errlen);
    /* Releases a result (NULL is a no-op). */
    void (*free_result)(planc_result *res);
    /* ---- version 2 ---- */
    const planc_goals *goals;        /* ntargets entries: each target's goals */
} planc_library;

/* The exported functions, and their types for dlsym. */
uint32_t planc_abi_version(void);
const planc_library *planc_get_library(uint32_t abi_version);
typedef uint32_t (*planc_abi_version_fn)(void);
typedef const planc_library *(*planc_get_library_fn)(uint32_t abi_version);

#ifdef __cplusplus
}
#endif
#endif /* PLANC_ABI_V3 */
