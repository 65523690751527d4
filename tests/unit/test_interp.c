/* test_interp.c — the execution plan, the reference interpreter (every op,
 * NaN cases, division by zero, block and chunk boundaries), the barriers
 * PEAK and SHARE, and the `error` missing-data policy. */
#include "rt_fixture.h"

/* Reference semantics of one elementwise op, written from ir.h's table. */
static double ref(ir_op op, double a, double b, double c)
{
    bool na = isnan(a), nb = isnan(b), any = na || nb;
    switch (op) {
    case IR_NEG: return -a;
    case IR_ABS: return fabs(a);
    case IR_NOT: return na ? NAN : a == 0 ? 1 : 0;
    case IR_ISNA: return na ? 1 : 0;
    case IR_ADD: return a + b;
    case IR_SUB: return a - b;
    case IR_MUL: return a * b;
    case IR_DIV: return b == 0 ? NAN : a / b;
    case IR_MIN: return any ? NAN : a < b ? a : b;
    case IR_MAX: return any ? NAN : a > b ? a : b;
    case IR_LT: return any ? NAN : a < b;
    case IR_LE: return any ? NAN : a <= b;
    case IR_GT: return any ? NAN : a > b;
    case IR_GE: return any ? NAN : a >= b;
    case IR_EQ: return any ? NAN : a == b;
    case IR_NE: return any ? NAN : a != b;
    case IR_AND: return any ? NAN : a != 0 && b != 0;
    case IR_OR: return any ? NAN : a != 0 || b != 0;
    case IR_SELECT: return na ? NAN : a != 0 ? b : c;
    case IR_COALESCE: return na ? b : a;
    default: return NAN;
    }
}

/* (x, y) pairs, one per year of 大连 from 2001; "NA" is missing. */
static const char *const pairs[][2] = {
    {"3", "2"}, {"-3", "2"}, {"NA", "2"}, {"3", "NA"}, {"0", "0"}, {"5", "0"},
    {"2", "2"}, {"-0", "0"}, {"0", "-0"}, {"1e308", "1e308"}, {"NA", "NA"},
    {"0.5", "-1"}, {"-2.5", "0.5"}, {"1", "1"}, {"NA", "0"}, {"0", "NA"},
};
enum { NPAIRS = sizeof pairs / sizeof pairs[0] };

/* Replaces the fixture's columns with two numeric columns x and y. */
static void xy_columns(fixture *f)
{
    f->p.columns[0] = (ir_column){.name = "x", .type = IR_COL_NUM, .indicator = "X"};
    f->p.columns[1] = (ir_column){.name = "y", .type = IR_COL_NUM, .indicator = "Y"};
}

/* The CSV of the pairs above (malloc'd). */
static char *xy_csv(void)
{
    capture c;
    FILE *out = cap_open(&c);
    fputs("city,year,x,y\n", out);
    for (int i = 0; i < NPAIRS; i++)
        fprintf(out, "大连,%d,%s,%s\n", 2001 + i, pairs[i][0], pairs[i][1]);
    char *s = strdup(cap_text(&c));
    cap_free(&c);
    return s;
}

/* Makes a target whose outputs are the given slots, so they are
 * materialized and can be read from the result. */
static void add_target(fixture *f, uint32_t status, uint32_t value, uint32_t goal,
                       uint32_t expected, uint32_t score)
{
    ir_program *p = &f->p;
    ir_target *t = arena_alloc(&f->a, (p->ntargets + 1) * sizeof *t);
    if (p->ntargets)
        memcpy(t, p->targets, p->ntargets * sizeof *t);
    t[p->ntargets] = (ir_target){.name = "t", .kind = "threshold", .status = status,
                                 .value = value, .goal = goal, .expected = expected,
                                 .score = score, .weight = 1, .y0 = p->baseline};
    p->targets = t;
    p->ntargets++;
}

