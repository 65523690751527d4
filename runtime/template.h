/* template.h — the blank data file a rules file reads (`planc template`):
 * for chosen regions, which data columns their rows need, and that as a
 * CSV of empty cells (its header the rules' keys and those columns, a row
 * per region and year) or as a list saying what each column holds.
 *
 * A column is needed on region g's rows when a target that applies to g
 * reads it on g's rows (in any year: prev(), baseline()), when a target
 * that applies to a region of g's level compares g's level with a peer
 * function (average(x) reads every region of the level), or when a target
 * that applies to a region above g reads it through share/total/... over
 * g's level (a province's share(city, ...) reads each city's cell). */
#ifndef PLANC_TEMPLATE_H
#define PLANC_TEMPLATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ir.h"
#include "labels.h"
#include "table.h"

/* The columns the chosen regions need: need[i * ncolumns + c] is 1 when
 * regions[i] needs column c; rated[c] when a rated target reads column c
 * on a region's own rows (a 0..100 rating the evaluator gives).  Columns
 * of one name (two indicators reading one data column, or one column
 * read with two aggregates) are one column of the file: first[c] is the
 * first of c's name in p->columns, next[c] the one after c of its name
 * (UINT32_MAX after the last); the blank file has such a column once,
 * as the first of its name. */
typedef struct tmpl_needs {
    uint32_t *regions;
    uint32_t nregions;
    uint8_t *need;
    uint8_t *rated;
    uint32_t *first, *next;
} tmpl_needs;

/* What regions[0..nregions) (indices into p->regions) need. */
tmpl_needs *tmpl_needs_make(const ir_program *p, const uint32_t *regions, uint32_t nregions);
/* What the regions table t has rows of need: its own rows' regions (not
 * the rows planc adds above them), in the order of their first rows.
 * p is the program t was read with: `planc template --check` without
 * --region.  (Several data files are asked for the columns of all their
 * rows' regions together, tmpl_needs_make: table.c's coverage.) */
tmpl_needs *tmpl_needs_of_table(const ir_program *p, const rt_table *t);
void tmpl_needs_free(tmpl_needs *n);
/* Whether some chosen region needs column c. */
bool tmpl_column_needed(const ir_program *p, const tmpl_needs *n, uint32_t c);
/* Whether column c is one of the blank file's: the first of its name
 * (tmpl_needs) and some chosen region needs a column of that name. */
bool tmpl_column_listed(const ir_program *p, const tmpl_needs *n, uint32_t c);
/* Whether a column of c's name is a rating (rated) in the file. */
bool tmpl_column_rated(const tmpl_needs *n, uint32_t c);
/* Whether a needed column is one per year ("C{year}"): the file then has
 * no year column, one row per region, and needs the years. */
bool tmpl_wide(const ir_program *p, const tmpl_needs *n);

/* One cell of the blank file's header: its text (malloc'd), the rules'
 * column it is (an index into p->columns, or TMPL_REGION_KEY or
 * TMPL_YEAR_KEY), and for a per-year column its year. */
#define TMPL_REGION_KEY UINT32_MAX
#define TMPL_YEAR_KEY (UINT32_MAX - 1)
typedef struct tmpl_head {
    char *text;
    uint32_t column;
    int year;
} tmpl_head;
/* The header of the blank file, *nheads cells: the keys (no year key in
 * a wide file) and the needed columns, each name once
 * (tmpl_column_listed; a per-year column once per year from..to), as the
 * CSV and the workbook have it. */
tmpl_head *tmpl_header(const ir_program *p, const tmpl_needs *n, int from, int to, uint32_t *nheads);
void tmpl_header_free(tmpl_head *h, uint32_t nheads);
/* Whether the chosen region n->regions[i] has rows in the blank file: it
 * needs a column (a province whose rows planc makes from its counties'
 * has nothing to fill in). */
bool tmpl_region_has_rows(const ir_program *p, const tmpl_needs *n, uint32_t i);

/* The CSV: the header (tmpl_header), then a row of empty cells per region
 * and year (per region, for a wide file) of each region that has rows
 * (tmpl_region_has_rows); no rows when from is 0. */
void tmpl_write_csv(FILE *f, const ir_program *p, const tmpl_needs *n, int from, int to);
/* The columns of that CSV, a line each, in lang: what a cell holds (a
 * number in the column's unit, yes or no, a rating, a text map's texts),
 * the indicator, and the chosen regions that need it when not all do. */
void tmpl_write_list(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, int from, int to);
/* What a cell of column c holds, as the list says it first (a number in
 * the column's unit, yes or no, a rating, a text map's texts): the
 * workbook's input message of its cells.  Of a name several columns
 * have, as the first that a chosen region needs reads it. */
void tmpl_write_column_kind(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c);
/* What the list says of column c after its name (no line break): the
 * workbook's note of the column's header cell.  Of a name several
 * columns have, each needed one's indicator (and what it reads a cell
 * as, when that is not what the first reads it as). */
void tmpl_write_column_note(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c, int from,
                            int to);

/* Checks data file `name`, read as t (every column the rules read that
 * its header lacks read as missing), against the template of the regions
 * in n: rows of other regions when they were chosen (--region), needed
 * columns the header lacks, a chosen region's years from..to without a
 * row (none when from is 0) are problems, each an error on err; the
 * needed columns' empty cells are a note per column.  Of several files
 * (rt_table_load_many), each message names the file it is about, and one
 * about them together is planc's ("planc: error: no row of R").  Ends
 * with a line "NAME: ok: ..." ("NAME: no errors, W warnings: ..." when
 * `warnings` warnings were written before it) or "NAME: N problems";
 * returns the problems. */
unsigned tmpl_check(FILE *err, lbl_lang lang, const ir_program *p, const rt_table *t, const tmpl_needs *n,
                    bool chosen, int from, int to, const char *name, unsigned warnings);

#endif
