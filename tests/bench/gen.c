/* gen.c — the benchmark's deterministic generator (see gen.h). */
#include "gen.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const double gen_band_min[GEN_NBANDS - 1] = {90, 75, 60};

/* PRNG streams: one per kind of decision, so that changing one preset
 * parameter does not reshuffle unrelated numbers. */
enum {
    S_DIR = 1, S_LEVEL, S_GOAL1, S_GOAL2, S_DL1, S_DL2, S_WEIGHT,
    S_START, S_SLOPE, S_NOISE, S_MISSING, S_MWEIGHT, S_SWEIGHT
};

/* splitmix64's finaliser: a bijective mix of 64 bits. */
static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* The random 64-bit number of (stream, a, b) under the spec's seed. */
static uint64_t rnd(const gen_spec *s, uint32_t stream, uint64_t a, uint64_t b)
{
    return mix64(mix64(mix64(s->seed ^ ((uint64_t)stream << 48)) ^ a) ^ (b * 0x2545f4914f6cdd1dull));
}

/* A random integer in [lo, lo + n). */
static int64_t rnd_in(const gen_spec *s, uint32_t stream, uint64_t a, uint64_t b,
                      int64_t lo, uint64_t n)
{
    return lo + (int64_t)(rnd(s, stream, a, b) % n);
}

/* x * ppm / 1e6 in whole hundredths, rounded down (x, ppm >= 0). */
static int64_t scale_ppm(int64_t x, int64_t ppm)
{
    return x * ppm / 1000000;
}

/* The kinds of targets in order, repeating: 8 thresholds, 6 milestone
 * targets, 3 red lines, 3 trends in every 20, mixed so that small presets
 * get every kind. */
static const gen_kind kind_cycle[20] = {
    GEN_THRESHOLD, GEN_MILESTONES, GEN_THRESHOLD, GEN_REDLINE, GEN_MILESTONES,
    GEN_THRESHOLD, GEN_TREND, GEN_MILESTONES, GEN_THRESHOLD, GEN_REDLINE,
    GEN_THRESHOLD, GEN_MILESTONES, GEN_TREND, GEN_THRESHOLD, GEN_MILESTONES,
    GEN_REDLINE, GEN_THRESHOLD, GEN_MILESTONES, GEN_TREND, GEN_THRESHOLD,
};

/* Fills the goals and deadlines of target i for its kind, around the level
 * of its indicator. */
static void make_goals(const gen_spec *s, uint32_t i, gen_target *t)
{
    const gen_indicator *in = &s->ind[t->ind];
    int64_t L = in->level_h;
    int span = s->horizon - s->baseline;
    switch (t->kind) {
    case GEN_THRESHOLD:
        t->nms = 1;
        t->goal_h[0] = in->higher ? scale_ppm(L, rnd_in(s, S_GOAL1, i, 0, 1000000, 250000))
                                  : scale_ppm(L, rnd_in(s, S_GOAL1, i, 0, 600000, 250000));
        t->deadline[0] = s->baseline + (int)rnd_in(s, S_DL1, i, 0, 2, (uint64_t)(span - 2));
        break;
    case GEN_MILESTONES:
        t->nms = 2;
        if (in->higher) {
            t->goal_h[0] = scale_ppm(L, rnd_in(s, S_GOAL1, i, 0, 950000, 150000));
            t->goal_h[1] = scale_ppm(t->goal_h[0], rnd_in(s, S_GOAL2, i, 0, 1050000, 150000));
        } else {
            t->goal_h[0] = scale_ppm(L, rnd_in(s, S_GOAL1, i, 0, 700000, 200000));
            t->goal_h[1] = scale_ppm(t->goal_h[0], rnd_in(s, S_GOAL2, i, 0, 750000, 150000));
        }
        t->deadline[0] = s->baseline + (int)rnd_in(s, S_DL1, i, 0, 2, 5);
        t->deadline[1] = t->deadline[0] + 3 +
                         (int)rnd_in(s, S_DL2, i, 0, 0, (uint64_t)(s->horizon - t->deadline[0] - 2));
        break;
    case GEN_REDLINE:
        t->nms = 1;
        t->goal_h[0] = in->higher ? scale_ppm(L, rnd_in(s, S_GOAL1, i, 0, 550000, 200000))
                                  : scale_ppm(L, rnd_in(s, S_GOAL1, i, 0, 1300000, 200000));
        break;
    case GEN_TREND:
        t->nms = 0;
        break;
    }
}

