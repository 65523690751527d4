/* template_xlsx.c — planc template's blank data file as an Excel workbook
 * (template_xlsx.h).  Written with libxlsxwriter as the results' workbook
 * is (report_xlsx.c): in a scratch file, then copied to the output, which
 * the caller renames into place only when all of it was written. */
#define _GNU_SOURCE /* open_memstream */
#include "template_xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "cleanup.h"
#include "csv.h"
#include "msgcat.h"
#include "report_style.h"
#include "report_xlsx.h"
#include "rtmem.h"
#include "store.h"

/* The widest a column is made, in characters; an indicator's column is
 * at least as wide as Excel's General format shows a number. */
#define MAX_WIDTH 60
#define NOTES_WIDTH 120
#define NUMBER_WIDTH 11
/* Excel's limits on a data validation's title and messages, in
 * characters (libxlsxwriter refuses longer ones). */
#define TITLE_CHARS 32
#define MESSAGE_CHARS 255
/* A drop-down's words, joined by commas, are at most 255 characters in
 * Excel; libxlsxwriter copies them into a buffer of 255 bytes, so the
 * bytes are counted. */
#define LIST_BYTES 255
/* The header cells after the first NOTE_COLUMNS have no note: placing a
 * note costs libxlsxwriter a walk over the columns before it, each looked
 * up among the columns given a width, so the notes of K columns cost K³
 * (5,000 indicators' notes took 80 s); the notes sheet says what each
 * column holds, and the sheet says where the notes stop. */
#define NOTE_COLUMNS 256

/* The workbook being written and the first error libxlsxwriter reported
 * (with errno then: a file operation's reason). */
typedef struct tbook {
    lxw_workbook *wb;
    lxw_error error;
    int error_errno;
} tbook;

/* Keeps the first error. */
static void note(tbook *b, lxw_error e)
{
    int saved = errno;
    if (e != LXW_NO_ERROR && b->error == LXW_NO_ERROR) {
        b->error = e;
        b->error_errno = saved;
    }
}

/* Writes text s into a cell, a '_' that would start an escape of the
 * XML written escaped itself (report_style_xlsx_text: '_x0041_' is to
 * read back as it is, not as 'A'). */
static lxw_error put_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
    char *e = report_style_xlsx_text(s);
    lxw_error r = worksheet_write_string(ws, row, col, e ? e : s, f);
    free(e);
    return r;
}

/* What f, an open_memstream stream, holds: its text, malloc'd ("" when
 * it could not be had). */
static char *mem_text(FILE *f, char **buf)
{
    if (!f || fclose(f) != 0 || !*buf) {
        free(*buf);
        return rt_xstrdup("");
    }
    return *buf;
}

/* The note of column c's header cell: what a cell of it holds. */
static char *column_note(lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c, int from, int to)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f)
        tmpl_write_column_note(f, lang, p, n, c, from, to);
    return mem_text(f, &buf);
}

/* s cut, in place, to at most max characters (UTF-8), at a character's
 * start. */
static void clip(char *s, size_t max)
{
    size_t chars = 0;
    for (char *c = s; *c; c++)
        if (((unsigned char)*c & 0xC0) != 0x80 && chars++ == max) {
            *c = '\0';
            return;
        }
}

/* s, malloc'd, with a '_' that would start an escape of the workbook's
 * XML written escaped itself (report_style_xlsx_text); s is freed. */
static char *escaped(char *s)
{
    char *e = report_style_xlsx_text(s);
    if (!e)
        return s;
    free(s);
    return e;
}

/* The words of text map m as a drop-down's list (malloc'd, NULL-ended),
 * or NULL when Excel cannot list them: a text holding a comma (the list's
 * separator) or a double quote, more than 255 words, or more than
 * LIST_BYTES in all. */
static char **map_words(const ir_textmap *m)
{
    size_t bytes = 0;
    for (uint32_t k = 0; k < m->n; k++) {
        if (strpbrk(m->texts[k], ",\"") || k >= 255)
            return NULL;
        bytes += strlen(m->texts[k]) + (k ? 1 : 0);
    }
    if (m->n == 0 || bytes > LIST_BYTES)
        return NULL;
    char **words = rt_xcalloc((size_t)m->n + 1, sizeof *words);
    for (uint32_t k = 0; k < m->n; k++)
        words[k] = (char *)m->texts[k];
    return words;
}

