/* report_style.h — what the Excel and HTML reports share: the colours of
 * statuses and grades, the display width of text, which characters a
 * report must not write as they are, and the lead text of a measure.
 *
 * Both reports colour a status the same way (met green, on_track light
 * green, lagging amber, failed red, missing grey, not_applicable none), so a
 * reader who learnt one learns the other.  Colours are 0xRRGGBB. */
#ifndef PLANC_REPORT_STYLE_H
#define PLANC_REPORT_STYLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* No fill (not_applicable, an unknown status). */
#define REPORT_STYLE_NONE (-1)

/* The fill colour of a status cell (an ir_status code), or
 * REPORT_STYLE_NONE. */
int32_t report_style_status_fill(int status);

/* The fill colour of grade band `band` of `nbands` (band 0 the best, the
 * last the veto band): green through yellow to red. */
uint32_t report_style_grade_fill(uint32_t band, uint32_t nbands);

/* The colour of series i (0-based) in a chart with several lines: a fixed
 * palette of distinguishable colours, repeated after its end. */
uint32_t report_style_series(uint32_t i);

/* Display width of UTF-8 text in terminal columns: East Asian wide and
 * fullwidth characters count 2, combining marks 0, others (and each
 * ill-formed byte) 1.  NULL is 0 wide. */
size_t report_style_width(const char *s);

/* True for a code point (from utf8_decode) that a report replaces with
 * U+FFFD: ill-formed bytes, C0 controls but tab and line feed, DEL, C1
 * controls, and U+FFFE / U+FFFF (not allowed in XML). */
bool report_style_unsafe(uint32_t cp);

/* The lead text of a measure, as the CSV writes it (docs/LANGUAGE.md §11):
 * its lead agencies joined with '、', or "shared: " and the agencies that
 * share the work.  malloc'd. */
struct ir_measure;
char *report_style_lead(const struct ir_measure *m);

#endif
