/* cli.h — what planc's commands share on the command line (cli.c). */
#ifndef PLANC_CLI_H
#define PLANC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cliopt.h"
#include "report.h"
#include "table.h"

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* Exit codes (documented in --help and docs/LANGUAGE.md §12).  EXIT_WRITE:
 * the command was right, but an output, the results history or standard
 * output could not be written (or the history read): no permission, a
 * full disk, the file size limit, a lock held too long, a damaged
 * database; so that a script tells "fix the command" (2) from "retry, or
 * mend what is around it" (5). */
enum { EXIT_OK = 0, EXIT_RULES = 1, EXIT_USAGE = 2, EXIT_DATA = 3, EXIT_INTERNAL = 4, EXIT_WRITE = 5,
       EXIT_NOT_VERIFIED = 6 /* planc verify: a file is not the run's, or cannot be read */ };

/* How the command writes its diagnostics (cli_parse_diag_option): as JSON
 * Lines (--diagnostics json), without its warnings (-w, --no-warnings),
 * its warnings failing it (--warnings-as-errors).  pl_compilation_init gives
 * each rules check the first two; the rest goes through errstream.h. */
typedef struct diag_options {
    bool json, no_warnings, werror;
    bool werror_said;  /* the error that ends a run for its warnings was said */
} diag_options;

/* The end of an option table (cliopt.h). */
#define END_OF_OPTIONS {NULL, NULL, CLIOPT_FLAG, 0, NULL}

/* How many --na texts one command takes (the message says 32). */
#define MAX_NA 32

/* How many --set texts one command takes (the message says 64). */
#define MAX_SET 64

/* The data options of planc run and planc explain (rt_load_options): the
 * options and the --na texts they point to; and the --set NAME=VALUE
 * texts, which change the rules' values (apply_settings) and, like the
 * data options, are recorded with the results (cli_data_options_text). */
typedef struct data_options {
    rt_load_options load;
    const char *na[MAX_NA];
    const char *set[MAX_SET];
    size_t nset;
} data_options;

/* The rows of the data options of planc run and planc explain
 * (--skip-unknown-regions, --allow-missing-columns, --na TEXT, --data-year
 * Y, --encoding NAME, --set NAME=VALUE) in the table of command struct T, whose member
 * `dopt` holds them. */
#define DATA_OPTION_ROWS(T)                                                                                         \
    {"--skip-unknown-regions", NULL, CLIOPT_FLAG, offsetof(T, dopt.load.skip_unknown_regions), NULL},               \
    {"--allow-missing-columns", NULL, CLIOPT_FLAG, offsetof(T, dopt.load.allow_missing_columns), NULL},             \
    {"--na", NULL, CLIOPT_CALL, offsetof(T, dopt), cli_take_na},                                                    \
    {"--data-year", NULL, CLIOPT_CALL, offsetof(T, dopt), cli_take_data_year},                                      \
    {"--encoding", NULL, CLIOPT_CALL, offsetof(T, dopt), cli_take_encoding},                                        \
    {"--set", NULL, CLIOPT_CALL, offsetof(T, dopt), cli_take_set}

/* The data files of run, explain and verify: `--data FILE`, given again,
 * each with the rules that read it (`--read-with RULES` after it; NULL
 * for none).  data.v and withs have room for every argument. */
typedef struct data_files {
    cliopt_list data;
    const char **withs;
} data_files;

/* The rows of --data and --read-with in the table of command struct T,
 * whose member `files` (data_files) holds them. */
#define DATA_FILE_ROWS(T)                                                                                           \
    {"--data", NULL, CLIOPT_LIST, offsetof(T, files.data), NULL},                                                    \
    {"--read-with", NULL, CLIOPT_CALL, offsetof(T, files), cli_take_read_with}

/* The command line of a command of one argument, --lang and one flag of
 * its own: test (--all), history (--full), emit-llvm (--O0). */
typedef struct simple_args {
    cliopt_list arg;  /* the one argument: the rules file, or history's database */
    cliopt_lang lang; /* --lang, else PLANC_LANG or the locale */
    bool flag;        /* the command's flag */
} simple_args;

/* The rules tree given with --root (any command), or NULL: then each rules
 * file's own directory (import.h). */
extern const char *cli_rules_root;

extern diag_options cli_diag_opts;

/* planc run writes a workbook or a page, whose words --lang gives */
extern bool cli_lang_of_document;

int cli_usage_error(const char *cmd, const char *fmt, const char *arg);

lbl_lang cli_lang_of_args(int argc, char **argv, const char **bad_env);

/* The language of a command's output meant for programs (`--format
 * json` of check, explain, compare and diff, which refuse --lang): English
 * whatever the environment says, and so are the messages around it, the
 * same bytes as under LANG=C.  Returns LBL_EN. */
lbl_lang cli_programs_lang(void);

/* Parses argv[i] when it is one of the diagnostics' options (cli_diag_opts):
 * --diagnostics text|json, -w or --no-warnings, a named warning's option
 * (parse_warning_option), and --warnings-as-errors (-Werror too) where the
 * command `cmd` takes it (werror_ok).  Returns how many arguments it took
 * (0 when it is not one of them), or -1 after a usage error.  The commands
 * that take them name it in their cliopt_command (`more`), and the walk
 * tries it on each argument before the table. */
int cli_parse_diag_option(const char *cmd, bool werror_ok, int argc, char **argv, int i);

/* After the command line of `cmd` is read (its messages' language
 * `lang`): refuses what contradicts, and puts standard error's reader in
 * place (errstream.h) when an option asks for it and `install`.  EXIT_OK,
 * EXIT_USAGE, or EXIT_INTERNAL when the reader cannot be made. */
int cli_settle_diag_options(const char *cmd, lbl_lang lang, bool install);

