/* report.h — writing results. */
#ifndef PLANC_REPORT_H
#define PLANC_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "exec.h"
#include "labels.h"

/* One result row: its region and year and the item columns of
 * docs/LANGUAGE.md §11 (a NULL text or a NaN number is an empty cell).
 * item numbers the row's item: targets 0 .. ntargets-1 in program order,
 * then the measures, the sections and the total; within one
 * report_each_row walk, rows of the same item have the same kind, id,
 * name, clause, lead and unit texts. */
typedef struct report_row {
    const char *region;
    const char *parent, *top; /* the region's parent and top (report_region_top),
                               NULL for none: the same on every row of a region */
    int year;
    const char *kind, *id, *name, *clause, *lead, *status, *unit, *grade, *vetoes;
    double value, goal, expected, score, weight;
    double tolerance;       /* the current milestone's tolerance (NaN: none) */
    uint32_t item;
} report_row;

/* A target's goal and expected value on table row `row` as every report
 * shows them (CSV, JSON, Excel, the history, the roll-ups, explain): the
 * number of the target's slot (rt_result_value), or NaN (an empty cell,
 * null) when the row's status is not_applicable.  The program computes a
 * goal and a trajectory on every row, inside the target's scope or not
 * (the goal slot may be a constant or shared with other targets); a row
 * the target does not cover has no goal, and showing one would read as if
 * it applied (docs/LANGUAGE.md §11).  The value stays: it is the region's
 * data.  The library of `planc build` hands out the raw slots. */
double report_target_goal(const rt_result *r, const ir_target *tg, size_t row);
double report_target_expected(const rt_result *r, const ir_target *tg, size_t row);
/* Whether target tg's value is a yes/no (unit `bool`): the page, the
 * workbook and compare write its value and goal `yes` / `no` (是 / 否),
 * the CSV, the JSON and the history 1 / 0 (docs/OUTPUT.md). */
bool report_target_bool(const ir_program *p, const ir_target *tg);
/* A unit as a reader sees it after a number (the page's lists, the
 * workbook's sheets): NULL for a yes/no (`bool`) and a plain number
 * (`1`), the unit algebra's names for no unit, which the CSV and the JSON
 * keep for programs. */
const char *report_unit_shown(const char *unit);
/* report_unit_shown of target tg's unit. */
const char *report_target_unit_shown(const ir_target *tg);
/* Why target tg can be on_track with a score of 0 under the default score
 * rule (docs/LANGUAGE.md §9): a `peaks` target is on_track before its
 * deadline while its peak is not behind it, and trends and peaks score 0
 * unless met; a yes/no target is on_track before its deadline while still
 * `no`, and its progress from the baseline's `no` is 0 until met.  The
 * label that says so (LBL_WHY_ZERO_PEAKS, LBL_WHY_ZERO_YESNO), for the
 * page and the workbook, or -1 (a score expression, or a target whose
 * on_track scores its progress). */
int report_on_track_zero(const ir_program *p, const ir_target *tg);
/* Whether a target of p has a goal with a tolerance (docs/LANGUAGE.md §9):
 * then the results have a `tolerance` column (CSV, JSON, Excel) after
 * `goal`; without one they are as before tolerances existed. */
bool report_has_tolerance(const ir_program *p);
/* The tolerance of the target's current milestone in `year` (the goal's
 * companion in every report), NaN without one and on a not_applicable row. */
double report_target_tolerance(const rt_result *r, const ir_target *tg, size_t row, int year);

/* The region just below the root of region's hierarchy that region lies
 * in or is: its parent chain followed up to the region whose parent has
 * no parent (a province in 全国 > provinces > cities is its own top, its
 * cities' and their counties'); -1 when region has no parent.  The
 * `top` of the roll-ups and of the results (docs/OUTPUT.md §2).  Sema
 * refuses cycles; the walk stops after nregions steps all the same. */
int32_t report_region_top(const ir_program *p, uint32_t region);

/* Calls fn for every result row, in the order of docs/LANGUAGE.md §11
 * (the one walk over the results that the CSV writer and the history
 * share).  Stops when fn returns nonzero and returns that value; else 0. */
int report_each_row(const ir_program *p, const rt_table *t, const rt_result *r,
                    int (*fn)(const report_row *row, void *ctx), void *ctx);

