/* test_report_number.c — report_format_number against the search it
 * replaced: the text of every number must stay byte for byte what the
 * old "%.Ng"-and-strtod search printed.  The old algorithm is kept here
 * as the reference and both are run on millions of values: random bit
 * patterns, decimals of many magnitudes and fraction lengths, results of
 * arithmetic on them, ties, and the edges of every branch (1e-4, 1e15,
 * 1e16, 1e17, 1e21, DBL_MIN, subnormals, powers of two and ten) with their
 * neighbours.  PLANC_NUMBER_SCALE=N runs N times as many random values. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "report.h"

/* Significant digits of a formatted number (the reference's helper). */
static int ref_significant_digits(const char *s)
{
    int first = -1, last = -1, n = 0;
    for (; *s && *s != 'e'; s++) {
        if (*s < '0' || *s > '9')
            continue;
        if (*s != '0') {
            if (first < 0)
                first = n;
            last = n;
        }
        n++;
    }
    return first < 0 ? 0 : last - first + 1;
}

/* snprintf "%.*g" (the reference's helper). */
static bool ref_format_g(char buf[32], int prec, double v)
{
    int n = snprintf(buf, 32, "%.*g", prec, v);
    return n > 0 && n < 32;
}

/* The reference: report_format_number as it was before the exact paths
 * (the least "%.Ng" precision that reads back, plain digits for a
 * positive exponent below 17 when they need no more digits). */
static void reference_format(double v, char buf[32])
{
    if (isnan(v)) {
        buf[0] = '\0';
        return;
    }
    if (v == 0) {
        strcpy(buf, "0");
        return;
    }
    if (v == trunc(v) && fabs(v) < 1e15) {
        snprintf(buf, 32, "%.0f", v);
        return;
    }
    int prec = 15;
    if (fabs(v) < DBL_MIN) {
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (ref_format_g(buf, mid, v) && strtod(buf, NULL) == v)
                hi = mid;
            else
                lo = mid + 1;
        }
        prec = lo;
    } else {
        while (prec < 17 && !(ref_format_g(buf, prec, v) && strtod(buf, NULL) == v))
            prec++;
    }
    ref_format_g(buf, prec, v);
    const char *e = strchr(buf, 'e');
    if (e && e[1] == '+') {
        int x = atoi(e + 2);
        char plain[32];
        if (x < 17) {
            if (ref_format_g(plain, x + 1, v) &&
                ref_significant_digits(plain) == ref_significant_digits(buf))
                strcpy(buf, plain);
        }
    }
}

/* How many values the running test compared. */
static long compared;

/* Compares report_format_number with the reference on v and -v; fails
 * the test at the first difference. */
static void same(double v)
{
    for (int sign = 0; sign < 2; sign++, v = -v) {
        char got[32], want[32];
        report_format_number(v, got);
        reference_format(v, want);
        compared++;
        if (strcmp(got, want) != 0)
            ck_abort_msg("%a (%.17g): got \"%s\", the reference prints \"%s\"", v, v, got, want);
    }
}

/* v and its n nearest neighbours on each side. */
static void around(double v, int n)
{
    same(v);
    double up = v, down = v;
    for (int i = 0; i < n; i++) {
        up = nextafter(up, INFINITY);
        down = nextafter(down, -INFINITY);
        same(up);
        same(down);
    }
}

/* A xorshift64* generator: the tests are the same on every run. */
static uint64_t rng_state;

/* The next pseudo-random 64 bits. */
static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Du;
}

/* A pseudo-random integer with 1 to `digits` digits (uniform in the
 * number of digits, then in the value). */
static uint64_t rnd_digits(int digits)
{
    int n = 1 + (int)(rnd() % (uint64_t)digits);
    uint64_t hi = 1;
    for (int i = 0; i < n; i++)
        hi *= 10;
    return rnd() % hi;
}

/* 10^d as a double (exact for d <= 22). */
static double p10(int d)
{
    double r = 1;
    for (int i = 0; i < d; i++)
        r *= 10;
    return r;
}

/* The random-value multiplier from PLANC_NUMBER_SCALE (default 1). */
static long scale(void)
{
    const char *s = getenv("PLANC_NUMBER_SCALE");
    long n = s ? strtol(s, NULL, 10) : 1;
    return n > 0 ? n : 1;
}

