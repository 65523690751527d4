/* cg.c — lowering the segments of a scoring program to LLVM IR (see cg.h).
 *
 * Before any code: the program is checked (check_program) and every slot
 * gets its facts (slot_facts: can it be NaN?).  Then each segment's
 * materialized slots are split into groups (CG_GROUP_ROOTS); per group:
 *   1. roles: which slots the group's loop needs and how it gets each one
 *      (computed in the loop, or loaded from a materialized column written
 *      before the group runs), found by a walk from the group's roots;
 *   2. parameters: one column pointer per input read, per column read, per
 *      column written.
 * The groups are shared out among the parts; the module of part `part`
 * gets the code of its groups (build_group) and, for part 0, the seg_N
 * functions that call them (build_wrapper) with the small-range helper.
 * The ir.h operations are lowered by the small l_ helpers below, each a few
 * fcmp/select instructions on vectors with exactly the ir.h NaN rules. */
#include "cg.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>

/* Fewest segment steps per part worth a thread of its own: below this,
 * starting a thread and a context costs more than it saves. */
enum { CG_PART_STEPS = 400 };

/* How a group's loop obtains a slot's value. */
typedef enum slot_role {
    ROLE_NONE,     /* the group does not need it */
    ROLE_COMPUTE,  /* computed in the loop from its operands (or imm / input) */
    ROLE_LOAD      /* loaded from its column: an earlier, materialized slot */
} slot_role;

/* How a slot's value is held while a group's body is built: not yet, as a
 * vector of doubles (val), or as a boolean (cond: where the value is 1.0;
 * nanm: where it is NaN, NULL for nowhere) whose double vector is built
 * only if something needs it. */
typedef enum slot_form { FORM_NONE, FORM_VALUE, FORM_BOOL } slot_form;

/* One parameter of a group function: a column pointer, where seg_N finds
 * it (inputs[index] or cols[index]) and whether the group writes it. */
typedef struct col_param {
    bool from_cols;
    bool written;
    uint32_t index;
} col_param;

/* A group of a segment: the loop function computing some of its
 * materialized slots, the slots it needs (ascending, with their roles),
 * the column pointers it takes, and the part it belongs to. */
typedef struct group {
    uint32_t seg, index;       /* segment, and position in it */
    const uint32_t *roots;
    uint32_t nroots;
    uint32_t *needed;          /* malloc'd, ascending */
    unsigned char *roles;      /* malloc'd, role of needed[i] */
    uint32_t nneeded;
    col_param *params;         /* malloc'd */
    uint32_t nparams;
    uint32_t work;             /* steps computed: its share of compile time */
    unsigned part;
    LLVMValueRef fn;           /* defined or declared in the module */
} group;

/* The state of one lowering: LLVM handles, cached types and constants, the
 * program and its facts, the groups, and per-group scratch arrays
 * (p->nsteps or p->ninputs long). */
typedef struct cg_state {
    LLVMContextRef ctx;
    LLVMModuleRef mod;
    LLVMBuilderRef b;
    LLVMTypeRef dbl, vec, i1, i32, i64, ptr, voidty;
    unsigned W;                    /* doubles per vector (cg.h) */
    LLVMValueRef nan, zero, one;   /* <W x double> splats */
    LLVMTypeRef fabs_ty;           /* llvm.fabs on vectors, declared on first use */
    LLVMValueRef fabs_fn;
    LLVMTypeRef pad_ty;            /* planc.pad, built on first use */
    LLVMValueRef pad_fn;
    const ir_program *p;
    const exec_plan *plan;
    FILE *err;
    bool *maynan;              /* per slot: may its value be NaN? */
    group *groups;             /* every group of every segment, in order */
    uint32_t ngroups;
    uint32_t **seg_roots;      /* per segment: its materialized slots */
    /* Per group being built, reset for the slots it needs. */
    unsigned char *role;
    unsigned char *form;
    LLVMValueRef *val, *cond, *nanm;
    LLVMValueRef *isnan_c;     /* cached NaN test of a FORM_VALUE slot */
    LLVMValueRef *colparam;    /* column pointer (group parameter) per slot */
    LLVMValueRef *inparam;     /* input pointer (group parameter) per input */
    bool *in_used;             /* per input: read by the group (list_params) */
    uint32_t *stack;           /* the walk of assign_roles */
} cg_state;

/* Prints one internal error in the driver's format. */
static void cg_fail(cg_state *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void cg_fail(cg_state *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("planc: internal error: JIT: ", g->err);
    vfprintf(g->err, fmt, ap);
    fputc('\n', g->err);
    va_end(ap);
}

void cg_segment_name(uint32_t seg, char buf[CG_NAME_MAX])
{
    snprintf(buf, CG_NAME_MAX, "seg_%u", seg);
}

/* The name of group q of segment k ("seg_K.gQ"). */
static void group_name(const group *gr, char buf[CG_NAME_MAX + 16])
{
    cg_segment_name(gr->seg, buf);
    snprintf(buf + strlen(buf), 16, ".g%u", gr->index);
}

/* ---- facts ---- */

/* Whether each slot may be NaN, from its op and its operands' facts:
 * constants are what they are; years, scope masks and the presence flag
 * are never NaN (table.h); min, max, comparisons and logic are NaN only
 * when an operand is; ISNA never; SELECT when one of its three operands
 * may be; COALESCE only when both may be.  Arithmetic may make a NaN of
 * non-NaN operands (inf - inf, 0 * inf, x / 0), so its results may be NaN;
 * so may a barrier's. */
static void slot_facts(cg_state *g)
{
    const ir_program *p = g->p;
    bool *m = g->maynan;
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        switch (s->op) {
        case IR_CONST: m[i] = isnan(s->imm); break;
        case IR_INPUT: {
            ir_inputkind k = p->inputs[s->aux].kind;
            m[i] = !(k == IR_IN_YEAR || k == IR_IN_SCOPE || k == IR_IN_PRESENT);
            break;
        }
        case IR_NEG: case IR_ABS: case IR_NOT: m[i] = m[s->a]; break;
        case IR_ISNA: m[i] = false; break;
        case IR_MIN: case IR_MAX: case IR_LT: case IR_LE: case IR_GT: case IR_GE:
        case IR_EQ: case IR_NE: case IR_AND: case IR_OR:
            m[i] = m[s->a] || m[s->b];
            break;
        case IR_SELECT: m[i] = m[s->a] || m[s->b] || m[s->c]; break;
        case IR_COALESCE: m[i] = m[s->a] && m[s->b]; break;
        case IR_ADD: case IR_SUB: case IR_MUL: case IR_DIV:
        case IR_PEAK: case IR_SHARE: case IR_NOPS:
            m[i] = true;
            break;
        }
    }
}

