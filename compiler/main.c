/* main.c — the planc driver.
 *
 * The pipeline is visible in one place (QBE's main.c): compile() reads and
 * parses, checks, lowers; cmd_run() then loads the data and runs the
 * program.  Each pass reports its errors through one diag context and the
 * driver stops after a pass that reported any. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include "aot.h"
#include "arena.h"
#include "ast.h"
#include "cache.h"
#include "cleanup.h"
#include "cliopt.h"
#include "csv.h"
#include "diag.h"
#include "diff.h"
#include "exec.h"
#include "explain.h"
#include "fileio.h"
#include "hashout.h"
#include "import.h"
#include "ir.h"
#include "jit.h"
#include "lower.h"
#include "model.h"
#include "msgcat.h"
#include "ofile.h"
#include "parse.h"
#include "progress.h"
#include "report.h"
#include "report_html.h"
#include "report_json.h"
#include "report_xlsx.h"
#include "xlsx_read.h"
#include "rollup.h"
#include "rtmem.h"
#include "sema.h"
#include "sha256.h"
#include "store.h"
#include "table.h"
#include "manifest.h"
#include "restore.h"
#include "verify.h"
#include "template.h"
#include "template_xlsx.h"
#include "errstream.h"
#include "warnings.h"

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

static const char usage_main[] =
    "usage: planc COMMAND [OPTIONS]\n"
    "\n"
    "planc compiles policy-plan rules and scores indicator data against them.\n"
    "\n"
    "commands:\n"
    "  check FILE...              check rules files and report every error\n"
    "  run RULES --data CSV       score the data against the rules\n"
    "  explain RULES --data CSV --region R --year Y\n"
    "                             show how each score of a region and year\n"
    "                             was derived, with the numbers filled in\n"
    "  history DB                 list the runs recorded with run --store DB\n"
    "  compare DB RUN_A RUN_B     show what changed between two recorded runs\n"
    "  compare DB RUN --year A --against-year B\n"
    "                             show what changed from year A to year B\n"
    "  verify DB RUN [RULES] [--data CSV]... [--output FILE]...\n"
    "                             check files by SHA-256 against a recorded run\n"
    "  restore DB RUN DIR         write the rules files a recorded run read\n"
    "                             into a new directory DIR\n"
    "  emit-llvm RULES [--O0]     print the rules' scoring code as LLVM IR\n"
    "  build RULES -o libNAME.so  compile the rules into a C library (planc build --help)\n"
    "  diff OLD NEW [--format text|json]\n"
    "                             list what differs between two rule sets\n"
    "  test RULES                 run the tests written in the rules file\n"
    "  template RULES [--region R] [--years A-B]\n"
    "                             write the blank data file the rules read\n"
    "                             (the columns a region's rows need)\n"
    "  help [COMMAND]             show help for a command; 'planc help\n"
    "                             warnings' lists the warnings' names\n"
    "                             (-Wno-NAME turns one off)\n"
    "\n"
    "options:\n"
    "  -h, --help                 show this help\n"
    "  --version                  show planc's version\n"
    "  --root DIR                 (any command) the rules tree: imports may read\n"
    "                             files under DIR only (default: the directory\n"
    "                             of the rules file)\n"
    "  --lang zh                  (run, explain, history, compare, verify,\n"
    "                             test, diff, template; check, build and\n"
    "                             emit-llvm for the rules' messages) planc's\n"
    "                             own words in Chinese, as an\n"
    "                             evaluation report words them (达标, 进度滞后,\n"
    "                             基期值, 目标值 ...); its errors too, usage\n"
    "                             errors included; en is English\n"
    "\n"
    "option values: an option's value is the argument after it (--data d.csv)\n"
    "or joined to it (--data=d.csv; -j4 and -oout.csv for the short ones); an\n"
    "option that takes no value refuses one (--quiet=yes is a usage error), one\n"
    "that takes a value an empty one (--data=, -o '') and a short one's '='\n"
    "(-o=out.csv: write -o out.csv or --output=out.csv).\n"
    "-- ends the options: each argument after it is the command's own (a file,\n"
    "a run), even one starting with '-': planc run --data d.csv -- -odd-name.plan\n"
    "reads the rules file '-odd-name.plan'.\n"
    "\n"
    "language: without --lang, the messages, the help and the text of\n"
    "explain, test, diff, history, compare, verify, restore and template speak\n"
    "$PLANC_LANG (en or zh), else the locale's language (LANGUAGE, LC_ALL,\n"
    "LC_MESSAGES, LANG, as gettext reads them: zh_CN.UTF-8 is Chinese; C,\n"
    "POSIX or any other English).  A page's or a workbook's words are\n"
    "--lang's alone (a document handed on is the same whoever writes it), and\n"
    "what programs read (CSV, JSON, the history) stays English.\n"
    "\n"
    "exit codes:\n"
    "  0  success\n"
    "  1  errors in the rules\n"
    "  2  usage error (a bad command line)\n"
    "  3  errors in the data\n"
    "  4  internal error\n"
    "  5  an output file, standard output or the results database could\n"
    "     not be written (or the database read): no permission, a\n"
    "     read-only file, a full disk, a lock held too long\n"
    "  6  (verify) a file is not the one the run recorded, or cannot be read;\n"
    "     (restore) the run's rules cannot be given back as it read them\n"
    "\n"
    "Run 'planc help COMMAND' for a command's options.  The language is\n"
    "described in docs/LANGUAGE.md, running planc from cron in\n"
    "docs/UNATTENDED.md: in the source tree, or where planc is installed,\n"
    "PREFIX/share/doc/planc/docs/ (and 'man planc').\n";

static const char usage_test[] =
    "usage: planc test [--root DIR] [--all] [--lang en|zh] RULES\n"
    "\n"
    "Runs the tests written in RULES (`test \"...\" { data ... expect ... }`,\n"
    "docs/LANGUAGE.md §15): each test's rows are scored by the reference\n"
    "interpreter and every expectation is compared with the result.  A failed\n"
    "expectation is reported as FILE:LINE:COL with what was expected and what\n"
    "came out.  The tests of imported files and bases are counted, not run.\n"
    "\n"
    "  --all        run the tests of the files RULES imports or extends too, on\n"
    "               the program RULES makes (an adapted plan's goals); one that\n"
    "               names what this program does not have (a dropped region,\n"
    "               target or column) is skipped, with the name\n"
    "  --lang LANG  the language of the results, of a failed expectation's\n"
    "               message and of the rules' and data's errors: en or zh\n"
    "               (Chinese: 通过, 失败, 达标 ...); without it PLANC_LANG's or\n"
    "               the locale's ('planc help')\n"
    "\n"
    "exit: 0 when every test passes (or there are none), 1 when the rules have\n"
    "errors or a test fails, 2 on usage errors, 5 when standard output cannot\n"
    "be written.\n";

static const char usage_check[] =
    "usage: planc check [--dump-ast] [--dump-ir] [--origins] [--format text|json]\n"
    "                   [-w | --warnings-as-errors] [--lang en|zh] [--root DIR] FILE...\n"
    "\n"
    "Checks each rules file on its own (with the files it imports or extends):\n"
    "syntax, names, units and dimensions, years, agencies, regions and weights.\n"
    "Every error of a file is reported as FILE:LINE:COL with the source line\n"
    "and a caret.\n"
    "\n"
    "  --dump-ast   print the syntax tree of each file to stdout\n"
    "  --dump-ir    print the scoring program of each file to stdout\n"
    "  --origins    list what a plan that extends another changed: each item\n"
    "               overridden, added, dropped or replaced, with the line of\n"
    "               the statement and of the base's declaration\n"
    "  --format F   text (the default) or json: each diagnostic as one JSON\n"
    "               object per line on stderr, its notes inside it, for\n"
    "               editors and other programs (docs/LANGUAGE.md §12);\n"
    "               --diagnostics json is the same\n"
    "  -w, --no-warnings\n"
    "               leave the warnings out (they are still checked for)\n"
    "  --warnings-as-errors\n"
    "               a file with warnings fails as one with errors (exit 1),\n"
    "               after a last error that counts them\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "               leave one warning out, show it again, make it alone fail\n"
    "               the file, keep it a warning under --warnings-as-errors\n"
    "               (a warning ends in its name, [-WNAME]; 'planc help\n"
    "               warnings' lists them)\n"
    "  --lang LANG  the language of the text messages: en or zh (Chinese\n"
    "               where planc has the message in Chinese, else English;\n"
    "               without it PLANC_LANG's or the locale's, 'planc help');\n"
    "               --format json keeps its English texts\n"
    "  --root DIR   the rules tree imports may read from (default: the\n"
    "               directory of each rules file)\n"
    "\n"
    "exit: 0 when every file is clean, 1 when any has errors (or warnings, with\n"
    "--warnings-as-errors), 2 on usage errors,\n"
    "5 when a listing (--dump-ast, --dump-ir, --origins) cannot be written.\n";

static const char usage_diff[] =
    "usage: planc diff OLD.plan NEW.plan [--format text|json] [--lang en|zh]\n"
    "                  [--root DIR]\n"
    "\n"
    "Checks both rule sets and lists what differs, grouped by section and\n"
    "measure: targets added, dropped and changed (what they measure, goal\n"
    "values, deadlines, milestones, unit, scope, weight, veto), measures\n"
    "(title, lead, responsible and shared agencies, weight), sections, regions,\n"
    "indicators, the plan (baseline, horizon, periods) and the assessment\n"
    "(missing-data policy, score, grades).  The output is stable: the old\n"
    "rules' order, then what only the new ones have.\n"
    "\n"
    "  --format FORMAT  text (a review report, the default) or json (schema in\n"
    "                   docs/ADAPTING.md)\n"
    "  --lang LANG      the language of the review report's own words: en or zh\n"
    "                   (Chinese: 期限, 适用范围, 新增 ...; without it PLANC_LANG's\n"
    "                   or the locale's, 'planc help'); the rules' names, texts\n"
    "                   and expressions are as written.\n"
    "                   Only with --format text\n"
    "  --root DIR       the rules tree imports may read from (default: the\n"
    "                   directory of each rules file)\n"
    "\n"
    "exit: 0 whether or not they differ, 1 errors in the rules, 2 usage,\n"
    "5 when standard output cannot be written.\n";

/* The rules tree given with --root (any command), or NULL: then each rules
 * file's own directory (import.h). */
static const char *rules_root;

/* How the command writes its diagnostics (parse_diag_option): as JSON
 * Lines (--diagnostics json), without its warnings (-w, --no-warnings),
 * its warnings failing it (--warnings-as-errors).  compilation_init gives
 * each rules check the first two; the rest goes through errstream.h. */
typedef struct diag_options {
    bool json, no_warnings, werror;
    bool werror_said;  /* the error that ends a run for its warnings was said */
} diag_options;
static diag_options diag_opts;

static const char usage_run[] =
    "usage: planc run RULES --data CSV... [-o OUT]... [--engine auto|jit|interp] [-j N]\n"
    "                 [--no-cache] [--timings] [--format csv|json|xlsx|html]\n"
    "                 [--rollup region|agency|target] [--year Y] [--store DB]\n"
    "                 [--store-rows all|totals] [--skip-unknown-regions]\n"
    "                 [--allow-missing-columns] [--na TEXT]... [--data-year Y]\n"
    "                 [--set NAME=VALUE]... [--lang en|zh] [--quiet]\n"
    "                 [--diagnostics text|json] [-w | --warnings-as-errors]\n"
    "                 (--data CSV may be given again, each followed by\n"
    "                 --read-with RULES when other rules read it)\n"
    "\n"
    "Scores every (region, year) row of CSV against the rules and writes the\n"
    "results as CSV to stdout, or to OUT (written atomically: a failed or\n"
    "interrupted run leaves no partial file and keeps an existing one).\n"
    "\n"
    "  --data CSV       the indicator data: a region column, a year column and\n"
    "                   one column per indicator column (or per year, for a\n"
    "                   column \"C{year}\"); docs/LANGUAGE.md §10; - reads\n"
    "                   standard input (a file named - is ./-).  Given again\n"
    "                   (--data a.csv --data b.csv), the files' rows are read\n"
    "                   as one table, each file with its own header; a column\n"
    "                   the rules read for a region is to be in one of the\n"
    "                   files with rows of that region (a city's file as\n"
    "                   planc template writes it, or a ratings file beside\n"
    "                   it); a region and year two files give is one row,\n"
    "                   their numbers agreeing.  An Excel workbook (.xlsx) is\n"
    "                   read as the CSV Excel saves of its first sheet, or of\n"
    "                   sheet S with FILE.xlsx#S; its messages name FILE#S:ROW\n"
    "  --read-with RULES\n"
    "                   after a --data FILE: read FILE with the keys, column\n"
    "                   names, units and maps of RULES, an adaptation of the\n"
    "                   scored rules to that file (its regions the same); its\n"
    "                   cells are converted into the scored rules' units\n"
    "  --skip-unknown-regions\n"
    "                   skip the rows of regions the rules do not declare (a\n"
    "                   national file for a provincial plan) instead of\n"
    "                   reporting each as an error; a warning counts them\n"
    "  --allow-missing-columns\n"
    "                   an indicator column the data lacks is read as missing\n"
    "                   cells (data not collected yet), with a warning, instead\n"
    "                   of an error\n"
    "  --na TEXT        a cell holding TEXT is missing, like an empty cell or\n"
    "                   NA (e.g. --na - --na ..); may be repeated\n"
    "  --data-year Y    the data has no year column: every row is of year Y\n"
    "                   (one year's snapshot, such as an index)\n"
    "  --set NAME=VALUE score as if the rules gave indicator NAME, one given by\n"
    "                   'values { ... }', the constant VALUE (30, 80%,\n"
    "                   '30 [μg/m^3]', yes) for every region and year: a\n"
    "                   scenario without editing the rules; NAME=FROM..TO\n"
    "                   gives a period of the plan other years (a deadline\n"
    "                   'by NAME' moves); may be repeated for other names;\n"
    "                   recorded with the data options (docs/LANGUAGE.md §4)\n"
    "  -o, --output OUT write the results to OUT instead of stdout (-oOUT too;\n"
    "                   -o - is stdout); given again (-o r.csv -o r.xlsx\n"
    "                   -o r.html), to each file in the format its name\n"
    "                   asks for, all of them or none\n"
    "  --engine ENGINE  what runs the scoring program: jit (native code\n"
    "                   compiled through LLVM), interp (the reference\n"
    "                   interpreter) or auto (the default, else\n"
    "                   $PLANC_ENGINE): the JIT's code when the cache holds\n"
    "                   it, else the JIT when the rows are many enough for\n"
    "                   compiling to pay (about 100,000 for a plan of\n"
    "                   Liaoning's size; --timings gives the estimate), else\n"
    "                   the interpreter.  The results are the same\n"
    "  -j, --jobs N     read and score the rows on N threads (default: the\n"
    "                   number of online processors); the output and the\n"
    "                   messages are the same for every N (-jN too)\n"
    "  --no-cache       neither read nor write the cache of compiled code\n"
    "  --format FORMAT  csv (the default: the results, one row per region, year\n"
    "                   and item), json (one document with the results and\n"
    "                   the roll-ups; docs/OUTPUT.md has its schema), xlsx (an\n"
    "                   Excel workbook: a sheet per roll-up and the results)\n"
    "                   or html (one page with charts and tables); xlsx and\n"
    "                   html need -o.  Without --format, the name of OUT\n"
    "                   decides: .csv, .json, .xlsx, .html or .htm (any\n"
    "                   case), CSV for any other; a --format that\n"
    "                   contradicts the name is an error\n"
    "  --rollup KIND    write a roll-up instead of the results: region (total,\n"
    "                   grade, rank and vetoes of each region), agency (each\n"
    "                   lead agency's measures, targets and status counts) or\n"
    "                   target (per level, how many regions met it and the\n"
    "                   distribution of the values against the goal); with\n"
    "                   --format json, the document holds that roll-up and no\n"
    "                   results\n"
    "  --year Y         the year the roll-ups are for (default: the last year\n"
    "                   in the data)\n"
    "  --lang LANG      the language of a workbook's or a page's own words\n"
    "                   (headings, notes, legends, sheet names, column headers,\n"
    "                   status words): en (the default) or zh (Chinese, as an\n"
    "                   evaluation report words it: 达标, 进度滞后, 2027年 ...);\n"
    "                   the rules' and the data's texts and the numbers are as\n"
    "                   they are; and the language of the messages about the\n"
    "                   rules and the data (without --lang: PLANC_LANG's or the\n"
    "                   locale's; a page or a workbook is then English).  CSV\n"
    "                   and JSON keep English column names, keys and status\n"
    "                   codes for programs (there --lang gives only the\n"
    "                   messages)\n"
    "  --store DB       record the run in the SQLite database DB (created when\n"
    "                   absent): the rules' and data's SHA-256, planc's version,\n"
    "                   the time and every result row; see 'planc history'.\n"
    "                   It waits up to 60 s for another run's lock, or the\n"
    "                   whole seconds in PLANC_STORE_TIMEOUT (0: not at all)\n"
    "  --store-rows totals\n"
    "                   record only the rows of totals, sections and measures\n"
    "                   (scores and grades), not every target's row: a smaller\n"
    "                   history; 'planc compare' then compares grades and\n"
    "                   scores, not targets.  all: every row (the default)\n"
    "  --quiet          no progress line (shown on a terminal when a run takes\n"
    "                   more than about a second); the messages stay (-w)\n"
    "  --diagnostics F  text (the default) or json: every message on stderr\n"
    "                   (the rules', the data's with file:line, the run's,\n"
    "                   the cache's) as one JSON object per line, its notes\n"
    "                   inside it, as 'planc check --format json' writes them\n"
    "                   (docs/LANGUAGE.md §12); the results are unchanged\n"
    "  -w, --no-warnings\n"
    "                   leave the warnings out (skipped regions, missing\n"
    "                   columns, ...); the errors and the results stay\n"
    "  --warnings-as-errors\n"
    "                   a warning fails the run, after a last error that\n"
    "                   counts them: no results are written nor recorded;\n"
    "                   exit 1 when the rules warned, else 3 (the cache's\n"
    "                   warnings, about the machine, are not counted)\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "                   leave one warning out, show it again, make it alone\n"
    "                   fail the run, keep it a warning under\n"
    "                   --warnings-as-errors (a warning ends in its name,\n"
    "                   [-WNAME]; 'planc help warnings' lists them)\n"
    "  --timings        print the time of each phase to stderr, one line each:\n"
    "                     timing: NAME MS ms[ (NOTE)]\n"
    "                   NAME is, in order: parse, check, lower (the front end);\n"
    "                   with the JIT: cache (key, lookup and store; the\n"
    "                   note says hit, hit objects, miss or off), llvm-load\n"
    "                   (loading planc's LLVM back end; 'not needed' on a hit),\n"
    "                   llvm-lower, optimise, codegen (0 and noted 'cache hit'\n"
    "                   when the compiled code came from the cache), link\n"
    "                   (loading it into the JIT, or the cached library);\n"
    "                   then load (reading the data; with the JIT the\n"
    "                   rules compile meanwhile on a thread of their own,\n"
    "                   noted 'overlapped with jit'), wait (jit only: how\n"
    "                   long the scoring then waited for the compiled code),\n"
    "                   kernel (the compiled or interpreted segments, summed;\n"
    "                   the note gives the threads, and with --engine auto\n"
    "                   what it chose and why), barriers (peaks and\n"
    "                   shares), report (the missing-data check and writing\n"
    "                   the results; noted 'streamed' when the results were\n"
    "                   written chunk by chunk as they were scored) and total\n"
    "                   (the whole run)\n"
    "\n"
    "The JIT keeps the code it compiles in a cache, keyed by the rules, planc's\n"
    "version and the host CPU, so that a second run of unchanged rules skips\n"
    "optimisation and code generation (and, once the C compiler $CC, else cc,\n"
    "has linked the code into a library, LLVM itself): in $PLANC_CACHE_DIR, else\n"
    "$XDG_CACHE_HOME/planc, else ~/.cache/planc.  A damaged or foreign entry\n"
    "is detected and replaced; an unusable directory means no cache (with a\n"
    "warning).  A run that stores an entry removes those unused for 30 days\n"
    "($PLANC_CACHE_DAYS) and keeps the cache under 100M ($PLANC_CACHE_MAX: 500M,\n"
    "2G; 0 for no bound), the least recently used first.\n"
    "\n"
    "Results: one row per region, year and item (each target, measure,\n"
    "section and the total) with columns\n"
    "  region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes,\n"
    "  parent,top\n"
    "(tolerance after goal when a goal has one).\n"
    "\n"
    "exit: 0 ok, 1 errors in the rules, 2 usage, 3 errors in the data, 4 internal\n"
    "error, 5 when OUT, standard output or the --store database cannot be\n"
    "written (--warnings-as-errors: a warning is an error of the rules or the\n"
    "data).\n";

static const char usage_explain[] =
    "usage: planc explain RULES --data CSV... --region R [--year Y] [--target NAME]\n"
    "                     [--format text|json] [--lang en|zh] [--skip-unknown-regions]\n"
    "                     [--na TEXT]... [--data-year Y] [--allow-missing-columns]\n"
    "                     [--set NAME=VALUE]... [--diagnostics text|json]\n"
    "                     [-w | --warnings-as-errors]\n"
    "\n"
    "Scores the data like 'planc run', then shows for region R in year Y how\n"
    "each score was derived, with the numbers filled in: the data cells read\n"
    "(column, year, unit and conversion), the baseline value and the goal,\n"
    "the expected value on the trajectory, the status rule of\n"
    "docs/LANGUAGE.md §9 that applied, the score formula with its operands,\n"
    "the weight and the contribution to the measure, section and total, the\n"
    "veto, the clause, measure and lead agency; then the roll-up and grade.\n"
    "\n"
    "  --data CSV       the indicator data (- reads standard input); given\n"
    "                   again, the files' rows together, as for 'planc run'\n"
    "                   (a workbook: FILE.xlsx, FILE.xlsx#SHEET)\n"
    "  --read-with RULES\n"
    "                   after a --data FILE: read FILE as RULES read it\n"
    "                   (planc help run)\n"
    "  --region R       a region (its name or an alias)\n"
    "  --year Y         a year with a row for R (default: R's last year)\n"
    "  --target NAME    only this target (and its measure and section)\n"
    "  --format FORMAT  text (the default) or json (docs/OUTPUT.md)\n"
    "  --lang LANG      the language of the text explanation's own words: en\n"
    "                   or zh (Chinese, as an evaluation report words it: 达标,\n"
    "                   进度滞后, 基期值, 目标值 ...; without it PLANC_LANG's or the\n"
    "                   locale's, 'planc help'); the numbers,\n"
    "                   formulas and the rules' and the data's texts are as they\n"
    "                   are.  Only with --format text: the JSON keeps English\n"
    "  --skip-unknown-regions, --allow-missing-columns, --na TEXT, --data-year Y\n"
    "                   read the data as 'planc run' does with them\n"
    "  --set NAME=VALUE explain the scenario 'planc run --set' scores\n"
    "  --diagnostics F, -w, --no-warnings, --warnings-as-errors\n"
    "                   the messages on stderr as JSON, without the warnings,\n"
    "                   or with a warning failing the explanation (none is\n"
    "                   written), as for 'planc run'\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "                   one warning left out, shown, failing the explanation\n"
    "                   or not, as for 'planc run' ('planc help warnings')\n"
    "\n"
    "exit: 0 ok, 1 errors in the rules, 2 usage (an unknown region or target,\n"
    "a year without a row), 3 errors in the data, 4 internal error, 5 when\n"
    "standard output cannot be written.\n";

static const char usage_history[] =
    "usage: planc history DB [--full] [--lang en|zh]\n"
    "\n"
    "Lists the runs recorded in DB by 'planc run --store DB', oldest first:\n"
    "run id, time (UTC), planc version, data rows, result rows, the first 12\n"
    "hex digits of the rules' and the data's SHA-256, plan, rules and data.\n"
    "\n"
    "  --full       the hashes whole (64 hex digits, as sha256sum prints them)\n"
    "  --lang LANG  the language of the column headers and of the errors: en\n"
    "               or zh (without it PLANC_LANG's or the locale's, 'planc help')\n"
    "\n"
    "exit: 0 ok, 2 when DB does not exist or is not a planc results database,\n"
    "5 when it cannot be read (locked, damaged) or standard output written.\n";

static const char usage_compare[] =
    "usage: planc compare DB RUN_A RUN_B [--full] [--format text|json] [--lang en|zh]\n"
    "       planc compare DB RUN [RUN_B] --year A --against-year B [--full]\n"
    "                     [--format text|json] [--lang en|zh]\n"
    "\n"
    "Shows what changed from RUN_A to RUN_B (run ids from 'planc history', or\n"
    "'last' for the newest and 'last~N' for N runs before it): whether the\n"
    "rules and the data changed (of runs over several data files, which\n"
    "files changed, were added, dropped or renamed, and how many are the\n"
    "same), then each grade, status and score that changed, in result\n"
    "order, and the rows only one of the runs has.  Each row of a year is\n"
    "paired with the other run's row of the same year.\n"
    "\n"
    "With --year A --against-year B, the rows of year A (of RUN, or RUN_A)\n"
    "are paired with those of year B (of RUN, or RUN_B) by region and item\n"
    "instead: which regions and targets moved from one year to the next\n"
    "('沈阳 2023 → 2024 target PM25: on_track → lagging (...)').\n"
    "\n"
    "  --year A     the year of RUN (RUN_A) to compare from\n"
    "  --against-year B\n"
    "               the year of RUN (RUN_B) to compare with; another year\n"
    "  --full       also each run's rules and data SHA-256 whole (64 hex\n"
    "               digits; the header gives their first 12)\n"
    "  --format F   text (the default) or json: one document for scripts, each\n"
    "               changed row with both runs' status, score, grade, value,\n"
    "               goal and tolerance, and every row only one side has\n"
    "               (docs/OUTPUT.md section 5); its hashes are whole, its keys\n"
    "               English (no --lang)\n"
    "  --lang LANG  the language of compare's own words and errors: en or\n"
    "               zh (Chinese: 等级变化, 达标 → 未达标, 2027年 ...; without it\n"
    "               PLANC_LANG's or the locale's, 'planc help')\n"
    "\n"
    "exit: 0 ok, 2 when DB does not exist, is not a planc results database or\n"
    "has no such run (or the run no rows of a year given), 5 when it cannot be\n"
    "read (locked, damaged: nothing is then written, however far it read) or\n"
    "standard output written.\n";

static const char usage_verify[] =
    "usage: planc verify DB RUN [RULES] [--data CSV [--read-with RULES]]...\n"
    "                    [--output FILE]... [--lang en|zh] [--diagnostics text|json]\n"
    "\n"
    "Checks files against run RUN of DB (a run id from 'planc history', 'last'\n"
    "or 'last~N'), by SHA-256: RULES and each file it imported (named as the\n"
    "run's rules manifest names them, beside RULES, or beside the file it\n"
    "links to, as run read them) and the hash of their manifest; each data\n"
    "file, and the rules it was read with; each output the run wrote (its\n"
    "CSV, JSON, workbook or page).  A line per file gives its full SHA-256\n"
    "and whether it matches, with the hash the run recorded when it does\n"
    "not; then what the run recorded that was not given.\n"
    "\n"
    "  RULES            the rules file given to planc run\n"
    "  --data CSV       a data file (given again for several; - is not a file)\n"
    "  --read-with RULES\n"
    "                   after a --data CSV: the rules it was read with\n"
    "  --output FILE    a file the run wrote (-o), given again for several\n"
    "  --lang LANG      the language of verify's own words: en or zh (一致,\n"
    "                   不一致 ...; without it PLANC_LANG's or the locale's)\n"
    "  --diagnostics F, -w, --no-warnings\n"
    "                   the messages on stderr (not the lines on stdout) as\n"
    "                   JSON, or without the warnings, as for 'planc run'\n"
    "  -Wno-NAME, -WNAME\n"
    "                   one warning left out or shown, as for 'planc run'\n"
    "\n"
    "A run recorded by planc 0.12 or earlier (before schema version 8) kept\n"
    "no output's hash and one hash of all its data files: its outputs are\n"
    "'not recorded', its data files checked together.\n"
    "\n"
    "exit: 0 every file given is the run's, 6 a file differs, cannot be read or\n"
    "was not recorded by the run, 2 usage (no such run, no file given, DB\n"
    "not a planc results database), 5 when DB cannot be read (locked, damaged)\n"
    "or standard output written.\n";

