/* test_report_html.c — the HTML report: its sections and charts, escaping
 * of untrusted text, self-containment, determinism, and the edge cases (no
 * assessment, no rows, a write error). */
#include "report_html.h"
#include "report_style.h"
#include "report_fixture.h"
#include "pipe_fixture.h"
#include "rollup.h"

/* Renders the report of a run in language lang; returns the page
 * (malloc'd). */
static char *render_in(report_run *run, lbl_lang lang)
{
    capture c;
    ck_assert_int_eq(report_html(&run->f.p, run->t, run->r, run->ru, NULL, lang, cap_open(&c)), 0);
    char *text = strdup(cap_text(&c));
    cap_free(&c);
    return text;
}

/* Renders the report of a run in English; returns the page (malloc'd). */
static char *render(report_run *run)
{
    return render_in(run, LBL_EN);
}

/* Renders the fixture run (with `edit` applied to the program). */
static char *render_fixture(bool assessment, void (*edit)(ir_program *p))
{
    report_run run;
    report_run_start(&run, assessment, report_fixture_data, edit);
    char *text = render(&run);
    report_run_end(&run);
    return text;
}

/* Makes target 1 (on_track everywhere) a peaks target. */
static void target1_peaks(ir_program *p)
{
    p->targets[1].kind = "peaks";
}

/* The targets table marks the mean score of a peaks target's on_track
 * regions (†) and says under the table why it is 0 until met; a numeric
 * `complete` target's progress needs no note. */
START_TEST(html_on_track_zero_note)
{
    char *page = render_fixture(true, target1_peaks);
    const char *tbl = strstr(page, "<section id=\"targets\">");
    ck_assert_ptr_nonnull(tbl);
    const char *end = strstr(tbl, "</section>");
    const char *mark = strstr(tbl, "\xE2\x80\xA0</td>");
    const char *note = strstr(tbl, "<p class=\"note\">\xE2\x80\xA0 a peaks target is on_track before its deadline");
    ck_assert(mark && note && mark < note && note < end);
    free(page);
    page = render_fixture(true, NULL);
    tbl = strstr(page, "<section id=\"targets\">");
    end = strstr(tbl, "</section>");
    const char *none = strstr(tbl, "\xE2\x80\xA0");
    ck_assert(!none || none > end);
    free(page);
}
END_TEST

START_TEST(html_sections_and_charts)
{
    char *h = render_fixture(true, NULL);
    ck_assert_ptr_nonnull(strstr(h, "<!DOCTYPE html>\n"));
    ck_assert_ptr_nonnull(strstr(h, "<meta charset=\"utf-8\">"));
    const char *ids[] = {"ranking", "heatmap", "offtrack", "trajectories", "regions", "agencies", "targets"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        char want[64];
        snprintf(want, sizeof want, "<section id=\"%s\">", ids[i]);
        ck_assert_msg(strstr(h, want), "no %s", want);
    }
    /* 2025 has rows for 沈阳, 大连, 鞍山: three bars, 3 x 2 heatmap cells */
    ck_assert_int_eq(count_of(h, "<rect class=\"bar\""), 3);
    ck_assert_int_eq(count_of(h, "<rect class=\"cell\""), 6);
    /* ranked: 沈阳 (50.15, 优秀), 鞍山 (0.15, 良好), then 大连 (vetoed) */
    const char *sy = strstr(h, "</tspan> 沈阳</text>");
    const char *as = strstr(h, "</tspan> 鞍山</text>");
    const char *dl = strstr(h, "</tspan> 大连</text>");
    ck_assert(sy && as && dl && sy < as && as < dl);
    ck_assert_ptr_nonnull(strstr(h, ">50.15 优秀</text>"));
    ck_assert_ptr_nonnull(strstr(h, "veto: 近岸海域水质</tspan>"));
    /* the bars are coloured by grade: 优秀 green, 不合格 red */
    ck_assert_ptr_nonnull(strstr(h, "fill=\"#1a9850\"><title>沈阳"));
    ck_assert_ptr_nonnull(strstr(h, "fill=\"#d73027\"><title>大连"));
    /* heatmap cells are coloured by status */
    ck_assert_ptr_nonnull(strstr(h, "fill=\"#63be7b\" stroke=\"#d0d7de\" stroke-width=\"0.5\"><title>沈阳 · 近岸海域水质: met (93%)</title>"));
    ck_assert_ptr_nonnull(strstr(h, "fill=\"#f8696b\" stroke=\"#d0d7de\" stroke-width=\"0.5\"><title>大连 · 近岸海域水质: failed (80%)</title>"));
    ck_assert_ptr_nonnull(strstr(h, "fill=\"#d9d9d9\" stroke=\"#d0d7de\" stroke-width=\"0.5\"><title>鞍山 · 近岸海域水质: missing</title>"));
    /* a trajectory card per target; target 0 has its goal and deadline */
    ck_assert_int_eq(count_of(h, "<div class=\"card\">"), 2);
    ck_assert_int_eq(count_of(h, "<svg class=\"trajectory\""), 2);
    ck_assert_int_eq(count_of(h, "<line class=\"deadline\""), 1);
    ck_assert_ptr_nonnull(strstr(h, "<title>deadline 2027</title>"));
    ck_assert_ptr_nonnull(strstr(h, "≥ 92% by 2027"));
    ck_assert_int_eq(count_of(h, "<line class=\"goal\""), 1);
    /* no values table with notes: no sources section, no marks */
    ck_assert_ptr_null(strstr(h, "<section id=\"sources\">"));
    ck_assert_ptr_null(strstr(h, "href=\"#sources\""));
    ck_assert_ptr_null(strstr(h, "<sup class=\"fn\">"));
    /* the regions in scope are all cities: one value axis, no panels */
    ck_assert_int_eq(count_of(h, "<text class=\"level\""), 0);
    /* 大连 has two years of values (a line); 沈阳 one (a dot) */
    ck_assert_ptr_nonnull(strstr(h, "<title>大连</title></polyline>"));
    ck_assert_ptr_nonnull(strstr(h, "<title>沈阳</title></circle>"));
    /* the tables: the shared measure's lead, counts, the goal */
    ck_assert_ptr_nonnull(strstr(h, "<td>shared: 省工业和信息化厅、省住房城乡建设厅</td>"));
    ck_assert_ptr_nonnull(strstr(h, "<td>省生态环境厅</td><td>(九)</td>"));
    /* the targets table: a row per target and level, here the cities */
    ck_assert_ptr_nonnull(strstr(h, "<th>target</th><th>level</th><th>lead</th>"));
    ck_assert_ptr_nonnull(strstr(h, "<td class=\"name\">绿色建筑</td><td>city</td>"));
    /* the list of targets off track: 大连's failed veto target, with its
     * lead, since when (2025: it was met in 2024), the year
     * before's status, value, goal, gap and unit, marked a veto; the
     * heatmap's failed cell is crossed (not told by colour alone) */
    ck_assert_ptr_nonnull(strstr(h, "<a href=\"#offtrack\">Off track</a>"));
    ck_assert_ptr_nonnull(strstr(h, "<h2>Targets off track in 2025</h2>"));
    ck_assert_int_eq(count_of(h, "<table class=\"offtrack\">"), 1);
    ck_assert_ptr_nonnull(strstr(h, "<tr><td class=\"id\">大连</td><td class=\"name\">近岸海域水质</td>"
                                    "<td class=\"id\">(九)</td><td>省生态环境厅、省自然资源厅</td>"));
    ck_assert_ptr_nonnull(strstr(h, "#f8696b\"></span>failed</td><td class=\"n\">2025</td><td class=\"id\">"
                                    "<span class=\"sw\" style=\"background:#63be7b\"></span>met</td>"
                                    "<td class=\"n\">80</td><td class=\"n\">90.5</td><td class=\"n\">92</td>"
                                    "<td class=\"n\">12</td><td class=\"id\">%</td><td class=\"veto\">veto</td></tr>"));
    ck_assert_int_eq(count_of(h, "<path class=\"mark\""), 1);
    /* the table of regions gives the year before's total and grade
     * beside this year's: 大连 was 优秀 in 2024 (50.15), 不合格 in 2025;
     * 鞍山 had no row in 2024 */
    ck_assert_ptr_nonnull(strstr(h, "<th>vetoes</th><th>total 2024</th><th>grade 2024</th><th>"));
    ck_assert_ptr_nonnull(strstr(h, "<td>大连</td><td>辽宁省</td><td class=\"n\">0.15</td><td><span class=\"sw\" style=\"background:#d73027\"></span>不合格</td>"
                                    "<td class=\"veto\">近岸海域水质</td><td class=\"n\">50.15</td>"
                                    "<td><span class=\"sw\" style=\"background:#1a9850\"></span>优秀</td>"));
    const char *anshan = strstr(h, "<td>鞍山</td><td>辽宁省</td><td class=\"n\">0.15</td>");
    ck_assert_ptr_nonnull(anshan);
    ck_assert_ptr_nonnull(strstr(anshan, "</span>良好</td><td class=\"veto\"></td><td class=\"n\"></td><td></td><td"));
    /* rows: 1 off track, 3 regions, 4 agencies (two leads, two sharing),
     * 2 targets */
    ck_assert_int_eq(count_of(h, "</td></tr>"), 1 + 3 + 4 + 2);
    ck_assert_ptr_nonnull(strstr(h, "</html>\n"));
    free(h);
}
END_TEST