bool gen_make(gen_spec *s, const char *preset, size_t rows, uint64_t seed)
{
    memset(s, 0, sizeof *s);
    uint32_t per_ind = 1;
    if (strcmp(preset, "liaoning") == 0) {
        s->ntargets = 40;
        s->nmeasures = 36;
        s->nsections = 6;
        s->assessment = true;
    } else if (strcmp(preset, "t1000") == 0) {
        s->ntargets = 1000;
        s->nmeasures = 200;
        s->nsections = 10;
        s->assessment = true;
        per_ind = 4;
    } else if (strcmp(preset, "mem") == 0) {
        s->ntargets = 16;
        s->nmeasures = 4;
        s->nsections = 1;
        s->assessment = false;
    } else if (strcmp(preset, "e2e") == 0) {
        s->ntargets = 2;
        s->nmeasures = 1;
        s->nsections = 1;
        s->assessment = false;
    } else {
        return false;
    }
    snprintf(s->name, sizeof s->name, "%s", preset);
    s->seed = seed;
    s->nyears = 16;
    s->baseline = 2020;
    s->first_year = 2019;
    s->horizon = 2035;
    s->nregions = rows == 0 ? 1 : (uint32_t)((rows + s->nyears - 1) / s->nyears);
    s->missing_ppm = 15000;
    s->nind = s->ntargets / per_ind;

    s->ind = calloc(s->nind, sizeof *s->ind);
    s->targets = calloc(s->ntargets, sizeof *s->targets);
    s->measures = calloc(s->nmeasures, sizeof *s->measures);
    s->section_weight = calloc(s->nsections, sizeof *s->section_weight);
    if (!s->ind || !s->targets || !s->measures || !s->section_weight) {
        gen_free(s);
        return false;
    }
    for (uint32_t j = 0; j < s->nind; j++) {
        s->ind[j].higher = rnd(s, S_DIR, j, 0) % 10 < 6;
        s->ind[j].level_h = rnd_in(s, S_LEVEL, j, 0, 1000, 99000);
    }
    static const int64_t weights_h[6] = {100, 100, 100, 200, 50, 150};
    for (uint32_t i = 0; i < s->ntargets; i++) {
        gen_target *t = &s->targets[i];
        t->kind = strcmp(preset, "mem") == 0 ? GEN_REDLINE : kind_cycle[i % 20];
        t->ind = i % s->nind;
        /* the first nmeasures targets go one per measure, the rest spread */
        t->measure = i < s->nmeasures ? i : (uint32_t)((uint64_t)(i - s->nmeasures) * 7919 % s->nmeasures);
        if (s->ntargets > s->nmeasures * 2)
            t->measure = (uint32_t)((uint64_t)i * s->nmeasures / s->ntargets);
        t->weight_h = weights_h[rnd(s, S_WEIGHT, i, 0) % 6];
        t->scoped = i % 7 == 3;
        make_goals(s, i, t);
    }
    for (uint32_t m = 0; m < s->nmeasures; m++) {
        s->measures[m].section = (uint32_t)((uint64_t)m * s->nsections / s->nmeasures);
        s->measures[m].weight = 1 + (uint32_t)(rnd(s, S_MWEIGHT, m, 0) % 3);
    }
    for (uint32_t k = 0; k < s->nsections; k++)
        s->section_weight[k] = 10 + (uint32_t)(rnd(s, S_SWEIGHT, k, 0) % 31);
    return true;
}

void gen_free(gen_spec *s)
{
    free(s->ind);
    free(s->targets);
    free(s->measures);
    free(s->section_weight);
    memset(s, 0, sizeof *s);
}

size_t gen_rows(const gen_spec *s)
{
    return (size_t)s->nregions * s->nyears;
}

int gen_year(const gen_spec *s, size_t row)
{
    return s->first_year + (int)(row % s->nyears);
}

/* Whether the cell of (row, indicator j) is empty, and else its value in
 * hundredths: the region's start level and yearly trend (better or worse
 * than its goals, so statuses mix) plus noise, never negative. */
static bool cell(const gen_spec *s, size_t row, uint32_t j, int64_t *h)
{
    if (rnd(s, S_MISSING, row, j) % 1000000 < s->missing_ppm)
        return false;
    uint64_t r = row / s->nyears;
    int64_t yi = (int64_t)(row % s->nyears);
    const gen_indicator *in = &s->ind[j];
    int64_t start = rnd_in(s, S_START, r, j, 700000, 400000);
    int64_t slope = rnd_in(s, S_SLOPE, r, j, -15000, 50000);
    int64_t noise = rnd_in(s, S_NOISE, row, j, -20000, 40000);
    int64_t ppm = start + (in->higher ? slope : -slope) * yi + noise;
    *h = ppm > 0 ? scale_ppm(in->level_h, ppm) : 0;
    return true;
}

void gen_column(const gen_spec *s, uint32_t ind, double *col)
{
    size_t n = gen_rows(s);
    for (size_t row = 0; row < n; row++) {
        int64_t h;
        col[row] = cell(s, row, ind, &h) ? (double)h / 100.0 : NAN;
    }
}

/* Writes hundredths as a decimal ("12.34", "7", "0.5"), the shortest
 * exact form: whole numbers without a fraction. */
static int put_hundredths(char *buf, int64_t h)
{
    if (h % 100 == 0)
        return sprintf(buf, "%lld", (long long)(h / 100));
    if (h % 10 == 0)
        return sprintf(buf, "%lld.%lld", (long long)(h / 100), (long long)(h % 100 / 10));
    return sprintf(buf, "%lld.%02lld", (long long)(h / 100), (long long)(h % 100));
}

