/* test_report.c — the results CSV: number format (shortest round-trip,
 * -0, NaN), RFC 4180 quoting, row order and every item kind, and the
 * buffered writer against a field-by-field reference writer (the number
 * format against its former algorithm is test_report_number.c). */
#include <float.h>
#include <stdint.h>

#include "report.h"
#include "rt_fixture.h"

/* Asserts v formats as `want`. */
#define assert_format(v, want)                                                \
    do {                                                                      \
        char buf_[32];                                                        \
        report_format_number(v, buf_);                                        \
        ck_assert_str_eq(buf_, want);                                         \
    } while (0)

START_TEST(number_format)
{
    assert_format(0.0, "0");
    assert_format(-0.0, "0");
    assert_format(NAN, "");
    assert_format(-NAN, "");
    assert_format(100, "100");
    assert_format(92.5, "92.5");
    assert_format(-2.5, "-2.5");
    assert_format(0.1, "0.1");
    assert_format(0.1 + 0.2, "0.30000000000000004");
    assert_format(1.0 / 3, "0.3333333333333333");
    assert_format(7603e4, "76030000");
    assert_format(123456789012.0, "123456789012");
    assert_format(1e5, "100000");
    assert_format(1.2e6, "1200000");
    assert_format(-1.2e6, "-1200000");
    assert_format(1e16, "10000000000000000");
    assert_format(1e17, "1e+17");
    assert_format(1.5e-5, "1.5e-05");
    assert_format(0.0001, "0.0001");
    assert_format(1e21, "1e+21");
    assert_format(31722300588172752.0, "3.172230058817275e+16");
    assert_format(1e-7, "1e-07");
    assert_format(5e-324, "5e-324");
    assert_format(DBL_MAX, "1.7976931348623157e+308");
    assert_format(INFINITY, "inf");
    assert_format(-INFINITY, "-inf");
}
END_TEST

/* Significant digits of a formatted number: the mantissa's digits without
 * leading and trailing zeros. */
static int significant_digits(const char *s)
{
    char d[32];
    int n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            d[n++] = *s;
    int lo = 0;
    while (lo < n && d[lo] == '0')
        lo++;
    while (n > lo && d[n - 1] == '0')
        n--;
    return n - lo;
}

START_TEST(number_format_round_trips)
{
    /* Random bit patterns: every finite double reads back exactly, and one
     * digit less would not. */
    uint64_t state = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 20000; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double v;
        uint64_t bits = i % 2 ? state : (state >> 12) | 0x4000000000000000u; /* some near 2..4 */
        memcpy(&v, &bits, sizeof v);
        if (!isfinite(v))
            continue;
        char buf[32];
        report_format_number(v, buf);
        if (v == 0) {
            ck_assert_str_eq(buf, "0");
            continue;
        }
        ck_assert_msg(strtod(buf, NULL) == v, "%s does not read back as %.17g", buf, v);
        /* Shortest: its significant digits are as few as any "%.Ng" that
         * reads back needs. */
        int least = 17;
        for (int p = 1; p <= 17; p++) {
            char t[32];
            snprintf(t, sizeof t, "%.*g", p, v);
            if (strtod(t, NULL) == v) {
                least = p;
                break;
            }
        }
        ck_assert_msg(significant_digits(buf) == least, "%s: %d digits, %d needed", buf, significant_digits(buf), least);
        /* A positive exponent below 17 only when plain digits need more. */
        const char *e = strstr(buf, "e+");
        if (e && atoi(e + 2) < 17) {
            char plain[32];
            snprintf(plain, sizeof plain, "%.*g", atoi(e + 2) + 1, v);
            ck_assert_msg(significant_digits(plain) > least, "%s could be %s", buf, plain);
        }
    }
}
END_TEST

/* The report program: two targets (one a veto) in two measures (one with two
 * lead agencies, one shared) of one section, and an assessment with four
 * bands.  Value x = farmland_mu; target A is met when x >= 92. */
