/* cliopt.h — a command's options read from a table.
 *
 * Each planc command (check, run, explain, ..., and build in aot.c) lists
 * its options in a table of cliopt_option rows: the option's name (and a
 * second spelling), whether it takes the argument after it, where in the
 * command's own struct it is stored or which small handler reads it.  One
 * walk over the command line (cliopt_parse) then does what every command
 * did in a loop of its own: -h and --help, the options of the table, the
 * options of no fixed name a command may take besides (the diagnostics'
 * -WNAME family, cli.c's cli_parse_diag_option), the arguments that are no
 * option, and the usage errors of an unknown option, an option without its
 * value and an argument too many, in the command's own words (its usage
 * function).  An option's value is the next argument, whatever it is
 * (`-o -jx` writes the file '-jx'), or joined to it: `--opt=value` (GNU's
 * spelling, for every option that takes a value, `more`'s too; a flag
 * given one is a usage error naming it) and a short option's `-j4`,
 * `-oout.csv` (getopt's; `-o=out.csv` is a usage error suggesting `-o
 * out.csv` and `--output=out.csv`, not the file '=out.csv').  A value of the table's options is never empty (`--data
 * ''`, `--data=`: a usage error naming the option, not a file '' that
 * cannot be read, exit 3).  `--` ends the options: every argument after it
 * is one of the command's arguments (`planc run -- -odd-name.plan`).
 * Checks between options (one that needs another, two that exclude each
 * other) stay with the command, after the walk. */
#ifndef PLANC_CLIOPT_H
#define PLANC_CLIOPT_H

#include <stdbool.h>
#include <stddef.h>

#include "labels.h"

/* The arguments an option or the command line collects in order (--data
 * given again, the rules files of check): v has room for every argument
 * of the command line (its owner allocates it), n of them are filled. */
typedef struct cliopt_list {
    const char **v;
    size_t n;
} cliopt_list;

/* --lang LANG as a command reads it: the language (the command sets its
 * default before the walk) and whether --lang was given. */
typedef struct cliopt_lang {
    lbl_lang lang;
    bool given;
} cliopt_lang;

/* How a row stores its option. */
typedef enum cliopt_kind {
    CLIOPT_FLAG,   /* no value: the bool at `field` becomes true */
    CLIOPT_STRING, /* the value is the const char * at `field` (the last given counts) */
    CLIOPT_LIST,   /* the value is added to the cliopt_list at `field` */
    CLIOPT_LANG,   /* the value is a language planc has (lbl_parse), in the cliopt_lang at `field` */
    CLIOPT_CALL,   /* the value is read by `take`, given the place at `field` */
} cliopt_kind;

/* A usage error of the command `cmd`: the message fmt with the one %s arg,
 * written as the command writes its usage errors; returns the exit code of
 * a usage error (2). */
typedef int cliopt_usage_fn(const char *cmd, const char *fmt, const char *arg);

/* A handler of a CLIOPT_CALL row: reads `value`, given for the option
 * spelt `opt`, into `where` (the command's struct plus the row's field).
 * Returns 0, or the exit code of the usage error it wrote. */
typedef int cliopt_take_fn(const char *cmd, void *where, const char *opt, const char *value);

/* Options of no fixed name the command takes besides its table (cli.c's
 * cli_parse_diag_option: -w, -WNAME, --diagnostics ...), tried on argv[i]
 * before the table: how many arguments it took, 0 when argv[i] is none of
 * them, -1 after a usage error.  werror_ok is the command's
 * cliopt_command.werror_ok. */
typedef int cliopt_more_fn(const char *cmd, bool werror_ok, int argc, char **argv, int i);

/* One option of a command's table; a row of NULL name ends the table. */
typedef struct cliopt_option {
    const char *name;      /* "--data" */
    const char *alias;     /* another spelling ("-o" for "--output"), or NULL */
    cliopt_kind kind;
    size_t field;          /* offsetof the option's place in the command's struct */
    cliopt_take_fn *take;  /* CLIOPT_CALL's handler, else NULL */
} cliopt_option;

/* A command's command line: its options and what it takes besides. */
typedef struct cliopt_command {
    const char *name;              /* "run": the usage errors' command */
    const cliopt_option *options;  /* the table */
    cliopt_more_fn *more;          /* the options of no fixed name, or NULL */
    bool werror_ok;                /* passed to `more` */
    size_t args;                   /* offsetof the cliopt_list of the arguments that are no option */
    size_t most;                   /* how many of them it takes; 0: any number */
    const char *too_many;          /* the usage error of one more: "unexpected argument '%s' (...)" */
    cliopt_usage_fn *usage;        /* writes a usage error */
} cliopt_command;

/* What cliopt_parse found. */
typedef enum cliopt_result {
    CLIOPT_OK,    /* the command line is read into the command's struct */
    CLIOPT_HELP,  /* -h or --help: the command prints its help */
    CLIOPT_USAGE, /* a usage error, written */
} cliopt_result;

/* Whether s asks for help: -h or --help. */
bool cliopt_is_help(const char *s);

/* Whether the file name a names a data file by its ending (.csv, .tsv, a
 * workbook's .xlsx, .xlsm or .xls, or FILE.xlsx#SHEET), as a rules file's
 * does not: `planc run RULES DATA` without --data, or a data file given
 * where the rules go. */
bool cliopt_names_data_file(const char *a);

/* Whether argv[i] gives the option `name` with its value, the next
 * argument (`--lang zh`: returns 2) or joined to it (`--lang=zh`: 1),
 * *value set to it; 0 when argv[i] is not that option, -1 when it is
 * `name` last on the line, without its value.  For the driver's options
 * read before a command's walk (--root, --lang), as the walk reads them. */
int cliopt_value_at(const char *name, int argc, char **argv, int i, const char **value);

/* Reads the command line argv[0..argc) of command c (the arguments after
 * its name) into *st, the command's struct, from left to right: each
 * argument is `--` (the arguments after it are no options), an option
 * joined to its value (`--opt=value`), one of `more`'s options, -h or
 * --help (CLIOPT_HELP at once), an option of the table (with the argument
 * after it when it takes a value, or a short one's joined value: `-j4`),
 * another argument starting with '-' and more (an unknown option), or an
 * argument that is no option ('-' is one: standard input or output).  The
 * first usage error ends the walk. */
cliopt_result cliopt_parse(const cliopt_command *c, void *st, int argc, char **argv);

#endif
