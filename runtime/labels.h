/* labels.h — the fixed words of what planc hands a reader, in English or
 * Chinese: the two documents, the Excel workbook and the HTML page
 * (`planc run --lang en|zh`), and the text of `planc explain`, `history`,
 * `compare`, `test` and `diff` (each with `--lang`).
 *
 * Every text of the workbook, the page and the explanation that does not
 * come from the rules or the data (headings, notes, legends, column
 * headers, sheet names, status words, the footer; the explanation's line
 * labels and sentences, LBL_X_*) is a label here: an id, and a table per
 * language.  A label with printf conversions takes the same arguments in
 * the same order in every language (tests/unit/test_labels.c checks it), so
 * a caller writes fprintf(out, lbl_get(lang, id), ...) whatever the
 * language; where the languages order a phrase differently, the phrase is
 * split into labels written one after the other.
 *
 * The English labels are the words the documents and the explanation had
 * before they had a language: `--lang en` (the default) writes the same
 * bytes.  The CSV and the JSON do not use labels (the JSON explanation is
 * written with the English ones): their keys, codes and texts are for
 * programs and stay English. */
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
    /* the header's caveat: indicator columns absent from the data (%u of
     * them), each 'NAME (column 'c')' joined by LBL_NAME_SEP, then %u more */
    LBL_ABSENT_COLUMNS, LBL_ABSENT_COLUMN, LBL_ABSENT_MORE, LBL_NAME_SEP,
    LBL_NAV_RANKING, LBL_NAV_HEATMAP, LBL_NAV_TRAJECTORIES, LBL_NAV_REGIONS,
    LBL_NAV_AGENCIES, LBL_NAV_TARGETS, LBL_NAV_SOURCES,
    /* the ranking */
    LBL_RANKING_TITLE, LBL_RANKING_NOTE, LBL_NO_TOTAL, LBL_VETO, LBL_RANKING_CUT,
    /* a level none of whose regions has a total: %u regions, the year; then why */
    LBL_RANKING_NONE, LBL_RANKING_NONE1, LBL_RANKING_NONE_NA, LBL_RANKING_NONE_SEE,
    /* the heatmap */
    LBL_HEATMAP_TITLE, LBL_HEATMAP_NOTE, LBL_HEATMAP_NOTE_DECLARED, LBL_HEATMAP_LEVEL,
    LBL_HEATMAP_LEVEL_ONE, LBL_HEATMAP_CUT, LBL_HEATMAP_CUT_NOTE,
    LBL_HEATMAP_NO_TARGETS, LBL_NO_TARGETS, LBL_MET_SHORT,
    /* the trajectories */
    LBL_TRAJ_TITLE, LBL_TRAJ_NOTE, LBL_FALLS_EVERY_YEAR, LBL_RISES_EVERY_YEAR, LBL_PEAKS,
    LBL_PEAKS_BY, LBL_TOLERANCE, LBL_BY_YEAR, LBL_EVERY_YEAR, LBL_GOAL_VARIES_IN, LBL_GOAL_VALUE,
    LBL_IN_YEAR, LBL_TRAJ_MET, LBL_TRAJ_BANDS, LBL_TOO_WIDE, LBL_NO_VALUES, LBL_NOT_JUDGED, LBL_GOAL_LINE, LBL_DEADLINE_LINE,
    /* the kinds of target, when a chart has no goal to show */
    LBL_KIND_THRESHOLD, LBL_KIND_REDLINE, LBL_KIND_COMPLETE, LBL_KIND_RATED,
    LBL_KIND_FALLS, LBL_KIND_RISES, LBL_KIND_PEAKS,
    LBL_KIND_YESNO,     /* a threshold target on a yes/no value (lbl_target_kind) */
    /* the page's tables */
    LBL_REGIONS_TITLE, LBL_REGIONS_NOTE, LBL_REGIONS_FOLDED, LBL_AGENCIES_TITLE, LBL_AGENCIES_NOTE, LBL_TARGETS_TITLE,
    LBL_VARIES, LBL_NO_ROWS,
    /* where the rules' values come from (the notes of values tables) */
    LBL_SOURCES_TITLE, LBL_SOURCES_NOTE, LBL_SOURCE_MARK,
    /* column headers (the page's tables and the workbook's sheets) */
    LBL_COL_RANK, LBL_COL_REGION, LBL_COL_LEVEL, LBL_COL_YEAR, LBL_COL_TOTAL, LBL_COL_GRADE,
    LBL_COL_RANKED, LBL_COL_VETOES, LBL_COL_PARENT, LBL_COL_TOP, LBL_COL_AGENCY, LBL_COL_MEASURE_LIST, LBL_COL_NMEASURES,
    LBL_COL_NTARGETS, LBL_COL_MEASURE_IDS, LBL_COL_TARGET_NAMES, LBL_COL_TARGET,
    LBL_COL_CLAUSE, LBL_COL_LEAD, LBL_COL_UNIT, LBL_COL_GOAL, LBL_COL_TOLERANCE,
    LBL_COL_VALUES, LBL_COL_MIN,
    LBL_COL_Q1, LBL_COL_MEDIAN, LBL_COL_Q3, LBL_COL_MAX, LBL_COL_MEAN, LBL_COL_BELOW_GOAL,
    LBL_COL_ABOVE_GOAL, LBL_COL_MEAN_SCORE, LBL_COL_MEAN_SCORE_PAGE, LBL_COL_GOAL_VARIES, LBL_COL_SCORE_NOTE,
    LBL_COL_KIND, LBL_COL_ID, LBL_COL_NAME, LBL_COL_STATUS, LBL_COL_VALUE, LBL_COL_EXPECTED,
    LBL_COL_SCORE, LBL_COL_WEIGHT, LBL_COL_INDICATOR, LBL_COL_NOTE, LBL_COL_READ_BY, LBL_COL_COLUMN,
    /* the workbook's sheets and the kinds of its detail rows */
    LBL_SHEET_REGIONS, LBL_SHEET_AGENCIES, LBL_SHEET_TARGETS, LBL_SHEET_DETAIL,
    LBL_SHEET_SOURCES, LBL_SHEET_ABSENT, LBL_SHEET_PROVENANCE, LBL_COL_ITEM, LBL_COL_CONTENT,
    LBL_COL_SHA256, LBL_PROV_PLANC, LBL_PROV_RULES, LBL_PROV_RULES_FILE, LBL_PROV_DATA,
    LBL_PROV_READ_WITH, LBL_PROV_YEAR, LBL_PROV_CREATED, LBL_PROV_COMMAND,
    LBL_PROV_DATA_FILE, LBL_PROV_READING, LBL_PROV_READING_FILE, LBL_OF_DATA_FILES, LBL_READ_BY,
    LBL_ITEM_TARGET, LBL_ITEM_MEASURE, LBL_ITEM_SECTION, LBL_ITEM_TOTAL,
    /* what produced a document */
    LBL_FOOTER_STATUSES, LBL_PAGE_WRITTEN_BY, LBL_PAGE_COMMAND, LBL_FROM_RULES, LBL_AND_DATA, LBL_READ_WITH,
    LBL_OF_MANIFEST, LBL_MANIFEST_FIRST, LBL_BOOK_WRITTEN_BY,
    LBL_BOOK_SOURCE,
    /* planc explain's text (explain.c; its lines' labels also use LBL_COL_*
     * and LBL_ITEM_*): the labels of its lines */
    LBL_X_TARGET, LBL_X_TEXT, LBL_X_NOTE, LBL_X_READS, LBL_X_TABLE, LBL_X_TABLE_OF, LBL_X_TABLE_OF_YEAR, LBL_SOURCE_YEAR, LBL_SOURCE_YEARS, LBL_X_TABLE_NOTE, LBL_X_TABLE_LEVEL, LBL_X_TABLE_ELSE, LBL_SOURCE_LEVEL, LBL_SOURCE_ELSE, LBL_X_PEERS, LBL_X_SUMS, LBL_X_PEAKS,
    LBL_X_BELOW, LBL_X_ABOVE, LBL_X_BASELINE, LBL_X_VETO, LBL_X_ROLLUP,
    /* its words and phrases */
    LBL_X_MISSING, LBL_X_NONE, LBL_X_SEP, LBL_X_HOLDS, LBL_X_HOLDS_ROUNDING, LBL_X_NOT_HOLDS, LBL_X_UNDECIDED,
    LBL_X_GOAL, LBL_X_GOAL_MINUS_TOL, LBL_X_GOAL_PLUS_TOL, LBL_X_GOAL_ITSELF,
    LBL_X_FN_OF, LBL_X_ARROW, LBL_X_GOAL_SEP,
    LBL_X_ROLE_VALUE, LBL_X_ROLE_FOR_VALUE, LBL_X_ROLE_PREV, LBL_X_ROLE_BASELINE,
    LBL_X_ROLE_FOR_BASELINE, LBL_X_ROLE_GOAL, LBL_X_FOR_BASELINE, LBL_X_FOR_GOAL,
    LBL_X_SHARE, LBL_X_SHARE_NO_ROW, LBL_X_PEER, LBL_X_PEER_SCOPE,
    LBL_X_CUM_HEAD, LBL_X_CUM_BEFORE_SERIES, LBL_X_CUM_BEFORE_SUM,
    LBL_X_CUM_MISSING, LBL_X_NO_ROW, LBL_X_NO_VALUE, LBL_X_LARGEST,
    LBL_X_BELOW_HEAD, LBL_X_LEVEL_REGIONS, LBL_X_OWN_REGIONS, LBL_X_SHIFT_NO_ROW,
    LBL_X_PARENT, LBL_X_PARENT_NO_ROW, LBL_X_PARENT_NONE, LBL_X_PARENT_NONE_LEVEL, LBL_X_BELOW_YEAR, LBL_X_NO_VALUES,
    LBL_X_TOTAL_NEEDS_ALL,
    LBL_X_TEST_BAND, LBL_X_TEST_TOL, LBL_X_TEST,
    LBL_X_SERIES, LBL_X_PEAK_MISSING, LBL_X_PEAK_FIRST, LBL_X_PEAK_THIS_YEAR, LBL_X_PEAK_ROSE,
    LBL_X_PEAK_HELD, LBL_X_PEAK_BEFORE_DEADLINE, LBL_X_PEAK_DEADLINE_PASSED, LBL_X_PEAK_NO_DEADLINE,
    LBL_X_NA_TREND, LBL_X_NA_TREND_OWN, LBL_X_NA_START, LBL_X_NA_START_OWN, LBL_X_NA_BEFORE, LBL_X_NA_BEFORE_OWN, LBL_X_NA_SCOPE,
    LBL_X_NA_MORE, LBL_X_NA_ADDED, LBL_X_NA_OTHER,
    LBL_X_RULE, LBL_X_RULE_PEAKS, LBL_X_RULE_TREND, LBL_X_TREND_NOW_MISSING,
    LBL_X_TREND_PREV_MISSING, LBL_X_TREND_TEST, LBL_X_VALUE_MISSING, LBL_X_GOAL_MISSING,
    LBL_X_DEADLINE_PASSED, LBL_X_EVERY_YEAR_FAILED, LBL_X_REDLINE_FAILED, LBL_X_NO_START, LBL_X_START_YEAR,
    LBL_X_BEFORE_DEADLINE, LBL_X_NO_DIRECTION, LBL_X_NO_DIRECTION_BOOL, LBL_X_TRACK,
    LBL_X_TRACK_NEAR, LBL_X_TRACK_NEAR_BAND,
    LBL_X_EXP_EVERY_YEAR, LBL_X_EXP_PASSED, LBL_X_EXP_LINE, LBL_X_EXP_BASELINE,
    LBL_X_EXP_MILESTONE,
    LBL_X_NO_SCORE, LBL_X_SCORE_RATED, LBL_X_SCORE_MET, LBL_X_SCORE_TREND, LBL_X_SCORE_PEAKS, LBL_WHY_ZERO_PEAKS, LBL_WHY_ZERO_YESNO,
    LBL_X_SCORE_NO_DEADLINE, LBL_X_SCORE_BASE_MISSING, LBL_X_SCORE_GOAL_IS_BASE,
    LBL_X_SCORE_LOST_GROUND, LBL_X_SCORE_OWN_EXPR, LBL_X_SCORE_EXPR, LBL_X_SCORE_BASE,
    LBL_X_SCORE_EXPECTED, LBL_X_SCORE_DEADLINE,
    LBL_X_SCORE_DIRECTION, LBL_X_SCORE_PROGRESS, LBL_X_SCORE_CLAMPED,
    LBL_X_NO_LEAD, LBL_X_LEAD, LBL_X_MEASURE,
    LBL_X_NO_GRADE, LBL_X_GRADE_VETO, LBL_X_GRADE_AT_LEAST, LBL_X_GRADE_BELOW, LBL_X_GRADE_TOTAL,
    LBL_X_HEAD_VETO, LBL_X_READ_OF, LBL_X_AGG_ROW, LBL_X_AGG_ROWS, LBL_X_AGG, LBL_X_MAP, LBL_X_MAP_TEXT, LBL_X_NOT_IN_DATA,
    LBL_X_INDICATOR, LBL_X_BASE_YEAR, LBL_X_BASE_YEAR_OWN, LBL_X_PREV_VALUE, LBL_X_MILESTONE_OF,
    LBL_X_MET_BAND, LBL_X_MET_WHEN, LBL_X_PEAK_BY, LBL_X_PEAK_NO_BY,
    LBL_X_NOT_COUNTED, LBL_X_WEIGHT_ZERO, LBL_X_LEFT_OUT, LBL_X_BASELINE_YEAR_UNGRADED,
    LBL_X_NO_GRADE_BASELINE, LBL_X_NO_GRADE_ADDED, LBL_X_VETO_BROKEN_BASELINE, LBL_X_COUNTED, LBL_X_MEASURE_ZERO,
    LBL_X_MEASURE_SHARE, LBL_X_SECTION_ZERO, LBL_X_SECTION_SHARE, LBL_X_SECTION_NO_TOTAL,
    LBL_X_VETO_FIRED, LBL_X_VETO_NOT_FIRED,
    LBL_X_ROLL_ITEM, LBL_X_ROLL_NOT_COUNTED, LBL_X_ROLL_NO_SCORE, LBL_X_ROLL_NO_TOTAL, LBL_X_ROLL_OF_SECTION,
    LBL_X_ROLL_OF_TOTAL,
    LBL_X_ROW_LINE, LBL_X_ROW_ADDED, LBL_X_PLAN,
    /* planc compare's text (store.c; with LBL_X_MISSING, LBL_X_NONE, LBL_ITEM_* and
     * the status words) */
    LBL_C_HEAD, LBL_C_RULES_SAME, LBL_C_RULES_CHANGED, LBL_C_FILE_ONLY_IN, LBL_C_FILE_CHANGED,
    LBL_C_RULES_SAME_OLD, LBL_C_RULES_CHANGED_OLD, LBL_C_RULES_NOT_COMPARABLE, LBL_C_DATA_SAME,
    LBL_C_DATA_CHANGED, LBL_C_OPTIONS_CHANGED, LBL_C_RENAMED, LBL_C_REGIONS_RENAMED, LBL_C_INDICATORS_RENAMED, LBL_C_RENAME, LBL_C_ROW, LBL_C_GRADE, LBL_C_STATUS,
    LBL_C_VALUE, LBL_C_SCORE_CLOSE, LBL_C_SCORE, LBL_C_VALUES, LBL_C_VALUE_ALONE, LBL_C_GRADES_HEAD,
    LBL_C_STATUSES_HEAD, LBL_C_SCORES_HEAD, LBL_C_VALUES_HEAD, LBL_C_ONLY_IN_ROW,
    LBL_C_ONLY_IN_ROWS, LBL_C_YEAR_ROW, LBL_C_YEAR_ROWS1, LBL_C_YEAR_ROWS, LBL_C_YEAR_NONE, LBL_C_YEARS_MORE, LBL_C_MORE,
    LBL_C_WHOLE_YEAR_ROW, LBL_C_WHOLE_YEAR1, LBL_C_WHOLE_YEAR, LBL_C_WHOLE_REGION_ROW, LBL_C_WHOLE_REGION,
    LBL_C_SPAN, LBL_C_NAMES_MORE, LBL_C_REGIONS_MORE, LBL_C_REGIONS_MORE_ONE, LBL_C_COMMA, LBL_C_GOAL, LBL_C_TOLERANCE,
    LBL_C_TOLERANCES_UNKNOWN, LBL_C_NO_TARGETS,
    /* compare's header: another planc, the columns the data lacked */
    LBL_C_PLANC_CHANGED, LBL_C_ABSENT_SAME, LBL_C_ABSENT_CHANGED, LBL_C_ABSENT_UNKNOWN,
    LBL_C_ABSENT_ITEM, LBL_C_ABSENT_SEP, LBL_C_ABSENT_MORE,
    /* planc history's table (store.c): its column headers and the end of a row */
    LBL_H_RUN, LBL_H_TIME, LBL_H_VERSION, LBL_H_DATA_ROWS, LBL_H_RESULTS, LBL_H_RULES_SHA,
    LBL_H_DATA_SHA, LBL_H_PLAN, LBL_H_SOURCES, LBL_H_TOTALS_ONLY,
    /* planc test's results (cmd_check.c; with LBL_X_MISSING, LBL_X_NONE and the status words) */
    LBL_T_PASSED, LBL_T_FAILED, LBL_T_SUMMARY_ONE, LBL_T_SUMMARY, LBL_T_NO_ROW, LBL_T_STATUS,
    LBL_T_NO_BASELINE_ROW, LBL_T_VALUE_UNIT, LBL_T_SCORE, LBL_T_VALUE, LBL_T_MEASURE, LBL_T_TOTAL, LBL_T_GRADE,
    LBL_T_VETO_FIRED, LBL_T_VETO_NOT_FIRED, LBL_T_DATA_UNREADABLE, LBL_T_RULES_STOP,
    LBL_T_UNKNOWN_COLUMN, LBL_T_DID_YOU_MEAN, LBL_T_PASSED_OF, LBL_T_FAILED_OF, LBL_T_SKIPPED,
    LBL_T_SUMMARY_SKIPPED, LBL_T_OTHER_ONE, LBL_T_OTHER, LBL_T_NONE,
    /* planc diff's review report (diff.c; its headings, kinds and fields' names are
     * words of lbl_word) */
    LBL_D_LEGEND, LBL_D_NO_DIFFERENCES, LBL_D_REPLACED, LBL_D_RENAMED, LBL_D_FIELD, LBL_D_MORE, LBL_D_COVERS,
    LBL_D_SUMMARY, LBL_D_ADDED, LBL_D_DROPPED, LBL_D_CHANGED, LBL_D_SETTINGS,
    LBL_D_READS_BELOW, LBL_D_MORE_ROWS, LBL_D_VALUES_CHANGED, LBL_D_PLACES, LBL_D_PLACE,
    LBL_D_UNTAKEN,       /* under a values row no region takes */
    LBL_D_SCOPE, LBL_D_IN_MEASURES, LBL_D_YEARS, LBL_D_IN_NEW_UNIT,
    LBL_D_COMPLETE,      /* a complete target's condition: what it measures */
    /* a target's scope in words (diff.c scope_words; English writes the
     * rules' own `for city except 沈阳`): each region of a level, the
     * parents it is within, the regions excepted, between those two, and
     * the list with them */
    LBL_D_EACH_LEVEL, LBL_D_EACH_OWN, LBL_D_SCOPE_WITHIN, LBL_D_SCOPE_EXCEPT, LBL_D_SCOPE_AND, LBL_D_SCOPE_PARTS,
    /* the common messages of the data loader (table.c, rt_load_options.lang) */
    LBL_L_ERROR_AT, LBL_L_ERROR, LBL_L_TOO_MANY, LBL_L_NO_COL_IND, LBL_L_NO_COL_REGION, LBL_L_NO_COL_YEAR, LBL_L_NO_COL, LBL_L_MALFORMED, LBL_L_WHY_PERCENT, LBL_L_WHY_COMMA, LBL_L_UNKNOWN_REGION, LBL_L_DID_YOU_MEAN, LBL_L_WHOLE_TOP, LBL_L_WHOLE, LBL_L_MAP_UNMAPPED, LBL_L_MAP_CASE, LBL_L_MAP_READS, LBL_L_MAP_ITEM, LBL_L_MAP_SEP, LBL_L_MAP_MORE, LBL_L_MAP_NONE, LBL_L_MAP_TAIL, LBL_L_REGION_INVISIBLE, LBL_L_REGION_PREFIX, LBL_L_MISSING_REGION, LBL_L_MISSING_YEAR, LBL_L_MALFORMED_YEAR, LBL_L_DUPLICATE, LBL_L_TITLE, LBL_L_NOTES_SKIPPED_ONE, LBL_L_NOTES_SKIPPED, LBL_L_MULTIPLIER, LBL_L_MULT_SCALED, LBL_L_MULT_OTHER, LBL_L_MULT_IN, LBL_L_MULT_DECLARE, LBL_L_UNIT_SAME, LBL_L_UNIT_OTHER, LBL_L_UNKNOWN_NOTE, LBL_L_NOTE, LBL_L_MARK_FIRST, LBL_L_MARK_SEP, LBL_L_MARK_AND, LBL_L_MARK_ITEM, LBL_L_MARK_BODY_ONE, LBL_L_MARK_BODY, LBL_L_MARK_TAIL, LBL_L_MARK_END,
    /* the level words of a message (diag.c, a rules file's errors, warnings and
     * notes under --lang zh: 错误：, as gcc writes them in Chinese) */
    LBL_G_ERROR, LBL_G_WARNING, LBL_G_NOTE,
    /* the data's notes at the header (table.c): a header that is data, the
     * plan's keys (both columns or the region's, then the year's, then the
     * end), a header of one field and its separator; a region the rules
     * dropped (ir_region_drop_note: by an alias of it, by an alias of a
     * region renamed and dropped, by its old name, by its name) */
    LBL_L_LOOKS_DATA, LBL_L_KEYS_BOTH, LBL_L_KEYS_REGION, LBL_L_KEYS_YEAR, LBL_L_KEYS_END,
    LBL_L_ONE_FIELD, LBL_L_SEMICOLONS, LBL_L_TABS, LBL_L_DROPPED_REGION,
    /* no column for a column per year and the note on '{year}'; a header's
     * name with invisible characters (a byte order mark's words after it) */
    LBL_L_NO_YEAR_COLUMN, LBL_L_YEAR_NOTE, LBL_L_INVISIBLE, LBL_L_INVISIBLE_BOM,
    LBL_R_ALIAS_DROPPED, LBL_R_ALIAS_RENAMED_DROPPED, LBL_R_RENAMED_DROPPED, LBL_R_DROPPED,
    /* a region the rules renamed or replaced, by an alias of it, by its name */
    LBL_R_ALIAS_RENAMED, LBL_R_RENAMED,
    /* the compile cache's warnings (cache.c, jit.c): no directory, out of
     * memory, a directory it cannot use or write; an entry it ignores (too
     * large, unreadable, why: LBL_C_WHY_*), and what it does instead; an
     * entry whose code does not load, parse or link */
    LBL_C_RECOMPILING,
    LBL_C_WHY_NOT_ENTRY, LBL_C_WHY_FORMAT, LBL_C_WHY_VERSION, LBL_C_WHY_FOREIGN, LBL_C_WHY_LENGTH,
    LBL_C_WHY_NOT_FILE, LBL_C_WHY_OWNER, LBL_C_WHY_UNREADABLE, LBL_C_WHY_CHECKSUM, LBL_C_WHY_NO_SEGMENT,
    /* planc run's warning of a parent region left ungraded on its added
     * rows (report_ungraded_text, datawarn.c dw_warn_ungraded) */
    LBL_U_UNGRADED_ONE, LBL_U_UNGRADED, LBL_U_YEAR_SEP, LBL_U_NAME_SEP, LBL_U_MORE_ONE, LBL_U_MORE, LBL_U_HINT_ONE,
    LBL_U_HINT, LBL_U_HINT_SCOPE,
    /* the loader's warnings and their notes (table.c): a column twice in the
     * header (the ', ...' of more fields), a column absent under
     * --allow-missing-columns (with and without an indicator), the count of
     * the rest, the note on several missing columns, rows of undeclared or
     * dropped regions skipped (one, more); a region without a row in a
     * year between two of its own, the count of the rest, the note */
    LBL_L_DUP_COLUMN, LBL_L_DUP_MORE, LBL_L_ABSENT_IND, LBL_L_ABSENT, LBL_L_ABSENT_MORE, LBL_L_ABSENT_ZERO,
    LBL_L_MISSING_COLUMNS, LBL_L_MISSING_COLUMN, LBL_L_DATA_YEAR, LBL_L_DROPPED_NOTE, LBL_L_SKIPPED_ONE, LBL_L_SKIPPED,
    LBL_L_SKIPPED_DROPPED_ONE, LBL_L_SKIPPED_DROPPED, LBL_L_YEAR_GAP, LBL_L_YEAR_GAP_MORE_ONE, LBL_L_YEAR_GAP_MORE,
    LBL_L_YEAR_GAP_NOTE, LBL_L_NO_ROW_REGION, LBL_L_NO_ROW_MORE_ONE, LBL_L_NO_ROW_MORE, LBL_L_NO_ROW_NOTE,
    /* explain: where a cell came from, of several data files (the file and
     * line; the file's column as other rules read it, its number, and
     * those rules' plan) */
    LBL_X_FROM, LBL_X_FROM_COLUMN, LBL_X_FROM_PLAN,
    /* of several data files: the columns a file lacks that another gives */
    LBL_L_ABSENT_ELSEWHERE_ONE, LBL_L_ABSENT_ELSEWHERE,
    /* planc run's warnings on the data as a whole (datawarn.c, report.c): no
     * rows; a column of fractions for a target in %; a target or red line
     * not_applicable on every row (LBL_W_UNJUDGED with the kind and the
     * reason, report_unjudged_reason: whom it covers, then why), and the
     * count of the rest */
    LBL_W_NO_ROWS, LBL_W_TARGET, LBL_W_REDLINE, LBL_W_FRACTIONS, LBL_W_MORE_THAN, LBL_W_AT_LEAST,
    LBL_W_FRACTIONS_HINT, LBL_W_UNJUDGED, LBL_W_UNJUDGED_MORE_ONE, LBL_W_UNJUDGED_MORE,
    LBL_W_COVERS, LBL_W_EVERY_REGION, LBL_W_SCOPE_MORE, LBL_W_NO_ROW_ONE, LBL_W_NO_ROW,
    LBL_W_NO_OWN_ONE, LBL_W_NO_OWN, LBL_W_BEFORE, LBL_W_BEFORE_OWN, LBL_W_END_TREND,
    LBL_W_END_TREND_OWN, LBL_W_END_GOAL, LBL_W_END_GOAL_OWN, LBL_W_A_PEAK, LBL_W_A_DEADLINE,
    LBL_W_NONE_JUDGED_ONE, LBL_W_NONE_JUDGED,
    /* the targets off track (rollup_offtrack_make): the page's section
     * (its table of contents entry, title with the year, note with the
     * year twice, the line for none, the line under a cut list) and the
     * workbook's sheet; the columns the two add to the others' (since,
     * the previous year's status, the gap, a veto or red line) and that
     * column's words */
    LBL_NAV_OFFTRACK, LBL_OFFTRACK_TITLE, LBL_OFFTRACK_NOTE, LBL_OFFTRACK_NONE, LBL_OFFTRACK_CUT,
    LBL_SHEET_OFFTRACK, LBL_COL_SINCE, LBL_COL_PREV_STATUS, LBL_COL_GAP, LBL_COL_REDLINE,
    LBL_OFFTRACK_VETO, LBL_OFFTRACK_REDLINE,
    LBL_COL_PREV_STATUS_PAGE, LBL_COL_REDLINE_PAGE, /* the page's words for those two headers */
    /* the previous status's header when the data has a year before (%d
     * that year: "status 2023", as LBL_COL_PREV_TOTAL names the total);
     * the page's note on the column, without and with that year (%d
     * twice), and the note's sentence after it (the gap's) */
    LBL_COL_PREV_STATUS_YEAR, LBL_OFFTRACK_NOTE_PREV, LBL_OFFTRACK_NOTE_PREV_YEAR, LBL_OFFTRACK_NOTE_GAP,
    /* the page's table of regions: the year before's total and grade (%d the year) */
    LBL_COL_PREV_TOTAL, LBL_COL_PREV_GRADE,
    /* the page's list of targets put right since the year before (%d that
     * year, %d this year) and the line under a cut one */
    LBL_RESOLVED_TITLE, LBL_RESOLVED_CUT,
    /* the workbook's sheet of the targets put right since the year before */
    LBL_SHEET_RESOLVED,
    /* explain's values line of a value --set gave (%s: the --set) */
    LBL_X_TABLE_SET,
    /* the did-you-mean of a cell that is a map's text written with other
     * characters of the same look (III for Ⅲ, a full-width Ａ) */
    LBL_L_MAP_FORM,
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
/* The kind of a target as a reader is told it: lbl_kind, but a threshold
 * target whose value is yes/no (`建成 == yes by 2025`, `boolean`) has no
 * threshold to speak of: 是/否 in Chinese; English keeps the rules
 * language's kind, "threshold". */
