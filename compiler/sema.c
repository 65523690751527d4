/* sema.c — the checker (see sema.h and model.h).
 *
 * Passes over the declarations, each in source order so that errors come out
 * roughly in the order of the file:
 *   1. declare: every name of every kind goes into its namespace (duplicates
 *      are reported here, at the second declaration, with a note at the
 *      first); the model's arrays are sized and named.
 *   2. the plan (baseline, horizon, periods, keys), then the units (derived
 *      units resolve their base lazily, so order does not matter).
 *   3. check each declaration: regions, indicators (units, columns,
 *      formulas), sections with their measures and targets, the assessment.
 *   4. whole-program rules: a plan exists, formula cycles, region cycles,
 *      weights not all zero.
 * The checker accepts any partial AST the parser produced after syntax
 * errors: every name may be NULL, every expression may be missing.
 *
 * A program the loader (import.c) made of several files keeps one
 * namespace per kind for the names the data and the results use (regions,
 * levels, periods, indicators, sections, measures, targets): any file may
 * name them, and two files declaring one name is an error.  Units and
 * agencies are each file's own vocabulary: a file sees its own and those
 * of the files it imports, and an unqualified name that several imported
 * files declare (and the file itself does not) is ambiguous.  A qualified
 * name `M.x` is x as the file imported as M sees it (docs/LANGUAGE.md §14). */
#include "sema.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "import.h"
#include "ir.h"
#include "labels.h"
#include "model.h"
#include "msgcat.h"
#include "planword.h"

/* The namespaces (docs/LANGUAGE.md §2). */
enum kind { K_REGION, K_LEVEL, K_AGENCY, K_UNIT, K_INDICATOR, K_SECTION,
            K_MEASURE, K_TARGET, K_PERIOD, K_COLUMN, K_MAP, K_NKINDS };

static const char *const kindname[K_NKINDS] = {
    "region", "level", "agency", "unit", "indicator", "section",
    "measure", "target", "period", "column", "map",
};

/* Deepest expression the checker follows (the parser's limit is 256). */
enum { MAX_DEPTH = 300 };
/* Deepest nesting of an indicator's formula with every formula it uses
 * substituted in (lowering recurses that deep). */
enum { MAX_EXPANSION = 2000 };

/* ---------------------------------------------------------------- names */

/* One declared name: where, and the index of what it names in its kind. */
typedef struct sym {
    const char *name;
    span sp;
    uint32_t index;
} sym;

/* A namespace: names to symbols, with the declaration order (arena.h). */
typedef namemap symtab;

static sym *tab_find(const symtab *t, const char *name)
{
    return namemap_get(t, name);
}

/* Adds a name; returns NULL, or the earlier symbol when the name is taken
 * (then nothing is added). */
static sym *tab_add(arena *a, symtab *t, const char *name, span sp, uint32_t index)
{
    sym *s = arena_alloc(a, sizeof *s); /* unused when the name is taken */
    s->name = name;
    s->sp = sp;
    s->index = index;
    return namemap_put(a, t, name, s);
}

/* ---------------------------------------------------------------- state */

/* A unit declaration and its lazily resolved unit. */
typedef struct unitinfo {
    const ast_decl *d;
    const unit_t *u;
    int state;              /* 0 not yet, 1 resolving, 2 done (u NULL after an error) */
} unitinfo;

/* Per indicator: its declaration and the checker's progress on it. */
typedef struct indinfo {
    const ast_decl *d;
    int ustate;             /* unit: 0 not yet, 1 done */
    int mark;               /* formula DFS: 0 white, 1 on the stack, 2 done */
    int bstate;             /* below: 0 unknown, 1 computing, 2 known */
    const ast_expr *below;  /* the first call its formula makes over the regions
                               below the row's (share_call), or NULL */
    int depth;              /* expansion depth of its formula (after the DFS) */
    uint32_t *deps;         /* indicators its formula names */
    uint32_t ndeps;
} indinfo;

/* What a weight weighs: a section in the total, a measure in its
 * section, a target in its measure. */
typedef enum wowner { W_SECTION, W_MEASURE, W_TARGET } wowner;

/* A weight written with a unit (`section 一 = 35%`), which scales it: said
 * once for all of them by warn_unit_weights, which also adds up those of
 * one section's measures, one measure's targets or the sections. */
typedef struct pctweight {
    span sp;
    const char *what;   /* "section '一'" */
    const char *unit;   /* "%" */
    double written;     /* 35 */
    double v;           /* 0.35, as counted */
    wowner owner;       /* what it weighs, */
    uint32_t index;     /* and its index (in sections, measures, targets) */
} pctweight;

/* Where a weight was set, so that a second one can point at the first. */
typedef struct weightinfo {
    bool set;
    span sp;
} weightinfo;

/* A use of an indicator an extending file dropped (`drop indicator`):
 * reported at the drop, with every use (report_dropped_uses). */
typedef struct dropuse {
    const ast_origin *drop; /* the drop's trace */
    span sp;                /* the name where it is used */
    const char *user;       /* what uses it: "target 'x' of (九)" */
    const char *hint;       /* how to make that item stop using it */
} dropuse;

/* The checker's state. */
typedef struct S {
    arena *a;
    diag_ctx *d;
    sema_model *m;
    ast_program *prog;
    symtab tab[K_NKINDS];

    const ast_decl *plan;
    const ast_decl *levels;
    const ast_decl *assess;
    bool years_ok;          /* baseline and horizon are known and sane */

    unitinfo *units; uint32_t nunits;
    uint32_t nmaps;         /* map declarations (count) */
    indinfo *ii;
    const ast_period **periods; uint32_t nperiods;
    bool *rlevel_ok;        /* per region: its level resolved */
    span *rlevel_sp;        /* per region: where its level is written (an
                               adaptation's `override region` may give it) */
    int32_t *rslot;         /* per region name declared, in the order of the
                               declarations: its region, or -1 for a duplicate
                               (reported, and given no region of its own) */
    uint32_t *rorder;       /* the regions coarsest level first (level_order) */
    struct {                /* per region, for checking one group at a time
                               (check_region_decl; allocated on first use) */
        uint32_t *listed;   /* the group (index + 1) whose `of` named it last */
        uint32_t *at;       /* where in that list it was first named */
        uint32_t *member;   /* the group (index + 1) that holds it as a member */
        uint32_t *known;    /* the group (index + 1) for which `holder` is known */
        int32_t *holder;    /* a member at or above it (or -1), for that group */
        uint32_t *path;     /* scratch for member_above */
    } gc;
    struct {                /* per region, for the scope of one target at a
                               time (check_scope, check_share_below), so that
                               a target costs what it names, not the number of
                               regions (allocated on first use: scope_scratch) */
        uint32_t stamp;     /* the current use; a mark equal to it is set */
        uint32_t *in;       /* check_scope: in the scope being built (or, with
                               only `except`, out of it) */
        uint32_t *reach;    /* within the `in` regions / inside the covered ones */
        uint32_t *list;     /* the regions set in `in` */
        uint32_t *queue;    /* the regions set in `reach`, in the order reached */
        uint32_t *pos;      /* a region's place in level_order */
        uint32_t *kstart;   /* the regions whose parent is r: kids[kstart[r] ..
                               kstart[r + 1]) */
        uint32_t *kids;
        uint32_t *lstart;   /* the regions of level l: level_order()[lstart[l] ..
                               lstart[l + 1]) */
        bool *lbelow;       /* per level: below a covered region (check_share_below) */
        uint32_t *lset;     /* the levels set in lbelow, to clear them */
        uint32_t nlset;
        bool *allbelow;     /* lbelow with every region covered (made once) */
        uint32_t **share;   /* per level: share_scope's regions (made once) */
        uint32_t *nshare;
    } sc;
    namemap scopes;         /* a scope as resolved (scope_key) -> its scope_memo */
    bool base_probe;        /* checking an overridden target's base condition
                               for its unit only: a dropped indicator there
                               is no use of it */
    symtab undeclared;      /* units and agencies reported undefined with the
                               note on declaring them (once a name) */
    ast_target **ast_targets;
    const ast_measure **ast_measures;
    const ast_section **ast_sections;
    weightinfo *wt, *wm, *ws;   /* per target, measure, section */
    struct pctweight *pct;      /* the weights written with a unit (19.3%) */
    uint32_t npct, cappct;
    int depth;              /* of the expression being checked */
    /* the extending files' renames (`override target OLD as NEW`), by
     * OLD: targets, indicators, regions; built at the first lookup
     * (renamed_edit) */
    namemap renamed[3];
    bool renamed_built;

    uint32_t nmods;         /* files of the program (1 for a single parsed file) */
    symtab *vunit;          /* per file: the units it declares */
    symtab *vagency;        /* per file: the agencies it declares */
    symtab *vmap;           /* per file: the text maps it declares */

    const char *user;       /* the item whose expressions are being checked
                               ("target 'x' of (九)"), NULL outside one */
    const char *user_hint;  /* how to make that item stop using an indicator */
    ptrvec dropuses;        /* dropuse *: uses of dropped indicators */
    uint32_t nrenames;      /* agency renames recorded in the model so far */
    uint32_t nagencies;     /* agency declarations recorded so far */
    const ast_decl **agency_decls; /* [nagencies]: each one's declaration */
    bool nolevels_hinted;   /* the note that the plan declares no levels is
                               given (at its first region) */
} S;

/* The text of an English format or word in the reader's language
 * (msgcat.h): the pieces a message is built from (a kind's name, a quoted
 * name, a suffix) are looked up as the message itself is. */
static const char *tr(const S *s, const char *en) __attribute__((format_arg(2)));
static const char *tr(const S *s, const char *en)
{
    return msgcat_get(s->d->lang, en);
}

/* The item an extending file's edit removed, named in the reader's
 * language (o->what is the English, for --origins). */
static const char *origin_shown(S *s, const ast_origin *o)
{
    return import_item_shown(s->a, s->d->lang, o->item, o->name ? o->name : "?");
}

/* ---------------------------------------------------------------- helpers */

/* The names a did-you-mean chooses among, gathered in the arena for
 * diag_nearest (the one search of every did-you-mean). */
typedef struct suggestion {
    ptrvec names;
} suggestion;

/* Starts an empty list of candidates. */
static void suggest_init(suggestion *g)
{
    g->names = (ptrvec){0};
}

/* Adds one candidate name. */
static void suggest_one(S *s, suggestion *g, const char *cand)
{
    ptrvec_push(s->a, &g->names, (void *)cand);
}

/* Orders two candidate names by their bytes (for qsort). */
static int cmp_cand(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Prints "note: did you mean ...?" for the candidates nearest to `name`
 * (diag_hint_nearest: one, or two or three as near; none when nothing
 * is near or more are as near). */
static void suggest_done(S *s, suggestion *g, const char *name)
{
    /* a unit or an agency of one name in two files is one candidate */
    if (g->names.n > 1) /* qsort of no array (NULL) is undefined */
        qsort(g->names.v, g->names.n, sizeof *g->names.v, cmp_cand);
    size_t k = 0;
    for (size_t i = 0; i < g->names.n; i++)
        if (k == 0 || strcmp(g->names.v[k - 1], g->names.v[i]) != 0)
            g->names.v[k++] = g->names.v[i];
    g->names.n = k;
    diag_hint_nearest(s->d, name, (const char *const *)g->names.v, NULL, g->names.n, 1);
}

/* The Chinese numerals of clause ids, 一 to 十. */
static const char *const cn_digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/* The clause id `name` written the other way, in the arena: Arabic
 * numerals in Chinese ones (13 → 十三) and Chinese ones in Arabic
 * (十三 → 13), for 1 to 99; NULL for any other name.  A plan numbers its
 * measures (一) (二) ... (十三), and an analyst may write (13). */
static const char *clause_numeral(S *s, const char *name)
{
    size_t n = strlen(name);
    if (n >= 1 && n <= 2 && strspn(name, "0123456789") == n && name[0] != '0') {
        int v = atoi(name), tens = v / 10, ones = v % 10;
        return arena_printf(s->a, "%s%s%s", tens > 1 ? cn_digits[tens - 1] : "",
                            tens ? "十" : "", ones ? cn_digits[ones - 1] : "");
    }
    /* X十Y, X十, 十Y, 十, Y: each part one of cn_digits (3 bytes each) */
    int digit[3], k = 0;
    for (size_t at = 0; at < n; at += 3) {
        int d = -1;
        for (int i = 0; i < 10 && d < 0; i++)
            if (n - at >= 3 && memcmp(name + at, cn_digits[i], 3) == 0)
                d = i + 1;
        if (d < 0 || k == 3)
            return NULL;
        digit[k++] = d;
    }
    int v = -1;
    if (k == 1)
        v = digit[0];
    else if (k == 2 && digit[0] == 10 && digit[1] < 10)
        v = 10 + digit[1];
    else if (k == 2 && digit[0] > 1 && digit[0] < 10 && digit[1] == 10)
        v = digit[0] * 10;
    else if (k == 3 && digit[0] > 1 && digit[0] < 10 && digit[1] == 10 && digit[2] < 10)
        v = digit[0] * 10 + digit[2];
    return v > 0 ? arena_printf(s->a, "%d", v) : NULL;
}

/* Prints "note: did you mean 'x'?" when a name of one of the kinds in
 * `kinds` (a bit mask) or of `extra` is close enough to `name`; for a
 * measure, also when a measure's id is `name` in the other numerals
 * (clause_numeral). */
static void suggest(S *s, unsigned kinds, const char *const *extra, const char *name)
{
    if (s->d->max_errors > 0 && s->d->nerrors > s->d->max_errors)
        return;
    const char *other = kinds & (1u << K_MEASURE) ? clause_numeral(s, name) : NULL;
    if (other) {
        const ptrvec *o = &s->tab[K_MEASURE].order;
        for (size_t i = 0; i < o->n; i++)
            if (strcmp(((const sym *)o->v[i])->name, other) == 0) {
                diag_hint(s->d, "did you mean (%s)?", other);
                return;
            }
    }
    suggestion g;
    suggest_init(&g);
    for (int k = 0; k < K_NKINDS; k++) {
        if (!(kinds & (1u << k)))
            continue;
        const ptrvec *o = &s->tab[k].order;
        for (size_t i = 0; i < o->n; i++)
            suggest_one(s, &g, ((const sym *)o->v[i])->name);
    }
    for (; extra && *extra; extra++)
        suggest_one(s, &g, *extra);
    suggest_done(s, &g, name);
}

/* ---------------------------------------------------------------- modules */

/* The file (module) a span was written in; 0 for a single parsed file. */
static uint32_t mod_of(const S *s, span sp)
{
    const ast_program *p = s->prog;
    if (!p->nmodules || sp.file >= p->nfiles || p->file_module[sp.file] < 0)
        return 0;
    return (uint32_t)p->file_module[sp.file];
}

/* True when module `from` imports module `to`, directly or not. */
static bool reaches(const S *s, uint32_t from, uint32_t to)
{
    return s->prog->nmodules && s->prog->modules[from].reach[to];
}

/* Units, agencies and text maps are each file's own (see the top of this
 * file). */
static bool is_vocab(int kind)
{
    return kind == K_UNIT || kind == K_AGENCY || kind == K_MAP;
}

/* The table of module m's own units, agencies or text maps. */
static symtab *vtab(S *s, int kind, uint32_t m)
{
    return kind == K_UNIT ? &s->vunit[m] : kind == K_AGENCY ? &s->vagency[m] : &s->vmap[m];
}

/* The path of module m, for messages. */
static const char *mod_path(const S *s, uint32_t m)
{
    return s->prog->nmodules ? s->prog->modules[m].path : "?";
}

/* The qualifier module m knows module j by: the name of the first of its
 * imports that is j or leads to j (NULL when none does). */
static const char *qualifier_for(const S *s, uint32_t m, uint32_t j)
{
    if (!s->prog->nmodules)
        return NULL;
    const ast_module *mo = &s->prog->modules[m];
    for (uint32_t k = 0; k < mo->nimports; k++)
        if (mo->imports[k].module == j || reaches(s, mo->imports[k].module, j))
            return mo->imports[k].as;
    return NULL;
}

/* The module the qualifier of n names among the imports of module m;
 * reports an unknown qualifier (with a did-you-mean). */
static int32_t qual_module(S *s, uint32_t m, ast_name n)
{
    const ast_program *p = s->prog;
    if (p->nmodules) {
        const ast_module *mo = &p->modules[m];
        for (uint32_t k = 0; k < mo->nimports; k++)
            if (strcmp(mo->imports[k].as, n.qual) == 0)
                return (int32_t)mo->imports[k].module;
    }
    diag_error(s->d, n.qual_sp, "unknown module '%s': this file imports no file by that name", n.qual);
    if (!p->nmodules || p->modules[m].nimports == 0) {
        diag_hint(s->d, "'M.x' names x as declared by the file imported as M ('import \"file.plan\" as M')");
        return -1;
    }
    const ast_module *mo = &p->modules[m];
    suggestion g;
    suggest_init(&g);
    const char *sep = tr(s, ", ");
    size_t len = 0, seplen = strlen(sep);
    for (uint32_t k = 0; k < mo->nimports; k++) {
        suggest_one(s, &g, mo->imports[k].as);
        len += strlen(mo->imports[k].as) + seplen;
    }
    const char *pick[3];
    if (diag_nearest(n.qual, (const char *const *)g.names.v, NULL, g.names.n, 1, pick) > 0) {
        suggest_done(s, &g, n.qual);
        return -1;
    }
    /* "A, B, C" built in one buffer: joined one name at a time, each
     * error on a file of 20,000 imports copied gigabytes */
    char *all = arena_alloc(s->a, len + 1), *at = all;
    for (uint32_t k = 0; k < mo->nimports; k++) {
        size_t l = strlen(mo->imports[k].as);
        if (k > 0) {
            memcpy(at, sep, seplen);
            at += seplen;
        }
        memcpy(at, mo->imports[k].as, l);
        at += l;
    }
    *at = '\0';
    diag_hint(s->d, "this file imports: %s", all);
    return -1;
}

/* For a qualified reference M.x to a name of the whole program: M must be
 * an import of the file, and x declared by M or by a file M imports.
 * Returns false after reporting otherwise. */
static bool qual_ok(S *s, int kind, ast_name n, const sym *y)
{
    if (!n.qual || !y)
        return true;
    uint32_t m = mod_of(s, n.sp);
    int32_t q = qual_module(s, m, n);
    if (q < 0)
        return false;
    uint32_t dm = mod_of(s, y->sp);
    if (dm == (uint32_t)q || reaches(s, (uint32_t)q, dm))
        return true;
    diag_error(s->d, n.sp, "%s '%s' is not declared in '%s' (%s)", tr(s, kindname[kind]), n.s, n.qual,
               mod_path(s, (uint32_t)q));
    diag_note(s->d, y->sp, "'%s' is declared here", n.s);
    return false;
}

/* A name of the whole program as written (maybe qualified): the symbol,
 * or NULL when undefined (not reported here). */
static const sym *find(S *s, int kind, ast_name n)
{
    const sym *y = n.s ? tab_find(&s->tab[kind], n.s) : NULL;
    if (y)
        qual_ok(s, kind, n, y);
    return y;
}

/* The edit of an extending file that removed the base's item `name` of
 * this kind: its drop or replacement, or (*with set) the drop of the
 * measure or section it went with.  NULL when there is none, or when no
 * more errors are shown (spares the search). */
static const ast_origin *removed_by(S *s, int kind, const char *name, bool *with)
{
    ast_itemkind it;
    switch (kind) {
    case K_TARGET: it = IT_TARGET; break;
    case K_MEASURE: it = IT_MEASURE; break;
    case K_SECTION: it = IT_SECTION; break;
    case K_REGION: it = IT_REGION; break;
    case K_INDICATOR: it = IT_INDICATOR; break;
    default: return NULL;
    }
    *with = false;
    if (!name || (s->d->max_errors > 0 && s->d->nerrors > s->d->max_errors))
        return NULL;
    for (uint32_t i = 0; i < s->prog->nedits; i++) {
        const ast_origin *o = s->prog->edits[i];
        if (o->item == it && o->name && strcmp(o->name, name) == 0 &&
            (o->kind == ORIGIN_DROPPED || o->kind == ORIGIN_REPLACED || o->kind == ORIGIN_RENAMED))
            return o;
    }
    /* a target that went with its measure or section, a measure with its
     * section (import.c, apply_drop) */
    for (uint32_t i = 0; (kind == K_TARGET || kind == K_MEASURE) && i < s->prog->nedits; i++) {
        const ast_origin *o = s->prog->edits[i];
        const ptrvec *along = kind == K_TARGET ? &o->along_targets : &o->along_measures;
        for (size_t k = 0; k < along->n; k++)
            if (strcmp(along->v[k], name) == 0) {
                *with = true;
                return o;
            }
    }
    return NULL;
}

/* What to add to "undefined KIND 'name'" when an extending file removed
 * it: ": it was dropped", ": it was dropped with measure (九)", ": it was
 * replaced", ": it was renamed '水质达标'"; "" otherwise. */
static const char *dropped_why(S *s, int kind, const char *name)
{
    bool with;
    const ast_origin *o = removed_by(s, kind, name, &with);
    if (!o)
        return "";
    if (with)
        return arena_printf(s->a, tr(s, ": it was dropped with %s"), origin_shown(s, o));
    if (o->kind == ORIGIN_RENAMED)
        return arena_printf(s->a, tr(s, ": it was renamed '%s'"), o->new_name);
    if (o->kind == ORIGIN_REPLACED && o->new_name)
        return arena_printf(s->a, tr(s, ": it was replaced by '%s'"), o->new_name);
    return tr(s, o->kind == ORIGIN_DROPPED ? ": it was dropped" : ": it was replaced");
}

/* When an extending file dropped (or replaced) the item `name` of this
 * kind, or the measure or section it was part of, says where; returns
 * true then. */
static bool dropped_note(S *s, int kind, const char *name)
{
    bool with;
    const ast_origin *o = removed_by(s, kind, name, &with);
    if (!o)
        return false;
    const char *shown = kind == K_MEASURE ? arena_printf(s->a, tr(s, "(%s)"), name)
                                          : arena_printf(s->a, tr(s, "'%s'"), name);
    if (with) {
        diag_note(s->d, o->edit, "%s, which declares %s, was dropped here", origin_shown(s, o), shown);
        diag_hint(s->d, "dropping %s drops its %s too", origin_shown(s, o),
                  tr(s, o->item == IT_SECTION ? "measures and their targets" : "targets"));
    } else if (o->kind == ORIGIN_DROPPED && o->by_keep) {
        diag_note(s->d, o->edit, "%s was dropped here: this 'keep' lists the items of its kind that stay", shown);
    } else if (o->kind == ORIGIN_DROPPED) {
        diag_note(s->d, o->edit, "%s was dropped here", shown);
    } else if (o->kind == ORIGIN_RENAMED) {
        diag_note(s->d, o->edit, "%s was renamed here", shown);
        diag_hint(s->d, "the extending file names the %s by its new name, '%s'",
                  tr(s, kind == K_REGION ? "region" : kind == K_INDICATOR ? "indicator" : "target"), o->new_name);
    } else {
        diag_note(s->d, o->edit, "'%s' was replaced here", name);
        if (o->new_name)
            diag_hint(s->d, "write the name of the region that replaces it, '%s'", o->new_name);
    }
    return true;
}

/* Did-you-mean over the units or agencies module m sees (its own first),
 * and `extra`. */
static void suggest_vocab(S *s, int kind, uint32_t m, const char *const *extra, const char *name)
{
    if (s->d->max_errors > 0 && s->d->nerrors > s->d->max_errors)
        return;
    suggestion g;
    suggest_init(&g);
    for (uint32_t j = 0; j < s->nmods; j++) {
        uint32_t k = j == 0 ? m : (j <= m ? j - 1 : j); /* m first, then the others in order */
        if (k != m && !reaches(s, m, k))
            continue;
        const ptrvec *o = &vtab(s, kind, k)->order;
        for (size_t i = 0; i < o->n; i++)
            suggest_one(s, &g, ((const sym *)o->v[i])->name);
    }
    for (; extra && *extra; extra++)
        suggest_one(s, &g, *extra);
    suggest_done(s, &g, name);
}

/* For an undefined unit whose name ends in a superscript (`m³`, `km²`)
 * while the name without it is a unit file m sees (`m`): the hint that
 * the superscript makes a name of its own, not a power.  True when it was
 * given (instead of a did-you-mean, which would propose `m`). */
static bool superscript_hint(S *s, int kind, uint32_t m, const char *name)
{
    size_t len = strlen(name);
    if (kind != K_UNIT || len < 3 || (unsigned char)name[len - 2] != 0xC2 ||
        ((unsigned char)name[len - 1] != 0xB2 && (unsigned char)name[len - 1] != 0xB3))
        return false;
    char *stem = arena_printf(s->a, "%.*s", (int)(len - 2), name);
    bool known = tab_find(vtab(s, kind, m), stem) != NULL;
    for (uint32_t j = 0; j < s->nmods && !known; j++)
        known = j != m && reaches(s, m, j) && tab_find(vtab(s, kind, j), stem) != NULL;
    if (!known)
        return false;
    int power = (unsigned char)name[len - 1] == 0xB2 ? 2 : 3;
    diag_hint(s->d, "'%s' is a name of its own (a superscript is part of a name, not a power): "
                    "write '%s^%d', or declare 'unit %s = 1 %s^%d'",
              name, stem, power, name, stem, power);
    return true;
}

/* For an undefined unit that is a unit file m sees followed by a word of
 * a plan (`8万公里以上`, `80万吨左右`: the scanner reads the unit and the
 * word as one name): says so, with what planc writes for the word (see
 * planword.h).  True when it was given (instead of a did-you-mean). */
static bool planword_unit_hint(S *s, int kind, uint32_t m, const char *name)
{
    size_t stem_len;
    const char *hint = kind == K_UNIT ? planword_suffix(s->d->lang, name, &stem_len) : NULL;
    if (!hint)
        return false;
    char *stem = arena_printf(s->a, "%.*s", (int)stem_len, name);
    bool known = tab_find(vtab(s, kind, m), stem) != NULL;
    for (uint32_t j = 0; j < s->nmods && !known; j++)
        known = j != m && reaches(s, m, j) && tab_find(vtab(s, kind, j), stem) != NULL;
    if (!known)
        return false;
    diag_hint(s->d, "'%s' is the unit '%s' followed by '%s'; %s", name, stem, name + stem_len, hint);
    return true;
}

/* For an undefined unit that is a word for one of the built-in units
 * (`百分比` for %, `千分比` for ‰, `是否` for bool, `无量纲` for 1): how to
 * write it.  Declaring such a word (`unit 百分比`, what the general hint
 * would offer) makes a unit of its own that a % goal cannot be compared
 * with.  True when it was given. */
static bool builtin_word_hint(S *s, int kind, const char *name)
{
    static const struct {
        const char *word, *unit, *example;
    } words[] = {
        {"百分比", "%", "92%"}, {"百分数", "%", "92%"}, {"百分率", "%", "92%"}, {"百分之", "%", "92%"},
        {"percent", "%", "92%"}, {"pct", "%", "92%"}, {"千分比", "‰", "5‰"}, {"千分率", "‰", "5‰"},
        {"千分数", "‰", "5‰"}, {"permille", "‰", "5‰"}, {"是否", "bool", "yes"},
        {"布尔", "bool", "yes"}, {"boolean", "bool", "yes"}, {"无量纲", "1", "0.5"}, {"无单位", "1", "0.5"},
    };
    if (kind != K_UNIT)
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(name, words[i].word) == 0) {
            diag_hint(s->d, "'%s' is written '%s', a unit planc knows without a declaration "
                            "('indicator NAME : %s, ...'; a goal '%s')",
                      name, words[i].unit, words[i].unit, words[i].example);
            return true;
        }
    return false;
}

/* A unit or agency as the file it is written in sees it: its own, else
 * the one declaration among the files it imports.  Reports an undefined
 * or ambiguous name (with the candidates); `extra` are more names for the
 * did-you-mean. */
static const sym *lookup_vocab(S *s, int kind, ast_name n, const char *const *extra)
{
    uint32_t user = mod_of(s, n.sp), m = user;
    if (n.qual) {
        int32_t q = qual_module(s, user, n);
        if (q < 0)
            return NULL;
        m = (uint32_t)q;
    }
    const sym *y = tab_find(vtab(s, kind, m), n.s);
    if (y)
        return y;
    const sym *found = NULL;
    uint32_t nfound = 0;
    for (uint32_t j = 0; j < s->nmods; j++) {
        const sym *c = j != m && reaches(s, m, j) ? tab_find(vtab(s, kind, j), n.s) : NULL;
        if (c) {
            found = found ? found : c;
            nfound++;
        }
    }
    if (nfound == 1)
        return found;
    if (nfound == 0) {
        if (n.qual)
            diag_error(s->d, n.sp, "%s '%s' is not declared in '%s' (%s)", tr(s, kindname[kind]), n.s, n.qual,
                       mod_path(s, m));
        else
            diag_error(s->d, n.sp, "undefined %s '%s'", tr(s, kindname[kind]), n.s);
        if (!superscript_hint(s, kind, m, n.s) && !planword_unit_hint(s, kind, m, n.s) &&
            !builtin_word_hint(s, kind, n.s)) {
            suggest_vocab(s, kind, m, extra, n.s);
            /* a plan's own unit or agency not declared yet (`万元`, a new
             * bureau): how to, at the first use */
            if (!n.qual && !tab_add(s->a, &s->undeclared, n.s, n.sp, 0))
                diag_hint(s->d, kind == K_UNIT ? "if '%s' is a unit of this plan, declare it: 'unit %s' "
                                                 "(a unit of its own) or 'unit %s = FACTOR UNIT'"
                                : kind == K_MAP ? "if '%s' is a text map of this plan, declare it: "
                                                  "'map %s { \"TEXT\" = NUMBER, ... }'%.0s"
                                               : "if '%s' is an agency of this plan, declare it: "
                                                 "'agency %s \"full name\"'%.0s",
                          n.s, n.s, n.s);
        }
        return NULL;
    }
    diag_error(s->d, n.sp, "ambiguous %s '%s': %u imported files declare it", tr(s, kindname[kind]), n.s, nfound);
    const char *first = NULL;
    for (uint32_t j = 0; j < s->nmods; j++) {
        const sym *c = j != m && reaches(s, m, j) ? tab_find(vtab(s, kind, j), n.s) : NULL;
        if (!c)
            continue;
        const char *q = n.qual ? NULL : qualifier_for(s, user, j);
        if (q) {
            diag_note(s->d, c->sp, "candidate '%s.%s', declared in %s", q, n.s, mod_path(s, j));
            first = first ? first : q;
        } else {
            diag_note(s->d, c->sp, "candidate declared in %s", mod_path(s, j));
        }
    }
    if (first)
        diag_hint(s->d, "write the name with the file it comes from, e.g. '%s.%s'", first, n.s);
    else if (n.qual)
        /* M.x is ambiguous in M itself: no qualifier of this file reaches
         * the candidates, so say how to get one */
        diag_hint(s->d, "'%s.%s' is ambiguous in %s itself: import the file that declares the one you mean "
                        "('import \"file.plan\" as M') and write 'M.%s'", n.qual, n.s, mod_path(s, m), n.s);
    return NULL;
}

/* ---------------------------------------------------------------- declaring */

/* Whether a syntax error threw away the declaration of a name of kind k
 * after its name was read (`target NAME`, `indicator NAME`, a period):
 * what names it is then not reported as undefined, an error that fixing
 * the syntax error makes untrue. */
static bool lost_name(const S *s, ast_lostkind k, const char *name)
{
    for (uint32_t i = 0; name && i < s->prog->nlost; i++)
        if (s->prog->lost[i].kind == k && strcmp(s->prog->lost[i].name, name) == 0)
            return true;
    return false;
}

/* lost_name for a kind of the checker's namespaces (false for the kinds
 * whose declarations are never lost by name). */
static bool lost_kind(const S *s, int kind, const char *name)
{
    return (kind == K_TARGET && lost_name(s, LOST_TARGET, name)) ||
           (kind == K_INDICATOR && lost_name(s, LOST_INDICATOR, name)) ||
           (kind == K_PERIOD && lost_name(s, LOST_PERIOD, name)) ||
           (kind == K_REGION && lost_name(s, LOST_REGION, name));
}

/* For an undefined region, section or measure: when `name` is what the
 * plan calls one in another way — a region's alias (a spelling of the
 * data), a section's or measure's title — a note that says how the rules
 * name it; true then. */
static bool other_name_note(S *s, int kind, const char *name)
{
    for (uint32_t i = 0; name && i < s->prog->ndecls; i++) {
        const ast_decl *d = s->prog->decls[i];
        if (kind == K_REGION && d->kind == D_REGION && d->u.region.names.n == 1) {
            for (uint32_t k = 0; k < d->u.region.naliases; k++)
                if (strcmp(d->u.region.aliases[k], name) == 0) {
                    const char *r = d->u.region.names.v[0].s;
                    diag_hint(s->d, "'%s' is an alias of region '%s', a spelling the data may use; the rules "
                                    "name it '%s'", name, r, r);
                    return true;
                }
        }
        if ((kind != K_SECTION && kind != K_MEASURE) || d->kind != D_SECTION || !d->u.section)
            continue;
        const ast_section *sec = d->u.section;
        if (kind == K_SECTION && sec->title && sec->id.s && strcmp(sec->title, name) == 0) {
            diag_hint(s->d, "'%s' is the title of section '%s'; a section is named by its id: 'section %s'",
                      name, sec->id.s, sec->id.s);
            return true;
        }
        for (uint32_t j = 0; kind == K_MEASURE && j < sec->nmeasures; j++) {
            const ast_measure *me = sec->measures[j];
            if (me && me->title && me->id.s && strcmp(me->title, name) == 0) {
                diag_hint(s->d, "'%s' is the title of measure (%s); a measure is named by its clause id: "
                                "'measure (%s)'", name, me->id.s, me->id.s);
                return true;
            }
        }
    }
    return false;
}

/* For an undefined region or level: when `name` is the word the reports
 * show for a level of the plan — its text (`city "市州"`), else its
 * Chinese word (`town` is shown 乡镇, `county` 县级), with or without a
 * last 级 (`for 县`) — a note that the rules name the level by its own
 * name: a reader who learnt the levels from a Chinese page writes
 * `for 乡镇`.  True then. */
static bool level_word_note(S *s, const char *name)
{
    const sema_model *m = s->m;
    size_t n = name ? strlen(name) : 0;
    for (uint32_t li = 0; n && li < m->nlevels; li++) {
        const char *lv = m->levels[li];
        const char *word = m->level_texts && m->level_texts[li] ? m->level_texts[li] : lbl_level(LBL_ZH, lv);
        if (!lv || !word || strcmp(word, lv) == 0)
            continue;
        size_t w = strlen(word), ji = strlen("级");
        bool same = strcmp(word, name) == 0 ||
                    (w == n + ji && strncmp(word, name, n) == 0 && strcmp(word + n, "级") == 0);
        if (same && m->level_texts && m->level_texts[li])
            diag_hint(s->d, "'%s' is how the reports show level '%s'; the rules name the level '%s' "
                            "('for %s', 'share(%s, ...)')", word, lv, lv, lv, lv);
        else if (same)
            diag_hint(s->d, "'%s' is how the Chinese reports show level '%s'; the rules name the level '%s' "
                            "('for %s', 'share(%s, ...)')", word, lv, lv, lv, lv);
        if (same)
            return true;
    }
    return false;
}

