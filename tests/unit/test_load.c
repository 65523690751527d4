/* test_load.c — loading data fast without changing what is read: numbers
 * read exactly as strtod reads them (the exact fast path of table.c against
 * strtod on millions of generated decimals), the same forms rejected, and a
 * file read in blocks giving the same table and the same messages as the
 * same bytes read at once (records, quoted line breaks, UTF-8 sequences and
 * CRLF cut by the blocks; bad text late in the file reported alone), and
 * the same again when the records are parsed on several threads. */
#include <errno.h>
#include <unistd.h>

#include "csv.h"
#include "rt_fixture.h"

/* The fixture's region names, in declaration order (rt_fixture.h). */
static const char *const region_names[] = {"辽宁省", "沈阳", "大连", "鞍山", "北京"};
enum { NREGIONS = 5, NYEARS = 9999 };

/* xorshift64*: a small deterministic generator (the tests repeat). */
static uint64_t rnd(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(2685821657736338717);
}

/* Mantissas at the edges of the fast path: around 2^53 (9007199254740992),
 * 15 to 17 significant digits, more than 19 digits. */
static const char *const edge_digits[] = {
    "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994",
    "9007199254740995", "18014398509481984", "4503599627370497", "999999999999999",
    "1000000000000000", "9999999999999999", "123456789012345678901", "2251799813685248",
    "17976931348623157", "22250738585072014", "4940656458412465", "1",
};

/* Writes a random decimal number as strtod reads it into out (room for
 * 96 bytes): sign, leading zeros, 1..22 digits or an edge mantissa, the
 * point anywhere (or none), trailing zeros, an exponent. */
static void gen_number(uint64_t *s, char *out)
{
    char *o = out;
    uint64_t r = rnd(s);
    if (r % 3 == 1)
        *o++ = '-';
    else if (r % 3 == 2)
        *o++ = '+';
    char digits[64];
    size_t nd = 0;
    r = rnd(s);
    for (int z = r % 4 == 0 ? (int)(r >> 8) % 4 : 0; z > 0; z--)
        digits[nd++] = '0';
    r = rnd(s);
    if (r % 8 == 0) {
        const char *e = edge_digits[(r >> 8) % (sizeof edge_digits / sizeof *edge_digits)];
        memcpy(digits + nd, e, strlen(e));
        nd += strlen(e);
    } else {
        size_t n = 1 + (size_t)((r >> 8) % 22);
        for (size_t i = 0; i < n; i++)
            digits[nd++] = (char)('0' + rnd(s) % 10);
    }
    r = rnd(s);
    for (int z = r % 4 == 0 ? 1 + (int)(r >> 8) % 6 : 0; z > 0; z--)
        digits[nd++] = '0';
    /* The point: before digit `at` (0 = ".5", nd = "5."), or none. */
    size_t at = (size_t)(rnd(s) % (nd + 2));
    for (size_t i = 0; i < nd; i++) {
        if (i == at)
            *o++ = '.';
        *o++ = digits[i];
    }
    if (at == nd)
        *o++ = '.';
    r = rnd(s);
    if (r % 3 == 0) {
        *o++ = (r >> 8) % 2 ? 'e' : 'E';
        r = rnd(s);
        if (r % 3 == 1)
            *o++ = '-';
        else if (r % 3 == 2)
            *o++ = '+';
        if ((r >> 8) % 5 == 0)
            *o++ = '0';
        o += sprintf(o, "%d", (int)((r >> 16) % 40));
    }
    *o = '\0';
}

/* Loads `n` numbers (n <= NREGIONS * NYEARS) as the farmland_mu cells of
 * rows in table order, with spaces or tabs around some; checks each value
 * read is bit for bit strtod's. */
static void check_numbers(char (*nums)[96], size_t n)
{
    fixture f;
    fx_init(&f);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    for (size_t i = 0; i < n; i++)
        fprintf(csv, "%s,%zu,%s%s%s,1\n", region_names[i / NYEARS], i % NYEARS + 1,
                i % 7 == 0 ? " " : "", nums[i], i % 11 == 0 ? "\t" : "");
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    rt_table *t = fx_load(&f, text, NULL);
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), n);
    const double *col = rt_table_column(t, FX_FARMLAND);
    for (size_t i = 0; i < n; i++) {
        double want = strtod(nums[i], NULL);
        ck_assert_msg(memcmp(&col[i], &want, sizeof want) == 0, "'%s' read as %a, strtod gives %a",
                      nums[i], col[i], want);
    }
    rt_table_free(t);
    free(text);
    fx_free(&f);
}

START_TEST(numbers_read_as_strtod)
{
    enum { PER_TABLE = NREGIONS * NYEARS, TABLES = 42 }; /* about 2.1 million numbers */
    char (*nums)[96] = malloc(PER_TABLE * sizeof *nums);
    ck_assert_ptr_nonnull(nums);
    uint64_t seed = UINT64_C(0x9E3779B97F4A7C15);
    for (int k = 0; k < TABLES; k++) {
        for (size_t i = 0; i < PER_TABLE; i++)
            gen_number(&seed, nums[i]);
        check_numbers(nums, PER_TABLE);
    }
    free(nums);
}
END_TEST

