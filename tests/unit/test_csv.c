/* test_csv.c — the CSV reader (csv.c) and the data errors of rt_table_load:
 * RFC 4180 records, BOM, CRLF, embedded newlines, missing cells, strict
 * numbers and yes/no cells, and every data error message. */
#include <unistd.h>

#include "csv.h"
#include "rt_fixture.h"

/* Reads every record of `text`; returns them as "f1|f2|...@LINE\n" lines,
 * with "!" after the line of a record whose bad_field is set, and
 * "UNTERMINATED@LINE quote QLINE:QCHAR field QFIELD" for an unterminated
 * record ("TOO_LONG@..." for a quoted field past CSV_QUOTED_MAX; malloc'd). */
static char *records(const char *text)
{
    capture c;
    FILE *out = cap_open(&c);
    csv_reader r;
    csv_init(&r, text, strlen(text));
    csv_record rec;
    csv_status st;
    while ((st = csv_next(&r, &rec)) == CSV_RECORD) {
        for (size_t i = 0; i < rec.nfields; i++)
            fprintf(out, "%s%s", i ? "|" : "", csv_field(&r, i));
        fprintf(out, "@%u%s\n", rec.line, rec.bad_field >= 0 ? "!" : "");
    }
    if (st == CSV_UNTERMINATED || st == CSV_TOO_LONG)
        fprintf(out, "%s@%u quote %u:%zu field %zu\n", st == CSV_TOO_LONG ? "TOO_LONG" : "UNTERMINATED",
                rec.line, rec.quote_line, rec.quote_char, rec.quote_field);
    csv_dispose(&r);
    char *s = strdup(cap_text(&c));
    cap_free(&c);
    return s;
}

/* Asserts the records of `text` read as `want` (see records()). */
#define assert_records(text, want)                                            \
    do {                                                                      \
        char *got_ = records(text);                                           \
        ck_assert_str_eq(got_, want);                                         \
        free(got_);                                                           \
    } while (0)

START_TEST(csv_plain_fields)
{
    assert_records("a,b,c\n1,2,3\n", "a|b|c@1\n1|2|3@2\n");
    assert_records("a,,c\n,,\n", "a||c@1\n||@2\n");
}
END_TEST

START_TEST(csv_last_line_without_newline)
{
    assert_records("a,b\n1,2", "a|b@1\n1|2@2\n");
    assert_records("a,b\n1,", "a|b@1\n1|@2\n");
}
END_TEST

START_TEST(csv_crlf_and_cr)
{
    assert_records("a,b\r\n1,2\r\n3,4\r\n", "a|b@1\n1|2@2\n3|4@3\n");
    assert_records("a,b\r1,2\r", "a|b@1\n1|2@2\n");
}
END_TEST

START_TEST(csv_bom_skipped)
{
    assert_records("\xEF\xBB\xBF" "city,year\n", "city|year@1\n");
    /* A BOM later in the file is data. */
    assert_records("a\n\xEF\xBB\xBF" "b\n", "a@1\n\xEF\xBB\xBF" "b@2\n");
}
END_TEST

START_TEST(csv_quoted_fields)
{
    assert_records("\"a,b\",c\n", "a,b|c@1\n");
    assert_records("\"say \"\"hi\"\"\",x\n", "say \"hi\"|x@1\n");
    assert_records("\"\",\"\"\"\"\n", "|\"@1\n");
    /* A quote inside an unquoted field is literal. */
    assert_records("ab\"c,d\n", "ab\"c|d@1\n");
}
END_TEST

START_TEST(csv_embedded_newlines_count_lines)
{
    /* The second record starts on line 2 and spans lines 2-4; the third
     * starts on line 5. */
    assert_records("h1,h2\n\"one\ntwo\r\nthree\",x\nlast,y\n",
                   "h1|h2@1\none\ntwo\r\nthree|x@2\nlast|y@5\n");
}
END_TEST

START_TEST(csv_blank_lines_skipped)
{
    assert_records("\n\na,b\n\n1,2\n\r\n\n", "a|b@3\n1|2@5\n");
    assert_records("", "");
    assert_records("\n\n", "");
}
END_TEST

START_TEST(csv_text_after_closing_quote)
{
    assert_records("\"a\"b,c\n1,2\n", "ab|c@1!\n1|2@2\n");
}
END_TEST

START_TEST(csv_unterminated)
{
    assert_records("a,b\n1,\"open\n2,3\n", "a|b@1\nUNTERMINATED@2 quote 2:3 field 1\n");
    /* the quote's character counts UTF-8 characters, not bytes; the
     * record's line is where it starts, the quote's where the quote is */
    assert_records("a,b,c\n\"x\ny\",沈阳,\"open\n", "a|b|c@1\nUNTERMINATED@2 quote 3:7 field 2\n");
    /* the byte order mark is no character */
    assert_records("\xEF\xBB\xBF\"a,b\n", "UNTERMINATED@1 quote 1:1 field 0\n");
}
END_TEST

static char *records_windowed(const char *text, size_t step);

/* A text of a header, a record whose field 1 is quoted and holds `body`
 * bytes (a line break every 100), closed when `closed`, and a record
 * after it; malloc'd. */
static char *long_quoted(size_t body, bool closed)
{
    char *t = malloc(body + 64);
    size_t n = (size_t)sprintf(t, "a,b\n大连,\"");
    for (size_t i = 0; i < body; i++)
        t[n++] = i % 100 == 99 ? '\n' : 'x';
    n += (size_t)sprintf(t + n, "%s\n1,2\n", closed ? "\"" : "");
    t[n] = '\0';
    return t;
}

START_TEST(csv_quoted_field_limit)
{
    /* CSV_QUOTED_MAX bytes in quotes are a field; one more is too long,
     * whether the quote closes later or never, read whole or in windows */
    char *t = long_quoted(CSV_QUOTED_MAX, true);
    char *got = records(t);
    ck_assert_uint_eq(strlen(got), strlen("a|b@1\n大连|") + CSV_QUOTED_MAX + strlen("@2\n1|2@10488\n"));
    ck_assert_str_eq(got + strlen(got) - strlen("@2\n1|2@10488\n"), "@2\n1|2@10488\n");
    free(got);
    free(t);
    for (int closed = 0; closed <= 1; closed++) {
        t = long_quoted(CSV_QUOTED_MAX + 1, closed);
        got = records(t);
        ck_assert_str_eq(got, "a|b@1\nTOO_LONG@2 quote 2:4 field 1\n");
        free(got);
        got = records_windowed(t, 300000);
        ck_assert_str_eq(got, "a|b@1\nTOO_LONG@2 quote 2:4 field 1\n");
        free(got);
        free(t);
    }
}
END_TEST

/* records() with the text handed over in windows, as a file read in blocks
 * is: the first window holds max(step, 3) bytes, and each CSV_MORE gets a
 * window of the bytes not yet consumed and `step` more.  Each window is a
 * buffer of its own size, so a read past it is caught (ASan). */
