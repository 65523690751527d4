/* lower.c — the checked model to the scoring program (see lower.h, ir.h).
 *
 * Expressions lower to column steps; an indicator read in another year
 * (prev, baseline, at) lowers to an input with a time shift, and a formula
 * indicator is substituted with the same shift, so prev(x / y) reads x and y
 * of the previous year.  Every target becomes a branch-free chain of steps
 * computing its value, goal, expected value, status and score exactly as
 * docs/LANGUAGE.md §9 says; measures, sections and the total are weighted
 * means (§8).
 *
 * The step list is kept small: identical steps are emitted once (hash
 * consing), steps on constants are folded, and at the end every step that no
 * output needs is removed, with the inputs, columns and scopes it read. */
#include "lower.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "msgcat.h"

/* ---------------------------------------------------------------- hashing */

/* A set of indices into some array, found by the content they index. */
typedef struct hset {
    uint32_t *v;        /* index + 1; 0 is empty */
    uint32_t cap, n;
} hset;

typedef struct L L;
typedef uint64_t (*hash_fn)(const L *l, uint32_t i);
typedef bool (*eq_fn)(const L *l, uint32_t i, uint32_t j);

/* Mixes a 64-bit value into a hash. */
static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

/* ---------------------------------------------------------------- state */

/* Time shift key: how an input or a substituted formula is read. */
typedef struct memo {
    uint32_t ind;
    ir_shift shift;
    uint32_t slot;
} memo;

/* The slots a score expression may read (value, goal, ...). */
typedef struct scorectx {
    uint32_t value, goal, base, expected, deadline;
    uint32_t direction;     /* 1: larger values are better, -1: smaller, NaN: neither */
    uint32_t dscore;        /* the default score 0..100 */
    uint32_t progress;      /* dscore / 100, made on first use (UINT32_MAX until then) */
} scorectx;

struct L {
    arena *a;
    diag_ctx *d;
    const sema_model *m;
    ir_program *p;
    hset steps, inputs, memos, scopes;
    uint32_t capinputs;
    memo *memo; uint32_t nmemo, capmemo;
    uint32_t capscopes;
    uint32_t year;          /* slot of the year input */
    scorectx *sc;           /* while lowering a score expression */
    uint32_t peers;         /* while lowering a scoped target: the slot of its
                               scope, which masks the operands of lowest(),
                               highest() and average(); IR_NO_SLOT otherwise */
    bool keep;              /* keep the targets' explanation slots
                               (lower_program_explained) */
    uint8_t *share;         /* per step: reads an IR_SHARE step (reads_share);
                               malloc'd scratch, freed at the end of lower() */
    uint32_t nshare, capshare; /* steps flagged so far; the array's size */
    uint32_t *own;          /* per target: the slot saying it applies to the
                               row but for the row being one the runtime
                               added (it reads the region's own data), or
                               IR_NO_SLOT for a share target (lower_rollups) */
    uint32_t present;       /* the slot of the "row is in the data" input,
                               IR_NO_SLOT until a target reads it */
};

/* Finds the element equal to element i (just appended by the caller), or
 * adds i.  Returns the index to use. */
static uint32_t intern(L *l, hset *s, uint32_t i, hash_fn h, eq_fn eq)
{
    if ((s->n + 1) * 2 > s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 256;
        uint32_t *v = arena_alloc(l->a, cap * sizeof *v);
        for (uint32_t k = 0; k < s->cap; k++) {
            if (!s->v[k])
                continue;
            uint32_t j = (uint32_t)h(l, s->v[k] - 1) & (cap - 1);
            while (v[j])
                j = (j + 1) & (cap - 1);
            v[j] = s->v[k];
        }
        arena_release(l->a, s->v, s->cap * sizeof *v);
        s->v = v;
        s->cap = cap;
    }
    uint32_t j = (uint32_t)h(l, i) & (s->cap - 1);
    for (; s->v[j]; j = (j + 1) & (s->cap - 1))
        if (eq(l, s->v[j] - 1, i))
            return s->v[j] - 1;
    s->v[j] = i + 1;
    s->n++;
    return i;
}

