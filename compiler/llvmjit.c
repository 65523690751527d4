/* llvmjit.c — the LLVM back end (backend.h): the host target machine, the
 * default<O3> pipeline, object code compiled in parts on several threads,
 * ORC LLJIT linking it, and planc build's kernels.  Built into the module
 * planc-llvm.so (and linked into the tests); its one exported definition
 * is the table `planc_backend`. */
#include "backend.h"

#include <errno.h>
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

#include "cg.h"
#include "csv.h"
#include "diag.h"
#include "msgcat.h"

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

_Static_assert(BE_CODEGEN_LEVEL == LLVMCodeGenLevelAggressive, "BE_CODEGEN_LEVEL is LLVM's");

/* Prints an LLVMErrorRef as "... JIT: <what>: <message>"; consumes it. */
static void report_error(FILE *err, const char *what, LLVMErrorRef e)
{
    char *msg = LLVMGetErrorMessage(e);
    diag_internal(err, "JIT", "%s: %s", what, msg);
    LLVMDisposeErrorMessage(msg);
}

/* Prints an LLVM message string (the char ** out-parameter style) and
 * disposes it. */
static void report_message(FILE *err, const char *what, char *msg)
{
    diag_internal(err, "JIT", "%s: %s", what, msg ? msg : "unknown error");
    LLVMDisposeMessage(msg);
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
static unsigned width_for(const char *features)
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
        diag_internal(err, "JIT", "LLVM has no code generator for this host");
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
    h->width = width_for(h->features);
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
 * BE_CODEGEN_LEVEL, PIC code that the JIT linker can place anywhere and
 * that the system linker can put in a shared library (jit.c caches one),
 * and the fast instruction selector where it applies (BE_FAST_ISEL).
 * NULL after reporting why. */
static LLVMTargetMachineRef host_machine(const host_info *h, FILE *err)
{
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(h->target, h->triple, h->cpu, h->features,
        (LLVMCodeGenOptLevel)BE_CODEGEN_LEVEL, LLVMRelocPIC, LLVMCodeModelSmall);
    if (!tm)
        diag_internal(err, "JIT", "cannot create a target machine for %s (%s)", h->triple, h->cpu);
    else if (BE_FAST_ISEL)
        LLVMSetTargetMachineFastISel(tm, 1);
    return tm;
}

/* be_api.host_description. */
static char *be_host_description(FILE *err)
{
    host_info h;
    if (!host_get(&h, err))
        return NULL;
    size_t n = strlen(h.triple) + strlen(h.cpu) + strlen(h.features) + 3;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s %s %s", h.triple, h.cpu, h.features);
    else
        diag_internal(err, "JIT", "out of memory");
    host_dispose(&h);
    return s;
}

/* ---- lower, optimise, codegen ---- */

/* Gives m tm's triple and data layout. */
static void set_target(LLVMModuleRef m, LLVMTargetMachineRef tm)
{
    char *triple = LLVMGetTargetMachineTriple(tm);
    LLVMSetTarget(m, triple);
    LLVMDisposeMessage(triple);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    LLVMSetModuleDataLayout(m, td);
    LLVMDisposeTargetData(td);
}

/* Lowers part `part` of `nparts` of p into a module of ctx, with vectors
 * of `width` doubles, for tm's triple and data layout. */
static LLVMModuleRef lower(LLVMContextRef ctx, LLVMTargetMachineRef tm, const ir_program *p,
                           const exec_plan *plan, unsigned width, unsigned part, unsigned nparts,
                           FILE *err)
{
    LLVMModuleRef m = cg_module_part(ctx, p, plan, p->plan ? p->plan : "planc", width, part,
                                     nparts, err);
    if (m)
        set_target(m, tm);
    return m;
}

/* Runs the default<O3> pipeline with the target machine's cost model;
 * false after reporting an error as `who`'s ("JIT", "build"). */
static bool optimise(LLVMModuleRef m, LLVMTargetMachineRef tm, const char *who, FILE *err)
{
    LLVMPassBuilderOptionsRef o = LLVMCreatePassBuilderOptions();
    LLVMPassBuilderOptionsSetLoopVectorization(o, 1);
    LLVMPassBuilderOptionsSetSLPVectorization(o, 1);
    LLVMPassBuilderOptionsSetLoopInterleaving(o, 1);
    LLVMPassBuilderOptionsSetLoopUnrolling(o, 1);
    LLVMErrorRef e = LLVMRunPasses(m, "default<O3>", tm, o);
    LLVMDisposePassBuilderOptions(o);
    if (e) {
        char *msg = LLVMGetErrorMessage(e);
        diag_internal(err, who, "optimising: %s", msg);
        LLVMDisposeErrorMessage(msg);
        return false;
    }
    return true;
}

/* m as an object file in malloc'd memory (*obj); false after reporting
 * why. */
static bool codegen(LLVMModuleRef m, LLVMTargetMachineRef tm, be_object *obj, FILE *err)
{
    char *msg = NULL;
    LLVMMemoryBufferRef buf = NULL;
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &msg, &buf)) {
        report_message(err, "generating code", msg);
        return false;
    }
    LLVMDisposeMessage(msg);
    size_t len = LLVMGetBufferSize(buf);
    unsigned char *data = malloc(len ? len : 1);
    if (data)
        memcpy(data, LLVMGetBufferStart(buf), len);
    LLVMDisposeMemoryBuffer(buf);
    if (!data) {
        diag_internal(err, "JIT", "out of memory");
        return false;
    }
    *obj = (be_object){data, len};
    return true;
}

