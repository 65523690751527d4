/* cmd_store.c — the commands of the results history (run --store
 * DB): planc history, compare, verify and restore. */
#include "cmd.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cliopt.h"
#include "csv.h"
#include "fileio.h"
#include "msgcat.h"
#include "rtmem.h"
#include "store.h"
#include "restore.h"
#include "verify.h"
#include "warnings.h"
#include "cli.h"

/* planc history's options. */
static const cliopt_option history_options[] = {
    {"--full", NULL, CLIOPT_FLAG, offsetof(simple_args, flag), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(simple_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc history's command line: one database. */
static const cliopt_command history_command = {
    "history", history_options, NULL, false, offsetof(simple_args, arg), 1,
    "unexpected argument '%s' (one database)", cli_usage_error,
};

/* planc history DB [--full]: the runs the database holds. */
int cmd_history(int argc, char **argv)
{
    const char *path[1] = {NULL};
    simple_args a = {.arg.v = path, .lang = {msgcat_lang(), false}};
    int rc;
    if (!cli_read_command_line(&history_command, &a, argc, argv, &rc))
        return rc;
    lbl_lang lang = a.lang.lang;
    bool full = a.flag;
    if (!path[0])
        return cli_usage_error("history", "%sno database given", "");
    store_failure why;
    store *db = store_open_why(path[0], false, &why, stderr);
    if (!db)
        return why == STORE_FAIL_FILE ? EXIT_USAGE : EXIT_WRITE;
    rc = EXIT_OK;
    /* a failed write is told here (the store reports only its own errors) */
    int hr = full ? store_history_full(db, lang, stdout, stderr) : store_history(db, lang, stdout, stderr);
    if (cli_stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write the history: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    } else if (hr != 0)
        rc = EXIT_WRITE;
    store_close(db);
    return rc;
}

/* Reads a year given once (compare's --year and --against-year) into the
 * int at `where` (0 until given). */
static int take_year_once(const char *cmd, void *where, const char *opt, const char *v)
{
    if (*(int *)where)
        return cli_usage_error(cmd, "option '%s' given twice", opt);
    return cli_take_year(cmd, where, opt, v);
}

/* planc compare's command line (compare_command). */
typedef struct compare_args {
    cliopt_list args;  /* the database and the runs: three at most */
    cliopt_lang lang;  /* --lang, else PLANC_LANG or the locale */
    bool json, full;
    int year[2];       /* --year, --against-year; 0: not given */
} compare_args;

/* planc compare's options. */
static const cliopt_option compare_options[] = {
    {"--format", NULL, CLIOPT_CALL, offsetof(compare_args, json), cli_take_text_json},
    {"--full", NULL, CLIOPT_FLAG, offsetof(compare_args, full), NULL},
    {"--year", NULL, CLIOPT_CALL, offsetof(compare_args, year[0]), take_year_once},
    {"--against-year", NULL, CLIOPT_CALL, offsetof(compare_args, year[1]), take_year_once},
    {"--lang", NULL, CLIOPT_LANG, offsetof(compare_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc compare's command line: a database and two runs (or one). */
static const cliopt_command compare_command = {
    "compare", compare_options, NULL, false, offsetof(compare_args, args), 3,
    "unexpected argument '%s' (a database and two runs)", cli_usage_error,
};

/* planc compare DB RUN_A RUN_B, and DB RUN [RUN_B] --year A
 * --against-year B: one year's rows against another's. */
int cmd_compare(int argc, char **argv)
{
    const char *args[3];
    compare_args ca = {.args.v = args, .lang = {msgcat_lang(), false}};
    int rc;
    if (!cli_read_command_line(&compare_command, &ca, argc, argv, &rc))
        return rc;
    int n = (int)ca.args.n;
    lbl_lang lang = ca.lang.lang;
    bool full = ca.full, json = ca.json, lang_given = ca.lang.given;
    const int *year = ca.year;
    if (year[0] && !year[1])
        return cli_usage_error("compare", "option '%s' needs --against-year (the year of RUN_B, or of "
                                      "the one RUN, to set beside it)", "--year");
    if (year[1] && !year[0])
        return cli_usage_error("compare", "option '%s' needs --year (the year of RUN_A, or of the one "
                                      "RUN, to set beside it)", "--against-year");
    if (year[0] && year[0] == year[1]) {
        char y[16]; /* as a number: "2024" and "2024年" are one year */
        snprintf(y, sizeof y, "%d", year[0]);
        return cli_usage_error("compare", "--year and --against-year are the same year, %s: they name "
                                      "two years to pair (the same year of two runs is what "
                                      "'planc compare DB RUN_A RUN_B' pairs, without them)", y);
    }
    if (json && lang_given)
        /* as explain's: the document's keys and codes are English */
        return cli_usage_error("compare", "--lang is for the text comparison: %s keeps English keys and "
                                      "codes for programs", "--format json");
    if (json)
        lang = cli_programs_lang(); /* whatever PLANC_LANG or the locale say */
    if (n == 2 && year[0])
        args[n++] = args[1]; /* one run: its two years */
    if (n < 3)
        return cli_usage_error("compare", "%sa database and two runs are needed", "");
    store_failure why;
    store *db = store_open_why(args[0], false, &why, stderr);
    if (!db)
        return why == STORE_FAIL_FILE ? EXIT_USAGE : EXIT_WRITE;
    long long a, b;
    int fa = store_find_run(db, args[1], &a, stderr);
    int fb = fa == 0 ? store_find_run(db, args[2], &b, stderr) : 0;
    if (fa == 0 && fb == 0 && year[0]) {
        /* a year the run lacks: said as an absent run is */
        fa = store_run_year(db, a, year[0], stderr);
        fb = fa == 0 ? store_run_year(db, b, year[1], stderr) : 0;
    }
    if (fa != 0 || fb != 0) {
        /* a bad or absent run is the command's; a database that cannot be
         * read is not */
        rc = fa == -2 || fb == -2 ? EXIT_WRITE : EXIT_USAGE;
    } else if (a == b && !year[0]) {
        /* `compare DB 1 1` (or `3 last` when run 3 is the last): the
         * comparison of a run with itself says nothing and printed each
         * side's "only in" as if there were two runs; one run's two years
         * are --year/--against-year's */
        char id[32];
        snprintf(id, sizeof id, "%lld", a);
        rc = cli_usage_error("compare", "RUN_A and RUN_B are the same run, %s: name two runs to compare (one "
                                        "run's two years are compared with --year A --against-year B)", id);
    } else {
        store_compare_req rq = {.run = {a, b}, .year = {year[0], year[1]}, .lang = lang, .full = full,
                                .format = json ? STORE_COMPARE_JSON : STORE_COMPARE_TEXT};
        int cr = store_compare_request(db, &rq, stdout, stderr);
        if (cli_stdout_failed()) {
            csv_message(stderr, "planc: error: cannot write the comparison: %s\n", msgcat_strerror(msgcat_lang(), errno));
            rc = EXIT_WRITE;
        } else if (cr != 0)
            rc = EXIT_WRITE;
    }
    store_close(db);
    return rc;
}

/* Opens the results database at `path` to read and reads the record of
 * the run `name` names (an id, last, last~N): verify's and restore's
 * first steps.  EXIT_OK with *db open and *rec read (store_record_free
 * it); else the exit code after saying why (2: no such database or run;
 * 5: it cannot be read), *db NULL or open (store_close takes NULL). */
static int open_run_record(const char *path, const char *name, store **db, long long *run, store_record *rec)
{
    store_failure why;
    *db = store_open_why(path, false, &why, stderr);
    if (!*db)
        return why == STORE_FAIL_FILE ? EXIT_USAGE : EXIT_WRITE;
    int fr = store_find_run(*db, name, run, stderr);
    if (fr != 0)
        return fr == -2 ? EXIT_WRITE : EXIT_USAGE;
    return store_read_record(*db, *run, rec, stderr) != 0 ? EXIT_WRITE : EXIT_OK;
}

/* planc verify's command line (verify_command). */
typedef struct verify_args {
    cliopt_list args;    /* the database, the run and the rules: three at most */
    data_files files;    /* --data FILE [--read-with RULES], given again */
    cliopt_list outputs; /* --output FILE, given again */
    cliopt_lang lang;    /* --lang, else PLANC_LANG or the locale */
} verify_args;

/* planc verify's options besides the diagnostics' (cli_parse_diag_option,
 * without --warnings-as-errors: verify's verdict is its exit code). */
static const cliopt_option verify_options[] = {
    DATA_FILE_ROWS(verify_args),
    {"--output", NULL, CLIOPT_LIST, offsetof(verify_args, outputs), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(verify_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc verify's command line: a database, a run and the rules file. */
static const cliopt_command verify_command = {
    "verify", verify_options, cli_parse_diag_option, false, offsetof(verify_args, args), 3,
    "unexpected argument '%s' (a database, a run and the rules file; data files with --data, outputs with "
    "--output)", cli_usage_error,
};

/* planc verify DB RUN [RULES] [--data CSV [--read-with RULES]]... [--output
 * FILE]...: the files against what the run recorded (verify.h).  A
 * command of its own, as compare is (a database and a run, then what to
 * hold against it), not an option of history, which lists runs: its exit
 * code says whether the files are the run's. */
int cmd_verify(int argc, char **argv)
{
    const char *args[3] = {NULL, NULL, NULL};
    verify_args va = {.args.v = args, .lang = {msgcat_lang(), false}};
    va.files.data.v = rt_xcalloc((size_t)argc + 1, sizeof *va.files.data.v);
    va.files.withs = rt_xcalloc((size_t)argc + 1, sizeof *va.files.withs);
    va.outputs.v = rt_xcalloc((size_t)argc + 1, sizeof *va.outputs.v);
    int rc;
    if (!cli_read_command_line(&verify_command, &va, argc, argv, &rc)) {
        free(va.files.data.v);
        free(va.files.withs);
        free(va.outputs.v);
        return rc;
    }
    int n = (int)va.args.n;
    lbl_lang lang = va.lang.lang;
    size_t ndata = va.files.data.n, noutputs = va.outputs.n;
    const char **outputs = va.outputs.v;
    verify_data *data = rt_xcalloc(ndata + 1, sizeof *data);
    for (size_t i = 0; i < ndata; i++)
        data[i] = (verify_data){.path = va.files.data.v[i], .read_with = va.files.withs[i]};
    free(va.files.data.v);
    free(va.files.withs);
    rc = cli_settle_diag_options("verify", lang, true);
    if (rc == EXIT_OK && n < 2)
        rc = cli_usage_error("verify", "%sa database and a run are needed", "");
    else if (rc == EXIT_OK && n < 3 && !ndata && !noutputs)
        rc = cli_usage_error("verify", "%snothing to check: give the rules file, --data files or --output files "
                                   "('planc history DB --full' lists the runs' hashes)", "");
    for (size_t i = 0; rc == EXIT_OK && i < ndata; i++)
        if (strcmp(data[i].path, "-") == 0)
            rc = cli_usage_error("verify", "%s--data -: standard input cannot be checked against a run; save it to "
                                       "a file and give that", "");
    /* a file given twice (by one name or two): the run read none twice
     * (run refuses it so), and the second was set against another of its
     * files, a "differs" of a file whose hash is the run's */
    if (rc == EXIT_OK) {
        const char **paths = rt_xcalloc(ndata + 1, sizeof *paths);
        for (size_t i = 0; i < ndata; i++)
            paths[i] = data[i].path;
        if (cli_data_twice("verify", paths, ndata))
            rc = EXIT_USAGE;
        free(paths);
    }
    /* an output given twice would be checked twice and counted twice in
     * the verdict ("every file checked is the run's (2)") */
    for (size_t i = 0; rc == EXIT_OK && i < noutputs; i++)
        for (size_t j = 0; rc == EXIT_OK && j < i; j++)
            if (strcmp(outputs[i], outputs[j]) == 0)
                rc = cli_usage_error("verify", "the output '%s' is given twice (--output)", outputs[i]);
            else if (fio_same_file(outputs[i], outputs[j]))
                rc = cli_usage_error("verify", "the output '%s' is one given before under another name: each "
                                           "file is checked once (--output)", outputs[i]);
    store *db = NULL;
    long long run = 0;
    store_record rec;
    if (rc == EXIT_OK)
        rc = open_run_record(args[0], args[1], &db, &run, &rec);
    if (rc == EXIT_OK) {
        verify_files vf = {.rules = n > 2 ? args[2] : NULL, .data = data, .ndata = ndata,
                           .outputs = outputs, .noutputs = noutputs};
        int vr = verify_run(&rec, &vf, lang, stdout);
        store_record_free(&rec);
        if (cli_stdout_failed()) {
            csv_message(stderr, "planc: error: cannot write the verification: %s\n", msgcat_strerror(msgcat_lang(), errno));
            rc = EXIT_WRITE;
        } else if (vr != VERIFY_MATCH) {
            rc = EXIT_NOT_VERIFIED;
        }
    }
    store_close(db);
    free(data);
    free(outputs);
    return rc;
}

/* planc restore's command line (restore_command). */
typedef struct restore_args {
    cliopt_list args; /* the database, the run and the directory */
    cliopt_lang lang; /* --lang, else PLANC_LANG or the locale */
} restore_args;

/* planc restore's options besides the diagnostics' (cli_parse_diag_option). */
static const cliopt_option restore_options[] = {
    {"--lang", NULL, CLIOPT_LANG, offsetof(restore_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc restore's command line: a database, a run and a directory. */
static const cliopt_command restore_command = {
    "restore", restore_options, cli_parse_diag_option, true, offsetof(restore_args, args), 3,
    "unexpected argument '%s' (a database, a run and a directory)", cli_usage_error,
};

/* planc restore DB RUN DIR: the rules files run RUN read, written into a
 * new directory DIR (restore.h), checked against the run's hashes first.
 * A command of its own beside verify: verify checks the files an auditor
 * holds, restore gives back those the history keeps. */
int cmd_restore(int argc, char **argv)
{
    const char *args[3] = {NULL, NULL, NULL};
    restore_args ra = {.args.v = args, .lang = {msgcat_lang(), false}};
    int rc;
    if (!cli_read_command_line(&restore_command, &ra, argc, argv, &rc))
        return rc;
    lbl_lang lang = ra.lang.lang;
    rc = cli_settle_diag_options("restore", lang, true);
    if (rc == EXIT_OK && ra.args.n < 3)
        rc = cli_usage_error("restore", "%sa database, a run and the directory to write are needed", "");
    store *db = NULL;
    long long run = 0;
    store_record rec;
    if (rc == EXIT_OK)
        rc = open_run_record(args[0], args[1], &db, &run, &rec);
    if (rc == EXIT_OK) {
        /* the scored rules' texts, then each reading's */
        restore_set *sets = rt_xcalloc(rec.ndata + 1, sizeof *sets);
        size_t nsets = 0;
        for (long long k = -1; rc == EXIT_OK && k < (long long)rec.ndata; k++) {
            if (k >= 0 && !*rec.data[k].read_with)
                continue;
            store_file *files;
            size_t nfiles;
            int tr = store_read_texts(db, run, k, &files, &nfiles, stderr);
            if (tr < 0)
                rc = EXIT_WRITE;
            else
                sets[nsets++] = (restore_set){.reading = k, .files = files, .nfiles = nfiles, .recorded = tr == 0};
        }
        if (rc == EXIT_OK) {
            /* the messages of --diagnostics json are English, and so
             * is restore's list then (one language in restore_run) */
            restore_status st = restore_run(&rec, sets, nsets, args[0], args[2], warn_fatal(WARN_RESTORE_WITHOUT_TEXTS),
                                            cli_diag_opts.json ? LBL_EN : lang, stdout, stderr);
            /* --warnings-as-errors: a reading's rules without texts stop
             * it, nothing written; the run's rules are not given back as
             * it read them (exit 6) */
            int gate = cli_warnings_gate(cli_counted_warnings(), EXIT_NOT_VERIFIED);
            if (gate != EXIT_OK)
                rc = gate;
            else if (st == RESTORE_USAGE)
                rc = EXIT_USAGE;
            else if (st == RESTORE_WRITE)
                rc = EXIT_WRITE;
            else if (st == RESTORE_UNFAITHFUL)
                rc = EXIT_NOT_VERIFIED;
            else if (cli_stdout_failed()) {
                csv_message(stderr, "planc: error: cannot write the list of files restored: %s\n",
                            msgcat_strerror(msgcat_lang(), errno));
                rc = EXIT_WRITE;
            }
        }
        for (size_t i = 0; i < nsets; i++)
            store_texts_free((store_file *)sets[i].files, sets[i].nfiles);
        free(sets);
        store_record_free(&rec);
    }
    store_close(db);
    return rc;
}
