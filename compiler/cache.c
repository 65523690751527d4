/* cache.c — the directory of compiled code (see cache.h): keys, the entry
 * format, atomic writes. */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "csv.h"
#include "fileio.h"
#include "msgcat.h"
#include "warnings.h"

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* The largest entry read back: anything bigger is damaged. */
#define CACHE_MAX_ENTRY ((size_t)1 << 30)

/* The bounds of the cache directory (cache.h): an entry unused for
 * CACHE_DEFAULT_DAYS days goes, and the entries together are kept under
 * CACHE_DEFAULT_MAX bytes, unless PLANC_CACHE_DAYS or PLANC_CACHE_MAX
 * say otherwise. */
#define CACHE_DEFAULT_DAYS 30
#define CACHE_DEFAULT_MAX ((uint64_t)100 << 20)

/* How long an entry's time of use stays good enough: a hit within this
 * many seconds of the last one does not write it again. */
#define CACHE_TOUCH_SECS 3600

/* How old a writer's temporary file must be before a sweep removes it: a
 * write takes milliseconds, so one this old was left by a planc killed
 * with SIGKILL (the others remove theirs: cleanup.h). */
#define CACHE_STALE_TMP_SECS 86400

static const char cache_magic[8] = {'P', 'L', 'A', 'N', 'C', 'O', 'B', 'J'};

/* ---- keys ---- */

void cache_hash_init(cache_hasher *hs)
{
    sha256_init(&hs->sha);
}

void cache_hash_add(cache_hasher *hs, const void *data, size_t len)
{
    sha256_update(&hs->sha, data, len);
}

void cache_hash_str(cache_hasher *hs, const char *s)
{
    cache_hash_add(hs, s, strlen(s) + 1);
}

void cache_hash_end(cache_hasher *hs, cache_key *out)
{
    sha256_digest(&hs->sha, out->b);
}

void cache_key_hex(const cache_key *k, char out[65])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = digits[k->b[i] >> 4];
        out[2 * i + 1] = digits[k->b[i] & 15];
    }
    out[64] = '\0';
}

/* The checksum of a payload. */
static void checksum(const void *data, size_t len, cache_key *out)
{
    cache_hasher hs;
    cache_hash_init(&hs);
    cache_hash_add(&hs, data, len);
    cache_hash_end(&hs, out);
}

/* ---- the directory ---- */

struct cache {
    char *dir;
    FILE *warn;
    lbl_lang lang;       /* the language of the warnings (labels.h) */
    bool write_warned;   /* a failed write was reported already */
    bool bound_warned;   /* a bad PLANC_CACHE_MAX or _DAYS was reported already */
    const char *then;    /* ends a warning about a bad entry: what the
                            caller does instead ("; recompiling") */
};

/* "a" + "/" + "b", malloc'd (NULL when out of memory). */
static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);
    if (!s)
        return NULL;
    memcpy(s, a, la);
    s[la] = '/';
    memcpy(s + la + 1, b, lb + 1);
    return s;
}

/* The value of environment variable `name`, NULL when unset or empty. */
static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* The warnings cache_warn wrote (the compiling thread writes some while
 * the data loads). */
static atomic_uint warnings_said;

int cache_warn(FILE *out, const char *fmt, ...)
{
    atomic_fetch_add(&warnings_said, 1);
    va_list ap;
    va_start(ap, fmt);
    int r = warn_vmessage(out, WARN_CACHE, fmt, ap);
    va_end(ap);
    return r;
}

unsigned cache_warnings(void)
{
    return atomic_load(&warnings_said);
}

/* The user's home directory as the password database has it (HOME unset),
 * NULL when it has none. */
static const char *passwd_home(void)
{
    struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
}

char *cache_default_dir(FILE *warn, lbl_lang lang)
{
    const char *v;
    char *dir = NULL;
    if ((v = env("PLANC_CACHE_DIR")))
        dir = strdup(v);
    else if ((v = env("XDG_CACHE_HOME")))
        dir = join(v, "planc");
    else if ((v = env("HOME")) || (v = passwd_home()))
        dir = join(v, ".cache/planc");
    else {
        cache_warn(warn, msgcat_get(lang, "planc: warning: no cache directory (set PLANC_CACHE_DIR, XDG_CACHE_HOME "
                                           "or HOME); running without the cache\n"));
        return NULL;
    }
    if (!dir)
        cache_warn(warn, msgcat_get(lang, "planc: warning: out of memory; running without the cache\n"));
    return dir;
}