/* The number of characters of s as libxlsxwriter counts them (UTF-8
 * sequences), as clip() cuts. */
static size_t chars_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The title of the input message of column c's cells (malloc'd, escaped
 * as the workbook's texts are): the indicators that read the column (the
 * columns of its name the chosen regions need, as its note lists them;
 * c's own when none is), each once, joined ("耕地, 林地"; 耕地、林地) as
 * many as fit in Excel's TITLE_CHARS with the count of the rest after
 * them ("耕地 and 3 more"; 耕地及另外3个), the first alone cut with '…'
 * before the count when even that does not fit.  *all is set when every
 * indicator is named whole. */
static char *validation_title(lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c, bool *all)
{
    *all = false;
    uint32_t count = 0, cap = 8;
    const char **names = rt_xmalloc(cap, sizeof *names);
    for (int pass = 0; pass < 2 && count == 0; pass++)
        for (uint32_t m = pass ? c : n->first[c]; m != UINT32_MAX; m = pass ? UINT32_MAX : n->next[m]) {
            if (!pass && !tmpl_column_needed(p, n, m))
                continue;
            const char *ind = p->columns[m].indicator ? p->columns[m].indicator : p->columns[m].name;
            bool seen = false;
            for (uint32_t i = 0; i < count && !seen; i++)
                seen = strcmp(names[i], ind) == 0;
            if (seen)
                continue;
            if (count == cap)
                names = rt_xrealloc(names, cap *= 2, sizeof *names);
            names[count++] = ind;
        }
    const char *sep = lang == LBL_ZH ? "、" : ", ";
    char *title = NULL;
    for (uint32_t shown = count; shown >= 1; shown--) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            break;
        for (uint32_t i = 0; i < shown; i++)
            fprintf(f, "%s%s", i ? sep : "", names[i]);
        char more[64] = "";
        if (shown < count)
            snprintf(more, sizeof more, msgcat_get(lang, " and %u more"), count - shown);
        fputs(more, f);
        char *t = escaped(mem_text(f, &buf));
        free(title);
        title = t;
        if (chars_of(title) <= TITLE_CHARS || shown == 1) {
            *all = shown == count && chars_of(title) <= TITLE_CHARS;
            size_t mn = chars_of(more);
            if (chars_of(title) > TITLE_CHARS && *more && mn + 1 < TITLE_CHARS) {
                /* the first name too long for the count after it: the
                 * name cut, with '…', so that the count shows whole */
                clip(title, TITLE_CHARS - mn - 1);
                char *cut = rt_xmalloc(strlen(title) + strlen("…") + strlen(more) + 1, 1);
                sprintf(cut, "%s…%s", title, more);
                free(title);
                title = cut;
            }
            break;
        }
    }
    free(names);
    if (!title) { /* no memory for the stream: the column's own indicator */
        title = escaped(rt_xstrdup(p->columns[c].indicator ? p->columns[c].indicator : p->columns[c].name));
        *all = false;
    }
    clip(title, TITLE_CHARS);
    return title;
}

/* The check Excel (and WPS) makes of what is typed into the cells below
 * header cell k, of column c: a drop-down of yes and no, in the words of
 * lang that planc run reads (table.c), on a yes/no column; a drop-down of
 * the map's texts on a text map's (run reads them whatever the language;
 * none when Excel cannot list them, map_words); a number from 0 to 100
 * on a rating's; a number on any other number's.  Each only warns (the
 * official may keep what was typed): an empty cell, NA, a number in a
 * map's column and the marks --na reads as missing stay possible.
 * Selecting a cell shows its indicator and what it holds (the unit).
 * Nothing of it is read back: the sheet reads as it did without.
 * Returns whether the cells show `said` (the header cell's note) whole:
 * the title the indicator and the message the kind, neither cut, and the
 * note no more than
 * that (the header cell then needs no note of its own). */
