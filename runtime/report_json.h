/* report_json.h — the results and the roll-ups as one JSON document
 * (`planc run --format json`; the schema is docs/OUTPUT.md). */
#ifndef PLANC_REPORT_JSON_H
#define PLANC_REPORT_JSON_H

#include <stdio.h>

#include "exec.h"
#include "json.h"
#include "report.h"
#include "rollup.h"

/* The schema version of the document ("version"): 2 since the target
 * roll-up has a record per target and level (docs/OUTPUT.md §3). */
#define REPORT_JSON_VERSION 2

/* What the document holds: the detail rows and/or some roll-ups. */
enum {
    REPORT_JSON_DETAIL = 1,
    REPORT_JSON_REGIONS = 2,
    REPORT_JSON_AGENCIES = 4,
    REPORT_JSON_TARGETS = 8,
    REPORT_JSON_ALL = 15
};

/* Writes the document: "format", "plan", "source" (from `src`; null when
 * it is NULL), "years", then "results" (with REPORT_JSON_DETAIL) and
 * "rollup" (with any roll-up flag; `ru` must then not be NULL).  Returns
 * 0, or -1 on a write error. */
int report_json(const ir_program *p, const rt_table *t, const rt_result *r,
                const rollup *ru, unsigned what, const report_source *src, FILE *out);

/* Pieces shared with `planc explain --format json`: a measure's lead
 * agencies as an array of names, and status counts as an object
 * {"met": N, "on_track": N, ..., "total": N}. */
void report_json_lead(json_writer *w, const ir_measure *m);
/* Writes the key "source" and what produced a document (report_source:
 * planc's version, the rules and the data with their SHA-256, the data
 * options, the absent columns), as the results' JSON has it; null for a
 * NULL src. */
void report_json_source(json_writer *w, const ir_program *p, const rt_table *t,
                        const report_source *src);
void report_json_counts(json_writer *w, const rollup_counts *c);

#endif
