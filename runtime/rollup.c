/* rollup.c — per region, per agency and per target summaries of one year.
 *
 * Everything is read from the run's materialized result columns (each
 * target's status, value, goal and score; each measure's score; total, veto
 * and grade), for the rows of the chosen year.  The table is sorted by
 * region then year, so the rows of a year come in declaration order. */
#include "rollup.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "exec.h"
#include "report.h"
#include "report_style.h"
#include "rtmem.h"

/* Adds one status to c; NaN or out-of-range values (never produced by a
 * well-formed program) count as missing. */
static void count_status(rollup_counts *c, double st)
{
    int s = IR_ST_MISSING;
    if (!isnan(st) && st >= IR_ST_NA && st <= IR_ST_MET)
        s = (int)st;
    c->n[s]++;
    c->total++;
}

/* Adds every count of b to a. */
static void counts_add(rollup_counts *a, const rollup_counts *b)
{
    for (int s = 0; s <= IR_ST_MET; s++)
        a->n[s] += b->n[s];
    a->total += b->total;
}

/* qsort comparison of doubles, ascending (no NaN is sorted). */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double rollup_quantile(const double *sorted, uint32_t n, double q)
{
    if (n == 0)
        return NAN;
    double h = (double)(n - 1) * q;
    uint32_t lo = (uint32_t)floor(h);
    if (lo + 1 >= n)
        return sorted[n - 1];
    double a = sorted[lo], b = sorted[lo + 1], f = h - lo;
    /* the distance between two values of opposite signs near the largest
     * double overflows although every point between them is finite */
    if (isinf(b - a) && isfinite(a) && isfinite(b))
        return (1 - f) * a + f * b;
    return a + f * (b - a);
}

bool rollup_has_year(const rt_table *t, int year)
{
    size_t n = rt_table_nrows(t);
    for (size_t row = 0; row < n; row++)
        if (rt_table_year(t, row) == year)
            return true;
    return false;
}

/* A ranked entry of rollup_rank: not vetoed before vetoed, then the higher
 * total first; i breaks ties, so that the order is the same on every C
 * library. */
typedef struct rank_entry {
    bool vetoed;
    double total;
    uint32_t i;
} rank_entry;

/* qsort comparison of rank entries: the better first. */
static int cmp_rank(const void *pa, const void *pb)
{
    const rank_entry *a = pa, *b = pb;
    if (a->vetoed != b->vetoed)
        return a->vetoed ? 1 : -1;
    if (a->total != b->total)
        return a->total > b->total ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

void rollup_rank(const double *total, const bool *vetoed, uint32_t n, uint32_t *rank)
{
    /* Sorted, not compared pair by pair: a level may hold hundreds of
     * thousands of regions (counties, townships), where a quadratic rank
     * took hours.  A region's rank is one more than the regions strictly
     * better (equal totals share a rank: 1, 2, 2, 4). */
    rank_entry *e = rt_xmalloc(n ? n : 1, sizeof *e);
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (isnan(total[i]))
            rank[i] = 0;
        else
            e[m++] = (rank_entry){vetoed[i], total[i], i};
    }
    qsort(e, m, sizeof *e, cmp_rank);
    for (uint32_t k = 0; k < m; k++) {
        bool tie = k > 0 && e[k].vetoed == e[k - 1].vetoed && e[k].total == e[k - 1].total;
        rank[e[k].i] = tie ? rank[e[k - 1].i] : k + 1;
    }
    free(e);
}

/* An entry of the by_rank order: level, rank (unranked last), then
 * declaration order. */
typedef struct by_rank_entry {
    uint32_t level, rank, i;
} by_rank_entry;