START_TEST(numbers_written_by_hand)
{
    static const char *const forms[] = {
        "0", "-0", "+0", "0.0", "-0.0", "-0e5", "0e-30", "00000", ".5", "5.", "+.5e-3", "1.e5",
        "1E+05", "1e-0", "0.1", "0.2", "0.3", "1.1", "2.675", "123456789012345",
        "1234567890123456", "12345678901234567", "9007199254740993", "9007199254740993e-5",
        "900719925474099.3", "0.000000000000000000001", "1e22", "1e23", "9e22", "1e-22",
        "4.35", "600.63", "759.78", "841.74", "1.7976931348623157e308", "2.2250738585072014e-308",
        "4.9e-324", "123.456e-7", "000123.4500", "-1e3", "7603.5", "100e-2", "0.0000000001e10",
    };
    size_t n = sizeof forms / sizeof *forms;
    char (*nums)[96] = malloc(n * sizeof *nums);
    ck_assert_ptr_nonnull(nums);
    for (size_t i = 0; i < n; i++)
        strcpy(nums[i], forms[i]);
    check_numbers(nums, n);
    free(nums);
}
END_TEST

START_TEST(numbers_malformed_as_before)
{
    /* Forms next to the fast path's that strtod does not read whole. */
    static const char *const bad[] = {"1e", "1e+", "1E-", ".", "+", "-.", "e5", ".e5", "1.2.3",
                                      "1e5.5", "--1", "+-1", "1e++5", "1-", "1e5e5", "1..2"};
    fixture f;
    fx_init(&f);
    capture c;
    FILE *csv = cap_open(&c), *want = NULL;
    capture w;
    want = cap_open(&w);
    fputs("city,year,farmland_mu,park\n", csv);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        fprintf(csv, "大连,%zu,%s,1\n", 2000 + i, bad[i]);
        fprintf(want, "data.csv:%zu: error: column 'farmland_mu': malformed number '%s'\n", i + 2, bad[i]);
    }
    fputs("大连,1,1e999,1\n大连,2,-1e400,1\n", csv);
    fprintf(want, "data.csv:%zu: error: column 'farmland_mu': number '1e999' is out of range\n"
                  "data.csv:%zu: error: column 'farmland_mu': number '-1e400' is out of range\n",
            sizeof bad / sizeof *bad + 2, sizeof bad / sizeof *bad + 3);
    /* the cells without a digit may be marks of missing values: each
     * distinct one (four at most) gets its --na, the first its map ('e5'
     * has a letter: no mark) */
    fputs("data.csv: note: '.' (column 'farmland_mu'), '+' and '-.' hold no number, and planc reads no "
          "mark as missing unless told (yearbooks differ: no data, zero, or '…' for a number below "
          "the table's unit). If they mark missing values, add --na '.' --na '+' --na '-.' "
          "to the command; if '.' stands for 0 in column 'farmland_mu', say so in the rules: map "
          "年鉴符号 { \".\" = 0 } and, on its indicator, column \"farmland_mu\" as 年鉴符号\n",
          want);
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    char *errors;
    ck_assert_ptr_null(fx_load(&f, text, &errors));
    fx_assert_text(errors, cap_text(&w));
    cap_free(&w);
    free(errors);
    free(text);
    fx_free(&f);
}
END_TEST

/* ---- a file read in blocks reads as the same bytes in memory ---- */

/* Asserts tables a and b (either may be NULL) hold the same rows. */
static void assert_same_table(const fixture *f, const rt_table *a, const rt_table *b)
{
    ck_assert((a == NULL) == (b == NULL));
    if (!a)
        return;
    size_t rows = rt_table_nrows(a);
    ck_assert_uint_eq(rows, rt_table_nrows(b));
    for (size_t r = 0; r < rows; r++) {
        ck_assert_uint_eq(rt_table_region(a, r), rt_table_region(b, r));
        ck_assert_int_eq(rt_table_year(a, r), rt_table_year(b, r));
        ck_assert_uint_eq(rt_table_line(a, r), rt_table_line(b, r));
    }
    for (uint32_t k = 0; k < f->p.ncolumns; k++)
        ck_assert(memcmp(rt_table_column(a, k), rt_table_column(b, k), rows * sizeof(double)) == 0);
}

/* Loads `text` (n bytes) from a file and from memory, each on one thread
 * and on 2, 3 and 7 (rt_load_options.threads; `opts` gives the rest, or
 * NULL); asserts the messages are the same and, when `want` is not NULL,
 * are `want`; and that all the tables are the same.  Returns the messages
 * (malloc'd). */
