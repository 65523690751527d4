/* test_lex.c — the scanner (grammar/lexer.l): tokens, spans, and each
 * lexical error reported once at its place with scanning going on. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "diag.h"
#include "lex.h"

static arena A;
static diag_ctx D;
static char *errbuf;
static size_t errlen;
static FILE *errf;
/* The tokens of the last scan, described (see describe). */
static char *toks;
static size_t tokslen;

static void setup(void)
{
    arena_init(&A);
    errbuf = NULL;
    errlen = 0;
    errf = open_memstream(&errbuf, &errlen);
    diag_init(&D, errf);
    toks = NULL;
}

static void teardown(void)
{
    diag_dispose(&D);
    fclose(errf);
    free(errbuf);
    free(toks);
    arena_free(&A);
}

/* The diagnostics printed so far. */
static const char *errs(void)
{
    fflush(errf);
    return errbuf ? errbuf : "";
}

/* Appends a description of one token: name(x) num(1) str(s), operators and
 * punctuation as their ASCII spelling, keywords as their source text. */
static void describe(FILE *o, int tok, const PARSE_STYPE *v, span sp)
{
    const char *text = D.files[sp.file].text;
    switch (tok) {
    case IDENT: fprintf(o, "name(%s)", v->name.s); break;
    case NUMBER: fprintf(o, "num(%g)", v->num); break;
    case STRING: fprintf(o, "str(%s)", v->str); break;
    case DOTDOT: fputs("..", o); break;
    case LE: fputs("<=", o); break;
    case GE: fputs(">=", o); break;
    case EQ: fputs("==", o); break;
    case NE: fputs("!=", o); break;
    case PERMILLE: fputs("‰", o); break;
    default:
        if (tok < 256)
            fputc(tok, o);
        else
            fprintf(o, "%.*s", (int)(sp.hi - sp.lo), text + sp.lo);
    }
}

/* Scans src (len bytes) as "t.plan"; returns the tokens described and
 * separated by spaces.  The end-of-file span is stored in *eof if given. */
static const char *scan_n(const char *src, size_t len, span *eof)
{
    int f = diag_add_text(&D, "t.plan", src, len);
    free(toks);
    FILE *o = open_memstream(&toks, &tokslen);
    lex_state *ls = lex_open(&A, &D, f);
    PARSE_STYPE v;
    span sp;
    int tok, n = 0;
    while ((tok = lex_next(ls, &v, &sp)) != 0) {
        if (n++)
            fputc(' ', o);
        describe(o, tok, &v, sp);
    }
    if (eof)
        *eof = sp;
    lex_close(ls);
    fclose(o);
    return toks;
}

static const char *scan(const char *src)
{
    return scan_n(src, strlen(src), NULL);
}

/* Number of lines in the diagnostics holding "error:". */
static int nerrors_printed(void)
{
    int n = 0;
    for (const char *p = errs(); (p = strstr(p, "error:")) != NULL; p++)
        n++;
    return n;
}

START_TEST(keywords_and_names)
{
    ck_assert_str_eq(scan("plan planx 美丽辽宁 km² m³ μg µg PM25浓度 _x 々 ℃ year2 in 二〇三五"),
                     "plan name(planx) name(美丽辽宁) name(km²) name(m³) name(μg) name(µg) "
                     "name(PM25浓度) name(_x) name(々) name(℃) name(year2) in name(二〇三五)");
    ck_assert_str_eq(errs(), "");
}
END_TEST

START_TEST(every_keyword)
{
    const char *kw = "plan region regions levels baseline horizon periods keys alias agency "
                     "unit indicator higher lower column in formula section measure lead "
                     "responsible shared target redline for except by complete rated falls "
                     "rises peaks every year tolerance weight veto score clause note "
                     "assessment missing zero reweight error grade redlines if then else "
                     "and or not yes no";
    ck_assert_str_eq(scan(kw), kw); /* all keywords, none a name */
    ck_assert_str_eq(errs(), "");
}
END_TEST

START_TEST(numbers_and_units)
{
    ck_assert_str_eq(scan("7603万亩 92% 4.1 万平方公里 1e-3 2021..2025 2e 35 [μg/m³] 5‰ 3km2"),
                     "num(7603) name(万亩) num(92) % num(4.1) name(万平方公里) num(0.001) "
                     "num(2021) .. num(2025) num(2) name(e) num(35) [ name(μg) / name(m³) ] "
                     "num(5) ‰ num(3) name(km2)");
    ck_assert_str_eq(errs(), "");
}
END_TEST

