/* zipread.h — reading one member of a zip archive, for the tests that read
 * back an xlsx workbook (test_report_xlsx, tests/report/zipcat.c).
 *
 * Enough of the format for what libxlsxwriter writes: the end of central
 * directory record, central directory entries, local headers, members
 * stored or deflated (inflated with zlib).  No ZIP64, no encryption. */
#ifndef PLANC_ZIPREAD_H
#define PLANC_ZIPREAD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Little-endian 16- and 32-bit fields. */
static inline uint32_t zip_u16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static inline uint32_t zip_u32(const unsigned char *p)
{
    return zip_u16(p) | zip_u16(p + 2) << 16;
}

/* The member `name` of the archive zip[0..len), NUL-terminated and
 * malloc'd, its length in *outlen; NULL when there is no such member or
 * the archive is damaged. */
static inline char *zip_member(const unsigned char *zip, size_t len, const char *name,
                               size_t *outlen)
{
    /* the end of central directory record: the last "PK\5\6" */
    if (len < 22)
        return NULL;
    size_t eocd = len - 22;
    while (zip_u32(zip + eocd) != 0x06054b50) {
        if (eocd == 0 || len - eocd > 22 + 65535)
            return NULL;
        eocd--;
    }
    uint32_t count = zip_u16(zip + eocd + 10);
    size_t at = zip_u32(zip + eocd + 16);
    size_t nlen = strlen(name);
    for (uint32_t i = 0; i < count; i++) {
        if (at + 46 > len || zip_u32(zip + at) != 0x02014b50)
            return NULL;
        uint32_t method = zip_u16(zip + at + 10);
        size_t csize = zip_u32(zip + at + 20), usize = zip_u32(zip + at + 24);
        size_t fl = zip_u16(zip + at + 28), xl = zip_u16(zip + at + 30), cl = zip_u16(zip + at + 32);
        size_t local = zip_u32(zip + at + 42);
        if (at + 46 + fl > len)
            return NULL;
        if (fl == nlen && memcmp(zip + at + 46, name, nlen) == 0) {
            if (local + 30 > len || zip_u32(zip + local) != 0x04034b50)
                return NULL;
            size_t data = local + 30 + zip_u16(zip + local + 26) + zip_u16(zip + local + 28);
            if (data + csize > len)
                return NULL;
            char *out = malloc(usize + 1);
            if (!out)
                return NULL;
            if (method == 0 && csize == usize) {
                memcpy(out, zip + data, usize);
            } else if (method == 8) {
                z_stream zs;
                memset(&zs, 0, sizeof zs);
                if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) {
                    free(out);
                    return NULL;
                }
                zs.next_in = (unsigned char *)(zip + data);
                zs.avail_in = (uInt)csize;
                zs.next_out = (unsigned char *)out;
                zs.avail_out = (uInt)usize;
                int rc = inflate(&zs, Z_FINISH);
                inflateEnd(&zs);
                if (rc != Z_STREAM_END || zs.total_out != usize) {
                    free(out);
                    return NULL;
                }
            } else {
                free(out);
                return NULL;
            }
            out[usize] = '\0';
            if (outlen)
                *outlen = usize;
            return out;
        }
        at += 46 + fl + xl + cl;
    }
    return NULL;
}

/* The whole file at `path` (malloc'd, its length in *len), or NULL. */
static inline unsigned char *zip_load(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

#endif
