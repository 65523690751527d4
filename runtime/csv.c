/* csv.c — an RFC 4180 reader over a file held in memory (see csv.h). */
#include "csv.h"
#include "msgcat.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rtmem.h"
#include "utf8.h"

void csv_init_window(csv_reader *r, const char *buf, size_t len, bool final)
{
    memset(r, 0, sizeof *r);
    r->buf = buf;
    r->len = len;
    r->final = final;
    r->line = 1;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
    r->bom = r->pos == 3;
}

void csv_init(csv_reader *r, const char *buf, size_t len)
{
    csv_init_window(r, buf, len, true);
}

size_t csv_consumed(const csv_reader *r)
{
    return r->pos;
}

void csv_refill(csv_reader *r, const char *buf, size_t len, bool final)
{
    r->buf = buf;
    r->len = len;
    r->final = final;
    r->pos = 0;
    r->bom = false;
}

void csv_restart(csv_reader *r, const char *buf, size_t len, bool final, size_t pos,
                 unsigned line)
{
    r->buf = buf;
    r->len = len;
    r->final = final;
    r->pos = pos;
    r->line = line;
    r->bom = false;
}

void csv_dispose(csv_reader *r)
{
    free(r->text);
    free(r->starts);
    r->text = NULL;
    r->starts = NULL;
}

/* Makes room for n more bytes of field text and the NUL after them. */
static void reserve_text(csv_reader *r, size_t n)
{
    if (r->textcap - r->textlen > n)
        return;
    size_t cap = r->textcap ? r->textcap * 2 : 256;
    while (cap - r->textlen <= n)
        cap *= 2;
    r->text = rt_xrealloc(r->text, cap, 1);
    r->textcap = cap;
}

/* Appends bytes s[0..n) to the current field. */
static void put_bytes(csv_reader *r, const char *s, size_t n)
{
    reserve_text(r, n);
    memcpy(r->text + r->textlen, s, n);
    r->textlen += n;
}

/* Ends the current field (NUL) and starts field number n + 1. */
static void end_field(csv_reader *r, size_t n)
{
    reserve_text(r, 0);
    r->text[r->textlen++] = '\0';
    if (n + 1 >= r->capfields) {
        r->capfields = r->capfields ? r->capfields * 2 : 16;
        r->starts = rt_xrealloc(r->starts, r->capfields, sizeof *r->starts);
    }
    r->starts[n + 1] = r->textlen;
}

/* If a line break starts at pos, its length (CRLF: 2, LF or CR: 1), else
 * 0; -1 when a CR ends a window that is not final (it may be a CRLF). */
static int line_break(const csv_reader *r, size_t pos)
{
    if (pos >= r->len)
        return 0;
    if (r->buf[pos] == '\n')
        return 1;
    if (r->buf[pos] != '\r')
        return 0;
    if (pos + 1 < r->len)
        return r->buf[pos + 1] == '\n' ? 2 : 1;
    return r->final ? 1 : -1;
}

/* The end of the run of bytes from pos that are none of a, b and c. */
static size_t scan_until(const csv_reader *r, size_t pos, char a, char b, char c)
{
    const char *s = r->buf;
    size_t len = r->len;
    while (pos < len && s[pos] != a && s[pos] != b && s[pos] != c)
        pos++;
    return pos;
}

/* Notes in rec where the quote at buf[q] (on line `line`, of field
 * `field`) is: its character in its line, counted back from q to the
 * line's start (a line break, or the window's start, which is a record's
 * start; the input's byte order mark is no character). */
static void note_quote(const csv_reader *r, csv_record *rec, size_t q, unsigned line, size_t field)
{
    size_t from = r->bom ? 3 : 0, i = q, chars = 1;
    while (i > from && r->buf[i - 1] != '\n' && r->buf[i - 1] != '\r') {
        i--;
        if (((unsigned char)r->buf[i] & 0xC0) != 0x80)
            chars++;
    }
    rec->quote_line = line;
    rec->quote_char = chars;
    rec->quote_field = field;
}

