/* jit.c — host target machine, O3 pipeline, object code compiled in parts
 * on several threads, the cache of objects, ORC LLJIT and the exec_engine
 * that calls the compiled segments (see jit.h). */
#include "jit.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <llvm-c/Core.h>
#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "cache.h"
#include "cg.h"

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* The code generation level of the target machine (instruction selection,
 * register allocation, scheduling); the IR it receives is already
 * optimised by default<O3>.  Measured on the 40-target benchmark rules
 * (4-wide vectors): LLVMCodeGenLevelNone executes a third of the instructions of the other
 * levels in codegen (221M against 675M; Less, Default and Aggressive cost
 * the same), which cuts a cold compile by a third, but its kernels are
 * 19% slower with the rows in cache and 11% slower over 100,000 rows.
 * The cache makes code generation a one-time cost per rules file while
 * every run pays the kernel, so the kernel wins. */
#define JIT_CODEGEN_LEVEL LLVMCodeGenLevelAggressive

/* Most parts (objects) of one program. */
#define JIT_MAX_PARTS 16

/* A compiled segment: void seg_N(inputs, cols, lo, hi) (cg.h). */
typedef void (*seg_fn)(const double *const *inputs, double *const *cols,
                       int64_t lo, int64_t hi);

/* An engine: the LLJIT holding the code, the segment functions looked up
 * once at creation (so scoring never calls into LLVM), and the exec_engine
 * handed to rt_run, whose `self` points back here. */
struct jit_engine {
    exec_engine engine;
    const ir_program *p;
    FILE *err;
    LLVMOrcLLJITRef lljit;
    pthread_mutex_t lock;   /* serialises adds and lookups on lljit */
    seg_fn *fns;            /* nsegs entries */
    uint32_t nsegs;
    cache_mapping entry;    /* the cache entry the objects were read from
                               (the LLJIT's buffers point into it), or empty */
    jit_timings timings;
    atomic_int nerrors;     /* errors reported since creation */
};

/* Prints one internal error in the driver's format. */
static void jit_fail(FILE *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void jit_fail(FILE *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("planc: internal error: JIT: ", err);
    vfprintf(err, fmt, ap);
    fputc('\n', err);
    va_end(ap);
}

/* Prints an LLVMErrorRef as "... JIT: <what>: <message>"; consumes it. */
static void report_error(FILE *err, const char *what, LLVMErrorRef e)
{
    char *msg = LLVMGetErrorMessage(e);
    jit_fail(err, "%s: %s", what, msg);
    LLVMDisposeErrorMessage(msg);
}

/* Prints an LLVM message string (the char ** out-parameter style) and
 * disposes it. */
static void report_message(FILE *err, const char *what, char *msg)
{
    jit_fail(err, "%s: %s", what, msg ? msg : "unknown error");
    LLVMDisposeMessage(msg);
}

/* The execution session's reporter, for failures no caller receives
 * (e.g. a symbol the linker cannot resolve while materialising). */
static void session_error(void *ctx, LLVMErrorRef e)
{
    jit_engine *j = ctx;
    report_error(j->err, "execution session", e);
    atomic_fetch_add(&j->nerrors, 1);
}

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- the target machine ---- */

static pthread_once_t llvm_once = PTHREAD_ONCE_INIT;
static bool llvm_ready;

/* Registers the host target and its code emitter, once per process. */
static void llvm_init(void)
{
    llvm_ready = !LLVMInitializeNativeTarget() && !LLVMInitializeNativeAsmPrinter();
}

/* The host as LLVM describes it: target triple, CPU name and CPU features
 * (LLVM messages, disposed by host_dispose), and the vector width cg uses
 * for it. */
typedef struct host_info {
    char *triple, *cpu, *features;
    LLVMTargetRef target;
    unsigned width;
} host_info;

/* The vector width for a host with these CPU features: 8 doubles (512
 * bits) with AVX-512, else CG_WIDTH.  With AVX-512, measured on the
 * 40-target benchmark rules (AMD Zen 4), 8 gave kernels 35% faster than 4
 * with the rows in cache (34 against 53 ns/row) at the same compile time;
 * on CPUs that LLVM tunes to prefer 256-bit vectors, the code generator
 * splits each 8-wide operation in two by itself. */
static unsigned host_width(const char *features)
{
    for (const char *f = features; (f = strstr(f, "+avx512f")); f++)
        if (f[8] == ',' || f[8] == '\0')
            return 8;
    return CG_WIDTH;
}

/* Describes this host; false after reporting why it cannot (to `err`;
 * quietly when err is NULL). */
static bool host_get(host_info *h, FILE *err)
{
    memset(h, 0, sizeof *h);
    pthread_once(&llvm_once, llvm_init);
    if (!llvm_ready) {
        if (err)
            jit_fail(err, "LLVM has no code generator for this host");
        return false;
    }
    h->triple = LLVMGetDefaultTargetTriple();
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(h->triple, &h->target, &msg)) {
        if (err)
            report_message(err, "no target for this host", msg);
        else
            LLVMDisposeMessage(msg);
        LLVMDisposeMessage(h->triple);
        h->triple = NULL;
        return false;
    }
    LLVMDisposeMessage(msg);
    h->cpu = LLVMGetHostCPUName();
    h->features = LLVMGetHostCPUFeatures();
    h->width = host_width(h->features);
    return true;
}

