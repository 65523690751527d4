/* pngstat.c — what a screenshot shows, for tests/report/chromium.sh.
 *
 *   pngstat FILE.png [RRGGBB...]
 *
 * Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes)
 * and prints one line
 *
 *   WIDTHxHEIGHT nonwhite=N colours=C [RRGGBB=COUNT ...]
 *
 * N: pixels that are not white; C: distinct colours; COUNT: pixels within
 * 3 of each given colour in every channel.  Exit 0, or 1 (with a message)
 * when the file is not such a PNG. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* A big-endian 32-bit field. */
static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Exits with a message. */
static void fail(const char *what)
{
    fprintf(stderr, "pngstat: %s\n", what);
    exit(1);
}

/* The Paeth predictor of the PNG specification. */
static int paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Reads the whole file. */
static unsigned char *load(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail("cannot open the file");
    size_t cap = 1 << 20, n = 0, k;
    unsigned char *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0)
        if ((n += k) == cap)
            buf = realloc(buf, cap *= 2);
    fclose(f);
    if (!buf)
        fail("out of memory");
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: pngstat FILE.png [RRGGBB...]\n", stderr);
        return 2;
    }
    size_t len;
    unsigned char *png = load(argv[1], &len);
    if (len < 8 || memcmp(png, "\x89PNG\r\n\x1a\n", 8) != 0)
        fail("not a PNG file");
    uint32_t w = 0, h = 0;
    int bpp = 0;
    unsigned char *idat = NULL;
    size_t nidat = 0;
    for (size_t at = 8; at + 12 <= len;) {
        uint32_t n = be32(png + at);
        const unsigned char *type = png + at + 4, *data = png + at + 8;
        if (n > len - at - 12)
            fail("a chunk runs past the end");
        if (memcmp(type, "IHDR", 4) == 0) {
            w = be32(data);
            h = be32(data + 4);
            if (data[8] != 8 || (data[9] != 2 && data[9] != 6) || data[12] != 0)
                fail("not an 8-bit RGB(A) non-interlaced PNG");
            bpp = data[9] == 6 ? 4 : 3;
        } else if (memcmp(type, "IDAT", 4) == 0) {
            idat = realloc(idat, nidat + n);
            memcpy(idat + nidat, data, n);
            nidat += n;
        }
        at += 12 + (size_t)n;
    }
    if (!bpp || !w || !h || w > 20000 || h > 40000)
        fail("no usable image header");
    size_t stride = (size_t)w * bpp;
    uLongf rawlen = (uLongf)(h * (stride + 1));
    unsigned char *raw = malloc(rawlen);
    if (!raw || uncompress(raw, &rawlen, idat, nidat) != Z_OK || rawlen != h * (stride + 1))
        fail("the image data does not inflate");

    /* undo the row filters in place */
    for (uint32_t y = 0; y < h; y++) {
        unsigned char *row = raw + y * (stride + 1) + 1;
        const unsigned char *up = y ? row - (stride + 1) : NULL;
        int filter = row[-1];
        for (size_t x = 0; x < stride; x++) {
            int a = x >= (size_t)bpp ? row[x - bpp] : 0, b = up ? up[x] : 0;
            int c = up && x >= (size_t)bpp ? up[x - bpp] : 0;
            int add = filter == 1 ? a : filter == 2 ? b : filter == 3 ? (a + b) / 2
                    : filter == 4 ? paeth(a, b, c) : 0;
            if (filter > 4)
                fail("bad row filter");
            row[x] = (unsigned char)(row[x] + add);
        }
    }

    int nwant = argc - 2;
    long *want = calloc((size_t)nwant + 1, sizeof *want);
    long *hits = calloc((size_t)nwant + 1, sizeof *hits);
    for (int i = 0; i < nwant; i++)
        want[i] = strtol(argv[i + 2], NULL, 16);
    unsigned char *seen = calloc(1 << 21, 1); /* a bit per 24-bit colour */
    long nonwhite = 0, colours = 0;
    for (uint32_t y = 0; y < h; y++) {
        const unsigned char *row = raw + y * (stride + 1) + 1;
        for (uint32_t x = 0; x < w; x++) {
            const unsigned char *px = row + (size_t)x * bpp;
            uint32_t rgb = (uint32_t)px[0] << 16 | (uint32_t)px[1] << 8 | px[2];
            if (rgb != 0xFFFFFF)
                nonwhite++;
            if (!(seen[rgb >> 3] & (1 << (rgb & 7)))) {
                seen[rgb >> 3] |= (unsigned char)(1 << (rgb & 7));
                colours++;
            }
            for (int i = 0; i < nwant; i++) {
                long c = want[i];
                if (abs(px[0] - (int)(c >> 16 & 0xFF)) <= 3 && abs(px[1] - (int)(c >> 8 & 0xFF)) <= 3 &&
                    abs(px[2] - (int)(c & 0xFF)) <= 3)
                    hits[i]++;
            }
        }
    }
    printf("%ux%u nonwhite=%ld colours=%ld", w, h, nonwhite, colours);
    for (int i = 0; i < nwant; i++)
        printf(" %s=%ld", argv[i + 2], hits[i]);
    putchar('\n');
    free(seen);
    free(want);
    free(hits);
    free(raw);
    free(idat);
    free(png);
    return 0;
}