/* One module to compile, on a thread of its own or the caller's: its part
 * of the program, and what came of it (the object, or none after an error
 * was reported), with the absolute time each phase ended. */
typedef struct part_job {
    const ir_program *p;
    const exec_plan *plan;
    const host_info *host;
    unsigned width, part, nparts;
    FILE *err;
    be_object obj;
    bool ok;
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
    LLVMModuleRef m = lower(ctx, tm, job->p, job->plan, job->width, job->part, job->nparts,
                            job->err);
    job->lowered = now_ms();
    if (m && optimise(m, tm, "JIT", job->err)) {
        job->optimised = now_ms();
        job->ok = codegen(m, tm, &job->obj, job->err);
        job->generated = now_ms();
    }
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    LLVMDisposeTargetMachine(tm);
    return NULL;
}

/* be_api.compile: p in cg_parts(max_parts) parts, parts 1.. on threads of
 * their own (or on this one when a thread cannot be started), part 0 on
 * this thread. */
static bool be_compile(const ir_program *p, const exec_plan *plan, unsigned width,
                       unsigned max_parts, unsigned *nparts, be_object *objs, be_times *t,
                       FILE *err)
{
    double t0 = now_ms();
    host_info host;
    if (!host_get(&host, err))
        return false;
    if (max_parts > BE_MAX_PARTS)
        max_parts = BE_MAX_PARTS;
    unsigned n = cg_parts(p, plan, max_parts ? max_parts : 1);
    part_job *jobs = calloc(n, sizeof *jobs);
    if (!jobs) {
        diag_internal(err, "JIT", "out of memory");
        host_dispose(&host);
        return false;
    }
    for (unsigned k = 0; k < n; k++)
        jobs[k] = (part_job){.p = p, .plan = plan, .host = &host,
                             .width = width ? width : host.width, .part = k, .nparts = n,
                             .err = err};
    for (unsigned k = 1; k < n; k++)
        jobs[k].started = pthread_create(&jobs[k].tid, NULL, compile_part, &jobs[k]) == 0;
    compile_part(&jobs[0]);
    for (unsigned k = 1; k < n; k++) {
        if (jobs[k].started)
            pthread_join(jobs[k].tid, NULL);
        else
            compile_part(&jobs[k]);
    }
    bool ok = true;
    double lowered = t0, optimised = t0, generated = t0;
    for (unsigned k = 0; k < n; k++) {
        objs[k] = jobs[k].obj;
        ok = ok && jobs[k].ok;
        lowered = jobs[k].lowered > lowered ? jobs[k].lowered : lowered;
        optimised = jobs[k].optimised > optimised ? jobs[k].optimised : optimised;
        generated = jobs[k].generated > generated ? jobs[k].generated : generated;
    }
    free(jobs);
    host_dispose(&host);
    t->lower = lowered - t0;
    t->optimise = optimised - lowered;
    t->codegen = generated - optimised;
    if (!ok) {
        for (unsigned k = 0; k < n; k++)
            free((void *)objs[k].data);
        return false;
    }
    *nparts = n;
    return true;
}