static void report_program(fixture *f, bool assessment)
{
    ir_program *p = &f->p;
    arena *a = &f->a;
    uint32_t in = fx_data(f, FX_FARMLAND, (ir_shift){0}, 1.0);
    uint32_t x = ir_emit(a, p, IR_INPUT, IR_NUM, 0, 0, 0, 0, in);
    uint32_t goal = ir_const(a, p, IR_NUM, 92);
    uint32_t ok = ir_emit(a, p, IR_GE, IR_BOOL, x, goal, 0, 0, 0);
    uint32_t met = ir_const(a, p, IR_STATUS, IR_ST_MET);
    uint32_t failed = ir_const(a, p, IR_STATUS, IR_ST_FAILED);
    uint32_t missing = ir_const(a, p, IR_STATUS, IR_ST_MISSING);
    uint32_t st0 = ir_emit(a, p, IR_SELECT, IR_STATUS, ok, met, failed, 0, 0);
    uint32_t st = ir_emit(a, p, IR_COALESCE, IR_STATUS, st0, missing, 0, 0, 0);
    uint32_t hundred = ir_const(a, p, IR_NUM, 100);
    uint32_t zero = ir_const(a, p, IR_NUM, 0);
    uint32_t score = ir_emit(a, p, IR_SELECT, IR_NUM, ok, hundred, zero, 0, 0);
    uint32_t expected = ir_const(a, p, IR_NUM, 90.5);

    uint32_t half = ir_const(a, p, IR_NUM, 0.5);
    uint32_t vb = ir_emit(a, p, IR_MUL, IR_NUM, x, half, 0, 0, 0);
    uint32_t stb = ir_const(a, p, IR_STATUS, IR_ST_ON_TRACK);
    uint32_t nan = ir_const(a, p, IR_NUM, NAN);
    uint32_t scoreb = ir_const(a, p, IR_NUM, 0.1 + 0.2);

    uint32_t sum = ir_emit(a, p, IR_ADD, IR_NUM, score, scoreb, 0, 0, 0);
    uint32_t two = ir_const(a, p, IR_NUM, 2);
    uint32_t sec = ir_emit(a, p, IR_DIV, IR_NUM, sum, two, 0, 0, 0);
    uint32_t veto = ir_emit(a, p, IR_EQ, IR_BOOL, st, failed, 0, 0, 0);
    uint32_t ninety = ir_const(a, p, IR_NUM, 90);
    uint32_t good = ir_emit(a, p, IR_GE, IR_BOOL, sec, ninety, 0, 0, 0);
    uint32_t g0 = ir_const(a, p, IR_GRADE, 0), g1 = ir_const(a, p, IR_GRADE, 1);
    uint32_t g3 = ir_const(a, p, IR_GRADE, 3);
    uint32_t band = ir_emit(a, p, IR_SELECT, IR_GRADE, good, g0, g1, 0, 0);
    uint32_t grade = ir_emit(a, p, IR_SELECT, IR_GRADE, veto, g3, band, 0, 0);

    static const char *lead0[] = {"省生态环境厅", "省自然资源厅"};
    static const char *shared1[] = {"省工业和信息化厅", "省住房城乡建设厅"};
    p->measures = arena_alloc(a, 2 * sizeof *p->measures);
    p->measures[0] = (ir_measure){.id = "(九)", .title = "强化海域综合治理", .section = 0,
                                  .lead = lead0, .nlead = 2, .weight = 2, .score = score};
    p->measures[1] = (ir_measure){.id = "(五)", .title = "推进重点领域绿色低碳发展", .section = 0,
                                  .lead = shared1, .nlead = 2, .shared = true,
                                  .weight = 1, .score = scoreb};
    p->nmeasures = 2;
    p->sections = arena_alloc(a, sizeof *p->sections);
    p->sections[0] = (ir_section){.id = "三", .title = "持续深入推进污染防治攻坚", .weight = 30, .score = sec};
    p->nsections = 1;
    p->targets = arena_alloc(a, 2 * sizeof *p->targets);
    p->targets[0] = (ir_target){.name = "近岸海域水质", .desc = "优良比例达到92%, 其中\"优\"",
                                .kind = "threshold", .unit = "%", .clause = "(九)", .measure = 0,
                                .weight = 3, .veto = true, .status = st, .value = x,
                                .goal = goal, .expected = expected, .score = score};
    p->targets[1] = (ir_target){.name = "绿色建筑", .kind = "complete", .unit = "%",
                                .clause = "(五)", .measure = 1, .weight = 1, .status = stb,
                                .value = vb, .goal = hundred, .expected = nan, .score = scoreb};
    p->ntargets = 2;
    static const char *bands[] = {"优秀", "良好", "合格", "不合格"};
    p->has_assessment = assessment;
    p->assessment = "成效考核";
    p->missing = IR_MISSING_REWEIGHT;
    p->total = sec;
    p->veto = veto;
    p->grade = grade;
    p->bands = bands;
    p->nbands = 4;
}