static void host_dispose(host_info *h)
{
    LLVMDisposeMessage(h->triple);
    LLVMDisposeMessage(h->cpu);
    LLVMDisposeMessage(h->features);
}

/* A target machine for this host: its triple, CPU name and CPU features
 * (without them no AVX instruction is used), code generation level
 * JIT_CODEGEN_LEVEL, PIC code that the JIT linker can place anywhere.
 * NULL after reporting why. */
static LLVMTargetMachineRef host_machine(const host_info *h, FILE *err)
{
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(h->target, h->triple, h->cpu, h->features,
        JIT_CODEGEN_LEVEL, LLVMRelocPIC, LLVMCodeModelSmall);
    if (!tm)
        jit_fail(err, "cannot create a target machine for %s (%s)", h->triple, h->cpu);
    return tm;
}

/* ---- lower, optimise, codegen ---- */

/* Lowers part `part` of `nparts` of p into a module of ctx, with vectors
 * of `width` doubles, for tm's triple and data layout. */
static LLVMModuleRef lower(LLVMContextRef ctx, LLVMTargetMachineRef tm, const ir_program *p,
                           const exec_plan *plan, unsigned width, unsigned part, unsigned nparts,
                           FILE *err)
{
    LLVMModuleRef m = cg_module_part(ctx, p, plan, p->plan ? p->plan : "planc", width, part,
                                     nparts, err);
    if (!m)
        return NULL;
    char *triple = LLVMGetTargetMachineTriple(tm);
    LLVMSetTarget(m, triple);
    LLVMDisposeMessage(triple);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    LLVMSetModuleDataLayout(m, td);
    LLVMDisposeTargetData(td);
    return m;
}

/* Runs the default<O3> pipeline with the host machine's cost model. */
static bool optimise(LLVMModuleRef m, LLVMTargetMachineRef tm, FILE *err)
{
    LLVMPassBuilderOptionsRef o = LLVMCreatePassBuilderOptions();
    LLVMPassBuilderOptionsSetLoopVectorization(o, 1);
    LLVMPassBuilderOptionsSetSLPVectorization(o, 1);
    LLVMPassBuilderOptionsSetLoopInterleaving(o, 1);
    LLVMPassBuilderOptionsSetLoopUnrolling(o, 1);
    LLVMErrorRef e = LLVMRunPasses(m, "default<O3>", tm, o);
    LLVMDisposePassBuilderOptions(o);
    if (e) {
        report_error(err, "optimising", e);
        return false;
    }
    return true;
}

/* Writes m as an object file into memory; NULL after reporting why. */
static LLVMMemoryBufferRef codegen(LLVMModuleRef m, LLVMTargetMachineRef tm, FILE *err)
{
    char *msg = NULL;
    LLVMMemoryBufferRef obj = NULL;
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &msg, &obj)) {
        report_message(err, "generating code", msg);
        return NULL;
    }
    LLVMDisposeMessage(msg);
    return obj;
}

/* One module to compile, on a thread of its own or the caller's: its part
 * of the program, and what came of it (the object, or NULL after an error
 * was reported), with the absolute time each phase ended. */
typedef struct part_job {
    const ir_program *p;
    const exec_plan *plan;
    const host_info *host;
    unsigned part, nparts;
    FILE *err;
    LLVMMemoryBufferRef obj;
    double lowered, optimised, generated;
    pthread_t tid;
    bool started;            /* tid is a thread to join */
} part_job;

/* Lowers, optimises and compiles one part to an object file.  Every LLVM
 * object made here (a context, a target machine and a module of its own,
 * so parts compile independently) is disposed before returning. */
