/* aot.c — planc build: a rules file to a shared library and a C header
 * (see aot.h).
 *
 * The build, step by step (aot_build):
 *   1. exec_plan_make splits the program into segments and barriers, as
 *      rt_run does;
 *   2. the LLVM back end (backend.h, emit_object) lowers the segments
 *      with cg_module, the same code the JIT compiles; the segment
 *      functions are made hidden (the library exports only the ABI),
 *      default<O3> optimises it for the chosen CPU and the target machine
 *      writes kernels.o;
 *   3. glue.c is written: the ABI definitions (abi_text, also the heart of
 *      the header), the runtime's types (rt_types), the program's tables
 *      (write_tables) and the runtime (rt_code), which repeats what
 *      runtime/table.c and runtime/exec.c do around the kernels: checking
 *      and sorting rows, adding ancestor rows for share targets, building
 *      the time-shifted and scaled input columns, the peak and share
 *      barriers, and the `missing error` policy;
 *   4. the system C compiler links glue.c and kernels.o into the library;
 *   5. the header is written (write_header).
 * Intermediate files live in a fresh directory beside the output, which
 * is removed at the end; the header (written through ofile) and then the
 * library (renamed from there) are put into place as a pair
 * (commit_pair), so each appears whole or not at all, and a failed build
 * leaves neither beside an old other.
 *
 * The generated C is plain C17: doubles in hexadecimal literals (exact),
 * strings with every byte outside printable ASCII as an octal escape.  It
 * is compiled with -ffp-contract=off so that its few floating-point
 * operations (the share's percentage, the peak's tolerance, unit scales)
 * round exactly as planc's own runtime does. */
#include "aot.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "backend.h"
#include "cg.h"
#include "cleanup.h"
#include "cliopt.h"
#include "csv.h"
#include "diag.h"
#include "exec.h"
#include "fileio.h"
#include "import.h"
#include "lower.h"
#include "msgcat.h"
#include "ofile.h"
#include "sema.h"
#include "proc.h"

/* The generated run_share reads an IR_SHARE step's kind as these numbers. */
_Static_assert(IR_SHARE_PERCENT == 0 && IR_SHARE_TOTAL == 1 && IR_SHARE_LOWEST == 2 &&
               IR_SHARE_HIGHEST == 3 && IR_SHARE_AVERAGE == 4, "run_share's kinds");

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* Exit codes, as the driver's (docs/LANGUAGE.md §12). */
/* planc's exit codes (cli.h): AOT_WRITE, the library or its header could
 * not be written (no permission, a full disk, the file size limit). */
enum { AOT_OK = 0, AOT_RULES = 1, AOT_USAGE = 2, AOT_INTERNAL = 4, AOT_WRITE = 5 };

/* AOT_ABI_VERSION as a string literal, so the help names the version the
 * libraries implement and cannot fall behind it. */
#define ABI_STR_(v) #v
#define ABI_STR(v) ABI_STR_(v)

const char aot_usage[] =
    "usage: planc build RULES -o libNAME.so [--header FILE] [--cpu CPU] [--cc CMD]\n"
    "                   [--lang en|zh]\n"
    "\n"
    "Compiles the rules into a shared library that scores data without planc,\n"
    "and writes NAME.h beside it: the library's C interface (ABI version " ABI_STR(AOT_ABI_VERSION) "),\n"
    "documenting its input columns, regions and output columns.  A C program\n"
    "loads the library with dlopen(); see examples/aot/.\n"
    "\n"
    "  -o, --output FILE  the library to write (libNAME.so); required (-oFILE too)\n"
    "  --header FILE      the header to write (default: NAME.h beside the library)\n"
    "  --cpu CPU          the CPU the kernels are compiled for: host (this machine,\n"
    "                     the default: fastest, but may not run on older CPUs),\n"
    "                     generic, x86-64, x86-64-v2, x86-64-v3 or x86-64-v4\n"
    "  --cc CMD           the C compiler that links the library (default: $CC,\n"
    "                     else cc)\n"
    "  --lang LANG        the language of the rules' messages: en or zh (without\n"
    "                     it PLANC_LANG's or the locale's, 'planc help')\n"
    "\n"
    "Both files are written atomically, as a pair: a failed build leaves no\n"
    "partial file and no new file beside an old one (examples/aot/README.md).\n"
    "The library is renamed into place, so -o must not name a device or a FIFO.\n"
    "\n"
    "exit: 0 ok, 1 errors in the rules, 2 usage, 4 internal error (LLVM or the\n"
    "C compiler failed), 5 an output that cannot be written.\n";

/* aot_usage in Chinese (aot_usage_text): the same options, placeholders
 * and examples, in docs/GUIDE.zh-CN.md §8's words. */
static const char aot_usage_zh[] =
    "用法：planc build RULES -o libNAME.so [--header FILE] [--cpu CPU] [--cc CMD]\n"
    "                  [--lang en|zh]\n"
    "\n"
    "把规则编译为共享库，无需 planc 即可对数据评分，并在其旁写出 NAME.h：\n"
    "该库的 C 接口（ABI 第" ABI_STR(AOT_ABI_VERSION) "版），说明其输入列、地区和输出列。C 程序用\n"
    "dlopen() 加载该库；见 examples/aot/。\n"
    "\n"
    "  -o, --output FILE  要写的库（libNAME.so）；必需（也可写作 -oFILE）\n"
    "  --header FILE      要写的头文件（默认：库旁的 NAME.h）\n"
    "  --cpu CPU          内核代码所针对的 CPU：host（本机，默认：最快，但在\n"
    "                     较旧的 CPU 上可能无法运行）、generic、x86-64、\n"
    "                     x86-64-v2、x86-64-v3 或 x86-64-v4\n"
    "  --cc CMD           链接该库的 C 编译器（默认：$CC，否则为 cc）\n"
    "  --lang LANG        规则报错信息所用语言：en 或 zh（不给时按 PLANC_LANG\n"
    "                     或语言环境，见 'planc help'）\n"
    "\n"
    "两个文件成对原子写入：构建失败时不留下不完整的文件，也不会在旧文件旁\n"
    "留下新文件（见 examples/aot/README.md）。库是改名就位的，因此 -o 不能\n"
    "指向设备或 FIFO。\n"
    "\n"
    "退出码：成功为 0，规则有错误为 1，用法错误为 2，内部错误（LLVM 或 C\n"
    "编译器失败）为 4，有输出无法写入为 5。\n";

const char *aot_usage_text(void)
{
    return msgcat_lang() == LBL_ZH ? aot_usage_zh : aot_usage;
}

/* The library ABI: the definitions every header and every glue.c begin
 * with (guarded, so that several libraries' headers can be included
 * together).  Changing a layout here means a new AOT_ABI_VERSION. */
static const char abi_text[] =
    "#ifndef PLANC_ABI_V3\n"
    "#define PLANC_ABI_V3\n"
    "/* ---- The planc library ABI, version 3 (the same in every library) ----\n"
    " *\n"
    " * A library made by `planc build` exports two functions:\n"
    " *\n"
    " *   uint32_t planc_abi_version(void);     the newest ABI it implements\n"
    " *   const planc_library *planc_get_library(uint32_t abi_version);\n"
    " *\n"
    " * planc_get_library(3) returns the description of the rules and the\n"
    " * functions that score data, or NULL when the library does not implement\n"
    " * that version.  Load it with dlopen() and dlsym() (or link it):\n"
    " *\n"
    " *   void *h = dlopen(\"./libNAME.so\", RTLD_NOW | RTLD_LOCAL);\n"
    " *   planc_get_library_fn get = (planc_get_library_fn)dlsym(h, \"planc_get_library\");\n"
    " *   const planc_library *lib = get ? get(PLANC_ABI_VERSION) : NULL;\n"
    " *\n"
    " * Data.  Every value is a double.  A missing value is a NaN (any NaN).\n"
    " * A yes/no column holds 1.0 (yes), 0.0 (no) or NaN; other values in it are\n"
    " * an input error.  Infinite values are an input error (planc's CSV reader\n"
    " * never produces them).\n"
    " *\n"
    " * Scoring.  lib->score(&in, &res, err, errlen) scores the rows of `in`:\n"
    " * one row per (region, year), in any order, region given as an index into\n"
    " * lib->regions (lib->find_region maps a name or alias to it), year 1..9999,\n"
    " * and one array of nrows values per input column, in the order of\n"
    " * lib->columns, raw as a data file holds them: not shifted in time and in\n"
    " * the unit the rules say the file uses (the library converts units and\n"
    " * reads other years itself).  On success (PLANC_OK) *res holds the\n"
    " * results, to be released with lib->free_result(res): its rows are sorted\n"
    " * by region (in lib->regions order) then year, as `planc run` reports\n"
    " * them, and, when the rules have share targets (share(), total(), ...),\n"
    " * include a row (with every data value missing, source -1) for each region\n"
    " * above a region with a row in that year (its parent, the regional groups\n"
    " * listing it, and theirs), so that they are scored there.\n"
    " * Each output column (lib->outputs says what it holds) has one value per\n"
    " * result row.  On an\n"
    " * error, *res is NULL and err receives a message (NUL-terminated, cut to\n"
    " * errlen bytes).  A target's value, goal or expected value that the\n"
    " * rules compute from the data and that overflows a double (a formula\n"
    " * x * x of 1e200, a total or cumulative beyond ±1.8e308) is an error, as\n"
    " * it is for `planc run` (docs/LANGUAGE.md §10): PLANC_E_OVERFLOW (version\n"
    " * 3), the message naming the target, region, year, input row and the\n"
    " * columns it reads; a result never holds an infinity there (but in the\n"
    " * goal and expected columns of a row where the target is\n"
    " * PLANC_NOT_APPLICABLE, which no report shows: below).  score never\n"
    " * keeps a pointer into `in`, is safe to call from several threads at\n"
    " * once, and allocates only the result and temporaries (PLANC_E_NOMEM when\n"
    " * that fails).\n"
    " *\n"
    " * Output columns, in order: for each target its status (a planc_status\n"
    " * code), value, goal, expected value and score; then, when the rules have\n"
    " * an assessment, each measure's score, each section's score, the total,\n"
    " * the veto flag (1.0 when a veto target failed on the row) and the grade\n"
    " * (an index into lib->bands; the last band is the veto band).  The\n"
    " * measures' and sections' scores, the total and the grade are NaN in the\n"
    " * plan's baseline year and before it: the assessment grades the years\n"
    " * after it (docs/LANGUAGE.md §8); the targets judged there (red lines,\n"
    " * goals that hold every year) have their statuses and scores, and the\n"
    " * veto flag.  Values, goals and expected values are in the target's unit\n"
    " * (planc_target.unit).\n"
    " * On a row where a target's status is PLANC_NOT_APPLICABLE (a region\n"
    " * outside its scope, a year before the baseline, the baseline year for\n"
    " * a goal with a deadline, a trend or peaks), its goal and expected\n"
    " * columns are not cleared: they hold what the target computes there (its\n"
    " * goal, as a rule; an infinity where that overflows, a trajectory\n"
    " * extrapolated to a year before the baseline, is no error there).\n"
    " * planc's reports leave them empty on such rows, where no goal applies;\n"
    " * a program presenting them should too.\n"
    " *\n"
    " * Goals (version 2).  lib->goals[t] lists target t's goals as the rules\n"
    " * state them, one planc_milestone per milestone: the operator, the goal\n"
    " * (in the target's unit; NaN when it is read from the data, goal_from\n"
    " * then holding its expression as written), the tolerance that loosens it\n"
    " * (NaN for none; a goal with a tolerance is judged against goal - T for\n"
    " * >= and >, goal + T for <= and <, within goal - T .. goal + T for ==:\n"
    " * docs/LANGUAGE.md §9) and the deadline (0: every year).  The goal in\n"
    " * force on a row of year y is that of the first milestone whose deadline\n"
    " * is 0 or >= y, else the last's: its goal is the row's goal column, and\n"
    " * its tolerance the row's tolerance, as planc run reports it (none on a\n"
    " * row whose status is PLANC_NOT_APPLICABLE).  A trend (falls, rises) has\n"
    " * no milestone; peaks ... by D has one, of op PLANC_OP_NONE, goal NaN and\n"
    " * deadline D.\n"
    " *\n"
    " * Versioning.  A later ABI version may only add members at the end of\n"
    " * these structs and add enum values; planc_get_library(N) of an older\n"
    " * version N keeps returning its layout and its return codes.\n"
    " * planc_get_library(1) returns the description of version 1: abi_version\n"
    " * 1, size that of version 1's planc_library (without goals), the members\n"
    " * before the same.  Version 3 added PLANC_E_OVERFLOW, with the same\n"
    " * layout as version 2: planc_get_library(2) (and 1) return a description\n"
    " * whose score reports that error as PLANC_E_ROWS, the code their header\n"
    " * has, with the same message. */\n"
    "#include <stddef.h>\n"
    "#include <stdint.h>\n"
    "\n"
    "#ifdef __cplusplus\n"
    "extern \"C\" {\n"
    "#endif\n"
    "\n"
    "#define PLANC_ABI_VERSION 3\n"
    "\n"
    "/* Return codes of planc_library.score. */\n"
    "enum planc_rc {\n"
    "    PLANC_OK = 0,\n"
    "    PLANC_E_ARGS = 1,       /* a NULL pointer where an array is needed */\n"
    "    PLANC_E_ROWS = 2,       /* a bad row: region index or year out of range,\n"
    "                               two rows for one (region, year), an infinite\n"
    "                               value, a yes/no value other than 0/1/NaN */\n"
    "    PLANC_E_MISSING = 3,    /* a target is missing on a row and the rules'\n"
    "                               missing-data policy is `error` */\n"
    "    PLANC_E_NOMEM = 4,      /* out of memory */\n"
    "    PLANC_E_OVERFLOW = 5    /* version 3: a target's value, goal or expected\n"
    "                               value overflows a double on a row */\n"
    "};\n"
    "\n"
    "/* Target statuses (docs/LANGUAGE.md §9), as stored in status columns. */\n"
    "enum planc_status {\n"
    "    PLANC_NOT_APPLICABLE = 0, PLANC_MISSING = 1, PLANC_FAILED = 2,\n"
    "    PLANC_LAGGING = 3, PLANC_ON_TRACK = 4, PLANC_MET = 5\n"
    "};\n"
    "\n"
    "/* Input column types. */\n"
    "enum planc_coltype { PLANC_COL_NUMBER = 0, PLANC_COL_YESNO = 1 };\n"
    "\n"
    "/* What an output column belongs to, and which of its values it holds. */\n"
    "enum planc_item { PLANC_ITEM_TARGET = 0, PLANC_ITEM_MEASURE = 1, PLANC_ITEM_SECTION = 2,\n"
    "                  PLANC_ITEM_TOTAL = 3 };\n"
    "enum planc_field { PLANC_FIELD_STATUS = 0, PLANC_FIELD_VALUE = 1, PLANC_FIELD_GOAL = 2,\n"
    "                   PLANC_FIELD_EXPECTED = 3, PLANC_FIELD_SCORE = 4, PLANC_FIELD_VETO = 5,\n"
    "                   PLANC_FIELD_GRADE = 6 };\n"
    "\n"
    "/* A goal's comparison (version 2); PLANC_OP_NONE: a deadline without a\n"
    " * goal (peaks ... by D). */\n"
    "enum planc_op { PLANC_OP_NONE = 0, PLANC_OP_GE = 1, PLANC_OP_GT = 2, PLANC_OP_LE = 3,\n"
    "                PLANC_OP_LT = 4, PLANC_OP_EQ = 5, PLANC_OP_NE = 6 };\n"
    "\n"
    "/* The assessment's missing-data policy. */\n"
    "enum planc_missing { PLANC_POLICY_NONE = 0, PLANC_POLICY_ZERO = 1, PLANC_POLICY_REWEIGHT = 2,\n"
    "                     PLANC_POLICY_ERROR = 3 };\n"
    "\n"
    "/* A region: its name, level (index into levels), parent (index into\n"
    " * regions, -1 for none) and other spellings accepted for it. */\n"
    "typedef struct planc_region {\n"
    "    const char *name;\n"
    "    uint32_t level;\n"
    "    int32_t parent;\n"
    "    uint32_t naliases;\n"
    "    const char *const *aliases;\n"
    "} planc_region;\n"
    "\n"
    "/* An input column: its name in a data file, its type, the indicator that\n"
    " * reads it, the unit its values are in (NULL: unknown). */\n"
    "typedef struct planc_column {\n"
    "    const char *name;\n"
    "    uint32_t type;          /* enum planc_coltype */\n"
    "    const char *indicator;\n"
    "    const char *unit;\n"
    "} planc_column;\n"
    "\n"
    "/* A target, as planc run reports it. */\n"
    "typedef struct planc_target {\n"
    "    const char *name;\n"
    "    const char *text;       /* the text from the plan, or NULL */\n"
    "    const char *kind;       /* \"threshold\", \"redline\", \"complete\", \"rated\",\n"
    "                               \"falls\", \"rises\", \"peaks\" */\n"
    "    const char *unit;       /* of value, goal and expected */\n"
    "    const char *clause;\n"
    "    uint32_t measure;       /* index into measures */\n"
    "    double weight;          /* in its measure */\n"
    "    int32_t veto;           /* 1: its failure is a veto */\n"
    "} planc_target;\n"
    "\n"
    "/* One goal of a target (version 2; see \"Goals\" above): value OP goal,\n"
    " * within its tolerance, by its deadline. */\n"
    "typedef struct planc_milestone {\n"
    "    uint32_t op;            /* enum planc_op */\n"
    "    int32_t deadline;       /* the year it is due by; 0: every year */\n"
    "    double goal;            /* in the target's unit; NaN when read from the data */\n"
    "    const char *goal_from;  /* a goal read from the data: its expression as\n"
    "                               written (\"耕地保护任务\"); else NULL */\n"
    "    double tolerance;       /* in the target's unit; NaN: none */\n"
    "} planc_milestone;\n"
    "\n"
    "/* A target's goals (version 2), in the order of its milestones. */\n"
    "typedef struct planc_goals {\n"
    "    uint32_t nmilestones;\n"
    "    const planc_milestone *milestones;\n"
    "} planc_goals;\n"
    "\n"
    "typedef struct planc_measure {\n"
    "    const char *id;         /* the clause id, e.g. \"(九)\" */\n"
    "    const char *title;      /* or NULL */\n"
    "    const char *lead;       /* as planc run reports it: the lead agencies\n"
    "                               joined by \"、\", or \"shared: \" and the agencies */\n"
    "    uint32_t section;       /* index into sections */\n"
    "    double weight;          /* in its section */\n"
    "} planc_measure;\n"
    "\n"
    "typedef struct planc_section {\n"
    "    const char *id;\n"
    "    const char *title;      /* or NULL */\n"
    "    double weight;\n"
    "} planc_section;\n"
    "\n"
    "/* What output column k holds: item (enum planc_item), index into the\n"
    " * item's array (targets, measures or sections; 0 for the total), and\n"
    " * field (enum planc_field). */\n"
    "typedef struct planc_output {\n"
    "    uint32_t item;\n"
    "    uint32_t index;\n"
    "    uint32_t field;\n"
    "} planc_output;\n"
    "\n"
    "/* The rows to score (see \"Scoring\" above). */\n"
    "typedef struct planc_input {\n"
    "    size_t nrows;\n"
    "    const uint32_t *region;          /* nrows region indices */\n"
    "    const int32_t *year;             /* nrows years */\n"
    "    const double *const *columns;    /* ncolumns arrays of nrows values */\n"
    "} planc_input;\n"
    "\n"
    "/* Results; read-only; released with planc_library.free_result. */\n"
    "typedef struct planc_result {\n"
    "    size_t nrows;\n"
    "    const uint32_t *region;          /* per result row */\n"
    "    const int32_t *year;\n"
    "    const int64_t *source;           /* the input row, or -1 for an added row */\n"
    "    const double *const *outputs;    /* noutputs arrays of nrows values */\n"
    "} planc_result;\n"
    "\n"
    "/* A library: the rules it was built from and its functions. */\n"
    "typedef struct planc_library {\n"
    "    uint32_t abi_version;            /* PLANC_ABI_VERSION */\n"
    "    uint32_t size;                   /* sizeof(planc_library) in the library */\n"
    "    const char *planc_version;       /* of the planc that built it */\n"
    "    const char *fingerprint;         /* identifies the rules and the ABI; equal\n"
    "                                        to the header's NAME_FINGERPRINT */\n"
    "    const char *cpu;                 /* the CPU the kernels were compiled for */\n"
    "    const char *plan;                /* the plan's name and title (or NULL) */\n"
    "    const char *title;\n"
    "    const char *region_key;          /* the data's region and year column names */\n"
    "    const char *year_key;\n"
    "    int32_t baseline, horizon;\n"
    "    uint32_t nlevels;\n"
    "    const char *const *levels;\n"
    "    uint32_t nregions;\n"
    "    const planc_region *regions;\n"
    "    uint32_t ncolumns;\n"
    "    const planc_column *columns;\n"
    "    uint32_t ntargets;\n"
    "    const planc_target *targets;\n"
    "    uint32_t nmeasures;\n"
    "    const planc_measure *measures;\n"
    "    uint32_t nsections;\n"
    "    const planc_section *sections;\n"
    "    int32_t has_assessment;          /* 0: only target outputs */\n"
    "    const char *assessment;          /* its name, or NULL */\n"
    "    uint32_t missing;                /* enum planc_missing */\n"
    "    uint32_t nbands;\n"
    "    const char *const *bands;        /* grade names, best first */\n"
    "    uint32_t noutputs;\n"
    "    const planc_output *outputs;\n"
    "    const char *const *status_names; /* \"not_applicable\" ... \"met\", by code */\n"
    "    /* The region called `name` (its name or an alias), or -1. */\n"
    "    int32_t (*find_region)(const char *name);\n"
    "    /* Scores in->nrows rows; see \"Scoring\" above. */\n"
    "    int (*score)(const planc_input *in, planc_result **out, char *err, size_t errlen);\n"
    "    /* Releases a result (NULL is a no-op). */\n"
    "    void (*free_result)(planc_result *res);\n"
    "    /* ---- version 2 ---- */\n"
    "    const planc_goals *goals;        /* ntargets entries: each target's goals */\n"
    "} planc_library;\n"
    "\n"
    "/* The exported functions, and their types for dlsym. */\n"
    "uint32_t planc_abi_version(void);\n"
    "const planc_library *planc_get_library(uint32_t abi_version);\n"
    "typedef uint32_t (*planc_abi_version_fn)(void);\n"
    "typedef const planc_library *(*planc_get_library_fn)(uint32_t abi_version);\n"
    "\n"
    "#ifdef __cplusplus\n"
    "}\n"
    "#endif\n"
    "#endif /* PLANC_ABI_V3 */\n";