static const char usage_restore[] =
    "usage: planc restore DB RUN DIR [--lang en|zh] [--diagnostics text|json]\n"
    "                     [-w | --warnings-as-errors]\n"
    "\n"
    "Writes the rules files run RUN of DB (a run id from 'planc history',\n"
    "'last' or 'last~N') read into DIR, a new directory (or an empty one):\n"
    "the rules file given to planc run, each file it imported, and the\n"
    "rules each data file was read with (--read-with), from the texts the\n"
    "history keeps (schema version 6 on; a reading's from version 9).  Each\n"
    "file goes where the run found it, relative to the directory planc run\n"
    "was started in, so the run's own command line names the same files\n"
    "from DIR.  Every text is first checked against the SHA-256 the run\n"
    "recorded for it, and their manifest against the run's rules hash:\n"
    "nothing is written unless all of them hold, and DIR appears whole or\n"
    "not at all.  The data files are not in the history (only their\n"
    "SHA-256): 'planc verify' checks those an auditor holds.\n"
    "\n"
    "  --lang LANG  the language of restore's own words: en or zh (without it\n"
    "               PLANC_LANG's or the locale's, 'planc help')\n"
    "  --diagnostics F, -w, --no-warnings, --warnings-as-errors\n"
    "               the messages on stderr (not the list on stdout) as JSON,\n"
    "               without the warnings, or with a warning failing the\n"
    "               command (a reading's rules without texts: nothing is\n"
    "               written, exit 6), as for 'planc run'\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "               one warning left out, shown, failing the command or not,\n"
    "               as for 'planc run' ('planc help warnings')\n"
    "\n"
    "exit: 0 restored, 2 usage (no such run, DB not a planc results\n"
    "database, DIR exists and is not an empty directory), 5 when DB cannot\n"
    "be read or DIR written, 6 when the run's rules cannot be given back as\n"
    "it read them: recorded before the history kept their texts, or texts\n"
    "not matching the hashes the run recorded (a database changed after\n"
    "the run), or a name planc will not write (a control character).\n";

static const char usage_template[] =
    "usage: planc template RULES [--region R]... [--years A-B] [--list]\n"
    "                      [-o OUT] [--lang en|zh] [--root DIR]\n"
    "       planc template RULES --check FILE... [--region R]... [--years A-B]\n"
    "                      [--na TEXT]... [--lang en|zh] [--diagnostics text|json]\n"
    "                      [-w | --warnings-as-errors]\n"
    "\n"
    "Writes the blank data file RULES read, as CSV (or an Excel workbook, -o\n"
    "NAME.xlsx): a header of the rules' region and year columns and every\n"
    "data column a target reads on the chosen regions' rows, then a row of\n"
    "empty cells per region and year, to fill in and give to planc run\n"
    "--data.  A column is listed when a target that applies to one of the\n"
    "regions reads it, or a target above them (a province's share or total of\n"
    "its cities) or beside them (average(x)) reads it on their rows; the\n"
    "columns of other regions' targets are left out.  An empty cell is a\n"
    "missing number.  The regions' files filled in combine as they are: planc\n"
    "run RULES --data A.csv --data B.csv ...\n"
    "\n"
    "  --region R   a region the file is for (its name or an alias), given\n"
    "               again for more; default: every region the rules declare\n"
    "  --years A-B  a row per region for each year A to B (or one year A);\n"
    "               without it, the header alone\n"
    "  --list       instead of the CSV, list its columns, a line each: what a\n"
    "               cell holds (a number in the column's unit, yes or no, a\n"
    "               0-100 rating, a text map's texts), the indicator, and the\n"
    "               chosen regions that need it when not all do; it is text:\n"
    "               -o NAME.xlsx is a usage error (the workbook holds the list)\n"
    "  --check FILE instead, check a filled-in FILE (a CSV file, or a workbook:\n"
    "               FILE.xlsx, FILE.xlsx#SHEET) as planc run reads it (the\n"
    "               data errors, with file:line), for the regions given, else\n"
    "               those it has rows of: a needed column the header lacks, a\n"
    "               row of another region (with --region), a year of --years\n"
    "               without a row, a file of its header only are errors; each\n"
    "               needed column's empty cells are listed; a column in % of\n"
    "               fractions only (0.7 for 70%), or one filled in its\n"
    "               indicator's unit (万亩 for 公顷), is warned of as planc\n"
    "               run warns.  The columns other regions need are not asked\n"
    "               for: a city's file is checked alone.  Ends with 'FILE:\n"
    "               ok', or 'FILE: no errors, N warnings' after warnings.\n"
    "               - reads standard input.\n"
    "               Given again, the files are checked together as planc run\n"
    "               --data A --data B reads them (a ratings file with the\n"
    "               files it rates), a column a region needs in one of them\n"
    "  --na TEXT    with --check: a cell holding TEXT is missing (planc run's)\n"
    "  -o OUT       write to OUT (written atomically) instead of stdout; OUT\n"
    "               named .xlsx is a workbook: the CSV's cells on its first\n"
    "               sheet (the header frozen, a note on an indicator's\n"
    "               header cell where a cell's input message does not say\n"
    "               it all, a drop-down of yes and no in a yes/no column\n"
    "               and of the texts in a text map's, a warning on a\n"
    "               number column's text), --list's\n"
    "               text on a second, to fill in in Excel and give to --data\n"
    "               as it is\n"
    "  --lang LANG  the language of --list, of the workbook's notes and\n"
    "               sheet names, and of the messages: en or zh\n"
    "               (without it PLANC_LANG's or the locale's, 'planc help')\n"
    "  --diagnostics F, -w, --no-warnings, --warnings-as-errors\n"
    "               the messages on stderr (--check's too) as JSON, without\n"
    "               the warnings, or with a warning failing the command (no\n"
    "               file is written; after --check's last line), as for\n"
    "               'planc run'\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "               one warning left out, shown, failing the command or not,\n"
    "               as for 'planc run' ('planc help warnings')\n"
    "\n"
    "exit: 0 ok, 1 errors in the rules, 2 usage, 3 errors in the checked file,\n"
    "5 when OUT cannot be written (--warnings-as-errors: a warning is an error\n"
    "of the rules, or of the checked file).\n";

static const char usage_emit_llvm[] =
    "usage: planc emit-llvm RULES [--O0] [--lang en|zh]\n"
    "\n"
    "Prints the LLVM module that `planc run --engine jit` compiles for the\n"
    "rules, as LLVM IR text, to stdout: optimised (default<O3> for this host's\n"
    "CPU), or as lowered from the scoring program with --O0.\n"
    "\n"
    "  --O0         print the module before optimisation\n"
    "  --lang LANG  the language of the rules' messages: en or zh (without it\n"
    "               PLANC_LANG's or the locale's, 'planc help')\n"
    "\n"
    "exit: 0 ok, 1 errors in the rules, 2 usage, 4 internal error, 5 when\n"
    "standard output cannot be written.\n";

/* The Chinese twins of the help texts above (usage_text). */
static const char usage_main_zh[] =
    "用法：planc COMMAND [OPTIONS]\n"
    "\n"
    "planc 编译规划规则，并按规则对指标数据评分。\n"
    "\n"
    "命令：\n"
    "  check FILE...              检查规则文件，报告其中每个错误\n"
    "  run RULES --data CSV       按规则对数据评分\n"
    "  explain RULES --data CSV --region R --year Y\n"
    "                             列出某地区某年的每项得分如何得出，\n"
    "                             代入实际数值\n"
    "  history DB                 列出以 run --store DB 记入的评估\n"
    "  compare DB RUN_A RUN_B     列出两次记入的评估之间的变化\n"
    "  compare DB RUN --year A --against-year B\n"
    "                             列出从 A 年到 B 年的变化\n"
    "  verify DB RUN [RULES] [--data CSV]... [--output FILE]...\n"
    "                             按 SHA-256 核对文件是否为某次评估所用、所写\n"
    "  restore DB RUN DIR         把某次记入的评估所读的规则文件写入新目录 DIR\n"
    "  emit-llvm RULES [--O0]     以 LLVM IR 输出规则的评分代码\n"
    "  build RULES -o libNAME.so  把规则编译为 C 库（见 planc build --help）\n"
    "  diff OLD NEW [--format text|json]\n"
    "                             列出两套规则的差异\n"
    "  test RULES                 运行规则文件中写的测试\n"
    "  template RULES [--region R] [--years A-B]\n"
    "                             写出规则所读的空白数据文件\n"
    "                             （所选地区各行需要的列）\n"
    "  help [COMMAND]             显示某个命令的说明；'planc help warnings'\n"
    "                             列出各种警告的名称（-Wno-NAME 关闭其一）\n"
    "\n"
    "选项：\n"
    "  -h, --help                 显示本说明\n"
    "  --version                  显示 planc 的版本\n"
    "  --root DIR                 （各命令）规则目录树：import 只能读取 DIR\n"
    "                             之下的文件（默认：规则文件所在目录）\n"
    "  --lang zh                  （run、explain、history、compare、verify、\n"
    "                             test、diff、template；check、build 和\n"
    "                             emit-llvm 用于规则的报错信息）planc 自身的\n"
    "                             文字用中文，措辞同\n"
    "                             评估报告（达标、进度滞后、基期值、目标值……）；\n"
    "                             其报错信息（包括用法错误）和本说明也用中文；\n"
    "                             en 为英文\n"
    "\n"
    "选项的值：写在选项之后（--data d.csv），或用 = 连写（--data=d.csv；\n"
    "短选项直接连写：-j4、-oout.csv）；不带值的选项不接受值（--quiet=yes\n"
    "是用法错误），带值的选项不接受空值（--data=、-o ''），短选项不用 = 连写\n"
    "（-o=out.csv 是用法错误：写 -o out.csv 或 --output=out.csv）。\n"
    "-- 表示选项到此为止：其后的参数都是命令本身的参数（文件、\n"
    "评估），以 '-' 开头的也是（planc run --data d.csv -- -odd-name.plan）。\n"
    "\n"
    "语言：不给 --lang 时，报错信息、说明以及 explain、test、diff、history、\n"
    "compare、verify、restore、template 的文本按 $PLANC_LANG（en 或 zh），否则按\n"
    "语言环境（LANGUAGE、LC_ALL、LC_MESSAGES、LANG，读法同 gettext：zh_CN.UTF-8\n"
    "为中文，C、POSIX 或其他为英文）。网页和工作簿的文字只由 --lang 决定（交给\n"
    "他人的报告不因生成者的终端而不同）；供程序读取的 CSV、JSON 和历史库保持英文。\n"
    "\n"
    "退出码：\n"
    "  0  成功\n"
    "  1  规则有错误\n"
    "  2  用法错误（命令行有误）\n"
    "  3  数据有错误\n"
    "  4  内部错误\n"
    "  5  无法写入输出文件、标准输出或结果历史库（或无法读取历史库）：\n"
    "     权限不够、文件只读、磁盘已满、锁等待超时\n"
    "  6  （verify）文件不是该次评估记录的文件，或无法读取；\n"
    "     （restore）无法按该次评估所读的原样还原其规则文件\n"
    "\n"
    "运行 'planc help COMMAND' 查看某个命令的选项。规则语言见\n"
    "docs/LANGUAGE.md，中文指南见 docs/GUIDE.zh-CN.md，用 cron 定时运行见\n"
    "docs/UNATTENDED.md：在源代码目录中，安装后在 PREFIX/share/doc/planc/docs/\n"
    "（另见 'man planc'）。\n";

static const char usage_test_zh[] =
    "用法：planc test [--root DIR] [--all] [--lang en|zh] RULES\n"
    "\n"
    "运行 RULES 中写的测试（`test \"...\" { data ... expect ... }`，\n"
    "docs/LANGUAGE.md §15）：每个测试的数据行由参考解释器评分，每条期望\n"
    "与结果比较。未满足的期望报告为 FILE:LINE:COL，并给出期望值和实际结果。\n"
    "import 的文件和所扩展的基础规则中的测试只计数，不运行。\n"
    "\n"
    "  --all        也运行 RULES 所 import 或扩展的文件中的测试，在 RULES\n"
    "               生成的评分程序上运行（改编后规划的目标）；测试中用到本程序\n"
    "               没有的名称（删去的地区、目标或列）时跳过该测试，并给出名称\n"
    "  --lang LANG  结果和未满足期望的信息所用语言：en 或 zh（中文：\n"
    "               通过、失败、达标……）；规则的报错和读数据的报错也随之；\n"
    "               不给时按 PLANC_LANG 或语言环境（见 'planc help'）\n"
    "\n"
    "退出码：全部测试通过（或没有测试）为 0，规则有错误或有测试失败为 1，\n"
    "用法错误为 2，无法写入标准输出为 5。\n";

static const char usage_check_zh[] =
    "用法：planc check [--dump-ast] [--dump-ir] [--origins] [--format text|json]\n"
    "                  [-w | --warnings-as-errors] [--lang en|zh] [--root DIR] FILE...\n"
    "\n"
    "逐个检查规则文件（连同其 import 或扩展的文件）：语法、名称、计量单位\n"
    "和量纲、年份、单位、地区和权重。文件中的每个错误报告为 FILE:LINE:COL，\n"
    "并附源代码行和指示符号 ^。\n"
    "\n"
    "  --dump-ast   把每个文件的语法树输出到标准输出\n"
    "  --dump-ir    把每个文件的评分程序输出到标准输出\n"
    "  --origins    列出扩展另一规划的规划改动了什么：改写、新增、删除或替换\n"
    "               的每一项，以及该语句和基础规则中声明所在的行\n"
    "  --format F   text（默认）或 json：每条诊断信息为标准错误上的一行 JSON\n"
    "               对象，附注在其中，供编辑器等程序读取（docs/LANGUAGE.md §12）；\n"
    "               --diagnostics json 与之相同\n"
    "  -w, --no-warnings\n"
    "               不输出警告（仍照常检查）\n"
    "  --warnings-as-errors\n"
    "               有警告的文件与有错误的文件一样算作失败（退出码 1），最后\n"
    "               以一条错误给出警告的个数\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "               不输出某一种警告、重新输出它、只让它令文件失败、在\n"
    "               --warnings-as-errors 下仍把它当作警告（每条警告末尾有其\n"
    "               名称 [-WNAME]；'planc help warnings' 列出全部名称）\n"
    "  --lang LANG  文本信息所用语言：en 或 zh（不给时按 PLANC_LANG 或语言环境，\n"
    "               见 'planc help'；planc 有中文的信息用中文，否则为英文）；\n"
    "               --format json 保持英文\n"
    "  --root DIR   import 可读取的规则目录树（默认：各规则文件所在目录）\n"
    "\n"
    "退出码：所有文件都没有错误为 0，有错误（使用 --warnings-as-errors 时，\n"
    "或有警告）为 1，用法错误为 2，\n"
    "无法写入清单（--dump-ast、--dump-ir、--origins）为 5。\n";

static const char usage_diff_zh[] =
    "用法：planc diff OLD.plan NEW.plan [--format text|json] [--lang en|zh]\n"
    "                 [--root DIR]\n"
    "\n"
    "检查两套规则，按章节和措施分组列出差异：新增、删除和改动的目标（所度量\n"
    "的量、目标值、期限、阶段目标、计量单位、适用范围、权重、一票否决），\n"
    "措施（标题、牵头单位、责任单位和按职责分工负责的单位、权重），章节、\n"
    "地区、指标，规划（基期、规划期末、时期）和考核（数据缺失的处理、得分、\n"
    "等级）。输出顺序稳定：先按旧规则的顺序，再列只有新规则才有的内容。\n"
    "\n"
    "  --format FORMAT  text（审阅报告，默认）或 json（结构见\n"
    "                   docs/ADAPTING.md）\n"
    "  --lang LANG      审阅报告自身文字所用语言：en 或 zh（中文：\n"
    "                   期限、适用范围、新增……；不给时按 PLANC_LANG 或语言环境，\n"
    "                   见 'planc help'）；规则中的名称、文字和表达式照原样。\n"
    "                   仅用于 --format text\n"
    "  --root DIR       import 可读取的规则目录树（默认：各规则文件所在目录）\n"
    "\n"
    "退出码：无论有无差异均为 0，规则有错误为 1，用法错误为 2，\n"
    "无法写入标准输出为 5。\n";

static const char usage_run_zh[] =
    "用法：planc run RULES --data CSV... [-o OUT]... [--engine auto|jit|interp] [-j N]\n"
    "                [--no-cache] [--timings] [--format csv|json|xlsx|html]\n"
    "                [--rollup region|agency|target] [--year Y] [--store DB]\n"
    "                [--store-rows all|totals] [--skip-unknown-regions]\n"
    "                [--allow-missing-columns] [--na TEXT]... [--data-year Y]\n"
    "                [--set NAME=VALUE]... [--lang en|zh] [--quiet]\n"
    "                [--diagnostics text|json] [-w | --warnings-as-errors]\n"
    "                （--data CSV 可重复给出，由其他规则读取的文件后跟\n"
    "                --read-with RULES）\n"
    "\n"
    "按规则对 CSV 中每个（地区，年份）行评分，把结果以 CSV 写到标准输出或\n"
    "OUT（原子写入：失败或中断的评估不留下不完整的文件，已有的文件保持不变）。\n"
    "\n"
    "  --data CSV       指标数据：一个地区列、一个年份列，每个指标列一列（对\n"
    "                   \"C{year}\" 这样的列则每年一列）；见 docs/LANGUAGE.md\n"
    "                   §10；- 读标准输入（名为 - 的文件写作 ./-）。重复给出时\n"
    "                   （--data a.csv --data b.csv），各文件的行作为一张表读取，\n"
    "                   每个文件有自己的表头；规则读取某地区数据所需的列，须在\n"
    "                   有该地区数据行的某一个文件中（如 planc template 为某市\n"
    "                   写的文件，或与之一起读入的评分表）；两个文件都给出的\n"
    "                   同一地区同一年为一行，其数值须一致。Excel 工作簿（.xlsx）\n"
    "                   按 Excel 另存其第一个工作表的 CSV 读取，FILE.xlsx#S 读取\n"
    "                   工作表 S；其报错注明 FILE#S:行号\n"
    "  --read-with RULES\n"
    "                   在 --data FILE 之后：按 RULES 的键、列名、计量单位和\n"
    "                   映射读取 FILE；RULES 是所评分规则针对该文件的改编（地区\n"
    "                   相同）；其单元格换算为所评分规则的计量单位\n"
    "  --skip-unknown-regions\n"
    "                   跳过规则未声明的地区的行（如用全国文件评省级规划），\n"
    "                   而不是逐行报错；以一条警告给出跳过的行数\n"
    "  --allow-missing-columns\n"
    "                   数据缺少的指标列按单元格缺失读取（数据尚未收集），\n"
    "                   给出警告而不是报错\n"
    "  --na TEXT        内容为 TEXT 的单元格视为缺失，同空单元格或 NA\n"
    "                   （如 --na - --na ..）；可重复给出\n"
    "  --data-year Y    数据没有年份列：每行都是 Y 年的（某一年的快照，如指数）\n"
    "  --set NAME=VALUE 假定规则给指标 NAME（以 'values { ... }' 给出规则给定值\n"
    "                   的指标）每个地区每年都取常数 VALUE（30、80%、\n"
    "                   '30 [μg/m^3]'、yes）来评分：不改规则即可评估一种情景；\n"
    "                   NAME=FROM..TO 给规划的某个时期另设年份（写作 'by NAME'\n"
    "                   的期限随之改变）；可对其他名称重复给出；与数据选项一同\n"
    "                   记入（docs/LANGUAGE.md §4）\n"
    "  -o, --output OUT 把结果写到 OUT 而不是标准输出（也可写作 -oOUT；\n"
    "                   -o - 为标准输出）；可多次给出（-o r.csv -o r.xlsx\n"
    "                   -o r.html），按各文件名所示格式分别写出，\n"
    "                   要么全部写出，要么一个也不写\n"
    "  --engine ENGINE  运行评分程序的方式：jit（经 LLVM 编译的本机代码）、\n"
    "                   interp（参考解释器）或 auto（默认，否则取\n"
    "                   $PLANC_ENGINE）：缓存中有 JIT 代码时用 JIT，否则数据行数\n"
    "                   多到编译合算时用 JIT（辽宁这样规模的规划约 100,000 行；\n"
    "                   --timings 给出估计），否则用解释器。结果相同\n"
    "  -j, --jobs N     用 N 个线程读取数据并评分（默认：在线处理器数）；输出和\n"
    "                   信息对任何 N 都相同（也可写作 -jN）\n"
    "  --no-cache       既不读也不写编译代码的缓存\n"
    "  --format FORMAT  csv（默认：结果，每个地区、年份和项目一行）、json（一个\n"
    "                   包含结果和汇总的文档；结构见 docs/OUTPUT.md）、xlsx（Excel\n"
    "                   工作簿：每种汇总一张工作表，另有结果）或 html（一个含图表\n"
    "                   和表格的网页）；xlsx 和 html 需要 -o。不给 --format 时由\n"
    "                   OUT 的名称决定：.csv、.json、.xlsx、.html 或 .htm（不分\n"
    "                   大小写），其他名称为 CSV；--format 与名称矛盾时报错\n"
    "  --rollup KIND    写出汇总而不是结果：region（各地区的总分、等级、排名和\n"
    "                   一票否决）、agency（各牵头单位的措施、目标和各状态计数）\n"
    "                   或 target（按层级，达标的地区数及数值相对目标值的分布）；\n"
    "                   与 --format json 同用时，文档只含该汇总，不含结果\n"
    "  --year Y         汇总所针对的年份（默认：数据中的最后一年）\n"
    "  --lang LANG      工作簿或网页自身文字（标题、说明、图例、工作表名、列标题、\n"
    "                   状态词）所用语言：en（默认）或 zh（中文，措辞同评估报告：\n"
    "                   达标、进度滞后、2027年……）；规则和数据中的文字以及数值照\n"
    "                   原样；也是有关规则和数据的信息所用语言（不给 --lang 时按\n"
    "                   PLANC_LANG 或语言环境，网页和工作簿则为英文）。CSV 和\n"
    "                   JSON 为供程序读取保持英文列名、键名和状态代码（此时\n"
    "                   --lang 只作用于信息）\n"
    "  --store DB       把本次评估记入 SQLite 数据库 DB（不存在时创建）：规则和\n"
    "                   数据的 SHA-256、planc 版本、时间和每个结果行；见\n"
    "                   'planc history'。等待另一评估的锁最多 60 秒，或\n"
    "                   PLANC_STORE_TIMEOUT 给出的整秒数（0：不等待）\n"
    "  --store-rows totals\n"
    "                   只记入总分、章节和措施的行（得分和等级），不记每个目标\n"
    "                   的行：历史库更小；'planc compare' 这时比较等级和得分，\n"
    "                   不比较目标。all：记入每一行（默认）\n"
    "  --quiet          不显示进度行（评估超过约一秒时在终端上显示）；信息照常\n"
    "                   输出（见 -w）\n"
    "  --diagnostics F  text（默认）或 json：标准错误上的每条信息（规则的、带\n"
    "                   file:line 的数据的、评估的、缓存的）为一行 JSON 对象，\n"
    "                   附注在其中，与 'planc check --format json' 的格式相同\n"
    "                   （docs/LANGUAGE.md §12）；评估结果不变\n"
    "  -w, --no-warnings\n"
    "                   不输出警告（跳过的地区、缺少的列等）；错误和结果照常\n"
    "  --warnings-as-errors\n"
    "                   有警告时评估失败，最后以一条错误给出警告的个数：不写出\n"
    "                   也不记入结果；规则有警告时退出码为 1，否则为 3（缓存的\n"
    "                   警告关乎本机，不计入）\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "                   不输出某一种警告、重新输出它、只让它令评估失败、在\n"
    "                   --warnings-as-errors 下仍把它当作警告（每条警告末尾\n"
    "                   有其名称 [-WNAME]；'planc help warnings' 列出全部名称）\n"
    "  --timings        把各阶段用时输出到标准错误，每行一个：\n"
    "                     timing: NAME MS ms[ (NOTE)]\n"
    "                   NAME 依次为：parse、check、lower（前端）；使用 JIT 时：\n"
    "                   cache（键、查找和存入；附注为 hit、hit objects、miss 或\n"
    "                   off）、llvm-load（加载 planc 的 LLVM 后端；命中时为\n"
    "                   'not needed'）、llvm-lower、optimise、codegen（编译代码\n"
    "                   来自缓存时为 0，附注 'cache hit'）、link（载入 JIT 或\n"
    "                   缓存的库）；然后是 load（读取数据；使用 JIT 时规则同时在\n"
    "                   另一线程编译，附注 'overlapped with jit'）、wait（仅 JIT：\n"
    "                   评分等待编译代码的时间）、kernel（编译或解释执行的各段之\n"
    "                   和；附注给出线程数，使用 --engine auto 时还给出所选方式及\n"
    "                   原因）、barriers（峰值和占比）、report（数据缺失检查和写出\n"
    "                   结果；结果在评分时逐块写出时附注 'streamed'）和 total\n"
    "                   （整个评估）\n"
    "\n"
    "JIT 把编译的代码存入缓存，以规则、planc 版本和本机 CPU 为键，因此再次\n"
    "运行未改动的规则时跳过优化和代码生成（C 编译器 $CC，否则 cc，把代码链接\n"
    "成库后还跳过 LLVM 本身）：缓存在 $PLANC_CACHE_DIR，否则\n"
    "$XDG_CACHE_HOME/planc，否则 ~/.cache/planc。损坏或不相符的缓存项会被\n"
    "发现并替换；目录不可用时不用缓存（给出警告）。存入缓存项的评估会删除\n"
    "30 天（$PLANC_CACHE_DAYS）未用的缓存项，并使缓存不超过 100M\n"
    "（$PLANC_CACHE_MAX：如 500M、2G；0 表示不限），先删最久未用的。\n"
    "\n"
    "结果：每个地区、年份和项目（每个目标、措施、章节和总分）一行，列为\n"
    "  region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes,\n"
    "  parent,top\n"
    "（目标值有允许偏差时，goal 之后有 tolerance 列）。\n"
    "\n"
    "退出码：成功为 0，规则有错误为 1，用法错误为 2，数据有错误为 3，内部\n"
    "错误为 4，无法写入 OUT、标准输出或 --store 数据库为 5（使用\n"
    "--warnings-as-errors 时，警告算作规则或数据的错误）。\n";

static const char usage_explain_zh[] =
    "用法：planc explain RULES --data CSV... --region R [--year Y] [--target NAME]\n"
    "                    [--format text|json] [--lang en|zh] [--skip-unknown-regions]\n"
    "                    [--na TEXT]... [--data-year Y] [--allow-missing-columns]\n"
    "                    [--set NAME=VALUE]... [--diagnostics text|json]\n"
    "                    [-w | --warnings-as-errors]\n"
    "\n"
    "像 'planc run' 一样对数据评分，然后列出地区 R 在 Y 年的每项得分如何\n"
    "得出，代入实际数值：所读的数据单元格（列、年份、计量单位和换算）、\n"
    "基期值和目标值、进度预期值、所适用的 docs/LANGUAGE.md §9 判定规则、\n"
    "得分公式及其各项数值、权重及对措施、章节和总分的贡献、一票否决、\n"
    "条款、措施和牵头单位；然后是汇总和等级。\n"
    "\n"
    "  --data CSV       指标数据（- 读标准输入）；重复给出时各文件的行合在\n"
    "                   一起，同 'planc run'（工作簿：FILE.xlsx、FILE.xlsx#工作表）\n"
    "  --read-with RULES\n"
    "                   在 --data FILE 之后：按 RULES 的读法读取 FILE\n"
    "                   （见 planc help run）\n"
    "  --region R       地区（名称或别名）\n"
    "  --year Y         R 有数据行的年份（默认：R 的最后一年）\n"
    "  --target NAME    只列这个目标（及其措施和章节）\n"
    "  --format FORMAT  text（默认）或 json（见 docs/OUTPUT.md）\n"
    "  --lang LANG      文本说明自身文字所用语言：en 或 zh（不给时按 PLANC_LANG\n"
    "                   或语言环境，见 'planc help'；中文措辞同评估报告：达标、\n"
    "                   进度滞后、基期值、目标值……）；数值、\n"
    "                   公式以及规则和数据中的文字照原样。仅用于 --format text：\n"
    "                   JSON 保持英文\n"
    "  --skip-unknown-regions, --allow-missing-columns, --na TEXT, --data-year Y\n"
    "                   读取数据的方式与 'planc run' 使用这些选项时相同\n"
    "  --set NAME=VALUE 说明 'planc run --set' 所评分的情景\n"
    "  --diagnostics F, -w, --no-warnings, --warnings-as-errors\n"
    "                   标准错误上的信息为 JSON、不输出警告，或有警告时解释失败\n"
    "                   （不输出解释），同 'planc run'\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "                   某一种警告不输出、输出、令解释失败或不令其失败，同\n"
    "                   'planc run'（'planc help warnings'）\n"
    "\n"
    "退出码：成功为 0，规则有错误为 1，用法错误（未知的地区或目标、没有数据\n"
    "行的年份）为 2，数据有错误为 3，内部错误为 4，无法写入标准输出为 5。\n";

static const char usage_history_zh[] =
    "用法：planc history DB [--full] [--lang en|zh]\n"
    "\n"
    "列出 'planc run --store DB' 记入 DB 的各次评估，从早到晚：评估编号、\n"
    "时间（UTC）、planc 版本、数据行数、结果行数、规则和数据的 SHA-256\n"
    "前12位十六进制数字、规划、规则和数据。\n"
    "\n"
    "  --full       完整的哈希值（64位十六进制数字，同 sha256sum 的输出）\n"
    "  --lang LANG  列标题和报错信息所用语言：en 或 zh（不给时按 PLANC_LANG\n"
    "               或语言环境，见 'planc help'）\n"
    "\n"
    "退出码：成功为 0，DB 不存在或不是 planc 结果历史库为 2，\n"
    "无法读取（被锁定、已损坏）或无法写入标准输出为 5。\n";