/* ---- the JIT ---- */

/* Linked code: the LLJIT, the lock that serialises adds and lookups on it,
 * the stream errors go to and how many were reported. */
struct be_code {
    LLVMOrcLLJITRef lljit;
    pthread_mutex_t lock;
    FILE *err;
    atomic_int nerrors;
};

/* The execution session's reporter, for failures no caller receives
 * (e.g. a symbol the linker cannot resolve while materialising). */
static void session_error(void *ctx, LLVMErrorRef e)
{
    be_code *c = ctx;
    report_error(c->err, "execution session", e);
    atomic_fetch_add(&c->nerrors, 1);
}

/* A new LLJIT with the process symbol generator (the C library functions
 * and planc's runtime helpers that compiled code may call, such as
 * memcpy) on its main JITDylib.  Returns NULL, or the error (and in *what
 * what was being done) with *out NULL. */
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

/* One lookup of every segment function: the code, where the addresses
 * go, the names (sorted), and whether the answer came (done, guarded by
 * mu). */
typedef struct seg_lookup {
    be_code *c;
    void **fns;
    uint32_t nsegs;
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
    if (e) {
        report_error(sl->c->err, "looking up the segment functions", e);
        atomic_fetch_add(&sl->c->nerrors, 1);
    } else {
        for (size_t i = 0; i < n; i++) {
            seg_name key = {.name = found[i].Name};
            seg_name *s = bsearch(&key, sl->names, sl->nsegs, sizeof *sl->names, seg_name_cmp);
            if (s)
                sl->fns[s->seg] = (void *)(uintptr_t)found[i].Sym.Address;
        }
    }
    pthread_mutex_lock(&sl->mu);
    sl->done = true;
    pthread_cond_signal(&sl->cv);
    pthread_mutex_unlock(&sl->mu);
}

/* Looks up every segment function in one lookup of the execution session
 * (one pass that links every object, rather than one per function), into
 * fns.  False after reporting an error. */
static bool lookup_segments(be_code *c, uint32_t nsegs, void **fns)
{
    if (nsegs == 0)
        return true;
    seg_name *names = calloc(nsegs, sizeof *names);
    LLVMOrcCLookupSetElement *set = calloc(nsegs, sizeof *set);
    if (!names || !set) {
        free(names);
        free(set);
        diag_internal(c->err, "JIT", "out of memory");
        atomic_fetch_add(&c->nerrors, 1);
        return false;
    }
    for (uint32_t k = 0; k < nsegs; k++) {
        char name[CG_NAME_MAX];
        cg_segment_name(k, name);
        names[k] = (seg_name){LLVMOrcLLJITMangleAndIntern(c->lljit, name), k};
        /* One reference goes to the lookup, one stays here. */
        LLVMOrcRetainSymbolStringPoolEntry(names[k].name);
        set[k] = (LLVMOrcCLookupSetElement){names[k].name, LLVMOrcSymbolLookupFlagsRequiredSymbol};
    }
    qsort(names, nsegs, sizeof *names, seg_name_cmp);
    seg_lookup sl = {.c = c, .fns = fns, .nsegs = nsegs, .names = names};
    pthread_mutex_init(&sl.mu, NULL);
    pthread_cond_init(&sl.cv, NULL);
    LLVMOrcCJITDylibSearchOrderElement order = {LLVMOrcLLJITGetMainJITDylib(c->lljit),
                                                LLVMOrcJITDylibLookupFlagsMatchAllSymbols};
    pthread_mutex_lock(&c->lock);
    LLVMOrcExecutionSessionLookup(LLVMOrcLLJITGetExecutionSession(c->lljit), LLVMOrcLookupKindStatic,
                                  &order, 1, set, nsegs, segs_found, &sl);
    pthread_mutex_unlock(&c->lock);
    /* The session links on this thread, so the answer has come by now;
     * the wait is for an execution session that would dispatch. */
    pthread_mutex_lock(&sl.mu);
    while (!sl.done)
        pthread_cond_wait(&sl.cv, &sl.mu);
    pthread_mutex_unlock(&sl.mu);
    pthread_cond_destroy(&sl.cv);
    pthread_mutex_destroy(&sl.mu);
    for (uint32_t k = 0; k < nsegs; k++)
        LLVMOrcReleaseSymbolStringPoolEntry(names[k].name);
    free(names);
    free(set);
    if (atomic_load(&c->nerrors) != 0)
        return false;
    for (uint32_t k = 0; k < nsegs; k++)
        if (!fns[k]) {
            char name[CG_NAME_MAX];
            cg_segment_name(k, name);
            diag_internal(c->err, "JIT", "looking up '%s': not found", name);
            atomic_fetch_add(&c->nerrors, 1);
            return false;
        }
    return true;
}

