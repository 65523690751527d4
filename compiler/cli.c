/* cli.c — what planc's commands share on the command line: the usage
 * error, the messages' language, the diagnostics' options (-w, -W...,
 * --diagnostics, --warnings-as-errors) and their gate, reading a
 * command's options by its table (cliopt.h), the options several commands
 * take (--data's --set, --year, --na; --read-with), and the small helpers
 * of their messages and outputs. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cliopt.h"
#include "csv.h"
#include "diag.h"
#include "fileio.h"
#include "msgcat.h"
#include "report.h"
#include "rtmem.h"
#include "table.h"
#include "textconv.h"
#include "errstream.h"
#include "warnings.h"
#include "usage.h"

/* The rules tree given with --root (any command), or NULL: then each rules
 * file's own directory (import.h). */
const char *cli_rules_root;

diag_options cli_diag_opts;

int cli_usage_error(const char *cmd, const char *fmt, const char *arg)
{
    /* the argument is the command line's (a region, a year, a file): its
     * control, invisible and bidi characters are escaped as every message
     * escapes them (csv_vmessage), so that it can neither forge a line
     * nor reorder the terminal's */
    fmt = msgcat_tr(fmt);
    int n = snprintf(NULL, 0, fmt, arg);
    char *text = malloc(n > 0 ? (size_t)n + 1 : 1);
    if (!text) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        return EXIT_USAGE;
    }
    text[0] = '\0';
    if (n > 0)
        snprintf(text, (size_t)n + 1, fmt, arg);
    csv_message(stderr, "planc: %s\n", text);
    free(text);
    fprintf(stderr, msgcat_tr("Run 'planc help%s%s' for usage.\n"), cmd ? " " : "", cmd ? cmd : "");
    return EXIT_USAGE;
}

/* The language of the messages (msgcat_set_lang): the command line's
 * last `--lang` or `--lang=` before a `--` (wherever it stands among the
 * options, as each command's own parsing takes it: the first gave the
 * driver's messages one language and the command's another), else the
 * environment's (msgcat_env_lang: PLANC_LANG, else the locale,
 * docs/LANGUAGE.md §12).  A `--lang` no
 * language has is the command's usage error, said in the environment's
 * language.  Sets *bad_env to a PLANC_LANG no language has when the
 * command line gives no --lang (the driver's usage error), else NULL.
 * The driver sets it before a command parses its options, so that every
 * usage error, and the results history's and the files' messages, are
 * in the reader's language. */
/* Whether the command line gave --lang (cli_lang_of_args): --diagnostics
 * json refuses a --lang zh given, not the environment's Chinese. */
static bool lang_on_command_line;

/* planc run writes a workbook or a page, whose words --lang gives */
bool cli_lang_of_document;

lbl_lang cli_lang_of_args(int argc, char **argv, const char **bad_env)
{
    lbl_lang env;
    const char *bad = msgcat_env_lang(&env);
    lbl_lang lang = env;
    bool given = false;
    /* from argv[1]: `planc --lang zh` alone (no command) too, whose
     * --lang stays there (main's lead_lang) */
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *v;
        int used = cliopt_value_at("--lang", argc, argv, i, &v);
        if (used > 0) {
            given = true;
            if (!lbl_parse(v, &lang))
                lang = env;
            i += used - 1;
        }
    }
    *bad_env = given ? NULL : bad;
    lang_on_command_line = given;
    return lang;
}

/* The language of a command's output meant for programs (`--format
 * json` of check, explain, compare and diff, which refuse --lang): English
 * whatever the environment says, and so are the messages around it, the
 * same bytes as under LANG=C.  Returns LBL_EN. */
lbl_lang cli_programs_lang(void)
{
    msgcat_set_lang(LBL_EN);
    return LBL_EN;
}

/* Parses a named warning's option a (warnings.h): -WNAME, -Wno-NAME,
 * -Werror=NAME and -Wno-error=NAME (the last two where the command `cmd`
 * takes --warnings-as-errors, werror_ok).  Returns 1 when it took it, 0
 * when a is none of them, -1 after a usage error (an unknown name, with
 * the nearest one). */
