/* ast.c — constructors for expression and unit nodes, and the tree printer
 * behind `planc check --dump-ast` and the parser tests.
 *
 * The printed form is one line per declaration or item, indented by two
 * spaces per level; expressions are printed on one line as fully
 * parenthesised prefix forms, e.g. `(>= 近岸海域水质优良比例 92[%])`, and
 * units infix with every compound part parenthesised, e.g. `(吨/万元)*年`. */
#include "ast.h"
#include "msgcat.h"
#include "warnings.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The larger of two depths. */
static int max_depth(int a, int b)
{
    return a > b ? a : b;
}

/* A new expression node of kind k; the caller fills its arm. */
static ast_expr *new_expr(arena *a, ast_exprkind k, span sp, int depth)
{
    ast_expr *e = arena_alloc(a, sizeof *e);
    e->kind = k;
    e->sp = sp;
    e->depth = depth;
    return e;
}

/* A number, with its unit or NULL. */
ast_expr *ast_num(arena *a, span sp, double v, ast_unit *u)
{
    ast_expr *e = new_expr(a, EX_NUM, sp, 1 + (u ? u->depth : 0));
    e->u.num.v = v;
    e->u.num.unit = u;
    return e;
}

/* yes / no. */
ast_expr *ast_bool(arena *a, span sp, bool b)
{
    ast_expr *e = new_expr(a, EX_BOOL, sp, 1);
    e->u.b = b;
    return e;
}

/* A name used as an expression. */
ast_expr *ast_namex(arena *a, ast_name n)
{
    ast_expr *e = new_expr(a, EX_NAME, n.sp, 1);
    e->u.name = n;
    return e;
}

/* -x, not x. */
ast_expr *ast_unary(arena *a, span sp, ast_op op, ast_expr *x)
{
    ast_expr *e = new_expr(a, EX_UNARY, sp, 1 + x->depth);
    e->u.un.op = op;
    e->u.un.a = x;
    return e;
}

/* l op r. */
ast_expr *ast_binary(arena *a, span sp, ast_op op, ast_expr *l, ast_expr *r)
{
    ast_expr *e = new_expr(a, EX_BINARY, sp, 1 + max_depth(l->depth, r->depth));
    e->u.bin.op = op;
    e->u.bin.a = l;
    e->u.bin.b = r;
    return e;
}

/* if c then t else el. */
ast_expr *ast_if(arena *a, span sp, ast_expr *c, ast_expr *t, ast_expr *el)
{
    int d = max_depth(c->depth, max_depth(t->depth, el->depth));
    ast_expr *e = new_expr(a, EX_IF, sp, 1 + d);
    e->u.cond.c = c;
    e->u.cond.a = t;
    e->u.cond.b = el;
    return e;
}

/* fn(args); args is an arena array (or NULL when nargs is 0). */
ast_expr *ast_call(arena *a, span sp, ast_name fn, ast_expr **args, uint32_t nargs)
{
    int d = 0;
    for (uint32_t i = 0; i < nargs; i++)
        d = max_depth(d, args[i]->depth);
    ast_expr *e = new_expr(a, EX_CALL, sp, 1 + d);
    e->u.call.fn = fn;
    e->u.call.args = args;
    e->u.call.nargs = nargs;
    return e;
}

/* A unit name: 万亩, %, 1. */
ast_unit *ast_unitname(arena *a, ast_name n)
{
    ast_unit *u = arena_alloc(a, sizeof *u);
    u->kind = UX_NAME;
    u->sp = n.sp;
    u->depth = 1;
    u->u.name = n;
    return u;
}

/* l * r or l / r (k is UX_MUL or UX_DIV). */
ast_unit *ast_unitbin(arena *a, span sp, ast_unitkind k, ast_unit *l, ast_unit *r)
{
    ast_unit *u = arena_alloc(a, sizeof *u);
    u->kind = k;
    u->sp = sp;
    u->depth = 1 + max_depth(l->depth, r->depth);
    u->u.bin.a = l;
    u->u.bin.b = r;
    return u;
}

