/* diag.c — source files in memory, line/column mapping and the printed form
 * of diagnostics (see diag.h for the exact format). */
#include "diag.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fileio.h"
#include "msgcat.h"
#include "utf8.h"
#include "warnings.h"

/* A source line wider than this is shown as a window around the span. */
enum { MAX_SHOWN_WIDTH = 200, WINDOW_WIDTH = 160, WINDOW_LEAD = 40 };
/* Names longer than this (in code points) are not compared by diag_editdist. */
enum { MAX_EDIT_LEN = 1000 };

/* Allocation that cannot fail silently: the driver treats running out of
 * memory as an internal error (exit 4), as arena.c does. */
static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    return p;
}

/* Like xmalloc, for growing an allocation. */
static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
        exit(4);
    }
    return p;
}

/* An empty context printing to out (stderr if NULL), at most 100 errors shown. */
void diag_init(diag_ctx *d, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->out = out ? out : stderr;
    d->max_errors = 100;
}

/* b reports like d, to out, in text: d's files are shared (b->files is d's
 * array), and nothing else. */
void diag_borrow(diag_ctx *b, const diag_ctx *d, FILE *out)
{
    diag_init(b, out);
    b->lang = d->lang; /* the texts in the reader's language (diag_first_message reads each) */
    b->files = d->files;
    b->nfiles = d->nfiles;
    b->capfiles = d->capfiles;
}

/* Frees what the borrowed context b made (not the files it shares). */
void diag_unborrow(diag_ctx *b)
{
    diag_flush(b);
    free(b->jbuf);
    memset(b, 0, sizeof *b);
}

/* The first line of text that reads "FILE:L:C: error: MESSAGE", without
 * "error: ". */
char *diag_first_message(const char *text)
{
    for (const char *at = text; at && *at; ) {
        const char *end = strchr(at, '\n');
        size_t n = end ? (size_t)(end - at) : strlen(at);
        const char *e = NULL;
        size_t wlen = 0;
        for (size_t k = 0; !e && k + 2 < n; k++)
            for (int l = 0; !e && l < LBL_NLANGS && at[k] == ':' && at[k + 1] == ' '; l++) {
                /* ": error: " or ": 错误：", the level word of a language */
                const char *w = lbl_get((lbl_lang)l, LBL_G_ERROR);
                size_t len = strlen(w);
                if (k + 2 + len <= n && memcmp(at + k + 2, w, len) == 0) {
                    e = at + k;
                    wlen = len;
                }
            }
        if (e) {
            size_t head = (size_t)(e - at) + 2;
            char *m = xmalloc(n - wlen + 1);
            memcpy(m, at, head);
            memcpy(m + head, e + 2 + wlen, n - head - wlen);
            m[n - wlen] = '\0';
            return m;
        }
        at = end ? end + 1 : NULL;
    }
    return NULL;
}

/* Frees every file held by d, after writing a pending JSON diagnostic. */
void diag_dispose(diag_ctx *d)
{
    diag_flush(d);
    free(d->jbuf);
    d->jbuf = NULL;
    d->jcap = 0;
    free(d->allows);
    d->allows = NULL;
    d->nallows = d->capallows = 0;
    for (size_t i = 0; i < d->nfiles; i++) {
        free(d->files[i].name);
        free(d->files[i].text);
        free(d->files[i].line_starts);
    }
    free(d->files);
    d->files = NULL;
    d->nfiles = d->capfiles = 0;
}

/* Takes ownership of text (len bytes plus a NUL), records where each line
 * starts and returns the new file's id. */
static int add_file(diag_ctx *d, const char *name, char *text, size_t len)
{
    if (d->nfiles == d->capfiles) {
        d->capfiles = d->capfiles ? d->capfiles * 2 : 4;
        d->files = xrealloc(d->files, d->capfiles * sizeof *d->files);
    }
    /* A line ends at LF, CRLF or a lone CR (old Mac files), as in data
     * files (docs/LANGUAGE.md §1). */
    size_t nlines = 1;
    for (size_t i = 0; i < len; i++)
        nlines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'));
    uint32_t *starts = xmalloc(nlines * sizeof *starts);
    size_t k = 0;
    starts[k++] = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
            starts[k++] = (uint32_t)(i + 1);
    diag_file *f = &d->files[d->nfiles];
    size_t nlen = strlen(name);
    f->name = xmalloc(nlen + 1);
    memcpy(f->name, name, nlen + 1);
    f->text = text;
    f->len = len;
    f->line_starts = starts;
    f->nlines = nlines;
    f->imported = false;
    f->cmdline = false;
    return (int)d->nfiles++;
}

/* Registers a copy of text[0..len) as file `name` (tests, generated sources). */
int diag_add_text(diag_ctx *d, const char *name, const char *text, size_t len)
{
    if (len > FIO_MAX_FILE_BYTES) {
        diag_plain_error(d, "cannot read '%s': larger than 256 MiB", name);
        return -1;
    }
    char *copy = xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    return add_file(d, name, copy, len);
}

/* Reads the file at path into memory; reports why it cannot (no location). */
int diag_load_file(diag_ctx *d, const char *path)
{
    size_t len;
    char *buf = fio_read_file(path, FIO_MAX_FILE_BYTES, &len);
    if (!buf) {
        if (errno == ENOMEM) {
            fputs(msgcat_tr("planc: error: out of memory\n"), stderr);
            exit(4);
        }
        if (errno == EFBIG)
            diag_plain_error(d, "cannot read '%s': larger than 256 MiB", path);
        else
            diag_plain_error(d, "cannot read '%s': %s", path, msgcat_file_error(msgcat_lang(), errno));
        return -1;
    }
    return add_file(d, path, buf, len);
}