/* qsort comparison of by_rank entries. */
static int cmp_by_rank(const void *pa, const void *pb)
{
    const by_rank_entry *a = pa, *b = pb;
    if (a->level != b->level)
        return a->level < b->level ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* qsort comparison of ints, ascending. */
static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int *rollup_table_years(const rt_table *t, uint32_t *nyears)
{
    size_t n = rt_table_nrows(t);
    int *ys = rt_xmalloc(n ? n : 1, sizeof *ys);
    for (size_t row = 0; row < n; row++)
        ys[row] = rt_table_year(t, row);
    qsort(ys, n, sizeof *ys, cmp_int);
    uint32_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || ys[k - 1] != ys[i])
            ys[k++] = ys[i];
    *nyears = k;
    return ys;
}

/* The roll-up's regions grouped by level: level lv's are
 * order[start[lv] .. start[lv + 1]), ascending (a counting sort; the
 * roll-ups of each level walked every region, levels x regions: a rules
 * file of 30,000 levels took 7.7 s where 0.2 s scored it).  Both
 * malloc'd. */
static void by_level(const rollup *ru, uint32_t nlevels, uint32_t **order, uint32_t **start)
{
    uint32_t *st = rt_xcalloc((size_t)nlevels + 2, sizeof *st);
    uint32_t *o = rt_xmalloc(ru->nregions ? ru->nregions : 1, sizeof *o);
    for (uint32_t i = 0; i < ru->nregions; i++)
        st[ru->regions[i].level + 2]++;
    for (uint32_t lv = 0; lv < nlevels; lv++)
        st[lv + 2] += st[lv + 1];
    for (uint32_t i = 0; i < ru->nregions; i++)
        o[st[ru->regions[i].level + 1]++] = i;
    *order = o;
    *start = st;
}

/* The region roll-ups: one per row of the year, with counts, vetoes and
 * ranks within each level (order, start: by_level's, made here). */
static void roll_regions(rollup *ru, const ir_program *p, const rt_table *t, const rt_result *r,
                         uint32_t **lorder, uint32_t **lstart)
{
    size_t n = rt_table_nrows(t);
    uint32_t cnt = 0;
    for (size_t row = 0; row < n; row++)
        if (rt_table_year(t, row) == ru->year)
            cnt++;
    ru->regions = rt_xcalloc(cnt ? cnt : 1, sizeof *ru->regions);
    ru->nregions = cnt;
    uint32_t k = 0;
    for (size_t row = 0; row < n; row++) {
        if (rt_table_year(t, row) != ru->year)
            continue;
        rollup_region *rg = &ru->regions[k++];
        rg->region = rt_table_region(t, row);
        rg->level = p->regions[rg->region].level;
        rg->parent = p->regions[rg->region].parent;
        rg->top = report_region_top(p, rg->region);
        rg->row = row;
        rg->present = rt_table_line(t, row) != 0;
        rg->total = p->has_assessment ? rt_result_value(r, p->total, row) : NAN;
        double g = p->has_assessment ? rt_result_value(r, p->grade, row) : NAN;
        rg->grade = (!isnan(g) && g >= 0 && g < p->nbands) ? (int32_t)g : -1;
        rg->vetoes = rt_xcalloc(p->ntargets ? p->ntargets : 1, sizeof *rg->vetoes);
        for (uint32_t i = 0; i < p->ntargets; i++) {
            const ir_target *tg = &p->targets[i];
            double st = rt_result_value(r, tg->status, row);
            count_status(&rg->counts, st);
            if (tg->veto && st == IR_ST_FAILED)
                rg->vetoes[rg->nvetoes++] = i;
        }
        rg->vetoed = rg->nvetoes > 0;
    }

    /* Ranks, level by level. */
    by_level(ru, p->nlevels, lorder, lstart);
    const uint32_t *lv_order = *lorder, *lv_start = *lstart;
    double *tot = rt_xmalloc(cnt ? cnt : 1, sizeof *tot);
    bool *vet = rt_xmalloc(cnt ? cnt : 1, sizeof *vet);
    uint32_t *idx = rt_xmalloc(cnt ? cnt : 1, sizeof *idx);
    uint32_t *rk = rt_xmalloc(cnt ? cnt : 1, sizeof *rk);
    for (uint32_t lv = 0; lv < p->nlevels; lv++) {
        uint32_t m = 0, ranked = 0;
        for (uint32_t j = lv_start[lv]; j < lv_start[lv + 1]; j++) {
            uint32_t i = lv_order[j];
            idx[m] = i;
            tot[m] = ru->regions[i].total;
            vet[m] = ru->regions[i].vetoed;
            if (!isnan(tot[m]))
                ranked++;
            m++;
        }
        rollup_rank(tot, vet, m, rk);
        for (uint32_t i = 0; i < m; i++) {
            ru->regions[idx[i]].rank = rk[i];
            ru->regions[idx[i]].nranked = ranked;
        }
    }

    /* by_rank: level, then rank (unranked last), then declaration order
     * (sorted: an insertion sort was quadratic in the regions). */
    ru->by_rank = rt_xmalloc(cnt ? cnt : 1, sizeof *ru->by_rank);
    by_rank_entry *order = rt_xmalloc(cnt ? cnt : 1, sizeof *order);
    for (uint32_t i = 0; i < cnt; i++)
        order[i] = (by_rank_entry){ru->regions[i].level,
                                   ru->regions[i].rank ? ru->regions[i].rank : UINT32_MAX, i};
    qsort(order, cnt, sizeof *order, cmp_by_rank);
    for (uint32_t i = 0; i < cnt; i++)
        ru->by_rank[i] = order[i].i;
    /* where each level starts in by_rank, so that a report walks one
     * level's regions without passing every other */
    ru->level_first = rt_xmalloc((size_t)p->nlevels + 1, sizeof *ru->level_first);
    for (uint32_t lv = 0, k = 0; lv <= p->nlevels; lv++) {
        while (k < cnt && order[k].level < lv)
            k++;
        ru->level_first[lv] = k;
    }
    free(order);
    free(tot);
    free(vet);
    free(idx);
    free(rk);
}

