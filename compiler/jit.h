/* jit.h — a scoring program as native code: compiled with LLVM (ORC
 * LLJIT), or loaded from the code cache.
 *
 * Pipeline, timed phase by phase (for `planc run --timings`):
 *   cache       the cache key (a SHA-256 of what decides the code, below),
 *               reading and checking the entry; on a miss, also storing
 *               the objects
 *   llvm-load   the LLVM back end (backend.h) loaded, when the code must be
 *               compiled or an entry holds objects; 0 otherwise
 *   lower       cg_module_part: the program's groups shared out among a few
 *               LLVM modules (cg.h), one per compile thread, with vectors of
 *               8 doubles on a host with AVX-512, else 4
 *   optimise    LLVMRunPasses("default<O3>") with a target machine for the
 *               host CPU (its name and features), each module on its thread
 *   codegen     the target machine writes each module as an object file into
 *               memory (code generation level BE_CODEGEN_LEVEL)
 *   link        compiled objects are added to a fresh LLJIT (whose process
 *               symbol generator resolves the C library functions and
 *               planc's runtime helpers the code may call, e.g. memcpy) and
 *               every segment function is looked up, in one lookup that
 *               links every object; a cached shared object is loaded with
 *               dlopen instead
 * With several threads the phases overlap; each is then timed on the
 * critical path: lower ends when the last module is lowered, optimise
 * when the last is optimised, codegen when the last object is written.
 *
 * The cache (cache.h) holds, per key, one of two kinds of entry:
 *   - a shared object: the compiled objects linked by the system C
 *     compiler ($CC, else cc; `cc -shared -nostdlib`).  A hit copies it
 *     into an anonymous file (memfd) and loads it with dlopen, so the
 *     bytes loaded are the bytes the checksum checked, and neither LLVM
 *     nor the JIT linker is needed: planc does not even load its back end
 *     (the library is loaded by its /proc/self/fd name: without /proc, a
 *     hit warns and recompiles);
 *   - the objects themselves, which a hit links in an LLJIT as on a miss.
 * A miss stores the objects at once, then links the shared object on a
 * thread of its own while the rows are scored, checks that it loads, and
 * replaces the entry with it; jit_cache_wait and jit_dispose wait for that
 * thread (a compiler that takes over a minute is killed).  Without a C
 * compiler (or when linking fails) the objects stay: hits then load the
 * back end and link them, a few milliseconds slower, and try the link
 * again.  An entry whose shared object does not load is ignored with a
 * warning and recompiled.
 *
 * The key is a SHA-256 over: the entry's payload format, planc's version,
 * LLVM's version (LLVM_VERSION_STRING, from its headers), cg's CG_VERSION,
 * the vector width asked for (0: the host's), the code generation level,
 * the target triple, the host CPU (on x86-64 the raw CPUID feature and
 * model registers and XCR0, which decide what LLVM sees; elsewhere LLVM's
 * own CPU name and features, through the back end), the caller's `source`
 * bytes (the rules file), and the program exactly as cg reads it: its
 * name, its inputs count, every step (op, operands, the bits of imm, aux)
 * and the plan (segments and materialized slots).  So any change to what
 * the code computes, or to the machine it is for, is a different key.
 *
 * The result is an exec_engine whose run_segment calls the compiled
 * function of the segment: no LLVM call happens while rows are scored, and
 * calls for disjoint row ranges may run concurrently.
 *
 * No fast-math flags are used: results are bit-identical to the reference
 * interpreter (a NaN's sign and payload aside: every NaN means "missing").
 *
 * Errors (an LLVMErrorRef, an LLVM message, an IR that breaks ir.h rules,
 * a back end that cannot be loaded) are printed as "planc: internal error:
 * JIT: ..." or "planc: error: ..." to the `err` stream given to the call;
 * the driver then exits with code 4.  Every LLVM object is disposed,
 * whether the call succeeds or not.
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
#include <stdint.h>
#include <stdio.h>

#include "exec.h"
#include "ir.h"

/* Whether the compiled code came from the cache. */
typedef enum jit_cache_state {
    JIT_CACHE_OFF,      /* no cache: not asked for, or its directory unusable */
    JIT_CACHE_MISS,     /* compiled (and stored) */
    JIT_CACHE_HIT,      /* a shared object loaded from the cache */
    JIT_CACHE_HIT_OBJ   /* objects from the cache, linked by the LLJIT */
} jit_cache_state;

/* Wall-clock time of each compile phase, in milliseconds. */
typedef struct jit_timings {
    double load;      /* the LLVM back end loaded (0 when not needed) */
    double lower;     /* host target machine set up; IR -> LLVM modules, verified */
    double optimise;  /* default<O3> */
    double codegen;   /* modules -> object files in memory */
    double link;      /* LLJIT created, objects added, segments looked up;
                         or the cached shared object loaded */
    double cache;     /* key, lookup, and on a miss the store */
    jit_cache_state cache_state;
    unsigned parts;   /* modules compiled (in parallel when more than 1) */
} jit_timings;

/* How jit_create_opts compiles. */
typedef struct jit_options {
    const char *cache_dir;   /* the cache directory; NULL: no cache */
    const void *source;      /* bytes that are part of the cache key (the */
    size_t source_len;       /* rules file), or NULL */
    unsigned threads;        /* compile threads at most; 0: the online
                                processors, at most JIT_MAX_THREADS */
    unsigned width;          /* doubles per vector (2, 4, 8 or 16); 0: the
                                host's, 8 with AVX-512, else 4 */
    bool looked_up;          /* jit_cached missed with these options and
                                gave the cache's warnings: the compile
                                neither reads the entry again nor repeats
                                them (it still stores its code) */
    lbl_lang lang;           /* the cache's warnings' language (--lang) */
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

/* The engine for p from the cache alone: as jit_create_opts when the
 * cache (opts->cache_dir) holds p's code; NULL, having compiled nothing,
 * when it does not (a damaged entry is warned about and ignored), when
 * there is no cache, or after an internal error was printed to `err`.
 * `planc run --engine auto` asks it first, then decides whether
 * compiling pays (jit_pays). */
jit_engine *jit_cached(const ir_program *p, const jit_options *opts, FILE *err);

/* What a run of p over `rows` rows is expected to cost, in milliseconds
 * of this machine's time, for `planc run --engine auto`: interpreting the
 * rows, and compiling p (its code not cached) then running the compiled
 * code over them.  The constants are measured (docs/PERFORMANCE.md,
 * "Choosing the engine"); only the two estimates' order matters. */
typedef struct jit_estimate {
    uint64_t steps;       /* p's IR steps */
    double interp_ms;     /* the interpreter over the rows */
    double jit_ms;        /* compiling, plus the compiled code over the rows */
} jit_estimate;

/* The estimate for p over `rows` rows; .interp_ms > .jit_ms says that
 * compiling pays. */
jit_estimate jit_estimate_run(const ir_program *p, uint64_t rows);

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

/* Waits for the shared object being linked for the cache, if any (the C
 * compiler is killed after a minute).  The driver calls it before it
 * reports the run's total time; jit_dispose calls it too. */
void jit_cache_wait(jit_engine *j);

/* Waits for the shared object being linked for the cache (if any), then
 * releases the engine and every LLVM object it holds.  Returns 0, or -1
 * if the JIT reported an error at any time (during jit_lookup,
 * asynchronously through the execution session, or while tearing down).
 * NULL is a no-op. */
int jit_dispose(jit_engine *j);

#endif