static int parse_warning_option(const char *cmd, bool werror_ok, const char *a)
{
    if (a[0] != '-' || a[1] != 'W' || !a[2])
        return 0;
    const char *name = a + 2;
    /* -Werror is --warnings-as-errors (cli_parse_diag_option), no warning's
     * name: where the command takes neither, its "unknown option" */
    if (strcmp(name, "error") == 0)
        return 0;
    int mode = 1; /* 1 on, 0 off, 2 an error, 3 not an error */
    if (strncmp(name, "error=", 6) == 0) {
        name += 6;
        mode = 2;
    } else if (strncmp(name, "no-error=", 9) == 0) {
        name += 9;
        mode = 3;
    } else if (strncmp(name, "no-", 3) == 0) {
        name += 3;
        mode = 0;
    }
    if (mode >= 2 && !werror_ok)
        return 0; /* the command's own "unknown option" */
    int w = warn_lookup(name);
    if (w < 0) {
        const char *near = warn_closest(name);
        if (!near) {
            cli_usage_error(cmd, "unknown warning '%s' ('planc help warnings' lists them)", a);
            return -1;
        }
        /* the option as the user would write it with the nearest name */
        csv_message(stderr, msgcat_tr("planc: unknown warning '%s': did you mean '%.*s%s'? ('planc help warnings' "
                                      "lists them)\n"),
                    a, (int)(name - a), a, near);
        fprintf(stderr, msgcat_tr("Run 'planc help%s%s' for usage.\n"), cmd ? " " : "", cmd ? cmd : "");
        return -1;
    }
    if (mode <= 1)
        warn_set_enabled((warn_id)w, mode == 1);
    else
        warn_set_error((warn_id)w, mode == 2);
    return 1;
}

/* Parses argv[i] when it is one of the diagnostics' options (cli_diag_opts):
 * --diagnostics text|json, -w or --no-warnings, a named warning's option
 * (parse_warning_option), and --warnings-as-errors (-Werror too) where the
 * command `cmd` takes it (werror_ok).  Returns how many arguments it took
 * (0 when it is not one of them), or -1 after a usage error.  The commands
 * that take them name it in their cliopt_command (`more`), and the walk
 * tries it on each argument before the table. */
int cli_parse_diag_option(const char *cmd, bool werror_ok, int argc, char **argv, int i)
{
    const char *a = argv[i];
    if (strcmp(a, "-w") == 0 || strcmp(a, "--no-warnings") == 0) {
        cli_diag_opts.no_warnings = true;
        return 1;
    }
    if (werror_ok && (strcmp(a, "--warnings-as-errors") == 0 || strcmp(a, "-Werror") == 0)) {
        cli_diag_opts.werror = true;
        warn_set_all_errors(true);
        return 1;
    }
    int named = parse_warning_option(cmd, werror_ok, a);
    if (named != 0)
        return named;
    if (strcmp(a, "--diagnostics") != 0)
        return 0;
    if (i + 1 >= argc) {
        cli_usage_error(cmd, "option '%s' needs a value", a);
        return -1;
    }
    const char *v = argv[i + 1];
    if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0) {
        cli_usage_error(cmd, "unknown format '%s' (available: text, json)", v);
        return -1;
    }
    cli_diag_opts.json = strcmp(v, "json") == 0;
    return 2;
}

/* After the command line of `cmd` is read (its messages' language
 * `lang`): refuses what contradicts, and puts standard error's reader in
 * place (errstream.h) when an option asks for it and `install`.  EXIT_OK,
 * EXIT_USAGE, or EXIT_INTERNAL when the reader cannot be made. */