static const char usage_compare_zh[] =
    "用法：planc compare DB RUN_A RUN_B [--full] [--format text|json] [--lang en|zh]\n"
    "      planc compare DB RUN [RUN_B] --year A --against-year B [--full]\n"
    "                    [--format text|json] [--lang en|zh]\n"
    "\n"
    "列出从评估 RUN_A 到评估 RUN_B 的变化（评估编号见 'planc history'，\n"
    "'last' 为最新一次，'last~N' 为其前第 N 次）：规则和数据是否已变（多个\n"
    "数据文件时，哪些文件已变、新增、去除或改名，几个未变），然后按结果顺序\n"
    "列出每个变化的等级、状态和得分，以及只有一次评估才有的行。每年的行与\n"
    "另一次评估同一年的行配对。\n"
    "\n"
    "使用 --year A --against-year B 时，改为把 A 年的行（RUN 或 RUN_A 的）\n"
    "与 B 年的行（RUN 或 RUN_B 的）按地区和项目配对：哪些地区和目标从一年\n"
    "到下一年有了变化（'沈阳 2023年 → 2024年 目标 PM25：进度正常 → 进度滞后（……）'）。\n"
    "\n"
    "  --year A     RUN（RUN_A）中作为比较起点的年份\n"
    "  --against-year B\n"
    "               RUN（RUN_B）中与之比较的另一年份\n"
    "  --full       同时给出每次评估的规则和数据的完整 SHA-256（64位十六进制\n"
    "               数字；表头给出前12位）\n"
    "  --format F   text（默认）或 json：供脚本读取的一个文档，每个变化的行\n"
    "               给出两次评估的状态、得分、等级、数值、目标值和容差，并列出\n"
    "               只有一方才有的每一行（结构见 docs/OUTPUT.md 第5节）；其中\n"
    "               哈希值完整，键名为英文（不能与 --lang 同用）\n"
    "  --lang LANG  compare 自身文字和报错信息所用语言：en 或 zh\n"
    "               （中文：等级变化、达标 → 未达标、2027年……；不给时按\n"
    "               PLANC_LANG 或语言环境，见 'planc help'）\n"
    "\n"
    "退出码：成功为 0，DB 不存在、不是 planc 结果历史库或没有该评估（或该\n"
    "评估没有所给年份的行）为 2，无法读取（被锁定、已损坏；此时无论已读到\n"
    "哪里，标准输出上都不写任何内容）或无法写入标准输出为 5。\n";

static const char usage_verify_zh[] =
    "用法：planc verify DB RUN [RULES] [--data CSV [--read-with RULES]]...\n"
    "                   [--output FILE]... [--lang en|zh] [--diagnostics text|json]\n"
    "\n"
    "按 SHA-256 核对文件是否为 DB 中评估 RUN（评估编号见 'planc history'，\n"
    "或 'last'、'last~N'）所用、所写：RULES 及其 import 的每个文件（以该次\n"
    "评估的规则清单中的名称，在 RULES 旁或在其链接指向的文件旁，同 run\n"
    "读取时）和清单的哈希值；每个数据文件及读取它所用的规则；该次评估写出\n"
    "的每个输出（CSV、JSON、工作簿或网页）。每个文件一行，给出其完整\n"
    "SHA-256 及是否一致，不一致时附该次评估记录的哈希值；最后列出该次评估\n"
    "记录了但未给出的文件。\n"
    "\n"
    "  RULES            传给 planc run 的规则文件\n"
    "  --data CSV       数据文件（多个时重复给出；- 不是文件）\n"
    "  --read-with RULES\n"
    "                   在 --data CSV 之后：读取该文件所用的规则\n"
    "  --output FILE    该次评估写出的文件（-o），多个时重复给出\n"
    "  --lang LANG      verify 自身文字所用语言：en 或 zh（一致、\n"
    "                   不一致……；不给时按 PLANC_LANG 或语言环境）\n"
    "  --diagnostics F, -w, --no-warnings\n"
    "                   标准错误上的信息（不是标准输出上的各行）为 JSON，或\n"
    "                   不输出警告，同 'planc run'\n"
    "  -Wno-NAME, -WNAME\n"
    "                   某一种警告不输出或输出，同 'planc run'\n"
    "\n"
    "planc 0.12 及更早版本（结构第8版之前）记入的评估没有保存输出的哈希值，\n"
    "所有数据文件只有一个哈希值：其输出为“未记录”，数据文件一并核对。\n"
    "\n"
    "退出码：给出的每个文件都是该次评估的为 0，有文件不一致、无法读取或未被\n"
    "该次评估记录为 6，用法错误（没有该评估、未给出文件、DB 不是 planc 结果\n"
    "历史库）为 2，无法读取 DB（被锁定、已损坏）或无法写入标准输出为 5。\n";

static const char usage_restore_zh[] =
    "用法：planc restore DB RUN DIR [--lang en|zh] [--diagnostics text|json]\n"
    "                    [-w | --warnings-as-errors]\n"
    "\n"
    "把 DB 中评估 RUN（评估编号见 'planc history'，或 'last'、'last~N'）所读\n"
    "的规则文件写入 DIR（新目录或空目录）：传给 planc run 的规则文件、它\n"
    "import 的每个文件，以及读取各数据文件所用的规则（--read-with），取自\n"
    "结果历史库保存的文本（结构第6版起；--read-with 规则的文本第9版起）。\n"
    "每个文件写在该次评估找到它的位置（相对于运行 planc run 时所在的目录），\n"
    "因此在 DIR 中用该次评估原来的命令行即可指到同样的文件。写入前先按该次\n"
    "评估记录的 SHA-256 核对每个文本，并按规则哈希值核对其清单：全部一致\n"
    "才写入，DIR 要么完整出现，要么不出现。数据文件不在历史库中（只有其\n"
    "SHA-256）：审核人手中的数据文件用 'planc verify' 核对。\n"
    "\n"
    "  --lang LANG  restore 自身文字所用语言：en 或 zh（不给时按 PLANC_LANG\n"
    "               或语言环境，见 'planc help'）\n"
    "  --diagnostics F, -w, --no-warnings, --warnings-as-errors\n"
    "               标准错误上的信息（不是标准输出上的清单）为 JSON、不输出\n"
    "               警告，或有警告时命令失败（某数据文件读取所用的规则没有\n"
    "               文本：不写入任何文件，退出码为 6），同 'planc run'\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "               某一种警告不输出、输出、令命令失败或不令其失败，同\n"
    "               'planc run'（'planc help warnings'）\n"
    "\n"
    "退出码：还原成功为 0，用法错误（没有该评估、DB 不是 planc 结果历史库、\n"
    "DIR 已存在且不是空目录）为 2，无法读取 DB 或无法写入 DIR 为 5，无法按\n"
    "该次评估所读的原样还原其规则为 6：记入时历史库尚未保存规则文本，或\n"
    "文本与该次评估记录的哈希值不符（评估之后数据库被改动过），或文件名\n"
    "planc 不会写出（含控制字符）。\n";

static const char usage_template_zh[] =
    "用法：planc template RULES [--region R]... [--years A-B] [--list]\n"
    "                     [-o OUT] [--lang en|zh] [--root DIR]\n"
    "      planc template RULES --check FILE... [--region R]... [--years A-B]\n"
    "                     [--na TEXT]... [--lang en|zh] [--diagnostics text|json]\n"
    "                     [-w | --warnings-as-errors]\n"
    "\n"
    "以 CSV（或 Excel 工作簿：-o 名称.xlsx）写出 RULES 所读的空白数据文件：\n"
    "表头为规则的地区列、年份列，以及\n"
    "所选地区各行上有目标读取的每个数据列，然后每个地区每年一行空单元格，\n"
    "填好后交给 planc run --data。适用于其中某个地区的目标读取的列列出；\n"
    "其上级（省对所辖市的占比或合计）或同级（average(x)）的目标在这些地区\n"
    "的行上读取的列也列出；其他地区的目标所读的列不列。空单元格即数值缺失。\n"
    "各地区填好的文件可直接合并：planc run RULES --data A.csv --data B.csv ...\n"
    "\n"
    "  --region R   文件所对应的地区（名称或别名），重复给出可多选；\n"
    "               默认：规则声明的所有地区\n"
    "  --years A-B  每个地区从 A 年到 B 年每年一行（或只有 A 年）；\n"
    "               不给时只有表头\n"
    "  --list       不写 CSV，改为逐行列出其各列：单元格填什么（以该列计量\n"
    "               单位计的数字、yes 或 no、0-100 的评分、文字映射的文字）、\n"
    "               所属指标，以及不是所有所选地区都需要时需要它的地区；\n"
    "               输出是文本，-o 名称.xlsx 是用法错误（工作簿中已有逐列说明）\n"
    "  --check FILE 改为按 planc run 的读法检查填好的 FILE（CSV 文件，或工作簿\n"
    "               FILE.xlsx、FILE.xlsx#工作表；数据错误，附\n"
    "               file:line），针对所给地区，否则针对其中有数据行的地区：\n"
    "               表头缺少需要的列、有其他地区的行（给出 --region 时）、\n"
    "               --years 中某年缺行、文件只有表头均为错误；列出每个需要的列\n"
    "               中的空单元格；% 列全是0到1的小数（70% 填成 0.7）、或列按\n"
    "               指标的单位填写（公顷列填了万亩数）时，与 planc run 一样给出\n"
    "               警告。不要求其他地区需要的列：市的文件可单独检查。\n"
    "               最后一行为 'FILE: 无误'（有警告时为 'FILE: 没有错误，但有\n"
    "               N个警告'）。- 读标准输入。重复给出时，按\n"
    "               planc run --data A --data B 的读法合起来检查这些文件（如\n"
    "               评分表和它所评的各表），地区所需的列在其中一个文件中即可\n"
    "  --na TEXT    与 --check 同用：内容为 TEXT 的单元格视为缺失（同 planc run）\n"
    "  -o OUT       写到 OUT（原子写入），而不是标准输出；OUT 以 .xlsx\n"
    "               结尾时写成工作簿：第一个工作表是 CSV 的各单元格（表头\n"
    "               冻结，选中单元格时的提示说不全的指标列表头附批注，\n"
    "               是否列有“是/否”下拉列表，文本映射列有其文本的下拉\n"
    "               列表，数字列填入文字时给出警告），第二个是 --list\n"
    "               的说明，在 Excel 中填好后原样交给 --data\n"
    "  --lang LANG  --list、工作簿的说明和工作表名、报错信息所用语言：\n"
    "               en 或 zh（不给时按 PLANC_LANG 或语言环境，见 'planc help'）\n"
    "  --diagnostics F, -w, --no-warnings, --warnings-as-errors\n"
    "               标准错误上的信息（包括 --check 的）为 JSON、不输出警告，\n"
    "               或有警告时命令失败（不写出文件；在 --check 的最后一行\n"
    "               之后），同 'planc run'\n"
    "  -Wno-NAME, -WNAME, -Werror=NAME, -Wno-error=NAME\n"
    "               某一种警告不输出、输出、令命令失败或不令其失败，同\n"
    "               'planc run'（'planc help warnings'）\n"
    "\n"
    "退出码：成功为 0，规则有错误为 1，用法错误为 2，所检查的文件有错误为 3，\n"
    "无法写入 OUT 为 5（使用 --warnings-as-errors 时，警告算作规则或所检查\n"
    "文件的错误）。\n";

static const char usage_emit_llvm_zh[] =
    "用法：planc emit-llvm RULES [--O0] [--lang en|zh]\n"
    "\n"
    "把 `planc run --engine jit` 为规则编译的 LLVM 模块以 LLVM IR 文本输出到\n"
    "标准输出：经过优化（按本机 CPU 的 default<O3>），或用 --O0 时为从评分\n"
    "程序降级所得、未优化的模块。\n"
    "\n"
    "  --O0         输出优化前的模块\n"
    "  --lang LANG  规则报错信息所用语言：en 或 zh（不给时按 PLANC_LANG\n"
    "               或语言环境，见 'planc help'）\n"
    "\n"
    "退出码：成功为 0，规则有错误为 1，用法错误为 2，内部错误为 4，\n"
    "无法写入标准输出为 5。\n";

/* Each command's help in English and in Chinese (usage_text); cmd NULL
 * is planc's own (planc help, planc --help).  The Chinese keeps the
 * commands, options, placeholders (RULES, CSV, DB) and examples as the
 * English has them and follows docs/GUIDE.zh-CN.md §8's glossary;
 * tests/help.sh fails when the two list different options. */
typedef struct usage_entry {
    const char *cmd;
    const char *en, *zh;
} usage_entry;

static const usage_entry usages[] = {
    {NULL, usage_main, usage_main_zh},
    {"check", usage_check, usage_check_zh},
    {"run", usage_run, usage_run_zh},
    {"emit-llvm", usage_emit_llvm, usage_emit_llvm_zh},
    {"explain", usage_explain, usage_explain_zh},
    {"history", usage_history, usage_history_zh},
    {"compare", usage_compare, usage_compare_zh},
    {"verify", usage_verify, usage_verify_zh},
    {"restore", usage_restore, usage_restore_zh},
    {"diff", usage_diff, usage_diff_zh},
    {"test", usage_test, usage_test_zh},
    {"template", usage_template, usage_template_zh},
};

/* The help of command cmd (NULL: planc's own) in the language of the
 * run's messages (msgcat_lang(): --lang zh anywhere on the command
 * line), so that `planc help run --lang zh` and `planc run --help --lang
 * zh` read Chinese; NULL for a command without help.  planc build's is
 * aot.c's (aot_usage_text). */
static const char *usage_text(const char *cmd)
{
    if (cmd && strcmp(cmd, "build") == 0)
        return aot_usage_text();
    for (size_t i = 0; i < sizeof usages / sizeof usages[0]; i++)
        if (cmd ? usages[i].cmd && strcmp(cmd, usages[i].cmd) == 0 : !usages[i].cmd)
            return msgcat_lang() == LBL_ZH ? usages[i].zh : usages[i].en;
    return NULL;
}

/* One compilation: its arena, diagnostics, each pass's result, and the
 * wall-clock time of each pass in milliseconds (for --timings). */
typedef struct compilation {
    arena arena;
    diag_ctx diag;
    int file;
    ast_program *ast;
    sema_model *model;
    ir_program *ir;
    double t_parse, t_check, t_lower;
    bool explained;         /* lower with lower_program_explained (planc explain) */
    bool ir_only;           /* keep only the program (ir_copy): the syntax
                               tree and the checked model are freed */
    bool reading;           /* the rules a data file is read with (--read-with) */
    const char *root;       /* the rules tree (--root), or NULL */
    char **rules_names;     /* [diag.nfiles]: each rules file's name in the
                               rules manifest (rules_names), malloc'd */
    size_t nrules_names;    /* the rules files: diag's first files; the
                               --set texts come after them */
    const char *const *settings; /* --set NAME=VALUE, nsettings of them */
    size_t nsettings;
    /* the periods a --set gave other years (set_period), in the arena:
     * named after the errors the checker then finds (set_periods_note) */
    struct set_period_info {
        span sp;          /* the --set text's NAME=FROM..TO */
        const char *name;
        int from, to;     /* as --set gives them */
        int was_from, was_to; /* as the plan gives them */
    } *set_periods;
    size_t nset_periods;
} compilation;

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The path of the file `file` relative to the directory `dir`, both real
 * paths (absolute, without "." or ".." or links): "lib/a.plan", or
 * "../common/b.plan" for a file beside dir.  malloc'd. */
static char *relative_path(const char *dir, const char *file)
{
    size_t n = strlen(dir), ups = 0;
    /* dir[0..n) is a directory; step up until file is below it (n == 1:
     * the root, which every file is below) */
    while (n > 1 && !(strncmp(file, dir, n) == 0 && file[n] == '/')) {
        do
            n--;
        while (n > 0 && dir[n] != '/');
        if (n == 0)
            n = 1;
        ups++;
    }
    const char *rest = file + (n == 1 ? 1 : n + 1);
    char *out = malloc(3 * ups + strlen(rest) + 1);
    if (!out) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    out[0] = '\0';
    for (size_t i = 0; i < ups; i++)
        strcat(out, "../");
    strcat(out, rest);
    return out;
}

/* Names each rules file the compilation read, for the rules manifest
 * (rules_hash): its path relative to the directory of the rules file
 * given on the command line, links followed ("main.plan", "lib/a.plan"),
 * so that the same tree gives the same names from any directory.  A file
 * whose real path is unknown keeps the name it was shown with. */
static void rules_names(compilation *c)
{
    const ast_program *prog = c->ast;
    size_t n = c->diag.nfiles;
    c->rules_names = calloc(n ? n : 1, sizeof *c->rules_names);
    if (!c->rules_names) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    c->nrules_names = n;
    const char *top = prog->modules[0].real;
    char *dir = NULL;
    if (top && top[0] == '/') {
        const char *slash = strrchr(top, '/');
        size_t len = slash == top ? 1 : (size_t)(slash - top);
        dir = strndup(top, len);
    }
    for (size_t f = 0; f < n; f++) {
        int32_t m = f < prog->nfiles ? prog->file_module[f] : -1;
        const char *real = m >= 0 ? prog->modules[m].real : NULL;
        c->rules_names[f] = dir && real && real[0] == '/' ? relative_path(dir, real)
                                                          : strdup(c->diag.files[f].name);
    }
    free(dir);
}

/* The rules a data file is read with (--read-with) pair their indicators
 * with the scored rules' by name: an indicator they rename (`override
 * indicator OLD as NEW`) would be one the scored rules lack, and OLD's
 * cells missing.  An error at each such rename of the reading's own file
 * (the renames of the rules it extends are the scored rules' too); a
 * warning at each column it replaces by a formula or values, which the
 * data reader does not compute. */
static void reading_renames(compilation *c)
{
    for (uint32_t i = 0; i < c->ast->nedits; i++) {
        const ast_origin *o = c->ast->edits[i];
        if (o->kind != ORIGIN_RENAMED || o->item != IT_INDICATOR || !o->name || !o->new_name ||
            o->edit.file >= c->ast->nfiles || c->ast->file_module[o->edit.file] != 0)
            continue;
        diag_error(&c->diag, o->edit, "rules a data file is read with (--read-with) cannot rename indicator '%s'",
                   o->name);
        diag_hint(&c->diag, "they pair each indicator with the scored rules' by its name: give '%s' the file's "
                            "column without renaming it ('override indicator %s, column \"...\"')",
                  o->name, o->name);
    }
    /* a formula or values table of the reading's own is not evaluated: the
     * file's rows give the scored rules columns, and the indicator has none */
    for (uint32_t i = 0; i < c->ast->ndecls; i++) {
        const ast_decl *d = c->ast->decls[i];
        if (d->kind != D_INDICATOR || !d->base || !d->base->u.ind.column || d->u.ind.column ||
            !d->origin || d->origin->edit.file >= c->ast->nfiles ||
            c->ast->file_module[d->origin->edit.file] != 0)
            continue;
        const char *nm = d->u.ind.name.s ? d->u.ind.name.s : "?";
        if (d->u.ind.formula)
            diag_warning(&c->diag, WARN_READ_WITH_COMPUTED, d->origin->edit,
                         "rules a data file is read with (--read-with) give indicator '%s' a formula, which "
                         "reading a file does not compute: its cells of the file are missing", nm);
        else
            diag_warning(&c->diag, WARN_READ_WITH_COMPUTED, d->origin->edit,
                         "rules a data file is read with (--read-with) give indicator '%s' values, which "
                         "reading a file does not use: its cells of the file are missing", nm);
        diag_hint(&c->diag, "a reading gives each indicator the file's column ('override indicator %s, column "
                            "\"...\"'); a quantity the file lacks is computed by the scored rules",
                  nm);
    }
}

/* The program copied into an arena of its own, and the rest of the
 * compilation (its syntax tree and checked model: for a plan of many
 * regions most of its memory) freed before any data is read. */
static void keep_ir_only(compilation *c)
{
    arena ir_arena;
    arena_init(&ir_arena);
    c->ir = ir_copy(&ir_arena, c->ir);
    arena_free(&c->arena);
    c->arena = ir_arena;
    c->ast = NULL;
    c->model = NULL;
}

static FILE *memstream(char **buf, size_t *len);

/* The indicators that `values { ... }` gives, for a --set that names
 * another: "A, B, C" (at most 8, then ", ..."), "" for none; malloc'd. */
static char *settable_names(const ast_program *p)
{
    char *buf = NULL;
    size_t len = 0, n = 0;
    FILE *f = memstream(&buf, &len);
    for (uint32_t i = 0; i < p->ndecls; i++) {
        const ast_decl *d = p->decls[i];
        if (d->kind != D_INDICATOR || !d->u.ind.values)
            continue;
        if (n++ == 8) {
            fputs(", ...", f);
            break;
        }
        fprintf(f, "%s%s", n > 1 ? ", " : "", d->u.ind.name.s);
    }
    fclose(f);
    return buf;
}

/* The plan's period called `name`, or NULL. */
static ast_period *plan_period(const ast_program *p, const char *name)
{
    for (uint32_t i = 0; i < p->ndecls; i++) {
        const ast_decl *d = p->decls[i];
        if (d->kind != D_PLAN)
            continue;
        for (uint32_t k = 0; k < d->u.plan.nperiods; k++)
            if (d->u.plan.periods[k].name.s && strcmp(d->u.plan.periods[k].name.s, name) == 0)
                return &d->u.plan.periods[k];
    }
    return NULL;
}

/* The plan's baseline and horizon (0 when it has none). */
static void plan_years(const ast_program *p, int *baseline, int *horizon)
{
    *baseline = *horizon = 0;
    for (uint32_t i = 0; i < p->ndecls; i++)
        if (p->decls[i]->kind == D_PLAN) {
            *baseline = p->decls[i]->u.plan.has_baseline ? p->decls[i]->u.plan.baseline : 0;
            *horizon = p->decls[i]->u.plan.has_horizon ? p->decls[i]->u.plan.horizon : 0;
        }
}

/* A --set of a period's years (`考核期=2016..2020`, text): the plan's
 * period of that name takes them, so that every deadline written with
 * it (`by 考核期`) and every values row `in 考核期` moves with it.  They
 * must end after the baseline and no later than the horizon, as a
 * deadline must (the checker's errors would otherwise point at the
 * targets).  done/done_sp[0..k) are the earlier settings' (the period
 * cast to a declaration pointer), for one given twice.  Returns false
 * after an error. */
static bool set_period(compilation *c, const ast_period *v, const char *text, const void **done,
                       span *done_sp, size_t k)
{
    ast_period *p = plan_period(c->ast, v->name.s);
    for (uint32_t i = 0; !p && i < c->ast->ndecls; i++) {
        const ast_decl *d = c->ast->decls[i];
        if (d->kind == D_INDICATOR && d->u.ind.name.s && strcmp(d->u.ind.name.s, v->name.s) == 0) {
            diag_error(&c->diag, v->sp, "'%s' is an indicator, not a period: give it one value ('%s=35')",
                       v->name.s, v->name.s);
            return false;
        }
    }
    if (!p) {
        diag_error(&c->diag, v->name.sp, "no period '%s' in the plan for --set to change", v->name.s);
        diag_hint(&c->diag, "'--set NAME=FROM..TO' gives the years of a period of the plan's 'periods'; "
                            "'--set NAME=VALUE' the value of an indicator given by 'values { ... }'");
        return false;
    }
    if (!v->from || !v->to) /* the parser reported the year */
        return false;
    int baseline, horizon;
    plan_years(c->ast, &baseline, &horizon);
    span years = {v->sp.file, v->name.sp.hi, v->sp.hi};
    while (years.lo < years.hi && (text[years.lo] == '=' || text[years.lo] == ' '))
        years.lo++;
    if (v->from > v->to) {
        diag_error(&c->diag, years, "period '%s' ends (%d) before it starts (%d)", v->name.s, v->to, v->from);
        return false;
    }
    if (horizon && v->to > horizon) {
        diag_error(&c->diag, years, "period '%s' would end in %d, after the plan's horizon %d: a deadline "
                                    "'by %s' must be no later", v->name.s, v->to, horizon, v->name.s);
        return false;
    }
    if (baseline && v->to <= baseline) {
        diag_error(&c->diag, years, "period '%s' would end in %d, not after the plan's baseline %d: a "
                                    "deadline 'by %s' must come after it", v->name.s, v->to, baseline,
                   v->name.s);
        return false;
    }
    for (size_t j = 0; j < k; j++)
        if (done[j] == (const void *)p) {
            diag_error(&c->diag, v->name.sp, "--set gives period '%s' twice", v->name.s);
            diag_note(&c->diag, done_sp[j], "it is given here first");
            return false;
        }
    done[k] = p;
    done_sp[k] = v->name.sp;
    if (!c->set_periods)
        c->set_periods = arena_alloc(&c->arena, c->nsettings * sizeof *c->set_periods);
    c->set_periods[c->nset_periods++] = (struct set_period_info){
        .sp = v->sp, .name = v->name.s, .from = v->from, .to = v->to, .was_from = p->from, .was_to = p->to};
    p->from = v->from;
    p->to = v->to;
    p->sp = v->sp;
    return true;
}

/* After the checker found errors in rules a --set gave a period other
 * years: a note at each such --set saying so, with the plan's own years.
 * The errors are the rules' (exit 1), at the rules' lines, but one the
 * years cause (a deadline before a target's baseline, two `values` rows
 * `in` periods that now overlap) names years the rules do not write. */
static void set_periods_note(compilation *c)
{
    if (diag_errors(&c->diag) <= c->diag.ncmdline_errors)
        return;
    for (size_t i = 0; i < c->nset_periods; i++) {
        const struct set_period_info *v = &c->set_periods[i];
        diag_note(&c->diag, v->sp, "the rules were checked with period '%s' as --set gives it, %d..%d "
                                   "(the plan gives %d..%d)",
                  v->name, v->from, v->to, v->was_from, v->was_to);
    }
}

/* Applies the --set NAME=VALUE texts of the command line to the program
 * read (docs/LANGUAGE.md §4, Values set on the command line): each is a
 * file of its own in c->diag, named "--set", so that its errors point
 * into it; NAME must be an indicator given by `values { ... }`, whose
 * table becomes the one row `else = VALUE` (every region, every year),
 * or a period of the plan, given FROM..TO (set_period).  The checker
 * then checks VALUE as it checks a row it reads in the rules (its
 * dimension).  Returns false after an error. */
static bool apply_settings(compilation *c)
{
    const void **done = calloc(c->nsettings + 1, sizeof *done);
    span *done_sp = calloc(c->nsettings + 1, sizeof *done_sp);
    if (!done || !done_sp) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    bool ok = true;
    for (size_t k = 0; k < c->nsettings; k++) {
        const char *text = c->settings[k];
        int file = diag_add_text(&c->diag, "--set", text, strlen(text));
        if (file < 0) {
            ok = false;
            continue;
        }
        c->diag.files[file].cmdline = true;
        ast_name name;
        ast_expr *value;
        ast_period period;
        if (!parse_setting(&c->arena, &c->diag, file, &name, &value, &period)) {
            diag_hint(&c->diag, "write --set NAME=VALUE: NAME an indicator given by 'values { ... }' in "
                                "the rules, VALUE a constant as a row of its table writes it (PM25目标=30, "
                                "PM25目标=30 [μg/m^3], 达标率目标=80%%); or NAME a period of the plan, VALUE "
                                "its years (考核期=2016..2020)");
            ok = false;
            continue;
        }
        if (name.qual) {
            /* one namespace of indicators: a module's name would be
             * one more thing to get wrong, and to check */
            diag_error(&c->diag, name.sp, "--set names an indicator by its name alone: write '%s'", name.s);
            ok = false;
            continue;
        }
        if (!value) {
            ok = set_period(c, &period, text, done, done_sp, k) && ok;
            continue;
        }
        ast_decl *ind = NULL;
        if (plan_period(c->ast, name.s)) {
            diag_error(&c->diag, value->sp, "'%s' is a period: give its years, as the plan does ('%s=%d..%d')",
                       name.s, name.s, plan_period(c->ast, name.s)->from, plan_period(c->ast, name.s)->to);
            ok = false;
            continue;
        }
        for (uint32_t i = 0; i < c->ast->ndecls && !ind; i++) {
            ast_decl *d = c->ast->decls[i];
            if (d->kind == D_INDICATOR && d->u.ind.name.s && strcmp(d->u.ind.name.s, name.s) == 0)
                ind = d;
        }
        if (!ind) {
            diag_error(&c->diag, name.sp, "no indicator '%s' in the rules for --set to change", name.s);
            char *names = settable_names(c->ast);
            if (*names)
                diag_hint(&c->diag, "--set changes an indicator given by 'values { ... }': %s", names);
            else
                diag_hint(&c->diag, "--set changes an indicator given by 'values { ... }', and the rules "
                                    "have none: write the goal to vary as one ('indicator NAME : UNIT, "
                                    "values { else = 35 }', and the target '<= NAME')");
            free(names);
            ok = false;
            continue;
        }
        if (!ind->u.ind.values) {
            diag_error(&c->diag, name.sp, "--set cannot change indicator '%s': it is %s, not given by "
                                          "'values { ... }'",
                       name.s, msgcat_get(c->diag.lang, ind->u.ind.formula ? "a formula" : "read from the data"));
            /* an override that took the base's values away (or gave a
             * formula a column, or the other way) made it so: the note
             * is at the override, not at the base's declaration */
            const ast_decl *b = ind->base;
            if (ind->origin && ind->origin->edit.hi && b && b->kind == D_INDICATOR &&
                (b->u.ind.values || !b->u.ind.formula != !ind->u.ind.formula))
                diag_note(&c->diag, ind->origin->edit, "the override here makes '%s' %s", name.s,
                          msgcat_get(c->diag.lang, ind->u.ind.formula ? "a formula" : "read from the data"));
            else
                diag_note(&c->diag, ind->u.ind.name.sp, "'%s' is declared here", name.s);
            ok = false;
            continue;
        }
        size_t j = 0;
        while (j < k && done[j] != ind)
            j++;
        if (j < k) {
            diag_error(&c->diag, name.sp, "--set gives indicator '%s' twice", name.s);
            diag_note(&c->diag, done_sp[j], "it is given here first");
            ok = false;
            continue;
        }
        done[k] = ind;
        done_sp[k] = name.sp;
        ast_valrow *row = arena_alloc(&c->arena, sizeof *row);
        memset(row, 0, sizeof *row);
        row->is_else = true;
        row->from_set = true;
        row->else_sp = name.sp;
        row->value = value;
        row->sp = ast_join(name.sp, value->sp);
        /* where the value comes from, as a row's note says it: explain,
         * the workbook's sources sheet and the page's sources show it.
         * NAME=VALUE as the text writes the two, without the spaces, the
         * comment or the line end around them (a CR a Windows script
         * left printed raw in explain), a control character inside as a
         * space; the data options keep the text as given. */
        size_t nlen = name.sp.hi - name.sp.lo, vlen = value->sp.hi - value->sp.lo;
        size_t nl = strlen("--set ") + nlen + 1 + vlen + 1;
        char *note = arena_alloc(&c->arena, nl);
        snprintf(note, nl, "--set %.*s=%.*s", (int)nlen, text + name.sp.lo, (int)vlen, text + value->sp.lo);
        for (char *q = note; *q; q++)
            if ((unsigned char)*q < 0x20 || *q == 0x7f)
                *q = ' ';
        row->note = note;
        ind->u.ind.values = row;
        ind->u.ind.nvalues = 1;
    }
    free(done);
    free(done_sp);
    return ok;
}

