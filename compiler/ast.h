/* ast.h — the syntax tree of a rules file, as the parser builds it.
 *
 * Tagged unions: each node's `kind` says which arm of its union is valid
 * (Lua's expkind, cproc's struct expr).  Every node carries a span.  Nodes
 * live in the compilation's arena.  Names are NUL-terminated UTF-8.
 *
 * The parser fills only what the source says; the checker (sema) resolves
 * names and units and records its results in the `sema` fields, which the
 * parser leaves zero. */
#ifndef PLANC_AST_H
#define PLANC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

typedef struct ast_expr ast_expr;
typedef struct ast_unit ast_unit;
typedef struct ast_decl ast_decl;
typedef struct ast_target ast_target;
typedef struct ast_measure ast_measure;
typedef struct ast_section ast_section;
typedef struct ast_origin ast_origin;

/* The deepest expression or unit tree the parser builds (docs/LANGUAGE.md
 * §1): a deeper one is a syntax error, so recursive passes over the AST need
 * at most this many frames. */
#define AST_MAX_DEPTH 256

/* A name as written, with where it was written.  A qualified name `M.x`
 * (docs/LANGUAGE.md §14) has s = "x", qual = "M", and sp covering all of
 * `M.x`; an unqualified one has qual NULL.  (The pointers first and the
 * spans together: 40 bytes instead of 48 with padding, for lists of
 * hundreds of thousands of regions; docs/PERFORMANCE.md.) */
typedef struct ast_name {
    const char *s;
    const char *qual;
    span sp;
    span qual_sp;
} ast_name;

/* A list of names (agency lists, region lists, scopes). */
typedef struct ast_names {
    ast_name *v;
    uint32_t n;
} ast_names;

/* ---- unit expressions: 万亩, %, km2, 吨/万元, m^3, [μg/m³] ---- */

typedef enum ast_unitkind {
    UX_NAME,    /* a declared or built-in unit name: 万亩, %, bool, 1 */
    UX_MUL,     /* a * b */
    UX_DIV,     /* a / b */
    UX_POW      /* a ^ n (n a small integer, may be negative) */
} ast_unitkind;

struct ast_unit {
    ast_unitkind kind;
    span sp;
    int depth;          /* height of this tree (a name is 1); set by the constructors */
    union {
        ast_name name;                       /* UX_NAME */
        struct { ast_unit *a, *b; } bin;     /* UX_MUL, UX_DIV */
        struct { ast_unit *base; int exp; } pow; /* UX_POW */
    } u;
};

/* ---- expressions ---- */

typedef enum ast_exprkind {
    EX_NUM,     /* 7603, 7603万亩, 92%, 4.1 万平方公里, 35 [μg/m³] */
    EX_BOOL,    /* yes / no */
    EX_NAME,    /* an indicator, or (in score expressions) value/goal/base/expected/year/deadline */
    EX_UNARY,   /* -a, not a */
    EX_BINARY,  /* a + b, a and b, a >= b, ... */
    EX_IF,      /* if c then a else b */
    EX_CALL     /* f(args): min max clamp abs prev baseline at share progress ismissing */
} ast_exprkind;

typedef enum ast_op {
    OP_NEG, OP_NOT,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV,
    OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
    OP_AND, OP_OR
} ast_op;

/* How a column's cells are combined when the data holds several rows for
 * one region and year (`column "PM2.5" mean`, `column "PM2.5" share <= 75`);
 * AGG_NONE: one row each (docs/LANGUAGE.md §4, §10). */
typedef enum ast_aggkind {
    AGG_NONE, AGG_MEAN, AGG_SUM, AGG_MIN, AGG_MAX, AGG_COUNT, AGG_SHARE
} ast_aggkind;

typedef struct ast_agg {
    ast_aggkind kind;
    ast_op op;          /* AGG_SHARE: OP_LT .. OP_NE */
    double limit;       /* AGG_SHARE: what each cell, as written, is compared with */
    span sp;            /* the aggregate's words */
} ast_agg;

