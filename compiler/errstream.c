/* errstream.c — standard error read line by line: JSON Lines, warnings
 * left out, warnings counted (see errstream.h). */
#define _GNU_SOURCE /* fopencookie */
#include "errstream.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "fileio.h"
#include "utf8.h"
#include "warnings.h"
#include "xlsx_read.h"

/* A growing byte buffer. */
typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

/* What a line of standard error is (classify). */
typedef enum kind { K_ERROR, K_WARNING, K_NOTE, K_USAGE, K_MORE, K_OTHER } kind;

/* The one stream's state: stderr is one per process. */
static struct {
    bool on;
    bool json, no_warnings;
    lbl_lang lang;
    FILE *real;       /* what stderr was */
    FILE *file;       /* the stream in its place */
    int real_fd;      /* real's descriptor, for on_signal */
    buf line;         /* the line being written, without its newline */
    buf obj;          /* json: the object awaiting its notes, without "]}" */
    bool pending;     /* a diagnostic is open: its notes and indented
                         lines belong to it (obj holds it under json) */
    bool usage;       /* it is a usage error ("planc: MESSAGE") */
    bool dropping;    /* it is a warning left out (no_warnings) */
    unsigned warnings;
    unsigned fatal;   /* of them, those that fail the command (warn_fatal) */
} es;

/* Whether es is being changed (a line read, the stream finished): the
 * signal handler's last words leave it alone then. */
static volatile sig_atomic_t es_busy;

/* Appends n bytes to b; out of memory is the driver's exit 4. */
static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            fputs(es.json ? "{\"level\": \"error\", \"message\": \"out of memory\", \"notes\": []}\n"
                          : "planc: error: out of memory\n",
                  es.real ? es.real : stderr);
            _Exit(4);
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Appends s[0..n) as a JSON string: the escapes RFC 8259 requires and
 * U+FFFD for a byte of no valid UTF-8 character, as diag.c writes them. */
static void jstr(buf *b, const char *s, size_t n)
{
    puts_(b, "\"");
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (cp == UTF8_BAD) {
            puts_(b, "\xEF\xBF\xBD");
        } else if (c == '"' || c == '\\') {
            put(b, c == '"' ? "\\\"" : "\\\\", 2);
        } else if (c < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", c);
            puts_(b, esc);
        } else {
            put(b, s + i, (size_t)len);
        }
        i += (size_t)(len > 0 ? len : 1);
    }
    puts_(b, "\"");
}

/* Writes the pending JSON object, closed. */
static void finish_object(void)
{
    if (es.json && es.pending && es.obj.len) {
        puts_(&es.obj, "]}\n");
        fwrite(es.obj.p, 1, es.obj.len, es.real);
        fflush(es.real);
    }
    es.obj.len = 0;
    es.pending = es.usage = es.dropping = false;
}

/* The level word of level k in language `lang` ("error: "). */
static const char *word(lbl_lang lang, kind k)
{
    return lbl_get(lang, k == K_ERROR ? LBL_G_ERROR : k == K_WARNING ? LBL_G_WARNING : LBL_G_NOTE);
}

static unsigned long trailing_number(const char *s, size_t *n);

/* The value of hex digit c, or -1. */
static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Name s[0..n) as a message shows it (csv_escape: a line break as \n,
 * a control byte or one of no UTF-8 as \xHH, an invisible character as
 * \uHHHH), those escapes undone into out (room for n + 1 bytes: no
 * escape is shorter than what it stands for); false when it holds none. */
