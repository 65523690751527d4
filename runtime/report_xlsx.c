/* report_xlsx.c — the results as an Excel workbook (see report_xlsx.h and
 * docs/OUTPUT.md).
 *
 * Six sheets, in this order: regions, off_track and put_right (what is
 * behind, and what was put right since the year before), agencies,
 * targets (the roll-ups of one year, rollup.h) and detail (every result
 * row, the columns of the CSV); then sources, when a values table of the
 * rules has notes
 * (where the plan's numbers come from).  Each sheet starts with a header row, frozen so that it stays in
 * view, and has an autofilter.  While a sheet is written the widest text
 * of each column is kept (display width: a CJK character counts two
 * columns, as Excel's column width unit is about one Latin digit), and the
 * columns are set that wide at the end.  A status cell is filled with its
 * status colour (report_style.h), a grade cell with its band's colour.
 *
 * The workbook is written in libxlsxwriter's constant-memory mode: rows go
 * to a temporary file as they are written, so a large detail sheet does
 * not stay in memory. */
#define _GNU_SOURCE /* memfd_create */
#include "report_xlsx.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <unzip.h>

#include "cleanup.h"
#include "csv.h"
#include "fileio.h"
#include "labels.h"
#include "manifest.h"
#include "msgcat.h"
#include "report.h"
#include "report_style.h"
#include "rtmem.h"
#include "store.h"
#include "utf8.h"

/* Most bytes of text written to a cell (Excel holds 32767 characters). */
#define MAX_TEXT 32000
/* The widest a column is made, in characters. */
#define MAX_WIDTH 60
/* Number cells are at most this wide (Excel's General format shows about
 * eleven characters of a number). */
#define NUMBER_WIDTH 11

/* A sheet being written: its next row and the widest cell of each column. */
typedef struct sheet {
    lxw_worksheet *ws;
    uint32_t ncols;
    size_t *width;      /* display columns of the widest cell of each column */
    lxw_row_t row;      /* the next row to write */
} sheet;

/* The workbook being written, its formats, and the run it comes from. */
typedef struct book {
    lxw_workbook *wb;
    const ir_program *p;
    const rt_table *t;
    const rt_result *r;
    const rollup *ru;
    lbl_lang lang;                          /* the language of headers and statuses */
    lxw_format *head;                       /* header cells */
    lxw_format *head_status[IR_ST_MET + 1]; /* headers of status counts */
    lxw_format *status[IR_ST_MET + 1];      /* status cells (NULL: no fill) */
    lxw_format **grade;                     /* grade cells, one per band */
    lxw_format *score;                      /* scores: two decimals shown */
    char **leads;                           /* each measure's lead text (in lang) */
    char *text;                             /* a cell's cleaned text */
    int prev_year;                          /* the data's year before the roll-up year, whose
                                               totals and grades the regions sheet gives
                                               beside this year's; 0 when there is none or
                                               no assessment */
    int year_before;                        /* the data's year before the roll-up year,
                                               assessed or not (rollup_year_before),
                                               which the off_track and put_right sheets'
                                               previous status column names; 0: none */
    lxw_error error;                        /* the first write error */
    int error_errno;                        /* errno when it was reported (the system's reason) */
    time_t created;                         /* the creation time its properties record */
} book;

/* Keeps the first error libxlsxwriter reported. */
static void note(book *b, lxw_error e)
{
    int saved = errno;
    if (e != LXW_NO_ERROR && b->error == LXW_NO_ERROR) {
        b->error = e;
        b->error_errno = saved;
    }
}

/* Whether libxlsxwriter's error e comes from a file operation, whose
 * reason errno then gives ("File too large" rather than "Zip generic
 * error ZIP_ERRNO while creating the xlsx file"). */
static bool file_error(lxw_error e)
{
    switch (e) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        return true;
    default:
        return false;
    }
}

/* libxlsxwriter says its errors on stderr itself, before it returns the
 * error planc then reports in its own words with the file's name
 * ("[ERROR][./src/packager.c:1541]: Error in closing member in the
 * zipfile", "[ERROR] workbook_close(): ..."): while the workbook is
 * written, descriptor 2 is a file in memory (mute_library), and
 * afterwards its lines go to the real stderr but for the library's own,
 * those that begin "[ERROR]" or "[WARNING]" (unmute_library).  Nothing
 * planc or another thread says meanwhile is lost.  saved is the real
 * stderr, -1 when it could not be set aside (then nothing is held back). */
typedef report_xlsx_muted muted;

/* Sets descriptor 2 aside and points it at a file in memory. */
static muted mute_library(void)
{
    muted m = {-1, -1};
    fflush(stderr);
    m.mem = memfd_create("planc-xlsx-stderr", MFD_CLOEXEC);
    if (m.mem < 0)
        return m;
    m.saved = fcntl(2, F_DUPFD_CLOEXEC, 3);
    if (m.saved < 0 || dup2(m.mem, 2) < 0) {
        if (m.saved >= 0)
            close(m.saved);
        close(m.mem);
        m.saved = m.mem = -1;
    }
    return m;
}

/* Gives descriptor 2 back and passes on what was said meanwhile, but
 * libxlsxwriter's own lines (mute_library).  errno is kept. */
static void unmute_library(muted *m)
{
    if (m->saved < 0)
        return;
    int e = errno;
    fflush(stderr);
    dup2(m->saved, 2);
    close(m->saved);
    off_t len = lseek(m->mem, 0, SEEK_END);
    char *text = len > 0 ? malloc((size_t)len + 1) : NULL;
    if (text && pread(m->mem, text, (size_t)len, 0) == len) {
        text[len] = '\0';
        for (char *line = text; *line;) {
            char *nl = strchr(line, '\n');
            size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
            if (strncmp(line, "[ERROR]", 7) != 0 && strncmp(line, "[WARNING]", 9) != 0)
                fio_write_all(2, line, n);
            line += n;
        }
    }
    free(text);
    close(m->mem);
    m->saved = m->mem = -1;
    errno = e;
}

/* ------------------------------------------------------------ cells */

/* Copies s into b->text with unsafe characters (report_style_unsafe)
 * replaced by U+FFFD and a '_' that would start an escape of the XML
 * written _x005F_ (report_style_xlsx_escape_at), cut at a character
 * boundary before MAX_TEXT bytes. */
static const char *clean_text(book *b, const char *s)
{
    size_t n = strlen(s), len = 0;
    while (n > 0) {
        uint32_t cp;
        int k = utf8_decode(s, n, &cp);
        const char *src = s;
        size_t m = (size_t)k;
        if (report_style_unsafe(cp)) {
            src = "\xEF\xBF\xBD";
            m = 3;
        } else if (report_style_xlsx_escape_at(s)) {
            src = "_x005F_"; /* '_x0041_' shown as it is, not as 'A' */
            m = 7;
        }
        if (len + m > MAX_TEXT)
            break;
        memcpy(b->text + len, src, m);
        len += m;
        s += k;
        n -= (size_t)k;
    }
    b->text[len] = '\0';
    return b->text;
}

/* Records a cell of `w` display columns in column `col`. */
static void widen(sheet *s, lxw_col_t col, size_t w)
{
    if (col < s->ncols && w > s->width[col])
        s->width[col] = w;
}

