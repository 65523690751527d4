/* test_xlsx_read.c — a workbook's sheet as CSV text (xlsx_read.c):
 * workbooks written by libxlsxwriter read back cell by cell (strings with
 * commas, quotes and line breaks, numbers as written, booleans, formulas'
 * values, dates, sparse rows and cells, the rows' width), the sheet by
 * name, damaged archives, FILE#SHEET, column names, and the CSV reader's
 * rows mode (a line break inside quotes is no line); hidden sheets. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "csv.h"
#include "xlsx_read.h"

/* A scratch directory for the workbooks, removed at the end. */
static char dir[64];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/planc-xlsxr-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* The bytes of file `path` (malloc'd), *len their count. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Reads sheet `sheet` of workbook `path`: true and *out on success; the
 * messages into msg (size bytes). */
static bool read_book(const char *path, const char *sheet, xlsxr_sheet *out, char *msg, size_t size)
{
    size_t len;
    char *buf = slurp(path, &len);
    FILE *err = fmemopen(msg, size, "w");
    ck_assert_ptr_nonnull(err);
    bool ok = xlsxr_read(buf, len, path, sheet, LBL_EN, out, err);
    fclose(err);
    free(buf);
    return ok;
}

/* The path of workbook `name` in the scratch directory. */
static const char *book_path(const char *name)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

START_TEST(cells_as_csv)
{
    const char *path = book_path("cells.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "数据");
    lxw_format *grey = workbook_add_format(wb);
    format_set_bg_color(grey, 0xDDDDDD);
    const char *head[] = {"region", "year", "x", "ok", "t1", "t2", "t3"};
    for (int c = 0; c < 7; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);
    worksheet_write_string(ws, 1, 0, "沈阳市", NULL);
    worksheet_write_number(ws, 1, 1, 2024, NULL);
    worksheet_write_number(ws, 1, 2, 93.5, NULL);
    worksheet_write_boolean(ws, 1, 3, 1, NULL);
    worksheet_write_string(ws, 1, 4, "a,b", NULL);
    worksheet_write_string(ws, 1, 5, "say \"hi\"", NULL);
    worksheet_write_string(ws, 1, 6, "x\ny", NULL);
    /* row 3 missing; row 4 one cell in column C, a formula's value */
    worksheet_write_formula_num(ws, 3, 2, "=3+4", NULL, 7);
    /* row 5 only a formatted empty cell: an empty line, never written */
    worksheet_write_blank(ws, 4, 1, grey);
    /* row 6: a boolean false and a number below one; percentages, as
     * shown (the decimal point moved in the text: 0.07 is 7%, not
     * 7.000000000000001%) */
    worksheet_write_number(ws, 5, 0, 0.25, NULL);
    worksheet_write_boolean(ws, 5, 1, 0, NULL);
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0%");
    lxw_format *pct2 = workbook_add_format(wb);
    format_set_num_format_index(pct2, 10);
    worksheet_write_number(ws, 5, 2, 0.07, pct);
    worksheet_write_number(ws, 5, 3, 0.123456, pct2);
    worksheet_write_number(ws, 5, 4, 12, pct);
    worksheet_write_number(ws, 5, 5, -0.0015, pct);
    worksheet_write_number(ws, 5, 6, 0, pct);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);

    xlsxr_sheet s;
    char msg[512] = "";
    ck_assert_msg(read_book(path, NULL, &s, msg, sizeof msg), "%s", msg);
    ck_assert_str_eq(s.csv, "region,year,x,ok,t1,t2,t3\n"
                            "沈阳市,2024,93.5,TRUE,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\n"
                            "\n"
                            ",,7,,,,\n"
                            "\n"
                            "0.25,FALSE,7%,12.3456%,1200%,-0.15%,0%\n");
    ck_assert_uint_eq(s.len, strlen(s.csv));
    char want[160];
    snprintf(want, sizeof want, "%s#数据", path);
    ck_assert_str_eq(s.name, want);
    ck_assert_uint_eq(s.ndates, 0);
    xlsxr_free(&s);

    /* the rows mode of the CSV reader keeps each record on its row */
    ck_assert(read_book(path, "数据", &s, msg, sizeof msg));
    csv_reader r;
    csv_init(&r, s.csv, s.len);
    r.rows = true;
    csv_record rec;
    unsigned lines[8], n = 0;
    while (csv_next(&r, &rec) == CSV_RECORD && n < 8)
        lines[n++] = rec.line;
    ck_assert_uint_eq(n, 4);
    ck_assert_uint_eq(lines[0], 1);
    ck_assert_uint_eq(lines[1], 2);
    ck_assert_uint_eq(lines[2], 4);
    ck_assert_uint_eq(lines[3], 6);
    csv_dispose(&r);
    xlsxr_free(&s);
}
END_TEST

START_TEST(dates_and_sheets)
{
    const char *path = book_path("dates.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *first = workbook_add_worksheet(wb, "说明");
    worksheet_write_string(first, 0, 0, "填报说明", NULL);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet2");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy/m/d");
    lxw_format *time = workbook_add_format(wb);
    format_set_num_format(time, "yyyy-mm-dd hh:mm");
    lxw_format *builtin = workbook_add_format(wb);
    format_set_num_format_index(builtin, 14);
    worksheet_write_string(ws, 0, 0, "year", NULL);
    worksheet_write_string(ws, 0, 1, "when", NULL);
    worksheet_write_number(ws, 1, 0, 2024, date);
    worksheet_write_number(ws, 1, 1, 45658.5, time);
    worksheet_write_number(ws, 2, 0, 1, builtin);
    worksheet_write_number(ws, 2, 1, 61, builtin);
    worksheet_write_number(ws, 3, 0, 60, builtin);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);

    xlsxr_sheet s;
    char msg[512] = "";
    ck_assert(read_book(path, NULL, &s, msg, sizeof msg));
    ck_assert_str_eq(s.csv, "填报说明\n");
    xlsxr_free(&s);
    ck_assert_msg(read_book(path, "Sheet2", &s, msg, sizeof msg), "%s", msg);
    /* 2024 in a date cell is 1905-07-16; serial 1 is 1900-01-01, 61 is
     * 1900-03-01 and 60 the 1900-02-29 Excel keeps from Lotus 1-2-3 */
    ck_assert_str_eq(s.csv, "year,when\n1905-07-16,2025-01-01 12:00:00\n1900-01-01,1900-03-01\n1900-02-29,\n");
    ck_assert_uint_eq(s.ndates, 2); /* the first date cell of each column */
    ck_assert_uint_eq(s.dates[0].row, 2);
    ck_assert_uint_eq(s.dates[0].col, 1);
    ck_assert_str_eq(s.dates[0].number, "2024");
    ck_assert_str_eq(s.dates[0].date, "1905-07-16");
    char notes[1024] = "";
    FILE *f = fmemopen(notes, sizeof notes, "w");
    xlsxr_date_notes(&s, LBL_EN, f);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(notes, "#Sheet2:2: note: cell A2 is formatted as a date, so it reads as the date "
                                        "it shows, 1905-07-16; the number it holds is 2024, a year typed into"));
    ck_assert_ptr_nonnull(strstr(notes, "#Sheet2:2: note: cell B2 is formatted as a date, so it reads as the date "
                                        "it shows, 2025-01-01 12:00:00 (the number it holds is 45658.5)"));
    xlsxr_free(&s);

    /* a name is matched but for the case of its letters, as Excel does */
    ck_assert_msg(read_book(path, "sHEET2", &s, msg, sizeof msg), "%s", msg);
    ck_assert_str_eq(s.csv, "year,when\n1905-07-16,2025-01-01 12:00:00\n1900-01-01,1900-03-01\n1900-02-29,\n");
    ck_assert_uint_eq(strlen(s.name) - strlen(path), strlen("#Sheet2"));
    ck_assert_str_eq(s.name + strlen(path), "#Sheet2"); /* named as the workbook names it */
    xlsxr_free(&s);
    ck_assert(!read_book(path, "Sheet3", &s, msg, sizeof msg));
    ck_assert_ptr_nonnull(strstr(msg, ": error: the workbook has no sheet named 'Sheet3'; its sheets: '说明', "
                                      "'Sheet2'\n"));
    ck_assert_ptr_null(s.csv);
}
END_TEST