static void *compile_part(void *arg)
{
    part_job *job = arg;
    LLVMTargetMachineRef tm = host_machine(job->host, job->err);
    if (!tm)
        return NULL;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef m = lower(ctx, tm, job->p, job->plan, job->host->width, job->part, job->nparts,
                            job->err);
    job->lowered = now_ms();
    if (m && optimise(m, tm, job->err)) {
        job->optimised = now_ms();
        job->obj = codegen(m, tm, job->err);
        job->generated = now_ms();
    }
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    LLVMDisposeTargetMachine(tm);
    return NULL;
}

/* Compiles p in `nparts` parts, parts 1.. on threads of their own (or on
 * this one when a thread cannot be started), part 0 on this thread.
 * Fills objs[0..nparts) and the phase times.  Returns false after an error
 * was reported; objs are then disposed. */
static bool compile_objects(const ir_program *p, const exec_plan *plan, const host_info *host,
                            unsigned nparts, LLVMMemoryBufferRef *objs, jit_timings *t, FILE *err)
{
    double t0 = now_ms();
    part_job *jobs = calloc(nparts, sizeof *jobs);
    if (!jobs) {
        jit_fail(err, "out of memory");
        return false;
    }
    for (unsigned k = 0; k < nparts; k++)
        jobs[k] = (part_job){.p = p, .plan = plan, .host = host, .part = k, .nparts = nparts, .err = err};
    for (unsigned k = 1; k < nparts; k++)
        jobs[k].started = pthread_create(&jobs[k].tid, NULL, compile_part, &jobs[k]) == 0;
    compile_part(&jobs[0]);
    for (unsigned k = 1; k < nparts; k++) {
        if (jobs[k].started)
            pthread_join(jobs[k].tid, NULL);
        else
            compile_part(&jobs[k]);
    }
    bool ok = true;
    double lowered = t0, optimised = t0, generated = t0;
    for (unsigned k = 0; k < nparts; k++) {
        objs[k] = jobs[k].obj;
        ok = ok && objs[k];
        lowered = jobs[k].lowered > lowered ? jobs[k].lowered : lowered;
        optimised = jobs[k].optimised > optimised ? jobs[k].optimised : optimised;
        generated = jobs[k].generated > generated ? jobs[k].generated : generated;
    }
    free(jobs);
    t->lower = lowered - t0;
    t->optimise = optimised - lowered;
    t->codegen = generated - optimised;
    if (!ok) {
        for (unsigned k = 0; k < nparts; k++)
            if (objs[k])
                LLVMDisposeMemoryBuffer(objs[k]);
        return false;
    }
    return true;
}

/* ---- the cache ---- */

/* Key bytes gathered into a buffer and handed to the hasher a few KiB at a
 * time: one hash update per 4-byte field of every step would cost more
 * than the hashing itself. */
typedef struct key_buf {
    cache_hasher *hs;
    size_t n;
    unsigned char b[4096];
} key_buf;

/* Hands the gathered bytes to the hasher. */
static void key_flush(key_buf *k)
{
    cache_hash_add(k->hs, k->b, k->n);
    k->n = 0;
}

/* Adds n bytes to the key (a run longer than the buffer goes to the
 * hasher directly, after what was gathered before it). */
static void key_add(key_buf *k, const void *data, size_t n)
{
    if (n > sizeof k->b - k->n) {
        key_flush(k);
        if (n > sizeof k->b) {
            cache_hash_add(k->hs, data, n);
            return;
        }
    }
    memcpy(k->b + k->n, data, n);
    k->n += n;
}

/* Adds a 32/64-bit number to the key in little-endian byte order. */
static void key_u32(key_buf *k, uint32_t v)
{
    unsigned char b[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24};
    key_add(k, b, 4);
}

static void key_u64(key_buf *k, uint64_t v)
{
    key_u32(k, (uint32_t)v);
    key_u32(k, (uint32_t)(v >> 32));
}

/* Adds a string and its terminating NUL (as cache_hash_str). */
static void key_str(key_buf *k, const char *s)
{
    key_add(k, s, strlen(s) + 1);
}

/* The cache key of p compiled for `host` (see jit.h for what it covers).
 * The first string names the payload format (pack_objects): a format
 * change is a different key, so an entry of another format is never
 * read as this one. */
