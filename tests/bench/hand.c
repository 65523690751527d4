/* hand.c — the generated rules scored by hand-written C (see hand.h).
 *
 * Statuses are the ir_status codes (0 not_applicable, 1 missing, 2 failed,
 * 3 lagging, 4 on_track, 5 met) stored as doubles, like planc's columns.
 * Every loop body is branch-free: comparisons and ?: on doubles, which gcc
 * turns into vector compares and blends. */
#include "hand.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { ST_NA = 0, ST_MISSING = 1, ST_FAILED = 2, ST_LAGGING = 3, ST_ON_TRACK = 4, ST_MET = 5 };

bool hand_writes_goal(const gen_spec *s, uint32_t i, bool full)
{
    return full || s->targets[i].kind == GEN_MILESTONES;
}

bool hand_writes_expected(const gen_spec *s, uint32_t i, bool full)
{
    gen_kind k = s->targets[i].kind;
    return full || k == GEN_THRESHOLD || k == GEN_MILESTONES;
}

bool hand_needs_base(const gen_spec *s, uint32_t j)
{
    for (uint32_t i = 0; i < s->ntargets; i++)
        if (s->targets[i].ind == j &&
            (s->targets[i].kind == GEN_THRESHOLD || s->targets[i].kind == GEN_MILESTONES))
            return true;
    return false;
}

bool hand_needs_prev(const gen_spec *s, uint32_t j)
{
    for (uint32_t i = 0; i < s->ntargets; i++)
        if (s->targets[i].ind == j && s->targets[i].kind == GEN_TREND)
            return true;
    return false;
}

bool hand_needs_scope(const gen_spec *s)
{
    for (uint32_t i = 0; i < s->ntargets; i++)
        if (s->targets[i].scoped)
            return true;
    return false;
}

/* The only target of measure m, or -1 when it has several: the mean of one
 * score is that score, so such a measure's column is its target's.  Not
 * for a red line: it is judged in the baseline year, where measures are
 * not (LANGUAGE.md §8), so its measure needs a column of its own. */
static long only_target(const gen_spec *s, uint32_t m)
{
    long only = -1;
    for (uint32_t i = 0; i < s->ntargets; i++)
        if (s->targets[i].measure == m) {
            if (only >= 0)
                return -1;
            only = i;
        }
    return only >= 0 && s->targets[only].kind == GEN_REDLINE ? -1 : only;
}

/* The only measure of section k, or -1 when it has several. */
static long only_measure(const gen_spec *s, uint32_t k)
{
    long only = -1;
    for (uint32_t m = 0; m < s->nmeasures; m++)
        if (s->measures[m].section == k) {
            if (only >= 0)
                return -1;
            only = m;
        }
    return only;
}

/* Carves the next column of n doubles (rounded up to a 64-byte line) out
 * of *at. */
static double *carve(double **at, size_t stride)
{
    double *p = *at;
    *at += stride;
    return p;
}

/* The number of columns of its own the variant writes. */
static size_t own_columns(const gen_spec *s, bool full)
{
    size_t ncol = 0;
    for (uint32_t i = 0; i < s->ntargets; i++)
        ncol += 2 + hand_writes_goal(s, i, full) + hand_writes_expected(s, i, full) + full;
    if (s->assessment) {
        for (uint32_t m = 0; m < s->nmeasures; m++)
            ncol += only_target(s, m) < 0;
        for (uint32_t k = 0; k < s->nsections; k++)
            ncol += only_measure(s, k) < 0;
        ncol += (s->nsections != 1) + 2;
    }
    return ncol;
}