static char *load_all(fixture *f, const char *text, size_t n, const char *want,
                      const rt_load_options *opts)
{
    char path[] = "/tmp/planc-test-load-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    for (size_t done = 0; done < n;) {
        ssize_t w = write(fd, text + done, n - done);
        ck_assert_msg(w > 0, "write: %s", strerror(errno));
        done += (size_t)w;
    }
    close(fd);
    static const unsigned threads[] = {1, 2, 3, 7};
    rt_table *first = NULL;
    char *errors = NULL;
    for (size_t i = 0; i < 2 * sizeof threads / sizeof *threads; i++) {
        rt_load_options o = opts ? *opts : (rt_load_options){0};
        o.threads = threads[i / 2];
        capture c;
        rt_table *t = i % 2 ? rt_table_parse(&f->p, path, text, n, &o, cap_open(&c))
                            : rt_table_load(&f->p, path, &o, cap_open(&c));
        if (i == 0) {
            errors = strdup(cap_text(&c));
            first = t;
        } else {
            ck_assert_msg(strcmp(cap_text(&c), errors) == 0, "%s on %u threads: %s\nagainst: %s",
                          i % 2 ? "memory" : "file", o.threads, cap_text(&c), errors);
            assert_same_table(f, first, t);
            rt_table_free(t);
        }
        cap_free(&c);
    }
    unlink(path);
    if (want)
        fx_assert_text(errors, want);
    rt_table_free(first);
    return errors;
}

/* load_all with no options. */
static char *load_both(fixture *f, const char *text, size_t n, const char *want)
{
    return load_all(f, text, n, want, NULL);
}

/* The text a capture holds (malloc'd, NUL-terminated), its length in
 * *n; frees the capture. */
static char *take_text(capture *c, size_t *n)
{
    const char *all = cap_text(c); /* sets c->len */
    char *text = malloc(c->len + 1);
    memcpy(text, all, c->len + 1);
    *n = c->len;
    cap_free(c);
    return text;
}

/* Data over several blocks (a block is 256 KiB): `pad` bytes in the first
 * line move every later byte, so over pads 0..7 the block ends fall on
 * every kind of byte; rows use CRLF, 3-byte region names, quoted notes
 * with line breaks and doubled quotes, and one note longer than a block.
 * `late` (may be "") is written after the rows.  Returns the text (malloc'd)
 * and its length in *n; *lines is the line where `late` starts. */
static char *big_csv(int pad, const char *late, size_t *n, unsigned *lines)
{
    capture c;
    FILE *csv = cap_open(&c);
    unsigned line = 1;
    fprintf(csv, "city,year,farmland_mu,park,note%.*s\r\n", pad, "xxxxxxxx");
    for (int y = 1; y <= 4000; y++) {
        for (int g = 0; g < NREGIONS; g++) {
            line++;
            if (y == 2000 && g == 2) {
                fprintf(csv, "%s,%d,%d.25,是,\"", region_names[g], y, y);
                for (int k = 0; k < 40000; k++)
                    fputs("长文本\"\"x\r\n", csv); /* 14 bytes, one line break */
                fputs("\"\r\n", csv);
                line += 40000;
            } else if ((y + g) % 3 == 0) {
                fprintf(csv, "%s,%d,\" %d.5 \",yes,\"a \"\"q\"\"\r\nb\"\r\n", region_names[g], y, y * g);
                line++;
            } else {
                fprintf(csv, "%s,%d,%d.%d,0,沈阳市\r\n", region_names[g], y, y, g);
            }
        }
    }
    *lines = line + 1; /* where `late` starts */
    fputs(late, csv);
    return take_text(&c, n);
}

START_TEST(blocks_read_as_memory)
{
    fixture f;
    fx_init(&f);
    for (int pad = 0; pad < 8; pad++) {
        size_t n;
        unsigned lines;
        char *text = big_csv(pad, "", &n, &lines);
        ck_assert_uint_gt(n, 3u << 18);
        free(load_both(&f, text, n, ""));
        free(text);
    }
    fx_free(&f);
}
END_TEST

START_TEST(blocks_last_record_without_line_break)
{
    fixture f;
    fx_init(&f);
    for (int pad = 0; pad < 4; pad++) {
        size_t n;
        unsigned lines;
        char *text = big_csv(pad, "大连,9999,1.5,1,\"end\"", &n, &lines);
        free(load_both(&f, text, n, ""));
        free(text);
    }
    fx_free(&f);
}
END_TEST