int cli_settle_diag_options(const char *cmd, lbl_lang lang, bool install)
{
    /* JSON is for programs: English, as check --format json, whatever
     * PLANC_LANG or the locale say; a --lang zh given is refused, unless
     * it is the language of the document planc run writes (a workbook or
     * a page for people, the messages' JSON for the job that runs it) */
    if (cli_diag_opts.json && lang != LBL_EN && lang_on_command_line && !cli_lang_of_document)
        return cli_usage_error(cmd, "--lang is for the text messages: %s keeps its English texts for programs",
                               "--diagnostics json");
    if (cli_diag_opts.json)
        lang = cli_programs_lang();
    if (cli_diag_opts.no_warnings && cli_diag_opts.werror)
        return cli_usage_error(cmd, "%s-w leaves out the warnings that --warnings-as-errors makes errors: give "
                                "one of the two", "");
    if (cli_diag_opts.no_warnings && warn_any_fatal())
        return cli_usage_error(cmd, "-w leaves out the warnings that %s makes errors: give one of the two",
                               warn_error_options());
    /* the level words are read in the messages' language: the command
     * line's --lang, else PLANC_LANG's or the locale's (run's own lang is
     * its documents', --lang's alone) */
    if (install && (cli_diag_opts.json || cli_diag_opts.no_warnings || warn_any_fatal() || warn_changed()) &&
        !es_install(cli_diag_opts.json, cli_diag_opts.no_warnings, cli_diag_opts.json ? lang : msgcat_lang())) {
        csv_message(stderr, "planc: error: out of memory\n");
        return EXIT_INTERNAL;
    }
    return EXIT_OK;
}

/* The warnings written to stderr that fail the command (warn_fatal): under
 * --warnings-as-errors all of them but the cache's (cache_warn, counted
 * false in warnings.h), which are about the machine planc runs on (no
 * cache directory, one it may not write), not about the rules or the
 * data, and which a job that cannot change its HOME would otherwise fail
 * on; those -Werror=NAME names. */
unsigned cli_counted_warnings(void)
{
    return es_fatal_warnings();
}

/* --warnings-as-errors or -Werror=NAME: when `nwarnings` warnings that
 * fail the command were written (by what `code` is about: 1 the rules, 3
 * the data and the run), says that the warnings written so far end the
 * command (once) and returns `code`; EXIT_OK otherwise. */
int cli_warnings_gate(unsigned nwarnings, int code)
{
    if (!warn_any_fatal() || nwarnings == 0)
        return EXIT_OK;
    if (cli_counted_warnings() > nwarnings)
        nwarnings = cli_counted_warnings();
    if (!cli_diag_opts.werror_said) {
        /* as the checker says an error of no place: text or JSON */
        diag_ctx d;
        diag_init(&d, stderr);
        diag_set_json(&d, cli_diag_opts.json);
        d.lang = msgcat_lang();
        if (!cli_diag_opts.werror && nwarnings == 1) /* -Werror=NAME alone */
            diag_plain_error(&d, "%u warning treated as an error (%s)", nwarnings, warn_error_options());
        else if (!cli_diag_opts.werror)
            diag_plain_error(&d, "%u warnings treated as errors (%s)", nwarnings, warn_error_options());
        else if (nwarnings == 1)
            diag_plain_error(&d, "%u warning treated as an error (--warnings-as-errors)", nwarnings);
        else
            diag_plain_error(&d, "%u warnings treated as errors (--warnings-as-errors)", nwarnings);
        diag_dispose(&d);
    }
    cli_diag_opts.werror_said = true;
    return code;
}

/* Whether writing to stdout failed: the flush of what is buffered, or an
 * earlier write (a large fputs to a full disk writes past the buffer, and
 * its failure shows only in the stream's error flag). */
bool cli_stdout_failed(void)
{
    return fflush(stdout) != 0 || ferror(stdout);
}

/* Reads the command line of a command by its table (cliopt.h) into *st,
 * the command's struct: true to go on; false with *rc the command's exit
 * code, after its help (EXIT_OK) or a usage error (EXIT_USAGE). */
