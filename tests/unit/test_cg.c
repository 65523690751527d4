/* test_cg.c — lowering IR segments to LLVM IR (compiler/cg.c): the shape of
 * the module (functions, groups, parameters and their attributes, a
 * straight-line loop on vectors, no fast-math flags), which columns a group
 * reads, the small-range path, parts, what the lowering leaves out when a
 * value cannot be NaN, and the internal errors for programs that break
 * ir.h / exec.h rules.  The results of the code are tested in test_jit.c. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <llvm-c/Core.h>

#include "arena.h"
#include "cg.h"
#include "exec.h"
#include "ir.h"

static arena A;
static ir_program P;
static LLVMContextRef C;
static char *errbuf;
static size_t errlen;
static FILE *errf;

static void setup(void)
{
    arena_init(&A);
    memset(&P, 0, sizeof P);
    P.ninputs = 3;
    P.inputs = arena_alloc(&A, P.ninputs * sizeof *P.inputs);
    C = LLVMContextCreate();
    errbuf = NULL;
    errf = open_memstream(&errbuf, &errlen);
}

static void teardown(void)
{
    fclose(errf);
    free(errbuf);
    LLVMContextDispose(C);
    arena_free(&A);
}

/* The text written to the error stream so far. */
static const char *errors(void)
{
    fflush(errf);
    return errbuf;
}

/* A plan by hand: segments given as from/to pairs, materialized slots as a
 * list.  The arrays live in the arena. */
static exec_plan hand_plan(const uint32_t *bounds, uint32_t nsegs,
                           const uint32_t *mat, uint32_t nmat)
{
    exec_plan pl = {0};
    pl.nsegs = nsegs;
    pl.segs = arena_alloc(&A, (nsegs ? nsegs : 1) * sizeof *pl.segs);
    for (uint32_t k = 0; k < nsegs; k++)
        pl.segs[k] = (exec_segment){bounds[2 * k], bounds[2 * k + 1]};
    pl.materialized = arena_alloc(&A, (P.nsteps ? P.nsteps : 1) * sizeof *pl.materialized);
    for (uint32_t i = 0; i < nmat; i++)
        pl.materialized[mat[i]] = true;
    return pl;
}

/* A two-segment program around a barrier:
 *   0 input 0      1 input 1      2 const 2
 *   3 mul 0 2      (a temporary of segment 0, also read by segment 1)
 *   4 add 3 1      (materialized: the barrier's operand)
 *   5 peak 4       (the barrier; materialized)
 *   6 select 5 3 2
 *   7 abs 6        (materialized)
 * with segments [0,5) and [6,8) and slots 4, 5, 7 materialized. */
static exec_plan two_segments(void)
{
    ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    ir_const(&A, &P, IR_NUM, 2.0);
    ir_emit(&A, &P, IR_MUL, IR_NUM, 0, 2, 0, 0, 0);
    ir_emit(&A, &P, IR_ADD, IR_NUM, 3, 1, 0, 0, 0);
    ir_emit(&A, &P, IR_PEAK, IR_BOOL, 4, 0, 0, 0.0, 2020);
    ir_emit(&A, &P, IR_SELECT, IR_NUM, 5, 3, 2, 0, 0);
    ir_emit(&A, &P, IR_ABS, IR_NUM, 6, 0, 0, 0, 0);
    static const uint32_t bounds[] = {0, 5, 6, 8}, mat[] = {4, 5, 7};
    return hand_plan(bounds, 2, mat, 3);
}

/* The name of parameter i of fn. */
static const char *param_name(LLVMValueRef fn, unsigned i)
{
    size_t n;
    return LLVMGetValueName2(LLVMGetParam(fn, i), &n);
}

/* Whether parameter i of fn carries enum attribute `attr`. */
static bool has_attr(LLVMValueRef fn, unsigned i, const char *attr)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(attr, strlen(attr));
    return LLVMGetEnumAttributeAtIndex(fn, i + 1, kind) != NULL;
}

/* The i-th column pointer group function fn loads (in its entry block,
 * from its inputs or cols parameter), or NULL.  The entry block's vector
 * loads are its constants (cg.c: konst), not column pointers. */
static LLVMValueRef col_load(LLVMValueRef fn, unsigned i)
{
    unsigned k = 0;
    for (LLVMValueRef in = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn)); in;
         in = LLVMGetNextInstruction(in))
        if (LLVMGetInstructionOpcode(in) == LLVMLoad &&
            LLVMGetTypeKind(LLVMTypeOf(in)) == LLVMPointerTypeKind && k++ == i)
            return in;
    return NULL;
}

/* How many column pointers group function fn loads. */
static unsigned col_loads(LLVMValueRef fn)
{
    unsigned k = 0;
    while (col_load(fn, k))
        k++;
    return k;
}

/* Whether the loop of group function fn stores into the column at p. */
static bool stores_to(LLVMValueRef fn, LLVMValueRef p)
{
    LLVMBasicBlockRef loop = LLVMGetNextBasicBlock(LLVMGetEntryBasicBlock(fn));
    for (LLVMValueRef in = LLVMGetFirstInstruction(loop); in; in = LLVMGetNextInstruction(in))
        if (LLVMGetInstructionOpcode(in) == LLVMStore &&
            LLVMGetOperand(LLVMGetOperand(in, 1), 0) == p)
            return true;
    return false;
}