START_TEST(percent_negative_zero)
{
    /* -0 under a percentage format (a formula's, a writer's "-0") shows
     * 0%, as Excel shows it: "-0%" would be read as the number -0 */
    const char *path = book_path("zero.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet1");
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0.0%");
    worksheet_write_number(ws, 0, 0, -0.0, pct);
    worksheet_write_formula_num(ws, 0, 1, "=-0*A1", pct, -0.0);
    worksheet_write_number(ws, 0, 2, 0.0, pct);
    worksheet_write_number(ws, 0, 3, -0.0, NULL);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);

    xlsxr_sheet s;
    char msg[512] = "";
    ck_assert_msg(read_book(path, NULL, &s, msg, sizeof msg), "%s", msg);
    ck_assert_str_eq(s.csv, "0%,0%,0%,-0\n"); /* a number not a percentage: as written */
    xlsxr_free(&s);
}
END_TEST

START_TEST(hidden_sheets)
{
    /* a first sheet hidden (the list of a drop-down, as a template has):
     * no name reads the first sheet shown; the hidden one by its name */
    const char *path = book_path("hidden.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *list = workbook_add_worksheet(wb, "选项");
    worksheet_write_string(list, 0, 0, "是", NULL);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Sheet2");
    worksheet_write_string(ws, 0, 0, "region", NULL);
    worksheet_activate(ws);
    worksheet_hide(list);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);

    xlsxr_sheet s;
    char msg[512] = "";
    ck_assert_msg(read_book(path, NULL, &s, msg, sizeof msg), "%s", msg);
    ck_assert_str_eq(s.csv, "region\n");
    xlsxr_free(&s);
    ck_assert_msg(read_book(path, "选项", &s, msg, sizeof msg), "%s", msg);
    ck_assert_str_eq(s.csv, "是\n");
    xlsxr_free(&s);
}
END_TEST