/* The runtime's types and forward declarations, which the generated
 * tables use. */
static const char rt_types[] =
    "/* ---- the runtime's types (aot.c writes the program's tables next) ---- */\n"
    "#include <math.h>\n"
    "#include <stdarg.h>\n"
    "#include <stdbool.h>\n"
    "#include <stdio.h>\n"
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "\n"
    "#define EXPORT __attribute__((visibility(\"default\")))\n"
    "\n"
    "/* How an input column is made from the data (ir.h's ir_input). */\n"
    "enum { IN_DATA = 0, IN_YEAR = 1, IN_SCOPE = 2, IN_PRESENT = 3, IN_TABLE = 4 };\n"
    "typedef struct in_def {\n"
    "    unsigned char kind;\n"
    "    unsigned char absolute;      /* IN_DATA: read year `year`, else year + rel */\n"
    "    uint32_t column;\n"
    "    int32_t year, rel;\n"
    "    double scale;\n"
    "    uint32_t scope;              /* IN_SCOPE */\n"
    "    const double *values;        /* IN_TABLE: per region */\n"
    "    /* IN_TABLE whose rows give years (else by_first is NULL): region\n"
    "     * r's runs of years are k in by_first[r] .. by_first[r + 1]),\n"
    "     * rising and disjoint, the years by_from[k] .. by_to[k] with the\n"
    "     * value by_values[k]; values[r] in the other years */\n"
    "    const uint32_t *by_first;\n"
    "    const int32_t *by_from, *by_to;\n"
    "    const double *by_values;\n"
    "} in_def;\n"
    "\n"
    "/* A constant or input slot that needs a column of its own (an output or\n"
    " * a barrier's operand; exec.h never materializes them): the input it\n"
    " * copies, or -1 and the constant. */\n"
    "typedef struct fill_def {\n"
    "    uint32_t slot;\n"
    "    int32_t input;\n"
    "    double imm;\n"
    "} fill_def;\n"
    "\n"
    "/* One step of the run order: a segment (a compiled kernel) or a barrier\n"
    " * step writing `slot` from column `a` (exec.h). */\n"
    "enum { OP_SEGMENT = 0, OP_PEAK = 1, OP_SHARE = 2, OP_PEER = 3, OP_CUMSUM = 4, OP_CUMMAX = 5,\n"
    "       OP_SHIFT = 6, OP_PARENT = 7 };\n"
    "typedef struct run_op {\n"
    "    unsigned char kind;\n"
    "    uint32_t seg;                /* OP_SEGMENT */\n"
    "    uint32_t slot, a;            /* barriers */\n"
    "    double imm;                  /* OP_PEAK: tolerance; OP_CUMSUM, OP_CUMMAX,\n"
    "                                    OP_SHIFT: shift */\n"
    "    uint32_t aux;                /* OP_PEAK: first year; OP_SHARE: level (imm: kind);\n"
    "                                    OP_PEER: 0 lowest, 1 highest, 2 average;\n"
    "                                    OP_CUMSUM, OP_CUMMAX: first year;\n"
    "                                    OP_PARENT: level, UINT32_MAX the parent */\n"
    "} run_op;\n"
    "\n"
    "/* The regional groups listing a region (ir.h's ir_region.groups). */\n"
    "typedef struct group_list {\n"
    "    uint32_t n;\n"
    "    const uint32_t *list;\n"
    "} group_list;\n"
    "\n"
    "/* A compiled segment (cg.h): rows [lo, hi) of its materialized columns. */\n"
    "typedef void (*seg_fn)(const double *const *inputs, double *const *cols, int64_t lo, int64_t hi);\n"
    "\n"
    "static const char *const status_names[] = {\n"
    "    \"not_applicable\", \"missing\", \"failed\", \"lagging\", \"on_track\", \"met\",\n"
    "};\n"
    "\n"
    "static int32_t find_region(const char *name);\n"
    "static int score(const planc_input *in, planc_result **out, char *err, size_t errlen);\n"
    "static int score_before_v3(const planc_input *in, planc_result **out, char *err, size_t errlen);\n"
    "static void free_result(planc_result *res);\n";

/* The runtime, after the tables: what runtime/table.c and runtime/exec.c
 * do around the kernels, written again over the tables (a change to
 * either must be made in both; tests/unit/test_aot.c and the differential
 * tester's --aot mode compare the two). */