/* Looks a name up in one namespace; reports "undefined KIND 'x'" (with a
 * did-you-mean, or where an extending file dropped it) when absent, but
 * for a target a syntax error threw away.  Returns the symbol or NULL. */
static const sym *lookup(S *s, int kind, ast_name n)
{
    if (!n.s)
        return NULL;
    /* a text map a syntax error threw away: its uses are not undefined
     * (unless the file sees a map of that name after all) */
    if (kind == K_MAP && lost_name(s, LOST_MAP, n.s) && !tab_find(vtab(s, kind, mod_of(s, n.sp)), n.s))
        return NULL;
    if (is_vocab(kind))
        return lookup_vocab(s, kind, n, NULL);
    const sym *y = find(s, kind, n);
    if (!y && lost_kind(s, kind, n.s))
        return NULL;
    if (!y) {
        diag_error(s->d, n.sp, "undefined %s '%s'%s", tr(s, kindname[kind]), n.s, dropped_why(s, kind, n.s));
        if (!dropped_note(s, kind, n.s) && !other_name_note(s, kind, n.s))
            suggest(s, 1u << kind, NULL, n.s);
    }
    return y;
}

/* How an extending file changes or removes a base's item of each kind. */
static const char *const edit_hint[K_NKINDS] = {
    [K_REGION] = "an extending plan removes the base's region with 'drop region %s', or declares "
                 "'region NEW : LEVEL replaces %s'",
    [K_INDICATOR] = "an extending plan changes the base's indicator with 'override indicator %s ...'%.0s",
    [K_SECTION] = "an extending plan changes the base's section with 'override section %s ...' or "
                  "removes it with 'drop section %s'",
    [K_MEASURE] = "an extending plan changes the base's measure with 'override measure (%s) { ... }' or "
                  "removes it with 'drop measure (%s)'",
    [K_TARGET] = "an extending plan changes the base's target with 'override target %s ...' or "
                 "removes it with 'drop target %s'",
};

/* A name declared a second time.  In one file: "duplicate KIND 'x'" with
 * a note at the first; in two files of one program: both places, and how
 * an extending file changes the base's instead. */
static void duplicate(S *s, int kind, ast_name n, const sym *old)
{
    const char *shown = kind == K_MEASURE ? arena_printf(s->a, tr(s, "(%s)"), n.s)
                                          : arena_printf(s->a, tr(s, "'%s'"), n.s);
    uint32_t mn = mod_of(s, n.sp), mo = mod_of(s, old->sp);
    if (mn == mo) {
        diag_error(s->d, n.sp, "duplicate %s %s", tr(s, kindname[kind]), shown);
        diag_note(s->d, old->sp, "%s was first declared here", shown);
        return;
    }
    diag_error(s->d, n.sp, "%s %s is declared by two files of the program, %s and %s",
               tr(s, kindname[kind]), shown, mod_path(s, mo), mod_path(s, mn));
    diag_note(s->d, old->sp, "%s is also declared here", shown);
    int32_t base = s->prog->modules[mn].base;
    if (edit_hint[kind] && base >= 0 && ((uint32_t)base == mo || reaches(s, (uint32_t)base, mo)))
        diag_hint(s->d, edit_hint[kind], n.s, n.s);
}

/* Declares a name; reports a duplicate at the second with a note at the
 * first.  Returns true when the name was new.  Units and agencies are
 * declared in their file's own table. */
static bool declare(S *s, int kind, ast_name n, uint32_t index)
{
    if (!n.s)
        return false;
    symtab *t = is_vocab(kind) ? vtab(s, kind, mod_of(s, n.sp)) : &s->tab[kind];
    const sym *old = tab_add(s->a, t, n.s, n.sp, index);
    if (!old)
        return true;
    duplicate(s, kind, n, old);
    return false;
}

/* A measure's id as cited: "(九)". */
static const char *clause_name(S *s, const char *id)
{
    return arena_printf(s->a, "(%s)", id ? id : "?");
}

/* A number for messages: 92, 0.5, 1e-05. */
static const char *numstr(S *s, double v)
{
    return arena_printf(s->a, "%g", v);
}

/* Reports two units of different dimensions, e.g. "cannot compare '%' with
 * '万亩': the units have different dimensions". `fmt` has two %s. */
static void unit_mismatch(S *s, span sp, const char *fmt, const unit_t *a, const unit_t *b)
{
    char *what = arena_printf(s->a, tr(s, fmt), unit_name(a), unit_name(b));
    diag_error(s->d, sp, "%s: the units have different dimensions", what);
    if (strcmp(unit_name(a), unit_name(b)) == 0)
        diag_hint(s->d, "these are two units called '%s', declared by different files; "
                        "write the one meant with the file it comes from (M.%s)", unit_name(a), unit_name(a));
}

/* ---------------------------------------------------------------- units */

static const unit_t *resolve_unit(S *s, const ast_unit *u);

/* The unit declared by units[i], resolving its definition on first use. */
static const unit_t *declared_unit(S *s, uint32_t i)
{
    unitinfo *ui = &s->units[i];
    if (ui->state == 2)
        return ui->u;
    const ast_decl *d = ui->d;
    if (ui->state == 1) {
        diag_error(s->d, d->u.unit.name.sp, "unit '%s' is defined in terms of itself",
                   d->u.unit.name.s);
        ui->state = 2;
        ui->u = NULL;
        return NULL;
    }
    ui->state = 1;
    const unit_t *u = NULL;
    if (!d->u.unit.has_def) {
        u = unit_base(&s->m->units, d->u.unit.name.s);
    } else if (d->u.unit.base) {
        const unit_t *of = resolve_unit(s, d->u.unit.base);
        if (of) {
            u = unit_derived(&s->m->units, d->u.unit.name.s, d->u.unit.factor, of);
            double f = d->u.unit.factor;
            if (!u && isfinite(f) && f > 0)
                /* the factor is fine, its product with the base's is not */
                diag_error(s->d, d->sp, "unit '%s' is out of range: %s times '%s' is too large "
                                        "or too small for a number",
                           d->u.unit.name.s, numstr(s, f), unit_name(of));
            else if (!u)
                diag_error(s->d, d->sp, "the factor of unit '%s' must be a positive number, not %s",
                           d->u.unit.name.s, numstr(s, f));
        }
    }
    if (ui->state == 2) /* a cycle was reported while resolving */
        return ui->u;
    ui->state = 2;
    ui->u = u;
    return u;
}

/* The unit a name denotes: a built-in or a declared unit. */
static const unit_t *unit_by_name(S *s, ast_name n)
{
    if (!n.s)
        return NULL;
    const unit_t *b = n.qual ? NULL : unit_builtin(&s->m->units, n.s);
    if (b)
        return b;
    static const char *const builtins[] = {"1", "%", "‰", "bool", NULL};
    const sym *y = lookup_vocab(s, K_UNIT, n, builtins);
    return y ? declared_unit(s, y->index) : NULL;
}

/* Resolves a unit expression (万亩, 吨/万元, m^3); NULL after an error. */
static const unit_t *resolve_unit(S *s, const ast_unit *u)
{
    if (!u)
        return NULL;
    const unit_t *a, *b, *r = NULL;
    switch (u->kind) {
    case UX_NAME:
        return unit_by_name(s, u->u.name);
    case UX_MUL:
    case UX_DIV:
        a = resolve_unit(s, u->u.bin.a);
        b = resolve_unit(s, u->u.bin.b);
        if (!a || !b)
            return NULL;
        if (unit_is_bool(a) || unit_is_bool(b)) {
            diag_error(s->d, u->sp, "'bool' cannot be part of a compound unit");
            return NULL;
        }
        r = u->kind == UX_MUL ? unit_mul(&s->m->units, a, b) : unit_div(&s->m->units, a, b);
        break;
    case UX_POW:
        a = resolve_unit(s, u->u.pow.base);
        if (!a)
            return NULL;
        if (unit_is_bool(a)) {
            diag_error(s->d, u->sp, "'bool' cannot be part of a compound unit");
            return NULL;
        }
        r = unit_pow(&s->m->units, a, u->u.pow.exp);
        break;
    }
    if (!r)
        diag_error(s->d, u->sp, "unit too large: exponents are limited to %d and factors must stay finite",
                   UNIT_MAX_EXP);
    return r;
}

/* ---------------------------------------------------------------- expressions */

/* Where an expression appears, which decides the names it may use. */
typedef enum emode {
    EM_PLAIN,   /* a formula or a measured value: indicators and functions */
    EM_CONST,   /* a weight, tolerance or grade bound: constants only */
    EM_GOAL,    /* a goal: a constant, or an expression of the row's data */
    EM_SCORE    /* a score expression: also value, goal, ..., progress() */
} emode;

typedef struct ectx {
    emode mode;
    const char *what;       /* EM_CONST: "a goal", "a weight", ... */
    const unit_t *vunit;    /* EM_SCORE: unit of value/goal/base/expected */
    sema_type vtype;        /* EM_SCORE: their type */
    int shift;              /* > 0 inside prev/baseline/at */
    const char *shift_fn;   /* the innermost of those, for messages */
    int nind;               /* indicators referenced so far */
} ectx;

static sema_type check_expr(S *s, ast_expr *e, ectx *c);

/* Records the checker's verdict on e. */
static sema_type set(ast_expr *e, sema_type t, const unit_t *u)
{
    e->sema.type = t;
    e->sema.unit = u;
    return t;
}

/* A number written without a unit (or -n, or n + m of such), which takes
 * the unit of the value it meets (docs/LANGUAGE.md §3). */
static bool is_bare(const ast_expr *e)
{
    switch (e->kind) {
    case EX_NUM:
        return e->u.num.unit == NULL;
    case EX_UNARY:
        return e->u.un.op == OP_NEG && e->u.un.a && is_bare(e->u.un.a);
    case EX_BINARY:
        return (e->u.bin.op == OP_ADD || e->u.bin.op == OP_SUB) && e->u.bin.a &&
               e->u.bin.b && is_bare(e->u.bin.a) && is_bare(e->u.bin.b);
    default:
        return false;
    }
}

/* Gives a bare number the unit u. */
static void adopt(ast_expr *e, const unit_t *u)
{
    e->sema.unit = u;
    if (e->kind == EX_UNARY)
        adopt(e->u.un.a, u);
    else if (e->kind == EX_BINARY) {
        adopt(e->u.bin.a, u);
        adopt(e->u.bin.b, u);
    }
}

/* Makes two numeric operands agree: a bare one takes the other's unit.
 * Returns true when their dimensions are then equal. */
static bool unify(ast_expr *a, ast_expr *b)
{
    bool ba = is_bare(a), bb = is_bare(b);
    if (ba && !bb)
        adopt(a, b->sema.unit);
    else if (bb && !ba)
        adopt(b, a->sema.unit);
    return unit_same_dim(a->sema.unit, b->sema.unit);
}

/* Requires a number; reports a yes/no value. */
static bool want_num(S *s, ast_expr *e, const char *where)
{
    if (e->sema.type == TY_NUM)
        return true;
    if (e->sema.type == TY_BOOL)
        diag_error(s->d, e->sp, "expected a number %s, found a yes/no value", tr(s, where));
    return false;
}

/* Requires a yes/no condition; reports a number. */
static bool want_bool(S *s, ast_expr *e, const char *where)
{
    if (e->sema.type == TY_BOOL)
        return true;
    if (e->sema.type == TY_NUM)
        diag_error(s->d, e->sp, "expected a yes/no condition %s, found a number in '%s'",
                   tr(s, where), unit_name(e->sema.unit));
    return false;
}

/* The score-context names and their refs. */
static const struct { const char *name; sema_ref ref; } ctxnames[] = {
    {"value", REF_VALUE}, {"goal", REF_GOAL}, {"base", REF_BASE},
    {"expected", REF_EXPECTED}, {"year", REF_YEAR}, {"deadline", REF_DEADLINE},
    {"direction", REF_DIRECTION},
};
static const char *const ctxname_list[] = {"value", "goal", "base", "expected", "year", "deadline",
                                           "direction", NULL};

/* The functions and their refs. */
static const struct { const char *name; sema_ref ref; } fntab[] = {
    {"min", FN_MIN}, {"max", FN_MAX}, {"clamp", FN_CLAMP}, {"abs", FN_ABS},
    {"prev", FN_PREV}, {"baseline", FN_BASELINE}, {"at", FN_AT},
    {"share", FN_SHARE}, {"ismissing", FN_ISMISSING}, {"progress", FN_PROGRESS},
    {"lowest", FN_LOWEST}, {"highest", FN_HIGHEST}, {"average", FN_AVERAGE},
    {"cumulative", FN_CUMULATIVE}, {"total", FN_TOTAL}, {"peakvalue", FN_PEAKVALUE},
    {"parent", FN_PARENT},
};
static const char *const fnname_list[] = {"min", "max", "clamp", "abs", "prev", "baseline",
                                          "at", "share", "ismissing", "progress",
                                          "lowest", "highest", "average", "cumulative", "total",
                                          "peakvalue", "parent", NULL};

/* The unit of indicator i, resolving its declaration on first use. */
static const unit_t *ind_unit(S *s, uint32_t i)
{
    indinfo *ii = &s->ii[i];
    sema_indicator *ind = &s->m->inds[i];
    if (!ii->ustate) {
        ii->ustate = 1;
        ind->unit = ii->d->u.ind.unit ? resolve_unit(s, ii->d->u.ind.unit) : NULL;
        ind->type = ind->unit ? (unit_is_bool(ind->unit) ? TY_BOOL : TY_NUM) : TY_ERROR;
    }
    return ind->unit;
}

/* When the name e is an indicator an extending file dropped: records the
 * use by the item being checked (reported at the drop, once for all its
 * uses: report_dropped_uses) and returns true. */
static bool dropped_use(S *s, const ast_expr *e)
{
    for (uint32_t i = 0; i < s->prog->nedits; i++) {
        const ast_origin *o = s->prog->edits[i];
        if (o->kind != ORIGIN_DROPPED || o->item != IT_INDICATOR || !o->name ||
            strcmp(o->name, e->u.name.s) != 0)
            continue;
        if (s->base_probe)
            return true;
        dropuse *u = arena_alloc(s->a, sizeof *u);
        *u = (dropuse){o, e->sp, s->user, s->user_hint};
        ptrvec_push(s->a, &s->dropuses, u);
        return true;
    }
    return false;
}

/* EX_NAME: an indicator, or a score-context name. */
static sema_type check_name(S *s, ast_expr *e, ectx *c)
{
    const char *n = e->u.name.s;
    if (!n)
        return set(e, TY_ERROR, NULL);
    for (size_t k = 0; k < sizeof ctxnames / sizeof ctxnames[0] && !e->u.name.qual; k++) {
        if (strcmp(n, ctxnames[k].name) != 0)
            continue;
        if (c->mode == EM_SCORE && c->shift == 0) {
            e->sema.ref = ctxnames[k].ref;
            if (ctxnames[k].ref == REF_YEAR || ctxnames[k].ref == REF_DEADLINE ||
                ctxnames[k].ref == REF_DIRECTION)
                return set(e, TY_NUM, s->m->units.one);
            return set(e, c->vtype, c->vunit);
        }
        if (!tab_find(&s->tab[K_INDICATOR], n)) {
            if (c->mode == EM_SCORE)
                diag_error(s->d, e->sp, "'%s' cannot be used inside '%s'", n, c->shift_fn);
            else
                diag_error(s->d, e->sp, "'%s' can only be used in a score expression", n);
            return set(e, TY_ERROR, NULL);
        }
    }
    const sym *y = find(s, K_INDICATOR, e->u.name);
    if (!y && s->user && c->mode != EM_CONST && dropped_use(s, e))
        return set(e, TY_ERROR, NULL);
    if (!y && lost_name(s, LOST_INDICATOR, n))
        return set(e, TY_ERROR, NULL);
    if (!y) {
        if (tab_find(&s->tab[K_PERIOD], n) && c->mode != EM_CONST)
            diag_error(s->d, e->sp, "'%s' is a period; write 'at(x, %s)' to read a value in it", n, n);
        else {
            diag_error(s->d, e->sp, "undefined name '%s'%s", n, dropped_why(s, K_INDICATOR, n));
            if (!e->u.name.qual && (unit_builtin(&s->m->units, n) ||
                                    tab_find(vtab(s, K_UNIT, mod_of(s, e->sp)), n)))
                /* `35 μg/m³` reads as (35 μg) / m³ */
                diag_hint(s->d, "'%s' is a unit: write a number with a compound unit in "
                                "brackets, e.g. 35 [μg/m³]", n);
            else if (!dropped_note(s, K_INDICATOR, n))
                suggest(s, 1u << K_INDICATOR, c->mode == EM_SCORE ? ctxname_list : NULL, n);
        }
        return set(e, TY_ERROR, NULL);
    }
    if (c->mode == EM_CONST) {
        diag_error(s->d, e->sp, "%s must be a constant; '%s' is an indicator", tr(s, c->what), n);
        return set(e, TY_ERROR, NULL);
    }
    e->sema.ref = REF_INDICATOR;
    e->sema.index = (int)y->index;
    c->nind++;
    const unit_t *u = ind_unit(s, y->index);
    if (!u)
        return set(e, TY_ERROR, NULL);
    return set(e, s->m->inds[y->index].type, u);
}

static bool year_or_period(S *s, ast_expr *y, bool first, int *out);

/* A year argument of at(): a plain integer or a period name (its last year). */
static bool check_year_arg(S *s, ast_expr *y, int *out)
{
    return year_or_period(s, y, false, out);
}

/* A year argument: a plain integer, or a period name standing for its first
 * year (`first`, cumulative's start) or its last (at's year). */
static bool year_or_period(S *s, ast_expr *y, bool first, int *out)
{
    if (y->kind == EX_NUM && !y->u.num.unit && y->u.num.v == floor(y->u.num.v) &&
        y->u.num.v >= 1 && y->u.num.v <= 9999) {
        *out = (int)y->u.num.v;
        return true;
    }
    if (y->kind == EX_NAME && y->u.name.s) {
        const sym *p = find(s, K_PERIOD, y->u.name);
        if (p) {
            *out = first ? s->periods[p->index]->from : s->periods[p->index]->to;
            return true;
        }
        if (lost_name(s, LOST_PERIOD, y->u.name.s))
            return false;
        diag_error(s->d, y->sp, "undefined period '%s'", y->u.name.s);
        suggest(s, 1u << K_PERIOD, NULL, y->u.name.s);
        return false;
    }
    diag_error(s->d, y->sp, "expected a year (1..9999) or a period name");
    return false;
}

/* Checks the arguments of min/max/clamp: numbers of one dimension.  Returns
 * the index of the argument whose unit the result takes, or -1. */
static int check_same_dim_args(S *s, ast_expr *e, const char *fn)
{
    ast_expr **args = e->u.call.args;
    uint32_t n = e->u.call.nargs;
    int first = -1;
    bool ok = true;
    for (uint32_t i = 0; i < n; i++) {
        if (!want_num(s, args[i], arena_printf(s->a, tr(s, "in '%s'"), fn)))
            ok = false;
        else if (first < 0 && !is_bare(args[i]))
            first = (int)i;
    }
    if (!ok)
        return -1;
    if (first < 0)
        return 0;
    for (uint32_t i = 0; i < n; i++) {
        if (is_bare(args[i]))
            adopt(args[i], args[first]->sema.unit);
        else if (!unit_same_dim(args[i]->sema.unit, args[first]->sema.unit)) {
            unit_mismatch(s, args[i]->sp, arena_printf(s->a, tr(s, "cannot take '%s' of '%%s' and '%%s'"), fn),
                          args[first]->sema.unit, args[i]->sema.unit);
            return -1;
        }
    }
    return first;
}

/* Whether a checked expression reads anything of the row (an indicator, or
 * a score's value, base, goal or expected), so that it can differ between
 * regions.  A score's goal counts: a goal read from the data differs from
 * region to region, and a constant one is its own average. */