bool hand_outputs_alloc(hand_outputs *o, const gen_spec *s, size_t n, bool full)
{
    memset(o, 0, sizeof *o);
    size_t stride = (n + 7) & ~(size_t)7, ncol = own_columns(s, full);
    o->mem = aligned_alloc(64, (ncol ? ncol : 1) * stride * sizeof(double));
    o->status = calloc(s->ntargets, sizeof(double *));
    o->score = calloc(s->ntargets, sizeof(double *));
    o->goal = calloc(s->ntargets, sizeof(double *));
    o->expected = calloc(s->ntargets, sizeof(double *));
    o->value = calloc(s->ntargets, sizeof(double *));
    o->measure = calloc(s->nmeasures, sizeof(double *));
    o->section = calloc(s->nsections, sizeof(double *));
    if (!o->mem || !o->status || !o->score || !o->goal || !o->expected || !o->value ||
        !o->measure || !o->section) {
        hand_outputs_free(o);
        return false;
    }
    /* touched now, so that timed runs do not take page faults */
    memset(o->mem, 0, (ncol ? ncol : 1) * stride * sizeof(double));
    double *at = o->mem;
    for (uint32_t i = 0; i < s->ntargets; i++) {
        o->status[i] = carve(&at, stride);
        o->score[i] = carve(&at, stride);
        if (hand_writes_goal(s, i, full))
            o->goal[i] = carve(&at, stride);
        if (hand_writes_expected(s, i, full))
            o->expected[i] = carve(&at, stride);
        if (full)
            o->value[i] = carve(&at, stride);
    }
    if (!s->assessment)
        return true;
    for (uint32_t m = 0; m < s->nmeasures; m++) {
        long t = only_target(s, m);
        o->measure[m] = t >= 0 ? o->score[t] : carve(&at, stride);
    }
    for (uint32_t k = 0; k < s->nsections; k++) {
        long m = only_measure(s, k);
        o->section[k] = m >= 0 ? o->measure[m] : carve(&at, stride);
    }
    o->total = s->nsections == 1 ? o->section[0] : carve(&at, stride);
    o->veto = carve(&at, stride);
    o->grade = carve(&at, stride);
    return true;
}

void hand_outputs_free(hand_outputs *o)
{
    free(o->status);
    free(o->score);
    free(o->goal);
    free(o->expected);
    free(o->value);
    free(o->measure);
    free(o->section);
    free(o->mem);
    memset(o, 0, sizeof *o);
}

/* The progress score 100 * clamp((v - b) / (g - b), 0, 1), 0 when that is
 * undefined (g == b, or b missing) or when the baseline b already met the
 * goal (bmet): a value that no longer meets it has lost ground. */
static inline double progress(double v, double b, double g, bool bmet)
{
    double d = g - b;
    double q = (v - b) / d;
    double m = 0 > q ? 0 : q;
    m = 1 < m ? 1 : m;
    double pr = 100 * m;
    pr = pr != pr ? 0 : pr;
    pr = bmet ? 0 : pr;
    return d == 0 ? 0 : pr;
}

/* The status of a target with a deadline: met, failed after the deadline,
 * else on the trajectory e or not (missing when e is).  Written as a chain
 * of selects, innermost case first, so that gcc if-converts it. */
static inline double deadline_status(bool app, double v, bool met, bool past, double e, bool track)
{
    double s = track ? ST_ON_TRACK : ST_LAGGING;
    s = e != e ? ST_MISSING : s;
    s = past ? ST_FAILED : s;
    s = met ? ST_MET : s;
    s = v != v ? ST_MISSING : s;
    return app ? s : ST_NA;
}

/* Whether a row is scored: from the first year y0 (after it, for the
 * targets judged on the way from it: goals with a deadline and trends),
 * and in the scope when the target has one.  `scoped` is a
 * constant at every call, so S is only read when it exists. */
static inline bool applicable(double y, double y0, bool after, const double *S, size_t k, bool scoped)
{
    bool app = after ? y > y0 : y >= y0;
    if (scoped)
        app = app & (S[k] != 0);
    return app;
}

/* A threshold `v >= G by D` (`<=` when !hi) over n rows.  The flags are
 * compile-time constants at each call, so every variant is its own loop. */
