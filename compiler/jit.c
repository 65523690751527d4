/* jit.c — the code cache's key and entries, the cached shared object
 * loaded with dlopen, the LLVM back end called when code must be compiled
 * or linked, and the exec_engine that calls the compiled segments (see
 * jit.h).  Nothing here calls LLVM: that is the back end's (backend.h). */
#define _GNU_SOURCE /* memfd_create */
#include "jit.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

#include <llvm/Config/llvm-config.h>

#include "backend.h"
#include "cache.h"
#include "cg.h"
#include "cleanup.h"
#include "csv.h"
#include "diag.h"
#include "fileio.h"
#include "msgcat.h"
#include "proc.h"

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* A compiled segment: void seg_N(inputs, cols, lo, hi) (cg.h). */
typedef void (*seg_fn)(const double *const *inputs, double *const *cols,
                       int64_t lo, int64_t hi);

/* The shared object linked for the cache on a miss, on a thread of its
 * own (link_shared): the objects to link (the engine's), where to store
 * the result, and the thread. */
typedef struct so_job {
    cache *c;                 /* owned by the job */
    cache_key key;
    const be_object *objs;
    unsigned nobjs;
    uint32_t nsegs;           /* seg_0 .. seg_{nsegs-1} must be found */
    pthread_t tid;
    bool started;
} so_job;

/* The longest a link of the cache's shared object may take before the C
 * compiler is killed (the objects then stay in the cache). */
#define LINK_TIMEOUT_MS 60000

/* An engine: where its code lives (a shared object loaded with dlopen, or
 * an LLJIT of the back end holding objects that were compiled or read from
 * the cache), the segment functions looked up once at creation (so
 * scoring never calls into LLVM), and the exec_engine handed to rt_run,
 * whose `self` points back here. */
struct jit_engine {
    exec_engine engine;
    const ir_program *p;
    FILE *err;
    seg_fn *fns;              /* nsegs entries */
    uint32_t nsegs;
    void *dl;                 /* the shared object's handle, or NULL */
    int memfd;                /* the file it was loaded from, or -1 */
    const be_api *be;         /* the back end, once needed */
    bool be_failed;           /* it could not be loaded (and that was said) */
    be_code *code;            /* the LLJIT, or NULL */
    be_object objs[BE_MAX_PARTS]; /* the objects compiled (owned), or */
    unsigned nobjs;
    cache_mapping entry;      /* the cache entry they were read from (the
                                 LLJIT links them where they lie) */
    be_object cached[BE_MAX_PARTS]; /* the objects in it */
    so_job so;                /* the shared object being linked for the cache */
    jit_timings timings;
    atomic_int nerrors;       /* errors reported since creation */
    bool cache_only;          /* jit_cached: a miss compiles nothing */
    lbl_lang lang;            /* the language of the cache's warnings */
};

/* What follows a cache entry that is ignored, for its warning. */
static const char *after_bad_entry(const jit_engine *j)
{
    return j->cache_only ? "" : lbl_get(j->lang, LBL_C_RECOMPILING);
}

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static bool need_backend(jit_engine *j);

/* ---- the cache key ---- */

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

/* Adds this host's CPU to the key as the registers LLVM reads to name the
 * CPU and its features (llvm/lib/TargetParser/Host.cpp): CPUID leaves 0
 * (vendor), 1 (family, model, stepping, features; EBX, which holds the
 * core's APIC ID, left out), 7.0, 7.1, 0xD.1, 0x14, 0x19, 0x24 and
 * 0x80000000, 0x80000001, 0x80000008, and XCR0 (what the OS saves, which
 * decides whether AVX and AVX-512 are usable).  False on a CPU that is not
 * x86 (the back end then describes the host). */