/* ---- small lowering helpers: one ir.h rule each ---- */

/* A <W x double> with every element v. */
static LLVMValueRef splat(cg_state *g, double v)
{
    LLVMValueRef e[CG_MAX_WIDTH];
    for (unsigned k = 0; k < g->W; k++)
        e[k] = LLVMConstReal(g->dbl, v);
    return LLVMConstVector(e, g->W);
}

/* Whether an i1 vector is a constant with every element false / true. */
static bool all_false(LLVMValueRef c)
{
    return LLVMIsConstant(c) && LLVMIsNull(c);
}
static bool all_true(LLVMValueRef c)
{
    return LLVMIsConstant(c) && LLVMIsNull(LLVMConstNot(c));
}

/* select(c, a, b), or the arm a constant condition picks. */
static LLVMValueRef l_select(cg_state *g, LLVMValueRef c, LLVMValueRef a, LLVMValueRef b,
                             const char *name)
{
    if (all_true(c) || a == b)
        return a;
    if (all_false(c))
        return b;
    return LLVMBuildSelect(g->b, c, a, b, name);
}

/* The union of two "where NaN" masks (NULL: nowhere). */
static LLVMValueRef l_or_mask(cg_state *g, LLVMValueRef a, LLVMValueRef b)
{
    if (!a || all_false(a))
        return b;
    if (!b || all_false(b))
        return a;
    return LLVMBuildOr(g->b, a, b, "");
}

/* NaN where mask holds (NULL: nowhere), v elsewhere. */
static LLVMValueRef l_nan_where(cg_state *g, LLVMValueRef mask, LLVMValueRef v, const char *name)
{
    return mask ? l_select(g, mask, g->nan, v, name) : v;
}

/* The double vector of slot s: built from its boolean form on first use
 * (1.0 where cond, 0.0 elsewhere, NaN where nanm). */
static LLVMValueRef v_val(cg_state *g, uint32_t s)
{
    if (!g->val[s]) {
        char name[16];
        snprintf(name, sizeof name, "s%u", s);
        LLVMValueRef v = l_select(g, g->cond[s], g->one, g->zero, g->nanm[s] ? "" : name);
        g->val[s] = l_nan_where(g, g->nanm[s], v, name);
    }
    return g->val[s];
}

/* Where slot s is NaN, or NULL when it never is. */
static LLVMValueRef v_isnan(cg_state *g, uint32_t s)
{
    if (!g->maynan[s])
        return NULL;
    if (g->form[s] == FORM_BOOL)
        return g->nanm[s];
    if (!g->isnan_c[s])
        g->isnan_c[s] = LLVMBuildFCmp(g->b, LLVMRealUNO, g->val[s], g->val[s], "");
    return g->isnan_c[s];
}

/* Where slot s is true (C's `s != 0`); meaningful where s is not NaN. */
static LLVMValueRef v_truth(cg_state *g, uint32_t s)
{
    if (g->form[s] == FORM_BOOL)
        return g->cond[s];
    return LLVMBuildFCmp(g->b, LLVMRealUNE, g->val[s], g->zero, "");
}

/* Where either a or b is NaN (NULL: nowhere). */
static LLVMValueRef v_either_nan(cg_state *g, uint32_t a, uint32_t b)
{
    if (g->maynan[a] && g->maynan[b] && g->form[a] == FORM_VALUE && g->form[b] == FORM_VALUE)
        return LLVMBuildFCmp(g->b, LLVMRealUNO, g->val[a], g->val[b], "");
    return l_or_mask(g, v_isnan(g, a), v_isnan(g, b));
}

/* Gives slot s a boolean form: 1.0 where cond, NaN where nanm. */
static void set_bool(cg_state *g, uint32_t s, LLVMValueRef cond, LLVMValueRef nanm)
{
    g->form[s] = FORM_BOOL;
    g->cond[s] = cond;
    g->nanm[s] = nanm && !all_false(nanm) ? nanm : NULL;
    g->val[s] = NULL;
}

/* Gives slot s the double vector v. */
static void set_val(cg_state *g, uint32_t s, LLVMValueRef v)
{
    g->form[s] = FORM_VALUE;
    g->val[s] = v;
}

/* IR_ABS: llvm.fabs (clears the sign bit, as C's fabs). */
static LLVMValueRef l_abs(cg_state *g, LLVMValueRef a, const char *name)
{
    if (!g->fabs_fn) {
        unsigned id = LLVMLookupIntrinsicID("llvm.fabs", 9);
        g->fabs_fn = LLVMGetIntrinsicDeclaration(g->mod, id, &g->vec, 1);
        g->fabs_ty = LLVMIntrinsicGetType(g->ctx, id, &g->vec, 1);
    }
    return LLVMBuildCall2(g->b, g->fabs_ty, g->fabs_fn, &a, 1, name);
}

/* Loads W rows from `row` of the double column `base`. */
static LLVMValueRef l_load(cg_state *g, LLVMValueRef base, LLVMValueRef row, const char *name)
{
    LLVMValueRef at = LLVMBuildInBoundsGEP2(g->b, g->dbl, base, &row, 1, "");
    LLVMValueRef v = LLVMBuildLoad2(g->b, g->vec, at, name);
    LLVMSetAlignment(v, 8);
    return v;
}

/* Stores W rows from `row` of the double column `base`. */
static void l_store(cg_state *g, LLVMValueRef base, LLVMValueRef row, LLVMValueRef v)
{
    LLVMValueRef at = LLVMBuildInBoundsGEP2(g->b, g->dbl, base, &row, 1, "");
    LLVMSetAlignment(LLVMBuildStore(g->b, v, at), 8);
}