static const char rt_code[] =
    "/* ---- the runtime: the same steps as runtime/table.c and runtime/exec.c ---- */\n"
    "\n"
    "/* A result and everything it owns. */\n"
    "typedef struct result {\n"
    "    planc_result pub;\n"
    "    uint32_t *region;\n"
    "    int32_t *year;\n"
    "    int64_t *source;\n"
    "    double **cols;               /* N_STEPS entries, NULL when not materialized */\n"
    "    double *block;               /* the columns */\n"
    "    const double **outputs;      /* N_OUTPUTS pointers into cols */\n"
    "} result;\n"
    "\n"
    "/* Formats an error message into err; returns rc. */\n"
    "static int fail(char *err, size_t errlen, int rc, const char *fmt, ...)\n"
    "{\n"
    "    if (err && errlen) {\n"
    "        va_list ap;\n"
    "        va_start(ap, fmt);\n"
    "        vsnprintf(err, errlen, fmt, ap);\n"
    "        va_end(ap);\n"
    "    }\n"
    "    return rc;\n"
    "}\n"
    "\n"
    "static int32_t find_region(const char *name)\n"
    "{\n"
    "    if (!name)\n"
    "        return -1;\n"
    "    for (uint32_t i = 0; i < N_REGIONS; i++) {\n"
    "        if (strcmp(regions[i].name, name) == 0)\n"
    "            return (int32_t)i;\n"
    "        for (uint32_t k = 0; k < regions[i].naliases; k++)\n"
    "            if (strcmp(regions[i].aliases[k], name) == 0)\n"
    "                return (int32_t)i;\n"
    "    }\n"
    "    return -1;\n"
    "}\n"
    "\n"
    "/* A row's key and where it came from (-1: added for share targets). */\n"
    "typedef struct row_key {\n"
    "    uint32_t region;\n"
    "    int32_t year;\n"
    "    int64_t source;\n"
    "} row_key;\n"
    "\n"
    "static int cmp_key(const void *a, const void *b)\n"
    "{\n"
    "    const row_key *x = a, *y = b;\n"
    "    if (x->region != y->region)\n"
    "        return x->region < y->region ? -1 : 1;\n"
    "    return (x->year > y->year) - (x->year < y->year);\n"
    "}\n"
    "\n"
    "/* The rows sorted by (region, year) and where each region's rows start. */\n"
    "typedef struct table {\n"
    "    size_t n;\n"
    "    uint32_t *region;\n"
    "    int32_t *year;\n"
    "    size_t *first;               /* N_REGIONS + 1 entries */\n"
    "} table;\n"
    "\n"
    "/* The row of (region, year), or -1 (table.h's rt_table_find). */\n"
    "static long find_row(const table *t, uint32_t region, long year)\n"
    "{\n"
    "    size_t lo = t->first[region], hi = t->first[region + 1];\n"
    "    while (lo < hi) {\n"
    "        size_t mid = lo + (hi - lo) / 2;\n"
    "        if (t->year[mid] < year)\n"
    "            lo = mid + 1;\n"
    "        else if (t->year[mid] > year)\n"
    "            hi = mid;\n"
    "        else\n"
    "            return (long)mid;\n"
    "    }\n"
    "    return -1;\n"
    "}\n"
    "\n"
    "/* rt_peak (runtime/exec.c). */\n"
    "static void run_peak(const table *t, const run_op *s, const double *a, double *out)\n"
    "{\n"
    "    const long y0 = s->aux;\n"
    "    const double tol = s->imm;\n"
    "    bool complete = false, stable = false;\n"
    "    long last = 0, peak = 0;\n"
    "    double max = 0, prev = 0;\n"
    "    for (size_t r = 0; r < t->n; r++) {\n"
    "        long y = t->year[r];\n"
    "        bool first = r == 0 || t->region[r] != t->region[r - 1];\n"
    "        if (first)\n"
    "            complete = false;\n"
    "        double v = a[r];\n"
    "        if (y < y0) {\n"
    "            out[r] = NAN;\n"
    "        } else {\n"
    "            if (y == y0) {\n"
    "                complete = !isnan(v);\n"
    "                max = prev = v;\n"
    "                peak = y;\n"
    "                stable = true;\n"
    "            } else if (complete && y == last + 1 && !isnan(v)) {\n"
    "                if (v > max) {\n"
    "                    max = v;\n"
    "                    peak = y;\n"
    "                    stable = true;\n"
    "                } else if (!(v - prev <= tol * fabs(prev))) {\n"
    "                    stable = false;\n"
    "                }\n"
    "                prev = v;\n"
    "            } else {\n"
    "                complete = false;\n"
    "            }\n"
    "            out[r] = !complete ? NAN : peak < y && stable ? 1.0 : 0.0;\n"
    "        }\n"
    "        last = y;\n"
    "    }\n"
    "}\n"
    "\n"
    "/* A walk from a region up to every region above it, each once: its parent\n"
    " * and the regional groups listing it, then theirs (compiler/ir.c ir_up_*). */\n"
    "typedef struct upwalk {\n"
    "    uint32_t *mark, *stack;\n"
    "    uint32_t n, walk;\n"
    "    int32_t last;\n"
    "} upwalk;\n"
    "\n"
    "/* Makes a walker; false when out of memory. */\n"
    "static bool up_init(upwalk *w)\n"
    "{\n"
    "    *w = (upwalk){calloc(N_REGIONS ? N_REGIONS : 1, sizeof(uint32_t)),\n"
    "                  calloc(N_REGIONS ? N_REGIONS : 1, sizeof(uint32_t)), 0, 0, -1};\n"
    "    return w->mark && w->stack;\n"
    "}\n"
    "\n"
    "static void up_free(upwalk *w)\n"
    "{\n"
    "    free(w->mark);\n"
    "    free(w->stack);\n"
    "}\n"
    "\n"
    "static void up_push(upwalk *w, int32_t r)\n"
    "{\n"
    "    if (r < 0 || (uint32_t)r >= N_REGIONS || w->mark[r] == w->walk)\n"
    "        return;\n"
    "    w->mark[r] = w->walk;\n"
    "    w->stack[w->n++] = (uint32_t)r;\n"
    "}\n"
    "\n"
    "static void up_holders(upwalk *w, uint32_t r)\n"
    "{\n"
    "    up_push(w, regions[r].parent);\n"
    "    for (uint32_t k = 0; k < region_groups[r].n; k++)\n"
    "        up_push(w, (int32_t)region_groups[r].list[k]);\n"
    "}\n"
    "\n"
    "static void up_start(upwalk *w, uint32_t r)\n"
    "{\n"
    "    if (++w->walk == 0) {\n"
    "        memset(w->mark, 0, N_REGIONS * sizeof *w->mark);\n"
    "        w->walk = 1;\n"
    "    }\n"
    "    w->n = 0;\n"
    "    w->last = -1;\n"
    "    w->mark[r] = w->walk;\n"
    "    up_holders(w, r);\n"
    "}\n"
    "\n"
    "static int32_t up_next(upwalk *w)\n"
    "{\n"
    "    if (w->last >= 0)\n"
    "        up_holders(w, (uint32_t)w->last);\n"
    "    w->last = w->n ? (int32_t)w->stack[--w->n] : -1;\n"
    "    return w->last;\n"
    "}\n"
    "\n"
    "/* mean_of (runtime/exec.c): a mean whose sum overflowed is the sum\n"
    " * scaled by 2^-40's, scaled back. */\n"
    "static double mean_of(double sum, double scaled, double n)\n"
    "{\n"
    "    if (isinf(sum) && isfinite(scaled))\n"
    "        return scaled / n * 0x1p40;\n"
    "    return sum / n;\n"
    "}\n"
    "\n"
    "/* rt_share (runtime/exec.c): imm is the kind, 0 share, 1 total, 2 lowest,\n"
    " * 3 highest, 4 average.  Returns false when out of memory. */\n"
    "static bool run_share(const table *t, const run_op *s, const double *a, double *out)\n"
    "{\n"
    "    const uint32_t level = s->aux;\n"
    "    const int kind = (int)s->imm;\n"
    "    size_t n = t->n;\n"
    "    upwalk w;\n"
    "    uint32_t *below = calloc(N_REGIONS ? N_REGIONS : 1, sizeof *below);\n"
    "    double *acc = calloc(n ? n : 1, sizeof *acc), *cnt = calloc(n ? n : 1, sizeof *cnt);\n"
    "    double *sacc = calloc(n ? n : 1, sizeof *sacc);\n"
    "    if (!up_init(&w) || !below || !acc || !cnt || !sacc) {\n"
    "        up_free(&w);\n"
    "        free(below);\n"
    "        free(acc);\n"
    "        free(sacc);\n"
    "        free(cnt);\n"
    "        return false;\n"
    "    }\n"
    "    for (uint32_t d = 0; d < N_REGIONS; d++) {\n"
    "        if (regions[d].level != level)\n"
    "            continue;\n"
    "        up_start(&w, d);\n"
    "        for (int32_t anc; (anc = up_next(&w)) >= 0;)\n"
    "            below[anc]++;\n"
    "    }\n"
    "    for (size_t r = 0; r < n; r++) {\n"
    "        uint32_t d = t->region[r];\n"
    "        double v = a[r];\n"
    "        if (regions[d].level != level || isnan(v))\n"
    "            continue;\n"
    "        up_start(&w, d);\n"
    "        for (int32_t anc; (anc = up_next(&w)) >= 0;) {\n"
    "            long at = find_row(t, (uint32_t)anc, t->year[r]);\n"
    "            if (at < 0)\n"
    "                continue;\n"
    "            if (kind == 0)\n"
    "                acc[at] += v == 1.0;\n"
    "            else if (kind == 1 || kind == 4)\n"
    "                acc[at] += v;\n"
    "            else if (cnt[at] == 0 || (kind == 2 ? v < acc[at] : v > acc[at]))\n"
    "                acc[at] = v;\n"
    "            if (kind == 4)\n"
    "                sacc[at] += v * 0x1p-40;\n"
    "            cnt[at] += 1;\n"
    "        }\n"
    "    }\n"
    "    for (size_t r = 0; r < n; r++) {\n"
    "        uint32_t want = below[t->region[r]];\n"
    "        double v = NAN;\n"
    "        if (want > 0 && cnt[r] > 0)\n"
    "            v = kind == 0 ? 100.0 * acc[r] / cnt[r] : kind == 1 ? (cnt[r] == want ? acc[r] : NAN)\n"
    "              : kind == 4 ? mean_of(acc[r], sacc[r], cnt[r]) : acc[r];\n"
    "        out[r] = v;\n"
    "    }\n"
    "    up_free(&w);\n"
    "    free(below);\n"
    "    free(acc);\n"
    "    free(sacc);\n"
    "    free(cnt);\n"
    "    return true;\n"
    "}\n"
    "\n"
    "/* rt_peer (runtime/exec.c).  Returns false when out of memory. */\n"
    "static bool run_peer(const table *t, const run_op *s, const double *a, double *out)\n"
    "{\n"
    "    size_t n = t->n;\n"
    "    if (n == 0)\n"
    "        return true;\n"
    "    int ymin = t->year[0], ymax = ymin;\n"
    "    for (size_t r = 1; r < n; r++) {\n"
    "        ymin = t->year[r] < ymin ? t->year[r] : ymin;\n"
    "        ymax = t->year[r] > ymax ? t->year[r] : ymax;\n"
    "    }\n"
    "    size_t span = (size_t)(ymax - ymin) + 1, nb = span * (N_LEVELS > 0 ? N_LEVELS : 1);\n"
    "    double *acc = malloc(nb * sizeof *acc), *cnt = calloc(nb, sizeof *cnt);\n"
    "    double *sacc = calloc(nb, sizeof *sacc);\n"
    "    if (!acc || !cnt || !sacc) {\n"
    "        free(acc);\n"
    "        free(sacc);\n"
    "        free(cnt);\n"
    "        return false;\n"
    "    }\n"
    "    for (size_t b = 0; b < nb; b++)\n"
    "        acc[b] = NAN;\n"
    "    for (size_t r = 0; r < n; r++) {\n"
    "        double v = a[r];\n"
    "        if (isnan(v))\n"
    "            continue;\n"
    "        size_t b = regions[t->region[r]].level * span + (size_t)(t->year[r] - ymin);\n"
    "        if (cnt[b] == 0)\n"
    "            acc[b] = v;\n"
    "        else if (s->aux == 0 ? v < acc[b] : s->aux == 1 ? v > acc[b] : false)\n"
    "            acc[b] = v;\n"
    "        else if (s->aux == 2)\n"
    "            acc[b] += v;\n"
    "        sacc[b] += v * 0x1p-40;\n"
    "        cnt[b] += 1;\n"
    "    }\n"
    "    for (size_t r = 0; r < n; r++) {\n"
    "        size_t b = regions[t->region[r]].level * span + (size_t)(t->year[r] - ymin);\n"
    "        out[r] = cnt[b] == 0 ? NAN : s->aux == 2 ? mean_of(acc[b], sacc[b], cnt[b]) : acc[b];\n"
    "    }\n"
    "    free(acc);\n"
    "    free(sacc);\n"
    "    free(cnt);\n"
    "    return true;\n"
    "}\n"
    "\n"
    "/* rt_cumsum (runtime/exec.c), for OP_CUMSUM and OP_CUMMAX.  Returns false\n"
    " * when out of memory. */\n"
    "static bool run_cumsum(const table *t, const run_op *s, const double *a, double *out)\n"
    "{\n"
    "    size_t n = t->n;\n"
    "    const long first = s->aux;\n"
    "    const bool peak = s->kind == OP_CUMMAX;\n"
    "    const double before = peak ? NAN : 0;\n"
    "    double *sum = malloc((n ? n : 1) * sizeof *sum);\n"
    "    if (!sum)\n"
    "        return false;\n"
    "    size_t lo = 0;\n"
    "    while (lo < n) {\n"
    "        uint32_t region = t->region[lo];\n"
    "        size_t hi = lo;\n"
    "        while (hi < n && t->region[hi] == region)\n"
    "            hi++;\n"
    "        bool complete = true;\n"
    "        double acc = 0;\n"
    "        long expect = first;\n"
    "        for (size_t r = lo; r < hi; r++) {\n"
    "            long y = t->year[r];\n"
    "            if (y < first) {\n"
    "                sum[r] = y == first - 1 ? before : NAN;\n"
    "                continue;\n"
    "            }\n"
    "            if (complete && (y != expect || isnan(a[r])))\n"
    "                complete = false;\n"
    "            if (complete) {\n"
    "                if (!peak)\n"
    "                    acc += a[r];\n"
    "                else if (y == first || a[r] > acc)\n"
    "                    acc = a[r];\n"
    "                expect = y + 1;\n"
    "            }\n"
    "            sum[r] = complete ? acc : NAN;\n"
    "        }\n"
    "        for (size_t r = lo; r < hi; r++) {\n"
    "            long at = s->imm >= 1 ? (long)s->imm : t->year[r] + (long)s->imm;\n"
    "            if (at == first - 1) {\n"
    "                out[r] = before;\n"
    "            } else if (at < first) {\n"
    "                out[r] = NAN;\n"
    "            } else {\n"
    "                long row = find_row(t, region, at);\n"
    "                out[r] = row < 0 ? NAN : sum[row];\n"
    "            }\n"
    "        }\n"
    "        lo = hi;\n"
    "    }\n"
    "    free(sum);\n"
    "    return true;\n"
    "}\n"
    "\n"
    "/* rt_shift (runtime/exec.c), for OP_SHIFT: column a read on the row of\n"
    " * the same region in the shifted year, NaN where there is none. */\n"
    "static void run_shift(const table *t, const run_op *s, const double *a, double *out)\n"
    "{\n"
    "    for (size_t r = 0; r < t->n; r++) {\n"
    "        long at = s->imm >= 1 ? (long)s->imm : t->year[r] + (long)s->imm;\n"
    "        long row = find_row(t, t->region[r], at);\n"
    "        out[r] = row < 0 ? NAN : a[row];\n"
    "    }\n"
    "}\n"
    "\n"
    "/* rt_parent (runtime/exec.c), for OP_PARENT: column a read on the row of\n"
    " * the region above (its parent, or the first at level aux up its\n"
    " * parents) in the row's year, NaN where there is none. */\n"
    "static void run_parent(const table *t, const run_op *s, const double *a, double *out)\n"
    "{\n"
    "    for (size_t r = 0; r < t->n; r++) {\n"
    "        int32_t q = regions[t->region[r]].parent;\n"
    "        for (uint32_t hops = 0; s->aux != UINT32_MAX && q >= 0 && regions[q].level != s->aux &&\n"
    "                                hops < N_REGIONS; hops++)\n"
    "            q = regions[q].parent;\n"
    "        long row = q < 0 ? -1 : find_row(t, (uint32_t)q, t->year[r]);\n"
    "        out[r] = row < 0 ? NAN : a[row];\n"
    "    }\n"
    "}\n"
    "\n"
    "static void free_result(planc_result *res)\n"
    "{\n"
    "    result *r = (result *)res;\n"
    "    if (!r)\n"
    "        return;\n"
    "    free(r->block);\n"
    "    free(r->cols);\n"
    "    free(r->outputs);\n"
    "    free(r->region);\n"
    "    free(r->year);\n"
    "    free(r->source);\n"
    "    free(r);\n"
    "}\n"
    "\n"
    "/* Checks the input rows; 0 or an error code with a message. */\n"
    "static int check_input(const planc_input *in, char *err, size_t errlen)\n"
    "{\n"
    "    if (!in)\n"
    "        return fail(err, errlen, PLANC_E_ARGS, \"no input\");\n"
    "    if (in->nrows && (!in->region || !in->year || (N_COLUMNS && !in->columns)))\n"
    "        return fail(err, errlen, PLANC_E_ARGS, \"the input has rows but no region, year or column arrays\");\n"
    "    if (in->nrows > ((size_t)1 << 40))\n"
    "        return fail(err, errlen, PLANC_E_ROWS, \"too many rows (%zu)\", in->nrows);\n"
    "    for (uint32_t c = 0; c < N_COLUMNS; c++)\n"
    "        if (in->nrows && !in->columns[c])\n"
    "            return fail(err, errlen, PLANC_E_ARGS, \"input column %u ('%s') is NULL\", c, columns[c].name);\n"
    "    for (size_t r = 0; r < in->nrows; r++) {\n"
    "        if (in->region[r] >= N_REGIONS)\n"
    "            return fail(err, errlen, PLANC_E_ROWS, \"row %zu: region index %u is out of range (0..%u)\",\n"
    "                        r, in->region[r], N_REGIONS - 1);\n"
    "        if (in->year[r] < 1 || in->year[r] > 9999)\n"
    "            return fail(err, errlen, PLANC_E_ROWS, \"row %zu: year %d is out of range (1..9999)\",\n"
    "                        r, (int)in->year[r]);\n"
    "    }\n"
    "    for (uint32_t c = 0; c < N_COLUMNS; c++)\n"
    "        for (size_t r = 0; r < in->nrows; r++) {\n"
    "            double v = in->columns[c][r];\n"
    "            if (isinf(v))\n"
    "                return fail(err, errlen, PLANC_E_ROWS, \"row %zu, column '%s': an infinite value\", r,\n"
    "                            columns[c].name);\n"
    "            if (columns[c].type == PLANC_COL_YESNO && !isnan(v) && v != 0.0 && v != 1.0)\n"
    "                return fail(err, errlen, PLANC_E_ROWS,\n"
    "                            \"row %zu, column '%s': %.17g is not a yes/no value (1, 0 or NaN)\", r,\n"
    "                            columns[c].name, v);\n"
    "        }\n"
    "    return PLANC_OK;\n"
    "}\n"
    "\n"
    "/* Sorts the rows, rejects duplicates and adds the rows share targets need\n"
    " * for the regions above (table.c).  *keys receives the rows; returns 0 or\n"
    " * an error. */\n"
    "static int make_rows(const planc_input *in, row_key **keys, size_t *nkeys, char *err, size_t errlen)\n"
    "{\n"
    "    size_t n = in->nrows, cap = n ? n : 1;\n"
    "    row_key *k = malloc(cap * sizeof *k);\n"
    "    if (!k)\n"
    "        return fail(err, errlen, PLANC_E_NOMEM, \"out of memory\");\n"
    "    for (size_t r = 0; r < n; r++)\n"
    "        k[r] = (row_key){in->region[r], in->year[r], (int64_t)r};\n"
    "    qsort(k, n, sizeof *k, cmp_key);\n"
    "    for (size_t r = 1; r < n; r++)\n"
    "        if (k[r].region == k[r - 1].region && k[r].year == k[r - 1].year) {\n"
    "            int64_t a = k[r - 1].source < k[r].source ? k[r - 1].source : k[r].source;\n"
    "            int64_t b = k[r - 1].source < k[r].source ? k[r].source : k[r - 1].source;\n"
    "            const char *name = regions[k[r].region].name;\n"
    "            int year = (int)k[r].year;\n"
    "            free(k);\n"
    "            return fail(err, errlen, PLANC_E_ROWS, \"rows %lld and %lld are both for %s %d\",\n"
    "                        (long long)a, (long long)b, name, year);\n"
    "        }\n"
    "    size_t total = n;\n"
    "#if HAS_SHARE\n"
    "    /* Candidate rows of the regions above each row's, then those the data\n"
    "     * does not have. */\n"
    "    upwalk w;\n"
    "    if (!up_init(&w)) {\n"
    "        up_free(&w);\n"
    "        free(k);\n"
    "        return fail(err, errlen, PLANC_E_NOMEM, \"out of memory\");\n"
    "    }\n"
    "    for (size_t r = 0; r < n; r++) {\n"
    "        up_start(&w, k[r].region);\n"
    "        for (int32_t a; (a = up_next(&w)) >= 0;) {\n"
    "            if (total == cap) {\n"
    "                row_key *bigger = cap < ((size_t)1 << 50) ? realloc(k, 2 * cap * sizeof *k) : NULL;\n"
    "                if (!bigger) {\n"
    "                    up_free(&w);\n"
    "                    free(k);\n"
    "                    return fail(err, errlen, PLANC_E_NOMEM, \"out of memory\");\n"
    "                }\n"
    "                k = bigger;\n"
    "                cap *= 2;\n"
    "            }\n"
    "            k[total++] = (row_key){(uint32_t)a, k[r].year, -1};\n"
    "        }\n"
    "    }\n"
    "    up_free(&w);\n"
    "    qsort(k + n, total - n, sizeof *k, cmp_key);\n"
    "    size_t added = n;\n"
    "    for (size_t i = n; i < total; i++) {\n"
    "        if (i > n && k[i].region == k[i - 1].region && k[i].year == k[i - 1].year)\n"
    "            continue;\n"
    "        row_key key = k[i];\n"
    "        if (bsearch(&key, k, n, sizeof *k, cmp_key))\n"
    "            continue;\n"
    "        k[added++] = key;\n"
    "    }\n"
    "    total = added;\n"
    "    qsort(k, total, sizeof *k, cmp_key);\n"
    "#endif\n"
    "    *keys = k;\n"
    "    *nkeys = total;\n"
    "    return PLANC_OK;\n"
    "}\n"
    "\n"
    "/* Builds input column i over the sorted rows (table.c's build_inputs). */\n"
    "static void build_input(const table *t, const planc_input *in, const int64_t *source,\n"
    "                        const in_def *d, double *col)\n"
    "{\n"
    "    if (t->n == 0)\n"
    "        return;                  /* (in->columns may be NULL) */\n"
    "    switch (d->kind) {\n"
    "    case IN_DATA: {\n"
    "        const double *data = in->columns[d->column];\n"
    "        for (size_t r = 0; r < t->n; r++) {\n"
    "            long y = d->absolute ? d->year : (long)t->year[r] + d->rel;\n"
    "            long at = d->absolute || d->rel ? find_row(t, t->region[r], y) : (long)r;\n"
    "            col[r] = at < 0 || source[at] < 0 ? NAN : data[source[at]] * d->scale;\n"
    "        }\n"
    "        break;\n"
    "    }\n"
    "    case IN_YEAR:\n"
    "        for (size_t r = 0; r < t->n; r++)\n"
    "            col[r] = t->year[r];\n"
    "        break;\n"
    "    case IN_PRESENT:\n"
    "        for (size_t r = 0; r < t->n; r++)\n"
    "            col[r] = source[r] >= 0 ? 1.0 : 0.0;\n"
    "        break;\n"
    "    case IN_TABLE:\n"
    "        for (size_t r = 0; r < t->n; r++) {\n"
    "            uint32_t g = t->region[r];\n"
    "            col[r] = d->values[g];\n"
    "            if (!d->by_first)\n"
    "                continue;\n"
    "            /* the region's run holding the year, found by halving\n"
    "             * its runs: the last one from a year <= y */\n"
    "            long y = d->absolute ? d->year : (long)t->year[r] + d->rel;\n"
    "            uint32_t lo = d->by_first[g], hi = d->by_first[g + 1];\n"
    "            while (lo < hi) {\n"
    "                uint32_t mid = lo + (hi - lo) / 2;\n"
    "                if (d->by_from[mid] <= y)\n"
    "                    lo = mid + 1;\n"
    "                else\n"
    "                    hi = mid;\n"
    "            }\n"
    "            if (lo > d->by_first[g] && y <= d->by_to[lo - 1])\n"
    "                col[r] = d->by_values[lo - 1];\n"
    "        }\n"
    "        break;\n"
    "    default:\n"
    "        for (size_t r = 0; r < t->n; r++)\n"
    "            col[r] = scope_member[d->scope * N_REGIONS + t->region[r]] ? 1.0 : 0.0;\n"
    "        break;\n"
    "    }\n"
    "}\n"
    "\n"
    "#if POLICY_ERROR\n"
    "/* exec.c's blame_year: when target i's data for row r's region in year\n"
    " * y is absent (no row, or a cell of a column the target reads missing),\n"
    " * the PLANC_E_MISSING message for row r blaming it; else 0. */\n"
    "static int blame_year(const table *t, const planc_input *in, const int64_t *source, uint32_t i,\n"
    "                      size_t r, long y, char *err, size_t errlen)\n"
    "{\n"
    "    const char *rn = regions[t->region[r]].name;\n"
    "    int year = (int)t->year[r];\n"
    "    long at = find_row(t, t->region[r], y);\n"
    "    if (at < 0) {\n"
    "        if (blame_cols_first[i] == blame_cols_first[i + 1])\n"
    "            return 0;\n"
    "        return fail(err, errlen, PLANC_E_MISSING,\n"
    "                    \"target '%s' has no value for %s %d (input row %lld: the data has no row for \"\n"
    "                    \"%s %ld) and the assessment's missing-data policy is 'error'\",\n"
    "                    targets[i].name, rn, year, (long long)source[r], rn, y);\n"
    "    }\n"
    "    for (uint32_t k = blame_cols_first[i]; k < blame_cols_first[i + 1]; k++) {\n"
    "        uint32_t c = blame_cols[k];\n"
    "        if (source[at] >= 0 && !isnan(in->columns[c][source[at]]))\n"
    "            continue;\n"
    "        if (y == year)\n"
    "            return fail(err, errlen, PLANC_E_MISSING,\n"
    "                        \"target '%s' has no value for %s %d (input row %lld: column '%s') and the \"\n"
    "                        \"assessment's missing-data policy is 'error'\",\n"
    "                        targets[i].name, rn, year, (long long)source[r], columns[c].name);\n"
    "        return fail(err, errlen, PLANC_E_MISSING,\n"
    "                    \"target '%s' has no value for %s %d (input row %lld: column '%s' is missing in %ld) \"\n"
    "                    \"and the assessment's missing-data policy is 'error'\",\n"
    "                    targets[i].name, rn, year, (long long)source[r], columns[c].name, y);\n"
    "    }\n"
    "    return 0;\n"
    "}\n"
    "\n"
    "/* exec.c's missing_error: the year whose data is to blame for target i\n"
    " * on row r (the row's own, the baseline's, those between them, then the\n"
    " * years the target reads by name or by offset: blame_kind 0 the year\n"
    " * blame_a, 1 the row's year + blame_a, 2 the years from blame_a to\n"
    " * blame_b (>= 1) or to the row's year + blame_b), as planc run names it. */\n"
    "static int blame_missing(const table *t, const planc_input *in, const int64_t *source, uint32_t i,\n"
    "                         size_t r, char *err, size_t errlen)\n"
    "{\n"
    "    long year = t->year[r], y0 = target_y0[i];\n"
    "    int rc;\n"
    "    if ((rc = blame_year(t, in, source, i, r, year, err, errlen)))\n"
    "        return rc;\n"
    "    if (y0 < year && (rc = blame_year(t, in, source, i, r, y0, err, errlen)))\n"
    "        return rc;\n"
    "    for (long y = year - 1; y > y0; y--)\n"
    "        if ((rc = blame_year(t, in, source, i, r, y, err, errlen)))\n"
    "            return rc;\n"
    "    for (uint32_t k = blame_first[i]; k < blame_first[i + 1]; k++) {\n"
    "        long from = blame_kind[k] == 1 ? year + blame_a[k] : blame_a[k], to = from;\n"
    "        if (blame_kind[k] == 2)\n"
    "            to = blame_b[k] >= 1 ? blame_b[k] : year + blame_b[k];\n"
    "        for (long y = from; y <= to && y <= 9999; y++)\n"
    "            if ((y > year || y < y0) && (rc = blame_year(t, in, source, i, r, y, err, errlen)))\n"
    "                return rc;\n"
    "    }\n"
    "    return fail(err, errlen, PLANC_E_MISSING,\n"
    "                \"target '%s' has no value for %s %d (input row %lld) and the \"\n"
    "                \"assessment's missing-data policy is 'error'\",\n"
    "                targets[i].name, regions[t->region[r]].name, (int)year, (long long)source[r]);\n"
    "}\n"
    "#endif\n"
    "\n"
    "/* The `error` missing-data policy (exec.c's check_missing): the first row,\n"
    " * in result order, where a target is missing, with the year whose data\n"
    " * is to blame; on a row added for share targets only share targets\n"
    " * count. */\n"
    "static int check_missing(const table *t, const planc_input *in, const int64_t *source,\n"
    "                         double *const *cols, char *err, size_t errlen)\n"
    "{\n"
    "#if POLICY_ERROR\n"
    "    for (size_t r = 0; r < t->n; r++)\n"
    "        for (uint32_t i = 0; i < N_TARGETS; i++)\n"
    "            if (cols[target_status[i]][r] == PLANC_MISSING && (source[r] >= 0 || target_shared[i])) {\n"
    "                if (source[r] >= 0)\n"
    "                    return blame_missing(t, in, source, i, r, err, errlen);\n"
    "                if (target_own[i] >= 0)\n"
    "                    return fail(err, errlen, PLANC_E_MISSING,\n"
    "                                \"target '%s' has no value for %s %d (the input has no row for %s %d, \"\n"
    "                                \"which was added for the targets that read the regions below, and the \"\n"
    "                                \"target reads its own column '%s') and the assessment's missing-data \"\n"
    "                                \"policy is 'error'\",\n"
    "                                targets[i].name, regions[t->region[r]].name, (int)t->year[r],\n"
    "                                regions[t->region[r]].name, (int)t->year[r], columns[target_own[i]].name);\n"
    "                return fail(err, errlen, PLANC_E_MISSING,\n"
    "                            \"target '%s' has no value for %s %d (no region below it has a value) \"\n"
    "                            \"and the assessment's missing-data policy is 'error'\",\n"
    "                            targets[i].name, regions[t->region[r]].name, (int)t->year[r]);\n"
    "            }\n"
    "#else\n"
    "    (void)t;\n"
    "    (void)in;\n"
    "    (void)source;\n"
    "    (void)cols;\n"
    "    (void)err;\n"
    "    (void)errlen;\n"
    "#endif\n"
    "    return PLANC_OK;\n"
    "}\n"
    "\n"
    "/* A target's value, goal or expected value that overflowed (exec.c's\n"
    " * rt_first_overflow and rt_overflow_error): the first row, in result\n"
    " * order, and its first such number; the goal and the expected value\n"
    " * only where the target applies (no report shows them elsewhere). */\n"
    "static int check_overflow(const table *t, const int64_t *source, double *const *cols,\n"
    "                          char *err, size_t errlen)\n"
    "{\n"
    "    static const char *const what[] = {\"value\", \"goal\", \"expected value\"};\n"
    "    for (size_t r = 0; r < t->n; r++)\n"
    "        for (uint32_t i = 0; i < N_TARGETS; i++)\n"
    "            for (int k = 0; k < 3; k++) {\n"
    "                if (!isinf(cols[target_numbers[3 * i + k]][r]) ||\n"
    "                    (k > 0 && cols[target_status[i]][r] == PLANC_NOT_APPLICABLE))\n"
    "                    continue;\n"
    "                char row[48] = \"\";\n"
    "                if (source[r] >= 0)\n"
    "                    snprintf(row, sizeof row, \" (input row %lld)\", (long long)source[r]);\n"
    "                return fail(err, errlen, PLANC_E_OVERFLOW,\n"
    "                            \"target '%s' for %s %d%s: its %s, computed from %s, overflows: \"\n"
    "                            \"it is beyond ±1.8e308, the largest number planc holds\",\n"
    "                            targets[i].name, regions[t->region[r]].name, (int)t->year[r], row,\n"
    "                            what[k], target_reads[3 * i + k]);\n"
    "            }\n"
    "    return PLANC_OK;\n"
    "}\n"
    "\n"
    "static int score(const planc_input *in, planc_result **out, char *err, size_t errlen)\n"
    "{\n"
    "    if (err && errlen)\n"
    "        err[0] = '\\0';\n"
    "    if (!out)\n"
    "        return fail(err, errlen, PLANC_E_ARGS, \"no place for the result\");\n"
    "    *out = NULL;\n"
    "    int rc = check_input(in, err, errlen);\n"
    "    if (rc != PLANC_OK)\n"
    "        return rc;\n"
    "\n"
    "    row_key *keys = NULL;\n"
    "    size_t n = 0;\n"
    "    rc = make_rows(in, &keys, &n, err, errlen);\n"
    "    if (rc != PLANC_OK)\n"
    "        return rc;\n"
    "    result *res = calloc(1, sizeof *res);\n"
    "    size_t first[N_REGIONS + 1];\n"
    "    double *inputs[N_INPUTS ? N_INPUTS : 1] = {0}, *inblock = NULL;\n"
    "    if (!res)\n"
    "        goto nomem;\n"
    "    size_t m = n ? n : 1;\n"
    "    res->region = malloc(m * sizeof *res->region);\n"
    "    res->year = malloc(m * sizeof *res->year);\n"
    "    res->source = malloc(m * sizeof *res->source);\n"
    "    res->cols = calloc(N_STEPS ? N_STEPS : 1, sizeof *res->cols);\n"
    "    res->outputs = calloc(N_OUTPUTS ? N_OUTPUTS : 1, sizeof *res->outputs);\n"
    "    if (!res->region || !res->year || !res->source || !res->cols || !res->outputs)\n"
    "        goto nomem;\n"
    "    for (size_t r = 0; r < n; r++) {\n"
    "        res->region[r] = keys[r].region;\n"
    "        res->year[r] = keys[r].year;\n"
    "        res->source[r] = keys[r].source;\n"
    "    }\n"
    "    free(keys);\n"
    "    keys = NULL;\n"
    "\n"
    "    /* Where each region's rows start, for find_row. */\n"
    "    for (uint32_t g = 0, r = 0; g <= N_REGIONS; g++) {\n"
    "        while (r < n && res->region[r] < g)\n"
    "            r++;\n"
    "        first[g] = r;\n"
    "    }\n"
    "    table t = {n, res->region, res->year, first};\n"
    "\n"
    "    /* The columns, inputs and results, each in one block and an odd\n"
    "     * number of 64-byte lines apart, as runtime/exec.c lays them out\n"
    "     * (rt_col_stride in runtime/rtmem.h: no two neighbours start on the\n"
    "     * same line of a page, which would stall the kernels). */\n"
    "    size_t stride = ((m + 7) / 8 | 1) * 8, nmat = 0;\n"
    "    for (uint32_t s = 0; s < N_STEPS; s++)\n"
    "        nmat += materialized[s] != 0;\n"
    "    if (stride > SIZE_MAX / sizeof(double) / (N_INPUTS + nmat + 1))\n"
    "        goto nomem;\n"
    "    inblock = malloc((N_INPUTS ? N_INPUTS : 1) * stride * sizeof(double));\n"
    "    res->block = malloc((nmat ? nmat : 1) * stride * sizeof(double));\n"
    "    if (!inblock || !res->block)\n"
    "        goto nomem;\n"
    "    for (uint32_t i = 0; i < N_INPUTS; i++) {\n"
    "        inputs[i] = inblock + (size_t)i * stride;\n"
    "        build_input(&t, in, res->source, &input_defs[i], inputs[i]);\n"
    "    }\n"
    "    for (uint32_t s = 0, k = 0; s < N_STEPS; s++)\n"
    "        if (materialized[s])\n"
    "            res->cols[s] = res->block + (size_t)k++ * stride;\n"
    "    for (uint32_t k = 0; k < N_FILLS; k++)\n"
    "        for (size_t r = 0; r < n; r++)\n"
    "            res->cols[fills[k].slot][r] =\n"
    "                fills[k].input >= 0 ? inputs[fills[k].input][r] : fills[k].imm;\n"
    "\n"
    "    for (uint32_t k = 0; k < N_RUN; k++) {\n"
    "        const run_op *op = &run_ops[k];\n"
    "        if (op->kind == OP_SEGMENT)\n"
    "            seg_fns[op->seg]((const double *const *)inputs, res->cols, 0, (int64_t)n);\n"
    "        else if (op->kind == OP_PEAK)\n"
    "            run_peak(&t, op, res->cols[op->a], res->cols[op->slot]);\n"
    "        else if (op->kind == OP_SHIFT)\n"
    "            run_shift(&t, op, res->cols[op->a], res->cols[op->slot]);\n"
    "        else if (op->kind == OP_PARENT)\n"
    "            run_parent(&t, op, res->cols[op->a], res->cols[op->slot]);\n"
    "        else if (op->kind == OP_SHARE ? !run_share(&t, op, res->cols[op->a], res->cols[op->slot])\n"
    "                 : op->kind == OP_PEER ? !run_peer(&t, op, res->cols[op->a], res->cols[op->slot])\n"
    "                                       : !run_cumsum(&t, op, res->cols[op->a], res->cols[op->slot]))\n"
    "            goto nomem;\n"
    "    }\n"
    "    free(inblock);\n"
    "\n"
    "    rc = check_missing(&t, in, res->source, res->cols, err, errlen);\n"
    "    if (rc == PLANC_OK)\n"
    "        rc = check_overflow(&t, res->source, res->cols, err, errlen);\n"
    "    if (rc != PLANC_OK) {\n"
    "        free_result(&res->pub);\n"
    "        return rc;\n"
    "    }\n"
    "    for (uint32_t k = 0; k < N_OUTPUTS; k++)\n"
    "        res->outputs[k] = res->cols[output_slot[k]];\n"
    "    res->pub = (planc_result){n, res->region, res->year, res->source,\n"
    "                              (const double *const *)res->outputs};\n"
    "    *out = &res->pub;\n"
    "    return PLANC_OK;\n"
    "\n"
    "nomem:\n"
    "    free(keys);\n"
    "    free(inblock);\n"
    "    free_result(res ? &res->pub : NULL);\n"
    "    return fail(err, errlen, PLANC_E_NOMEM, \"out of memory\");\n"
    "}\n"
    "\n"
    "/* score for a program of version 1 or 2, whose header has no\n"
    " * PLANC_E_OVERFLOW: the same error as PLANC_E_ROWS, a bad row. */\n"
    "static int score_before_v3(const planc_input *in, planc_result **out, char *err, size_t errlen)\n"
    "{\n"
    "    int rc = score(in, out, err, errlen);\n"
    "    return rc == PLANC_E_OVERFLOW ? PLANC_E_ROWS : rc;\n"
    "}\n"
    "\n"
    "EXPORT uint32_t planc_abi_version(void)\n"
    "{\n"
    "    return PLANC_ABI_VERSION;\n"
    "}\n"
    "\n"
    "EXPORT const planc_library *planc_get_library(uint32_t abi_version)\n"
    "{\n"
    "    return abi_version == 3 ? &library : abi_version == 2 ? &library_v2\n"
    "         : abi_version == 1 ? &library_v1 : NULL;\n"
    "}\n";

