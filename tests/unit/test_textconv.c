/* test_textconv.c — the conversion of data files to UTF-8 (runtime/
 * textconv.c): GB18030 fed in pieces of every size (a character cut by a
 * block's end), the output window full, invalid bytes marked 0xFF, a
 * character the file's end cuts, and which first blocks count as UTF-8. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "textconv.h"

/* 示例省,2024\n沈阳 in GB18030, and in UTF-8 */
static const char gbk[] = "\xCA\xBE\xC0\xFD\xCA\xA1,2024\n\xC9\xF2\xD1\xF4";
static const char utf8[] = "示例省,2024\n沈阳";

/* Converts in[0..n) fed `step` bytes at a time into out (room `room`
 * bytes at a time, as the reader's window fills), as the table reader
 * does: unconverted bytes are kept and given again with the next piece.
 * Returns the output's length. */
static size_t feed(const char *enc, const char *in, size_t n, size_t step, size_t room, char *out,
                   size_t cap, unsigned char *bad)
{
    tc_conv *c = tc_open(enc);
    ck_assert_ptr_nonnull(c);
    char pending[64];
    size_t npend = 0, at = 0, len = 0;
    for (;;) {
        size_t take = n - at < step ? n - at : step;
        memcpy(pending + npend, in + at, take);
        npend += take;
        at += take;
        bool final = at == n;
        const char *ip = pending;
        size_t left = npend;
        for (;;) {
            char *op = out + len;
            size_t olen = cap - len < room ? cap - len : room;
            bool moved = tc_convert(c, &ip, &left, &op, &olen, final);
            len = (size_t)(op - out);
            if (!moved || left == 0)
                break;
        }
        memmove(pending, ip, left);
        npend = left;
        if (final)
            break;
    }
    ck_assert_uint_eq(npend, 0);
    *bad = tc_had_bad(c) ? tc_bad_byte(c) : 0;
    tc_close(c);
    return len;
}

START_TEST(gb18030_in_pieces)
{
    char out[128];
    unsigned char bad;
    for (size_t step = 1; step <= sizeof gbk; step++)
        for (size_t room = 4; room <= 16; room += 3) {
            size_t n = feed("GB18030", gbk, sizeof gbk - 1, step, room, out, sizeof out, &bad);
            ck_assert_uint_eq(n, strlen(utf8));
            ck_assert(memcmp(out, utf8, n) == 0);
            ck_assert_uint_eq(bad, 0);
        }
}
END_TEST

START_TEST(invalid_bytes_marked)
{
    /* 0x80 is no GB18030 character: one 0xFF in its place, the rest
     * converted; a lead byte the file's end cuts is invalid too */
    const char in[] = "a\x80" "b\xCA\xBE" "c\xCA";
    char out[64];
    unsigned char bad;
    size_t n = feed("GB18030", in, sizeof in - 1, 2, 64, out, sizeof out, &bad);
    ck_assert_uint_eq(n, 8);
    ck_assert(memcmp(out, "a\xFF" "b示c\xFF", 8) == 0);
    ck_assert_uint_eq(bad, 0x80);
}
END_TEST

START_TEST(looks_utf8)
{
    ck_assert(tc_looks_utf8(utf8, strlen(utf8), true));
    ck_assert(!tc_looks_utf8(gbk, sizeof gbk - 1, true));
    /* ASCII alone says nothing: it is converted (unchanged) */
    ck_assert(!tc_looks_utf8("region,year\n", 12, true));
    /* a UTF-8 character the block's end cuts, unless it is the file's end */
    ck_assert(tc_looks_utf8(utf8, 4, false));
    ck_assert(!tc_looks_utf8(utf8, 4, true));
    /* a NUL byte: no text (UTF-16 has them) */
    ck_assert(!tc_looks_utf8("\xE7\xA4\xBA\0", 4, true));
    ck_assert(tc_is_utf8("utf-8") && tc_is_utf8("UTF8") && !tc_is_utf8("GBK"));
    ck_assert_ptr_null(tc_open("no-such-encoding"));
}
END_TEST

START_TEST(judge)
{
    tc_conv *gbk18030 = tc_open("GB18030"), *utf16 = tc_open("UTF-16"), *ebcdic = tc_open("IBM037"),
            *utf7 = tc_open("UTF-7");
    ck_assert(gbk18030 && utf16 && ebcdic && utf7);
    /* UTF-8 beyond ASCII, and text that is none */
    ck_assert_int_eq(tc_judge(gbk18030, utf8, strlen(utf8), true), TC_AS_IS);
    ck_assert_int_eq(tc_judge(gbk18030, gbk, sizeof gbk - 1, false), TC_CONVERT);
    ck_assert_int_eq(tc_judge(utf16, "r\0,\0", 4, false), TC_CONVERT);
    /* ASCII in an encoding whose ASCII is the same bytes: the next block
     * decides (a UTF-8 character its end cuts is no more), the file's
     * end reads it as it is */
    ck_assert_int_eq(tc_judge(gbk18030, "region,year\n", 12, false), TC_WAIT);
    ck_assert_int_eq(tc_judge(gbk18030, "region,year\n\xE7\xA4", 14, false), TC_WAIT);
    ck_assert_int_eq(tc_judge(gbk18030, "region,year\n", 12, true), TC_AS_IS);
    /* ASCII is no UTF-16 or EBCDIC text (no NUL byte, no digit above
     * 127), but it is UTF-7's */
    ck_assert_int_eq(tc_judge(utf16, "region,year\n", 12, false), TC_AS_IS);
    ck_assert_int_eq(tc_judge(ebcdic, "region,year\n", 12, false), TC_AS_IS);
    ck_assert_int_eq(tc_judge(utf7, "region,year\n", 12, false), TC_CONVERT);
    tc_close(gbk18030);
    tc_close(utf16);
    tc_close(ebcdic);
    tc_close(utf7);
}
END_TEST

/* A name decoded in the wrong encoding, read back as the right one
 * (encoding_region_note); no reading when nothing changes or the text
 * cannot be written back. */
START_TEST(reread)
{
    char *s = tc_reread("朻栠庈", "BIG5", "GB18030");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "沈阳市");
    free(s);
    ck_assert_ptr_null(tc_reread("region", "BIG5", "GB18030"));   /* ASCII: the same */
    ck_assert_ptr_null(tc_reread("沈阳市", "BIG5", "GB18030")); /* 沈阳 has no Big5 bytes */
    ck_assert_ptr_null(tc_reread("x", "NO-SUCH-ENCODING", "UTF-8"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("textconv");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, gb18030_in_pieces);
    tcase_add_test(tc, invalid_bytes_marked);
    tcase_add_test(tc, looks_utf8);
    tcase_add_test(tc, judge);
    tcase_add_test(tc, reread);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