static inline __attribute__((always_inline)) void
threshold(const gen_spec *s, const gen_target *t, const double *restrict Y,
          const double *restrict S, const double *restrict V, const double *restrict B,
          double *restrict st, double *restrict sc, double *restrict ex,
          double *restrict go, double *restrict va, size_t n, bool hi, bool scoped, bool full)
{
    const double y0 = s->baseline, G = (double)t->goal_h[0] / 100.0, D = t->deadline[0];
    const double span = D - y0;
    for (size_t k = 0; k < n; k++) {
        double y = Y[k], v = V[k], b = B[k];
        bool app = applicable(y, y0, true, S, k, scoped);
        double e = b + (G - b) * (y - y0) / span;
        bool past = y >= D;
        bool met = hi ? v >= G : v <= G;
        /* e's own rounding allowed (docs/LANGUAGE.md §9 rule 5); a
         * plain max rather than fmax, which gcc does not vectorise */
        double ab = fabs(b), aG = fabs(G);
        double slack = 0x1p-49 * (ab > aG ? ab : aG);
        bool track = hi ? v >= e - slack : v <= e + slack;
        double status = deadline_status(app, v, met, past, e, track);
        st[k] = status;
        double pr = progress(v, b, G, hi ? b >= G : b <= G);
        double score = met ? 100 : pr;
        sc[k] = status > ST_MISSING ? score : NAN;
        ex[k] = past ? G : e;
        if (full) {
            go[k] = G;
            va[k] = v;
        }
    }
}

/* Milestones `v >= G0 by D0, >= G1 by D1`: the current milestone is the
 * first whose deadline is not past; its trajectory starts at (y0, base)
 * for the first, at the previous milestone for the second. */
static inline __attribute__((always_inline)) void
milestones(const gen_spec *s, const gen_target *t, const double *restrict Y,
           const double *restrict S, const double *restrict V, const double *restrict B,
           double *restrict st, double *restrict sc, double *restrict ex,
           double *restrict go, double *restrict va, size_t n, bool hi, bool scoped, bool full)
{
    const double y0 = s->baseline;
    const double G0 = (double)t->goal_h[0] / 100.0, G1 = (double)t->goal_h[1] / 100.0;
    const double D0 = t->deadline[0], D1 = t->deadline[1];
    for (size_t k = 0; k < n; k++) {
        double y = Y[k], v = V[k], b = B[k];
        bool app = applicable(y, y0, true, S, k, scoped);
        bool first = y <= D0;
        double g = first ? G0 : G1, dl = first ? D0 : D1;
        double ys = first ? y0 : D0, bs = first ? b : G0;
        double e = bs + (g - bs) * (y - ys) / (dl - ys);
        bool past = y >= dl;
        bool met = hi ? v >= g : v <= g;
        double abs_ = fabs(bs), ag = fabs(g);
        double slack = 0x1p-49 * (abs_ > ag ? abs_ : ag);
        bool track = hi ? v >= e - slack : v <= e + slack;
        double status = deadline_status(app, v, met, past, e, track);
        st[k] = status;
        double pr = progress(v, b, g, hi ? b >= g : b <= g);
        double score = met ? 100 : pr;
        sc[k] = status > ST_MISSING ? score : NAN;
        ex[k] = past ? g : e;
        go[k] = g;
        if (full)
            va[k] = v;
    }
}

/* A red line `v >= G` every year from the baseline. */
static inline __attribute__((always_inline)) void
redline(const gen_spec *s, const gen_target *t, const double *restrict Y,
        const double *restrict S, const double *restrict V,
        double *restrict st, double *restrict sc, double *restrict ex,
        double *restrict go, double *restrict va, size_t n, bool hi, bool scoped, bool full)
{
    const double y0 = s->baseline, G = (double)t->goal_h[0] / 100.0;
    for (size_t k = 0; k < n; k++) {
        double y = Y[k], v = V[k];
        bool app = applicable(y, y0, false, S, k, scoped);
        bool met = hi ? v >= G : v <= G;
        double status = met ? ST_MET : ST_FAILED;
        status = v != v ? ST_MISSING : status;
        status = app ? status : ST_NA;
        st[k] = status;
        double score = met ? 100 : 0;
        sc[k] = status > ST_MISSING ? score : NAN;
        if (full) {
            ex[k] = G;
            go[k] = G;
            va[k] = v;
        }
    }
}

/* `v rises every year` (hi) / `v falls every year`, after the baseline. */
static inline __attribute__((always_inline)) void
trend(const gen_spec *s, const double *restrict Y, const double *restrict S,
      const double *restrict V, const double *restrict P,
      double *restrict st, double *restrict sc, double *restrict ex,
      double *restrict go, double *restrict va, size_t n, bool hi, bool scoped, bool full)
{
    const double y0 = s->baseline;
    for (size_t k = 0; k < n; k++) {
        double y = Y[k], v = V[k], p = P[k];
        bool app = applicable(y, y0, true, S, k, scoped);
        bool met = hi ? v > p : v < p;
        double status = met ? ST_MET : ST_FAILED;
        status = (v != v) | (p != p) ? ST_MISSING : status;
        status = app ? status : ST_NA;
        st[k] = status;
        double score = met ? 100 : 0;
        sc[k] = status > ST_MISSING ? score : NAN;
        if (full) {
            ex[k] = NAN;
            go[k] = p;
            va[k] = v;
        }
    }
}