/* ---------------------------------------------------------------- messages */

/* ---------------------------------------------------------------- C text */

/* printf into a new malloc'd string; NULL when out of memory. */
static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* Writes s as a C string literal, every byte outside printable ASCII (and
 * '?', which could start a trigraph) as a three-digit octal escape; NULL
 * as the null pointer constant. */
static void put_cstr(FILE *f, const char *s)
{
    if (!s) {
        fputs("NULL", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(f, "\\%c", *c);
        else if (*c < 0x20 || *c >= 0x7f || *c == '?')
            fprintf(f, "\\%03o", *c);
        else
            fputc(*c, f);
    }
    fputc('"', f);
}

/* Writes v as an exact C constant (hexadecimal floating point). */
static void put_double(FILE *f, double v)
{
    if (isnan(v))
        fputs("NAN", f);
    else if (isinf(v))
        fputs(v < 0 ? "-INFINITY" : "INFINITY", f);
    else
        fprintf(f, "%a", v);
}

/* The ABI's enum planc_op of milestone m: PLANC_OP_NONE (0) for a
 * deadline without a goal (peaks ... by D: no goal, none from the data). */
static unsigned abi_op(const ir_milestone *m)
{
    if (isnan(m->goal) && !m->goal_src)
        return 0;
    switch (m->op) {
    case IR_GE: return 1;
    case IR_GT: return 2;
    case IR_LE: return 3;
    case IR_LT: return 4;
    case IR_EQ: return 5;
    case IR_NE: return 6;
    default: return 0;
    }
}

/* Writes text into a C comment: no comment delimiters, no control
 * characters (names and plan texts come from the untrusted rules). */
static void put_comment(FILE *f, const char *s)
{
    for (; s && *s; s++) {
        if ((s[0] == '*' && s[1] == '/') || (s[0] == '/' && s[1] == '*')) {
            fputc(s[0], f);
            fputc(' ', f);
            continue;
        }
        fputc((unsigned char)*s < 0x20 ? ' ' : *s, f);
    }
}

/* A measure's lead column as report.c writes it: its `lead` agencies
 * joined with '、', after "shared: " for a shared measure (whose `lead`
 * then lists the agencies sharing the work).  malloc'd. */
static char *lead_text(const ir_measure *m)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    fputs(m->shared ? "shared: " : "", f);
    for (uint32_t i = 0; i < m->nlead; i++)
        fprintf(f, "%s%s", i ? "、" : "", m->lead[i]);
    fclose(f);
    return buf;
}