/* The bits of a double (so NaN constants compare equal). */
static uint64_t dbits(double v)
{
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

/* Hash and equality of steps, inputs, memo entries and scopes, for intern(). */
static uint64_t step_hash(const L *l, uint32_t i)
{
    const ir_step *s = &l->p->steps[i];
    uint64_t h = mix(s->op, s->type);
    h = mix(h, s->a);
    h = mix(h, s->b);
    h = mix(h, s->c);
    h = mix(h, dbits(s->imm));
    return mix(h, s->aux);
}

static bool step_eq(const L *l, uint32_t i, uint32_t j)
{
    const ir_step *x = &l->p->steps[i], *y = &l->p->steps[j];
    return x->op == y->op && x->type == y->type && x->a == y->a && x->b == y->b &&
           x->c == y->c && dbits(x->imm) == dbits(y->imm) && x->aux == y->aux;
}

static uint64_t shift_hash(ir_shift s)
{
    return mix(s.absolute, s.absolute ? (uint64_t)(int64_t)s.year : (uint64_t)(int64_t)s.rel);
}

static bool shift_eq(ir_shift a, ir_shift b)
{
    return a.absolute == b.absolute && (a.absolute ? a.year == b.year : a.rel == b.rel);
}

static uint64_t input_hash(const L *l, uint32_t i)
{
    const ir_input *in = &l->p->inputs[i];
    uint64_t h = mix(in->kind, in->column);
    h = mix(h, shift_hash(in->shift));
    h = mix(h, dbits(in->scale));
    h = mix(h, (uint64_t)(uintptr_t)in->values);
    return mix(h, in->scope);
}

static bool input_eq(const L *l, uint32_t i, uint32_t j)
{
    const ir_input *x = &l->p->inputs[i], *y = &l->p->inputs[j];
    return x->kind == y->kind && x->column == y->column && shift_eq(x->shift, y->shift) &&
           dbits(x->scale) == dbits(y->scale) && x->scope == y->scope && x->values == y->values;
}

static uint64_t memo_hash(const L *l, uint32_t i)
{
    return mix(l->memo[i].ind, shift_hash(l->memo[i].shift));
}

static bool memo_eq(const L *l, uint32_t i, uint32_t j)
{
    return l->memo[i].ind == l->memo[j].ind && shift_eq(l->memo[i].shift, l->memo[j].shift);
}

static uint64_t scope_hash(const L *l, uint32_t i)
{
    const ir_scope *s = &l->p->scopes[i];
    uint64_t h = s->n;
    for (uint32_t k = 0; k < s->n; k++)
        h = mix(h, s->regions[k]);
    return h;
}

static bool scope_eq(const L *l, uint32_t i, uint32_t j)
{
    const ir_scope *x = &l->p->scopes[i], *y = &l->p->scopes[j];
    return x->n == y->n && memcmp(x->regions, y->regions, x->n * sizeof *x->regions) == 0;
}

/* ---------------------------------------------------------------- steps */

/* True for operations whose operands may be swapped. */
static bool commutative(ir_op op)
{
    switch (op) {
    case IR_ADD: case IR_MUL: case IR_MIN: case IR_MAX:
    case IR_EQ: case IR_NE: case IR_AND: case IR_OR:
        return true;
    default:
        return false;
    }
}

/* The value of a constant slot, if it is one. */
static bool is_const(const L *l, uint32_t slot, double *v)
{
    const ir_step *s = &l->p->steps[slot];
    if (s->op != IR_CONST)
        return false;
    *v = s->imm;
    return true;
}

/* Evaluates a pure step on constants exactly as ir.h defines it. */
static double fold(ir_op op, double a, double b, double c)
{
    bool na = isnan(a), nb = isnan(b);
    switch (op) {
    case IR_NEG: return -a;
    case IR_ABS: return fabs(a);
    case IR_NOT: return na ? NAN : (a == 0 ? 1.0 : 0.0);
    case IR_ISNA: return na ? 1.0 : 0.0;
    case IR_DEC15: return ir_decimal15(a);
    case IR_ADD: return a + b;
    case IR_SUB: return a - b;
    case IR_MUL: return a * b;
    case IR_DIV: return b == 0 ? NAN : a / b;
    case IR_MIN: return na || nb ? NAN : (a < b ? a : b);
    case IR_MAX: return na || nb ? NAN : (a > b ? a : b);
    case IR_LT: return na || nb ? NAN : (a < b ? 1.0 : 0.0);
    case IR_LE: return na || nb ? NAN : (a <= b ? 1.0 : 0.0);
    case IR_GT: return na || nb ? NAN : (a > b ? 1.0 : 0.0);
    case IR_GE: return na || nb ? NAN : (a >= b ? 1.0 : 0.0);
    case IR_EQ: return na || nb ? NAN : (a == b ? 1.0 : 0.0);
    case IR_NE: return na || nb ? NAN : (a != b ? 1.0 : 0.0);
    case IR_AND: return na || nb ? NAN : (a != 0 && b != 0 ? 1.0 : 0.0);
    case IR_OR: return na || nb ? NAN : (a != 0 || b != 0 ? 1.0 : 0.0);
    case IR_SELECT: return na ? NAN : (a != 0 ? b : c);
    case IR_COALESCE: return na ? b : a;
    default: return NAN;
    }
}

/* Appends a step unless an identical one exists; folds constants. */
static uint32_t emit(L *l, ir_op op, ir_type t, uint32_t a, uint32_t b, uint32_t c,
                     double imm, uint32_t aux)
{
    int n = ir_arity(op);
    if (op != IR_CONST && op != IR_INPUT && !ir_is_barrier(op)) {
        double va = 0, vb = 0, vc = 0;
        bool ca = n < 1 || is_const(l, a, &va);
        bool cb = n < 2 || is_const(l, b, &vb);
        bool cc = n < 3 || is_const(l, c, &vc);
        if (ca && cb && cc)
            return emit(l, IR_CONST, t, 0, 0, 0, fold(op, va, vb, vc), 0);
        if (op == IR_SELECT && ca)
            return isnan(va) ? emit(l, IR_CONST, t, 0, 0, 0, NAN, 0) : (va != 0 ? b : c);
        if (op == IR_COALESCE && ca)
            return isnan(va) ? b : a;
        if (commutative(op) && a > b) {
            uint32_t x = a;
            a = b;
            b = x;
        }
    }
    if (n < 1) a = 0;
    if (n < 2) b = 0;
    if (n < 3) c = 0;
    uint32_t i = ir_emit(l->a, l->p, op, t, a, b, c, imm, aux);
    uint32_t j = intern(l, &l->steps, i, step_hash, step_eq);
    if (j != i)
        l->p->nsteps--;
    return j;
}

/* Shorthands for emit: a constant, a unary, a binary step, a select. */
static uint32_t k(L *l, ir_type t, double v)
{
    return emit(l, IR_CONST, t, 0, 0, 0, v, 0);
}

static uint32_t op1(L *l, ir_op op, ir_type t, uint32_t a)
{
    return emit(l, op, t, a, 0, 0, 0, 0);
}

static uint32_t op2(L *l, ir_op op, ir_type t, uint32_t a, uint32_t b)
{
    return emit(l, op, t, a, b, 0, 0, 0);
}

static uint32_t sel(L *l, ir_type t, uint32_t c, uint32_t a, uint32_t b)
{
    return emit(l, IR_SELECT, t, c, a, b, 0, 0);
}

/* ---------------------------------------------------------------- inputs */

/* Appends an input unless an identical one exists; returns its IR_INPUT
 * step, of type t. */
static uint32_t input_of(L *l, ir_input in, ir_type t)
{
    ir_program *p = l->p;
    if (p->ninputs == l->capinputs) {
        uint32_t cap = l->capinputs ? l->capinputs * 2 : 32;
        ir_input *v = arena_alloc(l->a, cap * sizeof *v);
        if (p->ninputs)
            memcpy(v, p->inputs, p->ninputs * sizeof *v);
        arena_release(l->a, p->inputs, l->capinputs * sizeof *v);
        p->inputs = v;
        l->capinputs = cap;
    }
    p->inputs[p->ninputs] = in;
    uint32_t i = intern(l, &l->inputs, p->ninputs, input_hash, input_eq);
    if (i == p->ninputs)
        p->ninputs++;
    return emit(l, IR_INPUT, t, 0, 0, 0, 0, i);
}

/* input_of with the type the input's kind gives (yes/no for a scope, the
 * row's presence and a yes/no column). */
static uint32_t input(L *l, ir_input in)
{
    ir_type t = in.kind == IR_IN_SCOPE || in.kind == IR_IN_PRESENT ? IR_BOOL
              : in.kind == IR_IN_DATA && l->m->columns[in.column].is_bool ? IR_BOOL : IR_NUM;
    return input_of(l, in, t);
}

/* The slot saying whether the row's region is in the given regions. */
static uint32_t scope_input(L *l, const uint32_t *regions, uint32_t n)
{
    ir_program *p = l->p;
    if (p->nscopes == l->capscopes) {
        uint32_t cap = l->capscopes ? l->capscopes * 2 : 16;
        ir_scope *v = arena_alloc(l->a, cap * sizeof *v);
        if (p->nscopes)
            memcpy(v, p->scopes, p->nscopes * sizeof *v);
        arena_release(l->a, p->scopes, l->capscopes * sizeof *v);
        p->scopes = v;
        l->capscopes = cap;
    }
    p->scopes[p->nscopes].regions = (uint32_t *)regions;
    p->scopes[p->nscopes].n = n;
    uint32_t i = intern(l, &l->scopes, p->nscopes, scope_hash, scope_eq);
    if (i == p->nscopes)
        p->nscopes++;
    ir_input in = {.kind = IR_IN_SCOPE, .scope = i, .scale = 1.0};
    return input(l, in);
}

/* Converts a numeric slot from one unit to another (same dimension); by
 * division when the ratio is an integral divisor, so that exact values stay
 * exact (76030000 亩 is 7603 万亩). */
static uint32_t conv(L *l, uint32_t slot, const unit_t *from, const unit_t *to)
{
    if (!from || !to || from == to)
        return slot;
    double dv = unit_divisor(from, to);
    if (dv != 0)
        return op2(l, IR_DIV, IR_NUM, slot, k(l, IR_NUM, dv));
    double f = unit_factor(from, to);
    if (f == 1.0)
        return slot;
    return op2(l, IR_MUL, IR_NUM, slot, k(l, IR_NUM, f));
}

/* ---------------------------------------------------------------- the judgement's arithmetic */

/* The judgement subtracts values from one another (g - b, v - b) and
 * multiplies a difference by a number of years: with values near the
 * largest double (b = -1.5e308, g = 1.5e308) that overflows, although the
 * trajectory lies between b and g and the progress is a plain ratio.  So
 * the values are first scaled by s: 1, or 2^-16 where the larger of |x|
 * and |y| exceeds 2^1000 (with both below it, |y - x| times at most 9999
 * years stays below the largest double; above it, the scaled difference
 * times 2^14 years does too).  Scaling by a power of two is exact, and so
 * commutes with +, -, * and / as long as nothing overflows or becomes
 * subnormal: every row that did not overflow keeps its bits.  NaN when x
 * or y is. */
static uint32_t scale_for(L *l, uint32_t x, uint32_t y)
{
    uint32_t m = op2(l, IR_MAX, IR_NUM, op1(l, IR_ABS, IR_NUM, x), op1(l, IR_ABS, IR_NUM, y));
    return sel(l, IR_NUM, op2(l, IR_GT, IR_BOOL, m, k(l, IR_NUM, 0x1p1000)), k(l, IR_NUM, 0x1p-16),
               k(l, IR_NUM, 1));
}

/* The trajectory e = b + (g - b) * dy / dd (docs/LANGUAGE.md §9),
 * computed on b and g scaled by scale_for, then scaled back. */
static uint32_t trajectory(L *l, uint32_t b, uint32_t g, uint32_t dy, uint32_t dd)
{
    uint32_t s = scale_for(l, b, g);
    uint32_t sb = op2(l, IR_MUL, IR_NUM, b, s), sg = op2(l, IR_MUL, IR_NUM, g, s);
    uint32_t e = op2(l, IR_ADD, IR_NUM, sb,
                     op2(l, IR_DIV, IR_NUM, op2(l, IR_MUL, IR_NUM, op2(l, IR_SUB, IR_NUM, sg, sb), dy), dd));
    return op2(l, IR_DIV, IR_NUM, e, s);
}

/* The default score's progress q = (v - b) / (g - b), on v, b and g
 * scaled alike by scale_for(b, g) (the ratio needs no scaling back).  With
 * b and g below 2^1000, v - b overflows only for v within 2^1000 of the
 * largest double, where q is beyond any clamp either way. */
static uint32_t progress_ratio(L *l, uint32_t v, uint32_t b, uint32_t g)
{
    uint32_t s = scale_for(l, b, g);
    uint32_t sb = op2(l, IR_MUL, IR_NUM, b, s);
    return op2(l, IR_DIV, IR_NUM, op2(l, IR_SUB, IR_NUM, op2(l, IR_MUL, IR_NUM, v, s), sb),
               op2(l, IR_SUB, IR_NUM, op2(l, IR_MUL, IR_NUM, g, s), sb));
}

/* ---------------------------------------------------------------- expressions */

static uint32_t lx(L *l, const ast_expr *e, ir_shift sh);

/* An indicator's `values` table read with shift sh: one input, the row's
 * region's value (runtime/table.c builds it chunk by chunk, as any input).
 * A table whose rows give no years holds in every year, so a time shift
 * reads the same value and is dropped (one input serves every shift). */
static uint32_t table(L *l, const sema_indicator *ind, ir_shift sh)
{
    ir_input in = {.kind = IR_IN_TABLE, .values = ind->values, .scale = 1.0,
                   .indicator = ind->name, .unit = ind->unit ? unit_name(ind->unit) : "",
                   .notes = ind->value_notes, .shared = ind->values_shared,
                   .set = ind->decl && ind->decl->u.ind.nvalues == 1 && ind->decl->u.ind.values[0].from_set};
    if (ind->values_nyears) {
        in.shift = sh;
        in.year0 = ind->values_year0;
        in.nyears = ind->values_nyears;
        in.run_start = ind->values_run_start;
        in.runs = ind->values_runs;
    }
    return input_of(l, in, ind->type == TY_BOOL ? IR_BOOL : IR_NUM);
}

/* Indicator i read with shift sh (a column input, its formula
 * substituted, or its values table), in the indicator's unit. */
static uint32_t indicator(L *l, uint32_t i, ir_shift sh)
{
    const sema_indicator *ind = &l->m->inds[i];
    if (l->nmemo == l->capmemo) {
        uint32_t cap = l->capmemo ? l->capmemo * 2 : 64;
        memo *v = arena_alloc(l->a, cap * sizeof *v);
        if (l->nmemo)
            memcpy(v, l->memo, l->nmemo * sizeof *v);
        arena_release(l->a, l->memo, l->capmemo * sizeof *v);
        l->memo = v;
        l->capmemo = cap;
    }
    l->memo[l->nmemo] = (memo){.ind = i, .shift = sh};
    uint32_t j = intern(l, &l->memos, l->nmemo, memo_hash, memo_eq);
    if (j != l->nmemo)
        return l->memo[j].slot;
    l->nmemo++;
    uint32_t slot;
    if (ind->column >= 0) {
        ir_input in = {.kind = IR_IN_DATA, .column = (uint32_t)ind->column, .shift = sh, .scale = 1.0};
        const unit_t *cu = ind->column_unit;
        bool divide = ind->type == TY_NUM && cu && unit_divisor(cu, ind->unit) != 0;
        if (ind->type == TY_NUM && cu && !divide)
            in.scale = unit_factor(cu, ind->unit);
        slot = input(l, in);
        if (divide)
            slot = conv(l, slot, cu, ind->unit);
    } else if (ind->values) {
        slot = table(l, ind, sh);
    } else {
        /* a formula means the same in every target: its lowest() and the
         * like range over every region of the level */
        uint32_t peers = l->peers;
        l->peers = IR_NO_SLOT;
        slot = lx(l, ind->formula, sh);
        l->peers = peers;
        if (ind->type == TY_NUM)
            slot = conv(l, slot, ind->formula->sema.unit, ind->unit);
    }
    /* (the memo array may have moved while lowering the formula) */
    l->memo[j].slot = slot;
    return slot;
}

/* The shift of "the previous year" relative to sh. */
static ir_shift shift_prev(ir_shift sh)
{
    if (sh.absolute)
        sh.year--;
    else
        sh.rel--;
    return sh;
}

/* The shift "in that year". */
static ir_shift shift_abs(int year)
{
    ir_shift s = {.absolute = true, .year = year};
    return s;
}

/* The slot holding dscore / 100, made when first asked for. */
static uint32_t progress(L *l)
{
    if (l->sc->progress == UINT32_MAX)
        l->sc->progress = op2(l, IR_DIV, IR_NUM, l->sc->dscore, k(l, IR_NUM, 100));
    return l->sc->progress;
}

/* The slot type of an expression's value. */
static ir_type ty(const ast_expr *e)
{
    return e->sema.type == TY_BOOL ? IR_BOOL : IR_NUM;
}

/* The IR op of a binary AST op. */
static ir_op binop(ast_op op)
{
    switch (op) {
    case OP_ADD: return IR_ADD;
    case OP_SUB: return IR_SUB;
    case OP_MUL: return IR_MUL;
    case OP_DIV: return IR_DIV;
    case OP_LT: return IR_LT;
    case OP_LE: return IR_LE;
    case OP_GT: return IR_GT;
    case OP_GE: return IR_GE;
    case OP_EQ: return IR_EQ;
    case OP_NE: return IR_NE;
    case OP_AND: return IR_AND;
    case OP_OR: return IR_OR;
    default: return IR_ADD;
    }
}

/* The IR kind of a column's aggregate. */
static ir_aggkind lower_aggkind(ast_aggkind k)
{
    switch (k) {
    case AGG_MEAN: return IR_AGG_MEAN;
    case AGG_SUM: return IR_AGG_SUM;
    case AGG_MIN: return IR_AGG_MIN;
    case AGG_MAX: return IR_AGG_MAX;
    case AGG_COUNT: return IR_AGG_COUNT;
    case AGG_SHARE: return IR_AGG_SHARE;
    case AGG_NONE: break;
    }
    return IR_AGG_NONE;
}

/* Expression e as written, the names of indicators an adaptation renamed
 * as it names them (sema_expr_source), for planc explain. */
static const char *expr_text(L *l, const ast_expr *e)
{
    return sema_expr_source(l->a, l->d, e);
}

/* A barrier step for a call whose operand is `arg`: emitted (or found
 * among the steps already emitted) and, when new, labelled with the
 * operand as written, for planc explain (ir.h ir_label). */
static uint32_t emit_call(L *l, ir_op op, uint32_t a, double imm, uint32_t aux, const ast_expr *arg)
{
    uint32_t n = l->p->nsteps;
    uint32_t i = emit(l, op, IR_NUM, a, 0, 0, imm, aux);
    if (i == n && l->p->nsteps == n + 1)
        ir_label_step(l->a, l->p, i, expr_text(l, arg));
    return i;
}

/* A barrier's result `step` read with shift sh (ir.h IR_SHIFT): the
 * step itself in the row's own year, missing in a year before 1. */
static uint32_t shifted(L *l, uint32_t step, ir_shift sh)
{
    if (!sh.absolute && sh.rel == 0)
        return step;
    if (sh.absolute ? sh.year < 1 : sh.rel <= -9999)
        return k(l, IR_NUM, NAN); /* no year before 1 has data */
    return emit(l, IR_SHIFT, IR_NUM, step, 0, 0, sh.absolute ? sh.year : sh.rel, 0);
}

/* No shift: the row's own year. */
static const ir_shift here = {0};

/* A function over the regions below the row's at a level (share's
 * siblings, ir.h IR_SHARE): e's second argument read on their rows, in
 * the row's year shifted by sh (the step computed in every year, then
 * read in the shifted one).  Like share's condition it is read on regions
 * the target's scope does not cover, so a peer function inside it ranges
 * over every region of its level (lx_call's FN_SHARE). */
static uint32_t below(L *l, const ast_expr *e, ir_sharekind kind, ir_shift sh)
{
    uint32_t peers = l->peers;
    l->peers = IR_NO_SLOT;
    uint32_t a = lx(l, e->u.call.args[1], here);
    l->peers = peers;
    return shifted(l, emit_call(l, IR_SHARE, a, kind, (uint32_t)e->sema.index, e->u.call.args[1]), sh);
}

/* A function call (docs/LANGUAGE.md §7), read with shift sh. */
static uint32_t lx_call(L *l, const ast_expr *e, ir_shift sh)
{
    ast_expr *const *args = e->u.call.args;
    uint32_t n = e->u.call.nargs;
    const unit_t *u = e->sema.unit;
    switch ((sema_ref)e->sema.ref) {
    case FN_MIN:
    case FN_MAX: {
        ir_op op = e->sema.ref == FN_MIN ? IR_MIN : IR_MAX;
        uint32_t r = conv(l, lx(l, args[0], sh), args[0]->sema.unit, u);
        for (uint32_t i = 1; i < n; i++)
            r = op2(l, op, IR_NUM, r, conv(l, lx(l, args[i], sh), args[i]->sema.unit, u));
        return r;
    }
    case FN_CLAMP: {
        uint32_t x = conv(l, lx(l, args[0], sh), args[0]->sema.unit, u);
        uint32_t lo = conv(l, lx(l, args[1], sh), args[1]->sema.unit, u);
        uint32_t hi = conv(l, lx(l, args[2], sh), args[2]->sema.unit, u);
        return op2(l, IR_MIN, IR_NUM, op2(l, IR_MAX, IR_NUM, x, lo), hi);
    }
    case FN_ABS:
        return op1(l, IR_ABS, IR_NUM, lx(l, args[0], sh));
    case FN_PREV:
        return lx(l, args[0], shift_prev(sh));
    case FN_BASELINE:
        return lx(l, args[0], shift_abs(l->m->baseline));
    case FN_AT:
        return lx(l, args[0], shift_abs(e->sema.index));
    case FN_SHARE: {
        /* The condition is read on the regions of the share's level, which
         * the target's scope (regions above them) does not cover: masked
         * with it, a lowest() or average() there had no peers and was
         * always missing.  Their peers are every region of the level, as
         * in a formula. */
        uint32_t peers = l->peers;
        l->peers = IR_NO_SLOT;
        uint32_t c = lx(l, args[1], here);
        l->peers = peers;
        return shifted(l, emit_call(l, IR_SHARE, c, 0, (uint32_t)e->sema.index, args[1]), sh);
    }
    case FN_TOTAL:
        return below(l, e, IR_SHARE_TOTAL, sh);
    case FN_LOWEST: case FN_HIGHEST: case FN_AVERAGE: {
        if (e->u.call.nargs == 2)
            return below(l, e, e->sema.ref == FN_LOWEST ? IR_SHARE_LOWEST
                               : e->sema.ref == FN_HIGHEST ? IR_SHARE_HIGHEST : IR_SHARE_AVERAGE, sh);
        /* in a scoped target, regions outside the scope are not peers;
         * in another year, the peers of that year (ir.h IR_SHIFT) */
        uint32_t a = lx(l, args[0], here);
        if (l->peers != IR_NO_SLOT)
            a = sel(l, IR_NUM, l->peers, a, k(l, IR_NUM, NAN));
        ir_peerkind kind = e->sema.ref == FN_LOWEST ? IR_PEER_LOWEST
                         : e->sema.ref == FN_HIGHEST ? IR_PEER_HIGHEST : IR_PEER_AVERAGE;
        return shifted(l, emit_call(l, IR_PEER, a, 0, (uint32_t)kind, args[0]), sh);
    }
    case FN_CUMULATIVE: case FN_PEAKVALUE: {
        /* the operand unshifted; the step applies sh (ir.h IR_CUMSUM) */
        const ir_shift none = {0};
        if (sh.absolute && sh.year < 1)
            return k(l, IR_NUM, NAN); /* no year before 1 has data */
        double at = sh.absolute ? sh.year : sh.rel;
        return emit_call(l, e->sema.ref == FN_CUMULATIVE ? IR_CUMSUM : IR_CUMMAX,
                         lx(l, args[0], none), at, (uint32_t)e->sema.index, args[0]);
    }
    case FN_PARENT: {
        /* The operand is read on the parent's row, which a scoped
         * target does not cover: a peer function inside it ranges over
         * every region of its level, as in share's condition. */
        uint32_t peers = l->peers;
        l->peers = IR_NO_SLOT;
        uint32_t a = lx(l, args[n - 1], here);
        l->peers = peers;
        uint32_t up = e->sema.index >= 0 ? (uint32_t)e->sema.index : IR_PARENT_UP;
        uint32_t n0 = l->p->nsteps, i = emit(l, IR_PARENT, ty(e), a, 0, 0, 0, up);
        if (i == n0 && l->p->nsteps == n0 + 1)
            ir_label_step(l->a, l->p, i, expr_text(l, args[n - 1]));
        return shifted(l, i, sh);
    }
    case FN_ISMISSING:
        return op1(l, IR_ISNA, IR_BOOL, lx(l, args[0], sh));
    case FN_PROGRESS:
        return progress(l);
    default:
        return k(l, IR_NUM, NAN);
    }
}

/* Lowers a checked expression read with shift sh; the result is in the
 * expression's unit. */
static uint32_t lx(L *l, const ast_expr *e, ir_shift sh)
{
    switch (e->kind) {
    case EX_NUM:
        return k(l, IR_NUM, e->u.num.v);
    case EX_BOOL:
        return k(l, IR_BOOL, e->u.b ? 1 : 0);
    case EX_NAME:
        switch ((sema_ref)e->sema.ref) {
        case REF_INDICATOR: return indicator(l, (uint32_t)e->sema.index, sh);
        case REF_VALUE: return l->sc->value;
        case REF_GOAL: return l->sc->goal;
        case REF_BASE: return l->sc->base;
        case REF_EXPECTED: return l->sc->expected;
        case REF_YEAR: return l->year;
        case REF_DEADLINE: return l->sc->deadline;
        case REF_DIRECTION: return l->sc->direction;
        default: return k(l, IR_NUM, NAN);
        }
    case EX_UNARY:
        return op1(l, e->u.un.op == OP_NOT ? IR_NOT : IR_NEG, ty(e), lx(l, e->u.un.a, sh));
    case EX_BINARY: {
        const ast_expr *a = e->u.bin.a, *b = e->u.bin.b;
        uint32_t sa = lx(l, a, sh), sb = lx(l, b, sh);
        ast_op op = e->u.bin.op;
        if (a->sema.type == TY_NUM && op != OP_MUL && op != OP_DIV)
            sb = conv(l, sb, b->sema.unit, a->sema.unit);
        return op2(l, binop(op), ty(e), sa, sb);
    }
    case EX_IF: {
        uint32_t c = lx(l, e->u.cond.c, sh);
        uint32_t a = lx(l, e->u.cond.a, sh), b = lx(l, e->u.cond.b, sh);
        if (e->sema.type == TY_NUM) {
            a = conv(l, a, e->u.cond.a->sema.unit, e->sema.unit);
            b = conv(l, b, e->u.cond.b->sema.unit, e->sema.unit);
        }
        return sel(l, ty(e), c, a, b);
    }
    case EX_CALL:
        return lx_call(l, e, sh);
    }
    return k(l, IR_NUM, NAN);
}

/* ---------------------------------------------------------------- targets */

/* A select chain over the milestones: for the first k with year <= D_k the
 * value vals[k], after the last milestone vals[n-1]. */
static uint32_t chain(L *l, ir_type t, const uint32_t *conds, const uint32_t *vals, uint32_t n)
{
    uint32_t r = vals[n - 1];
    for (uint32_t i = n - 1; i-- > 0;)
        r = sel(l, t, conds[i], vals[i], r);
    return r;
}


/* True when slot s reads an IR_SHARE step, directly or through its
 * operands: only such values exist on the rows the runtime adds for a
 * parent region.  A step only reads earlier slots (ir.h), so one flag per
 * step, filled in step order up to the newest step, answers for every
 * target: the whole lowering costs one look at each step, where a walk
 * from each target's value with scratch the size of the program was
 * quadratic in the number of targets. */
static bool reads_share(L *l, uint32_t s)
{
    const ir_program *p = l->p;
    if (p->nsteps > l->capshare) {
        uint32_t cap = l->capshare ? l->capshare : 256;
        while (cap < p->nsteps)
            cap *= 2;
        uint8_t *v = realloc(l->share, cap);
        if (!v) {
            fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
            exit(4);
        }
        l->share = v;
        l->capshare = cap;
    }
    for (uint32_t i = l->nshare; i < p->nsteps; i++) {
        const ir_step *st = &p->steps[i];
        bool r = st->op == IR_SHARE;
        int n = ir_arity(st->op);
        const uint32_t ops[3] = {st->a, st->b, st->c};
        for (int k = 0; k < n && !r; k++)
            r = l->share[ops[k]] != 0;
        l->share[i] = r;
    }
    l->nshare = p->nsteps;
    return l->share[s] != 0;
}

/* A milestone's direction as a score's `direction` reads it. */
static double direction_of(ast_direction d)
{
    return d == DIR_HIGHER ? 1 : d == DIR_LOWER ? -1 : NAN;
}

/* Milestone i of t as the IR describes it (its op, tolerance and track),
 * for ir_loosen_sign. */
static ir_milestone ir_ms(const sema_target *t, uint32_t i)
{
    const sema_milestone *m = &t->ms[i];
    return (ir_milestone){.op = binop(m->op), .goal = m->goal, .has_tolerance = !isnan(m->tolerance),
                          .tolerance = m->tolerance,
                          .deadline = m->deadline,
                          .track = m->track == DIR_HIGHER ? 1 : m->track == DIR_LOWER ? -1 : 0};
}

/* The band g - t .. g + t of milestone i around its goal slot g
 * (ir_goal_band): constants for a constant goal, else steps. */
static void goal_band(L *l, const sema_target *t, uint32_t i, uint32_t g, uint32_t *lo, uint32_t *hi)
{
    ir_milestone m = ir_ms(t, i);
    if (!t->ms[i].goal_expr) {
        double a, b;
        ir_goal_band(&m, t->ms[i].goal, &a, &b);
        *lo = k(l, IR_NUM, a);
        *hi = k(l, IR_NUM, b);
    } else {
        /* on each row, rounded as ir_goal_band rounds a constant's */
        *lo = op2(l, IR_SUB, IR_NUM, g, k(l, IR_NUM, m.tolerance));
        *hi = op2(l, IR_ADD, IR_NUM, g, k(l, IR_NUM, m.tolerance));
        if (m.tolerance != 0) {
            *lo = op1(l, IR_DEC15, IR_NUM, *lo);
            *hi = op1(l, IR_DEC15, IR_NUM, *hi);
        }
    }
}

/* The goal milestone i is judged by (ir_judged_goal): its goal slot g
 * loosened by its tolerance, g itself without one. */
static uint32_t judged_goal(L *l, const sema_target *t, uint32_t i, uint32_t g)
{
    ir_milestone m = ir_ms(t, i);
    int sign = ir_loosen_sign(&m);
    if (sign == 0)
        return g;
    uint32_t lo, hi;
    goal_band(l, t, i, g, &lo, &hi);
    return sign < 0 ? lo : hi;
}

/* Whether slot x meets milestone i (ir_meets): x OP jg, or for '==' with
 * a tolerance, g - t <= x <= g + t. */
static uint32_t meets(L *l, const sema_target *t, uint32_t i, uint32_t x, uint32_t g, uint32_t jg)
{
    const sema_milestone *m = &t->ms[i];
    if (m->op == OP_EQ && !isnan(m->tolerance)) {
        uint32_t lo, hi;
        goal_band(l, t, i, g, &lo, &hi);
        return op2(l, IR_AND, IR_BOOL, op2(l, IR_GE, IR_BOOL, x, lo), op2(l, IR_LE, IR_BOOL, x, hi));
    }
    return op2(l, binop(m->op), IR_BOOL, x, jg);
}

/* How far slot x lies outside the band lo .. hi: max(lo - x, x - hi, 0),
 * |x - g| when lo = hi = g; NaN when x is (track_test). */
static uint32_t band_distance(L *l, uint32_t x, uint32_t lo, uint32_t hi)
{
    uint32_t out = op2(l, IR_MAX, IR_NUM, op2(l, IR_SUB, IR_NUM, lo, x), op2(l, IR_SUB, IR_NUM, x, hi));
    return op2(l, IR_MAX, IR_NUM, out, k(l, IR_NUM, 0));
}

/* The on-track test of milestone i of t (docs/LANGUAGE.md §9 rule 5):
 * v reaches the expected value e within slack, the rounding error of
 * computing e in doubles (lower_target), in the milestone's direction.
 * An '==' goal on a number is approached from either side, and may be
 * passed: v is on track when it is at least as near the goal g (its
 * band g - t .. g + t with a tolerance) as e is, so that 48 in a year
 * when the line from 60 towards `== 50` is at 55 is on track (as 52
 * would be), not lagging because the indicator is `higher`. */
static uint32_t track_test(L *l, const sema_target *t, uint32_t i, uint32_t g, uint32_t v, uint32_t e,
                           uint32_t slack)
{
    const sema_milestone *m = &t->ms[i];
    if (m->op == OP_EQ && t->type != TY_BOOL) {
        uint32_t lo = g, hi = g;
        if (!isnan(m->tolerance))
            goal_band(l, t, i, g, &lo, &hi);
        return op2(l, IR_LE, IR_BOOL, band_distance(l, v, lo, hi),
                   op2(l, IR_ADD, IR_NUM, band_distance(l, e, lo, hi), slack));
    }
    switch (m->track) {
    case DIR_HIGHER: return op2(l, IR_GE, IR_BOOL, v, op2(l, IR_SUB, IR_NUM, e, slack));
    case DIR_LOWER: return op2(l, IR_LE, IR_BOOL, v, op2(l, IR_ADD, IR_NUM, e, slack));
    default: return k(l, IR_BOOL, 1);
    }
}

/* What target t measures, read with shift sh, in the target's unit: a
 * ratio compared with a goal written in % (`x / baseline(x) <= 86.5%`)
 * is computed in 1 and judged and shown in % (sema.c, check_goal). */
static uint32_t measured(L *l, const sema_target *t, ir_shift sh)
{
    uint32_t v = lx(l, t->measured, sh);
    return t->type == TY_NUM ? conv(l, v, t->measured->sema.unit, t->unit) : v;
}

/* The progress q of an '==' milestone's value that has passed its goal
 * without meeting it (docs/LANGUAGE.md §9): it has overshot, and its
 * progress mirrors at the far edge F of the goal's band (the goal itself
 * without a tolerance), min(q, 1 - (v - F) / (g' - b)) computed as
 * min(q, 1 + qF - q) with qF = (F - b) / (g' - b), so a value as far
 * beyond the band as the baseline was short of it scores 0 rather than
 * the clamp's 100.  q of any other milestone as it is; the IR unchanged
 * for a target without '=='.  conds, goals and jgoals are the
 * milestones' year conditions, goals and judged goals (lower_target). */
static uint32_t overshoot(L *l, const sema_target *t, const uint32_t *conds, const uint32_t *goals,
                          const uint32_t *jgoals, uint32_t base, uint32_t q)
{
    uint32_t n = t->nms, neq = 0;
    for (uint32_t i = 0; i < n; i++)
        neq += t->ms[i].op == OP_EQ;
    if (neq == 0)
        return q;
    uint32_t one = k(l, IR_NUM, 1);
    uint32_t *fars = arena_alloc(l->a, n * sizeof *fars);
    uint32_t *eqs = arena_alloc(l->a, n * sizeof *eqs);
    for (uint32_t i = 0; i < n; i++) {
        eqs[i] = k(l, IR_BOOL, t->ms[i].op == OP_EQ);
        fars[i] = one;
        if (t->ms[i].op == OP_EQ && !isnan(t->ms[i].tolerance)) {
            /* the edge farther from b along the way to g' */
            uint32_t lo, hi;
            goal_band(l, t, i, goals[i], &lo, &hi);
            fars[i] = op2(l, IR_MAX, IR_NUM, progress_ratio(l, lo, base, jgoals[i]),
                          progress_ratio(l, hi, base, jgoals[i]));
        }
    }
    uint32_t far = chain(l, IR_NUM, conds, fars, n);
    uint32_t mirrored = op2(l, IR_MIN, IR_NUM, q, op2(l, IR_SUB, IR_NUM, op2(l, IR_ADD, IR_NUM, one, far), q));
    return neq == n ? mirrored : sel(l, IR_NUM, chain(l, IR_BOOL, conds, eqs, n), mirrored, q);
}

/* Lowers one target into its output slots (docs/LANGUAGE.md §9). */
static void lower_target(L *l, uint32_t ti, ir_target *out)
{
    const sema_model *m = l->m;
    const sema_target *t = &m->targets[ti];
    uint32_t nan = k(l, IR_NUM, NAN);
    uint32_t y = l->year;
    uint32_t y0 = k(l, IR_NUM, t->y0);   /* the plan's baseline, or the target's own */
    uint32_t st_na = k(l, IR_STATUS, IR_ST_NA), st_miss = k(l, IR_STATUS, IR_ST_MISSING);
    uint32_t st_failed = k(l, IR_STATUS, IR_ST_FAILED), st_lag = k(l, IR_STATUS, IR_ST_LAGGING);
    uint32_t st_track = k(l, IR_STATUS, IR_ST_ON_TRACK), st_met = k(l, IR_STATUS, IR_ST_MET);
    uint32_t hundred = k(l, IR_NUM, 100), zero = k(l, IR_NUM, 0), one = k(l, IR_NUM, 1);

    uint32_t scope = t->scoped ? scope_input(l, t->scope, t->nscope) : IR_NO_SLOT;
    l->peers = scope;
    uint32_t v = measured(l, t, here);
    uint32_t base = nan;        /* the value in the baseline year, when needed */
    uint32_t goal = nan, expected = nan, deadline = nan;
    uint32_t direction = nan;   /* the score's `direction` */
    uint32_t ystart = IR_NO_SLOT, bstart = IR_NO_SLOT; /* the trajectory's start */
    uint32_t judged, dscore;
    bool trend = t->tk == TG_FALLS || t->tk == TG_RISES;
    /* A target judged on the way from the baseline (a goal with a
     * deadline, a trend, peaks) starts there: its baseline year is the
     * reference point, not a year it is judged in (e = b, a score of 0 by
     * construction).  Every-year goals and red lines hold in it too.
     * The rule is ir_first_judged_year's, on out's kind and milestones
     * (target_explained, before): explain and the reports say what this
     * computes. */
    uint32_t applicable = op2(l, ir_first_judged_year(out) > t->y0 ? IR_GT : IR_GE, IR_BOOL, y, y0);

    if (trend) {
        uint32_t pv = measured(l, t, shift_prev(here));
        uint32_t met = op2(l, t->tk == TG_FALLS ? IR_LT : IR_GT, IR_BOOL, v, pv);
        goal = pv;
        judged = sel(l, IR_STATUS, met, st_met, st_failed);
        dscore = sel(l, IR_NUM, met, hundred, zero);
        base = measured(l, t, shift_abs(t->y0));
        direction = k(l, IR_NUM, t->tk == TG_FALLS ? -1 : 1);
    } else if (t->tk == TG_PEAKS) {
        uint32_t pk = emit(l, IR_PEAK, IR_BOOL, v, 0, 0, t->tolerance, (uint32_t)t->y0);
        uint32_t notmet = st_failed;
        if (t->peak_by) {
            deadline = k(l, IR_NUM, t->peak_by);
            notmet = sel(l, IR_STATUS, op2(l, IR_GE, IR_BOOL, y, deadline), st_failed, st_track);
        }
        judged = sel(l, IR_STATUS, pk, st_met, notmet);
        dscore = sel(l, IR_NUM, pk, hundred, zero);
        base = measured(l, t, shift_abs(t->y0));
        direction = k(l, IR_NUM, -1);
    } else {
        /* thresholds: every year, or milestones with deadlines.  goals[]
         * are the goals as written (the results' goal); jgoals[] those the
         * target is judged by, loosened by a tolerance (ir_judged_goal) */
        uint32_t n = t->nms;
        ir_type gt = t->type == TY_BOOL ? IR_BOOL : IR_NUM;
        uint32_t *conds = arena_alloc(l->a, n * sizeof *conds);
        uint32_t *goals = arena_alloc(l->a, n * sizeof *goals);
        uint32_t *jgoals = arena_alloc(l->a, n * sizeof *jgoals);
        uint32_t *mets = arena_alloc(l->a, n * sizeof *mets);
        bool same_op = true;
        for (uint32_t i = 0; i < n; i++) {
            const ast_expr *ge = t->ms[i].goal_expr;
            /* a goal from the data is read on the row, like the value */
            if (ge)
                goals[i] = gt == IR_NUM ? conv(l, lx(l, ge, here), ge->sema.unit, t->unit)
                                        : lx(l, ge, here);
            else
                goals[i] = k(l, gt, t->ms[i].goal);
            jgoals[i] = judged_goal(l, t, i, goals[i]);
            /* '==' with a tolerance is a band: its own test per milestone */
            if (t->ms[i].op != t->ms[0].op || (t->ms[i].op == OP_EQ && !isnan(t->ms[i].tolerance)))
                same_op = false;
        }
        base = measured(l, t, shift_abs(t->y0));
        direction = k(l, IR_NUM, direction_of(t->ms[0].track));
        if (n == 1 && t->ms[0].deadline == 0) {
            goal = goals[0];
            uint32_t met = meets(l, t, 0, v, goal, jgoals[0]);
            expected = jgoals[0];
            judged = sel(l, IR_STATUS, met, st_met, st_failed);
            dscore = sel(l, IR_NUM, met, hundred, zero);
        } else {
            uint32_t *dls = arena_alloc(l->a, n * sizeof *dls);
            uint32_t *ys = arena_alloc(l->a, n * sizeof *ys);
            uint32_t *bs = arena_alloc(l->a, n * sizeof *bs);
            uint32_t *tracks = arena_alloc(l->a, n * sizeof *tracks);
            for (uint32_t i = 0; i < n; i++) {
                dls[i] = k(l, IR_NUM, t->ms[i].deadline);
                conds[i] = op2(l, IR_LE, IR_BOOL, y, dls[i]);
                ys[i] = i == 0 ? y0 : dls[i - 1];
                bs[i] = i == 0 ? base : jgoals[i - 1];
            }
            goal = chain(l, gt, conds, goals, n);
            uint32_t jgoal = chain(l, gt, conds, jgoals, n);
            deadline = chain(l, IR_NUM, conds, dls, n);
            uint32_t *dirs = arena_alloc(l->a, n * sizeof *dirs);
            for (uint32_t i = 0; i < n; i++)
                dirs[i] = k(l, IR_NUM, direction_of(t->ms[i].track));
            direction = chain(l, IR_NUM, conds, dirs, n);
            ystart = chain(l, IR_NUM, conds, ys, n);
            bstart = chain(l, gt, conds, bs, n);
            uint32_t met, basemet;
            if (same_op) {
                met = op2(l, binop(t->ms[0].op), IR_BOOL, v, jgoal);
                basemet = op2(l, binop(t->ms[0].op), IR_BOOL, base, jgoal);
            } else {
                for (uint32_t i = 0; i < n; i++)
                    mets[i] = meets(l, t, i, v, goals[i], jgoals[i]);
                met = chain(l, IR_BOOL, conds, mets, n);
                for (uint32_t i = 0; i < n; i++)
                    mets[i] = meets(l, t, i, base, goals[i], jgoals[i]);
                basemet = chain(l, IR_BOOL, conds, mets, n);
            }
            /* e = b + (goal - b) * (y - y0) / (deadline - y0), from the
             * milestone's start; the goal itself once the deadline passed
             * (the goal judged by: loosened by a tolerance) */
            uint32_t past = op2(l, IR_GE, IR_BOOL, y, deadline);
            uint32_t e = trajectory(l, bstart, jgoal, op2(l, IR_SUB, IR_NUM, y, ystart),
                                    op2(l, IR_SUB, IR_NUM, deadline, ystart));
            expected = t->type == TY_BOOL ? nan : sel(l, IR_NUM, past, jgoal, e);
            /* e carries the rounding of four operations on b and g, at most
             * 2^-50 max(|b|, |g|) (ir_track_slack): a value on the line in
             * decimals (36.8 from 30.1 towards 50.2, e = 36.800000000000004)
             * reaches it within twice that */
            uint32_t slack = op2(l, IR_MUL, IR_NUM, k(l, IR_NUM, IR_TRACK_SLACK),
                                 op2(l, IR_MAX, IR_NUM, op1(l, IR_ABS, IR_NUM, bstart),
                                     op1(l, IR_ABS, IR_NUM, jgoal)));
            for (uint32_t i = 0; i < n; i++)
                tracks[i] = track_test(l, t, i, goals[i], v, e, slack);
            uint32_t track = chain(l, IR_BOOL, conds, tracks, n);
            uint32_t before = sel(l, IR_STATUS, track, st_track, st_lag);
            uint32_t notmet = sel(l, IR_STATUS, past, st_failed, before);
            judged = sel(l, IR_STATUS, met, st_met, notmet);
            /* 100 * clamp((v - b) / (goal - b), 0, 1); 0 when that is
             * missing (goal == b, or no baseline value), and 0 when b
             * itself met the goal: the value has lost ground, and the
             * ratio (then >= 1, or negative) measures no progress */
            uint32_t q = overshoot(l, t, conds, goals, jgoals, base, progress_ratio(l, v, base, jgoal));
            uint32_t pr = op2(l, IR_MUL, IR_NUM, hundred,
                              op2(l, IR_MIN, IR_NUM, op2(l, IR_MAX, IR_NUM, q, zero), one));
            uint32_t partial = op2(l, IR_COALESCE, IR_NUM, sel(l, IR_NUM, basemet, zero, pr), zero);
            dscore = sel(l, IR_NUM, met, hundred, partial);
        }
        if (t->tk == TG_RATED)
            dscore = op2(l, IR_MIN, IR_NUM, op2(l, IR_MAX, IR_NUM, v, zero), hundred);
    }

    if (t->scoped)
        applicable = op2(l, IR_AND, IR_BOOL, applicable, scope);
    /* On a row the runtime added for a parent region only share targets
     * have a value; every other target does not apply there.  A target is
     * a share target by what it measures or by its goal: a red line
     * `上限 >= total(city, 用水量)` is judged on the province's added row,
     * as `total(city, 用水量) <= 上限` is.  Rules that read no region's
     * regions below it have no added rows, and their kernels do not read
     * whether a row is in the data (a column less for a memory-bound loop). */
    l->own[ti] = IR_NO_SLOT;
    if (l->m->reads_below && !reads_share(l, v) && !reads_share(l, goal)) {
        ir_input pin = {.kind = IR_IN_PRESENT, .scale = 1.0};
        l->present = input(l, pin);
        l->own[ti] = applicable;
        applicable = op2(l, IR_AND, IR_BOOL, applicable, l->present);
    }
    uint32_t status = sel(l, IR_STATUS, applicable, op2(l, IR_COALESCE, IR_STATUS, judged, st_miss), st_na);

    /* the score: a score expression (its own, else the assessment's), or
     * the default; missing on missing and not_applicable rows */
    const ast_expr *se = t->score ? t->score : m->score;
    uint32_t raw = dscore;
    if (se) {
        scorectx sc = {.value = v, .goal = goal, .base = base, .expected = expected,
                       .deadline = deadline, .direction = direction, .dscore = dscore,
                       .progress = UINT32_MAX};
        l->sc = &sc;
        /* a score is the expression's number in its own dimensionless
         * unit: `score value` on a % indicator scores 80 for 80% */
        uint32_t x = lx(l, se, here);
        l->sc = NULL;
        raw = op2(l, IR_MIN, IR_NUM, op2(l, IR_MAX, IR_NUM, op2(l, IR_COALESCE, IR_NUM, x, zero), zero),
                  hundred);
    }
    l->peers = IR_NO_SLOT;
    uint32_t counted = op2(l, IR_GT, IR_BOOL, status, st_miss);
    out->status = status;
    out->value = v;
    out->goal = goal;
    out->expected = expected;
    out->score = sel(l, IR_NUM, counted, raw, nan);
    out->base = base;
    out->deadline = deadline;
    out->start_year = ystart;
    out->start_value = bstart;
    out->dscore = dscore;
}

/* A target's goals as written (ir_target.milestones): every milestone of a
 * threshold; the deadline alone of `peaks by D`. */
static void target_milestones(L *l, const sema_target *t, ir_target *o)
{
    if (t->tk == TG_PEAKS && t->peak_by) {
        ir_milestone *ms = arena_alloc(l->a, sizeof *ms);
        *ms = (ir_milestone){.op = IR_GT, .goal = NAN, .deadline = t->peak_by};
        o->milestones = ms;
        o->nmilestones = 1;
        return;
    }
    if (t->tk == TG_PEAKS || t->tk == TG_FALLS || t->tk == TG_RISES || t->nms == 0)
        return;
    ir_milestone *ms = arena_alloc(l->a, t->nms * sizeof *ms);
    for (uint32_t i = 0; i < t->nms; i++) {
        ms[i] = ir_ms(t, i);
        ms[i].goal_src = t->ms[i].goal_expr ? expr_text(l, t->ms[i].goal_expr) : NULL;
    }
    o->milestones = ms;
    o->nmilestones = t->nms;
}

/* The trace of an extending file's edit of a target, as one line
 * (ast_origin, import.h), or NULL for a target as written. */
static const char *origin_text(L *l, const ast_origin *o)
{
    if (!o)
        return NULL;
    const char *s = arena_printf(l->a, "%s at %s", ast_origin_word(o->kind), o->edit_at);
    if (o->base_at)
        s = arena_printf(l->a, "%s (base %s%s%s)", s, o->base_at, o->clause ? ", clause " : "",
                         o->clause ? o->clause : "");
    return o->detail ? arena_printf(l->a, "%s: %s", s, o->detail) : s;
}
/* What planc explain shows of a target besides its slots. */
static void target_explained(L *l, const sema_target *t, ir_target *o)
{
    const sema_model *m = l->m;
    o->measured_src = expr_text(l, t->measured);
    const ast_expr *me = t->measured;
    if (me->kind == EX_NAME && me->sema.ref == REF_INDICATOR && m->inds[me->sema.index].formula)
        o->measured_formula = expr_text(l, m->inds[me->sema.index].formula);
    const ast_expr *se = t->score ? t->score : m->score;
    o->score_src = se ? expr_text(l, se) : NULL;
    o->own_score = t->score != NULL;
    unsigned line, col;
    diag_linecol(l->d, t->sp.file, t->sp.lo, &line, &col);
    o->source = arena_printf(l->a, "%s:%u", l->d->files[t->sp.file].name, line);
    /* the scope when the target has one (what a warning about the rows it
     * covers points at), else the whole declaration */
    span at = t->ast && t->ast->scope.only.n ? t->ast->scope.sp : t->sp;
    o->src_file = at.file;
    o->src_lo = at.lo;
    o->src_hi = at.hi;
    o->origin = origin_text(l, t->origin);
    o->note = t->note;
    o->boolean = t->type == TY_BOOL;
    o->redline = t->redline;
    o->tolerance = t->tolerance;
    o->y0 = t->y0;
    o->scoped = t->scoped;
    o->scope = t->scope;
    o->nscope = t->nscope;
    target_milestones(l, t, o);
}

/* ---------------------------------------------------------------- roll-ups */

/* The weighted mean of the non-missing scores[i] with weights w[i]; missing
 * when no score counts (the weight sum is then 0). */
static uint32_t wmean(L *l, const uint32_t *scores, const double *w, uint32_t n)
{
    /* the mean of one score is that score (missing when it is) */
    uint32_t nonzero = 0, only = 0;
    for (uint32_t i = 0; i < n; i++)
        if (w[i] != 0) {
            nonzero++;
            only = scores[i];
        }
    if (nonzero == 1)
        return only;
    uint32_t zero = k(l, IR_NUM, 0);
    uint32_t num = zero, den = zero;
    bool any = false;
    for (uint32_t i = 0; i < n; i++) {
        if (w[i] == 0)
            continue;
        uint32_t wk = k(l, IR_NUM, w[i]);
        uint32_t s = op2(l, IR_COALESCE, IR_NUM, scores[i], zero);
        if (w[i] != 1)
            s = op2(l, IR_MUL, IR_NUM, s, wk);
        uint32_t c = sel(l, IR_NUM, op1(l, IR_ISNA, IR_BOOL, scores[i]), zero, wk);
        num = any ? op2(l, IR_ADD, IR_NUM, num, s) : s;
        den = any ? op2(l, IR_ADD, IR_NUM, den, c) : c;
        any = true;
    }
    if (!any)
        return k(l, IR_NUM, NAN);
    return op2(l, IR_DIV, IR_NUM, num, den);
}

/* The slot that is true on a row the runtime added (no row of its own in
 * the data) where some target that counts for the region's total or veto
 * would apply but for that: it reads the region's own data; or where a
 * share target that counts is missing and reads the region's own data of
 * the year (its goal the region's own column: ir_target_reads_own), which
 * an added row cannot hold.  IR_NO_SLOT when no row can be added (no
 * share step) or no such target exists (ir_target_counts says which
 * targets count). */
static uint32_t added_incomplete(L *l)
{
    const ir_program *p = l->p;
    bool shares = false;
    for (uint32_t i = 0; i < p->nsteps && !shares; i++)
        shares = p->steps[i].op == IR_SHARE;
    if (!shares)
        return IR_NO_SLOT;
    uint32_t any = IR_NO_SLOT;
    for (uint32_t i = 0; i < p->ntargets; i++) {
        if (!ir_target_counts(p, i))
            continue;
        uint32_t left = l->own[i];
        if (left == IR_NO_SLOT && ir_target_reads_own(p, i, NULL))
            left = op2(l, IR_EQ, IR_BOOL, p->targets[i].status, k(l, IR_STATUS, IR_ST_MISSING));
        if (left == IR_NO_SLOT)
            continue;
        any = any == IR_NO_SLOT ? left : op2(l, IR_OR, IR_BOOL, any, left);
    }
    if (any == IR_NO_SLOT)
        return IR_NO_SLOT;
    if (l->present == IR_NO_SLOT) { /* every target is a share target */
        ir_input pin = {.kind = IR_IN_PRESENT, .scale = 1.0};
        l->present = input(l, pin);
    }
    return op2(l, IR_AND, IR_BOOL, op1(l, IR_NOT, IR_BOOL, l->present), any);
}

/* Measures, sections, the total (§8), the veto and the grade. */
static void lower_rollups(L *l)
{
    const sema_model *m = l->m;
    ir_program *p = l->p;
    uint32_t nan = k(l, IR_NUM, NAN);
    if (!m->has_assessment) {
        for (uint32_t i = 0; i < p->nmeasures; i++)
            p->measures[i].score = nan;
        for (uint32_t i = 0; i < p->nsections; i++)
            p->sections[i].score = nan;
        p->total = nan;
        p->veto = k(l, IR_BOOL, 0);
        p->grade = k(l, IR_GRADE, NAN);
        return;
    }
    uint32_t st_miss = k(l, IR_STATUS, IR_ST_MISSING);
    /* The assessment judges the years after the plan's baseline year: the
     * baseline year is the reference point of the goals with a deadline
     * (not_applicable there, §9 rule 1), and a total of the every-year
     * goals and red lines alone would grade a year the plan did not yet
     * run in.  Those targets are still judged and can still fire a veto;
     * the measures, sections, total and grade of the year are missing. */
    uint32_t assessed = op2(l, IR_GT, IR_BOOL, l->year, k(l, IR_NUM, m->baseline));
    uint32_t nmax = m->ntargets > m->nmeasures ? m->ntargets : m->nmeasures;
    nmax = nmax > m->nsections ? nmax : m->nsections;
    uint32_t *sc = arena_alloc(l->a, (nmax + 1) * sizeof *sc);
    double *w = arena_alloc(l->a, (nmax + 1) * sizeof *w);
    for (uint32_t i = 0; i < m->nmeasures; i++) {
        const sema_measure *mm = &m->measures[i];
        for (uint32_t j = 0; j < mm->ntargets; j++) {
            const ir_target *t = &p->targets[mm->targets[j]];
            sc[j] = t->score;
            if (m->missing == MISSING_ZERO)
                sc[j] = sel(l, IR_NUM, op2(l, IR_EQ, IR_BOOL, t->status, st_miss), k(l, IR_NUM, 0), t->score);
            w[j] = t->weight;
        }
        p->measures[i].score = sel(l, IR_NUM, assessed, wmean(l, sc, w, mm->ntargets), nan);
    }
    for (uint32_t i = 0; i < m->nsections; i++) {
        const sema_section *sec = &m->sections[i];
        for (uint32_t j = 0; j < sec->nmeasures; j++) {
            sc[j] = p->measures[sec->measures[j]].score;
            w[j] = p->measures[sec->measures[j]].weight;
        }
        p->sections[i].score = wmean(l, sc, w, sec->nmeasures);
    }
    for (uint32_t i = 0; i < m->nsections; i++) {
        sc[i] = p->sections[i].score;
        w[i] = p->sections[i].weight;
    }
    p->total = wmean(l, sc, w, m->nsections);

    uint32_t veto = k(l, IR_BOOL, 0);
    uint32_t st_failed = k(l, IR_STATUS, IR_ST_FAILED);
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (p->targets[i].veto)
            veto = op2(l, IR_OR, IR_BOOL, veto, op2(l, IR_EQ, IR_BOOL, p->targets[i].status, st_failed));
    p->veto = veto;

    /* On a row the runtime added for a parent region (§6: only share
     * targets apply there), the region's assessment is incomplete when a
     * target that would count for it reads its own data: its total and
     * grade are then missing rather than computed from the share targets
     * alone (a veto still gives the last band). */
    uint32_t incomplete = added_incomplete(l);
    if (incomplete != IR_NO_SLOT)
        p->total = sel(l, IR_NUM, incomplete, nan, p->total);

    if (m->nbands == 0) {
        p->grade = k(l, IR_GRADE, NAN);
        return;
    }
    uint32_t last = k(l, IR_GRADE, m->nbands - 1);
    uint32_t g = last;
    for (uint32_t i = m->nbands - 1; i-- > 0;)
        g = sel(l, IR_GRADE, op2(l, IR_GE, IR_BOOL, p->total, k(l, IR_NUM, m->band_min[i])),
                k(l, IR_GRADE, i), g);
    if (incomplete != IR_NO_SLOT)
        g = sel(l, IR_GRADE, incomplete, k(l, IR_GRADE, NAN), g);
    p->grade = sel(l, IR_GRADE, assessed, sel(l, IR_GRADE, veto, last, g), k(l, IR_GRADE, NAN));
}

/* ---------------------------------------------------------------- dead steps */

/* Removes every step no output needs, then the inputs, columns and scopes
 * no remaining step reads; renumbers everything. */
static void prune(L *l)
{
    ir_program *p = l->p;
    uint32_t n = p->nsteps;
    uint8_t *live = arena_alloc(l->a, n + 1);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *t = &p->targets[i];
        live[t->status] = live[t->value] = live[t->goal] = live[t->expected] = live[t->score] = 1;
    }
    for (uint32_t i = 0; i < p->nmeasures; i++)
        live[p->measures[i].score] = 1;
    for (uint32_t i = 0; i < p->nsections; i++)
        live[p->sections[i].score] = 1;
    live[p->total] = live[p->veto] = live[p->grade] = 1;
    for (uint32_t i = 0; l->keep && i < p->ntargets; i++) {
        const ir_target *t = &p->targets[i];
        const uint32_t keep[] = {t->base, t->deadline, t->start_year, t->start_value, t->dscore};
        for (size_t j = 0; j < sizeof keep / sizeof keep[0]; j++)
            if (keep[j] != IR_NO_SLOT)
                live[keep[j]] = 1;
    }
    for (uint32_t i = n; i-- > 0;) {
        if (!live[i])
            continue;
        const ir_step *s = &p->steps[i];
        int ar = ir_arity(s->op);
        if (ar >= 1) live[s->a] = 1;
        if (ar >= 2) live[s->b] = 1;
        if (ar >= 3) live[s->c] = 1;
    }
    uint32_t *map = arena_alloc(l->a, (n + 1) * sizeof *map);
    uint32_t *inmap = arena_alloc(l->a, (p->ninputs + 1) * sizeof *inmap);
    uint8_t *inlive = arena_alloc(l->a, p->ninputs + 1);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!live[i])
            continue;
        ir_step s = p->steps[i];
        int ar = ir_arity(s.op);
        if (ar >= 1) s.a = map[s.a];
        if (ar >= 2) s.b = map[s.b];
        if (ar >= 3) s.c = map[s.c];
        if (s.op == IR_INPUT)
            inlive[s.aux] = 1;
        map[i] = m;
        p->steps[m++] = s;
    }
    p->nsteps = m;
    uint32_t nl = 0;
    for (uint32_t i = 0; i < p->nlabels; i++)
        if (live[p->labels[i].step])
            p->labels[nl++] = (ir_label){.step = map[p->labels[i].step], .text = p->labels[i].text};
    p->nlabels = nl;
    for (uint32_t i = 0; i < p->ntargets; i++) {
        ir_target *t = &p->targets[i];
        t->status = map[t->status];
        t->value = map[t->value];
        t->goal = map[t->goal];
        t->expected = map[t->expected];
        t->score = map[t->score];
        /* explanation slots: renumbered when kept, else IR_NO_SLOT */
        uint32_t *ex[] = {&t->base, &t->deadline, &t->start_year, &t->start_value, &t->dscore};
        for (size_t j = 0; j < sizeof ex / sizeof ex[0]; j++)
            *ex[j] = *ex[j] != IR_NO_SLOT && live[*ex[j]] ? map[*ex[j]] : IR_NO_SLOT;
    }
    for (uint32_t i = 0; i < p->nmeasures; i++)
        p->measures[i].score = map[p->measures[i].score];
    for (uint32_t i = 0; i < p->nsections; i++)
        p->sections[i].score = map[p->sections[i].score];
    p->total = map[p->total];
    p->veto = map[p->veto];
    p->grade = map[p->grade];

    /* inputs, then the columns and scopes they read */
    uint32_t *colmap = arena_alloc(l->a, (p->ncolumns + 1) * sizeof *colmap);
    uint8_t *collive = arena_alloc(l->a, p->ncolumns + 1);
    uint32_t *scmap = arena_alloc(l->a, (p->nscopes + 1) * sizeof *scmap);
    uint8_t *sclive = arena_alloc(l->a, p->nscopes + 1);
    for (uint32_t i = 0; i < p->ninputs; i++) {
        if (!inlive[i])
            continue;
        if (p->inputs[i].kind == IR_IN_DATA)
            collive[p->inputs[i].column] = 1;
        if (p->inputs[i].kind == IR_IN_SCOPE)
            sclive[p->inputs[i].scope] = 1;
    }
    uint32_t nc = 0, ns = 0, ni = 0;
    /* A column with an aggregate or a column per year says how the data
     * is shaped (rows combined, years from the header): it stays even when
     * nothing reads it. */
    for (uint32_t i = 0; i < p->ncolumns; i++)
        if (p->columns[i].agg != IR_AGG_NONE || p->columns[i].per_year)
            collive[i] = 1;
    for (uint32_t i = 0; i < p->ncolumns; i++)
        if (collive[i]) {
            colmap[i] = nc;
            p->columns[nc++] = p->columns[i];
        }
    for (uint32_t i = 0; i < p->nscopes; i++)
        if (sclive[i]) {
            scmap[i] = ns;
            p->scopes[ns++] = p->scopes[i];
        }
    for (uint32_t i = 0; i < p->ninputs; i++) {
        if (!inlive[i])
            continue;
        ir_input in = p->inputs[i];
        if (in.kind == IR_IN_DATA)
            in.column = colmap[in.column];
        if (in.kind == IR_IN_SCOPE)
            in.scope = scmap[in.scope];
        inmap[i] = ni;
        p->inputs[ni++] = in;
    }
    p->ncolumns = nc;
    p->nscopes = ns;
    p->ninputs = ni;
    for (uint32_t i = 0; i < p->nsteps; i++)
        if (p->steps[i].op == IR_INPUT)
            p->steps[i].aux = inmap[p->steps[i].aux];
    /* the step-sized scratch goes back (the arena keeps the rest) */
    arena_release(l->a, live, n + 1);
    arena_release(l->a, map, (n + 1) * sizeof *map);
}