/* The fcmp predicate of a comparison op.  NE is unordered (C's !=), the
 * others ordered; which one does not matter where an operand is NaN (the
 * result is NaN there), only that it is the C comparison elsewhere. */
static LLVMRealPredicate compare_pred(ir_op op)
{
    switch (op) {
    case IR_LT: return LLVMRealOLT;
    case IR_LE: return LLVMRealOLE;
    case IR_GT: return LLVMRealOGT;
    case IR_GE: return LLVMRealOGE;
    case IR_EQ: return LLVMRealOEQ;
    default: return LLVMRealUNE;
    }
}

/* Computes step `s` for the rows starting at `row`, from its operands'
 * forms, and gives it its form. */
static void l_step(cg_state *g, uint32_t s, LLVMValueRef row)
{
    const ir_step *st = &g->p->steps[s];
    uint32_t a = st->a, b = st->b, c = st->c;
    char name[16];
    snprintf(name, sizeof name, "s%u", s);

    switch (st->op) {
    case IR_CONST: set_val(g, s, splat(g, st->imm)); return;
    case IR_INPUT: set_val(g, s, l_load(g, g->inparam[st->aux], row, name)); return;
    case IR_NEG: set_val(g, s, LLVMBuildFNeg(g->b, v_val(g, a), name)); return;
    case IR_ABS: set_val(g, s, l_abs(g, v_val(g, a), name)); return;
    case IR_ADD: set_val(g, s, LLVMBuildFAdd(g->b, v_val(g, a), v_val(g, b), name)); return;
    case IR_SUB: set_val(g, s, LLVMBuildFSub(g->b, v_val(g, a), v_val(g, b), name)); return;
    case IR_MUL: set_val(g, s, LLVMBuildFMul(g->b, v_val(g, a), v_val(g, b), name)); return;
    case IR_DIV: {
        LLVMValueRef vb = v_val(g, b);
        LLVMValueRef q = LLVMBuildFDiv(g->b, v_val(g, a), vb, "");
        set_val(g, s, l_select(g, LLVMBuildFCmp(g->b, LLVMRealOEQ, vb, g->zero, ""), g->nan, q, name));
        return;
    }
    case IR_MIN: case IR_MAX: {
        /* a < b ? a : b (a > b for max), so equal operands (0 and -0) give b. */
        LLVMValueRef va = v_val(g, a), vb = v_val(g, b);
        LLVMRealPredicate pred = st->op == IR_MIN ? LLVMRealOLT : LLVMRealOGT;
        LLVMValueRef pick = l_select(g, LLVMBuildFCmp(g->b, pred, va, vb, ""), va, vb, "");
        set_val(g, s, l_nan_where(g, v_either_nan(g, a, b), pick, name));
        return;
    }
    case IR_LT: case IR_LE: case IR_GT: case IR_GE: case IR_EQ: case IR_NE:
        set_bool(g, s, LLVMBuildFCmp(g->b, compare_pred(st->op), v_val(g, a), v_val(g, b), ""),
                 v_either_nan(g, a, b));
        return;
    case IR_AND: case IR_OR: {
        LLVMValueRef ta = v_truth(g, a), tb = v_truth(g, b);
        LLVMValueRef t = st->op == IR_AND ? LLVMBuildAnd(g->b, ta, tb, "") : LLVMBuildOr(g->b, ta, tb, "");
        set_bool(g, s, t, v_either_nan(g, a, b));
        return;
    }
    case IR_NOT: {
        LLVMValueRef t = g->form[a] == FORM_BOOL ? LLVMBuildNot(g->b, g->cond[a], "")
                       : LLVMBuildFCmp(g->b, LLVMRealOEQ, g->val[a], g->zero, "");
        set_bool(g, s, t, v_isnan(g, a));
        return;
    }
    case IR_ISNA: {
        LLVMValueRef m = v_isnan(g, a);
        set_bool(g, s, m ? m : LLVMConstNull(LLVMVectorType(g->i1, g->W)), NULL);
        return;
    }
    case IR_SELECT: {
        LLVMValueRef v = l_select(g, v_truth(g, a), v_val(g, b), v_val(g, c), "");
        set_val(g, s, l_nan_where(g, v_isnan(g, a), v, name));
        return;
    }
    case IR_COALESCE: {
        LLVMValueRef m = v_isnan(g, a);
        set_val(g, s, m ? l_select(g, m, v_val(g, b), v_val(g, a), name) : v_val(g, a));
        return;
    }
    case IR_PEAK: case IR_SHARE: case IR_NOPS:
        break;
    }
    /* unreachable: barriers are never computed (check_program) */
}

/* ---- checks ---- */

/* Checks what lowering relies on: ops in range, operands that are earlier
 * slots, input indices in range, segments inside the program.  Returns
 * false after reporting the first violation. */
static bool check_program(cg_state *g)
{
    const ir_program *p = g->p;
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        if ((unsigned)s->op >= IR_NOPS) {
            cg_fail(g, "step %u has an unknown op %d", i, (int)s->op);
            return false;
        }
        int n = ir_arity(s->op);
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int k = 0; k < n; k++) {
            if (ops[k] >= i) {
                cg_fail(g, "step %u (%s) reads slot %u, not an earlier slot",
                        i, ir_opname(s->op), ops[k]);
                return false;
            }
        }
        if (s->op == IR_INPUT && s->aux >= p->ninputs) {
            cg_fail(g, "step %u reads input %u of %u", i, s->aux, p->ninputs);
            return false;
        }
    }
    for (uint32_t k = 0; k < g->plan->nsegs; k++) {
        exec_segment sg = g->plan->segs[k];
        if (sg.from > sg.to || sg.to > p->nsteps) {
            cg_fail(g, "segment %u is [%u, %u) in a program of %u steps",
                    k, sg.from, sg.to, p->nsteps);
            return false;
        }
        for (uint32_t i = sg.from; i < sg.to; i++) {
            if (ir_is_barrier(p->steps[i].op)) {
                cg_fail(g, "segment %u contains barrier step %u (%s)",
                        k, i, ir_opname(p->steps[i].op));
                return false;
            }
        }
    }
    return true;
}

