/* parser.y — the grammar of the plan language (docs/LANGUAGE.md §13).
 *
 * A pure bison parser fed by grammar/lexer.l.  Each rule carries its
 * production as a comment.  The parser builds the AST in the compilation's
 * arena; lists are gathered in malloc'd growable arrays (parse_list) while
 * their rule is open and copied into the arena when it completes, and every
 * semantic value that owns malloc'd memory has a %destructor, so values that
 * error recovery throws away are freed.
 *
 * Error recovery is at declaration boundaries: `error` alternatives in the
 * top-level declaration list and in the item lists of plan, section, measure
 * and assessment blocks.  The keyword that starts a declaration or an item
 * ends recovery (yyerrok), so a mistake in the very next declaration is
 * reported too; together these report every syntax error of a file in one
 * run.  Expression and unit trees deeper than AST_MAX_DEPTH stop the parse
 * (the scanner stops on brackets nested that deep), so no later recursive
 * pass can run out of stack. */

%code top {
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
}

%code requires {
#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "msgcat.h"
#include "parse.h"

typedef struct parse_state parse_state;
typedef struct parse_list parse_list;
typedef struct parse_plan_acc parse_plan_acc;
typedef struct parse_measure_acc parse_measure_acc;
typedef struct parse_assess_acc parse_assess_acc;
typedef struct parse_cond_acc parse_cond_acc;
typedef struct parse_test_acc parse_test_acc;

/* An optional deadline: `peaks [by Y]`; with the tolerance that may come
 * before or after it (peak_tail). */
typedef struct parse_optyear {
    bool has;
    ast_year y;
    ast_expr *tol;          /* peak_tail: `tolerance T`, or NULL */
} parse_optyear;

/* What may follow a region's level and parent, in either order:
 * `replaces OLD` and `of MEMBERS`. */
typedef struct parse_rtail {
    ast_name replaces;      /* .s NULL: none */
    ast_names members;
    bool is_group;          /* `of` was written */
} parse_rtail;

/* `keys region = "city", year = "year"`: the strings given, NULL if not. */
typedef struct parse_keys {
    const char *region, *year;
    span region_sp, year_sp;
} parse_keys;

/* `extends "base.plan" [as NAME]` after a plan's name (path NULL: none). */
typedef struct parse_extends {
    const char *path;
    span sp;
    ast_name as;
} parse_extends;

/* One attribute of an indicator: higher, lower, column "c" [in U], formula e,
 * values { ... }. */
typedef struct parse_indattr {
    int kind;           /* KW_HIGHER, KW_LOWER, KW_COLUMN, KW_FORMULA, or IDENT for
                           values (a contextual word, not a keyword) */
    span kw_sp;
    const char *column;
    span column_sp;
    ast_name map;       /* `as M` after a column: its text map (.s NULL: none) */
    ast_unit *unit;     /* `in U` after a column, or NULL */
    ast_agg agg;        /* the aggregate after a column (AGG_NONE: none) */
    ast_expr *formula;
    ast_valrow *values;
    uint32_t nvalues;
} parse_indattr;

/* One item of a map's braces: texts and the value they stand for, or
 * (texts NULL) `else missing` / `else error`. */
typedef struct parse_mapitem {
    struct parse_list *texts;   /* ast_name: the texts (NULL for `else`) */
    ast_mapentry value;         /* the value (text NULL) */
    bool else_missing;          /* `else missing` (with texts NULL) */
    span sp;
} parse_mapitem;

/* One attribute of a target: weight e, veto, score e, clause (X), note "s",
 * baseline Y. */
typedef struct parse_tattr {
    int kind;           /* KW_WEIGHT, KW_VETO, KW_SCORE, KW_CLAUSE, KW_NOTE or KW_BASELINE */
    span kw_sp;
    ast_expr *expr;
    ast_name clause;
    const char *note;
    ast_year year;
} parse_tattr;
}

%code provides {
/* Spans of a rule: from its first symbol to its last; an empty rule gets
 * an empty span where the previous symbol ends. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                     \
    do {                                                                \
        if (N) {                                                        \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                         \
            (Cur).lo = YYRHSLOC(Rhs, 1).lo;                             \
            (Cur).hi = YYRHSLOC(Rhs, N).hi;                             \
        } else {                                                        \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                         \
            (Cur).lo = (Cur).hi = YYRHSLOC(Rhs, 0).hi;                  \
        }                                                               \
    } while (0)
}

%code {
#include "lex.h"
#include "planword.h"

/* A block's `{` not closed yet, as the tokens go (parse_lex): where its
 * header starts (the keyword) and ends (its name: `section 一`,
 * `measure (一)`, `test "..."`), and the brace; for the note that says
 * which block a syntax error at its end left open. */
typedef struct open_block {
    span header;        /* the keyword and the name after it */
    span brace;
    int kw;             /* the header's keyword (KW_ASSESSMENT for
                           `override assessment`), 0: a brace without one */
    bool noted;         /* a note about it was printed */
    bool weight_hinted; /* an assessment's: the hint about where weights
                           are written was given after a stray item in it
                           (stray_weight_hint: once a block, as the note) */
} open_block;

/* One token as the parser read it, to read it again (parse_state's
 * item_toks). */
typedef struct item_tok {
    int tok;
    PARSE_STYPE val;
    span loc;
} item_tok;

/* The longest assessment item whose tokens are kept to be read again
 * after a stray item behind it (a longer one is dropped and said so). */
#define ITEM_TOKS 64

/* The parser's own state for one file. */
struct parse_state {
    arena *a;
    diag_ctx *d;
    uint32_t file;
    lex_state *lex;
    ptrvec decls;       /* the declarations parsed so far (in the arena) */
    open_block *blocks; /* the blocks open (malloc'd stack, innermost last) */
    uint32_t nblocks, capblocks;
    span header;        /* the block header being read (hi 0: none) */
    int header_state;   /* 1: its name is still to come, 2: inside the
                           name's '(' ... ')', 0: the name is read */
    bool header_override; /* the header is `override` alone so far */
    int header_kw;      /* the header's last keyword (`override section`:
                           KW_SECTION) */
    int prev_tok;       /* the token before the current one */
    bool ovr_target;    /* inside `override target|redline NAME ...` */
    bool ovr_region;    /* inside `override region NAME ...` */
    bool in_target;     /* inside `target|redline NAME ...` of a measure */
    bool in_region;     /* inside `[override] region NAME ...` among the
                           declarations (not the plan block's `region`) */
    bool allow_inline;  /* the `allow` just read follows another statement's
                           text on its line, which takes none (allow_attached) */
    bool in_indicator;  /* inside `[override] indicator NAME ...` (both for
                           the hints of a syntax error there) */
    bool ovr_indicator; /* inside `override indicator NAME ...` */
    const char *ovr_indicator_name; /* its NAME, once read */
    bool ind_column;    /* in an indicator, after its `column` */
    bool in_values;     /* inside the braces of an indicator's `values { }` */
    bool in_test;       /* inside a test block */
    bool missing_open;  /* an assessment's `missing` is read, its mode not yet */
    int expect_pos;     /* the position of the token in an `expect` line
                           (1 for `expect`), 0 outside one */
    uint32_t expect_lo; /* where the last `expect` word starts */
    uint32_t expect_eol; /* and where its line ends */
    bool expect_skip;   /* the rest of the `expect` line is being dropped
                           (a second expectation on it was reported) */
    span grade_kw;      /* the `grade` of the assessment's item being
                           read (hi 0: none), for the hint of an error
                           in its bands (grade_hint) */
    uint32_t stray_eol; /* where the line of a stray item in an assessment
                           ends: its tokens are dropped until there
                           (stray_in_assessment), 0: none */
    item_tok item_toks[ITEM_TOKS]; /* the tokens of the assessment item
                           being read, from its keyword on (record_item),
                           to be read again after a stray item behind it
                           on its line (replay_item) */
    uint32_t nitem_toks;  /* how many; > ITEM_TOKS: too many to keep */
    uint32_t replay_at, replay_end; /* item_toks[replay_at..replay_end)
                           are read again before the lexer's next */
    int last_tok, before_tok; /* the token last read and the one before it */
    int before2_tok;    /* and the one before that */
    double last_num;          /* the number last read */
    span last_sp, before_sp;  /* (for the hints of a syntax error) */
    bool in_map;        /* inside `map NAME { ... }` (for the hints) */
    bool plan_written;  /* a `plan` keyword was read outside any block
                           (ast_program's plan_written) */
    ast_name pending_target; /* the name of the target being read (`target
                                NAME ...`) until its measure holds it */
    ast_name pending_indicator; /* the indicator being declared (`indicator
                                NAME ...`) until the program holds it */
    ast_name pending_map;  /* the text map being declared (`map NAME ...`),
                              likewise */
    ptrvec pending_regions; /* const char *: the regions being declared
                               (`region A, B : ...`), likewise */
    ptrvec pending_periods; /* const char *: the periods of the `periods`
                               item being read, until the plan holds them */
    ptrvec lost;           /* ast_lost *: names a syntax error threw away */
    bool peeked;           /* the scanner's next token was read ahead (after
                              a `keep`) and is held here for parse_lex */
    int peek_tok;
    PARSE_STYPE peek_val;
    span peek_loc;
    int start_tok;         /* a token parse_lex returns before the file's
                              first (START_SETTING: parse_setting), 0: none */
    int mh_state;          /* where a measure's header is read to
                              (track_measure_header): 0 done, 1 after
                              `measure`, 2 after its '(', 3 after its id,
                              4 after a '.' in the id, 5 after ')' */
    ast_name mh_id;        /* the id of the last measure header, as far as
                              it was read (.s NULL: none) */
    const char *mh_title;  /* and its title (NULL: none) */
    int mh_before;         /* the token before its `measure` */
    uint32_t mh_end;       /* where its header ends when it was read
                              whole, its ')' or title (0: not) */
    int sh_state;          /* likewise a section's header: 1 after
                              `section`, 2 after its id */
    ast_name sh_id;        /* its id */
    uint32_t sh_end;       /* where it ends when read whole, its id or
                              title (0: not) */
    ast_name set_name;     /* parse_setting's NAME = VALUE, once read */
    ast_expr *set_value;
    ast_period set_period; /* or NAME = FROM..TO (.name.s set) */
};

/* A list under construction: elsize-byte elements in malloc'd storage. */
struct parse_list {
    char *v;
    uint32_t n, cap;
    size_t elsize;
};

/* The plan block being parsed: the declaration and its periods so far. */
struct parse_plan_acc {
    ast_decl *d;
    parse_list *periods;
    span region_key_sp, year_key_sp;
};

/* The measure block being parsed. */
struct parse_measure_acc {
    ast_measure *m;
    parse_list *lead, *responsible, *shared, *targets;
    bool has_lead; /* a 'lead' line was read, at lead_sp (a second one is an error) */
    span lead_sp;
    /* a 'responsible' or 'shared' line was read, at its span (a second
     * one is joined to it with a warning: repeated_list) */
    bool has_responsible, has_shared_line;
    span responsible_sp, shared_sp;
};

/* The assessment block being parsed. */
struct parse_assess_acc {
    ast_decl *d;
    parse_list *weights, *veto, *bands;
};

/* The test block being parsed: its data lines and expectations. */
struct parse_test_acc {
    parse_list *data, *expects;
};

/* A threshold with milestones being parsed: the target and its milestones. */
struct parse_cond_acc {
    ast_target *t;
    parse_list *ms;
};

static int parse_lex(PARSE_STYPE *val, span *loc, parse_state *ps);
static void parse_error(span *loc, parse_state *ps, const char *msg);

static void *xrealloc(void *p, size_t n);
static parse_list *list_new(size_t elsize);
static void list_push(parse_list *l, const void *elem);
static void list_append(parse_list *dst, parse_list *src);
static void *list_finish(parse_state *ps, parse_list *l, uint32_t *n);
static void list_free(parse_list *l);
static ast_names names_finish(parse_state *ps, parse_list *l);
static void levels_finish(parse_state *ps, ast_decl *d, parse_list *l);

static parse_plan_acc *plan_acc_new(parse_state *ps);
static void plan_acc_free(parse_plan_acc *p);
static parse_measure_acc *measure_acc_new(parse_state *ps);
static void measure_acc_free(parse_measure_acc *m);
static void repeated_list(parse_state *ps, const char *kw, bool *seen, span *first, span sp);
static parse_assess_acc *assess_acc_new(parse_state *ps);
static void assess_acc_free(parse_assess_acc *as);
static parse_cond_acc *cond_acc_new(parse_state *ps, ast_expr *measured);
static void cond_acc_free(parse_cond_acc *c);
static parse_test_acc *test_acc_new(void);
static void test_acc_free(parse_test_acc *t);
static bool is_word(parse_state *ps, ast_name w, const char *want, const char *what);
static ast_expect expect_number(parse_state *ps, ast_expectkind k, ast_name item, double v, span num_sp);

static ast_decl *new_decl(parse_state *ps, ast_declkind k, span sp);
static ast_decl *keep_decl(parse_state *ps, ast_dropkind what, span kw, span kind, parse_list *names);
static ast_target *new_target(parse_state *ps, ast_targetkind k, ast_expr *measured);
static ast_milestone milestone(int op, ast_expr *goal, const ast_year *by, span sp);
static int year_value(parse_state *ps, double v, span sp);
static ast_agg aggregate(parse_state *ps, ast_name word, int op, double limit, span sp);
static ast_name source_name(parse_state *ps, span sp);
static void given_twice(parse_state *ps, const char *what, const char *where, span again, span first);
static void veto_redlines(parse_state *ps, parse_assess_acc *as, span sp);
static void too_deep(parse_state *ps, span sp);
static ast_decl *plan_finish(parse_state *ps, parse_plan_acc *p, ast_name name, const char *title,
                             const parse_extends *ext, span sp);
static void ind_attr(parse_state *ps, ast_decl *d, const parse_indattr *at);
static ast_decl *map_finish(parse_state *ps, ast_name name, const char *title, parse_list *items, span sp);
static void mapitems_free(parse_list *items);
static void target_attr(parse_state *ps, ast_target *t, const parse_tattr *at);
static ast_decl *new_override(parse_state *ps, ast_overkind what, ast_name name, span sp);
static ast_measure *measure_finish(parse_state *ps, parse_measure_acc *m, ast_name id, const char *title,
                                   ast_expr *weight, span sp);
static ast_target *cond_finish(parse_state *ps, parse_cond_acc *c);
static void lose_pending(parse_state *ps);
static int misspelt_statement(parse_state *ps, const PARSE_STYPE *val, span loc);
static bool brace_missing(parse_state *ps, int tok, const PARSE_STYPE *val, span *loc);
static bool close_missing(parse_state *ps, int tok, const PARSE_STYPE *val, span *loc);
static ast_measure *measure_recovered(parse_state *ps, parse_measure_acc *acc, span sp);
static void lose(parse_state *ps, ast_lostkind k, const char *name);
static void quoted_agency(parse_state *ps, const char *text, span sp);
static void allow_names(parse_state *ps, parse_list *names, const char *reason, span kw);
static bool allow_attached(parse_state *ps, span loc);

/* Stops the parse when an expression or unit tree gets too deep. */
#define CHECK_DEPTH(node)                  \
    do {                                   \
        if ((node)->depth > AST_MAX_DEPTH) { \
            too_deep(ps, (node)->sp);      \
            YYABORT;                       \
        }                                  \
    } while (0)
}

%define api.pure full
%define api.prefix {parse_}
%define api.location.type {span}
%define parse.error custom
%define parse.lac full
%locations
%param {parse_state *ps}
%expect 0

%initial-action { @$ = (span){ps->file, 0, 0}; }

%union {
    ast_name name;
    const char *str;
    double num;
    bool flag;
    int ival;
    ast_expr *expr;
    ast_unit *unit;
    ast_decl *decl;
    ast_measure *measure;
    ast_target *target;
    ast_year year;
    ast_period period;
    ast_scope scope;
    ast_weight weight;
    ast_band band;
    parse_optyear oyear;
    parse_keys keys;
    parse_rtail rtail;
    parse_extends ext;
    parse_indattr iattr;
    ast_agg agg;
    parse_tattr tattr;
    parse_list *list;
    parse_plan_acc *plan;
    parse_measure_acc *macc;
    parse_assess_acc *assess;
    parse_cond_acc *cond;
    parse_test_acc *tacc;
    ast_expect expect;
    ast_valrow valrow;
    parse_mapitem mapitem;
    parse_list *mitems;
    ast_mapentry mapval;
}

%destructor { list_free($$); } <list>
%destructor { plan_acc_free($$); } <plan>
%destructor { measure_acc_free($$); } <macc>
%destructor { assess_acc_free($$); } <assess>
%destructor { cond_acc_free($$); } <cond>
%destructor { test_acc_free($$); } <tacc>
%destructor { list_free($$.texts); } <mapitem>
%destructor { mapitems_free($$); } <mitems>

%token <name> IDENT "name"
%token <str> STRING "string"
%token <num> NUMBER "number"

%token KW_PLAN "plan" KW_REGION "region" KW_REGIONS "regions" KW_LEVELS "levels"
%token KW_BASELINE "baseline" KW_HORIZON "horizon" KW_PERIODS "periods" KW_KEYS "keys"
%token KW_ALIAS "alias" KW_AGENCY "agency" KW_UNIT "unit" KW_INDICATOR "indicator"
%token KW_HIGHER "higher" KW_LOWER "lower" KW_COLUMN "column" KW_IN "in"
%token KW_FORMULA "formula" KW_SECTION "section" KW_MEASURE "measure" KW_LEAD "lead"
%token KW_RESPONSIBLE "responsible" KW_SHARED "shared" KW_TARGET "target"
%token KW_REDLINE "redline" KW_FOR "for" KW_EXCEPT "except" KW_BY "by"
%token KW_COMPLETE "complete" KW_RATED "rated" KW_FALLS "falls" KW_RISES "rises"
%token KW_PEAKS "peaks" KW_EVERY "every" KW_YEAR "year" KW_TOLERANCE "tolerance"
%token KW_WEIGHT "weight" KW_VETO "veto" KW_SCORE "score" KW_CLAUSE "clause"
%token KW_NOTE "note" KW_ASSESSMENT "assessment" KW_MISSING "missing" KW_ZERO "zero"
%token KW_REWEIGHT "reweight" KW_ERROR "'error'" KW_GRADE "grade" KW_REDLINES "redlines"
%token KW_IF "if" KW_THEN "then" KW_ELSE "else" KW_AND "and" KW_OR "or" KW_NOT "not"
%token KW_YES "yes" KW_NO "no"
%token KW_IMPORT "import" KW_AS "as" KW_EXTENDS "extends" KW_OVERRIDE "override"
%token KW_DROP "drop" KW_REPLACES "replaces" KW_TEST "test" KW_OF "of" KW_MAP "map"
%token KW_KEEP "keep"   /* a contextual word: never from the scanner (parse_lex) */
%token KW_TARGETS "targets" /* a contextual word: `targets` right after `override` (parse_lex) */
%token KW_ALLOW "allow"
%token KW_ALLOW_ATTR "'allow' after a target or region" /* `allow` on the line of a target's or
                                   region's text, or after an indicator's comma (parse_lex) */
%token START_SETTING "start of a setting"
%token DOTDOT ".." LE "<=" GE ">=" EQ "==" NE "!=" PERMILLE "‰"

%type <decl> decl plan levels region agency unit indicator section assessment
%type <decl> import drop keep override ovr_indicator test map
%type <tacc> test_items
%type <expect> expect_what
%type <plan> plan_items
%type <valrow> valrow opt_valyears
%type <mitems> mapitems
%type <mapitem> mapitem
%type <mapval> mapvalue
%type <list> level_items
%type <name> opt_level_text
%type <list> valrows periods names qnames anames clauseids strings opt_aliases measures args wts bands
%type <list> wnames
%type <period> period
%type <keys> keys key
%type <name> clauseid clauseref qname aname opt_ident opt_parent opt_as opt_level opt_map wname opt_move
%type <rtail> region_tail opt_members
%type <ext> opt_extends
%type <iattr> ind_attr
%type <tattr> target_attr
%type <str> opt_string
%type <measure> measure
%type <macc> measure_items
%type <target> target ovr_target condition
%type <cond> milestones
%type <flag> target_kw
%type <scope> opt_scope
%type <year> year
%type <oyear> opt_by peak_tail
%type <expr> opt_tolerance opt_weight expr or_e and_e not_e cmp sum term unary primary
%type <ival> cmpop missing_mode
%type <unit> unitexpr unitterm unitatom opt_in_unit
%type <agg> opt_agg
%type <num> signed_number
%type <assess> assess_items
%type <weight> wt
%type <band> band

%start top
%%

/* top := program | START_SETTING NAME '=' (sum | NUMBER '..' NUMBER): a
 * rules file, or (the token parse_setting puts first) the NAME=VALUE of a
 * command line's --set: a constant, or the years of a period */
top:
    program
  | START_SETTING qname '=' sum  { ps->set_name = $2; ps->set_value = $4; }
  | START_SETTING qname '=' NUMBER DOTDOT NUMBER
        {
            ps->set_name = $2;
            ps->set_period = (ast_period){.name = $2, .sp = @$};
            ps->set_period.from = year_value(ps, $4, @4);
            ps->set_period.to = year_value(ps, $6, @6);
        }
  ;

/* program := { decl } */
program:
    %empty
  | program decl
        {
            /* an `allow` inside the declaration, not inside one of its
             * measures or targets: the whole declaration */
            diag_allow_scope(ps->d, @2, @2);
            if ($2)
                ptrvec_push(ps->a, &ps->decls, $2);
            ps->pending_indicator = ps->pending_map = (ast_name){0};
            ps->pending_regions.n = 0;
        }
  | program error       { lose_pending(ps); }
  ;

/* decl := plan | levels | region | agency | unit | indicator | section | assessment
 *       | import | drop | keep | override | test | map
 * A target or a measure among the declarations is parsed whole (so what
 * precedes it ends as usual and its own errors are reported), then
 * reported as out of place and dropped. */
