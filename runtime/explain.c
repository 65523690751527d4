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

#include "csv.h"
#include "diag.h"
#include "exec.h"
#include "json.h"
#include "labels.h"
#include "msgcat.h"
#include "report.h"
#include "report_json.h"
#include "report_style.h"
#include "rtmem.h"
#include "unit.h"
#include "utf8.h"
#include "msgcat.h"

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

static const char *L(lbl_lang lang, lbl_id id);

/* The regions of level l as the explanation names them (a new string):
 * the rules' own text for the level is a noun already (市州), the
 * built-in word an adjective that takes one in Chinese (市级地区); the
 * English labels say "regions" themselves. */
static char *level_regions(const ir_program *p, uint32_t l, lbl_lang lang)
{
    strbuf b = {0};
    bool own = p->level_texts && l < p->nlevels && p->level_texts[l];
    sbf(&b, L(lang, own ? LBL_X_OWN_REGIONS : LBL_X_LEVEL_REGIONS), ir_level_word(p, l, lang));
    return sb_take(&b);
}

/* The text of label id in lang (labels.h): every word of the text
 * explanation is one, in English or Chinese (`planc explain --lang`); the
 * JSON explanation's texts are English. */
static const char *L(lbl_lang lang, lbl_id id)
{
    return lbl_get(lang, id);
}

/* A number of the text explanation, rounded as the texts for people
 * round numbers (report_format_shown) to REPORT_EXPLAIN_DECIMALS (4: its
 * lines are arithmetic a reader redoes, and the contributions of the
 * targets add up to the total within what the shown digits say; the JSON
 * explanation and the results have every number exactly); with `full`,
 * in full (report_format_number).  "missing" (in lang) for NaN. */
static const char *num_f(lbl_lang lang, double v, char buf[32], bool full)
{
    if (isnan(v))
        return L(lang, LBL_X_MISSING);
    if (full)
        report_format_number(v, buf);
    else
        report_format_shown(v, REPORT_EXPLAIN_DECIMALS, buf);
    return buf;
}

/* num_f, rounded. */
static const char *num(lbl_lang lang, double v, char buf[32])
{
    return num_f(lang, v, buf, false);
}

/* Whether a and b, both numbers, differ but are written alike when
 * rounded: a comparison of the two is then written in full, lest it read
 * "90% >= 90% does not hold". */
static bool alike(double a, double b)
{
    if (isnan(a) || isnan(b) || a == b)
        return false;
    char x[32], y[32];
    report_format_shown(a, REPORT_EXPLAIN_DECIMALS, x);
    report_format_shown(b, REPORT_EXPLAIN_DECIMALS, y);
    return strcmp(x, y) == 0;
}

/* A share as a percentage with 2 decimals ("5.26%"). */
static const char *pct(lbl_lang lang, double v, char buf[32])
{
    if (isnan(v))
        return L(lang, LBL_X_MISSING);
    snprintf(buf, 32, "%.2f%%", v * 100);
    return buf;
}

/* Appends a quantity: a number and its unit ("92%", "7603 万亩"), yes/no
 * for a yes/no value, "missing" for NaN; the number in full when `full`
 * (num_f). */
static void qty_f(lbl_lang lang, strbuf *b, double v, const char *unit, bool boolean, bool full)
{
    char buf[32];
    if (isnan(v)) {
        sbf(b, "%s", L(lang, LBL_X_MISSING));
    } else if (boolean) {
        sbf(b, "%s", L(lang, v != 0 ? LBL_YES : LBL_NO));
    } else if (!unit || !*unit || strcmp(unit, "1") == 0) {
        sbf(b, "%s", num_f(lang, v, buf, full));
    } else {
        sbf(b, "%s%s%s", num_f(lang, v, buf, full), unit_gap(unit), unit);
    }
}

/* qty_f, rounded. */
static void qty(lbl_lang lang, strbuf *b, double v, const char *unit, bool boolean)
{
    qty_f(lang, b, v, unit, boolean, false);
}

/* Appends "v OP g" (OP as given, with its spaces) of a comparison the
 * explanation decides: both rounded, or both in full when the rounding
 * would write them alike (alike). */
static void qty_cmp(lbl_lang lang, strbuf *b, double v, const char *op, double g, const char *unit,
                    bool boolean, bool full)
{
    full = !boolean && (full || alike(v, g));
    qty_f(lang, b, v, unit, boolean, full);
    sbf(b, "%s", op);
    qty_f(lang, b, g, unit, boolean, full);
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

/* The longest region name or alias of two or more characters that `want`
 * begins with (南京市 for 南京, 凉山彝族自治州 for 凉山), after a name
 * ending in a Latin letter or digit only where neither follows; NULL if
 * none. */
static const char *prefix_name(const char *want, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t lw = strlen(want), lb = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (l >= lw || l <= lb || memcmp(want, names[i], l) != 0 || utf8_count(names[i], l) < 2)
            continue;
        unsigned char last = (unsigned char)names[i][l - 1], next = (unsigned char)want[l];
        bool alnum_last = (last >= '0' && last <= '9') || ((last | 0x20) >= 'a' && (last | 0x20) <= 'z');
        bool alnum_next = (next >= '0' && next <= '9') || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
        if (alnum_last && alnum_next)
            continue;
        best = names[i];
        lb = l;
    }
    return best;
}

long explain_find_region(const ir_program *p, const char *name, const char *near[3], int *nnear)
{
    *nnear = 0;
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
    uint32_t *owner = rt_xmalloc(total ? total : 1, sizeof *owner);
    size_t n = 0;
    for (uint32_t i = 0; i < p->nregions; i++) {
        owner[n] = i;
        names[n++] = p->regions[i].name;
        for (uint32_t k = 0; k < p->regions[i].naliases; k++) {
            owner[n] = i;
            names[n++] = p->regions[i].aliases[k];
        }
    }
    near[0] = prefix_name(name, names, n);
    *nnear = near[0] ? 1 : diag_nearest(name, names, owner, n, 2, near);
    free(names);
    free(owner);
    return -1;
}

long explain_find_target(const ir_program *p, const char *name, const char *near[3], int *nnear)
{
    *nnear = 0;
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (strcmp(p->targets[i].name, name) == 0)
            return i;
    const char **names = rt_xmalloc(p->ntargets ? p->ntargets : 1, sizeof *names);
    for (uint32_t i = 0; i < p->ntargets; i++)
        names[i] = p->targets[i].name;
    *nnear = diag_nearest(name, names, NULL, p->ntargets, 2, near);
    free(names);
    return -1;
}

