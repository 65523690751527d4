/* table.c — reading the indicator data and building the program's inputs
 * (see table.h).
 *
 * Loading goes: read the file, check it is UTF-8, read the header and find
 * the columns the program needs, read every row (region, year and each
 * needed cell, strictly), then — only when no error was found — add the
 * ancestor rows share targets need, sort the rows by (region, year), index
 * them and build the input columns.  Every data error is printed as
 * FILE:LINE: error: MESSAGE, in file order, up to RT_MAX_ERRORS. */
#include "table.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "diag.h"
#include "progress.h"
#include "rtmem.h"

/* The rows and columns of one data file.  Before sorting, rows are in file
 * order; `slot` is an open-addressing hash of (region, year) -> row + 1. */
struct rt_table {
    const ir_program *p;
    char *path;
    size_t nrows, caprows;
    uint32_t *region;
    int *year;
    unsigned *line;
    double **data;          /* p->ncolumns columns */
    double **inputs;        /* p->ninputs columns, built after sorting */
    size_t *slot;           /* hash index; 0 = empty, else row + 1 */
    size_t nslots;          /* a power of two, at least twice nrows */
};

/* ---- the (region, year) index ---- */

/* Hash of a (region, year) key. */
static size_t key_hash(uint32_t region, long year)
{
    uint64_t h = (uint64_t)region * 0x9E3779B97F4A7C15u ^ (uint64_t)(int64_t)year;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 29;
    return (size_t)h;
}

long rt_table_find(const rt_table *t, uint32_t region, long year)
{
    if (!t->nslots)
        return -1;
    size_t mask = t->nslots - 1;
    for (size_t i = key_hash(region, year) & mask;; i = (i + 1) & mask) {
        size_t s = t->slot[i];
        if (!s)
            return -1;
        if (t->region[s - 1] == region && t->year[s - 1] == year)
            return (long)(s - 1);
    }
}

/* Enters row `row` (whose key is not yet present) into the index. */
static void index_put(rt_table *t, size_t row)
{
    size_t mask = t->nslots - 1;
    size_t i = key_hash(t->region[row], t->year[row]) & mask;
    while (t->slot[i])
        i = (i + 1) & mask;
    t->slot[i] = row + 1;
}

/* Rebuilds the index for rows [0, nrows) with room for `want` rows. */
static void index_rebuild(rt_table *t, size_t want)
{
    size_t n = 64;
    while (n < 2 * want + 2)
        n *= 2;
    free(t->slot);
    t->slot = rt_xcalloc(n, sizeof *t->slot);
    t->nslots = n;
    for (size_t r = 0; r < t->nrows; r++)
        index_put(t, r);
}

/* Appends a row (data cells NaN) and indexes it; returns its number. */
static size_t add_row(rt_table *t, uint32_t region, int year, unsigned line)
{
    const ir_program *p = t->p;
    if (t->nrows == t->caprows) {
        t->caprows = t->caprows ? t->caprows * 2 : 256;
        t->region = rt_xrealloc(t->region, t->caprows, sizeof *t->region);
        t->year = rt_xrealloc(t->year, t->caprows, sizeof *t->year);
        t->line = rt_xrealloc(t->line, t->caprows, sizeof *t->line);
        for (uint32_t k = 0; k < p->ncolumns; k++)
            t->data[k] = rt_xrealloc(t->data[k], t->caprows, sizeof *t->data[k]);
    }
    size_t r = t->nrows++;
    t->region[r] = region;
    t->year[r] = year;
    t->line[r] = line;
    for (uint32_t k = 0; k < p->ncolumns; k++)
        t->data[k][r] = NAN;
    if (2 * t->nrows + 2 > t->nslots)
        index_rebuild(t, t->caprows);
    else
        index_put(t, r);
    return r;
}

/* ---- loading ---- */

/* A name the data may use for a region: its name or an alias. */
typedef struct region_name {
    const char *text;
    uint32_t region;
} region_name;

/* State while one file is read: where errors go and how many there were,
 * the header's mapping of needed columns, and the region names. */
typedef struct loader {
    rt_table *t;
    const ir_program *p;
    const char *name;
    FILE *err;
    int nerrors;
    bool stopped;           /* RT_MAX_ERRORS reached */
    char **header;          /* the header's field names (trimmed copies) */
    size_t nheader;
    long region_field, year_field;
    long *column_field;     /* p->ncolumns header indices, -1 when absent */
    region_name *names;     /* sorted by text */
    size_t nnames;
} loader;