struct ast_expr {
    ast_exprkind kind;
    span sp;
    int depth;          /* height of this tree (a leaf is 1); set by the constructors */
    union {
        struct { double v; ast_unit *unit; /* NULL: no unit written */ } num; /* EX_NUM */
        bool b;                                       /* EX_BOOL */
        ast_name name;                                /* EX_NAME */
        struct { ast_op op; ast_expr *a; } un;        /* EX_UNARY */
        struct { ast_op op; ast_expr *a, *b; } bin;   /* EX_BINARY */
        struct { ast_expr *c, *a, *b; } cond;         /* EX_IF */
        struct { ast_name fn; ast_expr **args; uint32_t nargs; } call; /* EX_CALL */
    } u;
    /* Filled by sema: the expression's unit (a unit_t * from unit.h) and
     * type; NULL/0 until checked.  `ref` says what an EX_NAME or EX_CALL
     * denotes (sema_ref in model.h) and `index` which indicator, level or
     * year it names. */
    struct {
        const struct unit_t *unit;
        int type; /* sema_type */
        int ref;  /* sema_ref */
        int index;
    } sema;
};

/* A deadline or other year: 2027, or a period name (十四五 = its last year). */
typedef struct ast_year {
    int year;          /* 0 when written as a period name, until sema fills it */
    ast_name period;   /* .s == NULL when written as a number */
    span sp;
} ast_year;

/* One row of an indicator's `values { ... }` table: regions (or levels:
 * every region of the level that no row names; or, `else = ...`, no names
 * and is_else: every region no other row gives), the constant
 * they hold, and the years it holds in (docs/LANGUAGE.md §4): every year
 * the table's other rows do not give for the region, or with `in` just
 * `in 2024`, `in 2024..2026` (from, to) or `in 十四五` (from.period: every
 * year of the period; the checker fills from.year and to.year). */
typedef struct ast_valrow {
    ast_names regions;
    ast_expr *value;
    bool is_else;      /* `else = ...`: the fallback row (regions empty) */
    bool has_years;    /* `in YEARS` was written */
    ast_year from, to;
    span years_sp;     /* the years after `in` */
    const char *note;  /* `note "..."` after the value (its source), or NULL */
    span else_sp;      /* the word `else` of a fallback row */
    bool from_set;     /* the row --set NAME=VALUE made (no row of the rules) */
    span sp;
} ast_valrow;

/* One text of a `map NAME { ... }` and the number it stands for
 * (docs/LANGUAGE.md §4): `"green" = 4`, `"—", ".." = missing`.  A row that
 * gives several texts makes one entry per text, sharing the value. */
typedef struct ast_mapentry {
    const char *text;   /* as written in the rules (the checker trims it) */
    span sp;            /* the text */
    double value;       /* NaN: the text reads as missing */
    bool missing;       /* written `missing` */
    bool yesno;         /* written `yes` or `no` (value 1 or 0) */
    span value_sp;
} ast_mapentry;

/* ---- targets ---- */

typedef enum ast_targetkind {
    TG_THRESHOLD,  /* expr OP goal [by Y] {, OP goal by Y}; no `by`: every year */
    TG_COMPLETE,   /* complete expr by Y  ==  expr >= 100% by Y */
    TG_RATED,      /* rated expr OP goal by Y: qualitative goal scored from a rating */
    TG_FALLS,      /* expr falls every year */
    TG_RISES,      /* expr rises every year */
    TG_PEAKS       /* expr peaks [by Y] [tolerance t] */
} ast_targetkind;

/* One milestone of a threshold target: `>= 92% by 2027`. */
typedef struct ast_milestone {
    ast_op op;          /* OP_LT .. OP_NE */
    ast_expr *goal;
    ast_expr *tolerance; /* `>= 20% tolerance 0.5%`: how far short of the goal
                           still meets it, or NULL (docs/LANGUAGE.md §9) */
    ast_year by;        /* by.sp.hi == 0 and year == 0: no deadline written */
    bool has_by;
    span sp;
} ast_milestone;

/* Which regions a target covers.  Empty: every region. */
typedef struct ast_scope {
    ast_names only;     /* `for 沈阳, 大连, 盘锦` or `for city` (names of regions or levels) */
    ast_names within;   /* `for city in 江苏, 浙江`: only the regions of the
                           levels in `only` that are these or lie below them */
    ast_names except;   /* `for city except 沈阳, 大连` */
    span sp;
} ast_scope;