/* The data columns each target reads (for missing-data messages): every
 * column input its status or value depends on. */
static void target_columns(L *l)
{
    ir_program *p = l->p;
    ir_reads rd;
    ir_reads_init(&rd, l->a, p);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        ir_target *t = &p->targets[i];
        const uint32_t roots[2] = {t->status, t->value};
        uint32_t nc = ir_columns_read(&rd, p, roots, 2);
        t->columns = arena_alloc(l->a, (nc + 1) * sizeof *t->columns);
        t->ncolumns = nc;
        memcpy(t->columns, rd.cols, nc * sizeof *t->columns);
    }
}

/* ---------------------------------------------------------------- entry */

/* A text of a map with its length and index, as lower_map sorts them. */
typedef struct map_text {
    const char *s;
    uint32_t len, index;
} map_text;

/* Orders map texts by length, then bytes (ir.h ir_textmap.sorted). */
static int cmp_map_text(const void *x, const void *y)
{
    const map_text *a = x, *b = y;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return memcmp(a->s, b->s, a->len);
}

/* A checked text map as the data reader uses it (ir.h ir_textmap). */
static const ir_textmap *lower_map(arena *a, const sema_map *mp)
{
    ir_textmap *t = arena_alloc(a, sizeof *t);
    uint32_t *lens = arena_alloc(a, (mp->n + 1) * sizeof *lens);
    uint32_t *sorted = arena_alloc(a, (mp->n + 1) * sizeof *sorted);
    map_text *v = arena_alloc(a, (mp->n + 1) * sizeof *v);
    for (uint32_t k = 0; k < mp->n; k++) {
        lens[k] = (uint32_t)strlen(mp->texts[k]);
        v[k] = (map_text){mp->texts[k], lens[k], k};
    }
    qsort(v, mp->n, sizeof *v, cmp_map_text);
    for (uint32_t k = 0; k < mp->n; k++)
        sorted[k] = v[k].index;
    *t = (ir_textmap){.name = mp->name, .texts = mp->texts, .lens = lens, .values = mp->values,
                      .sorted = sorted, .n = mp->n, .else_missing = mp->else_missing};
    return t;
}

