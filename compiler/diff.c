/* diff.c — `planc diff` (see diff.h).
 *
 * Two steps: compare the two models into a tree of items (the plan,
 * regions, indicators, sections > measures > targets, the assessment),
 * each added (+), dropped (-), changed (~) or, for a section or measure
 * that only holds changes, unchanged itself; then print the tree as text
 * or JSON.  Every value is compared and shown as text: goals in their
 * target's unit, expressions as written (compared by structure), region
 * and agency names of the old program mapped through the new one's
 * `replaces`. */
#include "diff.h"

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "places.h"

/* ---------------------------------------------------------------- the tree */

/* One difference of an item: a field and its old and new values (NULL:
 * none; "none" in text, null in JSON), or one region's entry of a values
 * table. */
typedef struct dfield {
    const char *name;
    const char *region;     /* an entry of a values table: its region (as the
                               new program calls it), else NULL */
    const char *old, *new;
    bool untaken;           /* a level's or the `else` row that no region
                               takes its value from, in either program: a
                               change of the rules that changes no value */
    bool words;             /* a list ("none, 0.5%") whose items may be words
                               the text report translates one by one */
    const char *lregion[LBL_NLANGS]; /* the text report's region and years in
                                        each language ("唐山 2025年"), or NULL
                                        for `region` as it is */
    const char *lold[LBL_NLANGS], *lnew[LBL_NLANGS]; /* the text report's old
                                        and new in each language (goals with
                                        their deadlines), or NULL for old and
                                        new as they are (the JSON's) */
} dfield;

/* An item of the diff. */
typedef struct ditem {
    char op;                /* '+', '-', '~', or ' ' for a container that only holds changes */
    const char *kind;       /* "target", "measure", "section", "region", "indicator", "agency" */
    const char *name;       /* as shown: 近岸海域水质, (九), 三 */
    const char *title;      /* a section's or measure's title, or NULL */
    const char *desc;       /* for '+' and '-': what the item is */
    const char *ldesc[LBL_NLANGS]; /* desc in each language of the text report
                               where it holds words (a lone target's scope, a
                               lone measure's agencies and weight, a dropped
                               agency's measures); NULL: desc as it is */
    const char *renamed;    /* a replaced region or agency, a renamed target or region: its new name */
    bool rename;            /* `renamed` is a rename (`override target|region OLD as NEW`), not a
                               replacement */
    ptrvec fields;          /* dfield * */
    const char **gains, **loses; /* a target's coverage change: regions judged on
                               it only in the new program / only in the old, by
                               name (an old region as the new one calls it) */
    uint32_t ngains, nloses;
    ptrvec reads;           /* dreads *: rows of both whose regions read below changed */
    ptrvec vreads;          /* dvreads *: values tables the target reads whose
                               entries of its rows changed */
    ptrvec kids;            /* ditem *: a section's measures, a measure's targets */
} ditem;

/* A row of a target in both programs whose functions over the regions
 * below (share, total, lowest / highest / average with a level) read
 * other regions: those read only in the new program and only in the old. */
typedef struct dreads {
    const char *region;     /* the row, as the new program calls it */
    const char **gains, **loses;
    uint32_t ngains, nloses;
} dreads;

/* A values table a target reads (its condition, goals or score, directly
 * or through a formula) and the regions judged on the target whose entry
 * changed. */
typedef struct dvreads {
    const char *indicator;
    const char **regions;
    uint32_t n;
} dvreads;

/* A region whose entry of a values table changed: its index in the new
 * program and in the old (-1 where it has none). */
typedef struct vchange {
    const char *region;     /* as the new program calls it */
    int64_t newk, oldr;
    bool shared;            /* a level's row or the `else` row: region is the
                               level's name or "else" (newk, oldr -1) */
    const struct sema_indicator *old; /* with shared: the old program's table */
} vchange;

/* A text of the new program that names places only the old one has. */
typedef struct dplace {
    const char *kind;       /* "plan", "indicator", "section", "measure", "target" */
    const char *name;       /* as items are shown: 近岸海域水质, (九), 三 */
    const char *field;      /* "title", "display", "text", "note" */
    const char *text;
    const char **places;    /* the names found, in the order of the text */
    uint32_t nplaces;
} dplace;

/* Counts of added, dropped and changed items of one kind. */
typedef struct counts {
    unsigned added, dropped, changed;
} counts;

/* A string -> index table (open addressing, in the arena). */
typedef struct stab {
    const char **keys;
    uint32_t *vals;
    uint32_t cap;
} stab;

/* The regions a target covers (target_cover): every region, or a list of
 * region indices of its program, ascending. */
typedef struct cover {
    bool all;
    const uint32_t *v;
    uint32_t n;
} cover;

/* Per program: what computing the targets' coverage needs, made once. */
typedef struct coverside {
    bool *levels;           /* per level: read below the rows (scratch) */
    uint32_t *seen;         /* per indicator: the stamp of the last walk of its formula */
    uint32_t stamp;
    uint32_t *total;        /* per level: its regions */
    uint32_t *count;        /* per level: those a target covers (scratch) */
    int32_t *lvmap;         /* per level: the other program's level of that name, or -1 */
    uint32_t *mark;         /* per region: the stamp of the last walk down */
    uint32_t mstamp;
    uint32_t *stack;        /* per region: the walk's stack (scratch) */
    uint32_t *kid_at, *kids; /* per region r: kids[kid_at[r] .. kid_at[r + 1]) are
                               the regions right below it (its children, and a
                               group's members) */
    uint64_t *pairs;        /* (row << 32 | region read below it) (scratch) */
    size_t npairs, cap;
} coverside;

/* The comparison's state. */
typedef struct D {
    arena *a;
    const diff_side *o, *n;
    const char **rename;    /* per old region: its name in the new program */
    int64_t *newidx;        /* per old region: the new region of that name, or -1 */
    bool *hasold;           /* per new region: an old region maps to it */
    stab oldreg, newreg;    /* old and new region names -> index */
    coverside co, cn;
    uint32_t *in_old, *in_new; /* per new region: stamp of the target compared
                               (in_old: a row of both programs) */
    uint32_t cstamp;
    uint32_t *rd_old, *rd_new; /* per new region: stamp of the row compared */
    uint32_t rstamp;
    const sema_rename **arename; /* the new program's agency renames the old one lacks */
    uint32_t narename;
    ptrvec *valchg;         /* per new indicator: its values table's changed
                               entries (vchange *) */
    uint32_t *vseen;        /* per new indicator: stamp of the last walk of its formula */
    uint32_t vstamp;
    const char **adrop;     /* the new program's agency drops the old one lacks */
    uint32_t nadrop;
    sema_rename *tmap;      /* the target renames between the two, old name to new,
                               in the order they apply (map_targets) */
    uint32_t ntmap;
    sema_rename *imap;      /* the indicator renames likewise (map_indicators) */
    uint32_t nimap;
    ditem plan, assess;
    ptrvec regions, inds, agencies, sections;
    ptrvec places;          /* dplace *: the new program's texts naming old places */
    ptrvec allows;          /* ditem *: the `allow`s of one program only, or
                               whose reason changed */
    counts c_regions, c_inds, c_agencies, c_sections, c_measures, c_targets, c_allows;
    unsigned nchanged;      /* items that differ */
} D;

/* FNV-1a over the bytes of a string. */
static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* A table with room for n keys. */
static void stab_init(arena *a, stab *t, uint32_t n)
{
    t->cap = 16;
    while (t->cap < n * 2 + 2)
        t->cap *= 2;
    t->keys = arena_alloc(a, t->cap * sizeof *t->keys);
    t->vals = arena_alloc(a, t->cap * sizeof *t->vals);
}

/* Adds key -> v (the first of a key wins). */
static void stab_put(stab *t, const char *key, uint32_t v)
{
    if (!key)
        return;
    uint32_t i = hash_str(key) & (t->cap - 1);
    for (; t->keys[i]; i = (i + 1) & (t->cap - 1))
        if (strcmp(t->keys[i], key) == 0)
            return;
    t->keys[i] = key;
    t->vals[i] = v;
}

/* The value of key, or -1. */
static int64_t stab_get(const stab *t, const char *key)
{
    if (!key)
        return -1;
    for (uint32_t i = hash_str(key) & (t->cap - 1); t->keys[i]; i = (i + 1) & (t->cap - 1))
        if (strcmp(t->keys[i], key) == 0)
            return t->vals[i];
    return -1;
}

/* Whether list v of n renames holds r. */
static bool has_rename(const sema_rename *v, uint32_t n, const sema_rename *r)
{
    for (uint32_t j = 0; j < n; j++)
        if (strcmp(v[j].from, r->from) == 0 && strcmp(v[j].to, r->to) == 0)
            return true;
    return false;
}

/* The target renames between the two programs (`override target OLD as
 * NEW`), as one list from old names to new: the old program's that the new
 * one lacks, undone (latest first), then the new program's that the old one
 * lacks (a program extending an adaptation has its base's renames too; a
 * diff of an adaptation against its base has only its own, and one the
 * other way round has them undone). */
static void map_targets(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    x->tmap = arena_alloc(x->a, (a->ntarget_renames + b->ntarget_renames + 1) * sizeof *x->tmap);
    for (uint32_t k = a->ntarget_renames; k-- > 0;)
        if (!has_rename(b->target_renames, b->ntarget_renames, &a->target_renames[k]))
            x->tmap[x->ntmap++] = (sema_rename){a->target_renames[k].to, a->target_renames[k].from};
    for (uint32_t k = 0; k < b->ntarget_renames; k++)
        if (!has_rename(a->target_renames, a->ntarget_renames, &b->target_renames[k]))
            x->tmap[x->ntmap++] = b->target_renames[k];
}

/* The indicator renames between the two programs (`override indicator
 * OLD as NEW`), as map_targets makes the targets'. */
static void map_indicators(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    x->imap = arena_alloc(x->a, (a->nind_renames + b->nind_renames + 1) * sizeof *x->imap);
    for (uint32_t k = a->nind_renames; k-- > 0;)
        if (!has_rename(b->ind_renames, b->nind_renames, &a->ind_renames[k]))
            x->imap[x->nimap++] = (sema_rename){a->ind_renames[k].to, a->ind_renames[k].from};
    for (uint32_t k = 0; k < b->nind_renames; k++)
        if (!has_rename(a->ind_renames, a->nind_renames, &b->ind_renames[k]))
            x->imap[x->nimap++] = b->ind_renames[k];
}

/* The name the new program gives the old program's indicator `name`. */
static const char *ind_new_name(const D *x, const char *name)
{
    for (uint32_t k = 0; k < x->nimap; k++)
        if (strcmp(name, x->imap[k].from) == 0)
            name = x->imap[k].to;
    return name;
}

/* Expression e with each indicator named as the new program names it
 * (a copy when one is renamed): what two expressions are compared by,
 * so that a base's `PM25 <= 35` is no change beside its adaptation's
 * `细颗粒物浓度 <= 35` under `override indicator PM25 as 细颗粒物浓度`. */
static const ast_expr *new_names(D *x, const ast_expr *e, int depth)
{
    if (!e || !x->nimap || depth > AST_MAX_DEPTH)
        return e;
    ast_expr *c;
    switch (e->kind) {
    case EX_NAME: {
        if (e->sema.ref != REF_INDICATOR || !e->u.name.s)
            return e;
        const char *nn = ind_new_name(x, e->u.name.s);
        if (nn == e->u.name.s)
            return e;
        c = arena_alloc(x->a, sizeof *c);
        *c = *e;
        c->u.name.s = nn;
        c->u.name.qual = NULL;
        return c;
    }
    case EX_UNARY:
        c = arena_alloc(x->a, sizeof *c);
        *c = *e;
        c->u.un.a = (ast_expr *)new_names(x, e->u.un.a, depth + 1);
        return c;
    case EX_BINARY:
        c = arena_alloc(x->a, sizeof *c);
        *c = *e;
        c->u.bin.a = (ast_expr *)new_names(x, e->u.bin.a, depth + 1);
        c->u.bin.b = (ast_expr *)new_names(x, e->u.bin.b, depth + 1);
        return c;
    case EX_IF:
        c = arena_alloc(x->a, sizeof *c);
        *c = *e;
        c->u.cond.c = (ast_expr *)new_names(x, e->u.cond.c, depth + 1);
        c->u.cond.a = (ast_expr *)new_names(x, e->u.cond.a, depth + 1);
        c->u.cond.b = (ast_expr *)new_names(x, e->u.cond.b, depth + 1);
        return c;
    case EX_CALL:
        c = arena_alloc(x->a, sizeof *c);
        *c = *e;
        c->u.call.args = arena_alloc(x->a, (e->u.call.nargs + 1) * sizeof *c->u.call.args);
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            c->u.call.args[i] = (ast_expr *)new_names(x, e->u.call.args[i], depth + 1);
        return c;
    default:
        return e;
    }
}

/* Expression e's structural text with the new program's indicator names
 * (new_names): what two expressions are compared by. */
static const char *expr_key(D *x, const ast_expr *e)
{
    return ast_expr_text(x->a, new_names(x, e, 0));
}

/* The name the new program gives the old program's target `name`. */
static const char *target_new_name(const D *x, const char *name)
{
    for (uint32_t k = 0; k < x->ntmap; k++)
        if (strcmp(name, x->tmap[k].from) == 0)
            name = x->tmap[k].to;
    return name;
}

/* The name the old program gives the new program's target `name`. */
static const char *target_old_name(const D *x, const char *name)
{
    for (uint32_t k = x->ntmap; k-- > 0;)
        if (strcmp(name, x->tmap[k].to) == 0)
            name = x->tmap[k].from;
    return name;
}

/* A new item. */
static ditem *item(D *x, char op, const char *kind, const char *name)
{
    ditem *it = arena_alloc(x->a, sizeof *it);
    it->op = op;
    it->kind = kind;
    it->name = name;
    return it;
}

/* Records field `name` of it when old and new differ (NULL is "none"). */
static void field(D *x, ditem *it, const char *name, const char *old, const char *new)
{
    if ((!old && !new) || (old && new && strcmp(old, new) == 0))
        return;
    dfield *f = arena_alloc(x->a, sizeof *f);
    f->name = name;
    f->old = old;
    f->new = new;
    ptrvec_push(x->a, &it->fields, f);
}

/* Records field `name` of a values table's entry `region` (the region and
 * its years, as the new program calls it) from old to new: the caller has
 * compared them.  Returns the field, for the text report's words. */
static dfield *region_field(D *x, ditem *it, const char *name, const char *region, const char *old,
                            const char *new)
{
    dfield *f = arena_alloc(x->a, sizeof *f);
    f->name = name;
    f->region = region;
    f->old = old;
    f->new = new;
    ptrvec_push(x->a, &it->fields, f);
    return f;
}

/* ---------------------------------------------------------------- text of values */

/* A number in the fewest digits that read back as the same double. */
static const char *num(D *x, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        return arena_printf(x->a, "%.0f", v);
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return arena_strdup(x->a, buf);
}

/* A quantity as the reports write one: 92%, 7603 万亩, 35 μg/m³, yes (a
 * unit after a space but % and ‰, unit_gap, as explain and the page). */
static const char *quantity(D *x, double v, const unit_t *u, sema_type t)
{
    if (t == TY_BOOL)
        return v != 0 ? "yes" : "no";
    if (!u || (unit_is_dimensionless(u) && strcmp(unit_name(u), "1") == 0))
        return num(x, v);
    return arena_printf(x->a, "%s%s%s", num(x, v), unit_gap(unit_name(u)), unit_name(u));
}