decl:
    plan | levels | region | agency | unit | indicator | section | assessment
  | import | drop | keep | override | test | map
  | allow
        {
            /* among the declarations: the whole file */
            const diag_file *f = &ps->d->files[ps->file];
            diag_allow_scope(ps->d, @1, (span){ps->file, 0, (uint32_t)f->len});
            $$ = NULL;
        }
  | target
        {
            diag_error(ps->d, $1->sp, "a %s belongs in a measure",
                       msgcat_get(ps->d->lang, $1->redline ? "red line" : "target"));
            diag_hint(ps->d, "write it inside a measure of a section: section ID \"TITLE\" "
                             "{ measure (ID) \"TITLE\" { %s ... } }", $1->redline ? "redline" : "target");
            $$ = NULL;
        }
  | measure
        {
            if ($1) {
                diag_error(ps->d, $1->sp, "measure (%s) belongs in a section", $1->id.s);
                diag_hint(ps->d, "write it inside a section: section ID \"TITLE\" { measure (%s) ... }",
                          $1->id.s);
            }
            $$ = NULL;
        }
  ;

/* The keywords that start a declaration or a block item.  Reducing one ends
 * error recovery, so the next error is reported even if it comes within
 * three tokens of the last one (bison's default). */
kw_plan:        KW_PLAN         { yyerrok; } ;
kw_levels:      KW_LEVELS       { yyerrok; } ;
kw_region:      KW_REGION       { yyerrok; } ;
kw_agency:      KW_AGENCY       { yyerrok; } ;
kw_unit:        KW_UNIT         { yyerrok; } ;
kw_indicator:   KW_INDICATOR    { yyerrok; } ;
kw_section:     KW_SECTION      { yyerrok; } ;
kw_assessment:  KW_ASSESSMENT   { yyerrok; } ;
kw_import:      KW_IMPORT       { yyerrok; } ;
kw_drop:        KW_DROP         { yyerrok; } ;
kw_keep:        KW_KEEP         { yyerrok; } ;
kw_override:    KW_OVERRIDE     { yyerrok; } ;
kw_test:        KW_TEST         { yyerrok; } ;
kw_map:         KW_MAP          { yyerrok; } ;
kw_baseline:    KW_BASELINE     { yyerrok; } ;
kw_horizon:     KW_HORIZON      { yyerrok; } ;
kw_periods:     KW_PERIODS      { yyerrok; } ;
kw_keys:        KW_KEYS         { yyerrok; } ;
kw_measure:     KW_MEASURE      { yyerrok; } ;
kw_lead:        KW_LEAD         { yyerrok; } ;
kw_responsible: KW_RESPONSIBLE  { yyerrok; } ;
kw_shared:      KW_SHARED       { yyerrok; } ;
kw_missing:     KW_MISSING      { yyerrok; ps->missing_open = true; } ;
kw_score:       KW_SCORE        { yyerrok; } ;
kw_weight:      KW_WEIGHT       { yyerrok; } ;
kw_veto:        KW_VETO         { yyerrok; } ;
kw_grade:       KW_GRADE        { yyerrok; } ;
kw_allow:       KW_ALLOW        { yyerrok; } ;


/* ---- plan ---- */

/* plan := 'plan' IDENT [STRING] ['extends' STRING ['as' IDENT]] '{' { plan_item } '}'
 * After an error in a block's header (here and in section, measure and
 * assessment), the block's body is still parsed, so its errors are
 * reported, and then dropped (the value is NULL). */
plan:
    kw_plan IDENT opt_string opt_extends '{' plan_items '}'
        { $$ = plan_finish(ps, $6, $2, $3, &$4, @$); }
  | kw_plan error '{' plan_items '}'
        { plan_acc_free($4); $$ = NULL; }
  ;

/* ['extends' STRING ['as' IDENT]] */
opt_extends:
    %empty                      { $$ = (parse_extends){0}; }
  | KW_EXTENDS STRING opt_as    { $$ = (parse_extends){.path = $2, .sp = @2, .as = $3}; }
  ;

/* ['as' IDENT] */
opt_as:
    %empty              { $$ = (ast_name){0}; }
  | KW_AS IDENT         { $$ = $2; }
  ;

/* ['in' '(' clauseid ')']: the measure an overridden target moves to.  It
 * follows the name (and `as NEW`), before the text and the scope, so the
 * `in` of a scope (`for city in 江苏`, after `for`) is never read as it;
 * the '(' after `in` is a clause id's, as in `drop measure (九)`. */
opt_move:
    %empty                      { $$ = (ast_name){0}; }
  | KW_IN '(' clauseid ')'      { $$ = $3; }
  ;

/* ---- modules and extension ---- */

/* import := 'import' STRING ['as' IDENT] */
import:
    kw_import STRING opt_as
        {
            $$ = new_decl(ps, D_IMPORT, @$);
            $$->u.import.path = $2;
            $$->u.import.path_sp = @2;
            $$->u.import.as = $3;
        }
  ;

/* drop := 'drop' ('target' names | 'measure' clauseids | 'section' names
 *                 | 'region' names | 'regions' | 'indicator' names | 'agency' names
 *                 | 'assessment') */
drop:
    kw_drop KW_TARGET names
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_TARGET; $$->u.drop.names = names_finish(ps, $3); }
  | kw_drop KW_MEASURE clauseids
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_MEASURE; $$->u.drop.names = names_finish(ps, $3); }
  | kw_drop KW_SECTION names
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_SECTION; $$->u.drop.names = names_finish(ps, $3); }
  | kw_drop KW_REGION names
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_REGION; $$->u.drop.names = names_finish(ps, $3); }
  | kw_drop KW_REGIONS
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_REGIONS; }
  | kw_drop KW_INDICATOR names
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_INDICATOR; $$->u.drop.names = names_finish(ps, $3); }
  | kw_drop KW_AGENCY names
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_AGENCY; $$->u.drop.names = names_finish(ps, $3); }
  | kw_drop KW_ASSESSMENT
        { $$ = new_decl(ps, D_DROP, @$); $$->u.drop.what = DROP_ASSESSMENT; }
  ;

/* keep := 'keep' ('target' names | 'measure' clauseids | 'section' names
 *                 | 'region' names | 'indicator' names | 'agency' names)
 * The base's other items of that kind leave the program, as if dropped
 * (import.c, apply_keep).  `keep` is a word, not a keyword: parse_lex
 * returns KW_KEEP only for a `keep` that starts a line outside every block
 * and is followed by one of these six keywords, so a rules file may still
 * name an agency or a region `keep`.  The statement's span is that of
 * `keep` and the kind's word, where the drops it makes are shown. */
keep:
    kw_keep KW_TARGET names
        { $$ = keep_decl(ps, DROP_TARGET, @1, @2, $3); }
  | kw_keep KW_MEASURE clauseids
        { $$ = keep_decl(ps, DROP_MEASURE, @1, @2, $3); }
  | kw_keep KW_SECTION names
        { $$ = keep_decl(ps, DROP_SECTION, @1, @2, $3); }
  | kw_keep KW_REGION names
        { $$ = keep_decl(ps, DROP_REGION, @1, @2, $3); }
  | kw_keep KW_INDICATOR names
        { $$ = keep_decl(ps, DROP_INDICATOR, @1, @2, $3); }
  | kw_keep KW_AGENCY names
        { $$ = keep_decl(ps, DROP_AGENCY, @1, @2, $3); }
  ;

/* test := 'test' STRING '{' { test_item } '}' */
test:
    kw_test STRING '{' test_items '}'
        {
            $$ = new_decl(ps, D_TEST, @$);
            $$->u.test.title = $2;
            $$->u.test.data = list_finish(ps, $4->data, &$$->u.test.ndata);
            $$->u.test.expects = list_finish(ps, $4->expects, &$$->u.test.nexpects);
            $4->data = $4->expects = NULL;
            test_acc_free($4);
        }
  | kw_test error '{' test_items '}'
        { test_acc_free($4); $$ = NULL; }
  ;

/* test_item := 'data' STRING | 'expect' IDENT NUMBER expect_what
 * (`data` and `expect` are words of the test block, not keywords) */
test_items:
    %empty
        { $$ = test_acc_new(); }
  | test_items IDENT STRING
        {
            $$ = $1;
            if (is_word(ps, $2, "data", "'data' or 'expect'")) {
                ast_dataline dl = {$3, @3};
                list_push($$->data, &dl);
            }
        }
  | test_items IDENT IDENT NUMBER expect_what
        {
            $$ = $1;
            if (is_word(ps, $2, "expect", "'data' or 'expect'")) {
                ast_expect x = $5;
                x.region = $3;
                x.year = year_value(ps, $4, @4);
                x.year_sp = @4;
                x.sp = @$;
                x.sp.lo = @2.lo;
                list_push($$->expects, &x);
            }
        }
  ;

/* expect_what := IDENT (STATUS | 'missing' | 'score' N | 'value' N)
 *              | 'total' N | 'measure' '(' clauseid ')' N | 'grade' IDENT
 *              | 'veto' ('yes' | 'no') */
expect_what:
    IDENT IDENT
        { $$ = (ast_expect){.kind = EXP_STATUS, .item = $1, .word = $2}; }
  | IDENT KW_MISSING
        { $$ = (ast_expect){.kind = EXP_STATUS, .item = $1, .word = source_name(ps, @2)}; }
  | IDENT KW_SCORE signed_number
        { $$ = expect_number(ps, EXP_SCORE, $1, $3, @3); }
  | IDENT IDENT signed_number
        {
            $$ = expect_number(ps, EXP_VALUE, $1, $3, @3);
            is_word(ps, $2, "value", "'value', 'score' or a status");
        }
  | IDENT signed_number
        {
            $$ = expect_number(ps, EXP_TOTAL, $1, $2, @2);
            is_word(ps, $1, "total", "'total' or a target");
        }
  | KW_MEASURE '(' clauseid ')' signed_number
        { $$ = expect_number(ps, EXP_MEASURE, $3, $5, @5); }
  | KW_GRADE IDENT
        { $$ = (ast_expect){.kind = EXP_GRADE, .item = $2}; }
  | KW_VETO KW_YES
        { $$ = (ast_expect){.kind = EXP_VETO, .yes = true}; }
  | KW_VETO KW_NO
        { $$ = (ast_expect){.kind = EXP_VETO, .yes = false}; }
  ;

/* clauseids := '(' clauseid ')' {',' '(' clauseid ')'} */
clauseids:
    '(' clauseid ')'                { $$ = list_new(sizeof(ast_name)); list_push($$, &$2); }
  | clauseids ',' '(' clauseid ')'  { $$ = $1; list_push($$, &$4); }
  ;

/* override := 'override' ('target'|'redline') IDENT ['as' IDENT] ['in' '(' clauseid ')'] [STRING] [scope]
 *              [':' condition] {target_attr}
 *           | 'override' 'measure' '(' clauseid ')' [STRING] ['weight' sum] '{' { measure_item } '}'
 *           | 'override' 'section' IDENT [STRING] ['weight' sum] '{' { measure } '}'
 *           | 'override' 'indicator' IDENT ['as' IDENT] [STRING] [':' unitexpr] {',' ind_attr}
 *           | 'override' 'assessment' IDENT '{' { assess_item } '}'
 *           | 'override' 'region' IDENT ['as' IDENT] [':' IDENT] ['in' qname] ['alias' STRING {',' STRING}]
 *           | 'override' 'targets' scope
 * Only what is written changes; the rest is the base's (docs/LANGUAGE.md §14).
 * `override targets for SCOPE` gives every base target without a scope
 * that scope (import.c, rescope_targets); `targets` is a word, not a
 * keyword (parse_lex), so a rules file may still name something so.
 * `override target NAME in (ID)` moves the base's target to measure (ID),
 * a base measure or one the file adds, with its weight, veto and note
 * (import.c, move_targets). */
override:
    ovr_target
        {
            $$ = new_override(ps, OVR_TARGET, $1->name, @$);
            $$->u.over.target = $1;
        }
  | kw_override KW_MEASURE '(' clauseid ')' opt_string opt_weight '{' measure_items '}'
        {
            $$ = new_override(ps, OVR_MEASURE, $4, @$);
            $$->u.over.measure = measure_finish(ps, $9, $4, $6, $7, @$);
        }
  | kw_override KW_SECTION IDENT opt_string opt_weight '{' measures '}'
        {
            $$ = new_override(ps, OVR_SECTION, $3, @$);
            ast_section *s = arena_alloc(ps->a, sizeof *s);
            s->id = $3;
            s->title = $4;
            s->weight = $5;
            s->sp = @$;
            s->measures = list_finish(ps, $7, &s->nmeasures);
            for (uint32_t i = 0; i < s->nmeasures; i++)
                s->measures[i]->section = s;
            $$->u.over.section = s;
        }
  | ovr_indicator
        {
            $$ = new_override(ps, OVR_INDICATOR, $1->u.ind.name, @$);
            $$->u.over.decl = $1;
            $$->u.over.rename = $1->u.ind.rename;
        }
  | kw_override KW_ASSESSMENT IDENT '{' assess_items '}'
        {
            $$ = new_override(ps, OVR_ASSESSMENT, $3, @$);
            ast_decl *d = $5->d;
            d->sp = @$;
            d->u.assess.name = $3;
            d->u.assess.weights = list_finish(ps, $5->weights, &d->u.assess.nweights);
            uint32_t nveto;
            ast_name *veto = list_finish(ps, $5->veto, &nveto);
            d->u.assess.veto = (ast_names){veto, nveto};
            d->u.assess.bands = list_finish(ps, $5->bands, &d->u.assess.nbands);
            $5->weights = $5->veto = $5->bands = NULL;
            assess_acc_free($5);
            $$->u.over.decl = d;
        }
  | kw_override KW_REGION IDENT opt_as opt_level opt_parent opt_members opt_aliases opt_allow_attr
        {
            /* a D_REGION of the old name holding what the override gives:
             * the level and the parent (.s NULL: the base's), a group's
             * members (is_group false: the base's), the aliases (none
             * given: the base's) */
            $$ = new_override(ps, OVR_REGION, $3, @$);
            $$->u.over.rename = $4;
            ast_decl *d = new_decl(ps, D_REGION, @$);
            ast_name *nm = arena_alloc(ps->a, sizeof *nm);
            *nm = $3;
            d->u.region.names = (ast_names){nm, 1};
            d->u.region.level = $5;
            d->u.region.parent = $6;
            d->u.region.members = $7.members;
            d->u.region.is_group = $7.is_group;
            if ($8) {
                uint32_t n = 0;
                ast_name *al = list_finish(ps, $8, &n);
                d->u.region.aliases = arena_alloc(ps->a, (n + 1) * sizeof(const char *));
                d->u.region.alias_sp = arena_alloc(ps->a, (n + 1) * sizeof(span));
                for (uint32_t k = 0; k < n; k++) {
                    d->u.region.aliases[k] = al[k].s;
                    d->u.region.alias_sp[k] = al[k].sp;
                }
                d->u.region.naliases = n;
            }
            $$->u.over.decl = d;
        }
  | kw_override KW_TARGETS opt_scope
        {
            $$ = new_override(ps, OVR_TARGETS, (ast_name){.s = "targets", .sp = @2}, @$);
            $$->u.over.scope = $3;
            if (!$3.only.n) {
                diag_error(ps->d, @2, "'override targets' gives the base's targets without a scope a scope, "
                                      "but none is written");
                diag_hint(ps->d, "write the levels or regions they hold for: 'override targets for province, city'");
            }
        }
  ;

/* [':' IDENT]: a region's level in its override */
opt_level:
    %empty              { $$ = (ast_name){0}; }
  | ':' IDENT           { $$ = $2; }
  ;

/* The target of an override: its name (and new name, and the measure it
 * moves to), then what it restates. */
ovr_target:
    kw_override target_kw IDENT opt_as opt_move opt_string opt_scope ':' condition
        {
            $$ = $9;
            $$->redline = $2;
            $$->name = $3;
            $$->rename = $4;
            $$->move = $5;
            $$->desc = $6;
            $$->scope = $7;
            $$->sp = @$;
        }
  | kw_override target_kw IDENT opt_as opt_move opt_string opt_scope
        {
            /* no condition: the base's is kept (measured stays NULL) */
            $$ = arena_alloc(ps->a, sizeof *$$);
            $$->redline = $2;
            $$->name = $3;
            $$->rename = $4;
            $$->move = $5;
            $$->desc = $6;
            $$->scope = $7;
            $$->sp = @$;
        }
  | ovr_target target_attr
        { $$ = $1; $$->sp = @$; target_attr(ps, $$, &$2); }
  | ovr_target allow_attr
        { $$ = $1; $$->sp = @$; }
  ;

/* The indicator of an override: its name, then what it restates. */
ovr_indicator:
    kw_override KW_INDICATOR IDENT opt_as opt_string
        {
            $$ = new_decl(ps, D_INDICATOR, @$);
            $$->u.ind.name = $3;
            $$->u.ind.rename = $4;
            $$->u.ind.display = $5;
        }
  | kw_override KW_INDICATOR IDENT opt_as opt_string ':' unitexpr
        {
            $$ = new_decl(ps, D_INDICATOR, @$);
            $$->u.ind.name = $3;
            $$->u.ind.rename = $4;
            $$->u.ind.display = $5;
            $$->u.ind.unit = $7;
        }
  | ovr_indicator ',' ind_attr
        { $$ = $1; $$->sp = @$; ind_attr(ps, $$, &$3); }
  | ovr_indicator ',' allow_ind
        { $$ = $1; $$->sp = @$; }
  ;

/* plan_item := 'region' IDENT | 'baseline' NUMBER | 'horizon' NUMBER
 *            | 'periods' period {',' period} | 'keys' key {',' key}
 * Each item fills in the plan being built; giving one twice is an error. */
plan_items:
    %empty
        { $$ = plan_acc_new(ps); }
  | plan_items kw_region IDENT
        {
            $$ = $1;
            if ($$->d->u.plan.region.s)
                given_twice(ps, "region", "plan", @3, $$->d->u.plan.region.sp);
            else
                $$->d->u.plan.region = $3;
        }
  | plan_items kw_baseline NUMBER
        {
            $$ = $1;
            if ($$->d->u.plan.has_baseline) {
                given_twice(ps, "baseline", "plan", @2, $$->d->u.plan.baseline_sp);
            } else {
                $$->d->u.plan.has_baseline = true;
                $$->d->u.plan.baseline = year_value(ps, $3, @3);
                $$->d->u.plan.baseline_sp = @3;
            }
        }
  | plan_items kw_horizon NUMBER
        {
            $$ = $1;
            if ($$->d->u.plan.has_horizon) {
                given_twice(ps, "horizon", "plan", @2, $$->d->u.plan.horizon_sp);
            } else {
                $$->d->u.plan.has_horizon = true;
                $$->d->u.plan.horizon = year_value(ps, $3, @3);
                $$->d->u.plan.horizon_sp = @3;
            }
        }
  | plan_items kw_periods periods
        { $$ = $1; list_append($$->periods, $3); ps->pending_periods.n = 0; }
  | plan_items kw_keys keys
        {
            $$ = $1;
            if ($3.region) {
                if ($$->d->u.plan.region_key)
                    given_twice(ps, "keys region", "plan", $3.region_sp, $$->region_key_sp);
                else {
                    $$->d->u.plan.region_key = $3.region;
                    $$->d->u.plan.region_key_sp = $3.region_sp;
                    $$->region_key_sp = $3.region_sp;
                }
            }
            if ($3.year) {
                if ($$->d->u.plan.year_key)
                    given_twice(ps, "keys year", "plan", $3.year_sp, $$->year_key_sp);
                else {
                    $$->d->u.plan.year_key = $3.year;
                    $$->d->u.plan.year_key_sp = $3.year_sp;
                    $$->year_key_sp = $3.year_sp;
                }
            }
        }
  | plan_items allow
        { $$ = $1; }
  | plan_items error
        { $$ = $1; $$->d->u.plan.items_lost = true; lose_pending(ps); }
  ;

/* periods := period {',' period} */
periods:
    period              { $$ = list_new(sizeof(ast_period)); list_push($$, &$1); }
  | periods ',' period  { $$ = $1; list_push($$, &$3); }
  ;

/* period := IDENT '=' NUMBER '..' NUMBER */
period:
    IDENT { ptrvec_push(ps->a, &ps->pending_periods, (void *)$1.s); } '=' NUMBER DOTDOT NUMBER
        {
            $$ = (ast_period){.name = $1, .sp = @$};
            $$.from = year_value(ps, $4, @4);
            $$.to = year_value(ps, $6, @6);
        }
  ;

/* keys := key {',' key} */
keys:
    key
  | keys ',' key
        {
            $$ = $1;
            if ($3.region && $$.region)
                given_twice(ps, "keys region", "plan", $3.region_sp, $$.region_sp);
            else if ($3.region) {
                $$.region = $3.region;
                $$.region_sp = $3.region_sp;
            }
            if ($3.year && $$.year)
                given_twice(ps, "keys year", "plan", $3.year_sp, $$.year_sp);
            else if ($3.year) {
                $$.year = $3.year;
                $$.year_sp = $3.year_sp;
            }
        }
  ;

/* key := ('region' | 'year') '=' STRING */
key:
    KW_REGION '=' STRING    { $$ = (parse_keys){.region = $3, .region_sp = @$}; }
  | KW_YEAR '=' STRING      { $$ = (parse_keys){.year = $3, .year_sp = @$}; }
  ;

/* ---- levels, regions, agencies ---- */

/* levels := 'levels' level {',' level} */
levels:
    kw_levels level_items
        {
            $$ = new_decl(ps, D_LEVELS, @$);
            levels_finish(ps, $$, $2);
        }
  ;

/* Each level as a pair of names: the level's, and its text (.s NULL: none) */
level_items:
    IDENT opt_level_text
        {
            ast_name pair[2] = {$1, $2};
            $$ = list_new(sizeof pair);
            list_push($$, pair);
        }
  | level_items ',' IDENT opt_level_text
        {
            ast_name pair[2] = {$3, $4};
            $$ = $1;
            list_push($$, pair);
        }
  | level_items IDENT opt_level_text
        {
            /* `levels province city`: the ',' left out; the level kept,
             * so that the regions of it are not undefined one by one */
            diag_error(ps->d, @2, "missing ',' before the level '%s'", $2.s);
            ast_name pair[2] = {$2, $3};
            $$ = $1;
            list_push($$, pair);
        }
  ;

/* level := IDENT [STRING]: the text a reader is shown for the level
 * (`city "市州"`); a second text is an error, the first one kept */
opt_level_text:
    %empty              { $$ = (ast_name){0}; }
  | opt_level_text STRING
        {
            if ($1.s) {
                diag_error(ps->d, @2, "a level's text is given twice");
                diag_note(ps->d, $1.sp, "first given here");
                diag_hint(ps->d, "give a level one text: `city \"市州\"`");
                $$ = $1;
            } else {
                $$ = (ast_name){.s = $2, .sp = @2};
            }
        }
  ;

