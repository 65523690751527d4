/* difftest.c — differential testing of the JIT against the reference
 * interpreter (issue 3, item 6).  See tests/difftest/README.md.
 *
 * For each program of a run: generate a random rules file (gen.c), compile
 * it in-process through the driver's own passes (parse_file, sema_check,
 * lower_program), compile it once with the JIT (jit_create), then for each
 * of its data sets: generate CSV data, load it (rt_table_parse), run the
 * program with the interpreter (rt_run) and the JIT (rt_run_opts, with 1,
 * 2 or 3 threads in turn) and require
 *   - the same outcome (both succeed, or both stop with the same data
 *     error text: the `missing error` policy),
 *   - every materialized column equal: bit for bit for non-NaN values (so
 *     -0 against +0 is a difference), NaN against NaN (ir.h: any NaN means
 *     "missing"),
 *   - the same CSV report, byte for byte, and the same again when the run
 *     is streamed (rt_run_stream with report_csv_stream, as `planc run`
 *     writes CSV; the JIT or the interpreter in turn),
 *   - the same page (report_html in Chinese, with the levels' texts the
 *     generator sometimes gives), byte for byte.
 * One case is one (program, data set) pair.  Two more checks ride along:
 * on each program's first data set, the program as `planc explain` lowers
 * it (lower_program_explained) must report the same; and with --aot, the
 * library `planc build` makes of the program (aot.h) must give the same
 * output columns, bit for bit, for the data's rows passed in a shuffled
 * order (its runtime is a separate implementation of the table and the
 * barriers, so this also tests runtime/table.c and runtime/exec.c).
 *
 * A generated file the checker rejects, or data the loader rejects, is a
 * generator bug and fails the run like a mismatch.  On any failure the rules,
 * the data and both engines' output are written to a directory, and the
 * program's seed is printed for replay (--program SEED). */
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "aot.h"
#include "aot_abi.h"
#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "exec.h"
#include "gen.h"
#include "import.h"
#include "ir.h"
#include "jit.h"
#include "lower.h"
#include "report.h"
#include "report_html.h"
#include "rollup.h"
#include "sema.h"
#include "table.h"

static const char usage[] =
    "usage: planc-difftest [--cases N] [--per-program K] [--seed S] [--out DIR]\n"
    "                      [--program SEED] [--write SEED DIR] [--aot] [--quiet]\n"
    "\n"
    "Generates random rule sets and data and requires the JIT and the\n"
    "reference interpreter to produce identical results.\n"
    "\n"
    "  --cases N        cases to run (default 1000); a case is one program\n"
    "                   with one data set\n"
    "  --per-program K  data sets per generated program (default 10); each\n"
    "                   program is compiled once by the JIT\n"
    "  --seed S         the run's seed (default 1); program i has the seed\n"
    "                   printed for it on failure\n"
    "  --program SEED   run only the program with this seed (its K data sets)\n"
    "  --write SEED DIR write that program's rules.plan and data-K.csv into\n"
    "                   DIR and stop (for planc run by hand)\n"
    "  --aot            also build each program with planc build and compare\n"
    "                   the library's results (slower: a C compiler per program)\n"
    "  --out DIR        where failing cases are written (default\n"
    "                   difftest-failures)\n"
    "  --quiet          print only failures and the summary\n"
    "\n"
    "exit: 0 all cases agree, 1 a mismatch or a generator error, 2 usage.\n";

/* The options of one run. */
typedef struct options {
    long cases;
    int per_program;
    uint64_t seed;
    bool one_program;
    uint64_t program_seed;
    const char *write_dir;
    const char *out_dir;
    bool quiet;
    bool aot;
    char work[64];          /* a temporary directory for rules files */
} options;

/* What a run saw, to show the generator reaches every operation and
 * status (and to fail when it stops doing so). */
typedef struct stats {
    long programs, cases, rows, failures, error_policy_stops, streamed;
    long ops[IR_NOPS];
    long statuses[IR_ST_MET + 1];
    long values, nan_values;
    double jit_ms;
    jit_timings phases;          /* sums over programs */
} stats;

/* ---------------------------------------------------------------- files */

/* Writes len bytes to DIR/NAME; false after saying why. */
static bool write_file(const char *dir, const char *name, const char *text, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "difftest: cannot write %s: %s\n", path, strerror(errno));
        return false;
    }
    return true;
}

