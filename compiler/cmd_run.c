/* cmd_run.c — planc run: compile the rules (on a thread of their
 * own with the JIT, jit_job) while the data loads, choose the engine, run,
 * and write the report, the history (--store) and the outputs
 * (run_files). */
#include "cmd.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cache.h"
#include "cleanup.h"
#include "cliopt.h"
#include "csv.h"
#include "exec.h"
#include "fileio.h"
#include "hashout.h"
#include "ir.h"
#include "jit.h"
#include "msgcat.h"
#include "ofile.h"
#include "progress.h"
#include "report.h"
#include "report_html.h"
#include "report_json.h"
#include "report_xlsx.h"
#include "xlsx_read.h"
#include "rollup.h"
#include "rtmem.h"
#include "store.h"
#include "table.h"
#include "errstream.h"
#include "warnings.h"
#include "cli.h"
#include "datawarn.h"
#include "pipeline.h"

/* Prints one --timings line: "timing: NAME MS ms" and an optional note. */
static void print_timing(const char *name, double ms, const char *note)
{
    csv_message(stderr, "timing: %s %.2f ms%s%s%s\n", name, ms,
            note ? " (" : "", note ? note : "", note ? ")" : "");
}

/* Prints the compile phases of --timings: the front end's, then the JIT's
 * (jt NULL: the interpreter runs, nothing is compiled).  `t_key` is the
 * time the driver spent on its part of the cache key (rules_digest),
 * counted in the cache phase. */
static void print_compile_timings(const compilation *c, const jit_timings *jt, double t_key)
{
    print_timing("parse", c->t_parse, NULL);
    print_timing("check", c->t_check, NULL);
    print_timing("lower", c->t_lower, NULL);
    if (!jt)
        return;
    static const char *const state[] = {"off", "miss", "hit", "hit objects"};
    bool from_cache = jt->cache_state == JIT_CACHE_HIT || jt->cache_state == JIT_CACHE_HIT_OBJ;
    const char *hit = from_cache ? "cache hit" : NULL;
    print_timing("cache", jt->cache + t_key, state[jt->cache_state]);
    print_timing("llvm-load", jt->load,
                 jt->cache_state == JIT_CACHE_HIT && jt->load == 0 ? "not needed" : NULL);
    print_timing("llvm-lower", jt->lower, hit);
    print_timing("optimise", jt->optimise, hit);
    print_timing("codegen", jt->codegen, hit);
    print_timing("link", jt->link, NULL);
}

/* A SHA-256 of the bytes of every rules file the compilation read (the
 * file and the files it imports, each preceded by its length): part of
 * the JIT's cache key.  Not their names: the same rules run from another
 * directory are the same code. */
static cache_key rules_digest(const compilation *c)
{
    cache_hasher hs;
    cache_hash_init(&hs);
    for (size_t i = 0; i < c->diag.nfiles; i++) {
        uint64_t len = c->diag.files[i].len;
        cache_hash_add(&hs, &len, sizeof len);
        cache_hash_add(&hs, c->diag.files[i].text, c->diag.files[i].len);
    }
    cache_key k;
    cache_hash_end(&hs, &k);
    return k;
}

/* Reads the value of -j: a whole number from 1 to 1024, in digits (as
 * every number of the command line: no sign, no space before it, as
 * there may be none after it).  Returns 0 when it is not one. */
static unsigned parse_jobs(const char *v)
{
    char *end;
    errno = 0;
    if (!(*v >= '0' && *v <= '9'))
        return 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < 1 || n > 1024)
        return 0;
    return (unsigned)n;
}

/* One output of `planc run`: -o OUT and the format it is written in. */
typedef struct run_out {
    const char *path;       /* NULL: stdout */
    const char *format;     /* "csv", "json", "xlsx" or "html" */
} run_out;

/* What `planc run` writes and where: --format, --rollup, --year, -o,
 * --store, --lang. */
typedef struct run_output {
    const char *path;       /* -o OUT; NULL: stdout (the first output's) */
    const char *format;     /* "csv", "json", "xlsx" or "html"; NULL until settled */
    const run_out *outs;    /* every output (-o given again: several), */
    size_t nouts;           /* at least one (stdout when no -o) */
    bool rollup;            /* --rollup KIND: that roll-up, not the results */
    rollup_kind kind;
    int year;               /* --year Y; 0: the last year in the data */
    const char *store;      /* --store DB, or NULL */
    const char *store_rows; /* --store-rows all|totals, or NULL (all) */
    const char *data_options; /* how the data was read, for --store ("" for as is) */
    lbl_lang lang;          /* --lang: the language of a workbook's or a page's words */
    bool lang_given;        /* --lang was given */
    const char *const *datas; /* the --data files as given, ndata of them, for the */
    const char *const *withs; /* command that writes a page or workbook again, each */
    size_t ndata;             /* with its --read-with rules (NULL: none) */
    const char *const *with_hashes;    /* for the history: each --read-with's rules */
    const char *const *with_manifests; /* hash and manifest (pl_rules_hash), or NULL */
    store_file *const *with_texts;     /* and the bytes of each file of it */
    const size_t *nwith_texts;         /* (reading_texts), or NULL */
} run_output;

/* Reads run's `--format csv|json|xlsx|html` into the const char * at
 * `where`.  0, or the usage error's exit code. */
static int take_run_format(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (strcmp(v, "csv") != 0 && strcmp(v, "json") != 0 && strcmp(v, "xlsx") != 0 && strcmp(v, "html") != 0)
        return cli_usage_error(cmd, "unknown format '%s' (available: csv, json, xlsx, html)", v);
    *(const char **)where = v;
    return 0;
}

/* Reads run's `--rollup KIND` into the run_output at `where`. */
static int take_rollup(const char *cmd, void *where, const char *opt, const char *v)
{
    run_output *ro = where;
    (void)opt;
    if (!rollup_parse_kind(v, &ro->kind))
        return cli_usage_error(cmd, "unknown roll-up '%s' (available: region, agency, target)", v);
    ro->rollup = true;
    return 0;
}

/* Reads run's `--store DB`, given once, into the const char * at `where`. */
static int take_store(const char *cmd, void *where, const char *opt, const char *v)
{
    const char **store = where;
    if (*store)
        return cli_usage_error(cmd, "option '%s' given twice (one history database per run)", opt);
    *store = v;
    return 0;
}

/* Reads run's `--store-rows all|totals`, given once, into the const char *
 * at `where`. */
static int take_store_rows(const char *cmd, void *where, const char *opt, const char *v)
{
    const char **rows = where;
    if (strcmp(v, "all") != 0 && strcmp(v, "totals") != 0)
        return cli_usage_error(cmd, "unknown --store-rows '%s' (available: all, totals)", v);
    if (*rows)
        return cli_usage_error(cmd, "option '%s' given twice", opt);
    *rows = v;
    return 0;
}

/* Reads run's `-j N` (parse_jobs) into the unsigned at `where`. */
static int take_jobs(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (!(*(unsigned *)where = parse_jobs(v)))
        return cli_usage_error(cmd, "bad number of threads '%s' (a whole number from 1 to 1024)", v);
    return 0;
}

/* Settles `planc run`'s output format: --format when given, else the one
 * the name of -o asks for (results.xlsx is a workbook), else CSV.  A
 * --format that contradicts the name is a usage error, not a file that
 * opens as garbage, and so is ".xls".  Returns EXIT_OK or EXIT_USAGE. */
static int settle_format(run_output *ro, const char *out)
{
    const char *named = out ? cli_format_of_name(out) : NULL;
    char msg[512];
    if (named && strcmp(named, "xls") == 0) {
        snprintf(msg, sizeof msg, msgcat_tr("the output '%s' is named for the old Excel format (.xls), "
                                            "which planc does not write: name it .xlsx for a workbook"), out);
        return cli_usage_error("run", "%s", msg);
    }
    if (!ro->format) {
        ro->format = named ? named : "csv";
        return EXIT_OK;
    }
    if (named && strcmp(named, ro->format) != 0) {
        snprintf(msg, sizeof msg, msgcat_tr("the output '%s' is named for %s but --format %s was given: "
                                            "leave out --format (the name decides) or rename the output"),
                 out, named, ro->format);
        return cli_usage_error("run", "%s", msg);
    }
    return EXIT_OK;
}

