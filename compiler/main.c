/* main.c — the planc driver.
 *
 * The pipeline is visible in one place (QBE's main.c): pl_compile() reads and
 * parses, checks, lowers; cmd_run() then loads the data and runs the
 * program.  Each pass reports its errors through one diag context and the
 * driver stops after a pass that reported any.
 *
 * The commands are cmd.h's (cmd_*.c); what they share is cli.h's (the
 * command line), pipeline.h's (a compilation) and datawarn.h's (the
 * warnings about the data); their help is usage.h's. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aot.h"
#include "cleanup.h"
#include "cliopt.h"
#include "csv.h"
#include "msgcat.h"
#include "rtmem.h"
#include "errstream.h"
#include "warnings.h"
#include "cli.h"
#include "cmd.h"
#include "usage.h"

/* Takes `--root DIR` or `--root=DIR` (which every command accepts,
 * wherever it stands before a `--`) out of argv into cli_rules_root; returns
 * the new argc.  *bad is 0, or -1 when DIR is missing, -2 when it is
 * empty (`--root=`: no directory, a usage error like any option given an
 * empty value): then the option is taken out all the same, and the error
 * is said once the command line's --lang is read (main). */
static int take_root(int argc, char **argv, int *bad)
{
    int k = 0, i = 0;
    *bad = 0;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *dir;
        int used = cliopt_value_at("--root", argc, argv, i, &dir);
        if (used < 0) { /* `--root` last: nothing after it to take */
            *bad = *bad ? *bad : -1;
            continue;
        }
        if (used > 0 && !*dir)
            *bad = *bad ? *bad : -2;
        else if (used > 0)
            cli_rules_root = dir;
        if (used > 0) {
            i += used - 1;
            continue;
        }
        argv[k++] = argv[i];
    }
    while (i < argc)
        argv[k++] = argv[i++];
    argv[k] = NULL;
    return k;
}

/* A usage error when --root names no directory (a missing one, a
 * file): the command line is wrong, not the rules, so exit 2 and the
 * option named, before any rules file is read (it was exit 1, a rules
 * file's, from the loader's "cannot use ... as the rules tree"). */
static int root_usage_error(const char *dir)
{
    struct stat st;
    int e = 0;
    if (stat(dir, &st) != 0)
        e = errno;
    else if (!S_ISDIR(st.st_mode))
        e = ENOTDIR;
    if (!e)
        return EXIT_OK;
    const char *fmt = msgcat_tr("option '--root': cannot use '%s' as the rules tree: %s");
    const char *why = msgcat_strerror(msgcat_lang(), e);
    int n = snprintf(NULL, 0, fmt, dir, why);
    char *text = rt_xmalloc(n > 0 ? (size_t)n + 1 : 1, 1);
    snprintf(text, (size_t)n + 1, fmt, dir, why);
    cli_usage_error(NULL, "%s", text);
    free(text);
    return EXIT_USAGE;
}

/* Moves a `--lang LANG` (or `--lang=LANG`) written before the command
 * (`planc --lang zh help run`, as --root may stand there) to just after
 * it, where the command reads it: "wherever --lang stands"
 * (docs/LANGUAGE.md §12).  Right after the command, so that a --lang among
 * its options, later on the line, still counts over it. */
static void lead_lang(int argc, char **argv)
{
    const char *value;
    int used = argc > 1 ? cliopt_value_at("--lang", argc, argv, 1, &value) : 0;
    if (used <= 0 || argc < used + 2)
        return;
    char *cmd = argv[1 + used];
    memmove(argv + 2, argv + 1, (size_t)used * sizeof *argv);
    argv[1] = cmd;
}

/* Opens /dev/null, read only, on each of the standard descriptors 0, 1
 * and 2 that is closed (`2>&-`, `<&-`): else the next file planc opens
 * takes its number, and the warnings went into the results file that got
 * descriptor 2, or `--data -` read whatever file was open on 0.  Read
 * only, so that writing to a closed stdout still fails ("cannot write
 * results", exit 5) and `--data -` from a closed stdin reads an empty
 * file. */