struct ast_target {
    ast_name name;        /* may be .s == NULL: then named after its indicator */
    ast_name rename;      /* `override target OLD as NEW`: NEW (.s NULL: none;
                             only in an override statement) */
    ast_name move;        /* `override target X in (ID)`: ID, the measure it moves to
                             (.s NULL: none; only in an override statement) */
    const char *desc;     /* "..." text quoted from the plan, or NULL */
    bool redline;         /* written with `redline` */
    ast_targetkind kind;
    ast_scope scope;
    ast_expr *measured;   /* the left side: what is measured */
    ast_milestone *ms;    /* TG_THRESHOLD / TG_COMPLETE / TG_RATED: milestones in order */
    uint32_t nms;
    ast_year peak_by;     /* TG_PEAKS: optional deadline */
    bool has_peak_by;
    ast_expr *tolerance;  /* TG_PEAKS: optional, a % or a number */
    /* attributes */
    ast_expr *weight;     /* `weight 2`, or NULL */
    bool veto;            /* `veto`: failing it fires a veto */
    ast_expr *score;      /* `score expr`: overrides the default score, or NULL */
    ast_name clause;      /* `clause (一)`: overrides the measure's clause, or .s NULL */
    const char *note;     /* `note "..."` */
    ast_year baseline;    /* `baseline 2015`: the target's own baseline year */
    bool has_baseline;
    span baseline_kw;     /* where `baseline` was written */
    span sp;
    ast_measure *measure; /* set by the parser: the enclosing measure */
    /* Set by the loader (import.c) in an extended program: where the
     * target comes from (NULL: written as it stands), and for an
     * overridden target the base's target it replaces. */
    const ast_origin *origin;
    const ast_target *base;
};

/* ---- plan structure ---- */

struct ast_measure {
    ast_name id;          /* the clause id as written inside ( ): 九, 三十六, 主要目标 */
    const char *title;
    ast_names lead;       /* lead agencies (牵头单位); may be several */
    ast_names responsible;/* responsible agencies (责任单位) */
    ast_names shared;     /* agencies acting 按照职责分工负责, with no single lead */
    bool has_shared;
    ast_expr *weight;     /* `measure (一) "..." weight 2 {`: its weight in its section, or NULL */
    ast_target **targets;
    uint32_t ntargets;
    span sp;
    ast_section *section;
    const ast_origin *origin;   /* set by the loader, as for targets */
};

struct ast_section {
    ast_name id;          /* 一 .. 九 */
    const char *title;
    ast_expr *weight;     /* `section 一 "..." weight 29.3 {`: its weight in the total, or NULL */
    ast_measure **measures;
    uint32_t nmeasures;
    span sp;
    const ast_origin *origin;   /* set by the loader, as for targets */
};

/* A period: 十四五 = 2021..2025 */
typedef struct ast_period {
    ast_name name;
    int from, to;
    span sp;
} ast_period;

typedef enum ast_missing { MISSING_UNSET, MISSING_ZERO, MISSING_REWEIGHT, MISSING_ERROR } ast_missing;

/* `weight section 三 = 30` / `measure (九) = 2` / `target 名 = 3` */
typedef enum ast_weightkind { WK_SECTION, WK_MEASURE, WK_TARGET } ast_weightkind;
typedef struct ast_weight {
    ast_weightkind kind;
    ast_name what;
    ast_expr *value;
    span sp;
} ast_weight;

/* `grade 优秀 >= 90, ..., 不合格` — the last band has no bound (has_min false). */
typedef struct ast_band {
    ast_name name;
    bool has_min;
    ast_expr *min;
    span sp;
} ast_band;