/* Prints one data error "NAME:LINE: error: ..." (no line when 0) and counts
 * it; after RT_MAX_ERRORS, says so once and stops the reading. */
static void data_error(loader *L, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void data_error(loader *L, unsigned line, const char *fmt, ...)
{
    if (L->stopped)
        return;
    if (line)
        fprintf(L->err, "%s:%u: error: ", L->name, line);
    else
        fprintf(L->err, "%s: error: ", L->name);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(L->err, fmt, ap);
    va_end(ap);
    fputc('\n', L->err);
    if (++L->nerrors >= RT_MAX_ERRORS) {
        fprintf(L->err, "%s: error: too many errors (stopped after %d)\n", L->name,
                RT_MAX_ERRORS);
        L->stopped = true;
    }
}

/* The cell without surrounding spaces and tabs, copied into buf (which has
 * room for strlen(s) + 1 bytes). */
static const char *trim(const char *s, char *buf)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

/* A cell that means "missing": empty (after trimming) or NA. */
static bool is_missing(const char *s)
{
    return s[0] == '\0' || strcmp(s, "NA") == 0;
}

/* Parses a trimmed numeric cell strictly: the whole text must be a decimal
 * number as strtod reads it (no nan, inf or hex), within double's range.
 * Returns 0 with *v set (NaN for a missing cell), -1 if malformed, -2 if
 * out of range. */
static int parse_number(const char *s, double *v)
{
    if (is_missing(s)) {
        *v = NAN;
        return 0;
    }
    for (const char *c = s; *c; c++)
        if (!((*c >= '0' && *c <= '9') || *c == '+' || *c == '-' || *c == '.' ||
              *c == 'e' || *c == 'E'))
            return -1;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (end == s || *end)
        return -1;
    if (errno == ERANGE && isinf(d))
        return -2;
    *v = d;
    return 0;
}

/* ASCII case-insensitive equality. */
static bool eq_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return *a == *b;
}

/* Parses a trimmed yes/no cell: 1/0, yes/no, true/false, 是/否.  Returns 0
 * with *v = 1.0, 0.0 or NaN (missing), or -1. */
static int parse_bool(const char *s, double *v)
{
    if (is_missing(s))
        *v = NAN;
    else if (strcmp(s, "1") == 0 || eq_nocase(s, "yes") || eq_nocase(s, "true") ||
             strcmp(s, "是") == 0)
        *v = 1.0;
    else if (strcmp(s, "0") == 0 || eq_nocase(s, "no") || eq_nocase(s, "false") ||
             strcmp(s, "否") == 0)
        *v = 0.0;
    else
        return -1;
    return 0;
}

/* Years are written as plain integers from 1 to 9999. */
enum { MAX_YEAR = 9999 };

/* Parses a trimmed year cell.  Returns 0 with *y set, -1 if it is not an
 * integer, -2 if out of range. */
static int parse_year(const char *s, int *y)
{
    if (!*s)
        return -1;
    long v = 0;
    for (const char *c = s; *c; c++) {
        if (*c < '0' || *c > '9')
            return -1;
        if (v <= MAX_YEAR)
            v = v * 10 + (*c - '0');
    }
    if (v < 1 || v > MAX_YEAR)
        return -2;
    *y = (int)v;
    return 0;
}

/* Orders region names by their bytes. */
static int cmp_region_name(const void *a, const void *b)
{
    return strcmp(((const region_name *)a)->text, ((const region_name *)b)->text);
}

/* Builds the sorted list of region names and aliases. */
static void build_names(loader *L)
{
    const ir_program *p = L->p;
    size_t n = 0;
    for (uint32_t i = 0; i < p->nregions; i++)
        n += 1 + p->regions[i].naliases;
    L->names = rt_xmalloc(n, sizeof *L->names);
    for (uint32_t i = 0; i < p->nregions; i++) {
        L->names[L->nnames++] = (region_name){p->regions[i].name, i};
        for (uint32_t k = 0; k < p->regions[i].naliases; k++)
            L->names[L->nnames++] = (region_name){p->regions[i].aliases[k], i};
    }
    qsort(L->names, L->nnames, sizeof *L->names, cmp_region_name);
}

/* The region called `s` (by name or alias), or -1. */
static long find_region(const loader *L, const char *s)
{
    region_name key = {s, 0};
    const region_name *f = bsearch(&key, L->names, L->nnames, sizeof *L->names,
                                   cmp_region_name);
    return f ? (long)f->region : -1;
}

