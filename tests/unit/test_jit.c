/* test_jit.c — the LLVM JIT engine (compiler/jit.c over compiler/cg.c).
 *
 * Hand-built programs covering every non-barrier op run over rows made of
 * awkward values (NaN, ±0, ±inf, huge, subnormal, values whose product a
 * fused multiply-add would round differently) and are compared with a
 * plain C evaluation of ir.h written here and with the reference
 * interpreter.  Every non-NaN result must be the same bits; a NaN must be
 * a NaN (ir.h: any NaN is "missing"; its sign and payload are not
 * specified, and LLVM may legitimately order the operands of a commutative
 * operation differently from a C compiler, which picks between two NaN
 * payloads).  Also: the optimised IR of a target's status/score chain is
 * vectorised; LLVM errors become planc diagnostics; engines are disposed
 * (the ASan build of this suite finds any LLVM object left behind); a
 * program compiled in parts on several threads computes the same; the
 * cache of compiled code is used when sound (a hit skips optimisation
 * and code generation and computes the same, from the shared object the C
 * compiler linked or, without one, from the objects), missed when the key
 * differs, and a damaged, unparsable, unloadable or unreachable cache is a
 * warning and a compilation, never a wrong result. */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cache.h"
#include "exec.h"
#include "ir.h"
#include "jit.h"

static arena A;
static ir_program P;
static char *errbuf;
static size_t errlen;
static FILE *errf;

enum { MAX_TARGETS = 256 };

static void setup(void)
{
    arena_init(&A);
    memset(&P, 0, sizeof P);
    P.targets = arena_alloc(&A, MAX_TARGETS * sizeof *P.targets);
    errbuf = NULL;
    errf = open_memstream(&errbuf, &errlen);
}

static void teardown(void)
{
    fclose(errf);
    free(errbuf);
    arena_free(&A);
}

/* The text written to the error stream so far. */
static const char *errors(void)
{
    fflush(errf);
    return errbuf;
}

/* Gives P n inputs (what they read does not matter to an engine). */
static void add_inputs(uint32_t n)
{
    P.ninputs = n;
    P.inputs = arena_alloc(&A, n * sizeof *P.inputs);
    for (uint32_t i = 0; i < n; i++)
        P.inputs[i] = (ir_input){.kind = IR_IN_DATA, .column = i, .scale = 1.0};
}

/* Makes slot s a reported result (a target whose five result slots are s),
 * so that exec_plan_make materializes it. */
static void report(uint32_t s)
{
    ck_assert_uint_lt(P.ntargets, MAX_TARGETS);
    P.targets[P.ntargets++] = (ir_target){.name = "t", .kind = "threshold",
        .status = s, .value = s, .goal = s, .expected = s, .score = s};
}

/* Emits a step and reports it. */
static uint32_t out(ir_op op, uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t s = ir_emit(&A, &P, op, IR_NUM, a, b, c, 0, 0);
    report(s);
    return s;
}

/* Values that make floating point differ: NaN, both zeros, infinities,
 * extremes, subnormals, and 1±2^-30 (their product is 1 - 2^-60, which
 * rounds to 1; a fused multiply-add with -1 would give -2^-60). */
static const double V[] = {
    NAN, 0.0, -0.0, 1.0, -1.0, 0.5, 2.0, -2.5, 3.0, 0.1,
    1e308, -1e308, 1.7976931348623157e308, 1e-308, 5e-324, -5e-324,
    INFINITY, -INFINITY, 1.0 + 0x1p-30, 1.0 - 0x1p-30,
};
enum { NV = sizeof V / sizeof V[0] };

/* ---- the reference: ir.h evaluated in plain C, one row at a time ---- */

/* Step s of a row, given the row's values of earlier slots.  A barrier is
 * replaced by fake_barrier (see run_frame). */
static double fake_barrier(double x)
{
    return isnan(x) ? NAN : x > 1 ? 1.0 : 0.0;
}

/* x rounded to 15 significant digits, as ir.h defines IR_DEC15: "%.15g"
 * read back, NaN and infinities as they are. */
static double ref_dec15(double x)
{
    char buf[64];
    if (isnan(x) || isinf(x))
        return x;
    sprintf(buf, "%.15g", x);
    return strtod(buf, NULL);
}

static double ref_step(const ir_step *s, const double *v, const double *const *in, size_t row)
{
    double a = v[s->a], b = v[s->b], c = v[s->c];
    bool nan2 = isnan(a) || isnan(b);
    switch (s->op) {
    case IR_CONST: return s->imm;
    case IR_INPUT: return in[s->aux][row];
    case IR_NEG: return -a;
    case IR_ABS: return fabs(a);
    case IR_NOT: return isnan(a) ? NAN : a == 0 ? 1.0 : 0.0;
    case IR_ISNA: return isnan(a) ? 1.0 : 0.0;
    case IR_ADD: return a + b;
    case IR_SUB: return a - b;
    case IR_MUL: return a * b;
    case IR_DIV: return b == 0 ? NAN : a / b;
    case IR_MIN: return nan2 ? NAN : a < b ? a : b;
    case IR_MAX: return nan2 ? NAN : a > b ? a : b;
    case IR_LT: return nan2 ? NAN : a < b;
    case IR_LE: return nan2 ? NAN : a <= b;
    case IR_GT: return nan2 ? NAN : a > b;
    case IR_GE: return nan2 ? NAN : a >= b;
    case IR_EQ: return nan2 ? NAN : a == b;
    case IR_NE: return nan2 ? NAN : a != b;
    case IR_AND: return nan2 ? NAN : (a != 0 && b != 0);
    case IR_OR: return nan2 ? NAN : (a != 0 || b != 0);
    case IR_SELECT: return isnan(a) ? NAN : a != 0 ? b : c;
    case IR_COALESCE: return isnan(a) ? b : a;
    case IR_DEC15: return ref_dec15(a);
    case IR_PEAK: case IR_SHARE: case IR_PEER: case IR_CUMSUM: case IR_CUMMAX: case IR_SHIFT:
    case IR_PARENT:
        return fake_barrier(a);
    case IR_NOPS: break;
    }
    return NAN;
}

/* ---- frames ---- */

/* Inputs and one column per slot for nrows rows. */
typedef struct frame {
    size_t nrows;
    double **in;
    double **cols;
} frame;

/* Row r's value of input i: the values of V in every combination over the
 * inputs 0, 1, 2 (NV^3 rows), other inputs a mix of them. */
static double input_value(uint32_t i, size_t r)
{
    size_t k = r;
    for (uint32_t j = 0; j < i % 3; j++)
        k /= NV;
    return V[(k + i / 3) % NV];
}

/* Fills the inputs; every column is set to a sentinel bit pattern. */
static frame frame_new(size_t nrows)
{
    frame f = {.nrows = nrows};
    f.in = calloc(P.ninputs ? P.ninputs : 1, sizeof *f.in);
    for (uint32_t i = 0; i < P.ninputs; i++) {
        f.in[i] = malloc(nrows * sizeof(double));
        for (size_t r = 0; r < nrows; r++)
            f.in[i][r] = input_value(i, r);
    }
    f.cols = calloc(P.nsteps ? P.nsteps : 1, sizeof *f.cols);
    for (uint32_t s = 0; s < P.nsteps; s++) {
        f.cols[s] = malloc(nrows * sizeof(double));
        memset(f.cols[s], 0x5a, nrows * sizeof(double));
    }
    return f;
}