/* region := 'region' IDENT {',' IDENT} ':' IDENT ['in' qname] region_tail
 *           ['alias' STRING {',' STRING}] */
region:
    kw_region names
        {
            /* kept until the program holds the declaration (lose_pending) */
            for (uint32_t k = 0; k < $2->n; k++)
                ptrvec_push(ps->a, &ps->pending_regions,
                            (void *)((const ast_name *)($2->v + k * $2->elsize))->s);
        }
    ':' IDENT opt_parent region_tail opt_aliases
        {
            $$ = new_decl(ps, D_REGION, @$);
            $$->u.region.names = names_finish(ps, $2);
            $$->u.region.level = $5;
            $$->u.region.parent = $6;
            $$->u.region.replaces = $7.replaces;
            $$->u.region.members = $7.members;
            $$->u.region.is_group = $7.is_group;
            if ($8) {
                /* the alias texts, and apart where each is written */
                uint32_t n = 0;
                ast_name *al = list_finish(ps, $8, &n);
                $$->u.region.aliases = arena_alloc(ps->a, (n + 1) * sizeof(const char *));
                $$->u.region.alias_sp = arena_alloc(ps->a, (n + 1) * sizeof(span));
                for (uint32_t k = 0; k < n; k++) {
                    $$->u.region.aliases[k] = al[k].s;
                    $$->u.region.alias_sp[k] = al[k].sp;
                }
                $$->u.region.naliases = n;
            }
        }
  | region allow_attr
        { $$ = $1; $$->sp = @$; }
  ;

/* ['in' qname] */
opt_parent:
    %empty              { $$ = (ast_name){0}; }
  | KW_IN qname         { $$ = $2; }
  ;

/* region_tail := ['replaces' IDENT] ['of' qname {',' qname}], in either
 * order: the base region this one stands for, the members of a group */
region_tail:
    %empty                                  { $$ = (parse_rtail){0}; }
  | KW_REPLACES IDENT                       { $$ = (parse_rtail){.replaces = $2}; }
  | KW_OF qnames                            { $$ = (parse_rtail){.members = names_finish(ps, $2), .is_group = true}; }
  | KW_REPLACES IDENT KW_OF qnames          { $$ = (parse_rtail){.replaces = $2, .members = names_finish(ps, $4), .is_group = true}; }
  | KW_OF qnames KW_REPLACES IDENT          { $$ = (parse_rtail){.replaces = $4, .members = names_finish(ps, $2), .is_group = true}; }
  ;

/* ['of' qname {',' qname}]: the members an override gives a group */
opt_members:
    %empty              { $$ = (parse_rtail){0}; }
  | KW_OF qnames        { $$ = (parse_rtail){.members = names_finish(ps, $2), .is_group = true}; }
  ;

/* ['alias' STRING {',' STRING}] */
opt_aliases:
    %empty              { $$ = NULL; }
  | KW_ALIAS strings    { $$ = $2; }
  ;

/* strings := STRING {',' STRING} */
strings:
    STRING              { ast_name s = {.s = $1, .sp = @1}; $$ = list_new(sizeof(ast_name)); list_push($$, &s); }
  | strings ',' STRING  { ast_name s = {.s = $3, .sp = @3}; $$ = $1; list_push($$, &s); }
  ;

/* agency := 'agency' IDENT [STRING] ['replaces' IDENT {',' IDENT}] */
agency:
    kw_agency IDENT opt_string
        {
            $$ = new_decl(ps, D_AGENCY, @$);
            $$->u.agency.name = $2;
            $$->u.agency.full = $3;
        }
  | kw_agency IDENT opt_string KW_REPLACES names
        {
            $$ = new_decl(ps, D_AGENCY, @$);
            $$->u.agency.name = $2;
            $$->u.agency.full = $3;
            $$->u.agency.replaces = names_finish(ps, $5);
        }
  ;

/* ---- units ---- */

/* unit := 'unit' IDENT ['=' NUMBER unitexpr] */
unit:
    kw_unit IDENT
        {
            $$ = new_decl(ps, D_UNIT, @$);
            $$->u.unit.name = $2;
        }
  | kw_unit IDENT '=' NUMBER unitexpr
        {
            $$ = new_decl(ps, D_UNIT, @$);
            $$->u.unit.name = $2;
            $$->u.unit.has_def = true;
            $$->u.unit.factor = $4;
            $$->u.unit.base = $5;
        }
  | kw_unit IDENT '=' NUMBER
        {
            /* `unit 万亩 = 10000`: the unit the number counts left out;
             * the unit kept (without a value: declared_unit), so that its
             * uses are not undefined one by one */
            char num[64] = "";
            diag_span_text(ps->d, @4, num, sizeof num);
            diag_error(ps->d, @4, "the unit '%s' is defined as %s of no unit: write the unit the number counts "
                                  "('unit %s = %s UNIT')", $2.s, num, $2.s, num);
            $$ = new_decl(ps, D_UNIT, @$);
            $$->u.unit.name = $2;
            $$->u.unit.has_def = true;
            $$->u.unit.factor = $4;
        }
  ;

/* unitexpr := unitterm { ('*' | '/') unitterm } */
unitexpr:
    unitterm
  | unitexpr '*' unitterm   { $$ = ast_unitbin(ps->a, @$, UX_MUL, $1, $3); CHECK_DEPTH($$); }
  | unitexpr '/' unitterm   { $$ = ast_unitbin(ps->a, @$, UX_DIV, $1, $3); CHECK_DEPTH($$); }
  ;

/* unitterm := unitatom ['^' ['-'] NUMBER] | NUMBER | '(' unitexpr ')'
 * The NUMBER standing alone must be 1 (the dimensionless unit); the
 * exponent a whole number from 1 to 99. */
unitterm:
    unitatom
  | unitatom '^' NUMBER
        {
            if ($3 != floor($3) || $3 < 1 || $3 > 99)
                diag_error(ps->d, @3, "an exponent must be a whole number from 1 to 99");
            $$ = ast_unitpow(ps->a, @$, $1, $3 >= 1 && $3 <= 99 ? (int)$3 : 1);
            CHECK_DEPTH($$);
        }
  | unitatom '^' '-' NUMBER
        {
            if ($4 != floor($4) || $4 < 1 || $4 > 99)
                diag_error(ps->d, @4, "an exponent must be a whole number from 1 to 99");
            $$ = ast_unitpow(ps->a, @$, $1, $4 >= 1 && $4 <= 99 ? -(int)$4 : -1);
            CHECK_DEPTH($$);
        }
  | NUMBER
        {
            if ($1 != 1)
                diag_error(ps->d, @1, "only the number 1 can stand for a unit");
            $$ = ast_unitname(ps->a, (ast_name){.s = "1", .sp = @1});
        }
  | '(' unitexpr ')'        { $$ = $2; }
  ;

/* unitatom := qname | '%' | '‰' */
unitatom:
    qname                   { $$ = ast_unitname(ps->a, $1); }
  | '%'                     { $$ = ast_unitname(ps->a, (ast_name){.s = "%", .sp = @1}); }
  | PERMILLE                { $$ = ast_unitname(ps->a, (ast_name){.s = "‰", .sp = @1}); }
  ;

/* ---- indicators ---- */

/* indicator := 'indicator' IDENT [STRING] ':' unitexpr { ',' ind_attr } */
indicator:
    kw_indicator IDENT { ps->pending_indicator = $2; } opt_string ':' unitexpr
        {
            $$ = new_decl(ps, D_INDICATOR, @$);
            $$->u.ind.name = $2;
            $$->u.ind.display = $4;
            $$->u.ind.unit = $6;
        }
  | indicator ',' ind_attr
        { $$ = $1; $$->sp = @$; ind_attr(ps, $$, &$3); }
  | indicator ',' allow_ind
        { $$ = $1; $$->sp = @$; }
  ;

/* ind_attr := 'higher' | 'lower' | 'column' STRING ['as' qname] ['in' unitexpr] [aggregate]
 *           | 'formula' expr | 'values' '{' valrows [','] '}'  ('values' is a word, not a keyword) */
ind_attr:
    KW_HIGHER                   { $$ = (parse_indattr){.kind = KW_HIGHER, .kw_sp = @1}; }
  | KW_LOWER                    { $$ = (parse_indattr){.kind = KW_LOWER, .kw_sp = @1}; }
  | KW_COLUMN STRING opt_map opt_in_unit opt_agg
        { $$ = (parse_indattr){.kind = KW_COLUMN, .kw_sp = @1, .column = $2, .column_sp = @2, .map = $3,
                               .unit = $4, .agg = $5}; }
  | KW_FORMULA expr             { $$ = (parse_indattr){.kind = KW_FORMULA, .kw_sp = @1, .formula = $2}; }
  | IDENT '{' valrows opt_comma '}'
        {
            /* another word is reported, then read as 'values' (a table in
             * braces can be nothing else), so the table is still checked */
            $$ = (parse_indattr){.kind = IDENT, .kw_sp = @1};
            $$.values = list_finish(ps, $3, &$$.nvalues);
            is_word(ps, $1, "values", "'higher', 'lower', 'column', 'formula' or 'values'");
        }
  ;

/* [','] after a table's last row, as a table written a row a line often ends */
opt_comma:
    %empty
  | ','
  ;

/* valrows := valrow {',' valrow} */
valrows:
    valrow              { $$ = list_new(sizeof(ast_valrow)); list_push($$, &$1); }
  | valrows ',' valrow  { $$ = $1; list_push($$, &$3); }
  ;

/* valrow := (qnames | 'else') '=' sum ['in' valyears] ['note' STRING]
 * (regions or levels, or 'else' for every region no other row gives; the
 * constant they hold, the years it holds in, and where it comes from) */
valrow:
    qnames '=' sum opt_valyears
        { $$ = $4; $$.regions = names_finish(ps, $1); $$.value = $3; $$.sp = @$; }
  | qnames '=' sum opt_valyears KW_NOTE STRING
        { $$ = $4; $$.regions = names_finish(ps, $1); $$.value = $3; $$.note = $6; $$.sp = @$; }
  | KW_ELSE '=' sum opt_valyears
        { $$ = $4; $$.is_else = true; $$.else_sp = @1; $$.value = $3; $$.sp = @$; }
  | KW_ELSE '=' sum opt_valyears KW_NOTE STRING
        { $$ = $4; $$.is_else = true; $$.else_sp = @1; $$.value = $3; $$.note = $6; $$.sp = @$; }
  ;

/* ['in' valyears], valyears := year | NUMBER '..' NUMBER  (a year, a period
 * name for every year of it, or a range of years); only the years are set */
opt_valyears:
    %empty              { $$ = (ast_valrow){0}; }
  | KW_IN year          { $$ = (ast_valrow){.has_years = true, .from = $2, .to = $2, .years_sp = @2}; }
  | KW_IN NUMBER DOTDOT NUMBER
        {
            $$ = (ast_valrow){.has_years = true, .years_sp = @$};
            $$.years_sp.lo = @2.lo;
            $$.from = (ast_year){.year = year_value(ps, $2, @2), .sp = @2};
            $$.to = (ast_year){.year = year_value(ps, $4, @4), .sp = @4};
        }
  ;

/* ['as' qname]: the text map a column's cells are read through (not
 * 'map': a column at the end of an indicator may be followed by a map's
 * declaration) */
opt_map:
    %empty              { $$ = (ast_name){0}; }
  | KW_AS qname         { $$ = $2; }
  ;

/* ---- text maps ---- */

/* map := 'map' IDENT [STRING] '{' mapitem {',' mapitem} [','] '}' */
map:
    kw_map IDENT { ps->pending_map = $2; } opt_string '{' mapitems opt_comma '}'
        { $$ = map_finish(ps, $2, $4, $6, @$); }
  ;

/* mapitems := mapitem {',' mapitem} */
mapitems:
    mapitem                 { $$ = list_new(sizeof(parse_mapitem)); list_push($$, &$1); }
  | mapitems ',' mapitem    { $$ = $1; list_push($$, &$3); }
  ;

/* mapitem := STRING {',' STRING} '=' mapvalue | 'else' ('missing' | 'error') */
mapitem:
    strings '=' mapvalue    { $$ = (parse_mapitem){.texts = $1, .value = $3, .sp = @$}; }
  | KW_ELSE KW_MISSING      { $$ = (parse_mapitem){.else_missing = true, .sp = @$}; }
  | KW_ELSE KW_ERROR        { $$ = (parse_mapitem){.sp = @$}; }
  ;

/* mapvalue := ['-'] NUMBER | 'missing' | 'yes' | 'no' */
mapvalue:
    NUMBER          { $$ = (ast_mapentry){.value = $1, .value_sp = @$}; }
  | '-' NUMBER      { $$ = (ast_mapentry){.value = -$2, .value_sp = @$}; }
  | KW_MISSING      { $$ = (ast_mapentry){.value = NAN, .missing = true, .value_sp = @$}; }
  | KW_YES          { $$ = (ast_mapentry){.value = 1, .yesno = true, .value_sp = @$}; }
  | KW_NO           { $$ = (ast_mapentry){.value = 0, .yesno = true, .value_sp = @$}; }
  ;

/* ['in' unitexpr] */
opt_in_unit:
    %empty              { $$ = NULL; }
  | KW_IN unitexpr      { $$ = $2; }
  ;

/* aggregate := 'mean' | 'sum' | 'min' | 'max' | 'count' | 'share' cmpop ['-'] NUMBER ['%']
 * The words are names, not keywords (min and max stay usable elsewhere);
 * aggregate() checks them. */
opt_agg:
    %empty                      { $$ = (ast_agg){.kind = AGG_NONE}; }
  | IDENT                       { $$ = aggregate(ps, $1, -1, 0, @$); }
  | IDENT cmpop signed_number   { $$ = aggregate(ps, $1, $2, $3, @$); }
  ;

/* ['-'] NUMBER ['%']: a share's limit, compared with the cells as written
 * (a cell 70% reads as 70, so the limit may be written 75%) */
signed_number:
    NUMBER              { $$ = $1; }
  | NUMBER '%'          { $$ = $1; }
  | '-' NUMBER          { $$ = -$2; }
  | '-' NUMBER '%'      { $$ = -$2; }
  ;

/* ---- sections and measures ---- */

/* section := 'section' IDENT [STRING] ['weight' sum] '{' { measure } '}' */
section:
    kw_section IDENT opt_string opt_weight '{' measures '}'
        {
            ast_section *s = arena_alloc(ps->a, sizeof *s);
            s->id = $2;
            s->title = $3;
            s->weight = $4;
            s->sp = @$;
            s->measures = list_finish(ps, $6, &s->nmeasures);
            for (uint32_t i = 0; i < s->nmeasures; i++)
                s->measures[i]->section = s;
            $$ = new_decl(ps, D_SECTION, @$);
            $$->u.section = s;
        }
  | kw_section error '{' measures '}'
        { list_free($4); $$ = NULL; }
  ;

/* { measure } */
measures:
    %empty              { $$ = list_new(sizeof(ast_measure *)); }
  | measures measure
        {
            /* an `allow` inside the measure, not inside one of its targets */
            diag_allow_scope(ps->d, @2, @2);
            $$ = $1;
            if ($2)
                list_push($$, &$2);
        }
  | measures allow      { $$ = $1; }
  | measures error      { $$ = $1; diag_allow_drop(ps->d, @2); lose_pending(ps); }
  ;

/* measure := 'measure' '(' clauseid ')' [STRING] ['weight' sum] '{' { measure_item } '}' */
measure:
    kw_measure '(' clauseid ')' opt_string opt_weight '{' measure_items '}'
        { $$ = measure_finish(ps, $8, $3, $5, $6, @$); }
  | kw_measure error '{' measure_items '}'
        { $$ = measure_recovered(ps, $4, @$); }
  ;

/* ['weight' sum]: a section's or measure's weight, in its header */
opt_weight:
    %empty              { $$ = NULL; }
  | KW_WEIGHT sum       { $$ = $2; }
  ;

/* clauseid := IDENT | NUMBER | IDENT '.' (IDENT | NUMBER)
 * (a number is kept as written: (1), (2.1)); a part and its clause,
 * (四.一), for a plan that numbers its clauses anew in each part */
clauseid:
    IDENT
  | NUMBER              { $$ = source_name(ps, @1); }
  | IDENT '.' IDENT     { $$ = (ast_name){.s = arena_printf(ps->a, "%s.%s", $1.s, $3.s), .sp = @$}; }
  | IDENT '.' NUMBER
        {
            ast_name n = source_name(ps, @3);
            $$ = (ast_name){.s = arena_printf(ps->a, "%s.%s", $1.s, n.s), .sp = @$};
        }
  ;

/* measure_item := 'lead' names | 'responsible' names | 'shared' names | target */
measure_items:
    %empty                              { $$ = measure_acc_new(ps); }
  | measure_items kw_lead anames
        {
            $$ = $1;
            /* `lead A` then `lead B` in one measure: a copied block that
             * kept its old lead, or joint leads split over two lines;
             * either way one list says it (`lead A, B`) */
            if ($$->has_lead) {
                diag_error(ps->d, @2, "'lead' is given twice in this measure; name every lead agency in one "
                                      "list ('lead A, B')");
                diag_note(ps->d, $$->lead_sp, "the first 'lead' is here");
                list_free($3);
            } else {
                $$->has_lead = true;
                $$->lead_sp = @2;
                list_append($$->lead, $3);
            }
        }
  | measure_items kw_responsible anames
        {
            $$ = $1;
            repeated_list(ps, "responsible", &$$->has_responsible, &$$->responsible_sp, @2);
            list_append($$->responsible, $3);
        }
  | measure_items kw_shared anames
        {
            $$ = $1;
            $$->m->has_shared = true;
            repeated_list(ps, "shared", &$$->has_shared_line, &$$->shared_sp, @2);
            list_append($$->shared, $3);
        }
  | measure_items target
        {
            diag_allow_scope(ps->d, @2, @2);
            $$ = $1;
            list_push($$->targets, &$2);
            ps->pending_target = (ast_name){0};
        }
  | measure_items allow                 { $$ = $1; }
  | measure_items error                 { $$ = $1; diag_allow_drop(ps->d, @2); lose_pending(ps); }
  ;

/* ---- targets ---- */

/* target      := ('target'|'redline') [IDENT] [STRING] ['for' qnames ['except' qnames]]
 *                ':' condition { target_attr }
 *              | ('target'|'redline') condition { target_attr }
 * A target with no name, text or scope may leave out the colon:
 * `target 近岸海域水质优良比例 >= 92% by 2027`. */
target:
    target_kw opt_ident opt_string opt_scope ':' condition
        {
            $$ = $6;
            $$->redline = $1;
            $$->name = $2;
            $$->desc = $3;
            $$->scope = $4;
            $$->sp = @$;
        }
  | target_kw condition
        {
            $$ = $2;
            $$->redline = $1;
            $$->scope = (ast_scope){.sp = {@1.file, @1.hi, @1.hi}};
            $$->sp = @$;
        }
  | target target_attr
        { $$ = $1; $$->sp = @$; target_attr(ps, $$, &$2); }
  | target allow_attr
        { $$ = $1; $$->sp = @$; }
  ;

/* target_attr := 'weight' sum | 'veto' | 'score' expr | 'clause' clauseref | 'note' STRING
 *              | 'baseline' year */
target_attr:
    KW_WEIGHT sum       { $$ = (parse_tattr){.kind = KW_WEIGHT, .kw_sp = @1, .expr = $2}; }
  | KW_VETO             { $$ = (parse_tattr){.kind = KW_VETO, .kw_sp = @1}; }
  | KW_SCORE expr       { $$ = (parse_tattr){.kind = KW_SCORE, .kw_sp = @1, .expr = $2}; }
  | KW_CLAUSE clauseref { $$ = (parse_tattr){.kind = KW_CLAUSE, .kw_sp = @1, .clause = $2}; }
  | KW_NOTE STRING      { $$ = (parse_tattr){.kind = KW_NOTE, .kw_sp = @1, .note = $2}; }
  | KW_BASELINE year    { $$ = (parse_tattr){.kind = KW_BASELINE, .kw_sp = @1, .year = $2}; }
  ;

/* 'target' | 'redline' (true for a red line) */
target_kw:
    KW_TARGET           { yyerrok; $$ = false; }
  | KW_REDLINE          { yyerrok; $$ = true; }
  ;

/* [IDENT] */
opt_ident:
    %empty              { $$ = (ast_name){0}; }
  | IDENT               { $$ = $1; ps->pending_target = $1; }
  ;

/* [STRING] */
opt_string:
    %empty              { $$ = NULL; }
  | STRING
  ;

/* ['for' qnames ['in' qnames] ['except' qnames]] */
opt_scope:
    %empty              { $$ = (ast_scope){.sp = @$}; }
  | KW_FOR qnames
        { $$ = (ast_scope){.only = names_finish(ps, $2), .sp = @$}; }
  | KW_FOR qnames KW_EXCEPT qnames
        {
            $$ = (ast_scope){.sp = @$};
            $$.only = names_finish(ps, $2);
            $$.except = names_finish(ps, $4);
        }
  | KW_FOR qnames KW_IN qnames
        {
            $$ = (ast_scope){.sp = @$};
            $$.only = names_finish(ps, $2);
            $$.within = names_finish(ps, $4);
        }
  | KW_FOR qnames KW_IN qnames KW_EXCEPT qnames
        {
            $$ = (ast_scope){.sp = @$};
            $$.only = names_finish(ps, $2);
            $$.within = names_finish(ps, $4);
            $$.except = names_finish(ps, $6);
        }
  ;

/* condition := sum cmpop goal ['by' year] {',' cmpop goal 'by' year}
 *            | 'complete' sum ['tolerance' sum] 'by' year
 *            | 'rated' sum cmpop goal 'by' year {',' cmpop goal 'by' year}
 *            | sum 'falls' 'every' 'year'
 *            | sum 'rises' 'every' 'year'
 *            | sum 'peaks' ['by' year] ['tolerance' sum]
 * goal := sum ['tolerance' sum]   (a goal "about" a number: 20%左右)
 * The first form is split: without `by` it is a single every-year
 * threshold; with `by` it starts the milestone list (milestones), which a
 * rated target has too. */