/* Calls kernel F with every combination of the direction and scope flags
 * as constants (one specialised loop each); `full` is a run-wide constant. */
#define DISPATCH(F, hi, scoped, full, ...)                                   \
    do {                                                                     \
        if (full) {                                                          \
            if (hi) { if (scoped) F(__VA_ARGS__, true, true, true);          \
                      else F(__VA_ARGS__, true, false, true); }              \
            else    { if (scoped) F(__VA_ARGS__, false, true, true);         \
                      else F(__VA_ARGS__, false, false, true); }             \
        } else {                                                             \
            if (hi) { if (scoped) F(__VA_ARGS__, true, true, false);         \
                      else F(__VA_ARGS__, true, false, false); }             \
            else    { if (scoped) F(__VA_ARGS__, false, true, false);        \
                      else F(__VA_ARGS__, false, false, false); }            \
        }                                                                    \
    } while (0)

/* Target i over rows [lo, lo + n). */
static void run_target(const gen_spec *s, uint32_t i, const hand_inputs *in,
                       const hand_outputs *o, size_t lo, size_t n, bool full, double *scratch)
{
    const gen_target *t = &s->targets[i];
    bool hi = s->ind[t->ind].higher, scoped = t->scoped;
    const double *Y = in->year + lo, *V = in->v[t->ind] + lo;
    const double *S = scoped ? in->scope + lo : NULL;
    double *st = o->status[i] + lo, *sc = o->score[i] + lo;
    /* columns this variant does not keep go to a scratch block */
    double *ex = o->expected[i] ? o->expected[i] + lo : scratch;
    double *go = o->goal[i] ? o->goal[i] + lo : scratch;
    double *va = full ? o->value[i] + lo : scratch;
    switch (t->kind) {
    case GEN_THRESHOLD:
        DISPATCH(threshold, hi, scoped, full, s, t, Y, S, V, in->base[t->ind] + lo, st, sc, ex, go, va, n);
        break;
    case GEN_MILESTONES:
        DISPATCH(milestones, hi, scoped, full, s, t, Y, S, V, in->base[t->ind] + lo, st, sc, ex, go, va, n);
        break;
    case GEN_REDLINE:
        DISPATCH(redline, hi, scoped, full, s, t, Y, S, V, st, sc, ex, go, va, n);
        break;
    case GEN_TREND:
        DISPATCH(trend, hi, scoped, full, s, Y, S, V, in->prev[t->ind] + lo, st, sc, ex, go, va, n);
        break;
    }
}

/* Adds the weighted score column x (weight w) to the block sums:
 * a missing score counts neither in the sum nor in the weight. */
static void accumulate(double *restrict num, double *restrict den, const double *restrict x,
                       double w, size_t n, bool first)
{
    for (size_t k = 0; k < n; k++) {
        double v = x[k];
        double a = (v != v ? 0 : v) * w, c = v != v ? 0 : w;
        num[k] = first ? a : num[k] + a;
        den[k] = first ? c : den[k] + c;
    }
}

/* out = num / den, missing when no score counted or in the plan's
 * baseline year y0 and before (the assessment grades the years after it). */
static void mean(double *restrict out, const double *restrict num, const double *restrict den,
                 const double *restrict Y, double y0, size_t n)
{
    for (size_t k = 0; k < n; k++)
        out[k] = den[k] == 0 || Y[k] <= y0 ? NAN : num[k] / den[k];
}

/* The targets of each measure, in declaration order, and which sections
 * have a single measure. */
typedef struct layout {
    uint32_t *start;        /* nmeasures + 1 offsets into idx */
    uint32_t *idx;
    bool *single_measure;   /* per section */
} layout;