/* Text t[0..n) with every run of white space made one space. */
static const char *one_spaced(D *x, const char *t, size_t n)
{
    char *out = arena_alloc(x->a, n + 1);
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = false;
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

/* An expression as written in its side's source, an indicator the side's
 * rules renamed written by its new name (sema_expr_source). */
static const char *expr_src(D *x, const diff_side *s, const ast_expr *e)
{
    if (!e)
        return NULL;
    const char *t = sema_expr_source(x->a, s->d, e);
    return one_spaced(x, t, strlen(t));
}

/* Compares two expressions by structure; records the field, showing them
 * as written, when they differ.  An absent one means the expression whose
 * prefix form is dflt (NULL: none; the assessment's score: progress() * 100). */
static void expr_field_dflt(D *x, ditem *it, const char *name, const ast_expr *eo,
                            const ast_expr *en, const char *dflt)
{
    const char *to = eo ? expr_key(x, eo) : dflt, *tn = en ? expr_key(x, en) : dflt;
    if ((!to && !tn) || (to && tn && strcmp(to, tn) == 0))
        return;
    dfield *f = arena_alloc(x->a, sizeof *f);
    f->name = name;
    f->old = eo ? expr_src(x, x->o, eo) : NULL;
    f->new = en ? expr_src(x, x->n, en) : NULL;
    ptrvec_push(x->a, &it->fields, f);
}

/* expr_field_dflt with no default. */
static void expr_field(D *x, ditem *it, const char *name, const ast_expr *eo, const ast_expr *en)
{
    expr_field_dflt(x, it, name, eo, en, NULL);
}

/* Strings joined with "、" (agencies) or ", ". */
static const char *join(D *x, const char *const *v, uint32_t n, const char *sep)
{
    if (n == 0)
        return NULL;
    /* measured first, then copied once: a group may list thousands */
    size_t len = 0, ls = strlen(sep);
    for (uint32_t i = 0; i < n; i++)
        len += strlen(v[i]) + (i ? ls : 0);
    char *s = arena_alloc(x->a, len + 1), *at = s;
    for (uint32_t i = 0; i < n; i++) {
        if (i) {
            memcpy(at, sep, ls);
            at += ls;
        }
        size_t k = strlen(v[i]);
        memcpy(at, v[i], k);
        at += k;
    }
    *at = '\0';
    return s;
}

/* Text t as a rules string writes it: in quotes, with the lexer's escapes
 * for a quote, a backslash, a line break and a tab (`"市\"州"`;
 * ir_string_escape, which --dump-ir shares), so that a text with a quote
 * in it reads back as one text. */
static const char *rules_string(D *x, const char *t)
{
    size_t n = strlen(t);
    char *o = arena_alloc(x->a, 2 * n + 3), *w = o;
    *w++ = '"';
    for (const char *c = t; *c; c++) {
        const char *e = ir_string_escape(*c);
        if (e) {
            memcpy(w, e, 2);
            w += 2;
        } else {
            *w++ = *c;
        }
    }
    *w++ = '"';
    *w = '\0';
    return o;
}

/* A model's levels as its rules write them, each with its text if it has
 * one (`province, city "市州"`), so that a diff shows a renamed level. */
static const char *levels_text(D *x, const sema_model *m)
{
    const char **v = arena_alloc(x->a, (m->nlevels + 1) * sizeof *v);
    for (uint32_t l = 0; l < m->nlevels; l++)
        v[l] = m->level_texts && m->level_texts[l]
                   ? arena_printf(x->a, "%s %s", m->levels[l], rules_string(x, m->level_texts[l]))
                   : m->levels[l];
    return join(x, v, m->nlevels, ", ");
}

/* A list of names as written; a region name of the old side is shown as
 * the new side calls it when `map` is set. */
static const char *names(D *x, const ast_names *ns, bool map)
{
    const char **v = arena_alloc(x->a, (ns->n + 1) * sizeof *v);
    for (uint32_t i = 0; i < ns->n; i++) {
        const char *nm = ns->v[i].s ? ns->v[i].s : "?";
        int64_t r = map ? stab_get(&x->oldreg, nm) : -1;
        if (r >= 0)
            nm = x->rename[r];
        v[i] = nm;
    }
    return join(x, v, ns->n, ", ");
}

/* A target's scope as written: "for 沈阳, 大连", "for city in 江苏",
 * "for city except 沈阳", "every region". */
static const char *scope_text(D *x, const ast_target *t, bool map)
{
    if (!t || (t->scope.only.n == 0 && t->scope.except.n == 0))
        return "every region";
    const char *s = arena_printf(x->a, "for %s", names(x, &t->scope.only, map));
    if (t->scope.within.n)
        s = arena_printf(x->a, "%s in %s", s, names(x, &t->scope.within, map));
    if (t->scope.except.n)
        s = arena_printf(x->a, "%s except %s", s, names(x, &t->scope.except, map));
    return s;
}

/* A scope's list in words of lang: a level of model m as the reports name
 * it, each of its regions ("各市级地区", with the rules' own word for
 * the level "各市（区）"), a region as it is; joined by
 * the language's separator ("沈阳、大连"); names mapped as in names(). */
static const char *names_words(D *x, const sema_model *m, const ast_names *ns, bool map, lbl_lang lang,
                               bool levels)
{
    const char *s = "";
    for (uint32_t i = 0; i < ns->n; i++) {
        const char *nm = ns->v[i].s ? ns->v[i].s : "?";
        int64_t r = map ? stab_get(&x->oldreg, nm) : -1;
        if (r >= 0)
            nm = x->rename[r];
        uint32_t l = 0;
        while (levels && l < m->nlevels && strcmp(m->levels[l], nm) != 0)
            l++;
        if (levels && l < m->nlevels) {
            /* the rules' own text for the level (a noun for its regions:
             * 各市（区）), else the built-in word (an adjective: 各市级地区) */
            bool own = m->level_texts && m->level_texts[l];
            nm = own ? arena_printf(x->a, lbl_get(lang, LBL_D_EACH_OWN), m->level_texts[l])
                     : arena_printf(x->a, lbl_get(lang, LBL_D_EACH_LEVEL), lbl_level(lang, nm));
        }
        s = arena_printf(x->a, "%s%s%s", s, i ? lbl_get(lang, LBL_X_SEP) : "", nm);
    }
    return s;
}

/* A target's scope in the words of lang (of model m, the side it is
 * written in): in English as written (scope_text); in Chinese as the
 * explanation words it, "各市级地区（沈阳、大连除外）", "各市级地区
 * （江苏所辖）", "所有地区". */
static const char *scope_words(D *x, const sema_model *m, const ast_target *t, bool map, lbl_lang lang)
{
    if (lang == LBL_EN || !t || (t->scope.only.n == 0 && t->scope.except.n == 0))
        return lbl_word(lang, scope_text(x, t, map));
    const char *s = names_words(x, m, &t->scope.only, map, lang, true), *in = "";
    if (t->scope.within.n)
        in = arena_printf(x->a, lbl_get(lang, LBL_D_SCOPE_WITHIN), names_words(x, m, &t->scope.within, map, lang, false));
    if (t->scope.except.n)
        in = arena_printf(x->a, "%s%s%s", in, *in ? lbl_get(lang, LBL_D_SCOPE_AND) : "",
                          arena_printf(x->a, lbl_get(lang, LBL_D_SCOPE_EXCEPT),
                                       names_words(x, m, &t->scope.except, map, lang, false)));
    return *in ? arena_printf(x->a, lbl_get(lang, LBL_D_SCOPE_PARTS), s, in) : s;
}

/* Goal k of a target in unit u: ">= 92%".  A goal read from the data is
 * shown as side writes it, or with side NULL in its structural form (for
 * comparing: spacing is no change). */
static const char *goal_text(D *x, const diff_side *side, const sema_target *t, const unit_t *u,
                             uint32_t k)
{
    double g = t->ms[k].goal;
    if (t->type == TY_NUM && u && t->unit && unit_same_dim(t->unit, u))
        g = unit_convert(g, t->unit, u);
    return arena_printf(x->a, "%s %s", ast_opname(t->ms[k].op),
                        !t->ms[k].goal_expr ? quantity(x, g, u, t->type)
                        : side ? expr_src(x, side, t->ms[k].goal_expr)
                            : expr_key(x, t->ms[k].goal_expr));
}

/* The goals of a target in unit u: ">= 92%, >= 95%" (goal_text each). */
static const char *goals(D *x, const diff_side *side, const sema_target *t, const unit_t *u)
{
    const char **v = arena_alloc(x->a, (t->nms + 1) * sizeof *v);
    for (uint32_t k = 0; k < t->nms; k++)
        v[k] = goal_text(x, side, t, u, k);
    return join(x, v, t->nms, ", ");
}

/* The goals of a target in unit u as the text report shows them in lang,
 * each with its deadline as the page writes one: "<= 37 μg/m³ by 2027;
 * <= 30 μg/m³ by 2035", "<= 37 μg/m³，到2027年；<= 30 μg/m³，到2035年"
 * (a goal of every year has none).  `also`, when not NULL, follows in
 * parentheses (the old goals in the new unit). */
static const char *goals_shown(D *x, const diff_side *side, const sema_target *t, const unit_t *u,
                               lbl_lang lang, const char *also)
{
    const char **v = arena_alloc(x->a, (t->nms + 1) * sizeof *v);
    for (uint32_t k = 0; k < t->nms; k++) {
        v[k] = goal_text(x, side, t, u, k);
        if (t->ms[k].deadline)
            v[k] = arena_printf(x->a, "%s%s", v[k],
                                arena_printf(x->a, lbl_get(lang, LBL_BY_YEAR), t->ms[k].deadline));
    }
    const char *all = join(x, v, t->nms, lbl_get(lang, LBL_LIST_SEP));
    if (all && also)
        all = arena_printf(x->a, "%s%s%s%s", all, lbl_get(lang, LBL_PAREN_OPEN),
                           arena_printf(x->a, lbl_get(lang, LBL_D_IN_NEW_UNIT), also), lbl_get(lang, LBL_PAREN_CLOSE));
    return all;
}

/* The tolerances of a target's goals in unit u: "0.5%, none"; NULL when
 * no goal has one (a changed tolerance is a change of the target). */
static const char *tolerances(D *x, const sema_target *t, const unit_t *u)
{
    const char **all = arena_alloc(x->a, (t->nms + 1) * sizeof *all);
    bool any = false;
    for (uint32_t k = 0; k < t->nms; k++) {
        double v = t->ms[k].tolerance;
        if (!isnan(v) && t->type == TY_NUM && u && t->unit && unit_same_dim(t->unit, u))
            v = unit_convert(v, t->unit, u);
        any = any || !isnan(v);
        all[k] = isnan(v) ? "none" : quantity(x, v, u, t->type);
    }
    return any ? join(x, all, t->nms, ", ") : NULL;
}

/* The deadlines of a target's goals: "2027, 2035" ("every year" for none). */
static const char *deadlines(D *x, const sema_target *t)
{
    const char **v = arena_alloc(x->a, (t->nms + 1) * sizeof *v);
    for (uint32_t k = 0; k < t->nms; k++)
        v[k] = t->ms[k].deadline ? arena_printf(x->a, "%d", t->ms[k].deadline) : "every year";
    return join(x, v, t->nms, ", ");
}

/* What a target is, in one line, in lang: "近岸海域水质优良比例 >= 92% by
 * 2027" as the rules write it (English: the JSON's and the English
 * report's), "近岸海域水质优良比例 >= 92%，到2027年" in Chinese, with the
 * words explain's Chinese target lines use (labels.h: LBL_BY_YEAR,
 * LBL_TOLERANCE, LBL_FALLS_EVERY_YEAR, LBL_PEAKS_BY, lbl_kind ...).  The
 * measured expression and a goal read from the data are rules text in
 * either language. */
static const char *condition(D *x, const diff_side *s, const sema_target *t, lbl_lang lang)
{
    const char *m = expr_src(x, s, t->measured);
    switch (t->tk) {
    case TG_FALLS: return arena_printf(x->a, "%s %s", m, lbl_get(lang, LBL_FALLS_EVERY_YEAR));
    case TG_RISES: return arena_printf(x->a, "%s %s", m, lbl_get(lang, LBL_RISES_EVERY_YEAR));
    case TG_PEAKS: {
        const char *r = t->peak_by ? arena_printf(x->a, lbl_get(lang, LBL_PEAKS_BY), t->peak_by)
                                   : lbl_get(lang, LBL_PEAKS);
        r = arena_printf(x->a, "%s %s", m, r);
        if (t->tolerance > 0)
            r = arena_printf(x->a, "%s%s", r, arena_printf(x->a, lbl_get(lang, LBL_TOLERANCE),
                                                           arena_printf(x->a, "%s%%", num(x, t->tolerance * 100))));
        return r;
    }
    case TG_COMPLETE: {
        const char *r = arena_printf(x->a, lbl_get(lang, LBL_D_COMPLETE), m);
        if (t->nms && !isnan(t->ms[0].tolerance))
            r = arena_printf(x->a, "%s%s", r, arena_printf(x->a, lbl_get(lang, LBL_TOLERANCE),
                                                           quantity(x, t->ms[0].tolerance, t->unit, t->type)));
        if (t->nms && t->ms[0].deadline)
            r = arena_printf(x->a, "%s%s", r, arena_printf(x->a, lbl_get(lang, LBL_BY_YEAR), t->ms[0].deadline));
        return r;
    }
    default: {
        /* each milestone on its own, then joined once: a target may have thousands */
        const char **v = arena_alloc(x->a, (t->nms + 1) * sizeof *v);
        for (uint32_t k = 0; k < t->nms; k++) {
            const sema_milestone *ms = &t->ms[k];
            /* a yes/no goal in lang's words (是), as explain writes it */
            v[k] = arena_printf(x->a, "%s %s", ast_opname(ms->op),
                                ms->goal_expr ? expr_src(x, s, ms->goal_expr)
                                              : lbl_word(lang, quantity(x, ms->goal, t->unit, t->type)));
            if (!isnan(ms->tolerance))
                v[k] = arena_printf(x->a, "%s%s", v[k], arena_printf(x->a, lbl_get(lang, LBL_TOLERANCE),
                                                                     quantity(x, ms->tolerance, t->unit, t->type)));
            if (ms->deadline)
                v[k] = arena_printf(x->a, "%s%s", v[k], arena_printf(x->a, lbl_get(lang, LBL_BY_YEAR), ms->deadline));
        }
        const char *all = join(x, v, t->nms, lbl_get(lang, LBL_X_GOAL_SEP));
        const char *kind = t->tk == TG_RATED ? lbl_kind(lang, "rated") : t->redline ? lbl_kind(lang, "redline") : NULL;
        return arena_printf(x->a, "%s%s%s%s%s", kind ? kind : "", kind ? " " : "", m, all ? " " : "",
                            all ? all : "");
    }
    }
}

/* ---------------------------------------------------------------- comparing */

/* The plan: name, title, region, baseline, horizon, periods, levels, keys. */
static void diff_plan(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    ditem *it = &x->plan;
    it->op = '~';
    it->kind = "plan";
    it->name = b->plan ? b->plan : "?";
    field(x, it, "name", a->plan, b->plan);
    field(x, it, "title", a->title, b->title);
    const ast_decl *pa = a->plan_decl, *pb = b->plan_decl;
    const char *ra = pa && pa->u.plan.region.s ? pa->u.plan.region.s : NULL;
    for (uint32_t r = 0; ra && r < a->nregions; r++)
        if (strcmp(a->regions[r].name, ra) == 0) {
            if (strcmp(x->rename[r], ra) != 0 && pb && pb->u.plan.region.s &&
                strcmp(x->rename[r], pb->u.plan.region.s) == 0)
                ra = pb->u.plan.region.s; /* the region was replaced: not a change of its own */
            break;
        }
    field(x, it, "region", ra, pb && pb->u.plan.region.s ? pb->u.plan.region.s : NULL);
    field(x, it, "baseline", num(x, a->baseline), num(x, b->baseline));
    field(x, it, "horizon", num(x, a->horizon), num(x, b->horizon));
    const char *per[2] = {NULL, NULL};
    for (int side = 0; side < 2; side++) {
        const ast_decl *p = side ? pb : pa;
        uint32_t np = p ? p->u.plan.nperiods : 0;
        const char **v = arena_alloc(x->a, (np + 1) * sizeof *v);
        for (uint32_t k = 0; k < np; k++) {
            const ast_period *q = &p->u.plan.periods[k];
            v[k] = arena_printf(x->a, "%s = %d..%d", q->name.s ? q->name.s : "?", q->from, q->to);
        }
        per[side] = join(x, v, np, ", ");
    }
    field(x, it, "periods", per[0], per[1]);
    field(x, it, "levels", levels_text(x, a), levels_text(x, b));
    field(x, it, "keys", arena_printf(x->a, "region = %s, year = %s", rules_string(x, a->region_key), rules_string(x, a->year_key)),
          arena_printf(x->a, "region = %s, year = %s", rules_string(x, b->region_key), rules_string(x, b->year_key)));
    if (it->fields.n)
        x->nchanged++;
    else
        it->op = ' '; /* compared field by field: none differs */
}

/* For qsort: two names in byte order. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A regional group's members as its `of` list gives them, "北京市, 河北,
 * 太原" (sorted: in byte order, to compare two groups as sets, the
 * order written not mattering), each named as in the new program when
 * `rename` is given (the old program's names mapped). */
static const char *members_text(D *x, const sema_model *m, uint32_t r, const char *const *rename, bool sorted)
{
    const sema_region *g = &m->regions[r];
    const char **names = arena_alloc(x->a, (g->nmembers + 1) * sizeof *names);
    for (uint32_t k = 0; k < g->nmembers; k++)
        names[k] = rename ? rename[g->members[k]] : m->regions[g->members[k]].name;
    if (sorted)
        qsort(names, g->nmembers, sizeof *names, cmp_names);
    return join(x, names, g->nmembers, ", ");
}

/* "city in 辽宁省 alias "沈阳市"" */
static const char *region_desc(D *x, const sema_model *m, uint32_t r)
{
    const sema_region *g = &m->regions[r];
    const char *s = m->levels && g->level < m->nlevels ? m->levels[g->level] : "?";
    if (g->parent >= 0)
        s = arena_printf(x->a, "%s in %s", s, m->regions[g->parent].name);
    if (g->is_group)
        s = arena_printf(x->a, "%s of %s", s, members_text(x, m, r, NULL, false));
    return s;
}

/* The names each old region has in the new program (its own, or the
 * name of the new region that replaces it), the new region each maps to,
 * and the new regions some old one maps to.  By name tables: linear in
 * the regions. */
static void map_regions(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    /* the region renames and replacements between the two, as for targets
     * (map_targets): the old program's that the new one lacks, undone,
     * then the new one's that the old lacks; each name followed through
     * them (a region renamed by a base and again by its adaptation) */
    stab rep;
    uint32_t nr = a->nregion_renames + b->nregion_renames;
    stab_init(x->a, &rep, nr + 1);
    const char **to = arena_alloc(x->a, (nr + 1) * sizeof *to);
    uint32_t n = 0;
    for (uint32_t k = a->nregion_renames; k-- > 0;)
        if (!has_rename(b->region_renames, b->nregion_renames, &a->region_renames[k]) &&
            stab_get(&rep, a->region_renames[k].to) < 0) {
            stab_put(&rep, a->region_renames[k].to, n);
            to[n++] = a->region_renames[k].from;
        }
    for (uint32_t k = 0; k < b->nregion_renames; k++)
        if (!has_rename(a->region_renames, a->nregion_renames, &b->region_renames[k]) &&
            stab_get(&rep, b->region_renames[k].from) < 0) {
            stab_put(&rep, b->region_renames[k].from, n);
            to[n++] = b->region_renames[k].to;
        }
    stab_init(x->a, &x->oldreg, a->nregions);
    stab_init(x->a, &x->newreg, b->nregions);
    for (uint32_t r = 0; r < a->nregions; r++)
        stab_put(&x->oldreg, a->regions[r].name, r);
    for (uint32_t k = 0; k < b->nregions; k++)
        stab_put(&x->newreg, b->regions[k].name, k);
    x->rename = arena_alloc(x->a, (a->nregions + 1) * sizeof *x->rename);
    x->newidx = arena_alloc(x->a, (a->nregions + 1) * sizeof *x->newidx);
    x->hasold = arena_alloc(x->a, (b->nregions + 1) * sizeof *x->hasold);
    for (uint32_t r = 0; r < a->nregions; r++) {
        const char *nm = a->regions[r].name;
        int64_t k;
        for (uint32_t steps = 0; steps <= n && (k = stab_get(&rep, nm)) >= 0; steps++)
            nm = to[k];
        x->rename[r] = nm;
        x->newidx[r] = stab_get(&x->newreg, x->rename[r]);
        if (x->newidx[r] >= 0)
            x->hasold[x->newidx[r]] = true;
    }
}

/* Regions: added, dropped, replaced, changed (level, parent, aliases). */
static void diff_regions(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    bool *seen = arena_alloc(x->a, (b->nregions + 1) * sizeof *seen);
    for (uint32_t r = 0; r < a->nregions; r++) {
        int64_t k = x->newidx[r];
        if (k < 0) {
            ditem *it = item(x, '-', "region", a->regions[r].name);
            it->desc = region_desc(x, a, r);
            ptrvec_push(x->a, &x->regions, it);
            x->c_regions.dropped++;
            continue;
        }
        seen[k] = true;
        ditem *it = item(x, '~', "region", a->regions[r].name);
        if (strcmp(x->rename[r], a->regions[r].name) != 0) {
            it->renamed = x->rename[r];
            /* renamed (`override region OLD as NEW`), here or undone */
            it->rename = b->regions[k].renamed || a->regions[r].renamed;
        }
        const sema_region *ga = &a->regions[r], *gb = &b->regions[k];
        field(x, it, "level", a->levels[ga->level], b->levels[gb->level]);
        const char *pa = NULL;
        if (ga->parent >= 0)
            pa = x->rename[ga->parent];
        field(x, it, "parent", pa, gb->parent >= 0 ? b->regions[gb->parent].name : NULL);
        field(x, it, "aliases", join(x, ga->aliases, ga->naliases, ", "), join(x, gb->aliases, gb->naliases, ", "));
        /* members are a set: a change of their order alone is none */
        if (ga->is_group != gb->is_group ||
            (ga->is_group && strcmp(members_text(x, a, r, x->rename, true),
                                    members_text(x, b, (uint32_t)k, NULL, true)) != 0))
            field(x, it, "members", ga->is_group ? members_text(x, a, r, x->rename, false) : NULL,
                  gb->is_group ? members_text(x, b, (uint32_t)k, NULL, false) : NULL);
        if (it->fields.n || it->renamed) {
            ptrvec_push(x->a, &x->regions, it);
            x->c_regions.changed++;
        }
    }
    for (uint32_t k = 0; k < b->nregions; k++) {
        if (seen[k])
            continue;
        ditem *it = item(x, '+', "region", b->regions[k].name);
        it->desc = region_desc(x, b, k);
        ptrvec_push(x->a, &x->regions, it);
        x->c_regions.added++;
    }
}

/* v as indicator i's values show it ("20%", "12 万吨", "yes"); NULL for NaN. */
static const char *ind_number(D *x, const sema_indicator *i, double v)
{
    if (isnan(v))
        return NULL;
    if (i->type == TY_BOOL)
        return v != 0 ? "yes" : "no";
    /* a number in 1 alone, as quantity() writes one ("5", not "5 1") */
    const char *u = i->unit ? unit_name(i->unit) : "";
    if (strcmp(u, "1") == 0)
        u = "";
    return arena_printf(x->a, "%s%s%s", num(x, v), unit_gap(u), u);
}

/* The run of a row of indicator i's values with `in` giving region k
 * year y (its own row's, its level's or the `else` row's, by precedence:
 * ir_values_run; *from which, when from is not NULL), or NULL. */
static const ir_yearrun *year_run_from(const sema_indicator *i, uint32_t k, int y, ir_valfrom *from)
{
    if (!i->values_nyears)
        return NULL;
    const ir_valshared *sh = i->values_shared;
    bool own_given = !sh || (sh->from[k] == IR_VAL_OWN && !isnan(i->values[k]));
    return ir_values_run(i->values_run_start, i->values_runs, own_given, sh, k, y, from);
}

/* year_run_from, without which row. */
static const ir_yearrun *year_run(const sema_indicator *i, uint32_t k, int y)
{
    return year_run_from(i, k, y, NULL);
}

/* Whether a row of indicator i's values with `in` gives region k year y. */
static bool year_given(const sema_indicator *i, uint32_t k, int y)
{
    return year_run(i, k, y) != NULL;
}

/* Indicator i's value for region k in year y, and the note of the row
 * giving it (*note). */
static double year_value(const sema_indicator *i, uint32_t k, int y, const char **note)
{
    const ir_yearrun *run = year_run(i, k, y);
    if (run) {
        *note = run->note;
        return run->value;
    }
    *note = i->value_notes ? i->value_notes[k] : NULL;
    return i->values ? i->values[k] : NAN;
}

/* The shared row region k of model m has its value from in indicator i's
 * table (every year, or in year y when y is not 0): its level's name, or
 * "else"; NULL for its own row (or a table without shared rows). */
static const char *value_source(const sema_model *m, const sema_indicator *i, uint32_t k, int y)
{
    if (!i->values_shared)
        return NULL;
    ir_valfrom from = (ir_valfrom)i->values_shared->from[k], by_year;
    if (y && year_run_from(i, k, y, &by_year))
        from = by_year;
    if (from == IR_VAL_LEVEL)
        return m->regions[k].level < m->nlevels ? m->levels[m->regions[k].level] : NULL;
    return from == IR_VAL_ELSE ? "else" : NULL;
}

static int64_t shared_slot(const sema_model *m, const sema_indicator *i, const char *name);

/* The value shared row `name` of indicator i (in model m) gives a region
 * in year y (0: every year): its row with `in` that year, else its row
 * without; NaN where the table has neither. */
static double shared_in(const sema_model *m, const sema_indicator *i, const char *name, int y)
{
    int64_t slot = shared_slot(m, i, name);
    if (slot < 0)
        return NAN;
    const ir_valshared *sh = i->values_shared;
    const ir_yearrun *run = y && i->values_nyears ? ir_year_run(sh->run_start, sh->runs, (uint32_t)slot, y)
                                                  : NULL;
    if (run && !isnan(run->value))
        return run->value;
    return sh->values[slot];
}

/* Whether the change of old region r's value to new region k's (every
 * year, or in year y) is that of a shared row, a level's or the `else`
 * row, which shared_field lists once: both take it from the same row, or
 * one takes it from a row the other table does not have while the other
 * gives the region nothing. */
static bool same_source(D *x, const sema_indicator *ia, int64_t r, const sema_indicator *ib, int64_t k, int y)
{
    if (r < 0 || k < 0)
        return false;
    const char *sa = value_source(x->o->m, ia, (uint32_t)r, y);
    const char *sb = value_source(x->n->m, ib, (uint32_t)k, y);
    if (sa && sb)
        return strcmp(sa, sb) == 0;
    const char *note;
    if (sb)
        return isnan(year_value(ia, (uint32_t)r, y, &note)) && isnan(shared_in(x->o->m, ia, sb, y));
    if (sa)
        return isnan(year_value(ib, (uint32_t)k, y, &note)) && isnan(shared_in(x->n->m, ib, sa, y));
    return false;
}

/* The value of region k in indicator i's values table as written,
 * "20.5%", "2300 万亩", "yes"; NULL for none. */
static const char *ind_value(D *x, const sema_indicator *i, uint32_t k)
{
    return i->values ? ind_number(x, i, i->values[k]) : NULL;
}

/* An indicator's values table as "北京 20.5%, 天津 20.5%, 海南 12%" in the
 * order of m's regions, in the indicator's unit; NULL for none. */
static const char *ind_values(D *x, const sema_model *m, const sema_indicator *i)
{
    if (!i->values)
        return NULL;
    const char **all = arena_alloc(x->a, (m->nregions + m->nlevels + 2) * sizeof *all);
    uint32_t n = 0;
    size_t cap = m->nregions + m->nlevels + 2;
    /* the regions (the values of their own rows), then the levels' rows
     * and the `else` row as written */
    uint32_t nshared = i->values_shared ? i->values_shared->nslots : 0;
    for (uint32_t k = 0; k < m->nregions + nshared; k++) {
        bool shared = k >= m->nregions;
        uint32_t slot = k - m->nregions;
        const char *name = !shared ? m->regions[k].name : slot < m->nlevels ? m->levels[slot] : "else";
        double every = shared ? i->values_shared->values[slot] : i->values[k];
        if (!shared && i->values_shared && i->values_shared->from[k] != IR_VAL_OWN)
            every = NAN;
        if (!isnan(every))
            all[n++] = arena_printf(x->a, "%s %s", name, ind_number(x, i, every));
        /* then its rows with years, a run of one value as "2024..2025" */
        const uint32_t *start = shared ? i->values_shared->run_start : i->values_run_start;
        const ir_yearrun *runs = shared ? i->values_shared->runs : i->values_runs;
        uint32_t at = shared ? slot : k;
        uint32_t y = i->values_nyears && start ? start[at] : 0;
        uint32_t end = i->values_nyears && start ? start[at + 1] : 0;
        while (y < end) {
            if (isnan(runs[y].value)) {
                y++;
                continue;
            }
            /* runs next to each other with one value as one */
            uint32_t e = y + 1;
            while (e < end && runs[e].from == runs[e - 1].to + 1 && runs[e].value == runs[y].value)
                e++;
            if (n + 1 >= cap) {
                const char **more = arena_alloc(x->a, 2 * cap * sizeof *more);
                memcpy(more, all, n * sizeof *more);
                all = more;
                cap *= 2;
            }
            int from = runs[y].from, to = runs[e - 1].to;
            all[n++] = from == to ? arena_printf(x->a, "%s %s in %d", name, ind_number(x, i, runs[y].value),
                                                 from)
                                  : arena_printf(x->a, "%s %s in %d..%d", name,
                                                 ind_number(x, i, runs[y].value), from, to);
            y = e;
        }
    }
    const char *r = join(x, all, n, ", ");
    return r ? r : "";
}

/* The first year after y at which one of runs[start[at] .. start[at +
 * 1]) starts or ends (the year after its last), or `best` if that comes
 * first; start NULL: none. */
static int run_break(const uint32_t *start, const ir_yearrun *runs, uint32_t at, int y, int best)
{
    if (!start)
        return best;
    /* the first run from a year > y */
    uint32_t lo = ir_year_run_after(start, runs, at, y);
    if (lo < start[at + 1] && runs[lo].from < best)
        best = runs[lo].from;
    if (lo > start[at] && runs[lo - 1].to >= y && runs[lo - 1].to + 1 < best)
        best = runs[lo - 1].to + 1;
    return best;
}

/* The first year after y at which region k's value of indicator i may
 * change: a run of its own rows with `in`, of its level's or of the else
 * row's starts or ends (INT_MAX: none).  Between two such years every
 * year reads the same rows, so values_years_field compares one year of
 * each stretch: its cost is the runs, not the years. */
static int value_break(const sema_indicator *i, int64_t k, int y)
{
    int best = INT_MAX;
    if (k < 0 || !i->values_nyears)
        return best;
    best = run_break(i->values_run_start, i->values_runs, (uint32_t)k, y, best);
    const ir_valshared *sh = i->values_shared;
    if (sh && sh->run_start) {
        best = run_break(sh->run_start, sh->runs, sh->slot[k], y, best);
        best = run_break(sh->run_start, sh->runs, sh->nslots - 1, y, best);
    }
    return best;
}

/* The years of values_field: where a row with `in` of either table gives
 * a region a year, the two tables' values (and notes) that year, compared
 * as values_field compares the every-year rows; a run of consecutive
 * years of one change is one entry ("values 长春 2024..2025: 20% -> 22%").
 * A region is listed once among the changes the targets' text shows. */
static void values_years_field(D *x, ditem *it, const sema_indicator *ia, const sema_indicator *ib,
                               uint32_t kb, bool convert)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    if (!ia->values_nyears && !ib->values_nyears)
        return;
    int lo = 0, hi = 0;
    const sema_indicator *both[2] = {ia, ib};
    for (int s = 0; s < 2; s++) {
        const sema_indicator *i = both[s];
        if (!i->values_nyears)
            continue;
        int last = i->values_year0 + (int)i->values_nyears - 1;
        if (!lo || i->values_year0 < lo)
            lo = i->values_year0;
        if (last > hi)
            hi = last;
    }
    for (uint32_t pass = 0; pass < 2; pass++) {
        uint32_t n = pass ? b->nregions : a->nregions;
        for (uint32_t r = 0; r < n; r++) {
            int64_t k = pass ? (int64_t)r : x->newidx[r];
            if (pass && x->hasold[r])
                continue;
            bool listed = false;
            for (int y = lo; y <= hi;) {
                bool ga = !pass && year_given(ia, r, y);
                bool gb = k >= 0 && year_given(ib, (uint32_t)k, y);
                const char *on = NULL, *nn = NULL;
                double ov = !pass ? year_value(ia, r, y, &on) : NAN;
                double nv = k >= 0 ? year_value(ib, (uint32_t)k, y, &nn) : NAN;
                double oc = convert && !isnan(ov) ? unit_convert(ov, ia->unit, ib->unit) : ov;
                bool same_v = (isnan(oc) && isnan(nv)) ||
                              oc == nv || (convert && fabs(oc - nv) <= 1e-12 * fabs(nv));
                bool same_n = (!on && !nn) || (on && nn && strcmp(on, nn) == 0) || isnan(ov) || isnan(nv);
                /* the next year either table may change in (a stretch
                 * between reads the same rows: one year stands for it) */
                int next = value_break(ib, k, y);
                if (!pass) {
                    int nb = value_break(ia, (int64_t)r, y);
                    next = nb < next ? nb : next;
                }
                if ((!ga && !gb) || (same_v && same_n) || same_source(x, ia, pass ? -1 : (int64_t)r, ib, k, y)) {
                    y = next;
                    continue;
                }
                /* the run of years with this change */
                int e = next;
                for (; e <= hi;) {
                    const char *on2 = NULL, *nn2 = NULL;
                    bool ga2 = !pass && year_given(ia, r, e);
                    bool gb2 = k >= 0 && year_given(ib, (uint32_t)k, e);
                    double ov2 = !pass ? year_value(ia, r, e, &on2) : NAN;
                    double nv2 = k >= 0 ? year_value(ib, (uint32_t)k, e, &nn2) : NAN;
                    if ((!ga2 && !gb2) || same_source(x, ia, pass ? -1 : (int64_t)r, ib, k, e) ||
                        !(ov2 == ov || (isnan(ov2) && isnan(ov))) ||
                        !(nv2 == nv || (isnan(nv2) && isnan(nv))) ||
                        !(on2 == on || (on2 && on && strcmp(on2, on) == 0)) ||
                        !(nn2 == nn || (nn2 && nn && strcmp(nn2, nn) == 0)))
                        break;
                    int e2 = value_break(ib, k, e);
                    if (!pass) {
                        int nb = value_break(ia, (int64_t)r, e);
                        e2 = nb < e2 ? nb : e2;
                    }
                    e = e2;
                }
                if (e > hi + 1)
                    e = hi + 1;
                const char *name = pass ? b->regions[r].name : x->rename[r];
                const char *where = e - 1 == y ? arena_printf(x->a, "%s %d", name, y)
                                               : arena_printf(x->a, "%s %d..%d", name, y, e - 1);
                /* the text's, in each language ("唐山 2025年", "长春 2024–2025年") */
                const char *lwhere[LBL_NLANGS];
                for (int l = 0; l < LBL_NLANGS; l++)
                    lwhere[l] = e - 1 == y ? arena_printf(x->a, "%s %s", name,
                                                          arena_printf(x->a, lbl_get((lbl_lang)l, LBL_YEAR), y))
                                           : arena_printf(x->a, "%s %s", name,
                                                          arena_printf(x->a, lbl_get((lbl_lang)l, LBL_D_YEARS), y,
                                                                       e - 1));
                if (!same_n && !isnan(ov) && !isnan(nv)) {
                    dfield *f = region_field(x, it, "values note", where, on, nn);
                    memcpy(f->lregion, lwhere, sizeof lwhere);
                }
                if (!same_v) {
                    dfield *f =
                        region_field(x, it, "values", where, ind_number(x, ia, ov), ind_number(x, ib, nv));
                    memcpy(f->lregion, lwhere, sizeof lwhere);
                    /* (the every-year rows may have listed it) */
                    for (size_t c = 0; !listed && c < x->valchg[kb].n; c++) {
                        const vchange *v = x->valchg[kb].v[c];
                        listed = v->newk == k && v->oldr == (pass ? -1 : (int64_t)r);
                    }
                    if (!listed) {
                        vchange *c = arena_alloc(x->a, sizeof *c);
                        c->region = name;
                        c->newk = k;
                        c->oldr = pass ? -1 : (int64_t)r;
                        ptrvec_push(x->a, &x->valchg[kb], c);
                        listed = true;
                    }
                }
                y = e;
            }
        }
    }
}