static void program_key(const ir_program *p, const exec_plan *plan, const host_info *host,
                        const jit_options *o, cache_key *key)
{
    cache_hasher hs;
    cache_hash_init(&hs);
    key_buf kb;
    kb.hs = &hs;
    kb.n = 0;
    key_str(&kb, "planc jit objects 2");
    key_str(&kb, PLANC_VERSION);
    unsigned major, minor, patch;
    LLVMGetVersion(&major, &minor, &patch);
    key_u32(&kb, major);
    key_u32(&kb, minor);
    key_u32(&kb, patch);
    key_str(&kb, CG_VERSION);
    key_u32(&kb, host->width);
    key_u32(&kb, JIT_CODEGEN_LEVEL);
    key_str(&kb, host->triple);
    key_str(&kb, host->cpu);
    key_str(&kb, host->features);
    key_u64(&kb, o && o->source ? o->source_len : 0);
    if (o && o->source)
        key_add(&kb, o->source, o->source_len);
    key_str(&kb, p->plan ? p->plan : "planc");
    key_u32(&kb, p->ninputs);
    key_u32(&kb, p->nsteps);
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        uint64_t imm;
        memcpy(&imm, &s->imm, sizeof imm);
        key_u32(&kb, (uint32_t)s->op);
        key_u32(&kb, s->a);
        key_u32(&kb, s->b);
        key_u32(&kb, s->c);
        key_u64(&kb, imm);
        key_u32(&kb, s->aux);
    }
    key_u32(&kb, plan->nsegs);
    for (uint32_t k = 0; k < plan->nsegs; k++) {
        key_u32(&kb, plan->segs[k].from);
        key_u32(&kb, plan->segs[k].to);
    }
    for (uint32_t i = 0; i < p->nsteps; i++) {
        unsigned char m = plan->materialized[i];
        key_add(&kb, &m, 1);
    }
    key_flush(&kb);
    cache_hash_end(&hs, key);
}

/* Where object files start in a cache entry: at file offsets that are
 * multiples of this, so that the objects can be linked where they lie in
 * the mapped entry (cache_map maps the file at a page boundary; ELF's
 * tables need 8-byte alignment). */
#define OBJ_ALIGN 16

/* The payload offset `at` moved up to the next whose file offset (the
 * payload follows the entry's header) is a multiple of OBJ_ALIGN. */
static size_t obj_align(size_t at)
{
    size_t file = CACHE_HEADER_SIZE + at;
    return (file + OBJ_ALIGN - 1) / OBJ_ALIGN * OBJ_ALIGN - CACHE_HEADER_SIZE;
}

/* A cache payload: the number of objects (4 bytes) and 4 reserved zero
 * bytes, the length of each object (8 bytes each), then the objects in
 * order, each at the next offset aligned by obj_align (the gaps are
 * zero).  Numbers are little-endian.  malloc'd; NULL when out of memory. */
static unsigned char *pack_objects(LLVMMemoryBufferRef *objs, unsigned n, size_t *len)
{
    size_t total = 8 + 8 * (size_t)n;
    for (unsigned k = 0; k < n; k++)
        total = obj_align(total) + LLVMGetBufferSize(objs[k]);
    unsigned char *buf = calloc(1, total);
    if (!buf)
        return NULL;
    for (int b = 0; b < 4; b++)
        buf[b] = (unsigned char)(n >> (8 * b));
    size_t at = 8 + 8 * (size_t)n;
    for (unsigned k = 0; k < n; k++) {
        uint64_t size = LLVMGetBufferSize(objs[k]);
        for (int b = 0; b < 8; b++)
            buf[8 + 8 * k + b] = (unsigned char)(size >> (8 * b));
        at = obj_align(at);
        memcpy(buf + at, LLVMGetBufferStart(objs[k]), size);
        at += size;
    }
    *len = total;
    return buf;
}

/* The objects of a payload, as memory buffers over the payload's own bytes
 * in objs[0..*n) (at most JIT_MAX_PARTS): buf must outlive them (and so the
 * LLJIT they are added to).  False when the payload does not parse. */