/* ---- groups ---- */

/* Compares two slot numbers, for qsort. */
static int cmp_slot(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Pass 1: the slots group gr needs and their roles, found by a walk from
 * its roots (consecutive materialized slots of one segment).  A needed
 * slot below the group's first root is loaded from its column when
 * materialized (written by an earlier segment, a barrier or an earlier
 * group of this segment), except constants and inputs, which are cheaper
 * to recompute; any other needed slot is computed from its operands.
 * Returns false after reporting a needed barrier result that has no
 * column. */
static bool assign_roles(cg_state *g, group *gr)
{
    const ir_program *p = g->p;
    const bool *mat = g->plan->materialized;
    uint32_t first = gr->roots[0], n = 0, top = 0;
    gr->needed = malloc(p->nsteps * sizeof *gr->needed);
    bool ok = true;
    for (uint32_t r = 0; r < gr->nroots; r++) {
        g->role[gr->roots[r]] = ROLE_COMPUTE;
        gr->needed[n++] = gr->roots[r];
        g->stack[top++] = gr->roots[r];
    }
    while (top > 0) {
        uint32_t i = g->stack[--top];
        const ir_step *s = &p->steps[i];
        if (i < first && mat[i] && s->op != IR_CONST && s->op != IR_INPUT) {
            g->role[i] = ROLE_LOAD;
            continue;
        }
        if (ir_is_barrier(s->op)) {
            if (ok)
                cg_fail(g, "segment %u reads slot %u (%s), a barrier result that is not materialized",
                        gr->seg, i, ir_opname(s->op));
            ok = false;
            continue;
        }
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int j = 0; j < ir_arity(s->op); j++) {
            if (g->role[ops[j]] != ROLE_NONE)
                continue;
            g->role[ops[j]] = ROLE_COMPUTE;
            gr->needed[n++] = ops[j];
            g->stack[top++] = ops[j];
        }
    }
    qsort(gr->needed, n, sizeof *gr->needed, cmp_slot);
    gr->needed = realloc(gr->needed, (n ? n : 1) * sizeof *gr->needed);
    gr->nneeded = n;
    gr->roles = malloc(n ? n : 1);
    gr->work = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t i = gr->needed[k];
        gr->roles[k] = g->role[i];
        gr->work += g->role[i] == ROLE_COMPUTE && p->steps[i].op != IR_CONST;
        g->role[i] = ROLE_NONE;
    }
    return ok;
}

/* Pass 2: a group's column parameters in order: inputs read (by input
 * number), columns read, columns written (its roots). */
static void list_params(cg_state *g, group *gr)
{
    const ir_program *p = g->p;
    uint32_t nin = 0, nload = 0;
    for (uint32_t k = 0; k < gr->nneeded; k++) {
        const ir_step *s = &p->steps[gr->needed[k]];
        if (gr->roles[k] == ROLE_COMPUTE && s->op == IR_INPUT && !g->in_used[s->aux]) {
            g->in_used[s->aux] = true;
            nin++;
        }
        nload += gr->roles[k] == ROLE_LOAD;
    }
    gr->nparams = nin + nload + gr->nroots;
    gr->params = malloc(gr->nparams * sizeof *gr->params);
    uint32_t m = 0;
    for (uint32_t x = 0; x < p->ninputs && nin; x++) {
        if (g->in_used[x]) {
            gr->params[m++] = (col_param){false, false, x};
            g->in_used[x] = false;
            nin--;
        }
    }
    for (uint32_t k = 0; k < gr->nneeded; k++)
        if (gr->roles[k] == ROLE_LOAD)
            gr->params[m++] = (col_param){true, false, gr->needed[k]};
    for (uint32_t r = 0; r < gr->nroots; r++)
        gr->params[m++] = (col_param){true, true, gr->roots[r]};
}

/* Splits every segment's materialized slots into groups of at most
 * CG_GROUP_ROOTS and finds each group's roles and parameters. */
static bool make_groups(cg_state *g)
{
    const exec_plan *pl = g->plan;
    uint32_t total = 0;
    g->seg_roots = calloc(pl->nsegs ? pl->nsegs : 1, sizeof *g->seg_roots);
    uint32_t *nroots = calloc(pl->nsegs ? pl->nsegs : 1, sizeof *nroots);
    for (uint32_t k = 0; k < pl->nsegs; k++) {
        exec_segment sg = pl->segs[k];
        g->seg_roots[k] = malloc((sg.to - sg.from + 1) * sizeof **g->seg_roots);
        for (uint32_t i = sg.from; i < sg.to; i++)
            if (pl->materialized[i])
                g->seg_roots[k][nroots[k]++] = i;
        total += (nroots[k] + CG_GROUP_ROOTS - 1) / CG_GROUP_ROOTS;
    }
    g->groups = calloc(total ? total : 1, sizeof *g->groups);
    bool ok = true;
    for (uint32_t k = 0; ok && k < pl->nsegs; k++) {
        for (uint32_t q = 0; ok && q * CG_GROUP_ROOTS < nroots[k]; q++) {
            group *gr = &g->groups[g->ngroups++];
            gr->seg = k;
            gr->index = q;
            gr->roots = g->seg_roots[k] + q * CG_GROUP_ROOTS;
            gr->nroots = nroots[k] - q * CG_GROUP_ROOTS < CG_GROUP_ROOTS
                             ? nroots[k] - q * CG_GROUP_ROOTS : CG_GROUP_ROOTS;
            ok = assign_roles(g, gr);
            if (ok)
                list_params(g, gr);
        }
    }
    free(nroots);
    return ok;
}

/* Shares the groups out among nparts parts, in order: a part ends once it
 * has its share of the total work. */
static void assign_parts(cg_state *g, unsigned nparts)
{
    uint64_t total = 0, done = 0;
    for (uint32_t q = 0; q < g->ngroups; q++)
        total += g->groups[q].work + 1;
    for (uint32_t q = 0; q < g->ngroups; q++) {
        unsigned part = (unsigned)(done * nparts / (total ? total : 1));
        g->groups[q].part = part < nparts ? part : nparts - 1;
        done += g->groups[q].work + 1;
    }
}

