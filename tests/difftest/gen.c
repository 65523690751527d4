/* gen.c — random rule sets and data for the differential tester (gen.h).
 *
 * The rules generator keeps a small model of what it has declared (regions,
 * units by dimension, indicators, targets, measures) and writes text from
 * it.  Expressions are generated for a wanted dimension (a number in one of
 * four dimensions, or a yes/no value), so the checker accepts them by
 * construction; a rules file the checker rejects is a bug of this file, and
 * the tester reports it as a failure.
 *
 * Constant-only sub-expressions stay small: the checker folds them, and a
 * folded 1e300 * 1e300 would be a compile error, not a test of the engines.
 * Extreme literals (1e300, subnormals) appear only beside an operand that
 * reads data, or alone as a goal. */
#include "gen.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- text */

void dt_buf_printf(dt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + (size_t)n + 1 > cap)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            fprintf(stderr, "difftest: out of memory\n");
            exit(4);
        }
        b->s = s;
        b->cap = cap;
    }
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}

void dt_buf_clear(dt_buf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

void dt_buf_free(dt_buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

/* ---------------------------------------------------------------- randomness */

/* splitmix64: the next value of the sequence in *s. */
static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

uint64_t dt_seed(uint64_t seed, uint64_t index)
{
    uint64_t s = seed ^ (index * 0xD1B54A32D192ED03u + 0x8CB92BA72F3D8DD7u);
    return splitmix(&s);
}

/* A random stream. */
typedef struct rng {
    uint64_t s;
} rng;

/* 0 .. n-1 (0 when n is 0). */
static uint32_t below(rng *r, uint32_t n)
{
    return n ? (uint32_t)(splitmix(&r->s) % n) : 0;
}

/* true with probability pct / 100. */
static bool chance(rng *r, int pct)
{
    return (int)below(r, 100) < pct;
}

/* lo .. hi inclusive. */
static int between(rng *r, int lo, int hi)
{
    return lo + (int)below(r, (uint32_t)(hi - lo + 1));
}

/* One of n strings. */
static const char *pick(rng *r, const char *const *v, uint32_t n)
{
    return v[below(r, n)];
}
#define PICK(r, arr) pick((r), (arr), sizeof(arr) / sizeof(arr)[0])

/* ---------------------------------------------------------------- the model */

/* Dimensions of numbers; DIM_BOOL stands for yes/no values. */
enum { DIM_ONE, DIM_A, DIM_B, DIM_AB, NDIMS, DIM_BOOL = NDIMS };

/* Units of each numeric dimension: how a constant is written with it, and
 * its declaration (NULL for built-in and compound units). */
typedef struct unitdef {
    const char *name;
    const char *decl;
    bool bracket;       /* compound: a number takes it in brackets */
} unitdef;

static const unitdef UNITS[NDIMS][3] = {
    [DIM_ONE] = {{"1", NULL, false}, {"%", NULL, false}, {"‰", NULL, false}},
    [DIM_A] = {{"吨", "unit 吨", false}, {"万吨", "unit 万吨 = 10000 吨", false},
               {"kg", "unit kg = 0.001 吨", false}},
    [DIM_B] = {{"km2", "unit km2", false}, {"公顷", "unit 公顷 = 0.01 km2", false},
               {"万km2", "unit 万km2 = 10000 km2", false}},
    [DIM_AB] = {{"吨/km2", NULL, true}, {"万吨/km2", NULL, true},
                {"强度", "unit 强度 = 1 吨/km2", false}},
};

enum {
    MAX_LEVELS = 3, MAX_REGIONS = 16, MAX_COLUMNS = 24, MAX_INDS = 24,
    MAX_TARGETS = 24, MAX_MEASURES = 9, MAX_SECTIONS = 3, MAX_PERIODS = 3,
    NAME_LEN = 32
};

typedef struct region {
    char name[NAME_LEN];
    char alias[NAME_LEN];   /* "" when none */
    int level;
    int parent;             /* -1 for none */
    int members[4];         /* a regional group's members (`of`) */
    int nmembers;           /* 0: not a group */
} region;

typedef struct column {
    char name[NAME_LEN];
    bool is_bool;
} column;

typedef struct indicator {
    char name[NAME_LEN];
    int dim;                /* DIM_* */
    int column;             /* index into columns, -1 for a formula */
} indicator;

typedef struct target {
    char name[NAME_LEN];
    bool has_weight;        /* a `weight` attribute (the assessment may not set it again) */
    int measure;
} target;

typedef struct period {
    char name[NAME_LEN];
    int lo, hi;
} period;

struct dt_program {
    rng r;
    bool cjk;               /* names in Chinese, else ASCII */
    int baseline, horizon;
    char region_key[NAME_LEN], year_key[NAME_LEN];
    period periods[MAX_PERIODS];
    int nperiods;
    char levels[MAX_LEVELS][NAME_LEN];
    int nlevels;
    region regions[MAX_REGIONS];
    int nregions;
    column columns[MAX_COLUMNS];
    int ncolumns;
    indicator inds[MAX_INDS];
    int ninds;
    bool unnamed_used[MAX_INDS]; /* an unnamed target measures this indicator */
    target targets[MAX_TARGETS];
    int ntargets;
    char measures[MAX_MEASURES][NAME_LEN];
    int measure_section[MAX_MEASURES];
    int nmeasures;
    char sections[MAX_SECTIONS][NAME_LEN];
    int nsections;
    int nagencies;
    unsigned below_levels;  /* the levels the target being written reads
                               below its regions at (share, total, ...) */
};

void dt_program_free(dt_program *g)
{
    free(g);
}

/* ---------------------------------------------------------------- expressions */

/* What an expression may read: data (indicators), nothing (a constant
 * goal), or the score context names besides data. */
typedef enum emode { M_DATA, M_CONST, M_SCORE } emode;

typedef struct ectx {
    dt_program *g;
    emode mode;
    int maxind;             /* indicators [0, maxind) may be read */
    int shifted;            /* inside prev/baseline/at: no score names */
    int vdim;               /* score: the dimension of value, goal, base, expected */
    bool peers;             /* lowest() / highest() / average() may be used */
    bool nobelow;           /* but not total() and the forms with a level (in a
                               formula: a target's scope is made to cover the
                               levels its own condition ranges over) */
} ectx;

static bool gen_num(ectx *c, dt_buf *b, int dim, int depth, bool need, bool huge);
static bool gen_bool(ectx *c, dt_buf *b, int depth, bool need);

/* Writes a constant of dimension dim.  `huge` allows extreme magnitudes. */
static void literal(ectx *c, dt_buf *b, int dim, bool huge, bool nonzero)
{
    static const char *const plain[] = {
        "0", "1", "2", "3", "5", "10", "12.5", "20", "35", "50", "60", "75", "80", "85",
        "90", "92", "95", "100", "120", "0.5", "0.25", "1000", "2.75", "7603", "0.1",
    };
    static const char *const extreme[] = {
        "1e300", "1.5e300", "1e-300", "5e-324", "2.2250738585072014e-308", "1e-310",
        "1e15", "123456789.123", "9007199254740993",
    };
    rng *r = &c->g->r;
    const char *num = huge && chance(r, 25) ? PICK(r, extreme) : PICK(r, plain);
    /* a goal is converted into the measured value's unit, which may be up
     * to 10^7 times smaller: keep it finite (planc rejects it otherwise) */
    if (c->mode == M_CONST && dim != DIM_ONE && strstr(num, "e300"))
        num = "1e290";
    if (nonzero && strcmp(num, "0") == 0)
        num = "4";
    int u = (int)below(r, 3);
    if (dim == DIM_ONE) {
        dt_buf_printf(b, "%s%s", num, u == 0 ? "" : u == 1 ? "%" : "‰");
        return;
    }
    const unitdef *ud = &UNITS[dim][u];
    if (ud->bracket)
        dt_buf_printf(b, "%s [%s]", num, ud->name);
    else
        dt_buf_printf(b, "%s %s", num, ud->name);
}

/* A year an at() may read: around the data years, or one with no data. */
static void at_year(ectx *c, dt_buf *b)
{
    dt_program *g = c->g;
    rng *r = &g->r;
    if (g->nperiods && chance(r, 30))
        dt_buf_printf(b, "%s", g->periods[below(r, (uint32_t)g->nperiods)].name);
    else if (chance(r, 10))
        dt_buf_printf(b, "%d", between(r, 1, 9999));
    else
        dt_buf_printf(b, "%d", between(r, g->baseline - 4, g->horizon + 2));
}

/* An indicator of dimension dim that c may read, or -1. */
static int pick_indicator(ectx *c, int dim)
{
    int found[MAX_INDS], n = 0;
    for (int i = 0; i < c->maxind; i++)
        if (c->g->inds[i].dim == dim)
            found[n++] = i;
    return n ? found[below(&c->g->r, (uint32_t)n)] : -1;
}

/* Writes a reading of data of dimension dim: an indicator, perhaps in
 * another year (prev / baseline / at of an indicator or an expression).
 * Returns false when no indicator of dim may be read. */
static bool data_leaf(ectx *c, dt_buf *b, int dim, int depth)
{
    rng *r = &c->g->r;
    int i = pick_indicator(c, dim);
    if (i < 0)
        return false;
    if (!chance(r, 25)) {
        dt_buf_printf(b, "%s", c->g->inds[i].name);
        return true;
    }
    int fn = (int)below(r, 3);
    dt_buf_printf(b, "%s(", fn == 0 ? "prev" : fn == 1 ? "baseline" : "at");
    c->shifted++;
    if (depth > 0 && chance(r, 40)) {
        if (dim == DIM_BOOL)
            gen_bool(c, b, depth - 1, true);
        else
            gen_num(c, b, dim, depth - 1, true, false);
    } else {
        dt_buf_printf(b, "%s", c->g->inds[i].name);
    }
    c->shifted--;
    if (fn == 2) {
        dt_buf_printf(b, ", ");
        at_year(c, b);
    }
    dt_buf_printf(b, ")");
    return true;
}

/* Writes a leaf of dimension dim; returns whether it reads data. */
static bool num_leaf(ectx *c, dt_buf *b, int dim, int depth, bool need, bool huge)
{
    rng *r = &c->g->r;
    if (c->mode == M_SCORE && !c->shifted && need && chance(r, 50)) {
        /* the score's names that read the row, as a peer function's or a
         * sum's operand must */
        if (dim == DIM_ONE && chance(r, 30)) {
            dt_buf_printf(b, "progress()");
            return true;
        }
        if (dim == c->vdim) {
            static const char *const names[] = {"value", "goal", "base", "expected"};
            dt_buf_printf(b, "%s", PICK(r, names));
            return true;
        }
    }
    if (c->mode == M_SCORE && !c->shifted && !need && chance(r, 45)) {
        if (dim == DIM_ONE && chance(r, 50)) {
            static const char *const names[] = {"progress()", "year", "deadline", "direction"};
            dt_buf_printf(b, "%s", PICK(r, names));
            return true;
        }
        if (dim == c->vdim) {
            static const char *const names[] = {"value", "goal", "base", "expected"};
            dt_buf_printf(b, "%s", PICK(r, names));
            return true;
        }
    }
    if (c->mode != M_CONST && (need || chance(r, 55)) && data_leaf(c, b, dim, depth))
        return true;
    literal(c, b, dim, huge, false);
    return false;
}

/* Writes a binary arithmetic expression of dimension dim; the operands'
 * dimensions are chosen so the checker accepts it. */
static bool num_binary(ectx *c, dt_buf *b, int dim, int depth, bool need)
{
    rng *r = &c->g->r;
    int op = (int)below(r, 4);      /* + - * / */
    int da = dim, db = dim;
    if (op == 2) {
        /* a * b: dim * 1, 1 * dim, or (for A) A/B * B */
        int k = (int)below(r, 3);
        if (dim == DIM_A && k == 2) {
            da = DIM_AB;
            db = DIM_B;
        } else if (k == 0) {
            db = DIM_ONE;
        } else {
            da = DIM_ONE;
        }
    } else if (op == 3) {
        /* a / b: dim / 1, X / X for a dimensionless result, A / B */
        if (dim == DIM_ONE) {
            da = db = (int)below(r, NDIMS);
        } else if (dim == DIM_AB && chance(r, 60)) {
            da = DIM_A;
            db = DIM_B;
        } else {
            db = DIM_ONE;
        }
    }
    dt_buf x = {0}, y = {0};
    bool left_need = need && chance(r, 50);
    bool hx = gen_num(c, &x, da, depth - 1, left_need, false);
    /* A divisor that is a constant must not be zero in a constant context. */
    bool hy;
    if (op == 3 && c->mode == M_CONST) {
        literal(c, &y, db, false, true);
        hy = false;
    } else {
        hy = gen_num(c, &y, db, depth - 1, need && !left_need, hx);
    }
    static const char ops[] = "+-*/";
    if ((op == 0 || op == 2) && chance(r, 50))
        dt_buf_printf(b, "(%s %c %s)", y.s, ops[op], x.s);
    else
        dt_buf_printf(b, "(%s %c %s)", x.s, ops[op], y.s);
    dt_buf_free(&x);
    dt_buf_free(&y);
    return hx || hy;
}

/* Writes min/max (2 or 3 arguments) or clamp of dimension dim. */
static bool num_call(ectx *c, dt_buf *b, int dim, int depth, bool need)
{
    rng *r = &c->g->r;
    int fn = (int)below(r, 3);
    int n = fn == 2 ? 3 : between(r, 2, 3);
    dt_buf_printf(b, "%s(", fn == 0 ? "min" : fn == 1 ? "max" : "clamp");
    bool has = false;
    for (int i = 0; i < n; i++) {
        if (i)
            dt_buf_printf(b, ", ");
        has |= gen_num(c, b, dim, depth - 1, need && i == 0, has);
    }
    dt_buf_printf(b, ")");
    return has;
}

/* Writes a number of dimension dim, at most depth levels deep.  need: it
 * must read data (an indicator); huge: extreme constants are allowed.
 * Returns whether it reads data. */
static bool gen_num(ectx *c, dt_buf *b, int dim, int depth, bool need, bool huge)
{
    rng *r = &c->g->r;
    if (c->mode == M_CONST)
        need = false;
    if (depth <= 0 || chance(r, 35))
        return num_leaf(c, b, dim, depth, need, huge);
    switch (below(r, 8)) {
    case 0:
    case 1:
    case 2:
        return num_binary(c, b, dim, depth, need);
    case 3:
        return num_call(c, b, dim, depth, need);
    case 4: {
        bool neg = chance(r, 50);
        dt_buf_printf(b, "%s(", neg ? "-" : "abs");
        bool has = gen_num(c, b, dim, depth - 1, need, huge);
        dt_buf_printf(b, ")");
        return has;
    }
    case 6:
        if (c->peers && c->mode != M_CONST && c->maxind > 0 && chance(r, 60)) {
            /* over the row's peers, or over the regions below it at a
             * level below the top one (nothing has the top level below
             * it: planc check says so); gen_scope covers the level.  Now
             * and then read in another year (the function evaluated on
             * that year's row: ir.h IR_SHIFT), where the operand reads
             * no score names */
            static const char *const fns[] = {"lowest", "highest", "average", "total"};
            const char *fn = pick(r, fns, c->nobelow ? 3 : 4);
            int shift = chance(r, 35) ? (int)below(r, 3) : -1;
            if (shift >= 0) {
                dt_buf_printf(b, "%s(", shift == 0 ? "prev" : shift == 1 ? "baseline" : "at");
                c->shifted++;
            }
            dt_buf_printf(b, "%s(", fn);
            if (strcmp(fn, "total") == 0 || (!c->nobelow && chance(r, 40))) {
                int lv = between(r, 1, c->g->nlevels - 1);
                c->g->below_levels |= 1u << lv;
                dt_buf_printf(b, "%s, ", c->g->levels[lv]);
            }
            gen_num(c, b, dim, depth - 1, true, huge);
            dt_buf_printf(b, ")");
            if (shift >= 0) {
                c->shifted--;
                if (shift == 2) {
                    dt_buf_printf(b, ", ");
                    at_year(c, b);
                }
                dt_buf_printf(b, ")");
            }
            return true;
        }
        if (c->mode != M_CONST && c->maxind > 0) {
            /* a sum or the peak over years, from the year after the
             * baseline (the baseline, for the peak) or a given one */
            dt_buf_printf(b, "%s(", chance(r, 35) ? "peakvalue" : "cumulative");
            gen_num(c, b, dim, depth - 1, true, huge);
            if (chance(r, 40)) {
                dt_buf_printf(b, ", ");
                at_year(c, b);
            }
            dt_buf_printf(b, ")");
            return true;
        }
        return num_leaf(c, b, dim, depth, need, huge);
    case 7:
        if (c->mode != M_CONST && c->maxind > 0 && chance(r, 50)) {
            /* read on the row of the region above: its parent, or the
             * first region up its parents at a level (the top region
             * has none: missing) */
            dt_buf_printf(b, "parent(");
            if (chance(r, 40))
                dt_buf_printf(b, "%s, ", c->g->levels[below(r, (uint32_t)c->g->nlevels)]);
            gen_num(c, b, dim, depth - 1, true, huge);
            dt_buf_printf(b, ")");
            return true;
        }
        return num_leaf(c, b, dim, depth, need, huge);
    case 5: {
        dt_buf_printf(b, "(if ");
        bool has = gen_bool(c, b, depth - 1, false);
        dt_buf_printf(b, " then ");
        bool first = chance(r, 50);
        has |= gen_num(c, b, dim, depth - 1, need && first, has);
        dt_buf_printf(b, " else ");
        has |= gen_num(c, b, dim, depth - 1, need && !first, has);
        dt_buf_printf(b, ")");
        return has;
    }
    default:
        return num_leaf(c, b, dim, depth, need, huge);
    }
}

/* Writes a yes/no value, at most depth levels deep; need: it must read
 * data.  Returns whether it reads data. */
static bool gen_bool(ectx *c, dt_buf *b, int depth, bool need)
{
    rng *r = &c->g->r;
    if (c->mode == M_CONST)
        need = false;
    int k = depth <= 0 ? 0 : (int)below(r, 7);
    switch (k) {
    case 0:
    default:
        if (c->mode == M_SCORE && !c->shifted && !need && c->vdim == DIM_BOOL && chance(r, 40)) {
            static const char *const names[] = {"value", "goal", "base", "expected"};
            dt_buf_printf(b, "%s", PICK(r, names));
            return true;
        }
        if (c->mode != M_CONST && (need || chance(r, 60)) && chance(r, 75) &&
            data_leaf(c, b, DIM_BOOL, depth))
            return true;
        if (c->mode != M_CONST && (need || chance(r, 40))) {
            dt_buf_printf(b, "ismissing(");
            bool has = chance(r, 30) ? gen_bool(c, b, depth - 1, true)
                                     : gen_num(c, b, (int)below(r, NDIMS), depth - 1, true, false);
            dt_buf_printf(b, ")");
            return has;
        }
        dt_buf_printf(b, "%s", chance(r, 50) ? "yes" : "no");
        return false;
    case 1:
    case 2: {
        /* a comparison of two numbers of one dimension */
        static const char *const ops[] = {"<", "<=", ">", ">=", "==", "!="};
        int dim = (int)below(r, NDIMS);
        dt_buf x = {0}, y = {0};
        bool hx = gen_num(c, &x, dim, depth - 1, need, false);
        bool hy = gen_num(c, &y, dim, depth - 1, false, hx);
        dt_buf_printf(b, "(%s %s %s)", x.s, PICK(r, ops), y.s);
        dt_buf_free(&x);
        dt_buf_free(&y);
        return hx || hy;
    }
    case 3: {
        /* yes/no values compare with == and != only */
        dt_buf_printf(b, "(");
        bool has = gen_bool(c, b, depth - 1, need);
        dt_buf_printf(b, " %s ", chance(r, 50) ? "==" : "!=");
        has |= gen_bool(c, b, depth - 1, false);
        dt_buf_printf(b, ")");
        return has;
    }
    case 4: {
        dt_buf_printf(b, "(");
        bool has = gen_bool(c, b, depth - 1, need);
        dt_buf_printf(b, " %s ", chance(r, 50) ? "and" : "or");
        has |= gen_bool(c, b, depth - 1, false);
        dt_buf_printf(b, ")");
        return has;
    }
    case 5: {
        dt_buf_printf(b, "(not ");
        bool has = gen_bool(c, b, depth - 1, need);
        dt_buf_printf(b, ")");
        return has;
    }
    case 6: {
        dt_buf_printf(b, "(if ");
        bool has = gen_bool(c, b, depth - 1, false);
        dt_buf_printf(b, " then ");
        has |= gen_bool(c, b, depth - 1, need);
        dt_buf_printf(b, " else ");
        has |= gen_bool(c, b, depth - 1, false);
        dt_buf_printf(b, ")");
        return has;
    }
    }
}

/* ---------------------------------------------------------------- declarations */

/* A name: "<ascii><n>" or "<cjk><n>" depending on the program's style. */
static void name(dt_program *g, char out[NAME_LEN], const char *ascii, const char *cjk, int n)
{
    snprintf(out, NAME_LEN, "%s%d", g->cjk ? cjk : ascii, n);
}

/* A quoted description, sometimes with a comma, quotes or CJK text (the
 * report quotes such fields). */
static void description(dt_program *g, dt_buf *b, const char *what, int n)
{
    static const char *const extra[] = {
        "", "", ", with a comma", " \\\"quoted\\\"", "（说明）", "，中文逗号", " 50%",
    };
    dt_buf_printf(b, " \"%s %d%s\"", what, n, PICK(&g->r, extra));
}

/* plan, periods, keys. */
static void gen_plan(dt_program *g, dt_buf *b)
{
    rng *r = &g->r;
    g->baseline = between(r, 2000, 2030);
    g->horizon = g->baseline + between(r, 2, 12);
    dt_buf_printf(b, "plan %s", g->cjk ? "测试规划" : "TestPlan");
    if (chance(r, 70))
        description(g, b, "generated plan", (int)below(r, 1000));
    dt_buf_printf(b, " {\n    region   %s\n    baseline %d\n    horizon  %d\n",
                  g->regions[0].name, g->baseline, g->horizon);
    g->nperiods = (int)below(r, MAX_PERIODS + 1);
    for (int i = 0; i < g->nperiods; i++) {
        period *p = &g->periods[i];
        name(g, p->name, "P", "五年", i + 1);
        p->lo = between(r, g->baseline - 5, g->horizon);
        p->hi = p->lo + between(r, 0, 5);
        dt_buf_printf(b, "%s%s = %d..%d", i == 0 ? "    periods  " : ", ", p->name, p->lo, p->hi);
    }
    if (g->nperiods)
        dt_buf_printf(b, "\n");
    strcpy(g->region_key, "region");
    strcpy(g->year_key, "year");
    if (chance(r, 30)) {
        strcpy(g->region_key, g->cjk ? "城市" : "city");
        strcpy(g->year_key, g->cjk ? "年份" : "yr");
        dt_buf_printf(b, "    keys     region = \"%s\", year = \"%s\"\n", g->region_key, g->year_key);
    }
    dt_buf_printf(b, "}\n\n");
}

/* Adds a region. */
static int add_region(dt_program *g, int level, int parent)
{
    region *rg = &g->regions[g->nregions];
    rg->level = level;
    rg->parent = parent;
    static const char *const ascii[] = {"Prov", "City", "County"};
    static const char *const cjk[] = {"省", "市", "县"};
    name(g, rg->name, ascii[level], cjk[level], g->nregions);
    return g->nregions++;
}

/* levels and regions: a top region with cities (and in a third level,
 * counties), sometimes a second top region with no children; aliases.
 * A level sometimes has a text of its own (`city "市州"`), some with a
 * quote, a backslash or a line break: it changes no score, but every
 * report that names the level shows it (difftest compares the engines'
 * pages). */
static void gen_regions(dt_program *g, dt_buf *b)
{
    rng *r = &g->r;
    g->nlevels = chance(r, 30) ? 3 : 2;
    static const char *const ascii[] = {"province", "city", "county"};
    static const char *const cjk[] = {"省级", "市级", "县级"};
    dt_buf_printf(b, "levels ");
    for (int i = 0; i < g->nlevels; i++) {
        snprintf(g->levels[i], NAME_LEN, "%s", g->cjk ? cjk[i] : ascii[i]);
        dt_buf_printf(b, "%s%s", i ? ", " : "", g->levels[i]);
        /* as the rules write them: escapes inside */
        static const char *const texts[] = {"市州", "省", "县（市、区）", "the \\\"big\\\" ones",
                                            "区\\\\县", "第一行\\n第二行", "tab\\there"};
        if (chance(r, 30))
            dt_buf_printf(b, " \"%s\"", PICK(r, texts));
    }
    dt_buf_printf(b, "\n");

    add_region(g, 0, -1);
    int ncities = between(r, 2, 6);
    for (int i = 0; i < ncities; i++)
        add_region(g, 1, 0);
    if (g->nlevels == 3) {
        int ncounties = between(r, 1, 4);
        for (int i = 0; i < ncounties; i++)
            add_region(g, 2, between(r, 1, ncities));
    }
    if (chance(r, 30))
        add_region(g, 0, -1);
    if (chance(r, 35)) {
        /* a regional group: counties of several cities as a city of the
         * top region (so the top is above its counties along two paths),
         * or regions of any finer level as a top region of its own */
        bool city = g->nlevels == 3 && chance(r, 50);
        int gi = add_region(g, city ? 1 : 0, city ? 0 : -1);
        region *grp = &g->regions[gi];
        int want = between(r, 1, 4);
        for (int t = 0; t < 12 && grp->nmembers < want; t++) {
            int k = (int)below(r, (uint32_t)gi);
            bool dup = false;
            for (int j = 0; j < grp->nmembers; j++)
                dup |= grp->members[j] == k;
            if (!dup && g->regions[k].level > grp->level)
                grp->members[grp->nmembers++] = k;
        }
        if (grp->nmembers == 0)
            grp->members[grp->nmembers++] = city ? gi - 1 : 1;
    }
    for (int i = 0; i < g->nregions; i++)
        if (chance(r, 25))
            snprintf(g->regions[i].alias, NAME_LEN, "%s%d", g->cjk ? "别名" : "alias", i);

    /* Declarations: single regions (with aliases) or lists of siblings. */
    for (int i = 0; i < g->nregions;) {
        region *rg = &g->regions[i];
        int j = i + 1;
        if (!rg->alias[0] && !rg->nmembers)
            while (j < g->nregions && !g->regions[j].alias[0] && !g->regions[j].nmembers &&
                   g->regions[j].level == rg->level && g->regions[j].parent == rg->parent && chance(r, 60))
                j++;
        dt_buf_printf(b, "region ");
        for (int k = i; k < j; k++)
            dt_buf_printf(b, "%s%s", k > i ? ", " : "", g->regions[k].name);
        dt_buf_printf(b, " : %s", g->levels[rg->level]);
        if (rg->parent >= 0)
            dt_buf_printf(b, " in %s", g->regions[rg->parent].name);
        for (int k = 0; k < rg->nmembers; k++)
            dt_buf_printf(b, "%s%s", k ? ", " : " of ", g->regions[rg->members[k]].name);
        if (rg->alias[0])
            dt_buf_printf(b, " alias \"%s\"", rg->alias);
        dt_buf_printf(b, "\n");
        i = j;
    }
    dt_buf_printf(b, "\n");
}

/* agencies and units. */
static void gen_agencies_units(dt_program *g, dt_buf *b)
{
    g->nagencies = between(&g->r, 1, 4);
    for (int i = 0; i < g->nagencies; i++)
        dt_buf_printf(b, "agency %s%d\n", g->cjk ? "厅" : "Agency", i);
    dt_buf_printf(b, "\n");
    for (int d = 0; d < NDIMS; d++)
        for (int u = 0; u < 3; u++)
            if (UNITS[d][u].decl)
                dt_buf_printf(b, "%s\n", UNITS[d][u].decl);
    dt_buf_printf(b, "\n");
}

/* The name of unit u of dimension dim as an indicator declares it. */
static const char *unit_name(int dim, int u)
{
    return dim == DIM_BOOL ? "bool" : UNITS[dim][u].name;
}

/* indicators: first one column per dimension (so every dimension can be
 * read), then more columns and formulas over earlier indicators. */
static void gen_indicators(dt_program *g, dt_buf *b)
{
    rng *r = &g->r;
    int n = between(r, NDIMS + 2, 12);
    for (int i = 0; i < n; i++) {
        indicator *ind = &g->inds[g->ninds];
        name(g, ind->name, "x", "指标", i);
        ind->dim = i <= NDIMS ? i : (int)below(r, NDIMS + 1);
        bool formula = i > NDIMS && chance(r, 35);
        bool table = !formula && i > NDIMS && chance(r, 15);
        int u = (int)below(r, 3);
        dt_buf_printf(b, "indicator %s", ind->name);
        if (chance(r, 30))
            description(g, b, "indicator", i);
        dt_buf_printf(b, " : %s", unit_name(ind->dim, u));
        if (ind->dim != DIM_BOOL && chance(r, 60))
            dt_buf_printf(b, ", %s", chance(r, 50) ? "higher" : "lower");
        if (table) {
            /* values given by the rules for some regions, in rows of one
             * or more regions, each region once */
            ind->column = -1;
            ectx c = {.g = g, .mode = M_CONST};
            dt_buf_printf(b, ", values {");
            bool written = false;
            for (int k = 0; k < g->nregions; k++) {
                bool last = k == g->nregions - 1;
                if (!chance(r, 70) && !last)
                    continue;
                dt_buf_printf(b, "%s %s", written ? "," : "", g->regions[k].name);
                written = true;
                /* a row ends at its value; the last region ends the table */
                if (chance(r, 60) || last) {
                    dt_buf_printf(b, " = ");
                    if (ind->dim == DIM_BOOL)
                        dt_buf_printf(b, "%s", chance(r, 50) ? "yes" : "no");
                    else
                        literal(&c, b, ind->dim, false, false);
                }
            }
            /* rows for some years (values by year): a region at most
             * once, so no year is given twice; read in the row's year,
             * shifted by prev / at / baseline */
            for (int k = 0; k < g->nregions; k++) {
                if (!chance(r, 25))
                    continue;
                int from = between(r, g->baseline - 3, g->horizon + 1);
                int to = chance(r, 50) ? from : between(r, from, g->horizon + 3);
                dt_buf_printf(b, ", %s = ", g->regions[k].name);
                if (ind->dim == DIM_BOOL)
                    dt_buf_printf(b, "%s", chance(r, 50) ? "yes" : "no");
                else
                    literal(&c, b, ind->dim, false, false);
                if (from == to)
                    dt_buf_printf(b, " in %d", from);
                else
                    dt_buf_printf(b, " in %d..%d", from, to);
            }
            /* rows for every region of a level and the else row, each
             * with and without years (the level of some region, so that
             * it has one; a level and else each given once per year):
             * a region's own rows beat its level's, which beat else's */
            int lv = g->regions[below(r, (uint32_t)g->nregions)].level;
            for (int shared = 0; shared < 4; shared++) {
                if (!chance(r, shared < 2 ? 30 : 20))
                    continue;
                dt_buf_printf(b, ", %s = ", shared % 2 == 0 ? g->levels[lv] : "else");
                if (ind->dim == DIM_BOOL)
                    dt_buf_printf(b, "%s", chance(r, 50) ? "yes" : "no");
                else
                    literal(&c, b, ind->dim, false, false);
                if (shared >= 2) {
                    int from = between(r, g->baseline - 3, g->horizon + 1);
                    int to = chance(r, 50) ? from : between(r, from, g->horizon + 3);
                    dt_buf_printf(b, " in %d..%d", from, to);
                }
            }
            dt_buf_printf(b, " }");
        } else if (formula) {
            ind->column = -1;
            ectx c = {.g = g, .mode = M_DATA, .maxind = g->ninds, .peers = true, .nobelow = true};
            dt_buf_printf(b, ", formula ");
            if (ind->dim == DIM_BOOL)
                gen_bool(&c, b, 2, true);
            else
                gen_num(&c, b, ind->dim, 3, true, false);
        } else {
            /* A new column, or now and then one another indicator reads. */
            int col = -1;
            for (int k = 0; k < g->ninds && chance(r, 8); k++)
                if (g->inds[k].column >= 0 && g->inds[k].dim == ind->dim)
                    col = g->inds[k].column;
            if (col < 0) {
                col = g->ncolumns++;
                snprintf(g->columns[col].name, NAME_LEN, "%s%d", g->cjk ? "列" : "col", col);
                g->columns[col].is_bool = ind->dim == DIM_BOOL;
            }
            ind->column = col;
            dt_buf_printf(b, ", column \"%s\"", g->columns[col].name);
            int cu = (int)below(r, 3);
            if (ind->dim != DIM_BOOL && cu != u && chance(r, 50))
                dt_buf_printf(b, " in %s", unit_name(ind->dim, cu));
        }
        dt_buf_printf(b, "\n");
        g->ninds++;
    }
    dt_buf_printf(b, "\n");
}

/* A deadline: a year after the baseline and up to the horizon, written as
 * a number or as a period whose last year it is. */
static void deadline(dt_program *g, dt_buf *b, int year)
{
    for (int i = 0; i < g->nperiods; i++)
        if (g->periods[i].hi == year && chance(&g->r, 50)) {
            dt_buf_printf(b, "%s", g->periods[i].name);
            return;
        }
    dt_buf_printf(b, "%d", year);
}

/* n strictly increasing deadlines in (baseline, horizon]. */
static void deadlines(dt_program *g, int *out, int n)
{
    int k = 0;
    for (int y = g->baseline + 1; y <= g->horizon && k < n; y++) {
        /* selection sampling: y is taken with probability (n - k) / left */
        int left = g->horizon - y + 1;
        if ((int)below(&g->r, (uint32_t)left) < n - k)
            out[k++] = y;
    }
}

/* Whether region i lies below a region of `in`: in its parent or a group
 * listing it, or below those (levels only grow downwards: no cycle). */
static bool below_some(const dt_program *g, int i, const bool *in)
{
    int p = g->regions[i].parent;
    if (p >= 0 && (in[p] || below_some(g, p, in)))
        return true;
    for (int k = 0; k < g->nregions; k++)
        for (int j = 0; j < g->regions[k].nmembers; j++)
            if (g->regions[k].members[j] == i && (in[k] || below_some(g, k, in)))
                return true;
    return false;
}

/* Whether some region of `in` has regions of level `level` below it. */
static bool covers_level(const dt_program *g, const bool *in, int level)
{
    for (int i = 0; i < g->nregions; i++)
        if (g->regions[i].level == level && below_some(g, i, in))
            return true;
    return false;
}

/* Whether `in` covers, for every level of g->below_levels, a region
 * with regions of that level below it (planc check says so otherwise). */
static bool covers_below(const dt_program *g, const bool *in)
{
    for (int lv = 1; lv < g->nlevels; lv++)
        if ((g->below_levels & (1u << lv)) && !covers_level(g, in, lv))
            return false;
    return true;
}

/* A scope: regions, a level, or a level except some regions.  When the
 * scope drawn does not cover every level the target reads below its
 * regions (covers_below), the top region (which has every level but its
 * own below it) is added to it. */
static void gen_scope(dt_program *g, dt_buf *b)
{
    rng *r = &g->r;
    bool used[MAX_REGIONS] = {false};
    int kind = (int)below(r, 3);
    if (kind == 0) {
        int n = between(r, 1, 3), first = 1;
        dt_buf_printf(b, " for ");
        for (int i = 0; i < n; i++) {
            int k = (int)below(r, (uint32_t)g->nregions);
            if (used[k])
                continue;
            used[k] = true;
            dt_buf_printf(b, "%s%s", first ? "" : ", ", g->regions[k].name);
            first = 0;
        }
        if (!covers_below(g, used))
            dt_buf_printf(b, ", %s", g->regions[0].name);
        return;
    }
    int level = between(r, 1, g->nlevels - 1);
    dt_buf_printf(b, " for %s", g->levels[level]);
    int except = -1;
    if (kind == 2) {
        int in[MAX_REGIONS], n = 0;
        for (int i = 0; i < g->nregions; i++)
            if (g->regions[i].level == level)
                in[n++] = i;
        if (n >= 2)
            except = in[below(r, (uint32_t)n)];
    }
    for (int i = 0; i < g->nregions; i++)
        used[i] = g->regions[i].level == level && i != except;
    if (!covers_below(g, used))
        dt_buf_printf(b, ", %s", g->regions[0].name);
    if (except >= 0)
        dt_buf_printf(b, " except %s", g->regions[except].name);
}

/* The kinds of target the generator writes. */
typedef enum tkind {
    K_THRESHOLD, K_MILESTONES, K_EVERY_YEAR, K_REDLINE, K_COMPLETE, K_RATED,
    K_FALLS, K_RISES, K_PEAKS, K_SHARE, K_BOOL, NKINDS
} tkind;

/* Writes what a target measures, of dimension dim; *single is set to the
 * indicator when it is one indicator read in its own year, else -1. */
static void measured(dt_program *g, dt_buf *b, int dim, int *single)
{
    rng *r = &g->r;
    ectx c = {.g = g, .mode = M_DATA, .maxind = g->ninds, .peers = true};
    *single = -1;
    if (chance(r, 55)) {
        int i = pick_indicator(&c, dim);
        dt_buf_printf(b, "%s", g->inds[i].name);
        *single = i;
    } else if (dim == DIM_BOOL) {
        gen_bool(&c, b, 3, true);
    } else {
        gen_num(&c, b, dim, 3, true, false);
    }
}

/* Writes a goal of dimension dim: a constant (a bare number takes the
 * measured unit), now and then an extreme one, or one read from the data. */
static void goal(dt_program *g, dt_buf *b, int dim)
{
    rng *r = &g->r;
    ectx c = {.g = g, .mode = M_CONST};
    if (chance(r, 12)) {
        /* a goal read from the data (a quota column, the peers' average) */
        ectx d = {.g = g, .mode = M_DATA, .maxind = g->ninds, .peers = true};
        if (dim == DIM_BOOL)
            gen_bool(&d, b, 2, true);
        else
            gen_num(&d, b, dim, 2, true, false);
        return;
    }
    if (dim == DIM_BOOL) {
        if (chance(r, 80))
            dt_buf_printf(b, "%s", chance(r, 70) ? "yes" : "no");
        else
            gen_bool(&c, b, 1, false);
        return;
    }
    int k = (int)below(r, 10);
    if (k < 3) {
        static const char *const bare[] = {"0", "1", "5", "10", "50", "80", "90", "100", "-5", "0.5"};
        dt_buf_printf(b, "%s", PICK(r, bare));
    } else if (k < 8) {
        literal(&c, b, dim, k == 7, false);
    } else {
        gen_num(&c, b, dim, 2, false, false);
    }
}

/* Writes " tolerance T" after a goal of dimension dim (docs/LANGUAGE.md
 * §9): an amount of the goal's dimension, zero or more; on a
 * dimensionless goal with its % or ‰ (a number alone is an error there). */
static void tolerance(dt_program *g, dt_buf *b, int dim)
{
    ectx c = {.g = g, .mode = M_CONST};
    dt_buf_printf(b, " tolerance ");
    if (dim == DIM_ONE) {
        static const char *const tol[] = {"0%", "0.5%", "1%", "2‰", "0.1%", "5%", "20%"};
        dt_buf_printf(b, "%s", PICK(&g->r, tol));
    } else {
        literal(&c, b, dim, false, false);
    }
}

/* A comparison operator. */
static const char *cmpop(dt_program *g, bool yesno)
{
    static const char *const ops[] = {">=", ">=", "<=", "<=", ">", "<", "==", "!="};
    if (yesno)
        return chance(&g->r, 70) ? "==" : "!=";
    return PICK(&g->r, ops);
}

/* Writes one target of measure m. */
static void gen_target(dt_program *g, dt_buf *b, int m, bool first_in_measure)
{
    rng *r = &g->r;
    if (g->ntargets >= MAX_TARGETS)
        return;
    static const int weights[NKINDS] = {
        [K_THRESHOLD] = 16, [K_MILESTONES] = 12, [K_EVERY_YEAR] = 8, [K_REDLINE] = 8,
        [K_COMPLETE] = 6, [K_RATED] = 6, [K_FALLS] = 7, [K_RISES] = 7, [K_PEAKS] = 10,
        [K_SHARE] = 10, [K_BOOL] = 10,
    };
    int total = 0;
    for (int k = 0; k < NKINDS; k++)
        total += weights[k];
    int x = (int)below(r, (uint32_t)total), kind = 0;
    while (x >= weights[kind])
        x -= weights[kind++];

    target *t = &g->targets[g->ntargets];
    t->measure = m;
    name(g, t->name, "T", "目标", g->ntargets);

    int dim = kind == K_COMPLETE || kind == K_SHARE ? DIM_ONE
            : kind == K_BOOL ? DIM_BOOL : (int)below(r, NDIMS);
    if (kind == K_REDLINE && chance(r, 20))
        dim = DIM_BOOL;
    dt_buf cond = {0}, shared = {0};  /* shared: a K_SHARE's share(...) */
    int single = -1;
    g->below_levels = 0;
    int limit = g->horizon;     /* a target's own baseline comes before this */
    switch ((tkind)kind) {
    case K_THRESHOLD:
    case K_MILESTONES:
    case K_EVERY_YEAR:
    case K_REDLINE:
    case K_BOOL:
    case K_SHARE: {
        if (kind == K_SHARE) {
            ectx c = {.g = g, .mode = M_DATA, .maxind = g->ninds};
            int share = between(r, 1, g->nlevels - 1);
            g->below_levels |= 1u << share;
            dt_buf_printf(&shared, "share(%s, ", g->levels[share]);
            gen_bool(&c, &shared, 2, true);
            dt_buf_printf(&shared, ")");
            dt_buf_printf(&cond, "%s", shared.s);
        } else {
            measured(g, &cond, dim, &single);
        }
        int n = kind == K_MILESTONES ? between(r, 2, 3) : 1;
        if (n > g->horizon - g->baseline)
            n = g->horizon - g->baseline;
        bool every = kind == K_EVERY_YEAR || kind == K_REDLINE ||
                     ((kind == K_BOOL || kind == K_SHARE) && chance(r, 25));
        int years[3];
        deadlines(g, years, n);
        if (!every && n > 0)
            limit = years[0];
        for (int i = 0; i < n; i++) {
            const char *op = cmpop(g, dim == DIM_BOOL);
            dt_buf_printf(&cond, "%s %s ", i ? "," : "", op);
            if (kind == K_SHARE && chance(r, 30)) {
                /* the share of another year (不低于上年): ir.h IR_SHIFT */
                int fn = (int)below(r, 3);
                dt_buf_printf(&cond, "%s(%s", fn == 0 ? "prev" : fn == 1 ? "baseline" : "at", shared.s);
                if (fn == 2) {
                    ectx c = {.g = g, .mode = M_DATA, .maxind = g->ninds};
                    dt_buf_printf(&cond, ", ");
                    at_year(&c, &cond);
                }
                dt_buf_printf(&cond, ")");
            } else {
                goal(g, &cond, dim);
            }
            if (dim != DIM_BOOL && strcmp(op, "!=") != 0 && chance(r, 25))
                tolerance(g, &cond, dim);
            if (!every) {
                dt_buf_printf(&cond, " by ");
                deadline(g, &cond, years[i]);
            }
        }
        break;
    }
    case K_COMPLETE:
    case K_RATED: {
        int year;
        deadlines(g, &year, 1);
        limit = year;
        dt_buf_printf(&cond, "%s ", kind == K_COMPLETE ? "complete" : "rated");
        measured(g, &cond, dim, &single);
        if (kind == K_RATED) {
            const char *op = cmpop(g, false);
            dt_buf_printf(&cond, " %s ", op);
            goal(g, &cond, dim);
            if (strcmp(op, "!=") != 0 && chance(r, 25))
                tolerance(g, &cond, dim);
        } else if (chance(r, 25)) {
            /* complete X tolerance T (基本实现全覆盖) */
            tolerance(g, &cond, dim);
        }
        dt_buf_printf(&cond, " by ");
        deadline(g, &cond, year);
        break;
    }
    case K_FALLS:
    case K_RISES:
        measured(g, &cond, dim, &single);
        dt_buf_printf(&cond, " %s every year", kind == K_FALLS ? "falls" : "rises");
        break;
    case K_PEAKS: {
        measured(g, &cond, dim, &single);
        dt_buf_printf(&cond, " peaks");
        if (chance(r, 70)) {
            int year;
            deadlines(g, &year, 1);
            limit = year;
            dt_buf_printf(&cond, " by ");
            deadline(g, &cond, year);
        }
        if (chance(r, 60)) {
            static const char *const tol[] = {"0", "1%", "0.5%", "2‰", "0.1", "5%", "1", "0.0001"};
            dt_buf_printf(&cond, " tolerance %s", PICK(r, tol));
        }
        break;
    }
    case NKINDS:
        break;
    }

    /* The score, drawn before the scope is written: the levels it reads
     * below the regions must be covered too. */
    dt_buf score = {0};
    if (chance(r, 25)) {
        ectx c = {.g = g, .mode = M_SCORE, .maxind = g->ninds, .vdim = dim, .peers = true};
        dt_buf_printf(&score, " score ");
        gen_num(&c, &score, DIM_ONE, 3, false, false);
    }

    /* Name: usually given; an unnamed target takes its indicator's name. */
    bool named = true;
    if (single >= 0 && !g->unnamed_used[single] && chance(r, 30)) {
        g->unnamed_used[single] = true;
        snprintf(t->name, NAME_LEN, "%s", g->inds[single].name);
        named = false;
    }
    dt_buf_printf(b, "        %s", kind == K_REDLINE ? "redline" : "target");
    bool colon = named;
    if (named)
        dt_buf_printf(b, " %s", t->name);
    if (chance(r, 25)) {
        description(g, b, "target", g->ntargets);
        colon = true;
    }
    if (chance(r, 30)) {
        gen_scope(g, b);
        colon = true;
    }
    dt_buf_printf(b, "%s %s", colon ? " :" : "", cond.s);
    dt_buf_free(&cond);
    dt_buf_free(&shared);

    /* Attributes. */
    if (chance(r, 25)) {
        static const char *const w[] = {"0", "0.5", "1", "2", "3", "10", "1.5"};
        const char *wt = PICK(r, w);
        if (first_in_measure && strcmp(wt, "0") == 0)
            wt = "2";
        dt_buf_printf(b, " weight %s", wt);
        t->has_weight = true;
    }
    if (chance(r, 12))
        dt_buf_printf(b, " veto");
    if (score.s)
        dt_buf_printf(b, "%s", score.s);
    dt_buf_free(&score);
    if (chance(r, 10))
        dt_buf_printf(b, " clause (%s)", g->measures[below(r, (uint32_t)g->nmeasures)]);
    if (chance(r, 10))
        dt_buf_printf(b, " note \"note, %d\"", g->ntargets);
    if (limit > g->baseline && chance(r, 15))
        dt_buf_printf(b, " baseline %d", between(r, g->baseline, limit - 1));
    dt_buf_printf(b, "\n");
    g->ntargets++;
}

/* sections, measures and their targets. */
static void gen_sections(dt_program *g, dt_buf *b)
{
    rng *r = &g->r;
    g->nsections = between(r, 1, MAX_SECTIONS);
    for (int s = 0; s < g->nsections; s++) {
        name(g, g->sections[s], "S", "部分", s);
        int nm = between(r, 1, 3);
        for (int k = 0; k < nm && g->nmeasures < MAX_MEASURES; k++) {
            int m = g->nmeasures++;
            static const char *const ascii[] = {"m", "M", ""};
            static const char *const cjk[] = {"第", "措施", ""};
            name(g, g->measures[m], PICK(r, ascii), PICK(r, cjk), m + 1);
            g->measure_section[m] = s;
        }
    }
    for (int s = 0; s < g->nsections; s++) {
        dt_buf_printf(b, "section %s", g->sections[s]);
        if (chance(r, 70))
            description(g, b, "section", s);
        dt_buf_printf(b, " {\n");
        for (int m = 0; m < g->nmeasures; m++) {
            if (g->measure_section[m] != s)
                continue;
            dt_buf_printf(b, "    measure (%s)", g->measures[m]);
            if (chance(r, 70))
                description(g, b, "measure", m);
            dt_buf_printf(b, " {\n");
            int a = (int)below(r, (uint32_t)g->nagencies);
            int k = (int)below(r, 4);
            if (k == 0)
                dt_buf_printf(b, "        lead %s%d\n", g->cjk ? "厅" : "Agency", a);
            else if (k == 1)
                dt_buf_printf(b, "        lead %s%d\n        responsible %s%d\n", g->cjk ? "厅" : "Agency", a,
                              g->cjk ? "厅" : "Agency", (a + 1) % g->nagencies);
            else if (k == 2)
                dt_buf_printf(b, "        shared %s%d\n", g->cjk ? "厅" : "Agency", a);
            int nt = chance(r, 8) ? 0 : between(r, 1, 4);
            for (int t = 0; t < nt; t++)
                gen_target(g, b, m, t == 0);
            dt_buf_printf(b, "    }\n");
        }
        dt_buf_printf(b, "}\n\n");
    }
}

/* The assessment: missing-data policy, default score, weights, vetoes,
 * grades.  Zero weights never fall on the first item of a group, so no
 * group has only zero weights. */
static void gen_assessment(dt_program *g, dt_buf *b)
{
    rng *r = &g->r;
    dt_buf_printf(b, "assessment %s {\n", g->cjk ? "考核" : "Review");
    int k = (int)below(r, 20);
    dt_buf_printf(b, "    missing %s\n", k < 9 ? "zero" : k < 18 ? "reweight" : "error");
    if (chance(r, 35)) {
        ectx c = {.g = g, .mode = M_SCORE, .maxind = 0, .vdim = -1};
        dt_buf_printf(b, "    score ");
        gen_num(&c, b, DIM_ONE, 2, false, false);
        dt_buf_printf(b, "\n");
    }
    static const char *const w[] = {"0", "0.5", "1", "2", "3", "30", "60"};
    int nw = 0;
    /* Only measures with targets have a score, and only sections with such
     * measures: the first of each (in its section, in the plan) keeps a
     * weight above zero. */
    int ntargets_of[MAX_MEASURES] = {0};
    for (int t = 0; t < g->ntargets; t++)
        ntargets_of[g->targets[t].measure]++;
    int first_scored = -1;
    for (int m = 0; m < g->nmeasures && first_scored < 0; m++)
        if (ntargets_of[m])
            first_scored = g->measure_section[m];
    for (int s = 0; s < g->nsections; s++)
        if (chance(r, 40)) {
            const char *wt = PICK(r, w);
            if (s == first_scored && strcmp(wt, "0") == 0)
                wt = "1";
            dt_buf_printf(b, "%s section %s = %s", nw++ ? "," : "    weight", g->sections[s], wt);
        }
    for (int m = 0; m < g->nmeasures; m++)
        if (chance(r, 30)) {
            const char *wt = PICK(r, w);
            bool first = ntargets_of[m] > 0;
            for (int j = 0; j < m; j++)
                first &= !(ntargets_of[j] && g->measure_section[j] == g->measure_section[m]);
            if (first && strcmp(wt, "0") == 0)
                wt = "1";
            dt_buf_printf(b, "%s measure (%s) = %s", nw++ ? "," : "    weight", g->measures[m], wt);
        }
    for (int t = 0; t < g->ntargets; t++)
        if (!g->targets[t].has_weight && chance(r, 25)) {
            const char *wt = PICK(r, w);
            bool first = t == 0 || g->targets[t - 1].measure != g->targets[t].measure;
            if (first && strcmp(wt, "0") == 0)
                wt = "1";
            dt_buf_printf(b, "%s target %s = %s", nw++ ? "," : "    weight", g->targets[t].name, wt);
        }
    if (nw)
        dt_buf_printf(b, "\n");
    if (chance(r, 50))
        dt_buf_printf(b, "    veto redlines\n");
    if (g->ntargets && chance(r, 30)) {
        int t1 = (int)below(r, (uint32_t)g->ntargets), t2 = (int)below(r, (uint32_t)g->ntargets);
        dt_buf_printf(b, "    veto %s", g->targets[t1].name);
        if (t2 != t1 && chance(r, 40))
            dt_buf_printf(b, ", %s", g->targets[t2].name);
        dt_buf_printf(b, "\n");
    }
    if (chance(r, 75)) {
        static const int bounds[] = {95, 90, 85, 80, 70, 60, 50, 30, 0};
        int nb = between(r, 1, 3), written = 0;
        dt_buf_printf(b, "    grade ");
        for (int i = 0; i < 9 && written < nb; i++) {
            if (!chance(r, 40) && 9 - i > nb - written)
                continue;
            dt_buf_printf(b, "%s%s%d >= %d", written ? ", " : "", g->cjk ? "等级" : "G", written,
                          bounds[i]);
            written++;
        }
        dt_buf_printf(b, ", %s%d\n", g->cjk ? "等级" : "G", written);
    }
    dt_buf_printf(b, "}\n");
}

dt_program *dt_gen_rules(uint64_t seed, dt_buf *b)
{
    dt_program *g = calloc(1, sizeof *g);
    if (!g) {
        fprintf(stderr, "difftest: out of memory\n");
        exit(4);
    }
    g->r.s = seed;
    g->cjk = chance(&g->r, 50);
    dt_buf_printf(b, "# difftest program, seed %llu\n", (unsigned long long)seed);
    /* Regions first (the plan names the top one), written after the plan. */
    dt_buf regions = {0};
    gen_regions(g, &regions);
    gen_plan(g, b);
    dt_buf_printf(b, "%s", regions.s);
    dt_buf_free(&regions);
    gen_agencies_units(g, b);
    gen_indicators(g, b);
    gen_sections(g, b);
    if (chance(&g->r, 85))
        gen_assessment(g, b);
    return g;
}

/* ---------------------------------------------------------------- data */

/* One data row before shuffling. */
typedef struct row {
    int region, year;
    char *text;         /* the record after region and year, with its newline */
} row;

/* Writes a numeric cell: a point on the region's trajectory, or one of the
 * awkward values.  The largest stays a factor 1e8 below the largest double:
 * a cell that a column's unit conversion (up to 10^7 here) would carry to
 * inf is a data error (planc rejects the file), and sums of inf still come
 * from the formulas' huge constants. */
static void num_cell(rng *r, dt_buf *b, double trend, double *prev)
{
    static const char *const special[] = {
        "", "NA", "0", "-0", "1e300", "-1e300", "1.7976931348623157e300", "1e-300",
        "5e-324", "2.5e-320", "-1e-310", "2.2250738585072014e-308", "1e15",
        "9007199254740993", "-42.5", " 7 ",
    };
    int k = (int)below(r, 100);
    if (k < 18) {
        const char *s = PICK(r, special);
        dt_buf_printf(b, "%s", s);
        return;
    }
    if (k < 26) {
        dt_buf_printf(b, "%.17g", *prev);       /* a tie with the year before */
        return;
    }
    double v = trend;
    if (k < 40)
        v += (double)between(r, -300, 300) / 100.0;
    *prev = v;
    switch (below(r, 3)) {
    case 0: dt_buf_printf(b, "%.17g", v); break;
    case 1: dt_buf_printf(b, "%.2f", v); break;
    default: dt_buf_printf(b, "%g", v); break;
    }
}

/* Writes a yes/no cell in one of the accepted spellings, or missing. */
static void bool_cell(rng *r, dt_buf *b, bool truth)
{
    static const char *const yes[] = {"1", "yes", "YES", "true", "是", "Yes"};
    static const char *const no[] = {"0", "no", "false", "否", "No", "FALSE"};
    if (chance(r, 12))
        dt_buf_printf(b, "%s", chance(r, 50) ? "" : "NA");
    else
        dt_buf_printf(b, "%s", truth ? PICK(r, yes) : PICK(r, no));
}

/* Writes a field, sometimes quoted. */
static void field(rng *r, dt_buf *b, const char *s)
{
    if (chance(r, 10))
        dt_buf_printf(b, "\"%s\"", s);
    else
        dt_buf_printf(b, "%s", s);
}

void dt_gen_data(const dt_program *g, uint64_t seed, dt_buf *b)
{
    rng rr = {seed}, *r = &rr;
    /* Data years: from a few years before the baseline to around the
     * horizon (so deadlines fall before, at and after the last data year);
     * one data set in forty reaches back 700 years, for tables longer than
     * the runtime's chunk of rows (RT_CHUNK_ROWS) and peaks over long
     * histories. */
    int y0 = g->baseline - (chance(r, 2) ? 700 : between(r, 0, 3));
    int y1 = g->horizon + between(r, -4, 3);
    if (y1 < g->baseline + 1)
        y1 = g->baseline + 1;
    const char *eol = chance(r, 15) ? "\r\n" : "\n";

    /* Column order: the keys, the columns, sometimes an unused column. */
    int order[MAX_COLUMNS + 3], n = 0;
    order[n++] = -1;
    order[n++] = -2;
    for (int c = 0; c < g->ncolumns; c++)
        order[n++] = c;
    bool extra = chance(r, 30);
    if (extra)
        order[n++] = -3;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)below(r, (uint32_t)i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    if (chance(r, 10))
        dt_buf_printf(b, "\xEF\xBB\xBF");
    for (int i = 0; i < n; i++) {
        if (i)
            dt_buf_printf(b, ",");
        int c = order[i];
        field(r, b, c == -1 ? g->region_key : c == -2 ? g->year_key : c == -3 ? "unused"
                                                                    : g->columns[c].name);
    }
    dt_buf_printf(b, "%s", eol);

    /* Per region and column: a straight-line trend (rising or falling),
     * and the truth of yes/no columns switching on at some year. */
    int nyears = y1 - y0 + 1;
    int nrows = 0;
    row *rows = calloc((size_t)g->nregions * (size_t)nyears, sizeof *rows);
    double start[MAX_COLUMNS], slope[MAX_COLUMNS], prev[MAX_COLUMNS];
    int switch_year[MAX_COLUMNS];
    for (int rg = 0; rg < g->nregions; rg++) {
        if (chance(r, 12))
            continue;                       /* a region without rows */
        for (int c = 0; c < g->ncolumns; c++) {
            static const double scales[] = {1, 10, 100, 1000, 100000};
            double s = scales[below(r, 5)];
            start[c] = s * (double)between(r, 0, 200) / 100.0;
            slope[c] = s * (double)between(r, -15, 15) / 100.0;
            prev[c] = start[c];
            switch_year[c] = between(r, y0 - 1, y1 + 1);
        }
        for (int y = y0; y <= y1; y++) {
            if (chance(r, 15))
                continue;                   /* a gap */
            dt_buf rec = {0};
            for (int i = 0; i < n; i++) {
                int c = order[i];
                if (i)
                    dt_buf_printf(&rec, ",");
                if (c == -1) {
                    const region *rgn = &g->regions[rg];
                    field(r, &rec, rgn->alias[0] && chance(r, 40) ? rgn->alias : rgn->name);
                } else if (c == -2) {
                    dt_buf_printf(&rec, "%d", y);
                } else if (c == -3) {
                    dt_buf_printf(&rec, "\"x, %d\"", (int)below(r, 100));
                } else if (g->columns[c].is_bool) {
                    bool_cell(r, &rec, chance(r, 15) ? chance(r, 50) : y >= switch_year[c]);
                } else {
                    num_cell(r, &rec, start[c] + slope[c] * (y - y0), &prev[c]);
                }
            }
            dt_buf_printf(&rec, "%s", eol);
            rows[nrows++] = (row){rg, y, rec.s};
        }
    }
    for (int i = nrows - 1; i > 0; i--) {
        int j = (int)below(r, (uint32_t)i + 1);
        row t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
    }
    for (int i = 0; i < nrows; i++) {
        dt_buf_printf(b, "%s", rows[i].text);
        free(rows[i].text);
    }
    free(rows);
}