condition:
    sum cmpop sum opt_tolerance
        {
            $$ = new_target(ps, TG_THRESHOLD, $1);
            $$->ms = arena_alloc(ps->a, sizeof *$$->ms);
            $$->ms[0] = milestone($2, $3, NULL, $4 ? ast_join(@2, @4) : ast_join(@2, @3));
            $$->ms[0].tolerance = $4;
            $$->nms = 1;
        }
  | milestones
        { $$ = cond_finish(ps, $1); }
  | milestones KW_TOLERANCE sum
        {
            /* `>= 20% by 2025 tolerance 0.5%`, as `peaks` writes it: the
             * tolerance belongs to the goal, before its deadline */
            diag_error(ps->d, @2, "a goal's tolerance comes after the goal, before 'by'");
            diag_hint(ps->d, "write it after the goal: '>= 20%% tolerance 0.5%% by 2025'");
            $$ = cond_finish(ps, $1);
        }
  | KW_COMPLETE sum opt_tolerance KW_BY year
        {
            /* complete x [tolerance t] by Y  ==  x >= 100% [tolerance t] by Y
             * (基本实现全覆盖, "about 100%": a tolerance before its `by`,
             * as on any goal) */
            $$ = new_target(ps, TG_COMPLETE, $2);
            ast_unit *pct = ast_unitname(ps->a, (ast_name){.s = "%", .sp = @1});
            $$->ms = arena_alloc(ps->a, sizeof *$$->ms);
            $$->ms[0] = milestone(OP_GE, ast_num(ps->a, @1, 100, pct), &$5, @$);
            $$->ms[0].tolerance = $3;
            $$->nms = 1;
        }
  | KW_COMPLETE sum opt_tolerance KW_BY year KW_TOLERANCE sum
        {
            diag_error(ps->d, @6, "a goal's tolerance comes after the goal, before 'by'");
            diag_hint(ps->d, "on 'complete' it follows what is completed: 'complete X tolerance 1%% "
                             "by 2025'");
            $$ = new_target(ps, TG_COMPLETE, $2);
            ast_unit *pct = ast_unitname(ps->a, (ast_name){.s = "%", .sp = @1});
            $$->ms = arena_alloc(ps->a, sizeof *$$->ms);
            $$->ms[0] = milestone(OP_GE, ast_num(ps->a, @1, 100, pct), &$5, @$);
            $$->ms[0].tolerance = $3;
            $$->nms = 1;
        }
  | KW_RATED milestones
        {
            $$ = cond_finish(ps, $2);
            $$->kind = TG_RATED;
        }
  | sum KW_FALLS KW_EVERY KW_YEAR
        { $$ = new_target(ps, TG_FALLS, $1); }
  | sum KW_RISES KW_EVERY KW_YEAR
        { $$ = new_target(ps, TG_RISES, $1); }
  | sum KW_PEAKS peak_tail
        {
            $$ = new_target(ps, TG_PEAKS, $1);
            $$->has_peak_by = $3.has;
            $$->peak_by = $3.y;
            $$->tolerance = $3.tol;
        }
  ;

/* peak_tail := ['by' year] ['tolerance' sum] | 'tolerance' sum ['by' year]
 * The tolerance of `peaks` may follow its deadline or, as a threshold's
 * does, come before it. */
peak_tail:
    opt_by
        { $$ = $1; }
  | KW_BY year KW_TOLERANCE sum
        { $$ = (parse_optyear){.has = true, .y = $2, .tol = $4}; }
  | KW_TOLERANCE sum opt_by
        { $$ = $3; $$.tol = $2; }
  ;

/* milestones := sum cmpop goal 'by' year {',' cmpop goal 'by' year} */
milestones:
    sum cmpop sum opt_tolerance KW_BY year
        {
            $$ = cond_acc_new(ps, $1);
            ast_milestone m = milestone($2, $3, &$6, ast_join(@2, @6));
            m.tolerance = $4;
            list_push($$->ms, &m);
        }
  | milestones ',' cmpop sum opt_tolerance KW_BY year
        {
            $$ = $1;
            ast_milestone m = milestone($3, $4, &$7, ast_join(@3, @7));
            m.tolerance = $5;
            list_push($$->ms, &m);
        }
  ;

/* ['by' year] */
opt_by:
    %empty              { $$ = (parse_optyear){0}; }
  | KW_BY year          { $$ = (parse_optyear){.has = true, .y = $2}; }
  ;

/* ['tolerance' sum] */
opt_tolerance:
    %empty              { $$ = NULL; }
  | KW_TOLERANCE sum    { $$ = $2; }
  ;

/* year := NUMBER | qname  (a year, or the name of a period) */
year:
    NUMBER              { $$ = (ast_year){.year = year_value(ps, $1, @1), .sp = @1}; }
  | qname               { $$ = (ast_year){.period = $1, .sp = @1}; }
  ;

/* cmpop := '<' | '<=' | '>' | '>=' | '==' | '!=' */
cmpop:
    '<'                 { $$ = OP_LT; }
  | LE                  { $$ = OP_LE; }
  | '>'                 { $$ = OP_GT; }
  | GE                  { $$ = OP_GE; }
  | EQ                  { $$ = OP_EQ; }
  | NE                  { $$ = OP_NE; }
  ;

/* ---- the assessment ---- */

/* assessment := 'assessment' IDENT '{' { assess_item } '}' */
assessment:
    kw_assessment IDENT '{' assess_items '}'
        {
            $$ = $4->d;
            $$->sp = @$;
            $$->u.assess.name = $2;
            $$->u.assess.weights = list_finish(ps, $4->weights, &$$->u.assess.nweights);
            uint32_t nveto;
            ast_name *veto = list_finish(ps, $4->veto, &nveto);
            $$->u.assess.veto = (ast_names){veto, nveto};
            $$->u.assess.bands = list_finish(ps, $4->bands, &$$->u.assess.nbands);
            $4->weights = $4->veto = $4->bands = NULL;
            assess_acc_free($4);
        }
  | kw_assessment error '{' assess_items '}'
        { assess_acc_free($4); $$ = NULL; }
  ;

/* assess_item := 'missing' ('zero'|'reweight'|'error') | 'score' expr
 *              | 'weight' wt {',' wt} | 'veto' ('redlines' [',' names] | names)
 *              | 'grade' band {',' band}
 * Weights and vetoes may be spread over several items; the others are
 * given once. */
assess_items:
    %empty
        { $$ = assess_acc_new(ps); }
  | assess_items kw_missing missing_mode
        {
            $$ = $1;
            ps->missing_open = false;
            if ($$->d->u.assess.missing != MISSING_UNSET)
                given_twice(ps, "missing", "assessment", @2, $$->d->u.assess.missing_sp);
            else {
                $$->d->u.assess.missing = (ast_missing)$3;
                $$->d->u.assess.missing_sp = ast_join(@2, @3);
            }
        }
  | assess_items kw_score expr
        {
            $$ = $1;
            if ($$->d->u.assess.score)
                given_twice(ps, "score", "assessment", @2, $$->d->u.assess.score->sp);
            else
                $$->d->u.assess.score = $3;
        }
  | assess_items kw_weight wts
        { $$ = $1; list_append($$->weights, $3); }
  | assess_items kw_veto KW_REDLINES
        { $$ = $1; veto_redlines(ps, $$, ast_join(@2, @3)); }
  | assess_items kw_veto KW_REDLINES ',' qnames
        {
            $$ = $1;
            veto_redlines(ps, $$, ast_join(@2, @3));
            list_append($$->veto, $5);
        }
  | assess_items kw_veto qnames
        { $$ = $1; list_append($$->veto, $3); }
  | assess_items kw_grade bands
        {
            $$ = $1;
            if ($$->d->u.assess.grade_sp.hi != 0) {
                given_twice(ps, "grade", "assessment", @2, $$->d->u.assess.grade_sp);
                list_free($3);
            } else {
                $$->d->u.assess.grade_sp = ast_join(@2, @3);
                list_append($$->bands, $3);
            }
        }
  | assess_items allow
        { $$ = $1; }
  | assess_items error
        {
            $$ = $1;
            /* `missing 0`: one error, not one more for a policy never given */
            if (ps->missing_open)
                $$->d->u.assess.missing_lost = true;
            ps->missing_open = false;
        }
  ;

/* 'zero' | 'reweight' | 'error' */
missing_mode:
    KW_ZERO             { $$ = MISSING_ZERO; }
  | KW_REWEIGHT         { $$ = MISSING_REWEIGHT; }
  | KW_ERROR            { $$ = MISSING_ERROR; }
  ;

/* wt {',' wt} */
wts:
    wt                  { $$ = list_new(sizeof(ast_weight)); list_push($$, &$1); }
  | wts ',' wt          { $$ = $1; list_push($$, &$3); }
  ;

/* wt := 'section' qname '=' sum | 'measure' clauseref '=' sum | 'target' qname '=' sum */
wt:
    KW_SECTION qname '=' sum
        { $$ = (ast_weight){WK_SECTION, $2, $4, @$}; }
  | KW_MEASURE clauseref '=' sum
        { $$ = (ast_weight){WK_MEASURE, $2, $4, @$}; }
  | KW_TARGET qname '=' sum
        { $$ = (ast_weight){WK_TARGET, $2, $4, @$}; }
  ;

/* band {',' band} */
bands:
    band                { $$ = list_new(sizeof(ast_band)); list_push($$, &$1); }
  | bands ',' band      { $$ = $1; list_push($$, &$3); }
  ;

/* band := (IDENT | STRING) ['>=' sum] */
band:
    IDENT               { $$ = (ast_band){.name = $1, .sp = @$}; }
  | STRING              { $$ = (ast_band){.name = {.s = $1, .sp = @1}, .sp = @$}; }
  | IDENT GE sum        { $$ = (ast_band){.name = $1, .has_min = true, .min = $3, .sp = @$}; }
  | STRING GE sum       { $$ = (ast_band){.name = {.s = $1, .sp = @1}, .has_min = true, .min = $3, .sp = @$}; }
  ;

/* names := IDENT {',' IDENT}  (names being declared) */
names:
    IDENT               { $$ = list_new(sizeof(ast_name)); list_push($$, &$1); }
  | names ',' IDENT     { $$ = $1; list_push($$, &$3); }
  ;

/* qnames := qname {',' qname}  (names being referred to) */
qnames:
    qname               { $$ = list_new(sizeof(ast_name)); list_push($$, &$1); }
  | qnames ',' qname    { $$ = $1; list_push($$, &$3); }
  ;

/* anames := aname {',' aname}: the agencies of a measure (`lead 厅, 委`);
 * aname := qname | STRING, a quoted string (`lead "省生态环境厅"`, an
 * agency's full name) being an error of its own with a hint, and left
 * out of the list */
anames:
    aname               { $$ = list_new(sizeof(ast_name)); if ($1.s) list_push($$, &$1); }
  | anames ',' aname    { $$ = $1; if ($3.s) list_push($$, &$3); }
  ;

aname:
    qname
  | STRING              { quoted_agency(ps, $1, @1); $$ = (ast_name){0}; }
  ;

/* qname := IDENT | IDENT '.' IDENT  (a name, or one qualified by the module
 * that declares it: 辽宁.耕地保有量) */
qname:
    IDENT
  | IDENT '.' IDENT
        {
            $$ = $3;
            $$.sp = @$;
            $$.qual = $1.s;
            $$.qual_sp = @1;
        }
  ;

/* clauseref := '(' clauseid ')' | IDENT '.' '(' clauseid ')'  (a measure) */
clauseref:
    '(' clauseid ')'                { $$ = $2; }
  | IDENT '.' '(' clauseid ')'
        {
            $$ = $4;
            $$.qual = $1.s;
            $$.qual_sp = @1;
        }
  ;

/* ---- expressions ---- */

/* expr := 'if' expr 'then' expr 'else' expr | or_e */
expr:
    KW_IF expr KW_THEN expr KW_ELSE expr
        { $$ = ast_if(ps->a, @$, $2, $4, $6); CHECK_DEPTH($$); }
  | or_e
  ;

/* or_e := or_e 'or' and_e | and_e */
or_e:
    or_e KW_OR and_e    { $$ = ast_binary(ps->a, @$, OP_OR, $1, $3); CHECK_DEPTH($$); }
  | and_e
  ;

/* and_e := and_e 'and' not_e | not_e */
and_e:
    and_e KW_AND not_e  { $$ = ast_binary(ps->a, @$, OP_AND, $1, $3); CHECK_DEPTH($$); }
  | not_e
  ;

/* not_e := 'not' not_e | cmp */
not_e:
    KW_NOT not_e        { $$ = ast_unary(ps->a, @$, OP_NOT, $2); CHECK_DEPTH($$); }
  | cmp
  ;

/* cmp := sum cmpop sum | sum  (comparisons do not chain) */
cmp:
    sum cmpop sum       { $$ = ast_binary(ps->a, @$, (ast_op)$2, $1, $3); CHECK_DEPTH($$); }
  | sum
  ;

/* sum := sum ('+' | '-') term | term */
sum:
    sum '+' term        { $$ = ast_binary(ps->a, @$, OP_ADD, $1, $3); CHECK_DEPTH($$); }
  | sum '-' term        { $$ = ast_binary(ps->a, @$, OP_SUB, $1, $3); CHECK_DEPTH($$); }
  | term
  ;

/* term := term ('*' | '/') unary | unary */
term:
    term '*' unary      { $$ = ast_binary(ps->a, @$, OP_MUL, $1, $3); CHECK_DEPTH($$); }
  | term '/' unary      { $$ = ast_binary(ps->a, @$, OP_DIV, $1, $3); CHECK_DEPTH($$); }
  | unary
  ;

/* unary := '-' unary | primary */
unary:
    '-' unary           { $$ = ast_unary(ps->a, @$, OP_NEG, $2); CHECK_DEPTH($$); }
  | primary
  ;

/* primary := NUMBER [unitatom] | NUMBER '[' unitexpr ']' | 'yes' | 'no' | qname
 *          | 'year' | IDENT '(' [expr {',' expr}] ')' | 'baseline' '(' expr {',' expr} ')'
 *          | '(' expr ')' */
primary:
    NUMBER                      { $$ = ast_num(ps->a, @$, $1, NULL); }
  | NUMBER unitatom             { $$ = ast_num(ps->a, @$, $1, $2); }
  | NUMBER '[' unitexpr ']'     { $$ = ast_num(ps->a, @$, $1, $3); CHECK_DEPTH($$); }
  | KW_YES                      { $$ = ast_bool(ps->a, @$, true); }
  | KW_NO                       { $$ = ast_bool(ps->a, @$, false); }
  | qname                       { $$ = ast_namex(ps->a, $1); }
  | KW_YEAR                     { $$ = ast_namex(ps->a, (ast_name){.s = "year", .sp = @1}); }
  | KW_BASELINE '(' args ')'
        {
            /* baseline(x): a function whose name is also a keyword */
            uint32_t n;
            ast_expr **args = list_finish(ps, $3, &n);
            $$ = ast_call(ps->a, @$, (ast_name){.s = "baseline", .sp = @1}, args, n);
            CHECK_DEPTH($$);
        }
  | IDENT '(' ')'               { $$ = ast_call(ps->a, @$, $1, NULL, 0); }
  | IDENT '(' args ')'
        {
            uint32_t n;
            ast_expr **args = list_finish(ps, $3, &n);
            $$ = ast_call(ps->a, @$, $1, args, n);
            CHECK_DEPTH($$);
        }
  | '(' expr ')'                { $$ = $2; }
  ;

/* args := expr {',' expr} */
args:
    expr                { $$ = list_new(sizeof(ast_expr *)); list_push($$, &$1); }
  | args ',' expr       { $$ = $1; list_push($$, &$3); }
  ;

/* ---- allow ---- */

/* allow := 'allow' wname {',' wname} [STRING]: the warnings named are
 * accepted in the declaration or block the statement is written in (the
 * whole file among the declarations), with the reason the text gives
 * (docs/LANGUAGE.md §12).  The same after a target's or a region's text
 * on its line, or after an indicator's comma (KW_ALLOW_ATTR), is that
 * target's, region's or indicator's. */
allow:
    kw_allow wnames opt_string
        {
            if (ps->allow_inline) {
                /* after a plan item, `levels`, an assessment's line ...:
                 * neither that statement's nor (unseen) the block's */
                ps->allow_inline = false;
                diag_error(ps->d, @1, "an 'allow' after other text on its line belongs to a target, a region or "
                                      "an indicator (after a comma); this line's statement takes none");
                diag_hint(ps->d, "write the 'allow' on a line of its own: it then accepts the warnings of the "
                                 "block it is in, or of the whole file among the declarations");
                list_free($2);
            } else {
                allow_names(ps, $2, $3, @1);
            }
        }
  ;
allow_attr:
    KW_ALLOW_ATTR wnames opt_string { allow_names(ps, $2, $3, @1); }
  ;
/* [allow_attr], at the end of an override of a region */
opt_allow_attr:
    %empty
  | allow_attr
  ;
/* 'allow' wname [STRING] after an indicator's comma: one name, as the
 * comma goes on to the indicator's next attribute */
allow_ind:
    KW_ALLOW_ATTR wname opt_string
        {
            parse_list *l = list_new(sizeof(ast_name));
            list_push(l, &$2);
            allow_names(ps, l, $3, @1);
        }
  ;

/* wnames := wname {',' wname} */
wnames:
    wname               { $$ = list_new(sizeof(ast_name)); list_push($$, &$1); }
  | wnames ',' wname    { $$ = $1; list_push($$, &$3); }
  ;

/* wname := wword {'-' wword}: a warning's name, written without spaces
 * (its words may be keywords: score-below-missing, unit-factor) */
wname:
    wword               { $$ = source_name(ps, @$); }
  | wname '-' wword
        {
            /* read as written without them, so the name is still checked */
            if (@1.hi != @2.lo || @2.hi != @3.lo)
                diag_error(ps->d, @$, "a warning's name is written without spaces");
            $$ = (ast_name){.s = arena_printf(ps->a, "%s-%s", $1.s, source_name(ps, @3).s), .sp = @$};
        }
  ;

wword:
    IDENT | KW_ALLOW | KW_ALLOW_ATTR | KW_AS | KW_AGENCY | KW_BASELINE | KW_COLUMN | KW_IN | KW_MISSING
  | KW_NOTE | KW_OF | KW_PERIODS | KW_REGION | KW_REGIONS | KW_SCORE | KW_TARGET | KW_TOLERANCE | KW_UNIT
  | KW_WEIGHT | KW_YEAR | KW_YES | KW_NO
  ;

%%

/* ---- the scanner, seen from the parser ---- */

/* Follows the block headers and braces of the token stream (tok at loc)
 * in ps->blocks: a block keyword starts a header (`override` and the
 * keyword after it, one header), whose name is the first name or string
 * after it, or a clause id in parentheses; `{` pushes the block with the
 * header read since the last brace; `}` pops one.  A keyword used
 * otherwise (`drop section X`, `weight section X = 2`) leaves a header
 * that the next block keyword or brace replaces. */
static void track_blocks(parse_state *ps, int tok, span loc)
{
    switch (tok) {
    case KW_PLAN: case KW_SECTION: case KW_MEASURE: case KW_ASSESSMENT:
    case KW_TEST: case KW_OVERRIDE: case KW_MAP:
        if (ps->header_override && ps->header_state == 1) {
            ps->header.hi = loc.hi;
        } else {
            ps->header = loc;
            ps->header_state = 1;
        }
        ps->header_kw = tok;
        ps->header_override = tok == KW_OVERRIDE;
        return;
    case '{': {
        if (ps->nblocks == ps->capblocks) {
            ps->capblocks = ps->capblocks ? 2 * ps->capblocks : 8;
            ps->blocks = xrealloc(ps->blocks, ps->capblocks * sizeof *ps->blocks);
        }
        span h = ps->header.hi ? ps->header : loc;
        ps->blocks[ps->nblocks++] = (open_block){.header = h, .brace = loc, .kw = ps->header.hi ? ps->header_kw : 0};
        ps->header = (span){0};
        ps->header_state = 0;
        ps->header_override = false;
        return;
    }
    case '}':
        if (ps->nblocks)
            ps->nblocks--;
        ps->header = (span){0};
        ps->header_state = 0;
        ps->header_override = false;
        return;
    default:
        break;
    }
    ps->header_override = false;
    if (ps->header_state == 1 && tok == '(') {
        ps->header_state = 2;
    } else if (ps->header_state == 1) {
        if (tok == IDENT || tok == STRING)
            ps->header.hi = loc.hi;
        ps->header_state = 0;
    } else if (ps->header_state == 2 && tok == ')') {
        ps->header.hi = loc.hi;
        ps->header_state = 0;
    }
}

/* Follows a measure's header in the token stream (tok, val at loc), as
 * far as it goes right: its clause id, with or without its brackets
 * (`measure (一`, `measure 一)`), and the title after it.  After a syntax
 * error in the header the parser recovers at its '{' (or its first item)
 * and keeps the measure under this id (measure_recovered), so that its
 * targets are still known and every reference to them is not an error
 * of its own. */
static void track_measure_header(parse_state *ps, int tok, const PARSE_STYPE *val, span loc)
{
    if (tok == KW_SECTION) {
        bool block = ps->last_tok != KW_DROP && ps->last_tok != KW_KEEP && ps->last_tok != KW_WEIGHT &&
                     ps->last_tok != ',';
        ps->sh_state = block ? 1 : 0;
        ps->sh_end = 0;
        return;
    }
    if (ps->sh_state == 1 && tok == IDENT) {
        ps->sh_id = val->name;
        ps->sh_end = loc.hi;
        ps->sh_state = 2;
    } else if (ps->sh_state == 2 && tok == STRING) {
        ps->sh_end = loc.hi;
        ps->sh_state = 0;
    } else {
        ps->sh_state = 0;
    }
    if (tok == KW_MEASURE) {
        ps->mh_state = 1;
        ps->mh_id = (ast_name){0};
        ps->mh_title = NULL;
        ps->mh_before = ps->last_tok;
        ps->mh_end = 0;
        return;
    }
    /* a header of a block (not `drop measure (X)`, `weight measure (X)`) */
    bool block = ps->mh_before != KW_DROP && ps->mh_before != KW_KEEP && ps->mh_before != KW_WEIGHT &&
                 ps->mh_before != ',';
    bool part = tok == IDENT || tok == NUMBER;
    ast_name n = {0};
    if (part)
        n = tok == IDENT ? val->name : source_name(ps, loc);
    switch (ps->mh_state) {
    case 1:
    case 2:
        if (tok == '(' && ps->mh_state == 1) {
            ps->mh_state = 2;
        } else if (part) {
            ps->mh_id = n;
            ps->mh_state = 3;
        } else {
            ps->mh_state = 0;
        }
        break;
    case 3:
        ps->mh_state = tok == '.' ? 4 : tok == ')' ? 5 : 0;
        if (tok == ')' && block)
            ps->mh_end = loc.hi;
        if (tok == STRING)
            ps->mh_title = val->str;
        break;
    case 4:
        if (part)
            ps->mh_id = (ast_name){.s = arena_printf(ps->a, "%s.%s", ps->mh_id.s, n.s),
                                   .sp = {loc.file, ps->mh_id.sp.lo, loc.hi}};
        ps->mh_state = part ? 3 : 0;
        break;
    case 5:
        if (tok == STRING)
            ps->mh_title = val->str;
        if (tok == STRING && block)
            ps->mh_end = loc.hi;
        ps->mh_state = 0;
        break;
    default:
        break;
    }
}