unsigned cg_parts(const ir_program *p, const exec_plan *plan, unsigned max)
{
    uint32_t steps = 0, ngroups = 0;
    for (uint32_t k = 0; k < plan->nsegs; k++) {
        steps += plan->segs[k].to - plan->segs[k].from;
        uint32_t nroots = 0;
        for (uint32_t i = plan->segs[k].from; i < plan->segs[k].to && i < p->nsteps; i++)
            nroots += plan->materialized[i];
        ngroups += (nroots + CG_GROUP_ROOTS - 1) / CG_GROUP_ROOTS;
    }
    unsigned n = steps / CG_PART_STEPS;
    if (n > max)
        n = max;
    if (n > ngroups)
        n = ngroups;
    return n ? n : 1;
}

/* ---- code ---- */

/* Adds an enum attribute (e.g. "noalias") to parameter `idx` of fn. */
static void add_param_attr(cg_state *g, LLVMValueRef fn, unsigned idx, const char *attr)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(attr, strlen(attr));
    LLVMAddAttributeAtIndex(fn, idx + 1, LLVMCreateEnumAttribute(g->ctx, kind, 0));
}

/* Adds an enum attribute (e.g. "nounwind") to fn itself. */
static void add_fn_attr(cg_state *g, LLVMValueRef fn, const char *attr)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(attr, strlen(attr));
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(g->ctx, kind, 0));
}

/* The function type of a group: nparams column pointers, lo, hi. */
static LLVMTypeRef group_type(cg_state *g, const group *gr)
{
    uint32_t np = gr->nparams;
    LLVMTypeRef *pt = malloc((np + 2) * sizeof *pt);
    for (uint32_t j = 0; j < np; j++)
        pt[j] = g->ptr;
    pt[np] = g->i64;
    pt[np + 1] = g->i64;
    LLVMTypeRef fty = LLVMFunctionType(g->voidty, pt, np + 2, 0);
    free(pt);
    return fty;
}

/* Declares group gr's function, with its parameter attributes: internal
 * when the module holds the whole program, external otherwise (defined
 * in one part, called from part 0). */
static void declare_group(cg_state *g, group *gr, unsigned nparts)
{
    char name[CG_NAME_MAX + 16];
    group_name(gr, name);
    LLVMValueRef fn = LLVMAddFunction(g->mod, name, group_type(g, gr));
    gr->fn = fn;
    if (nparts == 1)
        LLVMSetLinkage(fn, LLVMInternalLinkage);
    add_fn_attr(g, fn, "noinline");
    add_fn_attr(g, fn, "nounwind");
    for (uint32_t j = 0; j < gr->nparams; j++) {
        add_param_attr(g, fn, j, "noalias");
        add_param_attr(g, fn, j, "nocapture");
        add_param_attr(g, fn, j, gr->params[j].written ? "writeonly" : "readonly");
    }
}

/* Pass 3a: the body of group gr's function: one loop over rows [lo, hi),
 * W rows per iteration, the last iteration starting at hi - W (so ranges
 * of fewer than W rows do nothing: seg_N never passes one).  Every column pointer is a noalias parameter.  Blocks:
 * entry (skip when too short), loop (one straight-line block), exit. */
static void build_group(cg_state *g, group *gr)
{
    LLVMValueRef fn = gr->fn;
    uint32_t np = gr->nparams;
    for (uint32_t j = 0; j < np; j++) {
        const col_param *cp = &gr->params[j];
        LLVMValueRef prm = LLVMGetParam(fn, j);
        char pn[24];
        snprintf(pn, sizeof pn, cp->from_cols ? "c%u" : "in%u", cp->index);
        LLVMSetValueName2(prm, pn, strlen(pn));
        if (cp->from_cols)
            g->colparam[cp->index] = prm;
        else
            g->inparam[cp->index] = prm;
    }
    LLVMValueRef lo = LLVMGetParam(fn, np), hi = LLVMGetParam(fn, np + 1);
    LLVMSetValueName2(lo, "lo", 2);
    LLVMSetValueName2(hi, "hi", 2);

    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(g->ctx, fn, "entry");
    LLVMBasicBlockRef loop = LLVMAppendBasicBlockInContext(g->ctx, fn, "loop");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(g->ctx, fn, "exit");

    LLVMPositionBuilderAtEnd(g->b, entry);
    LLVMValueRef width = LLVMConstInt(g->i64, g->W, 0);
    LLVMValueRef last = LLVMBuildSub(g->b, hi, width, "last");
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSLE, lo, last, ""), loop, exit);

    LLVMPositionBuilderAtEnd(g->b, loop);
    LLVMValueRef row = LLVMBuildPhi(g->b, g->i64, "row");
    for (uint32_t k = 0; k < gr->nneeded; k++) {
        uint32_t i = gr->needed[k];
        g->form[i] = FORM_NONE;
        g->val[i] = g->cond[i] = g->nanm[i] = g->isnan_c[i] = NULL;
    }
    for (uint32_t k = 0; k < gr->nneeded; k++) {
        uint32_t i = gr->needed[k];
        if (gr->roles[k] == ROLE_LOAD) {
            char vn[16];
            snprintf(vn, sizeof vn, "s%u", i);
            set_val(g, i, l_load(g, g->colparam[i], row, vn));
        } else {
            l_step(g, i, row);
        }
    }
    for (uint32_t r = 0; r < gr->nroots; r++)
        l_store(g, g->colparam[gr->roots[r]], row, v_val(g, gr->roots[r]));
    /* next = min(row + W, last); go on while row + W < hi. */
    LLVMValueRef step = LLVMBuildNSWAdd(g->b, row, width, "step");
    LLVMValueRef more = LLVMBuildICmp(g->b, LLVMIntSLT, step, hi, "more");
    LLVMValueRef next = LLVMBuildSelect(g->b, LLVMBuildICmp(g->b, LLVMIntSGT, step, last, ""),
                                        last, step, "next");
    LLVMBuildCondBr(g->b, more, loop, exit);
    LLVMValueRef in_vals[2] = {lo, next};
    LLVMBasicBlockRef in_blocks[2] = {entry, loop};
    LLVMAddIncoming(row, in_vals, in_blocks, 2);

    LLVMPositionBuilderAtEnd(g->b, exit);
    LLVMBuildRetVoid(g->b);
}