/* b ^ exp. */
ast_unit *ast_unitpow(arena *a, span sp, ast_unit *b, int exp)
{
    ast_unit *u = arena_alloc(a, sizeof *u);
    u->kind = UX_POW;
    u->sp = sp;
    u->depth = 1 + b->depth;
    u->u.pow.base = b;
    u->u.pow.exp = exp;
    return u;
}

/* The smallest span covering a and b (same file). */
span ast_join(span a, span b)
{
    span s = a;
    if (b.lo < s.lo)
        s.lo = b.lo;
    if (b.hi > s.hi)
        s.hi = b.hi;
    return s;
}

/* The word of an edit's trace (one table for every listing of them). */
const char *ast_origin_word(ast_originkind k)
{
    static const char *const kinds[] = {
        [ORIGIN_OVERRIDDEN] = "overridden", [ORIGIN_ADDED] = "added",
        [ORIGIN_DROPPED] = "dropped", [ORIGIN_REPLACED] = "replaced",
        [ORIGIN_RESCOPED] = "rescoped", [ORIGIN_RENAMED] = "renamed",
        [ORIGIN_MOVED] = "moved",
    };
    return k <= ORIGIN_MOVED ? kinds[k] : "?";
}

/* The operator as written in rules files. */
const char *ast_opname(ast_op op)
{
    switch (op) {
    case OP_NEG: return "-";
    case OP_NOT: return "not";
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_MUL: return "*";
    case OP_DIV: return "/";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_AND: return "and";
    case OP_OR: return "or";
    }
    return "?";
}

/* ---- printing ---- */

/* Prints depth levels of two-space indentation. */
static void indent(FILE *out, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", out);
}

/* Prints s as a double-quoted string with \" \\ \n \t escaped. */
static void dump_string(const char *s, FILE *out)
{
    fputc('"', out);
    for (; *s; s++) {
        switch (*s) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        default: fputc(*s, out);
        }
    }
    fputc('"', out);
}

/* A region's aliases as written: ' alias "A", "B"' (nothing for none). */
static void dump_aliases(const char **aliases, uint32_t n, FILE *out)
{
    for (uint32_t i = 0; i < n; i++) {
        fputs(i ? ", " : " alias ", out);
        dump_string(aliases[i], out);
    }
}

/* Prints " \"s\"" when s is present. */
static void dump_opt_string(const char *s, FILE *out)
{
    if (s) {
        fputc(' ', out);
        dump_string(s, out);
    }
}

/* Writes a number as written in rules files into buf: whole numbers
 * without an exponent, others in the shortest form that reads back as the
 * same double. */
static void format_number(double v, char buf[40])
{
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, 40, "%.0f", v);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, 40, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
}

/* Prints a number as format_number writes it. */
static void dump_number(double v, FILE *out)
{
    char buf[40];
    format_number(v, buf);
    fputs(buf, out);
}

/* The aggregate as written after a column ("mean", "share <= 75"), in a;
 * NULL for AGG_NONE. */
const char *ast_agg_text(arena *a, const ast_agg *g)
{
    static const char *const words[] = {
        [AGG_MEAN] = "mean", [AGG_SUM] = "sum", [AGG_MIN] = "min", [AGG_MAX] = "max",
        [AGG_COUNT] = "count", [AGG_SHARE] = "share",
    };
    if (g->kind == AGG_NONE)
        return NULL;
    if (g->kind != AGG_SHARE)
        return words[g->kind];
    char num[40];
    format_number(g->limit, num);
    return arena_printf(a, "share %s %s", ast_opname(g->op), num);
}

/* Prints a name as written: x, or M.x when qualified. */
static void dump_name(ast_name n, FILE *out)
{
    if (n.qual)
        fprintf(out, "%s.", n.qual);
    fputs(n.s ? n.s : "?", out);
}

/* Prints names separated by ", ". */
static void dump_names(ast_names ns, FILE *out)
{
    for (uint32_t i = 0; i < ns.n; i++) {
        if (i)
            fputs(", ", out);
        dump_name(ns.v[i], out);
    }
}

