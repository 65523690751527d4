/* jit.h — compiling a scoring program to native code with LLVM (ORC LLJIT).
 *
 * Pipeline, timed phase by phase (for `planc run --timings`):
 *   lower     cg_module: one LLVM module, one function per segment (cg.h)
 *   optimise  LLVMRunPasses("default<O3>") with a target machine for the
 *             host CPU (its name and features), so loops vectorise
 *   codegen   the target machine writes an object file into memory
 *   link      the object is added to a fresh LLJIT (whose process symbol
 *             generator resolves the C library functions the code may call,
 *             e.g. memset) and every segment function is looked up
 * The result is an exec_engine whose run_segment calls the compiled
 * function of the segment: no LLVM call happens while rows are scored, and
 * calls for disjoint row ranges may run concurrently.
 *
 * No fast-math flags are used: results are bit-identical to the reference
 * interpreter (a NaN's sign and payload aside: every NaN means "missing").
 *
 * Errors (an LLVMErrorRef, an LLVM message, an IR that breaks ir.h rules)
 * are printed as "planc: internal error: JIT: ..." to the `err` stream given
 * to the call; the driver then exits with code 4.  Every LLVM object is
 * disposed, whether the call succeeds or not.
 *
 * Driver use (planc run --engine jit):
 *
 *   jit_engine *j = jit_create(c.ir, stderr);
 *   if (!j) return EXIT_INTERNAL;
 *   rt_result *res = rt_run(c.ir, table, jit_exec_engine(j), stderr);
 *   ... report ...
 *   if (jit_dispose(j) != 0) rc = EXIT_INTERNAL;
 *
 * and for `planc emit-llvm RULES [--O0]`:
 *
 *   if (jit_emit_ir(c.ir, !o0, stdout, stderr) != 0) return EXIT_INTERNAL; */
#ifndef PLANC_JIT_H
#define PLANC_JIT_H

#include <stdbool.h>
#include <stdio.h>

#include "exec.h"
#include "ir.h"

/* Wall-clock time of each compile phase, in milliseconds. */
typedef struct jit_timings {
    double lower;     /* host target machine set up; IR -> LLVM module, verified */
    double optimise;  /* default<O3> */
    double codegen;   /* module -> object file in memory */
    double link;      /* LLJIT created, object added, segments looked up */
} jit_timings;

/* A program compiled to native code. */
typedef struct jit_engine jit_engine;

/* Compiles every segment of p (as split by exec_plan_make).  Returns NULL
 * after printing an internal error to `err`.  `err` is kept for errors the
 * JIT reports later (jit_lookup, jit_dispose).  p must outlive the engine. */
jit_engine *jit_create(const ir_program *p, FILE *err);

/* The engine for rt_run: run_segment(self, p, seg, f, lo, hi) calls the
 * compiled seg_N(f->inputs, f->cols, lo, hi).  p must be the program the
 * engine was created for and seg one of its segments; anything else is a
 * programming error, reported and aborted. */
const exec_engine *jit_exec_engine(const jit_engine *j);

/* The time each phase of jit_create took. */
jit_timings jit_get_timings(const jit_engine *j);

/* The address of a function of the compiled module ("seg_N"), or NULL after
 * printing why to the engine's `err`.  Safe to call from several threads. */
void *jit_lookup(jit_engine *j, const char *name);

/* Prints p's LLVM module as text to `out`: optimised as jit_create
 * optimises it, or as lowered (optimise false: `planc emit-llvm --O0`).
 * Returns 0, or -1 after printing an internal error to `err`. */
int jit_emit_ir(const ir_program *p, bool optimise, FILE *out, FILE *err);

/* Releases the engine and every LLVM object it holds.  Returns 0, or -1 if
 * the JIT reported an error at any time (during jit_lookup, asynchronously
 * through the execution session, or while tearing down). NULL is a no-op. */
int jit_dispose(jit_engine *j);

#endif