/* mkdir -p: creates `dir` and its missing parents.  Returns 0, or -1 with
 * errno set. */
static int make_dirs(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return 0;
        errno = ENOTDIR;
        return -1;
    }
    char *path = strdup(dir);
    if (!path)
        return -1;
    int rc = 0;
    for (char *p = path + 1; rc == 0; p++) {
        bool end = *p == '\0';
        if (*p != '/' && !end)
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            rc = -1;
        else if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;
            rc = -1;
        }
        if (end)
            break;
        *p = '/';
    }
    free(path);
    return rc;
}

/* cache_open and cache_reopen: `told` says an unusable directory was
 * warned about already. */
static cache *open_dir(const char *dir, FILE *warn, lbl_lang lang, bool told)
{
    if (make_dirs(dir) != 0 || access(dir, W_OK | X_OK) != 0) {
        if (!told)
            cache_warn(warn, msgcat_get(lang, "planc: warning: cannot use the cache directory '%s': %s; running "
                                               "without the cache\n"),
                        dir, msgcat_strerror(lang, errno));
        return NULL;
    }
    cache *c = calloc(1, sizeof *c);
    if (c && !(c->dir = strdup(dir))) {
        free(c);
        c = NULL;
    }
    if (!c) {
        cache_warn(warn, msgcat_get(lang, "planc: warning: out of memory; running without the cache\n"));
        return NULL;
    }
    c->warn = warn;
    c->lang = lang;
    c->then = lbl_get(lang, LBL_C_RECOMPILING);
    return c;
}

cache *cache_open(const char *dir, FILE *warn, lbl_lang lang)
{
    return open_dir(dir, warn, lang, false);
}

cache *cache_reopen(const char *dir, FILE *warn, lbl_lang lang)
{
    return open_dir(dir, warn, lang, true);
}

lbl_lang cache_lang(const cache *c)
{
    return c->lang;
}

void cache_on_bad_entry(cache *c, const char *then)
{
    c->then = then;
}

void cache_close(cache *c)
{
    if (!c)
        return;
    free(c->dir);
    free(c);
}

char *cache_entry_path(const cache *c, const cache_key *k)
{
    char name[72];
    cache_key_hex(k, name);
    strcat(name, ".plo");
    return join(c->dir, name);
}

/* Stores a 32/64-bit little-endian number. */
static void put_le(unsigned char *p, uint64_t v, int n)
{
    for (int i = 0; i < n; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = n; i-- > 0;)
        v = v << 8 | p[i];
    return v;
}

/* planc's version as stored in a header: NUL-padded to 16 bytes. */
static void version_field(unsigned char out[16])
{
    memset(out, 0, 16);
    strncpy((char *)out, PLANC_VERSION, 15);
}

/* Why a header cannot be trusted for key k and an entry of `size` bytes
 * (a label, LBL_C_WHY_*), or LBL_COUNT when it can. */
static lbl_id check_header(const unsigned char *h, size_t size, const cache_key *k)
{
    unsigned char version[16];
    version_field(version);
    if (memcmp(h, cache_magic, 8) != 0)
        return LBL_C_WHY_NOT_ENTRY;
    if (get_le(h + 8, 4) != CACHE_FORMAT || get_le(h + 12, 4) != 0)
        return LBL_C_WHY_FORMAT;
    if (memcmp(h + 16, version, 16) != 0)
        return LBL_C_WHY_VERSION;
    if (memcmp(h + 32, k->b, 32) != 0)
        return LBL_C_WHY_FOREIGN;
    if (get_le(h + 64, 8) != size - CACHE_HEADER_SIZE)
        return LBL_C_WHY_LENGTH;
    return LBL_COUNT;
}