static void frame_free(frame *f)
{
    for (uint32_t i = 0; i < P.ninputs; i++)
        free(f->in[i]);
    for (uint32_t s = 0; s < P.nsteps; s++)
        free(f->cols[s]);
    free(f->in);
    free(f->cols);
}

/* Runs P with engine e over rows [lo, hi) as rt_run does: segments by the
 * engine, barriers here (fake_barrier, elementwise, so the reference can
 * compute them row by row).  Columns of slots that are not materialized
 * are hidden from the engine (NULL). */
static void run_frame(const exec_engine *e, const exec_plan *pl, frame *f, size_t lo, size_t hi)
{
    double **cols = calloc(P.nsteps ? P.nsteps : 1, sizeof *cols);
    for (uint32_t s = 0; s < P.nsteps; s++)
        cols[s] = pl->materialized[s] ? f->cols[s] : NULL;
    exec_frame ef = {.nrows = f->nrows, .inputs = (const double *const *)f->in,
                     .cols = cols, .plan = pl};
    uint32_t i = 0, k = 0;
    while (i < P.nsteps) {
        if (k < pl->nsegs && pl->segs[k].from == i) {
            e->run_segment(e->self, &P, k, &ef, lo, hi);
            i = pl->segs[k++].to;
            continue;
        }
        /* A barrier's operand is a column, or a constant or an input (never
         * materialized: exec.h). */
        const ir_step *a = &P.steps[P.steps[i].a];
        for (size_t r = lo; r < hi; r++) {
            double v = cols[P.steps[i].a] ? cols[P.steps[i].a][r]
                       : a->op == IR_CONST ? a->imm : f->in[a->aux][r];
            cols[i][r] = fake_barrier(v);
        }
        i++;
    }
    free(cols);
}

/* The reference result of every slot, for every row. */
static double **reference(const frame *f)
{
    double **ref = malloc((P.nsteps ? P.nsteps : 1) * sizeof *ref);
    for (uint32_t s = 0; s < P.nsteps; s++)
        ref[s] = malloc(f->nrows * sizeof(double));
    double *v = malloc((P.nsteps ? P.nsteps : 1) * sizeof *v);
    for (size_t r = 0; r < f->nrows; r++)
        for (uint32_t s = 0; s < P.nsteps; s++)
            ref[s][r] = v[s] = ref_step(&P.steps[s], v, (const double *const *)f->in, r);
    free(v);
    return ref;
}

static void reference_free(double **ref)
{
    for (uint32_t s = 0; s < P.nsteps; s++)
        free(ref[s]);
    free(ref);
}

/* Same bits, or both NaN. */
static bool same(double x, double y)
{
    return (isnan(x) && isnan(y)) || memcmp(&x, &y, sizeof x) == 0;
}

/* The bits of a double, for messages. */
static unsigned long long bits(double x)
{
    unsigned long long u;
    memcpy(&u, &x, sizeof u);
    return u;
}

/* Compares every materialized slot of `got` with `want` on rows [lo, hi);
 * `who` names the comparison in the failure message. */
static void compare(const exec_plan *pl, double *const *got, double *const *want,
                    size_t lo, size_t hi, const char *who)
{
    for (uint32_t s = 0; s < P.nsteps; s++) {
        if (!pl->materialized[s])
            continue;
        /* (ck_assert per value would send a message per row to Check's
         * parent process: abort only on a difference.) */
        for (size_t r = lo; r < hi; r++)
            if (!same(got[s][r], want[s][r]))
                ck_abort_msg("%s: slot %u (%s) row %zu: got %.17g (%#llx), want %.17g (%#llx)",
                             who, s, ir_opname(P.steps[s].op), r, got[s][r], bits(got[s][r]),
                             want[s][r], bits(want[s][r]));
    }
}

/* Runs P with engine j and with the interpreter on every row, and
 * compares both with the reference; disposes j. */
static void check_engine(jit_engine *j, size_t nrows)
{
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    ck_assert_msg(j != NULL, "jit_create failed: %s", errors());
    frame fj = frame_new(nrows), fi = frame_new(nrows);
    run_frame(jit_exec_engine(j), &pl, &fj, 0, nrows);
    run_frame(interp_engine(), &pl, &fi, 0, nrows);
    double **ref = reference(&fj);
    compare(&pl, fj.cols, ref, 0, nrows, "jit vs reference");
    compare(&pl, fi.cols, ref, 0, nrows, "interp vs reference");
    compare(&pl, fj.cols, fi.cols, 0, nrows, "jit vs interp");
    reference_free(ref);
    frame_free(&fj);
    frame_free(&fi);
    exec_plan_free(&pl);
    ck_assert_int_eq(jit_dispose(j), 0);
    ck_assert_str_eq(errors(), "");
}

/* Compiles P, runs it with the JIT and with the interpreter on every row,
 * and compares both with the reference. */
static void check_program(size_t nrows)
{
    check_engine(jit_create(&P, errf), nrows);
}

/* Three inputs (every combination of V), then every non-barrier op on
 * them, each reported. */
static void every_op_program(void)
{
    add_inputs(3);
    uint32_t a = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t b = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t c = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 2);
    report(a);
    for (ir_op op = IR_NEG; op < IR_PEAK; op++)
        out(op, a, b, c);
    out(IR_DEC15, a, 0, 0);
    out(IR_DEC15, ir_emit(&A, &P, IR_SUB, IR_NUM, a, b, 0, 0, 0), 0, 0);
    report(ir_const(&A, &P, IR_NUM, -0.0));
    report(ir_const(&A, &P, IR_NUM, NAN));
    report(ir_const(&A, &P, IR_NUM, 5e-324));
}

START_TEST(every_op)
{
    every_op_program();
    check_program(NV * NV * NV + 5);
}
END_TEST

/* Ops on results of ops (temporaries that are never materialized): the
 * chains a lowering makes, including a*b+c, which must not be fused. */
START_TEST(chains_of_temporaries)
{
    add_inputs(4);
    uint32_t x = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t y = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t z = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 2);
    uint32_t w = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 3);
    uint32_t mul = ir_emit(&A, &P, IR_MUL, IR_NUM, x, y, 0, 0, 0);
    out(IR_ADD, mul, z, 0);
    uint32_t d = ir_emit(&A, &P, IR_DIV, IR_NUM, ir_emit(&A, &P, IR_SUB, IR_NUM, x, y, 0, 0, 0),
                         ir_emit(&A, &P, IR_SUB, IR_NUM, z, y, 0, 0, 0), 0, 0, 0);
    uint32_t zero = ir_const(&A, &P, IR_NUM, 0.0), one = ir_const(&A, &P, IR_NUM, 1.0);
    uint32_t clamp = ir_emit(&A, &P, IR_MIN, IR_NUM,
                             ir_emit(&A, &P, IR_MAX, IR_NUM, d, zero, 0, 0, 0), one, 0, 0, 0);
    out(IR_MUL, clamp, ir_const(&A, &P, IR_NUM, 100.0), 0);
    uint32_t neg = ir_emit(&A, &P, IR_NEG, IR_NUM, x, 0, 0, 0, 0);
    out(IR_ADD, neg, w, 0);
    uint32_t lt = ir_emit(&A, &P, IR_LT, IR_BOOL, x, y, 0, 0, 0);
    uint32_t na = ir_emit(&A, &P, IR_ISNA, IR_BOOL, z, 0, 0, 0, 0);
    uint32_t both = ir_emit(&A, &P, IR_OR, IR_BOOL, ir_emit(&A, &P, IR_NOT, IR_BOOL, lt, 0, 0, 0, 0),
                            na, 0, 0, 0);
    out(IR_SELECT, both, ir_emit(&A, &P, IR_COALESCE, IR_NUM, d, w, 0, 0, 0),
        ir_emit(&A, &P, IR_ABS, IR_NUM, neg, 0, 0, 0, 0));
    out(IR_SELECT, ir_emit(&A, &P, IR_AND, IR_BOOL, x, y, 0, 0, 0), mul, d);
    check_program(NV * NV * NV + 3);
}
END_TEST

