/* cg.c — lowering the segments of a scoring program to LLVM IR (see cg.h).
 *
 * A segment's materialized slots are split into groups (CG_GROUP_ROOTS);
 * per group, three passes over the slots:
 *   1. roles: which slots the group's loop needs and how it gets each one
 *      (computed in the loop, or loaded from a materialized column written
 *      before the group runs); a backward sweep, since operands always
 *      precede their step;
 *   2. parameters: one column pointer per input read, per column read, per
 *      column written;
 *   3. code: the loop function seg_N.gK.
 * Then seg_N, which loads the column pointers and calls the groups.
 * The ir.h operations are lowered by the small l_ helpers below, each a few
 * fcmp/select instructions with exactly the ir.h NaN rules. */
#include "cg.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>

/* Most materialized slots one loop computes.  A segment is split into
 * groups, one loop function each, so that neither the optimiser's work
 * (superlinear in the size of a function: one fused loop for 40 targets
 * took 0.5 s to optimise and did not vectorise) nor the number of memory
 * streams of one loop grows with the program.  Temporaries two groups need
 * are computed by both.  8 measured best of 4/8/16/32 for kernel time
 * against compile time on threshold targets. */
enum { CG_GROUP_ROOTS = 8 };

/* How a segment's loop obtains a slot's value. */
typedef enum slot_role {
    ROLE_NONE,     /* the segment does not need it */
    ROLE_COMPUTE,  /* computed in the loop from its operands (or imm / input) */
    ROLE_LOAD      /* loaded from its column: an earlier, materialized slot */
} slot_role;

/* The state of one lowering: LLVM handles, cached types and constants, the
 * program, and per-segment scratch arrays (p->nsteps or p->ninputs long). */