/* Follows whether the statement being read is an `override target` or
 * `override redline`, or an indicator's declaration or override: from
 * those keywords to the next statement's keyword or a brace. */
static void track_override(parse_state *ps, int tok)
{
    switch (tok) {
    case KW_TARGET: case KW_REDLINE:
        if (ps->prev_tok == KW_OVERRIDE) {
            ps->ovr_target = true;
        } else if (ps->prev_tok != KW_WEIGHT && ps->prev_tok != KW_DROP && ps->prev_tok != KW_KEEP) {
            ps->ovr_target = false;
            ps->in_target = true;
        }
        break;
    case KW_PLAN: case KW_LEVELS: case KW_REGION: case KW_AGENCY: case KW_UNIT:
    case KW_INDICATOR: case KW_SECTION: case KW_MEASURE: case KW_ASSESSMENT:
    case KW_IMPORT: case KW_DROP: case KW_KEEP: case KW_OVERRIDE: case KW_TEST: case '{': case '}':
        ps->ovr_target = ps->in_target = false;
        ps->ovr_region = tok == KW_REGION && ps->prev_tok == KW_OVERRIDE;
        ps->in_region = tok == KW_REGION && (ps->nblocks == 0 || ps->ovr_region);
        ps->in_indicator = tok == KW_INDICATOR && ps->prev_tok != KW_DROP && ps->prev_tok != KW_KEEP;
        ps->ovr_indicator = tok == KW_INDICATOR && ps->prev_tok == KW_OVERRIDE;
        ps->ind_column = false;
        ps->in_map = ps->in_map && tok == '{'; /* a map's braces */
        break;
    case KW_COLUMN:
        ps->ind_column = ps->in_indicator;
        break;
    case KW_MAP:
        ps->ovr_target = ps->in_target = ps->in_indicator = ps->ovr_indicator = ps->in_region = false;
        ps->in_map = true;
        break;
    default:
        break;
    }
    ps->prev_tok = tok;
}

/* Whether the name just read (val at loc) is the word `keep` that starts
 * a `keep` statement: at the start of a line, outside every block, and
 * followed by `target`, `measure`, `section`, `region`, `indicator` or
 * `agency` (read ahead, and held for the next call of parse_lex).  A
 * `keep` anywhere else is a name as before (`lead keep`, `region 甲 : city
 * in keep` on the line above a `region`), so that no rules file that names
 * something `keep` changes its meaning. */
static bool keep_starts(parse_state *ps, const PARSE_STYPE *val, span loc)
{
    if (ps->nblocks != 0 || !val->name.s || strcmp(val->name.s, "keep") != 0 || ps->start_tok)
        return false;
    const char *text = ps->d->files[ps->file].text;
    for (uint32_t i = loc.lo; i > 0; i--) {
        char c = text[i - 1];
        if (c == '\n' || c == '\r')
            break;
        if (c != ' ' && c != '\t')
            return false;
    }
    ps->peek_tok = lex_next(ps->lex, &ps->peek_val, &ps->peek_loc);
    ps->peeked = true;
    switch (ps->peek_tok) {
    case KW_TARGET: case KW_MEASURE: case KW_SECTION: case KW_REGION: case KW_INDICATOR: case KW_AGENCY:
        return true;
    default:
        return false;
    }
}

/* Whether a measure's '{' is missing before the token just read (tok,
 * val at loc): a keyword that starts a measure's item (lead, responsible,
 * shared, target, redline) on a line after a measure's whole header
 * (`measure (一) "..."`, the last token read); or a section's, before a
 * `measure` on a line after `section 二 "..."`.  Reported once at the
 * header's end, and the '{' put in (the token is held for the next call
 * of parse_lex, and loc becomes the brace's empty span), so that the
 * measure and its items are read as written; left to the parser, the
 * error recovery skipped to the next '{', the next measure's, and lost
 * this one with every reference to its targets an error of its own. */
static bool brace_missing(parse_state *ps, int tok, const PARSE_STYPE *val, span *loc)
{
    bool measure = (tok == KW_LEAD || tok == KW_RESPONSIBLE || tok == KW_SHARED || tok == KW_TARGET ||
                    tok == KW_REDLINE) &&
                   ps->mh_end && ps->last_sp.hi == ps->mh_end && ps->header_kw == KW_MEASURE && ps->mh_id.s;
    bool section = tok == KW_MEASURE && ps->sh_end && ps->last_sp.hi == ps->sh_end &&
                   ps->header_kw == KW_SECTION;
    if (!(measure || section) || !ps->header.hi || ps->peeked)
        return false;
    uint32_t end = measure ? ps->mh_end : ps->sh_end;
    const char *text = ps->d->files[ps->file].text;
    if (!memchr(text + end, '\n', loc->lo - end))
        return false;
    span at = {ps->file, end, end};
    if (measure)
        diag_error(ps->d, at, "missing '{' after the header of measure (%s)", ps->mh_id.s);
    else
        diag_error(ps->d, at, "missing '{' after the header of section %s", ps->sh_id.s);
    ps->mh_end = ps->sh_end = 0;
    ps->peek_tok = tok;
    ps->peek_val = *val;
    ps->peek_loc = *loc;
    ps->peeked = true;
    *loc = at;
    return true;
}

/* Whether a block's '}' is missing before the token just read (tok, val
 * at loc): a keyword at the start of its line that cannot be in the
 * innermost open block, a measure (`measure`, `section` or a
 * declaration's keyword) or a section (`section` or a declaration's
 * keyword).  Reported once, with a note at the block's header, and the
 * '}' put in (the token is held for the next call of parse_lex, and loc
 * becomes the brace's empty span where the last token ended), so that
 * the next block is read as its own; left to the parser, the error
 * recovery read the next measure's items into the open one ("'lead' is
 * given twice"), or lost the declarations after it. */
static bool close_missing(parse_state *ps, int tok, const PARSE_STYPE *val, span *loc)
{
    if (ps->nblocks == 0 || ps->peeked)
        return false;
    open_block *b = &ps->blocks[ps->nblocks - 1];
    if (b->kw != KW_MEASURE && b->kw != KW_SECTION)
        return false;
    switch (tok) {
    case KW_MEASURE:
        if (b->kw != KW_MEASURE)
            return false;
        break;
    case KW_SECTION: case KW_LEVELS: case KW_AGENCY: case KW_UNIT: case KW_INDICATOR:
    case KW_ASSESSMENT: case KW_IMPORT: case KW_DROP: case KW_OVERRIDE: case KW_TEST: case KW_MAP:
    case KW_REGION: case KW_PLAN:
        break;
    default:
        return false;
    }
    const char *text = ps->d->files[ps->file].text;
    for (uint32_t i = loc->lo; i > 0; i--) {
        char c = text[i - 1];
        if (c == '\n' || c == '\r')
            break;
        if (c != ' ' && c != '\t')
            return false;
    }
    uint32_t len = b->header.hi - b->header.lo;
    const char *nl = memchr(text + b->header.lo, '\n', len);
    if (nl)
        len = (uint32_t)(nl - (text + b->header.lo));
    diag_error(ps->d, *loc, "missing '}' before this line: %.*s is not closed", (int)len,
               text + b->header.lo);
    if (!b->noted)
        diag_note(ps->d, (span){ps->file, b->header.lo, b->brace.hi}, "%.*s opened here is not closed",
                  (int)len, text + b->header.lo);
    b->noted = true;
    ps->peek_tok = tok;
    ps->peek_val = *val;
    ps->peek_loc = *loc;
    ps->peeked = true;
    *loc = (span){ps->file, ps->last_sp.hi, ps->last_sp.hi};
    return true;
}

/* The name just read (val at loc) as the keyword `override`, `drop` or
 * `keep` it misspells (`overide measure (七) {`): at the start of a line
 * outside every block, within an edit or two of the keyword (one for the
 * short ones), and followed by a keyword that the statement takes there
 * (read ahead, and held for the next call of parse_lex).  Reported once,
 * with the keyword meant, and read as it, so that the statement is read
 * as what it is; read as a name it was an error, and the `measure` after
 * it a second one ("belongs in a section") with the measure lost.
 * Returns the keyword's token, or IDENT. */
static int misspelt_statement(parse_state *ps, const PARSE_STYPE *val, span loc)
{
    static const struct { const char *word; int tok; } kws[] = {
        {"override", KW_OVERRIDE}, {"drop", KW_DROP}, {"keep", KW_KEEP},
    };
    if (ps->nblocks != 0 || !val->name.s || ps->start_tok || ps->peeked || ps->last_tok == ',')
        return IDENT;
    const char *word = val->name.s;
    int best = -1, best_d = 3;
    for (int i = 0; i < 3; i++) {
        int d = diag_editdist(word, kws[i].word), limit = strlen(kws[i].word) > 5 ? 2 : 1;
        if (d > 0 && d <= limit && d < best_d) {
            best = i;
            best_d = d;
        }
    }
    if (best < 0)
        return IDENT;
    const char *text = ps->d->files[ps->file].text;
    for (uint32_t i = loc.lo; i > 0; i--) {
        char c = text[i - 1];
        if (c == '\n' || c == '\r')
            break;
        if (c != ' ' && c != '\t')
            return IDENT;
    }
    ps->peek_tok = lex_next(ps->lex, &ps->peek_val, &ps->peek_loc);
    ps->peeked = true;
    int next = ps->peek_tok;
    bool takes;
    switch (kws[best].tok) {
    case KW_OVERRIDE:
        takes = next == KW_TARGET || next == KW_REDLINE || next == KW_MEASURE || next == KW_SECTION ||
                next == KW_INDICATOR || next == KW_REGION || next == KW_ASSESSMENT ||
                (next == IDENT && strcmp(ps->peek_val.name.s, "targets") == 0);
        break;
    case KW_DROP:
        takes = next == KW_TARGET || next == KW_MEASURE || next == KW_SECTION || next == KW_INDICATOR ||
                next == KW_REGION || next == KW_REGIONS || next == KW_AGENCY || next == KW_ASSESSMENT;
        break;
    default:
        takes = next == KW_TARGET || next == KW_MEASURE || next == KW_SECTION || next == KW_REGION ||
                next == KW_INDICATOR || next == KW_AGENCY;
        break;
    }
    if (!takes)
        return IDENT;
    diag_error(ps->d, loc, "unexpected name '%s': a misspelt keyword", word);
    diag_hint(ps->d, "did you mean '%s'?", kws[best].word);
    return kws[best].tok;
}

/* Whether the `allow` at loc belongs to what it follows (KW_ALLOW_ATTR):
 * after an indicator's comma, or on the line of a target's or region's
 * text (after anything but a brace); else it is a statement of the block
 * or file it is in (KW_ALLOW).  One after the text of another statement on
 * its line (`baseline 2020 allow ...`, `levels a, b allow ...`) is read as
 * a statement too, with ps->allow_inline set for the `allow` rule to
 * report: the attached token there made the parser's error speak of a
 * target or region, and lose the statement and the names after it. */
static bool allow_attached(parse_state *ps, span loc)
{
    ps->allow_inline = false;
    if (ps->in_indicator && ps->last_tok == ',')
        return true;
    if (ps->last_tok == 0 || ps->last_tok == '{' || ps->last_tok == '}')
        return false;
    const char *text = ps->d->files[ps->file].text;
    for (uint32_t i = loc.lo; i > 0; i--) {
        char c = text[i - 1];
        if (c == '\n' || c == '\r')
            return false;
        if (c != ' ' && c != '\t') {
            if (ps->in_target || ps->ovr_target || ps->in_region)
                return true;
            ps->allow_inline = true;
            return false;
        }
    }
    return false;
}

/* The names of an `allow` (parse list of ast_name, freed here; kw the
 * `allow` word) and its reason, or NULL: each recorded for diag_allow_scope to place, or
 * reported when no warning has that name or the warning is not about the
 * rules. */
static void allow_names(parse_state *ps, parse_list *names, const char *reason, span kw)
{
    uint32_t n = 0;
    ast_name *v = list_finish(ps, names, &n);
    for (uint32_t i = 0; i < n; i++) {
        int w = warn_lookup(v[i].s);
        if (w < 0) {
            diag_error(ps->d, v[i].sp, "no warning is named '%s'", v[i].s);
            const char *near = warn_closest(v[i].s);
            /* `allow no-percent-sums`, after the command line's -Wno-NAME */
            int off = strncmp(v[i].s, "no-", 3) == 0 ? warn_lookup(v[i].s + 3) : -1;
            if (off >= 0 && warn_about_rules((warn_id)off))
                diag_hint(ps->d, "an 'allow' names the warning it accepts: write 'allow %s' (-Wno-%s is the "
                                 "command line's way to turn it off)", v[i].s + 3, v[i].s + 3);
            else if (off >= 0)
                diag_hint(ps->d, "turn it off for a run with -Wno-%s; an 'allow' accepts the warnings about the "
                                 "rules that 'planc check' gives", v[i].s + 3);
            else if (near)
                diag_hint(ps->d, "did you mean '%s'?", near);
            else
                diag_hint(ps->d, "'planc help warnings' lists the warnings");
        } else if (!warn_about_rules((warn_id)w)) {
            diag_error(ps->d, v[i].sp, "'%s' is a warning about the data or the run, which an 'allow' of the "
                                       "rules cannot accept", v[i].s);
            diag_hint(ps->d, "turn it off for a run with -Wno-%s; an 'allow' accepts the warnings about the "
                             "rules that 'planc check' gives", v[i].s);
        } else {
            diag_allow_add(ps->d, (warn_id)w, v[i].sp, kw.lo, reason);
        }
    }
}

/* Whether s is a word that begins what an `expect` line checks after
 * its target: a status of the results or `value` (`score` is a keyword). */