typedef enum ast_declkind {
    D_PLAN,        /* plan NAME "title" { region R  baseline Y  horizon Y  periods ...  keys ... } */
    D_LEVELS,      /* levels province, city */
    D_REGION,      /* region A, B : LEVEL [in PARENT] [alias "x", "y"] */
    D_AGENCY,      /* agency NAME ["english or full name"] [replaces OLD, ...] */
    D_UNIT,        /* unit NAME [= NUMBER UNIT] */
    D_INDICATOR,   /* indicator NAME ["display"] : UNIT {, attr} */
    D_SECTION,     /* section ID "title" { measures } */
    D_ASSESSMENT,  /* assessment NAME { missing ..  score ..  weight ..  veto ..  grade .. } */
    D_IMPORT,      /* import "path.plan" [as NAME] */
    D_DROP,        /* drop target A, B | measure (九) | section 三 | region A | regions | assessment;
                      keep target A, B | measure (一) | section 一 | region A | indicator A | agency A */
    D_OVERRIDE,    /* override target|redline|measure|section|indicator|assessment ... */
    D_TEST,        /* test "title" { data "csv line" ...  expect REGION YEAR ... } */
    D_MAP          /* map NAME ["title"] { "text", ... = NUMBER|missing|yes|no, ...  [else missing|error] } */
} ast_declkind;

/* What an `expect` line of a test checks on one (region, year) row. */
typedef enum ast_expectkind {
    EXP_STATUS,    /* expect R Y TARGET met|failed|lagging|on_track|missing|not_applicable */
    EXP_SCORE,     /* expect R Y TARGET score N */
    EXP_VALUE,     /* expect R Y TARGET value N (in the target's unit) */
    EXP_MEASURE,   /* expect R Y measure (ID) N: the measure's score */
    EXP_TOTAL,     /* expect R Y total N */
    EXP_GRADE,     /* expect R Y grade BAND */
    EXP_VETO       /* expect R Y veto yes|no: whether a veto fired */
} ast_expectkind;

/* One `expect` line.  A number with decimals matches to the digits written
 * (`33.33` matches 33.3333); `decimals` is -1 for a whole number, which
 * must match exactly. */
typedef struct ast_expect {
    ast_expectkind kind;
    ast_name region;
    int year; span year_sp;
    ast_name item;          /* the target, the measure's clause id, or the grade band */
    ast_name word;          /* EXP_STATUS: the status as written */
    double num; int decimals; span num_sp;
    bool yes;               /* EXP_VETO */
    span sp;
} ast_expect;

/* One `data` line of a test: a CSV line as written. */
typedef struct ast_dataline {
    const char *text;
    span sp;
} ast_dataline;

/* What a `drop` removes from the base of an extended plan. */
typedef enum ast_dropkind {
    DROP_TARGET, DROP_MEASURE, DROP_SECTION, DROP_REGION, DROP_REGIONS, DROP_ASSESSMENT,
    DROP_INDICATOR, DROP_AGENCY
} ast_dropkind;

/* What an `override` changes in the base of an extended plan. */
typedef enum ast_overkind {
    OVR_TARGET,     /* override target|redline NAME [..] [: condition] {attr} */
    OVR_MEASURE,    /* override measure (ID) ["title"] { lead .. responsible .. targets } */
    OVR_SECTION,    /* override section ID ["title"] { new measures } */
    OVR_INDICATOR,  /* override indicator NAME ["display"] [: UNIT] {, attr} */
    OVR_ASSESSMENT, /* override assessment NAME { missing .. score .. weight .. veto .. grade .. } */
    OVR_REGION,     /* override region NAME [as NEW] [: LEVEL] [in PARENT] [alias ...] */
    OVR_TARGETS     /* override targets for SCOPE: the scope of every base target without one */
} ast_overkind;

typedef enum ast_direction { DIR_NONE, DIR_HIGHER, DIR_LOWER } ast_direction;