/* Row slot of indicator i's shared rows in model m (a level's, or the
 * `else` row at m->nlevels), named "city" or "else"; -1 when i has none
 * of that name. */
static int64_t shared_slot(const sema_model *m, const sema_indicator *i, const char *name)
{
    if (!i->values_shared)
        return -1;
    if (strcmp(name, "else") == 0)
        return m->nlevels;
    for (uint32_t l = 0; l < m->nlevels; l++)
        if (strcmp(m->levels[l], name) == 0)
            return l;
    return -1;
}

/* The value (and *note) of shared row slot (-1: none) of indicator i in
 * year y (0: its row without `in`): in a year, its row with `in` that
 * gives the year, else its row without `in`, as a region's own rows
 * (year_value); *given says whether a row with `in` gives it. */
static double shared_value(const sema_indicator *i, int64_t slot, int y, const char **note, bool *given)
{
    *note = NULL;
    *given = false;
    if (slot < 0)
        return NAN;
    const ir_valshared *sh = i->values_shared;
    if (y) {
        const ir_yearrun *run = i->values_nyears ? ir_year_run(sh->run_start, sh->runs, (uint32_t)slot, y)
                                                 : NULL;
        if (run && !isnan(run->value)) {
            *given = true;
            *note = run->note;
            return run->value;
        }
    }
    *note = sh->notes[slot];
    return sh->values[slot];
}