START_TEST(fixed_cases)
{
    /* Documented texts (report.h, docs/LANGUAGE.md §11). */
    static const struct {
        double v;
        const char *text;
    } cases[] = {
        {600.63, "600.63"},
        {546.215, "546.215"},
        {836.3299999999999, "836.3299999999999"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0 / 3, "0.3333333333333333"},
        {2.0 / 3, "0.6666666666666666"},
        {0.0001, "0.0001"},
        {0.00012345, "0.00012345"},
        {-0.000999, "-0.000999"},
        {123456789012345.25, "123456789012345.25"},
        {999999999999999.9, "999999999999999.9"},
        {-999999999999999.0, "-999999999999999"},
        {1e15, "1000000000000000"},
        {0.5, "0.5"},
        {-7.25, "-7.25"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[32];
        report_format_number(cases[i].v, buf);
        ck_assert_str_eq(buf, cases[i].text);
        same(cases[i].v);
    }
}
END_TEST

START_TEST(edges_and_neighbours)
{
    /* Every power of two (normal and subnormal), with neighbours: the
     * gap below a power of two is half the gap above. */
    for (int e = -1074; e <= 1023; e++)
        around(ldexp(1, e), 3);
    /* Powers of ten, from text (the nearest double, above or below). */
    for (int x = -330; x <= 308; x++) {
        char t[16];
        snprintf(t, sizeof t, "1e%d", x);
        around(strtod(t, NULL), 3);
    }
    /* The branch edges and multiples of them. */
    static const double edges[] = {1e-4, 1e-5, 1e15, 1e16, 1e17, 1e21, DBL_MIN, DBL_MAX,
                                   DBL_TRUE_MIN, 0x1p-14, 0x1p50, 0x1p52, 0x1p53, 9.5e-5,
                                   999999999999999.9, 99999999999999.99, 0.00099999999999999};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        for (int k = 1; k <= 99; k++)
            around(edges[i] * k, 12);
    /* Subnormals: the smallest ones, and a spread. */
    for (int i = 1; i < 2000; i++)
        same(i * DBL_TRUE_MIN);
    same(INFINITY);
    same(NAN);
    same(DBL_MAX);
}
END_TEST

START_TEST(decimals)
{
    rng_state = 0x9E3779B97F4A7C15u;
    long n = 4000 * scale();
    for (long i = 0; i < n; i++) {
        /* Whole hundredths and thousandths in many magnitudes. */
        same((double)rnd_digits(17) / 100);
        same((double)rnd_digits(17) / 1000);
        /* k / 10^d for every d up to 22, k of up to 17 digits. */
        for (int d = 0; d <= 22; d++)
            same((double)rnd_digits(17) / p10(d));
        /* Shortest decimals of 15 and 16 digits read from text. */
        char t[40];
        snprintf(t, sizeof t, "%llue%d", (unsigned long long)rnd_digits(16),
                 (int)(rnd() % 40) - 25);
        around(strtod(t, NULL), 1);
    }
}
END_TEST

START_TEST(arithmetic)
{
    /* What a report holds: sums, products and quotients of data values
     * (hundredths), which need 16 or 17 digits as often as not. */
    rng_state = 0xD1B54A32D192ED03u;
    long n = 20000 * scale();
    for (long i = 0; i < n; i++) {
        double a = (double)(rnd() % 10000000) / 100, b = (double)(1 + rnd() % 100000) / 100;
        same(a + b);
        same(a - b);
        same(a * b);
        same(a / b);
        same((a - b) / b * 100);
        same(a + (b - a) * (double)(rnd() % 12) / 11);
    }
}
END_TEST

START_TEST(ties)
{
    /* Values halfway between two 15-, 16- or 17-digit decimals (x.25,
     * x.75, x.5 at the digits' end), where printf rounds to even. */
    rng_state = 0x853C49E6748FEA9Bu;
    long n = 8000 * scale();
    for (long i = 0; i < n; i++) {
        int digits = 13 + (int)(rnd() % 4);
        uint64_t k = rnd_digits(digits);
        static const double frac[] = {0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875, 0.0625};
        double v = (double)k + frac[rnd() % 8];
        around(v, 1);
        around(v / p10((int)(rnd() % 16)), 1);
    }
}
END_TEST

/* The rounding of the texts for people (report_format_shown): the page's
 * two decimals, explain's four, three (five) significant digits below 1,
 * -0 as 0, NaN empty; a pair written alike while different is written in
 * full. */
START_TEST(shown)
{
    char a[32], b[32];
    report_format_shown(35.333333333333336, REPORT_PAGE_DECIMALS, a);
    ck_assert_str_eq(a, "35.33");
    report_format_shown(35.333333333333336, REPORT_EXPLAIN_DECIMALS, a);
    ck_assert_str_eq(a, "35.3333");
    report_format_shown(66.66666666666667, REPORT_PAGE_DECIMALS, a);
    ck_assert_str_eq(a, "66.67");
    report_format_shown(12.5, REPORT_PAGE_DECIMALS, a);
    ck_assert_str_eq(a, "12.5");
    report_format_shown(42, REPORT_EXPLAIN_DECIMALS, a);
    ck_assert_str_eq(a, "42");
    report_format_shown(0.0326, REPORT_PAGE_DECIMALS, a);
    ck_assert_str_eq(a, "0.0326");
    report_format_shown(0.123456, REPORT_EXPLAIN_DECIMALS, a);
    ck_assert_str_eq(a, "0.12346");
    report_format_shown(-0.001, REPORT_PAGE_DECIMALS, a);
    ck_assert_str_eq(a, "-0.001");
    report_format_shown(-0.0, REPORT_PAGE_DECIMALS, a);
    ck_assert_str_eq(a, "0");
    report_format_shown(-0.004, 2, a);
    ck_assert_str_eq(a, "-0.004");
    report_format_shown(-1.004, 2, a);
    ck_assert_str_eq(a, "-1");
    report_format_shown(NAN, 2, a);
    ck_assert_str_eq(a, "");
    /* a pair: rounded when that tells them apart, else both in full */
    report_format_shown_pair(52.1064, 65.6987, 2, a, b);
    ck_assert_str_eq(a, "52.11");
    ck_assert_str_eq(b, "65.7");
    report_format_shown_pair(52.1064, 52.1088, 2, a, b);
    ck_assert_str_eq(a, "52.1064");
    ck_assert_str_eq(b, "52.1088");
    report_format_shown_pair(90.00001, 90, 4, a, b);
    ck_assert_str_eq(a, "90.00001");
    ck_assert_str_eq(b, "90");
    /* equal numbers stay rounded */
    report_format_shown_pair(1.0 / 3, 1.0 / 3, 2, a, b);
    ck_assert_str_eq(a, "0.333");
    ck_assert_str_eq(b, "0.333");
}
END_TEST

START_TEST(random_bits)
{
    rng_state = 0x2545F4914F6CDD1Du;
    long n = 40000 * scale();
    for (long i = 0; i < n; i++) {
        /* Any bit pattern... */
        double v;
        uint64_t bits = rnd();
        memcpy(&v, &bits, sizeof v);
        same(v);
        /* ...and patterns with exponents from 2^-16 to 2^54, where the
         * exact paths work. */
        bits = (rnd() & 0x800FFFFFFFFFFFFFu) | ((uint64_t)(1023 - 16 + rnd() % 71) << 52);
        memcpy(&v, &bits, sizeof v);
        same(v);
    }
}
END_TEST

/* Says how many values the test compared. */
static void count_values(void)
{
    fprintf(stderr, "report_number: %ld values compared\n", compared);
    compared = 0;
}

int main(void)
{
    Suite *s = suite_create("report_number");
    TCase *tc = tcase_create("same as the search");
    tcase_set_timeout(tc, 300);
    tcase_add_checked_fixture(tc, NULL, count_values);
    tcase_add_test(tc, fixed_cases);
    tcase_add_test(tc, edges_and_neighbours);
    tcase_add_test(tc, decimals);
    tcase_add_test(tc, arithmetic);
    tcase_add_test(tc, ties);
    tcase_add_test(tc, random_bits);
    tcase_add_test(tc, shown);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
