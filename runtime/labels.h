/* labels.h — the fixed words of the two documents planc hands on to
 * readers, the Excel workbook and the HTML page, in English or Chinese
 * (`planc run --lang en|zh`).
 *
 * Every text of the workbook and the page that does not come from the rules
 * or the data (headings, notes, legends, column headers, sheet names,
 * status words, the footer) is a label here: an id, and a table per
 * language.  A label with printf conversions takes the same arguments in
 * the same order in every language (tests/unit/test_labels.c checks it), so
 * a caller writes fprintf(out, lbl_get(lang, id), ...) whatever the
 * language; where the languages order a phrase differently, the phrase is
 * split into labels written one after the other.
 *
 * The English labels are the words the documents had before they had a
 * language: `--lang en` (the default) writes the same bytes.  The CSV and
 * the JSON do not use labels: their keys and codes are for programs and
 * stay English. */
#ifndef PLANC_LABELS_H
#define PLANC_LABELS_H

#include <stdbool.h>

/* A language of the documents. */
typedef enum lbl_lang { LBL_EN, LBL_ZH, LBL_NLANGS } lbl_lang;

/* The labels.  The status words come in ir_status order (IR_ST_NA first),
 * so that LBL_ST_NA + status is a status's word. */
typedef enum lbl_id {
    /* status words */
    LBL_ST_NA, LBL_ST_MISSING, LBL_ST_FAILED, LBL_ST_LAGGING, LBL_ST_ON_TRACK, LBL_ST_MET,
    /* punctuation that differs between the languages */
    LBL_COLON,          /* after a name, before what is said of it */
    LBL_PAREN_OPEN,     /* before a remark, e.g. a value or a hash */
    LBL_PAREN_CLOSE,
    LBL_LIST_SEP,       /* between goals, between a manifest's files */
    LBL_FULL_STOP,
    LBL_YEAR,           /* a year in running text: %d */
    LBL_YES, LBL_NO,    /* a yes/no goal or value */
    LBL_TRUE, LBL_FALSE, /* a yes/no column of the workbook */
    LBL_SHARED,         /* before the agencies that share a measure */
    /* the page's header and table of contents */
    LBL_META_PLAN, LBL_META_DATA, LBL_META_YEARS, LBL_META_ROLLUP_YEAR, LBL_META_COUNTS,
    LBL_META_ASSESSMENT,
    LBL_NAV_RANKING, LBL_NAV_HEATMAP, LBL_NAV_TRAJECTORIES, LBL_NAV_REGIONS,
    LBL_NAV_AGENCIES, LBL_NAV_TARGETS,
    /* the ranking */
    LBL_RANKING_TITLE, LBL_RANKING_NOTE, LBL_NO_TOTAL, LBL_VETO,
    /* the heatmap */
    LBL_HEATMAP_TITLE, LBL_HEATMAP_NOTE, LBL_NO_TARGETS, LBL_MET_SHORT,
    /* the trajectories */
    LBL_TRAJ_TITLE, LBL_TRAJ_NOTE, LBL_FALLS_EVERY_YEAR, LBL_RISES_EVERY_YEAR, LBL_PEAKS,
    LBL_PEAKS_BY, LBL_TOLERANCE, LBL_BY_YEAR, LBL_EVERY_YEAR, LBL_GOAL_VARIES_IN, LBL_GOAL_VALUE,
    LBL_IN_YEAR, LBL_TRAJ_MET, LBL_TOO_WIDE, LBL_NO_VALUES, LBL_GOAL_LINE, LBL_DEADLINE_LINE,
    /* the kinds of target, when a chart has no goal to show */
    LBL_KIND_THRESHOLD, LBL_KIND_REDLINE, LBL_KIND_COMPLETE, LBL_KIND_RATED,
    LBL_KIND_FALLS, LBL_KIND_RISES, LBL_KIND_PEAKS,
    /* the page's tables */
    LBL_REGIONS_TITLE, LBL_AGENCIES_TITLE, LBL_AGENCIES_NOTE, LBL_TARGETS_TITLE,
    LBL_VARIES, LBL_NO_ROWS,
    /* column headers (the page's tables and the workbook's sheets) */
    LBL_COL_RANK, LBL_COL_REGION, LBL_COL_LEVEL, LBL_COL_YEAR, LBL_COL_TOTAL, LBL_COL_GRADE,
    LBL_COL_RANKED, LBL_COL_VETOES, LBL_COL_AGENCY, LBL_COL_MEASURE_LIST, LBL_COL_NMEASURES,
    LBL_COL_NTARGETS, LBL_COL_MEASURE_IDS, LBL_COL_TARGET_NAMES, LBL_COL_TARGET,
    LBL_COL_CLAUSE, LBL_COL_LEAD, LBL_COL_UNIT, LBL_COL_GOAL, LBL_COL_TOLERANCE,
    LBL_COL_VALUES, LBL_COL_MIN,
    LBL_COL_Q1, LBL_COL_MEDIAN, LBL_COL_Q3, LBL_COL_MAX, LBL_COL_MEAN, LBL_COL_BELOW_GOAL,
    LBL_COL_ABOVE_GOAL, LBL_COL_MEAN_SCORE, LBL_COL_MEAN_SCORE_PAGE, LBL_COL_GOAL_VARIES,
    LBL_COL_KIND, LBL_COL_ID, LBL_COL_NAME, LBL_COL_STATUS, LBL_COL_VALUE, LBL_COL_EXPECTED,
    LBL_COL_SCORE, LBL_COL_WEIGHT,
    /* the workbook's sheets and the kinds of its detail rows */
    LBL_SHEET_REGIONS, LBL_SHEET_AGENCIES, LBL_SHEET_TARGETS, LBL_SHEET_DETAIL,
    LBL_ITEM_TARGET, LBL_ITEM_MEASURE, LBL_ITEM_SECTION, LBL_ITEM_TOTAL,
    /* what produced a document */
    LBL_FOOTER_STATUSES, LBL_PAGE_WRITTEN_BY, LBL_FROM_RULES, LBL_AND_DATA, LBL_READ_WITH,
    LBL_OF_MANIFEST, LBL_MANIFEST_FIRST, LBL_BOOK_WRITTEN_BY,
    LBL_BOOK_SOURCE,
    LBL_COUNT
} lbl_id;

/* The text of label id in lang (never NULL).  An out-of-range language is
 * English. */
const char *lbl_get(lbl_lang lang, lbl_id id);

/* The word of a status (an ir_status code) in lang; "" for an unknown
 * code.  In English it is the status's name (ir_statusname). */
const char *lbl_status(lbl_lang lang, int status);

/* A target's kind ("threshold", "falls", ...: ir_target.kind) in lang; an
 * unknown kind as it is. */
const char *lbl_kind(lbl_lang lang, const char *kind);

/* Parses a language's name ("en", "zh"); false for anything else. */
bool lbl_parse(const char *name, lbl_lang *lang);

/* A language's name, as lbl_parse reads it. */
const char *lbl_name(lbl_lang lang);

/* A language's tag for HTML's lang attribute ("en", "zh-CN"). */
const char *lbl_tag(lbl_lang lang);

#endif