START_TEST(interp_every_op)
{
    static const ir_op ops[] = {
        IR_NEG, IR_ABS, IR_NOT, IR_ISNA, IR_ADD, IR_SUB, IR_MUL, IR_DIV, IR_MIN, IR_MAX,
        IR_LT, IR_LE, IR_GT, IR_GE, IR_EQ, IR_NE, IR_AND, IR_OR, IR_SELECT, IR_COALESCE,
    };
    enum { NOPS = sizeof ops / sizeof ops[0] };
    fixture f;
    fx_init(&f);
    xy_columns(&f);
    ir_program *p = &f.p;
    uint32_t ix = fx_data(&f, 0, (ir_shift){0}, 1.0), iy = fx_data(&f, 1, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, ix);
    uint32_t y = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, iy);
    uint32_t seven = ir_const(&f.a, p, IR_NUM, 7);
    uint32_t slot[NOPS];
    for (int i = 0; i < NOPS; i++)
        slot[i] = ir_emit(&f.a, p, ops[i], IR_NUM, x, y, seven, 0, 0);
    /* Every result is an output of a target, so it is materialized. */
    for (int i = 0; i < NOPS; i += 5)
        add_target(&f, slot[i], slot[i + 1], slot[i + 2], slot[i + 3], slot[i + 4]);
    char *csv = xy_csv();
    rt_table *t = fx_load(&f, csv, NULL);
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    for (int i = 0; i < NOPS; i++) {
        const double *col = rt_result_column(r, slot[i]);
        ck_assert_ptr_nonnull(col);
        for (int k = 0; k < NPAIRS; k++) {
            double a = strcmp(pairs[k][0], "NA") ? strtod(pairs[k][0], NULL) : NAN;
            double b = strcmp(pairs[k][1], "NA") ? strtod(pairs[k][1], NULL) : NAN;
            double want = ref(ops[i], a, b, 7);
            double got = col[k];
            ck_assert_msg((isnan(got) && isnan(want)) ||
                              (got == want && signbit(got) == signbit(want)),
                          "%s(%s, %s) = %.17g, expected %.17g", ir_opname(ops[i]),
                          pairs[k][0], pairs[k][1], got, want);
        }
    }
    /* The cases ir.h singles out, spelled out. */
    const double *div = rt_result_column(r, slot[7]);
    fx_assert_same(div[4], NAN);              /* 0 / 0 */
    fx_assert_same(div[5], NAN);              /* 5 / 0 */
    fx_assert_same(div[8], NAN);              /* 0 / -0 */
    fx_assert_same(div[0], 1.5);
    fx_assert_same(rt_result_column(r, slot[8])[2], NAN);   /* min(NA, 2), not fmin */
    fx_assert_same(rt_result_column(r, slot[9])[3], NAN);   /* max(3, NA) */
    fx_assert_same(rt_result_column(r, slot[14])[10], NAN); /* NA == NA */
    fx_assert_same(rt_result_column(r, slot[14])[7], 1);    /* -0 == 0 */
    fx_assert_same(rt_result_column(r, slot[3])[10], 1);    /* isna never NaN */
    fx_assert_same(rt_result_column(r, slot[3])[0], 0);
    fx_assert_same(rt_result_column(r, slot[2])[2], NAN);   /* not NA */
    fx_assert_same(rt_result_column(r, slot[16])[14], NAN); /* NA and 0 */
    fx_assert_same(rt_result_column(r, slot[17])[15], NAN); /* 0 or NA */
    fx_assert_same(rt_result_column(r, slot[18])[2], NAN);  /* if NA then 2 else 7 */
    fx_assert_same(rt_result_column(r, slot[18])[4], 7);    /* if 0 ... */
    fx_assert_same(rt_result_column(r, slot[18])[3], NAN);  /* if 3 then NA else 7 */
    fx_assert_same(rt_result_column(r, slot[19])[2], 2);    /* coalesce(NA, 2) */
    fx_assert_same(rt_result_column(r, slot[19])[10], NAN); /* coalesce(NA, NA) */
    rt_result_free(r);
    rt_table_free(t);
    free(csv);
    fx_free(&f);
}
END_TEST

START_TEST(interp_temporaries_blocks_and_chunks)
{
    /* 2 * 5000 rows: several 256-row blocks and RT_CHUNK_ROWS chunks; a
     * chain of temporaries; a value of the first segment read after a
     * barrier. */
    fixture f;
    fx_init(&f);
    xy_columns(&f);
    ir_program *p = &f.p;
    uint32_t ix = fx_data(&f, 0, (ir_shift){0}, 1.0);
    uint32_t iyear = fx_input(&f, (ir_input){.kind = IR_IN_YEAR});
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, ix);
    uint32_t yr = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, iyear);
    uint32_t two = ir_const(&f.a, p, IR_NUM, 2);
    uint32_t t1 = ir_emit(&f.a, p, IR_MUL, IR_NUM, x, two, 0, 0, 0);      /* 2x */
    uint32_t t2 = ir_emit(&f.a, p, IR_ADD, IR_NUM, t1, yr, 0, 0, 0);      /* 2x + year */
    uint32_t pk = ir_emit(&f.a, p, IR_PEAK, IR_BOOL, x, 0, 0, 0, 1);      /* barrier */
    uint32_t t3 = ir_emit(&f.a, p, IR_SUB, IR_NUM, t2, x, 0, 0, 0);       /* x + year */
    uint32_t t4 = ir_emit(&f.a, p, IR_COALESCE, IR_NUM, pk, t3, 0, 0, 0);
    add_target(&f, t4, t4, t4, t4, t3);

    exec_plan plan;
    ck_assert_int_eq(exec_plan_make(p, &plan), 0);
    ck_assert_uint_eq(plan.nsegs, 2);
    ck_assert_uint_eq(plan.segs[0].from, 0);
    ck_assert_uint_eq(plan.segs[0].to, pk);
    ck_assert_uint_eq(plan.segs[1].from, pk + 1);
    ck_assert_uint_eq(plan.segs[1].to, p->nsteps);
    ck_assert(!plan.materialized[x]);  /* an input: read from the table (exec.h) */
    ck_assert(plan.materialized[pk]);  /* barrier result */
    ck_assert(plan.materialized[t2]);  /* read by segment 1 */
    ck_assert(plan.materialized[t3]);  /* output */
    ck_assert(plan.materialized[t4]);
    ck_assert(!plan.materialized[yr]);
    ck_assert(!plan.materialized[two]);
    ck_assert(!plan.materialized[t1]);
    exec_plan_free(&plan);

    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,x,y\n", csv);
    for (int y = 1; y <= 5000; y++)
        fprintf(csv, "大连,%d,%d,\n鞍山,%d,%s,\n", y, y % 7, y, y % 3 ? "1.5" : "NA");
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    rt_table *t = fx_load(&f, text, NULL);
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    const double *out = rt_result_column(r, t3);
    ck_assert_uint_eq(rt_table_nrows(t), 10000);
    for (size_t row = 0; row < 10000; row++) {
        int y = rt_table_year(t, row);
        double xv = rt_table_region(t, row) == FX_DL ? y % 7 : y % 3 ? 1.5 : NAN;
        fx_assert_same(out[row], (2 * xv + y) - xv);
    }
    rt_result_free(r);
    rt_table_free(t);
    free(text);
    fx_free(&f);
}
END_TEST