START_TEST(blocks_bad_text_late_is_alone)
{
    /* Data errors early, bad text in a later block: only the bad text is
     * reported, at its line. */
    fixture f;
    fx_init(&f);
    static const char *const late[] = {"大连,9999,1,1,\xB4\xF3\n", "大连,9999,1,1,a\0b\n",
                                       "大连,9999,1,1,\xE5\xA4"};
    static const char *const what[] = {"invalid UTF-8 (byte 0xB4); the data must be UTF-8",
                                       "NUL byte in the data (the file must be UTF-8 text)",
                                       "invalid UTF-8 (byte 0xE5); the data must be UTF-8"};
    static const size_t late_len[] = {19, 20, 18};
    for (int k = 0; k < 3; k++) {
        size_t n;
        unsigned lines;
        char *text = big_csv(k, "", &n, &lines);
        /* 60 malformed cells first: more than RT_MAX_ERRORS. */
        char *bad = malloc(n + late_len[k] + 1);
        memcpy(bad, text, n);
        for (size_t i = 40, seen = 0; seen < 60; i++)
            if (bad[i] == '.' && bad[i - 1] >= '0' && bad[i - 1] <= '9') {
                bad[i] = 'x';
                seen++;
            }
        memcpy(bad + n, late[k], late_len[k]);
        char want[200];
        snprintf(want, sizeof want, "%s:%u: error: %s\n", "PATH", lines, what[k]);
        char *errors = load_both(&f, bad, n + late_len[k], NULL);
        const char *colon = strchr(errors, ':');
        ck_assert_ptr_nonnull(colon);
        ck_assert_str_eq(colon, strchr(want, ':'));
        free(errors);
        free(bad);
        free(text);
    }
    fx_free(&f);
}
END_TEST

START_TEST(blocks_cut_sequences)
{
    /* A UTF-8 sequence, valid or not, and a CRLF cut by the end of the
     * first block (256 KiB) at every offset: read as in memory. */
    enum { BLOCK = 1 << 18 };
    static const char *const snippets[] = {
        "\xE5\n", "\xE5\xA4\n", "\xF0\x9F\x98\n", "\xE5" "a", "\xC3\r\n", "\xE5\xA4\xA7\r\n",
        "\xF0\x9F\x98\x80\n", "\r\n", "\xC3\xA9\r", "\xED\xA0\x80\n",
    };
    static const bool bad[] = {true, true, true, true, true, false, false, false, false, true};
    fixture f;
    fx_init(&f);
    for (size_t k = 0; k < sizeof snippets / sizeof *snippets; k++)
        for (int d = 1; d <= 6; d++) {
            capture c;
            FILE *csv = cap_open(&c);
            fputs("city,year,farmland_mu,park,note\n", csv);
            unsigned line = 1;
            long len = 32;
            for (int y = 1; len < BLOCK - 200; y++) {
                len += fprintf(csv, "%s,%d,%d.5,1,x\n", region_names[1 + y % 4], 1 + y / 4, y);
                line++;
            }
            len += fprintf(csv, "辽宁省,1,1,1,");
            line++;
            for (; len < BLOCK - d; len++)
                fputc('a', csv);
            fprintf(csv, "%s\n辽宁省,2,1,1,x\n", snippets[k]);
            const char *text = cap_text(&c);
            char *errors = load_both(&f, text, c.len, NULL);
            if (bad[k]) {
                char want[160];
                snprintf(want, sizeof want, ":%u: error: column 'note': invalid UTF-8 (byte 0x%02X); the data must be UTF-8\n",
                         line, (unsigned char)snippets[k][0]);
                ck_assert_str_eq(strchr(errors, ':'), want);
            } else {
                ck_assert_str_eq(errors, "");
            }
            free(errors);
            cap_free(&c);
        }
    fx_free(&f);
}
END_TEST

START_TEST(blocks_unterminated_late)
{
    fixture f;
    fx_init(&f);
    size_t n;
    unsigned lines;
    char *text = big_csv(3, "大连,9999,1,1,\"open\r\n", &n, &lines);
    char *errors = load_both(&f, text, n, NULL);
    char want[160];
    snprintf(want, sizeof want, ":%u: error: unterminated quoted field: the quote opened at line %u, "
             "character 13 (column 'notexxx') never closes\n", lines, lines);
    ck_assert_str_eq(strchr(errors, ':'), want);
    free(errors);
    free(text);
    fx_free(&f);
}
END_TEST

/* An unterminated quoted field after empty lines names the record's own
 * line on every number of threads (the parsing threads had named the line
 * where the reading of the record started, the first empty one). */
START_TEST(threads_unterminated_after_empty_lines)
{
    fixture f;
    fx_init(&f);
    static const char text[] = "city,year,farmland_mu,park\n大连,2024,1,1\n\n\r\n大连,2025,\"1\n";
    char *errors = load_both(&f, text, strlen(text), NULL);
    ck_assert_str_eq(strchr(errors, ':'), ":5: error: unterminated quoted field: the quote opened at line 5, "
                                          "character 9 (column 'farmland_mu') never closes\n");
    free(errors);
    fx_free(&f);
}
END_TEST

/* A stray quote near the start of a large file: the error comes once
 * CSV_QUOTED_MAX bytes of the field are read (not at the file's end,
 * which the field would otherwise carry on to in memory), the same on
 * every number of threads, at the quote's line and character.  A quoted
 * field of CSV_QUOTED_MAX bytes closed is read as any. */