/* ---------------------------------------------------------------- the tables */

/* For each target, whether its status depends on an IR_SHARE step (as
 * exec.c's share_targets decides, for the `missing error` policy).
 * malloc'd; NULL when out of memory. */
static bool *share_targets(const ir_program *p)
{
    bool *dep = calloc(p->nsteps ? p->nsteps : 1, sizeof *dep);
    bool *shared = calloc(p->ntargets ? p->ntargets : 1, sizeof *shared);
    if (!dep || !shared) {
        free(dep);
        free(shared);
        return NULL;
    }
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        const uint32_t ops[3] = {s->a, s->b, s->c};
        dep[i] = s->op == IR_SHARE;
        for (int k = 0; k < ir_arity(s->op); k++)
            dep[i] = dep[i] || (ops[k] < i && dep[ops[k]]);
    }
    for (uint32_t i = 0; i < p->ntargets; i++)
        shared[i] = p->targets[i].status < p->nsteps && dep[p->targets[i].status];
    free(dep);
    return shared;
}

/* The result slots of output column k, in the order aot.h documents. */
typedef struct outcol {
    uint32_t item, index, field, slot;
} outcol;

/* Lists p's output columns; malloc'd (*n entries). */
static outcol *output_columns(const ir_program *p, uint32_t *n)
{
    uint32_t cap = p->ntargets * 5 + p->nmeasures + p->nsections + 3 + 1;
    outcol *o = malloc(cap * sizeof *o);
    if (!o)
        return NULL;
    uint32_t k = 0;
    for (uint32_t t = 0; t < p->ntargets; t++) {
        const ir_target *tg = &p->targets[t];
        const uint32_t slots[5] = {tg->status, tg->value, tg->goal, tg->expected, tg->score};
        for (uint32_t f = 0; f < 5; f++)
            o[k++] = (outcol){0, t, f, slots[f]};
    }
    if (p->has_assessment) {
        for (uint32_t m = 0; m < p->nmeasures; m++)
            o[k++] = (outcol){1, m, 4, p->measures[m].score};
        for (uint32_t s = 0; s < p->nsections; s++)
            o[k++] = (outcol){2, s, 4, p->sections[s].score};
        o[k++] = (outcol){3, 0, 4, p->total};
        o[k++] = (outcol){3, 0, 5, p->veto};
        o[k++] = (outcol){3, 0, 6, p->grade};
    }
    *n = k;
    return o;
}

/* The glue's code (IN_*) for an input kind; -1 for one it does not know. */
static int input_code(ir_inputkind k)
{
    switch (k) {
    case IR_IN_DATA: return 0;
    case IR_IN_YEAR: return 1;
    case IR_IN_SCOPE: return 2;
    case IR_IN_PRESENT: return 3;
    case IR_IN_TABLE: return 4;
    }
    return -1;
}

/* Checks that the glue can run p: every input kind and barrier is one it
 * implements, every index in range (a lowering bug must not become an
 * out-of-bounds read in someone's program).  False after printing why. */
static bool program_ok(const ir_program *p, FILE *err)
{
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        if (input_code(in->kind) < 0 || (in->kind == IR_IN_DATA && in->column >= p->ncolumns) ||
            (in->kind == IR_IN_SCOPE && in->scope >= p->nscopes) ||
            (in->kind == IR_IN_TABLE && !in->values)) {
            diag_internal(err, "build", "input %u of the program is not one planc build can compute", i);
            return false;
        }
    }
    for (uint32_t i = 0; i < p->nsteps; i++)
        if ((ir_is_barrier(p->steps[i].op) && p->steps[i].op != IR_PEAK &&
             p->steps[i].op != IR_SHARE && p->steps[i].op != IR_PEER &&
             p->steps[i].op != IR_CUMSUM && p->steps[i].op != IR_CUMMAX &&
             p->steps[i].op != IR_SHIFT && p->steps[i].op != IR_PARENT) ||
            (p->steps[i].op == IR_PEER && p->steps[i].aux > IR_PEER_AVERAGE) ||
            (p->steps[i].op == IR_PARENT && p->steps[i].aux != IR_PARENT_UP &&
             p->steps[i].aux >= p->nlevels) ||
            (p->steps[i].op == IR_SHARE && strcmp(ir_sharename(p->steps[i].imm), "?") == 0) ||
            ((p->steps[i].op == IR_CUMSUM || p->steps[i].op == IR_CUMMAX) &&
             (p->steps[i].aux < 1 || p->steps[i].aux > 9999 ||
              p->steps[i].imm != floor(p->steps[i].imm) || fabs(p->steps[i].imm) > 9999)) ||
            (p->steps[i].op == IR_SHIFT &&
             (p->steps[i].imm != floor(p->steps[i].imm) || fabs(p->steps[i].imm) > 9999))) {
            diag_internal(err, "build", "step %u is a barrier (%s) planc build does not implement", i,
                     ir_opname(p->steps[i].op));
            return false;
        }
    for (uint32_t i = 0; i < p->nregions; i++)
        if (p->regions[i].parent >= (int32_t)p->nregions || p->regions[i].level >= p->nlevels) {
            diag_internal(err, "build", "region %u has an out-of-range parent or level", i);
            return false;
        }
    for (uint32_t i = 0; i < p->nregions; i++) {
        const ir_region *r = &p->regions[i];
        for (uint32_t k = 0; k < r->ngroups + r->nmembers; k++)
            if ((k < r->ngroups ? r->groups[k] : r->members[k - r->ngroups]) >= p->nregions) {
                diag_internal(err, "build", "region %u names an out-of-range group or member", i);
                return false;
            }
    }
    for (uint32_t i = 0; i < p->nscopes; i++)
        for (uint32_t k = 0; k < p->scopes[i].n; k++)
            if (p->scopes[i].regions[k] >= p->nregions) {
                diag_internal(err, "build", "scope %u names region %u", i, p->scopes[i].regions[k]);
                return false;
            }
    for (uint32_t i = 0; i < p->ntargets; i++)
        if (p->targets[i].measure >= p->nmeasures) {
            diag_internal(err, "build", "target %u belongs to no measure", i);
            return false;
        }
    return true;
}

/* The size of a table of n entries (C has no empty arrays). */
static uint32_t tsize(uint32_t n)
{
    return n ? n : 1;
}

/* The first input of p that reads the same values table by year as input
 * i (the same indicator's years at another shift), whose arrays input i
 * shares in the library; i itself when none comes before. */
static uint32_t by_year_owner(const ir_program *p, uint32_t i)
{
    for (uint32_t j = 0; j < i; j++)
        if (p->inputs[j].kind == IR_IN_TABLE && p->inputs[j].nyears &&
            p->inputs[j].run_start == p->inputs[i].run_start)
            return j;
    return i;
}

/* Writes a table `name` of C type `type` (int32_t, uint32_t) of the n
 * values v (one entry when n is 0). */
static void put_ints(FILE *f, const char *type, const char *name, const int32_t *v, uint32_t n)
{
    fprintf(f, "TABLE %s %s[%u] = {", type, name, tsize(n));
    for (uint32_t i = 0; i < n; i++)
        fprintf(f, "%s%d,", i % 12 ? " " : "\n    ", v[i]);
    fputs(n ? "\n};\n" : "0};\n", f);
}

/* For the `error` policy's message, the years planc run may blame
 * (exec.c's missing_error): per target its baseline year, the columns it
 * reads (blame_cols), and the years it reads by name or offset in the
 * order exec.c's blame_named_years tries them (its walk from the
 * status, done here once): an input's shift, a cumulative's years, a
 * shift's year. */
static void write_blame(FILE *f, const ir_program *p)
{
    int32_t *y0 = calloc(p->ntargets + 1, sizeof *y0);
    int32_t *cfirst = calloc(p->ntargets + 1, sizeof *cfirst);
    int32_t *bfirst = calloc(p->ntargets + 1, sizeof *bfirst);
    uint32_t ncols = 0, cap = 16, n = 0;
    for (uint32_t i = 0; i < p->ntargets; i++)
        ncols += p->targets[i].ncolumns;
    int32_t *cols = calloc(ncols + 1, sizeof *cols);
    int32_t *kind = malloc(cap * sizeof *kind), *ya = malloc(cap * sizeof *ya), *yb = malloc(cap * sizeof *yb);
    bool *seen = calloc(p->nsteps + 1, sizeof *seen);
    uint32_t *stack = malloc((p->nsteps + 1) * sizeof *stack);
    if (!y0 || !cfirst || !bfirst || !cols || !kind || !ya || !yb || !seen || !stack) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    for (uint32_t i = 0, c = 0; i < p->ntargets; i++) {
        const ir_target *tg = &p->targets[i];
        y0[i] = tg->y0;
        cfirst[i] = (int32_t)c;
        for (uint32_t k = 0; k < tg->ncolumns; k++)
            cols[c++] = (int32_t)tg->columns[k];
        cfirst[i + 1] = (int32_t)c;
        bfirst[i] = (int32_t)n;
        memset(seen, 0, (p->nsteps + 1) * sizeof *seen);
        size_t top = 0;
        stack[top++] = tg->status;
        seen[tg->status] = true;
        while (top) {
            const ir_step *st = &p->steps[stack[--top]];
            int k = -1, a = 0, b = 0;
            if (st->op == IR_INPUT) {
                const ir_input *in = &p->inputs[st->aux];
                if (in->kind == IR_IN_DATA)
                    k = in->shift.absolute ? 0 : 1, a = in->shift.absolute ? in->shift.year : in->shift.rel;
            } else if (st->op == IR_CUMSUM || st->op == IR_CUMMAX) {
                k = 2, a = (int)st->aux, b = (int)st->imm;
            } else if (st->op == IR_SHIFT) {
                k = st->imm >= 1 ? 0 : 1, a = (int)st->imm;
            }
            if (k >= 0) {
                if (n == cap) {
                    cap *= 2;
                    kind = realloc(kind, cap * sizeof *kind);
                    ya = realloc(ya, cap * sizeof *ya);
                    yb = realloc(yb, cap * sizeof *yb);
                    if (!kind || !ya || !yb) {
                        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
                        exit(4);
                    }
                }
                kind[n] = k, ya[n] = a, yb[n] = b;
                n++;
            }
            if (st->op == IR_INPUT || st->op == IR_PARENT) /* a parent's data: not blamed */
                continue;
            const uint32_t ops[3] = {st->a, st->b, st->c};
            for (int j = 0; j < ir_arity(st->op); j++)
                if (!seen[ops[j]]) {
                    seen[ops[j]] = true;
                    stack[top++] = ops[j];
                }
        }
        bfirst[i + 1] = (int32_t)n;
    }
    put_ints(f, "int32_t", "target_y0", y0, p->ntargets);
    put_ints(f, "uint32_t", "blame_cols_first", cfirst, p->ntargets + 1);
    put_ints(f, "uint32_t", "blame_cols", cols, ncols);
    put_ints(f, "uint32_t", "blame_first", bfirst, p->ntargets + 1);
    put_ints(f, "int32_t", "blame_kind", kind, n);
    put_ints(f, "int32_t", "blame_a", ya, n);
    put_ints(f, "int32_t", "blame_b", yb, n);
    free(y0), free(cfirst), free(bfirst), free(cols), free(kind), free(ya), free(yb), free(seen), free(stack);
}

/* write_tables' years of values-table input i (in), for the library:
 * region by region the runs of consecutive years in which a row with
 * `in` gives the region one value (its own row, its level's or the else
 * row's, by precedence: ir_table_run), as in_by_first_I (each region's
 * first run), in_by_from_I, in_by_to_I and in_by_values_I.  Runs, not
 * years: a row `city = 40 in 1600..2099` is one run per city, where a
 * list of years held regions × 500 numbers (a 13 KB rules file of three
 * such rows over 2,000 cities gave a 36 MB library and 37 s of cc).
 * Returns false when out of memory. */
static bool write_year_runs(FILE *f, const ir_program *p, const ir_input *in, uint32_t i)
{
    uint32_t n = 0, cap = 64;
    uint32_t *first = malloc((p->nregions + 1) * sizeof *first);
    int32_t *from = malloc(cap * sizeof *from), *to = malloc(cap * sizeof *to);
    double *val = malloc(cap * sizeof *val);
    bool ok = first && from && to && val;
    for (uint32_t r = 0; ok && r < p->nregions; r++) {
        first[r] = n;
        bool open = false; /* the last run is this region's and reaches the year before */
        for (uint32_t k = 0; ok && k < in->nyears; k++) {
            int y = in->year0 + (int)k;
            const ir_yearrun *run = ir_table_run(in, r, y);
            if (!run) {
                open = false;
                continue;
            }
            if (open && memcmp(&val[n - 1], &run->value, sizeof run->value) == 0) {
                to[n - 1] = y;
                continue;
            }
            if (n == cap) {
                cap *= 2;
                int32_t *f2 = realloc(from, cap * sizeof *from);
                from = f2 ? f2 : from;
                int32_t *t2 = realloc(to, cap * sizeof *to);
                to = t2 ? t2 : to;
                double *v2 = realloc(val, cap * sizeof *val);
                val = v2 ? v2 : val;
                if (!f2 || !t2 || !v2) {
                    ok = false;
                    break;
                }
            }
            from[n] = to[n] = y;
            val[n++] = run->value;
            open = true;
        }
    }
    if (ok) {
        first[p->nregions] = n;
        fprintf(f, "TABLE uint32_t in_by_first_%u[%u] = {", i, p->nregions + 1);
        for (uint32_t r = 0; r <= p->nregions; r++)
            fprintf(f, "%s%u,", r % 12 ? " " : "\n    ", first[r]);
        fputs("\n};\n", f);
        char name[40];
        snprintf(name, sizeof name, "in_by_from_%u", i);
        put_ints(f, "int32_t", name, from, n);
        snprintf(name, sizeof name, "in_by_to_%u", i);
        put_ints(f, "int32_t", name, to, n);
        fprintf(f, "TABLE double in_by_values_%u[%u] = {", i, tsize(n));
        for (uint32_t c = 0; c < n; c++) {
            fputs(c % 8 ? " " : "\n    ", f);
            put_double(f, val[c]);
            fputc(',', f);
        }
        fputs(n ? "\n};\n" : "0};\n", f);
    }
    free(first), free(from), free(to), free(val);
    return ok;
}

