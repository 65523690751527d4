/* test_cache.c — the cache of compiled code (compiler/cache.c): SHA-256
 * against the FIPS 180-4 examples, and with the CPU's SHA instructions
 * against the portable code (runtime/sha256.c), the cache
 * directory from the
 * environment, entries stored and read back, and every kind of bad entry
 * (truncated, damaged payload, foreign key, another version or format, not
 * an entry at all) reported as one warning and never returned, whether
 * read (cache_get) or mapped (cache_map); an
 * unusable directory is one warning and no cache.  The JIT's use of the
 * cache is tested in test_jit.c. */
#include <check.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cache.h"

static char dir[64];
static char *warnbuf;
static size_t warnlen;
static FILE *warnf;

/* A fresh temporary directory and a warning stream for each test. */
static void setup(void)
{
    strcpy(dir, "/tmp/planc-test-cache-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    warnbuf = NULL;
    warnf = open_memstream(&warnbuf, &warnlen);
}

/* Removes the directory tree made by a test (two levels at most). */
static void remove_tree(const char *path)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    ck_assert_int_eq(system(cmd), 0);
}

static void teardown(void)
{
    fclose(warnf);
    free(warnbuf);
    remove_tree(dir);
}

/* The warnings printed so far. */
static const char *warnings(void)
{
    fflush(warnf);
    return warnbuf ? warnbuf : "";
}

/* The number of lines printed so far. */
static int nwarnings(void)
{
    int n = 0;
    for (const char *p = warnings(); *p; p++)
        n += *p == '\n';
    return n;
}

/* SHA-256 of a string, as hex. */
static void sha_hex(const char *s, size_t len, char out[65])
{
    cache_hasher hs;
    cache_hash_init(&hs);
    cache_hash_add(&hs, s, len);
    cache_key k;
    cache_hash_end(&hs, &k);
    cache_key_hex(&k, out);
}

/* A key made of one repeated byte. */
static cache_key key_of(unsigned char b)
{
    cache_key k;
    memset(k.b, b, sizeof k.b);
    return k;
}