START_TEST(blocks_quote_too_long_early)
{
    fixture f;
    fx_init(&f);
    for (int closed = 0; closed <= 1; closed++) {
        capture c;
        FILE *csv = cap_open(&c);
        fputs("city,year,farmland_mu,park,note\n辽宁省,1,5,1,\n辽宁省,2,6,1,\"", csv);
        if (closed) {
            for (size_t i = 0; i < CSV_QUOTED_MAX - 1; i++)
                fputc(i % 50 == 49 ? '\n' : '7', csv);
            fputs("7\"\n", csv);
        }
        for (int y = 2; y < 4 * NYEARS; y++)
            fprintf(csv, "%s,%d,%d.5,1,a note of forty bytes to fill the file\n",
                    region_names[1 + y / NYEARS], 1 + y % NYEARS, y);
        const char *text = cap_text(&c);
        ck_assert_uint_gt(c.len, 3 * CSV_QUOTED_MAX / 2);
        char *errors = load_both(&f, text, c.len, NULL);
        if (closed)
            ck_assert_str_eq(errors, "");
        else
            ck_assert_str_eq(strchr(errors, ':'),
                             ":3: error: quoted field too long: the quote opened at line 3, character 11 "
                             "(column 'note') has not closed within 1024 KiB, the most a quoted "
                             "field holds (is its closing quote missing?)\n");
        free(errors);
        cap_free(&c);
    }
    fx_free(&f);
}
END_TEST

/* Bad text in a record that goes on past the block (a line of NUL bytes;
 * /dev/zero, which never ends): the reading stops there, with the error
 * at the record's line and column, instead of reading on for its end. */
START_TEST(blocks_bad_text_in_an_endless_record)
{
    fixture f;
    fx_init(&f);
    static const char *const bad[] = {"a\0b", "\xB4\xF3"};
    static const char *const what[] = {"NUL byte in the data (the file must be UTF-8 text)",
                                       "invalid UTF-8 (byte 0xB4); the data must be UTF-8"};
    for (int k = 0; k < 2; k++) {
        capture c;
        FILE *csv = cap_open(&c);
        fputs("city,year,farmland_mu,park,note\n辽宁省,1,1,1,x\n辽宁省,2,1,1,", csv);
        fwrite(bad[k], 1, k == 0 ? 3 : 2, csv);
        for (int i = 0; i < 3 << 20; i++)
            fputc(k == 0 ? '\0' : 'a', csv);
        char want[160];
        snprintf(want, sizeof want, ":3: error: column 'note': %s\n", what[k]);
        const char *text = cap_text(&c);
        char *errors = load_both(&f, text, c.len, NULL);
        ck_assert_str_eq(strchr(errors, ':'), want);
        free(errors);
        cap_free(&c);
    }
    capture c;
    ck_assert_ptr_null(rt_table_load(&f.p, "/dev/zero", NULL, cap_open(&c)));
    fx_assert_text(cap_text(&c), "/dev/zero:1: error: header field 1: NUL byte in the data (the file must "
                                 "be UTF-8 text)\n");
    cap_free(&c);
    fx_free(&f);
}
END_TEST

START_TEST(blocks_small_files)
{
    /* Files shorter than a block, down to nothing. */
    fixture f;
    fx_init(&f);
    static const char *const empty[] = {"", "\xEF\xBB\xBF"};
    for (int k = 0; k < 2; k++) {
        char *errors = load_both(&f, empty[k], strlen(empty[k]), NULL);
        ck_assert_ptr_nonnull(strstr(errors, ": error: the file is empty (it needs a header row naming its columns)\n"));
        free(errors);
    }
    static const char *const small[] = {"city,year,farmland_mu,park", "\r\n\ncity,year,farmland_mu,park\r",
                                        "city,year,farmland_mu,park\r\n大连,2024,1,1\r"};
    for (int k = 0; k < 3; k++)
        free(load_both(&f, small[k], strlen(small[k]), ""));
    fx_free(&f);
}
END_TEST

/* ---- records parsed on several threads are entered in file order ---- */

/* A file of about 2.3 MB (several rounds of several ranges when read on
 * threads) whose odd records come every `every` rows, chosen by `seed`:
 * malformed cells, unknown regions, duplicates, rows of the wrong width,
 * text after a closing quote, blank lines and lines of commas, lone CR
 * line ends, quoted line breaks, a one-field line among the rows, and a
 * footer of notes.  Returns the text (malloc'd), its length in *n. */