/* mkdir -p for one or two levels; false after saying why. */
static bool make_dir(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "difftest: cannot create %s: %s\n", tmp, strerror(errno));
            return false;
        }
        *p = '/';
    }
    if (mkdir(tmp, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "difftest: cannot create %s: %s\n", tmp, strerror(errno));
        return false;
    }
    return true;
}

/* A stream collecting text in memory. */
typedef struct memout {
    char *buf;
    size_t len;
    FILE *f;
} memout;

static FILE *mem_open(memout *m)
{
    memset(m, 0, sizeof *m);
    m->f = open_memstream(&m->buf, &m->len);
    if (!m->f) {
        fprintf(stderr, "difftest: open_memstream: %s\n", strerror(errno));
        exit(4);
    }
    return m->f;
}

/* The text written so far (the stream stays open). */
static const char *mem_text(memout *m)
{
    fflush(m->f);
    return m->buf ? m->buf : "";
}

static void mem_close(memout *m)
{
    if (m->f)
        fclose(m->f);
    free(m->buf);
    memset(m, 0, sizeof *m);
}

/* ---------------------------------------------------------------- one program */

/* A compiled program: its arena, diagnostics, IR (as planc run lowers it,
 * and as planc explain does), the JIT and, with --aot, the library. */
typedef struct compiled {
    arena a;
    diag_ctx d;
    memout diags;
    ir_program *ir;
    ir_program *explained;       /* lower_program_explained: the same results */
    jit_engine *jit;
    memout jit_err;
    void *aot_handle;            /* dlopen handle, with --aot */
    const planc_library *aot;
} compiled;

/* Saves a failing case and prints how to replay it.  `other` names the
 * engine compared with the interpreter (its report is other.csv). */
static void save_failure(const options *o, uint64_t pseed, int k, const char *what,
                         const dt_buf *rules, const dt_buf *data, const char *details,
                         const memout *interp_csv, const memout *other_csv)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/program-%" PRIu64 "-data-%d", o->out_dir, pseed, k);
    fprintf(stderr, "difftest: FAIL (%s): program seed %" PRIu64 ", data set %d\n", what, pseed, k);
    if (details && *details)
        fprintf(stderr, "%s", details);
    if (!make_dir(dir))
        return;
    write_file(dir, "rules.plan", rules->s, rules->len);
    if (data)
        write_file(dir, "data.csv", data->s, data->len);
    if (details)
        write_file(dir, "details.txt", details, strlen(details));
    if (interp_csv && interp_csv->buf)
        write_file(dir, "interp.csv", interp_csv->buf, interp_csv->len);
    if (other_csv && other_csv->buf)
        write_file(dir, "other.csv", other_csv->buf, other_csv->len);
    fprintf(stderr, "difftest: files in %s\n", dir);
    fprintf(stderr, "difftest: replay: planc-difftest --program %" PRIu64 " --per-program %d%s\n",
            pseed, o->per_program, o->aot ? " --aot" : "");
}

/* Compiles the rules text as the driver's compile() does: written to
 * `path`, loaded with import_load, checked, lowered (and lowered once more
 * as planc explain does).  Returns false (diagnostics in c->diags) when
 * the checker rejects it. */
static bool compile_rules(compiled *c, const dt_buf *rules, const char *path)
{
    memset(c, 0, sizeof *c);
    arena_init(&c->a);
    diag_init(&c->d, mem_open(&c->diags));
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(rules->s, 1, rules->len, f) != rules->len || fclose(f) != 0) {
        fprintf(c->d.out, "difftest: cannot write %s: %s\n", path, strerror(errno));
        return false;
    }
    ast_program *ast = import_load(&c->a, &c->d, path, NULL);
    if (ast->nmodules == 0)
        return false;
    sema_model *m = sema_check(&c->a, &c->d, ast);
    if (diag_errors(&c->d))
        return false;
    c->ir = lower_program(&c->a, &c->d, m);
    if (diag_errors(&c->d))
        return false;
    c->explained = lower_program_explained(&c->a, &c->d, m);
    return diag_errors(&c->d) == 0;
}

