/* xlsx_read.c — a worksheet of an .xlsx workbook as CSV text (see
 * xlsx_read.h): the zip archive read from memory by minizip, its parts
 * parsed as they unpack by expat. */
#include "xlsx_read.h"

#include <expat.h>
#include <stdarg.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unzip.h>

#include "csv.h"
#include "msgcat.h"
#include "rtmem.h"

bool xlsxr_is_zip(const unsigned char *head, size_t n)
{
    return n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
}

bool xlsxr_is_ole2(const unsigned char *head, size_t n)
{
    static const unsigned char magic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return n >= 8 && memcmp(head, magic, 8) == 0;
}

bool xlsxr_named(const char *path)
{
    size_t n = strlen(path);
    return n >= 5 && (strcasecmp(path + n - 5, ".xlsx") == 0 || strcasecmp(path + n - 5, ".xlsm") == 0);
}

char *xlsxr_split(const char *arg, const char **sheet)
{
    struct stat st;
    if (stat(arg, &st) == 0)
        return NULL;
    /* the longest part before a '#' that is a file: a sheet's name may
     * hold a '#' too (Excel allows it), a directory's is no workbook's */
    size_t len = strlen(arg);
    char *file = rt_xmalloc(len + 1, 1);
    for (size_t n = len; n-- > 1;) {
        if (arg[n] != '#')
            continue;
        memcpy(file, arg, n);
        file[n] = '\0';
        if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
            *sheet = arg + n + 1;
            return file;
        }
    }
    free(file);
    return NULL;
}

/* The archive's current entry's information in *info and its name, as a
 * new NUL-terminated string (a zip entry's name is up to 65,535 bytes, and
 * minizip ends it with a NUL only when the buffer has room for one); NULL
 * when the directory cannot be read there. */
static char *entry_name(unzFile z, unz_file_info64 *info)
{
    if (unzGetCurrentFileInfo64(z, info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return NULL;
    size_t n = (size_t)info->size_filename;
    char *name = rt_xmalloc(n + 1, 1);
    if (unzGetCurrentFileInfo64(z, info, name, n + 1, NULL, 0, NULL, 0) != UNZ_OK) {
        free(name);
        return NULL;
    }
    name[n] = '\0';
    return name;
}

unsigned long long xlsxr_sheet_bytes(const char *path)
{
    unzFile z = unzOpen64(path);
    if (!z)
        return 0;
    unsigned long long most = 0;
    /* the directory's entries, a bounded number of them (an archive is
     * untrusted; a workbook has a few dozen parts) */
    int r = unzGoToFirstFile(z);
    for (unsigned k = 0; r == UNZ_OK && k < 65536; k++, r = unzGoToNextFile(z)) {
        unz_file_info64 info;
        char *name = entry_name(z, &info);
        if (!name)
            break;
        if (strncmp(name, "xl/worksheets/", 14) == 0 && !strchr(name + 14, '/') &&
            info.uncompressed_size > most)
            most = info.uncompressed_size;
        free(name);
    }
    unzClose(z);
    return most;
}

void xlsxr_column_name(unsigned long col, char *buf)
{
    char tmp[4];
    size_t n = 0;
    while (col > 0 && n < 3) {
        tmp[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
}

/* ---- the names of the sheets read */

/* The names "FILE#SHEET" of the sheets read so far in this process (the
 * first XLSXR_NAMES_KEPT), for xlsxr_sheet_named; read by any thread. */
enum { XLSXR_NAMES_KEPT = 256 };
static char *names_read[XLSXR_NAMES_KEPT];
static size_t nnames_read;
static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;

/* Notes that sheet name `name` was read (xlsxr_sheet_named). */
static void keep_name(const char *name)
{
    pthread_mutex_lock(&names_lock);
    bool seen = false;
    for (size_t i = 0; i < nnames_read && !seen; i++)
        seen = strcmp(names_read[i], name) == 0;
    if (!seen && nnames_read < XLSXR_NAMES_KEPT)
        names_read[nnames_read++] = rt_xstrdup(name);
    pthread_mutex_unlock(&names_lock);
}

size_t xlsxr_sheet_named(const char *s, size_t n, char *name, size_t size)
{
    size_t best = 0;
    char *esc = NULL;
    pthread_mutex_lock(&names_lock);
    for (size_t i = 0; i < nnames_read; i++) {
        size_t len = strlen(names_read[i]);
        esc = rt_xrealloc(esc, 4 * len + 1, 1);
        size_t elen = (size_t)(csv_escape(esc, names_read[i], len, false) - esc);
        if (elen > best && elen <= n && memcmp(s, esc, elen) == 0 && len < size) {
            best = elen;
            memcpy(name, names_read[i], len + 1);
        }
    }
    pthread_mutex_unlock(&names_lock);
    free(esc);
    return best;
}

/* ---- the zip archive in memory: minizip's file functions over a buffer */

/* The workbook's bytes and the position minizip reads at. */
typedef struct memfile {
    const char *buf;
    size_t len, pos;
} memfile;

static voidpf mem_open(voidpf opaque, const void *name, int mode)
{
    memfile *m = opaque;
    m->pos = 0;
    return m;
}

static uLong mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    memfile *m = stream;
    size_t left = m->len - m->pos;
    size_t n = size < left ? size : left;
    memcpy(buf, m->buf + m->pos, n);
    m->pos += n;
    return (uLong)n;
}

static uLong mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    return 0;
}

static ZPOS64_T mem_tell(voidpf opaque, voidpf stream)
{
    return ((memfile *)stream)->pos;
}

static long mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
    memfile *m = stream;
    uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0
                    : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
                                                       : m->len;
    if (off > m->len || base + off > m->len)
        return -1;
    m->pos = (size_t)(base + off);
    return 0;
}

static int mem_close(voidpf opaque, voidpf stream)
{
    return 0;
}

static int mem_error(voidpf opaque, voidpf stream)
{
    return 0;
}

/* ---- the reading's state */

/* Why a reading stopped (the message is said where it stopped). */
typedef struct reader {
    const char *path;   /* the file */
    const char *sheet;  /* the sheet's name once known */
    lbl_lang lang;
    FILE *err;
    bool failed;
    unzFile zip;
    /* the shared strings: text and the end of each */
    char *sst;
    size_t sstlen, sstcap;
    size_t *sst_end;
    size_t nsst, sstcapn;
    /* per cell format (the styles' cellXfs): whether it shows a date */
    bool *xf_date;
    bool *xf_percent; /* whether it shows a percentage (70% for 0.7) */
    bool *xf_year;    /* whether it shows a date's year alone ("yyyy") */
    size_t nxf;
    bool date1904;
} reader;

/* Says an error of the workbook as a whole ("FILE: error: ...") and stops
 * the reading. */
static void fail(reader *R, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(reader *R, const char *fmt, ...)
{
    if (R->failed)
        return;
    R->failed = true;
    va_list ap;
    va_start(ap, fmt);
    csv_vmessage(R->err, fmt, ap);
    va_end(ap);
}

/* A growing text. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

/* Appends s[0..n) to t; false (t unchanged) past `max` bytes. */
static bool put(text *t, const char *s, size_t n, size_t max)
{
    if (n > max - t->len)
        return false;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n + 1)
            cap *= 2;
        t->s = rt_xrealloc(t->s, cap, 1);
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
    return true;
}

/* The local part of an XML name (x:c is c). */
static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

/* The value of attribute `want` (by its local name) or NULL. */
static const char *attr(const char **atts, const char *want)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(local(atts[i]), want) == 0)
            return atts[i + 1];
    return NULL;
}