/* Scores csv with the report program; returns the report text (malloc'd). */
static char *report_of(bool assessment, const char *csv)
{
    fixture f;
    fx_init(&f);
    report_program(&f, assessment);
    rt_table *t = fx_load(&f, csv, NULL);
    ck_assert_ptr_nonnull(t);
    rt_result *r = fx_run(&f, t);
    capture c;
    ck_assert_int_eq(report_csv(&f.p, t, r, cap_open(&c)), 0);
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
    return text;
}

static const char report_data[] =
    "city,year,farmland_mu,park\n"
    "大连,2025,80,\n"
    "大连,2024,95,\n"
    "沈阳,2024,,\n";

/* How many lines of text start with `start` (which begins with the line
 * feed before the line) and end with `end` (which ends with the line's). */
static int count_lines_ending(const char *text, const char *start, const char *end)
{
    int n = 0;
    for (const char *at = strstr(text, start); at; at = strstr(at + 1, start)) {
        const char *eol = strchr(at + 1, '\n');
        size_t len = strlen(end);
        if (eol && (size_t)(eol + 1 - at) >= len && strncmp(eol + 1 - len, end, len) == 0)
            n++;
    }
    return n;
}

START_TEST(report_every_item)
{
    char *text = report_of(true, report_data);
    fx_assert_text(text,
        "region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes,parent,top\n"
        "沈阳,2024,target,近岸海域水质,\"优良比例达到92%, 其中\"\"优\"\"\",(九),省生态环境厅、省自然资源厅,missing,,%,92,90.5,,3,,,辽宁省,沈阳\n"
        "沈阳,2024,target,绿色建筑,,(五),shared: 省工业和信息化厅、省住房城乡建设厅,on_track,,%,100,,0.30000000000000004,1,,,辽宁省,沈阳\n"
        "沈阳,2024,measure,(九),强化海域综合治理,(九),省生态环境厅、省自然资源厅,,,,,,,2,,,辽宁省,沈阳\n"
        "沈阳,2024,measure,(五),推进重点领域绿色低碳发展,(五),shared: 省工业和信息化厅、省住房城乡建设厅,,,,,,0.30000000000000004,1,,,辽宁省,沈阳\n"
        "沈阳,2024,section,三,持续深入推进污染防治攻坚,,,,,,,,,30,,,辽宁省,沈阳\n"
        "沈阳,2024,total,,成效考核,,,,,,,,,,,,辽宁省,沈阳\n"
        "大连,2024,target,近岸海域水质,\"优良比例达到92%, 其中\"\"优\"\"\",(九),省生态环境厅、省自然资源厅,met,95,%,92,90.5,100,3,,,辽宁省,大连\n"
        "大连,2024,target,绿色建筑,,(五),shared: 省工业和信息化厅、省住房城乡建设厅,on_track,47.5,%,100,,0.30000000000000004,1,,,辽宁省,大连\n"
        "大连,2024,measure,(九),强化海域综合治理,(九),省生态环境厅、省自然资源厅,,,,,,100,2,,,辽宁省,大连\n"
        "大连,2024,measure,(五),推进重点领域绿色低碳发展,(五),shared: 省工业和信息化厅、省住房城乡建设厅,,,,,,0.30000000000000004,1,,,辽宁省,大连\n"
        "大连,2024,section,三,持续深入推进污染防治攻坚,,,,,,,,50.15,30,,,辽宁省,大连\n"
        "大连,2024,total,,成效考核,,,,,,,,50.15,,良好,,辽宁省,大连\n"
        "大连,2025,target,近岸海域水质,\"优良比例达到92%, 其中\"\"优\"\"\",(九),省生态环境厅、省自然资源厅,failed,80,%,92,90.5,0,3,,,辽宁省,大连\n"
        "大连,2025,target,绿色建筑,,(五),shared: 省工业和信息化厅、省住房城乡建设厅,on_track,40,%,100,,0.30000000000000004,1,,,辽宁省,大连\n"
        "大连,2025,measure,(九),强化海域综合治理,(九),省生态环境厅、省自然资源厅,,,,,,0,2,,,辽宁省,大连\n"
        "大连,2025,measure,(五),推进重点领域绿色低碳发展,(五),shared: 省工业和信息化厅、省住房城乡建设厅,,,,,,0.30000000000000004,1,,,辽宁省,大连\n"
        "大连,2025,section,三,持续深入推进污染防治攻坚,,,,,,,,0.15000000000000002,30,,,辽宁省,大连\n"
        "大连,2025,total,,成效考核,,,,,,,,0.15000000000000002,,不合格,近岸海域水质,辽宁省,大连\n");
    free(text);
}
END_TEST