static void compiled_free(compiled *c)
{
    if (c->jit && jit_dispose(c->jit) != 0)
        fprintf(stderr, "difftest: jit_dispose reported an error: %s\n", mem_text(&c->jit_err));
    mem_close(&c->jit_err);
    if (c->aot_handle)
        dlclose(c->aot_handle);
    diag_dispose(&c->d);
    mem_close(&c->diags);
    arena_free(&c->a);
}

/* Bit-for-bit equality of two results, NaN matching any NaN. */
static bool same_value(double x, double y)
{
    if (isnan(x) || isnan(y))
        return isnan(x) && isnan(y);
    return memcmp(&x, &y, sizeof x) == 0;
}

/* Describes a difference of slot s on row r into out. */
static void describe(dt_buf *out, const ir_program *p, const rt_table *t, uint32_t s, size_t r,
                     const char *other, double a, double b)
{
    uint64_t xa, xb;
    memcpy(&xa, &a, sizeof xa);
    memcpy(&xb, &b, sizeof xb);
    const ir_step *sp = &p->steps[s];
    dt_buf_printf(out,
                  "slot %u (%s %s, operands %u %u %u) differs on row %zu (%s %d):\n"
                  "  interp %.17g (0x%016" PRIx64 ")\n  %-6s %.17g (0x%016" PRIx64 ")\n",
                  s, ir_typename(sp->type), ir_opname(sp->op), sp->a, sp->b, sp->c, r,
                  p->regions[rt_table_region(t, r)].name, rt_table_year(t, r), a, xa, other, b, xb);
}

/* Compares every materialized column; describes the first difference in
 * `out`.  Also counts statuses and NaNs for the statistics. */
static bool compare_results(const ir_program *p, const rt_table *t, const rt_result *ri,
                            const rt_result *rj, dt_buf *out, stats *st)
{
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0) {
        dt_buf_printf(out, "exec_plan_make failed on a program both engines ran\n");
        return false;
    }
    size_t n = rt_table_nrows(t);
    bool ok = true;
    for (uint32_t s = 0; s < p->nsteps && ok; s++) {
        if (!plan.materialized[s])
            continue;
        const double *a = rt_result_column(ri, s), *b = rt_result_column(rj, s);
        if (!a || !b) {
            dt_buf_printf(out, "slot %u is materialized but a result has no column\n", s);
            ok = false;
            break;
        }
        for (size_t r = 0; r < n; r++) {
            st->values++;
            st->nan_values += isnan(a[r]);
            if (p->steps[s].type == IR_STATUS && a[r] >= 0 && a[r] <= IR_ST_MET)
                st->statuses[(int)a[r]]++;
            if (same_value(a[r], b[r]))
                continue;
            describe(out, p, t, s, r, "jit", a[r], b[r]);
            ok = false;
            break;
        }
    }
    exec_plan_free(&plan);
    return ok;
}

/* The slot behind each output column of an AOT library, in the order the
 * ABI documents (compiler/aot_abi.h): five per target, then each measure,
 * each section, the total, the veto flag and the grade.  malloc'd. */
static uint32_t *aot_output_slots(const ir_program *p, uint32_t *n)
{
    uint32_t *s = malloc((p->ntargets * 5 + p->nmeasures + p->nsections + 4) * sizeof *s);
    uint32_t k = 0;
    if (!s)
        exit(4);
    for (uint32_t t = 0; t < p->ntargets; t++) {
        const ir_target *tg = &p->targets[t];
        s[k++] = tg->status;
        s[k++] = tg->value;
        s[k++] = tg->goal;
        s[k++] = tg->expected;
        s[k++] = tg->score;
    }
    if (p->has_assessment) {
        for (uint32_t m = 0; m < p->nmeasures; m++)
            s[k++] = p->measures[m].score;
        for (uint32_t i = 0; i < p->nsections; i++)
            s[k++] = p->sections[i].score;
        s[k++] = p->total;
        s[k++] = p->veto;
        s[k++] = p->grade;
    }
    *n = k;
    return s;
}

/* Builds program c's library in a temporary directory and loads it
 * (--aot).  False after describing why in `why`. */