/* ---- parts parsed by expat as they unpack */

/* What a part's parse needs besides its handlers: the parser, for the
 * error's line, and the depth (a part nested deeper is refused). */
typedef struct xmlrun {
    XML_Parser xp;
    reader *R;
    const char *part;
    unsigned depth;
} xmlrun;

/* The most nested elements a part may have (a sheet has five levels). */
enum { MAX_DEPTH = 64 };
/* The most bytes expat may hold of one token (a tag with its attributes):
 * text is handed over as it comes, a cell's tag is short. */
enum { MAX_TOKEN = 8 << 20 };

/* A document type declaration (the way to entities): no .xlsx has one. */
static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                       int has_internal)
{
    xmlrun *x = ud;
    fail(x->R, msgcat_get(x->R->lang, "%s: error: the workbook's part '%s' declares a document type, "
                                      "which no Excel workbook has; it is not read\n"),
         x->R->path, x->part);
    XML_StopParser(x->xp, XML_FALSE);
}

/* Unpacks part `name` and parses it with handlers (user data ud, whose
 * first member is an xmlrun); `required`: a missing part is an error (else
 * false is returned quietly, R not failed). */
static bool parse_part(reader *R, const char *name, void *ud, XML_StartElementHandler start,
                       XML_EndElementHandler end, XML_CharacterDataHandler chars, bool required)
{
    if (R->failed)
        return false;
    if (unzLocateFile(R->zip, name, 2) != UNZ_OK) {
        if (required)
            fail(R, msgcat_get(R->lang, "%s: error: the workbook is damaged: its part '%s' is missing\n"),
                 R->path, name);
        return false;
    }
    if (unzOpenCurrentFile(R->zip) != UNZ_OK) {
        fail(R, msgcat_get(R->lang, "%s: error: the workbook is damaged or truncated: its part '%s' cannot "
                                    "be unpacked\n"),
             R->path, name);
        return false;
    }
    xmlrun *x = ud;
    x->R = R;
    x->part = name;
    x->depth = 0;
    x->xp = XML_ParserCreate("UTF-8");
    XML_SetUserData(x->xp, ud);
    XML_SetElementHandler(x->xp, start, end);
    XML_SetCharacterDataHandler(x->xp, chars);
    XML_SetStartDoctypeDeclHandler(x->xp, on_doctype);
    char buf[1 << 16];
    size_t total = 0;
    bool ok = true;
    ZPOS64_T packed_at = unzGetCurrentFileZStreamPos64(R->zip);
    for (;;) {
        int got = unzReadCurrentFile(R->zip, buf, sizeof buf);
        if (got < 0) {
            fail(R, msgcat_get(R->lang, "%s: error: the workbook is damaged or truncated: its part '%s' "
                                        "cannot be unpacked\n"),
                 R->path, name);
            ok = false;
            break;
        }
        total += (size_t)got;
        if (total > XLSXR_PART_MAX) {
            fail(R, msgcat_get(R->lang, "%s: error: the workbook's part '%s' unpacks to more than %zu MiB, "
                                        "the most planc reads of one part\n"),
                 R->path, name, XLSXR_PART_MAX >> 20);
            ok = false;
            break;
        }
        /* a zip bomb: far more unpacked than a sheet's XML gives of its
         * packed bytes, said before the limit's gigabytes are unpacked */
        ZPOS64_T packed = unzGetCurrentFileZStreamPos64(R->zip) - packed_at;
        if (total > XLSXR_RATIO_GRACE && total / XLSXR_RATIO_MAX > packed) {
            fail(R, msgcat_get(R->lang, "%s: error: the workbook's part '%s' unpacks to more than %d times its "
                                        "packed size, as a zip bomb does and no sheet's XML does\n"),
                 R->path, name, XLSXR_RATIO_MAX);
            ok = false;
            break;
        }
        if (XML_Parse(x->xp, buf, got, got == 0) != XML_STATUS_OK) {
            if (!R->failed) /* else a handler said what is wrong */
                fail(R, msgcat_get(R->lang, "%s: error: the workbook is damaged: its part '%s' is not "
                                            "well-formed XML (line %lu: '%s')\n"),
                     R->path, name, (unsigned long)XML_GetCurrentLineNumber(x->xp),
                     XML_ErrorString(XML_GetErrorCode(x->xp)));
            ok = false;
            break;
        }
        if (R->failed) {
            ok = false;
            break;
        }
        if (total - (size_t)XML_GetCurrentByteIndex(x->xp) > MAX_TOKEN) {
            fail(R, msgcat_get(R->lang, "%s: error: the workbook's part '%s' has a tag longer than %d MiB, "
                                        "which no Excel workbook has\n"),
                 R->path, name, MAX_TOKEN >> 20);
            ok = false;
            break;
        }
        if (got == 0)
            break;
    }
    XML_ParserFree(x->xp);
    /* the CRC is checked when the whole part was read */
    if (unzCloseCurrentFile(R->zip) != UNZ_OK && ok) {
        fail(R, msgcat_get(R->lang, "%s: error: the workbook is damaged or truncated: its part '%s' cannot "
                                    "be unpacked\n"),
             R->path, name);
        ok = false;
    }
    return ok;
}

/* Counts an element's depth; stops the parse past MAX_DEPTH.  True while
 * the parse goes on. */
static bool enter(xmlrun *x)
{
    if (++x->depth <= MAX_DEPTH)
        return true;
    fail(x->R, msgcat_get(x->R->lang, "%s: error: the workbook's part '%s' nests elements deeper than %d, "
                                      "which no Excel workbook does\n"),
         x->R->path, x->part, MAX_DEPTH);
    XML_StopParser(x->xp, XML_FALSE);
    return false;
}

/* ---- _rels/.rels, workbook.xml and its rels: where the sheets are */

/* A relationship: its id, type and target. */
typedef struct rel {
    char *id, *type, *target;
} rel;

/* The relationships of a part, and the workbook's sheets in tab order. */
typedef struct wbparse {
    xmlrun x;
    rel *rels;
    size_t nrels;
    char **names, **rids;
    bool *hidden; /* a sheet's state="hidden" or "veryHidden" */
    size_t nsheets;
    bool date1904;
} wbparse;

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    wbparse *w = ud;
    if (!enter(&w->x))
        return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
    if (strcmp(local(name), "Relationship") != 0 || !id || !type || !target || w->nrels >= 4096)
        return;
    w->rels = rt_xrealloc(w->rels, w->nrels + 1, sizeof *w->rels);
    w->rels[w->nrels++] = (rel){rt_xstrdup(id), rt_xstrdup(type), rt_xstrdup(target)};
}

static void wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    wbparse *w = ud;
    if (!enter(&w->x))
        return;
    const char *l = local(name);
    if (strcmp(l, "workbookPr") == 0) {
        const char *d = attr(atts, "date1904");
        w->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(l, "sheet") == 0 && w->nsheets < 4096) {
        const char *n = attr(atts, "name"), *id = attr(atts, "id"), *state = attr(atts, "state");
        if (!n || !id)
            return;
        w->names = rt_xrealloc(w->names, w->nsheets + 1, sizeof *w->names);
        w->rids = rt_xrealloc(w->rids, w->nsheets + 1, sizeof *w->rids);
        w->hidden = rt_xrealloc(w->hidden, w->nsheets + 1, sizeof *w->hidden);
        w->hidden[w->nsheets] = state && (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0);
        w->names[w->nsheets] = rt_xstrdup(n);
        w->rids[w->nsheets++] = rt_xstrdup(id);
    }
}