START_TEST(damaged)
{
    const char *path = book_path("d.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    for (int r = 0; r < 200; r++)
        worksheet_write_number(ws, (lxw_row_t)r, 0, r, NULL);
    ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
    size_t len;
    char *buf = slurp(path, &len);
    /* cut at every length: an error each time, never a crash */
    for (size_t cut = 0; cut < len; cut += 97) {
        char msg[512] = "";
        FILE *err = fmemopen(msg, sizeof msg, "w");
        xlsxr_sheet s;
        ck_assert(!xlsxr_read(buf, cut, "d.xlsx", NULL, LBL_EN, &s, err));
        fclose(err);
        ck_assert_msg(strncmp(msg, "d.xlsx", 6) == 0 && strstr(msg, ": error: "), "cut at %zu: %s", cut, msg);
        ck_assert_ptr_null(s.csv);
    }
    /* whole, it reads: 200 rows */
    xlsxr_sheet s;
    char msg[512] = "";
    FILE *err = fmemopen(msg, sizeof msg, "w");
    ck_assert(xlsxr_read(buf, len, "d.xlsx", NULL, LBL_EN, &s, err));
    fclose(err);
    ck_assert_str_eq(s.name, "d.xlsx#Sheet1");
    ck_assert(strncmp(s.csv, "0\n1\n2\n", 6) == 0);
    ck_assert(strcmp(s.csv + s.len - 4, "199\n") == 0);
    xlsxr_free(&s);
    free(buf);
}
END_TEST

START_TEST(names_and_magic)
{
    char buf[16];
    xlsxr_column_name(1, buf);
    ck_assert_str_eq(buf, "A");
    xlsxr_column_name(26, buf);
    ck_assert_str_eq(buf, "Z");
    xlsxr_column_name(27, buf);
    ck_assert_str_eq(buf, "AA");
    xlsxr_column_name(XLSXR_COLS, buf);
    ck_assert_str_eq(buf, "XFD");
    ck_assert(xlsxr_is_zip((const unsigned char *)"PK\3\4", 4));
    ck_assert(!xlsxr_is_zip((const unsigned char *)"PK\5\6", 4));
    ck_assert(xlsxr_is_ole2((const unsigned char *)"\320\317\021\340\241\261\032\341", 8));
    ck_assert(xlsxr_named("a.XLSX") && xlsxr_named("b.xlsm") && !xlsxr_named("c.csv") && !xlsxr_named("xlsx"));

    /* FILE#SHEET: split when the whole names no file; a file named with a
     * '#' is that file */
    char a[160], b[160];
    snprintf(a, sizeof a, "%s/w.xlsx", dir);
    snprintf(b, sizeof b, "%s/x#y.xlsx", dir);
    fclose(fopen(a, "w"));
    fclose(fopen(b, "w"));
    char arg[200];
    const char *sheet = NULL;
    snprintf(arg, sizeof arg, "%s#城市", a);
    char *file = xlsxr_split(arg, &sheet);
    ck_assert_str_eq(file, a);
    ck_assert_str_eq(sheet, "城市");
    free(file);
    ck_assert_ptr_null(xlsxr_split(a, &sheet));
    ck_assert_ptr_null(xlsxr_split(b, &sheet));
    snprintf(arg, sizeof arg, "%s#Sheet1", b);
    file = xlsxr_split(arg, &sheet);
    ck_assert_str_eq(file, b);
    ck_assert_str_eq(sheet, "Sheet1");
    free(file);
    snprintf(arg, sizeof arg, "%s/none.xlsx#Sheet1", dir);
    ck_assert_ptr_null(xlsxr_split(arg, &sheet));
    /* nothing after the '#': sheet "" (which no workbook has: the
     * message lists its sheets); a sheet named with a '#' (Excel allows
     * it): the file is the longest part before a '#' that is a file */
    snprintf(arg, sizeof arg, "%s#", a);
    file = xlsxr_split(arg, &sheet);
    ck_assert_str_eq(file, a);
    ck_assert_str_eq(sheet, "");
    free(file);
    snprintf(arg, sizeof arg, "%s#第#2", a);
    file = xlsxr_split(arg, &sheet);
    ck_assert_str_eq(file, a);
    ck_assert_str_eq(sheet, "第#2");
    free(file);
    snprintf(arg, sizeof arg, "%s##", b);
    file = xlsxr_split(arg, &sheet);
    ck_assert_str_eq(file, b);
    ck_assert_str_eq(sheet, "#");
    free(file);
    /* a directory before a '#' is no workbook: the path is a file's */
    snprintf(arg, sizeof arg, "%s#x/none.xlsx", dir);
    ck_assert_ptr_null(xlsxr_split(arg, &sheet));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xlsx_read");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, cells_as_csv);
    tcase_add_test(tc, dates_and_sheets);
    tcase_add_test(tc, hidden_sheets);
    tcase_add_test(tc, percent_negative_zero);
    tcase_add_test(tc, damaged);
    tcase_add_test(tc, names_and_magic);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
