/* cmd_explain.c — planc explain: how each score of one region and
 * year was derived, with the numbers filled in. */
#include "cmd.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cliopt.h"
#include "csv.h"
#include "exec.h"
#include "explain.h"
#include "ir.h"
#include "msgcat.h"
#include "report.h"
#include "rtmem.h"
#include "table.h"
#include "cli.h"
#include "pipeline.h"

/* Reads a value given once (explain's --region) into the const char * at
 * `where`. */
static int take_once(const char *cmd, void *where, const char *opt, const char *v)
{
    const char **once = where;
    if (*once)
        return cli_usage_error(cmd, "option '%s' given twice", opt);
    *once = v;
    return 0;
}

/* The name an adaptation gave what was called `name` before (a base's
 * renames first, then its adaptation's: from[k] became to[k]), or NULL
 * when none renamed it. */
static const char *renamed_as(const char *const *from, const char *const *to, uint32_t n, const char *name)
{
    const char *now = NULL;
    for (uint32_t k = 0; k < n; k++)
        if (strcmp(now ? now : name, from[k]) == 0)
            now = to[k];
    return now;
}

/* Notes on why region r has no rows in table t (explain_resolve): the
 * names its rows are looked for under, in which column, and what the
 * files read hold (how many rows, of how many regions, which years), so
 * that a reader sees whether the data lacks the region or calls it
 * otherwise; and, when rows of undeclared regions were skipped
 * (--skip-unknown-regions), that a row naming it otherwise would have been
 * among them, and how an alias reads it. */
static void explain_no_rows_note(const ir_program *p, const rt_table *t, uint32_t r, bool skipping, lbl_lang lang)
{
    const ir_region *g = &p->regions[r];
    char *names = NULL;
    size_t nlen = 0;
    FILE *f = open_memstream(&names, &nlen);
    if (!f)
        return;
    fprintf(f, "'%s'", g->name);
    for (uint32_t a = 0; a < g->naliases; a++)
        fprintf(f, "%s'%s'", msgcat_get(lang, ", "), g->aliases[a]);
    fclose(f);
    size_t n = rt_table_nrows(t), nregions = 0;
    int lo = 0, hi = 0;
    bool *seen = calloc(p->nregions ? p->nregions : 1, sizeof *seen);
    for (size_t i = 0; i < n; i++) {
        if (rt_table_line(t, i) == 0)
            continue; /* a row planc added, not read */
        int y = rt_table_year(t, i);
        lo = !lo || y < lo ? y : lo;
        hi = y > hi ? y : hi;
        uint32_t q = rt_table_region(t, i);
        if (seen && q < p->nregions && !seen[q]) {
            seen[q] = true;
            nregions++;
        }
    }
    free(seen);
    size_t nfiles = rt_table_nfiles(t);
    csv_message(stderr, msgcat_get(lang, "note: a row of %s names it in the column '%s' as %s; no row of the "
                                         "%zu file%s read does:"),
                g->name, p->region_key, names, nfiles, nfiles == 1 ? "" : "s");
    for (size_t i = 0; i < nfiles; i++)
        csv_message(stderr, "%s%s", i ? msgcat_get(lang, ", ") : " ", rt_table_file_path(t, i));
    if (lo)
        csv_message(stderr, msgcat_get(lang, " (their rows: %zu region%s of the rules, years %d..%d)\n"), nregions,
                    nregions == 1 ? "" : "s", lo, hi);
    else
        csv_message(stderr, msgcat_get(lang, " (they have no rows of the rules' regions)\n"));
    if (skipping)
        csv_message(stderr, msgcat_get(lang, "note: --skip-unknown-regions skipped the rows of regions the rules "
                                             "do not declare: if the data calls %s otherwise (a full name, "
                                             "another script), those rows were among them; give the region "
                                             "that name as an alias (alias \"NAME\" at the end of its declaration), "
                                             "or run "
                                             "without the option to have each such name reported\n"),
                    g->name);
    free(names);
}

/* Finds the row and target planc explain was asked about, saying what is
 * wrong (with a did-you-mean) when there is none.  Returns an exit code. */
