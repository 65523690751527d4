/* test_diag.c — source files and the printed form of diagnostics
 * (compiler/diag.c): line/column mapping, display width, the caret under
 * CJK text, long lines, invalid bytes, the error limit, loading files and
 * edit distance. */
#define _GNU_SOURCE /* fopencookie: a stream that counts its writes */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"

static diag_ctx D;
static char *outbuf;
static size_t outlen;
static FILE *outf;

static void setup(void)
{
    outbuf = NULL;
    outlen = 0;
    outf = open_memstream(&outbuf, &outlen);
    diag_init(&D, outf);
}

static void teardown(void)
{
    diag_dispose(&D);
    fclose(outf);
    free(outbuf);
}

/* Everything printed so far. */
static const char *out(void)
{
    fflush(outf);
    return outbuf ? outbuf : "";
}

/* Registers src as file "t.plan". */
static int add(const char *src)
{
    return diag_add_text(&D, "t.plan", src, strlen(src));
}

/* The span of the first occurrence of needle in the source of file f. */
static span find(int f, const char *needle)
{
    const char *text = D.files[f].text;
    const char *p = strstr(text, needle);
    ck_assert_ptr_nonnull(p);
    uint32_t lo = (uint32_t)(p - text);
    return (span){(uint32_t)f, lo, lo + (uint32_t)strlen(needle)};
}

START_TEST(linecol_ascii_and_lines)
{
    int f = add("ab\ncd\n\nef");
    unsigned line, col;
    diag_linecol(&D, (uint32_t)f, 0, &line, &col);
    ck_assert_uint_eq(line, 1);
    ck_assert_uint_eq(col, 1);
    diag_linecol(&D, (uint32_t)f, 1, &line, &col);
    ck_assert_uint_eq(col, 2);
    diag_linecol(&D, (uint32_t)f, 2, &line, &col); /* the newline itself */
    ck_assert_uint_eq(line, 1);
    ck_assert_uint_eq(col, 3);
    diag_linecol(&D, (uint32_t)f, 4, &line, &col);
    ck_assert_uint_eq(line, 2);
    ck_assert_uint_eq(col, 2);
    diag_linecol(&D, (uint32_t)f, 6, &line, &col);
    ck_assert_uint_eq(line, 3);
    ck_assert_uint_eq(col, 1);
    diag_linecol(&D, (uint32_t)f, 9, &line, &col); /* end of file */
    ck_assert_uint_eq(line, 4);
    ck_assert_uint_eq(col, 3);
    ck_assert_uint_eq(D.files[f].nlines, 4);
}
END_TEST

START_TEST(linecol_counts_code_points)
{
    int f = add("x\n目标 耕地保有量 >= 1");
    unsigned line, col;
    span sp = find(f, "耕地");
    diag_linecol(&D, sp.file, sp.lo, &line, &col);
    ck_assert_uint_eq(line, 2);
    ck_assert_uint_eq(col, 4); /* 目 标 space 耕 */
    sp = find(f, ">=");
    diag_linecol(&D, sp.file, sp.lo, &line, &col);
    ck_assert_uint_eq(col, 10);
}
END_TEST

START_TEST(linecol_invalid_bytes_count_one_each)
{
    int f = diag_add_text(&D, "t.plan", "a\xff\xfe" "b", 4);
    unsigned line, col;
    diag_linecol(&D, (uint32_t)f, 3, &line, &col);
    ck_assert_uint_eq(col, 4);
}
END_TEST

