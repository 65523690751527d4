/* cache.c — the directory of compiled code (see cache.h): keys, the entry
 * format, atomic writes. */
#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* The largest entry read back: anything bigger is damaged. */
#define CACHE_MAX_ENTRY ((size_t)1 << 30)

static const char cache_magic[8] = {'P', 'L', 'A', 'N', 'C', 'O', 'B', 'J'};

/* ---- keys ---- */

/* SHA-256 with the x86 SHA extensions.  A cache hit hashes about twice the
 * size of the rules and of the cached objects (the key, the payload's
 * checksum): 250 KB for a 50 KB rules file, 0.9 ms with the portable
 * runtime/sha256.c, 0.15 ms with these instructions.  The state, buffer
 * and length of the sha256_ctx are kept exactly as sha256.c keeps them,
 * so the two can be mixed; a CPU without the extensions uses sha256.c
 * throughout. */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>

/* Whether this CPU has the SHA extensions (and SSSE3, SSE4.1, which the
 * code below uses too); asked once. */
static bool have_sha_ni(void)
{
    static atomic_int known; /* 0 not asked yet, 1 no, 2 yes */
    int v = atomic_load_explicit(&known, memory_order_relaxed);
    if (v == 0) {
        unsigned a, b, c, d;
        bool yes = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1) &&
                   __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
        v = yes ? 2 : 1;
        atomic_store_explicit(&known, v, memory_order_relaxed);
    }
    return v == 2;
}

/* The round constants of SHA-256 (FIPS 180-4). */
static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Mixes `n` 64-byte blocks at p into the state h: 16 groups of 4 rounds
 * per block, the message schedule kept in four vectors of 4 words (w[g & 3]
 * holds words 4g..4g+3). */
__attribute__((target("sha,sse4.1,ssse3")))
static void sha_ni_blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    /* The state as the instructions want it: ABEF and CDGH. */
    __m128i t = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[0]), 0xB1);  /* CDAB */
    __m128i s1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&h[4]), 0x1B); /* EFGH */
    __m128i s0 = _mm_alignr_epi8(t, s1, 8);                                        /* ABEF */
    s1 = _mm_blend_epi16(s1, t, 0xF0);                                             /* CDGH */
    for (; n > 0; n--, p += 64) {
        __m128i abef = s0, cdgh = s1, w[4];
        for (int g = 0; g < 16; g++) {
            __m128i m;
            if (g < 4) {
                m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), bswap);
            } else {
                m = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);
                m = _mm_add_epi32(m, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
                m = _mm_sha256msg2_epu32(m, w[(g + 3) & 3]);
            }
            w[g & 3] = m;
            __m128i wk = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&sha_k[4 * g]));
            s1 = _mm_sha256rnds2_epu32(s1, s0, wk);
            s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(wk, 0x0E));
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    /* Back to A..H in order. */
    t = _mm_shuffle_epi32(s0, 0x1B);      /* FEBA */
    s1 = _mm_shuffle_epi32(s1, 0xB1);     /* DCHG */
    s0 = _mm_blend_epi16(t, s1, 0xF0);    /* DCBA */
    s1 = _mm_alignr_epi8(s1, t, 8);       /* HGFE */
    _mm_storeu_si128((__m128i *)&h[0], s0);
    _mm_storeu_si128((__m128i *)&h[4], s1);
}
#else
static bool have_sha_ni(void)
{
    return false;
}
static void sha_ni_blocks(uint32_t h[8], const unsigned char *p, size_t n)
{
    (void)h, (void)p, (void)n;
}
#endif

void cache_hash_init(cache_hasher *hs)
{
    sha256_init(&hs->sha);
}