static char *odd_csv(uint64_t seed, int every, size_t *n)
{
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park,note\n", csv);
    for (int y0 = 1; y0 <= 4999; y0++)
        for (int g = 0; g < 2 * NREGIONS; g++) {
            /* the same keys again, 5000 years on: a second file's rows */
            int y = g >= NREGIONS ? y0 + 5000 : y0;
            uint64_t r = rnd(&seed);
            const char *name = region_names[g % NREGIONS];
            if (r % (uint64_t)every != 0) {
                fprintf(csv, "%s,%d,%d.%d,%s,note %d 用于填充的说明文字\n", name, y, y, g, g % 2 ? "yes" : "0", y);
                continue;
            }
            switch ((r >> 32) % 12) {
            case 0: fprintf(csv, "%s,%d,%dx,1,\n", name, y, y); break;
            case 1: fprintf(csv, "铁岭,%d,1,1,\n", y); break;
            case 2: fprintf(csv, "%s,%d,1,1,\n%s,%d,2,1,\n", name, y, name, y); break;
            case 3: fprintf(csv, "%s,%d,1,1\n", name, y); break;
            case 4: fprintf(csv, "%s,%d,1,1,\"q\"x\n", name, y); break;
            case 5: fputs("\n,,,,\n\r\n", csv); fprintf(csv, "%s,%d,5,1,\n", name, y); break;
            case 6: fprintf(csv, "%s,%d,6,1,\r", name, y); break;
            case 7: fprintf(csv, "%s,%d,7,1,\"a\nb\r\nc\"\n", name, y); break;
            case 8: fputs("数据来源：统计年鉴\n", csv); break;
            case 9: fprintf(csv, "%s,%d,,maybe,\n", name, y); break;
            case 10: fprintf(csv, "%s,%d,1e999,1,\n", name, y); break;
            default: fprintf(csv, "\"%s\",\"%d\",\" 11 \",\"1\",\"\"\"\"\n", name, y); break;
            }
        }
    fputs("Source: made up\n注：单位为亩\n", csv);
    return take_text(&c, n);
}

START_TEST(threads_read_as_one)
{
    fixture f;
    fx_init(&f);
    /* few odd records (every message shown), many (the reading stops at
     * RT_MAX_ERRORS), none but the footer */
    static const int every[] = {4000, 50, 1000000000};
    for (uint64_t seed = 1; seed <= 3; seed++)
        for (size_t k = 0; k < sizeof every / sizeof *every; k++) {
            size_t n;
            char *text = odd_csv(seed * 7919, every[k], &n);
            ck_assert_uint_gt(n, 2u << 20);
            free(load_both(&f, text, n, NULL));
            rt_load_options skip = {.skip_unknown_regions = true};
            free(load_all(&f, text, n, NULL, &skip));
            free(text);
        }
    fx_free(&f);
}
END_TEST

/* A file whose lines end in lone CRs (old Mac files) is read in rounds
 * as one of LFs is: the same tables and messages on every number of
 * threads, in about the time of one thread.  The rounds were split at LFs
 * only, so each of its records was read alone after a search of the whole
 * window: minutes for these 4 MB, past this test case's time limit. */
START_TEST(threads_lone_cr_lines)
{
    fixture f;
    fx_init(&f);
    static const int every[] = {1000000000, 50};
    for (size_t k = 0; k < sizeof every / sizeof *every; k++) {
        size_t n;
        char *text = odd_csv(7919, every[k], &n);
        for (size_t i = 0; i < n; i++)
            if (text[i] == '\n')
                text[i] = '\r';
        free(load_both(&f, text, n, NULL));
        free(text);
    }
    fx_free(&f);
}
END_TEST

START_TEST(threads_skip_unknown_regions)
{
    /* Rows of regions the rules do not declare (a national file), skipped
     * on any number of threads with the same warning. */
    fixture f;
    fx_init(&f);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    for (int y = 1; y <= 60000; y++)
        fprintf(csv, "%s,%d,%d,1\n", y % 3 ? "铁岭" : region_names[y / 3 % NREGIONS], y / 15 + 1, y);
    rt_load_options skip = {.skip_unknown_regions = true};
    const char *text = cap_text(&c); /* sets c.len */
    char *errors = load_all(&f, text, c.len, NULL, &skip);
    ck_assert_msg(strstr(errors, "warning: skipped 40000 rows of regions the rules do not declare "
                                 "(the first at line 2: '铁岭')"), "%s", errors);
    free(errors);
    cap_free(&c);
    fx_free(&f);
}
END_TEST