static bool unescape_name(const char *s, size_t n, char *out)
{
    bool any = false;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && (s[i + 1] == 'n' || s[i + 1] == 'r' || s[i + 1] == 't')) {
            out[o++] = s[i + 1] == 'n' ? '\n' : s[i + 1] == 'r' ? '\r' : '\t';
            i++;
            any = true;
        } else if (s[i] == '\\' && i + 3 < n && s[i + 1] == 'x' && hexval(s[i + 2]) >= 0 && hexval(s[i + 3]) >= 0) {
            out[o++] = (char)(hexval(s[i + 2]) * 16 + hexval(s[i + 3]));
            i += 3;
            any = true;
        } else if (s[i] == '\\' && i + 5 < n && s[i + 1] == 'u' && hexval(s[i + 2]) >= 0 && hexval(s[i + 3]) >= 0 &&
                   hexval(s[i + 4]) >= 0 && hexval(s[i + 5]) >= 0) {
            unsigned cp = (unsigned)(((hexval(s[i + 2]) * 16 + hexval(s[i + 3])) * 16 + hexval(s[i + 4])) * 16 +
                                     hexval(s[i + 5]));
            if (cp < 0x80) {
                out[o++] = (char)cp;
            } else if (cp < 0x800) {
                out[o++] = (char)(0xC0 | cp >> 6);
                out[o++] = (char)(0x80 | (cp & 0x3F));
            } else {
                out[o++] = (char)(0xE0 | cp >> 12);
                out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (char)(0x80 | (cp & 0x3F));
            }
            i += 5;
            any = true;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return any;
}

/* Which file location s[0..n), without a ":LINE" or ":LINE:COL" it ends
 * in, names: 0 none there is, 1 the name as written, 2 the name its
 * escapes stand for (a data file named with a line break or a byte of no
 * UTF-8, which messages show escaped), 3 a workbook's sheet read
 * ("FILE#SHEET", xlsxr_sheet_named: its name may hold a ':' or a line
 * break), followed by nothing or ":LINE" (a data message's; *end is where
 * the name ends in s); that name into path (4096 bytes) and its length
 * into *len.  A data file named "x: error: y.csv" holds what looks like a
 * level word; its messages' level is the one after it. */
static int names_file(const char *s, size_t n, char path[4096], size_t *len, size_t *end)
{
    size_t sheet = xlsxr_sheet_named(s, n, path, 4096);
    if (sheet) {
        size_t rest = n;
        if (sheet == n || (trailing_number(s, &rest) && rest == sheet)) {
            *len = strlen(path);
            *end = sheet;
            return 3;
        }
    }
    size_t fn = n;
    if (trailing_number(s, &fn))
        trailing_number(s, &fn);
    if (fn == 0 || fn >= 4096)
        return 0;
    struct stat st;
    memcpy(path, s, fn);
    path[fn] = '\0';
    *len = fn;
    if (stat(path, &st) == 0)
        return 1;
    if (!unescape_name(s, fn, path) || stat(path, &st) != 0)
        return 0;
    *len = strlen(path);
    return 2;
}

/* Reads line s[0..n): its kind and, for a diagnostic, where its location
 * ends (*loc, 0 for none) and its message starts (*msg); *of_file when
 * the location names a file there is.  The location is what stands
 * before the first ": LEVEL: " that follows a file's name (names_file),
 * else before the first (a file's name may hold spaces and colons:
 * "rules.plan:51 (test data):2"; one that ends in ":DIGITS" is taken for
 * a name and a line).  A file's name is looked for first: a data file
 * named " x.csv", "warning: x.csv" or "{x.csv" starts its messages' lines
 * as a continuation, a level word or diag.c's JSON would; otherwise a
 * line that starts with a blank goes on the diagnostic before it, and
 * one that starts with a level word is a diagnostic without a location.
 * The level words are the messages' language's and English (a message
 * the catalog lacks stays English in a Chinese run). */