START_TEST(operators)
{
    ck_assert_str_eq(scan("+ - * / ^ ( ) [ ] { } , : = .. < <= > >= == != % ‰"),
                     "+ - * / ^ ( ) [ ] { } , : = .. < <= > >= == != % ‰");
    ck_assert_str_eq(errs(), "");
}
END_TEST

START_TEST(strings_and_escapes)
{
    ck_assert_str_eq(scan("\"a\\\"b\\\\c\\nd\\te\" \"\" \"辽宁，省\""),
                     "str(a\"b\\c\nd\te) str() str(辽宁，省)");
    ck_assert_str_eq(errs(), "");
}
END_TEST

START_TEST(unknown_escape_is_reported_and_kept)
{
    ck_assert_str_eq(scan("agency b \"ok\\q\""), "agency name(b) str(ok\\q)");
    ck_assert_str_eq(errs(),
                     "t.plan:1:13: error: unknown escape '\\q' in string; use \\\" \\\\ \\n or \\t\n"
                     "    1 | agency b \"ok\\q\"\n"
                     "      |             ^~\n");
}
END_TEST

START_TEST(unterminated_string)
{
    ck_assert_str_eq(scan("agency a \"abc\nagency b \"x\\"), "agency name(a) str(abc) agency name(b) str(x)");
    ck_assert_str_eq(errs(),
                     "t.plan:1:10: error: unterminated string\n"
                     "    1 | agency a \"abc\n"
                     "      |          ^\n"
                     "t.plan:2:10: error: unterminated string\n"
                     "    2 | agency b \"x\\\n"
                     "      |          ^\n");
}
END_TEST

START_TEST(comments)
{
    ck_assert_str_eq(scan("a # c \"x\n b // d\nc /* x\n y ** */ d /**/ e /***/ f"),
                     "name(a) name(b) name(c) name(d) name(e) name(f)");
    ck_assert_str_eq(errs(), "");
}
END_TEST

START_TEST(unterminated_comment)
{
    ck_assert_str_eq(scan("a /* x\n y *"), "name(a)");
    ck_assert_str_eq(errs(),
                     "t.plan:1:3: error: unterminated comment\n"
                     "    1 | a /* x\n"
                     "      |   ^~\n");
}
END_TEST