/* Writes a path to f as a shell word, as cli_put_word does, with ./ before
 * one that starts with '-' (a command would take it for an option). */
static void put_path(FILE *f, const char *path)
{
    if (path[0] == '-') {
        char *q = csv_shell_path(path);
        fputs(q, f);
        free(q);
    } else {
        cli_put_word(f, path);
    }
}

/* The planc command line that writes workbook or page `ro` again from
 * the files the run read, for the workbook's provenance sheet and the
 * page's footer (docs/OUTPUT.md §7, §8): the rules tree (--root), the
 * rules and the data files as given (each with its --read-with), the data options, the roll-up year, the
 * language, and -o reproduced.xlsx (or .html).  An auditor with the
 * files (their hashes are beside it) runs it to get the same bytes.  Not
 * the -o the run was given: the command is in the document, whose bytes
 * would then depend on the name it is written to, and a copy written
 * elsewhere to compare would differ from it.  malloc'd. */
static char *reproduce_command(const char *rules, const char *data, const run_output *ro,
                               const rollup *ru)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = cli_memstream(&buf, &len);
    fputs("planc run ", f);
    if (cli_rules_root) {
        fputs("--root ", f);
        put_path(f, cli_rules_root);
        fputc(' ', f);
    }
    put_path(f, rules);
    if (!ro->ndata) {
        fputs(" --data ", f);
        put_path(f, data);
    }
    for (size_t i = 0; i < ro->ndata; i++) {
        fputs(" --data ", f);
        put_path(f, ro->datas[i]);
        if (ro->withs && ro->withs[i]) {
            fputs(" --read-with ", f);
            put_path(f, ro->withs[i]);
        }
    }
    if (ro->data_options && *ro->data_options)
        fprintf(f, " %s", ro->data_options);
    if (ru)
        fprintf(f, " --year %d", ru->year);
    if (ro->lang != LBL_EN)
        fputs(" --lang zh", f);
    fprintf(f, " -o reproduced.%s", ro->format);
    fclose(f);
    return buf;
}

/* Writes the report `ro` asks for to f: the results or a roll-up, as CSV
 * or JSON.  Returns 0, or -1 on a write error. */
static int write_report(const ir_program *p, const rt_table *t, const rt_result *r,
                        const run_output *ro, const rollup *ru, const report_source *src,
                        FILE *f)
{
    if (strcmp(ro->format, "xlsx") == 0)
        return report_xlsx(p, t, r, ru, src, ro->lang, f, stderr);
    if (strcmp(ro->format, "html") == 0)
        return report_html(p, t, r, ru, src, ro->lang, f);
    if (strcmp(ro->format, "json") == 0) {
        static const unsigned only[] = {REPORT_JSON_REGIONS, REPORT_JSON_AGENCIES, REPORT_JSON_TARGETS};
        return report_json(p, t, r, ru, ro->rollup ? only[ro->kind] : REPORT_JSON_ALL, src, f);
    }
    if (ro->rollup)
        return rollup_write_csv(p, ru, ro->kind, f);
    return report_csv(p, t, r, f);
}

/* The bytes of each rules file compilation c read, named as in its
 * manifest (pl_rules_hash), copied (the compilation of a --read-with's rules
 * is freed before the run is recorded); *n gets how many.  malloc'd, for
 * free_texts. */
static store_file *copy_texts(const compilation *c, size_t *n)
{
    *n = c->diag.nfiles;
    store_file *t = rt_xcalloc(*n ? *n : 1, sizeof *t);
    for (size_t i = 0; i < *n; i++) {
        char *text = rt_xmalloc(c->diag.files[i].len + 1, 1);
        memcpy(text, c->diag.files[i].text, c->diag.files[i].len);
        t[i] = (store_file){.name = rt_xstrdup(i < c->nrules_names ? c->rules_names[i] : c->diag.files[i].name),
                            .text = text, .len = c->diag.files[i].len};
    }
    return t;
}

/* Frees copy_texts's n texts (t may be NULL). */
static void free_texts(store_file *t, size_t n)
{
    for (size_t i = 0; t && i < n; i++) {
        free((char *)t[i].name);
        free((char *)t[i].text);
    }
    free(t);
}

/* Frees each of n readings' texts (copy_texts) and the arrays. */
static void free_all_texts(store_file **t, size_t *nt, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free_texts(t[i], nt[i]);
    free(t);
    free(nt);
}

/* Says that the results could not be written (to -o's file, or stdout). */
static void cannot_write(const run_output *ro)
{
    csv_message(stderr, "planc: error: cannot write %s%s%s: %s\n", ro->path ? "'" : msgcat_tr("results"),
            ro->path ? ro->path : "", ro->path ? "'" : "", msgcat_strerror(msgcat_lang(), errno));
}

/* Ends -o's output file: renamed into place when rc is EXIT_OK, else
 * removed.  Returns rc, or EXIT_WRITE when the rename failed. */
static int finish_output(ofile *o, int rc)
{
    if (o) {
        if (rc != EXIT_OK)
            ofile_abort(o);
        else if (ofile_commit(o, stderr) != 0)
            rc = EXIT_WRITE;
    }
    return rc;
}

/* The real path of an output file about to be written at `path`: its
 * directory's real path and its name (the file itself is not there yet,
 * or is the one it replaces), for the history; NULL when the directory's
 * is unknown.  malloc'd. */
static char *output_real_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    char *real = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    if (!real)
        return NULL;
    const char *base = slash ? slash + 1 : path;
    char *out = rt_xmalloc(strlen(real) + strlen(base) + 2, 1);
    sprintf(out, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
    free(real);
    return out;
}

/* The real path of data file `name`, or NULL; of a workbook's sheet
 * (FILE#SHEET, xlsx_read.h) FILE's with #SHEET after it. */
static char *data_realpath(const char *name)
{
    const char *sheet = NULL;
    char *file = xlsxr_split(name, &sheet);
    char *real = realpath(file ? file : name, NULL);
    if (real && file) {
        size_t n = strlen(real) + strlen(sheet) + 2;
        char *both = rt_xmalloc(n, 1);
        snprintf(both, n, "%s#%s", real, sheet);
        free(real);
        real = both;
    }
    free(file);
    return real;
}

/* The reports, then the record in the history database: each output is
 * written (to a temporary file when it is a file, written out to the
 * disk), the run's rows are inserted in one transaction, the transaction
 * is committed, and only then are the files renamed into place; a failure
 * anywhere leaves neither a new file nor a recorded run (a commit that
 * fails on a full disk keeps the old files; a rename that fails after the
 * commit puts back the files renamed before it and takes the run back
 * out; a new database, put in place after the files, takes them back out
 * when that fails).  ro->outs[0..ro->nouts) are the outputs (-o, given
 * once or more; one without a path is standard output).  Returns an exit
 * code. */
