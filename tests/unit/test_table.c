/* test_table.c — the table: row order, the (region, year) index, input
 * columns (time shifts, scale, year, scope masks) and the ancestor rows
 * added for share targets. */
#include "rt_fixture.h"
#include "unit.h"

/* Data used by most tests: 大连 2022..2025 with a gap in 2024's cell, 沈阳
 * 2023 and 2025 (no 2024 row), 鞍山 2024, in a scrambled order. */
static const char data[] =
    "city,year,farmland_mu,park\n"
    "大连,2025,40,1\n"
    "沈阳,2025,250,0\n"
    "大连,2022,10,0\n"
    "鞍山,2024,7,1\n"
    "大连,2024,,1\n"
    "沈阳,2023,230,1\n"
    "大连,2023,20,0\n";

/* Expected rows in table order. */
static const uint32_t want_region[] = {FX_SY, FX_SY, FX_DL, FX_DL, FX_DL, FX_DL, FX_AS};
static const int want_year[] = {2023, 2025, 2022, 2023, 2024, 2025, 2024};

START_TEST(table_sorted_and_indexed)
{
    fixture f;
    fx_init(&f);
    rt_table *t = fx_load(&f, data, NULL);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 7);
    for (size_t r = 0; r < 7; r++) {
        ck_assert_uint_eq(rt_table_region(t, r), want_region[r]);
        ck_assert_int_eq(rt_table_year(t, r), want_year[r]);
        ck_assert_int_eq(rt_table_find(t, want_region[r], want_year[r]), (long)r);
    }
    ck_assert_int_eq(rt_table_find(t, FX_SY, 2024), -1);
    ck_assert_int_eq(rt_table_find(t, FX_LN, 2023), -1);
    ck_assert_int_eq(rt_table_find(t, FX_BJ, 2023), -1);
    ck_assert_int_eq(rt_table_find(t, FX_DL, -5), -1);
    /* No share step: no ancestor rows. */
    ck_assert_uint_eq(rt_table_line(t, 0), 7);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* A year written with a fraction of zeros (pandas, R) is that year. */
START_TEST(table_year_with_zero_fraction)
{
    fixture f;
    fx_init(&f);
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n大连,2024.0,1,1\n大连,2025.,2,1\n"
                              "鞍山,2024.000,3,0\n", NULL);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 3);
    ck_assert_int_ge(rt_table_find(t, FX_DL, 2024), 0);
    ck_assert_int_ge(rt_table_find(t, FX_DL, 2025), 0);
    ck_assert_int_ge(rt_table_find(t, FX_AS, 2024), 0);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(table_many_rows_index)
{
    /* Enough rows to make the index grow several times. */
    fixture f;
    fx_init(&f);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    for (int y = 9999; y >= 1; y -= 3)
        fprintf(csv, "大连,%d,%d,1\n鞍山,%d,%d,0\n", y, y * 2, y, -y);
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    rt_table *t = fx_load(&f, text, NULL);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 2 * 3333);
    for (int y = 9999; y >= 1; y -= 3) {
        long r = rt_table_find(t, FX_DL, y);
        ck_assert_int_ge(r, 0);
        ck_assert_int_eq(rt_table_year(t, (size_t)r), y);
        fx_assert_same(rt_table_column(t, FX_FARMLAND)[r], 2.0 * y);
        r = rt_table_find(t, FX_AS, y);
        ck_assert_int_ge(r, 0);
        fx_assert_same(rt_table_column(t, FX_FARMLAND)[r], -y);
        ck_assert_int_eq(rt_table_find(t, FX_DL, y - 1), -1);
    }
    ck_assert_int_eq(rt_table_year(t, 0), 3);
    ck_assert_int_eq(rt_table_year(t, 3332), 9999);
    rt_table_free(t);
    free(text);
    fx_free(&f);
}
END_TEST