static void any_end(void *ud, const XML_Char *name)
{
    ((xmlrun *)ud)->depth--;
}

static void no_chars(void *ud, const XML_Char *s, int len)
{
}

/* Frees the relationships read. */
static void rels_free(wbparse *w)
{
    for (size_t i = 0; i < w->nrels; i++) {
        free(w->rels[i].id);
        free(w->rels[i].type);
        free(w->rels[i].target);
    }
    free(w->rels);
    w->rels = NULL;
    w->nrels = 0;
}

/* The relationship of type ending in `kind` (or with id `id`), NULL when
 * none. */
static const rel *find_rel(const wbparse *w, const char *kind, const char *id)
{
    for (size_t i = 0; i < w->nrels; i++) {
        const rel *r = &w->rels[i];
        size_t a = strlen(r->type), b = kind ? strlen(kind) : 0;
        if (id ? strcmp(r->id, id) == 0 : (a >= b && strcmp(r->type + a - b, kind) == 0))
            return r;
    }
    return NULL;
}

/* The part a relationship's target names, relative to the directory of
 * part `from` (or from the archive's root when it starts with '/'), with
 * "./" and "../" resolved (malloc'd). */
static char *resolve(const char *from, const char *target)
{
    size_t n = 0;
    if (target[0] != '/') {
        const char *slash = strrchr(from, '/');
        n = slash ? (size_t)(slash - from) + 1 : 0;
    }
    char *out = rt_xmalloc(n + strlen(target) + 1, 1);
    memcpy(out, from, n);
    out[n] = '\0';
    for (const char *t = target; *t;) {
        size_t seg = strcspn(t, "/");
        if (seg == 0) {
        } else if (seg == 1 && t[0] == '.') {
        } else if (seg == 2 && t[0] == '.' && t[1] == '.') {
            size_t len = strlen(out);
            if (len)
                len--;
            while (len && out[len - 1] != '/')
                len--;
            out[len] = '\0';
        } else {
            strncat(out, t, seg);
            if (t[seg] == '/')
                strcat(out, "/");
        }
        t += seg + (t[seg] == '/');
    }
    return out;
}

/* ---- the shared strings and the styles */

/* The shared strings' parse: in which <si>, in its phonetic runs (not
 * read), in a <t>. */
typedef struct sstparse {
    xmlrun x;
    unsigned in_rph;
    bool in_t, in_si;
    size_t si_start; /* where the <si>'s text starts in R->sst */
} sstparse;

/* Decodes the _xHHHH_ escapes of OOXML text s[0..*n) in place (Excel
 * writes a control character, which XML cannot hold, so: a CR most often;
 * _x005F_ is a literal _).  U+0000 and the surrogates are left as
 * written (no text holds them). */
static void unescape(char *s, size_t *n)
{
    size_t o = 0;
    for (size_t i = 0; i < *n;) {
        unsigned v = 0;
        bool esc = i + 7 <= *n && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';
        for (size_t k = 2; esc && k < 6; k++) {
            char c = s[i + k];
            unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
                         : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                         : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                                : 16u;
            esc = d < 16;
            v = v << 4 | d;
        }
        if (esc && v != 0 && (v < 0xD800 || v > 0xDFFF)) {
            if (v < 0x80)
                s[o++] = (char)v;
            else if (v < 0x800) {
                s[o++] = (char)(0xC0 | v >> 6);
                s[o++] = (char)(0x80 | (v & 0x3F));
            } else {
                s[o++] = (char)(0xE0 | v >> 12);
                s[o++] = (char)(0x80 | (v >> 6 & 0x3F));
                s[o++] = (char)(0x80 | (v & 0x3F));
            }
            i += 7;
        } else
            s[o++] = s[i++];
    }
    *n = o;
}

static void sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sstparse *p = ud;
    if (!enter(&p->x))
        return;
    const char *l = local(name);
    if (strcmp(l, "si") == 0) {
        p->in_si = true;
        p->si_start = p->x.R->sstlen;
    } else if (strcmp(l, "rPh") == 0)
        p->in_rph++;
    else if (strcmp(l, "t") == 0 && p->in_si && !p->in_rph)
        p->in_t = true;
}

static void sst_end(void *ud, const XML_Char *name)
{
    sstparse *p = ud;
    reader *R = p->x.R;
    p->x.depth--;
    const char *l = local(name);
    if (strcmp(l, "t") == 0)
        p->in_t = false;
    else if (strcmp(l, "rPh") == 0 && p->in_rph)
        p->in_rph--;
    else if (strcmp(l, "si") == 0 && p->in_si) {
        p->in_si = false;
        if (R->nsst >= XLSXR_NSTRINGS_MAX) {
            fail(R, msgcat_get(R->lang, "%s: error: the workbook has more than %zu shared strings, the most "
                                        "planc reads\n"),
                 R->path, XLSXR_NSTRINGS_MAX);
            XML_StopParser(p->x.xp, XML_FALSE);
            return;
        }
        size_t n = R->sstlen - p->si_start;
        unescape(R->sst + p->si_start, &n);
        R->sstlen = p->si_start + n;
        if (R->nsst == R->sstcapn) {
            R->sstcapn = R->sstcapn ? 2 * R->sstcapn : 1024;
            R->sst_end = rt_xrealloc(R->sst_end, R->sstcapn, sizeof *R->sst_end);
        }
        R->sst_end[R->nsst++] = R->sstlen;
    }
}

static void sst_chars(void *ud, const XML_Char *s, int len)
{
    sstparse *p = ud;
    reader *R = p->x.R;
    if (!p->in_t || R->failed)
        return;
    text t = {R->sst, R->sstlen, R->sstcap};
    if (!put(&t, s, (size_t)len, XLSXR_STRINGS_MAX)) {
        fail(R, msgcat_get(R->lang, "%s: error: the workbook's shared strings hold more than %zu MiB of "
                                    "text, the most planc reads\n"),
             R->path, XLSXR_STRINGS_MAX >> 20);
        XML_StopParser(p->x.xp, XML_FALSE);
        return;
    }
    R->sst = t.s;
    R->sstlen = t.len;
    R->sstcap = t.cap;
}

/* What a number format's code shows (code_shows). */
enum { SHOWS_DATE = 1, SHOWS_PERCENT = 2, SHOWS_YEAR_ONLY = 4 };

/* code_shows' reading of the code, with SHOWS_NOT_YEAR for a date's or
 * time's part other than the year (m, d, h, s, [h]). */
enum { SHOWS_NOT_YEAR = 8 };
static unsigned code_letters(const char *code)
{
    unsigned f = 0;
    if (strcasecmp(code, "General") == 0)
        return f;
    for (const char *c = code; *c; c++) {
        if (*c == '"') {
            const char *q = strchr(c + 1, '"');
            if (!q)
                return f;
            c = q;
        } else if (*c == '\\' || *c == '_' || *c == '*') {
            if (!c[1])
                return f;
            c++;
        } else if (*c == '[') {
            const char *q = strchr(c, ']');
            if (!q)
                return f;
            if ((q - c == 2 && strchr("hHmMsS", c[1])) || (q - c == 3 && c[1] == c[2] && strchr("hHmMsS", c[1])))
                f |= SHOWS_DATE | SHOWS_NOT_YEAR;
            c = q;
        } else if (strchr("yYmMdDhHsS", *c)) {
            f |= SHOWS_DATE | (*c == 'y' || *c == 'Y' ? 0u : (unsigned)SHOWS_NOT_YEAR);
        } else if (*c == '%') {
            f |= SHOWS_PERCENT;
        }
    }
    return f;
}

