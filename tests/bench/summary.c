/* summary.c — the tables of docs/PERFORMANCE.md from a results file (see
 * summary.h).  Every number printed is one measured in the run (or a ratio
 * of two measured in the run); a missing measurement prints as "n/a" and
 * its target as "not measured", never as a pass. */
#include "summary.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The results: KEY VALUE lines, the last one of a key winning. */
typedef struct kv {
    char **keys, **vals;
    size_t n, cap;
} kv;

static void kv_put(kv *t, const char *k, const char *v)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->keys = realloc(t->keys, t->cap * sizeof *t->keys);
        t->vals = realloc(t->vals, t->cap * sizeof *t->vals);
    }
    t->keys[t->n] = strdup(k);
    t->vals[t->n] = strdup(v);
    t->n++;
}

static const char *kv_get(const kv *t, const char *k)
{
    for (size_t i = t->n; i-- > 0;)
        if (strcmp(t->keys[i], k) == 0)
            return t->vals[i];
    return NULL;
}

/* The largest value any line of key k holds (NaN when none does): the
 * bandwidth probe runs at the start and at the end of the benchmark, and
 * the best of the two is what the memory system can deliver. */
static double kv_max(const kv *t, const char *k)
{
    double best = NAN;
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->keys[i], k) == 0) {
            double v = strtod(t->vals[i], NULL);
            if (isnan(best) || v > best)
                best = v;
        }
    return best;
}