static bool reads_row(const ast_expr *e, int depth)
{
    if (!e || depth > MAX_DEPTH)
        return false;
    switch (e->kind) {
    case EX_NAME:
        return e->sema.ref == REF_INDICATOR || e->sema.ref == REF_VALUE ||
               e->sema.ref == REF_BASE || e->sema.ref == REF_GOAL || e->sema.ref == REF_EXPECTED;
    case EX_UNARY:
        return reads_row(e->u.un.a, depth + 1);
    case EX_BINARY:
        return reads_row(e->u.bin.a, depth + 1) || reads_row(e->u.bin.b, depth + 1);
    case EX_IF:
        return reads_row(e->u.cond.c, depth + 1) || reads_row(e->u.cond.a, depth + 1) ||
               reads_row(e->u.cond.b, depth + 1);
    case EX_CALL:
        if (e->sema.ref == FN_PROGRESS)
            return true;
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            if (reads_row(e->u.call.args[i], depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

/* The first argument of a function over the regions below the row's
 * (share, total, lowest / highest / average with a level): a level, kept
 * in e->sema.index.  False after reporting why not. */
static bool level_arg(S *s, ast_expr *e, const char *fn)
{
    ast_expr *lv = e->u.call.args[0];
    if (lv->kind != EX_NAME || !lv->u.name.s) {
        diag_error(s->d, lv->sp, "the first argument of '%s' must be a level", fn);
        return false;
    }
    const sym *y = find(s, K_LEVEL, lv->u.name);
    if (!y) {
        diag_error(s->d, lv->sp, "undefined level '%s'", lv->u.name.s);
        if (e->sema.ref != FN_SHARE && tab_find(&s->tab[K_INDICATOR], lv->u.name.s))
            diag_hint(s->d, "'%s' is an indicator: with two arguments, '%s(LEVEL, x)' ranges over "
                      "the regions at LEVEL below the row's; with one, '%s(x)' over the regions of "
                      "the row's level", lv->u.name.s, fn, fn);
        else if (!level_word_note(s, lv->u.name.s))
            suggest(s, 1u << K_LEVEL, NULL, lv->u.name.s);
        return false;
    }
    e->sema.index = (int)y->index;
    s->m->reads_below = true;
    return true;
}

/* total(LEVEL, x), lowest / highest / average(LEVEL, x): x over the
 * regions at LEVEL below the row's region, in the row's year (ir.h
 * IR_SHARE); inside prev / baseline / at, in that year (ir.h IR_SHIFT). */
static sema_type check_below(S *s, ast_expr *e, ectx *c, const char *fn)
{
    ast_expr *x = e->u.call.args[1];
    bool ok = level_arg(s, e, fn);
    if (check_expr(s, x, c) == TY_ERROR || !want_num(s, x, arena_printf(s->a, tr(s, "in '%s'"), fn)))
        return set(e, TY_ERROR, NULL);
    if (!reads_row(x, 0)) {
        diag_error(s->d, x->sp, "the second argument of '%s' must read the data (an indicator, "
                   "or in a score 'value', 'base', 'goal', 'expected' or 'progress()')", fn);
        return set(e, TY_ERROR, NULL);
    }
    if (!ok)
        return set(e, TY_ERROR, NULL);
    return set(e, TY_NUM, x->sema.unit);
}

/* EX_CALL: the functions of docs/LANGUAGE.md §7. */
static sema_type check_call(S *s, ast_expr *e, ectx *c)
{
    const char *fn = e->u.call.fn.s;
    ast_expr **args = e->u.call.args;
    uint32_t n = e->u.call.nargs;
    sema_ref ref = REF_NONE;
    if (!fn)
        return set(e, TY_ERROR, NULL);
    for (size_t k = 0; k < sizeof fntab / sizeof fntab[0]; k++)
        if (strcmp(fn, fntab[k].name) == 0)
            ref = fntab[k].ref;
    if (ref == REF_NONE) {
        diag_error(s->d, e->u.call.fn.sp, "unknown function '%s'", fn);
        suggest(s, 0, fnname_list, fn);
        return set(e, TY_ERROR, NULL);
    }
    e->sema.ref = ref;
    for (uint32_t i = 0; i < n; i++)
        if (!args[i])
            return set(e, TY_ERROR, NULL);
    /* arity */
    int lo = 1, hi = 1;
    switch (ref) {
    case FN_MIN: case FN_MAX: lo = 2; hi = 1 << 30; break;
    case FN_CLAMP: lo = hi = 3; break;
    case FN_AT: case FN_SHARE: case FN_TOTAL: lo = hi = 2; break;
    case FN_CUMULATIVE: case FN_PEAKVALUE: case FN_LOWEST: case FN_HIGHEST: case FN_AVERAGE:
    case FN_PARENT:
        lo = 1;
        hi = 2;
        break;
    case FN_PROGRESS: lo = hi = 0; break;
    default: break;
    }
    if ((int)n < lo || (int)n > hi) {
        if (lo == hi)
            diag_error(s->d, e->sp, "'%s' takes %d argument%s, not %u", fn, lo, lo == 1 ? "" : "s", n);
        else if (hi == lo + 1)
            diag_error(s->d, e->sp, "'%s' takes %d or %d arguments, not %u", fn, lo, hi, n);
        else
            diag_error(s->d, e->sp, "'%s' takes at least %d arguments", fn, lo);
        return set(e, TY_ERROR, NULL);
    }
    if (c->mode == EM_CONST && ref != FN_MIN && ref != FN_MAX && ref != FN_CLAMP && ref != FN_ABS) {
        diag_error(s->d, e->sp, "%s must be a constant; '%s' reads the data", tr(s, c->what), fn);
        return set(e, TY_ERROR, NULL);
    }

    switch (ref) {
    case FN_MIN: case FN_MAX: case FN_CLAMP: {
        bool err = false;
        for (uint32_t i = 0; i < n; i++)
            if (check_expr(s, args[i], c) == TY_ERROR)
                err = true;
        if (err)
            return set(e, TY_ERROR, NULL);
        int k = check_same_dim_args(s, e, fn);
        if (k < 0)
            return set(e, TY_ERROR, NULL);
        return set(e, TY_NUM, args[k]->sema.unit);
    }
    case FN_ABS:
        if (check_expr(s, args[0], c) == TY_ERROR || !want_num(s, args[0], "in 'abs'"))
            return set(e, TY_ERROR, NULL);
        return set(e, TY_NUM, args[0]->sema.unit);
    case FN_ISMISSING:
        if (check_expr(s, args[0], c) == TY_ERROR)
            return set(e, TY_ERROR, NULL);
        return set(e, TY_BOOL, s->m->units.boolean);
    case FN_PROGRESS:
        if (c->mode != EM_SCORE || c->shift > 0) {
            diag_error(s->d, e->sp, "'progress()' can only be used in a score expression");
            return set(e, TY_ERROR, NULL);
        }
        return set(e, TY_NUM, s->m->units.one);
    case FN_PREV: case FN_BASELINE: case FN_AT: {
        if (ref == FN_AT) {
            int y = 0;
            if (!check_year_arg(s, args[1], &y))
                return set(e, TY_ERROR, NULL);
            e->sema.index = y;
        }
        ectx in = *c;
        in.shift++;
        in.shift_fn = fn;
        in.nind = 0;
        sema_type t = check_expr(s, args[0], &in);
        c->nind += in.nind;
        if (t == TY_ERROR)
            return set(e, TY_ERROR, NULL);
        if (in.nind == 0) {
            diag_error(s->d, args[0]->sp, "the argument of '%s' must refer to an indicator", fn);
            return set(e, TY_ERROR, NULL);
        }
        return set(e, t, args[0]->sema.unit);
    }
    case FN_SHARE: {
        bool ok = level_arg(s, e, fn);
        if (check_expr(s, args[1], c) == TY_ERROR || !want_bool(s, args[1], "in 'share'"))
            ok = false;
        if (!ok)
            return set(e, TY_ERROR, NULL);
        return set(e, TY_NUM, s->m->units.percent);
    }
    case FN_TOTAL:
        return check_below(s, e, c, fn);
    case FN_CUMULATIVE: case FN_PEAKVALUE: {
        /* the sum, or the largest value, over the region's years from
         * `first` to the row's year; a sum counts from the year after the
         * baseline (what was added since), a peak from the baseline year */
        int first = ref == FN_CUMULATIVE ? s->m->baseline + 1 : s->m->baseline;
        if (n == 2 && !year_or_period(s, args[1], true, &first))
            return set(e, TY_ERROR, NULL);
        e->sema.index = first;
        if (check_expr(s, args[0], c) == TY_ERROR ||
            !want_num(s, args[0], arena_printf(s->a, tr(s, "in '%s'"), fn)))
            return set(e, TY_ERROR, NULL);
        if (!reads_row(args[0], 0)) {
            diag_error(s->d, args[0]->sp, "the argument of '%s' must read the data (an "
                       "indicator, or in a score 'value', 'base', 'goal', 'expected' or "
                       "'progress()')", fn);
            return set(e, TY_ERROR, NULL);
        }
        return set(e, TY_NUM, args[0]->sema.unit);
    }
    case FN_LOWEST: case FN_HIGHEST: case FN_AVERAGE:
        if (n == 2)
            return check_below(s, e, c, fn);
        if (check_expr(s, args[0], c) == TY_ERROR || !want_num(s, args[0], arena_printf(s->a, tr(s, "in '%s'"), fn)))
            return set(e, TY_ERROR, NULL);
        if (!reads_row(args[0], 0)) {
            diag_error(s->d, args[0]->sp, "the argument of '%s' must read the data (an indicator, "
                       "or in a score 'value', 'base', 'goal', 'expected' or 'progress()'); "
                       "a constant is its own %s", fn, fn);
            return set(e, TY_ERROR, NULL);
        }
        return set(e, TY_NUM, args[0]->sema.unit);
    case FN_PARENT: {
        /* parent(x): the parent's x; parent(LEVEL, x): the x of the
         * region above at LEVEL (sema.index, -1 for the parent).  Yes/no
         * values too: parent(节水型城市) is the parent's. */
        ast_expr *x = args[n - 1];
        bool ok = true;
        e->sema.index = -1;
        if (n == 2) {
            ast_expr *lv = args[0];
            const sym *y = lv->kind == EX_NAME && lv->u.name.s ? find(s, K_LEVEL, lv->u.name) : NULL;
            if (lv->kind != EX_NAME || !lv->u.name.s) {
                diag_error(s->d, lv->sp, "the first argument of 'parent' must be a level");
                ok = false;
            } else if (!y) {
                diag_error(s->d, lv->sp, "undefined level '%s'", lv->u.name.s);
                if (!level_word_note(s, lv->u.name.s))
                    suggest(s, 1u << K_LEVEL, NULL, lv->u.name.s);
                ok = false;
            } else {
                e->sema.index = (int)y->index;
            }
        }
        if (check_expr(s, x, c) == TY_ERROR)
            return set(e, TY_ERROR, NULL);
        if (!reads_row(x, 0)) {
            diag_error(s->d, x->sp, "the %s of 'parent' must read the data (an indicator, "
                       "or in a score 'value', 'base', 'goal', 'expected' or 'progress()'); "
                       "a constant is the same on the parent's row", n == 2 ? "second argument" : "argument");
            return set(e, TY_ERROR, NULL);
        }
        if (!ok)
            return set(e, TY_ERROR, NULL);
        return set(e, x->sema.type, x->sema.unit);
    }
    default:
        return set(e, TY_ERROR, NULL);
    }
}

/* The verb of a unit mismatch in a binary operation. */
static const char *mismatch_fmt(ast_op op)
{
    switch (op) {
    case OP_ADD: return "cannot add '%s' and '%s'";
    case OP_SUB: return "cannot subtract '%2$s' from '%1$s'";
    default: return "cannot compare '%s' with '%s'";
    }
}

/* `baseline(x) - 13.5%` with x in 吨/万元 ("下降13.5%"): a share added to or
 * taken from an amount.  The hint says that a share of a value is a
 * product, or that the ratio is what to compare. */
static void share_hint(S *s, ast_op op, const unit_t *a, const unit_t *b)
{
    const unit_t *pct = s->m->units.percent, *pml = s->m->units.permille;
    const unit_t *share = a == pct || a == pml ? a : b == pct || b == pml ? b : NULL;
    const unit_t *other = share == a ? b : a;
    if (!share || unit_is_dimensionless(other) || other == s->m->units.boolean)
        return;
    if (op == OP_SUB)
        diag_hint(s->d, "'%s' is a share, not an amount of '%s': 13.5%% below a value is "
                        "'baseline(x) * (100%% - 13.5%%)', or compare the ratio, "
                        "'x / baseline(x) <= 86.5%%' (比基准年下降13.5%%)",
                  unit_name(share), unit_name(other));
    else
        diag_hint(s->d, "'%s' is a share, not an amount of '%s': 10%% above a value is "
                        "'baseline(x) * (100%% + 10%%)', or compare the ratio, "
                        "'x / baseline(x) >= 110%%' (比基准年提高10%%)",
                  unit_name(share), unit_name(other));
}

/* EX_BINARY. */
static sema_type check_binary(S *s, ast_expr *e, ectx *c)
{
    ast_expr *a = e->u.bin.a, *b = e->u.bin.b;
    ast_op op = e->u.bin.op;
    if (!a || !b)
        return set(e, TY_ERROR, NULL);
    sema_type ta = check_expr(s, a, c), tb = check_expr(s, b, c);
    if (ta == TY_ERROR || tb == TY_ERROR)
        return set(e, TY_ERROR, NULL);
    const char *opn = ast_opname(op);
    switch (op) {
    case OP_AND: case OP_OR: {
        char *where = arena_printf(s->a, tr(s, "in '%s'"), opn);
        bool ok = want_bool(s, a, where);
        ok = want_bool(s, b, where) && ok;
        return ok ? set(e, TY_BOOL, s->m->units.boolean) : set(e, TY_ERROR, NULL);
    }
    case OP_EQ: case OP_NE:
        if (ta == TY_BOOL && tb == TY_BOOL)
            return set(e, TY_BOOL, s->m->units.boolean);
        if (ta != tb) {
            diag_error(s->d, e->sp, "cannot compare a yes/no value with a number");
            return set(e, TY_ERROR, NULL);
        }
        break;
    case OP_LT: case OP_LE: case OP_GT: case OP_GE:
        if (ta == TY_BOOL || tb == TY_BOOL) {
            diag_error(s->d, e->sp, "yes/no values cannot be ordered with '%s'; use '==' or '!='", opn);
            return set(e, TY_ERROR, NULL);
        }
        break;
    default: {
        char *where = arena_printf(s->a, tr(s, "in '%s'"), opn);
        bool ok = want_num(s, a, where);
        ok = want_num(s, b, where) && ok;
        if (!ok)
            return set(e, TY_ERROR, NULL);
    }
    }
    const unit_t *u;
    switch (op) {
    case OP_MUL:
    case OP_DIV:
        u = op == OP_MUL ? unit_mul(&s->m->units, a->sema.unit, b->sema.unit)
                         : unit_div(&s->m->units, a->sema.unit, b->sema.unit);
        if (!u) {
            diag_error(s->d, e->sp, "unit too large: exponents are limited to %d and factors must stay finite",
                       UNIT_MAX_EXP);
            return set(e, TY_ERROR, NULL);
        }
        return set(e, TY_NUM, u);
    default:
        if (!unify(a, b)) {
            unit_mismatch(s, e->sp, mismatch_fmt(op), a->sema.unit, b->sema.unit);
            if (op == OP_ADD || op == OP_SUB)
                share_hint(s, op, a->sema.unit, b->sema.unit);
            return set(e, TY_ERROR, NULL);
        }
        if (op == OP_ADD || op == OP_SUB)
            return set(e, TY_NUM, a->sema.unit);
        return set(e, TY_BOOL, s->m->units.boolean);
    }
}

/* Type and unit of an expression; records them in e->sema. */
static sema_type check_expr(S *s, ast_expr *e, ectx *c)
{
    if (!e)
        return TY_ERROR;
    /* the parser stops at trees deeper than AST_MAX_DEPTH, and nothing
     * after it builds expressions, so the recursion stays that shallow */
    assert(s->depth < MAX_DEPTH);
    s->depth++;
    sema_type t = TY_ERROR;
    switch (e->kind) {
    case EX_NUM:
        /* the lexer reports a number beyond the doubles and reads it as 0 */
        assert(isfinite(e->u.num.v));
        if (e->u.num.unit) {
            const unit_t *u = resolve_unit(s, e->u.num.unit);
            if (u && unit_is_bool(u)) {
                diag_error(s->d, e->sp, "write yes/no values as 'yes' or 'no'");
                u = NULL;
            }
            t = u ? set(e, TY_NUM, u) : set(e, TY_ERROR, NULL);
        } else {
            t = set(e, TY_NUM, s->m->units.one);
        }
        break;
    case EX_BOOL:
        t = set(e, TY_BOOL, s->m->units.boolean);
        break;
    case EX_NAME:
        t = check_name(s, e, c);
        break;
    case EX_UNARY: {
        ast_expr *a = e->u.un.a;
        if (!a || check_expr(s, a, c) == TY_ERROR) {
            t = set(e, TY_ERROR, NULL);
        } else if (e->u.un.op == OP_NOT) {
            t = want_bool(s, a, "after 'not'") ? set(e, TY_BOOL, s->m->units.boolean)
                                                : set(e, TY_ERROR, NULL);
        } else {
            t = want_num(s, a, "after '-'") ? set(e, TY_NUM, a->sema.unit)
                                             : set(e, TY_ERROR, NULL);
        }
        break;
    }
    case EX_BINARY:
        t = check_binary(s, e, c);
        break;
    case EX_IF: {
        ast_expr *cc = e->u.cond.c, *a = e->u.cond.a, *b = e->u.cond.b;
        if (!cc || !a || !b) {
            t = set(e, TY_ERROR, NULL);
            break;
        }
        sema_type tc = check_expr(s, cc, c);
        sema_type ta = check_expr(s, a, c), tb = check_expr(s, b, c);
        if (tc == TY_ERROR || ta == TY_ERROR || tb == TY_ERROR) {
            t = set(e, TY_ERROR, NULL);
        } else if (!want_bool(s, cc, "after 'if'")) {
            t = set(e, TY_ERROR, NULL);
        } else if (ta != tb) {
            diag_error(s->d, e->sp, "the branches of 'if' differ: one is a yes/no value, the other a number");
            t = set(e, TY_ERROR, NULL);
        } else if (ta == TY_BOOL) {
            t = set(e, TY_BOOL, s->m->units.boolean);
        } else if (!unify(a, b)) {
            unit_mismatch(s, e->sp, "the branches of 'if' are in '%s' and '%s'", a->sema.unit, b->sema.unit);
            t = set(e, TY_ERROR, NULL);
        } else {
            t = set(e, TY_NUM, a->sema.unit);
        }
        break;
    }
    case EX_CALL:
        t = check_call(s, e, c);
        break;
    }
    s->depth--;
    return t;
}

/* Evaluates a checked constant expression; the result is in e's unit (bool:
 * 1 or 0).  Sets *ok false (after reporting) on a division by zero. */
static double const_eval(S *s, const ast_expr *e, bool *ok)
{
    const unit_t *u = e->sema.unit;
    switch (e->kind) {
    case EX_NUM:
        return e->u.num.v;
    case EX_BOOL:
        return e->u.b ? 1 : 0;
    case EX_UNARY: {
        double a = const_eval(s, e->u.un.a, ok);
        return e->u.un.op == OP_NOT ? (a == 0) : -a;
    }
    case EX_BINARY: {
        const ast_expr *ea = e->u.bin.a, *eb = e->u.bin.b;
        double a = const_eval(s, ea, ok), b = const_eval(s, eb, ok);
        if (ea->sema.type == TY_NUM && e->u.bin.op != OP_MUL && e->u.bin.op != OP_DIV)
            b = unit_convert(b, eb->sema.unit, ea->sema.unit);
        switch (e->u.bin.op) {
        case OP_ADD: return a + b;
        case OP_SUB: return a - b;
        case OP_MUL: return a * b;
        case OP_DIV:
            if (b == 0) {
                if (*ok)
                    diag_error(s->d, e->sp, "division by zero");
                *ok = false;
                return 0;
            }
            return a / b;
        case OP_LT: return a < b;
        case OP_LE: return a <= b;
        case OP_GT: return a > b;
        case OP_GE: return a >= b;
        case OP_EQ: return a == b;
        case OP_NE: return a != b;
        case OP_AND: return a != 0 && b != 0;
        case OP_OR: return a != 0 || b != 0;
        default: return 0;
        }
    }
    case EX_IF: {
        double cnd = const_eval(s, e->u.cond.c, ok);
        const ast_expr *br = cnd != 0 ? e->u.cond.a : e->u.cond.b;
        double v = const_eval(s, br, ok);
        return e->sema.type == TY_NUM ? unit_convert(v, br->sema.unit, u) : v;
    }
    case EX_CALL: {
        uint32_t n = e->u.call.nargs;
        double v = 0;
        for (uint32_t i = 0; i < n; i++) {
            const ast_expr *x = e->u.call.args[i];
            double xi = unit_convert(const_eval(s, x, ok), x->sema.unit, u);
            if (i == 0)
                v = xi;
            else if (e->sema.ref == FN_MIN || (e->sema.ref == FN_CLAMP && i == 2))
                v = xi < v ? xi : v;
            else
                v = xi > v ? xi : v;
        }
        return e->sema.ref == FN_ABS ? fabs(v) : v;
    }
    default:
        return 0;
    }
}

/* Checks a constant number (a weight, a grade bound, a tolerance): no
 * indicators, dimensionless.  Returns true and the value converted to `1`. */
static bool const_number(S *s, ast_expr *e, const char *what, double *out)
{
    ectx c = {.mode = EM_CONST, .what = what};
    if (!e || check_expr(s, e, &c) == TY_ERROR)
        return false;
    if (e->sema.type != TY_NUM) {
        diag_error(s->d, e->sp, "%s must be a number, not a yes/no value", tr(s, what));
        return false;
    }
    if (!unit_is_dimensionless(e->sema.unit)) {
        diag_error(s->d, e->sp, "%s must be a number without a unit (or a %%), not in '%s'",
                   tr(s, what), unit_name(e->sema.unit));
        return false;
    }
    bool ok = true;
    double v = const_eval(s, e, &ok);
    if (!ok)
        return false;
    *out = unit_convert(v, e->sema.unit, s->m->units.one);
    if (!isfinite(*out)) {
        diag_error(s->d, e->sp, "%s is out of range", tr(s, what));
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- pass 1: declare */

static const char *column_name(S *s, const char *c);

/* The text a reader is shown for level k of `levels` declaration d
 * (`city "市州"`), model level li: trimmed as a name is, and not empty,
 * since a page would show nothing for the level. */
static void level_text(S *s, const ast_decl *d, uint32_t k, uint32_t li)
{
    const ast_name *t = d->u.levels.texts ? &d->u.levels.texts[k] : NULL;
    if (!t || !t->s)
        return;
    const char *text = column_name(s, t->s), *name = d->u.levels.names.v[k].s;
    if (!*text) {
        diag_error(s->d, t->sp, "level '%s' is given an empty text", name ? name : "?");
        diag_hint(s->d, "write the word a reader is shown for the level (`city \"市州\"`), or no text");
        return;
    }
    s->m->level_texts[li] = text;
}

/* Counts what the model's arrays need. */
static void count(S *s, uint32_t *nreg, uint32_t *nlev, uint32_t *nsec, uint32_t *nmeas,
                  uint32_t *ntg, uint32_t *nper)
{
    for (uint32_t i = 0; i < s->prog->ndecls; i++) {
        const ast_decl *d = s->prog->decls[i];
        switch (d->kind) {
        case D_PLAN: *nper += d->u.plan.nperiods; break;
        case D_LEVELS: *nlev += d->u.levels.names.n; break;
        case D_REGION: *nreg += d->u.region.names.n; break;
        case D_UNIT: s->nunits++; break;
        case D_MAP: s->nmaps++; break;
        case D_INDICATOR: s->m->ninds++; break;
        case D_AGENCY:
            s->m->nagency_renames += d->u.agency.replaces.n;
            s->m->nagencies++;
            break;
        case D_SECTION:
            if (!d->u.section)
                break;
            (*nsec)++;
            for (uint32_t j = 0; j < d->u.section->nmeasures; j++) {
                const ast_measure *me = d->u.section->measures[j];
                if (!me)
                    continue;
                (*nmeas)++;
                *ntg += me->ntargets;
            }
            break;
        default: break;
        }
    }
}

/* Keeps in the model's list of agency declarations those no other
 * declaration replaces (`agency NEW replaces OLD`: OLD's declaration stays
 * for its file, but no measure names it any more), for planc diff's
 * texts; `agency X "..." replaces X` is kept. */
static void keep_agencies(S *s)
{
    sema_model *m = s->m;
    namemap by = {0};
    for (uint32_t i = 0; i < s->nagencies; i++)
        for (uint32_t k = 0; k < s->agency_decls[i]->u.agency.replaces.n; k++)
            if (s->agency_decls[i]->u.agency.replaces.v[k].s)
                namemap_put(s->a, &by, s->agency_decls[i]->u.agency.replaces.v[k].s,
                            (void *)s->agency_decls[i]);
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->nagencies; i++) {
        const ast_decl *r = namemap_get(&by, m->agency_names[i]);
        if (r && r != s->agency_decls[i])
            continue;
        m->agency_names[n] = m->agency_names[i];
        m->agency_fulls[n++] = m->agency_fulls[i];
    }
    m->nagencies = n;
}

/* The name an unnamed target takes: its single indicator, else NULL. */
static const ast_name *implicit_name(const ast_target *t)
{
    if (t->measured && t->measured->kind == EX_NAME && t->measured->u.name.s)
        return &t->measured->u.name;
    return NULL;
}

/* The rename of an item of kind k (target, indicator or region) whose
 * old name is `name` (`override target OLD as NEW`), or NULL: from a map
 * of the program's renames made at the first call, since every declared
 * target, indicator and region asks, and an adaptation that drops 20,000
 * regions has as many edits (a scan of them per region was quadratic). */
static const ast_origin *renamed_edit(S *s, ast_itemkind k, const char *name)
{
    int slot = k == IT_TARGET ? 0 : k == IT_INDICATOR ? 1 : k == IT_REGION ? 2 : -1;
    if (slot < 0 || !name)
        return NULL;
    if (!s->renamed_built) {
        s->renamed_built = true;
        for (uint32_t i = 0; i < s->prog->nedits; i++) {
            const ast_origin *o = s->prog->edits[i];
            int at = o->item == IT_TARGET ? 0 : o->item == IT_INDICATOR ? 1 : o->item == IT_REGION ? 2 : -1;
            if (o->kind == ORIGIN_RENAMED && at >= 0 && o->name)
                namemap_put(s->a, &s->renamed[at], o->name, (void *)o); /* the first rename of a name */
        }
    }
    return namemap_get(&s->renamed[slot], name);
}

/* A new item that takes a name an extending file renamed away
 * (`override target OLD as NEW`, then a target OLD): an error, as renaming
 * another item OLD is (import.c, rename_ok), since OLD would then mean two
 * items to the history, `planc compare` and `planc diff` (a run of the
 * base's OLD against this one's).  One row a kind: the messages are the
 * catalog's keys, so each kind keeps its own words. */
static const struct renamed_words {
    int kind;                 /* IT_TARGET, IT_INDICATOR, IT_REGION */
    const char *error, *hint; /* "%s takes the old name of %s"; the fix */
} renamed_words[] = {
    {IT_TARGET, "target '%s' takes the old name of target '%s'",
     "give the new target a name no base target was renamed from: then the "
     "results, the history and 'planc compare' never take one target for another"},
    {IT_INDICATOR, "indicator '%s' takes the old name of indicator '%s'",
     "give the new indicator a name no base indicator was renamed from: then "
     "'planc diff' and the results never take one indicator for another"},
    {IT_REGION, "region '%s' takes the old name of region '%s'",
     "give the new region a name no base region was renamed from: then the "
     "results, the history and 'planc compare' never take one region for another"},
};

/* Reports item n of a kind of renamed_words when its name was renamed
 * away; false after reporting it. */
static bool renamed_away(S *s, int kind, ast_name n)
{
    const ast_origin *o = renamed_edit(s, kind, n.s);
    if (!o)
        return true;
    for (size_t i = 0; i < sizeof renamed_words / sizeof *renamed_words; i++)
        if (renamed_words[i].kind == kind) {
            diag_error(s->d, n.sp, renamed_words[i].error, n.s, o->new_name);
            diag_note(s->d, o->edit, "'%s' was renamed '%s' here", n.s, o->new_name);
            diag_hint(s->d, "%s", tr(s, renamed_words[i].hint));
        }
    return false;
}

/* Declares a target's name (its own, or its indicator's). */
static void declare_target(S *s, ast_target *t, uint32_t ti, bool *unnamed_on_ind)
{
    sema_target *mt = &s->m->targets[ti];
    renamed_away(s, IT_TARGET, t->name.s ? t->name : implicit_name(t) ? *implicit_name(t) : (ast_name){0});
    if (t->name.s) {
        mt->name = t->name.s;
        declare(s, K_TARGET, t->name, ti);
        return;
    }
    const ast_name *n = implicit_name(t);
    if (!n) {
        mt->name = "?";
        diag_error(s->d, t->sp, "this target needs a name: what it measures is not a single indicator");
        diag_hint(s->d, "write 'target NAME : ...'");
        return;
    }
    mt->name = n->s;
    unnamed_on_ind[ti] = true;
    const sym *old = tab_add(s->a, &s->tab[K_TARGET], n->s, n->sp, ti);
    if (!old)
        return;
    if (mod_of(s, n->sp) != mod_of(s, old->sp)) {
        duplicate(s, K_TARGET, *n, old);
    } else if (unnamed_on_ind[old->index]) {
        diag_error(s->d, n->sp, "two targets on '%s' have no name; name them: 'target NAME : ...'", n->s);
        diag_note(s->d, old->sp, "the other target on '%s' is here", n->s);
    } else {
        diag_error(s->d, n->sp, "duplicate target '%s' (an unnamed target is named after its indicator)", n->s);
        diag_note(s->d, old->sp, "'%s' was first declared here", n->s);
    }
}

/* The level written for region `name` by the first of the declarations
 * before declaration `upto` that declares it, or NULL. */
static const char *region_level_before(const S *s, uint32_t upto, const char *name)
{
    for (uint32_t i = 0; i < upto; i++) {
        const ast_decl *d = s->prog->decls[i];
        if (d->kind != D_REGION)
            continue;
        for (uint32_t k = 0; k < d->u.region.names.n; k++)
            if (d->u.region.names.v[k].s && strcmp(d->u.region.names.v[k].s, name) == 0)
                return d->u.region.level.s;
    }
    return NULL;
}

/* A text map's declaration: each text trimmed as the data reader trims a
 * cell (so it can match one), not empty, given once; the numbers finite.
 * Fills *mp. */
static void check_map(S *s, const ast_decl *d, sema_map *mp)
{
    const char *name = d->u.map.name.s;
    mp->name = name;
    mp->title = d->u.map.title;
    mp->decl = d;
    mp->else_missing = d->u.map.else_missing;
    mp->texts = arena_alloc(s->a, (d->u.map.nentries + 1) * sizeof *mp->texts);
    mp->values = arena_alloc(s->a, (d->u.map.nentries + 1) * sizeof *mp->values);
    mp->entries = arena_alloc(s->a, (d->u.map.nentries + 1) * sizeof *mp->entries);
    namemap seen = {0};
    for (uint32_t k = 0; k < d->u.map.nentries; k++) {
        const ast_mapentry *e = &d->u.map.entries[k];
        const char *text = column_name(s, e->text);
        if (!*text) {
            diag_error(s->d, e->sp, "an empty text in map '%s': an empty cell is always missing", name);
            diag_hint(s->d, "remove it; a cell of spaces is empty too");
            continue;
        }
        /* a value is a number the lexer read (finite), or 'missing' (NaN) */
        assert(isfinite(e->value) || e->missing);
        const ast_mapentry *first = namemap_put(s->a, &seen, text, (void *)e);
        if (first) {
            diag_error(s->d, e->sp, "text \"%s\" is given twice in map '%s'", text, name);
            if (strcmp(first->text, e->text) != 0)
                diag_note(s->d, first->sp, "first given here (texts are compared without the spaces "
                                           "around them, as data cells are)");
            else
                diag_note(s->d, first->sp, "first given here");
            continue;
        }
        mp->texts[mp->n] = text;
        mp->values[mp->n] = e->value;
        mp->entries[mp->n] = k;
        mp->n++;
    }
}

/* Pass 1: every declaration names its things; the model's entries get
 * their names and places (sections, measures, targets in source order). */
static void pass_declare(S *s)
{
    sema_model *m = s->m;
    uint32_t ri = 0, ro = 0, li = 0, si = 0, mi = 0, ti = 0, pi = 0, ui = 0, ii = 0;
    bool *unnamed = arena_alloc(s->a, (m->ntargets + 1) * sizeof *unnamed);
    for (uint32_t i = 0; i < s->prog->ndecls; i++) {
        const ast_decl *d = s->prog->decls[i];
        switch (d->kind) {
        case D_PLAN:
            if (s->plan) {
                diag_error(s->d, d->u.plan.name.s ? d->u.plan.name.sp : d->sp,
                           "a program has exactly one plan; this is a second one");
                diag_note(s->d, s->plan->u.plan.name.s ? s->plan->u.plan.name.sp : s->plan->sp,
                          "the first plan is declared here");
                break;
            }
            s->plan = d;
            m->plan_decl = d;
            m->plan_origin = d->origin;
            for (uint32_t k = 0; k < d->u.plan.nperiods; k++) {
                s->periods[pi] = &d->u.plan.periods[k];
                declare(s, K_PERIOD, d->u.plan.periods[k].name, pi);
                pi++;
            }
            break;
        case D_LEVELS:
            if (s->levels) {
                diag_error(s->d, d->sp, "levels are declared twice; list them all in one 'levels' declaration");
                diag_note(s->d, s->levels->sp, "the first 'levels' is here");
                break;
            }
            s->levels = d;
            for (uint32_t k = 0; k < d->u.levels.names.n; k++) {
                m->levels[li] = d->u.levels.names.v[k].s ? d->u.levels.names.v[k].s : "?";
                level_text(s, d, k, li);
                declare(s, K_LEVEL, d->u.levels.names.v[k], li);
                li++;
            }
            break;
        case D_REGION:
            for (uint32_t k = 0; k < d->u.region.names.n; k++, ro++) {
                ast_name n = d->u.region.names.v[k];
                renamed_away(s, IT_REGION, n);
                m->regions[ri].name = n.s ? n.s : "?";
                m->regions[ri].sp = n.sp;
                m->regions[ri].parent = -1;
                m->regions[ri].replaces = d->u.region.replaces.s;
                m->regions[ri].renamed = d->u.region.renamed;
                m->regions[ri].origin = d->origin;
                s->rslot[ro] = (int32_t)ri;
                if (!declare(s, K_REGION, n, ri) && n.s) {
                    /* a duplicate takes no region: the first declaration
                     * is the region, and this one is reported once */
                    s->rslot[ro] = -1;
                    /* `region 北京 : city in 北京` beside the province 北京:
                     * a region has one level, so a municipality needs two names */
                    const char *was = region_level_before(s, i, n.s);
                    const char *now = d->u.region.level.s;
                    if (was && now && strcmp(was, now) != 0)
                        diag_hint(s->d, "a region has one level: for a municipality that is both a "
                                        "%s and a %s, give the %s another name (e.g. '%s市')",
                                        was, now, was, n.s);
                    continue;
                }
                ri++;
            }
            break;
        case D_AGENCY:
            declare(s, K_AGENCY, d->u.agency.name, i);
            s->agency_decls[s->nagencies] = d;
            m->agency_names[s->nagencies] = d->u.agency.name.s ? d->u.agency.name.s : "?";
            m->agency_fulls[s->nagencies++] = d->u.agency.full;
            for (uint32_t k = 0; k < d->u.agency.replaces.n; k++)
                if (d->u.agency.replaces.v[k].s)
                    m->agency_renames[s->nrenames++] = (sema_rename){d->u.agency.replaces.v[k].s,
                                                                     d->u.agency.name.s};
            break;
        case D_UNIT:
            s->units[ui].d = d;
            if (d->u.unit.name.s && unit_builtin(&m->units, d->u.unit.name.s)) {
                diag_error(s->d, d->u.unit.name.sp, "'%s' is a built-in unit", d->u.unit.name.s);
                s->units[ui].state = 2;
            } else if (!d->u.unit.name.s || !declare(s, K_UNIT, d->u.unit.name, ui)) {
                s->units[ui].state = 2;
            }
            ui++;
            break;
        case D_INDICATOR:
            s->ii[ii].d = d;
            m->inds[ii].name = d->u.ind.name.s ? d->u.ind.name.s : "?";
            m->inds[ii].display = d->u.ind.display;
            m->inds[ii].sp = d->u.ind.name.sp;
            m->inds[ii].dir = d->u.ind.dir;
            m->inds[ii].column = -1;
            m->inds[ii].formula = d->u.ind.formula;
            m->inds[ii].decl = d;
            m->inds[ii].origin = d->origin;
            renamed_away(s, IT_INDICATOR, d->u.ind.name);
            declare(s, K_INDICATOR, d->u.ind.name, ii);
            ii++;
            break;
        case D_SECTION: {
            const ast_section *sec = d->u.section;
            if (!sec)
                break;
            s->ast_sections[si] = sec;
            m->sections[si].id = sec->id.s ? sec->id.s : "?";
            m->sections[si].title = sec->title;
            m->sections[si].weight = 1;
            m->sections[si].origin = sec->origin;
            declare(s, K_SECTION, sec->id, si);
            m->sections[si].measures = arena_alloc(s->a, (sec->nmeasures + 1) * sizeof(uint32_t));
            for (uint32_t j = 0; j < sec->nmeasures; j++) {
                const ast_measure *me = sec->measures[j];
                if (!me)
                    continue;
                s->ast_measures[mi] = me;
                sema_measure *mm = &m->measures[mi];
                mm->id = clause_name(s, me->id.s);
                mm->title = me->title;
                mm->section = si;
                mm->weight = 1;
                mm->origin = me->origin;
                const sym *old = me->id.s ? tab_add(s->a, &s->tab[K_MEASURE], me->id.s, me->id.sp, mi) : NULL;
                if (old) {
                    duplicate(s, K_MEASURE, me->id, old);
                    /* 三、(一) and 四、(一): a plan that numbers its clauses anew in each part */
                    uint32_t osec = m->measures[old->index].section;
                    if (osec != si && mod_of(s, me->id.sp) == mod_of(s, old->sp))
                        diag_hint(s->d, "a measure's clause id is one per program; where the plan numbers "
                                        "its clauses anew in each part, write the part before the clause: "
                                        "(%s.%s) and (%s.%s)",
                                  m->sections[osec].id, me->id.s, m->sections[si].id, me->id.s);
                }
                m->sections[si].measures[m->sections[si].nmeasures++] = mi;
                mm->targets = arena_alloc(s->a, (me->ntargets + 1) * sizeof(uint32_t));
                for (uint32_t k = 0; k < me->ntargets; k++) {
                    ast_target *t = me->targets[k];
                    if (!t)
                        continue;
                    s->ast_targets[ti] = t;
                    m->targets[ti].measure = mi;
                    m->targets[ti].weight = 1;
                    m->targets[ti].sp = t->sp;
                    m->targets[ti].ast = t;
                    m->targets[ti].origin = t->origin;
                    declare_target(s, t, ti, unnamed);
                    mm->targets[mm->ntargets++] = ti;
                    ti++;
                }
                mi++;
            }
            si++;
            break;
        }
        case D_ASSESSMENT:
            if (s->assess) {
                diag_error(s->d, d->u.assess.name.s ? d->u.assess.name.sp : d->sp,
                           "a program has at most one assessment; this is a second one");
                diag_note(s->d, s->assess->u.assess.name.s ? s->assess->u.assess.name.sp : s->assess->sp,
                          "the first assessment is declared here");
                break;
            }
            s->assess = d;
            m->assess_decl = d;
            m->assess_origin = d->origin;
            break;
        case D_IMPORT:
        case D_DROP:
        case D_OVERRIDE:
            /* only in a file parsed on its own: the loader resolves them */
            break;
        case D_TEST:
            /* checked once every name is known (check_tests) */
            break;
        case D_MAP:
            if (declare(s, K_MAP, d->u.map.name, m->nmaps))
                check_map(s, d, &m->maps[m->nmaps++]);
            break;
        }
    }
    m->nregions = ri;
    m->nlevels = li;
    m->nsections = si;
    m->nmeasures = mi;
    m->ntargets = ti;
    s->nperiods = pi;
}

/* ---------------------------------------------------------------- pass 2: plan and units */

/* Whether a year of the plan was read: the parser reads every year
 * (the rules' and --set's) through year_value, which makes it 1..9999 or
 * reports it and makes it 0. */
static bool year_ok(int y)
{
    assert(y >= 0 && y <= 9999);
    return y != 0;
}

/* A data column's name as the data reader matches it: without the spaces,
 * tabs, full-width and no-break spaces around it, since it reads every
 * name of a header without them (docs/LANGUAGE.md §10).  A name copied
 * from a header whose field ends in a space ("GDP per capita ") would
 * otherwise never match. */
static const char *column_name(S *s, const char *c)
{
    size_t len = strlen(c), n;
    const char *b = csv_trim(c, len, &n);
    if (b == c && n == len)
        return c;
    return arena_printf(s->a, "%.*s", (int)n, b);
}

/* The plan: its keys, issuing region, baseline and horizon, periods. */
static void check_plan(S *s)
{
    sema_model *m = s->m;
    const ast_decl *d = s->plan;
    m->region_key = "region";
    m->year_key = "year";
    if (!d)
        return;
    m->plan = d->u.plan.name.s;
    m->title = d->u.plan.title;
    if (d->u.plan.region_key)
        m->region_key = column_name(s, d->u.plan.region_key);
    if (d->u.plan.year_key)
        m->year_key = column_name(s, d->u.plan.year_key);
    /* each error at the key it is about (a key is written in the plan
     * block, of this file or of a base: one left unwritten is the default) */
    if (!*m->region_key || !*m->year_key) {
        bool reg = !*m->region_key;
        diag_error(s->d, reg ? d->u.plan.region_key_sp : d->u.plan.year_key_sp,
                   "an empty %s key: name the data column that holds the %s", reg ? "region" : "year",
                   reg ? "region" : "year");
    } else if (strcmp(m->region_key, m->year_key) == 0) {
        /* at the year key when it is written, the region key noted */
        bool year_last = d->u.plan.year_key != NULL;
        span at = year_last ? d->u.plan.year_key_sp : d->u.plan.region_key_sp;
        diag_error(s->d, at, "the region key and the year key are both the column \"%s\"", m->region_key);
        if (d->u.plan.region_key && d->u.plan.year_key)
            diag_note(s->d, year_last ? d->u.plan.region_key_sp : d->u.plan.year_key_sp, "the %s key is here",
                      tr(s, year_last ? "region" : "year"));
        else
            diag_hint(s->d, "the %s key is \"%s\" when the plan does not give it", tr(s, year_last ? "region" : "year"),
                      year_last ? "region" : "year");
    }
    if (d->u.plan.region.s)
        lookup(s, K_REGION, d->u.plan.region);
    span name_sp = d->u.plan.name.s ? d->u.plan.name.sp : d->sp;
    bool ok = true;
    if (!d->u.plan.has_baseline) {
        if (!d->u.plan.items_lost)
            diag_error(s->d, name_sp, "plan '%s' has no baseline; add 'baseline YEAR'",
                       d->u.plan.name.s ? d->u.plan.name.s : "?");
        ok = false;
    } else if (!year_ok(d->u.plan.baseline)) {
        ok = false;
    }
    if (!d->u.plan.has_horizon) {
        if (!d->u.plan.items_lost)
            diag_error(s->d, name_sp,
                       "plan '%s' has no horizon; add 'horizon YEAR' (the last year a deadline may name)",
                       d->u.plan.name.s ? d->u.plan.name.s : "?");
        ok = false;
    } else if (!year_ok(d->u.plan.horizon)) {
        ok = false;
    }
    if (ok && d->u.plan.horizon <= d->u.plan.baseline) {
        diag_error(s->d, d->u.plan.horizon_sp, "horizon %d must be after the baseline %d",
                   d->u.plan.horizon, d->u.plan.baseline);
        ok = false;
    }
    m->baseline = d->u.plan.has_baseline ? d->u.plan.baseline : 0;
    m->horizon = d->u.plan.has_horizon ? d->u.plan.horizon : 0;
    s->years_ok = ok;
    for (uint32_t k = 0; k < d->u.plan.nperiods; k++) {
        const ast_period *p = &d->u.plan.periods[k];
        if (!year_ok(p->from) || !year_ok(p->to))
            continue;
        if (p->from > p->to) {
            diag_error(s->d, p->sp, "period '%s' ends (%d) before it starts (%d)",
                       p->name.s ? p->name.s : "?", p->to, p->from);
            continue;
        }
        /* five-year plans follow each other: an overlap is most often a
         * typing slip (2021..2025, 2024..2030) */
        for (uint32_t j = 0; j < k; j++) {
            const ast_period *q = &d->u.plan.periods[j];
            if (q->from <= q->to && p->from <= q->to && q->from <= p->to) {
                diag_warning(s->d, WARN_OVERLAPPING_PERIODS, p->sp, "period '%s' (%d..%d) overlaps period '%s' (%d..%d)",
                             p->name.s ? p->name.s : "?", p->from, p->to,
                             q->name.s ? q->name.s : "?", q->from, q->to);
                diag_note(s->d, q->sp, "'%s' is declared here", q->name.s ? q->name.s : "?");
                break;
            }
        }
    }
}

/* Resolves every unit declaration (each error once, in source order). */
static void check_units(S *s)
{
    s->m->unit_names = arena_alloc(s->a, (s->nunits + 1) * sizeof *s->m->unit_names);
    s->m->unit_defs = arena_alloc(s->a, (s->nunits + 1) * sizeof *s->m->unit_defs);
    for (uint32_t i = 0; i < s->nunits; i++) {
        if (s->units[i].state == 0)
            declared_unit(s, i);
        if (s->units[i].u) {
            s->m->unit_defs[s->m->nunit_names] = s->units[i].u;
            s->m->unit_names[s->m->nunit_names++] = unit_name(s->units[i].u);
        }
    }
}

/* ---------------------------------------------------------------- pass 3: declarations */

/* Links every region to its level and parent, silently (errors are
 * reported in source order by check_region_decl). */
static void link_regions(S *s)
{
    uint32_t ro = 0;
    for (uint32_t i = 0; i < s->prog->ndecls; i++) {
        const ast_decl *d = s->prog->decls[i];
        if (d->kind != D_REGION)
            continue;
        const sym *lv = tab_find(&s->tab[K_LEVEL], d->u.region.level.s);
        const sym *par = tab_find(&s->tab[K_REGION], d->u.region.parent.s);
        for (uint32_t k = 0; k < d->u.region.names.n; k++, ro++) {
            if (s->rslot[ro] < 0)
                continue; /* a duplicate */
            uint32_t ri = (uint32_t)s->rslot[ro];
            sema_region *r = &s->m->regions[ri];
            r->level = lv ? lv->index : 0;
            s->rlevel_ok[ri] = lv != NULL;
            s->rlevel_sp[ri] = d->u.region.level.sp;
            r->parent = par ? (int32_t)par->index : -1;
            if (d->u.region.names.n == 1) {
                r->aliases = d->u.region.aliases;
                r->alias_sp = d->u.region.alias_sp;
                r->naliases = d->u.region.naliases;
            }
        }
    }
}

/* A member of a regional group that counts: it exists, both levels
 * resolved, it is of a finer level than the group (so membership, like
 * `in`, always leads to a coarser level and cannot make a cycle). */
static const sym *good_member(S *s, uint32_t group, ast_name n)
{
    const sym *y = n.s ? tab_find(&s->tab[K_REGION], n.s) : NULL;
    if (!y || y->index == group || !s->rlevel_ok[group] || !s->rlevel_ok[y->index])
        return NULL;
    return s->m->regions[y->index].level > s->m->regions[group].level ? y : NULL;
}

/* Links each regional group to its members and each member to the groups
 * that list it, silently (check_region_decl reports the members left out:
 * undefined, of a level not finer than the group's, listed twice). */
static void link_groups(S *s)
{
    sema_model *m = s->m;
    uint32_t ro = 0;
    uint32_t *count = arena_alloc(s->a, (m->nregions + 1) * sizeof *count);
    uint32_t *last = arena_alloc(s->a, (m->nregions + 1) * sizeof *last);
    for (uint32_t i = 0; i < s->prog->ndecls; i++) {
        const ast_decl *d = s->prog->decls[i];
        if (d->kind != D_REGION)
            continue;
        int32_t slot = s->rslot[ro];
        ro += d->u.region.names.n;
        if (!d->u.region.is_group || d->u.region.names.n != 1 || slot < 0)
            continue;
        uint32_t first = (uint32_t)slot;
        sema_region *g = &m->regions[first];
        g->is_group = true;
        g->members = arena_alloc(s->a, (d->u.region.members.n + 1) * sizeof *g->members);
        for (uint32_t k = 0; k < d->u.region.members.n; k++) {
            const sym *y = good_member(s, first, d->u.region.members.v[k]);
            /* listed twice: counted once (last[] holds the group + 1) */
            if (y && last[y->index] != first + 1) {
                last[y->index] = first + 1;
                g->members[g->nmembers++] = y->index;
                count[y->index]++;
            }
        }
    }
    for (uint32_t r = 0; r < m->nregions; r++)
        if (count[r])
            m->regions[r].groups = arena_alloc(s->a, count[r] * sizeof(uint32_t));
    for (uint32_t r = 0; r < m->nregions; r++)
        for (uint32_t k = 0; k < m->regions[r].nmembers; k++) {
            sema_region *x = &m->regions[m->regions[r].members[k]];
            x->groups[x->ngroups++] = r;
        }
}

/* The regions ordered by level, coarsest first (declaration order within
 * a level): a region's parent and groups come before it, as their levels
 * are coarser (where one is not, an error was reported), so one pass in
 * this order carries a property down the hierarchy and one in reverse
 * carries it up.  Made once. */
static const uint32_t *level_order(S *s)
{
    sema_model *m = s->m;
    if (s->rorder)
        return s->rorder;
    uint32_t *start = arena_alloc(s->a, (m->nlevels + 2) * sizeof *start);
    for (uint32_t r = 0; r < m->nregions; r++)
        if (m->regions[r].level < m->nlevels)
            start[m->regions[r].level + 1]++;
    for (uint32_t l = 0; l < m->nlevels; l++)
        start[l + 1] += start[l];
    s->rorder = arena_alloc(s->a, (m->nregions + 1) * sizeof *s->rorder);
    uint32_t tail = start[m->nlevels];  /* regions without a level go last */
    for (uint32_t r = 0; r < m->nregions; r++) {
        uint32_t l = m->regions[r].level;
        s->rorder[l < m->nlevels ? start[l]++ : tail++] = r;
    }
    return s->rorder;
}

/* Flags region r's parent and the groups listing it. */
static void flag_holders(const sema_model *m, uint32_t r, bool *flag)
{
    const sema_region *x = &m->regions[r];
    if (x->parent >= 0)
        flag[x->parent] = true;
    for (uint32_t k = 0; k < x->ngroups; k++)
        flag[x->groups[k]] = true;
}

/* A member of the group being checked (stamp: its index + 1) that is
 * region x or one of x's ancestors, or -1.  Memoised per group, so the
 * members of a group cost the regions above them once, not once each. */
static int32_t member_above(S *s, int32_t x, uint32_t stamp)
{
    sema_model *m = s->m;
    uint32_t n = 0;
    int32_t found = -1;
    /* up to a region whose answer is known, a member, or the root */
    for (int32_t a = x; a >= 0 && n < m->nregions; a = m->regions[a].parent) {
        if (s->gc.known[a] == stamp) {
            found = s->gc.holder[a];
            break;
        }
        s->gc.path[n++] = (uint32_t)a;
        if (s->gc.member[a] == stamp) {
            found = a;
            break;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        s->gc.known[s->gc.path[i]] = stamp;
        s->gc.holder[s->gc.path[i]] = found;
    }
    return found;
}

/* A region declaration: its level and parent exist, the parent is of a
 * coarser level, aliases and members go with a single name, and a group's
 * members exist, are of finer levels than the group and are listed once. */
static void check_region_decl(S *s, const ast_decl *d)
{
    sema_model *m = s->m;
    uint32_t n = d->u.region.names.n;
    const sym *lv = lookup(s, K_LEVEL, d->u.region.level);
    /* a first plan that declares regions but no levels at all: each
     * region's level is then undefined, and how to declare them is said
     * once, at the first */
    if (!lv && d->u.region.level.s && s->tab[K_LEVEL].order.n == 0 && !s->nolevels_hinted) {
        s->nolevels_hinted = true;
        diag_hint(s->d, "the plan declares no levels: list them before its regions, coarsest first "
                  "('levels %s, ...')", d->u.region.level.s);
    }
    const sym *par = d->u.region.parent.s ? lookup(s, K_REGION, d->u.region.parent) : NULL;
    /* A region named as a level: a scope (`for city`) or a values row
     * (`city = 40`) naming it means the region, not the level's regions
     * (a name is a region first), which quietly changes what the rules
     * say; an adaptation renaming a region so changes its base's. */
    for (uint32_t k = 0; k < n; k++) {
        const ast_name *rn = &d->u.region.names.v[k];
        if (rn->s && tab_find(&s->tab[K_LEVEL], rn->s)) {
            diag_warning(s->d, WARN_REGION_NAMED_LIKE_LEVEL, rn->sp, "region '%s' has the name of a level: a scope or a values row "
                         "that names '%s' means this region alone, not every region of level '%s'",
                         rn->s, rn->s, rn->s);
            diag_hint(s->d, "give the region another name (the data may still call it so: "
                      "alias \"%s\")", rn->s);
        }
    }
    if (d->u.region.naliases > 0 && n > 1)
        diag_error(s->d, d->sp, "'alias' needs a single region; this declares %u", n);
    if (lv && par && s->rlevel_ok[par->index] && m->regions[par->index].level >= lv->index) {
        span at = d->u.region.parent.sp, plv = s->rlevel_sp[par->index], own = d->u.region.level.sp;
        diag_error(s->d, at, "parent '%s' is of level '%s', which is not coarser than '%s'",
                   d->u.region.parent.s, m->levels[m->regions[par->index].level], lv->name);
        /* A level written in another file than the parent named here (an
         * adaptation's `override region X : LEVEL` changed the parent's or
         * this region's level; the error is then at a line of the base
         * that says otherwise): where each level comes from. */
        if (plv.file != at.file)
            diag_note(s->d, plv, "'%s' is of level '%s' here", d->u.region.parent.s,
                      m->levels[m->regions[par->index].level]);
        if (own.file != at.file)
            diag_note(s->d, own, "'%s' is of level '%s' here", d->u.region.names.v[0].s, lv->name);
    }
    if (!d->u.region.is_group)
        return;
    if (n > 1) {
        diag_error(s->d, d->sp, "'of' needs a single region (a regional group); this declares %u", n);
        return;
    }
    const sym *g = n == 1 ? tab_find(&s->tab[K_REGION], d->u.region.names.v[0].s) : NULL;
    if (!g)
        return;
    const sema_region *gr = &m->regions[g->index];
    bool hinted = false, outside_hinted = false;
    /* the grammar gives a group a member; when an extending file drops
     * them all, the loader reports it at the drop and makes the group a
     * plain region (import.c), so no group reaches here empty */
    assert(d->u.region.members.n > 0);
    if (!s->gc.listed) {
        size_t nr = m->nregions + 1;
        s->gc.listed = arena_alloc(s->a, nr * sizeof *s->gc.listed);
        s->gc.at = arena_alloc(s->a, nr * sizeof *s->gc.at);
        s->gc.member = arena_alloc(s->a, nr * sizeof *s->gc.member);
        s->gc.known = arena_alloc(s->a, nr * sizeof *s->gc.known);
        s->gc.holder = arena_alloc(s->a, nr * sizeof *s->gc.holder);
        s->gc.path = arena_alloc(s->a, nr * sizeof *s->gc.path);
    }
    const uint32_t stamp = g->index + 1;
    for (uint32_t j = 0; j < gr->nmembers; j++)
        s->gc.member[gr->members[j]] = stamp;
    for (uint32_t k = 0; k < d->u.region.members.n; k++) {
        ast_name mn = d->u.region.members.v[k];
        const sym *y = lookup(s, K_REGION, mn);
        if (!y || !mn.s)
            continue;
        if (s->gc.listed[y->index] == stamp) {
            diag_error(s->d, mn.sp, "region '%s' is listed twice in group '%s'", mn.s, gr->name);
            diag_note(s->d, d->u.region.members.v[s->gc.at[y->index]].sp, "first listed here");
            continue;
        }
        s->gc.listed[y->index] = stamp;
        s->gc.at[y->index] = k;
        if (y->index == g->index) {
            diag_error(s->d, mn.sp, "regional group '%s' cannot be its own member", mn.s);
            continue;
        }
        if (lv && s->rlevel_ok[y->index] && m->regions[y->index].level <= lv->index) {
            diag_error(s->d, mn.sp, "member '%s' is of level '%s', which is not finer than the "
                       "group's level '%s'", mn.s, m->levels[m->regions[y->index].level], lv->name);
            /* a level written in another file than the member named here
             * (an adaptation's `override region X : LEVEL` of the member
             * or of the group; the error is then at a line of the base
             * that says otherwise), as for a parent above; a member
             * that replaces the base's has the note of that below */
            span mlv = s->rlevel_sp[y->index], glv = d->u.region.level.sp;
            if (mlv.file != mn.sp.file && !m->regions[y->index].replaces)
                diag_note(s->d, mlv, "'%s' is of level '%s' here", mn.s,
                          m->levels[m->regions[y->index].level]);
            if (glv.file != mn.sp.file)
                diag_note(s->d, glv, "'%s' is of level '%s' here", gr->name, lv->name);
            if (m->regions[y->index].replaces)
                /* the base's group names the region this one replaces */
                diag_note(s->d, m->regions[y->index].sp, "'%s' replaces the base's '%s' here",
                          mn.s, m->regions[y->index].replaces);
            if (!hinted)
                diag_hint(s->d, "a group holds regions of finer levels, as a province holds its cities; "
                                "give the group a level of its own in 'levels'");
            hinted = true;
            continue;
        }
        /* a member inside another member (太原 beside 山西) adds nothing */
        int32_t other = s->gc.member[y->index] == stamp ? member_above(s, m->regions[y->index].parent, stamp) : -1;
        if (other >= 0)
            diag_warning(s->d, WARN_REPEATED_GROUP_MEMBER, mn.sp, "'%s' is in '%s', which group '%s' lists already",
                         mn.s, m->regions[other].name, gr->name);
        /* a member in another region of the level of the group's parent (a
         * city of 吉林 in a group in 辽宁) would count as the parent's own
         * through the group: in its totals, shares and scopes */
        int32_t gp = gr->parent;
        for (int32_t a = m->regions[y->index].parent, steps = 0; gp >= 0 && s->rlevel_ok[gp] &&
             a >= 0 && a != gp && steps < (int32_t)m->nregions; a = m->regions[a].parent, steps++)
            if (s->rlevel_ok[a] && m->regions[a].level == m->regions[gp].level) {
                diag_warning(s->d, WARN_GROUP_MEMBER_OUTSIDE, mn.sp, "'%s' is in '%s', but group '%s' is in '%s', which "
                             "counts it as its own through the group", mn.s, m->regions[a].name,
                             gr->name, m->regions[gp].name);
                if (!outside_hinted)
                    diag_hint(s->d, "declare the group in a region that holds all its members, or "
                                    "without 'in'");
                outside_hinted = true;
                break;
            }
    }
}

/* An indicator: its unit, and a column (with its unit and type) or a
 * formula of the declared dimension. */
/* Checks the aggregate after indicator d's column, whose unit is u (NULL
 * when it did not resolve): a yes/no indicator takes none; count and share
 * make their own numbers, so no `in UNIT`; share makes a percentage, so the
 * indicator must be dimensionless (%, ‰, 1). */
static bool agg_ok(S *s, const ast_decl *d, const unit_t *u)
{
    const ast_agg *agg = &d->u.ind.agg;
    const char *word = ast_agg_text(s->a, agg);
    const char *name = d->u.ind.name.s;
    if (u && unit_is_bool(u)) {
        diag_error(s->d, agg->sp, "yes/no indicator '%s' cannot combine its rows with '%s'", name, word);
        diag_hint(s->d, "declare a number indicator: 'count' counts the rows with a value, "
                        "'share == 1' the percentage of rows holding 1");
        return false;
    }
    if ((agg->kind == AGG_COUNT || agg->kind == AGG_SHARE) && d->u.ind.column_unit) {
        diag_error(s->d, d->u.ind.column_unit->sp, "'%s' makes its own number (%s); 'in' has nothing to convert",
                   word, tr(s, agg->kind == AGG_COUNT ? "how many rows have a value" : "a percentage of rows"));
        diag_hint(s->d, agg->kind == AGG_SHARE ? "the limit of 'share' is compared with the cells as the file writes them"
                                               : "remove 'in' and its unit");
        return false;
    }
    if (agg->kind == AGG_SHARE && u && !unit_is_dimensionless(u)) {
        diag_error(s->d, agg->sp, "'%s' gives a percentage, but indicator '%s' is in '%s'", word, name,
                   unit_name(u));
        diag_hint(s->d, "declare the indicator in %% (or another dimensionless unit)");
        return false;
    }
    return true;
}

/* The years a values row holds in (`in 2024`, `in 2024..2026`, `in 十四五`:
 * every year of the period) as *from..*to; false after an error (or when
 * the parser already reported a year). */
static bool valrow_years(S *s, const ast_valrow *row, int *from, int *to)
{
    if (row->from.period.s) {
        const sym *p = find(s, K_PERIOD, row->from.period);
        if (!p) {
            if (!lost_name(s, LOST_PERIOD, row->from.period.s)) {
                diag_error(s->d, row->from.period.sp, "undefined period '%s'", row->from.period.s);
                suggest(s, 1u << K_PERIOD, NULL, row->from.period.s);
            }
            return false;
        }
        *from = s->periods[p->index]->from;
        *to = s->periods[p->index]->to;
        return true;
    }
    *from = row->from.year;
    *to = row->to.year;
    if (!*from || !*to)
        return false;
    if (*from > *to) {
        diag_error(s->d, row->years_sp, "the years %d..%d run backwards", *from, *to);
        diag_hint(s->d, "write the earlier year first: %d..%d", *to, *from);
        return false;
    }
    return true;
}

/* Most years a values table's rows with `in` may span (first to last). */
enum { VALUES_MAX_YEARS = 500 };

/* One region's run of years from a values row with years, while the
 * table is checked: the run, where the row names the region, and the
 * region's next run (by year; NO_RUN: none). */
typedef struct valrun {
    ir_yearrun run;
    span at;
    uint32_t next;
} valrun;
static const uint32_t NO_RUN = UINT32_MAX;

/* Adds the years from..to with value x and note (region, level or `else`
 * row `name` of a row, written at sp; kind "region", "level" or NULL for
 * `else`, as the error says it) to the region's (level's) runs (the list from *head, rising and
 * disjoint; runs has room).  A year an earlier row gave is an error at sp
 * for the first such year, and the row gives the region only the years
 * before it. */
static void add_year_run(S *s, valrun *runs, uint32_t *nruns, uint32_t *head, int from, int to,
                         double x, const char *note, span sp, const char *kind, const char *name,
                         const char *ind)
{
    uint32_t *link = head;
    while (*link != NO_RUN && runs[*link].run.to < from)
        link = &runs[*link].next;
    int stop = to + 1;
    if (*link != NO_RUN && runs[*link].run.from <= to) {
        const valrun *g = &runs[*link];
        stop = g->run.from > from ? g->run.from : from;
        diag_error(s->d, sp, "%s%s'%s' is given twice for %d in the values of '%s'", kind ? tr(s, kind) : "",
                   kind ? " " : "", name, stop, ind);
        diag_note(s->d, g->at, "first given here");
    }
    if (stop > from) {
        runs[*nruns] = (valrun){{from, stop - 1, x, note}, sp, *link};
        *link = (*nruns)++;
    }
}

/* One row's value: a constant of the indicator's dimension (yes/no for a
 * yes/no indicator), converted into unit u; NaN after an error. */
static double valrow_value(S *s, const ast_valrow *row, const sema_indicator *ind, const unit_t *u)
{
    sema_model *m = s->m;
    bool is_bool = unit_is_bool(u);
    ectx c = {.mode = EM_CONST, .what = "a value in 'values'"};
    ast_expr *e = row->value;
    double x = NAN;
    if (!e || check_expr(s, e, &c) == TY_ERROR)
        return NAN;
    bool ok = true;
    if (is_bool != (e->sema.type == TY_BOOL)) {
        diag_error(s->d, e->sp, "indicator '%s' is %s, so its values are %s", ind->name,
                   tr(s, is_bool ? "yes/no" : "a number"), tr(s, is_bool ? "yes or no" : "numbers"));
    } else if (is_bool) {
        x = const_eval(s, e, &ok);
    } else {
        bool bare = is_bare(e);
        if (bare)
            adopt(e, u);
        if (!unit_same_dim(e->sema.unit, u)) {
            unit_mismatch(s, e->sp, "a value in '%s' for an indicator in '%s'", e->sema.unit, u);
        } else {
            double y = const_eval(s, e, &ok);
            if (ok && bare && u == m->units.percent && y > 0 && y < 1)
                diag_warning(s->d, WARN_PERCENT_AS_FRACTION, e->sp, "this value is %s%%: a number alone is in the "
                             "indicator's unit, %%", numstr(s, y));
            if (ok)
                x = unit_convert(y, e->sema.unit, u);
            if (ok && !isfinite(x)) {
                diag_error(s->d, e->sp, "value out of range");
                x = NAN;
            }
        }
    }
    return ok ? x : NAN;
}

/* The words a plan may write for the fallback row of a values table
 * that planc writes `else`: a hint where one is undefined. */
static bool fallback_word(const char *name)
{
    static const char *const words[] = {"others", "other", "rest", "其他", "其它", "其余", "其他城市"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(name, words[i]) == 0)
            return true;
    return false;
}

/* One cell of a values table's rows, being filled: the value, its note,
 * whether a row gave it and where (for the error of a cell given twice). */
typedef struct valcell {
    double *v;
    const char **note;
    bool *given;
    span *at;
} valcell;

/* Allocates n cells, none given. */
static valcell valcells(S *s, size_t n)
{
    valcell c = {arena_alloc(s->a, (n + 1) * sizeof *c.v), arena_alloc(s->a, (n + 1) * sizeof *c.note),
                 arena_alloc(s->a, (n + 1) * sizeof *c.given), arena_alloc(s->a, (n + 1) * sizeof *c.at)};
    for (size_t i = 0; i < n; i++)
        c.v[i] = NAN;
    return c;
}

/* Gives cell i of c the value x of row `row` (without `in`) at name span
 * sp: false (after the error "KIND 'NAME' is given twice", with a note at
 * the first) when a row gave it already (kind "region" or "level"; NULL
 * for the `else` row). */
static bool valcell_give(S *s, valcell *c, size_t i, double x, const ast_valrow *row, span sp,
                         const char *kind, const char *name, const char *ind)
{
    if (c->given[i]) {
        diag_error(s->d, sp, "%s%s'%s' is given twice in the values of '%s'", kind ? tr(s, kind) : "",
                   kind ? " " : "", name, ind);
        diag_note(s->d, c->at[i], "first given here");
        return false;
    }
    c->given[i] = true;
    c->at[i] = sp;
    c->v[i] = x;
    c->note[i] = row->note;
    return true;
}

/* An indicator's `values { 北京, 天津 = 20.5%, 北京 = 21% in 2024,
 * city = 40, else = 45, ... }` table: each value a constant of the
 * indicator's dimension, converted into its unit (valrow_value).  A row
 * names regions, levels (every region of the level) or is the `else` row
 * (every region).  A row without `in` gives its regions' value in every
 * year that no row with `in` gives them; a region, a level and `else`
 * may each have one such row, and one row for any one year.  A region's
 * value in a year is that of its own rows, else of its level's, else of
 * the `else` row's (each: the row with `in` that year, else the row
 * without `in`).  Sets ind->values and ind->value_notes (the rows
 * without years), and when some row has years ind->values_year0,
 * values_nyears, values_run_start and values_runs (a region's own rows
 * with years, by region: runs of years); with a level or `else` row,
 * ind->values_shared (those rows as rows, their runs of years by level,
 * and per region its level and the source of values[r]): memory as the
 * rows' and the regions', never regions times years. */
static void check_values(S *s, const ast_decl *d, sema_indicator *ind, const unit_t *u)
{
    sema_model *m = s->m;
    uint32_t nrows = d->u.ind.nvalues;
    const uint32_t nshared = m->nlevels + 1; /* a slot per level, then `else` */
    valcell own = valcells(s, m->nregions), shared = valcells(s, nshared);
    /* The span of the rows with years, the first and last of their years
     * (quietly: the rows' errors are reported below, in order). */
    int first = 0, last = 0;
    bool any_shared = false;
    const uint32_t *shared_start = NULL;
    const ir_yearrun *shared_runs = NULL;
    for (uint32_t k = 0; k < nrows; k++) {
        const ast_valrow *row = &d->u.ind.values[k];
        int f = row->from.year, t = row->to.year;
        if (row->has_years && row->from.period.s) {
            const sym *p = find(s, K_PERIOD, row->from.period);
            f = p ? s->periods[p->index]->from : 0;
            t = p ? s->periods[p->index]->to : 0;
        }
        if (!row->has_years || !f || !t || f > t)
            continue;
        if (!first || f < first)
            first = f;
        if (t > last)
            last = t;
    }
    uint32_t ny = first ? (uint32_t)(last - first + 1) : 0;
    bool too_wide = ny > VALUES_MAX_YEARS;
    if (too_wide)
        ny = 0;
    /* the rows with years: per region, level and `else` a list of runs,
     * at most one run per region (level, else) a row names */
    size_t cap = 0;
    for (uint32_t k = 0; ny && k < nrows; k++)
        if (d->u.ind.values[k].has_years)
            cap += d->u.ind.values[k].is_else ? 1 : d->u.ind.values[k].regions.n;
    valrun *runs = cap ? arena_alloc(s->a, cap * sizeof *runs) : NULL;
    uint32_t nruns = 0;
    uint32_t *head = ny ? arena_alloc(s->a, (m->nregions + nshared) * sizeof *head) : NULL;
    for (uint32_t r = 0; head && r < m->nregions + nshared; r++)
        head[r] = NO_RUN;
    /* how many regions each level has (a level row must give one) */
    uint32_t *at_level = arena_alloc(s->a, (m->nlevels + 1) * sizeof *at_level);
    for (uint32_t r = 0; r < m->nregions; r++)
        if (m->regions[r].level < m->nlevels)
            at_level[m->regions[r].level]++;
    for (uint32_t k = 0; k < nrows; k++) {
        const ast_valrow *row = &d->u.ind.values[k];
        int from = 0, to = 0;
        bool usable = !row->has_years || valrow_years(s, row, &from, &to);
        if (row->has_years && usable && too_wide) {
            if (from == first || to == last) {
                diag_error(s->d, row->years_sp, "the years of the values of '%s' span %d to %d; "
                           "a table's years may span at most %d", ind->name, first, last,
                           VALUES_MAX_YEARS);
                too_wide = false; /* reported once */
            }
            usable = false;
        } else if (row->has_years && !ny) {
            usable = false;
        }
        double x = valrow_value(s, row, ind, u);
        /* the names the row gives: regions, levels, or `else` */
        uint32_t nnames = row->is_else ? 1 : row->regions.n;
        for (uint32_t j = 0; j < nnames; j++) {
            const ast_name *n = row->is_else ? NULL : &row->regions.v[j];
            span sp = n ? n->sp : row->else_sp;
            const sym *r = n ? find(s, K_REGION, *n) : NULL;
            const sym *l = n && !r ? find(s, K_LEVEL, *n) : NULL;
            uint32_t slot = l ? l->index : m->nlevels;
            if (n && !r && !l) {
                if (n->s && !lost_name(s, LOST_REGION, n->s)) {
                    diag_error(s->d, n->sp, "undefined region or level '%s'%s", n->s,
                               dropped_why(s, K_REGION, n->s));
                    if (fallback_word(n->s))
                        diag_hint(s->d, "a row for every region no other row gives is written "
                                  "'else = VALUE'");
                    else if (!dropped_note(s, K_REGION, n->s) && !other_name_note(s, K_REGION, n->s) &&
                             !level_word_note(s, n->s))
                        suggest(s, (1u << K_REGION) | (1u << K_LEVEL), NULL, n->s);
                }
                continue;
            }
            if (l && !at_level[l->index]) {
                diag_error(s->d, n->sp, "no region of the plan is at level '%s', so this row of the "
                           "values of '%s' gives no value", n->s, ind->name);
                /* a base's row, whose level an extending file emptied
                 * (drops, moves): the base is not the user's to edit */
                if (s->plan && s->plan->u.plan.extends && n->sp.file != s->plan->sp.file)
                    diag_hint(s->d, "this plan drops or moves every region of level '%s': give "
                              "the indicator values of its own ('override indicator %s, values "
                              "{ ... }')", n->s, ind->name);
                else
                    diag_hint(s->d, "name the regions, or a level that has regions");
                continue;
            }
            if (!usable)
                continue;
            any_shared |= !r;
            const char *kind = r ? "region" : l ? "level" : NULL, *name = n ? n->s : "else";
            valcell *c = r ? &own : &shared;
            size_t i = r ? r->index : slot;
            if (!row->has_years) {
                valcell_give(s, c, i, x, row, sp, kind, name, ind->name);
                continue;
            }
            add_year_run(s, runs, &nruns, &head[r ? r->index : m->nregions + slot], from, to, x, row->note,
                         sp, kind, name, ind->name);
        }
    }
    ind->values = own.v;
    ind->value_notes = own.note;
    ind->values_year0 = first;
    ind->values_nyears = ny;
    ind->values_run_start = NULL;
    ind->values_runs = NULL;
    ind->values_shared = NULL;
    if (ny) {
        /* the runs, region by region, each region's rising; then the
         * levels' and the else row's */
        uint32_t *start = arena_alloc(s->a, (m->nregions + 1) * sizeof *start);
        uint32_t *sstart = arena_alloc(s->a, (nshared + 1) * sizeof *sstart);
        ir_yearrun *out = nruns ? arena_alloc(s->a, nruns * sizeof *out) : NULL;
        uint32_t k = 0;
        for (uint32_t r = 0; r < m->nregions; r++) {
            start[r] = k;
            for (uint32_t i = head[r]; i != NO_RUN; i = runs[i].next)
                out[k++] = runs[i].run;
        }
        start[m->nregions] = k;
        ir_yearrun *sout = out ? out + k : NULL;
        uint32_t k0 = k;
        for (uint32_t q = 0; q < nshared; q++) {
            sstart[q] = k - k0;
            for (uint32_t i = head[m->nregions + q]; i != NO_RUN; i = runs[i].next)
                out[k++] = runs[i].run;
        }
        sstart[nshared] = k - k0;
        ind->values_run_start = start;
        ind->values_runs = out;
        shared_start = sstart;
        shared_runs = sout;
    }
    if (!any_shared)
        return;
    /* each region's every-year value from the rows without `in`: its
     * own, else its level's, else the `else` row's; the rows with `in`
     * stay rows, resolved year by year (ir_values_run) */
    ir_valshared *sh = arena_alloc(s->a, sizeof *sh);
    uint8_t *vfrom = arena_alloc(s->a, m->nregions + 1);
    uint32_t *vslot = arena_alloc(s->a, (m->nregions + 1) * sizeof *vslot);
    const uint32_t E = m->nlevels;
    for (uint32_t r = 0; r < m->nregions; r++) {
        uint32_t l = m->regions[r].level < m->nlevels ? m->regions[r].level : E;
        vslot[r] = l;
        /* the sources in order: the region's own, its level's, `else` */
        const uint32_t slot[3] = {r, l, E};
        const valcell *c[3] = {&own, &shared, &shared};
        int none = 3; /* the first source with a row without `in` */
        for (int q = 2; q >= 0; q--)
            if (c[q]->given[slot[q]])
                none = q;
        if (none < 3) {
            own.v[r] = c[none]->v[slot[none]];
            own.note[r] = c[none]->note[slot[none]];
        }
        vfrom[r] = (uint8_t)(none < 3 ? none : IR_VAL_OWN); /* q is the ir_valfrom */
    }
    *sh = (ir_valshared){.nslots = nshared, .values = shared.v, .notes = shared.note,
                         .run_start = shared_start, .runs = shared_runs, .slot = vslot, .from = vfrom};
    ind->values_shared = sh;
}

/* The number of text k of map mp when k is the first text of its row
 * (a row of several texts gives each the number written once: the row's
 * first text stands for it), else NaN, as for `missing`.  Only the texts
 * the checker kept (no duplicate, no empty one) are the map's. */
static double map_row_value(const sema_map *mp, uint32_t k)
{
    const ast_mapentry *e = &mp->decl->u.map.entries[mp->entries[k]];
    if (k > 0) {
        const ast_mapentry *p = &mp->decl->u.map.entries[mp->entries[k - 1]];
        if (p->value_sp.file == e->value_sp.file && p->value_sp.lo == e->value_sp.lo)
            return NAN;
    }
    return mp->values[k];
}

/* The text map of indicator d's column (`column "c" as M`): M must be a
 * map the file sees, and each number it gives one the indicator can read
 * (docs/LANGUAGE.md §4): 1, 0 or missing for a yes/no indicator, and, for
 * a column `in UNIT`, a number that the conversion into the indicator's
 * unit keeps finite (as a values table's constant, and as the reader
 * requires of a cell).  Each wrong number is an error at the map's row,
 * with a note at the indicator.  Sets *map (an index into the model's
 * maps); false after an error. */
static bool column_map(S *s, const ast_decl *d, const sema_indicator *ind, bool is_bool,
                       const unit_t *u, int32_t *map)
{
    const sym *y = lookup(s, K_MAP, d->u.ind.map);
    if (!y)
        return false;
    const sema_map *mp = &s->m->maps[y->index];
    const ast_decl *md = mp->decl;
    const char *name = d->u.ind.name.s;
    /* a count reads no number, a share compares the cell as written */
    bool converts = !is_bool && u && ind->column_unit && ind->column_unit != u &&
                    d->u.ind.agg.kind != AGG_COUNT && d->u.ind.agg.kind != AGG_SHARE;
    uint32_t bad = 0;
    for (uint32_t j = 0; j < mp->n; j++) {
        double v = map_row_value(mp, j);
        const ast_mapentry *e = &md->u.map.entries[mp->entries[j]];
        if (isnan(v))
            continue;
        if (is_bool && v != 0 && v != 1) {
            diag_error(s->d, e->value_sp, "map '%s' gives %s for \"%s\", which yes/no indicator '%s' "
                       "cannot read", mp->name, numstr(s, v), mp->texts[j], name);
            diag_note(s->d, d->u.ind.map.sp, "'%s' reads its column as map '%s' here", name, mp->name);
            if (!bad)
                diag_hint(s->d, "a yes/no indicator reads 1 (yes), 0 (no) or missing: give the map's texts "
                                "yes, no or missing, or declare the indicator as a number");
            bad++;
        } else if (converts && !isfinite(unit_convert(v, ind->column_unit, u))) {
            diag_error(s->d, e->value_sp, "map '%s' gives %s for \"%s\", out of range once indicator "
                       "'%s' converts it from '%s' to '%s'", mp->name, numstr(s, v), mp->texts[j], name,
                       unit_name(ind->column_unit), unit_name(u));
            diag_note(s->d, d->u.ind.column_unit->sp, "'%s' reads its column as map '%s' in '%s' here",
                      name, mp->name, unit_name(ind->column_unit));
            bad++;
        }
    }
    if (bad)
        return false;
    *map = (int32_t)y->index;
    return true;
}

/* A `rated` target scores its rating, 0..100 (docs/LANGUAGE.md §6): when
 * it rates an indicator that reads its column through a map, each number
 * the map gives (converted as the column is) must be a rating.  A number
 * outside 0..100 is an error at the map's row, with notes at the
 * indicator and the target; once per indicator. */
static void check_rated_maps(S *s)
{
    sema_model *m = s->m;
    bool *done = arena_alloc(s->a, (m->ninds + 1) * sizeof *done);
    for (uint32_t t = 0; t < m->ntargets; t++) {
        const sema_target *tg = &m->targets[t];
        const ast_expr *x = tg->measured;
        if (tg->tk != TG_RATED || !x || x->kind != EX_NAME || x->sema.ref != REF_INDICATOR ||
            x->sema.index < 0 || (uint32_t)x->sema.index >= m->ninds || done[x->sema.index])
            continue;
        const sema_indicator *ind = &m->inds[x->sema.index];
        if (ind->column < 0 || m->columns[ind->column].map < 0 || !ind->decl)
            continue;
        done[x->sema.index] = true;
        const sema_map *mp = &m->maps[m->columns[ind->column].map];
        const ast_decl *md = mp->decl, *d = ind->decl;
        const unit_t *u = ind->unit;
        bool converts = u && ind->column_unit && ind->column_unit != u && d->u.ind.agg.kind != AGG_COUNT &&
                        d->u.ind.agg.kind != AGG_SHARE;
        bool first = true;
        for (uint32_t j = 0; j < mp->n; j++) {
            double v = map_row_value(mp, j);
            if (isnan(v))
                continue;
            double r = converts ? unit_convert(v, ind->column_unit, u) : v;
            if (r >= 0 && r <= 100)
                continue;
            const ast_mapentry *e = &md->u.map.entries[mp->entries[j]];
            diag_error(s->d, e->value_sp, "map '%s' gives %s for \"%s\", but '%s' is a rating, 0..100",
                       mp->name, numstr(s, v), mp->texts[j], ind->name);
            diag_note(s->d, d->u.ind.map.sp, "'%s' reads its column as map '%s' here", ind->name, mp->name);
            diag_note(s->d, x->sp, "target '%s' rates it here", tg->name);
            if (first)
                diag_hint(s->d, "a rated target's score is its rating, from 0 to 100: give the map ratings, "
                                "or rate an expression that makes them ratings ('rated %s * 25 >= 80')",
                          ind->name);
            first = false;
        }
    }
}

/* Two indicators reading one header column in different units (`column
 * "x"` of an indicator in 万吨 and of one in 吨, or `column "x" in kg`
 * beside one in t): one cell cannot be in both, so one of them reads it
 * scaled wrong.  A warning at the second, with a note at the first that
 * reads the cells' numbers (docs/LANGUAGE.md §4).  A `count` or `share`
 * reads no number of a cell in its unit (a count of cells, a share in %),
 * and is left out; units of one size (an alias) are one unit.  `from` is
 * the first column of the name (the columns of one name are searched
 * only when a name is read twice).  Through another text map than `map`
 * (this one's, -1 for none) the column is left out too: the numbers are
 * each map's own, the texts of a dashboard's colours standing for a
 * rating in one and for yes/no or a % in another (§4, "Two indicators
 * may read one header column through different maps"). */
static void column_units_differ(S *s, const ast_decl *d, const sema_indicator *ind, int32_t map, uint32_t from,
                                span first)
{
    const sema_model *m = s->m;
    ast_aggkind k = d->u.ind.agg.kind;
    if (!ind->column_unit || k == AGG_COUNT || k == AGG_SHARE)
        return;
    const char *name = m->columns[from].name;
    for (uint32_t j = from; j < m->ncolumns; j++) {
        const sema_column *c = &m->columns[j];
        if (c->agg.kind == AGG_COUNT || c->agg.kind == AGG_SHARE || strcmp(c->name, name) != 0 || c->map != map)
            continue;
        const sema_indicator *o = &m->inds[c->indicator];
        const unit_t *a = ind->column_unit, *b = o->column_unit;
        if (!b || a == b || (unit_same_dim(a, b) && unit_convert(1, a, b) == 1))
            return;
        diag_warning(s->d, WARN_COLUMN_UNITS, d->u.ind.column_sp,
                     "column \"%s\" is read in '%s' here but in '%s' by '%s': a cell is in one unit, so one of them "
                     "reads it wrong",
                     name, unit_name(a), unit_name(b), o->name);
        diag_note(s->d, j == from || !o->decl ? first : o->decl->u.ind.column_sp, "'%s' reads it in '%s' here", o->name,
                  unit_name(b));
        return;
    }
}

static void check_indicator(S *s, uint32_t i)
{
    sema_model *m = s->m;
    const ast_decl *d = s->ii[i].d;
    sema_indicator *ind = &m->inds[i];
    const unit_t *u = ind_unit(s, i);
    const char *name = ind->name;
    /* an override may change the unit only within its dimension: the
     * base's goals on the indicator are in that dimension */
    const ast_unit *bu_ast = d->base ? d->base->u.ind.unit : NULL;
    if (u && bu_ast && d->u.ind.unit != bu_ast) {
        const unit_t *bu = resolve_unit(s, bu_ast);
        if (bu && !unit_same_dim(u, bu)) {
            diag_error(s->d, d->u.ind.unit->sp,
                       "the override changes the unit of indicator '%s' from '%s' to '%s', a different dimension",
                       name, unit_name(bu), unit_name(u));
            diag_note(s->d, bu_ast->sp, "the base declares it in '%s' here", unit_name(bu));
            diag_hint(s->d, "an override may change an indicator's unit within its dimension only; "
                            "declare a new indicator for another quantity");
        }
    }
    if (d->u.ind.column && d->u.ind.formula) {
        diag_error(s->d, d->u.ind.column_sp, "indicator '%s' has both a column and a formula; keep one", name);
        return;
    }
    if (d->u.ind.values && (d->u.ind.column || d->u.ind.formula)) {
        diag_error(s->d, d->u.ind.values_sp, "indicator '%s' has both values and a %s; keep one", name,
                   tr(s, d->u.ind.column ? "column" : "formula"));
        return;
    }
    if (!d->u.ind.column && !d->u.ind.formula && !d->u.ind.values) {
        diag_error(s->d, d->u.ind.name.sp, "indicator '%s' has neither a column nor a formula; add 'column \"NAME\"', 'formula EXPR' or 'values { REGION = NUMBER, ... }'",
                   name);
        return;
    }
    if (d->u.ind.values) {
        if (u)
            check_values(s, d, ind, u);
        return;
    }
    if (d->u.ind.column) {
        const char *col = column_name(s, d->u.ind.column);
        const ast_agg *agg = &d->u.ind.agg;
        if (!*col) {
            diag_error(s->d, d->u.ind.column_sp, "an empty column name: name the data column the indicator reads");
            return;
        }
        if (agg->kind != AGG_NONE && !agg_ok(s, d, u))
            return;
        ind->column_unit = u;
        if (d->u.ind.column_unit) {
            const unit_t *cu = resolve_unit(s, d->u.ind.column_unit);
            if (cu && u && !unit_same_dim(cu, u)) {
                unit_mismatch(s, d->u.ind.column_unit->sp,
                              "the column's unit '%s' does not match the indicator's unit '%s'", cu, u);
                cu = NULL;
            }
            ind->column_unit = cu;
        }
        if (agg->kind == AGG_SHARE)
            ind->column_unit = m->units.percent; /* converted into the indicator's unit */
        if (!u)
            return;
        const char *py = strstr(col, "{year}");
        if (py && strstr(py + 6, "{year}")) {
            diag_error(s->d, d->u.ind.column_sp, "column \"%s\" names '{year}' twice; a column per year names it once",
                       col);
            return;
        }
        if (strcmp(col, m->region_key) == 0 || strcmp(col, m->year_key) == 0) {
            diag_error(s->d, d->u.ind.column_sp, "column \"%s\" is the plan's %s key, not an indicator column",
                       col, tr(s, strcmp(col, m->region_key) == 0 ? "region" : "year"));
            return;
        }
        bool is_bool = unit_is_bool(u);
        /* Every indicator has a column of its own, even when it reads a
         * header column another one reads (with another unit, aggregate or
         * conversion): reports and explain then name the right indicator
         * and conversion.  A header column is read one way, though: as
         * yes/no or as numbers. */
        const sym *old = tab_find(&s->tab[K_COLUMN], col);
        if (old && m->columns[old->index].is_bool != is_bool) {
            sema_column *c = &m->columns[old->index];
            diag_error(s->d, d->u.ind.column_sp, "column \"%s\" is read as %s here but as %s by '%s'",
                       col, tr(s, is_bool ? "yes/no" : "a number"), tr(s, c->is_bool ? "yes/no" : "a number"),
                       m->inds[c->indicator].name);
            diag_note(s->d, old->sp, "'%s' reads it here", m->inds[c->indicator].name);
            return;
        }
        int32_t map = -1;
        if (d->u.ind.map.s && !column_map(s, d, ind, is_bool, u, &map))
            return;
        if (old)
            column_units_differ(s, d, ind, map, old->index, old->sp);
        uint32_t ci = m->ncolumns++;
        m->columns[ci].name = col;
        m->columns[ci].is_bool = is_bool;
        m->columns[ci].indicator = i;
        m->columns[ci].agg = *agg;
        m->columns[ci].map = map;
        if (!old)
            tab_add(s->a, &s->tab[K_COLUMN], col, d->u.ind.column_sp, ci);
        ind->column = (int32_t)ci;
        return;
    }
    ectx c = {.mode = EM_PLAIN};
    ast_expr *f = d->u.ind.formula;
    if (check_expr(s, f, &c) == TY_ERROR || !u)
        return;
    if (unit_is_bool(u)) {
        want_bool(s, f, arena_printf(s->a, tr(s, "as the formula of yes/no indicator '%s'"), name));
        return;
    }
    if (f->sema.type == TY_BOOL) {
        diag_error(s->d, f->sp, "the formula of '%s' is a yes/no condition, but '%s' is in '%s'",
                   name, name, unit_name(u));
        return;
    }
    if (is_bare(f))
        adopt(f, u);
    if (!unit_same_dim(f->sema.unit, u))
        unit_mismatch(s, f->sp, "the formula is in '%s' but the indicator is declared in '%s'",
                      f->sema.unit, u);
}

/* Whether name k of a measure's agency list ns was named before in the
 * measure: earlier in ns, or in its lead (or shared) list `leads` when ns
 * is the responsible list.  Named again, it counts once (as the lead, if
 * it leads): a copied name, or the lead repeated among those that assist,
 * which would count an agency twice in what it answers for.  A warning at
 * the second naming with a note at the first when both are in one file;
 * an adaptation's override that makes an assisting agency the lead
 * (`override measure (一) { lead 乙 }` of a base with `responsible 乙`)
 * combines two files' lists, and says nothing. */
static bool agency_again(S *s, const ast_measure *me, const ast_names *ns, uint32_t k, const ast_names *leads)
{
    const ast_name *n = &ns->v[k];
    const ast_name *first = NULL;
    bool in_leads = false;
    for (uint32_t j = 0; leads && !first && j < leads->n; j++)
        if (leads->v[j].s && strcmp(leads->v[j].s, n->s) == 0)
            first = &leads->v[j], in_leads = true;
    for (uint32_t j = 0; !first && j < k; j++)
        if (ns->v[j].s && strcmp(ns->v[j].s, n->s) == 0)
            first = &ns->v[j];
    if (!first)
        return false;
    if (first->sp.file != n->sp.file)
        return true;
    const char *kw = ns == &me->responsible ? "responsible" : ns == &me->shared ? "shared" : "lead";
    if (in_leads) {
        const char *lkw = leads == &me->shared ? "shared" : "lead";
        diag_warning(s->d, WARN_REPEATED_AGENCY, n->sp, "agency '%s' is named in this measure's '%s' list and again in its '%s' list; "
                                  "it counts once, in '%s'", n->s, lkw, kw, lkw);
    } else {
        diag_warning(s->d, WARN_REPEATED_AGENCY, n->sp, "agency '%s' is named twice in this measure's '%s' list; it counts once", n->s,
                     kw);
    }
    diag_note(s->d, first->sp, "'%s' is first named here", n->s);
    return true;
}

/* Resolves the agencies of a list; returns them as strings. */
static const char **agencies(S *s, const ast_measure *me, const ast_names *ns, const ast_names *leads,
                             uint32_t *n)
{
    const char **v = arena_alloc(s->a, (ns->n + 1) * sizeof *v);
    *n = 0;
    for (uint32_t k = 0; k < ns->n; k++) {
        if (!ns->v[k].s)
            continue;
        lookup(s, K_AGENCY, ns->v[k]);
        if (!agency_again(s, me, ns, k, leads))
            v[(*n)++] = ns->v[k].s;
    }
    return v;
}

/* The old name of target `name` when the plan's own file renamed it
 * (`override target OLD as NEW`, NEW being name), else NULL.  A renamed
 * target is changed by that one override only, so a hint that says how
 * to change it names the rename (a base's rename makes NEW the name an
 * adaptation of it overrides: NULL then). */
static const char *renamed_from(S *s, const char *name)
{
    if (!name || !s->plan)
        return NULL;
    uint32_t own = mod_of(s, s->plan->sp);
    for (uint32_t i = 0; i < s->prog->nedits; i++) {
        const ast_origin *o = s->prog->edits[i];
        if (o->kind == ORIGIN_RENAMED && o->item == IT_TARGET && o->new_name && o->name &&
            strcmp(o->new_name, name) == 0 && mod_of(s, o->edit) == own)
            return o->name;
    }
    return NULL;
}

/* After an error at deadline y against the plan's baseline or horizon: when
 * that year was set in another file than the deadline (an extending plan
 * that moved its base's baseline or horizon), points at where it was set
 * and says how to change the base's target, which is not in the user's file. */
static void note_plan_year(S *s, const char *target, const ast_year *y, const char *what, int year, span set_sp)
{
    if (set_sp.file == y->sp.file)
        return;
    diag_note(s->d, set_sp, "the %s %d is set here", tr(s, what), year);
    const char *old = renamed_from(s, target);
    if (s->plan && s->plan->u.plan.extends && old)
        diag_hint(s->d, "give the base's target a deadline of this plan in the override that renames it "
                        "('override target %s as %s : ...')", old, target);
    else if (s->plan && s->plan->u.plan.extends && target)
        diag_hint(s->d, "give the base's target a deadline of this plan ('override target %s : ...') or drop it",
                  target);
}

/* A year written as a number or a period name (its last year), with how
 * to show it in messages ("2025", "'十四五' (2025)").  Returns 0 after an
 * error, or when the parser already reported the number. */
static int year_of(S *s, ast_year *y, const char **shown)
{
    int year = y->year;
    if (y->period.s) {
        const sym *p = find(s, K_PERIOD, y->period);
        if (!p && lost_name(s, LOST_PERIOD, y->period.s))
            return 0;
        if (!p) {
            diag_error(s->d, y->period.sp, "undefined period '%s'", y->period.s);
            suggest(s, 1u << K_PERIOD, NULL, y->period.s);
            return 0;
        }
        year = s->periods[p->index]->to;
        y->year = year;
        *shown = arena_printf(s->a, "'%s' (%d)", y->period.s, year);
    } else if (year != 0) {
        *shown = arena_printf(s->a, "%d", year);
    }
    return year;
}

/* After a target's baseline at or after the horizon: says what a target's
 * baseline is (the year its goal counts from) and what to write.  Given
 * as a period ('baseline 十四五' beside 'by 十四五'), it most likely names
 * the goal's own period, which counts from the year before it: the period
 * that ends then, that year, or the plan's baseline (then no 'baseline'
 * at all).  Otherwise, the years it may be. */
static void hint_target_baseline(S *s, const ast_year *y)
{
    const sema_model *m = s->m;
    const sym *p = y->period.s ? find(s, K_PERIOD, y->period) : NULL;
    int before = p ? s->periods[p->index]->from - 1 : 0;
    if (p && before == m->baseline) {
        diag_hint(s->d, "a target's baseline is the year its goal counts from, before its deadlines: a goal over "
                        "'%s' counts from the year before it, the plan's baseline %d: leave 'baseline' out",
                  y->period.s, before);
        return;
    }
    if (p && before > m->baseline && before < m->horizon) {
        for (uint32_t i = 0; i < s->nperiods; i++) {
            if (s->periods[i]->to == before) {
                diag_hint(s->d, "a target's baseline is the year its goal counts from, before its deadlines: a goal "
                                "over '%s' counts from the year before it: 'baseline %s' (%d)",
                          y->period.s, s->periods[i]->name.s, before);
                return;
            }
        }
        diag_hint(s->d, "a target's baseline is the year its goal counts from, before its deadlines: a goal over "
                        "'%s' counts from the year before it: 'baseline %d'",
                  y->period.s, before);
        return;
    }
    diag_hint(s->d, "a target's baseline is the year its goal counts from, before its deadlines: write a year "
                    "from %d to %d, or leave 'baseline' out to count from the plan's baseline",
              m->baseline, m->horizon - 1);
}

/* A target's own baseline year (`baseline 2015`, or a period name: its
 * last year), from which it is judged instead of the plan's: no earlier
 * than the plan's baseline (before it no row is judged) and before the
 * horizon.  Sets mt->y0 when it is valid. */
static void check_target_baseline(S *s, sema_target *mt, ast_year *y)
{
    const char *shown = NULL;
    int year = year_of(s, y, &shown);
    if (!year || !s->years_ok)
        return;
    if (year < s->m->baseline) {
        diag_error(s->d, y->sp, "the target's baseline %s is before the plan's baseline %d", shown,
                   s->m->baseline);
        diag_hint(s->d, "a goal relative to an earlier year reads that year's value: "
                        "'x <= 82%% * at(x, %d)'", year);
        return;
    }
    if (year >= s->m->horizon) {
        diag_error(s->d, y->sp, "the target's baseline %s is not before the plan's horizon %d",
                   shown, s->m->horizon);
        hint_target_baseline(s, y);
        return;
    }
    mt->y0 = year;
    mt->own_y0 = true;
    mt->y0_sp = y->sp;
}

/* A deadline of target mt: a year or a period name, after the target's
 * baseline (the plan's, or its own) and no later than the horizon.
 * Returns the year, or 0 after an error. */
static int check_deadline(S *s, const sema_target *mt, ast_year *y)
{
    const char *target = mt->name, *shown = NULL;
    int year = year_of(s, y, &shown);
    if (!year)
        return 0;
    if (!s->years_ok)
        return year;
    if (mt->own_y0 && year <= mt->y0) {
        diag_error(s->d, y->sp, "deadline %s is not after the target's baseline %d", shown, mt->y0);
        diag_note(s->d, mt->y0_sp, "the target's baseline is set here");
        return 0;
    }
    if (year < s->m->baseline) {
        diag_error(s->d, y->sp, "deadline %s is before the plan's baseline %d", shown, s->m->baseline);
        note_plan_year(s, target, y, "baseline", s->m->baseline, s->plan->u.plan.baseline_sp);
        return 0;
    }
    if (year == s->m->baseline) {
        diag_error(s->d, y->sp, "deadline %s is the plan's baseline year; a deadline must come after it", shown);
        note_plan_year(s, target, y, "baseline", s->m->baseline, s->plan->u.plan.baseline_sp);
        return 0;
    }
    if (year > s->m->horizon) {
        diag_error(s->d, y->sp, "deadline %s is after the plan's horizon %d", shown, s->m->horizon);
        note_plan_year(s, target, y, "horizon", s->m->horizon, s->plan->u.plan.horizon_sp);
        /* the plan's own file: its plan block is the user's to edit (a
         * county's plan to 2027 that looks ahead to 2035) */
        if (s->plan->u.plan.horizon_sp.file == y->sp.file)
            diag_hint(s->d, "the horizon is the last year a deadline may name: if the plan looks ahead to %d, "
                            "write 'horizon %d' in the plan block", year, year);
        return 0;
    }
    return year;
}

/* Allocates the per-region scratch of the scope checks on first use, with
 * the indexes they walk by: each region's place in level_order, the
 * regions below each parent and the regions of each level. */
static void scope_scratch(S *s)
{
    sema_model *m = s->m;
    if (s->sc.in)
        return;
    const uint32_t nr = m->nregions, nl = m->nlevels;
    s->sc.in = arena_alloc(s->a, (nr + 1) * sizeof *s->sc.in);
    s->sc.reach = arena_alloc(s->a, (nr + 1) * sizeof *s->sc.reach);
    s->sc.list = arena_alloc(s->a, (nr + 1) * sizeof *s->sc.list);
    s->sc.queue = arena_alloc(s->a, (nr + 1) * sizeof *s->sc.queue);
    s->sc.pos = arena_alloc(s->a, (nr + 1) * sizeof *s->sc.pos);
    s->sc.kstart = arena_alloc(s->a, (nr + 2) * sizeof *s->sc.kstart);
    s->sc.kids = arena_alloc(s->a, (nr + 1) * sizeof *s->sc.kids);
    s->sc.lstart = arena_alloc(s->a, (nl + 2) * sizeof *s->sc.lstart);
    s->sc.lbelow = arena_alloc(s->a, (nl + 1) * sizeof *s->sc.lbelow);
    s->sc.lset = arena_alloc(s->a, (nl + 1) * sizeof *s->sc.lset);
    const uint32_t *order = level_order(s);
    for (uint32_t i = 0; i < nr; i++)
        s->sc.pos[order[i]] = i;
    for (uint32_t r = 0; r < nr; r++) {
        if (m->regions[r].parent >= 0)
            s->sc.kstart[m->regions[r].parent + 1]++;
        if (m->regions[r].level < nl)
            s->sc.lstart[m->regions[r].level + 1]++;
    }
    for (uint32_t r = 0; r < nr; r++)
        s->sc.kstart[r + 1] += s->sc.kstart[r];
    for (uint32_t l = 0; l < nl; l++)
        s->sc.lstart[l + 1] += s->sc.lstart[l];
    /* list as the fill cursor of each parent */
    memcpy(s->sc.list, s->sc.kstart, nr * sizeof *s->sc.list);
    for (uint32_t r = 0; r < nr; r++)
        if (m->regions[r].parent >= 0)
            s->sc.kids[s->sc.list[m->regions[r].parent]++] = r;
}

/* Marks x reached (stamp st) and queues it, unless it already is. */
static void reach_region(S *s, uint32_t x, uint32_t st, uint32_t *nq)
{
    if (s->sc.reach[x] != st) {
        s->sc.reach[x] = st;
        s->sc.queue[(*nq)++] = x;
    }
}

/* Carries `reach` (stamp st) down from the regions queued[0 .. *nq):
 * from a region to those whose parent it is and to a group's members, as
 * a pass over level_order would that reaches a region when its parent or
 * a group listing it was reached: only to regions after it in that order
 * (where a group's level is not coarser than a member's, an error was
 * reported), except from the first nfree regions queued, which were set
 * before such a pass.  With lv, also marks the level of every
 * region reached through a link in lbelow (listing it in lset, *nl). */
static void reach_down(S *s, uint32_t st, uint32_t *nq, uint32_t nfree, bool lv, uint32_t *nl)
{
    sema_model *m = s->m;
    for (uint32_t q = 0; q < *nq; q++) {
        uint32_t h = s->sc.queue[q];
        const sema_region *g = &m->regions[h];
        uint32_t nk = s->sc.kstart[h + 1] - s->sc.kstart[h];
        for (uint32_t k = 0; k < nk + g->nmembers; k++) {
            uint32_t x = k < nk ? s->sc.kids[s->sc.kstart[h] + k] : g->members[k - nk];
            if (q >= nfree && s->sc.pos[h] >= s->sc.pos[x])
                continue;
            uint32_t l = m->regions[x].level;
            if (lv && l < m->nlevels && !s->sc.lbelow[l]) {
                s->sc.lbelow[l] = true;
                s->sc.lset[(*nl)++] = l;
            }
            reach_region(s, x, st, nq);
        }
    }
}

/* Orders region indices ascending (qsort). */
static int cmp_region(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* Puts region r in the scope being built (stamp st) or takes it out; with
 * only `except` (all), the marks are of the regions taken out. */
static void scope_set(S *s, uint32_t r, bool put, bool all, uint32_t st, uint32_t *nlist)
{
    if (all) {
        if (!put)
            s->sc.in[r] = st;
    } else if (!put) {
        s->sc.in[r] = 0;
    } else if (s->sc.in[r] != st) {
        s->sc.in[r] = st;
        s->sc.list[(*nlist)++] = r;
    }
}

/* A scope computed once, shared by every target that writes the same one;
 * an empty one (an error) keeps where it was reported, so the targets
 * that share one written scope (`override targets for ...`) report it
 * once. */
typedef struct scope_memo {
    uint32_t *scope;
    uint32_t n;
    span sp;
} scope_memo;

/* Writes to f what the names of a scope list resolve to ("o:r12,l2,"),
 * or returns false when one does not resolve (the scope reports it). */
static bool scope_key_part(S *s, FILE *f, const ast_names *ns, char tag)
{
    fprintf(f, "%c:", tag);
    for (uint32_t k = 0; k < ns->n; k++) {
        const sym *r = ns->v[k].s ? find(s, K_REGION, ns->v[k]) : NULL;
        const sym *l = r || !ns->v[k].s ? NULL : find(s, K_LEVEL, ns->v[k]);
        if (!r && !l)
            return false;
        fprintf(f, "%c%u,", r ? 'r' : 'l', r ? r->index : l->index);
    }
    return true;
}

/* The key of a scope as resolved (`for city except 沈阳` in any file is
 * the same scope), or NULL when a name does not resolve. */
static char *scope_key(S *s, const ast_scope *sc)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return NULL;
    bool ok = scope_key_part(s, f, &sc->within, 'w') && scope_key_part(s, f, &sc->only, 'o') &&
              scope_key_part(s, f, &sc->except, 'e');
    ok = fclose(f) == 0 && ok;
    char *key = ok ? arena_printf(s->a, "%s", text) : NULL;
    free(text);
    return key;
}

/* A target's scope: regions, levels, minus exceptions.  Costs what the
 * scope names (the regions of the levels and below the regions it
 * names), not the number of regions: a rule set with as many scoped
 * targets as regions stays linear.  Targets that write the same scope
 * share one array, so thousands of `for city` targets over thousands of
 * cities cost one list, not one each. */
static void check_scope(S *s, sema_target *mt, const ast_scope *sc)
{
    sema_model *m = s->m;
    if (sc->only.n == 0 && sc->except.n == 0)
        return;
    char *key = scope_key(s, sc);
    const scope_memo *seen = key ? namemap_get(&s->scopes, key) : NULL;
    if (seen) {
        mt->scoped = true;
        mt->scope = seen->scope;
        mt->nscope = seen->n;
        if (seen->n == 0 && (seen->sp.file != sc->sp.file || seen->sp.lo != sc->sp.lo || seen->sp.hi != sc->sp.hi))
            diag_error(s->d, sc->sp, "the scope of target '%s' covers no region", mt->name);
        return;
    }
    scope_scratch(s);
    const uint32_t st = ++s->sc.stamp;
    const bool all = sc->only.n == 0;
    uint32_t nlist = 0, nwithin = 0;
    bool ok = true;
    /* `for city in 江苏, 浙江`: the regions named after `in`, each with
     * every region below it */
    bool within = sc->within.n > 0;
    if (within) {
        for (uint32_t k = 0; k < sc->within.n; k++) {
            ast_name n = sc->within.v[k];
            const sym *r = n.s ? find(s, K_REGION, n) : NULL;
            if (r) {
                reach_region(s, r->index, st, &nwithin);
                continue;
            }
            if (!n.s)
                continue;
            ok = false;
            if (lost_name(s, LOST_REGION, n.s))
                continue; /* its declaration had a syntax error */
            if (find(s, K_LEVEL, n)) {
                diag_error(s->d, n.sp, "'%s' is a level; after 'in' name the regions the scope "
                           "lies in", n.s);
            } else {
                diag_error(s->d, n.sp, "undefined region '%s'%s", n.s, dropped_why(s, K_REGION, n.s));
                if (!dropped_note(s, K_REGION, n.s))
                    suggest(s, 1u << K_REGION, NULL, n.s);
            }
        }
        /* down from the regions named: a region is within when its
         * parent or a group listing it is */
        reach_down(s, st, &nwithin, nwithin, false, NULL);
    }
    const uint32_t *order = level_order(s);
    for (int pass = 0; pass < 2; pass++) {
        const ast_names *ns = pass == 0 ? &sc->only : &sc->except;
        for (uint32_t k = 0; k < ns->n; k++) {
            ast_name n = ns->v[k];
            if (!n.s)
                continue;
            const sym *r = find(s, K_REGION, n);
            const sym *l = r ? NULL : find(s, K_LEVEL, n);
            if (r && pass == 0 && within) {
                diag_error(s->d, n.sp, "'%s' is a region; before 'in' name levels ('for city in %s')",
                           n.s, n.s);
                ok = false;
            } else if (r) {
                scope_set(s, r->index, pass == 0, all, st, &nlist);
            } else if (l && pass == 0 && within) {
                for (uint32_t i = 0; i < nwithin; i++)
                    if (m->regions[s->sc.queue[i]].level == l->index)
                        scope_set(s, s->sc.queue[i], true, all, st, &nlist);
            } else if (l) {
                for (uint32_t i = s->sc.lstart[l->index]; i < s->sc.lstart[l->index + 1]; i++)
                    scope_set(s, order[i], pass == 0, all, st, &nlist);
            } else if (lost_name(s, LOST_REGION, n.s)) {
                ok = false; /* its declaration had a syntax error */
            } else {
                diag_error(s->d, n.sp, "undefined region or level '%s'%s", n.s, dropped_why(s, K_REGION, n.s));
                if (!dropped_note(s, K_REGION, n.s) && !other_name_note(s, K_REGION, n.s) &&
                    !level_word_note(s, n.s))
                    suggest(s, (1u << K_REGION) | (1u << K_LEVEL), NULL, n.s);
                ok = false;
            }
        }
    }
    if (!ok)
        return;
    mt->scoped = true;
    if (all) {
        mt->scope = arena_alloc(s->a, (m->nregions + 1) * sizeof *mt->scope);
        for (uint32_t r = 0; r < m->nregions; r++)
            if (s->sc.in[r] != st)
                mt->scope[mt->nscope++] = r;
    } else {
        mt->scope = arena_alloc(s->a, (nlist + 1) * sizeof *mt->scope);
        for (uint32_t i = 0; i < nlist; i++)
            if (s->sc.in[s->sc.list[i]] == st)
                mt->scope[mt->nscope++] = s->sc.list[i];
        qsort(mt->scope, mt->nscope, sizeof *mt->scope, cmp_region);
    }
    if (mt->nscope == 0)
        diag_error(s->d, sc->sp, "the scope of target '%s' covers no region", mt->name);
    if (key) {
        scope_memo *memo = arena_alloc(s->a, sizeof *memo);
        *memo = (scope_memo){mt->scope, mt->nscope, sc->sp};
        namemap_put(s->a, &s->scopes, key, memo);
    }
}

/* Whether e is a call that reads the regions below the row's (share,
 * total, or lowest/highest/average with a level; its level is
 * e->sema.index, written as its first argument). */
static bool is_below_call(const ast_expr *e)
{
    if (e->kind != EX_CALL)
        return false;
    sema_ref f = e->sema.ref;
    return f == FN_SHARE || f == FN_TOTAL ||
           ((f == FN_LOWEST || f == FN_HIGHEST || f == FN_AVERAGE) && e->u.call.nargs == 2);
}

static const ast_expr *share_call(S *s, const ast_expr *e, int depth);

/* The first call over the regions below that indicator i's formula makes,
 * directly or through the formulas it names (memoised: each formula is
 * walked once; a cycle, reported elsewhere, counts as none). */
static const ast_expr *ind_below(S *s, uint32_t i)
{
    indinfo *ii = &s->ii[i];
    if (ii->bstate == 0) {
        ii->bstate = 1;
        ii->below = share_call(s, ii->d->u.ind.formula, 0);
        ii->bstate = 2;
    }
    return ii->bstate == 2 ? ii->below : NULL;
}

/* The indicator with a formula that e names, or -1. */
static int formula_ind(S *s, const ast_expr *e)
{
    if (e->kind != EX_NAME || e->sema.ref != REF_INDICATOR || e->sema.index < 0 ||
        !s->ii[e->sema.index].d->u.ind.formula)
        return -1;
    return e->sema.index;
}

/* The first call in e that reads the regions below the row's, directly or
 * through a formula, or NULL. */
static const ast_expr *share_call(S *s, const ast_expr *e, int depth)
{
    if (!e || depth > MAX_DEPTH)
        return NULL;
    const ast_expr *r = NULL;
    switch (e->kind) {
    case EX_NAME: {
        int i = formula_ind(s, e);
        return i >= 0 ? ind_below(s, (uint32_t)i) : NULL;
    }
    case EX_UNARY: return share_call(s, e->u.un.a, depth + 1);
    case EX_BINARY:
        r = share_call(s, e->u.bin.a, depth + 1);
        return r ? r : share_call(s, e->u.bin.b, depth + 1);
    case EX_IF:
        r = share_call(s, e->u.cond.c, depth + 1);
        if (!r)
            r = share_call(s, e->u.cond.a, depth + 1);
        return r ? r : share_call(s, e->u.cond.b, depth + 1);
    case EX_CALL:
        if (is_below_call(e))
            return e;
        for (uint32_t i = 0; i < e->u.call.nargs && !r; i++)
            r = share_call(s, e->u.call.args[i], depth + 1);
        return r;
    default:
        return NULL;
    }
}

/* The regions with regions at `level` below them (in them, or in a
 * group, or below those), ascending; their number in *n. */
static uint32_t *share_regions(S *s, uint32_t level, uint32_t *n)
{
    sema_model *m = s->m;
    bool *has = arena_alloc(s->a, (m->nregions + 1) * sizeof *has);
    const uint32_t *order = level_order(s);
    for (uint32_t i = m->nregions; i-- > 0;) {
        uint32_t r = order[i];
        if (m->regions[r].level == level || has[r])
            flag_holders(m, r, has);
    }
    *n = 0;
    for (uint32_t r = 0; r < m->nregions; r++)
        *n += has[r];
    uint32_t *v = arena_alloc(s->a, (*n + 1) * sizeof *v), k = 0;
    for (uint32_t r = 0; r < m->nregions; r++)
        if (has[r])
            v[k++] = r;
    return v;
}

/* The regions with regions at `level` below them (share_regions; found
 * once per level, as many targets share over the same level), ascending;
 * their number in *n. */
static const uint32_t *share_list(S *s, uint32_t level, uint32_t *n)
{
    sema_model *m = s->m;
    if (level >= m->nlevels)
        return share_regions(s, level, n);
    if (!s->sc.share) {
        s->sc.share = arena_alloc(s->a, (m->nlevels + 1) * sizeof *s->sc.share);
        s->sc.nshare = arena_alloc(s->a, (m->nlevels + 1) * sizeof *s->sc.nshare);
    }
    if (!s->sc.share[level])
        s->sc.share[level] = share_regions(s, level, &s->sc.nshare[level]);
    *n = s->sc.nshare[level];
    return s->sc.share[level];
}

/* The default scope of a share target: regions with regions at `level`
 * below them (share_list). */
static void share_scope(S *s, sema_target *mt, uint32_t level)
{
    uint32_t n;
    const uint32_t *v = share_list(s, level, &n);
    mt->scoped = true;
    mt->scope = arena_alloc(s->a, (n + 1) * sizeof *mt->scope);
    memcpy(mt->scope, v, n * sizeof *v);
    mt->nscope = n;
}

/* The levels of the regions below the regions a target covers (its
 * scope, or every region when it has none): the level of each region
 * that a pass down level_order finds under a covered one (reach_down).  Returns a flag per level; with a scope it is
 * sc.lbelow, which the caller clears with below_done. */
static const bool *levels_below(S *s, const sema_target *mt)
{
    sema_model *m = s->m;
    scope_scratch(s);
    if (!mt->scoped && s->sc.allbelow)
        return s->sc.allbelow;
    const uint32_t st = ++s->sc.stamp;
    uint32_t nq = 0, nl = 0;
    uint32_t nfrom = mt->scoped ? mt->nscope : m->nregions;
    for (uint32_t i = 0; i < nfrom; i++)
        reach_region(s, mt->scoped ? mt->scope[i] : i, st, &nq);
    reach_down(s, st, &nq, 0, true, &nl);
    s->sc.nlset = nl;
    if (mt->scoped)
        return s->sc.lbelow;
    /* every region covered: the same for every target, kept */
    s->sc.allbelow = arena_alloc(s->a, (m->nlevels + 1) * sizeof *s->sc.allbelow);
    memcpy(s->sc.allbelow, s->sc.lbelow, m->nlevels * sizeof *s->sc.lbelow);
    for (uint32_t k = 0; k < nl; k++)
        s->sc.lbelow[s->sc.lset[k]] = false;
    s->sc.nlset = 0;
    return s->sc.allbelow;
}

/* Clears the levels levels_below set in sc.lbelow. */
static void below_done(S *s)
{
    for (uint32_t k = 0; k < s->sc.nlset; k++)
        s->sc.lbelow[s->sc.lset[k]] = false;
    s->sc.nlset = 0;
}

/* A function over the regions below (share, total, or lowest / highest /
 * average with a level) where no region the target covers has a region
 * of its level below it (`share(province, ...)` for a province) is
 * missing on every row; an error at the level argument, with a note
 * naming the levels that are below the target's regions.  via: the name
 * of the formula indicator the call is in, where the error is then put
 * (with a note at the call), or NULL. */
static void check_share_below(S *s, const sema_target *mt, const ast_expr *sh, const ast_expr *via)
{
    sema_model *m = s->m;
    uint32_t level = (uint32_t)sh->sema.index;
    const bool *below = levels_below(s, mt);
    if (below[level]) {
        below_done(s);
        return;
    }
    const ast_expr *lv = sh->u.call.args[0];
    const char *who = tr(s, mt->nscope == 0 ? "no region has" : "no region this target covers has");
    if (via) {
        diag_error(s->d, via->sp, "the formula of '%s' reads the regions of level '%s' below the "
                   "row's, but %s regions of that level below it", via->u.name.s, m->levels[level],
                   who);
        diag_note(s->d, lv->sp, "the formula reads them here");
    } else {
        diag_error(s->d, lv->sp, "%s regions of level '%s' below it", who, m->levels[level]);
    }
    /* the first LEVELS_SHOWN levels named, measured then written once: a
     * rules file may declare thousands of levels (appending them one by one
     * for each of 100 errors ran out of memory) */
    enum { LEVELS_SHOWN = 8 };
    uint32_t nbelow = 0;
    size_t len = 32;
    for (uint32_t k = 0; k < m->nlevels; k++)
        if (below[k] && nbelow++ < LEVELS_SHOWN)
            len += strlen(m->levels[k]) + 10; /* “”、 in Chinese */
    char *levels = arena_alloc(s->a, len), *at = levels;
    uint32_t shown = 0;
    for (uint32_t k = 0; k < m->nlevels && shown < LEVELS_SHOWN; k++)
        if (below[k])
            at += sprintf(at, tr(s, "%s'%s'"), shown++ ? tr(s, ", ") : "", m->levels[k]);
    if (nbelow > shown)
        sprintf(at, tr(s, " and %u more"), nbelow - shown);
    if (nbelow)
        diag_hint(s->d, "below the regions it covers are regions of level%s %s", nbelow > 1 ? "s" : "",
                  levels);
    else if (mt->nscope > 0)
        diag_hint(s->d, "the regions it covers have no regions below them");
    below_done(s);
}

/* The regions target mt covers that have no region of `level` below
 * them (share_list): their number, the first `cap` of their names in
 * names; the number it covers in *ncov. */
static uint32_t covered_without_below(S *s, const sema_target *mt, uint32_t level, const char **names,
                                      uint32_t cap, uint32_t *ncov)
{
    sema_model *m = s->m;
    uint32_t nhave, nout = 0, h = 0;
    const uint32_t *have = share_list(s, level, &nhave);
    *ncov = mt->scoped ? mt->nscope : m->nregions;
    for (uint32_t j = 0; j < *ncov; j++) {
        uint32_t r = mt->scoped ? mt->scope[j] : j; /* ascending, as `have` */
        while (h < nhave && have[h] < r)
            h++;
        if (h < nhave && have[h] == r)
            continue;
        if (nout < cap)
            names[nout] = m->regions[r].name;
        nout++;
    }
    return nout;
}

/* names[0 .. min(n, cap)) as "a, b, c and 4 more" (n in all), into buf,
 * in the reader's language (甲、乙、丙及另外4个). */
static void some_names(const S *s, const char **names, uint32_t n, uint32_t cap, char *buf, size_t len)
{
    size_t at = 0;
    buf[0] = '\0';
    for (uint32_t k = 0; k < n && k < cap && at < len; k++)
        at += (size_t)snprintf(buf + at, len - at, "%s%.255s", k ? tr(s, ", ") : "", names[k]);
    if (n > cap && at < len)
        snprintf(buf + at, len - at, tr(s, " and %u more"), n - cap);
}

/* How many of the regions below the row's a score reads is missing on a
 * region without regions of that level below it, and a missing score
 * counts 0 (docs/LANGUAGE.md §10).  A score is no share target, so the
 * target still covers such regions: `score 100 * value / total(city, x)`
 * on a target of the province and its cities scores every city 0. */
enum { BELOW_SHOWN = 3 };

/* A target's own score reading below at `sh` (through the formula named
 * `via`, or NULL): a warning at the level argument (or at via, with a note
 * at the call), naming the first regions the target covers without such
 * regions below, when some of them have some (when none does,
 * check_share_below's error says so). */
static void warn_score_below(S *s, const sema_target *mt, const ast_expr *sh, const ast_expr *via)
{
    uint32_t level = (uint32_t)sh->sema.index, ncov;
    const char *names[BELOW_SHOWN];
    uint32_t nout = covered_without_below(s, mt, level, names, BELOW_SHOWN, &ncov);
    if (nout == 0 || nout == ncov)
        return;
    char list[BELOW_SHOWN * 258 + 32];
    some_names(s, names, nout, BELOW_SHOWN, list, sizeof list);
    const ast_expr *lv = sh->u.call.args[0];
    diag_warning(s->d, WARN_SCORE_BELOW_MISSING, via ? via->sp : lv->sp, "this score reads the regions of level '%s' below the "
                 "row's, but %u of the regions target '%s' covers %s none below them (%s): its "
                 "score is missing there, which counts as 0", s->m->levels[level], nout, mt->name,
                 nout == 1 ? "has" : "have", list);
    if (via)
        diag_note(s->d, lv->sp, "the formula of '%s' reads them here", via->u.name.s);
    diag_hint(s->d, "scope the target to the regions with regions of level '%s' below them, or judge "
                    "the others by a target whose score does not read below", s->m->levels[level]);
}

/* The assessment's score reading below at `sh` (via as above): a warning
 * there naming the first targets it applies to (those without a score of
 * their own) that cover a region without such regions below. */
static void warn_assess_score_below(S *s, const sema_target *unused, const ast_expr *sh, const ast_expr *via)
{
    (void)unused;
    sema_model *m = s->m;
    uint32_t level = (uint32_t)sh->sema.index, n = 0;
    const char *names[BELOW_SHOWN];
    for (uint32_t t = 0; t < m->ntargets; t++) {
        const sema_target *mt = &m->targets[t];
        uint32_t ncov;
        const char *one;
        if (mt->score || mt->type == TY_ERROR || !covered_without_below(s, mt, level, &one, 1, &ncov))
            continue;
        if (n < BELOW_SHOWN)
            names[n] = mt->name;
        n++;
    }
    if (n == 0)
        return;
    char list[BELOW_SHOWN * 258 + 32];
    some_names(s, names, n, BELOW_SHOWN, list, sizeof list);
    const ast_expr *lv = sh->u.call.args[0];
    diag_warning(s->d, WARN_SCORE_BELOW_MISSING, via ? via->sp : lv->sp, "the assessment's score reads the regions of level '%s' "
                 "below the row's, but %u of the targets it scores (%s) cover regions with none below "
                 "them: their score is missing there, which counts as 0", m->levels[level], n, list);
    if (via)
        diag_note(s->d, lv->sp, "the formula of '%s' reads them here", via->u.name.s);
    diag_hint(s->d, "give those targets a score of their own, or scope them to the regions with regions "
                    "of level '%s' below them", m->levels[level]);
}

/* What check_below_calls does at each function over the regions below. */
typedef void below_visit(S *s, const sema_target *mt, const ast_expr *sh, const ast_expr *via);

/* A function over the regions below in a target's condition or goal:
 * check_share_below. */
static void visit_below(S *s, const sema_target *mt, const ast_expr *sh, const ast_expr *via)
{
    check_share_below(s, mt, sh, via);
}

/* ... in its own score: check_share_below, then warn_score_below. */
static void visit_score_below(S *s, const sema_target *mt, const ast_expr *sh, const ast_expr *via)
{
    check_share_below(s, mt, sh, via);
    warn_score_below(s, mt, sh, via);
}

/* Calls visit at every function over the regions below in e (see
 * share_call) whose level was resolved, once each; of a formula e names,
 * the first such call (ind_below), with the name as `via`. */
static void check_below_calls(S *s, const sema_target *mt, const ast_expr *e, int depth, below_visit *visit)
{
    if (!e || depth > AST_MAX_DEPTH)
        return;
    switch (e->kind) {
    case EX_NAME: {
        int i = formula_ind(s, e);
        const ast_expr *call = i >= 0 ? ind_below(s, (uint32_t)i) : NULL;
        if (call && call->sema.type != TY_ERROR)
            visit(s, mt, call, e);
        return;
    }
    case EX_UNARY:
        check_below_calls(s, mt, e->u.un.a, depth + 1, visit);
        return;
    case EX_BINARY:
        check_below_calls(s, mt, e->u.bin.a, depth + 1, visit);
        check_below_calls(s, mt, e->u.bin.b, depth + 1, visit);
        return;
    case EX_IF:
        check_below_calls(s, mt, e->u.cond.c, depth + 1, visit);
        check_below_calls(s, mt, e->u.cond.a, depth + 1, visit);
        check_below_calls(s, mt, e->u.cond.b, depth + 1, visit);
        return;
    case EX_CALL:
        if (is_below_call(e) && e->sema.type != TY_ERROR)
            visit(s, mt, e, NULL);
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            check_below_calls(s, mt, e->u.call.args[i], depth + 1, visit);
        return;
    default:
        return;
    }
}

/* Warns when a milestone's operator goes against the declared direction of
 * the indicator it measures (`劣五类 : %, lower` with `>= 5%`): the
 * operator decides, so an improvement would count as lagging. */
static void warn_against_direction(S *s, const sema_target *mt, const ast_milestone *ms)
{
    const ast_expr *e = mt->measured;
    if (mt->type != TY_NUM || e->kind != EX_NAME || e->sema.ref != REF_INDICATOR)
        return;
    const sema_indicator *ind = &s->m->inds[e->sema.index];
    bool up = ms->op == OP_GE || ms->op == OP_GT, down = ms->op == OP_LE || ms->op == OP_LT;
    if ((ind->dir == DIR_LOWER && up) || (ind->dir == DIR_HIGHER && down)) {
        diag_warning(s->d, WARN_GOAL_AGAINST_DIRECTION, ms->sp, "'%s' is declared '%s' (%s is better), but this goal asks for '%s'",
                     ind->name, ind->dir == DIR_LOWER ? "lower" : "higher",
                     tr(s, ind->dir == DIR_LOWER ? "less" : "more"), ast_opname(ms->op));
        diag_hint(s->d, "the goal's operator decides what is on track: a value moving %s counts as "
                        "improving here; check the operator or the indicator's direction",
                  tr(s, up ? "up" : "down"));
    }
}

/* The on-track direction of a milestone (docs/LANGUAGE.md §9 step 5). */
static ast_direction track_dir(S *s, const sema_target *mt, ast_op op)
{
    if (mt->type == TY_BOOL)
        return DIR_NONE;
    if (op == OP_GE || op == OP_GT)
        return DIR_HIGHER;
    if (op == OP_LE || op == OP_LT)
        return DIR_LOWER;
    const ast_expr *e = mt->measured;
    if (e->kind == EX_NAME && e->sema.ref == REF_INDICATOR)
        return s->m->inds[e->sema.index].dir;
    return DIR_NONE;
}

/* Whether a target that measures a value in `measured` is judged and
 * shown in the unit `goal` its first goal is written in instead: a ratio
 * of two amounts (unit 1, or a compound such as 万亩/亩) against a goal in
 * a named unit without dimension, `x / baseline(x) <= 86.5%`, is "86.5%"
 * to the reader, not 0.865 (docs/LANGUAGE.md §6). */
static bool ratio_in(S *s, const unit_t *measured, const unit_t *goal)
{
    return unit_is_dimensionless(measured) && (measured == s->m->units.one || measured->op != 0) &&
           unit_is_dimensionless(goal) && goal != s->m->units.one && goal->op == 0;
}

/* Checks one goal against the measured value.  A constant goal is returned
 * in the target's unit through *out; a goal that reads the data (a quota
 * column, `average(x)`) through *expr, with *out NaN.  The first goal of a
 * ratio may set the target's unit (ratio_in). */
static bool check_goal(S *s, sema_target *mt, ast_op op, ast_expr *g, bool first, double *out,
                       const ast_expr **expr)
{
    ectx c = {.mode = EM_GOAL, .what = "a goal"};
    *expr = NULL;
    if (!g || check_expr(s, g, &c) == TY_ERROR || mt->type == TY_ERROR)
        return false;
    bool data = c.nind > 0;
    if (mt->type == TY_BOOL || g->sema.type == TY_BOOL) {
        if ((int)mt->type != g->sema.type) {
            diag_error(s->d, g->sp, "cannot compare a %s with a %s goal",
                       tr(s, mt->type == TY_BOOL ? "yes/no value" : "number"),
                       tr(s, g->sema.type == TY_BOOL ? "yes/no" : "numeric"));
            return false;
        }
        if (op != OP_EQ && op != OP_NE) {
            diag_error(s->d, g->sp, "yes/no values cannot be ordered with '%s'; use '==' or '!='", ast_opname(op));
            return false;
        }
        if (data) {
            *out = NAN;
            *expr = g;
            return true;
        }
        bool ok = true;
        *out = const_eval(s, g, &ok);
        return ok;
    }
    /* a number alone is in the unit of what is measured (1 for a ratio,
     * even once a goal in % has made the target's unit %) */
    bool bare = is_bare(g);
    if (bare)
        adopt(g, mt->measured->sema.unit);
    if (!unit_same_dim(g->sema.unit, mt->unit)) {
        unit_mismatch(s, g->sp, "cannot compare '%s' with '%s'", g->sema.unit, mt->unit);
        return false;
    }
    if (first && ratio_in(s, mt->unit, g->sema.unit))
        mt->unit = g->sema.unit;
    if (data) {
        *out = NAN;
        *expr = g;
        return true;
    }
    bool ok = true;
    double v = const_eval(s, g, &ok);
    if (!ok)
        return false;
    /* `>= 0.15` on a % indicator is 0.15%, seldom what a table's 15% meant */
    if (bare && g->sema.unit == s->m->units.percent && v > 0 && v < 1) {
        diag_warning(s->d, WARN_PERCENT_AS_FRACTION, g->sp, "this goal is %s%%: a number alone is in the target's unit, %%",
                     numstr(s, v));
        diag_hint(s->d, "for %s%% write %s%%; write %s%% to keep this goal and silence the warning",
                  numstr(s, v * 100), numstr(s, v * 100), numstr(s, v));
    }
    *out = unit_convert(v, g->sema.unit, mt->unit);
    if (!isfinite(*out)) {
        diag_error(s->d, g->sp, "goal out of range");
        return false;
    }
    return true;
}

/* A unit as a message writes it after a number: nothing for the unit `1`
 * (a goal of 50 in 1 is "50", not "501"), else its name ("5万吨", "20%"). */
static const char *unit_after_number(const unit_t *u)
{
    return strcmp(unit_name(u), "1") == 0 ? "" : unit_name(u);
}

/* Checks the tolerance of a goal (`>= 20% tolerance 0.5%`, docs/LANGUAGE.md
 * §9): a constant of the goal's dimension, zero or more, on a numeric goal
 * compared with an ordering or '=='.  Returns it in the target's unit, NaN
 * when there is none or it is wrong.  `goal` is the constant goal in that
 * unit (NaN when read from the data), for the warning on a tolerance as
 * large as the goal. */
static double check_tolerance(S *s, sema_target *mt, const ast_milestone *ms, double goal)
{
    ast_expr *e = ms->tolerance;
    ectx c = {.mode = EM_CONST, .what = "a tolerance"};
    if (!e || check_expr(s, e, &c) == TY_ERROR || mt->type == TY_ERROR)
        return NAN;
    if (mt->type == TY_BOOL) {
        diag_error(s->d, e->sp, "a yes/no goal takes no tolerance: it is met or not");
        return NAN;
    }
    if (ms->op == OP_NE) {
        diag_error(s->d, e->sp, "a tolerance on a '!=' goal has no meaning");
        diag_hint(s->d, "a tolerance loosens '>=', '>', '<=', '<' by its amount and makes '==' a band "
                        "around the goal");
        return NAN;
    }
    if (e->sema.type != TY_NUM) {
        diag_error(s->d, e->sp, "a tolerance must be a number, not a yes/no value");
        return NAN;
    }
    bool bare = is_bare(e);
    if (bare) {
        /* on a % goal, 0.5 could be 0.5 points (a number alone takes the
         * unit of what is measured) or the fraction 50% (as `peaks ...
         * tolerance` reads it); a ratio's is in 1, as its bare goals are */
        const unit_t *mu = mt->measured->sema.unit;
        if (unit_is_dimensionless(mu) && unit_factor(mu, s->m->units.one) != 1) {
            bool ok = true;
            double v = const_eval(s, e, &ok);
            diag_error(s->d, e->sp, "a number alone is ambiguous as the tolerance of a goal in '%s'",
                       unit_name(mu));
            if (ok)
                diag_hint(s->d, "write '%s%s': a tolerance is an amount in the goal's unit (not a "
                                "fraction, as 'peaks ... tolerance' reads one)",
                          numstr(s, v), unit_name(mu));
            return NAN;
        }
        adopt(e, mu);
    }
    if (!unit_same_dim(e->sema.unit, mt->unit)) {
        unit_mismatch(s, e->sp, "a tolerance in '%s' on a goal in '%s'", e->sema.unit, mt->unit);
        return NAN;
    }
    bool ok = true;
    double v = const_eval(s, e, &ok);
    if (!ok)
        return NAN;
    if (v < 0) {
        diag_error(s->d, e->sp, "a tolerance must be zero or more, not %s", numstr(s, v));
        return NAN;
    }
    double t = unit_convert(v, e->sema.unit, mt->unit);
    if (!isfinite(t)) {
        diag_error(s->d, e->sp, "tolerance out of range");
        return NAN;
    }
    /* `>= 20% tolerance 20%` is met by any value of 0% or more */
    if (isfinite(goal) && goal != 0 && t >= fabs(goal)) {
        diag_warning(s->d, WARN_LARGE_TOLERANCE, e->sp, "the tolerance %s%s is as large as the goal %s%s itself",
                     numstr(s, t), unit_after_number(mt->unit), numstr(s, goal),
                     unit_after_number(mt->unit));
        diag_hint(s->d, "a tolerance is an amount in the goal's unit, not a share of the goal: "
                        "'20%%左右' is '>= 20%% tolerance 0.5%%'");
    }
    return t;
}

/* Checks a score expression in the context of values of unit u and type t;
 * the result must be a number without a dimension. */
static void check_score(S *s, ast_expr *e, const unit_t *u, sema_type t)
{
    ectx c = {.mode = EM_SCORE, .vunit = u, .vtype = t};
    if (!e || check_expr(s, e, &c) == TY_ERROR)
        return;
    if (e->sema.type != TY_NUM) {
        diag_error(s->d, e->sp, "a score must be a number, not a yes/no value");
        return;
    }
    if (!unit_is_dimensionless(e->sema.unit))
        diag_error(s->d, e->sp, "a score must be a number without a unit, not in '%s'",
                   unit_name(e->sema.unit));
}

/* The largest weight, and the inverse of the smallest non-zero one (the
 * message below says 1e-9 and 1e9). */
#define SEMA_MAX_WEIGHT 1e9

/* Sets the weight of a target, measure or section (owner, its index),
 * reporting a second one. */
static void set_weight(S *s, weightinfo *w, double *slot, ast_expr *e, const char *what, wowner owner,
                       uint32_t index)
{
    double v;
    if (!const_number(s, e, "a weight", &v))
        return;
    /* `weight section 一 = 19.3%` beside `section 二 = 16.5` gives 一 a
     * hundredth of what the table meant: kept for warn_unit_weights */
    double f = unit_factor(e->sema.unit, s->m->units.one);
    if (f != 1) {
        if (s->npct == s->cappct) {
            uint32_t cap = s->cappct ? 2 * s->cappct : 8;
            pctweight *grown = arena_alloc(s->a, cap * sizeof *grown);
            if (s->npct)
                memcpy(grown, s->pct, s->npct * sizeof *grown);
            s->pct = grown;
            s->cappct = cap;
        }
        s->pct[s->npct++] = (pctweight){.sp = e->sp, .what = what, .unit = unit_name(e->sema.unit),
                                        .written = f != 0 ? v / f : v, .v = v, .owner = owner, .index = index};
    }
    if (w->set) {
        diag_error(s->d, e->sp, "the weight of %s is given twice", what);
        diag_note(s->d, w->sp, "the first weight is here");
        return;
    }
    w->set = true;
    w->sp = e->sp;
    if (v < 0) {
        diag_error(s->d, e->sp, "weight %s is negative; weights must be zero or more", numstr(s, v));
        return;
    }
    /* Weights are relative; beyond these the weighted means overflow or
     * lose their digits. */
    if (v > SEMA_MAX_WEIGHT || (v > 0 && v < 1 / SEMA_MAX_WEIGHT)) {
        diag_error(s->d, e->sp, "weight %s is out of range; weights are relative: give them "
                                "between 1e-9 and 1e9 (or 0)", numstr(s, v));
        return;
    }
    *slot = v;
}

/* Target kinds as reported (ir_target.kind). */
static const char *const tkname[] = {
    [TG_THRESHOLD] = "threshold", [TG_COMPLETE] = "complete", [TG_RATED] = "rated",
    [TG_FALLS] = "falls", [TG_RISES] = "rises", [TG_PEAKS] = "peaks",
};

/* The first call of baseline(...) in e, or NULL. */
static const ast_expr *baseline_call(const ast_expr *e)
{
    const ast_expr *r = NULL;
    if (!e)
        return NULL;
    switch (e->kind) {
    case EX_CALL:
        if (e->u.call.fn.s && strcmp(e->u.call.fn.s, "baseline") == 0)
            return e;
        for (uint32_t i = 0; i < e->u.call.nargs && !r; i++)
            r = baseline_call(e->u.call.args[i]);
        return r;
    case EX_UNARY:
        return baseline_call(e->u.un.a);
    case EX_BINARY:
        r = baseline_call(e->u.bin.a);
        return r ? r : baseline_call(e->u.bin.b);
    case EX_IF:
        r = baseline_call(e->u.cond.c);
        r = r ? r : baseline_call(e->u.cond.a);
        return r ? r : baseline_call(e->u.cond.b);
    default:
        return NULL;
    }
}

/* A target whose text counts from a year ("比2020年下降13.5%", "较2020年")
 * other than the plan's baseline while its condition reads baseline(x),
 * the plan's baseline year: the phrase table's `x / baseline(x) <= 86.5%`
 * copied into a plan based on 2023 measures from 2023.  A warning at the
 * call, with at(x, YEAR) as the way on. */
static void check_baseline_text(S *s, const ast_target *t)
{
    if (!t->desc)
        return;
    int year = 0;
    char phrase[16] = "";
    for (const char *p = t->desc; *p && !year; p++) {
        if (strncmp(p, "比", strlen("比")) != 0 && strncmp(p, "较", strlen("较")) != 0)
            continue;
        const char *d = p + strlen("比"); /* 比 and 较 are both three bytes */
        if (d[0] >= '1' && d[0] <= '2' && d[1] >= '0' && d[1] <= '9' && d[2] >= '0' && d[2] <= '9' &&
            d[3] >= '0' && d[3] <= '9' && strncmp(d + 4, "年", strlen("年")) == 0) {
            year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
            snprintf(phrase, sizeof phrase, "%.*s", (int)(d + 4 + strlen("年") - p), p);
        }
    }
    if (!year || year == s->m->baseline)
        return;
    const ast_expr *call = baseline_call(t->measured);
    for (uint32_t k = 0; k < t->nms && !call; k++)
        call = baseline_call(t->ms[k].goal);
    if (!call)
        return;
    const ast_expr *arg = call->u.call.nargs == 1 ? call->u.call.args[0] : NULL;
    const char *x = arg && arg->kind == EX_NAME && arg->u.name.s ? arg->u.name.s : "x";
    diag_warning(s->d, WARN_BASELINE_YEAR, call->sp, "the target's text counts from %d ('%s'), but baseline(%s) reads the plan's "
                                 "baseline year %d", year, phrase, x, s->m->baseline);
    diag_hint(s->d, "to count from %d, read that year: 'at(%s, %d)' (the data then needs a row of %d)", year, x,
              year, year);
}

/* A target: what it measures, its goals and deadlines (converted into the
 * measured unit), its scope and attributes. */
static void check_target(S *s, uint32_t ti)
{
    sema_model *m = s->m;
    ast_target *t = s->ast_targets[ti];
    sema_target *mt = &m->targets[ti];
    const ast_measure *me = t->measure ? t->measure : s->ast_measures[mt->measure];
    mt->desc = t->desc;
    mt->note = t->note;
    mt->tk = t->kind;
    mt->redline = t->redline;
    mt->kind = t->redline ? "redline" : tkname[t->kind];
    mt->clause = clause_name(s, me ? me->id.s : NULL);
    mt->measured = t->measured;
    mt->veto = t->veto;
    mt->score = t->score;
    mt->y0 = m->baseline;
    if (t->has_baseline)
        check_target_baseline(s, mt, &t->baseline);
    check_baseline_text(s, t);

    /* what is measured */
    ectx c = {.mode = EM_PLAIN};
    mt->type = t->measured ? check_expr(s, t->measured, &c) : TY_ERROR;
    mt->unit = mt->type == TY_ERROR ? NULL : t->measured->sema.unit;
    if (mt->type != TY_ERROR && is_bare(t->measured)) {
        diag_error(s->d, t->measured->sp, "a target must measure an indicator, not a constant");
        mt->type = TY_ERROR;
    } else if (mt->type != TY_ERROR && c.nind == 0) {
        diag_error(s->d, t->measured->sp, "a target must measure an indicator");
        mt->type = TY_ERROR;
    }
    /* an override keeps the dimension of what the target measures */
    if (t->base && t->measured != t->base->measured && t->base->measured && mt->type != TY_ERROR) {
        ectx bc = {.mode = EM_PLAIN};
        ast_expr *bm = (ast_expr *)t->base->measured;
        /* the override replaced it: an indicator it reads that the
         * extending file drops is not used (its unit is then unknown) */
        s->base_probe = true;
        sema_type bt = check_expr(s, bm, &bc);
        s->base_probe = false;
        if (bt != TY_ERROR && (bt != mt->type || !unit_same_dim(bm->sema.unit, mt->unit))) {
            diag_error(s->d, t->measured->sp,
                       "the override of target '%s' measures a value in '%s', but the base's target measures one in '%s'",
                       mt->name, unit_name(mt->unit), unit_name(bm->sema.unit));
            diag_note(s->d, bm->sp, "the base's target measures this");
            diag_hint(s->d, "an override keeps the dimension of what a target measures; "
                            "to measure something else, drop the target and add a new one");
            mt->type = TY_ERROR;
        }
    }
    bool numeric_only = t->kind == TG_FALLS || t->kind == TG_RISES || t->kind == TG_PEAKS ||
                        t->kind == TG_RATED || t->kind == TG_COMPLETE;
    if (mt->type == TY_BOOL && numeric_only) {
        diag_error(s->d, t->measured->sp, "'%s' needs a number; '%s' is a yes/no value",
                   tkname[t->kind], mt->name);
        mt->type = TY_ERROR;
    }
    if (mt->type != TY_ERROR && t->kind == TG_COMPLETE && !unit_is_dimensionless(mt->unit)) {
        diag_error(s->d, t->measured->sp, "'complete' means '>= 100%%', but '%s' is in '%s'",
                   mt->name, unit_name(mt->unit));
        mt->type = TY_ERROR;
    }

    /* red lines are thresholds that hold every year */
    if (t->redline) {
        if (t->kind != TG_THRESHOLD)
            diag_error(s->d, t->sp, "a red line must be a threshold ('X >= GOAL'), not '%s'", tkname[t->kind]);
        else if (t->nms != 1)
            diag_error(s->d, t->sp, "a red line takes exactly one goal, not %u: it holds every year", t->nms);
        else if (t->ms[0].has_by)
            diag_error(s->d, t->ms[0].by.sp, "a red line holds every year; remove the deadline");
    }

    /* goals and deadlines */
    if (t->kind == TG_THRESHOLD || t->kind == TG_RATED || t->kind == TG_COMPLETE) {
        uint32_t n = t->nms;
        mt->ms = arena_alloc(s->a, (n + 1) * sizeof *mt->ms);
        if (t->kind == TG_COMPLETE) {
            /* complete X [tolerance T] [by Y] == X >= 100% [tolerance T] [by Y] */
            mt->ms[0].op = OP_GE;
            mt->ms[0].tolerance = NAN;
            if (mt->type == TY_NUM && ratio_in(s, mt->unit, m->units.percent))
                mt->unit = m->units.percent;
            mt->ms[0].goal = mt->type == TY_NUM ? unit_convert(100, m->units.percent, mt->unit) : 0;
            if (n > 0 && t->ms[0].tolerance)
                mt->ms[0].tolerance = check_tolerance(s, mt, &t->ms[0], mt->ms[0].goal);
            if (n > 0 && t->ms[0].has_by)
                mt->ms[0].deadline = check_deadline(s, mt, &t->ms[0].by);
            mt->ms[0].track = DIR_HIGHER;
            mt->nms = 1;
        } else {
            /* the grammar gives a threshold one goal, or milestones each
             * with 'by' (an override's condition is parsed the same way) */
            assert(n > 0);
            int prev = 0;
            span prev_sp = t->sp;
            for (uint32_t k = 0; k < n; k++) {
                ast_milestone *ms = &t->ms[k];
                sema_milestone *o = &mt->ms[k];
                o->op = ms->op;
                o->tolerance = NAN;
                if (check_goal(s, mt, ms->op, ms->goal, k == 0, &o->goal, &o->goal_expr) && ms->tolerance)
                    o->tolerance = check_tolerance(s, mt, ms, o->goal);
                if (ms->has_by) {
                    o->deadline = check_deadline(s, mt, &ms->by);
                    if (o->deadline && prev && o->deadline <= prev) {
                        diag_error(s->d, ms->by.sp, "milestone deadlines must increase: %d is not after %d",
                                   o->deadline, prev);
                        diag_note(s->d, prev_sp, "the previous milestone is here");
                    }
                    if (o->deadline) {
                        prev = o->deadline;
                        prev_sp = ms->by.sp;
                    }
                } else {
                    assert(n == 1);
                }
                if (mt->type != TY_ERROR) {
                    o->track = track_dir(s, mt, ms->op);
                    if (k == 0)
                        warn_against_direction(s, mt, ms);
                }
            }
            mt->nms = n;
        }
    } else if (t->kind == TG_PEAKS) {
        if (t->has_peak_by)
            mt->peak_by = check_deadline(s, mt, &t->peak_by);
        if (t->tolerance) {
            double v;
            if (const_number(s, t->tolerance, "a tolerance", &v)) {
                /* the tolerance is a share of the previous year's value,
                 * shown as a percentage (explain, diff): one that no
                 * percentage can show (1e308 is 1e310%) is refused, as a
                 * goal's tolerance beyond the largest number is */
                bool shown = isfinite(v * 100);
                if (v < 0)
                    diag_error(s->d, t->tolerance->sp, "a tolerance must be zero or more");
                else if (!shown)
                    diag_error(s->d, t->tolerance->sp, "tolerance %s out of range: a peak's "
                               "tolerance is a share of the previous year's value (1%% is 0.01), "
                               "and as a percentage this one is beyond the largest number",
                               numstr(s, v));
                else
                    mt->tolerance = v;
                /* `tolerance 1` is a fraction: 100%, hardly what was meant */
                if (shown && v >= 1 && t->tolerance->sema.unit == s->m->units.one)
                    diag_warning(s->d, WARN_TOLERANCE_PERCENT, t->tolerance->sp,
                                 "a tolerance of %g is %g%% of the previous year's value; for %g "
                                 "percent write %g%%", v, v * 100, v, v);
            }
        }
    }

    /* scope */
    check_scope(s, mt, &t->scope);
    /* a share target (docs/LANGUAGE.md §6) reads the regions below by what
     * it measures or by a goal (`上限 >= total(city, 用水量)`, `x <=
     * average(city, x)`): unscoped, either covers the regions with that
     * level below them, as lower.c judges either on a parent's added row */
    const ast_expr *below = mt->type != TY_ERROR ? share_call(s, t->measured, 0) : NULL;
    for (uint32_t k = 0; !below && mt->type != TY_ERROR && k < t->nms; k++)
        below = share_call(s, t->ms[k].goal, 0);
    if (below && !mt->scoped)
        share_scope(s, mt, (uint32_t)below->sema.index);

    /* attributes */
    if (t->weight)
        set_weight(s, &s->wt[ti], &mt->weight, t->weight, arena_printf(s->a, tr(s, "target '%s'"), mt->name),
                   W_TARGET, ti);
    if (t->score && mt->type != TY_ERROR)
        check_score(s, t->score, mt->unit, mt->type);
    /* every function over the regions below, in what is measured, the
     * goals and the score, must find some below the target's regions
     * (docs/LANGUAGE.md §7); a written scope that covers none is an
     * error of its own */
    if (mt->type != TY_ERROR && (!t->scope.only.n || mt->nscope > 0)) {
        check_below_calls(s, mt, t->measured, 0, visit_below);
        for (uint32_t k = 0; k < t->nms; k++)
            check_below_calls(s, mt, t->ms[k].goal, 0, visit_below);
        check_below_calls(s, mt, t->score, 0, visit_score_below);
    }
    if (t->clause.s) {
        const sym *y = find(s, K_MEASURE, t->clause);
        if (!y) {
            const char *why = dropped_why(s, K_MEASURE, t->clause.s);
            diag_error(s->d, t->clause.sp, "undefined clause (%s)%s", t->clause.s,
                       *why ? why : tr(s, ": no measure has this id"));
            if (!dropped_note(s, K_MEASURE, t->clause.s))
                suggest(s, 1u << K_MEASURE, NULL, t->clause.s);
        }
        mt->clause = clause_name(s, t->clause.s);
    }
}

/* A measure: its agencies, then its targets. */
static void check_measure(S *s, uint32_t mi)
{
    const ast_measure *me = s->ast_measures[mi];
    sema_measure *mm = &s->m->measures[mi];
    if (me->weight)
        set_weight(s, &s->wm[mi], &mm->weight, me->weight,
                   arena_printf(s->a, tr(s, "measure (%s)"), me->id.s ? me->id.s : "?"), W_MEASURE, mi);
    /* A shared measure's accountable agencies are those that share the
     * work (按照职责分工负责); they take the place of a lead. */
    mm->shared = me->has_shared;
    const ast_names *leads = me->has_shared && me->lead.n == 0 ? &me->shared : &me->lead;
    mm->lead = agencies(s, me, leads, NULL, &mm->nlead);
    mm->responsible = agencies(s, me, &me->responsible, leads, &mm->nresponsible);
    /* A measure may name no agency at all (the plan's own 主要目标 names
     * none); it may not have both a lead and shared responsibility. */
    if (me->lead.n > 0 && me->has_shared)
        diag_error(s->d, me->shared.n ? me->shared.v[0].sp : me->sp,
                   "measure %s has both 'lead' and 'shared'; a measure has one or the other", mm->id);
    for (uint32_t k = 0; k < mm->ntargets; k++) {
        const sema_target *t = &s->m->targets[mm->targets[k]];
        const char *kind = s->ast_targets[mm->targets[k]]->redline ? "redline" : "target";
        s->user = arena_printf(s->a, tr(s, "%s '%s' of %s"),
                               tr(s, s->ast_targets[mm->targets[k]]->redline ? "red line" : "target"), t->name, mm->id);
        const char *old = renamed_from(s, t->name);
        s->user_hint = old ? arena_printf(s->a, tr(s, "give it a condition without it in the override that renames it "
                                                      "('override %s %s as %s : ...'), or leave out the rename and "
                                                      "drop target '%s' too"), kind, old, t->name, old)
                           : arena_printf(s->a, tr(s, "drop it too ('drop target %s'), or override its condition "
                                                      "('override %s %s : ...')"), t->name, kind, t->name);
        check_target(s, mm->targets[k]);
        s->user = NULL;
    }
}

/* Whether the name n is a unit some file of the program declares, or a
 * built-in one; says nothing either way. */
static bool unit_named(S *s, ast_name n)
{
    static const char *const builtins[] = {"1", "%", "‰", "bool"};
    if (!n.s || n.qual || unit_builtin(&s->m->units, n.s))
        return true;
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(n.s, builtins[i]) == 0)
            return true;
    for (uint32_t j = 0; j < s->nmods; j++)
        if (tab_find(vtab(s, K_UNIT, j), n.s))
            return true;
    return false;
}

/* `grade 优秀 >= 90, 良好 >= 80 不合格`: the last band b of assessment d
 * has a bound whose "unit" is a single name no file declares, apart
 * from the number (`80分` is a unit written to a score), so the
 * bands most likely lack the ',' before that name, the last band (the
 * parser reads `80 不合格` as a number and its unit, and band_comma_missing
 * in parser.y sees only a '>=' or a string after it).  Reported as the
 * missing ',' at the name, with the bands written so, instead of "remove
 * the bound" of '良好', which would drop the band.  Whether it was. */
static bool band_after_bound(S *s, const ast_decl *d, const ast_band *b)
{
    const ast_unit *u = b->min && b->min->kind == EX_NUM ? b->min->u.num.unit : NULL;
    char gap[8] = "";
    if (!u || u->kind != UX_NAME || u->sp.lo == 0 || unit_named(s, u->u.name) ||
        !diag_span_text(s->d, (span){u->sp.file, u->sp.lo - 1, u->sp.lo}, gap, sizeof gap) ||
        gap[0] != '\0') /* the text between, a space, is shown as nothing */
        return false;
    diag_error(s->d, u->sp, "missing ',' before the grade band '%s'", u->u.name.s);
    span gs = d->u.assess.grade_sp;
    char form[512];
    if (gs.hi && gs.file == u->sp.file && gs.lo < u->sp.lo &&
        diag_span_text(s->d, (span){gs.file, gs.lo, u->sp.lo}, form, sizeof form)) {
        size_t len = strlen(form);
        while (len > 0 && (form[len - 1] == ' ' || form[len - 1] == '\t'))
            form[--len] = '\0';
        snprintf(form + len, sizeof form - len, ", %s", u->u.name.s);
        diag_hint(s->d, "grade bands are separated by ',': '%s'", form);
    }
    return true;
}

/* The assessment: missing-data policy, default score, weights, vetoes and
 * grade bands. */
static void check_assessment(S *s)
{
    sema_model *m = s->m;
    const ast_decl *d = s->assess;
    m->has_assessment = true;
    m->assessment = d->u.assess.name.s;
    m->missing = d->u.assess.missing;
    span name_sp = d->u.assess.name.s ? d->u.assess.name.sp : d->sp;
    if (d->u.assess.missing == MISSING_UNSET && !d->u.assess.missing_lost)
        diag_error(s->d, name_sp,
                   "assessment '%s' has no missing-data policy; add 'missing zero', 'missing reweight' or 'missing error'",
                   m->assessment ? m->assessment : "?");
    if (d->u.assess.score) {
        m->score = d->u.assess.score;
        check_score(s, d->u.assess.score, m->generic, TY_NUM);
    }
    for (uint32_t k = 0; k < d->u.assess.nweights; k++) {
        const ast_weight *w = &d->u.assess.weights[k];
        if (!w->what.s)
            continue;
        const sym *y;
        switch (w->kind) {
        case WK_SECTION:
            if ((y = lookup(s, K_SECTION, w->what)))
                set_weight(s, &s->ws[y->index], &m->sections[y->index].weight, w->value,
                           arena_printf(s->a, tr(s, "section '%s'"), w->what.s), W_SECTION, y->index);
            break;
        case WK_MEASURE:
            y = find(s, K_MEASURE, w->what);
            if (!y) {
                diag_error(s->d, w->what.sp, "undefined measure (%s)%s", w->what.s,
                           dropped_why(s, K_MEASURE, w->what.s));
                if (!dropped_note(s, K_MEASURE, w->what.s) && !other_name_note(s, K_MEASURE, w->what.s))
                    suggest(s, 1u << K_MEASURE, NULL, w->what.s);
            } else {
                set_weight(s, &s->wm[y->index], &m->measures[y->index].weight, w->value,
                           arena_printf(s->a, tr(s, "measure (%s)"), w->what.s), W_MEASURE, y->index);
            }
            break;
        case WK_TARGET:
            if ((y = lookup(s, K_TARGET, w->what)))
                set_weight(s, &s->wt[y->index], &m->targets[y->index].weight, w->value,
                           arena_printf(s->a, tr(s, "target '%s'"), w->what.s), W_TARGET, y->index);
            break;
        }
    }
    if (d->u.assess.veto_redlines)
        for (uint32_t t = 0; t < m->ntargets; t++)
            if (m->targets[t].redline)
                m->targets[t].veto = true;
    for (uint32_t k = 0; k < d->u.assess.veto.n; k++) {
        const sym *y = lookup(s, K_TARGET, d->u.assess.veto.v[k]);
        if (y)
            m->targets[y->index].veto = true;
    }
    uint32_t nb = d->u.assess.nbands;
    m->bands = arena_alloc(s->a, (nb + 1) * sizeof *m->bands);
    m->band_min = arena_alloc(s->a, (nb + 1) * sizeof *m->band_min);
    symtab names = {0};
    bool prev_read = false; /* the band before has a bound that was read */
    for (uint32_t k = 0; k < nb; k++) {
        const ast_band *b = &d->u.assess.bands[k];
        bool read = prev_read;
        prev_read = false;
        const char *bn = b->name.s ? b->name.s : "?";
        m->bands[k] = bn;
        if (b->name.s) {
            const sym *old = tab_add(s->a, &names, b->name.s, b->name.sp, k);
            if (old) {
                diag_error(s->d, b->name.sp, "duplicate grade '%s'", bn);
                diag_note(s->d, old->sp, "'%s' was first declared here", bn);
            }
        }
        bool last = k + 1 == nb;
        if (last && b->has_min && band_after_bound(s, d, b))
            continue;
        if (last && b->has_min) {
            diag_error(s->d, b->sp, "the last grade '%s' takes every score below the others; remove its bound", bn);
            /* the bands as they should read: the user's text up to the
             * last band's name */
            span gs = d->u.assess.grade_sp;
            char form[512];
            bool bounded = true; /* else the form shown would be wrong there */
            for (uint32_t j = 0; j < k; j++)
                bounded &= d->u.assess.bands[j].has_min;
            if (bounded && gs.hi && gs.file == b->name.sp.file && gs.lo < b->name.sp.lo &&
                diag_span_text(s->d, (span){gs.file, gs.lo, b->name.sp.hi}, form, sizeof form))
                diag_hint(s->d, "write '%s'", form);
            continue;
        }
        if (!last && !b->has_min) {
            diag_error(s->d, b->sp, "grade '%s' needs a bound ('%s >= SCORE'); only the last grade has none", bn, bn);
            continue;
        }
        if (last)
            continue;
        double v;
        if (!const_number(s, b->min, "a grade bound", &v)) {
            /* `优秀 >= 90分`: the next band is not compared with a bound
             * that was not read (it is not 0) */
            if (b->min && b->min->kind == EX_NUM && b->min->u.num.unit)
                diag_hint(s->d, "a grade's bound is a score from 0 to 100, written without a unit: '%s >= %s'",
                          bn, numstr(s, b->min->u.num.v));
            continue;
        }
        m->band_min[k] = v;
        prev_read = true;
        if (v < 0 || v > 100)
            diag_error(s->d, b->min->sp, "grade bound %s is outside the scores 0..100", numstr(s, v));
        else if (k > 0 && read && v >= m->band_min[k - 1])
            diag_error(s->d, b->min->sp, "grades go best first: '%s' (>= %s) must be below '%s' (>= %s)",
                       bn, numstr(s, v), m->bands[k - 1], numstr(s, m->band_min[k - 1]));
    }
    m->nbands = nb;
}

/* Pass 3: each declaration in source order. */
static void pass_check(S *s)
{
    uint32_t ii = 0, si = 0, mi = 0, ro = 0;
    for (uint32_t i = 0; i < s->prog->ndecls; i++) {
        const ast_decl *d = s->prog->decls[i];
        switch (d->kind) {
        case D_REGION: {
            /* a declaration whose every name is a duplicate declares
             * nothing: its duplicate error is all that is said of it */
            bool any = false;
            for (uint32_t k = 0; k < d->u.region.names.n; k++)
                any |= s->rslot[ro + k] >= 0;
            ro += d->u.region.names.n;
            if (any)
                check_region_decl(s, d);
            break;
        }
        case D_INDICATOR:
            s->user = arena_printf(s->a, tr(s, "indicator '%s'"), s->m->inds[ii].name);
            s->user_hint = arena_printf(s->a, tr(s, "drop indicator '%s' too, or override its formula "
                                                    "('override indicator %s, formula ...')"),
                                        s->m->inds[ii].name, s->m->inds[ii].name);
            check_indicator(s, ii++);
            s->user = NULL;
            break;
        case D_SECTION:
            if (!d->u.section)
                break;
            if (d->u.section->weight)
                set_weight(s, &s->ws[si], &s->m->sections[si].weight, d->u.section->weight,
                           arena_printf(s->a, tr(s, "section '%s'"), s->m->sections[si].id), W_SECTION, si);
            for (uint32_t k = 0; k < s->m->sections[si].nmeasures; k++)
                check_measure(s, mi++);
            si++;
            break;
        case D_ASSESSMENT:
            if (d == s->assess) {
                const char *an = d->u.assess.name.s ? d->u.assess.name.s : "?";
                s->user = arena_printf(s->a, tr(s, "assessment '%s'"), an);
                s->user_hint = arena_printf(s->a, tr(s, "give the assessment another score "
                                                        "('override assessment %s { score ... }')"), an);
                check_assessment(s);
                s->user = NULL;
            }
            break;
        default:
            break;
        }
    }
}

/* The bit of level lv in a mask of levels; the levels past the 63rd share
 * the last bit (a mask then says "some level", enough to leave a warning
 * out). */
static uint64_t level_bit(int64_t lv)
{
    return (uint64_t)1 << (lv >= 0 && lv < 63 ? lv : 63);
}

/* What an expression reads of other regions' rows, for the warning on
 * regions no target applies to.  A function over the regions below
 * (is_below_call: share, total, or lowest / highest / average with a
 * level) adds its level's bit to *below.  A peer function (lowest /
 * highest / average of the row's level) written in the target's own
 * condition or score ranges over the regions the target covers (§7),
 * which have a role already, and adds nothing; in an indicator's formula
 * or inside a function over the regions below it ranges over every
 * region of the level it is read at (§7): that level's bit in *peers, or
 * READS_PEERS when that is the level of the target's own rows (at < 0).
 * Formulas are walked once per target and level (seen, seenat). */
enum { READS_PEERS = 1 };
typedef struct {
    uint32_t *seen;    /* per indicator: the stamp of the target that walked it */
    uint64_t *seenat;  /* per indicator: the levels it was walked at (bit 63: the target's rows) */
    uint32_t stamp;
    uint64_t below;    /* levels read below */
    uint64_t peers;    /* levels whose every region is read as peers */
} rowsread;
static unsigned rows_read(S *s, const ast_expr *e, rowsread *rr, int64_t at, bool every, int depth)
{
    if (!e || depth > MAX_DEPTH)
        return 0;
    switch (e->kind) {
    case EX_NAME: {
        int i = formula_ind(s, e);
        uint64_t bit = at < 0 ? level_bit(63) : level_bit(at);
        if (i < 0)
            return 0;
        if (rr->seen[i] != rr->stamp) {
            rr->seen[i] = rr->stamp;
            rr->seenat[i] = 0;
        }
        if (rr->seenat[i] & bit)
            return 0;
        rr->seenat[i] |= bit;
        return rows_read(s, s->ii[i].d->u.ind.formula, rr, at, true, depth + 1);
    }
    case EX_UNARY:
        return rows_read(s, e->u.un.a, rr, at, every, depth + 1);
    case EX_BINARY:
        return rows_read(s, e->u.bin.a, rr, at, every, depth + 1) |
               rows_read(s, e->u.bin.b, rr, at, every, depth + 1);
    case EX_IF:
        return rows_read(s, e->u.cond.c, rr, at, every, depth + 1) |
               rows_read(s, e->u.cond.a, rr, at, every, depth + 1) |
               rows_read(s, e->u.cond.b, rr, at, every, depth + 1);
    case EX_CALL: {
        sema_ref f = e->sema.ref;
        unsigned r = 0;
        if (is_below_call(e)) {
            /* its arguments are read on the rows of its level */
            rr->below |= level_bit(e->sema.index);
            at = e->sema.index;
            every = true;
        } else if (f == FN_PARENT) {
            /* read on the parent's row, which the target does not cover */
            every = true;
        } else if ((f == FN_LOWEST || f == FN_HIGHEST || f == FN_AVERAGE) && every) {
            if (at < 0)
                r = READS_PEERS;
            else
                rr->peers |= level_bit(at);
        }
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            r |= rows_read(s, e->u.call.args[i], rr, at, every, depth + 1);
        return r;
    }
    default:
        return 0;
    }
}

/* rows_read of what target t measures, its goals and its score. */
static unsigned target_rows_read(S *s, const ast_target *t, rowsread *rr)
{
    unsigned r = rows_read(s, t->measured, rr, -1, false, 0) | rows_read(s, t->score, rr, -1, false, 0);
    for (uint32_t k = 0; k < t->nms; k++)
        r |= rows_read(s, t->ms[k].goal, rr, -1, false, 0);
    return r;
}

/* Regions that no target applies to: every target's scope leaves them
 * out, so their rows are judged on nothing (all not_applicable), which is
 * rarely meant (a region declared at a level no target names: an
 * autonomous prefecture at a level of its own beside `for city`).  A
 * warning at the region's declaration, one per level (the first
 * REGIONS_SHOWN named), with a hint.  Not a region with a role all the
 * same: a regional group or a member of one, a region below one that a
 * target reading the regions below covers (share, total,
 * average(LEVEL, x), ...: its rows are counted there), one at the level
 * of one that a target reading its peers covers (average(x), ...), or a
 * parent of regions with a role (the hierarchy, its roll-ups, the rows
 * planc adds for share targets).  Not after an error (a scope may be
 * wrong because of it). */
static void warn_untargeted_regions(S *s)
{
    enum { REGIONS_SHOWN = 8 };
    sema_model *m = s->m;
    if (s->d->nerrors || m->nregions == 0 || m->ntargets == 0)
        return;
    for (uint32_t i = 0; i < m->ntargets; i++)
        if (!m->targets[i].scoped)
            return; /* a target of every region: nothing to allocate for */
    bool *covered = arena_alloc(s->a, (m->nregions + 1) * sizeof *covered);
    uint64_t *read_below = arena_alloc(s->a, (m->nregions + 1) * sizeof *read_below); /* levels */
    bool *role = arena_alloc(s->a, (m->nregions + 1) * sizeof *role);
    bool *peer_level = arena_alloc(s->a, (m->nlevels + 1) * sizeof *peer_level);
    rowsread rr = {.seen = arena_alloc(s->a, (m->ninds + 1) * sizeof *rr.seen),
                   .seenat = arena_alloc(s->a, (m->ninds + 1) * sizeof *rr.seenat)};
    for (uint32_t i = 0; i < m->ntargets; i++) {
        const sema_target *t = &m->targets[i];
        rr.stamp = i + 1;
        rr.below = 0;
        unsigned reads = t->ast ? target_rows_read(s, t->ast, &rr) : 0;
        for (uint32_t k = 0; k < t->nscope; k++) {
            uint32_t r = t->scope[k];
            covered[r] = true;
            read_below[r] |= rr.below;
            if ((reads & READS_PEERS) && m->regions[r].level < m->nlevels)
                peer_level[m->regions[r].level] = true;
        }
    }
    /* the levels some formula or function over the regions below reads
     * every region of as peers */
    for (uint32_t lv = 0; lv < m->nlevels; lv++)
        if (rr.peers & level_bit(lv))
            peer_level[lv] = true;
    const uint32_t *order = level_order(s);
    /* down the hierarchy: the levels that targets of the regions above
     * (through a parent or a group holding it) read below them; a region
     * at one of them is counted there */
    uint64_t *above = arena_alloc(s->a, (m->nregions + 1) * sizeof *above);
    bool *fed = arena_alloc(s->a, (m->nregions + 1) * sizeof *fed);
    for (uint32_t i = 0; i < m->nregions; i++) {
        uint32_t r = order[i];
        const sema_region *x = &m->regions[r];
        if (x->parent >= 0)
            above[r] |= read_below[x->parent] | above[x->parent];
        for (uint32_t k = 0; k < x->ngroups; k++)
            above[r] |= read_below[x->groups[k]] | above[x->groups[k]];
        fed[r] = (above[r] & (level_bit(x->level) | level_bit(63))) != 0;
    }
    /* up the hierarchy: a role of its own, or a parent of regions with one */
    for (uint32_t i = m->nregions; i-- > 0;) {
        uint32_t r = order[i];
        const sema_region *x = &m->regions[r];
        role[r] = role[r] || covered[r] || fed[r] || x->is_group || x->ngroups ||
                  (x->level < m->nlevels && peer_level[x->level]);
        if (role[r])
            flag_holders(m, r, role);
    }
    uint32_t *left = arena_alloc(s->a, (m->nregions + 1) * sizeof *left);
    uint32_t nleft = 0;
    for (uint32_t r = 0; r < m->nregions; r++)
        if (!role[r])
            left[nleft++] = r;
    /* one warning per level, in the order of the regions */
    bool *told = arena_alloc(s->a, (m->nlevels + 1) * sizeof *told);
    for (uint32_t i = 0; i < nleft; i++) {
        const sema_region *x = &m->regions[left[i]];
        uint32_t lv = x->level;
        if (lv < m->nlevels && told[lv])
            continue;
        uint32_t n = 0;
        for (uint32_t j = i; j < nleft; j++)
            n += m->regions[left[j]].level == lv;
        const char *lname = lv < m->nlevels ? m->levels[lv] : "?";
        if (n == 1) {
            diag_warning(s->d, WARN_UNTARGETED_REGION, x->sp, "no target applies to region '%s': every target's scope leaves it "
                                      "out, so its rows are judged on nothing", x->name);
        } else {
            size_t len = 1;
            uint32_t shown = 0;
            for (uint32_t j = i; j < nleft && shown < REGIONS_SHOWN; j++)
                if (m->regions[left[j]].level == lv) {
                    len += strlen(m->regions[left[j]].name) + 10; /* “”、 in Chinese */
                    shown++;
                }
            char *names = arena_alloc(s->a, len), *at = names;
            shown = 0;
            for (uint32_t j = i; j < nleft && shown < REGIONS_SHOWN; j++)
                if (m->regions[left[j]].level == lv)
                    at += sprintf(at, tr(s, "%s'%s'"), shown++ ? tr(s, ", ") : "", m->regions[left[j]].name);
            diag_warning(s->d, WARN_UNTARGETED_REGION, x->sp, "no target applies to %u regions of level '%s' (%s%s): every "
                                      "target's scope leaves them out, so their rows are judged on nothing",
                         n, lname, names, n > shown ? tr(s, ", ...") : "");
        }
        if (n == 1)
            diag_hint(s->d, "give a target that covers it ('for %s', or its level '%s' in a target's "
                            "'for'), declare it at a level the targets name, or drop it if the plan does "
                            "not judge it", x->name, lname);
        else
            diag_hint(s->d, "give a target that covers them (their level '%s' in a target's 'for'), "
                            "declare them at a level the targets name, or drop them if the plan does "
                            "not judge them", lname);
        if (lv < m->nlevels)
            told[lv] = true;
    }
}

/* True when target t is a base's, as declared there or overridden by the
 * extending file, module `own` (not one that file adds). */
static bool of_base(const S *s, const sema_target *t, uint32_t own)
{
    if (t->origin)
        return t->origin->kind != ORIGIN_ADDED;
    return mod_of(s, t->sp) != own;
}

/* A level an extending file adds to its base's (`levels province, city,
 * county` on a base of `province, city`) brings its regions under every
 * target of the base without a scope: such a target covers every region,
 * so the counties are judged on all the province's general goals, which
 * the base wrote for its province and cities.  That may be meant or not;
 * it is silent otherwise, so one warning per added level that has
 * regions, at the level in the `levels` list, naming the targets (the
 * first TARGETS_SHOWN) and the regions, with a note at the first target
 * and the scope that leaves them out (an override that gives no scope
 * keeps the base's).  Targets the extending file adds are its author's,
 * written for its levels: they draw none.  Not after an
 * error. */
static void warn_added_level_targets(S *s)
{
    enum { TARGETS_SHOWN = 6, REGIONS_SHOWN = 8 };
    sema_model *m = s->m;
    const ast_decl *lv = s->levels;
    if (s->d->nerrors || !lv || !lv->u.levels.added || lv->u.levels.names.n != m->nlevels)
        return;
    uint32_t own = mod_of(s, lv->sp);
    size_t blen = 1;
    for (uint32_t k = 0; k < m->nlevels; k++)
        blen += strlen(m->levels[k]) + 4;
    char *baselv = arena_alloc(s->a, blen), *bat = baselv;
    for (uint32_t k = 0; k < m->nlevels; k++)
        if (!lv->u.levels.added[k])
            bat += sprintf(bat, "%s%s", bat > baselv ? ", " : "", m->levels[k]);
    for (uint32_t k = 0; k < m->nlevels; k++) {
        if (!lv->u.levels.added[k])
            continue;
        uint32_t nreg = 0, ntg = 0;
        size_t rlen = 1, tlen = 1;
        for (uint32_t r = 0; r < m->nregions; r++)
            if (m->regions[r].level == k && nreg++ < REGIONS_SHOWN)
                rlen += strlen(m->regions[r].name) + 10;
        const sema_target *first = NULL;
        for (uint32_t i = 0; i < m->ntargets; i++) {
            const sema_target *t = &m->targets[i];
            if (t->scoped || !of_base(s, t, own))
                continue;
            /* the note and hint name one the file has not overridden:
             * 'override ... for' is then the whole fix */
            if (!first || (first->origin && !t->origin))
                first = t;
            if (ntg++ < TARGETS_SHOWN)
                tlen += strlen(t->name) + 10;
        }
        if (nreg == 0 || ntg == 0)
            continue;
        char *regs = arena_alloc(s->a, rlen), *rat = regs;
        uint32_t shown = 0;
        for (uint32_t r = 0; r < m->nregions && shown < REGIONS_SHOWN; r++)
            if (m->regions[r].level == k)
                rat += sprintf(rat, tr(s, "%s'%s'"), shown++ ? tr(s, ", ") : "", m->regions[r].name);
        char *tgs = arena_alloc(s->a, tlen), *tat = tgs;
        shown = 0;
        for (uint32_t i = 0; i < m->ntargets && shown < TARGETS_SHOWN; i++) {
            const sema_target *t = &m->targets[i];
            if (!t->scoped && of_base(s, t, own))
                tat += sprintf(tat, tr(s, "%s'%s'"), shown++ ? tr(s, ", ") : "", t->name);
        }
        diag_warning(s->d, WARN_SCOPE_WIDENED, lv->u.levels.names.v[k].sp,
                     "the regions of the added level '%s' (%s%s) are judged on every target of the base that has "
                     "no scope, as every region is: %s%s (%u in all)",
                     m->levels[k], regs, nreg > REGIONS_SHOWN ? tr(s, ", ...") : "", tgs,
                     ntg > TARGETS_SHOWN ? tr(s, ", ...") : "", ntg);
        diag_note(s->d, first->sp, "target '%s' has no scope: it covers every region", first->name);
        if (first->origin)
            diag_hint(s->d, "where one of them does not hold for the '%s' regions, give it the levels it holds "
                            "for in its override ('for %s' there), or drop it",
                      m->levels[k], baselv);
        else
            diag_hint(s->d, "where one of them does not hold for the '%s' regions, give it the levels it holds "
                            "for ('override %s %s for %s'), or drop it",
                      m->levels[k], first->redline ? "redline" : "target", first->name, baselv);
        diag_hint(s->d, "to give every one of them the base's levels at once: 'override targets for %s'", baselv);
    }
}

/* `override targets for SCOPE` whose scope covers every region of the
 * program (the file adds no level below the base's, or adds one with no
 * region, and names every level): it gives the base's targets a scope
 * that leaves out nothing, so it changes nothing, though it reads as if
 * it did.  A warning at its scope; the scope was worked out (and
 * remembered, check_scope) for the targets it rescoped.  Not after an
 * error. */
static void warn_rescope_all(S *s)
{
    for (uint32_t i = 0; !s->d->nerrors && i < s->prog->nrescopes; i++) {
        const ast_scope *sc = &s->prog->rescopes[i]->u.over.scope;
        char *key = scope_key(s, sc);
        const scope_memo *memo = key ? namemap_get(&s->scopes, key) : NULL;
        if (!memo || memo->n != s->m->nregions)
            continue;
        diag_warning(s->d, WARN_EDIT_CHANGES_NOTHING, sc->sp,
                     "this 'override targets' changes nothing: its scope covers every region of the program, as "
                     "a target without a scope does");
        diag_hint(s->d, "'override targets for ...' is for a file that adds regions at a level the base's targets "
                        "were not written for (counties below the base's cities): its scope names the base's "
                        "levels and leaves the added one out; if the file adds no such region, delete it");
    }
}

/* ---------------------------------------------------------------- pass 4: whole program */

/* Collects the indicators an expression names (deduplicated per call). */
static void collect_deps(S *s, const ast_expr *e, ptrvec *out, int depth)
{
    if (!e || depth > MAX_DEPTH)
        return;
    switch (e->kind) {
    case EX_NAME:
        if (e->sema.ref == REF_INDICATOR)
            ptrvec_push(s->a, out, (void *)(uintptr_t)e->sema.index);
        break;
    case EX_UNARY:
        collect_deps(s, e->u.un.a, out, depth + 1);
        break;
    case EX_BINARY:
        collect_deps(s, e->u.bin.a, out, depth + 1);
        collect_deps(s, e->u.bin.b, out, depth + 1);
        break;
    case EX_IF:
        collect_deps(s, e->u.cond.c, out, depth + 1);
        collect_deps(s, e->u.cond.a, out, depth + 1);
        collect_deps(s, e->u.cond.b, out, depth + 1);
        break;
    case EX_CALL:
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            collect_deps(s, e->u.call.args[i], out, depth + 1);
        break;
    default:
        break;
    }
}

/* Nesting depth of an expression. */
static int expr_depth(const ast_expr *e, int depth)
{
    if (!e || depth > MAX_DEPTH)
        return depth;
    int r = depth + 1, x;
    switch (e->kind) {
    case EX_UNARY:
        return expr_depth(e->u.un.a, depth + 1);
    case EX_BINARY:
        r = expr_depth(e->u.bin.a, depth + 1);
        x = expr_depth(e->u.bin.b, depth + 1);
        return x > r ? x : r;
    case EX_IF:
        r = expr_depth(e->u.cond.c, depth + 1);
        x = expr_depth(e->u.cond.a, depth + 1);
        r = x > r ? x : r;
        x = expr_depth(e->u.cond.b, depth + 1);
        return x > r ? x : r;
    case EX_CALL:
        for (uint32_t i = 0; i < e->u.call.nargs; i++) {
            x = expr_depth(e->u.call.args[i], depth + 1);
            r = x > r ? x : r;
        }
        return r;
    default:
        return r;
    }
}

/* A formula cycle as "甲 -> 乙 -> 丙 -> 甲": the indicators stack[from..n-1]
 * and the first again.  A cycle of more than CYCLE_SHOWN + 4 formulas shows
 * its first and last CYCLE_SHOWN / 2 and how many lie between.  The text is
 * measured, then written once: a rules file may chain thousands of formulas
 * into one cycle (appending name by name was quadratic, gigabytes at 10^4). */
enum { CYCLE_SHOWN = 16 };
static char *cycle_path(S *s, const uint32_t *stack, uint32_t from, uint32_t n)
{
    const sema_model *m = s->m;
    uint32_t len = n - from, skip_at = len, skipped = 0;
    if (len > CYCLE_SHOWN + 4) {
        skip_at = CYCLE_SHOWN / 2;
        skipped = len - CYCLE_SHOWN;
    }
    char more[48];
    snprintf(more, sizeof more, tr(s, "... %u more ..."), skipped); /* in the message's language */
    size_t total = strlen(m->inds[stack[from]].name) + 1;
    for (uint32_t k = 0; k < len; k++) {
        if (skipped && k == skip_at)
            total += strlen(more) + 4;
        if (k >= skip_at && k < skip_at + skipped)
            continue;
        total += strlen(m->inds[stack[from + k]].name) + 4;
    }
    char *path = arena_alloc(s->a, total), *at = path;
    for (uint32_t k = 0; k <= len; k++) {
        if (skipped && k == skip_at)
            at += sprintf(at, "%s -> ", more);
        if (k >= skip_at && k < skip_at + skipped)
            continue;
        /* the last name is the first again, closing the cycle */
        at += sprintf(at, k < len ? "%s -> " : "%s", m->inds[stack[from + (k < len ? k : 0)]].name);
    }
    return path;
}

/* Formula cycles (an iterative depth-first search, so a long chain of
 * formulas cannot exhaust the stack), and the depth of each formula with
 * every formula it uses substituted in. */
static void check_formula_cycles(S *s)
{
    sema_model *m = s->m;
    uint32_t n = m->ninds;
    for (uint32_t i = 0; i < n; i++) {
        ptrvec v = {0};
        collect_deps(s, s->ii[i].d->u.ind.formula, &v, 0);
        s->ii[i].deps = arena_alloc(s->a, (v.n + 1) * sizeof(uint32_t));
        for (size_t k = 0; k < v.n; k++)
            s->ii[i].deps[s->ii[i].ndeps++] = (uint32_t)(uintptr_t)v.v[k];
    }
    uint32_t *stack = arena_alloc(s->a, (n + 1) * sizeof *stack);
    uint32_t *edge = arena_alloc(s->a, (n + 1) * sizeof *edge);
    for (uint32_t root = 0; root < n; root++) {
        if (s->ii[root].mark)
            continue;
        uint32_t sp = 0;
        stack[sp] = root;
        edge[sp] = 0;
        s->ii[root].mark = 1;
        sp++;
        while (sp > 0) {
            uint32_t i = stack[sp - 1];
            indinfo *ii = &s->ii[i];
            if (edge[sp - 1] < ii->ndeps) {
                uint32_t j = ii->deps[edge[sp - 1]++];
                if (s->ii[j].mark == 0) {
                    s->ii[j].mark = 1;
                    stack[sp] = j;
                    edge[sp] = 0;
                    sp++;
                } else if (s->ii[j].mark == 1) {
                    /* a cycle: stack from j to i, then j again */
                    uint32_t from = sp - 1;
                    while (stack[from] != j)
                        from--;
                    char *path = cycle_path(s, stack, from, sp);
                    const ast_expr *f = s->ii[j].d->u.ind.formula;
                    diag_error(s->d, f ? f->sp : m->inds[j].sp, "formula cycle: %s", path);
                    s->ii[j].depth = -1;
                }
                continue;
            }
            /* all dependencies done: its expansion depth */
            int dmax = 0;
            for (uint32_t k = 0; k < ii->ndeps; k++) {
                int dj = s->ii[ii->deps[k]].depth;
                if (dj < 0 || (s->ii[ii->deps[k]].mark == 1)) {
                    dmax = -1;
                    break;
                }
                dmax = dj > dmax ? dj : dmax;
            }
            if (ii->depth == 0)
                ii->depth = dmax < 0 ? -1 : dmax + expr_depth(ii->d->u.ind.formula, 0);
            if (ii->depth > MAX_EXPANSION) {
                diag_error(s->d, ii->d->u.ind.formula->sp,
                           "the formula of '%s' nests other formulas more than %d deep",
                           m->inds[i].name, MAX_EXPANSION);
                diag_hint(s->d, "a formula is as deep as its own expression with the formulas it uses "
                                "substituted in: make the chain of formulas shorter, or their expressions");
                ii->depth = -1;
            }
            ii->mark = 2;
            sp--;
        }
    }
}

/* A region that is its own ancestor. */
static void check_region_cycles(S *s)
{
    sema_model *m = s->m;
    uint8_t *state = arena_alloc(s->a, m->nregions + 1);
    for (uint32_t r = 0; r < m->nregions; r++) {
        if (state[r])
            continue;
        /* walk up, marking this walk 1; a 1 seen again is a cycle */
        uint32_t x = r;
        while (x < m->nregions && state[x] == 0) {
            state[x] = 1;
            if (m->regions[x].parent < 0)
                break;
            x = (uint32_t)m->regions[x].parent;
        }
        if (x < m->nregions && state[x] == 1 && m->regions[x].parent >= 0) {
            /* x is on a cycle unless the walk stopped at a root */
            uint32_t y = x;
            bool cyc = false;
            for (uint32_t k = 0; k <= m->nregions; k++) {
                y = (uint32_t)m->regions[y].parent;
                if (y == x) {
                    cyc = true;
                    break;
                }
                if (m->regions[y].parent < 0)
                    break;
            }
            if (cyc)
                diag_error(s->d, m->regions[x].sp, "region '%s' is its own ancestor (a cycle of 'in')",
                           m->regions[x].name);
        }
        for (uint32_t y = r; y < m->nregions && state[y] == 1;) {
            state[y] = 2;
            if (m->regions[y].parent < 0)
                break;
            y = (uint32_t)m->regions[y].parent;
        }
    }
}

/* Aliases must not collide with other region names or aliases.  Region
 * names are looked up in the regions' own table and only the aliases go
 * in a table of their own: aliases are few, and a plan may declare tens
 * of thousands of regions. */
static void check_aliases(S *s)
{
    sema_model *m = s->m;
    symtab spell = {0};
    for (uint32_t r = 0; r < m->nregions; r++)
        for (uint32_t k = 0; k < m->regions[r].naliases; k++) {
            const char *al = m->regions[r].aliases[k];
            if (!al)
                continue;
            const sym *old = tab_find(&s->tab[K_REGION], al);
            if (!old)
                old = tab_add(s->a, &spell, al, m->regions[r].sp, r);
            if (old && old->index != r) {
                span at = m->regions[r].alias_sp ? m->regions[r].alias_sp[k] : m->regions[r].sp;
                diag_error(s->d, at, "alias \"%s\" of '%s' is already a name of region '%s'",
                           al, m->regions[r].name, m->regions[old->index].name);
                diag_note(s->d, m->regions[old->index].sp, "'%s' is declared here",
                          m->regions[old->index].name);
            }
        }
}

/* Weights not all zero: per measure, per section, in the total.  Only
 * what has a score counts (a measure with targets, a section with such a
 * measure): a weight on something without one is no help, and a note
 * says so, lest "every ... has weight 0" read as untrue.  Not after a
 * syntax error: the target, measure or section it threw away may be the
 * one with a weight, and "every target has weight 0" would be an error
 * that fixing the syntax error makes untrue. */
static void check_weight_sums(S *s)
{
    sema_model *m = s->m;
    if (s->prog->syntax_errors)
        return;
    bool *scored_sec = arena_alloc(s->a, (m->nsections + 1) * sizeof *scored_sec);
    for (uint32_t i = 0; i < m->nmeasures; i++) {
        const sema_measure *mm = &m->measures[i];
        if (mm->ntargets == 0)
            continue;
        scored_sec[mm->section] = true;
        double sum = 0;
        for (uint32_t k = 0; k < mm->ntargets; k++)
            sum += m->targets[mm->targets[k]].weight;
        const ast_measure *me = s->ast_measures[i];
        if (sum == 0)
            diag_error(s->d, me->id.s ? me->id.sp : me->sp,
                       "every target of measure %s has weight 0; the weights must not all be zero", mm->id);
    }
    double total = 0;
    bool any = false;
    for (uint32_t i = 0; i < m->nsections; i++) {
        const sema_section *sec = &m->sections[i];
        if (!scored_sec[i])
            continue;
        any = true;
        total += sec->weight;
        double sum = 0;
        for (uint32_t k = 0; k < sec->nmeasures; k++)
            if (m->measures[sec->measures[k]].ntargets > 0)
                sum += m->measures[sec->measures[k]].weight;
        const ast_section *as = s->ast_sections[i];
        if (sum == 0) {
            diag_error(s->d, as->id.s ? as->id.sp : as->sp,
                       "every measure of section '%s' has weight 0; the weights must not all be zero", sec->id);
            for (uint32_t k = 0; k < sec->nmeasures; k++) {
                const sema_measure *mm = &m->measures[sec->measures[k]];
                const ast_measure *me = s->ast_measures[sec->measures[k]];
                if (mm->ntargets == 0 && mm->weight != 0) {
                    diag_note(s->d, me->id.s ? me->id.sp : me->sp,
                              "measure %s has weight %s but no targets, so no score to weigh", mm->id,
                              numstr(s, mm->weight));
                    break;
                }
            }
        }
    }
    if (any && total == 0 && s->assess) {
        diag_error(s->d, s->assess->u.assess.name.s ? s->assess->u.assess.name.sp : s->assess->sp,
                   "every section has weight 0; the weights must not all be zero");
        for (uint32_t i = 0; i < m->nsections; i++) {
            const ast_section *as = s->ast_sections[i];
            if (!scored_sec[i] && m->sections[i].weight != 0) {
                diag_note(s->d, as->id.s ? as->id.sp : as->sp,
                          "section '%s' has weight %s but no targets, so no score to weigh",
                          m->sections[i].id, numstr(s, m->sections[i].weight));
                break;
            }
        }
    }
}

/* How far from 100 a group's % weights may add up only because each was
 * rounded to the digits written (thirds as 33.33% three times make
 * 99.99%): half a unit of the last digit any of them writes, once per
 * weight of the group (ws[0..n)).  None when all are whole per cents:
 * shares rounded to whole numbers are written to add up (33%, 33%, 34%),
 * and half a per cent a weight excused eleven weights adding up to 101%. */
static double rounding_slack(const pctweight *const *ws, uint32_t n)
{
    int digits = 0;
    for (uint32_t k = 0; k < n; k++) {
        double v = fabs(ws[k]->written);
        int d = 0;
        while (d < 6 && fabs(v * pow(10, d) - nearbyint(v * pow(10, d))) > 1e-6 * pow(10, d))
            d++;
        if (d > digits)
            digits = d;
    }
    return digits ? n * 0.5 * pow(10, -digits) : 0;
}

/* The weights of one group (the scored sections; one section's measures
 * with targets; one measure's targets), members[0..n) of one kind, when
 * every one of them is written in % once: if they do not add up to 100%
 * (beyond what rounding each to its digits explains: rounding_slack),
 * each counts for its weight's share of their sum, not the share written,
 * which a warning at the first says (fmt: its message, naming the group
 * when group is not NULL, then the sum twice, the first member, its real
 * share and its share as written).  pct_of[i]: the pct entry of member i,
 * -1 none, -2 given twice or not in % (pct_index).  Returns whether it
 * warned, for the caller's hint. */
static bool warn_pct_sum(S *s, const int32_t *pct_of, const uint32_t *members, uint32_t n, const char *group,
                         const char *fmt)
{
    double sum = 0;
    const pctweight *first = NULL;
    const pctweight **ws = arena_alloc(s->a, (n + 1) * sizeof *ws);
    for (uint32_t k = 0; k < n; k++) {
        if (pct_of[members[k]] < 0)
            return false;
        const pctweight *w = &s->pct[pct_of[members[k]]];
        ws[k] = w;
        sum += w->written;
        if (!first || w < first) /* the first written */
            first = w;
    }
    /* all 0%: the error that weights must not all be zero says it; of a
     * sum of 0 no weight has a share */
    if (!first || !(sum > 0) || fabs(sum - 100) < rounding_slack(ws, n) + 1e-9)
        return false;
    /* the real share with the digits that tell it from the written one */
    double real = first->written / sum * 100;
    const char *share = arena_printf(s->a, "%.4g", real);
    for (int p = 5; p <= 12 && strtod(share, NULL) == first->written; p++)
        share = arena_printf(s->a, "%.*g", p, real);
    if (group)
        diag_warning(s->d, WARN_PERCENT_SUM, first->sp, fmt, group, numstr(s, sum), numstr(s, sum), first->what, share,
                     numstr(s, first->written));
    else
        diag_warning(s->d, WARN_PERCENT_SUM, first->sp, fmt, numstr(s, sum), numstr(s, sum), first->what, share,
                     numstr(s, first->written));
    return true;
}

/* pct_of for warn_pct_sum: per item of owner's kind (n of them), its
 * weight's entry in s->pct, -1 when it has none, -2 when given twice or
 * in a unit other than %. */
static int32_t *pct_index(S *s, wowner owner, uint32_t n)
{
    int32_t *of = arena_alloc(s->a, (n + 1) * sizeof *of);
    for (uint32_t i = 0; i < n; i++)
        of[i] = -1;
    for (uint32_t k = 0; k < s->npct; k++) {
        const pctweight *w = &s->pct[k];
        if (w->owner != owner || w->index >= n)
            continue;
        of[w->index] = of[w->index] != -1 || strcmp(w->unit, "%") != 0 ? -2 : (int32_t)k;
    }
    return of;
}

/* Warns once of the weights written with a unit (`section 一 = 35%`):
 * weights are relative numbers, and the unit scales each (35% counts as
 * 0.35 beside another section's plain 25).  One such weight keeps the
 * message it always had; several are one warning at the first, listing
 * them.  When every member of a group has its weight in % — the scored
 * sections, one section's measures with targets, one measure's targets —
 * the plan meant shares; if they do not add up to 100%, each counts for
 * its weight's share of their sum, not the share written: a warning per
 * such group gives the sum (warn_pct_sum; plain weights are relative by
 * design, §8, and their sum is not checked). */
static void warn_unit_weights(S *s)
{
    sema_model *m = s->m;
    if (s->npct == 0)
        return;
    const pctweight *w0 = &s->pct[0];
    if (s->npct == 1) {
        diag_warning(s->d, WARN_WEIGHT_UNIT, w0->sp, "this weight counts as %s: weights are relative numbers, and '%s' scales it",
                     numstr(s, w0->v), w0->unit);
        diag_hint(s->d, "write the number alone (19.3%% of the total is weight 19.3 beside the others)");
    } else {
        char *list = "";
        for (uint32_t k = 0; k < s->npct; k++)
            list = arena_printf(s->a, tr(s, "%s%s%s = %s%s counts as %s"), list, k ? tr(s, ", ") : "",
                                s->pct[k].what, numstr(s, s->pct[k].written), s->pct[k].unit,
                                numstr(s, s->pct[k].v));
        diag_warning(s->d, WARN_WEIGHT_UNIT, w0->sp, "%u weights are written with a unit, and weights are relative numbers: the "
                                   "unit scales each (%s)", s->npct, list);
        diag_hint(s->d, "write the numbers alone (19.3%% of the total is weight 19.3 beside the others)");
    }
    if (s->prog->syntax_errors || m->nsections == 0)
        return;
    /* the sections that have a score (a measure with targets) */
    bool *scored = arena_alloc(s->a, (m->nsections + 1) * sizeof *scored);
    for (uint32_t i = 0; i < m->nmeasures; i++)
        if (m->measures[i].ntargets > 0)
            scored[m->measures[i].section] = true;
    uint32_t *members = arena_alloc(s->a, (m->nsections + m->nmeasures + m->ntargets + 1) * sizeof *members);
    uint32_t n = 0;
    for (uint32_t i = 0; i < m->nsections; i++)
        if (scored[i])
            members[n++] = i;
    if (warn_pct_sum(s, pct_index(s, W_SECTION, m->nsections), members, n, NULL,
                     "the sections' weights, written in %%, add up to %s%%, not 100%%: each section counts for "
                     "its weight's share of %s%% (%s counts for %s%% of the total, not %s%%)"))
        diag_hint(s->d, "correct the weights so that they add up to 100%%, if they are meant as shares of the total");
    const int32_t *mpct = pct_index(s, W_MEASURE, m->nmeasures);
    for (uint32_t i = 0; i < m->nsections; i++) {
        const sema_section *sec = &m->sections[i];
        n = 0;
        for (uint32_t k = 0; k < sec->nmeasures; k++)
            if (m->measures[sec->measures[k]].ntargets > 0)
                members[n++] = sec->measures[k];
        if (warn_pct_sum(s, mpct, members, n, arena_printf(s->a, tr(s, "section '%s'"), sec->id),
                         "the weights of the measures of %s, written in %%, add up to %s%%, not 100%%: each "
                         "measure counts for its weight's share of %s%% (%s counts for %s%% of the section's "
                         "score, not %s%%)"))
            diag_hint(s->d, "correct the weights so that they add up to 100%%, if they are meant as shares of the "
                            "section's score");
    }
    const int32_t *tpct = pct_index(s, W_TARGET, m->ntargets);
    for (uint32_t i = 0; i < m->nmeasures; i++) {
        const sema_measure *mm = &m->measures[i];
        const char *id = s->ast_measures[i]->id.s ? s->ast_measures[i]->id.s : "?";
        if (warn_pct_sum(s, tpct, mm->targets, mm->ntargets, arena_printf(s->a, tr(s, "measure (%s)"), id),
                         "the weights of the targets of %s, written in %%, add up to %s%%, not 100%%: each "
                         "target counts for its weight's share of %s%% (%s counts for %s%% of the measure's "
                         "score, not %s%%)"))
            diag_hint(s->d, "correct the weights so that they add up to 100%%, if they are meant as shares of the "
                            "measure's score");
    }
}

/* ---------------------------------------------------------------- entry */

/* A region of a test's expectation, by name or alias; -1 after an error. */
static int test_region(S *s, ast_name n)
{
    const sym *y = find(s, K_REGION, n);
    if (y)
        return (int)y->index;
    for (uint32_t r = 0; n.s && r < s->m->nregions; r++)
        for (uint32_t k = 0; k < s->m->regions[r].naliases; k++)
            if (strcmp(s->m->regions[r].aliases[k], n.s) == 0)
                return (int)r;
    if (lost_name(s, LOST_REGION, n.s))
        return -1; /* its declaration had a syntax error */
    diag_error(s->d, n.sp, "undefined region '%s'%s", n.s ? n.s : "?", dropped_why(s, K_REGION, n.s));
    if (!dropped_note(s, K_REGION, n.s))
        suggest(s, 1u << K_REGION, NULL, n.s);
    return -1;
}

/* Checks one expectation; false after reporting an error. */
static bool check_expect(S *s, const ast_expect *x, sema_expect *out)
{
    sema_model *m = s->m;
    *out = (sema_expect){.x = x};
    int r = test_region(s, x->region);
    if (r < 0 || x->year == 0)
        return false;
    out->region = (uint32_t)r;
    switch (x->kind) {
    case EXP_STATUS: case EXP_SCORE: case EXP_VALUE: {
        const sym *y = find(s, K_TARGET, x->item);
        const sym *ind = !y && x->item.s ? tab_find(&s->tab[K_INDICATOR], x->item.s) : NULL;
        if (ind) {
            /* `expect 乙 2024 耕地保有量 value 990000`: the results are a
             * target's, so name the targets that measure the indicator */
            diag_error(s->d, x->item.sp, "'%s' is an indicator, not a target: an expectation names a target",
                       x->item.s);
            /* the first TARGETS_SHOWN named, measured then written once:
             * a plan may have thousands (appending them one by one for each
             * such expectation ran out of memory) */
            enum { TARGETS_SHOWN = 8 };
            uint32_t non = 0;
            size_t len = 32;
            for (uint32_t i = 0; i < m->ntargets; i++) {
                const ast_expr *e = m->targets[i].measured;
                if (e && e->kind == EX_NAME && e->sema.ref == REF_INDICATOR &&
                    e->sema.index == (int)ind->index && non++ < TARGETS_SHOWN)
                    len += strlen(m->targets[i].name) + 10; /* “”、 in Chinese */
            }
            char *on = arena_alloc(s->a, len), *at = on;
            uint32_t shown = 0;
            for (uint32_t i = 0; i < m->ntargets && shown < TARGETS_SHOWN; i++) {
                const ast_expr *e = m->targets[i].measured;
                if (e && e->kind == EX_NAME && e->sema.ref == REF_INDICATOR &&
                    e->sema.index == (int)ind->index)
                    at += sprintf(at, tr(s, "%s'%s'"), shown++ ? tr(s, ", ") : "", m->targets[i].name);
            }
            if (non > shown)
                sprintf(at, tr(s, " and %u more"), non - shown);
            if (non)
                diag_hint(s->d, "the targets that measure it: %s", on);
            return false;
        }
        if (!y && lost_name(s, LOST_TARGET, x->item.s))
            return false;
        if (!y) {
            diag_error(s->d, x->item.sp, "undefined target '%s'%s", x->item.s ? x->item.s : "?",
                       dropped_why(s, K_TARGET, x->item.s));
            if (!dropped_note(s, K_TARGET, x->item.s))
                suggest(s, 1u << K_TARGET, NULL, x->item.s);
            return false;
        }
        out->item = y->index;
        if (x->kind == EXP_STATUS) {
            /* the words are the results' status names (ir.h) */
            out->status = -1;
            for (int k = IR_ST_NA; k <= IR_ST_MET; k++)
                if (x->word.s && strcmp(x->word.s, ir_statusname(k)) == 0)
                    out->status = k;
            if (out->status < 0) {
                diag_error(s->d, x->word.sp, "unknown status '%s'", x->word.s ? x->word.s : "?");
                /* `未达标`, as `--lang zh` writes the status */
                int zh = -1;
                for (int k = IR_ST_NA; k <= IR_ST_MET && x->word.s; k++)
                    if (strcmp(x->word.s, lbl_get(LBL_ZH, (lbl_id)(LBL_ST_NA + k - IR_ST_NA))) == 0)
                        zh = k;
                if (zh >= 0)
                    diag_hint(s->d, "'%s' is written '%s': the status words are the results' English ones",
                              x->word.s, ir_statusname(zh));
                else
                    diag_hint(s->d, "a status is met, on_track, lagging, failed, missing or "
                                    "not_applicable; or write 'score N' or 'value N'");
                return false;
            }
        }
        if (x->kind == EXP_SCORE && !m->has_assessment) {
            diag_error(s->d, x->sp, "the plan has no assessment, so no target has a score");
            return false;
        }
        return true;
    }
    case EXP_MEASURE: case EXP_TOTAL: case EXP_GRADE: case EXP_VETO:
        if (!m->has_assessment) {
            diag_error(s->d, x->sp, "the plan has no assessment: there is no %s to expect",
                       tr(s, x->kind == EXP_MEASURE ? "measure score" : x->kind == EXP_TOTAL ? "total"
                             : x->kind == EXP_GRADE ? "grade" : "veto"));
            return false;
        }
        if (x->kind == EXP_MEASURE) {
            const sym *y = find(s, K_MEASURE, x->item);
            if (!y) {
                diag_error(s->d, x->item.sp, "undefined measure (%s)", x->item.s ? x->item.s : "?");
                if (x->item.s && !other_name_note(s, K_MEASURE, x->item.s))
                    suggest(s, 1u << K_MEASURE, NULL, x->item.s);
                return false;
            }
            out->item = y->index;
        } else if (x->kind == EXP_GRADE) {
            for (uint32_t k = 0; k < m->nbands; k++)
                if (x->item.s && strcmp(m->bands[k], x->item.s) == 0) {
                    out->item = k;
                    return true;
                }
            diag_error(s->d, x->item.sp, "undefined grade '%s'", x->item.s ? x->item.s : "?");
            const char **bands = arena_alloc(s->a, (m->nbands + 1) * sizeof *bands);
            memcpy(bands, m->bands, m->nbands * sizeof *bands);
            suggest(s, 0, bands, x->item.s);
            return false;
        }
        return true;
    }
    return false;
}

/* A test's data rows that name, in the region column, a region an
 * extending file dropped, renamed or replaced: an error at the row that
 * says so, with a note at the edit (the data reader would only call it an
 * unknown region; a base's test is then skipped for this reason). */
static void test_data_regions(S *s, const ast_decl *d)
{
    if (d->u.test.ndata < 2 || !d->u.test.data[0].text)
        return;
    size_t col = csv_header_index(d->u.test.data[0].text, s->m->region_key);
    csv_reader csv;
    csv_record rec;
    for (uint32_t k = 1; col != SIZE_MAX && k < d->u.test.ndata; k++) {
        const char *text = d->u.test.data[k].text;
        if (!text)
            continue;
        csv_init(&csv, text, strlen(text));
        if (csv_next(&csv, &rec) == CSV_RECORD && col < rec.nfields) {
            size_t n;
            const char *f = csv_trim(csv_field(&csv, col), csv_field_len(&csv, col), &n);
            const char *cell = arena_printf(s->a, "%.*s", (int)n, f);
            bool with, known = tab_find(&s->tab[K_REGION], cell) != NULL;
            for (uint32_t r = 0; !known && r < s->m->nregions; r++)
                for (uint32_t j = 0; !known && j < s->m->regions[r].naliases; j++)
                    known = strcmp(s->m->regions[r].aliases[j], cell) == 0;
            if (!known && removed_by(s, K_REGION, cell, &with)) {
                diag_error(s->d, d->u.test.data[k].sp, "test '%s': the data names region '%s'%s",
                           d->u.test.title, cell, dropped_why(s, K_REGION, cell));
                dropped_note(s, K_REGION, cell);
            }
        }
        csv_dispose(&csv);
    }
}

/* Checks one test into t, reporting to s->d: a header and rows, and
 * expectations naming regions, targets, measures and grades that exist. */
static void check_test(S *s, const ast_decl *d, sema_test *t)
{
    t->d = d;
    t->file = (int)d->sp.file;
    if (d->u.test.ndata < 2)
        diag_error(s->d, d->sp, "test '%s' has no data: give a 'data' line with the header "
                   "(\"region,year,...\") and one per row", d->u.test.title);
    if (d->u.test.nexpects == 0)
        diag_error(s->d, d->sp, "test '%s' expects nothing: add 'expect REGION YEAR ...' lines",
                   d->u.test.title);
    /* a `\n` escape would make one data line two CSV records, and the
     * data messages' "(test data):N" would count past the lines written */
    for (uint32_t k = 0; k < d->u.test.ndata; k++)
        if (d->u.test.data[k].text && strchr(d->u.test.data[k].text, '\n'))
            diag_error(s->d, d->u.test.data[k].sp, "a test's data line is one CSV line: it "
                       "cannot hold a line break ('\\n'); write a 'data' line per row");
    t->expects = arena_alloc(s->a, (d->u.test.nexpects + 1) * sizeof *t->expects);
    for (uint32_t k = 0; k < d->u.test.nexpects; k++)
        if (check_expect(s, &d->u.test.expects[k], &t->expects[t->nexpects]))
            t->nexpects++;
    test_data_regions(s, d);
}

/* The tests of the program (`test` blocks).  Those of the file given are
 * checked as its other declarations are, an error each.  Those of the
 * files it imports or extends were checked with their own file; on this
 * program (an adapted one, say) they may name what the extending file
 * dropped, which is no error of this program but a reason not to run the
 * test (`planc test --all`): they are checked with the errors printed to
 * memory, and the first becomes the test's `skip`. */
static void check_tests(S *s)
{
    sema_model *m = s->m;
    uint32_t n = 0;
    uint32_t root = s->prog->nmodules ? s->prog->modules[0].file : 0;
    for (uint32_t i = 0; i < s->prog->ndecls; i++)
        n += s->prog->decls[i]->kind == D_TEST;
    m->tests = arena_alloc(s->a, (n + 1) * sizeof *m->tests);
    for (uint32_t i = 0; i < s->prog->ndecls; i++) {
        const ast_decl *d = s->prog->decls[i];
        if (d->kind != D_TEST)
            continue;
        sema_test *t = &m->tests[m->ntests++];
        if (d->sp.file == root) {
            check_test(s, d, t);
            continue;
        }
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (!f) {
            fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
            exit(4);
        }
        diag_ctx quiet, *d0 = s->d;
        diag_borrow(&quiet, d0, f);
        s->d = &quiet;
        check_test(s, d, t);
        s->d = d0;
        bool failed = diag_errors(&quiet) > 0;
        diag_unborrow(&quiet);
        fclose(f);
        char *why = failed ? diag_first_message(text) : NULL;
        if (failed)
            t->skip = arena_strdup(s->a, why ? why : tr(s, "an error in this program"));
        free(why);
        free(text);
    }
}

/* The indicators an extending file dropped that items of the program
 * still use: an error at each such drop, with a note at every use, so
 * that nothing is silently scored without its data. */
static void report_dropped_uses(S *s)
{
    for (uint32_t i = 0; i < s->prog->nedits; i++) {
        const ast_origin *o = s->prog->edits[i];
        if (o->kind != ORIGIN_DROPPED || o->item != IT_INDICATOR)
            continue;
        uint32_t nusers = 0;
        const dropuse *first = NULL;
        for (size_t k = 0; k < s->dropuses.n; k++) {
            const dropuse *u = s->dropuses.v[k];
            if (u->drop != o)
                continue;
            bool again = false;
            for (size_t j = 0; j < k && !again; j++) {
                const dropuse *v = s->dropuses.v[j];
                again = v->drop == o && strcmp(v->user, u->user) == 0;
            }
            nusers += !again;
            first = first ? first : u;
        }
        if (!first)
            continue;
        if (nusers == 1 && o->by_keep)
            diag_error(s->d, o->edit, "'keep indicator' leaves out indicator '%s', but %s still uses it", o->name,
                       first->user);
        else if (o->by_keep)
            diag_error(s->d, o->edit, "'keep indicator' leaves out indicator '%s', but %u items still use it",
                       o->name, nusers);
        else if (nusers == 1)
            diag_error(s->d, o->edit, "indicator '%s' is dropped, but %s still uses it", o->name, first->user);
        else
            diag_error(s->d, o->edit, "indicator '%s' is dropped, but %u items still use it", o->name, nusers);
        for (size_t k = 0; k < s->dropuses.n; k++) {
            const dropuse *u = s->dropuses.v[k];
            if (u->drop == o)
                diag_note(s->d, u->sp, "%s uses it here", u->user);
        }
        /* an item of the dropping file itself is changed where it is
         * written, not overridden */
        if (o->by_keep)
            diag_hint(s->d, "add '%s' to the 'keep indicator' list, or drop or override what uses it", o->name);
        else if (nusers == 1 && first->sp.file != o->edit.file)
            diag_hint(s->d, "%s", first->hint);
        else if (nusers == 1)
            diag_hint(s->d, "change it so that it does not use '%s'", o->name);
        else
            diag_hint(s->d, "drop, override or change each of them too, so that nothing uses '%s'", o->name);
    }
}

sema_model *sema_check(arena *a, diag_ctx *d, ast_program *prog)
{
    S st;
    memset(&st, 0, sizeof st);
    S *s = &st;
    s->a = a;
    s->d = d;
    s->prog = prog;
    sema_model *m = arena_alloc(a, sizeof *m);
    s->m = m;
    unit_sys_init(&m->units, a);
    m->generic = unit_base(&m->units, "the target's unit");
    m->region_key = "region";
    m->year_key = "year";

    /* a file of the program could not be loaded (the loader said which):
     * every name it declares would be reported as undefined */
    if (prog->incomplete)
        return m;

    uint32_t nreg = 0, nlev = 0, nsec = 0, nmeas = 0, ntg = 0, nper = 0;
    count(s, &nreg, &nlev, &nsec, &nmeas, &ntg, &nper);
    m->regions = arena_alloc(a, (nreg + 1) * sizeof *m->regions);
    m->levels = arena_alloc(a, (nlev + 1) * sizeof *m->levels);
    m->level_texts = arena_alloc(a, (nlev + 1) * sizeof *m->level_texts);
    m->inds = arena_alloc(a, (m->ninds + 1) * sizeof *m->inds);
    m->columns = arena_alloc(a, (m->ninds + 1) * sizeof *m->columns);
    m->sections = arena_alloc(a, (nsec + 1) * sizeof *m->sections);
    m->measures = arena_alloc(a, (nmeas + 1) * sizeof *m->measures);
    m->targets = arena_alloc(a, (ntg + 1) * sizeof *m->targets);
    m->ntargets = ntg;
    m->agency_renames = arena_alloc(a, (m->nagency_renames + 1) * sizeof *m->agency_renames);
    m->agency_names = arena_alloc(a, (m->nagencies + 1) * sizeof *m->agency_names);
    s->agency_decls = arena_alloc(a, (m->nagencies + 1) * sizeof *s->agency_decls);
    m->agency_fulls = arena_alloc(a, (m->nagencies + 1) * sizeof *m->agency_fulls);
    /* the agencies dropped, from the edits (`drop agency` removed their
     * declarations): planc diff lists them */
    m->agency_drops = arena_alloc(a, (prog->nedits + 1) * sizeof *m->agency_drops);
    for (uint32_t i = 0; i < prog->nedits; i++)
        if (prog->edits[i]->kind == ORIGIN_DROPPED && prog->edits[i]->item == IT_AGENCY)
            m->agency_drops[m->nagency_drops++] = prog->edits[i]->name;
    /* the targets renamed (`override target OLD as NEW`), in the order of
     * the program's edits (a base's before those of the file extending
     * it): planc diff matches OLD with NEW */
    m->target_renames = arena_alloc(a, (prog->nedits + 1) * sizeof *m->target_renames);
    for (uint32_t i = 0; i < prog->nedits; i++)
        if (prog->edits[i]->kind == ORIGIN_RENAMED && prog->edits[i]->item == IT_TARGET)
            m->target_renames[m->ntarget_renames++] =
                (sema_rename){prog->edits[i]->name, prog->edits[i]->new_name};
    /* the indicators renamed, likewise: planc diff matches OLD with NEW */
    m->ind_renames = arena_alloc(a, (prog->nedits + 1) * sizeof *m->ind_renames);
    for (uint32_t i = 0; i < prog->nedits; i++)
        if (prog->edits[i]->kind == ORIGIN_RENAMED && prog->edits[i]->item == IT_INDICATOR)
            m->ind_renames[m->nind_renames++] = (sema_rename){prog->edits[i]->name, prog->edits[i]->new_name};
    /* the regions renamed or replaced, likewise: the results history
     * records them, and compare pairs a region's rows by them */
    m->region_renames = arena_alloc(a, (prog->nedits + 1) * sizeof *m->region_renames);
    for (uint32_t i = 0; i < prog->nedits; i++)
        if ((prog->edits[i]->kind == ORIGIN_RENAMED || prog->edits[i]->kind == ORIGIN_REPLACED) &&
            prog->edits[i]->item == IT_REGION && prog->edits[i]->new_name)
            m->region_renames[m->nregion_renames++] =
                (sema_rename){prog->edits[i]->name, prog->edits[i]->new_name};
    /* the regions dropped, likewise, with where: a data row that names
     * one is reported as dropped, not as unknown (table.c) */
    m->region_drops = arena_alloc(a, (prog->nedits + 1) * sizeof *m->region_drops);
    for (uint32_t i = 0; i < prog->nedits; i++)
        if (prog->edits[i]->kind == ORIGIN_DROPPED && prog->edits[i]->item == IT_REGION)
            m->region_drops[m->nregion_drops++] =
                (sema_rename){prog->edits[i]->name, prog->edits[i]->edit_at};
    /* the aliases those regions and the replaced ones took with them,
     * each with the region's name: read as that name (ir_region_fate) */
    uint32_t nal = 0;
    for (uint32_t i = 0; i < prog->nedits; i++)
        if (prog->edits[i]->item == IT_REGION)
            nal += prog->edits[i]->naliases;
    m->region_aliases = arena_alloc(a, (nal + 1) * sizeof *m->region_aliases);
    for (uint32_t i = 0; i < prog->nedits; i++)
        for (uint32_t j = 0; prog->edits[i]->item == IT_REGION && j < prog->edits[i]->naliases; j++)
            m->region_aliases[m->nregion_aliases++] =
                (sema_rename){prog->edits[i]->aliases[j], prog->edits[i]->name};
    s->units = arena_alloc(a, (s->nunits + 1) * sizeof *s->units);
    s->ii = arena_alloc(a, (m->ninds + 1) * sizeof *s->ii);
    s->periods = arena_alloc(a, (nper + 1) * sizeof *s->periods);
    s->ast_targets = arena_alloc(a, (ntg + 1) * sizeof *s->ast_targets);
    s->ast_measures = arena_alloc(a, (nmeas + 1) * sizeof *s->ast_measures);
    s->ast_sections = arena_alloc(a, (nsec + 1) * sizeof *s->ast_sections);
    s->rlevel_ok = arena_alloc(a, (nreg + 1) * sizeof *s->rlevel_ok);
    s->rlevel_sp = arena_alloc(a, (nreg + 1) * sizeof *s->rlevel_sp);
    s->rslot = arena_alloc(a, (nreg + 1) * sizeof *s->rslot);
    s->nmods = prog->nmodules ? prog->nmodules : 1;
    s->vunit = arena_alloc(a, s->nmods * sizeof *s->vunit);
    s->vagency = arena_alloc(a, s->nmods * sizeof *s->vagency);
    s->vmap = arena_alloc(a, s->nmods * sizeof *s->vmap);
    m->maps = arena_alloc(a, (s->nmaps + 1) * sizeof *m->maps);
    s->wt = arena_alloc(a, (ntg + 1) * sizeof *s->wt);
    s->wm = arena_alloc(a, (nmeas + 1) * sizeof *s->wm);
    s->ws = arena_alloc(a, (nsec + 1) * sizeof *s->ws);

    pass_declare(s);
    keep_agencies(s);
    link_regions(s);
    link_groups(s);
    check_plan(s);
    check_units(s);
    pass_check(s);
    report_dropped_uses(s);
    /* the assessment's score, once every target's scope is known */
    if (s->m->score && diag_errors(d) == 0)
        check_below_calls(s, NULL, s->m->score, 0, warn_assess_score_below);

    /* (not after errors that left no declaration at all: a file given up,
     * such as one in another encoding, was reported already) */
    if (!s->plan && !(prog->ndecls == 0 && diag_errors(d) > 0)) {
        if (prog->ndecls > 0 || d->nfiles > 0) {
            /* at the start of the (first) file, empty or not */
            span sp = {prog->ndecls > 0 ? prog->decls[0]->sp.file : 0, 0, 0};
            diag_error(d, sp, "no plan declared; add 'plan NAME { baseline YEAR horizon YEAR }'");
        } else {
            diag_plain_error(d, "no plan declared; add 'plan NAME { baseline YEAR horizon YEAR }'");
        }
    }
    check_formula_cycles(s);
    check_region_cycles(s);
    check_aliases(s);
    check_weight_sums(s);
    warn_unit_weights(s);
    warn_untargeted_regions(s);
    warn_added_level_targets(s);
    warn_rescope_all(s);
    check_rated_maps(s);
    check_tests(s);
    m->level_order = level_order(s);
    return m;
}

/* ---------------------------------------------------------------- source text */

/* The indicator names of expression e (in source order) whose text as
 * written differs from the name they stand for now: the uses in a base of
 * an indicator its adaptation renamed (`override indicator OLD as NEW`,
 * import.c fix_indicators), appended to v (at most cap). */
static void renamed_names(const diag_ctx *d, const ast_expr *e, const ast_expr **v, size_t *n, size_t cap, int depth)
{
    if (!e || depth > AST_MAX_DEPTH || *n >= cap)
        return;
    switch (e->kind) {
    case EX_NAME: {
        if (e->sema.ref != REF_INDICATOR || e->u.name.qual || !e->u.name.s)
            return;
        if (e->sp.file >= d->nfiles)
            return;
        const diag_file *f = &d->files[e->sp.file];
        size_t len = strlen(e->u.name.s);
        if (e->sp.lo > e->sp.hi || e->sp.hi > f->len ||
            (e->sp.hi - e->sp.lo == len && memcmp(f->text + e->sp.lo, e->u.name.s, len) == 0))
            return;
        v[(*n)++] = e;
        return;
    }
    case EX_UNARY:
        renamed_names(d, e->u.un.a, v, n, cap, depth + 1);
        return;
    case EX_BINARY:
        renamed_names(d, e->u.bin.a, v, n, cap, depth + 1);
        renamed_names(d, e->u.bin.b, v, n, cap, depth + 1);
        return;
    case EX_IF:
        renamed_names(d, e->u.cond.c, v, n, cap, depth + 1);
        renamed_names(d, e->u.cond.a, v, n, cap, depth + 1);
        renamed_names(d, e->u.cond.b, v, n, cap, depth + 1);
        return;
    case EX_CALL:
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            renamed_names(d, e->u.call.args[i], v, n, cap, depth + 1);
        return;
    default:
        return;
    }
}

/* (sema.h) The names renamed_names finds, spliced into e's source text. */
const char *sema_expr_source(arena *a, const diag_ctx *d, const ast_expr *e)
{
    enum { CAP = 64 };
    const ast_expr *v[CAP];
    size_t n = 0;
    renamed_names(d, e, v, &n, CAP, 0);
    if (e->sp.file >= d->nfiles || e->sp.lo > e->sp.hi || e->sp.hi > d->files[e->sp.file].len)
        return "";
    const char *text = d->files[e->sp.file].text;
    const char *whole = arena_strndup(a, text + e->sp.lo, e->sp.hi - e->sp.lo);
    if (!n)
        return whole;
    size_t len = strlen(whole) + 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(v[i]->u.name.s);
    char *out = arena_alloc(a, len), *at = out;
    uint32_t from = e->sp.lo;
    for (size_t i = 0; i < n; i++) {
        if (v[i]->sp.file != e->sp.file || v[i]->sp.lo < from || v[i]->sp.hi > e->sp.hi)
            return whole; /* not nested as written: the text as it stands */
        memcpy(at, text + from, v[i]->sp.lo - from);
        at += v[i]->sp.lo - from;
        size_t k = strlen(v[i]->u.name.s);
        memcpy(at, v[i]->u.name.s, k);
        at += k;
        from = v[i]->sp.hi;
    }
    memcpy(at, text + from, e->sp.hi - from);
    at[e->sp.hi - from] = '\0';
    return out;
}