/* What a number format's code shows, outside quoted text, escapes and
 * [brackets] (colours, conditions): a date or a time (a y, m, d, h or s;
 * [h] elapsed hours do count), of which the year alone (y its only such
 * letter: "yyyy", "yyyy年"), a percentage (a %).  "General" shows
 * neither; an unterminated quote or bracket ends the code. */
static unsigned code_shows(const char *code)
{
    unsigned f = code_letters(code);
    if ((f & SHOWS_DATE) && !(f & SHOWS_NOT_YEAR))
        f |= SHOWS_YEAR_ONLY;
    return f & ~(unsigned)SHOWS_NOT_YEAR;
}

/* The number s[0..n) (the XML's text: [-]digits[.digits][E[+-]digits])
 * times 100 followed by %, as a cell formatted as a percentage shows it
 * (0.7 is 70%), its decimal point moved in the text, so that no digit
 * changes (0.07 * 100 is 7.000000000000001 in binary), into out (size
 * bytes); false when s is no such number. */
static bool percent_text(const char *s, size_t n, char *out, size_t size)
{
    char digits[64];
    size_t nd = 0, i = 0;
    long point = -1, exp = 0;
    bool neg = i < n && s[i] == '-';
    i += neg;
    for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); i++) {
        if (s[i] == '.') {
            if (point >= 0)
                return false;
            point = (long)nd;
        } else if (nd < sizeof digits)
            digits[nd++] = s[i];
        else
            return false;
    }
    if (nd == 0)
        return false;
    if (point < 0)
        point = (long)nd;
    if (i < n && (s[i] == 'E' || s[i] == 'e')) {
        char *end;
        char tmp[16];
        size_t k = n - i - 1 < sizeof tmp - 1 ? n - i - 1 : sizeof tmp - 1;
        memcpy(tmp, s + i + 1, k);
        tmp[k] = '\0';
        exp = strtol(tmp, &end, 10);
        if (end == tmp || *end || exp < -400 || exp > 400)
            return false;
        i = n;
    }
    if (i != n)
        return false;
    point += exp + 2;
    /* without leading and trailing zeros */
    size_t a = 0;
    while (a < nd && digits[a] == '0') {
        a++;
        point--;
    }
    while (nd > a && digits[nd - 1] == '0' && (long)nd > point)
        nd--;
    if (a == nd) {
        snprintf(out, size, "0%%");
        return true;
    }
    size_t o = 0, len = nd - a;
    if (size < len + (size_t)labs(point) + 8)
        return false;
    if (neg)
        out[o++] = '-';
    if (point <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (long z = point; z < 0; z++)
            out[o++] = '0';
        memcpy(out + o, digits + a, len);
        o += len;
    } else if ((size_t)point >= len) {
        memcpy(out + o, digits + a, len);
        o += len;
        for (size_t z = len; z < (size_t)point; z++)
            out[o++] = '0';
    } else {
        memcpy(out + o, digits + a, (size_t)point);
        o += (size_t)point;
        out[o++] = '.';
        memcpy(out + o, digits + a + point, len - (size_t)point);
        o += len - (size_t)point;
    }
    out[o++] = '%';
    out[o] = '\0';
    return true;
}

/* The number s (a NUL-terminated text) as a percentage with the fewest
 * digits that are still the cell's number: the shortest P such that
 * "PE-2" reads back as the same double (a writer of 17 digits wrote 0.07
 * as 7.0000000000000007E-2: shown 7%, and 7 is the percentage typed);
 * zero, negative or not, is 0%.  False when s is no number or no P of up
 * to 17 digits is exact. */
static bool percent_shortest(const char *s, char *out, size_t size)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !isfinite(v) || size < 40)
        return false;
    if (v == 0) {
        /* -0 too (a formula's -0, a writer's "-0"), which Excel shows
         * as 0%, never "-0%" */
        snprintf(out, size, "0%%");
        return true;
    }
    for (int k = 1; k <= 17; k++) {
        char c[40], back[48];
        snprintf(c, sizeof c, "%.*g", k, v * 100.0);
        snprintf(back, sizeof back, "%sE-2", c);
        if (strtod(back, NULL) == v) {
            snprintf(out, size, "%s%%", c);
            return true;
        }
    }
    return false;
}

/* Whether built-in number format id shows a date (ECMA-376 18.8.30, with
 * the East Asian ids 27-36 and 50-58, dates in a Chinese Excel). */
static bool date_id(unsigned long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

/* The styles' parse: the custom formats that show dates, then each cell
 * format (cellXfs) and whether its number format is one of those. */
typedef struct styleparse {
    xmlrun x;
    unsigned long *date_ids, *percent_ids;
    bool *year_only; /* per date id: its code shows the year alone */
    size_t ndate_ids, npercent_ids;
    bool in_xfs;
} styleparse;

static void style_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    styleparse *p = ud;
    reader *R = p->x.R;
    if (!enter(&p->x))
        return;
    const char *l = local(name);
    if (strcmp(l, "numFmt") == 0) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        unsigned shows = code ? code_shows(code) : 0;
        if (id && code && (shows & SHOWS_DATE) && p->ndate_ids < 4096) {
            p->date_ids = rt_xrealloc(p->date_ids, p->ndate_ids + 1, sizeof *p->date_ids);
            p->year_only = rt_xrealloc(p->year_only, p->ndate_ids + 1, sizeof *p->year_only);
            p->year_only[p->ndate_ids] = (shows & SHOWS_YEAR_ONLY) != 0;
            p->date_ids[p->ndate_ids++] = strtoul(id, NULL, 10);
        } else if (id && code && (code_shows(code) & SHOWS_PERCENT) && p->npercent_ids < 4096) {
            p->percent_ids = rt_xrealloc(p->percent_ids, p->npercent_ids + 1, sizeof *p->percent_ids);
            p->percent_ids[p->npercent_ids++] = strtoul(id, NULL, 10);
        }
    } else if (strcmp(l, "cellXfs") == 0)
        p->in_xfs = true;
    else if (strcmp(l, "xf") == 0 && p->in_xfs && R->nxf < 65536) {
        const char *id = attr(atts, "numFmtId");
        unsigned long v = id ? strtoul(id, NULL, 10) : 0;
        bool date = date_id(v), year = false;
        for (size_t i = 0; i < p->ndate_ids && !date; i++)
            if (p->date_ids[i] == v)
                date = true, year = p->year_only[i];
        bool percent = v == 9 || v == 10;
        for (size_t i = 0; i < p->npercent_ids && !percent; i++)
            percent = p->percent_ids[i] == v;
        R->xf_date = rt_xrealloc(R->xf_date, R->nxf + 1, sizeof *R->xf_date);
        R->xf_percent = rt_xrealloc(R->xf_percent, R->nxf + 1, sizeof *R->xf_percent);
        R->xf_year = rt_xrealloc(R->xf_year, R->nxf + 1, sizeof *R->xf_year);
        R->xf_year[R->nxf] = year;
        R->xf_date[R->nxf] = date;
        R->xf_percent[R->nxf++] = percent && !date;
    }
}

static void style_end(void *ud, const XML_Char *name)
{
    styleparse *p = ud;
    p->x.depth--;
    if (strcmp(local(name), "cellXfs") == 0)
        p->in_xfs = false;
}

/* ---- the sheet */

/* A row's place in the text: where it starts, its length (without the line
 * break) and its fields. */
