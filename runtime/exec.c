/* exec.c — running a scoring program over a table (see exec.h).
 *
 * rt_run walks the program in step order: each segment is handed to the
 * engine in chunks of RT_CHUNK_ROWS rows, shared out among the run's
 * threads; each barrier (IR_PEAK, IR_SHARE, IR_PEER, IR_CUMSUM, IR_CUMMAX,
 * IR_SHIFT, IR_PARENT) is computed here, on the
 * calling thread, over whole columns using the table's (region, year)
 * order and index.  After the run, the `error` missing-data policy is
 * checked. */
#include "exec.h"

#include "arena.h"
#include "csv.h"
#include "msgcat.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "rtmem.h"

/* The materialized columns of one run, all in one block of memory. */
struct rt_result {
    size_t first;                   /* the table row of the columns' row 0 */
    size_t nrows;
    uint32_t nsteps;
    const ir_program *p;            /* what ran: constants and input slots */
    const double *const *inputs;    /* the input columns, from row `first` */
    double **cols;      /* nsteps entries, NULL for slots not materialized */
    void *block;        /* the columns */
    size_t block_size;
    bool mapped;        /* block is an mmap (else malloc'd) */
};

/* Blocks of at least this many bytes are mapped with huge pages advised. */
#define RT_MAP_MIN ((size_t)2 << 20)

/* ---- the plan ---- */

/* Marks slot s materialized if it exists; returns false if it does not. */
static bool mark(bool *m, const ir_program *p, uint32_t s)
{
    if (s >= p->nsteps)
        return false;
    m[s] = true;
    return true;
}

/* Marks every slot a report reads; false if one is out of range. */
static bool mark_outputs(bool *m, const ir_program *p)
{
    bool ok = true;
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *t = &p->targets[i];
        ok &= mark(m, p, t->status) && mark(m, p, t->value) && mark(m, p, t->goal) &&
              mark(m, p, t->expected) && mark(m, p, t->score);
        for (uint32_t c = 0; c < t->ncolumns; c++)
            ok &= t->columns[c] < p->ncolumns;
    }
    if (p->has_assessment) {
        for (uint32_t i = 0; i < p->nmeasures; i++)
            ok &= mark(m, p, p->measures[i].score) && p->measures[i].section < p->nsections;
        for (uint32_t i = 0; i < p->nsections; i++)
            ok &= mark(m, p, p->sections[i].score);
        ok &= mark(m, p, p->total) && mark(m, p, p->veto) && mark(m, p, p->grade);
    }
    return ok;
}

int exec_plan_make(const ir_program *p, exec_plan *out)
{
    memset(out, 0, sizeof *out);
    bool *m = rt_xcalloc(p->nsteps, sizeof *m);
    uint32_t *seg_of = rt_xmalloc(p->nsteps, sizeof *seg_of);
    exec_segment *segs = rt_xmalloc(p->nsteps, sizeof *segs);
    uint32_t nsegs = 0;
    bool ok = true;

    /* Segments: maximal runs of non-barrier steps. */
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        if ((unsigned)s->op >= IR_NOPS) {
            ok = false;
            break;
        }
        if (ir_is_barrier(s->op)) {
            seg_of[i] = UINT32_MAX;
            continue;
        }
        if (i == 0 || seg_of[i - 1] == UINT32_MAX)
            segs[nsegs++] = (exec_segment){i, i};
        segs[nsegs - 1].to = i + 1;
        seg_of[i] = nsegs - 1;
    }

    /* Operands must come before their step; barriers and values crossing
     * a segment boundary are materialized. */
    for (uint32_t i = 0; ok && i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int k = 0; k < ir_arity(s->op); k++) {
            if (ops[k] >= i) {
                ok = false;
                break;
            }
            if (seg_of[i] == UINT32_MAX || seg_of[ops[k]] != seg_of[i])
                m[ops[k]] = true;
        }
        if (seg_of[i] == UINT32_MAX)
            m[i] = true;
        if (s->op == IR_INPUT && s->aux >= p->ninputs)
            ok = false;
        if (s->op == IR_SHARE && (s->aux >= p->nlevels || !(s->imm >= IR_SHARE_PERCENT &&
                                  s->imm <= IR_SHARE_AVERAGE && s->imm == floor(s->imm))))
            ok = false;
        if (s->op == IR_PEER && s->aux > IR_PEER_AVERAGE)
            ok = false;
        if (s->op == IR_PARENT && s->aux != IR_PARENT_UP && s->aux >= p->nlevels)
            ok = false;
        if ((s->op == IR_CUMSUM || s->op == IR_CUMMAX) && (s->aux < 1 || s->aux > 9999 || s->imm != floor(s->imm) ||
                                   s->imm > 9999 || s->imm < -9999))
            ok = false;
        if (s->op == IR_SHIFT && !(s->imm == floor(s->imm) && s->imm <= 9999 && s->imm >= -9999))
            ok = false;
    }
    ok = ok && mark_outputs(m, p);
    /* Constants and inputs are read from the program and the table. */
    for (uint32_t i = 0; ok && i < p->nsteps; i++)
        if (p->steps[i].op == IR_CONST || p->steps[i].op == IR_INPUT)
            m[i] = false;
    free(seg_of);
    if (!ok) {
        free(m);
        free(segs);
        return -1;
    }
    out->segs = segs;
    out->nsegs = nsegs;
    out->materialized = m;
    return 0;
}

void exec_plan_free(exec_plan *pl)
{
    free(pl->segs);
    free(pl->materialized);
    memset(pl, 0, sizeof *pl);
}

/* ---- barriers ---- */

void rt_peak(const ir_program *p, const rt_table *t, const ir_step *s,
             const double *a, double *out)
{
    const long y0 = s->aux;
    const double tol = s->imm;
    size_t n = rt_table_nrows(t);
    /* Rows are sorted by region then year: one pass per region, carrying
     * the state of the series y0..y (complete so far, the first year of the
     * largest value, and whether every year after it rose by at most the
     * tolerance). */
    bool complete = false, stable = false;
    long last = 0, peak = 0;
    double max = 0, prev = 0;
    for (size_t r = 0; r < n; r++) {
        long y = rt_table_year(t, r);
        bool first = r == 0 || rt_table_region(t, r) != rt_table_region(t, r - 1);
        if (first)
            complete = false;
        double v = a[r];
        if (y < y0) {
            out[r] = NAN;
        } else {
            if (y == y0) {
                complete = !isnan(v);
                max = prev = v;
                peak = y;
                stable = true;
            } else if (complete && y == last + 1 && !isnan(v)) {
                if (v > max) {
                    max = v;
                    peak = y;
                    stable = true;
                } else if (!(v - prev <= tol * fabs(prev))) {
                    stable = false;
                }
                prev = v;
            } else {
                complete = false;
            }
            out[r] = !complete ? NAN : peak < y && stable ? 1.0 : 0.0;
        }
        last = y;
    }
}

