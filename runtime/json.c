/* json.c — the streaming JSON writer (see json.h). */
#include "json.h"

#include <math.h>
#include <string.h>

#include "report.h"
#include "utf8.h"

/* Hands the gathered bytes to the FILE. */
static void flush(json_writer *w)
{
    if (w->len)
        fwrite(w->buf, 1, w->len, w->out);
    w->len = 0;
}

/* Appends n bytes of s. */
static void put(json_writer *w, const char *s, size_t n)
{
    if (n > JSON_BUF - w->len) {
        flush(w);
        if (n > JSON_BUF) {
            fwrite(s, 1, n, w->out);
            return;
        }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

/* Appends a string. */
static void put_s(json_writer *w, const char *s)
{
    put(w, s, strlen(s));
}

/* Appends one byte. */
static void put_c(json_writer *w, char c)
{
    if (w->len == JSON_BUF)
        flush(w);
    w->buf[w->len++] = c;
}

void json_init(json_writer *w, FILE *out)
{
    w->out = out;
    w->len = 0;
    w->depth = 0;
    w->inline_from = 0;
    memset(w->first, 0, sizeof w->first);
    w->after_key = false;
    w->first[0] = true;
}

void json_finish(json_writer *w)
{
    put_c(w, '\n');
    flush(w);
}

/* True when the innermost open container is written on one line. */
static bool is_inline(const json_writer *w)
{
    return w->inline_from && w->depth >= w->inline_from;
}

/* A line break and the indentation of the current depth, in one write. */
static void newline(json_writer *w)
{
    static const char spaces[1 + 2 * JSON_MAX_DEPTH] = "\n"
        "                                                                ";
    _Static_assert(2 * JSON_MAX_DEPTH <= 64, "spaces is too short");
    put(w, spaces, 1 + 2 * (size_t)w->depth);
}

/* What goes before a value: nothing after a key; else the comma after the
 * previous element and the element's line break. */
static void before_value(json_writer *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (!w->first[w->depth])
        put_c(w, ',');
    if (is_inline(w)) {
        if (!w->first[w->depth])
            put_c(w, ' ');
    } else {
        newline(w);
    }
    w->first[w->depth] = false;
}

/* Opens a container with `c`, on one line when `one_line`. */
static void open_container(json_writer *w, char c, bool one_line)
{
    before_value(w);
    put_c(w, c);
    if (w->depth + 1 < JSON_MAX_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
    if (one_line && !w->inline_from)
        w->inline_from = w->depth;
}

/* Closes a container with `c`. */
static void close_container(json_writer *w, char c)
{
    bool empty = w->first[w->depth];
    bool was_inline = is_inline(w);
    if (w->inline_from == w->depth)
        w->inline_from = 0;
    if (w->depth > 0)
        w->depth--;
    if (!empty && !was_inline)
        newline(w);
    put_c(w, c);
}

void json_begin_object(json_writer *w) { open_container(w, '{', false); }
void json_end_object(json_writer *w) { close_container(w, '}'); }
void json_begin_array(json_writer *w) { open_container(w, '[', false); }
void json_end_array(json_writer *w) { close_container(w, ']'); }
void json_begin_record(json_writer *w) { open_container(w, '{', true); }
void json_begin_inline_array(json_writer *w) { open_container(w, '[', true); }

/* The escape of a byte that needs one in a JSON string (quote,
 * backslash, a control character) into esc; its length. */
static size_t escape(unsigned char ch, char esc[8])
{
    switch (ch) {
    case '"': return (size_t)snprintf(esc, 8, "\\\"");
    case '\\': return (size_t)snprintf(esc, 8, "\\\\");
    case '\n': return (size_t)snprintf(esc, 8, "\\n");
    case '\r': return (size_t)snprintf(esc, 8, "\\r");
    case '\t': return (size_t)snprintf(esc, 8, "\\t");
    case '\b': return (size_t)snprintf(esc, 8, "\\b");
    case '\f': return (size_t)snprintf(esc, 8, "\\f");
    default: return (size_t)snprintf(esc, 8, "\\u%04x", ch);
    }
}

/* True for the ASCII bytes a JSON string holds as they are. */
static bool plain(unsigned char ch)
{
    return ch >= 0x20 && ch < 0x80 && ch != '"' && ch != '\\';
}

/* The length of the valid UTF-8 character at p (2 to 4 bytes), 0 for a
 * byte of none: a JSON text is UTF-8, and such a byte (a file name's, an
 * argument's) is written U+FFFD, as the page and the workbook write it
 * (report_style_unsafe). */
static size_t utf8_char(const unsigned char *p)
{
    uint32_t cp;
    size_t n = strnlen((const char *)p, 4);
    int k = utf8_decode((const char *)p, n, &cp);
    return cp == UTF8_BAD ? 0 : (size_t)k;
}

/* U+FFFD REPLACEMENT CHARACTER in UTF-8. */
static const char replacement[] = "\xEF\xBF\xBD";

/* Appends s as a JSON string: each run of plain bytes and whole
 * characters at once. */
static void put_string(json_writer *w, const char *s)
{
    put_c(w, '"');
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        for (size_t k = 1; k;) {
            if (plain(*p))
                p++;
            else if (*p >= 0x80 && (k = utf8_char(p)))
                p += k;
            else
                k = 0;
        }
        put(w, (const char *)run, (size_t)(p - run));
        if (*p >= 0x80) {
            put(w, replacement, 3);
            p++;
        } else if (*p) {
            char esc[8];
            put(w, esc, escape(*p++, esc));
        }
    }
    put_c(w, '"');
}

void json_write_string(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        size_t k;
        if (plain(*p)) {
            putc(*p, out);
        } else if (*p >= 0x80 && (k = utf8_char(p))) {
            fwrite(p, 1, k, out);
            p += k - 1;
        } else if (*p >= 0x80) {
            fputs(replacement, out);
        } else {
            fwrite(esc, 1, escape(*p, esc), out);
        }
    }
    putc('"', out);
}

void json_key(json_writer *w, const char *key)
{
    before_value(w);
    put_string(w, key);
    put(w, ": ", 2);
    w->after_key = true;
}

/* json_key_*: the members most objects are made of, one call each. */
void json_key_str(json_writer *w, const char *key, const char *s)
{
    json_key(w, key);
    json_str(w, s);
}

void json_key_num(json_writer *w, const char *key, double v)
{
    json_key(w, key);
    json_num(w, v);
}

void json_key_int(json_writer *w, const char *key, long long v)
{
    json_key(w, key);
    json_int(w, v);
}

void json_key_bool(json_writer *w, const char *key, bool b)
{
    json_key(w, key);
    json_bool(w, b);
}

void json_str(json_writer *w, const char *s)
{
    before_value(w);
    if (s)
        put_string(w, s);
    else
        put(w, "null", 4);
}

void json_num(json_writer *w, double v)
{
    before_value(w);
    if (!isfinite(v)) {
        put(w, "null", 4);
        return;
    }
    char buf[32];
    report_format_number(v, buf);
    put_s(w, buf);
}

void json_int(json_writer *w, long long v)
{
    before_value(w);
    char buf[24];
    put(w, buf, (size_t)snprintf(buf, sizeof buf, "%lld", v));
}

void json_bool(json_writer *w, bool b)
{
    before_value(w);
    put_s(w, b ? "true" : "false");
}

void json_null(json_writer *w)
{
    before_value(w);
    put(w, "null", 4);
}
