/* interp.c — the reference interpreter: the oracle the JIT is tested
 * against, so it favours clarity over speed.
 *
 * A segment is run over its rows in blocks of INTERP_BLOCK rows.  Each step
 * of the segment is one loop over the block: a materialized slot is written
 * straight into its column, any other slot into the segment's per-block
 * buffer (one row of the buffer per step), allocated once per call.
 *
 * The semantics are exactly ir.h's.  Where ir.h leaves a choice, this file
 * decides it and the JIT must agree:
 *   IR_MIN a b   is  a < b ? a : b   (after the NaN check; so min(-0, +0)
 *   IR_MAX a b   is  a > b ? a : b    and min(+0, -0) both give b)
 *   IR_NEG a     is  -a (so NEG 0 is -0)
 *   truth        a value v is true when v != 0 */
#include "exec.h"

#include <math.h>
#include <stdlib.h>

#include "rtmem.h"

/* Rows per block, and the most doubles a segment's buffer may hold (a long
 * segment gets smaller blocks). */
enum { INTERP_BLOCK = 256, INTERP_MAX_BUFFER = 1 << 21 };

/* Where slot `s` lives for the block starting at row `start`: its column
 * when materialized, else its row of the block buffer.  A slot below the
 * segment that is not materialized is a constant or an input (exec.h):
 * such a constant has a row of the buffer after the segment's own (the
 * k-th of the list `ext` of interp_run_segment, filled before the first
 * block); an input is read from its table column. */
static double *slot_at(const ir_program *p, const exec_frame *f, const exec_segment *sg,
                       double *buf, size_t block, uint32_t s, size_t start,
                       const uint32_t *ext, uint32_t next)
{
    if (f->plan->materialized[s])
        return f->cols[s] + start;
    if (s >= sg->from)
        return buf + (size_t)(s - sg->from) * block;
    if (p->steps[s].op == IR_INPUT)
        return (double *)f->inputs[p->steps[s].aux] + start; /* read only */
    uint32_t k = 0;
    while (k + 1 < next && ext[k] != s)
        k++;
    return buf + (size_t)(sg->to - sg->from + k) * block;
}

/* 1.0 / 0.0 for a truth value. */
static double truth(bool b)
{
    return b ? 1.0 : 0.0;
}