/* Gives the fixture's grades their lower bounds (优秀 >= 50, 良好 >= 10,
 * 合格 >= 0, 不合格 below). */
static void grade_bounds(ir_program *p)
{
    static const double mins[] = {50, 10, 0};
    p->band_min = mins;
}

/* The ranking's legend gives each grade's bounds: what a grade rests on. */
START_TEST(html_grade_bounds)
{
    char *h = render_fixture(true, grade_bounds);
    ck_assert_ptr_nonnull(strstr(h, "></span>优秀 ≥ 50</li>"));
    ck_assert_ptr_nonnull(strstr(h, "></span>良好 ≥ 10</li>"));
    ck_assert_ptr_nonnull(strstr(h, "></span>合格 ≥ 0</li>"));
    ck_assert_ptr_nonnull(strstr(h, "></span>不合格 &#60; 0</li>"));
    free(h);
    /* without bounds (a program made by hand), the names alone */
    h = render_fixture(true, NULL);
    ck_assert_ptr_nonnull(strstr(h, "></span>优秀</li>"));
    free(h);
}
END_TEST

/* The targets off track (rollup_offtrack_make): since when runs back over
 * the table's years while the target stays failed or lagging, and a year
 * without a row of the region ends the run; the year before's status;
 * the gap against the goal when failed; the regions with more failed
 * targets first, then by rank (here tied).  And the page's order: the list after the
 * heatmap, before the trajectories. */
START_TEST(html_offtrack_since)
{
    static const char data[] = "city,year,farmland_mu,park\n"
                               "大连,2022,95,\n大连,2023,80,\n大连,2024,85,\n大连,2025,70,\n"
                               "沈阳,2022,70,\n沈阳,2024,75,\n沈阳,2025,91,\n"
                               "鞍山,2024,99,\n鞍山,2025,99,\n";
    report_run run;
    report_run_start(&run, true, data, NULL);
    size_t n = 0;
    rollup_offtrack *o = rollup_offtrack_make(&run.f.p, run.t, run.r, run.ru, &n);
    ck_assert_uint_eq(n, 2);
    /* both failed one veto target and tie in rank (0 + 0.3 over 2):
     * the by_rank order, 沈阳 first as the rules declare it */
    ck_assert_str_eq(run.f.p.regions[run.ru->regions[o[0].region].region].name, "沈阳");
    ck_assert_int_eq(o[0].status, IR_ST_FAILED);
    ck_assert_int_eq(o[0].since, 2024); /* 2023 has no row: the run starts in 2024 */
    ck_assert_int_eq(o[0].prev, IR_ST_FAILED);
    ck_assert_double_eq_tol(o[0].gap, 1, 1e-9);
    ck_assert_str_eq(run.f.p.regions[run.ru->regions[o[1].region].region].name, "大连");
    ck_assert_int_eq(o[1].since, 2023); /* met in 2022 */
    ck_assert_int_eq(o[1].prev, IR_ST_FAILED);
    ck_assert_double_eq_tol(o[1].gap, 22, 1e-9);
    ck_assert_uint_eq(o[1].target, 0);
    free(o);
    report_run_end(&run);

    char *h = render_fixture(true, NULL);
    const char *heat = strstr(h, "<section id=\"heatmap\">");
    const char *off = strstr(h, "<section id=\"offtrack\">");
    const char *traj = strstr(h, "<section id=\"trajectories\">");
    ck_assert(heat && off && traj && heat < off && off < traj);
    free(h);
    /* no region off track: an empty list */
    report_run_start(&run, true, "city,year,farmland_mu,park\n沈阳,2025,95,\n", NULL);
    o = rollup_offtrack_make(&run.f.p, run.t, run.r, run.ru, &n);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(o);
    o = rollup_resolved_make(&run.f.p, run.t, run.r, run.ru, &n); /* one year: none */
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(o);
    report_run_end(&run);
    /* put right since the year before: 大连 failed in 2024, met in 2025;
     * 沈阳 missing in 2024 (not off track) and met in 2025 is not listed */
    report_run_start(&run, true, "city,year,farmland_mu,park\n大连,2024,80,\n大连,2025,95,\n"
                                 "沈阳,2024,,\n沈阳,2025,95,\n", NULL);
    o = rollup_resolved_make(&run.f.p, run.t, run.r, run.ru, &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(run.f.p.regions[run.ru->regions[o[0].region].region].name, "大连");
    ck_assert_uint_eq(o[0].target, 0);
    ck_assert_int_eq(o[0].prev, IR_ST_FAILED);
    ck_assert_int_eq(o[0].status, IR_ST_MET);
    ck_assert_double_eq_tol(o[0].value, 95, 1e-9);
    free(o);
    char *page = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&page, &len);
    ck_assert_int_eq(report_html(&run.f.p, run.t, run.r, run.ru, NULL, LBL_EN, f), 0);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(page, "<p class=\"note\">No region failed or lags behind on a target in 2025.</p>\n"
                                       "<h3>Put right since 2024: failed or lagging then, met or on track in 2025</h3>\n"
                                       "<table class=\"resolved\">"));
    ck_assert_int_eq(count_of(page, "<td class=\"name\">近岸海域水质</td>"), 2); /* and the table of targets */
    free(page);
    report_run_end(&run);
}
END_TEST

/* Puts markup, quotes, control characters and ill-formed UTF-8 in every
 * text the page shows. */
static void hostile_names(ir_program *p)
{
    static const char *lead[] = {"<i>agency</i>"};
    static const char *bands[] = {"<优>", "良好", "合格", "不合&格"};
    static const char *levels[] = {"province", "city\x7f"};
    p->title = "<script>alert(1)</script>";
    p->plan = "a&b";
    p->targets[0].name = "\"q\" 'r' </svg><b>";
    p->targets[0].unit = "<u>";
    p->targets[0].clause = "(九)\x01";
    p->targets[1].name = "bad \xff\xfe byte";
    p->measures[0].lead = lead;
    p->measures[0].nlead = 1;
    p->bands = bands;
    p->levels = levels;
    p->assessment = "x<y";
}

