/* pipe_fixture.h — the whole pipeline on text, for the suites of the
 * evaluator outputs (test_rollup, test_explain, test_store, test_progress):
 * rules text is parsed, checked and lowered (optionally keeping the
 * explanation slots), CSV text is loaded and the program run by the
 * reference interpreter.  Everything is freed by pf_free. */
#ifndef PLANC_PIPE_FIXTURE_H
#define PLANC_PIPE_FIXTURE_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "exec.h"
#include "ir.h"
#include "lower.h"
#include "parse.h"
#include "sema.h"
#include "table.h"

/* One compiled and scored run. */
typedef struct pfx {
    arena a;
    diag_ctx d;
    char *diag_text;        /* what the compiler and loader reported */
    size_t diag_len;
    FILE *diag_out;
    ir_program *p;
    rt_table *t;
    rt_result *r;
} pfx;

/* Compiles `rules` (failing the test on any error); with `explained`, by
 * lower_program_explained. */
static inline void pf_compile(pfx *x, const char *rules, bool explained)
{
    memset(x, 0, sizeof *x);
    arena_init(&x->a);
    x->diag_out = open_memstream(&x->diag_text, &x->diag_len);
    diag_init(&x->d, x->diag_out);
    int file = diag_add_text(&x->d, "t.plan", rules, strlen(rules));
    ast_program *prog = parse_file(&x->a, &x->d, file);
    sema_model *m = sema_check(&x->a, &x->d, prog);
    fflush(x->diag_out);
    ck_assert_msg(diag_errors(&x->d) == 0, "rules have errors:\n%s", x->diag_text);
    x->p = explained ? lower_program_explained(&x->a, &x->d, m) : lower_program(&x->a, &x->d, m);
}

/* Loads `csv` and runs the program over it (failing the test on a data
 * error). */
static inline void pf_run(pfx *x, const char *csv)
{
    x->t = rt_table_parse(x->p, "data.csv", csv, strlen(csv), NULL, x->diag_out);
    fflush(x->diag_out);
    ck_assert_msg(x->t != NULL, "data errors:\n%s", x->diag_text);
    x->r = rt_run(x->p, x->t, interp_engine(), x->diag_out);
    fflush(x->diag_out);
    ck_assert_msg(x->r != NULL, "run failed:\n%s", x->diag_text);
}

/* The rules of a plan of n levels, each region R<i> a level L<i> of its
 * own, with one target on column x and a graded assessment (the suites'
 * many-levels tests: roll-ups and the page walk each level's regions).
 * The caller frees it. */
static inline char *pf_many_levels_rules(int n)
{
    char *rules = malloc((size_t)n * 64 + 4096);
    ck_assert_ptr_nonnull(rules);
    size_t o = (size_t)sprintf(rules, "plan P { region R0 baseline 2020 horizon 2030 }\nlevels ");
    for (int i = 0; i < n; i++)
        o += (size_t)sprintf(rules + o, "%sL%d", i ? ", " : "", i);
    o += (size_t)sprintf(rules + o, "\n");
    for (int i = 0; i < n; i++)
        o += (size_t)sprintf(rules + o, "region R%d : L%d\n", i, i);
    sprintf(rules + o, "indicator x : 1, higher, column \"x\"\n"
                       "section S { measure (1) { target t : x >= 5 by 2030 } }\n"
                       "assessment A { missing zero grade 优 >= 90, 差 }\n");
    return rules;
}

/* pf_compile and pf_run. */
static inline void pf_setup(pfx *x, const char *rules, const char *csv, bool explained)
{
    pf_compile(x, rules, explained);
    pf_run(x, csv);
}

static inline void pf_free(pfx *x)
{
    rt_result_free(x->r);
    rt_table_free(x->t);
    diag_dispose(&x->d);
    fclose(x->diag_out);
    free(x->diag_text);
    arena_free(&x->a);
}

/* The row of (region name, year); fails the test when there is none. */
static inline size_t pf_row(const pfx *x, const char *region, int year)
{
    for (uint32_t i = 0; i < x->p->nregions; i++)
        if (strcmp(x->p->regions[i].name, region) == 0) {
            long row = rt_table_find(x->t, i, year);
            ck_assert_msg(row >= 0, "no row for %s %d", region, year);
            return (size_t)row;
        }
    ck_abort_msg("no region %s", region);
    return 0;
}

/* The index of target `name`. */
static inline uint32_t pf_target(const pfx *x, const char *name)
{
    for (uint32_t i = 0; i < x->p->ntargets; i++)
        if (strcmp(x->p->targets[i].name, name) == 0)
            return i;
    ck_abort_msg("no target %s", name);
    return 0;
}

/* A stream whose text can be read back. */
typedef struct pf_capture {
    char *buf;
    size_t len;
    FILE *f;
} pf_capture;

static inline FILE *pf_cap_open(pf_capture *c)
{
    memset(c, 0, sizeof *c);
    c->f = open_memstream(&c->buf, &c->len);
    ck_assert_ptr_nonnull(c->f);
    return c->f;
}

/* Closes the stream and returns its text (free with pf_cap_free). */
static inline const char *pf_cap_text(pf_capture *c)
{
    if (c->f) {
        fclose(c->f);
        c->f = NULL;
    }
    return c->buf ? c->buf : "";
}

static inline void pf_cap_free(pf_capture *c)
{
    if (c->f)
        fclose(c->f);
    free(c->buf);
    memset(c, 0, sizeof *c);
}

/* Reads a whole file (for the rule sets under PLANC_TESTDATA); NULL when
 * it cannot. */
static inline char *pf_read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        fwrite(chunk, 1, n, m);
    fclose(f);
    fclose(m);
    return buf;
}

#endif