/* Writes text (nothing for NULL or "": an empty cell) in column col of the
 * current row. */
static void cell_text(book *b, sheet *s, lxw_col_t col, const char *text, lxw_format *f)
{
    if (!text || !*text)
        return;
    const char *c = clean_text(b, text);
    note(b, worksheet_write_string(s->ws, s->row, col, c, f));
    widen(s, col, report_style_width(c));
}

/* Writes a number; a missing one (NaN) leaves the cell empty, and an
 * infinity (which a cell cannot hold) is written as text, as the CSV
 * writes it.  The number is rounded to 15 significant digits, the
 * precision Excel shows and computes to: the digits beyond (the last bits
 * of a sum, 0.30000000000000004; the 17th digit some doubles need to read
 * back) are no part of a result a reader copies from a cell, and the CSV
 * and the JSON keep every bit (docs/OUTPUT.md §7). */
static void cell_number(book *b, sheet *s, lxw_col_t col, double v, lxw_format *f)
{
    char buf[32];
    if (isnan(v))
        return;
    if (isinf(v)) {
        report_format_number(v, buf);
        cell_text(b, s, col, buf, f);
        return;
    }
    snprintf(buf, sizeof buf, "%.15g", v);
    v = strtod(buf, NULL);
    report_format_number(v, buf);
    /* -0 (a score of 100 × clamp(-0 / d, 0, 1), a cell "-0") is written 0,
     * as the CSV, the JSON and the history write it: libxlsxwriter would
     * write "-0", which a spreadsheet may show as -0.00. */
    if (v == 0)
        v = 0;
    note(b, worksheet_write_number(s->ws, s->row, col, v, f));
    if (f && f == b->score)
        snprintf(buf, sizeof buf, "%.2f", v);
    size_t w = strlen(buf);
    widen(s, col, w < NUMBER_WIDTH ? w : NUMBER_WIDTH);
}

/* Writes a number a reader reads rather than computes with (the targets
 * sheet's distribution) rounded as the page shows it: the number
 * report_format_shown writes with the page's decimals, so that the
 * workbook and the page agree digit for digit (the CSV and the JSON keep
 * full precision); an infinity as text, as cell_number. */
static void cell_shown(book *b, sheet *s, lxw_col_t col, double v)
{
    char buf[32];
    if (isnan(v) || isinf(v)) {
        cell_number(b, s, col, v, NULL);
        return;
    }
    report_format_shown(v, REPORT_PAGE_DECIMALS, buf);
    cell_number(b, s, col, strtod(buf, NULL), NULL);
}

/* Writes a value of a yes/no (when `yesno`) as the page writes it, `yes`
 * or `no` (是 / 否), a text cell (the CSV writes 1 / 0); else a number. */
static void cell_value(book *b, sheet *s, lxw_col_t col, double v, bool yesno)
{
    if (yesno && !isnan(v))
        cell_text(b, s, col, lbl_get(b->lang, v != 0 ? LBL_YES : LBL_NO), NULL);
    else
        cell_number(b, s, col, v, NULL);
}

/* Writes a count. */
static void cell_count(book *b, sheet *s, lxw_col_t col, uint32_t n)
{
    cell_number(b, s, col, (double)n, NULL);
}

/* Writes a status cell, filled with the status colour. */
static void cell_status(book *b, sheet *s, lxw_col_t col, double st)
{
    if (isnan(st) || st < IR_ST_NA || st > IR_ST_MET)
        return;
    cell_text(b, s, col, lbl_status(b->lang, (int)st), b->status[(int)st]);
}

/* Writes a grade cell (band index g, -1 or NaN for none). */
static void cell_grade(book *b, sheet *s, lxw_col_t col, double g)
{
    if (isnan(g) || g < 0 || g >= b->p->nbands)
        return;
    uint32_t band = (uint32_t)g;
    cell_text(b, s, col, b->p->bands[band], b->grade[band]);
}

/* ----------------------------------------------------------- sheets */

/* Adds the sheet named by label `name` with its header row.  `heads[i]`
 * names column i; a status word's label (LBL_ST_*) gets that status's
 * colour; the year before's total and grade (LBL_COL_PREV_TOTAL,
 * LBL_COL_PREV_GRADE) name that year, b->prev_year, and the previous
 * status (LBL_COL_PREV_STATUS) the data's year before, b->year_before,
 * when there is one ("status 2023"). */
