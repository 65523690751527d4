/* cg.c — lowering the segments of a scoring program to LLVM IR (see cg.h).
 *
 * Before any code: the program is checked (check_program) and every slot
 * gets its facts (slot_facts: can it be NaN?).  Then each segment's
 * materialized slots are split into groups (CG_GROUP_ROOTS); per group:
 *   1. roles: which slots the group's loop needs and how it gets each one
 *      (computed in the loop, or loaded from a materialized column written
 *      before the group runs), found by a walk from the group's roots;
 *   2. columns: one column pointer per input read, per column read, per
 *      column written, which the group loads from inputs[] / cols[].
 * The groups are shared out among the parts; the module of part `part`
 * gets the code of its groups (build_group) and, for part 0, the seg_N
 * functions that call them (build_wrapper) with the small-range helper.
 * The ir.h operations work on values held as decision trees (tnode): the
 * fold1/fold2 rules for constants, emit1/emit2 for vectors (a few fcmp and
 * select instructions with exactly the ir.h NaN rules), and map1, map2,
 * pick and coalesce to apply them through a tree (l_step). */
#include "cg.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Analysis.h>

#include "diag.h"

/* Fewest segment steps per part worth a thread of its own: below this,
 * starting a thread and a context costs more than it saves. */
enum { CG_PART_STEPS = 400 };

/* How a group's loop obtains a slot's value. */
typedef enum slot_role {
    ROLE_NONE,     /* the group does not need it */
    ROLE_COMPUTE,  /* computed in the loop from its operands (or imm / input) */
    ROLE_LOAD      /* loaded from its column: an earlier, materialized slot */
} slot_role;

/* A slot's value while a group's body is built: a decision tree whose
 * inner nodes pick, row by row, one of two subtrees by an i1 vector c,
 * and whose leaves are constants or double vectors already built.  Ops
 * on constants fold, and a comparison's or a NaN test's i1 vector reaches
 * the selects that use it without a detour through 1.0/0.0: the optimiser
 * gets little left to simplify.  Nodes live in a pool per group. */
typedef struct tnode tnode;
struct tnode {
    LLVMValueRef c;            /* inner node: where t applies, else f; NULL: a leaf */
    tnode *t, *f;
    LLVMValueRef v;            /* leaf: its vector; NULL: a constant leaf */
    double k;                  /* constant leaf: its value */
    bool maynan;               /* may some row be NaN */
    bool nonzero;              /* vector leaf: never 0 (built from such constants) */
    uint32_t leaves;           /* leaves, counted as a tree (saturating) */
    uint32_t opaque;           /* of which vectors */
    LLVMValueRef mat;          /* its double vector, once built (t_mat) */
    LLVMValueRef isnan_c;      /* vector leaf: its NaN test, once built */
    LLVMValueRef truth_c;      /* vector leaf: its != 0 test, once built */
};

/* One column of a group function: where the group finds its pointer
 * (inputs[index] or cols[index]) and whether the group writes it. */
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
    unsigned part;                 /* the part this module holds */
    LLVMBuilderRef kb;             /* at the end of the current group's entry block */
    LLVMValueRef ktab;             /* the constant table (konst), a stand-in until the end */
    double *kvals;                 /* its values, nk of kcap, in order of first use */
    uint32_t nk, kcap;
    LLVMValueRef *kload;           /* per value: its load in the current group, or NULL */
    LLVMTypeRef fabs_ty;           /* llvm.fabs on vectors, declared on first use */
    LLVMValueRef fabs_fn;
    LLVMTypeRef pad_ty;            /* planc.pad, built on first use */
    LLVMValueRef pad_fn;
    LLVMTypeRef dec15_ty;          /* planc.dec15, built on first use */
    LLVMValueRef dec15_fn;
    const ir_program *p;
    const exec_plan *plan;
    FILE *err;
    bool *maynan;              /* per slot: may its value be NaN? */
    group *groups;             /* every group of every segment, in order */
    uint32_t ngroups;
    uint32_t **seg_roots;      /* per segment: its materialized slots */
    /* Per group being built, reset for the slots it needs. */
    unsigned char *role;
    tnode **tree;              /* per slot: its value in the loop */
    tnode **tblocks;           /* the pool of tree nodes (t_alloc) */
    uint32_t ntblocks, tblock, tused;
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
    diag_internalv(g->err, "JIT", fmt, ap);
    va_end(ap);
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
        case IR_NEG: case IR_ABS: case IR_NOT: case IR_DEC15: m[i] = m[s->a]; break;
        case IR_ISNA: m[i] = false; break;
        case IR_MIN: case IR_MAX: case IR_LT: case IR_LE: case IR_GT: case IR_GE:
        case IR_EQ: case IR_NE: case IR_AND: case IR_OR:
            m[i] = m[s->a] || m[s->b];
            break;
        case IR_SELECT: m[i] = m[s->a] || m[s->b] || m[s->c]; break;
        case IR_COALESCE: m[i] = m[s->a] && m[s->b]; break;
        case IR_ADD: case IR_SUB: case IR_MUL: case IR_DIV:
        case IR_PEAK: case IR_SHARE: case IR_PEER: case IR_CUMSUM: case IR_CUMMAX: case IR_SHIFT:
        case IR_PARENT:
        case IR_NOPS:
            m[i] = true;
            break;
        }
    }
}

/* ---- values as decision trees ---- */

/* Most leaves a value's tree may have (counted as a tree, shared subtrees
 * once per use).  An operation whose result would have more, or would
 * need more than one new vector operation, first builds its operands'
 * vectors (t_flat). */
enum { CG_TREE_LEAVES = 16 };

/* A double vector constant splat of v. */
static LLVMValueRef splat(cg_state *g, double v)
{
    LLVMValueRef e[CG_MAX_WIDTH];
    for (unsigned k = 0; k < g->W; k++)
        e[k] = LLVMConstReal(g->dbl, v);
    return LLVMConstVector(e, g->W);
}

/* The vector of W copies of v in the current group's loop: +0 as a
 * constant, any other value as a load, in the group's entry block, from
 * the module's table of constants (planc.kP, written by finish_konst),
 * once per value and group.  Not a constant vector, which the optimiser
 * cannot look into cheaply: every query of an element of a <W x double>
 * constant (computeKnownFPClass, m_APFloat, threadCmpOverSelect) builds
 * an APFloat and looks a ConstantFP up in the context, and InstCombine
 * and InstSimplify ask at every fcmp and select, recursing through the
 * chains of selects of constants that scores and statuses are.  The
 * table is writable and not internal, so no pass can prove its contents
 * and turn the loads back into constants.  +0 stays a constant in the
 * arms of selects (as an operand it is loaded too: konst_load) because
 * the x86 code generator makes a select of +0 an and / andn of the mask
 * rather than a blend (with +0 loaded too: 691 more blends and 623 fewer
 * ands in the Liaoning file's loops).  Measured on that file's module
 * (callgrind, opt-19 -passes='default<O3>' on `planc emit-llvm --O0`
 * output, then llc-19 -O3 -mcpu=native on the result): constants as
 * vectors 1,382M + 1,120M instructions; with the table alone 1,031M +
 * 1,139M; with the joined selects of t_mat alone 1,147M + 1,057M; with
 * both (cg-6) 866M + 1,101M.  The loops then have 3.6% fewer
 * instructions (5,515 against 5,727), the constants reloaded from the
 * stack where they were read from the constant pool. */