void *cache_get(cache *c, const cache_key *k, size_t *len)
{
    /* A copy of what cache_map checks and maps. */
    cache_mapping m;
    if (!cache_map(c, k, &m))
        return NULL;
    void *payload = malloc(m.len ? m.len : 1);
    if (payload) {
        memcpy(payload, m.payload, m.len);
        *len = m.len;
    } else {
        char *path = cache_entry_path(c, k);
        cache_warn(c->warn, msgcat_get(c->lang, "planc: warning: ignoring cache entry '%s' (too large to read)%s\n"),
                    path ? path : "?", c->then);
        free(path);
    }
    cache_unmap(&m);
    return payload;
}

bool cache_map(cache *c, const cache_key *k, cache_mapping *m)
{
    memset(m, 0, sizeof *m);
    char *path = cache_entry_path(c, k);
    if (!path)
        return false;
    /* O_NONBLOCK: a FIFO under the entry's name (another user's, in a
     * shared directory) would block the open until written to; opened at
     * once, it is refused below as not a regular file */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno != ENOENT)
            cache_warn(c->warn, msgcat_get(c->lang, "planc: warning: cannot read cache entry '%s': %s%s\n"), path,
                        msgcat_strerror(c->lang, errno), c->then);
        free(path);
        return false;
    }
    lbl_id bad = LBL_COUNT;
    unsigned char *base = NULL;
    struct stat st;
    size_t size = 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        bad = LBL_C_WHY_NOT_FILE;
    } else if (st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH))) {
        /* Compiled code is run: only entries no other user could have
         * written or changed. */
        bad = LBL_C_WHY_OWNER;
    } else if ((size_t)st.st_size < CACHE_HEADER_SIZE || (uint64_t)st.st_size > CACHE_MAX_ENTRY) {
        bad = LBL_C_WHY_LENGTH;
    } else {
        /* Populated at once: one system call rather than a page fault for
         * each page read (the checksum reads them all). */
        size = (size_t)st.st_size;
        void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED)
            bad = LBL_C_WHY_UNREADABLE;
        else
            base = p;
    }
    if (bad == LBL_COUNT && (bad = check_header(base, size, k)) == LBL_COUNT) {
        size_t n = size - CACHE_HEADER_SIZE;
        cache_key sum;
        checksum(base + CACHE_HEADER_SIZE, n, &sum);
        if (memcmp(sum.b, base + 72, 32) != 0)
            bad = LBL_C_WHY_CHECKSUM;
    }
    /* a hit: the entry's time of use (its modification time, which
     * eviction reads; the access time is not kept on many file systems)
     * set to now, at most once per CACHE_TOUCH_SECS; failing quietly */
    if (bad == LBL_COUNT && time(NULL) - st.st_mtime >= CACHE_TOUCH_SECS) {
        struct timespec times[2] = {{.tv_nsec = UTIME_OMIT}, {.tv_nsec = UTIME_NOW}};
        futimens(fd, times);
    }
    close(fd);
    if (bad != LBL_COUNT) {
        cache_warn(c->warn, msgcat_get(c->lang, "planc: warning: ignoring cache entry '%s' (%s)%s\n"), path,
                    lbl_get(c->lang, bad), c->then);
        if (base)
            munmap(base, size);
        free(path);
        return false;
    }
    free(path);
    m->payload = base + CACHE_HEADER_SIZE;
    m->len = size - CACHE_HEADER_SIZE;
    m->base = base;
    m->size = size;
    return true;
}

void cache_unmap(cache_mapping *m)
{
    if (m->base)
        munmap(m->base, m->size);
    memset(m, 0, sizeof *m);
}

/* ---- eviction ---- */

/* Whether `name` is an entry's, KEY.plo with KEY 64 lowercase hex digits:
 * the only files eviction removes besides stale temporary ones; anything
 * else in the directory is not planc's and is left alone. */
static bool entry_name(const char *name)
{
    for (int i = 0; i < 64; i++)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
            return false;
    return strcmp(name + 64, ".plo") == 0;
}