START_TEST(report_targets_only_without_assessment)
{
    char *text = report_of(false, "city,year,farmland_mu,park\n大连,2024,95,\n");
    fx_assert_text(text,
        "region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes,parent,top\n"
        "大连,2024,target,近岸海域水质,\"优良比例达到92%, 其中\"\"优\"\"\",(九),省生态环境厅、省自然资源厅,met,95,%,92,90.5,100,3,,,辽宁省,大连\n"
        "大连,2024,target,绿色建筑,,(五),shared: 省工业和信息化厅、省住房城乡建设厅,on_track,47.5,%,100,,0.30000000000000004,1,,,辽宁省,大连\n");
    free(text);
}
END_TEST

/* The last two columns: the region's parent and the region just below
 * the root that it lies in or is; empty for a region without a parent. */
START_TEST(report_parent_and_top)
{
    fixture f;
    fx_init(&f);
    report_program(&f, false);
    f.p.regions[FX_AS].parent = FX_SY; /* 鞍山 below 沈阳 below 辽宁省 */
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n辽宁省,2024,95,\n鞍山,2024,95,\n"
                              "北京,2024,95,\n沈阳,2024,95,\n", NULL);
    rt_result *r = fx_run(&f, t);
    capture c;
    ck_assert_int_eq(report_csv(&f.p, t, r, cap_open(&c)), 0);
    const char *text = cap_text(&c);
    ck_assert_int_eq(count_lines_ending(text, "\n辽宁省,", ",,,,\n"), 2);
    ck_assert_int_eq(count_lines_ending(text, "\n北京,", ",,,,\n"), 2);
    ck_assert_int_eq(count_lines_ending(text, "\n沈阳,", ",,,辽宁省,沈阳\n"), 2);
    ck_assert_int_eq(count_lines_ending(text, "\n鞍山,", ",,,沈阳,沈阳\n"), 2);
    cap_free(&c);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(report_quoting_and_vetoes)
{
    /* Names with line breaks and commas are quoted; several failed veto
     * targets are joined with ';'. */
    fixture f;
    fx_init(&f);
    report_program(&f, true);
    ir_program *p = &f.p;
    p->targets[1].veto = true;
    p->targets[1].status = p->targets[0].status;
    p->targets[1].name = "b,c";
    p->targets[1].desc = "line\nbreak";
    p->regions[FX_DL].name = "Da\"lian";
    p->assessment = "a\r\nb";
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n\"Da\"\"lian\",2025,80,\n", NULL);
    rt_result *r = fx_run(&f, t);
    capture c;
    ck_assert_int_eq(report_csv(p, t, r, cap_open(&c)), 0);
    const char *text = cap_text(&c);
    ck_assert_ptr_nonnull(strstr(text, "\n\"Da\"\"lian\",2025,target,\"b,c\",\"line\nbreak\",(五),"));
    ck_assert_ptr_nonnull(strstr(text, "\n\"Da\"\"lian\",2025,total,,\"a\r\nb\",,,,,,,,0.15000000000000002,,不合格,\"近岸海域水质;b,c\",辽宁省,\"Da\"\"lian\"\n"));
    cap_free(&c);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