START_TEST(html_escapes_untrusted_text)
{
    char *h = render_fixture(true, hostile_names);
    ck_assert_ptr_null(strstr(h, "<script"));
    ck_assert_ptr_null(strstr(h, "</svg><b>"));
    ck_assert_ptr_null(strstr(h, "<i>agency"));
    ck_assert_ptr_null(strstr(h, "<u>"));
    ck_assert_ptr_null(strstr(h, "<优>"));
    ck_assert_ptr_null(strstr(h, "\x01"));
    ck_assert_ptr_null(strstr(h, "\x7f"));
    ck_assert_ptr_null(strstr(h, "\xff"));
    ck_assert_ptr_nonnull(strstr(h, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    ck_assert_ptr_nonnull(strstr(h, "&quot;q&quot; &#39;r&#39; &lt;/svg&gt;&lt;b&gt;"));
    ck_assert_ptr_nonnull(strstr(h, "&lt;i&gt;agency&lt;/i&gt;"));
    ck_assert_ptr_nonnull(strstr(h, "a&amp;b"));
    ck_assert_ptr_nonnull(strstr(h, "不合&amp;格"));
    ck_assert_ptr_nonnull(strstr(h, "(九)\xEF\xBF\xBD"));
    ck_assert_ptr_nonnull(strstr(h, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte"));
    ck_assert_ptr_nonnull(strstr(h, "x&lt;y"));
    free(h);
}
END_TEST

START_TEST(html_self_contained)
{
    char *h = render_fixture(true, NULL);
    const char *banned[] = {"<script", "<link", "<img", "<iframe", "src=", "href=\"http",
                            "url(", "@import", "@font-face"};
    for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++)
        ck_assert_msg(!strstr(h, banned[i]), "the page holds %s", banned[i]);
    /* the only URLs are SVG's namespace */
    ck_assert_int_eq(count_of(h, "https:"), 0);
    ck_assert_int_eq(count_of(h, "http:"), count_of(h, "xmlns=\"http://www.w3.org/2000/svg\""));
    ck_assert_int_eq(count_of(h, "//"), count_of(h, "http://www.w3.org/2000/svg"));
    ck_assert_ptr_nonnull(strstr(h, "Content-Security-Policy\" content=\"default-src 'none'"));
    /* it prints: a print style sheet with page breaks */
    ck_assert_ptr_nonnull(strstr(h, "@media print{"));
    ck_assert_ptr_nonnull(strstr(h, "break-before:page"));
    free(h);
}
END_TEST

START_TEST(html_deterministic)
{
    char *a = render_fixture(true, NULL);
    char *b = render_fixture(true, NULL);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
}
END_TEST

/* In Chinese: the page's own words are Chinese (headings, veto, statuses in
 * the cells' titles, goals and deadlines, the shared lead, the tables'
 * headers), the rules' texts and the numbers as they are. */
START_TEST(html_in_chinese)
{
    report_run run;
    report_run_start(&run, true, report_fixture_data, NULL);
    char *h = render_in(&run, LBL_ZH);
    ck_assert_ptr_nonnull(strstr(h, "<html lang=\"zh-CN\">"));
    ck_assert_ptr_nonnull(strstr(h, "<h2>2025年地区排名</h2>"));
    ck_assert_ptr_nonnull(strstr(h, ">50.15 优秀</text>"));
    ck_assert_ptr_nonnull(strstr(h, "一票否决：近岸海域水质</tspan>"));
    ck_assert_ptr_nonnull(strstr(h, "<title>大连 · 近岸海域水质：未达标（80%）</title>"));
    ck_assert_ptr_nonnull(strstr(h, "<title>鞍山 · 近岸海域水质：数据缺失</title>"));
    ck_assert_ptr_nonnull(strstr(h, "≥ 92%，到2027年"));
    ck_assert_ptr_nonnull(strstr(h, "<title>期限2027年</title>"));
    ck_assert_ptr_nonnull(strstr(h, "<td>按职责分工负责：省工业和信息化厅、省住房城乡建设厅</td>"));
    ck_assert_ptr_nonnull(strstr(h, "<th>条款</th><th>目标</th><th>层级</th><th>牵头单位</th>"));
    ck_assert_ptr_null(strstr(h, "veto:"));
    ck_assert_ptr_null(strstr(h, "shared"));
    ck_assert_ptr_null(strstr(h, ": met"));
    free(h);
    report_run_end(&run);
    /* no rows: said in Chinese too */
    report_run_start(&run, true, "city,year,farmland_mu,park\n", NULL);
    h = render_in(&run, LBL_ZH);
    ck_assert_ptr_nonnull(strstr(h, "<p>数据中没有任何行，无可报告的内容。</p>"));
    free(h);
    report_run_end(&run);
}
END_TEST

START_TEST(html_without_assessment)
{
    char *h = render_fixture(false, NULL);
    ck_assert_ptr_null(strstr(h, "<section id=\"ranking\">"));
    ck_assert_ptr_null(strstr(h, "href=\"#ranking\""));
    ck_assert_int_eq(count_of(h, "<rect class=\"cell\""), 6);
    ck_assert_int_eq(count_of(h, "<div class=\"card\">"), 2);
    free(h);
}
END_TEST

/* Makes target 1 not_applicable on every row (as a target whose rows all
 * come before its own baseline year is). */
static void target1_not_judged(ir_program *p)
{
    fixture *f = (fixture *)((char *)p - offsetof(fixture, p));
    p->targets[1].status = ir_const(&f->a, p, IR_STATUS, IR_ST_NA);
}

/* A target judged on no row has regions with values, none in its scope:
 * its card says it was not applicable, not that the values are missing. */
START_TEST(html_target_not_judged)
{
    report_run run;
    report_run_start(&run, true, report_fixture_data, target1_not_judged);
    char *en = render_in(&run, LBL_EN), *zh = render_in(&run, LBL_ZH);
    ck_assert_int_eq(count_of(en, "<svg class=\"trajectory\""), 1);
    ck_assert_ptr_nonnull(strstr(en, "<p class=\"empty\">not applicable on every row of the data</p>"));
    ck_assert_ptr_null(strstr(en, "no values for the regions in scope"));
    ck_assert_ptr_nonnull(strstr(zh, "<p class=\"empty\">数据各行均不适用</p>"));
    free(en);
    free(zh);
    report_run_end(&run);
}
END_TEST

/* Puts the two targets in sections of their own, with ids wider than a
 * one-column group. */
static void two_narrow_sections(ir_program *p)
{
    fixture *f = (fixture *)((char *)p - offsetof(fixture, p));
    ir_section *sec = arena_alloc(&f->a, 2 * sizeof *sec);
    sec[0] = p->sections[0];
    sec[0].id = "SDG15";
    sec[1] = p->sections[0];
    sec[1].id = "SDG16";
    p->sections = sec;
    p->nsections = 2;
    p->measures[1].section = 1;
}

/* A section id above a group of one column is cut to the group's width
 * (its whole id in a tooltip), so that the next group's id does not
 * overlap it. */
START_TEST(html_heatmap_section_ids_cut)
{
    report_run run;
    report_run_start(&run, true, report_fixture_data, two_narrow_sections);
    char *h = render(&run);
    ck_assert_ptr_nonnull(strstr(h, "fill=\"#57606a\"><title>SDG15</title>S…</text>"));
    /* the last group's id has the room up to the chart's right edge */
    ck_assert_ptr_nonnull(strstr(h, "fill=\"#57606a\"><title>SDG16</title>SDG…</text>"));
    free(h);
    report_run_end(&run);
}
END_TEST

/* A year the data has no row for breaks a region's line: 大连's 2020
 * value is a marker of its own, not joined to 2024 by a line drawn over
 * four years nobody reported. */
START_TEST(html_line_breaks_at_missing_years)
{
    report_run run;
    report_run_start(&run, true,
                     "city,year,farmland_mu,park\n大连,2020,70,\n大连,2024,95,\n大连,2025,80,\n", NULL);
    char *h = render(&run);
    /* the card of target 0: one line (2024-2025) and one marker (2020) */
    const char *card = strstr(h, "<svg class=\"trajectory\"");
    ck_assert_ptr_nonnull(card);
    const char *end = strstr(card, "</svg>");
    ck_assert_ptr_nonnull(end);
    char *c = strndup(card, (size_t)(end - card));
    ck_assert_int_eq(count_of(c, "<title>大连</title></polyline>"), 1);
    ck_assert_int_eq(count_of(c, "<title>大连</title>"), 2);
    free(c);
    free(h);
    report_run_end(&run);
}
END_TEST

START_TEST(html_no_rows)
{
    report_run run;
    report_run_start(&run, true, "city,year,farmland_mu,park\n", NULL);
    ck_assert_ptr_null(run.ru);
    char *h = render(&run);
    ck_assert_ptr_nonnull(strstr(h, "The data has no rows"));
    ck_assert_ptr_null(strstr(h, "<svg"));
    ck_assert_ptr_nonnull(strstr(h, "</html>\n"));
    free(h);
    report_run_end(&run);
}
END_TEST

/* report_fixture's targets and total for the cities alone: on a
 * province's row every target is not_applicable and there is no total
 * and no grade. */
static void cities_only(fixture *f)
{
    ir_program *p = &f->p;
    arena *a = &f->a;
    static const uint32_t cities[] = {FX_SY, FX_DL, FX_AS};
    uint32_t in = fx_input(f, (ir_input){.kind = IR_IN_SCOPE, .scope = fx_scope(f, cities, 3)});
    uint32_t city = ir_emit(a, p, IR_INPUT, IR_BOOL, 0, 0, 0, 0, in);
    uint32_t na = ir_const(a, p, IR_STATUS, IR_ST_NA);
    uint32_t nan = ir_const(a, p, IR_NUM, NAN);
    uint32_t nograde = ir_const(a, p, IR_GRADE, NAN);
    for (uint32_t i = 0; i < p->ntargets; i++)
        p->targets[i].status = ir_emit(a, p, IR_SELECT, IR_STATUS, city, p->targets[i].status, na, 0, 0);
    p->total = ir_emit(a, p, IR_SELECT, IR_NUM, city, p->total, nan, 0, 0);
    p->grade = ir_emit(a, p, IR_SELECT, IR_GRADE, city, p->grade, nograde, 0, 0);
}

/* A level none of whose regions has a total (a national plan's provinces
 * that only group its cities): one line says why, not a chart of bars
 * that each say "no total"; the cities' chart is drawn as before. */
START_TEST(html_ranking_level_without_totals)
{
    report_run run;
    report_run_start_fx(&run, true, "city,year,farmland_mu,park\n辽宁省,2025,95,\n大连,2025,80,\n"
                                    "沈阳,2025,93,\n", cities_only);
    char *h = render(&run);
    ck_assert_ptr_nonnull(strstr(h, "<figure>\n<figcaption>province</figcaption>\n<p class=\"note\">Its 1 "
                                    "region has no total in 2025: no target applies that year "
                                    "(every one is not_applicable), so there is nothing to rank.</p>\n"
                                    "</figure>\n"));
    ck_assert_ptr_null(strstr(h, "辽宁省</text>\n<text"));
    ck_assert_int_eq(count_of(h, "<rect class=\"bar\""), 2);
    ck_assert_ptr_null(strstr(h, ">no total"));
    free(h);
    h = render_in(&run, LBL_ZH);
    ck_assert_ptr_nonnull(strstr(h, "<p class=\"note\">本层级的1个地区在2025年无总分：当年没有适用的目标"
                                    "（均为不适用），无可排名。</p>"));
    free(h);
    report_run_end(&run);
}
END_TEST

/* A column the data lacks, read as missing (--allow-missing-columns):
 * the header says which indicator and column, in both languages, lest a
 * grade made of missing targets read as judged; a column the data lacks
 * that no target reads on its regions (park) leaves nothing missing and
 * is not named; complete data: no caveat. */
START_TEST(html_absent_columns_caveat)
{
    report_run run;
    fx_init(&run.f);
    report_fixture_program(&run.f, true);
    static const char csv[] = "city,year,park\n大连,2025,yes\n沈阳,2025,no\n";
    rt_load_options opts = {.allow_missing_columns = true, .quiet_missing_columns = true};
    capture c;
    run.t = rt_table_parse(&run.f.p, "data.csv", csv, strlen(csv), &opts, cap_open(&c));
    ck_assert_str_eq(cap_text(&c), "");
    cap_free(&c);
    ck_assert_ptr_nonnull(run.t);
    ck_assert(rt_table_column_absent(run.t, FX_FARMLAND));
    ck_assert(rt_table_column_absent_needed(run.t, FX_FARMLAND));
    ck_assert(!rt_table_column_absent(run.t, FX_PARK));
    run.r = fx_run(&run.f, run.t);
    run.ru = rollup_make(&run.f.p, run.t, run.r, 0);
    char *h = render(&run);
    ck_assert_ptr_nonnull(strstr(h, "padding:6px 10px;margin:0 0 8px\">Not in the data: the data file has no column "
                                    "for 1 indicators, read as missing cells (--allow-missing-columns), "
                                    "so their targets are missing in every region and year: "
                                    "耕地保有量 (column &#39;farmland_mu&#39;).</p>\n</header>"));
    free(h);
    h = render_in(&run, LBL_ZH);
    ck_assert_ptr_nonnull(strstr(h, "padding:6px 10px;margin:0 0 8px\">数据缺列：数据文件中没有1个指标的数据列，"
                                    "已按缺失读取（--allow-missing-columns），相关目标在所有地区和年份均为"
                                    "数据缺失：耕地保有量（列“farmland_mu”）。</p>"));
    free(h);
    report_run_end(&run);
    /* park, which no target reads: absent, and not named */
    fx_init(&run.f);
    report_fixture_program(&run.f, true);
    static const char unread[] = "city,year,farmland_mu\n大连,2025,80\n沈阳,2025,93\n";
    run.t = rt_table_parse(&run.f.p, "data.csv", unread, strlen(unread), &opts, cap_open(&c));
    cap_free(&c);
    ck_assert_ptr_nonnull(run.t);
    ck_assert(rt_table_column_absent(run.t, FX_PARK));
    ck_assert(!rt_table_column_absent_needed(run.t, FX_PARK));
    run.r = fx_run(&run.f, run.t);
    run.ru = rollup_make(&run.f.p, run.t, run.r, 0);
    h = render(&run);
    ck_assert_ptr_null(strstr(h, "class=\"caveat\""));
    free(h);
    report_run_end(&run);
    h = render_fixture(true, NULL);
    ck_assert_ptr_null(strstr(h, "class=\"caveat\""));
    free(h);
}
END_TEST

/* Values near the largest doubles (and below the most negative) still
 * give a page: finite coordinates, short tick labels (the tick loop once
 * ran forever when the range rounded up to infinity). */
START_TEST(html_huge_values)
{
    /* 1 to 1.7e308: the top tick rounds up to infinity; -1.7e308 to
     * 1.79e308: the range itself is wider than the largest double */
    static const char *const data[] = {
        "city,year,farmland_mu,park\n大连,2024,1,\n大连,2025,1.7e308,\n",
        "city,year,farmland_mu,park\n大连,2024,1,\n大连,2025,1.7e308,\n"
        "沈阳,2024,-1.7e308,\n沈阳,2025,1.79e308,\n",
    };
    for (int k = 0; k < 2; k++) {
        report_run run;
        report_run_start(&run, true, data[k], NULL);
        char *h = render(&run);
        ck_assert_ptr_nonnull(strstr(h, "</html>\n"));
        ck_assert_ptr_nonnull(strstr(h, "<svg"));
        const char *bad = strstr(h, "inf\"");
        ck_assert_msg(!bad, "%.200s", bad ? bad - 150 : "");
        ck_assert_ptr_null(strstr(h, "\"inf"));
        ck_assert_ptr_null(strstr(h, "\"-inf"));
        ck_assert_ptr_null(strstr(h, "nan"));
        ck_assert_ptr_null(strstr(h, "00000000000000000000"));
        free(h);
        report_run_end(&run);
    }
}
END_TEST

START_TEST(html_small_values_keep_digits)
{
    /* a value below 1 keeps three significant digits in the hover text:
     * 0.0326 亿亩 is not 0.03 */
    report_run run;
    report_run_start(&run, true, "city,year,farmland_mu,park\n大连,2024,1,\n大连,2025,0.0326,\n", NULL);
    char *h = render(&run);
    ck_assert_ptr_nonnull(strstr(h, "(0.0326"));
    ck_assert_ptr_null(strstr(h, "(0.03 "));
    free(h);
    report_run_end(&run);
}
END_TEST

/* Gives target 0 a name far too long for a heatmap column. */
static void long_name(ir_program *p)
{
    p->targets[0].name = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
}

START_TEST(html_long_names_are_cut)
{
    char *h = render_fixture(true, long_name);
    /* the column label: 12 characters and an ellipsis; the whole name in
     * its tooltip */
    ck_assert_ptr_nonnull(strstr(h, "<title>一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十</title>"
                                    "一二三四五六七八九十一二…</text>"));
    free(h);
}
END_TEST

START_TEST(html_write_error)
{
    report_run run;
    report_run_start(&run, true, report_fixture_data, NULL);
    FILE *full = fopen("/dev/full", "w");
    ck_assert_ptr_nonnull(full);
    setvbuf(full, NULL, _IONBF, 0);
    ck_assert_int_eq(report_html(&run.f.p, run.t, run.r, run.ru, NULL, LBL_EN, full), -1);
    fclose(full);
    report_run_end(&run);
}
END_TEST

/* Every series differs from every other in colour, dash or marker, up to
 * the count report_style.h promises, and the same i gives the same series
 * (the page must be the same bytes on every run). */
static int series_cmp(const void *a, const void *b)
{
    const report_series *x = a, *y = b;
    if (x->colour != y->colour)
        return x->colour < y->colour ? -1 : 1;
    if (x->marker != y->marker)
        return x->marker < y->marker ? -1 : 1;
    return strcmp(x->dash, y->dash);
}

START_TEST(series_are_distinct)
{
    const uint32_t n = REPORT_STYLE_SERIES_DISTINCT;
    report_series *se = calloc(n, sizeof *se);
    ck_assert_ptr_nonnull(se);
    for (uint32_t i = 0; i < n; i++) {
        se[i] = report_style_series(i);
        report_series again = report_style_series(i);
        ck_assert_int_eq(series_cmp(&se[i], &again), 0);
        /* a line on a white page: no channel mix near white */
        uint32_t c = se[i].colour;
        ck_assert_msg((c >> 16 & 0xFF) < 0xF0 || (c >> 8 & 0xFF) < 0xF0 || (c & 0xFF) < 0xF0,
                      "series %u is #%06x, too pale", i, c);
    }
    /* the first 40 are told apart at a glance: ten colours, each solid,
     * dashed, dotted and dash-dotted */
    ck_assert_str_eq(se[0].dash, "");
    ck_assert_str_eq(se[10].dash, "6 3");
    ck_assert_uint_eq(se[10].colour, se[0].colour);
    ck_assert_int_ne(se[10].marker, se[0].marker);
    qsort(se, n, sizeof *se, series_cmp);
    for (uint32_t i = 1; i < n; i++)
        ck_assert_msg(series_cmp(&se[i - 1], &se[i]) != 0, "two series are #%06x '%s' %d",
                      se[i].colour, se[i].dash, (int)se[i].marker);
    free(se);
}
END_TEST

/* The fixture with 40 regions, 辽宁省 and cities 城01..城39: more than
 * the palette has colours, and as many as a chart draws as a line each
 * (beyond, it draws their distribution: tests/report/formats.sh). */
enum { MANY = 40 };

/* The name of region i of many_regions. */
static void many_name(int i, char buf[16])
{
    if (i == 0)
        strcpy(buf, "辽宁省");
    else
        snprintf(buf, 16, "城%02d", i);
}

static void many_regions(ir_program *p)
{
    static ir_region regions[MANY];
    static char names[MANY][16];
    for (int i = 0; i < MANY; i++) {
        many_name(i, names[i]);
        regions[i] = (ir_region){.name = names[i], .level = i ? 1 : 0, .parent = i ? 0 : -1, .aliases = NULL, .naliases = 0};
    }
    p->regions = regions;
    p->nregions = MANY;
}

/* The fixture with 60 regions, 辽宁省 and cities 城01..城59: more
 * cities than the ranking and the heatmap draw (40). */
enum { SIXTY = 60 };

static void sixty_regions(ir_program *p)
{
    static ir_region regions[SIXTY];
    static char names[SIXTY][16];
    for (int i = 0; i < SIXTY; i++) {
        many_name(i, names[i]);
        regions[i] = (ir_region){.name = names[i], .level = i ? 1 : 0, .parent = i ? 0 : -1};
    }
    p->regions = regions;
    p->nregions = SIXTY;
}

/* The text from the end of `from` to the start of `to` in s (malloc'd;
 * NULL when either is absent). */
static char *between(const char *s, const char *from, const char *to)
{
    const char *a = strstr(s, from);
    if (!a)
        return NULL;
    a += strlen(from);
    const char *b = strstr(a, to);
    return b ? strndup(a, (size_t)(b - a)) : NULL;
}

/* The whole line of `text` that holds `needle` (malloc'd), NULL when it
 * is absent. */
static char *line_with(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    if (!at)
        return NULL;
    const char *a = at, *b = strchr(at, '\n');
    while (a > text && a[-1] != '\n')
        a--;
    return strndup(a, b ? (size_t)(b - a) : strlen(a));
}

/* With more regions than colours, every region's line in a chart and its
 * key in the legend are drawn differently from every other region's, and
 * each key is drawn as the region's line and marker are. */
START_TEST(html_many_regions_distinct)
{
    /* every region has two years of values (a line in each chart) but
     * 城13, 城25 and 城35, with one (a lone value: its marker) */
    char csv[8192] = "city,year,farmland_mu,park\n";
    for (int i = 0; i < MANY; i++) {
        char name[16];
        many_name(i, name);
        size_t len = strlen(csv);
        snprintf(csv + len, sizeof csv - len, "%s,2025,%d,\n", name, 80 + i % 17);
        if (i != 13 && i != 25 && i != 35) {
            len = strlen(csv);
            snprintf(csv + len, sizeof csv - len, "%s,2024,%d,\n", name, 70 + i % 23);
        }
    }
    report_run run;
    report_run_start(&run, true, csv, many_regions);
    char *h = render(&run);
    report_run_end(&run);

    char *legend = between(h, "<section id=\"trajectories\">", "</ul>");
    ck_assert_ptr_nonnull(legend);
    ck_assert_int_eq(count_of(legend, "<svg class=\"key\""), MANY);
    const char *chart = strstr(h, "<svg class=\"trajectory\"");
    ck_assert_ptr_nonnull(chart);
    char *key[MANY], *stroke[MANY];
    for (int i = 0; i < MANY; i++) {
        char name[16], want[64];
        many_name(i, name);
        /* the key: a line with the series' stroke, then its marker */
        snprintf(want, sizeof want, "</svg>%s</li>", name);
        const char *end = strstr(legend, want);
        ck_assert_msg(end, "no key for %s", name);
        const char *start = end;
        while (start > legend && strncmp(start, "<svg class=\"key\"", 16) != 0)
            start--;
        key[i] = strndup(start, (size_t)(end - start));
        stroke[i] = between(key[i], "y2=\"6\" ", "/>");
        ck_assert_ptr_nonnull(stroke[i]);
        const char *mark = strstr(key[i], "/>") + 2;
        /* in the first chart: a line with that stroke, or the marker */
        snprintf(want, sizeof want, "<title>%s</title>", name);
        char *el = line_with(chart, want);
        ck_assert_msg(el, "%s has no line or marker", name);
        if (i == 13 || i == 25 || i == 35) {
            size_t shape = strcspn(mark, " ");
            ck_assert_msg(strncmp(el, mark, shape) == 0, "%s: %s is not the key's %s", name, el, mark);
            char *fill = between(mark, "fill=", "/>");
            char *got = between(el, "fill=", "><title>");
            ck_assert_str_eq(got, fill);
            free(fill);
            free(got);
        } else {
            ck_assert_msg(strncmp(el, "<polyline class=\"series\" fill=\"none\" ", 37) == 0, "%s: %s",
                          name, el);
            char *got = between(el, "fill=\"none\" ", " points=");
            ck_assert_str_eq(got, stroke[i]);
            free(got);
        }
        free(el);
    }
    /* no two regions alike: neither their keys nor their lines */
    for (int i = 0; i < MANY; i++)
        for (int j = 0; j < i; j++) {
            ck_assert_msg(strcmp(key[i], key[j]) != 0, "regions %d and %d have the same key", i, j);
            ck_assert_msg(strcmp(stroke[i], stroke[j]) != 0, "regions %d and %d have the same line: %s",
                          i, j, stroke[i]);
        }
    for (int i = 0; i < MANY; i++) {
        free(key[i]);
        free(stroke[i]);
    }
    free(legend);
    free(h);
}
END_TEST

/* The lowest and highest pixel y of the points of the polyline titled
 * `name` in svg; false when there is none. */
static bool polyline_span(const char *svg, const char *name, double *ylo, double *yhi)
{
    char want[64];
    snprintf(want, sizeof want, "<title>%s</title></polyline>", name);
    char *el = line_with(svg, want);
    if (!el)
        return false;
    char *pts = between(el, "points=\"", "\"");
    *ylo = INFINITY;
    *yhi = -INFINITY;
    for (char *at = pts; at && *at;) {
        double x, y;
        int used = 0;
        if (sscanf(at, "%lf,%lf%n", &x, &y, &used) != 2)
            break;
        *ylo = y < *ylo ? y : *ylo;
        *yhi = y > *yhi ? y : *yhi;
        at += used;
    }
    free(pts);
    free(el);
    return isfinite(*ylo);
}

/* A target covering regions of two levels (辽宁省's total and its
 * cities) is drawn as a panel per level, each with its own value axis:
 * on one axis the province's 12000 would flatten the cities' 70..90 to
 * a pixel or two. */
START_TEST(html_trajectory_panel_per_level)
{
    static const char csv[] = "city,year,farmland_mu,park\n"
                              "辽宁省,2024,10000,\n辽宁省,2025,12000,\n"
                              "沈阳,2024,80,\n沈阳,2025,85,\n"
                              "大连,2024,70,\n大连,2025,90,\n";
    report_run run;
    report_run_start(&run, true, csv, NULL);
    char *h = render(&run);
    report_run_end(&run);
    char *svg = between(h, "<svg class=\"trajectory\"", "</svg>");
    ck_assert_ptr_nonnull(svg);
    /* the panels, in the levels' order, one above the other */
    ck_assert_int_eq(count_of(svg, "<text class=\"level\""), 2);
    const char *prov = strstr(svg, "font-weight=\"600\" fill=\"#1f2328\">province · 1 region</text>");
    const char *city = strstr(svg, "font-weight=\"600\" fill=\"#1f2328\">city · 2 regions</text>");
    ck_assert(prov && city && prov < city);
    ck_assert_ptr_nonnull(strstr(svg, "viewBox=\"0 0 290 300\""));
    /* each panel has its axis: the province's in thousands (down to the
     * goal, 92, drawn in each), the cities' in tens */
    char *top = strndup(prov, (size_t)(city - prov));
    ck_assert_ptr_nonnull(strstr(top, "\">15000</text>"));
    ck_assert_ptr_null(strstr(top, "\">80</text>"));
    ck_assert_ptr_null(strstr(city, "\">15000</text>"));
    ck_assert_ptr_nonnull(strstr(city, "\">80</text>"));
    ck_assert_int_eq(count_of(svg, "stroke=\"#8c959f\"/>"), 2);
    /* the cities' lines use their panel's height: 大连 from 70 to 90
     * spans most of it, and lies below the province's panel */
    double lo, hi, plo, phi;
    ck_assert(polyline_span(city, "大连", &lo, &hi));
    ck_assert_msg(hi - lo > 60, "大连's line spans %.1f pixels", hi - lo);
    ck_assert(polyline_span(top, "辽宁省", &plo, &phi));
    ck_assert(phi < 150 && lo > 150);
    /* a goal and deadline in each panel */
    ck_assert_int_eq(count_of(svg, "<line class=\"deadline\""), 2);
    /* the legend keys the three regions, each drawn as a line */
    char *legend = between(h, "<section id=\"trajectories\">", "</ul>");
    ck_assert_int_eq(count_of(legend, "<svg class=\"key\""), 3);
    free(legend);
    free(top);
    free(svg);
    free(h);
}
END_TEST

/* A values table with notes: a sources section (in the table of
 * contents) lists the regions whose row has a note, those of one number
 * and note on one line, with the targets that read it; a footnote mark
 * after the goals of each such target, in its card and in the table of
 * targets, links to it.  In Chinese too. */
/* Gives target 0 (近岸海域水质) the unit 万亩. */
static void unit_wanmu(ir_program *p)
{
    p->targets[0].unit = "万亩";
}

/* A number and its unit: `%` follows the number ("93%", as explain and
 * planc diff write it: unit_gap), any other unit after a space. */
START_TEST(html_unit_gap)
{
    report_run run;
    report_run_start(&run, true, report_fixture_data, unit_wanmu);
    char *h = render(&run);
    report_run_end(&run);
    ck_assert_ptr_nonnull(strstr(h, "<title>沈阳 · 近岸海域水质: met (93 万亩)</title>"));
    ck_assert_ptr_nonnull(strstr(h, "≥ 92 万亩 by 2027"));
    ck_assert_ptr_null(strstr(h, "93万亩"));
    free(h);
}
END_TEST

/* A yes/no target's value on hover in the heatmap is yes or no (是, 否),
 * as its goal is, not 1 or 0. */
START_TEST(html_bool_value_words)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_bool_value);
    char *h = render(&run);
    char *zh = render_in(&run, LBL_ZH);
    report_run_end(&run);
    ck_assert_ptr_nonnull(strstr(h, "<title>沈阳 · 近岸海域水质: met (yes)</title>"));
    ck_assert_ptr_nonnull(strstr(h, "<title>大连 · 近岸海域水质: failed (no)</title>"));
    ck_assert_ptr_nonnull(strstr(zh, "<title>沈阳 · 近岸海域水质：达标（是）</title>"));
    ck_assert_ptr_null(strstr(h, "近岸海域水质: met (1)"));
    free(h);
    free(zh);
}
END_TEST

/* A yes/no values table's rows in the sources section are yes and no, as
 * the workbook's sources sheet writes them (test_report_xlsx). */
START_TEST(html_bool_table_sources)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_bool_table);
    char *h = render(&run);
    report_run_end(&run);
    char *sec = between(h, "<section id=\"sources\">", "</section>");
    ck_assert_ptr_nonnull(sec);
    ck_assert_ptr_nonnull(strstr(sec, "<td>沈阳</td><td>yes</td>"));
    ck_assert_ptr_nonnull(strstr(sec, "<td>大连</td><td>no</td>"));
    free(sec);
    free(h);
}
END_TEST