START_TEST(table_shifted_inputs)
{
    fixture f;
    fx_init(&f);
    uint32_t own = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t prev = fx_data(&f, FX_FARMLAND, (ir_shift){.rel = -1}, 1.0);
    uint32_t next = fx_data(&f, FX_FARMLAND, (ir_shift){.rel = 1}, 1.0);
    uint32_t base = fx_data(&f, FX_FARMLAND, (ir_shift){.absolute = true, .year = 2023}, 1.0);
    uint32_t scaled = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1e-4);
    uint32_t park_prev = fx_data(&f, FX_PARK, (ir_shift){.rel = -1}, 1.0);
    uint32_t year = fx_input(&f, (ir_input){.kind = IR_IN_YEAR});
    rt_table *t = fx_load(&f, data, NULL);
    ck_assert_ptr_nonnull(t);
    const double *const *in = rt_table_inputs(t);
    /* Rows: 沈阳 2023, 2025; 大连 2022..2025; 鞍山 2024. */
    const double w_own[] = {230, 250, 10, 20, NAN, 40, 7};
    const double w_prev[] = {NAN, NAN, NAN, 10, 20, NAN, NAN};
    const double w_next[] = {NAN, NAN, 20, NAN, 40, NAN, NAN};
    const double w_base[] = {230, 230, 20, 20, 20, 20, NAN};
    const double w_park_prev[] = {NAN, NAN, NAN, 0, 0, 1, NAN};
    for (size_t r = 0; r < 7; r++) {
        fx_assert_same(in[own][r], w_own[r]);
        fx_assert_same(in[prev][r], w_prev[r]);
        fx_assert_same(in[next][r], w_next[r]);
        fx_assert_same(in[base][r], w_base[r]);
        fx_assert_same(in[scaled][r], w_own[r] * 1e-4);
        fx_assert_same(in[park_prev][r], w_park_prev[r]);
        fx_assert_same(in[year][r], want_year[r]);
    }
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* Data already in (region, year) order keeps its order (lines ascending);
 * years with gaps are found, missing ones are not; more rows than the
 * first allocation; an unshifted input reads the data as it is. */
START_TEST(table_in_order_data)
{
    fixture f;
    fx_init(&f);
    uint32_t own = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t prev = fx_data(&f, FX_FARMLAND, (ir_shift){.rel = -1}, 1.0);
    uint32_t twice = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 2.0);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    size_t rows = 0;
    for (int y = 1; y <= 9999; y++)
        if (y % 7 != 0) {
            fprintf(csv, "沈阳,%d,%d.5,1\n", y, y);
            rows++;
        }
    fputs("大连,2019,-0,0\n鞍山,1,1,1\n鞍山,9999,2,1\n", csv);
    rows += 3;
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    rt_table *t = fx_load(&f, text, NULL);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), rows);
    for (size_t r = 0; r < rows; r++)
        ck_assert_uint_eq(rt_table_line(t, r), r + 2);
    const double *const *in = rt_table_inputs(t);
    const double *farm = rt_table_column(t, FX_FARMLAND);
    for (int y = 0; y <= 10000; y++) {
        long r = rt_table_find(t, FX_SY, y);
        if (y < 1 || y > 9999 || y % 7 == 0) {
            ck_assert_int_eq(r, -1);
            continue;
        }
        ck_assert_int_ge(r, 0);
        ck_assert_int_eq(rt_table_year(t, (size_t)r), y);
        fx_assert_same(farm[r], y + 0.5);
        fx_assert_same(in[own][r], y + 0.5);
        fx_assert_same(in[twice][r], 2 * (y + 0.5));
        fx_assert_same(in[prev][r], y > 1 && (y - 1) % 7 != 0 ? y - 0.5 : NAN);
    }
    long dl = rt_table_find(t, FX_DL, 2019);
    ck_assert_int_eq(dl, (long)rows - 3);
    ck_assert(signbit(farm[dl]) && farm[dl] == 0); /* -0 is read as -0 */
    ck_assert_int_eq(rt_table_find(t, FX_AS, 1), (long)rows - 2);
    ck_assert_int_eq(rt_table_find(t, FX_AS, 9999), (long)rows - 1);
    ck_assert_int_eq(rt_table_find(t, FX_AS, 5000), -1);
    ck_assert_int_eq(rt_table_find(t, FX_DL, 2020), -1);
    ck_assert_int_eq(rt_table_find(t, FX_LN, 2019), -1);
    ck_assert_int_eq(rt_table_find(t, FX_BJ, 1), -1);
    ck_assert_int_eq(rt_table_find(t, 99, 1), -1); /* no such region */
    rt_table_free(t);
    free(text);
    fx_free(&f);
}
END_TEST