typedef struct cg_state {
    LLVMContextRef ctx;
    LLVMModuleRef mod;
    LLVMBuilderRef b;
    LLVMTypeRef dbl, i64, ptr, voidty;
    LLVMValueRef nan, zero, one;
    LLVMTypeRef fabs_ty;      /* llvm.fabs.f64, declared on first use */
    LLVMValueRef fabs_fn;
    const ir_program *p;
    const exec_plan *plan;
    FILE *err;
    unsigned char *role;      /* slot_role per slot */
    LLVMValueRef *val;        /* the slot's value in the current row */
    LLVMValueRef *colparam;   /* column pointer (body parameter) per slot */
    LLVMValueRef *inparam;    /* input pointer (body parameter) per input */
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

/* ---- small lowering helpers: one ir.h rule each ---- */

/* true if a is NaN (missing). */
static LLVMValueRef l_isnan(cg_state *g, LLVMValueRef a)
{
    return LLVMBuildFCmp(g->b, LLVMRealUNO, a, a, "");
}

/* true if either a or b is NaN. */
static LLVMValueRef l_either_nan(cg_state *g, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildFCmp(g->b, LLVMRealUNO, a, b, "");
}

/* The boolean double of an i1: 1.0 or 0.0. */
static LLVMValueRef l_bool(cg_state *g, LLVMValueRef cond)
{
    return LLVMBuildSelect(g->b, cond, g->one, g->zero, "");
}

/* NaN where cond holds, v elsewhere. */
static LLVMValueRef l_nan_if(cg_state *g, LLVMValueRef cond, LLVMValueRef v, const char *name)
{
    return LLVMBuildSelect(g->b, cond, g->nan, v, name);
}

/* C's truth of a double, `a != 0` (an unordered compare, as C's != is). */
static LLVMValueRef l_truth(cg_state *g, LLVMValueRef a)
{
    return LLVMBuildFCmp(g->b, LLVMRealUNE, a, g->zero, "");
}

/* IR_LT..IR_NE: NaN if either operand is NaN, else the comparison as 1/0. */
static LLVMValueRef l_compare(cg_state *g, LLVMRealPredicate pred, LLVMValueRef a,
                              LLVMValueRef b, const char *name)
{
    LLVMValueRef r = l_bool(g, LLVMBuildFCmp(g->b, pred, a, b, ""));
    return l_nan_if(g, l_either_nan(g, a, b), r, name);
}

/* IR_MIN/IR_MAX: NaN if either is NaN, else `a < b ? a : b` (min) or
 * `a > b ? a : b` (max): with equal operands (0.0 and -0.0) the result is b. */
static LLVMValueRef l_minmax(cg_state *g, LLVMRealPredicate pred, LLVMValueRef a,
                             LLVMValueRef b, const char *name)
{
    LLVMValueRef pick = LLVMBuildSelect(g->b, LLVMBuildFCmp(g->b, pred, a, b, ""), a, b, "");
    return l_nan_if(g, l_either_nan(g, a, b), pick, name);
}

/* IR_AND/IR_OR: NaN if either is NaN, else the logical result as 1/0. */
static LLVMValueRef l_logic(cg_state *g, bool is_and, LLVMValueRef a, LLVMValueRef b,
                            const char *name)
{
    LLVMValueRef ta = l_truth(g, a), tb = l_truth(g, b);
    LLVMValueRef t = is_and ? LLVMBuildAnd(g->b, ta, tb, "") : LLVMBuildOr(g->b, ta, tb, "");
    return l_nan_if(g, l_either_nan(g, a, b), l_bool(g, t), name);
}

/* IR_ABS: llvm.fabs (clears the sign bit, as C's fabs). */
static LLVMValueRef l_abs(cg_state *g, LLVMValueRef a, const char *name)
{
    if (!g->fabs_fn) {
        unsigned id = LLVMLookupIntrinsicID("llvm.fabs", 9);
        g->fabs_fn = LLVMGetIntrinsicDeclaration(g->mod, id, &g->dbl, 1);
        g->fabs_ty = LLVMIntrinsicGetType(g->ctx, id, &g->dbl, 1);
    }
    return LLVMBuildCall2(g->b, g->fabs_ty, g->fabs_fn, &a, 1, name);
}

/* A pointer to element i of the double column `base`. */
static LLVMValueRef l_elem(cg_state *g, LLVMValueRef base, LLVMValueRef i)
{
    return LLVMBuildInBoundsGEP2(g->b, g->dbl, base, &i, 1, "");
}

/* Loads row i of the double column `base`. */
static LLVMValueRef l_load(cg_state *g, LLVMValueRef base, LLVMValueRef i, const char *name)
{
    LLVMValueRef v = LLVMBuildLoad2(g->b, g->dbl, l_elem(g, base, i), name);
    LLVMSetAlignment(v, 8);
    return v;
}

/* Stores v into row i of the double column `base`. */
static void l_store(cg_state *g, LLVMValueRef base, LLVMValueRef i, LLVMValueRef v)
{
    LLVMValueRef s = LLVMBuildStore(g->b, v, l_elem(g, base, i));
    LLVMSetAlignment(s, 8);
}

/* The value of step `slot` in row i, from the values of its operands. */
static LLVMValueRef l_step(cg_state *g, uint32_t slot, LLVMValueRef i)
{
    const ir_step *s = &g->p->steps[slot];
    LLVMValueRef a = NULL, b = NULL, c = NULL;
    int n = ir_arity(s->op);
    if (n >= 1)
        a = g->val[s->a];
    if (n >= 2)
        b = g->val[s->b];
    if (n >= 3)
        c = g->val[s->c];
    char name[16];
    snprintf(name, sizeof name, "s%u", slot);

    switch (s->op) {
    case IR_CONST: return LLVMConstReal(g->dbl, s->imm);
    case IR_INPUT: return l_load(g, g->inparam[s->aux], i, name);
    case IR_NEG: return LLVMBuildFNeg(g->b, a, name);
    case IR_ABS: return l_abs(g, a, name);
    case IR_NOT:
        return l_nan_if(g, l_isnan(g, a),
                        l_bool(g, LLVMBuildFCmp(g->b, LLVMRealOEQ, a, g->zero, "")), name);
    case IR_ISNA: return LLVMBuildSelect(g->b, l_isnan(g, a), g->one, g->zero, name);
    case IR_ADD: return LLVMBuildFAdd(g->b, a, b, name);
    case IR_SUB: return LLVMBuildFSub(g->b, a, b, name);
    case IR_MUL: return LLVMBuildFMul(g->b, a, b, name);
    case IR_DIV:
        return l_nan_if(g, LLVMBuildFCmp(g->b, LLVMRealOEQ, b, g->zero, ""),
                        LLVMBuildFDiv(g->b, a, b, ""), name);
    case IR_MIN: return l_minmax(g, LLVMRealOLT, a, b, name);
    case IR_MAX: return l_minmax(g, LLVMRealOGT, a, b, name);
    case IR_LT: return l_compare(g, LLVMRealOLT, a, b, name);
    case IR_LE: return l_compare(g, LLVMRealOLE, a, b, name);
    case IR_GT: return l_compare(g, LLVMRealOGT, a, b, name);
    case IR_GE: return l_compare(g, LLVMRealOGE, a, b, name);
    case IR_EQ: return l_compare(g, LLVMRealOEQ, a, b, name);
    case IR_NE: return l_compare(g, LLVMRealUNE, a, b, name);
    case IR_AND: return l_logic(g, true, a, b, name);
    case IR_OR: return l_logic(g, false, a, b, name);
    case IR_SELECT:
        return l_nan_if(g, l_isnan(g, a),
                        LLVMBuildSelect(g->b, l_truth(g, a), b, c, ""), name);
    case IR_COALESCE: return LLVMBuildSelect(g->b, l_isnan(g, a), b, a, name);
    case IR_PEAK: case IR_SHARE: case IR_NOPS: break;
    }
    return NULL; /* unreachable: barriers are never computed (check_program) */
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

/* ---- one segment ---- */

/* Pass 1: the role of every slot for one group: the loop computing the
 * materialized slots roots[0..nroots) (consecutive materialized slots of
 * one segment, in slot order).  A needed slot below the group's first root
 * is loaded from its column when materialized (it was written by an earlier
 * segment, a barrier or an earlier group of this segment), except constants
 * and inputs, which are cheaper to recompute; any other needed slot is
 * computed from its operands.  Returns false after reporting a needed
 * barrier result that has no column. */
static bool assign_roles(cg_state *g, uint32_t k, const uint32_t *roots, uint32_t nroots)
{
    const ir_program *p = g->p;
    const bool *mat = g->plan->materialized;
    memset(g->role, ROLE_NONE, p->nsteps);
    for (uint32_t r = 0; r < nroots; r++)
        g->role[roots[r]] = ROLE_COMPUTE;
    uint32_t first = roots[0];
    for (uint32_t i = roots[nroots - 1] + 1; i-- > 0;) {
        if (g->role[i] == ROLE_NONE)
            continue;
        const ir_step *s = &p->steps[i];
        if (i < first && mat[i] && s->op != IR_CONST && s->op != IR_INPUT) {
            g->role[i] = ROLE_LOAD;
            continue;
        }
        if (ir_is_barrier(s->op)) {
            cg_fail(g, "segment %u reads slot %u (%s), a barrier result that is not materialized",
                    k, i, ir_opname(s->op));
            return false;
        }
        int n = ir_arity(s->op);
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int j = 0; j < n; j++)
            g->role[ops[j]] = ROLE_COMPUTE;
    }
    return true;
}

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

/* One parameter of a group function: a column pointer, where seg_N finds
 * it (inputs[index] or cols[index]) and whether the group writes it. */
typedef struct col_param {
    bool from_cols;
    bool written;
    uint32_t index;
} col_param;

/* A group of a segment: the loop function computing some of its
 * materialized slots, and the column pointers it takes. */
typedef struct group {
    const uint32_t *roots;
    uint32_t nroots;
    col_param *params;   /* malloc'd */
    uint32_t nparams;
    LLVMValueRef fn;
} group;

/* Pass 2: a group's column parameters in order: inputs read, columns
 * read, columns written (its roots). */
static void list_params(cg_state *g, group *gr)
{
    const ir_program *p = g->p;
    uint32_t top = gr->roots[gr->nroots - 1];
    bool *in_used = calloc(p->ninputs ? p->ninputs : 1, sizeof *in_used);
    uint32_t nin = 0, nload = 0;
    for (uint32_t i = 0; i <= top; i++) {
        if (g->role[i] == ROLE_COMPUTE && p->steps[i].op == IR_INPUT && !in_used[p->steps[i].aux]) {
            in_used[p->steps[i].aux] = true;
            nin++;
        }
        nload += g->role[i] == ROLE_LOAD;
    }
    gr->nparams = nin + nload + gr->nroots;
    gr->params = malloc(gr->nparams * sizeof *gr->params);
    uint32_t m = 0;
    for (uint32_t x = 0; x < p->ninputs; x++)
        if (in_used[x])
            gr->params[m++] = (col_param){false, false, x};
    for (uint32_t i = 0; i <= top; i++)
        if (g->role[i] == ROLE_LOAD)
            gr->params[m++] = (col_param){true, false, i};
    for (uint32_t r = 0; r < gr->nroots; r++)
        gr->params[m++] = (col_param){true, true, gr->roots[r]};
    free(in_used);
}

/* Pass 3a: the group's function `name`, one loop over rows [lo, hi).
 * Every column pointer is a noalias parameter, so no store can change a
 * load and the loop vectorises without run-time overlap checks.  Blocks
 * are created up front: entry (skip when empty), loop (one straight-line
 * block), exit.  The function is never inlined, so that no function the
 * optimiser sees grows with the size of the program. */
static void build_group(cg_state *g, group *gr, const char *name)
{
    uint32_t np = gr->nparams;
    LLVMTypeRef *pt = malloc((np + 2) * sizeof *pt);
    for (uint32_t j = 0; j < np; j++)
        pt[j] = g->ptr;
    pt[np] = g->i64;
    pt[np + 1] = g->i64;
    LLVMTypeRef fty = LLVMFunctionType(g->voidty, pt, np + 2, 0);
    free(pt);

    LLVMValueRef fn = LLVMAddFunction(g->mod, name, fty);
    gr->fn = fn;
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    add_fn_attr(g, fn, "noinline");
    add_fn_attr(g, fn, "nounwind");
    for (uint32_t j = 0; j < np; j++) {
        const col_param *cp = &gr->params[j];
        LLVMValueRef prm = LLVMGetParam(fn, j);
        char pn[24];
        snprintf(pn, sizeof pn, cp->from_cols ? "c%u" : "in%u", cp->index);
        LLVMSetValueName2(prm, pn, strlen(pn));
        add_param_attr(g, fn, j, "noalias");
        add_param_attr(g, fn, j, "nocapture");
        add_param_attr(g, fn, j, cp->written ? "writeonly" : "readonly");
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
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSLT, lo, hi, ""), loop, exit);

    LLVMPositionBuilderAtEnd(g->b, loop);
    LLVMValueRef row = LLVMBuildPhi(g->b, g->i64, "row");
    uint32_t top = gr->roots[gr->nroots - 1];
    for (uint32_t i = 0; i <= top; i++) {
        if (g->role[i] == ROLE_LOAD) {
            char vn[16];
            snprintf(vn, sizeof vn, "s%u", i);
            g->val[i] = l_load(g, g->colparam[i], row, vn);
        } else if (g->role[i] == ROLE_COMPUTE) {
            g->val[i] = l_step(g, i, row);
        }
    }
    for (uint32_t r = 0; r < gr->nroots; r++)
        l_store(g, g->colparam[gr->roots[r]], row, g->val[gr->roots[r]]);
    LLVMValueRef next = LLVMBuildNSWAdd(g->b, row, LLVMConstInt(g->i64, 1, 0), "next");
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSLT, next, hi, ""), loop, exit);
    LLVMValueRef in_vals[2] = {lo, next};
    LLVMBasicBlockRef in_blocks[2] = {entry, loop};
    LLVMAddIncoming(row, in_vals, in_blocks, 2);

    LLVMPositionBuilderAtEnd(g->b, exit);
    LLVMBuildRetVoid(g->b);
}