/* Number of code points in a UTF-8 string. */
static int cplen(const char *s)
{
    int n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* The region name or alias closest to `s`, when close enough to suggest. */
static const char *suggest_region(const loader *L, const char *s)
{
    const char *best = NULL;
    int bestd = 0;
    for (size_t i = 0; i < L->nnames; i++) {
        int d = diag_editdist(s, L->names[i].text);
        if (!best || d < bestd) {
            best = L->names[i].text;
            bestd = d;
        }
    }
    if (!best)
        return NULL;
    int ls = cplen(s), lb = cplen(best);
    int limit = ls / 3 > 1 ? ls / 3 : 1;
    int longer = ls > lb ? ls : lb;
    return bestd <= limit && bestd < longer ? best : NULL;
}

/* Checks that the file is UTF-8 without NUL bytes; reports the first bad
 * byte and returns false otherwise. */
static bool check_utf8(loader *L, const unsigned char *s, size_t len)
{
    unsigned line = 1;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        uint32_t min;
        if (c == '\n' || (c == '\r' && !(i + 1 < len && s[i + 1] == '\n')))
            line++;
        if (c == 0) {
            data_error(L, line, "NUL byte in the data (the file must be UTF-8 text)");
            return false;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
        else { n = 0; min = 0; }
        uint32_t cp = n ? c & (0x3F >> n) : 0;
        bool ok = n != 0;
        for (size_t k = 1; ok && k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            data_error(L, line, "invalid UTF-8 (byte 0x%02X); the data must be UTF-8", c);
            return false;
        }
        i += n + 1;
    }
    return true;
}

/* True when header field `name` is one the program reads. */
static bool is_needed(const loader *L, const char *name)
{
    const ir_program *p = L->p;
    if (strcmp(name, p->region_key) == 0 || strcmp(name, p->year_key) == 0)
        return true;
    for (uint32_t k = 0; k < p->ncolumns; k++)
        if (strcmp(name, p->columns[k].name) == 0)
            return true;
    return false;
}

/* The header field most like `want` (differing in case, or by a few
 * characters) that the program does not read under its own name, or -1. */
static long similar_field(const loader *L, const char *want)
{
    long best = -1;
    int bestd = 0;
    int lw = cplen(want);
    int limit = lw / 3 > 1 ? lw / 3 : 1;
    for (size_t i = 0; i < L->nheader; i++) {
        const char *h = L->header[i];
        if (is_needed(L, h))
            continue;
        int d = eq_nocase(h, want) ? 0 : diag_editdist(h, want);
        int lh = cplen(h);
        if (d <= limit && d < (lh > lw ? lh : lw) && (best < 0 || d < bestd)) {
            best = (long)i;
            bestd = d;
        }
    }
    return best;
}

/* Reads the header record and finds every column the program needs.
 * Returns false after reporting what is missing. */
static bool read_header(loader *L, csv_reader *csv)
{
    const ir_program *p = L->p;
    bool empty = csv->pos >= csv->len; /* nothing but perhaps a BOM */
    csv_record rec;
    csv_status st = csv_next(csv, &rec);
    if (st == CSV_EOF) {
        if (empty)
            data_error(L, 0, "the file is empty (it needs a header row naming its columns)");
        else
            data_error(L, rec.line, "no header row: the file has only empty lines");
        return false;
    }
    if (st == CSV_UNTERMINATED) {
        data_error(L, rec.line, "unterminated quoted field (a quote opened in this record never closes)");
        return false;
    }
    L->nheader = rec.nfields;
    L->header = rt_xcalloc(rec.nfields, sizeof *L->header);
    for (size_t i = 0; i < rec.nfields; i++) {
        const char *f = csv_field(csv, i);
        char *h = rt_xmalloc(strlen(f) + 1, 1);
        trim(f, h);
        L->header[i] = h;
    }
    if (rec.bad_field >= 0) {
        data_error(L, rec.line, "header field %ld ('%s'): text after the closing quote",
                   rec.bad_field + 1, L->header[rec.bad_field]);
        return false;
    }

    /* Each needed name must appear exactly once. */
    bool ok = true;
    const size_t nneed = (size_t)p->ncolumns + 2;
    for (size_t k = 0; k < nneed; k++) {
        const char *want = k == 0 ? p->region_key : k == 1 ? p->year_key : p->columns[k - 2].name;
        long at = -1;
        for (size_t i = 0; i < L->nheader; i++) {
            if (strcmp(L->header[i], want) != 0)
                continue;
            if (at >= 0) {
                data_error(L, rec.line, "column '%s' appears twice in the header (fields %ld and %zu)",
                           want, at + 1, i + 1);
                ok = false;
                break;
            }
            at = (long)i;
        }
        if (k == 0)
            L->region_field = at;
        else if (k == 1)
            L->year_field = at;
        else
            L->column_field[k - 2] = at;
        if (at >= 0)
            continue;
        ok = false;
        if (k == 0)
            data_error(L, rec.line, "column '%s' (the region column) is not in the header", want);
        else if (k == 1)
            data_error(L, rec.line, "column '%s' (the year column) is not in the header", want);
        else if (p->columns[k - 2].indicator)
            data_error(L, rec.line, "column '%s' (indicator %s) is not in the header", want,
                       p->columns[k - 2].indicator);
        else
            data_error(L, rec.line, "column '%s' is not in the header", want);
        long near = similar_field(L, want);
        if (near >= 0 && !L->stopped)
            fprintf(L->err, "%s:%u: note: the header has a similar column '%s' (field %ld)\n",
                    L->name, rec.line, L->header[near], near + 1);
    }
    if (!ok && !L->stopped) {
        /* A first line of data instead of names is the usual cause. */
        for (size_t i = 0; i < L->nheader; i++) {
            double v;
            if (find_region(L, L->header[i]) >= 0 ||
                (!is_missing(L->header[i]) && parse_number(L->header[i], &v) == 0)) {
                fprintf(L->err, "%s:%u: note: this line looks like data; the first line must name the columns\n",
                        L->name, rec.line);
                break;
            }
        }
    }
    return ok;
}

/* Reads one data record into a new row; reports what is wrong with it. */
static void read_row(loader *L, csv_reader *csv, const csv_record *rec, char *buf)
{
    const ir_program *p = L->p;
    rt_table *t = L->t;
    if (rec->nfields != L->nheader) {
        data_error(L, rec->line, "row has %zu field%s, the header has %zu", rec->nfields,
                   rec->nfields == 1 ? "" : "s", L->nheader);
        return;
    }
    if (rec->bad_field >= 0) {
        data_error(L, rec->line, "column '%s': text after the closing quote",
                   L->header[rec->bad_field]);
        return;
    }
    bool ok = true;
    const char *key = L->header[L->region_field];
    const char *s = trim(csv_field(csv, (size_t)L->region_field), buf);
    long region = -1;
    if (!*s) {
        data_error(L, rec->line, "column '%s': missing region", key);
        ok = false;
    } else if ((region = find_region(L, s)) < 0) {
        data_error(L, rec->line, "column '%s': unknown region '%s'", key, s);
        const char *hint = suggest_region(L, s);
        if (hint && !L->stopped)
            fprintf(L->err, "note: did you mean '%s'?\n", hint);
        ok = false;
    }

    key = L->header[L->year_field];
    s = trim(csv_field(csv, (size_t)L->year_field), buf);
    int year = 0;
    int yr = parse_year(s, &year);
    if (!*s) {
        data_error(L, rec->line, "column '%s': missing year", key);
        ok = false;
    } else if (yr == -1) {
        data_error(L, rec->line, "column '%s': malformed year '%s'", key, s);
        ok = false;
    } else if (yr == -2) {
        data_error(L, rec->line, "column '%s': year '%s' is out of range (1..%d)", key, s, MAX_YEAR);
        ok = false;
    }

    /* A row with a valid key is added even when a cell is bad, so later
     * duplicates of it are found; any error discards the whole table. */
    size_t row = 0;
    if (ok) {
        long prev = rt_table_find(t, (uint32_t)region, year);
        if (prev >= 0) {
            data_error(L, rec->line, "duplicate row for %s %d (first at line %u)",
                       p->regions[region].name, year, t->line[prev]);
            ok = false;
        } else {
            row = add_row(t, (uint32_t)region, year, rec->line);
        }
    }
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *c = &p->columns[k];
        s = trim(csv_field(csv, (size_t)L->column_field[k]), buf);
        double v;
        if (c->type == IR_COL_BOOL) {
            if (parse_bool(s, &v) != 0) {
                data_error(L, rec->line, "column '%s': malformed yes/no value '%s' (expected 1/0, yes/no, true/false or 是/否)",
                           c->name, s);
                continue;
            }
        } else {
            int r = parse_number(s, &v);
            if (r == -1) {
                data_error(L, rec->line, "column '%s': malformed number '%s'", c->name, s);
                continue;
            }
            if (r == -2) {
                data_error(L, rec->line, "column '%s': number '%s' is out of range", c->name, s);
                continue;
            }
        }
        if (ok)
            t->data[k][row] = v;
    }
}