START_TEST(cpwidth_classes)
{
    ck_assert_int_eq(diag_cpwidth('a'), 1);
    ck_assert_int_eq(diag_cpwidth(0xB2), 1);    /* ² */
    ck_assert_int_eq(diag_cpwidth(0x3BC), 1);   /* μ */
    ck_assert_int_eq(diag_cpwidth(0x4E2D), 2);  /* 中 */
    ck_assert_int_eq(diag_cpwidth(0x3001), 2);  /* 、 */
    ck_assert_int_eq(diag_cpwidth(0xFF0C), 2);  /* ， */
    ck_assert_int_eq(diag_cpwidth(0xFF61), 1);  /* halfwidth ｡ */
    ck_assert_int_eq(diag_cpwidth(0xFFE5), 2);  /* ￥ */
    ck_assert_int_eq(diag_cpwidth(0x1100), 2);  /* Hangul choseong */
    ck_assert_int_eq(diag_cpwidth(0xAC00), 2);  /* 가 */
    ck_assert_int_eq(diag_cpwidth(0xF900), 2);
    ck_assert_int_eq(diag_cpwidth(0xFE30), 2);
    ck_assert_int_eq(diag_cpwidth(0x20000), 2); /* CJK extension B */
    ck_assert_int_eq(diag_cpwidth(0x3FFFD), 2);
    ck_assert_int_eq(diag_cpwidth(0x0301), 0);  /* combining acute */
    ck_assert_int_eq(diag_cpwidth(0x20D7), 0);
    ck_assert_int_eq(diag_cpwidth(0x2030), 1);  /* ‰ */
}
END_TEST

START_TEST(error_format_with_caret_under_cjk)
{
    int f = add("section 一 {\n    target 耕地: 耕地保有 >= 7603万亩\n}\n");
    diag_error(&D, find(f, "耕地保有 "), "undefined name '%s'", "耕地保有");
    /* find() included the space after the name: the underline covers it. */
    ck_assert_str_eq(out(),
                     "t.plan:2:16: error: undefined name '耕地保有'\n"
                     "    2 |     target 耕地: 耕地保有 >= 7603万亩\n"
                     "      |                  ^~~~~~~~~\n");
    ck_assert_int_eq(diag_errors(&D), 1);
}
END_TEST

/* An `allow` accepts its warning inside its scope only, innermost scoping
 * first, marks itself used, hushes the warning's notes, and one that
 * accepted nothing is reported by diag_allow_unused (once); one never
 * scoped accepts nothing and is not reported. */
START_TEST(allow_scopes_and_unused)
{
    int f = add("measure {\n  target a allow x\n  target b\n  allow y\n}\nallow z\n");
    span ta = find(f, "target a allow x"), m = find(f, "measure {");
    m.hi = find(f, "}").hi;
    /* the target's allow (names at "x"), then the measure's ("y") */
    diag_allow_add(&D, WARN_PERCENT_SUM, find(f, "x"), find(f, "allow x").lo, NULL);
    diag_allow_scope(&D, ta, ta);
    diag_allow_add(&D, WARN_WEIGHT_UNIT, find(f, "y"), find(f, "allow y").lo, "why");
    diag_allow_add(&D, WARN_STALE_TEXT, find(f, "z"), find(f, "allow z").lo, NULL);
    diag_allow_scope(&D, m, m);
    ck_assert(D.allows[0].scoped && D.allows[0].scope.hi == ta.hi);
    ck_assert(D.allows[1].scoped && D.allows[1].scope.lo == m.lo && D.allows[1].scope.hi == m.hi);
    ck_assert(!D.allows[2].scoped); /* after the measure: not its */
    diag_warning(&D, WARN_PERCENT_SUM, find(f, "a allow"), "accepted");
    diag_note(&D, ta, "hushed with it");
    diag_warning(&D, WARN_WEIGHT_UNIT, find(f, "b"), "accepted too");
    ck_assert_str_eq(out(), "");
    ck_assert_int_eq(D.nwarnings, 0);
    diag_warning(&D, WARN_PERCENT_SUM, find(f, "b"), "outside the target");
    ck_assert_int_eq(D.nwarnings, 1);
    ck_assert_ptr_nonnull(strstr(out(), "t.plan:3:10: warning: outside the target [-Wpercent-sum]"));
    ck_assert(D.allows[0].used && D.allows[1].used);
    diag_allow_unused(&D);
    ck_assert_int_eq(D.nwarnings, 1); /* z was never scoped */
    /* scoped (to the file), it accepted nothing: reported once */
    diag_allow_scope(&D, find(f, "allow z"), (span){(uint32_t)f, 0, (uint32_t)D.files[f].len});
    diag_allow_unused(&D);
    diag_allow_unused(&D);
    ck_assert_int_eq(D.nwarnings, 2);
    ck_assert_ptr_nonnull(strstr(out(), "t.plan:6:7: warning: 'allow stale-text' accepts no warning here "
                                        "[-Wunused-allow]"));
}
END_TEST

