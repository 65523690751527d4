/* report.c — the results as CSV: one row per (region, year, item).
 *
 * Rows follow the table (regions in declaration order, years ascending);
 * within a (region, year) come every target in program order, then — when
 * the program has an assessment — every measure, every section and the
 * total.  Numbers are printed in the shortest form that reads back to the
 * same double; a missing value is an empty cell. */
#include "report.h"

#include <float.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "report_style.h"
#include "rtmem.h"

/* The header row; with `tolerance` after `goal` when a target of the
 * rules has a tolerance (report_has_tolerance), else without. */
static const char header[] =
    "region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes,"
    "parent,top\n";
static const char header_tolerance[] =
    "region,year,kind,id,name,clause,lead,status,value,unit,goal,tolerance,expected,score,weight,grade,"
    "vetoes,parent,top\n";

/* A growable string, reused for joined lists. */
typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

/* Appends text to b. */
static void sb_add(strbuf *b, const char *text)
{
    size_t n = strlen(text);
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 64;
        b->s = rt_xrealloc(b->s, b->cap, 1);
    }
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

/* Text formatted from fmt (a label with its arguments), malloc'd. */
static char *sb_printf(const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *out = rt_xmalloc(n > 0 ? (size_t)n + 1 : 1, 1);
    out[0] = '\0';
    if (n > 0)
        vsnprintf(out, (size_t)n + 1, fmt, again);
    va_end(again);
    return out;
}

/* Empties b (keeping its storage). */
static void sb_clear(strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

bool report_csv_guarded(const char *s)
{
    return s && s[0] && strchr("=+-@\t\r'", s[0]);
}

/* The most bytes put_field writes for a text of n bytes: every byte a
 * doubled quote, the guard's quote, the two quotes around and the
 * separator. */
static size_t field_room(size_t n)
{
    return 2 * n + 4;
}

/* Writes one text field and then sep to dst (which has
 * field_room(strlen(s)) bytes): with a quote (') in front when
 * report_csv_guarded says so, and quoted (RFC 4180) when it holds a
 * comma, a quote or a line break; a NULL field is empty.  Returns the
 * bytes written. */
static size_t put_field(char *dst, const char *s, size_t n, char sep)
{
    char *d = dst;
    bool guard = report_csv_guarded(s);
    if (s && strpbrk(s, ",\"\r\n")) {
        *d++ = '"';
        if (guard)
            *d++ = '\'';
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"')
                *d++ = '"';
            *d++ = s[i];
        }
        *d++ = '"';
    } else if (s) {
        if (guard)
            *d++ = '\'';
        memcpy(d, s, n);
        d += n;
    }
    *d++ = sep;
    return (size_t)(d - dst);
}

/* Appends one field and then sep to b (see put_field). */
static void sb_field(strbuf *b, const char *s, char sep)
{
    size_t n = s ? strlen(s) : 0, room = field_room(n) + 1;
    if (b->len + room > b->cap) {
        while (b->len + room > b->cap)
            b->cap = b->cap ? b->cap * 2 : 64;
        b->s = rt_xrealloc(b->s, b->cap, 1);
    }
    b->len += put_field(b->s + b->len, s, n, sep);
    b->s[b->len] = '\0';
}

/* Significant digits of a formatted number: the mantissa's digits without
 * leading and trailing zeros. */
static int significant_digits(const char *s)
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

/* snprintf "%.*g" into a 32-byte buffer (at most 17 digits need 24
 * bytes); true unless the text did not fit. */
static bool format_g(char buf[32], int prec, double v)
{
    int n = snprintf(buf, 32, "%.*g", prec, v);
    return n > 0 && n < 32;
}

/* Unsigned 128-bit integers (a GCC and Clang extension): room for the
 * exact product of a 53-bit mantissa and a power of ten up to 10^21. */
__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

/* 10^i for 0 <= i <= 19. */
static const uint64_t pow10_u64[20] = {
    1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u,
    1000000000u, 10000000000u, 100000000000u, 1000000000000u, 10000000000000u,
    100000000000000u, 1000000000000000u, 10000000000000000u, 100000000000000000u,
    1000000000000000000u, 10000000000000000000u};

/* 10^i as a 128-bit integer, for 0 <= i <= 38. */
static u128 pow10_u128(int i)
{
    return i < 20 ? pow10_u64[i] : (u128)pow10_u64[19] * pow10_u64[i - 19];
}

/* The number of decimal digits of k (1 for 0): estimated from its bit
 * length (log10 2 is about 1233 / 4096; the estimate t is the digits of
 * 2^(bits-1), so k has t or t + 1), then one comparison.  k | 1 has the
 * digits of k (a power of ten above 1 is even) and counts 0 as 1. */
static int count_digits(uint64_t k)
{
    k |= 1;
    int t = (64 - __builtin_clzll(k)) * 1233 >> 12;
    return t + (k >= pow10_u64[t]);
}

/* Writes the last n digits of k to s (leading zeros when k has fewer; no
 * terminator), two digits a step from a table of "00" to "99". */