/* The exit code of a compilation that reported errors: 2 when each was
 * in a --set (the command line's mistake), else 1. */
static int errors_exit(const compilation *c)
{
    return c->diag.ncmdline_errors > 0 && c->diag.ncmdline_errors == diag_errors(&c->diag) ? EXIT_USAGE
                                                                                            : EXIT_RULES;
}

/* Parse -> check -> lower one rules file.  Returns EXIT_OK or EXIT_RULES.
 * The checker also runs on what parsed after syntax errors (the parser
 * recovers at declaration boundaries), so one run reports the mistakes of
 * every kind; lowering runs only on a clean program. */
static int compile_rules(compilation *c, const char *path)
{
    double t0 = now_ms();
    c->ast = import_load(&c->arena, &c->diag, path, c->root); /* the file and what it imports */
    if (c->ast->nmodules == 0)
        return EXIT_RULES;
    c->file = (int)c->ast->modules[0].file;
    rules_names(c);
    if (c->nsettings && !diag_errors(&c->diag) && !apply_settings(c))
        return errors_exit(c);
    double t1 = now_ms();
    c->model = sema_check(&c->arena, &c->diag, c->ast);
    set_periods_note(c);
    if (c->reading)
        reading_renames(c);
    if (!diag_errors(&c->diag))
        diag_allow_unused(&c->diag); /* the rules' warnings are all given */
    double t2 = now_ms();
    c->t_parse = t1 - t0;
    c->t_check = t2 - t1;
    if (diag_errors(&c->diag))
        return errors_exit(c);
    c->ir = c->explained ? lower_program_explained(&c->arena, &c->diag, c->model)
                         : lower_program(&c->arena, &c->diag, c->model);
    if (diag_errors(&c->diag)) {
        c->t_lower = now_ms() - t2;
        return EXIT_RULES;
    }
    if (c->ir_only)
        keep_ir_only(c);
    c->t_lower = now_ms() - t2;
    return EXIT_OK;
}

/* compile_rules, with the last JSON diagnostic written out (diag.h
 * holds one awaiting its notes): the data's and the run's messages come
 * after it, as they do in the text. */
static int compile(compilation *c, const char *path)
{
    int rc = compile_rules(c, path);
    diag_flush(&c->diag);
    return rc;
}

static void compilation_init(compilation *c)
{
    memset(c, 0, sizeof *c);
    c->file = -1;
    c->root = rules_root;
    arena_init(&c->arena);
    diag_init(&c->diag, stderr);
    diag_set_json(&c->diag, diag_opts.json);
    c->diag.no_warnings = diag_opts.no_warnings;
}

static void compilation_free(compilation *c)
{
    for (size_t i = 0; i < c->nrules_names; i++)
        free(c->rules_names[i]);
    free(c->rules_names);
    diag_dispose(&c->diag);
    arena_free(&c->arena);
}

static int usage_error(const char *cmd, const char *fmt, const char *arg)
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
/* Whether the command line gave --lang (lang_of_args): --diagnostics
 * json refuses a --lang zh given, not the environment's Chinese. */
static bool lang_on_command_line;
/* planc run writes a workbook or a page, whose words --lang gives */
static bool lang_of_document;

static lbl_lang lang_of_args(int argc, char **argv, const char **bad_env)
{
    lbl_lang env;
    const char *bad = msgcat_env_lang(&env);
    lbl_lang lang = env;
    bool given = false;
    for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
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
static lbl_lang programs_lang(void)
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
    /* -Werror is --warnings-as-errors (parse_diag_option), no warning's
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
            usage_error(cmd, "unknown warning '%s' ('planc help warnings' lists them)", a);
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

/* Parses argv[i] when it is one of the diagnostics' options (diag_opts):
 * --diagnostics text|json, -w or --no-warnings, a named warning's option
 * (parse_warning_option), and --warnings-as-errors (-Werror too) where the
 * command `cmd` takes it (werror_ok).  Returns how many arguments it took
 * (0 when it is not one of them), or -1 after a usage error.  The commands
 * that take them name it in their cliopt_command (`more`), and the walk
 * tries it on each argument before the table. */
static int parse_diag_option(const char *cmd, bool werror_ok, int argc, char **argv, int i)
{
    const char *a = argv[i];
    if (strcmp(a, "-w") == 0 || strcmp(a, "--no-warnings") == 0) {
        diag_opts.no_warnings = true;
        return 1;
    }
    if (werror_ok && (strcmp(a, "--warnings-as-errors") == 0 || strcmp(a, "-Werror") == 0)) {
        diag_opts.werror = true;
        warn_set_all_errors(true);
        return 1;
    }
    int named = parse_warning_option(cmd, werror_ok, a);
    if (named != 0)
        return named;
    if (strcmp(a, "--diagnostics") != 0)
        return 0;
    if (i + 1 >= argc) {
        usage_error(cmd, "option '%s' needs a value", a);
        return -1;
    }
    const char *v = argv[i + 1];
    if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0) {
        usage_error(cmd, "unknown format '%s' (available: text, json)", v);
        return -1;
    }
    diag_opts.json = strcmp(v, "json") == 0;
    return 2;
}

/* After the command line of `cmd` is read (its messages' language
 * `lang`): refuses what contradicts, and puts standard error's reader in
 * place (errstream.h) when an option asks for it and `install`.  EXIT_OK,
 * EXIT_USAGE, or EXIT_INTERNAL when the reader cannot be made. */
