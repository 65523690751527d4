/* test_report_xlsx.c — the Excel workbook, read back: an xlsx file is a zip
 * of XML parts, unpacked here with zipread.h.  Checks the sheets and their
 * order, cells (numbers as numbers, missing as no cell, status and grade
 * fills, the score format), frozen header rows, column widths by display
 * width, the roll-up sheets, cleaning of untrusted text, and the errors. */
#include <errno.h>
#include <unistd.h>

#include "report_fixture.h"
#include "report_xlsx.h"
#include "zipread.h"

/* A workbook written and unpacked. */
typedef struct workbook {
    unsigned char *zip;
    size_t len;
    char *sheet[5];   /* [0] the workbook; [1] .. [4] the sheets regions,
                         agencies, targets, detail (xl/worksheets/sheet1.xml,
                         sheet4.xml .. sheet7.xml) */
    char *offtrack;   /* off_track, the second sheet (sheet2.xml) */
    char *resolved;   /* put_right, the third (sheet3.xml) */
    char *styles;
} workbook;

/* Writes the workbook of `run` in language `lang` into a scratch file and
 * unpacks it. */
static void write_book_in(report_run *run, workbook *wb, lbl_lang lang)
{
    char path[] = "/tmp/planc-test-xlsx-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    capture err;
    int rc = report_xlsx(&run->f.p, run->t, run->r, run->ru, NULL, lang, f, cap_open(&err));
    ck_assert_msg(rc == 0, "report_xlsx failed: %s", cap_text(&err));
    cap_free(&err);
    fclose(f);
    wb->zip = zip_load(path, &wb->len);
    unlink(path);
    ck_assert_ptr_nonnull(wb->zip);
    wb->sheet[0] = zip_member(wb->zip, wb->len, "xl/workbook.xml", NULL);
    for (int i = 1; i <= 4; i++) {
        char name[64];
        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i == 1 ? 1 : i + 2);
        wb->sheet[i] = zip_member(wb->zip, wb->len, name, NULL);
        ck_assert_msg(wb->sheet[i], "no %s", name);
    }
    wb->offtrack = zip_member(wb->zip, wb->len, "xl/worksheets/sheet2.xml", NULL);
    ck_assert_ptr_nonnull(wb->offtrack);
    wb->resolved = zip_member(wb->zip, wb->len, "xl/worksheets/sheet3.xml", NULL);
    ck_assert_ptr_nonnull(wb->resolved);
    wb->styles = zip_member(wb->zip, wb->len, "xl/styles.xml", NULL);
    ck_assert_ptr_nonnull(wb->sheet[0]);
    ck_assert_ptr_nonnull(wb->styles);
}

/* write_book_in in English. */
static void write_book(report_run *run, workbook *wb)
{
    write_book_in(run, wb, LBL_EN);
}

static void free_book(workbook *wb)
{
    for (int i = 0; i < 5; i++)
        free(wb->sheet[i]);
    free(wb->offtrack);
    free(wb->resolved);
    free(wb->styles);
    free(wb->zip);
}

/* The XML of cell `ref` ("H8") of a sheet, from "<c " to its end, copied
 * into buf; "" when the sheet has no such cell. */
static const char *cell(const char *sheet, const char *ref, char *buf, size_t size)
{
    char key[32];
    snprintf(key, sizeof key, "<c r=\"%s\"", ref);
    const char *c = strstr(sheet, key);
    buf[0] = '\0';
    if (!c)
        return buf;
    /* "<c .../>" (an empty cell) or "<c ...>...</c>" */
    const char *gt = strchr(c, '>');
    const char *end = gt && gt[-1] == '/' ? gt - 3 : strstr(c, "</c>");
    if (!end)
        return buf;
    size_t n = (size_t)(end - c) + 4;
    if (n >= size)
        n = size - 1;
    memcpy(buf, c, n);
    buf[n] = '\0';
    return buf;
}

/* The number after `attr="` in xml, or -1. */
static long attr_num(const char *xml, const char *attr)
{
    char key[32];
    snprintf(key, sizeof key, " %s=\"", attr);
    const char *a = strstr(xml, key);
    return a ? strtol(a + strlen(key), NULL, 10) : -1;
}

/* The n-th (0-based) occurrence of `tag` after `from` in xml, or NULL. */
static const char *nth(const char *xml, const char *from, const char *tag, long n)
{
    const char *s = strstr(xml, from);
    if (!s || n < 0)
        return NULL;
    for (long i = 0; s && i <= n; i++)
        s = strstr(s + 1, tag);
    return s;
}

/* The fill colour ("FF63BE7B") of the cell format a cell uses, or "" for
 * none. */
static void cell_fill(const workbook *wb, const char *cellxml, char out[16])
{
    out[0] = '\0';
    const char *xf = nth(wb->styles, "<cellXfs", "<xf ", attr_num(cellxml, "s"));
    if (!xf)
        return;
    const char *fill = nth(wb->styles, "<fills", "<fill>", attr_num(xf, "fillId"));
    const char *end = fill ? strstr(fill, "</fill>") : NULL;
    const char *rgb = fill ? strstr(fill, "<fgColor rgb=\"") : NULL;
    if (rgb && rgb < end)
        snprintf(out, 16, "%.8s", rgb + strlen("<fgColor rgb=\""));
}

/* Asserts that cell `ref` holds `text` (a string or a number as written). */
#define assert_cell(sheet, ref, text)                                          \
    do {                                                                       \
        char buf_[512];                                                        \
        const char *c_ = cell(sheet, ref, buf_, sizeof buf_);                  \
        ck_assert_msg(strstr(c_, ">" text "<") != NULL, "%s is '%s', not %s",  \
                      ref, c_, text);                                          \
    } while (0)

/* A values table whose rows give years: its noted years follow the
 * region, consecutive years of one number and note in one row (沈阳
 * 2024–2025), after the every-year rows of the region; 大连's 2025 row has
 * no note and is not listed; the table read in two years is listed once,
 * with both targets that read it. */