START_TEST(plan_rejects_malformed_programs)
{
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t one = ir_const(&f.a, p, IR_NUM, 1);
    exec_plan plan;
    /* An operand that is not an earlier slot. */
    ir_emit(&f.a, p, IR_ADD, IR_NUM, one, 5, 0, 0, 0);
    ck_assert_int_eq(exec_plan_make(p, &plan), -1);
    p->nsteps = 1;
    /* An input that does not exist. */
    ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, 3);
    ck_assert_int_eq(exec_plan_make(p, &plan), -1);
    p->nsteps = 1;
    /* An output slot out of range. */
    add_target(&f, one, one, one, one, 9);
    ck_assert_int_eq(exec_plan_make(p, &plan), -1);

    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n大连,2024,1,1\n", NULL);
    capture c;
    ck_assert_ptr_null(rt_run(p, t, NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "planc: internal error: the scoring program is malformed\n");
    cap_free(&c);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(plan_empty_program)
{
    fixture f;
    fx_init(&f);
    exec_plan plan;
    ck_assert_int_eq(exec_plan_make(&f.p, &plan), 0);
    ck_assert_uint_eq(plan.nsegs, 0);
    exec_plan_free(&plan);
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n大连,2024,1,1\n", NULL);
    rt_result *r = fx_run(&f, t);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* ---- PEAK ---- */

/* Series for the peak tests (tolerance 1%, first year 2023). */
static const char peak_csv[] =
    "city,year,farmland_mu,park\n"
    "大连,2022,5,\n"      /* before y0 */
    "大连,2023,10,\n"     /* peak is this year: 0 */
    "大连,2024,12,\n"     /* new peak: 0 */
    "大连,2025,11,\n"     /* fell: 1 */
    "大连,2026,11.05,\n"  /* +0.05 <= 1% of 11: 1 */
    "大连,2027,11.3,\n"   /* +0.25 > 1% of 11.05: 0 */
    "大连,2028,11,\n"     /* the rise after the peak stays: 0 */
    "大连,2029,13,\n"     /* new peak: 0 */
    "大连,2030,12,\n"     /* 1 */
    "沈阳,2023,5,\n"
    "沈阳,2024,NA,\n"     /* missing: NaN from here on */
    "沈阳,2025,3,\n"
    "鞍山,2024,1,\n"      /* no 2023 row: NaN */
    "鞍山,2025,0,\n"
    "辽宁省,2023,-4,\n"   /* -4, -5: the first year is the peak */
    "辽宁省,2024,-5,\n"
    "辽宁省,2026,-6,\n"   /* no 2025 row: NaN */
    "北京,2023,5,\n"      /* equal values: the first year of the largest */
    "北京,2024,5,\n"
    "北京,2025,5,\n";

/* Expected PEAK results in table order (辽宁省, 沈阳, 大连, 鞍山, 北京). */
static const double peak_want[] = {
    0, 1, NAN,                                 /* 辽宁省 2023, 2024, 2026 */
    0, NAN, NAN,                               /* 沈阳 2023..2025 */
    NAN, 0, 0, 1, 1, 0, 0, 0, 1,               /* 大连 2022..2030 */
    NAN, NAN,                                  /* 鞍山 */
    0, 1, 1,                                   /* 北京 */
};

START_TEST(peak_barrier)
{
    fixture f;
    fx_init(&f);
    rt_table *t = fx_load(&f, peak_csv, NULL);
    ck_assert_ptr_nonnull(t);
    size_t n = rt_table_nrows(t);
    ck_assert_uint_eq(n, sizeof peak_want / sizeof peak_want[0]);
    ir_step s = {.op = IR_PEAK, .type = IR_BOOL, .imm = 0.01, .aux = 2023};
    double *out = malloc(n * sizeof *out);
    rt_peak(&f.p, t, &s, rt_table_column(t, FX_FARMLAND), out);
    for (size_t r = 0; r < n; r++)
        ck_assert_msg((isnan(out[r]) && isnan(peak_want[r])) || out[r] == peak_want[r],
                      "row %zu (%s %d): %g, expected %g", r,
                      f.p.regions[rt_table_region(t, r)].name, rt_table_year(t, r),
                      out[r], peak_want[r]);
    /* From 2024: 沈阳's first year is missing, 鞍山's series starts. */
    static const double from2024[] = {
        NAN, 0, NAN,                 /* 辽宁省 2023, 2024, 2026 */
        NAN, NAN, NAN,               /* 沈阳 2023..2025 */
        NAN, NAN, 0, 1, 1, 0, 0, 0, 1, /* 大连 2022..2030 */
        0, 1,                        /* 鞍山 2024, 2025 */
        NAN, 0, 1,                   /* 北京 */
    };
    s.aux = 2024;
    rt_peak(&f.p, t, &s, rt_table_column(t, FX_FARMLAND), out);
    for (size_t r = 0; r < n; r++)
        ck_assert_msg((isnan(out[r]) && isnan(from2024[r])) || out[r] == from2024[r],
                      "from 2024, row %zu: %g, expected %g", r, out[r], from2024[r]);
    s.aux = 2023;
    /* Without tolerance, 大连 2026's small rise fails. */
    s.imm = 0;
    rt_peak(&f.p, t, &s, rt_table_column(t, FX_FARMLAND), out);
    long r2026 = rt_table_find(t, FX_DL, 2026);
    fx_assert_same(out[r2026], 0);
    fx_assert_same(out[r2026 - 1], 1);
    free(out);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(peak_through_rt_run)
{
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t pk = ir_emit(&f.a, p, IR_PEAK, IR_BOOL, x, 0, 0, 0.01, 2023);
    uint32_t ten = ir_const(&f.a, p, IR_NUM, 10);
    uint32_t sc = ir_emit(&f.a, p, IR_MUL, IR_NUM, pk, ten, 0, 0, 0);
    add_target(&f, sc, x, x, x, sc);
    rt_table *t = fx_load(&f, peak_csv, NULL);
    rt_result *r = fx_run(&f, t);
    for (size_t row = 0; row < rt_table_nrows(t); row++)
        fx_assert_same(rt_result_column(r, sc)[row], peak_want[row] * 10);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* ---- SHARE ---- */

START_TEST(share_barrier)
{
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t sh = ir_emit(&f.a, p, IR_SHARE, IR_NUM, x, 0, 0, 0, 1);
    uint32_t fifty = ir_const(&f.a, p, IR_NUM, 50);
    uint32_t ok = ir_emit(&f.a, p, IR_GE, IR_BOOL, sh, fifty, 0, 0, 0);
    add_target(&f, ok, sh, fifty, fifty, sh);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "沈阳,2024,1,\n大连,2024,0,\n鞍山,2024,NA,\n"     /* 1 of 2 with data: 50 */
        "沈阳,2025,1,\n大连,2025,1,\n"                    /* 100 */
        "沈阳,2026,NA,\n"                                 /* none with data: NaN */
        "沈阳,2027,1,\n大连,2027,0.5,\n鞍山,2027,2,\n"    /* only exactly 1 counts: 33.3 */
        "辽宁省,2028,1,\n"                                /* no city rows: NaN */
        "北京,2024,1,\n", NULL);                           /* no cities at all: NaN */
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    const double *share = rt_result_column(r, sh);
    const double *ge = rt_result_column(r, ok);
    fx_assert_same(share[rt_table_find(t, FX_LN, 2024)], 50);
    fx_assert_same(share[rt_table_find(t, FX_LN, 2025)], 100);
    fx_assert_same(share[rt_table_find(t, FX_LN, 2026)], NAN);
    fx_assert_same(share[rt_table_find(t, FX_LN, 2027)], 100.0 * 1 / 3);
    fx_assert_same(share[rt_table_find(t, FX_LN, 2028)], NAN);
    fx_assert_same(share[rt_table_find(t, FX_BJ, 2024)], NAN);
    fx_assert_same(share[rt_table_find(t, FX_SY, 2024)], NAN);
    fx_assert_same(share[rt_table_find(t, FX_DL, 2025)], NAN);
    fx_assert_same(ge[rt_table_find(t, FX_LN, 2024)], 1);
    fx_assert_same(ge[rt_table_find(t, FX_LN, 2027)], 0);
    fx_assert_same(ge[rt_table_find(t, FX_LN, 2026)], NAN);
    ck_assert_uint_eq(rt_table_nrows(t), 15);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(below_barrier)
{
    /* total / lowest / highest / average over the cities below 辽宁省:
     * a total needs every city's value, the others leave the missing out;
     * rows of regions with no city below (the cities, 北京) are missing. */
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t tot = ir_emit(&f.a, p, IR_SHARE, IR_NUM, x, 0, 0, IR_SHARE_TOTAL, 1);
    uint32_t lo = ir_emit(&f.a, p, IR_SHARE, IR_NUM, x, 0, 0, IR_SHARE_LOWEST, 1);
    uint32_t hi = ir_emit(&f.a, p, IR_SHARE, IR_NUM, x, 0, 0, IR_SHARE_HIGHEST, 1);
    uint32_t av = ir_emit(&f.a, p, IR_SHARE, IR_NUM, x, 0, 0, IR_SHARE_AVERAGE, 1);
    add_target(&f, tot, lo, hi, av, tot);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "沈阳,2024,1,\n大连,2024,3,\n鞍山,2024,NA,\n"      /* 鞍山 has no value */
        "沈阳,2025,2,\n大连,2025,4,\n鞍山,2025,6,\n"
        "沈阳,2026,-1,\n大连,2026,2,\n"                     /* 鞍山 has no row */
        "辽宁省,2027,10,\n"                                  /* no city rows */
        "北京,2024,1,\n", NULL);                              /* no cities at all */
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    const double *T = rt_result_column(r, tot), *L = rt_result_column(r, lo);
    const double *H = rt_result_column(r, hi), *A = rt_result_column(r, av);
    static const struct { int year; double t, l, h, a; } want[] = {
        {2024, NAN, 1, 3, 2}, {2025, 12, 2, 6, 4}, {2026, NAN, -1, 2, 0.5}, {2027, NAN, NAN, NAN, NAN},
    };
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
        long row = rt_table_find(t, FX_LN, want[k].year);
        ck_assert_int_ge(row, 0);
        fx_assert_same(T[row], want[k].t);
        fx_assert_same(L[row], want[k].l);
        fx_assert_same(H[row], want[k].h);
        fx_assert_same(A[row], want[k].a);
    }
    long bj = rt_table_find(t, FX_BJ, 2024), sy = rt_table_find(t, FX_SY, 2025);
    fx_assert_same(T[bj], NAN);
    fx_assert_same(A[bj], NAN);
    fx_assert_same(T[sy], NAN);
    fx_assert_same(L[sy], NAN);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* ---- PEER ---- */

START_TEST(peer_barrier)
{
    /* lowest / highest / average over the regions of the row's level in
     * its year, missing values left out; the two provinces are peers of
     * each other, the three cities of each other. */
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t lo = ir_emit(&f.a, p, IR_PEER, IR_NUM, x, 0, 0, 0, IR_PEER_LOWEST);
    uint32_t hi = ir_emit(&f.a, p, IR_PEER, IR_NUM, x, 0, 0, 0, IR_PEER_HIGHEST);
    uint32_t av = ir_emit(&f.a, p, IR_PEER, IR_NUM, x, 0, 0, 0, IR_PEER_AVERAGE);
    uint32_t d = ir_emit(&f.a, p, IR_SUB, IR_NUM, x, av, 0, 0, 0);
    add_target(&f, lo, hi, av, d, lo);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "沈阳,2024,1,\n大连,2024,3,\n鞍山,2024,NA,\n辽宁省,2024,10,\n北京,2024,20,\n"
        "沈阳,2025,NA,\n"                                  /* no city has a value */
        "大连,2026,-0.5,\n辽宁省,2026,NA,\n", NULL);
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    const double *L = rt_result_column(r, lo), *H = rt_result_column(r, hi);
    const double *A = rt_result_column(r, av), *D = rt_result_column(r, d);
    static const int cities[] = {FX_SY, FX_DL, FX_AS};
    for (int k = 0; k < 3; k++) {
        long row = rt_table_find(t, (uint32_t)cities[k], 2024);
        fx_assert_same(L[row], 1);
        fx_assert_same(H[row], 3);
        fx_assert_same(A[row], 2);
    }
    fx_assert_same(D[rt_table_find(t, FX_DL, 2024)], 1);
    fx_assert_same(D[rt_table_find(t, FX_AS, 2024)], NAN);
    for (int k = FX_LN; k <= FX_BJ; k += FX_BJ - FX_LN) {
        long row = rt_table_find(t, (uint32_t)k, 2024);
        fx_assert_same(L[row], 10);
        fx_assert_same(H[row], 20);
        fx_assert_same(A[row], 15);
    }
    fx_assert_same(L[rt_table_find(t, FX_SY, 2025)], NAN);
    fx_assert_same(A[rt_table_find(t, FX_SY, 2025)], NAN);
    fx_assert_same(H[rt_table_find(t, FX_DL, 2026)], -0.5);
    fx_assert_same(A[rt_table_find(t, FX_DL, 2026)], -0.5);
    fx_assert_same(A[rt_table_find(t, FX_LN, 2026)], NAN);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* ---- SHIFT ---- */

START_TEST(shift_barrier)
{
    /* A peer average read in the year before (prev(average(x))) and in
     * 2024 (at(average(x), 2024)): the average over the peers of that
     * year, on the row of the same region in that year; missing where the
     * region has no row then (鞍山 2025), whatever the peers had.  A
     * shift of half a year or beyond ±9999 is a malformed program. */
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t av = ir_emit(&f.a, p, IR_PEER, IR_NUM, x, 0, 0, 0, IR_PEER_AVERAGE);
    uint32_t prev = ir_emit(&f.a, p, IR_SHIFT, IR_NUM, av, 0, 0, -1, 0);
    uint32_t in24 = ir_emit(&f.a, p, IR_SHIFT, IR_NUM, av, 0, 0, 2024, 0);
    uint32_t d = ir_emit(&f.a, p, IR_LE, IR_BOOL, x, prev, 0, 0, 0);
    add_target(&f, av, prev, in24, d, av);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "沈阳,2024,1,\n大连,2024,3,\n鞍山,2024,NA,\n"
        "沈阳,2025,4,\n大连,2025,0,\n"
        "沈阳,2026,1,\n大连,2026,5,\n鞍山,2026,6,\n", NULL);
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    const double *A = rt_result_column(r, av), *P = rt_result_column(r, prev);
    const double *Y = rt_result_column(r, in24), *D = rt_result_column(r, d);
    fx_assert_same(A[rt_table_find(t, FX_SY, 2025)], 2);
    fx_assert_same(P[rt_table_find(t, FX_SY, 2024)], NAN);   /* no 2023 row */
    fx_assert_same(P[rt_table_find(t, FX_SY, 2025)], 2);     /* (1 + 3) / 2 */
    fx_assert_same(P[rt_table_find(t, FX_DL, 2026)], 2);     /* (4 + 0) / 2 */
    fx_assert_same(P[rt_table_find(t, FX_AS, 2026)], NAN);   /* 鞍山 has no 2025 row */
    fx_assert_same(D[rt_table_find(t, FX_SY, 2025)], 0);     /* 4 <= 2 */
    fx_assert_same(D[rt_table_find(t, FX_DL, 2025)], 1);     /* 0 <= 2 */
    for (int y = 2024; y <= 2026; y++)
        fx_assert_same(Y[rt_table_find(t, FX_SY, y)], 2);
    fx_assert_same(Y[rt_table_find(t, FX_AS, 2026)], 2);     /* its 2024 row has no value */
    rt_result_free(r);

    exec_plan plan;
    p->steps[prev].imm = -0.5;
    ck_assert_int_eq(exec_plan_make(p, &plan), -1);
    p->steps[prev].imm = -10000;
    ck_assert_int_eq(exec_plan_make(p, &plan), -1);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* ---- CUMSUM ---- */

START_TEST(cumsum_barrier)
{
    /* From 2024: S(2023) = 0, S(2022) missing; a year without a row or a
     * value ends the sum; the shift reads S in another year. */
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t own = ir_emit(&f.a, p, IR_CUMSUM, IR_NUM, x, 0, 0, 0, 2024);
    uint32_t prev = ir_emit(&f.a, p, IR_CUMSUM, IR_NUM, x, 0, 0, -1, 2024);
    uint32_t in25 = ir_emit(&f.a, p, IR_CUMSUM, IR_NUM, x, 0, 0, 2025, 2024);
    add_target(&f, own, prev, in25, own, own);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "沈阳,2022,100,\n沈阳,2023,100,\n沈阳,2024,1.5,\n沈阳,2025,2,\n沈阳,2026,4,\n"
        "大连,2024,1,\n大连,2025,NA,\n大连,2026,1,\n"
        "鞍山,2024,5,\n鞍山,2026,5,\n", NULL);
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    const double *S = rt_result_column(r, own), *P = rt_result_column(r, prev);
    const double *A = rt_result_column(r, in25);
    fx_assert_same(S[rt_table_find(t, FX_SY, 2022)], NAN);
    fx_assert_same(S[rt_table_find(t, FX_SY, 2023)], 0);
    fx_assert_same(S[rt_table_find(t, FX_SY, 2024)], 1.5);
    fx_assert_same(S[rt_table_find(t, FX_SY, 2025)], 3.5);
    fx_assert_same(S[rt_table_find(t, FX_SY, 2026)], 7.5);
    fx_assert_same(P[rt_table_find(t, FX_SY, 2024)], 0);
    fx_assert_same(P[rt_table_find(t, FX_SY, 2026)], 3.5);
    fx_assert_same(P[rt_table_find(t, FX_SY, 2023)], NAN);
    fx_assert_same(A[rt_table_find(t, FX_SY, 2022)], 3.5);
    fx_assert_same(S[rt_table_find(t, FX_DL, 2024)], 1);
    fx_assert_same(S[rt_table_find(t, FX_DL, 2025)], NAN);
    fx_assert_same(S[rt_table_find(t, FX_DL, 2026)], NAN);
    fx_assert_same(A[rt_table_find(t, FX_DL, 2024)], NAN);
    fx_assert_same(S[rt_table_find(t, FX_AS, 2024)], 5);
    fx_assert_same(S[rt_table_find(t, FX_AS, 2026)], NAN);   /* no 2025 row */
    fx_assert_same(A[rt_table_find(t, FX_AS, 2026)], NAN);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(cummax_barrier)
{
    /* peakvalue() from 2024: M(2023) and earlier missing (no peak yet); a
     * year without a row or a value ends the series; the shift reads M in
     * another year. */
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t own = ir_emit(&f.a, p, IR_CUMMAX, IR_NUM, x, 0, 0, 0, 2024);
    uint32_t prev = ir_emit(&f.a, p, IR_CUMMAX, IR_NUM, x, 0, 0, -1, 2024);
    uint32_t in25 = ir_emit(&f.a, p, IR_CUMMAX, IR_NUM, x, 0, 0, 2025, 2024);
    add_target(&f, own, prev, in25, own, own);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "沈阳,2023,100,\n沈阳,2024,-1.5,\n沈阳,2025,-2,\n沈阳,2026,4,\n沈阳,2027,3,\n"
        "大连,2024,1,\n大连,2025,NA,\n大连,2026,9,\n", NULL);
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    const double *M = rt_result_column(r, own), *P = rt_result_column(r, prev);
    const double *A = rt_result_column(r, in25);
    fx_assert_same(M[rt_table_find(t, FX_SY, 2023)], NAN);
    fx_assert_same(M[rt_table_find(t, FX_SY, 2024)], -1.5);
    fx_assert_same(M[rt_table_find(t, FX_SY, 2025)], -1.5);
    fx_assert_same(M[rt_table_find(t, FX_SY, 2026)], 4);
    fx_assert_same(M[rt_table_find(t, FX_SY, 2027)], 4);
    fx_assert_same(P[rt_table_find(t, FX_SY, 2024)], NAN);
    fx_assert_same(P[rt_table_find(t, FX_SY, 2027)], 4);
    fx_assert_same(A[rt_table_find(t, FX_SY, 2023)], -1.5);
    fx_assert_same(M[rt_table_find(t, FX_DL, 2024)], 1);
    fx_assert_same(M[rt_table_find(t, FX_DL, 2025)], NAN);
    fx_assert_same(M[rt_table_find(t, FX_DL, 2026)], NAN);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(share_deeper_levels)
{
    /* Three levels: the share at the finest level counts grandchildren. */
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    static const char *levels[] = {"province", "city", "county"};
    p->levels = levels;
    p->nlevels = 3;
    ir_region *reg = arena_alloc(&f.a, 7 * sizeof *reg);
    memcpy(reg, p->regions, 5 * sizeof *reg);
    reg[5] = (ir_region){.name = "甲县", .level = 2, .parent = FX_DL, .aliases = NULL, .naliases = 0};
    reg[6] = (ir_region){.name = "乙县", .level = 2, .parent = FX_AS, .aliases = NULL, .naliases = 0};
    p->regions = reg;
    p->nregions = 7;
    uint32_t in = fx_data(&f, FX_PARK, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t sh = ir_emit(&f.a, p, IR_SHARE, IR_NUM, x, 0, 0, 0, 2);
    add_target(&f, sh, sh, sh, sh, sh);
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n甲县,2024,,yes\n乙县,2024,,no\n", NULL);
    ck_assert_ptr_nonnull(t);
    /* 辽宁省, 大连 and 鞍山 get rows; 沈阳 (no county) does not. */
    ck_assert_uint_eq(rt_table_nrows(t), 5);
    ck_assert_int_eq(rt_table_find(t, FX_SY, 2024), -1);
    rt_result *r = fx_run(&f, t);
    const double *share = rt_result_column(r, sh);
    fx_assert_same(share[rt_table_find(t, FX_LN, 2024)], 50);
    fx_assert_same(share[rt_table_find(t, FX_DL, 2024)], 100);
    fx_assert_same(share[rt_table_find(t, FX_AS, 2024)], 0);
    fx_assert_same(share[rt_table_find(t, 5, 2024)], NAN);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* ---- the `error` missing-data policy ---- */

/* A program with an assessment under `policy`: target 耕地 reads
 * farmland_mu in the row's year and, through `prev`, the year before; from
 * 2025 on, its status is missing when either is missing; otherwise met.
 * `ncolumns` is how many data columns the target says it reads (0 or 1). */
static void missing_program(fixture *f, ir_missing policy, uint32_t ncolumns)
{
    ir_program *p = &f->p;
    uint32_t in = fx_data(f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t inp = fx_data(f, FX_FARMLAND, (ir_shift){.rel = -1}, 1.0);
    uint32_t iyear = fx_input(f, (ir_input){.kind = IR_IN_YEAR});
    uint32_t x = ir_emit(&f->a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t xp = ir_emit(&f->a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, inp);
    uint32_t yr = ir_emit(&f->a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, iyear);
    uint32_t from = ir_const(&f->a, p, IR_NUM, 2025);
    uint32_t judged = ir_emit(&f->a, p, IR_GE, IR_BOOL, yr, from, 0, 0, 0);
    uint32_t d = ir_emit(&f->a, p, IR_SUB, IR_NUM, x, xp, 0, 0, 0);
    uint32_t na = ir_emit(&f->a, p, IR_ISNA, IR_BOOL, d, 0, 0, 0, 0);
    uint32_t cond = ir_emit(&f->a, p, IR_AND, IR_BOOL, judged, na, 0, 0, 0);
    uint32_t miss = ir_const(&f->a, p, IR_STATUS, IR_ST_MISSING);
    uint32_t met = ir_const(&f->a, p, IR_STATUS, IR_ST_MET);
    uint32_t st = ir_emit(&f->a, p, IR_SELECT, IR_STATUS, cond, miss, met, 0, 0);
    add_target(f, st, d, d, d, d);
    p->targets[0].name = "耕地";
    uint32_t *cols = arena_alloc(&f->a, sizeof *cols);
    cols[0] = FX_FARMLAND;
    p->targets[0].columns = cols;
    p->targets[0].ncolumns = ncolumns;
    p->has_assessment = true;
    p->assessment = "考核";
    p->missing = policy;
    p->total = p->veto = p->grade = d;
}

/* Runs the missing-policy program over csv; returns the error text
 * (malloc'd) and whether the run failed. */
static char *run_missing(ir_missing policy, uint32_t ncolumns, const char *csv, bool *failed)
{
    fixture f;
    fx_init(&f);
    missing_program(&f, policy, ncolumns);
    rt_table *t = fx_load(&f, csv, NULL);
    ck_assert_ptr_nonnull(t);
    capture c;
    rt_result *r = rt_run(&f.p, t, interp_engine(), cap_open(&c));
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    *failed = r == NULL;
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
    return text;
}

/* Asserts the error policy stops the run over csv with message `want`. */
static void assert_missing(uint32_t ncolumns, const char *csv, const char *want)
{
    bool failed;
    char *e = run_missing(IR_MISSING_ERROR, ncolumns, csv, &failed);
    ck_assert(failed);
    ck_assert_str_eq(e, want);
    free(e);
}

START_TEST(missing_policy_error)
{
    /* The first offending row in table order (沈阳 before 大连): its own
     * cell is missing. */
    assert_missing(1,
        "city,year,farmland_mu,park\n"
        "大连,2024,1,\n大连,2025,,\n沈阳,2024,2,\n沈阳,2025,,\n",
        "data.csv:5: error: target '耕地' has no value for 沈阳 2025 (column 'farmland_mu') "
        "and the assessment's missing-data policy is 'error'\n");
    /* The previous year's cell is missing. */
    assert_missing(1,
        "city,year,farmland_mu,park\n大连,2023,1,\n大连,2024,NA,\n大连,2025,3,\n",
        "data.csv:3: error: target '耕地' has no value for 大连 2025 (column 'farmland_mu' is missing in 2024) "
        "and the assessment's missing-data policy is 'error'\n");
    /* A year has no row. */
    assert_missing(1,
        "city,year,farmland_mu,park\n大连,2023,1,\n大连,2024,2,\n大连,2025,3,\n大连,2027,3,\n",
        "data.csv: error: target '耕地' has no value for 大连 2027 (the data has no row for 大连 2026) "
        "and the assessment's missing-data policy is 'error'\n");
    /* The baseline year is looked at before the years between. */
    assert_missing(1,
        "city,year,farmland_mu,park\n大连,2025,1,\n",
        "data.csv: error: target '耕地' has no value for 大连 2025 (the data has no row for 大连 2023) "
        "and the assessment's missing-data policy is 'error'\n");
    /* Nothing to blame: the row itself is named. */
    assert_missing(0,
        "city,year,farmland_mu,park\n大连,2024,1,\n大连,2025,,\n",
        "data.csv:3: error: target '耕地' has no value for 大连 2025 (it cannot be computed from the data) "
        "and the assessment's missing-data policy is 'error'\n");
}
END_TEST

START_TEST(missing_policy_error_on_added_row)
{
    /* A share target on a province row the data does not have. */
    fixture f;
    fx_init(&f);
    ir_program *p = &f.p;
    uint32_t in = fx_data(&f, FX_PARK, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t sh = ir_emit(&f.a, p, IR_SHARE, IR_NUM, x, 0, 0, 0, 1);
    uint32_t na = ir_emit(&f.a, p, IR_ISNA, IR_BOOL, sh, 0, 0, 0, 0);
    uint32_t city = ir_emit(&f.a, p, IR_NOT, IR_BOOL, na, 0, 0, 0, 0);
    static const uint32_t ln[] = {FX_LN};
    uint32_t inln = fx_input(&f, (ir_input){.kind = IR_IN_SCOPE, .scope = fx_scope(&f, ln, 1)});
    uint32_t isln = ir_emit(&f.a, p, IR_INPUT, IR_BOOL, 0, 0, 0, 0, inln);
    uint32_t cond = ir_emit(&f.a, p, IR_AND, IR_BOOL, isln, na, 0, 0, 0);
    uint32_t miss = ir_const(&f.a, p, IR_STATUS, IR_ST_MISSING);
    uint32_t met = ir_const(&f.a, p, IR_STATUS, IR_ST_MET);
    uint32_t st = ir_emit(&f.a, p, IR_SELECT, IR_STATUS, cond, miss, met, 0, 0);
    /* First a target that is missing on every province row: on rows the
     * data does not have, only share targets count. */
    uint32_t st_other = ir_emit(&f.a, p, IR_SELECT, IR_STATUS, isln, miss, met, 0, 0);
    add_target(&f, st_other, x, x, x, x);
    add_target(&f, st, sh, sh, sh, city);
    uint32_t *cols = arena_alloc(&f.a, sizeof *cols);
    cols[0] = FX_PARK;
    p->targets[0].name = "其他";
    p->targets[0].columns = cols;
    p->targets[0].ncolumns = 1;
    p->targets[1].name = "节水型城市";
    p->targets[1].columns = cols;
    p->targets[1].ncolumns = 1;
    p->has_assessment = true;
    p->missing = IR_MISSING_ERROR;
    p->total = p->veto = p->grade = sh;
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n大连,2024,,yes\n大连,2025,,NA\n", NULL);
    capture c;
    ck_assert_ptr_null(rt_run(p, t, NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c),
        "data.csv: error: target '节水型城市' has no value for 辽宁省 2025 (it is computed from the regions below it, and too few of them have a value in column 'park') "
        "and the assessment's missing-data policy is 'error'\n");
    cap_free(&c);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(missing_policy_other)
{
    /* Other policies never stop the run. */
    static const ir_missing others[] = {IR_MISSING_NONE, IR_MISSING_ZERO, IR_MISSING_REWEIGHT};
    for (int i = 0; i < 3; i++) {
        bool failed;
        char *e = run_missing(others[i], 1, "city,year,farmland_mu,park\n大连,2025,,\n", &failed);
        ck_assert(!failed);
        ck_assert_str_eq(e, "");
        free(e);
    }
    /* Nor does `error` when no target is missing. */
    bool failed;
    char *e = run_missing(IR_MISSING_ERROR, 1,
                          "city,year,farmland_mu,park\n大连,2024,1,\n大连,2025,2,\n", &failed);
    ck_assert(!failed);
    ck_assert_str_eq(e, "");
    free(e);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("interp");
    TCase *tc = tcase_create("interp");
    tcase_add_test(tc, interp_every_op);
    tcase_add_test(tc, interp_temporaries_blocks_and_chunks);
    tcase_add_test(tc, plan_rejects_malformed_programs);
    tcase_add_test(tc, plan_empty_program);
    suite_add_tcase(s, tc);
    tc = tcase_create("barriers");
    tcase_add_test(tc, peak_barrier);
    tcase_add_test(tc, peak_through_rt_run);
    tcase_add_test(tc, share_barrier);
    tcase_add_test(tc, below_barrier);
    tcase_add_test(tc, share_deeper_levels);
    tcase_add_test(tc, peer_barrier);
    tcase_add_test(tc, shift_barrier);
    tcase_add_test(tc, cumsum_barrier);
    tcase_add_test(tc, cummax_barrier);
    suite_add_tcase(s, tc);
    tc = tcase_create("missing");
    tcase_add_test(tc, missing_policy_error);
    tcase_add_test(tc, missing_policy_error_on_added_row);
    tcase_add_test(tc, missing_policy_other);
    suite_add_tcase(s, tc);
    return fx_main(s);
}