START_TEST(fullwidth_punctuation_becomes_ascii)
{
    ck_assert_str_eq(scan("沈阳，大连：c；（d）％＝＜＞！"),
                     "name(沈阳) , name(大连) : name(c) , ( name(d) ) % = < >");
    const char *want[] = {
        "t.plan:1:3: error: full-width comma '，' (U+FF0C); use ','\n",
        "t.plan:1:6: error: full-width colon '：' (U+FF1A); use ':'\n",
        "t.plan:1:8: error: full-width semicolon '；' (U+FF1B); use ','\n",
        "t.plan:1:9: error: full-width left parenthesis '（' (U+FF08); use '('\n",
        "t.plan:1:11: error: full-width right parenthesis '）' (U+FF09); use ')'\n",
        "t.plan:1:12: error: full-width percent sign '％' (U+FF05); use '%'\n",
        "t.plan:1:13: error: full-width equals sign '＝' (U+FF1D); use '='\n",
        "t.plan:1:14: error: full-width less-than sign '＜' (U+FF1C); use '<'\n",
        "t.plan:1:15: error: full-width greater-than sign '＞' (U+FF1E); use '>'\n",
        "t.plan:1:16: error: full-width exclamation mark '！' (U+FF01); use '!'\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(errs(), want[i]) != NULL, "missing: %s", want[i]);
    ck_assert_int_eq(nerrors_printed(), 10);
    /* The caret is under the full-width character, two columns wide. */
    ck_assert(strstr(errs(), "    1 | 沈阳，大连：c；（d）％＝＜＞！\n"
                             "      |     ^~\n") != NULL);
}
END_TEST

START_TEST(fullwidth_operators)
{
    ck_assert_str_eq(scan("＞＝ >＝ ＝＝ ！＝ ＜= ≥ ≤ ≠"), ">= >= == != <= >= <= !=");
    ck_assert(strstr(errs(), "t.plan:1:1: error: full-width operator '＞＝'; use '>='\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:4: error: full-width operator '>＝'; use '>='\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:7: error: full-width operator '＝＝'; use '=='\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:10: error: full-width operator '！＝'; use '!='\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:13: error: full-width operator '＜='; use '<='\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:16: error: unexpected character '≥' (U+2265); use '>='\n") != NULL);
    ck_assert_int_eq(nerrors_printed(), 8);
}
END_TEST

START_TEST(fullwidth_digits_become_a_number)
{
    ck_assert_str_eq(scan("by ２０２７ 2０2７.５"), "by num(2027) num(2027.5)");
    ck_assert_str_eq(errs(),
                     "t.plan:1:4: error: full-width digit '２' (U+FF12); use '2'\n"
                     "    1 | by ２０２７ 2０2７.５\n"
                     "      |    ^~\n"
                     "t.plan:1:10: error: full-width digit '０' (U+FF10); use '0'\n"
                     "    1 | by ２０２７ 2０2７.５\n"
                     "      |              ^~\n");
}
END_TEST

START_TEST(other_cjk_punctuation_is_unexpected)
{
    ck_assert_str_eq(scan("a。b” d　e Ａ"), "name(a) name(b) name(d) name(e)");
    ck_assert(strstr(errs(), "t.plan:1:2: error: unexpected character '。' (U+3002)\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:4: error: curly quotation mark '”' (U+201D); "
                             "a string is written between '\"' and '\"'\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:7: error: full-width space '　' (U+3000); use ' '\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:10: error: full-width character 'Ａ' (U+FF21); use 'A'\n") != NULL);
    ck_assert_int_eq(nerrors_printed(), 4);
}
END_TEST

/* 、 lists items in Chinese text: reported, then read as ','. */
START_TEST(enumeration_comma_becomes_a_comma)
{
    ck_assert_str_eq(scan("a、b"), "name(a) , name(b)");
    ck_assert(strstr(errs(), "t.plan:1:2: error: enumeration comma '、' (U+3001); use ','\n") != NULL);
    ck_assert_int_eq(nerrors_printed(), 1);
}
END_TEST

/* “...” is reported once and read as the string it stands for; inside an
 * ASCII string the curly quotes are text. */
START_TEST(curly_quotes_make_a_string)
{
    ck_assert_str_eq(scan("“c d” \"“x”\" “e"), "str(c d) str(“x”) str(e)");
    ck_assert(strstr(errs(), "t.plan:1:1: error: a string between curly quotation marks; "
                             "write it between '\"' and '\"'\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:13: error: unterminated string: '“' (U+201C) without a closing '”'") != NULL);
    ck_assert_int_eq(nerrors_printed(), 2);
}
END_TEST

START_TEST(ascii_unexpected_characters)
{
    ck_assert_str_eq(scan("a @ b ; c\x07"), "name(a) name(b) name(c)");
    ck_assert(strstr(errs(), "t.plan:1:3: error: unexpected character '@' (U+0040)\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:7: error: unexpected character ';' (U+003B)\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:10: error: unexpected control character U+0007\n") != NULL);
    ck_assert_int_eq(nerrors_printed(), 3);
}
END_TEST

START_TEST(invalid_utf8_reported_once_per_run)
{
    static const char src[] = "a\xff\xfe" "b \xe6\x9c c \xc0\x80 d \xed\xa0\x80 e \xf4\x90\x80\x80";
    ck_assert_str_eq(scan_n(src, sizeof src - 1, NULL), "name(a) name(b) name(c) name(d) name(e)");
    ck_assert(strstr(errs(), "t.plan:1:2: error: invalid UTF-8 byte 0xff\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:6: error: invalid UTF-8 byte 0xe6\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:11: error: invalid UTF-8 byte 0xc0\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:16: error: invalid UTF-8 byte 0xed\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:22: error: invalid UTF-8 byte 0xf4\n") != NULL);
    ck_assert_int_eq(nerrors_printed(), 5);
    /* The shown line has a '?' for each bad byte. */
    ck_assert(strstr(errs(), "    1 | a??b ?? c ?? d ??? e ????\n") != NULL);
}
END_TEST

START_TEST(invalid_utf8_in_strings_and_comments)
{
    static const char src[] = "\"x\xffy\" # \xfe\n/* \xc1 */ z";
    ck_assert_str_eq(scan_n(src, sizeof src - 1, NULL), "str(x\xffy) name(z)");
    ck_assert(strstr(errs(), "t.plan:1:3: error: invalid UTF-8 byte 0xff\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:9: error: invalid UTF-8 byte 0xfe\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:2:4: error: invalid UTF-8 byte 0xc1\n") != NULL);
    ck_assert_int_eq(nerrors_printed(), 3);
}
END_TEST

START_TEST(nul_bytes)
{
    static const char src[] = "a\0\0b # \0\n\"s\0\" c";
    ck_assert_str_eq(scan_n(src, sizeof src - 1, NULL), "name(a) name(b) str(s) name(c)");
    ck_assert(strstr(errs(), "t.plan:1:2: error: NUL byte in source\n"
                             "    1 | a??b # ?\n"
                             "      |  ^\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:1:8: error: NUL byte in source\n") != NULL);
    ck_assert(strstr(errs(), "t.plan:2:3: error: NUL byte in source\n") != NULL);
    ck_assert_int_eq(nerrors_printed(), 3);
}
END_TEST

START_TEST(byte_order_mark)
{
    ck_assert_str_eq(scan("\xef\xbb\xbfplan a \xef\xbb\xbf"), "plan name(a)");
    ck_assert_str_eq(errs(),
                     "t.plan:1:9: error: unexpected invisible character '\\uFEFF' (U+FEFF)\n"
                     "    1 | plan a \\uFEFF\n"
                     "      |        ^~~~~~\n");
}
END_TEST

START_TEST(spans_are_byte_ranges)
{
    int f = diag_add_text(&D, "t.plan", "耕地 >= 5万亩 # x\n", strlen("耕地 >= 5万亩 # x\n"));
    lex_state *ls = lex_open(&A, &D, f);
    PARSE_STYPE v;
    span sp;
    ck_assert_int_eq(lex_next(ls, &v, &sp), IDENT);
    ck_assert_uint_eq(sp.file, (unsigned)f);
    ck_assert_uint_eq(sp.lo, 0);
    ck_assert_uint_eq(sp.hi, 6);
    ck_assert_uint_eq(v.name.sp.lo, 0);
    ck_assert_uint_eq(v.name.sp.hi, 6);
    ck_assert_int_eq(lex_next(ls, &v, &sp), GE);
    ck_assert_uint_eq(sp.lo, 7);
    ck_assert_uint_eq(sp.hi, 9);
    ck_assert_int_eq(lex_next(ls, &v, &sp), NUMBER);
    ck_assert_uint_eq(sp.lo, 10);
    ck_assert_uint_eq(sp.hi, 11);
    ck_assert_int_eq(lex_next(ls, &v, &sp), IDENT);
    ck_assert_uint_eq(sp.lo, 11);
    ck_assert_uint_eq(sp.hi, 17);
    /* The end of the file is placed at the end of the last token. */
    ck_assert_int_eq(lex_next(ls, &v, &sp), 0);
    ck_assert_uint_eq(sp.lo, 17);
    ck_assert_uint_eq(sp.hi, 17);
    ck_assert_int_eq(lex_next(ls, &v, &sp), 0);
    lex_close(ls);
}
END_TEST

/* Too large, or so small it would read as 0; a subnormal is a number,
 * and zero written any way is zero. */
START_TEST(number_out_of_range)
{
    ck_assert_str_eq(scan("1e999 1e-999 5e-324 0.0e-999"), "num(0) num(0) num(4.94066e-324) num(0)");
    ck_assert_str_eq(errs(),
                     "t.plan:1:1: error: number out of range\n"
                     "    1 | 1e999 1e-999 5e-324 0.0e-999\n"
                     "      | ^~~~~\n"
                     "t.plan:1:7: error: number out of range\n"
                     "    1 | 1e999 1e-999 5e-324 0.0e-999\n"
                     "      |       ^~~~~~\n");
}
END_TEST

START_TEST(ten_megabyte_line)
{
    size_t n = 10 * 1024 * 1024;
    const char *head = "agency a\nagency b \"";
    const char *tail = "\"\nagency c\n";
    size_t hl = strlen(head), tl = strlen(tail);
    char *src = malloc(hl + n + tl);
    memcpy(src, head, hl);
    memset(src + hl, 'x', n);
    memcpy(src + hl + n, tail, tl);
    clock_t t0 = clock();
    const char *t = scan_n(src, hl + n + tl, NULL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(src);
    /* The long line is dropped; the lines around it are scanned. */
    ck_assert_str_eq(t, "agency name(a) agency name(c)");
    ck_assert_int_eq(nerrors_printed(), 1);
    const char *want = "t.plan:2:1: error: line longer than 1048576 bytes\n"
                       "    2 | agency b \"xxx";
    ck_assert(strncmp(errs(), want, strlen(want)) == 0);
    ck_assert(strstr(errs(), "xxx...\n      | ^\n") != NULL);
    ck_assert(secs < 10.0);
}
END_TEST

START_TEST(line_of_exactly_the_limit_is_fine)
{
    size_t n = 1024 * 1024;
    char *src = malloc(n + 1);
    memset(src, ' ', n);
    src[0] = 'a';
    src[n - 1] = 'b';
    src[n] = '\n';
    ck_assert_str_eq(scan_n(src, n + 1, NULL), "name(a) name(b)");
    ck_assert_str_eq(errs(), "");
    free(src);
}
END_TEST

START_TEST(ten_thousand_open_brackets)
{
    size_t n = 10000;
    char *src = malloc(n + 2);
    src[0] = 'x';
    memset(src + 1, '(', n);
    src[n + 1] = ')';
    int f = diag_add_text(&D, "t.plan", src, n + 2);
    free(src);
    lex_state *ls = lex_open(&A, &D, f);
    PARSE_STYPE v;
    span sp;
    int count = 0, tok;
    while ((tok = lex_next(ls, &v, &sp)) != 0)
        count++;
    ck_assert_int_eq(count, 1 + 256);
    ck_assert(lex_stopped(ls));
    ck_assert_int_eq(lex_next(ls, &v, &sp), 0);
    lex_close(ls);
    ck_assert_int_eq(nerrors_printed(), 1);
    const char *want = "t.plan:1:258: error: expression nested deeper than 256 levels\n";
    ck_assert(strncmp(errs(), want, strlen(want)) == 0);
}
END_TEST

START_TEST(balanced_brackets_do_not_accumulate)
{
    /* 1000 groups of 200 nested brackets, closed each time. */
    size_t n = 1000 * 400;
    char *src = malloc(n);
    for (size_t g = 0; g < 1000; g++) {
        memset(src + g * 400, '(', 200);
        memset(src + g * 400 + 200, ')', 200);
    }
    scan_n(src, n, NULL);
    free(src);
    ck_assert_str_eq(errs(), "");
}
END_TEST

static Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, keywords_and_names);
    tcase_add_test(tc, every_keyword);
    tcase_add_test(tc, numbers_and_units);
    tcase_add_test(tc, operators);
    tcase_add_test(tc, strings_and_escapes);
    tcase_add_test(tc, unknown_escape_is_reported_and_kept);
    tcase_add_test(tc, unterminated_string);
    tcase_add_test(tc, comments);
    tcase_add_test(tc, unterminated_comment);
    tcase_add_test(tc, fullwidth_punctuation_becomes_ascii);
    tcase_add_test(tc, fullwidth_operators);
    tcase_add_test(tc, fullwidth_digits_become_a_number);
    tcase_add_test(tc, other_cjk_punctuation_is_unexpected);
    tcase_add_test(tc, enumeration_comma_becomes_a_comma);
    tcase_add_test(tc, curly_quotes_make_a_string);
    tcase_add_test(tc, ascii_unexpected_characters);
    tcase_add_test(tc, invalid_utf8_reported_once_per_run);
    tcase_add_test(tc, invalid_utf8_in_strings_and_comments);
    tcase_add_test(tc, nul_bytes);
    tcase_add_test(tc, byte_order_mark);
    tcase_add_test(tc, spans_are_byte_ranges);
    tcase_add_test(tc, number_out_of_range);
    tcase_add_test(tc, ten_megabyte_line);
    tcase_add_test(tc, line_of_exactly_the_limit_is_fine);
    tcase_add_test(tc, ten_thousand_open_brackets);
    tcase_add_test(tc, balanced_brackets_do_not_accumulate);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lex_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