START_TEST(html_sources_of_values)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_notes);
    char *h = render(&run);
    char *zh = render_in(&run, LBL_ZH);
    report_run_end(&run);
    ck_assert_ptr_nonnull(strstr(h, "<li><a href=\"#sources\">Sources</a></li></ul></nav>"));
    char *sec = between(h, "<section id=\"sources\">", "</section>");
    ck_assert_ptr_nonnull(sec);
    ck_assert_ptr_nonnull(strstr(sec, "<h2>Where the rules' values come from</h2>"));
    ck_assert_ptr_nonnull(strstr(sec, "<th></th><th>indicator</th><th>region</th><th>value</th>"
                                      "<th>unit</th><th>note</th><th>targets</th>"));
    ck_assert_ptr_nonnull(strstr(sec, "<tr id=\"source-1\"><td class=\"n\">1</td><td>绿化目标</td>"
                                      "<td>沈阳、大连</td><td class=\"n\">100</td><td>%</td>"
                                      "<td>附件一 &lt;表1&gt;</td><td>绿色建筑</td></tr>"));
    ck_assert_int_eq(count_of(sec, "<tr"), 2); /* the header and one line */
    ck_assert_ptr_null(strstr(sec, "鞍山"));
    /* the marks: 绿色建筑's card and its line in the table of targets;
     * 近岸海域水质 reads no table */
    static const char mark[] = "<sup class=\"fn\"><a href=\"#source-1\" "
                               "title=\"where 绿化目标 comes from: note 1\">1</a></sup>";
    ck_assert_int_eq(count_of(h, mark), 2);
    char *card = between(h, "<div class=\"card\">\n<h3>绿色建筑</h3>", "</div>");
    ck_assert_ptr_nonnull(card);
    ck_assert_ptr_nonnull(strstr(card, mark));
    free(card);
    ck_assert_ptr_nonnull(strstr(h, "<td class=\"name\">绿色建筑<sup class=\"fn\">"));
    ck_assert_ptr_null(strstr(h, "<td class=\"name\">近岸海域水质<sup"));
    /* Chinese */
    ck_assert_ptr_nonnull(strstr(zh, "<li><a href=\"#sources\">数值来源</a></li>"));
    ck_assert_ptr_nonnull(strstr(zh, "<h2>规则给定值的来源</h2>"));
    ck_assert_ptr_nonnull(strstr(zh, "<th>指标</th><th>地区</th>"));
    ck_assert_ptr_nonnull(strstr(zh, "<th>来源说明</th><th>使用该值的目标</th>"));
    ck_assert_ptr_nonnull(strstr(zh, "title=\"绿化目标的来源：注1\">1</a></sup>"));
    free(sec);
    free(zh);
    free(h);
}
END_TEST