/* Prints the trace an edit of an extending file left on an item:
 * `origin overridden at FILE:LINE (base FILE:LINE, clause (九)): detail`. */
static void dump_origin(const ast_origin *o, int depth, FILE *out)
{
    if (!o)
        return;
    indent(out, depth);
    fprintf(out, "origin %s at %s", ast_origin_word(o->kind), o->edit_at ? o->edit_at : "?");
    if (o->base_at) {
        fprintf(out, " (base %s", o->base_at);
        if (o->clause)
            fprintf(out, ", clause %s", o->clause);
        fputc(')', out);
    }
    if (o->detail)
        fprintf(out, ": %s", o->detail);
    fputc('\n', out);
}

/* Prints a unit expression; compound operands are parenthesised, the
 * outermost level is not when top is set. */
static void dump_unit(const ast_unit *u, bool top, FILE *out)
{
    switch (u->kind) {
    case UX_NAME:
        dump_name(u->u.name, out);
        break;
    case UX_MUL:
    case UX_DIV:
        if (!top)
            fputc('(', out);
        dump_unit(u->u.bin.a, false, out);
        fputc(u->kind == UX_MUL ? '*' : '/', out);
        dump_unit(u->u.bin.b, false, out);
        if (!top)
            fputc(')', out);
        break;
    case UX_POW:
        dump_unit(u->u.pow.base, false, out);
        fprintf(out, "^%d", u->u.pow.exp);
        break;
    }
}

/* Prints an expression as a parenthesised prefix form on one line. */
static void dump_expr(const ast_expr *e, FILE *out)
{
    switch (e->kind) {
    case EX_NUM:
        dump_number(e->u.num.v, out);
        if (e->u.num.unit) {
            fputc('[', out);
            dump_unit(e->u.num.unit, true, out);
            fputc(']', out);
        }
        break;
    case EX_BOOL:
        fputs(e->u.b ? "yes" : "no", out);
        break;
    case EX_NAME:
        dump_name(e->u.name, out);
        break;
    case EX_UNARY:
        fprintf(out, "(%s ", ast_opname(e->u.un.op));
        dump_expr(e->u.un.a, out);
        fputc(')', out);
        break;
    case EX_BINARY:
        fprintf(out, "(%s ", ast_opname(e->u.bin.op));
        dump_expr(e->u.bin.a, out);
        fputc(' ', out);
        dump_expr(e->u.bin.b, out);
        fputc(')', out);
        break;
    case EX_IF:
        fputs("(if ", out);
        dump_expr(e->u.cond.c, out);
        fputc(' ', out);
        dump_expr(e->u.cond.a, out);
        fputc(' ', out);
        dump_expr(e->u.cond.b, out);
        fputc(')', out);
        break;
    case EX_CALL:
        fprintf(out, "%s(", e->u.call.fn.s);
        for (uint32_t i = 0; i < e->u.call.nargs; i++) {
            if (i)
                fputs(", ", out);
            dump_expr(e->u.call.args[i], out);
        }
        fputc(')', out);
        break;
    }
}

/* Prints a deadline: a year or a period name. */
static void dump_year(const ast_year *y, FILE *out)
{
    if (y->period.s)
        dump_name(y->period, out);
    else
        fprintf(out, "%d", y->year);
}

/* The printer's state: where it writes and, of the program's allows,
 * those already shown (under the innermost node that holds them, which
 * is printed before the nodes around it). */
typedef struct dumper {
    FILE *out;
    const ast_program *p;
    bool *shown;            /* [p->nallows] */
} dumper;

/* Prints, at depth, the allows whose `allow` word lies inside sp that no
 * node inside sp has shown: the allows of the node spanning sp. */
static void dump_allows(dumper *dp, span sp, int depth)
{
    for (uint32_t i = 0; i < dp->p->nallows; i++) {
        const ast_allow *al = &dp->p->allows[i];
        if (dp->shown[i] || al->file != sp.file || al->at < sp.lo || al->at >= sp.hi)
            continue;
        dp->shown[i] = true;
        indent(dp->out, depth);
        fprintf(dp->out, "allow %s", al->name);
        dump_opt_string(al->reason, dp->out);
        fputc('\n', dp->out);
    }
}

