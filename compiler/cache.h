/* cache.h — a directory of compiled code, keyed by a hash of what the code
 * was compiled from.
 *
 * The JIT (jit.c) stores the object code it compiles for a program under a
 * key: a SHA-256 over everything that determines the code (the rules, the
 * scoring program, planc's and LLVM's versions, the host CPU; see jit.c).
 * A second run of unchanged rules finds the entry and skips optimisation
 * and code generation.  The cache knows nothing of LLVM: an entry is an
 * opaque payload.
 *
 * An entry is the file DIR/KEY.plo (KEY in hex), laid out as
 *
 *   offset  size  field
 *        0     8  magic "PLANCOBJ"
 *        8     4  format version (CACHE_FORMAT, little-endian)
 *       12     4  reserved, 0
 *       16    16  planc's version, NUL-padded
 *       32    32  the key
 *       64     8  payload length in bytes (little-endian)
 *       72    32  SHA-256 of the payload
 *      104     -  the payload
 *
 * and it is trusted only when the file is this user's own and no other
 * user may write it (the code in it is run), and every field checks: the
 * right magic and format, this planc's version, the key it is looked up
 * under (a file copied or renamed from another key is "foreign"), a length
 * equal to the bytes that follow, and the payload's checksum.  Anything
 * else is
 * reported as one warning and treated as a miss; the caller recompiles
 * and the new entry replaces the bad one.
 *
 * Writes are atomic: the entry is written to a temporary file in the same
 * directory and renamed over KEY.plo, so a reader sees the old entry, the
 * new one, or none, never a partial file; concurrent writers of one key
 * each rename a complete entry (the last one stays).  A directory that
 * cannot be created or written means no cache, after one warning; a
 * failed write later is one warning too.
 *
 * Eviction: a hit sets the entry's modification time (its time of last
 * use; at most once an hour), and each cache_put, once its entry is in
 * place, sweeps the directory: entries unused for PLANC_CACHE_DAYS days
 * (default 30) are removed, then the least recently used until the rest
 * take at most PLANC_CACHE_MAX bytes (default 100M; K, M, G suffixes),
 * never the entry just stored; 0 lifts either bound, and a value that does
 * not parse is warned about once and the default used.  Temporary files of
 * cache_put older than a day (a writer killed by SIGKILL) go too; no other
 * file is touched.  It takes no lock: an entry is only ever unlinked,
 * never truncated or written in place, so a planc that opened it keeps
 * the file it opened (and checked, and maps), and one that looks it up
 * afterwards misses and compiles; an entry renamed over the swept one
 * meanwhile is left (its inode and time are checked again before the
 * unlink).  The directory may also be cleared by hand at any time. */
#ifndef PLANC_CACHE_H
#define PLANC_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "labels.h"
#include "sha256.h"

/* The entry layout above. */
#define CACHE_FORMAT 1
#define CACHE_HEADER_SIZE 104

/* A SHA-256 digest: a cache key or a checksum. */
typedef struct cache_key {
    unsigned char b[32];
} cache_key;

/* An incremental SHA-256 (runtime/sha256.h) giving a cache_key. */
typedef struct cache_hasher {
    sha256_ctx sha;
} cache_hasher;

void cache_hash_init(cache_hasher *hs);
void cache_hash_add(cache_hasher *hs, const void *data, size_t len);
/* Adds a string and its terminating NUL (so that "ab","c" and "a","bc"
 * hash differently). */
void cache_hash_str(cache_hasher *hs, const char *s);
void cache_hash_end(cache_hasher *hs, cache_key *out);

/* The key as 64 lowercase hex digits and a NUL. */
void cache_key_hex(const cache_key *k, char out[65]);

/* The cache directory: $PLANC_CACHE_DIR, else $XDG_CACHE_HOME/planc, else
 * $HOME/.cache/planc, else, HOME unset (a job started with env -i, a
 * daemon), the user's home directory from the password database
 * (getpwuid), as other tools find ~ (an empty variable counts as unset).
 * malloc'd; NULL after printing one warning to `warn` when none is known. */
char *cache_default_dir(FILE *warn, lbl_lang lang);

/* Writes a warning about the cache (its directory, an entry) as
 * csv_message does, and counts it: the cache is an optimisation of the
 * machine planc runs on, not a fault of the rules or the data, so
 * --warnings-as-errors leaves its warnings out of the count that fails a
 * run (a nightly job whose HOME is read-only still scores).  `out` is
 * stderr, or a stream held until the data is loaded and then written
 * there (planc run's compiling thread): every one reaches stderr before
 * a run counts its warnings. */
int cache_warn(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* How many warnings cache_warn has written in this process. */
unsigned cache_warnings(void);

/* An open cache directory. */
typedef struct cache cache;

/* Opens `dir`, creating it (and missing parents) when needed, and checks
 * that entries can be written there.  NULL after printing one warning to
 * `warn` ("planc: warning: ...; running without the cache") when it
 * cannot be used.  Warnings the cache prints later go to `warn` too, all
 * in lang (labels.h: `planc run --lang zh`). */
cache *cache_open(const char *dir, FILE *warn, lbl_lang lang);

/* cache_open for a directory opened before in this run (by jit_cached),
 * whose warning, if it cannot be used, was printed then: NULL without a
 * second one. */
cache *cache_reopen(const char *dir, FILE *warn, lbl_lang lang);

/* The language of c's warnings, for those its user prints about it. */
lbl_lang cache_lang(const cache *c);
void cache_close(cache *c);

/* What the warnings about a damaged, foreign or unreadable entry say the
 * caller does instead, after the reason: "; recompiling" (the default),
 * or "" when the caller may not compile (jit_cached).  `then` must
 * outlive c. */
void cache_on_bad_entry(cache *c, const char *then);

/* The payload stored under `k`, malloc'd, its length in *len; NULL when
 * there is no entry, or after printing a warning when the entry is
 * damaged or foreign (see above). */
void *cache_get(cache *c, const cache_key *k, size_t *len);

/* An entry's payload mapped into memory, read-only (cache_map). */
typedef struct cache_mapping {
    const unsigned char *payload; /* at offset CACHE_HEADER_SIZE of the file */
    size_t len;
    void *base;                   /* the whole file, `size` bytes */
    size_t size;
} cache_mapping;

/* cache_get without a copy: maps the entry stored under `k` into memory
 * and checks it as cache_get does.  True with *m set (release it with
 * cache_unmap); false, with *m empty, when there is no entry, or after
 * printing a warning when it is damaged or foreign.  Reading the mapped
 * payload costs no fresh memory (the pages are the file's own).  The
 * mapping is of the file checked: planc never changes an entry in place
 * (cache_put renames a new file over it), so a mapping keeps the bytes
 * that were checked for as long as no other program writes into the
 * cache directory's files. */
bool cache_map(cache *c, const cache_key *k, cache_mapping *m);
/* Releases a mapping of cache_map (an empty one is a no-op). */
void cache_unmap(cache_mapping *m);

/* Stores payload[0..len) under `k`, atomically, then keeps the directory
 * within its bounds (eviction, above).  Returns 0, or -1 after printing a
 * warning (the first failed write of an open cache only). */
int cache_put(cache *c, const cache_key *k, const void *payload, size_t len);

/* The path of the entry for `k` (malloc'd), for tests and messages. */
char *cache_entry_path(const cache *c, const cache_key *k);

#endif