static bool expectation_word(const char *s)
{
    static const char *const words[] = {"met", "on_track", "lagging", "failed", "not_applicable",
                                        "value"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

/* Whether the statement whose keyword ends at `from` opens a block: a '{'
 * on the rest of its line (outside strings and comments), or first
 * thing after it.  `section 二 "..." {` in an assessment is a section
 * after an assessment left open; `section 二 weight 20` is an item
 * written in the wrong place. */
static bool line_opens_block(parse_state *ps, uint32_t from)
{
    const diag_file *f = &ps->d->files[ps->file];
    const char *t = f->text;
    size_t i = from, n = f->len;
    while (i < n && t[i] != '\n' && t[i] != '\r') {
        if (t[i] == '{')
            return true;
        if (t[i] == '#' || (t[i] == '/' && i + 1 < n && t[i + 1] == '/'))
            break;
        if (t[i] == '/' && i + 1 < n && t[i + 1] == '*') {
            for (i += 2; i < n && t[i] != '\n' && !(t[i] == '*' && i + 1 < n && t[i + 1] == '/'); i++)
                ;
            if (i >= n || t[i] == '\n')
                return false;
            i += 2;
            continue;
        }
        if (t[i] == '"') {
            for (i++; i < n && t[i] != '"' && t[i] != '\n' && t[i] != '\r'; i++)
                if (t[i] == '\\' && i + 1 < n)
                    i++;
            if (i >= n || t[i] != '"')
                return false;
        }
        i++;
    }
    /* the brace first on a later line */
    while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
        i++;
    return i < n && t[i] == '{';
}

/* Whether keyword tok (`section`, `measure`, `target`, `redline`) at loc,
 * read after prev (the token before it), is an item written in an
 * assessment where none of them is one (only `weight section 三 = 70`
 * is): `section 三 weight 70` on a line of its own, or after another item
 * on its line (`missing zero section 三 weight 70`).  Not one that goes
 * on with a weight (`weight section 三 = 70,` then `target X = 2`), a
 * veto (`veto` then `target X`, which the parser's hint is about) or a
 * warning's name in an `allow`; nor a keyword that opens a block
 * (`section 二 "..." {`): there the assessment was indeed left open. */
static bool stray_item(parse_state *ps, int tok, int prev, span loc)
{
    if (tok != KW_SECTION && tok != KW_MEASURE && tok != KW_TARGET && tok != KW_REDLINE)
        return false;
    if (ps->nblocks == 0 || ps->blocks[ps->nblocks - 1].kw != KW_ASSESSMENT)
        return false;
    return prev != ',' && prev != KW_WEIGHT && prev != KW_VETO && prev != '-' && prev != KW_ALLOW &&
           prev != KW_ALLOW_ATTR && !line_opens_block(ps, loc.hi);
}

/* The hint after the error at a stray item of an assessment (stray_item):
 * where its weights are written.  Once a block: a second stray line
 * (`section 三 weight 70`, then `measure (九) weight 2`) is the same
 * mistake, each line an error of its own without the hint again. */
static void stray_weight_hint(parse_state *ps)
{
    open_block *b = &ps->blocks[ps->nblocks - 1];
    if (b->weight_hinted)
        return;
    b->weight_hinted = true;
    diag_hint(ps->d, "an assessment gives its weights in one 'weight' item: 'weight section 三 = 30, "
                     "measure (九) = 2, target NAME = 3' (or 'weight N' in a section's or measure's "
                     "header, after its title)");
}

/* Drops the rest of the line from loc on (parse_lex): a stray item's
 * tokens, read on, were taken for items (its `weight` with a second error
 * at the number); a '}' on it still closes the block. */
static void drop_rest_of_line(parse_state *ps, span loc)
{
    const diag_file *f = &ps->d->files[ps->file];
    const char *eol = memchr(f->text + loc.lo, '\n', f->len - loc.lo);
    ps->stray_eol = eol ? (uint32_t)(eol - f->text) : (uint32_t)f->len;
}

/* Keeps token tok (val at loc, just read) when it is part of an item of
 * the assessment being read: an item's keyword starts the item's tokens
 * anew, a brace ends them (replay_item). */
static void record_item(parse_state *ps, int tok, const PARSE_STYPE *val, span loc)
{
    bool in = ps->nblocks > 0 && ps->blocks[ps->nblocks - 1].kw == KW_ASSESSMENT;
    if (!in || tok == '{' || tok == '}') {
        ps->nitem_toks = 0;
        return;
    }
    if (tok == KW_MISSING || tok == KW_SCORE || tok == KW_WEIGHT || tok == KW_VETO || tok == KW_GRADE ||
        tok == KW_ALLOW || tok == KW_ALLOW_ATTR)
        ps->nitem_toks = 0;
    if (ps->nitem_toks < ITEM_TOKS)
        ps->item_toks[ps->nitem_toks] = (item_tok){tok, *val, loc};
    if (ps->nitem_toks <= ITEM_TOKS)
        ps->nitem_toks++;
}

/* `veto 不存在 redline 森林 weight 3`: after the error at a stray item
 * (at loc) behind a whole item on its line ('}' would have done there),
 * the parser's recovery drops that item with the stray one; its tokens,
 * kept by record_item, are read again after the recovery (parse_lex),
 * so that the veto, the grade bands or the missing-data policy before it
 * count.  An item too long to keep is said to be dropped, with a note.
 * Whether the tokens are read again. */
static int find_token(const yysymbol_kind_t *v, int n, const char *name);

static bool replay_item(parse_state *ps, span loc, const yysymbol_kind_t *expected, int n)
{
    uint32_t k = ps->nitem_toks;
    if (find_token(expected, n, "'}'") < 0 || k < 2)
        return false;
    /* only '}' and items would do: the item before was read whole
     * (`missing zero`, reduced before the parser looked at the stray
     * keyword), it is not dropped */
    bool reduced = true;
    static const char *const items[] = {"'}'", "missing", "score", "weight", "veto", "grade", "allow", "end of file"};
    for (int i = 0; i < n && reduced; i++) {
        bool item = false;
        for (size_t j = 0; j < sizeof items / sizeof items[0] && !item; j++)
            item = strcmp(yysymbol_name(expected[i]), items[j]) == 0;
        reduced = item;
    }
    if (reduced)
        return false;
    if (k > ITEM_TOKS) {
        diag_note(ps->d, (span){ps->file, ps->item_toks[0].loc.lo, ps->item_toks[0].loc.hi},
                  "the item before it on its line is dropped with it: write each item on a line of its own");
        return false;
    }
    if (ps->item_toks[k - 1].loc.lo != loc.lo)
        return false;
    ps->replay_at = 0;
    ps->replay_end = k - 1;
    ps->nitem_toks = 0;
    return true;
}

/* A stray item of an assessment that starts its line (stray_item, tok at
 * loc the token just read): reported here, once for the line, and the
 * line dropped, so that the items around it reach the parser whole.
 * Left to the parser, the error noted the assessment as not closed, and
 * its recovery took the line's `weight` for an item, with a second error
 * at the number.  One after another item on its line is the parser's
 * error, with what would have done there (yyreport_syntax_error). */
static bool stray_in_assessment(parse_state *ps, int tok, span loc)
{
    if (!stray_item(ps, tok, ps->last_tok, loc))
        return false;
    const diag_file *f = &ps->d->files[ps->file];
    for (uint32_t i = loc.lo; i > 0 && f->text[i - 1] != '\n' && f->text[i - 1] != '\r'; i--)
        if (f->text[i - 1] != ' ' && f->text[i - 1] != '\t')
            return false;
    const lbl_lang lang = ps->d->lang;
    char found[32], wanted[128];
    snprintf(found, sizeof found, "'%.*s'", (int)(loc.hi - loc.lo), f->text + loc.lo);
    snprintf(wanted, sizeof wanted, "'}'%s%s", msgcat_get(lang, " or "), msgcat_get(lang, "an assessment item"));
    diag_error(ps->d, loc, "unexpected %s, expected %s", found, wanted);
    stray_weight_hint(ps);
    drop_rest_of_line(ps, loc);
    return true;
}

static int parse_lex(PARSE_STYPE *val, span *loc, parse_state *ps)
{
    /* a loop, not a call of itself, for each token dropped: a line of a
     * million of them must not run out of stack (rules are untrusted) */
    int tok;
    if (ps->start_tok) {
        tok = ps->start_tok;
        ps->start_tok = 0;
        *loc = (span){ps->file, 0, 0};
        return tok;
    }
    if (ps->replay_at < ps->replay_end) { /* replay_item's, read and tracked before */
        const item_tok *t = &ps->item_toks[ps->replay_at++];
        *val = t->val;
        *loc = t->loc;
        return t->tok;
    }
    for (;;) {
        if (ps->peeked) {
            ps->peeked = false;
            tok = ps->peek_tok;
            *val = ps->peek_val;
            *loc = ps->peek_loc;
        } else {
            tok = lex_next(ps->lex, val, loc);
        }
        if (tok == IDENT && keep_starts(ps, val, *loc))
            tok = KW_KEEP;
        else if (tok == IDENT)
            tok = misspelt_statement(ps, val, *loc);
        if (brace_missing(ps, tok, val, loc))
            tok = '{';
        else if (close_missing(ps, tok, val, loc))
            tok = '}';
        /* `override targets for ...`: the word only there */
        if (tok == IDENT && ps->last_tok == KW_OVERRIDE && strcmp(val->name.s, "targets") == 0)
            tok = KW_TARGETS;
        if (tok == KW_ALLOW && allow_attached(ps, *loc))
            tok = KW_ALLOW_ATTR;
        if (tok == KW_TEST || tok == '}')
            ps->in_test = tok == KW_TEST;
        if (ps->in_test && tok == IDENT && strcmp(val->name.s, "expect") == 0) {
            const diag_file *f = &ps->d->files[ps->file];
            const char *eol = memchr(f->text + loc->lo, '\n', f->len - loc->lo);
            ps->expect_pos = 1;
            ps->expect_lo = loc->lo;
            ps->expect_eol = eol ? (uint32_t)(eol - f->text) : (uint32_t)f->len;
            ps->expect_skip = false;
        } else if (ps->expect_pos)
            ps->expect_pos++;
        bool same_line = ps->expect_pos && loc->lo < ps->expect_eol;
        if (ps->expect_skip && same_line && tok != '}' && tok != 0)
            continue;
        ps->expect_skip = false;
        /* the rest of a stray item's line (a '}' on it still closes the
         * assessment) */
        if (ps->stray_eol && loc->lo < ps->stray_eol && tok != '}' && tok != 0)
            continue;
        ps->stray_eol = 0;
        if (stray_in_assessment(ps, tok, *loc))
            continue;
        /* `expect 甲 2026 PM25 failed value 42.5`: a second expectation on
         * the line (a status word, `value` or `score` after a complete one)
         * is reported, and the rest of the line dropped; read on, `value`
         * would start the next line's item, and the error would be at its
         * number */
        if (ps->expect_pos >= 6 && same_line && (ps->last_tok == IDENT || ps->last_tok == NUMBER) &&
            (tok == KW_SCORE || (tok == IDENT && expectation_word(val->name.s)))) {
            diag_error(ps->d, *loc, "unexpected '%s': an 'expect' line checks one thing",
                       tok == KW_SCORE ? "score" : val->name.s);
            diag_hint(ps->d, "write each expectation on a line of its own: 'expect REGION YEAR TARGET "
                             "STATUS', then 'expect REGION YEAR TARGET value N' (or 'score N')");
            ps->expect_skip = true;
            continue;
        }
        /* `expect 台州 2023年 ...`: the word after the year is reported and
         * skipped, so that the rest of the line reads as it means (else the
         * error comes at the end of the block, after 年 was read as a
         * target) */
        if (ps->expect_pos == 4 && tok == IDENT && ps->last_tok == NUMBER && loc->lo == ps->last_sp.hi &&
            strncmp(val->name.s, "年", strlen("年")) == 0 &&
            planword_hint(ps->d->lang, val->name.s, strlen(val->name.s), 0, NULL, 0)) {
            diag_error(ps->d, *loc, "unexpected name '%s' after the year", val->name.s);
            diag_hint(ps->d, "a year is written without '%s': 'expect REGION %d ...'", val->name.s,
                      (int)ps->last_num);
            ps->expect_pos--;
            continue;
        }
        /* `expect 凉山 2025 耕地红线 value 250万亩`: a unit after an
         * expectation's number (not the year) is reported and skipped; read
         * as the start of the next line's item it would give an error
         * there, at the next region ("expected a number") */
        if (ps->expect_pos >= 5 && tok == IDENT && ps->last_tok == NUMBER && same_line) {
            diag_error(ps->d, *loc, "unexpected name '%s' after the number", val->name.s);
            diag_hint(ps->d, "an expectation's number is written without a unit (a value in the "
                             "target's unit; a score, a measure or the total in points): write '%g'",
                      ps->last_num);
            ps->expect_pos--;
            continue;
        }
        break;
    }
    if (tok == NUMBER)
        ps->last_num = val->num;
    if (tok == KW_GRADE)
        ps->grade_kw = *loc;
    else if (tok == '{' || tok == '}' || tok == KW_MISSING || tok == KW_SCORE || tok == KW_WEIGHT ||
             tok == KW_VETO || tok == KW_ALLOW || tok == KW_ALLOW_ATTR)
        ps->grade_kw = (span){0};
    if (tok == KW_PLAN && ps->nblocks == 0)
        ps->plan_written = true;
    track_blocks(ps, tok, *loc);
    track_measure_header(ps, tok, val, *loc);
    record_item(ps, tok, val, *loc);
    if (tok == '{' || tok == '}')
        ps->in_values = tok == '{' && ps->in_indicator && ps->prev_tok == IDENT;
    if (tok == IDENT && ps->ovr_indicator && ps->prev_tok == KW_INDICATOR)
        ps->ovr_indicator_name = val->name.s; /* for the hints of a syntax error */
    track_override(ps, tok);
    ps->before2_tok = ps->before_tok;
    ps->before_tok = ps->last_tok;
    ps->before_sp = ps->last_sp;
    ps->last_tok = tok;
    ps->last_sp = *loc;
    return tok;
}

/* Bison calls this only when its stack is exhausted, which takes thousands
 * of unclosed prefix operators (- not if): an expression nested too deep. */
static void parse_error(span *loc, parse_state *ps, const char *msg)
{
    (void)msg;
    too_deep(ps, *loc);
}

/* ---- syntax error messages ---- */

/* Appends printf-style text to the NUL-terminated buf of the given size,
 * cutting it short if it does not fit. */
static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
}

/* Appends the source text of sp (at most 40 code points; longer text is cut
 * and ends with "..."). */
static void append_source(parse_state *ps, char *buf, size_t size, span sp)
{
    const char *text = ps->d->files[ps->file].text;
    uint32_t end = sp.lo, count = 0;
    while (end < sp.hi && count < 40) {
        end++;
        while (end < sp.hi && ((unsigned char)text[end] & 0xC0) == 0x80)
            end++;
        count++;
    }
    append(buf, size, "%.*s%s", (int)(end - sp.lo), text + sp.lo, end < sp.hi ? "..." : "");
}

/* How a token kind is written in a message: keywords and punctuation
 * quoted as the user writes them, the others described (in lang:
 * msgcat.h). */
static void append_symbol(char *buf, size_t size, yysymbol_kind_t kind, lbl_lang lang)
{
    switch (kind) {
    case YYSYMBOL_YYEOF: append(buf, size, "%s", msgcat_get(lang, "end of file")); return;
    case YYSYMBOL_IDENT: append(buf, size, "%s", msgcat_get(lang, "a name")); return;
    case YYSYMBOL_NUMBER: append(buf, size, "%s", msgcat_get(lang, "a number")); return;
    case YYSYMBOL_STRING: append(buf, size, "%s", msgcat_get(lang, "a string")); return;
    default: break;
    }
    const char *name = yysymbol_name(kind);
    if (name[0] == '\'')
        append(buf, size, "%s", name);   /* a character token, or 'error' */
    else
        append(buf, size, "'%s'", name); /* a keyword or an operator */
}

/* Sets of tokens that are named as one in "expected ..." when all the
 * required ones would do (the optional ones are then left out too): the
 * keywords that start a declaration or a block item, and the tokens that
 * start an expression.  Tokens are given by their names in the grammar. */
static const struct token_group {
    const char *what;
    const char *required[14];
    const char *optional[4];
} token_groups[] = {
    /* a target or measure among the declarations is parsed to be reported
     * as out of place: not worth suggesting there */
    {"a declaration",
     {"plan", "levels", "region", "agency", "unit", "indicator", "section", "assessment",
      "import", "drop", "keep", "override", "test", "map"},
     {"end of file", "target", "redline", "measure"}},
    {"a plan item", {"region", "baseline", "horizon", "periods", "keys"}, {NULL}},
    /* after `drop`: more than four words, each worth naming */
    {"'target', 'measure', 'section', 'region', 'regions', 'indicator', 'agency' or 'assessment'",
     {"target", "measure", "section", "region", "regions", "indicator", "agency", "assessment"}, {NULL}},
    {"a measure item", {"lead", "responsible", "shared", "target", "redline"}, {NULL}},
    {"a target attribute", {"weight", "veto", "score", "clause", "note"}, {NULL}},
    {"an assessment item", {"missing", "score", "weight", "veto", "grade"}, {NULL}},
    {"an expression",
     {"number", "name", "'('", "'-'", "yes", "no", "year", "baseline"},
     {"if", "not"}},
};

/* `redlin 生态保护红线 ...`, `tagret X : ...`: a name (tok, its text
 * word) where keywords would have done (expected[0..n)), one of them
 * within an edit or two of it (as the checker's did-you-mean measures
 * names): the note proposes that keyword.  A name two keywords are as
 * near to gets none. */
static void keyword_hint(parse_state *ps, yysymbol_kind_t tok, const char *word, const yysymbol_kind_t *expected,
                         int n)
{
    if (tok != YYSYMBOL_IDENT || !word[0])
        return;
    const char *best = NULL;
    int best_d = 3;
    bool tie = false;
    for (int i = 0; i < n; i++) {
        const char *k = yysymbol_name(expected[i]);
        bool keyword = k[0] >= 'a' && k[0] <= 'z';
        for (const char *c = k; keyword && *c; c++)
            keyword = (*c >= 'a' && *c <= 'z') || *c == '-';
        if (!keyword || strcmp(k, word) == 0)
            continue;
        int d = diag_editdist(word, k), limit = strlen(k) > 5 ? 2 : 1;
        if (d > limit || d > best_d)
            continue;
        tie = d == best_d && best;
        if (d < best_d) {
            best = k;
            best_d = d;
        }
    }
    if (best && !tie)
        diag_hint(ps->d, "did you mean '%s'?", best);
}

/* Index in v[0..n) of the token named name, or -1. */
static int find_token(const yysymbol_kind_t *v, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(yysymbol_name(v[i]), name) == 0)
            return i;
    return -1;
}

/* Notes where a block that a syntax error at token tok (expected[0..n)
 * would have done) left open was opened: at the end of the file every
 * block still open, innermost first; at a keyword that starts a
 * declaration or a measure where '}' would have done, the innermost
 * block (`section 一 { measure ... { } assessment ...`: the section).
 * Each block is noted once. */
static void unclosed_notes(parse_state *ps, yysymbol_kind_t tok, const yysymbol_kind_t *expected, int n)
{
    bool at_end = tok == YYSYMBOL_YYEOF;
    if (!at_end) {
        static const yysymbol_kind_t starts[] = {
            YYSYMBOL_KW_PLAN, YYSYMBOL_KW_LEVELS, YYSYMBOL_KW_REGION, YYSYMBOL_KW_AGENCY,
            YYSYMBOL_KW_UNIT, YYSYMBOL_KW_INDICATOR, YYSYMBOL_KW_SECTION, YYSYMBOL_KW_ASSESSMENT,
            YYSYMBOL_KW_IMPORT, YYSYMBOL_KW_DROP, YYSYMBOL_KW_KEEP, YYSYMBOL_KW_OVERRIDE, YYSYMBOL_KW_TEST,
            YYSYMBOL_KW_MAP, YYSYMBOL_KW_MEASURE,
        };
        bool starts_decl = false;
        for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
            starts_decl |= tok == starts[i];
        if (!starts_decl || find_token(expected, n, "'}'") < 0)
            return;
    }
    const char *text = ps->d->files[ps->file].text;
    for (uint32_t k = ps->nblocks; k-- > 0;) {
        open_block *b = &ps->blocks[k];
        if (!b->noted) {
            b->noted = true;
            /* the header's text up to a line end */
            uint32_t len = b->header.hi - b->header.lo;
            const char *nl = memchr(text + b->header.lo, '\n', len);
            if (nl)
                len = (uint32_t)(nl - (text + b->header.lo));
            span sp = {ps->file, b->header.lo, b->brace.hi};
            diag_note(ps->d, sp, "%.*s opened here is not closed", (int)len, text + b->header.lo);
        }
        if (!at_end)
            break;
    }
}

/* Whether kind is among expected[0..n). */
static bool expects(const yysymbol_kind_t *expected, int n, yysymbol_kind_t kind)
{
    for (int i = 0; i < n; i++)
        if (expected[i] == kind)
            return true;
    return false;
}

/* `grade 优秀 >= 90, 良好 >= 80, 不合格 else`, `..., else 不合格`,
 * `..., 不合格 < 80`, `..., 不合格 otherwise`: a syntax error at tok (at
 * loc, on the same line) in an assessment's grade bands, right after a
 * band's name or after a ',', is the last band written with more than
 * its name.  A name there is so only when it is the line's last word
 * (`不合格 otherwise`, or `不合格 以下 }`); one with more after it
 * (`优秀 良好 >= 80, ...`) is another mistake, and a string is never.
 * The hint shows the bands as they should read, from the user's own
 * text: up to that name, or up to the ',' and then the name after an
 * `else` (NAME if there is none).  Whether it gave the hint. */
static bool grade_hint(parse_state *ps, yysymbol_kind_t tok, span loc, const yysymbol_kind_t *expected, int n)
{
    if (!ps->grade_kw.hi || ps->nblocks == 0 || ps->blocks[ps->nblocks - 1].kw != KW_ASSESSMENT ||
        tok == YYSYMBOL_STRING || ps->before_sp.hi <= ps->grade_kw.hi || ps->before_sp.hi > loc.lo)
        return false;
    /* on the band's line: a word on the next line starts what follows the
     * bands (a section after an assessment left open) */
    const char *text = ps->d->files[ps->file].text;
    if (memchr(text + ps->before_sp.hi, '\n', loc.lo - ps->before_sp.hi))
        return false;
    bool after_name = (ps->before_tok == IDENT || ps->before_tok == STRING) && expects(expected, n, YYSYMBOL_GE) &&
                      find_token(expected, n, "','") >= 0;
    bool after_comma = ps->before_tok == ',' && expects(expected, n, YYSYMBOL_IDENT) &&
                       expects(expected, n, YYSYMBOL_STRING);
    if (!after_name && !after_comma)
        return false;
    /* `优秀 > 90`, `优秀 = 90`: a bound other than '>=' is not the last
     * band's, it is the band's bound written with another comparison */
    const char *sym = yysymbol_name(tok);
    if (after_name && (tok == YYSYMBOL_LE || tok == YYSYMBOL_EQ || strcmp(sym, "'>'") == 0 ||
                       strcmp(sym, "'='") == 0 || strcmp(sym, "'<'") == 0)) {
        char band[192] = "";
        append_source(ps, band, sizeof band, ps->before_sp);
        diag_hint(ps->d, "a grade band's bound is the lowest score it takes, written with '>=': '%s >= SCORE'",
                  band);
        return true;
    }
    if (tok == YYSYMBOL_IDENT) {
        /* the name alone on the rest of its line: the token after it
         * (read ahead and held for parse_lex) on a later line, a '}' or
         * the file's end */
        if (!after_name)
            return false;
        if (!ps->peeked) {
            ps->peek_tok = lex_next(ps->lex, &ps->peek_val, &ps->peek_loc);
            ps->peeked = true;
        }
        if (ps->peek_tok != '}' && ps->peek_tok != 0 &&
            !memchr(text + loc.hi, '\n', ps->peek_loc.lo > loc.hi ? ps->peek_loc.lo - loc.hi : 0))
            return false;
    }
    char form[512];
    span upto = {ps->file, ps->grade_kw.lo, ps->before_sp.hi};
    if (!diag_span_text(ps->d, upto, form, sizeof form))
        snprintf(form, sizeof form, "grade 优秀 >= 90, 良好 >= 80, 不合格");
    else if (after_comma) {
        /* the name the `else` was written before, read ahead (and held
         * for parse_lex, as keep_starts does) */
        if (tok == YYSYMBOL_KW_ELSE && !ps->peeked) {
            ps->peek_tok = lex_next(ps->lex, &ps->peek_val, &ps->peek_loc);
            ps->peeked = true;
        }
        char name[192] = "";
        if (tok == YYSYMBOL_KW_ELSE && (ps->peek_tok == IDENT || ps->peek_tok == STRING))
            append_source(ps, name, sizeof name, ps->peek_loc);
        append(form, sizeof form, " %s", name[0] ? name : "NAME");
    }
    diag_hint(ps->d, "the last grade takes every score below the others: write its name alone, with no bound "
                     "and no 'else': '%s'", form);
    return true;
}

/* `grade 优秀 >= 90 良好 >= 80, 不合格`: a syntax error at tok (at loc,
 * expected[0..n) would have done, ',' among them) in an assessment's
 * grade bands, after a band's bound, where the next band's name stands
 * with no ',' before it: a name read as the bound's unit (`90 良好`, the
 * error then at the '>=' after it), or a name after a bound's unit
 * (`90% 良好`) with a '>=' after it (read ahead), or a string (`90
 * "良好"`, a name only a band has).  Reported as the missing ',' at that
 * name, with a note that writes the bands so, from the user's text.
 * Whether it was (else the error is the usual one). */
static bool band_comma_missing(parse_state *ps, yysymbol_kind_t tok, span loc, const yysymbol_kind_t *expected,
                               int n)
{
    if (!ps->grade_kw.hi || ps->nblocks == 0 || ps->blocks[ps->nblocks - 1].kw != KW_ASSESSMENT ||
        find_token(expected, n, "','") < 0 || ps->last_sp.lo != loc.lo || ps->last_sp.hi != loc.hi)
        return false;
    span name;
    bool bound; /* a '>=' follows the name */
    if (tok == YYSYMBOL_GE && ps->before_tok == IDENT && ps->before2_tok == NUMBER) {
        name = ps->before_sp;
        bound = true;
    } else if ((tok == YYSYMBOL_STRING || tok == YYSYMBOL_IDENT) && ps->before_tok != ',' &&
               ps->before_tok != KW_GRADE && ps->before_tok != IDENT && ps->before_tok != STRING) {
        if (!ps->peeked) { /* held for parse_lex, as grade_hint does */
            ps->peek_tok = lex_next(ps->lex, &ps->peek_val, &ps->peek_loc);
            ps->peeked = true;
        }
        bound = ps->peek_tok == GE;
        if (tok == YYSYMBOL_IDENT && !bound)
            return false;
        name = loc;
    } else {
        return false;
    }
    if (name.lo <= ps->grade_kw.hi)
        return false;
    char shown[192] = "";
    span inner = name;
    if (tok == YYSYMBOL_STRING && inner.hi - inner.lo >= 2) {
        inner.lo++;
        inner.hi--;
    }
    append_source(ps, shown, sizeof shown, inner);
    diag_error(ps->d, name, "missing ',' before the grade band '%s'", shown);
    /* the bands up to the name, with the ',' */
    char form[512];
    if (diag_span_text(ps->d, (span){ps->file, ps->grade_kw.lo, name.lo}, form, sizeof form)) {
        size_t len = strlen(form);
        while (len > 0 && form[len - 1] == ' ')
            form[--len] = '\0';
        append(form, sizeof form, ", ");
        append_source(ps, form, sizeof form, name);
        if (bound)
            append(form, sizeof form, " >= ...");
        diag_hint(ps->d, "grade bands are separated by ',': '%s'", form);
    }
    return true;
}

/* "unexpected 'by', expected ':'": the token found (with its text for
 * names, numbers and strings) and what would have done, when that is at
 * most four tokens or groups of tokens (token_groups). */