/* Index of the line holding byte offset off (binary search). */
static size_t line_of(const diag_file *f, uint32_t off)
{
    size_t lo = 0, hi = f->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Line (binary search over line starts) and column (code points from the
 * line start) of a byte offset; offsets past the end map to the end. */
void diag_linecol(const diag_ctx *d, uint32_t file, uint32_t off,
                  unsigned *line, unsigned *col)
{
    if (file >= d->nfiles) {
        *line = *col = 0;
        return;
    }
    const diag_file *f = &d->files[file];
    if (off > f->len)
        off = (uint32_t)f->len;
    size_t li = line_of(f, off);
    uint32_t start = f->line_starts[li];
    *line = (unsigned)(li + 1);
    *col = (unsigned)(utf8_count(f->text + start, off - start) + 1);
}

/* The 1-based line of byte offset `off` alone: a binary search over the
 * line starts, without diag_linecol's count of the line's characters up
 * to off (which, for each of a 20,000-name `drop` line's names, made the
 * origins' "file:line" quadratic in the line's length). */
unsigned diag_line(const diag_ctx *d, uint32_t file, uint32_t off)
{
    if (file >= d->nfiles)
        return 0;
    const diag_file *f = &d->files[file];
    if (off > f->len)
        off = (uint32_t)f->len;
    return (unsigned)(line_of(f, off) + 1);
}

/* Display columns of cp: a few range tables, enough for CJK text, combining
 * marks and invisible format characters. */
int diag_cpwidth(uint32_t cp)
{
    /* Zero width: combining marks and invisible format characters. */
    static const uint32_t zero[][2] = {
        {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
        {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
        {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
        {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1160, 0x11FF},
        {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064},
        {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
        {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
    };
    /* Two columns: East Asian Wide and Fullwidth. */
    static const uint32_t wide[][2] = {
        {0x1100, 0x115F}, {0x2E80, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
        {0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x20000, 0x3FFFD},
    };
    if (cp < 0x300)
        return 1;
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (cp >= zero[i][0] && cp <= zero[i][1])
            return 0;
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (cp >= wide[i][0] && cp <= wide[i][1])
            return 2;
    return 1;
}

/* One character of a shown source line: its bytes in the file, what is
 * printed for it and how many columns that takes. */
typedef struct cell {
    uint32_t off;  /* byte offset in the file */
    int len;       /* bytes in the file */
    int width;     /* display columns */
    bool replace;  /* printed as one '?' (invalid byte or control character) */
    bool tab;      /* printed as one space */
    unsigned invisible; /* not 0: an invisible character (csv_invisible: a
                           direction override, a zero-width space, a byte
                           order mark), printed \uHHHH, as the data's
                           messages show it, never raw: a U+202E in an
                           untrusted rules file would reorder the line on
                           the terminal (a "Trojan source") */
    bool hidden;   /* printed as nothing (a file's leading byte order mark) */
} cell;

/* Decodes the character of line text at off (bounded by end). */
static cell cell_at(const char *text, uint32_t off, uint32_t end)
{
    cell c = {.off = off};
    uint32_t cp;
    c.len = utf8_decode(text + off, end - off, &cp);
    unsigned inv;
    if (cp == '\t') {
        c.tab = true;
        c.width = 1;
    } else if (cp != UTF8_BAD && csv_invisible(text + off, (size_t)c.len, &inv) == (size_t)c.len) {
        /* the byte order mark that starts a file is not part of its text
         * (the lexer skips it): not shown, as an editor does not */
        c.hidden = off == 0 && inv == 0xFEFF;
        c.invisible = c.hidden ? 0 : inv;
        c.width = c.hidden ? 0 : 6; /* \uHHHH: csv_invisible's are below U+10000 */
    } else if (cp == UTF8_BAD || cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
        c.replace = true;
        c.width = 1;
    } else {
        c.width = diag_cpwidth(cp);
    }
    return c;
}

/* Prints the cells of [from, to) whose display columns lie inside
 * [wlo, whi); col is the display column where `from` starts. */
static void print_cells(FILE *out, const char *text, uint32_t from, uint32_t to,
                        long col, long wlo, long whi)
{
    uint32_t off = from;
    while (off < to && col <= whi) {
        cell c = cell_at(text, off, to);
        if (col >= wlo && col + c.width <= whi) {
            if (c.tab)
                fputc(' ', out);
            else if (c.replace)
                fputc('?', out);
            else if (c.invisible)
                fprintf(out, "\\u%04X", c.invisible);
            else if (!c.hidden)
                fwrite(text + off, 1, (size_t)c.len, out);
        }
        col += c.width;
        off += (uint32_t)c.len;
    }
}

/* Display column where the first cell at or after column target begins
 * (so a window never starts in the middle of a wide character). */
static long cell_boundary_at_or_after(const char *text, uint32_t from, uint32_t to, long target)
{
    long col = 0;
    uint32_t off = from;
    while (off < to && col < target) {
        cell c = cell_at(text, off, to);
        col += c.width;
        off += (uint32_t)c.len;
    }
    return col;
}

/* Display column where the last cell ending at or before column target
 * ends. */
static long cell_boundary_at_or_before(const char *text, uint32_t from, uint32_t to, long target)
{
    long col = 0;
    uint32_t off = from;
    while (off < to) {
        cell c = cell_at(text, off, to);
        if (col + c.width > target)
            break;
        col += c.width;
        off += (uint32_t)c.len;
    }
    return col;
}

/* Prints the source line of sp and the underline under it (diag.h). */
static void print_source(diag_ctx *d, span sp, unsigned line)
{
    const diag_file *f = &d->files[sp.file];
    size_t li = line - 1;
    uint32_t start = f->line_starts[li];
    uint32_t end = li + 1 < f->nlines ? f->line_starts[li + 1] - 1 : (uint32_t)f->len;
    if (end > start && f->text[end - 1] == '\r')
        end--;
    uint32_t lo = sp.lo < start ? start : sp.lo > end ? end : sp.lo;
    uint32_t hi = sp.hi < lo ? lo : sp.hi > end ? end : sp.hi;

    /* Display columns: where the span starts, how wide it is, and the whole
     * line's width. */
    long caret = 0, under = 0, total = 0;
    for (uint32_t off = start; off < end;) {
        cell c = cell_at(f->text, off, end);
        if (off < lo)
            caret += c.width;
        else if (off < hi)
            under += c.width;
        total += c.width;
        off += (uint32_t)c.len;
    }
    if (under < 1)
        under = 1;

    /* The window of columns shown: the whole line, or WINDOW_WIDTH columns
     * around the caret with "..." where the line is cut. */
    long wlo = 0, whi = total;
    if (total > MAX_SHOWN_WIDTH) {
        if (caret + 1 <= WINDOW_WIDTH)
            wlo = 0;
        else if (caret + WINDOW_WIDTH - WINDOW_LEAD >= total)
            wlo = total - WINDOW_WIDTH;
        else
            wlo = caret - WINDOW_LEAD;
        wlo = cell_boundary_at_or_after(f->text, start, end, wlo);
        whi = cell_boundary_at_or_before(f->text, start, end, wlo + WINDOW_WIDTH);
    }
    bool cut_left = wlo > 0, cut_right = whi < total;

    char num[24];
    int nw = snprintf(num, sizeof num, "%u", line);
    int gutter = nw > 5 ? nw : 5;
    fprintf(d->out, "%*s | ", gutter, num);
    if (cut_left)
        fputs("...", d->out);
    print_cells(d->out, f->text, start, end, 0, wlo, whi);
    if (cut_right)
        fputs("...", d->out);
    fputc('\n', d->out);

    fprintf(d->out, "%*s | ", gutter, "");
    long from = caret < wlo ? wlo : caret;
    long to = caret + under;
    if (to > whi && whi > from)
        to = whi;
    long pad = (cut_left ? 3 : 0) + (from - wlo);
    for (long i = 0; i < pad; i++)
        fputc(' ', d->out);
    fputc('^', d->out);
    for (long i = from + 1; i < to; i++)
        fputc('~', d->out);
    fputc('\n', d->out);
}

/* ------------------------------------------------------------ JSON Lines */

void diag_set_json(diag_ctx *d, bool on)
{
    diag_flush(d);
    d->json = on;
}

/* Appends n bytes to the JSON diagnostic being built. */
static void jput(diag_ctx *d, const char *s, size_t n)
{
    if (d->jlen + n + 1 > d->jcap) {
        d->jcap = (d->jlen + n + 1) * 2;
        d->jbuf = xrealloc(d->jbuf, d->jcap);
    }
    memcpy(d->jbuf + d->jlen, s, n);
    d->jlen += n;
}

static void jputs(diag_ctx *d, const char *s)
{
    jput(d, s, strlen(s));
}

/* Appends s as a JSON string: the escapes RFC 8259 requires, and U+FFFD
 * for each ill-formed UTF-8 byte (a message may quote bytes of a file that
 * is not UTF-8), so that every line is valid JSON. */
static void jstr(diag_ctx *d, const char *s)
{
    size_t n = strlen(s);
    jputs(d, "\"");
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        char esc[8];
        if (cp == UTF8_BAD)
            jputs(d, "\xEF\xBF\xBD");
        else if (c == '"' || c == '\\')
            jput(d, c == '"' ? "\\\"" : "\\\\", 2);
        else if (c < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            jputs(d, esc);
        } else
            jput(d, s + i, (size_t)len);
        i += (size_t)len;
    }
    jputs(d, "\"");
}

/* Appends the message formatted from fmt as a JSON string. */
static void jmessage(diag_ctx *d, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    if (n >= 0)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    else
        msg[0] = '\0';
    va_end(again);
    jstr(d, msg);
    free(msg);
}

/* Appends one diagnostic's members: "level", "message", a warning's
 * "name" (w, -1 for none) and, when sp is in a file and `located`, "file"
 * and the positions (diag.h). */
static void jmembers(diag_ctx *d, span sp, bool located, const char *level, int w,
                     const char *fmt, va_list ap)
{
    jputs(d, "{\"level\": ");
    jstr(d, level);
    jputs(d, ", \"message\": ");
    jmessage(d, fmt, ap);
    if (w >= 0) { /* a warning's name (warnings.h) */
        jputs(d, ", \"name\": ");
        jstr(d, warn_name((warn_id)w));
    }
    if (located && sp.file < d->nfiles) {
        const diag_file *f = &d->files[sp.file];
        uint32_t lo = sp.lo > f->len ? (uint32_t)f->len : sp.lo;
        uint32_t hi = sp.hi < lo ? lo : sp.hi > f->len ? (uint32_t)f->len : sp.hi;
        unsigned line, col, eline, ecol;
        diag_linecol(d, sp.file, lo, &line, &col);
        diag_linecol(d, sp.file, hi, &eline, &ecol);
        char pos[96];
        jputs(d, ", \"file\": ");
        jstr(d, f->name);
        snprintf(pos, sizeof pos, ", \"line\": %u, \"column\": %u, \"end_line\": %u, \"end_column\": %u",
                 line, col, eline, ecol);
        jputs(d, pos);
    }
}

void diag_flush(diag_ctx *d)
{
    if (d->jlen == 0)
        return;
    jputs(d, "]}\n");
    fwrite(d->jbuf, 1, d->jlen, d->out);
    fflush(d->out);
    d->jlen = 0;
}

/* Starts a JSON diagnostic (after writing the one before): its members,
 * then the "notes" array its notes go into. */
static void jtop(diag_ctx *d, span sp, bool located, const char *level, int w, const char *fmt, va_list ap)
{
    diag_flush(d);
    jmembers(d, sp, located, level, w, fmt, ap);
    jputs(d, ", \"notes\": [");
}

/* A note of the JSON diagnostic being built, or one of its own when there
 * is none. */
static void jnote(diag_ctx *d, span sp, bool located, const char *fmt, va_list ap)
{
    if (d->jlen == 0) {
        jtop(d, sp, located, "note", -1, fmt, ap);
        return;
    }
    if (d->jbuf[d->jlen - 1] != '[')
        jputs(d, ", ");
    jmembers(d, sp, located, "note", -1, fmt, ap);
    jputs(d, "}");
}

/* jtop with the arguments given directly. */
static void jtopf(diag_ctx *d, const char *level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void jtopf(diag_ctx *d, const char *level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jtop(d, (span){0}, false, level, -1, fmt, ap);
    va_end(ap);
}

/* A diagnostic held by diag_hold: its text (its notes included) and its
 * place; seq is the order it was reported in (the sort is stable). */
typedef struct diag_held {
    span key;
    size_t seq;
    char *text;
    size_t len;
} diag_held;

/* Ends the held diagnostic being written, keeping its text when it has
 * any (one not printed — turned off, repeated — has none). */
static void held_close(diag_ctx *d)
{
    if (!d->hmem)
        return;
    diag_flush(d); /* a JSON diagnostic awaiting notes is its */
    fclose(d->hmem);
    d->hmem = NULL;
    d->out = d->held_to;
    if (d->hlen == 0) {
        free(d->hbuf);
        return;
    }
    if (d->nheld == d->capheld) {
        d->capheld = d->capheld ? d->capheld * 2 : 16;
        d->held = xrealloc(d->held, d->capheld * sizeof *d->held);
    }
    d->held[d->nheld] = (diag_held){d->hkey, d->nheld, d->hbuf, d->hlen};
    d->nheld++;
}

/* While holding, starts a new held diagnostic at sp (one with no place
 * takes the place of the one before it); its text and notes go to
 * memory until the next.  When the memory stream fails, it is printed
 * at once. */
static void held_next(diag_ctx *d, span sp)
{
    if (!d->hold)
        return;
    held_close(d);
    if (sp.file < d->nfiles || sp.file == UINT32_MAX)
        d->hkey = sp;
    d->hbuf = NULL;
    d->hlen = 0;
    d->hmem = open_memstream(&d->hbuf, &d->hlen);
    if (d->hmem)
        d->out = d->hmem;
}

void diag_hold(diag_ctx *d)
{
    if (d->hold++ > 0)
        return;
    diag_flush(d);
    d->held_to = d->out;
    d->hkey = (span){0, 0, 0};
}

/* Orders held diagnostics by file, offset, then the order reported. */
static int held_cmp(const void *x, const void *y)
{
    const diag_held *a = x, *b = y;
    if (a->key.file != b->key.file)
        return a->key.file < b->key.file ? -1 : 1;
    if (a->key.lo != b->key.lo)
        return a->key.lo < b->key.lo ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_release(diag_ctx *d)
{
    if (d->hold == 0 || --d->hold > 0)
        return;
    held_close(d);
    if (d->nheld)
        qsort(d->held, d->nheld, sizeof *d->held, held_cmp);
    for (size_t i = 0; i < d->nheld; i++) {
        fwrite(d->held[i].text, 1, d->held[i].len, d->out);
        free(d->held[i].text);
    }
    fflush(d->out);
    free(d->held);
    d->held = NULL;
    d->nheld = d->capheld = 0;
}

/* The text's word for level ("error", "warning", "note") with its colon,
 * in the context's language (labels.h). */
static const char *level_word(const diag_ctx *d, const char *level)
{
    lbl_id id = strcmp(level, "error") == 0 ? LBL_G_ERROR : strcmp(level, "warning") == 0 ? LBL_G_WARNING
                                                                                           : LBL_G_NOTE;
    return lbl_get(d->lang, id);
}

/* The line that says a limit was reached ("too many errors; only the
 * first 100 are shown"), of `what` ("errors", "warnings"): "planc: LEVEL:
 * ..." in the text, a note of its own in JSON. */
static void limit_line(diag_ctx *d, const char *level)
{
    /* one format per limit, so that the catalog has each sentence whole */
    const char *fmt = strcmp(level, "error") == 0 ? "too many errors; only the first %d are shown"
                                                  : "too many warnings; only the first %d are shown";
    held_next(d, (span){UINT32_MAX, UINT32_MAX, UINT32_MAX}); /* held: after the ones shown */
    if (d->json) {
        jtopf(d, "note", fmt, d->max_errors);
    } else {
        fprintf(d->out, "planc: %s", level_word(d, level));
        fprintf(d->out, msgcat_get(d->lang, fmt), d->max_errors);
        fputc('\n', d->out);
    }
}

/* True when the error limit has been passed: nothing more is printed. */
static bool silenced(const diag_ctx *d)
{
    return d->max_errors > 0 && d->nerrors > d->max_errors;
}

/* Counts an error; returns true if it is to be printed.  The first error
 * over the limit prints the one "too many errors" line instead. */
static bool count_error(diag_ctx *d)
{
    d->nerrors++;
    d->hushed = false;
    if (d->max_errors > 0 && d->nerrors == d->max_errors + 1) {
        limit_line(d, "error");
        return false;
    }
    return !silenced(d);
}

/* Prints "file:line:col: level: message", a warning's name w (" [-WNAME]",
 * -1 for none), the line and the underline. */
static void emit_to(diag_ctx *d, span sp, const char *level, int w, const char *fmt, va_list ap)
{
    fmt = msgcat_get(d->lang, fmt);
    if (sp.file >= d->nfiles) {
        fprintf(d->out, "planc: %s", level_word(d, level));
        csv_vmessage(d->out, fmt, ap);
        if (w >= 0)
            fprintf(d->out, " [-W%s]", warn_name((warn_id)w));
        fputc('\n', d->out);
        return;
    }
    unsigned line, col;
    diag_linecol(d, sp.file, sp.lo, &line, &col);
    /* the file's name escaped as every message escapes a name: one
     * holding a line break wrote 'a' on a line of its own, as if a
     * message had ended there */
    csv_message(d->out, "%s:%u:%u: %s", d->files[sp.file].name, line, col, level_word(d, level));
    csv_vmessage(d->out, fmt, ap);
    if (w >= 0)
        fprintf(d->out, " [-W%s]", warn_name((warn_id)w));
    fputc('\n', d->out);
    print_source(d, sp, line);
}

/* emit_to, with the diagnostic formatted in memory and written to d->out
 * at once: stderr is unbuffered, and a diagnostic printed piece by piece
 * (the underline a character at a time) cost a hundred write calls, so a
 * rules file with ten thousand warnings spent seconds in the kernel.  When
 * the memory stream fails it is printed directly, as before. */
static void emit(diag_ctx *d, span sp, const char *level, int w, const char *fmt, va_list ap)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = d->out;
    FILE *m = open_memstream(&buf, &len);
    if (!m) {
        emit_to(d, sp, level, w, fmt, ap);
        return;
    }
    va_list again;
    va_copy(again, ap);
    d->out = m;
    emit_to(d, sp, level, w, fmt, ap);
    d->out = out;
    if (fclose(m) == 0)
        fwrite(buf, 1, len, out);
    else
        emit_to(d, sp, level, w, fmt, again);
    va_end(again);
    free(buf);
}

/* FNV-1a of the key s, the diag_seen slot to start looking at. */
static size_t seen_hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

/* Puts key k (malloc'd, now the set's) in a free slot of s, which has one. */
static void seen_put(diag_seen *s, char *k)
{
    size_t i = seen_hash(k) & (s->cap - 1);
    while (s->keys[i])
        i = (i + 1) & (s->cap - 1);
    s->keys[i] = k;
    s->n++;
}

void diag_seen_free(diag_seen *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->keys[i]);
    free(s->keys);
    memset(s, 0, sizeof *s);
}

/* Whether a diagnostic of `level` at sp with the message fmt, ap was
 * printed before by a context sharing d->seen (diag_seen); when not, it
 * is remembered, to be printed now.  Without a shared set, never. */
static bool repeated(diag_ctx *d, const char *level, span sp, const char *fmt, va_list ap)
{
    diag_seen *s = d->seen;
    if (!s)
        return false;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, again);
    va_end(again);
    const char *name = sp.file < d->nfiles ? d->files[sp.file].name : "";
    char head[48];
    int h = snprintf(head, sizeof head, "%s %u %u ", level, sp.lo, sp.hi);
    size_t nlen = strlen(name), len = (size_t)h + nlen + 1 + (n > 0 ? (size_t)n : 0);
    char *k = xmalloc(len + 1);
    memcpy(k, head, (size_t)h);
    memcpy(k + h, name, nlen);
    k[h + nlen] = '\n';
    k[h + nlen + 1] = '\0';
    if (n > 0) {
        va_copy(again, ap);
        vsnprintf(k + h + nlen + 1, (size_t)n + 1, fmt, again);
        va_end(again);
    }
    if (s->cap) {
        for (size_t i = seen_hash(k) & (s->cap - 1); s->keys[i]; i = (i + 1) & (s->cap - 1))
            if (strcmp(s->keys[i], k) == 0) {
                free(k);
                return true;
            }
    }
    if (2 * (s->n + 1) > s->cap) { /* at most half full: rehash into twice the slots */
        diag_seen old = *s;
        s->cap = old.cap ? old.cap * 2 : 64;
        s->keys = xmalloc(s->cap * sizeof *s->keys);
        memset(s->keys, 0, s->cap * sizeof *s->keys);
        s->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i])
                seen_put(s, old.keys[i]);
        free(old.keys);
    }
    seen_put(s, k);
    return false;
}

/* An error at sp: counted, and printed unless over the limit or printed
 * before by a context sharing d->seen (its notes then neither). */
void diag_error(diag_ctx *d, span sp, const char *fmt, ...)
{
    held_next(d, sp);
    if (sp.file < d->nfiles && d->files[sp.file].cmdline)
        d->ncmdline_errors++;
    if (!count_error(d))
        return;
    va_list ap;
    va_start(ap, fmt);
    if (repeated(d, "error", sp, fmt, ap))
        d->hushed = true;
    else if (d->json)
        jtop(d, sp, true, "error", -1, fmt, ap);
    else
        emit(d, sp, "error", -1, fmt, ap);
    va_end(ap);
}

/* A warning of kind w at sp: counted apart from errors, and printed up to
 * the same limit (a rules file can draw a warning per region it lists, and
 * each prints its source line), its name after it; one turned off
 * (-Wno-NAME) is neither printed nor counted, nor are its notes; one
 * printed before by a context sharing d->seen is neither printed nor
 * counted among the fatal ones (nfatal). */
/* Whether an `allow` of the rules accepts warning w at sp, marking every
 * one that does as used.  Checked before the command line's choices: an
 * `allow` speaks of one place, -WNAME of the whole run, and the place
 * wins (docs/LANGUAGE.md §12); nor does an allowed place count as unused
 * under -Wno-NAME. */
static bool allowed(diag_ctx *d, warn_id w, span sp)
{
    bool yes = false;
    for (size_t i = 0; i < d->nallows; i++) {
        diag_allow *al = &d->allows[i];
        if (al->scoped && al->w == w && al->scope.file == sp.file && sp.lo >= al->scope.lo &&
            sp.hi <= al->scope.hi) {
            al->used = true;
            yes = true;
        }
    }
    return yes;
}

void diag_allow_add(diag_ctx *d, warn_id w, span name, uint32_t at, const char *reason)
{
    if (d->nallows == d->capallows) {
        d->capallows = d->capallows ? d->capallows * 2 : 8;
        d->allows = xrealloc(d->allows, d->capallows * sizeof *d->allows);
    }
    d->allows[d->nallows++] = (diag_allow){.w = w, .name = name, .at = at, .reason = reason};
}

void diag_allow_scope(diag_ctx *d, span within, span scope)
{
    /* the names inside `within` are the last ones added: read back to the
     * first one before it */
    for (size_t i = d->nallows; i-- > 0;) {
        diag_allow *al = &d->allows[i];
        if (al->name.file != within.file || al->name.lo < within.lo)
            break;
        if (!al->scoped && al->name.hi <= within.hi) {
            al->scope = scope;
            al->scoped = true;
        }
    }
}

void diag_allow_drop(diag_ctx *d, span within)
{
    size_t k = 0;
    for (size_t i = 0; i < d->nallows; i++) {
        const diag_allow *al = &d->allows[i];
        if (!al->scoped && al->name.file == within.file && al->name.lo >= within.lo && al->name.hi <= within.hi)
            continue;
        d->allows[k++] = *al;
    }
    d->nallows = k;
}

void diag_allow_unused(diag_ctx *d)
{
    /* unused-allow's own `allow`s last, after the others have had the
     * chance to be accepted by them */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < d->nallows; i++) {
            diag_allow *al = &d->allows[i];
            if (al->used || !al->scoped || (al->w == WARN_UNUSED_ALLOW) != (pass == 1) ||
                al->name.file >= d->nfiles || d->files[al->name.file].imported)
                continue;
            al->used = true; /* said once */
            diag_warning(d, WARN_UNUSED_ALLOW, al->name, "'allow %s' accepts no warning here",
                         warn_name(al->w));
            diag_hint(d, "remove the name from the 'allow' if what it was written for is fixed");
        }
}

void diag_warning(diag_ctx *d, warn_id w, span sp, const char *fmt, ...)
{
    held_next(d, sp);
    if (allowed(d, w, sp)) {
        d->hushed = true;
        return;
    }
    if (!warn_enabled(w)) {
        d->hushed = true;
        return;
    }
    d->nwarnings++;
    d->nfatal += warn_fatal(w);
    d->hushed = d->no_warnings || silenced(d) || (d->max_errors > 0 && d->nwarnings > d->max_errors);
    if (d->no_warnings)
        return;
    if (d->max_errors > 0 && d->nwarnings == d->max_errors + 1 && !silenced(d))
        limit_line(d, "warning");
    if (d->hushed)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (repeated(d, "warning", sp, fmt, ap)) {
        /* the same warning of a file two compilations read: one warning,
         * so the --warnings-as-errors count says the warnings printed */
        d->nfatal -= warn_fatal(w);
        d->hushed = true;
    } else if (d->json)
        jtop(d, sp, true, "warning", (int)w, fmt, ap);
    else
        emit(d, sp, "warning", (int)w, fmt, ap);
    va_end(ap);
}

/* A note at sp, belonging to the diagnostic just printed. */
void diag_note(diag_ctx *d, span sp, const char *fmt, ...)
{
    if (silenced(d) || d->hushed)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (d->json)
        jnote(d, sp, true, fmt, ap);
    else
        emit(d, sp, "note", -1, fmt, ap);
    va_end(ap);
}

/* A note with no location: "note: did you mean ...?". */
void diag_hint(diag_ctx *d, const char *fmt, ...)
{
    if (silenced(d) || d->hushed)
        return;
    va_list ap;
    va_start(ap, fmt);
    if (d->json) {
        jnote(d, (span){0}, false, fmt, ap);
    } else {
        fputs(level_word(d, "note"), d->out);
        csv_vmessage(d->out, msgcat_get(d->lang, fmt), ap);
        fputc('\n', d->out);
    }
    va_end(ap);
}

/* An error with no location: "planc: error: ...". */
void diag_plain_error(diag_ctx *d, const char *fmt, ...)
{
    held_next(d, (span){UINT32_MAX - 1, 0, 0}); /* (no place: after the one before it) */
    if (!count_error(d))
        return;
    va_list ap;
    va_start(ap, fmt);
    if (repeated(d, "error", (span){UINT32_MAX, 0, 0}, fmt, ap)) {
        d->hushed = true;
    } else if (d->json) {
        jtop(d, (span){0}, false, "error", -1, fmt, ap);
    } else {
        fprintf(d->out, "planc: %s", level_word(d, "error"));
        csv_vmessage(d->out, msgcat_get(d->lang, fmt), ap);
        fputc('\n', d->out);
    }
    va_end(ap);
}

/* Errors reported so far, including those not shown. */
int diag_errors(const diag_ctx *d)
{
    return d->nerrors;
}

/* Decodes s into a malloc'd array of code points; stores the count in *n.
 * Stops (returning what it has) after max + 1 code points. */
static uint32_t *codepoints(const char *s, size_t max, size_t *n)
{
    size_t len = strlen(s), k = 0;
    size_t cap = len < max + 1 ? len : max + 1;
    uint32_t *v = xmalloc((cap ? cap : 1) * sizeof *v);
    for (size_t i = 0; i < len && k < cap;) {
        uint32_t cp;
        int step = utf8_decode(s + i, len - i, &cp);
        v[k++] = cp == UTF8_BAD ? 0xFFFD : cp;
        i += (size_t)step;
    }
    *n = k;
    return v;
}

/* How many bytes from t[i] (i < hi) a comment takes (# or // to the
 * line's end, a block comment to its close), or a string ("...", with its escapes, or
 * “...”), as the lexer reads them; 0 for anything else.  `comment` says
 * which it was. */
static size_t skip_piece(const char *t, uint32_t i, uint32_t hi, bool *comment)
{
    uint32_t j = i;
    *comment = true;
    if (t[i] == '#' || (t[i] == '/' && i + 1 < hi && t[i + 1] == '/')) {
        while (j < hi && t[j] != '\n' && t[j] != '\r')
            j++;
        return j - i;
    }
    if (t[i] == '/' && i + 1 < hi && t[i + 1] == '*') {
        for (j = i + 2; j < hi && !(t[j] == '*' && j + 1 < hi && t[j + 1] == '/'); j++)
            ;
        return (j < hi ? j + 2 : hi) - i;
    }
    *comment = false;
    if (t[i] == '"') {
        for (j = i + 1; j < hi && t[j] != '"' && t[j] != '\n' && t[j] != '\r'; j++)
            if (t[j] == '\\' && j + 1 < hi)
                j++;
        return (j < hi && t[j] == '"' ? j + 1 : j) - i;
    }
    if (hi - i >= 3 && memcmp(t + i, "\xE2\x80\x9C", 3) == 0) {
        for (j = i + 3; j < hi && !(hi - j >= 3 && memcmp(t + j, "\xE2\x80\x9D", 3) == 0); j++)
            ;
        return (j < hi ? j + 3 : hi) - i;
    }
    return 0;
}

/* (diag.h) The source text of sp on one line, without its comments. */
bool diag_span_text(const diag_ctx *d, span sp, char *buf, size_t size)
{
    if (size == 0)
        return false;
    buf[0] = '\0';
    if (sp.file >= d->nfiles || sp.lo > sp.hi || sp.hi > d->files[sp.file].len)
        return false;
    const char *t = d->files[sp.file].text;
    size_t n = 0;
    for (uint32_t i = sp.lo; i < sp.hi;) {
        bool comment;
        size_t piece = skip_piece(t, i, sp.hi, &comment);
        bool space = comment || t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
        size_t len = comment ? 0 : piece ? piece : 1;
        if (space && (n == 0 || buf[n - 1] == ' ')) {
            i += piece ? (uint32_t)piece : 1;
            continue;
        }
        if (n + (space ? 1 : len) >= size) {
            buf[0] = '\0';
            return false;
        }
        if (space)
            buf[n++] = ' ';
        else {
            memcpy(buf + n, t + i, len);
            n += len;
        }
        i += piece ? (uint32_t)piece : 1;
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    return true;
}

/* Levenshtein distance between a and b counted in code points. */
int diag_editdist(const char *a, const char *b)
{
    size_t n, m;
    uint32_t *x = codepoints(a, MAX_EDIT_LEN, &n);
    uint32_t *y = codepoints(b, MAX_EDIT_LEN, &m);
    int result;
    if (n > MAX_EDIT_LEN || m > MAX_EDIT_LEN) {
        /* Too long to be a typo of a name: an upper bound is enough. */
        result = (int)(n > m ? n : m);
    } else {
        /* Two rows of the classic dynamic programme. */
        int *prev = xmalloc((m + 1) * sizeof *prev);
        int *cur = xmalloc((m + 1) * sizeof *cur);
        for (size_t j = 0; j <= m; j++)
            prev[j] = (int)j;
        for (size_t i = 1; i <= n; i++) {
            cur[0] = (int)i;
            for (size_t j = 1; j <= m; j++) {
                int sub = prev[j - 1] + (x[i - 1] != y[j - 1]);
                int del = prev[j] + 1, ins = cur[j - 1] + 1;
                int best = sub < del ? sub : del;
                cur[j] = best < ins ? best : ins;
            }
            int *t = prev;
            prev = cur;
            cur = t;
        }
        result = prev[m];
        free(prev);
        free(cur);
    }
    free(x);
    free(y);
    return result;
}

/* Whether a and b are equal but for the case of ASCII letters. */
static bool same_but_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x != y && !(x < 0x80 && y < 0x80 && (x | 0x20) == (y | 0x20) && (x | 0x20) >= 'a' && (x | 0x20) <= 'z'))
            return false;
    }
    return *a == *b;
}

