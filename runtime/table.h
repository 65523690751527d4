/* table.h — the data a program runs over: rows of (region, year) read from a
 * CSV file, sorted by region then year, with the input columns the program
 * needs (shifted in time, scaled to the indicator's unit).
 *
 * Rows are ordered by the region's declaration index (ir_program.regions)
 * and then by year; no two rows share a (region, year).  A program with an
 * IR_SHARE step also gets a row, with every data cell missing, for each
 * ancestor region that has descendant rows in a year but no row of its own
 * (so a province's share targets are scored); such rows have line 0. */
#ifndef PLANC_TABLE_H
#define PLANC_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ir.h"
#include "labels.h"

typedef struct rt_table rt_table;

/* Most data errors reported for one file; then "too many errors". */
#define RT_MAX_ERRORS 50

/* How a file is read beyond what the program declares (planc run's data
 * options).  All zero: as the language says (docs/LANGUAGE.md §10). */
typedef struct rt_load_options {
    /* Rows whose region the rules do not declare (by name or alias) are
     * skipped, whole, instead of being errors; one warning says how many
     * and the first.  For files that hold every region of a country. */
    bool skip_unknown_regions;
    /* More cell texts that mean "missing" in value columns, besides the
     * empty cell and NA (compared after trimming, exactly). */
    const char *const *na;
    size_t nna;
    /* When not 0: the file has no year column; every row is of this year
     * (a snapshot, such as one year's index).  A file with a column per
     * year cannot have it. */
    int year;
    /* An indicator column absent from the header is a column of missing
     * cells (one warning names them) instead of an error: indicators whose
     * data is not collected yet. */
    bool allow_missing_columns;
    /* With allow_missing_columns: no warning either (the rows of a test in
     * a rules file give only the columns the test is about). */
    bool quiet_missing_columns;
    /* One of several files (rt_table_load_many): a column the header
     * lacks is read as missing cells, and rt_table_load_many says, once
     * every file is read, whether another file with rows of the regions
     * that need it (template.h: a target on the region, above it or
     * beside it reads it) gives it, or it is an error.  A column like one
     * in the header (a misspelling) is an error all the same. */
    bool needed_columns_only;
    /* With needed_columns_only: set true when a column the header lacks
     * was so read as missing cells; without it, when one could have been
     * (the reading fails on it: standard input, read once) (NULL: not
     * asked). */
    bool *set_aside;
    /* Set true when the header was read and its rows began (NULL: not
     * asked): a reading that failed after it failed on its rows. */
    bool *header_read;
    /* The rows are a test's in a rules file (planc test): no note suggests
     * a command-line option of planc run (--na, --skip-unknown-regions). */
    bool test_rows;
    /* The file is a data provider's, checked before it is sent (planc
     * template --check): a note says what to write in the file, not how
     * the rules could read it (an alias, a unit to declare) or which
     * option of planc run would skip it. */
    bool provider;
    /* The character encoding of CSV files that are not UTF-8 (a name
     * iconv(3) knows: GB18030, GBK, UTF-16 ...; planc run's --encoding),
     * or NULL: every file is UTF-8.  A file whose first block beyond
     * ASCII is UTF-8 (textconv.h, tc_judge) is read as UTF-8 all the
     * same, so one option serves a mix of files; a workbook's text is
     * Unicode and never converted. */
    const char *encoding;
    /* Warn of a region without a row in a year between two of its own,
     * which most regions of its level have (planc run: the region then
     * leaves that year's results and ranking without another word). */
    bool warn_year_gaps;
    /* Hash the bytes as they are read (rt_table_sha256): the results
     * history records the data that was scored, also when it came from a
     * pipe or changed afterwards. */
    bool digest;
    /* Threads that parse the records (0 or 1: the caller alone).  The
     * table, the errors and the warnings are the same for any number. */
    unsigned threads;
    /* Remember, per row of a column read through a text map, which text
     * of the map its cell was (rt_table_text): planc explain shows the
     * cell as written.  The records are then read on one thread. */
    bool keep_texts;
    /* The language of the common data messages (labels.h, LBL_L_*: the
     * unknown column, region and year, a malformed number and its notes,
     * a duplicate row, a title line, the notes after the table): planc
     * run's --lang (with a document) and explain's.  The file:line and the
     * column's name are the same in every language. */
    lbl_lang lang;
} rt_load_options;