static layout make_layout(const gen_spec *s)
{
    layout L = {calloc(s->nmeasures + 1, sizeof *L.start), calloc(s->ntargets + 1, sizeof *L.idx),
                calloc(s->nsections + 1, sizeof *L.single_measure)};
    for (uint32_t k = 0; k < s->nsections; k++)
        L.single_measure[k] = only_measure(s, k) >= 0;
    for (uint32_t i = 0; i < s->ntargets; i++)
        L.start[s->targets[i].measure + 1]++;
    for (uint32_t m = 0; m < s->nmeasures; m++)
        L.start[m + 1] += L.start[m];
    uint32_t *fill = calloc(s->nmeasures + 1, sizeof *fill);
    for (uint32_t i = 0; i < s->ntargets; i++) {
        uint32_t m = s->targets[i].measure;
        L.idx[L.start[m] + fill[m]++] = i;
    }
    free(fill);
    return L;
}

void hand_run(const gen_spec *s, const hand_inputs *in, const hand_outputs *o, bool full,
              size_t block)
{
    layout L = make_layout(s);
    double *num = malloc(3 * block * sizeof *num), *den = num + block, *scratch = den + block;
    for (size_t lo = 0; lo < in->n; lo += block) {
        size_t n = in->n - lo < block ? in->n - lo : block;
        for (uint32_t m = 0; m < s->nmeasures; m++) {
            for (uint32_t j = L.start[m]; j < L.start[m + 1]; j++)
                run_target(s, L.idx[j], in, o, lo, n, full, scratch);
            /* a measure of one target is that target's column (only_target) */
            if (!s->assessment || only_target(s, m) >= 0)
                continue;
            for (uint32_t j = L.start[m]; j < L.start[m + 1]; j++) {
                uint32_t i = L.idx[j];
                accumulate(num, den, o->score[i] + lo, (double)s->targets[i].weight_h / 100.0,
                           n, j == L.start[m]);
            }
            mean(o->measure[m] + lo, num, den, in->year + lo, s->baseline, n);
        }
        if (!s->assessment)
            continue;
        /* sections, then the total (one of a single item is that item's column) */
        for (uint32_t k = 0; k < s->nsections; k++) {
            if (L.single_measure[k])
                continue;
            bool first = true;
            for (uint32_t m = 0; m < s->nmeasures; m++)
                if (s->measures[m].section == k) {
                    accumulate(num, den, o->measure[m] + lo, s->measures[m].weight, n, first);
                    first = false;
                }
            mean(o->section[k] + lo, num, den, in->year + lo, s->baseline, n);
        }
        double *tot = o->total + lo, *veto = o->veto + lo, *grade = o->grade + lo;
        if (s->nsections > 1) {
            for (uint32_t k = 0; k < s->nsections; k++)
                accumulate(num, den, o->section[k] + lo, s->section_weight[k], n, k == 0);
            mean(tot, num, den, in->year + lo, s->baseline, n);
        }
        for (size_t k = 0; k < n; k++)
            veto[k] = 0;
        for (uint32_t i = 0; i < s->ntargets; i++) {
            if (s->targets[i].kind != GEN_REDLINE)
                continue;
            const double *st = o->status[i] + lo;
            for (size_t k = 0; k < n; k++)
                veto[k] = st[k] == ST_FAILED ? 1 : veto[k];
        }
        for (size_t k = 0; k < n; k++) {
            double t = tot[k];
            double g = t >= gen_band_min[0] ? 0 : t >= gen_band_min[1] ? 1 : t >= gen_band_min[2] ? 2 : 3;
            g = veto[k] != 0 ? GEN_NBANDS - 1 : t != t ? NAN : g;
            grade[k] = in->year[lo + k] <= s->baseline ? NAN : g;   /* no grade in the baseline year */
        }
    }
    free(num);
    free(L.start);
    free(L.idx);
    free(L.single_measure);
}

size_t hand_bytes_per_row(const gen_spec *s, bool full)
{
    size_t cols = 1 + (hand_needs_scope(s) ? 1 : 0);
    for (uint32_t j = 0; j < s->nind; j++) {
        bool used = false;
        for (uint32_t i = 0; i < s->ntargets; i++)
            used = used || s->targets[i].ind == j;
        cols += used + hand_needs_base(s, j) + hand_needs_prev(s, j);
    }
    return (cols + own_columns(s, full)) * sizeof(double);
}