/* The `from` and `to` of n pairs (renames: old and new name; region
 * drops: the name and where it is dropped) as two arrays of the program,
 * in the arena. */
static void split_pairs(arena *a, const sema_rename *v, uint32_t n, const char ***from,
                        const char ***to)
{
    *from = arena_alloc(a, (n + 1) * sizeof **from);
    *to = arena_alloc(a, (n + 1) * sizeof **to);
    for (uint32_t k = 0; k < n; k++) {
        (*from)[k] = v[k].from;
        (*to)[k] = v[k].to;
    }
}

/* Adds unit u to the table units[0..*n) unless a unit of its name is in
 * it already (a name is one unit: the checker composes a compound's name
 * from its operands'). */
static void add_unit(const sema_model *m, ir_unit *units, uint32_t *n, const unit_t *u)
{
    if (!u)
        return;
    const char *name = unit_name(u);
    for (uint32_t i = 0; i < *n; i++)
        if (strcmp(units[i].name, name) == 0)
            return;
    units[(*n)++] = (ir_unit){.name = name, .dim = unit_dimstr(&m->units, u), .factor = u->factor};
}

/* The program's units (ir.h ir_unit): every unit the rules declare, then
 * those an indicator, a column (`in UNIT`) or a target is in that no
 * declaration names (compounds such as 吨/万元), each once. */
