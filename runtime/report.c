/* report.c — the results as CSV: one row per (region, year, item).
 *
 * Rows follow the table (regions in declaration order, years ascending);
 * within a (region, year) come every target in program order, then — when
 * the program has an assessment — every measure, every section and the
 * total.  Numbers are printed in the shortest form that reads back to the
 * same double; a missing value is an empty cell. */
#include "report.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_style.h"
#include "rtmem.h"

/* The header row. */
static const char header[] =
    "region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes\n";

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

/* Empties b (keeping its storage). */
static void sb_clear(strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

/* Writes one field, quoted (RFC 4180) when it holds a comma, a quote or a
 * line break; a NULL field is empty. */
static void put_field(FILE *out, const char *s, bool last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        fputc('"', out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    } else if (s) {
        fputs(s, out);
    }
    fputc(last ? '\n' : ',', out);
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

void report_format_number(double v, char buf[32])
{
    if (isnan(v)) {
        buf[0] = '\0';
        return;
    }
    if (v == 0) {
        strcpy(buf, "0");
        return;
    }
    /* Whole numbers below 1e15 are exact in plain digits (and the rule
     * below would give the same text). */
    if (v == trunc(v) && fabs(v) < 1e15) {
        snprintf(buf, 32, "%.0f", v);
        return;
    }
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

/* Writes a number field (empty for NaN). */
static void put_number(FILE *out, double v)
{
    char buf[32];
    report_format_number(v, buf);
    put_field(out, buf, false);
}

/* Writes one result row (report_each_row's callback). */
static int put_row(const report_row *it, void *ctx)
{
    FILE *out = ctx;
    char ybuf[16];
    snprintf(ybuf, sizeof ybuf, "%d", it->year);
    put_field(out, it->region, false);
    put_field(out, ybuf, false);
    put_field(out, it->kind, false);
    put_field(out, it->id, false);
    put_field(out, it->name, false);
    put_field(out, it->clause, false);
    put_field(out, it->lead, false);
    put_field(out, it->status, false);
    put_number(out, it->value);
    put_field(out, it->unit, false);
    put_number(out, it->goal);
    put_number(out, it->expected);
    put_number(out, it->score);
    put_number(out, it->weight);
    put_field(out, it->grade, false);
    put_field(out, it->vetoes, true);
    return 0;
}

/* A row of `kind` with every number missing and every text empty. */
static report_row blank_row(const char *region, int year, const char *kind)
{
    return (report_row){.region = region, .year = year, .kind = kind, .value = NAN,
                        .goal = NAN, .expected = NAN, .score = NAN, .weight = NAN};
}

int report_each_row(const ir_program *p, const rt_table *t, const rt_result *r,
                    int (*fn)(const report_row *row, void *ctx), void *ctx)
{
    char **leads = rt_xcalloc(p->nmeasures + 1, sizeof *leads);
    for (uint32_t i = 0; i < p->nmeasures; i++)
        leads[i] = report_style_lead(&p->measures[i]);
    strbuf vetoes = {0};
    int rc = 0;
    size_t n = rt_table_nrows(t);
    for (size_t row = 0; rc == 0 && row < n; row++) {
        const char *region = p->regions[rt_table_region(t, row)].name;
        int year = rt_table_year(t, row);
        sb_clear(&vetoes);
        for (uint32_t i = 0; rc == 0 && i < p->ntargets; i++) {
            const ir_target *tg = &p->targets[i];
            double st = rt_result_value(r, tg->status, row);
            report_row it = blank_row(region, year, "target");
            it.id = tg->name;
            it.name = tg->desc;
            it.clause = tg->clause;
            it.lead = tg->measure < p->nmeasures ? leads[tg->measure] : NULL;
            it.status = isnan(st) ? NULL : ir_statusname((int)st);
            it.value = rt_result_value(r, tg->value, row);
            it.unit = tg->unit;
            it.goal = rt_result_value(r, tg->goal, row);
            it.expected = rt_result_value(r, tg->expected, row);
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
            report_row it = blank_row(region, year, "measure");
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
            report_row it = blank_row(region, year, "section");
            it.id = s->id;
            it.name = s->title;
            it.score = rt_result_value(r, s->score, row);
            it.weight = s->weight;
            rc = fn(&it, ctx);
        }
        if (rc)
            break;
        report_row it = blank_row(region, year, "total");
        it.name = p->assessment;
        it.score = rt_result_value(r, p->total, row);
        double g = rt_result_value(r, p->grade, row);
        if (!isnan(g) && g >= 0 && g < p->nbands)
            it.grade = p->bands[(uint32_t)g];
        it.vetoes = vetoes.s;
        rc = fn(&it, ctx);
    }
    for (uint32_t i = 0; i < p->nmeasures; i++)
        free(leads[i]);
    free(leads);
    free(vetoes.s);
    return rc;
}

int report_csv(const ir_program *p, const rt_table *t, const rt_result *r, FILE *out)
{
    fputs(header, out);
    report_each_row(p, t, r, put_row, out);
    return ferror(out) ? -1 : 0;
}