void rt_up_init(ir_upwalk *w, const ir_program *p)
{
    size_t n = p->nregions ? p->nregions : 1;
    ir_up_init(w, p, rt_xcalloc(n, sizeof(uint32_t)), rt_xcalloc(n, sizeof(uint32_t)));
}

void rt_up_free(ir_upwalk *w)
{
    free(w->mark);
    free(w->stack);
}

double rt_mean_of(double sum, double scaled, double n)
{
    if (isinf(sum) && isfinite(scaled))
        return scaled / n * 0x1p40;
    return sum / n;
}

void rt_share(const ir_program *p, const rt_table *t, const ir_step *s,
              const double *a, double *out)
{
    const uint32_t level = s->aux;
    const ir_sharekind kind = (ir_sharekind)s->imm;
    size_t n = rt_table_nrows(t);
    /* How many regions at the level lie below each region (those with
     * none have no value). */
    uint32_t *below = rt_xcalloc(p->nregions, sizeof *below);
    ir_upwalk w;
    rt_up_init(&w, p);
    for (uint32_t d = 0; d < p->nregions; d++) {
        if (p->regions[d].level != level)
            continue;
        ir_up_start(&w, d);
        for (int32_t anc; (anc = ir_up_next(&w)) >= 0;)
            below[anc]++;
    }
    /* Each value of a region at the level counts towards the same year's
     * row of each region above it (its ancestors and groups), in row
     * order: acc is the number meeting the condition, the sum or the
     * extreme; cnt how many values were counted. */
    double *acc = rt_xcalloc(n, sizeof *acc), *cnt = rt_xcalloc(n, sizeof *cnt);
    double *sacc = kind == IR_SHARE_AVERAGE ? rt_xcalloc(n, sizeof *sacc) : NULL; /* rt_mean_of */
    for (size_t r = 0; r < n; r++) {
        uint32_t d = rt_table_region(t, r);
        double v = a[r];
        if (p->regions[d].level != level || isnan(v))
            continue;
        ir_up_start(&w, d);
        for (int32_t anc; (anc = ir_up_next(&w)) >= 0;) {
            long at = rt_table_find(t, (uint32_t)anc, rt_table_year(t, r));
            if (at < 0)
                continue;
            if (kind == IR_SHARE_PERCENT)
                acc[at] += v == 1.0;
            else if (kind == IR_SHARE_TOTAL || kind == IR_SHARE_AVERAGE)
                acc[at] += v;
            else if (cnt[at] == 0 || (kind == IR_SHARE_LOWEST ? v < acc[at] : v > acc[at]))
                acc[at] = v;
            if (sacc)
                sacc[at] += v * 0x1p-40;
            cnt[at] += 1;
        }
    }
    for (size_t r = 0; r < n; r++) {
        uint32_t want = below[rt_table_region(t, r)];
        double v = NAN;
        if (want > 0 && cnt[r] > 0) {
            switch (kind) {
            case IR_SHARE_PERCENT: v = 100.0 * acc[r] / cnt[r]; break;
            case IR_SHARE_TOTAL: v = cnt[r] == want ? acc[r] : NAN; break;
            case IR_SHARE_AVERAGE: v = rt_mean_of(acc[r], sacc[r], cnt[r]); break;
            case IR_SHARE_LOWEST: case IR_SHARE_HIGHEST: v = acc[r]; break;
            }
        }
        out[r] = v;
    }
    free(below);
    rt_up_free(&w);
    free(acc);
    free(sacc);
    free(cnt);
}

void rt_peer(const ir_program *p, const rt_table *t, const ir_step *s,
             const double *a, double *out)
{
    size_t n = rt_table_nrows(t);
    if (n == 0)
        return;
    /* One bucket per (level, year) over the table's years (1..9999, so
     * at most 9999 per level): the extreme or the sum and count of the
     * values that are not missing, in row order. */
    int ymin = rt_table_year(t, 0), ymax = ymin;
    for (size_t r = 1; r < n; r++) {
        int y = rt_table_year(t, r);
        ymin = y < ymin ? y : ymin;
        ymax = y > ymax ? y : ymax;
    }
    size_t span = (size_t)(ymax - ymin) + 1, nb = span * (p->nlevels ? p->nlevels : 1);
    double *acc = rt_xmalloc(nb, sizeof *acc), *cnt = rt_xcalloc(nb, sizeof *cnt);
    double *sacc = s->aux == IR_PEER_AVERAGE ? rt_xcalloc(nb, sizeof *sacc) : NULL; /* rt_mean_of */
    for (size_t b = 0; b < nb; b++)
        acc[b] = NAN;
    for (size_t r = 0; r < n; r++) {
        double v = a[r];
        if (isnan(v))
            continue;
        size_t b = p->regions[rt_table_region(t, r)].level * span + (size_t)(rt_table_year(t, r) - ymin);
        if (cnt[b] == 0)
            acc[b] = v;
        else if (s->aux == IR_PEER_LOWEST ? v < acc[b] : s->aux == IR_PEER_HIGHEST ? v > acc[b] : false)
            acc[b] = v;
        else if (s->aux == IR_PEER_AVERAGE)
            acc[b] += v;
        if (sacc)
            sacc[b] += v * 0x1p-40;
        cnt[b] += 1;
    }
    for (size_t r = 0; r < n; r++) {
        size_t b = p->regions[rt_table_region(t, r)].level * span + (size_t)(rt_table_year(t, r) - ymin);
        out[r] = cnt[b] == 0 ? NAN : sacc ? rt_mean_of(acc[b], sacc[b], cnt[b]) : acc[b];
    }
    free(acc);
    free(sacc);
    free(cnt);
}