/* Whether some region of model m takes its value of indicator i from
 * the shared row `name` (a level's name or "else") in year y (0: its
 * every-year value): a level row of a level without regions, or whose
 * every region has a row of its own, gives no region anything. */
static bool shared_taken(const sema_model *m, const sema_indicator *i, const char *name, int y)
{
    if (shared_slot(m, i, name) < 0)
        return false;
    for (uint32_t k = 0; k < m->nregions; k++) {
        const char *src = value_source(m, i, k, y);
        if (src && strcmp(src, name) == 0)
            return true;
    }
    return false;
}

/* Records the changes of the levels' rows and the `else` row of the two
 * tables, once each ("values city: 40 μg/m^3 -> 38 μg/m^3", "values
 * else 2024: ..."), in the new program's order of levels, then the old
 * program's levels the new has not, then `else`: the regions that take
 * their value from the row are not listed one by one (same_source). */
static void shared_field(D *x, ditem *it, const sema_indicator *ia, const sema_indicator *ib, uint32_t kb,
                         bool convert)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    if (!ia->values_shared && !ib->values_shared)
        return;
    int lo = 0, hi = 0;
    const sema_indicator *both[2] = {ia, ib};
    for (int s = 0; s < 2; s++)
        if (both[s]->values_nyears) {
            int last = both[s]->values_year0 + (int)both[s]->values_nyears - 1;
            if (!lo || both[s]->values_year0 < lo)
                lo = both[s]->values_year0;
            if (last > hi)
                hi = last;
        }
    uint32_t nnames = b->nlevels + a->nlevels + 1;
    for (uint32_t q = 0; q < nnames; q++) {
        const char *name = q < b->nlevels ? b->levels[q]
                         : q < b->nlevels + a->nlevels ? a->levels[q - b->nlevels] : "else";
        if (q >= b->nlevels && q < b->nlevels + a->nlevels && shared_slot(b, ib, name) >= 0)
            continue; /* compared under the new program's level */
        int64_t sa = shared_slot(a, ia, name), sb = shared_slot(b, ib, name);
        bool changed = false;
        /* the row without `in` (y 0), then each year a row with `in` of
         * either table gives: a year no longer given falls back to the
         * row without `in` (`city 2023: 48 -> 50`, not `-> none`) */
        for (int y = 0; y <= hi; y = y ? y + 1 : (lo ? lo : hi + 1)) {
            const char *on, *nn;
            bool ga, gb;
            double ov = shared_value(ia, sa, y, &on, &ga), nv = shared_value(ib, sb, y, &nn, &gb);
            if ((isnan(ov) && isnan(nv)) || (y && !ga && !gb))
                continue;
            double oc = convert && !isnan(ov) ? unit_convert(ov, ia->unit, ib->unit) : ov;
            bool same_v = oc == nv || (convert && !isnan(nv) && fabs(oc - nv) <= 1e-12 * fabs(nv));
            bool same_n = (!on && !nn) || (on && nn && strcmp(on, nn) == 0) || isnan(ov) || isnan(nv);
            if (same_v && same_n)
                continue;
            /* the run of years of this change */
            int e = y + 1;
            for (; y && e <= hi; e++) {
                const char *on2, *nn2;
                bool ga2, gb2;
                double ov2 = shared_value(ia, sa, e, &on2, &ga2), nv2 = shared_value(ib, sb, e, &nn2, &gb2);
                if ((!ga2 && !gb2) || !(ov2 == ov || (isnan(ov2) && isnan(ov))) || !(nv2 == nv || (isnan(nv2) && isnan(nv))) ||
                    !(on2 == on || (on2 && on && strcmp(on2, on) == 0)) ||
                    !(nn2 == nn || (nn2 && nn && strcmp(nn2, nn) == 0)))
                    break;
            }
            const char *where = !y ? name : e - 1 == y ? arena_printf(x->a, "%s %d", name, y)
                                                       : arena_printf(x->a, "%s %d..%d", name, y, e - 1);
            /* a row no region takes is still a change of the rules, and
             * listed, but says that it changes no value */
            bool untaken = !shared_taken(a, ia, name, y) && !shared_taken(b, ib, name, y);
            if (!same_n) {
                dfield *f = region_field(x, it, "values note", where, on, nn);
                f->untaken = untaken;
            }
            if (!same_v) {
                dfield *f = region_field(x, it, "values", where, isnan(ov) ? NULL : ind_number(x, ia, ov),
                                         isnan(nv) ? NULL : ind_number(x, ib, nv));
                f->untaken = untaken;
                changed = true;
            }
            if (y)
                y = e - 1;
        }
        if (changed) {
            vchange *c = arena_alloc(x->a, sizeof *c);
            c->region = name;
            c->newk = c->oldr = -1;
            c->shared = true;
            c->old = ia;
            ptrvec_push(x->a, &x->valchg[kb], c);
        }
    }
}

/* Records the entries of indicator ia's (old) and ib's (new) values
 * tables that differ, region by region: "values 长春: 20% -> 22%" (and
 * "values note 长春: ..." where a row's note changed), a
 * region given only in the new table ("none -> 15%") or only in the old
 * ("18% -> none").  Old regions are named as the new program calls them,
 * in the old program's order, then the regions only the new program has.
 * Numbers are compared in the new indicator's unit, so that a change of
 * unit alone is not a change of every entry. */
static void values_field(D *x, ditem *it, const sema_indicator *ia, const sema_indicator *ib, uint32_t kb)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    if (!ia->values && !ib->values)
        return;
    bool convert = ia->type == TY_NUM && ib->type == TY_NUM && ia->unit && ib->unit &&
                   unit_same_dim(ia->unit, ib->unit);
    for (uint32_t pass = 0; pass < 2; pass++) {
        uint32_t n = pass ? b->nregions : a->nregions;
        for (uint32_t r = 0; r < n; r++) {
            int64_t k = pass ? (int64_t)r : x->newidx[r];
            if (pass && x->hasold[r])
                continue; /* compared with its old region */
            double ov = !pass && ia->values ? ia->values[r] : NAN;
            double nv = k >= 0 && ib->values ? ib->values[k] : NAN;
            if ((isnan(ov) && isnan(nv)) || same_source(x, ia, pass ? -1 : (int64_t)r, ib, k, 0))
                continue;
            /* the row's note (where its value comes from): a change of it
             * alone changes no score */
            const char *on = !pass && ia->value_notes ? ia->value_notes[r] : NULL;
            const char *nn = k >= 0 && ib->value_notes ? ib->value_notes[k] : NULL;
            if (!isnan(ov) && !isnan(nv) && (on || nn) && (!on || !nn || strcmp(on, nn) != 0)) {
                region_field(x, it, "values note", pass ? b->regions[r].name : x->rename[r], on, nn);
            }
            if (!isnan(ov) && !isnan(nv)) {
                double oc = convert ? unit_convert(ov, ia->unit, ib->unit) : ov;
                if (oc == nv || (convert && fabs(oc - nv) <= 1e-12 * fabs(nv)))
                    continue;
            }
            dfield *f = region_field(x, it, "values", pass ? b->regions[r].name : x->rename[r],
                                     pass ? NULL : ind_value(x, ia, r),
                                     k >= 0 ? ind_value(x, ib, (uint32_t)k) : NULL);
            /* kept for the targets that read the table */
            vchange *c = arena_alloc(x->a, sizeof *c);
            c->region = f->region;
            c->newk = k;
            c->oldr = pass ? -1 : (int64_t)r;
            ptrvec_push(x->a, &x->valchg[kb], c);
        }
    }
    values_years_field(x, it, ia, ib, kb, convert);
    shared_field(x, it, ia, ib, kb, convert);
}

/* The text map indicator i's column is read through (in model m), or NULL. */
static const sema_map *ind_map(const sema_model *m, const sema_indicator *i)
{
    if (i->column < 0 || m->columns[i->column].map < 0)
        return NULL;
    return &m->maps[m->columns[i->column].map];
}

/* A map's entry as written: "\"green\" = 4", "\"gray\" = missing". */
static const char *map_entry(D *x, const sema_map *mp, uint32_t k)
{
    return arena_printf(x->a, "%s = %s", rules_string(x, mp->texts[k]), isnan(mp->values[k]) ? "missing" : num(x, mp->values[k]));
}

/* How the maps of an indicator differ, each side the entries the other
 * lacks or reads otherwise, and `else` when it changed; *old and *new
 * stay NULL when the maps read every text alike (or neither side has
 * one).  Matched by text, so a reordered map is no change; a renamed map
 * shows in the column ("as NEW"). */
static void map_change(D *x, const sema_map *ma, const sema_map *mb, const char **old, const char **new)
{
    *old = *new = NULL;
    if (!ma || !mb)
        return;
    namemap in_a = {0}, in_b = {0};
    for (uint32_t k = 0; k < ma->n; k++)
        namemap_put(x->a, &in_a, ma->texts[k], (void *)&ma->values[k]);
    for (uint32_t k = 0; k < mb->n; k++)
        namemap_put(x->a, &in_b, mb->texts[k], (void *)&mb->values[k]);
    const char *o = NULL, *n = NULL;
    for (uint32_t k = 0; k < ma->n; k++) {
        const double *v = namemap_get(&in_b, ma->texts[k]);
        if (v && (*v == ma->values[k] || (isnan(*v) && isnan(ma->values[k]))))
            continue;
        const char *e = map_entry(x, ma, k);
        o = o ? arena_printf(x->a, "%s, %s", o, e) : e;
    }
    for (uint32_t k = 0; k < mb->n; k++) {
        const double *v = namemap_get(&in_a, mb->texts[k]);
        if (v && (*v == mb->values[k] || (isnan(*v) && isnan(mb->values[k]))))
            continue;
        const char *e = map_entry(x, mb, k);
        n = n ? arena_printf(x->a, "%s, %s", n, e) : e;
    }
    if (ma->else_missing != mb->else_missing) {
        const char *eo = ma->else_missing ? "else missing" : "else error";
        const char *en = mb->else_missing ? "else missing" : "else error";
        o = o ? arena_printf(x->a, "%s, %s", o, eo) : eo;
        n = n ? arena_printf(x->a, "%s, %s", n, en) : en;
    }
    *old = o;
    *new = n;
}

/* The column part of "万亩, higher, column "farmland_ha" in 公顷", with
 * the text map and the aggregate after it ("dash" as 仪表盘, "pm" mean).  A
 * share's unit is its own (%). */
static const char *ind_column(D *x, const sema_model *m, const sema_indicator *i)
{
    const ast_decl *d = i->decl;
    if (!d || !d->u.ind.column)
        return NULL;
    const char *r = rules_string(x, d->u.ind.column);
    const sema_map *mp = ind_map(m, i);
    if (mp)
        r = arena_printf(x->a, "%s as %s", r, mp->name);
    if (d->u.ind.agg.kind != AGG_SHARE && i->column_unit && i->unit && i->column_unit != i->unit &&
        strcmp(unit_name(i->column_unit), unit_name(i->unit)) != 0)
        r = arena_printf(x->a, "%s in %s", r, unit_name(i->column_unit));
    if (d->u.ind.agg.kind != AGG_NONE)
        r = arena_printf(x->a, "%s %s", r, ast_agg_text(x->a, &d->u.ind.agg));
    return r;
}

/* How i's column cells become i's values, "1 亩 = 0.0001 万亩", when that
 * differs from the other program's indicator o although both read a
 * column in units of the same names (a unit redefined, or the column's
 * unit changed with it); NULL otherwise, or when either has no column
 * unit.  The column's text alone would hide such a change. */
static const char *ind_conversion(D *x, const sema_indicator *i, const sema_indicator *o)
{
    if (!i->column_unit || !i->unit || !o->column_unit || !o->unit ||
        !i->decl || !i->decl->u.ind.column || !o->decl || !o->decl->u.ind.column ||
        i->decl->u.ind.agg.kind == AGG_SHARE || o->decl->u.ind.agg.kind == AGG_SHARE)
        return NULL;
    if (strcmp(unit_name(i->column_unit), unit_name(o->column_unit)) != 0 ||
        strcmp(unit_name(i->unit), unit_name(o->unit)) != 0)
        return NULL;
    double fi = unit_factor(i->column_unit, i->unit), fo = unit_factor(o->column_unit, o->unit);
    if (fi == fo)
        return NULL;
    return arena_printf(x->a, "1 %s = %s %s", unit_name(i->column_unit), num(x, fi), unit_name(i->unit));
}

/* "higher", "lower", or NULL for no direction. */
static const char *dir_name(ast_direction d)
{
    return d == DIR_HIGHER ? "higher" : d == DIR_LOWER ? "lower" : NULL;
}

/* An indicator in one line: its unit, direction and column or formula. */
static const char *ind_desc(D *x, const diff_side *s, const sema_indicator *i)
{
    const char *r = i->unit ? unit_name(i->unit) : "?";
    if (dir_name(i->dir))
        r = arena_printf(x->a, "%s, %s", r, dir_name(i->dir));
    const char *col = ind_column(x, s->m, i);
    if (col)
        return arena_printf(x->a, "%s, column %s", r, col);
    if (i->formula)
        return arena_printf(x->a, "%s, formula %s", r, expr_src(x, s, i->formula));
    if (i->values)
        return arena_printf(x->a, "%s, values { %s }", r, ind_values(x, s->m, i));
    return r;
}

/* The full name of agency `name` in m (its first declaration; NULL for
 * none); *found, when given, says whether m declares it at all. */
static const char *agency_full(const sema_model *m, const char *name, bool *found)
{
    for (uint32_t i = 0; i < m->nagencies; i++)
        if (strcmp(m->agency_names[i], name) == 0) {
            if (found)
                *found = true;
            return m->agency_fulls[i];
        }
    if (found)
        *found = false;
    return NULL;
}

/* Whether model m declares agency nm. */
static bool declares(const sema_model *m, const char *nm)
{
    for (uint32_t i = 0; i < m->nagencies; i++)
        if (strcmp(m->agency_names[i], nm) == 0)
            return true;
    return false;
}

/* Whether m's agency i has the name of an earlier one (listed once). */
static bool declared_before(const sema_model *m, uint32_t i)
{
    for (uint32_t j = 0; j < i; j++)
        if (strcmp(m->agency_names[j], m->agency_names[i]) == 0)
            return true;
    return false;
}

/* An agency only one program has (op '-': the old m, '+': the new), with
 * the measures of m that name it ("in (一), (二)", "in no measure"). */
static void lone_agency(D *x, char op, const sema_model *m, const char *nm)
{
    ditem *it = item(x, op, "agency", nm);
    const char *in = NULL;
    for (uint32_t k = 0; k < m->nmeasures; k++) {
        const sema_measure *me = &m->measures[k];
        bool named = false;
        for (uint32_t i = 0; i < me->nlead && !named; i++)
            named = strcmp(me->lead[i], nm) == 0;
        for (uint32_t i = 0; i < me->nresponsible && !named; i++)
            named = strcmp(me->responsible[i], nm) == 0;
        if (named)
            in = in ? arena_printf(x->a, "%s, %s", in, me->id) : me->id;
    }
    it->desc = in ? arena_printf(x->a, "in %s", in) : "in no measure";
    for (int l = 0; l < LBL_NLANGS; l++)
        it->ldesc[l] = in ? arena_printf(x->a, lbl_get((lbl_lang)l, LBL_D_IN_MEASURES), in)
                          : lbl_word((lbl_lang)l, "in no measure");
    ptrvec_push(x->a, &x->agencies, it);
    if (op == '+')
        x->c_agencies.added++;
    else
        x->c_agencies.dropped++;
}

/* The agencies the new program renames (`agency NEW replaces OLD`) and
 * the old one does not (a program that extends an adaptation has its
 * base's renames too): each is a change, with its full name when that
 * changed, and the old measures' agency lists are read through them.
 * An agency both declare whose full name changed is a change too. */