/* Prints one target with its condition and attributes. */
static void dump_target(dumper *dp, const ast_target *t, int depth)
{
    FILE *out = dp->out;
    static const char *const kinds[] = {
        [TG_THRESHOLD] = "threshold", [TG_COMPLETE] = "complete", [TG_RATED] = "rated",
        [TG_FALLS] = "falls", [TG_RISES] = "rises", [TG_PEAKS] = "peaks",
    };
    indent(out, depth);
    fputs(t->redline ? "redline" : "target", out);
    if (t->name.s)
        fprintf(out, " %s", t->name.s);
    if (t->rename.s)
        fprintf(out, " as %s", t->rename.s);
    if (t->move.s)
        fprintf(out, " in (%s)", t->move.s);
    dump_opt_string(t->desc, out);
    fputc('\n', out);
    dump_origin(t->origin, depth + 1, out);
    if (t->scope.only.n) {
        indent(out, depth + 1);
        fputs("for ", out);
        dump_names(t->scope.only, out);
        if (t->scope.within.n) {
            fputs(" in ", out);
            dump_names(t->scope.within, out);
        }
        if (t->scope.except.n) {
            fputs(" except ", out);
            dump_names(t->scope.except, out);
        }
        fputc('\n', out);
    }
    if (!t->measured) /* an override that keeps the base's condition */
        goto attributes;
    indent(out, depth + 1);
    fprintf(out, "%s ", kinds[t->kind]);
    dump_expr(t->measured, out);
    if (t->kind == TG_PEAKS) {
        if (t->has_peak_by) {
            fputs(" by ", out);
            dump_year(&t->peak_by, out);
        }
        if (t->tolerance) {
            fputs(" tolerance ", out);
            dump_expr(t->tolerance, out);
        }
    }
    fputc('\n', out);
    for (uint32_t i = 0; i < t->nms; i++) {
        const ast_milestone *m = &t->ms[i];
        indent(out, depth + 2);
        fprintf(out, "%s ", ast_opname(m->op));
        dump_expr(m->goal, out);
        if (m->tolerance) {
            fputs(" tolerance ", out);
            dump_expr(m->tolerance, out);
        }
        if (m->has_by) {
            fputs(" by ", out);
            dump_year(&m->by, out);
        }
        fputc('\n', out);
    }
attributes:
    if (t->weight) {
        indent(out, depth + 1);
        fputs("weight ", out);
        dump_expr(t->weight, out);
        fputc('\n', out);
    }
    if (t->veto) {
        indent(out, depth + 1);
        fputs("veto\n", out);
    }
    if (t->score) {
        indent(out, depth + 1);
        fputs("score ", out);
        dump_expr(t->score, out);
        fputc('\n', out);
    }
    if (t->clause.s) {
        indent(out, depth + 1);
        fputs("clause ", out);
        if (t->clause.qual)
            fprintf(out, "%s.", t->clause.qual);
        fprintf(out, "(%s)\n", t->clause.s);
    }
    if (t->note) {
        indent(out, depth + 1);
        fputs("note ", out);
        dump_string(t->note, out);
        fputc('\n', out);
    }
    if (t->has_baseline) {
        indent(out, depth + 1);
        fputs("baseline ", out);
        dump_year(&t->baseline, out);
        fputc('\n', out);
    }
    dump_allows(dp, t->sp, depth + 1);
}

/* Prints a measure: its agencies and targets. */
static void dump_measure(dumper *dp, const ast_measure *m, int depth)
{
    FILE *out = dp->out;
    indent(out, depth);
    fprintf(out, "measure (%s)", m->id.s);
    dump_opt_string(m->title, out);
    if (m->weight) {
        fputs(" weight ", out);
        dump_expr(m->weight, out);
    }
    fputc('\n', out);
    dump_origin(m->origin, depth + 1, out);
    struct { const char *what; ast_names ns; bool show; } lists[] = {
        {"lead", m->lead, m->lead.n > 0},
        {"responsible", m->responsible, m->responsible.n > 0},
        {"shared", m->shared, m->has_shared},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (!lists[i].show)
            continue;
        indent(out, depth + 1);
        fprintf(out, "%s ", lists[i].what);
        dump_names(lists[i].ns, out);
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < m->ntargets; i++)
        dump_target(dp, m->targets[i], depth + 1);
    dump_allows(dp, m->sp, depth + 1);
}