static kind classify(const char *s, size_t n, size_t *loc, size_t *msg, bool *of_file)
{
    *loc = *msg = 0;
    *of_file = false;
    static const kind levels[] = {K_ERROR, K_WARNING, K_NOTE};
    const lbl_lang langs[] = {es.lang, LBL_EN};
    size_t nlangs = es.lang == LBL_EN ? 1 : 2;
    /* each ": LEVEL: " in order: the first whose location names a file
     * there is (or is planc's own) ends it; else the first */
    size_t first = SIZE_MAX, first_msg = 0;
    kind first_k = K_OTHER;
    for (size_t i = 0; i + 2 < n; i++) {
        if (s[i] != ':' || s[i + 1] != ' ')
            continue;
        for (size_t g = 0; g < nlangs; g++)
            for (size_t l = 0; l < 3; l++) {
                const char *w = word(langs[g], levels[l]);
                size_t wl = strlen(w);
                if (i + 2 + wl > n || memcmp(s + i + 2, w, wl) != 0)
                    continue;
                if (i == 5 && memcmp(s, "planc", 5) == 0) {
                    /* "planc: error: ..." is planc's own, of no file */
                    *msg = i + 2 + wl;
                    return levels[l];
                }
                if (first == SIZE_MAX) {
                    first = i;
                    first_msg = i + 2 + wl;
                    first_k = levels[l];
                }
                char path[4096];
                size_t len, end;
                if (names_file(s, i, path, &len, &end)) {
                    *loc = i;
                    *msg = i + 2 + wl;
                    *of_file = true;
                    return levels[l];
                }
            }
    }
    if (n == 0 || s[0] == ' ' || s[0] == '\t')
        return K_MORE;
    for (size_t g = 0; g < nlangs; g++)
        for (size_t l = 0; l < 3; l++) {
            const char *w = word(langs[g], levels[l]);
            size_t wl = strlen(w);
            if (n >= wl && memcmp(s, w, wl) == 0) {
                *msg = wl;
                return levels[l];
            }
        }
    if (first_k != K_OTHER) {
        *loc = first;
        *msg = first_msg;
        return first_k;
    }
    if (n > 7 && memcmp(s, "planc: ", 7) == 0) {
        *msg = 7;
        return K_USAGE;
    }
    return K_OTHER;
}

/* Strips a trailing ":DIGITS" from s[0..*n): its number, or 0. */
static unsigned long trailing_number(const char *s, size_t *n)
{
    size_t i = *n;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    if (i == *n || i < 2 || s[i - 1] != ':' || *n - i > 9)
        return 0;
    unsigned long v = strtoul(s + i, NULL, 10);
    if (v == 0)
        return 0;
    *n = i - 1;
    return v;
}

/* Appends a diagnostic's members to obj: "level", "message", a warning's
 * "name" (the " [-WNAME]" its line ends in, left out of the message), and,
 * from the location s[0..loc), "file", "line" and "column" (with
 * "end_line" and "end_column" as diag.h writes an empty span's), and
 * "cell" for a message about a workbook's cell ("cell C5: ..."), and
 * "data_column" for a data message about one column ("column 'NAME':
 * ..."). */
static void members(const char *level, const char *s, size_t loc, const char *m, size_t mn)
{
    size_t bare;
    int w = strcmp(level, "warning") == 0 ? warn_tag_of(m, mn, &bare) : -1;
    puts_(&es.obj, "{\"level\": ");
    jstr(&es.obj, level, strlen(level));
    puts_(&es.obj, ", \"message\": ");
    jstr(&es.obj, m, w >= 0 ? bare : mn);
    if (w >= 0) {
        puts_(&es.obj, ", \"name\": ");
        jstr(&es.obj, warn_name((warn_id)w), strlen(warn_name((warn_id)w)));
    }
    if (loc) {
        size_t fn = loc;
        unsigned long a = trailing_number(s, &fn), b = a ? trailing_number(s, &fn) : 0;
        unsigned long line = b ? b : a, col = b ? a : 0;
        if (fn == 0) { /* all digits: a name, not a place */
            fn = loc;
            line = col = 0;
        }
        /* the file's own name where messages show it escaped (jstr
         * writes a byte of no UTF-8 as U+FFFD, as check's JSON does); a
         * sheet's name as it is, with the line after it (a ':' in the
         * name is no place's) */
        char path[4096];
        size_t len, end;
        int named = names_file(s, loc, path, &len, &end);
        if (named == 3) {
            line = end < loc ? strtoul(s + end + 1, NULL, 10) : 0;
            col = 0;
        }
        puts_(&es.obj, ", \"file\": ");
        if (named == 2 || named == 3)
            jstr(&es.obj, path, len);
        else
            jstr(&es.obj, s, fn);
        char pos[160];
        if (line && col)
            snprintf(pos, sizeof pos, ", \"line\": %lu, \"column\": %lu, \"end_line\": %lu, \"end_column\": %lu",
                     line, col, line, col);
        else if (line)
            snprintf(pos, sizeof pos, ", \"line\": %lu", line);
        else
            pos[0] = '\0';
        puts_(&es.obj, pos);
    }
    /* a workbook's cell, "cell C5: " (单元格 C5：) before the message's
     * own words (xlsx_read's errors, the data reader's of a workbook) */
    static const char *const cell_heads[] = {"cell ", "单元格 "};
    for (size_t h = 0; h < 2; h++) {
        size_t hl = strlen(cell_heads[h]), j = hl, k;
        if (mn <= hl || memcmp(m, cell_heads[h], hl) != 0)
            continue;
        while (j < mn && m[j] >= 'A' && m[j] <= 'Z')
            j++;
        for (k = j; k < mn && m[k] >= '0' && m[k] <= '9';)
            k++;
        static const char colon[] = "：";
        bool sep = (k + 1 < mn && m[k] == ':' && m[k + 1] == ' ') ||
                   (k + sizeof colon - 1 <= mn && memcmp(m + k, colon, sizeof colon - 1) == 0);
        if (j > hl && j - hl <= 3 && k > j && sep) {
            puts_(&es.obj, ", \"cell\": ");
            jstr(&es.obj, m + hl, k - hl);
            size_t skip = m[k] == ':' ? k + 2 : k + sizeof colon - 1;
            m += skip;
            mn -= skip;
        }
        break;
    }
    /* the name ends at the quote a ':' or a blank follows ("column
     * 'region': ...", "column 'c2' (indicator ...) is not in the header") */
    static const char col_head[] = "column '";
    size_t ch = sizeof col_head - 1;
    if (mn > ch && memcmp(m, col_head, ch) == 0) {
        for (size_t i = ch; i + 1 < mn; i++)
            if (m[i] == '\'' && (m[i + 1] == ':' || m[i + 1] == ' ')) {
                puts_(&es.obj, ", \"data_column\": ");
                jstr(&es.obj, m + ch, i - ch);
                break;
            }
    }
}