static void diff_agencies(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    x->arename = arena_alloc(x->a, (b->nagency_renames + 1) * sizeof *x->arename);
    for (uint32_t k = 0; k < b->nagency_renames; k++) {
        const sema_rename *r = &b->agency_renames[k];
        bool old = false;
        for (uint32_t j = 0; j < a->nagency_renames && !old; j++)
            old = strcmp(a->agency_renames[j].from, r->from) == 0 && strcmp(a->agency_renames[j].to, r->to) == 0;
        if (old)
            continue;
        x->arename[x->narename++] = r;
        ditem *it = item(x, '~', "agency", r->from);
        field(x, it, "full name", agency_full(a, r->from, NULL), agency_full(b, r->to, NULL));
        /* `agency A "new full name" replaces A`: only the full name changes
         * (nothing at all when it is the same) */
        if (strcmp(r->from, r->to) != 0)
            it->renamed = r->to;
        else if (!it->fields.n)
            continue;
        ptrvec_push(x->a, &x->agencies, it);
        x->c_agencies.changed++;
    }
    /* an agency both programs declare under one name, neither replacing
     * it anew, whose full name differs */
    for (uint32_t i = 0; i < b->nagencies; i++) {
        const char *nm = b->agency_names[i];
        bool seen = false, ok;
        for (uint32_t j = 0; j < i && !seen; j++)
            seen = strcmp(b->agency_names[j], nm) == 0;
        for (uint32_t k = 0; k < x->narename && !seen; k++)
            seen = strcmp(x->arename[k]->to, nm) == 0 || strcmp(x->arename[k]->from, nm) == 0;
        const char *oldfull = seen ? NULL : agency_full(a, nm, &ok);
        if (seen || !ok)
            continue;
        ditem *it = item(x, '~', "agency", nm);
        field(x, it, "full name", oldfull, b->agency_fulls[i]);
        if (!it->fields.n)
            continue;
        ptrvec_push(x->a, &x->agencies, it);
        x->c_agencies.changed++;
    }
    /* `drop agency`: listed with the old measures that named it */
    x->adrop = arena_alloc(x->a, (b->nagency_drops + 1) * sizeof *x->adrop);
    for (uint32_t k = 0; k < b->nagency_drops; k++) {
        const char *nm = b->agency_drops[k];
        bool old = false;
        for (uint32_t j = 0; j < a->nagency_drops && !old; j++)
            old = strcmp(a->agency_drops[j], nm) == 0;
        if (old)
            continue;
        x->adrop[x->nadrop++] = nm;
        lone_agency(x, '-', a, nm);
    }
    /* an agency one program declares and the other does not, neither
     * replacing nor dropping it: two versions of one plan's rules (an
     * agency left out of the new version, or added to it) */
    for (uint32_t i = 0; i < a->nagencies; i++) {
        const char *nm = a->agency_names[i];
        bool known = declares(b, nm) || declared_before(a, i);
        for (uint32_t k = 0; k < b->nagency_renames && !known; k++)
            known = strcmp(b->agency_renames[k].from, nm) == 0;
        for (uint32_t k = 0; k < b->nagency_drops && !known; k++)
            known = strcmp(b->agency_drops[k], nm) == 0;
        if (!known)
            lone_agency(x, '-', a, nm);
    }
    for (uint32_t i = 0; i < b->nagencies; i++) {
        const char *nm = b->agency_names[i];
        bool known = declares(a, nm) || declared_before(b, i);
        for (uint32_t k = 0; k < b->nagency_renames && !known; k++)
            known = strcmp(b->agency_renames[k].to, nm) == 0;
        if (!known)
            lone_agency(x, '+', b, nm);
    }
}

/* Indicators: added, dropped, changed (display name, unit, direction,
 * column, formula, values). */
static void diff_indicators(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    stab tb;
    stab_init(x->a, &tb, b->ninds);
    for (uint32_t k = 0; k < b->ninds; k++)
        stab_put(&tb, b->inds[k].name, k);
    bool *seen = arena_alloc(x->a, (b->ninds + 1) * sizeof *seen);
    for (uint32_t i = 0; i < a->ninds; i++) {
        const sema_indicator *ia = &a->inds[i];
        const char *nn = ind_new_name(x, ia->name);
        int64_t k = stab_get(&tb, nn);
        if (k < 0) {
            ditem *it = item(x, '-', "indicator", ia->name);
            it->desc = ind_desc(x, x->o, ia);
            ptrvec_push(x->a, &x->inds, it);
            x->c_inds.dropped++;
            continue;
        }
        seen[k] = true;
        const sema_indicator *ib = &b->inds[k];
        ditem *it = item(x, '~', "indicator", ia->name);
        if (nn != ia->name) {
            it->renamed = nn;
            it->rename = true;
        }
        field(x, it, "display", ia->display, ib->display);
        field(x, it, "unit", ia->unit ? unit_name(ia->unit) : NULL, ib->unit ? unit_name(ib->unit) : NULL);
        field(x, it, "direction", dir_name(ia->dir), dir_name(ib->dir));
        field(x, it, "column", ind_column(x, a, ia), ind_column(x, b, ib));
        const char *mo, *mn;
        map_change(x, ind_map(a, ia), ind_map(b, ib), &mo, &mn);
        if (mo || mn) {
            dfield *f = arena_alloc(x->a, sizeof *f);
            *f = (dfield){.name = "map", .old = mo, .new = mn};
            ptrvec_push(x->a, &it->fields, f);
        }
        field(x, it, "conversion", ind_conversion(x, ia, ib), ind_conversion(x, ib, ia));
        expr_field(x, it, "formula", ia->formula, ib->formula);
        values_field(x, it, ia, ib, (uint32_t)k);
        if (it->fields.n || it->renamed) {
            ptrvec_push(x->a, &x->inds, it);
            x->c_inds.changed++;
        }
    }
    for (uint32_t k = 0; k < b->ninds; k++) {
        if (seen[k])
            continue;
        ditem *it = item(x, '+', "indicator", b->inds[k].name);
        it->desc = ind_desc(x, x->n, &b->inds[k]);
        ptrvec_push(x->a, &x->inds, it);
        x->c_inds.added++;
    }
}

/* The fields of a target in both programs. */
static void target_fields(D *x, ditem *it, const sema_target *ta, const sema_target *tb)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    field(x, it, "kind", ta->kind, tb->kind);
    expr_field(x, it, "measures", ta->measured, tb->measured);
    field(x, it, "unit", ta->unit ? unit_name(ta->unit) : NULL, tb->unit ? unit_name(tb->unit) : NULL);
    if (ta->nms == tb->nms) {
        /* goals compared in the new unit, so that a change of unit alone is
         * not a change of value */
        const char *ga = goals(x, NULL, ta, tb->unit), *gb = goals(x, NULL, tb, tb->unit);
        if (ga && gb && strcmp(ga, gb) != 0) {
            const char *wa = goals(x, x->o, ta, ta->unit), *wb = goals(x, x->n, tb, tb->unit);
            /* The same text may mean another amount when a unit was
             * redefined (万亩 = 10000 亩 -> 1000 亩): then show the old goals
             * in the new unit too, so that the change is not dropped as an
             * equal pair of strings. */
            bool same = strcmp(wa, wb) == 0;
            if (same)
                wa = arena_printf(x->a, "%s (%s in the new unit)", wa, ga);
            field(x, it, "value", wa, wb);
            /* the text shows each goal with its deadline, in its language */
            dfield *f = it->fields.v[it->fields.n - 1];
            for (int l = 0; l < LBL_NLANGS; l++) {
                f->lold[l] = goals_shown(x, x->o, ta, ta->unit, (lbl_lang)l, same ? ga : NULL);
                f->lnew[l] = goals_shown(x, x->n, tb, tb->unit, (lbl_lang)l, NULL);
            }
        }
        const char *tla = tolerances(x, ta, tb->unit), *tlb = tolerances(x, tb, tb->unit);
        if (tla || tlb) {
            field(x, it, "tolerance", tla ? tla : "none", tlb ? tlb : "none");
            if (it->fields.n && strcmp(((dfield *)it->fields.v[it->fields.n - 1])->name, "tolerance") == 0)
                ((dfield *)it->fields.v[it->fields.n - 1])->words = true;
        }
        field(x, it, "deadline", deadlines(x, ta), deadlines(x, tb));
    } else {
        field(x, it, "milestones", condition(x, x->o, ta, LBL_EN), condition(x, x->n, tb, LBL_EN));
        if (it->fields.n && strcmp(((dfield *)it->fields.v[it->fields.n - 1])->name, "milestones") == 0) {
            dfield *f = it->fields.v[it->fields.n - 1];
            for (int l = 0; l < LBL_NLANGS; l++) {
                f->lold[l] = condition(x, x->o, ta, (lbl_lang)l);
                f->lnew[l] = condition(x, x->n, tb, (lbl_lang)l);
            }
        }
    }
    if (ta->tk == TG_PEAKS && tb->tk == TG_PEAKS) {
        field(x, it, "deadline", ta->peak_by ? num(x, ta->peak_by) : NULL, tb->peak_by ? num(x, tb->peak_by) : NULL);
        field(x, it, "tolerance", arena_printf(x->a, "%s%%", num(x, ta->tolerance * 100)),
              arena_printf(x->a, "%s%%", num(x, tb->tolerance * 100)));
    }
    /* a target's own baseline year (the plan's is compared with the plan) */
    if (ta->own_y0 || tb->own_y0)
        field(x, it, "baseline", ta->own_y0 ? num(x, ta->y0) : "the plan's",
              tb->own_y0 ? num(x, tb->y0) : "the plan's");
    field(x, it, "scope", scope_text(x, ta->ast, true), scope_text(x, tb->ast, false));
    if (strcmp(scope_text(x, ta->ast, true), scope_text(x, tb->ast, false)) != 0) {
        /* show the old scope as written; the text report's in its words */
        dfield *f = it->fields.v[it->fields.n - 1];
        f->old = scope_text(x, ta->ast, false);
        for (int l = 0; l < LBL_NLANGS; l++) {
            f->lold[l] = scope_words(x, a, ta->ast, false, (lbl_lang)l);
            f->lnew[l] = scope_words(x, b, tb->ast, false, (lbl_lang)l);
        }
    }
    field(x, it, "weight", num(x, ta->weight), num(x, tb->weight));
    field(x, it, "veto", ta->veto ? "yes" : "no", tb->veto ? "yes" : "no");
    expr_field(x, it, "score", ta->score, tb->score);
    field(x, it, "clause", ta->clause, tb->clause);
    field(x, it, "measure", a->measures[ta->measure].id, b->measures[tb->measure].id);
    field(x, it, "text", ta->desc, tb->desc);
    field(x, it, "note", ta->note, tb->note);
}

/* ---------------------------------------------------------------- coverage */

/* Sets up cs for program m: its regions per level and the scratch arrays. */
static void cover_init(D *x, coverside *cs, const sema_model *m)
{
    cs->levels = arena_alloc(x->a, (m->nlevels + 1) * sizeof *cs->levels);
    cs->seen = arena_alloc(x->a, (m->ninds + 1) * sizeof *cs->seen);
    cs->total = arena_alloc(x->a, (m->nlevels + 1) * sizeof *cs->total);
    cs->count = arena_alloc(x->a, (m->nlevels + 1) * sizeof *cs->count);
    cs->mark = arena_alloc(x->a, (m->nregions + 1) * sizeof *cs->mark);
    cs->stack = arena_alloc(x->a, (m->nregions + 1) * sizeof *cs->stack);
    for (uint32_t r = 0; r < m->nregions; r++)
        if (m->regions[r].level < m->nlevels)
            cs->total[m->regions[r].level]++;
    /* the regions right below each: counted, then placed */
    cs->kid_at = arena_alloc(x->a, (m->nregions + 2) * sizeof *cs->kid_at);
    uint32_t nkids = 0;
    for (uint32_t r = 0; r < m->nregions; r++) {
        const sema_region *g = &m->regions[r];
        if (g->parent >= 0)
            cs->kid_at[g->parent + 1]++;
        cs->kid_at[r + 1] += g->nmembers;
        nkids += (g->parent >= 0) + g->nmembers;
    }
    for (uint32_t r = 0; r < m->nregions; r++)
        cs->kid_at[r + 1] += cs->kid_at[r];
    cs->kids = arena_alloc(x->a, (nkids + 1) * sizeof *cs->kids);
    uint32_t *at = arena_alloc(x->a, (m->nregions + 1) * sizeof *at);
    memcpy(at, cs->kid_at, m->nregions * sizeof *at);
    for (uint32_t r = 0; r < m->nregions; r++) {
        const sema_region *g = &m->regions[r];
        if (g->parent >= 0)
            cs->kids[at[g->parent]++] = r;
        for (uint32_t k = 0; k < g->nmembers; k++)
            cs->kids[at[r]++] = g->members[k];
    }
}

/* Each program's levels matched by name with the other's. */
static void cover_levels(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    x->co.lvmap = arena_alloc(x->a, (a->nlevels + 1) * sizeof *x->co.lvmap);
    x->cn.lvmap = arena_alloc(x->a, (b->nlevels + 1) * sizeof *x->cn.lvmap);
    for (uint32_t l = 0; l < b->nlevels; l++)
        x->cn.lvmap[l] = -1;
    for (uint32_t l = 0; l < a->nlevels; l++) {
        x->co.lvmap[l] = -1;
        for (uint32_t k = 0; k < b->nlevels; k++)
            if (strcmp(a->levels[l], b->levels[k]) == 0) {
                x->co.lvmap[l] = (int32_t)k;
                x->cn.lvmap[k] = (int32_t)l;
            }
    }
}

/* Counts per level the regions coverage c of program m holds. */
static void cover_count(coverside *cs, const sema_model *m, const cover *c)
{
    if (c->all) {
        memcpy(cs->count, cs->total, (m->nlevels + 1) * sizeof *cs->count);
        return;
    }
    memset(cs->count, 0, (m->nlevels + 1) * sizeof *cs->count);
    for (uint32_t i = 0; i < c->n; i++)
        if (m->regions[c->v[i]].level < m->nlevels)
            cs->count[m->regions[c->v[i]].level]++;
}

/* Whether a region of level l of one program (cs, m), which the other
 * program (ot) lacks, is covered or not as a matter of course: the target
 * covers every region of that level in both programs (`for city`, every
 * region, a share over the cities of the whole province), so that it
 * gains or loses the region exactly as the plan does, which the regions
 * of the report list already. */
static bool level_whole(const coverside *cs, const sema_model *m, const coverside *ot, uint32_t l)
{
    if (l >= m->nlevels || cs->count[l] != cs->total[l])
        return false;
    int32_t k = cs->lvmap[l];
    return k < 0 || ot->count[k] == ot->total[k];
}

/* Flags in cs->levels the level of each function over the regions below
 * the row's in e (share, total, or lowest / highest / average with a
 * level), directly or through the formulas it names (each formula walked
 * once per target).  Returns whether it found one. */
static bool below_levels(const sema_model *m, coverside *cs, const ast_expr *e, int depth)
{
    if (!e || depth > AST_MAX_DEPTH)
        return false;
    switch (e->kind) {
    case EX_NAME:
        if (e->sema.ref != REF_INDICATOR || e->sema.index < 0 || (uint32_t)e->sema.index >= m->ninds ||
            !m->inds[e->sema.index].formula || cs->seen[e->sema.index] == cs->stamp)
            return false;
        cs->seen[e->sema.index] = cs->stamp;
        return below_levels(m, cs, m->inds[e->sema.index].formula, depth + 1);
    case EX_UNARY:
        return below_levels(m, cs, e->u.un.a, depth + 1);
    case EX_BINARY: {
        bool l = below_levels(m, cs, e->u.bin.a, depth + 1);
        return below_levels(m, cs, e->u.bin.b, depth + 1) || l;
    }
    case EX_IF: {
        bool c = below_levels(m, cs, e->u.cond.c, depth + 1);
        bool a = below_levels(m, cs, e->u.cond.a, depth + 1);
        return below_levels(m, cs, e->u.cond.b, depth + 1) || c || a;
    }
    case EX_CALL: {
        sema_ref f = e->sema.ref;
        bool found = false;
        if ((f == FN_SHARE || f == FN_TOTAL ||
             ((f == FN_LOWEST || f == FN_HIGHEST || f == FN_AVERAGE) && e->u.call.nargs == 2)) &&
            e->sema.index >= 0 && (uint32_t)e->sema.index < m->nlevels) {
            cs->levels[e->sema.index] = true;
            found = true;
        }
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            found = below_levels(m, cs, e->u.call.args[i], depth + 1) || found;
        return found;
    }
    default:
        return false;
    }
}

/* The rows target t is judged on: every region, or its scope. */
static cover target_rows(const sema_target *t)
{
    cover c = {0};
    c.all = !t->scoped;
    c.v = t->scope;
    c.n = t->nscope;
    return c;
}

/* Appends p to cs->pairs (grown in the arena, kept from target to target). */
static void pair_push(D *x, coverside *cs, uint64_t p)
{
    if (cs->npairs == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 256;
        uint64_t *v = arena_alloc(x->a, cap * sizeof *v);
        if (cs->npairs)
            memcpy(v, cs->pairs, cs->npairs * sizeof *v);
        cs->pairs = v;
        cs->cap = cap;
    }
    cs->pairs[cs->npairs++] = p;
}

/* For qsort: two pairs in ascending order. */
static int cmp_pair(const void *a, const void *b)
{
    uint64_t p = *(const uint64_t *)a, q = *(const uint64_t *)b;
    return p < q ? -1 : p > q;
}

/* Whether target t of program m has a function over the regions below
 * its rows (share, total, lowest / highest / average with a level),
 * directly or through a formula; the levels it reads are flagged in
 * cs->levels. */
static bool reads_below(coverside *cs, const sema_model *m, const sema_target *t)
{
    cs->stamp++;
    memset(cs->levels, 0, (m->nlevels + 1) * sizeof *cs->levels);
    bool below = t->type != TY_ERROR && below_levels(m, cs, t->measured, 0);
    for (uint32_t k = 0; k < t->nms; k++)
        below = below_levels(m, cs, t->ms[k].goal_expr, 0) || below;
    return below_levels(m, cs, t->score, 0) || below;
}

/* Pushes region r on the walk's stack unless the walk met it already. */
static void walk_push(coverside *cs, uint32_t *sp, uint32_t r)
{
    if (cs->mark[r] != cs->mstamp) {
        cs->mark[r] = cs->mstamp;
        cs->stack[(*sp)++] = r;
    }
}

/* What target t of program m reads below its rows (reads_below has
 * flagged the levels): each pair (row, region), the region at a flagged
 * level below the row (through children and groups' members, once
 * whatever the paths, as the runtime does).  Only the rows judged in both
 * programs are walked: those whose key (rowkey: per region, the new
 * program's index, -1 for none; NULL: the index itself) has stamp st in
 * x->in_old.  The pairs go to cs->pairs, ascending, (key << 32 | region).
 * Linear in the regions below those rows. */