/* Rolls target ti up over the roll-up's regions of level `level` (every
 * region for ROLLUP_NO_LEVEL; order, start: by_level's) into *rt: counts,
 * value distribution, goal, scores.  vals is scratch room for
 * ru->nregions values. */
static void roll_target(rollup_target *rt, const ir_program *p, const rollup *ru,
                        const rt_result *r, uint32_t ti, uint32_t level, double *vals,
                        const uint32_t *order, const uint32_t *start)
{
    const ir_target *tg = &p->targets[ti];
    memset(rt, 0, sizeof *rt);
    rt->target = ti;
    rt->level = level;
    rt->goal = NAN;
    uint32_t nv = 0, ngoal = 0, nscore = 0;
    double sum = 0, scaled = 0, score_sum = 0;
    bool all = level == ROLLUP_NO_LEVEL;
    for (uint32_t j = all ? 0 : start[level]; j < (all ? ru->nregions : start[level + 1]); j++) {
        uint32_t k = all ? j : order[j];
        size_t row = ru->regions[k].row;
        double st = rt_result_value(r, tg->status, row);
        count_status(&rt->counts, st);
        if (st == IR_ST_NA)
            continue;
        double sc = rt_result_value(r, tg->score, row);
        if (!isnan(sc)) {
            score_sum += sc;
            nscore++;
        }
        double v = rt_result_value(r, tg->value, row);
        double g = report_target_goal(r, tg, row);
        if (!isnan(g)) {
            if (ngoal == 0)
                rt->goal = g;
            else if (g != rt->goal)
                rt->goal_varies = true;
            ngoal++;
        }
        if (isnan(v))
            continue;
        vals[nv++] = v;
        sum += v;
        scaled += v * 0x1p-40; /* rt_mean_of */
        if (!isnan(g) && v < g)
            rt->nbelow_goal++;
        else if (!isnan(g) && v > g)
            rt->nabove_goal++;
    }
    if (rt->goal_varies)
        rt->goal = NAN;
    rt->nvalues = nv;
    qsort(vals, nv, sizeof *vals, cmp_double);
    rt->min = nv ? vals[0] : NAN;
    rt->q1 = rollup_quantile(vals, nv, 0.25);
    rt->median = rollup_quantile(vals, nv, 0.5);
    rt->q3 = rollup_quantile(vals, nv, 0.75);
    rt->max = nv ? vals[nv - 1] : NAN;
    rt->mean = nv ? rt_mean_of(sum, scaled, nv) : NAN;
    rt->mean_score = nscore ? score_sum / nscore : NAN;
}