static char *records_windowed(const char *text, size_t step)
{
    capture c;
    FILE *out = cap_open(&c);
    size_t len = strlen(text);
    size_t from = 0;                          /* offset of the window in text */
    size_t upto = step < 3 ? 3 : step;        /* end of the window in text */
    if (upto > len)
        upto = len;
    char *win = malloc(upto - from + 1);
    memcpy(win, text, upto);
    csv_reader r;
    csv_init_window(&r, win, upto, upto == len);
    csv_record rec;
    csv_status st;
    for (;;) {
        st = csv_next(&r, &rec);
        if (st == CSV_MORE) {
            ck_assert_uint_lt(upto, len); /* never at the end of the input */
            from += csv_consumed(&r);
            upto = upto + step < len ? upto + step : len;
            char *next = malloc(upto - from + 1);
            memcpy(next, text + from, upto - from);
            csv_refill(&r, next, upto - from, upto == len);
            free(win);
            win = next;
            continue;
        }
        if (st != CSV_RECORD)
            break;
        for (size_t i = 0; i < rec.nfields; i++) {
            fprintf(out, "%s%s", i ? "|" : "", csv_field(&r, i));
            ck_assert_uint_eq(csv_field_len(&r, i), strlen(csv_field(&r, i)));
        }
        fprintf(out, "@%u%s\n", rec.line, rec.bad_field >= 0 ? "!" : "");
    }
    if (st == CSV_UNTERMINATED || st == CSV_TOO_LONG)
        fprintf(out, "%s@%u quote %u:%zu field %zu\n", st == CSV_TOO_LONG ? "TOO_LONG" : "UNTERMINATED",
                rec.line, rec.quote_line, rec.quote_char, rec.quote_field);
    csv_dispose(&r);
    free(win);
    char *s = strdup(cap_text(&c));
    cap_free(&c);
    return s;
}

START_TEST(csv_windows_read_as_whole)
{
    /* Every window size over texts with every construct at every offset. */
    static const char *const texts[] = {
        "a,b,c\n1,2,3\n", "a,,c\n,,\n", "a,b\n1,2", "a,b\n1,", "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r",
        "\xEF\xBB\xBF" "city,year\n", "a\n\xEF\xBB\xBF" "b\n", "\xEF\xBB", "\"a,b\",c\n",
        "\"say \"\"hi\"\"\",x\n", "\"\",\"\"\"\"\n", "ab\"c,d\n", "\"a\nb\",\"c\r\nd\",\"e\rf\"\ng\n",
        "\n\r\n\ra,b\n\n\r\r\nc\n\n", "\"x\"y,z\n\"p\" ,q\r\n", "a,b\n1,\"open\n2,3\n", "\"",
        "\"\"", "\r", "\r\n", "x\r", "\"a\"\r", "\"a\"\"", "a,\"b\"\"\"\r\n\"\"\"c\",d", ",\n,",
        "大连,2024,\"7,603\"\r\n沈阳,\"二\r\n〇\",是\r\n",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        char *whole = records(texts[k]);
        for (size_t step = 1; step <= strlen(texts[k]) + 1; step++) {
            char *got = records_windowed(texts[k], step);
            ck_assert_msg(strcmp(got, whole) == 0, "text %zu, windows of %zu: %s instead of %s", k,
                          step, got, whole);
            free(got);
        }
        free(whole);
    }
}
END_TEST

/* ---- data errors (rt_table_parse) ---- */

/* Loads csv for the fixture program; asserts it fails with exactly `want`
 * on the error stream. */
static void assert_data_errors(const char *csv, const char *want)
{
    fixture f;
    fx_init(&f);
    char *errors;
    rt_table *t = fx_load(&f, csv, &errors);
    ck_assert_ptr_null(t);
    ck_assert_str_eq(errors, want);
    free(errors);
    fx_free(&f);
}

START_TEST(data_reads_values)
{
    fixture f;
    fx_init(&f);
    rt_table *t = fx_load(&f,
        "\xEF\xBB\xBF" "extra,city,year,park,farmland_mu\r\n"
        "x,大连,2024,yes,\" 7603.5 \"\r\n"
        "y, 沈阳市 ,2023,是,NA\r\n"
        "z,Shenyang,2024,FALSE,\r\n"
        "w,鞍山,2023,1,-1e3\r\n"
        "v,鞍山,2024,否,+.5\r\n"
        "u,大连,2023,,1E2", NULL);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 6);
    /* Sorted by region declaration order, then year. */
    static const uint32_t regions[] = {FX_SY, FX_SY, FX_DL, FX_DL, FX_AS, FX_AS};
    static const int years[] = {2023, 2024, 2023, 2024, 2023, 2024};
    static const unsigned lines[] = {3, 4, 7, 2, 5, 6};
    const double farm[] = {NAN, NAN, 100, 7603.5, -1000, 0.5};
    const double park[] = {1, 0, NAN, 1, 1, 0};
    for (size_t r = 0; r < 6; r++) {
        ck_assert_uint_eq(rt_table_region(t, r), regions[r]);
        ck_assert_int_eq(rt_table_year(t, r), years[r]);
        ck_assert_uint_eq(rt_table_line(t, r), lines[r]);
        fx_assert_same(rt_table_column(t, FX_FARMLAND)[r], farm[r]);
        fx_assert_same(rt_table_column(t, FX_PARK)[r], park[r]);
    }
    ck_assert_int_eq(rt_table_find(t, FX_DL, 2024), 3);
    ck_assert_int_eq(rt_table_find(t, FX_DL, 2025), -1);
    ck_assert_int_eq(rt_table_find(t, FX_LN, 2024), -1);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(data_header_only)
{
    fixture f;
    fx_init(&f);
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n", NULL);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 0);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(data_bool_spellings)
{
    fixture f;
    fx_init(&f);
    rt_table *t = fx_load(&f,
        "city,year,farmland_mu,park\n"
        "大连,2001,1,Yes\n大连,2002,1,TRUE\n大连,2003,1,true\n大连,2004,1,是\n大连,2005,1,1\n"
        "大连,2006,1,No\n大连,2007,1,False\n大连,2008,1,否\n大连,2009,1,0\n大连,2010,1,NA\n"
        "大连,2011,1, yes \n", NULL);
    ck_assert_ptr_nonnull(t);
    const double want[] = {1, 1, 1, 1, 1, 0, 0, 0, 0, NAN, 1};
    for (size_t r = 0; r < 11; r++)
        fx_assert_same(rt_table_column(t, FX_PARK)[r], want[r]);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(data_malformed_number)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连,2024,\"7,60\",1\n"
        "大连,2025,nan,1\n"
        "大连,2026,inf,1\n"
        "大连,2027,0x10,1\n"
        "大连,2028,12abc,1\n"
        "大连,2029,1 000,1\n"
        "大连,2030,-,1\n"
        "大连,2031,1e999,1\n"
        "大连,2032,Infinity,1\n"
        "大连,2033,n/a,1\n",
        "data.csv:2: error: column 'farmland_mu': malformed number '7,60' (a comma in a number may "
        "only separate groups of three digits, as in 1,234.5)\n"
        "data.csv:3: error: column 'farmland_mu': malformed number 'nan'\n"
        "data.csv:4: error: column 'farmland_mu': malformed number 'inf'\n"
        "data.csv:5: error: column 'farmland_mu': malformed number '0x10'\n"
        "data.csv:6: error: column 'farmland_mu': malformed number '12abc'\n"
        "data.csv:6: note: column 'farmland_mu' writes abc after its numbers (as '12abc'), which is not a unit "
        "of the rules; a cell holds a number alone, without a unit (indicator '耕地保有量'): write the number "
        "alone\n"
        "data.csv:7: error: column 'farmland_mu': malformed number '1 000' (a space between digits is not read in a number: leave it out)\n"
        "data.csv:8: error: column 'farmland_mu': malformed number '-'\n"
        "data.csv:9: error: column 'farmland_mu': number '1e999' is out of range\n"
        "data.csv:10: error: column 'farmland_mu': malformed number 'Infinity'\n"
        "data.csv:11: error: column 'farmland_mu': malformed number 'n/a'\n"
        /* 'nan' and 'n/a' are words programs write for no value: marks too */
        "data.csv: note: 'nan' (column 'farmland_mu'), '-' and 'n/a' hold no number, and planc reads no "
        "mark as missing unless told (yearbooks differ: no data, zero, or '…' for a number below the "
        "table's unit). If they mark missing values, add --na 'nan' --na '-' --na 'n/a' to the command; "
        "if '-' stands for 0 in column 'farmland_mu', say so in the rules: map 年鉴符号 { \"-\" = 0 } "
        "and, on its indicator, column \"farmland_mu\" as 年鉴符号\n");
}
END_TEST