/* Prints the plan declaration. */
static void dump_plan(const ast_decl *d, FILE *out)
{
    fprintf(out, "plan %s", d->u.plan.name.s);
    dump_opt_string(d->u.plan.title, out);
    if (d->u.plan.extends) {
        fputs(" extends ", out);
        dump_string(d->u.plan.extends, out);
        if (d->u.plan.extends_as.s)
            fprintf(out, " as %s", d->u.plan.extends_as.s);
    }
    fputc('\n', out);
    dump_origin(d->origin, 1, out);
    if (d->u.plan.region.s) {
        fputs("  region ", out);
        dump_name(d->u.plan.region, out);
        fputc('\n', out);
    }
    if (d->u.plan.has_baseline)
        fprintf(out, "  baseline %d\n", d->u.plan.baseline);
    if (d->u.plan.has_horizon)
        fprintf(out, "  horizon %d\n", d->u.plan.horizon);
    for (uint32_t i = 0; i < d->u.plan.nperiods; i++) {
        const ast_period *p = &d->u.plan.periods[i];
        fprintf(out, "  period %s = %d..%d\n", p->name.s, p->from, p->to);
    }
    if (d->u.plan.region_key) {
        fputs("  keys region = ", out);
        dump_string(d->u.plan.region_key, out);
        fputc('\n', out);
    }
    if (d->u.plan.year_key) {
        fputs("  keys year = ", out);
        dump_string(d->u.plan.year_key, out);
        fputc('\n', out);
    }
}

/* Prints the assessment declaration. */
static void dump_assessment(const ast_decl *d, FILE *out)
{
    static const char *const missing[] = {
        [MISSING_UNSET] = NULL, [MISSING_ZERO] = "zero",
        [MISSING_REWEIGHT] = "reweight", [MISSING_ERROR] = "error",
    };
    static const char *const wkinds[] = {
        [WK_SECTION] = "section", [WK_MEASURE] = "measure", [WK_TARGET] = "target",
    };
    fprintf(out, "assessment %s\n", d->u.assess.name.s);
    dump_origin(d->origin, 1, out);
    if (missing[d->u.assess.missing])
        fprintf(out, "  missing %s\n", missing[d->u.assess.missing]);
    if (d->u.assess.score) {
        fputs("  score ", out);
        dump_expr(d->u.assess.score, out);
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < d->u.assess.nweights; i++) {
        const ast_weight *w = &d->u.assess.weights[i];
        if (w->kind == WK_MEASURE)
            fprintf(out, "  weight measure %s%s(%s) = ", w->what.qual ? w->what.qual : "",
                    w->what.qual ? "." : "", w->what.s);
        else {
            fprintf(out, "  weight %s ", wkinds[w->kind]);
            dump_name(w->what, out);
            fputs(" = ", out);
        }
        dump_expr(w->value, out);
        fputc('\n', out);
    }
    if (d->u.assess.veto_redlines)
        fputs("  veto redlines\n", out);
    if (d->u.assess.veto.n) {
        fputs("  veto ", out);
        dump_names(d->u.assess.veto, out);
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < d->u.assess.nbands; i++) {
        const ast_band *b = &d->u.assess.bands[i];
        fprintf(out, "  grade %s", b->name.s);
        if (b->has_min) {
            fputs(" >= ", out);
            dump_expr(b->min, out);
        }
        fputc('\n', out);
    }
}

/* Prints an indicator declaration, or the `override indicator` of one
 * (kw "override indicator"), whose unit may be absent. */