static void sheet_begin(book *b, sheet *s, lbl_id name, const lbl_id *heads, uint32_t n)
{
    s->ws = workbook_add_worksheet(b->wb, lbl_get(b->lang, name));
    s->ncols = n;
    s->width = rt_xcalloc(n, sizeof *s->width);
    s->row = 0;
    if (!s->ws) {
        note(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (uint32_t c = 0; c < n; c++) {
        lxw_format *f = b->head;
        if ((int)heads[c] >= (int)LBL_ST_NA && heads[c] <= LBL_ST_MET)
            f = b->head_status[heads[c] - LBL_ST_NA];
        if (heads[c] == LBL_COL_PREV_TOTAL || heads[c] == LBL_COL_PREV_GRADE) {
            char text[64];
            snprintf(text, sizeof text, lbl_get(b->lang, heads[c]), b->prev_year);
            cell_text(b, s, (lxw_col_t)c, text, f);
        } else if (heads[c] == LBL_COL_PREV_STATUS && b->year_before) {
            char text[64];
            snprintf(text, sizeof text, lbl_get(b->lang, LBL_COL_PREV_STATUS_YEAR), b->year_before);
            cell_text(b, s, (lxw_col_t)c, text, f);
        } else {
            cell_text(b, s, (lxw_col_t)c, lbl_get(b->lang, heads[c]), f);
        }
    }
    s->row = 1;
}

/* Sets each column as wide as its widest cell, freezes the header row and
 * puts an autofilter on it; prints on A4 landscape, one page wide, the
 * header row repeated on every page (a sheet wider than a page would
 * otherwise print its last columns on pages of their own); frees s's
 * bookkeeping. */
static void sheet_end(book *b, sheet *s)
{
    if (s->ws) {
        for (uint32_t c = 0; c < s->ncols; c++) {
            size_t w = s->width[c] + 2;
            note(b, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c,
                                         (double)(w < MAX_WIDTH ? w : MAX_WIDTH), NULL));
        }
        worksheet_freeze_panes(s->ws, 1, 0);
        worksheet_set_landscape(s->ws);
        worksheet_set_paper(s->ws, 9); /* A4 */
        worksheet_fit_to_pages(s->ws, 1, 0);
        note(b, worksheet_repeat_rows(s->ws, 0, 0));
        note(b, worksheet_autofilter(s->ws, 0, 0, s->row > 1 ? s->row - 1 : 0,
                                     (lxw_col_t)(s->ncols - 1)));
    }
    free(s->width);
    s->width = NULL;
}

/* Writes the six status counts from column `col` on, in the roll-ups'
 * order (rollup_status_order: met first). */
static void cell_counts(book *b, sheet *s, lxw_col_t col, const rollup_counts *c)
{
    for (int i = 0; i <= IR_ST_MET; i++)
        cell_count(b, s, col++, c->n[rollup_status_order[i]]);
}

/* The six status count headers, in the roll-ups' order. */
#define COUNT_HEADS LBL_ST_MET, LBL_ST_ON_TRACK, LBL_ST_LAGGING, LBL_ST_FAILED, LBL_ST_MISSING, \
                    LBL_ST_NA

/* Writes names joined with ';' in column col (nothing when there are
 * none). */
static void cell_list(book *b, sheet *s, lxw_col_t col, const char *const *names, uint32_t n,
                      lxw_format *f)
{
    size_t len = 1;
    for (uint32_t i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *text = rt_xmalloc(len, 1);
    text[0] = '\0';
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            strcat(text, ";");
        strcat(text, names[i]);
    }
    cell_text(b, s, col, text, f);
    free(text);
}

/* The regions sheet: the columns of `--rollup region` (docs/OUTPUT.md),
 * one row per region of the roll-up year, ordered by level and rank; when
 * the page's table of regions has them (b->prev_year), the year before's
 * total and grade right after this year's (the last assessment beside
 * this one), read from the region's row of that year as rollup_make reads
 * a total and a grade. */
static void sheet_regions(book *b)
{
    static const lbl_id heads[] = {LBL_COL_REGION, LBL_COL_LEVEL, LBL_COL_YEAR, LBL_COL_TOTAL,
                                   LBL_COL_GRADE,  LBL_COL_RANK,  LBL_COL_RANKED, COUNT_HEADS,
                                   LBL_COL_VETOES, LBL_COL_PARENT, LBL_COL_TOP};
    static const lbl_id heads_prev[] = {
        LBL_COL_REGION, LBL_COL_LEVEL,  LBL_COL_YEAR,   LBL_COL_TOTAL,  LBL_COL_GRADE,
        LBL_COL_PREV_TOTAL, LBL_COL_PREV_GRADE, LBL_COL_RANK, LBL_COL_RANKED, COUNT_HEADS,
        LBL_COL_VETOES, LBL_COL_PARENT, LBL_COL_TOP};
    const ir_program *p = b->p;
    const rollup *ru = b->ru;
    const char **names = rt_xmalloc(p->ntargets ? p->ntargets : 1, sizeof *names);
    lxw_col_t x = b->prev_year ? 2 : 0; /* the later columns' shift */
    sheet s;
    if (b->prev_year)
        sheet_begin(b, &s, LBL_SHEET_REGIONS, heads_prev, sizeof heads_prev / sizeof heads_prev[0]);
    else
        sheet_begin(b, &s, LBL_SHEET_REGIONS, heads, sizeof heads / sizeof heads[0]);
    for (uint32_t k = 0; ru && s.ws && k < ru->nregions; k++, s.row++) {
        const rollup_region *rr = &ru->regions[ru->by_rank[k]];
        cell_text(b, &s, 0, p->regions[rr->region].name, NULL);
        cell_text(b, &s, 1, rr->level < p->nlevels ? ir_level_word(p, rr->level, b->lang) : NULL, NULL);
        cell_number(b, &s, 2, ru->year, NULL);
        cell_number(b, &s, 3, rr->total, b->score);
        cell_grade(b, &s, 4, rr->grade);
        if (b->prev_year) {
            long row = rt_table_find(b->t, rr->region, b->prev_year);
            if (row >= 0) {
                cell_number(b, &s, 5, rt_result_value(b->r, p->total, (size_t)row), b->score);
                cell_grade(b, &s, 6, rt_result_value(b->r, p->grade, (size_t)row));
            }
        }
        if (rr->rank)
            cell_count(b, &s, 5 + x, rr->rank);
        cell_count(b, &s, 6 + x, rr->nranked);
        cell_counts(b, &s, 7 + x, &rr->counts);
        for (uint32_t i = 0; i < rr->nvetoes; i++)
            names[i] = p->targets[rr->vetoes[i]].name;
        cell_list(b, &s, 13 + x, names, rr->nvetoes, b->status[IR_ST_FAILED]);
        cell_text(b, &s, 14 + x, rr->parent >= 0 ? p->regions[rr->parent].name : NULL, NULL);
        cell_text(b, &s, 15 + x, rr->top >= 0 ? p->regions[rr->top].name : NULL, NULL);
    }
    sheet_end(b, &s);
    free(names);
}

/* The first six cells of a row of the off_track and put_right sheets,
 * one (region rr, target tg) pair of the roll-up year: region, level,
 * year, target, clause, the lead agency of its measure. */
static void pair_cells(book *b, sheet *s, const rollup_region *rr, const ir_target *tg)
{
    const ir_program *p = b->p;
    cell_text(b, s, 0, p->regions[rr->region].name, NULL);
    cell_text(b, s, 1, rr->level < p->nlevels ? ir_level_word(p, rr->level, b->lang) : NULL, NULL);
    cell_number(b, s, 2, b->ru->year, NULL);
    cell_text(b, s, 3, tg->name, NULL);
    cell_text(b, s, 4, tg->clause, NULL);
    cell_text(b, s, 5, tg->measure < p->nmeasures ? b->leads[tg->measure] : NULL, NULL);
}

/* The off_track sheet: each (region, target) failed or lagging in the
 * roll-up year, in rollup_offtrack_make's order (the regions furthest
 * behind first), with what the page's list shows and the region's level,
 * parent and top for the autofilter. */
static void sheet_offtrack(book *b)
{
    static const lbl_id heads[] = {LBL_COL_REGION, LBL_COL_LEVEL, LBL_COL_YEAR, LBL_COL_TARGET,
                                   LBL_COL_CLAUSE, LBL_COL_LEAD, LBL_COL_STATUS, LBL_COL_SINCE,
                                   LBL_COL_PREV_STATUS, LBL_COL_VALUE, LBL_COL_EXPECTED,
                                   LBL_COL_GOAL, LBL_COL_GAP, LBL_COL_UNIT, LBL_COL_REDLINE,
                                   LBL_COL_PARENT, LBL_COL_TOP};
    const ir_program *p = b->p;
    const rollup *ru = b->ru;
    size_t n = 0;
    rollup_offtrack *o = rollup_offtrack_make(p, b->t, b->r, ru, &n);
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_OFFTRACK, heads, sizeof heads / sizeof heads[0]);
    for (size_t k = 0; s.ws && k < n; k++, s.row++) {
        const rollup_region *rr = &ru->regions[o[k].region];
        const ir_target *tg = &p->targets[o[k].target];
        bool yesno = report_target_bool(p, tg);
        pair_cells(b, &s, rr, tg);
        cell_status(b, &s, 6, o[k].status);
        cell_number(b, &s, 7, o[k].since, NULL);
        if (o[k].prev >= 0)
            cell_status(b, &s, 8, o[k].prev);
        /* rounded as the page shows them: a list for people (the detail
         * sheet has every number in full) */
        double nums[3] = {o[k].value, o[k].expected, o[k].goal};
        for (lxw_col_t c = 0; c < 3; c++) {
            if (yesno)
                cell_value(b, &s, 9 + c, nums[c], true);
            else
                cell_shown(b, &s, 9 + c, nums[c]);
        }
        cell_shown(b, &s, 12, o[k].gap);
        /* no unit for a plain number or a yes/no, as the page writes it */
        cell_text(b, &s, 13, report_target_unit_shown(tg), NULL);
        if (tg->veto || tg->redline)
            cell_text(b, &s, 14, lbl_get(b->lang, tg->veto ? LBL_OFFTRACK_VETO : LBL_OFFTRACK_REDLINE),
                      b->status[IR_ST_FAILED]);
        cell_text(b, &s, 15, rr->parent >= 0 ? p->regions[rr->parent].name : NULL, NULL);
        cell_text(b, &s, 16, rr->top >= 0 ? p->regions[rr->top].name : NULL, NULL);
    }
    sheet_end(b, &s);
    free(o);
}