static void put_digits(char *s, uint64_t k, int n)
{
    static const char pairs[201] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    while (n >= 2 && k > UINT32_MAX) {
        unsigned r = (unsigned)(k % 100);
        k /= 100;
        n -= 2;
        memcpy(s + n, pairs + 2 * r, 2);
    }
    /* the rest in 32 bits: cheaper divisions by 100 */
    uint32_t k32 = (uint32_t)k;
    while (n >= 2) {
        unsigned r = k32 % 100;
        k32 /= 100;
        n -= 2;
        memcpy(s + n, pairs + 2 * r, 2);
    }
    if (n == 1)
        s[0] = (char)('0' + k32 % 10);
}

/* Writes the decimal k / 10^d, negated when neg, in plain digits without
 * trailing zeros (as "%g" does): "12.5", "0.0003", "42".  Needs d <= 20;
 * with at most 17 digits in k the text fits in buf.  Returns its length. */
static size_t put_decimal(char buf[32], bool neg, uint64_t k, int d)
{
    /* Trailing zeros of the fraction go eight, four, two and one at a
     * time (a 15-digit k often ends in ten zeros). */
    while (d >= 8 && k % 100000000 == 0) {
        k /= 100000000;
        d -= 8;
    }
    if (d >= 4 && k % 10000 == 0) {
        k /= 10000;
        d -= 4;
    }
    if (d >= 2 && k % 100 == 0) {
        k /= 100;
        d -= 2;
    }
    if (d >= 1 && k % 10 == 0) {
        k /= 10;
        d -= 1;
    }
    int n = count_digits(k);
    char *s = buf;
    if (neg)
        *s++ = '-';
    if (n <= d) {
        *s++ = '0';
        *s++ = '.';
        put_digits(s, k, d); /* with d - n leading zeros */
        s += d;
    } else if (d > 0) {
        /* The digits one place on, then the whole part (a few digits,
         * mostly) moved back to make room for the point (constant
         * divisors only: a division by 10^d is slow). */
        put_digits(s + 1, k, n);
        for (int i = 0; i < n - d; i++)
            s[i] = s[i + 1];
        s[n - d] = '.';
        s += n + 1;
    } else {
        put_digits(s, k, n);
        s += n;
    }
    *s = '\0';
    return (size_t)(s - buf);
}

/* m * 10^d / 2^sh rounded to the nearest integer, ties to even (as glibc's
 * printf rounds the exact binary value); *err gets the rounded value minus
 * the exact one, times 2^sh.  Needs 1 <= sh <= 66 and a result below
 * 2^60. */
static uint64_t scaled_round(uint64_t m, int d, int sh, i128 *err)
{
    u128 exact = (u128)m * pow10_u128(d);
    u128 q = exact >> sh;
    u128 rem = exact - (q << sh), half = (u128)1 << (sh - 1);
    if (rem > half || (rem == half && (q & 1)))
        q++;
    *err = (i128)(q << sh) - (i128)exact;
    return (uint64_t)q;
}

/* Formats v, with 1e-4 <= |v| < 1e15 and v not whole, exactly as the
 * search in format_searched does, in integer arithmetic.  |v| = m * 2^-sh
 * with a 53-bit m (3 <= sh <= 66, as 2^-14 < |v| < 2^50).  For precision
 * p = 15, 16, 17, "%.pg" prints k / 10^d with d = p - 1 - x and
 * 10^x <= |v| < 10^(x+1) (plain digits, as -4 <= x <= 14), k being
 * |v| * 10^d rounded to nearest-even; strtod reads that decimal back as
 * v when it lies within half the gap to v's neighbours: |k - |v| * 10^d|
 * times 2^sh (err) below 10^d / 2 (a quarter below v when m = 2^52, as
 * the gap below a power of two is half), or equal to it when the tie goes
 * to v (m even).  17 digits always read back.  (Exact ties cannot occur
 * here: a midpoint between doubles this size has more than 17 digits;
 * tests/unit/test_report_number.c checks every power of two in range.) */
static size_t format_exact(double v, char buf[32])
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int biased = (int)(bits >> 52 & 0x7FF); /* v is normal */
    uint64_t m = (bits & (((uint64_t)1 << 52) - 1)) | (uint64_t)1 << 52;
    int sh = 1075 - biased;
    /* x: an estimate from the binary exponent (|v| >= 2^(biased-1023)),
     * then made exact by the 17-digit truncation, which has 17 digits just
     * when x is right. */
    int x = (int)floor((biased - 1023) * 0.30102999566398120);
    for (;;) {
        u128 t = ((u128)m * pow10_u128(16 - x)) >> sh;
        if (t >= pow10_u128(17))
            x++;
        else if (t < pow10_u128(16))
            x--;
        else
            break;
    }
    for (int p = 15;; p++) {
        int d = p - 1 - x;
        i128 err;
        uint64_t k = scaled_round(m, d, sh, &err);
        u128 gap = pow10_u128(d);
        u128 twice = (u128)(err < 0 ? -err : err) * 2;
        if (err < 0 && m == (uint64_t)1 << 52)
            twice *= 2;
        if (p == 17 || twice < gap || (twice == gap && m % 2 == 0))
            return put_decimal(buf, v < 0, k, d);
    }
}

/* Formats v (not NaN, not 0, and not of the cases report_format_number
 * computes exactly) by searching the least "%.Ng" precision that strtod
 * reads back. */