/* A values table whose rows give years: the section lists the region's
 * every-year row, then its noted years (consecutive years of one number
 * and note on one line, "沈阳 2024–2025"; zh "2024–2025年"); the table
 * read in two years (two inputs) is one source, and both targets that
 * read it carry its mark. */
START_TEST(html_sources_of_values_years)
{
    report_run run;
    report_run_start_fx(&run, true, report_fixture_data, report_fixture_year_notes);
    char *h = render(&run);
    char *zh = render_in(&run, LBL_ZH);
    report_run_end(&run);
    char *sec = between(h, "<section id=\"sources\">", "</section>");
    ck_assert_ptr_nonnull(sec);
    ck_assert_ptr_nonnull(strstr(sec, "<tr id=\"source-1\"><td class=\"n\">1</td><td>绿化目标</td>"
                                      "<td>沈阳、大连</td><td class=\"n\">100</td><td>%</td>"
                                      "<td>附件一 &lt;表1&gt;</td><td>近岸海域水质、绿色建筑</td></tr>"));
    ck_assert_ptr_nonnull(strstr(sec, "<tr><td></td><td>绿化目标</td><td>沈阳 2024–2025</td>"
                                      "<td class=\"n\">95</td><td>%</td><td>2024年度责任书</td>"
                                      "<td></td></tr>"));
    ck_assert_int_eq(count_of(sec, "<tr"), 3); /* the header and two lines */
    ck_assert_ptr_null(strstr(sec, "source-2"));
    ck_assert_ptr_nonnull(strstr(h, "<td class=\"name\">绿色建筑<sup class=\"fn\">"));
    ck_assert_ptr_nonnull(strstr(h, "<td class=\"name\">近岸海域水质<sup class=\"fn\">"));
    ck_assert_ptr_nonnull(strstr(zh, "<td>沈阳 2024–2025年</td>"));
    free(sec);
    free(zh);
    free(h);
}
END_TEST