static bool validate_column(tbook *b, lxw_worksheet *ws, lbl_lang lang, const ir_program *p, const tmpl_needs *n,
                            lxw_col_t k, uint32_t c, const char *said)
{
    const ir_column *col = &p->columns[c];
    char **list = col->map ? map_words(col->map) : NULL;
    if (col->map && !list)
        return false;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f)
        tmpl_write_column_kind(f, lang, p, n, c);
    char *kind = mem_text(f, &buf);
    const char *fmt = msgcat_get(lang, "This column takes %s; leave the cell empty, or write NA, when the value is "
                                       "missing.");
    int mn = snprintf(NULL, 0, fmt, kind);
    char *message = rt_xmalloc((size_t)mn + 1, 1);
    snprintf(message, (size_t)mn + 1, fmt, kind);
    const char *indicator = col->indicator ? col->indicator : col->name;
    /* what the note says when the cells say it all: the kind and the
     * indicator, as tmpl_write_column_note writes a column's own */
    const char *ifmt = msgcat_get(lang, "; indicator %s");
    int pn = snprintf(NULL, 0, "%s", kind) + snprintf(NULL, 0, ifmt, indicator);
    char *plain = rt_xmalloc((size_t)pn + 1, 1);
    int at = snprintf(plain, (size_t)pn + 1, "%s", kind);
    snprintf(plain + at, (size_t)pn + 1 - (size_t)at, ifmt, indicator);
    /* Excel reads the texts of a data validation as it reads a cell's
     * (_x0041_ is 'A'): a '_' that would start such an escape is written
     * escaped (report_style_xlsx_text), then the text clipped to Excel's
     * length as libxlsxwriter counts it */
    bool all_named = false;
    char *title = validation_title(lang, p, n, c, &all_named);
    kind = escaped(kind);
    message = escaped(message);
    size_t klen = strlen(kind);
    clip(kind, MESSAGE_CHARS);
    clip(message, MESSAGE_CHARS);
    bool whole = all_named && strlen(kind) == klen && said && strcmp(said, plain) == 0;
    char cell[32], formula[48];
    lxw_rowcol_to_cell(cell, 1, k);
    snprintf(formula, sizeof formula, "=ISNUMBER(%s)", cell);
    char *words[3] = {lang == LBL_ZH ? "是" : "yes", lang == LBL_ZH ? "否" : "no", NULL};
    lxw_data_validation v = {.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING,
                             .input_title = title,
                             .input_message = kind,
                             .error_title = (char *)msgcat_get(lang, "Check the cell"),
                             .error_message = message};
    if (list) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = list;
    } else if (col->type == IR_COL_BOOL) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = words;
    } else if (tmpl_column_rated(n, c)) {
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = 0;
        v.maximum_number = 100;
    } else {
        v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
        v.value_formula = formula;
    }
    note(b, worksheet_data_validation_range(ws, 1, k, LXW_ROW_MAX - 1, k, &v));
    free(list);
    free(title);
    free(message);
    free(kind);
    free(plain);
    return whole;
}

/* The sheet of the data: the header, and each region's rows.  Sets
 * *unnoted when a header cell after NOTE_COLUMNS went without its note. */