/* Pass 3b: the exported seg_N: loads each column pointer once, from
 * inputs[] or cols[], and calls the groups in order. */
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

    LLVMPositionBuilderAtEnd(g->b, LLVMAppendBasicBlockInContext(g->ctx, fn, "entry"));
    memset(g->colparam, 0, g->p->nsteps * sizeof *g->colparam);
    memset(g->inparam, 0, g->p->ninputs * sizeof *g->inparam);
    for (uint32_t q = 0; q < ngr; q++) {
        LLVMValueRef *args = malloc((gr[q].nparams + 2) * sizeof *args);
        for (uint32_t j = 0; j < gr[q].nparams; j++) {
            const col_param *cp = &gr[q].params[j];
            LLVMValueRef *slot = cp->from_cols ? &g->colparam[cp->index] : &g->inparam[cp->index];
            if (!*slot) {
                LLVMValueRef base = LLVMGetParam(fn, cp->from_cols ? 1 : 0);
                LLVMValueRef idx = LLVMConstInt(g->i64, cp->index, 0);
                LLVMValueRef at = LLVMBuildInBoundsGEP2(g->b, g->ptr, base, &idx, 1, "");
                char pn[24];
                snprintf(pn, sizeof pn, cp->from_cols ? "c%u" : "in%u", cp->index);
                *slot = LLVMBuildLoad2(g->b, g->ptr, at, pn);
                LLVMSetAlignment(*slot, 8);
            }
            args[j] = *slot;
        }
        args[gr[q].nparams] = LLVMGetParam(fn, 2);
        args[gr[q].nparams + 1] = LLVMGetParam(fn, 3);
        LLVMBuildCall2(g->b, LLVMGlobalGetValueType(gr[q].fn), gr[q].fn, args,
                       gr[q].nparams + 2, "");
        free(args);
    }
    LLVMBuildRetVoid(g->b);
}