START_TEST(sha256_vectors)
{
    char hex[65];
    sha_hex("", 0, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha_hex(two, strlen(two), hex);
    ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* A million 'a's, added in uneven pieces (the block buffer's edges). */
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    cache_hasher hs;
    cache_hash_init(&hs);
    size_t at = 0;
    for (size_t step = 1; at < 1000000; step = step * 3 % 197 + 1) {
        size_t n = 1000000 - at < step ? 1000000 - at : step;
        cache_hash_add(&hs, a + at, n);
        at += n;
    }
    cache_key k;
    cache_hash_end(&hs, &k);
    cache_key_hex(&k, hex);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
    /* Strings are hashed with their NUL: "ab"+"c" differs from "a"+"bc". */
    char h1[65], h2[65];
    cache_hash_init(&hs);
    cache_hash_str(&hs, "ab");
    cache_hash_str(&hs, "c");
    cache_hash_end(&hs, &k);
    cache_key_hex(&k, h1);
    cache_hash_init(&hs);
    cache_hash_str(&hs, "a");
    cache_hash_str(&hs, "bc");
    cache_hash_end(&hs, &k);
    cache_key_hex(&k, h2);
    ck_assert_str_ne(h1, h2);
}
END_TEST

/* The cache's hasher (runtime/sha256.c, with the CPU's SHA instructions
 * when it has them) gives what the portable code gives
 * (PLANC_SHA256_PORTABLE), for every length around the 64-byte block and
 * the padding's edge (55, 56, 63, 64 bytes left over) and for data added
 * in pieces of every size. */
START_TEST(sha256_matches_runtime)
{
    enum { N = 4096 };
    unsigned char *d = malloc(N);
    unsigned seed = 12345;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        d[i] = (unsigned char)(seed >> 16);
    }
    for (size_t len = 0; len <= N; len += len < 300 ? 1 : 61) {
        for (size_t piece = 1; piece <= 130; piece += piece < 8 ? 1 : 41) {
            cache_hasher hs;
            cache_hash_init(&hs);
            for (size_t at = 0; at < len; at += piece)
                cache_hash_add(&hs, d + at, len - at < piece ? len - at : piece);
            cache_key k;
            cache_hash_end(&hs, &k);
            char got[65], want[65];
            cache_key_hex(&k, got);
            setenv("PLANC_SHA256_PORTABLE", "1", 1);
            sha256_ctx c;
            sha256_init(&c);
            sha256_update(&c, d, len);
            sha256_hex(&c, want);
            unsetenv("PLANC_SHA256_PORTABLE");
            ck_assert_msg(strcmp(got, want) == 0, "length %zu in pieces of %zu: %s, want %s",
                          len, piece, got, want);
        }
    }
    free(d);
}
END_TEST

/* $PLANC_CACHE_DIR, else $XDG_CACHE_HOME/planc, else $HOME/.cache/planc,
 * else the password database's home; empty counts as unset; none of them:
 * one warning. */
START_TEST(default_dir)
{
    char *saved[3];
    static const char *const vars[3] = {"PLANC_CACHE_DIR", "XDG_CACHE_HOME", "HOME"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        saved[i] = v ? strdup(v) : NULL;
    }
    setenv("PLANC_CACHE_DIR", "/a/b", 1);
    setenv("XDG_CACHE_HOME", "/x", 1);
    setenv("HOME", "/home/u", 1);
    char *d = cache_default_dir(warnf, LBL_EN);
    ck_assert_str_eq(d, "/a/b");
    free(d);
    setenv("PLANC_CACHE_DIR", "", 1);
    d = cache_default_dir(warnf, LBL_EN);
    ck_assert_str_eq(d, "/x/planc");
    free(d);
    unsetenv("XDG_CACHE_HOME");
    d = cache_default_dir(warnf, LBL_EN);
    ck_assert_str_eq(d, "/home/u/.cache/planc");
    free(d);
    ck_assert_str_eq(warnings(), "");
    /* HOME unset (env -i, a daemon): the password database's home, as
     * other tools find ~; a user without one there gets no cache */
    unsetenv("HOME");
    unsetenv("PLANC_CACHE_DIR");
    struct passwd *pw = getpwuid(getuid());
    d = cache_default_dir(warnf, LBL_EN);
    if (pw && pw->pw_dir && pw->pw_dir[0] == '/') {
        char want[4096];
        snprintf(want, sizeof want, "%s/.cache/planc", pw->pw_dir);
        ck_assert_str_eq(d, want);
        ck_assert_str_eq(warnings(), "");
    } else {
        ck_assert_ptr_null(d);
        ck_assert_str_eq(warnings(), "planc: warning: no cache directory (set PLANC_CACHE_DIR, "
                                     "XDG_CACHE_HOME or HOME); running without the cache [-Wcache]\n");
    }
    free(d);
    for (int i = 0; i < 3; i++) {
        if (saved[i])
            setenv(vars[i], saved[i], 1);
        else
            unsetenv(vars[i]);
        free(saved[i]);
    }
}
END_TEST

/* A miss, a put, a hit with the same bytes; the entry is KEY.plo and no
 * temporary file is left behind; a second put replaces the entry. */
START_TEST(put_and_get)
{
    char sub[128];
    snprintf(sub, sizeof sub, "%s/deeper/cache", dir);
    cache *c = cache_open(sub, warnf, LBL_EN);   /* created with its parent */
    ck_assert_ptr_nonnull(c);
    cache_key k = key_of(0xab);
    size_t len = 7;
    ck_assert_ptr_null(cache_get(c, &k, &len));
    const char payload[] = "object code \0 with a NUL";
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    void *got = cache_get(c, &k, &len);
    ck_assert_ptr_nonnull(got);
    ck_assert_uint_eq(len, sizeof payload);
    ck_assert_int_eq(memcmp(got, payload, len), 0);
    free(got);
    /* Mapped rather than read: the same bytes, in place after the header. */
    cache_mapping m;
    ck_assert(cache_map(c, &k, &m));
    ck_assert_uint_eq(m.len, sizeof payload);
    ck_assert_int_eq(memcmp(m.payload, payload, m.len), 0);
    ck_assert_ptr_eq(m.payload, (const unsigned char *)m.base + CACHE_HEADER_SIZE);
    ck_assert_uint_eq(m.size, CACHE_HEADER_SIZE + sizeof payload);
    cache_unmap(&m);
    ck_assert_ptr_null(m.base);
    cache_unmap(&m); /* an empty mapping: nothing to do */
    cache_key none = key_of(0xcd);
    ck_assert(!cache_map(c, &none, &m)); /* a miss, not a warning */
    ck_assert_ptr_null(m.payload);

    char *path = cache_entry_path(c, &k);
    char want[256];
    snprintf(want, sizeof want, "%s/%s.plo", sub,
             "abababababababababababababababababababababababababababababababab");
    ck_assert_str_eq(path, want);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq((size_t)st.st_size, CACHE_HEADER_SIZE + sizeof payload);
    free(path);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", sub);
    ck_assert_int_eq(system(cmd), 0);

    ck_assert_int_eq(cache_put(c, &k, "new", 3), 0);
    got = cache_get(c, &k, &len);
    ck_assert_uint_eq(len, 3);
    ck_assert_int_eq(memcmp(got, "new", 3), 0);
    free(got);
    /* An empty payload is an entry too. */
    cache_key e = key_of(1);
    ck_assert_int_eq(cache_put(c, &e, "", 0), 0);
    got = cache_get(c, &e, &len);
    ck_assert_ptr_nonnull(got);
    ck_assert_uint_eq(len, 0);
    free(got);
    ck_assert(cache_map(c, &e, &m));
    ck_assert_uint_eq(m.len, 0);
    cache_unmap(&m);
    ck_assert_str_eq(warnings(), "");
    cache_close(c);
}
END_TEST

/* Rewrites `len` bytes at `off` of the entry for k (off < 0: from the end;
 * data NULL: truncates the file to off bytes). */
static void tamper(cache *c, const cache_key *k, long off, const void *data, size_t len)
{
    char *path = cache_entry_path(c, k);
    FILE *f = fopen(path, "r+b");
    ck_assert_ptr_nonnull(f);
    if (data) {
        ck_assert_int_eq(fseek(f, off, off < 0 ? SEEK_END : SEEK_SET), 0);
        ck_assert_uint_eq(fwrite(data, 1, len, f), len);
        fclose(f);
    } else {
        fclose(f);
        ck_assert_int_eq(truncate(path, off), 0);
    }
    free(path);
}

/* Checks that the entry for k is refused, mapped and then read, with one
 * warning each naming `why`, then that a put repairs it. */
static void check_refused(cache *c, const cache_key *k, const char *why)
{
    int before = nwarnings();
    cache_mapping m;
    ck_assert(!cache_map(c, k, &m));
    ck_assert_ptr_null(m.base);
    ck_assert_int_eq(nwarnings(), before + 1);
    size_t len = 0;
    ck_assert_ptr_null(cache_get(c, k, &len));
    ck_assert_int_eq(nwarnings(), before + 2);
    const char *w = warnings();
    ck_assert_msg(strstr(w, why) != NULL, "no '%s' in: %s", why, w);
    ck_assert_ptr_nonnull(strstr(w, "planc: warning: ignoring cache entry '"));
    ck_assert_ptr_nonnull(strstr(w, "; recompiling [-Wcache]\n"));
    ck_assert_int_eq(cache_put(c, k, "fixed", 5), 0);
    void *got = cache_get(c, k, &len);
    ck_assert_ptr_nonnull(got);
    ck_assert_uint_eq(len, 5);
    free(got);
    ck_assert(cache_map(c, k, &m));
    ck_assert_uint_eq(m.len, 5);
    ck_assert_int_eq(memcmp(m.payload, "fixed", 5), 0);
    cache_unmap(&m);
}

START_TEST(damaged_entries)
{
    cache *c = cache_open(dir, warnf, LBL_EN);
    ck_assert_ptr_nonnull(c);
    cache_key k = key_of(7);
    const char payload[] = "a payload of some length";

    /* A flipped payload byte: the checksum. */
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    tamper(c, &k, -3, "X", 1);
    check_refused(c, &k, "damaged: its checksum does not match");

    /* Truncated: in the payload, and inside the header. */
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    tamper(c, &k, CACHE_HEADER_SIZE + 4, NULL, 0);
    check_refused(c, &k, "truncated or too long");
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    tamper(c, &k, 50, NULL, 0);
    check_refused(c, &k, "truncated or too long");

    /* Bytes appended after the payload. */
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    {
        char *path = cache_entry_path(c, &k);
        FILE *f = fopen(path, "ab");
        fputs("junk", f);
        fclose(f);
        free(path);
    }
    check_refused(c, &k, "truncated or too long");

    /* Not an entry at all; another format; another planc. */
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    tamper(c, &k, 0, "ELF\177", 4);
    check_refused(c, &k, "not a planc cache entry");
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    tamper(c, &k, 8, "\x63", 1);
    check_refused(c, &k, "another entry format");
    ck_assert_int_eq(cache_put(c, &k, payload, sizeof payload), 0);
    tamper(c, &k, 16, "9.9.9", 5);
    check_refused(c, &k, "written by another version of planc");
    cache_close(c);
}
END_TEST

/* An entry copied to another key's name is foreign: its header names the
 * key it was written for. */
START_TEST(foreign_entry)
{
    cache *c = cache_open(dir, warnf, LBL_EN);
    cache_key mine = key_of(1), other = key_of(2);
    ck_assert_int_eq(cache_put(c, &other, "other code", 10), 0);
    char *from = cache_entry_path(c, &other), *to = cache_entry_path(c, &mine);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    ck_assert_int_eq(system(cmd), 0);
    free(from);
    free(to);
    check_refused(c, &mine, "foreign: it holds the code of another key");
    cache_close(c);
}
END_TEST

/* A directory that cannot be made (a file is in the way) is one warning
 * and no cache; a directory that goes away after opening makes one
 * warning at the first failed write, none at later ones. */
START_TEST(unusable_directory)
{
    char file[128], bad[160];
    snprintf(file, sizeof file, "%s/file", dir);
    FILE *f = fopen(file, "w");
    fclose(f);
    snprintf(bad, sizeof bad, "%s/sub", file);
    ck_assert_ptr_null(cache_open(bad, warnf, LBL_EN));
    char want[512];
    snprintf(want, sizeof want, "planc: warning: cannot use the cache directory '%s': "
             "Not a directory; running without the cache [-Wcache]\n", bad);
    ck_assert_str_eq(warnings(), want);
    ck_assert_ptr_null(cache_open(file, warnf, LBL_EN));
    ck_assert_int_eq(nwarnings(), 2);

    char gone[128];
    snprintf(gone, sizeof gone, "%s/gone", dir);
    cache *c = cache_open(gone, warnf, LBL_EN);
    ck_assert_ptr_nonnull(c);
    remove_tree(gone);
    cache_key k = key_of(3);
    ck_assert_int_eq(cache_put(c, &k, "x", 1), -1);
    ck_assert_int_eq(cache_put(c, &k, "x", 1), -1);
    ck_assert_int_eq(nwarnings(), 3);
    ck_assert_ptr_nonnull(strstr(warnings(), "cannot write to the cache directory"));
    size_t len;
    ck_assert_ptr_null(cache_get(c, &k, &len));   /* a miss, not a warning */
    ck_assert_int_eq(nwarnings(), 3);
    cache_close(c);
    cache_close(NULL);
}
END_TEST

/* Writers racing on one key: every reader sees a whole entry, and the last
 * rename wins. */
START_TEST(concurrent_writers)
{
    cache_key k = key_of(9);
    enum { NPROC = 4, ROUNDS = 50 };
    pid_t pids[NPROC];
    for (int i = 0; i < NPROC; i++) {
        pids[i] = fork();
        ck_assert_int_ge(pids[i], 0);
        if (pids[i] == 0) {
            cache *c = cache_open(dir, stderr, LBL_EN);
            char payload[4096];
            memset(payload, 'a' + i, sizeof payload);
            int bad = 0;
            for (int r = 0; r < ROUNDS; r++) {
                bad |= cache_put(c, &k, payload, sizeof payload) != 0;
                size_t len;
                char *got = cache_get(c, &k, &len);
                bad |= !got || len != sizeof payload;
                for (size_t j = 1; got && j < len; j++)
                    bad |= got[j] != got[0];
                free(got);
            }
            cache_close(c);
            _exit(bad);
        }
    }
    for (int i = 0; i < NPROC; i++) {
        int status;
        ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
        ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    char cmd[256];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *cache_suite(void)
{
    Suite *s = suite_create("cache");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, sha256_vectors);
    tcase_add_test(tc, sha256_matches_runtime);
    tcase_add_test(tc, default_dir);
    tcase_add_test(tc, put_and_get);
    tcase_add_test(tc, damaged_entries);
    tcase_add_test(tc, foreign_entry);
    tcase_add_test(tc, unusable_directory);
    tcase_add_test(tc, concurrent_writers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(cache_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