/* Some results by value, independent of the reference above. */
START_TEST(known_values)
{
    add_inputs(3);
    uint32_t a = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t b = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t c = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 2);
    uint32_t fma = out(IR_ADD, ir_emit(&A, &P, IR_MUL, IR_NUM, a, b, 0, 0, 0), c, 0);
    uint32_t div = out(IR_DIV, a, b, 0), min = out(IR_MIN, a, b, 0), max = out(IR_MAX, a, b, 0);
    uint32_t not = out(IR_NOT, b, 0, 0), sel = out(IR_SELECT, b, a, c);
    uint32_t neg = out(IR_NEG, b, 0, 0), mul = out(IR_MUL, a, c, 0), sq = out(IR_MUL, c, c, 0);
    uint32_t lt = out(IR_LT, a, b, 0), isna = out(IR_ISNA, c, 0, 0), co = out(IR_COALESCE, c, a, 0);
    /* Rows: (a, b, c). */
    static const double rows[][3] = {
        {1.0 + 0x1p-30, 1.0 - 0x1p-30, -1.0},
        {1.0, -0.0, 1e308},
        {0.0, -0.0, NAN},
        {-0.0, 0.0, 10.0},
        {5e-324, 2.0, 0.5},
    };
    enum { NR = sizeof rows / sizeof rows[0] };
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    jit_engine *j = jit_create(&P, errf);
    ck_assert_ptr_nonnull(j);
    frame f = frame_new(NR);
    for (size_t r = 0; r < NR; r++)
        for (int i = 0; i < 3; i++)
            f.in[i][r] = rows[r][i];
    run_frame(jit_exec_engine(j), &pl, &f, 0, NR);
    double **o = f.cols;
    ck_assert(o[fma][0] == 0.0 && !signbit(o[fma][0]));   /* not fused */
    ck_assert(isnan(o[div][1]));                          /* x / -0 */
    ck_assert(o[min][1] == -0.0 && signbit(o[min][1]));   /* min(1, -0) */
    ck_assert(!signbit(o[min][3]) && signbit(o[min][2])); /* ties give b */
    ck_assert(signbit(o[max][2]) && !signbit(o[max][3]));
    ck_assert(o[not][1] == 1.0);                          /* not -0 */
    ck_assert(o[sel][1] == 1e308 && o[sel][0] == 1.0 + 0x1p-30);
    ck_assert(isnan(o[sel][2]));                          /* c is NaN */
    ck_assert(signbit(o[neg][3]) && o[neg][3] == 0.0);    /* neg 0 is -0 */
    ck_assert(isinf(o[sq][1]) && o[sq][1] > 0);           /* 1e308 * 1e308 */
    ck_assert(o[mul][1] == 1e308);
    ck_assert(o[mul][4] == 0.0 && !signbit(o[mul][4]));   /* 5e-324 * 0.5: a tie, to even */
    ck_assert(o[lt][2] == 0.0 && o[lt][3] == 0.0 && o[lt][4] == 1.0);
    ck_assert(o[isna][2] == 1.0 && o[isna][0] == 0.0);
    ck_assert(o[co][2] == 0.0 && o[co][3] == 10.0);
    frame_free(&f);
    exec_plan_free(&pl);
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

/* IR_DEC15 of a - b by value: the decimal an evaluator computes for a goal
 * read from the data loosened by its tolerance (0.3 - 0.1 is 0.2, not the
 * double below it that binary subtraction gives), a tie rounded to even,
 * and what is not a finite number as it is. */
START_TEST(dec15_values)
{
    add_inputs(2);
    uint32_t a = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t b = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t d = out(IR_DEC15, ir_emit(&A, &P, IR_SUB, IR_NUM, a, b, 0, 0, 0), 0, 0);
    static const double rows[][3] = {   /* a, b, a - b to 15 digits */
        {18.3, 0.1, 18.2},
        {-18.3, 0.1, -18.4},
        {0.3, 0.1, 0.2},
        {1234567890123455.0, 0, 1234567890123460.0},
        {1e-300, 0, 1e-300},
        {INFINITY, 1, INFINITY},
        {NAN, 1, NAN},
        {100, 0.5, 99.5},
    };
    enum { NR = sizeof rows / sizeof rows[0] };
    volatile double x = 0.3, y = 0.1;
    ck_assert(x - y != 0.2);   /* in binary, a hair below 0.2 */
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    jit_engine *j = jit_create(&P, errf);
    ck_assert_ptr_nonnull(j);
    frame fj = frame_new(NR), fi = frame_new(NR);
    for (size_t r = 0; r < NR; r++)
        for (int i = 0; i < 2; i++)
            fj.in[i][r] = fi.in[i][r] = rows[r][i];
    run_frame(jit_exec_engine(j), &pl, &fj, 0, NR);
    run_frame(interp_engine(), &pl, &fi, 0, NR);
    for (size_t r = 0; r < NR; r++) {
        double want = rows[r][2];
        ck_assert_msg(isnan(want) ? isnan(fj.cols[d][r]) : fj.cols[d][r] == want,
                      "jit row %zu: %.17g, expected %.17g", r, fj.cols[d][r], want);
        ck_assert_msg(isnan(want) ? isnan(fi.cols[d][r]) : fi.cols[d][r] == want,
                      "interp row %zu: %.17g, expected %.17g", r, fi.cols[d][r], want);
        ck_assert(isnan(want) || ir_decimal15(rows[r][0] - rows[r][1]) == want);
    }
    frame_free(&fj);
    frame_free(&fi);
    exec_plan_free(&pl);
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

/* Row ranges of any size and alignment write exactly their rows. */
START_TEST(row_ranges)
{
    every_op_program();
    size_t n = 1000;
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    jit_engine *j = jit_create(&P, errf);
    ck_assert_ptr_nonnull(j);
    frame f = frame_new(n);
    double **ref = reference(&f);
    static const size_t ranges[][2] = {{0, 0}, {5, 5}, {3, 4}, {1, 8}, {9, 26}, {26, 517}, {517, 999}};
    double sentinel;
    memset(&sentinel, 0x5a, sizeof sentinel);
    for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++) {
        size_t lo = ranges[k][0], hi = ranges[k][1];
        run_frame(jit_exec_engine(j), &pl, &f, lo, hi);
        compare(&pl, f.cols, ref, lo, hi, "range");
    }
    /* Row 999 was in no range. */
    for (uint32_t s = 0; s < P.nsteps; s++)
        ck_assert(memcmp(&f.cols[s][999], &sentinel, sizeof sentinel) == 0);
    reference_free(ref);
    frame_free(&f);
    exec_plan_free(&pl);
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

/* Several segments around barriers: later segments read barrier results,
 * values materialized by earlier segments, inputs and constants. */
START_TEST(segments_and_barriers)
{
    add_inputs(3);
    P.nlevels = 1;
    uint32_t a = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t b = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 1);
    uint32_t two = ir_const(&A, &P, IR_NUM, 2.0);
    uint32_t t = ir_emit(&A, &P, IR_MUL, IR_NUM, a, two, 0, 0, 0);
    uint32_t s = ir_emit(&A, &P, IR_ADD, IR_NUM, t, b, 0, 0, 0);
    uint32_t pk = ir_emit(&A, &P, IR_PEAK, IR_BOOL, s, 0, 0, 0.0, 2020);
    uint32_t u = out(IR_SELECT, pk, t, two);
    uint32_t sh = ir_emit(&A, &P, IR_SHARE, IR_NUM, u, 0, 0, 0, 0);
    uint32_t sh2 = ir_emit(&A, &P, IR_PEAK, IR_BOOL, a, 0, 0, 0.0, 2020);
    out(IR_COALESCE, sh, ir_emit(&A, &P, IR_SUB, IR_NUM, s, sh2, 0, 0, 0), 0);
    out(IR_ADD, ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 2), two, 0);
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    ck_assert_uint_eq(pl.nsegs, 3);
    exec_plan_free(&pl);
    check_program(NV * NV * NV);
}
END_TEST