static int explain_resolve(const ir_program *p, const rt_table *t, const char *region,
                           int year, const char *target, long *row, long *ti, bool skipping, lbl_lang lang)
{
    const char *near[3];
    int nnear;
    if (region[strspn(region, " \t")] == '\0') {
        /* no name to find, and none near it: every region is "near" '' */
        csv_message(stderr, msgcat_get(lang, "planc: error: --region is empty; give a region's name as the rules "
                        "declare it (e.g. '%s')\n"), p->nregions ? p->regions[0].name : "沈阳");
        return EXIT_USAGE;
    }
    long r = explain_find_region(p, region, near, &nnear);
    /* a region the rules dropped, renamed or replaced (by its name or an
     * alias the base gave it) */
    const char *renamed = NULL, *dropped, *dropped_at, *alias_of = NULL;
    int fate = r < 0 ? ir_region_fate(p, region, strlen(region), &renamed, &dropped, &dropped_at, &alias_of) : 0;
    if (fate == 2) {
        csv_message(stderr, msgcat_get(lang, "planc: error: region '%s' was dropped by the rules\n"), region);
        ir_region_drop_note(stderr, lang, region, strlen(region), dropped, dropped_at, alias_of);
        return EXIT_USAGE;
    }
    if (r < 0) {
        csv_message(stderr, msgcat_get(lang, "planc: error: unknown region '%s'\n"), region);
        if (fate == 1 && alias_of)
            csv_message(stderr, msgcat_get(lang, "note: '%s' is an alias of region '%s'; the rules call it '%s' (an adaptation "
                            "renamed or replaced it)\n"), region, alias_of, renamed);
        else if (fate == 1)
            csv_message(stderr, msgcat_get(lang, "note: the rules call it '%s' (an adaptation renamed or replaced it)\n"), renamed);
        else
            explain_suggest_note(stderr, lang, near, nnear);
        return EXIT_USAGE;
    }
    /* the region's years, for the default and for the message: the last
     * year of its data, else of the rows planc added for it (a parent
     * region of a share target: docs/LANGUAGE.md §6) */
    size_t n = rt_table_nrows(t);
    int last = 0, last_added = 0;
    for (size_t i = 0; i < n; i++)
        if (rt_table_region(t, i) == (uint32_t)r) {
            if (rt_table_line(t, i) != 0)
                last = rt_table_year(t, i);
            else
                last_added = rt_table_year(t, i);
        }
    if (!year)
        year = last ? last : last_added;
    if (!year) {
        csv_message(stderr, msgcat_get(lang, "planc: error: %s has no row for %s\n"), rt_table_path(t),
                p->regions[r].name);
        explain_no_rows_note(p, t, (uint32_t)r, skipping, lang);
        return EXIT_USAGE;
    }
    *row = rt_table_find(t, (uint32_t)r, year);
    if (*row < 0) {
        csv_message(stderr, msgcat_get(lang, "planc: error: %s has no row for %s in %d"), rt_table_path(t),
                p->regions[r].name, year);
        /* " (its years: 2019..2021, 2023)", in lang */
        const char *sep = msgcat_get(lang, " (its years: ");
        bool any = false;
        int run_start = 0, prev = 0;
        for (size_t i = 0; i <= n; i++) {
            bool mine = i < n && rt_table_region(t, i) == (uint32_t)r;
            int y = mine ? rt_table_year(t, i) : 0;
            if (mine && run_start && y == prev + 1) {
                prev = y;
                continue;
            }
            if (run_start) {
                if (prev > run_start)
                    csv_message(stderr, msgcat_get(lang, "%s%d..%d"), sep, run_start, prev);
                else
                    csv_message(stderr, msgcat_get(lang, "%s%d"), sep, run_start);
                sep = msgcat_get(lang, ", ");
                any = true;
                run_start = 0;
            }
            if (mine)
                run_start = prev = y;
        }
        csv_message(stderr, "%s\n", msgcat_get(lang, any ? ")" : " (it has no rows)"));
        if (!any)
            explain_no_rows_note(p, t, (uint32_t)r, skipping, lang);
        return EXIT_USAGE;
    }
    *ti = -1;
    if (target) {
        *ti = explain_find_target(p, target, near, &nnear);
        if (*ti < 0) {
            csv_message(stderr, msgcat_get(lang, "planc: error: unknown target '%s'\n"), target);
            /* `--target 森林覆盖率`: the indicator, not the target that measures it */
            char *on = NULL;
            size_t onlen = 0;
            FILE *ons = open_memstream(&on, &onlen);
            for (uint32_t i = 0; ons && i < p->ntargets; i++)
                if (p->targets[i].measured_src && strcmp(p->targets[i].measured_src, target) == 0)
                    fprintf(ons, "%s%s", ftell(ons) ? msgcat_get(lang, ", ") : "", p->targets[i].name);
            if (ons)
                fclose(ons);
            const char *now = renamed_as(p->renamed_from, p->renamed_to, p->nrenames, target);
            if (now)
                csv_message(stderr, msgcat_get(lang, "note: the rules call it '%s' (an adaptation renamed it)\n"), now);
            else if (on && on[0])
                csv_message(stderr, msgcat_get(lang, "note: the targets that measure '%s': %s\n"), target, on);
            else
                explain_suggest_note(stderr, lang, near, nnear);
            free(on);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

/* The explanation's command line as read (cmd_explain). */
typedef struct explain_args {
    const char *rules, *region, *year_s, *target, *format;
    const char **datas;     /* the --data files, ndata of them */
    const char **withs;     /* the rules each is read with (--read-with), NULL: none */
    size_t ndata;
    lbl_lang lang;
    bool lang_given;
    data_options dopt;
} explain_args;

static int explain_files(explain_args *ea);

/* planc explain's command line (explain_command), read into explain_args
 * (explain_files) once it is whole. */
typedef struct explain_cli {
    cliopt_list rules; /* the one rules file */
    data_files files;  /* --data FILE [--read-with RULES], given again, as for planc run */
    const char *region, *year, *target, *format;
    cliopt_lang lang;  /* --lang, else PLANC_LANG or the locale */
    data_options dopt;
} explain_cli;

/* planc explain's options besides the diagnostics' (cli_parse_diag_option). */
static const cliopt_option explain_options[] = {
    DATA_FILE_ROWS(explain_cli),
    DATA_OPTION_ROWS(explain_cli),
    {"--region", NULL, CLIOPT_CALL, offsetof(explain_cli, region), take_once},
    {"--year", NULL, CLIOPT_STRING, offsetof(explain_cli, year), NULL},
    {"--target", NULL, CLIOPT_STRING, offsetof(explain_cli, target), NULL},
    {"--format", NULL, CLIOPT_STRING, offsetof(explain_cli, format), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(explain_cli, lang), NULL},
    END_OF_OPTIONS,
};

/* planc explain's command line: one rules file. */
static const cliopt_command explain_command = {
    "explain", explain_options, cli_parse_diag_option, true, offsetof(explain_cli, rules), 1,
    "unexpected argument '%s' (one rules file)", cli_usage_error,
};

/* planc explain RULES --data CSV... --region R [--year Y] [--target NAME]
 *               [--format text|json] */
int cmd_explain(int argc, char **argv)
{
    const char *rules[1] = {NULL};
    explain_cli a = {.rules.v = rules, .format = "text", .lang = {msgcat_lang(), false}};
    a.files.data.v = rt_xcalloc((size_t)argc + 1, sizeof *a.files.data.v);
    a.files.withs = rt_xcalloc((size_t)argc + 1, sizeof *a.files.withs);
    int rc;
    if (cli_read_command_line(&explain_command, &a, argc, argv, &rc) &&
        (rc = cli_settle_diag_options("explain", a.lang.lang, true)) == EXIT_OK) {
        explain_args ea = {.rules = rules[0], .region = a.region, .year_s = a.year, .target = a.target,
                           .format = a.format, .datas = a.files.data.v, .withs = a.files.withs,
                           .ndata = a.files.data.n, .lang = a.lang.lang, .lang_given = a.lang.given,
                           .dopt = a.dopt};
        rc = explain_files(&ea);
    }
    free(a.files.data.v);
    free(a.files.withs);
    return rc;
}

/* planc explain, its command line read. */
static int explain_files(explain_args *ea)
{
    const char *rules = ea->rules, *region = ea->region, *year_s = ea->year_s;
    const char *target = ea->target, *format = ea->format;
    lbl_lang lang = ea->lang;
    bool lang_given = ea->lang_given;
    data_options dopt = ea->dopt;
    if (!rules)
        return cli_usage_error("explain", "%sno rules file given", "");
    if (!ea->ndata)
        return cli_usage_error("explain", "%sno data given (--data CSV)", "");
    for (size_t i = 0; i < ea->ndata; i++)
        ea->datas[i] = cli_stdio_name(ea->datas[i]);
    if (cli_data_twice("explain", ea->datas, ea->ndata))
        return EXIT_USAGE;
    if (!region)
        return cli_usage_error("explain", "%sno region given (--region R)", "");
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return cli_usage_error("explain", "unknown format '%s' (available: text, json)", format);
    /* the JSON explanation is for programs: its texts stay English */
    if (lang_given && strcmp(format, "json") == 0)
        return cli_usage_error("explain", "--lang is for the text explanation: %s keeps its "
                                      "English texts for programs", "--format json");
    if (strcmp(format, "json") == 0)
        lang = cli_programs_lang(); /* whatever PLANC_LANG or the locale say */
    int year = 0;
    if (year_s && !(year = cli_parse_year_arg(year_s)))
        return cli_usage_error("explain", "bad year '%s' (a whole number from 1 to 9999)", year_s);

    compilation c;
    pl_compilation_init(&c);
    c.explained = true;
    c.diag.lang = lang; /* the rules' messages' level words, as the data's */
    c.settings = dopt.set;
    c.nsettings = dopt.nset;
    c.diag.seen = &c.seen; /* the readings' rules below print its diagnostics once more: no */
    int rc = pl_compile(&c, rules);
    if (rc == EXIT_OK) /* --warnings-as-errors, as planc run */
        rc = cli_warnings_gate((unsigned)c.diag.nfatal, EXIT_RULES);
    if (rc != EXIT_OK) {
        pl_compilation_free(&c);
        return rc;
    }
    dopt.load.keep_texts = true; /* a mapped cell is shown as the file wrote it */
    dopt.load.digest = strcmp(format, "json") == 0; /* the JSON's source.data_sha256 */
    dopt.load.lang = lang;       /* the data's messages in the explanation's language */
    compilation *rcs = calloc(ea->ndata, sizeof *rcs);
    const ir_program **readers = calloc(ea->ndata, sizeof *readers);
    if (!rcs || !readers) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    int read_rc = pl_compile_readers(ea->withs, ea->datas, ea->ndata, c.ir, lang, &c.seen, rcs, readers);
    c.diag.seen = NULL; /* the data's warnings at the rules' lines: each its own */
    for (size_t i = 0; read_rc == EXIT_OK && i < ea->ndata; i++)
        if (readers[i] && !rt_table_reader_ok(c.ir, readers[i], ea->withs[i], ea->datas[i], lang, stderr))
            read_rc = EXIT_RULES;
    unsigned reader_warnings = 0;
    for (size_t i = 0; i < ea->ndata; i++)
        reader_warnings += (unsigned)rcs[i].diag.nfatal;
    if (read_rc == EXIT_OK)
        read_rc = cli_warnings_gate(reader_warnings, EXIT_RULES);
    rt_table *table = read_rc != EXIT_OK ? NULL
                      : rt_table_load_many(c.ir, ea->datas, readers, ea->ndata, &dopt.load, stderr);
    /* each reading's rules by hash, for the JSON's source.data_files */
    char **with_hashes = rt_xcalloc(ea->ndata, sizeof *with_hashes);
    char **with_manifests = rt_xcalloc(ea->ndata, sizeof *with_manifests);
    for (size_t i = 0; table && i < ea->ndata; i++)
        if (readers[i]) {
            with_hashes[i] = rt_xmalloc(65, 1);
            with_manifests[i] = pl_rules_hash(&rcs[i], with_hashes[i]);
        }
    pl_free_readers(rcs, ea->ndata);
    free(rcs);
    free(readers);
    if (!table) {
        pl_compilation_free(&c);
        cli_free_strings(with_hashes, ea->ndata);
        cli_free_strings(with_manifests, ea->ndata);
        return read_rc != EXIT_OK ? read_rc : EXIT_DATA;
    }
    rt_result *res = rt_run(c.ir, table, interp_engine(), stderr);
    /* a number that overflowed is the data error of planc run, not an
     * inf explained */
    if (!res || rt_check_overflow(c.ir, table, res, stderr)) {
        rt_result_free(res);
        rt_table_free(table);
        pl_compilation_free(&c);
        cli_free_strings(with_hashes, ea->ndata);
        cli_free_strings(with_manifests, ea->ndata);
        return EXIT_DATA;
    }
    long row = -1, ti = -1;
    rc = explain_resolve(c.ir, table, region, year, target, &row, &ti, dopt.load.skip_unknown_regions, lang);
    if (rc == EXIT_OK)
        rc = cli_warnings_gate(cli_counted_warnings(), EXIT_DATA);
    if (rc == EXIT_OK) {
        /* the JSON says what it explains, by hash, as the results' does */
        char rhash[65];
        char *manifest = pl_rules_hash(&c, rhash);
        char *dopts = cli_data_options_text(&dopt);
        char *shown = cli_data_names(ea->datas, ea->withs, ea->ndata);
        report_data_file *data_files = cli_data_file_list(ea->datas, ea->withs, (const char *const *)with_hashes,
                                                          (const char *const *)with_manifests, ea->ndata, table);
        report_source src = {.rules = rules, .rules_sha256 = rhash, .rules_files = manifest,
                             .data = shown ? shown : rt_table_path(table),
                             .data_sha256 = rt_table_sha256(table), .data_files = data_files,
                             .ndata_files = ea->ndata, .data_options = dopts};
        int w = strcmp(format, "json") == 0
                    ? explain_json(c.ir, table, res, (size_t)row, ti, &src, stdout, stderr)
                    : explain_text(c.ir, table, res, (size_t)row, ti, lang, stdout, stderr);
        free(manifest);
        free(dopts);
        free(shown);
        free(data_files);
        if (w == -2)
            rc = EXIT_INTERNAL;
        else if (w != 0 || cli_stdout_failed()) {
            csv_message(stderr, "planc: error: cannot write the explanation: %s\n", msgcat_strerror(msgcat_lang(), errno));
            rc = EXIT_WRITE;
        }
    }
    rt_result_free(res);
    rt_table_free(table);
    pl_compilation_free(&c);
    cli_free_strings(with_hashes, ea->ndata);
    cli_free_strings(with_manifests, ea->ndata);
    return rc;
}