struct ast_decl {
    ast_declkind kind;
    span sp;
    union {
        struct {
            ast_name name;
            const char *title;
            ast_name region;      /* issuing region, .s NULL if absent */
            int baseline; span baseline_sp; bool has_baseline;
            int horizon;  span horizon_sp;  bool has_horizon;
            bool items_lost;      /* a syntax error threw an item of the block
                                     away (`basline 2020`, `baseline: 2020`):
                                     a baseline or horizon not read is not
                                     reported again as absent */
            ast_period *periods; uint32_t nperiods;
            const char *region_key; /* data column holding the region (default "region") */
            const char *year_key;   /* data column holding the year (default "year") */
            span region_key_sp, year_key_sp; /* where each key is written (`region = "..."`) */
            const char *extends;    /* `extends "base.plan"`: the base's path, or NULL */
            span extends_sp;
            ast_name extends_as;    /* `as NAME` after it (.s NULL: none) */
        } plan;
        /* D_LEVELS, coarse to fine: each level's name, and the text a
         * reader is shown for it (`city "市州"`; texts[k].s NULL when none
         * is given, and texts NULL when no level has one); which levels an
         * extending file adds to its base's */
        struct {
            ast_names names;
            ast_name *texts;
            bool *added;    /* an extending file's list: added[k] for a level its
                               base does not have (NULL when none is added) */
        } levels;
        struct {
            ast_names names;
            ast_name level;
            ast_name parent;       /* .s NULL: none */
            const char **aliases; uint32_t naliases; /* only with one name */
            span *alias_sp;          /* where each alias is written */
            ast_name replaces;     /* `replaces OLD`: the base region it stands for (.s NULL: none) */
            bool renamed;          /* `replaces` is a rename (`override region OLD as NEW`):
                                      the base's region under a new name */
            ast_names members;     /* `of A, B`: the regions a regional group holds */
            bool is_group;         /* `of` was written (members may since be dropped) */
        } region;
        struct { ast_name name; const char *full; ast_names replaces; } agency;
        struct {
            ast_name name;
            bool has_def;          /* unit 万亩 = 10000 亩 */
            double factor;
            ast_unit *base;
        } unit;
        struct {
            ast_name name;
            const char *display;
            ast_unit *unit;
            ast_direction dir; span dir_sp;
            const char *column; span column_sp; /* NULL: no column */
            ast_unit *column_unit;   /* `column "c" in 亩`, or NULL */
            ast_agg agg;             /* `column "c" mean`: AGG_NONE when none */
            ast_name map;            /* `column "c" as M`: the text map its cells are
                                        read through (.s NULL: none) */
            ast_expr *formula;       /* `formula expr`, or NULL */
            ast_valrow *values;      /* `values { 北京, 天津 = 20.5%, ... }`, or NULL */
            uint32_t nvalues;
            span values_sp;          /* where `values` was written */
            ast_name rename;         /* `override indicator OLD as NEW`: NEW (.s NULL:
                                        none; only in an override statement) */
        } ind;
        ast_section *section;
        struct {
            ast_name name;
            ast_missing missing; span missing_sp;
            bool missing_lost;       /* a syntax error threw its `missing`
                                        away: not reported again as absent */
            ast_expr *score;         /* NULL: the default score */
            ast_weight *weights; uint32_t nweights;
            bool veto_redlines; span veto_redlines_sp;
            ast_names veto;          /* targets whose failure fires a veto */
            ast_band *bands; uint32_t nbands; span grade_sp;
        } assess;
        struct {
            ast_name name;
            const char *title;       /* NULL: none */
            ast_mapentry *entries;   /* in the order written */
            uint32_t nentries;
            bool else_missing;       /* `else missing`: other texts read as missing
                                        (else they are data errors) */
            span else_sp;            /* where `else` was written (hi 0: not written) */
        } map;
        struct {
            const char *path;        /* as written */
            span path_sp;
            ast_name as;             /* `as NAME` (.s NULL: none) */
        } import;
        struct {
            ast_dropkind what;
            ast_names names;         /* targets, clause ids, sections or regions */
            bool keep;               /* `keep KIND names`: the names stay, every other
                                        item of that kind of the base is dropped */
            span head;               /* keep: `keep KIND`, where its drops are shown */
        } drop;
        struct {
            const char *title;
            ast_dataline *data;      /* the header, then the rows */
            uint32_t ndata;
            ast_expect *expects;
            uint32_t nexpects;
        } test;
        struct {
            ast_overkind what;
            ast_name name;           /* the base item: target, clause id, section, indicator, assessment */
            ast_target *target;      /* OVR_TARGET: measured is NULL when no condition is restated */
            ast_measure *measure;    /* OVR_MEASURE */
            ast_section *section;    /* OVR_SECTION */
            ast_decl *decl;          /* OVR_INDICATOR (a D_INDICATOR whose unit may be NULL),
                                        OVR_ASSESSMENT (a D_ASSESSMENT), OVR_REGION (a D_REGION
                                        of the old name: level, parent .s NULL when not given) */
            ast_name rename;         /* OVR_REGION, OVR_INDICATOR: `as NEW` (.s NULL: none) */
            ast_scope scope;         /* OVR_TARGETS: the scope given */
        } over;
    } u;
    /* Set by the loader in an extended program: where the declaration
     * comes from (NULL: written as it stands) and, for an overridden
     * indicator or assessment, the base's declaration. */
    const ast_origin *origin;
    const ast_decl *base;
};

