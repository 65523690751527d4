/* ir.c — building and printing the scoring program (see ir.h). */
#include "ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "csv.h"
#include "msgcat.h"

/* Op names as printed by --dump-ir, indexed by ir_op. */
static const char *const opnames[IR_NOPS] = {
    [IR_CONST] = "const", [IR_INPUT] = "input",
    [IR_NEG] = "neg", [IR_ABS] = "abs", [IR_NOT] = "not", [IR_ISNA] = "isna",
    [IR_ADD] = "add", [IR_SUB] = "sub", [IR_MUL] = "mul", [IR_DIV] = "div",
    [IR_MIN] = "min", [IR_MAX] = "max",
    [IR_LT] = "lt", [IR_LE] = "le", [IR_GT] = "gt", [IR_GE] = "ge",
    [IR_EQ] = "eq", [IR_NE] = "ne", [IR_AND] = "and", [IR_OR] = "or",
    [IR_SELECT] = "select", [IR_COALESCE] = "coalesce",
    [IR_PEAK] = "peak", [IR_SHARE] = "share", [IR_PEER] = "peer", [IR_CUMSUM] = "cumsum", [IR_CUMMAX] = "cummax",
    [IR_DEC15] = "dec15", [IR_SHIFT] = "shift", [IR_PARENT] = "parent",
};

/* v OP g as the IR computes it (IR_LT .. IR_NE): NaN when either is
 * missing, else 1 or 0. */
double ir_compare(ir_op op, double v, double g)
{
    if (isnan(v) || isnan(g))
        return NAN;
    switch (op) {
    case IR_LT: return v < g;
    case IR_LE: return v <= g;
    case IR_GT: return v > g;
    case IR_GE: return v >= g;
    case IR_EQ: return v == g;
    case IR_NE: return v != g;
    default: return NAN;
    }
}

int ir_loosen_sign(const ir_milestone *m)
{
    if (!m->has_tolerance)
        return 0;
    switch (m->op) {
    case IR_GE: case IR_GT: return -1;
    case IR_LE: case IR_LT: return 1;
    case IR_EQ: return m->track > 0 ? -1 : m->track < 0 ? 1 : 0;
    default: return 0;
    }
}

double ir_decimal15(double x)
{
    char buf[40];
    if (!isfinite(x))
        return x;
    snprintf(buf, sizeof buf, "%.15g", x);
    return strtod(buf, NULL);
}

void ir_goal_band(const ir_milestone *m, double goal, double *lo, double *hi)
{
    double t = m->has_tolerance ? m->tolerance : 0;
    *lo = goal - t;
    *hi = goal + t;
    if (t != 0) {
        *lo = ir_decimal15(*lo);
        *hi = ir_decimal15(*hi);
    }
}

double ir_tolerance(const ir_milestone *m)
{
    return m->has_tolerance ? m->tolerance : NAN;
}

double ir_judged_goal(const ir_milestone *m, double goal)
{
    int sign = ir_loosen_sign(m);
    double lo, hi;
    if (sign == 0)
        return goal;
    ir_goal_band(m, goal, &lo, &hi);
    return sign < 0 ? lo : hi;
}

double ir_meets(const ir_milestone *m, double v, double g)
{
    if (m->op == IR_EQ && m->has_tolerance) {
        if (isnan(v) || isnan(g))
            return NAN;
        double lo, hi;
        ir_goal_band(m, g, &lo, &hi);
        return lo <= v && v <= hi;
    }
    return ir_compare(m->op, v, ir_judged_goal(m, g));
}

long ir_current_milestone(const ir_target *tg, int year)
{
    if (tg->nmilestones == 0)
        return -1;
    for (uint32_t i = 0; i < tg->nmilestones; i++)
        if (tg->milestones[i].deadline == 0 || year <= tg->milestones[i].deadline)
            return (long)i;
    return (long)tg->nmilestones - 1;
}

int ir_first_judged_year(const ir_target *tg)
{
    bool every_year = strcmp(tg->kind, "falls") != 0 && strcmp(tg->kind, "rises") != 0 &&
                      strcmp(tg->kind, "peaks") != 0 && tg->nmilestones == 1 &&
                      tg->milestones[0].deadline == 0;
    return every_year ? tg->y0 : tg->y0 + 1;
}