void explain_suggest_note(FILE *err, lbl_lang lang, const char *const *near, int n)
{
    if (n == 1)
        csv_message(err, msgcat_get(lang, "note: did you mean '%s'?\n"), near[0]);
    else if (n == 2)
        csv_message(err, msgcat_get(lang, "note: did you mean '%s' or '%s'?\n"), near[0], near[1]);
    else if (n == 3)
        csv_message(err, msgcat_get(lang, "note: did you mean '%s', '%s' or '%s'?\n"), near[0], near[1], near[2]);
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
    long text;              /* a column read through a map: the text of the map the cell
                               was (rt_table_text), -1 for a cell that was none */
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
    uint32_t *tables;       /* the `values` tables read (their input steps), once each */
    uint32_t ntables, captables;
    bool uses_base;         /* the judgement reads b (judgement_reads): else
                               b is not listed (a red line has none) */
    bool full;              /* the value and a goal differ but are written
                               alike rounded (value_goal_alike): the header,
                               value, baseline, goal and expected lines write
                               them in full */
    char *share_text;       /* share targets: the children counted */
    ex_list peers;          /* per lowest() / highest() / average() the value
                               or score reads: the regions it ranged over */
    ex_list sums;           /* per cumulative() they read: the years it summed */
    ex_list peaks;          /* per peakvalue() they read: the years it compared */
    ex_list below;          /* per total() / lowest() / ... over a level: the
                               regions below the row's that it read */
    ex_list above;          /* per parent(): the region above whose row it
                               read, or why it is missing */
    ex_list shares;         /* per share() read in another year (a baseline's):
                               the regions it counted then, listed with the
                               reads, as the row's own year's (share_text);
                               in JSON under "below" (docs/OUTPUT.md) */
    /* the roll-up */
    bool counted;           /* the score counts in its measure */
    double counted_score;   /* the score as counted (0 for missing under `missing zero`) */
    double share;           /* weight / the measure's counted weight */
    double wsum;            /* the measure's counted weight */
    double to_measure, to_section, to_total;
    bool veto_broken;       /* a veto target that failed: the row's `vetoes` names it */
    bool veto_fired;        /* ... and so the row gets the last band: not in the
                               baseline year and before, which have no grade */
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
    lbl_lang lang;          /* the language of the explanation's texts */
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
 * under "sums" and "peaks"), at IR_SHIFT (a barrier read on another
 * year's row, explained with it), at IR_PARENT (read on the row above,
 * under "above") and at IR_SHARE (its operand is read on
 * other rows), recording the latter in *share. */
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
        if (s->op == IR_SHIFT)
            continue;   /* read on another year's row: listed by collect_peers */
        if (s->op == IR_PARENT)
            continue;   /* read on the row above: listed under "above" */
        if (s->op == IR_INPUT) {
            const ir_input *in = &p->inputs[s->aux];
            if ((in->kind != IR_IN_DATA && in->kind != IR_IN_TABLE) || w->input_seen[s->aux])
                continue;
            if (in->kind == IR_IN_TABLE) {
                /* the rules' value for the region, the same whatever the
                 * role or year: listed once */
                w->input_seen[s->aux] = true;
                w->inputs[w->ninputs++] = s->aux;
                if (et->ntables == et->captables) {
                    et->captables = et->captables ? 2 * et->captables : 4;
                    et->tables = rt_xrealloc(et->tables, et->captables, sizeof *et->tables);
                }
                et->tables[et->ntables++] = i;
                continue;
            }
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
            rd->text = row >= 0 ? rt_table_text(x->t, in->column, (size_t)row) : -1;
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
 * condition, which do not, which have it missing; then those without a
 * row in the year, which it leaves out (a city whose row is absent is
 * neither for nor against the share, and a reader counting the cities
 * of the plan must see where the difference went). */
static char *share_text(const ex_row *x, uint32_t step)
{
    const ir_program *p = x->p;
    const ir_step *s = &p->steps[step];
    strbuf yes = {0}, no = {0}, miss = {0}, gone = {0};
    uint32_t ny = 0, nn = 0, nm = 0, ng = 0;
    bool *below = regions_below(p, x->region, (uint32_t)s->aux);
    for (uint32_t d = 0; d < p->nregions; d++) {
        if (!below[d])
            continue;
        long row = rt_table_find(x->t, d, x->year);
        if (row < 0) {
            sbf(&gone, "%s%s", ng++ ? "、" : "", p->regions[d].name);
            continue;
        }
        double c = rt_result_value(x->r, s->a, (size_t)row);
        strbuf *b = isnan(c) ? &miss : c != 0 ? &yes : &no;
        uint32_t *n = isnan(c) ? &nm : c != 0 ? &ny : &nn;
        sbf(b, "%s%s", *n ? "、" : "", p->regions[d].name);
        (*n)++;
    }
    free(below);
    strbuf out = {0};
    const char *none = L(x->lang, LBL_X_NONE);
    char *lv = level_regions(p, s->aux, x->lang);
    sbf(&out, L(x->lang, LBL_X_SHARE), lv, x->year, ny, ny ? yes.s : none, nn, nn ? no.s : none, nm,
        nm ? miss.s : none, ny, ny + nn);
    free(lv);
    if (ng)
        sbf(&out, L(x->lang, LBL_X_SHARE_NO_ROW), x->year, ng, gone.s);
    free(yes.s);
    free(no.s);
    free(miss.s);
    free(gone.s);
    return sb_take(&out);
}

/* What a barrier step is read for: the target's value (or its score), its
 * baseline or its goal. */
typedef enum ex_for { FOR_VALUE, FOR_BASELINE, FOR_GOAL } ex_for;

/* The words that say so after a barrier's year: "" for the value, ", for
 * the baseline", ", for the goal". */
static const char *for_text(lbl_lang lang, ex_for f)
{
    return f == FOR_VALUE ? "" : L(lang, f == FOR_BASELINE ? LBL_X_FOR_BASELINE : LBL_X_FOR_GOAL);
}

/* A barrier function's name and what it ranged over: "lowest of 森林覆盖率",
 * or the name alone when `of` is empty (malloc'd). */
static char *function_of(lbl_lang lang, const char *name, const char *of)
{
    strbuf b = {0};
    if (*of)
        sbf(&b, L(lang, LBL_X_FN_OF), name, of);
    else
        sbf(&b, "%s", name);
    return sb_take(&b);
}

/* What a peer step (lowest / highest / average) computed on this row: over
 * how many regions of the row's level it ranged (only those the target
 * covers when lower.c masked its operand with the target's scope), and for
 * lowest and highest which region holds the value.  `role`: what it is
 * read for. */
static char *peer_text(const ex_row *x, uint32_t step, ex_for role)
{
    lbl_lang lang = x->lang;
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
    char *head = function_of(lang, ir_peername(s->aux), of);
    char *lv = level_regions(p, level, lang);
    sbf(&out, L(lang, scope ? LBL_X_PEER_SCOPE : LBL_X_PEER), head, rows, lv, x->year, for_text(lang, role), vals,
        num(lang, v, n1));
    free(lv);
    free(head);
    free(of);
    if (who.len)
        sbf(&out, "%s%s%s", L(lang, LBL_PAREN_OPEN), who.s, L(lang, LBL_PAREN_CLOSE));
    free(who.s);
    return sb_take(&out);
}

/* What a cumulative() or peakvalue() step read on this row: the years
 * from its first to the year it is read in, each year's value, and the sum
 * or the largest, or the year that leaves it missing. */
static char *cumsum_text(const ex_row *x, uint32_t step, ex_for role)
{
    lbl_lang lang = x->lang;
    const ir_step *s = &x->p->steps[step];
    bool peak = s->op == IR_CUMMAX;
    long first = s->aux;
    long upto = s->imm >= 1 ? (long)s->imm : x->year + (long)s->imm;
    char n1[32];
    strbuf out = {0};
    char *of = operand_of(x->p, step);
    char *head = function_of(lang, peak ? "peakvalue" : "cumulative", of);
    if (!peak && upto == first - 1) {
        /* the year before the sum starts (its baseline, often): said
         * as that year, not as a range from 2024 to 2023 */
        sbf(&out, msgcat_get(lang, "%s in %ld%s: nothing accumulated yet (the sum starts in %ld) = 0"), head,
            upto, for_text(lang, role), first);
        free(head);
        free(of);
        return sb_take(&out);
    }
    sbf(&out, L(lang, LBL_X_CUM_HEAD), head, first, upto, for_text(lang, role));
    free(head);
    free(of);
    if (upto < first - 1 || (peak && upto < first)) {
        sbf(&out, L(lang, peak ? LBL_X_CUM_BEFORE_SERIES : LBL_X_CUM_BEFORE_SUM), upto);
        return sb_take(&out);
    }
    strbuf terms = {0};
    for (long y = first; y <= upto; y++) {
        long row = rt_table_find(x->t, x->region, y);
        double v = row < 0 ? NAN : rt_result_value(x->r, s->a, (size_t)row);
        if (isnan(v)) {
            sbf(&out, L(lang, LBL_X_CUM_MISSING), x->p->regions[x->region].name, y,
                L(lang, row < 0 ? LBL_X_NO_ROW : LBL_X_NO_VALUE));
            free(terms.s);
            return sb_take(&out);
        }
        sbf(&terms, "%s%s", y > first ? (peak ? L(lang, LBL_X_SEP) : " + ") : "", num(lang, v, n1));
    }
    sbf(&out, "%s", terms.s);
    sbf(&out, peak ? L(lang, LBL_X_LARGEST) : " = %s",
        num(lang, rt_result_value(x->r, step, x->row), n1));
    free(terms.s);
    return sb_take(&out);
}

/* How many regions below_text() names with their values (and how many
 * without one): a province's or a country's total over thousands of
 * counties is one line either way, the rest counted ("and 2715 more"). */
#define BELOW_SHOWN 20

/* What a total() / lowest() / highest() / average() over a level computed
 * on this row: each region at that level below the row's region with its
 * value (or that it has no row or no value), and the result; for lowest
 * and highest, which region holds it.  `role` as for peer_text(). */
static char *below_text(const ex_row *x, uint32_t step, ex_for role)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    const ir_step *s = &p->steps[step];
    bool total = s->imm == IR_SHARE_TOTAL;
    uint32_t nbelow = 0, vals = 0, ngaps = 0;
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
            if (ngaps++ < BELOW_SHOWN)
                sbf(&gaps, "%s%s%s", gaps.len ? L(lang, LBL_X_SEP) : "", p->regions[d].name,
                    L(lang, row < 0 ? LBL_X_NO_ROW : LBL_X_NO_VALUE));
            continue;
        }
        if (vals < BELOW_SHOWN)
            sbf(&terms, "%s%s %s", vals ? (total ? " + " : L(lang, LBL_X_SEP)) : "", p->regions[d].name,
                num(lang, c, n1));
        vals++;
        if ((s->imm == IR_SHARE_LOWEST || s->imm == IR_SHARE_HIGHEST) && c == v)
            sbf(&who, "%s%s", who.len ? "、" : "", p->regions[d].name);
    }
    free(below);
    strbuf out = {0};
    char *of = operand_of(p, step);
    char *head = function_of(lang, ir_sharename(s->imm), of);
    char *lv = level_regions(p, s->aux, lang);
    sbf(&out, L(lang, LBL_X_BELOW_HEAD), head, nbelow, lv, p->regions[x->region].name);
    free(lv);
    free(head);
    free(of);
    sbf(&out, L(lang, LBL_X_BELOW_YEAR), x->year);
    sbf(&out, "%s%s%s", for_text(lang, role), L(lang, LBL_COLON),
        vals ? terms.s : L(lang, LBL_X_NO_VALUES));
    if (vals > BELOW_SHOWN)
        sbf(&out, L(lang, LBL_X_NA_MORE), vals - BELOW_SHOWN);
    if (gaps.len)
        sbf(&out, "%s%s", L(lang, LBL_LIST_SEP), gaps.s);
    if (ngaps > BELOW_SHOWN)
        sbf(&out, L(lang, LBL_X_NA_MORE), ngaps - BELOW_SHOWN);
    sbf(&out, " = %s", num(lang, v, n1));
    if (total && isnan(v) && gaps.len)
        sbf(&out, "%s", L(lang, LBL_X_TOTAL_NEEDS_ALL));
    if (who.len)
        sbf(&out, "%s%s%s", L(lang, LBL_PAREN_OPEN), who.s, L(lang, LBL_PAREN_CLOSE));
    free(terms.s);
    free(gaps.s);
    free(who.s);
    return sb_take(&out);
}

/* What a parent() step read on row x: the value on the row of the region
 * above in the row's year, or why it is missing (no region above, at that
 * level, or no row of it that year) (malloc'd). */
static char *parent_text(const ex_row *x, uint32_t step, ex_for role)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    const ir_step *s = &p->steps[step];
    int32_t q = ir_region_above(p, x->region, s->aux);
    char *of = operand_of(p, step);
    strbuf name = {0};
    if (s->aux == IR_PARENT_UP)
        sbf(&name, "parent");
    else
        sbf(&name, "parent(%s)", s->aux < p->nlevels ? p->levels[s->aux] : "?");
    char *head = function_of(lang, name.s, of);
    free(name.s);
    free(of);
    strbuf out = {0};
    const char *rname = p->regions[x->region].name;
    long row = q < 0 ? -1 : rt_table_find(x->t, (uint32_t)q, x->year);
    char n1[32];
    if (q < 0 && s->aux == IR_PARENT_UP)
        sbf(&out, L(lang, LBL_X_PARENT_NONE), head, for_text(lang, role), rname);
    else if (q < 0)
        sbf(&out, L(lang, LBL_X_PARENT_NONE_LEVEL), head, for_text(lang, role), rname,
            s->aux < p->nlevels ? p->levels[s->aux] : "?");
    else if (row < 0)
        sbf(&out, L(lang, LBL_X_PARENT_NO_ROW), head, for_text(lang, role), p->regions[q].name, x->year);
    else
        sbf(&out, L(lang, LBL_X_PARENT), head, p->regions[q].name, x->year, for_text(lang, role),
            num(lang, rt_result_value(x->r, step, x->row), n1));
    free(head);
    return sb_take(&out);
}

/* Lists barrier step i read on row x in et->peers, et->sums, et->peaks,
 * et->below or et->above, labelled with `role`; a barrier of no such kind is not
 * listed.  `shifted`: it is read in another year, and x is that year's
 * row (a share() is then listed too, in et->shares: one of the row's own
 * year is listed with the reads, share_text). */
static void list_barrier(const ex_row *x, uint32_t i, ex_for role, bool shifted, ex_target *et)
{
    const ir_step *s = &x->p->steps[i];
    if (s->op == IR_PEER) {
        list_push(&et->peers, peer_text(x, i, role));
    } else if (s->op == IR_PARENT) {
        list_push(&et->above, parent_text(x, i, role));
    } else if (s->op == IR_CUMSUM) {
        list_push(&et->sums, cumsum_text(x, i, role));
    } else if (s->op == IR_CUMMAX) {
        list_push(&et->peaks, cumsum_text(x, i, role));
    } else if (s->op == IR_SHARE && s->imm != IR_SHARE_PERCENT) {
        list_push(&et->below, below_text(x, i, role));
    } else if (s->op == IR_SHARE && shifted) {
        strbuf b = {0};
        char *t = share_text(x, i);
        sbf(&b, "%s%s", t, for_text(x->lang, role));
        free(t);
        list_push(&et->shares, sb_take(&b));
    }
}