static void target_reads(D *x, coverside *cs, const sema_model *m, const sema_target *t,
                         const int64_t *rowkey, uint32_t st)
{
    cs->npairs = 0;
    uint32_t nrows = t->scoped ? t->nscope : m->nregions;
    for (uint32_t i = 0; i < nrows; i++) {
        uint32_t r = t->scoped ? t->scope[i] : i;
        int64_t key = rowkey ? rowkey[r] : (int64_t)r;
        if (key < 0 || x->in_old[key] != st)
            continue;
        if (++cs->mstamp == 0) { /* wrapped: start the stamps again */
            memset(cs->mark, 0, (m->nregions + 1) * sizeof *cs->mark);
            cs->mstamp = 1;
        }
        uint32_t sp = 0;
        cs->mark[r] = cs->mstamp;
        for (uint32_t k = cs->kid_at[r]; k < cs->kid_at[r + 1]; k++)
            walk_push(cs, &sp, cs->kids[k]);
        while (sp) {
            uint32_t v = cs->stack[--sp];
            if (m->regions[v].level < m->nlevels && cs->levels[m->regions[v].level])
                pair_push(x, cs, (uint64_t)key << 32 | v);
            for (uint32_t k = cs->kid_at[v]; k < cs->kid_at[v + 1]; k++)
                walk_push(cs, &sp, cs->kids[k]);
        }
    }
    qsort(cs->pairs, cs->npairs, sizeof *cs->pairs, cmp_pair);
}

/* Records on it, for each row judged in both programs (stamp st in
 * x->in_old), the regions read below it only in the new program and only
 * in the old (the pairs of target_reads, old rows keyed by their new
 * index), in the new program's order of the rows; each list in its
 * program's order of declaration, old regions by the names the new
 * program gives them.  A region only one program has is left out where
 * the row reads every region of its level in both (level_whole): the
 * regions of the report say it. */
static void reads_diff(D *x, ditem *it, uint32_t st)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    const uint64_t *po = x->co.pairs, *pn = x->cn.pairs;
    size_t no = x->co.npairs, nn = x->cn.npairs, i = 0, j = 0;
    while (i < no || j < nn) {
        uint64_t ko = i < no ? po[i] >> 32 : UINT64_MAX, kn = j < nn ? pn[j] >> 32 : UINT64_MAX;
        uint64_t k = ko < kn ? ko : kn;
        size_t i0 = i, j0 = j;
        while (i < no && po[i] >> 32 == k)
            i++;
        while (j < nn && pn[j] >> 32 == k)
            j++;
        if (x->in_old[k] != st)
            continue; /* a row of one program only: its coverage says it */
        uint32_t rs = ++x->rstamp;
        memset(x->co.count, 0, (a->nlevels + 1) * sizeof *x->co.count);
        memset(x->cn.count, 0, (b->nlevels + 1) * sizeof *x->cn.count);
        for (size_t q = i0; q < i; q++)
            x->co.count[a->regions[(uint32_t)po[q]].level]++;
        for (size_t q = j0; q < j; q++) {
            uint32_t v = (uint32_t)pn[q];
            x->cn.count[b->regions[v].level]++;
            x->rd_new[v] = rs;
        }
        const char **loses = arena_alloc(x->a, (i - i0 + 1) * sizeof *loses);
        uint32_t nl = 0;
        for (size_t q = i0; q < i; q++) {
            uint32_t v = (uint32_t)po[q];
            int64_t kk = x->newidx[v];
            if (kk >= 0 && x->rd_new[kk] == rs)
                x->rd_old[kk] = rs;
            else if (kk >= 0 || !level_whole(&x->co, a, &x->cn, a->regions[v].level))
                loses[nl++] = x->rename[v];
        }
        const char **gains = arena_alloc(x->a, (j - j0 + 1) * sizeof *gains);
        uint32_t ng = 0;
        for (size_t q = j0; q < j; q++) {
            uint32_t v = (uint32_t)pn[q];
            if (x->rd_old[v] != rs && (x->hasold[v] || !level_whole(&x->cn, b, &x->co, b->regions[v].level)))
                gains[ng++] = b->regions[v].name;
        }
        if (!ng && !nl)
            continue;
        dreads *d = arena_alloc(x->a, sizeof *d);
        d->region = b->regions[k].name;
        d->gains = gains;
        d->ngains = ng;
        d->loses = loses;
        d->nloses = nl;
        ptrvec_push(x->a, &it->reads, d);
    }
}

/* Records on it the rows target ta (old) and tb (new) are judged on
 * differently, each list in its program's order of declaration, old
 * regions by the names the new program gives them, then (reads_diff) the
 * rows of both whose regions read below changed.  A region only one
 * program has is left out where the target is judged on its whole level
 * in both (level_whole): the report's regions say it. */
static void cover_diff(D *x, ditem *it, const sema_target *ta, const sema_target *tb)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    cover co = target_rows(ta), cn = target_rows(tb);
    uint32_t st = ++x->cstamp;
    uint32_t nn = cn.all ? b->nregions : cn.n, no = co.all ? a->nregions : co.n;
    if (!co.all || !cn.all) {
        cover_count(&x->co, a, &co);
        cover_count(&x->cn, b, &cn);
        for (uint32_t i = 0; i < nn; i++)
            x->in_new[cn.all ? i : cn.v[i]] = st;
    }
    bool ro = reads_below(&x->co, a, ta), rn = reads_below(&x->cn, b, tb);
    if (co.all && cn.all) {
        /* every region on both sides: no row gained or lost but with the
         * plan, which the regions say; the rows of both are those of the
         * new program an old region maps to */
        if (!ro && !rn)
            return;
        for (uint32_t k = 0; k < b->nregions; k++)
            if (x->hasold[k])
                x->in_old[k] = st;
    } else {
        const char **loses = arena_alloc(x->a, (no + 1) * sizeof *loses);
        uint32_t nl = 0;
        for (uint32_t i = 0; i < no; i++) {
            uint32_t r = co.all ? i : co.v[i];
            int64_t k = x->newidx[r];
            if (k >= 0 && x->in_new[k] == st)
                x->in_old[k] = st; /* a row of both */
            else if (k >= 0 || !level_whole(&x->co, a, &x->cn, a->regions[r].level))
                loses[nl++] = x->rename[r];
        }
        const char **gains = arena_alloc(x->a, (nn + 1) * sizeof *gains);
        uint32_t ng = 0;
        for (uint32_t i = 0; i < nn; i++) {
            uint32_t k = cn.all ? i : cn.v[i];
            if (x->in_old[k] != st && (x->hasold[k] || !level_whole(&x->cn, b, &x->co, b->regions[k].level)))
                gains[ng++] = b->regions[k].name;
        }
        it->gains = gains;
        it->ngains = ng;
        it->loses = loses;
        it->nloses = nl;
    }
    if (!ro && !rn)
        return;
    /* reads_below flagged the levels of the last target it saw on each side */
    target_reads(x, &x->co, a, ta, x->newidx, st);
    target_reads(x, &x->cn, b, tb, NULL, st);
    reads_diff(x, it, st);
}

/* Whether region r is in the ascending list v of n regions. */
static bool in_sorted(const uint32_t *v, uint32_t n, uint32_t r)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (v[mid] == r)
            return true;
        if (v[mid] < r)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Appends to out (at most cap) each indicator of the new program whose
 * values table changed and that e reads, directly or through the formulas
 * it names (each indicator met once per target: x->vseen). */
static void values_refs(D *x, const ast_expr *e, int depth, uint32_t *out, uint32_t *n, uint32_t cap)
{
    const sema_model *m = x->n->m;
    if (!e || depth > AST_MAX_DEPTH)
        return;
    switch (e->kind) {
    case EX_NAME: {
        if (e->sema.ref != REF_INDICATOR || e->sema.index < 0 || (uint32_t)e->sema.index >= m->ninds)
            return;
        uint32_t i = (uint32_t)e->sema.index;
        if (x->vseen[i] == x->vstamp)
            return;
        x->vseen[i] = x->vstamp;
        if (m->inds[i].formula)
            values_refs(x, m->inds[i].formula, depth + 1, out, n, cap);
        else if (x->valchg[i].n && *n < cap)
            out[(*n)++] = i;
        return;
    }
    case EX_UNARY:
        values_refs(x, e->u.un.a, depth + 1, out, n, cap);
        return;
    case EX_BINARY:
        values_refs(x, e->u.bin.a, depth + 1, out, n, cap);
        values_refs(x, e->u.bin.b, depth + 1, out, n, cap);
        return;
    case EX_IF:
        values_refs(x, e->u.cond.c, depth + 1, out, n, cap);
        values_refs(x, e->u.cond.a, depth + 1, out, n, cap);
        values_refs(x, e->u.cond.b, depth + 1, out, n, cap);
        return;
    case EX_CALL:
        for (uint32_t i = 0; i < e->u.call.nargs; i++)
            values_refs(x, e->u.call.args[i], depth + 1, out, n, cap);
        return;
    default:
        return;
    }
}

/* Whether target tb (of model m) is judged on a region that takes its
 * value of indicator i from the shared row `name` (a level's name or
 * "else") in some year. */
static bool shared_reaches(const sema_model *m, const sema_indicator *i, const sema_target *tb, const char *name)
{
    int64_t s = shared_slot(m, i, name);
    if (s < 0)
        return false;
    const ir_valshared *sh = i->values_shared;
    uint32_t n = tb->scoped ? tb->nscope : m->nregions;
    /* the row's runs of years (its rows with `in`): each region asks
     * whether it takes one, run by run, not year by year */
    uint32_t r0 = i->values_nyears && sh->run_start ? sh->run_start[s] : 0;
    uint32_t r1 = i->values_nyears && sh->run_start ? sh->run_start[s + 1] : 0;
    for (uint32_t j = 0; j < n; j++) {
        uint32_t k = tb->scoped ? tb->scope[j] : j;
        const char *src = value_source(m, i, k, 0);
        if (src && strcmp(src, name) == 0)
            return true;
        bool own_given = sh->from[k] == IR_VAL_OWN && !isnan(i->values[k]);
        for (uint32_t q = r0; q < r1; q++)
            if (ir_values_takes(i->values_run_start, i->values_runs, own_given, sh, k, (uint32_t)s, &sh->runs[q]))
                return true;
    }
    return false;
}

/* Records on it the values tables that target tb (new) reads whose
 * entries changed for regions it is judged on (in the new program, or
 * for a region only the old one has, as ta was): the goal of 长春 read
 * from a table of the cities' quotas is a change of the target, which the
 * target's own text does not show. */
static void values_read(D *x, ditem *it, const sema_target *ta, const sema_target *tb)
{
    const sema_model *b = x->n->m;
    uint32_t found[64], nf = 0;
    x->vstamp++;
    values_refs(x, tb->measured, 0, found, &nf, 64);
    for (uint32_t k = 0; k < tb->nms; k++)
        values_refs(x, tb->ms[k].goal_expr, 0, found, &nf, 64);
    values_refs(x, tb->score, 0, found, &nf, 64);
    for (uint32_t f = 0; f < nf; f++) {
        const ptrvec *ch = &x->valchg[found[f]];
        const char **regions = arena_alloc(x->a, (ch->n + 1) * sizeof *regions);
        uint32_t n = 0;
        for (size_t c = 0; c < ch->n; c++) {
            const vchange *v = ch->v[c];
            bool row = (v->shared && (shared_reaches(b, &b->inds[found[f]], tb, v->region) ||
                                      shared_reaches(x->o->m, v->old, ta, v->region))) ||
                       (v->newk >= 0 && (!tb->scoped || in_sorted(tb->scope, tb->nscope, (uint32_t)v->newk))) ||
                       (v->oldr >= 0 && (!ta->scoped || in_sorted(ta->scope, ta->nscope, (uint32_t)v->oldr)));
            if (row)
                regions[n++] = v->region;
        }
        if (!n)
            continue;
        dvreads *d = arena_alloc(x->a, sizeof *d);
        d->indicator = b->inds[found[f]].name;
        d->regions = regions;
        d->n = n;
        ptrvec_push(x->a, &it->vreads, d);
    }
}

/* A target only one program has: its condition and scope, and its weight
 * when it is not 1 (a weight the assessment gives a new target, `weight
 * target X = 3`, is shown nowhere else, so a reviewer would not see it). */
static ditem *lone_target(D *x, char op, const diff_side *s, const sema_target *t)
{
    ditem *it = item(x, op, "target", t->name);
    const char *scope = scope_text(x, t->ast, false);
    it->desc = arena_printf(x->a, "%s (%s)", condition(x, s, t, LBL_EN), scope);
    if (t->weight != 1)
        it->desc = arena_printf(x->a, "%s; weight %s", it->desc, num(x, t->weight));
    for (int l = 0; l < LBL_NLANGS; l++) {
        lbl_lang g = (lbl_lang)l;
        it->ldesc[l] = arena_printf(x->a, lbl_get(g, LBL_D_SCOPE), condition(x, s, t, g),
                                    scope_words(x, s->m, t->ast, false, g));
        if (t->weight != 1)
            it->ldesc[l] = arena_printf(x->a, "%s%s%s %s", it->ldesc[l], lbl_get(g, LBL_LIST_SEP),
                                        lbl_word(g, "weight"), num(x, t->weight));
    }
    if (op == '+')
        x->c_targets.added++;
    else
        x->c_targets.dropped++;
    return it;
}

/* The agencies of an old measure as the new program calls them (`agency
 * NEW replaces OLD`; two that became one are listed once, as the loader
 * does), or as written when map is false. */
static const char *agency_list(D *x, const char *const *v, uint32_t n, bool map)
{
    if (!map || n == 0)
        return join(x, v, n, "、");
    const char **w = arena_alloc(x->a, (n + 1) * sizeof *w);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *nm = v[i];
        for (uint32_t k = 0; k < x->narename; k++)
            if (strcmp(x->arename[k]->from, v[i]) == 0)
                nm = x->arename[k]->to;
        bool gone = false;
        for (uint32_t k = 0; k < x->nadrop && !gone; k++)
            gone = strcmp(x->adrop[k], v[i]) == 0;
        if (gone)
            continue;
        bool twice = false;
        for (uint32_t j = 0; j < m && !twice; j++)
            twice = strcmp(w[j], nm) == 0;
        if (!twice)
            w[m++] = nm;
    }
    return join(x, w, m, "、");
}

/* "shared: A、B" or "A、B" (map: as agency_list). */
static const char *leads(D *x, const sema_measure *me, bool map)
{
    const char *l = agency_list(x, me->lead, me->nlead, map);
    return l && me->shared ? arena_printf(x->a, "shared: %s", l) : l;
}

/* Records an agency field of a measure: the old list read through the
 * renames against the new one, the old shown as written when they differ
 * (as a scope is). */
static void agency_field(D *x, ditem *it, const char *name, const char *old_mapped, const char *old_written,
                         const char *new)
{
    size_t n = it->fields.n;
    field(x, it, name, old_mapped, new);
    if (it->fields.n > n)
        ((dfield *)it->fields.v[n])->old = old_written;
}

/* A measure only one program has, with its agencies and weight, then its
 * targets. */
static ditem *lone_measure(D *x, char op, const diff_side *s, uint32_t mi)
{
    const sema_measure *me = &s->m->measures[mi];
    ditem *it = item(x, op, "measure", me->id);
    it->title = me->title;
    /* "lead A; responsible B、C; weight 2" */
    const char *lead = leads(x, me, false), *resp = join(x, me->responsible, me->nresponsible, "、");
    const char *d = "";
    if (lead)
        d = arena_printf(x->a, "%s%s; ", me->shared ? "" : "lead ", lead);
    if (resp)
        d = arena_printf(x->a, "%sresponsible %s; ", d, resp);
    it->desc = arena_printf(x->a, "%sweight %s", d, num(x, me->weight));
    /* the same in the words of each language: "牵头单位 A；责任单位 B、C；权重 2" */
    const char *list = agency_list(x, me->lead, me->nlead, false);
    for (int l = 0; l < LBL_NLANGS; l++) {
        lbl_lang g = (lbl_lang)l;
        const char *ld = "", *sep = lbl_get(g, LBL_LIST_SEP);
        if (list && me->shared)
            ld = arena_printf(x->a, "%s%s%s", lbl_get(g, LBL_SHARED), list, sep);
        else if (list)
            ld = arena_printf(x->a, "%s %s%s", lbl_word(g, "lead"), list, sep);
        if (resp)
            ld = arena_printf(x->a, "%s%s %s%s", ld, lbl_word(g, "responsible"), resp, sep);
        it->ldesc[l] = arena_printf(x->a, "%s%s %s", ld, lbl_word(g, "weight"), num(x, me->weight));
    }
    for (uint32_t k = 0; k < me->ntargets; k++)
        ptrvec_push(x->a, &it->kids, lone_target(x, op, s, &s->m->targets[me->targets[k]]));
    if (op == '+')
        x->c_measures.added++;
    else
        x->c_measures.dropped++;
    return it;
}

/* Name -> index tables of the new program's sections, measures and
 * targets and the old program's measures and targets. */
typedef struct tables {
    stab sec_b, me_b, tg_b, me_a, tg_a, sec_a;
    bool *me_seen;          /* per new measure: shown already */
} tables;

/* A measure of both programs: its fields, then its targets (the old
 * ones, then those only the new one has).  NULL when nothing differs. */
static ditem *diff_measure(D *x, tables *tb, const sema_measure *ma, const sema_measure *mb)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    ditem *mit = item(x, '~', "measure", ma->id);
    mit->title = mb->title;
    field(x, mit, "title", ma->title, mb->title);
    field(x, mit, "section", a->sections[ma->section].id, b->sections[mb->section].id);
    agency_field(x, mit, "lead", leads(x, ma, true), leads(x, ma, false), leads(x, mb, false));
    agency_field(x, mit, "responsible", agency_list(x, ma->responsible, ma->nresponsible, true),
                 agency_list(x, ma->responsible, ma->nresponsible, false),
                 agency_list(x, mb->responsible, mb->nresponsible, false));
    field(x, mit, "weight", num(x, ma->weight), num(x, mb->weight));
    if (mit->fields.n)
        x->c_measures.changed++;
    else
        mit->op = ' ';
    for (uint32_t k = 0; k < ma->ntargets; k++) {
        const sema_target *t = &a->targets[ma->targets[k]];
        const char *nn = target_new_name(x, t->name);
        int64_t tbk = stab_get(&tb->tg_b, nn);
        if (tbk < 0) {
            ptrvec_push(x->a, &mit->kids, lone_target(x, '-', x->o, t));
            continue;
        }
        ditem *tit = item(x, '~', "target", t->name);
        if (strcmp(nn, t->name) != 0)
            tit->renamed = nn;
        target_fields(x, tit, t, &b->targets[tbk]);
        cover_diff(x, tit, t, &b->targets[tbk]);
        values_read(x, tit, t, &b->targets[tbk]);
        if (tit->renamed || tit->fields.n || tit->ngains || tit->nloses || tit->reads.n || tit->vreads.n) {
            ptrvec_push(x->a, &mit->kids, tit);
            x->c_targets.changed++;
        }
    }
    for (uint32_t k = 0; k < mb->ntargets; k++) {
        const sema_target *t = &b->targets[mb->targets[k]];
        if (stab_get(&tb->tg_a, target_old_name(x, t->name)) < 0)
            ptrvec_push(x->a, &mit->kids, lone_target(x, '+', x->n, t));
    }
    return mit->op != ' ' || mit->kids.n ? mit : NULL;
}