START_TEST(data_malformed_bool)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连,2024,1,maybe\n"
        "大连,2025,1,2\n",
        "data.csv:2: error: column 'park': malformed yes/no value 'maybe' (expected 1/0, yes/no, true/false or 是/否)\n"
        "data.csv:3: error: column 'park': malformed yes/no value '2' (expected 1/0, yes/no, true/false or 是/否)\n");
}
END_TEST

START_TEST(data_unknown_region)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大莲,2024,1,1\n"
        "Shenyan,2024,1,1\n"
        "上海,2024,1,1\n"
        ",2024,1,1\n"
        "SHENYANG,2024,1,1\n",
        "data.csv:2: error: column 'city': unknown region '大莲'\n"
        "data.csv:2: note: did you mean '大连'?\n"
        "data.csv:3: error: column 'city': unknown region 'Shenyan'\n"
        "data.csv:3: note: did you mean 'Shenyang'?\n"
        "data.csv:4: error: column 'city': unknown region '上海'\n"
        "data.csv:5: error: column 'city': missing region\n"
        "data.csv:6: error: column 'city': unknown region 'SHENYANG'\n"
        "data.csv:6: note: did you mean 'Shenyang'?\n"
        "data.csv: note: rows of regions the rules do not declare (such as '上海') are errors; "
        "--skip-unknown-regions skips them, as for a national file read for a provincial plan\n");
    /* a region's full name, which begins with its name or an alias: the
     * region, with the alias that reads it, and no note about skipping
     * (a Latin name is continued only by a character that is no letter) */
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连市辖区,2024,1,1\n"
        "Shenyang Municipality,2024,1,1\n"
        "Shenyangbeizhan Qu,2024,1,1\n",
        "data.csv:2: error: column 'city': unknown region '大连市辖区'\n"
        "data.csv:2: note: did you mean '大连'? ('大连市辖区' begins with it; if the data names 大连 so, "
        "give it the alias: region 大连 : ... alias \"大连市辖区\")\n"
        "data.csv:3: error: column 'city': unknown region 'Shenyang Municipality'\n"
        "data.csv:3: note: did you mean 'Shenyang'? ('Shenyang Municipality' begins with it; if the data names 沈阳 so, "
        "give it the alias: region 沈阳 : ... alias \"Shenyang Municipality\")\n"
        "data.csv:4: error: column 'city': unknown region 'Shenyangbeizhan Qu'\n"
        "data.csv: note: rows of regions the rules do not declare (such as 'Shenyangbeizhan Qu') are errors; "
        "--skip-unknown-regions skips them, as for a national file read for a provincial plan\n");
    /* misspellings alone: no note about skipping (the rows should be fixed) */
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大莲,2024,1,1\n",
        "data.csv:2: error: column 'city': unknown region '大莲'\n"
        "data.csv:2: note: did you mean '大连'?\n");
}
END_TEST

START_TEST(data_malformed_year)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连,二〇二四,1,1\n"
        "大连,2024.01,1,1\n"
        "大连,,1,1\n"
        "大连,0,1,1\n"
        "大连,123456789012345678901234567890,1,1\n"
        "大连,-2024,1,1\n",
        "data.csv:2: error: column 'year': malformed year '二〇二四' (a year in Chinese numerals is not read: write 2024)\n"
        "data.csv:3: error: column 'year': malformed year '2024.01'\n"
        "data.csv:4: error: column 'year': missing year\n"
        "data.csv:5: error: column 'year': year '0' is out of range (1..9999)\n"
        "data.csv:6: error: column 'year': year '123456789012345678901234567890' is out of range (1..9999)\n"
        "data.csv:7: error: column 'year': malformed year '-2024'\n");
}
END_TEST

START_TEST(data_duplicate_row)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连,2024,1,1\n"
        "沈阳,2024,1,1\n"
        "大连,2025,1,1\n"
        "大连,2024,2,0\n"
        "沈阳市,2024,1,1\n",
        "data.csv:5: error: duplicate row for 大连 2024 (first at line 2)\n"
        "data.csv:6: error: duplicate row for 沈阳 2024 (first at line 3)\n");
}
END_TEST

START_TEST(data_missing_columns)
{
    fixture f;
    fx_init(&f);
    f.p.columns[FX_PARK].indicator = NULL;
    char *errors;
    ck_assert_ptr_null(fx_load(&f, "region,year,other\n大连,2024,1\n", &errors));
    ck_assert_str_eq(errors,
        "data.csv:1: error: column 'city' (the region column) is not in the header\n"
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: error: column 'park' is not in the header\n"
        "data.csv:1: note: the plan's keys name the region column ('city'); if the header calls it "
        "otherwise, name it in the plan block: keys region = \"region\" (an adaptation may give its "
        "own keys there too)\n");
    free(errors);
    /* a table in Chinese: the fields named as a region and a year are
     * offered as the keys (tests/run/data-keys-guess: not merely the first two) */
    ck_assert_ptr_null(fx_load(&f, "地区,年份,farmland_mu,park\n大连,2024,1,1\n", &errors));
    ck_assert_str_eq(errors,
        "data.csv:1: error: column 'city' (the region column) is not in the header\n"
        "data.csv:1: error: column 'year' (the year column) is not in the header\n"
        "data.csv:1: note: the plan's keys name the region and year columns ('city', 'year'); if the "
        "header calls them otherwise, name them in the plan block: keys region = \"地区\", year = "
        "\"年份\" (an adaptation may give its own keys there too)\n");
    free(errors);
    fx_free(&f);
}
END_TEST

