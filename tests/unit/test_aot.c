/* test_aot.c — planc build (compiler/aot.c): libraries loaded with dlopen
 * and compared with the runtime.
 *
 * Each test compiles rules in-process, builds a library with aot_build into
 * a fresh directory, loads it, and checks it against the ABI of
 * compiler/aot_abi.h and against rt_run: the library's output columns must
 * equal the interpreter's result slots bit for bit (NaN matching NaN) on
 * the same rows, passed to the library in a scrambled order.  Also: the
 * ABI text in generated headers is compiler/aot_abi.h's; the library
 * exports only its two functions; input errors, the `missing error`
 * policy and build errors are reported with the documented codes; a
 * failed build keeps existing files; the generated C is free of warnings;
 * several threads may score at once. */
#include <check.h>
#include <dirent.h>
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aot.h"
#include "aot_abi.h"
#include "arena.h"
#include "diag.h"
#include "exec.h"
#include "import.h"
#include "lower.h"
#include "sema.h"
#include "table.h"

/* ---------------------------------------------------------------- fixtures */

/* Rules with every kind of target, aliases, scopes, shifts, unit
 * conversions, a formula, peaks and share, and an assessment. */
static const char rules_all[] =
    "plan 全部 \"every feature\" {\n"
    "    region   省\n"
    "    baseline 2021\n"
    "    horizon  2027\n"
    "    periods  前期 = 2019..2022, 后期 = 2023..2026\n"
    "    keys     region = \"city\", year = \"yr\"\n"
    "}\n"
    "levels province, city\n"
    "region 省 : province\n"
    "region 甲 : city in 省 alias \"甲市\"\n"
    "region 乙, 丙 : city in 省\n"
    "region 外省 : province\n"
    "agency 厅\n"
    "agency 局\n"
    "unit 吨\n"
    "unit 万吨 = 10000 吨\n"
    "unit km2\n"
    "indicator 排放 : 万吨, lower, column \"co2_t\" in 吨\n"
    "indicator 面积 : km2, higher, column \"area\"\n"
    "indicator 强度 : 吨/km2, lower, formula 排放 / 面积\n"
    "indicator 比例 : %, higher, column \"ratio\"\n"
    "indicator 达标 : bool, column \"ok\"\n"
    "section 一 \"first, with a comma\" {\n"
    "    measure (1) \"m \\\"one\\\"\" {\n"
    "        lead 厅\n"
    "        responsible 局\n"
    "        target 比例 >= 80% by 2024, >= 95% tolerance 1% by 后期\n"
    "        redline 红线 : 面积 >= 5 km2\n"
    "        target 降 : 排放 falls every year weight 2\n"
    "        target 峰 : 排放 peaks by 2025 tolerance 1%\n"
    "    }\n"
    "    measure (2) {\n"
    "        shared 厅, 局\n"
    "        target 全覆盖 : share(city, 达标 == yes) >= 100% by 2026\n"
    "        target 强 for city except 丙 : 强度 - prev(强度) <= 0 [万吨/km2] by 2027\n"
    "            score if value <= goal then 100 else 50 * progress()\n"
    "        target 评 : rated 比例 >= 80 by 2027 veto\n"
    "        target 完 for 甲, 乙 : complete 比例 tolerance 0.5% by 2025\n"
    "        target 基 : at(比例, 前期) + baseline(比例) >= 100% by 2026\n"
    "        target 升 : clamp(max(比例, 0%), 0%, 100%) rises every year\n"
    "    }\n"
    "}\n"
    "assessment 考核 {\n"
    "    missing reweight\n"
    "    weight section 一 = 3, measure (2) = 2\n"
    "    veto redlines\n"
    "    grade 优 >= 90, 良 >= 60, 差\n"
    "}\n";

/* Data for rules_all: gaps, missing cells, an alias, rows out of order,
 * a region with no rows, a province row for share, years before the
 * baseline. */
static const char data_all[] =
    "city,yr,co2_t,area,ratio,ok\n"
    "甲,2021,50000,10,70,no\n"
    "甲市,2020,52000,10,65,no\n"
    "甲,2022,48000,10,78,yes\n"
    "甲,2023,49000,11,85,yes\n"
    "甲,2024,47000,11,,yes\n"
    "甲,2025,45000,12,96,yes\n"
    "乙,2021,30000,4,50,no\n"
    "乙,2022,31000,4,55,NA\n"
    "乙,2024,29000,6,90,yes\n"
    "乙,2025,28000,6,99,yes\n"
    "丙,2021,0,0,0,no\n"
    "丙,2022,0,0,-0,no\n"
    "丙,2023,1e300,1e-300,100,yes\n"
    "省,2025,100000,30,88,\n";

/* The error stream of a test, readable as text. */
static char *errbuf;
static size_t errlen;
static FILE *errf;

/* The compilation of one rules text. */
typedef struct unit {
    arena a;
    diag_ctx d;
    ir_program *ir;
} unit;

/* A built and loaded library. */
typedef struct built {
    char dir[64];
    char lib[128], header[128];
    void *handle;
    const planc_library *lib_api;
} built;

static void setup(void)
{
    errbuf = NULL;
    errf = open_memstream(&errbuf, &errlen);
}