/* Checks that group function fn has the segment signature (inputs, cols,
 * lo, hi; the arrays noalias and readonly) and that its i-th column
 * pointer is `name` ("inN": inputs[N], "cN": cols[N]), which its loop
 * writes or only reads. */
static void check_param(LLVMValueRef fn, unsigned i, const char *name, bool written)
{
    ck_assert_uint_eq(LLVMCountParams(fn), 4);
    ck_assert_str_eq(param_name(fn, 0), "inputs");
    ck_assert_str_eq(param_name(fn, 1), "cols");
    ck_assert_str_eq(param_name(fn, 2), "lo");
    ck_assert_str_eq(param_name(fn, 3), "hi");
    for (unsigned j = 0; j < 2; j++) {
        ck_assert(has_attr(fn, j, "noalias"));
        ck_assert(has_attr(fn, j, "nocapture"));
        ck_assert(has_attr(fn, j, "readonly"));
    }
    LLVMValueRef ld = col_load(fn, i);
    ck_assert_ptr_nonnull(ld);
    size_t n;
    ck_assert_str_eq(LLVMGetValueName2(ld, &n), name);
    unsigned index = (unsigned)atoi(name + (name[0] == 'i' ? 2 : 1));
    LLVMValueRef at = LLVMGetOperand(ld, 0);
    ck_assert_ptr_eq(LLVMGetOperand(at, 0), LLVMGetParam(fn, name[0] == 'i' ? 0 : 1));
    ck_assert_uint_eq(LLVMConstIntGetZExtValue(LLVMGetOperand(at, 1)), index);
    ck_assert(stores_to(fn, ld) == written);
}

START_TEST(segment_names)
{
    char buf[CG_NAME_MAX];
    cg_segment_name(0, buf);
    ck_assert_str_eq(buf, "seg_0");
    cg_segment_name(4294967295u, buf);
    ck_assert_str_eq(buf, "seg_4294967295");
}
END_TEST

/* seg_N has the exec_frame signature, and so has its group function, which
 * loads one column pointer per input read, column read and column written
 * before its loop. */
START_TEST(functions_and_parameters)
{
    exec_plan pl = two_segments();
    LLVMModuleRef m = cg_module(C, &P, &pl, "two", errf);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(errors(), "");

    for (int k = 0; k < 2; k++) {
        char name[CG_NAME_MAX];
        cg_segment_name(k, name);
        LLVMValueRef fn = LLVMGetNamedFunction(m, name);
        ck_assert_ptr_nonnull(fn);
        ck_assert_int_eq(LLVMGetLinkage(fn), LLVMExternalLinkage);
        ck_assert_uint_eq(LLVMCountParams(fn), 4);
        ck_assert_str_eq(param_name(fn, 0), "inputs");
        ck_assert_str_eq(param_name(fn, 1), "cols");
        ck_assert(has_attr(fn, 0, "readonly") && has_attr(fn, 1, "readonly"));
        LLVMTypeRef ty = LLVMGlobalGetValueType(fn);
        ck_assert(LLVMGetTypeKind(LLVMGetReturnType(ty)) == LLVMVoidTypeKind);
    }
    ck_assert_ptr_null(LLVMGetNamedFunction(m, "seg_2"));

    /* Segment 0 reads inputs 0 and 1 and writes slot 4. */
    LLVMValueRef b0 = LLVMGetNamedFunction(m, "seg_0.g0");
    ck_assert_ptr_nonnull(b0);
    ck_assert_int_eq(LLVMGetLinkage(b0), LLVMInternalLinkage);
    unsigned noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
    ck_assert_ptr_nonnull(LLVMGetEnumAttributeAtIndex(b0, LLVMAttributeFunctionIndex, noinline));
    ck_assert_ptr_null(LLVMGetNamedFunction(m, "seg_0.g1"));
    ck_assert_uint_eq(col_loads(b0), 3);
    check_param(b0, 0, "in0", false);
    check_param(b0, 1, "in1", false);
    check_param(b0, 2, "c4", true);

    /* Segment 1 recomputes slot 3 (not materialized) from input 0 and the
     * constant, loads the barrier's column 5, writes slot 7. */
    LLVMValueRef b1 = LLVMGetNamedFunction(m, "seg_1.g0");
    ck_assert_uint_eq(col_loads(b1), 3);
    check_param(b1, 0, "in0", false);
    check_param(b1, 1, "c5", false);
    check_param(b1, 2, "c7", true);
    LLVMDisposeModule(m);
}
END_TEST

/* A group function is entry, one loop block and exit; the loop block has no branch
 * but its back edge, no call but llvm.fabs on vectors, one phi (the row),
 * loads and stores of <CG_WIDTH x double>; no instruction anywhere
 * carries fast-math flags. */