const char *lbl_target_kind(lbl_lang lang, const char *kind, bool boolean);

/* The word of a status given by its code ("met", "lagging": ir_statusname,
 * as the results and the history write it) in lang; anything else as it
 * is. */
const char *lbl_status_code(lbl_lang lang, const char *code);

/* The word of a results row's kind ("target", "measure", "section",
 * "total") in lang; anything else as it is. */
const char *lbl_item(lbl_lang lang, const char *kind);

/* A word of the rules written in the review report of `planc diff`: the
 * kind of an item ("target", "indicator" ...), a field's name ("deadline",
 * "scope" ...) or a value that is a word ("none", "yes", "every year"), in
 * lang; anything else, and every word in English, as it is. */
const char *lbl_word(lbl_lang lang, const char *word);

/* The name of an administrative level as the documents (page, workbook)
 * show it in lang: the levels' usual English names (province, city,
 * county, country ...) in Chinese words (省级, 市级 ...); any other name,
 * and every name in English, as the rules write it. */
const char *lbl_level(lbl_lang lang, const char *level);

/* Parses a language's name ("en", "zh"); false for anything else. */
bool lbl_parse(const char *name, lbl_lang *lang);

/* A language's name, as lbl_parse reads it. */
const char *lbl_name(lbl_lang lang);

/* A language's tag for HTML's lang attribute ("en", "zh-CN"). */
const char *lbl_tag(lbl_lang lang);

#endif