/* Computes step `i` for the n rows of the block starting at `start`. */
static void run_step(const ir_program *p, const exec_frame *f, const exec_segment *sg,
                     double *buf, size_t block, uint32_t i, size_t start, size_t n,
                     const uint32_t *ext, uint32_t next)
{
    const ir_step *s = &p->steps[i];
    double *d = slot_at(p, f, sg, buf, block, i, start, ext, next);
    int arity = ir_arity(s->op);
    const double *a = arity >= 1 ? slot_at(p, f, sg, buf, block, s->a, start, ext, next) : NULL;
    const double *b = arity >= 2 ? slot_at(p, f, sg, buf, block, s->b, start, ext, next) : NULL;
    const double *c = arity >= 3 ? slot_at(p, f, sg, buf, block, s->c, start, ext, next) : NULL;

    switch (s->op) {
    case IR_CONST:
        for (size_t k = 0; k < n; k++)
            d[k] = s->imm;
        break;
    case IR_INPUT: {
        const double *in = f->inputs[s->aux] + start;
        for (size_t k = 0; k < n; k++)
            d[k] = in[k];
        break;
    }
    case IR_NEG:
        for (size_t k = 0; k < n; k++)
            d[k] = -a[k];
        break;
    case IR_ABS:
        for (size_t k = 0; k < n; k++)
            d[k] = fabs(a[k]);
        break;
    case IR_NOT:
        for (size_t k = 0; k < n; k++)
            d[k] = isnan(a[k]) ? NAN : truth(a[k] == 0);
        break;
    case IR_ISNA:
        for (size_t k = 0; k < n; k++)
            d[k] = truth(isnan(a[k]));
        break;
    case IR_ADD:
        for (size_t k = 0; k < n; k++)
            d[k] = a[k] + b[k];
        break;
    case IR_SUB:
        for (size_t k = 0; k < n; k++)
            d[k] = a[k] - b[k];
        break;
    case IR_MUL:
        for (size_t k = 0; k < n; k++)
            d[k] = a[k] * b[k];
        break;
    case IR_DIV:
        for (size_t k = 0; k < n; k++)
            d[k] = b[k] == 0 ? NAN : a[k] / b[k];
        break;
    case IR_MIN:
        for (size_t k = 0; k < n; k++)
            d[k] = isnan(a[k]) || isnan(b[k]) ? NAN : a[k] < b[k] ? a[k] : b[k];
        break;
    case IR_MAX:
        for (size_t k = 0; k < n; k++)
            d[k] = isnan(a[k]) || isnan(b[k]) ? NAN : a[k] > b[k] ? a[k] : b[k];
        break;
    case IR_LT: case IR_LE: case IR_GT: case IR_GE: case IR_EQ: case IR_NE:
        for (size_t k = 0; k < n; k++) {
            double x = a[k], y = b[k];
            if (isnan(x) || isnan(y)) {
                d[k] = NAN;
                continue;
            }
            bool r = s->op == IR_LT ? x < y : s->op == IR_LE ? x <= y :
                     s->op == IR_GT ? x > y : s->op == IR_GE ? x >= y :
                     s->op == IR_EQ ? x == y : x != y;
            d[k] = truth(r);
        }
        break;
    case IR_AND:
        for (size_t k = 0; k < n; k++)
            d[k] = isnan(a[k]) || isnan(b[k]) ? NAN : truth(a[k] != 0 && b[k] != 0);
        break;
    case IR_OR:
        for (size_t k = 0; k < n; k++)
            d[k] = isnan(a[k]) || isnan(b[k]) ? NAN : truth(a[k] != 0 || b[k] != 0);
        break;
    case IR_SELECT:
        for (size_t k = 0; k < n; k++)
            d[k] = isnan(a[k]) ? NAN : a[k] != 0 ? b[k] : c[k];
        break;
    case IR_COALESCE:
        for (size_t k = 0; k < n; k++)
            d[k] = isnan(a[k]) ? b[k] : a[k];
        break;
    case IR_DEC15:
        for (size_t k = 0; k < n; k++)
            d[k] = ir_decimal15(a[k]);
        break;
    case IR_PEAK: case IR_SHARE: case IR_PEER: case IR_CUMSUM: case IR_CUMMAX: case IR_SHIFT:
    case IR_PARENT:
    case IR_NOPS:
        /* Barriers are never inside a segment (exec_plan_make). */
        break;
    }
}

/* Runs segment `segment` for rows [lo, hi), block by block. */
static void interp_run_segment(void *self, const ir_program *p, uint32_t segment,
                               const exec_frame *f, size_t lo, size_t hi)
{
    const exec_segment *sg = &f->plan->segs[segment];
    size_t nsteps = sg->to - sg->from;
    /* The constants below the segment that it reads and that have no column. */
    uint32_t *ext = rt_xmalloc(3 * nsteps + 1, sizeof *ext), next = 0;
    for (uint32_t i = sg->from; i < sg->to; i++) {
        const ir_step *s = &p->steps[i];
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int k = 0; k < ir_arity(s->op); k++) {
            uint32_t o = ops[k];
            if (o >= sg->from || f->plan->materialized[o] || p->steps[o].op != IR_CONST)
                continue;
            uint32_t j = 0;
            while (j < next && ext[j] != o)
                j++;
            if (j == next)
                ext[next++] = o;
        }
    }
    /* No larger than the rows asked for: a few rows (a small file, the
     * last chunk) must not fault in a buffer sized for a full block. */
    size_t block = INTERP_BLOCK;
    while (block > 1 && (nsteps + next) * block > INTERP_MAX_BUFFER)
        block /= 2;
    while (block > 1 && block / 2 >= hi - lo)
        block /= 2;
    double *buf = rt_xmalloc((nsteps + next) * block, sizeof *buf);
    for (uint32_t k = 0; k < next; k++)
        for (size_t r = 0; r < block; r++)
            buf[(nsteps + k) * block + r] = p->steps[ext[k]].imm;
    for (size_t start = lo; start < hi; start += block) {
        size_t n = hi - start < block ? hi - start : block;
        for (uint32_t i = sg->from; i < sg->to; i++)
            run_step(p, f, sg, buf, block, i, start, n, ext, next);
    }
    free(ext);
    free(buf);
}

static const exec_engine interp = {
    .name = "interp",
    .self = NULL,
    .run_segment = interp_run_segment,
};

const exec_engine *interp_engine(void)
{
    return &interp;
}