static bool load_aot(compiled *c, dt_buf *why)
{
    char dir[] = "/tmp/planc-difftest-XXXXXX";
    if (!mkdtemp(dir)) {
        dt_buf_printf(why, "mkdtemp: %s\n", strerror(errno));
        return false;
    }
    char lib[sizeof dir + 16], header[sizeof dir + 16];
    snprintf(lib, sizeof lib, "%s/libdt.so", dir);
    snprintf(header, sizeof header, "%s/dt.h", dir);
    memout err;
    aot_options ao = {.output = lib};
    int rc = aot_build(c->ir, &ao, mem_open(&err));
    if (rc == 0) {
        c->aot_handle = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
        planc_get_library_fn get =
            c->aot_handle ? (planc_get_library_fn)dlsym(c->aot_handle, "planc_get_library") : NULL;
        c->aot = get ? get(PLANC_ABI_VERSION) : NULL;
        if (!c->aot)
            dt_buf_printf(why, "cannot load the library: %s\n",
                          c->aot_handle ? "no planc_get_library(1)" : dlerror());
    } else {
        dt_buf_printf(why, "planc build failed (exit %d):\n%s", rc, mem_text(&err));
    }
    mem_close(&err);
    unlink(lib);
    unlink(header);
    rmdir(dir);
    return c->aot != NULL;
}

/* Scores the data of table t (its rows from the file, in a shuffled order)
 * with the AOT library and compares every output column with the
 * interpreter's result ri (NULL: the interpreter stopped on the `missing
 * error` policy, which the library must report too; a result where a
 * target's number overflowed is the data error the library reports as
 * PLANC_E_OVERFLOW). */
static bool compare_aot(const compiled *c, const rt_table *t, const rt_result *ri, uint64_t seed,
                        dt_buf *why)
{
    const ir_program *p = c->ir;
    const planc_library *lib = c->aot;
    size_t n = rt_table_nrows(t), m = 0;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    uint32_t *region = malloc((n ? n : 1) * sizeof *region);
    int32_t *year = malloc((n ? n : 1) * sizeof *year);
    double **cols = calloc(p->ncolumns ? p->ncolumns : 1, sizeof *cols);
    if (!order || !region || !year || !cols)
        exit(4);
    for (size_t r = 0; r < n; r++)
        if (rt_table_line(t, r) != 0)
            order[m++] = r;
    for (size_t i = m; i > 1; i--) {
        seed = dt_seed(seed, i);
        size_t j = (size_t)(seed % i), x = order[i - 1];
        order[i - 1] = order[j];
        order[j] = x;
    }
    for (uint32_t k = 0; k < p->ncolumns; k++)
        if (!(cols[k] = malloc((m ? m : 1) * sizeof **cols)))
            exit(4);
    for (size_t i = 0; i < m; i++) {
        region[i] = rt_table_region(t, order[i]);
        year[i] = rt_table_year(t, order[i]);
        for (uint32_t k = 0; k < p->ncolumns; k++)
            cols[k][i] = rt_table_column(t, k)[order[i]];
    }
    planc_input in = {m, region, year, (const double *const *)cols};
    planc_result *res = NULL;
    char err[512];
    int rc = lib->score(&in, &res, err, sizeof err);
    bool ok = true;
    uint32_t oti = 0;
    long orow = ri ? rt_first_overflow(p, ri, 0, n, &oti) : -1;
    if (!ri) {
        if (rc != PLANC_E_MISSING) {
            dt_buf_printf(why, "the interpreter stopped on the 'missing error' policy, the "
                          "library returned %d (%s)\n", rc, err);
            ok = false;
        }
    } else if (orow >= 0) {
        /* a number overflowed: the data error of planc run, which the
         * library reports at the same target, region and year */
        char want[512];
        snprintf(want, sizeof want, "target '%s' for %s %d", p->targets[oti].name,
                 p->regions[rt_table_region(t, (size_t)orow)].name, rt_table_year(t, (size_t)orow));
        if (rc != PLANC_E_OVERFLOW || !strstr(err, want)) {
            dt_buf_printf(why, "a number overflowed (%s), the library returned %d (%s)\n", want,
                          rc, err);
            ok = false;
        }
    } else if (rc != PLANC_OK) {
        dt_buf_printf(why, "the library failed (%d): %s\n", rc, err);
        ok = false;
    } else if (res->nrows != n) {
        dt_buf_printf(why, "the library scored %zu rows, the interpreter %zu\n", res->nrows, n);
        ok = false;
    } else {
        uint32_t nout;
        uint32_t *slots = aot_output_slots(p, &nout);
        if (nout != lib->noutputs) {
            dt_buf_printf(why, "the library has %u output columns, the ABI says %u\n",
                          lib->noutputs, nout);
            ok = false;
        }
        for (size_t r = 0; ok && r < n; r++) {
            long src = res->source[r];
            if (res->region[r] != rt_table_region(t, r) || res->year[r] != rt_table_year(t, r) ||
                (src < 0) != (rt_table_line(t, r) == 0) || (src >= 0 && order[src] != r)) {
                dt_buf_printf(why, "result row %zu is %u %d (source %ld), the table's %u %d\n", r,
                              res->region[r], res->year[r], src, rt_table_region(t, r),
                              rt_table_year(t, r));
                ok = false;
            }
        }
        for (uint32_t k = 0; ok && k < nout; k++) {
            for (size_t r = 0; ok && r < n; r++) {
                double a = rt_result_value(ri, slots[k], r);
                if (!same_value(a, res->outputs[k][r])) {
                    dt_buf_printf(why, "output column %u: ", k);
                    describe(why, p, t, slots[k], r, "aot", a, res->outputs[k][r]);
                    ok = false;
                }
            }
        }
        free(slots);
    }
    lib->free_result(res);
    for (uint32_t k = 0; k < p->ncolumns; k++)
        free(cols[k]);
    free(cols);
    free(order);
    free(region);
    free(year);
    return ok;
}