/* The value of the key made from fmt, as a string (NULL when absent). */
static const char *S(const kv *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *S(const kv *t, const char *fmt, ...)
{
    char key[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(key, sizeof key, fmt, ap);
    va_end(ap);
    return kv_get(t, key);
}

/* The same as a number (NaN when absent or not a number). */
static double D(const kv *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static double D(const kv *t, const char *fmt, ...)
{
    char key[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(key, sizeof key, fmt, ap);
    va_end(ap);
    const char *v = kv_get(t, key);
    if (!v)
        return NAN;
    char *end;
    double d = strtod(v, &end);
    return end == v ? NAN : d;
}

/* Formatting into rotating static buffers, so several fit in one printf. */
static char *buf(void)
{
    static char b[16][64];
    static int i;
    return b[i++ % 16];
}

/* A time given in ms: "0.42 ms", "647 ms", "24.3 s"; "n/a" for NaN. */
static const char *ms(double v)
{
    char *b = buf();
    if (isnan(v))
        return "n/a";
    if (v >= 1000)
        snprintf(b, 64, "%.3g s", v / 1000);
    else
        snprintf(b, 64, "%.3g ms", v);
    return b;
}

/* A number with three significant digits (all the digits of its whole
 * part from 1000 up, never an exponent) and a unit. */
static const char *num(double v, const char *unit)
{
    char *b = buf();
    if (isnan(v) || isinf(v))
        return "n/a";
    if (fabs(v) >= 1000)
        snprintf(b, 64, "%.0f%s", v, unit);
    else
        snprintf(b, 64, "%.3g%s", v, unit);
    return b;
}

static const char *mb(double bytes)
{
    char *b = buf();
    if (isnan(bytes))
        return "n/a";
    snprintf(b, 64, "%.0f MB", bytes / 1e6);
    return b;
}

/* "pass" / "miss" / "not measured". */
static const char *verdict(double v, bool ok)
{
    return isnan(v) ? "not measured" : ok ? "**pass**" : "**miss**";
}

/* The compile time `planc run --timings` reported for rule set `set` in run
 * `run` (cold, fill, cached): its "compile" line, else the sum of the
 * compile phases it printed; NaN when it printed none. */
static double cli_compile(const kv *t, const char *set, const char *run)
{
    double c = D(t, "cli.%s.%s.compile", set, run);
    if (!isnan(c))
        return c;
    static const char *const phases[] = {"read", "parse", "check", "lower", "cache",
                                         "llvm-load", "llvm-lower", "jit-lower", "jit_lower",
                                         "optimise", "optimize", "codegen", "link"};
    double sum = 0;
    bool any = false;
    for (size_t i = 0; i < sizeof phases / sizeof *phases; i++) {
        double v = D(t, "cli.%s.%s.%s", set, run, phases[i]);
        if (!isnan(v)) {
            sum += v;
            any = true;
        }
    }
    return any ? sum : NAN;
}

/* The rule sets whose compile latency is measured, in table order. */
static const char *const compile_sets[][2] = {
    {"liaoning", "generated, Liaoning size (36 measures, 40 targets)"},
    {"liaoning-file", "rules/liaoning/beautiful-liaoning.plan"},
    {"t1000", "generated, 1,000 targets"},
};

/* The kernel rule sets. */
static const char *const kernel_sets[][2] = {
    {"liaoning", "Liaoning size (40 targets, roll-ups)"},
    {"mem", "memory-bound (16 red lines)"},
};

/* A JIT phase of rule set k: from the in-process compilation when it ran
 * the JIT, else from `planc run --timings` (cold run), else NaN. */
static double jit_phase(const kv *t, const char *k, const char *inproc, const char *cli)
{
    if (D(t, "compile.%s.jit", k) == 1)
        return D(t, "compile.%s.%s_ms", k, inproc);
    return D(t, "cli.%s.cold.%s", k, cli);
}

static void section_a(const kv *t, FILE *o)
{
    fputs("### (a) Compile latency\n\n"
          "Check + compile + JIT, from reading the rules file to callable native code. "
          "*In-process* (`planc-bench compile`): *cold* is the first compilation in a fresh "
          "process (it includes LLVM's one-time initialisation), *warm* the best later one; "
          "the phases are the warm run's (the cold run's when there is only one, or "
          "`planc run --timings`' for a set compiled only through it). *`planc run "
          "--timings`*: the compile phases it prints (`parse` … `link`) summed, with a "
          "private cache: *cold* is the first run (a cache miss: compiled and stored), "
          "*cached* the least of three later runs (a hit, else n/a). `planc check` is the wall time of the "
          "whole command, process start included.\n\n"
          "| rule set | targets | IR steps | `planc check` | read + parse + check | lower to IR "
          "| IR → LLVM | optimise | codegen | link | in-process cold / warm "
          "| `planc run` cold / cached |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n", o);
    for (size_t i = 0; i < sizeof compile_sets / sizeof *compile_sets; i++) {
        const char *k = compile_sets[i][0];
        if (!S(t, "spawn.check-%s.wall_ms", k))
            continue;
        double front = D(t, "compile.%s.read_ms", k) + D(t, "compile.%s.parse_ms", k) +
                       D(t, "compile.%s.check_ms", k);
        bool jit = D(t, "compile.%s.jit", k) == 1 || !isnan(D(t, "cli.%s.cold.optimise", k));
        double cc = cli_compile(t, k, "cold"), ch = cli_compile(t, k, "cached");
        if (D(t, "cli.%s.cached.cache_hit", k) != 1)
            ch = NAN;
        char *inproc = buf(), *cli = buf();
        if (D(t, "compile.%s.jit", k) == 1)
            snprintf(inproc, 64, "%s / %s", ms(D(t, "compile.%s.cold_ms", k)),
                     ms(D(t, "compile.%s.warm_ms", k)));
        else
            snprintf(inproc, 64, "n/a");
        snprintf(cli, 64, "%s / %s", ms(cc), ms(ch));
        fprintf(o, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                compile_sets[i][1], num(D(t, "compile.%s.targets", k), ""),
                num(D(t, "compile.%s.steps", k), ""), ms(D(t, "spawn.check-%s.wall_ms", k)),
                ms(front), ms(D(t, "compile.%s.lower_ms", k)),
                jit ? ms(jit_phase(t, k, "jit_lower", "llvm-lower"))
                    : D(t, "compile.%s.jit_skipped", k) == 1 ? "—" : "no JIT",
                jit ? ms(jit_phase(t, k, "optimise", "optimise")) : "—",
                jit ? ms(jit_phase(t, k, "codegen", "codegen")) : "—",
                jit ? ms(jit_phase(t, k, "link", "link")) : "—", inproc, cli);
    }
    if (D(t, "compile.t1000.jit_skipped") == 1 && isnan(D(t, "cli.t1000.cold.optimise")))
        fputs("\nThe 1,000-target set was not JIT-compiled in this run (--quick).\n", o);
    fputs("\n", o);
}

static void section_b(const kv *t, FILE *o)
{
    fputs("### (b) Kernel time per row\n\n"
          "Time spent inside the engine's `run_segment` calls (interpreter, JIT) or in the "
          "hand-written kernel, single thread, data loaded and result columns allocated and "
          "touched beforehand (planc's engines run over a frame of columns the benchmark "
          "allocates once, chunk by chunk as `rt_run` calls them); best of the timed "
          "rounds, every contender once per round. "
          "Before timing, every result is compared with the interpreter's first run through "
          "`rt_run`: the JIT's (through `rt_run`, and over the frame on one and two "
          "threads) and the interpreter's over the frame, every materialised column; the "
          "hand-written C's statuses, scores, the goals/expected values it writes, "
          "measures, sections, total, veto and grade: *results equal* says whether all "
          "matched.\n\n"
          "| rule set | rows | interpreter | JIT | hand-written C | hand C, all columns "
          "| JIT ÷ hand C | interpreter ÷ JIT | results equal |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---|\n", o);
    for (size_t i = 0; i < sizeof kernel_sets / sizeof *kernel_sets; i++) {
        const char *k = kernel_sets[i][0];
        if (!S(t, "kernel.%s.rows", k))
            continue;
        const char *err = S(t, "kernel.%s.error", k);
        double in = D(t, "kernel.%s.interp_ns_per_row", k), jt = D(t, "kernel.%s.jit_ns_per_row", k);
        double h = D(t, "kernel.%s.hand_ns_per_row", k), hf = D(t, "kernel.%s.hand_full_ns_per_row", k);
        const char *eq = err ? err : D(t, "kernel.%s.verified", k) == 1 ? "yes" : "**no**";
        fprintf(o, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", kernel_sets[i][1],
                num(D(t, "kernel.%s.rows", k), ""), num(in, " ns"),
                D(t, "kernel.%s.jit", k) == 1 ? num(jt, " ns") : "no JIT", num(h, " ns"),
                num(hf, " ns"), num(jt / h, "×"), num(in / jt, "×"), eq);
    }
    fputs("\n*hand-written C* writes what a person would keep (statuses, scores, the "
          "goals and expected values that change by row, roll-ups), which is also what "
          "planc's runtime keeps (constants and input copies are not materialised: "
          "`runtime/exec.h`); *all columns* also writes each target's value, constant goal "
          "and constant expected value, for comparison.  The first run of each engine through `rt_run`, which "
          "also takes the page faults of fresh result columns, is listed in (c).\n\n", o);
}

static void section_c(const kv *t, FILE *o)
{
    double r1 = kv_max(t, "bw.read1"), r2 = kv_max(t, "bw.read2"), w1 = kv_max(t, "bw.write1");
    double touch = kv_max(t, "bw.touch");
    fprintf(o, "### (c) Bytes touched per second\n\n"
               "Memory bandwidth over %s MiB (`bw.c`, best of the probes at the start and at "
               "the end of the run): read %s GB/s "
               "with one thread, %s GB/s with two; write %s GB/s with one thread; the first "
               "write to fresh memory (page faults included) %s GB/s, i.e. %s ms per GB that a "
               "process touches for the first time.  *Bytes/row* "
               "counts each column a kernel must read or write once per row (inputs, earlier "
               "results, outputs); *MB per pass* is that times the rows (a pass that fits in the "
               "last-level cache can beat the memory bandwidth); GB/s is bytes/row ÷ ns/row, compared "
               "with the read bandwidth measured in the same rounds as the kernel (`planc-bench "
               "kernel` reads an array as large as planc's pass with one thread and with two "
               "once per round: the bandwidth other processes leave changes over minutes, and "
               "the caches help the probe as much as the kernel): one thread, two for the "
               "2-thread row.  The last column is the engine's first run through `rt_run`, as "
               "`planc run` runs it: the result columns are fresh memory, and their page faults "
               "are part of the time.\n\n"
               "| rule set | code | bytes/row | MB per pass | ns/row | GB/s | read bandwidth, same rounds "
               "| %% of it | first run through `rt_run`: ns/row (page faults) |\n"
               "|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
            S(t, "bw.mb") ? S(t, "bw.mb") : "?", num(r1, ""), num(r2, ""), num(w1, ""),
            num(touch, ""), num(1e3 / touch, ""));
    static const char *const codes[][3] = {
        {"jit", "planc_bytes_per_row", "JIT"},
        {"jit_mt", "planc_bytes_per_row", "JIT, 2 threads"},
        {"hand", "hand_bytes_per_row", "hand-written C"},
        {"hand_full", "hand_full_bytes_per_row", "hand C, all columns"},
        {"interp", "planc_bytes_per_row", "interpreter"},
    };
    for (size_t i = 0; i < sizeof kernel_sets / sizeof *kernel_sets; i++) {
        const char *k = kernel_sets[i][0];
        if (!S(t, "kernel.%s.rows", k))
            continue;
        /* the bandwidth measured in the kernel's own rounds when there is one */
        double k1 = D(t, "kernel.%s.bw_read1", k), k2 = D(t, "kernel.%s.bw_read2", k);
        if (isnan(k1)) {
            k1 = r1;
            k2 = r2;
        }
        for (size_t c = 0; c < sizeof codes / sizeof *codes; c++) {
            double bpr = D(t, "kernel.%s.%s", k, codes[c][1]);
            double ns = D(t, "kernel.%s.%s_ns_per_row", k, codes[c][0]);
            if (isnan(ns))
                continue;
            const char *cold = "—";
            if (S(t, "kernel.%s.%s_cold_ns_per_row", k, codes[c][0])) {
                char *b = buf();
                snprintf(b, 64, "%s (%s faults)", num(D(t, "kernel.%s.%s_cold_ns_per_row", k, codes[c][0]), ""),
                         num(D(t, "kernel.%s.%s_cold_faults", k, codes[c][0]), ""));
                cold = b;
            }
            double ref = strcmp(codes[c][0], "jit_mt") ? k1 : k2;
            fprintf(o, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", kernel_sets[i][1], codes[c][2],
                    num(bpr, ""), num(bpr * D(t, "kernel.%s.rows", k) / 1e6, ""), num(ns, ""),
                    num(bpr / ns, ""), num(ref, " GB/s"), num(100 * bpr / ns / ref, "%"), cold);
        }
    }
    fputs("\n", o);
}

/* The sizes of a series (the value of `key`: "e2e.sizes", "cmp.sizes"),
 * as listed by run.sh. */
static size_t series_sizes(const kv *t, const char *key, double *rows, size_t max)
{
    const char *s = kv_get(t, key);
    size_t n = 0;
    while (s && *s && n < max) {
        char *end;
        double v = strtod(s, &end);
        if (end == s)
            break;
        rows[n++] = v;
        s = end;
    }
    return n;
}

/* Linear growth between the measured sizes: the cost per added row of the
 * last step over that of the first step (1.0 is perfectly linear).  With
 * two sizes only, the cost per row at the larger over that at the smaller. */
static double growth(const double *n, const double *v, size_t k)
{
    if (k < 2)
        return NAN;
    if (k == 2)
        return (v[1] / n[1]) / (v[0] / n[0]);
    return ((v[k - 1] - v[k - 2]) / (n[k - 1] - n[k - 2])) / ((v[1] - v[0]) / (n[1] - n[0]));
}

typedef struct e2e_stats {
    double lin_wall, lin_cpu, lin_rss, rss_ratio, rss_rows;
    double fixed_rss, above_ratio;  /* the 160-row run's RSS; (RSS - it) / data */
} e2e_stats;

static e2e_stats section_d(const kv *t, FILE *o)
{
    e2e_stats st = {NAN, NAN, NAN, NAN, NAN, NAN, NAN};
    double rows[8], wall[8], cpus[8], rss[8], rn[8];
    size_t n = series_sizes(t, "e2e.sizes", rows, 8), k = 0;
    double reps = n ? D(t, "spawn.e2e-%.0f.reps", rows[0]) : NAN;
    char reps_text[32] = "once";
    if (reps > 1)
        snprintf(reps_text, sizeof reps_text, "%.0f times", reps);
    fprintf(o, "### (d) End to end\n\n"
               "`planc run RULES --data CSV%s > /dev/null` as a child process: wall time and "
               "peak RSS (the child's `ru_maxrss`) for the generated `e2e` rule set (a "
               "threshold and a milestone target on two indicators, no assessment: two "
               "result lines per row; the rules declare one region per 16 rows).  At each "
               "size the *first run* compiles the rules (a cache miss: LLVM is loaded "
               "and the code stored); then the measured run, %s, as an evaluator "
               "re-runs rules already compiled (with a compile cache: a hit): its wall and "
               "CPU time are the run's with the least CPU time (the least disturbed by other "
               "processes), its peak RSS the largest of the runs.  *Columnar "
               "data* is rows × (the indicator columns the rules read + region + year) × 8 "
               "bytes.  *Fixed* is the peak RSS of the same rules on the data's first 160 "
               "rows (the program, its libraries and the rules compiled by the front end, "
               "whatever the number of rows); *above fixed* is the peak RSS less that, over "
               "the columnar data.  Engine: %s.\n\n"
               "| rows | CSV | wall | per row | CPU (user + sys) | peak RSS | columnar data "
               "| RSS ÷ data | fixed | above fixed ÷ data | load / kernel / report (`--timings`) "
               "| first run: wall, peak RSS |\n"
               "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
            D(t, "env.cli_jit") == 1 ? " --engine jit" : "", reps_text,
            S(t, "e2e.engine") ? S(t, "e2e.engine") : "?");
    for (size_t i = 0; i < n; i++) {
        const char *skip = S(t, "e2e.%.0f.skipped", rows[i]);
        if (skip) {
            fprintf(o, "| %.0f | — | skipped: %s | | | | | | | | | |\n", rows[i], skip);
            continue;
        }
        double w = D(t, "spawn.e2e-%.0f.wall_ms", rows[i]);
        double r = D(t, "spawn.e2e-%.0f.maxrss_kb", rows[i]) * 1024;
        double cols = D(t, "gen.e2e-%.0f.columns", rows[i]);
        double data = rows[i] * cols * 8;
        double cpu = D(t, "spawn.e2e-%.0f.user_ms", rows[i]) + D(t, "spawn.e2e-%.0f.sys_ms", rows[i]);
        double rc = D(t, "spawn.e2e-%.0f.rc", rows[i]);
        const char *phases = "n/a";
        if (S(t, "e2e.%.0f.t.kernel", rows[i])) {
            char *b = buf();
            snprintf(b, 64, "%s / %s / %s", ms(D(t, "e2e.%.0f.t.load", rows[i])),
                     ms(D(t, "e2e.%.0f.t.kernel", rows[i])), ms(D(t, "e2e.%.0f.t.report", rows[i])));
            phases = b;
        }
        double fixed = D(t, "spawn.e2e-%.0f-fixed.maxrss_kb", rows[i]) * 1024;
        char *first = buf();
        snprintf(first, 64, "%s, %s", ms(D(t, "spawn.e2e-%.0f-first.wall_ms", rows[i])),
                 mb(D(t, "spawn.e2e-%.0f-first.maxrss_kb", rows[i]) * 1024));
        fprintf(o, "| %.0f | %s | %s%s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", rows[i],
                mb(D(t, "e2e.%.0f.csv_bytes", rows[i])), ms(w), rc != 0 ? " (**failed**)" : "",
                num(w * 1e6 / rows[i], " ns"), ms(cpu), mb(r), mb(data), num(r / data, "×"),
                mb(fixed), num((r - fixed) / data, "×"), phases, first);
        if (isnan(w) || rc != 0)
            continue;
        rn[k] = rows[i];
        wall[k] = w;
        cpus[k] = cpu;
        rss[k] = r;
        k++;
        if (rows[i] <= 1000000 || isnan(st.rss_ratio)) {
            st.rss_ratio = r / data;
            st.fixed_rss = fixed;
            st.above_ratio = (r - fixed) / data;
            st.rss_rows = rows[i];
        }
    }
    st.lin_wall = growth(rn, wall, k);
    st.lin_cpu = growth(rn, cpus, k);
    st.lin_rss = growth(rn, rss, k);
    fprintf(o, "\nGrowth (cost per added row in the last step ÷ in the first step; 1.0 is "
               "linear): CPU time %s, wall time %s, peak RSS %s.\n\n",
            num(st.lin_cpu, ""), num(st.lin_wall, ""), num(st.lin_rss, ""));
    return st;
}

/* (e): planc and the pandas script on the same rules and data, each
 * writing the results CSV to a file; a row per size. */
static void section_e(const kv *t, FILE *o)
{
    fprintf(o, "### (e) Against pandas\n\n");
    const char *skipped = S(t, "cmp.skipped");
    double rows[8];
    size_t n = series_sizes(t, "cmp.sizes", rows, 8);
    if (skipped || n == 0) {
        fprintf(o, "Not measured: %s.\n\n", skipped ? skipped : "no size in the run");
        return;
    }
    double preps = D(t, "spawn.cmp-pandas-%.0f.reps", rows[0]);
    double jreps = D(t, "spawn.cmp-planc-%.0f.reps", rows[0]);
    fprintf(o, "The `e2e` rules of (d) scored by `tests/bench/pandas_e2e.py`, which computes the "
               "same results with pandas as an analyst would write it by hand (one `read_csv`, "
               "the baseline values joined once, every status and score with whole-column "
               "numpy operations, `to_csv` in the shape of planc's results), against `planc "
               "run ... -o FILE` from the compile cache; both write the results to a file.  "
               "Each is a child process, the run with the least CPU time of %.0f (planc) and "
               "%.0f (pandas), Python's start and pandas' import included, as a user runs it.  "
               "*Results equal*: every status and text the same and every number within 1e-9 "
               "(relative) in the two files.  %s.\n\n"
               "| rows | planc: wall | planc: CPU | pandas: wall | pandas: CPU | pandas ÷ planc, "
               "CPU | pandas ÷ planc, wall | results equal |\n"
               "|---:|---:|---:|---:|---:|---:|---:|---|\n",
            jreps, preps, S(t, "env.pandas") ? S(t, "env.pandas") : "?");
    for (size_t i = 0; i < n; i++) {
        double jw = D(t, "spawn.cmp-planc-%.0f.wall_ms", rows[i]);
        double jc = D(t, "spawn.cmp-planc-%.0f.user_ms", rows[i]) +
                    D(t, "spawn.cmp-planc-%.0f.sys_ms", rows[i]);
        double pw = D(t, "spawn.cmp-pandas-%.0f.wall_ms", rows[i]);
        double pc = D(t, "spawn.cmp-pandas-%.0f.user_ms", rows[i]) +
                    D(t, "spawn.cmp-pandas-%.0f.sys_ms", rows[i]);
        bool failed = D(t, "spawn.cmp-planc-%.0f.rc", rows[i]) != 0 ||
                      D(t, "spawn.cmp-pandas-%.0f.rc", rows[i]) != 0;
        const char *eq = S(t, "cmp.%.0f.equal", rows[i]);
        fprintf(o, "| %.0f | %s | %s | %s | %s | %s | %s | %s |\n", rows[i], ms(jw), ms(jc), ms(pw),
                ms(pc), num(pc / jc, "×"), num(pw / jw, "×"),
                failed ? "**a run failed**" : eq && strcmp(eq, "yes") == 0 ? "yes" : "**no**");
    }
    fputs("\n", o);
}

static void targets(const kv *t, FILE *o, const e2e_stats *e)
{
    fputs("### Targets (issue 3)\n\n| target | measured | result |\n|---|---|---|\n", o);
    /* JIT vs hand C and vs interpreter: the worst rule set counts */
    double worst_hand = NAN, worst_interp = NAN;
    for (size_t i = 0; i < sizeof kernel_sets / sizeof *kernel_sets; i++) {
        const char *k = kernel_sets[i][0];
        double jt = D(t, "kernel.%s.jit_ns_per_row", k);
        double r1 = jt / D(t, "kernel.%s.hand_ns_per_row", k);
        double r2 = D(t, "kernel.%s.interp_ns_per_row", k) / jt;
        if (!isnan(r1) && (isnan(worst_hand) || r1 > worst_hand))
            worst_hand = r1;
        if (!isnan(r2) && (isnan(worst_interp) || r2 < worst_interp))
            worst_interp = r2;
    }
    fprintf(o, "| JIT kernel ≤ 1.0× the hand-written C | %s (worst rule set) | %s |\n",
            num(worst_hand, "×"), verdict(worst_hand, worst_hand <= 1.0));
    fprintf(o, "| JIT ≥ 20× faster than the interpreter | %s (worst rule set) | %s |\n",
            num(worst_interp, "×"), verdict(worst_interp, worst_interp >= 20));
    double bw = D(t, "kernel.mem.bw_read1");
    if (isnan(bw))
        bw = kv_max(t, "bw.read1");
    double frac = D(t, "kernel.mem.planc_bytes_per_row") / D(t, "kernel.mem.jit_ns_per_row") / bw;
    fprintf(o, "| kernel throughput ≥ 80%% of read bandwidth (memory-bound set) | %s | %s |\n",
            num(100 * frac, "%"), verdict(frac, frac >= 0.8));
    /* compile latency: the real Liaoning file when it checks, else the
     * generated set of its size; through the command line when it reports
     * timings, else in-process */
    const char *set = S(t, "compile.liaoning-file.cold_ms") ||
                              !isnan(cli_compile(t, "liaoning-file", "cold"))
                          ? "liaoning-file" : "liaoning";
    double cold = cli_compile(t, set, "cold"), cached = cli_compile(t, set, "cached");
    if (D(t, "cli.%s.cached.cache_hit", set) != 1)
        cached = NAN;
    const char *how = "`planc run --timings`";
    if (isnan(cold)) {
        cold = D(t, "compile.%s.cold_ms", set);
        how = "in-process, fresh process";
        if (D(t, "compile.%s.jit", set) != 1)
            cold = NAN;
    }
    fprintf(o, "| check + compile + JIT, Liaoning size, < 30 ms cold | %s (%s, %s) | %s |\n",
            ms(cold), strcmp(set, "liaoning") == 0 ? "generated set" : "Liaoning file", how,
            verdict(cold, cold < 30));
    fprintf(o, "| … < 5 ms from the cache | %s | %s |\n",
            isnan(cached) ? "n/a: needs `planc run --timings` and the cache" : ms(cached),
            verdict(cached, cached < 5));
    fprintf(o, "| end-to-end time grows linearly with rows | growth %s in CPU time (%s in wall time) | %s |\n",
            num(e->lin_cpu, ""), num(e->lin_wall, ""), verdict(e->lin_cpu, e->lin_cpu <= 1.25));
    fprintf(o, "| peak RSS grows linearly with rows | growth %s | %s |\n",
            num(e->lin_rss, ""), verdict(e->lin_rss, e->lin_rss <= 1.25));
    fprintf(o, "| peak RSS ≤ 1.5× the columnar size of the data | %s at %.0f rows (%s above "
               "the fixed %s) | %s |\n",
            num(e->rss_ratio, "×"), e->rss_rows, num(e->above_ratio, "×"), mb(e->fixed_rss),
            verdict(e->rss_ratio, e->rss_ratio <= 1.5));
    fputs("\nA growth is *linear* when the cost per added row of the last step is at most "
          "1.25× that of the first step.  The time verdict uses CPU time (user + sys of the "
          "child): on a shared machine its wall time also counts the time spent waiting for "
          "a core, which grows with the run's length, not with its work.\n", o);
}

int summary_print(const char *path, FILE *out)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "planc-bench: cannot read %s\n", path);
        return 1;
    }
    kv t = {0};
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *sp = strchr(line, ' ');
        if (!sp)
            continue;
        *sp = 0;
        kv_put(&t, line, sp + 1);
    }
    fclose(f);

    const char *na = "n/a";
#define E(k) (kv_get(&t, k) ? kv_get(&t, k) : na)
    fprintf(out, "## Results (%s run, %s)\n\n", E("env.mode"), E("env.date"));
    fprintf(out, "Machine: %s, %s cores, %s; %s; %s.  Load average (1, 5, 15 min) at the "
                 "start %s, at the end %s: the machine is shared, so compare the ratios "
                 "measured in one run rather than absolute times.\n\n",
            E("env.cpu"), E("env.cores"), E("env.mem"), E("env.cc"), E("env.planc"),
            E("env.load_start"), E("env.load_end"));
    bool jit_in = D(&t, "kernel.liaoning.jit") == 1 || D(&t, "compile.liaoning.jit") == 1;
    fprintf(out, "Engines: the interpreter and %s, called in-process through "
                 "`exec.h`/`jit.h`.  `planc run` on the command line: engine **%s**; "
                 "`--timings` %s; compile cache %s; threads (`-j`) %s.  "
                 "`rules/liaoning/beautiful-liaoning.plan`: %s.\n\n",
            jit_in ? "the LLVM JIT" : "no JIT (jit_create failed)", E("env.cli_engine"),
            D(&t, "env.cli_timings") == 1 ? "available" : "not available",
            D(&t, "env.cli_cache") == 1 ? "available" : "not available",
            D(&t, "env.cli_threads") == 1 ? "available" : "not available",
            E("env.liaoning_file"));
#undef E
    section_a(&t, out);
    section_b(&t, out);
    section_c(&t, out);
    e2e_stats e = section_d(&t, out);
    section_e(&t, out);
    targets(&t, out, &e);
    for (size_t i = 0; i < t.n; i++) {
        free(t.keys[i]);
        free(t.vals[i]);
    }
    free(t.keys);
    free(t.vals);
    return 0;
}