static void dump_indicator(const ast_decl *d, const char *kw, FILE *out)
{
    fprintf(out, "%s %s", kw, d->u.ind.name.s);
    dump_opt_string(d->u.ind.display, out);
    if (d->u.ind.unit) {
        fputs(" : ", out);
        dump_unit(d->u.ind.unit, true, out);
    }
    fputc('\n', out);
    dump_origin(d->origin, 1, out);
    if (d->u.ind.dir != DIR_NONE)
        fprintf(out, "  %s\n", d->u.ind.dir == DIR_HIGHER ? "higher" : "lower");
    if (d->u.ind.column) {
        fputs("  column ", out);
        dump_string(d->u.ind.column, out);
        if (d->u.ind.map.s) {
            fputs(" as ", out);
            dump_name(d->u.ind.map, out);
        }
        if (d->u.ind.column_unit) {
            fputs(" in ", out);
            dump_unit(d->u.ind.column_unit, true, out);
        }
        if (d->u.ind.agg.kind == AGG_SHARE) {
            fprintf(out, " share %s ", ast_opname(d->u.ind.agg.op));
            dump_number(d->u.ind.agg.limit, out);
        } else if (d->u.ind.agg.kind != AGG_NONE) {
            fprintf(out, " %s", ast_agg_text(NULL, &d->u.ind.agg));
        }
        fputc('\n', out);
    }
    if (d->u.ind.formula) {
        fputs("  formula ", out);
        dump_expr(d->u.ind.formula, out);
        fputc('\n', out);
    }
    for (uint32_t k = 0; k < d->u.ind.nvalues; k++) {
        fputs(k ? "    " : "  values ", out);
        if (d->u.ind.values[k].is_else)
            fputs("else", out);
        else
            dump_names(d->u.ind.values[k].regions, out);
        fputs(" = ", out);
        dump_expr(d->u.ind.values[k].value, out);
        const ast_valrow *row = &d->u.ind.values[k];
        if (row->has_years && row->from.period.s)
            fprintf(out, " in %s", row->from.period.s);
        else if (row->has_years && row->from.year == row->to.year)
            fprintf(out, " in %d", row->from.year);
        else if (row->has_years)
            fprintf(out, " in %d..%d", row->from.year, row->to.year);
        if (d->u.ind.values[k].note) {
            fputs(" note ", out);
            dump_string(d->u.ind.values[k].note, out);
        }
        fputc('\n', out);
    }
}

/* Prints a section and its measures (kw "section" or "override section"). */
static void dump_section(dumper *dp, const ast_section *s, const char *kw)
{
    FILE *out = dp->out;
    fprintf(out, "%s %s", kw, s->id.s);
    dump_opt_string(s->title, out);
    if (s->weight) {
        fputs(" weight ", out);
        dump_expr(s->weight, out);
    }
    fputc('\n', out);
    dump_origin(s->origin, 1, out);
    for (uint32_t i = 0; i < s->nmeasures; i++)
        dump_measure(dp, s->measures[i], 1);
}

/* Prints a `drop` or `keep` statement. */
static void dump_drop(const ast_decl *d, FILE *out)
{
    static const char *const what[] = {
        [DROP_TARGET] = "target", [DROP_MEASURE] = "measure", [DROP_SECTION] = "section",
        [DROP_REGION] = "region", [DROP_REGIONS] = "regions", [DROP_ASSESSMENT] = "assessment",
        [DROP_INDICATOR] = "indicator", [DROP_AGENCY] = "agency",
    };
    fprintf(out, "%s %s", d->u.drop.keep ? "keep" : "drop", what[d->u.drop.what]);
    for (uint32_t i = 0; i < d->u.drop.names.n; i++) {
        fputs(i ? ", " : " ", out);
        if (d->u.drop.what == DROP_MEASURE)
            fprintf(out, "(%s)", d->u.drop.names.v[i].s);
        else
            fputs(d->u.drop.names.v[i].s, out);
    }
    fputc('\n', out);
}