static int yyreport_syntax_error(const yypcontext_t *ctx, parse_state *ps)
{
    if (lex_stopped(ps->lex))
        return 0; /* the file was given up; that was reported */
    /* the token found (`found`) and what would have done (`wanted`), each
     * in the reader's language; the sentence around them is one catalog
     * entry ("unexpected %s, expected %s") */
    const lbl_lang lang = ps->d->lang;
    char found[256] = "", src[192] = "";
    yysymbol_kind_t tok = yypcontext_token(ctx);
    const span *loc = yypcontext_location(ctx);
    switch (tok) {
    case YYSYMBOL_IDENT:
        append_source(ps, src, sizeof src, *loc);
        append(found, sizeof found, msgcat_get(lang, "name '%s'"), src);
        break;
    case YYSYMBOL_NUMBER:
        append_source(ps, src, sizeof src, *loc);
        append(found, sizeof found, msgcat_get(lang, "number '%s'"), src);
        break;
    case YYSYMBOL_STRING:
        append_source(ps, src, sizeof src, *loc);
        append(found, sizeof found, msgcat_get(lang, "string %s"), src);
        break;
    default:
        append_symbol(found, sizeof found, tok, lang);
    }

    /* What would have done: single tokens still in the list (listed[i])
     * and the groups that replaced some of them. */
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
    if (n < 0)
        n = 0;
    bool listed[YYNTOKENS];
    for (int i = 0; i < n; i++) /* '.' after a name (a qualifier) is never worth suggesting, */
        listed[i] = strcmp(yysymbol_name(expected[i]), "'.'") != 0 &&
                    /* nor the token parse_setting starts with (at a file's start) */
                    expected[i] != YYSYMBOL_START_SETTING &&
                    /* nor an `allow`, which may come almost anywhere and
                     * is never what is missing */
                    expected[i] != YYSYMBOL_KW_ALLOW && expected[i] != YYSYMBOL_KW_ALLOW_ATTR &&
                    /* nor a rename's 'as' after an overridden indicator's name:
                     * what is missing there is an attribute, rarely a rename */
                    !(ps->ovr_indicator && expected[i] == YYSYMBOL_KW_AS && n > 1);
    const char *groups[sizeof token_groups / sizeof token_groups[0]];
    int ngroups = 0;
    for (size_t g = 0; g < sizeof token_groups / sizeof token_groups[0]; g++) {
        const struct token_group *tg = &token_groups[g];
        bool all = true;
        for (int k = 0; k < 14 && tg->required[k] && all; k++) {
            int i = find_token(expected, n, tg->required[k]);
            all = i >= 0 && listed[i];
        }
        if (!all)
            continue;
        groups[ngroups++] = tg->what;
        for (int k = 0; k < 14 && tg->required[k]; k++)
            listed[find_token(expected, n, tg->required[k])] = false;
        for (int k = 0; k < 4 && tg->optional[k]; k++) {
            int i = find_token(expected, n, tg->optional[k]);
            if (i >= 0)
                listed[i] = false;
        }
    }
    int count = ngroups;
    for (int i = 0; i < n; i++)
        count += listed[i];
    char wanted[512] = "";
    if (count >= 1 && count <= 4) {
        int k = 0;
        const char *comma = msgcat_get(lang, ", "), *or = msgcat_get(lang, " or ");
        for (int i = 0; i < n; i++) {
            if (!listed[i])
                continue;
            append(wanted, sizeof wanted, "%s", k == 0 ? "" : k == count - 1 ? or : comma);
            append_symbol(wanted, sizeof wanted, expected[i], lang);
            k++;
        }
        for (int g = 0; g < ngroups; g++, k++)
            append(wanted, sizeof wanted, "%s%s", k == 0 ? "" : k == count - 1 ? or : comma,
                   msgcat_get(lang, groups[g]));
    }
    /* `indicator X : %, colum "x"`: a word before '{' reads as a values
     * table's; a word that is no attribute is the mistake, not what follows */
    if (ps->in_indicator && n == 1 && strcmp(yysymbol_name(expected[0]), "'{'") == 0 &&
        ps->before_tok == IDENT) {
        char word[256] = "";
        append_source(ps, word, sizeof word, ps->before_sp);
        diag_error(ps->d, ps->before_sp,
                   "unknown indicator attribute '%s', expected 'higher', 'lower', 'column', 'formula' or 'values'",
                   word);
        static const char *const attrs[] = {"higher", "lower", "column", "formula", "values"};
        for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
            if (diag_editdist(word, attrs[i]) <= (strlen(attrs[i]) > 5 ? 2 : 1)) {
                diag_hint(ps->d, "did you mean '%s'?", attrs[i]);
                break;
            }
        return 0;
    }
    if (band_comma_missing(ps, tok, *loc, expected, n))
        return 0;
    /* `target f : total(county, x) falls` and the next line: when one
     * token alone could follow and the unexpected one is on a later line,
     * the word is missing at the end of the line before, where the
     * error is put; a note shows the token read instead */
    /* '，' where no ',' goes either: the scanner's error said to write
     * ','; a second error, "unexpected ','", would contradict it, so a
     * note on that error says the mark does not belong there at all */
    if (lex_fullwidth_reported(ps->lex, *loc)) {
        if (wanted[0])
            diag_hint(ps->d, "%s does not go there either (expected %s): delete it", found, wanted);
        else
            diag_hint(ps->d, "%s does not go there either: delete it", found);
    } else if (n == 1 && tok != YYSYMBOL_YYEOF && ps->before_sp.hi > 0 && ps->before_sp.hi <= loc->lo &&
        ps->last_sp.lo == loc->lo && ps->last_sp.hi == loc->hi &&
        memchr(ps->d->files[ps->file].text + ps->before_sp.hi, '\n', loc->lo - ps->before_sp.hi)) {
        char exp[128] = "", prev[128] = "";
        append_symbol(exp, sizeof exp, expected[0], lang);
        append_source(ps, prev, sizeof prev, ps->before_sp);
        diag_error(ps->d, ps->before_sp, "expected %s after '%s', at the end of its line", exp, prev);
        diag_note(ps->d, *loc, "the next line goes on with %s", found);
    } else if (wanted[0]) {
        diag_error(ps->d, *loc, "unexpected %s, expected %s", found, wanted);
    } else {
        diag_error(ps->d, *loc, "unexpected %s", found);
    }
    /* `missing zero section 三 weight 70`: a stray item after another on
     * its line (one at a line's start is parse_lex's) is this one error:
     * the assessment is closed, and the rest of the line is dropped */
    int kw = tok == YYSYMBOL_KW_SECTION ? KW_SECTION : tok == YYSYMBOL_KW_MEASURE ? KW_MEASURE
             : tok == YYSYMBOL_KW_TARGET ? KW_TARGET : tok == YYSYMBOL_KW_REDLINE ? KW_REDLINE : 0;
    bool stray = kw && ps->last_sp.lo == loc->lo && ps->last_sp.hi == loc->hi &&
                 stray_item(ps, kw, ps->before_tok, *loc);
    if (stray) {
        stray_weight_hint(ps);
        drop_rest_of_line(ps, *loc);
        replay_item(ps, *loc, expected, n);
    } else {
        unclosed_notes(ps, tok, expected, n);
    }
    keyword_hint(ps, tok, src, expected, n);
    /* `评级 rated >= 70 by 2027`: 'rated' starts the condition */
    if (tok == YYSYMBOL_KW_RATED && (ps->in_target || ps->ovr_target) && ps->before_tok == IDENT) {
        char ind[192] = "";
        append_source(ps, ind, sizeof ind, ps->before_sp);
        diag_hint(ps->d, "'rated' starts a rated target's condition, before the indicator: 'rated %s >= SCORE by "
                         "YEAR'", ind);
    }
    /* `keep (一)`, `keep measures (一)`: what a keep keeps is named first */
    if (tok == YYSYMBOL_IDENT && ps->nblocks == 0 && strcmp(src, "keep") == 0)
        diag_hint(ps->d, "a 'keep' statement names the kind of item it keeps first, at the start of a line: "
                         "'keep target|measure|section|region|indicator|agency NAMES'");
    /* `unit μg/m³`: a compound unit is written of declared units where it
     * is used, and declared only under a name of its own */
    if (ps->before_tok == IDENT && ps->before2_tok == KW_UNIT &&
        (strcmp(yysymbol_name(tok), "'/'") == 0 || strcmp(yysymbol_name(tok), "'*'") == 0 ||
         strcmp(yysymbol_name(tok), "'^'") == 0)) {
        char name[128] = "", op[4] = "";
        append_source(ps, name, sizeof name, ps->before_sp);
        append_source(ps, op, sizeof op, *loc);
        diag_hint(ps->d,
                  "a 'unit' declaration names one unit; a compound unit ('%s%s...') needs no declaration of its "
                  "own: declare the units it is made of ('unit %s' and the others) and write the compound where "
                  "it is used, or give it a name ('unit NAME = 1 %s%s...')",
                  name, op, name, name, op);
    }
    /* `不合格 section 三 weight 70`: the stray item is the mistake */
    bool grade_hinted = !stray && grade_hint(ps, tok, *loc, expected, n);
    /* `missing 0`: the policy is a word */
    if (ps->missing_open && find_token(expected, n, "reweight") >= 0)
        diag_hint(ps->d, "'missing zero' scores a target without data 0, 'missing reweight' leaves it out "
                         "and shares its weight among the others, 'missing error' stops the run");
    /* `cumulative(x, 2024..2027)`, `by 2024..2027`: a range of years is
     * written in two places only; elsewhere one year or a period's name */
    if (tok == YYSYMBOL_DOTDOT && ps->before_tok == NUMBER && ps->before2_tok == ',')
        diag_hint(ps->d, "a function takes one year or a period's name: 'cumulative(x, 2024)' adds up the years "
                         "from 2024 to the row's; a range of years is a period, declared in the plan block "
                         "('periods 考核期 = 2024..2027') and named ('cumulative(x, 考核期)')");
    else if (tok == YYSYMBOL_DOTDOT)
        diag_hint(ps->d, "a range of years 'A..B' is written only in the plan block's periods ('periods 十四五 = "
                         "2021..2025') and after 'in' in a values row ('甲 = 36 in 2023..2025'); a deadline is "
                         "one year or a period's name ('by 2027', 'by 十四五')");
    /* `values { 甲 = 20% 乙 = 30% }`: the rows follow each other after ',' */
    if (ps->in_values && tok == YYSYMBOL_IDENT && find_token(expected, n, "','") >= 0)
        diag_hint(ps->d, "the rows of a values table are separated by ',': 'values { 甲 = 20%%, 乙, 丙 = 30%% }'");
    /* `达标 = yes` in a condition: a comparison is '==' */
    bool eq_expected = false;
    for (int i = 0; i < n; i++)
        eq_expected |= expected[i] == YYSYMBOL_EQ;
    if (eq_expected && strcmp(yysymbol_name(tok), "'='") == 0)
        diag_hint(ps->d, "did you mean '=='?");
    /* `override indicator X values {...}`, `indicator X : % column "c"`:
     * an indicator's attributes each follow a ',' */
    if (ps->in_indicator && find_token(expected, n, "','") >= 0) {
        const char *attr = tok == YYSYMBOL_KW_COLUMN ? "column" : tok == YYSYMBOL_KW_FORMULA ? "formula"
                           : tok == YYSYMBOL_KW_HIGHER ? "higher" : tok == YYSYMBOL_KW_LOWER ? "lower" : NULL;
        char word[16] = "";
        if (tok == YYSYMBOL_IDENT) {
            append_source(ps, word, sizeof word, *loc);
            if (strcmp(word, "values") == 0)
                attr = "values";
        }
        if (attr)
            diag_hint(ps->d, "an indicator's attributes each follow a ',': write ', %s'", attr);
    }
    /* `indicator 评分 : score, ...`: a word of the language where the unit
     * goes (a rated target's score has no unit of its own) */
    /* `override indicator X : column "c"`: an override that keeps the unit
     * writes no ':' (the unit is what ':' gives) */
    bool ovr_attr = ps->ovr_indicator && ps->before_tok == ':' &&
                    (tok == YYSYMBOL_KW_COLUMN || tok == YYSYMBOL_KW_FORMULA || tok == YYSYMBOL_KW_HIGHER ||
                     tok == YYSYMBOL_KW_LOWER);
    if (ovr_attr)
        diag_hint(ps->d, "an override that keeps the indicator's unit writes no ':' (which gives a new "
                         "unit): 'override indicator %s, %s ...'",
                  ps->ovr_indicator_name ? ps->ovr_indicator_name : "NAME", yysymbol_name(tok));
    else if (ps->in_indicator && ps->before_tok == ':' && tok != YYSYMBOL_IDENT)
        diag_hint(ps->d, "an indicator's unit comes after ':': a declared unit, '%%', 'bool' (yes/no) or "
                         "'1' (a plain number, as a rated target's 0-100 score: 'indicator NAME : 1, "
                         "higher, column \"...\"')");
    /* `override target X by 2026`, `target X by 2027`: a deadline ends a
     * condition, which follows ':' */
    if (tok == YYSYMBOL_KW_BY && (ps->ovr_target || ps->in_target) && find_token(expected, n, "':'") >= 0)
        diag_hint(ps->d, ps->ovr_target
                             ? "a deadline is part of the condition: an override restates the whole "
                               "condition after ':', with the new year (': INDICATOR >= GOAL by YEAR')"
                             : "a deadline ends the condition, after ':' (': INDICATOR >= GOAL by YEAR')");
    /* `target X >= 75% by 2017 for city`: the scope written after the
     * condition, as a plan's sentence puts it last; it goes before ':' */
    if (tok == YYSYMBOL_KW_FOR && (ps->ovr_target || ps->in_target))
        diag_hint(ps->d, "a target's scope comes before its condition: 'target [NAME] for SCOPE : CONDITION' "
                         "('target for city : INDICATOR >= GOAL by YEAR' for a target named after its indicator)");
    /* `target X for 沈阳 "text" : ...`: the plan's text follows the name */
    if (tok == YYSYMBOL_STRING && (ps->ovr_target || ps->in_target) && find_token(expected, n, "':'") >= 0 &&
        find_token(expected, n, "for") < 0)
        diag_hint(ps->d, "a target's text comes before its scope: 'target NAME \"text\" for SCOPE : CONDITION'");
    /* `target 城镇化率 for province >= 60%`: the colon may be left out only
     * by a target with no name, text or scope (§6), so the word read as
     * a name is the indicator, and the condition follows ':' */
    if ((ps->ovr_target || ps->in_target) && find_token(expected, n, "':'") >= 0 &&
        find_token(expected, n, "for") < 0 &&
        (tok == YYSYMBOL_GE || tok == YYSYMBOL_LE || tok == YYSYMBOL_EQ || tok == YYSYMBOL_NE ||
         strcmp(yysymbol_name(tok), "'<'") == 0 || strcmp(yysymbol_name(tok), "'>'") == 0 ||
         tok == YYSYMBOL_KW_FALLS || tok == YYSYMBOL_KW_RISES || tok == YYSYMBOL_KW_PEAKS))
        diag_hint(ps->d, "a target with a scope writes its condition after ':' ('target [NAME] for SCOPE : "
                         "INDICATOR >= GOAL'); only a target with no name, text or scope may leave out the "
                         "colon");
    /* (`section 三 weight 30` in an assessment: stray_in_assessment, and above) */
    /* `veto X, redlines`: the red lines come first in a veto list */
    if (tok == YYSYMBOL_KW_REDLINES)
        diag_hint(ps->d, "'redlines' comes first in a veto list: 'veto redlines, NAME, ...'");
    /* `as NEW` after a target's text, or in a target written anew: only an
     * `override target OLD` renames, with the new name right after the old */
    /* `column "c" in kg as M`: the map comes first */
    if (tok == YYSYMBOL_KW_AS && ps->in_indicator && ps->ind_column)
        diag_hint(ps->d, "a column's text map comes right after its name: 'column \"NAME\" as MAP in UNIT'");
    /* `override indicator X "text" as Y`, `indicator X as Y`: only an
     * `override indicator OLD` renames, with the new name right after the old */
    else if (tok == YYSYMBOL_KW_AS && ps->in_indicator)
        diag_hint(ps->d, ps->ovr_indicator
                             ? "the new name comes right after the old one: 'override indicator OLD as NEW "
                               "\"display\" ...'"
                             : "'as' renames a base indicator, in an extending plan's 'override indicator OLD "
                               "as NEW'; an indicator written here takes its name after 'indicator'");
    /* `column "c" sum in Mt`: the unit the cells are in comes before how
     * a region's rows combine (the cells are converted, then combined) */
    if (tok == YYSYMBOL_KW_IN && ps->in_indicator && ps->before_tok == IDENT) {
        char word[16] = "";
        append_source(ps, word, sizeof word, ps->before_sp);
        static const char *const aggs[] = {"mean", "sum", "min", "max", "count"};
        for (size_t i = 0; i < sizeof aggs / sizeof aggs[0]; i++)
            if (strcmp(word, aggs[i]) == 0) {
                diag_hint(ps->d, "a column's unit comes before its aggregate: 'column \"NAME\" in UNIT %s'",
                          aggs[i]);
                break;
            }
    }
    /* a map's value with a unit, a map's text without quotes */
    if (ps->in_map && ps->before_tok == NUMBER && find_token(expected, n, "','") >= 0)
        diag_hint(ps->d, "a map's value is a number as the data would write it, without a unit "
                         "(the column's 'in UNIT' converts it)");
    if (ps->in_map && tok == YYSYMBOL_IDENT && find_token(expected, n, "string") >= 0)
        diag_hint(ps->d, "a map's texts are strings, in double quotes");
    if (tok == YYSYMBOL_KW_AS && (ps->ovr_target || ps->in_target))
        diag_hint(ps->d, ps->ovr_target
                             ? "the new name comes right after the old one: 'override target OLD as NEW "
                               "\"text\" ...'"
                             : "'as' renames a base target, in an extending plan's 'override target OLD "
                               "as NEW'; a target written here takes its name after 'target'");
    /* `override target X "text" in (二)`, `override target X for 甲市 in
     * (二)`: the measure a target moves to comes right after its name;
     * `target X in (二)`: only an override moves a target */
    if (ps->ovr_target && ((tok == YYSYMBOL_KW_IN && find_token(expected, n, "'('") < 0) ||
                           (strcmp(yysymbol_name(tok), "'('") == 0 && ps->before_tok == KW_IN)))
        diag_hint(ps->d, "the measure a target moves to comes right after its name (and its new name): "
                         "'override target NAME [as NEW] in (ID) \"text\" for SCOPE ...'");
    else if (ps->in_target && tok == YYSYMBOL_KW_IN) {
        /* `>= 70 in 2027`: a deadline (a year or a period after it, read
         * ahead and held for parse_lex) is written with 'by'; `in (二)`
         * is a move, which only an override makes */
        if (!ps->peeked) {
            ps->peek_tok = lex_next(ps->lex, &ps->peek_val, &ps->peek_loc);
            ps->peeked = true;
        }
        if (ps->peek_tok == '(')
            diag_hint(ps->d, "'in (ID)' moves a base target to another measure, in an extending plan's 'override "
                             "target NAME in (ID)'; a target written here is in the measure it is written in");
        else if (ps->peek_tok == NUMBER || ps->peek_tok == IDENT)
            diag_hint(ps->d, "a goal's deadline, a year or a period, is written after 'by': '... by 2030'");
    }
    /* `override region X : city as Y`, `override region X alias "x" of A`,
     * `override region X replaces Y`: what a region's override gives, in
     * its order */
    if (ps->ovr_region && (tok == YYSYMBOL_KW_AS || tok == YYSYMBOL_KW_OF))
        diag_hint(ps->d, "an override gives, in this order: 'override region OLD [as NEW] [: LEVEL] "
                         "[in PARENT] [of MEMBERS] [alias ...]'");
    else if (ps->ovr_region && tok == YYSYMBOL_KW_REPLACES)
        diag_hint(ps->d, "'replaces' goes with a region of this file ('region NEW : LEVEL replaces OLD'); "
                         "to rename a base region, write 'override region OLD as NEW'");
    /* `veto target X`, as `weight target X = 2` is written: a veto names
     * its targets alone */
    if (tok == YYSYMBOL_KW_TARGET && find_token(expected, n, "redlines") >= 0)
        diag_hint(ps->d, "a veto names targets without 'target' ('veto redlines' or 'veto NAME, NAME'), "
                         "unlike 'weight target NAME = N'");
    /* `drop measure 九`, `weight measure 九 = 2`, `clause 九`: a clause id
     * is written in parentheses, as the plan numbers it */
    if ((ps->before_tok == KW_MEASURE || ps->before_tok == KW_CLAUSE || (ps->before_tok == KW_IN && ps->ovr_target)) &&
        (tok == YYSYMBOL_IDENT || tok == YYSYMBOL_NUMBER) && find_token(expected, n, "'('") >= 0) {
        char id[64] = "";
        append_source(ps, id, sizeof id, *loc);
        diag_hint(ps->d, "a clause id is written in parentheses: '%s (%s)'",
                  ps->before_tok == KW_MEASURE ? "measure" : ps->before_tok == KW_IN ? "in" : "clause", id);
    } else if (ps->before2_tok == KW_MEASURE && ps->before_tok == IDENT && strcmp(yysymbol_name(tok), "'='") == 0) {
        /* `weight measure 三 = 2`: 三 read as a qualifier (`辽宁.(九)`),
         * the error comes at '=' */
        char id[64] = "";
        append_source(ps, id, sizeof id, ps->before_sp);
        diag_hint(ps->d, "a clause id is written in parentheses: 'measure (%s)'", id);
    }
    /* `15 μg/m^3` in an expression: the power belongs to a unit */
    if (strcmp(yysymbol_name(tok), "'^'") == 0)
        diag_hint(ps->d, "'^' raises a unit to a power, inside a unit only: write a number with "
                         "a compound unit in brackets, e.g. 15 [μg/m^3]");
    /* `以上`, `左右`, `2025年`: a plan's word where planc has a form of its own */
    /* the year written before the word (`by 2028年`: the number before
     * the error's token), for a hint that names it */
    char year_hint[256];
    int prev_tok = ps->last_sp.lo == loc->lo && ps->last_sp.hi == loc->hi ? ps->before_tok : ps->last_tok;
    long year = prev_tok == NUMBER && ps->last_num >= 1000 && ps->last_num <= 9999 &&
                        ps->last_num == (long)ps->last_num
                    ? (long)ps->last_num
                    : 0;
    /* (`不合格 以下` ends the bands: not a goal's word) */
    const char *word = tok == YYSYMBOL_IDENT && !grade_hinted
                           ? planword_hint(ps->d->lang, ps->d->files[ps->file].text + loc->lo, loc->hi - loc->lo, year,
                                           year_hint, sizeof year_hint)
                           : NULL;
    if (word)
        diag_hint(ps->d, "%s", word);
    /* `x falls 13.5% by 2025`: a fall by a share is a ratio to the baseline */
    if (tok == YYSYMBOL_NUMBER && n == 1 && expected[0] == YYSYMBOL_KW_EVERY)
        diag_hint(ps->d, "'falls' and 'rises' say every year's value is below (above) the year "
                         "before's; a fall by a share from the baseline year is a ratio to it: "
                         "'x / baseline(x) <= 86.5%% by 2025' (下降13.5%%)");
    return 0;
}

/* ---- lists ---- */

/* Allocation for parser lists; running out of memory is an internal error. */
static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    return p;
}

/* An empty list of elsize-byte elements. */
static parse_list *list_new(size_t elsize)
{
    parse_list *l = xrealloc(NULL, sizeof *l);
    *l = (parse_list){.elsize = elsize};
    return l;
}

/* Appends a copy of *elem, doubling the storage when full. */
static void list_push(parse_list *l, const void *elem)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = xrealloc(l->v, l->cap * l->elsize);
    }
    memcpy(l->v + (size_t)l->n * l->elsize, elem, l->elsize);
    l->n++;
}

/* Moves every element of src to the end of dst and frees src. */
static void list_append(parse_list *dst, parse_list *src)
{
    for (uint32_t i = 0; i < src->n; i++)
        list_push(dst, src->v + (size_t)i * src->elsize);
    list_free(src);
}

/* Copies the elements into the arena, frees the list, returns the copy
 * (NULL when empty) and its length in *n. */
static void *list_finish(parse_state *ps, parse_list *l, uint32_t *n)
{
    void *v = NULL;
    *n = l->n;
    if (l->n) {
        v = arena_alloc(ps->a, (size_t)l->n * l->elsize);
        memcpy(v, l->v, (size_t)l->n * l->elsize);
    }
    list_free(l);
    return v;
}

/* Frees a list and its storage (NULL is fine). */
static void list_free(parse_list *l)
{
    if (l) {
        free(l->v);
        free(l);
    }
}

/* A list of ast_name, moved into the arena. */
static ast_names names_finish(parse_state *ps, parse_list *l)
{
    ast_names ns;
    ns.v = list_finish(ps, l, &ns.n);
    return ns;
}