static int be_unlink(be_code *c);

/* be_api.link. */
static be_code *be_link(const be_object *objs, unsigned n, uint32_t nsegs, void **fns,
                        FILE *later_err, FILE *err)
{
    be_code *c = calloc(1, sizeof *c);
    if (!c) {
        diag_internal(err, "JIT", "out of memory");
        return NULL;
    }
    c->err = err; /* until linked */
    atomic_init(&c->nerrors, 0);
    pthread_mutex_init(&c->lock, NULL);
    pthread_once(&llvm_once, llvm_init); /* LLJIT needs the host target */
    const char *what = NULL;
    LLVMErrorRef e = make_lljit(&c->lljit, &what);
    if (e) {
        report_error(err, what, e);
        be_unlink(c);
        return NULL;
    }
    LLVMOrcExecutionSessionSetErrorReporter(LLVMOrcLLJITGetExecutionSession(c->lljit),
                                            session_error, c);
    LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(c->lljit);
    bool ok = true;
    pthread_mutex_lock(&c->lock);
    for (unsigned k = 0; k < n && ok; k++) {
        /* Linked where it lies when aligned for ELF's tables, else copied. */
        const char *at = (const char *)objs[k].data;
        LLVMMemoryBufferRef buf =
            (uintptr_t)at % 8 == 0
                ? LLVMCreateMemoryBufferWithMemoryRange(at, objs[k].len, "planc-code", 0)
                : LLVMCreateMemoryBufferWithMemoryRangeCopy(at, objs[k].len, "planc-code");
        e = LLVMOrcLLJITAddObjectFile(c->lljit, jd, buf);
        if (e) {
            report_error(err, "adding the compiled code", e);
            ok = false;
        }
    }
    pthread_mutex_unlock(&c->lock);
    if (!ok || !lookup_segments(c, nsegs, fns) || atomic_load(&c->nerrors) != 0) {
        be_unlink(c);
        return NULL;
    }
    c->err = later_err;
    return c;
}

/* be_api.lookup. */
static void *be_lookup(be_code *c, const char *name)
{
    LLVMOrcExecutorAddress addr = 0;
    pthread_mutex_lock(&c->lock);
    LLVMErrorRef e = LLVMOrcLLJITLookup(c->lljit, &addr, name);
    pthread_mutex_unlock(&c->lock);
    if (e) {
        char what[64 + CG_NAME_MAX];
        snprintf(what, sizeof what, "looking up '%.*s'", CG_NAME_MAX + 16, name);
        report_error(c->err, what, e);
        atomic_fetch_add(&c->nerrors, 1);
        return NULL;
    }
    return (void *)(uintptr_t)addr;
}

/* be_api.unlink. */
static int be_unlink(be_code *c)
{
    if (!c)
        return 0;
    if (c->lljit) {
        LLVMErrorRef e = LLVMOrcDisposeLLJIT(c->lljit);
        if (e) {
            report_error(c->err, "shutting down", e);
            atomic_fetch_add(&c->nerrors, 1);
        }
    }
    int rc = atomic_load(&c->nerrors) ? -1 : 0;
    pthread_mutex_destroy(&c->lock);
    free(c);
    return rc;
}

/* ---- inspection ---- */