/* A barrier step read in another year (IR_SHIFT step i) on row x: the
 * barrier listed as computed on the row of x's region in that year, or,
 * when the region has no row then, that it is missing. */
static void list_shifted(const ex_row *x, uint32_t i, ex_for role, ex_target *et)
{
    const ir_program *p = x->p;
    const ir_step *s = &p->steps[i];
    long year = s->imm >= 1 ? (long)s->imm : x->year + (long)s->imm;
    long row = rt_table_find(x->t, x->region, year);
    if (row >= 0) {
        ex_row there = *x;
        there.row = (size_t)row;
        there.year = (int)year;
        list_barrier(&there, s->a, role, true, et);
        return;
    }
    const ir_step *b = &p->steps[s->a];
    const char *name = b->op == IR_PEER ? ir_peername(b->aux)
                     : b->op == IR_SHARE ? ir_sharename(b->imm)
                     : b->op == IR_CUMSUM ? "cumulative" : b->op == IR_CUMMAX ? "peakvalue"
                     : b->op == IR_PARENT ? "parent" : NULL;
    if (!name)
        return;
    char *of = operand_of(p, s->a);
    char *head = function_of(x->lang, name, of);
    strbuf out = {0};
    sbf(&out, L(x->lang, LBL_X_SHIFT_NO_ROW), head, year, for_text(x->lang, role),
        p->regions[x->region].name, year);
    free(head);
    free(of);
    /* a share() (that the condition holds in some of the regions below)
     * with the reads, as one read on that year's row (list_barrier) */
    ex_list *l = b->op == IR_PEER                                 ? &et->peers
               : b->op == IR_SHARE && b->imm == IR_SHARE_PERCENT ? &et->shares
               : b->op == IR_SHARE                               ? &et->below
               : b->op == IR_CUMSUM                              ? &et->sums
               : b->op == IR_PARENT                              ? &et->above
                                                                 : &et->peaks;
    list_push(l, sb_take(&out));
}

/* Lists the peer, cumulative and below-a-level steps that slot `root`
 * depends on (not looking into the operands of barriers: those are read on
 * other rows or years), and those it reads in another year (IR_SHIFT, with
 * that year), in et->peers, et->sums, et->peaks and et->below, each once,
 * labelled with `role`; the marks of x->walk are shared by the calls for
 * one target. */
static void collect_peers(const ex_row *x, uint32_t root, ex_for role, ex_target *et)
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
        if (s->op == IR_SHIFT)
            list_shifted(x, i, role, et);
        else
            list_barrier(x, i, role, false, et);
        if (ir_is_barrier(s->op))
            continue;
        push_operands(s, w, &top);
    }
}

/* ---------------------------------------------------------------- rules */

/* Appends "v OP goal holds (84.8 >= 92)" style text; with a tolerance
 * (m not NULL) the goal it is judged by: "v >= goal - tolerance holds
 * (19.5 % >= 20 % - 0.5 % = 19.5 %)", or the band of '=='. */
/* "holds", "does not hold" or "cannot be decided" (NaN) for a test's
 * result m. */
static const char *holds(lbl_lang lang, double m)
{
    return L(lang, isnan(m) ? LBL_X_UNDECIDED : m != 0 ? LBL_X_HOLDS : LBL_X_NOT_HOLDS);
}

static void test_text(lbl_lang lang, strbuf *b, const ir_target *tg, const ir_milestone *ms,
                      ir_op op, double v, double g, bool full_all)
{
    if (ms && ms->has_tolerance) {
        double lo, hi;
        const char *res = holds(lang, ir_meets(ms, v, g));
        ir_goal_band(ms, g, &lo, &hi);
        if (op == IR_EQ) {
            sbf(b, L(lang, LBL_X_TEST_BAND), res);
            bool full = full_all || alike(lo, v) || alike(v, hi);
            qty_f(lang, b, lo, tg->unit, false, full);
            sbf(b, " <= ");
            qty_f(lang, b, v, tg->unit, false, full);
            sbf(b, " <= ");
            qty_f(lang, b, hi, tg->unit, false, full);
            sbf(b, "%s", L(lang, LBL_PAREN_CLOSE));
            return;
        }
        int sign = ir_loosen_sign(ms);
        sbf(b, L(lang, LBL_X_TEST_TOL), opname(op), sign < 0 ? "-" : "+", res);
        /* v is compared with the loosened goal: in full when the two
         * are written alike */
        bool full = full_all || alike(v, ir_judged_goal(ms, g));
        qty_f(lang, b, v, tg->unit, false, full);
        sbf(b, " %s ", opname(op));
        qty_f(lang, b, g, tg->unit, false, full_all);
        sbf(b, " %s ", sign < 0 ? "-" : "+");
        qty(lang, b, ms->tolerance, tg->unit, false);
        sbf(b, " = ");
        qty_f(lang, b, ir_judged_goal(ms, g), tg->unit, false, full);
        sbf(b, "%s", L(lang, LBL_PAREN_CLOSE));
        return;
    }
    sbf(b, L(lang, LBL_X_TEST), opname(op), holds(lang, ir_compare(op, v, g)));
    char ops[16];
    snprintf(ops, sizeof ops, " %s ", opname(op));
    qty_cmp(lang, b, v, ops, g, tg->unit, tg->boolean, full_all);
    sbf(b, "%s", L(lang, LBL_PAREN_CLOSE));
}

/* Appends a milestone's tolerance and deadline as written: " tolerance
 * 0.5%" and " by 2027" or " every year". */
static void tolerance_deadline(lbl_lang lang, strbuf *b, const ir_target *tg,
                               const ir_milestone *m)
{
    if (m->has_tolerance) {
        strbuf t = {0};
        qty(lang, &t, m->tolerance, tg->unit, false);
        sbf(b, L(lang, LBL_TOLERANCE), t.s);
        free(t.s);
    }
    if (m->deadline)
        sbf(b, L(lang, LBL_BY_YEAR), m->deadline);
    else
        sbf(b, "%s", L(lang, LBL_EVERY_YEAR));
}

/* The goals of a target as written: ">= 92% by 2027, >= 95% by 2035";
 * the numbers in full with `full` (ex_target.full). */
static void goals_text(lbl_lang lang, strbuf *b, const ir_target *tg, bool full)
{
    if (strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0) {
        sbf(b, "%s", L(lang, strcmp(tg->kind, "falls") == 0 ? LBL_FALLS_EVERY_YEAR
                                                            : LBL_RISES_EVERY_YEAR));
        return;
    }
    if (strcmp(tg->kind, "peaks") == 0) {
        char buf[32], tol[40];
        if (tg->nmilestones)
            sbf(b, L(lang, LBL_PEAKS_BY), tg->milestones[0].deadline);
        else
            sbf(b, "%s", L(lang, LBL_PEAKS));
        snprintf(tol, sizeof tol, "%s%%", num(lang, tg->tolerance * 100, buf));
        sbf(b, L(lang, LBL_TOLERANCE), tol);
        return;
    }
    for (uint32_t i = 0; i < tg->nmilestones; i++) {
        const ir_milestone *m = &tg->milestones[i];
        sbf(b, "%s%s ", i ? L(lang, LBL_X_GOAL_SEP) : "", opname(m->op));
        if (m->goal_src)
            sbf(b, "%s", m->goal_src);
        else
            qty_f(lang, b, m->goal, tg->unit, tg->boolean, full);
        tolerance_deadline(lang, b, tg, m);
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
    lbl_lang lang = x->lang;
    char buf[32];
    uint32_t cap = x->year >= tg->y0 ? (uint32_t)(x->year - tg->y0 + 1) : 1;
    int *ys = rt_xmalloc(cap, sizeof *ys);
    double *vs = rt_xmalloc(cap, sizeof *vs);
    uint32_t n = value_series(x, tg, ys, vs);
    sbf(b, L(lang, LBL_X_SERIES), tg->y0, x->year);
    long peak = -1, missing = -1;
    for (uint32_t i = 0; i < n; i++) {
        sbf(b, "%s%s", i ? L(lang, LBL_X_SEP) : "", num(lang, vs[i], buf));
        if (isnan(vs[i]) && missing < 0)
            missing = i;
        if (!isnan(vs[i]) && (peak < 0 || vs[i] > vs[peak]))
            peak = i;
    }
    if (et->status == IR_ST_MISSING || missing >= 0) {
        sbf(b, L(lang, LBL_X_PEAK_MISSING), missing >= 0 ? ys[missing] : x->year);
    } else {
        sbf(b, L(lang, LBL_X_PEAK_FIRST), ys[peak]);
        long bad = -1;
        for (uint32_t i = (uint32_t)peak + 1; i < n; i++)
            if (vs[i] - vs[i - 1] > tg->tolerance * fabs(vs[i - 1])) {
                bad = i;
                break;
            }
        if ((uint32_t)peak + 1 == n)
            sbf(b, "%s", L(lang, LBL_X_PEAK_THIS_YEAR));
        else if (bad >= 0) {
            char buf2[32], buf3[32];
            sbf(b, L(lang, LBL_X_PEAK_ROSE), ys[bad], num(lang, vs[bad] - vs[bad - 1], buf),
                num(lang, tg->tolerance, buf2), num(lang, vs[bad - 1], buf3));
        }
        else
            sbf(b, "%s", L(lang, LBL_X_PEAK_HELD));
        if (et->status == IR_ST_MET)
            sbf(b, L(lang, LBL_X_ARROW), lbl_status(lang, IR_ST_MET));
        else if (et->status == IR_ST_ON_TRACK)
            sbf(b, L(lang, LBL_X_PEAK_BEFORE_DEADLINE), tg->milestones[0].deadline);
        else if (tg->nmilestones)
            sbf(b, L(lang, LBL_X_PEAK_DEADLINE_PASSED), tg->milestones[0].deadline);
        else
            sbf(b, "%s", L(lang, LBL_X_PEAK_NO_DEADLINE));
        if (et->status != IR_ST_MET)
            sbf(b, "%s", lbl_status(lang, et->status == IR_ST_ON_TRACK ? IR_ST_ON_TRACK
                                                                       : IR_ST_FAILED));
    }
    free(ys);
    free(vs);
}

/* Whether the row's region is in target tg's scope. */
static bool in_scope(const ex_row *x, const ir_target *tg)
{
    for (uint32_t i = 0; tg->scoped && i < tg->nscope; i++)
        if (tg->scope[i] == x->region)
            return true;
    return !tg->scoped;
}

/* Why a not_applicable row is one (§9 rule 1). */
static void na_rule(const ex_row *x, const ir_target *tg, bool trend, strbuf *b)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    long row = (long)x->row;
    bool own = tg->y0 != p->baseline;  /* the target's own baseline year */
    if (trend && x->year <= tg->y0)
        sbf(b, L(lang, own ? LBL_X_NA_TREND_OWN : LBL_X_NA_TREND), tg->y0);
    else if (x->year == tg->y0 && ir_first_judged_year(tg) > tg->y0)
        sbf(b, L(lang, own ? LBL_X_NA_START_OWN : LBL_X_NA_START), tg->y0);
    else if (x->year < tg->y0)
        sbf(b, L(lang, own ? LBL_X_NA_BEFORE_OWN : LBL_X_NA_BEFORE), x->year, tg->y0);
    else if (!in_scope(x, tg)) {
        sbf(b, L(lang, LBL_X_NA_SCOPE), p->regions[x->region].name);
        for (uint32_t i = 0; i < tg->nscope && i < 8; i++)
            sbf(b, "%s%s", i ? L(lang, LBL_X_SEP) : "", p->regions[tg->scope[i]].name);
        if (tg->nscope > 8)
            sbf(b, L(lang, LBL_X_NA_MORE), tg->nscope - 8);
        sbf(b, "%s", L(lang, LBL_PAREN_CLOSE));
    } else if (rt_table_line(x->t, (size_t)row) == 0)
        sbf(b, L(lang, LBL_X_NA_ADDED), p->regions[x->region].name, x->year);
    else
        sbf(b, "%s", L(lang, LBL_X_NA_OTHER));
}

