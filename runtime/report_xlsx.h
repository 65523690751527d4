/* report_xlsx.h — the results as an Excel workbook (libxlsxwriter).
 *
 * Sheets (docs/OUTPUT.md, "Excel"): `regions`, `agencies` and `targets` —
 * the roll-ups of one year —, `off_track` and `put_right` (what is behind,
 * what was put right since the year before) and `detail`, every result
 * row as the CSV has it.  Each sheet has one frozen header row and an autofilter; columns are
 * as wide as their text (CJK characters count two); status cells are
 * coloured; numbers are numbers and a missing value is an empty cell. */
#ifndef PLANC_REPORT_XLSX_H
#define PLANC_REPORT_XLSX_H

#include <stdbool.h>
#include <stdio.h>

#include "exec.h"
#include "ir.h"
#include "labels.h"
#include "report.h"
#include "rollup.h"
#include "table.h"

/* Writes the workbook of a run to `out` (a binary stream: an xlsx file is a
 * zip archive).  `ru` is NULL when the table has no row (the roll-up
 * sheets then hold their headers only).  libxlsxwriter writes to a path,
 * so the workbook is built in a scratch file in $TMPDIR (else /tmp) and
 * then copied to `out`; the caller makes `out` atomic (ofile.h).  The
 * workbook's comments name `src`, what produced it (only planc's version
 * when it is NULL).  Sheet names, headers, status words and the other
 * fixed cells (a detail row's kind, goal_varies) are in `lang`; numbers
 * and the rules' and the data's texts are as they are.  Returns 0, or -1
 * after printing why to `err` (a write error), or REPORT_XLSX_TOO_LARGE
 * after printing why (more result rows than a sheet holds: a matter of
 * the command, which can ask for CSV, not of the disk), or
 * REPORT_XLSX_OUT_ERROR with errno set and nothing printed when `out`
 * itself could not be written (a full disk): the caller, which knows the
 * output's name, says so. */
#define REPORT_XLSX_TOO_LARGE (-2)
#define REPORT_XLSX_OUT_ERROR (-3)
int report_xlsx(const ir_program *p, const rt_table *t, const rt_result *r,
                const rollup *ru, const report_source *src, lbl_lang lang, FILE *out, FILE *err);

/* The steps of writing a workbook that planc template's (template_xlsx.c)
 * shares: libxlsxwriter writes to a path, so a workbook is built in a
 * new empty scratch file in $TMPDIR (else /tmp; report_xlsx_scratch: its
 * malloc'd path, or NULL with errno set) and then copied to the output
 * stream (report_xlsx_copy: 0, or -1 with errno set); while it is built,
 * libxlsxwriter's own "[ERROR]" lines are kept off stderr
 * (report_xlsx_mute, then report_xlsx_unmute, which passes on what else
 * was said meanwhile; saved is -1 when stderr could not be set aside);
 * report_xlsx_file_error says whether a libxlsxwriter error is a file
 * operation's, whose reason errno gives.  report_xlsx_whole reads the
 * workbook written at `path` back (minizip, as planc reads a data
 * workbook): libxlsxwriter does not check its writes of the files it
 * makes each part in, in $TMPDIR, so a full disk or the file size limit
 * (ulimit -f) gave a workbook cut short, written as whole.  True when
 * each of its nsheets sheets reads whole to its end tag, of at least
 * rows[K-1] bytes (rows NULL: any); else false after saying so on err. */
typedef struct report_xlsx_muted {
    int saved, mem;
} report_xlsx_muted;
char *report_xlsx_scratch(void);
int report_xlsx_copy(const char *path, FILE *out);
report_xlsx_muted report_xlsx_mute(void);
void report_xlsx_unmute(report_xlsx_muted *m);
bool report_xlsx_file_error(int e);
bool report_xlsx_whole(const char *path, const long *rows, size_t nsheets, FILE *err);

#endif