void rt_cumsum(const ir_program *p, const rt_table *t, const ir_step *s,
               const double *a, double *out)
{
    (void)p;
    size_t n = rt_table_nrows(t);
    const long first = s->aux;
    /* IR_CUMMAX keeps the largest value instead of the sum, and has none
     * before the first year (ir.h) */
    const bool peak = s->op == IR_CUMMAX;
    const double before = peak ? NAN : 0;
    /* First each row's own S(r, y) (ir.h), then out = S at the shifted
     * year, found in the region's rows (sorted by year). */
    double *sum = rt_xmalloc(n ? n : 1, sizeof *sum);
    size_t lo = 0;
    while (lo < n) {
        uint32_t region = rt_table_region(t, lo);
        size_t hi = lo;
        while (hi < n && rt_table_region(t, hi) == region)
            hi++;
        bool complete = true;
        double acc = 0;
        long expect = first;
        for (size_t r = lo; r < hi; r++) {
            long y = rt_table_year(t, r);
            if (y < first) {
                sum[r] = y == first - 1 ? before : NAN;
                continue;
            }
            if (complete && (y != expect || isnan(a[r])))
                complete = false;
            if (complete) {
                if (!peak)
                    acc += a[r];
                else if (y == first || a[r] > acc)
                    acc = a[r];
                expect = y + 1;
            }
            sum[r] = complete ? acc : NAN;
        }
        for (size_t r = lo; r < hi; r++) {
            long at = s->imm >= 1 ? (long)s->imm : rt_table_year(t, r) + (long)s->imm;
            if (at == first - 1) {
                out[r] = before;
            } else if (at < first) {
                out[r] = NAN;
            } else {
                long row = rt_table_find(t, region, at);
                out[r] = row < 0 ? NAN : sum[row];
            }
        }
        lo = hi;
    }
    free(sum);
}

void rt_shift(const ir_program *p, const rt_table *t, const ir_step *s,
              const double *a, double *out)
{
    (void)p;
    size_t n = rt_table_nrows(t);
    /* The same (region, year) index as a shifted input's (table.c
     * fill_input): one look-up per row. */
    for (size_t r = 0; r < n; r++) {
        long at = s->imm >= 1 ? (long)s->imm : rt_table_year(t, r) + (long)s->imm;
        long row = rt_table_find(t, rt_table_region(t, r), at);
        out[r] = row < 0 ? NAN : a[row];
    }
}

void rt_parent(const ir_program *p, const rt_table *t, const ir_step *s,
               const double *a, double *out)
{
    size_t n = rt_table_nrows(t);
    /* The region above each region (a walk up its parents, once per
     * region), then its row in the row's year by the (region, year)
     * index. */
    int32_t *up = rt_xmalloc(p->nregions ? p->nregions : 1, sizeof *up);
    for (uint32_t g = 0; g < p->nregions; g++)
        up[g] = ir_region_above(p, g, s->aux);
    for (size_t r = 0; r < n; r++) {
        int32_t q = up[rt_table_region(t, r)];
        long row = q < 0 ? -1 : rt_table_find(t, (uint32_t)q, rt_table_year(t, r));
        out[r] = row < 0 ? NAN : a[row];
    }
    free(up);
}

/* ---- the missing-data policy ---- */

/* The end of every missing-data policy message. */
static const char policy_tail[] = "and the assessment's missing-data policy is 'error'";

/* Prints "FILE:LINE: error: " (without LINE for a row not from the file). */
static void error_at(FILE *err, const rt_table *t, size_t row)
{
    unsigned line = rt_table_line(t, row);
    if (line)
        csv_message(err, "%s:%u: error: ", rt_table_row_path(t, row), line);
    else
        csv_message(err, "%s: error: ", rt_table_path(t));
}

/* If target tg's data for `region` in year y is absent (no row, or a cell of
 * one of its columns missing), prints the policy error for the row being
 * scored (region, year) blaming it, and returns true. */
static bool blame_year(const ir_program *p, const rt_table *t, const ir_target *tg,
                       uint32_t region, int year, long y, FILE *err)
{
    const char *rname = p->regions[region].name;
    long at = rt_table_find(t, region, y);
    if (at < 0) {
        if (tg->ncolumns == 0)
            return false;
        csv_message(err, "%s: error: target '%s' has no value for %s %d (the data has no row for %s %ld) %s\n",
                rt_table_path(t), tg->name, rname, year, rname, y, msgcat_tr(policy_tail));
        return true;
    }
    for (uint32_t c = 0; c < tg->ncolumns; c++) {
        const char *col = p->columns[tg->columns[c]].name;
        if (!isnan(rt_table_column(t, tg->columns[c])[at]))
            continue;
        error_at(err, t, (size_t)at);
        if (y == year)
            csv_message(err, "target '%s' has no value for %s %d (column '%s') %s\n",
                    tg->name, rname, year, col, msgcat_tr(policy_tail));
        else
            csv_message(err, "target '%s' has no value for %s %d (column '%s' is missing in %ld) %s\n",
                    tg->name, rname, year, col, y, msgcat_tr(policy_tail));
        return true;
    }
    return false;
}

/* Tries blame_year for each year the target reads by name (`at(x, 2027)`,
 * a goal read in the deadline's year, `at(average(x), 2027)`), relative
 * to the row (`prev(x)` on the baseline's row) or sums (`cumulative(x, 2021)`, from
 * its first year to the one it is read in) that missing_error has not
 * tried (after the row's year, or before the baseline); true when one of
 * them is to blame (the message is printed). */
static bool blame_named_years(const ir_program *p, const rt_table *t, const ir_target *tg,
                              uint32_t region, int year, FILE *err)
{
    bool *seen = rt_xcalloc(p->nsteps + 1, sizeof *seen);
    uint32_t *stack = rt_xmalloc(p->nsteps + 1, sizeof *stack);
    size_t top = 0;
    bool blamed = false;
    stack[top++] = tg->status;
    seen[tg->status] = true;
    while (top && !blamed) {
        const ir_step *s = &p->steps[stack[--top]];
        if (s->op == IR_INPUT) {
            const ir_input *in = &p->inputs[s->aux];
            long y = in->shift.absolute ? in->shift.year : (long)year + in->shift.rel;
            if (in->kind == IR_IN_DATA && (y > year || y < tg->y0))
                blamed = blame_year(p, t, tg, region, year, y, err);
            continue;
        }
        if (s->op == IR_CUMSUM || s->op == IR_CUMMAX) {
            /* a sum or a peak is missing when one of its years is (ir.h) */
            long upto = s->imm >= 1 ? (long)s->imm : year + (long)s->imm;
            for (long y = s->aux; !blamed && y <= upto && y <= 9999; y++)
                if (y > year || y < tg->y0)
                    blamed = blame_year(p, t, tg, region, year, y, err);
        }
        if (s->op == IR_PARENT)
            continue; /* the parent's data, not the region's own */
        if (s->op == IR_SHIFT) {
            /* a barrier read in another year: the region's row that year */
            long y = s->imm >= 1 ? (long)s->imm : year + (long)s->imm;
            if (y > year || y < tg->y0)
                blamed = blame_year(p, t, tg, region, year, y, err);
        }
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int k = 0; k < ir_arity(s->op); k++)
            if (!seen[ops[k]]) {
                seen[ops[k]] = true;
                stack[top++] = ops[k];
            }
    }
    free(seen);
    free(stack);
    return blamed;
}

