/* backend.h — planc's LLVM back end, loaded only when code is compiled.
 *
 * Everything of planc that calls LLVM (cg.c lowering the IR, llvmjit.c
 * optimising, generating code and linking it in an ORC LLJIT) is built as
 * the module planc-llvm.so, which holds LLVM itself (its static libraries
 * when llvm-19-dev has them).  planc loads it with dlopen the first time a
 * command must compile: a miss of the code cache, `planc emit-llvm`,
 * `planc build`.  Every other command (check, explain, a run whose code
 * comes from the cache, a run with --engine interp) never maps LLVM, so it
 * starts in a millisecond or two and its memory holds no compiler.  The
 * module reaches planc's own functions (the IR, the plan, the runtime
 * helpers) through planc's exported symbols.
 *
 * The module defines one symbol, `planc_backend`, the table below.  The
 * tests and tools link the back end in (be_get then returns the table
 * without dlopen); planc's binary uses backend_dl.c, which finds the
 * module:
 *   1. $PLANC_BACKEND, when set (a path to the module);
 *   2. planc-llvm.so beside the planc binary (the build tree);
 *   3. ../lib/planc/planc-llvm.so from the binary's directory (an install).
 * A module of another planc version, or none, is an error, reported once
 * ("planc: error: cannot load the LLVM back end ..."). */
#ifndef PLANC_BACKEND_H
#define PLANC_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exec.h"
#include "ir.h"

/* The version of the table below; the module and planc must agree. */
#define BE_API_VERSION 2

/* Most parts (object files) one program is compiled into. */
#define BE_MAX_PARTS 16

/* The code generation level of the target machine (instruction selection,
 * register allocation, scheduling): 3, LLVMCodeGenLevelAggressive; part of
 * the cache key.  The IR it receives is already optimised by default<O3>.
 * Measured on the 40-target benchmark rules (4-wide vectors):
 * LLVMCodeGenLevelNone executes a third of the instructions of the other
 * levels in codegen (221M against 675M; Less, Default and Aggressive cost
 * the same), which cuts a cold compile by a third, but its kernels are 19%
 * slower with the rows in cache and 11% slower over 100,000 rows.  The
 * cache makes code generation a one-time cost per rules file while every
 * run pays the kernel, so the kernel wins. */
#define BE_CODEGEN_LEVEL 3

/* 1: code generation selects instructions with LLVM's fast selector
 * (LLVMSetTargetMachineFastISel) where it can, at BE_CODEGEN_LEVEL.  On
 * x86 it hands the loops' vector code back to the DAG selector, so the
 * kernels are the same (1,018.6 against 1,018.9 instructions per row on
 * the 40-target set, 60.8 against 60.3 on the memory-bound set, under
 * callgrind), and it selects the scalar and control code around them
 * for less: instruction selection 584M to 442M, the Liaoning file's cold
 * run 2,150M to 2,006M instructions (-6.7 %; docs/PERFORMANCE.md).  Part
 * of the cache key. */
#define BE_FAST_ISEL 1

/* One object file in memory. */
typedef struct be_object {
    const unsigned char *data;
    size_t len;
} be_object;

/* Wall-clock milliseconds of each phase of be_api.compile, on the critical
 * path when the parts compile on several threads (jit.h). */
typedef struct be_times {
    double load;      /* the module loaded (be_get; 0 when linked in) */
    double lower;     /* host target set up, IR -> LLVM modules */
    double optimise;  /* default<O3> */
    double codegen;   /* modules -> object files */
} be_times;

/* Code linked into a live LLJIT (llvmjit.c). */
typedef struct be_code be_code;

/* The back end's functions.  Errors are printed to `err` as
 * "planc: internal error: JIT: ..." (or, for emit_object, as planc build
 * prints them). */
typedef struct be_api {
    unsigned version;        /* BE_API_VERSION */
    const char *planc_version;

    /* The host as LLVM describes it, "TRIPLE CPU FEATURES" (malloc'd), for
     * the cache key on a host where jit.c cannot describe the CPU itself.
     * NULL after printing why the host cannot be used. */
    char *(*host_description)(FILE *err);

    /* Compiles the segments of p (split by plan) into *nparts object
     * files (cg_parts: as many as are worth it for at most max_parts
     * threads, at most BE_MAX_PARTS), parts 1.. on threads of their own,
     * with vectors of `width` doubles (0: the host's, 8 with AVX-512, else
     * 4).  Fills objs[0..*nparts) with malloc'd buffers (the caller frees
     * each data) and *t.  False after an error was printed (nothing to
     * free then). */
    bool (*compile)(const ir_program *p, const exec_plan *plan, unsigned width,
                    unsigned max_parts, unsigned *nparts, be_object *objs, be_times *t,
                    FILE *err);

    /* A fresh LLJIT holding the n objects (which must outlive it: they
     * are linked where they lie), with the process symbol generator and an
     * execution-session error reporter; every segment function of p (as
     * split by plan, nsegs of them) looked up in one lookup into fns.
     * NULL after printing why to link_err; errors the JIT reports later
     * (lookup, the session, unlink) go to err. */
    be_code *(*link)(const be_object *objs, unsigned n, uint32_t nsegs, void **fns,
                     FILE *err, FILE *link_err);

    /* The address of a function `name` of linked code, or NULL after
     * printing why.  Safe to call from several threads. */
    void *(*lookup)(be_code *c, const char *name);

    /* Releases the LLJIT.  Returns 0, or -1 when the JIT reported an error
     * at any time (a lookup, the session, the tear-down).  NULL: 0. */
    int (*unlink)(be_code *c);

    /* jit_emit_ir (jit.h). */
    int (*emit_ir)(const ir_program *p, bool optimise, FILE *out, FILE *err);

    /* planc build's kernels (aot.c): the segments as one module whose
     * functions are hidden, default<O3> for `cpu` (NULL or "host": this
     * host's CPU and features), written as the object file `path`
     * (position-independent, for a shared library).  *cpu_used receives
     * the CPU's name (malloc'd).  Returns 0, 1 when the CPU cannot be used
     * on this host or `path` cannot be written (a usage error: exit 2,
     * printed as "cannot write 'shown'": the file the user asked for, not
     * the temporary object), or 2 after an internal error. */
    int (*emit_object)(const ir_program *p, const exec_plan *plan, const char *cpu,
                       const char *path, const char *shown, char **cpu_used, FILE *err);
} be_api;

/* The back end: linked in, or the module loaded (once per process; the
 * time it took is in *load_ms when load_ms is not NULL, 0 after the first
 * call).  NULL after printing why it cannot be loaded (each call prints). */
const be_api *be_get(FILE *err, double *load_ms);

#endif