START_TEST(data_similar_header_column)
{
    assert_data_errors(
        "City,year,farmland,park_\n",
        "data.csv:1: error: column 'city' (the region column) is not in the header\n"
        "data.csv:1: note: the header has a similar column 'City' (field 1): if it is this column, rename it to "
        "'city', or name it in the plan block: keys region = \"City\"\n"
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: note: the header has a similar column 'farmland' (field 3): if it is this column, rename it "
        "to 'farmland_mu', or write 'column \"farmland\"' on indicator 耕地保有量\n"
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: the header has a similar column 'park_' (field 4): if it is this column, rename it to "
        "'park', or write 'column \"park_\"' on indicator 辽河口国家公园\n");
}
END_TEST

/* A header that names a column otherwise: the same but for case and the
 * marks between its parts ("FARMLAND MU", "PM2.5" for pm25), or by the
 * indicator the column feeds (a bureau's 辽河口国家公园 for park): each
 * said, and no note sending the reader to --allow-missing-columns while
 * every missing column has its field; with one column of no field, the
 * note stays. */
START_TEST(data_header_names_otherwise)
{
    assert_data_errors(
        "city,year,FARMLAND MU,辽河口国家公园\n",
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: note: the header has a similar column 'FARMLAND MU' (field 3): if it is this column, rename "
        "it to 'farmland_mu', or write 'column \"FARMLAND MU\"' on indicator 耕地保有量\n"
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: field 4 '辽河口国家公园' is headed with the name of indicator 辽河口国家公园, "
        "whose cells the rules read from column 'park': rename the field to 'park', or write "
        "'column \"辽河口国家公园\"' on the indicator\n");
    assert_data_errors(
        "city,year,farmland_mu,辽河口　国家公园,x\n",
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: field 4 '辽河口　国家公园' is headed with the name of indicator 辽河口国家公园, "
        "whose cells the rules read from column 'park': rename the field to 'park', or write "
        "'column \"辽河口　国家公园\"' on the indicator\n");
    assert_data_errors(
        "city,year,耕地保有量\n",
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: note: field 3 '耕地保有量' is headed with the name of indicator 耕地保有量, whose "
        "cells the rules read from column 'farmland_mu': rename the field to 'farmland_mu', or write "
        "'column \"耕地保有量\"' on the indicator\n"
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: 2 columns the rules read are not in the header; --allow-missing-columns "
        "reads them as missing cells, and an adaptation can drop the indicators it has no data for "
        "('drop indicator')\n");
}
END_TEST

/* Invisible characters in a header name or a cell (a byte order mark
 * inside a header of joined files, a zero-width space pasted from a web
 * page) are shown escaped, and a header name that is a column's but for
 * them is said to be. */
START_TEST(data_invisible_characters)
{
    assert_data_errors(
        "city,year,\xEF\xBB\xBF" "farmland_mu,pa\xE2\x80\x8B" "rk\n",
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: note: did you mean '\\uFEFFfarmland_mu' (field 3)? It is 'farmland_mu' with "
        "invisible characters (U+FEFF, a byte order mark: another file's start, joined after the "
        "first?): remove them from the header\n"
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: did you mean 'pa\\u200Brk' (field 4)? It is 'park' with invisible "
        "characters (U+200B): remove them from the header\n");
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "\xE2\x80\x8D大连\xC2\xAD,2024,1,1\n",
        "data.csv:2: error: column 'city': unknown region '\\u200D大连\\u00AD'\n"
        "data.csv:2: note: did you mean '大连'? The cell is it with invisible characters (U+200D)\n");
    /* a no-break space or an ideographic space inside a name is seen: kept */
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大\xE3\x80\x80连,2024,1,1\n",
        "data.csv:2: error: column 'city': unknown region '大\xE3\x80\x80连'\n"
        "data.csv:2: note: did you mean '大连'?\n");
}
END_TEST

/* A byte of no valid UTF-8 sequence in a message's text (a file name or
 * an argument given to planc: the data and the rules are refused before)
 * is shown \xHH, as compilers show one, and a character beside it as it
 * is: the message stays UTF-8 and says which byte it was. */
START_TEST(message_invalid_utf8)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    csv_message(f, "planc: error: unknown region '%s' in '%s'\n", "沈\xff", "d\xe9\x98.csv");
    csv_message(f, "%s\n", "\xc0\xaf \xed\xa0\x80 阳");
    fclose(f);
    ck_assert_str_eq(buf, "planc: error: unknown region '沈\\xFF' in 'd\\xE9\\x98.csv'\n"
                          "\\xC0\\xAF \\xED\\xA0\\x80 阳\n");
    free(buf);
}
END_TEST

START_TEST(data_header_looks_like_data)
{
    assert_data_errors(
        "大连,2024,1,1\n"
        "沈阳,2024,1,1\n",
        "data.csv:1: error: column 'city' (the region column) is not in the header\n"
        "data.csv:1: error: column 'year' (the year column) is not in the header\n"
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: this line looks like data; the first line must name the columns\n");
}
END_TEST

/* A title line above the table (a yearbook's export: its first field
 * filled, the others empty) is said to be one, and not offered as the
 * region key. */
START_TEST(data_title_above_header)
{
    assert_data_errors(
        "表3-1 各市主要指标,,,\n"
        "city,year,farmland_mu,park\n"
        "大连,2024,1,1\n",
        "data.csv:1: error: column 'city' (the region column) is not in the header\n"
        "data.csv:1: error: column 'year' (the year column) is not in the header\n"
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: only the first field of this line is filled ('表3-1 各市主要指标'): a title "
        "above the table? The first line must be the header naming the columns: delete the lines "
        "above it (tail -n +2 FILE > NEW.csv deletes one)\n");
    /* the title alone on its line, without the empty fields */
    assert_data_errors(
        "表3-1 各市主要指标\n"
        "city,year,farmland_mu,park\n",
        "data.csv:1: error: column 'city' (the region column) is not in the header\n"
        "data.csv:1: error: column 'year' (the year column) is not in the header\n"
        "data.csv:1: error: column 'farmland_mu' (indicator 耕地保有量) is not in the header\n"
        "data.csv:1: error: column 'park' (indicator 辽河口国家公园) is not in the header\n"
        "data.csv:1: note: only the first field of this line is filled ('表3-1 各市主要指标'): a title "
        "above the table? The first line must be the header naming the columns: delete the lines "
        "above it (tail -n +2 FILE > NEW.csv deletes one)\n");
}
END_TEST

/* A repeated header name reads the first field, with a warning; the
 * repeats are NAME.1, NAME.2 (as pandas reads them), unless a field has
 * that very name. */
START_TEST(data_duplicate_header_column)
{
    fixture f;
    fx_init(&f);
    static const char csv[] = "city,year,farmland_mu,park,farmland_mu,farmland_mu\n大连,2024,1,1,2,3\n";
    capture c;
    rt_table *t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, NULL, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "data.csv:1: warning: column 'farmland_mu' appears 3 times in the "
                                   "header (fields 3 and 5, ...); reading the first; the rules can "
                                   "name the next 'farmland_mu.1' [-Wduplicate-column]\n");
    cap_free(&c);
    ck_assert_ptr_nonnull(t);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[0], 1);
    rt_table_free(t);
    f.p.columns[FX_FARMLAND].name = "farmland_mu.2";
    t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, NULL, cap_open(&c));
    ck_assert_ptr_nonnull(t);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[0], 3);
    rt_table_free(t);
    cap_free(&c);
    /* a field named farmland_mu.1 is that field, not a repeat */
    static const char csv2[] = "city,year,farmland_mu,park,farmland_mu,farmland_mu.1\n大连,2024,1,1,2,3\n";
    f.p.columns[FX_FARMLAND].name = "farmland_mu.1";
    t = rt_table_parse(&f.p, "data.csv", csv2, sizeof csv2 - 1, NULL, cap_open(&c));
    ck_assert_ptr_nonnull(t);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[0], 3);
    rt_table_free(t);
    cap_free(&c);
    /* no fourth */
    f.p.columns[FX_FARMLAND].name = "farmland_mu.3";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, NULL, cap_open(&c)));
    ck_assert_ptr_nonnull(strstr(cap_text(&c), "column 'farmland_mu.3' (indicator 耕地保有量) is not in the header"));
    cap_free(&c);
    fx_free(&f);
}
END_TEST