START_TEST(note_warning_hint_plain)
{
    int f = add("indicator x : %\n");
    diag_note(&D, find(f, "x"), "'x' was first declared here");
    diag_warning(&D, WARN_UNIT_FACTOR, find(f, "%"), "odd");
    diag_hint(&D, "did you mean '%s'?", "耕地保有量");
    diag_plain_error(&D, "cannot read '%s': %s", "a.plan", "No such file or directory");
    ck_assert_str_eq(out(),
                     "t.plan:1:11: note: 'x' was first declared here\n"
                     "    1 | indicator x : %\n"
                     "      |           ^\n"
                     "t.plan:1:15: warning: odd [-Wunit-factor]\n"
                     "    1 | indicator x : %\n"
                     "      |               ^\n"
                     "note: did you mean '耕地保有量'?\n"
                     "planc: error: cannot read 'a.plan': No such file or directory\n");
    ck_assert_int_eq(D.nerrors, 1);
    ck_assert_int_eq(D.nwarnings, 1);
}
END_TEST

START_TEST(tabs_empty_spans_and_line_ends)
{
    int f = add("\tab\tcd\r\nxy\n");
    span sp = find(f, "cd");
    diag_error(&D, sp, "e1");
    sp.hi = sp.lo;
    diag_error(&D, sp, "e2");
    sp = find(f, "cd");
    sp.hi = sp.lo + 8; /* runs over the line end: stops at it */
    diag_error(&D, sp, "e3");
    ck_assert_str_eq(out(),
                     "t.plan:1:5: error: e1\n"
                     "    1 |  ab cd\n"
                     "      |     ^~\n"
                     "t.plan:1:5: error: e2\n"
                     "    1 |  ab cd\n"
                     "      |     ^\n"
                     "t.plan:1:5: error: e3\n"
                     "    1 |  ab cd\n"
                     "      |     ^~\n");
}
END_TEST

START_TEST(invalid_bytes_and_controls_shown_as_question_marks)
{
    static const char src[] = "a\xff\xfe\x01 中b\n";
    int f = diag_add_text(&D, "t.plan", src, sizeof src - 1);
    diag_error(&D, (span){(uint32_t)f, 5, 9}, "here");
    ck_assert_str_eq(out(),
                     "t.plan:1:6: error: here\n"
                     "    1 | a??? 中b\n"
                     "      |      ^~~\n");
}
END_TEST

START_TEST(wide_line_numbers_widen_the_gutter)
{
    size_t n = 123456;
    char *src = malloc(n + 3);
    memset(src, '\n', n);
    memcpy(src + n, "xy", 3);
    int f = diag_add_text(&D, "t.plan", src, n + 2);
    free(src);
    diag_error(&D, (span){(uint32_t)f, (uint32_t)n + 1, (uint32_t)n + 2}, "far");
    ck_assert_str_eq(out(),
                     "t.plan:123457:2: error: far\n"
                     "123457 | xy\n"
                     "       |  ^\n");
}
END_TEST

/* The column of c in a printed line (bytes and display columns agree for
 * the ASCII lines used here). */
static long col_of(const char *line, const char *c)
{
    return (long)(c - line);
}

START_TEST(long_line_is_windowed)
{
    char src[1002];
    for (int i = 0; i < 1000; i++)
        src[i] = (char)('a' + i % 26);
    src[1000] = '\n';
    src[1001] = '\0';
    src[600] = '@';
    int f = add(src);
    diag_error(&D, (span){(uint32_t)f, 600, 603}, "mid");
    const char *o = out();
    const char *l1 = strchr(o, '\n') + 1;
    const char *l2 = strchr(l1, '\n') + 1;
    ck_assert(strncmp(l1, "    1 | ...", 11) == 0);
    ck_assert(strstr(l1, "...\n") != NULL);
    ck_assert(strchr(l1, '\n') - l1 < 200);
    const char *at = strchr(l1, '@');
    const char *caret = strchr(l2, '^');
    ck_assert_ptr_nonnull(at);
    ck_assert_ptr_nonnull(caret);
    ck_assert_int_eq(col_of(l1, at), col_of(l2, caret));
    ck_assert(strncmp(caret, "^~~\n", 4) == 0);
    ck_assert(strncmp(o, "t.plan:1:601: error: mid\n", 25) == 0);
}
END_TEST