/* Starts a JSON object of its own (after writing the one before). */
static void start_object(const char *level, const char *s, size_t loc, const char *m, size_t mn)
{
    finish_object();
    members(level, s, loc, m, mn);
    puts_(&es.obj, ", \"notes\": [");
    es.pending = true;
}

/* Adds a note to the pending object, or starts one of its own. */
static void add_note(const char *s, size_t loc, const char *m, size_t mn)
{
    if (!es.pending) {
        start_object("note", s, loc, m, mn);
        return;
    }
    if (es.obj.p[es.obj.len - 1] != '[')
        puts_(&es.obj, ", ");
    members("note", s, loc, m, mn);
    puts_(&es.obj, "}");
}

/* Writes line s[0..n) and its newline to the real stream. */
static void pass(const char *s, size_t n)
{
    fwrite(s, 1, n, es.real);
    fputc('\n', es.real);
    fflush(es.real);
}

/* The warning's kind a line of diag.c's JSON names ("name": "NAME"), or
 * -1 when it names none. */
static int json_name(const char *s, size_t n)
{
    static const char key[] = "\"name\": \"";
    const char *at = memmem(s, n, key, sizeof key - 1);
    if (!at)
        return -1;
    at += sizeof key - 1;
    const char *end = memchr(at, '"', n - (size_t)(at - s));
    if (!end || end - at > 64)
        return -1;
    char name[65];
    memcpy(name, at, (size_t)(end - at));
    name[end - at] = '\0';
    return warn_lookup(name);
}