static void format_searched(double v, char buf[32])
{
    /* The least precision that reads back.  When some N <= 15 digits read
     * back, "%.15g" prints exactly those N digits: v is within half an ulp
     * (< 1.2e-16 relative) of that N-digit decimal, so rounding v to 15
     * digits gives the same decimal padded with zeros, which %g strips.
     * Otherwise 16 digits may do, and 17 always do.  Three tries at most
     * (number printing dominates the time of a large report).  Subnormal
     * numbers have fewer bits, so their shortest form is searched for:
     * if N digits read back, N + 1 do too, so a binary search finds it. */
    int prec = 15;
    if (fabs(v) < DBL_MIN) {
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (format_g(buf, mid, v) && strtod(buf, NULL) == v)
                hi = mid;
            else
                lo = mid + 1;
        }
        prec = lo;
    } else {
        while (prec < 17 && !(format_g(buf, prec, v) && strtod(buf, NULL) == v))
            prec++;
    }
    format_g(buf, prec, v);
    /* "1e+02" round-trips at one digit, but a reader wants "100": a
     * number written with a positive exponent below 17 is written in plain
     * digits instead when that shows the same significant digits (it then
     * reads back the same). */
    const char *e = strchr(buf, 'e');
    if (e && e[1] == '+') {
        int x = atoi(e + 2);
        char plain[32];
        if (x < 17) {
            if (format_g(plain, x + 1, v) && significant_digits(plain) == significant_digits(buf))
                strcpy(buf, plain);
        }
    }
}

/* report_format_number, returning the length of the text. */
static size_t format_number(double v, char buf[32])
{
    if (isnan(v)) {
        buf[0] = '\0';
        return 0;
    }
    if (v == 0) {
        strcpy(buf, "0");
        return 1;
    }
    double a = fabs(v);
    /* Whole numbers below 1e15 are exact in plain digits (and the search
     * would give the same text). */
    if (a < 1e15 && (double)(uint64_t)a == a) /* whole: trunc() without the call */
        return put_decimal(buf, v < 0, (uint64_t)a, 0);
    if (a >= 1e-4 && a < 1e15) {
        /* Most data have a few decimals.  k = |v| * 10^6 rounded: when
         * k / 10^6 (k at most 10^15, so at most 15 significant digits)
         * reads back as |v| — the division of two exact doubles rounds as
         * strtod does — it is the one decimal of at most 15 digits that
         * does, which "%.15g" prints (see format_searched); plain digits,
         * as it lies in [1e-4, 1e15) too.  Every such decimal with at most
         * six places passes when |v| < 1e9 (the product is off by less
         * than 0.25); the rest is format_exact's. */
        double prod = a * 1e6;
        if (prod < 1e15) {
            uint64_t k = (uint64_t)(prod + 0.5);
            if ((double)k / 1e6 == a)
                return put_decimal(buf, v < 0, k, 6);
        }
        return format_exact(v, buf);
    }
    format_searched(v, buf);
    return strlen(buf);
}

void report_format_number(double v, char buf[32])
{
    format_number(v, buf);
}

void report_format_shown(double v, int decimals, char buf[32])
{
    if (isnan(v)) {
        buf[0] = '\0';
        return;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 10)
        decimals = 10;
    if (!isfinite(v) || fabs(v) >= 1e15 || (v != 0 && fabs(v) < 1)) {
        snprintf(buf, 32, "%.*g", decimals + 1, v);
        return;
    }
    snprintf(buf, 32, "%.*f", decimals, v);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf);
        while (end > dot + 1 && end[-1] == '0')
            *--end = '\0';
        if (end == dot + 1)
            *dot = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
}

void report_format_shown_pair(double a, double b, int decimals, char abuf[32], char bbuf[32])
{
    report_format_shown(a, decimals, abuf);
    report_format_shown(b, decimals, bbuf);
    if (strcmp(abuf, bbuf) == 0 && !(a == b || (isnan(a) && isnan(b)))) {
        report_format_number(a, abuf);
        report_format_number(b, bbuf);
    }
}

/* The CSV being written: lines are built in a large buffer written with
 * one fwrite when full, and the fields that are the same on every row of
 * an item (its kind, id, name, clause and lead; its unit) are formatted
 * once per item.  The region's field is kept while rows of one region
 * follow each other. */
typedef struct csv_writer {
    FILE *out;               /* NULL: the buffer grows instead (a stream's place) */
    char *buf;
    size_t len, cap;
    bool failed;             /* a write failed */
    strbuf *items;           /* per item: "kind,id,name,clause,lead," */
    strbuf *units;           /* per item: "unit," */
    uint32_t nitems;
    const char *region;      /* the region whose field is in regionf */
    strbuf regionf;
    strbuf tailf;            /* its ",,parent,top\n": the row's last fields
                                after `weight` when grade and vetoes are
                                empty (all but total rows), from tailf.s + 2
                                its last two */
    bool tolerance;          /* the rows have a tolerance column */
} csv_writer;

/* The size of the output buffer. */
enum { CSV_BUFFER = 1 << 18 };

/* Writes out what the buffer holds. */
static void cw_flush(csv_writer *w)
{
    if (w->len && !w->failed && fwrite(w->buf, 1, w->len, w->out) != w->len)
        w->failed = true;
    w->len = 0;
}