START_TEST(long_line_window_at_start_and_end)
{
    char src[400];
    memset(src, 'x', sizeof src - 1);
    src[sizeof src - 1] = '\0';
    int f = add(src);
    diag_error(&D, (span){(uint32_t)f, 0, 1}, "start");
    diag_error(&D, (span){(uint32_t)f, 399, 399}, "end");
    const char *o = out();
    /* At the start: cut on the right only. */
    ck_assert(strstr(o, "    1 | xxx") != NULL);
    ck_assert(strstr(o, "      | ^\n") != NULL);
    /* At the end: cut on the left, caret just after the last character. */
    const char *e = strstr(o, "error: end\n");
    ck_assert_ptr_nonnull(e);
    const char *l1 = strchr(e, '\n') + 1;
    const char *l2 = strchr(l1, '\n') + 1;
    ck_assert(strncmp(l1, "    1 | ...x", 12) == 0);
    const char *eol = strchr(l1, '\n');
    ck_assert(eol[-1] == 'x');
    ck_assert_int_eq(col_of(l2, strchr(l2, '^')), col_of(l1, eol));
}
END_TEST

START_TEST(long_cjk_line_window_keeps_alignment)
{
    /* 150 CJK characters (300 columns), the span on the 120th. */
    char src[150 * 3 + 1];
    for (int i = 0; i < 150; i++)
        memcpy(src + 3 * i, i == 119 ? "甲" : "中", 3);
    src[450] = '\0';
    int f = add(src);
    diag_error(&D, (span){(uint32_t)f, 119 * 3, 120 * 3}, "cjk");
    const char *o = out();
    const char *l1 = strchr(o, '\n') + 1;
    const char *l2 = strchr(l1, '\n') + 1;
    /* Display columns before 甲 on the source line == spaces before ^. */
    const char *at = strstr(l1, "甲");
    ck_assert_ptr_nonnull(at);
    long cols = 0;
    for (const char *p = l1; p < at;) {
        if ((unsigned char)*p >= 0xE0) {
            cols += 2;
            p += 3;
        } else {
            cols++;
            p++;
        }
    }
    ck_assert_int_eq(cols, col_of(l2, strchr(l2, '^')));
    ck_assert(strncmp(strchr(l2, '^'), "^~\n", 3) == 0);
}
END_TEST

START_TEST(error_limit_then_one_line)
{
    int f = add("abc\n");
    D.max_errors = 3;
    for (int i = 0; i < 6; i++) {
        diag_error(&D, (span){(uint32_t)f, 0, 1}, "e%d", i);
        diag_note(&D, (span){(uint32_t)f, 1, 2}, "n%d", i);
    }
    const char *o = out();
    ck_assert_int_eq(diag_errors(&D), 6);
    ck_assert(strstr(o, "error: e2") != NULL);
    ck_assert(strstr(o, "note: n2") != NULL);
    ck_assert(strstr(o, "error: e3") == NULL);
    ck_assert(strstr(o, "note: n3") == NULL);
    ck_assert(strstr(o, "e5") == NULL);
    const char *tm = "planc: error: too many errors; only the first 3 are shown\n";
    const char *at = strstr(o, tm);
    ck_assert_ptr_nonnull(at);
    ck_assert_ptr_null(strstr(at + 1, tm));
    ck_assert_str_eq(at + strlen(tm), "");
}
END_TEST

/* JSON Lines: a diagnostic is written when the next starts (or on
 * diag_flush), its notes and hints inside it; positions in code points,
 * the end after the span; a note with nothing before it stands alone. */