/* Writes the program's tables and the segment declarations: everything
 * of glue.c that depends on the rules except the library struct.
 * Returns false when out of memory. */
static bool write_tables(FILE *f, const ir_program *p, const exec_plan *plan)
{
    uint32_t nout = 0;
    outcol *out = output_columns(p, &nout);
    bool *shared = share_targets(p);
    if (!out || !shared) {
        free(out);
        free(shared);
        return false;
    }
    bool has_share = false;
    uint32_t nrun = plan->nsegs;
    for (uint32_t i = 0; i < p->nsteps; i++) {
        has_share |= p->steps[i].op == IR_SHARE;
        nrun += ir_is_barrier(p->steps[i].op);
    }
    /* The library hands out whole columns, so constants and inputs that are
     * outputs or barrier operands get one, filled before the run. */
    bool *fill = calloc(p->nsteps ? p->nsteps : 1, sizeof *fill);
    if (!fill) {
        free(out);
        free(shared);
        return false;
    }
    for (uint32_t k = 0; k < nout; k++)
        fill[out[k].slot] = true;
    for (uint32_t i = 0; i < p->nsteps; i++)
        if (ir_is_barrier(p->steps[i].op))
            fill[p->steps[i].a] = true;
    uint32_t nfill = 0;
    for (uint32_t i = 0; i < p->nsteps; i++) {
        fill[i] = fill[i] && (p->steps[i].op == IR_CONST || p->steps[i].op == IR_INPUT);
        nfill += fill[i];
    }

    fputs("/* ---- the program's tables ---- */\n"
          "#define TABLE static const __attribute__((unused))\n", f);
    fprintf(f, "#define N_LEVELS %uu\n#define N_REGIONS %uu\n#define N_COLUMNS %uu\n"
            "#define N_INPUTS %uu\n#define N_STEPS %uu\n#define N_SEGS %uu\n#define N_RUN %uu\n"
            "#define N_OUTPUTS %uu\n#define N_TARGETS %uu\n#define N_SCOPES %uu\n"
            "#define N_FILLS %uu\n#define HAS_SHARE %d\n#define POLICY_ERROR %d\n\n",
            p->nlevels, p->nregions, p->ncolumns, p->ninputs, p->nsteps, plan->nsegs, nrun, nout,
            p->ntargets, p->nscopes, nfill, has_share,
            p->has_assessment && p->missing == IR_MISSING_ERROR);

    fprintf(f, "TABLE char *const levels[%u] = {", tsize(p->nlevels));
    for (uint32_t i = 0; i < p->nlevels; i++) {
        fputs(i ? ", " : "", f);
        put_cstr(f, p->levels[i]);
    }
    fputs(p->nlevels ? "};\n" : "NULL};\n", f);

    for (uint32_t i = 0; i < p->nregions; i++) {
        const ir_region *r = &p->regions[i];
        if (!r->naliases)
            continue;
        fprintf(f, "TABLE char *const aliases_%u[%u] = {", i, r->naliases);
        for (uint32_t k = 0; k < r->naliases; k++) {
            fputs(k ? ", " : "", f);
            put_cstr(f, r->aliases[k]);
        }
        fputs("};\n", f);
    }
    fprintf(f, "TABLE planc_region regions[%u] = {\n", tsize(p->nregions));
    for (uint32_t i = 0; i < p->nregions; i++) {
        const ir_region *r = &p->regions[i];
        fputs("    {", f);
        put_cstr(f, r->name);
        fprintf(f, ", %u, %d, %u, ", r->level, r->parent, r->naliases);
        if (r->naliases)
            fprintf(f, "aliases_%u},\n", i);
        else
            fputs("NULL},\n", f);
    }
    fputs(p->nregions ? "};\n" : "    {0}};\n", f);
    /* the groups listing each region, all in one array: an array per
     * region (10000 equal ones for the members of one group of 10000) took
     * the C compiler 13 s, against 1 s for this */
    size_t ngl = 0;
    for (uint32_t i = 0; i < p->nregions; i++)
        ngl += p->regions[i].ngroups;
    fprintf(f, "TABLE uint32_t group_lists[%zu] = {", ngl ? ngl : 1);
    for (uint32_t i = 0, n = 0; i < p->nregions; i++)
        for (uint32_t k = 0; k < p->regions[i].ngroups; k++, n++)
            fprintf(f, "%s%s%u", n ? "," : "", n % 16 ? " " : "\n    ", p->regions[i].groups[k]);
    fputs(ngl ? "};\n" : "0};\n", f);
    fprintf(f, "TABLE group_list region_groups[%u] = {\n", tsize(p->nregions));
    for (uint32_t i = 0, at = 0; i < p->nregions; i++) {
        if (p->regions[i].ngroups)
            fprintf(f, "    {%u, group_lists + %u},\n", p->regions[i].ngroups, at);
        else
            fputs("    {0, NULL},\n", f);
        at += p->regions[i].ngroups;
    }
    fputs(p->nregions ? "};\n" : "    {0, NULL}};\n", f);

    fprintf(f, "TABLE planc_column columns[%u] = {\n", tsize(p->ncolumns));
    for (uint32_t i = 0; i < p->ncolumns; i++) {
        const ir_column *c = &p->columns[i];
        fputs("    {", f);
        put_cstr(f, c->name);
        fprintf(f, ", %d, ", c->type == IR_COL_BOOL);
        put_cstr(f, c->indicator);
        fputs(", ", f);
        put_cstr(f, c->unit);
        fputs("},\n", f);
    }
    fputs(p->ncolumns ? "};\n" : "    {0}};\n", f);

    fprintf(f, "TABLE planc_target targets[%u] = {\n", tsize(p->ntargets));
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *t = &p->targets[i];
        const char *strs[5] = {t->name, t->desc, t->kind, t->unit, t->clause};
        fputs("    {", f);
        for (int k = 0; k < 5; k++) {
            put_cstr(f, strs[k]);
            fputs(", ", f);
        }
        fprintf(f, "%u, ", t->measure);
        put_double(f, t->weight);
        fprintf(f, ", %d},\n", t->veto);
    }
    fputs(p->ntargets ? "};\n" : "    {0}};\n", f);

    /* each target's goals (ABI version 2): its milestones, all targets'
     * in one array */
    uint32_t nms = 0;
    for (uint32_t i = 0; i < p->ntargets; i++)
        nms += p->targets[i].nmilestones;
    fprintf(f, "TABLE planc_milestone milestones[%u] = {\n", tsize(nms));
    for (uint32_t i = 0; i < p->ntargets; i++)
        for (uint32_t k = 0; k < p->targets[i].nmilestones; k++) {
            const ir_milestone *m = &p->targets[i].milestones[k];
            fprintf(f, "    {%u, %d, ", abi_op(m), m->deadline);
            put_double(f, m->goal);
            fputs(", ", f);
            put_cstr(f, m->goal_src);
            fputs(", ", f);
            put_double(f, ir_tolerance(m));
            fputs("},\n", f);
        }
    fputs(nms ? "};\n" : "    {0}};\n", f);
    fprintf(f, "TABLE planc_goals goals[%u] = {\n", tsize(p->ntargets));
    for (uint32_t i = 0, at = 0; i < p->ntargets; i++) {
        if (p->targets[i].nmilestones)
            fprintf(f, "    {%u, milestones + %u},\n", p->targets[i].nmilestones, at);
        else
            fputs("    {0, NULL},\n", f);
        at += p->targets[i].nmilestones;
    }
    fputs(p->ntargets ? "};\n" : "    {0, NULL}};\n", f);

    fprintf(f, "TABLE planc_measure measures[%u] = {\n", tsize(p->nmeasures));
    for (uint32_t i = 0; i < p->nmeasures; i++) {
        const ir_measure *m = &p->measures[i];
        char *lead = lead_text(m);
        fputs("    {", f);
        put_cstr(f, m->id);
        fputs(", ", f);
        put_cstr(f, m->title);
        fputs(", ", f);
        put_cstr(f, lead ? lead : "");
        fprintf(f, ", %u, ", m->section);
        put_double(f, m->weight);
        fputs("},\n", f);
        free(lead);
    }
    fputs(p->nmeasures ? "};\n" : "    {0}};\n", f);

    fprintf(f, "TABLE planc_section sections[%u] = {\n", tsize(p->nsections));
    for (uint32_t i = 0; i < p->nsections; i++) {
        const ir_section *s = &p->sections[i];
        fputs("    {", f);
        put_cstr(f, s->id);
        fputs(", ", f);
        put_cstr(f, s->title);
        fputs(", ", f);
        put_double(f, s->weight);
        fputs("},\n", f);
    }
    fputs(p->nsections ? "};\n" : "    {0}};\n", f);

    fprintf(f, "TABLE char *const bands[%u] = {", tsize(p->nbands));
    for (uint32_t i = 0; i < p->nbands; i++) {
        fputs(i ? ", " : "", f);
        put_cstr(f, p->bands[i]);
    }
    fputs(p->nbands ? "};\n" : "NULL};\n", f);

    fprintf(f, "TABLE planc_output outputs[%u] = {", tsize(nout));
    for (uint32_t k = 0; k < nout; k++)
        fprintf(f, "%s{%u, %u, %u},", k % 6 ? " " : "\n    ", out[k].item, out[k].index, out[k].field);
    fputs(nout ? "\n};\n" : "{0}};\n", f);
    fprintf(f, "TABLE uint32_t output_slot[%u] = {", tsize(nout));
    for (uint32_t k = 0; k < nout; k++)
        fprintf(f, "%s%u,", k % 12 ? " " : "\n    ", out[k].slot);
    fputs(nout ? "\n};\n" : "0};\n", f);

    /* each values table's numbers, one per region */
    for (uint32_t i = 0; i < p->ninputs; i++) {
        if (p->inputs[i].kind != IR_IN_TABLE)
            continue;
        fprintf(f, "TABLE double in_values_%u[%u] = {", i, tsize(p->nregions));
        for (uint32_t r = 0; r < p->nregions; r++) {
            fputs(r % 8 ? " " : "\n    ", f);
            put_double(f, p->inputs[i].values[r]);
            fputc(',', f);
        }
        fputs(p->nregions ? "\n};\n" : "0};\n", f);
        /* and the years its rows with `in` give, region by region, as
         * runs (a region-by-year array of a table spanning centuries held
         * mostly NaN, and compiled for minutes), once per table however
         * many inputs read it (prev, at: other shifts) */
        const ir_input *in = &p->inputs[i];
        if (!in->nyears || !p->nregions || by_year_owner(p, i) != i)
            continue;
        if (!write_year_runs(f, p, in, i)) {
            free(out);
            free(shared);
            free(fill);
            return false;
        }
    }
    fprintf(f, "TABLE in_def input_defs[%u] = {\n", tsize(p->ninputs));
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        int kind = input_code(in->kind);
        fprintf(f, "    {%d, %d, %u, %d, %d, ", kind, in->shift.absolute, in->column, in->shift.year,
                in->shift.rel);
        put_double(f, in->scale);
        uint32_t o = by_year_owner(p, i);
        if (in->kind == IR_IN_TABLE && in->nyears && p->nregions)
            fprintf(f, ", %u, in_values_%u, in_by_first_%u, in_by_from_%u, in_by_to_%u, in_by_values_%u},\n",
                    in->scope, i, o, o, o, o);
        else if (in->kind == IR_IN_TABLE)
            fprintf(f, ", %u, in_values_%u, NULL, NULL, NULL, NULL},\n", in->scope, i);
        else
            fprintf(f, ", %u, NULL, NULL, NULL, NULL, NULL},\n", in->scope);
    }
    fputs(p->ninputs ? "};\n" : "    {0}};\n", f);

    fprintf(f, "TABLE unsigned char scope_member[%u] = {", tsize(p->nscopes * p->nregions));
    for (uint32_t s = 0; s < p->nscopes; s++) {
        fputs("\n   ", f);
        for (uint32_t r = 0; r < p->nregions; r++) {
            bool in = false;
            for (uint32_t k = 0; k < p->scopes[s].n; k++)
                in |= p->scopes[s].regions[k] == r;
            fprintf(f, " %d,", in);
        }
    }
    fputs(p->nscopes && p->nregions ? "\n};\n" : "0};\n", f);

    fprintf(f, "TABLE unsigned char materialized[%u] = {", tsize(p->nsteps));
    for (uint32_t i = 0; i < p->nsteps; i++)
        fprintf(f, "%s%d,", i % 32 ? "" : "\n    ", plan->materialized[i] || fill[i]);
    fputs(p->nsteps ? "\n};\n" : "0};\n", f);
    fprintf(f, "TABLE fill_def fills[%u] = {", tsize(nfill));
    for (uint32_t i = 0; i < p->nsteps; i++) {
        if (!fill[i])
            continue;
        const ir_step *st = &p->steps[i];
        fprintf(f, "\n    {%u, %d, ", i, st->op == IR_INPUT ? (int)st->aux : -1);
        put_double(f, st->op == IR_CONST ? st->imm : 0);
        fputs("},", f);
    }
    fputs(nfill ? "\n};\n" : "{0}};\n", f);

    fprintf(f, "TABLE uint32_t target_status[%u] = {", tsize(p->ntargets));
    for (uint32_t i = 0; i < p->ntargets; i++)
        fprintf(f, "%s%u", i ? ", " : "", p->targets[i].status);
    fputs(p->ntargets ? "};\n" : "0};\n", f);
    fprintf(f, "TABLE unsigned char target_shared[%u] = {", tsize(p->ntargets));
    for (uint32_t i = 0; i < p->ntargets; i++)
        fprintf(f, "%s%d", i ? ", " : "", shared[i]);
    fputs(p->ntargets ? "};\n" : "0};\n", f);
    /* the region's own column a share target reads (ir_target_reads_own),
     * else -1: what check_missing blames on an added row */
    fprintf(f, "TABLE int target_own[%u] = {", tsize(p->ntargets));
    for (uint32_t i = 0; i < p->ntargets; i++) {
        uint32_t own = 0;
        fprintf(f, "%s%d", i ? ", " : "", shared[i] && ir_target_reads_own(p, i, &own) ? (int)own : -1);
    }
    fputs(p->ntargets ? "};\n" : "0};\n", f);
    /* the slots of each target's value, goal and expected value, and the
     * columns they are computed from, for check_overflow */
    fprintf(f, "TABLE uint32_t target_numbers[%u] = {", tsize(3 * p->ntargets));
    for (uint32_t i = 0; i < p->ntargets; i++)
        fprintf(f, "%s%u, %u, %u", i ? ", " : "", p->targets[i].value, p->targets[i].goal,
                p->targets[i].expected);
    fputs(p->ntargets ? "};\n" : "0};\n", f);
    /* per target and number (value, goal, expected value) the columns that
     * number reads */
    fprintf(f, "TABLE char *const target_reads[%u] = {", tsize(3 * p->ntargets));
    arena a;
    arena_init(&a);
    ir_reads rd;
    ir_reads_init(&rd, &a, p);
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const uint32_t slots[3] = {p->targets[i].value, p->targets[i].goal, p->targets[i].expected};
        for (int k = 0; k < 3; k++) {
            fputs(i || k ? ",\n    " : "\n    ", f);
            uint32_t nc = ir_columns_read(&rd, p, &slots[k], 1);
            char *what = rt_overflow_reads(p, rd.cols, nc);
            put_cstr(f, what);
            free(what);
        }
    }
    arena_free(&a);
    fputs(p->ntargets ? "};\n" : "NULL};\n", f);
    if (p->has_assessment && p->missing == IR_MISSING_ERROR)
        write_blame(f, p);

    /* The kernels (hidden symbols of kernels.o) and the run order. */
    for (uint32_t k = 0; k < plan->nsegs; k++) {
        char name[CG_NAME_MAX];
        cg_segment_name(k, name);
        fprintf(f, "extern __attribute__((visibility(\"hidden\"))) void %s(const double *const *, "
                "double *const *, int64_t, int64_t);\n", name);
    }
    fprintf(f, "TABLE seg_fn seg_fns[%u] = {", tsize(plan->nsegs));
    for (uint32_t k = 0; k < plan->nsegs; k++) {
        char name[CG_NAME_MAX];
        cg_segment_name(k, name);
        fprintf(f, "%s%s", k ? ", " : "", name);
    }
    fputs(plan->nsegs ? "};\n" : "NULL};\n", f);
    fprintf(f, "TABLE run_op run_ops[%u] = {\n", tsize(nrun));
    uint32_t i = 0, k = 0;
    while (i < p->nsteps) {
        if (k < plan->nsegs && plan->segs[k].from == i) {
            fprintf(f, "    {OP_SEGMENT, %u, 0, 0, 0, 0},\n", k);
            i = plan->segs[k++].to;
            continue;
        }
        const ir_step *s = &p->steps[i];
        fprintf(f, "    {%s, 0, %u, %u, ",
                s->op == IR_PEAK ? "OP_PEAK" : s->op == IR_SHARE ? "OP_SHARE"
                : s->op == IR_PEER ? "OP_PEER" : s->op == IR_CUMSUM ? "OP_CUMSUM"
                : s->op == IR_SHIFT ? "OP_SHIFT" : s->op == IR_PARENT ? "OP_PARENT" : "OP_CUMMAX",
                i, s->a);
        put_double(f, s->imm);
        fprintf(f, ", %u},\n", s->aux);
        i++;
    }
    fputs(nrun ? "};\n" : "    {0}};\n", f);
    free(fill);
    free(out);
    free(shared);
    return !ferror(f);
}