/* Calls for disjoint row ranges from two threads give the same columns as
 * one call over all rows. */
typedef struct half {
    const exec_engine *e;
    const exec_plan *pl;
    frame *f;
    size_t lo, hi;
} half;

static void *run_half(void *arg)
{
    half *h = arg;
    run_frame(h->e, h->pl, h->f, h->lo, h->hi);
    return NULL;
}

START_TEST(threads)
{
    every_op_program();
    size_t n = NV * NV * NV;
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    jit_engine *j = jit_create(&P, errf);
    ck_assert_ptr_nonnull(j);
    frame one = frame_new(n), two = frame_new(n);
    run_frame(jit_exec_engine(j), &pl, &one, 0, n);
    half h[2] = {{jit_exec_engine(j), &pl, &two, 0, 4001}, {jit_exec_engine(j), &pl, &two, 4001, n}};
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, run_half, &h[i]), 0);
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    for (uint32_t s = 0; s < P.nsteps; s++)
        if (pl.materialized[s])
            ck_assert(memcmp(one.cols[s], two.cols[s], n * sizeof(double)) == 0);
    frame_free(&one);
    frame_free(&two);
    exec_plan_free(&pl);
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

/* Lookups from several threads at once. */
static void *lookup_many(void *arg)
{
    for (int i = 0; i < 50; i++)
        if (!jit_lookup(arg, "seg_0"))
            return arg;
    return NULL;
}

START_TEST(concurrent_lookups)
{
    every_op_program();
    jit_engine *j = jit_create(&P, errf);
    ck_assert_ptr_nonnull(j);
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&th[i], NULL, lookup_many, j), 0);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        ck_assert_ptr_null(r);
    }
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

/* n threshold targets as the lowering builds them (docs/LANGUAGE.md §9):
 * status and score of `v >= goal by deadline` from baseline b.  Inputs:
 * 0 the year, 1 in scope, then each target's value and baseline value.
 * Returns the slot of the last target's score. */
static uint32_t threshold_targets(uint32_t n)
{
    add_inputs(2 + 2 * n);
    const double y0 = 2020, deadline = 2025;
    uint32_t year = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    uint32_t scope = ir_emit(&A, &P, IR_INPUT, IR_BOOL, 0, 0, 0, 0, 1);
    uint32_t score = 0;
    for (uint32_t t = 0; t < n; t++) {
        uint32_t v = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 2 + 2 * t);
        uint32_t b = ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 3 + 2 * t);
        uint32_t g = ir_const(&A, &P, IR_NUM, 80 + t);
        uint32_t cy0 = ir_const(&A, &P, IR_NUM, y0), cdl = ir_const(&A, &P, IR_NUM, deadline);
        uint32_t na = ir_emit(&A, &P, IR_OR, IR_BOOL, ir_emit(&A, &P, IR_NOT, IR_BOOL, scope, 0, 0, 0, 0),
                              ir_emit(&A, &P, IR_LT, IR_BOOL, year, cy0, 0, 0, 0), 0, 0, 0);
        uint32_t vmiss = ir_emit(&A, &P, IR_ISNA, IR_BOOL, v, 0, 0, 0, 0);
        uint32_t met = ir_emit(&A, &P, IR_GE, IR_BOOL, v, g, 0, 0, 0);
        uint32_t passed = ir_emit(&A, &P, IR_GE, IR_BOOL, year, cdl, 0, 0, 0);
        uint32_t bmiss = ir_emit(&A, &P, IR_ISNA, IR_BOOL, b, 0, 0, 0, 0);
        uint32_t frac = ir_emit(&A, &P, IR_DIV, IR_NUM, ir_emit(&A, &P, IR_SUB, IR_NUM, year, cy0, 0, 0, 0),
                                ir_emit(&A, &P, IR_SUB, IR_NUM, cdl, cy0, 0, 0, 0), 0, 0, 0);
        uint32_t gap = ir_emit(&A, &P, IR_SUB, IR_NUM, g, b, 0, 0, 0);
        uint32_t e = ir_emit(&A, &P, IR_ADD, IR_NUM, b,
                             ir_emit(&A, &P, IR_MUL, IR_NUM, gap, frac, 0, 0, 0), 0, 0, 0);
        uint32_t on = ir_emit(&A, &P, IR_GE, IR_BOOL, v, e, 0, 0, 0);
        uint32_t st[IR_ST_MET + 1];
        for (int k = IR_ST_NA; k <= IR_ST_MET; k++)
            st[k] = ir_const(&A, &P, IR_STATUS, k);
        uint32_t s = ir_emit(&A, &P, IR_SELECT, IR_STATUS, on, st[IR_ST_ON_TRACK], st[IR_ST_LAGGING], 0, 0);
        s = ir_emit(&A, &P, IR_SELECT, IR_STATUS, bmiss, st[IR_ST_MISSING], s, 0, 0);
        s = ir_emit(&A, &P, IR_SELECT, IR_STATUS, passed, st[IR_ST_FAILED], s, 0, 0);
        s = ir_emit(&A, &P, IR_SELECT, IR_STATUS, met, st[IR_ST_MET], s, 0, 0);
        s = ir_emit(&A, &P, IR_SELECT, IR_STATUS, vmiss, st[IR_ST_MISSING], s, 0, 0);
        s = ir_emit(&A, &P, IR_SELECT, IR_STATUS, na, st[IR_ST_NA], s, 0, 0);
        uint32_t zero = ir_const(&A, &P, IR_NUM, 0), one = ir_const(&A, &P, IR_NUM, 1);
        uint32_t hundred = ir_const(&A, &P, IR_NUM, 100);
        uint32_t ratio = ir_emit(&A, &P, IR_DIV, IR_NUM, ir_emit(&A, &P, IR_SUB, IR_NUM, v, b, 0, 0, 0),
                                 gap, 0, 0, 0);
        uint32_t clamp = ir_emit(&A, &P, IR_MIN, IR_NUM,
                                 ir_emit(&A, &P, IR_MAX, IR_NUM, ratio, zero, 0, 0, 0), one, 0, 0, 0);
        uint32_t part = ir_emit(&A, &P, IR_COALESCE, IR_NUM,
                                ir_emit(&A, &P, IR_MUL, IR_NUM, hundred, clamp, 0, 0, 0), zero, 0, 0, 0);
        score = ir_emit(&A, &P, IR_SELECT, IR_NUM, met, hundred, part, 0, 0);
        uint32_t counts = ir_emit(&A, &P, IR_OR, IR_BOOL, na, vmiss, 0, 0, 0);
        score = ir_emit(&A, &P, IR_SELECT, IR_NUM, counts, ir_const(&A, &P, IR_NUM, NAN), score, 0, 0);
        ck_assert_uint_lt(P.ntargets, MAX_TARGETS);
        P.targets[P.ntargets++] = (ir_target){.name = "t", .kind = "threshold",
            .status = s, .value = v, .goal = g, .expected = e, .score = score};
    }
    return score;
}