/* Adds a row with missing data for every ancestor of a region that has a
 * row in a year when the ancestor has none, so share targets have a row to
 * be scored on. */
static void add_ancestor_rows(rt_table *t)
{
    const ir_program *p = t->p;
    size_t n = t->nrows;
    for (size_t r = 0; r < n; r++) {
        int32_t a = p->regions[t->region[r]].parent;
        for (uint32_t depth = 0; a >= 0 && depth < p->nregions; depth++) {
            if (rt_table_find(t, (uint32_t)a, t->year[r]) < 0)
                add_row(t, (uint32_t)a, t->year[r], 0);
            a = p->regions[a].parent;
        }
    }
}

/* A row's sort key and its position before sorting. */
typedef struct row_key {
    uint32_t region;
    int year;
    size_t row;
} row_key;

static int cmp_row_key(const void *a, const void *b)
{
    const row_key *x = a, *y = b;
    if (x->region != y->region)
        return x->region < y->region ? -1 : 1;
    return (x->year > y->year) - (x->year < y->year);
}

/* Puts rows in (region, year) order and reindexes them. */
static void sort_rows(rt_table *t)
{
    const ir_program *p = t->p;
    size_t n = t->nrows;
    row_key *keys = rt_xmalloc(n, sizeof *keys);
    for (size_t r = 0; r < n; r++)
        keys[r] = (row_key){t->region[r], t->year[r], r};
    qsort(keys, n, sizeof *keys, cmp_row_key);
    unsigned *line = rt_xmalloc(n, sizeof *line);
    for (size_t r = 0; r < n; r++) {
        t->region[r] = keys[r].region;
        t->year[r] = keys[r].year;
        line[r] = t->line[keys[r].row];
    }
    free(t->line);
    t->line = line;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        double *col = rt_xmalloc(n, sizeof *col);
        for (size_t r = 0; r < n; r++)
            col[r] = t->data[k][keys[r].row];
        free(t->data[k]);
        t->data[k] = col;
    }
    free(keys);
    index_rebuild(t, n);
}