/* 64-bit FNV-1a over a byte string, continuing from h. */
static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* Writes glue.c to f: the ABI, the runtime's types, the tables, the
 * library struct and the runtime.  *fingerprint receives the library's
 * fingerprint (a hash of all that text but the struct).  False when out
 * of memory or on a write error. */
static bool write_glue(FILE *f, const ir_program *p, const exec_plan *plan, const char *cpu,
                       char fingerprint[32])
{
    char *tables = NULL;
    size_t len = 0;
    FILE *t = open_memstream(&tables, &len);
    if (!t)
        return false;
    bool ok = write_tables(t, p, plan);
    if (fclose(t) != 0 || !ok) {
        free(tables);
        return false;
    }
    uint64_t h = 0xcbf29ce484222325u;
    h = fnv1a(h, abi_text, strlen(abi_text));
    h = fnv1a(h, rt_types, strlen(rt_types));
    h = fnv1a(h, tables, len);
    h = fnv1a(h, rt_code, strlen(rt_code));
    h = fnv1a(h, PLANC_VERSION, strlen(PLANC_VERSION));
    h = fnv1a(h, cpu, strlen(cpu));
    snprintf(fingerprint, 32, "planc%d-%016" PRIx64, AOT_ABI_VERSION, h);

    fprintf(f, "/* glue.c — generated by planc %s (planc build); compiled into the library. */\n",
            PLANC_VERSION);
    fputs(abi_text, f);
    fputs(rt_types, f);
    fwrite(tables, 1, len, f);
    free(tables);

    /* the description three times: version 3's, and for a program that
     * asks for an older version, version 2's (the same layout; its score
     * has no PLANC_E_OVERFLOW) and version 1's (its own size, no goals) */
    for (int v = AOT_ABI_VERSION; v >= 1; v--) {
        fprintf(f, "\nstatic const planc_library library%s = {\n    .abi_version = %d,\n",
                v == AOT_ABI_VERSION ? "" : v == 2 ? "_v2" : "_v1", v);
        fputs(v >= 2 ? "    .size = sizeof(planc_library),\n"
                     : "    .size = offsetof(planc_library, goals),\n", f);
        fputs("    .planc_version = ", f);
        put_cstr(f, PLANC_VERSION);
        fputs(",\n    .fingerprint = ", f);
        put_cstr(f, fingerprint);
        fputs(",\n    .cpu = ", f);
        put_cstr(f, cpu);
        fputs(",\n    .plan = ", f);
        put_cstr(f, p->plan);
        fputs(",\n    .title = ", f);
        put_cstr(f, p->title);
        fputs(",\n    .region_key = ", f);
        put_cstr(f, p->region_key);
        fputs(",\n    .year_key = ", f);
        put_cstr(f, p->year_key);
        fprintf(f, ",\n    .baseline = %d,\n    .horizon = %d,\n", p->baseline, p->horizon);
        fputs("    .nlevels = N_LEVELS, .levels = levels,\n"
              "    .nregions = N_REGIONS, .regions = regions,\n"
              "    .ncolumns = N_COLUMNS, .columns = columns,\n"
              "    .ntargets = N_TARGETS, .targets = targets,\n", f);
        fprintf(f, "    .nmeasures = %u, .measures = measures,\n"
                "    .nsections = %u, .sections = sections,\n"
                "    .has_assessment = %d,\n    .assessment = ",
                p->nmeasures, p->nsections, p->has_assessment);
        put_cstr(f, p->has_assessment ? p->assessment : NULL);
        fprintf(f, ",\n    .missing = %u,\n    .nbands = %u, .bands = bands,\n"
                "    .noutputs = N_OUTPUTS, .outputs = outputs,\n"
                "    .status_names = status_names,\n"
                "    .find_region = find_region,\n    .score = %s,\n"
                "    .free_result = free_result,\n",
                p->has_assessment ? (unsigned)p->missing : 0u, p->has_assessment ? p->nbands : 0u,
                v >= 3 ? "score" : "score_before_v3");
        fputs(v >= 2 ? "    .goals = goals,\n};\n" : "};\n", f);
    }
    fputs("\n", f);
    fputs(rt_code, f);
    return !ferror(f);
}

/* ---------------------------------------------------------------- the header */

/* What field k of an output column is called. */
static const char *const field_names[] = {"status", "value", "goal", "expected", "score", "veto",
                                          "grade"};

/* Writes NAME.h: a comment describing this library, the ABI and the
 * library's constants. */
static bool write_header(FILE *f, const ir_program *p, const char *name, const char *macro,
                         const char *fingerprint, const char *cpu, const char *rules)
{
    fprintf(f, "/* %s.h — the C interface of lib%s.so: rules compiled by planc build.\n *\n",
            name, name);
    fprintf(f, " * Generated by planc %s from ", PLANC_VERSION);
    put_comment(f, rules ? rules : "(rules)");
    fputs(": plan ", f);
    put_comment(f, p->plan);
    if (p->title) {
        fputs(" \"", f);
        put_comment(f, p->title);
        fputs("\"", f);
    }
    fprintf(f, ",\n * baseline %d, horizon %d.  Library ABI version %d; fingerprint %s.\n",
            p->baseline, p->horizon, AOT_ABI_VERSION, fingerprint);
    fputs(" * The kernels are compiled for CPU '", f);
    put_comment(f, cpu);
    fputs("' (planc build --cpu).  Do not edit: rebuild.\n *\n", f);

    bool per_year = false;
    for (uint32_t i = 0; i < p->ncolumns; i++)
        per_year |= p->columns[i].per_year;
    fputs(" * Input columns (planc_input.columns, in this order; a data file also has\n"
          " * the region column \"", f);
    put_comment(f, p->region_key);
    if (per_year) {
        /* the years come from the header: a column "C{year}" per year */
        fputs("\" and, for a column NAME{year}, a column per year, which gives the\n"
              " * rows' years; planc_input.year holds them):\n", f);
    } else {
        fputs("\" and the year column \"", f);
        put_comment(f, p->year_key);
        fputs("\"):\n", f);
    }
    for (uint32_t i = 0; i < p->ncolumns; i++) {
        const ir_column *c = &p->columns[i];
        fprintf(f, " *   %3u  ", i);
        put_comment(f, c->name);
        fprintf(f, "  (%s", c->type == IR_COL_BOOL ? "yes/no" : "number");
        if (c->unit && c->type != IR_COL_BOOL) {
            fputs(", in ", f);
            put_comment(f, c->unit);
        }
        if (c->agg_text) {
            fputs(", the ", f);
            put_comment(f, c->agg_text);
            fputs(" of a region's data rows of one year", f);
        }
        if (c->map) {
            /* the library takes numbers: the caller maps a file's texts */
            fputs(", a data file's texts read through map ", f);
            put_comment(f, c->map->name);
            fputs(" (", f);
            enum { SHOWN = 20 };
            for (uint32_t k = 0; k < c->map->n && k < SHOWN; k++) {
                fputs(k ? ", \"" : "\"", f);
                put_comment(f, c->map->texts[k]);
                if (isnan(c->map->values[k]))
                    fputs("\" = missing (NaN)", f);
                else
                    fprintf(f, "\" = %.17g", c->map->values[k]);
            }
            if (c->map->n > SHOWN)
                fprintf(f, " and %u more", c->map->n - SHOWN);
            fputs(c->map->else_missing ? "; other texts missing" : "", f);
            fputs("; map them before the call)", f);
        }
        fputs(", indicator ", f);
        put_comment(f, c->indicator);
        if (c->type != IR_COL_BOOL && c->indicator_unit && c->unit &&
            strcmp(c->unit, c->indicator_unit) != 0) {
            fputs(" in ", f);
            put_comment(f, c->indicator_unit);
            if (c->divisor != 0)
                fprintf(f, ": divided by %.17g", c->divisor);
            else
                fprintf(f, ": times %.17g", c->factor);
        }
        fputs(")\n", f);
    }
    if (!p->ncolumns)
        fputs(" *   (none)\n", f);
    fputs(" * The library reads them itself, in these years:\n", f);
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        if (in->kind != IR_IN_DATA || in->column >= p->ncolumns)
            continue;
        fputs(" *        ", f);
        put_comment(f, p->columns[in->column].name);
        if (in->shift.absolute)
            fprintf(f, " of %d", in->shift.year);
        else if (in->shift.rel == -1)
            fputs(" of the previous year", f);
        else if (in->shift.rel)
            fprintf(f, " of the row's year %+d", in->shift.rel);
        else
            fputs(" of the row's year", f);
        fputs("\n", f);
    }
    fputs(" *\n * Regions (planc_input.region):\n", f);
    for (uint32_t i = 0; i < p->nregions; i++) {
        const ir_region *r = &p->regions[i];
        fprintf(f, " *   %3u  ", i);
        put_comment(f, r->name);
        fputs(" (", f);
        put_comment(f, r->level < p->nlevels ? p->levels[r->level] : "?");
        if (r->parent >= 0 && (uint32_t)r->parent < p->nregions) {
            fputs(" in ", f);
            put_comment(f, p->regions[r->parent].name);
        }
        for (uint32_t k = 0; k < r->nmembers; k++) {
            fputs(k ? ", " : " of ", f);
            put_comment(f, r->members[k] < p->nregions ? p->regions[r->members[k]].name : "?");
        }
        fputs(")", f);
        for (uint32_t k = 0; k < r->naliases; k++) {
            fputs(k ? ", " : " also ", f);
            put_comment(f, r->aliases[k]);
        }
        fputs("\n", f);
    }
    fputs(" *\n * Output columns (planc_result.outputs):\n", f);
    uint32_t nout = 0;
    outcol *out = output_columns(p, &nout);
    if (!out)
        return false;
    for (uint32_t k = 0; k < nout; k++) {
        fprintf(f, " *   %3u  ", k);
        if (out[k].item == 0) {
            fputs("target ", f);
            put_comment(f, p->targets[out[k].index].name);
            fprintf(f, " %s", field_names[out[k].field]);
            if (out[k].field >= 1 && out[k].field <= 3 && p->targets[out[k].index].unit) {
                fputs(" (", f);
                put_comment(f, p->targets[out[k].index].unit);
                fputs(")", f);
            }
        } else if (out[k].item == 1) {
            fputs("measure ", f);
            put_comment(f, p->measures[out[k].index].id);
            fputs(" score", f);
        } else if (out[k].item == 2) {
            fputs("section ", f);
            put_comment(f, p->sections[out[k].index].id);
            fputs(" score", f);
        } else {
            fprintf(f, "total %s", field_names[out[k].field]);
        }
        fputs("\n", f);
    }
    free(out);
    fputs(" */\n", f);
    fprintf(f, "#ifndef %s_H\n#define %s_H\n\n", macro, macro);
    fputs(abi_text, f);
    fprintf(f, "\n/* ---- this library ---- */\n"
            "/* planc_library.fingerprint of the library this header describes. */\n"
            "#define %s_FINGERPRINT \"%s\"\n"
            "#define %s_NCOLUMNS %uu\n#define %s_NREGIONS %uu\n#define %s_NTARGETS %uu\n"
            "#define %s_NOUTPUTS %uu\n\n#endif\n",
            macro, fingerprint, macro, p->ncolumns, macro, p->nregions, macro, p->ntargets, macro,
            nout);
    return !ferror(f);
}

/* ---------------------------------------------------------------- kernels */

/* The CPU names --cpu accepts besides "host". */
static const char *const cpu_names[] = {"generic", "x86-64", "x86-64-v2", "x86-64-v3", "x86-64-v4"};

/* planc build's kernels.o, compiled by the LLVM back end (backend.h),
 * into `path` in the work directory (a write error names `output`, the
 * library asked for, escaped as every message escapes a path: the back
 * end prints the name it is given as it is).  Returns 0 or an exit code
 * after printing why; *cpu_used receives the CPU's name. */
static int emit_kernels(const ir_program *p, const exec_plan *plan, const char *cpu,
                        const char *path, const char *output, char **cpu_used, FILE *err)
{
    const be_api *be = be_get(err, NULL);
    if (!be)
        return AOT_INTERNAL;
    size_t n = strlen(output);
    char *shown = malloc(6 * n + 1);
    if (!shown) {
        diag_internal(err, "build", "out of memory");
        return AOT_INTERNAL;
    }
    csv_escape(shown, output, n, false);
    int rc = be->emit_object(p, plan, cpu, path, shown, cpu_used, err);
    free(shown);
    return rc == 0 ? AOT_OK : rc == 1 ? AOT_WRITE : AOT_INTERNAL;
}

/* ---------------------------------------------------------------- linking */

/* Prints the C compiler's output (at most 40 lines), indented. */
static void show_log(const char *path, FILE *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[512];
    for (int n = 0; n < 40 && fgets(line, sizeof line, f); n++)
        fprintf(err, "  | %s%s", line, strchr(line, '\n') ? "" : "\n");
    fclose(f);
}

/* Why the C compiler failed when it was for want of room to write: the
 * file size limit (ulimit -f), which kills it (or its cc1, as, ld) with
 * SIGXFSZ, or a full disk, which its log says.  The errno value (EFBIG,
 * ENOSPC, EDQUOT), or 0 when it failed for another reason.  When the
 * log's line names the file it could not write and that file is not in
 * `dir` (the build directory beside the library) — one of its own
 * temporary files, in $TMPDIR or /tmp ("error closing /tmp/ccX.s: No
 * space left on device") — that path in *elsewhere (malloc'd), else
 * NULL: the room is missing there, not where the library goes. */
static int cc_write_error(int status, const char *log, const char *dir, char **elsewhere)
{
    *elsewhere = NULL;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ)
        return EFBIG;
    static const struct {
        const char *text;
        int e;
    } says[] = {{"File size limit exceeded", EFBIG}, {"File too large", EFBIG},
                {"No space left on device", ENOSPC}, {"Disk quota exceeded", EDQUOT}};
    FILE *f = fopen(log, "r");
    if (!f)
        return 0;
    int e = 0;
    char line[4096];
    while (!e && fgets(line, sizeof line, f))
        for (size_t i = 0; i < sizeof says / sizeof says[0] && !e; i++) {
            char *at = strstr(line, says[i].text);
            if (!at)
                continue;
            e = says[i].e;
            /* the word before ": TEXT", when it is a path */
            if (at - line >= 2 && at[-2] == ':' && at[-1] == ' ') {
                char *end = at - 2, *start = end;
                while (start > line && start[-1] != ' ')
                    start--;
                size_t n = (size_t)(end - start), nd = strlen(dir);
                bool in_dir = n > nd && strncmp(start, dir, nd) == 0 && start[nd] == '/';
                if (n > 1 && start[0] == '/' && !in_dir && (*elsewhere = malloc(n + 1))) {
                    memcpy(*elsewhere, start, n);
                    (*elsewhere)[n] = '\0';
                }
            }
        }
    fclose(f);
    return e;
}

/* Links glue.c and kernels.o in `dir` into dir/lib.so with the C
 * compiler (words of `cc`, split at spaces); a failure for want of room
 * (cc_write_error) is "cannot write 'output'", exit 5, as elsewhere.
 * Returns 0 or an exit code after printing why. */