/* Reads the CSV at `path` for program `p`.  Data errors (file:line, column
 * name and what is wrong) are printed to `err`, all of them up to a limit;
 * then NULL is returned (exit code 3).  Warnings go to `err` too.  opts
 * may be NULL. */
rt_table *rt_table_load(const ir_program *p, const char *path, const rt_load_options *opts,
                        FILE *err);
/* Reads the CSV files paths[0..n) as one table: each file with its own
 * header (its columns in any order, its errors and warnings naming it),
 * the rows of all together.  A (region, year) that two files give is one
 * row, its cells combined: a cell one file lacks is the other's, and two
 * numbers must agree (else an error at the later file's line, naming the
 * earlier's); the row keeps the earlier file's line.  A column the rules
 * read for a region must be in the header of one of the files with rows
 * of that region (not of each: a city's file and a ratings file beside
 * it); one that none has is an error at the first such file, naming the
 * regions (with allow_missing_columns, a warning and missing cells).  A
 * column is absent (rt_table_column_absent) only when no file has it.
 * readers (NULL, or
 * n entries, NULL for p) gives a program each file is read with instead
 * of p: p adapted to that file's keys, column names, units and maps.  Its
 * regions must be p's; its cells are converted into p's columns' units,
 * matched by the indicator that reads them (one it does not read is
 * missing, with a warning).  With one file and no reader, rt_table_load. */
rt_table *rt_table_load_many(const ir_program *p, const char *const *paths,
                             const ir_program *const *readers, size_t n,
                             const rt_load_options *opts, FILE *err);
/* The same for a file already in memory (tests); `name` is used in
 * messages.  buf[0..len) is not kept. */
rt_table *rt_table_parse(const ir_program *p, const char *name, const char *buf, size_t len,
                         const rt_load_options *opts, FILE *err);
void rt_table_free(rt_table *t);

/* The file name given to rt_table_load (used in data messages); of several
 * files (rt_table_load_many), their names joined by ", ". */
const char *rt_table_path(const rt_table *t);
/* How many files the table was read from: 1, or rt_table_load_many's n. */
size_t rt_table_nfiles(const rt_table *t);
/* Whether reader program rp (the rules `rules` that data file `path` is
 * read with, rt_table_load_many) reads any of p's indicators (rules of
 * another plan read none: every cell of the file would be missing);
 * prints an error in lang when not (planc run exits 1 then).  planc's
 * driver checks the reader's regions and units before, at their lines. */
bool rt_table_reader_ok(const ir_program *p, const ir_program *rp, const char *rules, const char *path,
                        lbl_lang lang, FILE *err);
/* Where a cell came from when several files were read (rt_table_load_many):
 * its file and line; when the file was read by other rules under another
 * column name or unit, that column's name and unit (NULL, NULL else),
 * the number as the file wrote it, and the rules' plan name. */
typedef struct rt_cell_source {
    const char *path;
    unsigned line;
    const char *column, *unit, *plan;
    double cell;
} rt_cell_source;
/* Fills *out for the cell of data column `col` in row `row` and returns
 * true; false for a table of one file read by the scored rules, or a
 * missing cell. */
bool rt_table_cell_source(const rt_table *t, uint32_t col, size_t row, rt_cell_source *out);
/* The name of the file that row `row` came from (rt_table_path for one
 * file; the first file for a row the runtime added). */
const char *rt_table_row_path(const rt_table *t, size_t row);
/* The index (rt_table_load_many's order, below rt_table_nfiles) of the
 * file row `row` came from: 0 for one file, and for a row the runtime
 * added; and the name of the i-th file (rt_table_path for one file). */
size_t rt_table_row_file(const rt_table *t, size_t row);
const char *rt_table_file_path(const rt_table *t, size_t i);
/* The SHA-256 (64 hex digits) of the bytes read, when the options asked
 * for it (digest); else "". */