/* The page of the sixty_regions plan over one year: 城01..城30 meet
 * target 0 (farmland ≥ 92), 城31..城59 fail it. */
static char *sixty_page(void)
{
    char csv[8192] = "city,year,farmland_mu,park\n";
    for (int i = 0; i < SIXTY; i++) {
        char name[16];
        many_name(i, name);
        size_t len = strlen(csv);
        snprintf(csv + len, sizeof csv - len, "%s,2025,%d,\n", name, i <= 30 ? 95 : 80);
    }
    report_run run;
    report_run_start(&run, true, csv, sixty_regions);
    char *h = render(&run);
    report_run_end(&run);
    return h;
}

/* The heatmap is a chart per level under a heading; a level of more
 * regions than the ranking draws is cut as the ranking is: its first and
 * last 20 rows in rank order, a row saying how many are left out, and a
 * note saying where they are. */
START_TEST(html_heatmap_per_level)
{
    char *h = sixty_page();
    char *heat = between(h, "<section id=\"heatmap\">", "</section>");
    ck_assert_ptr_nonnull(heat);
    ck_assert_int_eq(count_of(heat, "<svg class=\"heatmap\""), 2);
    const char *pv = strstr(heat, "<h3>province · 1 region</h3>\n<svg class=\"heatmap\"");
    const char *ct = strstr(heat, "<h3>city · 59 regions</h3>\n<svg class=\"heatmap\"");
    ck_assert(pv && ct && pv < ct);
    /* 1 + 20 + 20 rows of the two targets */
    ck_assert_int_eq(count_of(heat, "<rect class=\"cell\""), 2 * (1 + 40));
    ck_assert_ptr_nonnull(strstr(heat, ">… 19 more regions, in places 21 to 39 of this order, not drawn</text>"));
    ck_assert_ptr_nonnull(strstr(heat, "<p class=\"note cut\">19 regions of this level are not drawn: "
                                       "every region's statuses are in the results (CSV) and in the "
                                       "workbook's detail sheet (--format xlsx); the table of regions "
                                       "below counts them.</p>"));
    /* rank order: the 30 cities that met the target first (城01..城20
     * drawn, 城21..城30 not), the 29 that failed it last (城31..城39 not
     * drawn, 城40..城59 drawn) */
    const char *c20 = strstr(heat, "<title>城20 · "), *c40 = strstr(heat, "<title>城40 · ");
    const char *cut = strstr(heat, "<text class=\"cut\"");
    ck_assert(c20 && cut && c40 && c20 < cut && cut < c40);
    ck_assert_ptr_null(strstr(heat, "<title>城21 · "));
    ck_assert_ptr_null(strstr(heat, "<title>城39 · "));
    free(heat);
    /* the ranking cuts the same regions */
    char *rank = between(h, "<section id=\"ranking\">", "</section>");
    ck_assert_ptr_nonnull(rank);
    ck_assert_ptr_nonnull(strstr(rank, "… 19 more regions, in places 21 to 39 of this order"));
    free(rank);
    free(h);
}
END_TEST