START_TEST(report_formula_guard)
{
    /* Text cells starting with =, +, -, @, a tab, a CR or a quote get a
     * quote in front (inside the RFC 4180 quotes when the cell needs
     * them); numbers, negative ones too, do not. */
    ck_assert(report_csv_guarded("=1+1"));
    ck_assert(report_csv_guarded("+1"));
    ck_assert(report_csv_guarded("-1"));
    ck_assert(report_csv_guarded("@SUM(A1)"));
    ck_assert(report_csv_guarded("\tx"));
    ck_assert(report_csv_guarded("\rx"));
    ck_assert(report_csv_guarded("'x"));
    ck_assert(!report_csv_guarded("a=1"));
    ck_assert(!report_csv_guarded(" =1"));
    ck_assert(!report_csv_guarded(""));
    ck_assert(!report_csv_guarded(NULL));
    fixture f;
    fx_init(&f);
    report_program(&f, true);
    ir_program *p = &f.p;
    p->targets[0].desc = "=HYPERLINK(\"http://x.invalid\",\"x\")";
    p->targets[1].desc = "@SUM(1)";
    p->measures[0].title = "-2+3";
    p->sections[0].title = "+1,2";
    p->assessment = "'a";
    rt_table *t = fx_load(&f, "city,year,farmland_mu,park\n大连,2025,-80,\n", NULL);
    rt_result *r = fx_run(&f, t);
    capture c;
    ck_assert_int_eq(report_csv(p, t, r, cap_open(&c)), 0);
    const char *text = cap_text(&c);
    ck_assert_ptr_nonnull(strstr(text, ",\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"x\"\")\",(九),"));
    ck_assert_ptr_nonnull(strstr(text, ",failed,-80,%,92,"));
    ck_assert_ptr_nonnull(strstr(text, ",'@SUM(1),(五),"));
    ck_assert_ptr_nonnull(strstr(text, ",measure,(九),'-2+3,(九),"));
    ck_assert_ptr_nonnull(strstr(text, ",section,三,\"'+1,2\",,"));
    ck_assert_ptr_nonnull(strstr(text, ",total,,''a,"));
    cap_free(&c);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

/* The reference CSV writer: report_each_row's rows written field by field
 * with stdio, as report_csv wrote them before it built lines in a buffer
 * and formatted each item's constant fields once. */
static void ref_field(FILE *out, const char *s, bool last)
{
    const char *guard = report_csv_guarded(s) ? "'" : "";
    if (s && strpbrk(s, ",\"\r\n")) {
        fputc('"', out);
        fputs(guard, out);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', out);
            fputc(*s, out);
        }
        fputc('"', out);
    } else if (s) {
        fputs(guard, out);
        fputs(s, out);
    }
    fputc(last ? '\n' : ',', out);
}

/* A number field of the reference writer (never guarded). */
static void ref_number(FILE *out, double v)
{
    char buf[32];
    report_format_number(v, buf);
    fputs(buf, out);
    fputc(',', out);
}

/* One row of the reference writer (report_each_row's callback). */
static int ref_row(const report_row *it, void *ctx)
{
    FILE *out = ctx;
    char ybuf[16];
    snprintf(ybuf, sizeof ybuf, "%d", it->year);
    ref_field(out, it->region, false);
    fprintf(out, "%s,", ybuf);
    ref_field(out, it->kind, false);
    ref_field(out, it->id, false);
    ref_field(out, it->name, false);
    ref_field(out, it->clause, false);
    ref_field(out, it->lead, false);
    ref_field(out, it->status, false);
    ref_number(out, it->value);
    ref_field(out, it->unit, false);
    ref_number(out, it->goal);
    ref_number(out, it->expected);
    ref_number(out, it->score);
    ref_number(out, it->weight);
    ref_field(out, it->grade, false);
    ref_field(out, it->vetoes, false);
    ref_field(out, it->parent, false);
    ref_field(out, it->top, true);
    return 0;
}

/* Asserts report_csv writes, for f's program on the data csv, what the
 * reference writer writes, and at least min_bytes of it. */