csv_status csv_next(csv_reader *r, csv_record *rec)
{
    /* Skip empty lines: they hold no record. */
    int nl;
    while ((nl = line_break(r, r->pos)) > 0) {
        r->pos += (size_t)nl;
        r->line++;
    }
    if (nl < 0)
        return CSV_MORE;
    rec->line = r->line;
    rec->nfields = 0;
    rec->bad_field = -1;
    if (r->pos >= r->len)
        return r->final ? CSV_EOF : CSV_MORE;

    /* Where the record starts, to give it back when the window ends first. */
    const size_t start = r->pos;
    const unsigned start_line = r->line;
    r->textlen = 0;
    if (r->capfields == 0) {
        r->capfields = 16;
        r->starts = rt_xrealloc(r->starts, r->capfields, sizeof *r->starts);
    }
    r->starts[0] = 0;
    size_t n = 0; /* fields ended so far */
    for (;;) {
        /* One field, starting at pos. */
        if (r->pos >= r->len && !r->final)
            goto more;
        if (r->pos < r->len && r->buf[r->pos] == '"') {
            const size_t quote = r->pos;
            const unsigned quote_line = r->line;
            r->pos++;
            for (;;) {
                size_t end = scan_until(r, r->pos, '"', '\n', '\r');
                if (r->textlen - r->starts[n] + (end - r->pos) > CSV_QUOTED_MAX) {
                    note_quote(r, rec, quote, quote_line, n);
                    return CSV_TOO_LONG;
                }
                put_bytes(r, r->buf + r->pos, end - r->pos);
                r->pos = end;
                if (r->pos >= r->len) {
                    if (!r->final)
                        goto more;
                    note_quote(r, rec, quote, quote_line, n);
                    return CSV_UNTERMINATED;
                }
                if (r->buf[r->pos] == '"') {
                    if (r->pos + 1 >= r->len && !r->final)
                        goto more;
                    if (r->pos + 1 < r->len && r->buf[r->pos + 1] == '"') {
                        put_bytes(r, "\"", 1);
                        r->pos += 2;
                        continue;
                    }
                    r->pos++;
                    break;
                }
                /* A line break inside the quotes is part of the field. */
                if ((nl = line_break(r, r->pos)) < 0)
                    goto more;
                put_bytes(r, r->buf + r->pos, (size_t)nl);
                r->pos += (size_t)nl;
                r->line += !r->rows;
            }
            /* After the closing quote only a comma or the record's end may
             * follow; anything else is kept but marks the field bad. */
            if (r->pos >= r->len && !r->final)
                goto more;
            if (r->pos < r->len && r->buf[r->pos] != ',' && r->buf[r->pos] != '\n' &&
                r->buf[r->pos] != '\r' && rec->bad_field < 0)
                rec->bad_field = (long)n;
        }
        size_t end = scan_until(r, r->pos, ',', '\n', '\r');
        if (end >= r->len && !r->final)
            goto more;
        put_bytes(r, r->buf + r->pos, end - r->pos);
        r->pos = end;
        end_field(r, n++);
        if (r->pos < r->len && r->buf[r->pos] == ',') {
            r->pos++;
            continue;
        }
        if ((nl = line_break(r, r->pos)) < 0)
            goto more;
        if (nl > 0) {
            r->pos += (size_t)nl;
            r->line++;
        }
        break;
    }
    rec->nfields = n;
    return CSV_RECORD;

more:
    r->pos = start;
    r->line = start_line;
    return CSV_MORE;
}

const char *csv_field(const csv_reader *r, size_t i)
{
    return r->text + r->starts[i];
}

size_t csv_field_len(const csv_reader *r, size_t i)
{
    return r->starts[i + 1] - r->starts[i] - 1;
}

/* Length of the wide space at s[0..n): the ideographic (full-width) space
 * U+3000 (3 bytes) or the no-break space U+00A0 (2 bytes), or 0. */
static size_t wide_space(const char *s, size_t n)
{
    const unsigned char *b = (const unsigned char *)s;
    if (n >= 3 && b[0] == 0xE3 && b[1] == 0x80 && b[2] == 0x80)
        return 3;
    if (n >= 2 && b[0] == 0xC2 && b[1] == 0xA0)
        return 2;
    return 0;
}