/* Lowers segment k: its materialized slots in groups of at most
 * CG_GROUP_ROOTS, one loop function each, then seg_N calling them.  False
 * after reporting why it cannot. */
static bool lower_segment(cg_state *g, uint32_t k)
{
    exec_segment sg = g->plan->segs[k];
    uint32_t *roots = malloc((sg.to - sg.from + 1) * sizeof *roots), nroots = 0;
    for (uint32_t i = sg.from; i < sg.to; i++)
        if (g->plan->materialized[i])
            roots[nroots++] = i;
    uint32_t ngr = (nroots + CG_GROUP_ROOTS - 1) / CG_GROUP_ROOTS;
    group *gr = calloc(ngr ? ngr : 1, sizeof *gr);
    bool ok = true;
    for (uint32_t q = 0; ok && q < ngr; q++) {
        gr[q].roots = roots + q * CG_GROUP_ROOTS;
        gr[q].nroots = nroots - q * CG_GROUP_ROOTS < CG_GROUP_ROOTS ? nroots - q * CG_GROUP_ROOTS
                                                                    : CG_GROUP_ROOTS;
        ok = assign_roles(g, k, gr[q].roots, gr[q].nroots);
        if (ok) {
            list_params(g, &gr[q]);
            char name[CG_NAME_MAX + 16];
            cg_segment_name(k, name);
            snprintf(name + strlen(name), 16, ".g%u", q);
            build_group(g, &gr[q], name);
        }
    }
    if (ok)
        build_wrapper(g, k, gr, ngr);
    for (uint32_t q = 0; q < ngr; q++)
        free(gr[q].params);
    free(gr);
    free(roots);
    return ok;
}