/* Runs the interpreter on the program as planc explain lowers it and
 * requires the same report as `ri`'s (lower.h: the kept steps only add
 * values). */
static bool compare_explained(const compiled *c, const dt_buf *data, const rt_result *ri,
                              const memout *ireport, const char *ierr, dt_buf *why)
{
    memout lerr, re_err, rep;
    rt_table *t = rt_table_parse(c->explained, "data.csv", data->s, data->len, NULL, mem_open(&lerr));
    bool ok = true;
    if (!t) {
        dt_buf_printf(why, "the explained program rejects the data:\n%s", mem_text(&lerr));
        mem_close(&lerr);
        return false;
    }
    rt_result *re = rt_run(c->explained, t, interp_engine(), mem_open(&re_err));
    if (!re || !ri) {
        if (re || ri || strcmp(mem_text(&re_err), ierr) != 0) {
            dt_buf_printf(why, "the explained program %s, the program %s:\n%s",
                          re ? "ran" : "stopped", ri ? "ran" : "stopped", mem_text(&re_err));
            ok = false;
        }
    } else {
        report_csv(c->explained, t, re, mem_open(&rep));
        mem_text(&rep);
        if (rep.len != ireport->len || memcmp(rep.buf, ireport->buf, rep.len) != 0) {
            dt_buf_printf(why, "the explained program's report differs from the program's\n");
            ok = false;
        }
        mem_close(&rep);
    }
    rt_result_free(re);
    rt_table_free(t);
    mem_close(&re_err);
    mem_close(&lerr);
    return ok;
}

/* Whether the two runs' pages (report_html in Chinese, which names each
 * level by its text where the rules give one) are the same, byte for
 * byte; says why not in why. */
static bool same_pages(const ir_program *p, const rt_table *t, const rt_result *ri, const rt_result *rj,
                       dt_buf *why)
{
    memout m[2];
    const rt_result *r[2] = {ri, rj};
    int rc[2];
    for (int e = 0; e < 2; e++) {
        rollup *ru = rollup_make(p, t, r[e], 0);
        rc[e] = report_html(p, t, r[e], ru, NULL, LBL_ZH, mem_open(&m[e]));
        mem_text(&m[e]);
        rollup_free(ru);
    }
    bool ok = rc[0] == 0 && rc[1] == 0 && m[0].len == m[1].len && memcmp(m[0].buf, m[1].buf, m[0].len) == 0;
    if (!ok) {
        size_t at = 0;
        while (at < m[0].len && at < m[1].len && m[0].buf[at] == m[1].buf[at])
            at++;
        dt_buf_printf(why, "the pages differ (report_html %d and %d) from byte %zu:\n  interp %.200s\n  "
                      "jit    %.200s\n", rc[0], rc[1], at, m[0].buf ? m[0].buf + at : "",
                      m[1].buf ? m[1].buf + at : "");
    }
    mem_close(&m[0]);
    mem_close(&m[1]);
    return ok;
}