size_t csv_invisible(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *b = (const unsigned char *)s;
    if (n >= 2 && b[0] >= 0xC2 && b[0] <= 0xDF && (b[1] & 0xC0) == 0x80) {
        unsigned c = (unsigned)(b[0] & 0x1F) << 6 | (b[1] & 0x3F);
        if (c == 0x00AD || c == 0x061C) { /* soft hyphen, Arabic letter mark */
            *cp = c;
            return 2;
        }
        return 0;
    }
    if (n < 3 || (b[0] & 0xF0) != 0xE0 || (b[1] & 0xC0) != 0x80 || (b[2] & 0xC0) != 0x80)
        return 0;
    unsigned c = (unsigned)(b[0] & 0x0F) << 12 | (unsigned)(b[1] & 0x3F) << 6 | (b[2] & 0x3F);
    if (c == 0x180E ||                      /* Mongolian vowel separator */
        (c >= 0x200B && c <= 0x200F) ||     /* zero-width space, (non-)joiner, direction marks */
        (c >= 0x2028 && c <= 0x202E) ||     /* line and paragraph separators, embeddings */
        (c >= 0x2060 && c <= 0x206F) ||     /* word joiner, invisible operators, isolates */
        c == 0x3164 || c == 0xFFA0 ||       /* Hangul fillers */
        c == 0xFEFF ||                      /* byte order mark (zero-width no-break space) */
        (c >= 0xFFF9 && c <= 0xFFFB)) {     /* interlinear annotation */
        *cp = c;
        return 3;
    }
    return 0;
}

/* The length of the character at s[0..n) when a message writes it as
 * it is and a terminal shows it so that it can be copied back: printable
 * ASCII but ', or a valid UTF-8 sequence that is neither a C1 control
 * (U+0080..U+009F) nor invisible (csv_invisible); else 0. */
static size_t shell_plain(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return c >= 0x20 && c != 0x7F && c != '\'' ? 1 : 0;
    uint32_t cp;
    int k = utf8_decode(s, n, &cp);
    unsigned inv;
    if (cp == UTF8_BAD || cp <= 0x9F || csv_invisible(s, n, &inv))
        return 0;
    return (size_t)k;
}

char *csv_shell_quoted(const char *s, size_t n, bool cut)
{
    /* at most 9 bytes a byte (a lone one between plain ones closes the
     * quote, writes $'\xHH' and opens it again), the quotes, "..." */
    char *q = rt_xmalloc(9 * n + 8, 1), *o = q;
    bool open = false; /* within '...' */
    for (size_t i = 0; i < n;) {
        size_t k = shell_plain(s + i, n - i);
        if (k) {
            if (!open)
                *o++ = '\'';
            open = true;
            memcpy(o, s + i, k);
            o += k;
            i += k;
            continue;
        }
        if (open)
            *o++ = '\'';
        open = false;
        if (s[i] == '\'') {
            memcpy(o, "\\'", 2);
            o += 2;
            i++;
            continue;
        }
        /* a run of bytes that a message would escape or a terminal could
         * not show: $'\xHH...' (bash, zsh, ksh, POSIX.1-2024 sh) */
        memcpy(o, "$'", 2);
        o += 2;
        while (i < n && s[i] != '\'' && !shell_plain(s + i, n - i))
            o += sprintf(o, "\\x%02X", (unsigned char)s[i++]);
        *o++ = '\'';
    }
    if (cut) {
        /* "..." within quotes, before the closing one */
        o += sprintf(o, "%s...'", open ? "" : "'");
    } else if (open || n == 0) {
        o += sprintf(o, "%s", open ? "'" : "''");
    }
    *o = '\0';
    return q;
}

char *csv_shell_path(const char *path)
{
    size_t n = strlen(path);
    if (path[0] != '-')
        return csv_shell_quoted(path, n, false);
    char *dot = rt_xmalloc(n + 3, 1);
    memcpy(dot, "./", 2);
    memcpy(dot + 2, path, n + 1);
    char *q = csv_shell_quoted(dot, n + 2, false);
    free(dot);
    return q;
}