static void data_sheet(tbook *b, lxw_format *head, lbl_lang lang, const ir_program *p, const tmpl_needs *n,
                       int from, int to, bool *unnoted)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, msgcat_get(lang, "data"));
    if (!ws) {
        note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    bool wide = tmpl_wide(p, n);
    uint32_t nheads;
    tmpl_head *h = tmpl_header(p, n, from, to, &nheads);
    size_t *width = rt_xcalloc(nheads, sizeof *width);
    for (uint32_t k = 0; k < nheads; k++) {
        note(b, put_text(ws, 0, (lxw_col_t)k, h[k].text, head));
        width[k] = report_style_width(h[k].text);
        if (h[k].column == TMPL_YEAR_KEY && width[k] < 4)
            width[k] = 4;
        if (h[k].column < p->ncolumns) {
            if (width[k] < NUMBER_WIDTH)
                width[k] = NUMBER_WIDTH;
            /* a per-year column's note once, on its first year's cell;
             * none where the cells' input message says it all, nor
             * after NOTE_COLUMNS (the notes sheet says what each holds) */
            char *text = column_note(lang, p, n, h[k].column, from, to);
            bool whole = validate_column(b, ws, lang, p, n, (lxw_col_t)k, h[k].column, text);
            if (!whole && (h[k].year == 0 || h[k].year == from)) {
                if (k < NOTE_COLUMNS) {
                    char *e = report_style_xlsx_text(text);
                    lxw_comment_options o = {.width = 360, .height = 160, .author = "planc"};
                    note(b, worksheet_write_comment_opt(ws, 0, (lxw_col_t)k, e ? e : text, &o));
                    free(e);
                } else {
                    *unnoted = true;
                }
            }
            free(text);
        }
    }
    lxw_row_t row = 1;
    for (uint32_t i = 0; i < n->nregions; i++) {
        if (!tmpl_region_has_rows(p, n, i))
            continue;
        const char *name = p->regions[n->regions[i]].name;
        if (report_style_width(name) > width[0])
            width[0] = report_style_width(name);
        int last = wide ? from : to;
        for (int y = from; from > 0 && y <= last; y++, row++) {
            note(b, put_text(ws, row, 0, name, NULL));
            if (!wide)
                note(b, worksheet_write_number(ws, row, 1, y, NULL));
        }
    }
    for (uint32_t k = 0; k < nheads; k++) {
        size_t w = width[k] + 2;
        note(b, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, (double)(w < MAX_WIDTH ? w : MAX_WIDTH), NULL));
    }
    worksheet_freeze_panes(ws, 1, wide ? 1 : 2);
    free(width);
    tmpl_header_free(h, nheads);
}

/* The sheet of notes: the list of the columns (planc template --list), a
 * line a row, under a title (and, when the data sheet's header cells after
 * NOTE_COLUMNS have no note, a line saying so). */
static void notes_sheet(tbook *b, lxw_format *head, lbl_lang lang, const ir_program *p, const tmpl_needs *n,
                        int from, int to, bool unnoted)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, msgcat_get(lang, "notes"));
    if (!ws) {
        note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f)
        tmpl_write_list(f, lang, p, n, from, to);
    char *text = mem_text(f, &buf);
    char *title = NULL;
    const char *fmt = msgcat_get(lang, "What each column of sheet '%s' holds (planc template --list)");
    int tn = snprintf(NULL, 0, fmt, msgcat_get(lang, "data"));
    title = rt_xmalloc((size_t)tn + 1, 1);
    snprintf(title, (size_t)tn + 1, fmt, msgcat_get(lang, "data"));
    note(b, put_text(ws, 0, 0, title, head));
    size_t widest = report_style_width(title);
    lxw_row_t row = 1;
    if (unnoted) {
        const char *ufmt = msgcat_get(lang, "Only the first %d columns of sheet '%s' have a note on their header cell "
                                            "(many notes make a workbook slow to write and to open): this list says "
                                            "what each column holds.");
        int un = snprintf(NULL, 0, ufmt, NOTE_COLUMNS, msgcat_get(lang, "data"));
        char *line = rt_xmalloc((size_t)un + 1, 1);
        snprintf(line, (size_t)un + 1, ufmt, NOTE_COLUMNS, msgcat_get(lang, "data"));
        note(b, put_text(ws, row++, 0, line, NULL));
        free(line);
    }
    for (char *line = text; *line; row++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        note(b, put_text(ws, row, 0, line, NULL));
        if (report_style_width(line) > widest)
            widest = report_style_width(line);
        line = nl ? nl + 1 : line + strlen(line);
    }
    widest += 2;
    note(b, worksheet_set_column(ws, 0, 0, (double)(widest < NOTES_WIDTH ? widest : NOTES_WIDTH), NULL));
    worksheet_freeze_panes(ws, 1, 0);
    free(title);
    free(text);
}