/* be_api.emit_ir: the module as jit_create compiles it in one part. */
static int be_emit_ir(const ir_program *p, bool optimised, FILE *out, FILE *err)
{
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0) {
        diag_internal(err, "JIT", "the program is malformed: it cannot be split into segments");
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
        ok = m && (!optimised || optimise(m, tm, "JIT", err));
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

/* ---- planc build ---- */

/* A target machine for the host's triple and the chosen CPU, making
 * position-independent code for a shared library.  *cpu_used receives
 * the CPU's name (malloc'd).  NULL after printing why; *usage is set when
 * the CPU cannot be used on this host. */
static LLVMTargetMachineRef build_machine(const char *cpu, char **cpu_used, bool *usage, FILE *err)
{
    pthread_once(&llvm_once, llvm_init);
    if (!llvm_ready) {
        diag_internal(err, "build", "LLVM has no code generator for this host");
        return NULL;
    }
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &msg)) {
        diag_internal(err, "build", "no target for %s: %s", triple, msg ? msg : "unknown error");
        LLVMDisposeMessage(msg);
        LLVMDisposeMessage(triple);
        return NULL;
    }
    LLVMDisposeMessage(msg);
    bool host = !cpu || strcmp(cpu, "host") == 0;
    if (!host && strncmp(cpu, "x86-64", 6) == 0 && strncmp(triple, "x86_64", 6) != 0) {
        csv_message(err, "planc: error: --cpu %s is an x86-64 CPU; this host is %s\n", cpu, triple);
        *usage = true;
        LLVMDisposeMessage(triple);
        return NULL;
    }
    char *name = host ? LLVMGetHostCPUName() : NULL;
    char *features = host ? LLVMGetHostCPUFeatures() : NULL;
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, host ? name : cpu,
                                                      host ? features : "",
                                                      LLVMCodeGenLevelAggressive, LLVMRelocPIC,
                                                      LLVMCodeModelDefault);
    if (!tm)
        diag_internal(err, "build", "cannot create a target machine for %s (%s)", triple, host ? name : cpu);
    else
        *cpu_used = strdup(host ? name : cpu);
    if (tm && !*cpu_used) {
        LLVMDisposeTargetMachine(tm);
        tm = NULL;
        diag_internal(err, "build", "out of memory");
    }
    LLVMDisposeMessage(name);
    LLVMDisposeMessage(features);
    LLVMDisposeMessage(triple);
    return tm;
}

/* be_api.emit_object: lowers the segments (cg.h), hides their symbols,
 * optimises with default<O3> and writes the object file `path` (a write
 * error names `shown`). */
static int be_emit_object(const ir_program *p, const exec_plan *plan, const char *cpu,
                          const char *path, const char *shown, char **cpu_used, FILE *err)
{
    bool usage = false;
    LLVMTargetMachineRef tm = build_machine(cpu, cpu_used, &usage, err);
    if (!tm)
        return usage ? 1 : 2;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef m = cg_module(ctx, p, plan, p->plan ? p->plan : "planc", err);
    int rc = m ? 0 : 2;
    if (m) {
        set_target(m, tm);
        /* The library exports only the ABI: the kernels are hidden. */
        for (LLVMValueRef fn = LLVMGetFirstFunction(m); fn; fn = LLVMGetNextFunction(fn))
            if (!LLVMIsDeclaration(fn) && LLVMGetLinkage(fn) == LLVMExternalLinkage)
                LLVMSetVisibility(fn, LLVMHiddenVisibility);
        if (!optimise(m, tm, "build", err))
            rc = 2;
        /* into memory, then written here: LLVM's own file stream ends
         * the process on a failed write ("LLVM ERROR: IO failure on
         * output stream", exit 1) when the disk is full or the file size
         * limit (ulimit -f) is reached */
        be_object obj = {0};
        if (rc == 0 && !codegen(m, tm, &obj, err))
            rc = 2;
        if (rc == 0) {
            FILE *f = fopen(path, "wb");
            bool ok = f && fwrite(obj.data, 1, obj.len, f) == obj.len;
            int e = errno;
            if (f && fclose(f) != 0 && ok) {
                ok = false;
                e = errno;
            }
            if (!ok) {
                csv_message(err, "planc: error: cannot write '%s': %s\n", shown, msgcat_strerror(msgcat_lang(), e));
                rc = 1;
            }
        }
        free((void *)obj.data);
        LLVMDisposeModule(m);
    }
    LLVMContextDispose(ctx);
    LLVMDisposeTargetMachine(tm);
    return rc;
}

/* The table planc finds (backend.h). */
const be_api planc_backend = {
    .version = BE_API_VERSION,
    .planc_version = PLANC_VERSION,
    .host_description = be_host_description,
    .compile = be_compile,
    .link = be_link,
    .lookup = be_lookup,
    .unlink = be_unlink,
    .emit_ir = be_emit_ir,
    .emit_object = be_emit_object,
};