/* The put_right sheet: each (region, target) failed or lagging in the
 * data's year before the roll-up year and met or on track in it
 * (rollup_resolved_make: by level, rank, then program order), with what
 * the page's list under the off-track one shows and the region's level,
 * parent and top for the autofilter; only its header row when none was
 * put right or the data has no year before (the sheet is always there,
 * so that the sheets after it keep their places). */
static void sheet_resolved(book *b)
{
    static const lbl_id heads[] = {LBL_COL_REGION, LBL_COL_LEVEL, LBL_COL_YEAR, LBL_COL_TARGET,
                                   LBL_COL_CLAUSE, LBL_COL_LEAD, LBL_COL_PREV_STATUS,
                                   LBL_COL_STATUS, LBL_COL_VALUE, LBL_COL_GOAL, LBL_COL_UNIT,
                                   LBL_COL_PARENT, LBL_COL_TOP};
    const ir_program *p = b->p;
    const rollup *ru = b->ru;
    size_t n = 0;
    rollup_offtrack *o = rollup_resolved_make(p, b->t, b->r, ru, &n);
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_RESOLVED, heads, sizeof heads / sizeof heads[0]);
    for (size_t k = 0; s.ws && k < n; k++, s.row++) {
        const rollup_region *rr = &ru->regions[o[k].region];
        const ir_target *tg = &p->targets[o[k].target];
        bool yesno = report_target_bool(p, tg);
        pair_cells(b, &s, rr, tg);
        cell_status(b, &s, 6, o[k].prev);
        cell_status(b, &s, 7, o[k].status);
        /* rounded as the page shows them, as the off_track sheet's */
        double nums[2] = {o[k].value, o[k].goal};
        for (lxw_col_t c = 0; c < 2; c++) {
            if (yesno)
                cell_value(b, &s, 8 + c, nums[c], true);
            else
                cell_shown(b, &s, 8 + c, nums[c]);
        }
        cell_text(b, &s, 10, report_target_unit_shown(tg), NULL);
        cell_text(b, &s, 11, rr->parent >= 0 ? p->regions[rr->parent].name : NULL, NULL);
        cell_text(b, &s, 12, rr->top >= 0 ? p->regions[rr->top].name : NULL, NULL);
    }
    sheet_end(b, &s);
    free(o);
}

/* The agencies sheet: the columns of `--rollup agency`, one row per
 * accountable agency. */
static void sheet_agencies(book *b)
{
    static const lbl_id heads[] = {LBL_COL_AGENCY, LBL_COL_YEAR, LBL_COL_NMEASURES,
                                   LBL_COL_NTARGETS, COUNT_HEADS, LBL_COL_MEASURE_IDS,
                                   LBL_COL_TARGET_NAMES};
    const ir_program *p = b->p;
    const rollup *ru = b->ru;
    uint32_t cap = (p->nmeasures > p->ntargets ? p->nmeasures : p->ntargets) + 1;
    const char **names = rt_xmalloc(cap, sizeof *names);
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_AGENCIES, heads, sizeof heads / sizeof heads[0]);
    for (uint32_t i = 0; ru && s.ws && i < ru->nagencies; i++, s.row++) {
        const rollup_agency *a = &ru->agencies[i];
        cell_text(b, &s, 0, a->name, NULL);
        cell_number(b, &s, 1, ru->year, NULL);
        cell_count(b, &s, 2, a->nmeasures);
        cell_count(b, &s, 3, a->ntargets);
        cell_counts(b, &s, 4, &a->counts);
        for (uint32_t k = 0; k < a->nmeasures; k++)
            names[k] = p->measures[a->measures[k]].id;
        cell_list(b, &s, 10, names, a->nmeasures, NULL);
        for (uint32_t k = 0; k < a->ntargets; k++)
            names[k] = p->targets[a->targets[k]].name;
        cell_list(b, &s, 11, names, a->ntargets, NULL);
    }
    sheet_end(b, &s);
    free(names);
}

/* The targets sheet: the columns of `--rollup target`, one row per target
 * and level: its statuses over the level's regions and the distribution of
 * their values. */
static void sheet_targets(book *b)
{
    static const lbl_id heads[] = {
        LBL_COL_TARGET, LBL_COL_CLAUSE, LBL_COL_LEAD, LBL_COL_UNIT, LBL_COL_LEVEL, LBL_COL_YEAR,
        COUNT_HEADS, LBL_COL_VALUES, LBL_COL_MIN, LBL_COL_Q1, LBL_COL_MEDIAN, LBL_COL_Q3,
        LBL_COL_MAX, LBL_COL_MEAN, LBL_COL_GOAL, LBL_COL_BELOW_GOAL, LBL_COL_ABOVE_GOAL,
        LBL_COL_MEAN_SCORE, LBL_COL_GOAL_VARIES, LBL_COL_SCORE_NOTE};
    const ir_program *p = b->p;
    const rollup *ru = b->ru;
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_TARGETS, heads, sizeof heads / sizeof heads[0]);
    for (uint32_t ti = 0; ru && s.ws && ti < ru->ntargets; ti++, s.row++) {
        const rollup_target *rt = &ru->targets[ti];
        const ir_target *tg = &p->targets[rt->target];
        cell_text(b, &s, 0, tg->name, NULL);
        cell_text(b, &s, 1, tg->clause, NULL);
        cell_text(b, &s, 2, tg->measure < p->nmeasures ? b->leads[tg->measure] : NULL, NULL);
        cell_text(b, &s, 3, report_target_unit_shown(tg), NULL);
        cell_text(b, &s, 4, rt->level == ROLLUP_NO_LEVEL ? NULL : ir_level_word(p, rt->level, b->lang), NULL);
        cell_number(b, &s, 5, ru->year, NULL);
        cell_counts(b, &s, 6, &rt->counts);
        cell_count(b, &s, 12, rt->nvalues);
        /* the distribution stays numbers (of a yes/no: the mean is the
         * share of yes), rounded as the page shows them; the goal is yes
         * or no, as on the page */
        const double dist[] = {rt->min, rt->q1, rt->median, rt->q3, rt->max, rt->mean};
        for (int k = 0; k < 6; k++)
            cell_shown(b, &s, (lxw_col_t)(13 + k), dist[k]);
        cell_value(b, &s, 19, rt->goal, report_target_bool(p, tg));
        cell_count(b, &s, 20, rt->nbelow_goal);
        cell_count(b, &s, 21, rt->nabove_goal);
        cell_number(b, &s, 22, rt->mean_score, b->score);
        cell_text(b, &s, 23, lbl_get(b->lang, rt->goal_varies ? LBL_TRUE : LBL_FALSE), NULL);
        /* why on_track regions score 0 (peaks, yes/no), as under the page's table */
        int why = report_on_track_zero(p, tg);
        if (why >= 0 && rt->counts.n[IR_ST_ON_TRACK] > 0)
            cell_text(b, &s, 24, lbl_get(b->lang, (lbl_id)why), NULL);
    }
    sheet_end(b, &s);
}