/* The target roll-ups: for each target, a row per level (in declaration
 * order) with a region it applied to in the year, or one row over every
 * region when it applied to none; and its totals over every region. */
static void roll_targets(rollup *ru, const ir_program *p, const rt_result *r, const uint32_t *order,
                         const uint32_t *start)
{
    uint32_t nl = p->nlevels;
    /* applies[ti * nl + lv]: target ti applied to a region of level lv */
    bool *applies = rt_xcalloc((size_t)p->ntargets * nl + 1, sizeof *applies);
    uint32_t nrows = 0;
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        uint32_t n = 0;
        for (uint32_t k = 0; k < ru->nregions; k++) {
            bool *a = &applies[(size_t)ti * nl + ru->regions[k].level];
            if (!*a && rt_result_value(r, p->targets[ti].status, ru->regions[k].row) != IR_ST_NA) {
                *a = true;
                n++;
            }
        }
        nrows += n ? n : 1;
    }
    ru->targets = rt_xcalloc(nrows ? nrows : 1, sizeof *ru->targets);
    ru->ntargets = nrows;
    ru->totals = rt_xcalloc(p->ntargets ? p->ntargets : 1, sizeof *ru->totals);
    double *vals = rt_xmalloc(ru->nregions ? ru->nregions : 1, sizeof *vals);
    uint32_t k = 0;
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        rollup_target all;
        roll_target(&all, p, ru, r, ti, ROLLUP_NO_LEVEL, vals, order, start);
        rollup_target_total *tot = &ru->totals[ti];
        tot->counts = all.counts;
        tot->goal = all.goal;
        tot->goal_varies = all.goal_varies;
        tot->first = k;
        for (uint32_t lv = 0; lv < nl; lv++)
            if (applies[(size_t)ti * nl + lv])
                roll_target(&ru->targets[k++], p, ru, r, ti, lv, vals, order, start);
        if (k == tot->first)
            ru->targets[k++] = all;
        tot->nrows = k - tot->first;
    }
    free(vals);
    free(applies);
}

/* The measure roll-ups: their targets' counts and the mean measure score. */
static void roll_measures(rollup *ru, const ir_program *p, const rt_result *r)
{
    ru->measures = rt_xcalloc(p->nmeasures ? p->nmeasures : 1, sizeof *ru->measures);
    ru->nmeasures = p->nmeasures;
    for (uint32_t m = 0; m < p->nmeasures; m++) {
        rollup_measure *rm = &ru->measures[m];
        rm->measure = m;
        for (uint32_t i = 0; i < p->ntargets; i++)
            if (p->targets[i].measure == m)
                counts_add(&rm->counts, &ru->totals[i].counts);
        double sum = 0;
        uint32_t ns = 0;
        for (uint32_t k = 0; p->has_assessment && k < ru->nregions; k++) {
            double s = rt_result_value(r, p->measures[m].score, ru->regions[k].row);
            if (!isnan(s)) {
                sum += s;
                ns++;
            }
        }
        rm->mean_score = ns ? sum / ns : NAN;
    }
}

/* The agency roll-ups: every agency named as a measure's lead (or sharing
 * a shared measure), in order of first appearance. */