static void std_streams_open(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int got = open("/dev/null", O_RDONLY);
        if (got >= 0 && got != fd)
            close(got);
    }
}

/* planc help's command line (help_command). */
typedef struct help_args {
    cliopt_list what; /* the command asked about, the first of them */
    cliopt_lang lang; /* checked here; the driver has set it (cli_lang_of_args) */
} help_args;

/* planc help's options. */
static const cliopt_option help_options[] = {
    {"--lang", NULL, CLIOPT_LANG, offsetof(help_args, lang), NULL},
    END_OF_OPTIONS,
};

/* cli_usage_error as help's reporter (cliopt_usage_fn): its errors point at
 * `planc help`, planc's own, not at `planc help help`. */
static int help_usage_error(const char *cmd, const char *fmt, const char *arg)
{
    (void)cmd;
    return cli_usage_error(NULL, fmt, arg);
}

/* planc help's command line: the command asked about, one (a word after
 * it, `planc help run extra`, is a usage error as another command's one
 * too many is: it was let be, and the help shown as if it were not
 * there), no diagnostics' options. */
static const cliopt_command help_command = {
    "help", help_options, NULL, false, offsetof(help_args, what), 1, "unexpected argument '%s' (one command)",
    help_usage_error,
};

/* planc --version's command line: no argument, a --lang let be (the
 * version is the same in every language); `planc --version extra` is a
 * usage error, not the version.  Its struct is help's (help_args). */
static const cliopt_command version_command = {
    "--version", help_options, NULL, false, offsetof(help_args, what), 0, NULL, help_usage_error,
};

/* Reads the arguments after argv[1] with c (help's or --version's
 * command line: words and a --lang); *first is the first word, NULL for
 * none.  Returns cliopt_parse's result. */
static cliopt_result read_help_args(const cliopt_command *c, int argc, char **argv, const char **first)
{
    help_args h = {.what.v = rt_xcalloc((size_t)argc + 1, sizeof *h.what.v), .lang = {msgcat_lang(), false}};
    cliopt_result r = cliopt_parse(c, &h, argc - 2, argv + 2);
    *first = h.what.n ? h.what.v[0] : NULL;
    free(h.what.v);
    return r;
}

/* Runs the command argv[1] (argc >= 2 after main's options) and returns
 * its exit code. */