/* Lines of one field after the rows (a source note) are skipped with a
 * warning; before a row, or more than ten of them, they are errors. */
START_TEST(data_footer_notes)
{
    fixture f;
    fx_init(&f);
    static const char csv[] = "city,year,farmland_mu,park\n大连,2024,1,1\n"
                              "\"Note: farmland in mu, from the 2024 survey, revised in March 2025 after the audit\"\n"
                              "来源：辽宁统计年鉴\n";
    capture c;
    rt_table *t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, NULL, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "data.csv: warning: skipped 2 lines at the end with only a first "
                                   "field, taken for notes (the first at line 3: 'Note: farmland in mu, from the "
                                   "2024 survey, revised in March...') [-Wtrailing-notes]\n");
    cap_free(&c);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 1);
    rt_table_free(t);
    /* a spreadsheet's note (the header's width, the rest empty) is a note;
     * a region name alone is a row missing its cells */
    static const char padded[] = "city,year,farmland_mu,park\n大连,2024,1,1\n数据来源：统计年鉴,,,\n";
    t = rt_table_parse(&f.p, "data.csv", padded, sizeof padded - 1, NULL, cap_open(&c));
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(cap_text(&c), "data.csv: warning: skipped 1 line at the end with only a first field, "
                                   "taken for notes (the first at line 3: '数据来源：统计年鉴') [-Wtrailing-notes]\n");
    cap_free(&c);
    rt_table_free(t);
    fx_free(&f);
    assert_data_errors("city,year,farmland_mu,park\n大连,2024,1,1\n沈阳\n",
                       "data.csv:3: error: row has 1 field, the header has 4\n");
    assert_data_errors("city,year,farmland_mu,park\n数据来源：年鉴,,,\n大连,2024,1,1\n",
                       "data.csv:2: error: only the first field is filled in ('数据来源：年鉴' is no region); "
                       "a note like this may only follow the rows\n");
    /* only notes: errors */
    assert_data_errors("city,year,farmland_mu,park\nnote\n",
                       "data.csv:2: error: row has 1 field, the header has 4\n");
    /* eleven at the end: errors */
    char many[512] = "city,year,farmland_mu,park\n大连,2024,1,1\n";
    char want[1024] = "";
    for (int i = 0; i < 11; i++) {
        strcat(many, "x\n");
        snprintf(want + strlen(want), sizeof want - strlen(want),
                 "data.csv:%d: error: row has 1 field, the header has 4\n", i + 3);
    }
    assert_data_errors(many, want);
}
END_TEST

/* --allow-missing-columns: a column the header lacks is missing cells,
 * with a warning; other errors stay errors. */
START_TEST(data_allow_missing_columns)
{
    fixture f;
    fx_init(&f);
    static const char csv[] = "city,year,park\n大连,2024,1\n";
    rt_load_options o = {.allow_missing_columns = true};
    capture c;
    rt_table *t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, &o, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "data.csv:1: warning: column 'farmland_mu' (indicator 耕地保有量) is "
                                   "not in the header: its cells are missing [-Wmissing-column]\n");
    cap_free(&c);
    ck_assert_ptr_nonnull(t);
    ck_assert(isnan(rt_table_column(t, FX_FARMLAND)[0]));
    fx_assert_same(rt_table_column(t, FX_PARK)[0], 1);
    rt_table_free(t);
    static const char noyear[] = "city,park\n大连,1\n";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", noyear, sizeof noyear - 1, &o, cap_open(&c)));
    ck_assert_ptr_nonnull(strstr(cap_text(&c), "error: column 'year' (the year column) is not in the header"));
    cap_free(&c);
    fx_free(&f);
}
END_TEST

/* --data-year: a file without a year column, every row of that year. */
START_TEST(data_year_option)
{
    fixture f;
    fx_init(&f);
    static const char csv[] = "city,farmland_mu,park\n大连,1,1\n沈阳市,2,0\n";
    rt_load_options o = {.year = 2019};
    capture c;
    rt_table *t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, &o, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "");
    cap_free(&c);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 2);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[rt_table_find(t, FX_SY, 2019)], 2);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[rt_table_find(t, FX_DL, 2019)], 1);
    rt_table_free(t);
    /* a region twice is a duplicate */
    static const char dup[] = "city,farmland_mu,park\n大连,1,1\n大连,2,0\n";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", dup, sizeof dup - 1, &o, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "data.csv:3: error: duplicate row for 大连 2019 (first at line 2)\n");
    cap_free(&c);
    /* a file with a year column is not a snapshot */
    static const char withyear[] = "city,year,farmland_mu,park\n大连,2020,1,1\n";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", withyear, sizeof withyear - 1, &o, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "data.csv:1: error: the file has a year column 'year' (field 2), but a "
                                   "data year (2019) was given: --data-year is for a file without one\n");
    cap_free(&c);
    fx_free(&f);
}
END_TEST

/* A column "C{year}": a file with a column per year and no year column;
 * each record is a row per year of the header; a plain column's cell goes
 * to every year. */
