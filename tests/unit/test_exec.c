/* test_exec.c — running a program on several threads (runtime/exec.c,
 * rt_run_opts): for 1, 2, 3 and 8 threads, with the interpreter and the
 * JIT, over a table of several chunks with missing values, time shifts and
 * both barriers, every materialized column has the same bits and the
 * report the same bytes; the number of threads is bounded by the chunks;
 * the `error` missing-data policy reports the same row on any number of
 * threads; the timings add up; a stream (rt_run_stream) gives the same
 * values chunk by chunk, in row order. */
#include "rt_fixture.h"

#include <stdatomic.h>

#include "jit.h"
#include "report.h"
#include "rtmem.h"

enum { NCITIES = 300, NYEARS = 50, FIRST_YEAR = 2000 };

/* A program over NCITIES cities of province 辽宁省 (the fixture's regions
 * are replaced): x this year and last year, the year; a growth rate, a
 * PEAK of x, a SHARE of "grew by more than 1%", and selects and coalesces
 * over them, all reported through one target. */
static void big_program_with(fixture *f, ir_missing missing, bool barriers)
{
    ir_program *p = &f->p;
    p->regions = arena_alloc(&f->a, (NCITIES + 1) * sizeof *p->regions);
    p->regions[0] = (ir_region){.name = "辽宁省", .level = 0, .parent = -1, .aliases = NULL, .naliases = 0};
    for (uint32_t i = 1; i <= NCITIES; i++) {
        char *name = arena_alloc(&f->a, 16);
        snprintf(name, 16, "C%03u", i);
        p->regions[i] = (ir_region){.name = name, .level = 1, .parent = 0, .aliases = NULL, .naliases = 0};
    }
    p->nregions = NCITIES + 1;
    p->baseline = FIRST_YEAR;
    p->columns[0] = (ir_column){.name = "x", .type = IR_COL_NUM, .indicator = "X"};
    p->ncolumns = 1;
    uint32_t x = fx_data(f, 0, (ir_shift){0}, 1.0);
    uint32_t xp = fx_data(f, 0, (ir_shift){.rel = -1}, 1.0);
    uint32_t yr = fx_input(f, (ir_input){.kind = IR_IN_YEAR});
    arena *a = &f->a;
    uint32_t sx = ir_emit(a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, x);
    uint32_t sp = ir_emit(a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, xp);
    uint32_t sy = ir_emit(a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, yr);
    uint32_t d = ir_emit(a, p, IR_SUB, IR_NUM, sx, sp, 0, 0, 0);
    uint32_t rate = ir_emit(a, p, IR_DIV, IR_NUM, d, sp, 0, 0, 0);
    uint32_t grew = ir_emit(a, p, IR_GT, IR_BOOL, rate, ir_const(a, p, IR_NUM, 0.01), 0, 0, 0);
    uint32_t pk, sh;
    if (barriers) {
        pk = ir_emit(a, p, IR_PEAK, IR_BOOL, sx, 0, 0, 0.02, FIRST_YEAR + 5);
        sh = ir_emit(a, p, IR_SHARE, IR_NUM, grew, 0, 0, 0, 1);
    } else {
        pk = ir_emit(a, p, IR_GT, IR_BOOL, sx, ir_const(a, p, IR_NUM, 150), 0, 0, 0);
        sh = ir_emit(a, p, IR_MUL, IR_NUM, grew, ir_const(a, p, IR_NUM, 100), 0, 0, 0);
    }
    uint32_t v = ir_emit(a, p, IR_SELECT, IR_NUM, pk, rate, d, 0, 0);
    uint32_t goal = ir_emit(a, p, IR_COALESCE, IR_NUM, sh, sy, 0, 0, 0);
    uint32_t late = ir_emit(a, p, IR_GE, IR_BOOL, sy, ir_const(a, p, IR_NUM, FIRST_YEAR + 30), 0, 0, 0);
    uint32_t score = ir_emit(a, p, IR_MUL, IR_NUM, ir_emit(a, p, IR_MIN, IR_NUM, v, goal, 0, 0, 0),
                             ir_const(a, p, IR_NUM, 100), 0, 0, 0);
    uint32_t status = ir_emit(a, p, IR_SELECT, IR_STATUS, late,
                              ir_emit(a, p, IR_SELECT, IR_STATUS, ir_emit(a, p, IR_ISNA, IR_BOOL, v, 0, 0, 0, 0),
                                      ir_const(a, p, IR_STATUS, IR_ST_MISSING),
                                      ir_const(a, p, IR_STATUS, IR_ST_MET), 0, 0),
                              ir_const(a, p, IR_STATUS, IR_ST_NA), 0, 0);
    static uint32_t cols[1] = {0};
    p->targets = arena_alloc(&f->a, sizeof *p->targets);
    p->targets[0] = (ir_target){.name = "t", .kind = "threshold", .unit = "", .clause = "", .y0 = p->baseline,
                                .weight = 1, .columns = cols, .ncolumns = 1,
                                .status = status, .value = v, .goal = goal, .expected = sh,
                                .score = score};
    p->ntargets = 1;
    static const char *lead[] = {"A"};
    p->measures = arena_alloc(&f->a, sizeof *p->measures);
    p->measures[0] = (ir_measure){.id = "(一)", .title = "m", .lead = lead, .nlead = 1,
                                  .weight = 1, .score = score};
    p->nmeasures = 1;
    p->sections = arena_alloc(&f->a, sizeof *p->sections);
    p->sections[0] = (ir_section){.id = "一", .title = "s", .weight = 1, .score = score};
    p->nsections = 1;
    static const char *bands[] = {"good", "bad"};
    p->has_assessment = true;
    p->assessment = "a";
    p->missing = missing;
    p->total = score;
    p->veto = late;
    p->grade = late;
    p->bands = bands;
    p->nbands = 2;
}

