/* cmd_template.c — planc template: the blank data file the rules
 * read, with the columns a region's rows need. */
#include "cmd.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cliopt.h"
#include "csv.h"
#include "diag.h"
#include "explain.h"
#include "fileio.h"
#include "ir.h"
#include "msgcat.h"
#include "ofile.h"
#include "xlsx_read.h"
#include "table.h"
#include "template.h"
#include "template_xlsx.h"
#include "errstream.h"
#include "cli.h"
#include "datawarn.h"
#include "pipeline.h"

/* Reads --years A-B (or A) into *from, *to: years 1..9999, A <= B.
 * Returns false for anything else; *reversed says the two years were
 * good but given later first (2030-2020), which the error then names. */
static bool parse_years(const char *s, int *from, int *to, bool *reversed)
{
    char *end;
    errno = 0;
    long a = strtol(s, &end, 10);
    long b = a;
    if (end == s || errno)
        return false;
    if (*end == '-' || *end == '.') {
        const char *t = end + (end[0] == '.' && end[1] == '.' ? 2 : 1);
        if (*t < '0' || *t > '9')
            return false;
        b = strtol(t, &end, 10);
    }
    *reversed = !*end && !errno && b >= 1 && a <= 9999 && a > b;
    if (*end || errno || a < 1 || b > 9999 || a > b)
        return false;
    *from = (int)a;
    *to = (int)b;
    return true;
}

/* Reads template's `--years A-B` (parse_years) into the int[2] at `where`:
 * the first year and the last. */
static int take_years(const char *cmd, void *where, const char *opt, const char *v)
{
    int *years = where;
    bool reversed = false;
    (void)opt;
    if (!parse_years(v, &years[0], &years[1], &reversed))
        return cli_usage_error(cmd,
                               reversed ? "--years '%s' has its years reversed: give the earlier year first "
                                      "(2019-2024, not 2024-2019)"
                                    : "bad --years '%s' (a year, or two joined by '-': 2019-2024)",
                               v);
    return 0;
}

/* Reads --encoding NAME (a name iconv knows, once) into the encoding at
 * `where`. */
static int take_encoding(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    return cli_take_encoding_name(cmd, where, v);
}

/* planc template's command line (template_command). */
typedef struct template_args {
    cliopt_list rules;   /* the one rules file */
    cliopt_list regions; /* --region R, given again */
    cliopt_list na;      /* --na TEXT, given again */
    cliopt_list checks;  /* --check FILE, given again */
    const char *encoding; /* --encoding NAME: the CSV files --check reads
                             that are not UTF-8, as planc run reads them */
    const char *out;     /* -o OUT */
    int years[2];        /* --years A-B; 0 0: not given */
    bool list;           /* --list */
    cliopt_lang lang;    /* --lang, else PLANC_LANG or the locale */
} template_args;

/* planc template's options besides the diagnostics' (cli_parse_diag_option). */
static const cliopt_option template_options[] = {
    {"--check", NULL, CLIOPT_LIST, offsetof(template_args, checks), NULL},
    {"--na", NULL, CLIOPT_LIST, offsetof(template_args, na), NULL},
    {"--encoding", NULL, CLIOPT_CALL, offsetof(template_args, encoding), take_encoding},
    {"--region", NULL, CLIOPT_LIST, offsetof(template_args, regions), NULL},
    {"--years", NULL, CLIOPT_CALL, offsetof(template_args, years), take_years},
    {"--output", "-o", CLIOPT_STRING, offsetof(template_args, out), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(template_args, lang), NULL},
    {"--list", NULL, CLIOPT_FLAG, offsetof(template_args, list), NULL},
    END_OF_OPTIONS,
};

/* planc template's command line: one rules file. */
static const cliopt_command template_command = {
    "template", template_options, cli_parse_diag_option, true, offsetof(template_args, rules), 1,
    "unexpected argument '%s' (one rules file)", cli_usage_error,
};

/* planc template RULES [--region R]... [--years A-B] [--list] [-o OUT]:
 * the blank data file of the rules' columns for the chosen regions
 * (template.h), or the list of its columns; with --check FILE [--check
 * FILE]..., the files filled in, checked as planc run reads them. */
