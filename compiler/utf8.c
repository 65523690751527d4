/* utf8.c — strict UTF-8 decoding (see utf8.h). */
#include "utf8.h"

/* True for a continuation byte 10xxxxxx. */
static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Strict decoding of one code point (see utf8.h). */
int utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    *cp = UTF8_BAD;
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || !is_cont(s[1]))
            return 1;
        *cp = (uint32_t)(c & 0x1F) << 6 | (s[1] & 0x3F);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || !is_cont(s[1]) || !is_cont(s[2]))
            return 1;
        uint32_t v = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 1; /* overlong, or a UTF-16 surrogate */
        *cp = v;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || !is_cont(s[1]) || !is_cont(s[2]) || !is_cont(s[3]))
            return 1;
        uint32_t v = (uint32_t)(c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
                     (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
        if (v < 0x10000 || v > 0x10FFFF)
            return 1; /* overlong, or beyond Unicode */
        *cp = v;
        return 4;
    }
    return 1; /* a continuation byte, 0xC0, 0xC1 or 0xF5..0xFF */
}

/* Counts code points, an ill-formed byte as one. */
size_t utf8_count(const char *s, size_t n)
{
    size_t count = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        count++;
    }
    return count;
}