static void teardown(void)
{
    fclose(errf);
    free(errbuf);
}

/* What was written to the error stream so far. */
static const char *errors(void)
{
    fflush(errf);
    return errbuf ? errbuf : "";
}

/* Compiles a rules file as the driver does (import_load, sema_check,
 * lower_program); fails the test on errors. */
static void compile_path(unit *u, const char *path)
{
    arena_init(&u->a);
    diag_init(&u->d, errf);
    ast_program *ast = import_load(&u->a, &u->d, path, NULL);
    ck_assert_msg(ast->nmodules > 0, "cannot load %s: %s", path, errors());
    sema_model *m = sema_check(&u->a, &u->d, ast);
    ck_assert_msg(!diag_errors(&u->d), "rules do not check: %s", errors());
    u->ir = lower_program(&u->a, &u->d, m);
    ck_assert_msg(!diag_errors(&u->d), "rules do not lower: %s", errors());
}

/* Compiles rules text (written to a temporary file). */
static void compile(unit *u, const char *text)
{
    char dir[] = "/tmp/planc-test-aot-rules-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/rules.plan", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    compile_path(u, path);
    unlink(path);
    rmdir(dir);
}

/* Compiles the rules file at PLANC_TESTDATA/../rel. */
static void compile_file(unit *u, const char *rel)
{
    const char *root = getenv("PLANC_TESTDATA");
    ck_assert_ptr_nonnull(root);
    char path[1024];
    snprintf(path, sizeof path, "%s/../%s", root, rel);
    compile_path(u, path);
}

static void unit_free(unit *u)
{
    diag_dispose(&u->d);
    arena_free(&u->a);
}

/* A fresh directory for a build. */
static void make_dir(built *b)
{
    memset(b, 0, sizeof *b);
    snprintf(b->dir, sizeof b->dir, "/tmp/planc-test-aot-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(b->dir));
    snprintf(b->lib, sizeof b->lib, "%s/libtest.so", b->dir);
    snprintf(b->header, sizeof b->header, "%s/test.h", b->dir);
}

/* Builds p's library in a fresh directory with options o (output and
 * header filled in) and loads it; fails the test when anything fails. */
static void build(built *b, const ir_program *p, aot_options o)
{
    make_dir(b);
    o.output = b->lib;
    int rc = aot_build(p, &o, errf);
    ck_assert_msg(rc == 0, "aot_build returned %d: %s", rc, errors());
    b->handle = dlopen(b->lib, RTLD_NOW | RTLD_LOCAL);
    ck_assert_msg(b->handle != NULL, "dlopen: %s", dlerror());
    planc_get_library_fn get = (planc_get_library_fn)dlsym(b->handle, "planc_get_library");
    ck_assert_ptr_nonnull(get);
    b->lib_api = get(PLANC_ABI_VERSION);
    ck_assert_ptr_nonnull(b->lib_api);
}

/* Removes every file in the build directory and the directory. */
static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static void unload(built *b)
{
    if (b->handle)
        dlclose(b->handle);
    remove_dir(b->dir);
}

/* A whole file as a malloc'd string (NULL if it cannot be read). */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;)
        fwrite(buf, 1, n, m);
    fclose(f);
    fclose(m);
    return text;
}

/* The data rows of a table (those from the file), scrambled, as the
 * library's input.  Frees nothing: call input_free. */
typedef struct input {
    planc_input in;
    size_t *order;          /* input row i is table row order[i] */
    uint32_t *region;
    int32_t *year;
    double **cols;
    uint32_t ncols;
} input;

static void input_make(input *x, const ir_program *p, const rt_table *t)
{
    size_t n = rt_table_nrows(t), m = 0;
    x->order = malloc((n + 1) * sizeof *x->order);
    for (size_t r = 0; r < n; r++)
        if (rt_table_line(t, r) != 0)
            x->order[m++] = r;
    /* a fixed scramble: reverse, then swap neighbours */
    for (size_t i = 0; i < m / 2; i++) {
        size_t s = x->order[i];
        x->order[i] = x->order[m - 1 - i];
        x->order[m - 1 - i] = s;
    }
    for (size_t i = 0; i + 1 < m; i += 2) {
        size_t s = x->order[i];
        x->order[i] = x->order[i + 1];
        x->order[i + 1] = s;
    }
    x->region = malloc((m + 1) * sizeof *x->region);
    x->year = malloc((m + 1) * sizeof *x->year);
    x->ncols = p->ncolumns;
    x->cols = calloc(p->ncolumns + 1, sizeof *x->cols);
    for (uint32_t c = 0; c < p->ncolumns; c++)
        x->cols[c] = malloc((m + 1) * sizeof **x->cols);
    for (size_t i = 0; i < m; i++) {
        x->region[i] = rt_table_region(t, x->order[i]);
        x->year[i] = rt_table_year(t, x->order[i]);
        for (uint32_t c = 0; c < p->ncolumns; c++)
            x->cols[c][i] = rt_table_column(t, c)[x->order[i]];
    }
    x->in = (planc_input){m, x->region, x->year, (const double *const *)x->cols};
}