static int write_output(const compilation *c, const char *rules, const char *data,
                        const rt_table *t, const rt_result *r, const run_output *ro, store *db)
{
    size_t nouts = ro->nouts;
    bool need_rollup = ro->rollup;
    for (size_t i = 0; i < nouts; i++)
        need_rollup |= strcmp(ro->outs[i].format, "csv") != 0;
    rollup *ru = NULL;
    if (need_rollup) {
        if (ro->year && !rollup_has_year(t, ro->year)) {
            /* the years it has, so that the next --year is one of them */
            int lo = 0, hi = 0;
            for (size_t row = 0; row < rt_table_nrows(t); row++) {
                int y = rt_table_year(t, row);
                lo = !lo || y < lo ? y : lo;
                hi = y > hi ? y : hi;
            }
            if (lo)
                csv_message(stderr, "planc: error: %s has no row in %d (--year): its rows are of %d to %d\n",
                            data, ro->year, lo, hi);
            else
                csv_message(stderr, "planc: error: %s has no row in %d (--year)\n", data, ro->year);
            return EXIT_USAGE;
        }
        ru = rollup_make(c->ir, t, r, ro->year);
    }
    if (ro->rollup && !ru) {
        csv_message(stderr, "planc: error: %s has no rows to roll up\n", data);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    ofile **o = rt_xcalloc(nouts, sizeof *o);
    for (size_t i = 0; i < nouts && rc == EXIT_OK; i++)
        if (ro->outs[i].path) {
            ofile_failure why;
            if (!(o[i] = ofile_open_why(ro->outs[i].path, &why, stderr)))
                rc = why == OFILE_FAIL_NAME ? EXIT_USAGE : EXIT_WRITE;
        }
    if (rc != EXIT_OK) {
        for (size_t i = 0; i < nouts; i++)
            if (o[i])
                ofile_abort(o[i]);
        free(o);
        rollup_free(ru);
        return rc;
    }
    /* what produced the results, for the reports that say it and the
     * history: the data's hash is of the bytes the table was read from (a
     * pipe cannot be read again, and a file may have changed since) */
    char rhash[65];
    char *manifest = pl_rules_hash(c, rhash);
    size_t nfiles_given = ro->ndata ? ro->ndata : 1;
    report_data_file *data_files = cli_data_file_list(ro->ndata ? ro->datas : &data, ro->ndata ? ro->withs : NULL,
                                                      ro->with_hashes, ro->with_manifests, nfiles_given, t);
    /* the history records each output's size and hash, of the bytes as
     * written (also to standard output or a device, not read back) */
    store_output *so = rt_xcalloc(nouts, sizeof *so);
    char (*out_hash)[65] = rt_xcalloc(nouts, sizeof *out_hash);
    /* the files first, then standard output and the devices or FIFOs,
     * which are written in place and cannot be taken back: a file that
     * cannot be written (a full disk) leaves them unwritten too (stdout
     * had the whole CSV when the second output failed) */
    size_t *order = rt_xcalloc(nouts, sizeof *order), nfirst = 0;
    for (size_t i = 0; i < nouts; i++)
        if (o[i] && !ofile_in_place(o[i]))
            order[nfirst++] = i;
    for (size_t i = 0, k = nfirst; i < nouts; i++)
        if (!o[i] || ofile_in_place(o[i]))
            order[k++] = i;
    for (size_t k = 0; k < nouts && rc == EXIT_OK; k++) {
        size_t i = order[k];
        run_output one = *ro; /* this output's path and format */
        one.path = ro->outs[i].path;
        one.format = ro->outs[i].format;
        FILE *f = o[i] ? ofile_stream(o[i]) : stdout;
        bool document = strcmp(one.format, "xlsx") == 0 || strcmp(one.format, "html") == 0;
        char *command = document ? reproduce_command(rules, data, &one, ru) : NULL;
        report_source src = {.rules = rules, .rules_sha256 = rhash, .rules_files = manifest, .data = data,
                             .data_sha256 = rt_table_sha256(t), .data_files = data_files,
                             .ndata_files = nfiles_given, .data_options = ro->data_options,
                             .command = command};
        hashout *ho = db ? hashout_open(f) : NULL;
        unsigned long long out_bytes = 0;
        int written = write_report(c->ir, t, r, &one, ru, &src, ho ? hashout_stream(ho) : f);
        free(command);
        if (ho && hashout_close(ho, out_hash[i], &out_bytes) != 0 && written == 0)
            written = -1;
        if (written == REPORT_XLSX_TOO_LARGE) {
            rc = EXIT_USAGE;    /* said by report_xlsx: write CSV instead */
        } else if (written != 0 || fflush(f) != 0) {
            /* report_xlsx says itself what went wrong */
            if (written == 0 || written == REPORT_XLSX_OUT_ERROR || strcmp(one.format, "xlsx") != 0)
                cannot_write(&one);
            rc = EXIT_WRITE;
        }
        so[i] = (store_output){.path = one.path ? one.path : "/dev/stdout", .format = one.format,
                               .sha256 = out_hash[i], .bytes = (long long)out_bytes};
    }
    free(order);
    free(data_files);
    rollup_free(ru);
    long long run_id = 0;
    if (rc == EXIT_OK && db) {
        char now[32];
        store_now(now);
        /* the files' real paths beside the names given ("" when there is
         * none: a pipe), so that the history says which file a relative
         * name was */
        char *rules_real = realpath(rules, NULL), *data_real = data_realpath(data);
        /* the rules files' bytes, named as in the manifest (pl_rules_hash) */
        size_t nfiles = c->nrules_names; /* not the --set texts: data_options has them */
        store_file *texts = calloc(nfiles ? nfiles : 1, sizeof *texts);
        if (!texts) {
            csv_message(stderr, "planc: error: out of memory\n");
            exit(EXIT_INTERNAL);
        }
        for (size_t i = 0; i < nfiles; i++)
            texts[i] = (store_file){.name = i < c->nrules_names ? c->rules_names[i] : c->diag.files[i].name,
                                    .text = c->diag.files[i].text, .len = c->diag.files[i].len};
        /* each data file with its hash and its reading's, and the outputs */
        size_t nd = ro->ndata ? ro->ndata : 1;
        store_data_file *dfs = rt_xcalloc(nd, sizeof *dfs);
        char **dreal = rt_xcalloc(nd, sizeof *dreal);
        for (size_t i = 0; i < nd; i++) {
            const char *name = ro->ndata ? ro->datas[i] : data;
            bool with = ro->ndata && ro->withs && ro->withs[i];
            dreal[i] = data_realpath(name);
            dfs[i] = (store_data_file){.path = name, .resolved = dreal[i] ? dreal[i] : "",
                                       .sha256 = rt_table_file_sha256(t, i),
                                       .read_with = with ? ro->withs[i] : "",
                                       .read_with_sha256 = with ? ro->with_hashes[i] : "",
                                       .read_with_files = with ? ro->with_manifests[i] : "",
                                       .read_with_texts = with && ro->with_texts ? ro->with_texts[i] : NULL,
                                       .nread_with_texts = with && ro->nwith_texts ? ro->nwith_texts[i] : 0};
        }
        char **out_real = rt_xcalloc(nouts, sizeof *out_real);
        for (size_t i = 0; i < nouts; i++) {
            out_real[i] = ro->outs[i].path ? output_real_path(ro->outs[i].path) : NULL;
            so[i].resolved = out_real[i] ? out_real[i] : "";
        }
        store_run_info info = {.time = now, .version = PLANC_VERSION, .rules_path = rules,
                               .rules_hash = rhash, .rules_files = manifest,
                               .rules_resolved = rules_real ? rules_real : "",
                               .data_path = data, .data_resolved = data_real ? data_real : "",
                               .data_hash = rt_table_sha256(t), .data_options = ro->data_options,
                               .rules_texts = texts, .nrules_texts = nfiles,
                               .totals = ro->store_rows && strcmp(ro->store_rows, "totals") == 0,
                               .data_files = dfs, .ndata_files = nd, .outputs = so, .noutputs = nouts};
        if (store_begin_run(db, &info, c->ir, t, r, &run_id, stderr) != 0)
            rc = EXIT_WRITE;
        for (size_t i = 0; i < nd; i++)
            free(dreal[i]);
        free(dreal);
        free(dfs);
        for (size_t i = 0; i < nouts; i++)
            free(out_real[i]);
        free(out_real);
        free(texts);
        free(rules_real);
        free(data_real);
    }
    free(manifest);
    free(so);
    free(out_hash);
    for (size_t i = 0; i < nouts && rc == EXIT_OK; i++)
        if (o[i] && ofile_finish(o[i], stderr) != 0) {
            o[i] = NULL; /* removed and freed */
            rc = EXIT_WRITE;
        }
    /* From the history's commit to the last rename, a signal (Ctrl-C)
     * waits until all is done: it came between two renames, or after the
     * commit and before the rename, and left one output new and another
     * old, or a run recorded whose output was not there (its temporary
     * file removed).  None of these steps waits for a lock. */
    cleanup_hold();
    bool recorded = false;
    if (db) {
        if (rc != EXIT_OK)
            store_rollback(db);
        else if (store_commit_pending(db, stderr) != 0)
            rc = EXIT_WRITE;
        else
            recorded = true;
    }
    /* A new database is put in place after the outputs, which come back
     * out if that fails, and a second output's failed rename puts the
     * first back: whichever fails, none stays (a database linked first,
     * then emptied of its run, stayed when the rename failed).  One output
     * without a new database is simply renamed into place. */
    bool undoable = nouts > 1 || (recorded && store_pending(db));
    ofile **kept = rt_xcalloc(nouts, sizeof *kept);
    for (size_t i = 0; i < nouts; i++) {
        if (!o[i])
            continue;
        if (!undoable || rc != EXIT_OK)
            rc = finish_output(o[i], rc);
        else if (ofile_commit_undoable(o[i], stderr) != 0)
            rc = EXIT_WRITE;
        else
            kept[i] = o[i];
        o[i] = NULL;
    }
    bool forget = recorded && rc != EXIT_OK;
    if (recorded && !forget && store_publish(db, stderr) != 0)
        rc = EXIT_WRITE;
    for (size_t i = 0; i < nouts; i++) {
        if (rc != EXIT_OK)
            ofile_undo(kept[i]);
        else
            ofile_settle(kept[i]);
    }
    cleanup_release();
    /* (after the hold: taking the run back out may wait for the lock,
     * which another writer may have taken since the commit) */
    if (forget)
        store_forget_run(db, store_run(db), stderr);
    free(kept);
    free(o);
    return rc;
}

/* Whether `planc run` can score and write as a stream (rt_run_stream): CSV
 * results as its one output (not a roll-up, which needs every row) of a program the stream
 * can run (not under the `error` missing-data policy), without --store (which records the whole result in one
 * transaction), and not onto a terminal (where the lines would mix with
 * the progress line). */
static bool streamable(const ir_program *p, const run_output *ro, const store *db)
{
    /* --warnings-as-errors holds the results until every warning about
     * them is said */
    if (db || ro->nouts > 1 || ro->rollup || strcmp(ro->format, "csv") != 0 || !rt_can_stream(p) ||
        warn_any_fatal())
        return false;
    return ro->path || !isatty(fileno(stdout));
}

/* The CSV stream's hooks, checking each scored chunk for a number that
 * overflowed (rt_first_overflow) before it is written: the first such row
 * of a place is kept by its chunk, on a scoring thread, and reported by
 * its flush, in row order, which stops the run; so the message is the
 * same whatever -j. */
typedef struct overflow_guard {
    rt_stream inner;
    const ir_program *p;
    const rt_table *t;
    long *row;              /* per place: the first overflowing row, or -1 */
    uint32_t *target;       /* per place: its target */
    char **text;            /* per place: the message, malloc'd */
} overflow_guard;

/* rt_stream.chunk: checks the chunk, then hands it on when it holds no
 * overflow. */
static int guard_chunk(void *ctx, const rt_result *r, size_t lo, size_t hi, unsigned place)
{
    overflow_guard *g = ctx;
    g->row[place] = rt_first_overflow(g->p, r, lo, hi, &g->target[place]);
    if (g->row[place] < 0)
        return g->inner.chunk(g->inner.ctx, r, lo, hi, place);
    /* the result is read here, while the chunk's frame holds it */
    size_t len = 0;
    FILE *m = cli_memstream(&g->text[place], &len);
    rt_overflow_error(g->p, g->t, r, (size_t)g->row[place], g->target[place], m);
    fclose(m);
    return 0;
}

/* rt_stream.flush: the overflow of the place, if any (3 stops the run),
 * else the place's rows. */
static int guard_flush(void *ctx, unsigned place)
{
    overflow_guard *g = ctx;
    if (g->row[place] >= 0) {
        fputs(g->text[place], stderr);
        return EXIT_DATA;
    }
    return g->inner.flush(g->inner.ctx, place);
}

/* rt_stream hooks that keep nothing: the checking pass of a stream onto
 * standard output (guarded_stream with inner hooks that write nothing). */
static int keep_no_chunk(void *ctx, const rt_result *r, size_t lo, size_t hi, unsigned place)
{
    return 0;
}

static int keep_no_flush(void *ctx, unsigned place)
{
    return 0;
}

/* Runs the stream of p over t into `inner` behind an overflow_guard: 0,
 * EXIT_DATA when a number overflowed (said on stderr, before anything of
 * that round reached `inner`), another nonzero value of `inner`, or -1
 * (rt_run_stream's). */
static int guarded_stream(const ir_program *p, const rt_table *t, const exec_engine *eng,
                          const rt_options *rto, rt_stream inner, rt_timings *rtt)
{
    unsigned places = rt_stream_places(rto);
    overflow_guard g = {.inner = inner, .p = p, .t = t,
                        .row = calloc(places, sizeof *g.row),
                        .target = calloc(places, sizeof *g.target),
                        .text = calloc(places, sizeof *g.text)};
    if (!g.row || !g.target || !g.text) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    rt_stream st = {.ctx = &g, .chunk = guard_chunk, .flush = guard_flush};
    int run = rt_run_stream(p, t, eng, rto, &st, rtt, stderr);
    for (unsigned k = 0; k < places; k++)
        free(g.text[k]);
    free(g.row);
    free(g.target);
    free(g.text);
    return run;
}

/* Scores the table and writes the CSV results as a stream: the output is
 * opened first (a temporary file for -o), each round of chunks is written
 * as soon as it is scored, and the file is renamed into place only when
 * everything was written.  Standard output cannot be taken back so: the
 * rows are first scored only to be checked, so that a number that
 * overflowed stops the run before the first byte is written there, as
 * it leaves no file with -o (the kernels are a small part of a streamed
 * run, which formatting the numbers dominates: docs/PERFORMANCE.md).
 * That checking pass runs on `checker`, eng's engine without the
 * progress line's count (which counts the pass that writes).  Sets
 * judged[i] for each target judged on some row (report_mark_judged).
 * Returns an exit code. */
static int stream_output(const ir_program *p, const rt_table *t, const exec_engine *eng,
                         const exec_engine *checker, const rt_options *rto, rt_timings *rtt,
                         const run_output *ro, bool *judged, report_ungraded *ungraded)
{
    ofile *o = NULL;
    FILE *f = stdout;
    rt_timings checked = {0};
    if (ro->path) {
        ofile_failure why;
        if (!(o = ofile_open_why(ro->path, &why, stderr)))
            return why == OFILE_FAIL_NAME ? EXIT_USAGE : EXIT_WRITE;
        f = ofile_stream(o);
    } else {
        rt_stream none = {.chunk = keep_no_chunk, .flush = keep_no_flush};
        int pre = guarded_stream(p, t, checker, rto, none, &checked);
        if (pre != 0)
            return pre == EXIT_DATA ? EXIT_DATA : EXIT_INTERNAL;
    }
    unsigned places = rt_stream_places(rto);
    report_csv_stream *cs = report_csv_stream_open(p, t, places, f);
    int run = guarded_stream(p, t, eng, rto, report_csv_stream_hooks(cs), rtt);
    if (rtt) /* --timings: both passes' scoring */
        rtt->kernel += checked.kernel;
    report_csv_stream_judged(cs, judged);
    report_csv_stream_ungraded(cs, ungraded);
    int written = report_csv_stream_close(cs);
    int rc = EXIT_OK;
    if (run < 0) {
        rc = EXIT_INTERNAL;
    } else if (run == EXIT_DATA && written == 0) {
        rc = EXIT_DATA;     /* a number overflowed: said by guard_flush */
    } else if (run > 0 || written != 0 || fflush(f) != 0) {
        cannot_write(ro);
        rc = EXIT_WRITE;
    }
    return finish_output(o, rc);
}

/* The JIT compiled on a thread of its own while planc run loads the data
 * (the two only read the program): the program and options, the engine
 * made (NULL after an error), and the stream its messages go to, held
 * until the data is loaded.  Without a thread or a held stream it is
 * compiled on the caller's thread, as before the data. */
typedef struct jit_job {
    const ir_program *p;     /* NULL: no JIT wanted */
    jit_options opts;
    jit_engine *jit;
    fio_held *held;          /* the engine's messages (kept by the engine) */
    pthread_t tid;
    bool started;            /* tid is a thread to join */
} jit_job;

/* The thread of a jit_job. */
static void *jit_job_run(void *arg)
{
    jit_job *jj = arg;
    jj->jit = jit_create_opts(jj->p, &jj->opts,
                              jj->held ? fio_hold_stream(jj->held) : stderr);
    return NULL;
}

/* Starts compiling p (opts is copied; what it points to must outlive the
 * job). */
static void jit_job_start(jit_job *jj, const ir_program *p, const jit_options *opts)
{
    *jj = (jit_job){.p = p, .opts = *opts};
    jj->held = fio_hold_open(stderr);
    if (jj->held)
        jj->started = pthread_create(&jj->tid, NULL, jit_job_run, jj) == 0;
    if (!jj->started) {
        fio_hold_close(jj->held);
        jj->held = NULL;
        jit_job_run(jj);
    }
}

/* Waits for the compile, lets its messages out, and returns the engine
 * (NULL after an error, or when no JIT was wanted). */
static jit_engine *jit_job_finish(jit_job *jj)
{
    if (jj->started) {
        pthread_join(jj->tid, NULL);
        jj->started = false;
    }
    if (jj->held)
        fio_hold_release(jj->held);
    return jj->jit;
}

/* Closes the job's stream, once the engine is disposed of. */
static void jit_job_close(jit_job *jj)
{
    fio_hold_close(jj->held);
    jj->held = NULL;
}

/* What --engine auto decided, for --timings: the code was cached, or
 * compiling was weighed (jit_estimate_run) for the rows counted or, for a
 * large data file, estimated from its size before it was read. */
typedef struct engine_choice {
    bool is_auto;
    bool cached;          /* the code came from the cache */
    bool weighed;         /* est holds the estimate that decided */
    bool early;           /* ... made from the file's size (large_data) */
    bool compile;         /* ... which said to compile */
    uint64_t rows;        /* the rows it was made for */
    jit_estimate est;
} engine_choice;

/* The least size of a data file whose rows large_data estimates before it
 * is read: reading a smaller file first, to count its rows, delays a
 * compile by little (4 MiB load in about 30 ms). */
#define EARLY_CHOICE_BYTES (4u << 20)

/* The bytes of a sheet's XML a cell takes, about: `<c r="AB12345" s="1"><v>
 * 956.03</v></c>` (a workbook of 40,000 rows of 52 numbers, 31.5). */
#define XLSX_CELL_BYTES 32u

/* --engine auto, no code cached: whether `data` is a regular file large
 * enough that compiling pays, so that the rules compile while it loads (as
 * --engine jit does).  Its rows are estimated from its size and the
 * length of its first lines (a table with a column per year has more rows
 * than lines: it is then undercounted, and decided once loaded), a
 * workbook's from its sheet's XML unpacked (xlsxr_sheet_bytes).  False
 * also when the file cannot be read here (the load then says why): the
 * rows are counted first. */
static bool large_data(const ir_program *p, const char *data, engine_choice *ch)
{
    struct stat st;
    if (stat(data, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size < EARLY_CHOICE_BYTES)
        return false;
    FILE *f = fopen(data, "rb");
    if (!f)
        return false;
    static char head[64 << 10];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    uint64_t rows;
    if (xlsxr_is_zip((const unsigned char *)head, n)) {
        /* a workbook: its packed bytes say little of its rows (a sheet's
         * XML packs 10 to 40 times, and the line ends counted in them are
         * the packing's: 10 times too few rows); its largest sheet's XML,
         * as the archive's directory gives its size, is some
         * XLSX_CELL_BYTES a cell, a cell per column the rules read and the
         * keys (a sheet of other columns too is undercounted, and decided
         * once loaded) */
        unsigned long long xml = xlsxr_sheet_bytes(data);
        rows = xml / (((uint64_t)p->ncolumns + 2) * XLSX_CELL_BYTES);
        if (rows < 2)
            return false;
    } else {
        size_t lines = 0;
        for (size_t i = 0; i < n; i++)
            lines += head[i] == '\n';
        if (lines < 2)
            return false;
        /* the header is one of the lines read, and none of the rows */
        rows = (uint64_t)((double)st.st_size / ((double)n / (double)lines)) - 1;
    }
    jit_estimate e = jit_estimate_run(p, rows);
    if (!(e.interp_ms > e.jit_ms))
        return false;
    *ch = (engine_choice){.is_auto = true, .weighed = true, .early = true, .compile = true,
                          .rows = rows, .est = e};
    return true;
}

/* --engine auto, no code cached, the data read: whether compiling p pays
 * for its `rows` rows (noted in *ch). */
static bool compiling_pays(const ir_program *p, uint64_t rows, engine_choice *ch)
{
    jit_estimate e = jit_estimate_run(p, rows);
    *ch = (engine_choice){.is_auto = true, .weighed = true, .rows = rows, .est = e,
                          .compile = e.interp_ms > e.jit_ms};
    return ch->compile;
}

/* The note --timings puts on the kernel line: the threads, and for
 * --engine auto what it chose and why. */
static void kernel_note(char *buf, size_t len, unsigned threads, const engine_choice *ch)
{
    int n = snprintf(buf, len, "%u thread%s", threads, threads == 1 ? "" : "s");
    if (n < 0 || (size_t)n >= len || !ch->is_auto)
        return;
    if (ch->cached)
        snprintf(buf + n, len - n, "; auto: jit, code cached");
    else if (ch->weighed)
        snprintf(buf + n, len - n, "; auto: %s, %s%" PRIu64 " rows x %" PRIu64 " steps: "
                                   "interpreting ~%.3g ms, compiling and running ~%.3g ms",
                 ch->compile ? "jit" : "interp", ch->early ? "about " : "", ch->rows,
                 ch->est.steps, ch->est.interp_ms, ch->est.jit_ms);
}

static int run_files(const char *rules, const char **datas, const char **withs, size_t ndata,
                     run_out *outs, size_t nouts, const char *engine, unsigned jobs, bool timings,
                     bool use_cache, bool quiet, run_output *rop, data_options *dop, double t_start);

/* Where output `path` is to be written, for telling two outputs apart:
 * the real path (output_real_path) of the file that a link naming no
 * file yet will make (ofile_absent_target: -o c.json -o link.csv, the
 * link to c.json, wrote the CSV into c.json, the JSON lost), else of
 * path.  malloc'd, or NULL. */
static char *output_place(const char *path)
{
    char *made = ofile_absent_target(path);
    char *real = output_real_path(made ? made : path);
    free(made);
    return real;
}

/* Whether the files a and b, either of them perhaps not there yet, are
 * one place: by their real paths (output_place: ./r.csv and r.csv, a
 * link), or as one existing file (a hard link). */
static bool one_place(const char *a, const char *b)
{
    char *ra = output_place(a), *rb = output_place(b);
    bool same = (ra && rb && strcmp(ra, rb) == 0) || fio_same_file(a, b);
    free(ra);
    free(rb);
    return same;
}

/* Whether `path` names the file standard output is (/dev/stdout, the
 * terminal's device, the file it is redirected to). */
static bool is_stdout(const char *path)
{
    struct stat out, st;
    return fstat(STDOUT_FILENO, &out) == 0 && stat(path, &st) == 0 && out.st_dev == st.st_dev &&
           out.st_ino == st.st_ino;
}

/* Whether one output is given twice among outs[0..n) (-o: a path, or
 * NULL for standard output), after the usage error that says so: by one
 * name, by two names of one place (./r.csv and r.csv, or a link), or
 * standard output twice.  The second would replace the first. */
static bool outs_twice(const run_out *outs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++) {
            const char *a = outs[i].path, *b = outs[j].path;
            if (!a || !b) {
                if (!a && !b) {
                    cli_usage_error("run", "%sstandard output (-o -) is given twice", "");
                    return true;
                }
                /* -o - and /dev/stdout, or the file stdout goes to:
                 * the results were written into it twice */
                if (is_stdout(a ? a : b)) {
                    cli_usage_error("run", "the output '%s' is standard output (-o -) under another name: each "
                                       "file is written once (-o)", a ? a : b);
                    return true;
                }
                continue;
            }
            bool same = strcmp(a, b) == 0;
            if (same) {
                cli_usage_error("run", "the output '%s' is given twice (-o)", a);
                return true;
            }
            if (one_place(a, b)) {
                cli_usage_error("run", "the output '%s' is one given before under another name: each "
                                   "file is written once (-o)", a);
                return true;
            }
        }
    return false;
}

/* planc run's command line (run_command). */
typedef struct run_args {
    cliopt_list rules;  /* the one rules file */
    data_files files;   /* --data FILE [--read-with RULES], given again: one table */
    cliopt_list outs;   /* -o OUT, given again: the results in several files */
    const char *engine; /* --engine, or NULL */
    unsigned jobs;      /* -j N */
    bool timings, no_cache, quiet;
    cliopt_lang lang;   /* --lang: the words of a workbook or a page (ro.lang) */
    run_output ro;      /* --format, --rollup, --year, --store, --store-rows */
    data_options dopt;
} run_args;

/* planc run's options besides the diagnostics' (cli_parse_diag_option). */
static const cliopt_option run_options[] = {
    DATA_FILE_ROWS(run_args),
    DATA_OPTION_ROWS(run_args),
    {"--output", "-o", CLIOPT_LIST, offsetof(run_args, outs), NULL},
    {"--format", NULL, CLIOPT_CALL, offsetof(run_args, ro.format), take_run_format},
    {"--rollup", NULL, CLIOPT_CALL, offsetof(run_args, ro), take_rollup},
    {"--year", NULL, CLIOPT_CALL, offsetof(run_args, ro.year), cli_take_year},
    {"--store", NULL, CLIOPT_CALL, offsetof(run_args, ro.store), take_store},
    {"--store-rows", NULL, CLIOPT_CALL, offsetof(run_args, ro.store_rows), take_store_rows},
    {"--lang", NULL, CLIOPT_LANG, offsetof(run_args, lang), NULL},
    {"--engine", NULL, CLIOPT_STRING, offsetof(run_args, engine), NULL},
    {"--jobs", "-j", CLIOPT_CALL, offsetof(run_args, jobs), take_jobs},
    {"--quiet", "-q", CLIOPT_FLAG, offsetof(run_args, quiet), NULL},
    {"--timings", NULL, CLIOPT_FLAG, offsetof(run_args, timings), NULL},
    {"--no-cache", NULL, CLIOPT_FLAG, offsetof(run_args, no_cache), NULL},
    END_OF_OPTIONS,
};

/* planc run's command line: one rules file. */
static const cliopt_command run_command = {
    "run", run_options, cli_parse_diag_option, true, offsetof(run_args, rules), 1,
    "unexpected argument '%s' (one rules file per run)", cli_usage_error,
};

/* planc run RULES --data CSV... [-o OUT]... [--engine auto|jit|interp] [-j N]
 *           [--no-cache] [--timings] */
int cmd_run(int argc, char **argv)
{
    double t_start = pl_now_ms();
    const char *rules[1] = {NULL};
    run_args a = {.rules.v = rules, .jobs = rt_default_threads(), .dopt = {.load.warn_year_gaps = true}};
    /* --data, --read-with and -o may be given again: room for each argument */
    a.files.data.v = rt_xcalloc((size_t)argc + 1, sizeof *a.files.data.v);
    a.files.withs = rt_xcalloc((size_t)argc + 1, sizeof *a.files.withs);
    a.outs.v = rt_xcalloc((size_t)argc + 1, sizeof *a.outs.v);
    /* and one more output than given (run_files: stdout when none is) */
    run_out *outs = rt_xcalloc((size_t)argc + 1, sizeof *outs);
    int rc;
    if (cli_read_command_line(&run_command, &a, argc, argv, &rc)) {
        size_t nouts = a.outs.n;
        for (size_t i = 0; i < nouts; i++)
            outs[i].path = a.outs.v[i];
        run_output ro = a.ro;
        ro.lang = a.lang.lang;
        ro.lang_given = a.lang.given;
        /* a workbook or a page among the outputs: --lang is the document's */
        for (size_t i = 0; i < (nouts ? nouts : 1); i++) {
            const char *format = ro.format ? ro.format : nouts ? cli_format_of_name(outs[i].path) : NULL;
            cli_lang_of_document |= format && (strcmp(format, "xlsx") == 0 || strcmp(format, "html") == 0);
        }
        rc = cli_settle_diag_options("run", ro.lang, true);
        if (rc == EXIT_OK)
            rc = run_files(rules[0], a.files.data.v, a.files.withs, a.files.data.n, outs, nouts, a.engine,
                           a.jobs, a.timings, !a.no_cache, a.quiet, &ro, &a.dopt, t_start);
    }
    free(a.files.data.v);
    free(a.files.withs);
    free(a.outs.v);
    free(outs);
    return rc;
}

/* planc run, its command line read: the rules, the data files
 * datas[0..ndata) and the options. */
static int run_files(const char *rules, const char **datas, const char **withs, size_t ndata,
                     run_out *outs, size_t nouts, const char *engine, unsigned jobs, bool timings,
                     bool use_cache, bool quiet, run_output *rop, data_options *dop, double t_start)
{
    run_output ro = *rop;
    data_options dopt = *dop;
    if (!rules)
        return cli_usage_error("run", "%sno rules file given", "");
    if (!ndata)
        return cli_usage_error("run", "%sno data given (--data CSV)", "");
    /* '-' is standard input and standard output, as for most Unix tools
     * (a file named '-' is './-') */
    for (size_t i = 0; i < ndata; i++)
        datas[i] = cli_stdio_name(datas[i]);
    /* the same file twice would be every row a duplicate; standard input
     * is read once */
    if (cli_data_twice("run", datas, ndata))
        return EXIT_USAGE;
    const char *data = datas[0];
    /* -o, given once or more; none is the results on standard output,
     * as -o - (outs has room for one more than were given) */
    bool out_stdout = false;
    if (!nouts)
        outs[nouts++].path = NULL;
    for (size_t i = 0; i < nouts; i++)
        if (outs[i].path && strcmp(outs[i].path, "-") == 0) {
            outs[i].path = NULL;
            out_stdout = true;
        }
    if (outs_twice(outs, nouts))
        return EXIT_USAGE;
    if (ro.store_rows && !ro.store)
        return cli_usage_error("run", "%s--store-rows is for the results history: give --store DB too", "");
    /* the history is a database: '-' is no stream for it (it was a file
     * named '-' in the current directory) */
    if (ro.store && strcmp(ro.store, "-") == 0)
        return cli_usage_error("run", "%s--store - : the results history is a database file, not standard "
                                  "output; name a file (./- for one named -)", "");
    /* --engine, else $PLANC_ENGINE, else auto */
    bool engine_env = false;
    if (!engine && getenv("PLANC_ENGINE") && *getenv("PLANC_ENGINE")) {
        engine = getenv("PLANC_ENGINE");
        engine_env = true;
    }
    if (!engine)
        engine = "auto";
    if (strcmp(engine, "auto") != 0 && strcmp(engine, "interp") != 0 && strcmp(engine, "jit") != 0)
        return cli_usage_error("run", engine_env ? "unknown engine '%s' in PLANC_ENGINE (available: "
                                               "auto, jit, interp)"
                                             : "unknown engine '%s' (available: auto, jit, interp)",
                               engine);
    /* each output's format: --format, else the one its name asks for */
    const char *first_document = NULL; /* the first workbook or page */
    bool all_csv = true, any_table = false; /* any csv or json */
    for (size_t k = 0; k < nouts; k++) {
        const char *out = outs[k].path;
        run_output one = ro;
        if (settle_format(&one, out) != EXIT_OK)
            return EXIT_USAGE;
        outs[k].format = one.format;
        /* the results would replace an input (the file is renamed over it) */
        for (size_t i = 0; i < ndata; i++)
            if (out && fio_same_file(out, datas[i]))
                return cli_usage_error("run", "the output '%s' is the data file (--data): write the results elsewhere", out);
        if (out && fio_same_file(out, rules))
            return cli_usage_error("run", "the output '%s' is the rules file: write the results elsewhere", out);
        /* by place: neither may be there yet (-o h.db --store h.db wrote
         * the results, then read them as a database: 'not a database') */
        if (out && ro.store && one_place(out, ro.store))
            return cli_usage_error("run", "the output '%s' is the history database (--store): write the results elsewhere", out);
        /* A workbook or a page holds every roll-up, and is no text for a
         * terminal: it needs -o. */
        bool document = strcmp(one.format, "xlsx") == 0 || strcmp(one.format, "html") == 0;
        if (document && !out)
            return cli_usage_error("run", out_stdout ? "--format %s is a file, not text for standard output "
                                                   "(-o -): name one (-o FILE)"
                                                 : "--format %s needs an output file (-o FILE)",
                                   one.format);
        if (document && !first_document)
            first_document = one.format;
        all_csv &= strcmp(one.format, "csv") == 0;
        any_table |= !document;
    }
    ro.outs = outs;
    ro.nouts = nouts;
    ro.path = outs[0].path;
    ro.format = outs[0].format;
    for (size_t i = 0; i < ndata; i++)
        if (ro.store && (fio_same_file(ro.store, datas[i]) || fio_same_file(ro.store, rules)))
            return cli_usage_error("run", "the history database '%s' (--store) is an input file of the run", ro.store);
    bool document = first_document != NULL;
    /* of several outputs, --rollup is the CSV's and the JSON's */
    if (ro.rollup && !any_table)
        return cli_usage_error("run", "--rollup is for csv and json (--format %s holds every roll-up)",
                               first_document);
    /* the CSV and the JSON are read by programs: their keys and status
     * codes stay English whatever a reader's language; --lang then gives
     * the messages on stderr (the rules' and the data's) in it */
    /* --year picks a roll-up's year; the CSV results hold every year, so
     * there it would be silently ignored */
    if (ro.year && !ro.rollup && all_csv)
        return cli_usage_error("run", "--year picks the year of a roll-up (--rollup KIND, or "
                               "--format json, xlsx or html); the %s results hold every year", "CSV");

    compilation c;
    pl_compilation_init(&c);
    c.ir_only = true;
    /* the messages' language: --lang, else PLANC_LANG or the locale; a
     * workbook's or a page's is --lang's alone (ro.lang) */
    lbl_lang mlang = msgcat_lang();
    c.diag.lang = mlang; /* the rules' messages' level words, as the data's */
    c.settings = dopt.set;
    c.nsettings = dopt.nset;
    c.diag.seen = &c.seen; /* the readings' rules below print its diagnostics once more: no */
    int rc = pl_compile(&c, rules);
    /* --warnings-as-errors: the rules' warnings are errors in the rules */
    if (rc == EXIT_OK)
        rc = cli_warnings_gate((unsigned)c.diag.nfatal, EXIT_RULES);
    if (rc != EXIT_OK) {
        pl_compilation_free(&c);
        return rc;
    }
    /* nor a file the rules imported (known once they are read) */
    for (size_t k = 0; k < nouts; k++)
        for (size_t i = 1; outs[k].path && i < c.nrules_names; i++)
            if (fio_same_file(outs[k].path, c.diag.files[i].name)) {
                csv_message(stderr, "planc: error: the output '%s' is a rules file ('%s', read by the "
                                "rules): write the results elsewhere\n", outs[k].path, c.diag.files[i].name);
                pl_compilation_free(&c);
                return EXIT_USAGE;
            }
    /* The history database is opened before the data is scored, so that a
     * wrong file is reported at once. */
    store *db = NULL;
    store_failure why;
    if (ro.store && !(db = store_open_why(ro.store, true, &why, stderr))) {
        pl_compilation_free(&c);
        return why == STORE_FAIL_FILE ? EXIT_USAGE : EXIT_WRITE;
    }

    /* The JIT: the rules' bytes are part of the cache key, with the
     * program itself (jit.h).  The rules compile on a thread of their own
     * while the data loads.  --engine auto takes the code from the cache
     * when it is there, else compiles only when that pays for the rows
     * (choose_engine): at once when the data file is clearly large enough,
     * else once the data is loaded and its rows are counted. */
    jit_job jj = {0};
    char *cache_dir = NULL;
    cache_key rules_key;
    double t_key = 0;
    bool is_auto = strcmp(engine, "auto") == 0;
    jit_engine *cached = NULL;
    jit_options jo = {0};
    if (is_auto || strcmp(engine, "jit") == 0) {
        t_key = pl_now_ms();
        cache_dir = use_cache ? cache_default_dir(stderr, mlang) : NULL;
        rules_key = rules_digest(&c);
        jo = (jit_options){.cache_dir = cache_dir, .source = rules_key.b,
                           .source_len = sizeof rules_key.b, .lang = mlang};
        if (is_auto) {
            cached = jit_cached(c.ir, &jo, stderr);
            /* a compile after a miss warns about the cache no more */
            jo.looked_up = true;
        }
        t_key = pl_now_ms() - t_key;
    }
    engine_choice choice = {.is_auto = is_auto, .cached = cached != NULL};
    if (strcmp(engine, "jit") == 0 ||
        (is_auto && !cached && ndata == 1 && large_data(c.ir, data, &choice))) {
        jit_job_start(&jj, c.ir, &jo);
        if (!jj.started && !jj.jit) {
            free(cache_dir);
            store_close(db);
            pl_compilation_free(&c);
            return EXIT_INTERNAL;
        }
    }
    bool overlapped = jj.started;

    /* the progress line is for a terminal, not a message: not read by
     * errstream.h, and none amid JSON */
    progress *pg = progress_start(es_terminal(), quiet || cli_diag_opts.json);
    double t_load = pl_now_ms();
    /* The data's messages are held while the compile runs, so that they
     * come after the compile's, as if the two ran one after the other. */
    fio_held *load_held = overlapped ? fio_hold_open(stderr) : NULL;
    /* the history and the documents (json, xlsx, html) give the data's hash */
    dopt.load.digest = db != NULL || !all_csv;
    dopt.load.threads = jobs; /* the records are parsed on -j threads too */
    dopt.load.lang = mlang; /* the data's messages in the rules' messages' language */
    compilation *rcs = calloc(ndata, sizeof *rcs);
    const ir_program **readers = calloc(ndata, sizeof *readers);
    if (!rcs || !readers) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    int read_rc = pl_compile_readers(withs, datas, ndata, c.ir, mlang, &c.seen, rcs, readers);
    c.diag.seen = NULL; /* the data's warnings at the rules' lines: each its own */
    for (size_t i = 0; read_rc == EXIT_OK && i < ndata; i++)
        if (readers[i] && !rt_table_reader_ok(c.ir, readers[i], withs[i], datas[i], mlang, stderr))
            read_rc = EXIT_RULES;
    /* the rules each file is read with warned: errors in the rules */
    unsigned reader_warnings = 0;
    for (size_t i = 0; i < ndata; i++)
        reader_warnings += (unsigned)rcs[i].diag.nfatal;
    if (read_rc == EXIT_OK)
        read_rc = cli_warnings_gate(reader_warnings, EXIT_RULES);
    /* each reading's rules by hash, for the history (their compilations
     * go before the data is scored) */
    char **with_hashes = rt_xcalloc(ndata, sizeof *with_hashes);
    char **with_manifests = rt_xcalloc(ndata, sizeof *with_manifests);
    store_file **with_texts = rt_xcalloc(ndata, sizeof *with_texts);
    size_t *nwith_texts = rt_xcalloc(ndata, sizeof *nwith_texts);
    for (size_t i = 0; read_rc == EXIT_OK && i < ndata; i++)
        if (readers[i]) {
            with_hashes[i] = rt_xmalloc(65, 1);
            with_manifests[i] = pl_rules_hash(&rcs[i], with_hashes[i]);
            if (db)
                with_texts[i] = copy_texts(&rcs[i], &nwith_texts[i]);
        }
    rt_table *table = read_rc != EXIT_OK ? NULL
                      : rt_table_load_many(c.ir, datas, readers, ndata, &dopt.load,
                                           load_held ? fio_hold_stream(load_held) : stderr);
    pl_free_readers(rcs, ndata);
    free(rcs);
    free(readers);
    t_load = pl_now_ms() - t_load;
    double t_wait = pl_now_ms();
    jit_engine *jit = cached ? cached : jit_job_finish(&jj);
    /* auto, with no code cached and no compile started: the rows decide */
    if (is_auto && !jit && !jj.p && table && compiling_pays(c.ir, rt_table_nrows(table), &choice)) {
        jit_job_start(&jj, c.ir, &jo);
        jit = jit_job_finish(&jj);
    }
    t_wait = pl_now_ms() - t_wait;
    /* what the scoring holds, freed at `out` however the run ends */
    rt_result *res = NULL;
    bool *judged = NULL;
    report_ungraded ungraded = {0};
    if (jj.p && !jit) {
        /* Nothing could be scored: the data's messages are dropped, as
         * they were never reached when the compile ran first. */
        progress_stop(pg);
        fio_hold_close(load_held);
        rc = EXIT_INTERNAL;
        goto out;
    }
    if (load_held)
        fio_hold_release(load_held);
    fio_hold_close(load_held);
    if (!table) {
        progress_stop(pg);
        rc = read_rc != EXIT_OK ? read_rc : EXIT_DATA;
        goto out;
    }
    progress_set_total(pg, rt_table_nrows(table));
    /* of several files, about the whole table: no one file is its place */
    if (rt_table_nrows(table) == 0 && rt_table_nfiles(table) > 1)
        warn_message(stderr, WARN_NOTHING_TO_SCORE, msgcat_get(dopt.load.lang, "planc: warning: no rows to score in any of the files (%s)\n"),
                    rt_table_path(table));
    else if (rt_table_nrows(table) == 0)
        warn_message(stderr, WARN_NOTHING_TO_SCORE, lbl_get(dopt.load.lang, LBL_W_NO_ROWS), rt_table_path(table));
    dw_warn_fractions(&c, table, dopt.load.lang, false);
    dw_warn_no_base(&c, table, dopt.load.lang);
    dw_warn_unit_factor(&c, table, dopt.load.lang, false);
    rt_options rto = {.threads = jobs};
    rt_timings rtt;
    const exec_engine *scorer = jit ? jit_exec_engine(jit) : interp_engine();
    const exec_engine *eng = progress_engine(pg, scorer, c.ir);
    double t_report = pl_now_ms();
    bool streamed = streamable(c.ir, &ro, db);
    judged = calloc(c.ir->ntargets + 1, sizeof *judged);
    if (!judged) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    if (streamed) {
        rc = stream_output(c.ir, table, eng, scorer, &rto, &rtt, &ro, judged, &ungraded);
        progress_stop(pg);
        t_report = pl_now_ms() - t_report - rtt.kernel;
    } else {
        res = rt_run_opts(c.ir, table, eng, &rto, &rtt, stderr);
        progress_stop(pg);
        /* a number that overflowed is a data error, not an inf written */
        bool failed = !res || rt_check_overflow(c.ir, table, res, stderr);
        if (!failed) {
            t_report = pl_now_ms();
            report_mark_judged(c.ir, res, 0, rt_table_nrows(table), judged);
            report_mark_ungraded(c.ir, table, res, 0, rt_table_nrows(table), &ungraded);
            /* --warnings-as-errors: the warnings about the results come
             * before they are written, which they then stop */
            if (warn_any_fatal()) {
                dw_warn_unjudged(&c, table, judged, dopt.load.lang);
                dw_warn_ungraded(c.ir, table, &ungraded, dopt.load.lang);
            }
            failed = cli_warnings_gate(cli_counted_warnings(), EXIT_DATA) != EXIT_OK;
        }
        if (failed) {
            rc = EXIT_DATA;
            goto out;
        }
        char *opts = cli_data_options_text(&dopt);
        ro.data_options = opts;
        char *shown = cli_data_names(datas, withs, ndata);
        ro.datas = datas;
        ro.withs = withs;
        ro.ndata = ndata;
        ro.with_hashes = (const char *const *)with_hashes;
        ro.with_manifests = (const char *const *)with_manifests;
        ro.with_texts = with_texts;
        ro.nwith_texts = nwith_texts;
        rc = write_output(&c, rules, shown ? shown : rt_table_path(table), table, res, &ro, db);
        free(shown);
        free(opts);
        t_report = pl_now_ms() - t_report + rtt.check;
    }
    if (rc == EXIT_OK && !warn_any_fatal()) {
        dw_warn_unjudged(&c, table, judged, dopt.load.lang);
        dw_warn_ungraded(c.ir, table, &ungraded, dopt.load.lang);
    }
    /* a reader whose locale speaks Chinese, handed an English document
     * it did not ask for: how to get the Chinese one (the document's
     * language is --lang's alone, docs/OUTPUT.md §1) */
    if (rc == EXIT_OK && document && !ro.lang_given && mlang != ro.lang) {
        es_end_message(); /* a note of its own, not the last warning's */
        csv_message(stderr, msgcat_get(mlang, strcmp(first_document, "xlsx") == 0
                                                  ? "planc: note: the workbook is in English: give --lang zh for "
                                                    "its words in Chinese (a document's language is --lang's, not "
                                                    "the locale's)\n"
                                                  : "planc: note: the page is in English: give --lang zh for its "
                                                    "words in Chinese (a document's language is --lang's, not the "
                                                    "locale's)\n"));
    }

    /* The cache's shared object, if one is being linked, is part of the
     * run's time. */
    jit_cache_wait(jit);
    if (timings) {
        jit_timings jt;
        if (jit)
            jt = jit_get_timings(jit);
        print_compile_timings(&c, jit ? &jt : NULL, t_key);
        if (!jit && is_auto)
            print_timing("cache", t_key, cache_dir ? "miss" : "off");
        print_timing("load", t_load, overlapped ? "overlapped with jit" : NULL);
        if (jit)
            print_timing("wait", t_wait, NULL);
        char note[256];
        kernel_note(note, sizeof note, rtt.threads, &choice);
        print_timing("kernel", rtt.kernel, note);
        print_timing("barriers", rtt.barriers, NULL);
        print_timing("report", t_report, streamed ? "streamed" : NULL);
        print_timing("total", pl_now_ms() - t_start, NULL);
    }

    rt_result_free(res);
    res = NULL;
    /* a failure of the compiled code's cleanup fails a run that scored
     * (one that failed before has its own exit code) */
    if (jit_dispose(jit) != 0)
        rc = EXIT_INTERNAL;
    jit = NULL;
out:
    free(judged);
    free(ungraded.rows);
    cli_free_strings(with_hashes, ndata);
    cli_free_strings(with_manifests, ndata);
    free_all_texts(with_texts, nwith_texts, ndata);
    rt_result_free(res);
    jit_dispose(jit);
    jit_job_close(&jj);
    rt_table_free(table);
    free(cache_dir);
    store_close(db);
    pl_compilation_free(&c);
    /* --warnings-as-errors: a warning said once the results were written
     * (the history's after recording) fails the run too, though the
     * results stay; the cache's, as it stores the compiled code, do not
     * count (cli_counted_warnings) */
    if (rc == EXIT_OK)
        rc = cli_warnings_gate(cli_counted_warnings(), EXIT_DATA);
    return rc;
}
