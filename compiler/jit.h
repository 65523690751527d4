/* jit.h — compiling a scoring program to native code with LLVM (ORC LLJIT).
 *
 * Pipeline, timed phase by phase (for `planc run --timings`):
 *   cache     the cache key (a SHA-256 of what decides the code, below),
 *             reading and checking the entry; on a miss, also writing it
 *   lower     cg_module_part: the program's groups shared out among a few
 *             LLVM modules (cg.h), one per compile thread, with vectors of
 *             8 doubles on a host with AVX-512, else 4
 *   optimise  LLVMRunPasses("default<O3>") with a target machine for the
 *             host CPU (its name and features), each module on its thread
 *   codegen   the target machine writes each module as an object file into
 *             memory (code generation level JIT_CODEGEN_LEVEL, see jit.c)
 *   link      the objects are added to a fresh LLJIT (whose process symbol
 *             generator resolves the C library functions the code may call,
 *             e.g. memcpy) and every segment function is looked up, in one
 *             lookup that links every object
 * With several threads the phases overlap; each is then timed on the
 * critical path: lower ends when the last module is lowered, optimise
 * when the last is optimised, codegen when the last object is written.
 * On a cache hit, lower, optimise and codegen are skipped (0) and the
 * cached objects are linked where they lie in the entry, mapped into
 * memory (cache_map) rather than copied.
 *
 * What depends on the host only (LLVM's target set up, the host's CPU
 * name and features, an LLJIT created) takes a few milliseconds; the
 * driver starts it on a thread of its own with jit_warm_start before it
 * parses, so that it overlaps the front end, and hands it to
 * jit_create_opts.  The time jit_create_opts waits for that thread is
 * counted in the phase that waits: cache for the host's description, link
 * for the LLJIT.  So the phases still add up to the time from the start
 * of the cache phase to a callable kernel.
 *
 * The result is an exec_engine whose run_segment calls the compiled
 * function of the segment: no LLVM call happens while rows are scored, and
 * calls for disjoint row ranges may run concurrently.
 *
 * The cache (cache.h) is keyed by a SHA-256 over: the entry's payload
 * format (jit.c), planc's version, LLVM's
 * version, cg's CG_VERSION and vector width, the code generation level, the
 * host's target triple, CPU name and CPU features, the caller's `source`
 * bytes (the rules file), and the program exactly as cg reads it: its
 * name, its inputs count, every step (op, operands, the bits of imm, aux)
 * and the plan (segments and materialized slots).  So any change to what
 * the code computes, or to the machine it is for, is a different key.
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

/* Whether the compiled code came from the cache. */
typedef enum jit_cache_state {
    JIT_CACHE_OFF,    /* no cache: not asked for, or its directory unusable */
    JIT_CACHE_MISS,   /* compiled (and stored) */
    JIT_CACHE_HIT     /* loaded from the cache */
} jit_cache_state;

/* Wall-clock time of each compile phase, in milliseconds. */
typedef struct jit_timings {
    double lower;     /* host target machine set up; IR -> LLVM modules, verified */
    double optimise;  /* default<O3> */
    double codegen;   /* modules -> object files in memory */
    double link;      /* LLJIT created, objects added, segments looked up */
    double cache;     /* key, lookup, and on a miss the store */
    jit_cache_state cache_state;
    unsigned parts;   /* modules compiled (in parallel when more than 1) */
} jit_timings;

/* The work jit_warm_start does ahead of jit_create_opts. */
typedef struct jit_warm jit_warm;

/* How jit_create_opts compiles. */
typedef struct jit_options {
    const char *cache_dir;   /* the cache directory; NULL: no cache */
    const void *source;      /* bytes that are part of the cache key (the */
    size_t source_len;       /* rules file), or NULL */
    unsigned threads;        /* compile threads at most; 0: the online
                                processors, at most JIT_MAX_THREADS */
    unsigned width;          /* doubles per vector (2, 4, 8 or 16); 0: the
                                host's, 8 with AVX-512, else 4 */
    jit_warm *warm;          /* from jit_warm_start, or NULL; jit_create_opts
                                takes it over (and disposes of it) whether
                                it succeeds or not */
} jit_options;

/* Most compile threads by default. */
#define JIT_MAX_THREADS 4

/* A program compiled to native code. */
typedef struct jit_engine jit_engine;

/* Compiles every segment of p (as split by exec_plan_make).  Returns NULL
 * after printing an internal error to `err`.  `err` is kept for errors the
 * JIT reports later (jit_lookup, jit_dispose).  p must outlive the engine.
 * jit_create uses no cache and the default threads. */
jit_engine *jit_create(const ir_program *p, FILE *err);

/* jit_create with options (NULL: as jit_create).  Cache warnings (an
 * unusable directory, a damaged entry) go to `err` too and are not
 * errors: the code is then compiled. */
jit_engine *jit_create_opts(const ir_program *p, const jit_options *opts, FILE *err);

/* Starts, on a thread of its own, what every jit_create_opts does first
 * and what depends on the host only: LLVM's native target initialised,
 * the host's triple, CPU name and features read, an LLJIT with its
 * process symbol generator created.  NULL when the thread cannot be
 * started (jit_create_opts then does it all itself).  Nothing is printed
 * here: what fails on this thread, jit_create_opts does again itself and
 * reports.  A jit_warm not given to jit_create_opts must go to
 * jit_warm_dispose. */
jit_warm *jit_warm_start(void);

/* Waits for the thread of w and releases everything it made.  NULL is a
 * no-op. */
void jit_warm_dispose(jit_warm *w);

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