static void input_free(input *x)
{
    for (uint32_t c = 0; c < x->ncols; c++)
        free(x->cols[c]);
    free(x->cols);
    free(x->region);
    free(x->year);
    free(x->order);
}

/* Bit-for-bit equality, NaN matching NaN. */
static bool same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

/* The result slot of each output column, as the ABI documents the order. */
static uint32_t output_slot(const ir_program *p, uint32_t k)
{
    if (k < 5 * p->ntargets) {
        const ir_target *t = &p->targets[k / 5];
        const uint32_t s[5] = {t->status, t->value, t->goal, t->expected, t->score};
        return s[k % 5];
    }
    k -= 5 * p->ntargets;
    if (k < p->nmeasures)
        return p->measures[k].score;
    k -= p->nmeasures;
    if (k < p->nsections)
        return p->sections[k].score;
    k -= p->nsections;
    return k == 0 ? p->total : k == 1 ? p->veto : p->grade;
}

/* Scores table t's data with the library and with the interpreter and
 * requires the same rows and the same bits in every output column. */
static void check_same(const ir_program *p, const planc_library *lib, const rt_table *t)
{
    rt_result *ri = rt_run(p, t, interp_engine(), errf);
    ck_assert_msg(ri != NULL, "rt_run failed: %s", errors());
    input x;
    input_make(&x, p, t);
    planc_result *res = NULL;
    char err[256];
    int rc = lib->score(&x.in, &res, err, sizeof err);
    ck_assert_msg(rc == PLANC_OK, "score returned %d: %s", rc, err);
    size_t n = rt_table_nrows(t);
    ck_assert_uint_eq(res->nrows, n);
    for (size_t r = 0; r < n; r++) {
        ck_assert_uint_eq(res->region[r], rt_table_region(t, r));
        ck_assert_int_eq(res->year[r], rt_table_year(t, r));
        if (rt_table_line(t, r) == 0)
            ck_assert_int_eq(res->source[r], -1);
        else
            ck_assert_uint_eq(x.order[res->source[r]], r);
    }
    uint32_t nout = p->ntargets * 5 + (p->has_assessment ? p->nmeasures + p->nsections + 3 : 0);
    ck_assert_uint_eq(lib->noutputs, nout);
    for (uint32_t k = 0; k < nout; k++) {
        for (size_t r = 0; r < n; r++) {
            double want = rt_result_value(ri, output_slot(p, k), r);
            ck_assert_msg(same(want, res->outputs[k][r]),
                          "output %u row %zu: interpreter %.17g, library %.17g", k, r, want,
                          res->outputs[k][r]);
        }
    }
    lib->free_result(res);
    input_free(&x);
    rt_result_free(ri);
}

/* ---------------------------------------------------------------- tests */

/* Every feature: the library equals the interpreter; the description
 * matches the program. */