START_TEST(table_scope_masks)
{
    fixture f;
    fx_init(&f);
    static const uint32_t dl_as[] = {FX_DL, FX_AS};
    uint32_t s_some = fx_scope(&f, dl_as, 2);
    uint32_t s_none = fx_scope(&f, NULL, 0);
    uint32_t in_some = fx_input(&f, (ir_input){.kind = IR_IN_SCOPE, .scope = s_some});
    uint32_t in_none = fx_input(&f, (ir_input){.kind = IR_IN_SCOPE, .scope = s_none});
    rt_table *t = fx_load(&f, data, NULL);
    ck_assert_ptr_nonnull(t);
    const double *const *in = rt_table_inputs(t);
    const double w_some[] = {0, 0, 1, 1, 1, 1, 1};
    for (size_t r = 0; r < 7; r++) {
        fx_assert_same(in[in_some][r], w_some[r]);
        fx_assert_same(in[in_none][r], 0);
    }
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(table_share_adds_ancestor_rows)
{
    fixture f;
    fx_init(&f);
    uint32_t own = fx_data(&f, FX_PARK, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, &f.p, IR_INPUT, IR_NUM, 0, 0, 0, 0, own);
    ir_emit(&f.a, &f.p, IR_SHARE, IR_NUM, x, 0, 0, 0, 1);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "大连,2024,1,1\n"
        "辽宁省,2025,1,\n"
        "沈阳,2025,1,0\n"
        "北京,2024,1,1\n"
        "鞍山,2023,1,1\n", NULL);
    ck_assert_ptr_nonnull(t);
    /* 辽宁省 gets rows for 2023 and 2024 (its 2025 row is in the data);
     * 北京 has no cities, and nothing is added for it. */
    static const uint32_t reg[] = {FX_LN, FX_LN, FX_LN, FX_SY, FX_DL, FX_AS, FX_BJ};
    static const int yr[] = {2023, 2024, 2025, 2025, 2024, 2023, 2024};
    static const unsigned line[] = {0, 0, 3, 4, 2, 6, 5};
    ck_assert_uint_eq(rt_table_nrows(t), 7);
    for (size_t r = 0; r < 7; r++) {
        ck_assert_uint_eq(rt_table_region(t, r), reg[r]);
        ck_assert_int_eq(rt_table_year(t, r), yr[r]);
        ck_assert_uint_eq(rt_table_line(t, r), line[r]);
        ck_assert_int_eq(rt_table_find(t, reg[r], yr[r]), (long)r);
    }
    /* Added rows have every cell missing. */
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[0], NAN);
    fx_assert_same(rt_table_column(t, FX_PARK)[1], NAN);
    fx_assert_same(rt_table_inputs(t)[own][1], NAN);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* A hierarchy as deep as it is wide (a chain of regions, each in the one
 * before) with a row for every region: the ancestors' rows are found one
 * step up, not walked to the root for every row (that was quadratic: 40000
 * regions took minutes, past the test's time limit). */
START_TEST(table_deep_hierarchy_is_linear)
{
    enum { N = 40000 };
    fixture f;
    fx_init(&f);
    ir_region *reg = arena_alloc(&f.a, N * sizeof *reg);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    for (int i = 0; i < N; i++) {
        char name[16];
        snprintf(name, sizeof name, "r%d", i);
        reg[i] = (ir_region){.name = arena_strdup(&f.a, name), .level = i ? 1 : 0, .parent = i - 1};
        fprintf(csv, "r%d,2024,%d,1\n", i, i);
    }
    f.p.regions = reg;
    f.p.nregions = N;
    uint32_t own = fx_data(&f, FX_PARK, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, &f.p, IR_INPUT, IR_NUM, 0, 0, 0, 0, own);
    ir_emit(&f.a, &f.p, IR_SHARE, IR_NUM, x, 0, 0, 0, 1);
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    rt_table *t = fx_load(&f, text, NULL);
    free(text);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), N);
    ck_assert_int_eq(rt_table_find(t, N - 1, 2024), N - 1);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* A wide header read for rules with many columns: each column is looked up
 * in the header sorted once, not by a scan of every field (3000 columns
 * against 300000 fields took 20 s, past the test's time limit). */
START_TEST(table_wide_header_is_not_quadratic)
{
    enum { NCOL = 3000, NOTHER = 300000 };
    fixture f;
    fx_init(&f);
    ir_column *col = arena_alloc(&f.a, NCOL * sizeof *col);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year", csv);
    for (int i = 0; i < NOTHER; i++)
        fprintf(csv, ",h%d", i);
    for (int i = 0; i < NCOL; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%d", i);
        col[i] = (ir_column){.name = arena_strdup(&f.a, name), .type = IR_COL_NUM};
        fprintf(csv, ",c%d", NCOL - 1 - i);
    }
    fputs("\n大连,2024", csv);
    for (int i = 0; i < NOTHER; i++)
        fputs(",", csv);
    for (int i = 0; i < NCOL; i++)
        fprintf(csv, ",%d", NCOL - 1 - i);
    fputs("\n", csv);
    f.p.columns = col;
    f.p.ncolumns = NCOL;
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    rt_table *t = fx_load(&f, text, NULL);
    free(text);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 1);
    for (uint32_t k = 0; k < NCOL; k += 499)
        fx_assert_same(rt_table_column(t, k)[0], (double)k);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(table_rejects_bad_program)
{
    /* An input naming a column that does not exist is a lowering bug: an
     * internal error, not a crash. */
    fixture f;
    fx_init(&f);
    fx_data(&f, 7, (ir_shift){0}, 1.0);
    char *errors;
    ck_assert_ptr_null(fx_load(&f, data, &errors));
    ck_assert_str_eq(errors, "planc: internal error: input 0 is out of range\n");
    free(errors);
    fx_free(&f);
}
END_TEST


static const char *const mark_texts[] = {"—", "n.a.", "高", "1"};
static const double mark_values[] = {NAN, NAN, 1000, 5};
static const char *const yes_texts[] = {"达标", "未达标"};
static const double yes_values[] = {1, 0};

/* A column read through a map: its texts (trimmed as any cell) give the
 * map's numbers, a text the map gives first even when it is a number
 * ("1" reads 5), other cells are read as before (numbers, empty, NA); a
 * yes/no column's words too. */
START_TEST(table_text_map)
{
    fixture f;
    fx_init(&f);
    f.p.columns[FX_FARMLAND].map = fx_map(&f, "符号", mark_texts, mark_values, 4, false);
    f.p.columns[FX_PARK].map = fx_map(&f, "是否", yes_texts, yes_values, 2, false);
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n"
                              "大连,2021,高,达标\n"
                              "大连,2022,—,未达标\n"
                              "大连,2023,  n.a. ,yes\n"
                              "大连,2024,120,0\n"
                              "大连,2025,,NA\n"
                              "大连,2026,1,\n", NULL);
    ck_assert_ptr_nonnull(t);
    const double *farm = rt_table_column(t, FX_FARMLAND), *park = rt_table_column(t, FX_PARK);
    ck_assert(farm[0] == 1000 && isnan(farm[1]) && isnan(farm[2]) && farm[3] == 120 && isnan(farm[4]) &&
              farm[5] == 5);
    ck_assert(park[0] == 1 && park[1] == 0 && park[2] == 1 && park[3] == 0 && isnan(park[4]) && isnan(park[5]));
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* A text neither in the map nor a number: an error naming the column and
 * the map at its line, a did-you-mean for a case-only difference, the
 * map's texts listed once; with else_missing, missing. */
START_TEST(table_text_map_unmapped)
{
    fixture f;
    fx_init(&f);
    f.p.columns[FX_FARMLAND].map = fx_map(&f, "符号", mark_texts, mark_values, 4, false);
    const char *bad = "city,year,farmland_mu,park\n大连,2021,N.A.,1\n大连,2022,x,1\n大连,2023,—,1\n";
    char *errors;
    ck_assert_ptr_null(fx_load(&f, bad, &errors));
    ck_assert_str_eq(errors,
                     "data.csv:2: error: column 'farmland_mu': 'N.A.' is neither a number nor a text of map '符号'\n"
                     "data.csv:2: note: did you mean 'n.a.'? (a map's texts are matched exactly, case included)\n"
                     "data.csv:2: note: map '符号' reads '—', 'n.a.', '高', '1'; add the text to it, or 'else missing' in it "
                     "reads the texts it lacks as missing\n"
                     "data.csv:3: error: column 'farmland_mu': 'x' is neither a number nor a text of map '符号'\n");
    free(errors);
    f.p.columns[FX_FARMLAND].map = fx_map(&f, "符号", mark_texts, mark_values, 4, true);
    rt_table *t = fx_load(&f, bad, NULL);
    ck_assert_ptr_nonnull(t);
    const double *farm = rt_table_column(t, FX_FARMLAND);
    ck_assert(isnan(farm[0]) && isnan(farm[1]) && isnan(farm[2]));
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* ir_map_find's binary search finds what a linear search finds, among
 * texts of many lengths that share prefixes. */
START_TEST(table_map_find_matches_linear)
{
    fixture f;
    fx_init(&f);
    enum { N = 300 };
    const char **texts = arena_alloc(&f.a, N * sizeof *texts);
    double *values = arena_alloc(&f.a, N * sizeof *values);
    for (uint32_t k = 0; k < N; k++) {
        texts[k] = arena_printf(&f.a, "%.*s%u", (int)(k % 7), "aaaaaaa", k * 7919 % 1000);
        values[k] = k;
    }
    const ir_textmap *m = fx_map(&f, "m", texts, values, N, false);
    for (uint32_t q = 0; q < 2000; q++) {
        const char *s = arena_printf(&f.a, "%.*s%u", (int)(q % 8), "aaaaaaaa", q);
        long want = -1;
        for (uint32_t k = 0; k < N && want < 0; k++)
            if (strcmp(texts[k], s) == 0)
                want = k;
        ck_assert_int_eq(ir_map_find(m, s, strlen(s)), want);
    }
    for (uint32_t k = 0; k < N; k++)
        ck_assert_int_eq(ir_map_find(m, texts[k], strlen(texts[k])), k);
    fx_free(&f);
}
END_TEST

/* The units of the families a rules file declares (mass, area, volume,
 * energy, counts, currency, time), made by the unit module as the checker
 * makes them, and the built-ins % and ‰: the program's unit table
 * (ir.h ir_unit), as lower.c gives it. */
static void fx_units(fixture *f)
{
    static unit_sys S;
    unit_sys_init(&S, &f->a);
    const unit_t *t = unit_base(&S, "吨"), *mu = unit_base(&S, "亩"), *m3 = unit_base(&S, "立方米");
    const unit_t *tce = unit_base(&S, "吨标准煤"), *ren = unit_base(&S, "人"), *liang = unit_base(&S, "辆");
    const unit_t *yuan = unit_base(&S, "元"), *tian = unit_base(&S, "天");
    const unit_t *ha = unit_derived(&S, "公顷", 15, mu), *km2 = unit_derived(&S, "km2", 100, ha);
    const unit_t *wy = unit_derived(&S, "万元", 10000, yuan);
    const unit_t *all[] = {t, unit_derived(&S, "万吨", 10000, t), unit_derived(&S, "千克", 0.001, t),
                           mu, unit_derived(&S, "万亩", 10000, mu), ha, km2,
                           unit_derived(&S, "万平方公里", 10000, km2),
                           m3, unit_derived(&S, "万立方米", 10000, m3),
                           tce, unit_derived(&S, "万吨标准煤", 10000, tce),
                           ren, unit_derived(&S, "万人", 10000, ren), liang,
                           yuan, wy, unit_derived(&S, "亿元", 10000, wy),
                           tian, unit_derived(&S, "周", 7, tian),
                           S.percent, S.permille, S.one, unit_div(&S, t, wy)};
    enum { N = sizeof all / sizeof all[0] };
    ir_unit *u = arena_alloc(&f->a, N * sizeof *u);
    for (uint32_t i = 0; i < N; i++)
        u[i] = (ir_unit){.name = unit_name(all[i]), .dim = unit_dimstr(&S, all[i]), .factor = all[i]->factor};
    f->p.units = u;
    f->p.nunits = N;
    /* the declared ones too (the reader's note knows a unit by either) */
    f->p.unit_names = arena_alloc(&f->a, N * sizeof *f->p.unit_names);
    for (uint32_t i = 0; i < N; i++)
        f->p.unit_names[i] = u[i].name;
    f->p.nunit_names = N;
}

/* What the reader says of a cell that writes a unit after its number, by
 * the unit's family and the column's: 'C' a unit of the column's
 * dimension (the note suggests reading the column in it, planc converting
 * it), 'F' one of another dimension (the note says it is not a unit of
 * this column, naming both, and suggests no conversion), 'S' the column's
 * own unit ('write the number'), 'P' a % outside a % column (the error's
 * reason, no note), 'R' read (a % in a % column).  column_unit "" is a
 * column without a unit. */
static const struct {
    const char *cell, *column_unit, *indicator_unit;
    char want;
} unit_cases[] = {
    /* mass */
    {"12 千克", "万吨", "万吨", 'C'},
    {"3万吨", "吨", "吨", 'C'},
    {"12 千克", "立方米", "立方米", 'F'},
    {"59 吨", "吨", "吨", 'S'},
    {"59 吨", "", "", 'F'},
    {"59 吨", "1", "1", 'F'},
    /* area: 万吨 in a column in 万平方公里 (ou26's ５９万吨, full-width) */
    {"５９万吨", "万平方公里", "万平方公里", 'F'},
    {"5 公顷", "亩", "亩", 'C'},
    {"3 km2", "万亩", "亩", 'C'},
    {"4.1 万平方公里", "公顷", "万亩", 'C'},
    {"5 公顷", "元", "元", 'F'},
    /* volume */
    {"8 万立方米", "立方米", "立方米", 'C'},
    {"8 万立方米", "吨", "吨", 'F'},
    /* energy: tonnes of standard coal are no tonnes */
    {"3 万吨标准煤", "吨标准煤", "吨标准煤", 'C'},
    {"3 万吨标准煤", "万吨", "万吨", 'F'},
    {"3 吨", "万吨标准煤", "万吨标准煤", 'F'},
    /* counts */
    {"7 万人", "人", "人", 'C'},
    {"7 万人", "辆", "辆", 'F'},
    {"7 辆", "人", "人", 'F'},
    /* currency */
    {"9 亿元", "万元", "万元", 'C'},
    {"9 亿元", "万人", "万人", 'F'},
    /* time */
    {"2 周", "天", "天", 'C'},
    {"2 周", "元", "元", 'F'},
    /* a compound: 吨/万元 */
    {"0.5 吨/万元", "亩", "亩", 'F'},
    /* ‰ and % (dimensionless) */
    {"5‰", "%", "%", 'C'},
    {"5‰", "‰", "‰", 'S'},
    {"5‰", "吨", "吨", 'F'},
    {"59%", "%", "%", 'R'},
    {"59%", "吨", "吨", 'P'},
    {"59%", "‰", "‰", 'P'},
};

/* Each case of unit_cases in a column of its own unit: the note said. */
START_TEST(table_unit_note_by_dimension)
{
    for (size_t i = 0; i < sizeof unit_cases / sizeof unit_cases[0]; i++) {
        fixture f;
        fx_init(&f);
        fx_units(&f);
        ir_column *c = (ir_column *)&f.p.columns[FX_FARMLAND];
        c->unit = unit_cases[i].column_unit;
        c->indicator_unit = unit_cases[i].indicator_unit;
        char csv[256];
        snprintf(csv, sizeof csv, "city,year,farmland_mu,park\n大连,2024,%s,1\n", unit_cases[i].cell);
        char *errors = NULL;
        rt_table *t = fx_load(&f, csv, &errors);
        const char *cell = unit_cases[i].cell, *unit = unit_cases[i].column_unit;
        char want[512];
        switch (unit_cases[i].want) {
        case 'R':
            ck_assert_msg(t && errors[0] == '\0', "%s in %s: %s", cell, unit, errors);
            break;
        case 'P':
            ck_assert_msg(!t && strstr(errors, "(a % is read only in a column whose unit is %)") &&
                              !strstr(errors, "note:"),
                          "%s in %s: %s", cell, unit, errors);
            break;
        case 'S':
            snprintf(want, sizeof want, "the rules read the column in %s already", unit);
            ck_assert_msg(!t && strstr(errors, want), "%s in %s: %s", cell, unit, errors);
            break;
        case 'C':
            snprintf(want, sizeof want, "planc converts it into %s), or convert the column into %s",
                     unit_cases[i].indicator_unit, unit);
            ck_assert_msg(!t && strstr(errors, want) && !strstr(errors, "is not a unit of this column"),
                          "%s in %s: %s", cell, unit, errors);
            break;
        case 'F': {
            const char *u = strchr(cell, ' ') ? strchr(cell, ' ') + 1 : cell + strspn(cell, "0123456789.");
            if (strncmp(cell, "５９", 6) == 0)
                u = cell + 6;
            if (*unit && strcmp(unit, "1") != 0)
                snprintf(want, sizeof want, "but %s is not a unit of this column: the rules read it in %s "
                                            "(indicator '耕地保有量'), and %s does not convert into %s", u, unit, u, unit);
            else
                snprintf(want, sizeof want, "but %s is not a unit of this column: the rules read its numbers "
                                            "without a unit", u);
            ck_assert_msg(!t && strstr(errors, want) && !strstr(errors, "converts"), "%s in %s: %s", cell, unit,
                          errors);
            break;
        }
        default:
            ck_abort();
        }
        free(errors);
        rt_table_free(t);
        fx_free(&f);
    }
}
END_TEST

/* template --check (a provider's file): a unit of the column's dimension
 * is converted for the city, which has no rules to declare it in; one of
 * another dimension is said to be no unit of the column, as for run. */
START_TEST(table_unit_note_provider)
{
    fixture f;
    fx_init(&f);
    fx_units(&f);
    ir_column *c = (ir_column *)&f.p.columns[FX_FARMLAND];
    c->unit = "万亩";
    c->indicator_unit = "亩";
    rt_load_options o = {.provider = true};
    capture cap;
    const char *same = "city,year,farmland_mu,park\n大连,2024,12 公顷,1\n";
    rt_table *t = rt_table_parse(&f.p, "data.csv", same, strlen(same), &o, cap_open(&cap));
    ck_assert_ptr_null(t);
    ck_assert_str_eq(cap_text(&cap),
                     "data.csv:2: error: column 'farmland_mu': malformed number '12 公顷'\n"
                     "data.csv:2: note: column 'farmland_mu' writes a unit after its numbers (as '12 公顷'); a cell "
                     "holds a number alone, in 万亩: convert the column into 万亩 (12 公顷 is 0.018 万亩: write "
                     "0.018)\n");
    cap_free(&cap);
    const char *other = "city,year,farmland_mu,park\n大连,2024,12 万吨,1\n";
    t = rt_table_parse(&f.p, "data.csv", other, strlen(other), &o, cap_open(&cap));
    ck_assert_ptr_null(t);
    ck_assert_str_eq(cap_text(&cap),
                     "data.csv:2: error: column 'farmland_mu': malformed number '12 万吨'\n"
                     "data.csv:2: note: column 'farmland_mu' writes a unit after its numbers (as '12 万吨'), but 万吨 "
                     "is not a unit of this column: the rules read it in 万亩 (indicator '耕地保有量'), and 万吨 does "
                     "not convert into 万亩; check that the cell is in the right column, and write its number "
                     "alone, in 万亩\n");
    cap_free(&cap);
    fx_free(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("table");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, table_sorted_and_indexed);
    tcase_add_test(tc, table_many_rows_index);
    tcase_add_test(tc, table_year_with_zero_fraction);
    tcase_add_test(tc, table_shifted_inputs);
    tcase_add_test(tc, table_in_order_data);
    tcase_add_test(tc, table_scope_masks);
    tcase_add_test(tc, table_share_adds_ancestor_rows);
    tcase_add_test(tc, table_deep_hierarchy_is_linear);
    tcase_add_test(tc, table_wide_header_is_not_quadratic);
    tcase_add_test(tc, table_rejects_bad_program);
    tcase_add_test(tc, table_text_map);
    tcase_add_test(tc, table_text_map_unmapped);
    tcase_add_test(tc, table_map_find_matches_linear);
    tcase_add_test(tc, table_unit_note_by_dimension);
    tcase_add_test(tc, table_unit_note_provider);
    suite_add_tcase(s, tc);
    return fx_main(s);
}