bool ir_target_in_scope(const ir_target *tg, uint32_t r)
{
    if (!tg->scoped)
        return true;
    uint32_t lo = 0, hi = tg->nscope;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (tg->scope[mid] == r)
            return true;
        if (tg->scope[mid] < r)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

bool ir_target_counts(const ir_program *p, uint32_t ti)
{
    const ir_target *t = &p->targets[ti];
    if (t->measure >= p->nmeasures)
        return false;
    const ir_measure *m = &p->measures[t->measure];
    return t->veto || (t->weight != 0 && m->weight != 0 && p->sections[m->section].weight != 0);
}

bool ir_target_reads_own(const ir_program *p, uint32_t ti, uint32_t *column)
{
    if (ti >= p->ntargets || p->nsteps == 0)
        return false;
    bool *seen = calloc(p->nsteps, sizeof *seen);
    uint32_t *stack = malloc(p->nsteps * sizeof *stack);
    if (!seen || !stack) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    size_t top = 0;
    bool found = false;
    uint32_t root = p->targets[ti].status;
    if (root < p->nsteps) {
        stack[top++] = root;
        seen[root] = true;
    }
    while (top && !found) {
        const ir_step *s = &p->steps[stack[--top]];
        if (s->op == IR_INPUT) {
            const ir_input *in = &p->inputs[s->aux];
            if (in->kind == IR_IN_DATA && !in->shift.absolute && in->shift.rel == 0) {
                found = true;
                if (column)
                    *column = in->column;
            }
            continue;
        }
        /* other regions' rows, or another year: not the row's own data */
        if (s->op == IR_SHARE || s->op == IR_PEER || s->op == IR_SHIFT || s->op == IR_PARENT ||
            ((s->op == IR_CUMSUM || s->op == IR_CUMMAX) && s->imm != 0))
            continue;
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int k = 0; k < ir_arity(s->op); k++)
            if (ops[k] < p->nsteps && !seen[ops[k]]) {
                seen[ops[k]] = true;
                stack[top++] = ops[k];
            }
    }
    free(seen);
    free(stack);
    return found;
}

/* Makes room for one more element in the arena array *v of n elements of
 * `size` bytes and capacity *cap, doubling it (from `first`) when full. */
static void grow(arena *a, void **v, uint32_t n, uint32_t *cap, size_t size, uint32_t first)
{
    if (n < *cap)
        return;
    uint32_t c = *cap ? *cap * 2 : first;
    void *w = arena_alloc(a, c * size);
    if (n)
        memcpy(w, *v, n * size);
    arena_release(a, *v, *cap * size);
    *v = w;
    *cap = c;
}

/* Appends one step, growing the step array in the arena; returns its slot. */
uint32_t ir_emit(arena *a, ir_program *p, ir_op op, ir_type t,
                 uint32_t x, uint32_t y, uint32_t z, double imm, uint32_t aux)
{
    void *v = p->steps;
    grow(a, &v, p->nsteps, &p->capsteps, sizeof *p->steps, 64);
    p->steps = v;
    p->steps[p->nsteps] = (ir_step){.op = op, .type = t, .a = x, .b = y, .c = z, .imm = imm, .aux = aux};
    return p->nsteps++;
}

void ir_label_step(arena *a, ir_program *p, uint32_t step, const char *text)
{
    void *v = p->labels;
    grow(a, &v, p->nlabels, &p->caplabels, sizeof *p->labels, 16);
    p->labels = v;
    p->labels[p->nlabels++] = (ir_label){.step = step, .text = text};
}

const char *ir_label_of(const ir_program *p, uint32_t step)
{
    for (uint32_t i = 0; i < p->nlabels; i++)
        if (p->labels[i].step == step)
            return p->labels[i].text;
    return NULL;
}

uint32_t ir_const(arena *a, ir_program *p, ir_type t, double v)
{
    return ir_emit(a, p, IR_CONST, t, 0, 0, 0, v, 0);
}

const char *ir_opname(ir_op op)
{
    return (unsigned)op < IR_NOPS ? opnames[op] : "?";
}

const char *ir_peername(uint32_t kind)
{
    switch (kind) {
    case IR_PEER_LOWEST: return "lowest";
    case IR_PEER_HIGHEST: return "highest";
    case IR_PEER_AVERAGE: return "average";
    }
    return "?";
}

const char *ir_sharename(double kind)
{
    static const char *const names[] = {
        [IR_SHARE_PERCENT] = "share", [IR_SHARE_TOTAL] = "total", [IR_SHARE_LOWEST] = "lowest",
        [IR_SHARE_HIGHEST] = "highest", [IR_SHARE_AVERAGE] = "average",
    };
    return kind >= 0 && kind <= IR_SHARE_AVERAGE && kind == (int)kind ? names[(int)kind] : "?";
}