START_TEST(every_feature_matches_the_interpreter)
{
    unit u;
    compile(&u, rules_all);
    built b;
    build(&b, u.ir, (aot_options){0});
    const planc_library *lib = b.lib_api;
    ck_assert_uint_eq(lib->abi_version, 3);
    ck_assert_uint_eq(lib->size, sizeof(planc_library));
    ck_assert_str_eq(lib->plan, "全部");
    ck_assert_str_eq(lib->region_key, "city");
    ck_assert_str_eq(lib->year_key, "yr");
    ck_assert_int_eq(lib->baseline, 2021);
    ck_assert_uint_eq(lib->nregions, u.ir->nregions);
    ck_assert_uint_eq(lib->ncolumns, u.ir->ncolumns);
    for (uint32_t c = 0; c < lib->ncolumns; c++) {
        ck_assert_str_eq(lib->columns[c].name, u.ir->columns[c].name);
        ck_assert_uint_eq(lib->columns[c].type,
                          u.ir->columns[c].type == IR_COL_BOOL ? PLANC_COL_YESNO : PLANC_COL_NUMBER);
    }
    ck_assert_uint_eq(lib->ntargets, u.ir->ntargets);
    ck_assert_str_eq(lib->targets[0].name, u.ir->targets[0].name);
    /* each target's goals (version 2), as the program states them */
    for (uint32_t i = 0; i < lib->ntargets; i++) {
        const ir_target *tg = &u.ir->targets[i];
        const planc_goals *g = &lib->goals[i];
        ck_assert_uint_eq(g->nmilestones, tg->nmilestones);
        for (uint32_t k = 0; k < g->nmilestones; k++) {
            const planc_milestone *m = &g->milestones[k];
            const ir_milestone *im = &tg->milestones[k];
            ck_assert_int_eq(m->deadline, im->deadline);
            ck_assert(isnan(im->goal) ? isnan(m->goal) : m->goal == im->goal);
            ck_assert(im->has_tolerance ? m->tolerance == im->tolerance : isnan(m->tolerance));
            ck_assert(!m->goal_from == !im->goal_src);
            if (im->goal_src)
                ck_assert_str_eq(m->goal_from, im->goal_src);
        }
    }
    /* by value: 比例's two milestones, the second with its tolerance of 1
     * (%), complete's 100 (%) tolerance 0.5, peaks' deadline, falls' none */
    static const char *const names[] = {"比例", "完", "峰", "降"};
    uint32_t at[4];
    for (int n = 0; n < 4; n++) {
        at[n] = UINT32_MAX;
        for (uint32_t i = 0; i < lib->ntargets; i++)
            if (strcmp(lib->targets[i].name, names[n]) == 0)
                at[n] = i;
        ck_assert_uint_ne(at[n], UINT32_MAX);
    }
    const planc_goals *gp = &lib->goals[at[0]];
    ck_assert_uint_eq(gp->nmilestones, 2);
    ck_assert_uint_eq(gp->milestones[0].op, PLANC_OP_GE);
    ck_assert_double_eq(gp->milestones[0].goal, 80);
    ck_assert(isnan(gp->milestones[0].tolerance));
    ck_assert_int_eq(gp->milestones[0].deadline, 2024);
    ck_assert_double_eq(gp->milestones[1].goal, 95);
    ck_assert_double_eq(gp->milestones[1].tolerance, 1);
    ck_assert_ptr_null(gp->milestones[1].goal_from);
    gp = &lib->goals[at[1]];
    ck_assert_uint_eq(gp->nmilestones, 1);
    ck_assert_uint_eq(gp->milestones[0].op, PLANC_OP_GE);
    ck_assert_double_eq(gp->milestones[0].goal, 100);
    ck_assert_double_eq(gp->milestones[0].tolerance, 0.5);
    ck_assert_int_eq(gp->milestones[0].deadline, 2025);
    gp = &lib->goals[at[2]];
    ck_assert_uint_eq(gp->nmilestones, 1);
    ck_assert_uint_eq(gp->milestones[0].op, PLANC_OP_NONE);
    ck_assert(isnan(gp->milestones[0].goal));
    ck_assert_int_eq(gp->milestones[0].deadline, 2025);
    ck_assert_uint_eq(lib->goals[at[3]].nmilestones, 0);
    ck_assert_str_eq(lib->measures[0].lead, "厅");
    ck_assert_str_eq(lib->measures[1].lead, "shared: 厅、局");
    ck_assert_int_eq(lib->missing, PLANC_POLICY_REWEIGHT);
    ck_assert_uint_eq(lib->nbands, 3);
    ck_assert_str_eq(lib->bands[2], "差");
    ck_assert_str_eq(lib->status_names[PLANC_ON_TRACK], "on_track");
    ck_assert_int_eq(lib->find_region("甲市"), lib->find_region("甲"));
    ck_assert_int_eq(lib->find_region("丙"), 3);
    ck_assert_int_eq(lib->find_region("nowhere"), -1);
    ck_assert_int_eq(lib->find_region(NULL), -1);

    rt_table *t = rt_table_parse(u.ir, "data.csv", data_all, strlen(data_all), NULL, errf);
    ck_assert_msg(t != NULL, "%s", errors());
    check_same(u.ir, lib, t);
    rt_table_free(t);
    unload(&b);
    unit_free(&u);
}
END_TEST

/* The bundled examples: the quickstart and the Beautiful Liaoning rule
 * set on their data. */
START_TEST(bundled_examples_match_the_interpreter)
{
    static const char *const cases[][2] = {
        {"examples/quickstart/rules.plan", "examples/quickstart/data.csv"},
        {"rules/liaoning/beautiful-liaoning.plan", "examples/liaoning/data.csv"},
    };
    for (size_t i = 0; i < 2; i++) {
        unit u;
        compile_file(&u, cases[i][0]);
        built b;
        build(&b, u.ir, (aot_options){.cpu = i ? "x86-64-v3" : NULL});
        char path[1024];
        snprintf(path, sizeof path, "%s/../%s", getenv("PLANC_TESTDATA"), cases[i][1]);
        rt_table *t = rt_table_load(u.ir, path, NULL, errf);
        ck_assert_msg(t != NULL, "%s", errors());
        check_same(u.ir, b.lib_api, t);
        rt_table_free(t);
        unload(&b);
        unit_free(&u);
    }
}
END_TEST

/* The header holds compiler/aot_abi.h's ABI block, the fingerprint of its
 * library and a description of the columns; the library exports only
 * planc_abi_version and planc_get_library. */