static bool key_cpu(key_buf *k)
{
#if defined(__x86_64__) || defined(__i386__)
    static const struct {
        unsigned leaf, sub;
    } leaves[] = {{0, 0},   {1, 0},    {7, 0},          {7, 1},          {0xd, 1},
                  {0x14, 0}, {0x19, 0}, {0x24, 0},      {0x80000000, 0}, {0x80000001, 0},
                  {0x80000008, 0}};
    unsigned max = __get_cpuid_max(0, NULL), max_ext = __get_cpuid_max(0x80000000, NULL);
    unsigned ecx1 = 0;
    key_str(k, "x86 cpuid");
    for (size_t i = 0; i < sizeof leaves / sizeof leaves[0]; i++) {
        unsigned a = 0, b = 0, c = 0, d = 0;
        unsigned top = leaves[i].leaf & 0x80000000u ? max_ext : max;
        if (leaves[i].leaf <= top)
            __cpuid_count(leaves[i].leaf, leaves[i].sub, a, b, c, d);
        if (leaves[i].leaf == 1) {
            b = 0;
            ecx1 = c;
        }
        key_u32(k, a);
        key_u32(k, b);
        key_u32(k, c);
        key_u32(k, d);
    }
    uint32_t xcr0_lo = 0, xcr0_hi = 0;
    if (ecx1 & (1u << 27)) /* OSXSAVE: XGETBV may be used */
        __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    key_u32(k, xcr0_lo);
    key_u32(k, xcr0_hi);
    return true;
#else
    (void)k;
    return false;
#endif
}

/* The cache key of p (see jit.h for what it covers).  The first string
 * names the payload format (pack): a format change is a different key, so
 * an entry of another format is never read as this one.  False after
 * printing why the host cannot be described. */
static bool program_key(const ir_program *p, const exec_plan *plan, const jit_options *o,
                        jit_engine *j, cache_key *key)
{
    cache_hasher hs;
    cache_hash_init(&hs);
    key_buf kb;
    kb.hs = &hs;
    kb.n = 0;
    key_str(&kb, "planc jit 3");
    key_str(&kb, PLANC_VERSION);
    key_str(&kb, LLVM_VERSION_STRING);
    key_str(&kb, CG_VERSION);
    key_u32(&kb, o && o->width ? o->width : 0);
    key_u32(&kb, BE_CODEGEN_LEVEL);
    key_u32(&kb, BE_FAST_ISEL);
    key_str(&kb, LLVM_HOST_TRIPLE);
    if (!key_cpu(&kb)) {
        if (!need_backend(j))
            return false;
        char *host = j->be->host_description(j->err);
        if (!host)
            return false;
        key_str(&kb, host);
        free(host);
    }
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
    return true;
}

/* ---- cache entries ---- */

/* The kinds of payload, its first 8 bytes. */
static const char KIND_OBJECTS[8] = "PLANCOBJ";
static const char KIND_SHARED[8] = "PLANCSO1";

/* Where files start in a cache entry: at file offsets that are multiples
 * of this, so that objects can be linked where they lie in the mapped
 * entry (cache_map maps the file at a page boundary; ELF's tables need
 * 8-byte alignment). */
#define FILE_ALIGN 16

/* The payload offset `at` moved up to the next whose file offset (the
 * payload follows the entry's header) is a multiple of FILE_ALIGN. */
static size_t file_align(size_t at)
{
    size_t file = CACHE_HEADER_SIZE + at;
    return (file + FILE_ALIGN - 1) / FILE_ALIGN * FILE_ALIGN - CACHE_HEADER_SIZE;
}

/* A cache payload: the kind (8 bytes), the number of files (4 bytes) and
 * 4 reserved zero bytes, the length of each file (8 bytes each), then the
 * files in order, each at the next offset aligned by file_align (the gaps
 * are zero).  Numbers are little-endian.  A shared object is one file.
 * malloc'd; NULL when out of memory. */
static unsigned char *pack(const char kind[8], const be_object *files, unsigned n, size_t *len)
{
    size_t head = 16 + 8 * (size_t)n, total = head;
    for (unsigned k = 0; k < n; k++)
        total = file_align(total) + files[k].len;
    unsigned char *buf = calloc(1, total);
    if (!buf)
        return NULL;
    memcpy(buf, kind, 8);
    for (int b = 0; b < 4; b++)
        buf[8 + b] = (unsigned char)(n >> (8 * b));
    size_t at = head;
    for (unsigned k = 0; k < n; k++) {
        uint64_t size = files[k].len;
        for (int b = 0; b < 8; b++)
            buf[16 + 8 * k + b] = (unsigned char)(size >> (8 * b));
        at = file_align(at);
        memcpy(buf + at, files[k].data, size);
        at += size;
    }
    *len = total;
    return buf;
}