static int link_library(const char *cc, const char *dir, const char *soname, const char *output,
                        FILE *err)
{
    char *copy = strdup(cc);
    char *glue = NULL, *obj = NULL, *out = NULL, *log = NULL, *so = NULL;
    if (!copy || !(glue = xprintf("%s/glue.c", dir)) || !(obj = xprintf("%s/kernels.o", dir)) ||
        !(out = xprintf("%s/lib.so", dir)) || !(log = xprintf("%s/cc.log", dir)) ||
        !(so = xprintf("-Wl,-soname,%s", soname))) {
        diag_internal(err, "build", "out of memory");
        free(copy);
        free(glue);
        free(obj);
        free(out);
        free(log);
        return AOT_INTERNAL;
    }
    char *argv[PROC_MAX_WORDS + 16];
    int n = proc_words(copy, argv);
    int rc = AOT_OK;
    if (n == 0) {
        csv_message(err, "planc: error: the C compiler command is empty (--cc or $CC)\n");
        rc = AOT_USAGE;
    } else {
        static char *const flags[] = {"-shared", "-fPIC", "-O2", "-std=c17", "-ffp-contract=off",
                                      "-fvisibility=hidden"};
        for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
            argv[n++] = flags[k];
        argv[n++] = so;
        argv[n++] = "-o";
        argv[n++] = out;
        argv[n++] = glue;
        argv[n++] = obj;
        argv[n++] = "-lm";
        argv[n] = NULL;
        int status = 0;
        char *elsewhere = NULL;
        int e = proc_run(argv, log, &status, 0);
        if (e != 0) {
            csv_message(err, "planc: error: cannot run the C compiler '%s': %s (planc build links the "
                    "library with it: install one, e.g. build-essential, or name it with --cc or "
                    "$CC)\n", argv[0], msgcat_strerror(msgcat_lang(), e));
            rc = AOT_INTERNAL;
        } else if ((!WIFEXITED(status) || WEXITSTATUS(status) != 0) &&
                   (e = cc_write_error(status, log, dir, &elsewhere))) {
            if (elsewhere)
                csv_message(err, "planc: error: cannot write '%s': %s (the C compiler '%s' could not "
                            "write its temporary file '%s': it writes them in $TMPDIR, else /tmp; "
                            "make room there, or give TMPDIR another directory)\n",
                            output, msgcat_strerror(msgcat_lang(), e), argv[0], elsewhere);
            else
                csv_message(err, "planc: error: cannot write '%s': %s (the C compiler '%s' could not "
                            "write the library)\n", output, msgcat_strerror(msgcat_lang(), e), argv[0]);
            free(elsewhere);
            rc = AOT_WRITE;
        } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            diag_internal(err, "build", "the C compiler '%s' failed (%s %d) linking the library:", argv[0],
                     msgcat_tr(WIFSIGNALED(status) ? "signal" : "exit status"),
                     WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
            show_log(log, err);
            rc = AOT_INTERNAL;
        }
    }
    free(copy);
    free(glue);
    free(obj);
    free(out);
    free(log);
    free(so);
    return rc;
}

/* ---------------------------------------------------------------- the build */

/* Removes the build directory and what planc build put in it. */
static void remove_workdir(const char *dir)
{
    static const char *const files[] = {"glue.c", "kernels.o", "lib.so", "cc.log", "old.h"};
    char path[4096];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* The directory part of path ("." when none); malloc'd. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* Whether paths a and b name one file: when both exist, one inode (a
 * link or a symbolic link to the other); else the same name in the same
 * directory, the directories resolved ("q.h" and "./q.h", "d/../q.h").
 * The header is written first and the library renamed over its path
 * second, so a header that is the library would be lost. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    const char *ba = strrchr(a, '/'), *bb = strrchr(b, '/');
    ba = ba ? ba + 1 : a;
    bb = bb ? bb + 1 : b;
    if (strcmp(ba, bb) != 0)
        return false;
    char *da = dir_of(a), *db = dir_of(b);
    char *ra = da ? realpath(da, NULL) : NULL, *rb = db ? realpath(db, NULL) : NULL;
    bool same = ra && rb ? strcmp(ra, rb) == 0 : strcmp(a, b) == 0;
    free(da);
    free(db);
    free(ra);
    free(rb);
    return same;
}

/* The library's NAME: the file name without a leading "lib" and from its
 * first '.' on ("libquickstart.so" -> "quickstart"); malloc'd, NULL when
 * nothing is left. */
static char *library_name(const char *output)
{
    const char *base = strrchr(output, '/');
    base = base ? base + 1 : output;
    if (strncmp(base, "lib", 3) == 0 && base[3] && base[3] != '.')
        base += 3;
    size_t n = strcspn(base, ".");
    return n ? strndup(base, n) : NULL;
}

/* The macro prefix for NAME: upper-case letters, digits and '_', led by
 * a letter ("L" before a NAME starting otherwise: an identifier cannot
 * start with a digit, and one starting with '_' and a capital is the C
 * implementation's). */
static char *macro_name(const char *name)
{
    size_t n = strlen(name);
    char *m = malloc(n + 2);
    if (!m)
        return NULL;
    size_t k = 0;
    if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= 'A' && name[0] <= 'Z')))
        m[k++] = 'L';
    bool alnum = false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        alnum |= ok;
        m[k++] = ok ? c : '_';
    }
    m[k] = '\0';
    if (!alnum) {
        free(m);
        return strdup("PLANC_LIBRARY");
    }
    return m;
}

/* Puts the header (hf, written, to be committed over `header`) and the
 * library (work/lib.so, to be renamed to `output`) into place as a pair:
 * a caller never finds the new library beside the old header.  Everything
 * that can fail for want of space (the header's last writes, both
 * fsyncs) is done before either is in place; then the header is renamed
 * first and the library second, with the signals that cleanup.h catches
 * held back between the two.  When the library's rename fails, the old
 * header comes back (from a hard link kept in the work directory) or,
 * when there was none, the new one is removed.  Only a crash between the
 * two renames, or a header on another file system than the library's
 * (no link to keep), can leave the new header beside the old library:
 * the header's NAME_FINGERPRINT then differs from the library's
 * fingerprint, which a program checks (examples/aot/score.c).  Frees hf;
 * 0, or -1 after printing why. */
static int commit_pair(ofile *hf, const char *header, const char *work, const char *output,
                       FILE *err)
{
    if (ofile_finish(hf, err) != 0)
        return -1; /* hf is freed, its temporary file removed */
    char lib[4096], old[4096];
    snprintf(lib, sizeof lib, "%s/lib.so", work);
    snprintf(old, sizeof old, "%s/old.h", work);
    int fd = open(lib, O_RDONLY);
    if (fd < 0 || fsync(fd) != 0) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", output, msgcat_strerror(msgcat_lang(), errno));
        if (fd >= 0)
            close(fd);
        ofile_abort(hf);
        return -1;
    }
    close(fd);
    /* the old header, kept to be put back: a regular file (not a device)
     * that can be linked (the same file system as the library) */
    struct stat st;
    bool had_header = stat(header, &st) == 0, regular = had_header && S_ISREG(st.st_mode);
    bool kept = regular && linkat(AT_FDCWD, header, AT_FDCWD, old, AT_SYMLINK_FOLLOW) == 0;
    char *real = regular ? realpath(header, NULL) : NULL; /* what ofile replaces */

    sigset_t held, saved;
    sigemptyset(&held);
    sigaddset(&held, SIGINT);
    sigaddset(&held, SIGTERM);
    sigaddset(&held, SIGHUP);
    sigaddset(&held, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &held, &saved);
    int rc = 0;
    if (ofile_commit(hf, err) != 0) {
        rc = -1; /* nothing changed */
    } else if (rename(lib, output) != 0) {
        int e = errno;
        const char *undo = real ? real : header;
        bool undone = kept ? rename(old, undo) == 0 : !had_header && unlink(header) == 0;
        csv_message(err, "planc: error: cannot write '%s': %s (%s)\n", output, msgcat_strerror(msgcat_lang(), e),
                msgcat_tr(undone ? (kept ? "the old header is put back" : "the new header is removed")
                                 : "the new header is left beside the old library: their fingerprints differ"));
        rc = -1;
    } else {
        char *dir = dir_of(output);
        int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY) : -1;
        if (dfd >= 0) {
            fsync(dfd); /* the rename itself durable (best effort) */
            close(dfd);
        }
        free(dir);
    }
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    free(real);
    return rc;
}

int aot_build(const ir_program *p, const aot_options *o, FILE *err)
{
    if (!o->output || !*o->output) {
        csv_message(err, "planc: error: no output given (-o libNAME.so)\n");
        return AOT_USAGE;
    }
    bool cpu_known = !o->cpu || strcmp(o->cpu, "host") == 0;
    for (size_t i = 0; i < sizeof cpu_names / sizeof cpu_names[0]; i++)
        cpu_known |= o->cpu && strcmp(o->cpu, cpu_names[i]) == 0;
    if (!cpu_known) {
        csv_message(err, "planc: error: unknown CPU '%s' (available: host, generic, x86-64, "
                "x86-64-v2, x86-64-v3, x86-64-v4)\n", o->cpu);
        return AOT_USAGE;
    }
    /* the library is renamed into place, which over a device or a FIFO
     * replaces the node itself (run as root, -o /dev/full left a library
     * at /dev/full and a header at /dev/full.h) */
    struct stat st;
    if (stat(o->output, &st) == 0 && !S_ISREG(st.st_mode)) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", o->output,
                S_ISDIR(st.st_mode) ? msgcat_file_error(msgcat_lang(), EISDIR)
                                    : msgcat_tr("it is not a regular file (a device, a FIFO or a socket), "
                                                "and the library is renamed into place"));
        return AOT_USAGE;
    }
    /* a library or header made read-only is kept (ofile_writable), as
     * an output of planc run */
    if (ofile_writable(o->output, err) != 0)
        return AOT_WRITE;
    char *name = library_name(o->output);
    if (!name) {
        csv_message(err, "planc: error: cannot name a library '%s'; write -o libNAME.so\n", o->output);
        return AOT_USAGE;
    }
    char *outdir = dir_of(o->output);
    char *macro = macro_name(name);
    char *header = NULL;
    if (o->header)
        header = strdup(o->header);
    else if (outdir)
        header = xprintf("%s/%s.h", outdir, name);
    char *work = NULL;
    char *cpu_used = NULL;
    ofile *hf = NULL;
    exec_plan plan = {0};
    bool have_plan = false;
    int work_cleanup = -1;   /* the work directory's cleanup handle (cleanup.h) */
    int rc = AOT_OK;
    if (!outdir || !macro || !header || !(work = xprintf("%s/.planc-build-XXXXXX", outdir))) {
        diag_internal(err, "build", "out of memory");
        rc = AOT_INTERNAL;
        goto done;
    }
    if (same_file(header, o->output)) {
        csv_message(err, "planc: error: the header and the library are the same file '%s'\n", header);
        if (!o->header)
            csv_message(err, "note: the header is NAME.h beside libNAME.so: write -o lib%s.so, "
                             "or give --header FILE\n", name);
        rc = AOT_USAGE;
        goto done;
    }
    if (!program_ok(p, err)) {
        rc = AOT_INTERNAL;
        goto done;
    }
    if (exec_plan_make(p, &plan) != 0) {
        diag_internal(err, "build", "the scoring program is malformed: it cannot be split into segments");
        rc = AOT_INTERNAL;
        goto done;
    }
    have_plan = true;
    if (!mkdtemp(work)) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", o->output, msgcat_strerror(msgcat_lang(), errno));
        free(work);
        work = NULL;
        rc = AOT_WRITE;
        goto done;
    }
    work_cleanup = cleanup_dir(work); /* removed if a signal ends planc */
    ofile_failure why;
    if (!(hf = ofile_open_why(header, &why, err))) {
        rc = why == OFILE_FAIL_NAME ? AOT_USAGE : AOT_WRITE;
        goto done;
    }

    /* kernels.o */
    char path[4096];
    snprintf(path, sizeof path, "%s/kernels.o", work);
    if ((rc = emit_kernels(p, &plan, o->cpu, path, o->output, &cpu_used, err)) != AOT_OK)
        goto done;

    /* glue.c */
    char fingerprint[32];
    snprintf(path, sizeof path, "%s/glue.c", work);
    FILE *g = fopen(path, "w");
    bool ok = g && write_glue(g, p, &plan, cpu_used, fingerprint);
    if (g && fclose(g) != 0)
        ok = false;
    if (!ok) {
        /* a full disk or the file size limit (ulimit -f) where the output
         * goes: the library cannot be written (glue.c is planc's own) */
        csv_message(err, "planc: error: cannot write '%s': %s\n", o->output, msgcat_strerror(msgcat_lang(), errno));
        rc = AOT_WRITE;
        goto done;
    }

    /* the library */
    const char *cc = o->cc ? o->cc : getenv("CC");
    const char *slash = strrchr(o->output, '/');
    if ((rc = link_library(cc && *cc ? cc : "cc", work, slash ? slash + 1 : o->output, o->output, err)) !=
        AOT_OK)
        goto done;

    /* the header, then both into place (commit_pair) */
    if (!write_header(ofile_stream(hf), p, name, macro, fingerprint, cpu_used, o->rules_path)) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", header, msgcat_strerror(msgcat_lang(), errno));
        rc = AOT_WRITE;
        goto done;
    }
    int crc = commit_pair(hf, header, work, o->output, err);
    hf = NULL;
    if (crc != 0)
        rc = AOT_WRITE;

done:
    if (hf)
        ofile_abort(hf);
    if (work)
        remove_workdir(work);
    cleanup_done(work_cleanup);
    if (have_plan)
        exec_plan_free(&plan);
    free(cpu_used);
    free(work);
    free(header);
    free(macro);
    free(outdir);
    free(name);
    return rc;
}

/* ---------------------------------------------------------------- planc build */

/* Prints a usage error as the driver does; returns 2. */
static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "planc: ");
    fprintf(stderr, msgcat_tr(fmt), arg);
    fputs(msgcat_tr("\nRun 'planc build --help' for usage.\n"), stderr);
    return AOT_USAGE;
}

/* usage_error as the option table's reporter (cliopt_usage_fn): build's
 * errors name no command but point at `planc build --help`. */
static int build_usage_error(const char *cmd, const char *fmt, const char *arg)
{
    (void)cmd;
    return usage_error(fmt, arg);
}

/* planc build's command line (build_command). */
typedef struct build_args {
    cliopt_list rules; /* the one rules file */
    aot_options o;     /* -o, --header, --cpu, --cc */
    cliopt_lang lang;  /* --lang, else PLANC_LANG or the locale */
} build_args;

/* planc build's options. */
static const cliopt_option build_options[] = {
    {"--output", "-o", CLIOPT_STRING, offsetof(build_args, o.output), NULL},
    {"--header", NULL, CLIOPT_STRING, offsetof(build_args, o.header), NULL},
    {"--cpu", NULL, CLIOPT_STRING, offsetof(build_args, o.cpu), NULL},
    {"--cc", NULL, CLIOPT_STRING, offsetof(build_args, o.cc), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(build_args, lang), NULL},
    {NULL, NULL, CLIOPT_FLAG, 0, NULL},
};

/* planc build's command line: one rules file. */
static const cliopt_command build_command = {
    "build", build_options, NULL, false, offsetof(build_args, rules), 1,
    "unexpected argument '%s' (one rules file per library)", build_usage_error,
};

int aot_main(int argc, char **argv, const char *root)
{
    const char *rules_v[1] = {NULL};
    build_args ba = {.rules.v = rules_v, .lang = {msgcat_lang(), false}};
    cliopt_result r = cliopt_parse(&build_command, &ba, argc, argv);
    if (r == CLIOPT_HELP)
        fputs(aot_usage_text(), stdout);
    if (r != CLIOPT_OK)
        return r == CLIOPT_HELP ? AOT_OK : AOT_USAGE;
    aot_options o = ba.o;
    const char *rules = rules_v[0];
    lbl_lang lang = ba.lang.lang;
    if (!rules)
        return usage_error("%sno rules file given", "");
    if (!o.output)
        return usage_error("%sno output given (-o libNAME.so)", "");
    if (fio_same_file(o.output, rules) || (o.header && fio_same_file(o.header, rules)))
        return usage_error("the output '%s' is the rules file: write the library elsewhere",
                           fio_same_file(o.output, rules) ? o.output : o.header);
    o.rules_path = rules;

    /* Compile as the driver's compile() does: the file and what it
     * imports, the checker, the lowering. */
    arena a;
    diag_ctx d;
    arena_init(&a);
    diag_init(&d, stderr);
    d.lang = lang; /* the rules' messages (msgcat.h) */
    int rc = AOT_RULES;
    ast_program *ast = import_load(&a, &d, rules, root);
    if (ast->nmodules > 0) {
        sema_model *m = sema_check(&a, &d, ast);
        if (!diag_errors(&d))
            diag_allow_unused(&d);
        if (!diag_errors(&d)) {
            ir_program *ir = lower_program(&a, &d, m);
            if (!diag_errors(&d))
                rc = aot_build(ir, &o, stderr);
        }
    }
    diag_dispose(&d);
    arena_free(&a);
    return rc;
}