/* Columns of the detail sheet: the CSV's (docs/LANGUAGE.md §11). */
enum { D_REGION, D_YEAR, D_KIND, D_ID, D_NAME, D_CLAUSE, D_LEAD, D_STATUS, D_VALUE, D_UNIT,
       D_GOAL, D_EXPECTED, D_SCORE, D_WEIGHT, D_GRADE, D_VETOES, D_PARENT, D_TOP, D_NCOLS };

/* Writes the cells of a detail row that say where it is: the region, the
 * year, and (the last two columns, after a `tolerance` column when tol is
 * 1) the region's parent and top. */
static void detail_key(book *b, sheet *s, size_t row, uint32_t tol)
{
    const ir_program *p = b->p;
    uint32_t reg = rt_table_region(b->t, row);
    int32_t up = p->regions[reg].parent, top = report_region_top(p, reg);
    cell_text(b, s, D_REGION, p->regions[reg].name, NULL);
    cell_number(b, s, D_YEAR, rt_table_year(b->t, row), NULL);
    cell_text(b, s, D_PARENT + tol, up >= 0 ? p->regions[up].name : NULL, NULL);
    cell_text(b, s, D_TOP + tol, top >= 0 ? p->regions[top].name : NULL, NULL);
}

/* The detail sheet: every (region, year, item) row, in the CSV's order. */
static void sheet_detail(book *b)
{
    static const lbl_id heads[] = {
        LBL_COL_REGION, LBL_COL_YEAR,  LBL_COL_KIND, LBL_COL_ID,    LBL_COL_NAME,
        LBL_COL_CLAUSE, LBL_COL_LEAD,  LBL_COL_STATUS, LBL_COL_VALUE, LBL_COL_UNIT,
        LBL_COL_GOAL,   LBL_COL_EXPECTED, LBL_COL_SCORE, LBL_COL_WEIGHT, LBL_COL_GRADE,
        LBL_COL_VETOES, LBL_COL_PARENT, LBL_COL_TOP};
    static const lbl_id heads_tolerance[] = {
        LBL_COL_REGION, LBL_COL_YEAR,  LBL_COL_KIND, LBL_COL_ID,    LBL_COL_NAME,
        LBL_COL_CLAUSE, LBL_COL_LEAD,  LBL_COL_STATUS, LBL_COL_VALUE, LBL_COL_UNIT,
        LBL_COL_GOAL,   LBL_COL_TOLERANCE, LBL_COL_EXPECTED, LBL_COL_SCORE, LBL_COL_WEIGHT,
        LBL_COL_GRADE,  LBL_COL_VETOES, LBL_COL_PARENT, LBL_COL_TOP};
    const ir_program *p = b->p;
    const rt_result *r = b->r;
    /* a `tolerance` column after `goal` when the rules have one, as in the CSV */
    const uint32_t tol = report_has_tolerance(p) ? 1 : 0;
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_DETAIL, tol ? heads_tolerance : heads, D_NCOLS + tol);
    size_t n = rt_table_nrows(b->t), vlen = 1;
    for (uint32_t i = 0; i < p->ntargets; i++)
        vlen += strlen(p->targets[i].name) + 1;
    char *vetoes = rt_xmalloc(vlen, 1);
    for (size_t row = 0; s.ws && row < n; row++) {
        vetoes[0] = '\0';
        for (uint32_t i = 0; i < p->ntargets; i++, s.row++) {
            const ir_target *tg = &p->targets[i];
            double st = rt_result_value(r, tg->status, row);
            detail_key(b, &s, row, tol);
            cell_text(b, &s, D_KIND, lbl_get(b->lang, LBL_ITEM_TARGET), NULL);
            cell_text(b, &s, D_ID, tg->name, NULL);
            cell_text(b, &s, D_NAME, tg->desc, NULL);
            cell_text(b, &s, D_CLAUSE, tg->clause, NULL);
            cell_text(b, &s, D_LEAD, tg->measure < p->nmeasures ? b->leads[tg->measure] : NULL, NULL);
            cell_status(b, &s, D_STATUS, st);
            const bool yesno = report_target_bool(p, tg);
            cell_value(b, &s, D_VALUE, rt_result_value(r, tg->value, row), yesno);
            cell_text(b, &s, D_UNIT, report_target_unit_shown(tg), NULL);
            cell_value(b, &s, D_GOAL, report_target_goal(r, tg, row), yesno);
            if (tol)
                cell_number(b, &s, D_GOAL + 1, report_target_tolerance(r, tg, row, rt_table_year(b->t, row)),
                            NULL);
            cell_value(b, &s, D_EXPECTED + tol, report_target_expected(r, tg, row), yesno);
            cell_number(b, &s, D_SCORE + tol, rt_result_value(r, tg->score, row), b->score);
            cell_number(b, &s, D_WEIGHT + tol, tg->weight, NULL);
            if (tg->veto && st == IR_ST_FAILED) {
                if (vetoes[0])
                    strcat(vetoes, ";");
                strcat(vetoes, tg->name);
            }
        }
        if (!p->has_assessment)
            continue;
        for (uint32_t i = 0; i < p->nmeasures; i++, s.row++) {
            const ir_measure *m = &p->measures[i];
            detail_key(b, &s, row, tol);
            cell_text(b, &s, D_KIND, lbl_get(b->lang, LBL_ITEM_MEASURE), NULL);
            cell_text(b, &s, D_ID, m->id, NULL);
            cell_text(b, &s, D_NAME, m->title, NULL);
            cell_text(b, &s, D_CLAUSE, m->id, NULL);
            cell_text(b, &s, D_LEAD, b->leads[i], NULL);
            cell_number(b, &s, D_SCORE + tol, rt_result_value(r, m->score, row), b->score);
            cell_number(b, &s, D_WEIGHT + tol, m->weight, NULL);
        }
        for (uint32_t i = 0; i < p->nsections; i++, s.row++) {
            const ir_section *sec = &p->sections[i];
            detail_key(b, &s, row, tol);
            cell_text(b, &s, D_KIND, lbl_get(b->lang, LBL_ITEM_SECTION), NULL);
            cell_text(b, &s, D_ID, sec->id, NULL);
            cell_text(b, &s, D_NAME, sec->title, NULL);
            cell_number(b, &s, D_SCORE + tol, rt_result_value(r, sec->score, row), b->score);
            cell_number(b, &s, D_WEIGHT + tol, sec->weight, NULL);
        }
        detail_key(b, &s, row, tol);
        cell_text(b, &s, D_KIND, lbl_get(b->lang, LBL_ITEM_TOTAL), NULL);
        cell_text(b, &s, D_NAME, p->assessment, NULL);
        cell_number(b, &s, D_SCORE + tol, rt_result_value(r, p->total, row), b->score);
        cell_grade(b, &s, D_GRADE + tol, rt_result_value(r, p->grade, row));
        cell_text(b, &s, D_VETOES + tol, vetoes, b->status[IR_ST_FAILED]);
        s.row++;
    }
    free(vetoes);
    sheet_end(b, &s);
}