/* P's module as jit_emit_ir prints it, optimised or as lowered
 * (malloc'd). */
static char *module_text(bool optimised)
{
    char *text = NULL;
    size_t len;
    FILE *o = open_memstream(&text, &len);
    ck_assert_int_eq(jit_emit_ir(&P, optimised, o, errf), 0);
    fclose(o);
    return text;
}

/* JIT engines at each of the vector widths run P over the row ranges in
 * turn, and every materialized column equals the reference. */
static void check_widths(const unsigned *widths, size_t nwidths, const size_t (*ranges)[2],
                         size_t nranges)
{
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    for (size_t w = 0; w < nwidths; w++) {
        jit_options o = {.width = widths[w]};
        jit_engine *j = jit_create_opts(&P, &o, errf);
        ck_assert_msg(j != NULL, "%s", errors());
        frame f = frame_new(NV * NV);
        double **ref = reference(&f);
        for (size_t k = 0; k < nranges; k++)
            run_frame(jit_exec_engine(j), &pl, &f, ranges[k][0], ranges[k][1]);
        char who[32];
        snprintf(who, sizeof who, "width %u", widths[w]);
        compare(&pl, f.cols, ref, 0, NV * NV, who);
        reference_free(ref);
        frame_free(&f);
        ck_assert_int_eq(jit_dispose(j), 0);
    }
    exec_plan_free(&pl);
    ck_assert_str_eq(errors(), "");
}

/* The optimised IR of a target's status/score chain works on vectors of
 * doubles (loads, compares, selects, stores), and optimisation kept it so:
 * no scalar double is loaded or compared (cg emits no scalar copy of a
 * loop, and O3 made none).  The unoptimised IR (emit-llvm --O0) is the
 * module as cg lowered it, with the host's triple. */
START_TEST(vectorised)
{
    threshold_targets(1);
    char *text = module_text(true);
    /* 4 doubles, or 8 on a host with AVX-512 (jit.c). */
    const char *w = strstr(text, "load <8 x double>") ? "8" : "4";
    char want[4][40];
    snprintf(want[0], sizeof want[0], "load <%s x double>", w);
    snprintf(want[1], sizeof want[1], "store <%s x double>", w);
    snprintf(want[2], sizeof want[2], "fcmp oge <%s x double>", w);
    snprintf(want[3], sizeof want[3], "select <%s x i1>", w);
    for (int i = 0; i < 4; i++)
        ck_assert_msg(strstr(text, want[i]), "no '%s' in:\n%s", want[i], text);
    ck_assert_ptr_null(strstr(text, "load double"));
    ck_assert_ptr_null(strstr(text, "fcmp oge double"));
    free(text);

    text = module_text(false);
    ck_assert_ptr_nonnull(strstr(text, "define internal void @seg_0.g0("));
    ck_assert_ptr_nonnull(strstr(text, "define void @seg_0(ptr noalias nocapture readonly %inputs"));
    ck_assert_ptr_nonnull(strstr(text, "target triple"));
    free(text);
    ck_assert_str_eq(errors(), "");
}
END_TEST

/* ... and computes what the interpreter computes. */
START_TEST(threshold_results)
{
    threshold_targets(1);
    check_program(NV * NV * NV + 7);
}
END_TEST

/* Many targets: a segment of many groups, and a measure's score (a
 * weighted mean of target scores, missing ones counting 0) that reads
 * scores other groups wrote. */
START_TEST(many_targets)
{
    threshold_targets(12);
    uint32_t sum = ir_const(&A, &P, IR_NUM, 0), zero = ir_const(&A, &P, IR_NUM, 0);
    for (uint32_t t = 0; t < P.ntargets; t++) {
        uint32_t w = ir_const(&A, &P, IR_NUM, 1.0 / (t + 1));
        uint32_t part = ir_emit(&A, &P, IR_MUL, IR_NUM,
                                ir_emit(&A, &P, IR_COALESCE, IR_NUM, P.targets[t].score, zero, 0, 0, 0),
                                w, 0, 0, 0);
        sum = ir_emit(&A, &P, IR_ADD, IR_NUM, sum, part, 0, 0, 0);
    }
    report(sum);
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    ck_assert_uint_eq(pl.nsegs, 1);
    exec_plan_free(&pl);
    check_program(NV * NV * NV);
}
END_TEST

/* Code calling the C library: the path for fewer rows than a vector
 * (cg.h) zeroes its scratch with memset and copies rows with memcpy, which
 * the process symbol generator resolves. */
START_TEST(library_calls)
{
    /* 0 on every row, as a computed slot (a constant has no column). */
    uint32_t z = ir_emit(&A, &P, IR_ISNA, IR_BOOL, ir_const(&A, &P, IR_NUM, 0.0), 0, 0, 0, 0);
    report(z);
    char *text = module_text(true);
    ck_assert_ptr_nonnull(strstr(text, "@llvm.memset"));
    ck_assert_ptr_nonnull(strstr(text, "@llvm.memcpy"));
    ck_assert_ptr_null(strstr(text, "@calloc")); /* a small segment: the stack */
    free(text);

    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&P, &pl), 0);
    jit_engine *j = jit_create(&P, errf);
    ck_assert_msg(j != NULL, "%s", errors());
    frame f = frame_new(100);
    run_frame(jit_exec_engine(j), &pl, &f, 10, 90);
    run_frame(jit_exec_engine(j), &pl, &f, 95, 97);
    double sentinel;
    memset(&sentinel, 0x5a, sizeof sentinel);
    for (size_t r = 0; r < 100; r++) {
        double want = (r >= 10 && r < 90) || r == 95 || r == 96 ? 0.0 : sentinel;
        if (memcmp(&f.cols[z][r], &want, sizeof want) != 0)
            ck_abort_msg("row %zu: %#llx", r, bits(f.cols[z][r]));
    }
    frame_free(&f);
    exec_plan_free(&pl);
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

/* An LLVMErrorRef (here: a symbol that does not exist) is printed as a
 * planc internal error, and jit_dispose reports that one happened. */
