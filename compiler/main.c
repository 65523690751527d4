/* main.c — the planc driver.
 *
 * The pipeline is visible in one place (QBE's main.c): compile() reads and
 * parses, checks, lowers; cmd_run() then loads the data and runs the
 * program.  Each pass reports its errors through one diag context and the
 * driver stops after a pass that reported any. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "exec.h"
#include "ir.h"
#include "jit.h"
#include "lower.h"
#include "ofile.h"
#include "parse.h"
#include "report.h"
#include "sema.h"
#include "table.h"

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* Exit codes (documented in --help and docs/LANGUAGE.md §12). */
enum { EXIT_OK = 0, EXIT_RULES = 1, EXIT_USAGE = 2, EXIT_DATA = 3, EXIT_INTERNAL = 4 };

static const char usage_main[] =
    "usage: planc COMMAND [OPTIONS]\n"
    "\n"
    "planc compiles policy-plan rules and scores indicator data against them.\n"
    "\n"
    "commands:\n"
    "  check FILE...              check rules files and report every error\n"
    "  run RULES --data CSV       score the data against the rules\n"
    "  help [COMMAND]             show help for a command\n"
    "\n"
    "options:\n"
    "  -h, --help                 show this help\n"
    "  --version                  show planc's version\n"
    "\n"
    "exit codes:\n"
    "  0  success\n"
    "  1  errors in the rules\n"
    "  2  usage error (bad command line)\n"
    "  3  errors in the data\n"
    "  4  internal error\n"
    "\n"
    "Run 'planc help COMMAND' for a command's options.  The language is\n"
    "described in docs/LANGUAGE.md.\n";

static const char usage_check[] =
    "usage: planc check [--dump-ast] [--dump-ir] FILE...\n"
    "\n"
    "Checks each rules file on its own: syntax, names, units and dimensions,\n"
    "years, agencies, regions and weights.  Every error of a file is reported\n"
    "as FILE:LINE:COL with the source line and a caret.\n"
    "\n"
    "  --dump-ast   print the syntax tree of each file to stdout\n"
    "  --dump-ir    print the scoring program of each file to stdout\n"
    "\n"
    "exit: 0 when every file is clean, 1 when any has errors, 2 on usage errors.\n";

static const char usage_run[] =
    "usage: planc run RULES --data CSV [-o OUT] [--engine jit|interp]\n"
    "\n"
    "Scores every (region, year) row of CSV against the rules and writes the\n"
    "results as CSV to stdout, or to OUT (written atomically: a failed run\n"
    "leaves no partial file and keeps an existing one).\n"
    "\n"
    "  --data CSV       the indicator data: a region column, a year column and\n"
    "                   one column per indicator column\n"
    "  -o, --output OUT write the results to OUT instead of stdout\n"
    "  --engine ENGINE  what runs the scoring program: interp (the reference\n"
    "                   interpreter, the default) or jit (native code through\n"
    "                   LLVM; the same results)\n"
    "\n"
    "Results: one row per region, year and item (each target, measure,\n"
    "section and the total) with columns\n"
    "  region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes\n"
    "\n"
    "exit: 0 ok, 1 errors in the rules, 2 usage, 3 errors in the data.\n";

/* One compilation: its arena, diagnostics, and each pass's result. */
typedef struct compilation {
    arena arena;
    diag_ctx diag;
    ast_program *ast;
    sema_model *model;
    ir_program *ir;
} compilation;

/* Parse -> check -> lower one rules file.  Returns EXIT_OK or EXIT_RULES.
 * The checker also runs on what parsed after syntax errors (the parser
 * recovers at declaration boundaries), so one run reports the mistakes of
 * every kind; lowering runs only on a clean program. */
static int compile(compilation *c, const char *path)
{
    int file = diag_load_file(&c->diag, path);
    if (file < 0)
        return EXIT_RULES;
    c->ast = parse_file(&c->arena, &c->diag, file);
    c->model = sema_check(&c->arena, &c->diag, c->ast);
    if (diag_errors(&c->diag))
        return EXIT_RULES;
    c->ir = lower_program(&c->arena, &c->diag, c->model);
    if (diag_errors(&c->diag))
        return EXIT_RULES;
    return EXIT_OK;
}

static void compilation_init(compilation *c)
{
    memset(c, 0, sizeof *c);
    arena_init(&c->arena);
    diag_init(&c->diag, stderr);
}

static void compilation_free(compilation *c)
{
    diag_dispose(&c->diag);
    arena_free(&c->arena);
}

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "planc: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nRun 'planc help%s%s' for usage.\n", cmd ? " " : "", cmd ? cmd : "");
    return EXIT_USAGE;
}