/* Runs data set k of a program: the interpreter, the JIT (with 1, 2 or 3
 * threads), the explained program (data set 0) and with --aot the
 * library.  Returns false on a failure (already saved and printed). */
static bool run_case(const options *o, compiled *c, const dt_program *g, uint64_t pseed, int k,
                     const dt_buf *rules, stats *st)
{
    dt_buf data = {0};
    dt_gen_data(g, dt_seed(pseed, (uint64_t)k + 1), &data);

    memout lerr;
    rt_table *t = rt_table_parse(c->ir, "data.csv", data.s, data.len, NULL, mem_open(&lerr));
    if (!t) {
        dt_buf d = {0};
        dt_buf_printf(&d, "the generated data was rejected:\n%s", mem_text(&lerr));
        save_failure(o, pseed, k, "generator: bad data", rules, &data, d.s, NULL, NULL);
        dt_buf_free(&d);
        mem_close(&lerr);
        dt_buf_free(&data);
        return false;
    }
    mem_close(&lerr);
    st->rows += (long)rt_table_nrows(t);

    memout ie, je;
    rt_options ropts = {.threads = 1 + (unsigned)k % 3};
    rt_result *ri = rt_run(c->ir, t, interp_engine(), mem_open(&ie));
    rt_result *rj = rt_run_opts(c->ir, t, jit_exec_engine(c->jit), &ropts, NULL, mem_open(&je));
    dt_buf why = {0};
    const char *what = "mismatch";
    bool ok = true;
    memout ic = {0}, jc = {0};
    if (!ri || !rj) {
        if (ri || rj || strcmp(mem_text(&ie), mem_text(&je)) != 0) {
            dt_buf_printf(&why, "outcomes differ:\n  interp %s: %s  jit %s: %s",
                          ri ? "ran" : "stopped", mem_text(&ie), rj ? "ran" : "stopped",
                          mem_text(&je));
            ok = false;
        } else {
            st->error_policy_stops++;
        }
    } else {
        ok = compare_results(c->ir, t, ri, rj, &why, st);
        if (report_csv(c->ir, t, ri, mem_open(&ic)) != 0 ||
            report_csv(c->ir, t, rj, mem_open(&jc)) != 0) {
            dt_buf_printf(&why, "report_csv failed\n");
            ok = false;
        }
        mem_text(&ic);
        mem_text(&jc);
        if (ok && (ic.len != jc.len || memcmp(ic.buf, jc.buf, ic.len) != 0)) {
            dt_buf_printf(&why, "the CSV reports differ (see interp.csv, other.csv)\n");
            ok = false;
        }
        if (ok && !same_pages(c->ir, t, ri, rj, &why)) {
            what = "pages differ";
            ok = false;
        }
    }
    if (ok && ri && rt_can_stream(c->ir)) {
        memout sc;
        FILE *sf = mem_open(&sc);
        const exec_engine *se = k % 2 ? interp_engine() : jit_exec_engine(c->jit);
        report_csv_stream *cs = report_csv_stream_open(c->ir, t, rt_stream_places(&ropts), sf);
        rt_stream hooks = report_csv_stream_hooks(cs);
        int run = rt_run_stream(c->ir, t, se, &ropts, &hooks, NULL, sf);
        int closed = report_csv_stream_close(cs);
        mem_text(&sc);
        if (run != 0 || closed != 0 || sc.len != ic.len || memcmp(sc.buf, ic.buf, ic.len) != 0) {
            dt_buf_printf(&why, "the streamed CSV report (%s, %u threads) differs from the "
                          "interpreter's whole-column one (see interp.csv):\n%.2000s\n",
                          se->name, ropts.threads, sc.buf ? sc.buf : "");
            what = "streamed report differs";
            ok = false;
        }
        mem_close(&sc);
        st->streamed++;
    }
    if (ok && k == 0 && !compare_explained(c, &data, ri, &ic, mem_text(&ie), &why)) {
        what = "explained program differs";
        ok = false;
    }
    if (ok && c->aot && !compare_aot(c, t, ri, dt_seed(pseed, 1000 + (uint64_t)k), &why)) {
        what = "AOT library differs";
        ok = false;
    }
    if (!ok)
        save_failure(o, pseed, k, what, rules, &data, why.s, &ic, &jc);
    mem_close(&ic);
    mem_close(&jc);
    dt_buf_free(&why);
    rt_result_free(ri);
    rt_result_free(rj);
    mem_close(&ie);
    mem_close(&je);
    rt_table_free(t);
    dt_buf_free(&data);
    return ok;
}

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Generates, compiles and runs program `pseed` with `ncases` data sets.
 * Returns the number of failures. */