/* big_program_with barriers. */
static void big_program(fixture *f, ir_missing missing)
{
    big_program_with(f, missing, true);
}

/* The data: every city, every year, x a function of both with some cells
 * missing (malloc'd CSV text). */
static char *big_csv(void)
{
    capture c;
    FILE *out = cap_open(&c);
    fputs("city,year,x\n", out);
    for (int i = 1; i <= NCITIES; i++)
        for (int y = FIRST_YEAR; y < FIRST_YEAR + NYEARS; y++) {
            unsigned h = (unsigned)(i * 7919 + y * 104729) % 1009;
            if (h % 17 == 0)
                fprintf(out, "C%03d,%d,\n", i, y);
            else
                fprintf(out, "C%03d,%d,%u.%02u\n", i, y, 100 + h % 50 + (y - FIRST_YEAR), h % 100);
        }
    char *s = strdup(cap_text(&c));
    cap_free(&c);
    return s;
}

/* The report of a result, as text (malloc'd). */
static char *report_text(const ir_program *p, const rt_table *t, const rt_result *r)
{
    capture c;
    ck_assert_int_eq(report_csv(p, t, r, cap_open(&c)), 0);
    char *s = strdup(cap_text(&c));
    cap_free(&c);
    return s;
}

/* Every engine, 1, 2, 3 and 8 threads: the same bits in every column and
 * the same report bytes as one thread of the same engine; the JIT and the
 * interpreter agree (any NaN matching any NaN). */