static bool unpack_objects(const unsigned char *buf, size_t len, LLVMMemoryBufferRef *objs, unsigned *n)
{
    if (len < 8)
        return false;
    uint32_t count = 0;
    for (int b = 3; b >= 0; b--)
        count = count << 8 | buf[b];
    if (count == 0 || count > JIT_MAX_PARTS || len < 8 + 8 * (size_t)count)
        return false;
    size_t at = 8 + 8 * (size_t)count, start[JIT_MAX_PARTS];
    uint64_t size[JIT_MAX_PARTS];
    for (uint32_t k = 0; k < count; k++) {
        size[k] = 0;
        for (int b = 7; b >= 0; b--)
            size[k] = size[k] << 8 | buf[8 + 8 * k + b];
        at = obj_align(at);
        if (at > len || size[k] > len - at)
            return false;
        start[k] = at;
        at += size[k];
    }
    if (at != len)
        return false;
    /* In a mapped entry the objects lie aligned as they were packed; an
     * object that does not (a payload held elsewhere) is copied. */
    for (uint32_t k = 0; k < count; k++) {
        const char *at_k = (const char *)buf + start[k];
        objs[k] = (uintptr_t)at_k % 8 == 0
                      ? LLVMCreateMemoryBufferWithMemoryRange(at_k, size[k], "planc-cached", 0)
                      : LLVMCreateMemoryBufferWithMemoryRangeCopy(at_k, size[k], "planc-cached");
    }
    *n = count;
    return true;
}

/* ---- the JIT ---- */

/* A new LLJIT with the process symbol generator (the C library functions
 * compiled code may call, such as memcpy) on its main JITDylib.  Returns
 * NULL, or the error (and in *what what was being done) with *out NULL. */
static LLVMErrorRef make_lljit(LLVMOrcLLJITRef *out, const char **what)
{
    *out = NULL;
    LLVMOrcLLJITRef lljit;
    LLVMErrorRef e = LLVMOrcCreateLLJIT(&lljit, NULL);
    if (e) {
        *what = "creating the JIT";
        return e;
    }
    LLVMOrcDefinitionGeneratorRef gen;
    e = LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
        &gen, LLVMOrcLLJITGetGlobalPrefix(lljit), NULL, NULL);
    if (e) {
        *what = "searching the process for symbols";
        LLVMErrorRef e2 = LLVMOrcDisposeLLJIT(lljit);
        if (e2)
            LLVMConsumeError(e2);
        return e;
    }
    LLVMOrcJITDylibAddGenerator(LLVMOrcLLJITGetMainJITDylib(lljit), gen);
    *out = lljit;
    return NULL;
}

/* The work jit_warm_start does ahead (see jit.h): the host's description,
 * then an LLJIT, made on a thread of its own.  `mu` and `cv` guard
 * host_done; the LLJIT is read after joining the thread.  What fails here
 * is not printed (no stream is known yet): the jit_create_opts that takes
 * the work over does it again and reports why it fails. */
struct jit_warm {
    pthread_t tid;
    bool joined;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool host_done;        /* host and host_ok are set */
    bool host_ok;          /* host describes this host */
    host_info host;
    LLVMOrcLLJITRef lljit; /* NULL when its creation failed */
};

/* The thread of a jit_warm. */
static void *warm_run(void *arg)
{
    jit_warm *w = arg;
    host_info h;
    bool ok = host_get(&h, NULL);
    pthread_mutex_lock(&w->mu);
    w->host = h;
    w->host_ok = ok;
    w->host_done = true;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    const char *what;
    LLVMErrorRef e = ok ? make_lljit(&w->lljit, &what) : NULL;
    if (e)
        LLVMConsumeError(e);
    return NULL;
}

jit_warm *jit_warm_start(void)
{
    jit_warm *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    if (pthread_create(&w->tid, NULL, warm_run, w) != 0) {
        pthread_cond_destroy(&w->cv);
        pthread_mutex_destroy(&w->mu);
        free(w);
        return NULL;
    }
    return w;
}

/* Waits for w's thread to end (once). */
static void warm_join(jit_warm *w)
{
    if (!w->joined) {
        pthread_join(w->tid, NULL);
        w->joined = true;
    }
}

/* Moves w's description of the host into *h, after waiting for it.  False
 * when w is NULL or could not describe the host (*h untouched). */
static bool warm_take_host(jit_warm *w, host_info *h)
{
    if (!w)
        return false;
    pthread_mutex_lock(&w->mu);
    while (!w->host_done)
        pthread_cond_wait(&w->cv, &w->mu);
    bool ok = w->host_ok;
    if (ok) {
        *h = w->host;
        memset(&w->host, 0, sizeof w->host);
        w->host_ok = false;
    }
    pthread_mutex_unlock(&w->mu);
    return ok;
}

void jit_warm_dispose(jit_warm *w)
{
    if (!w)
        return;
    warm_join(w);
    if (w->lljit) {
        LLVMErrorRef e = LLVMOrcDisposeLLJIT(w->lljit);
        if (e)
            LLVMConsumeError(e);
    }
    host_dispose(&w->host);
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
    free(w);
}