/* Prints the `error` policy's message for target tg on row `row`, naming
 * the data most likely to blame: a missing cell of one of the target's
 * columns in the row itself, else in the baseline year, else in a year
 * between them (trends and peaks read those). */
static void missing_error(const ir_program *p, const rt_table *t, const ir_target *tg,
                          size_t row, FILE *err)
{
    uint32_t region = rt_table_region(t, row);
    const char *rname = p->regions[region].name;
    int year = rt_table_year(t, row);

    uint32_t own;
    if (rt_table_line(t, row) == 0 && ir_target_reads_own(p, (uint32_t)(tg - p->targets), &own)) {
        /* A row added for a share target that also reads the region's own
         * data (its goal from the region's own column, say): that is what
         * is missing, not the regions below. */
        fprintf(err, msgcat_tr("%s: error: target '%s' has no value for %s %d (the data has no row for %s %d, "
                               "which planc added for the targets that read the regions below, and the target "
                               "reads %s's own column '%s') %s\n"),
                rt_table_path(t), tg->name, rname, year, rname, year, rname, p->columns[own].name,
                msgcat_tr(policy_tail));
        return;
    }
    if (rt_table_line(t, row) == 0 && tg->ncolumns) {
        /* A row added for a share target: its value comes from below. */
        csv_message(err, "%s: error: target '%s' has no value for %s %d (it is computed from the regions below it, and too few of them have a value in column '%s') %s\n",
                rt_table_path(t), tg->name, rname, year, p->columns[tg->columns[0]].name, msgcat_tr(policy_tail));
        return;
    }
    if (blame_year(p, t, tg, region, year, year, err))
        return;
    if (tg->y0 < year && blame_year(p, t, tg, region, year, tg->y0, err))
        return;
    for (long y = (long)year - 1; y > tg->y0; y--)
        if (blame_year(p, t, tg, region, year, y, err))
            return;
    if (blame_named_years(p, t, tg, region, year, err))
        return;
    error_at(err, t, row);
    csv_message(err, "target '%s' has no value for %s %d (it cannot be computed from the data) %s\n",
            tg->name, rname, year, msgcat_tr(policy_tail));
}

/* For each target, whether its status depends on an IR_SHARE step (a
 * share target); malloc'd. */
static bool *share_targets(const ir_program *p)
{
    bool *dep = rt_xcalloc(p->nsteps, sizeof *dep);
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        const uint32_t ops[3] = {s->a, s->b, s->c};
        dep[i] = s->op == IR_SHARE;
        for (int k = 0; k < ir_arity(s->op); k++)
            dep[i] = dep[i] || dep[ops[k]];
    }
    bool *shared = rt_xcalloc(p->ntargets, sizeof *shared);
    for (uint32_t i = 0; i < p->ntargets; i++)
        shared[i] = dep[p->targets[i].status];
    free(dep);
    return shared;
}

/* Under the `error` policy, reports the first row (in table order) where a
 * target is `missing`.  Returns false when there is one.  On a row added
 * for share targets (line 0) only share targets count: the others have no
 * data there by construction. */
static bool check_missing(const ir_program *p, const rt_table *t, const rt_result *res, FILE *err)
{
    if (!p->has_assessment || p->missing != IR_MISSING_ERROR)
        return true;
    bool *shared = share_targets(p);
    bool ok = true;
    for (size_t r = 0; ok && r < res->nrows; r++) {
        bool added = rt_table_line(t, r) == 0;
        for (uint32_t i = 0; ok && i < p->ntargets; i++) {
            const ir_target *tg = &p->targets[i];
            if (rt_result_value(res, tg->status, r) == IR_ST_MISSING && (!added || shared[i])) {
                missing_error(p, t, tg, r, err);
                ok = false;
            }
        }
    }
    free(shared);
    return ok;
}

/* The numbers of a target that the results write, checked for overflow:
 * its value, its goal (read from the data, it may be a formula) and its
 * expected value.  Scores are clamped, and the roll-ups are means of
 * scores. */
static const char *const overflow_what[] = {"value", "goal", "expected value"};

/* Number k (0..2, overflow_what) of target tg on a row, as the results
 * write it: the value on every row, the goal and the expected value only
 * on a row that is not not_applicable (the reports leave them empty
 * there: report_target_goal), so that a trajectory extrapolated to a year
 * before the baseline, or a goal computed for a region outside the
 * target's scope, is no error of a run that shows neither. */
static double overflow_number(const rt_result *r, const ir_target *tg, int k, size_t row)
{
    if (k > 0 && rt_result_value(r, tg->status, row) == IR_ST_NA)
        return NAN;
    return rt_result_value(r, k == 0 ? tg->value : k == 1 ? tg->goal : tg->expected, row);
}

/* Whether slot `slot` of r is infinite on some row of [lo, hi): a scan
 * of its column without branches (rt_result_value's cases: a materialized
 * column, a constant, an input). */
static bool slot_has_inf(const rt_result *r, uint32_t slot, size_t lo, size_t hi)
{
    if (slot >= r->nsteps)
        return false;
    const double *col = r->cols[slot];
    if (!col) {
        const ir_step *s = &r->p->steps[slot];
        if (s->op == IR_CONST)
            return isinf(s->imm);
        if (s->op != IR_INPUT)
            return false;
        col = r->inputs[s->aux];
    }
    size_t end = r->first + r->nrows;
    if (lo < r->first)
        lo = r->first;
    if (hi > end)
        hi = end;
    unsigned any = 0;
    for (size_t row = lo; row < hi; row++)
        any |= fabs(col[row - r->first]) == INFINITY;
    return any != 0;
}