/* The files of a payload, pointing into buf, in files[0..*n) (at most
 * BE_MAX_PARTS), and its kind in kind[8].  False when it does not parse. */
static bool unpack(const unsigned char *buf, size_t len, char kind[8], be_object *files,
                   unsigned *n)
{
    if (len < 16)
        return false;
    memcpy(kind, buf, 8);
    uint32_t count = 0;
    for (int b = 3; b >= 0; b--)
        count = count << 8 | buf[8 + b];
    if (count == 0 || count > BE_MAX_PARTS || len < 16 + 8 * (size_t)count)
        return false;
    size_t at = 16 + 8 * (size_t)count;
    for (uint32_t k = 0; k < count; k++) {
        uint64_t size = 0;
        for (int b = 7; b >= 0; b--)
            size = size << 8 | buf[16 + 8 * k + b];
        at = file_align(at);
        if (at > len || size > len - at)
            return false;
        files[k] = (be_object){buf + at, size};
        at += size;
    }
    *n = count;
    return at == len;
}

/* ---- the cached shared object ---- */

/* Loads the shared object so[0..len) with dlopen from an anonymous file
 * holding a copy of it (so what is loaded is what the cache checked), and
 * looks up every segment function into j->fns.  The file stays open (in
 * j->memfd) while the library is loaded: dlopen returns an object already
 * loaded under the same name, and "/proc/self/fd/N" names are unique only
 * among open descriptors.  False after printing a warning naming `path`
 * (the entry is then recompiled). */
static bool load_shared(jit_engine *j, const be_object *so, const char *path)
{
    const char *why = NULL;
    int fd = memfd_create("planc-code", MFD_CLOEXEC);
    if (fd < 0 || !fio_write_all(fd, so->data, so->len)) {
        why = msgcat_strerror(msgcat_lang(), errno);
    } else {
        char name[64];
        snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
        j->dl = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (!j->dl)
            why = dlerror();
    }
    if (j->dl)
        j->memfd = fd;
    else if (fd >= 0)
        close(fd);
    for (uint32_t k = 0; j->dl && k < j->nsegs; k++) {
        char name[CG_NAME_MAX];
        cg_segment_name(k, name);
        if (!(j->fns[k] = (seg_fn)dlsym(j->dl, name))) {
            why = lbl_get(j->lang, LBL_C_WHY_NO_SEGMENT);
            dlclose(j->dl);
            j->dl = NULL;
            close(j->memfd);
            j->memfd = -1;
        }
    }
    if (!j->dl) {
        cache_warn(j->err, msgcat_get(j->lang, "planc: warning: ignoring cache entry '%s' (its code does not load: %s)%s\n"),
                    path ? path : "?", why ? why : msgcat_get(j->lang, "unknown error"), after_bad_entry(j));
        return false;
    }
    return true;
}

/* Removes the files link_shared made in `dir`, and dir. */
static void remove_link_dir(const char *dir, unsigned nobjs)
{
    char path[4200];
    for (unsigned k = 0; k < nobjs; k++) {
        snprintf(path, sizeof path, "%s/part%u.o", dir, k);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/code.so", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/cc.log", dir);
    unlink(path);
    rmdir(dir);
}

/* Whether the shared object at `path` loads and has every segment
 * function: what a hit will need of it (a C compiler whose libraries need
 * its own runtime, e.g. with a sanitizer, makes some that do not). */
static bool loads(const char *path, uint32_t nsegs)
{
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return false;
    bool ok = true;
    for (uint32_t k = 0; ok && k < nsegs; k++) {
        char name[CG_NAME_MAX];
        cg_segment_name(k, name);
        ok = dlsym(h, name) != NULL;
    }
    dlclose(h);
    return ok;
}

