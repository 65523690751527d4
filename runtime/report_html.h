/* report_html.h — the results as one self-contained HTML page.
 *
 * The page (docs/OUTPUT.md, "HTML") holds the ranking of regions, a
 * region x target status heatmap and one small trajectory chart per target,
 * all drawn as inline SVG, and tables per region, per agency and per target.
 * It fetches nothing: no scripts, no fonts, no images, inline CSS only (a
 * Content-Security-Policy says so to the browser).  Every text from the
 * rules or the data is escaped.  The same inputs give the same bytes. */
#ifndef PLANC_REPORT_HTML_H
#define PLANC_REPORT_HTML_H

#include <stdio.h>

#include "exec.h"
#include "ir.h"
#include "labels.h"
#include "rollup.h"
#include "report.h"
#include "table.h"

/* Writes the page for a run: the ranking, heatmap and tables are for the
 * roll-up's year, the trajectories for every year of the table.  `ru` is
 * NULL when the table has no row (the page then says so).  The footer
 * names `src`, what produced the page (none when it is NULL).  The page's
 * own words (headings, notes, legends, statuses) are in `lang`, and so is
 * its lang attribute; the rules' and the data's texts are as they are.
 * Returns 0, or -1 on a write error. */
int report_html(const ir_program *p, const rt_table *t, const rt_result *r,
                const rollup *ru, const report_source *src, lbl_lang lang, FILE *out);

#endif