long rt_first_overflow(const ir_program *p, const rt_result *r, size_t lo, size_t hi,
                       uint32_t *target)
{
    /* Mostly nothing overflows: each number's column is scanned first
     * (whatever the status, so a superset of the rows below), and only
     * an infinity sends the rows through the exact search, which asks
     * rt_result_value for six numbers of each row and target. */
    bool any = false;
    for (uint32_t i = 0; i < p->ntargets && !any; i++) {
        const ir_target *tg = &p->targets[i];
        any = slot_has_inf(r, tg->value, lo, hi) || slot_has_inf(r, tg->goal, lo, hi) ||
              slot_has_inf(r, tg->expected, lo, hi);
    }
    if (!any)
        return -1;
    for (size_t row = lo; row < hi; row++)
        for (uint32_t i = 0; i < p->ntargets; i++)
            for (int k = 0; k < 3; k++)
                if (isinf(overflow_number(r, &p->targets[i], k, row))) {
                    *target = i;
                    return (long)row;
                }
    return -1;
}

char *rt_overflow_reads(const ir_program *p, const uint32_t *cols, uint32_t ncols)
{
    size_t len = sizeof "the rules' numbers" + sizeof " and 4294967295 more";
    for (uint32_t c = 0; c < ncols && c < 3; c++)
        len += strlen(p->columns[cols[c]].name) + sizeof ", column ''" + 8; /* 、列“” in Chinese */
    char *s = rt_xmalloc(len, 1);
    size_t n = 0;
    if (ncols == 0)
        n += (size_t)snprintf(s + n, len - n, "%s", msgcat_tr("the rules' numbers"));
    for (uint32_t c = 0; c < ncols && c < 3; c++)
        n += (size_t)snprintf(s + n, len - n, msgcat_tr("%scolumn '%s'"), c ? msgcat_tr(", ") : "",
                              p->columns[cols[c]].name);
    if (ncols > 3)
        snprintf(s + n, len - n, msgcat_tr(" and %u more"), ncols - 3);
    return s;
}

void rt_overflow_error(const ir_program *p, const rt_table *t, const rt_result *r, size_t row,
                       uint32_t target, FILE *err)
{
    const ir_target *tg = &p->targets[target];
    int k = 0;
    while (k < 2 && !isinf(overflow_number(r, tg, k, row)))
        k++;
    error_at(err, t, row);
    /* the columns the overflowing number reads, not every column of the
     * target (a goal from the rules overflows with no column of the data) */
    arena a;
    arena_init(&a);
    ir_reads rd;
    ir_reads_init(&rd, &a, p);
    uint32_t slot = k == 0 ? tg->value : k == 1 ? tg->goal : tg->expected;
    uint32_t nc = ir_columns_read(&rd, p, &slot, 1);
    char *reads = rt_overflow_reads(p, rd.cols, nc);
    csv_message(err, "target '%s' for %s %d: its %s, computed from %s, overflows: it is beyond "
                 "±1.8e308, the largest number planc holds\n",
            tg->name, p->regions[rt_table_region(t, row)].name, rt_table_year(t, row),
            msgcat_tr(overflow_what[k]), reads);
    free(reads);
    arena_free(&a);
}

bool rt_check_overflow(const ir_program *p, const rt_table *t, const rt_result *r, FILE *err)
{
    uint32_t target;
    long row = rt_first_overflow(p, r, 0, rt_table_nrows(t), &target);
    if (row < 0)
        return false;
    rt_overflow_error(p, t, r, (size_t)row, target, err);
    return true;
}

/* ---- running ---- */

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The threads of one run and the segment they are working on.  The
 * calling thread works too; the `nworkers` other threads are started once
 * per run.  For each segment the caller sets it, bumps `generation` and
 * wakes the workers; everyone takes chunks (one atomic increment each, so
 * each chunk is computed exactly once) until none is left; the caller then
 * waits until every worker has finished its last chunk.  Between segments
 * only the caller runs (barrier steps read whole columns). */
typedef struct pool pool;

/* A thread of a pool: the caller is number 0. */
typedef struct pool_worker {
    pool *pl;
    unsigned index;
} pool_worker;

struct pool {
    const ir_program *p;
    const exec_engine *engine;
    const exec_frame *f;
    uint32_t seg;               /* the segment being run */
    /* Instead of running `seg`: what to do with chunk c, on thread `worker`
     * (rt_run_stream's rounds). */
    void (*task)(void *ctx, size_t c, unsigned worker);
    void *task_ctx;
    size_t nchunks;
    atomic_size_t next;         /* the next chunk to take */
    pthread_mutex_t lock;       /* guards generation, busy, done */
    pthread_cond_t work;        /* generation changed, or done */
    pthread_cond_t idle;        /* busy dropped to 0 */
    unsigned long generation;   /* segments handed out so far */
    unsigned busy;              /* workers still on the current segment */
    bool done;                  /* the workers must return */
    unsigned nworkers;
    pthread_t *tids;
    pool_worker *workers;       /* nworkers entries, numbered from 1 */
};

/* Computes chunks of the current segment (or task) until none is left. */
static void take_chunks(pool *pl, unsigned index)
{
    for (;;) {
        size_t c = atomic_fetch_add(&pl->next, 1);
        if (c >= pl->nchunks)
            return;
        if (pl->task) {
            pl->task(pl->task_ctx, c, index);
            continue;
        }
        size_t n = pl->f->nrows;
        size_t lo = c * RT_CHUNK_ROWS;
        size_t hi = n - lo < RT_CHUNK_ROWS ? n : lo + RT_CHUNK_ROWS;
        pl->engine->run_segment(pl->engine->self, pl->p, pl->seg, pl->f, lo, hi);
    }
}

/* A worker thread: waits for the next segment, takes chunks, reports that
 * it is idle; returns when the pool is stopped. */
static void *worker(void *arg)
{
    pool_worker *w = arg;
    pool *pl = w->pl;
    unsigned long seen = 0;
    pthread_mutex_lock(&pl->lock);
    for (;;) {
        while (pl->generation == seen && !pl->done)
            pthread_cond_wait(&pl->work, &pl->lock);
        if (pl->done)
            break;
        seen = pl->generation;
        pthread_mutex_unlock(&pl->lock);
        take_chunks(pl, w->index);
        pthread_mutex_lock(&pl->lock);
        if (--pl->busy == 0)
            pthread_cond_signal(&pl->idle);
    }
    pthread_mutex_unlock(&pl->lock);
    return NULL;
}