START_TEST(header_and_exports)
{
    unit u;
    compile(&u, rules_all);
    built b;
    build(&b, u.ir, (aot_options){.rules_path = "every/feature.plan"});
    char *header = slurp(b.header);
    ck_assert_ptr_nonnull(header);
    char path[1024];
    snprintf(path, sizeof path, "%s/../compiler/aot_abi.h", getenv("PLANC_TESTDATA"));
    char *abi = slurp(path);
    ck_assert_ptr_nonnull(abi);
    const char *block = strstr(abi, "#ifndef PLANC_ABI_V3");
    ck_assert_ptr_nonnull(block);
    ck_assert_msg(strstr(header, block) != NULL,
                  "the generated header does not hold compiler/aot_abi.h's ABI block");
    char want[128];
    /* planc build --help names the version the library implements */
    snprintf(want, sizeof want, "(ABI version %d)", PLANC_ABI_VERSION);
    ck_assert_msg(strstr(aot_usage, want) != NULL, "planc build --help does not say '%s'", want);
    snprintf(want, sizeof want, "#define TEST_FINGERPRINT \"%s\"", b.lib_api->fingerprint);
    ck_assert_msg(strstr(header, want) != NULL, "no '%s' in the header", want);
    ck_assert_ptr_nonnull(strstr(header, "from every/feature.plan"));
    ck_assert_ptr_nonnull(
        strstr(header, "co2_t  (number, in 吨, indicator 排放 in 万吨: divided by 10000)"));
    ck_assert_ptr_nonnull(strstr(header, "ok  (yes/no, indicator 达标)"));
    ck_assert_ptr_nonnull(strstr(header, "co2_t of the previous year\n"));
    ck_assert_ptr_nonnull(strstr(header, "the region column \"city\" and the year column \"yr\""));
    ck_assert_ptr_nonnull(strstr(header, "甲 (city in 省) also 甲市"));
    ck_assert_ptr_nonnull(strstr(header, "#define TEST_NCOLUMNS 4u"));

    planc_abi_version_fn v = (planc_abi_version_fn)dlsym(b.handle, "planc_abi_version");
    ck_assert_ptr_nonnull(v);
    ck_assert_uint_eq(v(), 3);
    planc_get_library_fn get = (planc_get_library_fn)dlsym(b.handle, "planc_get_library");
    ck_assert_ptr_null(get(4));
    ck_assert_ptr_null(get(0));
    /* versions 1 and 2, for a program written for them: their abi_version
     * and size, the same description; their score (without
     * PLANC_E_OVERFLOW) is one function, version 3's another
     * (overflow_error) */
    const planc_library *v1 = get(1), *v2 = get(2), *v3 = get(3);
    ck_assert_ptr_nonnull(v1);
    ck_assert_ptr_nonnull(v2);
    ck_assert_ptr_nonnull(v3);
    ck_assert_uint_eq(v1->abi_version, 1);
    ck_assert_uint_eq(v2->abi_version, 2);
    ck_assert_uint_eq(v3->abi_version, 3);
    ck_assert_uint_eq(v1->size, offsetof(planc_library, goals));
    ck_assert_uint_eq(v2->size, sizeof(planc_library));
    ck_assert_uint_eq(v3->size, sizeof(planc_library));
    ck_assert_str_eq(v1->fingerprint, v3->fingerprint);
    ck_assert_str_eq(v2->fingerprint, v3->fingerprint);
    ck_assert_ptr_eq(v1->targets, v3->targets);
    ck_assert_ptr_eq(v2->goals, v3->goals);
    ck_assert_ptr_eq((void *)v1->score, (void *)v2->score);
    ck_assert_ptr_ne((void *)v2->score, (void *)v3->score);
    /* kernels and runtime are hidden */
    ck_assert_ptr_null(dlsym(b.handle, "seg_0"));
    ck_assert_ptr_null(dlsym(b.handle, "score"));
    ck_assert_ptr_null(dlsym(b.handle, "library"));
    free(abi);
    free(header);
    unload(&b);
    unit_free(&u);
}
END_TEST

/* Bad input rows are refused with PLANC_E_ROWS / PLANC_E_ARGS and a
 * message; no rows is a valid, empty result. */
START_TEST(input_errors)
{
    unit u;
    compile(&u, rules_all);
    built b;
    build(&b, u.ir, (aot_options){0});
    const planc_library *lib = b.lib_api;
    uint32_t region[2] = {1, 2};
    int32_t year[2] = {2021, 2022};
    double c0[2] = {1, 2}, c1[2] = {1, 2}, c2[2] = {50, NAN}, c3[2] = {1, 0};
    const double *cols[4] = {c0, c1, c2, c3};
    planc_input in = {2, region, year, cols};
    planc_result *res = NULL;
    char err[256];

    ck_assert_int_eq(lib->score(&in, &res, err, sizeof err), PLANC_OK);
    ck_assert_ptr_nonnull(res);
    lib->free_result(res);
    lib->free_result(NULL);

    region[1] = 99;
    ck_assert_int_eq(lib->score(&in, &res, err, sizeof err), PLANC_E_ROWS);
    ck_assert_ptr_null(res);
    ck_assert_str_eq(err, "row 1: region index 99 is out of range (0..4)");
    region[1] = 2;
    year[0] = 0;
    ck_assert_int_eq(lib->score(&in, &res, err, sizeof err), PLANC_E_ROWS);
    ck_assert_str_eq(err, "row 0: year 0 is out of range (1..9999)");
    year[0] = 2022;
    region[0] = 2;
    ck_assert_int_eq(lib->score(&in, &res, err, sizeof err), PLANC_E_ROWS);
    ck_assert_str_eq(err, "rows 0 and 1 are both for 乙 2022");
    region[0] = 1;
    c1[1] = INFINITY;
    ck_assert_int_eq(lib->score(&in, &res, err, sizeof err), PLANC_E_ROWS);
    ck_assert_str_eq(err, "row 1, column 'area': an infinite value");
    c1[1] = 2;
    c3[0] = 0.5;
    ck_assert_int_eq(lib->score(&in, &res, err, sizeof err), PLANC_E_ROWS);
    ck_assert_str_eq(err, "row 0, column 'ok': 0.5 is not a yes/no value (1, 0 or NaN)");
    c3[0] = 1;
    cols[2] = NULL;
    ck_assert_int_eq(lib->score(&in, &res, err, sizeof err), PLANC_E_ARGS);
    cols[2] = c2;
    ck_assert_int_eq(lib->score(NULL, &res, err, sizeof err), PLANC_E_ARGS);
    ck_assert_int_eq(lib->score(&in, NULL, err, sizeof err), PLANC_E_ARGS);
    /* a short buffer is cut, a NULL one ignored */
    region[1] = 99;
    char tiny[8];
    ck_assert_int_eq(lib->score(&in, &res, tiny, sizeof tiny), PLANC_E_ROWS);
    ck_assert_str_eq(tiny, "row 1: ");
    ck_assert_int_eq(lib->score(&in, &res, NULL, 0), PLANC_E_ROWS);

    planc_input none = {0, NULL, NULL, NULL};
    ck_assert_int_eq(lib->score(&none, &res, err, sizeof err), PLANC_OK);
    ck_assert_uint_eq(res->nrows, 0);
    lib->free_result(res);
    unload(&b);
    unit_free(&u);
}
END_TEST