START_TEST(straight_line_loop)
{
    exec_plan pl = two_segments();
    LLVMModuleRef m = cg_module(C, &P, &pl, "two", errf);
    ck_assert_ptr_nonnull(m);
    for (int k = 0; k < 2; k++) {
        LLVMValueRef fn = LLVMGetNamedFunction(m, k ? "seg_1.g0" : "seg_0.g0");
        ck_assert_uint_eq(LLVMCountBasicBlocks(fn), 3);
        LLVMBasicBlockRef loop = LLVMGetNextBasicBlock(LLVMGetEntryBasicBlock(fn));
        int branches = 0, phis = 0, stores = 0;
        for (LLVMValueRef in = LLVMGetFirstInstruction(loop); in; in = LLVMGetNextInstruction(in)) {
            LLVMOpcode op = LLVMGetInstructionOpcode(in);
            branches += op == LLVMBr || op == LLVMSwitch || op == LLVMIndirectBr;
            phis += op == LLVMPHI;
            stores += op == LLVMStore;
            if (op == LLVMCall) {
                size_t n;
                const char *callee = LLVMGetValueName2(LLVMGetCalledValue(in), &n);
                ck_assert_str_eq(callee, "llvm.fabs.v4f64");
            }
            LLVMTypeRef vt = op == LLVMStore ? LLVMTypeOf(LLVMGetOperand(in, 0))
                           : op == LLVMLoad ? LLVMTypeOf(in) : NULL;
            if (vt) {
                ck_assert(LLVMGetTypeKind(vt) == LLVMVectorTypeKind);
                ck_assert_uint_eq(LLVMGetVectorSize(vt), CG_WIDTH);
            }
        }
        ck_assert_int_eq(branches, 1);
        ck_assert_int_eq(phis, 1);
        ck_assert_int_eq(stores, 1);
    }
    for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn; fn = LLVMGetNextFunction(fn))
        for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
            for (LLVMValueRef in = LLVMGetFirstInstruction(bb); in; in = LLVMGetNextInstruction(in))
                if (LLVMCanValueUseFastMathFlags(in))
                    ck_assert_uint_eq(LLVMGetFastMathFlags(in), LLVMFastMathNone);
    LLVMDisposeModule(m);
}
END_TEST

/* Every non-barrier op lowers to a valid module, and the printed IR uses
 * the ordered/unordered compares and selects of ir.h, never fmin/fmax. */
START_TEST(every_op_lowers)
{
    uint32_t a = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t b = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t c = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 2);
    ir_const(&A, &P, IR_NUM, -0.0);
    for (ir_op op = IR_NEG; op < IR_PEAK; op++)
        ir_emit(&A, &P, op, IR_NUM, a, b, c, 0, 0);
    uint32_t mat[IR_NOPS + 4], nmat = 0;
    for (uint32_t i = 0; i < P.nsteps; i++)
        mat[nmat++] = i;
    const uint32_t bounds[] = {0, P.nsteps};
    exec_plan pl = hand_plan(bounds, 1, mat, nmat);
    LLVMModuleRef m = cg_module(C, &P, &pl, "ops", errf);
    ck_assert_ptr_nonnull(m);
    char *text = LLVMPrintModuleToString(m);
    ck_assert_ptr_nonnull(strstr(text, "fcmp uno <4 x double>"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp olt <4 x double>"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp une <4 x double>"));
    ck_assert_ptr_nonnull(strstr(text, "fdiv <4 x double>"));
    ck_assert_ptr_nonnull(strstr(text, "fneg <4 x double>"));
    /* The constant root -0 is stored from the module's table of
     * constants, loaded once in the group's entry block. */
    ck_assert_ptr_nonnull(strstr(text, "@planc.k0 = hidden global"));
    ck_assert_ptr_nonnull(strstr(text, "<4 x double> <double -0.000000e+00, double -0.000000e+00"));
    ck_assert_ptr_nonnull(strstr(text, "store <4 x double> %k"));
    ck_assert_ptr_null(strstr(text, "minnum"));
    ck_assert_ptr_null(strstr(text, "maxnum"));
    ck_assert_ptr_null(strstr(text, "fmin"));
    ck_assert_ptr_null(strstr(text, "fmax"));
    ck_assert_ptr_null(strstr(text, "fast"));
    ck_assert_ptr_null(strstr(text, "reassoc"));
    ck_assert_ptr_nonnull(strstr(text,
        "define void @seg_0(ptr noalias nocapture readonly %inputs, ptr noalias nocapture readonly %cols, i64 %lo, i64 %hi)"));
    LLVMDisposeMessage(text);
    /* 24 slots: three groups of 8; each reads the inputs its slots need. */
    ck_assert_int_eq(CG_GROUP_ROOTS, 8);
    LLVMValueRef g0 = LLVMGetNamedFunction(m, "seg_0.g0");
    LLVMValueRef g1 = LLVMGetNamedFunction(m, "seg_0.g1");
    LLVMValueRef g2 = LLVMGetNamedFunction(m, "seg_0.g2");
    ck_assert_uint_eq(P.nsteps, 24);
    ck_assert_ptr_null(LLVMGetNamedFunction(m, "seg_0.g3"));
    ck_assert_uint_eq(col_loads(g0), 3 + 8);
    check_param(g0, 0, "in0", false);
    check_param(g0, 3, "c0", true);
    check_param(g0, 10, "c7", true);
    ck_assert_uint_eq(col_loads(g1), 2 + 8);   /* its ops read inputs 0 and 1 */
    check_param(g1, 0, "in0", false);
    check_param(g1, 1, "in1", false);
    check_param(g1, 2, "c8", true);
    check_param(g1, 9, "c15", true);
    ck_assert_uint_eq(col_loads(g2), 3 + 8);
    check_param(g2, 3, "c16", true);
    check_param(g2, 10, "c23", true);
    LLVMDisposeModule(m);
}
END_TEST

