/* utf8.h — decoding UTF-8 one code point at a time.
 *
 * Shared by the diagnostics printer (columns, display width, showing a
 * source line that may hold invalid bytes) and the scanner (classifying
 * characters, checking strings and comments).  Decoding is strict: overlong
 * forms, surrogates and code points above U+10FFFF are ill-formed. */
#ifndef PLANC_UTF8_H
#define PLANC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The code point reported for an ill-formed byte. */
#define UTF8_BAD 0xFFFFFFFFu

/* Decodes the code point starting at s[0], reading at most n bytes (n >= 1).
 * Returns its length in bytes (1..4) and stores it in *cp; an ill-formed or
 * truncated sequence yields length 1 and *cp = UTF8_BAD, so a caller always
 * advances by at least one byte. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Number of code points in s[0..n); each ill-formed byte counts as one. */
size_t utf8_count(const char *s, size_t n);

#endif