static int settle_diag_options(const char *cmd, lbl_lang lang, bool install)
{
    /* JSON is for programs: English, as check --format json, whatever
     * PLANC_LANG or the locale say; a --lang zh given is refused, unless
     * it is the language of the document planc run writes (a workbook or
     * a page for people, the messages' JSON for the job that runs it) */
    if (diag_opts.json && lang != LBL_EN && lang_on_command_line && !lang_of_document)
        return usage_error(cmd, "--lang is for the text messages: %s keeps its English texts for programs",
                           "--diagnostics json");
    if (diag_opts.json)
        lang = programs_lang();
    if (diag_opts.no_warnings && diag_opts.werror)
        return usage_error(cmd, "%s-w leaves out the warnings that --warnings-as-errors makes errors: give "
                                "one of the two", "");
    if (diag_opts.no_warnings && warn_any_fatal())
        return usage_error(cmd, "-w leaves out the warnings that %s makes errors: give one of the two",
                           warn_error_options());
    /* the level words are read in the messages' language: the command
     * line's --lang, else PLANC_LANG's or the locale's (run's own lang is
     * its documents', --lang's alone) */
    if (install && (diag_opts.json || diag_opts.no_warnings || warn_any_fatal() || warn_changed()) &&
        !es_install(diag_opts.json, diag_opts.no_warnings, diag_opts.json ? lang : msgcat_lang())) {
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
static unsigned counted_warnings(void)
{
    return es_fatal_warnings();
}

/* --warnings-as-errors or -Werror=NAME: when `nwarnings` warnings that
 * fail the command were written (by what `code` is about: 1 the rules, 3
 * the data and the run), says that the warnings written so far end the
 * command (once) and returns `code`; EXIT_OK otherwise. */
static int warnings_gate(unsigned nwarnings, int code)
{
    if (!warn_any_fatal() || nwarnings == 0)
        return EXIT_OK;
    if (counted_warnings() > nwarnings)
        nwarnings = counted_warnings();
    if (!diag_opts.werror_said) {
        /* as the checker says an error of no place: text or JSON */
        diag_ctx d;
        diag_init(&d, stderr);
        diag_set_json(&d, diag_opts.json);
        d.lang = msgcat_lang();
        if (!diag_opts.werror && nwarnings == 1) /* -Werror=NAME alone */
            diag_plain_error(&d, "%u warning treated as an error (%s)", nwarnings, warn_error_options());
        else if (!diag_opts.werror)
            diag_plain_error(&d, "%u warnings treated as errors (%s)", nwarnings, warn_error_options());
        else if (nwarnings == 1)
            diag_plain_error(&d, "%u warning treated as an error (--warnings-as-errors)", nwarnings);
        else
            diag_plain_error(&d, "%u warnings treated as errors (--warnings-as-errors)", nwarnings);
        diag_dispose(&d);
    }
    diag_opts.werror_said = true;
    return code;
}

/* Whether writing to stdout failed: the flush of what is buffered, or an
 * earlier write (a large fputs to a full disk writes past the buffer, and
 * its failure shows only in the stream's error flag). */
static bool stdout_failed(void)
{
    return fflush(stdout) != 0 || ferror(stdout);
}

/* Reads the command line of a command by its table (cliopt.h) into *st,
 * the command's struct: true to go on; false with *rc the command's exit
 * code, after its help (EXIT_OK) or a usage error (EXIT_USAGE). */
static bool read_command_line(const cliopt_command *c, void *st, int argc, char **argv, int *rc)
{
    cliopt_result r = cliopt_parse(c, st, argc, argv);
    if (r == CLIOPT_HELP)
        fputs(usage_text(c->name), stdout);
    *rc = r == CLIOPT_USAGE ? EXIT_USAGE : EXIT_OK;
    return r == CLIOPT_OK;
}

/* The end of an option table (cliopt.h). */
#define END_OF_OPTIONS {NULL, NULL, CLIOPT_FLAG, 0, NULL}

/* Reads `--format text|json` (check, compare) into the bool at `where`:
 * whether it is JSON.  0, or the usage error's exit code. */
static int take_text_json(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (strcmp(v, "text") != 0 && strcmp(v, "json") != 0)
        return usage_error(cmd, "unknown format '%s' (available: text, json)", v);
    *(bool *)where = strcmp(v, "json") == 0;
    return 0;
}

/* planc check's command line (check_command). */
typedef struct check_args {
    bool dump_ast, dump_ir, origins, json;
    cliopt_lang lang;  /* --lang, else PLANC_LANG or the locale */
    cliopt_list files; /* the rules files, in their order */
} check_args;

/* planc check's options besides the diagnostics' (parse_diag_option). */
static const cliopt_option check_options[] = {
    {"--format", NULL, CLIOPT_CALL, offsetof(check_args, json), take_text_json},
    {"--dump-ast", NULL, CLIOPT_FLAG, offsetof(check_args, dump_ast), NULL},
    {"--dump-ir", NULL, CLIOPT_FLAG, offsetof(check_args, dump_ir), NULL},
    {"--origins", NULL, CLIOPT_FLAG, offsetof(check_args, origins), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(check_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc check's command line: any number of rules files. */
static const cliopt_command check_command = {
    "check", check_options, parse_diag_option, true, offsetof(check_args, files), 0, NULL, usage_error,
};

static int check_files(check_args *a);

/* planc check [--dump-ast] [--dump-ir] [--origins] FILE... */
static int cmd_check(int argc, char **argv)
{
    check_args a = {.lang = {msgcat_lang(), false}};
    a.files.v = rt_xcalloc((size_t)argc + 1, sizeof *a.files.v);
    int rc;
    if (read_command_line(&check_command, &a, argc, argv, &rc))
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
        return usage_error("check", "%sno rules file given", "");
    /* the JSON diagnostics are for programs (editors match their texts):
     * English, as explain's and run's JSON */
    if (json && lang_given)
        return usage_error("check", "--lang is for the text messages: %s keeps its English texts for programs",
                           "--format json");
    /* the checker writes every message of check: no reader of stderr */
    if (settle_diag_options("check", lang, false) != EXIT_OK)
        return EXIT_USAGE;
    json = diag_opts.json = json || diag_opts.json;
    unsigned nwarnings = 0;
    if (json)
        lang = programs_lang(); /* whatever PLANC_LANG or the locale say */
    diag_seen seen = {0}; /* a file two of them import: its diagnostics once */
    for (size_t i = 0; i < a->files.n; i++) {
        compilation c;
        compilation_init(&c);
        c.diag.seen = &seen;
        diag_set_json(&c.diag, json);
        c.diag.lang = lang; /* the messages' texts (msgcat.h) and level words */
        int r = compile(&c, a->files.v[i]);
        if (dump_ast && c.ast)
            ast_dump(c.ast, stdout);
        if (dump_ir && c.ir)
            ir_dump(c.ir, stdout);
        if (origins && c.ast)
            import_print_origins(c.ast, lang, stdout);
        if (r != EXIT_OK)
            rc = r;
        nwarnings += (unsigned)c.diag.nfatal;
        compilation_free(&c);
    }
    diag_seen_free(&seen);
    if (rc == EXIT_OK)
        rc = warnings_gate(nwarnings, EXIT_RULES);
    if ((dump_ast || dump_ir || origins) && stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write the listing: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    }
    return rc;
}

/* Prints one --timings line: "timing: NAME MS ms" and an optional note. */
static void print_timing(const char *name, double ms, const char *note)
{
    csv_message(stderr, "timing: %s %.2f ms%s%s%s\n", name, ms,
            note ? " (" : "", note ? note : "", note ? ")" : "");
}

/* Prints the compile phases of --timings: the front end's, then the JIT's
 * (jt NULL: the interpreter runs, nothing is compiled).  `t_key` is the
 * time the driver spent on its part of the cache key (rules_digest),
 * counted in the cache phase. */
static void print_compile_timings(const compilation *c, const jit_timings *jt, double t_key)
{
    print_timing("parse", c->t_parse, NULL);
    print_timing("check", c->t_check, NULL);
    print_timing("lower", c->t_lower, NULL);
    if (!jt)
        return;
    static const char *const state[] = {"off", "miss", "hit", "hit objects"};
    bool from_cache = jt->cache_state == JIT_CACHE_HIT || jt->cache_state == JIT_CACHE_HIT_OBJ;
    const char *hit = from_cache ? "cache hit" : NULL;
    print_timing("cache", jt->cache + t_key, state[jt->cache_state]);
    print_timing("llvm-load", jt->load,
                 jt->cache_state == JIT_CACHE_HIT && jt->load == 0 ? "not needed" : NULL);
    print_timing("llvm-lower", jt->lower, hit);
    print_timing("optimise", jt->optimise, hit);
    print_timing("codegen", jt->codegen, hit);
    print_timing("link", jt->link, NULL);
}

/* A SHA-256 of the bytes of every rules file the compilation read (the
 * file and the files it imports, each preceded by its length): part of
 * the JIT's cache key.  Not their names: the same rules run from another
 * directory are the same code. */
static cache_key rules_digest(const compilation *c)
{
    cache_hasher hs;
    cache_hash_init(&hs);
    for (size_t i = 0; i < c->diag.nfiles; i++) {
        uint64_t len = c->diag.files[i].len;
        cache_hash_add(&hs, &len, sizeof len);
        cache_hash_add(&hs, c->diag.files[i].text, c->diag.files[i].len);
    }
    cache_key k;
    cache_hash_end(&hs, &k);
    return k;
}

/* Reads the value of -j: a whole number from 1 to 1024, in digits (as
 * every number of the command line: no sign, no space before it, as
 * there may be none after it).  Returns 0 when it is not one. */
static unsigned parse_jobs(const char *v)
{
    char *end;
    errno = 0;
    if (!(*v >= '0' && *v <= '9'))
        return 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < 1 || n > 1024)
        return 0;
    return (unsigned)n;
}

/* Reads a year given on the command line: 1..9999, also followed by 年
 * (`--year 2024年`, as the data's year column may write it); else 0. */
static int parse_year_arg(const char *v)
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

/* One output of `planc run`: -o OUT and the format it is written in. */
typedef struct run_out {
    const char *path;       /* NULL: stdout */
    const char *format;     /* "csv", "json", "xlsx" or "html" */
} run_out;

/* What `planc run` writes and where: --format, --rollup, --year, -o,
 * --store, --lang. */
typedef struct run_output {
    const char *path;       /* -o OUT; NULL: stdout (the first output's) */
    const char *format;     /* "csv", "json", "xlsx" or "html"; NULL until settled */
    const run_out *outs;    /* every output (-o given again: several), */
    size_t nouts;           /* at least one (stdout when no -o) */
    bool rollup;            /* --rollup KIND: that roll-up, not the results */
    rollup_kind kind;
    int year;               /* --year Y; 0: the last year in the data */
    const char *store;      /* --store DB, or NULL */
    const char *store_rows; /* --store-rows all|totals, or NULL (all) */
    const char *data_options; /* how the data was read, for --store ("" for as is) */
    lbl_lang lang;          /* --lang: the language of a workbook's or a page's words */
    bool lang_given;        /* --lang was given */
    const char *const *datas; /* the --data files as given, ndata of them, for the */
    const char *const *withs; /* command that writes a page or workbook again, each */
    size_t ndata;             /* with its --read-with rules (NULL: none) */
    const char *const *with_hashes;    /* for the history: each --read-with's rules */
    const char *const *with_manifests; /* hash and manifest (rules_hash), or NULL */
    store_file *const *with_texts;     /* and the bytes of each file of it */
    const size_t *nwith_texts;         /* (reading_texts), or NULL */
} run_output;

/* Reads run's `--format csv|json|xlsx|html` into the const char * at
 * `where`.  0, or the usage error's exit code. */
static int take_run_format(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (strcmp(v, "csv") != 0 && strcmp(v, "json") != 0 && strcmp(v, "xlsx") != 0 && strcmp(v, "html") != 0)
        return usage_error(cmd, "unknown format '%s' (available: csv, json, xlsx, html)", v);
    *(const char **)where = v;
    return 0;
}

/* Reads run's `--rollup KIND` into the run_output at `where`. */
static int take_rollup(const char *cmd, void *where, const char *opt, const char *v)
{
    run_output *ro = where;
    (void)opt;
    if (!rollup_parse_kind(v, &ro->kind))
        return usage_error(cmd, "unknown roll-up '%s' (available: region, agency, target)", v);
    ro->rollup = true;
    return 0;
}

/* Reads a year (`--year Y`, parse_year_arg) into the int at `where`. */
static int take_year(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (!(*(int *)where = parse_year_arg(v)))
        return usage_error(cmd, "bad year '%s' (a whole number from 1 to 9999)", v);
    return 0;
}

/* Reads run's `--store DB`, given once, into the const char * at `where`. */
static int take_store(const char *cmd, void *where, const char *opt, const char *v)
{
    const char **store = where;
    if (*store)
        return usage_error(cmd, "option '%s' given twice (one history database per run)", opt);
    *store = v;
    return 0;
}

/* Reads run's `--store-rows all|totals`, given once, into the const char *
 * at `where`. */
static int take_store_rows(const char *cmd, void *where, const char *opt, const char *v)
{
    const char **rows = where;
    if (strcmp(v, "all") != 0 && strcmp(v, "totals") != 0)
        return usage_error(cmd, "unknown --store-rows '%s' (available: all, totals)", v);
    if (*rows)
        return usage_error(cmd, "option '%s' given twice", opt);
    *rows = v;
    return 0;
}

/* Reads a value given once (explain's --region) into the const char * at
 * `where`. */
static int take_once(const char *cmd, void *where, const char *opt, const char *v)
{
    const char **once = where;
    if (*once)
        return usage_error(cmd, "option '%s' given twice", opt);
    *once = v;
    return 0;
}

/* Reads run's `-j N` (parse_jobs) into the unsigned at `where`. */
static int take_jobs(const char *cmd, void *where, const char *opt, const char *v)
{
    (void)opt;
    if (!(*(unsigned *)where = parse_jobs(v)))
        return usage_error(cmd, "bad number of threads '%s' (a whole number from 1 to 1024)", v);
    return 0;
}

/* The format an output file's name asks for: "csv", "json", "xlsx" or
 * "html" for a name ending in that extension (or ".htm"), in any case;
 * "xls" for ".xls", the old binary Excel format, which planc does not
 * write; NULL for any other name. */
static const char *format_of_name(const char *path)
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

/* Settles `planc run`'s output format: --format when given, else the one
 * the name of -o asks for (results.xlsx is a workbook), else CSV.  A
 * --format that contradicts the name is a usage error, not a file that
 * opens as garbage, and so is ".xls".  Returns EXIT_OK or EXIT_USAGE. */
static int settle_format(run_output *ro, const char *out)
{
    const char *named = out ? format_of_name(out) : NULL;
    char msg[512];
    if (named && strcmp(named, "xls") == 0) {
        snprintf(msg, sizeof msg, msgcat_tr("the output '%s' is named for the old Excel format (.xls), "
                                            "which planc does not write: name it .xlsx for a workbook"), out);
        return usage_error("run", "%s", msg);
    }
    if (!ro->format) {
        ro->format = named ? named : "csv";
        return EXIT_OK;
    }
    if (named && strcmp(named, ro->format) != 0) {
        snprintf(msg, sizeof msg, msgcat_tr("the output '%s' is named for %s but --format %s was given: "
                                            "leave out --format (the name decides) or rename the output"),
                 out, named, ro->format);
        return usage_error("run", "%s", msg);
    }
    return EXIT_OK;
}

/* How many --na texts one command takes (the message says 32). */
#define MAX_NA 32

/* How many --set texts one command takes (the message says 64). */
#define MAX_SET 64

/* The data options of planc run and planc explain (rt_load_options): the
 * options and the --na texts they point to; and the --set NAME=VALUE
 * texts, which change the rules' values (apply_settings) and, like the
 * data options, are recorded with the results (data_options_text). */
typedef struct data_options {
    rt_load_options load;
    const char *na[MAX_NA];
    const char *set[MAX_SET];
    size_t nset;
} data_options;

/* Reads `--set NAME=VALUE` into the data_options at `where`: the text is
 * read with the rules (apply_settings). */
static int take_set(const char *cmd, void *where, const char *opt, const char *v)
{
    data_options *d = where;
    (void)opt;
    if (d->nset == MAX_SET)
        return usage_error(cmd, "%stoo many --set values (at most 64)", "");
    d->set[d->nset++] = v;
    return 0;
}

/* Reads `--data-year Y`, given once, into the data_options at `where`. */
static int take_data_year(const char *cmd, void *where, const char *opt, const char *v)
{
    data_options *d = where;
    (void)opt;
    if (d->load.year)
        return usage_error(cmd, "%s--data-year given twice", "");
    if (!(d->load.year = parse_year_arg(v)))
        return usage_error(cmd, "bad data year '%s' (a whole number from 1 to 9999)", v);
    return 0;
}

/* Reads `--na TEXT` into the data_options at `where`: a text without
 * spaces around it (cells are compared trimmed), 32 of them at most. */
static int take_na(const char *cmd, void *where, const char *opt, const char *v)
{
    data_options *d = where;
    (void)opt;
    size_t n = strlen(v);
    if (n == 0 || v[0] == ' ' || v[0] == '\t' || v[n - 1] == ' ' || v[n - 1] == '\t')
        return usage_error(cmd, "bad --na value '%s' (cells are compared after trimming: give the text "
                                "without spaces around it; empty cells are missing already)", v);
    if (d->load.nna == MAX_NA)
        return usage_error(cmd, "%stoo many --na values (at most 32)", "");
    d->na[d->load.nna++] = v;
    d->load.na = d->na;
    return 0;
}

/* The rows of the data options of planc run and planc explain
 * (--skip-unknown-regions, --allow-missing-columns, --na TEXT, --data-year
 * Y, --set NAME=VALUE) in the table of command struct T, whose member
 * `dopt` holds them. */
#define DATA_OPTION_ROWS(T)                                                                                         \
    {"--skip-unknown-regions", NULL, CLIOPT_FLAG, offsetof(T, dopt.load.skip_unknown_regions), NULL},               \
    {"--allow-missing-columns", NULL, CLIOPT_FLAG, offsetof(T, dopt.load.allow_missing_columns), NULL},             \
    {"--na", NULL, CLIOPT_CALL, offsetof(T, dopt), take_na},                                                        \
    {"--data-year", NULL, CLIOPT_CALL, offsetof(T, dopt), take_data_year},                                          \
    {"--set", NULL, CLIOPT_CALL, offsetof(T, dopt), take_set}

/* The data files of run, explain and verify: `--data FILE`, given again,
 * each with the rules that read it (`--read-with RULES` after it; NULL
 * for none).  data.v and withs have room for every argument. */
typedef struct data_files {
    cliopt_list data;
    const char **withs;
} data_files;

/* Reads `--read-with RULES` into the data_files at `where`: the rules
 * that read the data file given just before it, once. */
static int take_read_with(const char *cmd, void *where, const char *opt, const char *v)
{
    data_files *f = where;
    (void)opt;
    if (!f->data.n || f->withs[f->data.n - 1])
        return usage_error(cmd, "%s--read-with RULES follows the data file it reads, once: --data FILE "
                                "--read-with RULES", "");
    f->withs[f->data.n - 1] = v;
    return 0;
}

/* The rows of --data and --read-with in the table of command struct T,
 * whose member `files` (data_files) holds them. */
#define DATA_FILE_ROWS(T)                                                                                           \
    {"--data", NULL, CLIOPT_LIST, offsetof(T, files.data), NULL},                                                    \
    {"--read-with", NULL, CLIOPT_CALL, offsetof(T, files), take_read_with}

/* Writes s to f as a shell word: as it is when it is plain, else quoted
 * as csv_shell_quoted does (a control character as $'\xHH', which the
 * history, the page and the workbook would otherwise show as an escape
 * or U+FFFD, and no command could be given again from them). */
static void put_word(FILE *f, const char *s)
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
static FILE *memstream(char **buf, size_t *len)
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
static char *data_options_text(const data_options *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = memstream(&buf, &len);
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
        put_word(f, d->na[i]);
        sep = " ";
    }
    if (d->load.year)
        fprintf(f, "%s--data-year %d", sep, d->load.year);
    for (size_t i = 0; i < d->nset; i++) {
        fprintf(f, "%s--set ", sep);
        put_word(f, d->set[i]);
        sep = " ";
    }
    fclose(f);
    return buf;
}

/* Writes a path to f as a shell word, as put_word does, with ./ before
 * one that starts with '-' (a command would take it for an option). */
static void put_path(FILE *f, const char *path)
{
    if (path[0] == '-') {
        char *q = csv_shell_path(path);
        fputs(q, f);
        free(q);
    } else {
        put_word(f, path);
    }
}

/* The planc command line that writes workbook or page `ro` again from
 * the files the run read, for the workbook's provenance sheet and the
 * page's footer (docs/OUTPUT.md §7, §8): the rules tree (--root), the
 * rules and the data files as given (each with its --read-with), the data options, the roll-up year, the
 * language, and -o reproduced.xlsx (or .html).  An auditor with the
 * files (their hashes are beside it) runs it to get the same bytes.  Not
 * the -o the run was given: the command is in the document, whose bytes
 * would then depend on the name it is written to, and a copy written
 * elsewhere to compare would differ from it.  malloc'd. */
static char *reproduce_command(const char *rules, const char *data, const run_output *ro,
                               const rollup *ru)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = memstream(&buf, &len);
    fputs("planc run ", f);
    if (rules_root) {
        fputs("--root ", f);
        put_path(f, rules_root);
        fputc(' ', f);
    }
    put_path(f, rules);
    if (!ro->ndata) {
        fputs(" --data ", f);
        put_path(f, data);
    }
    for (size_t i = 0; i < ro->ndata; i++) {
        fputs(" --data ", f);
        put_path(f, ro->datas[i]);
        if (ro->withs && ro->withs[i]) {
            fputs(" --read-with ", f);
            put_path(f, ro->withs[i]);
        }
    }
    if (ro->data_options && *ro->data_options)
        fprintf(f, " %s", ro->data_options);
    if (ru)
        fprintf(f, " --year %d", ru->year);
    if (ro->lang != LBL_EN)
        fputs(" --lang zh", f);
    fprintf(f, " -o reproduced.%s", ro->format);
    fclose(f);
    return buf;
}

/* Writes the report `ro` asks for to f: the results or a roll-up, as CSV
 * or JSON.  Returns 0, or -1 on a write error. */
static int write_report(const ir_program *p, const rt_table *t, const rt_result *r,
                        const run_output *ro, const rollup *ru, const report_source *src,
                        FILE *f)
{
    if (strcmp(ro->format, "xlsx") == 0)
        return report_xlsx(p, t, r, ru, src, ro->lang, f, stderr);
    if (strcmp(ro->format, "html") == 0)
        return report_html(p, t, r, ru, src, ro->lang, f);
    if (strcmp(ro->format, "json") == 0) {
        static const unsigned only[] = {REPORT_JSON_REGIONS, REPORT_JSON_AGENCIES, REPORT_JSON_TARGETS};
        return report_json(p, t, r, ru, ro->rollup ? only[ro->kind] : REPORT_JSON_ALL, src, f);
    }
    if (ro->rollup)
        return rollup_write_csv(p, ru, ro->kind, f);
    return report_csv(p, t, r, f);
}

/* The rules manifest and its SHA-256, the rules' hash (docs/OUTPUT.md
 * §5): a line "HEX  NAME\n" per file the compilation read, in the order
 * read, HEX the SHA-256 of the file's bytes and NAME its name
 * (rules_names) -- what `sha256sum NAME...` prints in the rules file's
 * directory.  Renaming a file, or moving text from one file to another,
 * changes the hash.  Returns the manifest, malloc'd. */
static char *rules_hash(const compilation *c, char hex[65])
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = memstream(&text, &len);
    for (size_t i = 0; i < c->nrules_names; i++) { /* not the --set texts */
        sha256_ctx h;
        char fhex[65];
        sha256_init(&h);
        sha256_update(&h, c->diag.files[i].text, c->diag.files[i].len);
        sha256_hex(&h, fhex);
        manifest_put(m, fhex, i < c->nrules_names ? c->rules_names[i] : c->diag.files[i].name);
    }
    if (fclose(m) != 0) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    sha256_ctx h;
    sha256_init(&h);
    sha256_update(&h, text, len);
    sha256_hex(&h, hex);
    return text;
}

/* The bytes of each rules file compilation c read, named as in its
 * manifest (rules_hash), copied (the compilation of a --read-with's rules
 * is freed before the run is recorded); *n gets how many.  malloc'd, for
 * free_texts. */
static store_file *copy_texts(const compilation *c, size_t *n)
{
    *n = c->diag.nfiles;
    store_file *t = rt_xcalloc(*n ? *n : 1, sizeof *t);
    for (size_t i = 0; i < *n; i++) {
        char *text = rt_xmalloc(c->diag.files[i].len + 1, 1);
        memcpy(text, c->diag.files[i].text, c->diag.files[i].len);
        t[i] = (store_file){.name = rt_xstrdup(i < c->nrules_names ? c->rules_names[i] : c->diag.files[i].name),
                            .text = text, .len = c->diag.files[i].len};
    }
    return t;
}

/* Frees copy_texts's n texts (t may be NULL). */
static void free_texts(store_file *t, size_t n)
{
    for (size_t i = 0; t && i < n; i++) {
        free((char *)t[i].name);
        free((char *)t[i].text);
    }
    free(t);
}

/* Frees each of n readings' texts (copy_texts) and the arrays. */
static void free_all_texts(store_file **t, size_t *nt, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free_texts(t[i], nt[i]);
    free(t);
    free(nt);
}

/* Says that the results could not be written (to -o's file, or stdout). */
static void cannot_write(const run_output *ro)
{
    csv_message(stderr, "planc: error: cannot write %s%s%s: %s\n", ro->path ? "'" : msgcat_tr("results"),
            ro->path ? ro->path : "", ro->path ? "'" : "", msgcat_strerror(msgcat_lang(), errno));
}

/* Ends -o's output file: renamed into place when rc is EXIT_OK, else
 * removed.  Returns rc, or EXIT_WRITE when the rename failed. */
static int finish_output(ofile *o, int rc)
{
    if (o) {
        if (rc != EXIT_OK)
            ofile_abort(o);
        else if (ofile_commit(o, stderr) != 0)
            rc = EXIT_WRITE;
    }
    return rc;
}

/* The real path of an output file about to be written at `path`: its
 * directory's real path and its name (the file itself is not there yet,
 * or is the one it replaces), for the history; NULL when the directory's
 * is unknown.  malloc'd. */
static char *output_real_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    char *real = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    if (!real)
        return NULL;
    const char *base = slash ? slash + 1 : path;
    char *out = rt_xmalloc(strlen(real) + strlen(base) + 2, 1);
    sprintf(out, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
    free(real);
    return out;
}

/* Each data file of the run for the documents' source (report_data_file):
 * datas[0..n) as given, their hashes as the table read them, each reading's
 * rules as given with their hash and manifest (withs[i] NULL: none;
 * with_hashes, with_manifests NULL when not known).  malloc'd; NULL when
 * the table hashed nothing (a CSV without --store asks for no hash). */
static report_data_file *data_file_list(const char *const *datas, const char *const *withs,
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


/* The real path of data file `name`, or NULL; of a workbook's sheet
 * (FILE#SHEET, xlsx_read.h) FILE's with #SHEET after it. */
static char *data_realpath(const char *name)
{
    const char *sheet = NULL;
    char *file = xlsxr_split(name, &sheet);
    char *real = realpath(file ? file : name, NULL);
    if (real && file) {
        size_t n = strlen(real) + strlen(sheet) + 2;
        char *both = rt_xmalloc(n, 1);
        snprintf(both, n, "%s#%s", real, sheet);
        free(real);
        real = both;
    }
    free(file);
    return real;
}
/* The reports, then the record in the history database: each output is
 * written (to a temporary file when it is a file, written out to the
 * disk), the run's rows are inserted in one transaction, the transaction
 * is committed, and only then are the files renamed into place; a failure
 * anywhere leaves neither a new file nor a recorded run (a commit that
 * fails on a full disk keeps the old files; a rename that fails after the
 * commit puts back the files renamed before it and takes the run back
 * out; a new database, put in place after the files, takes them back out
 * when that fails).  ro->outs[0..ro->nouts) are the outputs (-o, given
 * once or more; one without a path is standard output).  Returns an exit
 * code. */
static int write_output(const compilation *c, const char *rules, const char *data,
                        const rt_table *t, const rt_result *r, const run_output *ro, store *db)
{
    size_t nouts = ro->nouts;
    bool need_rollup = ro->rollup;
    for (size_t i = 0; i < nouts; i++)
        need_rollup |= strcmp(ro->outs[i].format, "csv") != 0;
    rollup *ru = NULL;
    if (need_rollup) {
        if (ro->year && !rollup_has_year(t, ro->year)) {
            csv_message(stderr, "planc: error: %s has no row in %d (--year)\n", data, ro->year);
            return EXIT_USAGE;
        }
        ru = rollup_make(c->ir, t, r, ro->year);
    }
    if (ro->rollup && !ru) {
        csv_message(stderr, "planc: error: %s has no rows to roll up\n", data);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    ofile **o = rt_xcalloc(nouts, sizeof *o);
    for (size_t i = 0; i < nouts && rc == EXIT_OK; i++)
        if (ro->outs[i].path) {
            ofile_failure why;
            if (!(o[i] = ofile_open_why(ro->outs[i].path, &why, stderr)))
                rc = why == OFILE_FAIL_NAME ? EXIT_USAGE : EXIT_WRITE;
        }
    if (rc != EXIT_OK) {
        for (size_t i = 0; i < nouts; i++)
            if (o[i])
                ofile_abort(o[i]);
        free(o);
        rollup_free(ru);
        return rc;
    }
    /* what produced the results, for the reports that say it and the
     * history: the data's hash is of the bytes the table was read from (a
     * pipe cannot be read again, and a file may have changed since) */
    char rhash[65];
    char *manifest = rules_hash(c, rhash);
    size_t nfiles_given = ro->ndata ? ro->ndata : 1;
    report_data_file *data_files = data_file_list(ro->ndata ? ro->datas : &data, ro->ndata ? ro->withs : NULL,
                                                  ro->with_hashes, ro->with_manifests, nfiles_given, t);
    /* the history records each output's size and hash, of the bytes as
     * written (also to standard output or a device, not read back) */
    store_output *so = rt_xcalloc(nouts, sizeof *so);
    char (*out_hash)[65] = rt_xcalloc(nouts, sizeof *out_hash);
    /* the files first, then standard output and the devices or FIFOs,
     * which are written in place and cannot be taken back: a file that
     * cannot be written (a full disk) leaves them unwritten too (stdout
     * had the whole CSV when the second output failed) */
    size_t *order = rt_xcalloc(nouts, sizeof *order), nfirst = 0;
    for (size_t i = 0; i < nouts; i++)
        if (o[i] && !ofile_in_place(o[i]))
            order[nfirst++] = i;
    for (size_t i = 0, k = nfirst; i < nouts; i++)
        if (!o[i] || ofile_in_place(o[i]))
            order[k++] = i;
    for (size_t k = 0; k < nouts && rc == EXIT_OK; k++) {
        size_t i = order[k];
        run_output one = *ro; /* this output's path and format */
        one.path = ro->outs[i].path;
        one.format = ro->outs[i].format;
        FILE *f = o[i] ? ofile_stream(o[i]) : stdout;
        bool document = strcmp(one.format, "xlsx") == 0 || strcmp(one.format, "html") == 0;
        char *command = document ? reproduce_command(rules, data, &one, ru) : NULL;
        report_source src = {.rules = rules, .rules_sha256 = rhash, .rules_files = manifest, .data = data,
                             .data_sha256 = rt_table_sha256(t), .data_files = data_files,
                             .ndata_files = nfiles_given, .data_options = ro->data_options,
                             .command = command};
        hashout *ho = db ? hashout_open(f) : NULL;
        unsigned long long out_bytes = 0;
        int written = write_report(c->ir, t, r, &one, ru, &src, ho ? hashout_stream(ho) : f);
        free(command);
        if (ho && hashout_close(ho, out_hash[i], &out_bytes) != 0 && written == 0)
            written = -1;
        if (written == REPORT_XLSX_TOO_LARGE) {
            rc = EXIT_USAGE;    /* said by report_xlsx: write CSV instead */
        } else if (written != 0 || fflush(f) != 0) {
            /* report_xlsx says itself what went wrong */
            if (written == 0 || written == REPORT_XLSX_OUT_ERROR || strcmp(one.format, "xlsx") != 0)
                cannot_write(&one);
            rc = EXIT_WRITE;
        }
        so[i] = (store_output){.path = one.path ? one.path : "/dev/stdout", .format = one.format,
                               .sha256 = out_hash[i], .bytes = (long long)out_bytes};
    }
    free(order);
    free(data_files);
    rollup_free(ru);
    long long run_id = 0;
    if (rc == EXIT_OK && db) {
        char now[32];
        store_now(now);
        /* the files' real paths beside the names given ("" when there is
         * none: a pipe), so that the history says which file a relative
         * name was */
        char *rules_real = realpath(rules, NULL), *data_real = data_realpath(data);
        /* the rules files' bytes, named as in the manifest (rules_hash) */
        size_t nfiles = c->nrules_names; /* not the --set texts: data_options has them */
        store_file *texts = calloc(nfiles ? nfiles : 1, sizeof *texts);
        if (!texts) {
            csv_message(stderr, "planc: error: out of memory\n");
            exit(EXIT_INTERNAL);
        }
        for (size_t i = 0; i < nfiles; i++)
            texts[i] = (store_file){.name = i < c->nrules_names ? c->rules_names[i] : c->diag.files[i].name,
                                    .text = c->diag.files[i].text, .len = c->diag.files[i].len};
        /* each data file with its hash and its reading's, and the outputs */
        size_t nd = ro->ndata ? ro->ndata : 1;
        store_data_file *dfs = rt_xcalloc(nd, sizeof *dfs);
        char **dreal = rt_xcalloc(nd, sizeof *dreal);
        for (size_t i = 0; i < nd; i++) {
            const char *name = ro->ndata ? ro->datas[i] : data;
            bool with = ro->ndata && ro->withs && ro->withs[i];
            dreal[i] = data_realpath(name);
            dfs[i] = (store_data_file){.path = name, .resolved = dreal[i] ? dreal[i] : "",
                                       .sha256 = rt_table_file_sha256(t, i),
                                       .read_with = with ? ro->withs[i] : "",
                                       .read_with_sha256 = with ? ro->with_hashes[i] : "",
                                       .read_with_files = with ? ro->with_manifests[i] : "",
                                       .read_with_texts = with && ro->with_texts ? ro->with_texts[i] : NULL,
                                       .nread_with_texts = with && ro->nwith_texts ? ro->nwith_texts[i] : 0};
        }
        char **out_real = rt_xcalloc(nouts, sizeof *out_real);
        for (size_t i = 0; i < nouts; i++) {
            out_real[i] = ro->outs[i].path ? output_real_path(ro->outs[i].path) : NULL;
            so[i].resolved = out_real[i] ? out_real[i] : "";
        }
        store_run_info info = {.time = now, .version = PLANC_VERSION, .rules_path = rules,
                               .rules_hash = rhash, .rules_files = manifest,
                               .rules_resolved = rules_real ? rules_real : "",
                               .data_path = data, .data_resolved = data_real ? data_real : "",
                               .data_hash = rt_table_sha256(t), .data_options = ro->data_options,
                               .rules_texts = texts, .nrules_texts = nfiles,
                               .totals = ro->store_rows && strcmp(ro->store_rows, "totals") == 0,
                               .data_files = dfs, .ndata_files = nd, .outputs = so, .noutputs = nouts};
        if (store_begin_run(db, &info, c->ir, t, r, &run_id, stderr) != 0)
            rc = EXIT_WRITE;
        for (size_t i = 0; i < nd; i++)
            free(dreal[i]);
        free(dreal);
        free(dfs);
        for (size_t i = 0; i < nouts; i++)
            free(out_real[i]);
        free(out_real);
        free(texts);
        free(rules_real);
        free(data_real);
    }
    free(manifest);
    free(so);
    free(out_hash);
    for (size_t i = 0; i < nouts && rc == EXIT_OK; i++)
        if (o[i] && ofile_finish(o[i], stderr) != 0) {
            o[i] = NULL; /* removed and freed */
            rc = EXIT_WRITE;
        }
    /* From the history's commit to the last rename, a signal (Ctrl-C)
     * waits until all is done: it came between two renames, or after the
     * commit and before the rename, and left one output new and another
     * old, or a run recorded whose output was not there (its temporary
     * file removed).  None of these steps waits for a lock. */
    cleanup_hold();
    bool recorded = false;
    if (db) {
        if (rc != EXIT_OK)
            store_rollback(db);
        else if (store_commit_pending(db, stderr) != 0)
            rc = EXIT_WRITE;
        else
            recorded = true;
    }
    /* A new database is put in place after the outputs, which come back
     * out if that fails, and a second output's failed rename puts the
     * first back: whichever fails, none stays (a database linked first,
     * then emptied of its run, stayed when the rename failed).  One output
     * without a new database is simply renamed into place. */
    bool undoable = nouts > 1 || (recorded && store_pending(db));
    ofile **kept = rt_xcalloc(nouts, sizeof *kept);
    for (size_t i = 0; i < nouts; i++) {
        if (!o[i])
            continue;
        if (!undoable || rc != EXIT_OK)
            rc = finish_output(o[i], rc);
        else if (ofile_commit_undoable(o[i], stderr) != 0)
            rc = EXIT_WRITE;
        else
            kept[i] = o[i];
        o[i] = NULL;
    }
    bool forget = recorded && rc != EXIT_OK;
    if (recorded && !forget && store_publish(db, stderr) != 0)
        rc = EXIT_WRITE;
    for (size_t i = 0; i < nouts; i++) {
        if (rc != EXIT_OK)
            ofile_undo(kept[i]);
        else
            ofile_settle(kept[i]);
    }
    cleanup_release();
    /* (after the hold: taking the run back out may wait for the lock,
     * which another writer may have taken since the commit) */
    if (forget)
        store_forget_run(db, store_run(db), stderr);
    free(kept);
    free(o);
    return rc;
}

/* Whether `planc run` can score and write as a stream (rt_run_stream): CSV
 * results as its one output (not a roll-up, which needs every row) of a program the stream
 * can run (not under the `error` missing-data policy), without --store (which records the whole result in one
 * transaction), and not onto a terminal (where the lines would mix with
 * the progress line). */
static bool streamable(const ir_program *p, const run_output *ro, const store *db)
{
    /* --warnings-as-errors holds the results until every warning about
     * them is said */
    if (db || ro->nouts > 1 || ro->rollup || strcmp(ro->format, "csv") != 0 || !rt_can_stream(p) ||
        warn_any_fatal())
        return false;
    return ro->path || !isatty(fileno(stdout));
}

/* The CSV stream's hooks, checking each scored chunk for a number that
 * overflowed (rt_first_overflow) before it is written: the first such row
 * of a place is kept by its chunk, on a scoring thread, and reported by
 * its flush, in row order, which stops the run; so the message is the
 * same whatever -j. */
typedef struct overflow_guard {
    rt_stream inner;
    const ir_program *p;
    const rt_table *t;
    long *row;              /* per place: the first overflowing row, or -1 */
    uint32_t *target;       /* per place: its target */
    char **text;            /* per place: the message, malloc'd */
} overflow_guard;

/* rt_stream.chunk: checks the chunk, then hands it on when it holds no
 * overflow. */
static int guard_chunk(void *ctx, const rt_result *r, size_t lo, size_t hi, unsigned place)
{
    overflow_guard *g = ctx;
    g->row[place] = rt_first_overflow(g->p, r, lo, hi, &g->target[place]);
    if (g->row[place] < 0)
        return g->inner.chunk(g->inner.ctx, r, lo, hi, place);
    /* the result is read here, while the chunk's frame holds it */
    size_t len = 0;
    FILE *m = memstream(&g->text[place], &len);
    rt_overflow_error(g->p, g->t, r, (size_t)g->row[place], g->target[place], m);
    fclose(m);
    return 0;
}

/* rt_stream.flush: the overflow of the place, if any (3 stops the run),
 * else the place's rows. */
static int guard_flush(void *ctx, unsigned place)
{
    overflow_guard *g = ctx;
    if (g->row[place] >= 0) {
        fputs(g->text[place], stderr);
        return EXIT_DATA;
    }
    return g->inner.flush(g->inner.ctx, place);
}

/* rt_stream hooks that keep nothing: the checking pass of a stream onto
 * standard output (guarded_stream with inner hooks that write nothing). */
static int keep_no_chunk(void *ctx, const rt_result *r, size_t lo, size_t hi, unsigned place)
{
    return 0;
}
static int keep_no_flush(void *ctx, unsigned place)
{
    return 0;
}

/* Runs the stream of p over t into `inner` behind an overflow_guard: 0,
 * EXIT_DATA when a number overflowed (said on stderr, before anything of
 * that round reached `inner`), another nonzero value of `inner`, or -1
 * (rt_run_stream's). */
static int guarded_stream(const ir_program *p, const rt_table *t, const exec_engine *eng,
                          const rt_options *rto, rt_stream inner, rt_timings *rtt)
{
    unsigned places = rt_stream_places(rto);
    overflow_guard g = {.inner = inner, .p = p, .t = t,
                        .row = calloc(places, sizeof *g.row),
                        .target = calloc(places, sizeof *g.target),
                        .text = calloc(places, sizeof *g.text)};
    if (!g.row || !g.target || !g.text) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    rt_stream st = {.ctx = &g, .chunk = guard_chunk, .flush = guard_flush};
    int run = rt_run_stream(p, t, eng, rto, &st, rtt, stderr);
    for (unsigned k = 0; k < places; k++)
        free(g.text[k]);
    free(g.row);
    free(g.target);
    free(g.text);
    return run;
}

/* Scores the table and writes the CSV results as a stream: the output is
 * opened first (a temporary file for -o), each round of chunks is written
 * as soon as it is scored, and the file is renamed into place only when
 * everything was written.  Standard output cannot be taken back so: the
 * rows are first scored only to be checked, so that a number that
 * overflowed stops the run before the first byte is written there, as
 * it leaves no file with -o (the kernels are a small part of a streamed
 * run, which formatting the numbers dominates: docs/PERFORMANCE.md).
 * That checking pass runs on `checker`, eng's engine without the
 * progress line's count (which counts the pass that writes).  Sets
 * judged[i] for each target judged on some row (report_mark_judged).
 * Returns an exit code. */
static int stream_output(const ir_program *p, const rt_table *t, const exec_engine *eng,
                         const exec_engine *checker, const rt_options *rto, rt_timings *rtt,
                         const run_output *ro, bool *judged, report_ungraded *ungraded)
{
    ofile *o = NULL;
    FILE *f = stdout;
    rt_timings checked = {0};
    if (ro->path) {
        ofile_failure why;
        if (!(o = ofile_open_why(ro->path, &why, stderr)))
            return why == OFILE_FAIL_NAME ? EXIT_USAGE : EXIT_WRITE;
        f = ofile_stream(o);
    } else {
        rt_stream none = {.chunk = keep_no_chunk, .flush = keep_no_flush};
        int pre = guarded_stream(p, t, checker, rto, none, &checked);
        if (pre != 0)
            return pre == EXIT_DATA ? EXIT_DATA : EXIT_INTERNAL;
    }
    unsigned places = rt_stream_places(rto);
    report_csv_stream *cs = report_csv_stream_open(p, t, places, f);
    int run = guarded_stream(p, t, eng, rto, report_csv_stream_hooks(cs), rtt);
    if (rtt) /* --timings: both passes' scoring */
        rtt->kernel += checked.kernel;
    report_csv_stream_judged(cs, judged);
    report_csv_stream_ungraded(cs, ungraded);
    int written = report_csv_stream_close(cs);
    int rc = EXIT_OK;
    if (run < 0) {
        rc = EXIT_INTERNAL;
    } else if (run == EXIT_DATA && written == 0) {
        rc = EXIT_DATA;     /* a number overflowed: said by guard_flush */
    } else if (run > 0 || written != 0 || fflush(f) != 0) {
        cannot_write(ro);
        rc = EXIT_WRITE;
    }
    return finish_output(o, rc);
}

/* Warns of each data column in % whose cells are all between 0 and 1
 * while a target on its indicator asks for more than 1% (">= 97%"): a
 * table of shares written as fractions (0.957 for 95.7%), which no row
 * could meet, and which would otherwise be scored as 0.957% without a
 * word.  Once per column, at the first such target; a column that also
 * holds a number above 1 (a share of 0.5% beside 95%) is left alone. */
static void warn_fractions(compilation *c, const rt_table *t, lbl_lang lang)
{
    const ir_program *p = c->ir;
    size_t n = rt_table_nrows(t);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *col = &p->columns[k];
        if (col->type != IR_COL_NUM || col->agg != IR_AGG_NONE || col->map || !col->indicator ||
            !col->unit || strcmp(col->unit, "%") != 0)
            continue;
        const ir_target *tg = NULL;
        double goal = 0;
        bool strict = false;
        for (uint32_t i = 0; i < p->ntargets && !tg; i++) {
            const ir_target *x = &p->targets[i];
            if (!x->measured_src || strcmp(x->measured_src, col->indicator) != 0 || !x->unit ||
                strcmp(x->unit, "%") != 0)
                continue;
            for (uint32_t m = 0; m < x->nmilestones && !tg; m++)
                if (!x->milestones[m].goal_src && x->milestones[m].goal > 1 &&
                    (x->milestones[m].op == IR_GE || x->milestones[m].op == IR_GT)) {
                    tg = x;
                    goal = x->milestones[m].goal;
                    strict = x->milestones[m].op == IR_GT;
                }
        }
        if (!tg)
            continue;
        const double *v = rt_table_column(t, k);
        long top = -1;
        bool fractions = true;
        for (size_t i = 0; i < n && fractions; i++) {
            if (isnan(v[i]))
                continue;
            fractions = v[i] >= 0 && v[i] <= 1;
            if (top < 0 || v[i] > v[top])
                top = (long)i;
        }
        if (!fractions || top < 0 || !(v[top] > 0))
            continue;
        char big[32], want[32];
        report_format_number(v[top], big);
        report_format_number(goal, want);
        span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
        diag_warning(&c->diag, WARN_DATA_FRACTIONS, sp, lbl_get(lang, LBL_W_FRACTIONS), col->name, col->indicator, big,
                     rt_table_line(t, (size_t)top), rt_table_row_path(t, (size_t)top),
                     lbl_get(lang, tg->redline ? LBL_W_REDLINE : LBL_W_TARGET), tg->name,
                     lbl_get(lang, strict ? LBL_W_MORE_THAN : LBL_W_AT_LEAST), want);
        size_t rlen = strlen(col->name) + sizeof "'column \"\" in 1'";
        char *rule = malloc(rlen); /* the rules text, as typed */
        if (!rule) {
            fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
            exit(EXIT_INTERNAL);
        }
        snprintf(rule, rlen, "'column \"%s\" in 1'", col->name);
        diag_hint(&c->diag, lbl_get(lang, LBL_W_FRACTIONS_HINT), rule, col->indicator);
        free(rule);
    }
    diag_flush(&c->diag); /* under JSON, before the messages that follow */
}

/* How many regions warn_no_base names before counting the rest. */
#define NO_BASE_SHOWN 3

/* Warns of each target with a deadline (threshold, complete, rated) that
 * measures an indicator's column as read, where regions it applies to
 * have a row in the target's baseline year y0 with that column empty,
 * and a value in a later year before the first deadline: the trajectory
 * starts from the baseline value, so until the deadline such a region's
 * target is missing in every year it is not met, its value shown beside
 * the status, and the assessment leaves it out.  An evaluator's rating
 * first given in the plan's first year is the usual cause.  Once per
 * target, naming NO_BASE_SHOWN regions, with the two ways on. */
static void warn_no_base(compilation *c, const rt_table *t, lbl_lang lang)
{
    const ir_program *p = c->ir;
    size_t n = rt_table_nrows(t);
    if (n == 0 || p->nregions == 0)
        return;
    /* per region: its row of year y0 (SIZE_MAX: none), found in one pass
     * over the rows for each y0 the targets use (the plan's, mostly), so
     * that a target costs the regions, not the rows, unless some region
     * has the cell empty; and seen[r]: 4 the cell of y0 empty, 2 a value
     * in a later year before the deadline, first[r] the first such year */
    size_t *at = malloc(p->nregions * sizeof *at);
    uint8_t *seen = malloc(p->nregions);
    int *first = malloc(p->nregions * sizeof *first);
    if (!at || !seen || !first) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    int at_year = 0; /* the y0 `at` holds, 0 for none yet */
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *tg = &p->targets[i];
        if (tg->redline || tg->nmilestones == 0 || tg->milestones[0].deadline <= tg->y0 || !tg->measured_src ||
            (strcmp(tg->kind, "threshold") != 0 && strcmp(tg->kind, "complete") != 0 &&
             strcmp(tg->kind, "rated") != 0))
            continue;
        long col = -1;
        for (uint32_t k = 0; k < p->ncolumns && col < 0; k++)
            if (p->columns[k].indicator && p->columns[k].agg == IR_AGG_NONE && !p->columns[k].per_year &&
                strcmp(p->columns[k].indicator, tg->measured_src) == 0)
                col = (long)k;
        if (col < 0)
            continue;
        if (at_year != tg->y0) {
            for (uint32_t r = 0; r < p->nregions; r++)
                at[r] = SIZE_MAX;
            for (size_t row = 0; row < n; row++)
                if (rt_table_year(t, row) == tg->y0 && rt_table_region(t, row) < p->nregions)
                    at[rt_table_region(t, row)] = row;
            at_year = tg->y0;
        }
        int deadline = tg->milestones[0].deadline;
        const double *v = rt_table_column(t, (uint32_t)col);
        bool any = false;
        for (uint32_t r = 0; r < p->nregions; r++) {
            seen[r] = at[r] != SIZE_MAX && isnan(v[at[r]]) &&
                              ir_target_in_scope(tg, r) ? 4 : 0;
            any |= seen[r] != 0;
        }
        if (!any)
            continue;
        for (size_t row = 0; row < n; row++) {
            uint32_t r = rt_table_region(t, row);
            int y = rt_table_year(t, row);
            if (r >= p->nregions || !seen[r] || y <= tg->y0 || y >= deadline || isnan(v[row]))
                continue;
            if (!(seen[r] & 2) || y < first[r])
                first[r] = y;
            seen[r] |= 2;
        }
        uint32_t count = 0;
        int from = 0;
        char *list = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&list, &len);
        if (!f) {
            csv_message(stderr, "planc: error: out of memory\n");
            exit(EXIT_INTERNAL);
        }
        for (uint32_t r = 0; r < p->nregions; r++) {
            if (seen[r] != (2 | 4))
                continue;
            if (count < NO_BASE_SHOWN)
                fprintf(f, "%s%s", count ? lbl_get(lang, LBL_U_NAME_SEP) : "", p->regions[r].name);
            count++;
            if (!from || first[r] < from)
                from = first[r];
        }
        if (count > NO_BASE_SHOWN)
            fprintf(f, msgcat_get(lang, " and %u more"), count - NO_BASE_SHOWN);
        fclose(f);
        if (count) {
            span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
            diag_warning(&c->diag, WARN_MISSING_BASELINE, sp,
                         msgcat_get(lang, "%s '%s' has no baseline value for %s: column '%s' is empty in %d and "
                                          "has values later; until its deadline (%d) it is missing in every year "
                                          "it is not met, since its trajectory starts from the baseline value"),
                         lbl_get(lang, LBL_W_TARGET), tg->name, list, p->columns[col].name, tg->y0, deadline);
            diag_hint(&c->diag,
                      msgcat_get(lang, "fill the %d cells, or give the target a baseline of its own, the first year "
                                       "with data: 'baseline %d' after its goals"),
                      tg->y0, from);
        }
        free(list);
    }
    free(at);
    free(seen);
    free(first);
}