static LLVMValueRef konst_load(cg_state *g, double v);
static LLVMValueRef konst(cg_state *g, double v)
{
    static const double pzero = 0.0;
    if (memcmp(&v, &pzero, sizeof v) == 0)
        return LLVMConstNull(g->vec);
    return konst_load(g, v);
}

/* The vector of W copies of v loaded from the table, +0 too: what an
 * operation's operand gets (t_vec).  A +0 constant vector as an operand
 * of fcmp was, after cg-6, the largest single cost left to the
 * optimiser's queries of constants: every match of it (m_AnyZeroFP,
 * m_PosZeroFP and m_APFloat in simplifyFCmpInst, visitFCmpInst,
 * matchSelectPattern, and fcmpImpliesClass under computeKnownFPClass
 * through every select on such a compare) builds an APFloat and looks a
 * ConstantFP up (Constant::getSplatValue), 86,000 times for the Liaoning
 * file.  Only the arms of selects keep the constant +0 (konst). */
static LLVMValueRef konst_load(cg_state *g, double v)
{
    uint32_t i = 0;
    while (i < g->nk && !(isnan(v) ? isnan(g->kvals[i])
                                   : memcmp(&g->kvals[i], &v, sizeof v) == 0))
        i++;
    if (i == g->nk) {
        if (g->nk == g->kcap) {
            g->kcap = g->kcap ? 2 * g->kcap : 32;
            g->kvals = realloc(g->kvals, g->kcap * sizeof *g->kvals);
            g->kload = realloc(g->kload, g->kcap * sizeof *g->kload);
        }
        g->kvals[g->nk] = v;
        g->kload[g->nk++] = NULL;
    }
    if (!g->kload[i]) {
        LLVMValueRef idx = LLVMConstInt(g->i64, i, 0);
        LLVMValueRef at = LLVMBuildInBoundsGEP2(g->kb, g->vec, g->ktab, &idx, 1, "");
        char name[16];
        snprintf(name, sizeof name, "k%u", i);
        g->kload[i] = LLVMBuildLoad2(g->kb, g->vec, at, name);
        LLVMSetAlignment(g->kload[i], g->W * sizeof(double));
    }
    return g->kload[i];
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

/* A new node of the current group's pool, zeroed.  The pool is a list of
 * blocks reused from group to group (t_reset) and freed with the state. */
static tnode *t_alloc(cg_state *g)
{
    enum { BLOCK = 512 };
    if (g->tblock == g->ntblocks || g->tused == BLOCK) {
        if (g->tblock < g->ntblocks && g->tused == BLOCK)
            g->tblock++;
        if (g->tblock == g->ntblocks) {
            g->tblocks = realloc(g->tblocks, (g->ntblocks + 1) * sizeof *g->tblocks);
            g->tblocks[g->ntblocks++] = malloc(BLOCK * sizeof **g->tblocks);
        }
        g->tused = 0;
    }
    tnode *n = &g->tblocks[g->tblock][g->tused++];
    memset(n, 0, sizeof *n);
    return n;
}

/* Forgets every node: the next group starts with an empty pool. */
static void t_reset(cg_state *g)
{
    g->tblock = 0;
    g->tused = 0;
}

/* A constant leaf. */
static tnode *t_const(cg_state *g, double k)
{
    tnode *n = t_alloc(g);
    n->k = k;
    n->maynan = isnan(k);
    n->leaves = 1;
    return n;
}

/* A leaf holding the vector v (NaN somewhere only when maynan). */
static tnode *t_leaf(cg_state *g, LLVMValueRef v, bool maynan)
{
    tnode *n = t_alloc(g);
    n->v = n->mat = v;
    n->maynan = maynan;
    n->leaves = n->opaque = 1;
    return n;
}

/* Whether two trees are the same value: the same node, constant leaves of
 * the same value (any two NaNs: ir.h makes every NaN "missing"), or leaves
 * of the same vector. */
static bool t_same(const tnode *a, const tnode *b)
{
    if (a == b)
        return true;
    if (a->c || b->c || !a->v != !b->v)
        return false;
    if (a->v)
        return a->v == b->v;
    return (isnan(a->k) && isnan(b->k)) || memcmp(&a->k, &b->k, sizeof a->k) == 0;
}

/* Saturating sum of two leaf counts. */
static uint32_t sat_add(uint32_t a, uint32_t b)
{
    return a + b < a || a + b > 1u << 20 ? 1u << 20 : a + b;
}

/* c ? t : f, row by row.  A constant condition picks its arm; equal arms
 * need no test; an arm that tests c again takes its own matching arm. */
static tnode *t_node(cg_state *g, LLVMValueRef c, tnode *t, tnode *f)
{
    if (all_true(c))
        return t;
    if (all_false(c))
        return f;
    if (t->c == c)
        t = t->t;
    if (f->c == c)
        f = f->f;
    if (t_same(t, f))
        return t;
    tnode *n = t_alloc(g);
    n->c = c;
    n->t = t;
    n->f = f;
    n->maynan = t->maynan || f->maynan;
    n->leaves = sat_add(t->leaves, f->leaves);
    n->opaque = sat_add(t->opaque, f->opaque);
    return n;
}

/* Whether v is one of the current group's constants (konst) and not NaN. */
static bool konst_number(const cg_state *g, LLVMValueRef v)
{
    if (LLVMIsConstant(v))
        return LLVMIsNull(v);   /* konst's only constant: +0 */
    for (uint32_t i = 0; i < g->nk; i++)
        if (g->kload[i] == v)
            return !isnan(g->kvals[i]);
    return false;
}

/* The unordered form of an ordered fcmp predicate; `p` itself when it has
 * none. */
static LLVMRealPredicate unordered(LLVMRealPredicate p)
{
    switch (p) {
    case LLVMRealOEQ: return LLVMRealUEQ;
    case LLVMRealOGT: return LLVMRealUGT;
    case LLVMRealOGE: return LLVMRealUGE;
    case LLVMRealOLT: return LLVMRealULT;
    case LLVMRealOLE: return LLVMRealULE;
    case LLVMRealONE: return LLVMRealUNE;
    default: return p;
    }
}

/* a | b for two i1 vectors, as one unordered fcmp when a is x's NaN test
 * (fcmp uno x, x, or x against a number of the table: t_isnan) and b
 * an ordered comparison of x with a constant that is a number: where x
 * is NaN both hold, elsewhere the comparisons agree.
 * InstCombine makes that fold itself for a constant it can see (the
 * tables of konst hide them), and the code generator makes the fcmp one
 * instruction. */
static LLVMValueRef mask_or(cg_state *g, LLVMValueRef a, LLVMValueRef b)
{
    for (int swap = 0; swap < 2; swap++) {
        LLVMValueRef n = swap ? b : a, c = swap ? a : b;
        if (!LLVMIsAFCmpInst(n) || !LLVMIsAFCmpInst(c) ||
            LLVMGetFCmpPredicate(n) != LLVMRealUNO)
            continue;
        LLVMValueRef x = LLVMGetOperand(n, 0);
        LLVMValueRef l = LLVMGetOperand(c, 0), r = LLVMGetOperand(c, 1);
        LLVMRealPredicate p = LLVMGetFCmpPredicate(c), u = unordered(p);
        if ((x != LLVMGetOperand(n, 1) && !konst_number(g, LLVMGetOperand(n, 1))) || u == p)
            continue;
        if ((l == x && konst_number(g, r)) || (r == x && konst_number(g, l)))
            return LLVMBuildFCmp(g->b, u, l, r, "");
    }
    return LLVMBuildOr(g->b, a, b, "");
}

/* The double vector of a tree: a select per inner node, built once,
 * except that an arm which is itself a node not built yet, with the same
 * value in the same arm (c ? x : (d ? x : y), or c ? (d ? y : x) : x),
 * joins the select: x where c | d (c & d for the other), one select.
 * That is the form InstCombine would make of the two selects (as a
 * logical or, select c, true, d, whose poison rules it then has to
 * prove away with impliesPoison); the i1 vectors here are fcmp results
 * and logic of them, never poison, so a plain or / and is exact. */
static LLVMValueRef t_mat(cg_state *g, tnode *n)
{
    if (!n->mat) {
        if (!n->c) {
            n->mat = konst(g, n->k);
        } else {
            LLVMValueRef c = n->c;
            tnode *t = n->t, *f = n->f;
            for (;;) {
                if (f->c && !f->mat && t_same(f->t, t)) {
                    c = mask_or(g, c, f->c);
                    f = f->f;
                } else if (t->c && !t->mat && t_same(t->f, f)) {
                    c = LLVMBuildAnd(g->b, c, t->c, "");
                    t = t->t;
                } else {
                    break;
                }
            }
            n->mat = LLVMBuildSelect(g->b, c, t_mat(g, t), t_mat(g, f), "");
        }
    }
    return n->mat;
}

/* Whether every leaf of n is a constant other than 0. */
static bool t_nonzero_consts(const tnode *n)
{
    if (n->c)
        return t_nonzero_consts(n->t) && t_nonzero_consts(n->f);
    return !n->v && n->k != 0;
}

/* The tree as one leaf (its vector built), when it is not one already. */
static tnode *t_flat(cg_state *g, tnode *n)
{
    if (!n->c)
        return n;
    tnode *l = t_leaf(g, t_mat(g, n), n->maynan);
    l->nonzero = t_nonzero_consts(n);
    return l;
}

/* n where c is known to hold (holds) or not: every test of c in it
 * replaced by the arm it picks.  n itself when it does not test c. */
static tnode *t_restrict(cg_state *g, tnode *n, LLVMValueRef c, bool holds)
{
    if (!n->c)
        return n;
    if (n->c == c)
        return t_restrict(g, holds ? n->t : n->f, c, holds);
    tnode *t = t_restrict(g, n->t, c, holds), *f = t_restrict(g, n->f, c, holds);
    return t == n->t && f == n->f ? n : t_node(g, n->c, t, f);
}

/* The vector of leaf l where it is not NaN: a leaf of the same vector
 * for the rows a NaN test has already sent elsewhere. */
static tnode *t_notnan(cg_state *g, tnode *l)
{
    if (!l->v || !l->maynan)
        return l;
    tnode *n = t_leaf(g, l->v, false);
    n->truth_c = l->truth_c;
    return n;
}

/* Where a leaf's vector is NaN, tested once: fcmp uno against the +0 of
 * the table, the same test as fcmp uno x, x, which InstCombine would turn
 * into fcmp uno x, 0.0 and then match that constant again at every
 * visit (konst_load). */
static LLVMValueRef t_isnan(cg_state *g, tnode *l)
{
    if (!l->isnan_c)
        l->isnan_c = LLVMBuildFCmp(g->b, LLVMRealUNO, l->v, konst_load(g, 0.0), "");
    return l->isnan_c;
}

/* Where a leaf's vector is true (C's x != 0), tested once. */
static LLVMValueRef t_truth(cg_state *g, tnode *l)
{
    if (!l->truth_c)
        l->truth_c = LLVMBuildFCmp(g->b, LLVMRealUNE, l->v, konst_load(g, 0.0), "");
    return l->truth_c;
}

/* The vector of a leaf as an operand of an operation: its own, or a
 * constant's from the table, +0 too (konst_load). */
static LLVMValueRef t_vec(cg_state *g, tnode *l)
{
    return l->v ? l->v : konst_load(g, l->k);
}

/* Where either of two leaves is NaN; NULL when neither ever is. */
static LLVMValueRef t_either_nan(cg_state *g, tnode *a, tnode *b)
{
    if (a->maynan && b->maynan)
        return LLVMBuildFCmp(g->b, LLVMRealUNO, t_vec(g, a), t_vec(g, b), "");
    if (a->maynan)
        return t_isnan(g, a);
    if (b->maynan)
        return t_isnan(g, b);
    return NULL;
}

/* NaN where mask holds (NULL: nowhere), r elsewhere. */
static tnode *t_nan_where(cg_state *g, LLVMValueRef mask, tnode *r)
{
    return mask ? t_node(g, mask, t_const(g, NAN), r) : r;
}

/* 1.0 where c holds, 0.0 elsewhere. */
static tnode *t_bool(cg_state *g, LLVMValueRef c)
{
    return t_node(g, c, t_const(g, 1.0), t_const(g, 0.0));
}

/* ---- the ir.h operations on constants and on leaves ---- */

/* A one-operand op on a constant, exactly as ir.h (and the interpreter). */
static double fold1(ir_op op, double a)
{
    switch (op) {
    case IR_NEG: return -a;
    case IR_ABS: return fabs(a);
    case IR_NOT: return isnan(a) ? NAN : a == 0 ? 1.0 : 0.0;
    case IR_DEC15: return ir_decimal15(a);
    default: return isnan(a) ? 1.0 : 0.0;   /* IR_ISNA */
    }
}

/* A two-operand op on constants, exactly as ir.h (and the interpreter). */
static double fold2(ir_op op, double a, double b)
{
    if (op == IR_DIV)
        return b == 0 ? NAN : a / b;
    if (op == IR_ADD || op == IR_SUB || op == IR_MUL)
        return op == IR_ADD ? a + b : op == IR_SUB ? a - b : a * b;
    if (isnan(a) || isnan(b))
        return NAN;
    switch (op) {
    case IR_MIN: return a < b ? a : b;
    case IR_MAX: return a > b ? a : b;
    case IR_LT: return a < b;
    case IR_LE: return a <= b;
    case IR_GT: return a > b;
    case IR_GE: return a >= b;
    case IR_EQ: return a == b;
    case IR_NE: return a != b;
    case IR_AND: return a != 0 && b != 0;
    default: return a != 0 || b != 0;       /* IR_OR */
    }
}

/* llvm.fabs on a vector (clears the sign bit, as C's fabs). */
static LLVMValueRef l_abs(cg_state *g, LLVMValueRef a)
{
    if (!g->fabs_fn) {
        unsigned id = LLVMLookupIntrinsicID("llvm.fabs", 9);
        g->fabs_fn = LLVMGetIntrinsicDeclaration(g->mod, id, &g->vec, 1);
        g->fabs_ty = LLVMIntrinsicGetType(g->ctx, id, &g->vec, 1);
    }
    return LLVMBuildCall2(g->b, g->fabs_ty, g->fabs_fn, &a, 1, "");
}

static void add_fn_attr(cg_state *g, LLVMValueRef fn, const char *attr);

/* planc.dec15(x): x rounded to 15 significant digits exactly as
 * ir_decimal15 does it, by the same C library calls, so that the JIT and
 * the AOT library get the interpreter's bits: x itself when it is not
 * finite (x - x is not 0), else strtod of snprintf(buf, 40, "%.15g", x).
 * Built once per module, on first use (only a goal read from the data
 * with a tolerance needs it). */
static LLVMValueRef dec15_helper(cg_state *g)
{
    if (g->dec15_fn)
        return g->dec15_fn;
    LLVMTypeRef fty = LLVMFunctionType(g->dbl, &g->dbl, 1, 0);
    g->dec15_ty = fty;
    LLVMValueRef fn = g->dec15_fn = LLVMAddFunction(g->mod, "planc.dec15", fty);
    LLVMBasicBlockRef at = LLVMGetInsertBlock(g->b);
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    add_fn_attr(g, fn, "nounwind");
    add_fn_attr(g, fn, "noinline");
    LLVMTypeRef snp_args[3] = {g->ptr, g->i64, g->ptr};
    LLVMTypeRef snp_ty = LLVMFunctionType(g->i32, snp_args, 3, 1);
    LLVMValueRef snp = LLVMGetNamedFunction(g->mod, "snprintf");
    if (!snp)
        snp = LLVMAddFunction(g->mod, "snprintf", snp_ty);
    LLVMTypeRef std_args[2] = {g->ptr, g->ptr};
    LLVMTypeRef std_ty = LLVMFunctionType(g->dbl, std_args, 2, 0);
    LLVMValueRef std = LLVMGetNamedFunction(g->mod, "strtod");
    if (!std)
        std = LLVMAddFunction(g->mod, "strtod", std_ty);

    LLVMValueRef x = LLVMGetParam(fn, 0);
    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(g->ctx, fn, "entry");
    LLVMBasicBlockRef round = LLVMAppendBasicBlockInContext(g->ctx, fn, "round");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, fn, "done");
    LLVMPositionBuilderAtEnd(g->b, entry);
    LLVMTypeRef bufty = LLVMArrayType2(LLVMInt8TypeInContext(g->ctx), 40);
    LLVMValueRef buf = LLVMBuildAlloca(g->b, bufty, "buf");
    LLVMValueRef finite = LLVMBuildFCmp(g->b, LLVMRealOEQ, LLVMBuildFSub(g->b, x, x, ""),
                                        LLVMConstReal(g->dbl, 0), "finite");
    LLVMBuildCondBr(g->b, finite, round, done);
    LLVMPositionBuilderAtEnd(g->b, round);
    LLVMValueRef fmt = LLVMBuildGlobalStringPtr(g->b, "%.15g", "planc.fmt15");
    LLVMValueRef sargs[4] = {buf, LLVMConstInt(g->i64, 40, 0), fmt, x};
    LLVMBuildCall2(g->b, snp_ty, snp, sargs, 4, "");
    LLVMValueRef targs[2] = {buf, LLVMConstNull(g->ptr)};
    LLVMValueRef r = LLVMBuildCall2(g->b, std_ty, std, targs, 2, "r");
    LLVMBuildBr(g->b, done);
    LLVMPositionBuilderAtEnd(g->b, done);
    LLVMValueRef phi = LLVMBuildPhi(g->b, g->dbl, "");
    LLVMValueRef vals[2] = {x, r};
    LLVMBasicBlockRef from[2] = {entry, round};
    LLVMAddIncoming(phi, vals, from, 2);
    LLVMBuildRet(g->b, phi);
    if (at)
        LLVMPositionBuilderAtEnd(g->b, at);
    return fn;
}