/* The thread of an so_job: writes the objects into a fresh directory under
 * $TMPDIR (else /tmp), links them with `$CC -shared -nostdlib` (else cc;
 * killed after LINK_TIMEOUT_MS), checks that the library loads, and stores
 * it in the cache in place of the objects.  Any failure (no C compiler, a
 * link error, a library that does not load) keeps the objects' entry,
 * quietly: the cache still works, a little slower. */
static void *link_shared(void *arg)
{
    so_job *job = arg;
    const char *tmp = getenv("TMPDIR");
    char dir[4000], out[4096], log[4096], objpath[BE_MAX_PARTS][4096];
    snprintf(dir, sizeof dir, "%s/planc-link-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return NULL;
    int cleanup = cleanup_dir(dir); /* removed if a signal ends planc */
    bool ok = true;
    for (unsigned k = 0; k < job->nobjs && ok; k++) {
        snprintf(objpath[k], sizeof objpath[k], "%s/part%u.o", dir, k);
        int fd = open(objpath[k], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        ok = fd >= 0 && fio_write_all(fd, job->objs[k].data, job->objs[k].len);
        if (fd >= 0 && close(fd) != 0)
            ok = false;
    }
    snprintf(out, sizeof out, "%s/code.so", dir);
    snprintf(log, sizeof log, "%s/cc.log", dir);
    const char *cc = getenv("CC");
    char *copy = strdup(cc && *cc ? cc : "cc");
    char *argv[PROC_MAX_WORDS + 8 + BE_MAX_PARTS];
    int n = copy ? proc_words(copy, argv) : 0;
    if (n == 0 && copy) { /* $CC of blanks only: as if unset */
        free(copy);
        copy = strdup("cc");
        n = copy ? proc_words(copy, argv) : 0;
    }
    if (ok && n > 0) {
        argv[n++] = "-shared";
        argv[n++] = "-nostdlib";
        argv[n++] = "-o";
        argv[n++] = out;
        for (unsigned k = 0; k < job->nobjs; k++)
            argv[n++] = objpath[k];
        argv[n] = NULL;
        int status = 0;
        size_t len = 0;
        unsigned char *so = NULL;
        if (proc_run(argv, log, &status, LINK_TIMEOUT_MS) == 0 && WIFEXITED(status) &&
            WEXITSTATUS(status) == 0 && loads(out, job->nsegs) &&
            (so = (unsigned char *)fio_read_file(out, SIZE_MAX, &len))) {
            size_t plen;
            be_object file = {so, len};
            unsigned char *payload = pack(KIND_SHARED, &file, 1, &plen);
            if (payload)
                cache_put(job->c, &job->key, payload, plen);
            free(payload);
        }
        free(so);
    }
    free(copy);
    remove_link_dir(dir, job->nobjs);
    cleanup_done(cleanup);
    return NULL;
}

/* Starts linking objs[0..n) into the shared object that will replace the
 * entry `key` of cache c; the job takes c over (j->so.c is c) when its
 * thread starts. */
static void start_link(jit_engine *j, cache *c, const cache_key *key, const be_object *objs,
                       unsigned n)
{
    j->so = (so_job){.c = c, .key = *key, .objs = objs, .nobjs = n, .nsegs = j->nsegs};
    j->so.started = pthread_create(&j->so.tid, NULL, link_shared, &j->so) == 0;
    if (!j->so.started)
        j->so.c = NULL; /* the caller closes c */
}

/* Waits for the engine's so_job (if any) and closes its cache. */
static void so_wait(jit_engine *j)
{
    if (j->so.started)
        pthread_join(j->so.tid, NULL);
    j->so.started = false;
    cache_close(j->so.c);
    j->so.c = NULL;
}

/* ---- the engine ---- */

/* exec_engine.run_segment: calls the compiled segment for rows [lo, hi). */
static void run_segment(void *self, const ir_program *p, uint32_t seg,
                        const exec_frame *f, size_t lo, size_t hi)
{
    jit_engine *j = self;
    if (p != j->p || seg >= j->nsegs) {
        /* A caller bug, not bad input: running on would write wrong results. */
        diag_internal(j->err, "JIT", "segment %u requested of an engine built for another program "
                 "or with %u segments", seg, j->nsegs);
        abort();
    }
    if (lo < hi)
        j->fns[seg](f->inputs, f->cols, (int64_t)lo, (int64_t)hi);
}

/* The back end, loaded on first need (its load time counted in
 * timings.load).  False after printing why it cannot be loaded. */
static bool need_backend(jit_engine *j)
{
    if (j->be || j->be_failed)
        return j->be != NULL;
    double load = 0;
    j->be = be_get(j->err, &load);
    j->be_failed = !j->be;
    j->timings.load += load;
    return j->be != NULL;
}

/* Links the objects (j->objs[0..nobjs), compiled or in the mapped entry)
 * in an LLJIT of the back end and looks up the segment functions.  False
 * after printing why: to link_err what went wrong linking, to j->err that
 * the back end cannot be loaded. */
static bool link_objects(jit_engine *j, const be_object *objs, unsigned n, FILE *link_err)
{
    if (!need_backend(j))
        return false;
    j->code = j->be->link(objs, n, j->nsegs, (void **)j->fns, j->err, link_err);
    return j->code != NULL;
}

/* Looks the code of p up in the cache `c` under `key`: a shared object is
 * loaded, objects are linked (and a shared object linked from them again,
 * the job taking c over).  True when the engine has its code; false on a
 * miss or a bad entry (warned about), with nothing kept. */
static bool from_cache(jit_engine *j, cache *c, const cache_key *key, double t0)
{
    cache_mapping e;
    if (!cache_map(c, key, &e))
        return false;
    char kind[8];
    be_object files[BE_MAX_PARTS];
    unsigned n = 0;
    char *path = NULL;
    bool ok = false;
    if (!unpack(e.payload, e.len, kind, files, &n) ||
        (memcmp(kind, KIND_SHARED, 8) != 0 && memcmp(kind, KIND_OBJECTS, 8) != 0) ||
        (memcmp(kind, KIND_SHARED, 8) == 0 && n != 1)) {
        path = cache_entry_path(c, key);
        cache_warn(j->err, msgcat_get(j->lang, "planc: warning: ignoring cache entry '%s' (its code does not parse)%s\n"),
                    path ? path : "?", after_bad_entry(j));
    } else if (memcmp(kind, KIND_SHARED, 8) == 0) {
        j->timings.cache = now_ms() - t0;
        double t1 = now_ms();
        path = cache_entry_path(c, key);
        ok = load_shared(j, &files[0], path);
        j->timings.link = now_ms() - t1;
        if (ok) {
            j->timings.cache_state = JIT_CACHE_HIT;
            j->timings.parts = 1;
        }
    } else {
        j->timings.cache = now_ms() - t0;
        double t1 = now_ms(), load0 = j->timings.load;
        /* What fails here is a bad entry, not an internal error: it is
         * caught and said in the warning below. */
        char *why = NULL;
        size_t whylen = 0;
        FILE *link_err = open_memstream(&why, &whylen);
        ok = link_objects(j, files, n, link_err ? link_err : j->err);
        if (link_err)
            fclose(link_err);
        j->timings.link = now_ms() - t1 - (j->timings.load - load0);
        if (ok) {
            j->timings.cache_state = JIT_CACHE_HIT_OBJ;
            j->timings.parts = n;
            j->entry = e; /* the LLJIT's objects (and the link job's) lie in it */
            free(path);
            /* The shared object was not made when the objects were stored
             * (no C compiler then, or a failed link): try again, so that a
             * compiler installed since makes later hits fast. */
            memcpy(j->cached, files, n * sizeof *files);
            start_link(j, c, key, j->cached, n);
            free(why);
            return true;
        }
        /* A back end that cannot be loaded was reported (and the caller
         * stops there); objects that do not link are a bad entry: the
         * caller compiles. */
        if (j->be) {
            const char *msg = diag_internal_detail(why ? why : "", "JIT");
            path = cache_entry_path(c, key);
            cache_warn(j->err,
                       msgcat_get(j->lang, "planc: warning: ignoring cache entry '%s' (its objects do not link: %.*s)%s\n"),
                       path ? path : "?", (int)strcspn(msg, "\n"), msg, after_bad_entry(j));
        }
        free(why);
    }
    free(path);
    cache_unmap(&e);
    return ok;
}

/* Compiles p with the back end into j->objs and links them; on a miss of
 * cache `c` (not NULL), stores the objects under `key` and starts linking
 * the shared object that will replace them (the job then takes c over:
 * j->so.c is c).  False after printing why. */
static bool compile(jit_engine *j, const exec_plan *plan, const jit_options *o, cache *c,
                    const cache_key *key)
{
    jit_timings *t = &j->timings;
    if (!need_backend(j))
        return false;
    unsigned threads = o && o->threads ? o->threads : rt_default_threads();
    if (!(o && o->threads) && threads > JIT_MAX_THREADS)
        threads = JIT_MAX_THREADS;
    be_times bt = {0};
    if (!j->be->compile(j->p, plan, o ? o->width : 0, threads, &j->nobjs, j->objs, &bt, j->err))
        return false;
    t->lower = bt.lower;
    t->optimise = bt.optimise;
    t->codegen = bt.codegen;
    if (c) {
        double t1 = now_ms();
        size_t len;
        unsigned char *payload = pack(KIND_OBJECTS, j->objs, j->nobjs, &len);
        if (payload)
            cache_put(c, key, payload, len);
        free(payload);
        t->cache += now_ms() - t1;
    }
    double t2 = now_ms();
    bool ok = link_objects(j, j->objs, j->nobjs, j->err);
    t->link = now_ms() - t2;
    /* Started once the code is callable, so that the C compiler does not
     * compete with the JIT linker for the cores. */
    if (ok && c)
        start_link(j, c, key, j->objs, j->nobjs);
    return ok;
}

jit_engine *jit_create(const ir_program *p, FILE *err)
{
    return jit_create_opts(p, NULL, err);
}

/* jit_create_opts and jit_cached: the engine from the cache, else (unless
 * cache_only) compiled. */
static jit_engine *create(const ir_program *p, const jit_options *o, bool cache_only, FILE *err)
{
    /* The cache phase starts here (the program split into segments), so
     * that the phases add up to the time jit_create_opts takes. */
    double t0 = now_ms();
    exec_plan plan;
    if (exec_plan_make(p, &plan) != 0) {
        diag_internal(err, "JIT", "the program is malformed: it cannot be split into segments");
        return NULL;
    }
    jit_engine *j = calloc(1, sizeof *j);
    seg_fn *fns = calloc(plan.nsegs ? plan.nsegs : 1, sizeof *fns);
    if (!j || !fns) {
        diag_internal(err, "JIT", "out of memory");
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
    j->memfd = -1;
    j->cache_only = cache_only;
    j->lang = o ? o->lang : LBL_EN;
    atomic_init(&j->nerrors, 0);

    bool ok = true;
    bool looked_up = o && o->looked_up && !cache_only;
    cache *c = !o || !o->cache_dir ? NULL
               : looked_up         ? cache_reopen(o->cache_dir, err, o->lang)
                                   : cache_open(o->cache_dir, err, o->lang);
    cache_key key;
    if (c && cache_only)
        cache_on_bad_entry(c, "");
    if (c) {
        j->timings.cache_state = JIT_CACHE_MISS;
        ok = program_key(p, &plan, o, j, &key);
        if (ok && !looked_up && from_cache(j, c, &key, t0)) {
            if (j->so.c != c)
                cache_close(c);
            exec_plan_free(&plan);
            return j;
        }
        j->timings.cache_state = JIT_CACHE_MISS;
    }
    j->timings.cache = now_ms() - t0 - j->timings.load;
    if (cache_only) {
        if (c)
            cache_close(c);
        exec_plan_free(&plan);
        jit_dispose(j);
        return NULL;
    }
    ok = ok && compile(j, &plan, o, c, &key);
    if (j->so.c != c)
        cache_close(c);
    j->timings.parts = j->nobjs;
    exec_plan_free(&plan);
    if (!ok) {
        jit_dispose(j);
        return NULL;
    }
    return j;
}

jit_engine *jit_create_opts(const ir_program *p, const jit_options *o, FILE *err)
{
    return create(p, o, false, err);
}

jit_engine *jit_cached(const ir_program *p, const jit_options *o, FILE *err)
{
    if (!o || !o->cache_dir)
        return NULL;
    return create(p, o, true, err);
}

/* The cost model of jit_estimate_run, in milliseconds of this kind of
 * machine, fitted to `planc run --timings -j 1` on the benchmark's
 * generated rule sets (docs/PERFORMANCE.md, "Choosing the engine"):
 *   - the interpreter takes about 2.2 ns per IR step and row (2.1-2.4 on
 *     the e2e, memory-bound and Liaoning-size sets), the compiled code
 *     0.2-0.6 ns;
 *   - a compile (loading the back end, lowering, default<O3>, code
 *     generation) takes about 35 ms plus 0.16 ms per step: 45, 66 and 243
 *     ms for 85, 161 and 1,343 steps.
 * Both sides spread over the same cores (the rows in chunks over -j
 * threads, the compile in parts over as many), so threads are left out;
 * so is the cache's shared object, linked while the rows are scored.
 * The estimate decides only near the break-even, where either engine
 * costs about the same. */
#define EST_INTERP_NS_PER_STEP_ROW 2.2
#define EST_JIT_NS_PER_STEP_ROW 0.3
#define EST_COMPILE_FIXED_MS 35.0
#define EST_COMPILE_MS_PER_STEP 0.16

jit_estimate jit_estimate_run(const ir_program *p, uint64_t rows)
{
    jit_estimate e = {.steps = p->nsteps};
    double work = (double)rows * (double)p->nsteps;
    e.interp_ms = work * EST_INTERP_NS_PER_STEP_ROW / 1e6;
    e.jit_ms = EST_COMPILE_FIXED_MS + (double)p->nsteps * EST_COMPILE_MS_PER_STEP +
               work * EST_JIT_NS_PER_STEP_ROW / 1e6;
    return e;
}

const exec_engine *jit_exec_engine(const jit_engine *j)
{
    return &j->engine;
}

jit_timings jit_get_timings(const jit_engine *j)
{
    return j->timings;
}

void *jit_lookup(jit_engine *j, const char *name)
{
    if (j->dl) {
        void *f = dlsym(j->dl, name);
        if (!f) {
            diag_internal(j->err, "JIT", "looking up '%.*s': not found", CG_NAME_MAX + 16, name);
            atomic_fetch_add(&j->nerrors, 1);
        }
        return f;
    }
    void *f = j->be->lookup(j->code, name);
    if (!f)
        atomic_fetch_add(&j->nerrors, 1);
    return f;
}

int jit_emit_ir(const ir_program *p, bool optimised, FILE *out, FILE *err)
{
    const be_api *be = be_get(err, NULL);
    return be ? be->emit_ir(p, optimised, out, err) : -1;
}

void jit_cache_wait(jit_engine *j)
{
    if (j)
        so_wait(j);
}

int jit_dispose(jit_engine *j)
{
    if (!j)
        return 0;
    so_wait(j);
    if (j->code && j->be->unlink(j->code) != 0)
        atomic_fetch_add(&j->nerrors, 1);
    if (j->dl)
        dlclose(j->dl);
    if (j->memfd >= 0)
        close(j->memfd);
    int rc = atomic_load(&j->nerrors) ? -1 : 0;
    for (unsigned k = 0; k < j->nobjs; k++)
        free((void *)j->objs[k].data);
    cache_unmap(&j->entry);
    free(j->fns);
    free(j);
    return rc;
}