/* ---- modules and extension (filled by the loader, import.c) ---- */

/* How an item of an extended program differs from its base. */
typedef enum ast_originkind {
    ORIGIN_OVERRIDDEN,  /* a base item changed by `override` (or the plan of an extending file) */
    ORIGIN_ADDED,       /* a new item the extending file put into a base block */
    ORIGIN_DROPPED,     /* a base item removed by `drop` (only in the edit list) */
    ORIGIN_REPLACED,    /* a base region or agency replaced by a new one (`replaces`) */
    ORIGIN_RESCOPED,    /* a base target whose scope named dropped or replaced regions */
    ORIGIN_RENAMED,     /* a base target given a new name (`override target OLD as NEW`),
                           maybe changed otherwise too */
    ORIGIN_MOVED        /* a base target moved to another measure and changed no
                           otherwise (`override target X in (ID)`) */
} ast_originkind;

/* The kind of item an edit touched. */
typedef enum ast_itemkind {
    IT_PLAN, IT_REGION, IT_INDICATOR, IT_SECTION, IT_MEASURE, IT_TARGET, IT_ASSESSMENT,
    IT_AGENCY
} ast_itemkind;

/* The trace an edit leaves (docs/ADAPTING.md): what changed, the base's
 * declaration and the statement of the extending file that changed it. */
struct ast_origin {
    ast_originkind kind;
    ast_itemkind item;
    const char *name;       /* the item's name ("近岸海域水质", "九" for (九)) */
    const char *what;       /* "target 近岸海域水质", "measure (九)", "region 辽宁省" */
    const char *clause;     /* the base clause of a target or measure, "(九)", or NULL */
    const char *detail;     /* what was changed ("condition, scope"), or NULL */
    const char *what_zh;    /* what, for --lang zh: "目标“近岸海域水质”", "措施（九）" */
    const char *detail_zh;  /* detail, for --lang zh: "改动条件、适用范围", or NULL */
    const char *new_name;   /* ORIGIN_RENAMED: the target's new name */
    bool by_keep;           /* ORIGIN_DROPPED: left out by a `keep` (edit is its `keep KIND`) */
    span base;              /* the base's declaration (hi == 0: none) */
    span edit;              /* the statement that made the change */
    const char *base_at;    /* "rules/liaoning/beautiful-liaoning.plan:456" (NULL: none) */
    const char *edit_at;    /* "rules/examples/adapted-province.plan:120" */
    /* A dropped measure or section: the names of the base's targets (and,
     * for a section, measures) that went with it, so that a name still
     * used afterwards is reported with the drop that removed it. */
    ptrvec along_targets;   /* const char * */
    ptrvec along_measures;  /* const char * */
    /* A region dropped or replaced (or given other aliases by a rename):
     * the aliases its base declaration gave it, which left with it, so
     * that a data row or planc explain naming one is told what became of
     * the region rather than that it is unknown. */
    const char *const *aliases; uint32_t naliases;
};

/* One `import` (or `extends`) of a module: which module, under what name. */
typedef struct ast_import {
    uint32_t module;        /* index into ast_program.modules */
    const char *as;         /* the qualifier the importing file uses for it */
    span sp;                /* the import statement */
} ast_import;

/* One loaded file.  Module 0 is the file given on the command line. */
typedef struct ast_module {
    const char *path;       /* the path shown in messages */
    const char *real;       /* its real path (the file read), when known */
    uint32_t file;          /* its diag file id */
    ast_import *imports;    /* its direct imports (its base first, if it extends one) */
    uint32_t nimports;
    bool *reach;            /* [nmodules]: reachable through imports, itself excluded */
    int32_t base;           /* the module it extends, or -1 */
} ast_module;