static void assert_as_reference(fixture *f, const char *csv, size_t min_bytes)
{
    rt_table *t = fx_load(f, csv, NULL);
    rt_result *r = fx_run(f, t);
    capture got, want;
    ck_assert_int_eq(report_csv(&f->p, t, r, cap_open(&got)), 0);
    FILE *ref = cap_open(&want);
    fputs("region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,grade,vetoes,"
          "parent,top\n", ref);
    ck_assert_int_eq(report_each_row(&f->p, t, r, ref_row, ref), 0);
    const char *g = cap_text(&got), *w = cap_text(&want);
    ck_assert_uint_ge(strlen(w), min_bytes);
    ck_assert_msg(strcmp(g, w) == 0, "report_csv differs from the reference writer");
    cap_free(&got);
    cap_free(&want);
    rt_result_free(r);
    rt_table_free(t);
}

START_TEST(report_many_rows_as_reference)
{
    /* Rows enough for several fills of report_csv's buffer, four regions,
     * values of 1 to 17 digits and missing ones, items whose texts need
     * quoting: report_csv's text is the reference writer's. */
    fixture f;
    fx_init(&f);
    report_program(&f, true);
    f.p.targets[1].unit = "m,2";
    f.p.sections[0].title = "line\nbreak";
    f.p.measures[0].title = "=1+1";
    f.p.targets[0].desc = "-x, y";
    static const char *regions[] = {"沈阳", "大连", "鞍山", "北京"};
    size_t cap = 1 << 20, len = 0;
    char *csv = malloc(cap);
    len += (size_t)snprintf(csv, cap, "city,year,farmland_mu,park\n");
    for (int r = 0; r < 4; r++)
        for (int y = 1000; y < 2200; y++) {
            int k = (r * 7919 + y * 104729) % 100000;
            const char *fmt = y % 3 == 0 ? "%s,%d,%d.%02d,\n" : y % 3 == 1 ? "%s,%d,%d,\n" : "%s,%d,,\n";
            len += (size_t)snprintf(csv + len, cap - len, fmt, regions[r], y, k / 100, k % 100);
        }
    assert_as_reference(&f, csv, (size_t)2 << 20);
    fx_free(&f);
    free(csv);
}
END_TEST

START_TEST(report_field_longer_than_buffer)
{
    /* A name longer than report_csv's buffer, with quotes to double. */
    fixture f;
    fx_init(&f);
    report_program(&f, true);
    size_t n = 600000;
    char *name = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        name[i] = i % 1000 == 7 ? '"' : (char)('a' + i % 26);
    name[n] = '\0';
    f.p.targets[1].desc = name;
    assert_as_reference(&f, "city,year,farmland_mu,park\n大连,2024,95,\n沈阳,2025,1.5,\n", 2 * n);
    fx_free(&f);
    free(name);
}
END_TEST

START_TEST(report_write_error)
{
    fixture f;
    fx_init(&f);
    report_program(&f, true);
    rt_table *t = fx_load(&f, report_data, NULL);
    rt_result *r = fx_run(&f, t);
    FILE *full = fopen("/dev/full", "w");
    ck_assert_ptr_nonnull(full);
    setvbuf(full, NULL, _IONBF, 0);
    ck_assert_int_eq(report_csv(&f.p, t, r, full), -1);
    fclose(full);
    rt_result_free(r);
    rt_table_free(t);
    fx_free(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("numbers");
    tcase_add_test(tc, number_format);
    tcase_add_test(tc, number_format_round_trips);
    suite_add_tcase(s, tc);
    tc = tcase_create("csv");
    tcase_add_test(tc, report_every_item);
    tcase_add_test(tc, report_targets_only_without_assessment);
    tcase_add_test(tc, report_parent_and_top);
    tcase_add_test(tc, report_quoting_and_vetoes);
    tcase_add_test(tc, report_formula_guard);
    tcase_add_test(tc, report_write_error);
    tcase_add_test(tc, report_many_rows_as_reference);
    tcase_add_test(tc, report_field_longer_than_buffer);
    suite_add_tcase(s, tc);
    return fx_main(s);
}