/* The table of regions is a table per level under a heading; a level of
 * more regions than the ranking draws is folded into a closed <details>
 * that still holds every row, and the ranking's cut line links to it. */
START_TEST(html_regions_per_level)
{
    char *h = sixty_page();
    char *tab = between(h, "<section id=\"regions\">", "</section>");
    ck_assert_ptr_nonnull(tab);
    ck_assert_ptr_nonnull(strstr(tab, "A level of more than 40 regions is folded"));
    /* the province: open, without a parent column (it has none) */
    const char *pv = strstr(tab, "<h3>province · 1 region</h3>\n<table class=\"regions\" id=\"regions-0\">\n"
                                 "<thead><tr><th>rank</th><th>region</th><th>total</th>");
    /* the 59 cities: folded, with their parent */
    const char *ct = strstr(tab, "<h3>city · 59 regions</h3>\n<details class=\"regions\"><summary>"
                                 "The 59 regions of this level: open to show the table</summary>\n"
                                 "<table class=\"regions\" id=\"regions-1\">\n"
                                 "<thead><tr><th>rank</th><th>region</th><th>parent</th><th>total</th>");
    ck_assert(pv && ct && pv < ct);
    ck_assert_int_eq(count_of(tab, "<table class=\"regions\""), 2);
    ck_assert_int_eq(count_of(tab, "<details"), 1);
    ck_assert_ptr_nonnull(strstr(tab, "</tbody>\n</table>\n</details>\n"));
    /* every city's row is in the fold, the cut ones too */
    ck_assert_int_eq(count_of(tab, "</td></tr>"), SIXTY);
    for (int i = 1; i < SIXTY; i++) {
        char want[64], name[16];
        many_name(i, name);
        snprintf(want, sizeof want, "<td>%s</td><td>辽宁省</td>", name);
        ck_assert_msg(strstr(strstr(tab, "<details"), want), "no row for %s", name);
    }
    free(tab);
    /* the ranking's cut line opens the cities' table */
    ck_assert_ptr_nonnull(strstr(h, "<a href=\"#regions-1\">… 19 more regions"));
    free(h);
}
END_TEST