/* A section of the old program (sa) and/or the new (sb): its fields, its
 * measures (the old ones, then those only the new one has). */
static void diff_section(D *x, tables *tb, const sema_section *sa, const sema_section *sb)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    char op = !sb ? '-' : !sa ? '+' : '~';
    ditem *sec = item(x, op, "section", sa ? sa->id : sb->id);
    sec->title = sb ? sb->title : sa->title;
    if (sa && sb) {
        field(x, sec, "title", sa->title, sb->title);
        field(x, sec, "weight", num(x, sa->weight), num(x, sb->weight));
        if (!sec->fields.n)
            sec->op = ' ';
    }
    if (sec->op == '+')
        x->c_sections.added++;
    else if (sec->op == '-')
        x->c_sections.dropped++;
    else if (sec->op == '~')
        x->c_sections.changed++;
    for (uint32_t j = 0; sa && j < sa->nmeasures; j++) {
        const sema_measure *ma = &a->measures[sa->measures[j]];
        int64_t mbk = stab_get(&tb->me_b, ma->id);
        if (mbk < 0) {
            ptrvec_push(x->a, &sec->kids, lone_measure(x, '-', x->o, sa->measures[j]));
            continue;
        }
        tb->me_seen[mbk] = true;
        ditem *mit = diff_measure(x, tb, ma, &b->measures[mbk]);
        if (mit)
            ptrvec_push(x->a, &sec->kids, mit);
    }
    for (uint32_t j = 0; sb && j < sb->nmeasures; j++) {
        uint32_t mib = sb->measures[j];
        if (tb->me_seen[mib] || stab_get(&tb->me_a, b->measures[mib].id) >= 0)
            continue;
        tb->me_seen[mib] = true;
        ditem *mit = lone_measure(x, '+', x->n, mib);
        /* targets the old program has under another measure are shown there */
        ptrvec keep = {0};
        for (size_t k = 0; k < mit->kids.n; k++) {
            ditem *tk = mit->kids.v[k];
            if (stab_get(&tb->tg_a, target_old_name(x, tk->name)) >= 0)
                x->c_targets.added--;
            else
                ptrvec_push(x->a, &keep, tk);
        }
        mit->kids = keep;
        ptrvec_push(x->a, &sec->kids, mit);
    }
    if (sec->op != ' ' || sec->kids.n)
        ptrvec_push(x->a, &x->sections, sec);
}

/* Sections, their measures and their targets, in the old program's order
 * with what only the new one has after it. */
static void diff_sections(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    tables tb;
    stab_init(x->a, &tb.sec_b, b->nsections);
    stab_init(x->a, &tb.me_b, b->nmeasures);
    stab_init(x->a, &tb.tg_b, b->ntargets);
    stab_init(x->a, &tb.sec_a, a->nsections);
    stab_init(x->a, &tb.me_a, a->nmeasures);
    stab_init(x->a, &tb.tg_a, a->ntargets);
    for (uint32_t k = 0; k < b->nsections; k++)
        stab_put(&tb.sec_b, b->sections[k].id, k);
    for (uint32_t k = 0; k < b->nmeasures; k++)
        stab_put(&tb.me_b, b->measures[k].id, k);
    for (uint32_t k = 0; k < b->ntargets; k++)
        stab_put(&tb.tg_b, b->targets[k].name, k);
    for (uint32_t k = 0; k < a->nsections; k++)
        stab_put(&tb.sec_a, a->sections[k].id, k);
    for (uint32_t k = 0; k < a->nmeasures; k++)
        stab_put(&tb.me_a, a->measures[k].id, k);
    for (uint32_t k = 0; k < a->ntargets; k++)
        stab_put(&tb.tg_a, a->targets[k].name, k);
    tb.me_seen = arena_alloc(x->a, (b->nmeasures + 1) * sizeof *tb.me_seen);
    for (uint32_t k = 0; k < a->nsections; k++) {
        int64_t sbk = stab_get(&tb.sec_b, a->sections[k].id);
        diff_section(x, &tb, &a->sections[k], sbk >= 0 ? &b->sections[sbk] : NULL);
    }
    for (uint32_t k = 0; k < b->nsections; k++)
        if (stab_get(&tb.sec_a, b->sections[k].id) < 0 && stab_get(&tb.sec_b, b->sections[k].id) == (int64_t)k)
            diff_section(x, &tb, NULL, &b->sections[k]);
    /* (a measure that moved to another section is shown under its old
     * section, with the move as a field) */
    x->nchanged += x->c_sections.added + x->c_sections.dropped + x->c_sections.changed +
                   x->c_measures.added + x->c_measures.dropped + x->c_measures.changed +
                   x->c_targets.added + x->c_targets.dropped + x->c_targets.changed;
}

/* "优秀 >= 90, 良好 >= 80, 合格 >= 60, 不合格" */
static const char *bands(D *x, const sema_model *m)
{
    const char **v = arena_alloc(x->a, (m->nbands + 1) * sizeof *v);
    for (uint32_t k = 0; k < m->nbands; k++)
        v[k] = k + 1 < m->nbands ? arena_printf(x->a, "%s >= %s", m->bands[k], num(x, m->band_min[k]))
                                 : m->bands[k];
    return join(x, v, m->nbands, ", ");
}

/* A missing-data policy as written. */
static const char *missing_name(ast_missing m)
{
    switch (m) {
    case MISSING_ZERO: return "zero";
    case MISSING_REWEIGHT: return "reweight";
    case MISSING_ERROR: return "error";
    default: return NULL;
    }
}

/* The assessment: added, dropped, or its name, missing policy, score and
 * grades (weights and vetoes are shown with the items they are of). */
static void diff_assessment(D *x)
{
    const sema_model *a = x->o->m, *b = x->n->m;
    ditem *it = &x->assess;
    it->kind = "assessment";
    if (!a->has_assessment && !b->has_assessment)
        return;
    if (!a->has_assessment || !b->has_assessment) {
        it->op = a->has_assessment ? '-' : '+';
        it->name = a->has_assessment ? a->assessment : b->assessment;
        it->desc = bands(x, a->has_assessment ? a : b);
        x->nchanged++;
        return;
    }
    it->op = '~';
    it->name = b->assessment;
    field(x, it, "name", a->assessment, b->assessment);
    field(x, it, "missing", missing_name(a->missing), missing_name(b->missing));
    /* no score is the default score, progress() * 100 (docs/LANGUAGE.md §8) */
    expr_field_dflt(x, it, "score", a->score, b->score, "(* progress() 100)");
    field(x, it, "grades", bands(x, a), bands(x, b));
    if (it->fields.n)
        x->nchanged++;
    else
        it->op = ' '; /* compared field by field: none differs */
}

/* ---------------------------------------------------------------- old places */

/* Adds name to what the new program's texts are searched for, when the
 * new program does not have it (has: its own names, in the set). */
static void old_place(D *x, places *pl, namemap *has, const char *name)
{
    if (name && !namemap_get(has, name))
        places_add(x->a, pl, name, false);
}

/* Searches one text of the new program (the field of an item). */
static void place_text(D *x, places *pl, const char *kind, const char *name, const char *field,
                       const char *text)
{
    const char *one[1];
    uint32_t n = places_find(pl, text, one, 1);
    if (!n)
        return;
    dplace *p = arena_alloc(x->a, sizeof *p);
    p->kind = kind;
    p->name = name;
    p->field = field;
    p->text = text;
    p->places = arena_alloc(x->a, n * sizeof *p->places);
    p->nplaces = places_find(pl, text, p->places, n);
    ptrvec_push(x->a, &x->places, p);
}

/* The texts of the new program (the plan's title, indicators' display
 * names and their values rows' notes, agencies' full names, sections' and
 * measures' titles, targets' texts and notes, in that order) that name a region of the old program, or one of its
 * aliases, that the new program does not have, or the old plan's name
 * when it holds such a name (美丽辽宁): an adapted plan keeps the base's
 * texts, and with them its places (docs/ADAPTING.md).  A name found inside
 * a name the new program has is not counted (places.h). */
static void diff_places(D *x)
{
    const sema_model *o = x->o->m, *m = x->n->m;
    places pl = {0};
    namemap has = {0};
    if (m->plan)
        namemap_put(x->a, &has, m->plan, (void *)m->plan);
    for (uint32_t r = 0; r < m->nregions; r++) {
        namemap_put(x->a, &has, m->regions[r].name, (void *)m->regions[r].name);
        for (uint32_t k = 0; k < m->regions[r].naliases; k++)
            namemap_put(x->a, &has, m->regions[r].aliases[k], (void *)m->regions[r].aliases[k]);
    }
    for (uint32_t r = 0; r < o->nregions; r++) {
        old_place(x, &pl, &has, o->regions[r].name);
        for (uint32_t k = 0; k < o->regions[r].naliases; k++)
            old_place(x, &pl, &has, o->regions[r].aliases[k]);
    }
    const char *one[1];
    if (o->plan && !namemap_get(&has, o->plan) && places_find(&pl, o->plan, one, 1))
        places_add(x->a, &pl, o->plan, false);
    if (!places_any(&pl))
        return;
    for (size_t k = 0; k < has.order.n; k++)
        places_add(x->a, &pl, has.order.v[k], true);
    place_text(x, &pl, "plan", m->plan ? m->plan : "", "title", m->title);
    for (uint32_t i = 0; i < m->ninds; i++) {
        const sema_indicator *ind = &m->inds[i];
        place_text(x, &pl, "indicator", ind->name, "display", ind->display);
        /* a values row's note, once for the regions the row gives */
        for (uint32_t k = 0; ind->values && ind->decl && k < ind->decl->u.ind.nvalues; k++)
            place_text(x, &pl, "indicator", ind->name, "values note", ind->decl->u.ind.values[k].note);
    }
    for (uint32_t i = 0; i < m->nagencies; i++)
        place_text(x, &pl, "agency", m->agency_names[i], "full name", m->agency_fulls[i]);
    for (uint32_t si = 0; si < m->nsections; si++) {
        const sema_section *sec = &m->sections[si];
        place_text(x, &pl, "section", sec->id, "title", sec->title);
        for (uint32_t mj = 0; mj < sec->nmeasures; mj++) {
            const sema_measure *me = &m->measures[sec->measures[mj]];
            place_text(x, &pl, "measure", me->id, "title", me->title);
            for (uint32_t tk = 0; tk < me->ntargets; tk++) {
                const sema_target *t = &m->targets[me->targets[tk]];
                place_text(x, &pl, "target", t->name, "text", t->desc);
                place_text(x, &pl, "target", t->name, "note", t->note);
            }
        }
    }
}

/* ---------------------------------------------------------------- text */

/* A word of the report (a kind, a field's name, a heading, a value that
 * is a word) in lang; every other text as it is. */
static const char *W(lbl_lang lang, const char *word)
{
    return lbl_word(lang, word);
}

/* A list "none, 0.5%" with each item that is a word in lang ("无, 0.5%"),
 * malloc'd; NULL when out of memory. */
static char *W_list(lbl_lang lang, const char *list)
{
    size_t size = 1;
    for (int pass = 0; pass < 2; pass++) {
        char *buf = pass ? malloc(size) : NULL;
        if (pass && !buf)
            return NULL; /* printed untranslated */
        size_t n = 0;
        for (const char *p = list;;) {
            const char *end = strstr(p, ", ");
            size_t len = end ? (size_t)(end - p) : strlen(p);
            char item[64];
            const char *w = p;
            size_t wl = len;
            if (len < sizeof item) {
                memcpy(item, p, len);
                item[len] = '\0';
                w = W(lang, item);
                wl = strlen(w);
            }
            if (pass)
                memcpy(buf + n, w, wl);
            n += wl;
            if (!end)
                break;
            if (pass)
                memcpy(buf + n, ", ", 2);
            n += 2;
            p = end + 2;
        }
        if (!pass)
            size = n + 1;
        else {
            buf[n] = '\0';
            return buf;
        }
    }
    return NULL;
}

/* A measure's lead as leads() writes it with "shared: " in lang's words
 * ("共同负责：A、B"), malloc'd; NULL when it is not shared or out of memory. */
static char *W_shared(lbl_lang lang, const char *lead)
{
    static const char prefix[] = "shared: ";
    if (strncmp(lead, prefix, sizeof prefix - 1) != 0)
        return NULL;
    const char *w = lbl_get(lang, LBL_SHARED), *rest = lead + sizeof prefix - 1;
    char *s = malloc(strlen(w) + strlen(rest) + 1);
    if (s)
        strcat(strcpy(s, w), rest);
    return s;
}

/* Prints the fields of an item, indented. */
static void text_fields(const ditem *it, int indent, lbl_lang lang, FILE *out)
{
    for (size_t k = 0; k < it->fields.n; k++) {
        const dfield *f = it->fields.v[k];
        const char *old = f->lold[lang] ? f->lold[lang] : f->old ? f->old : "none";
        const char *new = f->lnew[lang] ? f->lnew[lang] : f->new ? f->new : "none";
        const char *region = f->lregion[lang] ? f->lregion[lang] : f->region;
        bool lead = strcmp(f->name, "lead") == 0;
        char *ow = f->words ? W_list(lang, old) : lead ? W_shared(lang, old) : NULL;
        char *nw = f->words ? W_list(lang, new) : lead ? W_shared(lang, new) : NULL;
        /* through csv_message: a text of the rules (a title, a note, a
         * level's) with a line break or a control character cannot break
         * the report's lines or forge one */
        csv_message(out, lbl_get(lang, LBL_D_FIELD), indent, "", W(lang, f->name),
                    region ? " " : "", region ? region : "",
                    ow ? ow : W(lang, old), nw ? nw : W(lang, new));
        if (f->untaken) /* after the line LBL_D_FIELD ends */
            fprintf(out, lbl_get(lang, LBL_D_UNTAKEN), indent + 4, "");
        free(ow);
        free(nw);
    }
}

/* At most this many names of a target's gains, and as many of its
 * losses, are printed in the text report (the JSON lists all). */
#define COVER_SHOWN 12

/* Prints "+ A, B" or "- A, B (and 3 more)". */
static void text_cover_names(char sign, const char *const *v, uint32_t n, lbl_lang lang, FILE *out)
{
    fprintf(out, "%c ", sign);
    for (uint32_t i = 0; i < n && i < COVER_SHOWN; i++)
        fprintf(out, "%s%s", i ? lbl_get(lang, LBL_X_SEP) : "", v[i]);
    if (n > COVER_SHOWN)
        fprintf(out, lbl_get(lang, LBL_D_MORE), n - COVER_SHOWN);
}

/* "+ a, b; - c" and the end of the line: the names gained, then those
 * lost, each list only when it has names. */
static void text_gains_loses(const char *const *gains, uint32_t ngains, const char *const *loses,
                             uint32_t nloses, lbl_lang lang, FILE *out)
{
    if (ngains)
        text_cover_names('+', gains, ngains, lang, out);
    if (ngains && nloses)
        fputs(lbl_get(lang, LBL_LIST_SEP), out);
    if (nloses)
        text_cover_names('-', loses, nloses, lang, out);
    fputc('\n', out);
}

/* Prints a target's coverage change, "covers: + 石家庄, 保定; - 太原",
 * then a line per row whose regions read below changed (at most
 * COVER_SHOWN), "reads below 京津冀: + 石家庄; - 太原"; its words in lang. */
static void text_cover(const ditem *it, int indent, lbl_lang lang, FILE *out)
{
    if (it->ngains || it->nloses) {
        fprintf(out, lbl_get(lang, LBL_D_COVERS), indent, "");
        text_gains_loses(it->gains, it->ngains, it->loses, it->nloses, lang, out);
    }
    for (size_t k = 0; k < it->reads.n && k < COVER_SHOWN; k++) {
        const dreads *d = it->reads.v[k];
        fprintf(out, lbl_get(lang, LBL_D_READS_BELOW), indent, "", d->region);
        text_gains_loses(d->gains, d->ngains, d->loses, d->nloses, lang, out);
    }
    if (it->reads.n > COVER_SHOWN)
        fprintf(out, lbl_get(lang, LBL_D_MORE_ROWS), indent, "", it->reads.n - COVER_SHOWN);
    for (size_t k = 0; k < it->vreads.n; k++) {
        const dvreads *d = it->vreads.v[k];
        fprintf(out, lbl_get(lang, LBL_D_VALUES_CHANGED), indent, "", d->indicator);
        for (uint32_t i = 0; i < d->n && i < COVER_SHOWN; i++)
            fprintf(out, "%s%s", i ? lbl_get(lang, LBL_X_SEP) : "", d->regions[i]);
        if (d->n > COVER_SHOWN)
            fprintf(out, lbl_get(lang, LBL_D_MORE), d->n - COVER_SHOWN);
        fputc('\n', out);
    }
}