/* One whole line written to stderr, without its newline. */
static void line(const char *s, size_t n)
{
    size_t loc, msg;
    bool of_file;
    kind k = classify(s, n, &loc, &msg, &of_file);
    if (es.json && n && s[0] == '{' && !of_file) {
        /* diag.c's JSON (planc check's form) */
        finish_object();
        static const char w[] = "{\"level\": \"warning\"";
        if (n >= sizeof w - 1 && memcmp(s, w, sizeof w - 1) == 0) {
            es.warnings++;
            es.fatal += warn_fatal((warn_id)json_name(s, n));
        }
        pass(s, n);
        return;
    }
    /* a warning's kind, from the name its line ends in (-1: none, a
     * warning of no name, which only --warnings-as-errors counts) */
    int w = -1;
    if (k == K_WARNING) {
        size_t bare;
        w = warn_tag_of(s + msg, n - msg, &bare);
        if (w >= 0 && !warn_enabled((warn_id)w)) {
            /* turned off (-Wno-NAME): left out with its notes, uncounted */
            finish_object();
            es.pending = es.dropping = true;
            return;
        }
        es.warnings++;
        es.fatal += warn_fatal((warn_id)w);
    }
    if (k == K_ERROR || k == K_WARNING || k == K_USAGE) {
        finish_object();
        if (k == K_WARNING && es.no_warnings) {
            es.pending = es.dropping = true;
            return;
        }
        if (es.json)
            start_object(k == K_WARNING ? "warning" : "error", s, loc, s + msg, n - msg);
        else {
            pass(s, n);
            es.pending = true;
        }
        es.usage = k == K_USAGE;
        return;
    }
    if (k == K_NOTE || k == K_MORE || (k == K_OTHER && es.usage)) {
        if (es.dropping)
            return;
        if (!es.json) {
            pass(s, n);
            return;
        }
        size_t at = msg;
        if (k == K_MORE)
            while (at < n && (s[at] == ' ' || s[at] == '\t'))
                at++;
        if (k != K_MORE || at < n)
            add_note(s, loc, s + at, n - at);
        return;
    }
    /* a line of no diagnostic (--timings, a summary): on its own */
    finish_object();
    if (es.json)
        start_object("note", s, 0, s, n);
    else
        pass(s, n);
}

/* The signal handler's last words (cleanup_last_words): a JSON object
 * still awaiting its notes is written, closed, so that a run ended by a
 * signal (SIGPIPE when its results' reader is gone, Ctrl-C) loses no
 * message it said (the text was written at once); nothing while a line
 * is being read, when obj may be half made. */
static void on_signal(void)
{
    if (es_busy || !es.on || !es.json || !es.pending || !es.obj.len)
        return;
    int saved = errno;
    fio_write_all(es.real_fd, es.obj.p, es.obj.len);
    fio_write_all(es.real_fd, "]}\n", 3);
    es.pending = false;
    errno = saved;
}

/* The stream's write: whole lines are read as they end. */
static ssize_t es_write(void *cookie, const char *s, size_t n)
{
    (void)cookie;
    sig_atomic_t was = es_busy; /* es_finish's flush is busy already */
    es_busy = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            line(es.line.p ? es.line.p : "", es.line.len);
            es.line.len = 0;
        } else {
            put(&es.line, s + i, 1);
        }
    }
    es_busy = was;
    return (ssize_t)n;
}

/* Run at exit (a command's exit() as its return). */
static void at_exit(void)
{
    es_finish();
}

bool es_install(bool json, bool no_warnings, lbl_lang lang)
{
    if (es.on)
        return true;
    FILE *f = fopencookie(NULL, "w", (cookie_io_functions_t){.write = es_write});
    if (!f)
        return false;
    setvbuf(f, NULL, _IONBF, 0);
    static bool registered;
    if (!registered && atexit(at_exit) == 0)
        registered = true;
    es.on = true;
    es.json = json;
    es.no_warnings = no_warnings;
    es.lang = json ? LBL_EN : lang;
    es.real = stderr;
    es.real_fd = fileno(stderr);
    es.file = f;
    es.warnings = es.fatal = 0;
    stderr = f;
    cleanup_last_words(on_signal);
    return true;
}

void es_finish(void)
{
    if (!es.on)
        return;
    cleanup_last_words(NULL);
    es_busy = 1;
    fflush(es.file);
    if (es.line.len) {
        line(es.line.p, es.line.len);
        es.line.len = 0;
    }
    finish_object();
    stderr = es.real;
    fclose(es.file);
    es.on = false;
    free(es.line.p);
    free(es.obj.p);
    es.line = es.obj = (buf){0};
    es_busy = 0;
}

void es_end_message(void)
{
    if (!es.on)
        return;
    sig_atomic_t was = es_busy;
    es_busy = 1;
    fflush(es.file);
    finish_object();
    es_busy = was;
}

unsigned es_warnings(void)
{
    return es.warnings;
}

unsigned es_fatal_warnings(void)
{
    return es.fatal;
}

FILE *es_terminal(void)
{
    return es.on ? es.real : stderr;
}
