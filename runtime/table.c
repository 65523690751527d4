/* table.c — reading the indicator data and building the program's inputs
 * (see table.h).
 *
 * Loading goes: read the file in blocks, checking each is UTF-8 as it
 * comes, read the header and find the columns the program needs, read every
 * row (region, year and each needed cell, strictly), then — only when no
 * error was found — add the ancestor rows share targets need, sort the rows
 * by (region, year), index them and build the input columns.  Every data
 * error is printed as FILE:LINE: error: MESSAGE, in file order, up to
 * RT_MAX_ERRORS; bad text (invalid UTF-8, a NUL byte) is reported alone. */
#include "table.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include "csv.h"
#include "diag.h"
#include "progress.h"
#include "report.h"
#include "exec.h"
#include "msgcat.h"
#include "rtmem.h"
#include "sha256.h"
#include "template.h"
#include "textconv.h"
#include "utf8.h"
#include "xlsx_read.h"
#include "warnings.h"

/* The rows and columns of one data file.  Before sorting, rows are in file
 * order: `maxyear` holds each region's latest year so far, so a row that
 * comes after its region's earlier years (data in order) is known new at
 * once; the hash `slot` of (region, year) -> row + 1 is built only when a
 * row comes out of that order.  After sorting, `first` finds a region's
 * rows and rt_table_find searches their years. */
struct rt_table {
    const ir_program *p;
    char *path;
    char sha256[65];        /* the bytes' hash (rt_load_options.digest), else "" */
    size_t nrows, caprows;
    uint32_t *region;
    int *year;
    unsigned *line;
    double **data;          /* p->ncolumns columns */
    double **inputs;        /* p->ninputs columns: data columns after sorting, the
                               others built by the first rt_table_inputs */
    bool *input_shared;     /* inputs[i] is a data column (freed with data) */
    bool inputs_built;      /* every inputs[i] is there */
    bool **members;         /* per scope input: per region, whether it is in scope */
    pthread_mutex_t inputs_lock; /* guards the building */
    int *maxyear;           /* while loading: per region, latest year read (0: none) */
    double **aggn;          /* per aggregated column, per row, how many of the row's
                               cells were not missing (NULL for other columns) */
    double **aggs;          /* while loading: per column with the mean aggregate, per
                               row, the sum of its cells each scaled by 2^-40
                               (rt_mean_of); NULL for other columns, and freed by
                               finish() */
    int32_t **texts;        /* with keep_texts: per column read through a map and
                               without an aggregate, per row, the map's text the cell
                               was (-1: none; NULL for other columns); else NULL */
    uint32_t *nrec;         /* when rows are combined: per row, how many records made
                               it (0 for an added row); else NULL */
    bool *absent;           /* p->ncolumns: the header lacked the column, read as
                               missing cells (--allow-missing-columns) */
    bool *absent_needed;    /* of them, those the rules read on the rows of a
                               region the table has rows of (NULL: none) */
    char **absent_note;     /* p->ncolumns or NULL: per absent column read
                               quietly, the note planc run gives on a field like
                               it (near_note), for template --check; else NULL */
    size_t *slot;           /* while loading, once needed: 0 = empty, else row + 1 */
    size_t nslots;          /* a power of two, at least twice nrows; 0 = no hash yet */
    size_t *first;          /* after sorting: region g's rows are [first[g], first[g + 1]) */
    /* Several data files (rt_table_load_many): their names, and per row
     * the index of the file it came from; NULL and 0 for one file. */
    uint32_t *file;
    char **paths;
    size_t npaths;
    bool *file_region;      /* [file * nregions + region]: the file has rows
                               of the region (a combined row is of each) */
    char (*file_sha256)[65]; /* per file, its bytes' hash (digest), else NULL */
    /* ... and per column, per row, the file and line its cell came from
     * (a row two files give takes cells of both); per file and column
     * (f * ncolumns + k), when other rules read the file (--read-with),
     * the name and unit of the file's column and the factor its cells
     * were converted by, else NULL; per file, those rules' plan name. */
    uint32_t **cellfile;
    unsigned **cellline;
    unsigned header_line;   /* the header's line (the absent columns' warnings) */
    char **readname, **readunit;
    double *readscale;
    char **readplan;
    /* A workbook's sheet whose rows are its records' (no aggregate
     * combined them): per column, the header field its cells are read
     * from (-1: none), and for a column per year, per year of the header
     * (year_index: MAX_YEAR + 1, a year's index + 1, 0 if absent), that
     * year's field; else NULL.  cell_field() names the cell of a row
     * from them, for the errors of several files (merge_part). */
    long *cell_field;
    long **cell_year_field;
    int *cell_year_index;
    /* Per column of a column per year, the first and last year after the
     * plan's horizon whose column its header has (0: none; NULL: no such
     * column, or not known, as of a file read by other rules): the
     * columns warn_after_horizon names (late_years). */
    int *late_lo, *late_hi;
    size_t reread;          /* records the parsing threads left to read_row
                               (rt_table_reread) */
};

/* ---- finding rows ---- */

bool rt_table_column_absent(const rt_table *t, uint32_t col)
{
    return col < t->p->ncolumns && t->absent[col];
}

const char *rt_table_absent_note(const rt_table *t, uint32_t col)
{
    return t->absent_note && col < t->p->ncolumns ? t->absent_note[col] : NULL;
}

unsigned rt_table_header_line(const rt_table *t)
{
    return t->header_line;
}

bool rt_table_column_absent_needed(const rt_table *t, uint32_t col)
{
    return t->absent_needed && col < t->p->ncolumns && t->absent_needed[col];
}

/* Marks, once the table is whole (planc's rows above its regions added),
 * the absent columns that the rules read on the rows of a region it has
 * rows of (template.h): the columns whose absence leaves a result missing.
 * A column no file has and no region of the data needs (a coastal city's
 * column, in data without coastal cities) is none of the results' concern. */
static void mark_absent_needed(rt_table *t)
{
    const ir_program *p = t->p;
    bool any = false;
    for (uint32_t k = 0; k < p->ncolumns && !any; k++)
        any = t->absent[k];
    if (!any)
        return;
    uint32_t *regions = rt_xcalloc((size_t)p->nregions + 1, sizeof *regions), nregions = 0;
    uint8_t *seen = rt_xcalloc((size_t)p->nregions + 1, 1);
    for (size_t row = 0; row < t->nrows; row++) {
        uint32_t g = t->region[row];
        if (g < p->nregions && !seen[g]) {
            seen[g] = 1;
            regions[nregions++] = g;
        }
    }
    tmpl_needs *n = tmpl_needs_make(p, regions, nregions);
    t->absent_needed = rt_xcalloc(p->ncolumns, sizeof *t->absent_needed);
    for (uint32_t k = 0; k < p->ncolumns; k++)
        t->absent_needed[k] = t->absent[k] && tmpl_column_needed(p, n, k);
    tmpl_needs_free(n);
    free(regions);
    free(seen);
}

long rt_table_find(const rt_table *t, uint32_t region, long year)
{
    if (!t->first || region >= t->p->nregions)
        return -1;
    size_t lo = t->first[region], hi = t->first[region + 1];
    /* A region's years are mostly consecutive: try where the year would be
     * then, and search the years otherwise. */
    if (lo < hi) {
        long d = year - t->year[lo];
        if (d >= 0 && (size_t)d < hi - lo && t->year[lo + (size_t)d] == year)
            return (long)(lo + (size_t)d);
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->year[mid] < year)
            lo = mid + 1;
        else if (t->year[mid] > year)
            hi = mid;
        else
            return (long)mid;
    }
    return -1;
}

/* Hash of a (region, year) key. */
static size_t key_hash(uint32_t region, long year)
{
    uint64_t h = (uint64_t)region * 0x9E3779B97F4A7C15u ^ (uint64_t)(int64_t)year;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9u;
    h ^= h >> 29;
    return (size_t)h;
}

/* Enters row `row` (whose key is not yet present) into the hash. */
static void index_put(rt_table *t, size_t row)
{
    size_t mask = t->nslots - 1;
    size_t i = key_hash(t->region[row], t->year[row]) & mask;
    while (t->slot[i])
        i = (i + 1) & mask;
    t->slot[i] = row + 1;
}

/* Rebuilds the hash for rows [0, nrows) with room for `want` rows. */
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

/* While loading: the row read so far with key (region, year), or -1. */
static long seen_find(rt_table *t, uint32_t region, int year)
{
    if (year > t->maxyear[region])
        return -1;
    /* rows to combine usually come together */
    if (t->region[t->nrows - 1] == region && t->year[t->nrows - 1] == year)
        return (long)(t->nrows - 1);
    if (!t->nslots)
        index_rebuild(t, t->nrows);
    size_t mask = t->nslots - 1;
    for (size_t i = key_hash(region, year) & mask;; i = (i + 1) & mask) {
        size_t s = t->slot[i];
        if (!s)
            return -1;
        if (t->region[s - 1] == region && t->year[s - 1] == year)
            return (long)(s - 1);
    }
}

/* Gives the row arrays room for more rows (256 at first, then twice as
 * many); a table's arrays are never NULL, even with no rows. */
static void grow_rows(rt_table *t)
{
    const ir_program *p = t->p;
    t->caprows = t->caprows ? t->caprows * 2 : 256;
    t->region = rt_xrealloc(t->region, t->caprows, sizeof *t->region);
    t->year = rt_xrealloc(t->year, t->caprows, sizeof *t->year);
    t->line = rt_xrealloc(t->line, t->caprows, sizeof *t->line);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        t->data[k] = rt_col_realloc(t->data[k], k, t->caprows);
        if (t->aggn[k])
            t->aggn[k] = rt_xrealloc(t->aggn[k], t->caprows, sizeof *t->aggn[k]);
        if (t->aggs[k])
            t->aggs[k] = rt_xrealloc(t->aggs[k], t->caprows, sizeof *t->aggs[k]);
        if (t->texts && t->texts[k])
            t->texts[k] = rt_xrealloc(t->texts[k], t->caprows, sizeof *t->texts[k]);
    }
    if (t->nrec)
        t->nrec = rt_xrealloc(t->nrec, t->caprows, sizeof *t->nrec);
    if (t->file)
        t->file = rt_xrealloc(t->file, t->caprows, sizeof *t->file);
    for (uint32_t k = 0; t->cellfile && k < p->ncolumns; k++) {
        t->cellfile[k] = rt_xrealloc(t->cellfile[k], t->caprows, sizeof *t->cellfile[k]);
        t->cellline[k] = rt_xrealloc(t->cellline[k], t->caprows, sizeof *t->cellline[k]);
    }
}

/* Appends a row and notes its key; returns its number.  Its data cells
 * are v[0..ncolumns) (a record whose cells are all read and that no
 * aggregate folds: commit_range), or NaN when v is NULL (store() fills
 * them). */
static size_t add_row(rt_table *t, uint32_t region, int year, unsigned line, const double *v)
{
    const ir_program *p = t->p;
    if (t->nrows == t->caprows)
        grow_rows(t);
    size_t r = t->nrows++;
    t->region[r] = region;
    t->year[r] = year;
    t->line[r] = line;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        t->data[k][r] = v ? v[k] : NAN;
        if (t->aggn[k])
            t->aggn[k][r] = 0;
        if (t->aggs[k])
            t->aggs[k][r] = 0;
        if (t->texts && t->texts[k])
            t->texts[k][r] = -1;
    }
    if (t->nrec)
        t->nrec[r] = line ? 1 : 0;
    if (t->file)
        t->file[r] = 0;
    for (uint32_t k = 0; t->cellfile && k < p->ncolumns; k++) {
        t->cellfile[k][r] = 0;
        t->cellline[k][r] = 0;
    }
    if (year > t->maxyear[region])
        t->maxyear[region] = year;
    if (t->nslots) {
        if (2 * t->nrows + 2 > t->nslots)
            index_rebuild(t, t->nrows); /* twice the slots */
        else
            index_put(t, r);
    }
    return r;
}

/* ---- loading ---- */

/* A name the data may use for a region (its name or an alias): an entry
 * of the names' hash table, empty when text is NULL. */
typedef struct region_name {
    const char *text;
    uint32_t len;
    uint32_t region;
} region_name;

/* State while one file is read: where errors go and how many there were,
 * the header's mapping of needed columns, and the region names (a hash
 * table of them, and the one the last row used, as rows of a region
 * usually come together). */
/* A header field: its name and its index, as find_field looks it up. */
typedef struct header_entry {
    const char *name;
    size_t field;
} header_entry;

/* At most this many bytes of a cell are shown in a message. */
enum { SHOWN_BYTES = 60 };

typedef struct loader {
    rt_table *t;
    const ir_program *p;
    const char *name;
    FILE *err;
    int nerrors;
    bool stopped;           /* RT_MAX_ERRORS reached */
    bool workbook;          /* the text is a workbook's sheet (xlsx_read.h):
                               a cell's error names the cell (vreport) */
    char **header;          /* the header's field names (trimmed copies) */
    size_t nheader;
    header_entry *by_name;  /* the header's fields sorted by name, then field (find_field) */
    long region_field, year_field;
    long *column_field;     /* p->ncolumns header indices, -1 when absent */
    bool *percent;          /* p->ncolumns: the column's unit is % (cells may end in %) */
    region_name *names;     /* open addressing, name_mask + 1 entries */
    size_t name_mask;       /* entries - 1 (a power of two) */
    size_t nnames;          /* entries in use */
    const region_name *last; /* the name found last, or NULL */
    const char **sorted;    /* the names sorted by bytes (for suggestions), once needed */
    /* A file converted from --encoding: each name above as a row saved in
     * another encoding reads (garble_names), sorted by bytes, for a file
     * joined from files of two encodings, whose rows of the other one
     * --skip-unknown-regions must not skip as regions the rules lack. */
    char **garbled;
    size_t ngarbled;
    const struct source *src; /* what is being read */
    uint32_t *sorted_region; /* the region of each */
    bool combine;           /* a column has an aggregate: rows of one region and year
                               are combined, not duplicates */
    bool again;             /* the row key_row gave was made by an earlier record */
    bool *warned;           /* per header field: its repetition was warned about */
    long *same_as;          /* per column: an earlier column reading the same field the
                               same way (its cell is parsed once), or -1 */
    bool *cell_ok;          /* per column: the record's cell parsed (into plain[]) */
    int32_t *cell_text;     /* per column, with keep_texts: the text of its map the
                               record's cell last read was (-1: none; store) */
    unsigned disagree_line; /* the record and column of the last "differs" error */
    uint32_t disagree_col;
    /* A file with a column per year (a column "C{year}"): the years of the
     * header, ascending, and per column (NULL for plain ones) the header
     * field of each of those years (-1: none); the plain cells of the
     * record being read. */
    int *years;
    size_t nyears;
    int *year_index;        /* MAX_YEAR + 1: a year's index in years + 1, 0 if absent */
    long **year_field_of;
    double *plain;
    /* Lines of one field not yet followed by a row (perhaps a footer):
     * how many, their lines (the first RT_MAX_ERRORS) and the first's text. */
    size_t nnotes;
    unsigned note_line[RT_MAX_ERRORS];
    bool note_padded[RT_MAX_ERRORS]; /* the line had the header's fields, all but the first empty */
    char *first_note;
    bool any_row;           /* a record of more than one field came after the header */
    rt_load_options opts;
    size_t skipped;         /* rows of undeclared regions skipped (opts) */
    unsigned first_skipped; /* the line of the first */
    char *first_region;     /* and its region (malloc'd) */
    size_t skipped_dropped; /* of them, rows of regions the rules dropped */
    char *first_dropped;    /* the first such region (malloc'd), and where */
    const char *first_dropped_at; /* the rules drop it ("ext.plan:6") */
    bool dropped_noted;     /* a row of a dropped region was an error: the
                               note after the errors names the option */
    bool whole_noted;       /* a row called 全省 (合计 ...) was explained */
    int32_t sole_region;    /* the region of every row read so far whose
                               region is known (note_region); -1 none yet,
                               -2 several */
    bool year_date_noted;   /* a year cell holding a date was explained (year_date_note) */
    bool year_mark_noted;   /* a year cell with a mark after the year
                               (2024年(初步)) was explained */
    char *first_unknown;    /* the first region reported unknown that is
                               like no declared one (no did-you-mean), or
                               NULL (malloc'd): the note after the errors
                               suggests --skip-unknown-regions */
    bool *unknown_years;    /* MAX_YEAR + 1 (malloc'd when one comes): the
                               years of the rows of such regions */
    bool unknown_wide;      /* one of them is a wide row's (every year) */
    bool whole_below_seen;  /* a row of a city's whole (全市合计: whole_below) */
    bool whole_above_seen;  /* a row of a province's or the nation's whole
                               (全省, 全国合计: whole_above) */
    bool *map_noted;        /* per column: the note listing its map's texts was printed */
    bool *suffix_noted;     /* per column: the note on a unit or multiplier after
                               its numbers was printed (suffix_note) */
    unsigned unmapped_line; /* the record and header field of the last text */
    long unmapped_field;    /* reported not in a map (two columns reading one
                               field through one map report it once) */
    char *markers[4];       /* the distinct cells reported malformed that hold
                               no digit or letter ('-', '—'), the first four
                               (malloc'd): the note after the errors says
                               what to write for them (marker_note) */
    char *marker_cols[4];   /* the column each was first met in (malloc'd) */
    size_t nmarkers;
    /* The --na texts that are numbers themselves (--na -9999, --na 0):
     * a cell holding one is read as missing, as asked, whichever way it
     * writes the number (-9999.0, -9.999e3: na_value_of), but a real
     * number so lost would go unseen, so the cells are counted, per text
     * and header field, for the note after the reading (na_number_note). */
    bool *na_number;        /* per opts.na[j]: it is a number (NULL: none is) */
    double *na_value;       /* per opts.na[j]: that number, when it is one */
    bool any_na_number;     /* one of them is */
    size_t *na_count;       /* [j * nheader + field], once a cell is counted */
    unsigned *na_line;      /* per header field, the record last counted (a
                               cell two columns read is counted once) */
    char shown[SHOWN_BYTES * 4 + 4]; /* a cell as a message shows it (shown()) */
    csv_reader slow;        /* reads again a record the parsing threads left
                               to read_row (read_rounds) */
} loader;

/* The loader's message `id` in the language of its options (labels.h:
 * the common data messages have a Chinese wording for --lang zh). */
static const char *T(const loader *L, lbl_id id)
{
    return lbl_get(L->opts.lang, id);
}

/* Prints one data error "NAME:LINE: error: ..." (no line when 0) and counts
 * it; after RT_MAX_ERRORS, says so once and stops the reading.  `field`:
 * the header field of the one cell the error is about, or -1; a
 * workbook's error names that cell as Excel shows it ("cell C5: ", row
 * LINE and the field's column: xlsx_read.h writes column N as field N
 * and row N as line N), as xlsx_read's own cell errors do, where the
 * person fixing the file looks for it; a CSV file's stays as it was. */
static void vreport(loader *L, unsigned line, long field, const char *fmt, va_list ap)
{
    if (L->stopped)
        return;
    if (line)
        csv_message(L->err, T(L, LBL_L_ERROR_AT), L->name, line);
    else
        csv_message(L->err, T(L, LBL_L_ERROR), L->name);
    if (L->workbook && line && field >= 0 && (unsigned long)field < XLSXR_COLS) {
        char ref[32];
        xlsxr_column_name((unsigned long)field + 1, ref);
        snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "%u", line);
        csv_message(L->err, msgcat_get(L->opts.lang, "cell %s: "), ref);
    }
    csv_vmessage(L->err, fmt, ap);
    fputc('\n', L->err);
    if (++L->nerrors >= RT_MAX_ERRORS) {
        csv_message(L->err, T(L, LBL_L_TOO_MANY), L->name, RT_MAX_ERRORS);
        L->stopped = true;
    }
}

static void data_error(loader *L, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void data_error(loader *L, unsigned line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(L, line, -1, fmt, ap);
    va_end(ap);
}

/* A data error about the cell in header field `field` of line `line`
 * (vreport). */
static void cell_error(loader *L, unsigned line, long field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void cell_error(loader *L, unsigned line, long field, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(L, line, field, fmt, ap);
    va_end(ap);
}

/* Begins a note about the data file as its errors begin (data_error):
 * "NAME:LINE: " (no line when 0); the note's own "note: ..." follows, so
 * that every line of a message about the file names it (a script that
 * reads the messages of one file, or several planc runs' mixed in a log,
 * finds its notes too). */
static void note_at(const loader *L, FILE *err, unsigned line)
{
    if (line)
        csv_message(err, "%s:%u: ", L->name, line);
    else
        csv_message(err, "%s: ", L->name);
}

/* The cell s[0..n) as a message shows it, in L->shown until the next call:
 * its first SHOWN_BYTES bytes (whole characters), then "..." when there is
 * more, with a control character (C0, DEL, C1) written \n, \r, \t, \xHH
 * or \uHHHH, and an invisible character (csv_invisible: a byte order mark
 * inside a header, a zero-width space) written \uHHHH.  A cell of an
 * untrusted file can so neither flood the terminal (a 50 MB number), nor
 * end the message's line and forge another one, nor send the terminal
 * escape sequences, nor differ unseen from the name it is taken for. */
/* How many bytes of s[0..n) a message shows (shown): all, or the whole
 * characters of the first SHOWN_BYTES. */
static size_t shown_cut(const char *s, size_t n)
{
    size_t m = n;
    if (m > SHOWN_BYTES) {
        m = SHOWN_BYTES;
        while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80)
            m--;
    }
    return m;
}

static const char *shown(loader *L, const char *s, size_t n)
{
    size_t m = shown_cut(s, n);
    char *o = csv_escape(L->shown, s, m, false);
    strcpy(o, m < n ? "..." : "");
    return L->shown;
}

/* Field i of the current record, trimmed (csv_trim). */
static const char *cell(const csv_reader *csv, size_t i, size_t *len)
{
    return csv_trim(csv_field(csv, i), csv_field_len(csv, i), len);
}

/* Reports a quoted field that never closes (CSV_UNTERMINATED) or goes on
 * past CSV_QUOTED_MAX bytes (CSV_TOO_LONG) at the line of its open quote,
 * naming the quote's character and its column (the header's field when
 * `header`). */
static void quote_error(loader *L, const csv_record *rec, csv_status st, bool header)
{
    char where[200];
    if (header || rec->quote_field >= L->nheader)
        snprintf(where, sizeof where, msgcat_get(L->opts.lang, header ? "header field %zu" : "record field %zu"),
                 rec->quote_field + 1);
    else
        snprintf(where, sizeof where, msgcat_get(L->opts.lang, "column '%s'"),
                 shown(L, L->header[rec->quote_field], strlen(L->header[rec->quote_field])));
    if (st == CSV_TOO_LONG)
        data_error(L, rec->quote_line,
                   "quoted field too long: the quote opened at line %u, character %zu (%s) has not "
                   "closed within %zu KiB, the most a quoted field holds (is its closing quote missing?)",
                   rec->quote_line, rec->quote_char, where, CSV_QUOTED_MAX / 1024);
    else
        data_error(L, rec->quote_line,
                   "unterminated quoted field: the quote opened at line %u, character %zu (%s) never closes",
                   rec->quote_line, rec->quote_char, where);
}

/* True when s[0..n) is the NUL-terminated `word`. */
static bool is_word(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* A cell that means "missing": empty (after trimming), NA, or one of the
 * options' texts. */
static bool is_missing(const loader *L, const char *s, size_t n)
{
    if (n == 0 || is_word(s, n, "NA"))
        return true;
    for (size_t i = 0; i < L->opts.nna; i++)
        if (is_word(s, n, L->opts.na[i]))
            return true;
    return false;
}

/* The powers of ten a double holds exactly. */
static const double exact_pow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The exact fast path of decimal reading (Clinger): when s[0..n) is a plain
 * decimal number [+-]digits[.digits][(e|E)[+-]digits] whose digits, without
 * leading zeros, make an integer m <= 2^53 and whose value is m * 10^e with
 * |e| <= 22, then m and 10^|e| are exact doubles and one multiplication or
 * division rounds correctly: the result is strtod's.  Returns false for
 * anything else (strtod decides). */
static bool fast_decimal(const char *s, size_t n, double *v)
{
    const char *c = s, *end = s + n;
    bool neg = false;
    if (c < end && (*c == '+' || *c == '-'))
        neg = *c++ == '-';
    uint64_t m = 0;
    int ndigits = 0;    /* digits in m (leading zeros not counted) */
    int scale = 0;      /* minus the number of digits after the point */
    bool any = false;   /* a digit was seen */
    bool point = false;
    for (; c < end; c++) {
        if (*c == '.' && !point) {
            point = true;
            continue;
        }
        if (*c < '0' || *c > '9')
            break;
        any = true;
        if (point)
            scale--;
        if (m || *c != '0') {
            if (++ndigits > 19) /* m might not fit in 64 bits */
                return false;
            m = m * 10 + (uint64_t)(*c - '0');
        }
    }
    if (!any)
        return false;
    long exp = 0;
    if (c < end && (*c == 'e' || *c == 'E')) {
        c++;
        bool eneg = false;
        if (c < end && (*c == '+' || *c == '-'))
            eneg = *c++ == '-';
        if (c == end)
            return false;
        for (; c < end && *c >= '0' && *c <= '9'; c++)
            if (exp < 100000)
                exp = exp * 10 + (*c - '0');
        if (eneg)
            exp = -exp;
    }
    if (c != end || m > (UINT64_C(1) << 53))
        return false;
    long e = exp + scale;
    if (e < -22 || e > 22)
        return false;
    double d = (double)m;
    d = e < 0 ? d / exact_pow10[-e] : d * exact_pow10[e];
    *v = neg ? -d : d;
    return true;
}

/* Longest cell that plain_number rewrites (longer ones stay malformed). */
enum { PLAIN_MAX = 128 };

/* The ASCII character that the full-width form (or the minus sign U+2212)
 * at s[0..n) stands for in a number: ０..９ ＋ － ． and −; with *len its
 * length in bytes.  0 for anything else. */
static char wide_char(const char *s, size_t n, size_t *len)
{
    const unsigned char *b = (const unsigned char *)s;
    *len = 3;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBC) {
        if (b[2] >= 0x90 && b[2] <= 0x99)
            return (char)('0' + (b[2] - 0x90));
        if (b[2] == 0x8B)
            return '+';
        if (b[2] == 0x8D)
            return '-';
        if (b[2] == 0x8E)
            return '.';
    }
    if (n >= 3 && b[0] == 0xE2 && b[1] == 0x88 && b[2] == 0x92)
        return '-';
    return 0;
}

/* Rewrites a cell that is a number in one of the forms docs/LANGUAGE.md
 * §10 accepts besides the plain one, as the plain number, into
 * out[0..PLAIN_MAX): full-width digits, sign and point (as a Chinese input
 * method types them) and the minus sign U+2212 as their ASCII forms, and
 * commas between groups of three digits in the whole part (1,234.5, as a
 * spreadsheet writes a formatted number), which are dropped.  Only that
 * grouping: a first group of 1 to 3 digits not starting with 0, then groups
 * of exactly 3, no exponent (12,34 or 0,5 could be decimal commas, so they
 * stay malformed).  Returns false when the cell is none of these. */
static bool plain_number(const char *s, size_t n, char *out)
{
    if (n >= PLAIN_MAX)
        return false;
    size_t m = 0;
    bool changed = false;
    for (size_t i = 0; i < n;) {
        size_t k;
        char c = wide_char(s + i, n - i, &k);
        if (c) {
            out[m++] = c;
            i += k;
            changed = true;
        } else
            out[m++] = s[i++];
    }
    out[m] = '\0';
    char *comma = memchr(out, ',', m);
    if (!comma)
        return changed;
    /* the whole part: [sign] first group, then ,ddd groups */
    size_t i = out[0] == '+' || out[0] == '-' ? 1 : 0, w = i;
    size_t first = 0;
    while (i < m && out[i] >= '0' && out[i] <= '9') {
        i++;
        first++;
    }
    if (first < 1 || first > 3 || out[w] == '0' || i >= m || out[i] != ',')
        return false;
    size_t o = i;
    while (i < m && out[i] == ',') {
        if (m - i < 4)
            return false;
        for (size_t j = 1; j <= 3; j++)
            if (out[i + j] < '0' || out[i + j] > '9')
                return false;
        memmove(out + o, out + i + 1, 3);
        o += 3;
        i += 4;
    }
    if (i < m && out[i] != '.')
        return false; /* a fourth digit in a group, or an exponent */
    for (size_t j = i; j < m; j++) {
        if (out[j] == ',' || out[j] == 'e' || out[j] == 'E')
            return false;
        out[o++] = out[j];
    }
    out[o] = '\0';
    return true;
}

/* Parses a plain decimal number s[0..n) (digits, sign, point, exponent) as
 * strtod reads it; s[n] is a byte where strtod stops.  Returns 0 with *v,
 * -1 if malformed, -2 if out of range. */
static int parse_plain(const char *s, size_t n, double *v)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.' ||
              s[i] == 'e' || s[i] == 'E'))
            return -1;
    if (fast_decimal(s, n, v))
        return 0;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (end != s + n)
        return -1;
    if (errno == ERANGE && isinf(d))
        return -2;
    *v = d;
    return 0;
}

static int parse_numeral(const char *s, size_t n, double *v);

/* Which --na text that is a number has the value v (the index in
 * opts.na), or -1: --na -9999 reads a cell written -9999.0 or -9.999e3
 * as missing too, the number being the same. */
static long na_value_of(const loader *L, double v)
{
    for (size_t j = 0; j < L->opts.nna; j++)
        if (L->na_number[j] && L->na_value[j] == v)
            return (long)j;
    return -1;
}

/* Parses a trimmed numeric cell s[0..n) strictly: the whole text must be a
 * decimal number as strtod reads it (no nan, inf or hex), within double's
 * range, or one of the forms plain_number rewrites.  s[n] is a NUL, a
 * space, a tab or the first byte of a trimmed wide space (after the cell
 * or its trimmed end), where strtod stops.  A number equal to a --na
 * text that is a number is missing, however written (na_value_of).
 * Returns 0 with *v set (NaN for a missing cell), -1 if malformed, -2 if
 * out of range. */
static int parse_number(const loader *L, const char *s, size_t n, double *v)
{
    if (is_missing(L, s, n)) {
        *v = NAN;
        return 0;
    }
    int r = parse_numeral(s, n, v);
    if (r == 0 && L->any_na_number && na_value_of(L, *v) >= 0)
        *v = NAN;
    return r;
}

/* Parses s[0..n) as a number, plain or in a form plain_number rewrites,
 * whatever --na says (s[n] as parse_number says).  Returns 0 with *v, -1
 * if malformed, -2 if out of range. */
static int parse_numeral(const char *s, size_t n, double *v)
{
    int r = parse_plain(s, n, v);
    if (r != -1)
        return r;
    char plain[PLAIN_MAX];
    if (!plain_number(s, n, plain))
        return -1;
    return parse_plain(plain, strlen(plain), v);
}

/* c with an ASCII capital made small, any other byte as it is (a byte of
 * a UTF-8 sequence too, whatever the locale, which tolower follows). */
static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ASCII case-insensitive equality of s[0..n) and the NUL-terminated b. */
static bool eq_nocase_n(const char *s, size_t n, const char *b)
{
    size_t i = 0;
    for (; i < n && b[i]; i++)
        if (ascii_lower(s[i]) != ascii_lower(b[i]))
            return false;
    return i == n && !b[i];
}

/* ASCII case-insensitive equality. */
static bool eq_nocase(const char *a, const char *b)
{
    return eq_nocase_n(a, strlen(a), b);
}

/* Parses a trimmed yes/no cell s[0..n): 1/0, yes/no, true/false, 是/否.
 * Returns 0 with *v = 1.0, 0.0 or NaN (missing), or -1. */
static int parse_bool(const loader *L, const char *s, size_t n, double *v)
{
    if (is_missing(L, s, n))
        *v = NAN;
    else if (is_word(s, n, "1") || eq_nocase_n(s, n, "yes") || eq_nocase_n(s, n, "true") ||
             is_word(s, n, "是"))
        *v = 1.0;
    else if (is_word(s, n, "0") || eq_nocase_n(s, n, "no") || eq_nocase_n(s, n, "false") ||
             is_word(s, n, "否"))
        *v = 0.0;
    else if (L->any_na_number && parse_numeral(s, n, v) == 0 && na_value_of(L, *v) >= 0)
        *v = NAN; /* --na -9999 and a cell -9999.0 */
    else
        return -1;
    return 0;
}

/* Years are written as plain integers from 1 to 9999. */
enum { MAX_YEAR = 9999 };

/* Parses a year cell s[0..n) of ASCII digits.  Returns 0 with *y set, -1
 * if it is not an integer, -2 if out of range. */
static int parse_plain_year(const char *s, size_t n, int *y)
{
    if (!n)
        return -1;
    /* A whole number written with a fraction of zeros ("2018.0", as
     * pandas and R write a year column read as numbers) is that number. */
    size_t end = n;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.') {
            end = i;
            for (size_t j = i + 1; j < n; j++)
                if (s[j] != '0')
                    return -1;
            break;
        }
    if (end == 0)
        return -1;
    long v = 0;
    for (size_t i = 0; i < end; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        if (v <= MAX_YEAR)
            v = v * 10 + (s[i] - '0');
    }
    if (v < 1 || v > MAX_YEAR)
        return -2;
    *y = (int)v;
    return 0;
}

/* Parses a trimmed year cell s[0..n): a plain year, or one written with
 * full-width digits or followed by 年 (2023年, as Chinese tables write
 * it), which are read as the plain year.  Returns 0 with *y set, -1 if it
 * is not an integer, -2 if out of range. */
static int parse_year(const char *s, size_t n, int *y)
{
    int r = parse_plain_year(s, n, y);
    if (r != -1 || n >= PLAIN_MAX)
        return r;
    char plain[PLAIN_MAX];
    size_t m = 0;
    bool changed = false;
    if (n >= 3 && memcmp(s + n - 3, "\xE5\xB9\xB4", 3) == 0) { /* 年 */
        n -= 3;
        changed = true;
    }
    for (size_t i = 0; i < n;) {
        size_t k;
        char c = wide_char(s + i, n - i, &k);
        if (c >= '0' && c <= '9') {
            plain[m++] = c;
            i += k;
            changed = true;
        } else
            plain[m++] = s[i++];
    }
    return changed ? parse_plain_year(plain, m, y) : -1;
}

/* After "not a year": when the cell s[0..n) is a year (digits, then 年
 * or not) followed by a mark without digits, as a yearbook writes a
 * provisional year (2024年(初步), 2024p, 2024*) or 2024年度, a note, once
 * per file, that planc reads a year cell whole and which year to write. */
static void year_mark_note(loader *L, unsigned line, const char *s, size_t n)
{
    size_t d = 0;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    size_t end = d + (d + 3 <= n && memcmp(s + d, "\xE5\xB9\xB4", 3) == 0 ? 3 : 0);
    int year;
    if (L->year_mark_noted || L->stopped || d < 3 || end >= n || parse_year(s, end, &year) != 0)
        return;
    for (size_t i = end; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return; /* 2024.5, 2024.01: a number or a date, not a mark */
    L->year_mark_noted = true;
    note_at(L, L->err, line);
    if (L->opts.provider) /* template --check: the city that sends the file */
        csv_message(L->err,
                    msgcat_get(L->opts.lang, "note: '%s' is the year %d with a mark after it; a year cell is read "
                                             "whole, so write %d, as the blank file from planc template has it (to "
                                             "say that the figures are provisional, tell the office you send the "
                                             "file to, or add a column of remarks after the others: it is not "
                                             "read)\n"),
                    shown(L, s, n), year, year);
    else
        csv_message(L->err, msgcat_get(L->opts.lang, "note: '%s' is the year %d with a mark after it; a year cell is "
                                                     "read whole, so write %d (a mark such as 初步, provisional, may "
                                                     "go in a column of its own, which planc does not read)\n"),
                    shown(L, s, n), year, year);
}

/* Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian;
 * Howard Hinnant's days_from_civil). */
static long days_of(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

/* The civil date of days from 1970-01-01 (civil_from_days). */
static void date_of(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* Excel's serial number of a date after 1900-02-28: days since
 * 1899-12-30 (its 1900 date system counts a 29 February 1900 that was
 * not, so every later serial is one more than the days since 1899-12-31). */
#define EXCEL_EPOCH_DAYS (-25569L) /* days_of(1899, 12, 30) */

/* Explains once a year cell s[0..n) that is a date, as a CSV saved from
 * Excel with the year column formatted as dates has them: a date
 * (2024/1/1, 2024-01-01, 2024年1月1日) is told to hold the year alone; a
 * date of 1905 that is how Excel shows a year typed into a date cell
 * (2024 shows 1905/7/16) names the year typed; a number that is the
 * serial of a date from 1990 to 2100 (45292, a date cell saved as its
 * number; not 20245, a year mistyped) names the date and its year.  A
 * workbook's date cell has a note of its own (xlsxr_date_notes), so a
 * workbook's date text has none; its number is as a CSV's. */
static void year_date_note(loader *L, unsigned line, const char *s, size_t n)
{
    if (L->year_date_noted || L->stopped)
        return;
    long part[3] = {0, 0, 0};
    size_t np = 0, i = 0, digits[3] = {0, 0, 0};
    while (i < n && np < 3) {
        while (i < n && s[i] >= '0' && s[i] <= '9' && digits[np] < 6) {
            part[np] = part[np] * 10 + (s[i] - '0');
            digits[np]++;
            i++;
        }
        if (!digits[np])
            return;
        np++;
        if (i == n)
            break;
        static const char *const seps[] = {"/", "-", ".", "\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5"};
        size_t k = 0;
        while (k < 6 && (n - i < strlen(seps[k]) || memcmp(s + i, seps[k], strlen(seps[k])) != 0))
            k++;
        if (k == 6 || (np == 3 && k != 5))
            return;
        i += strlen(seps[k]);
    }
    if (i != n)
        return;
    long y = 0;
    unsigned m = 0, d = 0;
    if (np == 1) {
        /* a date cell saved as its serial */
        if (part[0] < days_of(1990, 1, 1) - EXCEL_EPOCH_DAYS || part[0] > days_of(2100, 12, 31) - EXCEL_EPOCH_DAYS)
            return;
        date_of(part[0] + EXCEL_EPOCH_DAYS, &y, &m, &d);
        L->year_date_noted = true;
        note_at(L, L->err, line);
        csv_message(L->err, msgcat_get(L->opts.lang, "note: %s is the number Excel keeps for the date %ld-%02u-%02u "
                                                     "(a cell formatted as a date, saved as its number): a year cell "
                                                     "holds the year alone, %ld; in Excel, format the year column as "
                                                     "General (常规) before saving it\n"),
                    shown(L, s, n), y, m, d, y);
        return;
    }
    if (np != 3 || L->workbook)
        return;
    /* year first (2024/1/16), or last (1/16/2024, 16/1/2024) */
    if (digits[0] == 4) {
        y = part[0];
        m = (unsigned)part[1];
        d = (unsigned)part[2];
    } else if (digits[2] == 4) {
        y = part[2];
        m = (unsigned)(part[0] <= 12 ? part[0] : part[1]);
        d = (unsigned)(part[0] <= 12 ? part[1] : part[0]);
    } else
        return;
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000)
        return;
    long serial = days_of(y, m, d) - EXCEL_EPOCH_DAYS;
    L->year_date_noted = true;
    note_at(L, L->err, line);
    if (y == 1905 && serial >= 1950 && serial <= 2100)
        csv_message(L->err, msgcat_get(L->opts.lang, "note: '%s' is how Excel shows %ld typed into a cell formatted "
                                                     "as a date: write the year, %ld; in Excel, format the year column "
                                                     "as General (常规) before saving it\n"),
                    shown(L, s, n), serial, serial);
    else
        csv_message(L->err, msgcat_get(L->opts.lang, "note: '%s' is a date: a year cell holds the year alone, %ld; "
                                                     "in Excel, format the year column as General (常规) before "
                                                     "saving it\n"),
                    shown(L, s, n), y);
}

/* Why the year cell s[0..n) is no year when it is a year written digit
 * by digit in Chinese numerals (二〇二四, 二○二四年, as a document's date
 * is written): the year to write, in a buffer of the thread until the
 * next call.  "" otherwise (two thousand and twenty-four in words,
 * 两千零二十四, is no digit-by-digit year and gets nothing). */
static const char *year_why(const loader *L, const char *s, size_t n)
{
    static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "零", "○"};
    static _Thread_local char buf[160];
    if (n >= 3 && memcmp(s + n - 3, "\xE5\xB9\xB4", 3) == 0) /* 年 */
        n -= 3;
    long year = 0;
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        size_t d = 0;
        while (d < sizeof digits / sizeof digits[0] && (n - i < 3 || memcmp(s + i, digits[d], 3) != 0))
            d++;
        if (d == sizeof digits / sizeof digits[0] || count == 4)
            return "";
        year = year * 10 + (long)(d < 10 ? d : 0); /* 零 and ○ are 0 */
        i += 3;
    }
    if (count != 4 || year < 1000)
        return "";
    snprintf(buf, sizeof buf,
             msgcat_get(L->opts.lang, " (a year in Chinese numerals is not read: write %ld)"), year);
    return buf;
}

/* FNV-1a hash of s[0..n). */
static uint64_t name_hash(const char *s, size_t n)
{
    uint64_t h = 0xCBF29CE484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001B3u;
    }
    return h;
}

/* The entry of the name s[0..n), or the empty entry where it would go. */
static region_name *name_entry(const loader *L, const char *s, size_t n)
{
    for (size_t i = (size_t)name_hash(s, n) & L->name_mask;; i = (i + 1) & L->name_mask) {
        region_name *rn = &L->names[i];
        if (!rn->text || (rn->len == n && memcmp(rn->text, s, n) == 0))
            return rn;
    }
}

/* Builds the hash table of region names and aliases. */
static void build_names(loader *L)
{
    const ir_program *p = L->p;
    size_t n = 0;
    for (uint32_t i = 0; i < p->nregions; i++)
        n += 1 + p->regions[i].naliases;
    size_t nslots = 64;
    while (nslots < 2 * n + 2)
        nslots *= 2;
    L->names = rt_xcalloc(nslots, sizeof *L->names);
    L->name_mask = nslots - 1;
    for (uint32_t i = 0; i < p->nregions; i++)
        for (uint32_t k = 0; k <= p->regions[i].naliases; k++) {
            const char *name = k == 0 ? p->regions[i].name : p->regions[i].aliases[k - 1];
            size_t len = strlen(name);
            region_name *rn = name_entry(L, name, len);
            if (rn->text)
                continue; /* the checker allows no such repeat; the first one counts */
            *rn = (region_name){name, (uint32_t)len, i};
            L->nnames++;
        }
}

/* The region called s[0..n) (by name or alias), or -1.  *last is the
 * name found last (or NULL), tried first, as rows of a region usually
 * come together: the loader's own, or a parsing thread's. */
static long lookup_region(const loader *L, const region_name **last, const char *s, size_t n)
{
    const region_name *rn = *last;
    if (rn && rn->len == n && memcmp(rn->text, s, n) == 0)
        return rn->region;
    rn = name_entry(L, s, n);
    if (!rn->text)
        return -1;
    *last = rn;
    return rn->region;
}

/* lookup_region with the loader's last name. */
static long find_region(loader *L, const char *s, size_t n)
{
    return lookup_region(L, &L->last, s, n);
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

/* Orders strings by their bytes. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether a region cell is a table's word for the whole (全省, 合计):
 * a row of totals that no region is called, most often the plan's own
 * region's row. */
static bool whole_word(const char *s)
{
    static const char *const words[] = {"全省", "全市", "全区", "全县", "全国", "全省合计", "全市合计",
                                        "全国合计", "合计", "总计", "全省平均", "全市平均"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

/* Keeps L->sole_region for a row of `region` the reading enters: read_row's
 * rows and those the parsing threads read (commit_range), so that the
 * notes on a whole (whole_note) and on unknown regions (unknown_note)
 * see every row, on one thread or many. */
static void note_region(loader *L, uint32_t region)
{
    L->sole_region = L->sole_region == -1 || L->sole_region == (int32_t)region ? (int32_t)region : -2;
}

/* Whether a word for the whole names the whole of a city, a district or
 * a county (全市合计 in a city bureau's table), a region below a
 * province's plan's own, rather than the whole the plan covers. */
static bool whole_below(const char *s)
{
    return strncmp(s, "全市", strlen("全市")) == 0 || strncmp(s, "全区", strlen("全区")) == 0 ||
           strncmp(s, "全县", strlen("全县")) == 0;
}

/* The note after an unknown region `s` that is a word for the whole: an
 * alias makes its rows those of the region they total, named when the
 * rules have one region at the top (the plan's, most often).  A city's,
 * a district's or a county's whole (whole_below) under a top region that
 * has regions below it is not the top's: its rows are that region's, to
 * be written with its name (the region of the file's rows so far, when
 * they are of one region below the top, else the first such region as
 * an example), which a bureau can do where it cannot change the rules. */
static void whole_note(loader *L, unsigned line, const char *s)
{
    const char *top = NULL;
    int ntop = 0;
    uint32_t itop = 0;
    for (uint32_t r = 0; r < L->p->nregions; r++)
        if (L->p->regions[r].parent < 0 && !L->p->regions[r].is_group && ntop++ == 0) {
            top = L->p->regions[r].name;
            itop = r;
        }
    const char *below = NULL;
    for (uint32_t r = 0; ntop == 1 && !below && r < L->p->nregions; r++)
        if (L->p->regions[r].parent == (int32_t)itop && !L->p->regions[r].is_group)
            below = L->p->regions[r].name;
    if (L->sole_region >= 0 && (uint32_t)L->sole_region != itop)
        below = below ? L->p->regions[L->sole_region].name : NULL;
    const char *w = shown(L, s, strlen(s));
    note_at(L, L->err, line);
    if (ntop == 1 && below && whole_below(s))
        csv_message(L->err, msgcat_get(L->opts.lang, "note: '%s' names the whole of a region below %s, not a "
                                                     "region: write that region's name in its rows (such as %s, "
                                                     "as the rules declare it), and leave out the rows of the "
                                                     "regions below it, which the rules do not read\n"),
                    w, top, below);
    else if (ntop == 1)
        csv_message(L->err, T(L, LBL_L_WHOLE_TOP), w, top, top, top, w);
    else
        csv_message(L->err, T(L, LBL_L_WHOLE), w, w);
}

/* Whether a word for the whole names a province's or the nation's whole
 * (全省, 全国合计): a table holding it is a province's or a ministry's,
 * not a city bureau's. */
static bool whole_above(const char *s)
{
    return strncmp(s, "全省", strlen("全省")) == 0 || strncmp(s, "全国", strlen("全国")) == 0;
}

/* The note after the errors of rows of regions the rules do not declare
 * (L->first_unknown among them).  A city bureau's file with its
 * districts' and counties' rows beside the city's is told to delete
 * those rows and give the whole city's, named as the rules name it; or,
 * with none of a declared region, but a 全市合计 row, the note gives an
 * example.  Else --skip-unknown-regions is the way, as for a national
 * file read for a provincial plan.
 *
 * A city's file is told by its known rows' region X and the unknown
 * rows' years, not their names (上海 and 铁西区 are names alike): all
 * the file's known rows are X's; X's level is the rules' lowest below
 * another (below it the rules name no level, so X's districts and
 * counties are regions they do not declare; a region with a level below
 * it, a province of a national plan, would have its cities declared,
 * and its file's unknown rows are more likely its peers: other
 * provinces); no row is a province's or the nation's whole (全省: a
 * province's table, whose unknown rows are not one city's counties);
 * and each unknown row is in a year X has a row (wide rows: every year),
 * as a county's rows come with its city's, and a province's in a small
 * file need not. */
static void unknown_note(loader *L, FILE *err)
{
    const ir_program *p = L->p;
    const char *s = shown(L, L->first_unknown, strlen(L->first_unknown));
    const char *opt = "--skip-unknown-regions";
    int32_t sole = L->sole_region;
    bool below = sole >= 0 && p->regions[sole].parent >= 0 && p->regions[sole].level + 1 >= p->nlevels &&
                 !L->whole_above_seen;
    if (below && !L->unknown_wide && L->unknown_years) {
        bool *own = rt_xcalloc(MAX_YEAR + 1, sizeof *own);
        for (size_t r = 0; r < L->t->nrows; r++)
            own[L->t->year[r]] = true;
        for (int y = 0; below && y <= MAX_YEAR; y++)
            below = !L->unknown_years[y] || own[y];
        free(own);
    }
    /* none of the file's rows of a declared region, but its 全市合计: a
     * region below the top, as the rules declare it, for an example */
    const char *example = NULL;
    for (uint32_t r = 0; sole == -1 && L->whole_below_seen && !example && r < p->nregions; r++)
        if (p->regions[r].parent >= 0 && !p->regions[r].is_group)
            example = p->regions[r].name;
    note_at(L, err, 0);
    if (below && L->opts.provider) { /* template --check: no option to skip them */
        const char *c = p->regions[sole].name;
        csv_message(err, msgcat_get(L->opts.lang, "note: rows of regions the rules do not declare (such as '%s') "
                                                  "are errors, and planc cannot tell what such a region is: the "
                                                  "file's rows of declared regions are all %s's, so one may be a "
                                                  "district or county within %s, whose rows are to be deleted "
                                                  "(the rules read the whole city's row, a total row such as "
                                                  "全市合计 with %s in the region column), or a misspelt name, to be "
                                                  "written as the rules name it\n"),
                    s, c, c, c);
    } else if (below) {
        const char *c = p->regions[sole].name;
        csv_message(err, msgcat_get(L->opts.lang, "note: rows of regions the rules do not declare (such as '%s') "
                                                  "are errors, and planc cannot tell what such a region is: the "
                                                  "file's rows of declared regions are all %s's, so one may be a "
                                                  "district or county within %s, whose rows are to be deleted "
                                                  "(the rules read the whole city's row, a total row such as "
                                                  "全市合计 with %s in the region column), or a misspelt name, to be "
                                                  "written as the rules name it; %s skips such rows instead\n"),
                    s, c, c, c, opt);
    } else if (example && L->opts.provider)
        csv_message(err, msgcat_get(L->opts.lang, "note: rows of regions the rules do not declare (such as '%s') "
                                                  "are errors, and planc cannot tell what such a region is: one "
                                                  "may be a district or county within a city, whose rows are to "
                                                  "be deleted for the whole city's row (a total row such as "
                                                  "全市合计, with the city's name in the region column as the rules "
                                                  "declare their cities, such as %s), or a misspelt name, to be "
                                                  "written as the rules name it\n"),
                    s, example);
    else if (example)
        csv_message(err, msgcat_get(L->opts.lang, "note: rows of regions the rules do not declare (such as '%s') "
                                                  "are errors, and planc cannot tell what such a region is: one "
                                                  "may be a district or county within a city, whose rows are to "
                                                  "be deleted for the whole city's row (a total row such as "
                                                  "全市合计, with the city's name in the region column as the rules "
                                                  "declare their cities, such as %s), or a misspelt name, to be "
                                                  "written as the rules name it; %s skips such rows instead\n"),
                    s, example, opt);
    else if (L->opts.provider)
        csv_message(err, msgcat_get(L->opts.lang, "note: rows of regions the rules do not declare (such as '%s') "
                                                  "are errors: write each region as the rules name it (or an "
                                                  "alias), as the blank file from planc template has it, and "
                                                  "leave out the rows of regions the file is not for\n"),
                    s);
    else
        csv_message(err, T(L, LBL_L_UNKNOWN_NOTE), s, opt);
}

/* The region names or aliases closest to `s` for a did-you-mean, in
 * *pick: diag_nearest over the names sorted by bytes, each name's
 * region its owner (one edit, or a third of the characters, at most).
 * Returns how many (0 to 3). */
static int suggest_region(loader *L, const char *s, const char *pick[3])
{
    if (!L->sorted) {
        L->sorted = rt_xmalloc(L->nnames ? L->nnames : 1, sizeof *L->sorted);
        L->sorted_region = rt_xmalloc(L->nnames ? L->nnames : 1, sizeof *L->sorted_region);
        for (size_t i = 0, k = 0; i <= L->name_mask; i++)
            if (L->names[i].text)
                L->sorted[k++] = L->names[i].text;
        qsort(L->sorted, L->nnames, sizeof *L->sorted, cmp_str);
        for (size_t i = 0; i < L->nnames; i++)
            L->sorted_region[i] = (uint32_t)find_region(L, L->sorted[i], strlen(L->sorted[i]));
    }
    return diag_nearest(s, L->sorted, L->sorted_region, L->nnames, 1, pick);
}

/* Whether a byte is an ASCII letter or digit. */
static bool ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The region whose name or alias the unknown region `s` begins with, for a
 * data file that writes a region's full name where the rules give a
 * short one (凉山彝族自治州 or 凉山自治州 for 凉山, "Liangshan Yi Autonomous
 * Prefecture" for the alias "Liangshan"), which is too far from it for
 * suggest_region.  The longest such name of two or more characters, which
 * `s` continues: after a name that ends in a Latin letter or digit, with
 * a character that is neither (so "Shenyangbei" is not "Shenyang").
 * Returns the name or alias, and its region in *region; NULL if none. */
static const char *prefix_region(loader *L, const char *s, uint32_t *region)
{
    const region_name *best = NULL;
    size_t ls = strlen(s);
    for (size_t i = 0; i <= L->name_mask; i++) {
        const region_name *e = &L->names[i];
        if (!e->text || e->len >= ls || memcmp(s, e->text, e->len) != 0 || cplen(e->text) < 2)
            continue;
        unsigned char last = (unsigned char)e->text[e->len - 1], next = (unsigned char)s[e->len];
        if (ascii_alnum(last) && ascii_alnum(next))
            continue;
        if (!best || e->len > best->len || (e->len == best->len && strcmp(e->text, best->text) < 0))
            best = e;
    }
    if (!best)
        return NULL;
    *region = best->region;
    return best->text;
}

/* ---- the input: a buffer in memory, or a file read in blocks ---- */

/* Bytes read from a file at a time (the window grows for a longer record). */
enum { BLOCK_SIZE = 1 << 18 };

/* The bytes being read and the UTF-8 check of them.  The window buf[0..len)
 * is the whole buffer, or the part of a file in `block`; every byte is
 * checked as soon as it is in the window (a sequence cut by the window's
 * end is checked with the next one). */
typedef struct source {
    int fd;                 /* the file, or -1 for a buffer in memory */
    char *block;            /* a file's window (cap bytes) */
    size_t cap;
    const char *buf;        /* the window */
    size_t len;
    bool final;             /* the window reaches the end of the input */
    int read_errno;         /* the error that stopped the reading, or 0 */
    size_t checked;         /* bytes of the window checked so far */
    unsigned line;          /* physical line at `checked` */
    bool bad;               /* a NUL byte or invalid UTF-8 was found: */
    bool bad_nul;           /* a NUL byte */
    unsigned char bad_byte; /* else the first byte of the invalid sequence */
    unsigned char bad_tail[32]; /* and up to 32 bytes after it, for the
                                   encoding note (encoding_note) */
    unsigned bad_ntail;        /* how many (the window may end first) */
    bool bad_field_start;   /* it follows a line break, a separator or a
                               quote in the window: it begins a field */
    unsigned bad_line;      /* its line */
    long bad_field;         /* the field of the record holding it, or -1 (not
                             * found: the reading stopped before it) */
    bool bad_in_header;     /* that record is the header */
    sha256_ctx *digest;     /* hashes every byte read, or NULL */
    bool rows;              /* a workbook's sheet made into CSV: a line is a
                               row (csv_reader.rows) */
    /* A file in another encoding (rt_load_options.encoding): converted to
     * UTF-8 as it is read.  The first block that is not ASCII alone
     * decides (tc_judge): a file already in UTF-8 is read as it is. */
    tc_conv *conv;          /* the conversion, or NULL */
    bool undecided;         /* conv is set and no block decided yet: the
                               blocks so far were read as they are */
    bool kept_utf8;         /* an encoding was named, and its first block
                               beyond ASCII was UTF-8: read as it is */
    bool moved_on;          /* the window no longer starts at the file's
                               first byte */
    unsigned first_wide;    /* the line of the first character beyond
                               ASCII (0: none yet), which decided so */
    char *raw;              /* bytes read and not yet converted: raw_len */
    size_t raw_len, raw_cap;
    bool raw_eof;           /* the file has no more bytes to read */
} source;

/* 0x80 in each byte of the 64-bit word w that is zero, exactly: (b & 0x7F)
 * + 0x7F sets a byte's top bit when any of its low seven bits is set,
 * without a carry into the next byte; with b's own top bit, that marks the
 * bytes that are not zero. */
static inline uint64_t zero_bytes(uint64_t w)
{
    const uint64_t low7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
    return ~(((w & low7) + low7) | w | low7);
}

/* Checks the window from `checked` on: UTF-8 without NUL bytes.  Notes the
 * first bad byte and its line; stops before a sequence or a CR the window
 * cuts (unless it is final).  The CSV reader never consumes those bytes
 * (a cut CR may be a CRLF; a cut sequence has no line break), so what it
 * consumes is always checked. */
static void check_text(source *s)
{
    const unsigned char *b = (const unsigned char *)s->buf;
    size_t len = s->len, i = s->checked;
    unsigned line = s->line;
    while (i < len && !s->bad) {
        /* Eight bytes at a time while they are ASCII and no control
         * character but LF, their LFs counted: a line of numbers is some
         * 30 bytes, so a word in four holds a line break, and taking those
         * byte by byte made the check nearly three times as long
         * (docs/PERFORMANCE.md).
         * In a word without top bits, b + 0x60 sets a byte's top bit (no
         * carry out of it) exactly when b >= 0x20; the LFs' marks, moved
         * to bit 0 of their byte, are summed into the top byte by the
         * multiplication. */
        for (; len - i >= 8; i += 8) {
            uint64_t w;
            memcpy(&w, b + i, 8);
            uint64_t lf = zero_bytes(w ^ UINT64_C(0x0A0A0A0A0A0A0A0A));
            uint64_t control = ~(w + UINT64_C(0x6060606060606060)) & UINT64_C(0x8080808080808080);
            if ((w & UINT64_C(0x8080808080808080)) | (control & ~lf))
                break;
            line += (unsigned)(((lf >> 7) * UINT64_C(0x0101010101010101)) >> 56);
        }
        if (i >= len)
            break;
        unsigned c = b[i];
        if (c == '\r' && i + 1 >= len && !s->final)
            break; /* a CRLF perhaps: one line */
        if (c == '\n' || (c == '\r' && !(i + 1 < len && b[i + 1] == '\n')))
            line++;
        if (c == 0) {
            s->bad = s->bad_nul = true;
            s->bad_line = line;
            break;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t min;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
        else { n = 0; min = 0; }
        uint32_t cp = n ? c & (0x3F >> n) : 0;
        bool ok = n != 0;
        size_t k = 1;
        for (; ok && k <= n && i + k < len; k++) {
            if ((b[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = cp << 6 | (b[i + k] & 0x3F);
        }
        if (ok && k <= n) {
            /* The window ends inside the sequence: it goes on in the next
             * one (its bytes so far are continuation bytes, which end no
             * record), or the file ends there. */
            if (!s->final)
                break;
            ok = false;
        }
        if (!ok || cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            s->bad = true;
            s->bad_byte = (unsigned char)c;
            for (s->bad_ntail = 0; s->bad_ntail < sizeof s->bad_tail && i + 1 + s->bad_ntail < len; s->bad_ntail++)
                s->bad_tail[s->bad_ntail] = b[i + 1 + s->bad_ntail];
            s->bad_field_start = i > 0 && memchr(",;\t\"\r\n", b[i - 1], 6) != NULL;
            s->bad_line = line;
            break;
        }
        if (!s->first_wide)
            s->first_wide = line;
        i += n + 1;
    }
    s->checked = i;
    s->line = line;
}

/* Starts on a buffer in memory (the whole input); `digest` (or NULL)
 * hashes it. */
static void source_memory(source *s, const char *buf, size_t len, sha256_ctx *digest)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->buf = buf;
    s->len = len;
    s->final = true;
    s->line = 1;
    s->bad_field = -1;
    s->digest = digest;
    if (digest)
        sha256_update(digest, buf, len);
    check_text(s);
}

/* Room a conversion needs at the window's end for one more character
 * (UTF-8 takes at most 4 bytes). */
enum { CONV_ROOM = 8 };

/* Fills a converting file's window from block[len] on (source.conv):
 * reads raw bytes as they are needed (hashing them: the history records
 * the file's own bytes), converts them into the window until it is full or
 * the file ends.  Returns the window's new length. */
static size_t convert_more(source *s, size_t len)
{
    for (;;) {
        if (!s->raw_eof && s->raw_len < s->raw_cap / 2) {
            ssize_t got = read(s->fd, s->raw + s->raw_len, s->raw_cap - s->raw_len);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                s->read_errno = errno;
            if (got <= 0)
                s->raw_eof = true;
            else {
                if (s->digest)
                    sha256_update(s->digest, s->raw + s->raw_len, (size_t)got);
                s->raw_len += (size_t)got;
            }
        }
        const char *in = s->raw;
        size_t inlen = s->raw_len, outlen = s->cap - len;
        char *out = s->block + len;
        bool moved = tc_convert(s->conv, &in, &inlen, &out, &outlen, s->raw_eof);
        len = (size_t)(out - s->block);
        memmove(s->raw, in, inlen);
        s->raw_len = inlen;
        if (s->read_errno || (s->raw_eof && inlen == 0)) {
            s->final = true;
            break;
        }
        /* the window is full, or nothing more can be converted into it */
        if (outlen < CONV_ROOM || (!moved && (s->raw_eof || s->raw_len >= s->raw_cap / 2)))
            break;
    }
    return len;
}

/* After a converting file's block was read as it is (source.undecided):
 * whether the file is UTF-8 already (then it is read so, and the
 * conversion dropped), in the named encoding (then the window's bytes
 * become the first raw bytes to convert), or still undecided: ASCII so
 * far, which both read alike (tc_judge).  The window's bytes kept from an
 * undecided block are ASCII, which the conversion leaves as they are, so
 * converting the whole window moves no byte already checked. */
static size_t decide_encoding(source *s, size_t len)
{
    if (s->read_errno) {
        s->undecided = false;
        return len;
    }
    /* a UTF-8 byte order mark at the file's start says nothing of the
     * text after it (bom below) */
    size_t bom = !s->moved_on && len >= 3 && memcmp(s->block, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    tc_verdict v = tc_judge(s->conv, s->block + bom, len - bom, s->final);
    if (v == TC_WAIT)
        return len;
    s->undecided = false;
    if (v == TC_AS_IS) {
        s->kept_utf8 = true;
        tc_close(s->conv);
        s->conv = NULL;
        return len;
    }
    /* a UTF-8 byte order mark before text that is no UTF-8 (a GBK file
     * some tool marked as UTF-8): kept as it is, which the CSV reader
     * skips, rather than converted into two characters (锘 and 縞, taking
     * the header's first letter with it) */
    s->raw_cap = s->cap < (1u << 16) ? (1u << 16) : s->cap;
    s->raw = rt_xmalloc(s->raw_cap, 1);
    memcpy(s->raw, s->block + bom, len - bom);
    s->raw_len = len - bom;
    s->raw_eof = s->final;
    s->final = false;
    return convert_more(s, bom);
}

/* Moves the window of a file on: keeps its bytes from `keep` (at most
 * `checked`) at the front, fills the rest of the block (growing it when
 * those bytes fill it) up to the end of the file, and checks what came. */
static void source_read(source *s, size_t keep)
{
    size_t len = s->len - keep;
    s->moved_on = s->moved_on || keep > 0;
    memmove(s->block, s->block + keep, len);
    s->checked -= keep;
    if (len == s->cap || (s->conv && !s->undecided && s->cap - len < CONV_ROOM)) {
        s->cap *= 2;
        s->block = rt_xrealloc(s->block, s->cap, 1);
    }
    if (s->conv && !s->undecided)
        len = convert_more(s, len);
    while (!(s->conv && !s->undecided) && len < s->cap) {
        ssize_t got = read(s->fd, s->block + len, s->cap - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            s->read_errno = errno;
        if (got <= 0) {
            s->final = true;
            break;
        }
        if (s->digest)
            sha256_update(s->digest, s->block + len, (size_t)got);
        len += (size_t)got;
    }
    if (s->undecided)
        len = decide_encoding(s, len);
    s->buf = s->block;
    s->len = len;
    if (!s->read_errno)
        check_text(s);
}

/* Starts on an open file: reads its first `block` bytes; `digest` (or
 * NULL) hashes every byte read; `conv` (or NULL; the source frees it,
 * source_close) converts a file that is not UTF-8. */
static void source_file(source *s, int fd, sha256_ctx *digest, size_t block, tc_conv *conv)
{
    memset(s, 0, sizeof *s);
    s->conv = conv;
    s->undecided = conv != NULL;
    s->fd = fd;
    s->digest = digest;
    s->cap = block;
    s->block = rt_xmalloc(s->cap, 1);
    s->buf = s->block;
    s->line = 1;
    s->bad_field = -1;
    source_read(s, 0);
}

/* Frees what source_file allocated. */
static void source_close(source *s)
{
    free(s->block);
    free(s->raw);
    tc_close(s->conv);
}

/* True when the reading must stop: a read error or bad text (which is then
 * the only error reported). */
static bool source_failed(const source *s)
{
    return s->read_errno != 0 || s->bad;
}

/* True when the records must stop: a read error, or the reader `csv` is
 * past the bad text (the records before it are read as usual). */
static bool source_stopped(const source *s, const csv_reader *csv)
{
    return s->read_errno != 0 || (s->bad && csv_consumed(csv) > s->checked);
}

/* True when s[0..n) is UTF-8 without NUL bytes (as check_text decides,
 * which scans whole blocks on its own for speed; this runs on one record). */
static bool valid_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        if (s[i] == '\0')
            return false;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (cp == UTF8_BAD)
            return false;
    }
    return true;
}

/* After bad text was found: notes which field of the record just read
 * holds it, so the error can name the column. */
static void locate_bad_field(source *s, const csv_reader *csv, const csv_record *rec, bool header)
{
    for (size_t i = 0; i < rec->nfields; i++)
        if (!valid_text(csv_field(csv, i), csv_field_len(csv, i))) {
            s->bad_field = (long)i;
            s->bad_in_header = header;
            return;
        }
}

/* Reads the rest of a file to check it (after the records stopped early). */
static void source_drain(source *s)
{
    while (!s->final && !source_failed(s))
        source_read(s, s->checked);
}

/* The next record, reading more of a file as needed; CSV_EOF also when the
 * input failed (see source_failed).  The records before bad text are read
 * as usual (their errors are not shown); the one holding it is read to
 * find its field (`header`: it would be the header), then CSV_EOF. */
static csv_status next_record(source *s, csv_reader *csv, csv_record *rec, bool header)
{
    for (;;) {
        if (source_stopped(s, csv))
            return CSV_EOF;
        csv_status st = csv_next(csv, rec);
        if (source_stopped(s, csv)) {
            if (st == CSV_RECORD)
                locate_bad_field(s, csv, rec, header);
            return CSV_EOF;
        }
        if (st != CSV_MORE)
            return st;
        if (s->bad) {
            /* The record goes on past the window and holds the bad text
             * (the reader has not passed it): it is read no further, as
             * it may never end (a file of NUL bytes, /dev/zero, has no line
             * break), but up to the window's end, to find its field. */
            size_t at = csv_consumed(csv);
            csv_refill(csv, s->buf + at, s->len - at, true);
            if (csv_next(csv, rec) == CSV_RECORD)
                locate_bad_field(s, csv, rec, header);
            return CSV_EOF;
        }
        /* The reader stops before any byte `check_text` left for the next
         * window: those are a cut sequence or CR, which end no record. */
        source_read(s, csv_consumed(csv));
        csv_refill(csv, s->buf, s->len, s->final);
    }
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

/* How many header fields similar_field looks at. */
#define SIMILAR_MAX_FIELDS 100000

/* s past the marks a header may put between a name's words or digits:
 * '.', '_', '-', ' ' and the ideographic space U+3000. */
static const char *skip_marks(const char *s)
{
    for (;;) {
        if (*s == '.' || *s == '_' || *s == '-' || *s == ' ')
            s++;
        else if ((unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80)
            s += 3;
        else
            return s;
    }
}

/* Whether a and b are one name but for the case of ASCII letters and the
 * marks between its parts ("PM2.5" and "pm25", "Forest PCT" and
 * "forest_pct"); names of marks only are not. */
static bool loose_eq(const char *a, const char *b)
{
    bool any = false;
    for (;;) {
        a = skip_marks(a);
        b = skip_marks(b);
        if (!*a || !*b)
            return !*a && !*b && any;
        if (ascii_lower(*a) != ascii_lower(*b))
            return false;
        a++;
        b++;
        any = true;
    }
}

/* The header field most like `want` that the program does not read
 * under its own name, or -1: the same but for case and the marks
 * between its parts, else the one diag_nearest_spelt picks (the
 * did-you-mean's search by spelling: a few characters apart, ASCII case
 * first); none when two or more are as near (naming the first would
 * send the user to the wrong column). */
static long similar_field(const loader *L, const char *want)
{
    /* a header of more than SIMILAR_MAX_FIELDS fields is searched that
     * far only */
    size_t n = L->nheader < SIMILAR_MAX_FIELDS ? L->nheader : SIMILAR_MAX_FIELDS, k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *h = L->header[i];
        if (loose_eq(h, want) && !is_needed(L, h))
            return (long)i;
    }
    const char **cand = rt_xmalloc(n ? n : 1, sizeof *cand);
    uint32_t *field = rt_xmalloc(n ? n : 1, sizeof *field);
    for (size_t i = 0; i < n; i++)
        if (!is_needed(L, L->header[i])) {
            cand[k] = L->header[i];
            field[k++] = (uint32_t)i;
        }
    const char *pick[3];
    long best = -1;
    if (diag_nearest_spelt(want, cand, field, k, 1, pick) == 1)
        for (size_t i = 0; i < k && best < 0; i++)
            if (cand[i] == pick[0])
                best = (long)field[i];
    free(cand);
    free(field);
    return best;
}

/* Whether header name h holds one of the words of list (ASCII case
 * ignored), each a part of the name or, for a word of one character,
 * the whole name. */
static bool names_word(const char *h, const char *const *list)
{
    for (size_t w = 0; list[w]; w++) {
        size_t n = strlen(list[w]);
        if (cplen(list[w]) == 1) {
            if (strcmp(h, list[w]) == 0)
                return true;
            continue;
        }
        for (const char *q = h; *q; q++)
            if (eq_nocase_n(q, n, list[w]))
                return true;
    }
    return false;
}

/* The words a header uses for the plan's deepest level (the level of
 * the regions the rows most often key: a plan of a province and its
 * cities reads city rows), into words (room for LEVEL_WORDS_MAX and a
 * NULL): the level's identifier, its text (`city "市州"`) and the other
 * names of its kind (city, 城市, 地市 ...), so that a table naming
 * county, city and province columns (County Name, City Name, Province
 * Name) offers the city's for a plan of cities, not the first of them.
 * Words[0] NULL when the plan has no levels. */
#define LEVEL_WORDS_MAX 12
static void level_words(const ir_program *p, const char **words)
{
    static const char *const kinds[][7] = {
        {"city", "prefecture", "城市", "地市", "市州", "市", NULL},
        {"county", "district", "区县", "县区", "县", "区", NULL},
        {"province", "省份", "省区", "省", NULL},
    };
    size_t n = 0;
    words[0] = NULL;
    long deepest = -1;
    for (uint32_t r = 0; r < p->nregions; r++)
        if (!p->regions[r].is_group && (long)p->regions[r].level > deepest && p->regions[r].level < p->nlevels)
            deepest = (long)p->regions[r].level;
    if (deepest < 0)
        return;
    const char *id = p->levels[deepest];
    const char *text = p->level_texts ? p->level_texts[deepest] : NULL;
    words[n++] = id;
    if (text && *text)
        words[n++] = text;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        bool kind = false;
        for (size_t w = 0; kinds[k][w] && !kind; w++)
            kind = eq_nocase(id, kinds[k][w]) || (text && strcmp(text, kinds[k][w]) == 0);
        for (size_t w = 0; kind && kinds[k][w] && n < LEVEL_WORDS_MAX; w++)
            words[n++] = kinds[k][w];
    }
    words[n] = NULL;
}

/* The header field that likely holds the regions (year false) or the
 * years (year true) of a header without the plan's key columns, for the
 * note that names them in a `keys` item: for the years, the field like
 * the year key, else one named as a year is; for the regions, one named
 * as the plan's deepest level is (level_words), else one named as a
 * region is; else the first field not taken by the other key (avoid), as
 * a table's keys usually come first.  A column the rules read
 * (water_saving_city) is no key.  -1 for none. */
static long guess_key_field(const loader *L, bool year, long avoid)
{
    static const char *const year_words[] = {"year", "年份", "年度", "年", NULL};
    static const char *const region_words[] = {"region", "city", "province", "county", "district",
                                               "prefecture", "area", "地区", "城市", "省份", "地市",
                                               "区县", "行政区", "省", "市", "县", NULL};
    static const char *const code_words[] = {"code", "代码", "编码", "编号", NULL};
    size_t n = L->nheader < SIMILAR_MAX_FIELDS ? L->nheader : SIMILAR_MAX_FIELDS;
    if (year) {
        long f = similar_field(L, L->p->year_key);
        if (f >= 0 && f != avoid)
            return f;
    }
    /* a region's name before its code (DISTCODE地区代码 beside County
     * Name): the rules' regions are names, a code needs an alias each */
    const char *level[LEVEL_WORDS_MAX + 1];
    level_words(L->p, level);
    for (size_t i = 0; !year && level[0] && i < n; i++)
        if ((long)i != avoid && names_word(L->header[i], level) && !names_word(L->header[i], code_words) &&
            !is_needed(L, L->header[i]))
            return (long)i;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++)
            if ((long)i != avoid && names_word(L->header[i], year ? year_words : region_words) &&
                (year || pass == 1 || !names_word(L->header[i], code_words)))
                return (long)i;
    for (size_t i = 0; i < n; i++)
        if ((long)i != avoid && (year || !names_word(L->header[i], year_words)))
            return (long)i;
    return -1;
}

/* The header field that names column k's indicator rather than the
 * column (a bureau heads its table 森林覆盖率 where the rules read
 * forest_pct), alike as loose_eq says, and is not read under its own
 * name; or -1. */
static long indicator_field(const loader *L, uint32_t k)
{
    const char *ind = L->p->columns[k].indicator;
    size_t n = L->nheader < SIMILAR_MAX_FIELDS ? L->nheader : SIMILAR_MAX_FIELDS;
    for (size_t i = 0; ind && i < n; i++)
        if ((strcmp(L->header[i], ind) == 0 || loose_eq(L->header[i], ind)) && !is_needed(L, L->header[i]))
            return (long)i;
    return -1;
}

/* The header field that is `want` but for invisible characters
 * (csv_invisible: "\uFEFFpm25", a byte order mark inside a header of files
 * joined after their first), or -1; *cp the first such character.  The
 * fields searched are similar_field's. */
static long invisible_field(const loader *L, const char *want, unsigned *cp)
{
    size_t n = L->nheader < SIMILAR_MAX_FIELDS ? L->nheader : SIMILAR_MAX_FIELDS;
    for (size_t i = 0; i < n; i++) {
        const char *h = L->header[i], *w = want;
        bool any = false;
        for (;;) {
            unsigned c;
            size_t k = csv_invisible(h, strlen(h), &c);
            if (k) {
                if (!any)
                    *cp = c;
                any = true;
                h += k;
            } else if (*h && *h == *w) {
                h++;
                w++;
            } else {
                break;
            }
        }
        if (any && !*h && !*w)
            return (long)i;
    }
    return -1;
}

/* s without its invisible characters (csv_invisible), malloc'd, with *cp
 * the first of them; NULL when it has none. */
static char *without_invisible(const char *s, unsigned *cp)
{
    size_t n = strlen(s), k;
    char *v = NULL, *o = NULL;
    for (size_t i = 0; i < n; i += k ? k : 1) {
        unsigned c;
        k = csv_invisible(s + i, n - i, &c);
        if (k && !v) {
            *cp = c;
            o = v = rt_xmalloc(n + 1, 1);
            memcpy(o, s, i);
            o += i;
        }
        if (!k && v)
            *o++ = s[i];
    }
    if (o)
        *o = '\0';
    return v;
}

/* The first column read per year. */
static const ir_column *first_per_year(const ir_program *p)
{
    for (uint32_t k = 0; k < p->ncolumns; k++)
        if (p->columns[k].per_year)
            return &p->columns[k];
    return NULL;
}

/* The year that header field h gives column name `pattern` ("C{year}"):
 * the text around "{year}" the same, and in its place four digits, 1000
 * to 9999 (so stray columns C1, C20 are not years); 0 when h does not
 * match. */
static int header_year(const char *pattern, const char *h)
{
    const char *at = strstr(pattern, "{year}");
    size_t pre = (size_t)(at - pattern), post = strlen(at + 6), n = strlen(h);
    if (n != pre + post + 4 || memcmp(h, pattern, pre) != 0 || memcmp(h + n - post, at + 6, post) != 0 ||
        h[pre] == '0')
        return 0;
    int y = 0;
    for (size_t i = pre; i < n - post; i++) {
        if (h[i] < '0' || h[i] > '9')
            return 0;
        y = y * 10 + (h[i] - '0');
    }
    return y;
}

/* The column name with '{year}' that header fields name a column per
 * year by ("C{year}" for C1997, C1998, ...: a table with no year column,
 * as a published panel is often laid out), found from the first field
 * with four digits 1900 to 2100 in it, when at least three fields match it
 * (header_year); NULL otherwise.  *first and *last are the fields of the
 * earliest and latest year.  The caller frees the name. */
static char *year_columns_pattern(const loader *L, long *first, long *last)
{
    for (size_t i = 0; i < L->nheader; i++) {
        const char *h = L->header[i];
        size_t n = strlen(h);
        for (size_t j = 0; j + 4 <= n; j++) {
            bool digits = true;
            for (size_t d = 0; d < 4 && digits; d++)
                digits = h[j + d] >= '0' && h[j + d] <= '9';
            /* four digits alone, not part of a longer number */
            if (!digits || (j > 0 && h[j - 1] >= '0' && h[j - 1] <= '9') ||
                (j + 4 < n && h[j + 4] >= '0' && h[j + 4] <= '9'))
                continue;
            int y = atoi(h + j);
            if (y < 1900 || y > 2100)
                continue;
            char *pattern = rt_xmalloc(n - 4 + sizeof "{year}", 1);
            snprintf(pattern, n - 4 + sizeof "{year}", "%.*s{year}%s", (int)j, h, h + j + 4);
            size_t count = 0;
            int lo = 0, hi = 0;
            for (size_t k = 0; k < L->nheader; k++) {
                int yk = header_year(pattern, L->header[k]);
                if (yk < 1900 || yk > 2100)
                    continue;
                if (!count || yk < lo) {
                    lo = yk;
                    *first = (long)k;
                }
                if (!count || yk > hi) {
                    hi = yk;
                    *last = (long)k;
                }
                count++;
            }
            if (count >= 3)
                return pattern;
            free(pattern);
            break; /* this field's first year: the next field */
        }
    }
    return NULL;
}

/* Checks the header fields of per-year column k: at least one, and no
 * year given by two fields; marks their years in L->year_index (as 1). */
static bool match_years(loader *L, uint32_t k, unsigned line)
{
    const ir_column *c = &L->p->columns[k];
    if (!L->year_index)
        L->year_index = rt_xcalloc(MAX_YEAR + 1, sizeof *L->year_index);
    /* the field + 1 that gave each year to this column so far (0: none) */
    size_t *seen = rt_xcalloc(MAX_YEAR + 1, sizeof *seen);
    bool ok = true, any = false;
    for (size_t i = 0; i < L->nheader; i++) {
        int y = (long)i == L->region_field ? 0 : header_year(c->name, L->header[i]);
        if (y <= 0)
            continue;
        if (seen[y]) {
            data_error(L, line, "columns '%s' and '%s' both give column '%s' for %d",
                       L->header[seen[y] - 1], L->header[i], c->name, y);
            ok = false;
        }
        seen[y] = i + 1;
        L->year_index[y] = 1;
        any = true;
    }
    free(seen);
    if (!any) {
        data_error(L, line, T(L, LBL_L_NO_YEAR_COLUMN), c->name, c->indicator ? c->indicator : "?");
        if (!L->stopped)
            csv_message(L->err, T(L, LBL_L_YEAR_NOTE), L->name, line, c->name, (int)(strstr(c->name, "{year}") - c->name), c->name,
                    strstr(c->name, "{year}") + 6);
        ok = false;
    }
    return ok;
}

/* Gathers the years marked by match_years into L->years (ascending), makes
 * L->year_index map each to its index + 1, and gives each per-year column
 * its header field per year (-1 where it has none). */
static void collect_years(loader *L)
{
    const ir_program *p = L->p;
    L->years = rt_xmalloc(MAX_YEAR, sizeof *L->years);
    for (int y = 1; y <= MAX_YEAR; y++)
        if (L->year_index[y]) {
            L->years[L->nyears++] = y;
            L->year_index[y] = (int)L->nyears;
        }
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        if (!p->columns[k].per_year)
            continue;
        long *f = rt_xmalloc(L->nyears, sizeof *f);
        for (size_t j = 0; j < L->nyears; j++)
            f[j] = -1;
        for (size_t i = 0; i < L->nheader; i++) {
            int y = (long)i == L->region_field ? 0 : header_year(p->columns[k].name, L->header[i]);
            if (y > 0)
                f[L->year_index[y] - 1] = (long)i;
        }
        L->year_field_of[k] = f;
    }
}

/* True when an earlier column of the program has column k's name (read
 * with another aggregate): what is wrong with it was said for that one.
 * Columns of one name are next to each other in the program's order of
 * declaration only by chance, so this looks back at most 64 columns. */
static bool reported_before(const loader *L, uint32_t k)
{
    const ir_program *p = L->p;
    for (uint32_t j = k > 64 ? k - 64 : 0; j < k; j++)
        if (strcmp(p->columns[j].name, p->columns[k].name) == 0)
            return true;
    return false;
}

/* Orders header fields by name, then by field. */
static int cmp_header(const void *a, const void *b)
{
    const header_entry *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->field > y->field) - (x->field < y->field);
}

/* Where the header fields named want[0..n) start in L->by_name (the first
 * entry not ordered before that name): a binary search, so that a header of
 * a million fields costs each column of the rules a few comparisons. */
static size_t equal_names(const loader *L, const char *want, size_t n)
{
    size_t lo = 0, hi = L->nheader;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *h = L->by_name[mid].name;
        if (strncmp(h, want, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The header field named `want`.  A name the header repeats is the first
 * of its fields, with a warning; the later ones are also called NAME.1,
 * NAME.2, ... (as pandas reads such a file), unless a field has that very
 * name.  -1 when there is none. */
static long find_field(loader *L, const char *want, unsigned line)
{
    size_t at = equal_names(L, want, strlen(want)), n = 0;
    while (at + n < L->nheader && strcmp(L->by_name[at + n].name, want) == 0)
        n++;
    if (n > 1 && !L->stopped && !L->warned[L->by_name[at].field]) {
        L->warned[L->by_name[at].field] = true;
        warn_message(L->err, WARN_DUPLICATE_COLUMN, T(L, LBL_L_DUP_COLUMN), L->name, line, want, n, L->by_name[at].field + 1,
                    L->by_name[at + 1].field + 1, n > 2 ? T(L, LBL_L_DUP_MORE) : "", want);
    }
    if (n > 0)
        return (long)L->by_name[at].field;
    /* NAME.k: the k-th repeat of NAME */
    const char *dot = strrchr(want, '.');
    if (!dot || dot[1] < '1' || dot[1] > '9' || strspn(dot + 1, "0123456789") != strlen(dot + 1) ||
        strlen(dot + 1) > 6)
        return -1;
    size_t k = (size_t)atol(dot + 1), base = (size_t)(dot - want);
    at = equal_names(L, want, base);
    for (n = 0; n <= k && at + n < L->nheader; n++)
        if (strncmp(L->by_name[at + n].name, want, base) != 0 || L->by_name[at + n].name[base] != '\0')
            return -1;
    return n > k ? (long)L->by_name[at + k].field : -1;
}

/* The most columns missing from the header that --allow-missing-columns
 * warns of one by one; one more warning counts the rest. */
#define ABSENT_SHOWN 10

/* Writes to f the note on a header without field `want` (the region
 * column for k 0, the year's for 1, column k - 2 after) that has a field
 * like it: the same but for invisible characters, a similar name, or the
 * column's indicator's name (森林覆盖率 for forest_pct).  Returns whether
 * it wrote one.  planc run gives it after its error; template --check
 * after its own (rt_table_absent_note). */
static bool near_note(loader *L, FILE *f, unsigned line, size_t k, const char *want)
{
    unsigned cp = 0;
    long near = invisible_field(L, want, &cp);
    if (near >= 0) {
        csv_message(f, T(L, LBL_L_INVISIBLE), L->name, line, shown(L, L->header[near], strlen(L->header[near])),
                    near + 1, want, cp, cp == 0xFEFF ? T(L, LBL_L_INVISIBLE_BOM) : "");
        return true;
    }
    if ((near = similar_field(L, want)) >= 0) {
        /* and what to do if it is that column: the city heads it as the
         * blank file does; the rules' author may also read it as it is */
        const char *fld = shown(L, L->header[near], strlen(L->header[near]));
        if (L->opts.provider)
            csv_message(f, msgcat_get(L->opts.lang, "%s:%u: note: the header has a similar column '%s' (field "
                                                    "%ld): if it is this column, head it '%s', as the blank file "
                                                    "from planc template has it\n"),
                        L->name, line, fld, near + 1, want);
        else if (k >= 2)
            csv_message(f, msgcat_get(L->opts.lang, "%s:%u: note: the header has a similar column '%s' (field "
                                                    "%ld): if it is this column, rename it to '%s', or write "
                                                    "'column \"%s\"' on indicator %s\n"),
                        L->name, line, fld, near + 1, want, fld, L->p->columns[k - 2].indicator);
        else
            csv_message(f, msgcat_get(L->opts.lang, "%s:%u: note: the header has a similar column '%s' (field "
                                                    "%ld): if it is this column, rename it to '%s', or name it in "
                                                    "the plan block: keys %s = \"%s\"\n"),
                        L->name, line, fld, near + 1, want, k == 0 ? "region" : "year", fld);
        return true;
    }
    if (k >= 2 && (near = indicator_field(L, (uint32_t)(k - 2))) >= 0) {
        /* the field is headed by what the column holds, not its name */
        const char *fld = shown(L, L->header[near], strlen(L->header[near]));
        csv_message(f, msgcat_get(L->opts.lang, "%s:%u: note: field %ld '%s' is headed with the name of "
                                                "indicator %s, whose cells the rules read from column "
                                                "'%s': rename the field to '%s', or write 'column \"%s\"' "
                                                "on the indicator\n"),
                    L->name, line, near + 1, fld, L->p->columns[k - 2].indicator, want, want, fld);
        return true;
    }
    return false;
}

/* The encodings a Chinese table is written in, beside the one
 * --encoding names: a file read in the wrong one of them has no bad
 * byte, but every name becomes other characters (a GB18030 file read as
 * Big5: 沈阳市 is 朻栠庈), so every column the rules read is missing or
 * every row's region unknown, and nothing says why. */
static const char *const other_encodings[] = {"GB18030", "BIG5", "UTF-8"};

/* In a file converted from --encoding (not found to be UTF-8): the other
 * encoding in which `text`, read back into its bytes, is a region of the
 * rules (`region`) or a column they read; NULL when none.  *reread gets
 * that reading (free it). */
static const char *other_encoding(loader *L, const source *src, const char *text, bool region, char **reread)
{
    *reread = NULL;
    if (!src->conv || src->undecided || !L->opts.encoding)
        return NULL;
    for (size_t i = 0; i < sizeof other_encodings / sizeof *other_encodings; i++) {
        char *s = tc_reread(text, L->opts.encoding, other_encodings[i]);
        if (s && (region ? find_region(L, s, strlen(s)) >= 0 : is_needed(L, s))) {
            *reread = s;
            return other_encodings[i];
        }
        free(s);
    }
    return NULL;
}

/* Orders a garbled name (char *) by its bytes. */
static int cmp_garbled(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fills L->garbled: every region name and alias of the rules as a file
 * saved in one of other_encodings reads when read as --encoding (大连
 * saved as UTF-8, read as GB18030: 澶ц繛), unless that is a name of the
 * rules itself.  A row of such a region is then no undeclared region to
 * skip (garbled_region). */
static void garble_names(loader *L)
{
    size_t cap = 0;
    for (size_t e = 0; e < sizeof other_encodings / sizeof *other_encodings; e++) {
        tc_rereader *r = tc_rereader_open(other_encodings[e], L->opts.encoding);
        for (size_t i = 0; r && i <= L->name_mask; i++) {
            if (!L->names[i].text)
                continue;
            char *g = tc_rereader_apply(r, L->names[i].text);
            if (!g || find_region(L, g, strlen(g)) >= 0) {
                free(g);
                continue;
            }
            if (L->ngarbled == cap) {
                cap = cap ? 2 * cap : 16;
                L->garbled = rt_xrealloc(L->garbled, cap, sizeof *L->garbled);
            }
            L->garbled[L->ngarbled++] = g;
        }
        tc_rereader_close(r);
    }
    if (L->ngarbled)
        qsort(L->garbled, L->ngarbled, sizeof *L->garbled, cmp_garbled);
}

/* Whether s[0..n) is a name of L->garbled: a region of the rules in a
 * row saved in another encoding than the file's.  Reads L only (the
 * parsing threads call it). */
static bool garbled_region(const loader *L, const char *s, size_t n)
{
    size_t lo = 0, hi = L->ngarbled;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *g = L->garbled[mid];
        size_t gn = strlen(g);
        int c = memcmp(g, s, gn < n ? gn : n);
        if (c == 0)
            c = gn < n ? -1 : gn > n ? 1 : 0;
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* After the errors of unknown regions: when the first unknown name is a
 * region of the rules in another encoding (other_encoding), says which to
 * read the file with, and returns true (the note of unknown regions,
 * whose advice would not help, is then left out). */
static bool encoding_region_note(loader *L, const source *src, FILE *err)
{
    char *name;
    const char *enc = L->first_unknown ? other_encoding(L, src, L->first_unknown, true, &name) : NULL;
    if (!enc)
        return false;
    /* rows of the rules' regions read as they are: a file joined from
     * files saved in two encodings, which no one --encoding reads */
    bool known = false;
    for (size_t r = 0; r < L->t->nrows && !known; r++)
        known = L->t->line[r] != 0;
    note_at(L, err, 0);
    if (known)
        csv_message(err, msgcat_get(L->opts.lang, "note: the file was read as %s (--encoding %s), as its rows of "
                                                  "regions the rules declare are; read as %s, its region '%s' is "
                                                  "'%s': the file holds text in two encodings (files joined, "
                                                  "saved as %s and as %s?): convert each part to UTF-8 before "
                                                  "joining them\n"),
                    L->opts.encoding, L->opts.encoding, enc, shown(L, L->first_unknown, strlen(L->first_unknown)),
                    name, L->opts.encoding, enc);
    else
        csv_message(err, msgcat_get(L->opts.lang, "note: the file was read as %s (--encoding %s); read as %s, "
                                                  "its region '%s' is '%s', a region of the rules: if the file "
                                                  "is in %s, read it with --encoding %s\n"),
                    L->opts.encoding, L->opts.encoding, enc, shown(L, L->first_unknown, strlen(L->first_unknown)),
                    name, enc, enc);
    free(name);
    return true;
}

/* After the errors of columns not in the header: when a field of the
 * header is a column the rules read in another encoding
 * (other_encoding), says which to read the file with, and returns true
 * (the header's other notes, which would offer its garbled names as the
 * keys, are then left out). */
static bool encoding_header_note(loader *L, const source *src, unsigned line)
{
    for (size_t i = 0; i < L->nheader; i++) {
        char *name;
        const char *enc = other_encoding(L, src, L->header[i], false, &name);
        if (!enc)
            continue;
        csv_message(L->err, msgcat_get(L->opts.lang, "%s:%u: note: the file was read as %s (--encoding %s); read "
                                                     "as %s, its header's field '%s' is '%s', a column the rules "
                                                     "read: if the file is in %s, read it with --encoding %s\n"),
                    L->name, line, L->opts.encoding, L->opts.encoding, enc,
                    shown(L, L->header[i], strlen(L->header[i])), name, enc, enc);
        free(name);
        return true;
    }
    return false;
}

/* Reads the header record and finds every column the program needs.
 * Returns false after reporting what is missing. */
static bool read_header(loader *L, source *src, csv_reader *csv)
{
    const ir_program *p = L->p;
    bool empty = csv->pos >= csv->len; /* nothing but perhaps a BOM */
    csv_record rec;
    csv_status st = next_record(src, csv, &rec, true);
    if (source_stopped(src, csv))
        return false;
    if (st == CSV_EOF) {
        if (empty)
            data_error(L, 0, "the file is empty (it needs a header row naming its columns)");
        else
            data_error(L, rec.line, "no header row: the file has only empty lines");
        return false;
    }
    if (st == CSV_UNTERMINATED || st == CSV_TOO_LONG) {
        quote_error(L, &rec, st, true);
        return false;
    }
    L->nheader = rec.nfields;
    L->header = rt_xcalloc(rec.nfields, sizeof *L->header);
    L->warned = rt_xcalloc(rec.nfields ? rec.nfields : 1, sizeof *L->warned);
    for (size_t i = 0; i < rec.nfields; i++) {
        size_t n;
        const char *f = cell(csv, i, &n);
        char *h = rt_xmalloc(n + 1, 1);
        memcpy(h, f, n);
        h[n] = '\0';
        L->header[i] = h;
    }
    L->by_name = rt_xmalloc(rec.nfields ? rec.nfields : 1, sizeof *L->by_name);
    for (size_t i = 0; i < rec.nfields; i++)
        L->by_name[i] = (header_entry){L->header[i], i};
    qsort(L->by_name, rec.nfields, sizeof *L->by_name, cmp_header);
    if (rec.bad_field >= 0) {
        data_error(L, rec.line, "header field %ld ('%s'): text after the closing quote",
                   rec.bad_field + 1, shown(L, L->header[rec.bad_field], strlen(L->header[rec.bad_field])));
        return false;
    }

    /* Each needed name must appear exactly once; a column per year, once
     * per year.  Such columns, or --data-year, stand for the year column. */
    bool ok = true;
    bool wide = false;
    for (uint32_t k = 0; k < p->ncolumns; k++)
        wide |= p->columns[k].per_year;
    if (wide && L->opts.year) {
        data_error(L, rec.line, "the rules read a column per year (column '%s'), which gives each "
                   "row's year; a data year (%d) cannot be given too", first_per_year(p)->name, L->opts.year);
        return false;
    }
    L->t->header_line = rec.line;
    const size_t nneed = (size_t)p->ncolumns + 2;
    size_t nmissing = 0;    /* data columns not in the header (each said once) */
    size_t nabsent = 0;     /* of them, read as missing cells (--allow-missing-columns) */
    bool keys_missing = false;  /* the region or year column is not either */
    bool near_named = false;    /* a missing column's likely name in the header was said */
    size_t nnear = 0;           /* the missing data columns that were (a field named each) */
    for (size_t k = 0; k < nneed; k++) {
        const char *want = k == 0 ? p->region_key : k == 1 ? p->year_key : p->columns[k - 2].name;
        if (k == 1 && (wide || L->opts.year)) {
            L->year_field = -1;
            long at = L->opts.year ? find_field(L, want, rec.line) : -1;
            if (at >= 0) {
                data_error(L, rec.line, "the file has a year column '%s' (field %ld), but a data year "
                           "(%d) was given: --data-year is for a file without one", want, at + 1,
                           L->opts.year);
                ok = false;
            }
            continue;
        }
        if (k >= 2 && p->columns[k - 2].per_year) {
            L->column_field[k - 2] = -1;
            ok &= match_years(L, (uint32_t)(k - 2), rec.line);
            continue;
        }
        long at = find_field(L, want, rec.line);
        if (k == 0)
            L->region_field = at;
        else if (k == 1)
            L->year_field = at;
        else
            L->column_field[k - 2] = at;
        if (at >= 0)
            continue;
        if (k >= 2 && (L->opts.needed_columns_only || L->opts.set_aside) && !L->opts.allow_missing_columns) {
            /* one of several files: missing cells until all are read
             * and say whether another file gives the column for the
             * regions that need it (check_given), unless the header has
             * a field like it, the column misspelt; read whole (no
             * needed_columns_only), only told that it could have been */
            unsigned cp = 0;
            if (reported_before(L, (uint32_t)(k - 2)) ||
                (invisible_field(L, want, &cp) < 0 && similar_field(L, want) < 0 &&
                 indicator_field(L, (uint32_t)(k - 2)) < 0)) {
                if (L->opts.set_aside)
                    *L->opts.set_aside = true;
                if (L->opts.needed_columns_only) {
                    L->t->absent[k - 2] = true;
                    continue;
                }
            }
        }
        if (k >= 2 && reported_before(L, (uint32_t)(k - 2)))
            continue; /* another aggregate of the same column: said once */
        if (k >= 2 && L->opts.allow_missing_columns) {
            /* --allow-missing-columns: a column of missing cells */
            const char *ind = p->columns[k - 2].indicator;
            L->t->absent[k - 2] = true;
            /* read quietly (template --check): the note on a field like
             * it kept for the check's error on the column */
            if (!L->stopped && L->opts.quiet_missing_columns) {
                char *text = NULL;
                size_t len = 0;
                FILE *m = open_memstream(&text, &len);
                bool any = m && near_note(L, m, rec.line, k, want);
                if (m)
                    fclose(m);
                if (any) {
                    if (!L->t->absent_note)
                        L->t->absent_note = rt_xcalloc(p->ncolumns, sizeof *L->t->absent_note);
                    L->t->absent_note[k - 2] = text;
                } else {
                    free(text);
                }
            }
            /* one warning a column up to ABSENT_SHOWN, then one line for
             * the rest (a plan's rules on another plan's data may lack
             * dozens: the page, the workbook and the JSON list them all) */
            if (!L->stopped && !L->opts.quiet_missing_columns && nabsent++ < ABSENT_SHOWN) {
                if (ind)
                    warn_message(L->err, WARN_MISSING_COLUMN, T(L, LBL_L_ABSENT_IND), L->name, rec.line, want, ind);
                else
                    warn_message(L->err, WARN_MISSING_COLUMN, T(L, LBL_L_ABSENT), L->name, rec.line, want);
                /* a field like it (pm2.5 for pm25): the note the error
                 * without the option gives, since a column read as
                 * missing that the header has under another name is the
                 * mistake the option hides */
                near_note(L, L->err, rec.line, k, want);
            }
            continue;
        }
        ok = false;
        if (k >= 2)
            nmissing++;
        else
            keys_missing = true;
        if (k == 0)
            data_error(L, rec.line, T(L, LBL_L_NO_COL_REGION), want);
        else if (k == 1 && L->region_field >= 0 && similar_field(L, want) < 0) {
            data_error(L, rec.line, T(L, LBL_L_NO_COL_YEAR), want);
            if (!L->stopped) /* a header with the region column but no year */
                csv_message(L->err, T(L, LBL_L_DATA_YEAR), L->name, rec.line);
            continue;
        } else if (k == 1)
            data_error(L, rec.line, T(L, LBL_L_NO_COL_YEAR), want);
        else if (p->columns[k - 2].indicator)
            data_error(L, rec.line, T(L, LBL_L_NO_COL_IND), want,
                       p->columns[k - 2].indicator);
        else
            data_error(L, rec.line, T(L, LBL_L_NO_COL), want);
        if (!L->stopped && near_note(L, L->err, rec.line, k, want)) {
            near_named = true;
            nnear += k >= 2;
        }
    }
    if (nabsent > ABSENT_SHOWN)
        warn_message(L->err, WARN_MISSING_COLUMN, T(L, LBL_L_ABSENT_MORE), L->name, rec.line, nabsent - ABSENT_SHOWN);
    /* under `missing zero` the absent columns' targets weigh on every
     * total as 0: say so once, and how to leave them out instead (an
     * adapter's first run, on a bureau's table with a few of the base's
     * columns, otherwise grades every region 不合格 without a reason) */
    if (nabsent && !L->stopped && p->has_assessment && p->missing == IR_MISSING_ZERO)
        csv_message(L->err, T(L, LBL_L_ABSENT_ZERO), L->name, rec.line, p->assessment);
    if (ok && wide)
        collect_years(L);
    if (ok) {
        /* columns reading one field the same way parse it once */
        long *first = rt_xmalloc(L->nheader ? L->nheader : 1, sizeof *first);
        for (size_t i = 0; i < L->nheader; i++)
            first[i] = -1;
        for (uint32_t k = 0; k < p->ncolumns; k++) {
            long f = L->column_field[k];
            L->same_as[k] = -1;
            if (f < 0)
                continue;
            long j = first[f];
            if (j >= 0 && p->columns[j].type == p->columns[k].type && L->percent[j] == L->percent[k] &&
                p->columns[j].map == p->columns[k].map)
                L->same_as[k] = j;
            else if (j < 0)
                first[f] = k;
        }
        free(first);
    }
    /* the header's names garbled by the wrong --encoding: the notes
     * below would offer them */
    bool garbled = !ok && encoding_header_note(L, src, rec.line);
    if (!ok && !garbled) {
        /* Notes on the header as a whole, given even past the error
         * limit: a header that names its keys otherwise (地区, 年份) and
         * lacks dozens of the rules' columns reaches the limit before
         * they would be said, and they are the way on.
         * A first line of data instead of names is the usual cause. */
        bool data_like = false;
        for (size_t i = 0; i < L->nheader && !data_like; i++) {
            const char *h = L->header[i];
            size_t n = strlen(h);
            double v;
            if (find_region(L, h, n) >= 0 ||
                (!is_missing(L, h, n) && parse_number(L, h, n, &v) == 0)) {
                csv_message(L->err, T(L, LBL_L_LOOKS_DATA), L->name, rec.line);
                data_like = true;
            }
        }
        /* A first line whose only filled field is the first: the title a
         * yearbook's export puts above its table ("表3-1 各市主要指标"
         * and empty fields), not names; the keys below would offer it. */
        bool title = !data_like && L->nheader >= 1 && L->header[0][0] != '\0' &&
                     !strchr(L->header[0], ';') && !strchr(L->header[0], '\t');
        for (size_t i = 1; i < L->nheader && title; i++)
            title = L->header[i][0] == '\0';
        if (title && src->rows)
            /* a sheet's: its title most often merged across the columns,
             * which the program's Delete Rows removes (no command does) */
            csv_message(L->err, msgcat_get(L->opts.lang, "%s:%u: note: only the first cell of this row is filled "
                                                         "('%s'): a title above the table (merged across the "
                                                         "columns)? The sheet's first row must be the header "
                                                         "naming the columns: delete the rows above it in the "
                                                         "sheet, or copy the table from its header down into a "
                                                         "sheet of its own\n"),
                        L->name, rec.line, shown(L, L->header[0], strlen(L->header[0])));
        else if (title)
            csv_message(L->err, T(L, LBL_L_TITLE), L->name, rec.line,
                    shown(L, L->header[0], strlen(L->header[0])), "tail -n +2 FILE > NEW.csv");
        /* A header of names without the plan's region column: a table
         * that calls it otherwise (地区, 年份), which the plan's keys
         * name; the header's first fields are the likely ones. */
        if (!data_like && !title && L->region_field < 0 && L->nheader >= 2 && !L->opts.test_rows &&
            similar_field(L, p->region_key) < 0) {
            bool year = L->year_field < 0 && !L->opts.year && !wide;
            /* a table with a column per year (C1997 ... C2017) has no
             * year column to name: no field is offered as the year key
             * (the first field, a code, was), and a note says how such a
             * table is read */
            long wide_first = -1, wide_last = -1;
            char *wide_pattern = year ? year_columns_pattern(L, &wide_first, &wide_last) : NULL;
            bool year_named = wide_pattern == NULL;
            /* the fields named: the year's first, as a header that names
             * its year column so (Year) gives it away more often */
            long yf = !year ? L->year_field : year_named ? guess_key_field(L, true, L->year_field) : -1;
            long rf = guess_key_field(L, false, yf);
            if (rf < 0)
                rf = 0;
            if (year && year_named && (yf < 0 || yf == rf))
                yf = rf == 0 ? 1 : 0;
            if (year)
                csv_message(L->err, T(L, LBL_L_KEYS_BOTH), L->name, rec.line, p->region_key, p->year_key,
                        shown(L, L->header[rf], strlen(L->header[rf])));
            else
                csv_message(L->err, T(L, LBL_L_KEYS_REGION), L->name, rec.line, p->region_key,
                        shown(L, L->header[rf], strlen(L->header[rf])));
            if (year && year_named)
                csv_message(L->err, T(L, LBL_L_KEYS_YEAR), shown(L, L->header[yf], strlen(L->header[yf])));
            fputs(T(L, LBL_L_KEYS_END), L->err);
            if (wide_pattern) {
                /* shown() has one buffer: the three names one at a time */
                char *from = rt_xstrdup(shown(L, L->header[wide_first], strlen(L->header[wide_first])));
                char *to = rt_xstrdup(shown(L, L->header[wide_last], strlen(L->header[wide_last])));
                csv_message(L->err,
                            msgcat_get(L->opts.lang, "%s:%u: note: the header has a column per year ('%s' to "
                                                     "'%s') and no year column: read each indicator from them "
                                                     "with 'column \"%s\"', which gives each row its year\n"),
                            L->name, rec.line, from, to, shown(L, wide_pattern, strlen(wide_pattern)));
                free(from);
                free(to);
            }
            free(wide_pattern);
        }
        /* One field holding semicolons or tabs: another separator (Excel's
         * "CSV" where the decimal separator is a comma, a "text" export). */
        const char *sep = L->nheader != 1 ? NULL
                          : strchr(L->header[0], ';')  ? T(L, LBL_L_SEMICOLONS)
                          : strchr(L->header[0], '\t') ? T(L, LBL_L_TABS)
                                                       : NULL;
        if (sep)
            csv_message(L->err, T(L, LBL_L_ONE_FIELD), L->name, rec.line, sep, sep);
        if (nmissing >= 2 && nnear < nmissing && !data_like && !title && !sep && (!keys_missing || L->stopped))
            /* a file for another plan, or from another year's survey:
             * say how many, and the ways on; where the keys are named
             * otherwise too, only when the errors stopped before naming
             * every column (a few are each said above) */
            csv_message(L->err, T(L, LBL_L_MISSING_COLUMNS), L->name, rec.line, nmissing);
        else if (nmissing == 1 && !keys_missing && !near_named && !data_like && !title && !sep &&
                 !L->stopped)
            /* one column, with no likely name in the header: the data
             * lacks it, and the error alone did not say the ways on */
            csv_message(L->err, T(L, LBL_L_MISSING_COLUMN), L->name, rec.line);
    }
    return ok;
}

/* Adds cell v (NaN: missing, left out) of aggregated column c to a row's
 * running value *acc, of which *n cells were not missing.  Until finish()
 * *acc is the sum (mean, sum), the extreme (min, max), nothing (count) or
 * how many cells met the comparison (share); for a mean, *scaled is the
 * sum of the cells scaled by 2^-40, which keeps a mean finite when the
 * sum overflows (rt_mean_of). */
static void fold(const ir_column *c, double *acc, double *n, double *scaled, double v)
{
    if (isnan(v))
        return;
    bool first = *n == 0;
    *n += 1;
    switch (c->agg) {
    case IR_AGG_MEAN:
        *scaled = first ? v * 0x1p-40 : *scaled + v * 0x1p-40;
        *acc = first ? v : *acc + v;
        break;
    case IR_AGG_SUM:
        *acc = first ? v : *acc + v;
        break;
    case IR_AGG_MIN:
        if (first || v < *acc)
            *acc = v;
        break;
    case IR_AGG_MAX:
        if (first || v > *acc)
            *acc = v;
        break;
    case IR_AGG_SHARE:
        *acc = (first ? 0 : *acc) + (ir_compare(c->agg_op, v, c->agg_limit) == 1 ? 1 : 0);
        break;
    case IR_AGG_COUNT:
    case IR_AGG_NONE:
        break;
    }
}

/* Turns the running values of the aggregated columns into their results:
 * a mean divides (rt_mean_of: the mean of cells near the largest double is
 * finite although their sum is not), a count is the count, a share a
 * percentage; with no cell that is not missing, every aggregate but count
 * is missing.  A sum that overflows is a data error at the record whose
 * cell carried it out of range (store(), as it is read); a mean, which
 * cannot, the cells being finite, would be one at the row's first line. */
static void finish(loader *L)
{
    rt_table *t = L->t;
    const ir_program *p = L->p;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *c = &p->columns[k];
        if (c->agg == IR_AGG_NONE)
            continue;
        double *d = t->data[k];
        const double *n = t->aggn[k];
        for (size_t r = 0; r < t->nrows; r++) {
            if (c->agg == IR_AGG_COUNT)
                d[r] = n[r];
            else if (n[r] == 0)
                d[r] = NAN;
            else if (c->agg == IR_AGG_MEAN)
                d[r] = rt_mean_of(d[r], t->aggs[k][r], n[r]);
            else if (c->agg == IR_AGG_SHARE)
                d[r] = 100 * d[r] / n[r];
            if (isinf(d[r]) && c->agg != IR_AGG_SUM)
                data_error(L, t->line[r], "column '%s': the %s of the rows for %s %d is out of range",
                           c->name, c->agg_text, p->regions[t->region[r]].name, t->year[r]);
        }
        free(t->aggs[k]);
        t->aggs[k] = NULL;
    }
}

/* Reports the cells that a unit conversion would carry out of range (a
 * cell of 1e305 万亩 read as 亩): the program would see inf. */
static void check_scaled(loader *L)
{
    rt_table *t = L->t;
    const ir_program *p = L->p;
    /* each column's largest scale (its indicator's conversion: one per column) */
    double *scale = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *scale);
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        if (in->kind == IR_IN_DATA && fabs(in->scale) > scale[in->column])
            scale[in->column] = fabs(in->scale);
    }
    for (uint32_t k = 0; k < p->ncolumns && !L->stopped; k++) {
        if (scale[k] <= 1)
            continue;
        const ir_column *c = &p->columns[k];
        const double *d = t->data[k];
        for (size_t r = 0; r < t->nrows && !L->stopped; r++)
            if (isinf(d[r] * scale[k]) && !isinf(d[r])) {
                char num[32];
                report_format_number(d[r], num);
                /* the cell it was read from: of a plain column, or of a
                 * year's column; none when records were combined into
                 * the row (a row of one record, among combined ones,
                 * has its cell) */
                long field = -1;
                bool one = !L->combine || (t->nrec && t->nrec[r] == 1);
                if (one && !c->per_year)
                    field = L->column_field[k];
                else if (one && t->year[r] >= 0 && t->year[r] <= MAX_YEAR && L->year_index &&
                         L->year_index[t->year[r]])
                    field = L->year_field_of[k][L->year_index[t->year[r]] - 1];
                cell_error(L, t->line[r], field, "column '%s': %s %s is out of range in %s (indicator %s)",
                           c->name, num, c->unit, c->indicator_unit, c->indicator ? c->indicator : "?");
            }
    }
    free(scale);
}

/* True when s[0..n) holds a digit (ASCII or full-width). */
static bool has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k;
        char c = wide_char(s + i, n - i, &k);
        if ((s[i] >= '0' && s[i] <= '9') || (c >= '0' && c <= '9'))
            return true;
    }
    return false;
}

/* True when the cell s[0..n) is one of the words spreadsheets and
 * statistics programs write for no value ('n/a', '#N/A', 'NaN', 'null',
 * 'None'), in any case: a mark of a missing value, never of 0. */
static bool is_missing_word(const char *s, size_t n)
{
    static const char *const words[] = {"n/a", "#n/a", "nan", "null", "none"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
        if (strlen(words[w]) == n && strncasecmp(s, words[w], n) == 0)
            return true;
    return false;
}

/* True when the cell s[0..n) may be a marker of a missing value, as
 * tables write them: neither digits nor ASCII letters ('-', '—', '..',
 * '/', '无'), or a word for no value (is_missing_word): the note then
 * gives the --na that reads it as missing. */
static bool is_marker_like(const char *s, size_t n)
{
    if (is_missing_word(s, n))
        return true;
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
            return false;
    return !has_digit(s, n);
}

/* Remembers the mark s[0..n) (a cell is_marker_like) met in column
 * `column`, when it is new and there is room. */
static void add_marker(loader *L, const char *s, size_t n, const char *column)
{
    for (size_t i = 0; i < L->nmarkers; i++)
        if (strlen(L->markers[i]) == n && memcmp(L->markers[i], s, n) == 0)
            return;
    if (L->nmarkers == sizeof L->markers / sizeof L->markers[0])
        return;
    L->markers[L->nmarkers] = rt_xmalloc(n + 1, 1);
    memcpy(L->markers[L->nmarkers], s, n);
    L->markers[L->nmarkers][n] = '\0';
    L->marker_cols[L->nmarkers] = rt_xmalloc(strlen(column) + 1, 1);
    strcpy(L->marker_cols[L->nmarkers], column);
    L->nmarkers++;
}

/* s as the text between the quotes of a rules string (LANGUAGE.md §1):
 * '"' and '\' escaped (malloc'd); as long as shown() shows it. */
static char *rules_quoted(const char *s)
{
    size_t len = strlen(s), m = shown_cut(s, len), n = 4;
    for (size_t i = 0; i < m; i++)
        n += s[i] == '"' || s[i] == '\\' ? 2 : 1;
    char *q = rt_xmalloc(n + 1, 1), *o = q;
    for (size_t i = 0; i < m; i++) {
        if (s[i] == '"' || s[i] == '\\')
            *o++ = '\\';
        *o++ = s[i];
    }
    strcpy(o, m < len ? "..." : "");
    return q;
}

/* Most columns a note on a --na that is a number names (then "and N
 * more"). */
enum { NA_COLUMNS_SHOWN = 4 };

/* The note after a file was read when a --na text is a number itself
 * (--na -9999, --na 0) and cells with that value were read as missing: a
 * placeholder for no data is written so, but so is a real 0 or 75.7, and
 * a number read as missing is lost unseen (the target is `missing`, or
 * an aggregate leaves it out).  One note per such text: how many cells,
 * in which columns (the first NA_COLUMNS_SHOWN, by the header's order),
 * and the option to drop if they are values. */
static void na_number_note(loader *L, FILE *err)
{
    for (size_t j = 0; j < L->opts.nna; j++) {
        const size_t *count = L->na_count + j * L->nheader;
        size_t total = 0, ncols = 0;
        for (size_t f = 0; f < L->nheader; f++) {
            total += count[f];
            ncols += count[f] > 0;
        }
        if (!total)
            continue;
        const char *na = L->opts.na[j];
        size_t len = strlen(na), m = shown_cut(na, len);
        char *q = csv_shell_quoted(na, m, m < len);
        note_at(L, err, 0);
        csv_message(err, "%s", T(L, LBL_L_NOTE));
        if (total == 1)
            csv_message(err, msgcat_get(L->opts.lang, "--na %s is a number, and a cell with that value was read "
                                                      "as a missing value, not as that number: "), q);
        else
            csv_message(err, msgcat_get(L->opts.lang, "--na %s is a number, and %zu cells with that value were read "
                                                      "as missing values, not as that number: "), q, total);
        size_t shown_cols = 0;
        for (size_t f = 0; f < L->nheader && shown_cols < NA_COLUMNS_SHOWN; f++) {
            if (!count[f])
                continue;
            if (shown_cols++)
                csv_message(err, "%s", T(L, LBL_L_MARK_SEP));
            csv_message(err, msgcat_get(L->opts.lang, "%zu in column '%s'"), count[f],
                        shown(L, L->header[f], strlen(L->header[f])));
        }
        if (ncols > shown_cols)
            csv_message(err, msgcat_get(L->opts.lang, ncols - shown_cols == 1 ? " and 1 more column"
                                                                                 : " and %zu more columns"),
                        ncols - shown_cols);
        csv_message(err, msgcat_get(L->opts.lang, "; if %s is a value in this data, not a placeholder for a "
                                                  "missing one, leave out --na %s\n"), q, q);
        free(q);
    }
}

/* The note after the errors when cells held a mark and no number ('—',
 * '-', '…'): planc reads no such mark as missing by default, since
 * yearbooks differ on what they mean (no data; zero; '…' a number below
 * the table's unit), and a zero read as missing would be lost unseen.
 * So the note says exactly what to write: the --na options for every mark
 * met (quoted for the shell: a mark may hold a '), and the map that reads
 * one as a number in its column instead (as a rules string).  Written
 * through csv_message, as every data message: the column's name comes
 * from a rules string, the marks from the data. */
static void marker_note(loader *L, FILE *err)
{
    note_at(L, err, 0);
    csv_message(err, "%s", T(L, LBL_L_NOTE));
    for (size_t i = 0; i < L->nmarkers; i++) {
        const char *m = shown(L, L->markers[i], strlen(L->markers[i]));
        if (i == 0) {
            char mark[SHOWN_BYTES * 4 + 4];
            snprintf(mark, sizeof mark, "%s", m);
            csv_message(err, T(L, LBL_L_MARK_FIRST), mark,
                        shown(L, L->marker_cols[0], strlen(L->marker_cols[0])));
        } else {
            csv_message(err, "%s", T(L, i + 1 < L->nmarkers ? LBL_L_MARK_SEP : LBL_L_MARK_AND));
            csv_message(err, T(L, LBL_L_MARK_ITEM), m);
        }
    }
    if (L->opts.provider) {
        /* template --check: the city can neither give the province's
         * planc run --na nor write the rules' map; it writes the cells */
        csv_message(err, "%s",
                    L->nmarkers == 1
                        ? msgcat_get(L->opts.lang, " holds no number, and a mark is not read as a missing value "
                                                   "(yearbooks differ: no data, zero, or '…' for a number below the "
                                                   "table's unit). If it marks a missing value, leave the cell "
                                                   "empty (an empty cell is a missing number); if it stands for 0 "
                                                   "or for a small number, write that number\n")
                        : msgcat_get(L->opts.lang, " hold no number, and a mark is not read as a missing value "
                                                   "(yearbooks differ: no data, zero, or '…' for a number below the "
                                                   "table's unit). If they mark missing values, leave those cells "
                                                   "empty (an empty cell is a missing number); if one stands for 0 "
                                                   "or for a small number, write that number\n"));
        return;
    }
    csv_message(err, "%s", T(L, L->nmarkers == 1 ? LBL_L_MARK_BODY_ONE : LBL_L_MARK_BODY));
    for (size_t i = 0; i < L->nmarkers; i++) {
        size_t len = strlen(L->markers[i]), m = shown_cut(L->markers[i], len);
        char *q = csv_shell_quoted(L->markers[i], m, m < len);
        csv_message(err, " --na %s", q);
        free(q);
    }
    /* the first mark that may stand for 0 (a yearbook's '-'; 'n/a' and
     * the like never do): the rules' map for it */
    size_t k = 0;
    while (k < L->nmarkers && is_missing_word(L->markers[k], strlen(L->markers[k])))
        k++;
    if (k == L->nmarkers) {
        csv_message(err, "%s", T(L, LBL_L_MARK_END));
        return;
    }
    char *m = rules_quoted(L->markers[k]), *col = rules_quoted(L->marker_cols[k]);
    size_t nm = strlen(m) + 64, nc = strlen(col) + 64;
    char *map = rt_xmalloc(nm, 1), *use = rt_xmalloc(nc, 1);
    snprintf(map, nm, "map 年鉴符号 { \"%s\" = 0 }", m);
    snprintf(use, nc, "column \"%s\" as 年鉴符号", col);
    char mark[SHOWN_BYTES * 4 + 4];
    snprintf(mark, sizeof mark, "%s", shown(L, L->markers[k], strlen(L->markers[k])));
    csv_message(err, T(L, LBL_L_MARK_TAIL), mark, shown(L, L->marker_cols[k], strlen(L->marker_cols[k])), map,
                use);
    free(m);
    free(col);
    free(map);
    free(use);
}

/* A label without conversions but %% (a why text), as printed: in a
 * buffer of the loader until the next call. */
static const char *why_text(const loader *L, lbl_id id)
{
    static _Thread_local char buf[256];
    snprintf(buf, sizeof buf, T(L, id));
    return buf;
}

/* The length in bytes of the digit (0-9 or ０-９) that ends s[0..n), 0
 * if s does not end in one. */
static size_t digit_before(const char *s, size_t n)
{
    if (n >= 1 && s[n - 1] >= '0' && s[n - 1] <= '9')
        return 1;
    size_t k;
    char c = n >= 3 ? wide_char(s + n - 3, 3, &k) : 0;
    return c >= '0' && c <= '9' ? 3 : 0;
}

/* Whether s[0..n) begins with a digit (0-9 or ０-９). */
static bool digit_after(const char *s, size_t n)
{
    size_t k;
    char c = n >= 1 ? wide_char(s, n, &k) : 0;
    return (n >= 1 && s[0] >= '0' && s[0] <= '9') || (c >= '0' && c <= '9');
}

/* Why the cell s[0..n) of column k is no number, when a form that is
 * read elsewhere explains it: a % outside a % column, a comma that does
 * not separate groups of three digits, a full-width comma (typed in a
 * Chinese input method's full-width mode, as the digits around it are
 * read), a space between two digits (a thousands separator of a
 * yearbook's layout, or two numbers run together), the full stop 。
 * between two digits (12。5 for 12.5).  "" otherwise. */
static const char *malformed_why(const loader *L, const char *s, size_t n, uint32_t k)
{
    bool percent = memchr(s, '%', n) != NULL;
    for (size_t i = 0; i + 3 <= n && !percent; i++)
        percent = memcmp(s + i, "\xEF\xBC\x85", 3) == 0; /* ％ */
    if (percent && !L->percent[k])
        return why_text(L, LBL_L_WHY_PERCENT);
    if (memchr(s, ',', n) && has_digit(s, n))
        return why_text(L, LBL_L_WHY_COMMA);
    for (size_t i = 0; i + 3 <= n; i++)
        if (memcmp(s + i, "\xEF\xBC\x8C", 3) == 0 && has_digit(s, n)) /* ， */
            return msgcat_get(L->opts.lang, " (a full-width comma '，' is not read in a number: leave it out, or "
                                            "write ',' between groups of three digits)");
    for (size_t i = 1; i < n; i++) {
        size_t w = s[i] == ' ' ? 1 : i + 3 <= n && memcmp(s + i, "\xE3\x80\x80", 3) == 0 ? 3 : 0; /* U+3000 */
        if (w && digit_before(s, i) && digit_after(s + i + w, n - i - w))
            return msgcat_get(L->opts.lang, " (a space between digits is not read in a number: leave it out)");
    }
    /* 12。5: the ideographic full stop, the sentence's, where the
     * decimal point was meant (the full-width point ． is read as '.', as
     * the full-width digits; 。 ends a sentence and is never read) */
    for (size_t i = 1; i + 3 <= n; i++)
        if (memcmp(s + i, "\xE3\x80\x82", 3) == 0 && digit_before(s, i) && digit_after(s + i + 3, n - i - 3))
            return msgcat_get(L->opts.lang, " (the full stop '。' is not a decimal point: write '.')");
    return "";
}

/* The multipliers a table writes after a number ("12.3万"), with their
 * values. */
static const struct {
    const char *text;
    double value;
} multipliers[] = {{"万", 1e4}, {"亿", 1e8}, {"千", 1e3}, {"百万", 1e6}};

/* Whether `name` is the name of a unit the rules use (a column's, an
 * indicator's, a target's or a values table's) or declare (used or not),
 * but `%` (read in a % column; elsewhere the cell's error says where it
 * is read) and the units no cell writes (`1`, `bool`).  `‰` is one: no
 * column reads it after a number, and 5‰ in a % column converts. */
static bool rules_unit(const ir_program *p, const char *name, size_t n)
{
    static const char *const skip[] = {"%", "1", "bool"};
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strlen(skip[i]) == n && memcmp(skip[i], name, n) == 0)
            return false;
    const char *u;
#define SAME(x) ((u = (x)) && strlen(u) == n && memcmp(u, name, n) == 0)
    for (uint32_t k = 0; k < p->ncolumns; k++)
        if (SAME(p->columns[k].unit) || SAME(p->columns[k].indicator_unit))
            return true;
    for (uint32_t k = 0; k < p->ntargets; k++)
        if (SAME(p->targets[k].unit))
            return true;
    for (uint32_t k = 0; k < p->ninputs; k++)
        if (SAME(p->inputs[k].unit))
            return true;
    for (uint32_t k = 0; k < p->nunit_names; k++)
        if (SAME(p->unit_names[k]))
            return true;
#undef SAME
    return false;
}

/* v as a cell would hold it, to 15 significant digits without an
 * exponent (5 公顷 is 0.000005 万平方公里, not 5e-06: a number to type),
 * trailing zeros dropped; %.15g beyond 1e15, where digits would not
 * help. */
static void digits_written(double v, char *buf, size_t n)
{
    double a = fabs(v);
    if (a == 0 || a >= 1e15 || !isfinite(v)) {
        snprintf(buf, n, "%.15g", v);
        return;
    }
    int decimals = 14 - (int)floor(log10(a));
    snprintf(buf, n, "%.*f", decimals < 0 ? 0 : decimals > 40 ? 40 : decimals, v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *e = buf + strlen(buf);
        while (e > dot + 1 && e[-1] == '0')
            *--e = '\0';
        if (e == dot + 1)
            *dot = '\0';
    }
}

/* Whether s[0..n) reads as the name of a unit: Latin letters, Chinese
 * characters and the signs units are written with (° ² ³ μ µ /), with a
 * letter or character among them ("万吨", "kt", "tCO2" has a digit and is
 * not; nor are "，603", "%" or an invisible character, which have
 * messages of their own, nor the "e" of an exponent without digits). */
static bool unit_word(const char *s, size_t n)
{
    if (n == 1 && (s[0] == 'e' || s[0] == 'E'))
        return false;   /* "1e": an exponent left without its digits */
    bool letter = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        bool alpha = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        bool han = cp >= 0x4E00 && cp <= 0x9FFF;
        bool sign = cp == '/' || cp == 0xB0 || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0x3BC;
        if (!alpha && !han && !sign)
            return false;
        letter |= alpha || han;
    }
    return letter;
}

/* After the first malformed cell of column k that is a number followed by
 * a multiplier (万, 亿, 千, 百万) or by the name of a unit the rules know
 * ("12.3万", "59 万吨"), one note for the column on how to read it: the
 * cells must be numbers alone, converted, or in a unit the column is
 * declared in (`in UNIT`, docs/LANGUAGE.md §4); after a word that is no
 * unit of the rules ("71 万吨", "8 kt"), the unit to convert into.
 * Nothing for any other text after the number: thousands separators ("1 000", "7，603"), "93%%"
 * and invisible characters have their own messages. */
static void suffix_note(loader *L, unsigned line, uint32_t k, const char *name, const char *cell_text, size_t cell_n)
{
    const ir_column *c = &L->p->columns[k];
    if (L->suffix_noted[k] || L->stopped || cell_n >= PLAIN_MAX)
        return;
    /* the cell with its full-width digits, sign and point as ASCII
     * (５９万 is 59万, as ５９ alone is read as 59); the cell as
     * written is what the note quotes */
    char ascii[PLAIN_MAX];
    size_t n = 0;
    for (size_t j = 0; j < cell_n;) {
        size_t w;
        char wc = wide_char(cell_text + j, cell_n - j, &w);
        ascii[n++] = wc ? wc : cell_text[j];
        j += wc ? w : 1;
    }
    const char *s = ascii;
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    size_t digits = 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
        digits += s[i++] != '.';
    size_t end = i; /* the number is s[0..end) */
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (!digits || i == n)
        return;
    const char *suf = s + i;
    size_t sn = n - i;
    const char *unit = c->unit && *c->unit ? c->unit : NULL;
    const char *ind_unit = c->indicator_unit && *c->indicator_unit ? c->indicator_unit : NULL;
    for (size_t m = 0; m < sizeof multipliers / sizeof multipliers[0]; m++) {
        if (strlen(multipliers[m].text) != sn || memcmp(multipliers[m].text, suf, sn) != 0)
            continue;
        L->suffix_noted[k] = true;
        /* the number written, and the multiplier the column's unit starts
         * with (万吨: 万, the rest 吨), the longest that leaves a unit the
         * rules know: a unit that merely begins with a multiplier's
         * character (千克, 千瓦时, 百万 ... where 克 or 瓦时 is no unit of
         * the rules) is a unit of its own, never that multiplier and a
         * unit ("3万 克") */
        char numtext[64];
        snprintf(numtext, sizeof numtext, "%.*s", (int)end, s);
        double num = strtod(numtext, NULL);
        const char *base = NULL;
        double uscale = 1;
        size_t bestl = 0;
        for (size_t j = 0; unit && j < sizeof multipliers / sizeof multipliers[0]; j++) {
            size_t jl = strlen(multipliers[j].text);
            if (jl > bestl && strlen(unit) > jl && memcmp(unit, multipliers[j].text, jl) == 0 &&
                rules_unit(L->p, unit + jl, strlen(unit + jl))) {
                bestl = jl;
                base = unit + jl;
                uscale = multipliers[j].value;
            }
        }
        char cell[64];
        snprintf(cell, sizeof cell, "%.*s%s", (int)end, s, multipliers[m].text);
        if (base && uscale == multipliers[m].value) {
            /* a column read in a unit of that scale (万吨 for 12.3万): the
             * number as written is in it already; converting (× 10000)
             * would read 123000 万吨 */
            note_at(L, L->err, line);
            csv_message(L->err, T(L, LBL_L_MULT_SCALED), name, multipliers[m].text, shown(L, cell_text, cell_n), unit, (int)end,
                        s, cell, base, (int)end, s, unit);
            return;
        }
        if (base) {
            /* another multiplier than the unit's (3千 in a 万吨 column): it
             * may stand for the unit's (3千 吨, 0.3 万吨) or multiply it
             * (3千 万吨, 3000 万吨); the note gives the number to write for
             * each, in the column's unit */
            char as_base[64], as_unit[64];
            snprintf(as_base, sizeof as_base, "%.15g", num * multipliers[m].value / uscale);
            snprintf(as_unit, sizeof as_unit, "%.15g", num * multipliers[m].value);
            note_at(L, L->err, line);
            csv_message(L->err, T(L, LBL_L_MULT_OTHER), name, multipliers[m].text, shown(L, cell_text, cell_n), unit, cell,
                        cell, base, as_base, unit, as_base, cell, unit, as_unit, unit, as_unit);
            return;
        }
        /* a column in a unit without a multiplier (吨), or in none: the
         * number the cell means in it */
        char value[64];
        snprintf(value, sizeof value, "%.15g", num * multipliers[m].value);
        note_at(L, L->err, line);
        csv_message(L->err, T(L, LBL_L_MULTIPLIER), name, multipliers[m].text, shown(L, cell_text, cell_n), cell,
                    unit ? " " : "", unit ? unit : "", value, unit ? " " : "", unit ? unit : "", value);
        /* the unit of that scale: the multiplier before the column's unit
         * (59万 in a column of 亩 is 59 万亩), a unit the rules use, or
         * one to declare when the column's unit has no multiplier of its
         * own (not 万万亩) */
        /* (not for a provider's file: declaring a unit is the rules') */
        if (unit && !L->opts.provider && rules_unit(L->p, unit, strlen(unit))) {
            char scaled[128];
            snprintf(scaled, sizeof scaled, "%s%s", multipliers[m].text, unit);
            /* (base is NULL here: the unit is no multiplier and a unit
             * of the rules, so 万千瓦时 = 10000 千瓦时 may be declared;
             * but not 千千克, its own multiplier doubled) */
            bool scaled_already = strncmp(unit, multipliers[m].text, strlen(multipliers[m].text)) == 0;
            char code[512], decl[256];
            snprintf(code, sizeof code, "column \"%s\" in %s", name, scaled);
            snprintf(decl, sizeof decl, "unit %s = %.0f %s", scaled, multipliers[m].value, unit);
            if (rules_unit(L->p, scaled, strlen(scaled)))
                csv_message(L->err, T(L, LBL_L_MULT_IN), scaled, code);
            else if (!scaled_already)
                csv_message(L->err, T(L, LBL_L_MULT_DECLARE), decl, code);
        }
        fputc('\n', L->err);
        return;
    }
    if (!rules_unit(L->p, suf, sn)) {
        /* a unit the rules do not know ("71 万吨" in a column of Mt): no
         * conversion to give, but what a cell holds and in which unit */
        if (!unit_word(suf, sn))
            return;
        L->suffix_noted[k] = true;
        note_at(L, L->err, line);
        if (unit && strcmp(unit, "1") != 0)
            csv_message(L->err,
                        msgcat_get(L->opts.lang, "note: column '%s' writes %.*s after its numbers (as '%s'), which is "
                                                 "not a unit of the rules; a cell holds a number alone, in %s "
                                                 "(indicator '%s'): convert the number into %s and write it "
                                                 "alone\n"),
                        name, (int)sn, suf, shown(L, cell_text, cell_n), unit, c->indicator ? c->indicator : "?",
                        unit);
        else
            csv_message(L->err,
                        msgcat_get(L->opts.lang, "note: column '%s' writes %.*s after its numbers (as '%s'), which is "
                                                 "not a unit of the rules; a cell holds a number alone, without a "
                                                 "unit (indicator '%s'): write the number alone\n"),
                        name, (int)sn, suf, shown(L, cell_text, cell_n), c->indicator ? c->indicator : "?");
        return;
    }
    L->suffix_noted[k] = true;
    note_at(L, L->err, line);
    /* the unit written and the column's, when the rules know both (a
     * program without the table, as a hand-built one, has neither: the
     * note then suggests the conversion, as it did before) */
    const ir_unit *from = ir_unit_find(L->p, suf, sn), *to = unit ? ir_unit_find(L->p, unit, strlen(unit)) : NULL;
    bool foreign = from && (unit ? to && strcmp(from->dim, to->dim) != 0 : true);
    if (unit && strlen(unit) == sn && memcmp(unit, suf, sn) == 0)
        csv_message(L->err, T(L, LBL_L_UNIT_SAME), name, shown(L, cell_text, cell_n), unit, (int)end, s);
    else if (foreign && unit && strcmp(unit, "1") != 0)
        /* 59万吨 in a column in 万平方公里: no unit of the column, so no
         * conversion to suggest (the cell is in the wrong column, or the
         * column holds another quantity than the rules read) */
        csv_message(L->err,
                    msgcat_get(L->opts.lang, "note: column '%s' writes a unit after its numbers (as '%s'), but %.*s "
                                             "is not a unit of this column: the rules read it in %s (indicator "
                                             "'%s'), and %.*s does not convert into %s; check that the cell is "
                                             "in the right column, and write its number alone, in %s\n"),
                    name, shown(L, cell_text, cell_n), (int)sn, suf, unit, c->indicator ? c->indicator : "?",
                    (int)sn, suf, unit, unit);
    else if (foreign) /* a column without a unit, or in `1` */
        csv_message(L->err,
                    msgcat_get(L->opts.lang, "note: column '%s' writes a unit after its numbers (as '%s'), but %.*s "
                                             "is not a unit of this column: the rules read its numbers without a "
                                             "unit (indicator '%s'); check that the cell is in the right column, "
                                             "and write its number alone\n"),
                    name, shown(L, cell_text, cell_n), (int)sn, suf, c->indicator ? c->indicator : "?");
    else if (L->opts.provider && from && to) {
        /* template --check: the city converts its numbers (the rules,
         * which could read the column in the unit written, are not its) */
        char numtext[64], value[64];
        snprintf(numtext, sizeof numtext, "%.*s", (int)end, s);
        digits_written(strtod(numtext, NULL) * from->factor / to->factor, value, sizeof value);
        csv_message(L->err,
                    msgcat_get(L->opts.lang, "note: column '%s' writes a unit after its numbers (as '%s'); a cell "
                                             "holds a number alone, in %s: convert the column into %s (%.*s %.*s "
                                             "is %s %s: write %s)\n"),
                    name, shown(L, cell_text, cell_n), unit, unit, (int)end, s, (int)sn, suf, value, unit, value);
    } else {
        char code[512];
        snprintf(code, sizeof code, "column \"%s\" in %.*s", name, (int)sn, suf);
        csv_message(L->err, T(L, LBL_L_UNIT_OTHER), name, shown(L, cell_text, cell_n), (int)sn, suf, code,
                ind_unit ? ind_unit : "?", unit ? unit : "?");
    }
}

/* Writes s[0..n) into out (of size cap) with the characters that look
 * like ASCII written as ASCII, small: the Roman numerals U+2160..U+217F
 * (Ⅲ as "iii", ⅻ as "xii"), the full-width forms U+FF01..U+FF5E (Ａ as
 * "a") and the ideographic space; every other byte as it is.  A water
 * quality class is typed 'III类' as often as 'Ⅲ类', and a form filled in
 * with a Chinese input method gives full-width letters, so two texts
 * equal after this look the same to the one who typed them.  Returns the
 * length written, or -1 when it does not fit. */
static long fold_lookalike(const char *s, size_t n, char *out, size_t cap)
{
    static const char *const roman[16] = {"i",   "ii", "iii", "iv", "v", "vi", "vii", "viii",
                                          "ix",  "x",  "xi",  "xii", "l", "c", "d",   "m"};
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)s + i;
        const char *rep = NULL;
        char one[2] = {0, 0};
        size_t used = 1;
        if (n - i >= 3 && u[0] == 0xE2 && u[1] == 0x85 && u[2] >= 0xA0 && u[2] <= 0xBF) {
            rep = roman[(u[2] - 0xA0) % 16]; /* U+2160..U+217F */
            used = 3;
        } else if (n - i >= 3 && u[0] == 0xEF &&
                   ((u[1] == 0xBC && u[2] >= 0x81) || (u[1] == 0xBD && u[2] >= 0x80 && u[2] <= 0x9E))) {
            one[0] = ascii_lower((char)(0x21 + (u[1] - 0xBC) * 64 + (u[2] - 0x81))); /* U+FF01..U+FF5E */
            rep = one;
            used = 3;
        } else if (n - i >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) {
            rep = " "; /* U+3000 */
            used = 3;
        } else {
            one[0] = ascii_lower(s[i]);
            rep = one;
        }
        size_t k = strlen(rep);
        if (o + k >= cap)
            return -1;
        memcpy(out + o, rep, k);
        o += k;
        i += used;
    }
    out[o] = '\0';
    return (long)o;
}

/* A cell s[0..n) of column k (in header field `field`) that is no number
 * and no text of the column's map (which has no `else missing`): an error,
 * with a did-you-mean when a text of the map differs from it in ASCII case
 * alone, or else in characters of the same look (fold_lookalike), and
 * once per map a note listing the map's texts; said once when two
 * columns read the field through the map.  Returns false. */
static bool unmapped(loader *L, const csv_record *rec, uint32_t k, long field, const char *s, size_t n)
{
    const ir_textmap *m = L->p->columns[k].map;
    const char *name = L->header[field];
    if (L->unmapped_line == rec->line && L->unmapped_field == field)
        return false; /* said for an earlier column of this field */
    L->unmapped_line = rec->line;
    L->unmapped_field = field;
    /* template --check: the city sees a column and its texts (the blank
     * workbook's drop-down), not the rules' map, which it never wrote */
    if (L->opts.provider)
        cell_error(L, rec->line, field,
                   msgcat_get(L->opts.lang, "column '%s': '%s' is neither a number nor one of the column's texts"),
                   name, shown(L, s, n));
    else
        cell_error(L, rec->line, field, T(L, LBL_L_MAP_UNMAPPED), name, shown(L, s, n), m->name);
    if (L->stopped)
        return false;
    bool meant = false;
    for (uint32_t i = 0; i < m->n && !meant; i++)
        if (eq_nocase_n(s, n, m->texts[i])) {
            note_at(L, L->err, rec->line);
            csv_message(L->err,
                        L->opts.provider ? msgcat_get(L->opts.lang, "note: did you mean '%s'? (the column's texts "
                                                                    "are matched exactly, case included)\n")
                                         : T(L, LBL_L_MAP_CASE),
                        m->texts[i]);
            meant = true;
        }
    char cell[256], text[256];
    if (!meant && fold_lookalike(s, n, cell, sizeof cell) >= 0)
        for (uint32_t i = 0; i < m->n; i++)
            if (fold_lookalike(m->texts[i], strlen(m->texts[i]), text, sizeof text) >= 0 &&
                strcmp(cell, text) == 0) {
                note_at(L, L->err, rec->line);
                csv_message(L->err,
                            L->opts.provider
                                ? msgcat_get(L->opts.lang, "note: did you mean '%s'? (the column's texts are matched "
                                                           "exactly, and the cell writes some of its characters in "
                                                           "another form of the same look, such as 'III' for the one "
                                                           "character 'Ⅲ', or a full-width 'Ａ' for 'A')\n")
                                : T(L, LBL_L_MAP_FORM),
                            m->texts[i]);
                break;
            }
    if (!L->map_noted[k]) {
        for (uint32_t j = 0; j < L->p->ncolumns; j++)
            L->map_noted[j] |= L->p->columns[j].map == m;
        note_at(L, L->err, rec->line);
        /* template --check: the city has no map to add a text to; it
         * writes one of the texts (the workbook's drop-down) */
        if (L->opts.provider)
            csv_message(L->err, msgcat_get(L->opts.lang, "note: column '%s' takes the texts "), name);
        else
            csv_message(L->err, T(L, LBL_L_MAP_READS), m->name);
        enum { LISTED = 8 };
        for (uint32_t i = 0; i < m->n && i < LISTED; i++)
            csv_message(L->err, T(L, LBL_L_MAP_ITEM), i ? T(L, LBL_L_MAP_SEP) : "", m->texts[i]);
        if (m->n > LISTED)
            csv_message(L->err, T(L, LBL_L_MAP_MORE), m->n - LISTED);
        if (!m->n)
            fputs(T(L, LBL_L_MAP_NONE), L->err);
        if (L->opts.provider)
            fputs(msgcat_get(L->opts.lang, "; write one of them as it is (the blank workbook from planc template "
                                           "offers them in a drop-down list), or leave the cell empty when the "
                                           "value is missing\n"),
                  L->err);
        else
            fputs(T(L, LBL_L_MAP_TAIL), L->err);
    }
    return false;
}

/* The length of the number in the trimmed cell s[0..n) of column k: a %
 * column may write its cells 70% (or 70％), read as 70; n for others. */
static inline size_t number_len(const loader *L, uint32_t k, const char *s, size_t n)
{
    if (!L->percent[k] || L->p->columns[k].type == IR_COL_BOOL)
        return n;
    size_t m = n;
    if (m >= 1 && s[m - 1] == '%')
        m--;
    else if (m >= 3 && memcmp(s + m - 3, "\xEF\xBC\x85", 3) == 0)
        m -= 3;
    while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == '\t'))
        m--;
    return m > 0 ? m : n; /* a lone % stays malformed */
}

/* Parses the trimmed cell s[0..n) of column k into *v (NaN when it is
 * missing), as parse_cell says, without its text map. */
static inline int parse_unmapped(const loader *L, uint32_t k, const char *s, size_t n, double *v)
{
    if (L->p->columns[k].type == IR_COL_BOOL)
        return parse_bool(L, s, n, v) != 0 ? -1 : 0;
    return parse_number(L, s, number_len(L, k, s, n), v);
}

/* Parses the cell s[0..n) of column k read through text map m: a text of
 * the map gives its number; any other cell is read as in a column without
 * one, and with the map's `else missing` a cell that is then no number is
 * missing.  Not inlined: in parse_cell it cost every cell of a column
 * without a map 9 instructions more (callgrind, a file of numbers). */
static int parse_mapped(const loader *L, const ir_textmap *m, uint32_t k, const char *s, size_t n, double *v)
    __attribute__((noinline));
static int parse_mapped(const loader *L, const ir_textmap *m, uint32_t k, const char *s, size_t n, double *v)
{
    long e = ir_map_find(m, s, n);
    if (e >= 0) {
        *v = m->values[e];
        return 0;
    }
    int r = parse_unmapped(L, k, s, n, v);
    if (r == -1 && m->else_missing) {
        *v = NAN;
        return 0;
    }
    return r;
}

/* Parses the trimmed cell s[0..n) of column k into *v (NaN when it is
 * missing), reporting nothing (it runs on the parsing threads too); a
 * column read through a text map looks the cell up in it first
 * (parse_mapped: a column without one pays one test).  Returns 0, -1 when
 * malformed, -2 when out of range (as parse_number; a yes/no column's cell
 * is only ever 0 or -1). */
static int parse_cell(const loader *L, uint32_t k, const char *s, size_t n, double *v)
{
    const ir_textmap *m = L->p->columns[k].map;
    if (m)
        return parse_mapped(L, m, k, s, n, v);
    return parse_unmapped(L, k, s, n, v);
}

/* Which --na text that is a number the cell s[0..n) holds, as its text
 * or as a number equal to it (-9999.0 for --na -9999: na_value_of), the
 * index in opts.na, or -1: the cells a --na -9999 reads as missing,
 * which the loader counts (count_na_number). */
static long na_number_of(const loader *L, const char *s, size_t n)
{
    for (size_t j = 0; j < L->opts.nna; j++)
        if (L->na_number[j] && is_word(s, n, L->opts.na[j]))
            return (long)j;
    double v;
    if (parse_numeral(s, n, &v) == 0)
        return na_value_of(L, v);
    return -1;
}

/* The loader's counts of the cells --na texts that are numbers read as
 * missing (na_count), made at the first such cell. */
static size_t *na_counts(loader *L)
{
    if (!L->na_count) {
        L->na_count = rt_xcalloc(L->opts.nna * L->nheader, sizeof *L->na_count);
        L->na_line = rt_xcalloc(L->nheader, sizeof *L->na_line);
    }
    return L->na_count;
}

/* Counts the cell s[0..n) of header field `field` on line `line`, read as
 * missing, when it holds a --na text that is a number; once per cell,
 * though two columns read it. */
static void count_na_number(loader *L, unsigned line, long field, const char *s, size_t n)
{
    long j = na_number_of(L, s, n);
    if (j < 0 || field < 0 || (size_t)field >= L->nheader)
        return;
    size_t *count = na_counts(L);
    if (L->na_line[field] == line && line)
        return;
    L->na_line[field] = line;
    count[(size_t)j * L->nheader + (size_t)field]++;
}

/* Reads cell `field` of the record for column k into *v (NaN when it is
 * missing); reports a malformed cell and returns false. */
static bool cell_value(loader *L, csv_reader *csv, const csv_record *rec, uint32_t k, long field,
                       double *v)
{
    const ir_column *c = &L->p->columns[k];
    L->cell_text[k] = -1;
    if (field < 0) { /* a column the header lacks (--allow-missing-columns) */
        *v = NAN;
        return true;
    }
    const char *name = L->header[field];
    size_t cell_len;
    const char *s = cell(csv, (size_t)field, &cell_len);
    int r = parse_cell(L, k, s, cell_len, v);
    if (r == 0 && L->any_na_number && isnan(*v))
        count_na_number(L, rec->line, field, s, number_len(L, k, s, cell_len));
    /* which text of the map it was, for planc explain (a second search,
     * only then: parse_cell runs on the parsing threads too) */
    if (r == 0 && c->map && L->t->texts)
        L->cell_text[k] = (int32_t)ir_map_find(c->map, s, cell_len);
    if (c->type == IR_COL_BOOL) {
        if (r != 0) {
            if (c->map)
                return unmapped(L, rec, k, field, s, cell_len);
            cell_error(L, rec->line, field,
                       msgcat_get(L->opts.lang, "column '%s': malformed yes/no value '%s' (expected 1/0, yes/no, "
                                                "true/false or 是/否)"),
                       name, shown(L, s, cell_len));
            return false;
        }
        return true;
    }
    if (r == -1) {
        if (c->map)
            return unmapped(L, rec, k, field, s, cell_len);
        cell_error(L, rec->line, field, T(L, LBL_L_MALFORMED), name, shown(L, s, cell_len),
                   malformed_why(L, s, cell_len, k));
        suffix_note(L, rec->line, k, name, s, cell_len);
        if (is_marker_like(s, cell_len))
            add_marker(L, s, cell_len, name);
        return false;
    }
    if (r == -2) {
        cell_error(L, rec->line, field, "column '%s': number '%s' is out of range", name, shown(L, s, cell_len));
        return false;
    }
    return true;
}

/* Reads plain column k's cell of the record into L->plain[k] (and
 * L->cell_ok[k]), or takes it from the earlier column that reads the same
 * field the same way, so a bad cell is reported once. */
static bool read_cell(loader *L, csv_reader *csv, const csv_record *rec, uint32_t k)
{
    long j = L->same_as[k];
    if (j >= 0) {
        L->plain[k] = L->plain[j];
        L->cell_ok[k] = L->cell_ok[j];
        L->cell_text[k] = L->cell_text[j];
    } else {
        L->cell_ok[k] = cell_value(L, csv, rec, k, L->column_field[k], &L->plain[k]);
    }
    return L->cell_ok[k];
}

/* The row of (region, year) for this record: a new one, or, when rows are
 * combined, the one an earlier record made (L->again says which); -1 after
 * reporting a duplicate.  A row is added even when a cell of the record is
 * bad, so later duplicates of it are found; any error discards the whole
 * table. */
static long key_row(loader *L, const csv_record *rec, uint32_t region, int year)
{
    rt_table *t = L->t;
    long prev = seen_find(t, region, year);
    L->again = prev >= 0;
    if (prev >= 0 && L->combine)
        t->nrec[prev]++;
    if (prev >= 0 && !L->combine) {
        data_error(L, rec->line, T(L, LBL_L_DUPLICATE),
                   L->p->regions[region].name, year, t->line[prev]);
        return -1;
    }
    return prev >= 0 ? prev : (long)add_row(t, region, year, rec->line, NULL);
}

/* Puts cell value v of column k (read from header field `field`) into row
 * `row`: folded into an aggregate, or set; a column without an aggregate
 * in a row that an earlier record made must agree with what that record
 * held. */
static void store(loader *L, const csv_record *rec, uint32_t k, long field, size_t row, double v)
{
    rt_table *t = L->t;
    const ir_column *c = &L->p->columns[k];
    double *d = &t->data[k][row];
    if (c->agg != IR_AGG_NONE) {
        bool finite = !isinf(*d);
        fold(c, d, &t->aggn[k][row], t->aggs[k] ? &t->aggs[k][row] : NULL, v);
        /* a sum carried out of range by this record's cell: said at the
         * cell, where the number that did it is (finish says the rest) */
        if (c->agg == IR_AGG_SUM && finite && isinf(*d))
            cell_error(L, rec->line, field, "column '%s': the %s of the rows for %s %d is out of range", c->name,
                       c->agg_text, L->p->regions[t->region[row]].name, t->year[row]);
    } else if (!L->again || isnan(*d)) {
        *d = v;
        if (t->texts && t->texts[k])
            t->texts[k][row] = L->cell_text[k];
    } else if (!isnan(v) && v != *d && !(L->disagree_line == rec->line && L->disagree_col == k)) {
        /* a plain column of a file with a column per year: said once */
        L->disagree_line = rec->line;
        L->disagree_col = k;
        char was[32], now[32];
        report_format_number(*d, was);
        report_format_number(v, now);
        cell_error(L, rec->line, field, "column '%s': %s differs from %s in an earlier row for %s %d "
                   "(the first at line %u)", c->name, now, was, L->p->regions[t->region[row]].name,
                   t->year[row], t->line[row]);
        if (!L->stopped)
            csv_message(L->err, "%s:%u: note: a region's rows of one year are combined (a column is read "
                    "with an aggregate), so a column read without one must agree across them\n",
                    L->name, rec->line);
    }
}

/* Reads a record of a file with a column per year (an indicator's column
 * "C{year}"): one row per year of the header, each cell of a per-year
 * column going to its year's row, a plain column's cell to every year.
 * region is -1 when the record's region was bad (the cells are checked
 * all the same). */
static void read_wide_row(loader *L, csv_reader *csv, const csv_record *rec, long region)
{
    const ir_program *p = L->p;
    /* the plain columns' cells, read once */
    for (uint32_t k = 0; k < p->ncolumns; k++)
        if (!p->columns[k].per_year && !read_cell(L, csv, rec, k))
            region = -1;
    /* the per-year cells, each once */
    for (size_t y = 0; y < L->nyears; y++) {
        long row = region >= 0 ? key_row(L, rec, (uint32_t)region, L->years[y]) : -1;
        if (row < 0)
            region = -1; /* a duplicate: said once for the record, not per year */
        for (uint32_t k = 0; k < p->ncolumns; k++) {
            double v = L->plain[k];
            long field = L->column_field[k];
            if (p->columns[k].per_year) {
                field = L->year_field_of[k][y];
                v = NAN;
                if (field >= 0 && !cell_value(L, csv, rec, k, field, &v))
                    continue;
            }
            if (row >= 0)
                store(L, rec, k, field, (size_t)row, v);
        }
    }
}

/* True when the record's fields from `first` on are all empty (after
 * trimming). */
static bool empty_from(csv_reader *csv, const csv_record *rec, size_t first)
{
    size_t n;
    for (size_t i = first; i < rec->nfields; i++) {
        cell(csv, i, &n);
        if (n)
            return false;
    }
    return true;
}

/* True when every field of a record is empty: a line of commas, such as a
 * spreadsheet writes below its rows for cells that were formatted but
 * never filled in.  It holds no more than an empty line. */
static bool is_blank(csv_reader *csv, const csv_record *rec)
{
    return rec->bad_field < 0 && empty_from(csv, rec, 0);
}

/* True when a record may be a note ("Source: ...", "数据来源：..."): its
 * first field alone is filled in (it may have the header's width, as a
 * spreadsheet writes it), with well-formed quotes, and it names no
 * declared region (then it is a row missing its cells). */
static bool is_note(loader *L, csv_reader *csv, const csv_record *rec)
{
    if (L->nheader <= 1 || rec->bad_field >= 0 || (rec->nfields != 1 && rec->nfields != L->nheader) ||
        !empty_from(csv, rec, 1))
        return false;
    size_t n;
    const char *s = cell(csv, 0, &n);
    return n > 0 && find_region(L, s, n) < 0;
}

/* Most lines of one field at the end of a file skipped as its notes. */
enum { MAX_NOTES = 10 };

/* Reports the one-field lines held back as errors: a row came after them,
 * so they are not a footer. */
static void report_notes(loader *L)
{
    for (size_t i = 0; i < L->nnotes && i < RT_MAX_ERRORS; i++)
        if (L->note_padded[i])
            data_error(L, L->note_line[i], "only the first field is filled in ('%s' is no region); "
                       "a note like this may only follow the rows",
                       i == 0 ? shown(L, L->first_note, strlen(L->first_note)) : "...");
        else
            data_error(L, L->note_line[i], "row has 1 field, the header has %zu", L->nheader);
    L->nnotes = 0;
    free(L->first_note);
    L->first_note = NULL;
}

/* Reads one data record into a new row, or into the row of its region and
 * year when rows are combined; reports what is wrong with it. */
static void read_row(loader *L, csv_reader *csv, const csv_record *rec)
{
    const ir_program *p = L->p;
    /* A line of empty fields is skipped as an empty line is. */
    if (is_blank(csv, rec))
        return;
    /* A line of one field (a note such as "Source: ...") is held back: a
     * few at the end of the file, after rows, are a footer, skipped; a
     * later row (or more than MAX_NOTES) makes them errors after all. */
    if (is_note(L, csv, rec)) {
        if (L->nnotes < RT_MAX_ERRORS) {
            L->note_line[L->nnotes] = rec->line;
            L->note_padded[L->nnotes] = rec->nfields > 1;
        }
        if (L->nnotes++ == 0) {
            size_t n;
            const char *s = cell(csv, 0, &n);
            L->first_note = rt_xmalloc(n + 1, 1);
            memcpy(L->first_note, s, n);
            L->first_note[n] = '\0';
        }
        return;
    }
    report_notes(L);
    L->any_row = true;
    if (rec->nfields != L->nheader) {
        data_error(L, rec->line, msgcat_get(L->opts.lang, "row has %zu field%s, the header has %zu"), rec->nfields,
                   rec->nfields == 1 ? "" : "s", L->nheader);
        return;
    }
    if (rec->bad_field >= 0) {
        data_error(L, rec->line, "column '%s': text after the closing quote",
                   shown(L, L->header[rec->bad_field], strlen(L->header[rec->bad_field])));
        return;
    }
    bool ok = true;
    const char *key = L->header[L->region_field];
    size_t n;
    const char *s = cell(csv, (size_t)L->region_field, &n);
    long region = -1;
    bool unknown = false; /* a region like no declared one (L->unknowns) */
    if (!n) {
        cell_error(L, rec->line, L->region_field, T(L, LBL_L_MISSING_REGION), key);
        ok = false;
    } else if ((region = find_region(L, s, n)) < 0 && L->opts.skip_unknown_regions &&
               !(L->src->conv && garbled_region(L, s, n))) {
        /* (a region of the rules saved in another encoding is not
         * skipped: it is an unknown region, whose note says so) */
        if (L->skipped++ == 0) {
            L->first_skipped = rec->line;
            L->first_region = rt_xmalloc(n + 1, 1);
            memcpy(L->first_region, s, n);
            L->first_region[n] = '\0';
        }
        /* a region the rules dropped is skipped too, and counted apart */
        const char *renamed, *dropped, *at, *alias_of;
        if (ir_region_fate(L->p, s, n, &renamed, &dropped, &at, &alias_of) == 2 && L->skipped_dropped++ == 0) {
            L->first_dropped = rt_xmalloc(n + 1, 1);
            memcpy(L->first_dropped, s, n);
            L->first_dropped[n] = '\0';
            L->first_dropped_at = at;
        }
        return;
    } else if (region < 0) {
        /* a region the rules renamed or replaced (an adapted plan's
         * `override region OLD as NEW`): its new name, followed through
         * the renames; or one they dropped (`drop region OLD`) */
        const char *renamed = NULL, *dropped = NULL, *dropped_at = NULL, *alias_of;
        int fate = ir_region_fate(L->p, s, n, &renamed, &dropped, &dropped_at, &alias_of);
        if (fate == 2) {
            cell_error(L, rec->line, L->region_field, T(L, LBL_L_DROPPED_REGION), key, shown(L, s, n));
            if (!L->stopped) {
                note_at(L, L->err, rec->line);
                ir_region_drop_note(L->err, L->opts.lang, s, n, dropped, dropped_at, alias_of);
            }
            L->dropped_noted = true;
            region = -1;
            ok = false;
            goto cells;
        }
        cell_error(L, rec->line, L->region_field, T(L, LBL_L_UNKNOWN_REGION), key, shown(L, s, n));
        char *name = rt_xmalloc(n + 1, 1);
        memcpy(name, s, n);
        name[n] = '\0';
        /* a region's name but for invisible characters (a zero-width
         * space pasted with it) */
        unsigned cp = 0;
        char *visible = renamed ? NULL : without_invisible(name, &cp);
        if (visible && find_region(L, visible, strlen(visible)) < 0) {
            free(visible);
            visible = NULL;
        }
        /* a region's name with more after it (南京市 for 南京, 凉山彝族自治州
         * for 凉山) first: its note says how to read the data as it is
         * (an alias), where the nearest name by edit distance (南京, one
         * character off) would only say what the rules call it */
        uint32_t pre_region = 0;
        const char *pre = renamed || visible ? NULL : prefix_region(L, name, &pre_region);
        const char *near[3];
        int nnear = renamed || visible || pre ? 0 : suggest_region(L, name, near);
        const char *hint = renamed ? NULL : visible ? visible : pre ? pre : nnear ? near[0] : NULL;
        bool whole = !hint && !renamed && whole_word(name);
        if (whole && !L->whole_noted && !L->stopped)
            whole_note(L, rec->line, name);
        L->whole_noted |= whole;
        L->whole_below_seen |= whole && whole_below(name);
        L->whole_above_seen |= whole && whole_above(name);
        unknown = !hint && !whole && !renamed;
        if (!hint && !whole && !renamed && !L->first_unknown)
            L->first_unknown = name;
        else
            free(name);
        if ((renamed || visible || hint) && !L->stopped)
            note_at(L, L->err, rec->line); /* the note of one of these below */
        if (renamed && alias_of && !L->stopped)
            csv_message(L->err, T(L, LBL_R_ALIAS_RENAMED), shown(L, s, n), alias_of, renamed);
        else if (renamed && !L->stopped)
            csv_message(L->err, T(L, LBL_R_RENAMED), renamed);
        else if (visible && !L->stopped)
            csv_message(L->err, T(L, LBL_L_REGION_INVISIBLE), visible, cp);
        else if (pre && !L->stopped) {
            const char *r = L->p->regions[pre_region].name;
            const char *w = shown(L, s, n);
            if (L->opts.provider) /* the city's officer, who cannot change the rules */
                csv_message(L->err,
                            msgcat_get(L->opts.lang, "note: did you mean '%s'? ('%s' begins with it: write the "
                                                     "region as the rules name it, %s, as the blank file from "
                                                     "planc template has it (the cell is read whole: nothing "
                                                     "after the name))\n"),
                            hint, w, r);
            else
                csv_message(L->err, T(L, LBL_L_REGION_PREFIX), hint, w, r, r, w);
        } else if (nnear == 2 && !L->stopped)
            csv_message(L->err, msgcat_get(L->opts.lang, "note: did you mean '%s' or '%s'?\n"), near[0], near[1]);
        else if (nnear == 3 && !L->stopped)
            csv_message(L->err, msgcat_get(L->opts.lang, "note: did you mean '%s', '%s' or '%s'?\n"), near[0],
                        near[1], near[2]);
        else if (hint && !L->stopped)
            csv_message(L->err, T(L, LBL_L_DID_YOU_MEAN), hint);
        free(visible);
        ok = false;
    }

cells:
    if (!ok)
        region = -1; /* the cells are still checked */
    if (L->nyears) {
        if (region >= 0)
            note_region(L, (uint32_t)region);
        L->unknown_wide |= unknown;
        read_wide_row(L, csv, rec, region);
        return;
    }

    int year = L->opts.year;
    if (!year) {
        key = L->header[L->year_field];
        s = cell(csv, (size_t)L->year_field, &n);
        int yr = parse_year(s, n, &year);
        if (!n) {
            cell_error(L, rec->line, L->year_field, T(L, LBL_L_MISSING_YEAR), key);
            region = -1;
        } else if (yr == -1) {
            cell_error(L, rec->line, L->year_field, T(L, LBL_L_MALFORMED_YEAR), key, shown(L, s, n), year_why(L, s, n));
            year_mark_note(L, rec->line, s, n);
            year_date_note(L, rec->line, s, n);
            region = -1;
        } else if (yr == -2) {
            cell_error(L, rec->line, L->year_field, msgcat_get(L->opts.lang, "column '%s': year '%s' is out of range (1..%d)"),
                       key,
                       shown(L, s, n), MAX_YEAR);
            year_date_note(L, rec->line, s, n);
            region = -1;
        }
    }

    if (unknown && year > 0 && year <= MAX_YEAR) {
        if (!L->unknown_years)
            L->unknown_years = rt_xcalloc(MAX_YEAR + 1, sizeof *L->unknown_years);
        L->unknown_years[year] = true;
    }
    if (region >= 0)
        note_region(L, (uint32_t)region);
    long row = region >= 0 ? key_row(L, rec, (uint32_t)region, year) : -1;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        read_cell(L, csv, rec, k);
        if (L->cell_ok[k] && row >= 0)
            store(L, rec, k, L->column_field[k], (size_t)row, L->plain[k]);
    }
}

/* Adds a row with missing data for every region above a region that has
 * a row in a year (its ancestors and the regional groups holding it or
 * them) when that region has none, so share targets have a row to be
 * scored on.  The walk up does not go above a region that has a row
 * already: what lies above it was seen to when that row was (a row read
 * is walked from, a row added was added on a walk that went on up), so a
 * deep hierarchy costs each row one step instead of its depth. */
static void add_ancestor_rows(rt_table *t)
{
    const ir_program *p = t->p;
    size_t n = t->nrows;
    ir_upwalk w;
    rt_up_init(&w, p);
    for (size_t r = 0; r < n; r++) {
        ir_up_start(&w, t->region[r]);
        for (int32_t a; (a = ir_up_next(&w)) >= 0;) {
            if (seen_find(t, (uint32_t)a, t->year[r]) >= 0)
                ir_up_prune(&w);
            else
                add_row(t, (uint32_t)a, t->year[r], 0, NULL);
        }
    }
    rt_up_free(&w);
}

/* The rows of the table in the order `perm` (new arrays of nrows). */
static void permute_rows(rt_table *t, const size_t *perm)
{
    const ir_program *p = t->p;
    size_t n = t->nrows;
    uint32_t *region = rt_xmalloc(n, sizeof *region);
    for (size_t r = 0; r < n; r++)
        region[r] = t->region[perm[r]];
    free(t->region);
    t->region = region;
    int *year = rt_xmalloc(n, sizeof *year);
    for (size_t r = 0; r < n; r++)
        year[r] = t->year[perm[r]];
    free(t->year);
    t->year = year;
    unsigned *line = rt_xmalloc(n, sizeof *line);
    for (size_t r = 0; r < n; r++)
        line[r] = t->line[perm[r]];
    free(t->line);
    t->line = line;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        double *col = rt_col_realloc(NULL, k, n);
        for (size_t r = 0; r < n; r++)
            col[r] = t->data[k][perm[r]];
        rt_col_free(t->data[k], k);
        t->data[k] = col;
        if (!t->aggn[k])
            continue;
        double *cnt = rt_xmalloc(n, sizeof *cnt);
        for (size_t r = 0; r < n; r++)
            cnt[r] = t->aggn[k][perm[r]];
        free(t->aggn[k]);
        t->aggn[k] = cnt;
    }
    for (uint32_t k = 0; t->texts && k < p->ncolumns; k++) {
        if (!t->texts[k])
            continue;
        int32_t *tx = rt_xmalloc(n, sizeof *tx);
        for (size_t r = 0; r < n; r++)
            tx[r] = t->texts[k][perm[r]];
        free(t->texts[k]);
        t->texts[k] = tx;
    }
    if (t->nrec) {
        uint32_t *nrec = rt_xmalloc(n, sizeof *nrec);
        for (size_t r = 0; r < n; r++)
            nrec[r] = t->nrec[perm[r]];
        free(t->nrec);
        t->nrec = nrec;
    }
    if (t->file) {
        uint32_t *file = rt_xmalloc(n, sizeof *file);
        for (size_t r = 0; r < n; r++)
            file[r] = t->file[perm[r]];
        free(t->file);
        t->file = file;
    }
    for (uint32_t k = 0; t->cellfile && k < p->ncolumns; k++) {
        uint32_t *cf = rt_xmalloc(n, sizeof *cf);
        unsigned *cl = rt_xmalloc(n, sizeof *cl);
        for (size_t r = 0; r < n; r++) {
            cf[r] = t->cellfile[k][perm[r]];
            cl[r] = t->cellline[k][perm[r]];
        }
        free(t->cellfile[k]);
        free(t->cellline[k]);
        t->cellfile[k] = cf;
        t->cellline[k] = cl;
    }
}

/* Frees what only loading needed and gives the row arrays their exact
 * size. */
static void fit_rows(rt_table *t)
{
    free(t->slot);
    t->slot = NULL;
    t->nslots = 0;
    free(t->maxyear);
    t->maxyear = NULL;
    size_t n = t->nrows;
    if (n == 0 || n == t->caprows)
        return;
    t->region = rt_xrealloc(t->region, n, sizeof *t->region);
    t->year = rt_xrealloc(t->year, n, sizeof *t->year);
    t->line = rt_xrealloc(t->line, n, sizeof *t->line);
    for (uint32_t k = 0; k < t->p->ncolumns; k++) {
        t->data[k] = rt_col_realloc(t->data[k], k, n);
        if (t->aggn[k])
            t->aggn[k] = rt_xrealloc(t->aggn[k], n, sizeof *t->aggn[k]);
        if (t->texts && t->texts[k])
            t->texts[k] = rt_xrealloc(t->texts[k], n, sizeof *t->texts[k]);
    }
    if (t->nrec)
        t->nrec = rt_xrealloc(t->nrec, n, sizeof *t->nrec);
    if (t->file)
        t->file = rt_xrealloc(t->file, n, sizeof *t->file);
    for (uint32_t k = 0; t->cellfile && k < t->p->ncolumns; k++) {
        t->cellfile[k] = rt_xrealloc(t->cellfile[k], n, sizeof *t->cellfile[k]);
        t->cellline[k] = rt_xrealloc(t->cellline[k], n, sizeof *t->cellline[k]);
    }
    t->caprows = n;
}

/* Puts rows in (region, year) order and notes where each region's rows
 * start.  Data in that order already stays as it is; other data is sorted
 * by two stable counting sorts, by year and then by region. */
static void sort_rows(rt_table *t)
{
    const ir_program *p = t->p;
    size_t n = t->nrows;
    fit_rows(t);
    t->first = rt_xcalloc((size_t)p->nregions + 1, sizeof *t->first);
    bool sorted = true;
    for (size_t r = 0; r < n; r++) {
        t->first[t->region[r] + 1]++;
        if (r && (t->region[r - 1] > t->region[r] ||
                  (t->region[r - 1] == t->region[r] && t->year[r - 1] > t->year[r])))
            sorted = false;
    }
    for (uint32_t g = 0; g < p->nregions; g++)
        t->first[g + 1] += t->first[g];
    if (sorted)
        return;

    /* By year: years are 1..MAX_YEAR. */
    size_t *at = rt_xcalloc(MAX_YEAR + 2, sizeof *at);
    for (size_t r = 0; r < n; r++)
        at[t->year[r] + 1]++;
    for (int y = 0; y <= MAX_YEAR; y++)
        at[y + 1] += at[y];
    size_t *by_year = rt_xmalloc(n, sizeof *by_year);
    for (size_t r = 0; r < n; r++)
        by_year[at[t->year[r]]++] = r;
    free(at);
    /* Then by region, keeping the years in order. */
    at = rt_xmalloc((size_t)p->nregions + 1, sizeof *at);
    memcpy(at, t->first, ((size_t)p->nregions + 1) * sizeof *at);
    size_t *perm = rt_xmalloc(n, sizeof *perm);
    for (size_t i = 0; i < n; i++) {
        size_t r = by_year[i];
        perm[at[t->region[r]]++] = r;
    }
    free(at);
    free(by_year);
    permute_rows(t, perm);
    free(perm);
}

/* Computes input i of the program for rows [lo, hi) into out[0 .. hi-lo). */
static void fill_input(const rt_table *t, uint32_t i, size_t lo, size_t hi, double *out)
{
    const ir_program *p = t->p;
    const ir_input *in = &p->inputs[i];
    switch (in->kind) {
    case IR_IN_DATA:
        for (size_t r = lo; r < hi; r++) {
            long y = in->shift.absolute ? in->shift.year : (long)t->year[r] + in->shift.rel;
            long at = in->shift.absolute || in->shift.rel ? rt_table_find(t, t->region[r], y)
                                                          : (long)r;
            out[r - lo] = at < 0 ? NAN : t->data[in->column][at] * in->scale;
        }
        break;
    case IR_IN_YEAR:
        for (size_t r = lo; r < hi; r++)
            out[r - lo] = t->year[r];
        break;
    case IR_IN_PRESENT:
        for (size_t r = lo; r < hi; r++)
            out[r - lo] = t->line[r] != 0 ? 1.0 : 0.0;
        break;
    case IR_IN_SCOPE: {
        const bool *member = t->members[i];
        for (size_t r = lo; r < hi; r++)
            out[r - lo] = member[t->region[r]] ? 1.0 : 0.0;
        break;
    }
    case IR_IN_TABLE:
        if (!in->nyears) {
            for (size_t r = lo; r < hi; r++)
                out[r - lo] = in->values[t->region[r]];
            break;
        }
        for (size_t r = lo; r < hi; r++) {
            long y = in->shift.absolute ? in->shift.year : (long)t->year[r] + in->shift.rel;
            out[r - lo] = ir_table_value(in, t->region[r], y, NULL);
        }
        break;
    }
}

/* Sets up the inputs over the sorted rows: an input that is a data column
 * as read (unshifted, scale 1: x * 1.0 is x) is that column; the others
 * are computed when they are asked for (rt_table_inputs for whole
 * columns, rt_table_input_rows for a range), so that a streamed run never
 * holds them for the whole table. */
static void share_inputs(rt_table *t)
{
    const ir_program *p = t->p;
    t->inputs = rt_xcalloc(p->ninputs ? p->ninputs : 1, sizeof *t->inputs);
    t->input_shared = rt_xcalloc(p->ninputs ? p->ninputs : 1, sizeof *t->input_shared);
    t->members = rt_xcalloc(p->ninputs ? p->ninputs : 1, sizeof *t->members);
    pthread_mutex_init(&t->inputs_lock, NULL);
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        if (in->kind == IR_IN_DATA && !in->shift.absolute && !in->shift.rel && in->scale == 1.0) {
            t->inputs[i] = t->data[in->column];
            t->input_shared[i] = true;
        } else if (in->kind == IR_IN_SCOPE) {
            const ir_scope *sc = &p->scopes[in->scope];
            t->members[i] = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *t->members[i]);
            for (uint32_t k = 0; k < sc->n; k++)
                t->members[i][sc->regions[k]] = true;
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
            csv_message(err, "planc: internal error: region %u has parent %d\n", i, p->regions[i].parent);
            return false;
        }
    for (uint32_t i = 0; i < p->nregions; i++)
        for (uint32_t k = 0; k < p->regions[i].ngroups; k++)
            if (p->regions[i].groups[k] >= p->nregions) {
                csv_message(err, "planc: internal error: region %u is in group %u\n", i, p->regions[i].groups[k]);
                return false;
            }
    for (uint32_t i = 0; i < p->nscopes; i++)
        for (uint32_t k = 0; k < p->scopes[i].n; k++)
            if (p->scopes[i].regions[k] >= p->nregions) {
                csv_message(err, "planc: internal error: scope %u names region %u\n", i,
                        p->scopes[i].regions[k]);
                return false;
            }
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        if ((in->kind == IR_IN_DATA && in->column >= p->ncolumns) ||
            (in->kind == IR_IN_SCOPE && in->scope >= p->nscopes) ||
            (in->kind == IR_IN_TABLE && !in->values)) {
            csv_message(err, "planc: internal error: input %u is out of range\n", i);
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

/* True when bytes c, d are one GBK/GB18030 double-byte character (lead
 * 0x81..0xFE, trail 0x80..0xFE: the trails below 0x80 are left out, as
 * ASCII text after a stray byte would match them) and not the start of a
 * UTF-8 sequence, which a cut or damaged UTF-8 file would hold. */
static bool gbk_pair(unsigned c, unsigned d)
{
    return c >= 0x81 && c <= 0xFE && d >= 0x80 && d <= 0xFE && !(c >= 0xC2 && c <= 0xF4 && d <= 0xBF);
}

/* True when bytes c, d may be one GBK/GB18030 double-byte character, UTF-8
 * or not (a GBK character such as 示, CA BE, is also a valid UTF-8
 * sequence). */
static bool gbk_pair_loose(unsigned c, unsigned d)
{
    return c >= 0x81 && c <= 0xFE && d >= 0x80 && d <= 0xFE;
}

/* Whether t[0..n) up to the end of the line (or of what was kept: a
 * sequence cut there counts as whole) is UTF-8 text, after the
 * continuation bytes it starts with: what follows a stray byte in a UTF-8
 * file cut or damaged in the middle of a character. */
static bool utf8_rest(const unsigned char *t, unsigned n)
{
    unsigned i = 0;
    while (i < n && t[i] >= 0x80 && t[i] <= 0xBF)
        i++;
    while (i < n && t[i] != '\n' && t[i] != '\r') {
        unsigned c = t[i], k = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                                       : c >= 0xF0 && c <= 0xF4 ? 3 : 4;
        if (k == 4)
            return false;
        for (unsigned j = 1; j <= k && i + j < n; j++)
            if (t[i + j] < 0x80 || t[i + j] > 0xBF)
                return false;
        i += k + 1;
    }
    return true;
}

/* Whether the bytes from the bad byte c on (c, then tail[0..n)) read as
 * GBK/GB18030 text of two characters or more: c and tail[0] are one
 * (gbk_pair), the bytes after are not UTF-8 (utf8_rest: a UTF-8 file
 * damaged in the middle of a character goes on in UTF-8; nor those after
 * tail[0] when c may be a continuation byte), and up to the
 * end of the line (or of what was kept) they are ASCII and GBK/GB18030
 * characters (two bytes, or four with digits second and fourth), at least
 * one of them: a yearbook's title "表8-3 鞍山市..." has a single
 * character before its ASCII. */
static bool gbk_text(unsigned c, const unsigned char *tail, unsigned n)
{
    if (n < 1 || !gbk_pair(c, tail[0]) || utf8_rest(tail, n))
        return false;
    /* a bad byte that may be a stray continuation byte (80..BF) with a
     * GBK-like byte after it, and UTF-8 text after those two: a damaged
     * UTF-8 file, not GBK */
    if (c < 0xC0 && utf8_rest(tail + 1, n - 1))
        return false;
    unsigned chars = 0;
    for (unsigned i = 1; i < n && tail[i] != '\n' && tail[i] != '\r';) {
        unsigned b = tail[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        if (i + 1 >= n)
            break; /* a character cut where the kept bytes end */
        unsigned d = tail[i + 1];
        if (b >= 0x81 && b <= 0xFE && d >= 0x30 && d <= 0x39 && i + 3 < n && tail[i + 2] >= 0x81 &&
            tail[i + 2] <= 0xFE && tail[i + 3] >= 0x30 && tail[i + 3] <= 0x39)
            i += 4;
        else if (gbk_pair_loose(b, d))
            i += 2;
        else
            return false;
        chars++;
    }
    return chars >= 1;
}

/* Whether a field that begins with the bad byte c (then t[0..n)) is two
 * or more GBK/GB18030 characters up to its end: a region's name at the
 * start of a row, 鞍山 (B0 B0 C9 BD), whose last two bytes happen to be
 * UTF-8 too, so that gbk_text takes it for a UTF-8 file damaged in the
 * middle of a character; but such damage right at a field's start, the
 * lead byte of the field's first character lost, is rare where GBK names
 * are not.  One pair alone is no guess (a stray pair in a UTF-8 file). */
static bool gbk_field(unsigned c, const unsigned char *t, unsigned n)
{
    if (n < 1 || !gbk_pair(c, t[0]))
        return false;
    unsigned i = 1, chars = 1;
    while (i < n && t[i] != ',' && t[i] != ';' && t[i] != '\t' && t[i] != '"' && t[i] != '\r' && t[i] != '\n') {
        if (i + 1 >= n || !gbk_pair_loose(t[i], t[i + 1]))
            return false;
        i += 2;
        chars++;
    }
    return i < n && chars >= 2; /* the field's end was seen */
}

/* After "invalid UTF-8": the encoding the bytes suggest, and how to convert
 * the file (or save it from Excel as UTF-8).  A byte-order mark FF FE or FE FF on the first line is UTF-16
 * (a spreadsheet's "Unicode text"); two GBK characters in a row at the bad
 * byte are GBK/GB18030 (what Excel writes as CSV on a Chinese Windows, the
 * common case in Chinese statistics).  Nothing for other bytes.  The second
 * character may look like UTF-8 (示例省 in GBK is CA BE C0 FD CA A1: the
 * reading fails at C0, and CA A1 is valid UTF-8) unless the bad byte is a
 * UTF-8 continuation byte (80..BF), as in a UTF-8 file cut or damaged in
 * the middle of a character, whose next character is UTF-8. */
/* The name of the UTF-8 copy the encoding note's iconv command writes,
 * quoted for the shell (malloc'd): beside the file, "-utf8" before its
 * extension (鞍山.csv: 鞍山-utf8.csv), so that the files of several
 * cities converted in turn do not overwrite one copy; data-utf8.csv for
 * a file of no such name (standard input, /dev/fd/3). */
static char *utf8_copy_name(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (strncmp(name, "/dev/", 5) == 0 || !*base)
        return csv_shell_path("data-utf8.csv");
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot > base ? (size_t)(dot - name) : strlen(name);
    const char *ext = dot && dot > base ? dot : ".csv";
    char *copy = rt_xmalloc(stem + strlen("-utf8") + strlen(ext) + 1, 1);
    sprintf(copy, "%.*s-utf8%s", (int)stem, name, ext);
    char *q = csv_shell_path(copy);
    free(copy);
    return q;
}

static void encoding_note(FILE *err, lbl_lang lang, const char *name, const source *src, bool no_option)
{
    unsigned c = src->bad_byte;
    const unsigned char *t = src->bad_tail;
    /* the file's name quoted for the shell: a name may hold a ', a
     * control character, or start with '-' */
    char *q = csv_shell_path(name);
    char *out = utf8_copy_name(name);
    bool utf16 = src->bad_line == 1 && src->bad_ntail >= 1 &&
                 ((c == 0xFF && t[0] == 0xFE) || (c == 0xFE && t[0] == 0xFF));
    bool gbk = !utf16 && (gbk_text(c, t, src->bad_ntail) ||
                          (src->bad_field_start && gbk_field(c, t, src->bad_ntail)));
    if ((utf16 || gbk) && src->bad_line) /* named as the error it follows names the file */
        csv_message(err, "%s:%u: ", name, src->bad_line);
    else if (utf16 || gbk)
        csv_message(err, "%s: ", name);
    /* a data provider (template --check) and a test's rows are told to
     * save the file as UTF-8; planc run can also read it as it is */
    if (utf16 && no_option)
        csv_message(err, msgcat_get(lang, "note: the file looks UTF-16 encoded; save it as UTF-8, or convert it: "
                                          "iconv -f UTF-16 -t UTF-8 %s > %s\n"), q, out);
    else if (utf16)
        csv_message(err, msgcat_get(lang, "note: the file looks UTF-16 encoded; read it as it is with "
                                          "--encoding UTF-16, save it as UTF-8, or convert it: "
                                          "iconv -f UTF-16 -t UTF-8 %s > %s\n"), q, out);
    else if (gbk && no_option)
        csv_message(err, msgcat_get(lang, "note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                                          "Chinese Windows is; save it as \"CSV UTF-8\", or convert it: "
                                          "iconv -f GB18030 -t UTF-8 %s > %s\n"), q, out);
    else if (gbk)
        csv_message(err, msgcat_get(lang, "note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                                          "Chinese Windows is; read it as it is with --encoding GB18030, save it "
                                          "as \"CSV UTF-8\", or convert it: iconv -f GB18030 -t UTF-8 %s > %s\n"),
                    q, out);
    free(q);
    free(out);
}

/* Records read between two updates of the progress count. */
enum { PROGRESS_BATCH = 4096 };

/* ---- reading records on several threads ----
 *
 * With rt_load_options.threads > 1 the records are read in rounds.  A
 * round takes the part of the window up to its last line break (at most
 * ROUND_BYTES), splits it at line breaks into ranges, one per thread, and
 * each thread parses the records of its range: fields, region, year and
 * every cell, reporting nothing and changing nothing the loader holds
 * (parse_range).  Then the calling thread takes the records in file order
 * (commit_range): a record whose every part parsed is entered as read_row
 * would enter it (the row, its cells); any other record (an error, a note,
 * the first skipped region: whatever says something) is read again and
 * given to read_row itself.  So the rows, the errors and their order are
 * the one-thread reading's.
 *
 * A split at a line break inside a quoted field is found when the range
 * before it ends inside quotes; the round is then parsed again as one
 * range.  A range never starts with a byte order mark being skipped
 * (csv_restart), so a record is read the same wherever it starts. */

/* Bytes of input one round takes at most (the parsed records of a round
 * are held until it is entered: about 1 MB for this: the data of a large run is held whole beside them). */
enum { ROUND_BYTES = 1 << 19 };
/* The least bytes worth a thread of their own. */
enum { MIN_RANGE_BYTES = 1 << 16 };
/* Most threads that parse. */
enum { MAX_LOAD_THREADS = 64 };

/* What a parsing thread made of a record. */
enum { PR_ROW, PR_SKIP, PR_SLOW };

/* A record as a parsing thread read it: where to read it again, and for a
 * PR_ROW its region and year (its cells are in the range's vals). */
typedef struct parsed {
    size_t at;              /* window offset where its reading starts
                               (empty lines before it included) */
    unsigned line;          /* the line at `at`, 1 for the range's first */
    unsigned rline;         /* the record's own line, counted alike */
    uint32_t region;
    int year;
    unsigned char kind;     /* PR_* */
} parsed;

/* One thread's range of a round and what it read there.  The reader and
 * the arrays are kept from round to round. */
typedef struct prange {
    size_t lo, hi;          /* window offsets: a record starts at lo, a
                               line break (or the input) ends at hi */
    csv_reader csv;
    const region_name *last; /* the region name found last */
    parsed *recs;
    size_t nrecs, cap;
    double *vals;           /* p->ncolumns cells per record */
    size_t nread;           /* records read, blank ones too (progress) */
    unsigned lines;         /* line breaks in [lo, hi) */
    bool unterminated;      /* the range ends inside a quoted field: */
    size_t cut;             /* where the reading of the record holding it
                               starts (empty lines before it included) */
    unsigned cut_line;      /* the line at `cut` */
    /* The cells of its PR_ROW records that a --na text that is a number
     * read as missing, counted as count_na_number counts read_row's (per
     * text and header field, a cell two columns read once), so that such
     * records need not be read again; commit_range adds them to the
     * loader's in range order.  NULL until a --na text is a number. */
    size_t *na_count;       /* [j * nheader + field], this parse's */
    bool na_any;            /* one of them is not 0 */
    unsigned long *na_mark; /* per header field, the na_stamp of the record
                               last counted */
    unsigned long na_stamp; /* counts the records counted, from 1 */
} prange;

/* Whether the region s[0..n) is one the rules dropped (or renamed to one
 * they dropped): such a row takes the slow path, which counts it. */
static bool dropped_region(const ir_program *p, const char *s, size_t n)
{
    const char *renamed, *dropped, *at, *alias_of;
    return p->nregion_drops && ir_region_fate(p, s, n, &renamed, &dropped, &at, &alias_of) == 2;
}

/* Counts in g the cells of the record g's reader holds, its cells read
 * into v, that a --na text that is a number read as missing: as
 * cell_value counts them (count_na_number) when read_row reads the
 * record, by the loader's header field and the first such text, a field
 * two columns read once.  Only g changes: the threads read L. */
static void count_range_na(const loader *L, prange *g, const double *v)
{
    const ir_program *p = L->p;
    if (!g->na_count) {
        g->na_count = rt_xcalloc(L->opts.nna * L->nheader, sizeof *g->na_count);
        g->na_mark = rt_xcalloc(L->nheader, sizeof *g->na_mark);
    }
    unsigned long stamp = ++g->na_stamp;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        long f = L->column_field[k];
        if (L->same_as[k] >= 0 || f < 0 || !isnan(v[k]) || g->na_mark[f] == stamp)
            continue;
        size_t n;
        const char *s = cell(&g->csv, (size_t)f, &n);
        long j = na_number_of(L, s, number_len(L, k, s, n));
        if (j < 0)
            continue;
        g->na_mark[f] = stamp;
        g->na_count[(size_t)j * L->nheader + (size_t)f]++;
        g->na_any = true;
    }
}

/* Classifies record `rec` of g's reader as parse_range says; fills v (the
 * record's cells) and r's region and year for a PR_ROW. */
static unsigned char classify(const loader *L, prange *g, const csv_record *rec, parsed *r,
                              double *v)
{
    const ir_program *p = L->p;
    csv_reader *csv = &g->csv;
    if (rec->nfields != L->nheader || rec->bad_field >= 0)
        return PR_SLOW;
    size_t n;
    const char *s = cell(csv, (size_t)L->region_field, &n);
    if (!n)
        return PR_SLOW;
    long region = lookup_region(L, &g->last, s, n);
    if (region < 0)
        /* a record of one filled field may be a note (is_note) */
        return L->opts.skip_unknown_regions && !empty_from(csv, rec, 1) && !dropped_region(p, s, n) &&
                       !garbled_region(L, s, n) ? PR_SKIP : PR_SLOW;
    int year = L->opts.year;
    if (!year) {
        s = cell(csv, (size_t)L->year_field, &n);
        if (!n || parse_year(s, n, &year) != 0)
            return PR_SLOW;
    }
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        long j = L->same_as[k], f = L->column_field[k];
        if (j >= 0)
            v[k] = v[j];
        else if (f < 0)
            v[k] = NAN;
        else {
            s = cell(csv, (size_t)f, &n);
            if (parse_cell(L, k, s, n, &v[k]) != 0)
                return PR_SLOW;
        }
    }
    if (L->any_na_number)
        count_range_na(L, g, v);
    r->region = (uint32_t)region;
    r->year = year;
    return PR_ROW;
}

/* Parses the records of g's range of the window `buf`: a blank record is
 * counted and dropped; any other becomes a parsed entry of g.  Reads L
 * only, so that several threads may parse at once. */
static void parse_range(const loader *L, const char *buf, prange *g)
{
    uint32_t nc = L->p->ncolumns;
    g->nrecs = g->nread = 0;
    g->unterminated = false;
    if (g->na_any) {
        memset(g->na_count, 0, L->opts.nna * L->nheader * sizeof *g->na_count);
        g->na_any = false;
    }
    csv_restart(&g->csv, buf, g->hi, true, g->lo, 1);
    for (;;) {
        size_t at = csv_consumed(&g->csv);
        unsigned line = g->csv.line;
        csv_record rec;
        csv_status st = csv_next(&g->csv, &rec);
        if (st == CSV_EOF)
            break;
        if (st == CSV_UNTERMINATED || st == CSV_TOO_LONG) {
            /* the round is cut there, and the record read again the
             * one-thread way (read_rounds), which reports it */
            g->unterminated = true;
            g->cut = at;
            g->cut_line = line;
            break;
        }
        g->nread++;
        if (is_blank(&g->csv, &rec))
            continue;
        if (g->nrecs == g->cap) {
            g->cap = g->cap ? 2 * g->cap : 1024;
            g->recs = rt_xrealloc(g->recs, g->cap, sizeof *g->recs);
            g->vals = rt_xrealloc(g->vals, g->cap * (nc ? nc : 1), sizeof *g->vals);
        }
        parsed *r = &g->recs[g->nrecs];
        *r = (parsed){.at = at, .line = line, .rline = rec.line};
        r->kind = classify(L, g, &rec, r, g->vals + g->nrecs * nc);
        g->nrecs++;
    }
    g->lines = g->csv.line - 1;
}

/* Enters the records g parsed, in order, as read_row would; `base` is the
 * physical line of the range's first line. */
static void commit_range(loader *L, const char *buf, const prange *g, unsigned base)
{
    const ir_program *p = L->p;
    uint32_t nc = p->ncolumns;
    for (size_t i = 0; i < g->nrecs && !L->stopped; i++) {
        const parsed *r = &g->recs[i];
        if (r->kind == PR_SLOW || (r->kind == PR_SKIP && L->skipped == 0)) {
            /* read_row says what there is to say (the first skipped
             * region is remembered) */
            csv_restart(&L->slow, buf, g->hi, true, r->at, base + r->line - 1);
            csv_record rec;
            if (csv_next(&L->slow, &rec) == CSV_RECORD)
                read_row(L, &L->slow, &rec);
            L->t->reread += r->kind == PR_SLOW;
            continue;
        }
        if (L->nnotes)
            report_notes(L);
        L->any_row = true;
        if (r->kind == PR_SKIP) {
            L->skipped++;
            continue;
        }
        const double *v = g->vals + i * nc;
        unsigned line = base + r->rline - 1;
        note_region(L, r->region);
        /* A new row where no aggregate folds cells (most files): its cells
         * go in as they are, as key_row and store() would put them. */
        if (!L->combine && seen_find(L->t, r->region, r->year) < 0) {
            add_row(L->t, r->region, r->year, line, v);
            continue;
        }
        csv_record rec = {.line = line, .nfields = L->nheader, .bad_field = -1};
        long row = key_row(L, &rec, r->region, r->year);
        for (uint32_t k = 0; row >= 0 && k < nc; k++)
            store(L, &rec, k, L->column_field[k], (size_t)row, v[k]);
    }
    /* the cells of the entered rows that a --na number read as missing
     * (the ranges are committed in file order, so the sums are the
     * one-thread reading's; a reading stopped here has errors, and the
     * note is not given) */
    if (g->na_any) {
        size_t *count = na_counts(L);
        for (size_t i = 0; i < L->opts.nna * L->nheader; i++)
            count[i] += g->na_count[i];
    }
}

/* The threads that parse the ranges of a round: the caller parses range
 * 0, thread i (1 <= i < nthreads) range i when the round has one. */
typedef struct load_pool load_pool;

/* A pool thread's index and its pool. */
typedef struct load_worker {
    load_pool *pl;
    unsigned index;
} load_worker;

struct load_pool {
    pthread_mutex_t mu;
    pthread_cond_t go, done;
    unsigned round;         /* counts the rounds started */
    unsigned pending;       /* threads still parsing this round */
    bool quit;
    const loader *L;
    const char *buf;        /* the window of the round */
    prange *ranges;         /* nthreads */
    unsigned nranges;       /* of this round */
    pthread_t tids[MAX_LOAD_THREADS];
    load_worker workers[MAX_LOAD_THREADS];
    unsigned nthreads;      /* the caller and the started threads */
};

/* A parsing thread: parses its range of each round until the pool quits. */
static void *load_thread(void *arg)
{
    load_worker *w = arg;
    load_pool *pl = w->pl;
    unsigned seen = 0;
    pthread_mutex_lock(&pl->mu);
    for (;;) {
        while (!pl->quit && pl->round == seen)
            pthread_cond_wait(&pl->go, &pl->mu);
        if (pl->quit)
            break;
        seen = pl->round;
        bool mine = w->index < pl->nranges;
        pthread_mutex_unlock(&pl->mu);
        if (mine)
            parse_range(pl->L, pl->buf, &pl->ranges[w->index]);
        pthread_mutex_lock(&pl->mu);
        if (--pl->pending == 0)
            pthread_cond_signal(&pl->done);
    }
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

/* Starts up to `want` - 1 parsing threads besides the caller (fewer when
 * the system gives fewer: the reading goes on with those it has). */
static load_pool *pool_open(const loader *L, unsigned want)
{
    load_pool *pl = rt_xcalloc(1, sizeof *pl);
    pthread_mutex_init(&pl->mu, NULL);
    pthread_cond_init(&pl->go, NULL);
    pthread_cond_init(&pl->done, NULL);
    pl->L = L;
    if (want > MAX_LOAD_THREADS)
        want = MAX_LOAD_THREADS;
    pl->ranges = rt_xcalloc(want, sizeof *pl->ranges);
    pl->nthreads = 1;
    while (pl->nthreads < want) {
        load_worker *w = &pl->workers[pl->nthreads];
        *w = (load_worker){pl, pl->nthreads};
        if (pthread_create(&pl->tids[pl->nthreads], NULL, load_thread, w) != 0)
            break;
        pl->nthreads++;
    }
    return pl;
}

/* Ends the threads and frees the pool. */
static void pool_close(load_pool *pl)
{
    pthread_mutex_lock(&pl->mu);
    pl->quit = true;
    pthread_cond_broadcast(&pl->go);
    pthread_mutex_unlock(&pl->mu);
    for (unsigned i = 1; i < pl->nthreads; i++)
        pthread_join(pl->tids[i], NULL);
    for (unsigned i = 0; i < pl->nthreads; i++) {
        csv_dispose(&pl->ranges[i].csv);
        free(pl->ranges[i].recs);
        free(pl->ranges[i].vals);
        free(pl->ranges[i].na_count);
        free(pl->ranges[i].na_mark);
    }
    free(pl->ranges);
    pthread_cond_destroy(&pl->go);
    pthread_cond_destroy(&pl->done);
    pthread_mutex_destroy(&pl->mu);
    free(pl);
}

/* Parses the round's ranges (pl->nranges of them, over `buf`) on the
 * pool's threads and the caller's; returns when all are parsed. */
static void pool_parse(load_pool *pl, const char *buf)
{
    pthread_mutex_lock(&pl->mu);
    pl->buf = buf;
    pl->pending = pl->nthreads - 1;
    pl->round++;
    pthread_cond_broadcast(&pl->go);
    pthread_mutex_unlock(&pl->mu);
    parse_range(pl->L, buf, &pl->ranges[0]);
    pthread_mutex_lock(&pl->mu);
    while (pl->pending)
        pthread_cond_wait(&pl->done, &pl->mu);
    pthread_mutex_unlock(&pl->mu);
}

/* Whether a line ends just before window offset i (0 < i <= len): byte
 * i - 1 is a LF, or a CR that the window shows is no CRLF's (a lone CR,
 * as old Mac files end their lines).  A round and its ranges are split
 * only there, so that a file of lone CRs is read in rounds too (looking
 * for LFs alone, its every record was read the one-thread way after a
 * search of the whole window: quadratic, minutes for a few MB). */
static bool line_ends_at(const char *buf, size_t i, size_t len)
{
    return buf[i - 1] == '\n' || (buf[i - 1] == '\r' && i < len && buf[i] != '\n');
}

/* The offset after the first line end at or after window offset `from`
 * and before `hi` (line_ends_at), or 0 when there is none. */
static size_t next_line_end(const char *buf, size_t from, size_t hi)
{
    for (size_t i = from + 1; i <= hi; i++)
        if ((buf[i - 1] == '\n' || buf[i - 1] == '\r') && line_ends_at(buf, i, hi))
            return i;
    return 0;
}

/* Splits window bytes [lo, hi) into up to pl->nthreads ranges at line
 * breaks, none shorter than MIN_RANGE_BYTES but the last.  The first
 * range, the caller's, is shorter: after parsing it the caller enters the
 * whole round (and checks the text read next) while the other threads
 * wait, which costs about 1/ENTER_SHARE of parsing the round (1/7 under
 * callgrind for the benchmark's file of two number columns;
 * docs/PERFORMANCE.md), so the caller parses that much less and the
 * threads finish nearer together.  Where the split falls changes nothing
 * read (test_load). */
enum { ENTER_SHARE = 8 };
static void split_round(load_pool *pl, const char *buf, size_t lo, size_t hi)
{
    unsigned k = (unsigned)((hi - lo) / MIN_RANGE_BYTES);
    if (k > pl->nthreads)
        k = pl->nthreads;
    if (k < 1)
        k = 1;
    /* the caller parses `first` bytes and enters all (as `enter` bytes
     * more), every other thread parses `other`: first + enter = other */
    size_t enter = (hi - lo) / ENTER_SHARE;
    size_t other = (hi - lo + enter) / k;
    size_t first = other > enter ? other - enter : 0;
    pl->nranges = 0;
    size_t from = lo;
    for (unsigned i = 1; i < k && from < hi; i++) {
        size_t want = lo + first + other * (i - 1);
        if (want < from)
            want = from;
        size_t at = next_line_end(buf, want, hi);
        if (!at || at >= hi)
            break;
        pl->ranges[pl->nranges].lo = from;
        pl->ranges[pl->nranges++].hi = from = at;
    }
    pl->ranges[pl->nranges].lo = from;
    pl->ranges[pl->nranges++].hi = hi;
}

/* How read_rounds ended. */
typedef enum { ROUNDS_EOF, ROUNDS_STOP, ROUNDS_REST } rounds_end;

/* Reads one record the one-thread way, which reads on in the file as it
 * needs (a record longer than what the window holds whole).  Returns -1
 * to go on, or how the reading ended. */
static int one_record(loader *L, source *src, csv_reader *csv)
{
    csv_record rec;
    csv_status st = next_record(src, csv, &rec, false);
    if (st == CSV_EOF)
        return source_failed(src) ? ROUNDS_REST : ROUNDS_EOF;
    if (st == CSV_UNTERMINATED || st == CSV_TOO_LONG) {
        quote_error(L, &rec, st, false);
        return ROUNDS_STOP;
    }
    read_row(L, csv, &rec);
    progress_count_read(1);
    return -1;
}

/* Reads the records from the reader's position in rounds (see above),
 * leaving `csv` after what was read.  ROUNDS_EOF: the input was read to
 * its end; ROUNDS_STOP: the reading is over (too many errors, or an
 * unterminated quoted field, reported); ROUNDS_REST: bad text or a read
 * error came, and the one-thread reading does the rest (it reads the
 * records before the bad text as usual and finds its field). */
static rounds_end read_rounds(loader *L, source *src, csv_reader *csv, load_pool *pl)
{
    for (;;) {
        if (L->stopped)
            return ROUNDS_STOP;
        if (source_failed(src))
            return ROUNDS_REST;
        size_t c = csv_consumed(csv);
        unsigned line = csv->line;
        /* a file's window that is half read is moved on */
        if (src->fd >= 0 && !src->final && src->len - c < src->cap / 2) {
            source_read(src, c);
            csv_restart(csv, src->buf, src->len, src->final, 0, line);
            if (source_failed(src))
                return ROUNDS_REST;
            c = 0;
        }
        const char *buf = src->buf;
        bool last = src->final && src->checked == src->len;
        size_t end = c;
        if (last)
            end = src->len;
        else
            for (size_t i = src->checked; i > c; i--)
                if (line_ends_at(buf, i, src->len)) {
                    end = i;
                    break;
                }
        if (end - c > ROUND_BYTES) {
            size_t at = next_line_end(buf, c + ROUND_BYTES, end);
            if (at)
                end = at;
        }
        /* the round reaches the end of the input */
        last = last && end == src->len;
        if (end == c) {
            int r = one_record(L, src, csv);
            if (r >= 0)
                return (rounds_end)r;
            continue;
        }
        size_t start = c;
        split_round(pl, buf, c, end);
        pool_parse(pl, buf);
        for (unsigned i = 0; i + 1 < pl->nranges; i++)
            if (pl->ranges[i].unterminated) {
                /* a split inside quotes: the round as one range */
                pl->nranges = 1;
                prange *g0 = &pl->ranges[0];
                *g0 = (prange){.lo = c, .hi = end, .csv = g0->csv, .recs = g0->recs, .cap = g0->cap,
                               .vals = g0->vals, .na_count = g0->na_count, .na_any = g0->na_any,
                               .na_mark = g0->na_mark, .na_stamp = g0->na_stamp};
                parse_range(L, buf, &pl->ranges[0]);
                break;
            }
        unsigned base = line;
        size_t nread = 0;
        for (unsigned i = 0; i < pl->nranges; i++) {
            const prange *g = &pl->ranges[i];
            commit_range(L, buf, g, base);
            nread += g->nread;
            if (L->stopped)
                return ROUNDS_STOP;
            if (g->unterminated) { /* the last range */
                /* the record is read on from the file the one-thread
                 * way: the quote may close in the window's next part, or
                 * never (at the input's end, or past CSV_QUOTED_MAX) */
                end = g->cut;
                line = base + g->cut_line - 1;
                break;
            }
            base += g->lines;
            line = base;
        }
        progress_count_read(nread);
        csv_restart(csv, buf, src->len, src->final, end, line);
        if (last && end == src->len)
            return ROUNDS_EOF;
        if (end == start) {
            /* one record, unterminated so far, fills the window */
            int r = one_record(L, src, csv);
            if (r >= 0)
                return (rounds_end)r;
        }
    }
}

/* The most regions warn_year_gaps names one by one. */
#define GAPS_SHOWN 3

/* The names of the files of several (t->file) marked in `in`, joined by
 * ", " in their order (malloc'd), for a warning about the whole table,
 * which names no one file; *count: how many, *only: the one when one. */
static char *files_list(const rt_table *t, const bool *in, size_t *count, const char **only)
{
    size_t len = 1;
    *count = 0;
    *only = NULL;
    for (size_t i = 0; i < t->npaths; i++)
        if (in[i]) {
            len += strlen(t->paths[i]) + 2;
            *only = t->paths[i];
            ++*count;
        }
    char *list = rt_xmalloc(len, 1);
    list[0] = '\0';
    for (size_t i = 0, k = 0; i < t->npaths; i++)
        if (in[i]) {
            if (k++)
                strcat(list, ", ");
            strcat(list, t->paths[i]);
        }
    return list;
}

/* files_list of the files of several that hold region g's rows; each
 * marked in `more` too when it is not NULL (the files of the regions a
 * warning only counts). */
static char *region_files(const rt_table *t, uint32_t g, bool *more, size_t *count, const char **only)
{
    bool *in = rt_xcalloc(t->npaths, sizeof *in);
    for (size_t i = 0; i < t->npaths; i++) {
        in[i] = t->file_region[i * t->p->nregions + g];
        if (more)
            more[i] |= in[i];
    }
    char *list = files_list(t, in, count, only);
    free(in);
    return list;
}

/* The years of the data's rows (planc's added rows aside) in *lo..*hi,
 * and for each level and year whether most of the level's regions that
 * have rows have one that year: has[level * span + year - lo] (malloc'd),
 * NULL when the data spans fewer than min_span years or the rules have
 * no levels.  Rows are sorted. */
static bool *level_years(const rt_table *t, int min_span, int *lo_out, int *hi_out)
{
    const ir_program *p = t->p;
    int lo = 0, hi = 0;
    for (size_t r = 0; r < t->nrows; r++)
        if (t->line[r]) {
            lo = lo && lo < t->year[r] ? lo : t->year[r];
            hi = hi > t->year[r] ? hi : t->year[r];
        }
    if (!lo || hi - lo + 1 < min_span || !p->nlevels)
        return NULL;
    /* per level: how many regions have a row of the file, and how many
     * have one in each year */
    size_t span = (size_t)(hi - lo) + 1;
    size_t *with = rt_xcalloc(p->nlevels, sizeof *with);
    size_t *in_year = rt_xcalloc(p->nlevels * span, sizeof *in_year);
    for (uint32_t g = 0; g < p->nregions; g++) {
        bool any = false;
        for (size_t r = t->first[g]; r < t->first[g + 1]; r++)
            if (t->line[r]) {
                any = true;
                in_year[p->regions[g].level * span + (size_t)(t->year[r] - lo)]++;
            }
        with[p->regions[g].level] += any;
    }
    bool *has = rt_xcalloc(p->nlevels * span, sizeof *has); /* most of the level has a row */
    for (uint32_t v = 0; v < p->nlevels; v++)
        for (size_t y = 0; y < span; y++)
            has[v * span + y] = 2 * in_year[v * span + y] > with[v];
    free(with);
    free(in_year);
    *lo_out = lo;
    *hi_out = hi;
    return has;
}

/* A region whose rows skip a year between two years of its own, in
 * which most regions of its level have a row (a statistics bureau's
 * table that lacks one city's return for 2024): the region has no
 * results that year, drops out of the year's ranking and of the shares
 * and averages over its level, and a total over it is missing; nothing
 * else says so.  Warns per region (the first GAPS_SHOWN, then a count),
 * the years as runs.  A series that starts late or ends early is no gap,
 * nor is a year that few regions of the level have (a sparse file, the
 * milestone years of most regions and an extra year of one).  Rows are
 * sorted. */
static void warn_year_gaps(loader *L, rt_table *t)
{
    const ir_program *p = t->p;
    int lo, hi;
    bool *has = level_years(t, 3, &lo, &hi);
    if (!has)
        return;
    size_t span = (size_t)(hi - lo) + 1;
    size_t nregions = 0;
    const char *first_name = NULL, *first_file = L->name;
    int first_year = 0;
    /* of several files, those that hold the rows of the regions past
     * GAPS_SHOWN, which one line counts */
    bool *more_in = t->file ? rt_xcalloc(t->npaths, sizeof *more_in) : NULL;
    for (uint32_t g = 0; g < p->nregions; g++) {
        char years[256] = "";
        size_t len = 0;
        int prev = 0, nyears = 0;
        bool cut = false; /* the list ends in "…": more years than it holds */
        const bool *most = has + p->regions[g].level * span - lo; /* indexed by year */
        for (size_t r = t->first[g]; r < t->first[g + 1]; r++) {
            if (!t->line[r])
                continue; /* a row planc added for a parent */
            int y = t->year[r];
            for (int m = prev ? prev + 1 : y; m < y; m++) {
                if (!most[m])
                    continue;
                /* the years as runs: 2024, 2026–2027 */
                int e = m;
                while (e + 1 < y && most[e + 1])
                    e++;
                if (len < sizeof years - 32) {
                    len += (size_t)snprintf(years + len, sizeof years - len, e > m ? "%s%d–%d" : "%s%d",
                                            nyears ? T(L, LBL_U_YEAR_SEP) : "", m, e);
                } else if (!cut) {
                    len += (size_t)snprintf(years + len, sizeof years - len, "%s…", T(L, LBL_U_YEAR_SEP));
                    cut = true;
                }
                if (!nyears && !first_name)
                    first_year = m;
                nyears++;
                m = e;
            }
            prev = y;
        }
        if (!nyears)
            continue;
        /* of several files, the one that holds the region's rows; when
         * several do (one a column's), none: the files are in the text */
        const char *name = L->name;
        size_t nfiles = 1;
        char *list = NULL;
        if (more_in)
            list = region_files(t, g, nregions >= GAPS_SHOWN ? more_in : NULL, &nfiles, &name);
        if (nregions++ < GAPS_SHOWN && nfiles > 1)
            warn_message(L->err, WARN_YEAR_GAP, msgcat_get(L->opts.lang, "planc: warning: %s has no row in %s in any of the "
                                                         "files that have its rows (%s), though it has rows "
                                                         "before and after: it has no results then, the year's "
                                                         "ranking and the shares and averages over its level "
                                                         "leave it out, and the totals that count it are "
                                                         "missing\n"),
                        p->regions[g].name, years, list);
        else if (nregions <= GAPS_SHOWN)
            warn_message(L->err, WARN_YEAR_GAP, T(L, LBL_L_YEAR_GAP), name, p->regions[g].name, years);
        free(list);
        if (!first_name) {
            first_name = p->regions[g].name;
            first_file = nfiles > 1 ? "planc" : name;
        }
    }
    if (nregions > GAPS_SHOWN) {
        /* named by the file that holds the counted regions' rows; when
         * several do, by none: the files are in the text */
        size_t nfiles = 1;
        const char *at = L->name;
        char *list = more_in ? files_list(t, more_in, &nfiles, &at) : NULL;
        if (nfiles > 1)
            warn_message(L->err, WARN_YEAR_GAP, msgcat_get(L->opts.lang, nregions == GAPS_SHOWN + 1
                            ? "planc: warning: %zu more region has no row in a year, though it has rows before "
                              "and after (its rows are in %s)\n"
                            : "planc: warning: %zu more regions have no row in a year, though they have rows "
                              "before and after (their rows are in %s)\n"),
                        nregions - GAPS_SHOWN, list);
        else
            warn_message(L->err, WARN_YEAR_GAP, T(L, nregions == GAPS_SHOWN + 1 ? LBL_L_YEAR_GAP_MORE_ONE : LBL_L_YEAR_GAP_MORE),
                        at, nregions - GAPS_SHOWN);
        free(list);
    }
    free(more_in);
    if (nregions) {
        csv_message(L->err, "%s: ", first_file);
        csv_message(L->err, T(L, LBL_L_YEAR_GAP_NOTE), first_name, first_year);
    }
    free(has);
}

/* A region whose rows end before the data's last year, a year most
 * regions of its level have a row in (a city that sent last year's file
 * again): it has no results in the year an evaluator reads first, and
 * drops out of that year's ranking and of the shares and averages over
 * its level without a word (warn_year_gaps counts only the years between
 * a region's own).  Warns of the first GAPS_SHOWN regions, then a count,
 * and a note on the first.  Rows are sorted. */
static void warn_last_year(loader *L, rt_table *t)
{
    const ir_program *p = t->p;
    int lo, hi;
    bool *has = level_years(t, 2, &lo, &hi);
    if (!has)
        return;
    size_t span = (size_t)(hi - lo) + 1, nregions = 0;
    const char *first_name = NULL, *first_file = L->name;
    int first_end = 0;
    for (uint32_t g = 0; g < p->nregions; g++) {
        int end = 0; /* the region's last year with a row of the data */
        for (size_t r = t->first[g]; r < t->first[g + 1]; r++)
            if (t->line[r])
                end = t->year[r];
        if (!end || end == hi || !has[p->regions[g].level * span + (size_t)(hi - lo)])
            continue;
        const char *name = L->name;
        size_t nfiles = 1;
        char *list = NULL;
        if (t->file)
            list = region_files(t, g, NULL, &nfiles, &name);
        if (nregions++ < GAPS_SHOWN) {
            if (nfiles > 1)
                warn_message(L->err, WARN_LAST_YEAR_MISSING,
                             msgcat_get(L->opts.lang, "planc: warning: %s has no row in %d, the data's last year, in "
                                                      "any of the files that have its rows (%s), though most "
                                                      "regions of its level have one (its rows end in %d): it has "
                                                      "no results that year, and the year's ranking and the shares "
                                                      "and averages over its level leave it out\n"),
                             p->regions[g].name, hi, list, end);
            else
                warn_message(L->err, WARN_LAST_YEAR_MISSING,
                             msgcat_get(L->opts.lang, "%s: warning: %s has no row in %d, the data's last year, "
                                                      "though most regions of its level have one (its rows end in "
                                                      "%d): it has no results that year, and the year's ranking and "
                                                      "the shares and averages over its level leave it out\n"),
                             name, p->regions[g].name, hi, end);
        }
        free(list);
        if (!first_name) {
            first_name = p->regions[g].name;
            first_file = nfiles > 1 ? "planc" : name;
            first_end = end;
        }
    }
    if (nregions > GAPS_SHOWN)
        warn_message(L->err, WARN_LAST_YEAR_MISSING,
                     msgcat_get(L->opts.lang, nregions == GAPS_SHOWN + 1
                                    ? "%s: warning: %zu more region has no row in %d, the data's last year\n"
                                    : "%s: warning: %zu more regions have no row in %d, the data's last year\n"),
                     t->file ? "planc" : L->name, nregions - GAPS_SHOWN, hi);
    if (nregions)
        csv_message(L->err,
                    msgcat_get(L->opts.lang, "%s: note: a file of an earlier year sent again? %s's rows end in %d; "
                                             "its rows of %d are wanted\n"),
                    first_file, first_name, first_end, hi);
    free(has);
}

/* The header columns of per-year column c for the years lo..hi, as
 * warn_after_horizon says them ("column 'C2031'", "columns 'C2031' to
 * 'C2032'"), in `lang` (malloc'd). */
static char *after_horizon_columns(lbl_lang lang, const ir_column *c, int lo, int hi)
{
    const char *at = strstr(c->name, "{year}");
    int pre = (int)(at - c->name);
    size_t n = 2 * strlen(c->name) + 64;
    char *a = rt_xmalloc(n, 1), *b = rt_xmalloc(n, 1), *r = rt_xmalloc(3 * n, 1);
    snprintf(a, n, "%.*s%d%s", pre, c->name, lo, at + 6);
    snprintf(b, n, "%.*s%d%s", pre, c->name, hi, at + 6);
    if (lo == hi)
        snprintf(r, 3 * n, msgcat_get(lang, "column '%s'"), a);
    else
        snprintf(r, 3 * n, msgcat_get(lang, "columns '%s' to '%s'"), a, b);
    free(a);
    free(b);
    return r;
}

/* Warns of the data's rows of years after the plan's horizon, the last
 * year it sets goals for: a target whose deadlines have passed is judged
 * on them in any later year (the rules say nothing of it), so a row of
 * 2040 in a plan up to 2030 gets statuses and scores that the plan does
 * not give, without another word (a file of the next plan's period, a
 * mistyped year).  One warning, at the first such row of the first file
 * holding one, with their count and years; planc's added rows aside. */
static void warn_after_horizon(loader *L, rt_table *t)
{
    const ir_program *p = t->p;
    size_t count = 0, first = 0;
    int lo = 0, hi = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        if (!t->line[r] || t->year[r] <= p->horizon)
            continue;
        if (!count || t->year[r] < lo)
            lo = t->year[r];
        if (!count || t->year[r] > hi)
            hi = t->year[r];
        uint32_t f = t->file ? t->file[r] : 0, f0 = t->file && count ? t->file[first] : 0;
        if (!count || f < f0 || (f == f0 && t->line[r] < t->line[first]))
            first = r;
        count++;
    }
    if (!count)
        return;
    const char *name = t->file ? t->paths[t->file[first]] : L->name;
    char years[32];
    if (lo == hi)
        snprintf(years, sizeof years, "%d", lo);
    else
        snprintf(years, sizeof years, "%d–%d", lo, hi);
    const ir_column *wide = first_per_year(p);
    if (wide) {
        /* a column per year: the years are the header's, not the line's
         * (each line holds a region's every year), so the columns they
         * came from are named, as the rules spell them with the year:
         * each pattern's that the header has (t's late_lo), else the
         * first's for the years of the rows */
        size_t n = 0, cap = 0;
        uint32_t count_named = 0, named = 0;
        for (uint32_t k = 0; t->late_lo && k < p->ncolumns; k++)
            count_named += t->late_lo[k] && p->columns[k].per_year;
        char *from = NULL;
        for (uint32_t k = 0; t->late_lo && k < p->ncolumns; k++)
            if (t->late_lo[k] && p->columns[k].per_year) {
                char *one = after_horizon_columns(L->opts.lang, &p->columns[k], t->late_lo[k], t->late_hi[k]);
                /* "A, B and C" */
                const char *sep = named == 0 ? ""
                                  : msgcat_get(L->opts.lang, named + 1 == count_named ? " and " : ", ");
                size_t len = strlen(sep) + strlen(one);
                if (n + len + 1 > cap) {
                    cap = 2 * (n + len + 1);
                    from = rt_xrealloc(from, cap, 1);
                }
                snprintf(from + n, cap - n, "%s%s", sep, one);
                n += len;
                named++;
                free(one);
            }
        if (!from)
            from = after_horizon_columns(L->opts.lang, wide, lo, hi);
        if (count == 1)
            warn_message(L->err, WARN_AFTER_HORIZON,
                         msgcat_get(L->opts.lang, "%s:%u: warning: a row of %s, from the header's %s, after the "
                                                  "plan's horizon %d: the plan sets no goals for it, and its "
                                                  "targets are judged on the goals of their last deadlines as if "
                                                  "those held on\n"),
                         name, t->line[first], years, from, p->horizon);
        else
            warn_message(L->err, WARN_AFTER_HORIZON,
                         msgcat_get(L->opts.lang, "%s:%u: warning: %zu rows of %s, from the header's %s, after the "
                                                  "plan's horizon %d (the first on this line): the plan sets no "
                                                  "goals for them, and their targets are judged on the goals of "
                                                  "their last deadlines as if those held on\n"),
                         name, t->line[first], count, years, from, p->horizon);
        free(from);
    } else if (count == 1)
        warn_message(L->err, WARN_AFTER_HORIZON,
                     msgcat_get(L->opts.lang, "%s:%u: warning: a row of %s, after the plan's horizon %d: the plan "
                                              "sets no goals for it, and its targets are judged on the goals of "
                                              "their last deadlines as if those held on\n"),
                     name, t->line[first], years, p->horizon);
    else
        warn_message(L->err, WARN_AFTER_HORIZON,
                     msgcat_get(L->opts.lang, "%s:%u: warning: %zu rows of %s, after the plan's horizon %d (the "
                                              "first here): the plan sets no goals for them, and their targets are "
                                              "judged on the goals of their last deadlines as if those held on\n"),
                     name, t->line[first], count, years, p->horizon);
}

/* qsort's order of doubles, ascending. */
static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of v[0..n) (n > 0; v is sorted in place). */
static double median_of(double *v, size_t n)
{
    qsort(v, n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* v (> 0) rounded to four significant digits, for a message. */
static double four_digits(double v)
{
    double unit = pow(10, floor(log10(v)) - 3);
    return round(v / unit) * unit;
}

/* The powers of ten a region's numbers are off by when its office wrote
 * them in another unit than the others': a share as a fraction (100, in
 * a % column only),
 * kg for t (1000), 亩 for 万亩 (10000), 万 for 亿 (10000), 元 for 万元
 * (10000).  Not 10^8 (元 for 亿元): a county's 1e-8, a placeholder for
 * nothing, among counties of every size would be taken for one. */
static const int region_scale_logs[] = {2, 3, 4};

/* The band the other regions of a level lie in: the least and greatest
 * (*a, *b) of the middle 80 % of those of the sorted medians v[0..n) within
 * 10 times of the level's median m (a region whose own numbers are off by
 * a unit is no measure of the others': two such cities of six hid each
 * other); false when none is. */
static bool level_band(const double *v, size_t n, double m, double *a, double *b)
{
    size_t lo = 0, hi = n;
    while (lo < n && v[lo] <= m / 10)
        lo++;
    while (hi > lo && v[hi - 1] >= m * 10)
        hi--;
    if (hi == lo)
        return false;
    size_t cut = (hi - lo) / 10;
    *a = v[lo + cut];
    *b = v[hi - 1 - cut];
    return true;
}

/* What part_scale found: the region's cells of some years off from its
 * other years' and its level's by 10^k10 (smaller or larger); first is the
 * row of the first such cell, years their list ("2023", "2022, 2023"). */
typedef struct {
    int k10;
    bool smaller;
    size_t first, count;
    double offmed, okmed;
    char years[64];
} part_off;

/* Whether region g's cells in column k hold years written in another unit
 * than its other years' and its level's: cells of one or more years
 * (the off cells) whose median lies a power of ten 10^k from the median of
 * the region's other cells (within 3.2 times; k of region_scale_logs, 100
 * only for shares written as fractions, every off cell at most 1 in a %
 * column), every one of them 10 times or more from the level's median m
 * on one side and, moved by 10^k, among the other regions' medians
 * (within 3.2 times a..b, level_band's, which lie closer together than
 * 10^(k-1)), while every other positive cell of the region lies there
 * already (a city that sent this year's numbers in 万亩 after years in 亩,
 * or one year's share as 0.85 among 85s; one whose every number is off is
 * warn_region_scale's).  As there, the nearest other region past 3.2 times
 * the off cells' median lies 10^(k-1)/3.2 times away or more.  A region
 * with a cell that is neither (a jump of 35 times in a province's carbon
 * panel) gets nothing: no unit explains it.  Rows are sorted, so the
 * years come in order; sep parts them in out->years. */
static bool part_scale(const rt_table *t, uint32_t k, uint32_t g, double m, double a, double b, const double *others,
                       size_t no, const char *sep, double *buf, part_off *out)
{
    const ir_column *c = &t->p->columns[k];
    bool percent = c->unit && strcmp(c->unit, "%") == 0;
    size_t nok = 0, noff = 0;
    bool smaller = false, all_le1 = true;
    double *ok = buf, *off = buf + (t->first[g + 1] - t->first[g]);
    memset(out, 0, sizeof *out);
    for (size_t r = t->first[g]; r < t->first[g + 1]; r++) {
        double x = t->data[k][r];
        if (!t->line[r] || !isfinite(x) || x <= 0)
            continue;
        if (x >= a / 3.2 && x <= b * 3.2) {
            ok[nok++] = x;
            continue;
        }
        bool sx = x < m;
        if (!(sx ? x <= m / 10 : x >= m * 10) || (noff && sx != smaller))
            return false; /* a cell off by less, or on both sides: no unit explains it */
        smaller = sx;
        all_le1 = all_le1 && x <= 1;
        if (!noff)
            out->first = r;
        off[noff++] = x;
        size_t used = strlen(out->years);
        if (noff <= 6) /* the first six years, then an ellipsis */
            snprintf(out->years + used, sizeof out->years - used, "%s%d", noff > 1 ? sep : "", t->year[r]);
        else if (noff == 7)
            snprintf(out->years + used, sizeof out->years - used, "%s…", sep);
    }
    if (!nok || !noff)
        return false;
    /* the factor: the off cells' median against the region's other cells' */
    double offmed = median_of(off, noff), okmed = median_of(ok, nok);
    double d = fabs(log10(okmed / offmed));
    int k10 = 0;
    for (size_t i = 0; i < sizeof region_scale_logs / sizeof region_scale_logs[0]; i++)
        if (fabs(d - region_scale_logs[i]) <= 0.5)
            k10 = region_scale_logs[i];
    if (!k10 || (k10 == 2 && !(smaller && all_le1 && percent)) || log10(b / a) >= k10 - 1)
        return false;
    for (size_t i = 0; i < noff; i++) {
        double moved = smaller ? off[i] * pow(10, k10) : off[i] / pow(10, k10);
        if (moved < a / 3.2 || moved > b * 3.2)
            return false;
    }
    double gap = INFINITY;
    for (size_t i = 0; i < no; i++) {
        double r = smaller ? others[i] / offmed : offmed / others[i];
        if (r > 3.2 && r < gap)
            gap = r;
    }
    if (gap < pow(10, k10 - 1) / 3.2)
        return false;
    out->k10 = k10;
    out->smaller = smaller;
    out->count = noff;
    out->offmed = offmed;
    out->okmed = okmed;
    return true;
}

/* One region whose every number in a column is off from the rest of its
 * level by a power of ten, 100 or more (a city that wrote its good-air
 * days as fractions, 0.651, where the others wrote 65.1; its farmland in
 * 万亩 where the template asks for 亩): its targets fail or are met on
 * numbers that mean something else, a red line vetoes its grade, and no
 * other check sees it, since the column as a whole looks right.  For each
 * number column and level with at least four regions with positive
 * cells, whose regions mostly agree (at most a third of them 10 times
 * or more from the level's median of the regions' medians: a level of
 * counties of every size says nothing), a region whose median is within
 * a factor of 3.2 of 10^k times (or a 10^k-th of) that median, for k of
 * region_scale_logs (100 only for a % column's cells all at most 1),
 * whose every positive cell lies 10 times or more from it on that side,
 * and whose median moved by 10^k lands among the other regions' (within
 * 3.2 times level_band's a..b, which lie closer together than 10^(k-1)),
 * and the nearest other region's median past 3.2 times its own lies
 * 10^(k-1)/3.2 times away or more, is warned of; then a region with some
 * years off so (part_scale), at the row of the first (the first
 * GAPS_SHOWN of both, then a count), unless a region of the level has a
 * number below zero in the column (changes or balances, whose size near
 * zero says nothing of a unit), with a note on the first.  Rows are
 * sorted. */
static void warn_region_scale(loader *L, rt_table *t)
{
    const ir_program *p = t->p;
    if (!p->nlevels || !t->nrows)
        return;
    double *med = rt_xcalloc(p->nregions + 1, sizeof *med);
    double *lo = rt_xcalloc(p->nregions + 1, sizeof *lo), *hi = rt_xcalloc(p->nregions + 1, sizeof *hi);
    double *vals = rt_xcalloc(t->nrows + p->nregions + 1, sizeof *vals);
    bool *below = rt_xcalloc(p->nlevels, sizeof *below);
    bool *warned = rt_xcalloc(p->nregions + 1, sizeof *warned);
    double *cells = rt_xcalloc(2 * t->nrows + 2, sizeof *cells);
    double *lvl = rt_xcalloc(p->nregions + 1, sizeof *lvl);
    size_t nwarned = 0;
    const char *first_region = NULL, *first_file = L->name;
    char first_factor[32] = "";
    const char *first_note = NULL;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *c = &p->columns[k];
        if (c->type != IR_COL_NUM || c->map || (t->absent && t->absent[k]))
            continue;
        /* each region's median, least and greatest positive cell; the
         * levels with a region below zero in the column */
        memset(below, 0, p->nlevels * sizeof *below);
        memset(warned, 0, p->nregions * sizeof *warned);
        for (uint32_t g = 0; g < p->nregions; g++) {
            size_t n = 0;
            for (size_t r = t->first[g]; r < t->first[g + 1]; r++) {
                double x = t->data[k][r];
                if (t->line[r] && isfinite(x) && x > 0)
                    vals[n++] = x;
                else if (t->line[r] && x < 0 && !p->regions[g].is_group)
                    below[p->regions[g].level] = true;
            }
            med[g] = n && !p->regions[g].is_group ? median_of(vals, n) : NAN;
            lo[g] = n ? vals[0] : NAN;
            hi[g] = n ? vals[n - 1] : NAN;
        }
        for (uint32_t v = 0; v < p->nlevels; v++) {
            /* numbers that go below zero are changes or balances (a
             * city's population growth: -3500, 8, -2100 beside others'
             * 12000): a region near zero is no unit written wrong */
            if (below[v])
                continue;
            size_t n = 0;
            for (uint32_t g = 0; g < p->nregions; g++)
                if (p->regions[g].level == v && !isnan(med[g]))
                    vals[n++] = med[g];
            if (n < 4)
                continue;
            double m = median_of(vals, n);
            size_t far = 0;
            for (size_t i = 0; i < n; i++)
                far += fabs(log10(vals[i] / m)) >= 1;
            if (3 * far > n)
                continue;
            for (uint32_t g = 0; g < p->nregions; g++) {
                if (p->regions[g].level != v || isnan(med[g]))
                    continue;
                double d = log10(med[g] / m);
                int k10 = 0;
                for (size_t i = 0; i < sizeof region_scale_logs / sizeof region_scale_logs[0]; i++)
                    if (fabs(fabs(d) - region_scale_logs[i]) <= 0.5)
                        k10 = region_scale_logs[i];
                bool smaller = d < 0;
                if (!k10 || (smaller ? hi[g] > m / 10 : lo[g] < m * 10))
                    continue;
                /* 100 times: only shares written as fractions, every cell
                 * at most 1 in a % column (a province 50 times another's
                 * R&D spending is no mistake) */
                if (k10 == 2 && !(smaller && hi[g] <= 1 && c->unit && strcmp(c->unit, "%") == 0))
                    continue;
                /* the other regions' middle 80 % lie closer together than
                 * a tenth of the factor, and the region's median times
                 * (or over) the factor lands among them */
                size_t no = 0;
                for (uint32_t h = 0; h < p->nregions; h++)
                    if (h != g && p->regions[h].level == v && !isnan(med[h]))
                        vals[no++] = med[h];
                qsort(vals, no, sizeof *vals, by_value);
                double a, b;
                if (!level_band(vals, no, m, &a, &b))
                    continue;
                double moved = smaller ? med[g] * pow(10, k10) : med[g] / pow(10, k10);
                if (log10(b / a) >= k10 - 1 || moved < a / 3.2 || moved > b * 3.2)
                    continue;
                /* and the nearest other region beyond 3.2 times its own
                 * median (others nearer may share its mistake) lies
                 * 10^(k-1)/3.2 times away or more: a level whose regions
                 * run down (or up) to it by degrees has small (or large)
                 * regions, not a unit written wrong */
                double gap = INFINITY;
                for (size_t i = 0; i < no; i++) {
                    double r = smaller ? vals[i] / med[g] : med[g] / vals[i];
                    if (r > 3.2 && r < gap)
                        gap = r;
                }
                if (gap < pow(10, k10 - 1) / 3.2)
                    continue;
                char factor[32], mine[32], theirs[32];
                snprintf(factor, sizeof factor, "%.0f", pow(10, k10));
                digits_written(four_digits(med[g]), mine, sizeof mine);
                digits_written(four_digits(m), theirs, sizeof theirs);
                const char *name = L->name;
                size_t nfiles = 1;
                char *list = t->file ? region_files(t, g, NULL, &nfiles, &name) : NULL;
                free(list);
                if (nfiles > 1)
                    name = "planc";
                warned[g] = true;
                /* 100 times smaller in a % column, every cell at most 1:
                 * fractions, or a region whose share is that small (a
                 * city with 0.5 % of its land under forest beside others'
                 * 50 %), which the numbers alone do not tell apart; the
                 * warning asks which */
                bool fractions = smaller && k10 == 2;
                if (nwarned++ < GAPS_SHOWN)
                    warn_message(L->err, WARN_REGION_SCALE,
                                 msgcat_get(L->opts.lang,
                                            fractions
                                                ? "%s: warning: column '%s' (indicator %s): %s's numbers are all at "
                                                  "most 1, about %s times smaller than those of the other regions "
                                                  "of its level (its median %s, theirs %s): shares written as "
                                                  "fractions (0.65 for 65%%), or shares that small?\n"
                                            : smaller ? "%s: warning: column '%s' (indicator %s): %s's numbers are about "
                                                      "%s times smaller than those of the other regions of its level "
                                                      "(its median %s, theirs %s): written in another unit?\n"
                                                    : "%s: warning: column '%s' (indicator %s): %s's numbers are about "
                                                      "%s times larger than those of the other regions of its level "
                                                      "(its median %s, theirs %s): written in another unit?\n"),
                                 name, c->name, c->indicator, p->regions[g].name, factor, mine, theirs);
                if (!first_region) {
                    first_region = p->regions[g].name;
                    first_file = name;
                    snprintf(first_factor, sizeof first_factor, "%s", factor);
                    first_note = !smaller ? "%s: note: ask %s's office which unit its numbers are in; if they are "
                                            "in another unit, convert them (divide by %s) or have its file sent "
                                            "again; its targets are judged on them as they are\n"
                                 : fractions
                                     ? "%s: note: ask %s's office whether its numbers are fractions (0.65 for 65%%) "
                                       "or shares that small; if they are fractions, convert them (multiply by %s) "
                                       "or have its file sent again; its targets are judged on them as they are\n"
                                     : "%s: note: ask %s's office which unit its numbers are in; if they are in "
                                       "another unit, convert them (multiply by %s) or have its file sent again; its "
                                       "targets are judged on them as they are\n";
                }
            }
            /* then the regions with some years' numbers in another unit;
             * the level's medians sorted once, each region's others
             * copied from them (a level of 3,000 counties would sort
             * them again for each region with a cell far off) */
            size_t nl = 0;
            for (uint32_t h = 0; h < p->nregions; h++)
                if (p->regions[h].level == v && !isnan(med[h]))
                    lvl[nl++] = med[h];
            qsort(lvl, nl, sizeof *lvl, by_value);
            for (uint32_t g = 0; g < p->nregions; g++) {
                if (p->regions[g].level != v || isnan(med[g]) || warned[g])
                    continue;
                bool far_cell = false; /* a cell 10 times or more from m, before sorting the others */
                for (size_t r = t->first[g]; r < t->first[g + 1] && !far_cell; r++) {
                    double x = t->data[k][r];
                    far_cell = t->line[r] && isfinite(x) && x > 0 && (x <= m / 10 || x >= m * 10);
                }
                if (!far_cell)
                    continue;
                size_t no = 0;
                bool skipped = false; /* g's own median, once */
                for (size_t i = 0; i < nl; i++) {
                    if (!skipped && lvl[i] == med[g])
                        skipped = true;
                    else
                        vals[no++] = lvl[i];
                }
                part_off po;
                double a, b;
                if (!level_band(vals, no, m, &a, &b) || !part_scale(t, k, g, m, a, b, vals, no,
                                msgcat_get(L->opts.lang, ", "), cells, &po))
                    continue;
                char factor[32], offs[32], oks[32], theirs[32];
                snprintf(factor, sizeof factor, "%.0f", pow(10, po.k10));
                digits_written(four_digits(po.offmed), offs, sizeof offs);
                digits_written(four_digits(po.okmed), oks, sizeof oks);
                digits_written(four_digits(m), theirs, sizeof theirs);
                const char *name = t->file ? t->paths[t->file[po.first]] : L->name;
                if (nwarned++ < GAPS_SHOWN) {
                    const char *fmt;
                    if (po.count == 1)
                        fmt = po.smaller ? "%s:%u: warning: column '%s' (indicator %s): %s's number of %s, %s, is "
                                           "about %s times smaller than those of its other years (median %s) and "
                                           "of the other regions of its level (%s): written in another unit?\n"
                                         : "%s:%u: warning: column '%s' (indicator %s): %s's number of %s, %s, is "
                                           "about %s times larger than those of its other years (median %s) and "
                                           "of the other regions of its level (%s): written in another unit?\n";
                    else
                        fmt = po.smaller ? "%s:%u: warning: column '%s' (indicator %s): %s's numbers of %s (median "
                                           "%s) are about %s times smaller than those of its other years (median "
                                           "%s) and of the other regions of its level (%s): written in another "
                                           "unit?\n"
                                         : "%s:%u: warning: column '%s' (indicator %s): %s's numbers of %s (median "
                                           "%s) are about %s times larger than those of its other years (median "
                                           "%s) and of the other regions of its level (%s): written in another "
                                           "unit?\n";
                    warn_message(L->err, WARN_REGION_SCALE, msgcat_get(L->opts.lang, fmt), name,
                                 t->line[po.first], c->name, c->indicator, p->regions[g].name, po.years, offs,
                                 factor, oks, theirs);
                }
                if (!first_region) {
                    first_region = p->regions[g].name;
                    first_file = name;
                    snprintf(first_factor, sizeof first_factor, "%s", factor);
                    first_note = !po.smaller ? "%s: note: ask %s's office which unit its numbers are in; if they "
                                               "are in another unit, convert them (divide by %s) or have its file "
                                               "sent again; its targets are judged on them as they are\n"
                                 : po.k10 == 2 ? "%s: note: ask %s's office which unit its numbers are in (shares "
                                                 "written as fractions, 0.65 for 65%%?); if they are in another "
                                                 "unit, convert them (multiply by %s) or have its file sent again; "
                                                 "its targets are judged on them as they are\n"
                                               : "%s: note: ask %s's office which unit its numbers are in; if they "
                                                 "are in another unit, convert them (multiply by %s) or have its "
                                                 "file sent again; its targets are judged on them as they are\n";
                }
            }
        }
    }
    if (nwarned > GAPS_SHOWN)
        warn_message(L->err, WARN_REGION_SCALE,
                     msgcat_get(L->opts.lang, nwarned == GAPS_SHOWN + 1
                                    ? "%s: warning: %zu more column of a region looks written in another unit\n"
                                    : "%s: warning: %zu more columns of regions look written in another unit\n"),
                     t->file ? "planc" : L->name, nwarned - GAPS_SHOWN);
    if (first_region)
        csv_message(L->err, msgcat_get(L->opts.lang, first_note), first_file, first_region, first_factor);
    free(lvl);
    free(cells);
    free(warned);
    free(below);
    free(vals);
    free(lo);
    free(hi);
    free(med);
}

/* For each region (groups left out) whether the data holds a row of its
 * own, not only rows planc added for a parent, and for each level how many
 * regions it has (`all`) and how many of them have such rows (`with`, may
 * be NULL): what the two warnings of absent regions below judge by. */
static void own_rows(const rt_table *t, bool *own, size_t *all, size_t *with)
{
    const ir_program *p = t->p;
    for (uint32_t g = 0; g < p->nregions; g++) {
        if (p->regions[g].is_group)
            continue;
        for (size_t r = t->first[g]; r < t->first[g + 1] && !own[g]; r++)
            own[g] = t->line[r] != 0; /* not a row planc added for a parent */
        all[p->regions[g].level]++;
        if (with)
            with[p->regions[g].level] += own[g];
    }
}

/* A region of the rules without a row in the data, where most regions of
 * its level have rows (a bureau's table that lacks one city, a national
 * file without a province's smaller cities): it has no results at all,
 * the ranking and the shares and averages over its level leave it out,
 * and the totals that count it are missing; nothing else says so.  A
 * level the data does not cover (a province's rules over its cities'
 * file) and a regional group are no such case.  Warns of the first
 * GAPS_SHOWN, then a count, and a note on the first.  Rows are sorted. */
static void warn_absent_regions(loader *L, rt_table *t)
{
    const ir_program *p = t->p;
    if (!p->nlevels || !t->nrows)
        return;
    size_t *with = rt_xcalloc(p->nlevels, sizeof *with), *all = rt_xcalloc(p->nlevels, sizeof *all);
    bool *any = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *any);
    own_rows(t, any, all, with);
    /* of several files, per level those that hold rows of its regions:
     * a region's rows are lacking from them */
    bool *level_in = NULL;
    size_t nf = t->file ? t->npaths : 0;
    if (nf) {
        level_in = rt_xcalloc(p->nlevels * nf, sizeof *level_in);
        for (uint32_t g = 0; g < p->nregions; g++)
            for (size_t i = 0; !p->regions[g].is_group && i < nf; i++)
                level_in[p->regions[g].level * nf + i] |= t->file_region[i * p->nregions + g];
    }
    bool *more_in = nf ? rt_xcalloc(nf, sizeof *more_in) : NULL; /* the levels' past GAPS_SHOWN */
    size_t n = 0;
    const char *first = NULL, *first_at = L->name;
    for (uint32_t g = 0; g < p->nregions; g++) {
        uint32_t v = p->regions[g].level;
        if (p->regions[g].is_group || any[g] || 2 * with[v] <= all[v])
            continue;
        /* named by the file that holds its level's rows; when several
         * do, by none: the files are in the text */
        size_t nfiles = 1;
        const char *at = L->name;
        char *list = nf ? files_list(t, level_in + v * nf, &nfiles, &at) : NULL;
        if (n++ < GAPS_SHOWN) {
            if (nfiles > 1)
                warn_message(L->err, WARN_MISSING_REGION, msgcat_get(L->opts.lang, "planc: warning: %s has no row in any of the files "
                                                             "(%s), though most regions of its level have: it "
                                                             "has no results, the ranking and the shares and "
                                                             "averages over its level leave it out, and the "
                                                             "totals that count it are missing\n"),
                            p->regions[g].name, list);
            else
                warn_message(L->err, WARN_MISSING_REGION, T(L, LBL_L_NO_ROW_REGION), at, p->regions[g].name);
        } else
            for (size_t i = 0; i < nf; i++)
                more_in[i] |= level_in[v * nf + i];
        if (!first) {
            first = p->regions[g].name;
            first_at = nfiles > 1 ? NULL : at;
        }
        free(list);
    }
    if (n > GAPS_SHOWN) {
        size_t nfiles = 1;
        const char *at = L->name;
        char *list = nf ? files_list(t, more_in, &nfiles, &at) : NULL;
        if (nfiles > 1)
            warn_message(L->err, WARN_MISSING_REGION, msgcat_get(L->opts.lang, n == GAPS_SHOWN + 1
                            ? "planc: warning: %zu more region has no row in any of the files (%s), though most "
                              "regions of its level have\n"
                            : "planc: warning: %zu more regions have no row in any of the files (%s), though "
                              "most regions of their level have\n"),
                        n - GAPS_SHOWN, list);
        else
            warn_message(L->err, WARN_MISSING_REGION, T(L, n == GAPS_SHOWN + 1 ? LBL_L_NO_ROW_MORE_ONE : LBL_L_NO_ROW_MORE), at,
                        n - GAPS_SHOWN);
        free(list);
    }
    if (first) {
        csv_message(L->err, "%s: ", first_at ? first_at : "planc");
        csv_message(L->err, T(L, LBL_L_NO_ROW_NOTE), first, first);
    }
    free(level_in);
    free(more_in);
    free(with);
    free(all);
    free(any);
}

/* The only region of its level (a province's plan over its cities' file:
 * the province) without a row of its own, while targets that read a
 * region's own data apply to it and are judged on other regions' rows:
 * warn_absent_regions does not see it (its level has no other region),
 * unjudged-target does not (the targets are judged on the cities), and
 * its results are silently absent (or, on the rows planc added for a
 * share, not_applicable).  A regional group alone at its level (an area
 * of cities an adaptation adds) is such a region too, its members standing
 * for the regions below it.  Warned under --skip-unknown-regions as well:
 * a national table of counties or cities read for a province's plan holds
 * no row of the province, whose results are then absent all the same.
 * Not warned: a region none of whose regions just below (or members) has
 * a row (the data is of a lower level: a continent over its cities), one the data
 * covers less than half of (its own rows or those below them, in fewer
 * than half of the regions just below: a national plan over one
 * province's file), a region no such
 * target applies to (targets all `for city`), and one with added rows
 * under an assessment (ungraded-region says so).  One warning a region,
 * with what to do. */
static void warn_absent_sole_region(loader *L, rt_table *t)
{
    const ir_program *p = t->p;
    if (!p->nlevels || !t->nrows)
        return;
    size_t *all = rt_xcalloc(p->nlevels, sizeof *all);
    bool *own = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *own);
    own_rows(t, own, all, NULL);
    /* the groups, which own_rows leaves out: one alone at its level is
     * judged as a province is, by its members */
    for (uint32_t g = 0; g < p->nregions; g++) {
        if (!p->regions[g].is_group)
            continue;
        for (size_t r = t->first[g]; r < t->first[g + 1] && !own[g]; r++)
            own[g] = t->line[r] != 0;
        all[p->regions[g].level]++;
    }
    /* the regions with rows of their own or of a region below them */
    bool *held = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *held);
    for (uint32_t g = 0; g < p->nregions; g++)
        for (int32_t h = (int32_t)g; own[g] && h >= 0 && !held[h]; h = p->regions[h].parent)
            held[h] = true;
    const char *at = t->file ? "planc" : L->name;
    for (uint32_t g = 0; g < p->nregions; g++) {
        uint32_t v = p->regions[g].level;
        bool added = t->first[g + 1] > t->first[g];
        if (own[g] || all[v] != 1 || (added && p->has_assessment))
            continue;
        /* the data holds the level just below it (its cities' rows):
         * one whose regions below have no row either is a grouping above
         * the data's level (a continent over a file of cities); and it
         * covers half of the regions there or more, each by its own
         * rows or those of regions below it: one with fewer is a part
         * of it (a national plan over one province's file, which is no
         * file of the country) */
        bool below = false;
        size_t covered = 0, under = 0;
        /* the level of those with rows, for the hint: the level just
         * below its own, unless they are all of one other (a province's
         * counties declared right under it, no city between) */
        uint32_t hint_level = v + 1 < p->nlevels ? v + 1 : v, seen = UINT32_MAX;
        for (uint32_t h = 0; h < p->nregions + p->regions[g].nmembers; h++) {
            /* its children, then a group's members */
            uint32_t k = h < p->nregions ? h : p->regions[g].members[h - p->nregions];
            if (h < p->nregions && (p->regions[k].parent != (int32_t)g || p->regions[k].is_group))
                continue;
            below = below || own[k];
            under++;
            covered += held[k];
            if (own[k])
                seen = seen == UINT32_MAX || seen == p->regions[k].level ? p->regions[k].level : UINT32_MAX - 1;
        }
        if (!below || 2 * covered < under)
            continue;
        if (seen < UINT32_MAX - 1)
            hint_level = seen;
        /* the targets on it that read its own data and are judged on
         * another region's rows */
        uint32_t n = 0;
        const char *first = NULL;
        for (uint32_t i = 0; i < p->ntargets; i++) {
            const ir_target *tg = &p->targets[i];
            if (!ir_target_in_scope(tg, g) || !ir_target_reads_own(p, i, NULL))
                continue;
            bool elsewhere = false;
            for (uint32_t h = 0; h < p->nregions && !elsewhere; h++)
                elsewhere = h != g && own[h] && ir_target_in_scope(tg, h);
            if (!elsewhere)
                continue;
            if (!first)
                first = tg->name;
            n++;
        }
        if (!n)
            continue;
        const char *fmt;
        if (n == 2)
            fmt = added ? "%s: warning: %s, the only region of level %s, has no row of its own in the data: '%s' "
                          "and one other target that reads its own data are not_applicable on each of the rows planc added for it\n"
                        : "%s: warning: %s, the only region of level %s, has no row in the data: '%s' and one "
                          "other target that reads its own data have no results for it\n";
        else if (added)
            fmt = n == 1 ? "%s: warning: %s, the only region of level %s, has no row of its own in the data: "
                           "the target '%s', which reads its own data, is not_applicable on each of the rows planc added for it\n"
                         : "%s: warning: %s, the only region of level %s, has no row of its own in the data: "
                           "'%s' and the %u other targets that read its own data are not_applicable on each of the rows planc added for it\n";
        else
            fmt = n == 1 ? "%s: warning: %s, the only region of level %s, has no row in the data: the target "
                           "'%s', which reads its own data, has no results for it\n"
                         : "%s: warning: %s, the only region of level %s, has no row in the data: '%s' and the "
                           "%u other targets that read its own data have no results for it\n";
        if (n <= 2)
            warn_message(L->err, WARN_MISSING_SOLE_REGION, msgcat_get(L->opts.lang, fmt), at, p->regions[g].name,
                         p->levels[v], first);
        else
            warn_message(L->err, WARN_MISSING_SOLE_REGION, msgcat_get(L->opts.lang, fmt), at, p->regions[g].name,
                         p->levels[v], first, n - 1);
        const char *name = p->regions[g].name;
        if (hint_level != v)
            csv_message(L->err,
                        msgcat_get(L->opts.lang, "  hint: add %s's own rows to the data; or judge it from the "
                                                 "regions below it ('total(%s, X)', 'share(%s, ...)'); or scope the "
                                                 "targets meant for them 'for %s'\n"),
                        name, p->levels[hint_level], p->levels[hint_level], p->levels[hint_level]);
        else
            csv_message(L->err, msgcat_get(L->opts.lang, "  hint: add %s's own rows to the data\n"), name);
    }
    free(all);
    free(own);
    free(held);
}

/* Records in t, for each column per year, the first and last year
 * after the plan's horizon that the header of L's file has a column of
 * (t's late_lo, late_hi), before the header's fields are let go. */
static void late_years(const loader *L, rt_table *t)
{
    const ir_program *p = L->p;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const long *f = L->year_field_of ? L->year_field_of[k] : NULL;
        for (size_t j = 0; f && j < L->nyears; j++) {
            int y = L->years[j];
            if (f[j] < 0 || y <= p->horizon)
                continue;
            if (!t->late_lo) {
                t->late_lo = rt_xcalloc(p->ncolumns, sizeof *t->late_lo);
                t->late_hi = rt_xcalloc(p->ncolumns, sizeof *t->late_hi);
            }
            if (!t->late_lo[k] || y < t->late_lo[k])
                t->late_lo[k] = y;
            if (y > t->late_hi[k])
                t->late_hi[k] = y;
        }
    }
}

/* Reads the table from `src` (see rt_table_load).  The data errors are
 * collected in memory while the input is read and printed at the end: bad
 * text (a NUL byte or invalid UTF-8, found as the blocks come) or a read
 * error is then reported alone, as if it had been found before all else. */
static rt_table *load(const ir_program *p, const char *name, source *src,
                      const rt_load_options *opts, FILE *err, bool part)
{
    rt_table *t = rt_xcalloc(1, sizeof *t);
    t->p = p;
    t->path = rt_xstrdup(name);
    t->data = rt_xcalloc(p->ncolumns, sizeof *t->data);
    t->aggn = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *t->aggn);
    t->absent = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *t->absent);
    t->aggs = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *t->aggs);
    bool combine = false;
    for (uint32_t k = 0; k < p->ncolumns; k++)
        if (p->columns[k].agg != IR_AGG_NONE) {
            t->aggn[k] = rt_xmalloc(1, sizeof *t->aggn[k]); /* grown with the rows */
            if (p->columns[k].agg == IR_AGG_MEAN)
                t->aggs[k] = rt_xmalloc(1, sizeof *t->aggs[k]);
            combine = true;
        }
    if (combine)
        t->nrec = rt_xmalloc(1, sizeof *t->nrec);
    if (opts && opts->keep_texts) {
        t->texts = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *t->texts);
        for (uint32_t k = 0; k < p->ncolumns; k++)
            if (p->columns[k].map && p->columns[k].agg == IR_AGG_NONE)
                t->texts[k] = rt_xmalloc(1, sizeof *t->texts[k]); /* grown with the rows */
    }
    t->maxyear = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *t->maxyear);
    grow_rows(t);

    char *msgs = NULL;
    size_t msglen = 0;
    FILE *mem = open_memstream(&msgs, &msglen);
    loader L = {.t = t, .p = p, .sole_region = -1, .name = name, .err = mem ? mem : err,
                .region_field = -1, .year_field = -1};
    if (opts)
        L.opts = *opts;
    L.combine = combine;
    L.workbook = src->rows;
    for (size_t j = 0; j < L.opts.nna; j++) {
        double v;
        int r = parse_numeral(L.opts.na[j], strlen(L.opts.na[j]), &v);
        if (r != -1) {
            if (!L.na_number) {
                L.na_number = rt_xcalloc(L.opts.nna, sizeof *L.na_number);
                L.na_value = rt_xcalloc(L.opts.nna, sizeof *L.na_value);
            }
            L.na_number[j] = L.any_na_number = true;
            L.na_value[j] = r == 0 ? v : NAN; /* out of range: its text alone */
        }
    }
    L.column_field = rt_xmalloc(p->ncolumns, sizeof *L.column_field);
    L.year_field_of = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.year_field_of);
    L.plain = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.plain);
    L.same_as = rt_xmalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.same_as);
    L.cell_ok = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.cell_ok);
    L.cell_text = rt_xmalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.cell_text);
    for (uint32_t k = 0; k < p->ncolumns; k++)
        L.cell_text[k] = -1;
    L.percent = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.percent);
    L.map_noted = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.map_noted);
    L.suffix_noted = rt_xcalloc(p->ncolumns ? p->ncolumns : 1, sizeof *L.suffix_noted);
    for (uint32_t k = 0; k < p->ncolumns; k++)
        /* count and share read the cells as written: a % after them is allowed */
        L.percent[k] = (p->columns[k].unit && strcmp(p->columns[k].unit, "%") == 0) ||
                       p->columns[k].agg == IR_AGG_SHARE || p->columns[k].agg == IR_AGG_COUNT;
    build_names(&L);
    L.src = src;
    if (src->conv && L.opts.skip_unknown_regions)
        garble_names(&L);

    csv_reader csv;
    csv_init_window(&csv, src->buf, src->len, src->final);
    csv.rows = src->rows;
    if (read_header(&L, src, &csv)) {
        if (L.opts.header_read)
            *L.opts.header_read = true;
        csv_record rec;
        csv_status st;
        size_t counted = 0;
        rounds_end how = ROUNDS_REST;
        if (L.opts.threads > 1 && !L.nyears && !L.opts.keep_texts) {
            load_pool *pl = pool_open(&L, L.opts.threads);
            how = read_rounds(&L, src, &csv, pl);
            pool_close(pl);
        }
        while (how == ROUNDS_REST && !L.stopped && (st = next_record(src, &csv, &rec, false)) != CSV_EOF) {
            if (st == CSV_UNTERMINATED || st == CSV_TOO_LONG) {
                quote_error(&L, &rec, st, false);
                break;
            }
            read_row(&L, &csv, &rec);
            if (++counted == PROGRESS_BATCH) {
                progress_count_read(counted);
                counted = 0;
            }
        }
        progress_count_read(counted);
        if (L.nnotes > MAX_NOTES || !L.any_row)
            report_notes(&L);
        if (!L.stopped && !source_failed(src)) {
            finish(&L);
            check_scaled(&L);
        }
    }
    csv_dispose(&csv);
    csv_dispose(&L.slow);
    source_drain(src);
    if (src->digest && !source_failed(src))
        sha256_hex(src->digest, t->sha256); /* every byte was read */

    /* What to print: the error that stops all, or the data errors. */
    if (mem)
        fclose(mem);
    L.err = err;
    if (source_failed(src)) {
        L.nerrors = 0;
        L.stopped = false;
        if (src->read_errno)
            csv_message(err, "planc: error: cannot read '%s': %s\n", name, msgcat_strerror(msgcat_lang(), src->read_errno));
        else {
            /* where: the column, or the header's field */
            char where[160] = "";
            long f = src->bad_field;
            lbl_lang lang = L.opts.lang;
            if (f >= 0 && src->bad_in_header)
                snprintf(where, sizeof where, msgcat_get(lang, "header field %ld: "), f + 1);
            else if (f >= 0 && (size_t)f < L.nheader)
                snprintf(where, sizeof where, msgcat_get(lang, "column '%s': "),
                         shown(&L, L.header[f], strlen(L.header[f])));
            else if (f >= 0)
                snprintf(where, sizeof where, msgcat_get(lang, "field %ld: "), f + 1);
            if (src->bad_nul && src->conv)
                /* converted from the file's encoding: a NUL character
                 * there, which no text holds */
                data_error(&L, src->bad_line, msgcat_get(lang, "%sNUL character in the data (--encoding %s): "
                                                               "the file must be text"),
                           where, L.opts.encoding);
            else if (src->bad_nul)
                data_error(&L, src->bad_line, msgcat_get(lang, "%sNUL byte in the data (the file must be UTF-8 text)"),
                           where);
            else if (src->conv && tc_bad_cut(src->conv))
                /* the file ends inside a character of its encoding */
                data_error(&L, src->bad_line, msgcat_get(lang, "%sthe file ends inside a %s character (byte "
                                                               "0x%02X, --encoding %s): is it cut short, or in "
                                                               "another encoding?"),
                           where, L.opts.encoding, tc_bad_byte(src->conv), L.opts.encoding);
            else if (src->conv && tc_had_bad(src->conv)) {
                /* a byte the file's encoding (--encoding) has no character for */
                data_error(&L, src->bad_line, msgcat_get(lang, "%sbyte 0x%02X is no %s text (--encoding %s); "
                                                               "is the file in another encoding?"),
                           where, tc_bad_byte(src->conv), L.opts.encoding, L.opts.encoding);
                /* UTF-16 or UTF-32 without its byte order, failing on the
                 * first line: most likely a file of the other order than
                 * the C library took (a big-endian UTF-16 without a byte
                 * order mark, which glibc reads little-endian), where no
                 * line break or comma is one */
                const char *unordered = tc_unordered_unicode(L.opts.encoding);
                if (unordered && src->bad_line == 1)
                    csv_message(err, msgcat_get(lang, "%s:%u: note: --encoding %s names no byte order, and a file "
                                                      "without a byte order mark is then read in the one the "
                                                      "system chooses: name it, --encoding %sBE (big-endian) or "
                                                      "--encoding %sLE (little-endian)\n"),
                                name, src->bad_line, L.opts.encoding, unordered, unordered);
            }
            else if (src->kept_utf8 && src->first_wide && src->first_wide < src->bad_line) {
                /* --encoding named, and the file's first text beyond
                 * ASCII was UTF-8, so it is read as UTF-8: a file of two
                 * encodings (two cities' files joined, one saved as
                 * UTF-8), which the GBK note's --encoding would not mend */
                data_error(&L, src->bad_line, msgcat_get(lang, "%sinvalid UTF-8 (byte 0x%02X): the file is read as "
                                                               "UTF-8, not %s, since its first text beyond ASCII "
                                                               "(line %u) is UTF-8"),
                           where, src->bad_byte, L.opts.encoding, src->first_wide);
                csv_message(err, msgcat_get(lang, "%s:%u: note: the file holds text in two encodings (files joined, "
                                                  "saved as UTF-8 and as %s?): convert each part to UTF-8 before "
                                                  "joining them (iconv -f %s -t UTF-8)\n"),
                            name, src->bad_line, L.opts.encoding, L.opts.encoding);
            } else {
                data_error(&L, src->bad_line, msgcat_get(lang, "%sinvalid UTF-8 (byte 0x%02X); the data must be UTF-8"),
                           where, src->bad_byte);
                encoding_note(err, lang, name, src, L.opts.provider || L.opts.test_rows);
            }
        }
        L.nerrors = 1;
    } else {
        if (mem)
            fwrite(msgs, 1, msglen, err);
        /* rows of regions unlike any declared one: most likely a file that
         * covers more than the plan (docs/LANGUAGE.md §10) */
        if (L.first_unknown && L.nerrors && !L.opts.test_rows) {
            if (!encoding_region_note(&L, src, err))
                unknown_note(&L, err);
        }
        /* a marker of missing values, as yearbooks write '-' or '—' */
        if (L.nmarkers && L.nerrors && !L.opts.test_rows)
            marker_note(&L, err);
    }
    /* rows of regions the rules dropped: the data may be the base's own */
    if (L.dropped_noted && L.nerrors && !L.opts.test_rows) {
        note_at(&L, err, 0);
        csv_message(err, "%s", T(&L, LBL_L_DROPPED_NOTE));
    }
    free(L.first_unknown);
    free(L.unknown_years);
    for (size_t i = 0; i < L.nmarkers; i++) {
        free(L.markers[i]);
        free(L.marker_cols[i]);
    }
    free(msgs);
    if (L.skipped && !L.nerrors)
        warn_message(err, WARN_SKIPPED_REGIONS, T(&L, L.skipped == 1 ? LBL_L_SKIPPED_ONE : LBL_L_SKIPPED), name, L.skipped,
                    L.first_skipped, shown(&L, L.first_region, strlen(L.first_region)));
    if (L.skipped_dropped && !L.nerrors) {
        note_at(&L, err, 0);
        csv_message(err, T(&L, L.skipped_dropped == 1 ? LBL_L_SKIPPED_DROPPED_ONE : LBL_L_SKIPPED_DROPPED),
                    L.skipped_dropped, shown(&L, L.first_dropped, strlen(L.first_dropped)),
                    L.first_dropped_at);
    }
    free(L.first_region);
    free(L.first_dropped);
    if (L.na_count && !L.nerrors && !L.opts.test_rows)
        na_number_note(&L, err);
    free(L.na_number);
    free(L.na_value);
    free(L.na_count);
    free(L.na_line);
    if (L.nnotes && !L.nerrors) {
        /* the first note's text, up to a line end or SHOWN_BYTES (shown()) */
        size_t n = strcspn(L.first_note, "\r\n");
        warn_message(err, WARN_TRAILING_NOTES, T(&L, L.nnotes == 1 ? LBL_L_NOTES_SKIPPED_ONE : LBL_L_NOTES_SKIPPED), name, L.nnotes,
                L.note_line[0], shown(&L, L.first_note, n),
                L.first_note[n] && n <= SHOWN_BYTES ? "..." : "");
    }
    free(L.first_note);
    if (t)
        late_years(&L, t);

    for (size_t i = 0; i < L.nheader; i++)
        free(L.header[i]);
    free(L.header);
    free(L.by_name);
    if (t && part && L.workbook && !combine) {
        /* kept, to name the cells of a row (cell_field) */
        t->cell_field = L.column_field;
        t->cell_year_field = L.year_field_of;
        t->cell_year_index = L.year_index;
        L.column_field = NULL;
        L.year_field_of = NULL;
        L.year_index = NULL;
    }
    free(L.column_field);
    for (uint32_t k = 0; L.year_field_of && k < p->ncolumns; k++)
        free(L.year_field_of[k]);
    free(L.year_field_of);
    free(L.plain);
    free(L.same_as);
    free(L.cell_ok);
    free(L.cell_text);
    free(L.warned);
    free(L.years);
    free(L.year_index);
    free(L.percent);
    free(L.map_noted);
    free(L.suffix_noted);
    free(L.names);
    free(L.sorted);
    for (size_t i = 0; i < L.ngarbled; i++)
        free(L.garbled[i]);
    free(L.garbled);
    free(L.sorted_region);
    if (L.nerrors) {
        rt_table_free(t);
        return NULL;
    }
    /* one of several files: rt_table_load_many finishes the whole */
    if (part)
        return t;
    if (has_share(p))
        add_ancestor_rows(t);
    sort_rows(t);
    mark_absent_needed(t);
    if (L.opts.warn_year_gaps) {
        warn_absent_regions(&L, t);
        warn_absent_sole_region(&L, t);
        warn_year_gaps(&L, t);
        warn_last_year(&L, t);
        warn_after_horizon(&L, t);
        warn_region_scale(&L, t);
    }
    share_inputs(t);
    return t;
}

rt_table *rt_table_parse(const ir_program *p, const char *name, const char *buf, size_t len,
                         const rt_load_options *opts, FILE *err)
{
    if (!program_ok(p, err))
        return NULL;
    source src;
    sha256_ctx digest;
    sha256_init(&digest);
    source_memory(&src, buf, len, opts && opts->digest ? &digest : NULL);
    return load(p, name, &src, opts, err, false);
}

/* Whether header field f[0..n) names a column program p reads: the region
 * or year column, a data column ("C{year}" one of a year). */
static bool names_read_column(const ir_program *p, const char *f, size_t n)
{
    if ((strlen(p->region_key) == n && memcmp(f, p->region_key, n) == 0) ||
        (strlen(p->year_key) == n && memcmp(f, p->year_key, n) == 0))
        return true;
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const char *name = p->columns[k].name, *y = strstr(name, "{year}");
        size_t len = strlen(name);
        if (!y) {
            if (len == n && memcmp(f, name, n) == 0)
                return true;
            continue;
        }
        size_t a = (size_t)(y - name), b = len - a - 6; /* before and after {year} */
        if (n != a + 4 + b || memcmp(f, name, a) != 0 || memcmp(f + a + 4, y + 6, b) != 0)
            continue;
        bool digits = true;
        for (size_t i = a; i < a + 4; i++)
            digits = digits && f[i] >= '0' && f[i] <= '9';
        if (digits)
            return true;
    }
    return false;
}

/* Keeps of the sheet's dates (xlsxr_date_notes' notes) those in columns
 * program p reads, by the field above each in the sheet's first line (the
 * header): a date in a column the rules do not read (the day the file was
 * filled in) has nothing to do with an error, and the note's advice
 * would be wrong of it. */
static void keep_read_dates(const ir_program *p, xlsxr_sheet *sh)
{
    const char *line = sh->csv, *nl = memchr(line, '\n', sh->len);
    size_t len = nl ? (size_t)(nl - line) : sh->len;
    char *field = rt_xmalloc(len + 1, 1);
    size_t kept = 0;
    for (size_t i = 0; i < sh->ndates; i++) {
        /* field dates[i].col of the line, quoted as xlsx_read writes it */
        size_t at = 0, n = 0;
        bool found = false;
        for (unsigned long col = 1; at <= len && !found; col++) {
            n = 0;
            if (at < len && line[at] == '"') {
                for (at++; at < len && !(line[at] == '"' && (at + 1 >= len || line[at + 1] != '"')); at++) {
                    at += line[at] == '"';
                    field[n++] = line[at];
                }
                at++;
            } else
                while (at < len && line[at] != ',')
                    field[n++] = line[at++];
            found = col == sh->dates[i].col;
            at++; /* past the comma */
        }
        if (found && names_read_column(p, field, n))
            sh->dates[kept++] = sh->dates[i];
    }
    free(field);
    sh->ndates = kept;
}

/* Reads sheet `sheet` (NULL: the first) of the workbook open as fd (file
 * `path`, st its status) as its CSV text (xlsx_read.h): the table named
 * "FILE#SHEET", whose hash is the workbook's bytes'.  The sheet's text is
 * read on one thread (its lines are rows, not the text's line breaks). */
static rt_table *load_workbook(const ir_program *p, const char *path, const char *sheet, int fd,
                               const struct stat *st, const rt_load_options *opts, FILE *err, bool part)
{
    lbl_lang lang = opts ? opts->lang : LBL_EN;
    if ((size_t)st->st_size > XLSXR_FILE_MAX) {
        csv_message(err, msgcat_get(lang, "%s: error: the workbook is larger than %zu MiB, the most planc reads "
                                          "of one; save its data as CSV UTF-8\n"),
                    path, XLSXR_FILE_MAX >> 20);
        return NULL;
    }
    size_t len = (size_t)st->st_size, got = 0;
    char *buf = rt_xmalloc(len ? len : 1, 1);
    while (got < len) {
        ssize_t n = pread(fd, buf + got, len - got, (off_t)got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            csv_message(err, "planc: error: cannot read '%s': %s\n", path,
                        msgcat_strerror(msgcat_lang(), n < 0 ? errno : EIO));
            free(buf);
            return NULL;
        }
        got += (size_t)n;
    }
    xlsxr_sheet sh;
    bool ok = xlsxr_read(buf, len, path, sheet, lang, &sh, err);
    char hex[65] = "";
    if (ok && opts && opts->digest) {
        sha256_ctx digest;
        sha256_init(&digest);
        sha256_update(&digest, buf, len);
        sha256_hex(&digest, hex);
    }
    free(buf);
    if (!ok)
        return NULL;
    rt_load_options o = {0};
    if (opts)
        o = *opts;
    o.threads = 1;
    o.digest = false;
    source src;
    source_memory(&src, sh.csv, sh.len, NULL);
    src.rows = true;
    rt_table *t = load(p, sh.name, &src, &o, err, part);
    if (t)
        memcpy(t->sha256, hex, sizeof hex);
    else {
        keep_read_dates(p, &sh);
        xlsxr_date_notes(&sh, lang, err);
    }
    xlsxr_free(&sh);
    return t;
}

/* Whether the file open as fd (file `path`, given as `arg`, `sheet` named
 * after a '#' or NULL) is a workbook: its first bytes are a zip archive's.
 * A file that is no workbook but was named as one (an .xls, a '#SHEET', a
 * name ending .xlsx) is an error said here: *bad is set. */
static bool is_workbook(int fd, const struct stat *st, const char *path, const char *sheet, lbl_lang lang,
                        FILE *err, bool *bad)
{
    unsigned char head[8];
    ssize_t got = S_ISREG(st->st_mode) ? pread(fd, head, sizeof head, 0) : -1;
    size_t n = got > 0 ? (size_t)got : 0;
    *bad = false;
    if (xlsxr_is_zip(head, n))
        return true;
    if (xlsxr_is_ole2(head, n)) {
        csv_message(err, msgcat_get(lang, "%s: error: the file is an Excel 97-2003 workbook (.xls), which planc "
                                          "does not read; save it as an Excel Workbook (.xlsx) or as CSV UTF-8\n"),
                    path);
        *bad = true;
    } else if (sheet || (S_ISREG(st->st_mode) && xlsxr_named(path))) {
        csv_message(err, msgcat_get(lang, "%s: error: the file is no Excel workbook (.xlsx is a zip archive, and "
                                          "its first bytes are not a zip archive's); a CSV file is read under a "
                                          "name that does not end in .xlsx%s\n"),
                    path, sheet ? msgcat_get(lang, ", without '#SHEET'") : "");
        *bad = true;
    }
    return false;
}

/* Reads the file at `path` (rt_table_load); `part`: as one of several
 * (load).  `FILE#SHEET` names a sheet of workbook FILE (xlsxr_split). */
static rt_table *load_path(const ir_program *p, const char *arg, const rt_load_options *opts,
                           FILE *err, bool part)
{
    const char *sheet = NULL;
    char *file = xlsxr_split(arg, &sheet);
    const char *path = file ? file : arg;
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        csv_message(err, "planc: error: cannot read '%s': %s\n", path, msgcat_file_error(msgcat_lang(), errno));
        if (fd >= 0)
            close(fd);
        free(file);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        csv_message(err, "planc: error: cannot read '%s': %s\n", path, msgcat_file_error(msgcat_lang(), EISDIR));
        close(fd);
        free(file);
        return NULL;
    }
    if (!program_ok(p, err)) {
        close(fd);
        free(file);
        return NULL;
    }
    bool bad;
    rt_table *t;
    if (is_workbook(fd, &st, path, sheet, opts ? opts->lang : LBL_EN, err, &bad))
        t = load_workbook(p, path, sheet, fd, &st, opts, err, part);
    else if (bad) {
        close(fd);
        free(file);
        return NULL;
    } else {
        source src;
        sha256_ctx digest;
        sha256_init(&digest);
        const char *enc = opts ? opts->encoding : NULL;
        tc_conv *conv = enc && !tc_is_utf8(enc) ? tc_open(enc) : NULL;
        if (enc && !tc_is_utf8(enc) && !conv) {
            /* planc's command line refuses such a name before */
            csv_message(err, msgcat_get(opts->lang, "planc: error: unknown encoding '%s'\n"), enc);
            close(fd);
            free(file);
            return NULL;
        }
        source_file(&src, fd, opts && opts->digest ? &digest : NULL,
                    opts && opts->threads > 1 ? ROUND_BYTES : BLOCK_SIZE, conv);
        t = load(p, path, &src, opts, err, part);
        source_close(&src);
    }
    /* A file written while it was read (a transfer still running, a
     * writer appending) gives rows of two versions of it, or a last row
     * cut in the middle of a number that reads as another number: the
     * run is refused rather than scoring what happened to be there.  Its
     * change time too, which every write moves and no writer can set
     * back, as `rsync --inplace`, `cp -p` or `touch -r` set back the
     * modification time after rewriting a file in place. */
    struct stat after;
    if (S_ISREG(st.st_mode) && fstat(fd, &after) == 0 &&
        (after.st_size != st.st_size || after.st_mtim.tv_sec != st.st_mtim.tv_sec ||
         after.st_mtim.tv_nsec != st.st_mtim.tv_nsec || after.st_ctim.tv_sec != st.st_ctim.tv_sec ||
         after.st_ctim.tv_nsec != st.st_ctim.tv_nsec)) {
        /* only the change time moved: a rewrite with its modification
         * time set back, or a change of the file's status alone (chmod,
         * a link, a rename), which stat cannot tell apart: say both */
        lbl_lang lang = opts ? opts->lang : LBL_EN;
        bool status_only = after.st_size == st.st_size && after.st_mtim.tv_sec == st.st_mtim.tv_sec &&
                           after.st_mtim.tv_nsec == st.st_mtim.tv_nsec;
        if (t && status_only)
            csv_message(err, msgcat_get(lang, "%s: error: the file changed while it was read: its size "
                             "(%lld bytes) and modification time are as when it was opened, but its "
                             "change time moved: it was rewritten in place with its modification "
                             "time set back, or its status changed (permissions, owner, links or "
                             "name); run again when nothing changes it\n"),
                        path, (long long)st.st_size);
        else if (t)
            csv_message(err, msgcat_get(lang, "%s: error: the file changed while it was read (%lld bytes "
                             "when opened, %lld after): the rows read may mix two versions of the "
                             "file; write it elsewhere and rename it into place when it is "
                             "complete, then run again\n"),
                        path, (long long)st.st_size, (long long)after.st_size);
        else
            csv_message(err, msgcat_get(lang, "%s: note: the file changed while it was read (%lld bytes "
                             "when opened, %lld after): the errors above may come from a file still "
                             "being written\n"),
                        path, (long long)st.st_size, (long long)after.st_size);
        rt_table_free(t);
        t = NULL;
    }
    close(fd);
    free(file);
    return t;
}

rt_table *rt_table_load(const ir_program *p, const char *path, const rt_load_options *opts,
                        FILE *err)
{
    return load_path(p, path, opts, err, false);
}

/* How a file read by other rules (rt_table_load_many's readers: the
 * scored rules adapted to a file's keys, columns and units) maps onto the
 * scored program: per region of the reader, the scored program's region;
 * per column of the scored program, the reader's column that gives it
 * (-1: none, its cells missing), the factor that turns the reader's
 * cell into a cell of the scored column's unit, and whether both read
 * through the same text map. */
typedef struct reading {
    uint32_t *region;
    long *column;
    double *scale;
    bool *same_map;
} reading;

/* The factor that turns a cell of column c into its indicator's unit. */
static double to_indicator(const ir_column *c)
{
    return c->divisor != 0 ? 1.0 / c->divisor : c->factor != 0 ? c->factor : 1.0;
}

/* A region's name and index, sorted by name (named_regions): a reader's
 * regions are found among the scored program's by name in log time (a
 * search through every region for each was 20,000 regions squared string
 * comparisons, 8 s a file). */
typedef struct named_region {
    const char *name;
    uint32_t index;
} named_region;

/* Orders named_region entries by name (qsort, bsearch). */
static int named_cmp(const void *a, const void *b)
{
    return strcmp(((const named_region *)a)->name, ((const named_region *)b)->name);
}

/* p's regions sorted by name, malloc'd. */
static named_region *named_regions(const ir_program *p)
{
    named_region *v = rt_xmalloc(p->nregions ? p->nregions : 1, sizeof *v);
    for (uint32_t g = 0; g < p->nregions; g++)
        v[g] = (named_region){.name = p->regions[g].name, .index = g};
    qsort(v, p->nregions, sizeof *v, named_cmp);
    return v;
}

/* The index in p of the region called `name` (v: named_regions(p)), or
 * p->nregions when p has none. */
static uint32_t region_by_name(const ir_program *p, const named_region *v, const char *name)
{
    named_region key = {.name = name};
    const named_region *hit = bsearch(&key, v, p->nregions, sizeof *v, named_cmp);
    return hit ? hit->index : p->nregions;
}

bool rt_table_reader_ok(const ir_program *p, const ir_program *rp, const char *rules, const char *path,
                        lbl_lang lang, FILE *err)
{
    /* rules that read none of the scored rules' columns are no reading of
     * this file for them (another plan's rules, given by mistake): every
     * cell of the file would be missing, its rows still counted */
    bool reads = false;
    for (uint32_t k = 0; k < p->ncolumns && !reads; k++)
        for (uint32_t j = 0; j < rp->ncolumns && !reads; j++) {
            const ir_column *c = &p->columns[k], *d = &rp->columns[j];
            reads = c->indicator ? d->indicator && strcmp(d->indicator, c->indicator) == 0
                                 : !d->indicator && strcmp(d->name, c->name) == 0;
        }
    if (!reads && p->ncolumns) {
        csv_message(err, msgcat_get(lang, "planc: error: the rules '%s' is read with ('%s', --read-with, plan "
                                          "%s) read none of the indicators of the rules scored (plan %s): a "
                                          "file's rules are an adaptation of the scored rules (extends) that "
                                          "says how the file writes their indicators\n"),
                    path, rules, rp->plan, p->plan);
        return false;
    }
    return true;
}

/* Builds the mapping of reader program `rp` onto `p` for file `path`:
 * regions by name, columns by the indicator that reads them.  A region
 * of the reader that `p` lacks is an error (printed; false); an indicator
 * column the reader does not read is a column of missing cells, with a
 * warning. */
static bool reading_make(const ir_program *p, const ir_program *rp, const char *path, reading *rd,
                         lbl_lang lang, FILE *err)
{
    bool ok = true;
    rd->region = rt_xcalloc(rp->nregions ? rp->nregions : 1, sizeof *rd->region);
    /* the scored rules read their own file region by region */
    named_region *names = rp == p ? NULL : named_regions(p);
    for (uint32_t g = 0; g < rp->nregions; g++) {
        uint32_t h = rp == p ? g : region_by_name(p, names, rp->regions[g].name);
        if (h == p->nregions) {
            csv_message(err, "%s: error: the rules it is read with (plan %s) declare region '%s', "
                             "which the rules scored (plan %s) do not: a file's rules may change its "
                             "keys and columns only\n",
                        path, rp->plan, rp->regions[g].name, p->plan);
            ok = false;
        }
        rd->region[g] = h;
    }
    free(names);
    size_t nc = p->ncolumns ? p->ncolumns : 1;
    rd->column = rt_xcalloc(nc, sizeof *rd->column);
    rd->scale = rt_xcalloc(nc, sizeof *rd->scale);
    rd->same_map = rt_xcalloc(nc, sizeof *rd->same_map);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        const ir_column *c = &p->columns[k];
        rd->column[k] = -1;
        for (uint32_t j = 0; j < rp->ncolumns; j++) {
            const ir_column *d = &rp->columns[j];
            if (rp == p ? j == k
                        : c->indicator ? d->indicator && strcmp(d->indicator, c->indicator) == 0
                                       : !d->indicator && strcmp(d->name, c->name) == 0) {
                rd->column[k] = j;
                rd->scale[k] = to_indicator(d) / to_indicator(c);
                if (d->divisor == c->divisor && d->factor == c->factor)
                    rd->scale[k] = 1.0;
                rd->same_map[k] = d->map == c->map ||
                                  (d->map && c->map && strcmp(d->map->name, c->map->name) == 0);
                break;
            }
        }
        if (rd->column[k] < 0 && ok)
            warn_message(err, WARN_MISSING_COLUMN, msgcat_get(lang, "%s: warning: the rules it is read with (plan %s) read no column for "
                             "indicator %s (column '%s'): its cells are missing\n"),
                        path, rp->plan, c->indicator ? c->indicator : "?", c->name);
    }
    return ok;
}

/* Frees what reading_make allocated. */
static void reading_free(reading *rd)
{
    free(rd->region);
    free(rd->column);
    free(rd->scale);
    free(rd->same_map);
}

/* Whether two files' numbers for one cell agree (merge_part): equal, or
 * a few units in the last place apart, as a cell converted from another
 * unit is (0.0041 mg/m^3 read as 0.0041 * 1000 = 4.1000000000000005
 * μg/m^3 against another file's 4.1): a rounding of the conversion is no
 * disagreement between the files.  -0 and 0 agree; 1e-300 and 0 do not. */
static bool same_number(double a, double b)
{
    return a == b || fabs(a - b) <= 4 * DBL_EPSILON * fmax(fabs(a), fabs(b));
}

/* What several files give (rt_table_load_many), in the scored rules'
 * terms: the regions the files have rows of (needs->regions, in the order
 * of their first rows, the files in order) and the columns each needs
 * (template.h); per file, which of them it has rows of and which columns
 * its header has, or lacks though its rules read them; per region and
 * column, whether a file with rows of the region has the column.  The
 * one rule for the columns of several files: a column the rules read for
 * a region is required of the files together, in the header of one of
 * the files with rows of that region (a city's own file, or a ratings
 * file or national table beside it), not of each file. */
typedef struct coverage {
    size_t n;               /* files */
    uint32_t nc;            /* p->ncolumns */
    tmpl_needs *needs;
    uint32_t *slot;         /* p->nregions: a region's r + 1 (0: no file has rows of it) */
    uint8_t *rows;          /* [file * needs->nregions + r]: rows of needs->regions[r] */
    uint32_t *fregion;      /* the r of each file's regions, file by file ... */
    size_t *ffirst;         /* ... file i's at fregion[ffirst[i] .. ffirst[i + 1]) */
    uint8_t *has;           /* [file * nc + k]: the header has column k */
    uint8_t *lacks;         /* [file * nc + k]: the header lacks column k, which
                               the file's rules read (--read-with rules that read
                               no column for it warned of that already) */
    uint8_t *given;         /* [r * nc + k]: a file with rows of needs->regions[r]
                               has column k */
} coverage;

/* Fills *cv for parts[0..n), each read as rds[i] maps it onto p. */
static void coverage_make(coverage *cv, const ir_program *p, rt_table *const *parts, const reading *rds, size_t n)
{
    uint32_t nc = p->ncolumns;
    uint32_t *slot = rt_xcalloc((size_t)p->nregions + 1, sizeof *slot); /* index in regions + 1, or 0 */
    uint32_t *regions = rt_xcalloc((size_t)p->nregions + 1, sizeof *regions), nr = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t row = 0; row < parts[i]->nrows; row++) {
            uint32_t g = rds[i].region[parts[i]->region[row]];
            if (parts[i]->line[row] == 0 || g >= p->nregions || slot[g])
                continue;
            regions[nr++] = g;
            slot[g] = nr;
        }
    *cv = (coverage){.n = n, .nc = nc, .needs = tmpl_needs_make(p, regions, nr), .slot = slot};
    cv->rows = rt_xcalloc(n * nr + 1, 1);
    cv->ffirst = rt_xcalloc(n + 1, sizeof *cv->ffirst);
    cv->has = rt_xcalloc(n * nc + 1, 1);
    cv->lacks = rt_xcalloc(n * nc + 1, 1);
    cv->given = rt_xcalloc((size_t)nr * nc + 1, 1);
    size_t nlist = 0, cap = nr + 1;
    cv->fregion = rt_xcalloc(cap, sizeof *cv->fregion);
    for (size_t i = 0; i < n; i++) {
        cv->ffirst[i] = nlist;
        for (size_t row = 0; row < parts[i]->nrows; row++) {
            uint32_t g = rds[i].region[parts[i]->region[row]];
            if (parts[i]->line[row] == 0 || g >= p->nregions || cv->rows[i * nr + slot[g] - 1])
                continue;
            cv->rows[i * nr + slot[g] - 1] = 1;
            if (nlist == cap) {
                cap *= 2;
                cv->fregion = rt_xrealloc(cv->fregion, cap, sizeof *cv->fregion);
            }
            cv->fregion[nlist++] = slot[g] - 1;
        }
        for (uint32_t k = 0; k < nc; k++) {
            long c = rds[i].column[k];
            cv->has[i * nc + k] = c >= 0 && !parts[i]->absent[c];
            cv->lacks[i * nc + k] = c >= 0 && parts[i]->absent[c];
        }
        for (size_t at = cv->ffirst[i]; at < nlist; at++)
            for (uint32_t k = 0; k < nc; k++)
                cv->given[(size_t)cv->fregion[at] * nc + k] |= cv->has[i * nc + k];
    }
    cv->ffirst[n] = nlist;
    free(regions);
}

/* Frees what coverage_make allocated. */
static void coverage_free(coverage *cv)
{
    tmpl_needs_free(cv->needs);
    free(cv->slot);
    free(cv->rows);
    free(cv->fregion);
    free(cv->ffirst);
    free(cv->has);
    free(cv->lacks);
    free(cv->given);
}

/* Whether file i's rows of needs->regions[r] miss column k: a region the
 * file has rows of needs it and no file with rows of the region has it. */
static bool coverage_short(const coverage *cv, size_t i, uint32_t r, uint32_t k)
{
    size_t at = (size_t)r * cv->nc + k;
    return cv->rows[i * cv->needs->nregions + r] && cv->needs->need[at] && !cv->given[at];
}

/* The names of needs->regions[r] where mask[r] is `want` (the first
 * three, then "and N more": "甲一, 甲二, 乙一 and 2 more"), malloc'd. */
static char *coverage_regions(const ir_program *p, const coverage *cv, const uint8_t *mask, bool want,
                              lbl_lang lang)
{
    char *list = NULL;
    size_t len = 0;
    unsigned shown = 0, more = 0;
    FILE *f = open_memstream(&list, &len);
    if (!f) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(4);
    }
    for (uint32_t r = 0; r < cv->needs->nregions; r++) {
        if ((mask[r] != 0) != want)
            continue;
        if (shown < 3)
            csv_message(f, "%s%s", shown++ ? lang == LBL_ZH ? "、" : ", " : "",
                        p->regions[cv->needs->regions[r]].name);
        else
            more++;
    }
    if (more)
        csv_message(f, msgcat_get(lang, " and %u more"), more);
    fclose(f);
    return list;
}

/* Whether p's columns j and k are one column of the file rd reads with rp
 * (a column read with several aggregates). */
static bool same_file_column(const ir_program *rp, const reading *rd, uint32_t j, uint32_t k)
{
    return rd->column[j] >= 0 && rd->column[k] >= 0 &&
           strcmp(rp->columns[rd->column[j]].name, rp->columns[rd->column[k]].name) == 0;
}

/* Which file each column that no file with rows of a region has
 * (coverage_short) is said at: per column, the file that lacks it with
 * rows of the most such regions (a ratings file of every city, one
 * error), of files as many the one whose header has the most columns (a
 * city's own file, not a few-column table beside it), else the first
 * given; then the same for the regions left.  owner[r * nc + k] is the
 * file, or SIZE_MAX where nothing is missing. */
static size_t *coverage_owners(const coverage *cv)
{
    uint32_t nr = cv->needs->nregions, nc = cv->nc;
    size_t *owner = rt_xmalloc((size_t)nr * nc + 1, sizeof *owner);
    uint8_t *left = rt_xcalloc(nr + 1, 1);
    size_t *width = rt_xcalloc(cv->n + 1, sizeof *width);
    for (size_t i = 0; i < cv->n; i++)
        for (uint32_t k = 0; k < nc; k++)
            width[i] += cv->has[i * nc + k];
    for (size_t at = 0; at < (size_t)nr * nc; at++)
        owner[at] = SIZE_MAX;
    for (uint32_t k = 0; k < nc; k++) {
        uint32_t nleft = 0;
        for (uint32_t r = 0; r < nr; r++) {
            size_t at = (size_t)r * nc + k;
            left[r] = cv->needs->need[at] && !cv->given[at];
            nleft += left[r];
        }
        while (nleft) {
            size_t best = SIZE_MAX;
            uint32_t most = 0;
            for (size_t i = 0; i < cv->n; i++) {
                if (!cv->lacks[i * nc + k])
                    continue;
                uint32_t count = 0;
                for (size_t at = cv->ffirst[i]; at < cv->ffirst[i + 1]; at++)
                    count += left[cv->fregion[at]];
                if (count > most || (count == most && count && width[i] > width[best])) {
                    best = i;
                    most = count;
                }
            }
            if (best == SIZE_MAX)
                break; /* the files with rows of the rest do not read it (--read-with: warned) */
            for (size_t at = cv->ffirst[best]; at < cv->ffirst[best + 1]; at++) {
                uint32_t r = cv->fregion[at];
                if (left[r]) {
                    owner[(size_t)r * nc + k] = best;
                    left[r] = 0;
                    nleft--;
                }
            }
        }
    }
    free(left);
    free(width);
    return owner;
}

/* The errors on several files' columns (rt_table_load_many, without
 * --allow-missing-columns): a column the rules read for a region that no
 * file with rows of the region has (coverage), said at one file whose
 * header lacks it (coverage_owners), naming the regions (the first
 * three); a note names the other files with rows of them, which lack it
 * too.  A column read with several aggregates is said once.  Per file:
 * when only some of its regions need what it lacks, each of a level of
 * one that does not, a note names both (a region's row in a peer's file,
 * 大连's in 鞍山's, where no file of 大连's own was given).  The rule,
 * once.  Returns nerrors and the errors said. */
static int check_given(const coverage *cv, const ir_program *p, rt_table *const *parts, const reading *rds,
                       const ir_program *const *readers, const char *const *paths, int nerrors, lbl_lang lang,
                       FILE *err)
{
    uint32_t nr = cv->needs->nregions, nc = cv->nc;
    const uint8_t *need = cv->needs->need;
    size_t *owner = coverage_owners(cv);
    uint8_t *here = rt_xcalloc(nr + 1, 1);     /* the regions of one error */
    uint8_t *named = rt_xcalloc(nr + 1, 1);    /* of the file's errors */
    uint8_t *other = rt_xcalloc(cv->n + 1, 1); /* the files of one error's note */
    uint8_t *wanted = rt_xcalloc(nc + 1, 1);   /* the file's columns said */
    const char *first = NULL;                  /* the first file with an error, and its line */
    unsigned first_line = 0;
    for (size_t i = 0; i < cv->n && nerrors < RT_MAX_ERRORS; i++) {
        const ir_program *rp = readers && readers[i] ? readers[i] : p;
        const char *path = paths[i];
        unsigned line = parts[i]->header_line;
        size_t nmissing = 0;
        memset(named, 0, nr);
        memset(wanted, 0, nc);
        for (uint32_t k = 0; k < nc && nerrors < RT_MAX_ERRORS; k++) {
            if (!cv->lacks[i * nc + k])
                continue;
            /* a column read with several aggregates: said with the first */
            bool later = false;
            for (uint32_t j = k > 64 ? k - 64 : 0; j < k && !later; j++)
                later = cv->lacks[i * nc + j] && same_file_column(rp, &rds[i], j, k);
            if (later)
                continue;
            uint32_t end = k + 64 < nc ? k + 64 : nc, count = 0;
            memset(here, 0, nr);
            for (size_t at = cv->ffirst[i]; at < cv->ffirst[i + 1]; at++) {
                uint32_t r = cv->fregion[at];
                for (uint32_t j = k; j < end && !here[r]; j++)
                    here[r] = (j == k || (cv->lacks[i * nc + j] && same_file_column(rp, &rds[i], j, k))) &&
                              owner[(size_t)r * nc + j] == i;
                count += here[r];
            }
            if (count == 0)
                continue;
            for (uint32_t j = k; j < end; j++)
                wanted[j] |= j == k || (cv->lacks[i * nc + j] && same_file_column(rp, &rds[i], j, k));
            for (uint32_t r = 0; r < nr; r++)
                named[r] |= here[r];
            char *list = coverage_regions(p, cv, here, true, lang);
            const ir_column *c = &rp->columns[rds[i].column[k]];
            csv_message(err, lbl_get(lang, LBL_L_ERROR_AT), path, line);
            if (c->indicator)
                csv_message(err, msgcat_get(lang, "column '%s' (indicator %s) is not in the header, and the rules "
                                                  "read it for this file's rows of %s"),
                            c->name, c->indicator, list);
            else
                csv_message(err, msgcat_get(lang, "column '%s' is not in the header, and the rules read it for "
                                                  "this file's rows of %s"),
                            c->name, list);
            fputc('\n', err);
            nmissing++;
            if (!first) {
                first = path;
                first_line = line;
            }
            /* the other files with rows of these regions: none has it */
            size_t nother = 0;
            for (size_t j = 0; j < cv->n; j++) {
                other[j] = 0;
                for (size_t at = cv->ffirst[j]; j != i && at < cv->ffirst[j + 1] && !other[j]; at++)
                    other[j] = here[cv->fregion[at]];
                nother += other[j];
            }
            if (nother) {
                char *files = NULL;
                size_t len = 0;
                unsigned shown = 0;
                FILE *f = open_memstream(&files, &len);
                if (!f) {
                    fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
                    exit(4);
                }
                for (size_t j = 0; j < cv->n; j++)
                    if (other[j] && shown < 3)
                        csv_message(f, "%s%s", shown++ ? lang == LBL_ZH ? "、" : ", " : "", paths[j]);
                if (nother > shown)
                    csv_message(f, msgcat_get(lang, " and %u more"), (unsigned)(nother - shown));
                fclose(f);
                csv_message(err, msgcat_get(lang, "%s:%u: note: no other file with rows of %s has the column "
                                                  "either: %s\n"),
                            path, line, list, files);
                free(files);
            }
            free(list);
            if (++nerrors == RT_MAX_ERRORS)
                csv_message(err, lbl_get(lang, LBL_L_TOO_MANY), path, RT_MAX_ERRORS);
        }
        if (nmissing == 0 || nerrors >= RT_MAX_ERRORS)
            continue;
        /* the note on a peer's rows: the file's regions that need none of
         * the columns said, of the levels of those named (not a
         * province's row beside its cities') */
        uint8_t *level = rt_xcalloc(p->nlevels + 1, 1), *rest = rt_xcalloc(nr + 1, 1);
        uint32_t others = 0;
        bool peers = true;
        for (size_t at = cv->ffirst[i]; at < cv->ffirst[i + 1]; at++) {
            uint32_t r = cv->fregion[at], l = p->regions[cv->needs->regions[r]].level;
            if (named[r] || l >= p->nlevels)
                continue;
            bool needs_any = false;
            for (uint32_t k = 0; k < nc && !needs_any; k++)
                needs_any = wanted[k] && need[(size_t)r * nc + k];
            if (needs_any)
                continue;
            rest[r] = 1;
            others++;
            level[l] = 1;
        }
        for (size_t at = cv->ffirst[i]; at < cv->ffirst[i + 1]; at++) {
            uint32_t r = cv->fregion[at], l = p->regions[cv->needs->regions[r]].level;
            peers &= !named[r] || (l < p->nlevels && level[l]);
        }
        if (others && peers) {
            char *some = coverage_regions(p, cv, named, true, lang), *them = coverage_regions(p, cv, rest, true, lang);
            csv_message(err, msgcat_get(lang, "%s:%u: note: the file's rows of %s need none of these columns: if "
                                              "its rows of %s belong in another file, delete them here\n"),
                        path, line, them, some);
            free(some);
            free(them);
        }
        free(level);
        free(rest);
    }
    if (first && nerrors < RT_MAX_ERRORS && cv->n == 1)
        csv_message(err, msgcat_get(lang, "%s:%u: note: the header needs every column the rules read for the "
                                          "regions of its rows (the header 'planc template RULES --region R' "
                                          "writes has them all), not those only regions without a row here need; "
                                          "--allow-missing-columns reads a missing one as missing cells\n"),
                    first, first_line);
    else if (first && nerrors < RT_MAX_ERRORS)
        csv_message(err, msgcat_get(lang, "%s:%u: note: with several data files, a column the rules read for a "
                                          "region must be in the header of one of the files with rows of that "
                                          "region (the header 'planc template RULES --region R' writes has them "
                                          "all); --allow-missing-columns reads a missing one as missing cells\n"),
                    first, first_line);
    free(owner);
    free(here);
    free(named);
    free(other);
    free(wanted);
    return nerrors;
}

/* The cell of column c in the row of year `year` of t, one of several
 * files (load_path's part), as Excel names it ("C5" for row `line`), in
 * ref (room for 32 bytes); false when t is no workbook, its rows were
 * combined, or no field of the header gives the cell. */
static bool cell_ref(const rt_table *t, long c, int year, unsigned line, char *ref)
{
    if (!t->cell_field || c < 0 || line == 0)
        return false;
    long field = t->cell_field[c];
    if (t->p->columns[c].per_year)
        field = t->cell_year_index && year >= 1 && year <= MAX_YEAR && t->cell_year_index[year] && t->cell_year_field[c]
                    ? t->cell_year_field[c][t->cell_year_index[year] - 1]
                    : -1;
    if (field < 0 || (unsigned long)field >= XLSXR_COLS)
        return false;
    xlsxr_column_name((unsigned long)field + 1, ref);
    snprintf(ref + strlen(ref), 32 - strlen(ref), "%u", line);
    return true;
}

/* Appends the rows of part `part` (file `f` of several) to `m`.  A row
 * whose (region, year) an earlier file gave is combined with it, cell by
 * cell: a cell missing in one (or a column its header lacks) is the
 * other's, and two numbers must agree, else an error names both files'
 * lines (one city's cells from its province's table, the province's row
 * from a national one), and of a workbook the cell (cell_ref): the
 * earlier cell's file and line are the ones it came from (cellfile; a
 * row's cells may be of several files).  The combined row keeps the
 * earlier file's line.  parts and rds: the files read, and their
 * readings (rd = &rds[f]).  where (NULL, or part->nrows entries) is
 * given the row of m each of the part's rows went into.  Returns the
 * errors reported so far. */
static int merge_part(rt_table *m, rt_table *const *parts, uint32_t f, const reading *rds, size_t *where,
                      int nerrors, lbl_lang lang, FILE *err)
{
    const ir_program *p = m->p;
    const rt_table *part = parts[f];
    const reading *rd = &rds[f];
    for (size_t r = 0; r < part->nrows; r++) {
        uint32_t g = rd->region[part->region[r]];
        int y = part->year[r];
        long prev = m->nrows ? seen_find(m, g, y) : -1;
        size_t row = prev >= 0 ? (size_t)prev : add_row(m, g, y, part->line[r], NULL);
        if (prev < 0)
            m->file[row] = f;
        if (where)
            where[r] = row;
        m->file_region[f * p->nregions + g] = true;
        for (uint32_t k = 0; k < p->ncolumns; k++) {
            long c = rd->column[k];
            double was = m->data[k][row], v = c < 0 ? NAN : part->data[c][r] * rd->scale[k];
            if (prev >= 0 && !isnan(was)) {
                if (isnan(v) || same_number(v, was))
                    continue;
                if (nerrors++ < RT_MAX_ERRORS) {
                    char a[32], b[32], here[32], there[32], other[64] = "";
                    report_format_number(was, a);
                    report_format_number(v, b);
                    uint32_t g2 = m->cellfile[k][row];
                    unsigned line2 = m->cellline[k][row];
                    csv_message(err, lbl_get(lang, LBL_L_ERROR_AT), m->paths[f], part->line[r]);
                    if (cell_ref(part, c, y, part->line[r], here))
                        csv_message(err, msgcat_get(lang, "cell %s: "), here);
                    if (cell_ref(parts[g2], rds[g2].column[k], y, line2, there))
                        snprintf(other, sizeof other, msgcat_get(lang, ", cell %s"), there);
                    csv_message(err, msgcat_get(lang, "column '%s': %s differs from %s given for %s %d by %s:%u%s (two "
                                                      "data files that give one region and year must agree on a "
                                                      "column both have)\n"),
                                p->columns[k].name, b, a, p->regions[g].name, y, m->paths[g2], line2, other);
                }
                continue;
            }
            m->data[k][row] = v;
            m->cellfile[k][row] = f;
            m->cellline[k][row] = part->line[r];
            if (m->aggn[k])
                m->aggn[k][row] = c >= 0 && part->aggn[c] ? part->aggn[c][r] : !isnan(v);
            /* a text of the reading's map is no text of the scored rules' */
            if (m->texts && m->texts[k])
                m->texts[k][row] = c >= 0 && part->texts && part->texts[c] && rd->same_map[k]
                                       ? part->texts[c][r] : -1;
        }
        if (m->nrec)
            m->nrec[row] = (prev >= 0 ? m->nrec[row] : 0) + (part->nrec ? part->nrec[r] : 1);
    }
    return nerrors;
}

/* The most regions lacking_rows names; the others are counted. */
#define LACKING_SHOWN 5

/* A region and year of a data row, for lacking_rows. */
typedef struct region_year {
    uint32_t region;
    int year;
} region_year;

/* Orders region_year by region (the rules' order), then year. */
static int region_year_cmp(const void *a, const void *b)
{
    const region_year *x = a, *y = b;
    if (x->region != y->region)
        return x->region < y->region ? -1 : 1;
    return (x->year > y->year) - (x->year < y->year);
}

/* The rows of one file flagged in flag (its rows some other file's
 * column leaves missing), named by region with their years in runs,
 * "鞍山 (2019–2023)", the first LACKING_SHOWN regions then " and N
 * more", of each the first LACKING_SHOWN runs then " and N more" (years):
 * what absent_summary's warning of columns given for some years only
 * names.  malloc'd. */
static char *lacking_rows(const ir_program *p, const reading *rd, const rt_table *part, const uint8_t *flag,
                          lbl_lang lang)
{
    size_t n = 0;
    region_year *v = rt_xcalloc(part->nrows + 1, sizeof *v);
    for (size_t r = 0; flag && r < part->nrows; r++) {
        uint32_t g = rd->region[part->region[r]];
        if (flag[r] && g < p->nregions)
            v[n++] = (region_year){g, part->year[r]};
    }
    qsort(v, n, sizeof *v, region_year_cmp);
    char *text = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&text, &len);
    if (!o) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(4);
    }
    bool zh = lang == LBL_ZH;
    unsigned regions = 0, more = 0;
    for (size_t k = 0; k < n;) {
        size_t e = k;
        while (e < n && v[e].region == v[k].region)
            e++;
        if (regions++ >= LACKING_SHOWN) {
            more++;
            k = e;
            continue;
        }
        fprintf(o, "%s%s%s", regions > 1 ? (zh ? "、" : ", ") : "", p->regions[v[k].region].name, zh ? "（" : " (");
        /* the years in runs of consecutive ones (a year twice: one row),
         * the first LACKING_SHOWN runs, then " and N more" years (a
         * file of every other year would list them all) */
        unsigned more_years = 0;
        for (size_t a = k, runs = 0; a < e; runs++) {
            size_t b = a;
            while (b + 1 < e && v[b + 1].year <= v[b].year + 1)
                b++;
            if (runs < LACKING_SHOWN) {
                fprintf(o, "%s%d", runs ? (zh ? "、" : ", ") : "", v[a].year);
                if (v[b].year != v[a].year)
                    fprintf(o, "–%d", v[b].year);
            } else
                for (size_t y = a; y <= b; y++)
                    more_years += y == a || v[y].year != v[y - 1].year;
            a = b + 1;
        }
        if (more_years)
            fprintf(o, lbl_get(lang, LBL_W_SCOPE_MORE), more_years);
        fputs(zh ? "）" : ")", o);
        k = e;
    }
    if (more)
        fprintf(o, lbl_get(lang, LBL_W_SCOPE_MORE), more);
    fclose(o);
    free(v);
    return text;
}

/* The warnings on the columns each of several files lacks (read as
 * missing cells), once the files are combined into m (where[i][r]: the
 * row of m that file i's row r is part of).  With allow_missing_columns,
 * a column a region of the file's rows needs that no file with rows of
 * that region has (coverage): a column no file has, each as for one
 * file; one that other files give, but not for these regions, in one line
 * a file with the next.  And with or without it, a column another file
 * gives for the region, but not for every year of the file's rows (a
 * national table of one year beside a province's of five, a city's row
 * in a peer's file): its cells are missing in those rows, as said in
 * that line.  Under `missing zero`, the note that their targets score 0.
 * A column no region of the file needs, or the other files give for each
 * of the file's rows that needs it (a ratings file beside a city's), is
 * not missed; but one file alone (read with other rules) is warned of
 * every column it lacks, as a file read by the scored rules is. */
static void absent_summary(const coverage *cv, const ir_program *p, const reading *rds,
                           const ir_program *const *readers, rt_table *const *parts, size_t *const *where,
                           const rt_table *m, const char *const *paths, const rt_load_options *opts, FILE *err)
{
    lbl_lang lang = opts ? opts->lang : LBL_EN;
    bool allow = opts && opts->allow_missing_columns;
    uint32_t nc = cv->nc;
    const uint8_t *need = cv->needs->need;
    /* per file and column: 0 not missed, 1 in no file, 2 in another file;
     * column by column, a row of m marked when a file with the column
     * gave it (one pass over the rows a column) */
    uint8_t *said = rt_xcalloc(cv->n * nc + 1, 1);
    uint8_t *mark = rt_xcalloc(m->nrows + 1, 1);
    /* per file, its rows some column of another file leaves missing (the
     * rows a warning names; NULL: none) */
    uint8_t **lack = rt_xcalloc(cv->n + 1, sizeof *lack);
    for (uint32_t k = 0; k < nc; k++) {
        bool given = false, marked = false;
        for (size_t j = 0; j < cv->n && !given; j++)
            given = cv->has[j * nc + k];
        for (size_t i = 0; i < cv->n; i++) {
            if (!cv->lacks[i * nc + k])
                continue;
            /* (one file read with other rules: every column it lacks, as
             * for one file read by the scored rules) */
            bool missed = cv->n == 1, partly = false;
            for (size_t at = cv->ffirst[i]; at < cv->ffirst[i + 1] && !missed; at++)
                missed = coverage_short(cv, i, cv->fregion[at], k);
            if (missed && !allow)
                continue; /* an error (check_given) */
            if (given) {
                /* the file's rows of regions that need the column: each
                 * in a row some file with the column gave?  (Of a file
                 * missing it, under --allow-missing-columns, the rows the
                 * warning names.) */
                if (!marked) {
                    for (size_t j = 0; j < cv->n; j++)
                        for (size_t r = 0; cv->has[j * nc + k] && r < parts[j]->nrows; r++)
                            mark[where[j][r]] = 1;
                    marked = true;
                }
                for (size_t r = 0; r < parts[i]->nrows; r++) {
                    uint32_t g = rds[i].region[parts[i]->region[r]];
                    if (!(g < p->nregions && cv->slot[g] && need[(size_t)(cv->slot[g] - 1) * nc + k] &&
                          !mark[where[i][r]]))
                        continue;
                    partly = true;
                    if (!lack[i])
                        lack[i] = rt_xcalloc(parts[i]->nrows + 1, 1);
                    lack[i][r] = 1;
                }
            }
            if (missed || partly)
                said[i * nc + k] = given ? 2 : 1;
        }
        if (marked)
            memset(mark, 0, m->nrows);
    }
    for (size_t i = 0; i < cv->n; i++) {
        const ir_program *rp = readers && readers[i] ? readers[i] : p;
        unsigned line = parts[i]->header_line;
        size_t nnone = 0, nother = 0;
        char *others = NULL;
        size_t olen = 0;
        FILE *ob = open_memstream(&others, &olen);
        if (!ob) {
            fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
            exit(4);
        }
        for (uint32_t k = 0; k < nc; k++) {
            if (!said[i * nc + k])
                continue;
            const ir_column *col = &rp->columns[rds[i].column[k]];
            if (said[i * nc + k] == 2) {
                bool zh = lang == LBL_ZH; /* “co2”、“pm25” */
                if (nother++ < ABSENT_SHOWN)
                    fprintf(ob, zh ? "%s“%s”" : "%s'%s'", nother == 1 ? "" : zh ? "、" : ", ", col->name);
                else if (nother == ABSENT_SHOWN + 1)
                    fputs(zh ? "……" : ", ...", ob);
                continue;
            }
            if (nnone++ < ABSENT_SHOWN) {
                if (col->indicator)
                    warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT_IND), paths[i], line, col->name, col->indicator);
                else
                    warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT), paths[i], line, col->name);
            }
        }
        if (nnone > ABSENT_SHOWN)
            warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT_MORE), paths[i], line, nnone - ABSENT_SHOWN);
        fclose(ob);
        char *rows = nother ? lacking_rows(p, &rds[i], parts[i], lack[i], lang) : NULL;
        if (nother == 1)
            warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT_ELSEWHERE_ONE), paths[i], line, others, rows);
        else if (nother)
            warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT_ELSEWHERE), paths[i], line, nother, rows, others);
        free(rows);
        free(others);
        if ((nnone || nother) && p->has_assessment && p->missing == IR_MISSING_ZERO)
            csv_message(err, lbl_get(lang, LBL_L_ABSENT_ZERO), paths[i], line, p->assessment);
    }
    for (size_t i = 0; i < cv->n; i++)
        free(lack[i]);
    free(lack);
    free(said);
    free(mark);
}

static rt_table *load_many(const ir_program *p, const char *const *paths, const ir_program *const *readers,
                           size_t n, const rt_load_options *opts, FILE *err);

/* One data file alone (rt_table_load_many), read by the scored rules or
 * by others (--read-with): the columns its header lacks that only
 * regions it has no row of need (the province's own columns, which a
 * city's file as 'planc template --region CITY' writes it lacks) are
 * read as missing cells, with a warning and a note saying why, not an
 * error a column.  The file is read with such columns set aside
 * (needed_columns_only) and its messages held; when a column was set
 * aside and one a region of its rows needs (template.h), or the reading
 * failed on its header, it is read again as it was read before
 * (rt_table_load, or load_many for other rules), so that what is said is
 * the same bytes as ever.  One that failed on its rows says its held
 * errors (a column set aside is no error until the rows are known).  A
 * file that is not a regular one (standard input, a pipe), which cannot
 * be read twice, is read so at once; when its header lacked a column
 * that could have been set aside, a note says why it was not and what
 * to do (give it by its name, or --allow-missing-columns).  reader: the
 * rules that read it, or NULL for p. */
static rt_table *load_one(const ir_program *p, const char *path, const ir_program *reader,
                          const rt_load_options *opts, FILE *err)
{
    const char *const paths[1] = {path};
    const ir_program *const readers[1] = {reader};
    const char *sheet = NULL;
    char *file = xlsxr_split(path, &sheet);
    struct stat st;
    bool regular = stat(file ? file : path, &st) == 0 && S_ISREG(st.st_mode);
    free(file);
    if (opts && opts->allow_missing_columns)
        return reader ? load_many(p, paths, readers, 1, opts, err) : rt_table_load(p, path, opts, err);
    rt_load_options o = opts ? *opts : (rt_load_options){0};
    if (!regular) {
        bool lacked = false;
        o.set_aside = &lacked;
        rt_table *t = reader ? load_many(p, paths, readers, 1, &o, err) : rt_table_load(p, path, &o, err);
        if (!t && lacked)
            csv_message(err, msgcat_get(o.lang, "%s: note: standard input can be read only once, and a file of one "
                                                "region's rows that lacks the columns only other regions need "
                                                "is read twice (first to learn its regions): give the file by its "
                                                "name (--data FILE), or --allow-missing-columns to read the "
                                                "absent columns as missing cells\n"),
                        path);
        return t;
    }
    bool set_aside = false, header_read = false;
    o.needed_columns_only = true;
    o.set_aside = &set_aside;
    o.header_read = &header_read;
    char *held = NULL;
    size_t heldlen = 0;
    FILE *mem = open_memstream(&held, &heldlen);
    if (!mem)
        return reader ? load_many(p, paths, readers, 1, opts, err) : rt_table_load(p, path, opts, err);
    rt_table *t = reader ? load_many(p, paths, readers, 1, &o, mem) : load_path(p, path, &o, mem, false);
    fclose(mem);
    size_t nabsent = 0;
    for (uint32_t k = 0; t && k < p->ncolumns; k++)
        nabsent += t->absent[k];
    /* (without a column set aside, the reading was the usual one; and a
     * reading that failed on its rows says its own errors, held: read
     * again, the header's error on a column set aside came first, which
     * no row of the file may need, and hid them — a city's file with one
     * malformed year was told to add the province's column; read by
     * other rules, load_many's own check of the columns set aside fails
     * after the header too, so that reading is always read again) */
    bool again = !t && set_aside && (reader || !header_read);
    bool unneeded = false; /* a column set aside that no row of the file needs */
    if (t && nabsent) {
        /* the regions of the file's own rows (not planc's rows above them) */
        uint32_t *regions = rt_xcalloc((size_t)p->nregions + 1, sizeof *regions), nr = 0;
        uint8_t *seen = rt_xcalloc((size_t)p->nregions + 1, 1);
        for (size_t row = 0; row < t->nrows; row++) {
            uint32_t g = t->region[row];
            if (t->line[row] != 0 && g < p->nregions && !seen[g]) {
                seen[g] = 1;
                regions[nr++] = g;
            }
        }
        tmpl_needs *needs = tmpl_needs_make(p, regions, nr);
        for (uint32_t k = 0; k < p->ncolumns; k++) {
            if (!t->absent[k])
                continue;
            bool needed = nr == 0 || tmpl_column_needed(p, needs, k);
            again |= needed;
            unneeded |= !needed;
        }
        tmpl_needs_free(needs);
        free(seen);
        free(regions);
    }
    if (again) {
        /* read, but a column set aside is one its rows need, and another
         * one they do not: read as one of several files, which says the
         * columns its rows need alone, naming their regions, not every
         * column set aside (鞍山's file without a column of its own was
         * told of the province's 48 too); all needed: as before */
        bool rows_need = t != NULL && unneeded;
        rt_table_free(t);
        free(held);
        if (rows_need)
            return load_many(p, paths, readers, 1, &o, err);
        return reader ? load_many(p, paths, readers, 1, opts, err) : rt_table_load(p, path, opts, err);
    }
    fwrite(held, 1, heldlen, err);
    free(held);
    lbl_lang lang = opts ? opts->lang : LBL_EN;
    size_t said = 0;
    const char *name = t && t->file ? t->paths[0] : t ? t->path : path;
    unsigned header_line = t && t->header_line ? t->header_line : 1;
    for (uint32_t k = 0; k < p->ncolumns && nabsent; k++) {
        if (!t->absent[k] || said++ >= ABSENT_SHOWN)
            continue;
        const ir_column *c = &p->columns[k];
        /* the file's own name of a column its rules name otherwise */
        const char *col = t->readname && t->readname[k] ? t->readname[k] : c->name;
        if (c->indicator)
            warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT_IND), name, header_line, col,
                         c->indicator);
        else
            warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT), name, header_line, col);
    }
    if (nabsent > ABSENT_SHOWN)
        warn_message(err, WARN_MISSING_COLUMN, lbl_get(lang, LBL_L_ABSENT_MORE), name, header_line,
                     nabsent - ABSENT_SHOWN);
    if (nabsent)
        csv_message(err, msgcat_get(lang, "%s:%u: note: only regions this file has no row of need the columns "
                                          "above (a file of one region's rows, as 'planc template --region' "
                                          "writes it, has only that region's columns): give the other regions' "
                                          "files too (--data A --data B) to score them\n"),
                    name, header_line);
    return t;
}

rt_table *rt_table_load_many(const ir_program *p, const char *const *paths,
                             const ir_program *const *readers, size_t n,
                             const rt_load_options *opts, FILE *err)
{
    if (n == 1)
        return load_one(p, paths[0], readers ? readers[0] : NULL, opts, err);
    return load_many(p, paths, readers, n, opts, err);
}

/* rt_table_load_many's reading of several files (or of one read by other
 * rules); a column a file lacks is set aside (needed_columns_only) with
 * several files, or when opts asks it of one. */
static rt_table *load_many(const ir_program *p, const char *const *paths, const ir_program *const *readers,
                           size_t n, const rt_load_options *opts, FILE *err)
{
    /* every file is read, so that one run reports the errors of all */
    rt_table **parts = rt_xcalloc(n ? n : 1, sizeof *parts);
    reading *rds = rt_xcalloc(n ? n : 1, sizeof *rds);
    bool failed = n == 0;
    /* the columns a file lacks are said after all are read, once a file
     * (absent_summary): another file may give them */
    rt_load_options quiet = opts ? *opts : (rt_load_options){0};
    quiet.quiet_missing_columns = true;
    /* a file needs the columns its own regions need (a city bureau's
     * file has none of the province's own); one file alone, all */
    quiet.needed_columns_only = n > 1 || (opts && opts->needed_columns_only);
    for (size_t i = 0; i < n; i++) {
        const ir_program *rp = readers && readers[i] ? readers[i] : p;
        if (!reading_make(p, rp, paths[i], &rds[i], opts ? opts->lang : LBL_EN, err))
            failed = true;
        else if (!(parts[i] = load_path(rp, paths[i], &quiet, err, true)))
            failed = true;
    }
    /* each file's name in the messages from here on: a workbook's is
     * FILE#SHEET, as its own messages name it */
    const char **names = rt_xcalloc(n ? n : 1, sizeof *names);
    for (size_t i = 0; i < n; i++)
        names[i] = parts[i] ? parts[i]->path : paths[i];
    /* the columns the files lack, once all are read: another file with
     * rows of the same regions may give them (coverage) */
    int nerrors = 0;
    bool lacking = false;
    for (size_t i = 0; !failed && i < n && !lacking; i++)
        for (uint32_t k = 0; k < p->ncolumns && !lacking; k++)
            lacking = rds[i].column[k] >= 0 && parts[i]->absent[rds[i].column[k]];
    coverage cv = {0};
    if (lacking) {
        coverage_make(&cv, p, parts, rds, n);
        if (!(opts && opts->allow_missing_columns))
            nerrors = check_given(&cv, p, parts, rds, readers, names, nerrors, opts ? opts->lang : LBL_EN, err);
        failed = nerrors > 0;
    }
    /* per file, the row of the combined table each of its rows is part of
     * (absent_summary) */
    size_t **where = rt_xcalloc(n ? n : 1, sizeof *where);
    rt_table *m = NULL;
    if (!failed) {
        m = rt_xcalloc(1, sizeof *m);
        m->p = p;
        m->npaths = n;
        m->header_line = n == 1 ? parts[0]->header_line : 0; /* load_one's warnings */
        m->paths = rt_xcalloc(n, sizeof *m->paths);
        size_t len = 1;
        for (size_t i = 0; i < n; i++) {
            m->paths[i] = rt_xstrdup(names[i]);
            len += strlen(names[i]) + 2;
        }
        /* the run's name for its data: the files, in order */
        m->path = rt_xmalloc(len, 1);
        m->path[0] = '\0';
        for (size_t i = 0; i < n; i++) {
            if (i)
                strcat(m->path, ", ");
            strcat(m->path, names[i]);
        }
        size_t nc = p->ncolumns ? p->ncolumns : 1;
        m->data = rt_xcalloc(nc, sizeof *m->data);
        m->aggn = rt_xcalloc(nc, sizeof *m->aggn);
        m->aggs = rt_xcalloc(nc, sizeof *m->aggs);
        m->absent = rt_xcalloc(nc, sizeof *m->absent);
        bool combine = false;
        for (uint32_t k = 0; k < p->ncolumns; k++) {
            if (p->columns[k].agg != IR_AGG_NONE) {
                m->aggn[k] = rt_xmalloc(1, sizeof *m->aggn[k]);
                combine = true;
            }
            /* absent only when no file has it */
            m->absent[k] = true;
            for (size_t i = 0; i < n; i++)
                m->absent[k] = m->absent[k] &&
                               (rds[i].column[k] < 0 || parts[i]->absent[rds[i].column[k]]);
        }
        if (opts && opts->keep_texts) {
            m->texts = rt_xcalloc(nc, sizeof *m->texts);
            for (uint32_t k = 0; k < p->ncolumns; k++)
                if (p->columns[k].map && p->columns[k].agg == IR_AGG_NONE)
                    m->texts[k] = rt_xmalloc(1, sizeof *m->texts[k]);
        }
        if (combine)
            m->nrec = rt_xmalloc(1, sizeof *m->nrec);
        m->file = rt_xmalloc(1, sizeof *m->file);
        m->file_region = rt_xcalloc(n * (p->nregions ? p->nregions : 1), sizeof *m->file_region);
        m->cellfile = rt_xcalloc(nc, sizeof *m->cellfile);
        m->cellline = rt_xcalloc(nc, sizeof *m->cellline);
        m->readname = rt_xcalloc(n * nc, sizeof *m->readname);
        m->readunit = rt_xcalloc(n * nc, sizeof *m->readunit);
        m->readscale = rt_xcalloc(n * nc, sizeof *m->readscale);
        m->readplan = rt_xcalloc(n, sizeof *m->readplan);
        for (size_t i = 0; i < n; i++) {
            const ir_program *rp = readers && readers[i] ? readers[i] : p;
            if (rp == p)
                continue;
            m->readplan[i] = rt_xstrdup(rp->plan ? rp->plan : "");
            for (uint32_t k = 0; k < p->ncolumns; k++) {
                long c = rds[i].column[k];
                if (c < 0)
                    continue;
                const ir_column *d = &rp->columns[c], *e = &p->columns[k];
                bool same_unit = (!d->unit && !e->unit) || (d->unit && e->unit && strcmp(d->unit, e->unit) == 0);
                if (strcmp(d->name, e->name) == 0 && same_unit && rds[i].scale[k] == 1.0)
                    continue;
                m->readname[i * nc + k] = rt_xstrdup(d->name);
                m->readunit[i * nc + k] = d->unit ? rt_xstrdup(d->unit) : NULL;
                m->readscale[i * nc + k] = rds[i].scale[k];
            }
        }
        m->maxyear = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *m->maxyear);
        grow_rows(m);
        for (size_t i = 0; i < n; i++) {
            if (lacking)
                where[i] = rt_xcalloc(parts[i]->nrows + 1, sizeof *where[i]);
            nerrors = merge_part(m, parts, (uint32_t)i, rds, where[i], nerrors, opts ? opts->lang : LBL_EN, err);
        }
        if (nerrors > RT_MAX_ERRORS)
            csv_message(err, lbl_get(opts ? opts->lang : LBL_EN, LBL_L_TOO_MANY), m->path, RT_MAX_ERRORS);
        if (nerrors) {
            rt_table_free(m);
            m = NULL;
        }
    }
    if (m && lacking && !(opts && opts->quiet_missing_columns))
        absent_summary(&cv, p, rds, readers, parts, where, m, names, opts, err);
    if (lacking)
        coverage_free(&cv);
    for (size_t i = 0; i < n; i++)
        free(where[i]);
    free(where);
    if (m && opts && opts->digest && n == 1) {
        memcpy(m->sha256, parts[0]->sha256, sizeof m->sha256);
    } else if (m && opts && opts->digest) {
        /* each file's hash (the history records them one by one), and
         * the run's: the hash of the files' hashes, in their order */
        m->file_sha256 = rt_xcalloc(n, sizeof *m->file_sha256);
        for (size_t i = 0; i < n; i++)
            memcpy(m->file_sha256[i], parts[i]->sha256, sizeof *m->file_sha256);
        sha256_ctx d;
        sha256_init(&d);
        for (size_t i = 0; i < n; i++) {
            sha256_update(&d, parts[i]->sha256, strlen(parts[i]->sha256));
            sha256_update(&d, "\n", 1);
        }
        sha256_hex(&d, m->sha256);
    }
    /* a file of its header only beside files with rows (a city's blank
     * template sent back): said of that file, as of one file alone; of
     * no rows anywhere the caller speaks once */
    for (size_t i = 0; m && m->nrows > 0 && i < n; i++)
        if (parts[i]->nrows == 0)
            warn_message(err, WARN_NOTHING_TO_SCORE, lbl_get(opts ? opts->lang : LBL_EN, LBL_W_NO_ROWS), names[i]);
    /* the years after the horizon of each file's columns per year, of
     * the files read by these rules (another's columns are its own) */
    for (size_t i = 0; m && i < n; i++) {
        const rt_table *q = parts[i];
        for (uint32_t k = 0; q->late_lo && q->p == p && k < p->ncolumns; k++) {
            if (!q->late_lo[k])
                continue;
            if (!m->late_lo) {
                m->late_lo = rt_xcalloc(p->ncolumns, sizeof *m->late_lo);
                m->late_hi = rt_xcalloc(p->ncolumns, sizeof *m->late_hi);
            }
            if (!m->late_lo[k] || q->late_lo[k] < m->late_lo[k])
                m->late_lo[k] = q->late_lo[k];
            if (q->late_hi[k] > m->late_hi[k])
                m->late_hi[k] = q->late_hi[k];
        }
    }
    for (size_t i = 0; i < n; i++) {
        rt_table_free(parts[i]);
        reading_free(&rds[i]);
    }
    free(parts);
    free(rds);
    free(names);
    if (!m)
        return NULL;
    if (has_share(p))
        add_ancestor_rows(m);
    sort_rows(m);
    mark_absent_needed(m);
    if (opts && opts->warn_year_gaps) {
        loader L = {.t = m, .p = p, .sole_region = -1, .name = m->path, .err = err, .opts = *opts};
        warn_absent_regions(&L, m);
        warn_absent_sole_region(&L, m);
        warn_year_gaps(&L, m);
        warn_last_year(&L, m);
        warn_after_horizon(&L, m);
        warn_region_scale(&L, m);
    }
    share_inputs(m);
    return m;
}

bool rt_table_cell_source(const rt_table *t, uint32_t col, size_t row, rt_cell_source *out)
{
    if (!t->cellfile || col >= t->p->ncolumns || row >= t->nrows || isnan(t->data[col][row]))
        return false;
    size_t nc = t->p->ncolumns ? t->p->ncolumns : 1;
    uint32_t f = t->cellfile[col][row];
    size_t at = f * nc + col;
    *out = (rt_cell_source){.path = t->paths[f], .line = t->cellline[col][row],
                            .column = t->readname[at], .unit = t->readunit[at],
                            .plan = t->readplan[f]};
    if (t->readname[at])
        out->cell = t->data[col][row] / t->readscale[at];
    return true;
}

const char *rt_table_row_path(const rt_table *t, size_t row)
{
    return t->file && t->line[row] ? t->paths[t->file[row]] : t->path;
}

size_t rt_table_row_file(const rt_table *t, size_t row)
{
    return t->file && t->line[row] ? t->file[row] : 0;
}

const char *rt_table_file_path(const rt_table *t, size_t i)
{
    return t->paths && i < t->npaths ? t->paths[i] : t->path;
}

void rt_table_free(rt_table *t)
{
    if (!t)
        return;
    free(t->cell_field);
    for (uint32_t k = 0; t->cell_year_field && k < t->p->ncolumns; k++)
        free(t->cell_year_field[k]);
    free(t->cell_year_field);
    free(t->cell_year_index);
    free(t->late_lo);
    free(t->late_hi);
    for (uint32_t k = 0; k < t->p->ncolumns; k++) {
        rt_col_free(t->data[k], k);
        free(t->aggn[k]);
        free(t->aggs[k]);
        if (t->texts)
            free(t->texts[k]);
    }
    free(t->data);
    free(t->aggn);
    free(t->aggs);
    free(t->texts);
    free(t->nrec);
    free(t->absent);
    free(t->absent_needed);
    for (uint32_t k = 0; t->absent_note && k < t->p->ncolumns; k++)
        free(t->absent_note[k]);
    free(t->absent_note);
    if (t->inputs)
        for (uint32_t i = 0; i < t->p->ninputs; i++)
            if (!t->input_shared[i])
                rt_col_free(t->inputs[i], (size_t)t->p->ncolumns + i);
    if (t->inputs) {
        for (uint32_t i = 0; i < t->p->ninputs; i++)
            free(t->members[i]);
        pthread_mutex_destroy(&t->inputs_lock);
    }
    free(t->members);
    free(t->inputs);
    free(t->input_shared);
    free(t->region);
    free(t->year);
    free(t->line);
    free(t->slot);
    free(t->maxyear);
    free(t->first);
    free(t->path);
    free(t->file);
    free(t->file_region);
    for (uint32_t k = 0; t->cellfile && k < t->p->ncolumns; k++) {
        free(t->cellfile[k]);
        free(t->cellline[k]);
    }
    free(t->cellfile);
    free(t->cellline);
    size_t nc = t->p->ncolumns ? t->p->ncolumns : 1;
    for (size_t i = 0; t->readname && i < t->npaths * nc; i++) {
        free(t->readname[i]);
        free(t->readunit[i]);
    }
    for (size_t i = 0; t->readplan && i < t->npaths; i++)
        free(t->readplan[i]);
    free(t->readname);
    free(t->readunit);
    free(t->readscale);
    free(t->readplan);
    for (size_t i = 0; i < t->npaths; i++)
        free(t->paths[i]);
    free(t->paths);
    free(t->file_sha256);
    free(t);
}

const char *rt_table_path(const rt_table *t) { return t->path; }
size_t rt_table_nfiles(const rt_table *t) { return t->npaths ? t->npaths : 1; }
const char *rt_table_sha256(const rt_table *t) { return t->sha256; }

const char *rt_table_file_sha256(const rt_table *t, size_t i)
{
    if (t->file_sha256)
        return i < t->npaths ? t->file_sha256[i] : "";
    return i == 0 ? t->sha256 : "";
}
size_t rt_table_nrows(const rt_table *t) { return t->nrows; }
uint32_t rt_table_region(const rt_table *t, size_t row) { return t->region[row]; }
int rt_table_year(const rt_table *t, size_t row) { return t->year[row]; }
unsigned rt_table_line(const rt_table *t, size_t row) { return t->line[row]; }
const double *rt_table_column(const rt_table *t, uint32_t col) { return t->data[col]; }

size_t rt_table_reread(const rt_table *t)
{
    return t->reread;
}

uint32_t rt_table_records(const rt_table *t, size_t row)
{
    return t->nrec ? t->nrec[row] : t->line[row] ? 1 : 0;
}

long rt_table_text(const rt_table *t, uint32_t col, size_t row)
{
    return t->texts && t->texts[col] ? (long)t->texts[col][row] : -1;
}

long rt_table_values(const rt_table *t, uint32_t col, size_t row)
{
    return t->aggn[col] ? (long)t->aggn[col][row] : -1;
}
const double *const *rt_table_inputs(const rt_table *t)
{
    /* The columns are built once, under the lock: the table is otherwise
     * read only, and runs may share it. */
    rt_table *mt = (rt_table *)t;
    pthread_mutex_lock(&mt->inputs_lock);
    if (!mt->inputs_built) {
        for (uint32_t i = 0; i < t->p->ninputs; i++) {
            if (mt->inputs[i])
                continue;
            /* keyed after the data columns: a line of its own */
            double *col = rt_col_realloc(NULL, (size_t)t->p->ncolumns + i, t->nrows);
            fill_input(t, i, 0, t->nrows, col);
            mt->inputs[i] = col;
        }
        mt->inputs_built = true;
    }
    pthread_mutex_unlock(&mt->inputs_lock);
    return (const double *const *)t->inputs;
}

const double *rt_table_input_rows(const rt_table *t, uint32_t i, size_t lo, size_t hi, double *buf)
{
    pthread_mutex_lock(&((rt_table *)t)->inputs_lock);
    const double *col = t->inputs[i];
    pthread_mutex_unlock(&((rt_table *)t)->inputs_lock);
    if (col)
        return col + lo;
    fill_input(t, i, lo, hi, buf);
    return buf;
}