/* The kinds of name a syntax error may throw away with its declaration. */
typedef enum ast_lostkind { LOST_TARGET, LOST_INDICATOR, LOST_PERIOD, LOST_MAP, LOST_REGION } ast_lostkind;

/* A name whose declaration a syntax error threw away: the checker does not
 * report its uses as undefined, errors that fixing the syntax makes untrue. */
typedef struct ast_lost {
    ast_lostkind kind;
    const char *name;
} ast_lost;

/* One name of an `allow` (docs/LANGUAGE.md §12) as `--dump-ast` shows it:
 * under the innermost declaration, section, measure or target whose span
 * holds its `allow` word, or among the declarations when none does (a
 * file's own).  The checker reads allows from the diagnostics context
 * (diag_allow), where they take effect; these are a copy for the printer. */
typedef struct ast_allow {
    const char *name;       /* the warning's name */
    const char *reason;     /* the allow's text, or NULL */
    uint32_t file;          /* the file and the offset of its `allow` word */
    uint32_t at;
} ast_allow;

/* A whole file (or, after import, a whole program).  A program made by the
 * loader also lists its modules (nmodules 0 for a single parsed file: then
 * every name is the file's own) and every edit an extending file made. */
typedef struct ast_program {
    ast_decl **decls;
    uint32_t ndecls;
    ast_module *modules;
    uint32_t nmodules;
    int32_t *file_module;   /* [nfiles]: the module of each diag file id, -1 for none */
    uint32_t nfiles;
    const ast_origin **edits;
    uint32_t nedits;
    bool incomplete;        /* a file it imports or extends could not be
                               loaded (reported): the checker skips it */
    bool syntax_errors;     /* a file of it had lexical or syntax errors
                               (reported): what they threw away is missing */
    const ast_lost *lost;   /* what syntax errors threw away after its name
                               was read (`target NAME`, `indicator NAME`, a
                               period `NAME =`): what names it is not reported
                               as undefined */
    uint32_t nlost;
    bool plan_written;      /* a `plan` keyword starts a declaration of the
                               file: without a plan declaration, a syntax
                               error threw it away (reported) */
    const ast_allow *allows; /* every allow of its files, in the order read */
    uint32_t nallows;
    const ast_decl **rescopes; /* the `override targets for SCOPE` applied, one per
                                  extending file that has one (sema checks
                                  their scopes leave some region out) */
    uint32_t nrescopes;
} ast_program;

/* Constructors used by the parser; all allocate in `a`. */
ast_expr *ast_num(arena *a, span sp, double v, ast_unit *u);
ast_expr *ast_bool(arena *a, span sp, bool b);
ast_expr *ast_namex(arena *a, ast_name n);
ast_expr *ast_unary(arena *a, span sp, ast_op op, ast_expr *x);
ast_expr *ast_binary(arena *a, span sp, ast_op op, ast_expr *l, ast_expr *r);
ast_expr *ast_if(arena *a, span sp, ast_expr *c, ast_expr *t, ast_expr *e);
ast_expr *ast_call(arena *a, span sp, ast_name fn, ast_expr **args, uint32_t nargs);
ast_unit *ast_unitname(arena *a, ast_name n);
ast_unit *ast_unitbin(arena *a, span sp, ast_unitkind k, ast_unit *l, ast_unit *r);
ast_unit *ast_unitpow(arena *a, span sp, ast_unit *b, int exp);

/* Copies the allows d holds from the from'th on into p (arena a), for
 * the printer: the parser's of one file, the loader's of them all. */
void ast_take_allows(arena *a, ast_program *p, const diag_ctx *d, size_t from);

/* A span covering both. */
span ast_join(span a, span b);

/* Prints the tree (for parser tests and `planc check --dump-ast`). */
void ast_dump(const ast_program *p, FILE *out);

/* The operator as written: ">=", "and". */
const char *ast_opname(ast_op op);
/* The word of an edit's trace: "overridden", "renamed" (--origins, --dump-ast,
 * explain). */
const char *ast_origin_word(ast_originkind k);
const char *ast_agg_text(arena *a, const ast_agg *g);

/* An expression in the printed prefix form of ast_dump, in the arena: two
 * expressions with the same text are the same computation (planc diff). */
char *ast_expr_text(arena *a, const ast_expr *e);

#endif