uint32_t ir_year_run_after(const uint32_t *start, const ir_yearrun *runs, uint32_t r, long year)
{
    uint32_t lo = start[r], hi = start[r + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (runs[mid].from <= year)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const ir_yearrun *ir_year_run(const uint32_t *start, const ir_yearrun *runs, uint32_t r, long year)
{
    if (!start)
        return NULL;
    /* the run before the first from a year > year */
    uint32_t lo = ir_year_run_after(start, runs, r, year);
    return lo > start[r] && year <= runs[lo - 1].to ? &runs[lo - 1] : NULL;
}

const ir_yearrun *ir_values_run(const uint32_t *own_start, const ir_yearrun *own_runs, bool own_given,
                                const ir_valshared *sh, uint32_t r, long year, ir_valfrom *from)
{
    const ir_yearrun *run = ir_year_run(own_start, own_runs, r, year);
    if (from)
        *from = IR_VAL_OWN;
    if ((run && !isnan(run->value)) || !sh)
        return run && !isnan(run->value) ? run : NULL;
    if (own_given)
        return NULL;
    /* then the region's level's rows, then the else rows: a row with
     * `in` that year, unless the row without `in` comes first */
    const uint32_t slots[2] = {sh->slot[r], sh->nslots - 1};
    for (int q = 0; q < 2; q++) {
        run = ir_year_run(sh->run_start, sh->runs, slots[q], year);
        if (run && !isnan(run->value)) {
            if (from)
                *from = q ? IR_VAL_ELSE : IR_VAL_LEVEL;
            return run;
        }
        if (!isnan(sh->values[slots[q]]))
            return NULL;
    }
    return NULL;
}

/* Whether region r has a row of its own without `in` in table in. */
static bool table_own_given(const ir_input *in, uint32_t r)
{
    return !in->shared || (in->shared->from[r] == IR_VAL_OWN && !isnan(in->values[r]));
}

const ir_yearrun *ir_table_run(const ir_input *in, uint32_t region, long year)
{
    if (!in->nyears)
        return NULL;
    return ir_values_run(in->run_start, in->runs, table_own_given(in, region), in->shared, region, year, NULL);
}

/* The first year of from..to that none of region r's runs (start, runs:
 * ir_year_run's; start NULL: none) with a value covers; to + 1 when they
 * cover every one.  Jumps run by run: the cost is the runs, not the
 * years. */
static long first_uncovered(const uint32_t *start, const ir_yearrun *runs, uint32_t r, long from, long to)
{
    long y = from;
    const ir_yearrun *run;
    while (y <= to && (run = ir_year_run(start, runs, r, y)) && !isnan(run->value))
        y = run->to + 1;
    return y;
}

bool ir_values_takes(const uint32_t *own_start, const ir_yearrun *own_runs, bool own_given,
                     const ir_valshared *sh, uint32_t r, uint32_t s, const ir_yearrun *run)
{
    if (!sh || isnan(run->value) || own_given)
        return false;
    bool is_else = s == sh->nslots - 1;
    if (!is_else && sh->slot[r] != s)
        return false;
    /* a level's every-year row comes before the else row's years */
    bool via_level = is_else && sh->slot[r] != s;
    if (via_level && !isnan(sh->values[sh->slot[r]]))
        return false;
    /* a year of the run that neither the region's own runs nor (for the
     * else row) its level's runs give */
    for (long y = run->from; y <= run->to;) {
        long own = first_uncovered(own_start, own_runs, r, y, run->to);
        long lvl = via_level ? first_uncovered(sh->run_start, sh->runs, sh->slot[r], own, run->to) : own;
        if (lvl > run->to)
            return false;
        if (lvl == own)
            return true;
        y = lvl;
    }
    return false;
}

bool ir_table_shared_taken(const ir_input *in, uint32_t nregions, uint32_t s, const ir_yearrun *run)
{
    if (!in->shared || !in->nyears)
        return false;
    for (uint32_t r = 0; r < nregions; r++)
        if (ir_values_takes(in->run_start, in->runs, table_own_given(in, r), in->shared, r, s, run))
            return true;
    return false;
}

double ir_table_value(const ir_input *in, uint32_t region, long year, const char **note)
{
    const ir_yearrun *run = ir_table_run(in, region, year);
    if (run) {
        if (note)
            *note = run->note;
        return run->value;
    }
    if (note)
        *note = in->notes ? in->notes[region] : NULL;
    return in->values[region];
}

void ir_reads_init(ir_reads *r, struct arena *a, const ir_program *p)
{
    r->stamp = arena_alloc(a, (p->nsteps + 1) * sizeof *r->stamp);
    r->stack = arena_alloc(a, (p->nsteps + 1) * sizeof *r->stack);
    r->cols = arena_alloc(a, (p->ncolumns + 1) * sizeof *r->cols);
    r->seen = arena_alloc(a, p->ncolumns + 1);
    memset(r->stamp, 0, (p->nsteps + 1) * sizeof *r->stamp);
    memset(r->seen, 0, p->ncolumns + 1);
    r->walk = 0;
}

/* Orders uint32_t values ascending, for qsort. */
static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

uint32_t ir_columns_read(ir_reads *r, const ir_program *p, const uint32_t *roots, uint32_t n)
{
    uint32_t w = ++r->walk, sp = 0, nc = 0;
    for (uint32_t k = 0; k < n; k++)
        if (roots[k] < p->nsteps && r->stamp[roots[k]] != w) {
            r->stamp[roots[k]] = w;
            r->stack[sp++] = roots[k];
        }
    while (sp > 0) {
        const ir_step *s = &p->steps[r->stack[--sp]];
        if (s->op == IR_INPUT) {
            const ir_input *in = &p->inputs[s->aux];
            if (in->kind == IR_IN_DATA && !r->seen[in->column]) {
                r->seen[in->column] = 1;
                r->cols[nc++] = in->column;
            }
            continue;
        }
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int j = 0; j < ir_arity(s->op); j++)
            if (r->stamp[ops[j]] != w) {
                r->stamp[ops[j]] = w;
                r->stack[sp++] = ops[j];
            }
    }
    /* ascending, and the seen marks reset: the walk's own columns, not
     * every column of the program (that was quadratic: a column per few
     * targets) */
    qsort(r->cols, nc, sizeof *r->cols, cmp_u32);
    for (uint32_t c = 0; c < nc; c++)
        r->seen[r->cols[c]] = 0;
    return nc;
}

ir_valfrom ir_table_from(const ir_input *in, uint32_t region, long year)
{
    if (!in->shared)
        return IR_VAL_OWN;
    ir_valfrom from = IR_VAL_OWN;
    if (in->nyears && ir_values_run(in->run_start, in->runs, table_own_given(in, region), in->shared,
                                    region, year, &from))
        return from;
    return (ir_valfrom)in->shared->from[region];
}

const char *ir_statusname(int st)
{
    switch (st) {
    case IR_ST_NA: return "not_applicable";
    case IR_ST_MISSING: return "missing";
    case IR_ST_FAILED: return "failed";
    case IR_ST_LAGGING: return "lagging";
    case IR_ST_ON_TRACK: return "on_track";
    case IR_ST_MET: return "met";
    }
    return "?";
}

const char *ir_typename(ir_type t)
{
    switch (t) {
    case IR_NUM: return "num";
    case IR_BOOL: return "bool";
    case IR_STATUS: return "status";
    case IR_GRADE: return "grade";
    }
    return "?";
}

int ir_arity(ir_op op)
{
    switch (op) {
    case IR_CONST: case IR_INPUT: return 0;
    case IR_NEG: case IR_ABS: case IR_NOT: case IR_ISNA: case IR_DEC15:
    case IR_PEAK: case IR_SHARE: case IR_PEER: case IR_CUMSUM: case IR_CUMMAX: case IR_SHIFT:
    case IR_PARENT:
        return 1;
    case IR_SELECT: return 3;
    default: return 2;
    }
}

int32_t ir_region_above(const ir_program *p, uint32_t r, uint32_t up)
{
    int32_t q = p->regions[r].parent;
    /* at most nregions steps: a chain of parents has no cycle (sema), and
     * a program from elsewhere is not trusted to have none */
    for (uint32_t hops = 0; up != IR_PARENT_UP && q >= 0 && p->regions[q].level != up && hops < p->nregions;
         hops++)
        q = p->regions[q].parent;
    return q;
}

bool ir_is_barrier(ir_op op)
{
    return op == IR_PEAK || op == IR_SHARE || op == IR_PEER || op == IR_CUMSUM || op == IR_CUMMAX ||
           op == IR_SHIFT || op == IR_PARENT;
}

/* Prints a list of strings as "a, b, c". */
static void dump_list(FILE *out, const char *const *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        fprintf(out, "%s%s", i ? ", " : "", v[i]);
}

const char *ir_string_escape(char c)
{
    return c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t" : NULL;
}

/* Prints s in quotes, as a rules file writes the string. */
static void dump_quoted(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        const char *esc = ir_string_escape(*s);
        if (esc)
            fputs(esc, out);
        else
            fputc(*s, out);
    }
    fputc('"', out);
}