/* Under `missing error` the library refuses a row with a missing target
 * as rt_run does, naming the same target, region and year. */
START_TEST(missing_error_policy)
{
    static const char rules[] =
        "plan P { region 省 baseline 2020 horizon 2025 }\n"
        "levels province\nregion 省 : province\n"
        "indicator x : %, higher, column \"x\"\n"
        "section S { measure (1) { target T : x >= 50% by 2024 } }\n"
        "assessment A { missing error }\n";
    static const char data[] = "region,year,x\n省,2020,10\n省,2021,\n省,2022,30\n";
    unit u;
    compile(&u, rules);
    built b;
    build(&b, u.ir, (aot_options){0});
    rt_table *t = rt_table_parse(u.ir, "data.csv", data, strlen(data), NULL, errf);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_null(rt_run(u.ir, t, interp_engine(), errf));
    ck_assert_ptr_nonnull(strstr(errors(), "target 'T' has no value for 省 2021"));
    input x;
    input_make(&x, u.ir, t);
    planc_result *res = NULL;
    char err[256];
    ck_assert_int_eq(b.lib_api->score(&x.in, &res, err, sizeof err), PLANC_E_MISSING);
    ck_assert_ptr_null(res);
    /* the rows were passed scrambled: name the input row of table row 1,
     * and the data to blame, as planc run does (its cell of column x) */
    size_t row = 0;
    while (x.order[row] != 1)
        row++;
    char want[128];
    snprintf(want, sizeof want, "target 'T' has no value for 省 2021 (input row %zu: column 'x')", row);
    ck_assert_msg(strstr(err, want) != NULL, "'%s' does not say '%s'", err, want);
    ck_assert_ptr_nonnull(strstr(err, "missing-data policy is 'error'"));
    ck_assert_int_eq(b.lib_api->missing, PLANC_POLICY_ERROR);
    input_free(&x);
    rt_table_free(t);
    unload(&b);
    unit_free(&u);
}
END_TEST

/* Arguments for a scoring thread. */
typedef struct job {
    const planc_library *lib;
    const planc_input *in;
    planc_result *res;
    int rc;
} job;

static void *score_job(void *arg)
{
    job *j = arg;
    char err[128];
    j->rc = j->lib->score(j->in, &j->res, err, sizeof err);
    return NULL;
}

/* A target's value that overflows a double is the data error of planc
 * run (rt_first_overflow): the library returns PLANC_E_OVERFLOW naming
 * the same target, region and year, the input row and the column, and no
 * result; a program asking for version 2 gets PLANC_E_ROWS, the code its
 * header has, with the same message. */