/* Prints an `override` statement with what it restates. */
static void dump_override(dumper *dp, const ast_decl *d)
{
    FILE *out = dp->out;
    switch (d->u.over.what) {
    case OVR_TARGET:
        fputs("override\n", out);
        dump_target(dp, d->u.over.target, 1);
        break;
    case OVR_MEASURE:
        fputs("override\n", out);
        dump_measure(dp, d->u.over.measure, 1);
        break;
    case OVR_SECTION:
        dump_section(dp, d->u.over.section, "override section");
        break;
    case OVR_INDICATOR:
        dump_indicator(d->u.over.decl, "override indicator", out);
        break;
    case OVR_ASSESSMENT:
        fputs("override ", out);
        dump_assessment(d->u.over.decl, out);
        break;
    case OVR_REGION: {
        const ast_decl *r = d->u.over.decl;
        fprintf(out, "override region %s", d->u.over.name.s);
        if (d->u.over.rename.s)
            fprintf(out, " as %s", d->u.over.rename.s);
        if (r->u.region.level.s)
            fprintf(out, " : %s", r->u.region.level.s);
        if (r->u.region.parent.s) {
            fputs(" in ", out);
            dump_name(r->u.region.parent, out);
        }
        if (r->u.region.is_group) {
            fputs(" of ", out);
            dump_names(r->u.region.members, out);
        }
        dump_aliases(r->u.region.aliases, r->u.region.naliases, out);
        fputc('\n', out);
        break;
    }
    case OVR_TARGETS:
        fputs("override targets for ", out);
        dump_names(d->u.over.scope.only, out);
        if (d->u.over.scope.within.n) {
            fputs(" in ", out);
            dump_names(d->u.over.scope.within, out);
        }
        if (d->u.over.scope.except.n) {
            fputs(" except ", out);
            dump_names(d->u.over.scope.except, out);
        }
        fputc('\n', out);
        break;
    }
}

/* Prints one declaration and everything inside it, its own allows last. */
static void dump_decl(dumper *dp, const ast_decl *d)
{
    FILE *out = dp->out;
    switch (d->kind) {
    case D_MAP:
        fprintf(out, "map %s", d->u.map.name.s);
        if (d->u.map.title) {
            fputc(' ', out);
            dump_string(d->u.map.title, out);
        }
        fputc('\n', out);
        for (uint32_t k = 0; k < d->u.map.nentries; k++) {
            const ast_mapentry *e = &d->u.map.entries[k];
            fputs("  ", out);
            dump_string(e->text, out);
            fputs(" = ", out);
            if (e->missing)
                fputs("missing", out);
            else if (e->yesno)
                fputs(e->value != 0 ? "yes" : "no", out);
            else
                dump_number(e->value, out);
            fputc('\n', out);
        }
        if (d->u.map.else_sp.hi)
            fprintf(out, "  else %s\n", d->u.map.else_missing ? "missing" : "error");
        break;
    case D_TEST:
        fprintf(out, "test \"%s\" (%u data line%s, %u expectation%s)\n", d->u.test.title,
                d->u.test.ndata, d->u.test.ndata == 1 ? "" : "s", d->u.test.nexpects,
                d->u.test.nexpects == 1 ? "" : "s");
        break;
    case D_PLAN:
        dump_plan(d, out);
        break;
    case D_LEVELS:
        fputs("levels ", out);
        for (uint32_t k = 0; k < d->u.levels.names.n; k++) {
            if (k)
                fputs(", ", out);
            dump_name(d->u.levels.names.v[k], out);
            if (d->u.levels.texts && d->u.levels.texts[k].s) {
                fputc(' ', out);
                dump_string(d->u.levels.texts[k].s, out);
            }
        }
        fputc('\n', out);
        break;
    case D_REGION:
        fputs("region ", out);
        dump_names(d->u.region.names, out);
        fprintf(out, " : %s", d->u.region.level.s);
        if (d->u.region.parent.s) {
            fputs(" in ", out);
            dump_name(d->u.region.parent, out);
        }
        if (d->u.region.replaces.s)
            fprintf(out, " replaces %s", d->u.region.replaces.s);
        if (d->u.region.is_group) {
            fputs(" of ", out);
            dump_names(d->u.region.members, out);
        }
        dump_aliases(d->u.region.aliases, d->u.region.naliases, out);
        fputc('\n', out);
        dump_origin(d->origin, 1, out);
        break;
    case D_AGENCY:
        fprintf(out, "agency %s", d->u.agency.name.s);
        dump_opt_string(d->u.agency.full, out);
        for (uint32_t i = 0; i < d->u.agency.replaces.n; i++)
            fprintf(out, "%s%s", i ? ", " : " replaces ", d->u.agency.replaces.v[i].s);
        fputc('\n', out);
        dump_origin(d->origin, 1, out);
        break;
    case D_UNIT:
        fprintf(out, "unit %s", d->u.unit.name.s);
        if (d->u.unit.has_def) {
            fputs(" = ", out);
            dump_number(d->u.unit.factor, out);
            fputc(' ', out);
            dump_unit(d->u.unit.base, true, out);
        }
        fputc('\n', out);
        break;
    case D_INDICATOR:
        dump_indicator(d, "indicator", out);
        break;
    case D_SECTION:
        dump_section(dp, d->u.section, "section");
        break;
    case D_ASSESSMENT:
        dump_assessment(d, out);
        break;
    case D_IMPORT:
        fputs("import ", out);
        dump_string(d->u.import.path, out);
        if (d->u.import.as.s)
            fprintf(out, " as %s", d->u.import.as.s);
        fputc('\n', out);
        break;
    case D_DROP:
        dump_drop(d, out);
        break;
    case D_OVERRIDE:
        dump_override(dp, d);
        break;
    }
    dump_allows(dp, d->sp, 1);
}