char *csv_escape(char *o, const char *t, size_t n, bool lines)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        unsigned cp;
        size_t k = c >= 0xC2 ? csv_invisible(t + i, n - i, &cp) : 0;
        if (k) {
            o += sprintf(o, "\\u%04X", cp);
            i += k - 1;
        } else if (c == '\n' && lines) {
            *o++ = '\n';
        } else if (c == '\n' || c == '\r' || c == '\t') {
            *o++ = '\\';
            *o++ = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
        } else if (c < 0x20 || c == 0x7F) {
            o += sprintf(o, "\\x%02X", c);
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] >= 0x80 &&
                   (unsigned char)t[i + 1] <= 0x9F) {
            o += sprintf(o, "\\u%04X", (unsigned char)t[i + 1]); /* U+0080..U+009F */
            i++;
        } else if (c >= 0x80) {
            /* a character as it is; a byte of no valid UTF-8 sequence
             * (a file name, an argument) as \xHH, as compilers show one */
            uint32_t cp;
            int k2 = utf8_decode(t + i, n - i, &cp);
            if (cp == UTF8_BAD) {
                o += sprintf(o, "\\x%02X", c);
            } else {
                memcpy(o, t + i, (size_t)k2);
                o += k2;
                i += (size_t)k2 - 1;
            }
        } else {
            *o++ = (char)c;
        }
    }
    *o = '\0';
    return o;
}

int csv_vmessage(FILE *out, const char *fmt, va_list ap)
{
    /* the driver's messages in the command line's language: an English
     * format the catalog has a Chinese text for (msgcat.h; the same
     * arguments) prints in Chinese under --lang zh; a text already in the
     * reader's language, or one the catalog lacks, prints as it is */
    fmt = msgcat_tr(fmt);
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0) {
        va_end(again);
        return EOF;
    }
    char *text = rt_xmalloc((size_t)n + 1, 1);
    vsnprintf(text, (size_t)n + 1, fmt, again);
    va_end(again);
    /* at most 4 bytes a byte (a control character as \xHH) */
    size_t len = (size_t)n, body = len && text[len - 1] == '\n' ? len - 1 : len;
    char *esc = rt_xmalloc(4 * len + 2, 1);
    char *o = csv_escape(esc, text, body, false);
    if (body < len) {
        *o++ = '\n';
        *o = '\0';
    }
    int r = fputs(esc, out);
    free(esc);
    free(text);
    return r;
}

int csv_message(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = csv_vmessage(out, fmt, ap);
    va_end(ap);
    return r;
}

const char *csv_trim(const char *s, size_t n, size_t *len)
{
    for (size_t k; n;) {
        if (*s == ' ' || *s == '\t')
            k = 1;
        else if (!(k = wide_space(s, n)))
            break;
        s += k;
        n -= k;
    }
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        else if (n >= 3 && wide_space(s + n - 3, 3) == 3)
            n -= 3;
        else if (n >= 2 && wide_space(s + n - 2, 2) == 2)
            n -= 2;
        else
            break;
    }
    *len = n;
    return s;
}

/* csv_header_index: the first record read as a header, each field trimmed
 * and compared with the trimmed key (a test's data in a rules file, whose
 * region column import and sema look up alike). */
size_t csv_header_index(const char *text, const char *key)
{
    csv_reader csv;
    csv_record rec;
    csv_init(&csv, text, strlen(text));
    size_t col = SIZE_MAX, kn;
    const char *k = csv_trim(key, strlen(key), &kn);
    if (csv_next(&csv, &rec) == CSV_RECORD)
        for (size_t i = 0; i < rec.nfields && col == SIZE_MAX; i++) {
            size_t n;
            const char *f = csv_trim(csv_field(&csv, i), csv_field_len(&csv, i), &n);
            if (n == kn && memcmp(f, k, n) == 0)
                col = i;
        }
    csv_dispose(&csv);
    return col;
}