/* Makes room for n more bytes in the buffer; returns where they go. */
static char *cw_room(csv_writer *w, size_t n)
{
    if (w->len + n > w->cap) {
        if (w->out)
            cw_flush(w);
        if (w->len + n > w->cap) {
            w->cap = w->len + n > 2 * w->cap ? w->len + n : 2 * w->cap;
            w->buf = rt_xrealloc(w->buf, w->cap, 1);
        }
    }
    return w->buf + w->len;
}

/* Appends n bytes. */
static void cw_bytes(csv_writer *w, const char *s, size_t n)
{
    memcpy(cw_room(w, n), s, n);
    w->len += n;
}

/* Appends a text field and then sep (see put_field). */
static void cw_field(csv_writer *w, const char *s, char sep)
{
    size_t n = s ? strlen(s) : 0;
    w->len += put_field(cw_room(w, field_room(n)), s, n, sep);
}

/* Appends a number field (empty for NaN) and a comma. */
static void cw_number(csv_writer *w, double v)
{
    char *d = cw_room(w, 33);
    size_t n = format_number(v, d);
    d[n] = ',';
    w->len += n + 1;
}

/* Appends a year field and a comma. */
static void cw_year(csv_writer *w, int year)
{
    char *d = cw_room(w, 16);
    char *s = d;
    if (year < 0)
        *s++ = '-';
    uint64_t y = year < 0 ? 0u - (uint64_t)year : (uint64_t)year;
    int n = count_digits(y);
    put_digits(s, y, n);
    s += n;
    *s++ = ',';
    w->len += (size_t)(s - d);
}

/* Writes one result row (report_each_row's callback); nonzero once a
 * write failed. */
static int put_row(const report_row *it, void *ctx)
{
    csv_writer *w = ctx;
    if (it->region != w->region) {
        w->region = it->region;
        sb_clear(&w->regionf);
        sb_field(&w->regionf, it->region, ',');
        sb_clear(&w->tailf);
        sb_add(&w->tailf, ",,");
        sb_field(&w->tailf, it->parent, ',');
        sb_field(&w->tailf, it->top, '\n');
    }
    cw_bytes(w, w->regionf.s, w->regionf.len);
    cw_year(w, it->year);
    strbuf *item = &w->items[it->item], *unit = &w->units[it->item];
    if (!item->s) {
        sb_field(item, it->kind, ',');
        sb_field(item, it->id, ',');
        sb_field(item, it->name, ',');
        sb_field(item, it->clause, ',');
        sb_field(item, it->lead, ',');
        sb_field(unit, it->unit, ',');
    }
    cw_bytes(w, item->s, item->len);
    cw_field(w, it->status, ',');
    cw_number(w, it->value);
    cw_bytes(w, unit->s, unit->len);
    cw_number(w, it->goal);
    if (w->tolerance)
        cw_number(w, it->tolerance);
    cw_number(w, it->expected);
    cw_number(w, it->score);
    cw_number(w, it->weight);
    if ((it->grade && *it->grade) || (it->vetoes && *it->vetoes)) {
        cw_field(w, it->grade, ',');
        cw_field(w, it->vetoes, ',');
        cw_bytes(w, w->tailf.s + 2, w->tailf.len - 2);
    } else {
        cw_bytes(w, w->tailf.s, w->tailf.len);
    }
    return w->failed;
}

/* Slot `slot` of target tg on the row, or NaN when the row is
 * not_applicable (report_target_goal). */
static double applicable_value(const rt_result *r, const ir_target *tg, uint32_t slot, size_t row)
{
    if (rt_result_value(r, tg->status, row) == IR_ST_NA)
        return NAN;
    return rt_result_value(r, slot, row);
}

double report_target_goal(const rt_result *r, const ir_target *tg, size_t row)
{
    return applicable_value(r, tg, tg->goal, row);
}

bool report_target_bool(const ir_program *p, const ir_target *tg)
{
    return tg->value < p->nsteps && p->steps[tg->value].type == IR_BOOL;
}

const char *report_unit_shown(const char *unit)
{
    if (!unit || strcmp(unit, "bool") == 0 || strcmp(unit, "1") == 0)
        return NULL;
    return unit;
}

const char *report_target_unit_shown(const ir_target *tg)
{
    return report_unit_shown(tg->unit);
}

int report_on_track_zero(const ir_program *p, const ir_target *tg)
{
    if (tg->score_src)
        return -1;
    if (tg->kind && strcmp(tg->kind, "peaks") == 0)
        return LBL_WHY_ZERO_PEAKS;
    if (report_target_bool(p, tg))
        return LBL_WHY_ZERO_YESNO;
    return -1;
}

bool report_has_tolerance(const ir_program *p)
{
    for (uint32_t i = 0; i < p->ntargets; i++)
        for (uint32_t k = 0; k < p->targets[i].nmilestones; k++)
            if (p->targets[i].milestones[k].has_tolerance)
                return true;
    return false;
}

double report_target_tolerance(const rt_result *r, const ir_target *tg, size_t row, int year)
{
    long k = ir_current_milestone(tg, year);
    if (k < 0 || rt_result_value(r, tg->status, row) == IR_ST_NA)
        return NAN;
    return ir_tolerance(&tg->milestones[k]);
}

