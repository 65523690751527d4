/* cmd_check.c — the commands that check rules without data: planc
 * check (every error of the rules files), planc test (the tests written in
 * the rules) and planc emit-llvm (the scoring code as LLVM IR). */
#include "cmd.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "cliopt.h"
#include "csv.h"
#include "diag.h"
#include "exec.h"
#include "import.h"
#include "ir.h"
#include "jit.h"
#include "model.h"
#include "msgcat.h"
#include "rtmem.h"
#include "table.h"
#include "cli.h"
#include "pipeline.h"

/* planc check's command line (check_command). */
typedef struct check_args {
    bool dump_ast, dump_ir, origins, json;
    cliopt_lang lang;  /* --lang, else PLANC_LANG or the locale */
    cliopt_list files; /* the rules files, in their order */
} check_args;

/* planc check's options besides the diagnostics' (cli_parse_diag_option). */
static const cliopt_option check_options[] = {
    {"--format", NULL, CLIOPT_CALL, offsetof(check_args, json), cli_take_text_json},
    {"--dump-ast", NULL, CLIOPT_FLAG, offsetof(check_args, dump_ast), NULL},
    {"--dump-ir", NULL, CLIOPT_FLAG, offsetof(check_args, dump_ir), NULL},
    {"--origins", NULL, CLIOPT_FLAG, offsetof(check_args, origins), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(check_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc check's command line: any number of rules files. */
static const cliopt_command check_command = {
    "check", check_options, cli_parse_diag_option, true, offsetof(check_args, files), 0, NULL, cli_usage_error,
};

static int check_files(check_args *a);

/* planc check [--dump-ast] [--dump-ir] [--origins] FILE... */
int cmd_check(int argc, char **argv)
{
    check_args a = {.lang = {msgcat_lang(), false}};
    a.files.v = rt_xcalloc((size_t)argc + 1, sizeof *a.files.v);
    int rc;
    if (cli_read_command_line(&check_command, &a, argc, argv, &rc))
        rc = check_files(&a);
    free(a.files.v);
    return rc;
}

/* planc check, its command line read: each rules file checked in turn. */
static int check_files(check_args *a)
{
    bool dump_ast = a->dump_ast, dump_ir = a->dump_ir, origins = a->origins, json = a->json;
    /* --lang zh (--lang en is the JSON's own): the last --lang counts */
    bool lang_given = a->lang.given && a->lang.lang != LBL_EN;
    lbl_lang lang = a->lang.lang;
    int rc = EXIT_OK;
    if (a->files.n == 0)
        return cli_usage_error("check", "%sno rules file given", "");
    /* the JSON diagnostics are for programs (editors match their texts):
     * English, as explain's and run's JSON */
    if (json && lang_given)
        return cli_usage_error("check", "--lang is for the text messages: %s keeps its English texts for programs",
                               "--format json");
    /* the checker writes every message of check: no reader of stderr */
    if (cli_settle_diag_options("check", lang, false) != EXIT_OK)
        return EXIT_USAGE;
    json = cli_diag_opts.json = json || cli_diag_opts.json;
    unsigned nwarnings = 0;
    if (json)
        lang = cli_programs_lang(); /* whatever PLANC_LANG or the locale say */
    diag_seen seen = {0}; /* a file two of them import: its diagnostics once */
    for (size_t i = 0; i < a->files.n; i++) {
        compilation c;
        pl_compilation_init(&c);
        c.diag.seen = &seen;
        diag_set_json(&c.diag, json);
        c.diag.lang = lang; /* the messages' texts (msgcat.h) and level words */
        int r = pl_compile(&c, a->files.v[i]);
        if (dump_ast && c.ast)
            ast_dump(c.ast, stdout);
        if (dump_ir && c.ir)
            ir_dump(c.ir, stdout);
        if (origins && c.ast)
            import_print_origins(c.ast, lang, stdout);
        if (r != EXIT_OK)
            rc = r;
        nwarnings += (unsigned)c.diag.nfatal;
        pl_compilation_free(&c);
    }
    diag_seen_free(&seen);
    if (rc == EXIT_OK)
        rc = cli_warnings_gate(nwarnings, EXIT_RULES);
    if ((dump_ast || dump_ir || origins) && cli_stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write the listing: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    }
    return rc;
}

/* planc history DB */
/* Whether `got` matches an expected number: to the digits written when it
 * has decimals (33.33 matches 33.3333), else exactly, but for the last bits
 * of a computation (a weighted mean may give 94.99999999999999 for 95). */
static bool number_matches(double got, const ast_expect *x)
{
    if (isnan(got))
        return false;
    double slack = 1e-9 * fabs(x->num);
    if (x->decimals >= 0)
        slack += 0.5 * pow(10, -x->decimals);
    return fabs(got - x->num) <= slack;
}

/* Checks one expectation against a test's results; false after reporting
 * the difference at the expectation, in lang. */
static bool check_expectation(compilation *c, const char *title, const rt_table *t,
                              const rt_result *res, const sema_expect *e, lbl_lang lang)
{
    const ir_program *p = c->ir;
    const ast_expect *x = e->x;
    const char *rname = p->regions[e->region].name;
    long row = rt_table_find(t, e->region, x->year);
    if (row < 0) {
        diag_error(&c->diag, x->sp, lbl_get(lang, LBL_T_NO_ROW), title, rname, x->year);
        return false;
    }
    char b1[32], b2[32];
    const ir_target *tg = e->item < p->ntargets ? &p->targets[e->item] : NULL;
    switch (x->kind) {
    case EXP_STATUS: {
        double st = rt_result_value(res, tg->status, (size_t)row);
        if (st == e->status)
            return true;
        diag_error(&c->diag, x->sp, lbl_get(lang, LBL_T_STATUS), title, tg->name, rname, x->year,
                   lbl_status(lang, isnan(st) ? IR_ST_MISSING : (int)st),
                   lbl_status(lang, e->status));
        /* the usual cause of an unexpected `missing` in a small test */
        if ((isnan(st) || st == IR_ST_MISSING) && x->year > p->baseline &&
            rt_table_find(t, e->region, p->baseline) < 0)
            diag_hint(&c->diag, lbl_get(lang, LBL_T_NO_BASELINE_ROW), rname, p->baseline);
        return false;
    }
    case EXP_SCORE: case EXP_VALUE: case EXP_MEASURE: case EXP_TOTAL: {
        uint32_t slot = x->kind == EXP_SCORE ? tg->score : x->kind == EXP_VALUE ? tg->value
                      : x->kind == EXP_MEASURE ? p->measures[e->item].score : p->total;
        double got = rt_result_value(res, slot, (size_t)row);
        if (number_matches(got, x))
            return true;
        if (x->kind == EXP_TOTAL)
            diag_error(&c->diag, x->sp, lbl_get(lang, LBL_T_TOTAL), title, rname, x->year,
                       cli_shown(lang, got, b1), cli_shown(lang, x->num, b2));
        else
            diag_error(&c->diag, x->sp,
                       lbl_get(lang, x->kind == EXP_SCORE   ? LBL_T_SCORE
                                     : x->kind == EXP_VALUE ? LBL_T_VALUE
                                                            : LBL_T_MEASURE),
                       title, x->kind == EXP_MEASURE ? p->measures[e->item].id : tg->name, rname,
                       x->year, cli_shown(lang, got, b1), cli_shown(lang, x->num, b2));
        /* `value 3488` of a column in km2 read as 万平方公里 */
        if (x->kind == EXP_VALUE && tg->unit && tg->unit[0] && strcmp(tg->unit, "1") != 0)
            diag_hint(&c->diag, lbl_get(lang, LBL_T_VALUE_UNIT), tg->unit);
        return false;
    }
    case EXP_GRADE: {
        double g = rt_result_value(res, p->grade, (size_t)row);
        if (g == e->item)
            return true;
        diag_error(&c->diag, x->sp, lbl_get(lang, LBL_T_GRADE), title, rname, x->year,
                   isnan(g) || g < 0 || g >= p->nbands ? lbl_get(lang, LBL_X_NONE)
                                                       : p->bands[(uint32_t)g],
                   p->bands[e->item]);
        return false;
    }
    case EXP_VETO: {
        double v = rt_result_value(res, p->veto, (size_t)row);
        if ((v == 1) == x->yes)
            return true;
        diag_error(&c->diag, x->sp, lbl_get(lang, v == 1 ? LBL_T_VETO_FIRED : LBL_T_VETO_NOT_FIRED),
                   title, rname, x->year);
        return false;
    }
    }
    return false;
}

/* Whether `field` is a year's column of a `column "C{year}"` name. */
static bool year_column(const char *name, const char *field)
{
    const char *at = strstr(name, "{year}");
    if (!at)
        return false;
    size_t pre = (size_t)(at - name), post = strlen(at + 6), n = strlen(field);
    if (n != pre + 4 + post || strncmp(field, name, pre) != 0 || strcmp(field + pre + 4, at + 6) != 0)
        return false;
    for (size_t i = pre; i < pre + 4; i++)
        if (field[i] < '0' || field[i] > '9')
            return false;
    return true;
}

/* Whether every field of a test's header is a column the rules read (or
 * the region or year column): a misspelt column would otherwise be read as
 * absent, every cell missing.  False after reporting the first that is
 * not, with the closest the rules read.  The header is split by the CSV
 * reader and trimmed as the loader does, so a quoted field may hold commas
 * and a name of any length is compared whole; a header the reader cannot
 * read is left to the loader, which says why.  Said in lang. */
static bool test_header_ok(compilation *c, diag_ctx *dg, const ast_decl *d, lbl_lang lang)
{
    const ir_program *p = c->ir;
    const char *h = d->u.test.data[0].text;
    csv_reader csv;
    csv_record rec;
    csv_init(&csv, h, strlen(h));
    bool ok = true;
    if (csv_next(&csv, &rec) == CSV_RECORD) {
        for (size_t i = 0; ok && i < rec.nfields; i++) {
            const char *f = csv_field(&csv, i);
            size_t n = csv_field_len(&csv, i);
            while (n && (*f == ' ' || *f == '\t')) {
                f++;
                n--;
            }
            while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
                n--;
            char *field = malloc(n + 1);
            if (!field) {
                csv_message(stderr, "planc: error: out of memory\n");
                exit(EXIT_INTERNAL);
            }
            memcpy(field, f, n);
            field[n] = '\0';
            bool known = strcmp(field, p->region_key ? p->region_key : "region") == 0 ||
                         strcmp(field, p->year_key ? p->year_key : "year") == 0;
            const char *near = NULL;
            int best = 4;
            for (uint32_t k = 0; !known && k < p->ncolumns; k++) {
                known = strcmp(field, p->columns[k].name) == 0 || year_column(p->columns[k].name, field);
                int dist = diag_editdist(field, p->columns[k].name);
                if (dist < best) {
                    best = dist;
                    near = p->columns[k].name;
                }
            }
            if (!known) {
                diag_error(dg, d->u.test.data[0].sp, lbl_get(lang, LBL_T_UNKNOWN_COLUMN),
                           d->u.test.title, field);
                if (near)
                    diag_hint(dg, lbl_get(lang, LBL_T_DID_YOU_MEAN), near);
                ok = false;
            }
            free(field);
        }
    }
    csv_dispose(&csv);
    return ok;
}

/* What became of a test. */
typedef enum { TEST_PASSED, TEST_FAILED, TEST_SKIPPED } test_outcome;

/* Runs one test: its data lines as a CSV file, scored by the reference
 * interpreter, then each expectation (a failed one said in lang).  A test
 * of another file than the one given (`--all`) whose data this program
 * cannot read — a column it no longer reads, a region it dropped — is
 * skipped, not failed: *skip is then why (malloc'd), and nothing is
 * printed. */
static test_outcome run_test(compilation *c, const sema_test *st, lbl_lang lang, char **skip)
{
    const ast_decl *d = st->d;
    const char *title = d->u.test.title;
    bool own = st->file == c->file;
    size_t len = 0;
    for (uint32_t i = 0; i < d->u.test.ndata; i++)
        len += strlen(d->u.test.data[i].text) + 1;
    char *buf = malloc(len + 1);
    if (!buf) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    size_t at = 0;
    for (uint32_t i = 0; i < d->u.test.ndata; i++) {
        size_t n = strlen(d->u.test.data[i].text);
        memcpy(buf + at, d->u.test.data[i].text, n);
        at += n;
        buf[at++] = '\n';
    }
    /* data messages name the test's first data line and the line within
     * the data ("rules.plan:12 (test data):3: ...") */
    unsigned line = 0, col = 0;
    diag_linecol(&c->diag, d->u.test.data[0].sp.file, d->u.test.data[0].sp.lo, &line, &col);
    char name[1100];
    snprintf(name, sizeof name, msgcat_get(lang, "%s:%u (test data)"), c->diag.files[d->u.test.data[0].sp.file].name,
             line);
    /* columns the header leaves out are missing in every row */
    rt_load_options opts = {.allow_missing_columns = true, .quiet_missing_columns = true, .lang = lang,
                            .test_rows = true};
    /* another file's test: the header's and the data reader's errors are
     * the reason it is skipped, written to memory */
    char *text = NULL;
    size_t tlen = 0;
    FILE *mem = own ? NULL : open_memstream(&text, &tlen);
    if (!own && !mem) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    diag_ctx quiet;
    if (!own)
        diag_borrow(&quiet, &c->diag, mem);
    rt_table *t = NULL;
    if (test_header_ok(c, own ? &c->diag : &quiet, d, lang))
        t = rt_table_parse(c->ir, name, buf, at, &opts, own ? stderr : mem);
    else if (own) {
        free(buf);
        return TEST_FAILED;
    }
    free(buf);
    if (!own) {
        diag_unborrow(&quiet);
        fclose(mem);
        if (!t) {
            /* the first line said: a header error as "FILE:L:C: ...", a
             * data error as the data reader writes it */
            char *why = diag_first_message(text);
            if (!why) {
                size_t n = strcspn(text ? text : "", "\n");
                why = malloc(n + 1);
                if (!why) {
                    csv_message(stderr, "planc: error: out of memory\n");
                    exit(EXIT_INTERNAL);
                }
                memcpy(why, text ? text : "", n);
                why[n] = '\0';
            }
            free(text);
            *skip = why;
            return TEST_SKIPPED;
        }
        free(text);
    }
    if (!t) {
        diag_error(&c->diag, d->sp, lbl_get(lang, LBL_T_DATA_UNREADABLE), title);
        return TEST_FAILED;
    }
    rt_result *res = rt_run(c->ir, t, interp_engine(), stderr);
    bool ok = res != NULL;
    if (!res) {
        diag_error(&c->diag, d->sp, lbl_get(lang, LBL_T_RULES_STOP), title);
    } else if (rt_check_overflow(c->ir, t, res, stderr)) {
        /* the data error of planc run, said at the test's data line: the
         * test fails, its expectations unchecked */
        diag_error(&c->diag, d->sp, lbl_get(lang, LBL_T_RULES_STOP), title);
        rt_result_free(res);
        res = NULL;
        ok = false;
    }
    for (uint32_t k = 0; res && k < st->nexpects; k++)
        ok &= check_expectation(c, title, t, res, &st->expects[k], lang);
    rt_result_free(res);
    rt_table_free(t);
    return ok ? TEST_PASSED : TEST_FAILED;
}

/* The name of file `file` as the diagnostics show it. */
static const char *file_name(const compilation *c, int file)
{
    return c->diag.files[file].name;
}

/* planc test's options. */
static const cliopt_option test_options[] = {
    {"--lang", NULL, CLIOPT_LANG, offsetof(simple_args, lang), NULL},
    {"--all", NULL, CLIOPT_FLAG, offsetof(simple_args, flag), NULL},
    END_OF_OPTIONS,
};

/* planc test's command line: one rules file, no diagnostics' options. */
static const cliopt_command test_command = {
    "test", test_options, NULL, false, offsetof(simple_args, arg), 1,
    "unexpected argument '%s' (one rules file)", cli_usage_error,
};

/* planc emit-llvm's options. */
static const cliopt_option emit_llvm_options[] = {
    {"--O0", NULL, CLIOPT_FLAG, offsetof(simple_args, flag), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(simple_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc emit-llvm's command line: one rules file. */
static const cliopt_command emit_llvm_command = {
    "emit-llvm", emit_llvm_options, NULL, false, offsetof(simple_args, arg), 1,
    "unexpected argument '%s' (one rules file)", cli_usage_error,
};

/* planc test RULES [--all]: the rules file's tests, and with --all those of
 * the files it imports or extends, run on this program (docs/LANGUAGE.md
 * §15). */
int cmd_test(int argc, char **argv)
{
    const char *rules[1] = {NULL};
    simple_args a = {.arg.v = rules, .lang = {msgcat_lang(), false}};
    int rc;
    if (!cli_read_command_line(&test_command, &a, argc, argv, &rc))
        return rc;
    lbl_lang lang = a.lang.lang;
    bool all = a.flag;
    if (!rules[0])
        return cli_usage_error("test", "%sno rules file given", "");
    compilation c;
    pl_compilation_init(&c);
    c.diag.lang = lang; /* the rules' messages' level words */
    rc = pl_compile(&c, rules[0]);
    if (rc != EXIT_OK) {
        pl_compilation_free(&c);
        return rc;
    }
    uint32_t n = 0, passed = 0, skipped = 0, other = 0;
    /* the files whose tests were not run, named in their order, once */
    char *others = NULL;
    size_t olen = 0;
    FILE *of = open_memstream(&others, &olen);
    bool *named = calloc(c.diag.nfiles + 1, sizeof *named);
    if (!of || !named) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    for (uint32_t i = 0; i < c.model->ntests; i++) {
        const sema_test *st = &c.model->tests[i];
        bool own = st->file == c.file;
        if (!own && !all) {
            if (!named[st->file])
                fprintf(of, "%s%s", other ? msgcat_get(lang, ", ") : "", file_name(&c, st->file));
            named[st->file] = true;
            other++;
            continue;
        }
        char *why = st->skip ? strdup(st->skip) : NULL;
        test_outcome o = why ? TEST_SKIPPED : run_test(&c, st, lang, &why);
        const char *title = st->d->u.test.title;
        if (o == TEST_SKIPPED) {
            skipped++;
            printf(lbl_get(lang, LBL_T_SKIPPED), title, why ? why : "");
        } else {
            n++;
            passed += o == TEST_PASSED;
            if (own)
                printf(lbl_get(lang, o == TEST_PASSED ? LBL_T_PASSED : LBL_T_FAILED), title);
            else
                printf(lbl_get(lang, o == TEST_PASSED ? LBL_T_PASSED_OF : LBL_T_FAILED_OF), title,
                       file_name(&c, st->file));
        }
        free(why);
    }
    printf(lbl_get(lang, n == 1 ? LBL_T_SUMMARY_ONE : LBL_T_SUMMARY), n, passed, n - passed);
    if (skipped)
        printf(lbl_get(lang, LBL_T_SUMMARY_SKIPPED), skipped);
    fclose(of);
    if (other)
        printf(lbl_get(lang, other == 1 ? LBL_T_OTHER_ONE : LBL_T_OTHER), other, others);
    else if (n == 0 && skipped == 0) /* a file without tests: say how to write one */
        printf(lbl_get(lang, LBL_T_NONE), rules[0]);
    free(others);
    free(named);
    if (cli_stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write the results: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    } else if (passed < n) {
        rc = EXIT_RULES;
    }
    pl_compilation_free(&c);
    return rc;
}

/* planc emit-llvm RULES [--O0] */
int cmd_emit_llvm(int argc, char **argv)
{
    const char *rules[1] = {NULL};
    simple_args a = {.arg.v = rules, .lang = {msgcat_lang(), false}};
    int rc;
    if (!cli_read_command_line(&emit_llvm_command, &a, argc, argv, &rc))
        return rc;
    bool o0 = a.flag;
    if (!rules[0])
        return cli_usage_error("emit-llvm", "%sno rules file given", "");
    compilation c;
    pl_compilation_init(&c);
    c.diag.lang = a.lang.lang; /* the rules' messages (msgcat.h) */
    rc = pl_compile(&c, rules[0]);
    if (rc == EXIT_OK && jit_emit_ir(c.ir, !o0, stdout, stderr) != 0)
        rc = EXIT_INTERNAL;
    if (rc == EXIT_OK && cli_stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write the module: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    }
    pl_compilation_free(&c);
    return rc;
}