void cache_hash_add(cache_hasher *hs, const void *data, size_t len)
{
    sha256_ctx *c = &hs->sha;
    if (!have_sha_ni()) {
        sha256_update(c, data, len);
        return;
    }
    const unsigned char *p = data;
    c->len += len;
    if (c->nbuf > 0) {
        size_t take = 64 - c->nbuf < len ? 64 - c->nbuf : len;
        memcpy(c->buf + c->nbuf, p, take);
        c->nbuf += take;
        p += take;
        len -= take;
        if (c->nbuf < 64)
            return;
        sha_ni_blocks(c->h, c->buf, 1);
        c->nbuf = 0;
    }
    sha_ni_blocks(c->h, p, len / 64);
    p += len / 64 * 64;
    len %= 64;
    memcpy(c->buf, p, len);
    c->nbuf = len;
}

void cache_hash_str(cache_hasher *hs, const char *s)
{
    cache_hash_add(hs, s, strlen(s) + 1);
}

void cache_hash_end(cache_hasher *hs, cache_key *out)
{
    /* The padding of FIPS 180-4: 0x80, zeros up to 56 bytes mod 64, the
     * length in bits (big-endian). */
    sha256_ctx *c = &hs->sha;
    uint64_t bits = c->len * 8;
    unsigned char pad[72] = {0x80};
    size_t npad = (c->nbuf < 56 ? 56 : 120) - c->nbuf;
    for (int i = 0; i < 8; i++)
        pad[npad + i] = (unsigned char)(bits >> (56 - 8 * i));
    cache_hash_add(hs, pad, npad + 8);
    for (int i = 0; i < 8; i++)
        for (int k = 0; k < 4; k++)
            out->b[4 * i + k] = (unsigned char)(c->h[i] >> (24 - 8 * k));
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
    bool write_warned;   /* a failed write was reported already */
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

char *cache_default_dir(FILE *warn)
{
    const char *v;
    char *dir = NULL;
    if ((v = env("PLANC_CACHE_DIR")))
        dir = strdup(v);
    else if ((v = env("XDG_CACHE_HOME")))
        dir = join(v, "planc");
    else if ((v = env("HOME")))
        dir = join(v, ".cache/planc");
    else {
        fprintf(warn, "planc: warning: no cache directory (set PLANC_CACHE_DIR, XDG_CACHE_HOME "
                      "or HOME); compiling without the cache\n");
        return NULL;
    }
    if (!dir)
        fprintf(warn, "planc: warning: out of memory; compiling without the cache\n");
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

cache *cache_open(const char *dir, FILE *warn)
{
    if (make_dirs(dir) != 0 || access(dir, W_OK | X_OK) != 0) {
        fprintf(warn, "planc: warning: cannot use the cache directory '%s': %s; "
                      "compiling without the cache\n", dir, strerror(errno));
        return NULL;
    }
    cache *c = calloc(1, sizeof *c);
    if (c && !(c->dir = strdup(dir))) {
        free(c);
        c = NULL;
    }
    if (!c) {
        fprintf(warn, "planc: warning: out of memory; compiling without the cache\n");
        return NULL;
    }
    c->warn = warn;
    return c;
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

/* Reads exactly len bytes; false on a short read or an error. */
static bool read_all(int fd, void *buf, size_t len)
{
    unsigned char *p = buf;
    while (len) {
        ssize_t r = read(fd, p, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        len -= (size_t)r;
    }
    return true;
}

/* Writes exactly len bytes; false on an error. */
static bool write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len) {
        ssize_t r = write(fd, p, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        len -= (size_t)r;
    }
    return true;
}

/* Why a header cannot be trusted for key k and an entry of `size` bytes,
 * or NULL when it can. */
static const char *check_header(const unsigned char *h, size_t size, const cache_key *k)
{
    unsigned char version[16];
    version_field(version);
    if (memcmp(h, cache_magic, 8) != 0)
        return "not a planc cache entry";
    if (get_le(h + 8, 4) != CACHE_FORMAT || get_le(h + 12, 4) != 0)
        return "another entry format";
    if (memcmp(h + 16, version, 16) != 0)
        return "written by another version of planc";
    if (memcmp(h + 32, k->b, 32) != 0)
        return "foreign: it holds the code of another key";
    if (get_le(h + 64, 8) != size - CACHE_HEADER_SIZE)
        return "truncated or too long";
    return NULL;
}

void *cache_get(cache *c, const cache_key *k, size_t *len)
{
    char *path = cache_entry_path(c, k);
    if (!path)
        return NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT)
            fprintf(c->warn, "planc: warning: cannot read cache entry '%s': %s; recompiling\n",
                    path, strerror(errno));
        free(path);
        return NULL;
    }
    const char *bad = NULL;
    unsigned char *payload = NULL;
    unsigned char h[CACHE_HEADER_SIZE];
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        bad = "not a regular file";
    else if ((size_t)st.st_size < CACHE_HEADER_SIZE || (uint64_t)st.st_size > CACHE_MAX_ENTRY)
        bad = "truncated or too long";
    else if (!read_all(fd, h, sizeof h))
        bad = "unreadable";
    else if (!(bad = check_header(h, (size_t)st.st_size, k))) {
        size_t n = (size_t)st.st_size - CACHE_HEADER_SIZE;
        payload = malloc(n ? n : 1);
        if (!payload) {
            bad = "too large to read";
        } else if (!read_all(fd, payload, n)) {
            bad = "unreadable";
        } else {
            cache_key sum;
            checksum(payload, n, &sum);
            if (memcmp(sum.b, h + 72, 32) != 0)
                bad = "damaged: its checksum does not match";
            else
                *len = n;
        }
    }
    close(fd);
    if (bad) {
        fprintf(c->warn, "planc: warning: ignoring cache entry '%s' (%s); recompiling\n", path, bad);
        free(payload);
        payload = NULL;
    }
    free(path);
    return payload;
}

bool cache_map(cache *c, const cache_key *k, cache_mapping *m)
{
    memset(m, 0, sizeof *m);
    char *path = cache_entry_path(c, k);
    if (!path)
        return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT)
            fprintf(c->warn, "planc: warning: cannot read cache entry '%s': %s; recompiling\n",
                    path, strerror(errno));
        free(path);
        return false;
    }
    const char *bad = NULL;
    unsigned char *base = NULL;
    struct stat st;
    size_t size = 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        bad = "not a regular file";
    } else if ((size_t)st.st_size < CACHE_HEADER_SIZE || (uint64_t)st.st_size > CACHE_MAX_ENTRY) {
        bad = "truncated or too long";
    } else {
        /* Populated at once: one system call rather than a page fault for
         * each page read (the checksum reads them all). */
        size = (size_t)st.st_size;
        void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p == MAP_FAILED)
            bad = "unreadable";
        else
            base = p;
    }
    close(fd);
    if (!bad && !(bad = check_header(base, size, k))) {
        size_t n = size - CACHE_HEADER_SIZE;
        cache_key sum;
        checksum(base + CACHE_HEADER_SIZE, n, &sum);
        if (memcmp(sum.b, base + 72, 32) != 0)
            bad = "damaged: its checksum does not match";
    }
    if (bad) {
        fprintf(c->warn, "planc: warning: ignoring cache entry '%s' (%s); recompiling\n", path, bad);
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
        unsigned char h[CACHE_HEADER_SIZE] = {0};
        memcpy(h, cache_magic, 8);
        put_le(h + 8, CACHE_FORMAT, 4);
        version_field(h + 16);
        memcpy(h + 32, k->b, 32);
        put_le(h + 64, len, 8);
        cache_key sum;
        checksum(payload, len, &sum);
        memcpy(h + 72, sum.b, 32);
        if (!write_all(fd, h, sizeof h) || !write_all(fd, payload, len))
            failed = errno ? errno : EIO;
        if (close(fd) != 0 && !failed)
            failed = errno;
        if (!failed && rename(tmp, path) != 0)
            failed = errno;
        if (failed)
            unlink(tmp);
    }
    if (failed && !c->write_warned) {
        fprintf(c->warn, "planc: warning: cannot write to the cache directory '%s': %s\n",
                c->dir, strerror(failed));
        c->write_warned = true;
    }
    free(tmp);
    free(path);
    return failed ? -1 : 0;
}