/* A segment with nothing materialized gets a seg_N that does nothing, and
 * a program without segments gives an empty, valid module. */
START_TEST(empty_segments)
{
    ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    const uint32_t bounds[] = {0, 1};
    exec_plan pl = hand_plan(bounds, 1, NULL, 0);
    LLVMModuleRef m = cg_module(C, &P, &pl, "dead", errf);
    ck_assert_ptr_nonnull(m);
    LLVMValueRef fn = LLVMGetNamedFunction(m, "seg_0");
    ck_assert_ptr_nonnull(fn);
    ck_assert_uint_eq(LLVMCountBasicBlocks(fn), 1);
    ck_assert_int_eq(LLVMGetInstructionOpcode(LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn))), LLVMRet);
    ck_assert_ptr_null(LLVMGetNamedFunction(m, "seg_0.g0"));
    LLVMDisposeModule(m);

    exec_plan none = hand_plan(NULL, 0, NULL, 0);
    m = cg_module(C, &P, &none, "none", errf);
    ck_assert_ptr_nonnull(m);
    ck_assert_ptr_null(LLVMGetFirstFunction(m));
    LLVMDisposeModule(m);
    ck_assert_str_eq(errors(), "");
}
END_TEST

/* Programs and plans that break the rules give NULL and one internal error
 * each. */
START_TEST(barrier_inside_segment)
{
    two_segments();
    const uint32_t bounds[] = {0, 8}, mat[] = {4, 5, 7};
    exec_plan pl = hand_plan(bounds, 1, mat, 3);
    ck_assert_ptr_null(cg_module(C, &P, &pl, "bad", errf));
    ck_assert_str_eq(errors(), "planc: internal error: JIT: segment 0 contains barrier step 5 (peak)\n");
}
END_TEST

START_TEST(unmaterialized_barrier)
{
    two_segments();
    const uint32_t bounds[] = {0, 5, 6, 8}, mat[] = {4, 7};
    exec_plan pl = hand_plan(bounds, 2, mat, 2);
    ck_assert_ptr_null(cg_module(C, &P, &pl, "bad", errf));
    ck_assert_str_eq(errors(), "planc: internal error: JIT: segment 1 reads slot 5 (peak), "
                               "a barrier result that is not materialized\n");
}
END_TEST

START_TEST(operand_not_earlier)
{
    ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    ir_emit(&A, &P, IR_ADD, IR_NUM, 0, 1, 0, 0, 0);
    const uint32_t bounds[] = {0, 2}, mat[] = {1};
    exec_plan pl = hand_plan(bounds, 1, mat, 1);
    ck_assert_ptr_null(cg_module(C, &P, &pl, "bad", errf));
    ck_assert_str_eq(errors(), "planc: internal error: JIT: step 1 (add) reads slot 1, not an earlier slot\n");
}
END_TEST

START_TEST(input_out_of_range)
{
    ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 3);
    const uint32_t bounds[] = {0, 1}, mat[] = {0};
    exec_plan pl = hand_plan(bounds, 1, mat, 1);
    ck_assert_ptr_null(cg_module(C, &P, &pl, "bad", errf));
    ck_assert_str_eq(errors(), "planc: internal error: JIT: step 0 reads input 3 of 3\n");
}
END_TEST

START_TEST(segment_out_of_range)
{
    ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    const uint32_t bounds[] = {0, 2}, mat[] = {0};
    exec_plan pl = hand_plan(bounds, 1, mat, 1);
    ck_assert_ptr_null(cg_module(C, &P, &pl, "bad", errf));
    ck_assert_str_eq(errors(), "planc: internal error: JIT: segment 0 is [0, 2) in a program of 1 steps\n");
}
END_TEST

START_TEST(unknown_op)
{
    ir_emit(&A, &P, IR_NOPS, IR_NUM, 0, 0, 0, 0, 0);
    const uint32_t bounds[] = {0, 1}, mat[] = {0};
    exec_plan pl = hand_plan(bounds, 1, mat, 1);
    ck_assert_ptr_null(cg_module(C, &P, &pl, "bad", errf));
    char want[96];
    snprintf(want, sizeof want, "planc: internal error: JIT: step 0 has an unknown op %d\n", (int)IR_NOPS);
    ck_assert_str_eq(errors(), want);
}
END_TEST

/* The block of fn named `name`. */
static LLVMBasicBlockRef block_named(LLVMValueRef fn, const char *name)
{
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
        if (strcmp(LLVMGetBasicBlockName(bb), name) == 0)
            return bb;
    ck_abort_msg("no block '%s'", name);
    return NULL;
}

/* The program of the `groups` test: a temporary and 36 materialized slots
 * in one segment (three groups). */