static int run_program(const options *o, uint64_t pseed, int ncases, stats *st)
{
    dt_buf rules = {0};
    dt_program *g = dt_gen_rules(pseed, &rules);
    compiled c;
    int failures = 0;
    char path[128];
    snprintf(path, sizeof path, "%s/rules.plan", o->work);
    if (!compile_rules(&c, &rules, path)) {
        save_failure(o, pseed, 0, "generator: rules rejected by the checker", &rules, NULL,
                     mem_text(&c.diags), NULL, NULL);
        failures++;
        goto done;
    }
    for (uint32_t s = 0; s < c.ir->nsteps; s++)
        st->ops[c.ir->steps[s].op]++;
    double t0 = now_ms();
    c.jit = jit_create(c.ir, mem_open(&c.jit_err));
    st->jit_ms += now_ms() - t0;
    if (c.jit) {
        jit_timings t = jit_get_timings(c.jit);
        st->phases.lower += t.lower;
        st->phases.optimise += t.optimise;
        st->phases.codegen += t.codegen;
        st->phases.link += t.link;
    }
    if (!c.jit) {
        save_failure(o, pseed, 0, "jit_create failed", &rules, NULL, mem_text(&c.jit_err), NULL,
                     NULL);
        failures++;
        goto done;
    }
    if (o->aot) {
        dt_buf why = {0};
        if (!load_aot(&c, &why)) {
            save_failure(o, pseed, 0, "planc build failed", &rules, NULL, why.s, NULL, NULL);
            failures++;
        }
        dt_buf_free(&why);
        if (!c.aot)
            goto done;
    }
    for (int k = 0; k < ncases; k++) {
        st->cases++;
        if (!run_case(o, &c, g, pseed, k, &rules, st))
            failures++;
    }
done:
    st->programs++;
    compiled_free(&c);
    dt_program_free(g);
    dt_buf_free(&rules);
    return failures;
}

/* Writes program `pseed`'s rules and its data sets into dir. */
static int write_program(const options *o, uint64_t pseed, const char *dir)
{
    if (!make_dir(dir))
        return 1;
    dt_buf rules = {0};
    dt_program *g = dt_gen_rules(pseed, &rules);
    bool ok = write_file(dir, "rules.plan", rules.s, rules.len);
    for (int k = 0; ok && k < o->per_program; k++) {
        dt_buf data = {0};
        dt_gen_data(g, dt_seed(pseed, (uint64_t)k + 1), &data);
        char name[64];
        snprintf(name, sizeof name, "data-%d.csv", k);
        ok = write_file(dir, name, data.s, data.len);
        dt_buf_free(&data);
    }
    dt_program_free(g);
    dt_buf_free(&rules);
    if (ok)
        printf("wrote %s/rules.plan and %d data sets\n", dir, o->per_program);
    return ok ? 0 : 1;
}

/* Fails the run when a long run never produced some operation or status:
 * the generator would have silently lost coverage. */
static int check_coverage(const stats *st)
{
    if (st->programs < 100)
        return 0;
    int missing = 0;
    for (int op = 0; op < IR_NOPS; op++)
        if (!st->ops[op]) {
            fprintf(stderr, "difftest: coverage: no generated program uses IR op %s\n",
                    ir_opname((ir_op)op));
            missing++;
        }
    for (int s = 0; s <= IR_ST_MET; s++)
        if (!st->statuses[s]) {
            fprintf(stderr, "difftest: coverage: no row had status %s\n", ir_statusname(s));
            missing++;
        }
    if (!st->streamed) {
        fprintf(stderr, "difftest: coverage: no case was streamed\n");
        missing++;
    }
    return missing;
}