bool cli_read_command_line(const cliopt_command *c, void *st, int argc, char **argv, int *rc)
{
    cliopt_result r = cliopt_parse(c, st, argc, argv);
    if (r == CLIOPT_HELP)
        fputs(usage_text(c->name), stdout);
    *rc = r == CLIOPT_USAGE ? EXIT_USAGE : EXIT_OK;
    return r == CLIOPT_OK;
}

/* Reads `--format text|json` (check, compare) into the bool at `where`:
 * whether it is JSON.  0, or the usage error's exit code. */
int cli_take_text_json(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0)
        return cli_usage_error(cmd, "unknown format '%s' (available: text, json)", v);
    *(bool *)where = strcmp(v, "json") == 0;
    return 0;
}

/* Reads a year given on the command line: 1..9999, also followed by 年
 * (`--year 2024年`, as the data's year column may write it); else 0. */
int cli_parse_year_arg(const char *v)
{
    char *end;
    errno = 0;
    if (!(*v >= '0' && *v <= '9')) /* in digits, as parse_jobs */
        return 0;
    long n = strtol(v, &end, 10);
    if (end != v && strcmp(end, "年") == 0)
        end += strlen("年");
    if (errno || end == v || *end || n < 1 || n > 9999)
        return 0;
    return (int)n;
}

/* Reads a year (`--year Y`, cli_parse_year_arg) into the int at `where`. */
int cli_take_year(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (!(*(int *)where = cli_parse_year_arg(v)))
        return cli_usage_error(cmd, "bad year '%s' (a whole number from 1 to 9999)", v);
    return 0;
}

/* The format an output file's name asks for: "csv", "json", "xlsx" or
 * "html" for a name ending in that extension (or ".htm"), in any case;
 * "xls" for ".xls", the old binary Excel format, which planc does not
 * write; NULL for any other name. */
const char *cli_format_of_name(const char *path)
{
    static const char *const ext[][2] = {
        {"csv", "csv"}, {"json", "json"}, {"xlsx", "xlsx"},
        {"html", "html"}, {"htm", "html"}, {"xls", "xls"},
    };
    const char *base = strrchr(path, '/');
    const char *dot = strrchr(base ? base + 1 : path, '.');
    if (!dot || dot[1] == '\0')
        return NULL;
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
        if (strcasecmp(dot + 1, ext[i][0]) == 0)
            return ext[i][1];
    return NULL;
}

/* Reads `--set NAME=VALUE` into the data_options at `where`: the text is
 * read with the rules (apply_settings). */
int cli_take_set(const char *cmd, void *where, const char *opt, const char *v)
{
    data_options *d = where;
    (void)opt;
    if (d->nset == MAX_SET)
        return cli_usage_error(cmd, "%stoo many --set values (at most 64)", "");
    d->set[d->nset++] = v;
    return 0;
}

/* Reads `--data-year Y`, given once, into the data_options at `where`. */
int cli_take_data_year(const char *cmd, void *where, const char *opt, const char *v)
{
    data_options *d = where;
    (void)opt;
    if (d->load.year)
        return cli_usage_error(cmd, "%s--data-year given twice", "");
    if (!(d->load.year = cli_parse_year_arg(v)))
        return cli_usage_error(cmd, "bad data year '%s' (a whole number from 1 to 9999)", v);
    return 0;
}

/* Reads `--encoding NAME` into the encoding name at `*slot`: once, a name
 * the C library's iconv knows (GB18030, GBK, UTF-16 ...). */
int cli_take_encoding_name(const char *cmd, const char **slot, const char *v)
{
    if (*slot)
        return cli_usage_error(cmd, "%s--encoding given twice (one encoding for the CSV files that are not "
                                "UTF-8)", "");
    tc_conv *c = tc_is_utf8(v) ? NULL : tc_open(v);
    if (!tc_is_utf8(v) && !c)
        return cli_usage_error(cmd, "unknown encoding '%s' (a name iconv knows, such as GB18030, GBK or "
                                "UTF-16; iconv -l lists them)", v);
    tc_close(c);
    *slot = v;
    return 0;
}