double report_target_expected(const rt_result *r, const ir_target *tg, size_t row)
{
    return applicable_value(r, tg, tg->expected, row);
}

int32_t report_region_top(const ir_program *p, uint32_t region)
{
    int32_t r = (int32_t)region;
    if (p->regions[r].parent < 0)
        return -1;
    for (uint32_t steps = 0; steps < p->nregions; steps++) {
        int32_t up = p->regions[r].parent;
        if (up < 0 || p->regions[up].parent < 0)
            break;
        r = up;
    }
    return r;
}

/* The names of a region's parent and top (report_region_top), NULL for
 * none: the results' last two columns. */
typedef struct region_place {
    const char *parent, *top;
} region_place;

static region_place place_of(const ir_program *p, uint32_t region)
{
    int32_t up = p->regions[region].parent, top = report_region_top(p, region);
    return (region_place){up >= 0 ? p->regions[up].name : NULL,
                          top >= 0 ? p->regions[top].name : NULL};
}

/* A row of `kind` with every number missing and every text empty. */
static report_row blank_row(const char *region, region_place pl, int year, const char *kind)
{
    return (report_row){.region = region, .parent = pl.parent, .top = pl.top, .year = year,
                        .kind = kind, .value = NAN,
                        .goal = NAN, .tolerance = NAN, .expected = NAN, .score = NAN,
                        .weight = NAN};
}

/* Each measure's lead text (report_style_lead), malloc'd; free with
 * free_leads. */
static char **make_leads(const ir_program *p)
{
    char **leads = rt_xcalloc(p->nmeasures + 1, sizeof *leads);
    for (uint32_t i = 0; i < p->nmeasures; i++)
        leads[i] = report_style_lead(&p->measures[i]);
    return leads;
}

static void free_leads(const ir_program *p, char **leads)
{
    for (uint32_t i = 0; i < p->nmeasures; i++)
        free(leads[i]);
    free(leads);
}

/* report_each_row over table rows [lo, hi), with the measures' leads. */
static int each_row(const ir_program *p, const rt_table *t, const rt_result *r, char **leads,
                    size_t lo, size_t hi, int (*fn)(const report_row *row, void *ctx), void *ctx)
{
    strbuf vetoes = {0};
    int rc = 0;
    uint32_t last = UINT32_MAX;
    region_place pl = {NULL, NULL};
    for (size_t row = lo; rc == 0 && row < hi; row++) {
        uint32_t reg = rt_table_region(t, row);
        const char *region = p->regions[reg].name;
        if (reg != last) /* rows of a region come together, mostly */
            pl = place_of(p, reg);
        last = reg;
        int year = rt_table_year(t, row);
        sb_clear(&vetoes);
        for (uint32_t i = 0; rc == 0 && i < p->ntargets; i++) {
            const ir_target *tg = &p->targets[i];
            double st = rt_result_value(r, tg->status, row);
            report_row it = blank_row(region, pl, year, "target");
            it.item = i;
            it.id = tg->name;
            it.name = tg->desc;
            it.clause = tg->clause;
            it.lead = tg->measure < p->nmeasures ? leads[tg->measure] : NULL;
            it.status = isnan(st) ? NULL : ir_statusname((int)st);
            it.value = rt_result_value(r, tg->value, row);
            it.unit = tg->unit;
            it.goal = report_target_goal(r, tg, row);
            it.tolerance = report_target_tolerance(r, tg, row, year);
            it.expected = report_target_expected(r, tg, row);
            it.score = rt_result_value(r, tg->score, row);
            it.weight = tg->weight;
            rc = fn(&it, ctx);
            if (tg->veto && st == IR_ST_FAILED) {
                if (vetoes.len)
                    sb_add(&vetoes, ";");
                sb_add(&vetoes, tg->name);
            }
        }
        if (!p->has_assessment)
            continue;
        for (uint32_t i = 0; rc == 0 && i < p->nmeasures; i++) {
            const ir_measure *m = &p->measures[i];
            report_row it = blank_row(region, pl, year, "measure");
            it.item = p->ntargets + i;
            it.id = m->id;
            it.name = m->title;
            it.clause = m->id;
            it.lead = leads[i];
            it.score = rt_result_value(r, m->score, row);
            it.weight = m->weight;
            rc = fn(&it, ctx);
        }
        for (uint32_t i = 0; rc == 0 && i < p->nsections; i++) {
            const ir_section *s = &p->sections[i];
            report_row it = blank_row(region, pl, year, "section");
            it.item = p->ntargets + p->nmeasures + i;
            it.id = s->id;
            it.name = s->title;
            it.score = rt_result_value(r, s->score, row);
            it.weight = s->weight;
            rc = fn(&it, ctx);
        }
        if (rc)
            break;
        report_row it = blank_row(region, pl, year, "total");
        it.item = p->ntargets + p->nmeasures + p->nsections;
        it.name = p->assessment;
        it.score = rt_result_value(r, p->total, row);
        double g = rt_result_value(r, p->grade, row);
        if (!isnan(g) && g >= 0 && g < p->nbands)
            it.grade = p->bands[(uint32_t)g];
        it.vetoes = vetoes.s;
        rc = fn(&it, ctx);
    }
    free(vetoes.s);
    return rc;
}