/* Prints one item line: "  ~ target 近岸海域水质" with its description. */
static void text_item(const ditem *it, int indent, lbl_lang lang, FILE *out)
{
    /* the line put together, then written through csv_message, as a
     * field's is (text_fields): a title or text with a line break is one
     * line still */
    char *line = NULL;
    size_t len = 0;
    FILE *l = open_memstream(&line, &len);
    if (!l) {
        csv_message(stderr, "planc: error: out of memory\n");
        return;
    }
    fprintf(l, "%*s", indent, "");
    if (it->op != ' ')
        fprintf(l, "%c ", it->op);
    fprintf(l, "%s %s", W(lang, it->kind), it->name);
    if (it->renamed)
        fprintf(l, lbl_get(lang, strcmp(it->kind, "target") == 0 || it->rename ? LBL_D_RENAMED
                                                                               : LBL_D_REPLACED),
                it->renamed);
    if (it->title)
        fprintf(l, " %s", it->title);
    if (it->desc)
        fprintf(l, "%s%s", lbl_get(lang, LBL_COLON), it->ldesc[lang] ? it->ldesc[lang] : it->desc);
    fputc('\n', l);
    fclose(l);
    csv_message(out, "%s", line);
    free(line);
    text_fields(it, indent + 4, lang, out);
    text_cover(it, indent + 4, lang, out);
    for (size_t k = 0; k < it->kids.n; k++)
        text_item(it->kids.v[k], indent + 2, lang, out);
}

/* "3 added, 12 dropped, 5 changed" (the parts that are not zero). */
static void text_counts(FILE *out, const char *what, counts c, bool *first, lbl_lang lang)
{
    if (!c.added && !c.dropped && !c.changed)
        return;
    fprintf(out, "%s%s", *first ? "" : lbl_get(lang, LBL_LIST_SEP), W(lang, what));
    const char *sep = " ";
    if (c.added) {
        fprintf(out, lbl_get(lang, LBL_D_ADDED), sep, c.added);
        sep = lbl_get(lang, LBL_C_COMMA);
    }
    if (c.dropped) {
        fprintf(out, lbl_get(lang, LBL_D_DROPPED), sep, c.dropped);
        sep = lbl_get(lang, LBL_C_COMMA);
    }
    if (c.changed)
        fprintf(out, lbl_get(lang, LBL_D_CHANGED), sep, c.changed);
    *first = false;
}

/* Prints a heading and the items under it ("regions", each region). */
static void text_list(const char *heading, const ptrvec *l, lbl_lang lang, FILE *out)
{
    if (!l->n)
        return;
    fprintf(out, "\n%s\n", W(lang, heading));
    for (size_t k = 0; k < l->n; k++)
        text_item(l->v[k], 2, lang, out);
}

/* The review report: plan, regions, indicators, sections, assessment,
 * summary; its words in lang. */
static void write_text(const D *x, lbl_lang lang, FILE *out)
{
    fprintf(out, "planc diff %s %s\n", x->o->path, x->n->path);
    fputs(lbl_get(lang, LBL_D_LEGEND), out);
    if (x->nchanged == 0) {
        fputs(lbl_get(lang, LBL_D_NO_DIFFERENCES), out);
        return;
    }
    if (x->plan.fields.n) {
        fprintf(out, "\n%s\n", W(lang, "plan"));
        text_fields(&x->plan, 4, lang, out);
    }
    text_list("regions", &x->regions, lang, out);
    text_list("indicators", &x->inds, lang, out);
    text_list("agencies", &x->agencies, lang, out);
    for (size_t k = 0; k < x->sections.n; k++) {
        fputc('\n', out);
        text_item(x->sections.v[k], 0, lang, out);
    }
    if (x->assess.op == '+' || x->assess.op == '-' || x->assess.fields.n) {
        fputc('\n', out);
        text_item(&x->assess, 0, lang, out);
    }
    text_list("allows", &x->allows, lang, out);
    if (x->places.n) {
        fprintf(out, lbl_get(lang, LBL_D_PLACES), x->places.n);
        for (size_t k = 0; k < x->places.n; k++) {
            const dplace *p = x->places.v[k];
            fprintf(out, lbl_get(lang, LBL_D_PLACE), W(lang, p->kind), p->name, W(lang, p->field));
            for (uint32_t i = 0; i < p->nplaces; i++)
                fprintf(out, "%s%s", i ? lbl_get(lang, LBL_X_SEP) : "", p->places[i]);
            fprintf(out, "\n      %s\n", p->text);
        }
    }
    fputs(lbl_get(lang, LBL_D_SUMMARY), out);
    bool first = true;
    text_counts(out, "targets", x->c_targets, &first, lang);
    text_counts(out, "measures", x->c_measures, &first, lang);
    text_counts(out, "sections", x->c_sections, &first, lang);
    text_counts(out, "regions", x->c_regions, &first, lang);
    text_counts(out, "indicators", x->c_inds, &first, lang);
    text_counts(out, "agencies", x->c_agencies, &first, lang);
    text_counts(out, "allows", x->c_allows, &first, lang);
    if (first)
        fputs(lbl_get(lang, LBL_D_SETTINGS), out);
    fputc('\n', out);
}

/* The declaration an `allow` accepts warnings in, as its file writes it
 * up to its first ':', '{' (outside a string), line end or the `allow`
 * itself ("target 非化石 for 省", "measure (二) \"水\""); NULL for the
 * whole file. */
static const char *allow_place(D *x, const diag_ctx *d, const diag_allow *al)
{
    const diag_file *f = &d->files[al->scope.file];
    if (al->scope.lo == 0 && al->scope.hi >= f->len)
        return NULL;
    uint32_t e = al->scope.lo;
    bool quoted = false;
    for (; e < al->scope.hi && e != al->at && f->text[e] != '\n'; e++) {
        if (f->text[e] == '"')
            quoted = !quoted;
        else if (!quoted && (f->text[e] == ':' || f->text[e] == '{'))
            break;
    }
    while (e > al->scope.lo && (f->text[e - 1] == ' ' || f->text[e - 1] == '\t' || f->text[e - 1] == '\r'))
        e--;
    return arena_strndup(x->a, f->text + al->scope.lo, e - al->scope.lo);
}

/* One side's `allow` names: each "NAME\nPLACE" key (PLACE empty for the
 * file) with its reason, into keys[] and reasons[] (n of them). */
static uint32_t allow_keys(D *x, const diag_ctx *d, const char ***keys, const char ***reasons,
                           const char ***places)
{
    uint32_t n = 0;
    *keys = arena_alloc(x->a, (d->nallows + 1) * sizeof **keys);
    *reasons = arena_alloc(x->a, (d->nallows + 1) * sizeof **reasons);
    *places = arena_alloc(x->a, (d->nallows + 1) * sizeof **places);
    for (size_t i = 0; i < d->nallows; i++) {
        const diag_allow *al = &d->allows[i];
        if (!al->scoped || al->scope.file >= d->nfiles)
            continue;
        const char *pl = allow_place(x, d, al);
        (*keys)[n] = arena_printf(x->a, "%s\n%s", warn_name(al->w), pl ? pl : "");
        (*reasons)[n] = al->reason;
        (*places)[n] = pl;
        n++;
    }
    return n;
}

/* An item of an `allow` name of one program only ('+', '-') or whose
 * reason changed ('~'): its warning's name, and where. */
static ditem *allow_item(D *x, char op, const char *key, const char *place, const char *reason)
{
    ditem *it = item(x, op, "allow", arena_strndup(x->a, key, strcspn(key, "\n")));
    const char *where = place ? place : "file";
    it->desc = reason && op != '~' ? arena_printf(x->a, "%s \"%s\"", where, reason) : where;
    if (!place)
        it->ldesc[LBL_ZH] = reason && op != '~' ? arena_printf(x->a, "整个文件 \"%s\"", reason) : "整个文件";
    ptrvec_push(x->a, &x->allows, it);
    return it;
}

/* The index of key k among keys[0..n), or n when it is not there. */
static uint32_t key_index(const char *const *keys, uint32_t n, const char *k)
{
    uint32_t i = 0;
    while (i < n && strcmp(keys[i], k) != 0)
        i++;
    return i;
}

/* The `allow`s of the rules (docs/LANGUAGE.md §12) added, dropped, or
 * given another reason: a name at a place, the place being the
 * declaration it is in as written (or the file), so that one accepted
 * somewhere else shows as dropped there and added here. */
static void diff_allows(D *x)
{
    const char **ko, **ro, **po, **kn, **rn, **pn;
    uint32_t no = allow_keys(x, x->o->d, &ko, &ro, &po);
    uint32_t nn = allow_keys(x, x->n->d, &kn, &rn, &pn);
    for (uint32_t i = 0; i < no; i++) {
        uint32_t j = key_index(kn, nn, ko[i]);
        if (j == nn) {
            allow_item(x, '-', ko[i], po[i], ro[i]);
            x->c_allows.dropped++;
        } else if ((ro[i] == NULL) != (rn[j] == NULL) || (ro[i] && strcmp(ro[i], rn[j]) != 0)) {
            ditem *it = allow_item(x, '~', kn[j], pn[j], NULL);
            field(x, it, "reason", ro[i], rn[j]);
            x->c_allows.changed++;
        }
    }
    for (uint32_t j = 0; j < nn; j++) {
        if (key_index(ko, no, kn[j]) == no) {
            allow_item(x, '+', kn[j], pn[j], rn[j]);
            x->c_allows.added++;
        }
    }
    x->nchanged += x->c_allows.added + x->c_allows.dropped + x->c_allows.changed;
}

/* ---------------------------------------------------------------- JSON */

/* s as a JSON string (UTF-8 passed through; controls escaped). */
static void json_str(const char *s, FILE *out)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (c < 0x20)
                fprintf(out, "\\u%04x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

/* A list of names as a JSON array. */
static void json_names(const char *const *v, uint32_t n, FILE *out)
{
    fputc('[', out);
    for (uint32_t k = 0; k < n; k++) {
        fputs(k ? ", " : "", out);
        json_str(v[k], out);
    }
    fputc(']', out);
}

/* An item's change as JSON names it. */
static const char *change_name(char op)
{
    return op == '+' ? "added" : op == '-' ? "dropped" : op == '~' ? "changed" : "unchanged";
}

/* An item as a JSON object; `kids` names the array of its children. */
static void json_item(const ditem *it, const char *kids, int ind, FILE *out)
{
    fprintf(out, "{\"change\": \"%s\", \"%s\": ", change_name(it->op),
            strcmp(it->kind, "section") == 0 || strcmp(it->kind, "measure") == 0 ? "id" : "name");
    json_str(it->name, out);
    if (it->renamed) {
        fputs(", \"new_name\": ", out);
        json_str(it->renamed, out);
        /* a region's new name: renamed (`override region OLD as NEW`) or
         * another region in its place (`region NEW replaces OLD`) */
        if (strcmp(it->kind, "region") == 0)
            fprintf(out, ", \"how\": \"%s\"", it->rename ? "renamed" : "replaced");
    }
    if (it->title) {
        fputs(", \"title\": ", out);
        json_str(it->title, out);
    }
    if (it->desc) {
        fputs(", \"description\": ", out);
        json_str(it->desc, out);
    }
    fputs(", \"fields\": [", out);
    for (size_t k = 0; k < it->fields.n; k++) {
        const dfield *f = it->fields.v[k];
        fprintf(out, "%s\n%*s{\"field\": ", k ? "," : "", ind + 2, "");
        json_str(f->name, out);
        if (f->region) {
            fputs(", \"region\": ", out);
            json_str(f->region, out);
        }
        fputs(", \"old\": ", out);
        json_str(f->old, out);
        fputs(", \"new\": ", out);
        json_str(f->new, out);
        if (f->untaken)
            fputs(", \"untaken\": true", out);
        fputc('}', out);
    }
    if (it->fields.n)
        fprintf(out, "\n%*s", ind, "");
    fputc(']', out);
    if (it->ngains || it->nloses || it->reads.n) {
        fputs(", \"coverage\": {\"gains\": ", out);
        json_names(it->gains, it->ngains, out);
        fputs(", \"loses\": ", out);
        json_names(it->loses, it->nloses, out);
        fputs(", \"reads\": [", out);
        for (size_t k = 0; k < it->reads.n; k++) {
            const dreads *d = it->reads.v[k];
            fprintf(out, "%s\n%*s{\"region\": ", k ? "," : "", ind + 2, "");
            json_str(d->region, out);
            fputs(", \"gains\": ", out);
            json_names(d->gains, d->ngains, out);
            fputs(", \"loses\": ", out);
            json_names(d->loses, d->nloses, out);
            fputc('}', out);
        }
        if (it->reads.n)
            fprintf(out, "\n%*s", ind, "");
        fputs("]}", out);
    }
    if (it->vreads.n) {
        fputs(", \"values_read\": [", out);
        for (size_t k = 0; k < it->vreads.n; k++) {
            const dvreads *d = it->vreads.v[k];
            fputs(k ? ", {\"indicator\": " : "{\"indicator\": ", out);
            json_str(d->indicator, out);
            fputs(", \"regions\": ", out);
            json_names(d->regions, d->n, out);
            fputc('}', out);
        }
        fputc(']', out);
    }
    if (kids) {
        fprintf(out, ", \"%s\": [", kids);
        const char *sub = strcmp(kids, "measures") == 0 ? "targets" : NULL;
        for (size_t k = 0; k < it->kids.n; k++) {
            fprintf(out, "%s\n%*s", k ? "," : "", ind + 2, "");
            json_item(it->kids.v[k], sub, ind + 2, out);
        }
        if (it->kids.n)
            fprintf(out, "\n%*s", ind, "");
        fputc(']', out);
    }
    fputc('}', out);
}

/* A list of items as a JSON array member. */
static void json_list(const char *name, const ptrvec *v, const char *kids, FILE *out)
{
    fprintf(out, "  \"%s\": [", name);
    for (size_t k = 0; k < v->n; k++) {
        fprintf(out, "%s\n    ", k ? "," : "");
        json_item(v->v[k], kids, 4, out);
    }
    fprintf(out, "%s],\n", v->n ? "\n  " : "");
}

/* One member of the JSON summary. */
static void json_counts(const char *name, counts c, bool last, FILE *out)
{
    fprintf(out, "    \"%s\": {\"added\": %u, \"dropped\": %u, \"changed\": %u}%s\n", name, c.added,
            c.dropped, c.changed, last ? "" : ",");
}

/* The diff as one JSON object (schema in docs/ADAPTING.md). */
static void write_json(const D *x, FILE *out)
{
    fputs("{\n  \"old\": ", out);
    json_str(x->o->path, out);
    fputs(",\n  \"new\": ", out);
    json_str(x->n->path, out);
    fprintf(out, ",\n  \"differences\": %u,\n  \"plan\": ", x->nchanged);
    json_item(&x->plan, NULL, 2, out);
    fputs(",\n", out);
    json_list("regions", &x->regions, NULL, out);
    json_list("indicators", &x->inds, NULL, out);
    json_list("agencies", &x->agencies, NULL, out);
    json_list("sections", &x->sections, "measures", out);
    fputs("  \"assessment\": ", out);
    if (x->assess.op)
        json_item(&x->assess, NULL, 2, out);
    else
        fputs("null", out);
    if (x->allows.n) { /* only when some differ: the schema before them stays */
        fputs(",\n", out);
        json_list("allows", &x->allows, NULL, out);
        /* json_list ends its list with ",\n" */
        fputs("  \"old_places\": [", out);
    } else
        fputs(",\n  \"old_places\": [", out);
    for (size_t k = 0; k < x->places.n; k++) {
        const dplace *p = x->places.v[k];
        fputs(k ? ",\n    {\"kind\": " : "\n    {\"kind\": ", out);
        json_str(p->kind, out);
        fputs(", \"name\": ", out);
        json_str(p->name, out);
        fputs(", \"field\": ", out);
        json_str(p->field, out);
        fputs(", \"places\": ", out);
        json_names(p->places, p->nplaces, out);
        fputs(", \"text\": ", out);
        json_str(p->text, out);
        fputc('}', out);
    }
    fputs(x->places.n ? "\n  ],\n  \"summary\": {\n" : "],\n  \"summary\": {\n", out);
    json_counts("targets", x->c_targets, false, out);
    json_counts("measures", x->c_measures, false, out);
    json_counts("sections", x->c_sections, false, out);
    json_counts("regions", x->c_regions, false, out);
    json_counts("indicators", x->c_inds, false, out);
    json_counts("agencies", x->c_agencies, true, out);
    fputs("  }\n}\n", out);
}

/* ---------------------------------------------------------------- entry */

unsigned diff_write(arena *a, const diff_side *old, const diff_side *new, diff_format f,
                    lbl_lang lang, FILE *out)
{
    D st;
    memset(&st, 0, sizeof st);
    D *x = &st;
    x->a = a;
    x->o = old;
    x->n = new;
    map_regions(x);
    map_targets(x);
    map_indicators(x);
    cover_init(x, &x->co, old->m);
    cover_init(x, &x->cn, new->m);
    cover_levels(x);
    x->in_old = arena_alloc(a, (new->m->nregions + 1) * sizeof *x->in_old);
    x->in_new = arena_alloc(a, (new->m->nregions + 1) * sizeof *x->in_new);
    x->valchg = arena_alloc(a, (new->m->ninds + 1) * sizeof *x->valchg);
    x->vseen = arena_alloc(a, (new->m->ninds + 1) * sizeof *x->vseen);
    x->rd_old = arena_alloc(a, (new->m->nregions + 1) * sizeof *x->rd_old);
    x->rd_new = arena_alloc(a, (new->m->nregions + 1) * sizeof *x->rd_new);
    diff_plan(x);
    diff_regions(x);
    diff_indicators(x);
    diff_agencies(x);
    diff_sections(x);
    diff_assessment(x);
    diff_places(x);
    diff_allows(x);
    x->nchanged += x->c_regions.added + x->c_regions.dropped + x->c_regions.changed +
                   x->c_inds.added + x->c_inds.dropped + x->c_inds.changed + x->c_agencies.changed +
                   x->c_agencies.dropped;
    if (f == DIFF_JSON)
        write_json(x, out);
    else
        write_text(x, lang, out);
    return x->nchanged;
}