/* Prints a shift as the source would say it. */
static void dump_shift(FILE *out, ir_shift s)
{
    if (s.absolute)
        fprintf(out, " at %d", s.year);
    else if (s.rel)
        fprintf(out, " at year%+d", s.rel);
}

void ir_dump(const ir_program *p, FILE *out)
{
    fprintf(out, "program %s baseline %d horizon %d keys %s, %s\n",
            p->plan ? p->plan : "?", p->baseline, p->horizon,
            p->region_key, p->year_key);
    fprintf(out, "levels: ");
    /* each with its text, as the rules write it (`city "市州"`) */
    for (uint32_t i = 0; i < p->nlevels; i++) {
        fprintf(out, "%s%s", i ? ", " : "", p->levels[i]);
        if (p->level_texts && p->level_texts[i]) {
            fputc(' ', out);
            dump_quoted(out, p->level_texts[i]);
        }
    }
    fprintf(out, "\nregions:\n");
    for (uint32_t i = 0; i < p->nregions; i++) {
        const ir_region *r = &p->regions[i];
        fprintf(out, "  r%u %s : %s", i, r->name,
                r->level < p->nlevels ? p->levels[r->level] : "?");
        if (r->parent >= 0)
            fprintf(out, " in r%d", r->parent);
        if (r->is_group) {
            fprintf(out, " of");
            for (uint32_t k = 0; k < r->nmembers; k++)
                fprintf(out, " r%u", r->members[k]);
        }
        fprintf(out, "\n");
    }
    if (p->nscopes)
        fprintf(out, "scopes:\n");
    for (uint32_t i = 0; i < p->nscopes; i++) {
        fprintf(out, "  s%u = {", i);
        for (uint32_t j = 0; j < p->scopes[i].n; j++)
            fprintf(out, "%sr%u", j ? " " : "", p->scopes[i].regions[j]);
        fprintf(out, "}\n");
    }
    fprintf(out, "columns:\n");
    for (uint32_t i = 0; i < p->ncolumns; i++)
        fprintf(out, "  c%u \"%s\"%s%s%s%s %s (%s)\n", i, p->columns[i].name,
                p->columns[i].map ? " as " : "", p->columns[i].map ? p->columns[i].map->name : "",
                p->columns[i].agg_text ? " " : "", p->columns[i].agg_text ? p->columns[i].agg_text : "",
                p->columns[i].type == IR_COL_BOOL ? "bool" : "num",
                p->columns[i].indicator ? p->columns[i].indicator : "");
    fprintf(out, "inputs:\n");
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        fprintf(out, "  in%u = ", i);
        switch (in->kind) {
        case IR_IN_DATA:
            fprintf(out, "c%u", in->column);
            dump_shift(out, in->shift);
            if (in->scale != 1.0)
                fprintf(out, " * %.17g", in->scale);
            break;
        case IR_IN_YEAR: fprintf(out, "year"); break;
        case IR_IN_SCOPE: fprintf(out, "in s%u", in->scope); break;
        case IR_IN_PRESENT: fprintf(out, "present"); break;
        case IR_IN_TABLE:
            fprintf(out, "table");
            if (in->nyears) {
                fprintf(out, " %d..%d", in->year0, in->year0 + (int)in->nyears - 1);
                dump_shift(out, in->shift);
            }
            break;
        }
        fprintf(out, "\n");
    }
    fprintf(out, "steps:\n");
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        fprintf(out, "  %%%u %s = %s", i, ir_typename(s->type), ir_opname(s->op));
        switch (s->op) {
        case IR_CONST: fprintf(out, " %.17g", s->imm); break;
        case IR_INPUT: fprintf(out, " in%u", s->aux); break;
        case IR_PEAK: fprintf(out, " %%%u from %u tolerance %.17g", s->a, s->aux, s->imm); break;
        case IR_SHARE: fprintf(out, " %%%u level %s%s%s", s->a,
                               s->aux < p->nlevels ? p->levels[s->aux] : "?",
                               s->imm != IR_SHARE_PERCENT ? " " : "",
                               s->imm != IR_SHARE_PERCENT ? ir_sharename(s->imm) : ""); break;
        case IR_PEER: fprintf(out, " %%%u %s", s->a, ir_peername(s->aux)); break;
        case IR_CUMSUM: case IR_CUMMAX: fprintf(out, " %%%u from %u %s %.17g", s->a, s->aux,
                                s->imm >= 1 ? "in" : "shift", s->imm); break;
        case IR_SHIFT: fprintf(out, " %%%u %s %.17g", s->a, s->imm >= 1 ? "in" : "by", s->imm); break;
        case IR_PARENT: fprintf(out, " %%%u %s%s", s->a, s->aux == IR_PARENT_UP ? "up" : "level ",
                                s->aux == IR_PARENT_UP ? "" : s->aux < p->nlevels ? p->levels[s->aux] : "?"); break;
        default: {
            int n = ir_arity(s->op);
            const uint32_t ops[3] = {s->a, s->b, s->c};
            for (int k = 0; k < n; k++)
                fprintf(out, "%s%%%u", k ? ", " : " ", ops[k]);
        }
        }
        fprintf(out, "\n");
    }
    fprintf(out, "outputs:\n");
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *t = &p->targets[i];
        fprintf(out, "  target %s %s [%s] weight %g%s: status %%%u value %%%u goal %%%u expected %%%u score %%%u\n",
                t->name, t->clause ? t->clause : "", t->kind, t->weight,
                t->veto ? " veto" : "", t->status, t->value, t->goal,
                t->expected, t->score);
        /* the goals a tolerance loosens (the steps hold the loosened ones) */
        for (uint32_t k = 0; k < t->nmilestones; k++) {
            const ir_milestone *m = &t->milestones[k];
            if (!m->has_tolerance)
                continue;
            fprintf(out, "    milestone %u: %s ", k, ir_opname(m->op));
            if (m->goal_src)
                fprintf(out, "%s", m->goal_src);
            else
                fprintf(out, "%.17g", m->goal);
            fprintf(out, " tolerance %.17g", m->tolerance);
            if (m->deadline)
                fprintf(out, " by %d", m->deadline);
            fprintf(out, "\n");
        }
    }
    for (uint32_t i = 0; i < p->nmeasures; i++) {
        const ir_measure *m = &p->measures[i];
        fprintf(out, "  measure %s %s weight %g: score %%%u lead ", m->id,
                m->title ? m->title : "", m->weight, m->score);
        if (m->shared)
            fprintf(out, "(shared) ");
        dump_list(out, m->lead, m->nlead);
        fprintf(out, "\n");
    }
    for (uint32_t i = 0; i < p->nsections; i++)
        fprintf(out, "  section %s %s weight %g: score %%%u\n", p->sections[i].id,
                p->sections[i].title ? p->sections[i].title : "",
                p->sections[i].weight, p->sections[i].score);
    if (p->has_assessment) {
        static const char *const mp[] = {"none", "zero", "reweight", "error"};
        fprintf(out, "  assessment %s missing %s: total %%%u veto %%%u grade %%%u bands ",
                p->assessment ? p->assessment : "", mp[p->missing],
                p->total, p->veto, p->grade);
        dump_list(out, p->bands, p->nbands);
        fprintf(out, "\n");
    }
}