START_TEST(overflow_error)
{
    static const char rules[] =
        "plan P { region 省 baseline 2020 horizon 2025 }\n"
        "levels province\nregion 省 : province\nregion 乙 : province\n"
        "indicator x : 1, higher, column \"x\"\n"
        "indicator sq : 1, higher, formula x * x\n"
        "section S { measure (1) { target T : sq >= 1 by 2024 } }\n";
    static const char data[] = "region,year,x\n省,2020,1\n省,2021,1e200\n乙,2020,2\n";
    unit u;
    compile(&u, rules);
    built b;
    build(&b, u.ir, (aot_options){0});
    rt_table *t = rt_table_parse(u.ir, "data.csv", data, strlen(data), NULL, errf);
    ck_assert_ptr_nonnull(t);
    rt_result *ri = rt_run(u.ir, t, interp_engine(), errf);
    ck_assert_ptr_nonnull(ri);
    uint32_t ti = 99;
    ck_assert_int_eq(rt_first_overflow(u.ir, ri, 0, rt_table_nrows(t), &ti), 1);
    ck_assert_uint_eq(ti, 0);
    input x;
    input_make(&x, u.ir, t);
    planc_result *res = NULL;
    char err[256];
    ck_assert_int_eq(b.lib_api->score(&x.in, &res, err, sizeof err), PLANC_E_OVERFLOW);
    ck_assert_ptr_null(res);
    size_t row = 0;
    while (x.order[row] != 1)
        row++;
    char want[160];
    snprintf(want, sizeof want, "target 'T' for 省 2021 (input row %zu): its value, computed "
                                "from column 'x', overflows", row);
    ck_assert_msg(strstr(err, want) != NULL, "'%s' does not say '%s'", err, want);
    /* version 2's score: the same error as a bad row */
    planc_get_library_fn get = (planc_get_library_fn)dlsym(b.handle, "planc_get_library");
    char err2[256];
    ck_assert_int_eq(get(2)->score(&x.in, &res, err2, sizeof err2), PLANC_E_ROWS);
    ck_assert_ptr_null(res);
    ck_assert_str_eq(err2, err);
    ck_assert_int_eq(get(1)->score(&x.in, &res, err2, sizeof err2), PLANC_E_ROWS);
    /* without the overflowing row: scored */
    static const char fine[] = "region,year,x\n省,2020,1\n省,2021,3\n乙,2020,2\n";
    rt_table *t2 = rt_table_parse(u.ir, "fine.csv", fine, strlen(fine), NULL, errf);
    input y;
    input_make(&y, u.ir, t2);
    ck_assert_int_eq(b.lib_api->score(&y.in, &res, err, sizeof err), PLANC_OK);
    ck_assert_ptr_nonnull(res);
    b.lib_api->free_result(res);
    input_free(&y);
    rt_table_free(t2);
    input_free(&x);
    rt_result_free(ri);
    rt_table_free(t);
    unload(&b);
    unit_free(&u);
}
END_TEST