/* Appends the head of a numbered rule of §9: "§9 rule 3 (met): ". */
static void rule_head(lbl_lang lang, strbuf *b, const char *branch, int status)
{
    sbf(b, L(lang, LBL_X_RULE), branch, lbl_status(lang, status));
}

/* The status rule that applied (docs/LANGUAGE.md §9), as a sentence. */
static void status_rule(const ex_row *x, const ir_target *tg, ex_target *et)
{
    lbl_lang lang = x->lang;
    strbuf b = {0};
    char b1[32];
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    bool peaks = strcmp(tg->kind, "peaks") == 0;
    int y = x->year;
    if (et->status == IR_ST_NA) {
        et->branch = "1";
        rule_head(lang, &b, et->branch, et->status);
        na_rule(x, tg, trend, &b);
    } else if (peaks) {
        et->branch = "peaks";
        sbf(&b, "%s", L(lang, LBL_X_RULE_PEAKS));
        peaks_rule(x, tg, et, &b);
    } else if (trend) {
        et->branch = "trend";
        bool falls = strcmp(tg->kind, "falls") == 0;
        ir_op op = falls ? IR_LT : IR_GT;
        sbf(&b, L(lang, LBL_X_RULE_TREND),
            L(lang, falls ? LBL_FALLS_EVERY_YEAR : LBL_RISES_EVERY_YEAR));
        /* the year before is named, as the report's `status 2024`
         * headers name it: "2023's value", "2023年数值" */
        if (isnan(et->v)) {
            sbf(&b, "%s%s", L(lang, LBL_X_TREND_NOW_MISSING), lbl_status(lang, IR_ST_MISSING));
        } else if (isnan(et->goal)) {
            sbf(&b, L(lang, LBL_X_TREND_PREV_MISSING), y - 1);
            sbf(&b, "%s", lbl_status(lang, IR_ST_MISSING));
        } else {
            sbf(&b, L(lang, LBL_X_TREND_TEST), y, opname(op), y - 1);
            qty_cmp(lang, &b, et->v, op == IR_LT ? " < " : " > ", et->goal, tg->unit, false, et->full);
            sbf(&b, " %s → %s", holds(lang, ir_compare(op, et->v, et->goal)),
                lbl_status(lang, et->status));
        }
    } else if (isnan(et->v)) {
        et->branch = "2";
        rule_head(lang, &b, et->branch, IR_ST_MISSING);
        sbf(&b, "%s", L(lang, LBL_X_VALUE_MISSING));
    } else if (et->status == IR_ST_MISSING && isnan(et->goal)) {
        /* only a goal read from the data can be missing (§6); rule 5's
         * text would blame the trajectory's start */
        et->branch = "2";
        rule_head(lang, &b, et->branch, IR_ST_MISSING);
        sbf(&b, "%s", L(lang, LBL_X_GOAL_MISSING));
    } else {
        const ir_milestone *m = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
        ir_op op = m ? m->op : IR_GE;
        bool deadline = m && m->deadline;
        if (et->status == IR_ST_MET) {
            et->branch = "3";
            rule_head(lang, &b, et->branch, et->status);
            test_text(lang, &b, tg, m, op, et->v, et->goal, et->full);
        } else if (et->status == IR_ST_FAILED) {
            et->branch = "4";
            rule_head(lang, &b, et->branch, et->status);
            if (deadline)
                sbf(&b, L(lang, LBL_X_DEADLINE_PASSED), m->deadline, y, m->deadline);
            else /* a red line is held or not (GUIDE's terms), a goal of every year met */
                sbf(&b, "%s", L(lang, strcmp(tg->kind, "redline") == 0 ? LBL_X_REDLINE_FAILED
                                                                     : LBL_X_EVERY_YEAR_FAILED));
            test_text(lang, &b, tg, m, op, et->v, et->goal, et->full);
        } else if (et->status == IR_ST_MISSING) {
            et->branch = "5";
            rule_head(lang, &b, et->branch, et->status);
            sbf(&b, L(lang, LBL_X_NO_START), deadline ? m->deadline : y);
            if (!isnan(et->ystart))
                sbf(&b, L(lang, LBL_X_START_YEAR), num(lang, et->ystart, b1));
        } else {
            et->branch = "5";
            rule_head(lang, &b, et->branch, et->status);
            sbf(&b, L(lang, LBL_X_BEFORE_DEADLINE), y, num(lang, et->deadline, b1));
            test_text(lang, &b, tg, m, op, et->v, et->goal, et->full);
            int track = m ? m->track : 0;
            if (m && m->op == IR_EQ && !tg->boolean) {
                /* '==': as near the goal (its band) as e (lower.c:
                 * track_test), short by no more than e's rounding */
                double lo = et->goal, hi = et->goal;
                if (m->has_tolerance)
                    ir_goal_band(m, et->goal, &lo, &hi);
                double dv = fmax(fmax(lo - et->v, et->v - hi), 0);
                double de = fmax(fmax(lo - et->expected, et->expected - hi), 0);
                sbf(&b, "%s", L(lang, m->has_tolerance ? LBL_X_TRACK_NEAR_BAND : LBL_X_TRACK_NEAR));
                /* the distances rounded as explain's other numbers are,
                 * in full only when they are written alike (qty_cmp): a
                 * value and goal written in full (et->full) make no
                 * distance of 7.105427357601002e-15 worth 16 digits */
                qty_cmp(lang, &b, dv, " <= ", de, tg->unit, false, false);
                bool slack = et->status == IR_ST_ON_TRACK && dv > de;
                sbf(&b, " %s → %s", slack ? L(lang, LBL_X_HOLDS_ROUNDING) : holds(lang, et->status == IR_ST_ON_TRACK),
                    lbl_status(lang, et->status));
            } else if (track == 0) {
                sbf(&b, "%s%s", L(lang, tg->boolean ? LBL_X_NO_DIRECTION_BOOL : LBL_X_NO_DIRECTION),
                    lbl_status(lang, IR_ST_ON_TRACK));
            } else {
                sbf(&b, L(lang, LBL_X_TRACK), track > 0 ? ">=" : "<=");
                qty_cmp(lang, &b, et->v, track > 0 ? " >= " : " <= ", et->expected, tg->unit, false,
                        et->full);
                /* short of e by no more than e's rounding (lower.c:
                 * track_test): on the line, and said so */
                bool slack = et->status == IR_ST_ON_TRACK && (track > 0 ? et->v < et->expected
                                                                         : et->v > et->expected);
                sbf(&b, " %s → %s", slack ? L(lang, LBL_X_HOLDS_ROUNDING) : holds(lang, et->status == IR_ST_ON_TRACK),
                    lbl_status(lang, et->status));
            }
        }
    }
    et->rule = sb_take(&b);
}

/* Whether the default score of an '==' milestone m mirrored: the value v
 * has passed the judged goal jg, away from the baseline, without meeting
 * the goal (lower.c: overshoot).  Then *far is the band's edge farther
 * from the baseline (the goal without a tolerance) and *fsign its side
 * for goal_word. */
static bool eq_overshoot(const ir_milestone *m, const ex_target *et, double jg, double *far, int *fsign)
{
    if (m->op != IR_EQ || et->status == IR_ST_MET || isnan(et->v) || isnan(et->base) || jg == et->base ||
        (et->v - et->base) / (jg - et->base) <= 1)
        return false;
    *far = et->goal;
    *fsign = 0;
    if (m->has_tolerance) {
        double lo, hi;
        ir_goal_band(m, et->goal, &lo, &hi);
        bool lofar = fabs(lo - et->base) > fabs(hi - et->base);
        *far = lofar ? lo : hi;
        *fsign = lofar ? -1 : 1;
    }
    return true;
}

/* The goal a trajectory or a score runs to: "goal", or with a tolerance
 * (ir_loosen_sign's sign) "goal - tolerance" or "goal + tolerance". */
static const char *goal_word(lbl_lang lang, int sign)
{
    return L(lang, sign < 0 ? LBL_X_GOAL_MINUS_TOL : sign > 0 ? LBL_X_GOAL_PLUS_TOL : LBL_X_GOAL);
}

/* How the expected value was computed; NULL when the target has none. */
static void expected_rule(const ex_row *x, const ir_target *tg, ex_target *et)
{
    lbl_lang lang = x->lang;
    const ir_milestone *m = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
    if (!m || (isnan(m->goal) && !m->goal_src) || tg->boolean || et->status == IR_ST_NA)
        return;
    strbuf b = {0};
    char n1[32], n2[32], n3[32], n4[32], n5[32];
    /* with a tolerance, the trajectory runs to the goal it is judged by */
    int sign = ir_loosen_sign(m);
    const char *g = goal_word(lang, sign);
    const char *itself = sign ? g : L(lang, LBL_X_GOAL_ITSELF);
    if (!m->deadline) {
        sbf(&b, L(lang, LBL_X_EXP_EVERY_YEAR), itself);
        qty_f(lang, &b, et->expected, tg->unit, false, et->full);
    } else if (x->year >= m->deadline) {
        sbf(&b, L(lang, LBL_X_EXP_PASSED), itself, m->deadline);
        qty_f(lang, &b, et->expected, tg->unit, false, et->full);
    } else {
        /* in full when two of the start, the goal and the result differ
         * but would be written alike ("100 + (100 - 100) × ... = 100"
         * for 99.99999 + (100 - 99.99999) × ... = 99.999992) */
        double jg = ir_judged_goal(m, et->goal);
        bool full = alike(et->bstart, jg) || alike(et->expected, jg) || alike(et->expected, et->bstart);
        sbf(&b, L(lang, LBL_X_EXP_LINE), g, num(lang, et->ystart, n1), num_f(lang, et->bstart, n2, full),
            L(lang, et->ms == 0 ? LBL_X_EXP_BASELINE : LBL_X_EXP_MILESTONE));
        sbf(&b, "%s%s + (%s - %s) × (%d - %s) / (%d - %s)", L(lang, LBL_COLON),
            num_f(lang, et->bstart, n1, full),
            num_f(lang, jg, n2, full), num_f(lang, et->bstart, n3, full), x->year, num(lang, et->ystart, n4),
            m->deadline, num(lang, et->ystart, n5));
        sbf(&b, " = %s", num_f(lang, et->expected, n1, full));
    }
    et->expected_text = sb_take(&b);
}