START_TEST(json_lines_nest_notes)
{
    int f = add("target 耕地: 耕地保有 >= 1\n");
    diag_set_json(&D, true);
    diag_note(&D, find(f, "target"), "alone");
    diag_error(&D, find(f, "耕地保有"), "undefined name '%s'", "耕地保有");
    diag_note(&D, find(f, "耕地:"), "declared \"here\"");
    diag_hint(&D, "did you mean '%s'?", "耕地保有量");
    ck_assert_str_eq(out(), "{\"level\": \"note\", \"message\": \"alone\", \"file\": \"t.plan\", "
                            "\"line\": 1, \"column\": 1, \"end_line\": 1, \"end_column\": 7, "
                            "\"notes\": []}\n");
    diag_warning(&D, WARN_UNIT_FACTOR, (span){(uint32_t)f, 0, 0}, "tab\there");
    diag_plain_error(&D, "bad byte \xff in %s", "x");
    diag_flush(&D);
    diag_flush(&D); /* nothing pending: writes nothing */
    ck_assert_str_eq(out(),
        "{\"level\": \"note\", \"message\": \"alone\", \"file\": \"t.plan\", \"line\": 1, "
        "\"column\": 1, \"end_line\": 1, \"end_column\": 7, \"notes\": []}\n"
        "{\"level\": \"error\", \"message\": \"undefined name '耕地保有'\", \"file\": \"t.plan\", "
        "\"line\": 1, \"column\": 12, \"end_line\": 1, \"end_column\": 16, \"notes\": ["
        "{\"level\": \"note\", \"message\": \"declared \\\"here\\\"\", \"file\": \"t.plan\", "
        "\"line\": 1, \"column\": 8, \"end_line\": 1, \"end_column\": 11}, "
        "{\"level\": \"note\", \"message\": \"did you mean '耕地保有量'?\"}]}\n"
        "{\"level\": \"warning\", \"message\": \"tab\\u0009here\", \"name\": \"unit-factor\", \"file\": \"t.plan\", "
        "\"line\": 1, \"column\": 1, \"end_line\": 1, \"end_column\": 1, \"notes\": []}\n"
        "{\"level\": \"error\", \"message\": \"bad byte \xEF\xBF\xBD in x\", \"notes\": []}\n");
    ck_assert_int_eq(D.nerrors, 2);
    ck_assert_int_eq(D.nwarnings, 1);
}
END_TEST

/* JSON Lines keep the limit: the errors over it and their notes are not
 * written, and the line that says so is a note of its own. */
START_TEST(json_lines_error_limit)
{
    int f = add("abc\n");
    D.max_errors = 2;
    diag_set_json(&D, true);
    for (int i = 0; i < 4; i++) {
        diag_error(&D, (span){(uint32_t)f, 0, 1}, "e%d", i);
        diag_note(&D, (span){(uint32_t)f, 1, 2}, "n%d", i);
    }
    diag_dispose(&D); /* writes the pending one */
    diag_init(&D, outf);
    const char *o = out();
    ck_assert_ptr_nonnull(strstr(o, "\"message\": \"e1\""));
    ck_assert_ptr_nonnull(strstr(o, "\"message\": \"n1\""));
    ck_assert_ptr_null(strstr(o, "e2"));
    ck_assert_ptr_null(strstr(o, "n2"));
    ck_assert_str_eq(strrchr(o, '{'), "{\"level\": \"note\", \"message\": \"too many errors; only "
                                      "the first 2 are shown\", \"notes\": []}\n");
}
END_TEST

/* diag_hold: the diagnostics reported until diag_release are printed in
 * the order of their places, each with its notes and hints; one with no
 * place stays after the one before it; a hold nested in another prints
 * nothing until the outer one is released; the error limit's line comes
 * after the errors shown. */
START_TEST(hold_prints_in_line_order)
{
    int f = add("a\nb\nc\n");
    diag_hold(&D);
    diag_warning(&D, WARN_UNIT_FACTOR, (span){(uint32_t)f, 4, 5}, "w3");
    diag_hint(&D, "h3");
    diag_hold(&D);
    diag_error(&D, (span){(uint32_t)f, 2, 3}, "e2");
    diag_note(&D, (span){(uint32_t)f, 4, 5}, "n2");
    diag_plain_error(&D, "p");
    diag_release(&D);
    ck_assert_str_eq(out(), "");
    diag_error(&D, (span){(uint32_t)f, 0, 1}, "e1");
    diag_release(&D);
    diag_release(&D); /* not holding: nothing */
    ck_assert_str_eq(out(), "t.plan:1:1: error: e1\n"
                            "    1 | a\n"
                            "      | ^\n"
                            "t.plan:2:1: error: e2\n"
                            "    2 | b\n"
                            "      | ^\n"
                            "t.plan:3:1: note: n2\n"
                            "    3 | c\n"
                            "      | ^\n"
                            "planc: error: p\n"
                            "t.plan:3:1: warning: w3 [-Wunit-factor]\n"
                            "    3 | c\n"
                            "      | ^\n"
                            "note: h3\n");
    ck_assert_int_eq(D.nerrors, 3);
    /* after the release, printed at once again */
    diag_error(&D, (span){(uint32_t)f, 4, 5}, "e4");
    ck_assert_ptr_nonnull(strstr(out(), "error: e4"));
}
END_TEST

