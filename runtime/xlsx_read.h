/* xlsx_read.h — a worksheet of an Excel workbook (.xlsx) read as the CSV
 * text Excel would save of it ("CSV UTF-8"), for the data reader
 * (table.c), which then reads it by every rule of a CSV file
 * (docs/LANGUAGE.md §10, docs/DATA.md "Excel workbooks").
 *
 * The text has a line per row of the sheet, row N on line N (rows the
 * sheet lacks, and rows of empty cells, are empty lines), so a data
 * message's FILE:LINE is the row as Excel numbers it; every line of cells
 * has as many fields as the sheet's widest row (a spreadsheet's CSV pads
 * so).  A cell is its text as the CSV would hold it: a shared or inline
 * string as written (its _xHHHH_ escapes decoded), a number as the XML
 * writes it (already the shortest text that reads back as the number:
 * never reformatted), a boolean TRUE or FALSE, a formula its computed
 * value (one without is an error naming the cell), an error value its
 * text (#DIV/0!, #N/A), a number formatted as a percentage as it shows
 * (70% for 0.7, with the fewest digits that are still the number), a
 * number formatted as a date the date
 * (YYYY-MM-DD, with the time when it has one).  Merged cells are their
 * first cell's value and empty cells after it; hidden rows and columns
 * are read as any other.  A field holding a comma, a quote or a line break
 * is quoted; the csv reader counts a line break inside quotes as no line
 * (csv_reader.rows), so the rows stay on their lines.
 *
 * A workbook is untrusted: the zip archive (minizip) and its XML (expat,
 * which reads no document type: one is refused) are read within the
 * limits below, in bounded memory apart from the text made and the
 * shared strings, each capped; every error is said with the file, the
 * sheet and the row or cell, and the reading stops. */
#ifndef PLANC_XLSX_READ_H
#define PLANC_XLSX_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "labels.h"

/* The largest workbook file read (it is read into memory whole). */
#define XLSXR_FILE_MAX ((size_t)256 << 20)
/* The most bytes one part of it (a sheet's XML) unpacks to: a zip bomb
 * stops there.  A sheet of Excel's 1,048,576 rows of twenty numbers is
 * about 900 MiB of XML. */
#define XLSXR_PART_MAX ((size_t)2048 << 20)
/* A part that unpacks to more than XLSXR_RATIO_MAX times the packed bytes
 * read so far is a zip bomb, stopped early, once XLSXR_RATIO_GRACE bytes
 * are unpacked (the XML of sheets packs some 10 to 40 times, of a sheet of
 * empty formatted rows up to some 100 times). */
#define XLSXR_RATIO_MAX 250
#define XLSXR_RATIO_GRACE ((size_t)16 << 20)
/* The most text of the shared strings, and how many there may be. */
#define XLSXR_STRINGS_MAX ((size_t)256 << 20)
#define XLSXR_NSTRINGS_MAX ((size_t)1 << 24)
/* The most text made of one sheet (the CSV). */
#define XLSXR_TEXT_MAX ((size_t)512 << 20)
/* Excel's own limits: rows, columns (XFD), characters of a cell. */
#define XLSXR_ROWS 1048576ul
#define XLSXR_COLS 16384ul
#define XLSXR_CELL_CHARS 32767ul

/* True when the file's first bytes head[0..n) are a zip archive's (an
 * .xlsx is one): the data reader reads such a file as a workbook, whatever
 * its name. */
bool xlsxr_is_zip(const unsigned char *head, size_t n);
/* True for an OLE2 compound file, as an Excel 97-2003 workbook (.xls). */
bool xlsxr_is_ole2(const unsigned char *head, size_t n);
/* True when `path` ends with .xlsx or .xlsm (any case). */
bool xlsxr_named(const char *path);

/* The bytes the largest worksheet of the workbook at `path` unpacks to
 * (its XML), as the zip archive's directory gives them, without reading
 * the sheet: what a workbook's rows are estimated from before it is read
 * (planc run --engine auto), its packed size saying little of them.  0
 * when the file is no zip archive minizip opens, or holds no worksheet. */
unsigned long long xlsxr_sheet_bytes(const char *path);

/* `--data FILE#SHEET`: when `arg` names no file itself but the text
 * before one of its '#'s names a regular file (the longest such: a
 * sheet's name may hold a '#'): that file's name (malloc'd) with *sheet
 * pointing into arg after that '#' ("" when nothing follows it).  Else
 * NULL (arg is the file; a name holding a '#' is read as it is when it
 * exists, and a directory before a '#' is part of the path). */
char *xlsxr_split(const char *arg, const char **sheet);

/* One sheet read (xlsxr_read). */
typedef struct xlsxr_sheet {
    char *csv;          /* the text, csv[len] == '\0' */
    size_t len;
    char *name;         /* "FILE#SHEET": the name data messages give */
    /* The first cell formatted as a date in each column that has one
     * (at most XLSXR_DATE_NOTES): what xlsxr_date_notes says. */
    struct xlsxr_date {
        unsigned long row, col;
        char number[32], date[32];
    } dates[4];
    size_t ndates;
} xlsxr_sheet;
#define XLSXR_DATE_NOTES 4

/* Reads sheet `sheet` (NULL: the first sheet not hidden, else the first)
 * of the workbook buf[0..len), file `path`, into *out.  On an error, says
 * it on err in lang (exit 3 for the caller) and returns false (*out is
 * then empty). */
bool xlsxr_read(const char *buf, size_t len, const char *path, const char *sheet, lbl_lang lang,
                xlsxr_sheet *out, FILE *err);
/* The notes on the cells formatted as dates (after the data's errors: a
 * year typed into a date cell reads as a date). */
void xlsxr_date_notes(const xlsxr_sheet *s, lbl_lang lang, FILE *err);
void xlsxr_free(xlsxr_sheet *s);

/* Whether text s[0..n) begins with the name "FILE#SHEET" of a sheet read
 * so far in this process (xlsxr_read), as messages show it (csv_escape):
 * the length of the longest such, that name as it is into name (size
 * bytes); 0 when none does.  What a reader of the messages (errstream)
 * tells a sheet's name by: a sheet may be named with a ':' or a line
 * break, which the text shows as it shows ":LINE" and "\n". */
size_t xlsxr_sheet_named(const char *s, size_t n, char *name, size_t size);

/* Column number col (1-based) as Excel names it (A, Z, AA, XFD) into
 * buf (at least 4 bytes). */
void xlsxr_column_name(unsigned long col, char *buf);

#endif