/* Where a target's goal comes from on a data row, for warn_unit_factor:
 * its first positive constant goal (constant; NaN when it has none),
 * else the first goal read from the data that is an indicator's `values`
 * table in the target's unit (table: the region's quota, 耕地保护任务 of
 * each town) or a data column read into the target's unit (column, an
 * index into the program's columns; -1 when none). */
typedef struct row_goal {
    double constant;
    const ir_input *table;
    long column;
    const char *src;    /* the goal as written, for table and column */
} row_goal;

/* The source of target tg's goal on a row (row_goal); false when it has
 * none planc can read before scoring (a goal computed from other
 * indicators, in a named year, in another unit). */
static bool row_goal_of(const ir_program *p, const ir_target *tg, row_goal *g)
{
    *g = (row_goal){.constant = NAN, .column = -1};
    for (uint32_t m = 0; m < tg->nmilestones; m++)
        if (!tg->milestones[m].goal_src && tg->milestones[m].goal > 0) {
            g->constant = tg->milestones[m].goal;
            return true;
        }
    for (uint32_t m = 0; m < tg->nmilestones; m++) {
        const char *src = tg->milestones[m].goal_src;
        if (!src)
            continue;
        for (uint32_t k = 0; k < p->ninputs; k++) {
            const ir_input *in = &p->inputs[k];
            if (in->kind == IR_IN_TABLE && in->indicator && strcmp(in->indicator, src) == 0 && in->unit &&
                strcmp(in->unit, tg->unit) == 0 && !in->shift.absolute && in->shift.rel == 0) {
                g->table = in;
                g->src = src;
                return true;
            }
        }
        for (uint32_t k = 0; k < p->ncolumns; k++) {
            const ir_column *col = &p->columns[k];
            if (col->type == IR_COL_NUM && col->agg == IR_AGG_NONE && !col->map && !col->per_year &&
                col->indicator && strcmp(col->indicator, src) == 0 && col->indicator_unit &&
                strcmp(col->indicator_unit, tg->unit) == 0) {
                g->column = (long)k;
                g->src = src;
                return true;
            }
        }
    }
    return false;
}

/* Target goal g on row `row` of t, in the target's unit: NaN when the row
 * has none (a region without a quota, an empty cell). */
static double row_goal_at(const ir_program *p, const rt_table *t, const row_goal *g, size_t row)
{
    if (!isnan(g->constant))
        return g->constant;
    if (g->table)
        return ir_table_value(g->table, rt_table_region(t, row), rt_table_year(t, row), NULL);
    const ir_column *col = &p->columns[g->column];
    double cell = rt_table_column(t, (uint32_t)g->column)[row];
    return col->divisor != 0 ? cell / col->divisor : cell * col->factor;
}

/* x rounded to six significant digits, for a message: a factor between
 * units (666.6666666666666 between 万亩 and 公顷) or a cell converted by
 * it (0.9187500000000001) is read as 666.667 and 0.91875. */
static double six_digits(double x)
{
    if (!(x != 0) || !isfinite(x))
        return x;
    double mag = pow(10, 5 - floor(log10(fabs(x))));
    return isfinite(mag) && isfinite(x * mag) ? round(x * mag) / mag : x;
}

/* x to 15 significant digits, the digits a number converted from
 * another unit means (a quota of 246666.7 公顷 is 370.00005 万亩, not
 * the 370.00005000000004 of its last bits), as a workbook's cell holds it. */
static double fifteen_digits(double x)
{
    char buf[32];
    if (!isfinite(x))
        return x;
    snprintf(buf, sizeof buf, "%.15g", x);
    return strtod(buf, NULL);
}

/* Warns of each data column read in a unit other than its indicator's
 * by a factor of 100 or more (`column "farmland_mu" in 亩` of an
 * indicator in 万亩) whose every positive cell, on the rows a target
 * with a goal applies to, is nearer that row's goal's number as written
 * than the goal in the column's unit: cells written in the indicator's
 * unit (40.15 for 40.15万亩 where the template asks for 亩), which no row
 * could meet, or every row meets by a factor of ten thousand.  Once per
 * column, at the first target with a constant goal and rows, as
 * warn_fractions; when no such target has rows, at the first whose goal
 * is read on each row from a `values` table or a column in its unit (a
 * red line against each town's quota: row_goal_of).  A column with one
 * cell of the expected size is left alone. */
static void warn_unit_factor(compilation *c, const rt_table *t, lbl_lang lang)
{
    const ir_program *p = c->ir;
    size_t n = rt_table_nrows(t);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *col = &p->columns[k];
        if (col->type != IR_COL_NUM || col->agg != IR_AGG_NONE || col->map || col->per_year || !col->indicator ||
            !col->unit || !col->indicator_unit)
            continue;
        /* an indicator's value is the cell times conv */
        double conv = col->divisor != 0 ? 1 / col->divisor : col->factor;
        if (!(conv > 0) || (conv > 0.01 && conv < 100))
            continue;
        /* pass 0: the targets with a constant goal; pass 1, when none of
         * them had rows: those with a goal read on each row */
        bool decided = false;
        for (int pass = 0; pass < 2 && !decided; pass++)
            for (uint32_t i = 0; i < p->ntargets && !decided; i++) {
                const ir_target *tg = &p->targets[i];
                if (!tg->measured_src || strcmp(tg->measured_src, col->indicator) != 0 || !tg->unit ||
                    strcmp(tg->unit, col->indicator_unit) != 0 || tg->boolean)
                    continue;
                row_goal g;
                if (!row_goal_of(p, tg, &g) || isnan(g.constant) != (pass == 1))
                    continue;
                const double *v = rt_table_column(t, k);
                long top = -1;
                double top_goal = NAN;
                bool off = true;
                for (size_t row = 0; row < n && off; row++) {
                    if (isnan(v[row]) || !(v[row] > 0) ||
                        !ir_target_in_scope(tg, rt_table_region(t, row)))
                        continue;
                    double goal = row_goal_at(p, t, &g, row);
                    if (!(goal > 0) || isinf(goal))
                        continue;
                    /* nearer the goal's number as the cell is than the goal in
                     * the column's unit (on a log scale: a province's sum in
                     * 万亩 is 20 times a city's goal, yet 500 times below it
                     * read as 亩) */
                    double as_written = fabs(log(goal / v[row])), as_read = fabs(log(goal / (v[row] * conv)));
                    off = as_written < as_read;
                    if (top < 0 || v[row] > v[top]) {
                        top = (long)row;
                        top_goal = goal;
                    }
                }
                if (top < 0)
                    continue;
                decided = true; /* the column's first target with a goal and rows decides */
                if (!off)
                    break;
                char big[32], bigc[32], want[32], fac[32];
                report_format_number(v[top], big);
                report_format_number(six_digits(col->divisor != 0 ? v[top] / col->divisor : v[top] * col->factor),
                                     bigc);
                report_format_number(fifteen_digits(top_goal), want);
                report_format_number(six_digits(conv < 1 ? 1 / conv : conv), fac);
                span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
                const char *what = lbl_get(lang, tg->redline ? LBL_W_REDLINE : LBL_W_TARGET);
                if (pass == 0)
                    diag_warning(&c->diag, WARN_UNIT_FACTOR, sp,
                                 msgcat_get(lang, "the values of column '%s' that %s '%s' reads look written in %s, "
                                                  "while the column is read in %s (a factor of %s): the largest, %s, "
                                                  "is %s %s against the goal %s %s (line %u of %s)"),
                                 col->name, what, tg->name, col->indicator_unit, col->unit, fac, big, bigc,
                                 col->indicator_unit, want, col->indicator_unit, rt_table_line(t, (size_t)top),
                                 rt_table_row_path(t, (size_t)top));
                else
                    diag_warning(&c->diag, WARN_UNIT_FACTOR, sp,
                                 msgcat_get(lang, "the values of column '%s' that %s '%s' reads look written in %s, "
                                                  "while the column is read in %s (a factor of %s): the largest, %s, "
                                                  "is %s %s against its goal on that row, %s = %s %s (line %u of %s)"),
                                 col->name, what, tg->name, col->indicator_unit, col->unit, fac, big, bigc,
                                 col->indicator_unit, g.src, want, col->indicator_unit,
                                 rt_table_line(t, (size_t)top), rt_table_row_path(t, (size_t)top));
                diag_hint(&c->diag,
                          msgcat_get(lang, "if the cells are in %s, read them so: 'column \"%s\" in %s' on "
                                           "indicator %s; else convert them into %s"),
                          col->indicator_unit, col->name, col->indicator_unit, col->indicator, col->unit);
            }
    }
}

/* The most targets warn_unjudged describes one by one; the others are
 * named in one more warning (data for a region or two of a large plan
 * leaves dozens of targets without a row). */
#define UNJUDGED_SHOWN 10
/* The most targets of a group of warn_unjudged after its first that have
 * a note at their place (the warning names them all). */
#define UNJUDGED_NOTES 4

/* Whether targets a and b cover the same regions (both scoped). */
static bool same_scope(const ir_target *a, const ir_target *b)
{
    if (a->nscope != b->nscope)
        return false;
    for (uint32_t i = 0; i < a->nscope; i++)
        if (a->scope[i] != b->scope[i])
            return false;
    return true;
}

/* Joins the names of the targets marked in pick with the name separator
 * of lang; malloc'd. */
static char *unjudged_names(const ir_program *p, const bool *pick, lbl_lang lang)
{
    size_t cap = 1;
    for (uint32_t i = 0; i < p->ntargets; i++)
        cap += strlen(p->targets[i].name) + strlen(lbl_get(lang, LBL_U_NAME_SEP));
    char *names = malloc(cap), *o = names;
    if (!names) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    *o = '\0';
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (pick[i])
            o += sprintf(o, "%s%s", o == names ? "" : lbl_get(lang, LBL_U_NAME_SEP), p->targets[i].name);
    return names;
}

/* Warns of the targets that no row of the run judged (not_applicable on
 * every row: a red line for a province whose data has only city rows);
 * such a target leaves no trace in the results but a column of
 * not_applicable, and a veto it should fire is silently absent.  Two or
 * more targets of the same regions unjudged because those regions have
 * no row (or no row of their own) are one warning at the data, saying
 * the regions lack rows once and naming the targets (a county with only
 * its towns' data leaves every county target so); each other target is
 * a warning at the target, saying why.  After UNJUDGED_SHOWN of these,
 * one warning names the rest.  The exit code is not changed. */
static void warn_unjudged(compilation *c, const rt_table *t, const bool *judged, lbl_lang lang)
{
    const ir_program *p = c->ir;
    if (rt_table_nrows(t) == 0)
        return;
    /* why[i]: report_unjudged_rows of each unjudged target; done[i] once
     * it is said in a group */
    int *why = rt_xcalloc(p->ntargets + 1, sizeof *why);
    bool *done = rt_xcalloc(p->ntargets + 1, sizeof *done);
    bool *pick = rt_xcalloc(p->ntargets + 1, sizeof *pick);
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (!judged[i])
            why[i] = report_unjudged_rows(p, t, &p->targets[i]);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        if (judged[i] || !why[i] || done[i])
            continue;
        unsigned n = 0;
        memset(pick, 0, p->ntargets * sizeof *pick);
        for (uint32_t j = i; j < p->ntargets; j++)
            if (!judged[j] && !done[j] && why[j] == why[i] && same_scope(&p->targets[i], &p->targets[j])) {
                pick[j] = true;
                n++;
            }
        if (n < 2)
            continue;
        for (uint32_t j = i; j < p->ntargets; j++)
            done[j] = done[j] || pick[j];
        char *regions = report_scope_names(p, &p->targets[i], lang), *names = unjudged_names(p, pick, lang);
        const char *fmt;
        if (p->targets[i].nscope == 1)
            fmt = why[i] == 1 ? "%s has no row in %s: the %u targets that cover only it are not_applicable on "
                                "every row of the data: %s"
                              : "%s has no row of its own in %s (planc adds rows for share targets only): the %u "
                                "targets that cover only it are not_applicable on every row of the data: %s";
        else
            fmt = why[i] == 1 ? "%s have no row in %s: the %u targets that cover only them are not_applicable on "
                                "every row of the data: %s"
                              : "%s have no row of their own in %s (planc adds rows for share targets only): the "
                                "%u targets that cover only them are not_applicable on every row of the data: %s";
        /* at the first target, the next few in notes (the message names
         * them all) */
        const ir_target *tg = &p->targets[i];
        diag_warning(&c->diag, WARN_UNJUDGED_TARGET, (span){.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi},
                     msgcat_get(lang, fmt), regions, rt_table_path(t), n, names);
        unsigned noted = 0;
        for (uint32_t j = i + 1; j < p->ntargets; j++) {
            if (!pick[j] || noted++ >= UNJUDGED_NOTES)
                continue;
            const ir_target *o = &p->targets[j];
            diag_note(&c->diag, (span){.file = o->src_file, .lo = o->src_lo, .hi = o->src_hi},
                      msgcat_get(lang, "%s '%s' is another of them"),
                      lbl_get(lang, o->redline ? LBL_W_REDLINE : LBL_W_TARGET), o->name);
        }
        if (noted > UNJUDGED_NOTES)
            diag_hint(&c->diag, msgcat_get(lang, "and %u more of them, named above"), noted - UNJUDGED_NOTES);
        free(regions);
        free(names);
    }
    uint32_t shown = 0, more = 0;
    memset(pick, 0, p->ntargets * sizeof *pick);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *tg = &p->targets[i];
        if (judged[i] || done[i])
            continue;
        if (shown == UNJUDGED_SHOWN) {
            pick[i] = true;
            more++;
            continue;
        }
        shown++;
        char *reason = report_unjudged_reason(p, t, tg, lang);
        span sp = {.file = tg->src_file, .lo = tg->src_lo, .hi = tg->src_hi};
        diag_warning(&c->diag, WARN_UNJUDGED_TARGET, sp, lbl_get(lang, LBL_W_UNJUDGED),
                     lbl_get(lang, tg->redline ? LBL_W_REDLINE : LBL_W_TARGET), tg->name, reason);
        free(reason);
    }
    diag_flush(&c->diag); /* under JSON, before the messages that follow */
    if (more) {
        /* one line, its names joined (and escaped, as every message is) */
        char *names = unjudged_names(p, pick, lang);
        const char *fmt = lbl_get(lang, more == 1 ? LBL_W_UNJUDGED_MORE_ONE : LBL_W_UNJUDGED_MORE);
        int n = snprintf(NULL, 0, fmt, rt_table_path(t), more);
        char *head = malloc(n > 0 ? (size_t)n + 1 : 1);
        if (head && n >= 0) {
            snprintf(head, (size_t)n + 1, fmt, rt_table_path(t), more);
            warn_message(stderr, WARN_UNJUDGED_TARGET, "%s%s\n", head, names);
        } else {
            fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        }
        free(head);
        free(names);
    }
    free(pick);
    free(done);
    free(why);
}

/* Orders ungraded rows by region, then year. */
static int ungraded_cmp(const void *a, const void *b)
{
    const report_ungraded_row *x = a, *y = b;
    if (x->region != y->region)
        return x->region < y->region ? -1 : 1;
    return (x->year > y->year) - (x->year < y->year);
}

/* The most regions warn_ungraded describes one by one. */
#define UNGRADED_SHOWN 5

/* Warns, once per region, of a parent region whose rows planc added (it
 * has children in the data but no row of its own) and left without a
 * total and grade, since its assessment would leave out targets that read
 * its own data (docs/LANGUAGE.md §6): the results show an empty grade,
 * which a reader could take for a region not assessed at all.  At the
 * data file (the rows are missing from it), with a hint; the exit code is
 * not changed. */
static void warn_ungraded(const ir_program *p, const rt_table *t, report_ungraded *u, lbl_lang lang)
{
    if (u->n == 0)
        return;
    qsort(u->rows, u->n, sizeof *u->rows, ungraded_cmp);
    uint32_t regions = 0, more = 0;
    bool unscoped = false;
    for (size_t i = 0; i < u->n;) {
        size_t j = i;
        while (j < u->n && u->rows[j].region == u->rows[i].region)
            j++;
        if (regions++ >= UNGRADED_SHOWN) {
            more++;
        } else {
            bool any;
            char *text = report_ungraded_text(p, t, &u->rows[i], j - i, lang, &any);
            warn_message(stderr, WARN_UNGRADED_REGION, "%s", text);
            free(text);
            unscoped = unscoped || any;
        }
        i = j;
    }
    if (more)
        warn_message(stderr, WARN_UNGRADED_REGION, lbl_get(lang, more == 1 ? LBL_U_MORE_ONE : LBL_U_MORE), rt_table_path(t), more);
    /* the hint once: a region's own rows, else (for a target on every
     * region) a scope that keeps it off the parent */
    /* the level below the first such region's, as the rules name it
     * (for city under a province, for town under a county) */
    char scope[256] = "";
    uint32_t below = p->regions[u->rows[0].region].level + 1;
    if (unscoped && below < p->nlevels)
        snprintf(scope, sizeof scope, lbl_get(lang, LBL_U_HINT_SCOPE), p->levels[below]);
    if (regions == 1)
        csv_message(stderr, lbl_get(lang, LBL_U_HINT_ONE), p->regions[u->rows[0].region].name, scope);
    else
        csv_message(stderr, lbl_get(lang, LBL_U_HINT), scope);
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

/* Finds the row and target planc explain was asked about, saying what is
 * wrong (with a did-you-mean) when there is none.  Returns an exit code. */
static int explain_resolve(const ir_program *p, const rt_table *t, const char *region,
                           int year, const char *target, long *row, long *ti, lbl_lang lang)
{
    const char *hint;
    if (region[strspn(region, " \t")] == '\0') {
        /* no name to find, and none near it: every region is "near" '' */
        csv_message(stderr, msgcat_get(lang, "planc: error: --region is empty; give a region's name as the rules "
                        "declare it (e.g. '%s')\n"), p->nregions ? p->regions[0].name : "沈阳");
        return EXIT_USAGE;
    }
    long r = explain_find_region(p, region, &hint);
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
        else if (hint)
            csv_message(stderr, msgcat_get(lang, "note: did you mean '%s'?\n"), hint);
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
        return EXIT_USAGE;
    }
    *ti = -1;
    if (target) {
        *ti = explain_find_target(p, target, &hint);
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
            else if (hint)
                csv_message(stderr, msgcat_get(lang, "note: did you mean '%s'?\n"), hint);
            free(on);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

/* The JIT compiled on a thread of its own while planc run loads the data
 * (the two only read the program): the program and options, the engine
 * made (NULL after an error), and the stream its messages go to, held
 * until the data is loaded.  Without a thread or a held stream it is
 * compiled on the caller's thread, as before the data. */
typedef struct jit_job {
    const ir_program *p;     /* NULL: no JIT wanted */
    jit_options opts;
    jit_engine *jit;
    fio_held *held;          /* the engine's messages (kept by the engine) */
    pthread_t tid;
    bool started;            /* tid is a thread to join */
} jit_job;

/* The thread of a jit_job. */
static void *jit_job_run(void *arg)
{
    jit_job *jj = arg;
    jj->jit = jit_create_opts(jj->p, &jj->opts,
                              jj->held ? fio_hold_stream(jj->held) : stderr);
    return NULL;
}

/* Starts compiling p (opts is copied; what it points to must outlive the
 * job). */
static void jit_job_start(jit_job *jj, const ir_program *p, const jit_options *opts)
{
    *jj = (jit_job){.p = p, .opts = *opts};
    jj->held = fio_hold_open(stderr);
    if (jj->held)
        jj->started = pthread_create(&jj->tid, NULL, jit_job_run, jj) == 0;
    if (!jj->started) {
        fio_hold_close(jj->held);
        jj->held = NULL;
        jit_job_run(jj);
    }
}

/* Waits for the compile, lets its messages out, and returns the engine
 * (NULL after an error, or when no JIT was wanted). */
static jit_engine *jit_job_finish(jit_job *jj)
{
    if (jj->started) {
        pthread_join(jj->tid, NULL);
        jj->started = false;
    }
    if (jj->held)
        fio_hold_release(jj->held);
    return jj->jit;
}

/* Closes the job's stream, once the engine is disposed of. */
static void jit_job_close(jit_job *jj)
{
    fio_hold_close(jj->held);
    jj->held = NULL;
}

/* What --engine auto decided, for --timings: the code was cached, or
 * compiling was weighed (jit_estimate_run) for the rows counted or, for a
 * large data file, estimated from its size before it was read. */
typedef struct engine_choice {
    bool is_auto;
    bool cached;          /* the code came from the cache */
    bool weighed;         /* est holds the estimate that decided */
    bool early;           /* ... made from the file's size (large_data) */
    bool compile;         /* ... which said to compile */
    uint64_t rows;        /* the rows it was made for */
    jit_estimate est;
} engine_choice;

/* The least size of a data file whose rows large_data estimates before it
 * is read: reading a smaller file first, to count its rows, delays a
 * compile by little (4 MiB load in about 30 ms). */
#define EARLY_CHOICE_BYTES (4u << 20)
/* The bytes of a sheet's XML a cell takes, about: `<c r="AB12345" s="1"><v>
 * 956.03</v></c>` (a workbook of 40,000 rows of 52 numbers, 31.5). */
#define XLSX_CELL_BYTES 32u

/* --engine auto, no code cached: whether `data` is a regular file large
 * enough that compiling pays, so that the rules compile while it loads (as
 * --engine jit does).  Its rows are estimated from its size and the
 * length of its first lines (a table with a column per year has more rows
 * than lines: it is then undercounted, and decided once loaded), a
 * workbook's from its sheet's XML unpacked (xlsxr_sheet_bytes).  False
 * also when the file cannot be read here (the load then says why): the
 * rows are counted first. */
static bool large_data(const ir_program *p, const char *data, engine_choice *ch)
{
    struct stat st;
    if (stat(data, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size < EARLY_CHOICE_BYTES)
        return false;
    FILE *f = fopen(data, "rb");
    if (!f)
        return false;
    static char head[64 << 10];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    uint64_t rows;
    if (xlsxr_is_zip((const unsigned char *)head, n)) {
        /* a workbook: its packed bytes say little of its rows (a sheet's
         * XML packs 10 to 40 times, and the line ends counted in them are
         * the packing's: 10 times too few rows); its largest sheet's XML,
         * as the archive's directory gives its size, is some
         * XLSX_CELL_BYTES a cell, a cell per column the rules read and the
         * keys (a sheet of other columns too is undercounted, and decided
         * once loaded) */
        unsigned long long xml = xlsxr_sheet_bytes(data);
        rows = xml / (((uint64_t)p->ncolumns + 2) * XLSX_CELL_BYTES);
        if (rows < 2)
            return false;
    } else {
        size_t lines = 0;
        for (size_t i = 0; i < n; i++)
            lines += head[i] == '\n';
        if (lines < 2)
            return false;
        /* the header is one of the lines read, and none of the rows */
        rows = (uint64_t)((double)st.st_size / ((double)n / (double)lines)) - 1;
    }
    jit_estimate e = jit_estimate_run(p, rows);
    if (!(e.interp_ms > e.jit_ms))
        return false;
    *ch = (engine_choice){.is_auto = true, .weighed = true, .early = true, .compile = true,
                          .rows = rows, .est = e};
    return true;
}

/* --engine auto, no code cached, the data read: whether compiling p pays
 * for its `rows` rows (noted in *ch). */
static bool compiling_pays(const ir_program *p, uint64_t rows, engine_choice *ch)
{
    jit_estimate e = jit_estimate_run(p, rows);
    *ch = (engine_choice){.is_auto = true, .weighed = true, .rows = rows, .est = e,
                          .compile = e.interp_ms > e.jit_ms};
    return ch->compile;
}

/* The note --timings puts on the kernel line: the threads, and for
 * --engine auto what it chose and why. */
static void kernel_note(char *buf, size_t len, unsigned threads, const engine_choice *ch)
{
    int n = snprintf(buf, len, "%u thread%s", threads, threads == 1 ? "" : "s");
    if (n < 0 || (size_t)n >= len || !ch->is_auto)
        return;
    if (ch->cached)
        snprintf(buf + n, len - n, "; auto: jit, code cached");
    else if (ch->weighed)
        snprintf(buf + n, len - n, "; auto: %s, %s%" PRIu64 " rows x %" PRIu64 " steps: "
                                   "interpreting ~%.3g ms, compiling and running ~%.3g ms",
                 ch->compile ? "jit" : "interp", ch->early ? "about " : "", ch->rows,
                 ch->est.steps, ch->est.interp_ms, ch->est.jit_ms);
}

/* The file to read for a data file named on the command line: '-' is
 * standard input, read as /dev/stdin (which the loader, the hash and the
 * history already take as a pipe). */
static const char *stdio_name(const char *data)
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

static int run_files(const char *rules, const char **datas, const char **withs, size_t ndata,
                     run_out *outs, size_t nouts, const char *engine, unsigned jobs, bool timings,
                     bool use_cache, bool quiet, run_output *rop, data_options *dop, double t_start);

/* Whether one data file is given twice among datas[0..n) (names as
 * stdio_name gives them), after the usage error that says so (run,
 * explain): by one name, `--data -` twice, standard input redirected from
 * a file also given by its name, or one file under two names (a link).
 * Every row would be a duplicate of itself; standard input is read once. */
static bool data_twice(const char *cmd, const char *const *datas, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++) {
            bool same_name = strcmp(datas[i], datas[j]) == 0;
            if (!same_name && !fio_same_file(datas[i], datas[j]))
                continue;
            bool in_i = strcmp(datas[i], "/dev/stdin") == 0, in_j = strcmp(datas[j], "/dev/stdin") == 0;
            if (in_i && in_j)
                usage_error(cmd, "--data - given twice: standard input is read once%s", "");
            else if (same_name)
                usage_error(cmd, "the data file '%s' is given twice (--data)", datas[i]);
            else if (in_i || in_j)
                usage_error(cmd, "standard input (--data -) is the data file '%s', given too (--data): each "
                                 "file is read once", in_i ? datas[j] : datas[i]);
            else
                usage_error(cmd, "the data file '%s' is one given before under another name: each "
                                 "file is read once (--data)", datas[i]);
            return true;
        }
    return false;
}

/* Where output `path` is to be written, for telling two outputs apart:
 * the real path (output_real_path) of the file that a link naming no
 * file yet will make (ofile_absent_target: -o c.json -o link.csv, the
 * link to c.json, wrote the CSV into c.json, the JSON lost), else of
 * path.  malloc'd, or NULL. */
static char *output_place(const char *path)
{
    char *made = ofile_absent_target(path);
    char *real = output_real_path(made ? made : path);
    free(made);
    return real;
}

/* Whether `path` names the file standard output is (/dev/stdout, the
 * terminal's device, the file it is redirected to). */
static bool is_stdout(const char *path)
{
    struct stat out, st;
    return fstat(STDOUT_FILENO, &out) == 0 && stat(path, &st) == 0 && out.st_dev == st.st_dev &&
           out.st_ino == st.st_ino;
}

/* Whether one output is given twice among outs[0..n) (-o: a path, or
 * NULL for standard output), after the usage error that says so: by one
 * name, by two names of one place (./r.csv and r.csv, or a link), or
 * standard output twice.  The second would replace the first. */
static bool outs_twice(const run_out *outs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < i; j++) {
            const char *a = outs[i].path, *b = outs[j].path;
            if (!a || !b) {
                if (!a && !b) {
                    usage_error("run", "%sstandard output (-o -) is given twice", "");
                    return true;
                }
                /* -o - and /dev/stdout, or the file stdout goes to:
                 * the results were written into it twice */
                if (is_stdout(a ? a : b)) {
                    usage_error("run", "the output '%s' is standard output (-o -) under another name: each "
                                       "file is written once (-o)", a ? a : b);
                    return true;
                }
                continue;
            }
            bool same = strcmp(a, b) == 0;
            if (same) {
                usage_error("run", "the output '%s' is given twice (-o)", a);
                return true;
            }
            char *ra = output_place(a), *rb = output_place(b);
            same = (ra && rb && strcmp(ra, rb) == 0) || fio_same_file(a, b);
            free(ra);
            free(rb);
            if (same) {
                usage_error("run", "the output '%s' is one given before under another name: each "
                                   "file is written once (-o)", a);
                return true;
            }
        }
    return false;
}

/* Orders region names (qsort, bsearch over const char *). */
static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the rules `rc` (a --read-with reading of data file `data`)
 * only change how the file is read for scored program p: each region they
 * declare is one of p's, and each indicator p reads from a column has p's
 * unit there (its column may have another: its cells are converted).  An
 * error at the reading's own line for each other (in its language); false
 * then. */
static bool reader_fits(compilation *rc, const ir_program *p, const char *data)
{
    const sema_model *m = rc->model;
    bool ok = true;
    const char **names = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *names);
    for (uint32_t g = 0; g < p->nregions; g++)
        names[g] = p->regions[g].name;
    qsort(names, p->nregions, sizeof *names, name_cmp);
    for (uint32_t g = 0; g < m->nregions; g++) {
        const char *name = m->regions[g].name;
        if (bsearch(&name, names, p->nregions, sizeof *names, name_cmp))
            continue;
        diag_error(&rc->diag, m->regions[g].sp,
                   "region '%s' is not one of the rules scored (plan %s): the rules a data file is read "
                   "with (--read-with, here for '%s') may change how it is read (its keys, columns, units, "
                   "maps and aliases) only", name, p->plan, data);
        ok = false;
    }
    free(names);
    /* a cell is converted from its column's unit into its indicator's,
     * then taken as the scored indicator's: another unit for the
     * indicator itself (`override indicator PM25 : mg/m^3`) would read it
     * 1000 times too small or large */
    for (uint32_t i = 0; i < m->ninds; i++) {
        const sema_indicator *ind = &m->inds[i];
        const ir_column *c = NULL;
        for (uint32_t k = 0; k < p->ncolumns && !c; k++)
            if (p->columns[k].indicator && strcmp(p->columns[k].indicator, ind->name) == 0)
                c = &p->columns[k];
        const char *u = ind->unit ? unit_name(ind->unit) : "";
        if (!c || ind->column < 0 || strcmp(u, c->indicator_unit ? c->indicator_unit : "") == 0)
            continue;
        const ast_decl *d = ind->decl;
        span sp = d && d->u.ind.unit ? d->u.ind.unit->sp : ind->sp;
        diag_error(&rc->diag, sp,
                   "indicator '%s' is in '%s' here, in '%s' in the rules scored (plan %s): the rules a data "
                   "file is read with give the unit of its column ('column \"%s\" in %s'), and its cells "
                   "are converted", ind->name, u, c->indicator_unit, p->plan,
                   ind->column >= 0 && (uint32_t)ind->column < m->ncolumns ? m->columns[ind->column].name : c->name, u);
        ok = false;
    }
    return ok;
}