/* Writes the results as CSV (the format is in docs/LANGUAGE.md §11).
 * Returns 0, or -1 on a write error. */
int report_csv(const ir_program *p, const rt_table *t, const rt_result *r, FILE *out);

/* The same CSV written from a stream (exec.h, rt_run_stream): each
 * chunk's lines are formatted on its scoring thread into its place's
 * buffer and written out in row order, so the bytes are report_csv's for
 * every number of threads.  Open (which writes the header) with the
 * number of places of the run (rt_stream_places), run the stream with
 * report_csv_stream_hooks, then close, which frees the stream and returns
 * 0, or -1 when a write failed. */
typedef struct report_csv_stream report_csv_stream;
report_csv_stream *report_csv_stream_open(const ir_program *p, const rt_table *t,
                                          unsigned places, FILE *out);
rt_stream report_csv_stream_hooks(report_csv_stream *s);
int report_csv_stream_close(report_csv_stream *s);

/* Judged targets: after a run, a target that is not_applicable on every
 * row was judged on none (a red line for a province whose data has only
 * city rows), which the results alone do not say.  report_mark_judged
 * sets judged[i] (p->ntargets flags) for each target i whose status is
 * not not_applicable on some row of [lo, hi) of r (rows of a stream's
 * chunk, or of a whole run); flags already set stay set, so the calls of
 * a run may be spread over chunks and merged. */
void report_mark_judged(const ir_program *p, const rt_result *r, size_t lo, size_t hi,
                        bool *judged);

/* The judged flags of a stream's run so far (report_mark_judged over
 * every chunk formatted, merged over the places): sets judged[i] for
 * each target some chunk judged.  Call before report_csv_stream_close. */
void report_csv_stream_judged(const report_csv_stream *s, bool *judged);

/* Whether target ti of p, with status `status` on a row of region `region`
 * in `year` that the runtime added for a parent region (docs/LANGUAGE.md
 * §6), is left out there only because the row was added: not_applicable,
 * in its scope and in a year it would be judged (a trend from the year
 * after its baseline, a goal with a deadline after its baseline year); or
 * missing while it reads the region's own data of the year
 * (ir_target_reads_own: a share target whose goal is the region's own
 * column).  The rule lower.c's added_incomplete compiles, for explain and
 * the run's warning to name the targets it left out. */
bool report_left_out_added(const ir_program *p, uint32_t ti, double status, uint32_t region, int year);

/* The rows a run added for a parent region that got no grade because its
 * assessment would leave out targets on its own data (lower.c,
 * added_incomplete): (region, year) pairs, in no order. */
typedef struct report_ungraded_row {
    uint32_t region;
    int year;
} report_ungraded_row;
typedef struct report_ungraded {
    report_ungraded_row *rows;
    size_t n, cap;
} report_ungraded;

/* Appends to u the rows of [lo, hi) of t (scored in r) that the runtime
 * added and left without a grade for want of the region's own data: a
 * missing grade in a year after the plan's baseline, and some target that
 * counts for the grade (ir_target_counts) left out by
 * report_left_out_added.  Like report_mark_judged, calls may be spread
 * over a stream's chunks. */
void report_mark_ungraded(const ir_program *p, const rt_table *t, const rt_result *r,
                          size_t lo, size_t hi, report_ungraded *u);

/* The ungraded rows of a stream's run so far, appended to u (over every
 * chunk formatted and every place).  Call before report_csv_stream_close. */
void report_csv_stream_ungraded(const report_csv_stream *s, report_ungraded *u);

/* The warning's line for one region's ungraded added rows (rows[0..n),
 * all of one region, sorted by year), in lang: "data.csv: warning: 示例省
 * has no total or grade in 2022–2025: it has no row of its own in
 * data.csv ...\n", naming up to three of the targets that read its own
 * data; *unscoped says whether one of them is unscoped (applies to every
 * region).  malloc'd. */
char *report_ungraded_text(const ir_program *p, const rt_table *t, const report_ungraded_row *rows,
                           size_t n, lbl_lang lang, bool *unscoped);

/* Why target tg is not_applicable on every row of t (docs/LANGUAGE.md §9
 * rule 1), as a clause for a warning in lang: "it covers 某省, which has
 * no row in data.csv", "it covers 丙, whose rows are all before the
 * baseline year 2020", ... (LBL_W_*).  malloc'd. */
