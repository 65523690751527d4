/* cmd_diff.c — planc diff: what differs between two rule sets
 * (diff.h). */
#include "cmd.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cliopt.h"
#include "csv.h"
#include "diag.h"
#include "diff.h"
#include "msgcat.h"
#include "cli.h"
#include "pipeline.h"

/* planc diff's command line (diff_command). */
typedef struct diff_args {
    cliopt_list files;  /* the old and the new rules */
    const char *format; /* --format, checked once the line is read */
    cliopt_lang lang;   /* --lang, else PLANC_LANG or the locale */
} diff_args;

/* planc diff's options. */
static const cliopt_option diff_options[] = {
    {"--format", NULL, CLIOPT_STRING, offsetof(diff_args, format), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(diff_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc diff's command line: two rules files. */
static const cliopt_command diff_command = {
    "diff", diff_options, NULL, false, offsetof(diff_args, files), 2, "unexpected argument '%s' (two rules files)",
    cli_usage_error,
};

/* planc diff OLD NEW [--format text|json]: both are checked (each in its
 * own compilation), then compared (diff.h). */
int cmd_diff(int argc, char **argv)
{
    const char *files[2] = {NULL, NULL};
    diff_args da = {.files.v = files, .format = "text", .lang = {msgcat_lang(), false}};
    int rc;
    if (!cli_read_command_line(&diff_command, &da, argc, argv, &rc))
        return rc;
    const char *format = da.format;
    lbl_lang lang = da.lang.lang;
    bool lang_given = da.lang.given;
    if (da.files.n < 2)
        return cli_usage_error("diff", "%sgive two rules files: the old and the new", "");
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return cli_usage_error("diff", "unknown format '%s' (available: text, json)", format);
    /* the JSON is for programs: its keys and codes stay English */
    if (lang_given && strcmp(format, "json") == 0)
        return cli_usage_error("diff", "--lang is for the review report: %s keeps English keys "
                                   "for programs", "--format json");
    if (strcmp(format, "json") == 0)
        lang = cli_programs_lang(); /* whatever PLANC_LANG or the locale say */
    compilation c[2];
    rc = EXIT_OK;
    diag_seen seen = {0}; /* a base file both sides import: its diagnostics once */
    bool failed[2];
    for (int k = 0; k < 2; k++) {
        pl_compilation_init(&c[k]);
        c[k].diag.lang = lang; /* the rules' messages' level words */
        c[k].diag.seen = &seen;
        failed[k] = pl_compile(&c[k], files[k]) != EXIT_OK;
        if (failed[k])
            rc = EXIT_RULES;
    }
    diag_seen_free(&seen);
    /* which side the errors above fail (one printed once may be both's):
     * a note, as the errors themselves, with their places, are above */
    if (failed[0] && failed[1])
        csv_message(stderr, "note: nothing is compared: neither rules file compiles ('%s', '%s')\n",
                    files[0], files[1]);
    else if (failed[0] || failed[1])
        csv_message(stderr, failed[0] ? "note: nothing is compared: the old rules '%s' do not compile\n"
                                       : "note: nothing is compared: the new rules '%s' do not compile\n",
                    files[failed[0] ? 0 : 1]);
    if (rc == EXIT_OK) {
        diff_side old = {c[0].model, &c[0].diag, files[0]}, new = {c[1].model, &c[1].diag, files[1]};
        diff_write(&c[1].arena, &old, &new, strcmp(format, "json") == 0 ? DIFF_JSON : DIFF_TEXT,
                   lang, stdout);
        if (cli_stdout_failed()) {
            csv_message(stderr, "planc: error: cannot write the differences: %s\n", msgcat_strerror(msgcat_lang(), errno));
            rc = EXIT_WRITE;
        }
    }
    pl_compilation_free(&c[0]);
    pl_compilation_free(&c[1]);
    return rc;
}