int tmplx_write(FILE *out, lbl_lang lang, const ir_program *p, const tmpl_needs *n, int from, int to, FILE *err)
{
    /* the sheet must hold the header and every row, and every column */
    uint32_t nheads;
    tmpl_head *h = tmpl_header(p, n, from, to, &nheads);
    tmpl_header_free(h, nheads);
    size_t nrows = 1;
    bool wide = tmpl_wide(p, n);
    for (uint32_t i = 0; from > 0 && i < n->nregions; i++)
        if (tmpl_region_has_rows(p, n, i))
            nrows += wide ? 1 : (size_t)(to - from + 1);
    if (nrows > LXW_ROW_MAX || nheads > LXW_COL_MAX) {
        csv_message(err, msgcat_get(lang, "planc: error: the blank file has %zu rows and %u columns, more than an "
                                          "Excel sheet holds (%d rows, %d columns): write it as CSV (-o NAME.csv)\n"),
                    nrows, nheads, LXW_ROW_MAX, LXW_COL_MAX);
        return TMPLX_TOO_LARGE;
    }
    char *scratch = report_xlsx_scratch();
    if (!scratch) {
        const char *dir = getenv("TMPDIR");
        csv_message(err, "planc: error: cannot create a scratch file for the workbook in '%s'%s: %s\n",
                    dir && *dir ? dir : "/tmp", dir && *dir ? " ($TMPDIR)" : "",
                    msgcat_strerror(msgcat_lang(), errno));
        return -1;
    }
    int scratch_cleanup = cleanup_file(scratch); /* removed if a signal ends planc */
    report_xlsx_muted quiet = report_xlsx_mute();
    tbook b = {0};
    /* rows go to the file as they are written (the header, then each
     * region's rows in order): the memory is a row's, not the sheet's
     * (~330 bytes a row built in memory made 1M rows 385 MB); the texts
     * are then written in their cells rather than shared, which planc
     * and Excel read alike */
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE};
    b.wb = workbook_new_opt(scratch, &opts);
    if (!b.wb) {
        report_xlsx_unmute(&quiet);
        csv_message(err, "planc: error: cannot start the workbook in '%s'\n", scratch);
        unlink(scratch);
        cleanup_done(scratch_cleanup);
        free(scratch);
        return -1;
    }
    /* the creation time: the clock, or SOURCE_DATE_EPOCH for the same
     * bytes (libxlsxwriter's own would be the clock's) */
    const char *fmt = lbl_get(lang, LBL_BOOK_WRITTEN_BY);
    int cn = snprintf(NULL, 0, fmt, PLANC_VERSION);
    char *comments = rt_xmalloc((size_t)cn + 1, 1);
    snprintf(comments, (size_t)cn + 1, fmt, PLANC_VERSION);
    lxw_doc_properties props = {.title = (char *)(p->title ? p->title : p->plan),
                                .author = "planc",
                                .comments = comments,
                                .created = store_time()};
    note(&b, workbook_set_properties(b.wb, &props));
    lxw_format *head = workbook_add_format(b.wb);
    format_set_bold(head);
    format_set_pattern(head, LXW_PATTERN_SOLID);
    format_set_bg_color(head, 0xF2F2F2);
    format_set_bottom(head, LXW_BORDER_THIN);
    bool unnoted = false;
    data_sheet(&b, head, lang, p, n, from, to, &unnoted);
    notes_sheet(&b, head, lang, p, n, from, to, unnoted);
    size_t nsheets = 0;
    lxw_worksheet *ws;
    LXW_FOREACH_WORKSHEET(ws, b.wb) {
        nsheets++;
    }
    note(&b, workbook_close(b.wb));
    free(comments);
    report_xlsx_unmute(&quiet);
    int rc = 0, e = 0;
    /* read back as the results' workbook is: libxlsxwriter writes each
     * part to a file in $TMPDIR first without checking the writes, and a
     * full disk or ulimit -f there cut the data sheet short, exit 0 */
    if (b.error == LXW_NO_ERROR && !report_xlsx_whole(scratch, NULL, nsheets, err)) {
        rc = -1;
    } else if (b.error != LXW_NO_ERROR) {
        /* the scratch file, in $TMPDIR, is what could not be written */
        csv_message(err, "planc: error: cannot write the workbook's scratch file '%s': %s\n", scratch,
                    report_xlsx_file_error(b.error) && b.error_errno ? msgcat_strerror(msgcat_lang(), b.error_errno)
                                                                     : lxw_strerror(b.error));
        rc = -1;
    } else if (report_xlsx_copy(scratch, out) != 0) {
        e = errno;
        rc = TMPLX_OUT_ERROR;
    }
    unlink(scratch);
    cleanup_done(scratch_cleanup);
    free(scratch);
    errno = e;
    return rc;
}
