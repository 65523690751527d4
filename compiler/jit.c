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

/* Describes this host; false after reporting why it cannot. */
static bool host_get(host_info *h, FILE *err)
{
    memset(h, 0, sizeof *h);
    pthread_once(&llvm_once, llvm_init);
    if (!llvm_ready) {
        jit_fail(err, "LLVM has no code generator for this host");
        return false;
    }
    h->triple = LLVMGetDefaultTargetTriple();
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(h->triple, &h->target, &msg)) {
        report_message(err, "no target for this host", msg);
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

/* Adds a 32/64-bit number to the key in little-endian byte order. */
static void hash_u32(cache_hasher *hs, uint32_t v)
{
    unsigned char b[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24};
    cache_hash_add(hs, b, 4);
}

static void hash_u64(cache_hasher *hs, uint64_t v)
{
    hash_u32(hs, (uint32_t)v);
    hash_u32(hs, (uint32_t)(v >> 32));
}

/* The cache key of p compiled for `host` (see jit.h for what it covers). */
static void program_key(const ir_program *p, const exec_plan *plan, const host_info *host,
                        const jit_options *o, cache_key *key)
{
    cache_hasher hs;
    cache_hash_init(&hs);
    cache_hash_str(&hs, "planc jit objects");
    cache_hash_str(&hs, PLANC_VERSION);
    unsigned major, minor, patch;
    LLVMGetVersion(&major, &minor, &patch);
    hash_u32(&hs, major);
    hash_u32(&hs, minor);
    hash_u32(&hs, patch);
    cache_hash_str(&hs, CG_VERSION);
    hash_u32(&hs, host->width);
    hash_u32(&hs, JIT_CODEGEN_LEVEL);
    cache_hash_str(&hs, host->triple);
    cache_hash_str(&hs, host->cpu);
    cache_hash_str(&hs, host->features);
    hash_u64(&hs, o && o->source ? o->source_len : 0);
    if (o && o->source)
        cache_hash_add(&hs, o->source, o->source_len);
    cache_hash_str(&hs, p->plan ? p->plan : "planc");
    hash_u32(&hs, p->ninputs);
    hash_u32(&hs, p->nsteps);
    for (uint32_t i = 0; i < p->nsteps; i++) {
        const ir_step *s = &p->steps[i];
        uint64_t imm;
        memcpy(&imm, &s->imm, sizeof imm);
        hash_u32(&hs, (uint32_t)s->op);
        hash_u32(&hs, s->a);
        hash_u32(&hs, s->b);
        hash_u32(&hs, s->c);
        hash_u64(&hs, imm);
        hash_u32(&hs, s->aux);
    }
    hash_u32(&hs, plan->nsegs);
    for (uint32_t k = 0; k < plan->nsegs; k++) {
        hash_u32(&hs, plan->segs[k].from);
        hash_u32(&hs, plan->segs[k].to);
    }
    for (uint32_t i = 0; i < p->nsteps; i++) {
        unsigned char m = plan->materialized[i];
        cache_hash_add(&hs, &m, 1);
    }
    cache_hash_end(&hs, key);
}

/* A cache payload: the number of objects (4 bytes), then each object as
 * its length (8 bytes) and its bytes.  malloc'd; NULL when out of memory. */
static unsigned char *pack_objects(LLVMMemoryBufferRef *objs, unsigned n, size_t *len)
{
    size_t total = 4;
    for (unsigned k = 0; k < n; k++)
        total += 8 + LLVMGetBufferSize(objs[k]);
    unsigned char *buf = malloc(total), *at = buf;
    if (!buf)
        return NULL;
    for (int b = 0; b < 4; b++)
        *at++ = (unsigned char)(n >> (8 * b));
    for (unsigned k = 0; k < n; k++) {
        uint64_t size = LLVMGetBufferSize(objs[k]);
        for (int b = 0; b < 8; b++)
            *at++ = (unsigned char)(size >> (8 * b));
        memcpy(at, LLVMGetBufferStart(objs[k]), size);
        at += size;
    }
    *len = total;
    return buf;
}

/* The objects of a payload, as new memory buffers in objs[0..*n) (at
 * most JIT_MAX_PARTS).  False when the payload does not parse. */
static bool unpack_objects(const unsigned char *buf, size_t len, LLVMMemoryBufferRef *objs, unsigned *n)
{
    if (len < 4)
        return false;
    uint32_t count = 0;
    for (int b = 3; b >= 0; b--)
        count = count << 8 | buf[b];
    if (count == 0 || count > JIT_MAX_PARTS)
        return false;
    size_t at = 4;
    unsigned k;
    for (k = 0; k < count; k++) {
        if (len - at < 8)
            break;
        uint64_t size = 0;
        for (int b = 7; b >= 0; b--)
            size = size << 8 | buf[at + b];
        at += 8;
        if (size > len - at)
            break;
        objs[k] = LLVMCreateMemoryBufferWithMemoryRangeCopy((const char *)buf + at, size, "planc-cached");
        at += size;
    }
    if (k < count || at != len) {
        while (k-- > 0)
            LLVMDisposeMemoryBuffer(objs[k]);
        return false;
    }
    *n = count;
    return true;
}

/* ---- the JIT ---- */

/* Creates j's LLJIT: error reporter, process symbol generator (the C
 * library functions compiled code may call, such as memcpy), and adds the
 * objects, whose ownership passes to LLJIT in every case. */
static bool start_lljit(jit_engine *j, LLVMMemoryBufferRef *objs, unsigned nobjs)
{
    unsigned added = 0;
    LLVMErrorRef e = LLVMOrcCreateLLJIT(&j->lljit, NULL);
    if (e) {
        j->lljit = NULL;
        report_error(j->err, "creating the JIT", e);
    } else {
        LLVMOrcExecutionSessionSetErrorReporter(LLVMOrcLLJITGetExecutionSession(j->lljit),
                                                session_error, j);
        LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j->lljit);
        LLVMOrcDefinitionGeneratorRef gen;
        e = LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
            &gen, LLVMOrcLLJITGetGlobalPrefix(j->lljit), NULL, NULL);
        if (e) {
            report_error(j->err, "searching the process for symbols", e);
        } else {
            LLVMOrcJITDylibAddGenerator(jd, gen);
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

/* The objects for p: from the cache when it holds a sound entry for the
 * key, else compiled (and stored in the cache when there is one).  Fills
 * objs[0..*nobjs) and the timings.  False after an error was reported. */
static bool get_objects(jit_engine *j, const exec_plan *plan, const jit_options *o,
                        LLVMMemoryBufferRef *objs, unsigned *nobjs)
{
    const ir_program *p = j->p;
    jit_timings *t = &j->timings;
    double t0 = now_ms();
    host_info host;
    if (!host_get(&host, j->err))
        return false;
    if (o && o->width)
        host.width = o->width;
    cache *c = o && o->cache_dir ? cache_open(o->cache_dir, j->err) : NULL;
    cache_key key;
    if (c) {
        t->cache_state = JIT_CACHE_MISS;
        program_key(p, plan, &host, o, &key);
        size_t len;
        unsigned char *payload = cache_get(c, &key, &len);
        if (payload && unpack_objects(payload, len, objs, nobjs)) {
            t->cache_state = JIT_CACHE_HIT;
        } else if (payload) {
            char *path = cache_entry_path(c, &key);
            fprintf(j->err, "planc: warning: ignoring cache entry '%s' (its objects do not "
                            "parse); recompiling\n", path ? path : "?");
            free(path);
        }
        free(payload);
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
        ok = compile_objects(p, plan, &host, *nobjs, objs, t, j->err);
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
    host_dispose(&host);
    return ok;
}

jit_engine *jit_create(const ir_program *p, FILE *err)
{
    return jit_create_opts(p, NULL, err);
}

jit_engine *jit_create_opts(const ir_program *p, const jit_options *o, FILE *err)
{
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0) {
        jit_fail(err, "the program is malformed: it cannot be split into segments");
        return NULL;
    }
    jit_engine *j = calloc(1, sizeof *j);
    seg_fn *fns = calloc(plan.nsegs ? plan.nsegs : 1, sizeof *fns);
    if (!j || !fns) {
        jit_fail(err, "out of memory");
        free(j);
        free(fns);
        exec_plan_free(&plan);
        return NULL;
    }
    j->engine = (exec_engine){.name = "jit", .self = j, .run_segment = run_segment};
    j->p = p;
    j->err = err;
    j->fns = fns;
    j->nsegs = plan.nsegs;
    atomic_init(&j->nerrors, 0);
    pthread_mutex_init(&j->lock, NULL);

    LLVMMemoryBufferRef objs[JIT_MAX_PARTS];
    unsigned nobjs = 0;
    bool ok = get_objects(j, &plan, o, objs, &nobjs);
    exec_plan_free(&plan);
    if (ok) {
        double t0 = now_ms();
        ok = start_lljit(j, objs, nobjs);
        for (uint32_t k = 0; ok && k < j->nsegs; k++) {
            char name[CG_NAME_MAX];
            cg_segment_name(k, name);
            void *fn = jit_lookup(j, name);
            j->fns[k] = (seg_fn)(uintptr_t)fn;
            ok = fn != NULL;
        }
        j->timings.link = now_ms() - t0;
    }
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
    free(j->fns);
    free(j);
    return rc;
}