START_TEST(threads_text_maps)
{
    /* Columns read through text maps: the same table and the same
     * messages on any number of threads, a text the map lacks an error
     * (said by the one-thread code), or with `else missing` no error. */
    static const char *const texts[] = {"—", "..", "高", "中", "低"};
    static const double values[] = {NAN, NAN, 300, 200, 100};
    static const char *const yes_texts[] = {"达标", "未达标"};
    static const double yes_values[] = {1, 0};
    fixture f;
    fx_init(&f);
    f.p.columns[FX_PARK].map = fx_map(&f, "是否", yes_texts, yes_values, 2, false);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    uint64_t seed = 99;
    for (int y = 1; y <= 9999; y++)
        for (int g = 0; g < NREGIONS; g++) {
            uint64_t r = rnd(&seed);
            const char *farm = r % 7 == 0 ? "—" : r % 7 == 1 ? " .. " : r % 7 == 2 ? "高" : r % 7 == 3 ? "低" : NULL;
            const char *park = (r >> 8) % 3 == 0 ? "达标" : (r >> 8) % 3 == 1 ? "未达标" : "yes";
            if (y % 2500 == 0 && g == 1)
                farm = "不详"; /* in no map: lines 12498, 24998, ... */
            if (farm)
                fprintf(csv, "%s,%d,%s,%s\n", region_names[g], y, farm, park);
            else
                fprintf(csv, "%s,%d,%d.5,%s\n", region_names[g], y, (int)(r % 1000), park);
        }
    const char *text = cap_text(&c); /* sets c.len */
    ck_assert_uint_gt(c.len, 1u << 20);
    f.p.columns[FX_FARMLAND].map = fx_map(&f, "等级", texts, values, 5, false);
    char *errors = load_both(&f, text, c.len, NULL);
    ck_assert_msg(strstr(errors, ":12498: error: column 'farmland_mu': '不详' is neither a number nor a text of "
                                 "map '等级'\n"), "%s", errors);
    /* its note named as it is (the file's name and the line) */
    ck_assert_msg(strstr(errors, ":12498: note: map '等级' reads '—', '..', '高', '中', '低'; "), "%s", errors);
    ck_assert_msg(strstr(errors, ":24998: error: column 'farmland_mu': '不详' is neither") != NULL, "%s", errors);
    free(errors);
    f.p.columns[FX_FARMLAND].map = fx_map(&f, "等级", texts, values, 5, true);
    errors = load_both(&f, text, c.len, "");
    free(errors);
    cap_free(&c);
    fx_free(&f);
}
END_TEST

START_TEST(threads_na_number)
{
    /* --na texts that are numbers (--na -9999, --na 0) in most records of
     * a file read in several rounds: the note counting the cells they
     * made missing is the same on every number of threads, and the
     * records stay on the parsing threads (they were all read again on
     * one thread, to be counted there: a file of many -9999 cells lost
     * its threads).  Some cells quoted, some writing the number otherwise
     * (-9999.0, -9.999e3: missing too, the number being the same), a
     * footer of notes after them. */
    fixture f;
    fx_init(&f);
    capture c;
    FILE *csv = cap_open(&c);
    fputs("city,year,farmland_mu,park\n", csv);
    uint64_t seed = 4242;
    size_t farm_na = 0, park_na = 0;
    for (int y = 1; y <= 9999; y++)
        for (int g = 0; g < NREGIONS; g++) {
            uint64_t r = rnd(&seed);
            const char *park = (r >> 8) % 3 == 0 ? "0" : "yes";
            park_na += (r >> 8) % 3 == 0;
            if (r % 4 == 0)
                fprintf(csv, "%s,%d,%d.5,%s\n", region_names[g], y, (int)(r % 1000), park);
            else
                fprintf(csv, "%s,%d,%s,%s\n", region_names[g], y,
                        r % 4 == 1 ? "\"-9999\"" : (r >> 4) % 4 == 0 ? "-9999.0"
                                                 : (r >> 4) % 4 == 1 ? "-9.999e3" : "-9999", park);
            farm_na += r % 4 != 0;
        }
    fputs("数据来源：统计年鉴\n", csv);
    const char *text = cap_text(&c); /* sets c.len */
    ck_assert_uint_gt(c.len, 1u << 20);
    static const char *const na[] = {"-9999", "0"};
    rt_load_options o = {.na = na, .nna = 2};
    char *errors = load_all(&f, text, c.len, NULL, &o);
    char want[512];
    snprintf(want, sizeof want, "note: --na '-9999' is a number, and %zu cells with that value were read as "
             "missing values, not as that number: %zu in column 'farmland_mu'; if '-9999' is a value in this data, "
             "not a placeholder for a missing one, leave out --na '-9999'\n", farm_na, farm_na);
    ck_assert_msg(strstr(errors, want), "%s\nwanted: %s", errors, want);
    snprintf(want, sizeof want, "note: --na '0' is a number, and %zu cells with that value were read as "
             "missing values, not as that number: %zu in column 'park'; ", park_na, park_na);
    ck_assert_msg(strstr(errors, want), "%s\nwanted: %s", errors, want);
    free(errors);
    /* on threads, only the footer's note is read again */
    o.threads = 2;
    capture e;
    rt_table *t = rt_table_parse(&f.p, "na.csv", text, c.len, &o, cap_open(&e));
    ck_assert_ptr_nonnull(t);
    ck_assert_uint_eq(rt_table_nrows(t), 9999u * NREGIONS);
    ck_assert_uint_le(rt_table_reread(t), 1);
    rt_table_free(t);
    cap_free(&e);
    cap_free(&c);
    fx_free(&f);
}
END_TEST