/* Reads `--encoding NAME` into the data_options at `where`
 * (cli_take_encoding_name). */
int cli_take_encoding(const char *cmd, void *where, const char *opt, const char *v)
{
    data_options *d = where;
    (void)opt;
    return cli_take_encoding_name(cmd, &d->load.encoding, v);
}

/* Reads `--na TEXT` into the data_options at `where`: a text without
 * spaces around it (cells are compared trimmed), 32 of them at most. */
int cli_take_na(const char *cmd, void *where, const char *opt, const char *v)
{
    data_options *d = where;
    (void)opt;
    size_t n = strlen(v);
    if (n == 0 || v[0] == ' ' || v[0] == '\t' || v[n - 1] == ' ' || v[n - 1] == '\t')
        return cli_usage_error(cmd, "bad --na value '%s' (cells are compared after trimming: give the text "
                                "without spaces around it; empty cells are missing already)", v);
    if (d->load.nna == MAX_NA)
        return cli_usage_error(cmd, "%stoo many --na values (at most 32)", "");
    d->na[d->load.nna++] = v;
    d->load.na = d->na;
    return 0;
}

/* Reads `--read-with RULES` into the data_files at `where`: the rules
 * that read the data file given just before it, once. */
int cli_take_read_with(const char *cmd, void *where, const char *opt, const char *v)
{
    data_files *f = where;
    (void)opt;
    if (!f->data.n || f->withs[f->data.n - 1])
        return cli_usage_error(cmd, "%s--read-with RULES follows the data file it reads, once: --data FILE "
                                "--read-with RULES", "");
    f->withs[f->data.n - 1] = v;
    return 0;
}

/* Writes s to f as a shell word: as it is when it is plain, else quoted
 * as csv_shell_quoted does (a control character as $'\xHH', which the
 * history, the page and the workbook would otherwise show as an escape
 * or U+FFFD, and no command could be given again from them). */
void cli_put_word(FILE *f, const char *s)
{
    if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/:=+-") == strlen(s)) {
        fputs(s, f);
        return;
    }
    char *q = csv_shell_quoted(s, strlen(s), false);
    fputs(q, f);
    free(q);
}

/* A stream into memory (*buf, *len once it is closed), for a text built
 * in pieces; running out of memory ends planc (exit 4), as rt_xmalloc
 * does. */
FILE *cli_memstream(char **buf, size_t *len)
{
    FILE *f = open_memstream(buf, len);
    if (!f) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    return f;
}

/* The data options as the command line gave them, for the history
 * ("--skip-unknown-regions --na - --data-year 2019"); malloc'd, "" for
 * none. */
char *cli_data_options_text(const data_options *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = cli_memstream(&buf, &len);
    const char *sep = "";
    if (d->load.skip_unknown_regions) {
        fprintf(f, "%s--skip-unknown-regions", sep);
        sep = " ";
    }
    if (d->load.allow_missing_columns) {
        fprintf(f, "%s--allow-missing-columns", sep);
        sep = " ";
    }
    for (size_t i = 0; i < d->load.nna; i++) {
        fprintf(f, "%s--na ", sep);
        cli_put_word(f, d->na[i]);
        sep = " ";
    }
    if (d->load.year) {
        fprintf(f, "%s--data-year %d", sep, d->load.year);
        sep = " ";
    }
    if (d->load.encoding) {
        fprintf(f, "%s--encoding ", sep);
        cli_put_word(f, d->load.encoding);
        sep = " ";
    }
    for (size_t i = 0; i < d->nset; i++) {
        fprintf(f, "%s--set ", sep);
        cli_put_word(f, d->set[i]);
        sep = " ";
    }
    fclose(f);
    return buf;
}

/* Each data file of the run for the documents' source (report_data_file):
 * datas[0..n) as given, their hashes as the table read them, each reading's
 * rules as given with their hash and manifest (withs[i] NULL: none;
 * with_hashes, with_manifests NULL when not known).  malloc'd; NULL when
 * the table hashed nothing (a CSV without --store asks for no hash). */