int report_each_row(const ir_program *p, const rt_table *t, const rt_result *r,
                    int (*fn)(const report_row *row, void *ctx), void *ctx)
{
    char **leads = make_leads(p);
    int rc = each_row(p, t, r, leads, 0, rt_table_nrows(t), fn, ctx);
    free_leads(p, leads);
    return rc;
}

/* A writer for p's rows into out (NULL: into its growing buffer), with a
 * buffer of cap bytes to start with. */
static void cw_init(csv_writer *w, const ir_program *p, FILE *out, size_t cap)
{
    *w = (csv_writer){.out = out, .cap = cap};
    w->buf = rt_xrealloc(NULL, w->cap, 1);
    w->nitems = p->ntargets + p->nmeasures + p->nsections + 1;
    w->items = rt_xcalloc(w->nitems, sizeof *w->items);
    w->units = rt_xcalloc(w->nitems, sizeof *w->units);
    w->tolerance = report_has_tolerance(p);
}

/* Frees what w holds. */
static void cw_free(csv_writer *w)
{
    for (uint32_t i = 0; i < w->nitems; i++) {
        free(w->items[i].s);
        free(w->units[i].s);
    }
    free(w->items);
    free(w->units);
    free(w->regionf.s);
    free(w->tailf.s);
    free(w->buf);
}

int report_csv(const ir_program *p, const rt_table *t, const rt_result *r, FILE *out)
{
    csv_writer w;
    cw_init(&w, p, out, CSV_BUFFER);
    if (w.tolerance)
        cw_bytes(&w, header_tolerance, sizeof header_tolerance - 1);
    else
        cw_bytes(&w, header, sizeof header - 1);
    report_each_row(p, t, r, put_row, &w);
    cw_flush(&w);
    bool failed = w.failed;
    cw_free(&w);
    return failed || ferror(out) ? -1 : 0;
}

/* A CSV report written from a stream: one writer per place, whose buffer
 * grows to hold its chunk's lines (formatted on the scoring thread) and is
 * written out by flush, in row order. */
struct report_csv_stream {
    const ir_program *p;
    const rt_table *t;
    FILE *out;
    char **leads;
    unsigned nplaces;
    csv_writer *places;
    bool *judged;           /* per place, p->ntargets flags
                               (report_mark_judged), merged at the end */
    report_ungraded *ungraded;  /* per place (report_mark_ungraded) */
    bool failed;            /* a write failed */
};

report_csv_stream *report_csv_stream_open(const ir_program *p, const rt_table *t,
                                          unsigned places, FILE *out)
{
    report_csv_stream *s = rt_xcalloc(1, sizeof *s);
    *s = (report_csv_stream){.p = p, .t = t, .out = out, .leads = make_leads(p),
                             .nplaces = places ? places : 1};
    s->places = rt_xcalloc(s->nplaces, sizeof *s->places);
    s->judged = rt_xcalloc((size_t)s->nplaces * (p->ntargets + 1), sizeof *s->judged);
    s->ungraded = rt_xcalloc(s->nplaces, sizeof *s->ungraded);
    for (unsigned k = 0; k < s->nplaces; k++)
        cw_init(&s->places[k], p, NULL, 1 << 16);
    const char *h = report_has_tolerance(p) ? header_tolerance : header;
    if (fputs(h, out) == EOF)
        s->failed = true;
    return s;
}

/* rt_stream.chunk: formats rows [lo, hi) into place `place`. */
static int stream_chunk(void *ctx, const rt_result *r, size_t lo, size_t hi, unsigned place)
{
    report_csv_stream *s = ctx;
    if (place >= s->nplaces)
        return -1;
    csv_writer *w = &s->places[place];
    w->len = 0;
    each_row(s->p, s->t, r, s->leads, lo, hi, put_row, w);
    report_mark_judged(s->p, r, lo, hi, &s->judged[(size_t)place * (s->p->ntargets + 1)]);
    report_mark_ungraded(s->p, s->t, r, lo, hi, &s->ungraded[place]);
    return 0;
}

/* rt_stream.flush: writes place `place`'s lines; 1 once a write failed. */
static int stream_flush(void *ctx, unsigned place)
{
    report_csv_stream *s = ctx;
    csv_writer *w = &s->places[place];
    if (!s->failed && w->len && fwrite(w->buf, 1, w->len, s->out) != w->len)
        s->failed = true;
    w->len = 0;
    return s->failed ? 1 : 0;
}

rt_stream report_csv_stream_hooks(report_csv_stream *s)
{
    return (rt_stream){.ctx = s, .chunk = stream_chunk, .flush = stream_flush};
}

int report_csv_stream_close(report_csv_stream *s)
{
    bool failed = s->failed || ferror(s->out);
    for (unsigned k = 0; k < s->nplaces; k++)
        cw_free(&s->places[k]);
    free(s->places);
    free(s->judged);
    for (unsigned k = 0; k < s->nplaces; k++)
        free(s->ungraded[k].rows);
    free(s->ungraded);
    free_leads(s->p, s->leads);
    free(s);
    return failed ? -1 : 0;
}