/* Parses an unsigned number option; false on garbage. */
static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || s[0] == '-')
        return false;
    *out = v;
    return true;
}

int main(int argc, char **argv)
{
    options o = {.cases = 1000, .per_program = 10, .seed = 1, .out_dir = "difftest-failures"};
    uint64_t v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "--quiet") == 0) {
            o.quiet = true;
        } else if (strcmp(a, "--aot") == 0) {
            o.aot = true;
        } else if (strcmp(a, "--cases") == 0 && has && parse_u64(argv[i + 1], &v) && v > 0) {
            o.cases = (long)v;
            i++;
        } else if (strcmp(a, "--per-program") == 0 && has && parse_u64(argv[i + 1], &v) &&
                   v > 0 && v <= 1000) {
            o.per_program = (int)v;
            i++;
        } else if (strcmp(a, "--seed") == 0 && has && parse_u64(argv[i + 1], &v)) {
            o.seed = v;
            i++;
        } else if (strcmp(a, "--program") == 0 && has && parse_u64(argv[i + 1], &v)) {
            o.one_program = true;
            o.program_seed = v;
            i++;
        } else if (strcmp(a, "--write") == 0 && i + 2 < argc && parse_u64(argv[i + 1], &v)) {
            o.program_seed = v;
            o.write_dir = argv[i + 2];
            i += 2;
        } else if (strcmp(a, "--out") == 0 && has) {
            o.out_dir = argv[++i];
        } else {
            fprintf(stderr, "planc-difftest: bad argument '%s'\n%s", a, usage);
            return 2;
        }
    }
    if (o.write_dir)
        return write_program(&o, o.program_seed, o.write_dir);

    snprintf(o.work, sizeof o.work, "/tmp/planc-difftest-XXXXXX");
    if (!mkdtemp(o.work)) {
        fprintf(stderr, "planc-difftest: cannot create a temporary directory: %s\n",
                strerror(errno));
        return 4;
    }
    stats st = {0};
    long failures = 0;
    double t0 = now_ms();
    if (o.one_program) {
        failures += run_program(&o, o.program_seed, o.per_program, &st);
    } else {
        long nprograms = (o.cases + o.per_program - 1) / o.per_program;
        for (long p = 0; p < nprograms; p++) {
            long left = o.cases - p * o.per_program;
            int n = left < o.per_program ? (int)left : o.per_program;
            failures += run_program(&o, dt_seed(o.seed, (uint64_t)p), n, &st);
            if (!o.quiet && (p + 1) % 100 == 0)
                printf("difftest: %ld programs, %ld cases, %ld failures\n", p + 1, st.cases,
                       failures);
            fflush(stdout);
        }
    }
    char path[128];
    snprintf(path, sizeof path, "%s/rules.plan", o.work);
    unlink(path);
    rmdir(o.work);
    long uncovered = o.one_program ? 0 : check_coverage(&st);
    double secs = (now_ms() - t0) / 1e3;
    printf("difftest: seed %" PRIu64 ": %ld cases (%ld programs x up to %d data sets), %ld rows, "
           "%ld values compared (%.1f%% missing), %ld stopped by 'missing error' on both engines, "
           "%ld streamed; %ld failures; %.1f s (JIT compile %.1f s)\n",
           o.one_program ? o.program_seed : o.seed, st.cases, st.programs, o.per_program, st.rows,
           st.values, st.values ? 100.0 * (double)st.nan_values / (double)st.values : 0.0,
           st.error_policy_stops, st.streamed, failures, secs, st.jit_ms / 1e3);
    if (!o.quiet) {
        printf("difftest: statuses:");
        for (int s = 0; s <= IR_ST_MET; s++)
            printf(" %s %ld", ir_statusname(s), st.statuses[s]);
        printf("\ndifftest: JIT phases (s): lower %.2f, optimise %.2f, codegen %.2f, link %.2f",
               st.phases.lower / 1e3, st.phases.optimise / 1e3, st.phases.codegen / 1e3,
               st.phases.link / 1e3);
        printf("\ndifftest: ops:");
        for (int op = 0; op < IR_NOPS; op++)
            printf(" %s %ld", ir_opname((ir_op)op), st.ops[op]);
        printf("\n");
    }
    return failures || uncovered ? 1 : 0;
}
