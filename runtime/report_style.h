/* report_style.h — what the Excel and HTML reports share: the colours of
 * statuses and grades, how a chart's series are drawn, the display width
 * of text, which characters a report must not write as they are, and the
 * lead text of a measure.
 *
 * Both reports colour a status the same way (met green, on_track light
 * green, lagging amber, failed red, missing grey, not_applicable none), so a
 * reader who learnt one learns the other.  Colours are 0xRRGGBB. */
#ifndef PLANC_REPORT_STYLE_H
#define PLANC_REPORT_STYLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "labels.h"

/* No fill (not_applicable, an unknown status). */
#define REPORT_STYLE_NONE (-1)

/* The fill colour of a status cell (an ir_status code), or
 * REPORT_STYLE_NONE. */
int32_t report_style_status_fill(int status);

/* The fill colour of grade band `band` of `nbands` (band 0 the best, the
 * last the veto band): green through yellow to red. */
uint32_t report_style_grade_fill(uint32_t band, uint32_t nbands);

/* The shape that marks a lone value of a series (a year with a value
 * between two without), and that the legend shows. */
typedef enum report_marker {
    REPORT_MARK_CIRCLE,
    REPORT_MARK_SQUARE,
    REPORT_MARK_TRIANGLE,
    REPORT_MARK_DIAMOND,
} report_marker;

/* How a series (a region's line in a chart) is drawn. */
typedef struct report_series {
    uint32_t colour;      /* 0xRRGGBB */
    const char *dash;     /* an SVG stroke-dasharray; "" for a solid line */
    report_marker marker;
} report_series;

/* How series i (0-based) is drawn.  The first 10 are the ten colours of a
 * fixed palette, solid, with a circle; the next three rounds of 10 the same
 * colours dashed (square), dotted (triangle), dash-dotted (diamond).  From
 * series 40 on, the colours are derived (hues 137 degrees apart, a new
 * saturation and value every 360) and the styles go on cycling.  Series 0
 * to REPORT_STYLE_SERIES_DISTINCT - 1 all differ in colour, style or
 * marker; the same i always gives the same series. */
report_series report_style_series(uint32_t i);
#define REPORT_STYLE_SERIES_DISTINCT 2920u

/* Display width of UTF-8 text in terminal columns: East Asian wide and
 * fullwidth characters count 2, combining marks 0, others (and each
 * ill-formed byte) 1.  NULL is 0 wide. */
size_t report_style_width(const char *s);

/* True for a code point (from utf8_decode) that a report replaces with
 * U+FFFD: ill-formed bytes, C0 controls but tab and line feed, DEL, C1
 * controls, and U+FFFE / U+FFFF (not allowed in XML). */
bool report_style_unsafe(uint32_t cp);

/* Whether s (at an '_') starts what a workbook's XML reads as an escaped
 * character, _xHHHH_ (Excel writes a control character so, and reads
 * '_x0041_' in a cell as 'A'): such a '_' is written escaped itself,
 * _x005F_, for the text to read back as it is. */
bool report_style_xlsx_escape_at(const char *s);

/* s with each '_' that report_style_xlsx_escape_at finds written _x005F_
 * (malloc'd), or NULL when s has none: the text of a workbook's cell or
 * note that Excel shows as it is. */
char *report_style_xlsx_text(const char *s);

/* The lead text of a measure, as the CSV writes it (docs/LANGUAGE.md §11):
 * its lead agencies joined with '、', or "shared: " and the agencies that
 * share the work.  malloc'd. */
struct ir_measure;
char *report_style_lead(const struct ir_measure *m);

/* The lead text of a measure in a document of language `lang`: as
 * report_style_lead, with the language's word for "shared: " (LBL_SHARED;
 * in English the CSV's).  malloc'd. */
char *report_style_lead_in(const struct ir_measure *m, lbl_lang lang);

/* The rules of a report_source for a reader: "RULES (SHA-256 H of the
 * manifest: main.plan h1; lib.plan h2)", so that a reader of the page or
 * the workbook sees that the hash is not the file's own (docs/OUTPUT.md
 * §5) and has each file's.  Without a manifest, "RULES (SHA-256 H)".  The
 * words and punctuation are lang's (labels.h).  malloc'd. */
char *report_style_rules(const char *rules, const char *sha256, const char *manifest,
                         lbl_lang lang);

/* The `values` tables of the rules (docs/LANGUAGE.md §4) with a note on
 * some region's row — where the plan's number comes from ("国发〔2016〕61号
 * 附件") — and which targets read each: what the workbook's sources sheet
 * and the page's sources section show, and what a page's footnote mark
 * after a target's goals points to. */
struct ir_program;
struct ir_input;
typedef struct report_notes {
    uint32_t n;              /* such tables, in the program's input order */
    uint32_t *input;         /* each one's input (p->inputs) */
    bool *boolean;           /* each one's values are yes/no */
    bool *reads;             /* ntargets x n: target t's judgement (its value,
                                goal, status or score) reads table k */
} report_notes;

/* Fills *rn for program p: none (n 0, nothing allocated) when no values
 * table has a note. */
void report_notes_make(const struct ir_program *p, report_notes *rn);
void report_notes_free(report_notes *rn);

/* One noted row of a values table as the sources list it: a region's
 * number and note, in every year no row with years gives it (from and to
 * 0), or in the years from..to (consecutive years of one number and
 * note, as the rules' rows with `in` give them). */
typedef struct report_source_row {
    uint32_t region;
    int32_t shared;          /* -1: the row of region `region`; else the
                                row of level `shared` (`city = 40`), or the
                                `else` row when it is p->nlevels */
    int from, to;
    double value;
    const char *note;
} report_source_row;

/* The noted rows of values-table input `in` of p, region by region (each
 * region's every-year row first, then its years in order; a region's
 * values its level's row or the `else` row gives left out), then the
 * noted rows of the levels and the `else` row, into *rows (malloc'd;
 * NULL when none); returns how many. */
size_t report_source_rows(const struct ir_program *p, const struct ir_input *in,
                          report_source_row **rows);

/* A source row's years as the sources show them after its region: ""
 * for an every-year row, else " 2023–2025" (zh " 2023–2025年") or " 2024",
 * into buf. */
void report_source_years(const report_source_row *row, lbl_lang lang, char *buf, size_t len);

/* Who a source row gives its value to, as the sources show it: the
 * region's name, or (written into buf) "every city" (zh "全部市级") or
 * "else". */
const char *report_source_place(const struct ir_program *p, const report_source_row *row, lbl_lang lang,
                                char *buf, size_t len);

#endif
