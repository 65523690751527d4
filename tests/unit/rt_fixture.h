/* rt_fixture.h — a small hand-built scoring program and an error-stream
 * capture, shared by the runtime's Check suites (test_csv, test_table,
 * test_interp, test_report).
 *
 * The program: levels province, city; regions 辽宁省 (province), 沈阳 (city,
 * aliases "沈阳市" and "Shenyang"), 大连, 鞍山 (cities) and 北京 (a province
 * with no cities); keys "city" and "year"; baseline 2023; data columns
 * farmland_mu (number, indicator 耕地保有量) and park (yes/no, indicator
 * 辽河口国家公园).  Tests add inputs and steps with fx_input / ir_emit. */
#ifndef PLANC_RT_FIXTURE_H
#define PLANC_RT_FIXTURE_H

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "exec.h"
#include "ir.h"
#include "table.h"

enum { FX_LN = 0, FX_SY = 1, FX_DL = 2, FX_AS = 3, FX_BJ = 4 }; /* region indices */
enum { FX_FARMLAND = 0, FX_PARK = 1 };                           /* column indices */
enum { FX_MAX_INPUTS = 32 };

/* A program under construction and the arena holding it. */
typedef struct fixture {
    arena a;
    ir_program p;
} fixture;

/* Sets up the program described above, with no inputs and no steps. */
static inline void fx_init(fixture *f)
{
    memset(f, 0, sizeof *f);
    arena_init(&f->a);
    ir_program *p = &f->p;
    p->plan = "测试";
    p->baseline = 2023;
    p->horizon = 2035;
    p->region_key = "city";
    p->year_key = "year";
    static const char *levels[] = {"province", "city"};
    p->levels = levels;
    p->nlevels = 2;
    static const char *sy_alias[] = {"沈阳市", "Shenyang"};
    p->regions = arena_alloc(&f->a, 5 * sizeof *p->regions);
    p->regions[FX_LN] = (ir_region){.name = "辽宁省", .level = 0, .parent = -1, .aliases = NULL, .naliases = 0};
    p->regions[FX_SY] = (ir_region){.name = "沈阳", .level = 1, .parent = FX_LN, .aliases = sy_alias, .naliases = 2};
    p->regions[FX_DL] = (ir_region){.name = "大连", .level = 1, .parent = FX_LN, .aliases = NULL, .naliases = 0};
    p->regions[FX_AS] = (ir_region){.name = "鞍山", .level = 1, .parent = FX_LN, .aliases = NULL, .naliases = 0};
    p->regions[FX_BJ] = (ir_region){.name = "北京", .level = 0, .parent = -1, .aliases = NULL, .naliases = 0};
    p->nregions = 5;
    p->columns = arena_alloc(&f->a, 2 * sizeof *p->columns);
    p->columns[FX_FARMLAND] = (ir_column){.name = "farmland_mu", .type = IR_COL_NUM, .indicator = "耕地保有量"};
    p->columns[FX_PARK] = (ir_column){.name = "park", .type = IR_COL_BOOL, .indicator = "辽河口国家公园"};
    p->ncolumns = 2;
    p->inputs = arena_alloc(&f->a, FX_MAX_INPUTS * sizeof *p->inputs);
    p->scopes = arena_alloc(&f->a, 4 * sizeof *p->scopes);
}

static inline void fx_free(fixture *f)
{
    arena_free(&f->a);
}

/* Adds an input; returns its index. */
static inline uint32_t fx_input(fixture *f, ir_input in)
{
    ck_assert_uint_lt(f->p.ninputs, FX_MAX_INPUTS);
    f->p.inputs[f->p.ninputs] = in;
    return f->p.ninputs++;
}

/* A data input: column `col` shifted by `sh`, times `scale`. */
static inline uint32_t fx_data(fixture *f, uint32_t col, ir_shift sh, double scale)
{
    return fx_input(f, (ir_input){.kind = IR_IN_DATA, .column = col, .shift = sh, .scale = scale});
}

/* Adds a scope of n regions; returns its index. */
static inline uint32_t fx_scope(fixture *f, const uint32_t *regions, uint32_t n)
{
    uint32_t *r = arena_alloc(&f->a, (n ? n : 1) * sizeof *r);
    if (n)
        memcpy(r, regions, n * sizeof *r);
    f->p.scopes[f->p.nscopes] = (ir_scope){r, n};
    return f->p.nscopes++;
}