const char *rt_table_sha256(const rt_table *t);
/* The SHA-256 of the i-th data file's bytes (rt_table_load_many's order;
 * for one file, rt_table_sha256), when the options asked for it; else
 * "". */
const char *rt_table_file_sha256(const rt_table *t, size_t i);
size_t rt_table_nrows(const rt_table *t);
/* Region index (into p->regions), year and source line of a row; the line
 * is the physical line where the row's record starts, 0 for a row added
 * for a share target. */
uint32_t rt_table_region(const rt_table *t, size_t row);
int rt_table_year(const rt_table *t, size_t row);
unsigned rt_table_line(const rt_table *t, size_t row);
/* The row of (region, year), or -1 when there is none. */
long rt_table_find(const rt_table *t, uint32_t region, long year);
/* Data column `col` (index into p->columns) as read: not shifted, not
 * scaled; NaN where the cell is missing. */
const double *rt_table_column(const rt_table *t, uint32_t col);
/* Whether data column `col` (index into p->columns) was absent from the
 * header and read as missing cells (rt_load_options.allow_missing_columns):
 * every value of its indicator is missing, which the page says at its top
 * (docs/OUTPUT.md §8) lest a grade read as if the data had been judged. */
bool rt_table_column_absent(const rt_table *t, uint32_t col);
/* For a data column absent from a header read quietly
 * (rt_load_options.quiet_missing_columns with allow_missing_columns:
 * template --check), the note planc run gives after its error on it when
 * a field of the header is like it ("data.csv:1: note: field 5 '森林覆盖率'
 * is headed with the name of indicator 森林覆盖率 ...", a similar name,
 * invisible characters), with its newline; else NULL. */
const char *rt_table_absent_note(const rt_table *t, uint32_t col);
/* The line of the header of a table read from one file (a workbook's
 * title rows above it count), or 0: a table of several files. */
unsigned rt_table_header_line(const rt_table *t);
/* Whether data column `col` is absent (rt_table_column_absent) and the
 * rules read it on the rows of a region the table has rows of (template.h:
 * a target on the region, above it or beside it): a column whose absence
 * leaves results missing.  The absent columns the results, the page, the
 * workbook, the JSON and the history list are these. */
bool rt_table_column_absent_needed(const rt_table *t, uint32_t col);
/* How many records of the file rt_table_load or rt_table_parse read on
 * several threads (rt_load_options.threads) the parsing threads left to
 * the one-thread reading: those with something to say (an error, a
 * note), read again.  0 on one thread.  The tests see by it that common
 * records keep the threads (a --na -9999 cell's among them). */
size_t rt_table_reread(const rt_table *t);
/* How many data records made a row: 1, or more when a column's aggregate
 * combined several (docs/LANGUAGE.md §4); 0 for a row the runtime added. */
uint32_t rt_table_records(const rt_table *t, size_t row);
/* With rt_load_options.keep_texts, for a column read through a text map:
 * the index (into the map's texts) of the text the row's cell was, -1
 * when the cell was a number, empty or missing otherwise, or the column
 * combines several records; -1 without keep_texts. */
long rt_table_text(const rt_table *t, uint32_t col, size_t row);
/* For an aggregated column: how many of a row's records had a value (not
 * missing) in it; -1 for a column without an aggregate. */
long rt_table_values(const rt_table *t, uint32_t col, size_t row);
/* The program's inputs, p->ninputs columns of rt_table_nrows() values.
 * An input that is a data column as read is that column; the others
 * (shifted, scaled, years, scopes) are built by the first call, which may
 * come from any thread (it takes a lock). */
const double *const *rt_table_inputs(const rt_table *t);
/* Input i for rows [lo, hi): a pointer into its column when it has one
 * (a data column, or after rt_table_inputs), else buf (hi - lo values)
 * filled with it.  Safe to call from several threads at once. */
const double *rt_table_input_rows(const rt_table *t, uint32_t i, size_t lo, size_t hi, double *buf);

#endif
