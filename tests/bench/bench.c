/* bench.c — planc-bench: the measurements behind `make bench`
 * (docs/PERFORMANCE.md; driven by tests/bench/run.sh).
 *
 *   planc-bench gen PRESET ROWS RULES CSV [--name NAME]
 *                                             write a generated rule set and data
 *   planc-bench compile NAME RULES [--reps N] compile latency, phase by phase
 *   planc-bench kernel PRESET ROWS [--reps N] [--interp-reps N] [--dir DIR]
 *                                             kernel ns/row: interpreter, JIT,
 *                                             hand-written C (results checked equal)
 *   planc-bench bandwidth [--mb N]            memory read/write bandwidth
 *   planc-bench spawn NAME [--stdout F] [--stderr F] -- CMD ARGS...
 *                                             wall time and peak RSS of a command
 *   planc-bench report RESULTS                the markdown tables and targets
 *
 * Every measuring command prints "KEY VALUE" lines on stdout; run.sh
 * collects them into one results file and `report` turns that into the
 * tables of docs/PERFORMANCE.md.  Every preset accepts --seed N (default 1).
 *
 * The compiler and both engines are called in-process through planc's own
 * interfaces (the same calls compiler/main.c makes), so kernel time is the
 * time spent inside exec_engine.run_segment and nothing else: the table is
 * loaded and the result columns allocated before the clock starts. */
#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "exec.h"
#include "ir.h"
#include "jit.h"
#include "lower.h"
#include "parse.h"
#include "sema.h"
#include "table.h"

#include "bw.h"
#include "gen.h"
#include "hand.h"
#include "summary.h"

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* Minor page faults of this process so far. */
static long minor_faults(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_minflt;
}

static int usage(void)
{
    fputs("usage: planc-bench gen|compile|kernel|bandwidth|spawn|report ...\n"
          "  (see the comment at the top of tests/bench/bench.c and docs/PERFORMANCE.md)\n",
          stderr);
    return 2;
}