/* A text map as lower.c makes it (ir.h ir_textmap): texts, values and the
 * order by length, then bytes (an insertion sort: the maps here are
 * small). */
static inline const ir_textmap *fx_map(fixture *f, const char *name, const char *const *texts, const double *values,
                                  uint32_t n, bool else_missing)
{
    ir_textmap *m = arena_alloc(&f->a, sizeof *m);
    uint32_t *lens = arena_alloc(&f->a, (n + 1) * sizeof *lens);
    uint32_t *sorted = arena_alloc(&f->a, (n + 1) * sizeof *sorted);
    for (uint32_t k = 0; k < n; k++) {
        lens[k] = (uint32_t)strlen(texts[k]);
        uint32_t j = k;
        while (j > 0 && (lens[sorted[j - 1]] > lens[k] ||
                         (lens[sorted[j - 1]] == lens[k] && memcmp(texts[sorted[j - 1]], texts[k], lens[k]) > 0))) {
            sorted[j] = sorted[j - 1];
            j--;
        }
        sorted[j] = k;
    }
    *m = (ir_textmap){.name = name, .texts = texts, .lens = lens, .values = values, .sorted = sorted, .n = n,
                      .else_missing = else_missing};
    return m;
}

/* A stream whose contents can be read back as a string. */
typedef struct capture {
    char *buf;
    size_t len;
    FILE *f;
} capture;

static inline FILE *cap_open(capture *c)
{
    memset(c, 0, sizeof *c);
    c->f = open_memstream(&c->buf, &c->len);
    ck_assert_ptr_nonnull(c->f);
    return c->f;
}

/* Closes the stream; c->buf then holds everything written (free it with
 * cap_free). */
static inline const char *cap_text(capture *c)
{
    if (c->f) {
        fclose(c->f);
        c->f = NULL;
    }
    return c->buf;
}

static inline void cap_free(capture *c)
{
    if (c->f)
        fclose(c->f);
    free(c->buf);
    c->buf = NULL;
}

/* Loads CSV text for f's program; `errors` receives the error stream's text
 * (malloc'd; NULL to require none). */
static inline rt_table *fx_load(fixture *f, const char *csv, char **errors)
{
    capture c;
    rt_table *t = rt_table_parse(&f->p, "data.csv", csv, strlen(csv), NULL, cap_open(&c));
    const char *text = cap_text(&c);
    if (errors)
        *errors = strdup(text);
    else
        ck_assert_msg(text[0] == '\0', "unexpected errors: %s", text);
    cap_free(&c);
    return t;
}

/* Runs a program with the interpreter over a table; checks no error. */
static inline rt_result *fx_run(fixture *f, const rt_table *t)
{
    capture c;
    rt_result *r = rt_run(&f->p, t, interp_engine(), cap_open(&c));
    const char *text = cap_text(&c);
    ck_assert_msg(text[0] == '\0', "unexpected errors: %s", text);
    cap_free(&c);
    ck_assert_ptr_nonnull(r);
    return r;
}

/* Asserts two doubles are equal, NaN matching NaN. */
#define fx_assert_same(x, y)                                                  \
    do {                                                                      \
        double fx_x_ = (x), fx_y_ = (y);                                      \
        ck_assert_msg((isnan(fx_x_) && isnan(fx_y_)) || fx_x_ == fx_y_,       \
                      "%s is %.17g, expected %.17g", #x, fx_x_, fx_y_);       \
    } while (0)

/* Asserts two long texts are equal; on a difference prints both to stderr
 * (Check's messages are limited in length) and fails. */
#define fx_assert_text(got, want)                                             \
    do {                                                                      \
        const char *fx_g_ = (got), *fx_w_ = (want);                           \
        if (strcmp(fx_g_, fx_w_) != 0) {                                      \
            fprintf(stderr, "--- expected:\n%s--- got:\n%s---\n", fx_w_, fx_g_); \
            ck_abort_msg("%s differs from the expected text (see stderr)", #got); \
        }                                                                     \
    } while (0)

/* Runs every test case of suite s; the process's exit status. */
static inline int fx_main(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