void report_mark_judged(const ir_program *p, const rt_result *r, size_t lo, size_t hi,
                        bool *judged)
{
    for (uint32_t i = 0; i < p->ntargets; i++) {
        uint32_t st = p->targets[i].status;
        for (size_t row = lo; !judged[i] && row < hi; row++)
            if (rt_result_value(r, st, row) != IR_ST_NA)
                judged[i] = true;
    }
}

void report_csv_stream_judged(const report_csv_stream *s, bool *judged)
{
    for (unsigned k = 0; k < s->nplaces; k++)
        for (uint32_t i = 0; i < s->p->ntargets; i++)
            if (s->judged[(size_t)k * (s->p->ntargets + 1) + i])
                judged[i] = true;
}

/* Whether region `reg` is in tg's scope (every region when unscoped). */
bool report_left_out_added(const ir_program *p, uint32_t ti, double status, uint32_t region, int year)
{
    if (status == IR_ST_MISSING)
        return ir_target_reads_own(p, ti, NULL);
    const ir_target *tg = &p->targets[ti];
    if (status != IR_ST_NA)
        return false;
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    if ((trend && year <= tg->y0) || year < tg->y0 ||
        (year == tg->y0 && ir_first_judged_year(tg) > tg->y0))
        return false;
    return ir_target_in_scope(tg, region);
}

/* Appends one row to u. */
static void ungraded_push(report_ungraded *u, report_ungraded_row x)
{
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 8;
        u->rows = rt_xrealloc(u->rows, u->cap, sizeof *u->rows);
    }
    u->rows[u->n++] = x;
}

void report_mark_ungraded(const ir_program *p, const rt_table *t, const rt_result *r,
                          size_t lo, size_t hi, report_ungraded *u)
{
    if (p->nbands == 0 || p->grade == IR_NO_SLOT)
        return;
    for (size_t row = lo; row < hi; row++) {
        int year = rt_table_year(t, row);
        if (rt_table_line(t, row) != 0 || year <= p->baseline ||
            !isnan(rt_result_value(r, p->grade, row)))
            continue;
        uint32_t reg = rt_table_region(t, row);
        bool left = false;
        for (uint32_t i = 0; i < p->ntargets && !left; i++)
            left = ir_target_counts(p, i) &&
                   report_left_out_added(p, i, rt_result_value(r, p->targets[i].status, row), reg, year);
        if (!left)
            continue;
        ungraded_push(u, (report_ungraded_row){reg, year});
    }
}

void report_csv_stream_ungraded(const report_csv_stream *s, report_ungraded *u)
{
    for (unsigned k = 0; k < s->nplaces; k++)
        for (size_t i = 0; i < s->ungraded[k].n; i++)
            ungraded_push(u, s->ungraded[k].rows[i]);
}

/* Appends the names of tg's regions to b: all of them up to 8, else the
 * first 8 and how many more; "every region" when unscoped. */
static void scope_names(const ir_program *p, const ir_target *tg, lbl_lang lang, strbuf *b)
{
    if (!tg->scoped) {
        sb_add(b, lbl_get(lang, LBL_W_EVERY_REGION));
        return;
    }
    for (uint32_t i = 0; i < tg->nscope && i < 8; i++) {
        if (i)
            sb_add(b, lbl_get(lang, LBL_U_NAME_SEP));
        sb_add(b, p->regions[tg->scope[i]].name);
    }
    if (tg->nscope > 8) {
        char more[64];
        snprintf(more, sizeof more, lbl_get(lang, LBL_W_SCOPE_MORE), tg->nscope - 8);
        sb_add(b, more);
    }
}

/* Whether slot `root` reads the regions below the row's (an IR_SHARE
 * step: share, total, and lowest / highest / average over a level), so
 * that a target measuring it is judged on the rows planc adds for parents. */
static bool reads_below(const ir_program *p, uint32_t root)
{
    if (root == IR_NO_SLOT)
        return false;
    uint8_t *seen = rt_xcalloc(p->nsteps + 1, 1);
    uint32_t *stack = rt_xmalloc(p->nsteps + 1, sizeof *stack);
    size_t top = 0;
    bool found = false;
    stack[top++] = root;
    seen[root] = 1;
    while (top && !found) {
        const ir_step *st = &p->steps[stack[--top]];
        found = st->op == IR_SHARE;
        const uint32_t ops[3] = {st->a, st->b, st->c};
        for (int k = ir_arity(st->op); k-- > 0;)
            if (!seen[ops[k]]) {
                seen[ops[k]] = 1;
                stack[top++] = ops[k];
            }
    }
    free(stack);
    free(seen);
    return found;
}

