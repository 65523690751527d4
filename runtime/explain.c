/* explain.c — the derivation of one row's scores (see explain.h).
 *
 * explain_text and explain_json share one model of the explanation: every
 * slot's value on the row (recomputed by the reference interpreter, one
 * row, every slot kept), and for each target an ex_target with the numbers
 * and the sentences that say which rule applied.  The renderers only lay it
 * out. */
#include "explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exec.h"
#include "json.h"
#include "report.h"
#include "report_json.h"
#include "rtmem.h"

/* ---------------------------------------------------------------- strings */

/* A growable string. */
typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

/* Appends printf-formatted text to b. */
static void sbf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sbf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (b->len + (size_t)n + 1 > b->cap) {
        while (b->len + (size_t)n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 128;
        b->s = rt_xrealloc(b->s, b->cap, 1);
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* The text of b, handed to the caller (an empty string when nothing was
 * written); b is emptied. */
static char *sb_take(strbuf *b)
{
    char *s = b->s ? b->s : rt_xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

/* A number as the results print it; "missing" for NaN. */
static const char *num(double v, char buf[32])
{
    if (isnan(v))
        return "missing";
    report_format_number(v, buf);
    return buf;
}

/* A computed number for the text explanation: rounded to 4 decimals (the
 * JSON explanation and the results have it exactly); "missing" for NaN. */
static const char *dnum(double v, char buf[32])
{
    if (isnan(v))
        return "missing";
    if (fabs(v) >= 1e15 || v == trunc(v)) {
        report_format_number(v, buf);
        return buf;
    }
    snprintf(buf, 32, "%.4f", v);
    char *e = buf + strlen(buf);
    while (e > buf && e[-1] == '0')
        *--e = '\0';
    if (e > buf && e[-1] == '.')
        *--e = '\0';
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

/* A share as a percentage with 2 decimals ("5.26%"). */
static const char *pct(double v, char buf[32])
{
    if (isnan(v))
        return "missing";
    snprintf(buf, 32, "%.2f%%", v * 100);
    return buf;
}

/* Appends a quantity: a number and its unit ("92%", "7603 万亩"), yes/no
 * for a yes/no value, "missing" for NaN. */
static void qty(strbuf *b, double v, const char *unit, bool boolean)
{
    char buf[32];
    if (isnan(v)) {
        sbf(b, "missing");
    } else if (boolean) {
        sbf(b, "%s", v != 0 ? "yes" : "no");
    } else if (!unit || !*unit || strcmp(unit, "1") == 0) {
        sbf(b, "%s", num(v, buf));
    } else if (strcmp(unit, "%") == 0 || strcmp(unit, "‰") == 0) {
        sbf(b, "%s%s", num(v, buf), unit);
    } else {
        sbf(b, "%s %s", num(v, buf), unit);
    }
}

/* The operator of a comparison as written. */
static const char *opname(ir_op op)
{
    switch (op) {
    case IR_LT: return "<";
    case IR_LE: return "<=";
    case IR_GT: return ">";
    case IR_GE: return ">=";
    case IR_EQ: return "==";
    case IR_NE: return "!=";
    default: return "?";
    }
}

/* ---------------------------------------------------------------- lookup */

/* The name among n candidates nearest to `want` by edit distance, when it
 * is close enough to suggest: at most 2 edits, or a third of its length in
 * characters when that is more. */
static const char *nearest(const char *want, const char *const *names, size_t n)
{
    const char *best = NULL;
    int bestd = 0;
    for (size_t i = 0; i < n; i++) {
        int d = diag_editdist(want, names[i]);
        if (!best || d < bestd) {
            best = names[i];
            bestd = d;
        }
    }
    int len = 0;    /* in code points */
    for (const unsigned char *c = (const unsigned char *)want; *c; c++)
        len += (*c & 0xC0) != 0x80;
    int limit = len / 3 > 2 ? len / 3 : 2;
    return best && bestd <= limit ? best : NULL;
}

long explain_find_region(const ir_program *p, const char *name, const char **suggest)
{
    *suggest = NULL;
    size_t total = 0;
    for (uint32_t i = 0; i < p->nregions; i++) {
        if (strcmp(p->regions[i].name, name) == 0)
            return i;
        for (uint32_t k = 0; k < p->regions[i].naliases; k++)
            if (strcmp(p->regions[i].aliases[k], name) == 0)
                return i;
        total += 1 + p->regions[i].naliases;
    }
    const char **names = rt_xmalloc(total ? total : 1, sizeof *names);
    size_t n = 0;
    for (uint32_t i = 0; i < p->nregions; i++) {
        names[n++] = p->regions[i].name;
        for (uint32_t k = 0; k < p->regions[i].naliases; k++)
            names[n++] = p->regions[i].aliases[k];
    }
    *suggest = nearest(name, names, n);
    free(names);
    return -1;
}

long explain_find_target(const ir_program *p, const char *name, const char **suggest)
{
    *suggest = NULL;
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (strcmp(p->targets[i].name, name) == 0)
            return i;
    const char **names = rt_xmalloc(p->ntargets ? p->ntargets : 1, sizeof *names);
    for (uint32_t i = 0; i < p->ntargets; i++)
        names[i] = p->targets[i].name;
    *suggest = nearest(name, names, p->ntargets);
    free(names);
    return -1;
}

/* ---------------------------------------------------------------- the row */

/* Every slot's value on one row: the reference interpreter runs each
 * segment over that row alone with every slot kept; barrier results (which
 * need other rows) are taken from the run.  NULL when the program is
 * malformed. */
static double *eval_row(const ir_program *p, const rt_table *t, const rt_result *r, size_t row)
{
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0)
        return NULL;
    uint32_t n = p->nsteps;
    double *vals = rt_xcalloc(n ? n : 1, sizeof *vals);
    double **cols = rt_xmalloc(n ? n : 1, sizeof *cols);
    for (uint32_t i = 0; i < n; i++) {
        plan.materialized[i] = true;
        cols[i] = &vals[i];
    }
    const double *const *tin = rt_table_inputs(t);
    const double **in = rt_xmalloc(p->ninputs ? p->ninputs : 1, sizeof *in);
    for (uint32_t k = 0; k < p->ninputs; k++)
        in[k] = tin[k] + row;
    exec_frame f = {.nrows = 1, .inputs = in, .cols = cols, .plan = &plan};
    const exec_engine *eng = interp_engine();
    uint32_t i = 0, k = 0;
    while (i < n) {
        if (k < plan.nsegs && plan.segs[k].from == i) {
            eng->run_segment(eng->self, p, k, &f, 0, 1);
            i = plan.segs[k++].to;
            continue;
        }
        vals[i] = rt_result_value(r, i, row);
        i++;
    }
    free(in);
    free(cols);
    exec_plan_free(&plan);
    return vals;
}

/* One data cell a target reads. */
typedef struct ex_read {
    const char *role;       /* "value", "for the value" (another year's cell the value
                               is computed from), "previous year", "baseline",
                               "for the baseline" */
    uint32_t column;        /* index into p->columns */
    int year;
    bool in_data;           /* (region, year) has a row */
    double cell;            /* as read (NaN: missing) */
    double value;           /* in the indicator's unit */
    uint32_t records;       /* the data records that made the row */
    long values;            /* an aggregated column: of them, those with a value; else -1 */
} ex_read;

/* A list of explanation lines (malloc'd strings), as planc explain prints
 * them under one label and JSON writes them as one array. */
typedef struct ex_list {
    char **v;
    uint32_t n;
} ex_list;

/* Appends text (malloc'd; the list takes it). */
static void list_push(ex_list *l, char *text)
{
    l->v = rt_xrealloc(l->v, l->n + 1, sizeof *l->v);
    l->v[l->n++] = text;
}

/* Frees the lines and the list. */
static void list_free(ex_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

/* A target's explanation. */
typedef struct ex_target {
    uint32_t ti;
    int status;
    double v, goal, expected, score, base, deadline, ystart, bstart, dscore;
    long ms;                /* the current milestone, -1 for none */
    const char *branch;     /* which rule: "1".."5" of §9, "trend", "peaks" */
    char *rule;             /* why that status */
    char *expected_text;    /* how e was computed; NULL when there is none */
    const char *score_kind; /* "none", "default", "rated", "expression" */
    char *score_text;       /* the score formula with its operands */
    ex_read *reads;
    uint32_t nreads, capreads;
    char *share_text;       /* share targets: the children counted */
    ex_list peers;          /* per lowest() / highest() / average() the value
                               or score reads: the regions it ranged over */
    ex_list sums;           /* per cumulative() they read: the years it summed */
    ex_list peaks;          /* per peakvalue() they read: the years it compared */
    ex_list below;          /* per total() / lowest() / ... over a level: the
                               regions below the row's that it read */
    /* the roll-up */
    bool counted;           /* the score counts in its measure */
    double counted_score;   /* the score as counted (0 for missing under `missing zero`) */
    double share;           /* weight / the measure's counted weight */
    double wsum;            /* the measure's counted weight */
    double to_measure, to_section, to_total;
    bool veto_fired;
} ex_target;

/* The whole explanation of a row. */
/* The scratch of the walks through a target's steps, made once per row:
 * the marks of a walk are cleared from the list of what it marked, where
 * clearing arrays the size of the program for every target made
 * explaining a row quadratic in the number of targets. */
typedef struct ex_walk {
    uint8_t *seen;          /* per step: reached by the current walk */
    uint32_t *stack;        /* room for every step */
    uint32_t *marked;       /* the steps marked in seen, nmarked of them */
    size_t nmarked;
    bool *input_seen;       /* per input: read by the current target */
    uint32_t *inputs;       /* the inputs marked in input_seen, ninputs of them */
    size_t ninputs;
} ex_walk;

typedef struct ex_row {
    const ir_program *p;
    const rt_table *t;
    const rt_result *r;
    size_t row;
    uint32_t region;
    int year;
    double *slot;           /* every slot's value on the row */
    double *mshare;         /* per measure: its weight / its section's counted weight (NaN: not counted) */
    double *sshare;         /* per section: its weight / the total's counted weight (NaN: not counted) */
    double *tweight;        /* per measure: the weight of its counted targets */
    ex_walk *walk;          /* scratch of explain_target */
} ex_row;

/* A slot's value, NaN for IR_NO_SLOT. */
static double sv(const ex_row *x, uint32_t slot)
{
    return slot == IR_NO_SLOT ? NAN : x->slot[slot];
}

/* ---------------------------------------------------------------- reads */

/* Marks step i seen by the current walk. */
static void walk_mark(ex_walk *w, uint32_t i)
{
    w->seen[i] = 1;
    w->marked[w->nmarked++] = i;
}

/* Forgets what the walks since the last call marked. */
static void walk_clear(ex_walk *w)
{
    for (size_t k = 0; k < w->nmarked; k++)
        w->seen[w->marked[k]] = 0;
    w->nmarked = 0;
}

/* Pushes the operands of step s not yet seen onto the walk's stack,
 * marking them seen. */
static void push_operands(const ir_step *s, ex_walk *w, size_t *top)
{
    const uint32_t ops[3] = {s->a, s->b, s->c};
    for (int k = ir_arity(s->op); k-- > 0;)
        if (!w->seen[ops[k]]) {
            walk_mark(w, ops[k]);
            w->stack[(*top)++] = ops[k];
        }
}

/* Collects the data inputs slot `root` depends on into the read list (once
 * each), labelled `role`; stops at IR_CUMSUM and IR_CUMMAX (explained
 * under "sums" and "peaks") and at IR_SHARE (its operand is read on other
 * rows), recording the latter in *share. */
static void collect_reads(const ex_row *x, uint32_t root, const char *role, ex_target *et,
                          uint32_t *share)
{
    const ir_program *p = x->p;
    if (root == IR_NO_SLOT)
        return;
    ex_walk *w = x->walk;
    walk_clear(w);
    size_t top = 0;
    w->stack[top++] = root;
    walk_mark(w, root);
    while (top) {
        uint32_t i = w->stack[--top];
        const ir_step *s = &p->steps[i];
        if (s->op == IR_SHARE) {
            /* the other kinds are listed under "below" */
            if (*share == IR_NO_SLOT && s->imm == IR_SHARE_PERCENT)
                *share = i;
            continue;
        }
        if (s->op == IR_CUMSUM || s->op == IR_CUMMAX)
            continue;   /* its years are listed under "sums" or "peaks" */
        if (s->op == IR_INPUT) {
            const ir_input *in = &p->inputs[s->aux];
            if (in->kind != IR_IN_DATA || w->input_seen[s->aux])
                continue;
            w->input_seen[s->aux] = true;
            w->inputs[w->ninputs++] = s->aux;
            if (et->nreads == et->capreads) {
                et->capreads = et->capreads ? 2 * et->capreads : 8;
                et->reads = rt_xrealloc(et->reads, et->capreads, sizeof *et->reads);
            }
            ex_read *rd = &et->reads[et->nreads++];
            memset(rd, 0, sizeof *rd);
            rd->role = role;
            rd->column = in->column;
            rd->year = in->shift.absolute ? in->shift.year : x->year + in->shift.rel;
            /* a cell of another year that a formula reads (prev(x) inside
             * the value, or inside the baseline's) is not that value */
            if (strcmp(role, "value") == 0 && rd->year != x->year)
                rd->role = "for the value";
            else if (strcmp(role, "baseline") == 0 && rd->year != p->targets[et->ti].y0)
                rd->role = "for the baseline";
            long row = rt_table_find(x->t, x->region, rd->year);
            rd->in_data = row >= 0 && rt_table_line(x->t, (size_t)row) != 0;
            rd->cell = row >= 0 ? rt_table_column(x->t, in->column)[row] : NAN;
            rd->records = row >= 0 ? rt_table_records(x->t, (size_t)row) : 0;
            rd->values = row >= 0 ? rt_table_values(x->t, in->column, (size_t)row) : -1;
            const ir_column *c = &p->columns[in->column];
            rd->value = c->divisor != 0 ? rd->cell / c->divisor : rd->cell * c->factor;
            continue;
        }
        push_operands(s, w, &top);
    }
}

/* The header name of column c in `year` (malloc'd): its name, or for a
 * column per year the year's column (C{year} -> C2016). */
static char *header_name(const ir_column *c, int year)
{
    const char *at = c->per_year ? strstr(c->name, "{year}") : NULL;
    if (!at)
        return rt_xstrdup(c->name);
    size_t n = strlen(c->name) + 8;
    char *r = rt_xmalloc(n, 1);
    snprintf(r, n, "%.*s%d%s", (int)(at - c->name), c->name, year, at + 6);
    return r;
}

/* Orders reads by role (value first), then column, then year. */
static int cmp_read(const void *a, const void *b)
{
    const ex_read *x = a, *y = b;
    static const char *const roles[] = {"value", "for the value", "previous year", "baseline",
                                        "for the baseline", "goal"};
    int rx = 0, ry = 0;
    for (int i = 0; i < 6; i++) {
        if (strcmp(x->role, roles[i]) == 0)
            rx = i;
        if (strcmp(y->role, roles[i]) == 0)
            ry = i;
    }
    if (rx != ry)
        return rx - ry;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return (x->year > y->year) - (x->year < y->year);
}

/* Per region of the level, whether it lies below region r: in it, in a
 * regional group it is, or below those (a new array of nregions flags;
 * false for regions of other levels). */
static bool *regions_below(const ir_program *p, uint32_t r, uint32_t level)
{
    size_t n = p->nregions ? p->nregions : 1;
    bool *below = rt_xcalloc(n, sizeof *below);
    ir_upwalk w;
    rt_up_init(&w, p);
    for (uint32_t d = 0; d < p->nregions; d++) {
        if (p->regions[d].level != level)
            continue;
        ir_up_start(&w, d);
        for (int32_t a; (a = ir_up_next(&w)) >= 0 && !below[d];)
            below[d] = (uint32_t)a == r;
    }
    rt_up_free(&w);
    return below;
}

/* The indicator that slot `a`, a barrier's operand, reads from the data in
 * the row's year, or in the baseline year when the barrier is read for
 * the baseline (through a target's scope mask, for the peer functions);
 * else "". */
static const char *operand_indicator(const ir_program *p, uint32_t a)
{
    const ir_step *op = &p->steps[a];
    if (op->op == IR_SELECT && p->steps[op->a].op == IR_INPUT &&
        p->inputs[p->steps[op->a].aux].kind == IR_IN_SCOPE)
        op = &p->steps[op->b];
    if (op->op != IR_INPUT)
        return "";
    const ir_input *in = &p->inputs[op->aux];
    bool now = !in->shift.absolute && in->shift.rel == 0;
    if (in->kind != IR_IN_DATA || !(now || (in->shift.absolute && in->shift.year == p->baseline)))
        return "";
    return p->columns[in->column].indicator;
}

/* What barrier step `step` ranged over, as written in the rules (ir.h
 * ir_label), followed by the indicator it reads when that is one and is
 * not what was written (`value (森林覆盖率)` in a score); "" when neither
 * is known.  malloc'd. */
static char *operand_of(const ir_program *p, uint32_t step)
{
    const char *text = ir_label_of(p, step);
    const char *ind = operand_indicator(p, p->steps[step].a);
    strbuf b = {0};
    if (text && *ind && strcmp(text, ind) != 0)
        sbf(&b, "%s (%s)", text, ind);
    else
        sbf(&b, "%s", text ? text : ind);
    return sb_take(&b);
}

/* The children a share step counted on this row: which of them hold the
 * condition, which do not, which have it missing. */
static char *share_text(const ex_row *x, uint32_t step)
{
    const ir_program *p = x->p;
    const ir_step *s = &p->steps[step];
    strbuf yes = {0}, no = {0}, miss = {0};
    uint32_t ny = 0, nn = 0, nm = 0;
    bool *below = regions_below(p, x->region, (uint32_t)s->aux);
    for (uint32_t d = 0; d < p->nregions; d++) {
        if (!below[d])
            continue;
        long row = rt_table_find(x->t, d, x->year);
        if (row < 0)
            continue;
        double c = rt_result_value(x->r, s->a, (size_t)row);
        strbuf *b = isnan(c) ? &miss : c != 0 ? &yes : &no;
        uint32_t *n = isnan(c) ? &nm : c != 0 ? &ny : &nn;
        sbf(b, "%s%s", *n ? "、" : "", p->regions[d].name);
        (*n)++;
    }
    free(below);
    strbuf out = {0};
    sbf(&out, "share over the %s regions with a row in %d: the condition holds in %u (%s), "
              "not in %u (%s), missing in %u (%s); the share is %u / %u",
        p->levels[s->aux], x->year, ny, ny ? yes.s : "none", nn, nn ? no.s : "none",
        nm, nm ? miss.s : "none", ny, ny + nn);
    free(yes.s);
    free(no.s);
    free(miss.s);
    return sb_take(&out);
}

/* What a peer step (lowest / highest / average) computed on this row: over
 * how many regions of the row's level it ranged (only those the target
 * covers when lower.c masked its operand with the target's scope), and for
 * lowest and highest which region holds the value.  `role` is "" or ", for
 * the baseline". */
static char *peer_text(const ex_row *x, uint32_t step, const char *role)
{
    const ir_program *p = x->p;
    const ir_step *s = &p->steps[step];
    uint32_t level = p->regions[x->region].level;
    /* select(scope, operand, NaN): the target's scope */
    const ir_scope *scope = NULL;
    const ir_step *op = &p->steps[s->a];
    if (op->op == IR_SELECT && p->steps[op->a].op == IR_INPUT &&
        p->inputs[p->steps[op->a].aux].kind == IR_IN_SCOPE)
        scope = &p->scopes[p->inputs[p->steps[op->a].aux].scope];
    uint32_t rows = 0, vals = 0;
    strbuf who = {0};
    double v = rt_result_value(x->r, step, x->row);
    for (uint32_t d = 0; d < p->nregions; d++) {
        if (p->regions[d].level != level)
            continue;
        bool covered = !scope;
        for (uint32_t k = 0; scope && k < scope->n; k++)
            covered = covered || scope->regions[k] == d;
        long row = covered ? rt_table_find(x->t, d, x->year) : -1;
        if (row < 0)
            continue;
        rows++;
        double c = rt_result_value(x->r, s->a, (size_t)row);
        if (isnan(c))
            continue;
        vals++;
        if (s->aux != IR_PEER_AVERAGE && c == v)
            sbf(&who, "%s%s", who.len ? "、" : "", p->regions[d].name);
    }
    char n1[32];
    strbuf out = {0};
    char *of = operand_of(p, step);
    sbf(&out, "%s%s%s over the %u %s regions %swith a row in %d%s (%u with a value) = %s",
        ir_peername(s->aux), *of ? " of " : "", of, rows, p->levels[level],
        scope ? "the target covers " : "", x->year, role, vals, num(v, n1));
    free(of);
    if (who.len)
        sbf(&out, " (%s)", who.s);
    free(who.s);
    return sb_take(&out);
}

/* What a cumulative() or peakvalue() step read on this row: the years
 * from its first to the year it is read in, each year's value, and the sum
 * or the largest, or the year that leaves it missing. */
static char *cumsum_text(const ex_row *x, uint32_t step, const char *role)
{
    const ir_step *s = &x->p->steps[step];
    bool peak = s->op == IR_CUMMAX;
    long first = s->aux;
    long upto = s->imm >= 1 ? (long)s->imm : x->year + (long)s->imm;
    char n1[32];
    strbuf out = {0};
    char *of = operand_of(x->p, step);
    sbf(&out, "%s%s%s from %ld to %ld%s: ", peak ? "peakvalue" : "cumulative", *of ? " of " : "", of,
        first, upto, role);
    free(of);
    if (upto < first - 1 || (peak && upto < first)) {
        sbf(&out, "missing (%ld is before the %s starts)", upto, peak ? "series" : "sum");
        return sb_take(&out);
    }
    if (upto == first - 1) {
        sbf(&out, "nothing summed yet = 0");
        return sb_take(&out);
    }
    strbuf terms = {0};
    for (long y = first; y <= upto; y++) {
        long row = rt_table_find(x->t, x->region, y);
        double v = row < 0 ? NAN : rt_result_value(x->r, s->a, (size_t)row);
        if (isnan(v)) {
            sbf(&out, "missing (%s %ld %s)", x->p->regions[x->region].name, y,
                row < 0 ? "has no row" : "has no value");
            free(terms.s);
            return sb_take(&out);
        }
        sbf(&terms, "%s%s", y > first ? (peak ? ", " : " + ") : "", num(v, n1));
    }
    sbf(&out, "%s%s %s", terms.s, peak ? " → the largest" : " =",
        num(rt_result_value(x->r, step, x->row), n1));
    free(terms.s);
    return sb_take(&out);
}

/* What a total() / lowest() / highest() / average() over a level computed
 * on this row: each region at that level below the row's region with its
 * value (or that it has no row or no value), and the result; for lowest
 * and highest, which region holds it.  `role` as for peer_text(); y0 is
 * the baseline year when the step is read for the baseline, else 0. */
static char *below_text(const ex_row *x, uint32_t step, const char *role, int y0)
{
    const ir_program *p = x->p;
    const ir_step *s = &p->steps[step];
    bool total = s->imm == IR_SHARE_TOTAL;
    uint32_t nbelow = 0, vals = 0;
    strbuf terms = {0}, gaps = {0}, who = {0};
    char n1[32];
    double v = rt_result_value(x->r, step, x->row);
    bool *below = regions_below(p, x->region, (uint32_t)s->aux);
    for (uint32_t d = 0; d < p->nregions; d++) {
        if (!below[d])
            continue;
        nbelow++;
        long row = rt_table_find(x->t, d, x->year);
        double c = row < 0 ? NAN : rt_result_value(x->r, s->a, (size_t)row);
        if (isnan(c)) {
            sbf(&gaps, "%s%s %s", gaps.len ? ", " : "", p->regions[d].name,
                row < 0 ? "has no row" : "has no value");
            continue;
        }
        sbf(&terms, "%s%s %s", vals ? (total ? " + " : ", ") : "", p->regions[d].name, num(c, n1));
        vals++;
        if ((s->imm == IR_SHARE_LOWEST || s->imm == IR_SHARE_HIGHEST) && c == v)
            sbf(&who, "%s%s", who.len ? "、" : "", p->regions[d].name);
    }
    free(below);
    strbuf out = {0};
    char *of = operand_of(p, step);
    sbf(&out, "%s%s%s over the %u %s regions below %s ", ir_sharename(s->imm), *of ? " of " : "",
        of, nbelow, p->levels[s->aux], p->regions[x->region].name);
    free(of);
    /* for the baseline: the baseline year's values of the regions with a
     * row in the row's year (docs/LANGUAGE.md §7) */
    if (y0)
        sbf(&out, "in the baseline year %d (of those with a row in %d)", y0, x->year);
    else
        sbf(&out, "in %d", x->year);
    sbf(&out, "%s: %s", role, vals ? terms.s : "no value");
    if (gaps.len)
        sbf(&out, "; %s", gaps.s);
    sbf(&out, " = %s", isnan(v) ? "missing" : num(v, n1));
    if (total && isnan(v) && gaps.len)
        sbf(&out, " (a total needs every region's value)");
    if (who.len)
        sbf(&out, " (%s)", who.s);
    free(terms.s);
    free(gaps.s);
    free(who.s);
    return sb_take(&out);
}

/* Lists the peer, cumulative and below-a-level steps that slot `root`
 * depends on (not looking into the operands of barriers: those are read on
 * other rows or years) in et->peers, et->sums, et->peaks and et->below,
 * each once, labelled with `role`; the marks of x->walk are shared by the
 * calls for one target. */
static void collect_peers(const ex_row *x, uint32_t root, const char *role, ex_target *et)
{
    const ir_program *p = x->p;
    ex_walk *w = x->walk;
    if (root == IR_NO_SLOT || w->seen[root])
        return;
    size_t top = 0;
    w->stack[top++] = root;
    walk_mark(w, root);
    while (top) {
        uint32_t i = w->stack[--top];
        const ir_step *s = &p->steps[i];
        if (s->op == IR_PEER) {
            list_push(&et->peers, peer_text(x, i, role));
        } else if (s->op == IR_CUMSUM) {
            list_push(&et->sums, cumsum_text(x, i, role));
        } else if (s->op == IR_CUMMAX) {
            list_push(&et->peaks, cumsum_text(x, i, role));
        } else if (s->op == IR_SHARE && s->imm != IR_SHARE_PERCENT) {
            bool base = strcmp(role, ", for the baseline") == 0;
            list_push(&et->below, below_text(x, i, base ? "" : role, base ? p->targets[et->ti].y0 : 0));
        }
        if (ir_is_barrier(s->op))
            continue;
        push_operands(s, w, &top);
    }
}

/* ---------------------------------------------------------------- rules */

/* Appends "v OP goal holds (84.8 >= 92)" style text; with a tolerance
 * (m not NULL) the goal it is judged by: "v >= goal - tolerance holds
 * (19.5 % >= 20 % - 0.5 % = 19.5 %)", or the band of '=='. */
static void test_text(strbuf *b, const ir_target *tg, const ir_milestone *ms, ir_op op, double v,
                      double g)
{
    if (ms && ms->has_tolerance) {
        double r = ir_meets(ms, v, g), lo, hi;
        const char *res = isnan(r) ? "cannot be decided" : r != 0 ? "holds" : "does not hold";
        ir_goal_band(ms, g, &lo, &hi);
        if (op == IR_EQ) {
            sbf(b, "goal - tolerance <= v <= goal + tolerance %s (", res);
            qty(b, lo, tg->unit, false);
            sbf(b, " <= ");
            qty(b, v, tg->unit, false);
            sbf(b, " <= ");
            qty(b, hi, tg->unit, false);
            sbf(b, ")");
            return;
        }
        int sign = ir_loosen_sign(ms);
        sbf(b, "v %s goal %s tolerance %s (", opname(op), sign < 0 ? "-" : "+", res);
        qty(b, v, tg->unit, false);
        sbf(b, " %s ", opname(op));
        qty(b, g, tg->unit, false);
        sbf(b, " %s ", sign < 0 ? "-" : "+");
        qty(b, ms->tolerance, tg->unit, false);
        sbf(b, " = ");
        qty(b, ir_judged_goal(ms, g), tg->unit, false);
        sbf(b, ")");
        return;
    }
    double m = ir_compare(op, v, g);
    sbf(b, "v %s goal ", opname(op));
    sbf(b, "%s (", isnan(m) ? "cannot be decided" : m != 0 ? "holds" : "does not hold");
    qty(b, v, tg->unit, tg->boolean);
    sbf(b, " %s ", opname(op));
    qty(b, g, tg->unit, tg->boolean);
    sbf(b, ")");
}

/* The goals of a target as written: ">= 92% by 2027, >= 95% by 2035". */
static void goals_text(strbuf *b, const ir_target *tg)
{
    if (strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0) {
        sbf(b, "%s every year", tg->kind);
        return;
    }
    if (strcmp(tg->kind, "peaks") == 0) {
        char buf[32];
        sbf(b, "peaks");
        if (tg->nmilestones)
            sbf(b, " by %d", tg->milestones[0].deadline);
        sbf(b, " tolerance %s%%", num(tg->tolerance * 100, buf));
        return;
    }
    for (uint32_t i = 0; i < tg->nmilestones; i++) {
        const ir_milestone *m = &tg->milestones[i];
        sbf(b, "%s%s ", i ? ", " : "", opname(m->op));
        if (m->goal_src)
            sbf(b, "%s", m->goal_src);
        else
            qty(b, m->goal, tg->unit, tg->boolean);
        if (m->has_tolerance) {
            sbf(b, " tolerance ");
            qty(b, m->tolerance, tg->unit, false);
        }
        if (m->deadline)
            sbf(b, " by %d", m->deadline);
        else
            sbf(b, " every year");
    }
}

/* The region's series y0..y of the target's value, for peaks: years and
 * values into ys / vs (n entries); false when a year has no row. */
static uint32_t value_series(const ex_row *x, const ir_target *tg, int *ys, double *vs)
{
    uint32_t n = 0;
    for (int y = tg->y0; y <= x->year; y++) {
        long row = rt_table_find(x->t, x->region, y);
        ys[n] = y;
        vs[n] = row >= 0 ? rt_result_value(x->r, tg->value, (size_t)row) : NAN;
        n++;
    }
    return n;
}

/* The status rule of a peaks target. */
static void peaks_rule(const ex_row *x, const ir_target *tg, ex_target *et, strbuf *b)
{
    char buf[32];
    uint32_t cap = x->year >= tg->y0 ? (uint32_t)(x->year - tg->y0 + 1) : 1;
    int *ys = rt_xmalloc(cap, sizeof *ys);
    double *vs = rt_xmalloc(cap, sizeof *vs);
    uint32_t n = value_series(x, tg, ys, vs);
    sbf(b, "the series %d..%d is ", tg->y0, x->year);
    long peak = -1, missing = -1;
    for (uint32_t i = 0; i < n; i++) {
        sbf(b, "%s%s", i ? ", " : "", num(vs[i], buf));
        if (isnan(vs[i]) && missing < 0)
            missing = i;
        if (!isnan(vs[i]) && (peak < 0 || vs[i] > vs[peak]))
            peak = i;
    }
    if (et->status == IR_ST_MISSING || missing >= 0) {
        sbf(b, "; %d is missing, so the peak cannot be judged", missing >= 0 ? ys[missing] : x->year);
    } else {
        sbf(b, "; the largest value is first reached in %d", ys[peak]);
        long bad = -1;
        for (uint32_t i = (uint32_t)peak + 1; i < n; i++)
            if (vs[i] - vs[i - 1] > tg->tolerance * fabs(vs[i - 1])) {
                bad = i;
                break;
            }
        if ((uint32_t)peak + 1 == n)
            sbf(b, ", this year: not yet peaked");
        else if (bad >= 0) {
            char buf2[32], buf3[32];
            sbf(b, ", but %d rose by %s, more than the tolerance allows (%s × |%s|)", ys[bad],
                num(vs[bad] - vs[bad - 1], buf), num(tg->tolerance, buf2), num(vs[bad - 1], buf3));
        }
        else
            sbf(b, ", and every later year rose by no more than the tolerance");
        if (et->status == IR_ST_MET)
            sbf(b, " → met");
        else if (et->status == IR_ST_ON_TRACK)
            sbf(b, "; before the deadline %d → on_track", tg->milestones[0].deadline);
        else if (tg->nmilestones)
            sbf(b, "; the deadline %d has passed → failed", tg->milestones[0].deadline);
        else
            sbf(b, "; no deadline → failed");
    }
    free(ys);
    free(vs);
}

/* Why a not_applicable row is one (§9 rule 1). */
static void na_rule(const ex_row *x, const ir_target *tg, bool trend, strbuf *b)
{
    const ir_program *p = x->p;
    bool in_scope = !tg->scoped;
    for (uint32_t i = 0; tg->scoped && i < tg->nscope; i++)
        if (tg->scope[i] == x->region)
            in_scope = true;
    long row = (long)x->row;
    const char *whose = tg->y0 != p->baseline ? "the target's" : "the";
    if (trend && x->year <= tg->y0)
        sbf(b, "trends are judged from the year after %s baseline year %d", whose, tg->y0);
    else if (x->year < tg->y0)
        sbf(b, "%d is before %s baseline year %d", x->year, whose, tg->y0);
    else if (!in_scope) {
        sbf(b, "%s is outside the target's scope (", p->regions[x->region].name);
        for (uint32_t i = 0; i < tg->nscope && i < 8; i++)
            sbf(b, "%s%s", i ? ", " : "", p->regions[tg->scope[i]].name);
        if (tg->nscope > 8)
            sbf(b, " and %u more", tg->nscope - 8);
        sbf(b, ")");
    } else if (rt_table_line(x->t, (size_t)row) == 0)
        sbf(b, "%s has no row of its own in %d (planc added it for the targets that "
            "read the regions below it: share, total, ...)",
            p->regions[x->region].name, x->year);
    else
        sbf(b, "the target does not apply to this row");
}

/* The status rule that applied (docs/LANGUAGE.md §9), as a sentence. */
static void status_rule(const ex_row *x, const ir_target *tg, ex_target *et)
{
    strbuf b = {0};
    char b1[32];
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    bool peaks = strcmp(tg->kind, "peaks") == 0;
    int y = x->year;
    if (et->status == IR_ST_NA) {
        et->branch = "1";
        sbf(&b, "§9 rule 1 (not_applicable): ");
        na_rule(x, tg, trend, &b);
    } else if (peaks) {
        et->branch = "peaks";
        sbf(&b, "§9 peaks: ");
        peaks_rule(x, tg, et, &b);
    } else if (trend) {
        et->branch = "trend";
        ir_op op = strcmp(tg->kind, "falls") == 0 ? IR_LT : IR_GT;
        sbf(&b, "§9 trends (%s every year): ", tg->kind);
        if (isnan(et->v) || isnan(et->goal)) {
            sbf(&b, "%s is missing → missing",
                isnan(et->v) ? "this year's value" : "the previous year's value");
        } else {
            sbf(&b, "this year's value %s the previous year's: ", opname(op));
            qty(&b, et->v, tg->unit, false);
            sbf(&b, " %s ", opname(op));
            qty(&b, et->goal, tg->unit, false);
            sbf(&b, " %s → %s", ir_compare(op, et->v, et->goal) != 0 ? "holds" : "does not hold",
                ir_statusname(et->status));
        }
    } else if (isnan(et->v)) {
        et->branch = "2";
        sbf(&b, "§9 rule 2 (missing): the value is missing");
    } else if (et->status == IR_ST_MISSING && isnan(et->goal)) {
        /* only a goal read from the data can be missing (§6); rule 5's
         * text would blame the trajectory's start */
        et->branch = "2";
        sbf(&b, "§9 rule 2 (missing): the goal, read from the data, is missing");
    } else {
        const ir_milestone *m = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
        ir_op op = m ? m->op : IR_GE;
        bool deadline = m && m->deadline;
        if (et->status == IR_ST_MET) {
            et->branch = "3";
            sbf(&b, "§9 rule 3 (met): ");
            test_text(&b, tg, m, op, et->v, et->goal);
        } else if (et->status == IR_ST_FAILED) {
            et->branch = "4";
            sbf(&b, "§9 rule 4 (failed): ");
            if (deadline)
                sbf(&b, "the deadline %d has passed (%d >= %d) and ", m->deadline, y, m->deadline);
            else
                sbf(&b, "a goal that holds every year, not met: ");
            test_text(&b, tg, m, op, et->v, et->goal);
        } else if (et->status == IR_ST_MISSING) {
            et->branch = "5";
            sbf(&b, "§9 rule 5 (missing): before the deadline %d, not met, and the trajectory's "
                    "starting value is missing",
                deadline ? m->deadline : y);
            if (!isnan(et->ystart))
                sbf(&b, " (the value in %s)", num(et->ystart, b1));
        } else {
            et->branch = "5";
            sbf(&b, "§9 rule 5 (%s): before the deadline (%d < %s), not met: ",
                ir_statusname(et->status), y, num(et->deadline, b1));
            test_text(&b, tg, m, op, et->v, et->goal);
            int track = m ? m->track : 0;
            if (track == 0) {
                sbf(&b, "; the indicator has no direction%s → on_track",
                    tg->boolean ? " (yes/no)" : "");
            } else {
                sbf(&b, "; on the trajectory v %s e: ", track > 0 ? ">=" : "<=");
                qty(&b, et->v, tg->unit, false);
                sbf(&b, " %s ", track > 0 ? ">=" : "<=");
                qty(&b, et->expected, tg->unit, false);
                sbf(&b, " %s → %s",
                    et->status == IR_ST_ON_TRACK ? "holds" : "does not hold",
                    ir_statusname(et->status));
            }
        }
    }
    et->rule = sb_take(&b);
}

/* How the expected value was computed; NULL when the target has none. */
static void expected_rule(const ex_row *x, const ir_target *tg, ex_target *et)
{
    const ir_milestone *m = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
    if (!m || (isnan(m->goal) && !m->goal_src) || tg->boolean || et->status == IR_ST_NA)
        return;
    strbuf b = {0};
    char n1[32], n2[32], n3[32], n4[32], n5[32];
    /* with a tolerance, the trajectory runs to the goal it is judged by */
    int sign = ir_loosen_sign(m);
    const char *g = sign < 0 ? "goal - tolerance" : sign > 0 ? "goal + tolerance" : "goal";
    if (!m->deadline) {
        sbf(&b, "%s (the goal holds every year): ", sign ? g : "the goal itself");
        qty(&b, et->expected, tg->unit, false);
    } else if (x->year >= m->deadline) {
        sbf(&b, "%s (the deadline %d has passed): ", sign ? g : "the goal itself", m->deadline);
        qty(&b, et->expected, tg->unit, false);
    } else {
        sbf(&b, "e = b0 + (%s - b0) × (y - y0) / (deadline - y0) with (y0, b0) = (%s, %s), %s", g,
            num(et->ystart, n1), num(et->bstart, n2),
            et->ms == 0 ? "the baseline" : "the previous milestone");
        sbf(&b, ": %s + (%s - %s) × (%d - %s) / (%d - %s)", num(et->bstart, n1),
            num(ir_judged_goal(m, et->goal), n2), num(et->bstart, n3), x->year, num(et->ystart, n4),
            m->deadline, num(et->ystart, n5));
        sbf(&b, " = %s", dnum(et->expected, n1));
    }
    et->expected_text = sb_take(&b);
}

/* The score formula with its operands. */
static void score_rule(const ex_row *x, const ir_target *tg, ex_target *et)
{
    strbuf b = {0};
    char n1[32], n2[32], n3[32], n4[32], n5[32];
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    bool peaks = strcmp(tg->kind, "peaks") == 0;
    bool rated = strcmp(tg->kind, "rated") == 0;
    const ir_milestone *m = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
    if (et->status == IR_ST_NA || et->status == IR_ST_MISSING) {
        et->score_kind = "none";
        sbf(&b, "no score: the status is %s", ir_statusname(et->status));
        et->score_text = sb_take(&b);
        return;
    }
    /* the default score of §9 */
    strbuf d = {0};
    if (rated) {
        sbf(&d, "a rated target scores clamp(v, 0, 100) = clamp(%s, 0, 100) = %s",
            num(et->v, n1), dnum(et->dscore, n2));
    } else if (et->status == IR_ST_MET) {
        sbf(&d, "met scores 100");
    } else if (trend || peaks) {
        sbf(&d, "%s score 0 unless met", trend ? "trends" : "peaks targets");
    } else if (!m || !m->deadline) {
        sbf(&d, "a goal without a deadline scores 0 unless met");
    } else {
        /* with a tolerance, the progress towards the goal it is judged by */
        int sign = ir_loosen_sign(m);
        double jg = ir_judged_goal(m, et->goal);
        sbf(&d, "100 × clamp((v - b) / (%s - b), 0, 1) = 100 × clamp((%s - %s) / (%s - %s), 0, 1) = %s",
            sign < 0 ? "goal - tolerance" : sign > 0 ? "goal + tolerance" : "goal",
            num(et->v, n1), num(et->base, n2), num(jg, n3), num(et->base, n4),
            dnum(et->dscore, n5));
        if (isnan(et->base))
            sbf(&d, " (0: the baseline value is missing)");
        else if (jg == et->base)
            sbf(&d, " (0: the goal equals the baseline value)");
        else if (et->dscore == 0 && ir_meets(m, et->base, et->goal) == 1)
            sbf(&d, " (0: the baseline value met the goal, and the value has lost ground)");
    }
    if (tg->score_src) {
        et->score_kind = "expression";
        sbf(&b, "the %s score expression `%s`, with value = %s, goal = %s, base = %s, "
                "expected = %s, year = %d",
            tg->own_score ? "target's" : "assessment's", tg->score_src, num(et->v, n1),
            num(et->goal, n2), num(et->base, n3), dnum(et->expected, n4), x->year);
        sbf(&b, ", deadline = %s", num(et->deadline, n1));
        if (strstr(tg->score_src, "direction")) {
            /* as lower.c sets it: the current milestone's side */
            double dir = trend ? (strcmp(tg->kind, "falls") == 0 ? -1 : 1) : peaks ? -1
                       : m && m->track ? m->track : NAN;
            sbf(&b, ", direction = %s", num(dir, n1));
        }
        sbf(&b, ", progress() = %s (the default score / 100; %s)",
            dnum(isnan(et->dscore) ? NAN : et->dscore / 100, n2), d.s);
        sbf(&b, "; clamped to 0..100, missing counting as 0");
    } else {
        et->score_kind = rated ? "rated" : "default";
        sbf(&b, "%s", d.s);
    }
    free(d.s);
    et->score_text = sb_take(&b);
}

/* ---------------------------------------------------------------- roll-up */

/* The counted weights of a row: each measure's share of its section and
 * each section's share of the total (NaN when not counted), as lower.c's
 * weighted means count them: an item counts when its weight is not 0 and
 * its score is not missing. */
static void rollup_shares(ex_row *x)
{
    const ir_program *p = x->p;
    x->mshare = rt_xmalloc(p->nmeasures + 1, sizeof *x->mshare);
    x->sshare = rt_xmalloc(p->nsections + 1, sizeof *x->sshare);
    double tw = 0;
    for (uint32_t s = 0; s < p->nsections; s++) {
        double w = 0;
        for (uint32_t m = 0; m < p->nmeasures; m++)
            if (p->measures[m].section == s && p->measures[m].weight != 0 &&
                !isnan(sv(x, p->measures[m].score)))
                w += p->measures[m].weight;
        for (uint32_t m = 0; m < p->nmeasures; m++) {
            if (p->measures[m].section != s)
                continue;
            bool c = p->measures[m].weight != 0 && !isnan(sv(x, p->measures[m].score));
            x->mshare[m] = c ? p->measures[m].weight / w : NAN;
        }
        if (p->sections[s].weight != 0 && !isnan(sv(x, p->sections[s].score)))
            tw += p->sections[s].weight;
    }
    for (uint32_t s = 0; s < p->nsections; s++) {
        bool c = p->sections[s].weight != 0 && !isnan(sv(x, p->sections[s].score));
        x->sshare[s] = c ? p->sections[s].weight / tw : NAN;
    }
}

/* Each measure's counted target weight on the row, once for all targets
 * (summed for each target, it made explaining a row quadratic in the
 * number of targets).  The counted score of a target: its score, or 0 for
 * a missing one under `missing zero`. */
static void target_weights(ex_row *x)
{
    const ir_program *p = x->p;
    x->tweight = rt_xcalloc(p->nmeasures + 1, sizeof *x->tweight);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *o = &p->targets[i];
        if (o->measure >= p->nmeasures || o->weight == 0)
            continue;
        double s = sv(x, o->score);
        if (p->missing == IR_MISSING_ZERO && sv(x, o->status) == IR_ST_MISSING)
            s = 0;
        if (!isnan(s))
            x->tweight[o->measure] += o->weight;
    }
}

/* A target's share of its measure and its contributions up the tree. */
static void target_contribution(const ex_row *x, const ir_target *tg, ex_target *et)
{
    const ir_program *p = x->p;
    et->share = et->to_measure = et->to_section = et->to_total = NAN;
    et->counted_score = NAN;
    if (!p->has_assessment || tg->measure >= p->nmeasures)
        return;
    double w = x->tweight[tg->measure];
    double s = et->score;
    if (p->missing == IR_MISSING_ZERO && et->status == IR_ST_MISSING)
        s = 0;
    et->counted = tg->weight != 0 && !isnan(s);
    if (!et->counted)
        return;
    et->counted_score = s;
    et->share = tg->weight / w;
    et->wsum = w;
    et->to_measure = s * et->share;
    /* A counted target gives its measure a score, and that measure its
     * section: a measure or section left out of its parent's mean is one
     * of weight 0, and what the target adds to that parent is 0. */
    const ir_measure *m = &p->measures[tg->measure];
    et->to_section = m->weight == 0 ? 0 : et->to_measure * x->mshare[tg->measure];
    et->to_total = p->sections[m->section].weight == 0 ? 0 : et->to_section * x->sshare[m->section];
}

/* ---------------------------------------------------------------- targets */

/* Builds the explanation of target ti on the row. */
static void explain_target(const ex_row *x, uint32_t ti, ex_target *et)
{
    const ir_program *p = x->p;
    const ir_target *tg = &p->targets[ti];
    memset(et, 0, sizeof *et);
    et->ti = ti;
    double st = sv(x, tg->status);
    et->status = isnan(st) ? IR_ST_MISSING : (int)st;
    et->v = sv(x, tg->value);
    et->goal = report_target_goal(x->r, tg, x->row);
    et->expected = report_target_expected(x->r, tg, x->row);
    et->score = sv(x, tg->score);
    et->base = sv(x, tg->base);
    et->deadline = sv(x, tg->deadline);
    et->ystart = sv(x, tg->start_year);
    et->bstart = sv(x, tg->start_value);
    et->dscore = sv(x, tg->dscore);
    et->ms = ir_current_milestone(tg, x->year);
    if (et->status == IR_ST_NA) {
        /* No goal applies to a row the target does not cover, and so no
         * milestone, deadline or trajectory (as the results show it). */
        et->ms = -1;
        et->deadline = et->ystart = et->bstart = NAN;
    }
    et->veto_fired = tg->veto && et->status == IR_ST_FAILED;

    ex_walk *w = x->walk;
    uint32_t share = IR_NO_SLOT;
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    uint32_t other = IR_NO_SLOT; /* shares of other years are not shown */
    collect_reads(x, tg->value, "value", et, &share);
    if (trend)
        collect_reads(x, tg->goal, "previous year", et, &other);
    collect_reads(x, tg->base, "baseline", et, &other);
    if (!trend)
        collect_reads(x, tg->goal, "goal", et, &other);
    for (size_t k = 0; k < w->ninputs; k++)
        w->input_seen[w->inputs[k]] = false;
    w->ninputs = 0;
    if (et->nreads)
        qsort(et->reads, et->nreads, sizeof *et->reads, cmp_read);
    if (et->status != IR_ST_NA) {
        walk_clear(w);
        collect_peers(x, tg->value, "", et);
        collect_peers(x, tg->base, ", for the baseline", et);
        collect_peers(x, tg->goal, ", for the goal", et);
        collect_peers(x, tg->score, "", et);
    }
    if (share != IR_NO_SLOT && et->status != IR_ST_NA)
        et->share_text = share_text(x, share);

    status_rule(x, tg, et);
    expected_rule(x, tg, et);
    score_rule(x, tg, et);
    target_contribution(x, tg, et);
}

/* Frees what explain_target allocated. */
static void free_target(ex_target *et)
{
    free(et->rule);
    free(et->expected_text);
    free(et->score_text);
    free(et->reads);
    free(et->share_text);
    list_free(&et->peers);
    list_free(&et->sums);
    list_free(&et->peaks);
    list_free(&et->below);
}

/* The lead agencies of a measure as the results write them. */
static void lead_text(strbuf *b, const ir_measure *m)
{
    if (m->nlead == 0) {
        sbf(b, "no lead agency");
        return;
    }
    sbf(b, "%s", m->shared ? "shared: " : "lead ");
    for (uint32_t i = 0; i < m->nlead; i++)
        sbf(b, "%s%s", i ? "、" : "", m->lead[i]);
}

/* Why the row has its grade. */
static char *grade_text(const ex_row *x, double total, double grade, bool vetoed)
{
    const ir_program *p = x->p;
    strbuf b = {0};
    char n1[32], n2[32];
    if (isnan(grade) || grade < 0 || grade >= p->nbands) {
        sbf(&b, "no grade");
    } else if (vetoed) {
        sbf(&b, "%s: a veto target failed, so the last band applies whatever the score",
            p->bands[(uint32_t)grade]);
    } else {
        uint32_t g = (uint32_t)grade;
        sbf(&b, "%s: ", p->bands[g]);
        if (g + 1 < p->nbands && p->band_min)
            sbf(&b, "the total %s >= %s", dnum(total, n1), num(p->band_min[g], n2));
        else if (g > 0 && p->band_min)
            sbf(&b, "the total %s is below %s", dnum(total, n1), num(p->band_min[g - 1], n2));
        else
            sbf(&b, "the total %s", dnum(total, n1));
    }
    return sb_take(&b);
}

/* ---------------------------------------------------------------- text */

/* Writes one labelled line: "  label       text". */
static void line(FILE *out, const char *label, const char *text)
{
    fprintf(out, "  %-10s %s\n", label, text);
}

/* A list's lines, the label on the first. */
static void list_lines(FILE *out, const char *label, const ex_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        line(out, i ? "" : label, l->v[i]);
}

/* The text explanation of one target. */
static void text_target(const ex_row *x, const ex_target *et, FILE *out)
{
    const ir_program *p = x->p;
    const ir_target *tg = &p->targets[et->ti];
    const ir_measure *m = tg->measure < p->nmeasures ? &p->measures[tg->measure] : NULL;
    strbuf b = {0};
    char n1[32], n2[32], n3[32], n4[32], n5[32];

    goals_text(&b, tg);
    fprintf(out, "target %s (%s%s): %s %s\n", tg->name, tg->kind, tg->veto ? ", veto" : "",
            tg->measured_src ? tg->measured_src : "", b.s);
    b.len = 0;
    if (tg->desc)
        line(out, "text", tg->desc);
    sbf(&b, "%s", tg->clause ? tg->clause : "");
    if (m) {
        sbf(&b, "%smeasure %s%s%s · ", b.len ? " · " : "", m->id, m->title ? " " : "",
            m->title ? m->title : "");
        lead_text(&b, m);
    }
    if (tg->source)
        sbf(&b, " · %s", tg->source);
    line(out, "clause", b.s);
    b.len = 0;
    if (tg->note)
        line(out, "note", tg->note);
    if (et->status == IR_ST_NA) {
        line(out, "status", et->rule);
        fputc('\n', out);
        free(b.s);
        return;
    }

    for (uint32_t i = 0; i < et->nreads; i++) {
        const ex_read *rd = &et->reads[i];
        const ir_column *c = &p->columns[rd->column];
        b.len = 0;
        char *col = header_name(c, rd->year);
        sbf(&b, "%s of %s %d", col, p->regions[x->region].name, rd->year);
        free(col);
        if (c->agg_text && rd->in_data)
            sbf(&b, " [%s of its %u row%s, %ld with a value]", c->agg_text, rd->records,
                rd->records == 1 ? "" : "s", rd->values);
        else if (c->agg_text)
            sbf(&b, " [%s of its rows]", c->agg_text);
        if (strcmp(rd->role, "value") != 0)
            sbf(&b, " (%s)", rd->role);
        sbf(&b, " = ");
        if (!rd->in_data) {
            sbf(&b, "missing: no row in the data");
        } else {
            qty(&b, rd->cell, c->unit, c->type == IR_COL_BOOL);
            if (c->divisor != 0 || c->factor != 1) {
                if (c->divisor != 0)
                    sbf(&b, " ÷ %s", num(c->divisor, n1));
                else
                    sbf(&b, " × %s", num(c->factor, n1));
                sbf(&b, " = ");
                qty(&b, rd->value, c->indicator_unit, false);
            }
            sbf(&b, " (indicator %s)", c->indicator);
        }
        line(out, i ? "" : "reads", b.s);
    }
    if (et->share_text)
        line(out, et->nreads ? "" : "reads", et->share_text);
    list_lines(out, "peers", &et->peers);
    list_lines(out, "sums", &et->sums);
    list_lines(out, "peaks", &et->peaks);
    list_lines(out, "below", &et->below);
    b.len = 0;
    sbf(&b, "v = ");
    if (tg->measured_formula)
        sbf(&b, "%s = %s = ", tg->measured_src, tg->measured_formula);
    qty(&b, et->v, tg->unit, tg->boolean);
    line(out, "value", b.s);
    if (tg->base != IR_NO_SLOT) {
        b.len = 0;
        sbf(&b, "b = ");
        qty(&b, et->base, tg->unit, tg->boolean);
        sbf(&b, " (%d%s)", tg->y0, tg->y0 != p->baseline ? ", the target's baseline" : "");
        line(out, "baseline", b.s);
    }
    b.len = 0;
    const ir_milestone *ms = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
    if (strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0) {
        sbf(&b, "the previous year's value: ");
        qty(&b, et->goal, tg->unit, false);
    } else if (ms && (!isnan(ms->goal) || ms->goal_src)) {
        sbf(&b, "%s ", opname(ms->op));
        if (ms->goal_src) {
            /* read from the data: the expression and its value on this row */
            sbf(&b, "%s = ", ms->goal_src);
            qty(&b, et->goal, tg->unit, tg->boolean);
        } else {
            qty(&b, ms->goal, tg->unit, tg->boolean);
        }
        if (ms->has_tolerance) {
            sbf(&b, " tolerance ");
            qty(&b, ms->tolerance, tg->unit, false);
        }
        if (ms->deadline)
            sbf(&b, " by %d", ms->deadline);
        else
            sbf(&b, " every year");
        if (tg->nmilestones > 1)
            sbf(&b, " (milestone %ld of %u)", et->ms + 1, tg->nmilestones);
        if (ms->has_tolerance) {
            /* the goal it is judged by, never in place of the one written */
            double lo, hi;
            ir_goal_band(ms, et->goal, &lo, &hi);
            if (ms->op == IR_EQ) {
                sbf(&b, ": met from ");
                qty(&b, lo, tg->unit, false);
                sbf(&b, " to ");
                qty(&b, hi, tg->unit, false);
            } else {
                sbf(&b, ": met when v %s ", opname(ms->op));
                qty(&b, ir_judged_goal(ms, et->goal), tg->unit, false);
            }
        }
    } else if (ms) {
        sbf(&b, "peak by %d", ms->deadline);
    } else {
        sbf(&b, "peak (no deadline)");
    }
    line(out, "goal", b.s);
    if (et->expected_text)
        line(out, "expected", et->expected_text);
    b.len = 0;
    sbf(&b, "%s — %s", ir_statusname(et->status), et->rule);
    line(out, "status", b.s);
    b.len = 0;
    if (isnan(et->score))
        sbf(&b, "%s", et->score_text);
    else if (strcmp(et->score_kind, "expression") == 0)
        sbf(&b, "%s → %s", et->score_text, dnum(et->score, n1));
    else
        sbf(&b, "%s", et->score_text);
    line(out, "score", b.s);
    if (p->has_assessment && m) {
        b.len = 0;
        if (!et->counted) {
            sbf(&b, "%s in measure %s: not counted (%s)", num(tg->weight, n1), m->id,
                tg->weight == 0 ? "weight 0"
                : et->status == IR_ST_NA ? "not_applicable"
                : "missing, left out under `missing reweight`");
        } else {
            const ir_section *s = &p->sections[m->section];
            sbf(&b, "%s of %s counted in measure %s, %s → %s of its score %s", num(tg->weight, n1),
                num(et->wsum, n2), m->id, pct(et->share, n3), dnum(et->to_measure, n4),
                dnum(sv(x, m->score), n5));
            line(out, "weight", b.s);
            b.len = 0;
            double mw = x->mshare[tg->measure];
            if (m->weight == 0)
                sbf(&b, "measure %s: weight 0 in section %s, not counted → 0 of its score %s", m->id,
                    s->id, dnum(sv(x, s->score), n5));
            else
                sbf(&b, "measure %s: %s of %s in section %s, %s → %s of its score %s", m->id,
                    num(m->weight, n1), num(m->weight / mw, n2), s->id, pct(mw, n3),
                    dnum(et->to_section, n4), dnum(sv(x, s->score), n5));
            line(out, "", b.s);
            b.len = 0;
            double sw = x->sshare[m->section];
            if (s->weight == 0)
                sbf(&b, "section %s: weight 0 in the total, not counted → 0 of the total %s", s->id,
                    dnum(sv(x, p->total), n5));
            else
                sbf(&b, "section %s: %s of %s in the total, %s → %s of the total %s", s->id,
                    num(s->weight, n1), num(s->weight / sw, n2), pct(sw, n3),
                    dnum(et->to_total, n4), dnum(sv(x, p->total), n5));
        }
        line(out, et->counted ? "" : "weight", b.s);
    }
    if (tg->veto) {
        b.len = 0;
        if (et->veto_fired)
            sbf(&b, "a veto target that failed: the row gets the last grade band (%s)",
                p->nbands ? p->bands[p->nbands - 1] : "none");
        else
            sbf(&b, "a veto target; not fired (%s)", ir_statusname(et->status));
        line(out, "veto", b.s);
    }
    fputc('\n', out);
    free(b.s);
}

/* The measures and sections of the row (those of `only` when it is >= 0),
 * the total and the grade. */
static void text_rollup(const ex_row *x, long only, FILE *out)
{
    const ir_program *p = x->p;
    if (!p->has_assessment)
        return;
    char n1[32], n2[32], n3[32];
    uint32_t om = only >= 0 ? p->targets[only].measure : 0;
    fprintf(out, "roll-up\n");
    for (uint32_t s = 0; s < p->nsections; s++) {
        if (only >= 0 && p->measures[om].section != s)
            continue;
        for (uint32_t m = 0; m < p->nmeasures; m++) {
            const ir_measure *ms = &p->measures[m];
            if (ms->section != s || (only >= 0 && m != om))
                continue;
            strbuf b = {0};
            sbf(&b, "%s%s%s: %s; weight %s", ms->id, ms->title ? " " : "", ms->title ? ms->title : "",
                dnum(sv(x, ms->score), n1), num(ms->weight, n2));
            if (isnan(x->mshare[m]))
                sbf(&b, ", not counted%s", ms->weight == 0 ? "" : " (no score)");
            else
                sbf(&b, ", %s of section %s", pct(x->mshare[m], n3), p->sections[s].id);
            line(out, "measure", b.s);
            free(b.s);
        }
        strbuf b = {0};
        sbf(&b, "%s%s%s: %s; weight %s", p->sections[s].id, p->sections[s].title ? " " : "",
            p->sections[s].title ? p->sections[s].title : "", dnum(sv(x, p->sections[s].score), n1),
            num(p->sections[s].weight, n2));
        if (isnan(x->sshare[s]))
            sbf(&b, ", not counted%s", p->sections[s].weight == 0 ? "" : " (no score)");
        else
            sbf(&b, ", %s of the total", pct(x->sshare[s], n3));
        line(out, "section", b.s);
        free(b.s);
    }
}

/* The vetoes that fired on the row, joined with '、'; "none". */
static char *vetoes_text(const ex_row *x)
{
    const ir_program *p = x->p;
    strbuf b = {0};
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (p->targets[i].veto && sv(x, p->targets[i].status) == IR_ST_FAILED)
            sbf(&b, "%s%s", b.len ? "、" : "", p->targets[i].name);
    if (!b.len)
        sbf(&b, "none");
    return sb_take(&b);
}

/* Sets up the explanation of a row; false (after saying why) when the
 * program is malformed. */
static bool row_init(ex_row *x, const ir_program *p, const rt_table *t, const rt_result *r,
                     size_t row, FILE *err)
{
    memset(x, 0, sizeof *x);
    x->p = p;
    x->t = t;
    x->r = r;
    x->row = row;
    x->region = rt_table_region(t, row);
    x->year = rt_table_year(t, row);
    x->slot = eval_row(p, t, r, row);
    if (!x->slot) {
        fprintf(err, "planc: internal error: the scoring program is malformed\n");
        return false;
    }
    rollup_shares(x);
    target_weights(x);
    ex_walk *w = rt_xcalloc(1, sizeof *w);
    w->seen = rt_xcalloc(p->nsteps + 1, sizeof *w->seen);
    w->stack = rt_xmalloc(p->nsteps + 1, sizeof *w->stack);
    w->marked = rt_xmalloc(p->nsteps + 1, sizeof *w->marked);
    w->input_seen = rt_xcalloc(p->ninputs + 1, sizeof *w->input_seen);
    w->inputs = rt_xmalloc(p->ninputs + 1, sizeof *w->inputs);
    x->walk = w;
    return true;
}

/* Frees what row_init allocated. */
static void row_free(ex_row *x)
{
    free(x->slot);
    free(x->mshare);
    free(x->sshare);
    free(x->tweight);
    if (x->walk) {
        free(x->walk->seen);
        free(x->walk->stack);
        free(x->walk->marked);
        free(x->walk->input_seen);
        free(x->walk->inputs);
        free(x->walk);
    }
}

int explain_text(const ir_program *p, const rt_table *t, const rt_result *r,
                 size_t row, long target, FILE *out, FILE *err)
{
    ex_row x;
    if (!row_init(&x, p, t, r, row, err))
        return -2;
    char n1[32];
    fprintf(out, "%s %d", p->regions[x.region].name, x.year);
    if (rt_table_line(t, row))
        fprintf(out, " (%s:%u)", rt_table_path(t), rt_table_line(t, row));
    else
        fprintf(out, " (no row in %s: added for the targets that read the regions below)", rt_table_path(t));
    fprintf(out, " — plan %s\n", p->plan);
    if (p->has_assessment) {
        double total = sv(&x, p->total);
        bool vetoed = sv(&x, p->veto) == 1;
        char *g = grade_text(&x, total, sv(&x, p->grade), vetoed);
        char *v = vetoes_text(&x);
        line(out, "total", dnum(total, n1));
        line(out, "grade", g);
        line(out, "vetoes", v);
        free(g);
        free(v);
    }
    fputc('\n', out);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        if (target >= 0 && (long)i != target)
            continue;
        ex_target et;
        explain_target(&x, i, &et);
        text_target(&x, &et, out);
        free_target(&et);
    }
    text_rollup(&x, target, out);
    row_free(&x);
    return ferror(out) ? -1 : 0;
}

/* ---------------------------------------------------------------- JSON */

/* A list as a JSON array of strings under `key`. */
static void list_json(json_writer *w, const char *key, const ex_list *l)
{
    json_key(w, key);
    json_begin_array(w);
    for (uint32_t i = 0; i < l->n; i++)
        json_str(w, l->v[i]);
    json_end_array(w);
}

/* The JSON explanation of one target. */
static void json_target(json_writer *w, const ex_row *x, const ex_target *et)
{
    const ir_program *p = x->p;
    const ir_target *tg = &p->targets[et->ti];
    const ir_measure *m = tg->measure < p->nmeasures ? &p->measures[tg->measure] : NULL;
    json_begin_object(w);
    json_key(w, "target");
    json_str(w, tg->name);
    json_key(w, "text");
    json_str(w, tg->desc);
    json_key(w, "kind");
    json_str(w, tg->kind);
    json_key(w, "redline");
    json_bool(w, tg->redline);
    json_key(w, "unit");
    json_str(w, tg->unit);
    json_key(w, "clause");
    json_str(w, tg->clause);
    json_key(w, "measure");
    json_str(w, m ? m->id : NULL);
    json_key(w, "measure_title");
    json_str(w, m ? m->title : NULL);
    json_key(w, "lead");
    if (m)
        report_json_lead(w, m);
    else
        json_null(w);
    json_key(w, "shared");
    json_bool(w, m && m->shared);
    json_key(w, "source");
    json_str(w, tg->source);
    json_key(w, "note");
    json_str(w, tg->note);
    json_key(w, "measured");
    json_str(w, tg->measured_src);
    json_key(w, "formula");
    json_str(w, tg->measured_formula);
    json_key(w, "reads");
    json_begin_array(w);
    for (uint32_t i = 0; i < et->nreads; i++) {
        const ex_read *rd = &et->reads[i];
        const ir_column *c = &p->columns[rd->column];
        json_begin_record(w);
        json_key(w, "role");
        json_str(w, rd->role);
        json_key(w, "column");
        char *col = header_name(c, rd->year);
        json_str(w, col);
        free(col);
        json_key(w, "aggregate");
        json_str(w, c->agg_text);
        json_key(w, "records");
        json_int(w, rd->in_data ? (long)rd->records : 0);
        json_key(w, "values");
        if (c->agg_text && rd->in_data)
            json_int(w, rd->values);
        else
            json_null(w);
        json_key(w, "indicator");
        json_str(w, c->indicator);
        json_key(w, "region");
        json_str(w, p->regions[x->region].name);
        json_key(w, "year");
        json_int(w, rd->year);
        json_key(w, "in_data");
        json_bool(w, rd->in_data);
        json_key(w, "cell");
        json_num(w, rd->cell);
        json_key(w, "column_unit");
        json_str(w, c->unit);
        json_key(w, "unit");
        json_str(w, c->indicator_unit);
        json_key(w, "divisor");
        if (c->divisor != 0)
            json_num(w, c->divisor);
        else
            json_null(w);
        json_key(w, "factor");
        if (c->divisor == 0)
            json_num(w, c->factor);
        else
            json_null(w);
        json_key(w, "value");
        json_num(w, rd->value);
        json_end_object(w);
    }
    json_end_array(w);
    json_key(w, "share");
    json_str(w, et->share_text);
    list_json(w, "peers", &et->peers);
    list_json(w, "sums", &et->sums);
    list_json(w, "peaks", &et->peaks);
    list_json(w, "below", &et->below);
    json_key(w, "value");
    json_num(w, et->v);
    json_key(w, "baseline");
    json_begin_record(w);
    json_key(w, "year");
    json_int(w, tg->y0);
    json_key(w, "value");
    json_num(w, et->base);
    json_end_object(w);
    json_key(w, "milestones");
    json_begin_array(w);
    for (uint32_t i = 0; i < tg->nmilestones; i++) {
        const ir_milestone *ms = &tg->milestones[i];
        json_begin_record(w);
        json_key(w, "op");
        json_str(w, isnan(ms->goal) && !ms->goal_src ? NULL : opname(ms->op));
        json_key(w, "goal");
        json_num(w, ms->goal);
        json_key(w, "goal_from");
        json_str(w, ms->goal_src);
        json_key(w, "tolerance");
        json_num(w, ir_tolerance(ms));
        json_key(w, "deadline");
        if (ms->deadline)
            json_int(w, ms->deadline);
        else
            json_null(w);
        json_end_object(w);
    }
    json_end_array(w);
    json_key(w, "milestone");
    if (et->ms >= 0)
        json_int(w, et->ms);
    else
        json_null(w);
    json_key(w, "goal");
    json_num(w, et->goal);
    json_key(w, "tolerance");
    json_num(w, et->ms >= 0 ? ir_tolerance(&tg->milestones[et->ms]) : NAN);
    json_key(w, "deadline");
    json_num(w, et->deadline);
    json_key(w, "expected");
    json_begin_object(w);
    json_key(w, "value");
    json_num(w, et->expected);
    json_key(w, "start_year");
    json_num(w, et->ystart);
    json_key(w, "start_value");
    json_num(w, et->bstart);
    json_key(w, "formula");
    json_str(w, et->expected_text);
    json_end_object(w);
    json_key(w, "status");
    json_str(w, ir_statusname(et->status));
    json_key(w, "rule");
    json_begin_object(w);
    json_key(w, "branch");
    json_str(w, et->branch);
    json_key(w, "text");
    json_str(w, et->rule);
    json_end_object(w);
    json_key(w, "score");
    json_begin_object(w);
    json_key(w, "value");
    json_num(w, et->score);
    json_key(w, "rule");
    json_str(w, et->score_kind);
    json_key(w, "expression");
    json_str(w, tg->score_src);
    json_key(w, "default");
    json_num(w, et->dscore);
    json_key(w, "formula");
    json_str(w, et->score_text);
    json_end_object(w);
    json_key(w, "weight");
    json_begin_object(w);
    json_key(w, "weight");
    json_num(w, tg->weight);
    json_key(w, "counted");
    json_bool(w, et->counted);
    json_key(w, "share_of_measure");
    json_num(w, et->share);
    json_key(w, "to_measure");
    json_num(w, et->to_measure);
    json_key(w, "to_section");
    json_num(w, et->to_section);
    json_key(w, "to_total");
    json_num(w, et->to_total);
    json_end_object(w);
    json_key(w, "veto");
    json_begin_record(w);
    json_key(w, "veto");
    json_bool(w, tg->veto);
    json_key(w, "fired");
    json_bool(w, et->veto_fired);
    json_end_object(w);
    json_end_object(w);
}

int explain_json(const ir_program *p, const rt_table *t, const rt_result *r,
                 size_t row, long target, FILE *out, FILE *err)
{
    ex_row x;
    if (!row_init(&x, p, t, r, row, err))
        return -2;
    json_writer w;
    json_init(&w, out);
    json_begin_object(&w);
    json_key(&w, "format");
    json_str(&w, "planc-explain");
    json_key(&w, "version");
    json_int(&w, 1);
    json_key(&w, "plan");
    json_str(&w, p->plan);
    json_key(&w, "region");
    json_str(&w, p->regions[x.region].name);
    json_key(&w, "level");
    json_str(&w, p->levels[p->regions[x.region].level]);
    json_key(&w, "year");
    json_int(&w, x.year);
    json_key(&w, "data");
    json_str(&w, rt_table_path(t));
    json_key(&w, "line");
    if (rt_table_line(t, row))
        json_int(&w, rt_table_line(t, row));
    else
        json_null(&w);
    json_key(&w, "total");
    json_begin_object(&w);
    double total = p->has_assessment ? sv(&x, p->total) : NAN;
    double grade = p->has_assessment ? sv(&x, p->grade) : NAN;
    bool vetoed = p->has_assessment && sv(&x, p->veto) == 1;
    json_key(&w, "score");
    json_num(&w, total);
    json_key(&w, "grade");
    json_str(&w, !isnan(grade) && grade >= 0 && grade < p->nbands ? p->bands[(uint32_t)grade] : NULL);
    json_key(&w, "grade_rule");
    char *g = p->has_assessment ? grade_text(&x, total, grade, vetoed) : NULL;
    json_str(&w, g);
    free(g);
    json_key(&w, "vetoes");
    json_begin_inline_array(&w);
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (p->targets[i].veto && sv(&x, p->targets[i].status) == IR_ST_FAILED)
            json_str(&w, p->targets[i].name);
    json_end_array(&w);
    json_end_object(&w);
    json_key(&w, "targets");
    json_begin_array(&w);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        if (target >= 0 && (long)i != target)
            continue;
        ex_target et;
        explain_target(&x, i, &et);
        json_target(&w, &x, &et);
        free_target(&et);
    }
    json_end_array(&w);
    uint32_t om = target >= 0 ? p->targets[target].measure : 0;
    json_key(&w, "measures");
    json_begin_array(&w);
    for (uint32_t m = 0; p->has_assessment && m < p->nmeasures; m++) {
        if (target >= 0 && m != om)
            continue;
        const ir_measure *ms = &p->measures[m];
        json_begin_record(&w);
        json_key(&w, "id");
        json_str(&w, ms->id);
        json_key(&w, "title");
        json_str(&w, ms->title);
        json_key(&w, "section");
        json_str(&w, p->sections[ms->section].id);
        json_key(&w, "score");
        json_num(&w, sv(&x, ms->score));
        json_key(&w, "weight");
        json_num(&w, ms->weight);
        json_key(&w, "share_of_section");
        json_num(&w, x.mshare[m]);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_key(&w, "sections");
    json_begin_array(&w);
    for (uint32_t s = 0; p->has_assessment && s < p->nsections; s++) {
        if (target >= 0 && p->measures[om].section != s)
            continue;
        json_begin_record(&w);
        json_key(&w, "id");
        json_str(&w, p->sections[s].id);
        json_key(&w, "title");
        json_str(&w, p->sections[s].title);
        json_key(&w, "score");
        json_num(&w, sv(&x, p->sections[s].score));
        json_key(&w, "weight");
        json_num(&w, p->sections[s].weight);
        json_key(&w, "share_of_total");
        json_num(&w, x.sshare[s]);
        json_end_object(&w);
    }
    json_end_array(&w);
    json_end_object(&w);
    json_finish(&w);
    row_free(&x);
    return ferror(out) ? -1 : 0;
}
