/* textconv.c — data files in another encoding than UTF-8 (textconv.h):
 * iconv(3) block by block, an invalid byte marked for the UTF-8 check. */
#include "textconv.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rtmem.h"
#include "utf8.h"

/* The iconv descriptor, the first byte it could not convert, and how the
 * encoding writes ASCII (tc_judge). */
struct tc_conv {
    iconv_t cd;
    bool had_bad;
    unsigned char bad;
    bool bad_cut;    /* that byte began a character the input's end cuts */
    bool ascii_same; /* each byte 1-127 is that ASCII character */
    bool ascii_csv;  /* ',' and '\n' are themselves (UTF-7, ISO-2022-JP
                        and HZ are: their text is ASCII bytes) */
};

/* in[0..n) converted by cd in full, as a new NUL-terminated string of
 * *outn bytes; NULL when a byte cannot be converted or is cut. */
static char *convert_all(iconv_t cd, const char *in, size_t n, size_t *outn)
{
    size_t cap = 4 * n + 16, left = cap - 1;
    char *out = rt_xmalloc(cap, 1), *op = out;
    char *ip = (char *)in; /* iconv's prototype; it does not write the input */
    size_t inlen = n;
    if (iconv(cd, &ip, &inlen, &op, &left) == (size_t)-1 || iconv(cd, NULL, NULL, &op, &left) == (size_t)-1) {
        free(out);
        return NULL;
    }
    *op = '\0';
    *outn = (size_t)(op - out);
    return out;
}

/* The two conversions of a rereading: back to the bytes of `was`, then
 * forward from `as`. */
struct tc_rereader {
    iconv_t back, fwd;
};

tc_rereader *tc_rereader_open(const char *was, const char *as)
{
    iconv_t back = iconv_open(was, "UTF-8");
    if (back == (iconv_t)-1)
        return NULL;
    iconv_t fwd = iconv_open("UTF-8", as);
    if (fwd == (iconv_t)-1) {
        iconv_close(back);
        return NULL;
    }
    tc_rereader *r = rt_xmalloc(1, sizeof *r);
    r->back = back;
    r->fwd = fwd;
    return r;
}

char *tc_rereader_apply(tc_rereader *r, const char *utf8)
{
    /* each text from the initial state, whatever the last one left */
    iconv(r->back, NULL, NULL, NULL, NULL);
    iconv(r->fwd, NULL, NULL, NULL, NULL);
    size_t nbytes = 0, n = 0;
    char *bytes = convert_all(r->back, utf8, strlen(utf8), &nbytes);
    char *text = bytes ? convert_all(r->fwd, bytes, nbytes, &n) : NULL;
    /* a NUL inside, or nothing changed: no other reading */
    if (text && (strlen(text) != n || strcmp(text, utf8) == 0)) {
        free(text);
        text = NULL;
    }
    free(bytes);
    return text;
}

void tc_rereader_close(tc_rereader *r)
{
    if (!r)
        return;
    iconv_close(r->back);
    iconv_close(r->fwd);
    free(r);
}

char *tc_reread(const char *utf8, const char *was, const char *as)
{
    tc_rereader *r = tc_rereader_open(was, as);
    if (!r)
        return NULL;
    char *text = tc_rereader_apply(r, utf8);
    tc_rereader_close(r);
    return text;
}

bool tc_is_utf8(const char *encoding)
{
    return strcasecmp(encoding, "UTF-8") == 0 || strcasecmp(encoding, "UTF8") == 0;
}

const char *tc_unordered_unicode(const char *encoding)
{
    if (strcasecmp(encoding, "UTF-16") == 0 || strcasecmp(encoding, "UTF16") == 0)
        return "UTF-16";
    if (strcasecmp(encoding, "UTF-32") == 0 || strcasecmp(encoding, "UTF32") == 0)
        return "UTF-32";
    return NULL;
}

/* Whether the byte b alone, from the initial state, converts to itself
 * (the descriptor is back in its initial state after). */
static bool byte_is_itself(iconv_t cd, char b)
{
    char in = b, out[8];
    char *ip = &in, *op = out;
    size_t inlen = 1, outlen = sizeof out;
    iconv(cd, NULL, NULL, NULL, NULL);
    size_t r = iconv(cd, &ip, &inlen, &op, &outlen);
    if (r != (size_t)-1)
        r = iconv(cd, NULL, NULL, &op, &outlen);
    iconv(cd, NULL, NULL, NULL, NULL);
    return r != (size_t)-1 && inlen == 0 && op == out + 1 && out[0] == b;
}