/* A `levels` declaration's list of (name, text) pairs split into the
 * declaration's names and texts; texts stays NULL when no level has one,
 * so that a plan without texts reads as it always did. */
static void levels_finish(parse_state *ps, ast_decl *d, parse_list *l)
{
    uint32_t n = 0;
    ast_name *pairs = list_finish(ps, l, &n);
    d->u.levels.names.n = n;
    d->u.levels.names.v = arena_alloc(ps->a, (n ? n : 1) * sizeof(ast_name));
    d->u.levels.texts = NULL;
    for (uint32_t k = 0; k < n; k++) {
        d->u.levels.names.v[k] = pairs[2 * k];
        if (pairs[2 * k + 1].s && !d->u.levels.texts)
            d->u.levels.texts = arena_alloc(ps->a, n * sizeof(ast_name));
    }
    for (uint32_t k = 0; d->u.levels.texts && k < n; k++)
        d->u.levels.texts[k] = pairs[2 * k + 1];
}

/* ---- block accumulators ---- */

static parse_plan_acc *plan_acc_new(parse_state *ps)
{
    parse_plan_acc *p = xrealloc(NULL, sizeof *p);
    *p = (parse_plan_acc){0};
    p->d = new_decl(ps, D_PLAN, (span){ps->file, 0, 0});
    p->periods = list_new(sizeof(ast_period));
    return p;
}

/* Frees a plan block under construction (its arena parts stay). */
static void plan_acc_free(parse_plan_acc *p)
{
    list_free(p->periods);
    free(p);
}

/* Completes the plan declaration and frees the accumulator. */
static ast_decl *plan_finish(parse_state *ps, parse_plan_acc *p, ast_name name, const char *title,
                             const parse_extends *ext, span sp)
{
    ast_decl *d = p->d;
    d->sp = sp;
    d->u.plan.name = name;
    d->u.plan.title = title;
    d->u.plan.extends = ext->path;
    d->u.plan.extends_sp = ext->sp;
    d->u.plan.extends_as = ext->as;
    d->u.plan.periods = list_finish(ps, p->periods, &d->u.plan.nperiods);
    p->periods = NULL;
    plan_acc_free(p);
    return d;
}

/* A new, empty measure block. */
static parse_measure_acc *measure_acc_new(parse_state *ps)
{
    parse_measure_acc *m = xrealloc(NULL, sizeof *m);
    m->m = arena_alloc(ps->a, sizeof *m->m);
    m->lead = list_new(sizeof(ast_name));
    m->responsible = list_new(sizeof(ast_name));
    m->shared = list_new(sizeof(ast_name));
    m->targets = list_new(sizeof(ast_target *));
    m->has_lead = false;
    m->lead_sp = (span){0};
    m->has_responsible = m->has_shared_line = false;
    m->responsible_sp = m->shared_sp = (span){0};
    return m;
}

/* A measure's 'responsible' or 'shared' line (kw, at sp) after another of
 * the same kind (*seen, the first at *first): the lists are joined, as
 * they always were, with a warning at the second and a note at the
 * first, since two lines of one role are a copied block's leftover as
 * often as a long list split (a second 'lead' is an error: it changes who
 * answers for the measure). */
static void repeated_list(parse_state *ps, const char *kw, bool *seen, span *first, span sp)
{
    if (!*seen) {
        *seen = true;
        *first = sp;
        return;
    }
    diag_warning(ps->d, WARN_REPEATED_AGENCY, sp, "'%s' is given twice in this measure; the two lists are joined: name the agencies in "
                            "one list ('%s A, B')", kw, kw);
    diag_note(ps->d, *first, "the first '%s' is here", kw);
}

/* Frees a measure block under construction. */
static void measure_acc_free(parse_measure_acc *m)
{
    list_free(m->lead);
    list_free(m->responsible);
    list_free(m->shared);
    list_free(m->targets);
    free(m);
}

/* Completes a measure: copies its lists into the arena and points each of
 * its targets back at it. */
static ast_measure *measure_finish(parse_state *ps, parse_measure_acc *acc, ast_name id,
                                   const char *title, ast_expr *weight, span sp)
{
    ast_measure *m = acc->m;
    m->id = id;
    m->title = title;
    m->weight = weight;
    m->sp = sp;
    m->lead = names_finish(ps, acc->lead);
    m->responsible = names_finish(ps, acc->responsible);
    m->shared = names_finish(ps, acc->shared);
    m->targets = list_finish(ps, acc->targets, &m->ntargets);
    for (uint32_t i = 0; i < m->ntargets; i++)
        m->targets[i]->measure = m;
    free(acc);
    return m;
}

/* A measure whose header held a syntax error (reported): kept under the
 * id its header gave (track_measure_header), with its title if that was
 * read too, so that its targets and agencies are known and references to
 * it and to them are no errors of their own; without an id it is
 * dropped, and its targets' names kept as lost. */
static ast_measure *measure_recovered(parse_state *ps, parse_measure_acc *acc, span sp)
{
    if (!ps->mh_id.s) {
        /* its targets are still named: references to them are not
         * errors of their own (sema's lost names) */
        ast_target **t = (ast_target **)acc->targets->v;
        for (uint32_t i = 0; i < acc->targets->n; i++)
            if (t[i]->name.s)
                lose(ps, LOST_TARGET, t[i]->name.s);
        measure_acc_free(acc);
        return NULL;
    }
    ast_measure *m = measure_finish(ps, acc, ps->mh_id, ps->mh_title, NULL, sp);
    ps->mh_id = (ast_name){0};
    ps->mh_title = NULL;
    return m;
}

/* A new, empty assessment block. */
static parse_assess_acc *assess_acc_new(parse_state *ps)
{
    parse_assess_acc *as = xrealloc(NULL, sizeof *as);
    as->d = new_decl(ps, D_ASSESSMENT, (span){ps->file, 0, 0});
    as->weights = list_new(sizeof(ast_weight));
    as->veto = list_new(sizeof(ast_name));
    as->bands = list_new(sizeof(ast_band));
    return as;
}

/* Frees an assessment block under construction. */
static void assess_acc_free(parse_assess_acc *as)
{
    list_free(as->weights);
    list_free(as->veto);
    list_free(as->bands);
    free(as);
}

/* A threshold target on measured, with no milestones yet. */
static parse_cond_acc *cond_acc_new(parse_state *ps, ast_expr *measured)
{
    parse_cond_acc *c = xrealloc(NULL, sizeof *c);
    c->t = new_target(ps, TG_THRESHOLD, measured);
    c->ms = list_new(sizeof(ast_milestone));
    return c;
}

/* Frees a milestone list under construction. */
static void cond_acc_free(parse_cond_acc *c)
{
    list_free(c->ms);
    free(c);
}

/* Moves the milestones into the target and frees the accumulator. */
static ast_target *cond_finish(parse_state *ps, parse_cond_acc *c)
{
    ast_target *t = c->t;
    t->ms = list_finish(ps, c->ms, &t->nms);
    free(c);
    return t;
}

/* ---- nodes ---- */

static ast_decl *new_decl(parse_state *ps, ast_declkind k, span sp)
{
    ast_decl *d = arena_alloc(ps->a, sizeof *d);
    d->kind = k;
    d->sp = sp;
    return d;
}

/* A `keep` statement: the kind of item it keeps, `keep` and the kind's
 * word (kw, kind), and the names it keeps. */
static ast_decl *keep_decl(parse_state *ps, ast_dropkind what, span kw, span kind, parse_list *names)
{
    ast_decl *d = new_decl(ps, D_DROP, (span){kw.file, kw.lo, kind.hi});
    d->u.drop.what = what;
    d->u.drop.keep = true;
    d->u.drop.head = d->sp;
    d->u.drop.names = names_finish(ps, names);
    if (d->u.drop.names.n)
        d->sp.hi = d->u.drop.names.v[d->u.drop.names.n - 1].sp.hi;
    return d;
}

/* An `override` of what, naming the base item `name`. */
static ast_decl *new_override(parse_state *ps, ast_overkind what, ast_name name, span sp)
{
    ast_decl *d = new_decl(ps, D_OVERRIDE, sp);
    d->u.over.what = what;
    d->u.over.name = name;
    return d;
}

/* Applies one attribute to an indicator; each may be given once. */
static void ind_attr(parse_state *ps, ast_decl *d, const parse_indattr *at)
{
    switch (at->kind) {
    case KW_HIGHER:
    case KW_LOWER:
        if (d->u.ind.dir != DIR_NONE) {
            given_twice(ps, "a direction", "indicator", at->kw_sp, d->u.ind.dir_sp);
        } else {
            d->u.ind.dir = at->kind == KW_HIGHER ? DIR_HIGHER : DIR_LOWER;
            d->u.ind.dir_sp = at->kw_sp;
        }
        break;
    case KW_COLUMN:
        if (d->u.ind.column) {
            given_twice(ps, "column", "indicator", at->kw_sp, d->u.ind.column_sp);
        } else {
            d->u.ind.column = at->column;
            d->u.ind.column_sp = at->column_sp;
            d->u.ind.column_unit = at->unit;
            d->u.ind.agg = at->agg;
            d->u.ind.map = at->map;
        }
        break;
    case KW_FORMULA:
        if (d->u.ind.formula)
            given_twice(ps, "formula", "indicator", at->kw_sp, d->u.ind.formula->sp);
        else
            d->u.ind.formula = at->formula;
        break;
    case IDENT:
        if (d->u.ind.values) {
            given_twice(ps, "values", "indicator", at->kw_sp, d->u.ind.values_sp);
        } else {
            d->u.ind.values = at->values;
            d->u.ind.nvalues = at->nvalues;
            d->u.ind.values_sp = at->kw_sp;
        }
        break;
    }
}

/* Frees a list of map items that error recovery threw away, with the
 * list of texts each item holds. */
static void mapitems_free(parse_list *items)
{
    if (!items)
        return;
    for (uint32_t i = 0; i < items->n; i++)
        list_free(((parse_mapitem *)items->v)[i].texts);
    list_free(items);
}

/* Makes a map declaration of its items: one entry per text (a row's
 * texts share its value), `else` at most once.  Frees the lists. */
static ast_decl *map_finish(parse_state *ps, ast_name name, const char *title, parse_list *items, span sp)
{
    ast_decl *d = new_decl(ps, D_MAP, sp);
    d->u.map.name = name;
    d->u.map.title = title;
    uint32_t n = 0;
    const parse_mapitem *it = (const parse_mapitem *)items->v;
    for (uint32_t i = 0; i < items->n; i++)
        n += it[i].texts ? it[i].texts->n : 0;
    ast_mapentry *e = arena_alloc(ps->a, (n + 1) * sizeof *e);
    uint32_t k = 0;
    for (uint32_t i = 0; i < items->n; i++) {
        if (!it[i].texts) {
            if (d->u.map.else_sp.hi)
                given_twice(ps, "else", "map", it[i].sp, d->u.map.else_sp);
            else {
                d->u.map.else_missing = it[i].else_missing;
                d->u.map.else_sp = it[i].sp;
            }
            continue;
        }
        const ast_name *t = (const ast_name *)it[i].texts->v;
        for (uint32_t j = 0; j < it[i].texts->n; j++) {
            e[k] = it[i].value;
            e[k].text = t[j].s;
            e[k].sp = t[j].sp;
            k++;
        }
        list_free(it[i].texts);
    }
    list_free(items);
    d->u.map.entries = e;
    d->u.map.nentries = k;
    return d;
}

/* Applies one attribute to a target; each may be given once. */
static void target_attr(parse_state *ps, ast_target *t, const parse_tattr *at)
{
    switch (at->kind) {
    case KW_WEIGHT:
        if (t->weight)
            given_twice(ps, "weight", "target", at->kw_sp, t->weight->sp);
        else
            t->weight = at->expr;
        break;
    case KW_VETO:
        if (t->veto)
            diag_error(ps->d, at->kw_sp, "'veto' given twice in one target");
        t->veto = true;
        break;
    case KW_SCORE:
        if (t->score)
            given_twice(ps, "score", "target", at->kw_sp, t->score->sp);
        else
            t->score = at->expr;
        break;
    case KW_CLAUSE:
        if (t->clause.s)
            given_twice(ps, "clause", "target", at->kw_sp, t->clause.sp);
        else
            t->clause = at->clause;
        break;
    case KW_NOTE:
        if (t->note)
            diag_error(ps->d, at->kw_sp, "'note' given twice in one target");
        else
            t->note = at->note;
        break;
    case KW_BASELINE:
        if (t->has_baseline) {
            given_twice(ps, "baseline", "target", at->kw_sp, t->baseline_kw);
        } else {
            t->baseline = at->year;
            t->has_baseline = true;
            t->baseline_kw = at->kw_sp;
        }
        break;
    }
}

/* A target of kind k on measured; the target rule fills in the rest. */
static ast_target *new_target(parse_state *ps, ast_targetkind k, ast_expr *measured)
{
    ast_target *t = arena_alloc(ps->a, sizeof *t);
    t->kind = k;
    t->measured = measured;
    t->sp = measured->sp;
    return t;
}

/* One milestone `OP goal [by Y]` (by NULL: no deadline written). */
static ast_milestone milestone(int op, ast_expr *goal, const ast_year *by, span sp)
{
    ast_milestone m = {.op = (ast_op)op, .goal = goal, .sp = sp};
    if (by) {
        m.by = *by;
        m.has_by = true;
    }
    return m;
}

/* A year written as a number: a whole number from 1 to 9999.  Anything
 * else is reported and read as 0 (which later passes skip as already
 * reported). */
static int year_value(parse_state *ps, double v, span sp)
{
    if (v != floor(v) || v < 1 || v > 9999) {
        diag_error(ps->d, sp, "a year must be a whole number from 1 to 9999");
        return 0;
    }
    return (int)v;
}

/* The aggregate `word [op limit]` after a column (op -1: none).  An unknown
 * word or a misplaced comparison is an error; the result is then AGG_NONE. */
static ast_agg aggregate(parse_state *ps, ast_name word, int op, double limit, span sp)
{
    static const struct { const char *word; ast_aggkind kind; } words[] = {
        {"mean", AGG_MEAN}, {"sum", AGG_SUM}, {"min", AGG_MIN}, {"max", AGG_MAX},
        {"count", AGG_COUNT}, {"share", AGG_SHARE},
    };
    ast_agg a = {.kind = AGG_NONE, .sp = sp};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(word.s, words[i].word) == 0)
            a.kind = words[i].kind;
    if (a.kind == AGG_NONE) {
        diag_error(ps->d, word.sp, "unknown aggregate '%s' after the column", word.s);
        diag_hint(ps->d, "how a region's rows of one year are combined: mean, sum, min, max, "
                         "count or share OP NUMBER (e.g. share <= 75)");
    } else if (a.kind == AGG_SHARE && op < 0) {
        diag_error(ps->d, sp, "'share' needs a comparison: the share of rows whose cell meets it");
        diag_hint(ps->d, "e.g. column \"PM2.5\" share <= 75 (the percentage of days at most 75)");
        a.kind = AGG_NONE;
    } else if (a.kind != AGG_SHARE && op >= 0) {
        diag_error(ps->d, sp, "only 'share' takes a comparison; '%s' combines the cells themselves",
                   word.s);
        a.kind = AGG_NONE;
    } else if (a.kind == AGG_SHARE && !isfinite(limit)) {
        diag_error(ps->d, sp, "the limit of 'share' is out of range");
        a.kind = AGG_NONE;
    }
    a.op = op >= 0 ? (ast_op)op : OP_LT;
    a.limit = limit;
    return a;
}

/* A name spelt as in the source (a clause id written as a number). */
static ast_name source_name(parse_state *ps, span sp)
{
    const char *text = ps->d->files[ps->file].text;
    return (ast_name){.s = arena_strndup(ps->a, text + sp.lo, sp.hi - sp.lo), .sp = sp};
}

/* "'baseline' given twice in plan", with a note at the first. */
static void given_twice(parse_state *ps, const char *what, const char *where, span again, span first)
{
    diag_error(ps->d, again, "'%s' given twice in one %s", what, msgcat_get(ps->d->lang, where));
    diag_note(ps->d, first, "first given here");
}

/* `veto redlines` at sp: every red line is a veto (once per assessment). */
static void veto_redlines(parse_state *ps, parse_assess_acc *as, span sp)
{
    if (as->d->u.assess.veto_redlines) {
        given_twice(ps, "veto redlines", "assessment", sp, as->d->u.assess.veto_redlines_sp);
        return;
    }
    as->d->u.assess.veto_redlines = true;
    as->d->u.assess.veto_redlines_sp = sp;
}

/* Reports a too-deep expression and stops scanning the file. */
static void too_deep(parse_state *ps, span sp)
{
    if (!lex_stopped(ps->lex))
        diag_error(ps->d, sp, "expression nested deeper than %d levels", AST_MAX_DEPTH);
    lex_stop(ps->lex);
}

/* Records that a syntax error threw away the declaration of `name`. */
static void lose(parse_state *ps, ast_lostkind k, const char *name)
{
    ast_lost *l = arena_alloc(ps->a, sizeof *l);
    *l = (ast_lost){.kind = k, .name = name};
    ptrvec_push(ps->a, &ps->lost, l);
}

/* A quoted string where a measure names its agencies (`lead "省生态环境厅"`):
 * an agency is written by its name, and its full name is given where it
 * is declared.  The hint names the agency declared above with that full
 * name, if any, else shows the declaration to write. */
static void quoted_agency(parse_state *ps, const char *text, span sp)
{
    const char *name = NULL;
    for (size_t i = 0; i < ps->decls.n && !name; i++) {
        const ast_decl *d = ps->decls.v[i];
        if (d->kind == D_AGENCY && d->u.agency.full && text && strcmp(d->u.agency.full, text) == 0)
            name = d->u.agency.name.s;
    }
    diag_error(ps->d, sp, "an agency is written by its name, not quoted");
    if (name)
        diag_hint(ps->d, "agency %s is \"%s\": write %s", name, text, name);
    else
        diag_hint(ps->d, "declare the agency with a name and this full name (agency NAME \"%s\") and "
                         "write the name here", text ? text : "");
}

/* After a syntax error: the target, indicator, text map, regions or
 * periods being read, if their names were read, were thrown away; the names are kept so
 * that the checker does not report what names them (an expectation, a
 * weight, a veto, an expression, a deadline, a column's `as MAP`) as
 * undefined. */
static void lose_pending(parse_state *ps)
{
    if (ps->pending_target.s)
        lose(ps, LOST_TARGET, ps->pending_target.s);
    if (ps->pending_indicator.s)
        lose(ps, LOST_INDICATOR, ps->pending_indicator.s);
    if (ps->pending_map.s)
        lose(ps, LOST_MAP, ps->pending_map.s);
    for (size_t i = 0; i < ps->pending_regions.n; i++)
        lose(ps, LOST_REGION, ps->pending_regions.v[i]);
    ps->pending_regions.n = 0;
    for (size_t i = 0; i < ps->pending_periods.n; i++)
        lose(ps, LOST_PERIOD, ps->pending_periods.v[i]);
    ps->pending_target = ps->pending_indicator = ps->pending_map = (ast_name){0};
    ps->pending_periods.n = 0;
}

/* ---- entry point ---- */

ast_program *parse_file(arena *a, diag_ctx *d, int file)
{
    ast_program *prog = arena_alloc(a, sizeof *prog);
    if (file < 0 || (size_t)file >= d->nfiles)
        return prog;
    parse_state ps = {.a = a, .d = d, .file = (uint32_t)file};
    size_t allows_before = d->nallows;
    ps.lex = lex_open(a, d, file);
    parse_parse(&ps);
    free(ps.blocks);
    lex_close(ps.lex);
    ast_take_allows(a, prog, d, allows_before);
    prog->decls = (ast_decl **)ps.decls.v;
    prog->ndecls = (uint32_t)ps.decls.n;
    ast_lost *lost = arena_alloc(a, (ps.lost.n + 1) * sizeof *lost);
    for (size_t i = 0; i < ps.lost.n; i++)
        lost[i] = *(const ast_lost *)ps.lost.v[i];
    prog->lost = lost;
    prog->nlost = (uint32_t)ps.lost.n;
    prog->plan_written = ps.plan_written;
    return prog;
}

/* (parse.h) A --set's NAME = VALUE, file `file` of d. */
bool parse_setting(arena *a, diag_ctx *d, int file, ast_name *name, ast_expr **value,
                   ast_period *period)
{
    if (file < 0 || (size_t)file >= d->nfiles)
        return false;
    int before = diag_errors(d);
    parse_state ps = {.a = a, .d = d, .file = (uint32_t)file, .start_tok = START_SETTING};
    ps.lex = lex_open(a, d, file);
    parse_parse(&ps);
    free(ps.blocks);
    lex_close(ps.lex);
    *name = ps.set_name;
    *value = ps.set_value;
    *period = ps.set_period;
    return diag_errors(d) == before && ps.set_name.s && (ps.set_value || ps.set_period.name.s);
}

/* A new, empty test block. */
static parse_test_acc *test_acc_new(void)
{
    parse_test_acc *t = xrealloc(NULL, sizeof *t);
    t->data = list_new(sizeof(ast_dataline));
    t->expects = list_new(sizeof(ast_expect));
    return t;
}

/* Frees a test block under construction. */
static void test_acc_free(parse_test_acc *t)
{
    list_free(t->data);
    list_free(t->expects);
    free(t);
}

/* Whether the contextual word w is `want`; else an error expecting `what`. */
static bool is_word(parse_state *ps, ast_name w, const char *want, const char *what)
{
    if (w.s && strcmp(w.s, want) == 0)
        return true;
    diag_error(ps->d, w.sp, "unexpected '%s', expected %s", w.s ? w.s : "?", msgcat_get(ps->d->lang, what));
    return false;
}

/* An expectation of a number: the number and how many decimals it was
 * written with (-1 for none), which decide how closely it must match. */
static ast_expect expect_number(parse_state *ps, ast_expectkind k, ast_name item, double v, span num_sp)
{
    ast_expect x = {.kind = k, .item = item, .num = v, .decimals = -1, .num_sp = num_sp};
    const diag_file *f = &ps->d->files[num_sp.file];
    for (uint32_t i = num_sp.lo; i < num_sp.hi && i < f->len; i++)
        if (f->text[i] == '.') {
            x.decimals = 0;
            for (uint32_t j = i + 1; j < num_sp.hi && j < f->len && f->text[j] >= '0' && f->text[j] <= '9'; j++)
                x.decimals++;
            break;
        }
    return x;
}