START_TEST(hold_limit_line_last)
{
    int f = add("a\nb\nc\n");
    D.max_errors = 2;
    diag_hold(&D);
    diag_error(&D, (span){(uint32_t)f, 4, 5}, "e3");
    diag_error(&D, (span){(uint32_t)f, 2, 3}, "e2");
    diag_error(&D, (span){(uint32_t)f, 0, 1}, "e1");
    diag_release(&D);
    const char *o = out();
    const char *e2 = strstr(o, "error: e2"), *e3 = strstr(o, "error: e3");
    ck_assert_ptr_nonnull(e2);
    ck_assert_ptr_nonnull(e3);
    ck_assert(e2 < e3);
    ck_assert_ptr_null(strstr(o, "e1"));
    ck_assert_str_eq(strstr(o, "planc: error: too many"), "planc: error: too many errors; only the first 2 are shown\n");
}
END_TEST

/* JSON Lines held: each object whole, with its notes, in line order. */
START_TEST(hold_json_lines)
{
    int f = add("a\nb\n");
    diag_set_json(&D, true);
    diag_hold(&D);
    diag_error(&D, (span){(uint32_t)f, 2, 3}, "e2");
    diag_note(&D, (span){(uint32_t)f, 0, 1}, "n2");
    diag_error(&D, (span){(uint32_t)f, 0, 1}, "e1");
    diag_release(&D);
    diag_flush(&D);
    ck_assert_str_eq(out(),
        "{\"level\": \"error\", \"message\": \"e1\", \"file\": \"t.plan\", \"line\": 1, \"column\": 1, "
        "\"end_line\": 1, \"end_column\": 2, \"notes\": []}\n"
        "{\"level\": \"error\", \"message\": \"e2\", \"file\": \"t.plan\", \"line\": 2, \"column\": 1, "
        "\"end_line\": 2, \"end_column\": 2, \"notes\": [{\"level\": \"note\", \"message\": \"n2\", "
        "\"file\": \"t.plan\", \"line\": 1, \"column\": 1, \"end_line\": 1, \"end_column\": 2}]}\n");
}
END_TEST

START_TEST(load_missing_file_and_directory)
{
    ck_assert_int_eq(diag_load_file(&D, "/nonexistent/x.plan"), -1);
    ck_assert_int_eq(diag_load_file(&D, "/tmp"), -1);
    ck_assert_str_eq(out(),
                     "planc: error: cannot read '/nonexistent/x.plan': No such file or directory\n"
                     "planc: error: cannot read '/tmp': it is a directory\n");
    ck_assert_int_eq(diag_errors(&D), 2);
    ck_assert_uint_eq(D.nfiles, 0);
}
END_TEST

START_TEST(load_file_and_too_big_file)
{
    char path[] = "/tmp/planc-test-diag-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "a\nbc", 4), 4);
    int f = diag_load_file(&D, path);
    ck_assert_int_eq(f, 0);
    ck_assert_uint_eq(D.files[f].len, 4);
    ck_assert_str_eq(D.files[f].text, "a\nbc");
    ck_assert_str_eq(D.files[f].name, path);
    ck_assert_uint_eq(D.files[f].nlines, 2);
    /* A sparse file just over the limit is refused before it is read. */
    ck_assert_int_eq(ftruncate(fd, (off_t)256 * 1024 * 1024 + 1), 0);
    close(fd);
    ck_assert_int_eq(diag_load_file(&D, path), -1);
    char want[200];
    snprintf(want, sizeof want, "planc: error: cannot read '%s': larger than 256 MiB\n", path);
    ck_assert_str_eq(out(), want);
    unlink(path);
}
END_TEST