START_TEST(same_for_every_thread_count)
{
    fixture f;
    fx_init(&f);
    big_program(&f, IR_MISSING_NONE);
    char *csv = big_csv();
    rt_table *t = fx_load(&f, csv, NULL);
    ck_assert_ptr_nonnull(t);
    size_t n = rt_table_nrows(t);
    ck_assert_uint_gt(n, 3 * RT_CHUNK_ROWS);
    capture e;
    jit_engine *j = jit_create(&f.p, cap_open(&e));
    ck_assert_ptr_nonnull(j);
    exec_plan pl;
    ck_assert_int_eq(exec_plan_make(&f.p, &pl), 0);
    ck_assert_uint_ge(pl.nsegs, 2);

    rt_result *one[2] = {NULL, NULL};
    char *text[2] = {NULL, NULL};
    static const unsigned nthreads[] = {1, 2, 3, 8};
    for (int k = 0; k < 2; k++) {
        const exec_engine *eng = k ? jit_exec_engine(j) : interp_engine();
        for (int ti = 0; ti < 4; ti++) {
            rt_options o = {.threads = nthreads[ti]};
            rt_timings tm;
            rt_result *r = rt_run_opts(&f.p, t, eng, &o, &tm, stderr);
            ck_assert_ptr_nonnull(r);
            size_t nchunks = (n + RT_CHUNK_ROWS - 1) / RT_CHUNK_ROWS;
            ck_assert_uint_eq(tm.threads, nthreads[ti] < nchunks ? nthreads[ti] : nchunks);
            ck_assert(tm.kernel >= 0 && tm.barriers >= 0 && tm.check >= 0);
            char *rep = report_text(&f.p, t, r);
            if (ti == 0) {
                one[k] = r;
                text[k] = rep;
                continue;
            }
            for (uint32_t s = 0; s < f.p.nsteps; s++) {
                if (!pl.materialized[s])
                    continue;
                ck_assert_msg(memcmp(rt_result_column(r, s), rt_result_column(one[k], s),
                                     n * sizeof(double)) == 0,
                              "%s, %u threads: slot %u differs", eng->name, nthreads[ti], s);
            }
            ck_assert_msg(strcmp(rep, text[k]) == 0, "%s, %u threads: the report differs",
                          eng->name, nthreads[ti]);
            free(rep);
            rt_result_free(r);
        }
    }
    for (uint32_t s = 0; s < f.p.nsteps; s++) {
        if (!pl.materialized[s])
            continue;
        const double *a = rt_result_column(one[0], s), *b = rt_result_column(one[1], s);
        for (size_t r = 0; r < n; r++)
            if (!((isnan(a[r]) && isnan(b[r])) || memcmp(&a[r], &b[r], sizeof a[r]) == 0))
                ck_abort_msg("slot %u row %zu: interp %.17g, jit %.17g", s, r, a[r], b[r]);
    }
    ck_assert_str_eq(text[0], text[1]);
    for (int k = 0; k < 2; k++) {
        rt_result_free(one[k]);
        free(text[k]);
    }
    exec_plan_free(&pl);
    ck_assert_int_eq(jit_dispose(j), 0);
    ck_assert_str_eq(cap_text(&e), "");
    cap_free(&e);
    rt_table_free(t);
    free(csv);
    fx_free(&f);
}
END_TEST

/* A table of one chunk runs on the calling thread alone, whatever was
 * asked; rt_run is rt_run_opts on one thread. */