/* Number of code points in a UTF-8 string. */
static int cp_count(const char *s)
{
    return (int)utf8_count(s, strlen(s));
}

/* Orders two names by their bytes (for qsort). */
static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* diag_nearest, and diag_nearest_spelt when `shortened` is false (no
 * search for names that hold `want` or that it abbreviates). */
static int nearest(const char *want, const char *const *names, const uint32_t *owner, size_t n, int floor,
                   const char *pick[3], bool shortened)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(want, names[i]) != 0 && same_but_case(want, names[i])) {
            pick[0] = names[i];
            return 1;
        }
    int bestd = -1;
    int *dist = xmalloc((n ? n : 1) * sizeof *dist);
    int lw = cp_count(want), limit = lw / 3 > floor ? lw / 3 : floor;
    for (size_t i = 0; i < n; i++) {
        /* lengths further apart than the limit cannot be near: spares
         * the distance (a file of 20,000 imports, a header of 100,000
         * fields) */
        int lc = cp_count(names[i]);
        dist[i] = lc - lw > limit || lw - lc > limit ? INT_MAX : diag_editdist(want, names[i]);
        if (bestd < 0 || dist[i] < bestd)
            bestd = dist[i];
    }
    int got = 0, nlead = 0;
    const char *lead = NULL;
    uint32_t lead_owner = 0, seen[4];
    size_t lsz = strlen(want);
    for (size_t i = 0; bestd >= 0 && bestd <= limit && i < n; i++) {
        if (dist[i] != bestd)
            continue;
        int lc = cp_count(names[i]);
        if (bestd >= (lw > lc ? lw : lc))
            continue; /* every character replaced: no likeness */
        uint32_t o = owner ? owner[i] : (uint32_t)i;
        size_t lb = strlen(names[i]);
        if (memcmp(want, names[i], lsz < lb ? lsz : lb) == 0) {
            if (!lead) {
                lead = names[i];
                lead_owner = o;
                nlead = 1;
            } else if (o != lead_owner)
                nlead = 2;
        }
        bool dup = false;
        for (int k = 0; k < got && k < 4; k++)
            dup |= seen[k] == o;
        if (dup || got > 3)
            continue;
        if (got < 3)
            pick[got] = names[i];
        seen[got++] = o;
    }
    free(dist);
    if (got == 0 && !shortened)
        return 0;
    if (got == 0 && lw >= 2) {
        /* none near: the names that hold it whole (无废城市 in
         * 省级无废城市建设), up to three items */
        for (size_t i = 0; i < n; i++) {
            if (strcmp(want, names[i]) == 0 || !strstr(names[i], want))
                continue;
            uint32_t o = owner ? owner[i] : (uint32_t)i;
            bool dup = false;
            for (int k = 0; k < got && k < 4; k++)
                dup |= seen[k] == o;
            if (dup)
                continue;
            if (got < 3)
                pick[got] = names[i];
            if (got < 4)
                seen[got] = o;
            got++;
        }
        if (got > 3)
            return 0;
        if (got > 0) {
            qsort(pick, (size_t)got, sizeof *pick, cmp_name);
            return got;
        }
    }
    if (got == 0) {
        /* none holds it: a name written short (连云 for 连云港) */
        diag_abbrev ab = {0};
        for (size_t i = 0; i < n; i++)
            diag_abbrev_add(&ab, want, names[i], owner ? owner[i] : (uint32_t)i);
        pick[0] = diag_abbrev_pick(&ab);
        return pick[0] != NULL;
    }
    if (got > 1 && nlead == 1) {
        pick[0] = lead;
        return 1;
    }
    if (got > 3)
        return 0;
    qsort(pick, (size_t)got, sizeof *pick, cmp_name);
    return got;
}