/* The helper for ranges shorter than W rows, added to the module
 * by the first seg_N that needs it:
 *
 *   void planc.pad(const uint32_t *tab, int32 n, ptr inputs, ptr cols,
 *                  double *scratch, i64 lo, i64 rows, i1 out)
 *
 * For each entry j < n of tab (a group's parameters, coded
 * index << 2 | from_cols << 1 | written), with column = (from_cols ? cols
 * : inputs)[index] and block j of scratch (W doubles): when `out`
 * is false, copies the rows [lo, lo + rows) of a column the group reads
 * into the block; when true, copies the block back into a column it
 * writes. */
static LLVMValueRef pad_helper(cg_state *g)
{
    if (g->pad_fn)
        return g->pad_fn;
    LLVMTypeRef pt[8] = {g->ptr, g->i32, g->ptr, g->ptr, g->ptr, g->i64, g->i64, g->i1};
    LLVMTypeRef fty = LLVMFunctionType(g->voidty, pt, 8, 0);
    g->pad_ty = fty;
    LLVMValueRef fn = g->pad_fn = LLVMAddFunction(g->mod, "planc.pad", fty);
    LLVMBasicBlockRef at = LLVMGetInsertBlock(g->b);
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    add_fn_attr(g, fn, "nounwind");
    add_fn_attr(g, fn, "noinline");
    static const char *const names[8] = {"tab", "n", "inputs", "cols", "scratch", "lo", "rows", "out"};
    for (unsigned j = 0; j < 8; j++)
        LLVMSetValueName2(LLVMGetParam(fn, j), names[j], strlen(names[j]));
    LLVMValueRef tab = LLVMGetParam(fn, 0), n = LLVMGetParam(fn, 1);
    LLVMValueRef out = LLVMGetParam(fn, 7);

    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(g->ctx, fn, "entry");
    LLVMBasicBlockRef loop = LLVMAppendBasicBlockInContext(g->ctx, fn, "loop");
    LLVMBasicBlockRef copy = LLVMAppendBasicBlockInContext(g->ctx, fn, "copy");
    LLVMBasicBlockRef next = LLVMAppendBasicBlockInContext(g->ctx, fn, "next");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(g->ctx, fn, "exit");
    LLVMPositionBuilderAtEnd(g->b, entry);
    LLVMValueRef zero32 = LLVMConstInt(g->i32, 0, 0);
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSGT, n, zero32, ""), loop, exit);

    LLVMPositionBuilderAtEnd(g->b, loop);
    LLVMValueRef j = LLVMBuildPhi(g->b, g->i32, "j");
    LLVMValueRef e = LLVMBuildLoad2(g->b, g->i32, LLVMBuildInBoundsGEP2(g->b, g->i32, tab, &j, 1, ""), "e");
    LLVMValueRef idx = LLVMBuildZExt(g->b, LLVMBuildLShr(g->b, e, LLVMConstInt(g->i32, 2, 0), ""), g->i64, "idx");
    LLVMValueRef from_cols = LLVMBuildTrunc(g->b, LLVMBuildLShr(g->b, e, LLVMConstInt(g->i32, 1, 0), ""), g->i1, "");
    LLVMValueRef written = LLVMBuildTrunc(g->b, e, g->i1, "written");
    LLVMValueRef arr = LLVMBuildSelect(g->b, from_cols, LLVMGetParam(fn, 3), LLVMGetParam(fn, 2), "");
    LLVMValueRef base = LLVMBuildLoad2(g->b, g->ptr, LLVMBuildInBoundsGEP2(g->b, g->ptr, arr, &idx, 1, ""), "base");
    LLVMValueRef lo = LLVMGetParam(fn, 5);
    LLVMValueRef col = LLVMBuildInBoundsGEP2(g->b, g->dbl, base, &lo, 1, "col");
    LLVMValueRef off = LLVMBuildMul(g->b, LLVMBuildZExt(g->b, j, g->i64, ""), LLVMConstInt(g->i64, g->W, 0), "");
    LLVMValueRef blk = LLVMBuildInBoundsGEP2(g->b, g->dbl, LLVMGetParam(fn, 4), &off, 1, "blk");
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntEQ, written, out, ""), copy, next);

    LLVMPositionBuilderAtEnd(g->b, copy);
    LLVMValueRef bytes = LLVMBuildMul(g->b, LLVMGetParam(fn, 6), LLVMConstInt(g->i64, sizeof(double), 0), "");
    LLVMValueRef dst = LLVMBuildSelect(g->b, out, col, blk, "");
    LLVMValueRef src = LLVMBuildSelect(g->b, out, blk, col, "");
    LLVMBuildMemCpy(g->b, dst, 8, src, 8, bytes);
    LLVMBuildBr(g->b, next);

    LLVMPositionBuilderAtEnd(g->b, next);
    LLVMValueRef j1 = LLVMBuildNSWAdd(g->b, j, LLVMConstInt(g->i32, 1, 0), "");
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSLT, j1, n, ""), loop, exit);
    LLVMValueRef in_vals[2] = {zero32, j1};
    LLVMBasicBlockRef in_blocks[2] = {entry, next};
    LLVMAddIncoming(j, in_vals, in_blocks, 2);

    LLVMPositionBuilderAtEnd(g->b, exit);
    LLVMBuildRetVoid(g->b);
    LLVMPositionBuilderAtEnd(g->b, at);
    return fn;
}

/* The constant table seg_N.pad of segment k's groups gr[0..ngr): their
 * parameters coded for planc.pad, one group after the other. */