START_TEST(xlsx_sources_sheet_years)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_year_notes);
    workbook wb;
    write_book(&run, &wb);
    report_run_end(&run);
    char *src = zip_member(wb.zip, wb.len, "xl/worksheets/sheet7.xml", NULL);
    ck_assert_ptr_nonnull(src);
    char buf[512];
    ck_assert_ptr_nonnull(strstr(cell(src, "B2", buf, sizeof buf), "<t>沈阳</t>"));
    ck_assert_ptr_nonnull(strstr(cell(src, "B3", buf, sizeof buf), "<t>沈阳 2024–2025</t>"));
    ck_assert_ptr_nonnull(strstr(cell(src, "C3", buf, sizeof buf), "<v>95</v>"));
    ck_assert_ptr_nonnull(strstr(cell(src, "E3", buf, sizeof buf), "<t>2024年度责任书</t>"));
    ck_assert_ptr_nonnull(strstr(cell(src, "F3", buf, sizeof buf), "<t>近岸海域水质;绿色建筑</t>"));
    ck_assert_ptr_nonnull(strstr(cell(src, "B4", buf, sizeof buf), "<t>大连</t>"));
    ck_assert_str_eq(cell(src, "A5", buf, sizeof buf), "");
    free(src);
    free_book(&wb);
}
END_TEST

/* A values table with notes gives a fifth sheet, sources: a row per
 * region whose row has a note, with its number, unit, note and the
 * targets that read it; a region without a note (鞍山) has none. */
START_TEST(xlsx_sources_sheet)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_notes);
    workbook wb;
    write_book(&run, &wb);
    report_run_end(&run);
    ck_assert_ptr_nonnull(strstr(wb.sheet[0], "<sheet name=\"detail\" sheetId=\"6\""));
    ck_assert_ptr_nonnull(strstr(wb.sheet[0], "<sheet name=\"sources\" sheetId=\"7\""));
    char *src = zip_member(wb.zip, wb.len, "xl/worksheets/sheet7.xml", NULL);
    ck_assert_ptr_nonnull(src);
    static const char *const heads[] = {"indicator", "region", "value", "unit", "note",
                                        "target_names"};
    char buf[512], ref[8], want[128];
    for (int c = 0; c < 6; c++) {
        snprintf(ref, sizeof ref, "%c1", 'A' + c);
        snprintf(want, sizeof want, "<t>%s</t>", heads[c]);
        ck_assert_ptr_nonnull(strstr(cell(src, ref, buf, sizeof buf), want));
    }
    static const char *const regions[] = {"沈阳", "大连"};
    for (int r = 0; r < 2; r++) {
        snprintf(ref, sizeof ref, "A%d", r + 2);
        ck_assert_ptr_nonnull(strstr(cell(src, ref, buf, sizeof buf), "<t>绿化目标</t>"));
        snprintf(ref, sizeof ref, "B%d", r + 2);
        snprintf(want, sizeof want, "<t>%s</t>", regions[r]);
        ck_assert_ptr_nonnull(strstr(cell(src, ref, buf, sizeof buf), want));
        snprintf(ref, sizeof ref, "C%d", r + 2);
        ck_assert_ptr_nonnull(strstr(cell(src, ref, buf, sizeof buf), "<v>100</v>"));
        snprintf(ref, sizeof ref, "E%d", r + 2);
        ck_assert_ptr_nonnull(strstr(cell(src, ref, buf, sizeof buf), "<t>附件一 &lt;表1&gt;</t>"));
        snprintf(ref, sizeof ref, "F%d", r + 2);
        ck_assert_ptr_nonnull(strstr(cell(src, ref, buf, sizeof buf), "<t>绿色建筑</t>"));
    }
    ck_assert_str_eq(cell(src, "A4", buf, sizeof buf), "");
    ck_assert_ptr_null(strstr(src, "鞍山"));
    free(src);
    free_book(&wb);
}
END_TEST

/* A column the data lacks, read as missing (--allow-missing-columns),
 * gives a sheet missing_columns (缺失数据列) after the others: its
 * indicator, its column and the targets that read it; a column no target
 * reads on the data's regions (park) is not listed; complete data, no
 * such sheet (xlsx_sheets_in_order). */
START_TEST(xlsx_absent_columns_sheet)
{
    for (int zh = 0; zh <= 1; zh++) {
        report_run run;
        fx_init(&run.f);
        report_fixture_program(&run.f, true);
        uint32_t *cols = arena_alloc(&run.f.a, sizeof *cols);
        cols[0] = FX_FARMLAND;
        run.f.p.targets[0].columns = cols;
        run.f.p.targets[0].ncolumns = 1;
        static const char csv[] = "city,year\n大连,2025\n沈阳,2025\n";
        rt_load_options opts = {.allow_missing_columns = true, .quiet_missing_columns = true};
        capture c;
        run.t = rt_table_parse(&run.f.p, "data.csv", csv, strlen(csv), &opts, cap_open(&c));
        ck_assert_str_eq(cap_text(&c), "");
        cap_free(&c);
        ck_assert_ptr_nonnull(run.t);
        run.r = fx_run(&run.f, run.t);
        run.ru = rollup_make(&run.f.p, run.t, run.r, 0);
        workbook wb;
        write_book_in(&run, &wb, zh ? LBL_ZH : LBL_EN);
        report_run_end(&run);
        ck_assert_ptr_nonnull(strstr(wb.sheet[0], zh ? "<sheet name=\"缺失数据列\" sheetId=\"7\""
                                                     : "<sheet name=\"missing_columns\" sheetId=\"7\""));
        char *src = zip_member(wb.zip, wb.len, "xl/worksheets/sheet7.xml", NULL);
        ck_assert_ptr_nonnull(src);
        char buf[512];
        ck_assert_ptr_nonnull(strstr(cell(src, "A1", buf, sizeof buf), zh ? "<t>指标</t>" : "<t>indicator</t>"));
        ck_assert_ptr_nonnull(strstr(cell(src, "B1", buf, sizeof buf), zh ? "<t>数据列</t>" : "<t>column</t>"));
        ck_assert_ptr_nonnull(strstr(cell(src, "C1", buf, sizeof buf),
                                     zh ? "<t>目标名称</t>" : "<t>target_names</t>"));
        ck_assert_ptr_nonnull(strstr(cell(src, "A2", buf, sizeof buf), "<t>耕地保有量</t>"));
        ck_assert_ptr_nonnull(strstr(cell(src, "B2", buf, sizeof buf), "<t>farmland_mu</t>"));
        ck_assert_ptr_nonnull(strstr(cell(src, "C2", buf, sizeof buf), "<t>近岸海域水质</t>"));
        ck_assert_str_eq(cell(src, "A3", buf, sizeof buf), "");
        free(src);
        free_book(&wb);
    }
}
END_TEST