/* Starts up to `want` - 1 workers (the caller makes `want`).  A thread that
 * cannot be started is simply not used. */
static void pool_start(pool *pl, unsigned want)
{
    pthread_mutex_init(&pl->lock, NULL);
    pthread_cond_init(&pl->work, NULL);
    pthread_cond_init(&pl->idle, NULL);
    if (want <= 1)
        return;
    pl->tids = rt_xmalloc(want - 1, sizeof *pl->tids);
    pl->workers = rt_xmalloc(want - 1, sizeof *pl->workers);
    for (unsigned i = 0; i + 1 < want; i++)
        pl->workers[i] = (pool_worker){pl, i + 1};
    while (pl->nworkers + 1 < want &&
           pthread_create(&pl->tids[pl->nworkers], NULL, worker, &pl->workers[pl->nworkers]) == 0)
        pl->nworkers++;
}

/* Runs pl->nchunks chunks of the segment or task set in pl, on every
 * thread of the pool; returns when all are done. */
static void pool_go(pool *pl)
{
    atomic_store(&pl->next, 0);
    if (pl->nworkers) {
        pthread_mutex_lock(&pl->lock);
        pl->busy = pl->nworkers;
        pl->generation++;
        pthread_cond_broadcast(&pl->work);
        pthread_mutex_unlock(&pl->lock);
    }
    take_chunks(pl, 0);
    if (pl->nworkers) {
        pthread_mutex_lock(&pl->lock);
        while (pl->busy)
            pthread_cond_wait(&pl->idle, &pl->lock);
        pthread_mutex_unlock(&pl->lock);
    }
}

/* Runs segment `seg` over every row, on every thread of the pool. */
static void pool_run(pool *pl, uint32_t seg)
{
    pl->seg = seg;
    pl->nchunks = (pl->f->nrows + RT_CHUNK_ROWS - 1) / RT_CHUNK_ROWS;
    pool_go(pl);
}

/* Ends the workers and releases the pool. */
static void pool_stop(pool *pl)
{
    pthread_mutex_lock(&pl->lock);
    pl->done = true;
    pthread_cond_broadcast(&pl->work);
    pthread_mutex_unlock(&pl->lock);
    for (unsigned i = 0; i < pl->nworkers; i++)
        pthread_join(pl->tids[i], NULL);
    free(pl->tids);
    free(pl->workers);
    pthread_cond_destroy(&pl->idle);
    pthread_cond_destroy(&pl->work);
    pthread_mutex_destroy(&pl->lock);
}

/* Gives every materialized slot its column of res->nrows doubles, each
 * an odd number of 64-byte lines after the previous one (rt_col_stride:
 * no two neighbours start on the same line of a page), all in one
 * block (a page-aligned one when mapped).  A large block is
 * mapped with transparent huge pages advised: the columns are written
 * once each, and the first write of every 4 KiB page would otherwise cost
 * a page fault (most of a run's time on a virtual machine). */
static void alloc_columns(rt_result *res, const exec_plan *plan, uint32_t upto)
{
    size_t stride = rt_col_stride(res->nrows), ncols = 0;
    for (uint32_t i = 0; i < upto; i++)
        ncols += plan->materialized[i];
    if (stride && ncols > SIZE_MAX / sizeof(double) / stride)
        rt_xmalloc(ncols * sizeof(double), stride); /* reports the overflow and exits */
    size_t size = ncols * stride * sizeof(double);
    void *block = MAP_FAILED;
    if (size >= RT_MAP_MIN)
        block = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block != MAP_FAILED) {
        madvise(block, size, MADV_HUGEPAGE);
        res->mapped = true;
    } else {
        block = rt_xmalloc(size ? size : 1, 1);
    }
    res->block = block;
    res->block_size = size;
    double *at = block;
    for (uint32_t i = 0; i < upto; i++) {
        if (plan->materialized[i]) {
            res->cols[i] = at;
            at += stride;
        }
    }
}

/* A result of n rows for p, with columns for the materialized slots below
 * step `upto`. */
static rt_result *new_result(const ir_program *p, const rt_table *t, const exec_plan *plan,
                             uint32_t upto)
{
    rt_result *res = rt_xcalloc(1, sizeof *res);
    res->nrows = rt_table_nrows(t);
    res->nsteps = p->nsteps;
    res->p = p;
    res->inputs = rt_table_inputs(t);
    res->cols = rt_xcalloc(p->nsteps ? p->nsteps : 1, sizeof *res->cols);
    alloc_columns(res, plan, upto);
    return res;
}

static const double *operand_column(const rt_result *res, uint32_t a, double **filled);

/* Runs steps [0, upto) of p over whole columns of res (upto: the start of
 * a segment, or nsteps): segments on the pool's threads, barriers on the
 * calling thread; adds their times to tm. */
static void run_whole(pool *pl, const ir_program *p, const rt_table *t, const exec_plan *plan,
                      rt_result *res, uint32_t upto, rt_timings *tm)
{
    uint32_t i = 0, k = 0;
    while (i < upto) {
        double t0 = now_ms();
        if (k < plan->nsegs && plan->segs[k].from == i) {
            pool_run(pl, k);
            i = plan->segs[k++].to;
            tm->kernel += now_ms() - t0;
            continue;
        }
        const ir_step *s = &p->steps[i];
        double *filled = NULL;
        const double *a = operand_column(res, s->a, &filled);
        if (s->op == IR_PEAK)
            rt_peak(p, t, s, a, res->cols[i]);
        else if (s->op == IR_SHARE)
            rt_share(p, t, s, a, res->cols[i]);
        else if (s->op == IR_PEER)
            rt_peer(p, t, s, a, res->cols[i]);
        else if (s->op == IR_SHIFT)
            rt_shift(p, t, s, a, res->cols[i]);
        else if (s->op == IR_PARENT)
            rt_parent(p, t, s, a, res->cols[i]);
        else
            rt_cumsum(p, t, s, a, res->cols[i]);
        free(filled);
        i++;
        tm->barriers += now_ms() - t0;
    }
}