START_TEST(lookup_error)
{
    every_op_program();
    jit_engine *j = jit_create(&P, errf);
    ck_assert_ptr_nonnull(j);
    ck_assert_ptr_nonnull(jit_lookup(j, "seg_0"));
    ck_assert_str_eq(errors(), "");
    ck_assert_ptr_null(jit_lookup(j, "no_such_segment"));
    const char *e = errors();
    const char *want = "planc: internal error: JIT: looking up 'no_such_segment': ";
    ck_assert_msg(strncmp(e, want, strlen(want)) == 0, "got: %s", e);
    ck_assert_ptr_nonnull(strstr(e + strlen(want), "no_such_segment"));
    ck_assert_int_eq(e[strlen(e) - 1], '\n');
    ck_assert_int_eq(jit_dispose(j), -1);
}
END_TEST

/* A program exec_plan_make rejects is an internal error, not a crash. */
START_TEST(malformed_program)
{
    add_inputs(1);
    ir_emit(&A, &P, IR_INPUT, IR_NUM, 0, 0, 0, 0, 0);
    out(IR_ADD, 0, 5, 0);
    ck_assert_ptr_null(jit_create(&P, errf));
    ck_assert_int_eq(jit_emit_ir(&P, true, stdout, errf), -1);
    ck_assert_str_eq(errors(),
        "planc: internal error: JIT: the program is malformed: it cannot be split into segments\n"
        "planc: internal error: JIT: the program is malformed: it cannot be split into segments\n");
}
END_TEST

/* Compile phases are timed; the engine is named. */
START_TEST(timings)
{
    threshold_targets(1);
    jit_engine *j = jit_create(&P, errf);
    ck_assert_ptr_nonnull(j);
    jit_timings t = jit_get_timings(j);
    ck_assert(t.lower > 0 && t.optimise > 0 && t.codegen > 0 && t.link > 0);
    ck_assert(t.lower < 60e3 && t.optimise < 60e3 && t.codegen < 60e3 && t.link < 60e3);
    ck_assert(t.cache >= 0 && t.cache < 60e3);
    ck_assert_int_eq(t.cache_state, JIT_CACHE_OFF);
    ck_assert_uint_eq(t.parts, 1);
    ck_assert_str_eq(jit_exec_engine(j)->name, "jit");
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

/* Engines come and go, with and without segments; nothing leaks (the ASan
 * build checks), and jit_dispose(NULL) is a no-op. */
START_TEST(create_and_dispose)
{
    ck_assert_int_eq(jit_dispose(NULL), 0);
    jit_engine *empty = jit_create(&P, errf);
    ck_assert_ptr_nonnull(empty);
    ck_assert_int_eq(jit_dispose(empty), 0);
    every_op_program();
    for (int i = 0; i < 5; i++) {
        jit_engine *j = jit_create(&P, errf);
        ck_assert_ptr_nonnull(j);
        ck_assert_int_eq(jit_dispose(j), 0);
    }
    ck_assert_str_eq(errors(), "");
}
END_TEST

/* A program large enough for several parts, compiled on two threads:
 * two objects linked together compute what one module computes. */
START_TEST(parallel_parts)
{
    threshold_targets(40);
    jit_options o = {.threads = 2};
    jit_engine *j = jit_create_opts(&P, &o, errf);
    ck_assert_msg(j != NULL, "%s", errors());
    ck_assert_uint_eq(jit_get_timings(j).parts, 2);
    check_engine(j, NV * NV + 5);
}
END_TEST

/* A segment whose path for fewer rows than a vector needs more than
 * CG_SMALL_STACK bytes (255 targets) takes them from calloc and frees
 * them: ranges shorter and longer than a vector compute what the
 * reference does, at 4 and 16 doubles per vector (and the ASan build of
 * this suite finds the block if it is not freed). */
START_TEST(big_short_range)
{
    threshold_targets(MAX_TARGETS - 1);
    char *text = module_text(false);
    ck_assert_ptr_nonnull(strstr(text, "@calloc("));
    ck_assert_ptr_nonnull(strstr(text, "@free("));
    free(text);
    static const unsigned widths[] = {4, 16};
    static const size_t ranges[][2] = {{0, 3}, {3, 4}, {4, 21}, {21, 22}, {22, NV * NV}};
    check_widths(widths, 2, ranges, sizeof ranges / sizeof ranges[0]);
}
END_TEST

/* Every vector width computes the same, over row ranges shorter and
 * longer than a vector and not multiples of it. */
/* The estimate of --engine auto: interpreting grows with rows x steps,
 * compiling has a fixed part, so a few rows interpret and many compile,
 * whatever the program's size, with the break-even between 10,000 and
 * 1,000,000 rows for programs of 85 to 30,000 steps. */
START_TEST(estimate)
{
    static const uint32_t sizes[] = {85, 236, 1343, 30000};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        ir_program q = {.nsteps = sizes[i]};
        jit_estimate none = jit_estimate_run(&q, 0);
        ck_assert_uint_eq(none.steps, sizes[i]);
        ck_assert(none.interp_ms == 0 && none.jit_ms > 0);
        ck_assert(jit_estimate_run(&q, 10000).interp_ms < jit_estimate_run(&q, 10000).jit_ms);
        ck_assert(jit_estimate_run(&q, 1000000).interp_ms > jit_estimate_run(&q, 1000000).jit_ms);
        uint64_t lo = 10000, hi = 1000000;
        while (hi - lo > 1) {
            uint64_t mid = (lo + hi) / 2;
            jit_estimate e = jit_estimate_run(&q, mid);
            *(e.interp_ms > e.jit_ms ? &hi : &lo) = mid;
        }
        /* more steps: the fixed part weighs less, the break-even comes sooner */
        if (i > 0) {
            ir_program r = {.nsteps = sizes[i - 1]};
            jit_estimate e = jit_estimate_run(&r, hi);
            ck_assert(e.interp_ms <= e.jit_ms);
        }
    }
}
END_TEST

START_TEST(widths)
{
    every_op_program();
    static const unsigned widths[] = {2, 4, 8, 16};
    static const size_t ranges[][2] = {{0, 3}, {3, 4}, {4, 19}, {19, 36}, {36, 53}, {53, NV * NV}};
    check_widths(widths, 4, ranges, sizeof ranges / sizeof ranges[0]);
}
END_TEST

/* ---- the cache ---- */

static char cache_dir[64];

/* A fresh cache directory (removed by cache_teardown). */
static void cache_setup(void)
{
    setup();
    strcpy(cache_dir, "/tmp/planc-test-jit-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(cache_dir));
}

static void cache_teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache_dir);
    ck_assert_int_eq(system(cmd), 0);
    teardown();
}

/* The number of entries in the cache directory; the path of the last one
 * found in `path` (when not NULL). */
static int cache_entries(char path[512])
{
    DIR *d = opendir(cache_dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".plo") == 0) {
            n++;
            if (path)
                snprintf(path, 512, "%s/%s", cache_dir, e->d_name);
        }
    }
    closedir(d);
    return n;
}

/* Forgets what was written to the error stream so far. */
static void reset_errors(void)
{
    fclose(errf);
    free(errbuf);
    errbuf = NULL;
    errf = open_memstream(&errbuf, &errlen);
}

/* Creates an engine for P with the cache; checks its cache state.  (A
 * miss links the shared object for the cache on a thread that jit_dispose
 * waits for: the next engine hits it.) */
