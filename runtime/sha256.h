/* sha256.h — SHA-256 (FIPS 180-4), for the hashes of rules and data that
 * `planc run --store` records.  The hex digest of a file's bytes is the
 * one `sha256sum FILE` prints. */
#ifndef PLANC_SHA256_H
#define PLANC_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* A hash in progress. */
typedef struct sha256_ctx {
    uint32_t h[8];
    uint64_t len;           /* bytes hashed so far */
    unsigned char buf[64];  /* the block being filled */
    size_t nbuf;
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
/* Finishes the hash: its 32 bytes into out. */
void sha256_digest(sha256_ctx *c, unsigned char out[32]);
/* Finishes the hash: 64 lowercase hex digits and a NUL into hex. */
void sha256_hex(sha256_ctx *c, char hex[65]);

#endif