/* The column a barrier reads for operand `a`: its materialized column, the
 * table's input column, or (a constant) a column of that number made for
 * the barrier, which the caller frees through *filled. */
static const double *operand_column(const rt_result *res, uint32_t a, double **filled)
{
    if (res->cols[a] || res->p->steps[a].op != IR_CONST)
        return rt_result_column(res, a);
    double *c = rt_xmalloc(res->nrows ? res->nrows : 1, sizeof *c);
    for (size_t r = 0; r < res->nrows; r++)
        c[r] = res->p->steps[a].imm;
    *filled = c;
    return c;
}

unsigned rt_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (unsigned)n;
}

rt_result *rt_run(const ir_program *p, const rt_table *t, const exec_engine *engine, FILE *err)
{
    return rt_run_opts(p, t, engine, NULL, NULL, err);
}

rt_result *rt_run_opts(const ir_program *p, const rt_table *t, const exec_engine *engine,
                       const rt_options *opts, rt_timings *timings, FILE *err)
{
    rt_timings tm = {0};
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0) {
        csv_message(err, "planc: internal error: the scoring program is malformed\n");
        return NULL;
    }
    if (!engine)
        engine = interp_engine();
    size_t n = rt_table_nrows(t);
    rt_result *res = new_result(p, t, &plan, p->nsteps);

    exec_frame f = {
        .nrows = n,
        .inputs = rt_table_inputs(t),
        .cols = res->cols,
        .plan = &plan,
    };
    /* No more threads than chunks: a thread with nothing to do only costs. */
    size_t nchunks = (n + RT_CHUNK_ROWS - 1) / RT_CHUNK_ROWS;
    unsigned want = opts && opts->threads > 1 ? opts->threads : 1;
    if (want > nchunks)
        want = nchunks ? (unsigned)nchunks : 1;
    if (plan.nsegs == 0)
        want = 1;
    pool pl = {.p = p, .engine = engine, .f = &f};
    pool_start(&pl, want);
    tm.threads = pl.nworkers + 1;
    run_whole(&pl, p, t, &plan, res, p->nsteps, &tm);
    pool_stop(&pl);
    exec_plan_free(&plan);

    double t0 = now_ms();
    bool ok = check_missing(p, t, res, err);
    tm.check = now_ms() - t0;
    if (timings)
        *timings = tm;
    if (!ok) {
        rt_result_free(res);
        return NULL;
    }
    return res;
}

/* ---- streaming ---- */

bool rt_can_stream(const ir_program *p)
{
    return !(p->has_assessment && p->missing == IR_MISSING_ERROR);
}

/* Threads a run with these options asks for (at least 1). */
static unsigned want_threads(const rt_options *opts)
{
    return opts && opts->threads > 1 ? opts->threads : 1;
}

unsigned rt_stream_places(const rt_options *opts)
{
    return 2 * want_threads(opts);
}

/* What one scoring thread of a stream owns: its materialized columns for
 * one chunk, the input columns shifted to the chunk's first row, a result
 * over the chunk, and the time it spent scoring. */
typedef struct stream_thread {
    double **cols;              /* p->nsteps entries, NULL when not materialized */
    double *block;
    const double **inputs;      /* p->ninputs entries: the chunk's rows */
    double *inbuf;              /* p->ninputs buffers of `rows` values, for
                                   inputs the table computes on demand */
    rt_result view;
    double kernel_ms;
} stream_thread;

/* A stream being run: what rt_run_stream's task needs. */
typedef struct stream_run {
    const ir_program *p;
    const exec_engine *engine;
    const exec_plan *plan;
    const rt_stream *st;
    const rt_table *t;
    uint32_t seg;                /* the streamed segment, or UINT32_MAX: none */
    const rt_result *whole;      /* the columns of the steps before it */
    const uint32_t *wslots;      /* its materialized slots */
    uint32_t nwslots;
    size_t nrows, rows;          /* the table's rows; rows per chunk */
    size_t stride;               /* doubles between a thread's input buffers */
    size_t base;                 /* the round's first chunk */
    stream_thread *threads;
    atomic_int rc;               /* the first nonzero callback result */
} stream_run;

/* Rows per chunk of a stream: as many as RT_CHUNK_ROWS, fewer when the
 * materialized columns of steps [from, nsteps) for that many rows would
 * not fit in about 1 MiB (the chunk is consumed while it is in cache); a
 * multiple of 64 rows. */
static size_t stream_rows(const exec_plan *plan, uint32_t from, uint32_t nsteps)
{
    size_t ncols = 0, rows = RT_CHUNK_ROWS;
    for (uint32_t i = from; i < nsteps; i++)
        ncols += plan->materialized[i];
    while (rows > 64 && ncols * rows * sizeof(double) > ((size_t)1 << 20))
        rows /= 2;
    return rows;
}

/* Scores chunk `c` of the round on thread `worker` and hands it on. */
static void stream_task(void *ctx, size_t c, unsigned worker)
{
    stream_run *sr = ctx;
    if (atomic_load(&sr->rc) != 0)
        return;
    stream_thread *th = &sr->threads[worker];
    size_t lo = (sr->base + c) * sr->rows;
    size_t hi = sr->nrows - lo < sr->rows ? sr->nrows : lo + sr->rows;
    double t0 = now_ms();
    for (uint32_t k = 0; k < sr->p->ninputs; k++)
        th->inputs[k] = rt_table_input_rows(sr->t, k, lo, hi, th->inbuf + (size_t)k * sr->stride);
    /* The columns of the steps before the streamed segment, from the
     * chunk's first row: the chunk reads them as its own. */
    for (uint32_t k = 0; k < sr->nwslots; k++)
        th->cols[sr->wslots[k]] = sr->whole->cols[sr->wslots[k]] + lo;
    if (sr->seg != UINT32_MAX) {
        exec_frame f = {.nrows = hi - lo, .inputs = th->inputs, .cols = th->cols, .plan = sr->plan};
        sr->engine->run_segment(sr->engine->self, sr->p, sr->seg, &f, 0, hi - lo);
    }
    th->kernel_ms += now_ms() - t0;
    th->view.first = lo;
    th->view.nrows = hi - lo;
    int rc = sr->st->chunk(sr->st->ctx, &th->view, lo, hi, (unsigned)c);
    if (rc != 0) {
        int none = 0;
        atomic_compare_exchange_strong(&sr->rc, &none, rc);
    }
}