/* ---- copying ---- */

/* n elements of `size` bytes at v, copied into the arena (NULL for none). */
static void *dup_array(arena *a, const void *v, size_t n, size_t size)
{
    if (!v || n == 0)
        return NULL;
    void *c = arena_alloc(a, n * size);
    memcpy(c, v, n * size);
    return c;
}

/* A string copied into the arena (NULL stays NULL). */
static const char *dup_str(arena *a, const char *s)
{
    return s ? dup_array(a, s, strlen(s) + 1, 1) : NULL;
}

/* n strings and the array holding them, copied. */
static const char **dup_strs(arena *a, const char *const *v, size_t n)
{
    const char **c = dup_array(a, v, n, sizeof *v);
    for (size_t i = 0; c && i < n; i++)
        c[i] = dup_str(a, v[i]);
    return c;
}

/* A text map copied into the arena. */
static const ir_textmap *copy_map(arena *a, const ir_textmap *m)
{
    ir_textmap *c = arena_alloc(a, sizeof *c);
    *c = *m;
    c->name = dup_str(a, m->name);
    c->texts = dup_strs(a, m->texts, m->n);
    c->lens = dup_array(a, m->lens, m->n, sizeof *m->lens);
    c->values = dup_array(a, m->values, m->n, sizeof *m->values);
    c->sorted = dup_array(a, m->sorted, m->n, sizeof *m->sorted);
    return c;
}