/* Whether `name` is a temporary file of cache_put: ".HEX16.PID.N.tmp". */
static bool temp_name(const char *name)
{
    if (name[0] != '.')
        return false;
    for (int i = 1; i <= 16; i++)
        if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
            return false;
    const char *p = name + 17;
    for (int part = 0; part < 2; part++) {
        if (*p++ != '.' || !(*p >= '0' && *p <= '9'))
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return strcmp(p, ".tmp") == 0;
}

/* Reads the decimal digits at *p into a number, *p left past those read;
 * stops before a digit once the number is past `limit` (a limit of at
 * most (UINT64_MAX - 9) / 10 keeps it from overflowing), where the
 * caller then finds a digit left: the environment's bounds
 * (size_bound, days_bound) read their digits alike. */
static uint64_t read_digits(const char **p, uint64_t limit)
{
    uint64_t n = 0;
    for (; **p >= '0' && **p <= '9' && n <= limit; (*p)++)
        n = n * 10 + (uint64_t)(**p - '0');
    return n;
}

/* The value of PLANC_CACHE_MAX in bytes: digits with an optional K, M or
 * G (KiB, MiB, GiB); 0 means no bound.  *bad is set when the variable is
 * set but not such a size (the default is used). */
static uint64_t size_bound(bool *bad)
{
    const char *v = env("PLANC_CACHE_MAX");
    *bad = false;
    if (!v)
        return CACHE_DEFAULT_MAX;
    const char *p = v;
    uint64_t n = read_digits(&p, (UINT64_MAX - 9) / 10);
    int shift = 0;
    if (p > v && (*p == 'K' || *p == 'k'))
        shift = 10;
    else if (p > v && (*p == 'M' || *p == 'm'))
        shift = 20;
    else if (p > v && (*p == 'G' || *p == 'g'))
        shift = 30;
    if (shift)
        p++;
    if (p == v || *p != '\0' || (shift && n > UINT64_MAX >> shift)) {
        *bad = true;
        return CACHE_DEFAULT_MAX;
    }
    return n << shift;
}

/* The value of PLANC_CACHE_DAYS: whole days, 0 meaning no bound; *bad as
 * size_bound's. */
static long days_bound(bool *bad)
{
    const char *v = env("PLANC_CACHE_DAYS");
    *bad = false;
    if (!v)
        return CACHE_DEFAULT_DAYS;
    const char *p = v;
    uint64_t n = read_digits(&p, 1000000);
    if (p == v || *p != '\0' || n > 1000000) {
        *bad = true;
        return CACHE_DEFAULT_DAYS;
    }
    return (long)n;
}

/* An entry a sweep found: its name, its time of last use (the file's
 * modification time: cache_map sets it on a hit), its size and inode. */
typedef struct swept {
    char name[72];
    time_t used;
    uint64_t size;
    ino_t ino;
} swept;

/* Oldest use first; of one time, by name (the order is the same for every
 * planc sweeping at once). */
static int by_use(const void *a, const void *b)
{
    const swept *x = a, *y = b;
    if (x->used != y->used)
        return x->used < y->used ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Removes the entry e from the directory dfd, if it is still the file the
 * sweep saw (a planc may have renamed a fresh entry over it since: that
 * one stays).  What is removed is only a name: a planc that opened the
 * entry before keeps reading the file it opened (cache_map maps it;
 * planc never truncates or writes into an entry), and one that opens it
 * after finds no entry and compiles. */
static bool evict(int dfd, const swept *e)
{
    struct stat st;
    if (fstatat(dfd, e->name, &st, AT_SYMLINK_NOFOLLOW) != 0 || st.st_ino != e->ino ||
        st.st_mtime != e->used)
        return false;
    return unlinkat(dfd, e->name, 0) == 0;
}

/* Keeps the directory within its bounds, after cache_put stored the entry
 * named `keep` (which stays, whatever its size): removes the entries
 * unused for longer than PLANC_CACHE_DAYS, then, least recently used
 * first, as many as keep the rest under PLANC_CACHE_MAX, and the temporary
 * files a killed planc left.  Needs no lock: removing a name never harms
 * a planc reading that entry (evict), and two planc sweeping at once
 * remove the same files (one finds them gone).  Files other than entries
 * and cache_put's temporary files are left alone; failures are quiet
 * (the cache is an optimisation). */
static void sweep(cache *c, const char *keep)
{
    bool bad_max, bad_days;
    uint64_t max = size_bound(&bad_max);
    long days = days_bound(&bad_days);
    if (bad_max && !c->bound_warned)
        cache_warn(c->warn, msgcat_get(c->lang, "planc: warning: ignoring PLANC_CACHE_MAX='%s' (not a size "
                                                "such as 500M or 2G; 0: no bound); the cache is kept under "
                                                "100M\n"), getenv("PLANC_CACHE_MAX"));
    if (bad_days && !c->bound_warned)
        cache_warn(c->warn, msgcat_get(c->lang, "planc: warning: ignoring PLANC_CACHE_DAYS='%s' (not a number "
                                                "of days; 0: no bound); entries unused for 30 days are "
                                                "removed\n"), getenv("PLANC_CACHE_DAYS"));
    if (bad_max || bad_days)
        c->bound_warned = true;
    int dfd = open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        return;
    }
    time_t now = time(NULL);
    swept *all = NULL;
    size_t n = 0, cap = 0;
    uint64_t total = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        bool entry = entry_name(de->d_name);
        struct stat st;
        if ((!entry && !temp_name(de->d_name)) ||
            fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (!entry) {
            if (now - st.st_mtime > CACHE_STALE_TMP_SECS)
                unlinkat(dfd, de->d_name, 0);
            continue;
        }
        swept e = {.used = st.st_mtime, .size = (uint64_t)st.st_size, .ino = st.st_ino};
        memcpy(e.name, de->d_name, 69);
        if (strcmp(e.name, keep) != 0 && days > 0 && now - e.used > (time_t)days * 86400 && evict(dfd, &e))
            continue;
        if (n == cap) {
            swept *more = realloc(all, (cap ? 2 * cap : 64) * sizeof *all);
            if (!more)
                break;
            all = more;
            cap = cap ? 2 * cap : 64;
        }
        all[n++] = e;
        total += e.size;
    }
    if (max > 0 && total > max) {
        qsort(all, n, sizeof *all, by_use);
        for (size_t i = 0; i < n && total > max; i++)
            if (strcmp(all[i].name, keep) != 0 && evict(dfd, &all[i]))
                total -= all[i].size;
    }
    free(all);
    closedir(d);
}

int cache_put(cache *c, const cache_key *k, const void *payload, size_t len)
{
    static atomic_uint counter;
    char hex[65], tmpname[128];
    cache_key_hex(k, hex);
    snprintf(tmpname, sizeof tmpname, ".%.16s.%ld.%u.tmp", hex, (long)getpid(),
             atomic_fetch_add(&counter, 1));
    char *path = cache_entry_path(c, k), *tmp = join(c->dir, tmpname);
    int failed = path && tmp ? 0 : ENOMEM;
    int fd = failed ? -1 : open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (!failed && fd < 0)
        failed = errno;
    if (fd >= 0) {
        int cleanup = cleanup_file(tmp); /* removed if a signal ends planc */
        unsigned char h[CACHE_HEADER_SIZE] = {0};
        memcpy(h, cache_magic, 8);
        put_le(h + 8, CACHE_FORMAT, 4);
        version_field(h + 16);
        memcpy(h + 32, k->b, 32);
        put_le(h + 64, len, 8);
        cache_key sum;
        checksum(payload, len, &sum);
        memcpy(h + 72, sum.b, 32);
        if (!fio_write_all(fd, h, sizeof h) || !fio_write_all(fd, payload, len))
            failed = errno ? errno : EIO;
        if (close(fd) != 0 && !failed)
            failed = errno;
        if (!failed && rename(tmp, path) != 0)
            failed = errno;
        if (failed)
            unlink(tmp);
        cleanup_done(cleanup);
        if (!failed) {
            char keep[72]; /* the entry's name, KEY.plo */
            snprintf(keep, sizeof keep, "%s.plo", hex);
            sweep(c, keep);
        }
    }
    if (failed && !c->write_warned) {
        cache_warn(c->warn, msgcat_get(c->lang, "planc: warning: cannot write to the cache directory '%s': %s\n"),
                    c->dir, msgcat_strerror(c->lang, failed));
        c->write_warned = true;
    }
    free(tmp);
    free(path);
    return failed ? -1 : 0;
}