static exec_plan groups_program(void)
{
    uint32_t x = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);   /* 0 */
    uint32_t t = ir_emit(&A, &P, IR_NEG, IR_NUM, x, 0, 0, 0, 0);     /* 1: temporary */
    static uint32_t mat[36];
    for (uint32_t i = 0; i < 35; i++)                                 /* 2..36 */
        mat[i] = ir_emit(&A, &P, IR_ADD, IR_NUM, t, i ? mat[i - 1] : x, 0, 0, 0);
    mat[35] = ir_emit(&A, &P, IR_MUL, IR_NUM, t, mat[0], 0, 0, 0);   /* 37 */
    const uint32_t bounds[] = {0, P.nsteps};
    return hand_plan(bounds, 1, mat, 36);
}

/* A segment of 36 materialized slots is five groups (CG_GROUP_ROOTS is
 * 8): four of 8 and one of 4.  A later group loads a slot an earlier
 * group wrote, and recomputes a temporary the earlier group also
 * computed; seg_0 calls the groups in order. */
START_TEST(groups)
{
    ck_assert_int_eq(CG_GROUP_ROOTS, 8);
    exec_plan pl = groups_program();
    LLVMModuleRef m = cg_module(C, &P, &pl, "groups", errf);
    ck_assert_ptr_nonnull(m);
    enum { NG = 5 };
    LLVMValueRef g[NG];
    for (int q = 0; q < NG; q++) {
        char name[32];
        snprintf(name, sizeof name, "seg_0.g%d", q);
        g[q] = LLVMGetNamedFunction(m, name);
        ck_assert_ptr_nonnull(g[q]);
    }
    ck_assert_ptr_null(LLVMGetNamedFunction(m, "seg_0.g5"));

    ck_assert_uint_eq(col_loads(g[0]), 1 + 8);
    check_param(g[0], 0, "in0", false);
    check_param(g[0], 1, "c2", true);
    /* Group 1 starts at slot 10: it loads slot 9 from group 0. */
    ck_assert_uint_eq(col_loads(g[1]), 2 + 8);
    check_param(g[1], 0, "in0", false);
    check_param(g[1], 1, "c9", false);
    check_param(g[1], 2, "c10", true);
    /* Group 4 (slots 34..37) loads 33 and 2, and recomputes temporary 1. */
    ck_assert_uint_eq(col_loads(g[4]), 3 + 4);
    check_param(g[4], 0, "in0", false);
    check_param(g[4], 1, "c2", false);
    check_param(g[4], 2, "c33", false);
    check_param(g[4], 3, "c34", true);
    check_param(g[4], 6, "c37", true);

    /* seg_0, for at least CG_WIDTH rows: the groups in order on its own
     * inputs, cols, lo and hi. */
    LLVMValueRef fn = LLVMGetNamedFunction(m, "seg_0");
    int loads = 0, calls = 0;
    for (LLVMValueRef in = LLVMGetFirstInstruction(block_named(fn, "big")); in;
         in = LLVMGetNextInstruction(in)) {
        LLVMOpcode op = LLVMGetInstructionOpcode(in);
        loads += op == LLVMLoad;
        if (op == LLVMCall) {
            ck_assert_int_lt(calls, NG);
            ck_assert_ptr_eq(LLVMGetCalledValue(in), g[calls]);
            for (unsigned j = 0; j < 4; j++)
                ck_assert_ptr_eq(LLVMGetOperand(in, j), LLVMGetParam(fn, j));
            calls++;
        }
    }
    ck_assert_int_eq(loads, 0);
    ck_assert_int_eq(calls, NG);

    /* For fewer rows: planc.pad in, the groups on the stand-in
     * arrays, planc.pad out; the table holds the segment's columns, each
     * once, coded index<<2 | from_cols<<1 | written. */
    LLVMValueRef pad = LLVMGetNamedFunction(m, "planc.pad");
    ck_assert_ptr_nonnull(pad);
    ck_assert_int_eq(LLVMGetLinkage(pad), LLVMInternalLinkage);
    calls = 0;
    for (LLVMValueRef in = LLVMGetFirstInstruction(block_named(fn, "small")); in;
         in = LLVMGetNextInstruction(in)) {
        if (LLVMGetInstructionOpcode(in) != LLVMCall)
            continue;
        LLVMValueRef callee = LLVMGetCalledValue(in);
        if (LLVMIsAIntrinsicInst(in))
            continue;   /* the memset of the scratch */
        LLVMValueRef want = calls >= 1 && calls <= NG ? g[calls - 1] : pad;
        ck_assert_ptr_eq(callee, want);
        calls++;
    }
    ck_assert_int_eq(calls, NG + 2);
    LLVMValueRef tab = LLVMGetNamedGlobal(m, "seg_0.pad");
    ck_assert_ptr_nonnull(tab);
    ck_assert(LLVMIsGlobalConstant(tab));
    LLVMValueRef init = LLVMGetInitializer(tab);
    ck_assert_uint_eq(LLVMGetArrayLength2(LLVMTypeOf(init)), 1 + 36);
    /* in0 read; c2 written (by group 0, read by group 2); c37 written. */
    ck_assert_uint_eq(LLVMConstIntGetZExtValue(LLVMGetAggregateElement(init, 0)), 0 << 2 | 0 | 0);
    ck_assert_uint_eq(LLVMConstIntGetZExtValue(LLVMGetAggregateElement(init, 1)), 2 << 2 | 2 | 1);
    ck_assert_uint_eq(LLVMConstIntGetZExtValue(LLVMGetAggregateElement(init, 36)), 37 << 2 | 2 | 1);
    LLVMDisposeModule(m);
}
END_TEST