/* Whether the NUL-terminated s is the n bytes at name. */
static bool same_name(const char *s, const char *name, size_t n)
{
    return strncmp(s, name, n) == 0 && s[n] == '\0';
}

int ir_region_fate(const ir_program *p, const char *name, size_t n, const char **renamed,
                   const char **dropped, const char **dropped_at, const char **alias_of)
{
    const char *cur = NULL; /* the name a rename gave it, if any */
    *alias_of = NULL;
    for (uint32_t k = 0; k < p->nregion_aliases; k++)
        if (same_name(p->region_alias[k], name, n)) {
            cur = *alias_of = p->region_alias_of[k];
            break;
        }
    for (uint32_t k = 0; k < p->nregion_renames; k++)
        if (cur ? strcmp(cur, p->region_from[k]) == 0 : same_name(p->region_from[k], name, n))
            cur = p->region_to[k];
    for (uint32_t k = p->nregion_drops; k-- > 0;)
        if (cur ? strcmp(cur, p->region_dropped[k]) == 0 : same_name(p->region_dropped[k], name, n)) {
            *dropped = p->region_dropped[k];
            *dropped_at = p->region_dropped_at[k];
            return 2;
        }
    if (!cur || cur == *alias_of)
        return 0; /* (an alias's region neither renamed nor dropped: none is so) */
    *renamed = cur;
    return 1;
}

void ir_region_drop_note(FILE *f, lbl_lang lang, const char *name, size_t n, const char *dropped,
                         const char *dropped_at, const char *alias_of)
{
    if (alias_of && strcmp(alias_of, dropped) == 0)
        csv_message(f, lbl_get(lang, LBL_R_ALIAS_DROPPED), (int)n, name, dropped, dropped_at);
    else if (alias_of)
        csv_message(f, lbl_get(lang, LBL_R_ALIAS_RENAMED_DROPPED), (int)n, name, alias_of, dropped, dropped_at);
    else if (!same_name(dropped, name, n))
        csv_message(f, lbl_get(lang, LBL_R_RENAMED_DROPPED), dropped, dropped_at);
    else
        csv_message(f, lbl_get(lang, LBL_R_DROPPED), dropped_at);
}

/* (ir.h) A level's text, else the built-in word for its identifier. */
const char *ir_level_word(const ir_program *p, uint32_t l, lbl_lang lang)
{
    if (!p || l >= p->nlevels)
        return "";
    if (p->level_texts && p->level_texts[l])
        return p->level_texts[l];
    return lbl_level(lang, p->levels[l]);
}

/* (ir.h) A linear search: the rules know tens of units, and it runs once
 * per column with a malformed cell. */
const ir_unit *ir_unit_find(const ir_program *p, const char *name, size_t n)
{
    for (uint32_t i = 0; i < p->nunits; i++)
        if (strlen(p->units[i].name) == n && memcmp(p->units[i].name, name, n) == 0)
            return &p->units[i];
    return NULL;
}