int rt_run_stream(const ir_program *p, const rt_table *t, const exec_engine *engine,
                  const rt_options *opts, const rt_stream *st, rt_timings *timings, FILE *err)
{
    exec_plan plan = {0};
    if (!rt_can_stream(p) || exec_plan_make(p, &plan) != 0) {
        exec_plan_free(&plan);
        csv_message(err, "planc: internal error: the scoring program cannot be streamed\n");
        return -1;
    }
    if (!engine)
        engine = interp_engine();
    /* The last segment, when the program ends with one, is streamed; the
     * steps before it (segments and barriers, which read whole columns)
     * run first over whole columns of the rows. */
    uint32_t seg = UINT32_MAX, upto = p->nsteps;
    if (plan.nsegs && plan.segs[plan.nsegs - 1].to == p->nsteps) {
        seg = plan.nsegs - 1;
        upto = plan.segs[seg].from;
    }
    size_t n = rt_table_nrows(t), rows = stream_rows(&plan, upto, p->nsteps);
    size_t nchunks = (n + rows - 1) / rows;
    unsigned want = want_threads(opts), places = rt_stream_places(opts);
    size_t most = nchunks > (n + RT_CHUNK_ROWS - 1) / RT_CHUNK_ROWS ? nchunks
                                                                  : (n + RT_CHUNK_ROWS - 1) / RT_CHUNK_ROWS;
    if (want > most)
        want = most ? (unsigned)most : 1;
    rt_timings tm = {0};

    /* The whole-column part, on a pool of its own frame. */
    rt_result *whole = NULL;
    uint32_t *wslots = rt_xmalloc(p->nsteps ? p->nsteps : 1, sizeof *wslots), nwslots = 0;
    exec_frame f = {.nrows = n, .plan = &plan};
    if (upto > 0) {
        whole = new_result(p, t, &plan, upto);
        f.inputs = whole->inputs;
        f.cols = whole->cols;
        for (uint32_t i = 0; i < upto; i++)
            if (plan.materialized[i])
                wslots[nwslots++] = i;
    }
    stream_run sr = {.p = p, .engine = engine, .plan = &plan, .st = st, .t = t, .seg = seg,
                     .whole = whole, .wslots = wslots, .nwslots = nwslots, .nrows = n, .rows = rows,
                     .stride = rt_col_stride(rows)};
    atomic_init(&sr.rc, 0);
    pool pl = {.p = p, .engine = engine, .f = &f, .task_ctx = &sr};
    pool_start(&pl, want);
    if (upto > 0)
        run_whole(&pl, p, t, &plan, whole, upto, &tm);
    double prefix = tm.kernel;

    /* Each thread's frame: the streamed segment's materialized columns,
     * `rows` rows each, and buffers for the inputs the table computes,
     * laid out rt_col_stride apart (rows is a power of two). */
    unsigned nthreads = pl.nworkers + 1;
    size_t stride = sr.stride, ncols = 0;
    for (uint32_t i = upto; i < p->nsteps; i++)
        ncols += plan.materialized[i];
    sr.threads = rt_xcalloc(nthreads, sizeof *sr.threads);
    for (unsigned w = 0; w < nthreads; w++) {
        stream_thread *th = &sr.threads[w];
        th->cols = rt_xcalloc(p->nsteps ? p->nsteps : 1, sizeof *th->cols);
        th->block = rt_xmalloc(ncols ? ncols : 1, stride * sizeof *th->block);
        th->inputs = rt_xmalloc(p->ninputs ? p->ninputs : 1, sizeof *th->inputs);
        th->inbuf = rt_xmalloc(p->ninputs ? p->ninputs : 1, stride * sizeof *th->inbuf);
        double *at = th->block;
        for (uint32_t i = upto; i < p->nsteps; i++) {
            if (plan.materialized[i]) {
                th->cols[i] = at;
                at += stride;
            }
        }
        th->view = (rt_result){.nsteps = p->nsteps, .p = p, .inputs = th->inputs, .cols = th->cols};
    }

    int rc = 0;
    pl.task = stream_task;
    double t0 = now_ms();
    for (size_t base = 0; rc == 0 && base < nchunks; base += places) {
        sr.base = base;
        pl.nchunks = nchunks - base < places ? nchunks - base : places;
        pool_go(&pl);
        rc = atomic_load(&sr.rc);
        for (size_t k = 0; rc == 0 && k < pl.nchunks; k++)
            rc = st->flush(st->ctx, (unsigned)k);
    }
    double wall = now_ms() - t0;
    pool_stop(&pl);

    double kernel = 0;
    for (unsigned w = 0; w < nthreads; w++) {
        kernel += sr.threads[w].kernel_ms;
        free(sr.threads[w].cols);
        free(sr.threads[w].block);
        free(sr.threads[w].inputs);
        free(sr.threads[w].inbuf);
    }
    free(sr.threads);
    free(wslots);
    rt_result_free(whole);
    exec_plan_free(&plan);
    if (timings) {
        /* The threads' scoring time as a share of the streaming's wall
         * time (the kernel and the consumer run interleaved), after the
         * whole-column part's. */
        kernel /= nthreads;
        *timings = (rt_timings){.kernel = prefix + (kernel < wall ? kernel : wall),
                                .barriers = tm.barriers, .threads = nthreads};
    }
    return rc;
}

void rt_result_free(rt_result *r)
{
    if (!r)
        return;
    if (r->mapped)
        munmap(r->block, r->block_size);
    else
        free(r->block);
    free(r->cols);
    free(r);
}

const double *rt_result_column(const rt_result *r, uint32_t slot)
{
    if (slot >= r->nsteps)
        return NULL;
    if (r->cols[slot])
        return r->cols[slot];
    const ir_step *s = &r->p->steps[slot];
    return s->op == IR_INPUT ? r->inputs[s->aux] : NULL;
}

double rt_result_value(const rt_result *r, uint32_t slot, size_t row)
{
    if (slot >= r->nsteps || row < r->first || row - r->first >= r->nrows)
        return NAN;
    if (r->cols[slot])
        return r->cols[slot][row - r->first];
    const ir_step *s = &r->p->steps[slot];
    if (s->op == IR_CONST)
        return s->imm;
    if (s->op == IR_INPUT)
        return r->inputs[s->aux][row - r->first];
    return NAN;
}