START_TEST(data_wide_columns)
{
    fixture f;
    fx_init(&f);
    f.p.columns[FX_FARMLAND].name = "mu{year}";
    f.p.columns[FX_FARMLAND].per_year = true;
    static const char csv[] = "city,mu2024,note,mu2022,park,mu2023x,mu02021,mu2025,mu20\n"
                              "大连,1,a,2,1,9,9,4,7\n"
                              "沈阳市,,b,NA,0,9,9,5,7\n";
    capture c;
    rt_table *t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, NULL, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "");
    cap_free(&c);
    ck_assert_ptr_nonnull(t);
    /* 2 regions x 2022, 2024, 2025 (mu2023x, mu02021 and mu20 are not years' columns) */
    ck_assert_uint_eq(rt_table_nrows(t), 6);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[rt_table_find(t, FX_DL, 2022)], 2);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[rt_table_find(t, FX_DL, 2024)], 1);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[rt_table_find(t, FX_DL, 2025)], 4);
    ck_assert(isnan(rt_table_column(t, FX_FARMLAND)[rt_table_find(t, FX_SY, 2024)]));
    fx_assert_same(rt_table_column(t, FX_PARK)[rt_table_find(t, FX_DL, 2025)], 1);
    fx_assert_same(rt_table_column(t, FX_PARK)[rt_table_find(t, FX_SY, 2022)], 0);
    ck_assert_int_eq(rt_table_line(t, (size_t)rt_table_find(t, FX_SY, 2025)), 3);
    rt_table_free(t);
    /* errors name the year's column */
    static const char bad[] = "city,mu2024,mu2025,mu2025,park\n大连,1,x,2,maybe\n";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", bad, sizeof bad - 1, NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "data.csv:1: error: columns 'mu2025' and 'mu2025' both give column 'mu{year}' for 2025\n");
    cap_free(&c);
    /* a region twice: one error for the record, not one per year */
    static const char twice[] = "city,mu2024,mu2025,park\n大连,1,2,1\n大连,3,4,1\n";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", twice, sizeof twice - 1, NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "data.csv:3: error: duplicate row for 大连 2024 (first at line 2)\n");
    cap_free(&c);
    static const char bad2[] = "city,mu2024,mu2025,park\n大连,1,x,maybe\n";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", bad2, sizeof bad2 - 1, NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "data.csv:2: error: column 'park': malformed yes/no value 'maybe' (expected 1/0, yes/no, true/false or 是/否)\n"
                                   "data.csv:2: error: column 'mu2025': malformed number 'x'\n");
    cap_free(&c);
    static const char none[] = "city,year,farmland_mu,park\n大连,2024,1,1\n";
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", none, sizeof none - 1, NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "data.csv:1: error: no column of the header matches 'mu{year}' (indicator 耕地保有量), a column per year\n"
                                   "data.csv:1: note: '{year}' stands for a year's four digits: 'mu{year}' matches mu2015, ...\n");
    cap_free(&c);
    rt_load_options o = {.year = 2020};
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, &o, cap_open(&c)));
    ck_assert_ptr_nonnull(strstr(cap_text(&c), "a data year (2020) cannot be given too"));
    cap_free(&c);
    fx_free(&f);
}
END_TEST

START_TEST(data_field_count)
{
    assert_data_errors(
        "city,year,farmland_mu,park,note\n"
        "大连,2024,1,1,ok\n"
        "大连,2025,1,1\n"
        "大连,2026,1,1,\"a,b\",x,y\n"
        "大连\n"
        "大连,2027,1,1,ok\n",
        "data.csv:3: error: row has 4 fields, the header has 5\n"
        "data.csv:4: error: row has 7 fields, the header has 5\n"
        "data.csv:5: error: row has 1 field, the header has 5\n");
}
END_TEST

START_TEST(data_line_is_where_the_record_starts)
{
    assert_data_errors(
        "city,year,farmland_mu,park,note\n"
        "大连,2024,1,1,\"two\nlines\"\n"
        "大连,2025,x,1,\"three\r\nline\nnote\"\n"
        "\n"
        "大连,2026,y,1,\n",
        "data.csv:4: error: column 'farmland_mu': malformed number 'x'\n"
        "data.csv:8: error: column 'farmland_mu': malformed number 'y'\n");
}
END_TEST

START_TEST(data_text_after_quote)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连,2024,\"1\"2,1\n",
        "data.csv:2: error: column 'farmland_mu': text after the closing quote\n");
}
END_TEST

START_TEST(data_unterminated_quote)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连,2024,1,1\n"
        "大连,2025,\"1,1\n"
        "大连,2026,1,1\n",
        "data.csv:3: error: unterminated quoted field: the quote opened at line 3, character 9 (column 'farmland_mu') never closes\n");
    assert_data_errors(
        "city,\"year\n",
        "data.csv:1: error: unterminated quoted field: the quote opened at line 1, character 6 (header field 2) never closes\n");
    /* a record with more fields than the header */
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大连,2025,1,1,\"x\n",
        "data.csv:2: error: unterminated quoted field: the quote opened at line 2, character 13 (record field 5) never closes\n");
}
END_TEST

START_TEST(data_empty_and_no_header)
{
    assert_data_errors("", "data.csv: error: the file is empty (it needs a header row naming its columns)\n");
    assert_data_errors("\xEF\xBB\xBF", "data.csv: error: the file is empty (it needs a header row naming its columns)\n");
    assert_data_errors("\n\r\n\n", "data.csv:4: error: no header row: the file has only empty lines\n");
}
END_TEST