/* Gives j its LLJIT: w's (after waiting for it), or a new one when there
 * is no w or w could not make one; sets the error reporter, and adds the
 * objects, whose ownership passes to LLJIT in every case.  False after
 * reporting an error. */
static bool start_lljit(jit_engine *j, jit_warm *w, LLVMMemoryBufferRef *objs, unsigned nobjs)
{
    unsigned added = 0;
    LLVMErrorRef e = NULL;
    const char *what = NULL;
    if (w) {
        warm_join(w);
        j->lljit = w->lljit;
        w->lljit = NULL;
    }
    if (!j->lljit)
        e = make_lljit(&j->lljit, &what);
    if (e) {
        report_error(j->err, what, e);
    } else {
        LLVMOrcExecutionSessionSetErrorReporter(LLVMOrcLLJITGetExecutionSession(j->lljit),
                                                session_error, j);
        LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j->lljit);
        pthread_mutex_lock(&j->lock);
        for (; added < nobjs; added++) {
            e = LLVMOrcLLJITAddObjectFile(j->lljit, jd, objs[added]);
            if (e) {
                report_error(j->err, "adding the compiled code", e);
                added++;
                break;
            }
        }
        pthread_mutex_unlock(&j->lock);
    }
    for (unsigned k = added; k < nobjs; k++)
        LLVMDisposeMemoryBuffer(objs[k]);
    return !e;
}

void *jit_lookup(jit_engine *j, const char *name)
{
    LLVMOrcExecutorAddress addr = 0;
    pthread_mutex_lock(&j->lock);
    LLVMErrorRef e = LLVMOrcLLJITLookup(j->lljit, &addr, name);
    pthread_mutex_unlock(&j->lock);
    if (e) {
        char what[64 + CG_NAME_MAX];
        snprintf(what, sizeof what, "looking up '%.*s'", CG_NAME_MAX + 16, name);
        report_error(j->err, what, e);
        atomic_fetch_add(&j->nerrors, 1);
        return NULL;
    }
    return (void *)(uintptr_t)addr;
}

/* A segment function's interned name and its segment, sorted by name
 * (the pool entry's address) to find the segment of a name found. */
typedef struct seg_name {
    LLVMOrcSymbolStringPoolEntryRef name;
    uint32_t seg;
} seg_name;

static int seg_name_cmp(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)((const seg_name *)x)->name;
    uintptr_t b = (uintptr_t)((const seg_name *)y)->name;
    return (a > b) - (a < b);
}

/* One lookup of every segment function: the engine, the names (sorted),
 * and whether the answer came (done, guarded by mu). */
typedef struct seg_lookup {
    jit_engine *j;
    seg_name *names;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool done;
} seg_lookup;

/* The answer to a seg_lookup: every segment function's address, or an
 * error. */
static void segs_found(LLVMErrorRef e, LLVMOrcCSymbolMapPairs found, size_t n, void *ctx)
{
    seg_lookup *sl = ctx;
    jit_engine *j = sl->j;
    if (e) {
        report_error(j->err, "looking up the segment functions", e);
        atomic_fetch_add(&j->nerrors, 1);
    } else {
        for (size_t i = 0; i < n; i++) {
            seg_name key = {.name = found[i].Name};
            seg_name *s = bsearch(&key, sl->names, j->nsegs, sizeof *sl->names, seg_name_cmp);
            if (s)
                j->fns[s->seg] = (seg_fn)(uintptr_t)found[i].Sym.Address;
        }
    }
    pthread_mutex_lock(&sl->mu);
    sl->done = true;
    pthread_cond_signal(&sl->cv);
    pthread_mutex_unlock(&sl->mu);
}

/* Looks up every segment function in one lookup of the execution session
 * (one pass that links every object, rather than one per function), into
 * j->fns.  False after reporting an error. */