/* A yes/no target's value and goal are yes and no (是, 否) in the detail
 * sheet, as the page writes them, not 1 and 0; its goal in the targets
 * sheet too, while the distribution of its values stays numbers; a yes/no
 * values table's number in the sources sheet likewise.  Other targets'
 * values stay number cells. */
START_TEST(xlsx_bool_words)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_bool_table);
    workbook wb, zh;
    write_book(&run, &wb);
    write_book_in(&run, &zh, LBL_ZH);
    report_run_end(&run);
    const char *d = wb.sheet[4];
    char buf[512];
    /* 沈阳 2025 (row 8): 93 reaches 92, yes; its goal (the table's) yes */
    assert_cell(d, "I8", "yes");
    ck_assert_ptr_nonnull(strstr(cell(d, "I8", buf, sizeof buf), "t=\"inlineStr\""));
    assert_cell(d, "K8", "yes");
    /* 大连 2025 (row 20): 80, no; its goal no */
    assert_cell(d, "I20", "no");
    assert_cell(d, "K20", "no");
    /* 绿色建筑 stays a number */
    ck_assert_str_eq(cell(d, "I9", buf, sizeof buf), "<c r=\"I9\"><v>46.5</v></c>");
    assert_cell(zh.sheet[4], "I8", "是");
    assert_cell(zh.sheet[4], "I20", "否");
    /* the targets sheet: a goal that varies (the table's) is no cell */
    ck_assert_str_eq(cell(wb.sheet[3], "T2", buf, sizeof buf), "");
    /* the sources sheet: the table's yes and no */
    char *src = zip_member(wb.zip, wb.len, "xl/worksheets/sheet7.xml", NULL);
    ck_assert_ptr_nonnull(src);
    assert_cell(src, "B2", "沈阳");
    assert_cell(src, "C2", "yes");
    assert_cell(src, "B3", "大连");
    assert_cell(src, "C3", "no");
    free(src);
    free_book(&wb);
    free_book(&zh);
}
END_TEST

/* A yes/no target's goal in the targets sheet is yes or no, as on the
 * page; the distribution of its values (min .. mean, the mean the share of
 * yes) stays numbers. */
START_TEST(xlsx_bool_goal_rollup)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_bool_value);
    workbook wb;
    write_book(&run, &wb);
    report_run_end(&run);
    const char *t = wb.sheet[3];
    char buf[512];
    assert_cell(t, "A2", "近岸海域水质");
    assert_cell(t, "T1", "goal");
    assert_cell(t, "T2", "yes");
    assert_cell(t, "S1", "mean");
    ck_assert_ptr_nonnull(strstr(cell(t, "S2", buf, sizeof buf), "<v>0.5</v>"));
    free_book(&wb);
}
END_TEST

/* report_fixture_notes with target 1 (绿色建筑) and its goal's table in
 * the plain number's unit `1`. */
static void fixture_unitless(fixture *f)
{
    report_fixture_notes(f);
    f->p.targets[1].unit = "1";
    f->p.inputs[f->p.ninputs - 1].unit = "1";
}

/* A plain number's unit (`1`) and a yes/no's (`bool`) are no unit to a
 * reader: the targets, detail and sources sheets leave the unit cell
 * empty, as the off_track sheet and the page do (the CSV and the JSON keep
 * `1` and `bool`); a unit such as % stays. */
START_TEST(xlsx_unitless_unit_empty)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, fixture_unitless);
    workbook wb;
    write_book(&run, &wb);
    report_run_end(&run);
    char buf[512];
    const char *d = wb.sheet[4];
    assert_cell(d, "J1", "unit");
    /* 沈阳 2025: 近岸海域水质 (row 8) in %, 绿色建筑 (row 9) in 1 */
    assert_cell(d, "D8", "近岸海域水质");
    assert_cell(d, "J8", "%");
    assert_cell(d, "D9", "绿色建筑");
    ck_assert_str_eq(cell(d, "J9", buf, sizeof buf), "");
    ck_assert_ptr_null(strstr(d, "<t>1</t>"));
    ck_assert_ptr_null(strstr(wb.sheet[3], "<t>1</t>"));
    ck_assert_ptr_nonnull(strstr(wb.sheet[3], "<t>%</t>"));
    char *src = zip_member(wb.zip, wb.len, "xl/worksheets/sheet7.xml", NULL);
    ck_assert_ptr_nonnull(src);
    assert_cell(src, "D1", "unit");
    assert_cell(src, "A2", "绿化目标");
    ck_assert_str_eq(cell(src, "D2", buf, sizeof buf), "");
    free(src);
    free_book(&wb);
    /* a yes/no target: no `bool` */
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_bool_table);
    write_book(&run, &wb);
    report_run_end(&run);
    ck_assert_ptr_null(strstr(wb.sheet[4], "<t>bool</t>"));
    ck_assert_ptr_null(strstr(wb.sheet[3], "<t>bool</t>"));
    free_book(&wb);
}
END_TEST

/* Writes the fixture's workbook into wb. */
static void fixture_book(workbook *wb, void (*edit)(ir_program *p))
{
    report_run run;
    report_run_start(&run, true, report_fixture_data, edit);
    write_book(&run, wb);
    report_run_end(&run);
}

/* Asserts that cell `ref` holds the text or number `text` (a string
 * known when running, where assert_cell needs a literal). */
static void cell_is(const char *sheet, const char *ref, const char *text)
{
    char buf[512], want[256];
    snprintf(want, sizeof want, ">%s<", text);
    const char *c = cell(sheet, ref, buf, sizeof buf);
    ck_assert_msg(strstr(c, want) != NULL, "%s is '%s', not %s", ref, c, text);
}

/* Two files' hashes, 64 hex digits as a manifest holds them. */
#define B64 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define C64 "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"

/* The provenance sheet (the fifth here: the fixture has no sources and no
 * missing columns), written only when the run's source is known: planc's
 * version, the rules with the manifest's hash, each rules file with its
 * own, the data with its hash, the data options, the roll-up year, the
 * creation time (SOURCE_DATE_EPOCH's) and the command that writes the
 * workbook again, with that time; the same words in Chinese.  Without a source (the other tests) no sheet. */
