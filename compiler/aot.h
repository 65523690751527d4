/* aot.h — ahead-of-time compilation: `planc build RULES -o libNAME.so`.
 *
 * planc build turns a rules file into a shared library that scores data
 * without planc, and a C header NAME.h that documents it.  The library
 * holds
 *   - the scoring kernels: the same LLVM module the JIT compiles (cg.h),
 *     optimised with default<O3> for a chosen CPU and written as an object
 *     file;
 *   - the runtime around them, as C generated here and compiled by the
 *     system C compiler: the program's tables (regions, columns, inputs,
 *     the run order of segments and barriers, output slots), input checks,
 *     sorting rows by (region, year), the ancestor rows share targets need,
 *     the time-shifted input columns, the peak and share barriers and the
 *     `missing error` policy, each exactly as runtime/table.c and
 *     runtime/exec.c do them, so results equal `planc run` bit for bit;
 * linked by `cc -shared`.
 *
 * The library's C ABI (version AOT_ABI_VERSION) is defined by the header's
 * text, which aot.c writes; docs are in the header itself and in
 * examples/aot/README.md.  Two symbols are exported:
 *
 *   uint32_t planc_abi_version(void);
 *   const planc_library *planc_get_library(uint32_t abi_version);
 *
 * planc_get_library returns NULL for an ABI version the library does not
 * implement (it implements 1 to 3: version 1's description is version
 * 2's without the targets' goals; version 3 is version 2 with the return
 * code PLANC_E_OVERFLOW, which the score of 1 and 2 reports as
 * PLANC_E_ROWS); the planc_library struct describes the
 * rules (regions, input columns, targets and their goals with their
 * tolerances, measures, sections, grade bands, output columns) and holds
 * the functions that score input arrays and free results.
 *
 * Both files are written atomically (a temporary file in the destination
 * directory renamed into place): a failed build leaves no partial file and
 * keeps existing ones.  Errors: usage 2, rules 1, internal 4 (LLVM, the C
 * compiler), and 2 for an output that cannot be written (as `planc run -o`). */
#ifndef PLANC_AOT_H
#define PLANC_AOT_H

#include <stdio.h>

#include "ir.h"

/* The version of the library ABI planc build writes. */
#define AOT_ABI_VERSION 3

/* What to build and how. */
typedef struct aot_options {
    const char *output;      /* the library, e.g. "build/libquickstart.so" */
    const char *header;      /* NULL: NAME.h beside the library */
    const char *cpu;         /* NULL or "host": this machine's CPU and features;
                                else "generic", "x86-64", "x86-64-v2", "-v3", "-v4" */
    const char *cc;          /* the C compiler command; NULL: $CC, else "cc" */
    const char *rules_path;  /* for the header's comment (may be NULL) */
} aot_options;

/* Builds the library and header for program p.  Returns 0, or an exit code
 * after printing why to `err`: 2 when an output cannot be written or the
 * options are wrong, 4 for an internal error (LLVM, the C compiler). */
int aot_build(const ir_program *p, const aot_options *o, FILE *err);

/* `planc build ARGS...` (argv[0] is the first argument after "build"):
 * parses the options, compiles the rules as the driver does (import_load
 * with the rules tree `root`, NULL for the rules file's directory; the
 * checker; the lowering), builds.  Returns the process exit code. */
int aot_main(int argc, char **argv, const char *root);

/* The usage text of planc build. */
extern const char aot_usage[];

/* planc build's usage text in the language of the run's messages
 * (msgcat_lang()): aot_usage, or its Chinese twin. */
const char *aot_usage_text(void);

#endif