/* The comparison operator of a target on an indicator. */
static const char *op_of(const gen_spec *s, const gen_target *t)
{
    return s->ind[t->ind].higher ? ">=" : "<=";
}

int gen_rules(const gen_spec *s, FILE *out)
{
    char a[32], b[32];
    fprintf(out, "# Generated by planc-bench (tests/bench/gen.c): preset %s, seed %llu.\n",
            s->name, (unsigned long long)s->seed);
    fprintf(out, "# %u regions x %u years, %u indicators, %u targets, %u measures, %u sections.\n",
            s->nregions, s->nyears, s->nind, s->ntargets, s->nmeasures, s->nsections);
    fprintf(out, "plan bench \"planc benchmark rules (generated)\" {\n"
                 "    region   P\n    baseline %d\n    horizon  %d\n}\n\n",
            s->baseline, s->horizon);
    fprintf(out, "levels province, city\nregion P : province\n");
    for (uint32_t r = 0; r < s->nregions; r += 200) {
        fputs("region ", out);
        for (uint32_t k = r; k < s->nregions && k < r + 200; k++)
            fprintf(out, "%sC%07u", k == r ? "" : ", ", k + 1);
        fputs(" : city in P\n", out);
    }
    fprintf(out, "\nagency A1 \"bench agency\"\nunit u\n\n");
    for (uint32_t j = 0; j < s->nind; j++)
        fprintf(out, "indicator x%u : u, %s, column \"x%u\"\n", j + 1,
                s->ind[j].higher ? "higher" : "lower", j + 1);
    for (uint32_t k = 0; k < s->nsections; k++) {
        fprintf(out, "\nsection S%u \"section %u\" {\n", k + 1, k + 1);
        for (uint32_t m = 0; m < s->nmeasures; m++) {
            if (s->measures[m].section != k)
                continue;
            fprintf(out, "    measure (%u) \"measure %u\" {\n        lead A1\n", m + 1, m + 1);
            for (uint32_t i = 0; i < s->ntargets; i++) {
                const gen_target *t = &s->targets[i];
                if (t->measure != m)
                    continue;
                fprintf(out, "        %s T%u%s : ", t->kind == GEN_REDLINE ? "redline" : "target",
                        i + 1, t->scoped ? " for city except C0000001" : "");
                switch (t->kind) {
                case GEN_THRESHOLD:
                case GEN_REDLINE:
                case GEN_MILESTONES:
                    fprintf(out, "x%u", t->ind + 1);
                    for (uint32_t k2 = 0; k2 < t->nms; k2++) {
                        put_hundredths(a, t->goal_h[k2]);
                        fprintf(out, "%s %s %s", k2 ? "," : "", op_of(s, t), a);
                        if (t->kind != GEN_REDLINE)
                            fprintf(out, " by %d", t->deadline[k2]);
                    }
                    break;
                case GEN_TREND:
                    fprintf(out, "x%u %s every year", t->ind + 1,
                            s->ind[t->ind].higher ? "rises" : "falls");
                    break;
                }
                if (t->weight_h != 100) {
                    put_hundredths(b, t->weight_h);
                    fprintf(out, " weight %s", b);
                }
                fputc('\n', out);
            }
            fputs("    }\n", out);
        }
        fputs("}\n", out);
    }
    if (s->assessment) {
        fprintf(out, "\nassessment A {\n    missing reweight\n    weight ");
        for (uint32_t k = 0; k < s->nsections; k++)
            fprintf(out, "%ssection S%u = %u", k ? ", " : "", k + 1, s->section_weight[k]);
        for (uint32_t m = 0; m < s->nmeasures; m++)
            if (s->measures[m].weight != 1)
                fprintf(out, ", measure (%u) = %u", m + 1, s->measures[m].weight);
        fprintf(out, "\n    veto redlines\n    grade A >= %g, B >= %g, C >= %g, D\n}\n",
                gen_band_min[0], gen_band_min[1], gen_band_min[2]);
    }
    return ferror(out) ? -1 : 0;
}

int gen_csv(const gen_spec *s, FILE *out)
{
    fputs("region,year", out);
    for (uint32_t j = 0; j < s->nind; j++)
        fprintf(out, ",x%u", j + 1);
    fputc('\n', out);
    char line[64 + 24 * 4096];
    size_t n = gen_rows(s);
    /* one line at a time into a buffer; fwrite is buffered by stdio */
    for (size_t row = 0; row < n; row++) {
        int len = sprintf(line, "C%07u,%d", (unsigned)(row / s->nyears) + 1, gen_year(s, row));
        for (uint32_t j = 0; j < s->nind; j++) {
            int64_t h;
            line[len++] = ',';
            if (cell(s, row, j, &h)) {
                if (len > (int)sizeof line - 32) {
                    fwrite(line, 1, (size_t)len, out);
                    len = 0;
                }
                len += put_hundredths(line + len, h);
            }
        }
        line[len++] = '\n';
        fwrite(line, 1, (size_t)len, out);
    }
    return ferror(out) ? -1 : 0;
}