START_TEST(one_chunk_one_thread)
{
    fixture f;
    fx_init(&f);
    uint32_t in = fx_data(&f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(&f.a, &f.p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t y = ir_emit(&f.a, &f.p, IR_MUL, IR_NUM, x, x, 0, 0, 0);
    f.p.targets = arena_alloc(&f.a, sizeof *f.p.targets);
    f.p.targets[0] = (ir_target){.name = "t", .status = y, .value = y, .goal = y, .expected = y, .score = y};
    f.p.ntargets = 1;
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n大连,2024,3,yes\n大连,2025,,no\n", NULL);
    rt_options o = {.threads = 8};
    rt_timings tm;
    rt_result *r = rt_run_opts(&f.p, t, NULL, &o, &tm, stderr);
    ck_assert_ptr_nonnull(r);
    ck_assert_uint_eq(tm.threads, 1);
    ck_assert(rt_result_column(r, y)[0] == 9.0 && isnan(rt_result_column(r, y)[1]));
    rt_result_free(r);
    r = rt_run_opts(&f.p, t, NULL, NULL, NULL, stderr);
    ck_assert(rt_result_column(r, y)[0] == 9.0);
    rt_result_free(r);
    ck_assert_uint_ge(rt_default_threads(), 1);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* Under the `error` policy the first missing row in table order is
 * reported, the same message on any number of threads. */
START_TEST(missing_policy_on_threads)
{
    fixture f;
    fx_init(&f);
    big_program(&f, IR_MISSING_ERROR);
    char *csv = big_csv();
    rt_table *t = fx_load(&f, csv, NULL);
    char *first = NULL;
    for (unsigned th = 1; th <= 4; th++) {
        capture c;
        rt_options o = {.threads = th};
        ck_assert_ptr_null(rt_run_opts(&f.p, t, NULL, &o, NULL, cap_open(&c)));
        const char *msg = cap_text(&c);
        ck_assert_ptr_nonnull(strstr(msg, "missing-data policy is 'error'"));
        if (!first)
            first = strdup(msg);
        else
            ck_assert_str_eq(msg, first);
        cap_free(&c);
    }
    free(first);
    rt_table_free(t);
    free(csv);
    fx_free(&f);
}
END_TEST

/* What a test stream records: every target output of every row, read from
 * the chunks; where each place's rows are; the order of the flushes.
 * Errors are counted, not asserted (chunk runs on the scoring threads). */
typedef struct recorder {
    const ir_program *p;
    size_t n;
    double *vals[5];            /* status, value, goal, expected, score */
    size_t *lo, *hi;            /* per place */
    size_t next;                /* the row the next flush must start at */
    atomic_int errors;
    atomic_int chunks;
    int stop_after;             /* flush returns 7 after this many (0: never) */
    int flushes;
} recorder;

/* rt_stream.chunk: records rows [lo, hi) of r. */
static int rec_chunk(void *ctx, const rt_result *r, size_t lo, size_t hi, unsigned place)
{
    recorder *rc = ctx;
    const ir_target *tg = &rc->p->targets[0];
    const uint32_t slots[5] = {tg->status, tg->value, tg->goal, tg->expected, tg->score};
    for (size_t row = lo; row < hi; row++)
        for (int k = 0; k < 5; k++)
            rc->vals[k][row] = rt_result_value(r, slots[k], row);
    /* the chunk holds its rows only */
    if (!isnan(rt_result_value(r, tg->score, hi)) || (lo && !isnan(rt_result_value(r, tg->score, lo - 1))))
        atomic_fetch_add(&rc->errors, 1);
    rc->lo[place] = lo;
    rc->hi[place] = hi;
    atomic_fetch_add(&rc->chunks, 1);
    return 0;
}

/* rt_stream.flush: the places must come in row order. */
static int rec_flush(void *ctx, unsigned place)
{
    recorder *rc = ctx;
    if (rc->lo[place] != rc->next)
        atomic_fetch_add(&rc->errors, 1);
    rc->next = rc->hi[place];
    return rc->stop_after && ++rc->flushes == rc->stop_after ? 7 : 0;
}

/* A stream gives every row once, in order, with the values of rt_run, on
 * any number of threads and either engine, with and without barriers; a
 * callback's nonzero result stops it; the `error` policy is refused. */
START_TEST(stream_matches_run)
{
    fixture f;
    fx_init(&f);
    /* _i 0: no barrier, every step streamed; 1: a peak and a share, the
     * steps up to the last segment run over whole columns first */
    big_program_with(&f, IR_MISSING_NONE, _i == 1);
    ck_assert(rt_can_stream(&f.p));
    char *csv = big_csv();
    rt_table *t = fx_load(&f, csv, NULL);
    ck_assert_ptr_nonnull(t);
    size_t n = rt_table_nrows(t);
    capture e;
    jit_engine *j = jit_create(&f.p, cap_open(&e));
    ck_assert_ptr_nonnull(j);
    rt_result *ref = rt_run(&f.p, t, NULL, stderr);
    const ir_target *tg = &f.p.targets[0];
    const uint32_t slots[5] = {tg->status, tg->value, tg->goal, tg->expected, tg->score};
    static const unsigned nthreads[] = {1, 2, 3, 8};
    for (int k = 0; k < 2; k++) {
        const exec_engine *eng = k ? jit_exec_engine(j) : interp_engine();
        for (int ti = 0; ti < 4; ti++) {
            rt_options o = {.threads = nthreads[ti]};
            unsigned places = rt_stream_places(&o);
            recorder rc = {.p = &f.p, .n = n};
            for (int v = 0; v < 5; v++)
                rc.vals[v] = calloc(n, sizeof(double));
            rc.lo = calloc(places, sizeof *rc.lo);
            rc.hi = calloc(places, sizeof *rc.hi);
            rt_stream st = {.ctx = &rc, .chunk = rec_chunk, .flush = rec_flush};
            rt_timings tm;
            ck_assert_int_eq(rt_run_stream(&f.p, t, eng, &o, &st, &tm, stderr), 0);
            ck_assert_int_eq(atomic_load(&rc.errors), 0);
            ck_assert_uint_eq(rc.next, n);
            ck_assert_uint_ge(tm.threads, 1);
            for (size_t row = 0; row < n; row++)
                for (int v = 0; v < 5; v++) {
                    double a = rc.vals[v][row], b = rt_result_value(ref, slots[v], row);
                    if (!((isnan(a) && isnan(b)) || a == b))
                        ck_abort_msg("%s, %u threads: row %zu output %d: stream %.17g, run %.17g",
                                     eng->name, nthreads[ti], row, v, a, b);
                }
            /* a flush saying stop ends the run with its value */
            rc.stop_after = 1;
            rc.next = 0;
            atomic_store(&rc.chunks, 0);
            ck_assert_int_eq(rt_run_stream(&f.p, t, eng, &o, &st, NULL, stderr), 7);
            ck_assert_int_le(atomic_load(&rc.chunks), (int)places);
            for (int v = 0; v < 5; v++)
                free(rc.vals[v]);
            free(rc.lo);
            free(rc.hi);
        }
    }
    rt_result_free(ref);
    ck_assert_int_eq(jit_dispose(j), 0);
    rt_table_free(t);
    free(csv);
    fx_free(&f);

    /* the `error` policy cannot be streamed */
    fx_init(&f);
    big_program_with(&f, IR_MISSING_ERROR, false);
    ck_assert(!rt_can_stream(&f.p));
    capture c;
    rt_stream none = {0};
    ck_assert_int_eq(rt_run_stream(&f.p, NULL, NULL, NULL, &none, NULL, cap_open(&c)), -1);
    ck_assert_ptr_nonnull(strstr(cap_text(&c), "cannot be streamed"));
    cap_free(&c);
    fx_free(&f);
    ck_assert_str_eq(cap_text(&e), "");
    cap_free(&e);
}
END_TEST

/* Columns are an odd number of 64-byte lines apart (rtmem.h): the stride
 * covers the rows, and 64 neighbouring columns of a block start on 64
 * different lines of a page, whatever the rows (a power of two among
 * them); a column allocated on its own keeps its values when it grows,
 * and columns of different keys start on different lines. */
START_TEST(columns_apart)
{
    static const size_t rows[] = {0, 1, 7, 8, 9, 64, 512, 4096, 4097, 400000, 1 << 20};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        size_t st = rt_col_stride(rows[i]);
        ck_assert_uint_ge(st, rows[i]);
        ck_assert_uint_lt(st, rows[i] + 16);
        ck_assert_uint_eq(st % 8, 0);
        ck_assert_uint_eq(st / 8 % 2, 1);
        bool seen[64] = {false};
        for (size_t c = 0; c < 64; c++) {
            size_t line = c * st * sizeof(double) % 4096 / 64;
            ck_assert(!seen[line]);
            seen[line] = true;
        }
    }
    double *col[3];
    for (size_t k = 0; k < 3; k++) {
        col[k] = rt_col_realloc(NULL, k, 100);
        for (size_t r = 0; r < 100; r++)
            col[k][r] = (double)(k * 1000 + r);
        col[k] = rt_col_realloc(col[k], k, 100000);
        col[k][99999] = -1;
    }
    for (size_t k = 0; k < 3; k++) {
        for (size_t r = 0; r < 100; r++)
            ck_assert(col[k][r] == (double)(k * 1000 + r));
        ck_assert(col[k][99999] == -1);
        for (size_t j = 0; j < k; j++)
            ck_assert_uint_ne((uintptr_t)col[k] % 4096 / 64, (uintptr_t)col[j] % 4096 / 64);
    }
    for (size_t k = 0; k < 3; k++)
        rt_col_free(col[k], k);
    rt_col_free(NULL, 5);

    /* rt_run's block: each materialized column a stride after the last */
    fixture f;
    fx_init(&f);
    big_program(&f, IR_MISSING_NONE);
    char *csv = big_csv();
    rt_table *t = fx_load(&f, csv, NULL);
    rt_result *r = rt_run(&f.p, t, NULL, stderr);
    ck_assert_ptr_nonnull(r);
    const double *prev = NULL;
    size_t st = rt_col_stride(rt_table_nrows(t)), ncols = 0;
    for (uint32_t i = 0; i < f.p.nsteps; i++) {
        const double *c = rt_result_column(r, i);
        if (!c || f.p.steps[i].op == IR_INPUT)   /* an input is the table's column */
            continue;
        if (prev)
            ck_assert_int_eq(c - prev, (ptrdiff_t)st);
        prev = c;
        ncols++;
    }
    ck_assert_uint_ge(ncols, 2);
    rt_result_free(r);
    rt_table_free(t);
    free(csv);
    fx_free(&f);
}
END_TEST

static Suite *exec_suite(void)
{
    Suite *s = suite_create("exec");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, same_for_every_thread_count);
    tcase_add_test(tc, one_chunk_one_thread);
    tcase_add_test(tc, missing_policy_on_threads);
    tcase_add_loop_test(tc, stream_matches_run, 0, 2);
    tcase_add_test(tc, columns_apart);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return fx_main(exec_suite());
}