LLVMModuleRef cg_module(LLVMContextRef ctx, const ir_program *p,
                        const exec_plan *plan, const char *name, FILE *err)
{
    cg_state g = {.ctx = ctx, .p = p, .plan = plan, .err = err};
    if (!check_program(&g))
        return NULL;
    g.mod = LLVMModuleCreateWithNameInContext(name, ctx);
    g.b = LLVMCreateBuilderInContext(ctx);
    g.dbl = LLVMDoubleTypeInContext(ctx);
    g.i64 = LLVMInt64TypeInContext(ctx);
    g.ptr = LLVMPointerTypeInContext(ctx, 0);
    g.voidty = LLVMVoidTypeInContext(ctx);
    g.nan = LLVMConstReal(g.dbl, NAN);
    g.zero = LLVMConstReal(g.dbl, 0.0);
    g.one = LLVMConstReal(g.dbl, 1.0);
    size_t ns = p->nsteps ? p->nsteps : 1, ni = p->ninputs ? p->ninputs : 1;
    g.role = malloc(ns);
    g.val = calloc(ns, sizeof *g.val);
    g.colparam = calloc(ns, sizeof *g.colparam);
    g.inparam = calloc(ni, sizeof *g.inparam);

    bool ok = true;
    for (uint32_t k = 0; ok && k < plan->nsegs; k++)
        ok = lower_segment(&g, k);
    if (ok) {
        char *msg = NULL;
        if (LLVMVerifyModule(g.mod, LLVMReturnStatusAction, &msg)) {
            cg_fail(&g, "invalid module: %s", msg ? msg : "");
            ok = false;
        }
        LLVMDisposeMessage(msg);
    }

    free(g.role);
    free(g.val);
    free(g.colparam);
    free(g.inparam);
    LLVMDisposeBuilder(g.b);
    if (!ok) {
        LLVMDisposeModule(g.mod);
        return NULL;
    }
    return g.mod;
}