/* Compiles the rules each data file datas[i] is read with (--read-with;
 * withs[i] NULL: the scored rules p), into cs[0..n); *progs gets n
 * programs, NULL where there is none.  Returns an exit code (EXIT_RULES
 * when a file's rules have errors, or do more than change how the file
 * is read (reader_fits): printed at their lines). */
static int compile_readers(const char **withs, const char **datas, size_t n, const ir_program *p,
                           lbl_lang lang, compilation *cs, const ir_program **progs)
{
    for (size_t i = 0; i < n; i++) {
        compilation_init(&cs[i]);
        progs[i] = NULL;
    }
    int rc = EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        if (!withs[i])
            continue;
        cs[i].reading = true;
        cs[i].diag.lang = lang; /* the model is kept: reader_fits names its lines */
        int r = compile(&cs[i], withs[i]);
        if (r != EXIT_OK)
            return r;
        if (!reader_fits(&cs[i], p, datas[i]))
            rc = EXIT_RULES;
        diag_flush(&cs[i].diag); /* under JSON, before the data's messages */
        keep_ir_only(&cs[i]);
        progs[i] = cs[i].ir;
    }
    return rc;
}

/* The run's data as the results and the history name it when a file is
 * read with other rules: each file, with ' --read-with RULES' after it
 * where it has them, joined by ", "; NULL when none has (the table's own
 * name then). */
static char *data_names(const char *const *datas, const char *const *withs, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n; i++)
        any |= withs[i] != NULL;
    if (!any)
        return NULL;
    char *s = NULL;
    size_t len = 0;
    FILE *f = memstream(&s, &len);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%s%s", i ? ", " : "", datas[i]);
        if (withs[i])
            fprintf(f, " --read-with %s", withs[i]);
    }
    fclose(f);
    return s;
}

/* Frees n strings and the array that holds them. */
static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

/* Frees what compile_readers made. */
static void free_readers(compilation *cs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        compilation_free(&cs[i]);
}

/* planc run's command line (run_command). */
typedef struct run_args {
    cliopt_list rules;  /* the one rules file */
    data_files files;   /* --data FILE [--read-with RULES], given again: one table */
    cliopt_list outs;   /* -o OUT, given again: the results in several files */
    const char *engine; /* --engine, or NULL */
    unsigned jobs;      /* -j N */
    bool timings, no_cache, quiet;
    cliopt_lang lang;   /* --lang: the words of a workbook or a page (ro.lang) */
    run_output ro;      /* --format, --rollup, --year, --store, --store-rows */
    data_options dopt;
} run_args;

/* planc run's options besides the diagnostics' (parse_diag_option). */
static const cliopt_option run_options[] = {
    DATA_FILE_ROWS(run_args),
    DATA_OPTION_ROWS(run_args),
    {"--output", "-o", CLIOPT_LIST, offsetof(run_args, outs), NULL},
    {"--format", NULL, CLIOPT_CALL, offsetof(run_args, ro.format), take_run_format},
    {"--rollup", NULL, CLIOPT_CALL, offsetof(run_args, ro), take_rollup},
    {"--year", NULL, CLIOPT_CALL, offsetof(run_args, ro.year), take_year},
    {"--store", NULL, CLIOPT_CALL, offsetof(run_args, ro.store), take_store},
    {"--store-rows", NULL, CLIOPT_CALL, offsetof(run_args, ro.store_rows), take_store_rows},
    {"--lang", NULL, CLIOPT_LANG, offsetof(run_args, lang), NULL},
    {"--engine", NULL, CLIOPT_STRING, offsetof(run_args, engine), NULL},
    {"--jobs", "-j", CLIOPT_CALL, offsetof(run_args, jobs), take_jobs},
    {"--quiet", NULL, CLIOPT_FLAG, offsetof(run_args, quiet), NULL},
    {"--timings", NULL, CLIOPT_FLAG, offsetof(run_args, timings), NULL},
    {"--no-cache", NULL, CLIOPT_FLAG, offsetof(run_args, no_cache), NULL},
    END_OF_OPTIONS,
};

/* planc run's command line: one rules file. */
static const cliopt_command run_command = {
    "run", run_options, parse_diag_option, true, offsetof(run_args, rules), 1,
    "unexpected argument '%s' (one rules file per run)", usage_error,
};

/* planc run RULES --data CSV... [-o OUT]... [--engine auto|jit|interp] [-j N]
 *           [--no-cache] [--timings] */
static int cmd_run(int argc, char **argv)
{
    double t_start = now_ms();
    const char *rules[1] = {NULL};
    run_args a = {.rules.v = rules, .jobs = rt_default_threads(), .dopt = {.load.warn_year_gaps = true}};
    /* --data, --read-with and -o may be given again: room for each argument */
    a.files.data.v = rt_xcalloc((size_t)argc + 1, sizeof *a.files.data.v);
    a.files.withs = rt_xcalloc((size_t)argc + 1, sizeof *a.files.withs);
    a.outs.v = rt_xcalloc((size_t)argc + 1, sizeof *a.outs.v);
    /* and one more output than given (run_files: stdout when none is) */
    run_out *outs = rt_xcalloc((size_t)argc + 1, sizeof *outs);
    int rc;
    if (read_command_line(&run_command, &a, argc, argv, &rc)) {
        size_t nouts = a.outs.n;
        for (size_t i = 0; i < nouts; i++)
            outs[i].path = a.outs.v[i];
        run_output ro = a.ro;
        ro.lang = a.lang.lang;
        ro.lang_given = a.lang.given;
        /* a workbook or a page among the outputs: --lang is the document's */
        for (size_t i = 0; i < (nouts ? nouts : 1); i++) {
            const char *format = ro.format ? ro.format : nouts ? format_of_name(outs[i].path) : NULL;
            lang_of_document |= format && (strcmp(format, "xlsx") == 0 || strcmp(format, "html") == 0);
        }
        rc = settle_diag_options("run", ro.lang, true);
        if (rc == EXIT_OK)
            rc = run_files(rules[0], a.files.data.v, a.files.withs, a.files.data.n, outs, nouts, a.engine,
                           a.jobs, a.timings, !a.no_cache, a.quiet, &ro, &a.dopt, t_start);
    }
    free(a.files.data.v);
    free(a.files.withs);
    free(a.outs.v);
    free(outs);
    return rc;
}

/* planc run, its command line read: the rules, the data files
 * datas[0..ndata) and the options. */
static int run_files(const char *rules, const char **datas, const char **withs, size_t ndata,
                     run_out *outs, size_t nouts, const char *engine, unsigned jobs, bool timings,
                     bool use_cache, bool quiet, run_output *rop, data_options *dop, double t_start)
{
    run_output ro = *rop;
    data_options dopt = *dop;
    if (!rules)
        return usage_error("run", "%sno rules file given", "");
    if (!ndata)
        return usage_error("run", "%sno data given (--data CSV)", "");
    /* '-' is standard input and standard output, as for most Unix tools
     * (a file named '-' is './-') */
    for (size_t i = 0; i < ndata; i++)
        datas[i] = stdio_name(datas[i]);
    /* the same file twice would be every row a duplicate; standard input
     * is read once */
    if (data_twice("run", datas, ndata))
        return EXIT_USAGE;
    const char *data = datas[0];
    /* -o, given once or more; none is the results on standard output,
     * as -o - (outs has room for one more than were given) */
    bool out_stdout = false;
    if (!nouts)
        outs[nouts++].path = NULL;
    for (size_t i = 0; i < nouts; i++)
        if (outs[i].path && strcmp(outs[i].path, "-") == 0) {
            outs[i].path = NULL;
            out_stdout = true;
        }
    if (outs_twice(outs, nouts))
        return EXIT_USAGE;
    if (ro.store_rows && !ro.store)
        return usage_error("run", "%s--store-rows is for the results history: give --store DB too", "");
    /* the history is a database: '-' is no stream for it (it was a file
     * named '-' in the current directory) */
    if (ro.store && strcmp(ro.store, "-") == 0)
        return usage_error("run", "%s--store - : the results history is a database file, not standard "
                                  "output; name a file (./- for one named -)", "");
    /* --engine, else $PLANC_ENGINE, else auto */
    bool engine_env = false;
    if (!engine && getenv("PLANC_ENGINE") && *getenv("PLANC_ENGINE")) {
        engine = getenv("PLANC_ENGINE");
        engine_env = true;
    }
    if (!engine)
        engine = "auto";
    if (strcmp(engine, "auto") != 0 && strcmp(engine, "interp") != 0 && strcmp(engine, "jit") != 0)
        return usage_error("run", engine_env ? "unknown engine '%s' in PLANC_ENGINE (available: "
                                               "auto, jit, interp)"
                                             : "unknown engine '%s' (available: auto, jit, interp)",
                           engine);
    /* each output's format: --format, else the one its name asks for */
    const char *first_document = NULL; /* the first workbook or page */
    bool all_csv = true, any_table = false; /* any csv or json */
    for (size_t k = 0; k < nouts; k++) {
        const char *out = outs[k].path;
        run_output one = ro;
        if (settle_format(&one, out) != EXIT_OK)
            return EXIT_USAGE;
        outs[k].format = one.format;
        /* the results would replace an input (the file is renamed over it) */
        for (size_t i = 0; i < ndata; i++)
            if (out && fio_same_file(out, datas[i]))
                return usage_error("run", "the output '%s' is the data file (--data): write the results elsewhere", out);
        if (out && fio_same_file(out, rules))
            return usage_error("run", "the output '%s' is the rules file: write the results elsewhere", out);
        if (out && ro.store && fio_same_file(out, ro.store))
            return usage_error("run", "the output '%s' is the history database (--store): write the results elsewhere", out);
        /* A workbook or a page holds every roll-up, and is no text for a
         * terminal: it needs -o. */
        bool document = strcmp(one.format, "xlsx") == 0 || strcmp(one.format, "html") == 0;
        if (document && !out)
            return usage_error("run", out_stdout ? "--format %s is a file, not text for standard output "
                                                   "(-o -): name one (-o FILE)"
                                                 : "--format %s needs an output file (-o FILE)",
                               one.format);
        if (document && !first_document)
            first_document = one.format;
        all_csv &= strcmp(one.format, "csv") == 0;
        any_table |= !document;
    }
    ro.outs = outs;
    ro.nouts = nouts;
    ro.path = outs[0].path;
    ro.format = outs[0].format;
    for (size_t i = 0; i < ndata; i++)
        if (ro.store && (fio_same_file(ro.store, datas[i]) || fio_same_file(ro.store, rules)))
            return usage_error("run", "the history database '%s' (--store) is an input file of the run", ro.store);
    bool document = first_document != NULL;
    /* of several outputs, --rollup is the CSV's and the JSON's */
    if (ro.rollup && !any_table)
        return usage_error("run", "--rollup is for csv and json (--format %s holds every roll-up)",
                           first_document);
    /* the CSV and the JSON are read by programs: their keys and status
     * codes stay English whatever a reader's language; --lang then gives
     * the messages on stderr (the rules' and the data's) in it */
    /* --year picks a roll-up's year; the CSV results hold every year, so
     * there it would be silently ignored */
    if (ro.year && !ro.rollup && all_csv)
        return usage_error("run", "--year picks the year of a roll-up (--rollup KIND, or "
                           "--format json, xlsx or html); the %s results hold every year", "CSV");

    compilation c;
    compilation_init(&c);
    c.ir_only = true;
    /* the messages' language: --lang, else PLANC_LANG or the locale; a
     * workbook's or a page's is --lang's alone (ro.lang) */
    lbl_lang mlang = msgcat_lang();
    c.diag.lang = mlang; /* the rules' messages' level words, as the data's */
    c.settings = dopt.set;
    c.nsettings = dopt.nset;
    int rc = compile(&c, rules);
    /* --warnings-as-errors: the rules' warnings are errors in the rules */
    if (rc == EXIT_OK)
        rc = warnings_gate((unsigned)c.diag.nfatal, EXIT_RULES);
    if (rc != EXIT_OK) {
        compilation_free(&c);
        return rc;
    }
    /* nor a file the rules imported (known once they are read) */
    for (size_t k = 0; k < nouts; k++)
        for (size_t i = 1; outs[k].path && i < c.nrules_names; i++)
            if (fio_same_file(outs[k].path, c.diag.files[i].name)) {
                csv_message(stderr, "planc: error: the output '%s' is a rules file ('%s', read by the "
                                "rules): write the results elsewhere\n", outs[k].path, c.diag.files[i].name);
                compilation_free(&c);
                return EXIT_USAGE;
            }
    /* The history database is opened before the data is scored, so that a
     * wrong file is reported at once. */
    store *db = NULL;
    store_failure why;
    if (ro.store && !(db = store_open_why(ro.store, true, &why, stderr))) {
        compilation_free(&c);
        return why == STORE_FAIL_FILE ? EXIT_USAGE : EXIT_WRITE;
    }

    /* The JIT: the rules' bytes are part of the cache key, with the
     * program itself (jit.h).  The rules compile on a thread of their own
     * while the data loads.  --engine auto takes the code from the cache
     * when it is there, else compiles only when that pays for the rows
     * (choose_engine): at once when the data file is clearly large enough,
     * else once the data is loaded and its rows are counted. */
    jit_job jj = {0};
    char *cache_dir = NULL;
    cache_key rules_key;
    double t_key = 0;
    bool is_auto = strcmp(engine, "auto") == 0;
    jit_engine *cached = NULL;
    jit_options jo = {0};
    if (is_auto || strcmp(engine, "jit") == 0) {
        t_key = now_ms();
        cache_dir = use_cache ? cache_default_dir(stderr, mlang) : NULL;
        rules_key = rules_digest(&c);
        jo = (jit_options){.cache_dir = cache_dir, .source = rules_key.b,
                           .source_len = sizeof rules_key.b, .lang = mlang};
        if (is_auto) {
            cached = jit_cached(c.ir, &jo, stderr);
            /* a compile after a miss warns about the cache no more */
            jo.looked_up = true;
        }
        t_key = now_ms() - t_key;
    }
    engine_choice choice = {.is_auto = is_auto, .cached = cached != NULL};
    if (strcmp(engine, "jit") == 0 ||
        (is_auto && !cached && ndata == 1 && large_data(c.ir, data, &choice))) {
        jit_job_start(&jj, c.ir, &jo);
        if (!jj.started && !jj.jit) {
            free(cache_dir);
            store_close(db);
            compilation_free(&c);
            return EXIT_INTERNAL;
        }
    }
    bool overlapped = jj.started;

    /* the progress line is for a terminal, not a message: not read by
     * errstream.h, and none amid JSON */
    progress *pg = progress_start(es_terminal(), quiet || diag_opts.json);
    double t_load = now_ms();
    /* The data's messages are held while the compile runs, so that they
     * come after the compile's, as if the two ran one after the other. */
    fio_held *load_held = overlapped ? fio_hold_open(stderr) : NULL;
    /* the history and the documents (json, xlsx, html) give the data's hash */
    dopt.load.digest = db != NULL || !all_csv;
    dopt.load.threads = jobs; /* the records are parsed on -j threads too */
    dopt.load.lang = mlang; /* the data's messages in the rules' messages' language */
    compilation *rcs = calloc(ndata, sizeof *rcs);
    const ir_program **readers = calloc(ndata, sizeof *readers);
    if (!rcs || !readers) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    int read_rc = compile_readers(withs, datas, ndata, c.ir, mlang, rcs, readers);
    for (size_t i = 0; read_rc == EXIT_OK && i < ndata; i++)
        if (readers[i] && !rt_table_reader_ok(c.ir, readers[i], withs[i], datas[i], mlang, stderr))
            read_rc = EXIT_RULES;
    /* the rules each file is read with warned: errors in the rules */
    unsigned reader_warnings = 0;
    for (size_t i = 0; i < ndata; i++)
        reader_warnings += (unsigned)rcs[i].diag.nfatal;
    if (read_rc == EXIT_OK)
        read_rc = warnings_gate(reader_warnings, EXIT_RULES);
    /* each reading's rules by hash, for the history (their compilations
     * go before the data is scored) */
    char **with_hashes = rt_xcalloc(ndata, sizeof *with_hashes);
    char **with_manifests = rt_xcalloc(ndata, sizeof *with_manifests);
    store_file **with_texts = rt_xcalloc(ndata, sizeof *with_texts);
    size_t *nwith_texts = rt_xcalloc(ndata, sizeof *nwith_texts);
    for (size_t i = 0; read_rc == EXIT_OK && i < ndata; i++)
        if (readers[i]) {
            with_hashes[i] = rt_xmalloc(65, 1);
            with_manifests[i] = rules_hash(&rcs[i], with_hashes[i]);
            if (db)
                with_texts[i] = copy_texts(&rcs[i], &nwith_texts[i]);
        }
    rt_table *table = read_rc != EXIT_OK ? NULL
                      : rt_table_load_many(c.ir, datas, readers, ndata, &dopt.load,
                                           load_held ? fio_hold_stream(load_held) : stderr);
    free_readers(rcs, ndata);
    free(rcs);
    free(readers);
    t_load = now_ms() - t_load;
    double t_wait = now_ms();
    jit_engine *jit = cached ? cached : jit_job_finish(&jj);
    /* auto, with no code cached and no compile started: the rows decide */
    if (is_auto && !jit && !jj.p && table && compiling_pays(c.ir, rt_table_nrows(table), &choice)) {
        jit_job_start(&jj, c.ir, &jo);
        jit = jit_job_finish(&jj);
    }
    t_wait = now_ms() - t_wait;
    if (jj.p && !jit) {
        /* Nothing could be scored: the data's messages are dropped, as
         * they were never reached when the compile ran first. */
        progress_stop(pg);
        fio_hold_close(load_held);
        rt_table_free(table);
        jit_job_close(&jj);
        free(cache_dir);
        store_close(db);
        compilation_free(&c);
        free_strings(with_hashes, ndata);
        free_strings(with_manifests, ndata);
        free_all_texts(with_texts, nwith_texts, ndata);
        return EXIT_INTERNAL;
    }
    if (load_held)
        fio_hold_release(load_held);
    fio_hold_close(load_held);
    if (!table) {
        progress_stop(pg);
        jit_dispose(jit);
        jit_job_close(&jj);
        free(cache_dir);
        store_close(db);
        compilation_free(&c);
        free_strings(with_hashes, ndata);
        free_strings(with_manifests, ndata);
        free_all_texts(with_texts, nwith_texts, ndata);
        return read_rc != EXIT_OK ? read_rc : EXIT_DATA;
    }
    progress_set_total(pg, rt_table_nrows(table));
    /* of several files, about the whole table: no one file is its place */
    if (rt_table_nrows(table) == 0 && rt_table_nfiles(table) > 1)
        warn_message(stderr, WARN_NOTHING_TO_SCORE, msgcat_get(dopt.load.lang, "planc: warning: no rows to score in any of the files (%s)\n"),
                    rt_table_path(table));
    else if (rt_table_nrows(table) == 0)
        warn_message(stderr, WARN_NOTHING_TO_SCORE, lbl_get(dopt.load.lang, LBL_W_NO_ROWS), rt_table_path(table));
    warn_fractions(&c, table, dopt.load.lang);
    warn_no_base(&c, table, dopt.load.lang);
    warn_unit_factor(&c, table, dopt.load.lang);
    rt_options rto = {.threads = jobs};
    rt_timings rtt;
    const exec_engine *scorer = jit ? jit_exec_engine(jit) : interp_engine();
    const exec_engine *eng = progress_engine(pg, scorer, c.ir);
    rt_result *res = NULL;
    double t_report = now_ms();
    bool streamed = streamable(c.ir, &ro, db);
    bool *judged = calloc(c.ir->ntargets + 1, sizeof *judged);
    report_ungraded ungraded = {0};
    if (!judged) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(EXIT_INTERNAL);
    }
    if (streamed) {
        rc = stream_output(c.ir, table, eng, scorer, &rto, &rtt, &ro, judged, &ungraded);
        progress_stop(pg);
        t_report = now_ms() - t_report - rtt.kernel;
    } else {
        res = rt_run_opts(c.ir, table, eng, &rto, &rtt, stderr);
        progress_stop(pg);
        /* a number that overflowed is a data error, not an inf written */
        bool failed = !res || rt_check_overflow(c.ir, table, res, stderr);
        if (!failed) {
            t_report = now_ms();
            report_mark_judged(c.ir, res, 0, rt_table_nrows(table), judged);
            report_mark_ungraded(c.ir, table, res, 0, rt_table_nrows(table), &ungraded);
            /* --warnings-as-errors: the warnings about the results come
             * before they are written, which they then stop */
            if (warn_any_fatal()) {
                warn_unjudged(&c, table, judged, dopt.load.lang);
                warn_ungraded(c.ir, table, &ungraded, dopt.load.lang);
            }
            failed = warnings_gate(counted_warnings(), EXIT_DATA) != EXIT_OK;
        }
        if (failed) {
            rt_result_free(res);
            free(judged);
            free(ungraded.rows);
            jit_dispose(jit);
            jit_job_close(&jj);
            rt_table_free(table);
            free(cache_dir);
            store_close(db);
            compilation_free(&c);
            free_strings(with_hashes, ndata);
            free_strings(with_manifests, ndata);
            free_all_texts(with_texts, nwith_texts, ndata);
            return EXIT_DATA;
        }
        char *opts = data_options_text(&dopt);
        ro.data_options = opts;
        char *shown = data_names(datas, withs, ndata);
        ro.datas = datas;
        ro.withs = withs;
        ro.ndata = ndata;
        ro.with_hashes = (const char *const *)with_hashes;
        ro.with_manifests = (const char *const *)with_manifests;
        ro.with_texts = with_texts;
        ro.nwith_texts = nwith_texts;
        rc = write_output(&c, rules, shown ? shown : rt_table_path(table), table, res, &ro, db);
        free(shown);
        free(opts);
        t_report = now_ms() - t_report + rtt.check;
    }
    if (rc == EXIT_OK && !warn_any_fatal()) {
        warn_unjudged(&c, table, judged, dopt.load.lang);
        warn_ungraded(c.ir, table, &ungraded, dopt.load.lang);
    }
    /* a reader whose locale speaks Chinese, handed an English document
     * it did not ask for: how to get the Chinese one (the document's
     * language is --lang's alone, docs/OUTPUT.md §1) */
    if (rc == EXIT_OK && document && !ro.lang_given && mlang != ro.lang) {
        es_end_message(); /* a note of its own, not the last warning's */
        csv_message(stderr, msgcat_get(mlang, strcmp(first_document, "xlsx") == 0
                                                  ? "planc: note: the workbook is in English: give --lang zh for "
                                                    "its words in Chinese (a document's language is --lang's, not "
                                                    "the locale's)\n"
                                                  : "planc: note: the page is in English: give --lang zh for its "
                                                    "words in Chinese (a document's language is --lang's, not the "
                                                    "locale's)\n"));
    }
    free(judged);
    free(ungraded.rows);
    free_strings(with_hashes, ndata);
    free_strings(with_manifests, ndata);
    free_all_texts(with_texts, nwith_texts, ndata);

    /* The cache's shared object, if one is being linked, is part of the
     * run's time. */
    jit_cache_wait(jit);
    if (timings) {
        jit_timings jt;
        if (jit)
            jt = jit_get_timings(jit);
        print_compile_timings(&c, jit ? &jt : NULL, t_key);
        if (!jit && is_auto)
            print_timing("cache", t_key, cache_dir ? "miss" : "off");
        print_timing("load", t_load, overlapped ? "overlapped with jit" : NULL);
        if (jit)
            print_timing("wait", t_wait, NULL);
        char note[256];
        kernel_note(note, sizeof note, rtt.threads, &choice);
        print_timing("kernel", rtt.kernel, note);
        print_timing("barriers", rtt.barriers, NULL);
        print_timing("report", t_report, streamed ? "streamed" : NULL);
        print_timing("total", now_ms() - t_start, NULL);
    }

    rt_result_free(res);
    if (jit_dispose(jit) != 0)
        rc = EXIT_INTERNAL;
    jit_job_close(&jj);
    rt_table_free(table);
    free(cache_dir);
    store_close(db);
    compilation_free(&c);
    /* --warnings-as-errors: a warning said once the results were written
     * (the history's after recording) fails the run too, though the
     * results stay; the cache's, as it stores the compiled code, do not
     * count (counted_warnings) */
    if (rc == EXIT_OK)
        rc = warnings_gate(counted_warnings(), EXIT_DATA);
    return rc;
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

/* planc explain's options besides the diagnostics' (parse_diag_option). */
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
    "explain", explain_options, parse_diag_option, true, offsetof(explain_cli, rules), 1,
    "unexpected argument '%s' (one rules file)", usage_error,
};

/* planc explain RULES --data CSV... --region R [--year Y] [--target NAME]
 *               [--format text|json] */