START_TEST(xlsx_provenance_sheet)
{
    static const report_source src = {
        .rules = "规划/规则.plan", .rules_sha256 = "aaaa",
        .rules_files = B64 "  规则.plan\n" C64 "  公共/单位.plan\n",
        .data = "数据.csv", .data_sha256 = "dddd", .data_options = "--na -",
        .command = "planc run 规划/规则.plan --data 数据.csv --na - --year 2025 -o reproduced.xlsx"};
    setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
    for (int zh = 0; zh <= 1; zh++) {
        report_run run;
        report_run_start(&run, true, report_fixture_data, NULL);
        char path[] = "/tmp/planc-test-xlsx-XXXXXX";
        int fd = mkstemp(path);
        ck_assert_int_ge(fd, 0);
        FILE *f = fdopen(fd, "wb");
        capture err;
        ck_assert_int_eq(report_xlsx(&run.f.p, run.t, run.r, run.ru, &src, zh ? LBL_ZH : LBL_EN, f,
                                     cap_open(&err)), 0);
        cap_free(&err);
        fclose(f);
        report_run_end(&run);
        size_t len;
        unsigned char *zip = zip_load(path, &len);
        unlink(path);
        ck_assert_ptr_nonnull(zip);
        char *wbx = zip_member(zip, len, "xl/workbook.xml", NULL);
        char *p = zip_member(zip, len, "xl/worksheets/sheet7.xml", NULL);
        ck_assert_ptr_nonnull(wbx);
        ck_assert_ptr_nonnull(p);
        ck_assert_ptr_nonnull(strstr(wbx, zh ? "<sheet name=\"生成信息\" sheetId=\"7\""
                                             : "<sheet name=\"provenance\" sheetId=\"7\""));
        cell_is(p, "A1", zh ? "项目" : "item");
        cell_is(p, "A2", zh ? "planc 版本" : "planc version");
        cell_is(p, "B2", PLANC_VERSION);
        cell_is(p, "A3", zh ? "规则（SHA-256 按文件清单计算）" : "rules (SHA-256 of the manifest)");
        cell_is(p, "B3", "规划/规则.plan");
        cell_is(p, "C3", "aaaa");
        cell_is(p, "A4", zh ? "规则文件" : "rules file");
        cell_is(p, "B4", "规则.plan");
        cell_is(p, "C4", B64);
        cell_is(p, "B5", "公共/单位.plan");
        cell_is(p, "C5", C64);
        cell_is(p, "A6", zh ? "数据" : "data");
        cell_is(p, "B6", "数据.csv");
        cell_is(p, "C6", "dddd");
        cell_is(p, "A7", zh ? "数据读取选项" : "data read with");
        cell_is(p, "B7", "--na -");
        cell_is(p, "A8", zh ? "汇总年份" : "roll-up year");
        cell_is(p, "B8", "2025");
        cell_is(p, "A9", zh ? "生成时间" : "created");
        cell_is(p, "B9", "2025-01-01T00:00:00Z");
        cell_is(p, "A10", zh ? "重新生成本工作簿的命令" : "command that writes it again");
        cell_is(p, "B10", "SOURCE_DATE_EPOCH=1735689600 planc run 规划/规则.plan --data 数据.csv --na - "
                          "--year 2025 -o reproduced.xlsx");
        free(wbx);
        free(p);
        free(zip);
    }
    unsetenv("SOURCE_DATE_EPOCH");
    workbook wb;
    fixture_book(&wb, NULL);
    ck_assert_ptr_null(strstr(wb.sheet[0], "provenance"));
    free_book(&wb);
}
END_TEST

/* The number a numeric cell holds (NaN for none). */
static double cell_value_of(const char *sheet, const char *ref)
{
    char buf[512];
    const char *v = strstr(cell(sheet, ref, buf, sizeof buf), "<v>");
    return v ? strtod(v + 3, NULL) : NAN;
}

/* The targets sheet's distribution (min ... mean) is rounded as the page
 * shows it (report_format_shown, two decimals; three significant digits
 * below 1), not written in full: 80.123456 and 93.98765 have the mean
 * 87.055553, shown 87.06; target 1's values are half of those. */
START_TEST(xlsx_targets_distribution_rounded)
{
    static const char csv[] = "city,year,farmland_mu,park\n"
                              "大连,2025,80.123456,\n"
                              "沈阳,2025,93.98765,\n"
                              "鞍山,2025,0.123456,\n";
    report_run run;
    workbook wb;
    report_run_start(&run, true, csv, NULL);
    write_book(&run, &wb);
    report_run_end(&run);
    const char *t = wb.sheet[3];
    assert_cell(t, "A2", "近岸海域水质");
    /* the cells hold the rounded numbers (libxlsxwriter writes 93.99 as
     * 93.98999999999999, its nearest double in 16 digits) */
    ck_assert_double_eq(cell_value_of(t, "N2"), 0.123);   /* min */
    ck_assert_double_eq(cell_value_of(t, "P2"), 80.12);   /* median */
    ck_assert_double_eq(cell_value_of(t, "R2"), 93.99);   /* max */
    ck_assert_double_eq(cell_value_of(t, "S2"), 58.08);   /* mean */
    ck_assert_double_eq(cell_value_of(t, "S3"), 29.04);
    /* the detail sheet keeps the value in full */
    ck_assert_ptr_nonnull(strstr(wb.sheet[4], "<v>80.123456</v>"));
    free_book(&wb);
}
END_TEST

/* Makes target 1 (on_track everywhere, score 0.3) a peaks target. */
static void target1_peaks(ir_program *p)
{
    p->targets[1].kind = "peaks";
}

/* The targets sheet says, in its last column, why a target's on_track
 * regions score 0 (report_on_track_zero): a peaks target scores only when
 * met; a numeric `complete` target scores its progress, with no note. */
START_TEST(xlsx_on_track_zero_note)
{
    workbook wb;
    fixture_book(&wb, target1_peaks);
    char buf[512];
    const char *t = wb.sheet[3];
    assert_cell(t, "Y1", "score_note");
    assert_cell(t, "A3", "绿色建筑");
    ck_assert_ptr_nonnull(strstr(cell(t, "Y3", buf, sizeof buf), "a peaks target is on_track before its deadline"));
    ck_assert_str_eq(cell(t, "Y2", buf, sizeof buf), ""); /* a threshold: no note */
    free_book(&wb);
    fixture_book(&wb, NULL);
    ck_assert_str_eq(cell(wb.sheet[3], "Y3", buf, sizeof buf), "");
    free_book(&wb);
}
END_TEST