/* Parts: the groups are shared out in order; part 0 holds every seg_N and
 * declares the groups of the other parts, which define them with external
 * linkage and hold nothing else. */
START_TEST(parts)
{
    exec_plan pl = groups_program();
    ck_assert_uint_eq(cg_parts(&P, &pl, 8), 1);   /* a small program: one part */
    LLVMModuleRef m0 = cg_module_part(C, &P, &pl, "p", CG_WIDTH, 0, 2, errf);
    LLVMModuleRef m1 = cg_module_part(C, &P, &pl, "p", CG_WIDTH, 1, 2, errf);
    ck_assert_ptr_nonnull(m0);
    ck_assert_ptr_nonnull(m1);
    ck_assert_str_eq(errors(), "");
    int defined[2] = {0, 0};
    for (int q = 0; q < 5; q++) {   /* the five groups of the `groups` test */
        char name[32];
        snprintf(name, sizeof name, "seg_0.g%d", q);
        LLVMValueRef f0 = LLVMGetNamedFunction(m0, name), f1 = LLVMGetNamedFunction(m1, name);
        ck_assert_ptr_nonnull(f0);   /* part 0 calls every group */
        ck_assert_int_eq(LLVMGetLinkage(f0), LLVMExternalLinkage);
        bool in0 = !LLVMIsDeclaration(f0), in1 = f1 && !LLVMIsDeclaration(f1);
        ck_assert(in0 != in1);
        defined[in1]++;
        if (f1)
            ck_assert(in1);
    }
    ck_assert(defined[0] >= 1 && defined[1] >= 1);
    ck_assert(!LLVMIsDeclaration(LLVMGetNamedFunction(m0, "seg_0")));
    ck_assert_ptr_null(LLVMGetNamedFunction(m1, "seg_0"));
    ck_assert_ptr_null(LLVMGetNamedFunction(m1, "planc.pad"));
    LLVMDisposeModule(m0);
    LLVMDisposeModule(m1);
    ck_assert_ptr_null(cg_module_part(C, &P, &pl, "p", CG_WIDTH, 2, 2, errf));
    ck_assert_str_eq(errors(), "planc: internal error: JIT: part 2 of 2 requested\n");
}
END_TEST

/* Other vector widths: 2, 8 and 16 doubles per iteration; anything that
 * is not a power of two from 2 to CG_MAX_WIDTH is refused. */
START_TEST(widths)
{
    exec_plan pl = two_segments();
    static const unsigned ok[] = {2, 8, 16};
    for (int i = 0; i < 3; i++) {
        LLVMModuleRef m = cg_module_part(C, &P, &pl, "w", ok[i], 0, 1, errf);
        ck_assert_ptr_nonnull(m);
        char *text = LLVMPrintModuleToString(m), want[64];
        snprintf(want, sizeof want, "load <%u x double>", ok[i]);
        ck_assert_ptr_nonnull(strstr(text, want));
        snprintf(want, sizeof want, "%%last = sub i64 %%hi, %u", ok[i]);
        ck_assert_ptr_nonnull(strstr(text, want));
        LLVMDisposeMessage(text);
        LLVMDisposeModule(m);
    }
    ck_assert_str_eq(errors(), "");
    ck_assert_ptr_null(cg_module_part(C, &P, &pl, "w", 6, 0, 1, errf));
    ck_assert_ptr_null(cg_module_part(C, &P, &pl, "w", 1, 0, 1, errf));
    ck_assert_ptr_null(cg_module_part(C, &P, &pl, "w", 32, 0, 1, errf));
    ck_assert_str_eq(errors(), "planc: internal error: JIT: vectors of 6 doubles requested\n"
                               "planc: internal error: JIT: vectors of 1 doubles requested\n"
                               "planc: internal error: JIT: vectors of 32 doubles requested\n");
}
END_TEST

/* Many steps make several parts, never more than asked for or than
 * there are groups. */
START_TEST(parts_count)
{
    uint32_t x = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t *mat = arena_alloc(&A, 4000 * sizeof *mat), nmat = 0, v = x;
    for (uint32_t i = 0; i < 4000; i++) {
        v = ir_emit(&A, &P, IR_ADD, IR_NUM, v, x, 0, 0, 0);
        if (i % 100 == 99)
            mat[nmat++] = v;
    }
    const uint32_t bounds[] = {0, P.nsteps};
    exec_plan pl = hand_plan(bounds, 1, mat, nmat);
    ck_assert_uint_eq(cg_parts(&P, &pl, 1), 1);
    ck_assert_uint_eq(cg_parts(&P, &pl, 2), 2);
    ck_assert_uint_eq(cg_parts(&P, &pl, 64), 5);   /* 40 roots: 5 groups */
}
END_TEST

/* What cannot be NaN is not tested for NaN: a year compared with a
 * constant, a scope mask and their logic need no "fcmp uno"; a comparison
 * used as a SELECT condition is its i1 vector, with no "fcmp une" to turn
 * it back into a truth. */
