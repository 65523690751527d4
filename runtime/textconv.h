/* textconv.h — data files in another encoding than UTF-8 (planc run's
 * --encoding): a streaming conversion to UTF-8 through the C library's
 * iconv(3), and the test that tells a file already in UTF-8.
 *
 * A CSV that Excel saves on a Chinese Windows is GBK (GB18030); planc reads
 * UTF-8.  The table reader (table.c) converts such a file block by block as
 * it reads it, so a large file is never held twice; line breaks are kept,
 * so every line number of a data message is the file's own. */
#ifndef PLANC_TEXTCONV_H
#define PLANC_TEXTCONV_H

#include <stdbool.h>
#include <stddef.h>

/* A conversion from one encoding to UTF-8 (an iconv descriptor and the
 * first byte it could not convert). */
typedef struct tc_conv tc_conv;

/* Whether `encoding` names UTF-8 itself ("UTF-8", "utf8", any case):
 * nothing to convert. */
bool tc_is_utf8(const char *encoding);

/* The encoding named with its byte order of `encoding` when it names
 * UTF-16 or UTF-32 without one ("UTF-16", "utf32"): "UTF-16" or
 * "UTF-32", whose BE and LE spell the order; else NULL.  Such a name
 * reads a file without a byte order mark in an order the C library
 * chooses (glibc: little-endian), so a file of the other fails at once. */
const char *tc_unordered_unicode(const char *encoding);

/* A conversion from `encoding` (a name iconv knows: GB18030, GBK, UTF-16,
 * ISO-8859-1 ...) to UTF-8; NULL when the C library knows no such
 * encoding.  tc_close frees it. */
tc_conv *tc_open(const char *encoding);
void tc_close(tc_conv *c);

/* Converts what it can of in[0..*inlen) into out[0..*outlen) and moves
 * both on (*in, *inlen, *out, *outlen as iconv does).  Stops when the
 * output has no room for the next character, or at an incomplete
 * character at the end of the input (it may go on in the next block)
 * unless `final`, where its bytes are invalid.  An invalid byte is
 * written as 0xFF, a byte UTF-8 never holds, so the UTF-8 check after
 * finds it at its line and field; the first such byte of the input is
 * kept (tc_bad_byte).  Returns true when anything moved. */
bool tc_convert(tc_conv *c, const char **in, size_t *inlen, char **out, size_t *outlen, bool final);

/* The first byte of the input tc_convert could not convert (0 until one
 * was found; a NUL byte converts to NUL). */
unsigned char tc_bad_byte(const tc_conv *c);
/* Whether tc_convert met an invalid byte. */
bool tc_had_bad(const tc_conv *c);
/* Whether that byte began a character the input's end cuts (a UTF-16
 * file of an odd number of bytes, a GBK lead byte last): a file cut
 * short, rather than a byte the encoding has no character for. */
bool tc_bad_cut(const tc_conv *c);

/* The text `utf8`, decoded from `was` (a file read with --encoding
 * `was`), taken back to its bytes and decoded as `as` instead: what the
 * file's text would have read as in that encoding (a GB18030 file read as
 * Big5 turns 沈阳市 into 賽譴吽; read back as GB18030, it is 沈阳市
 * again).  A new string, or NULL when either step fails (a character
 * `was` cannot write, bytes that are no `as` text) or the text is the
 * same. */
char *tc_reread(const char *utf8, const char *was, const char *as);

/* tc_reread's two conversions kept open, for many texts read the same
 * way (every region name of the rules, each as a file saved in another
 * encoding would read it). */
typedef struct tc_rereader tc_rereader;

/* The rereading from `was` to `as`, or NULL when the C library has no
 * conversion for either. */
tc_rereader *tc_rereader_open(const char *was, const char *as);

/* tc_reread(utf8, was, as) with r's conversions. */
char *tc_rereader_apply(tc_rereader *r, const char *utf8);

/* Frees r (NULL is nothing). */
void tc_rereader_close(tc_rereader *r);

/* Whether buf[0..n), the start of a file, is UTF-8 beyond ASCII: at least
 * one character of two bytes or more, every sequence valid and no NUL (a
 * sequence cut at the end counts as valid unless `whole`, the whole
 * file).  Text in GBK/GB18030 of two Chinese characters or more is almost
 * never valid UTF-8 (示例 is CA BE C0 FD, and C0 begins no UTF-8
 * character), so such a file is read as UTF-8 whatever --encoding says. */
bool tc_looks_utf8(const char *buf, size_t n, bool whole);

/* What a file's bytes so far tell of it (tc_judge). */
typedef enum {
    TC_WAIT,    /* nothing yet: ASCII, read as it is until a block that
                   holds more decides */
    TC_AS_IS,   /* UTF-8 already: read as it is */
    TC_CONVERT, /* in c's encoding: converted */
} tc_verdict;

/* Whether buf[0..n), the bytes of a file read so far (all of it when
 * `whole`), are UTF-8 or in c's encoding.  UTF-8 beyond ASCII is read as
 * it is (tc_looks_utf8).  ASCII alone (no NUL byte) decides nothing in an
 * encoding that writes each ASCII character as that byte (GB18030,
 * Latin-1): a file ASCII in its first block and UTF-8 later is UTF-8, and
 * the verdict waits for the first byte above 127.  In an encoding whose
 * ',' and line break are other bytes (UTF-16, UTF-32, EBCDIC), ASCII alone
 * is UTF-8; in one that writes them as ASCII but shifts with other ASCII
 * bytes (UTF-7, ISO-2022-JP), it is converted. */
tc_verdict tc_judge(const tc_conv *c, const char *buf, size_t n, bool whole);

#endif