START_TEST(xlsx_sheets_in_order)
{
    workbook wb;
    fixture_book(&wb, NULL);
    const char *wbx = wb.sheet[0];
    const char *r = strstr(wbx, "<sheet name=\"regions\" sheetId=\"1\"");
    const char *a = strstr(wbx, "<sheet name=\"agencies\" sheetId=\"4\"");
    const char *t = strstr(wbx, "<sheet name=\"targets\" sheetId=\"5\"");
    const char *d = strstr(wbx, "<sheet name=\"detail\" sheetId=\"6\"");
    const char *o = strstr(wbx, "<sheet name=\"off_track\" sheetId=\"2\"");
    const char *pr = strstr(wbx, "<sheet name=\"put_right\" sheetId=\"3\"");
    ck_assert(r && o && pr && a && t && d && r < o && o < pr && pr < a && a < t && t < d);
    ck_assert_int_eq(count_of(wbx, "<sheet "), 6);
    free_book(&wb);
}
END_TEST

START_TEST(xlsx_detail_cells)
{
    workbook wb;
    fixture_book(&wb, NULL);
    const char *d = wb.sheet[4];
    char buf[512], fill[16];
    /* the header, then 6 rows per (region, year): 沈阳 2024 from row 2,
     * 沈阳 2025 from 8, 大连 2024 from 14, 大连 2025 from 20, 鞍山 2025
     * from 26 */
    assert_cell(d, "A1", "region");
    assert_cell(d, "P1", "vetoes");
    assert_cell(d, "Q1", "parent");
    assert_cell(d, "R1", "top");
    ck_assert_int_eq(count_of(d, "<row "), 1 + 5 * 6);
    assert_cell(d, "A2", "沈阳");
    assert_cell(d, "B2", "2024");
    /* 沈阳 2024: no value -> no cell; status missing, grey */
    ck_assert_str_eq(cell(d, "I2", buf, sizeof buf), "");
    assert_cell(d, "H2", "missing");
    cell_fill(&wb, cell(d, "H2", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FFD9D9D9");
    /* 沈阳 2025: a number cell (no t= attribute), met, green */
    ck_assert_str_eq(cell(d, "I8", buf, sizeof buf), "<c r=\"I8\"><v>93</v></c>");
    assert_cell(d, "H8", "met");
    cell_fill(&wb, cell(d, "H8", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FF63BE7B");
    assert_cell(d, "K8", "92");
    assert_cell(d, "L8", "90.5");
    /* 绿色建筑: on_track, light green; its lead is the shared text */
    assert_cell(d, "H9", "on_track");
    cell_fill(&wb, cell(d, "H9", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FFC6EFCE");
    assert_cell(d, "G9", "shared: 省工业和信息化厅、省住房城乡建设厅");
    /* 大连 2025: failed (red), the total row with its grade and veto */
    assert_cell(d, "H20", "failed");
    cell_fill(&wb, cell(d, "H20", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FFF8696B");
    assert_cell(d, "C25", "total");
    assert_cell(d, "M25", "0.15");
    assert_cell(d, "O25", "不合格");
    assert_cell(d, "P25", "近岸海域水质");
    /* every row ends with the region's parent and top (a city of 辽宁省
     * is its own top), the total row too */
    assert_cell(d, "Q2", "辽宁省");
    assert_cell(d, "R2", "沈阳");
    assert_cell(d, "Q25", "辽宁省");
    assert_cell(d, "R25", "大连");
    assert_cell(d, "R10", "沈阳");
    cell_fill(&wb, cell(d, "O25", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FFD73027");
    /* scores show two decimals */
    const char *xf = nth(wb.styles, "<cellXfs", "<xf ", attr_num(cell(d, "M25", buf, sizeof buf), "s"));
    ck_assert_ptr_nonnull(xf);
    char code[64];
    snprintf(code, sizeof code, "numFmtId=\"%ld\" formatCode=\"0.00\"", attr_num(xf, "numFmtId"));
    ck_assert_ptr_nonnull(strstr(wb.styles, code));
    /* a measure row has no status: no cell */
    assert_cell(d, "C10", "measure");
    ck_assert_str_eq(cell(d, "H10", buf, sizeof buf), "");
    free_book(&wb);
}
END_TEST

START_TEST(xlsx_frozen_headers_and_widths)
{
    workbook wb;
    fixture_book(&wb, NULL);
    for (int i = 1; i <= 4; i++) {
        ck_assert_msg(strstr(wb.sheet[i], "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
                      "sheet %d has no frozen header row", i);
        ck_assert_msg(strstr(wb.sheet[i], "<autoFilter ref=\"A1:"), "sheet %d has no autofilter", i);
    }
    /* detail column G (lead): "shared: " (8) and 17 CJK characters (34)
     * are 42 columns, and 2 of margin */
    ck_assert_ptr_nonnull(strstr(wb.sheet[4], "<col min=\"7\" max=\"7\" width=\"44."));
    /* column A (region): the header "region" (6) is wider than 沈阳 (4) */
    ck_assert_ptr_nonnull(strstr(wb.sheet[4], "<col min=\"1\" max=\"1\" width=\"8."));
    /* column E (name): 持续深入推进污染防治攻坚, 12 characters, 24 columns */
    ck_assert_ptr_nonnull(strstr(wb.sheet[4], "<col min=\"5\" max=\"5\" width=\"26."));
    free_book(&wb);
}
END_TEST

/* The off_track sheet (second): 大连's failed veto target with its
 * level, lead, status, since, the year before's status, the numbers
 * rounded as the page shows them, the gap, unit and veto; every sheet
 * prints on A4 landscape, one page wide, its header row on each page. */
START_TEST(xlsx_offtrack_sheet)
{
    workbook wb;
    fixture_book(&wb, NULL);
    char buf[512], fill[16];
    const char *o = wb.offtrack;
    assert_cell(o, "A1", "region");
    assert_cell(o, "H1", "since");
    assert_cell(o, "I1", "status 2024"); /* the data's year before, named */
    assert_cell(o, "M1", "gap");
    assert_cell(o, "O1", "veto_or_redline");
    assert_cell(o, "A2", "大连");
    assert_cell(o, "B2", "city");
    assert_cell(o, "C2", "2025");
    assert_cell(o, "D2", "近岸海域水质");
    assert_cell(o, "E2", "(九)");
    assert_cell(o, "G2", "failed");
    cell_fill(&wb, cell(o, "G2", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FFF8696B");
    assert_cell(o, "H2", "2025");
    assert_cell(o, "I2", "met");
    assert_cell(o, "J2", "80");
    assert_cell(o, "K2", "90.5");
    assert_cell(o, "L2", "92");
    assert_cell(o, "M2", "12");
    assert_cell(o, "N2", "%");
    assert_cell(o, "O2", "veto");
    ck_assert_int_eq(count_of(o, "<row "), 2); /* the header and 大连's one pair */
    ck_assert_ptr_nonnull(strstr(o, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    ck_assert_ptr_nonnull(strstr(o, "<autoFilter ref=\"A1:Q2\"/>"));
    for (int i = 1; i <= 4; i++) {
        ck_assert_ptr_nonnull(strstr(wb.sheet[i], "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
        ck_assert_ptr_nonnull(strstr(wb.sheet[i], "<pageSetUpPr fitToPage=\"1\"/>"));
    }
    ck_assert_ptr_nonnull(strstr(wb.sheet[0], "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">off_track!$1:$1</definedName>"));
    free_book(&wb);
}
END_TEST

/* The put_right sheet (third): 大连 failed 农田 in 2024 and met it in
 * 2025; 沈阳, missing in 2024, is not listed; with the level, the two
 * statuses filled with their colours, the value and goal rounded as the
 * page's, the unit; printed and filtered as the others.  In Chinese, its
 * name and headers (the previous status named by its year, 2024年状态).
 * The fixture (nothing put right) and a run of one year have only the
 * header row, and one year no year-before columns in the regions sheet
 * and no year in the previous status's header. */
START_TEST(xlsx_resolved_sheet)
{
    static const char data[] = "city,year,farmland_mu,park\n大连,2024,80,\n大连,2025,95,\n"
                               "沈阳,2024,,\n沈阳,2025,95,\n";
    report_run run;
    workbook wb, zh;
    char buf[512], fill[16];
    report_run_start(&run, true, data, NULL);
    write_book(&run, &wb);
    write_book_in(&run, &zh, LBL_ZH);
    report_run_end(&run);
    const char *o = wb.resolved;
    assert_cell(o, "A1", "region");
    assert_cell(o, "G1", "status 2024");
    assert_cell(o, "H1", "status");
    assert_cell(o, "M1", "top");
    assert_cell(o, "A2", "大连");
    assert_cell(o, "B2", "city");
    assert_cell(o, "C2", "2025");
    assert_cell(o, "D2", "近岸海域水质");
    assert_cell(o, "E2", "(九)");
    assert_cell(o, "F2", "省生态环境厅、省自然资源厅");
    assert_cell(o, "G2", "failed");
    cell_fill(&wb, cell(o, "G2", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FFF8696B");
    assert_cell(o, "H2", "met");
    cell_fill(&wb, cell(o, "H2", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FF63BE7B");
    assert_cell(o, "I2", "95");
    assert_cell(o, "J2", "92");
    assert_cell(o, "K2", "%");
    assert_cell(o, "L2", "辽宁省");
    assert_cell(o, "M2", "大连");
    ck_assert_int_eq(count_of(o, "<row "), 2);
    ck_assert_ptr_nonnull(strstr(o, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
    ck_assert_ptr_nonnull(strstr(o, "<autoFilter ref=\"A1:M2\"/>"));
    ck_assert_ptr_nonnull(strstr(o, "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"));
    ck_assert_ptr_nonnull(strstr(o, "<pageSetUpPr fitToPage=\"1\"/>"));
    ck_assert_ptr_nonnull(strstr(wb.sheet[0], "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">put_right!$1:$1</definedName>"));
    ck_assert_ptr_nonnull(strstr(zh.sheet[0], "<sheet name=\"较上年改善\" sheetId=\"3\""));
    assert_cell(zh.resolved, "G1", "2024年状态");
    assert_cell(zh.resolved, "H1", "状态");
    assert_cell(zh.resolved, "G2", "未达标");
    assert_cell(zh.resolved, "H2", "达标");
    assert_cell(zh.sheet[1], "F1", "2024年总分");
    assert_cell(zh.sheet[1], "G1", "2024年等级");
    free_book(&wb);
    free_book(&zh);
    fixture_book(&wb, NULL);
    ck_assert_int_eq(count_of(wb.resolved, "<row "), 1);
    free_book(&wb);
    report_run_start(&run, true, "city,year,farmland_mu,park\n大连,2025,95,\n", NULL);
    write_book(&run, &wb);
    report_run_end(&run);
    ck_assert_int_eq(count_of(wb.resolved, "<row "), 1);
    assert_cell(wb.sheet[1], "F1", "rank");
    ck_assert_ptr_null(strstr(wb.sheet[1], "total 20"));
    /* no year before to name: the previous status's header as it was */
    assert_cell(wb.resolved, "G1", "previous_year");
    assert_cell(wb.offtrack, "I1", "previous_year");
    free_book(&wb);
}
END_TEST

START_TEST(xlsx_roll_up_sheets)
{
    workbook wb;
    fixture_book(&wb, NULL);
    char buf[512], fill[16];
    /* regions (the columns of --rollup region, the year before's total
     * and grade after this year's), by rank: 沈阳 1 (50.15, 优秀), 鞍山 2,
     * 大连 3 (vetoed) */
    const char *r = wb.sheet[1];
    assert_cell(r, "A1", "region");
    assert_cell(r, "E1", "grade");
    assert_cell(r, "F1", "total 2024");
    assert_cell(r, "G1", "grade 2024");
    assert_cell(r, "H1", "rank");
    assert_cell(r, "J1", "met");
    assert_cell(r, "P1", "vetoes");
    cell_fill(&wb, cell(r, "J1", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FF63BE7B");
    assert_cell(r, "A2", "沈阳");
    assert_cell(r, "B2", "city");
    assert_cell(r, "C2", "2025");
    assert_cell(r, "D2", "50.15");
    assert_cell(r, "E2", "优秀");
    cell_fill(&wb, cell(r, "E2", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FF1A9850");
    assert_cell(r, "H2", "1");
    assert_cell(r, "I2", "3");
    assert_cell(r, "J2", "1");  /* 沈阳 met 近岸海域水质 */
    assert_cell(r, "K2", "1");  /* and 绿色建筑 is on track */
    assert_cell(r, "A3", "鞍山");
    /* 鞍山 has no row in 2024: no total, no grade */
    ck_assert_str_eq(cell(r, "F3", buf, sizeof buf), "");
    ck_assert_str_eq(cell(r, "G3", buf, sizeof buf), "");
    assert_cell(r, "A4", "大连");
    /* 大连 was 优秀 in 2024 (50.15, its grade's fill and the score
     * format), 不合格 in 2025 for its veto */
    assert_cell(r, "E4", "不合格");
    assert_cell(r, "F4", "50.15");
    assert_cell(r, "G4", "优秀");
    cell_fill(&wb, cell(r, "G4", buf, sizeof buf), fill);
    ck_assert_str_eq(fill, "FF1A9850");
    char buf2[512];
    ck_assert_int_eq(attr_num(cell(r, "F4", buf, sizeof buf), "s"), attr_num(cell(r, "D4", buf2, sizeof buf2), "s"));
    assert_cell(r, "H4", "3");
    assert_cell(r, "P4", "近岸海域水质");
    /* each region's parent (辽宁省) and top (the city itself, as its
     * parent is the top of the hierarchy), last */
    assert_cell(r, "Q1", "parent");
    assert_cell(r, "R1", "top");
    assert_cell(r, "Q2", "辽宁省");
    assert_cell(r, "R2", "沈阳");
    assert_cell(r, "Q4", "辽宁省");
    assert_cell(r, "R4", "大连");
    /* agencies: the two leads of (九), then the two sharing (五) */
    const char *a = wb.sheet[2];
    assert_cell(a, "A1", "agency");
    assert_cell(a, "L1", "target_names");
    assert_cell(a, "A2", "省生态环境厅");
    assert_cell(a, "C2", "1");
    assert_cell(a, "D2", "1");
    assert_cell(a, "E2", "1");  /* met */
    assert_cell(a, "H2", "1");  /* failed */
    assert_cell(a, "K2", "(九)");
    assert_cell(a, "L2", "近岸海域水质");
    assert_cell(a, "A5", "省住房城乡建设厅");
    ck_assert_int_eq(count_of(a, "<row "), 1 + 4);
    /* targets, a row per target and level: 近岸海域水质 met 1, failed 1,
     * missing 1 of the three cities */
    const char *t = wb.sheet[3];
    assert_cell(t, "E1", "level");
    assert_cell(t, "A2", "近岸海域水质");
    assert_cell(t, "C2", "省生态环境厅、省自然资源厅");
    assert_cell(t, "E2", "city");
    assert_cell(t, "F2", "2025");
    assert_cell(t, "G2", "1");  /* met */
    assert_cell(t, "J2", "1");  /* failed */
    assert_cell(t, "K2", "1");  /* missing */
    assert_cell(t, "M2", "2");  /* values */
    assert_cell(t, "N2", "80"); /* min */
    assert_cell(t, "R2", "93"); /* max */
    assert_cell(t, "T2", "92"); /* goal */
    assert_cell(t, "X1", "goal_varies");
    assert_cell(t, "X2", "false");   /* every city has the goal 92 */
    assert_cell(t, "U2", "1");  /* below the goal */
    assert_cell(t, "V2", "1");  /* above */
    assert_cell(t, "A3", "绿色建筑");
    ck_assert_int_eq(count_of(t, "<row "), 1 + 2);
    free_book(&wb);
}
END_TEST

/* Puts markup and control characters in texts the workbook shows. */
static void hostile_names(ir_program *p)
{
    p->targets[0].name = "<b>&amp;\x01\x1f";
    p->targets[1].desc = "bad \xff byte";
}

START_TEST(xlsx_text_is_cleaned)
{
    workbook wb;
    fixture_book(&wb, hostile_names);
    const char *d = wb.sheet[4];
    ck_assert_ptr_null(strstr(d, "\x01"));
    ck_assert_ptr_null(strstr(d, "\x1f"));
    ck_assert_ptr_null(strstr(d, "\xff"));
    ck_assert_ptr_null(strstr(d, "<b>"));
    assert_cell(d, "D2", "&lt;b&gt;&amp;amp;\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_cell(d, "E3", "bad \xEF\xBF\xBD byte");
    free_book(&wb);
}
END_TEST

/* Texts a spreadsheet would read as formulas if typed in. */
static void formula_names(ir_program *p)
{
    p->targets[0].name = "=1+1";
    p->targets[1].desc = "@SUM(A1)";
}

START_TEST(xlsx_text_is_never_a_formula)
{
    /* The workbook needs no quote in front of such texts (the CSV does,
     * docs/OUTPUT.md §1): they are string cells, and no cell is a formula. */
    workbook wb;
    fixture_book(&wb, formula_names);
    for (int i = 1; i < 5; i++) {
        ck_assert_ptr_null(strstr(wb.sheet[i], "<f>"));
        ck_assert_ptr_null(strstr(wb.sheet[i], "<f "));
    }
    const char *d = wb.sheet[4];
    assert_cell(d, "D2", "=1+1");
    assert_cell(d, "E3", "@SUM(A1)");
    ck_assert_ptr_nonnull(strstr(d, "<c r=\"D2\" t=\"inlineStr\">"));
    free_book(&wb);
}
END_TEST

START_TEST(xlsx_no_rows)
{
    report_run run;
    report_run_start(&run, true, "city,year,farmland_mu,park\n", NULL);
    ck_assert_ptr_null(run.ru);
    workbook wb;
    write_book(&run, &wb);
    for (int i = 1; i <= 4; i++)
        ck_assert_int_eq(count_of(wb.sheet[i], "<row "), 1);
    assert_cell(wb.sheet[4], "A1", "region");
    free_book(&wb);
    report_run_end(&run);
}
END_TEST

START_TEST(xlsx_write_error)
{
    report_run run;
    report_run_start(&run, true, report_fixture_data, NULL);
    FILE *full = fopen("/dev/full", "wb");
    ck_assert_ptr_nonnull(full);
    setvbuf(full, NULL, _IONBF, 0);
    capture err;
    /* the output itself: its caller names it (planc run: "cannot write
     * 'OUT': No space left on device"), from errno */
    errno = 0;
    ck_assert_int_eq(report_xlsx(&run.f.p, run.t, run.r, run.ru, NULL, LBL_EN, full, cap_open(&err)),
                     REPORT_XLSX_OUT_ERROR);
    ck_assert_int_eq(errno, ENOSPC);
    ck_assert_str_eq(cap_text(&err), "");
    cap_free(&err);
    fclose(full);
    report_run_end(&run);
}
END_TEST

START_TEST(xlsx_too_many_rows)
{
    /* 5 rows x (2 targets + 2 measures + 210000 sections + the total) are
     * more rows than a sheet holds: refused before anything is written */
    report_run run;
    report_run_start(&run, true, report_fixture_data, NULL);
    ir_program *p = &run.f.p;
    ir_section *keep = p->sections;
    uint32_t nkeep = p->nsections;
    p->nsections = 210000;
    p->sections = calloc(p->nsections, sizeof *p->sections);
    capture err;
    capture out;
    ck_assert_int_eq(report_xlsx(p, run.t, run.r, run.ru, NULL, LBL_EN, cap_open(&out), cap_open(&err)),
                     REPORT_XLSX_TOO_LARGE);
    ck_assert_str_eq(cap_text(&err), "planc: error: the results have 1050025 rows, more than an "
                                     "Excel sheet holds (1048575); write them as CSV instead "
                                     "(--format csv)\n");
    ck_assert_str_eq(cap_text(&out), "");
    cap_free(&err);
    cap_free(&out);
    free(p->sections);
    p->sections = keep;
    p->nsections = nkeep;
    report_run_end(&run);
}
END_TEST

/* Makes target 1 (绿色建筑) not_applicable on every row: its status slot
 * becomes a constant 0 of the program. */
static void target1_not_applicable(ir_program *p)
{
    for (uint32_t i = 0; i < p->nsteps; i++) {
        if (p->steps[i].op == IR_CONST && p->steps[i].imm == IR_ST_NA) {
            p->targets[1].status = i;
            return;
        }
    }
    ck_abort_msg("the fixture has no constant 0");
}

/* A not_applicable row's goal (100 in the program) is no cell; its value
 * stays. */
START_TEST(xlsx_not_applicable_no_goal)
{
    workbook wb;
    fixture_book(&wb, NULL);
    assert_cell(wb.sheet[4], "K9", "100");
    free_book(&wb);
    fixture_book(&wb, target1_not_applicable);
    const char *d = wb.sheet[4];
    char buf[512];
    assert_cell(d, "H9", "not_applicable");
    assert_cell(d, "I9", "46.5");
    ck_assert_str_eq(cell(d, "K9", buf, sizeof buf), "");
    ck_assert_str_eq(cell(d, "L9", buf, sizeof buf), "");
    free_book(&wb);
}
END_TEST

/* A negative zero is written 0, as in the results CSV. */
START_TEST(xlsx_negative_zero)
{
    static const char data[] = "city,year,farmland_mu,park\n"
                               "大连,2025,80,\n"
                               "大连,2024,95,\n"
                               "沈阳,2024,,\n"
                               "沈阳,2025,-0,\n"
                               "鞍山,2025,,\n";
    report_run run;
    report_run_start(&run, true, data, NULL);
    workbook wb;
    write_book(&run, &wb);
    report_run_end(&run);
    char buf[512];
    ck_assert_str_eq(cell(wb.sheet[4], "I8", buf, sizeof buf), "<c r=\"I8\"><v>0</v></c>");
    free_book(&wb);
}
END_TEST

/* A number is stored rounded to 15 significant digits, Excel's own
 * precision (OUTPUT.md §7): a sum's last bits (0.1 + 0.2 is
 * 0.30000000000000004) are no digits a user copying the cell should get,
 * and a number that needs 17 digits to read back is the 15 Excel shows.
 * The detail sheet's I8 is 沈阳's 2025 value. */
START_TEST(xlsx_numbers_fifteen_digits)
{
    static const char *const cells[][2] = {{"0.30000000000000004", "0.3"},
                                           {"35.714285714285715", "35.7142857142857"},
                                           {"-1.0000000000000002e-7", "-1e-7"},
                                           {"123456789012345678", "123456789012346000"}};
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        char data[256];
        snprintf(data, sizeof data, "city,year,farmland_mu,park\n大连,2025,80,\n大连,2024,95,\n"
                                    "沈阳,2024,,\n沈阳,2025,%s,\n鞍山,2025,,\n", cells[i][0]);
        report_run run;
        report_run_start(&run, true, data, NULL);
        workbook wb;
        write_book(&run, &wb);
        report_run_end(&run);
        ck_assert_double_eq(cell_value_of(wb.sheet[4], "I8"), strtod(cells[i][1], NULL));
        free_book(&wb);
    }
    /* the first: the cell's text too, not 16 digits of the double */
    report_run run;
    report_run_start(&run, true, "city,year,farmland_mu,park\n大连,2025,80,\n大连,2024,95,\n"
                                 "沈阳,2024,,\n沈阳,2025,0.30000000000000004,\n鞍山,2025,,\n", NULL);
    workbook wb;
    write_book(&run, &wb);
    report_run_end(&run);
    char buf[512];
    ck_assert_str_eq(cell(wb.sheet[4], "I8", buf, sizeof buf), "<c r=\"I8\"><v>0.3</v></c>");
    free_book(&wb);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report_xlsx");
    TCase *tc = tcase_create("xlsx");
    tcase_add_test(tc, xlsx_sheets_in_order);
    tcase_add_test(tc, xlsx_sources_sheet);
    tcase_add_test(tc, xlsx_absent_columns_sheet);
    tcase_add_test(tc, xlsx_sources_sheet_years);
    tcase_add_test(tc, xlsx_detail_cells);
    tcase_add_test(tc, xlsx_frozen_headers_and_widths);
    tcase_add_test(tc, xlsx_roll_up_sheets);
    tcase_add_test(tc, xlsx_offtrack_sheet);
    tcase_add_test(tc, xlsx_resolved_sheet);
    tcase_add_test(tc, xlsx_text_is_cleaned);
    tcase_add_test(tc, xlsx_text_is_never_a_formula);
    tcase_add_test(tc, xlsx_no_rows);
    tcase_add_test(tc, xlsx_write_error);
    tcase_add_test(tc, xlsx_too_many_rows);
    tcase_add_test(tc, xlsx_not_applicable_no_goal);
    tcase_add_test(tc, xlsx_negative_zero);
    tcase_add_test(tc, xlsx_bool_words);
    tcase_add_test(tc, xlsx_bool_goal_rollup);
    tcase_add_test(tc, xlsx_unitless_unit_empty);
    tcase_add_test(tc, xlsx_on_track_zero_note);
    tcase_add_test(tc, xlsx_targets_distribution_rounded);
    tcase_add_test(tc, xlsx_numbers_fifteen_digits);
    tcase_add_test(tc, xlsx_provenance_sheet);
    suite_add_tcase(s, tc);
    return fx_main(s);
}