START_TEST(span_in_unknown_file_prints_without_location)
{
    diag_error(&D, (span){7, 0, 1}, "lost");
    ck_assert_str_eq(out(), "planc: error: lost\n");
}
END_TEST

START_TEST(editdist_values)
{
    ck_assert_int_eq(diag_editdist("", ""), 0);
    ck_assert_int_eq(diag_editdist("", "abc"), 3);
    ck_assert_int_eq(diag_editdist("kitten", "sitting"), 3);
    ck_assert_int_eq(diag_editdist("耕地保有", "耕地保有量"), 1);
    ck_assert_int_eq(diag_editdist("耕地保有量", "耕地保有量"), 0);
    ck_assert_int_eq(diag_editdist("沈阳", "大连"), 2);
    ck_assert_int_eq(diag_editdist("km2", "km²"), 1);
}
END_TEST

/* The names one is short for: a subsequence of one name alone, else a
 * prefix or a suffix of one alone; none on ambiguity (diag_abbrev). */
static const char *abbrev_of(const char *want, const char *const *names, size_t n)
{
    diag_abbrev a = {0};
    for (size_t i = 0; i < n; i++)
        diag_abbrev_add(&a, want, names[i], (uint32_t)i);
    return diag_abbrev_pick(&a);
}

START_TEST(abbrev_subsequence_prefix_suffix)
{
    const char *ag[] = {"省发展改革委", "省发展研究委", "省住房城乡建设厅", "省生态环境厅"};
    ck_assert_str_eq(abbrev_of("省发改委", ag, 4), "省发展改革委");
    ck_assert_str_eq(abbrev_of("省住建厅", ag, 4), "省住房城乡建设厅");
    ck_assert_str_eq(abbrev_of("生态环境厅", ag, 4), "省生态环境厅");
    ck_assert_ptr_null(abbrev_of("省发委", ag, 4));      /* in two alike */
    ck_assert_ptr_null(abbrev_of("省", ag, 4));          /* one character */
    ck_assert_ptr_null(abbrev_of("省生态环境厅", ag, 4)); /* the name itself */
    ck_assert_ptr_null(abbrev_of("发委改", ag, 4));      /* not in order */
    /* in two, but the beginning of one alone, or the end of one alone */
    const char *ct[] = {"连云港", "连云港口", "北连云"};
    ck_assert_ptr_null(abbrev_of("连云", ct, 3));        /* begins two */
    const char *pr[] = {"马鞍山", "马家鞍"};
    ck_assert_str_eq(abbrev_of("马鞍", pr, 2), "马鞍山");
    const char *sf[] = {"甲环境厅", "环境乙厅"};
    ck_assert_str_eq(abbrev_of("境厅", sf, 2), "甲环境厅");
    /* a region's name and alias are one item */
    const char *al[] = {"锡林郭勒盟", "锡林郭勒"};
    const uint32_t own[] = {0, 0};
    diag_abbrev a = {0};
    for (int i = 0; i < 2; i++)
        diag_abbrev_add(&a, "锡郭", al[i], own[i]);
    ck_assert_str_eq(diag_abbrev_pick(&a), "锡林郭勒盟");
}
END_TEST

START_TEST(nearest_ties_and_abbrev)
{
    const char *names[] = {"苏州", "常州", "泰州", "甲市", "丙市", "连云港"};
    const char *pick[3];
    ck_assert_int_eq(diag_nearest("蘇州", names, NULL, 6, 1, pick), 3);
    ck_assert_str_eq(pick[0], "常州");
    ck_assert_str_eq(pick[1], "泰州");
    ck_assert_str_eq(pick[2], "苏州");
    ck_assert_int_eq(diag_nearest("丙", names, NULL, 6, 1, pick), 1);   /* the one it begins */
    ck_assert_str_eq(pick[0], "丙市");
    ck_assert_int_eq(diag_nearest("连港", names, NULL, 6, 1, pick), 1);
    ck_assert_str_eq(pick[0], "连云港");
    ck_assert_int_eq(diag_nearest("完全不同", names, NULL, 6, 1, pick), 0);
    const char *four[] = {"甲山", "乙山", "丙山", "己山"};
    ck_assert_int_eq(diag_nearest("戊山", four, NULL, 4, 1, pick), 0); /* more than three as near */
}
END_TEST