/* Builds every input column of the program over the sorted rows. */
static void build_inputs(rt_table *t)
{
    const ir_program *p = t->p;
    size_t n = t->nrows;
    t->inputs = rt_xcalloc(p->ninputs, sizeof *t->inputs);
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        double *col = rt_xmalloc(n, sizeof *col);
        t->inputs[i] = col;
        switch (in->kind) {
        case IR_IN_DATA:
            for (size_t r = 0; r < n; r++) {
                long y = in->shift.absolute ? in->shift.year : (long)t->year[r] + in->shift.rel;
                long at = in->shift.absolute || in->shift.rel ? rt_table_find(t, t->region[r], y)
                                                              : (long)r;
                col[r] = at < 0 ? NAN : t->data[in->column][at] * in->scale;
            }
            break;
        case IR_IN_YEAR:
            for (size_t r = 0; r < n; r++)
                col[r] = t->year[r];
            break;
        case IR_IN_PRESENT:
            for (size_t r = 0; r < n; r++)
                col[r] = t->line[r] != 0 ? 1.0 : 0.0;
            break;
        case IR_IN_SCOPE: {
            bool *in_scope = rt_xcalloc(p->nregions, sizeof *in_scope);
            const ir_scope *sc = &p->scopes[in->scope];
            for (uint32_t k = 0; k < sc->n; k++)
                in_scope[sc->regions[k]] = true;
            for (size_t r = 0; r < n; r++)
                col[r] = in_scope[t->region[r]] ? 1.0 : 0.0;
            free(in_scope);
            break;
        }
        }
    }
}

/* Checks the indices the program hands the table (a lowering bug must not
 * become an out-of-bounds read).  Prints an internal error and returns
 * false when one is out of range. */