START_TEST(no_needless_nan_tests)
{
    P.inputs[0] = (ir_input){.kind = IR_IN_YEAR};
    P.inputs[1] = (ir_input){.kind = IR_IN_SCOPE};
    uint32_t y = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t sc = ir_emit(&A, &P, IR_INPUT, IR_BOOL, 0, 0, 0, 0, 1);
    uint32_t c = ir_const(&A, &P, IR_NUM, 2025);
    uint32_t ge = ir_emit(&A, &P, IR_GE, IR_BOOL, y, c, 0, 0, 0);
    uint32_t both = ir_emit(&A, &P, IR_AND, IR_BOOL, ge, sc, 0, 0, 0);
    uint32_t sel = ir_emit(&A, &P, IR_SELECT, IR_NUM, both, y, c, 0, 0);
    const uint32_t bounds[] = {0, P.nsteps}, mat[] = {both, sel};
    exec_plan pl = hand_plan(bounds, 1, mat, 2);
    LLVMModuleRef m = cg_module(C, &P, &pl, "facts", errf);
    ck_assert_ptr_nonnull(m);
    char *text = LLVMPrintModuleToString(m);
    ck_assert_ptr_null(strstr(text, "fcmp uno"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp oge <4 x double>"));
    /* One truth test: the scope mask's (an input, not a comparison). */
    const char *une = strstr(text, "fcmp une");
    ck_assert_ptr_nonnull(une);
    ck_assert_ptr_null(strstr(une + 1, "fcmp une"));
    ck_assert_ptr_null(strstr(text, "0x7FF8000000000000"));   /* no NaN constant */
    LLVMDisposeMessage(text);
    LLVMDisposeModule(m);

    /* The same over data inputs, which may be missing: NaN tests appear. */
    P.inputs[0] = P.inputs[1] = (ir_input){.kind = IR_IN_DATA};
    m = cg_module(C, &P, &pl, "facts", errf);
    text = LLVMPrintModuleToString(m);
    ck_assert_ptr_nonnull(strstr(text, "fcmp uno"));
    ck_assert_ptr_nonnull(strstr(text, "0x7FF8000000000000"));
    LLVMDisposeMessage(text);
    LLVMDisposeModule(m);
}
END_TEST

/* Whether a line of the printed module compares with a constant vector:
 * the operands of fcmp, +0 too, come from the table of constants (and a
 * NaN test is x against its +0), which the optimiser cannot match as a
 * constant at every visit (cg.c: konst_load). */
static bool fcmp_with_constant(const char *text)
{
    for (const char *l = text; l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
        const char *end = strchr(l, '\n');
        size_t n = end ? (size_t)(end - l) : strlen(l);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), l);
        if (strstr(line, "fcmp ") && (strstr(line, "zeroinitializer") || strstr(line, "<double")))
            return true;
    }
    return false;
}

/* Constants reach the loop as loads from the module's table (no vector
 * constant but +0 in a group's code), a division by a power of two is a
 * multiplication, two selects with the same arm are one select on an or
 * of their conditions, and a NaN test or'ed with an ordered comparison
 * against a number is one unordered comparison. */
START_TEST(constants_and_joined_selects)
{
    P.inputs[0] = P.inputs[1] = (ir_input){.kind = IR_IN_YEAR};
    uint32_t y0 = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t y1 = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t k4 = ir_const(&A, &P, IR_NUM, 4);
    uint32_t k5 = ir_const(&A, &P, IR_NUM, 5);
    uint32_t k7 = ir_const(&A, &P, IR_NUM, 7);
    uint32_t q = ir_emit(&A, &P, IR_DIV, IR_NUM, y0, k4, 0, 0, 0);
    uint32_t gt = ir_emit(&A, &P, IR_GT, IR_BOOL, y1, k5, 0, 0, 0);
    uint32_t s1 = ir_emit(&A, &P, IR_SELECT, IR_NUM, gt, k7, y0, 0, 0);
    uint32_t lt = ir_emit(&A, &P, IR_LT, IR_BOOL, y0, k4, 0, 0, 0);
    uint32_t s2 = ir_emit(&A, &P, IR_SELECT, IR_NUM, lt, k7, s1, 0, 0);
    const uint32_t bounds[] = {0, P.nsteps}, mat[] = {q, s2};
    exec_plan pl = hand_plan(bounds, 1, mat, 2);
    LLVMModuleRef m = cg_module(C, &P, &pl, "k", errf);
    ck_assert_ptr_nonnull(m);
    char *text = LLVMPrintModuleToString(m);
    const char *code = strstr(text, "define");
    ck_assert_ptr_nonnull(code);
    ck_assert_ptr_null(strstr(code, "<double"));
    ck_assert_ptr_nonnull(strstr(text, "<double 2.500000e-01, double 2.500000e-01"));
    ck_assert_ptr_null(strstr(text, "fdiv"));
    ck_assert_ptr_nonnull(strstr(text, "fmul <4 x double>"));
    const char *sel = strstr(code, "select <4 x i1>");
    ck_assert_ptr_nonnull(sel);
    ck_assert_ptr_null(strstr(sel + 1, "select <4 x i1>"));
    ck_assert_ptr_nonnull(strstr(code, "or <4 x i1>"));
    LLVMDisposeMessage(text);
    LLVMDisposeModule(m);

    /* Over data, which may be missing: COALESCE(SELECT(y1 > 5, 7, y1), 7)
     * is 7 where y1 is NaN or above 5: fcmp ugt. */
    P.inputs[1] = (ir_input){.kind = IR_IN_DATA};
    uint32_t s3 = ir_emit(&A, &P, IR_SELECT, IR_NUM, gt, k7, y1, 0, 0);
    uint32_t co = ir_emit(&A, &P, IR_COALESCE, IR_NUM, s3, k7, 0, 0, 0);
    const uint32_t bounds2[] = {0, P.nsteps}, mat2[] = {co};
    pl = hand_plan(bounds2, 1, mat2, 1);
    m = cg_module(C, &P, &pl, "k", errf);
    ck_assert_ptr_nonnull(m);
    text = LLVMPrintModuleToString(m);
    ck_assert_ptr_nonnull(strstr(text, "fcmp ugt <4 x double>"));
    ck_assert(!fcmp_with_constant(text));
    LLVMDisposeMessage(text);
    LLVMDisposeModule(m);
}
END_TEST