report_data_file *cli_data_file_list(const char *const *datas, const char *const *withs,
                                     const char *const *with_hashes,
                                     const char *const *with_manifests, size_t n,
                                     const rt_table *t)
{
    if (!n || !*rt_table_file_sha256(t, 0))
        return NULL;
    report_data_file *dfs = rt_xcalloc(n, sizeof *dfs);
    for (size_t i = 0; i < n; i++) {
        bool with = withs && withs[i];
        dfs[i] = (report_data_file){.name = datas[i], .sha256 = rt_table_file_sha256(t, i),
                                    .read_with = with ? withs[i] : NULL,
                                    .read_with_sha256 = with && with_hashes ? with_hashes[i] : NULL,
                                    .read_with_files = with && with_manifests ? with_manifests[i] : NULL};
    }
    return dfs;
}

/* The file to read for a data file named on the command line: '-' is
 * standard input, read as /dev/stdin (which the loader, the hash and the
 * history already take as a pipe). */
const char *cli_stdio_name(const char *data)
{
    /* a data file named "planc" is shown "./planc": its messages without
     * a line ("planc: warning: no rows to score", template's "planc: ok:
     * ...") read as planc's own, of no file (--diagnostics json left out
     * their "file", and took the ok line for an error), and a reader of
     * the text could not tell them apart either; "planc:2: error:" was
     * the file's already, as is any other name */
    if (strcmp(data, "planc") == 0)
        return "./planc";
    return strcmp(data, "-") == 0 ? "/dev/stdin" : data;
}

/* Whether one data file is given twice among datas[0..n) (names as
 * cli_stdio_name gives them), after the usage error that says so (run,
 * explain): by one name, `--data -` twice, standard input redirected from
 * a file also given by its name, or one file under two names (a link).
 * Every row would be a duplicate of itself; standard input is read once. */
bool cli_data_twice(const char *cmd, const char *const *datas, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++) {
            bool same_name = strcmp(datas[i], datas[j]) == 0;
            if (!same_name && !fio_same_file(datas[i], datas[j]))
                continue;
            bool in_i = strcmp(datas[i], "/dev/stdin") == 0, in_j = strcmp(datas[j], "/dev/stdin") == 0;
            if (in_i && in_j)
                cli_usage_error(cmd, "--data - given twice: standard input is read once%s", "");
            else if (same_name)
                cli_usage_error(cmd, "the data file '%s' is given twice (--data)", datas[i]);
            else if (in_i || in_j)
                cli_usage_error(cmd, "standard input (--data -) is the data file '%s', given too (--data): each "
                                 "file is read once", in_i ? datas[j] : datas[i]);
            else
                cli_usage_error(cmd, "the data file '%s' is one given before under another name: each "
                                 "file is read once (--data)", datas[i]);
            return true;
        }
    return false;
}

/* The run's data as the results and the history name it when a file is
 * read with other rules: each file, with ' --read-with RULES' after it
 * where it has them, joined by ", "; NULL when none has (the table's own
 * name then). */
char *cli_data_names(const char *const *datas, const char *const *withs, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n; i++)
        any |= withs[i] != NULL;
    if (!any)
        return NULL;
    char *s = NULL;
    size_t len = 0;
    FILE *f = cli_memstream(&s, &len);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%s%s", i ? ", " : "", datas[i]);
        if (withs[i])
            fprintf(f, " --read-with %s", withs[i]);
    }
    fclose(f);
    return s;
}

/* Frees n strings and the array that holds them. */
void cli_free_strings(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

/* A number as `planc test` shows it ("missing", in lang, for NaN). */
const char *cli_shown(lbl_lang lang, double v, char buf[32])
{
    if (isnan(v))
        return lbl_get(lang, LBL_X_MISSING);
    snprintf(buf, 32, "%.15g", v);
    return buf;
}