static jit_engine *cached(const char *source, jit_cache_state want)
{
    jit_options o = {.cache_dir = cache_dir, .source = source,
                     .source_len = source ? strlen(source) : 0};
    jit_engine *j = jit_create_opts(&P, &o, errf);
    ck_assert_msg(j != NULL, "%s", errors());
    jit_timings t = jit_get_timings(j);
    ck_assert_int_eq(t.cache_state, want);
    if (want == JIT_CACHE_HIT || want == JIT_CACHE_HIT_OBJ)
        ck_assert(t.lower == 0 && t.optimise == 0 && t.codegen == 0 && t.link > 0);
    return j;
}

/* The kind of the only cache entry: the first 8 bytes of its payload. */
static void entry_kind(char kind[9])
{
    char path[512];
    ck_assert_int_eq(cache_entries(path), 1);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, CACHE_HEADER_SIZE, SEEK_SET), 0);
    ck_assert_uint_eq(fread(kind, 1, 8, f), 8);
    kind[8] = '\0';
    fclose(f);
}

/* The key of the only cache entry, from its file name. */
static cache_key entry_key(void)
{
    char path[512];
    ck_assert_int_eq(cache_entries(path), 1);
    const char *hex = strrchr(path, '/') + 1;
    cache_key k;
    for (int i = 0; i < 32; i++) {
        unsigned v;
        ck_assert_int_eq(sscanf(hex + 2 * i, "%2x", &v), 1);
        k.b[i] = (unsigned char)v;
    }
    return k;
}

/* Flips a bit of the entry at `path` 100 bytes from its end, where its
 * checksum covers it. */
static void damage(const char *path)
{
    FILE *f = fopen(path, "r+b");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, -100, SEEK_END), 0);
    int c = fgetc(f);
    ck_assert_int_eq(fseek(f, -100, SEEK_END), 0);
    fputc(c ^ 0x20, f);
    fclose(f);
}

/* A miss stores the objects; the same program and source hit and compute
 * the same; another source, or another program, misses. */
START_TEST(cache_hit_and_miss)
{
    threshold_targets(3);
    check_engine(cached("rules v1", JIT_CACHE_MISS), NV * NV + 3);
    ck_assert_int_eq(cache_entries(NULL), 1);
    check_engine(cached("rules v1", JIT_CACHE_HIT), NV * NV + 3);
    check_engine(cached("rules v2", JIT_CACHE_MISS), NV * NV + 3);
    ck_assert_int_eq(cache_entries(NULL), 2);
    check_engine(cached("rules v2", JIT_CACHE_HIT), NV * NV + 3);
    /* One constant of the program changed: another key. */
    for (uint32_t i = P.nsteps; i-- > 0;)
        if (P.steps[i].op == IR_CONST && P.steps[i].imm == 80) {
            P.steps[i].imm = 81;
            break;
        }
    check_engine(cached("rules v2", JIT_CACHE_MISS), NV * NV + 3);
    ck_assert_int_eq(cache_entries(NULL), 3);
    ck_assert_str_eq(errors(), "");
}
END_TEST

/* A program in several objects: the miss's entry becomes one shared
 * object, which later engines load and which computes the same. */
START_TEST(cache_shared_object)
{
    threshold_targets(40);
    jit_options o = {.cache_dir = cache_dir, .threads = 2};
    jit_engine *j = jit_create_opts(&P, &o, errf);
    ck_assert_msg(j != NULL, "%s", errors());
    ck_assert_uint_eq(jit_get_timings(j).parts, 2);
    check_engine(j, NV * NV + 5);
    char kind[9];
    entry_kind(kind);
    ck_assert_str_eq(kind, "PLANCSO1");
    check_engine(cached(NULL, JIT_CACHE_HIT), NV * NV + 5);
    jit_engine *h = cached(NULL, JIT_CACHE_HIT);
    ck_assert_ptr_nonnull(jit_lookup(h, "seg_0"));
    ck_assert_ptr_null(jit_lookup(h, "no_such_segment"));
    ck_assert_ptr_nonnull(strstr(errors(), "looking up 'no_such_segment': not found"));
    ck_assert_int_eq(jit_dispose(h), -1);
    ck_assert_int_eq(cache_entries(NULL), 1);
}
END_TEST

/* Sets P's constant `from` (there must be one) to `to`. */
static void set_constant(double from, double to)
{
    for (uint32_t i = P.nsteps; i-- > 0;)
        if (P.steps[i].op == IR_CONST && P.steps[i].imm == from) {
            P.steps[i].imm = to;
            return;
        }
    ck_abort_msg("no constant %g", from);
}

/* Two cached libraries loaded at once, each of another program, each
 * run its own code (dlopen must not take the second for the first). */
START_TEST(cache_two_libraries)
{
    threshold_targets(3);
    jit_dispose(cached(NULL, JIT_CACHE_MISS));
    set_constant(80, 20);
    jit_dispose(cached(NULL, JIT_CACHE_MISS));
    set_constant(20, 80);
    jit_engine *first = cached(NULL, JIT_CACHE_HIT);
    set_constant(80, 20);
    check_engine(cached(NULL, JIT_CACHE_HIT), NV * NV + 3);
    set_constant(20, 80);
    check_engine(first, NV * NV + 3);
}
END_TEST

/* Without a C compiler the objects stay in the cache: a hit links them in
 * the LLJIT, where they lie in the mapped entry, and computes the same. */
START_TEST(cache_objects_without_cc)
{
    threshold_targets(40);
    ck_assert_int_eq(setenv("CC", "/nonexistent/planc-test-cc", 1), 0);
    jit_options o = {.cache_dir = cache_dir, .threads = 2};
    check_engine(jit_create_opts(&P, &o, errf), NV * NV + 5);
    char kind[9];
    entry_kind(kind);
    ck_assert_str_eq(kind, "PLANCOBJ");
    check_engine(cached(NULL, JIT_CACHE_HIT_OBJ), NV * NV + 5);
    /* A C compiler that fails is the same, and so is one whose library
     * does not load (marked not to be opened with dlopen). */
    ck_assert_int_eq(setenv("CC", "false", 1), 0);
    check_engine(cached("other", JIT_CACHE_MISS), NV * NV + 5);
    check_engine(cached("other", JIT_CACHE_HIT_OBJ), NV * NV + 5);
    ck_assert_int_eq(setenv("CC", "cc -Wl,-z,nodlopen", 1), 0);
    check_engine(cached("nodlopen", JIT_CACHE_MISS), NV * NV + 5);
    check_engine(cached("nodlopen", JIT_CACHE_HIT_OBJ), NV * NV + 5);
    /* With a working C compiler, a hit of objects links the library, which
     * the next hit loads. */
    unsetenv("CC");
    check_engine(cached("nodlopen", JIT_CACHE_HIT_OBJ), NV * NV + 5);
    check_engine(cached("nodlopen", JIT_CACHE_HIT), NV * NV + 5);
    ck_assert_str_eq(errors(), "");
}
END_TEST

/* Replaces the only entry with a sound one (the right key and checksum)
 * whose payload is of `kind` ("PLANCOBJ", "PLANCSO1") and holds one file
 * of 64 bytes that is no ELF file; then expects a warning holding `why`
 * (and no internal error), a compilation whose entry replaces it, and a
 * hit after that. */