static void roll_agencies(rollup *ru, const ir_program *p)
{
    uint32_t cap = 0;
    for (uint32_t m = 0; m < p->nmeasures; m++)
        cap += p->measures[m].nlead;
    ru->agencies = rt_xcalloc(cap ? cap : 1, sizeof *ru->agencies);
    for (uint32_t m = 0; m < p->nmeasures; m++) {
        const ir_measure *ms = &p->measures[m];
        for (uint32_t l = 0; l < ms->nlead; l++) {
            uint32_t a = 0;
            while (a < ru->nagencies && strcmp(ru->agencies[a].name, ms->lead[l]) != 0)
                a++;
            rollup_agency *ag = &ru->agencies[a];
            if (a == ru->nagencies) {
                ru->nagencies++;
                ag->name = ms->lead[l];
                ag->measures = rt_xmalloc(p->nmeasures, sizeof *ag->measures);
                ag->targets = rt_xmalloc(p->ntargets ? p->ntargets : 1, sizeof *ag->targets);
            }
            /* An agency named twice in one lead list counts the measure once. */
            if (ag->nmeasures && ag->measures[ag->nmeasures - 1] == m)
                continue;
            ag->measures[ag->nmeasures++] = m;
            for (uint32_t i = 0; i < p->ntargets; i++) {
                if (p->targets[i].measure != m)
                    continue;
                ag->targets[ag->ntargets++] = i;
                counts_add(&ag->counts, &ru->totals[i].counts);
            }
        }
    }
}

rollup *rollup_make(const ir_program *p, const rt_table *t, const rt_result *r, int year)
{
    size_t n = rt_table_nrows(t);
    if (n == 0)
        return NULL;
    rollup *ru = rt_xcalloc(1, sizeof *ru);
    ru->years = rollup_table_years(t, &ru->nyears);
    ru->year = year ? year : ru->years[ru->nyears - 1];
    if (!rollup_has_year(t, ru->year)) {
        rollup_free(ru);
        return NULL;
    }
    uint32_t *order, *start;
    roll_regions(ru, p, t, r, &order, &start);
    roll_targets(ru, p, r, order, start);
    free(order);
    free(start);
    roll_measures(ru, p, r);
    roll_agencies(ru, p);
    return ru;
}

void rollup_free(rollup *ru)
{
    if (!ru)
        return;
    for (uint32_t i = 0; i < ru->nregions; i++)
        free(ru->regions[i].vetoes);
    for (uint32_t i = 0; i < ru->nagencies; i++) {
        free(ru->agencies[i].measures);
        free(ru->agencies[i].targets);
    }
    free(ru->years);
    free(ru->regions);
    free(ru->by_rank);
    free(ru->level_first);
    free(ru->measures);
    free(ru->agencies);
    free(ru->targets);
    free(ru->totals);
    free(ru);
}

/* ---------------------------------------------------------------- CSV */

const int rollup_status_order[IR_ST_MET + 1] = {
    IR_ST_MET, IR_ST_ON_TRACK, IR_ST_LAGGING, IR_ST_FAILED, IR_ST_MISSING, IR_ST_NA,
};

bool rollup_parse_kind(const char *s, rollup_kind *kind)
{
    if (strcmp(s, "region") == 0)
        *kind = ROLLUP_REGION;
    else if (strcmp(s, "agency") == 0)
        *kind = ROLLUP_AGENCY;
    else if (strcmp(s, "target") == 0)
        *kind = ROLLUP_TARGET;
    else
        return false;
    return true;
}

/* Writes one CSV text field, with a quote (') in front when
 * report_csv_guarded says so, quoted (RFC 4180) when it holds a comma, a
 * quote or a line break, then a comma or the end of the line. */