/* The score formula with its operands. */
static void score_rule(const ex_row *x, const ir_target *tg, ex_target *et)
{
    lbl_lang lang = x->lang;
    strbuf b = {0};
    char n1[32], n2[32], n3[32], n4[32], n5[32];
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    bool peaks = strcmp(tg->kind, "peaks") == 0;
    bool rated = strcmp(tg->kind, "rated") == 0;
    const ir_milestone *m = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
    if (et->status == IR_ST_NA || et->status == IR_ST_MISSING) {
        et->score_kind = "none";
        sbf(&b, L(lang, LBL_X_NO_SCORE), lbl_status(lang, et->status));
        et->score_text = sb_take(&b);
        return;
    }
    /* the default score of §9 */
    strbuf d = {0};
    if (rated) {
        sbf(&d, L(lang, LBL_X_SCORE_RATED), num(lang, et->v, n1), num(lang, et->dscore, n2));
    } else if (et->status == IR_ST_MET) {
        sbf(&d, "%s", L(lang, LBL_X_SCORE_MET));
    } else if (trend || peaks) {
        /* on_track scoring 0 surprises a reader: the page's words for
         * why (report_on_track_zero), not only that it does */
        sbf(&d, "%s", L(lang, trend                          ? LBL_X_SCORE_TREND
                              : et->status == IR_ST_ON_TRACK ? LBL_WHY_ZERO_PEAKS
                                                             : LBL_X_SCORE_PEAKS));
    } else if (!m || !m->deadline) {
        sbf(&d, "%s", L(lang, LBL_X_SCORE_NO_DEADLINE));
    } else {
        /* with a tolerance, the progress towards the goal it is judged by */
        int sign = ir_loosen_sign(m);
        double jg = ir_judged_goal(m, et->goal);
        /* the operands in full when two of them differ but would be
         * written alike: "(100 - 100) / (100 - 100) = 55" reads wrong */
        bool full = alike(et->v, et->base) || alike(et->v, jg) || alike(et->base, jg);
        /* the score in full when it is not 100 (or 0) but would be
         * written so: "= 100" under a target lagging a hair past an '=='
         * goal's band read as met, where the results say 99.99999999999993 */
        bool score_full = alike(et->dscore, 100) || alike(et->dscore, 0);
        int fsign;
        double far;
        if (eq_overshoot(m, et, jg, &far, &fsign)) {
            /* past the band without meeting it: the progress mirrors at
             * its far edge F (lower.c: overshoot) */
            full = full || alike(et->v, far) || alike(far, jg) || alike(far, et->base);
            char n6[32];
            sbf(&d, "100 × clamp(1 - (v - %s%s%s) / (%s - b), 0, 1) = 100 × clamp(1 - (%s - %s) / (%s - %s), 0, 1) = %s",
                fsign ? "(" : "", goal_word(lang, fsign), fsign ? ")" : "", goal_word(lang, sign), num_f(lang, et->v, n1, full),
                num_f(lang, far, n2, full), num_f(lang, jg, n3, full), num_f(lang, et->base, n4, full),
                num_f(lang, et->dscore, n6, score_full));
        } else
            sbf(&d, "100 × clamp((v - b) / (%s - b), 0, 1) = 100 × clamp((%s - %s) / (%s - %s), 0, 1) = %s",
                goal_word(lang, sign), num_f(lang, et->v, n1, full), num_f(lang, et->base, n2, full),
                num_f(lang, jg, n3, full), num_f(lang, et->base, n4, full),
                num_f(lang, et->dscore, n5, score_full));
        if (isnan(et->base))
            sbf(&d, "%s", L(lang, LBL_X_SCORE_BASE_MISSING));
        else if (jg == et->base)
            sbf(&d, "%s", L(lang, LBL_X_SCORE_GOAL_IS_BASE));
        else if (et->dscore == 0 && ir_meets(m, et->base, et->goal) == 1)
            sbf(&d, "%s", L(lang, LBL_X_SCORE_LOST_GROUND));
    }
    if (tg->score_src) {
        et->score_kind = "expression";
        sbf(&b, L(lang, tg->own_score ? LBL_X_SCORE_OWN_EXPR : LBL_X_SCORE_EXPR), tg->score_src,
            num(lang, et->v, n1), num(lang, et->goal, n2));
        if (et->uses_base)
            sbf(&b, L(lang, LBL_X_SCORE_BASE), num(lang, et->base, n3));
        sbf(&b, L(lang, LBL_X_SCORE_EXPECTED), num(lang, et->expected, n4), x->year);
        sbf(&b, L(lang, LBL_X_SCORE_DEADLINE), num(lang, et->deadline, n1));
        if (strstr(tg->score_src, "direction")) {
            /* as lower.c sets it: the current milestone's side */
            double dir = trend ? (strcmp(tg->kind, "falls") == 0 ? -1 : 1) : peaks ? -1
                       : m && m->track ? m->track : NAN;
            sbf(&b, L(lang, LBL_X_SCORE_DIRECTION), num(lang, dir, n1));
        }
        sbf(&b, L(lang, LBL_X_SCORE_PROGRESS),
            num(lang, isnan(et->dscore) ? NAN : et->dscore / 100, n2), d.s);
        sbf(&b, "%s", L(lang, LBL_X_SCORE_CLAMPED));
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
    /* a missing total counts no section (an added row's incomplete
     * assessment, lower.c: added_incomplete) */
    bool total = !isnan(sv(x, p->total));
    for (uint32_t s = 0; s < p->nsections; s++) {
        bool c = total && p->sections[s].weight != 0 && !isnan(sv(x, p->sections[s].score));
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
    /* the plan's baseline year is not rolled up (lower.c, lower_rollups) */
    et->counted = tg->weight != 0 && !isnan(s) && x->year > p->baseline;
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

/* Whether target tg's judgement — its status, expected value and score —
 * reads slot `slot` other than through its value and goal (which are
 * listed as such): b is computed for every target, but only a goal with a
 * deadline (the trajectory, the default score) or a score expression
 * naming `base` uses it; a red line, a goal that holds every year, a trend
 * and peaks do not. */
static bool judgement_reads(const ex_row *x, const ir_target *tg, uint32_t slot)
{
    const ir_program *p = x->p;
    if (slot == IR_NO_SLOT)
        return false;
    ex_walk *w = x->walk;
    walk_clear(w);
    size_t top = 0;
    const uint32_t roots[] = {tg->status, tg->expected, tg->score};
    for (size_t k = 0; k < sizeof roots / sizeof roots[0]; k++)
        if (roots[k] != IR_NO_SLOT && !w->seen[roots[k]]) {
            walk_mark(w, roots[k]);
            w->stack[top++] = roots[k];
        }
    bool found = false;
    while (top && !found) {
        uint32_t i = w->stack[--top];
        if (i == slot)
            found = true;
        else if (i != tg->value && i != tg->goal)
            push_operands(&p->steps[i], w, &top);
    }
    walk_clear(w);
    return found;
}

/* Builds the explanation of target ti on the row. */
/* Whether the value differs from a goal of the target (each milestone's
 * as written, the row's goal, the band or loosened goal it is judged by,
 * the expected value), or the baseline from either, but would be written
 * alike when rounded: the lines
 * that show them then write them in full, so that two different numbers
 * never look equal ("v = 100" under a goal ">= 100" that is 100.00001). */
static bool value_goal_alike(const ir_target *tg, const ex_target *et)
{
    if (tg->boolean || isnan(et->v))
        return false;
    if (alike(et->v, et->goal) || alike(et->v, et->expected) ||
        (et->uses_base && (alike(et->v, et->base) || alike(et->base, et->goal))))
        return true;
    for (uint32_t i = 0; i < tg->nmilestones; i++)
        if (alike(et->v, tg->milestones[i].goal))
            return true;
    const ir_milestone *ms = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
    if (ms && ms->has_tolerance && !isnan(et->goal)) {
        double lo, hi;
        ir_goal_band(ms, et->goal, &lo, &hi);
        if (alike(et->v, lo) || alike(et->v, hi) || alike(et->v, ir_judged_goal(ms, et->goal)))
            return true;
    }
    return false;
}

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
    et->uses_base = judgement_reads(x, tg, tg->base);
    if (et->status == IR_ST_NA) {
        /* No goal applies to a row the target does not cover, and so no
         * milestone, deadline or trajectory (as the results show it). */
        et->ms = -1;
        et->deadline = et->ystart = et->bstart = NAN;
    }
    /* The results list a broken red line in `vetoes` in every year, but
     * only a graded year (after the plan's baseline year, §8) has a grade
     * for the veto to set. */
    et->veto_broken = tg->veto && et->status == IR_ST_FAILED;
    et->veto_fired = et->veto_broken && x->year > p->baseline;

    ex_walk *w = x->walk;
    uint32_t share = IR_NO_SLOT;
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    uint32_t other = IR_NO_SLOT; /* shares of other years are not shown */
    collect_reads(x, tg->value, "value", et, &share);
    if (trend)
        collect_reads(x, tg->goal, "previous year", et, &other);
    if (et->uses_base)
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
        collect_peers(x, tg->value, FOR_VALUE, et);
        if (et->uses_base)
            collect_peers(x, tg->base, FOR_BASELINE, et);
        collect_peers(x, tg->goal, FOR_GOAL, et);
        collect_peers(x, tg->score, FOR_VALUE, et);
    }
    if (share != IR_NO_SLOT && et->status != IR_ST_NA)
        et->share_text = share_text(x, share);

    et->full = value_goal_alike(tg, et);
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
    free(et->tables);
    free(et->share_text);
    list_free(&et->peers);
    list_free(&et->sums);
    list_free(&et->peaks);
    list_free(&et->below);
    list_free(&et->above);
    list_free(&et->shares);
}

/* The lead agencies of a measure as the results write them. */
static void lead_text(lbl_lang lang, strbuf *b, const ir_measure *m)
{
    if (m->nlead == 0) {
        sbf(b, "%s", L(lang, LBL_X_NO_LEAD));
        return;
    }
    sbf(b, "%s", L(lang, m->shared ? LBL_SHARED : LBL_X_LEAD));
    for (uint32_t i = 0; i < m->nlead; i++)
        sbf(b, "%s%s", i ? "、" : "", m->lead[i]);
}

/* Whether target ti is left out on the row only because the row is one
 * the runtime added: not_applicable there (na_rule's last reason) while it
 * applies to the region and year but reads the region's own data, or
 * missing there while it reads it too (report_left_out_added). */
static bool left_out_added(const ex_row *x, uint32_t ti)
{
    return rt_table_line(x->t, x->row) == 0 &&
           report_left_out_added(x->p, ti, sv(x, x->p->targets[ti].status), x->region, x->year);
}

/* On a row the runtime added, the targets that made its assessment
 * incomplete (lower.c, added_incomplete: those that count for the total
 * or are vetoes, and apply but for the row being added, or are missing
 * there reading the region's own data): how many, and the first three
 * names in `names`. */
static uint32_t added_left_out(const ex_row *x, strbuf *names)
{
    const ir_program *p = x->p;
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *tg = &p->targets[i];
        if (!ir_target_counts(p, i) || !left_out_added(x, i))
            continue;
        if (n < 3)
            sbf(names, "%s%s", n ? L(x->lang, LBL_X_SEP) : "", tg->name);
        else if (n == 3)
            sbf(names, "%s…", L(x->lang, LBL_X_SEP));
        n++;
    }
    return n;
}