START_TEST(data_not_utf8)
{
    /* 大连 in GBK: the error names the column, and says how to convert
     * the file */
    assert_data_errors("city,year,farmland_mu,park\n\xB4\xF3\xC1\xAC,2024,1,1\n",
                       "data.csv:2: error: column 'city': invalid UTF-8 (byte 0xB4); the data must be UTF-8\n"
                       "data.csv:2: note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                       "Chinese Windows is; read it as it is with --encoding GB18030, save it as \"CSV UTF-8\", "
                       "or convert it: iconv -f GB18030 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    /* 示例省 in GBK (CA BE C0 FD CA A1): CA BE and CA A1 are valid UTF-8,
     * the reading fails at C0 */
    assert_data_errors("city,year,farmland_mu,park\n\xCA\xBE\xC0\xFD\xCA\xA1,2024,1,1\n",
                       "data.csv:2: error: column 'city': invalid UTF-8 (byte 0xC0); the data must be UTF-8\n"
                       "data.csv:2: note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                       "Chinese Windows is; read it as it is with --encoding GB18030, save it as \"CSV UTF-8\", "
                       "or convert it: iconv -f GB18030 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    /* a UTF-8 file cut inside 大 (E5 A4 A7 lost its E5) before 连 (E8 BF
     * 9E): a stray continuation byte, the next character UTF-8: no guess */
    assert_data_errors("city,year,farmland_mu,park\n\xA4\xA7\xE8\xBF\x9E,2024,1,1\n",
                       "data.csv:2: error: column 'city': invalid UTF-8 (byte 0xA4); the data must be UTF-8\n");
    /* a yearbook's title, 表8-3 鞍山 in GBK (B1 ED, then ASCII, then B0 B0
     * C9 BD: 山 is also valid UTF-8): one character before the ASCII, the
     * others after it on the line; a GB18030 four-byte character (81 30
     * 81 30) after the ASCII counts as one */
    assert_data_errors("\xB1\xED" "8-3 " "\xB0\xB0\xC9\xBD,,\n",
                       "data.csv:1: error: header field 1: invalid UTF-8 (byte 0xB1); the data must be UTF-8\n"
                       "data.csv:1: note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                       "Chinese Windows is; read it as it is with --encoding GB18030, save it as \"CSV UTF-8\", "
                       "or convert it: iconv -f GB18030 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    assert_data_errors("\xB1\xED" "8-3 " "\x81\x30\x81\x30\n",
                       "data.csv:1: error: header field 1: invalid UTF-8 (byte 0xB1); the data must be UTF-8\n"
                       "data.csv:1: note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                       "Chinese Windows is; read it as it is with --encoding GB18030, save it as \"CSV UTF-8\", "
                       "or convert it: iconv -f GB18030 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    /* 鞍山 in GBK (B0 B0 C9 BD: 山 is valid UTF-8 too) alone in the
     * region field: GBK; a UTF-8 file's field that lost its first byte
     * (大连 without E5) is not */
    assert_data_errors("city,year,farmland_mu,park\n\xB0\xB0\xC9\xBD,2024,1,1\n",
                       "data.csv:2: error: column 'city': invalid UTF-8 (byte 0xB0); the data must be UTF-8\n"
                       "data.csv:2: note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                       "Chinese Windows is; read it as it is with --encoding GB18030, save it as \"CSV UTF-8\", "
                       "or convert it: iconv -f GB18030 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    /* a stray byte pair, then UTF-8 text on the line (大连): no guess */
    assert_data_errors("city,year,farmland_mu,park\n\xB4\xF3 \xE5\xA4\xA7\xE8\xBF\x9E,2024,1,1\n",
                       "data.csv:2: error: column 'city': invalid UTF-8 (byte 0xB4); the data must be UTF-8\n");
    /* one GBK-like pair alone, or ASCII after a stray byte: no guess */
    assert_data_errors("city,year,farmland_mu,park\n大连,2024,1,\xB4\xF3\n",
                       "data.csv:2: error: column 'park': invalid UTF-8 (byte 0xB4); the data must be UTF-8\n");
    assert_data_errors("city,year,farmland_mu,park\n\xE9t\xE9,2024,1,1\n",
                       "data.csv:2: error: column 'city': invalid UTF-8 (byte 0xE9); the data must be UTF-8\n");
    /* in the header (the 2nd field, 面积 in GBK), in a quoted field over
     * two lines (the line of the byte is given), in a row after rows
     * with errors of their own (not shown: the bad text is the error) */
    assert_data_errors("city,\xC3\xE6\xBB\xFD\n",
                       "data.csv:1: error: header field 2: invalid UTF-8 (byte 0xC3); the data must be UTF-8\n"
                       "data.csv:1: note: the file looks GBK (GB18030) encoded, as Excel's \"CSV\" on a "
                       "Chinese Windows is; read it as it is with --encoding GB18030, save it as \"CSV UTF-8\", "
                       "or convert it: iconv -f GB18030 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    assert_data_errors("city,year,farmland_mu,park\n大连,2024,\"1\n\xB4\",1\n",
                       "data.csv:3: error: column 'farmland_mu': invalid UTF-8 (byte 0xB4); the data must be UTF-8\n");
    assert_data_errors("city,year,farmland_mu,park\n大莲,2024,x,1\n大连,2025,1,1,\xB4\n",
                       "data.csv:3: error: field 5: invalid UTF-8 (byte 0xB4); the data must be UTF-8\n");
    /* UTF-16 by its byte-order mark, little and big endian (the text after
     * it is cut at its first NUL here, which the mark precedes) */
    assert_data_errors("\xFF\xFE" "c",
                       "data.csv:1: error: header field 1: invalid UTF-8 (byte 0xFF); the data must be UTF-8\n"
                       "data.csv:1: note: the file looks UTF-16 encoded; read it as it is with --encoding UTF-16, save it as "
                       "UTF-8, or convert it: "
                       "iconv -f UTF-16 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    assert_data_errors("\xFE\xFF",
                       "data.csv:1: error: header field 1: invalid UTF-8 (byte 0xFE); the data must be UTF-8\n"
                       "data.csv:1: note: the file looks UTF-16 encoded; read it as it is with --encoding UTF-16, save it as "
                       "UTF-8, or convert it: "
                       "iconv -f UTF-16 -t UTF-8 'data.csv' > 'data-utf8.csv'\n");
    /* Overlong and surrogate encodings are invalid too; a row the reading
     * never reaches (the header lacks the rules' columns) has no column. */
    assert_data_errors("\xC0\xAF\n", "data.csv:1: error: header field 1: invalid UTF-8 (byte 0xC0); the data must be UTF-8\n");
    assert_data_errors("a\n\n\xED\xA0\x80\n", "data.csv:3: error: invalid UTF-8 (byte 0xED); the data must be UTF-8\n");
    assert_data_errors("city\xE5\xA4", "data.csv:1: error: header field 1: invalid UTF-8 (byte 0xE5); the data must be UTF-8\n");
}
END_TEST

START_TEST(data_nul_byte)
{
    fixture f;
    fx_init(&f);
    static const char csv[] = "city,year,farmland_mu,park\n大连,2024,1\0,1\n";
    capture c;
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "data.csv:2: error: column 'farmland_mu': NUL byte in the data (the file must be UTF-8 text)\n");
    cap_free(&c);
    fx_free(&f);
}
END_TEST

START_TEST(data_every_error_of_a_row)
{
    assert_data_errors(
        "city,year,farmland_mu,park\n"
        "大莲,20x4,7.6.3,maybe\n",
        "data.csv:2: error: column 'city': unknown region '大莲'\n"
        "data.csv:2: note: did you mean '大连'?\n"
        "data.csv:2: error: column 'year': malformed year '20x4'\n"
        "data.csv:2: error: column 'farmland_mu': malformed number '7.6.3'\n"
        "data.csv:2: error: column 'park': malformed yes/no value 'maybe' (expected 1/0, yes/no, true/false or 是/否)\n");
}
END_TEST

START_TEST(data_too_many_errors)
{
    fixture f;
    fx_init(&f);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    for (int i = 0; i < 80; i++)
        fprintf(csv, "大连,%d,bad,1\n", 2000 + i);
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    char *errors;
    ck_assert_ptr_null(fx_load(&f, text, &errors));
    /* 50 errors, then one line saying the reading stopped. */
    int lines = 0;
    for (const char *s = errors; *s; s++)
        lines += *s == '\n';
    ck_assert_int_eq(lines, RT_MAX_ERRORS + 1);
    ck_assert_ptr_nonnull(strstr(errors, "data.csv:51: error: column 'farmland_mu': malformed number 'bad'\n"
                                         "data.csv: error: too many errors (stopped after 50)\n"));
    ck_assert_ptr_null(strstr(errors, "data.csv:52:"));
    free(errors);
    free(text);
    fx_free(&f);
}
END_TEST

START_TEST(data_file_errors)
{
    fixture f;
    fx_init(&f);
    capture c;
    ck_assert_ptr_null(rt_table_load(&f.p, "/nonexistent/x.csv", NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "planc: error: cannot read '/nonexistent/x.csv': No such file or directory\n");
    cap_free(&c);
    ck_assert_ptr_null(rt_table_load(&f.p, "/", NULL, cap_open(&c)));
    ck_assert_str_eq(cap_text(&c), "planc: error: cannot read '/': it is a directory\n");
    cap_free(&c);

    /* A real file reads as the same text in memory would. */
    char path[] = "/tmp/planc-test-csv-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    static const char text[] = "city,year,farmland_mu,park\n大连,2024,5,1\n";
    ck_assert_int_eq(write(fd, text, sizeof text - 1), (int)(sizeof text - 1));
    close(fd);
    rt_table *t = rt_table_load(&f.p, path, NULL, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "");
    cap_free(&c);
    ck_assert_ptr_nonnull(t);
    ck_assert_str_eq(rt_table_path(t), path);
    ck_assert_uint_eq(rt_table_nrows(t), 1);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[0], 5);
    rt_table_free(t);
    unlink(path);
    fx_free(&f);
}
END_TEST

/* --skip-unknown-regions: rows of undeclared regions are skipped whole
 * (their bad cells too), one warning counts them; a declared region's
 * errors are still errors.  --na: more texts that mean missing, in number
 * and yes/no columns, compared exactly. */
START_TEST(data_load_options)
{
    fixture f;
    fx_init(&f);
    static const char csv[] = "city,year,farmland_mu,park\n"
                              "大连,2024,5,-\n"
                              "北京市,2024,x,y\n"
                              "大连,2025,..,1\n"
                              "上海市,20x5,1,1\n"
                              "鞍山,2024,n/a,0\n";
    const char *na[] = {"-", ".."};
    rt_load_options o = {.skip_unknown_regions = true, .na = na, .nna = 2};
    capture c;
    rt_table *t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, &o, cap_open(&c));
    /* "n/a" is not one of the texts */
    ck_assert_ptr_null(t);
    ck_assert_str_eq(cap_text(&c), "data.csv:6: error: column 'farmland_mu': malformed number 'n/a'\n"
                                   "data.csv: note: 'n/a' (column 'farmland_mu') holds no number, and planc reads "
                                   "no mark as missing unless told (yearbooks differ: no data, zero, or '…' for a "
                                   "number below the table's unit). If it marks a missing value, add --na 'n/a' "
                                   "to the command\n");
    cap_free(&c);
    const char *na3[] = {"-", "..", "n/a"};
    o.na = na3;
    o.nna = 3;
    t = rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, &o, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "data.csv: warning: skipped 2 rows of regions the rules do not "
                                   "declare (the first at line 3: '北京市') [-Wskipped-regions]\n");
    cap_free(&c);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 3);
    long r = rt_table_find(t, FX_DL, 2024);
    fx_assert_same(rt_table_column(t, FX_FARMLAND)[r], 5);
    ck_assert(isnan(rt_table_column(t, FX_PARK)[r]));
    ck_assert(isnan(rt_table_column(t, FX_FARMLAND)[rt_table_find(t, FX_DL, 2025)]));
    rt_table_free(t);
    /* without the options, every one of those is an error */
    ck_assert_ptr_null(rt_table_parse(&f.p, "data.csv", csv, sizeof csv - 1, NULL, cap_open(&c)));
    ck_assert_ptr_nonnull(strstr(cap_text(&c), "data.csv:3: error: column 'city': unknown region '北京市'\n"));
    ck_assert_ptr_nonnull(strstr(cap_text(&c), "data.csv:2: error: column 'park': malformed yes/no value '-'"));
    cap_free(&c);
    fx_free(&f);
}
END_TEST