static void bad_file_entry(const char kind[8], const char *why)
{
    threshold_targets(1);
    jit_dispose(cached(NULL, JIT_CACHE_MISS));
    cache_key k = entry_key();
    /* The payload layout of jit.c: kind, 1 file, its length, the file
     * (at payload offset 24, file offset 128: aligned). */
    unsigned char payload[24 + 64] = "........\x01\0\0\0\0\0\0\0\x40";
    memcpy(payload, kind, 8);
    memset(payload + 24, 0x7f, 64);
    cache *c = cache_open(cache_dir, errf, LBL_EN);
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    cache_close(c);
    jit_engine *j = cached(NULL, JIT_CACHE_MISS);
    ck_assert_ptr_nonnull(strstr(errors(), "planc: warning: ignoring cache entry '"));
    ck_assert_ptr_nonnull(strstr(errors(), why));
    ck_assert_ptr_null(strstr(errors(), "internal error"));
    reset_errors();
    check_engine(j, NV * 3);
    check_engine(cached(NULL, JIT_CACHE_HIT), NV * 3);
    ck_assert_str_eq(errors(), "");
}

/* "Objects" that are not: the warning says why they do not link. */
START_TEST(cache_objects_do_not_link)
{
    bad_file_entry("PLANCOBJ", "(its objects do not link: ");
}
END_TEST

/* A "shared object" that is not one. */
START_TEST(cache_shared_object_does_not_load)
{
    bad_file_entry("PLANCSO1", "(its code does not load: ");
}
END_TEST

/* A damaged entry (a flipped byte of the object) is one warning and a
 * compilation whose entry replaces it; the next run hits. */
START_TEST(cache_damaged_entry)
{
    threshold_targets(2);
    jit_dispose(cached(NULL, JIT_CACHE_MISS));
    char path[512];
    ck_assert_int_eq(cache_entries(path), 1);
    damage(path);
    jit_engine *j = cached(NULL, JIT_CACHE_MISS);
    ck_assert_ptr_nonnull(strstr(errors(), "planc: warning: ignoring cache entry '"));
    ck_assert_ptr_nonnull(strstr(errors(), "(damaged: its checksum does not match); recompiling [-Wcache]\n"));
    reset_errors();
    check_engine(j, NV * NV);
    check_engine(cached(NULL, JIT_CACHE_HIT), NV * NV);
}
END_TEST

/* jit_cached (planc run --engine auto) takes the code from the cache or
 * nothing: a miss compiles and stores nothing; once the code is compiled,
 * it is a hit that computes the same; a damaged entry is warned about
 * without the promise to recompile; without a cache directory it is
 * NULL. */
START_TEST(cache_only)
{
    threshold_targets(2);
    jit_options o = {.cache_dir = cache_dir, .source = "v", .source_len = 1};
    ck_assert_ptr_null(jit_cached(&P, &o, errf));
    ck_assert_int_eq(cache_entries(NULL), 0);
    ck_assert_str_eq(errors(), "");
    jit_dispose(cached("v", JIT_CACHE_MISS));
    jit_engine *j = jit_cached(&P, &o, errf);
    ck_assert_msg(j != NULL, "%s", errors());
    ck_assert_int_eq(jit_get_timings(j).cache_state, JIT_CACHE_HIT);
    check_engine(j, NV * NV);
    char path[512];
    ck_assert_int_eq(cache_entries(path), 1);
    damage(path);
    ck_assert_ptr_null(jit_cached(&P, &o, errf));
    ck_assert_ptr_nonnull(strstr(errors(), "(damaged: its checksum does not match) [-Wcache]\n"));
    reset_errors();
    ck_assert_ptr_null(jit_cached(&P, &(jit_options){0}, errf));
    ck_assert_ptr_null(jit_cached(&P, NULL, errf));
    ck_assert_str_eq(errors(), "");
}
END_TEST

/* A sound entry whose payload is not objects (written by hand under the
 * right key) is a warning and a compilation, not a crash. */
START_TEST(cache_unparsable_payload)
{
    threshold_targets(1);
    jit_dispose(cached(NULL, JIT_CACHE_MISS));
    cache_key k = entry_key();
    cache *c = cache_open(cache_dir, errf, LBL_EN);
    ck_assert_int_eq(cache_put(c, &k, "PLANCOBJ\x01\x00\x00\x00\xff\xff", 14), 0);
    cache_close(c);
    jit_engine *j = cached(NULL, JIT_CACHE_MISS);
    ck_assert_ptr_nonnull(strstr(errors(), "(its code does not parse); recompiling [-Wcache]\n"));
    reset_errors();
    check_engine(j, NV * 3);
    check_engine(cached(NULL, JIT_CACHE_HIT), NV * 3);
}
END_TEST

/* A cache directory that cannot be made is a warning and no cache. */
START_TEST(cache_unusable)
{
    threshold_targets(1);
    char file[128];
    snprintf(file, sizeof file, "%s/file", cache_dir);
    FILE *f = fopen(file, "w");
    fclose(f);
    jit_options o = {.cache_dir = file};
    jit_engine *j = jit_create_opts(&P, &o, errf);
    ck_assert_ptr_nonnull(j);
    ck_assert_int_eq(jit_get_timings(j).cache_state, JIT_CACHE_OFF);
    ck_assert_ptr_nonnull(strstr(errors(), "planc: warning: cannot use the cache directory '"));
    ck_assert_int_eq(jit_dispose(j), 0);
}
END_TEST

static Suite *jit_suite(void)
{
    Suite *s = suite_create("jit");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, every_op);
    tcase_add_test(tc, chains_of_temporaries);
    tcase_add_test(tc, known_values);
    tcase_add_test(tc, dec15_values);
    tcase_add_test(tc, row_ranges);
    tcase_add_test(tc, segments_and_barriers);
    tcase_add_test(tc, threads);
    tcase_add_test(tc, concurrent_lookups);
    tcase_add_test(tc, vectorised);
    tcase_add_test(tc, threshold_results);
    tcase_add_test(tc, many_targets);
    tcase_add_test(tc, library_calls);
    tcase_add_test(tc, lookup_error);
    tcase_add_test(tc, malformed_program);
    tcase_add_test(tc, timings);
    tcase_add_test(tc, create_and_dispose);
    tcase_add_test(tc, parallel_parts);
    tcase_add_test(tc, widths);
    tcase_add_test(tc, estimate);
    tcase_add_test(tc, big_short_range);
    suite_add_tcase(s, tc);
    TCase *tcc = tcase_create("cache");
    tcase_add_checked_fixture(tcc, cache_setup, cache_teardown);
    tcase_set_timeout(tcc, 60);
    tcase_add_test(tcc, cache_hit_and_miss);
    tcase_add_test(tcc, cache_shared_object);
    tcase_add_test(tcc, cache_two_libraries);
    tcase_add_test(tcc, cache_objects_without_cc);
    tcase_add_test(tcc, cache_shared_object_does_not_load);
    tcase_add_test(tcc, cache_objects_do_not_link);
    tcase_add_test(tcc, cache_damaged_entry);
    tcase_add_test(tcc, cache_only);
    tcase_add_test(tcc, cache_unparsable_payload);
    tcase_add_test(tcc, cache_unusable);
    suite_add_tcase(s, tcc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(jit_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