static bool lookup_segments(jit_engine *j)
{
    if (j->nsegs == 0)
        return true;
    seg_name *names = calloc(j->nsegs, sizeof *names);
    LLVMOrcCLookupSetElement *set = calloc(j->nsegs, sizeof *set);
    if (!names || !set) {
        free(names);
        free(set);
        jit_fail(j->err, "out of memory");
        atomic_fetch_add(&j->nerrors, 1);
        return false;
    }
    for (uint32_t k = 0; k < j->nsegs; k++) {
        char name[CG_NAME_MAX];
        cg_segment_name(k, name);
        names[k] = (seg_name){LLVMOrcLLJITMangleAndIntern(j->lljit, name), k};
        /* One reference goes to the lookup, one stays here. */
        LLVMOrcRetainSymbolStringPoolEntry(names[k].name);
        set[k] = (LLVMOrcCLookupSetElement){names[k].name, LLVMOrcSymbolLookupFlagsRequiredSymbol};
    }
    qsort(names, j->nsegs, sizeof *names, seg_name_cmp);
    seg_lookup sl = {.j = j, .names = names};
    pthread_mutex_init(&sl.mu, NULL);
    pthread_cond_init(&sl.cv, NULL);
    LLVMOrcCJITDylibSearchOrderElement order = {LLVMOrcLLJITGetMainJITDylib(j->lljit),
                                                LLVMOrcJITDylibLookupFlagsMatchAllSymbols};
    pthread_mutex_lock(&j->lock);
    LLVMOrcExecutionSessionLookup(LLVMOrcLLJITGetExecutionSession(j->lljit), LLVMOrcLookupKindStatic,
                                  &order, 1, set, j->nsegs, segs_found, &sl);
    pthread_mutex_unlock(&j->lock);
    /* The session links on this thread, so the answer has come by now;
     * the wait is for an execution session that would dispatch. */
    pthread_mutex_lock(&sl.mu);
    while (!sl.done)
        pthread_cond_wait(&sl.cv, &sl.mu);
    pthread_mutex_unlock(&sl.mu);
    pthread_cond_destroy(&sl.cv);
    pthread_mutex_destroy(&sl.mu);
    for (uint32_t k = 0; k < j->nsegs; k++)
        LLVMOrcReleaseSymbolStringPoolEntry(names[k].name);
    free(names);
    free(set);
    if (atomic_load(&j->nerrors) != 0)
        return false;
    for (uint32_t k = 0; k < j->nsegs; k++)
        if (!j->fns[k]) {
            char name[CG_NAME_MAX];
            cg_segment_name(k, name);
            jit_fail(j->err, "looking up '%s': not found", name);
            atomic_fetch_add(&j->nerrors, 1);
            return false;
        }
    return true;
}

/* exec_engine.run_segment: calls the compiled segment for rows [lo, hi). */
static void run_segment(void *self, const ir_program *p, uint32_t seg,
                        const exec_frame *f, size_t lo, size_t hi)
{
    jit_engine *j = self;
    if (p != j->p || seg >= j->nsegs) {
        /* A caller bug, not bad input: running on would write wrong results. */
        jit_fail(j->err, "segment %u requested of an engine built for another program "
                 "or with %u segments", seg, j->nsegs);
        abort();
    }
    if (lo < hi)
        j->fns[seg](f->inputs, f->cols, (int64_t)lo, (int64_t)hi);
}

/* The objects for p compiled for `host`: from the cache when it holds a
 * sound entry for the key (the entry, which the objects point into, then
 * stays mapped in j->entry), else compiled (and stored in the cache when
 * there is one).  Fills objs[0..*nobjs) and the timings; the cache phase
 * is timed from t0.  False after an error was reported. */
static bool get_objects(jit_engine *j, const exec_plan *plan, const host_info *host,
                        const jit_options *o, double t0, LLVMMemoryBufferRef *objs,
                        unsigned *nobjs)
{
    const ir_program *p = j->p;
    jit_timings *t = &j->timings;
    cache *c = o && o->cache_dir ? cache_open(o->cache_dir, j->err) : NULL;
    cache_key key;
    if (c) {
        t->cache_state = JIT_CACHE_MISS;
        program_key(p, plan, host, o, &key);
        cache_mapping e;
        if (cache_map(c, &key, &e)) {
            if (unpack_objects(e.payload, e.len, objs, nobjs)) {
                t->cache_state = JIT_CACHE_HIT;
                j->entry = e;
            } else {
                char *path = cache_entry_path(c, &key);
                fprintf(j->err, "planc: warning: ignoring cache entry '%s' (its objects do not "
                                "parse); recompiling\n", path ? path : "?");
                free(path);
                cache_unmap(&e);
            }
        }
    }
    t->cache = now_ms() - t0;
    bool ok = true;
    if (t->cache_state != JIT_CACHE_HIT) {
        unsigned threads = o && o->threads ? o->threads : rt_default_threads();
        if (threads > JIT_MAX_PARTS)
            threads = JIT_MAX_PARTS;
        if (!(o && o->threads) && threads > JIT_MAX_THREADS)
            threads = JIT_MAX_THREADS;
        *nobjs = cg_parts(p, plan, threads);
        ok = compile_objects(p, plan, host, *nobjs, objs, t, j->err);
        if (ok && c) {
            double t1 = now_ms();
            size_t len;
            unsigned char *payload = pack_objects(objs, *nobjs, &len);
            if (payload)
                cache_put(c, &key, payload, len);
            free(payload);
            t->cache += now_ms() - t1;
        }
    }
    t->parts = *nobjs;
    cache_close(c);
    return ok;
}