static bool program_ok(const ir_program *p, FILE *err)
{
    for (uint32_t i = 0; i < p->nregions; i++)
        if (p->regions[i].parent >= (int32_t)p->nregions) {
            fprintf(err, "planc: internal error: region %u has parent %d\n", i, p->regions[i].parent);
            return false;
        }
    for (uint32_t i = 0; i < p->nscopes; i++)
        for (uint32_t k = 0; k < p->scopes[i].n; k++)
            if (p->scopes[i].regions[k] >= p->nregions) {
                fprintf(err, "planc: internal error: scope %u names region %u\n", i,
                        p->scopes[i].regions[k]);
                return false;
            }
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        if ((in->kind == IR_IN_DATA && in->column >= p->ncolumns) ||
            (in->kind == IR_IN_SCOPE && in->scope >= p->nscopes)) {
            fprintf(err, "planc: internal error: input %u is out of range\n", i);
            return false;
        }
    }
    return true;
}

/* True when the program has an IR_SHARE step. */
static bool has_share(const ir_program *p)
{
    for (uint32_t i = 0; i < p->nsteps; i++)
        if (p->steps[i].op == IR_SHARE)
            return true;
    return false;
}

rt_table *rt_table_parse(const ir_program *p, const char *name,
                         const char *buf, size_t len, FILE *err)
{
    if (!program_ok(p, err))
        return NULL;
    rt_table *t = rt_xcalloc(1, sizeof *t);
    t->p = p;
    t->path = rt_xstrdup(name);
    t->data = rt_xcalloc(p->ncolumns, sizeof *t->data);
    index_rebuild(t, 0);

    loader L = {.t = t, .p = p, .name = name, .err = err, .region_field = -1, .year_field = -1};
    L.column_field = rt_xmalloc(p->ncolumns, sizeof *L.column_field);
    build_names(&L);

    csv_reader csv;
    csv_init(&csv, buf, len);
    if (check_utf8(&L, (const unsigned char *)buf, len) && read_header(&L, &csv)) {
        /* A scratch buffer as long as the file holds any trimmed cell. */
        char *cell = rt_xmalloc(len + 1, 1);
        csv_record rec;
        csv_status st;
        while (!L.stopped && (st = csv_next(&csv, &rec)) != CSV_EOF) {
            if (st == CSV_UNTERMINATED) {
                data_error(&L, rec.line, "unterminated quoted field (a quote opened in this record never closes)");
                break;
            }
            read_row(&L, &csv, &rec, cell);
            progress_count_read(1);
        }
        free(cell);
    }
    csv_dispose(&csv);

    for (size_t i = 0; i < L.nheader; i++)
        free(L.header[i]);
    free(L.header);
    free(L.column_field);
    free(L.names);
    if (L.nerrors) {
        rt_table_free(t);
        return NULL;
    }
    if (has_share(p))
        add_ancestor_rows(t);
    sort_rows(t);
    build_inputs(t);
    return t;
}

rt_table *rt_table_load(const ir_program *p, const char *path, FILE *err)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    if (!f || fstat(fileno(f), &st) != 0) {
        fprintf(err, "planc: error: cannot read '%s': %s\n", path, strerror(errno));
        if (f)
            fclose(f);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(err, "planc: error: cannot read '%s': it is a directory\n", path);
        fclose(f);
        return NULL;
    }
    size_t len = 0, cap = 1 << 16;
    char *buf = rt_xmalloc(cap, 1);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = rt_xrealloc(buf, cap, 1);
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(err, "planc: error: cannot read '%s': %s\n", path, strerror(errno));
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    rt_table *t = rt_table_parse(p, path, buf, len, err);
    free(buf);
    return t;
}

void rt_table_free(rt_table *t)
{
    if (!t)
        return;
    for (uint32_t k = 0; k < t->p->ncolumns; k++)
        free(t->data[k]);
    free(t->data);
    if (t->inputs)
        for (uint32_t i = 0; i < t->p->ninputs; i++)
            free(t->inputs[i]);
    free(t->inputs);
    free(t->region);
    free(t->year);
    free(t->line);
    free(t->slot);
    free(t->path);
    free(t);
}

const char *rt_table_path(const rt_table *t) { return t->path; }
size_t rt_table_nrows(const rt_table *t) { return t->nrows; }
uint32_t rt_table_region(const rt_table *t, size_t row) { return t->region[row]; }
int rt_table_year(const rt_table *t, size_t row) { return t->year[row]; }
unsigned rt_table_line(const rt_table *t, size_t row) { return t->line[row]; }
const double *rt_table_column(const rt_table *t, uint32_t col) { return t->data[col]; }
const double *const *rt_table_inputs(const rt_table *t) { return (const double *const *)t->inputs; }