START_TEST(threads_combined_rows)
{
    /* A column read with an aggregate: records of one region and year are
     * combined into one row (key_row, store), not entered as new rows
     * straight away.  Each key comes once in the years' order, and again
     * for a third of them (next to the first or far from it, so that the
     * rows' hash is built); in a second file a park cell now and then
     * disagrees (an error); and the odd records of odd_csv.  The same
     * table and messages on any number of threads. */
    fixture f;
    fx_init(&f);
    f.p.columns[FX_FARMLAND].agg = IR_AGG_MEAN;
    for (int disagree = 0; disagree < 2; disagree++) {
        capture c;
        FILE *csv = cap_open(&c);
        fputs("city,year,farmland_mu,park\n", csv);
        uint64_t seed = 5;
        for (int pass = 0; pass < 2; pass++)
            for (int y = 1; y <= 9999; y++)
                for (int g = 0; g < NREGIONS; g++) {
                    uint64_t r = rnd(&seed);
                    if (pass == 1 && r % 3 != 0)
                        continue;
                    int n = pass == 0 && r % 5 == 0 ? 2 : 1; /* a second record next to the first */
                    for (int i = 0; i < n; i++)
                        fprintf(csv, "%s,%d,%d.5,%s\n", region_names[g], y, (int)(r % 1000) + i,
                                disagree && pass == 1 && r % 997 == 0 ? "0" : "1");
                }
        const char *text = cap_text(&c); /* sets c.len */
        ck_assert_uint_gt(c.len, 1u << 20);
        /* without disagreements: no message, and the tables (the means)
         * compared */
        char *errors = load_both(&f, text, c.len, disagree ? NULL : "");
        if (disagree)
            ck_assert_msg(strstr(errors, "differs from 1 in an earlier row") != NULL, "%s", errors);
        free(errors);
        cap_free(&c);
    }
    for (uint64_t seed2 = 1; seed2 <= 2; seed2++) {
        size_t n;
        char *odd = odd_csv(seed2 * 104729, 50, &n);
        free(load_both(&f, odd, n, NULL));
        free(odd);
    }
    fx_free(&f);
}
END_TEST

START_TEST(check_counts_lines_as_read)
{
    /* The text check counts lines eight bytes at a time where the bytes
     * are ASCII without control characters but LF, and byte by byte
     * elsewhere: lines of every length (so the line breaks fall on every
     * byte of a word), tabs, lone CRs, CRLFs and CJK text among them, then
     * invalid UTF-8: the error is at its line, as the reader counts. */
    fixture f;
    fx_init(&f);
    for (int pad = 0; pad < 8; pad++) {
        capture c;
        FILE *csv = cap_open(&c);
        fprintf(csv, "city,year,farmland_mu,park,note%.*s\n", pad, "xxxxxxxx");
        unsigned line = 1;
        uint64_t seed = 77 + (uint64_t)pad;
        for (int y = 1; y <= 30000; y++) {
            uint64_t r = rnd(&seed);
            const char *ends[] = {"\n", "\n", "\n", "\r\n", "\r"};
            const char *notes[] = {"", "a", "tab\there", "长", "x y z w"};
            fprintf(csv, "%s,%d,%d.%d,1,%s%.*s%s", region_names[y % NREGIONS], y / NREGIONS + 1, y, (int)(r % 100),
                    notes[(r >> 8) % 5], (int)((r >> 16) % 9), "012345678", ends[(r >> 24) % 5]);
            line++;
        }
        fputs("大连,9999,1,1,\xB4\n", csv);
        line++;
        const char *text = cap_text(&c); /* sets c.len */
        char want[160];
        snprintf(want, sizeof want, ":%u: error: column 'note%.*s': invalid UTF-8 (byte 0xB4); the data must be UTF-8\n",
                 line, pad, "xxxxxxxx");
        char *errors = load_both(&f, text, c.len, NULL);
        ck_assert_str_eq(strchr(errors, ':'), want);
        free(errors);
        cap_free(&c);
    }
    fx_free(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("load");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, numbers_read_as_strtod);
    tcase_add_test(tc, numbers_written_by_hand);
    tcase_add_test(tc, numbers_malformed_as_before);
    tcase_add_test(tc, blocks_read_as_memory);
    tcase_add_test(tc, blocks_last_record_without_line_break);
    tcase_add_test(tc, blocks_bad_text_late_is_alone);
    tcase_add_test(tc, blocks_cut_sequences);
    tcase_add_test(tc, blocks_unterminated_late);
    tcase_add_test(tc, threads_unterminated_after_empty_lines);
    tcase_add_test(tc, blocks_quote_too_long_early);
    tcase_add_test(tc, blocks_bad_text_in_an_endless_record);
    tcase_add_test(tc, blocks_small_files);
    tcase_add_test(tc, threads_read_as_one);
    tcase_add_test(tc, threads_skip_unknown_regions);
    tcase_add_test(tc, threads_text_maps);
    tcase_add_test(tc, threads_combined_rows);
    tcase_add_test(tc, threads_na_number);
    tcase_add_test(tc, check_counts_lines_as_read);
    suite_add_tcase(s, tc);
    /* seconds when the rounds split at lone CRs (20 s under ASan), many
     * minutes when they did not (see the test) */
    TCase *cr = tcase_create("lone-cr");
    tcase_set_timeout(cr, 150);
    tcase_add_test(cr, threads_lone_cr_lines);
    suite_add_tcase(s, cr);
    return fx_main(s);
}