/* The warnings written to stderr that fail the command (warn_fatal): under
 * --warnings-as-errors all of them but the cache's (cache_warn, counted
 * false in warnings.h), which are about the machine planc runs on (no
 * cache directory, one it may not write), not about the rules or the
 * data, and which a job that cannot change its HOME would otherwise fail
 * on; those -Werror=NAME names. */
unsigned cli_counted_warnings(void);

/* --warnings-as-errors or -Werror=NAME: when `nwarnings` warnings that
 * fail the command were written (by what `code` is about: 1 the rules, 3
 * the data and the run), says that the warnings written so far end the
 * command (once) and returns `code`; EXIT_OK otherwise. */
int cli_warnings_gate(unsigned nwarnings, int code);

/* Whether writing to stdout failed: the flush of what is buffered, or an
 * earlier write (a large fputs to a full disk writes past the buffer, and
 * its failure shows only in the stream's error flag). */
bool cli_stdout_failed(void);

/* Reads the command line of a command by its table (cliopt.h) into *st,
 * the command's struct: true to go on; false with *rc the command's exit
 * code, after its help (EXIT_OK) or a usage error (EXIT_USAGE). */
bool cli_read_command_line(const cliopt_command *c, void *st, int argc, char **argv, int *rc);

/* Reads `--format text|json` (check, compare) into the bool at `where`:
 * whether it is JSON.  0, or the usage error's exit code. */
int cli_take_text_json(const char *cmd, void *where, const char *opt, const char *v);

/* Reads a year given on the command line: 1..9999, also followed by 年
 * (`--year 2024年`, as the data's year column may write it); else 0. */
int cli_parse_year_arg(const char *v);

/* Reads a year (`--year Y`, cli_parse_year_arg) into the int at `where`. */
int cli_take_year(const char *cmd, void *where, const char *opt, const char *v);

/* The format an output file's name asks for: "csv", "json", "xlsx" or
 * "html" for a name ending in that extension (or ".htm"), in any case;
 * "xls" for ".xls", the old binary Excel format, which planc does not
 * write; NULL for any other name. */
const char *cli_format_of_name(const char *path);

/* Reads `--set NAME=VALUE` into the data_options at `where`: the text is
 * read with the rules (apply_settings). */
int cli_take_set(const char *cmd, void *where, const char *opt, const char *v);

/* Reads `--data-year Y`, given once, into the data_options at `where`. */
int cli_take_data_year(const char *cmd, void *where, const char *opt, const char *v);

/* Reads `--encoding NAME` into the encoding name at `*slot`: once, a name
 * the C library's iconv knows (GB18030, GBK, UTF-16 ...). */
int cli_take_encoding_name(const char *cmd, const char **slot, const char *v);
/* Reads `--encoding NAME` into the data_options at `where`: once, a name
 * the C library's iconv knows (GB18030, GBK, UTF-16 ...). */
int cli_take_encoding(const char *cmd, void *where, const char *opt, const char *v);

/* Reads `--na TEXT` into the data_options at `where`: a text without
 * spaces around it (cells are compared trimmed), 32 of them at most. */
int cli_take_na(const char *cmd, void *where, const char *opt, const char *v);

/* Reads `--read-with RULES` into the data_files at `where`: the rules
 * that read the data file given just before it, once. */
int cli_take_read_with(const char *cmd, void *where, const char *opt, const char *v);

/* Writes s to f as a shell word: as it is when it is plain, else quoted
 * as csv_shell_quoted does (a control character as $'\xHH', which the
 * history, the page and the workbook would otherwise show as an escape
 * or U+FFFD, and no command could be given again from them). */
void cli_put_word(FILE *f, const char *s);

/* A stream into memory (*buf, *len once it is closed), for a text built
 * in pieces; running out of memory ends planc (exit 4), as rt_xmalloc
 * does. */
FILE *cli_memstream(char **buf, size_t *len);

/* The data options as the command line gave them, for the history
 * ("--skip-unknown-regions --na - --data-year 2019"); malloc'd, "" for
 * none. */
char *cli_data_options_text(const data_options *d);

/* Each data file of the run for the documents' source (report_data_file):
 * datas[0..n) as given, their hashes as the table read them, each reading's
 * rules as given with their hash and manifest (withs[i] NULL: none;
 * with_hashes, with_manifests NULL when not known).  malloc'd; NULL when
 * the table hashed nothing (a CSV without --store asks for no hash). */
report_data_file *cli_data_file_list(const char *const *datas, const char *const *withs,
                                     const char *const *with_hashes,
                                     const char *const *with_manifests, size_t n,
                                     const rt_table *t);

/* The file to read for a data file named on the command line: '-' is
 * standard input, read as /dev/stdin (which the loader, the hash and the
 * history already take as a pipe). */
const char *cli_stdio_name(const char *data);

/* Whether one data file is given twice among datas[0..n) (names as
 * cli_stdio_name gives them), after the usage error that says so (run,
 * explain): by one name, `--data -` twice, standard input redirected from
 * a file also given by its name, or one file under two names (a link).
 * Every row would be a duplicate of itself; standard input is read once. */
bool cli_data_twice(const char *cmd, const char *const *datas, size_t n);

/* The run's data as the results and the history name it when a file is
 * read with other rules: each file, with ' --read-with RULES' after it
 * where it has them, joined by ", "; NULL when none has (the table's own
 * name then). */
char *cli_data_names(const char *const *datas, const char *const *withs, size_t n);

/* Frees n strings and the array that holds them. */
void cli_free_strings(char **v, size_t n);

/* A number as `planc test` shows it ("missing", in lang, for NaN). */
const char *cli_shown(lbl_lang lang, double v, char buf[32]);

#endif