int cmd_template(int argc, char **argv)
{
    const char *rules_v[1] = {NULL};
    template_args ta = {.rules.v = rules_v, .lang = {msgcat_lang(), false}};
    const char **names = ta.regions.v = calloc((size_t)argc + 1, sizeof *names);
    const char **na = ta.na.v = calloc((size_t)argc + 1, sizeof *na);
    const char **checks = ta.checks.v = calloc((size_t)argc + 1, sizeof *checks);
    if (!names || !na || !checks) {
        csv_message(stderr, "planc: error: out of memory\n");
        free(names);
        free(na);
        free(checks);
        return EXIT_INTERNAL;
    }
    int rc;
    if (!cli_read_command_line(&template_command, &ta, argc, argv, &rc)) {
        free(names);
        free(na);
        free(checks);
        return rc;
    }
    const char *rules = rules_v[0], *out = ta.out;
    uint32_t nnames = (uint32_t)ta.regions.n, nna = (uint32_t)ta.na.n, nchecks = (uint32_t)ta.checks.n;
    bool check = nchecks > 0, list = ta.list;
    int from = ta.years[0], to = ta.years[1];
    lbl_lang lang = ta.lang.lang;
    for (uint32_t i = 0; i < nchecks; i++)
        checks[i] = cli_stdio_name(checks[i]);
    rc = cli_settle_diag_options("template", lang, true);
    /* the messages of --diagnostics json are English (a Chinese one read
     * back from stderr was no message, a note of its whole line); --list
     * keeps its language */
    lbl_lang list_lang = lang;
    if (cli_diag_opts.json)
        lang = LBL_EN;
    if (rc == EXIT_OK && !rules)
        rc = cli_usage_error("template", "%sno rules file given", "");
    if (rc == EXIT_OK && check && (out || list))
        rc = cli_usage_error("template", "%s--check writes no file: it cannot be given with -o or --list", "");
    if (rc == EXIT_OK && nna && !check)
        rc = cli_usage_error("template", "%s--na is for the file --check reads", "");
    if (rc == EXIT_OK && ta.encoding && !check)
        rc = cli_usage_error("template", "%s--encoding is for the file --check reads", "");
    /* a file checked twice (by one name or two) would be each of its rows
     * a duplicate of itself, and the columns it lacks "in no other file"
     * but itself: planc run refuses it so (cli_data_twice) */
    for (uint32_t i = 0; rc == EXIT_OK && i < nchecks; i++)
        for (uint32_t j = 0; j < i && rc == EXIT_OK; j++)
            if (strcmp(checks[i], checks[j]) == 0 || fio_same_file(checks[i], checks[j]))
                rc = cli_usage_error("template", "the file '%s' is given to --check twice (by this name or another): "
                                             "each file is read once", checks[i]);
    /* -o NAME.xlsx: the blank file is a workbook (template_xlsx.h); a
     * macro workbook (.xlsm) Excel opens only with its macros' parts,
     * which planc writes none of */
    bool workbook = out && !list && xlsxr_named(out);
    size_t outlen = out ? strlen(out) : 0;
    /* --list is text: under a workbook's name Excel would not open it,
     * and the blank workbook holds the list already */
    if (rc == EXIT_OK && list && out && xlsxr_named(out))
        rc = cli_usage_error("template", "--list writes text, not a workbook ('%s'): the blank workbook (-o NAME.xlsx "
                                     "without --list) holds the list on its second sheet; write the list as text "
                                     "(-o NAME.txt)", out);
    /* NAME.xls is Excel's old binary format: a CSV under that name is a
     * file Excel warns about, as planc run's results would be */
    const char *named = out ? cli_format_of_name(out) : NULL;
    if (rc == EXIT_OK && named && strcmp(named, "xls") == 0) {
        char msg[512];
        snprintf(msg, sizeof msg, msgcat_tr("the output '%s' is named for the old Excel format (.xls), "
                                            "which planc does not write: name it .xlsx for a workbook"), out);
        rc = cli_usage_error("template", "%s", msg);
    }
    if (rc == EXIT_OK && workbook && strcasecmp(out + outlen - 5, ".xlsm") == 0)
        rc = cli_usage_error("template", "the blank workbook is written as .xlsx, not as a macro workbook: name it "
                                     ".xlsx or .csv ('%s')", out);
    /* the blank file would replace the rules (it is renamed over them),
     * as planc run's results would */
    if (rc == EXIT_OK && out && strcmp(out, "-") != 0 && fio_same_file(out, rules))
        rc = cli_usage_error("template", "the output '%s' is the rules file: write the results elsewhere", out);
    if (rc != EXIT_OK) {
        free(names);
        free(na);
        free(checks);
        return rc;
    }
    /* --check's last line counts the warnings written above it (a file
     * "ok" after warnings read as nothing to mend): errstream counts
     * them, so it is put in place here when no option did (the text
     * stays the same bytes), before the rules' diagnostics take stderr */
    if (check && !cli_diag_opts.no_warnings)
        (void)es_install(cli_diag_opts.json, false, cli_diag_opts.json ? LBL_EN : msgcat_lang());
    compilation c;
    pl_compilation_init(&c);
    c.diag.lang = lang;
    rc = pl_compile(&c, rules);
    /* --warnings-as-errors: the rules' warnings are errors in the rules,
     * before any file is written */
    if (rc == EXIT_OK)
        rc = cli_warnings_gate((unsigned)c.diag.nfatal, EXIT_RULES);
    /* nor a file the rules imported (known once they are read) */
    for (size_t i = 1; rc == EXIT_OK && out && strcmp(out, "-") != 0 && i < c.diag.nfiles; i++)
        if (fio_same_file(out, c.diag.files[i].name)) {
            csv_message(stderr, "planc: error: the output '%s' is a rules file ('%s', read by the "
                            "rules): write the results elsewhere\n", out, c.diag.files[i].name);
            rc = EXIT_USAGE;
        }
    const ir_program *p = c.ir;
    uint32_t *regions = NULL, nregions = 0;
    if (rc == EXIT_OK) {
        regions = calloc((size_t)p->nregions + nnames + 1, sizeof *regions);
        if (!regions) {
            csv_message(stderr, "planc: error: out of memory\n");
            rc = EXIT_INTERNAL;
        }
    }
    /* the chosen regions, each once, in the order given; else every
     * region the data has rows of (a group's row is planc's own) */
    for (uint32_t k = 0; rc == EXIT_OK && k < nnames; k++) {
        const char *near[3];
        int nnear;
        long r = explain_find_region(p, names[k], near, &nnear);
        if (r < 0 || p->regions[r].is_group) {
            csv_message(stderr, msgcat_get(lang, r < 0 ? "planc: error: unknown region '%s'\n"
                                                       : "planc: error: '%s' is a regional group: planc makes its "
                                                         "rows from its members', the data has none\n"), names[k]);
            if (r < 0)
                explain_suggest_note(stderr, lang, near, nnear);
            rc = EXIT_USAGE;
            break;
        }
        bool dup = false;
        for (uint32_t j = 0; j < nregions; j++)
            dup |= regions[j] == (uint32_t)r;
        if (!dup)
            regions[nregions++] = (uint32_t)r;
    }
    /* --check: the file, read as planc run reads it, with the columns
     * its header lacks read as missing (the check says which of them the
     * regions need); several files, as planc run --data A --data B reads
     * them: a column a region needs is to be in one of the files with its
     * rows, and is an error of planc run's when none has it */
    rt_table *t = NULL;
    if (rc == EXIT_OK && check) {
        rt_load_options opts = {.allow_missing_columns = nchecks == 1, .quiet_missing_columns = true,
                                .na = na, .nna = nna, .encoding = ta.encoding, .lang = lang,
                                .provider = true};
        t = rt_table_load_many(p, checks, NULL, nchecks, &opts, stderr);
        if (!t)
            rc = EXIT_DATA;
    }
    for (uint32_t g = 0; rc == EXIT_OK && nnames == 0 && !check && g < p->nregions; g++)
        if (!p->regions[g].is_group)
            regions[nregions++] = g;
    /* without --region, --check is for the regions the file (or the
     * files together) has rows of, as planc run asks the files for their
     * regions' columns (tmpl_needs_of_table) */
    tmpl_needs *n = rc != EXIT_OK            ? NULL
                    : t && nnames == 0 ? tmpl_needs_of_table(p, t)
                                       : tmpl_needs_make(p, regions, nregions);
    /* a column per year is named with its year in four digits (table.c
     * reads no other): C1..C999 would be columns planc never reads */
    if (n && tmpl_wide(p, n) && from > 0 && from < 1000) {
        csv_message(stderr, msgcat_get(lang, "planc: error: the rules read a column per year, named with the year in "
                                             "four digits: give years from 1000 on (--years %d-%d)\n"), from, to);
        rc = EXIT_USAGE;
        tmpl_needs_free(n);
        n = NULL;
    }
    if (n && t) {
        /* the cells planc run would warn of, before the run: shares
         * written as fractions (0.7 for 70%), a column filled in the
         * indicator's unit (万亩 where the template asks for 公顷) */
        dw_warn_fractions(&c, t, lang, true);
        dw_warn_unit_factor(&c, t, lang, true);
        diag_flush(&c.diag);
        /* the check's notes (a column's empty cells) are its own, not the
         * last warning's: -w or -Wno-NAME of that warning left them out,
         * and JSON gave them as its notes */
        es_end_message();
        if (tmpl_check(stderr, lang, p, t, n, nnames > 0, from, to, rt_table_path(t),
                       cli_diag_opts.no_warnings ? 0 : es_warnings()) != 0)
            rc = EXIT_DATA;
        /* --warnings-as-errors: a warning of the files read (a column in
         * another unit, a file of its header only) is a data problem, as
         * planc run's */
        if (rc == EXIT_OK)
            rc = cli_warnings_gate(cli_counted_warnings(), EXIT_DATA);
        tmpl_needs_free(n);
        n = NULL;
        if (rc == EXIT_OK)
            rc = -1; /* checked: nothing to write */
    }
    if (rc == -1)
        rc = EXIT_OK;
    else if (n && tmpl_wide(p, n) && from == 0) {
        csv_message(stderr, msgcat_get(lang, "planc: error: the rules read a column per year; give the years "
                                             "with --years A-B\n"));
        rc = EXIT_USAGE;
    }
    /* a file of its keys alone says why: the rules declare no region
     * (a data column is read on a region's rows), or no target reads a
     * column on the regions chosen */
    if (rc == EXIT_OK && n) {
        bool any_column = false, any_region = false;
        for (uint32_t c = 0; c < p->ncolumns && !any_column; c++)
            any_column = tmpl_column_needed(p, n, c);
        for (uint32_t g = 0; g < p->nregions && !any_region; g++)
            any_region = !p->regions[g].is_group;
        if (!any_column)
            csv_message(stderr,
                        msgcat_get(lang, any_region ? "planc: note: the file has only its keys (%s, %s): no target "
                                                      "reads a data column on the rows of these regions\n"
                                                    : "planc: note: the file has only its keys (%s, %s): the rules "
                                                      "declare no region, and the data's columns are read on a "
                                                      "region's rows\n"),
                        p->region_key, p->year_key);
    }
    ofile *o = NULL;
    FILE *f = stdout;
    if (rc == EXIT_OK && n && out && strcmp(out, "-") != 0) {
        ofile_failure why;
        if (!(o = ofile_open_why(out, &why, stderr)))
            rc = why == OFILE_FAIL_NAME ? EXIT_USAGE : EXIT_WRITE;
        else
            f = ofile_stream(o);
    }
    if (rc == EXIT_OK && n && workbook) {
        /* the workbook's texts in the documents' language, as --list's */
        int w = tmplx_write(f, list_lang, p, n, from, to, stderr);
        if (w == TMPLX_OUT_ERROR)
            csv_message(stderr, "planc: error: cannot write '%s': %s\n", out, msgcat_strerror(msgcat_lang(), errno));
        if (w != 0) {
            rc = w == TMPLX_TOO_LARGE ? EXIT_USAGE : EXIT_WRITE;
            if (o)
                ofile_abort(o);
        } else if (o && ofile_commit(o, stderr) != 0) {
            rc = EXIT_WRITE;
        }
        o = NULL;
    } else if (rc == EXIT_OK && n) {
        if (list)
            tmpl_write_list(f, list_lang, p, n, from, to);
        else
            tmpl_write_csv(f, p, n, from, to);
        if (o && ofile_commit(o, stderr) != 0)
            rc = EXIT_WRITE;
        else if (!o && cli_stdout_failed()) {
            csv_message(stderr, "planc: error: cannot write to standard output: %s\n", strerror(errno));
            rc = EXIT_WRITE;
        }
    }
    tmpl_needs_free(n);
    rt_table_free(t);
    free(regions);
    free(names);
    free(na);
    free(checks);
    pl_compilation_free(&c);
    return rc;
}