static void put_field(FILE *out, const char *s, bool last)
{
    bool guard = report_csv_guarded(s);
    if (s && strpbrk(s, ",\"\r\n")) {
        fputc('"', out);
        if (guard)
            fputc('\'', out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    } else if (s) {
        if (guard)
            fputc('\'', out);
        fputs(s, out);
    }
    fputc(last ? '\n' : ',', out);
}

/* A number field as the results print numbers (empty for NaN), then a
 * comma or the end of the line: never guarded, so -5 stays a number. */
static void put_number(FILE *out, double v, bool last)
{
    char buf[32];
    report_format_number(v, buf);
    fputs(buf, out);
    fputc(last ? '\n' : ',', out);
}

/* A whole-number field. */
static void put_uint(FILE *out, unsigned long v)
{
    fprintf(out, "%lu,", v);
}

/* The counts in rollup_status_order, each followed by a comma. */
static void put_counts(FILE *out, const rollup_counts *c)
{
    for (int i = 0; i <= IR_ST_MET; i++)
        put_uint(out, c->n[rollup_status_order[i]]);
}

/* The status names of the counts' columns, for the header. */
static void put_count_names(FILE *out)
{
    for (int i = 0; i <= IR_ST_MET; i++)
        fprintf(out, "%s,", ir_statusname(rollup_status_order[i]));
}

/* A list of names joined with ';' into one field. */
static void put_list(FILE *out, const char *const *names, uint32_t n, bool last)
{
    size_t len = 1;
    for (uint32_t i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *s = rt_xmalloc(len, 1);
    s[0] = '\0';
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            strcat(s, ";");
        strcat(s, names[i]);
    }
    put_field(out, s, last);
    free(s);
}

/* The region roll-up: one line per region of the year.  parent and top
 * come last, so that readers of the columns before them by position still
 * read them. */
static void csv_regions(const ir_program *p, const rollup *ru, FILE *out)
{
    fputs("region,level,year,total,grade,rank,ranked,", out);
    put_count_names(out);
    fputs("vetoes,parent,top\n", out);
    const char **names = rt_xmalloc(p->ntargets ? p->ntargets : 1, sizeof *names);
    for (uint32_t i = 0; i < ru->nregions; i++) {
        const rollup_region *rg = &ru->regions[i];
        put_field(out, p->regions[rg->region].name, false);
        put_field(out, p->levels[rg->level], false);
        fprintf(out, "%d,", ru->year);
        put_number(out, rg->total, false);
        put_field(out, rg->grade >= 0 ? p->bands[rg->grade] : NULL, false);
        if (rg->rank)
            put_uint(out, rg->rank);
        else
            put_field(out, NULL, false);
        put_uint(out, rg->nranked);
        put_counts(out, &rg->counts);
        for (uint32_t k = 0; k < rg->nvetoes; k++)
            names[k] = p->targets[rg->vetoes[k]].name;
        put_list(out, names, rg->nvetoes, false);
        put_field(out, rg->parent >= 0 ? p->regions[rg->parent].name : NULL, false);
        put_field(out, rg->top >= 0 ? p->regions[rg->top].name : NULL, true);
    }
    free(names);
}

/* The agency roll-up: one line per agency, with its measures (clause ids)
 * and targets. */
static void csv_agencies(const ir_program *p, const rollup *ru, FILE *out)
{
    fputs("agency,year,measures,targets,", out);
    put_count_names(out);
    fputs("measure_ids,target_names\n", out);
    uint32_t cap = (p->nmeasures > p->ntargets ? p->nmeasures : p->ntargets) + 1;
    const char **names = rt_xmalloc(cap, sizeof *names);
    for (uint32_t i = 0; i < ru->nagencies; i++) {
        const rollup_agency *ag = &ru->agencies[i];
        put_field(out, ag->name, false);
        fprintf(out, "%d,", ru->year);
        put_uint(out, ag->nmeasures);
        put_uint(out, ag->ntargets);
        put_counts(out, &ag->counts);
        for (uint32_t k = 0; k < ag->nmeasures; k++)
            names[k] = p->measures[ag->measures[k]].id;
        put_list(out, names, ag->nmeasures, false);
        for (uint32_t k = 0; k < ag->ntargets; k++)
            names[k] = p->targets[ag->targets[k]].name;
        put_list(out, names, ag->ntargets, true);
    }
    free(names);
}

/* The target roll-up: one line per target and level.  goal_varies comes
 * last, so that readers of the columns before it by position still read
 * them. */
static void csv_targets(const ir_program *p, const rollup *ru, FILE *out)
{
    fputs("target,clause,lead,unit,level,year,", out);
    put_count_names(out);
    fputs("values,min,q1,median,q3,max,mean,goal,below_goal,above_goal,mean_score,goal_varies\n", out);
    for (uint32_t i = 0; i < ru->ntargets; i++) {
        const rollup_target *rt = &ru->targets[i];
        const ir_target *tg = &p->targets[rt->target];
        put_field(out, tg->name, false);
        put_field(out, tg->clause, false);
        char *lead = tg->measure < p->nmeasures ? report_style_lead(&p->measures[tg->measure]) : NULL;
        put_field(out, lead, false);
        free(lead);
        put_field(out, tg->unit, false);
        put_field(out, rt->level == ROLLUP_NO_LEVEL ? NULL : p->levels[rt->level], false);
        fprintf(out, "%d,", ru->year);
        put_counts(out, &rt->counts);
        put_uint(out, rt->nvalues);
        put_number(out, rt->min, false);
        put_number(out, rt->q1, false);
        put_number(out, rt->median, false);
        put_number(out, rt->q3, false);
        put_number(out, rt->max, false);
        put_number(out, rt->mean, false);
        put_number(out, rt->goal, false);
        put_uint(out, rt->nbelow_goal);
        put_uint(out, rt->nabove_goal);
        put_number(out, rt->mean_score, false);
        /* an empty goal is either no goal or goals that differ: say which */
        put_field(out, rt->goal_varies ? "true" : "false", true);
    }
}

int rollup_write_csv(const ir_program *p, const rollup *ru, rollup_kind kind, FILE *out)
{
    switch (kind) {
    case ROLLUP_REGION: csv_regions(p, ru, out); break;
    case ROLLUP_AGENCY: csv_agencies(p, ru, out); break;
    case ROLLUP_TARGET: csv_targets(p, ru, out); break;
    }
    return ferror(out) ? -1 : 0;
}

/* An off-track pair with its sort key (rollup_offtrack_make's order). */
typedef struct offtrack_entry {
    rollup_offtrack o;
    uint32_t level, vetoed, failed, lagging, pos; /* the region's */
    uint32_t kind;          /* 0 a failed veto target, 1 failed, 2 lagging */
} offtrack_entry;

/* qsort comparison of off-track entries: level, the region's veto, its
 * failed and lagging counts (most first), its rank position, then the
 * kind of the pair and program order. */
static int cmp_offtrack(const void *pa, const void *pb)
{
    const offtrack_entry *a = pa, *b = pb;
    if (a->level != b->level)
        return a->level < b->level ? -1 : 1;
    if (a->vetoed != b->vetoed)
        return a->vetoed > b->vetoed ? -1 : 1;
    if (a->failed != b->failed)
        return a->failed > b->failed ? -1 : 1;
    if (a->lagging != b->lagging)
        return a->lagging > b->lagging ? -1 : 1;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return (a->o.target > b->o.target) - (a->o.target < b->o.target);
}

/* Whether status st (a result slot's number) is failed or lagging. */
static bool off_track(double st)
{
    return st == IR_ST_FAILED || st == IR_ST_LAGGING;
}

rollup_offtrack *rollup_offtrack_make(const ir_program *p, const rt_table *t, const rt_result *r,
                                      const rollup *ru, size_t *n)
{
    *n = 0;
    if (!ru)
        return NULL;
    /* the position of each year of the table: the year before, and the run
     * of years back from the roll-up year */
    uint32_t yk = 0;
    while (yk < ru->nyears && ru->years[yk] != ru->year)
        yk++;
    uint32_t *pos = rt_xcalloc(ru->nregions ? ru->nregions : 1, sizeof *pos);
    for (uint32_t k = 0; k < ru->nregions; k++)
        pos[ru->by_rank[k]] = k;
    size_t cnt = 0;
    for (uint32_t i = 0; i < ru->nregions; i++)
        cnt += ru->regions[i].counts.n[IR_ST_FAILED] + ru->regions[i].counts.n[IR_ST_LAGGING];
    if (!cnt) {
        free(pos);
        return NULL;
    }
    offtrack_entry *e = rt_xmalloc(cnt, sizeof *e);
    size_t m = 0;
    for (uint32_t i = 0; i < ru->nregions; i++) {
        const rollup_region *rr = &ru->regions[i];
        for (uint32_t ti = 0; ti < p->ntargets && m < cnt; ti++) {
            const ir_target *tg = &p->targets[ti];
            double st = rt_result_value(r, tg->status, rr->row);
            if (!off_track(st))
                continue;
            rollup_offtrack o = {.region = i, .target = ti, .status = (int)st, .prev = -1};
            o.value = rt_result_value(r, tg->value, rr->row);
            o.goal = report_target_goal(r, tg, rr->row);
            o.expected = report_target_expected(r, tg, rr->row);
            double ref = st == IR_ST_LAGGING && !isnan(o.expected) ? o.expected : o.goal;
            o.gap = tg->boolean ? NAN : fabs(o.value - ref); /* NaN stays NaN */
            o.since = ru->year;
            for (uint32_t k = yk; k > 0; k--) {
                long row = rt_table_find(t, rr->region, ru->years[k - 1]);
                double pst = row < 0 ? NAN : rt_result_value(r, tg->status, (size_t)row);
                if (k == yk && row >= 0)
                    o.prev = (int)pst;
                if (!off_track(pst))
                    break;
                o.since = ru->years[k - 1];
            }
            uint32_t kind = st == IR_ST_LAGGING ? 2 : tg->veto ? 0 : 1;
            e[m++] = (offtrack_entry){o, rr->level, rr->vetoed, rr->counts.n[IR_ST_FAILED],
                                      rr->counts.n[IR_ST_LAGGING], pos[i], kind};
        }
    }
    qsort(e, m, sizeof *e, cmp_offtrack);
    rollup_offtrack *out = rt_xmalloc(m ? m : 1, sizeof *out);
    for (size_t k = 0; k < m; k++)
        out[k] = e[k].o;
    free(e);
    free(pos);
    *n = m;
    return out;
}

int rollup_year_before(const rollup *ru)
{
    for (uint32_t k = 1; ru && k < ru->nyears; k++)
        if (ru->years[k] == ru->year)
            return ru->years[k - 1];
    return 0;
}

rollup_offtrack *rollup_resolved_make(const ir_program *p, const rt_table *t, const rt_result *r,
                                      const rollup *ru, size_t *n)
{
    *n = 0;
    if (!ru)
        return NULL;
    int prev_year = rollup_year_before(ru);
    if (!prev_year)
        return NULL;
    rollup_offtrack *out = NULL;
    size_t cap = 0;
    /* by_rank is by level, then rank: the order wanted */
    for (uint32_t k = 0; k < ru->nregions; k++) {
        const rollup_region *rr = &ru->regions[ru->by_rank[k]];
        long row = rt_table_find(t, rr->region, prev_year);
        if (row < 0)
            continue;
        for (uint32_t ti = 0; ti < p->ntargets; ti++) {
            const ir_target *tg = &p->targets[ti];
            double was = rt_result_value(r, tg->status, (size_t)row);
            double now = rt_result_value(r, tg->status, rr->row);
            if (!off_track(was) || (now != IR_ST_MET && now != IR_ST_ON_TRACK))
                continue;
            if (*n == cap) {
                cap = cap ? cap * 2 : 16;
                out = rt_xrealloc(out, cap, sizeof *out);
            }
            out[(*n)++] = (rollup_offtrack){
                .region = ru->by_rank[k], .target = ti, .status = (int)now,
                .value = rt_result_value(r, tg->value, rr->row),
                .goal = report_target_goal(r, tg, rr->row),
                .expected = report_target_expected(r, tg, rr->row),
                .gap = NAN, .since = ru->year, .prev = (int)was};
        }
    }
    return out;
}