int diag_nearest(const char *want, const char *const *names, const uint32_t *owner, size_t n, int floor,
                 const char *pick[3])
{
    return nearest(want, names, owner, n, floor, pick, true);
}

int diag_nearest_spelt(const char *want, const char *const *names, const uint32_t *owner, size_t n, int floor,
                       const char *pick[3])
{
    return nearest(want, names, owner, n, floor, pick, false);
}

void diag_hint_nearest(diag_ctx *d, const char *want, const char *const *names, const uint32_t *owner, size_t n,
                       int floor)
{
    const char *pick[3];
    switch (diag_nearest(want, names, owner, n, floor, pick)) {
    case 1: diag_hint(d, "did you mean '%s'?", pick[0]); break;
    case 2: diag_hint(d, "did you mean '%s' or '%s'?", pick[0], pick[1]); break;
    case 3: diag_hint(d, "did you mean '%s', '%s' or '%s'?", pick[0], pick[1], pick[2]); break;
    default: break;
    }
}

/* The bytes of the UTF-8 sequence at s (1 for a stray byte). */
static size_t cp_bytes(const char *s)
{
    uint32_t cp;
    int k = utf8_decode(s, strlen(s), &cp);
    return k > 0 ? (size_t)k : 1;
}

/* Whether the characters of `want` all occur in `cand` in order. */
static bool is_subsequence(const char *want, const char *cand)
{
    while (*want) {
        size_t k = cp_bytes(want);
        for (;;) {
            if (!*cand)
                return false;
            size_t c = cp_bytes(cand);
            bool same = c == k && memcmp(cand, want, k) == 0;
            cand += c;
            if (same)
                break;
        }
        want += k;
    }
    return true;
}