/* Why the row has its grade. */
static char *grade_text(const ex_row *x, double total, double grade, bool vetoed)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    strbuf b = {0};
    char n1[32], n2[32];
    strbuf names = {0};
    uint32_t left = 0;
    bool none = isnan(grade) || grade < 0 || grade >= p->nbands;
    if (none && x->year > p->baseline && rt_table_line(x->t, x->row) == 0)
        left = added_left_out(x, &names);
    if (none && x->year <= p->baseline && p->nbands > 0) {
        sbf(&b, L(lang, LBL_X_NO_GRADE_BASELINE), p->baseline);
    } else if (none && left > 0 && p->nbands > 0) {
        sbf(&b, L(lang, LBL_X_NO_GRADE_ADDED), p->regions[x->region].name, x->year, left,
            names.s);
    } else if (isnan(grade) || grade < 0 || grade >= p->nbands) {
        sbf(&b, "%s", L(lang, LBL_X_NO_GRADE));
    } else if (vetoed) {
        sbf(&b, L(lang, LBL_X_GRADE_VETO), p->bands[(uint32_t)grade]);
    } else {
        uint32_t g = (uint32_t)grade;
        sbf(&b, "%s%s", p->bands[g], L(lang, LBL_COLON));
        if (g + 1 < p->nbands && p->band_min)
            sbf(&b, L(lang, LBL_X_GRADE_AT_LEAST), num(lang, total, n1),
                num(lang, p->band_min[g], n2));
        else if (g > 0 && p->band_min)
            sbf(&b, L(lang, LBL_X_GRADE_BELOW), num(lang, total, n1),
                num(lang, p->band_min[g - 1], n2));
        else
            sbf(&b, L(lang, LBL_X_GRADE_TOTAL), num(lang, total, n1));
    }
    free(names.s);
    return sb_take(&b);
}

/* ---------------------------------------------------------------- text */

/* Writes one labelled line: "  label      text", the label padded to 10
 * columns of display width (a Chinese character is two). */
static void line(FILE *out, const char *label, const char *text)
{
    size_t w = report_style_width(label);
    fprintf(out, "  %s%*s %s\n", label, w < 10 ? (int)(10 - w) : 0, "", text);
}

/* A list's lines, the label on the first. */
static void list_lines(FILE *out, const char *label, const ex_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        line(out, i ? "" : label, l->v[i]);
}

/* The label of a data read's role (ex_read.role) in lang. */
static const char *role_text(lbl_lang lang, const char *role)
{
    static const struct {
        const char *role;
        lbl_id id;
    } roles[] = {{"value", LBL_X_ROLE_VALUE},       {"for the value", LBL_X_ROLE_FOR_VALUE},
                 {"previous year", LBL_X_ROLE_PREV}, {"baseline", LBL_X_ROLE_BASELINE},
                 {"for the baseline", LBL_X_ROLE_FOR_BASELINE}, {"goal", LBL_X_ROLE_GOAL}};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(role, roles[i].role) == 0)
            return L(lang, roles[i].id);
    return role;
}

/* Appends " (text)" with lang's parentheses. */
static void paren(lbl_lang lang, strbuf *b, const char *text)
{
    sbf(b, "%s%s%s", L(lang, LBL_PAREN_OPEN), text, L(lang, LBL_PAREN_CLOSE));
}

/* The cell of the read rd of column c as the data wrote it, when it was a
 * text of the column's map (the loader kept which: rt_load_options.
 * keep_texts); NULL for a cell the file wrote as a number, an empty or
 * NA cell, a row not in the data and an aggregate of several records.
 * Explain shows it and the number the map reads it as. */
static const char *map_cell(const ir_column *c, const ex_read *rd)
{
    if (!c->map || !rd->in_data || c->agg_text || rd->text < 0 || (uint64_t)rd->text >= c->map->n)
        return NULL;
    return c->map->texts[rd->text];
}

/* The "reads" line of one data cell; its numbers in full with `full`
 * (ex_target.full: the baseline cell is b, written in full). */
static void read_text(const ex_row *x, const ex_read *rd, strbuf *b, bool full)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    const ir_column *c = &p->columns[rd->column];
    char n1[32];
    char *col = header_name(c, rd->year);
    sbf(b, L(lang, LBL_X_READ_OF), col, p->regions[x->region].name, rd->year);
    free(col);
    if (c->agg_text && rd->in_data)
        sbf(b, L(lang, rd->records == 1 ? LBL_X_AGG_ROW : LBL_X_AGG_ROWS), c->agg_text,
            rd->records, rd->values);
    else if (c->agg_text)
        sbf(b, L(lang, LBL_X_AGG), c->agg_text);
    if (c->map)
        sbf(b, L(lang, LBL_X_MAP), c->map->name);
    if (strcmp(rd->role, "value") != 0)
        paren(lang, b, role_text(lang, rd->role));
    sbf(b, " = ");
    if (!rd->in_data) {
        sbf(b, "%s", L(lang, LBL_X_NOT_IN_DATA));
        return;
    }
    const char *text = map_cell(c, rd);
    if (text)
        sbf(b, L(lang, LBL_X_MAP_TEXT), text);
    qty_f(lang, b, rd->cell, c->unit, c->type == IR_COL_BOOL, full);
    if (c->divisor != 0 || c->factor != 1) {
        if (c->divisor != 0)
            sbf(b, " ÷ %s", num(lang, c->divisor, n1));
        else
            sbf(b, " × %s", num(lang, c->factor, n1));
        sbf(b, " = ");
        qty_f(lang, b, rd->value, c->indicator_unit, false, full);
    }
    sbf(b, L(lang, LBL_X_INDICATOR), c->indicator);
    /* of several data files: which file and line gave the cell, and how
     * the file wrote it when other rules read it (--read-with) */
    rt_cell_source cs;
    long row = rt_table_find(x->t, x->region, rd->year);
    if (row >= 0 && rt_table_cell_source(x->t, rd->column, (size_t)row, &cs)) {
        sbf(b, L(lang, LBL_X_FROM), cs.path, cs.line);
        if (cs.column) {
            sbf(b, L(lang, LBL_X_FROM_COLUMN), cs.column);
            qty_f(lang, b, cs.cell, cs.unit, c->type == IR_COL_BOOL, full);
        }
        if (cs.plan)
            sbf(b, L(lang, LBL_X_FROM_PLAN), cs.plan);
    }
}

/* The year a `values` table input reads for the row: its own year
 * shifted, for a table whose rows give years. */
static long table_year(const ex_row *x, const ir_input *in)
{
    return in->shift.absolute ? in->shift.year : x->year + in->shift.rel;
}

/* The line of a `values` table read: the indicator's value for the
 * region (in the year read, for a table whose rows give years), as the
 * rules give it, and the note of its row; in full with `full`
 * (ex_target.full). */
static void table_text(const ex_row *x, const ir_step *st, strbuf *b, bool full)
{
    lbl_lang lang = x->lang;
    const ir_input *in = &x->p->inputs[st->aux];
    const char *note;
    double v = ir_table_value(in, x->region, table_year(x, in), &note);
    if (in->nyears)
        sbf(b, L(lang, LBL_X_TABLE_OF_YEAR), in->indicator, x->p->regions[x->region].name,
            (int)table_year(x, in));
    else
        sbf(b, L(lang, LBL_X_TABLE_OF), in->indicator, x->p->regions[x->region].name);
    qty_f(lang, b, v, in->unit, st->type == IR_BOOL, full);
    /* a value the row of the region's level or the else row gives */
    ir_valfrom from = isnan(v) ? IR_VAL_OWN : ir_table_from(in, x->region, table_year(x, in));
    if (from == IR_VAL_LEVEL)
        sbf(b, L(lang, LBL_X_TABLE_LEVEL), ir_level_word(x->p, x->p->regions[x->region].level, lang));
    /* a value --set gave is from no row of the rules: said set, its
     * note the --set */
    if (in->set && note)
        sbf(b, L(lang, LBL_X_TABLE_SET), note);
    else if (from == IR_VAL_ELSE && !in->set)
        sbf(b, "%s", L(lang, LBL_X_TABLE_ELSE));
    if (note && !in->set)
        sbf(b, L(lang, LBL_X_TABLE_NOTE), note);
}

/* The "goal" line: the current milestone as written, with the goal it is
 * judged by when it has a tolerance. */
static void goal_line(const ex_row *x, const ir_target *tg, const ex_target *et, strbuf *b)
{
    lbl_lang lang = x->lang;
    const ir_milestone *ms = et->ms >= 0 ? &tg->milestones[et->ms] : NULL;
    if (strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0) {
        sbf(b, L(lang, LBL_X_PREV_VALUE), x->year - 1);
        qty_f(lang, b, et->goal, tg->unit, false, et->full);
    } else if (ms && (!isnan(ms->goal) || ms->goal_src)) {
        sbf(b, "%s ", opname(ms->op));
        if (ms->goal_src) {
            /* read from the data: the expression and its value on this row */
            sbf(b, "%s = ", ms->goal_src);
            qty_f(lang, b, et->goal, tg->unit, tg->boolean, et->full);
        } else {
            qty_f(lang, b, ms->goal, tg->unit, tg->boolean, et->full);
        }
        tolerance_deadline(lang, b, tg, ms);
        if (tg->nmilestones > 1)
            sbf(b, L(lang, LBL_X_MILESTONE_OF), et->ms + 1, tg->nmilestones);
        if (ms->has_tolerance) {
            /* the goal it is judged by, never in place of the one written */
            double lo, hi;
            strbuf q1 = {0}, q2 = {0};
            ir_goal_band(ms, et->goal, &lo, &hi);
            if (ms->op == IR_EQ) {
                qty_f(lang, &q1, lo, tg->unit, false, et->full);
                qty_f(lang, &q2, hi, tg->unit, false, et->full);
                sbf(b, L(lang, LBL_X_MET_BAND), q1.s, q2.s);
            } else {
                qty_f(lang, &q1, ir_judged_goal(ms, et->goal), tg->unit, false, et->full);
                sbf(b, L(lang, LBL_X_MET_WHEN), opname(ms->op), q1.s);
            }
            free(q1.s);
            free(q2.s);
        }
    } else if (ms) {
        sbf(b, L(lang, LBL_X_PEAK_BY), ms->deadline);
    } else {
        sbf(b, "%s", L(lang, LBL_X_PEAK_NO_BY));
    }
}

