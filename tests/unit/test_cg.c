/* test_cg.c — lowering IR segments to LLVM IR (compiler/cg.c): the shape of
 * the module (functions, groups, parameters and their attributes, a
 * straight-line loop, no fast-math flags), which columns a group reads, and
 * the internal errors for programs that break ir.h / exec.h rules.  The results
 * of the code are tested in test_jit.c. */
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

/* Checks that parameter i of group function fn is column `name`, noalias, and
 * readonly or writeonly. */
static void check_param(LLVMValueRef fn, unsigned i, const char *name, bool written)
{
    ck_assert_str_eq(param_name(fn, i), name);
    ck_assert(has_attr(fn, i, "noalias"));
    ck_assert(has_attr(fn, i, "nocapture"));
    ck_assert(has_attr(fn, i, written ? "writeonly" : "readonly"));
    ck_assert(!has_attr(fn, i, written ? "readonly" : "writeonly"));
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

/* seg_N has the exec_frame signature; its group function takes one noalias
 * column pointer per input read, column read and column written. */
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
    ck_assert_uint_eq(LLVMCountParams(b0), 5);
    check_param(b0, 0, "in0", false);
    check_param(b0, 1, "in1", false);
    check_param(b0, 2, "c4", true);
    ck_assert_str_eq(param_name(b0, 3), "lo");
    ck_assert_str_eq(param_name(b0, 4), "hi");

    /* Segment 1 recomputes slot 3 (not materialized) from input 0 and the
     * constant, loads the barrier's column 5, writes slot 7. */
    LLVMValueRef b1 = LLVMGetNamedFunction(m, "seg_1.g0");
    ck_assert_uint_eq(LLVMCountParams(b1), 5);
    check_param(b1, 0, "in0", false);
    check_param(b1, 1, "c5", false);
    check_param(b1, 2, "c7", true);
    LLVMDisposeModule(m);
}
END_TEST

/* A group function is entry, one loop block and exit; the loop block has no branch
 * but its back edge, no call but llvm.fabs, one phi (the row); no
 * instruction anywhere carries fast-math flags. */
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
                ck_assert_str_eq(callee, "llvm.fabs.f64");
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
    ck_assert_ptr_nonnull(strstr(text, "fcmp uno double"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp olt double"));
    ck_assert_ptr_nonnull(strstr(text, "fcmp une double"));
    ck_assert_ptr_nonnull(strstr(text, "fdiv double"));
    ck_assert_ptr_nonnull(strstr(text, "fneg double"));
    ck_assert_ptr_nonnull(strstr(text, "store double -0.000000e+00"));
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
    LLVMValueRef g0 = LLVMGetNamedFunction(m, "seg_0.g0");
    LLVMValueRef g2 = LLVMGetNamedFunction(m, "seg_0.g2");
    ck_assert_uint_eq(P.nsteps, 24);
    ck_assert_ptr_null(LLVMGetNamedFunction(m, "seg_0.g3"));
    ck_assert_uint_eq(LLVMCountParams(g0), 3 + 8 + 2);
    check_param(g0, 0, "in0", false);
    check_param(g0, 3, "c0", true);
    check_param(g0, 10, "c7", true);
    ck_assert_uint_eq(LLVMCountParams(g2), 3 + 8 + 2);
    check_param(g2, 3, "c16", true);
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
    ck_assert_str_eq(errors(), "planc: internal error: JIT: step 0 has an unknown op 24\n");
}
END_TEST

/* A segment of 20 materialized slots is three groups.  A later group loads
 * a slot an earlier group wrote, and recomputes a temporary the earlier
 * group also computed; seg_0 loads each column pointer once and calls the
 * groups in order. */
START_TEST(groups)
{
    uint32_t x = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);   /* 0 */
    uint32_t t = ir_emit(&A, &P, IR_NEG, IR_NUM, x, 0, 0, 0, 0);     /* 1: temporary */
    uint32_t mat[20];
    for (uint32_t i = 0; i < 19; i++)                                 /* 2..20 */
        mat[i] = ir_emit(&A, &P, IR_ADD, IR_NUM, t, i ? mat[i - 1] : x, 0, 0, 0);
    mat[19] = ir_emit(&A, &P, IR_MUL, IR_NUM, t, mat[0], 0, 0, 0);   /* 21 */
    const uint32_t bounds[] = {0, P.nsteps};
    exec_plan pl = hand_plan(bounds, 1, mat, 20);
    LLVMModuleRef m = cg_module(C, &P, &pl, "groups", errf);
    ck_assert_ptr_nonnull(m);

    LLVMValueRef g0 = LLVMGetNamedFunction(m, "seg_0.g0");
    ck_assert_uint_eq(LLVMCountParams(g0), 1 + 8 + 2);
    check_param(g0, 0, "in0", false);
    check_param(g0, 1, "c2", true);
    /* Group 1 starts at slot 10: it loads slot 9 from group 0. */
    LLVMValueRef g1 = LLVMGetNamedFunction(m, "seg_0.g1");
    ck_assert_uint_eq(LLVMCountParams(g1), 2 + 8 + 2);
    check_param(g1, 0, "in0", false);
    check_param(g1, 1, "c9", false);
    check_param(g1, 2, "c10", true);
    /* Group 2 (slots 18..21) loads 17 and 2, and recomputes temporary 1. */
    LLVMValueRef g2 = LLVMGetNamedFunction(m, "seg_0.g2");
    ck_assert_uint_eq(LLVMCountParams(g2), 3 + 4 + 2);
    check_param(g2, 0, "in0", false);
    check_param(g2, 1, "c2", false);
    check_param(g2, 2, "c17", false);
    check_param(g2, 3, "c18", true);
    check_param(g2, 6, "c21", true);
    ck_assert_ptr_null(LLVMGetNamedFunction(m, "seg_0.g3"));

    /* seg_0: one load per distinct pointer (inputs[0] and 20 columns),
     * then the three calls in order. */
    LLVMValueRef fn = LLVMGetNamedFunction(m, "seg_0");
    int loads = 0, calls = 0;
    for (LLVMValueRef in = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn)); in;
         in = LLVMGetNextInstruction(in)) {
        LLVMOpcode op = LLVMGetInstructionOpcode(in);
        loads += op == LLVMLoad;
        if (op == LLVMCall) {
            ck_assert_ptr_eq(LLVMGetCalledValue(in), calls == 0 ? g0 : calls == 1 ? g1 : g2);
            calls++;
        }
    }
    ck_assert_int_eq(loads, 21);
    ck_assert_int_eq(calls, 3);
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
    ck_assert_uint_eq(LLVMCountParams(b1), 5);
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
    tcase_add_test(tc, runtime_plan);
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
