/* template_xlsx.h — planc template's blank data file as an Excel workbook
 * (`planc template RULES -o NAME.xlsx`, docs/DATA.md "Excel workbooks").
 *
 * The first sheet ("data", 数据 under --lang zh) holds what the CSV holds
 * (template.h): the header (tmpl_header) in row 1, then a row per region
 * and year of each region that has rows, the region a text cell, the year
 * a number cell, the indicator columns empty.  So planc reads the
 * workbook, filled in, as it reads the CSV filled in with the same cells
 * (xlsx_read.h).  Besides: the header row (and the keys' columns) frozen,
 * the columns as wide as their text, the cells below an indicator's
 * header checked as they are typed (a drop-down of the yes/no words or of
 * a text map's texts, a number, a rating from 0 to 100: warnings only,
 * which change nothing planc reads) with an input message of the
 * indicator and what a cell holds, a note on the header cell saying what
 * a cell holds (the list's text, in lang) where that message does not
 * say it all (the first 256 columns), and a second sheet ("notes", 说明)
 * with the list of the columns (tmpl_write_list). */
#ifndef PLANC_TEMPLATE_XLSX_H
#define PLANC_TEMPLATE_XLSX_H

#include <stdio.h>

#include "ir.h"
#include "labels.h"
#include "template.h"

/* The returns of tmplx_write besides 0 and -1: more rows or columns than
 * a sheet holds (said on err: a matter of the command, which can ask for
 * a CSV), and a failed write of `out` itself (nothing said, errno set:
 * the caller names its output). */
#define TMPLX_TOO_LARGE (-2)
#define TMPLX_OUT_ERROR (-3)

/* Writes the blank workbook of the regions in n (years from..to; no rows
 * when from is 0) to `out`, a binary stream the caller makes atomic
 * (ofile.h), its fixed texts in lang.  0, or -1 after printing why to err
 * (the scratch file in $TMPDIR could not be written), or TMPLX_TOO_LARGE,
 * or TMPLX_OUT_ERROR. */
int tmplx_write(FILE *out, lbl_lang lang, const ir_program *p, const tmpl_needs *n, int from, int to, FILE *err);

#endif