/* Value of option `name` (followed by its value) in argv, or `def`. */
static const char *opt(int argc, char **argv, const char *name, const char *def)
{
    for (int i = 0; i + 1 < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return argv[i + 1];
    return def;
}

/* ---------------------------------------------------------------- compiling */

/* One compilation, as compiler/main.c's compile() does it, with the time of
 * each phase in ms. */
typedef struct comp {
    arena arena;
    diag_ctx diag;
    ir_program *ir;
    double read, parse, check, lower;
} comp;

/* Reads, parses, checks and lowers `path`.  Returns 0, or -1 after the
 * diagnostics were printed to stderr. */
static int comp_run(comp *c, const char *path)
{
    memset(c, 0, sizeof *c);
    arena_init(&c->arena);
    diag_init(&c->diag, stderr);
    double t0 = now_ms();
    int file = diag_load_file(&c->diag, path);
    double t1 = now_ms();
    if (file < 0)
        return -1;
    ast_program *ast = parse_file(&c->arena, &c->diag, file);
    double t2 = now_ms();
    sema_model *m = sema_check(&c->arena, &c->diag, ast);
    double t3 = now_ms();
    if (diag_errors(&c->diag))
        return -1;
    c->ir = lower_program(&c->arena, &c->diag, m);
    double t4 = now_ms();
    c->read = t1 - t0;
    c->parse = t2 - t1;
    c->check = t3 - t2;
    c->lower = t4 - t3;
    return diag_errors(&c->diag) ? -1 : 0;
}

static void comp_free(comp *c)
{
    diag_dispose(&c->diag);
    arena_free(&c->arena);
}

/* planc-bench compile NAME RULES [--reps N]: the first compilation in this
 * (fresh) process is "cold" (it includes LLVM's one-time initialisation);
 * the best of the others is "warm".  The phases printed are those of the
 * best warm run (of the cold run when --reps 1). */
static int cmd_compile(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const char *name = argv[0], *path = argv[1];
    int reps = atoi(opt(argc, argv, "--reps", "5"));
    if (reps < 1)
        reps = 1;
    double best = INFINITY, cold = 0;
    double ph[8] = {0};
    bool jit_ok = true;
    uint32_t nsteps = 0, ntargets = 0, nsegs = 0;
    for (int r = 0; r < reps; r++) {
        comp c;
        double t0 = now_ms();
        if (comp_run(&c, path) != 0) {
            comp_free(&c);
            printf("compile.%s.error rules-do-not-check\n", name);
            return 1;
        }
        jit_timings jt = {0};
        jit_engine *j = jit_create(c.ir, stderr);
        if (j) {
            jt = jit_get_timings(j);
            jit_dispose(j);
        } else {
            jit_ok = false;
        }
        double total = now_ms() - t0;
        nsteps = c.ir->nsteps;
        ntargets = c.ir->ntargets;
        exec_plan pl;
        if (exec_plan_make(c.ir, &pl) == 0) {
            nsegs = pl.nsegs;
            exec_plan_free(&pl);
        }
        if (r == 0)
            cold = total;
        if ((r == 0 && reps == 1) || (r > 0 && total < best)) {
            best = total;
            double v[8] = {c.read, c.parse, c.check, c.lower, jt.lower, jt.optimise, jt.codegen, jt.link};
            memcpy(ph, v, sizeof ph);
        }
        comp_free(&c);
    }
    static const char *names[8] = {"read", "parse", "check", "lower", "jit_lower", "optimise", "codegen", "link"};
    printf("compile.%s.targets %u\ncompile.%s.steps %u\ncompile.%s.segments %u\n",
           name, ntargets, name, nsteps, name, nsegs);
    printf("compile.%s.jit %d\n", name, jit_ok ? 1 : 0);
    printf("compile.%s.cold_ms %.3f\n", name, cold);
    if (reps > 1)
        printf("compile.%s.warm_ms %.3f\n", name, best);
    for (int k = 0; k < 8; k++)
        printf("compile.%s.%s_ms %.3f\n", name, names[k], ph[k]);
    return 0;
}

/* ---------------------------------------------------------------- generating */

/* Writes a preset's rules (and data, unless CSV is "-"). */
static int cmd_gen(int argc, char **argv)
{
    if (argc < 4)
        return usage();
    gen_spec s;
    if (!gen_make(&s, argv[0], strtoull(argv[1], NULL, 10),
                  strtoull(opt(argc, argv, "--seed", "1"), NULL, 10))) {
        fprintf(stderr, "planc-bench: unknown preset '%s'\n", argv[0]);
        return 2;
    }
    int rc = 0;
    FILE *f = fopen(argv[2], "w");
    if (!f || gen_rules(&s, f) != 0 || fclose(f) != 0) {
        fprintf(stderr, "planc-bench: cannot write %s: %s\n", argv[2], strerror(errno));
        rc = 1;
    }
    if (rc == 0 && strcmp(argv[3], "-") != 0) {
        f = fopen(argv[3], "w");
        static char buf[1 << 20];
        if (f)
            setvbuf(f, buf, _IOFBF, sizeof buf);
        if (!f || gen_csv(&s, f) != 0 || fclose(f) != 0) {
            fprintf(stderr, "planc-bench: cannot write %s: %s\n", argv[3], strerror(errno));
            rc = 1;
        }
    }
    const char *name = opt(argc, argv, "--name", argv[0]);
    printf("gen.%s.rows %zu\ngen.%s.columns %u\n", name, gen_rows(&s), name, s.nind + 2);
    gen_free(&s);
    return rc;
}

/* ---------------------------------------------------------------- kernels */

/* An engine that forwards to another and adds up the time spent in it. */
typedef struct timed_engine {
    exec_engine e;
    const exec_engine *inner;
    double ms;
} timed_engine;

static void timed_run(void *self, const ir_program *p, uint32_t seg, const exec_frame *f,
                      size_t lo, size_t hi)
{
    timed_engine *te = self;
    double t0 = now_ms();
    te->inner->run_segment(te->inner->self, p, seg, f, lo, hi);
    te->ms += now_ms() - t0;
}

/* Equal as planc results are: both missing, or the same number. */
static bool same(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* Counts the rows where two columns differ; prints the first few. */
static size_t compare(const char *what, const char *item, const double *a, const double *b,
                      size_t n, size_t *printed)
{
    size_t bad = 0;
    for (size_t r = 0; r < n; r++) {
        if (same(a[r], b[r]))
            continue;
        if ((*printed)++ < 10)
            fprintf(stderr, "planc-bench: mismatch %s %s row %zu: %.17g vs %.17g\n",
                    what, item, r, a[r], b[r]);
        bad++;
    }
    return bad;
}

/* Compares every materialized column of two planc results. */
static size_t compare_results(const ir_program *p, const rt_result *a, const rt_result *b, size_t n)
{
    size_t bad = 0, printed = 0;
    for (uint32_t s = 0; s < p->nsteps; s++) {
        const double *x = rt_result_column(a, s), *y = rt_result_column(b, s);
        if (x && y) {
            char item[32];
            snprintf(item, sizeof item, "slot %u", s);
            bad += compare("jit-vs-interp", item, x, y, n, &printed);
        }
    }
    return bad;
}

/* The hand kernel's columns for a spec, allocated and touched. */
typedef struct hand_cols {
    hand_outputs o;
    double *mem;
} hand_cols;

static double *carve(double **at, size_t n)
{
    double *p = *at;
    *at += n;
    return p;
}

static bool hand_alloc(hand_cols *h, const gen_spec *s, size_t n, bool full)
{
    size_t ncol = 0;
    for (uint32_t i = 0; i < s->ntargets; i++)
        ncol += 2 + hand_writes_goal(s, i, full) + hand_writes_expected(s, i, full) + full;
    ncol += s->nmeasures + s->nsections + 3;
    /* one block of memory, each column on its own 64-byte line */
    size_t stride = (n + 7) & ~(size_t)7;
    h->mem = aligned_alloc(64, ncol * stride * sizeof(double));
    if (!h->mem)
        return false;
    memset(h->mem, 0, ncol * stride * sizeof(double));
    double *at = h->mem;
    hand_outputs *o = &h->o;
    o->status = calloc(s->ntargets, sizeof(double *));
    o->score = calloc(s->ntargets, sizeof(double *));
    o->goal = calloc(s->ntargets, sizeof(double *));
    o->expected = calloc(s->ntargets, sizeof(double *));
    o->value = calloc(s->ntargets, sizeof(double *));
    o->measure = calloc(s->nmeasures, sizeof(double *));
    o->section = calloc(s->nsections, sizeof(double *));
    for (uint32_t i = 0; i < s->ntargets; i++) {
        o->status[i] = carve(&at, stride);
        o->score[i] = carve(&at, stride);
        if (hand_writes_goal(s, i, full))
            o->goal[i] = carve(&at, stride);
        if (hand_writes_expected(s, i, full))
            o->expected[i] = carve(&at, stride);
        if (full)
            o->value[i] = carve(&at, stride);
    }
    for (uint32_t m = 0; m < s->nmeasures; m++)
        o->measure[m] = carve(&at, stride);
    for (uint32_t k = 0; k < s->nsections; k++)
        o->section[k] = carve(&at, stride);
    o->total = carve(&at, stride);
    o->veto = carve(&at, stride);
    o->grade = carve(&at, stride);
    return true;
}

static void hand_release(hand_cols *h)
{
    hand_outputs *o = &h->o;
    free(o->status);
    free(o->score);
    free(o->goal);
    free(o->expected);
    free(o->value);
    free(o->measure);
    free(o->section);
    free(h->mem);
}

/* Compares the hand kernel's columns with planc's result (the interpreter's,
 * the reference): statuses, scores, the goals/expected/values it writes,
 * measures, sections, total, veto, grade.  tmap[planc target] = gen target. */
static size_t compare_hand(const gen_spec *s, const ir_program *p, const rt_result *r,
                           const hand_cols *h, const uint32_t *tmap, size_t n, bool full)
{
    size_t bad = 0, printed = 0;
    const char *what = full ? "hand-full-vs-planc" : "hand-vs-planc";
    const hand_outputs *o = &h->o;
    for (uint32_t t = 0; t < p->ntargets; t++) {
        const ir_target *pt = &p->targets[t];
        uint32_t i = tmap[t];
        char item[64];
        snprintf(item, sizeof item, "%s.status", pt->name);
        bad += compare(what, item, rt_result_column(r, pt->status), o->status[i], n, &printed);
        snprintf(item, sizeof item, "%s.score", pt->name);
        bad += compare(what, item, rt_result_column(r, pt->score), o->score[i], n, &printed);
        if (o->goal[i]) {
            snprintf(item, sizeof item, "%s.goal", pt->name);
            bad += compare(what, item, rt_result_column(r, pt->goal), o->goal[i], n, &printed);
        }
        if (o->expected[i]) {
            snprintf(item, sizeof item, "%s.expected", pt->name);
            bad += compare(what, item, rt_result_column(r, pt->expected), o->expected[i], n, &printed);
        }
        if (full) {
            snprintf(item, sizeof item, "%s.value", pt->name);
            bad += compare(what, item, rt_result_column(r, pt->value), o->value[i], n, &printed);
        }
    }
    if (!s->assessment)
        return bad;
    for (uint32_t m = 0; m < p->nmeasures; m++)
        bad += compare(what, p->measures[m].id, rt_result_column(r, p->measures[m].score),
                       o->measure[m], n, &printed);
    for (uint32_t k = 0; k < p->nsections; k++)
        bad += compare(what, p->sections[k].id, rt_result_column(r, p->sections[k].score),
                       o->section[k], n, &printed);
    bad += compare(what, "total", rt_result_column(r, p->total), o->total, n, &printed);
    bad += compare(what, "veto", rt_result_column(r, p->veto), o->veto, n, &printed);
    bad += compare(what, "grade", rt_result_column(r, p->grade), o->grade, n, &printed);
    return bad;
}

/* Bytes per row a planc engine must touch at least: for each segment, the
 * inputs and earlier materialized slots it reads and the materialized slots
 * it writes, each once. */
static size_t planc_bytes_per_row(const ir_program *p, const exec_plan *pl)
{
    size_t cols = 0;
    bool *in_seen = calloc(p->ninputs + 1, 1), *slot_seen = calloc(p->nsteps + 1, 1);
    for (uint32_t g = 0; g < pl->nsegs; g++) {
        memset(in_seen, 0, p->ninputs + 1);
        memset(slot_seen, 0, p->nsteps + 1);
        for (uint32_t i = pl->segs[g].from; i < pl->segs[g].to; i++) {
            const ir_step *st = &p->steps[i];
            if (st->op == IR_INPUT && !in_seen[st->aux]) {
                in_seen[st->aux] = true;
                cols++;
            }
            const uint32_t ops[3] = {st->a, st->b, st->c};
            for (int k = 0; k < ir_arity(st->op); k++)
                if (ops[k] < pl->segs[g].from && !slot_seen[ops[k]]) {
                    slot_seen[ops[k]] = true;
                    cols++;
                }
            if (pl->materialized[i])
                cols++;
        }
    }
    free(in_seen);
    free(slot_seen);
    return cols * sizeof(double);
}

/* One run of a planc engine over the table with the kernel timed.
 * Returns the result (NULL if the run failed); *ms is the kernel time and
 * *faults the page faults taken during the whole run. */
static rt_result *run_engine(const ir_program *p, const rt_table *t, const exec_engine *engine,
                             double *ms, long *faults)
{
    timed_engine te = {{"timed", NULL, timed_run}, engine, 0};
    te.e.self = &te;
    long f0 = minor_faults();
    rt_result *res = rt_run(p, t, &te.e, stderr);
    *faults = minor_faults() - f0;
    *ms = te.ms;
    return res;
}

/* The best time of one contender over the rounds, and its page faults. */
typedef struct best {
    double ms;
    long faults;
} best;

static void keep_best(best *b, double ms, long faults)
{
    if (ms < b->ms) {
        b->ms = ms;
        b->faults = faults;
    }
}

/* planc-bench kernel PRESET ROWS: see the top of the file. */
static int cmd_kernel(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const char *preset = argv[0];
    size_t want = strtoull(argv[1], NULL, 10);
    int reps = atoi(opt(argc, argv, "--reps", "5"));
    int ireps = atoi(opt(argc, argv, "--interp-reps", "2"));
    if (reps < 1)
        reps = 1;
    const char *dir = opt(argc, argv, "--dir", ".");
    gen_spec s;
    if (!gen_make(&s, preset, want, strtoull(opt(argc, argv, "--seed", "1"), NULL, 10))) {
        fprintf(stderr, "planc-bench: unknown preset '%s'\n", preset);
        return 2;
    }
    const size_t n = gen_rows(&s);
    char path[4096];
    snprintf(path, sizeof path, "%s/kernel-%s.plan", dir, preset);
    FILE *f = fopen(path, "w");
    if (!f || gen_rules(&s, f) != 0 || fclose(f) != 0) {
        fprintf(stderr, "planc-bench: cannot write %s\n", path);
        return 1;
    }
    const char *K = preset;
    printf("kernel.%s.rows %zu\nkernel.%s.targets %u\n", K, n, K, s.ntargets);

    comp c;
    if (comp_run(&c, path) != 0) {
        printf("kernel.%s.error rules-do-not-check\n", K);
        comp_free(&c);
        return 1;
    }
    const ir_program *p = c.ir;

    /* the data, as planc reads it */
    char *csv = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&csv, &len);
    gen_csv(&s, m);
    fclose(m);
    double t0 = now_ms();
    rt_table *t = rt_table_parse(p, "generated.csv", csv, len, stderr);
    double load_ms = now_ms() - t0;
    free(csv);
    if (!t || rt_table_nrows(t) != n) {
        printf("kernel.%s.error data-not-loaded\n", K);
        return 1;
    }
    printf("kernel.%s.load_ms %.1f\n", K, load_ms);

    /* planc's rows must be the generator's rows, in the same order */
    for (size_t r = 0; r < n; r++) {
        char want_name[16];
        snprintf(want_name, sizeof want_name, "C%07u", (unsigned)(r / s.nyears) + 1);
        if (strcmp(p->regions[rt_table_region(t, r)].name, want_name) != 0 ||
            rt_table_year(t, r) != gen_year(&s, r)) {
            fprintf(stderr, "planc-bench: row %zu of planc's table is not the generator's\n", r);
            return 1;
        }
    }
    uint32_t *tmap = calloc(p->ntargets + 1, sizeof *tmap);
    for (uint32_t i = 0; i < p->ntargets; i++)
        tmap[i] = (uint32_t)strtoul(p->targets[i].name + 1, NULL, 10) - 1;

    exec_plan pl;
    if (exec_plan_make(p, &pl) != 0)
        return 1;
    printf("kernel.%s.steps %u\nkernel.%s.segments %u\n", K, p->nsteps, K, pl.nsegs);
    printf("kernel.%s.planc_bytes_per_row %zu\n", K, planc_bytes_per_row(p, &pl));
    exec_plan_free(&pl);

    /* The reference result: the interpreter's first run (its time, which
     * includes the page faults of fresh result columns, is the "cold" one). */
    double ms;
    long faults;
    rt_result *ref = run_engine(p, t, interp_engine(), &ms, &faults);
    if (!ref) {
        printf("kernel.%s.error interp-failed\n", K);
        return 1;
    }
    printf("kernel.%s.interp_cold_ns_per_row %.3f\nkernel.%s.interp_cold_faults %ld\n",
           K, ms * 1e6 / (double)n, K, faults);
    int verified = 1;

    /* The JIT, checked against the reference on its first run. */
    double jt0 = now_ms();
    jit_engine *j = jit_create(p, stderr);
    double jit_create_ms = now_ms() - jt0;
    printf("kernel.%s.jit %d\n", K, j ? 1 : 0);
    if (j) {
        printf("kernel.%s.jit_create_ms %.3f\n", K, jit_create_ms);
        rt_result *jr = run_engine(p, t, jit_exec_engine(j), &ms, &faults);
        if (!jr) {
            printf("kernel.%s.error jit-run-failed\n", K);
            verified = 0;
            jit_dispose(j);
            j = NULL;
        } else {
            size_t bad = compare_results(p, jr, ref, n);
            printf("kernel.%s.jit_mismatches %zu\n", K, bad);
            printf("kernel.%s.jit_cold_ns_per_row %.3f\nkernel.%s.jit_cold_faults %ld\n",
                   K, ms * 1e6 / (double)n, K, faults);
            verified &= bad == 0;
            rt_result_free(jr);
        }
    }

    /* The hand-written C, both variants, checked against the reference,
     * each with its block size tuned as its author would. */
    const double **v = calloc(s.nind, sizeof *v), **base = calloc(s.nind, sizeof *base),
                 **prev = calloc(s.nind, sizeof *prev);
    double *year = malloc(n * sizeof *year), *scope = malloc(n * sizeof *scope);
    for (size_t r = 0; r < n; r++) {
        year[r] = gen_year(&s, r);
        scope[r] = r / s.nyears != 0 ? 1.0 : 0.0;
    }
    for (uint32_t jj = 0; jj < s.nind; jj++) {
        double *col = malloc(n * sizeof *col);
        gen_column(&s, jj, col);
        v[jj] = col;
        if (hand_needs_base(&s, jj)) {
            double *b = malloc(n * sizeof *b);
            for (size_t r = 0; r < n; r++)
                b[r] = col[r - r % s.nyears + (size_t)(s.baseline - s.first_year)];
            base[jj] = b;
        }
        if (hand_needs_prev(&s, jj)) {
            double *pv = malloc(n * sizeof *pv);
            for (size_t r = 0; r < n; r++)
                pv[r] = r % s.nyears ? col[r - 1] : NAN;
            prev[jj] = pv;
        }
    }
    hand_inputs hin = {n, year, scope, v, base, prev};
    hand_cols h[2];
    size_t block[2];
    static const size_t blocks[] = {256, 1024, 4096, 16384};
    for (int full = 0; full <= 1; full++) {
        const char *var = full ? "hand_full" : "hand";
        if (!hand_alloc(&h[full], &s, n, full)) {
            printf("kernel.%s.error out-of-memory\n", K);
            return 1;
        }
        hand_run(&s, &hin, &h[full].o, full, 1024);
        size_t bad = compare_hand(&s, p, ref, &h[full], tmap, n, full);
        printf("kernel.%s.%s_mismatches %zu\n", K, var, bad);
        verified &= bad == 0;
        double hb = INFINITY;
        for (size_t b = 0; b < sizeof blocks / sizeof *blocks; b++)
            for (int r = 0; r < 2; r++) {
                double h0 = now_ms();
                hand_run(&s, &hin, &h[full].o, full, blocks[b]);
                double t1 = now_ms() - h0;
                if (t1 < hb) {
                    hb = t1;
                    block[full] = blocks[b];
                }
            }
        printf("kernel.%s.%s_block %zu\nkernel.%s.%s_bytes_per_row %zu\n",
               K, var, block[full], K, var, hand_bytes_per_row(&s, full));
    }
    rt_result_free(ref);

    /* The timed rounds: every contender once per round, so that a burst of
     * load from other processes slows all of them alike; the best round of
     * each counts. */
    best bi = {INFINITY, 0}, bj = {INFINITY, 0}, bh[2] = {{INFINITY, 0}, {INFINITY, 0}};
    for (int r = 0; r < reps; r++) {
        for (int full = 0; full <= 1; full++) {
            long f0 = minor_faults();
            double h0 = now_ms();
            hand_run(&s, &hin, &h[full].o, full, block[full]);
            keep_best(&bh[full], now_ms() - h0, minor_faults() - f0);
        }
        if (j) {
            rt_result *jr = run_engine(p, t, jit_exec_engine(j), &ms, &faults);
            if (!jr) {
                printf("kernel.%s.error jit-run-failed\n", K);
                return 1;
            }
            keep_best(&bj, ms, faults);
            rt_result_free(jr);
        }
        if (r < ireps) {
            rt_result *ir = run_engine(p, t, interp_engine(), &ms, &faults);
            if (!ir) {
                printf("kernel.%s.error interp-failed\n", K);
                return 1;
            }
            keep_best(&bi, ms, faults);
            rt_result_free(ir);
        }
    }
    printf("kernel.%s.interp_ns_per_row %.3f\nkernel.%s.interp_faults %ld\n",
           K, bi.ms * 1e6 / (double)n, K, bi.faults);
    if (j)
        printf("kernel.%s.jit_ns_per_row %.3f\nkernel.%s.jit_faults %ld\n",
               K, bj.ms * 1e6 / (double)n, K, bj.faults);
    for (int full = 0; full <= 1; full++)
        printf("kernel.%s.%s_ns_per_row %.3f\n", K, full ? "hand_full" : "hand",
               bh[full].ms * 1e6 / (double)n);
    hand_release(&h[0]);
    hand_release(&h[1]);
    if (j && jit_dispose(j) != 0)
        verified = 0;
    printf("kernel.%s.verified %d\n", K, verified);

    for (uint32_t jj = 0; jj < s.nind; jj++) {
        free((void *)v[jj]);
        free((void *)base[jj]);
        free((void *)prev[jj]);
    }
    free(v);
    free(base);
    free(prev);
    free(year);
    free(scope);
    free(tmap);
    rt_table_free(t);
    comp_free(&c);
    gen_free(&s);
    return verified ? 0 : 1;
}

/* ---------------------------------------------------------------- bandwidth */

static int cmd_bandwidth(int argc, char **argv)
{
    size_t mb = strtoull(opt(argc, argv, "--mb", "256"), NULL, 10);
    bw_result r;
    if (bw_probe(mb << 20, 5, &r) != 0) {
        fprintf(stderr, "planc-bench: cannot allocate %zu MiB\n", mb);
        return 1;
    }
    printf("bw.mb %zu\nbw.read1 %.2f\nbw.read2 %.2f\nbw.write1 %.2f\n", mb, r.read1, r.read2, r.write1);
    return 0;
}

/* ---------------------------------------------------------------- spawning */

/* planc-bench spawn NAME [--stdout F] [--stderr F] -- CMD...: runs CMD
 * with stdout to F (default /dev/null) and reports its wall time, peak
 * RSS (the child's ru_maxrss) and exit code. */
static int cmd_spawn(int argc, char **argv)
{
    int dash = -1;
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            dash = i;
            break;
        }
    if (argc < 1 || dash < 1 || dash + 1 >= argc)
        return usage();
    const char *name = argv[0];
    const char *out = opt(dash, argv, "--stdout", "/dev/null");
    const char *err = opt(dash, argv, "--stderr", NULL);
    fflush(stdout);
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        perror("planc-bench: fork");
        return 1;
    }
    if (pid == 0) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || dup2(fd, 1) < 0)
            _exit(127);
        close(fd);
        if (err) {
            fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0 || dup2(fd, 2) < 0)
                _exit(127);
            close(fd);
        }
        execvp(argv[dash + 1], argv + dash + 1);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("planc-bench: wait4");
        return 1;
    }
    double wall = now_ms() - t0;
    int rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("spawn.%s.wall_ms %.1f\nspawn.%s.maxrss_kb %ld\nspawn.%s.rc %d\n",
           name, wall, name, ru.ru_maxrss, name, rc);
    printf("spawn.%s.user_ms %.1f\nspawn.%s.sys_ms %.1f\n", name,
           (double)ru.ru_utime.tv_sec * 1e3 + (double)ru.ru_utime.tv_usec / 1e3, name,
           (double)ru.ru_stime.tv_sec * 1e3 + (double)ru.ru_stime.tv_usec / 1e3);
    return 0;
}

int main(int argc, char **argv)
{
    /* Keep large blocks in the heap and never give them back, so that a
     * repeated run reuses pages already mapped: warm kernel times then
     * measure the kernel, not the kernel's page faults (counted and
     * printed anyway). */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2)
        return usage();
    const char *cmd = argv[1];
    argc -= 2;
    argv += 2;
    if (strcmp(cmd, "gen") == 0)
        return cmd_gen(argc, argv);
    if (strcmp(cmd, "compile") == 0)
        return cmd_compile(argc, argv);
    if (strcmp(cmd, "kernel") == 0)
        return cmd_kernel(argc, argv);
    if (strcmp(cmd, "bandwidth") == 0)
        return cmd_bandwidth(argc, argv);
    if (strcmp(cmd, "spawn") == 0)
        return cmd_spawn(argc, argv);
    if (strcmp(cmd, "report") == 0)
        return argc < 1 ? usage() : summary_print(argv[0], stdout);
    return usage();
}