jit_engine *jit_create(const ir_program *p, FILE *err)
{
    return jit_create_opts(p, NULL, err);
}

jit_engine *jit_create_opts(const ir_program *p, const jit_options *o, FILE *err)
{
    jit_warm *warm = o ? o->warm : NULL;
    /* The cache phase starts here (the program split into segments, then
     * the wait for the host's description), so that the phases add up to
     * the time jit_create_opts takes. */
    double t0 = now_ms();
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0) {
        jit_fail(err, "the program is malformed: it cannot be split into segments");
        jit_warm_dispose(warm);
        return NULL;
    }
    jit_engine *j = calloc(1, sizeof *j);
    seg_fn *fns = calloc(plan.nsegs ? plan.nsegs : 1, sizeof *fns);
    if (!j || !fns) {
        jit_fail(err, "out of memory");
        free(j);
        free(fns);
        exec_plan_free(&plan);
        jit_warm_dispose(warm);
        return NULL;
    }
    j->engine = (exec_engine){.name = "jit", .self = j, .run_segment = run_segment};
    j->p = p;
    j->err = err;
    j->fns = fns;
    j->nsegs = plan.nsegs;
    atomic_init(&j->nerrors, 0);
    pthread_mutex_init(&j->lock, NULL);

    host_info host;
    bool ok = warm_take_host(warm, &host) || host_get(&host, err);
    if (ok && o && o->width)
        host.width = o->width;
    LLVMMemoryBufferRef objs[JIT_MAX_PARTS];
    unsigned nobjs = 0;
    ok = ok && get_objects(j, &plan, &host, o, t0, objs, &nobjs);
    exec_plan_free(&plan);
    /* The link phase starts with the wait for the LLJIT and ends when
     * everything is released. */
    double t1 = now_ms();
    if (ok)
        ok = start_lljit(j, warm, objs, nobjs) && lookup_segments(j);
    host_dispose(&host);
    jit_warm_dispose(warm);
    if (ok)
        j->timings.link = now_ms() - t1;
    if (ok && atomic_load(&j->nerrors) != 0)
        ok = false;
    if (!ok) {
        jit_dispose(j);
        return NULL;
    }
    return j;
}

const exec_engine *jit_exec_engine(const jit_engine *j)
{
    return &j->engine;
}

jit_timings jit_get_timings(const jit_engine *j)
{
    return j->timings;
}

int jit_emit_ir(const ir_program *p, bool optimised, FILE *out, FILE *err)
{
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0) {
        jit_fail(err, "the program is malformed: it cannot be split into segments");
        return -1;
    }
    host_info host;
    if (!host_get(&host, err)) {
        exec_plan_free(&plan);
        return -1;
    }
    LLVMTargetMachineRef tm = host_machine(&host, err);
    bool ok = tm != NULL;
    if (ok) {
        LLVMContextRef ctx = LLVMContextCreate();
        LLVMModuleRef m = lower(ctx, tm, p, &plan, host.width, 0, 1, err);
        ok = m && (!optimised || optimise(m, tm, err));
        if (ok) {
            char *text = LLVMPrintModuleToString(m);
            fputs(text, out);
            LLVMDisposeMessage(text);
        }
        if (m)
            LLVMDisposeModule(m);
        LLVMContextDispose(ctx);
        LLVMDisposeTargetMachine(tm);
    }
    host_dispose(&host);
    exec_plan_free(&plan);
    return ok ? 0 : -1;
}

int jit_dispose(jit_engine *j)
{
    if (!j)
        return 0;
    if (j->lljit) {
        LLVMErrorRef e = LLVMOrcDisposeLLJIT(j->lljit);
        if (e) {
            report_error(j->err, "shutting down", e);
            atomic_fetch_add(&j->nerrors, 1);
        }
    }
    int rc = atomic_load(&j->nerrors) ? -1 : 0;
    pthread_mutex_destroy(&j->lock);
    cache_unmap(&j->entry);
    free(j->fns);
    free(j);
    return rc;
}