static int command(int argc, char **argv)
{
    const char *cmd = argv[1];
    /* the language of the messages, and of the help (usage_text) */
    const char *bad_env = NULL;
    msgcat_set_lang(cli_lang_of_args(argc, argv, &bad_env));
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        const char *extra;
        cliopt_result r = read_help_args(&version_command, argc, argv, &extra);
        if (r == CLIOPT_USAGE)
            return EXIT_USAGE;
        if (r == CLIOPT_HELP) { /* planc --version --help: planc's help */
            fputs(usage_text(NULL), stdout);
            return EXIT_OK;
        }
        if (extra)
            return cli_usage_error(NULL, "unexpected argument '%s' (--version takes none)", extra);
        printf("planc %s\n", PLANC_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 || cliopt_is_help(cmd)) {
        /* the command asked about: the first argument that is no option
         * (planc help --lang zh run); a --lang without a language, or with
         * one planc has not, is the usage error every command's --lang is;
         * a -h or --help after it is its help (before it, planc's).
         * `planc --help` and `planc -h` are `planc help` with what follows
         * them read the same way: `planc --help run` is run's help and
         * `planc --help extra` the usage error `planc help extra` is (the
         * word was let be, and planc's help shown, while `planc help run
         * extra` and `planc --version extra` were refused) */
        const char *what;
        cliopt_result r = read_help_args(&help_command, argc, argv, &what);
        if (r == CLIOPT_USAGE)
            return EXIT_USAGE;
        /* the named warnings (warnings.h), in the reader's language */
        if (what && strcmp(what, "warnings") == 0) {
            warn_list(stdout, msgcat_lang());
            return cli_stdout_failed() ? EXIT_WRITE : EXIT_OK;
        }
        /* help's own help (planc help help, planc help --help) is planc's */
        const char *text = usage_text(what && strcmp(what, "help") != 0 && !cliopt_is_help(what) ? what : NULL);
        if (!text)
            return cli_usage_error(NULL, "no help for unknown command '%s'", what);
        fputs(text, stdout);
        return EXIT_OK;
    }
    /* as --lang's own error, but the help above still reads (in the
     * locale's language), and so does a command's (planc run --help):
     * a user who asks how to use planc is told, not refused */
    if (bad_env) {
        const char *text = usage_text(cmd);
        for (int i = 2; text && i < argc; i++)
            if (cliopt_is_help(argv[i])) {
                fputs(text, stdout);
                return EXIT_OK;
            }
        return cli_usage_error(NULL, "unknown language '%s' in PLANC_LANG (available: en, zh)", bad_env);
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    if (strcmp(cmd, "emit-llvm") == 0)
        return cmd_emit_llvm(argc - 2, argv + 2);
    if (strcmp(cmd, "explain") == 0)
        return cmd_explain(argc - 2, argv + 2);
    if (strcmp(cmd, "history") == 0)
        return cmd_history(argc - 2, argv + 2);
    if (strcmp(cmd, "compare") == 0)
        return cmd_compare(argc - 2, argv + 2);
    if (strcmp(cmd, "verify") == 0)
        return cmd_verify(argc - 2, argv + 2);
    if (strcmp(cmd, "restore") == 0)
        return cmd_restore(argc - 2, argv + 2);
    if (strcmp(cmd, "build") == 0)
        return aot_main(argc - 2, argv + 2, cli_rules_root);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(argc - 2, argv + 2);
    if (strcmp(cmd, "test") == 0)
        return cmd_test(argc - 2, argv + 2);
    if (strcmp(cmd, "template") == 0)
        return cmd_template(argc - 2, argv + 2);
    return cli_usage_error(NULL, "unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    int rc = EXIT_OK;
    std_streams_open();
    /* the environment's language until the command line is read
     * (command): `planc` alone */
    lbl_lang env;
    msgcat_env_lang(&env);
    msgcat_set_lang(env);
    /* Ctrl-C and the like remove the temporary files of the run. */
    cleanup_install();
    int root_bad;
    argc = take_root(argc, argv, &root_bad);
    lead_lang(argc, argv);
    /* the errors of --root in the command line's language, wherever its
     * --lang stands (`planc check --root nodir r.plan --lang zh`): they
     * came before --lang was read, in the environment's */
    const char *ignored;
    msgcat_set_lang(cli_lang_of_args(argc, argv, &ignored));
    if (root_bad == -2)
        return cli_usage_error(NULL, "option '%s' is given an empty value", "--root");
    if (root_bad)
        return cli_usage_error(NULL, "%soption '--root' needs a value", "");
    if (cli_rules_root && root_usage_error(cli_rules_root) != EXIT_OK)
        return EXIT_USAGE;
    /* no command (planc, planc --lang zh): planc's help, in that language */
    lbl_lang lang = env;
    const char *lang_v = NULL;
    int lang_used = argc >= 2 ? cliopt_value_at("--lang", argc, argv, 1, &lang_v) : 0;
    bool lang_only = lang_used != 0 && argc == 1 + (lang_used < 0 ? 1 : lang_used);
    if (lang_only && lang_used < 0)
        rc = cli_usage_error(NULL, "option '%s' needs a value", "--lang");
    else if (lang_only && !lbl_parse(lang_v, &lang))
        rc = cli_usage_error(NULL, "unknown language '%s' (available: en, zh)", lang_v);
    if (argc < 2 || lang_only) {
        msgcat_set_lang(lang);
        if (rc == EXIT_OK)
            fputs(usage_text(NULL), stderr);
        return EXIT_USAGE;
    }
    rc = command(argc, argv);
    /* what a command that succeeded wrote to stdout and did not check
     * itself (the help of every command, --version): a full disk or a
     * closed stdout is exit 5 there too, not a silent 0 */
    if (rc == EXIT_OK && cli_stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write to standard output: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    }
    es_finish(); /* what errstream.h holds, and stderr back */
    return rc;
}