char *report_ungraded_text(const ir_program *p, const rt_table *t, const report_ungraded_row *rows,
                           size_t n, lbl_lang lang, bool *unscoped)
{
    *unscoped = false;
    uint32_t reg = rows[0].region;
    strbuf years = {0}, names = {0};
    char text[64];
    /* the years as runs: 2022–2025, 2027 */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && rows[j + 1].year <= rows[j].year + 1)
            j++;
        if (i)
            sb_add(&years, lbl_get(lang, LBL_U_YEAR_SEP));
        if (rows[j].year != rows[i].year)
            snprintf(text, sizeof text, "%d–%d", rows[i].year, rows[j].year);
        else
            snprintf(text, sizeof text, "%d", rows[i].year);
        sb_add(&years, text);
        i = j + 1;
    }
    /* the targets that count for its grade and read its own data: those
     * not judged on added rows (neither what they measure nor their goal
     * reads below, lower.c's reads_share), and share targets that read it
     * as well */
    uint32_t k = 0;
    for (uint32_t i = 0; i < p->ntargets; i++) {
        const ir_target *tg = &p->targets[i];
        if (!ir_target_counts(p, i) || !ir_target_in_scope(tg, reg) ||
            ((reads_below(p, tg->value) || reads_below(p, tg->goal)) &&
             !ir_target_reads_own(p, i, NULL)))
            continue;
        *unscoped = *unscoped || !tg->scoped;
        if (k < 3) {
            sb_add(&names, k ? lbl_get(lang, LBL_U_NAME_SEP) : "");
            sb_add(&names, tg->name);
        } else if (k == 3) {
            sb_add(&names, lbl_get(lang, LBL_U_NAME_SEP));
            sb_add(&names, "…");
        }
        k++;
    }
    const char *fmt = lbl_get(lang, k == 1 ? LBL_U_UNGRADED_ONE : LBL_U_UNGRADED);
    const char *path = rt_table_path(t), *name = p->regions[reg].name;
    const char *ys = years.s ? years.s : "", *ns = names.s ? names.s : "";
    int len = snprintf(NULL, 0, fmt, path, name, ys, path, k, ns);
    char *out = rt_xmalloc(len > 0 ? (size_t)len + 1 : 1, 1);
    snprintf(out, len > 0 ? (size_t)len + 1 : 1, fmt, path, name, ys, path, k, ns);
    free(years.s);
    free(names.s);
    return out;
}

/* The rows of the regions tg covers: how many (*covered), how many of
 * them read from the data rather than added for share targets (*own), and
 * their last year (*last, 0 when none). */
static void scope_rows(const rt_table *t, const ir_target *tg, size_t *covered, size_t *own, int *last)
{
    *covered = *own = 0;
    *last = 0;
    for (size_t row = 0; row < rt_table_nrows(t); row++) {
        if (!ir_target_in_scope(tg, rt_table_region(t, row)))
            continue;
        ++*covered;
        if (rt_table_line(t, row) != 0)
            ++*own;
        int y = rt_table_year(t, row);
        if (*covered == 1 || y > *last)
            *last = y;
    }
}

int report_unjudged_rows(const ir_program *p, const rt_table *t, const ir_target *tg)
{
    if (!tg->scoped)
        return 0;
    size_t covered, own;
    int last;
    scope_rows(t, tg, &covered, &own, &last);
    if (covered == 0)
        return 1;
    if (own == 0 && !reads_below(p, tg->value) && !reads_below(p, tg->goal))
        return 2;
    return 0;
}

char *report_scope_names(const ir_program *p, const ir_target *tg, lbl_lang lang)
{
    strbuf b = {0};
    scope_names(p, tg, lang, &b);
    return b.s;
}

char *report_unjudged_reason(const ir_program *p, const rt_table *t, const ir_target *tg, lbl_lang lang)
{
    size_t covered, own;
    int last;
    scope_rows(t, tg, &covered, &own, &last);
    bool trend = strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0;
    bool many = !tg->scoped || tg->nscope > 1;
    /* the year the target is judged from: its own baseline, else the plan's */
    int y0 = tg->y0 ? tg->y0 : p->baseline;
    bool its = tg->y0 && tg->y0 != p->baseline;
    strbuf b = {0};
    sb_add(&b, lbl_get(lang, LBL_W_COVERS));
    scope_names(p, tg, lang, &b);
    const char *path = rt_table_path(t);
    char *text = NULL;
    if (covered == 0)
        text = sb_printf(lbl_get(lang, many ? LBL_W_NO_ROW : LBL_W_NO_ROW_ONE), path);
    else if (own == 0 && !reads_below(p, tg->value) && !reads_below(p, tg->goal))
        text = sb_printf(lbl_get(lang, many ? LBL_W_NO_OWN : LBL_W_NO_OWN_ONE), path);
    else if (last < y0) /* a share target's rows may all be added ones */
        text = sb_printf(lbl_get(lang, its ? LBL_W_BEFORE_OWN : LBL_W_BEFORE), y0);
    else if (trend && last <= y0)
        text = sb_printf(lbl_get(lang, its ? LBL_W_END_TREND_OWN : LBL_W_END_TREND), y0);
    else if (last <= y0 && ir_first_judged_year(tg) > y0)
        text = sb_printf(lbl_get(lang, its ? LBL_W_END_GOAL_OWN : LBL_W_END_GOAL), y0,
                         lbl_get(lang, strcmp(tg->kind, "peaks") == 0 ? LBL_W_A_PEAK : LBL_W_A_DEADLINE));
    else
        text = sb_printf("%s", lbl_get(lang, many ? LBL_W_NONE_JUDGED : LBL_W_NONE_JUDGED_ONE));
    sb_add(&b, text);
    free(text);
    return b.s;
}