/* (ast.h) */
void ast_take_allows(arena *a, ast_program *p, const diag_ctx *d, size_t from)
{
    size_t n = d->nallows > from ? d->nallows - from : 0;
    ast_allow *v = arena_alloc(a, (n + 1) * sizeof *v);
    for (size_t i = 0; i < n; i++) {
        const diag_allow *al = &d->allows[from + i];
        v[i] = (ast_allow){.name = warn_name(al->w), .reason = al->reason,
                           .file = al->name.file, .at = al->at};
    }
    p->allows = v;
    p->nallows = (uint32_t)n;
}

/* Prints every declaration of p (format at the top of this file). */
void ast_dump(const ast_program *p, FILE *out)
{
    /* per allow: shown yet, and whether it is the file's (below) */
    bool *flags = calloc(2 * ((size_t)p->nallows + 1), sizeof *flags);
    if (!flags) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    dumper dp = {.out = out, .p = p, .shown = flags};
    /* an allow among the declarations (inside none) is the file's: shown
     * at the top level, before the first declaration of its file after it */
    bool *filewide = flags + p->nallows + 1;
    for (uint32_t k = 0; k < p->nallows; k++) {
        filewide[k] = true;
        for (uint32_t i = 0; i < p->ndecls && filewide[k]; i++) {
            span sp = p->decls[i]->sp;
            if (sp.file == p->allows[k].file && p->allows[k].at >= sp.lo && p->allows[k].at < sp.hi)
                filewide[k] = false;
        }
    }
    for (uint32_t i = 0; i <= p->ndecls; i++) {
        for (uint32_t k = 0; k < p->nallows; k++) {
            const ast_allow *al = &p->allows[k];
            if (!filewide[k] || dp.shown[k] ||
                (i < p->ndecls && (al->file != p->decls[i]->sp.file || al->at >= p->decls[i]->sp.lo)))
                continue;
            dp.shown[k] = true;
            fprintf(out, "allow %s", al->name);
            dump_opt_string(al->reason, out);
            fputc('\n', out);
        }
        if (i < p->ndecls)
            dump_decl(&dp, p->decls[i]);
    }
    free(flags);
}

/* The prefix form of e, as ast_dump prints it, in the arena. */
char *ast_expr_text(arena *a, const ast_expr *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    if (e)
        dump_expr(e, f);
    fclose(f);
    char *r = arena_strndup(a, buf ? buf : "", buf ? len : 0);
    free(buf);
    return r;
}