typedef struct rowspan {
    size_t at, len;
    unsigned long nf;
} rowspan;

/* The sheet's parse: the text made so far, its rows, the row and cell being
 * read. */
typedef struct sheetparse {
    xmlrun x;
    xlsxr_sheet *out;
    text csv;
    rowspan *rows;
    size_t nrows, caprows;
    unsigned long width;  /* the widest row's fields */
    unsigned long line;   /* the next line of the text (1-based) */
    bool in_data;         /* in <sheetData> */
    bool in_row;          /* in a <row> (its end tag not yet read) */
    unsigned long row;    /* the row being read (0: none yet) */
    unsigned long nf;     /* its fields written */
    size_t row_at;        /* where its text starts */
    bool in_cell;
    unsigned long col;    /* the cell's column */
    char type[16];        /* its t attribute */
    unsigned long style;
    bool has_v, has_f, has_is;
    bool in_v, in_t;      /* collecting a <v>'s or an inline string's text */
    unsigned in_rph;
    text val;             /* the <v> or inline text */
    unsigned long last_col;
} sheetparse;

/* Says an error at a cell ("FILE#SHEET:ROW: error: cell C7: ...") and stops
 * the parse. */
static void cell_fail(sheetparse *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cell_fail(sheetparse *p, const char *fmt, ...)
{
    reader *R = p->x.R;
    if (R->failed)
        return;
    R->failed = true;
    char cell[32], why[512];
    xlsxr_column_name(p->col, cell);
    snprintf(cell + strlen(cell), sizeof cell - strlen(cell), "%lu", p->row);
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (k >= (int)sizeof why) {
        /* cut short: at a character's start, its line still ended */
        size_t end = sizeof why - 5;
        while (end && ((unsigned char)why[end] & 0xC0) == 0x80)
            end--;
        memcpy(why + end, "...\n", 5);
    }
    csv_message(R->err, msgcat_get(R->lang, "%s:%lu: error: cell %s: %s"), p->out->name, p->row, cell, why);
    XML_StopParser(p->x.xp, XML_FALSE);
}

/* Says that the sheet's text grew (or would grow, padded) past
 * XLSXR_TEXT_MAX. */
static void say_text_full(sheetparse *p)
{
    reader *R = p->x.R;
    fail(R, msgcat_get(R->lang, "%s: error: the sheet makes more than %zu MiB of text, the most planc reads "
                                "of a sheet\n"),
         p->out->name, XLSXR_TEXT_MAX >> 20);
}

/* Says that the sheet's text grew past XLSXR_TEXT_MAX and stops the parse. */
static void text_full(sheetparse *p)
{
    say_text_full(p);
    XML_StopParser(p->x.xp, XML_FALSE);
}

/* Parses a cell reference's column (the letters of "C7"); 0 when it is
 * malformed or past XFD. */
static unsigned long ref_column(const char *r)
{
    unsigned long col = 0;
    size_t i = 0;
    for (; (r[i] >= 'A' && r[i] <= 'Z') || (r[i] >= 'a' && r[i] <= 'z'); i++) {
        col = col * 26 + (unsigned long)((r[i] | 0x20) - 'a' + 1);
        if (col > XLSXR_COLS)
            return 0;
    }
    if (i == 0 || r[i] < '0' || r[i] > '9')
        return 0;
    return col;
}

/* Parses a row number; 0 when it is malformed or past Excel's last. */
static unsigned long row_number(const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (end == s || *end || s[0] == '-' || s[0] == '+' || v > XLSXR_ROWS)
        return 0;
    return v;
}

/* Ends the row being read: its line break, its span noted. */
static void end_row(sheetparse *p)
{
    if (!p->row)
        return;
    if (p->nf) {
        if (p->nrows == p->caprows) {
            p->caprows = p->caprows ? 2 * p->caprows : 1024;
            p->rows = rt_xrealloc(p->rows, p->caprows, sizeof *p->rows);
        }
        p->rows[p->nrows++] = (rowspan){p->row_at, p->csv.len - p->row_at, p->nf};
        if (p->nf > p->width)
            p->width = p->nf;
        if (!put(&p->csv, "\n", 1, XLSXR_TEXT_MAX))
            text_full(p);
        p->line++;
    }
}

/* Starts row `r`: the empty lines up to it. */
static void start_row(sheetparse *p, unsigned long r)
{
    p->row = r;
    p->nf = 0;
    p->last_col = 0;
}

/* Writes the cell's text s[0..n) as field `col` of the row: the empty
 * fields before it, quoted when it holds a comma, quote or line break. */
static void put_field(sheetparse *p, const char *s, size_t n)
{
    if (p->nf == 0) {
        /* the row's first field: the empty lines before it */
        while (p->line < p->row) {
            if (!put(&p->csv, "\n", 1, XLSXR_TEXT_MAX)) {
                text_full(p);
                return;
            }
            p->line++;
        }
        p->row_at = p->csv.len;
    }
    while (p->nf < p->col) {
        if (p->nf > 0 && !put(&p->csv, ",", 1, XLSXR_TEXT_MAX)) {
            text_full(p);
            return;
        }
        p->nf++;
    }
    bool quote = memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\n', n) || memchr(s, '\r', n);
    bool ok = true;
    if (!quote)
        ok = put(&p->csv, s, n, XLSXR_TEXT_MAX);
    else {
        ok = put(&p->csv, "\"", 1, XLSXR_TEXT_MAX);
        for (size_t i = 0; ok && i < n;) {
            const char *q = memchr(s + i, '"', n - i);
            size_t k = q ? (size_t)(q - (s + i)) + 1 : n - i;
            ok = put(&p->csv, s + i, k, XLSXR_TEXT_MAX) && (!q || put(&p->csv, "\"", 1, XLSXR_TEXT_MAX));
            i += k;
        }
        ok = ok && put(&p->csv, "\"", 1, XLSXR_TEXT_MAX);
    }
    if (!ok)
        text_full(p);
}

/* Days since 1970-01-01 to the civil date (Howard Hinnant's algorithm). */
static void civil(long long z, long long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = (long long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

/* The date (and time) that serial number v shows in the workbook's date
 * system, as YYYY-MM-DD[ HH:MM:SS]; false when it is no date Excel shows
 * (negative, past 9999-12-31). */
static bool serial_date(double v, bool date1904, char *out, size_t size)
{
    /* 9999-12-31 is day 2,958,465 of the 1900 system, 2,957,003 of the
     * 1904 one; a time rounded up to midnight is the next day's */
    long long last = date1904 ? 2957003 : 2958465;
    if (!(v >= 0 && v < (double)(last + 1)))
        return false;
    long long days = (long long)floor(v);
    long secs = lround((v - (double)days) * 86400.0);
    if (secs >= 86400) {
        days++;
        secs -= 86400;
    }
    if (days > last)
        return false;
    long long y;
    unsigned m, d;
    if (date1904)
        civil(days - 24107, &y, &m, &d); /* 1904-01-01 is day 0 */
    else if (days == 60) {
        y = 1900, m = 2, d = 29; /* Lotus 1-2-3's leap day, which Excel keeps */
    } else
        civil(days - (days < 60 ? 25568 : 25569), &y, &m, &d); /* 1899-12-31 is day 0 */
    if (secs)
        snprintf(out, size, "%04lld-%02u-%02u %02ld:%02ld:%02ld", y, m, d, secs / 3600, secs / 60 % 60, secs % 60);
    else
        snprintf(out, size, "%04lld-%02u-%02u", y, m, d);
    return true;
}

/* The year of ISO 8601 date text s[0..n) ("2024-03-01", with a time
 * "T12:00:00" or not: a t="d" cell's value), its four digits, into out
 * (at least 8 bytes); false when s is no such date. */
static bool iso_year(const char *s, size_t n, char *out)
{
    size_t i = 0;
    while (i < n && i < 5 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i != 4 || n < 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (size_t k = 5; k < 10; k++)
        if (k != 7 && (s[k] < '0' || s[k] > '9'))
            return false;
    if (n > 10 && s[10] != 'T' && s[10] != ' ')
        return false;
    memcpy(out, s, 4);
    out[4] = '\0';
    return true;
}

/* The cell just ended: its text into the row. */
static void end_cell(sheetparse *p)
{
    reader *R = p->x.R;
    const char *t = p->type;
    const char *s = p->val.s ? p->val.s : "";
    size_t n = p->val.len;
    char buf[64], pct[512];
    if (strcmp(t, "inlineStr") == 0) {
        if (!p->has_is && !p->has_v)
            return;
        unescape(p->val.s ? p->val.s : buf, &n);
    } else if (!p->has_v) {
        if (p->has_f)
            cell_fail(p, "%s", msgcat_get(R->lang, "the cell holds a formula without its computed value (the "
                                                   "program that wrote the workbook did not calculate it): open "
                                                   "the workbook in Excel or LibreOffice and save it again\n"));
        return;
    } else if (strcmp(t, "s") == 0) {
        char *end;
        unsigned long i = strtoul(s, &end, 10);
        if (end == s || *end || s[0] == '-' || i >= R->nsst) {
            /* the index as written, its first 32 bytes when longer (a
             * cell holds up to 128 KiB of it) */
            char idx[40];
            size_t k = n <= 32 ? n : 32;
            while (k < n && k && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            snprintf(idx, sizeof idx, "%.*s%s", (int)k, s, k < n ? "..." : "");
            cell_fail(p, msgcat_get(R->lang, "the cell refers to shared string '%s', but the workbook has %zu\n"),
                      idx, R->nsst);
            return;
        }
        size_t a = i ? R->sst_end[i - 1] : 0;
        s = R->sst + a;
        n = R->sst_end[i] - a;
    } else if (strcmp(t, "b") == 0) {
        s = strcmp(s, "0") == 0 ? "FALSE" : "TRUE";
        n = strlen(s);
    } else if (strcmp(t, "d") == 0 && p->style < R->nxf && R->xf_year[p->style] && iso_year(s, n, buf)) {
        /* a date as ISO 8601 text (2024-03-01T00:00:00) formatted to show
         * its year alone: the year, as shown */
        s = buf;
        n = strlen(buf);
    } else if (strcmp(t, "str") == 0 || strcmp(t, "e") == 0 || strcmp(t, "d") == 0) {
        unescape(p->val.s, &n);
    } else if (p->style < R->nxf && R->xf_percent[p->style]) {
        /* a number shown as a percentage: as shown, 70% (the cell holds
         * 0.7), which the data reader reads as 70 in a column in % */
        if (percent_shortest(s, pct, sizeof pct) || percent_text(s, n, pct, sizeof pct)) {
            s = pct;
            n = strlen(pct);
        }
    } else if (p->style < R->nxf && R->xf_date[p->style]) {
        /* a number shown as a date: the date, as the CSV would show it */
        char *end;
        double v = strtod(s, &end);
        if (end != s && !*end && R->xf_year[p->style] && !(v == floor(v) && v >= 1000 && v <= 9999) &&
            serial_date(v, R->date1904, buf, sizeof buf)) {
            /* a date formatted to show its year alone ("yyyy"): the year,
             * as shown; but a whole number of four digits is the year
             * typed into the cell (2024, shown 1905), read as the date
             * below so that the note on it says so */
            buf[strcspn(buf, "-")] = '\0';
            s = buf;
            n = strlen(buf);
        } else if (end != s && !*end && serial_date(v, R->date1904, buf, sizeof buf)) {
            xlsxr_sheet *o = p->out;
            bool seen = false;
            for (size_t i = 0; i < o->ndates; i++)
                seen |= o->dates[i].col == p->col;
            if (!seen && o->ndates < XLSXR_DATE_NOTES) {
                struct xlsxr_date *d = &o->dates[o->ndates++];
                d->row = p->row;
                d->col = p->col;
                snprintf(d->number, sizeof d->number, "%.*s", (int)(n < 31 ? n : 31), s);
                snprintf(d->date, sizeof d->date, "%.31s", buf);
            }
            s = buf;
            n = strlen(buf);
        }
    }
    if (n == 0)
        return;
    /* a cell's text is at most Excel's 32,767 characters */
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (chars > XLSXR_CELL_CHARS) {
        cell_fail(p, msgcat_get(R->lang, "the cell holds more than %lu characters, the most an Excel cell "
                                         "holds\n"),
                  XLSXR_CELL_CHARS);
        return;
    }
    put_field(p, s, n);
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    sheetparse *p = ud;
    reader *R = p->x.R;
    if (!enter(&p->x))
        return;
    const char *l = local(name);
    if (strcmp(l, "sheetData") == 0)
        p->in_data = true;
    else if (!p->in_data)
        return;
    else if (strcmp(l, "row") == 0) {
        const char *r = attr(atts, "r");
        unsigned long n = r ? row_number(r) : p->row + 1;
        if (n == 0 || n > XLSXR_ROWS) {
            fail(R, msgcat_get(R->lang, "%s: error: the sheet has a row numbered '%s', past Excel's last row "
                                        "(%lu)\n"),
                 p->out->name, r ? r : "?", XLSXR_ROWS);
            XML_StopParser(p->x.xp, XML_FALSE);
            return;
        }
        /* a row inside a row: no workbook has one, and the text's rows
         * would overlap (each is one line of it) */
        if (p->in_row) {
            fail(R, msgcat_get(R->lang, "%s:%lu: error: the workbook is damaged: row %lu of the sheet begins "
                                        "inside row %lu\n"),
                 p->out->name, p->row, n, p->row);
            XML_StopParser(p->x.xp, XML_FALSE);
            return;
        }
        if (n <= p->row) {
            fail(R, msgcat_get(R->lang, "%s: error: the workbook is damaged: row %lu of the sheet comes after "
                                        "row %lu\n"),
                 p->out->name, n, p->row);
            XML_StopParser(p->x.xp, XML_FALSE);
            return;
        }
        start_row(p, n);
        p->in_row = true;
    } else if (strcmp(l, "c") == 0 && p->in_row) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
        unsigned long col = r ? ref_column(r) : p->last_col + 1;
        /* the reference's row: the row the cell is in */
        unsigned long in_row = r && col ? row_number(r + strspn(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
                                        : p->row;
        if (col == 0 || col > XLSXR_COLS || in_row == 0) {
            fail(R, msgcat_get(R->lang, "%s:%lu: error: the cell reference '%s' is malformed or past Excel's "
                                        "last column (XFD)\n"),
                 p->out->name, p->row, r ? r : "?");
            XML_StopParser(p->x.xp, XML_FALSE);
            return;
        }
        if (in_row != p->row) {
            /* a cell of row 2 referred to as C5: LibreOffice and Gnumeric
             * put it in row 5, among that row's cells; planc reads the
             * rows in their order, and such a file is damaged or edited
             * by hand: said where it is */
            char ref[32];
            xlsxr_column_name(col, ref);
            snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "%lu", in_row);
            fail(R, msgcat_get(R->lang, "%s:%lu: error: the workbook is damaged: row %lu of the sheet holds a cell "
                                        "referred to as '%s', a cell of row %lu\n"),
                 p->out->name, p->row, p->row, ref, in_row);
            XML_StopParser(p->x.xp, XML_FALSE);
            return;
        }
        if (col <= p->last_col) {
            char a[8], b[8];
            xlsxr_column_name(col, a);
            xlsxr_column_name(p->last_col, b);
            fail(R, msgcat_get(R->lang, "%s:%lu: error: the workbook is damaged: cell %s%lu comes after cell "
                                        "%s%lu\n"),
                 p->out->name, p->row, a, p->row, b, p->row);
            XML_StopParser(p->x.xp, XML_FALSE);
            return;
        }
        p->last_col = p->col = col;
        p->in_cell = true;
        snprintf(p->type, sizeof p->type, "%s", t ? t : "n");
        p->style = s ? strtoul(s, NULL, 10) : 0;
        p->has_v = p->has_f = p->has_is = p->in_v = p->in_t = false;
        p->in_rph = 0;
        p->val.len = 0;
        if (p->val.s)
            p->val.s[0] = '\0';
    } else if (!p->in_cell)
        return;
    else if (strcmp(l, "v") == 0) {
        /* a second <v> is the value: the first's text is gone (a reader
         * of the text as NUL-terminated would see it) */
        p->has_v = p->in_v = true;
        p->val.len = 0;
        if (p->val.s)
            p->val.s[0] = '\0';
    } else if (strcmp(l, "f") == 0)
        p->has_f = true;
    else if (strcmp(l, "is") == 0)
        p->has_is = true;
    else if (strcmp(l, "rPh") == 0)
        p->in_rph++;
    else if (strcmp(l, "t") == 0 && p->has_is && !p->in_rph)
        p->in_t = true;
}

static void sheet_end(void *ud, const XML_Char *name)
{
    sheetparse *p = ud;
    p->x.depth--;
    const char *l = local(name);
    if (strcmp(l, "sheetData") == 0) {
        /* a row left open by a <sheetData> inside it ends here */
        if (p->in_row)
            end_row(p);
        p->in_row = false;
        p->in_data = false;
        return;
    }
    if (!p->in_data)
        return;
    if (strcmp(l, "row") == 0) {
        if (p->in_row)
            end_row(p);
        p->in_row = false;
    }
    else if (strcmp(l, "c") == 0 && p->in_cell) {
        p->in_cell = false;
        end_cell(p);
    } else if (strcmp(l, "v") == 0)
        p->in_v = false;
    else if (strcmp(l, "t") == 0)
        p->in_t = false;
    else if (strcmp(l, "rPh") == 0 && p->in_rph)
        p->in_rph--;
}

static void sheet_chars(void *ud, const XML_Char *s, int len)
{
    sheetparse *p = ud;
    if (!p->in_cell || !(p->in_v || p->in_t) || p->x.R->failed)
        return;
    /* a cell's text: Excel's 32,767 characters are at most 128 KiB (the
     * escapes _xHHHH_ seven bytes a character) */
    if (!put(&p->val, s, (size_t)len, (size_t)XLSXR_CELL_CHARS * 7 + 16))
        cell_fail(p, msgcat_get(p->x.R->lang, "the cell holds more than %lu characters, the most an Excel cell "
                                              "holds\n"),
                  XLSXR_CELL_CHARS);
}

/* Pads every row of the text to the widest row's fields (a spreadsheet's
 * CSV has as many in every line), in place from the end; false (said)
 * when the padded text would pass XLSXR_TEXT_MAX (one cell in column XFD
 * and many rows of one cell: a few packed bytes asking for gigabytes). */
static bool pad_rows(sheetparse *p)
{
    size_t extra = 0;
    for (size_t i = 0; i < p->nrows; i++)
        extra += p->width - p->rows[i].nf;
    if (!extra)
        return true;
    if (extra > XLSXR_TEXT_MAX - p->csv.len) {
        say_text_full(p);
        return false;
    }
    text *t = &p->csv;
    size_t newlen = t->len + extra;
    t->s = rt_xrealloc(t->s, newlen + 1, 1);
    t->cap = newlen + 1;
    size_t src = t->len, dst = newlen;
    t->s[newlen] = '\0';
    for (size_t i = p->nrows; i-- > 0;) {
        const rowspan *r = &p->rows[i];
        size_t end = r->at + r->len; /* its line break */
        size_t tail = src - end;     /* the line break and the empty lines after */
        memmove(t->s + dst - tail + 1, t->s + end + 1, tail - 1);
        dst -= tail - 1;
        t->s[--dst] = '\n';
        size_t commas = p->width - r->nf;
        dst -= commas;
        memset(t->s + dst, ',', commas);
        dst -= r->len;
        memmove(t->s + dst, t->s + r->at, r->len);
        src = r->at;
    }
    t->len = newlen;
    return true;
}

/* ---- the whole */

/* qsort's order of part names: ASCII letters in either case alike (a
 * package's part names are equal so, ECMA-376 Part 2, 8.1.1.2). */
static int by_part_name(const void *a, const void *b)
{
    return strcasecmp(*(char *const *)a, *(char *const *)b);
}

/* Says (and fails) when the archive holds two parts of one name (such as
 * two entries xl/worksheets/sheet1.xml): a workbook names each part once,
 * and which of the two a reader takes is its own choice (minizip the
 * first), so the file is damaged or made by hand, not read.  The
 * directory's first 65,536 entries (as xlsxr_sheet_bytes). */
static void check_part_names(reader *R)
{
    char **names = NULL;
    size_t n = 0;
    int r = unzGoToFirstFile(R->zip);
    for (; r == UNZ_OK && n < 65536; r = unzGoToNextFile(R->zip)) {
        unz_file_info64 info;
        char *name = entry_name(R->zip, &info);
        if (!name)
            break;
        names = rt_xrealloc(names, n + 1, sizeof *names);
        names[n++] = name;
    }
    qsort(names, n, sizeof *names, by_part_name);
    for (size_t i = 1; i < n && !R->failed; i++)
        if (strcasecmp(names[i - 1], names[i]) == 0)
            fail(R, msgcat_get(R->lang, "%s: error: the workbook is damaged: it holds two parts named '%s' (a "
                                        "workbook's zip archive names each part once)\n"),
                 R->path, names[i]);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

bool xlsxr_read(const char *buf, size_t len, const char *path, const char *sheet, lbl_lang lang,
                xlsxr_sheet *out, FILE *err)
{
    memset(out, 0, sizeof *out);
    reader R = {.path = path, .lang = lang, .err = err};
    memfile mf = {buf, len, 0};
    zlib_filefunc64_def ff = {.zopen64_file = mem_open, .zread_file = mem_read, .zwrite_file = mem_write,
                              .ztell64_file = mem_tell, .zseek64_file = mem_seek, .zclose_file = mem_close,
                              .zerror_file = mem_error, .opaque = &mf};
    R.zip = unzOpen2_64(path, &ff);
    if (!R.zip) {
        fail(&R, msgcat_get(lang, "%s: error: the workbook is damaged or truncated: it is no zip archive "
                                  "planc can open\n"),
             path);
        return false;
    }
    check_part_names(&R);
    /* where the workbook part is, its sheets, and where each is */
    wbparse root = {0}, wb = {0};
    char *wbpart = NULL, *sheetpart = NULL;
    parse_part(&R, "_rels/.rels", &root, rels_start, any_end, no_chars, false);
    const rel *doc = find_rel(&root, "/officeDocument", NULL);
    wbpart = resolve("", doc ? doc->target : "xl/workbook.xml");
    parse_part(&R, wbpart, &wb, wb_start, any_end, no_chars, true);
    R.date1904 = wb.date1904;
    size_t slash = strrchr(wbpart, '/') ? (size_t)(strrchr(wbpart, '/') - wbpart) + 1 : 0;
    char *relspart = rt_xmalloc(slash + strlen(wbpart) + 16, 1);
    sprintf(relspart, "%.*s_rels/%s.rels", (int)slash, wbpart, wbpart + slash);
    parse_part(&R, relspart, &wb, rels_start, any_end, no_chars, true);
    free(relspart);
    long pick = -1;
    if (!R.failed) {
        /* no name: the first sheet shown (a hidden one, the list of a
         * drop-down say, is not what the city filled in), else the first;
         * a name: the sheet named as written, else the one named so but
         * for the case of its letters A-Z (Excel's names are
         * case-insensitive: it lets no two sheets differ in case only) */
        size_t nfold = 0;
        for (size_t i = 0; i < wb.nsheets && pick < 0; i++)
            if (sheet ? strcmp(wb.names[i], sheet) == 0 : !wb.hidden[i])
                pick = (long)i;
        if (!sheet && pick < 0 && wb.nsheets)
            pick = 0;
        for (size_t i = 0; i < wb.nsheets && pick < 0 && sheet; i++)
            nfold += strcasecmp(wb.names[i], sheet) == 0;
        for (size_t i = 0; i < wb.nsheets && pick < 0 && nfold == 1; i++)
            if (strcasecmp(wb.names[i], sheet) == 0)
                pick = (long)i;
        if (pick < 0 && !sheet)
            fail(&R, msgcat_get(lang, "%s: error: the workbook has no sheet\n"), path);
        else if (pick < 0) {
            /* the sheets' names (those differing in case only, when two
             * or more do), the first 4 KiB of them, each cut at 256 bytes
             * (Excel's are 31 characters; a damaged workbook's 4,096 names
             * of megabytes each would make a message of gigabytes) */
            text list = {0};
            for (size_t i = 0; i < wb.nsheets; i++) {
                if (nfold > 1 && strcasecmp(wb.names[i], sheet) != 0)
                    continue;
                if (list.len > 4096) {
                    put(&list, ", ...", 5, SIZE_MAX / 2);
                    break;
                }
                size_t n = strlen(wb.names[i]), k = n <= 256 ? n : 256;
                while (k < n && k && ((unsigned char)wb.names[i][k] & 0xC0) == 0x80)
                    k--;
                put(&list, list.len ? ", '" : "'", list.len ? 3 : 1, SIZE_MAX / 2);
                put(&list, wb.names[i], k, SIZE_MAX / 2);
                put(&list, k < n ? "...'" : "'", k < n ? 4 : 1, SIZE_MAX / 2);
            }
            if (nfold > 1)
                fail(&R, msgcat_get(lang, "%s: error: the workbook has no sheet named '%s' as written, and %zu "
                                          "whose names differ from it in case only: %s; name one as it is "
                                          "written\n"),
                     path, sheet, nfold, list.s);
            else
                fail(&R, msgcat_get(lang, "%s: error: the workbook has no sheet named '%s'; its sheets: %s\n"),
                     path, sheet, list.s ? list.s : "");
            free(list.s);
        }
    }
    if (pick >= 0) {
        R.sheet = wb.names[pick];
        size_t n = strlen(path) + strlen(R.sheet) + 2;
        out->name = rt_xmalloc(n, 1);
        snprintf(out->name, n, "%s#%s", path, R.sheet);
        keep_name(out->name);
        const rel *sr = find_rel(&wb, NULL, wb.rids[pick]);
        if (!sr)
            fail(&R, msgcat_get(lang, "%s: error: the workbook is damaged: sheet '%s' has no part\n"), path,
                 R.sheet);
        else if (strstr(sr->type, "/worksheet") == NULL ||
                 strcmp(sr->type + strlen(sr->type) - strlen("/worksheet"), "/worksheet") != 0)
            fail(&R, msgcat_get(lang, "%s: error: sheet '%s' is no worksheet (a chart or dialog sheet): it has "
                                      "no cells to read\n"),
                 path, R.sheet);
        else
            sheetpart = resolve(wbpart, sr->target);
    }
    /* the shared strings and the styles, then the sheet */
    if (sheetpart && !R.failed) {
        const rel *s = find_rel(&wb, "/sharedStrings", NULL);
        if (s) {
            char *part = resolve(wbpart, s->target);
            sstparse sp = {0};
            parse_part(&R, part, &sp, sst_start, sst_end, sst_chars, true);
            free(part);
        }
        const rel *st = find_rel(&wb, "/styles", NULL);
        if (st && !R.failed) {
            char *part = resolve(wbpart, st->target);
            styleparse yp = {0};
            parse_part(&R, part, &yp, style_start, style_end, no_chars, true);
            free(yp.date_ids);
            free(yp.percent_ids);
            free(yp.year_only);
            free(part);
        }
    }
    if (sheetpart && !R.failed) {
        sheetparse sp = {.out = out, .line = 1};
        if (parse_part(&R, sheetpart, &sp, sheet_start, sheet_end, sheet_chars, true) && !R.failed &&
            pad_rows(&sp)) {
            out->csv = sp.csv.s ? sp.csv.s : rt_xstrdup("");
            out->len = sp.csv.len;
            sp.csv.s = NULL;
        }
        free(sp.csv.s);
        free(sp.rows);
        free(sp.val.s);
    }
    free(sheetpart);
    free(wbpart);
    rels_free(&root);
    rels_free(&wb);
    for (size_t i = 0; i < wb.nsheets; i++) {
        free(wb.names[i]);
        free(wb.rids[i]);
    }
    free(wb.names);
    free(wb.rids);
    free(wb.hidden);
    free(R.sst);
    free(R.sst_end);
    free(R.xf_date);
    free(R.xf_percent);
    free(R.xf_year);
    unzClose(R.zip);
    if (R.failed) {
        xlsxr_free(out);
        return false;
    }
    return true;
}

void xlsxr_date_notes(const xlsxr_sheet *s, lbl_lang lang, FILE *err)
{
    for (size_t i = 0; i < s->ndates; i++) {
        const struct xlsxr_date *d = &s->dates[i];
        char col[8], *end;
        xlsxr_column_name(d->col, col);
        /* a whole number of four digits: a year typed into a date cell */
        double v = strtod(d->number, &end);
        if (!*end && v == floor(v) && v >= 1000 && v <= 9999)
            csv_message(err, msgcat_get(lang, "%s:%lu: note: cell %s%lu is formatted as a date, so it reads as the "
                                              "date it shows, %s; the number it holds is %s, a year typed into a "
                                              "cell formatted as a date: format the column's cells as General "
                                              "(常规) or Number\n"),
                        s->name, d->row, col, d->row, d->date, d->number);
        else
            csv_message(err, msgcat_get(lang, "%s:%lu: note: cell %s%lu is formatted as a date, so it reads as the "
                                              "date it shows, %s (the number it holds is %s): a column the rules "
                                              "read as numbers is to be formatted as General (常规) or Number\n"),
                        s->name, d->row, col, d->row, d->date, d->number);
    }
}

void xlsxr_free(xlsxr_sheet *s)
{
    free(s->csv);
    free(s->name);
    memset(s, 0, sizeof *s);
}