/* A page of many levels (a region each, as a rules file may declare
 * them): its parts walk each level's regions and rows, not every region
 * or row for each level (15,000 levels took some 27 s, 30,000 110 s;
 * this test's own time limit is 18 s, but under AddressSanitizer), and it
 * lists each region once. */
START_TEST(html_many_levels)
{
#ifdef __SANITIZE_ADDRESS__
    enum { N = 2000 }; /* the unoptimised ASan build: the page, not its time */
#else
    enum { N = 15000 };
#endif
    size_t cap = (size_t)N * 64 + 4096;
    char *rules = pf_many_levels_rules(N), *csv = malloc(cap);
    size_t o = (size_t)sprintf(csv, "region,year,x\n");
    for (int i = 0; i < N; i++)
        o += (size_t)sprintf(csv + o, "R%d,2023,%d\nR%d,2024,%d\n", i, i % 7, i, i % 10);
    pfx x;
    pf_setup(&x, rules, csv, false);
    rollup *ru = rollup_make(x.p, x.t, x.r, 0);
    ck_assert_ptr_nonnull(ru);
    /* the page's table of regions: a row per region, found by its cell */
    char *page = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&page, &len);
    ck_assert_int_eq(report_html(x.p, x.t, x.r, ru, NULL, LBL_EN, f), 0);
    fclose(f);
    uint32_t tables = 0;
    for (const char *at = page; (at = strstr(at, "<table class=\"regions\" id=\"regions-")); at++)
        tables++;
    ck_assert_uint_eq(tables, N);
    free(page);
    rollup_free(ru);
    pf_free(&x);
    free(rules);
    free(csv);
}
END_TEST

/* The bytes the runtime's allocators handed out since the last reset:
 * this executable is linked with --wrap for rt_xmalloc and rt_xcalloc
 * (tests/CMakeLists.txt), so every call from the runtime's objects comes
 * through here first.  Counted on one thread (the page is written on
 * one). */
static size_t alloc_bytes;
void *__real_rt_xmalloc(size_t n, size_t size);
void *__real_rt_xcalloc(size_t n, size_t size);
void *__wrap_rt_xmalloc(size_t n, size_t size);
void *__wrap_rt_xcalloc(size_t n, size_t size);

void *__wrap_rt_xmalloc(size_t n, size_t size)
{
    alloc_bytes += n * size;
    return __real_rt_xmalloc(n, size);
}

void *__wrap_rt_xcalloc(size_t n, size_t size)
{
    alloc_bytes += n * size;
    return __real_rt_xcalloc(n, size);
}

/* A page of many levels and many regions allocates memory in proportion
 * to its rows, regions and levels, not to levels x regions: the
 * trajectory chart's panels (one per level of a target's scope) once
 * took a flag and an index per region of the program each, 10 bytes x
 * 4,000 levels x 16,000 regions = 640 MB handed out and zeroed for a page
 * of 32,000 rows; 816 kB since, some 16 bytes per row, region and level. */
START_TEST(html_levels_times_regions)
{
    enum { L = 4000, R = 4 }; /* levels, regions of each */
    size_t cap = (size_t)L * R * 48 + (size_t)L * 16 + 4096;
    char *rules = malloc(cap), *csv = malloc(cap);
    size_t o = (size_t)sprintf(rules, "plan P { region R0_0 baseline 2020 horizon 2030 }\nlevels ");
    for (int i = 0; i < L; i++)
        o += (size_t)sprintf(rules + o, "%sL%d", i ? ", " : "", i);
    rules[o++] = '\n';
    for (int i = 0; i < L; i++)
        for (int j = 0; j < R; j++)
            o += (size_t)sprintf(rules + o, "region R%d_%d : L%d\n", i, j, i);
    sprintf(rules + o, "indicator x : 1, higher, column \"x\"\n"
                       "section S { measure (1) { target t : x >= 5 by 2030 } }\n"
                       "assessment A { missing zero grade 优 >= 90, 差 }\n");
    o = (size_t)sprintf(csv, "region,year,x\n");
    for (int i = 0; i < L; i++)
        for (int j = 0; j < R; j++)
            o += (size_t)sprintf(csv + o, "R%d_%d,2023,%d\nR%d_%d,2024,%d\n", i, j, (i + j) % 7, i, j,
                                 (i * j) % 10);
    pfx x;
    pf_setup(&x, rules, csv, false);
    rollup *ru = rollup_make(x.p, x.t, x.r, 0);
    char *page = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&page, &len);
    alloc_bytes = 0;
    ck_assert_int_eq(report_html(x.p, x.t, x.r, ru, NULL, LBL_EN, f), 0);
    size_t used = alloc_bytes;
    fclose(f);
    size_t rows = (size_t)L * R * 2, units = rows + (size_t)L * R + L;
    ck_assert_msg(used <= 64 * units, "the page allocated %zu bytes for %zu rows, %d regions and %d levels",
                  used, rows, L * R, L);
    free(page);
    rollup_free(ru);
    pf_free(&x);
    free(rules);
    free(csv);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("report_html");
    TCase *tc = tcase_create("html");
    tcase_add_test(tc, html_sections_and_charts);
    tcase_add_test(tc, html_offtrack_since);
    tcase_add_test(tc, html_grade_bounds);
    tcase_add_test(tc, html_absent_columns_caveat);
    tcase_add_test(tc, html_ranking_level_without_totals);
    tcase_add_test(tc, html_bool_value_words);
    tcase_add_test(tc, html_unit_gap);
    tcase_add_test(tc, html_bool_table_sources);
    tcase_add_test(tc, html_escapes_untrusted_text);
    tcase_add_test(tc, html_self_contained);
    tcase_add_test(tc, html_deterministic);
    tcase_add_test(tc, html_in_chinese);
    tcase_add_test(tc, html_without_assessment);
    tcase_add_test(tc, html_no_rows);
    tcase_add_test(tc, html_line_breaks_at_missing_years);
    tcase_add_test(tc, html_target_not_judged);
    tcase_add_test(tc, html_huge_values);
    tcase_add_test(tc, html_small_values_keep_digits);
    tcase_add_test(tc, html_long_names_are_cut);
    tcase_add_test(tc, html_write_error);
    tcase_add_test(tc, series_are_distinct);
    tcase_add_test(tc, html_many_regions_distinct);
    tcase_add_test(tc, html_trajectory_panel_per_level);
    tcase_add_test(tc, html_sources_of_values);
    tcase_add_test(tc, html_sources_of_values_years);
    tcase_add_test(tc, html_heatmap_per_level);
    tcase_add_test(tc, html_heatmap_section_ids_cut);
    tcase_add_test(tc, html_regions_per_level);
    tcase_add_test(tc, html_on_track_zero_note);
    suite_add_tcase(s, tc);
    TCase *big = tcase_create("many levels");
    /* 1.2 s here; the unoptimised AddressSanitizer build (make test-asan)
     * runs 15,000 levels for minutes, so there it writes 2,000 (the page,
     * not its time: only the optimised build can tell the walk per level
     * from the walk over everything) */
#ifdef __SANITIZE_ADDRESS__
    tcase_set_timeout(big, 120);
#else
    tcase_set_timeout(big, 18);
#endif
    tcase_add_test(big, html_many_levels);
    tcase_add_test(big, html_levels_times_regions);
    suite_add_tcase(s, big);
    return fx_main(s);
}