/* A one-operand op on a leaf that is a vector. */
static tnode *emit1(cg_state *g, ir_op op, tnode *a)
{
    switch (op) {
    case IR_DEC15: {
        /* lane by lane: a C library call has no vector form */
        LLVMValueRef fn = dec15_helper(g), v = a->v;
        for (unsigned i = 0; i < g->W; i++) {
            LLVMValueRef lane = LLVMConstInt(g->i32, i, 0);
            LLVMValueRef x = LLVMBuildExtractElement(g->b, a->v, lane, "");
            LLVMValueRef r = LLVMBuildCall2(g->b, g->dec15_ty, fn, &x, 1, "");
            v = LLVMBuildInsertElement(g->b, v, r, lane, "");
        }
        return t_leaf(g, v, a->maynan);
    }
    case IR_NEG: return t_leaf(g, LLVMBuildFNeg(g->b, a->v, ""), a->maynan);
    case IR_ABS: return t_leaf(g, l_abs(g, a->v), a->maynan);
    case IR_NOT:
        return t_nan_where(g, a->maynan ? t_isnan(g, a) : NULL,
                           t_bool(g, LLVMBuildFCmp(g->b, LLVMRealOEQ, a->v, konst_load(g, 0.0), "")));
    default:   /* IR_ISNA */
        return a->maynan ? t_bool(g, t_isnan(g, a)) : t_const(g, 0.0);
    }
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

/* A two-operand op on two leaves, at least one a vector and neither a
 * NaN constant. */
static tnode *emit2(cg_state *g, ir_op op, tnode *a, tnode *b)
{
    LLVMValueRef va = t_vec(g, a), vb = t_vec(g, b);
    switch (op) {
    case IR_ADD: return t_leaf(g, LLVMBuildFAdd(g->b, va, vb, ""), true);
    case IR_SUB: return t_leaf(g, LLVMBuildFSub(g->b, va, vb, ""), true);
    case IR_MUL: return t_leaf(g, LLVMBuildFMul(g->b, va, vb, ""), true);
    case IR_DIV: {
        if (!b->v && b->k == 0)
            return t_const(g, NAN);
        LLVMValueRef q;
        int e;
        if (!b->v && !isnan(b->k) && !isinf(b->k) && frexp(fabs(b->k), &e) == 0.5 &&
            isnormal(1.0 / b->k)) {
            /* x / 2^m as x * 2^-m: the correctly rounded value of the
             * same exact quotient, without the division (InstCombine does
             * this for a constant it can see; konst hides them). */
            q = LLVMBuildFMul(g->b, va, konst(g, 1.0 / b->k), "");
        } else {
            q = LLVMBuildFDiv(g->b, va, vb, "");
        }
        if (!b->v || b->nonzero)
            return t_leaf(g, q, true);
        return t_leaf(g, LLVMBuildSelect(g->b, LLVMBuildFCmp(g->b, LLVMRealOEQ, vb, konst_load(g, 0.0), ""),
                                         konst(g, NAN), q, ""), true);
    }
    case IR_MIN: case IR_MAX: {
        /* a < b ? a : b (a > b for max), so equal operands (0 and -0) give
         * b; built as a >= b ? b : a (a <= b for max), the same for
         * numbers: LLVM 19's InstCombine miscompiles the first form in
         * min(0, x, abs(min(...))) nests (select(0 < x, 0, select(0 <
         * |x|, 0, |x|)) becomes select(x > 0, 0, |x|)), found by the
         * differential test (seed 93). */
        LLVMRealPredicate pred = op == IR_MIN ? LLVMRealOGE : LLVMRealOLE;
        tnode *pick = t_node(g, LLVMBuildFCmp(g->b, pred, va, vb, ""), t_notnan(g, b), t_notnan(g, a));
        return t_nan_where(g, t_either_nan(g, a, b), pick);
    }
    case IR_AND: case IR_OR: {
        /* A constant operand decides (false for and, true for or) or
         * leaves the other's truth. */
        bool is_and = op == IR_AND;
        if (!a->v || !b->v) {
            tnode *k = a->v ? b : a, *x = a->v ? a : b;
            LLVMValueRef nan = x->maynan ? t_isnan(g, x) : NULL;
            if ((k->k != 0) != is_and)
                return t_nan_where(g, nan, t_const(g, is_and ? 0.0 : 1.0));
            return t_nan_where(g, nan, t_bool(g, t_truth(g, x)));
        }
        LLVMValueRef ta = t_truth(g, a), tb = t_truth(g, b);
        LLVMValueRef t = is_and ? LLVMBuildAnd(g->b, ta, tb, "") : LLVMBuildOr(g->b, ta, tb, "");
        return t_nan_where(g, t_either_nan(g, a, b), t_bool(g, t));
    }
    default:   /* comparisons */
        return t_nan_where(g, t_either_nan(g, a, b),
                           t_bool(g, LLVMBuildFCmp(g->b, compare_pred(op), va, vb, "")));
    }
}

/* ---- the ir.h operations on trees ---- */

/* op applied to every leaf of a. */
static tnode *map1(cg_state *g, ir_op op, tnode *a)
{
    if (a->c)
        return t_node(g, a->c, map1(g, op, a->t), map1(g, op, a->f));
    if (!a->v)
        return t_const(g, fold1(op, a->k));
    return emit1(g, op, a);
}

/* op applied to every pair of leaves of a and b. */
static tnode *map2(cg_state *g, ir_op op, tnode *a, tnode *b)
{
    if (a->c)
        return t_node(g, a->c, map2(g, op, a->t, t_restrict(g, b, a->c, true)),
                      map2(g, op, a->f, t_restrict(g, b, a->c, false)));
    if (b->c)
        return t_node(g, b->c, map2(g, op, a, b->t), map2(g, op, a, b->f));
    if (!a->v && !b->v)
        return t_const(g, fold2(op, a->k, b->k));
    if ((!a->v && isnan(a->k)) || (!b->v && isnan(b->k)))
        return t_const(g, NAN);   /* every two-operand op propagates NaN */
    return emit2(g, op, a, b);
}

/* SELECT a b c: each leaf of a replaced by NaN, b or c. */
static tnode *pick(cg_state *g, tnode *a, tnode *b, tnode *c)
{
    if (a->c)
        return t_node(g, a->c,
                      pick(g, a->t, t_restrict(g, b, a->c, true), t_restrict(g, c, a->c, true)),
                      pick(g, a->f, t_restrict(g, b, a->c, false), t_restrict(g, c, a->c, false)));
    if (!a->v)
        return isnan(a->k) ? t_const(g, NAN) : a->k != 0 ? b : c;
    tnode *r = t_node(g, t_truth(g, a), b, c);
    return t_nan_where(g, a->maynan ? t_isnan(g, a) : NULL, r);
}

/* COALESCE a b: each NaN of a's leaves replaced by b. */
static tnode *coalesce(cg_state *g, tnode *a, tnode *b)
{
    if (a->c)
        return t_node(g, a->c, coalesce(g, a->t, t_restrict(g, b, a->c, true)),
                      coalesce(g, a->f, t_restrict(g, b, a->c, false)));
    if (!a->v)
        return isnan(a->k) ? b : a;
    return a->maynan ? t_node(g, t_isnan(g, a), b, t_notnan(g, a)) : a;
}

/* The vector operations map2(op, a, b) builds at most: one per pair of
 * leaves of which one is a vector, except for AND and OR, which need one
 * only for a pair of vectors (a vector's truth and NaN tests are built
 * once per leaf). */
static uint64_t vector_ops(ir_op op, const tnode *a, const tnode *b)
{
    if (op == IR_AND || op == IR_OR)
        return (uint64_t)a->opaque * b->opaque;
    return (uint64_t)a->opaque * b->leaves + (uint64_t)(a->leaves - a->opaque) * b->opaque;
}

/* The leaves pick(a, b, c) would have. */
static uint64_t pick_leaves(const tnode *a, const tnode *b, const tnode *c)
{
    if (a->c)
        return pick_leaves(a->t, b, c) + pick_leaves(a->f, b, c);
    if (!a->v)
        return isnan(a->k) ? 1 : a->k != 0 ? b->leaves : c->leaves;
    return (uint64_t)b->leaves + c->leaves + a->maynan;
}

/* The leaves coalesce(a, b) would have. */
static uint64_t coalesce_leaves(const tnode *a, const tnode *b)
{
    if (a->c)
        return coalesce_leaves(a->t, b) + coalesce_leaves(a->f, b);
    if (!a->v)
        return isnan(a->k) ? b->leaves : 1;
    return a->maynan ? (uint64_t)b->leaves + 1 : 1;
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

/* Computes step `s` for the rows starting at `row` as a tree over its
 * operands' trees: constants fold, conditions travel to where they are
 * used, and a vector operation is built only for leaves that are vectors.
 * Operands too large for that are built as vectors first. */
static void l_step(cg_state *g, uint32_t s, LLVMValueRef row)
{
    const ir_step *st = &g->p->steps[s];
    tnode **t = g->tree;
    const uint32_t L = CG_TREE_LEAVES;
    switch (st->op) {
    case IR_CONST:
        t[s] = t_const(g, st->imm);
        return;
    case IR_INPUT: {
        char name[16];
        snprintf(name, sizeof name, "s%u", s);
        t[s] = t_leaf(g, l_load(g, g->inparam[st->aux], row, name), g->maynan[s]);
        return;
    }
    case IR_NEG: case IR_ABS: case IR_NOT: case IR_ISNA: case IR_DEC15: {
        tnode *a = t[st->a];
        if (a->opaque > 1 && st->op != IR_ISNA)
            a = t_flat(g, a);
        t[s] = map1(g, st->op, a);
        return;
    }
    case IR_SELECT: {
        tnode *a = t[st->a], *b = t[st->b], *c = t[st->c];
        if (pick_leaves(a, b, c) > L) {
            b = t_flat(g, b);
            c = t_flat(g, c);
        }
        if (pick_leaves(a, b, c) > L)
            a = t_flat(g, a);
        t[s] = pick(g, a, b, c);
        return;
    }
    case IR_COALESCE: {
        tnode *a = t[st->a], *b = t[st->b];
        if (coalesce_leaves(a, b) > L)
            b = t_flat(g, b);
        if (coalesce_leaves(a, b) > L)
            a = t_flat(g, a);
        t[s] = coalesce(g, a, b);
        return;
    }
    case IR_PEAK: case IR_SHARE: case IR_PEER: case IR_CUMSUM: case IR_CUMMAX: case IR_SHIFT:
    case IR_PARENT:
    case IR_NOPS:
        return;   /* unreachable: barriers are never computed (check_program) */
    default: {
        /* Trees over the same conditions combine leaf by leaf (map2
         * restricts b to each path of a), so the product of their leaves
         * only bounds the result: try, and build vectors if it is too
         * large after all. */
        tnode *a = t[st->a], *b = t[st->b], *r = NULL;
        if (vector_ops(st->op, a, b) <= 1 && (uint64_t)a->leaves * b->leaves <= 4 * L) {
            r = map2(g, st->op, a, b);
            if (r->leaves + 2 > L)
                r = NULL;
        }
        t[s] = r ? r : map2(g, st->op, t_flat(g, a), t_flat(g, b));
        return;
    }
    }
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

/* The function type of groups and segments: inputs, cols, lo, hi. */
static LLVMTypeRef seg_type(cg_state *g)
{
    LLVMTypeRef pt[4] = {g->ptr, g->ptr, g->i64, g->i64};
    return LLVMFunctionType(g->voidty, pt, 4, 0);
}

/* Declares group gr's function: internal when the module holds the whole
 * program, external otherwise (defined in one part, called from part 0). */
static void declare_group(cg_state *g, group *gr, unsigned nparts)
{
    char name[CG_NAME_MAX + 16];
    group_name(gr, name);
    LLVMValueRef fn = LLVMAddFunction(g->mod, name, seg_type(g));
    gr->fn = fn;
    if (nparts == 1)
        LLVMSetLinkage(fn, LLVMInternalLinkage);
    add_fn_attr(g, fn, "noinline");
    add_fn_attr(g, fn, "nounwind");
    for (unsigned j = 0; j < 2; j++) {
        add_param_attr(g, fn, j, "noalias");
        add_param_attr(g, fn, j, "nocapture");
        add_param_attr(g, fn, j, "readonly");
    }
}

/* Pass 3a: the body of group gr's function: one loop over rows [lo, hi),
 * W rows per iteration, the last iteration starting at hi - W (so ranges
 * of fewer than W rows do nothing: seg_N never passes one).  Blocks:
 * entry (the column pointers; skip when too short), loop (one
 * straight-line block), exit. */
static void build_group(cg_state *g, group *gr)
{
    LLVMValueRef fn = gr->fn;
    static const char *const pnames[4] = {"inputs", "cols", "lo", "hi"};
    for (unsigned j = 0; j < 4; j++)
        LLVMSetValueName2(LLVMGetParam(fn, j), pnames[j], strlen(pnames[j]));
    LLVMValueRef inputs = LLVMGetParam(fn, 0), cols = LLVMGetParam(fn, 1);
    LLVMValueRef lo = LLVMGetParam(fn, 2), hi = LLVMGetParam(fn, 3);

    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(g->ctx, fn, "entry");
    LLVMBasicBlockRef loop = LLVMAppendBasicBlockInContext(g->ctx, fn, "loop");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(g->ctx, fn, "exit");

    /* The column pointers, once, before the loop. */
    LLVMPositionBuilderAtEnd(g->b, entry);
    for (uint32_t j = 0; j < gr->nparams; j++) {
        const col_param *cp = &gr->params[j];
        LLVMValueRef idx = LLVMConstInt(g->i64, cp->index, 0);
        LLVMValueRef at = LLVMBuildGEP2(g->b, g->ptr, cp->from_cols ? cols : inputs, &idx, 1, "");
        char pn[24];
        snprintf(pn, sizeof pn, cp->from_cols ? "c%u" : "in%u", cp->index);
        LLVMValueRef prm = LLVMBuildLoad2(g->b, g->ptr, at, pn);
        LLVMSetAlignment(prm, 8);
        if (cp->from_cols)
            g->colparam[cp->index] = prm;
        else
            g->inparam[cp->index] = prm;
    }
    LLVMPositionBuilderAtEnd(g->b, entry);
    LLVMValueRef width = LLVMConstInt(g->i64, g->W, 0);
    LLVMValueRef last = LLVMBuildSub(g->b, hi, width, "last");
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSLE, lo, last, ""), loop, exit);
    /* The group's constants (konst) are loaded here, before the branch. */
    LLVMPositionBuilderBefore(g->kb, LLVMGetBasicBlockTerminator(entry));
    for (uint32_t i = 0; i < g->nk; i++)
        g->kload[i] = NULL;

    LLVMPositionBuilderAtEnd(g->b, loop);
    LLVMValueRef row = LLVMBuildPhi(g->b, g->i64, "row");
    t_reset(g);
    for (uint32_t k = 0; k < gr->nneeded; k++) {
        uint32_t i = gr->needed[k];
        if (gr->roles[k] == ROLE_LOAD) {
            char vn[16];
            snprintf(vn, sizeof vn, "s%u", i);
            g->tree[i] = t_leaf(g, l_load(g, g->colparam[i], row, vn), g->maynan[i]);
        } else {
            l_step(g, i, row);
        }
    }
    for (uint32_t r = 0; r < gr->nroots; r++)
        l_store(g, g->colparam[gr->roots[r]], row, t_mat(g, g->tree[gr->roots[r]]));
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

/* The helper for ranges shorter than W rows, added to the module by the
 * first seg_N that needs it:
 *
 *   void planc.pad(const uint32_t *tab, int32 n, ptr inputs, ptr cols,
 *                  double *scratch, i64 lo, i64 rows, i1 out,
 *                  ptr sin, ptr scol)
 *
 * For each entry j < n of tab (a column of the segment, coded
 * index << 2 | from_cols << 1 | written), with column = (from_cols ? cols
 * : inputs)[index] and block j of scratch (W doubles): when `out` is
 * false, points (from_cols ? scol : sin)[index] at the block and, for a
 * column the segment only reads, copies the rows [lo, lo + rows) into it;
 * when `out` is true, copies the block back into a column it writes. */
static LLVMValueRef pad_helper(cg_state *g)
{
    if (g->pad_fn)
        return g->pad_fn;
    LLVMTypeRef pt[10] = {g->ptr, g->i32, g->ptr, g->ptr, g->ptr, g->i64, g->i64, g->i1,
                          g->ptr, g->ptr};
    LLVMTypeRef fty = LLVMFunctionType(g->voidty, pt, 10, 0);
    g->pad_ty = fty;
    LLVMValueRef fn = g->pad_fn = LLVMAddFunction(g->mod, "planc.pad", fty);
    LLVMBasicBlockRef at = LLVMGetInsertBlock(g->b);
    LLVMSetLinkage(fn, LLVMInternalLinkage);
    add_fn_attr(g, fn, "nounwind");
    add_fn_attr(g, fn, "noinline");
    static const char *const names[10] = {"tab", "n", "inputs", "cols", "scratch", "lo", "rows",
                                          "out", "sin", "scol"};
    for (unsigned j = 0; j < 10; j++)
        LLVMSetValueName2(LLVMGetParam(fn, j), names[j], strlen(names[j]));
    LLVMValueRef tab = LLVMGetParam(fn, 0), n = LLVMGetParam(fn, 1);
    LLVMValueRef out = LLVMGetParam(fn, 7);

    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(g->ctx, fn, "entry");
    LLVMBasicBlockRef loop = LLVMAppendBasicBlockInContext(g->ctx, fn, "loop");
    LLVMBasicBlockRef in = LLVMAppendBasicBlockInContext(g->ctx, fn, "in");
    LLVMBasicBlockRef copy_in = LLVMAppendBasicBlockInContext(g->ctx, fn, "copy_in");
    LLVMBasicBlockRef outb = LLVMAppendBasicBlockInContext(g->ctx, fn, "out");
    LLVMBasicBlockRef copy_out = LLVMAppendBasicBlockInContext(g->ctx, fn, "copy_out");
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
    LLVMValueRef bytes = LLVMBuildMul(g->b, LLVMGetParam(fn, 6), LLVMConstInt(g->i64, sizeof(double), 0), "");
    LLVMBuildCondBr(g->b, out, outb, in);

    LLVMPositionBuilderAtEnd(g->b, in);
    LLVMValueRef fake = LLVMBuildSelect(g->b, from_cols, LLVMGetParam(fn, 9), LLVMGetParam(fn, 8), "");
    LLVMValueRef slot = LLVMBuildGEP2(g->b, g->ptr, fake, &idx, 1, "");
    LLVMSetAlignment(LLVMBuildStore(g->b, blk, slot), 8);
    LLVMBuildCondBr(g->b, written, next, copy_in);
    LLVMPositionBuilderAtEnd(g->b, copy_in);
    LLVMBuildMemCpy(g->b, blk, 8, col, 8, bytes);
    LLVMBuildBr(g->b, next);

    LLVMPositionBuilderAtEnd(g->b, outb);
    LLVMBuildCondBr(g->b, written, copy_out, next);
    LLVMPositionBuilderAtEnd(g->b, copy_out);
    LLVMBuildMemCpy(g->b, col, 8, blk, 8, bytes);
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

/* The columns segment k's groups gr[0..ngr) use, each once (written when
 * a group writes it), coded for planc.pad into the constant table
 * seg_N.pad; *n is set to their number and [*in_lo, *in_hi] and
 * [*col_lo, *col_hi] to the ranges of their input and column indices
 * (empty: lo > hi). */
static LLVMValueRef build_pad_table(cg_state *g, uint32_t k, const group *gr, uint32_t ngr,
                                    uint32_t *n, uint32_t *in_lo, uint32_t *in_hi,
                                    uint32_t *col_lo, uint32_t *col_hi)
{
    uint32_t total = 0;
    for (uint32_t q = 0; q < ngr; q++)
        total += gr[q].nparams;
    uint32_t *code = malloc((total ? total : 1) * sizeof *code);
    /* Where each column is in code[], plus one (0: not yet). */
    uint32_t *in_at = calloc(g->p->ninputs ? g->p->ninputs : 1, sizeof *in_at);
    uint32_t *col_at = calloc(g->p->nsteps ? g->p->nsteps : 1, sizeof *col_at);
    uint32_t m = 0;
    *in_lo = *col_lo = UINT32_MAX;
    *in_hi = *col_hi = 0;
    for (uint32_t q = 0; q < ngr; q++)
        for (uint32_t j = 0; j < gr[q].nparams; j++) {
            const col_param *cp = &gr[q].params[j];
            uint32_t *at = cp->from_cols ? &col_at[cp->index] : &in_at[cp->index];
            if (!*at) {
                code[m] = cp->index << 2 | (uint32_t)cp->from_cols << 1;
                *at = ++m;
                uint32_t *lo = cp->from_cols ? col_lo : in_lo, *hi = cp->from_cols ? col_hi : in_hi;
                *lo = cp->index < *lo ? cp->index : *lo;
                *hi = cp->index > *hi ? cp->index : *hi;
            }
            code[*at - 1] |= cp->written;
        }
    LLVMValueRef *e = malloc((m ? m : 1) * sizeof *e);
    for (uint32_t j = 0; j < m; j++)
        e[j] = LLVMConstInt(g->i32, code[j], 0);
    LLVMTypeRef aty = LLVMArrayType2(g->i32, m);
    char name[CG_NAME_MAX + 8];
    cg_segment_name(k, name);
    strcat(name, ".pad");
    LLVMValueRef tab = LLVMAddGlobal(g->mod, aty, name);
    LLVMSetInitializer(tab, LLVMConstArray2(g->i32, e, m));
    LLVMSetGlobalConstant(tab, 1);
    LLVMSetLinkage(tab, LLVMInternalLinkage);
    LLVMSetUnnamedAddress(tab, LLVMGlobalUnnamedAddr);
    free(e);
    free(code);
    free(in_at);
    free(col_at);
    *n = m;
    return tab;
}

/* Entries of a stand-in pointer array for indices [lo, hi] (1 when
 * lo > hi). */
static uint64_t fake_len(uint32_t lo, uint32_t hi)
{
    return lo <= hi ? (uint64_t)hi - lo + 1 : 1;
}

/* The stand-in pointer array at `arr` (fake_len(lo, hi) entries) as a
 * pointer to where index 0 would be: planc.pad fills the used entries and
 * the groups read them as their inputs or cols. */
static LLVMValueRef fake_array(cg_state *g, LLVMValueRef arr, uint32_t lo, uint32_t hi)
{
    LLVMValueRef back = LLVMConstInt(g->i64, lo <= hi ? -(int64_t)lo : 0, 1);
    return LLVMBuildGEP2(g->b, g->ptr, arr, &back, 1, "");
}

/* Most bytes the path for fewer rows than a vector keeps on the stack
 * (its scratch blocks and stand-in arrays); a segment needing more (about
 * 250 targets and up) takes them from calloc and frees them, so that a
 * thread with a small stack (an AOT library's caller's) can run it. */
#define CG_SMALL_STACK (64 * 1024)

/* `bytes` zeroed bytes from calloc, 32-byte aligned (calloc's 16 are
 * rounded up within 32 spare bytes: *base is what to free); traps when
 * calloc fails, as a failed stack allocation would. */
static LLVMValueRef heap_block(cg_state *g, LLVMValueRef fn, uint64_t bytes, LLVMValueRef *base)
{
    LLVMTypeRef cty = LLVMFunctionType(g->ptr, (LLVMTypeRef[]){g->i64, g->i64}, 2, 0);
    LLVMValueRef calloc_fn = LLVMGetNamedFunction(g->mod, "calloc");
    if (!calloc_fn)
        calloc_fn = LLVMAddFunction(g->mod, "calloc", cty);
    LLVMValueRef args[2] = {LLVMConstInt(g->i64, 1, 0), LLVMConstInt(g->i64, bytes + 32, 0)};
    LLVMValueRef p = LLVMBuildCall2(g->b, cty, calloc_fn, args, 2, "heap");
    LLVMBasicBlockRef fail = LLVMAppendBasicBlockInContext(g->ctx, fn, "nomem");
    LLVMBasicBlockRef ok = LLVMAppendBasicBlockInContext(g->ctx, fn, "mem");
    LLVMBuildCondBr(g->b, LLVMBuildIsNull(g->b, p, ""), fail, ok);
    LLVMPositionBuilderAtEnd(g->b, fail);
    unsigned id = LLVMLookupIntrinsicID("llvm.trap", 9);
    LLVMValueRef trap = LLVMGetIntrinsicDeclaration(g->mod, id, NULL, 0);
    LLVMBuildCall2(g->b, LLVMIntrinsicGetType(g->ctx, id, NULL, 0), trap, NULL, 0, "");
    LLVMBuildUnreachable(g->b);
    LLVMPositionBuilderAtEnd(g->b, ok);
    *base = p;
    LLVMValueRef addr = LLVMBuildPtrToInt(g->b, p, g->i64, "");
    addr = LLVMBuildAnd(g->b, LLVMBuildAdd(g->b, addr, LLVMConstInt(g->i64, 31, 0), ""),
                        LLVMConstInt(g->i64, ~(uint64_t)31, 0), "");
    return LLVMBuildIntToPtr(g->b, addr, g->ptr, "aligned");
}

/* Releases a heap_block. */
static void heap_free(cg_state *g, LLVMValueRef base)
{
    LLVMTypeRef fty = LLVMFunctionType(g->voidty, (LLVMTypeRef[]){g->ptr}, 1, 0);
    LLVMValueRef free_fn = LLVMGetNamedFunction(g->mod, "free");
    if (!free_fn)
        free_fn = LLVMAddFunction(g->mod, "free", fty);
    LLVMBuildCall2(g->b, fty, free_fn, &base, 1, "");
}

/* Pass 3b: the exported seg_N.  For at least W rows it calls the groups
 * in order on [lo, hi).  For 1 to W - 1 rows, it points stand-in input
 * and column arrays at a zeroed scratch block of W rows per column of the
 * segment, planc.pad copies the rows in, the groups run on rows [0, W) of
 * the stand-ins, and planc.pad copies the results out. */
static void build_wrapper(cg_state *g, uint32_t k, const group *gr, uint32_t ngr)
{
    char name[CG_NAME_MAX];
    cg_segment_name(k, name);
    LLVMValueRef fn = LLVMAddFunction(g->mod, name, seg_type(g));
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
    LLVMTypeRef gty = seg_type(g);
    uint32_t n, in_lo, in_hi, col_lo, col_hi;
    LLVMValueRef tab = build_pad_table(g, k, gr, ngr, &n, &in_lo, &in_hi, &col_lo, &col_hi);

    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(g->ctx, fn, "entry");
    LLVMBasicBlockRef big = LLVMAppendBasicBlockInContext(g->ctx, fn, "big");
    LLVMBasicBlockRef test = LLVMAppendBasicBlockInContext(g->ctx, fn, "short");
    LLVMBasicBlockRef small = LLVMAppendBasicBlockInContext(g->ctx, fn, "small");
    LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(g->ctx, fn, "done");
    LLVMPositionBuilderAtEnd(g->b, entry);
    LLVMValueRef rows = LLVMBuildSub(g->b, hi, lo, "rows");
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSGE, rows, LLVMConstInt(g->i64, g->W, 0), ""),
                    big, test);

    /* At least W rows: the groups on the columns. */
    LLVMPositionBuilderAtEnd(g->b, big);
    for (uint32_t q = 0; q < ngr; q++) {
        LLVMValueRef args[4] = {inputs, cols, lo, hi};
        LLVMBuildCall2(g->b, gty, gr[q].fn, args, 4, "");
    }
    LLVMBuildBr(g->b, done);

    /* 1 to W - 1 rows: the groups on the scratch blocks. */
    LLVMPositionBuilderAtEnd(g->b, test);
    LLVMBuildCondBr(g->b, LLVMBuildICmp(g->b, LLVMIntSGT, rows, LLVMConstInt(g->i64, 0, 0), ""),
                    small, done);
    /* The stand-ins live in this block's frame only (allocas outside the
     * entry block): a large segment's would be a large frame, which the
     * common path need not pay for; above CG_SMALL_STACK bytes they come
     * from the heap. */
    LLVMPositionBuilderAtEnd(g->b, small);
    uint64_t scratch_bytes = (uint64_t)(n ? n : 1) * g->W * sizeof(double);
    uint64_t sin_len = fake_len(in_lo, in_hi), scol_len = fake_len(col_lo, col_hi);
    uint64_t sin_at = scratch_bytes, scol_at = sin_at + (sin_len * 8 + 31) / 32 * 32;
    uint64_t total = scol_at + scol_len * 8;
    LLVMValueRef scratch, sin_arr, scol_arr, heap = NULL;
    if (total <= CG_SMALL_STACK) {
        scratch = LLVMBuildAlloca(g->b, LLVMArrayType2(g->dbl, scratch_bytes / 8), "scratch");
        LLVMSetAlignment(scratch, 32);
        sin_arr = LLVMBuildAlloca(g->b, LLVMArrayType2(g->ptr, sin_len), "sin");
        LLVMSetAlignment(sin_arr, 8);
        scol_arr = LLVMBuildAlloca(g->b, LLVMArrayType2(g->ptr, scol_len), "scol");
        LLVMSetAlignment(scol_arr, 8);
        LLVMBuildMemSet(g->b, scratch, LLVMConstInt(LLVMInt8TypeInContext(g->ctx), 0, 0),
                        LLVMConstInt(g->i64, scratch_bytes, 0), 32);
    } else {
        scratch = heap_block(g, fn, total, &heap);
        LLVMTypeRef i8 = LLVMInt8TypeInContext(g->ctx);
        LLVMValueRef off = LLVMConstInt(g->i64, sin_at, 0);
        sin_arr = LLVMBuildGEP2(g->b, i8, scratch, &off, 1, "sin");
        off = LLVMConstInt(g->i64, scol_at, 0);
        scol_arr = LLVMBuildGEP2(g->b, i8, scratch, &off, 1, "scol");
    }
    LLVMValueRef sin = fake_array(g, sin_arr, in_lo, in_hi);
    LLVMValueRef scol = fake_array(g, scol_arr, col_lo, col_hi);
    LLVMValueRef pad = pad_helper(g);
    LLVMValueRef pargs[10] = {tab, LLVMConstInt(g->i32, n, 0), inputs, cols, scratch, lo, rows,
                              LLVMConstInt(g->i1, 0, 0), sin, scol};
    LLVMBuildCall2(g->b, g->pad_ty, pad, pargs, 10, "");
    for (uint32_t q = 0; q < ngr; q++) {
        LLVMValueRef args[4] = {sin, scol, LLVMConstInt(g->i64, 0, 0), LLVMConstInt(g->i64, g->W, 0)};
        LLVMBuildCall2(g->b, gty, gr[q].fn, args, 4, "");
    }
    pargs[7] = LLVMConstInt(g->i1, 1, 0);
    LLVMBuildCall2(g->b, g->pad_ty, pad, pargs, 10, "");
    if (heap)
        heap_free(g, heap);
    LLVMBuildBr(g->b, done);

    LLVMPositionBuilderAtEnd(g->b, done);
    LLVMBuildRetVoid(g->b);
}

/* Gives the constant table its contents: planc.kP (P the part, so that
 * the parts' tables have distinct names when linked together), a writable
 * array of the nk vectors konst handed out, hidden (not exported from a
 * cached library) but not internal, so that no pass can tell it never
 * changes.  The stand-in's uses move to it; no table without constants. */
static void finish_konst(cg_state *g)
{
    if (g->nk) {
        LLVMValueRef *e = malloc(g->nk * sizeof *e);
        for (uint32_t i = 0; i < g->nk; i++)
            e[i] = splat(g, g->kvals[i]);
        char name[32];
        snprintf(name, sizeof name, "planc.k%u", g->part);
        LLVMValueRef tab = LLVMAddGlobal(g->mod, LLVMArrayType2(g->vec, g->nk), name);
        LLVMSetInitializer(tab, LLVMConstArray2(g->vec, e, g->nk));
        LLVMSetAlignment(tab, g->W * sizeof(double));
        LLVMSetVisibility(tab, LLVMHiddenVisibility);
        LLVMReplaceAllUsesWith(g->ktab, tab);
        free(e);
    }
    LLVMDeleteGlobal(g->ktab);
    g->ktab = NULL;
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
    cg_state g = {.ctx = ctx, .p = p, .plan = plan, .err = err, .W = width, .part = part};
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
    g.tree = calloc(ns, sizeof *g.tree);
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
    g.kb = LLVMCreateBuilderInContext(ctx);
    g.ktab = LLVMAddGlobal(g.mod, g.vec, "planc.k.stand-in");

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
    finish_konst(&g);
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
    free(g.tree);
    for (uint32_t k = 0; k < g.ntblocks; k++)
        free(g.tblocks[k]);
    free(g.tblocks);
    free(g.colparam);
    free(g.inparam);
    free(g.in_used);
    free(g.stack);
    free(g.kvals);
    free(g.kload);
    LLVMDisposeBuilder(g.kb);
    LLVMDisposeBuilder(g.b);
    if (!ok) {
        LLVMDisposeModule(g.mod);
        return NULL;
    }
    return g.mod;
}