static int cmd_explain(int argc, char **argv)
{
    const char *rules[1] = {NULL};
    explain_cli a = {.rules.v = rules, .format = "text", .lang = {msgcat_lang(), false}};
    a.files.data.v = rt_xcalloc((size_t)argc + 1, sizeof *a.files.data.v);
    a.files.withs = rt_xcalloc((size_t)argc + 1, sizeof *a.files.withs);
    int rc;
    if (read_command_line(&explain_command, &a, argc, argv, &rc) &&
        (rc = settle_diag_options("explain", a.lang.lang, true)) == EXIT_OK) {
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
        return usage_error("explain", "%sno rules file given", "");
    if (!ea->ndata)
        return usage_error("explain", "%sno data given (--data CSV)", "");
    for (size_t i = 0; i < ea->ndata; i++)
        ea->datas[i] = stdio_name(ea->datas[i]);
    if (data_twice("explain", ea->datas, ea->ndata))
        return EXIT_USAGE;
    if (!region)
        return usage_error("explain", "%sno region given (--region R)", "");
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return usage_error("explain", "unknown format '%s' (available: text, json)", format);
    /* the JSON explanation is for programs: its texts stay English */
    if (lang_given && strcmp(format, "json") == 0)
        return usage_error("explain", "--lang is for the text explanation: %s keeps its "
                                      "English texts for programs", "--format json");
    if (strcmp(format, "json") == 0)
        lang = programs_lang(); /* whatever PLANC_LANG or the locale say */
    int year = 0;
    if (year_s && !(year = parse_year_arg(year_s)))
        return usage_error("explain", "bad year '%s' (a whole number from 1 to 9999)", year_s);

    compilation c;
    compilation_init(&c);
    c.explained = true;
    c.diag.lang = lang; /* the rules' messages' level words, as the data's */
    c.settings = dopt.set;
    c.nsettings = dopt.nset;
    int rc = compile(&c, rules);
    if (rc == EXIT_OK) /* --warnings-as-errors, as planc run */
        rc = warnings_gate((unsigned)c.diag.nfatal, EXIT_RULES);
    if (rc != EXIT_OK) {
        compilation_free(&c);
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
    int read_rc = compile_readers(ea->withs, ea->datas, ea->ndata, c.ir, lang, rcs, readers);
    for (size_t i = 0; read_rc == EXIT_OK && i < ea->ndata; i++)
        if (readers[i] && !rt_table_reader_ok(c.ir, readers[i], ea->withs[i], ea->datas[i], lang, stderr))
            read_rc = EXIT_RULES;
    unsigned reader_warnings = 0;
    for (size_t i = 0; i < ea->ndata; i++)
        reader_warnings += (unsigned)rcs[i].diag.nfatal;
    if (read_rc == EXIT_OK)
        read_rc = warnings_gate(reader_warnings, EXIT_RULES);
    rt_table *table = read_rc != EXIT_OK ? NULL
                      : rt_table_load_many(c.ir, ea->datas, readers, ea->ndata, &dopt.load, stderr);
    /* each reading's rules by hash, for the JSON's source.data_files */
    char **with_hashes = rt_xcalloc(ea->ndata, sizeof *with_hashes);
    char **with_manifests = rt_xcalloc(ea->ndata, sizeof *with_manifests);
    for (size_t i = 0; table && i < ea->ndata; i++)
        if (readers[i]) {
            with_hashes[i] = rt_xmalloc(65, 1);
            with_manifests[i] = rules_hash(&rcs[i], with_hashes[i]);
        }
    free_readers(rcs, ea->ndata);
    free(rcs);
    free(readers);
    if (!table) {
        compilation_free(&c);
        free_strings(with_hashes, ea->ndata);
        free_strings(with_manifests, ea->ndata);
        return read_rc != EXIT_OK ? read_rc : EXIT_DATA;
    }
    rt_result *res = rt_run(c.ir, table, interp_engine(), stderr);
    /* a number that overflowed is the data error of planc run, not an
     * inf explained */
    if (!res || rt_check_overflow(c.ir, table, res, stderr)) {
        rt_result_free(res);
        rt_table_free(table);
        compilation_free(&c);
        free_strings(with_hashes, ea->ndata);
        free_strings(with_manifests, ea->ndata);
        return EXIT_DATA;
    }
    long row = -1, ti = -1;
    rc = explain_resolve(c.ir, table, region, year, target, &row, &ti, lang);
    if (rc == EXIT_OK)
        rc = warnings_gate(counted_warnings(), EXIT_DATA);
    if (rc == EXIT_OK) {
        /* the JSON says what it explains, by hash, as the results' does */
        char rhash[65];
        char *manifest = rules_hash(&c, rhash);
        char *dopts = data_options_text(&dopt);
        char *shown = data_names(ea->datas, ea->withs, ea->ndata);
        report_data_file *data_files = data_file_list(ea->datas, ea->withs, (const char *const *)with_hashes,
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
        else if (w != 0 || stdout_failed()) {
            csv_message(stderr, "planc: error: cannot write the explanation: %s\n", msgcat_strerror(msgcat_lang(), errno));
            rc = EXIT_WRITE;
        }
    }
    rt_result_free(res);
    rt_table_free(table);
    compilation_free(&c);
    free_strings(with_hashes, ea->ndata);
    free_strings(with_manifests, ea->ndata);
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

/* A number as `planc test` shows it ("missing", in lang, for NaN). */
static const char *shown(lbl_lang lang, double v, char buf[32])
{
    if (isnan(v))
        return lbl_get(lang, LBL_X_MISSING);
    snprintf(buf, 32, "%.15g", v);
    return buf;
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
                       shown(lang, got, b1), shown(lang, x->num, b2));
        else
            diag_error(&c->diag, x->sp,
                       lbl_get(lang, x->kind == EXP_SCORE   ? LBL_T_SCORE
                                     : x->kind == EXP_VALUE ? LBL_T_VALUE
                                                            : LBL_T_MEASURE),
                       title, x->kind == EXP_MEASURE ? p->measures[e->item].id : tg->name, rname,
                       x->year, shown(lang, got, b1), shown(lang, x->num, b2));
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

/* The command line of a command of one argument, --lang and one flag of
 * its own: test (--all), history (--full), emit-llvm (--O0). */
typedef struct simple_args {
    cliopt_list arg;  /* the one argument: the rules file, or history's database */
    cliopt_lang lang; /* --lang, else PLANC_LANG or the locale */
    bool flag;        /* the command's flag */
} simple_args;

/* planc test's options. */
static const cliopt_option test_options[] = {
    {"--lang", NULL, CLIOPT_LANG, offsetof(simple_args, lang), NULL},
    {"--all", NULL, CLIOPT_FLAG, offsetof(simple_args, flag), NULL},
    END_OF_OPTIONS,
};

/* planc test's command line: one rules file, no diagnostics' options. */
static const cliopt_command test_command = {
    "test", test_options, NULL, false, offsetof(simple_args, arg), 1,
    "unexpected argument '%s' (one rules file)", usage_error,
};

/* planc history's options. */
static const cliopt_option history_options[] = {
    {"--full", NULL, CLIOPT_FLAG, offsetof(simple_args, flag), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(simple_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc history's command line: one database. */
static const cliopt_command history_command = {
    "history", history_options, NULL, false, offsetof(simple_args, arg), 1,
    "unexpected argument '%s' (one database)", usage_error,
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
    "unexpected argument '%s' (one rules file)", usage_error,
};

/* planc test RULES [--all]: the rules file's tests, and with --all those of
 * the files it imports or extends, run on this program (docs/LANGUAGE.md
 * §15). */
static int cmd_test(int argc, char **argv)
{
    const char *rules[1] = {NULL};
    simple_args a = {.arg.v = rules, .lang = {msgcat_lang(), false}};
    int rc;
    if (!read_command_line(&test_command, &a, argc, argv, &rc))
        return rc;
    lbl_lang lang = a.lang.lang;
    bool all = a.flag;
    if (!rules[0])
        return usage_error("test", "%sno rules file given", "");
    compilation c;
    compilation_init(&c);
    c.diag.lang = lang; /* the rules' messages' level words */
    rc = compile(&c, rules[0]);
    if (rc != EXIT_OK) {
        compilation_free(&c);
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
    free(others);
    free(named);
    if (stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write the results: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    } else if (passed < n) {
        rc = EXIT_RULES;
    }
    compilation_free(&c);
    return rc;
}

/* planc history DB [--full]: the runs the database holds. */
static int cmd_history(int argc, char **argv)
{
    const char *path[1] = {NULL};
    simple_args a = {.arg.v = path, .lang = {msgcat_lang(), false}};
    int rc;
    if (!read_command_line(&history_command, &a, argc, argv, &rc))
        return rc;
    lbl_lang lang = a.lang.lang;
    bool full = a.flag;
    if (!path[0])
        return usage_error("history", "%sno database given", "");
    store_failure why;
    store *db = store_open_why(path[0], false, &why, stderr);
    if (!db)
        return why == STORE_FAIL_FILE ? EXIT_USAGE : EXIT_WRITE;
    rc = EXIT_OK;
    /* a failed write is told here (the store reports only its own errors) */
    int hr = full ? store_history_full(db, lang, stdout, stderr) : store_history(db, lang, stdout, stderr);
    if (stdout_failed()) {
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
        return usage_error(cmd, "option '%s' given twice", opt);
    return take_year(cmd, where, opt, v);
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
    {"--format", NULL, CLIOPT_CALL, offsetof(compare_args, json), take_text_json},
    {"--full", NULL, CLIOPT_FLAG, offsetof(compare_args, full), NULL},
    {"--year", NULL, CLIOPT_CALL, offsetof(compare_args, year[0]), take_year_once},
    {"--against-year", NULL, CLIOPT_CALL, offsetof(compare_args, year[1]), take_year_once},
    {"--lang", NULL, CLIOPT_LANG, offsetof(compare_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc compare's command line: a database and two runs (or one). */
static const cliopt_command compare_command = {
    "compare", compare_options, NULL, false, offsetof(compare_args, args), 3,
    "unexpected argument '%s' (a database and two runs)", usage_error,
};

/* planc compare DB RUN_A RUN_B, and DB RUN [RUN_B] --year A
 * --against-year B: one year's rows against another's. */
static int cmd_compare(int argc, char **argv)
{
    const char *args[3];
    compare_args ca = {.args.v = args, .lang = {msgcat_lang(), false}};
    int rc;
    if (!read_command_line(&compare_command, &ca, argc, argv, &rc))
        return rc;
    int n = (int)ca.args.n;
    lbl_lang lang = ca.lang.lang;
    bool full = ca.full, json = ca.json, lang_given = ca.lang.given;
    const int *year = ca.year;
    if (year[0] && !year[1])
        return usage_error("compare", "option '%s' needs --against-year (the year of RUN_B, or of "
                                      "the one RUN, to set beside it)", "--year");
    if (year[1] && !year[0])
        return usage_error("compare", "option '%s' needs --year (the year of RUN_A, or of the one "
                                      "RUN, to set beside it)", "--against-year");
    if (year[0] && year[0] == year[1]) {
        char y[16]; /* as a number: "2024" and "2024年" are one year */
        snprintf(y, sizeof y, "%d", year[0]);
        return usage_error("compare", "--year and --against-year are the same year, %s: they name "
                                      "two years to pair (the same year of two runs is what "
                                      "'planc compare DB RUN_A RUN_B' pairs, without them)", y);
    }
    if (json && lang_given)
        /* as explain's: the document's keys and codes are English */
        return usage_error("compare", "--lang is for the text comparison: %s keeps English keys and "
                                      "codes for programs", "--format json");
    if (json)
        lang = programs_lang(); /* whatever PLANC_LANG or the locale say */
    if (n == 2 && year[0])
        args[n++] = args[1]; /* one run: its two years */
    if (n < 3)
        return usage_error("compare", "%sa database and two runs are needed", "");
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
    } else {
        store_compare_req rq = {.run = {a, b}, .year = {year[0], year[1]}, .lang = lang, .full = full,
                                .format = json ? STORE_COMPARE_JSON : STORE_COMPARE_TEXT};
        int cr = store_compare_request(db, &rq, stdout, stderr);
        if (stdout_failed()) {
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

/* planc verify's options besides the diagnostics' (parse_diag_option,
 * without --warnings-as-errors: verify's verdict is its exit code). */
static const cliopt_option verify_options[] = {
    DATA_FILE_ROWS(verify_args),
    {"--output", NULL, CLIOPT_LIST, offsetof(verify_args, outputs), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(verify_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc verify's command line: a database, a run and the rules file. */
static const cliopt_command verify_command = {
    "verify", verify_options, parse_diag_option, false, offsetof(verify_args, args), 3,
    "unexpected argument '%s' (a database, a run and the rules file; data files with --data, outputs with "
    "--output)", usage_error,
};

/* planc verify DB RUN [RULES] [--data CSV [--read-with RULES]]... [--output
 * FILE]...: the files against what the run recorded (verify.h).  A
 * command of its own, as compare is (a database and a run, then what to
 * hold against it), not an option of history, which lists runs: its exit
 * code says whether the files are the run's. */
static int cmd_verify(int argc, char **argv)
{
    const char *args[3] = {NULL, NULL, NULL};
    verify_args va = {.args.v = args, .lang = {msgcat_lang(), false}};
    va.files.data.v = rt_xcalloc((size_t)argc + 1, sizeof *va.files.data.v);
    va.files.withs = rt_xcalloc((size_t)argc + 1, sizeof *va.files.withs);
    va.outputs.v = rt_xcalloc((size_t)argc + 1, sizeof *va.outputs.v);
    int rc;
    if (!read_command_line(&verify_command, &va, argc, argv, &rc)) {
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
    rc = settle_diag_options("verify", lang, true);
    if (rc == EXIT_OK && n < 2)
        rc = usage_error("verify", "%sa database and a run are needed", "");
    else if (rc == EXIT_OK && n < 3 && !ndata && !noutputs)
        rc = usage_error("verify", "%snothing to check: give the rules file, --data files or --output files "
                                   "('planc history DB --full' lists the runs' hashes)", "");
    for (size_t i = 0; rc == EXIT_OK && i < ndata; i++)
        if (strcmp(data[i].path, "-") == 0)
            rc = usage_error("verify", "%s--data -: standard input cannot be checked against a run; save it to "
                                       "a file and give that", "");
    /* a file given twice (by one name or two): the run read none twice
     * (run refuses it so), and the second was set against another of its
     * files, a "differs" of a file whose hash is the run's */
    if (rc == EXIT_OK) {
        const char **paths = rt_xcalloc(ndata + 1, sizeof *paths);
        for (size_t i = 0; i < ndata; i++)
            paths[i] = data[i].path;
        if (data_twice("verify", paths, ndata))
            rc = EXIT_USAGE;
        free(paths);
    }
    /* an output given twice would be checked twice and counted twice in
     * the verdict ("every file checked is the run's (2)") */
    for (size_t i = 0; rc == EXIT_OK && i < noutputs; i++)
        for (size_t j = 0; rc == EXIT_OK && j < i; j++)
            if (strcmp(outputs[i], outputs[j]) == 0)
                rc = usage_error("verify", "the output '%s' is given twice (--output)", outputs[i]);
            else if (fio_same_file(outputs[i], outputs[j]))
                rc = usage_error("verify", "the output '%s' is one given before under another name: each "
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
        if (stdout_failed()) {
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

/* planc restore's options besides the diagnostics' (parse_diag_option). */
static const cliopt_option restore_options[] = {
    {"--lang", NULL, CLIOPT_LANG, offsetof(restore_args, lang), NULL},
    END_OF_OPTIONS,
};

/* planc restore's command line: a database, a run and a directory. */
static const cliopt_command restore_command = {
    "restore", restore_options, parse_diag_option, true, offsetof(restore_args, args), 3,
    "unexpected argument '%s' (a database, a run and a directory)", usage_error,
};

/* planc restore DB RUN DIR: the rules files run RUN read, written into a
 * new directory DIR (restore.h), checked against the run's hashes first.
 * A command of its own beside verify: verify checks the files an auditor
 * holds, restore gives back those the history keeps. */
static int cmd_restore(int argc, char **argv)
{
    const char *args[3] = {NULL, NULL, NULL};
    restore_args ra = {.args.v = args, .lang = {msgcat_lang(), false}};
    int rc;
    if (!read_command_line(&restore_command, &ra, argc, argv, &rc))
        return rc;
    lbl_lang lang = ra.lang.lang;
    rc = settle_diag_options("restore", lang, true);
    if (rc == EXIT_OK && ra.args.n < 3)
        rc = usage_error("restore", "%sa database, a run and the directory to write are needed", "");
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
                                            diag_opts.json ? LBL_EN : lang, stdout, stderr);
            /* --warnings-as-errors: a reading's rules without texts stop
             * it, nothing written; the run's rules are not given back as
             * it read them (exit 6) */
            int gate = warnings_gate(counted_warnings(), EXIT_NOT_VERIFIED);
            if (gate != EXIT_OK)
                rc = gate;
            else if (st == RESTORE_USAGE)
                rc = EXIT_USAGE;
            else if (st == RESTORE_WRITE)
                rc = EXIT_WRITE;
            else if (st == RESTORE_UNFAITHFUL)
                rc = EXIT_NOT_VERIFIED;
            else if (stdout_failed()) {
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

/* planc emit-llvm RULES [--O0] */
static int cmd_emit_llvm(int argc, char **argv)
{
    const char *rules[1] = {NULL};
    simple_args a = {.arg.v = rules, .lang = {msgcat_lang(), false}};
    int rc;
    if (!read_command_line(&emit_llvm_command, &a, argc, argv, &rc))
        return rc;
    bool o0 = a.flag;
    if (!rules[0])
        return usage_error("emit-llvm", "%sno rules file given", "");
    compilation c;
    compilation_init(&c);
    c.diag.lang = a.lang.lang; /* the rules' messages (msgcat.h) */
    rc = compile(&c, rules[0]);
    if (rc == EXIT_OK && jit_emit_ir(c.ir, !o0, stdout, stderr) != 0)
        rc = EXIT_INTERNAL;
    if (rc == EXIT_OK && stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write the module: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    }
    compilation_free(&c);
    return rc;
}

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
        return usage_error(cmd,
                           reversed ? "--years '%s' has its years reversed: give the earlier year first "
                                      "(2019-2024, not 2024-2019)"
                                    : "bad --years '%s' (a year, or two joined by '-': 2019-2024)",
                           v);
    return 0;
}

/* planc template's command line (template_command). */
typedef struct template_args {
    cliopt_list rules;   /* the one rules file */
    cliopt_list regions; /* --region R, given again */
    cliopt_list na;      /* --na TEXT, given again */
    cliopt_list checks;  /* --check FILE, given again */
    const char *out;     /* -o OUT */
    int years[2];        /* --years A-B; 0 0: not given */
    bool list;           /* --list */
    cliopt_lang lang;    /* --lang, else PLANC_LANG or the locale */
} template_args;

/* planc template's options besides the diagnostics' (parse_diag_option). */
static const cliopt_option template_options[] = {
    {"--check", NULL, CLIOPT_LIST, offsetof(template_args, checks), NULL},
    {"--na", NULL, CLIOPT_LIST, offsetof(template_args, na), NULL},
    {"--region", NULL, CLIOPT_LIST, offsetof(template_args, regions), NULL},
    {"--years", NULL, CLIOPT_CALL, offsetof(template_args, years), take_years},
    {"--output", "-o", CLIOPT_STRING, offsetof(template_args, out), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(template_args, lang), NULL},
    {"--list", NULL, CLIOPT_FLAG, offsetof(template_args, list), NULL},
    END_OF_OPTIONS,
};

/* planc template's command line: one rules file. */
static const cliopt_command template_command = {
    "template", template_options, parse_diag_option, true, offsetof(template_args, rules), 1,
    "unexpected argument '%s' (one rules file)", usage_error,
};

/* planc template RULES [--region R]... [--years A-B] [--list] [-o OUT]:
 * the blank data file of the rules' columns for the chosen regions
 * (template.h), or the list of its columns; with --check FILE..., the
 * files filled in, checked as planc run reads them. */
static int cmd_template(int argc, char **argv)
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
    if (!read_command_line(&template_command, &ta, argc, argv, &rc)) {
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
        checks[i] = stdio_name(checks[i]);
    rc = settle_diag_options("template", lang, true);
    /* the messages of --diagnostics json are English (a Chinese one read
     * back from stderr was no message, a note of its whole line); --list
     * keeps its language */
    lbl_lang list_lang = lang;
    if (diag_opts.json)
        lang = LBL_EN;
    if (rc == EXIT_OK && !rules)
        rc = usage_error("template", "%sno rules file given", "");
    if (rc == EXIT_OK && check && (out || list))
        rc = usage_error("template", "%s--check writes no file: it cannot be given with -o or --list", "");
    if (rc == EXIT_OK && nna && !check)
        rc = usage_error("template", "%s--na is for the file --check reads", "");
    /* a file checked twice (by one name or two) would be each of its rows
     * a duplicate of itself, and the columns it lacks "in no other file"
     * but itself: planc run refuses it so (data_twice) */
    for (uint32_t i = 0; rc == EXIT_OK && i < nchecks; i++)
        for (uint32_t j = 0; j < i && rc == EXIT_OK; j++)
            if (strcmp(checks[i], checks[j]) == 0 || fio_same_file(checks[i], checks[j]))
                rc = usage_error("template", "the file '%s' is given to --check twice (by this name or another): "
                                             "each file is read once", checks[i]);
    /* -o NAME.xlsx: the blank file is a workbook (template_xlsx.h); a
     * macro workbook (.xlsm) Excel opens only with its macros' parts,
     * which planc writes none of */
    bool workbook = out && !list && xlsxr_named(out);
    size_t outlen = out ? strlen(out) : 0;
    /* --list is text: under a workbook's name Excel would not open it,
     * and the blank workbook holds the list already */
    if (rc == EXIT_OK && list && out && xlsxr_named(out))
        rc = usage_error("template", "--list writes text, not a workbook ('%s'): the blank workbook (-o NAME.xlsx "
                                     "without --list) holds the list on its second sheet; write the list as text "
                                     "(-o NAME.txt)", out);
    /* NAME.xls is Excel's old binary format: a CSV under that name is a
     * file Excel warns about, as planc run's results would be */
    const char *named = out ? format_of_name(out) : NULL;
    if (rc == EXIT_OK && named && strcmp(named, "xls") == 0) {
        char msg[512];
        snprintf(msg, sizeof msg, msgcat_tr("the output '%s' is named for the old Excel format (.xls), "
                                            "which planc does not write: name it .xlsx for a workbook"), out);
        rc = usage_error("template", "%s", msg);
    }
    if (rc == EXIT_OK && workbook && strcasecmp(out + outlen - 5, ".xlsm") == 0)
        rc = usage_error("template", "the blank workbook is written as .xlsx, not as a macro workbook: name it "
                                     ".xlsx or .csv ('%s')", out);
    /* the blank file would replace the rules (it is renamed over them),
     * as planc run's results would */
    if (rc == EXIT_OK && out && strcmp(out, "-") != 0 && fio_same_file(out, rules))
        rc = usage_error("template", "the output '%s' is the rules file: write the results elsewhere", out);
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
    if (check && !diag_opts.no_warnings)
        (void)es_install(diag_opts.json, false, diag_opts.json ? LBL_EN : msgcat_lang());
    compilation c;
    compilation_init(&c);
    c.diag.lang = lang;
    rc = compile(&c, rules);
    /* --warnings-as-errors: the rules' warnings are errors in the rules,
     * before any file is written */
    if (rc == EXIT_OK)
        rc = warnings_gate((unsigned)c.diag.nfatal, EXIT_RULES);
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
        const char *hint;
        long r = explain_find_region(p, names[k], &hint);
        if (r < 0 || p->regions[r].is_group) {
            csv_message(stderr, msgcat_get(lang, r < 0 ? "planc: error: unknown region '%s'\n"
                                                       : "planc: error: '%s' is a regional group: planc makes its "
                                                         "rows from its members', the data has none\n"), names[k]);
            if (r < 0 && hint)
                csv_message(stderr, msgcat_get(lang, "note: did you mean '%s'?\n"), hint);
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
                                .na = na, .nna = nna, .lang = lang, .provider = true};
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
        warn_fractions(&c, t, lang);
        warn_unit_factor(&c, t, lang);
        diag_flush(&c.diag);
        /* the check's notes (a column's empty cells) are its own, not the
         * last warning's: -w or -Wno-NAME of that warning left them out,
         * and JSON gave them as its notes */
        es_end_message();
        if (tmpl_check(stderr, lang, p, t, n, nnames > 0, from, to, rt_table_path(t),
                       diag_opts.no_warnings ? 0 : es_warnings()) != 0)
            rc = EXIT_DATA;
        /* --warnings-as-errors: a warning of the files read (a column in
         * another unit, a file of its header only) is a data problem, as
         * planc run's */
        if (rc == EXIT_OK)
            rc = warnings_gate(counted_warnings(), EXIT_DATA);
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
        else if (!o && stdout_failed()) {
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
    compilation_free(&c);
    return rc;
}

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
    usage_error,
};

/* planc diff OLD NEW [--format text|json]: both are checked (each in its
 * own compilation), then compared (diff.h). */
static int cmd_diff(int argc, char **argv)
{
    const char *files[2] = {NULL, NULL};
    diff_args da = {.files.v = files, .format = "text", .lang = {msgcat_lang(), false}};
    int rc;
    if (!read_command_line(&diff_command, &da, argc, argv, &rc))
        return rc;
    const char *format = da.format;
    lbl_lang lang = da.lang.lang;
    bool lang_given = da.lang.given;
    if (da.files.n < 2)
        return usage_error("diff", "%sgive two rules files: the old and the new", "");
    if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
        return usage_error("diff", "unknown format '%s' (available: text, json)", format);
    /* the JSON is for programs: its keys and codes stay English */
    if (lang_given && strcmp(format, "json") == 0)
        return usage_error("diff", "--lang is for the review report: %s keeps English keys "
                                   "for programs", "--format json");
    if (strcmp(format, "json") == 0)
        lang = programs_lang(); /* whatever PLANC_LANG or the locale say */
    compilation c[2];
    rc = EXIT_OK;
    diag_seen seen = {0}; /* a base file both sides import: its diagnostics once */
    bool failed[2];
    for (int k = 0; k < 2; k++) {
        compilation_init(&c[k]);
        c[k].diag.lang = lang; /* the rules' messages' level words */
        c[k].diag.seen = &seen;
        failed[k] = compile(&c[k], files[k]) != EXIT_OK;
        if (failed[k])
            rc = EXIT_RULES;
    }
    diag_seen_free(&seen);
    /* which side the errors above fail: one printed once may be both's */
    if (failed[0] && failed[1])
        csv_message(stderr, "planc: error: neither rules file compiles ('%s', '%s'): nothing is compared\n",
                    files[0], files[1]);
    else if (failed[0] || failed[1])
        csv_message(stderr, failed[0] ? "planc: error: the old rules '%s' do not compile: nothing is compared\n"
                                       : "planc: error: the new rules '%s' do not compile: nothing is compared\n",
                    files[failed[0] ? 0 : 1]);
    if (rc == EXIT_OK) {
        diff_side old = {c[0].model, &c[0].diag, files[0]}, new = {c[1].model, &c[1].diag, files[1]};
        diff_write(&c[1].arena, &old, &new, strcmp(format, "json") == 0 ? DIFF_JSON : DIFF_TEXT,
                   lang, stdout);
        if (stdout_failed()) {
            csv_message(stderr, "planc: error: cannot write the differences: %s\n", msgcat_strerror(msgcat_lang(), errno));
            rc = EXIT_WRITE;
        }
    }
    compilation_free(&c[0]);
    compilation_free(&c[1]);
    return rc;
}

/* Takes `--root DIR` or `--root=DIR` (which every command accepts,
 * wherever it stands before a `--`) out of argv into rules_root; returns
 * the new argc, -1 when DIR is missing, -2 when it is empty (`--root=`:
 * no directory, a usage error like any option given an empty value). */
static int take_root(int argc, char **argv)
{
    int k = 0, i = 0;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *dir;
        int used = cliopt_value_at("--root", argc, argv, i, &dir);
        if (used < 0)
            return -1;
        if (used > 0 && !*dir)
            return -2;
        if (used > 0) {
            rules_root = dir;
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
    cliopt_lang lang; /* checked here; the driver has set it (lang_of_args) */
} help_args;

/* planc help's options. */
static const cliopt_option help_options[] = {
    {"--lang", NULL, CLIOPT_LANG, offsetof(help_args, lang), NULL},
    END_OF_OPTIONS,
};

/* usage_error as help's reporter (cliopt_usage_fn): its errors point at
 * `planc help`, planc's own, not at `planc help help`. */
static int help_usage_error(const char *cmd, const char *fmt, const char *arg)
{
    (void)cmd;
    return usage_error(NULL, fmt, arg);
}

/* planc help's command line: the command asked about (the arguments after
 * it are let be, as ever), no diagnostics' options. */
static const cliopt_command help_command = {
    "help", help_options, NULL, false, offsetof(help_args, what), 0, NULL, help_usage_error,
};

/* Runs the command argv[1] (argc >= 2 after main's options) and returns
 * its exit code. */
static int command(int argc, char **argv)
{
    const char *cmd = argv[1];
    /* the language of the messages, and of the help (usage_text) */
    const char *bad_env = NULL;
    msgcat_set_lang(lang_of_args(argc, argv, &bad_env));
    if (cliopt_is_help(cmd)) {
        fputs(usage_text(NULL), stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("planc %s\n", PLANC_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0) {
        /* the command asked about: the first argument that is no option
         * (planc help --lang zh run); a --lang without a language, or with
         * one planc has not, is the usage error every command's --lang is;
         * a -h or --help after it is its help (before it, planc's) */
        help_args h = {.what.v = rt_xcalloc((size_t)argc + 1, sizeof *h.what.v), .lang = {msgcat_lang(), false}};
        cliopt_result r = cliopt_parse(&help_command, &h, argc - 2, argv + 2);
        const char *what = h.what.n ? h.what.v[0] : NULL;
        free(h.what.v);
        if (r == CLIOPT_USAGE)
            return EXIT_USAGE;
        /* the named warnings (warnings.h), in the reader's language */
        if (what && strcmp(what, "warnings") == 0) {
            warn_list(stdout, msgcat_lang());
            return stdout_failed() ? EXIT_WRITE : EXIT_OK;
        }
        /* help's own help (planc help help, planc help --help) is planc's */
        const char *text = usage_text(what && strcmp(what, "help") != 0 && !cliopt_is_help(what) ? what : NULL);
        if (!text)
            return usage_error(NULL, "no help for unknown command '%s'", what);
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
        return usage_error(NULL, "unknown language '%s' in PLANC_LANG (available: en, zh)", bad_env);
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
        return aot_main(argc - 2, argv + 2, rules_root);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(argc - 2, argv + 2);
    if (strcmp(cmd, "test") == 0)
        return cmd_test(argc - 2, argv + 2);
    if (strcmp(cmd, "template") == 0)
        return cmd_template(argc - 2, argv + 2);
    return usage_error(NULL, "unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    int rc = EXIT_OK;
    std_streams_open();
    /* the environment's language until the command line is read
     * (command): `planc` alone, an error of --root */
    lbl_lang env;
    msgcat_env_lang(&env);
    msgcat_set_lang(env);
    /* Ctrl-C and the like remove the temporary files of the run. */
    cleanup_install();
    argc = take_root(argc, argv);
    if (argc == -2)
        return usage_error(NULL, "option '%s' is given an empty value", "--root");
    if (argc < 0)
        return usage_error(NULL, "%soption '--root' needs a value", "");
    lead_lang(argc, argv);
    /* no command (planc, planc --lang zh): planc's help, in that language */
    lbl_lang lang = env;
    const char *lang_v = NULL;
    int lang_used = argc >= 2 ? cliopt_value_at("--lang", argc, argv, 1, &lang_v) : 0;
    bool lang_only = lang_used != 0 && argc == 1 + (lang_used < 0 ? 1 : lang_used);
    if (lang_only && lang_used < 0)
        rc = usage_error(NULL, "option '%s' needs a value", "--lang");
    else if (lang_only && !lbl_parse(lang_v, &lang))
        rc = usage_error(NULL, "unknown language '%s' (available: en, zh)", lang_v);
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
    if (rc == EXIT_OK && stdout_failed()) {
        csv_message(stderr, "planc: error: cannot write to standard output: %s\n", msgcat_strerror(msgcat_lang(), errno));
        rc = EXIT_WRITE;
    }
    es_finish(); /* what errstream.h holds, and stderr back */
    return rc;
}