void diag_abbrev_add(diag_abbrev *a, const char *want, const char *cand, uint32_t owner)
{
    size_t lw = strlen(want), lc = strlen(cand);
    if (lw >= lc || cp_count(want) < 2 || !is_subsequence(want, cand))
        return;
    bool how[3] = {true, memcmp(cand, want, lw) == 0, memcmp(cand + lc - lw, want, lw) == 0};
    for (int k = 0; k < 3; k++) {
        if (!how[k] || (a->count[k] && a->owner[k] == owner))
            continue;
        if (!a->count[k]++) {
            a->name[k] = cand;
            a->owner[k] = owner;
        }
    }
}

const char *diag_abbrev_pick(const diag_abbrev *a)
{
    if (a->count[0] == 1)
        return a->name[0];
    if (a->count[1] == 1 && (a->count[2] != 1 || a->owner[2] == a->owner[1]))
        return a->name[1];
    if (a->count[2] == 1 && a->count[1] == 0)
        return a->name[2];
    return NULL;
}

void diag_internalv(FILE *err, const char *who, const char *fmt, va_list ap)
{
    fprintf(err, msgcat_tr("planc: internal error: %s: "), who);
    vfprintf(err, msgcat_tr(fmt), ap);
    fputc('\n', err);
}

const char *diag_internal_detail(const char *text, const char *who)
{
    for (int l = 0; l < LBL_NLANGS; l++) {
        char prefix[128];
        int n = snprintf(prefix, sizeof prefix, msgcat_get((lbl_lang)l, "planc: internal error: %s: "), who);
        if (n > 0 && (size_t)n < sizeof prefix && strncmp(text, prefix, (size_t)n) == 0)
            return text + n;
    }
    return text;
}

void diag_internal(FILE *err, const char *who, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_internalv(err, who, fmt, ap);
    va_end(ap);
}
