/* jit.c — host target machine, O3 pipeline, object code, ORC LLJIT and the
 * exec_engine that calls the compiled segments (see jit.h). */
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

#include "cg.h"

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

/* A target machine for this host: its triple, CPU name and CPU features
 * (without them nothing vectorises), aggressive code generation, PIC code
 * that the JIT linker can place anywhere.  NULL after reporting why. */
static LLVMTargetMachineRef host_machine(FILE *err)
{
    pthread_once(&llvm_once, llvm_init);
    if (!llvm_ready) {
        jit_fail(err, "LLVM has no code generator for this host");
        return NULL;
    }
    char *triple = LLVMGetDefaultTargetTriple();
    LLVMTargetRef target;
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &msg)) {
        report_message(err, "no target for this host", msg);
        LLVMDisposeMessage(triple);
        return NULL;
    }
    LLVMDisposeMessage(msg);
    char *cpu = LLVMGetHostCPUName(), *features = LLVMGetHostCPUFeatures();
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, cpu, features,
        LLVMCodeGenLevelAggressive, LLVMRelocPIC, LLVMCodeModelSmall);
    if (!tm)
        jit_fail(err, "cannot create a target machine for %s (%s)", triple, cpu);
    LLVMDisposeMessage(features);
    LLVMDisposeMessage(cpu);
    LLVMDisposeMessage(triple);
    return tm;
}

/* ---- lower, optimise, codegen ---- */

/* Lowers p into a module of ctx, for tm's triple and data layout. */
static LLVMModuleRef lower(LLVMContextRef ctx, LLVMTargetMachineRef tm,
                           const ir_program *p, const exec_plan *plan, FILE *err)
{
    LLVMModuleRef m = cg_module(ctx, p, plan, p->plan ? p->plan : "planc", err);
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

/* Lowers, optimises and compiles p to an object file, timing each phase
 * into t.  Every LLVM object made here is disposed before returning. */
static LLVMMemoryBufferRef compile_object(const ir_program *p, const exec_plan *plan,
                                          jit_timings *t, FILE *err)
{
    double t0 = now_ms();
    LLVMTargetMachineRef tm = host_machine(err);
    if (!tm)
        return NULL;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMMemoryBufferRef obj = NULL;
    LLVMModuleRef m = lower(ctx, tm, p, plan, err);
    double t1 = now_ms();
    t->lower = t1 - t0;
    if (m && optimise(m, tm, err)) {
        double t2 = now_ms();
        t->optimise = t2 - t1;
        obj = codegen(m, tm, err);
        t->codegen = now_ms() - t2;
    }
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    LLVMDisposeTargetMachine(tm);
    return obj;
}

/* ---- the JIT ---- */

/* Creates j's LLJIT: error reporter, process symbol generator (the C
 * library functions compiled code may call, such as memset), and adds the
 * object, whose ownership passes to LLJIT in every case. */
static bool start_lljit(jit_engine *j, LLVMMemoryBufferRef obj)
{
    LLVMErrorRef e = LLVMOrcCreateLLJIT(&j->lljit, NULL);
    if (e) {
        j->lljit = NULL;
        report_error(j->err, "creating the JIT", e);
        LLVMDisposeMemoryBuffer(obj);
        return false;
    }
    LLVMOrcExecutionSessionSetErrorReporter(LLVMOrcLLJITGetExecutionSession(j->lljit),
                                            session_error, j);
    LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j->lljit);
    LLVMOrcDefinitionGeneratorRef gen;
    e = LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
        &gen, LLVMOrcLLJITGetGlobalPrefix(j->lljit), NULL, NULL);
    if (e) {
        report_error(j->err, "searching the process for symbols", e);
        LLVMDisposeMemoryBuffer(obj);
        return false;
    }
    LLVMOrcJITDylibAddGenerator(jd, gen);
    pthread_mutex_lock(&j->lock);
    e = LLVMOrcLLJITAddObjectFile(j->lljit, jd, obj);
    pthread_mutex_unlock(&j->lock);
    if (e) {
        report_error(j->err, "adding the compiled code", e);
        return false;
    }
    return true;
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

jit_engine *jit_create(const ir_program *p, FILE *err)
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

    LLVMMemoryBufferRef obj = compile_object(p, &plan, &j->timings, err);
    exec_plan_free(&plan);
    bool ok = obj != NULL;
    if (ok) {
        double t0 = now_ms();
        ok = start_lljit(j, obj);
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
    LLVMTargetMachineRef tm = host_machine(err);
    if (!tm) {
        exec_plan_free(&plan);
        return -1;
    }
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef m = lower(ctx, tm, p, &plan, err);
    bool ok = m && (!optimised || optimise(m, tm, err));
    if (ok) {
        char *text = LLVMPrintModuleToString(m);
        fputs(text, out);
        LLVMDisposeMessage(text);
    }
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    LLVMDisposeTargetMachine(tm);
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