static LLVMValueRef build_pad_table(cg_state *g, uint32_t k, const group *gr, uint32_t ngr)
{
    uint32_t n = 0;
    for (uint32_t q = 0; q < ngr; q++)
        n += gr[q].nparams;
    LLVMValueRef *e = malloc((n ? n : 1) * sizeof *e);
    n = 0;
    for (uint32_t q = 0; q < ngr; q++)
        for (uint32_t j = 0; j < gr[q].nparams; j++) {
            const col_param *cp = &gr[q].params[j];
            e[n++] = LLVMConstInt(g->i32, (uint64_t)cp->index << 2 | cp->from_cols << 1 | cp->written, 0);
        }
    LLVMTypeRef aty = LLVMArrayType2(g->i32, n);
    char name[CG_NAME_MAX + 8];
    cg_segment_name(k, name);
    strcat(name, ".pad");
    LLVMValueRef tab = LLVMAddGlobal(g->mod, aty, name);
    LLVMSetInitializer(tab, LLVMConstArray2(g->i32, e, n));
    LLVMSetGlobalConstant(tab, 1);
    LLVMSetLinkage(tab, LLVMInternalLinkage);
    LLVMSetUnnamedAddress(tab, LLVMGlobalUnnamedAddr);
    free(e);
    return tab;
}

/* Pass 3b: the exported seg_N.  For at least W rows it loads each column
 * pointer once, from inputs[] or cols[], and calls the groups in order on
 * [lo, hi).  For 1 to W - 1 rows, each group runs on a zeroed scratch
 * block of W rows per parameter: planc.pad copies the rows in, the group
 * runs on rows [0, W), planc.pad copies its results out. */
static void build_wrapper(cg_state *g, uint32_t k, const group *gr, uint32_t ngr)
{
    LLVMTypeRef pt[4] = {g->ptr, g->ptr, g->i64, g->i64};
    LLVMTypeRef fty = LLVMFunctionType(g->voidty, pt, 4, 0);
    char name[CG_NAME_MAX];
    cg_segment_name(k, name);
    LLVMValueRef fn = LLVMAddFunction(g->mod, name, fty);
    add_fn_attr(g, fn, "nounwind");
    static const char *const pnames[4] = {"inputs", "cols", "lo", "hi"};
    for (unsigned j = 0; j < 4; j++)
        LLVMSetValueName2(LLVMGetParam(fn, j), pnames[j], strlen(pnames[j]));
    for (unsigned j = 0; j < 2; j++) {
        add_param_attr(g, fn, j, "noalias");
        add_param_attr(g, fn, j, "nocapture");
        add_param_attr(g, fn, j, "readonly");
    }
    LLVMValueRef inputs = LLVMGetParam(fn, 0), cols = LLVMGetParam(fn, 1);
    LLVMValueRef lo = LLVMGetParam(fn, 2), hi = LLVMGetParam(fn, 3);
    if (ngr == 0) {
        /* Nothing of the segment is materialized: nothing to compute. */
        LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, fn, "entry"));
        LLVMBuildRetVoid(g->b);
        return;
    }
    uint32_t maxp = 1;
    for (uint32_t q = 0; q < ngr; q++)
        maxp = gr[q].nparams > maxp ? gr[q].nparams : maxp;

    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(g->ctx, fn, "entry");
    LLVMBasicBlockRef big = LLVMAppendBasicBlockInContext(g->ctx, fn, "big");
    LLVMBasicBlockRef test = LLVMAppendBasicBlockInContext(g->ctx, fn, "short");
    LLVMBasicBlockRef small = LLVMAppendBasicBlockInContext(g->ctx, fn, "small");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, fn, "done");
    LLVMPositionBuilderAtEnd(g->b, entry);
    LLVMTypeRef sty = LLVMArrayType2(g->dbl, (uint64_t)maxp * g->W);
    LLVMValueRef scratch = LLVMBuildAlloca(g->b, sty, "scratch");
    LLVMSetAlignment(scratch, 32);
    LLVMValueRef rows = LLVMBuildSub(g->b, hi, lo, "rows");
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSGE, rows, LLVMConstInt(g->i64, g->W, 0), ""),
                    big, test);

    /* At least W rows: the groups on the columns. */
    LLVMPositionBuilderAtEnd(g->b, big);
    memset(g->colparam, 0, g->p->nsteps * sizeof *g->colparam);
    memset(g->inparam, 0, g->p->ninputs * sizeof *g->inparam);
    for (uint32_t q = 0; q < ngr; q++) {
        LLVMValueRef *args = malloc((gr[q].nparams + 2) * sizeof *args);
        for (uint32_t j = 0; j < gr[q].nparams; j++) {
            const col_param *cp = &gr[q].params[j];
            LLVMValueRef *slot = cp->from_cols ? &g->colparam[cp->index] : &g->inparam[cp->index];
            if (!*slot) {
                LLVMValueRef idx = LLVMConstInt(g->i64, cp->index, 0);
                LLVMValueRef at = LLVMBuildInBoundsGEP2(g->b, g->ptr, cp->from_cols ? cols : inputs,
                                                        &idx, 1, "");
                char pn[24];
                snprintf(pn, sizeof pn, cp->from_cols ? "c%u" : "in%u", cp->index);
                *slot = LLVMBuildLoad2(g->b, g->ptr, at, pn);
                LLVMSetAlignment(*slot, 8);
            }
            args[j] = *slot;
        }
        args[gr[q].nparams] = lo;
        args[gr[q].nparams + 1] = hi;
        LLVMBuildCall2(g->b, LLVMGlobalGetValueType(gr[q].fn), gr[q].fn, args, gr[q].nparams + 2, "");
        free(args);
    }
    LLVMBuildBr(g->b, done);

    /* 1 to W - 1 rows: each group on a scratch block. */
    LLVMPositionBuilderAtEnd(g->b, test);
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSGT, rows, LLVMConstInt(g->i64, 0, 0), ""),
                    small, done);
    LLVMPositionBuilderAtEnd(g->b, small);
    LLVMBuildMemSet(g->b, scratch, LLVMConstInt(LLVMInt8TypeInContext(g->ctx), 0, 0),
                    LLVMConstInt(g->i64, (uint64_t)maxp * g->W * sizeof(double), 0), 32);
    LLVMValueRef tab = build_pad_table(g, k, gr, ngr);
    LLVMValueRef pad = pad_helper(g);
    /* Parameter j of every group is block j of the scratch. */
    LLVMValueRef *blocks = malloc((maxp + 2) * sizeof *blocks);
    LLVMValueRef *args = malloc((maxp + 2) * sizeof *args);
    for (uint32_t j = 0; j < maxp; j++) {
        LLVMValueRef o = LLVMConstInt(g->i64, (uint64_t)j * g->W, 0);
        blocks[j] = LLVMBuildInBoundsGEP2(g->b, g->dbl, scratch, &o, 1, "");
    }
    uint32_t off = 0;
    for (uint32_t q = 0; q < ngr; q++) {
        LLVMValueRef at = LLVMConstInt(g->i64, off, 0);
        LLVMValueRef sub = LLVMBuildInBoundsGEP2(g->b, g->i32, tab, &at, 1, "");
        LLVMValueRef pargs[8] = {sub, LLVMConstInt(g->i32, gr[q].nparams, 0), inputs, cols,
                                 scratch, lo, rows, LLVMConstInt(g->i1, 0, 0)};
        LLVMBuildCall2(g->b, g->pad_ty, pad, pargs, 8, "");
        memcpy(args, blocks, gr[q].nparams * sizeof *args);
        args[gr[q].nparams] = LLVMConstInt(g->i64, 0, 0);
        args[gr[q].nparams + 1] = LLVMConstInt(g->i64, g->W, 0);
        LLVMBuildCall2(g->b, LLVMGlobalGetValueType(gr[q].fn), gr[q].fn, args, gr[q].nparams + 2, "");
        pargs[7] = LLVMConstInt(g->i1, 1, 0);
        LLVMBuildCall2(g->b, g->pad_ty, pad, pargs, 8, "");
        off += gr[q].nparams;
    }
    free(blocks);
    free(args);
    LLVMBuildBr(g->b, done);

    LLVMPositionBuilderAtEnd(g->b, done);
    LLVMBuildRetVoid(g->b);
}