/* The "weight" lines: the target's share of its measure, the measure's of
 * its section and the section's of the total. */
static void weight_lines(const ex_row *x, const ir_target *tg, const ex_target *et,
                         const ir_measure *m, FILE *out)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    const char *label = L(lang, LBL_COL_WEIGHT);
    char n1[32], n2[32], n3[32], n4[32], n5[32];
    strbuf b = {0};
    if (!et->counted) {
        char why[160];
        snprintf(why, sizeof why, L(lang, LBL_X_BASELINE_YEAR_UNGRADED), p->baseline);
        sbf(&b, L(lang, LBL_X_NOT_COUNTED), num(lang, tg->weight, n1), m->id,
            tg->weight == 0 ? L(lang, LBL_X_WEIGHT_ZERO)
            : et->status == IR_ST_NA ? lbl_status(lang, IR_ST_NA)
            : x->year <= p->baseline ? why
            : L(lang, LBL_X_LEFT_OUT));
        line(out, label, b.s);
        free(b.s);
        return;
    }
    const ir_section *s = &p->sections[m->section];
    sbf(&b, L(lang, LBL_X_COUNTED), num(lang, tg->weight, n1), num(lang, et->wsum, n2), m->id,
        pct(lang, et->share, n3), num(lang, et->to_measure, n4), num(lang, sv(x, m->score), n5));
    line(out, label, b.s);
    b.len = 0;
    double mw = x->mshare[tg->measure];
    if (m->weight == 0)
        sbf(&b, L(lang, LBL_X_MEASURE_ZERO), m->id, s->id, num(lang, sv(x, s->score), n5));
    else
        sbf(&b, L(lang, LBL_X_MEASURE_SHARE), m->id, num(lang, m->weight, n1),
            num(lang, m->weight / mw, n2), s->id, pct(lang, mw, n3),
            num(lang, et->to_section, n4), num(lang, sv(x, s->score), n5));
    line(out, "", b.s);
    b.len = 0;
    double sw = x->sshare[m->section];
    if (s->weight == 0)
        sbf(&b, L(lang, LBL_X_SECTION_ZERO), s->id, num(lang, sv(x, p->total), n5));
    else if (isnan(sw))
        sbf(&b, L(lang, LBL_X_SECTION_NO_TOTAL), s->id, num(lang, s->weight, n1));
    else
        sbf(&b, L(lang, LBL_X_SECTION_SHARE), s->id, num(lang, s->weight, n1),
            num(lang, s->weight / sw, n2), pct(lang, sw, n3), num(lang, et->to_total, n4),
            num(lang, sv(x, p->total), n5));
    line(out, "", b.s);
    free(b.s);
}

/* The text explanation of one target. */
static void text_target(const ex_row *x, const ex_target *et, FILE *out)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    const ir_target *tg = &p->targets[et->ti];
    const ir_measure *m = tg->measure < p->nmeasures ? &p->measures[tg->measure] : NULL;
    strbuf b = {0};
    char n1[32];

    sbf(&b, L(lang, LBL_X_TARGET), tg->name, lbl_target_kind(lang, tg->kind, tg->boolean),
        tg->veto ? L(lang, LBL_X_HEAD_VETO) : "");
    sbf(&b, "%s ", tg->measured_src ? tg->measured_src : "");
    goals_text(lang, &b, tg, et->full);
    fprintf(out, "%s\n", b.s);
    b.len = 0;
    if (tg->desc)
        line(out, L(lang, LBL_X_TEXT), tg->desc);
    sbf(&b, "%s", tg->clause ? tg->clause : "");
    if (m) {
        sbf(&b, "%s%s%s%s%s · ", b.len ? " · " : "", L(lang, LBL_X_MEASURE), m->id,
            m->title ? " " : "", m->title ? m->title : "");
        lead_text(lang, &b, m);
    }
    if (tg->source)
        sbf(&b, " · %s", tg->source);
    line(out, L(lang, LBL_COL_CLAUSE), b.s);
    b.len = 0;
    if (tg->note)
        line(out, L(lang, LBL_X_NOTE), tg->note);
    if (et->status == IR_ST_NA) {
        line(out, L(lang, LBL_COL_STATUS), et->rule);
        fputc('\n', out);
        free(b.s);
        return;
    }

    for (uint32_t i = 0; i < et->nreads; i++) {
        b.len = 0;
        read_text(x, &et->reads[i], &b, et->full);
        line(out, i ? "" : L(lang, LBL_X_READS), b.s);
    }
    /* a share() of the row's year, then those of other years (a
     * baseline's): what the row reads, as the cells are */
    bool read_listed = et->nreads > 0;
    if (et->share_text) {
        line(out, read_listed ? "" : L(lang, LBL_X_READS), et->share_text);
        read_listed = true;
    }
    for (uint32_t i = 0; i < et->shares.n; i++, read_listed = true)
        line(out, read_listed ? "" : L(lang, LBL_X_READS), et->shares.v[i]);
    for (uint32_t i = 0; i < et->ntables; i++) {
        b.len = 0;
        table_text(x, &p->steps[et->tables[i]], &b, et->full);
        line(out, i ? "" : L(lang, LBL_X_TABLE), b.s);
    }
    list_lines(out, L(lang, LBL_X_PEERS), &et->peers);
    list_lines(out, L(lang, LBL_X_SUMS), &et->sums);
    list_lines(out, L(lang, LBL_X_PEAKS), &et->peaks);
    list_lines(out, L(lang, LBL_X_BELOW), &et->below);
    list_lines(out, L(lang, LBL_X_ABOVE), &et->above);
    b.len = 0;
    sbf(&b, "v = ");
    if (tg->measured_formula)
        sbf(&b, "%s = %s = ", tg->measured_src, tg->measured_formula);
    qty_f(lang, &b, et->v, tg->unit, tg->boolean, et->full);
    line(out, L(lang, LBL_COL_VALUE), b.s);
    if (et->uses_base) {
        b.len = 0;
        sbf(&b, "b = ");
        qty_f(lang, &b, et->base, tg->unit, tg->boolean, et->full);
        sbf(&b, L(lang, tg->y0 != p->baseline ? LBL_X_BASE_YEAR_OWN : LBL_X_BASE_YEAR), tg->y0);
        line(out, L(lang, LBL_X_BASELINE), b.s);
    }
    b.len = 0;
    goal_line(x, tg, et, &b);
    line(out, L(lang, LBL_COL_GOAL), b.s);
    if (et->expected_text)
        line(out, L(lang, LBL_COL_EXPECTED), et->expected_text);
    b.len = 0;
    sbf(&b, "%s — %s", lbl_status(lang, et->status), et->rule);
    line(out, L(lang, LBL_COL_STATUS), b.s);
    b.len = 0;
    if (!isnan(et->score) && strcmp(et->score_kind, "expression") == 0)
        sbf(&b, "%s → %s", et->score_text, num(lang, et->score, n1));
    else
        sbf(&b, "%s", et->score_text);
    line(out, L(lang, LBL_COL_SCORE), b.s);
    if (p->has_assessment && m)
        weight_lines(x, tg, et, m, out);
    if (tg->veto) {
        b.len = 0;
        if (et->veto_broken && !et->veto_fired)
            sbf(&b, L(lang, LBL_X_VETO_BROKEN_BASELINE), p->baseline);
        else if (et->veto_fired)
            sbf(&b, L(lang, LBL_X_VETO_FIRED),
                p->nbands ? p->bands[p->nbands - 1] : L(lang, LBL_X_NONE));
        else
            sbf(&b, L(lang, LBL_X_VETO_NOT_FIRED), lbl_status(lang, et->status));
        line(out, L(lang, LBL_X_VETO), b.s);
    }
    fputc('\n', out);
    free(b.s);
}

/* One line of the roll-up: a measure's or a section's score, weight and
 * share of its parent (NaN: not counted). */
static void rollup_line(const ex_row *x, const char *label, const char *id, const char *title,
                        double score, double weight, double share, const char *parent,
                        FILE *out)
{
    lbl_lang lang = x->lang;
    char n1[32], n2[32], n3[32];
    strbuf b = {0};
    sbf(&b, L(lang, LBL_X_ROLL_ITEM), id, title ? " " : "", title ? title : "",
        num(lang, score, n1), num(lang, weight, n2));
    if (isnan(share))
        sbf(&b, "%s", L(lang, weight == 0 ? LBL_X_ROLL_NOT_COUNTED
                              : isnan(score) ? LBL_X_ROLL_NO_SCORE : LBL_X_ROLL_NO_TOTAL));
    else if (parent)
        sbf(&b, L(lang, LBL_X_ROLL_OF_SECTION), pct(lang, share, n3), parent);
    else
        sbf(&b, L(lang, LBL_X_ROLL_OF_TOTAL), pct(lang, share, n3));
    line(out, label, b.s);
    free(b.s);
}

/* The measures and sections of the row (those of `only` when it is >= 0),
 * the total and the grade. */