ir_program *ir_copy(arena *a, const ir_program *p)
{
    ir_program *c = arena_alloc(a, sizeof *c);
    *c = *p;
    c->plan = dup_str(a, p->plan);
    c->title = dup_str(a, p->title);
    c->region_key = dup_str(a, p->region_key);
    c->year_key = dup_str(a, p->year_key);
    c->levels = dup_strs(a, p->levels, p->nlevels);
    c->level_texts = p->level_texts ? dup_strs(a, p->level_texts, p->nlevels) : NULL;
    c->renamed_from = dup_strs(a, p->renamed_from, p->nrenames);
    c->renamed_to = dup_strs(a, p->renamed_to, p->nrenames);
    c->region_from = dup_strs(a, p->region_from, p->nregion_renames);
    c->region_to = dup_strs(a, p->region_to, p->nregion_renames);
    c->ind_from = dup_strs(a, p->ind_from, p->nind_renames);
    c->ind_to = dup_strs(a, p->ind_to, p->nind_renames);
    c->unit_names = dup_strs(a, p->unit_names, p->nunit_names);
    ir_unit *units = dup_array(a, p->units, p->nunits, sizeof *p->units);
    for (uint32_t i = 0; i < p->nunits; i++) {
        units[i].name = dup_str(a, p->units[i].name);
        units[i].dim = dup_str(a, p->units[i].dim);
    }
    c->units = units;
    c->region_dropped = dup_strs(a, p->region_dropped, p->nregion_drops);
    c->region_dropped_at = dup_strs(a, p->region_dropped_at, p->nregion_drops);
    c->region_alias = dup_strs(a, p->region_alias, p->nregion_aliases);
    c->region_alias_of = dup_strs(a, p->region_alias_of, p->nregion_aliases);
    c->regions = dup_array(a, p->regions, p->nregions, sizeof *p->regions);
    for (uint32_t i = 0; i < p->nregions; i++) {
        c->regions[i].name = dup_str(a, p->regions[i].name);
        c->regions[i].aliases = dup_strs(a, p->regions[i].aliases, p->regions[i].naliases);
        c->regions[i].members = dup_array(a, p->regions[i].members, p->regions[i].nmembers,
                                          sizeof *p->regions[i].members);
        c->regions[i].groups = dup_array(a, p->regions[i].groups, p->regions[i].ngroups,
                                         sizeof *p->regions[i].groups);
    }
    c->scopes = dup_array(a, p->scopes, p->nscopes, sizeof *p->scopes);
    for (uint32_t i = 0; i < p->nscopes; i++)
        c->scopes[i].regions = dup_array(a, p->scopes[i].regions, p->scopes[i].n,
                                         sizeof *p->scopes[i].regions);
    c->columns = dup_array(a, p->columns, p->ncolumns, sizeof *p->columns);
    for (uint32_t i = 0; i < p->ncolumns; i++) {
        ir_column *col = &c->columns[i];
        col->name = dup_str(a, col->name);
        col->indicator = dup_str(a, col->indicator);
        col->unit = dup_str(a, col->unit);
        col->indicator_unit = dup_str(a, col->indicator_unit);
        col->agg_text = dup_str(a, col->agg_text);
        /* a map read by several columns is copied once */
        const ir_textmap *orig = p->columns[i].map;
        col->map = NULL;
        for (uint32_t j = 0; orig && j < i && !col->map; j++)
            if (p->columns[j].map == orig)
                col->map = c->columns[j].map;
        if (orig && !col->map)
            col->map = copy_map(a, orig);
    }
    c->inputs = dup_array(a, p->inputs, p->ninputs, sizeof *p->inputs);
    for (uint32_t i = 0; i < p->ninputs; i++)
        if (c->inputs[i].kind == IR_IN_TABLE) {
            ir_input *in = &c->inputs[i];
            in->values = dup_array(a, p->inputs[i].values, p->nregions, sizeof *in->values);
            in->indicator = dup_str(a, in->indicator);
            in->unit = dup_str(a, in->unit);
            if (in->notes)
                in->notes = dup_strs(a, in->notes, p->nregions);
            if (in->nyears && in->run_start) {
                uint32_t nruns = in->run_start[p->nregions];
                in->run_start = dup_array(a, in->run_start, p->nregions + 1, sizeof *in->run_start);
                ir_yearrun *runs = dup_array(a, p->inputs[i].runs, nruns, sizeof *runs);
                for (uint32_t k = 0; k < nruns; k++)
                    runs[k].note = dup_str(a, runs[k].note);
                in->runs = runs;
            }
            if (in->shared) {
                const ir_valshared *o = in->shared;
                ir_valshared *sh = dup_array(a, o, 1, sizeof *sh);
                sh->values = dup_array(a, o->values, o->nslots, sizeof *sh->values);
                sh->notes = dup_strs(a, o->notes, o->nslots);
                sh->slot = dup_array(a, o->slot, p->nregions, sizeof *sh->slot);
                sh->from = dup_array(a, o->from, p->nregions, 1);
                if (o->run_start) {
                    uint32_t nruns = o->run_start[o->nslots];
                    sh->run_start = dup_array(a, o->run_start, o->nslots + 1, sizeof *sh->run_start);
                    ir_yearrun *runs = dup_array(a, o->runs, nruns, sizeof *runs);
                    for (uint32_t k = 0; k < nruns; k++)
                        runs[k].note = dup_str(a, runs[k].note);
                    sh->runs = runs;
                }
                in->shared = sh;
            }
        }
    c->steps = dup_array(a, p->steps, p->nsteps, sizeof *p->steps);
    c->capsteps = p->nsteps;
    c->labels = dup_array(a, p->labels, p->nlabels, sizeof *p->labels);
    c->caplabels = p->nlabels;
    for (uint32_t i = 0; i < p->nlabels; i++)
        c->labels[i].text = dup_str(a, p->labels[i].text);
    c->targets = dup_array(a, p->targets, p->ntargets, sizeof *p->targets);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        ir_target *t = &c->targets[i];
        t->name = dup_str(a, t->name);
        t->desc = dup_str(a, t->desc);
        t->kind = dup_str(a, t->kind);
        t->unit = dup_str(a, t->unit);
        t->clause = dup_str(a, t->clause);
        t->columns = dup_array(a, t->columns, t->ncolumns, sizeof *t->columns);
        ir_milestone *ms = dup_array(a, t->milestones, t->nmilestones, sizeof *t->milestones);
        for (uint32_t k = 0; k < t->nmilestones; k++)
            ms[k].goal_src = dup_str(a, ms[k].goal_src);
        t->milestones = ms;
        t->measured_src = dup_str(a, t->measured_src);
        t->measured_formula = dup_str(a, t->measured_formula);
        t->score_src = dup_str(a, t->score_src);
        t->source = dup_str(a, t->source);
        t->origin = dup_str(a, t->origin);
        t->note = dup_str(a, t->note);
        t->scope = dup_array(a, t->scope, t->nscope, sizeof *t->scope);
    }
    c->measures = dup_array(a, p->measures, p->nmeasures, sizeof *p->measures);
    for (uint32_t i = 0; i < p->nmeasures; i++) {
        ir_measure *m = &c->measures[i];
        m->id = dup_str(a, m->id);
        m->title = dup_str(a, m->title);
        m->lead = dup_strs(a, m->lead, m->nlead);
        m->responsible = dup_strs(a, m->responsible, m->nresponsible);
    }
    c->sections = dup_array(a, p->sections, p->nsections, sizeof *p->sections);
    for (uint32_t i = 0; i < p->nsections; i++) {
        c->sections[i].id = dup_str(a, c->sections[i].id);
        c->sections[i].title = dup_str(a, c->sections[i].title);
    }
    c->assessment = dup_str(a, p->assessment);
    c->bands = dup_strs(a, p->bands, p->nbands);
    c->band_min = dup_array(a, p->band_min, p->nbands ? p->nbands - 1 : 0, sizeof *p->band_min);
    return c;
}