/* Frees what make_groups allocated. */
static void free_groups(cg_state *g)
{
    for (uint32_t q = 0; q < g->ngroups; q++) {
        free(g->groups[q].needed);
        free(g->groups[q].roles);
        free(g->groups[q].params);
    }
    free(g->groups);
    for (uint32_t k = 0; g->seg_roots && k < g->plan->nsegs; k++)
        free(g->seg_roots[k]);
    free(g->seg_roots);
}

LLVMModuleRef cg_module(LLVMContextRef ctx, const ir_program *p,
                        const exec_plan *plan, const char *name, FILE *err)
{
    return cg_module_part(ctx, p, plan, name, CG_WIDTH, 0, 1, err);
}

LLVMModuleRef cg_module_part(LLVMContextRef ctx, const ir_program *p,
                             const exec_plan *plan, const char *name, unsigned width,
                             unsigned part, unsigned nparts, FILE *err)
{
    cg_state g = {.ctx = ctx, .p = p, .plan = plan, .err = err, .W = width};
    if (nparts == 0 || part >= nparts) {
        cg_fail(&g, "part %u of %u requested", part, nparts);
        return NULL;
    }
    if (width < 2 || width > CG_MAX_WIDTH || (width & (width - 1))) {
        cg_fail(&g, "vectors of %u doubles requested", width);
        return NULL;
    }
    if (!check_program(&g))
        return NULL;
    size_t ns = p->nsteps ? p->nsteps : 1, ni = p->ninputs ? p->ninputs : 1;
    g.maynan = malloc(ns * sizeof *g.maynan);
    g.role = calloc(ns, 1);
    g.form = calloc(ns, 1);
    g.val = calloc(ns, sizeof *g.val);
    g.cond = calloc(ns, sizeof *g.cond);
    g.nanm = calloc(ns, sizeof *g.nanm);
    g.isnan_c = calloc(ns, sizeof *g.isnan_c);
    g.colparam = calloc(ns, sizeof *g.colparam);
    g.inparam = calloc(ni, sizeof *g.inparam);
    g.in_used = calloc(ni, sizeof *g.in_used);
    g.stack = malloc(ns * sizeof *g.stack);
    slot_facts(&g);
    bool ok = make_groups(&g);
    if (ok)
        assign_parts(&g, nparts);

    g.mod = LLVMModuleCreateWithNameInContext(name, ctx);
    g.b = LLVMCreateBuilderInContext(ctx);
    g.dbl = LLVMDoubleTypeInContext(ctx);
    g.vec = LLVMVectorType(g.dbl, width);
    g.i1 = LLVMInt1TypeInContext(ctx);
    g.i32 = LLVMInt32TypeInContext(ctx);
    g.i64 = LLVMInt64TypeInContext(ctx);
    g.ptr = LLVMPointerTypeInContext(ctx, 0);
    g.voidty = LLVMVoidTypeInContext(ctx);
    g.nan = splat(&g, NAN);
    g.zero = splat(&g, 0.0);
    g.one = splat(&g, 1.0);

    /* The groups this part defines, and (part 0) the ones it calls. */
    for (uint32_t q = 0; ok && q < g.ngroups; q++) {
        group *gr = &g.groups[q];
        if (gr->part == part || part == 0)
            declare_group(&g, gr, nparts);
        if (gr->part == part)
            build_group(&g, gr);
    }
    if (ok && part == 0) {
        uint32_t q = 0;
        for (uint32_t k = 0; k < plan->nsegs; k++) {
            uint32_t q0 = q;
            while (q < g.ngroups && g.groups[q].seg == k)
                q++;
            build_wrapper(&g, k, g.groups + q0, q - q0);
        }
    }
    if (ok) {
        char *msg = NULL;
        if (LLVMVerifyModule(g.mod, LLVMReturnStatusAction, &msg)) {
            cg_fail(&g, "invalid module: %s", msg ? msg : "");
            ok = false;
        }
        LLVMDisposeMessage(msg);
    }

    free_groups(&g);
    free(g.maynan);
    free(g.role);
    free(g.form);
    free(g.val);
    free(g.cond);
    free(g.nanm);
    free(g.isnan_c);
    free(g.colparam);
    free(g.inparam);
    free(g.in_used);
    free(g.stack);
    LLVMDisposeBuilder(g.b);
    if (!ok) {
        LLVMDisposeModule(g.mod);
        return NULL;
    }
    return g.mod;
}