static void lower_units(arena *a, const sema_model *m, ir_program *p)
{
    ir_unit *units = arena_alloc(a, (m->nunit_names + 2 * m->ninds + m->ntargets + 1) * sizeof *units);
    uint32_t n = 0;
    for (uint32_t i = 0; i < m->nunit_names; i++)
        add_unit(m, units, &n, m->unit_defs[i]);
    for (uint32_t i = 0; i < m->ninds; i++) {
        add_unit(m, units, &n, m->inds[i].unit);
        add_unit(m, units, &n, m->inds[i].column_unit);
    }
    for (uint32_t i = 0; i < m->ntargets; i++)
        add_unit(m, units, &n, m->targets[i].unit);
    p->units = units;
    p->nunits = n;
}

/* Lowers m; `keep` keeps the explanation slots (lower_program_explained). */
static ir_program *lower(arena *a, diag_ctx *d, const sema_model *m, bool keep)
{
    ir_program *p = arena_alloc(a, sizeof *p);
    L st;
    memset(&st, 0, sizeof st);
    L *l = &st;
    l->a = a;
    l->d = d;
    l->m = m;
    l->p = p;
    l->keep = keep;
    l->peers = IR_NO_SLOT;

    p->plan = m->plan;
    p->title = m->title;
    p->nrenames = m->ntarget_renames;
    split_pairs(a, m->target_renames, m->ntarget_renames, &p->renamed_from, &p->renamed_to);
    p->nregion_renames = m->nregion_renames;
    split_pairs(a, m->region_renames, m->nregion_renames, &p->region_from, &p->region_to);
    p->nind_renames = m->nind_renames;
    split_pairs(a, m->ind_renames, m->nind_renames, &p->ind_from, &p->ind_to);
    p->unit_names = m->unit_names;
    p->nunit_names = m->nunit_names;
    lower_units(a, m, p);
    p->nregion_drops = m->nregion_drops;
    split_pairs(a, m->region_drops, m->nregion_drops, &p->region_dropped, &p->region_dropped_at);
    p->nregion_aliases = m->nregion_aliases;
    split_pairs(a, m->region_aliases, m->nregion_aliases, &p->region_alias, &p->region_alias_of);
    p->baseline = m->baseline;
    p->horizon = m->horizon;
    p->region_key = m->region_key;
    p->year_key = m->year_key;
    p->levels = m->levels;
    p->level_texts = m->level_texts;
    p->nlevels = m->nlevels;
    p->regions = arena_alloc(a, (m->nregions + 1) * sizeof *p->regions);
    p->nregions = m->nregions;
    for (uint32_t i = 0; i < m->nregions; i++) {
        const sema_region *r = &m->regions[i];
        p->regions[i] = (ir_region){.name = r->name, .level = r->level, .parent = r->parent,
                                    .aliases = r->aliases, .naliases = r->naliases,
                                    .is_group = r->is_group,
                                    .members = r->members, .nmembers = r->nmembers,
                                    .groups = r->groups, .ngroups = r->ngroups};
    }
    const ir_textmap **maps = arena_alloc(a, (m->nmaps + 1) * sizeof *maps);
    p->columns = arena_alloc(a, (m->ncolumns + 1) * sizeof *p->columns);
    p->ncolumns = m->ncolumns;
    for (uint32_t i = 0; i < m->ncolumns; i++) {
        const sema_indicator *ind = &m->inds[m->columns[i].indicator];
        const unit_t *cu = ind->column_unit ? ind->column_unit : ind->unit;
        bool num = ind->type == TY_NUM && cu && ind->unit;
        double dv = num ? unit_divisor(cu, ind->unit) : 0;
        p->columns[i] = (ir_column){.name = m->columns[i].name,
                                    .type = m->columns[i].is_bool ? IR_COL_BOOL : IR_COL_NUM,
                                    .indicator = ind->name,
                                    .unit = cu ? unit_name(cu) : "",
                                    .indicator_unit = ind->unit ? unit_name(ind->unit) : "",
                                    .divisor = cu == ind->unit ? 0 : dv,
                                    .factor = num && dv == 0 ? unit_factor(cu, ind->unit) : 1.0,
                                    .agg = lower_aggkind(m->columns[i].agg.kind),
                                    .agg_op = binop(m->columns[i].agg.op),
                                    .agg_limit = m->columns[i].agg.limit,
                                    .agg_text = ast_agg_text(a, &m->columns[i].agg),
                                    .per_year = strstr(m->columns[i].name, "{year}") != NULL};
        int32_t mi = m->columns[i].map;
        if (mi >= 0 && !maps[mi])
            maps[mi] = lower_map(a, &m->maps[mi]);
        p->columns[i].map = mi >= 0 ? maps[mi] : NULL;
    }

    ir_input yin = {.kind = IR_IN_YEAR, .scale = 1.0};
    l->year = input(l, yin);

    p->measures = arena_alloc(a, (m->nmeasures + 1) * sizeof *p->measures);
    p->nmeasures = m->nmeasures;
    for (uint32_t i = 0; i < m->nmeasures; i++) {
        const sema_measure *mm = &m->measures[i];
        p->measures[i] = (ir_measure){.id = mm->id, .title = mm->title, .section = mm->section,
                                      .lead = mm->lead, .nlead = mm->nlead,
                                      .responsible = mm->responsible,
                                      .nresponsible = mm->nresponsible,
                                      .shared = mm->shared, .weight = mm->weight};
    }
    p->sections = arena_alloc(a, (m->nsections + 1) * sizeof *p->sections);
    p->nsections = m->nsections;
    for (uint32_t i = 0; i < m->nsections; i++)
        p->sections[i] = (ir_section){.id = m->sections[i].id, .title = m->sections[i].title,
                                      .weight = m->sections[i].weight};

    p->targets = arena_alloc(a, (m->ntargets + 1) * sizeof *p->targets);
    p->ntargets = m->ntargets;
    l->own = arena_alloc(a, (m->ntargets + 1) * sizeof *l->own);
    l->present = IR_NO_SLOT;
    for (uint32_t i = 0; i < m->ntargets; i++) {
        const sema_target *t = &m->targets[i];
        ir_target *o = &p->targets[i];
        o->name = t->name;
        o->desc = t->desc;
        o->kind = t->kind;
        o->unit = t->unit ? unit_name(t->unit) : "";
        o->clause = t->clause;
        o->measure = t->measure;
        o->weight = t->weight;
        o->veto = t->veto;
        target_explained(l, t, o);
        lower_target(l, i, o);
    }

    p->has_assessment = m->has_assessment;
    p->assessment = m->assessment;
    switch (m->missing) {
    case MISSING_ZERO: p->missing = IR_MISSING_ZERO; break;
    case MISSING_REWEIGHT: p->missing = IR_MISSING_REWEIGHT; break;
    case MISSING_ERROR: p->missing = IR_MISSING_ERROR; break;
    default: p->missing = IR_MISSING_NONE; break;
    }
    p->bands = m->bands;
    p->nbands = m->nbands;
    p->band_min = m->band_min;
    lower_rollups(l);
    free(l->share);
    /* the tables of the hash consing are not needed past this point */
    arena_release(a, l->steps.v, l->steps.cap * sizeof *l->steps.v);
    arena_release(a, l->inputs.v, l->inputs.cap * sizeof *l->inputs.v);
    arena_release(a, l->memos.v, l->memos.cap * sizeof *l->memos.v);
    arena_release(a, l->scopes.v, l->scopes.cap * sizeof *l->scopes.v);
    arena_release(a, l->memo, l->capmemo * sizeof *l->memo);
    prune(l);
    target_columns(l);
    return p;
}

ir_program *lower_program(arena *a, diag_ctx *d, const sema_model *m)
{
    return lower(a, d, m, false);
}

ir_program *lower_program_explained(arena *a, diag_ctx *d, const sema_model *m)
{
    return lower(a, d, m, true);
}