/* Comparisons with 0 (truth tests, NOT, a divisor's test) and NaN tests
 * take their +0 from the table: no fcmp names a constant, and a NaN test
 * compares with the loaded +0. */
START_TEST(no_constant_in_fcmp)
{
    uint32_t a = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t b = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t z = ir_const(&A, &P, IR_NUM, 0.0);
    uint32_t n = ir_emit(&A, &P, IR_NOT, IR_BOOL, a, 0, 0, 0, 0);
    uint32_t d = ir_emit(&A, &P, IR_DIV, IR_NUM, a, b, 0, 0, 0);
    uint32_t s = ir_emit(&A, &P, IR_SELECT, IR_NUM, b, a, z, 0, 0);
    uint32_t g = ir_emit(&A, &P, IR_GT, IR_BOOL, a, z, 0, 0, 0);
    uint32_t c = ir_emit(&A, &P, IR_COALESCE, IR_NUM, a, z, 0, 0, 0);
    const uint32_t bounds[] = {0, P.nsteps}, mat[] = {n, d, s, g, c};
    exec_plan pl = hand_plan(bounds, 1, mat, 5);
    LLVMModuleRef m = cg_module(C, &P, &pl, "z", errf);
    ck_assert_ptr_nonnull(m);
    char *text = LLVMPrintModuleToString(m);
    ck_assert_ptr_nonnull(strstr(text, "fcmp uno <4 x double>"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp oeq <4 x double>"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp une <4 x double>"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp ogt <4 x double>"));
    ck_assert(!fcmp_with_constant(text));
    /* +0 stays a constant where it is an arm of a select */
    ck_assert_ptr_nonnull(strstr(text, "<4 x double> zeroinitializer"));
    LLVMDisposeMessage(text);
    LLVMDisposeModule(m);
}
END_TEST

/* With the runtime's own plan (exec_plan_make), slot 3 crosses the
 * barrier, so it is materialized and segment 1 loads it instead of
 * recomputing it; constants are still not loaded. */
START_TEST(runtime_plan)
{
    two_segments();
    P.ntargets = 1;
    P.targets = arena_alloc(&A, sizeof *P.targets);
    P.targets[0] = (ir_target){.name = "t", .kind = "threshold",
                               .status = 7, .value = 7, .goal = 7, .expected = 7, .score = 7};
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    ck_assert_uint_eq(pl.nsegs, 2);
    LLVMModuleRef m = cg_module(C, &P, &pl, "rt", errf);
    ck_assert_ptr_nonnull(m);
    LLVMValueRef b1 = LLVMGetNamedFunction(m, "seg_1.g0");
    ck_assert_uint_eq(col_loads(b1), 3);
    check_param(b1, 0, "c3", false);
    check_param(b1, 1, "c5", false);
    check_param(b1, 2, "c7", true);
    LLVMDisposeModule(m);
    exec_plan_free(&pl);
}
END_TEST

static Suite *cg_suite(void)
{
    Suite *s = suite_create("cg");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, segment_names);
    tcase_add_test(tc, functions_and_parameters);
    tcase_add_test(tc, straight_line_loop);
    tcase_add_test(tc, every_op_lowers);
    tcase_add_test(tc, empty_segments);
    tcase_add_test(tc, barrier_inside_segment);
    tcase_add_test(tc, unmaterialized_barrier);
    tcase_add_test(tc, operand_not_earlier);
    tcase_add_test(tc, input_out_of_range);
    tcase_add_test(tc, segment_out_of_range);
    tcase_add_test(tc, unknown_op);
    tcase_add_test(tc, groups);
    tcase_add_test(tc, parts);
    tcase_add_test(tc, parts_count);
    tcase_add_test(tc, widths);
    tcase_add_test(tc, no_needless_nan_tests);
    tcase_add_test(tc, runtime_plan);
    tcase_add_test(tc, constants_and_joined_selects);
    tcase_add_test(tc, no_constant_in_fcmp);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(cg_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