/* Four threads scoring at once get the same results as one. */
START_TEST(concurrent_scoring)
{
    unit u;
    compile(&u, rules_all);
    built b;
    build(&b, u.ir, (aot_options){0});
    rt_table *t = rt_table_parse(u.ir, "data.csv", data_all, strlen(data_all), NULL, errf);
    ck_assert_ptr_nonnull(t);
    input x;
    input_make(&x, u.ir, t);
    job jobs[4];
    pthread_t tid[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (job){b.lib_api, &x.in, NULL, -1};
        ck_assert_int_eq(pthread_create(&tid[i], NULL, score_job, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(tid[i], NULL);
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(jobs[i].rc, PLANC_OK);
        ck_assert_uint_eq(jobs[i].res->nrows, jobs[0].res->nrows);
        for (uint32_t k = 0; k < b.lib_api->noutputs; k++)
            for (size_t r = 0; r < jobs[0].res->nrows; r++)
                ck_assert(same(jobs[i].res->outputs[k][r], jobs[0].res->outputs[k][r]));
    }
    for (int i = 0; i < 4; i++)
        b.lib_api->free_result(jobs[i].res);
    input_free(&x);
    rt_table_free(t);
    unload(&b);
    unit_free(&u);
}
END_TEST

/* The generated C compiles without a warning under -Wall -Wextra
 * -Wpedantic (-Werror makes any warning a failed build). */
START_TEST(generated_c_is_warning_free)
{
    unit u;
    compile(&u, rules_all);
    built b;
    build(&b, u.ir, (aot_options){.cc = "cc -Wall -Wextra -Wpedantic -Werror"});
    unload(&b);
    unit_free(&u);
}
END_TEST

/* A regional group of 10000 cities: the generated C grows with the
 * regions, not with their square (one C array per region for the groups
 * listing it, 10000 equal arrays, took the C compiler 13 s), and the
 * library scores as the interpreter does.  The size of glue.c is measured,
 * not the time: a C compiler wrapper records it, so a loaded machine cannot
 * fail the test. */
START_TEST(big_groups_build_quickly)
{
    enum { N = 10000 };
    size_t cap = 96 * (size_t)N + 1024, n = 0;
    char *src = malloc(cap), *csv = malloc(cap);
    ck_assert_ptr_nonnull(src);
    ck_assert_ptr_nonnull(csv);
    n += (size_t)snprintf(src + n, cap - n, "plan 大 { region 国 baseline 2020 horizon 2025 }\n"
                          "levels country, area, province, city\n"
                          "region 国 : country\nregion 省 : province in 国\n");
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(src + n, cap - n, "region c%d : city in 省\n", i);
    n += (size_t)snprintf(src + n, cap - n, "region 全部 : area in 国 of c0");
    for (int i = 1; i < N; i++)
        n += (size_t)snprintf(src + n, cap - n, ",\n  c%d", i);
    snprintf(src + n, cap - n, "\nindicator x : 1, column \"x\"\n"
             "section 一 \"x\" { measure (一) \"y\" {\n"
             "  target t for area : total(city, x) <= 1000\n"
             "  target s : share(city, x <= 50) >= 50%%\n} }\n");
    size_t m = (size_t)snprintf(csv, cap, "region,year,x\n");
    for (int i = 0; i < N; i += 7)
        m += (size_t)snprintf(csv + m, cap - m, "c%d,2021,%d\n", i, i % 97);
    char wrap_dir[] = "/tmp/planc-test-aot-cc-XXXXXX", wrap[128], size_file[128], cc[160];
    ck_assert_ptr_nonnull(mkdtemp(wrap_dir));
    snprintf(wrap, sizeof wrap, "%s/cc.sh", wrap_dir);
    snprintf(size_file, sizeof size_file, "%s/glue.size", wrap_dir);
    FILE *w = fopen(wrap, "w");
    ck_assert_ptr_nonnull(w);
    fprintf(w, "for a; do case \"$a\" in *glue.c) wc -c < \"$a\" > '%s';; esac; done\n"
            "exec cc \"$@\"\n", size_file);
    ck_assert_int_eq(fclose(w), 0);
    snprintf(cc, sizeof cc, "sh %s", wrap);
    unit u;
    compile(&u, src);
    built b;
    build(&b, u.ir, (aot_options){.cc = cc});
    FILE *sf = fopen(size_file, "r");
    ck_assert_msg(sf != NULL, "the C compiler wrapper saw no glue.c");
    long glue_bytes = -1;
    ck_assert_int_eq(fscanf(sf, "%ld", &glue_bytes), 1);
    fclose(sf);
    /* about 77 bytes per region today; the quadratic form was 10000 arrays
     * of 10000 entries, hundreds of megabytes */
    ck_assert_msg(glue_bytes > 0 && glue_bytes < 400L * N, "glue.c is %ld bytes for %d regions",
                  glue_bytes, (int)N);
    rt_table *t = rt_table_parse(u.ir, "data.csv", csv, m, NULL, errf);
    ck_assert_msg(t != NULL, "%s", errors());
    check_same(u.ir, b.lib_api, t);
    rt_table_free(t);
    unload(&b);
    unit_free(&u);
    unlink(size_file);
    unlink(wrap);
    rmdir(wrap_dir);
    free(src);
    free(csv);
}
END_TEST

/* Build errors: the exit codes of aot.h, clear messages, and neither a
 * partial file nor a changed one left behind. */
START_TEST(build_errors_keep_existing_files)
{
    unit u;
    compile(&u, rules_all);
    built b;
    make_dir(&b);
    FILE *f = fopen(b.lib, "w");
    fputs("old library", f);
    fclose(f);
    f = fopen(b.header, "w");
    fputs("old header", f);
    fclose(f);

    ck_assert_int_eq(aot_build(u.ir, &(aot_options){.output = b.lib, .cc = "false"}, errf), 4);
    ck_assert_ptr_nonnull(strstr(errors(), "the C compiler 'false' failed (exit status 1)"));
    ck_assert_int_eq(aot_build(u.ir, &(aot_options){.output = b.lib, .cc = "/no/such/cc"}, errf), 4);
    ck_assert_ptr_nonnull(strstr(errors(), "cannot run the C compiler '/no/such/cc'"));
    ck_assert_int_eq(aot_build(u.ir, &(aot_options){.output = b.lib, .cpu = "pentium"}, errf), 2);
    ck_assert_ptr_nonnull(strstr(errors(), "unknown CPU 'pentium'"));
    ck_assert_int_eq(aot_build(u.ir, &(aot_options){.output = b.lib, .cc = " "}, errf), 2);
    ck_assert_int_eq(aot_build(u.ir, &(aot_options){.output = b.lib, .header = b.lib}, errf), 2);

    char *lib = slurp(b.lib), *header = slurp(b.header);
    ck_assert_str_eq(lib, "old library");
    ck_assert_str_eq(header, "old header");
    free(lib);
    free(header);
    /* nothing else in the directory: no temporary file or directory */
    DIR *d = opendir(b.dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.' || strncmp(e->d_name, ".planc-build", 12) == 0;
    closedir(d);
    ck_assert_int_eq(n, 2);

    char missing[256];
    snprintf(missing, sizeof missing, "%s/no/such/dir/libx.so", b.dir);
    ck_assert_int_eq(aot_build(u.ir, &(aot_options){.output = missing}, errf), 5);
    ck_assert_ptr_nonnull(strstr(errors(), "cannot write"));
    ck_assert_int_eq(aot_build(u.ir, &(aot_options){.output = "/tmp/.so"}, errf), 2);
    ck_assert_ptr_nonnull(strstr(errors(), "cannot name a library"));
    remove_dir(b.dir);
    unit_free(&u);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("aot");
    TCase *tc = tcase_create("build");
    tcase_add_checked_fixture(tc, setup, teardown);
    /* each test builds libraries: LLVM at -O3 and the C compiler */
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_feature_matches_the_interpreter);
    tcase_add_test(tc, bundled_examples_match_the_interpreter);
    tcase_add_test(tc, header_and_exports);
    tcase_add_test(tc, input_errors);
    tcase_add_test(tc, missing_error_policy);
    tcase_add_test(tc, overflow_error);
    tcase_add_test(tc, concurrent_scoring);
    tcase_add_test(tc, generated_c_is_warning_free);
    tcase_add_test(tc, build_errors_keep_existing_files);
    suite_add_tcase(s, tc);
    TCase *big = tcase_create("scale");
    tcase_add_checked_fixture(big, setup, teardown);
    /* large inputs: a generous limit, as for the builds above (the test
     * checks the generated C's size, not the time) */
    tcase_set_timeout(big, 120);
    tcase_add_test(big, big_groups_build_quickly);
    suite_add_tcase(s, big);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