static bool is_help(const char *s)
{
    return strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0;
}

/* planc check [--dump-ast] [--dump-ir] FILE... */
static int cmd_check(int argc, char **argv)
{
    bool dump_ast = false, dump_ir = false;
    int nfiles = 0, rc = EXIT_OK;
    for (int i = 0; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage_check, stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--dump-ast") == 0) {
            dump_ast = true;
        } else if (strcmp(argv[i], "--dump-ir") == 0) {
            dump_ir = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage_error("check", "unknown option '%s'", argv[i]);
        } else {
            nfiles++;
        }
    }
    if (nfiles == 0)
        return usage_error("check", "%sno rules file given", "");
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1])
            continue;
        compilation c;
        compilation_init(&c);
        int r = compile(&c, argv[i]);
        if (dump_ast && c.ast)
            ast_dump(c.ast, stdout);
        if (dump_ir && c.ir)
            ir_dump(c.ir, stdout);
        if (r != EXIT_OK)
            rc = r;
        compilation_free(&c);
    }
    return rc;
}

/* planc run RULES --data CSV [-o OUT] [--engine interp] */
static int cmd_run(int argc, char **argv)
{
    const char *rules = NULL, *data = NULL, *out = NULL, *engine = "interp";
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (is_help(a)) {
            fputs(usage_run, stdout);
            return EXIT_OK;
        } else if (strcmp(a, "--data") == 0 || strcmp(a, "-o") == 0 ||
                   strcmp(a, "--output") == 0 || strcmp(a, "--engine") == 0) {
            if (i + 1 >= argc)
                return usage_error("run", "option '%s' needs a value", a);
            const char *v = argv[++i];
            if (strcmp(a, "--data") == 0)
                data = v;
            else if (strcmp(a, "--engine") == 0)
                engine = v;
            else
                out = v;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("run", "unknown option '%s'", a);
        } else if (!rules) {
            rules = a;
        } else {
            return usage_error("run", "unexpected argument '%s' (one rules file per run)", a);
        }
    }
    if (!rules)
        return usage_error("run", "%sno rules file given", "");
    if (!data)
        return usage_error("run", "%sno data given (--data CSV)", "");
    if (strcmp(engine, "interp") != 0 && strcmp(engine, "jit") != 0)
        return usage_error("run", "unknown engine '%s' (available: jit, interp)", engine);

    compilation c;
    compilation_init(&c);
    int rc = compile(&c, rules);
    if (rc != EXIT_OK) {
        compilation_free(&c);
        return rc;
    }

    rt_table *table = rt_table_load(c.ir, data, stderr);
    if (!table) {
        compilation_free(&c);
        return EXIT_DATA;
    }
    jit_engine *jit = NULL;
    if (strcmp(engine, "jit") == 0 && !(jit = jit_create(c.ir, stderr))) {
        rt_table_free(table);
        compilation_free(&c);
        return EXIT_INTERNAL;
    }
    rt_result *res = rt_run(c.ir, table, jit ? jit_exec_engine(jit) : interp_engine(), stderr);
    if (!res) {
        jit_dispose(jit);
        rt_table_free(table);
        compilation_free(&c);
        return EXIT_DATA;
    }

    if (out) {
        ofile *o = ofile_open(out, stderr);
        if (!o) {
            rc = EXIT_USAGE;
        } else if (report_csv(c.ir, table, res, ofile_stream(o)) != 0) {
            fprintf(stderr, "planc: error: cannot write '%s': %s\n", out, strerror(errno));
            ofile_abort(o);
            rc = EXIT_USAGE;
        } else if (ofile_commit(o, stderr) != 0) {
            rc = EXIT_USAGE;
        }
    } else if (report_csv(c.ir, table, res, stdout) != 0 || fflush(stdout) != 0) {
        fprintf(stderr, "planc: error: cannot write results: %s\n", strerror(errno));
        rc = EXIT_USAGE;
    }

    rt_result_free(res);
    if (jit_dispose(jit) != 0)
        rc = EXIT_INTERNAL;
    rt_table_free(table);
    compilation_free(&c);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_main, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (is_help(cmd)) {
        fputs(usage_main, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("planc %s\n", PLANC_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        const char *what = argc > 2 ? argv[2] : NULL;
        if (!what)
            fputs(usage_main, stdout);
        else if (strcmp(what, "check") == 0)
            fputs(usage_check, stdout);
        else if (strcmp(what, "run") == 0)
            fputs(usage_run, stdout);
        else
            return usage_error(NULL, "no help for unknown command '%s'", what);
        return EXIT_OK;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    return usage_error(NULL, "unknown command '%s'", cmd);
}