START_TEST(editdist_long_names_are_cheap)
{
    size_t n = 200000;
    char *a = malloc(n + 1), *b = malloc(n + 1);
    memset(a, 'a', n);
    memset(b, 'b', n);
    a[n] = b[n] = '\0';
    clock_t t0 = clock();
    int d = diag_editdist(a, b);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_int_gt(d, 100);
    ck_assert(secs < 1.0);
    free(a);
    free(b);
}
END_TEST

/* The write calls made on a counting stream, and the bytes written. */
static int nwrites;
static size_t nwritten;

static ssize_t count_write(void *cookie, const char *buf, size_t n)
{
    (void)cookie;
    (void)buf;
    nwrites++;
    nwritten += n;
    return (ssize_t)n;
}

/* Each diagnostic with its source line and underline reaches an unbuffered
 * stream (stderr is one) in one write: printed piece by piece it took a
 * write call per character of the underline, and a rules file with ten
 * thousand warnings spent seconds in the kernel. */
START_TEST(diagnostic_is_one_write_on_unbuffered_stream)
{
    int f = add("indicator 很长的名字_with_a_long_tail : u, higher, column \"x\"\n");
    FILE *c = fopencookie(NULL, "w", (cookie_io_functions_t){.write = count_write});
    ck_assert_ptr_nonnull(c);
    setvbuf(c, NULL, _IONBF, 0);
    D.out = c;
    nwrites = 0;
    nwritten = 0;
    diag_warning(&D, WARN_UNIT_FACTOR, find(f, "很长的名字_with_a_long_tail"), "a warning about '%s'", "x");
    ck_assert_int_eq(nwrites, 1);
    diag_note(&D, find(f, "column"), "a note");
    ck_assert_int_eq(nwrites, 2);
    diag_error(&D, find(f, "higher"), "an error");
    ck_assert_int_eq(nwrites, 3);
    ck_assert_uint_gt(nwritten, 150);
    D.out = outf;
    fclose(c);
}
END_TEST

static Suite *diag_suite(void)
{
    Suite *s = suite_create("diag");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, linecol_ascii_and_lines);
    tcase_add_test(tc, linecol_counts_code_points);
    tcase_add_test(tc, linecol_invalid_bytes_count_one_each);
    tcase_add_test(tc, cpwidth_classes);
    tcase_add_test(tc, error_format_with_caret_under_cjk);
    tcase_add_test(tc, note_warning_hint_plain);
    tcase_add_test(tc, tabs_empty_spans_and_line_ends);
    tcase_add_test(tc, invalid_bytes_and_controls_shown_as_question_marks);
    tcase_add_test(tc, wide_line_numbers_widen_the_gutter);
    tcase_add_test(tc, long_line_is_windowed);
    tcase_add_test(tc, long_line_window_at_start_and_end);
    tcase_add_test(tc, long_cjk_line_window_keeps_alignment);
    tcase_add_test(tc, error_limit_then_one_line);
    tcase_add_test(tc, load_missing_file_and_directory);
    tcase_add_test(tc, load_file_and_too_big_file);
    tcase_add_test(tc, span_in_unknown_file_prints_without_location);
    tcase_add_test(tc, editdist_values);
    tcase_add_test(tc, abbrev_subsequence_prefix_suffix);
    tcase_add_test(tc, nearest_ties_and_abbrev);
    tcase_add_test(tc, editdist_long_names_are_cheap);
    tcase_add_test(tc, diagnostic_is_one_write_on_unbuffered_stream);
    tcase_add_test(tc, json_lines_nest_notes);
    tcase_add_test(tc, json_lines_error_limit);
    tcase_add_test(tc, hold_prints_in_line_order);
    tcase_add_test(tc, hold_limit_line_last);
    tcase_add_test(tc, hold_json_lines);
    tcase_add_test(tc, allow_scopes_and_unused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(diag_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