/* A lone byte 0xC2 followed by ASCII is not a C1 control: a message
 * writes the byte \xHH, as any byte of no valid UTF-8 sequence, and the b
 * (it took 'a\xC2b' for U+0062 and lost the b). */
START_TEST(escape_lone_c2)
{
    char o[64];
    csv_escape(o, "a\xC2" "b", 3, false);
    ck_assert_str_eq(o, "a\\xC2" "b");
    csv_escape(o, "a\xC2\x85" "b", 4, false);
    ck_assert_str_eq(o, "a\\u0085b");
}
END_TEST

/* What a message's command quotes for the shell reads back as the text:
 * ' as \', and the bytes a message escapes or a terminal cannot show as
 * $'\xHH' (a newline in a file's name was written '\n', two characters,
 * inside the quotes); a path starting with '-' gets ./ (iconv took
 * '-x.csv' for an option). */
START_TEST(shell_quoting)
{
    static const struct { const char *in, *out; } cases[] = {
        {"plain.csv", "'plain.csv'"},
        {"it's.csv", "'it'\\''s.csv'"},
        {"'", "\\'"},
        {"", "''"},
        {"a\nb.csv", "'a'$'\\x0A''b.csv'"},
        {"\x1B]0;t", "$'\\x1B'']0;t'"},
        {"a\xC2" "b", "'a'$'\\xC2''b'"},
        {"\xE2\x80\x8B" "x", "$'\\xE2\\x80\\x8B''x'"},
        {"甲市.csv\x01", "'甲市.csv'$'\\x01'"},
        {"\xB4\xCB", "$'\\xB4\\xCB'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *q = csv_shell_quoted(cases[i].in, strlen(cases[i].in), false);
        ck_assert_str_eq(q, cases[i].out);
        free(q);
    }
    char *q = csv_shell_quoted("ab\n", 3, true);
    ck_assert_str_eq(q, "'ab'$'\\x0A''...'");
    free(q);
    q = csv_shell_path("-x.csv");
    ck_assert_str_eq(q, "'./-x.csv'");
    free(q);
    q = csv_shell_path("x-.csv");
    ck_assert_str_eq(q, "'x-.csv'");
    free(q);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("reader");
    tcase_add_test(tc, csv_plain_fields);
    tcase_add_test(tc, csv_last_line_without_newline);
    tcase_add_test(tc, csv_crlf_and_cr);
    tcase_add_test(tc, csv_bom_skipped);
    tcase_add_test(tc, csv_quoted_fields);
    tcase_add_test(tc, csv_embedded_newlines_count_lines);
    tcase_add_test(tc, csv_blank_lines_skipped);
    tcase_add_test(tc, csv_text_after_closing_quote);
    tcase_add_test(tc, csv_unterminated);
    tcase_add_test(tc, csv_quoted_field_limit);
    tcase_add_test(tc, csv_windows_read_as_whole);
    tcase_add_test(tc, escape_lone_c2);
    tcase_add_test(tc, shell_quoting);
    suite_add_tcase(s, tc);
    tc = tcase_create("data");
    tcase_add_test(tc, data_reads_values);
    tcase_add_test(tc, data_header_only);
    tcase_add_test(tc, data_bool_spellings);
    tcase_add_test(tc, data_malformed_number);
    tcase_add_test(tc, data_malformed_bool);
    tcase_add_test(tc, data_unknown_region);
    tcase_add_test(tc, data_malformed_year);
    tcase_add_test(tc, data_duplicate_row);
    tcase_add_test(tc, data_missing_columns);
    tcase_add_test(tc, data_similar_header_column);
    tcase_add_test(tc, data_invisible_characters);
    tcase_add_test(tc, data_header_names_otherwise);
    tcase_add_test(tc, message_invalid_utf8);
    tcase_add_test(tc, data_header_looks_like_data);
    tcase_add_test(tc, data_title_above_header);
    tcase_add_test(tc, data_duplicate_header_column);
    tcase_add_test(tc, data_field_count);
    tcase_add_test(tc, data_footer_notes);
    tcase_add_test(tc, data_year_option);
    tcase_add_test(tc, data_allow_missing_columns);
    tcase_add_test(tc, data_wide_columns);
    tcase_add_test(tc, data_line_is_where_the_record_starts);
    tcase_add_test(tc, data_text_after_quote);
    tcase_add_test(tc, data_unterminated_quote);
    tcase_add_test(tc, data_empty_and_no_header);
    tcase_add_test(tc, data_not_utf8);
    tcase_add_test(tc, data_nul_byte);
    tcase_add_test(tc, data_every_error_of_a_row);
    tcase_add_test(tc, data_too_many_errors);
    tcase_add_test(tc, data_file_errors);
    tcase_add_test(tc, data_load_options);
    suite_add_tcase(s, tc);
    return fx_main(s);
}