/* The sources sheet, when a values table of the rules has notes
 * (report_notes): a row per region whose row in a table has a note — the
 * indicator, the region, the number the rules give it, the unit, the note
 * (where the plan's number comes from) and the targets that read the
 * table — so that a reader of the detail sheet's goals finds each
 * region's source. */
static void sheet_sources(book *b, const report_notes *rn)
{
    static const lbl_id heads[] = {LBL_COL_INDICATOR, LBL_COL_REGION, LBL_COL_VALUE,
                                   LBL_COL_UNIT, LBL_COL_NOTE, LBL_COL_TARGET_NAMES};
    const ir_program *p = b->p;
    const char **names = rt_xmalloc(p->ntargets ? p->ntargets : 1, sizeof *names);
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_SOURCES, heads, sizeof heads / sizeof heads[0]);
    for (uint32_t k = 0; s.ws && k < rn->n; k++) {
        const ir_input *in = &p->inputs[rn->input[k]];
        uint32_t nnames = 0;
        for (uint32_t t = 0; t < p->ntargets; t++)
            if (rn->reads[(size_t)t * rn->n + k])
                names[nnames++] = p->targets[t].name;
        report_source_row *rows;
        size_t nrows = report_source_rows(p, in, &rows);
        for (size_t i = 0; i < nrows; i++) {
            char years[64];
            report_source_years(&rows[i], b->lang, years, sizeof years);
            char buf[512];
            const char *place = report_source_place(p, &rows[i], b->lang, buf, sizeof buf);
            char *region = rt_xmalloc(strlen(place) + strlen(years) + 1, 1);
            strcat(strcpy(region, place), years);
            cell_text(b, &s, 0, in->indicator, NULL);
            cell_text(b, &s, 1, region, NULL);
            free(region);
            cell_value(b, &s, 2, rows[i].value, rn->boolean[k]);
            cell_text(b, &s, 3, report_unit_shown(in->unit), NULL);
            cell_text(b, &s, 4, rows[i].note, NULL);
            cell_list(b, &s, 5, names, nnames, NULL);
            s.row++;
        }
        free(rows);
    }
    sheet_end(b, &s);
    free(names);
}

/* The sheet `missing_columns`, written when the data lacked indicator
 * columns that --allow-missing-columns read as missing cells: a row per
 * such column, with its indicator and the targets that read it, whose
 * status is then `missing` in every region and year (the page says so in
 * its header; docs/OUTPUT.md §7). */
static void sheet_absent(book *b)
{
    static const lbl_id heads[] = {LBL_COL_INDICATOR, LBL_COL_COLUMN, LBL_COL_TARGET_NAMES};
    const ir_program *p = b->p;
    const char **names = rt_xmalloc(p->ntargets ? p->ntargets : 1, sizeof *names);
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_ABSENT, heads, sizeof heads / sizeof heads[0]);
    for (uint32_t k = 0; s.ws && k < p->ncolumns; k++) {
        if (!rt_table_column_absent_needed(b->t, k))
            continue;
        uint32_t nnames = 0;
        for (uint32_t t = 0; t < p->ntargets; t++)
            for (uint32_t c = 0; c < p->targets[t].ncolumns; c++)
                if (p->targets[t].columns[c] == k) {
                    names[nnames++] = p->targets[t].name;
                    break;
                }
        cell_text(b, &s, 0, p->columns[k].indicator, NULL);
        cell_text(b, &s, 1, p->columns[k].name, NULL);
        cell_list(b, &s, 2, names, nnames, NULL);
        s.row++;
    }
    sheet_end(b, &s);
    free(names);
}

/* A row per file of a rules manifest ("HEX  NAME\n" a file) on s: the
 * item `what`, the file's name and its hash. */
static void manifest_rows(book *b, sheet *s, const char *manifest, lbl_id what)
{
    size_t n;
    manifest_entry *e = manifest_parse(manifest, &n);
    for (size_t i = 0; i < n; i++) {
        cell_text(b, s, 0, lbl_get(b->lang, what), NULL);
        cell_text(b, s, 1, e[i].name, NULL);
        cell_text(b, s, 2, e[i].hex, NULL);
        s->row++;
    }
    manifest_free(e, n);
}

/* The provenance sheet, when the source of the run is known: what the
 * page's footer and the workbook's comments say produced it, a line each,
 * so that a reader of the workbook alone can reproduce a number (OUTPUT.md
 * §7): planc's version; the rules file as the command line named it with
 * the SHA-256 of the rules manifest, then each file of the manifest with
 * its own (OUTPUT.md §5); the data file with its SHA-256, then, for several
 * files or one read with other rules (--read-with), each file with its own
 * and its reading's rules by the hash of their manifest, a line per file
 * of it; the options that changed how the data was read (when any); the
 * roll-up year. */
static void sheet_provenance(book *b, const report_source *src)
{
    static const lbl_id heads[] = {LBL_COL_ITEM, LBL_COL_CONTENT, LBL_COL_SHA256};
    sheet s;
    sheet_begin(b, &s, LBL_SHEET_PROVENANCE, heads, sizeof heads / sizeof heads[0]);
    if (!s.ws) {
        sheet_end(b, &s);
        return;
    }
    cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_PLANC), NULL);
    cell_text(b, &s, 1, PLANC_VERSION, NULL);
    s.row++;
    cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_RULES), NULL);
    cell_text(b, &s, 1, src->rules, NULL);
    cell_text(b, &s, 2, src->rules_sha256, NULL);
    s.row++;
    manifest_rows(b, &s, src->rules_files, LBL_PROV_RULES_FILE);
    cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_DATA), NULL);
    cell_text(b, &s, 1, src->data, NULL);
    cell_text(b, &s, 2, src->data_sha256, NULL);
    s.row++;
    /* several files (whose hash above is of their hashes), or one read
     * with other rules: each file with its own hash, and its reading's */
    bool each = src->ndata_files > 1;
    for (size_t i = 0; src->data_files && i < src->ndata_files; i++)
        each |= src->data_files[i].read_with != NULL;
    for (size_t i = 0; each && src->data_files && i < src->ndata_files; i++) {
        const report_data_file *d = &src->data_files[i];
        cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_DATA_FILE), NULL);
        cell_text(b, &s, 1, d->name, NULL);
        cell_text(b, &s, 2, d->sha256, NULL);
        s.row++;
        if (d->read_with) {
            cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_READING), NULL);
            cell_text(b, &s, 1, d->read_with, NULL);
            cell_text(b, &s, 2, d->read_with_sha256, NULL);
            s.row++;
            manifest_rows(b, &s, d->read_with_files, LBL_PROV_READING_FILE);
        }
    }
    if (src->data_options && *src->data_options) {
        cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_READ_WITH), NULL);
        cell_text(b, &s, 1, src->data_options, NULL);
        s.row++;
    }
    if (b->ru) {
        cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_YEAR), NULL);
        cell_number(b, &s, 1, b->ru->year, NULL);
        s.row++;
    }
    /* when it was written, as the properties record it (the clock, or
     * SOURCE_DATE_EPOCH), and the command that writes it again byte for
     * byte from the files above: the one fact a re-run needs that no cell
     * above gives is that time */
    char when[32];
    struct tm tm;
    gmtime_r(&b->created, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_CREATED), NULL);
    cell_text(b, &s, 1, when, NULL);
    s.row++;
    if (src->command) {
        char *cmd = rt_xmalloc(strlen(src->command) + 64, 1);
        sprintf(cmd, "SOURCE_DATE_EPOCH=%lld %s", (long long)b->created, src->command);
        cell_text(b, &s, 0, lbl_get(b->lang, LBL_PROV_COMMAND), NULL);
        cell_text(b, &s, 1, cmd, NULL);
        s.row++;
        free(cmd);
    }
    sheet_end(b, &s);
}