tc_conv *tc_open(const char *encoding)
{
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1)
        return NULL;
    tc_conv *c = rt_xmalloc(1, sizeof *c);
    c->cd = cd;
    c->had_bad = false;
    c->bad = 0;
    c->bad_cut = false;
    c->ascii_csv = byte_is_itself(cd, ',') && byte_is_itself(cd, '\n');
    c->ascii_same = c->ascii_csv;
    for (int b = 1; b < 0x80 && c->ascii_same; b++)
        c->ascii_same = byte_is_itself(cd, (char)b);
    return c;
}

void tc_close(tc_conv *c)
{
    if (!c)
        return;
    iconv_close(c->cd);
    free(c);
}

unsigned char tc_bad_byte(const tc_conv *c)
{
    return c->bad;
}

bool tc_had_bad(const tc_conv *c)
{
    return c->had_bad;
}

bool tc_bad_cut(const tc_conv *c)
{
    return c->bad_cut;
}

/* Writes the mark of one invalid input byte (0xFF) and steps over it
 * (`cut`: it begins a character the input's end cuts): false when the
 * output has no room. */
static bool mark_bad(tc_conv *c, const char **in, size_t *inlen, char **out, size_t *outlen, bool cut)
{
    if (*outlen == 0)
        return false;
    if (!c->had_bad) {
        c->had_bad = true;
        c->bad = (unsigned char)**in;
        c->bad_cut = cut;
    }
    **out = (char)0xFF;
    (*out)++;
    (*outlen)--;
    (*in)++;
    (*inlen)--;
    return true;
}

bool tc_convert(tc_conv *c, const char **in, size_t *inlen, char **out, size_t *outlen, bool final)
{
    bool moved = false;
    while (*inlen > 0) {
        char *ip = (char *)*in; /* iconv's prototype; it does not write the input */
        size_t before = *inlen;
        size_t r = iconv(c->cd, &ip, inlen, out, outlen);
        moved = moved || *inlen != before;
        *in = ip;
        if (r != (size_t)-1)
            continue; /* all converted */
        if (errno == E2BIG)
            break; /* no room for the next character */
        if (errno == EINVAL && !final)
            break; /* a character the next block completes */
        /* EILSEQ, or a character the file's end cuts: each byte invalid
         * in turn, so the conversion goes on at the next one */
        if (!mark_bad(c, in, inlen, out, outlen, errno == EINVAL))
            break;
        moved = true;
    }
    if (final && *inlen == 0) {
        /* the end of the input: the shift sequence back to the initial
         * state, if the encoding has one */
        char *o = *out;
        iconv(c->cd, NULL, NULL, out, outlen);
        moved = moved || *out != o;
    }
    return moved;
}

/* What buf[0..n) holds as UTF-8: 1 when it is UTF-8 with a character of
 * two bytes or more, 0 when it is ASCII alone (perhaps ending in a
 * sequence the buffer's end cuts, unless `whole`), -1 when it is no UTF-8
 * (an invalid sequence, or a NUL byte). */
static int utf8_kind(const char *buf, size_t n, bool whole)
{
    bool wide = false;
    for (size_t i = 0; i < n;) {
        unsigned char b = (unsigned char)buf[i];
        if (b == 0)
            return -1;
        if (b < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(buf + i, n - i, &cp);
        if (cp == UTF8_BAD) {
            /* a sequence the buffer's end cuts: its lead byte announces
             * more bytes than are left, and those left continue it */
            unsigned need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
            bool cut = !whole && need > n - i;
            for (size_t k = i + 1; cut && k < n; k++)
                cut = ((unsigned char)buf[k] & 0xC0) == 0x80;
            return !cut ? -1 : wide ? 1 : 0;
        }
        wide = true;
        i += (size_t)len;
    }
    return wide ? 1 : 0;
}

bool tc_looks_utf8(const char *buf, size_t n, bool whole)
{
    return utf8_kind(buf, n, whole) == 1;
}

tc_verdict tc_judge(const tc_conv *c, const char *buf, size_t n, bool whole)
{
    int kind = utf8_kind(buf, n, whole);
    if (kind != 0)
        return kind > 0 ? TC_AS_IS : TC_CONVERT;
    /* ASCII alone: the same bytes in an encoding that writes ASCII so,
     * until a later block tells; text in an encoding whose ASCII is other
     * bytes (7-bit encodings with shifts) when ',' and '\n' are
     * themselves; else no text in that encoding (UTF-16's and UTF-32's
     * ASCII holds NUL bytes, EBCDIC's digits are above 127): UTF-8 */
    if (c->ascii_same)
        return whole ? TC_AS_IS : TC_WAIT;
    return c->ascii_csv ? TC_CONVERT : TC_AS_IS;
}