char *report_unjudged_reason(const ir_program *p, const rt_table *t, const ir_target *tg, lbl_lang lang);

/* Whether target tg is not_applicable on every row of t for want of rows
 * of the regions it covers (the first two reasons report_unjudged_reason
 * gives): 1 when they have no row in t, 2 when they have only the rows
 * planc added and tg does not read the regions below, 0 otherwise (and
 * for an unscoped target).  warn_unjudged says it once for the targets
 * of the same regions. */
int report_unjudged_rows(const ir_program *p, const rt_table *t, const ir_target *tg);

/* The names of tg's regions, as report_unjudged_reason lists them after
 * "it covers ": up to 8, then how many more.  malloc'd. */
char *report_scope_names(const ir_program *p, const ir_target *tg, lbl_lang lang);

/* One data file of a run (--data FILE, with its --read-with RULES when it
 * has them), for the documents that list each with its hash: the file as
 * the command line named it and the SHA-256 of its bytes as read; for a
 * file read with other rules, those rules as named, the hash of their
 * manifest and the manifest ("HEX  NAME\n" a file, as rules_files); NULL
 * for a file read with the scored rules. */
typedef struct report_data_file {
    const char *name, *sha256;
    const char *read_with, *read_with_sha256, *read_with_files;
} report_data_file;

/* What produced a report, for a reader of the report alone (an auditor
 * reproducing a number): the rules and the data as the command line named
 * them, their SHA-256 as the results history records them (the rules'
 * manifest; the data's bytes as scored) and the options
 * that changed how the data was read ("" for none).  planc's version is
 * PLANC_VERSION. */
typedef struct report_source {
    const char *rules, *rules_sha256;
    const char *rules_files;   /* the rules manifest that rules_sha256 is the
                                  hash of: "HEX  NAME\n" per file read, in
                                  order (docs/OUTPUT.md §5); NULL: not known */
    const char *data, *data_sha256;
    const report_data_file *data_files; /* each data file, ndata_files of */
    size_t ndata_files;                 /* them, in the order given; NULL: not known */
    const char *data_options;
    const char *command;       /* the planc command line that writes the
                                  same output from these files, without
                                  the SOURCE_DATE_EPOCH a workbook adds in
                                  front ("planc run RULES --data DATA ...
                                  -o OUT"); NULL: not known */
} report_source;

/* Formats v as report_csv prints numbers: "%.Ng" with the least N (1..17)
 * that strtod reads back as v, except that a positive exponent below 17 is
 * written out in plain digits when that needs no more significant digits
 * ("100", not "1e+02"; "1e+21" stays); -0 as "0"; NaN (missing) as "". */
void report_format_number(double v, char buf[32]);

/* The decimals the texts for people round numbers to: the page, the
 * workbook's scores and `planc compare` two (a reader's precision), the
 * text of `planc explain` four (its lines are arithmetic a reader redoes:
 * its parts must add up visibly). */
enum { REPORT_PAGE_DECIMALS = 2, REPORT_EXPLAIN_DECIMALS = 4 };

/* Formats v for a person, the one rounding of every text planc writes for
 * people (the page, compare, explain; the CSV and the JSON keep
 * report_format_number's full precision): at most `decimals` decimals,
 * trailing zeros dropped ("12.5", "42"); a value below 1 keeps decimals + 1
 * significant digits (0.0326 亿亩 is not 0.03); beyond 1e15 (and an
 * infinity) as "%.Ng" with N = decimals + 1; -0 as "0"; NaN as "". */
void report_format_shown(double v, int decimals, char buf[32]);

/* Formats a and b as report_format_shown does, unless that writes them
 * alike while they differ ("52.11 → 52.11"): then both in full, as
 * report_format_number, so that a change or a failed comparison is never
 * shown between two equal texts. */
void report_format_shown_pair(double a, double b, int decimals, char abuf[32], char bbuf[32]);

/* Whether a text cell of a CSV that planc writes is written with a quote
 * (') in front: when it starts with a character that makes a spreadsheet
 * read the cell as a formula (=, +, -, @, a tab or a carriage return: a
 * target named "=HYPERLINK(...)" in an untrusted rules file), or with a
 * quote itself, so that a reader gets the text back by removing one
 * leading quote from any text cell that has one (docs/OUTPUT.md §1).
 * Numbers are never guarded (-5 stays a number). */
bool report_csv_guarded(const char *s);

#endif