/* ---------------------------------------------------------- formats */

/* A solid fill of colour rgb, with black or white text, whichever reads
 * better on it. */
static lxw_format *fill_format(lxw_workbook *wb, uint32_t rgb)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, rgb);
    double lum = 0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    format_set_font_color(f, lum < 140 ? 0xFFFFFF : 0x000000);
    return f;
}

/* The formats of headers, statuses and grades. */
static void make_formats(book *b)
{
    b->head = workbook_add_format(b->wb);
    format_set_bold(b->head);
    format_set_pattern(b->head, LXW_PATTERN_SOLID);
    format_set_bg_color(b->head, 0xF2F2F2);
    format_set_bottom(b->head, LXW_BORDER_THIN);
    b->score = workbook_add_format(b->wb);
    format_set_num_format(b->score, "0.00");
    for (int st = IR_ST_NA; st <= IR_ST_MET; st++) {
        int32_t fill = report_style_status_fill(st);
        b->status[st] = fill == REPORT_STYLE_NONE ? NULL : fill_format(b->wb, (uint32_t)fill);
        b->head_status[st] = fill_format(b->wb, fill == REPORT_STYLE_NONE ? 0xF2F2F2 : (uint32_t)fill);
        format_set_bold(b->head_status[st]);
        format_set_bottom(b->head_status[st], LXW_BORDER_THIN);
    }
    b->grade = rt_xcalloc(b->p->nbands ? b->p->nbands : 1, sizeof *b->grade);
    for (uint32_t i = 0; i < b->p->nbands; i++)
        b->grade[i] = fill_format(b->wb, report_style_grade_fill(i, b->p->nbands));
}

/* ------------------------------------------------------------- file */

/* The most sheets a workbook has (regions, off_track, put_right, agencies,
 * targets, detail, sources, missing_columns, provenance), with room. */
#define MAX_SHEETS 16

/* In constant-memory mode libxlsxwriter writes each sheet's rows to a
 * temporary file of its own in $TMPDIR, and then copies them into the
 * sheet, without checking either write: a full disk or the file size
 * limit (ulimit -f) there gave a workbook whose detail sheet was cut
 * short, written and exit 0 as if whole.  rows_flushed flushes each
 * sheet's file before the workbook is closed, notes a write that failed
 * (false), and keeps each file's size in rows[] (0 for a sheet without
 * one), in the order of the sheets; file_sheets_whole then checks that each
 * sheet in the workbook written holds at least as many bytes. */
static bool rows_flushed(book *b, long rows[MAX_SHEETS], size_t *n)
{
    lxw_worksheet *ws;
    *n = 0;
    LXW_FOREACH_WORKSHEET(ws, b->wb) {
        long size = 0;
        FILE *f = ws->optimize_tmpfile;
        if (f) {
            errno = 0;
            if (fflush(f) != 0 || ferror(f) || (size = ftell(f)) < 0) {
                if (errno == 0)
                    errno = EIO;
                note(b, LXW_ERROR_CREATING_TMPFILE);
                return false;
            }
        }
        if (*n < MAX_SHEETS)
            rows[*n] = size;
        (*n)++;
    }
    return true;
}

/* Whether the open zip entry reads whole (its CRC checked as minizip
 * reads it) to `full` bytes that end a sheet ("</worksheet>"). */
static bool sheet_ends(unzFile z, uint64_t full)
{
    static const char close_tag[] = "</worksheet>";
    const size_t tl = sizeof close_tag - 1;
    if (unzOpenCurrentFile(z) != UNZ_OK)
        return false;
    char buf[65536], tail[sizeof close_tag - 1];
    size_t have = 0; /* bytes of tail filled */
    uint64_t total = 0;
    int got;
    while ((got = unzReadCurrentFile(z, buf, sizeof buf)) > 0) {
        size_t g = (size_t)got;
        total += g;
        if (g >= tl) {
            memcpy(tail, buf + g - tl, tl);
            have = tl;
        } else {
            size_t keep = have + g > tl ? tl - g : have;
            memmove(tail, tail + have - keep, keep);
            memcpy(tail + keep, buf, g);
            have = keep + g;
        }
    }
    /* a CRC that does not match is said on closing */
    bool closed = unzCloseCurrentFile(z) == UNZ_OK;
    return got == 0 && closed && total == full && have == tl && memcmp(tail, close_tag, tl) == 0;
}

/* Whether the workbook at `path` has, for each of the n sheets, an entry
 * xl/worksheets/sheetK.xml of at least rows[K-1] bytes (any, when rows
 * is NULL) that reads whole and ends the sheet (rows_flushed), read with
 * minizip as planc reads a data workbook (xlsx_read.c).  A workbook whose
 * directory cannot be read is not whole either; true when the file
 * cannot be opened at all (copy_file then reports why). */
static bool file_sheets_whole(const char *path, const long *rows, size_t n)
{
    if (access(path, R_OK) != 0)
        return true;
    unzFile z = unzOpen64(path);
    bool ok = z != NULL;
    for (size_t k = 1; ok && k <= n; k++) {
        char name[64];
        snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", k);
        unz_file_info64 info;
        ok = unzLocateFile(z, name, 1) == UNZ_OK &&
             unzGetCurrentFileInfo64(z, &info, NULL, 0, NULL, 0, NULL, 0) == UNZ_OK &&
             (!rows || k > MAX_SHEETS || info.uncompressed_size >= (uint64_t)rows[k - 1]) &&
             sheet_ends(z, info.uncompressed_size);
    }
    if (z)
        unzClose(z);
    return ok;
}

/* Copies the file at `path` to out.  0, or -1 with errno set. */
static int copy_file(const char *path, FILE *out)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    char buf[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) {
            rc = -1;
            break;
        }
    int e = errno;
    if (ferror(in))
        rc = -1;
    fclose(in);
    errno = e;
    return rc;
}

/* A new empty scratch file in $TMPDIR (else /tmp); its malloc'd path, or
 * NULL with errno set. */
static char *scratch_file(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t n = strlen(dir) + sizeof "/planc-xlsx-XXXXXX";
    char *path = rt_xmalloc(n, 1);
    snprintf(path, n, "%s/planc-xlsx-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0) {
        int e = errno;
        free(path);
        errno = e;
        return NULL;
    }
    close(fd);
    return path;
}