void ir_up_init(ir_upwalk *w, const ir_program *p, uint32_t *mark, uint32_t *stack)
{
    *w = (ir_upwalk){.p = p, .mark = mark, .stack = stack, .last = -1};
}

/* Pushes region r unless this walk reached it already. */
static void up_push(ir_upwalk *w, int32_t r)
{
    if (r < 0 || (uint32_t)r >= w->p->nregions || w->mark[r] == w->walk)
        return;
    w->mark[r] = w->walk;
    w->stack[w->n++] = (uint32_t)r;
}

/* Pushes the regions directly holding r: its parent, the groups listing it. */
static void up_push_holders(ir_upwalk *w, uint32_t r)
{
    const ir_region *x = &w->p->regions[r];
    up_push(w, x->parent);
    for (uint32_t k = 0; k < x->ngroups; k++)
        up_push(w, (int32_t)x->groups[k]);
}

void ir_up_start(ir_upwalk *w, uint32_t r)
{
    if (++w->walk == 0) {
        /* the numbers wrapped: forget every earlier walk */
        memset(w->mark, 0, w->p->nregions * sizeof *w->mark);
        w->walk = 1;
    }
    w->n = 0;
    w->last = -1;
    if (r >= w->p->nregions)
        return;
    w->mark[r] = w->walk;
    up_push_holders(w, r);
}

int32_t ir_up_next(ir_upwalk *w)
{
    if (w->last >= 0)
        up_push_holders(w, (uint32_t)w->last);
    w->last = w->n ? (int32_t)w->stack[--w->n] : -1;
    return w->last;
}

void ir_up_prune(ir_upwalk *w)
{
    w->last = -1;
}

/* Compares s[0..n) with text t of map m in the order of m->sorted. */
static int map_cmp(const ir_textmap *m, uint32_t t, const char *s, size_t n)
{
    if (m->lens[t] != n)
        return m->lens[t] < n ? -1 : 1;
    return memcmp(m->texts[t], s, n);
}

long ir_map_find(const ir_textmap *m, const char *s, size_t n)
{
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = map_cmp(m, m->sorted[mid], s, n);
        if (c == 0)
            return m->sorted[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