static void text_rollup(const ex_row *x, long only, FILE *out)
{
    lbl_lang lang = x->lang;
    const ir_program *p = x->p;
    if (!p->has_assessment)
        return;
    uint32_t om = only >= 0 ? p->targets[only].measure : 0;
    fprintf(out, "%s\n", L(lang, LBL_X_ROLLUP));
    for (uint32_t s = 0; s < p->nsections; s++) {
        if (only >= 0 && p->measures[om].section != s)
            continue;
        const ir_section *sc = &p->sections[s];
        for (uint32_t m = 0; m < p->nmeasures; m++) {
            const ir_measure *ms = &p->measures[m];
            if (ms->section != s || (only >= 0 && m != om))
                continue;
            rollup_line(x, L(lang, LBL_ITEM_MEASURE), ms->id, ms->title, sv(x, ms->score),
                        ms->weight, x->mshare[m], sc->id, out);
        }
        rollup_line(x, L(lang, LBL_ITEM_SECTION), sc->id, sc->title, sv(x, sc->score), sc->weight,
                    x->sshare[s], NULL, out);
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
        sbf(&b, "%s", L(x->lang, LBL_X_NONE));
    return sb_take(&b);
}

/* Sets up the explanation of a row, its texts in lang; false (after
 * saying why) when the program is malformed. */
static bool row_init(ex_row *x, const ir_program *p, const rt_table *t, const rt_result *r,
                     size_t row, lbl_lang lang, FILE *err)
{
    memset(x, 0, sizeof *x);
    x->p = p;
    x->t = t;
    x->r = r;
    x->row = row;
    x->lang = lang;
    x->region = rt_table_region(t, row);
    x->year = rt_table_year(t, row);
    x->slot = eval_row(p, t, r, row);
    if (!x->slot) {
        fputs(msgcat_tr("planc: internal error: the scoring program is malformed\n"), err);
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
                 size_t row, long target, lbl_lang lang, FILE *out, FILE *err)
{
    ex_row x;
    if (!row_init(&x, p, t, r, row, lang, err))
        return -2;
    char n1[32];
    fprintf(out, "%s ", p->regions[x.region].name);
    fprintf(out, L(lang, LBL_YEAR), x.year);
    if (rt_table_line(t, row))
        fprintf(out, L(lang, LBL_X_ROW_LINE), rt_table_row_path(t, row), rt_table_line(t, row));
    else
        fprintf(out, L(lang, LBL_X_ROW_ADDED), rt_table_path(t));
    fprintf(out, L(lang, LBL_X_PLAN), p->plan);
    if (p->has_assessment) {
        double total = sv(&x, p->total);
        bool vetoed = sv(&x, p->veto) == 1;
        char *g = grade_text(&x, total, sv(&x, p->grade), vetoed);
        char *v = vetoes_text(&x);
        line(out, L(lang, LBL_COL_TOTAL), num(lang, total, n1));
        line(out, L(lang, LBL_COL_GRADE), g);
        line(out, L(lang, LBL_COL_VETOES), v);
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

/* A list as a JSON array of strings under `key`, and the strings of
 * `more` (NULL: none) after its own. */
static void list_json(json_writer *w, const char *key, const ex_list *l, const ex_list *more)
{
    json_key(w, key);
    json_begin_array(w);
    for (uint32_t i = 0; i < l->n; i++)
        json_str(w, l->v[i]);
    for (uint32_t i = 0; more && i < more->n; i++)
        json_str(w, more->v[i]);
    json_end_array(w);
}

/* The JSON explanation of one target. */
static void json_target(json_writer *w, const ex_row *x, const ex_target *et)
{
    const ir_program *p = x->p;
    const ir_target *tg = &p->targets[et->ti];
    const ir_measure *m = tg->measure < p->nmeasures ? &p->measures[tg->measure] : NULL;
    json_begin_object(w);
    json_key_str(w, "target", tg->name);
    json_key_str(w, "text", tg->desc);
    json_key_str(w, "kind", tg->kind);
    json_key_bool(w, "redline", tg->redline);
    json_key_str(w, "unit", tg->unit);
    json_key_str(w, "clause", tg->clause);
    json_key_str(w, "measure", m ? m->id : NULL);
    json_key_str(w, "measure_title", m ? m->title : NULL);
    json_key(w, "lead");
    if (m)
        report_json_lead(w, m);
    else
        json_null(w);
    json_key_bool(w, "shared", m && m->shared);
    json_key_str(w, "source", tg->source);
    json_key_str(w, "note", tg->note);
    json_key_str(w, "measured", tg->measured_src);
    json_key_str(w, "formula", tg->measured_formula);
    json_key(w, "reads");
    json_begin_array(w);
    for (uint32_t i = 0; i < et->nreads; i++) {
        const ex_read *rd = &et->reads[i];
        const ir_column *c = &p->columns[rd->column];
        json_begin_record(w);
        json_key_str(w, "role", rd->role);
        json_key(w, "column");
        char *col = header_name(c, rd->year);
        json_str(w, col);
        free(col);
        json_key_str(w, "aggregate", c->agg_text);
        json_key(w, "map");
        if (c->map) {
            json_begin_object(w);
            json_key_str(w, "name", c->map->name);
            json_key(w, "texts");
            json_begin_array(w);
            if (map_cell(c, rd))
                json_str(w, map_cell(c, rd));
            json_end_array(w);
            json_end_object(w);
        } else {
            json_null(w);
        }
        json_key_int(w, "records", rd->in_data ? (long)rd->records : 0);
        json_key(w, "values");
        if (c->agg_text && rd->in_data)
            json_int(w, rd->values);
        else
            json_null(w);
        json_key_str(w, "indicator", c->indicator);
        json_key_str(w, "region", p->regions[x->region].name);
        json_key_int(w, "year", rd->year);
        json_key_bool(w, "in_data", rd->in_data);
        /* the data line of the cell's row, so that every cell read can be
         * cited as FILE:LINE and its column (the first record's line for
         * a row an aggregate combined) */
        json_key(w, "line");
        long at = rd->in_data ? rt_table_find(x->t, x->region, rd->year) : -1;
        if (at >= 0 && rt_table_line(x->t, (size_t)at))
            json_int(w, (long)rt_table_line(x->t, (size_t)at));
        else
            json_null(w);
        json_key_num(w, "cell", rd->cell);
        json_key_str(w, "column_unit", c->unit);
        json_key_str(w, "unit", c->indicator_unit);
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
        json_key_num(w, "value", rd->value);
        /* of several data files only: where the cell came from */
        rt_cell_source cs;
        long row = rt_table_find(x->t, x->region, rd->year);
        if (row >= 0 && rt_table_cell_source(x->t, rd->column, (size_t)row, &cs)) {
            json_key(w, "from");
            json_begin_object(w);
            json_key_str(w, "data", cs.path);
            json_key_int(w, "line", cs.line);
            json_key_str(w, "column", cs.column);
            json_key_str(w, "column_unit", cs.unit);
            json_key(w, "cell");
            if (cs.column)
                json_num(w, cs.cell);
            else
                json_null(w);
            json_key_str(w, "plan", cs.plan);
            json_end_object(w);
        }
        json_end_object(w);
    }
    json_end_array(w);
    json_key(w, "tables");
    json_begin_array(w);
    for (uint32_t i = 0; i < et->ntables; i++) {
        const ir_step *st = &p->steps[et->tables[i]];
        const ir_input *in = &p->inputs[st->aux];
        json_begin_record(w);
        json_key_str(w, "indicator", in->indicator);
        json_key_str(w, "region", p->regions[x->region].name);
        /* the year read, for a table whose rows give years (null: the
         * table holds in every year) */
        json_key(w, "year");
        if (in->nyears)
            json_int(w, table_year(x, in));
        else
            json_null(w);
        const char *note;
        double v = ir_table_value(in, x->region, table_year(x, in), &note);
        json_key(w, "value");
        if (st->type == IR_BOOL && !isnan(v))
            json_bool(w, v != 0);
        else
            json_num(w, v);
        json_key_str(w, "unit", in->unit);
        json_key_str(w, "note", note);
        /* the row that gives it: null (the region's own), the region's
         * level (its row, `city = 40`), "else", or "set" for the value
         * `--set` gave every region (a row of its own kind, not the
         * rules' else row) */
        ir_valfrom from = isnan(v) ? IR_VAL_OWN : ir_table_from(in, x->region, table_year(x, in));
        json_key(w, "from");
        json_str(w, in->set                 ? "set"
                    : from == IR_VAL_LEVEL ? p->levels[p->regions[x->region].level]
                    : from == IR_VAL_ELSE  ? "else"
                                           : NULL);
        json_end_object(w);
    }
    json_end_array(w);
    json_key_str(w, "share", et->share_text);
    list_json(w, "peers", &et->peers, NULL);
    list_json(w, "sums", &et->sums, NULL);
    list_json(w, "peaks", &et->peaks, NULL);
    /* the shares of other years too, as before they were listed apart */
    list_json(w, "below", &et->below, &et->shares);
    list_json(w, "above", &et->above, NULL);
    json_key_num(w, "value", et->v);
    json_key(w, "baseline");
    if (et->uses_base) {
        json_begin_record(w);
        json_key_int(w, "year", tg->y0);
        json_key_num(w, "value", et->base);
        json_end_object(w);
    } else {
        json_null(w);
    }
    json_key(w, "milestones");
    json_begin_array(w);
    for (uint32_t i = 0; i < tg->nmilestones; i++) {
        const ir_milestone *ms = &tg->milestones[i];
        json_begin_record(w);
        json_key_str(w, "op", isnan(ms->goal) && !ms->goal_src ? NULL : opname(ms->op));
        json_key_num(w, "goal", ms->goal);
        json_key_str(w, "goal_from", ms->goal_src);
        json_key_num(w, "tolerance", ir_tolerance(ms));
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
    json_key_num(w, "goal", et->goal);
    json_key_num(w, "tolerance", et->ms >= 0 ? ir_tolerance(&tg->milestones[et->ms]) : NAN);
    json_key_num(w, "deadline", et->deadline);
    json_key(w, "expected");
    json_begin_object(w);
    json_key_num(w, "value", et->expected);
    json_key_num(w, "start_year", et->ystart);
    json_key_num(w, "start_value", et->bstart);
    json_key_str(w, "formula", et->expected_text);
    json_end_object(w);
    json_key_str(w, "status", ir_statusname(et->status));
    json_key(w, "rule");
    json_begin_object(w);
    json_key_str(w, "branch", et->branch);
    json_key_str(w, "text", et->rule);
    json_end_object(w);
    json_key(w, "score");
    json_begin_object(w);
    json_key_num(w, "value", et->score);
    json_key_str(w, "rule", et->score_kind);
    json_key_str(w, "expression", tg->score_src);
    json_key_num(w, "default", et->dscore);
    json_key_str(w, "formula", et->score_text);
    json_end_object(w);
    json_key(w, "weight");
    json_begin_object(w);
    json_key_num(w, "weight", tg->weight);
    json_key_bool(w, "counted", et->counted);
    json_key_num(w, "share_of_measure", et->share);
    json_key_num(w, "to_measure", et->to_measure);
    json_key_num(w, "to_section", et->to_section);
    json_key_num(w, "to_total", et->to_total);
    json_end_object(w);
    json_key(w, "veto");
    json_begin_record(w);
    json_key_bool(w, "veto", tg->veto);
    json_key_bool(w, "broken", et->veto_broken);
    json_key_bool(w, "fired", et->veto_fired);
    json_end_object(w);
    json_end_object(w);
}

int explain_json(const ir_program *p, const rt_table *t, const rt_result *r,
                 size_t row, long target, const report_source *src, FILE *out, FILE *err)
{
    ex_row x;
    if (!row_init(&x, p, t, r, row, LBL_EN, err))
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
    json_str(&w, rt_table_row_path(t, row));
    json_key(&w, "line");
    if (rt_table_line(t, row))
        json_int(&w, rt_table_line(t, row));
    else
        json_null(&w);
    /* what was explained, by hash: an explanation cited in an audit is
     * tied to the run whose workbook or history gives the same */
    if (src)
        report_json_source(&w, p, t, src);
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