int report_xlsx(const ir_program *p, const rt_table *t, const rt_result *r,
                const rollup *ru, const report_source *src, lbl_lang lang, FILE *out, FILE *err)
{
    /* The detail sheet must fit: a header and every result row. */
    size_t items = p->ntargets + (p->has_assessment ? p->nmeasures + p->nsections + 1 : 0);
    size_t nrows = rt_table_nrows(t);
    if (items && nrows > (LXW_ROW_MAX - 1) / items) {
        csv_message(err, "planc: error: the results have %zu rows, more than an Excel sheet holds "
                         "(%d); write them as CSV instead (--format csv)\n",
                    nrows * items, LXW_ROW_MAX - 1);
        return REPORT_XLSX_TOO_LARGE;
    }
    char *scratch = scratch_file();
    if (!scratch) {
        const char *dir = getenv("TMPDIR");
        csv_message(err, "planc: error: cannot create a scratch file for the workbook in '%s'%s: %s\n",
                    dir && *dir ? dir : "/tmp", dir && *dir ? " ($TMPDIR)" : "", msgcat_strerror(msgcat_lang(), errno));
        return -1;
    }
    int scratch_cleanup = cleanup_file(scratch); /* removed if a signal ends planc */
    lxw_workbook_options opts = {.constant_memory = LXW_TRUE};
    muted quiet = mute_library();
    /* the clock, or SOURCE_DATE_EPOCH for the same bytes: read once, for
     * the properties and the provenance sheet alike */
    book b = {.p = p, .t = t, .r = r, .ru = ru, .lang = lang, .created = store_time()};
    b.wb = workbook_new_opt(scratch, &opts);
    if (!b.wb) {
        unmute_library(&quiet);
        csv_message(err, "planc: error: cannot start the workbook in '%s'\n", scratch);
        unlink(scratch);
        cleanup_done(scratch_cleanup);
        free(scratch);
        return -1;
    }
    b.text = rt_xmalloc(MAX_TEXT + 1, 1);
    b.leads = rt_xcalloc(p->nmeasures ? p->nmeasures : 1, sizeof *b.leads);
    for (uint32_t i = 0; i < p->nmeasures; i++)
        b.leads[i] = report_style_lead_in(&p->measures[i], lang);
    /* the comments say what produced the workbook (OUTPUT.md §7): the
     * source, then the data options when there are any */
    const char *dopts = src && src->data_options && *src->data_options ? src->data_options : NULL;
    char *comments;
    if (src) {
        char *rules = report_style_rules(src->rules, src->rules_sha256, src->rules_files, lang);
        const char *fmt = lbl_get(lang, LBL_BOOK_SOURCE);
        const char *with = dopts ? lbl_get(lang, LBL_READ_WITH) : "";
        int n = snprintf(NULL, 0, fmt, PLANC_VERSION, rules, src->data, src->data_sha256);
        size_t len = (size_t)n + strlen(with) + (dopts ? strlen(dopts) : 0) + 1;
        comments = rt_xmalloc(len, 1);
        snprintf(comments, len, fmt, PLANC_VERSION, rules, src->data, src->data_sha256);
        strcat(strcat(comments, with), dopts ? dopts : "");
        free(rules);
    } else {
        const char *fmt = lbl_get(lang, LBL_BOOK_WRITTEN_BY);
        int n = snprintf(NULL, 0, fmt, PLANC_VERSION);
        comments = rt_xmalloc((size_t)n + 1, 1);
        snprintf(comments, (size_t)n + 1, fmt, PLANC_VERSION);
    }
    lxw_doc_properties props = {.title = (char *)(p->title ? p->title : p->plan),
                                .subject = (char *)(p->assessment ? p->assessment : ""),
                                .author = "planc",
                                .comments = (char *)clean_text(&b, comments),
                                .created = b.created};
    note(&b, workbook_set_properties(b.wb, &props));
    free(comments);
    make_formats(&b);

    /* the last assessment: the data's year before, as the page's table of
     * regions has it */
    for (uint32_t k = 1; ru && p->has_assessment && k < ru->nyears; k++)
        if (ru->years[k] == ru->year)
            b.prev_year = ru->years[k - 1];
    b.year_before = rollup_year_before(ru);
    sheet_regions(&b);
    sheet_offtrack(&b);
    sheet_resolved(&b);
    sheet_agencies(&b);
    sheet_targets(&b);
    sheet_detail(&b);
    report_notes notes;
    report_notes_make(p, &notes);
    if (notes.n)
        sheet_sources(&b, &notes);
    report_notes_free(&notes);
    bool absent = false;
    for (uint32_t k = 0; k < p->ncolumns && !absent; k++)
        absent = rt_table_column_absent_needed(t, k);
    if (absent)
        sheet_absent(&b);
    if (src)
        sheet_provenance(&b, src);

    long rows[MAX_SHEETS];
    size_t nsheets = 0;
    bool flushed = rows_flushed(&b, rows, &nsheets);
    lxw_error closed = workbook_close(b.wb);
    note(&b, closed);
    unmute_library(&quiet);
    int rc = 0, e = 0;
    if (flushed && b.error == LXW_NO_ERROR && !report_xlsx_whole(scratch, rows, nsheets, err)) {
        rc = -1;
    } else if (b.error != LXW_NO_ERROR) {
        /* the scratch file, in $TMPDIR, is what could not be written */
        csv_message(err, "planc: error: cannot write the workbook's scratch file '%s': %s\n", scratch,
                    file_error(b.error) && b.error_errno ? msgcat_strerror(msgcat_lang(), b.error_errno)
                                                         : lxw_strerror(b.error));
        rc = -1;
    } else if (copy_file(scratch, out) != 0) {
        e = errno; /* the caller names its output */
        rc = REPORT_XLSX_OUT_ERROR;
    }
    unlink(scratch);
    cleanup_done(scratch_cleanup);
    free(scratch);
    for (uint32_t i = 0; i < p->nmeasures; i++)
        free(b.leads[i]);
    free(b.leads);
    free(b.grade);
    free(b.text);
    errno = e;
    return rc;
}

/* ------------------------------------------- for other workbooks */

/* The workbook writers' shared steps (report_xlsx.h): planc template's
 * blank workbook (template_xlsx.c) is written as this one is. */
char *report_xlsx_scratch(void)
{
    return scratch_file();
}

int report_xlsx_copy(const char *path, FILE *out)
{
    return copy_file(path, out);
}

report_xlsx_muted report_xlsx_mute(void)
{
    return mute_library();
}

void report_xlsx_unmute(report_xlsx_muted *m)
{
    unmute_library(m);
}

bool report_xlsx_whole(const char *path, const long *rows, size_t nsheets, FILE *err)
{
    if (file_sheets_whole(path, rows, nsheets))
        return true;
    const char *dir = getenv("TMPDIR");
    csv_message(err, "planc: error: cannot write the workbook's scratch files in '%s'%s: a sheet came out "
                     "shorter than its rows (the disk is full, or the file size limit, ulimit -f, was "
                     "reached)\n",
                dir && *dir ? dir : "/tmp", dir && *dir ? " ($TMPDIR)" : "");
    return false;
}

bool report_xlsx_file_error(int e)
{
    return file_error((lxw_error)e);
}
