/* report_html.c — the results as one self-contained HTML page (see
 * report_html.h and docs/OUTPUT.md).
 *
 * The page is written top to bottom in one pass: a header, the ranking of
 * regions (bars coloured by grade; the first and last 20 of a level of
 * more), the region x target status heatmap (a chart per level, cut as
 * the ranking is), one small trajectory chart
 * per target (a line per region, or over 40 regions their median and
 * quantile bands; the goals and their deadlines; a panel per level, each
 * with a value axis of its own, when a target covers regions of several
 * levels), then the tables per region, per agency and per target.  The
 * charts are SVG drawn here; their layout is computed from the text they
 * hold (display width: CJK characters count two columns), so long names do
 * not overlap.  Nothing depends on the clock, the locale or the machine:
 * the same run gives the same bytes.
 *
 * Every text from the rules or the data goes through put_text, which
 * escapes it for HTML and SVG (the five special characters) and replaces
 * control characters and ill-formed UTF-8 with U+FFFD. */
#include "report_html.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "labels.h"
#include "report_style.h"
#include "rtmem.h"
#include "unit.h"
#include "utf8.h"

#ifndef PLANC_VERSION
#define PLANC_VERSION "0.0.0"
#endif

/* Width in pixels of one display column of text at font size 1: a CJK
 * character (two columns) is about one em wide, a Latin letter about half;
 * rounded up, since capitals and digits are wider than the average letter
 * (at 0.55, "15 Copenhagen" lost its first character to the chart's
 * edge). */
#define COLUMN_EM 0.6

/* How many regions of a level the ranking draws as bars and the heatmap as
 * rows: beyond it, the first and the last half of them, with a row between
 * saying how many are left out (the table of regions lists them all, the
 * results every region's statuses).  level_cut applies it. */
#define LEVEL_SHOWN 40

/* How many regions a trajectory chart draws as a line each: beyond it,
 * the median, the middle half and the range of their values per year, as
 * 40 lines are about what the eye follows and the legend can name. */
#define SERIES_SHOWN 40

/* The style sheet: readable on screen, printable (white background, page
 * breaks between sections, colours kept). */
static const char css[] =
    "*{box-sizing:border-box}\n"
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",\"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",\"WenQuanYi Micro Hei\","
    "sans-serif;color:#1f2328;background:#fff;margin:24px auto;max-width:1240px;"
    "padding:0 16px;line-height:1.45;font-size:14px;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "h1{font-size:24px;margin:0 0 4px}\n"
    "h2{font-size:19px;border-bottom:2px solid #d0d7de;padding-bottom:4px;margin:32px 0 8px}\n"
    "h3{font-size:15px;margin:16px 0 4px}\n"
    ".meta{color:#57606a;margin:0 0 8px}\n"
    ".note{color:#57606a;font-size:13px;margin:4px 0 8px}\n"
    "nav ul{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:4px 16px}\n"
    "nav a{color:#0969da;text-decoration:none}\n"
    "svg{display:block;max-width:100%;height:auto}\n"
    "svg text{font-family:inherit}\n"
    "figure{margin:8px 0}\n"
    "figcaption{font-weight:600;margin-bottom:2px}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:6px 0 10px;"
    "padding:0;list-style:none}\n"
    ".sw{display:inline-block;width:12px;height:12px;border:1px solid #8c959f;"
    "vertical-align:-1px;margin-right:4px}\n"
    "svg.key{display:inline-block;vertical-align:-1px;margin-right:4px}\n"
    ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px}\n"
    ".card{border:1px solid #d0d7de;border-radius:6px;padding:8px;break-inside:avoid}\n"
    ".card h3{margin:0;font-size:14px}\n"
    ".card p{margin:2px 0;font-size:12px;color:#57606a}\n"
    ".card .empty{padding:24px 0;text-align:center}\n"
    "table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 16px}\n"
    "th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}\n"
    "thead th{background:#f6f8fa;position:sticky;top:0}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "td.z{color:#afb8c1}\n"
    "td.id{white-space:nowrap}\n"
    "td.name{min-width:10em}\n"
    "td.bad{color:#b42318;font-weight:600}\n"
    "tbody tr:nth-child(even){background:#fafbfc}\n"
    "summary{cursor:pointer;color:#0969da;margin:4px 0}\n"
    ".veto{color:#b42318}\n"
    "footer{margin-top:32px;color:#57606a;font-size:12px}\n"
    "@page{size:A4 landscape;margin:12mm}\n"
    "@media print{body{margin:0;max-width:none;padding:0;font-size:11px}"
    "nav{display:none}section{break-before:page}section:first-of-type{break-before:auto}"
    "h2,h3{break-after:avoid}figure,.card,tr{break-inside:avoid}"
    "table{font-size:10px}th,td{padding:2px 4px}td.name{min-width:8em}"
    "thead{display:table-header-group}thead th{position:static}"
    ".grid{grid-template-columns:repeat(3,1fr)}a{color:inherit}}\n";

/* The page being written and what it is written from. */
typedef struct page {
    FILE *out;
    const ir_program *p;
    const rt_table *t;
    const rt_result *r;
    const rollup *ru;    /* NULL: the table has no row */
    const report_source *src; /* what produced the page, or NULL */
    lbl_lang lang;       /* the language of the page's own words */
    char **leads;        /* each measure's lead text (as in the CSV, in lang) */
    report_notes notes;  /* the values tables with notes: the sources section */
    size_t *lrows;       /* the table's rows grouped by their region's level,
                            ascending: level lv's are lrows[lstart[lv] ..
                            lstart[lv + 1]) (chart_extent's panels) */
    size_t *lstart;
    int prev_year;       /* the data's year before the roll-up year, whose
                            totals and grades the table of regions shows
                            beside this year's (the last assessment); 0
                            when there is none or no assessment */
    int year_before;     /* the data's year before the roll-up year, assessed
                            or not (rollup_year_before): the off-track and
                            put-right lists name their previous status's
                            column by it; 0 when there is none */
} page;

/* The text of label id in the page's language. */
static const char *label(const page *g, lbl_id id)
{
    return lbl_get(g->lang, id);
}

/* ------------------------------------------------------------- text */

/* Writes s escaped for HTML text and quoted attribute values (SVG too),
 * cut to at most maxw display columns with a final '…' when it is wider
 * (maxw 0: no limit).  A NULL s writes nothing. */
static void put_text_cut(FILE *out, const char *s, size_t maxw)
{
    if (!s)
        return;
    if (maxw && report_style_width(s) <= maxw)
        maxw = 0;
    size_t n = strlen(s), w = 0;
    while (n > 0) {
        uint32_t cp;
        int len = utf8_decode(s, n, &cp);
        bool bad = report_style_unsafe(cp);
        if (maxw) {
            size_t cw = bad ? 1 : (size_t)diag_cpwidth(cp);
            if (w + cw + 1 > maxw) {
                fputs("\xE2\x80\xA6", out); /* … */
                return;
            }
            w += cw;
        }
        if (bad)
            fputs("\xEF\xBF\xBD", out); /* U+FFFD */
        else if (cp == '&')
            fputs("&amp;", out);
        else if (cp == '<')
            fputs("&lt;", out);
        else if (cp == '>')
            fputs("&gt;", out);
        else if (cp == '"')
            fputs("&quot;", out);
        else if (cp == '\'')
            fputs("&#39;", out);
        else
            fwrite(s, 1, (size_t)len, out);
        s += len;
        n -= (size_t)len;
    }
}

/* Writes s escaped (see put_text_cut), whole. */
static void put_text(FILE *out, const char *s)
{
    put_text_cut(out, s, 0);
}

/* Pixels that s takes at font size `font` (an estimate from its display
 * width, a little generous so that text never overlaps). */
static double text_px(const char *s, double font)
{
    return (double)report_style_width(s) * font * COLUMN_EM;
}

/* A target's unit after a number in running text: none for yes/no, nor
 * for `1` (a plain number). */
static const char *unit_after_number(const ir_target *tg)
{
    const char *u = report_target_unit_shown(tg);
    return u ? u : "";
}

/* Formats v for a reader as the page shows numbers: at most two decimals
 * (report_format_shown); "" for a missing value. */
static void short_number(double v, char buf[32])
{
    report_format_shown(v, REPORT_PAGE_DECIMALS, buf);
}

/* "#rrggbb" for a colour. */
static void colour_text(uint32_t rgb, char buf[8])
{
    snprintf(buf, 8, "#%06x", (unsigned)(rgb & 0xFFFFFF));
}

/* A status code's word in the page's language, or "" for a NaN or
 * out-of-range value. */
static const char *status_name(const page *g, double st)
{
    if (isnan(st) || st < IR_ST_NA || st > IR_ST_MET)
        return "";
    return lbl_status(g->lang, (int)st);
}

/* The comparison an op stands for, as a reader writes it. */
static const char *op_text(ir_op op)
{
    switch (op) {
    case IR_LT: return "<";
    case IR_LE: return "\xE2\x89\xA4"; /* ≤ */
    case IR_GT: return ">";
    case IR_GE: return "\xE2\x89\xA5"; /* ≥ */
    case IR_EQ: return "=";
    case IR_NE: return "\xE2\x89\xA0"; /* ≠ */
    default: return "";
    }
}

/* The lead text of target ti's measure ("" when it has none). */
static const char *target_lead(const page *g, uint32_t ti)
{
    uint32_t m = g->p->targets[ti].measure;
    return m < g->p->nmeasures ? g->leads[m] : "";
}

/* True when target ti's value is a yes/no. */
static bool bool_target(const ir_program *p, uint32_t ti)
{
    return report_target_bool(p, &p->targets[ti]);
}

/* ---------------------------------------------------- chart helpers */

/* A step between axis ticks of a round size (1, 2 or 5 times a power of
 * ten) that cuts `span` into about `want` parts. */
static double nice_step(double span, int want)
{
    if (!(span > 0))
        return 1;
    double raw = span / want;
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    double nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nf * mag;
}

/* Decimals needed to print multiples of `step` exactly enough. */
static int step_decimals(double step)
{
    int d = (int)ceil(-log10(step) - 1e-9);
    return d < 0 ? 0 : d > 6 ? 6 : d;
}

/* The strokes that mark a failed cell (a cross) and a lagging one (a
 * slash) over their colour, so that a reader who cannot tell the red of
 * failed from the green of met (the commonest colour blindness) still
 * can: CSS gradients for a swatch (printf formats: %% is one percent
 * sign), as status_swatch writes them. */
#define MARK_SLASH "linear-gradient(to top right,transparent 42%%,#1f2328 42%%,#1f2328 58%%,transparent 58%%)"
#define MARK_BACKSLASH "linear-gradient(to top left,transparent 42%%,#1f2328 42%%,#1f2328 58%%,transparent 58%%)"

/* A status's swatch (span.sw): its colour, with the heatmap's mark of a
 * failed or lagging cell. */
static void status_swatch(FILE *out, int st)
{
    int32_t fill = report_style_status_fill(st);
    char c[8] = "#ffffff";
    if (fill != REPORT_STYLE_NONE)
        colour_text((uint32_t)fill, c);
    if (st == IR_ST_FAILED)
        fprintf(out, "<span class=\"sw\" style=\"background:" MARK_SLASH "," MARK_BACKSLASH ",%s\"></span>", c);
    else if (st == IR_ST_LAGGING)
        fprintf(out, "<span class=\"sw\" style=\"background:" MARK_SLASH ",%s\"></span>", c);
    else
        fprintf(out, "<span class=\"sw\" style=\"background:%s\"></span>", c);
}

/* Writes the legend of the statuses as an HTML list. */
static void status_legend(const page *g)
{
    FILE *out = g->out;
    fputs("<ul class=\"legend\">", out);
    for (int st = IR_ST_MET; st >= IR_ST_NA; st--) {
        fputs("<li>", out);
        status_swatch(out, st);
        fprintf(out, "%s</li>", lbl_status(g->lang, st));
    }
    fputs("</ul>\n", out);
}

/* ----------------------------------------------------------- header */

/* Most indicators the header's caveat names; the rest are counted. */
#define ABSENT_NAMED 12

/* The header's caveat when indicator columns were absent from the data
 * and read as missing (--allow-missing-columns): their targets are
 * `missing` everywhere, and with `missing zero` a region's grade is then
 * made of data nobody supplied.  The footer's "read with" alone hides it
 * from a reader of the grades (docs/OUTPUT.md §8). */
static void absent_columns(page *g)
{
    const ir_program *p = g->p;
    uint32_t n = 0;
    for (uint32_t k = 0; k < p->ncolumns; k++)
        n += rt_table_column_absent_needed(g->t, k);
    if (n == 0)
        return;
    /* styled where it is: a rule in the style sheet would change every page */
    fputs("<p class=\"caveat\" style=\"background:#fff8c5;border:1px solid #d4a72c;"
          "padding:6px 10px;margin:0 0 8px\">", g->out);
    fprintf(g->out, label(g, LBL_ABSENT_COLUMNS), n);
    uint32_t shown = 0;
    for (uint32_t k = 0; k < p->ncolumns && shown < ABSENT_NAMED; k++) {
        if (!rt_table_column_absent_needed(g->t, k))
            continue;
        const ir_column *c = &p->columns[k];
        if (shown++)
            fputs(label(g, LBL_NAME_SEP), g->out);
        put_text(g->out, c->indicator ? c->indicator : c->name);
        char *col = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&col, &len);
        if (m) {
            fprintf(m, label(g, LBL_ABSENT_COLUMN), c->name);
            fclose(m);
            put_text(g->out, col);
        }
        free(col);
    }
    if (n > shown)
        fprintf(g->out, label(g, LBL_ABSENT_MORE), n - shown);
    fprintf(g->out, "%s</p>\n", label(g, LBL_FULL_STOP));
}

/* The title, what the page is about, and the table of contents. */
static void header(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    fputs("<header>\n<h1>", out);
    put_text(out, p->title ? p->title : p->plan);
    fprintf(out, "</h1>\n<p class=\"meta\">%s", label(g, LBL_META_PLAN));
    put_text(out, p->plan);
    fputs(label(g, LBL_META_DATA), out);
    put_text(out, rt_table_path(g->t));
    if (g->ru) {
        fprintf(out, label(g, LBL_META_YEARS), g->ru->years[0], g->ru->years[g->ru->nyears - 1]);
        fprintf(out, "%s<b>", label(g, LBL_META_ROLLUP_YEAR));
        fprintf(out, label(g, LBL_YEAR), g->ru->year);
        fputs("</b>", out);
        fprintf(out, label(g, LBL_META_COUNTS), g->ru->nregions, p->ntargets);
    }
    if (p->has_assessment) {
        fputs(label(g, LBL_META_ASSESSMENT), out);
        put_text(out, p->assessment);
    }
    fputs("</p>\n", out);
    absent_columns(g);
    fputs("</header>\n", out);
    if (!g->ru)
        return;
    /* the sections' ids (docs/OUTPUT.md §8) and their names */
    static const struct { const char *id; lbl_id name; } nav[] = {
        {"ranking", LBL_NAV_RANKING},   {"heatmap", LBL_NAV_HEATMAP}, {"offtrack", LBL_NAV_OFFTRACK},
        {"trajectories", LBL_NAV_TRAJECTORIES}, {"regions", LBL_NAV_REGIONS},
        {"agencies", LBL_NAV_AGENCIES}, {"targets", LBL_NAV_TARGETS},
    };
    fputs("<nav><ul>", out);
    for (size_t i = p->has_assessment ? 0 : 1; i < sizeof nav / sizeof nav[0]; i++)
        fprintf(out, "<li><a href=\"#%s\">%s</a></li>", nav[i].id, label(g, nav[i].name));
    if (g->notes.n)
        fprintf(out, "<li><a href=\"#sources\">%s</a></li>", label(g, LBL_NAV_SOURCES));
    fputs("</ul></nav>\n", out);
}

/* ---------------------------------------------------------- ranking */

/* The names of a region's failed veto targets joined with '、' into buf
 * (cut when they do not fit). */
static void veto_names(const page *g, const rollup_region *rr, char *buf, size_t size)
{
    buf[0] = '\0';
    size_t len = 0;
    for (uint32_t i = 0; i < rr->nvetoes; i++) {
        const char *name = g->p->targets[rr->vetoes[i]].name;
        int n = snprintf(buf + len, size - len, "%s%s", i ? "、" : "", name);
        if (n < 0 || (size_t)n >= size - len) {
            buf[len] = '\0';
            return;
        }
        len += (size_t)n;
    }
}

/* The text after a region's bar: its total, grade and vetoes. */
static void bar_text(const page *g, const rollup_region *rr, char *buf, size_t size)
{
    char num[32];
    short_number(rr->total, num);
    const char *grade = rr->grade >= 0 && (uint32_t)rr->grade < g->p->nbands
                            ? g->p->bands[rr->grade] : "";
    snprintf(buf, size, "%s %s", isnan(rr->total) ? label(g, LBL_NO_TOTAL) : num, grade);
}

/* How many of the roll-up's regions are of `level` (rollup.level_first:
 * counted region by region for each level, a plan of thousands of levels
 * took minutes). */
static uint32_t level_regions(const rollup *ru, uint32_t level)
{
    uint32_t n = ru->level_first[level + 1] - ru->level_first[level];
    return n;
}

/* How a chart of a level of n regions (in ru->by_rank order) is cut: it
 * draws the first *head and the last n - *head - *cut, and a row between
 * saying that *cut are not drawn; *cut is 0 when it draws them all.  The
 * ranking and the heatmap cut alike (2,735 counties were a ranking 65,000
 * pixels tall and a heatmap of 55,000). */
static void level_cut(uint32_t n, uint32_t *head, uint32_t *cut)
{
    *head = n;
    *cut = 0;
    if (n > LEVEL_SHOWN) {
        *head = LEVEL_SHOWN / 2;
        *cut = n - LEVEL_SHOWN;
    }
}

/* The id of level `level`'s table of regions (the ranking's cut line
 * links to it). */
static void region_table_id(uint32_t level, char buf[32])
{
    snprintf(buf, 32, "regions-%u", level);
}

/* A walk over the rows of one level's chart (the ranking's or the
 * heatmap's), in rank order: the regions drawn, and, in place of those
 * level_cut leaves out, one row for the line saying so. */
typedef struct level_walk {
    const rollup *ru;
    uint32_t level;
    uint32_t head, cut;        /* level_cut's, for a level of n regions */
    uint32_t k;                /* the next position in ru->by_rank */
    uint32_t end;              /* the level's end in ru->by_rank */
    uint32_t at;               /* the level's regions passed */
    uint32_t row;              /* the rows returned */
} level_walk;

static level_walk level_walk_start(const rollup *ru, uint32_t level, uint32_t n)
{
    level_walk w = {.ru = ru, .level = level, .k = ru->level_first[level],
                    .end = ru->level_first[level + 1]};
    level_cut(n, &w.head, &w.cut);
    return w;
}

/* The next row of the walk: true with *rr its region (NULL for the cut
 * line) and *row its number from 0; false after the last. */
static bool level_next(level_walk *w, const rollup_region **rr, uint32_t *row)
{
    while (w->k < w->end) {
        const rollup_region *r = &w->ru->regions[w->ru->by_rank[w->k++]];
        uint32_t at = w->at++;
        bool hidden = at >= w->head && at < w->head + w->cut;
        if (hidden && at != w->head)
            continue;
        *rr = hidden ? NULL : r;
        *row = w->row++;
        return true;
    }
    return false;
}

/* A level of n regions none of which has a total or a grade in the
 * roll-up year (a national plan's provinces that only group its cities):
 * instead of a chart of n empty bars, each saying "no total", one line
 * that says why, and true; false when some region has one.  The heatmap
 * and the table of regions still list them. */
static bool ranking_none(page *g, uint32_t level, uint32_t n)
{
    const rollup *ru = g->ru;
    bool judged = false;
    for (uint32_t j = ru->level_first[level]; j < ru->level_first[level + 1]; j++) {
        const rollup_region *rr = &ru->regions[ru->by_rank[j]];
        if (!isnan(rr->total) || rr->grade >= 0)
            return false;
        judged = judged || rr->counts.n[IR_ST_NA] < rr->counts.total;
    }
    fputs("<figure>\n<figcaption>", g->out);
    put_text(g->out, level < g->p->nlevels ? ir_level_word(g->p, level, g->lang) : "");
    fputs("</figcaption>\n<p class=\"note\">", g->out);
    fprintf(g->out, label(g, n == 1 ? LBL_RANKING_NONE1 : LBL_RANKING_NONE), n, ru->year);
    fputs(label(g, judged ? LBL_RANKING_NONE_SEE : LBL_RANKING_NONE_NA), g->out);
    fputs("</p>\n</figure>\n", g->out);
    return true;
}

/* One bar chart: the regions of `level` in rank order, bar length the
 * total score (0..100), colour the grade. */
static void ranking_chart(page *g, uint32_t level)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    const double font = 13, rowh = 24, top = 6, barw = 560, axish = 24;
    uint32_t n = level_regions(ru, level);
    if (n == 0)
        return;
    if (ranking_none(g, level, n))
        return;
    /* a level of more than LEVEL_SHOWN regions: its first and last
     * LEVEL_SHOWN / 2 bars, and a row between that says how many are not
     * drawn */
    level_walk w = level_walk_start(ru, level, n);
    uint32_t head = w.head, cut = w.cut, rows = n - cut + (cut > 0), row;
    double labw = 0, textw = 0;
    char rank[16], text[160], vetoes[512];
    const rollup_region *rr;
    while (level_next(&w, &rr, &row)) {
        if (!rr)
            continue;
        snprintf(rank, sizeof rank, "%u", rr->rank);
        double w = text_px(rank, font) + text_px(p->regions[rr->region].name, font) + 8;
        labw = w > labw ? w : labw;
        bar_text(g, rr, text, sizeof text);
        veto_names(g, rr, vetoes, sizeof vetoes);
        w = text_px(text, font) +
            (rr->nvetoes ? text_px(label(g, LBL_VETO), font) + text_px(vetoes, font) : 0);
        textw = w > textw ? w : textw;
    }
    char cutline[160] = "";
    if (cut) {
        snprintf(cutline, sizeof cutline, label(g, LBL_RANKING_CUT), cut, head + 1, head + cut);
        double w = text_px(cutline, font) - barw - 12;
        textw = w > textw ? w : textw;
    }
    double left = labw + 12, width = left + barw + 12 + textw + 12;
    double height = top + rows * rowh + axish;
    fputs("<figure>\n<figcaption>", out);
    put_text(out, level < p->nlevels ? ir_level_word(p, level, g->lang) : "");
    fprintf(out, "</figcaption>\n<svg class=\"ranking\" xmlns=\"http://www.w3.org/2000/svg\" "
                 "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-size=\"%.0f\" "
                 "role=\"img\">\n",
            width, height, width, height, font);
    /* the axis: a light grid line every 20 points */
    for (int v = 0; v <= 100; v += 20) {
        double x = left + barw * v / 100.0;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#57606a\" "
                     "font-size=\"11\">%d</text>\n",
                x, top, x, top + rows * rowh, v == 0 ? "#8c959f" : "#e5e7eb", x,
                top + rows * rowh + 16, v);
    }
    w = level_walk_start(ru, level, n);
    while (level_next(&w, &rr, &row)) {
        double y = top + row * rowh;
        if (!rr) {
            char id[32];
            region_table_id(level, id);
            fprintf(out, "<text class=\"cut\" x=\"%.1f\" y=\"%.1f\" fill=\"#57606a\">"
                         "<a href=\"#%s\">", left + 6, y + 17, id);
            put_text(out, cutline);
            fputs("</a></text>\n", out);
            continue;
        }
        const char *name = p->regions[rr->region].name;
        if (rr->rank)
            snprintf(rank, sizeof rank, "%u", rr->rank);
        else
            strcpy(rank, "\xE2\x80\x93"); /* – */
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">"
                     "<tspan fill=\"#57606a\">%s</tspan> ", left - 8, y + 17, rank);
        put_text(out, name);
        fputs("</text>\n", out);
        double bw = 0;
        if (!isnan(rr->total)) {
            double v = rr->total < 0 ? 0 : rr->total > 100 ? 100 : rr->total;
            bw = barw * v / 100.0;
            char c[8] = "#8c959f";
            if (rr->grade >= 0)
                colour_text(report_style_grade_fill((uint32_t)rr->grade, p->nbands), c);
            fprintf(out, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" "
                         "fill=\"%s\"><title>",
                    left, y + 4, bw, c);
            put_text(out, name);
            bar_text(g, rr, text, sizeof text);
            fputs(label(g, LBL_COLON), out);
            put_text(out, text);
            fputs("</title></rect>\n", out);
        }
        bar_text(g, rr, text, sizeof text);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", left + bw + 6, y + 17);
        put_text(out, text);
        if (rr->nvetoes) {
            veto_names(g, rr, vetoes, sizeof vetoes);
            fprintf(out, " <tspan class=\"veto\" fill=\"#b42318\">%s", label(g, LBL_VETO));
            put_text(out, vetoes);
            fputs("</tspan>", out);
        }
        fputs("</text>\n", out);
    }
    fputs("</svg>\n</figure>\n", out);
}

/* The ranking section: one chart per level, and the grade legend. */
static void ranking(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    if (!p->has_assessment)
        return;
    fputs("<section id=\"ranking\">\n<h2>", out);
    fprintf(out, label(g, LBL_RANKING_TITLE), g->ru->year);
    fprintf(out, "</h2>\n<p class=\"note\">%s</p>\n<ul class=\"legend\">",
            label(g, LBL_RANKING_NOTE));
    for (uint32_t b = 0; b < p->nbands; b++) {
        char c[8];
        colour_text(report_style_grade_fill(b, p->nbands), c);
        fprintf(out, "<li><span class=\"sw\" style=\"background:%s\"></span>", c);
        put_text(out, p->bands[b]);
        /* the band's bounds, so that a reader sees what a grade rests on:
         * "≥ 90" for each band but the last, "< 60" for the last */
        if (p->band_min && p->nbands > 1) {
            char v[32];
            bool last = b + 1 == p->nbands;
            short_number(p->band_min[last ? b - 1 : b], v);
            fprintf(out, " %s %s", last ? "&#60;" : "\xE2\x89\xA5", v); /* &#60;: no Latin letters in the zh page */
        }
        fputs("</li>", out);
    }
    fputs("</ul>\n", out);
    for (uint32_t level = 0; level < p->nlevels; level++)
        ranking_chart(g, level);
    fputs("</section>\n", out);
}

/* ---------------------------------------------------------- heatmap */

/* The section id of target ti, or NULL when it has no measure. */
static const ir_section *target_section(const ir_program *p, uint32_t ti)
{
    uint32_t m = p->targets[ti].measure;
    if (m >= p->nmeasures || p->measures[m].section >= p->nsections)
        return NULL;
    return &p->sections[p->measures[m].section];
}

/* The layout of one level's heatmap: the x of each target's column (NaN
 * for a target that applies to no region of the level: its column would
 * be blank), where the region names end and the targets' names start. */
typedef struct heat_layout {
    double *xs;              /* per target; NaN: not drawn */
    uint32_t ncols;          /* targets drawn */
    double left, top;        /* pixels: the cells' left edge, the first row's top */
    double countx, width;    /* the counts right of a row; the chart's width */
} heat_layout;

/* Cell and font sizes of the heatmap. */
#define HEAT_CW 12.0         /* a cell's width */
#define HEAT_CH 18.0         /* a row's height */
#define HEAT_FONT 12.0       /* region names, counts */
#define HEAT_NAMEFONT 10.0   /* target names */
#define HEAT_NAMECOLS 26     /* target names are cut at this many columns */
#define HEAT_SECLAB 16.0     /* the band of section ids above the names */

/* True when target ti applied to a region of `level` in the roll-up's
 * year: the target roll-up has a row for the pair (rollup.h), found by
 * halving, as its rows are in level order (one by one, a plan of
 * thousands of levels passed them all for each level). */
static bool target_at_level(const rollup *ru, uint32_t ti, uint32_t level)
{
    const rollup_target_total *tt = &ru->totals[ti];
    uint32_t lo = tt->first, hi = tt->first + tt->nrows;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ru->targets[mid].level < level)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < tt->first + tt->nrows && ru->targets[lo].level == level;
}

/* Lays out the heatmap of `level` into *L (L->xs: p->ntargets entries):
 * the columns of the targets that apply to the level, a gap where the
 * section changes; labw is the width of the region names (the same for
 * every level, so that the charts' cells line up on the left). */
static void heat_layout_level(const page *g, uint32_t level, double labw, heat_layout *L)
{
    const ir_program *p = g->p;
    const double gap = 6;
    double namew = 0;
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        if (!target_at_level(g->ru, ti, level))
            continue;
        size_t cols = report_style_width(p->targets[ti].name);
        double w = (double)(cols < HEAT_NAMECOLS ? cols : HEAT_NAMECOLS) * HEAT_NAMEFONT * COLUMN_EM;
        namew = w > namew ? w : namew;
    }
    L->left = labw + 10;
    L->top = HEAT_SECLAB + namew + 6;
    L->ncols = 0;
    double x = L->left;
    const ir_section *last = NULL;
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        L->xs[ti] = NAN;
        if (!target_at_level(g->ru, ti, level))
            continue;
        if (L->ncols && target_section(p, ti) != last)
            x += gap;
        last = target_section(p, ti);
        L->xs[ti] = x;
        L->ncols++;
        x += HEAT_CW;
    }
    L->countx = x + 8;
    char widest[64]; /* the widest count right of a row */
    snprintf(widest, sizeof widest, label(g, LBL_MET_SHORT), 999u, 999u);
    L->width = L->countx + text_px(widest, HEAT_FONT) + 8;
}

/* One row of a level's heatmap: the region's name, a cell per target
 * drawn coloured by status (its value on hover), and its `met N/M`. */
static void heat_row(page *g, const heat_layout *L, const rollup_region *rr, double y)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const char *name = p->regions[rr->region].name;
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", L->left - 6, y + 13);
    put_text(out, name);
    fputs("</text>\n", out);
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        if (isnan(L->xs[ti]))
            continue;
        const ir_target *tg = &p->targets[ti];
        double st = rt_result_value(g->r, tg->status, rr->row);
        int32_t fill = isnan(st) ? REPORT_STYLE_NONE : report_style_status_fill((int)st);
        char c[8] = "none";
        if (fill != REPORT_STYLE_NONE)
            colour_text((uint32_t)fill, c);
        char v[32];
        double val = rt_result_value(g->r, tg->value, rr->row);
        if (bool_target(p, ti) && !isnan(val))
            snprintf(v, sizeof v, "%s", label(g, val != 0 ? LBL_YES : LBL_NO)); /* not 1 and 0 */
        else
            short_number(val, v);
        fprintf(out, "<rect class=\"cell\" x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" "
                     "fill=\"%s\" stroke=\"#d0d7de\" stroke-width=\"0.5\"><title>",
                L->xs[ti], y + 1, HEAT_CW - 1, HEAT_CH - 2, c);
        put_text(out, name);
        fputs(" · ", out);
        put_text(out, tg->name);
        fprintf(out, "%s%s", label(g, LBL_COLON), status_name(g, st));
        if (v[0]) {
            const char *u = unit_after_number(tg);
            fprintf(out, "%s%s%s", label(g, LBL_PAREN_OPEN), v, unit_gap(u));
            put_text(out, u);
            fputs(label(g, LBL_PAREN_CLOSE), out);
        }
        fputs("</title></rect>\n", out);
        if (st == IR_ST_FAILED || st == IR_ST_LAGGING) {
            /* a slash for lagging, a cross for failed: not by colour alone */
            double x0 = L->xs[ti] + 2, x1 = L->xs[ti] + HEAT_CW - 3;
            double y0 = y + 4, y1 = y + HEAT_CH - 5;
            fprintf(out, "<path class=\"mark\" d=\"M%.1f %.1fL%.1f %.1f", x0, y1, x1, y0);
            if (st == IR_ST_FAILED)
                fprintf(out, "M%.1f %.1fL%.1f %.1f", x0, y0, x1, y1);
            fputs("\" stroke=\"#1f2328\" stroke-width=\"1.2\" pointer-events=\"none\"/>\n", out);
        }
    }
    const rollup_counts *c = &rr->counts;
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#57606a\">", L->countx, y + 13);
    fprintf(out, label(g, LBL_MET_SHORT), c->n[IR_ST_MET], c->total - c->n[IR_ST_NA]);
    fputs("</text>\n", out);
}

/* The heading of a level's heatmap and of its table of regions: the
 * level's name and its number of regions, n. */
static void level_heading(page *g, uint32_t level, uint32_t n)
{
    const ir_program *p = g->p;
    fputs("<h3>", g->out);
    put_text(g->out, level < p->nlevels ? ir_level_word(p, level, g->lang) : "");
    if (n == 1)
        fputs(label(g, LBL_HEATMAP_LEVEL_ONE), g->out);
    else
        fprintf(g->out, label(g, LBL_HEATMAP_LEVEL), n);
    fputs("</h3>\n", g->out);
}

/* The heatmap of one level: a heading (the level and how many regions it
 * has), then a chart with a row per region of the level in the ranking's
 * order (ru->by_rank) and a column per target that applies to the level.
 * A level of more regions than the ranking draws is cut as the ranking is
 * (level_cut): its first and last rows, a row between saying how many are
 * not drawn, and under the chart a note saying where every region's
 * statuses are (the results and the workbook's detail sheet). */
static void heat_level(page *g, double labw, double *xs, uint32_t level)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    uint32_t n = level_regions(ru, level);
    if (n == 0)
        return;
    level_heading(g, level, n);
    heat_layout lay = {.xs = xs}, *L = &lay;
    heat_layout_level(g, level, labw, L);
    if (L->ncols == 0) {
        fprintf(out, "<p class=\"note\">%s</p>\n", label(g, LBL_HEATMAP_NO_TARGETS));
        return;
    }
    level_walk w = level_walk_start(ru, level, n);
    uint32_t head = w.head, cut = w.cut;
    char cutline[256] = "";
    double width = L->width;
    if (cut) {
        snprintf(cutline, sizeof cutline, label(g, LBL_HEATMAP_CUT), cut, head + 1, head + cut);
        double w = L->left + text_px(cutline, HEAT_FONT) + 8;
        width = w > width ? w : width;
    }
    uint32_t rows = n - cut + (cut > 0);
    double height = L->top + rows * HEAT_CH + 4;
    fprintf(out, "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" "
                 "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-size=\"%.0f\" "
                 "role=\"img\">\n",
            width, height, width, height, HEAT_FONT);
    /* section ids above their groups, each cut to its group's width (and
     * the gap after it), so that the ids of narrow groups do not overlap */
    const ir_section *last = NULL;
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        if (isnan(L->xs[ti]))
            continue;
        const ir_section *s = target_section(p, ti);
        if (s && s != last) {
            double next = L->width; /* the next group's start, or the chart's right edge */
            for (uint32_t tj = ti + 1; tj < p->ntargets; tj++)
                if (!isnan(L->xs[tj]) && target_section(p, tj) != s) {
                    next = L->xs[tj];
                    break;
                }
            size_t cols = (size_t)((next - L->xs[ti]) / (11 * COLUMN_EM));
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#57606a\"><title>",
                    L->xs[ti], HEAT_SECLAB - 4);
            put_text(out, s->id);
            fputs("</title>", out);
            put_text_cut(out, s->id, cols < 1 ? 1 : cols < 4 ? cols : 4);
            fputs("</text>\n", out);
        }
        last = s;
    }
    /* target names, rotated, reading upwards */
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        if (isnan(L->xs[ti]))
            continue;
        fprintf(out, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" font-size=\"%.0f\">"
                     "<title>",
                L->xs[ti] + HEAT_CW / 2 + HEAT_NAMEFONT * 0.35, L->top - 4, HEAT_NAMEFONT);
        put_text(out, p->targets[ti].name);
        fputs("</title>", out);
        put_text_cut(out, p->targets[ti].name, HEAT_NAMECOLS);
        fputs("</text>\n", out);
    }
    const rollup_region *rr;
    uint32_t row;
    while (level_next(&w, &rr, &row)) {
        double y = L->top + row * HEAT_CH;
        if (rr) {
            heat_row(g, L, rr, y);
            continue;
        }
        fprintf(out, "<text class=\"cut\" x=\"%.1f\" y=\"%.1f\" fill=\"#57606a\">", L->left,
                y + 13);
        put_text(out, cutline);
        fputs("</text>\n", out);
    }
    fputs("</svg>\n", out);
    if (cut) {
        fputs("<p class=\"note cut\">", out);
        fprintf(out, label(g, LBL_HEATMAP_CUT_NOTE), cut);
        fputs("</p>\n", out);
    }
}

/* The status heatmap of the roll-up's year: for each level, a chart with a
 * cell per (region, target) coloured by status, targets grouped by
 * section.  One chart per level rather than one for all regions: a
 * target that applies to one level would leave the other levels' cells
 * blank, and a level of thousands of regions is cut as the ranking is. */
static void heatmap(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;

    fputs("<section id=\"heatmap\">\n<h2>", out);
    fprintf(out, label(g, LBL_HEATMAP_TITLE), ru->year);
    fprintf(out, "</h2>\n<p class=\"note\">%s</p>\n",
            label(g, p->has_assessment ? LBL_HEATMAP_NOTE : LBL_HEATMAP_NOTE_DECLARED));
    status_legend(g);
    if (p->ntargets == 0 || ru->nregions == 0) {
        fprintf(out, "<p>%s</p>\n</section>\n", label(g, LBL_NO_TARGETS));
        return;
    }
    /* the names' width: of the regions drawn (a cut level's hidden rows
     * do not widen the charts) */
    double labw = 0;
    for (uint32_t level = 0; level < p->nlevels; level++) {
        level_walk lw = level_walk_start(ru, level, level_regions(ru, level));
        const rollup_region *rr;
        uint32_t row;
        while (level_next(&lw, &rr, &row)) {
            double w = rr ? text_px(p->regions[rr->region].name, HEAT_FONT) : 0;
            labw = w > labw ? w : labw;
        }
    }
    double *xs = rt_xmalloc(p->ntargets, sizeof *xs);
    for (uint32_t level = 0; level < p->nlevels; level++)
        heat_level(g, labw, xs, level);
    fputs("</section>\n", out);
    free(xs);
}

/* ----------------------------------------------------- trajectories */

/* The plot area of a small chart and the mapping of (year, value) into it. */
typedef struct plot {
    double x0, x1, y0, y1;   /* pixels: left, right, top, bottom */
    double ya, yb;           /* the value range shown (bottom, top) */
    int xa, xb;              /* the year range shown */
} plot;

/* Pixel x of a year. */
static double px_year(const plot *pl, double year)
{
    if (pl->xb == pl->xa)
        return (pl->x0 + pl->x1) / 2;
    return pl->x0 + (pl->x1 - pl->x0) * (year - pl->xa) / (pl->xb - pl->xa);
}

/* Pixel y of a value. */
static double px_value(const plot *pl, double v)
{
    /* halves, and the fraction first: the range may be near the largest
     * doubles */
    double f = (v / 2 - pl->ya / 2) / (pl->yb / 2 - pl->ya / 2);
    return pl->y1 - (pl->y1 - pl->y0) * f;
}

/* The caption of a target's chart: its goals and deadlines as written, or
 * what it is judged on. */
static void goal_caption(page *g, uint32_t ti)
{
    FILE *out = g->out;
    const ir_target *tg = &g->p->targets[ti];
    char num[32];
    if (strcmp(tg->kind, "falls") == 0 || strcmp(tg->kind, "rises") == 0) {
        fputs(label(g, tg->kind[0] == 'f' ? LBL_FALLS_EVERY_YEAR : LBL_RISES_EVERY_YEAR), out);
    } else if (strcmp(tg->kind, "peaks") == 0) {
        if (tg->nmilestones)
            fprintf(out, label(g, LBL_PEAKS_BY), tg->milestones[0].deadline);
        else
            fputs(label(g, LBL_PEAKS), out);
    } else if (tg->nmilestones) {
        for (uint32_t i = 0; i < tg->nmilestones; i++) {
            const ir_milestone *m = &tg->milestones[i];
            if (m->goal_src) {
                /* a goal read from the data: as written */
                fprintf(out, "%s%s ", i ? label(g, LBL_LIST_SEP) : "", op_text(m->op));
                put_text(out, m->goal_src);
            } else {
                if (bool_target(g->p, ti))
                    strcpy(num, label(g, m->goal != 0 ? LBL_YES : LBL_NO));
                else
                    short_number(m->goal, num);
                fprintf(out, "%s%s %s", i ? label(g, LBL_LIST_SEP) : "", op_text(m->op), num);
            }
            if (!m->goal_src && unit_after_number(tg)[0]) {
                fputs(unit_gap(unit_after_number(tg)), out);
                put_text(out, unit_after_number(tg));
            }
            if (m->has_tolerance) {
                /* the goal as written and its tolerance, never the loosened one alone */
                short_number(m->tolerance, num);
                fprintf(out, label(g, LBL_TOLERANCE), num);
                if (unit_after_number(tg)[0]) {
                    fputs(unit_gap(unit_after_number(tg)), out);
                    put_text(out, unit_after_number(tg));
                }
            }
            if (m->deadline)
                fprintf(out, label(g, LBL_BY_YEAR), m->deadline);
            else
                fputs(label(g, LBL_EVERY_YEAR), out);
        }
    } else {
        const rollup_target_total *rt = &g->ru->totals[ti];
        if (rt->goal_varies) {
            fprintf(out, label(g, LBL_GOAL_VARIES_IN), g->ru->year);
        } else if (!isnan(rt->goal)) {
            short_number(rt->goal, num);
            fprintf(out, label(g, LBL_GOAL_VALUE), num);
            if (unit_after_number(tg)[0]) {
                fputs(unit_gap(unit_after_number(tg)), out);
                put_text(out, unit_after_number(tg));
            }
            fprintf(out, label(g, LBL_IN_YEAR), g->ru->year);
        } else {
            fputs(lbl_target_kind(g->lang, tg->kind, tg->boolean), out);
        }
    }
}

/* After a target's goals: a footnote mark (its number, linked to the
 * sources section) for each values table with notes that target ti
 * reads, so that a reader of its goal finds where the plan's number for
 * each region comes from. */
static void source_marks(page *g, uint32_t ti)
{
    const report_notes *rn = &g->notes;
    for (uint32_t k = 0; k < rn->n; k++) {
        if (!rn->reads[(size_t)ti * rn->n + k])
            continue;
        fprintf(g->out, "<sup class=\"fn\"><a href=\"#source-%u\" title=\"", k + 1);
        char *title = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&title, &len);
        if (m) {
            fprintf(m, label(g, LBL_SOURCE_MARK), g->p->inputs[rn->input[k]].indicator, k + 1);
            fclose(m);
            put_text(g->out, title);
        }
        free(title);
        fprintf(g->out, "\">%u</a></sup>", k + 1);
    }
}

/* One small trajectory chart being drawn: what it shows and where. */
typedef struct chart {
    uint32_t ti;             /* the target */
    int32_t level;           /* the regions of this level only; -1: of every level */
    lbl_lang lang;           /* the page's language (yes / no ticks) */
    bool isbool;             /* a yes/no value: the axis says no / yes */
    double lo, hi;           /* the values and goals shown */
    uint32_t nvalues;        /* values of regions in scope */
    uint32_t nscoped;        /* regions in scope */
    uint32_t *inscope;       /* those regions, ascending (nscoped): a
                                panel's loops walk them, not every region */
    double step;             /* between value ticks */
    plot pl;
} chart;

/* Widens [lo, hi] to hold v. */
static void extend(chart *ch, double v)
{
    ch->lo = v < ch->lo ? v : ch->lo;
    ch->hi = v > ch->hi ? v : ch->hi;
}

/* What a chart shows: the regions in the target's scope (a status other
 * than not_applicable in some year; of ch->level only when it is not -1),
 * the years (the table's, extended to
 * the current milestone's deadline when it is at most ten years on), and
 * the range of their values and of the goals drawn (milestones whose
 * period starts by the last year shown).  The table's rows are sorted by
 * region, so a region's rows are consecutive and the regions in scope
 * come out ascending: a panel's memory is its level's rows, not one flag
 * per region of the program (a page of many levels draws a panel for
 * each, and levels x regions flags were most of its time).  `inscope`
 * is malloc'd (chart_free). */
static void chart_extent(const page *g, chart *ch)
{
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    const ir_target *tg = &p->targets[ch->ti];
    ch->isbool = bool_target(p, ch->ti);
    /* a panel's level's rows only (page.lrows), every row for the chart */
    size_t nrows = rt_table_nrows(g->t);
    bool all = ch->level < 0;
    size_t from = all ? 0 : g->lstart[ch->level], to = all ? nrows : g->lstart[ch->level + 1];
    size_t cap = to - from < p->nregions ? to - from : p->nregions;
    ch->inscope = rt_xmalloc(cap ? cap : 1, sizeof *ch->inscope);
    for (size_t j = from; j < to; j++) {
        size_t row = all ? j : g->lrows[j];
        double st = rt_result_value(g->r, tg->status, row);
        uint32_t reg = rt_table_region(g->t, row);
        if (!isnan(st) && st != IR_ST_NA && (ch->nscoped == 0 || ch->inscope[ch->nscoped - 1] != reg))
            ch->inscope[ch->nscoped++] = reg; /* rows by region: ascending */
    }
    ch->pl.xa = ru->years[0];
    ch->pl.xb = ru->years[ru->nyears - 1];
    for (uint32_t i = 0; i < tg->nmilestones; i++) {
        int d = tg->milestones[i].deadline;
        if (d >= ch->pl.xb) {
            if (d <= ch->pl.xb + 10)
                ch->pl.xb = d;
            break;
        }
    }
    ch->lo = INFINITY;
    ch->hi = -INFINITY;
    /* the rows of the regions in scope: both ascend by region */
    uint32_t k = 0;
    for (size_t j = from; j < to && k < ch->nscoped; j++) {
        size_t row = all ? j : g->lrows[j];
        uint32_t reg = rt_table_region(g->t, row);
        while (k < ch->nscoped && ch->inscope[k] < reg)
            k++;
        double v = rt_result_value(g->r, tg->value, row);
        if (k < ch->nscoped && ch->inscope[k] == reg && isfinite(v)) {
            extend(ch, v);
            ch->nvalues++;
        }
    }
    for (uint32_t i = 0; i < tg->nmilestones; i++) {
        int start = i ? tg->milestones[i - 1].deadline : tg->y0;
        if (start <= ch->pl.xb && isfinite(tg->milestones[i].goal))
            extend(ch, tg->milestones[i].goal);
    }
}

static void chart_free(chart *ch)
{
    free(ch->inscope);
}

/* The label of value tick v. */
static void tick_label(const chart *ch, double v, char buf[48])
{
    if (ch->isbool) {
        strcpy(buf, lbl_get(ch->lang, v > 0.5 ? LBL_YES : LBL_NO));
        return;
    }
    if (fabs(v) >= 1e15) /* no wall of digits */
        snprintf(buf, 48, "%.3g", v);
    else
        snprintf(buf, 48, "%.*f", step_decimals(ch->step), v);
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
}

/* How many value ticks the chart has: 0 and 1 for yes/no, else the
 * multiples of the step from ya to yb (at most 64, whatever the range). */
static int chart_ticks(const chart *ch)
{
    if (ch->isbool)
        return 2;
    double n = floor(ch->pl.yb / ch->step - ch->pl.ya / ch->step + 1e-6) + 1;
    return n >= 1 && n <= 64 ? (int)n : n > 64 ? 64 : 1;
}

/* The value of tick i (ya + i * step, in halves, which is exact, so that
 * a range near the largest doubles does not overflow; never past yb). */
static double chart_tick(const chart *ch, int i)
{
    if (ch->isbool)
        return i;
    double v = 2 * (ch->pl.ya / 2 + i * (ch->step / 2));
    return isfinite(v) && v <= ch->pl.yb + ch->step * 1e-6 ? v : ch->pl.yb;
}

/* Lays the chart out in a w x h box whose top is `top` pixels down the
 * SVG, `head` pixels of it above the plot left for a heading: round value
 * ticks around the range (0 and 1 for yes/no), the plot area right of the
 * widest tick label. */
static void chart_layout(chart *ch, double w, double h, double top, double head, double font)
{
    plot *pl = &ch->pl;
    if (ch->isbool) {
        pl->ya = -0.15;
        pl->yb = 1.15;
        ch->step = 1;
    } else {
        if (ch->hi - ch->lo < 1e-9 * (fabs(ch->hi) + 1)) {
            ch->lo -= fabs(ch->lo) > 1 ? fabs(ch->lo) * 0.05 : 1;
            ch->hi += fabs(ch->hi) > 1 ? fabs(ch->hi) * 0.05 : 1;
        }
        /* a range wider than the largest double is stepped in halves */
        double span = ch->hi - ch->lo;
        ch->step = isfinite(span) ? nice_step(span, 4) : 2 * nice_step(ch->hi / 2 - ch->lo / 2, 4);
        pl->ya = floor(ch->lo / ch->step) * ch->step;
        pl->yb = ceil(ch->hi / ch->step) * ch->step;
        if (!isfinite(ch->step) || !isfinite(pl->ya) || !isfinite(pl->yb)) {
            pl->ya = ch->lo;
            pl->yb = ch->hi;
            ch->step = pl->yb / 4 - pl->ya / 4;
        }
    }
    double labw = 0;
    char tick[48];
    for (int i = 0, n = chart_ticks(ch); i < n; i++) {
        double v = chart_tick(ch, i);
        tick_label(ch, v, tick);
        double tw = text_px(tick, font);
        labw = tw > labw ? tw : labw;
    }
    pl->x0 = labw + 8;
    pl->x1 = w - 12;
    pl->y0 = top + head + 14;
    pl->y1 = top + h - 20;
}

/* The value grid with its labels, the year labels and the year axis. */
static void chart_axes(page *g, const chart *ch)
{
    FILE *out = g->out;
    const plot *pl = &ch->pl;
    char tick[48];
    for (int i = 0, n = chart_ticks(ch); i < n; i++) {
        double v = chart_tick(ch, i);
        double y = px_value(pl, v);
        tick_label(ch, v, tick);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#57606a\">%s</text>\n",
                pl->x0, y, pl->x1, y, pl->x0 - 4, y + 3.5, tick);
    }
    /* every year, or every few (round steps), and the last */
    int ystep = pl->xb - pl->xa <= 8 ? 1 : (int)nice_step(pl->xb - pl->xa, 5);
    if (ystep < 1)
        ystep = 1;
    for (int year = pl->xa; year <= pl->xb; year++) {
        if ((year - pl->xa) % ystep != 0 && year != pl->xb)
            continue;
        if (year != pl->xa && year != pl->xb && pl->xb - year < ystep / 2)
            continue;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#57606a\">%d</text>\n",
                px_year(pl, year), pl->y1 + 13, year);
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8c959f\"/>\n",
            pl->x0, pl->y1, pl->x1, pl->y1);
}

/* The goals (dashed, horizontal: each milestone's goal from the start of
 * its period to its deadline) and the deadlines in the years shown
 * (dotted, vertical). */
static void chart_goals(page *g, const chart *ch)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const ir_target *tg = &p->targets[ch->ti];
    const plot *pl = &ch->pl;
    for (uint32_t i = 0; i < tg->nmilestones; i++) {
        const ir_milestone *m = &tg->milestones[i];
        int start = i ? tg->milestones[i - 1].deadline : tg->y0;
        int end = m->deadline ? m->deadline : pl->xb;
        if (start > pl->xb)
            break;
        if (isfinite(m->goal)) {
            double y = px_value(pl, m->goal);
            double xs = px_year(pl, start < pl->xa ? pl->xa : start);
            double xe = px_year(pl, end > pl->xb ? pl->xb : end);
            fprintf(out, "<line class=\"goal\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                         "stroke=\"#1f2328\" stroke-width=\"1.2\" stroke-dasharray=\"5 3\">"
                         "<title>%s</title></line>\n",
                    xs, y, xe, y, label(g, LBL_GOAL_LINE));
        }
        if (m->deadline >= pl->xa && m->deadline <= pl->xb) {
            double x = px_year(pl, m->deadline);
            fprintf(out, "<line class=\"deadline\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                         "stroke=\"#b42318\" stroke-width=\"1\" stroke-dasharray=\"2 2\"><title>",
                    x, pl->y0, x, pl->y1);
            fprintf(out, label(g, LBL_DEADLINE_LINE), m->deadline);
            fprintf(out, "</title></line>"
                         "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#b42318\">%d</text>\n",
                    x, pl->y0 - 3, m->deadline);
        }
    }
}

/* Writes the start of the element that marks a lone value of series se
 * at (x, y), r its size (a circle's radius), without its closing '>' so
 * that the caller can close it or give it a title; returns the element's
 * name. */
static const char *marker_open(FILE *out, const report_series *se, double x, double y, double r)
{
    char colour[8];
    colour_text(se->colour, colour);
    switch (se->marker) {
    case REPORT_MARK_SQUARE:
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"",
                x - 0.9 * r, y - 0.9 * r, 1.8 * r, 1.8 * r, colour);
        return "rect";
    case REPORT_MARK_TRIANGLE:
        fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"", x, y - 1.2 * r,
                x + 1.1 * r, y + 0.8 * r, x - 1.1 * r, y + 0.8 * r, colour);
        return "polygon";
    case REPORT_MARK_DIAMOND:
        fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"", x,
                y - 1.3 * r, x + 1.3 * r, y, x, y + 1.3 * r, x - 1.3 * r, y, colour);
        return "polygon";
    default:
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"", x, y, r, colour);
        return "circle";
    }
}

/* Writes the stroke of series se's line: its colour, width and dash
 * pattern (none for a solid line). */
static void series_stroke(FILE *out, const report_series *se)
{
    char colour[8];
    colour_text(se->colour, colour);
    fprintf(out, "stroke=\"%s\" stroke-width=\"1.6\"", colour);
    if (se->dash[0])
        fprintf(out, " stroke-dasharray=\"%s\"", se->dash);
}

/* A line per region in scope, in its series colour and line style
 * (report_style_series, so that more regions than the palette has colours
 * stay apart): each run of consecutive years with a value is a polyline, a
 * lone value the series' marker; a year missing from the data breaks a
 * run as a missing value does. */
static void chart_series(page *g, const chart *ch)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    uint32_t vslot = p->targets[ch->ti].value;
    for (uint32_t i = 0; i < ch->nscoped; i++) {
        uint32_t reg = ch->inscope[i];
        report_series se = report_style_series(reg);
        /* the region's value in each year of the roll-up (NaN: none) */
        uint32_t k = 0;
        while (k < ru->nyears) {
            uint32_t run = 0;
            while (k + run < ru->nyears) {
                /* a year the data has no row for ends the run: a line over
                 * it would draw values nobody reported (2005 to 2020) */
                if (run && ru->years[k + run] != ru->years[k + run - 1] + 1)
                    break;
                long row = rt_table_find(g->t, reg, ru->years[k + run]);
                if (row < 0 || !isfinite(rt_result_value(g->r, vslot, (size_t)row)))
                    break;
                run++;
            }
            if (run == 0) {
                k++;
                continue;
            }
            const char *elem = "polyline";
            if (run == 1) {
                long row = rt_table_find(g->t, reg, ru->years[k]);
                elem = marker_open(out, &se, px_year(&ch->pl, ru->years[k]),
                                   px_value(&ch->pl, rt_result_value(g->r, vslot, (size_t)row)), 2.5);
                fputs("><title>", out);
            } else {
                fputs("<polyline class=\"series\" fill=\"none\" ", out);
                series_stroke(out, &se);
                fputs(" points=\"", out);
                for (uint32_t j = 0; j < run; j++) {
                    long row = rt_table_find(g->t, reg, ru->years[k + j]);
                    fprintf(out, "%s%.1f,%.1f", j ? " " : "", px_year(&ch->pl, ru->years[k + j]),
                            px_value(&ch->pl, rt_result_value(g->r, vslot, (size_t)row)));
                }
                fputs("\"><title>", out);
            }
            put_text(out, p->regions[reg].name);
            fprintf(out, "</title></%s>\n", elem);
            k += run;
        }
    }
}

/* qsort's order of doubles, ascending. */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Writes the points of a band's outline: `top` from the first year to the
 * last, then `bottom` back (the years of `k` that have values). */
static void band_points(FILE *out, const chart *ch, const int *years, uint32_t n,
                        const double *top, const double *bottom)
{
    for (uint32_t k = 0; k < n; k++)
        fprintf(out, "%s%.1f,%.1f", k ? " " : "", px_year(&ch->pl, years[k]),
                px_value(&ch->pl, top[k]));
    for (uint32_t k = n; k-- > 0;)
        fprintf(out, " %.1f,%.1f", px_year(&ch->pl, years[k]), px_value(&ch->pl, bottom[k]));
}

/* More regions in scope than SERIES_SHOWN: instead of a line each, the
 * distribution of their values in each year with values (the quantiles
 * of the roll-ups, rollup_quantile): the range as a light band, the
 * middle half (q1 to q3) as a darker one, the median as a line.  A year
 * without values, or missing from the data, ends the bands; each stretch
 * of years is drawn apart. */
static void chart_bands(page *g, const chart *ch)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    uint32_t vslot = p->targets[ch->ti].value;
    uint32_t ny = ru->nyears;
    double *vals = rt_xmalloc(ch->nscoped ? ch->nscoped : 1, sizeof *vals);
    double *q = rt_xmalloc((size_t)ny * 5, sizeof *q); /* min q1 median q3 max per year */
    int *years = rt_xmalloc(ny ? ny : 1, sizeof *years);
    bool *has = rt_xcalloc(ny ? ny : 1, sizeof *has);
    for (uint32_t k = 0; k < ny; k++) {
        uint32_t nv = 0;
        for (uint32_t i = 0; i < ch->nscoped; i++) {
            uint32_t reg = ch->inscope[i];
            long row = rt_table_find(g->t, reg, ru->years[k]);
            double v = row < 0 ? NAN : rt_result_value(g->r, vslot, (size_t)row);
            if (isfinite(v))
                vals[nv++] = v;
        }
        if (nv == 0)
            continue;
        qsort(vals, nv, sizeof *vals, cmp_double);
        has[k] = true;
        q[k * 5 + 0] = vals[0];
        q[k * 5 + 1] = rollup_quantile(vals, nv, 0.25);
        q[k * 5 + 2] = rollup_quantile(vals, nv, 0.5);
        q[k * 5 + 3] = rollup_quantile(vals, nv, 0.75);
        q[k * 5 + 4] = vals[nv - 1];
    }
    double *lo = rt_xmalloc(ny ? ny : 1, sizeof *lo), *hi = rt_xmalloc(ny ? ny : 1, sizeof *hi);
    double *mid = rt_xmalloc(ny ? ny : 1, sizeof *mid);
    uint32_t k = 0;
    while (k < ny) {
        uint32_t n = 0;
        while (k + n < ny && has[k + n] && (n == 0 || ru->years[k + n] == ru->years[k + n - 1] + 1)) {
            years[n] = ru->years[k + n];
            n++;
        }
        if (n == 0) {
            k++;
            continue;
        }
        /* the range, the middle half, the median */
        static const struct { int a, b; const char *fill; } bands[] = {
            {0, 4, "#dbe4f0"}, {1, 3, "#9fb6d6"}};
        for (int bi = 0; bi < 2; bi++) {
            for (uint32_t j = 0; j < n; j++) {
                hi[j] = q[(k + j) * 5 + bands[bi].b];
                lo[j] = q[(k + j) * 5 + bands[bi].a];
            }
            fprintf(out, "<polygon class=\"band\" fill=\"%s\" stroke=\"%s\" "
                         "stroke-width=\"0.8\" points=\"",
                    bands[bi].fill, bands[bi].fill);
            band_points(out, ch, years, n, hi, lo);
            fputs("\"><title>", out);
            fputs(label(g, bi == 0 ? LBL_COL_MIN : LBL_COL_Q1), out);
            fputs("–", out);
            fputs(label(g, bi == 0 ? LBL_COL_MAX : LBL_COL_Q3), out);
            fputs("</title></polygon>\n", out);
        }
        for (uint32_t j = 0; j < n; j++)
            mid[j] = q[(k + j) * 5 + 2];
        if (n == 1) {
            fprintf(out, "<circle class=\"median\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" "
                         "fill=\"#1f4e8c\"><title>%s</title></circle>\n",
                    px_year(&ch->pl, years[0]), px_value(&ch->pl, mid[0]),
                    label(g, LBL_COL_MEDIAN));
        } else {
            fputs("<polyline class=\"median\" fill=\"none\" stroke=\"#1f4e8c\" "
                  "stroke-width=\"1.8\" points=\"", out);
            for (uint32_t j = 0; j < n; j++)
                fprintf(out, "%s%.1f,%.1f", j ? " " : "", px_year(&ch->pl, years[j]),
                        px_value(&ch->pl, mid[j]));
            fprintf(out, "\"><title>%s</title></polyline>\n", label(g, LBL_COL_MEDIAN));
        }
        k += n;
    }
    free(vals);
    free(q);
    free(years);
    free(has);
    free(lo);
    free(hi);
    free(mid);
}

/* Draws chart ch (its extent taken) in the box of the SVG from `top`
 * down, h high: its axes, the goals, and a line per region, or over
 * SERIES_SHOWN regions their distribution; `heading`, when not NULL, above
 * the plot (the level of a panel).  A chart without values to draw says
 * why in its box.  Returns whether it drew the distribution. */
static bool chart_draw(page *g, chart *ch, double w, double h, double top, const char *heading,
                       double font)
{
    FILE *out = g->out;
    double head = heading ? font + 4 : 0;
    if (heading) {
        fprintf(out, "<text class=\"level\" x=\"2\" y=\"%.1f\" font-weight=\"600\" "
                     "fill=\"#1f2328\">", top + font);
        put_text(out, heading);
        if (ch->nscoped == 1)
            fputs(label(g, LBL_HEATMAP_LEVEL_ONE), out);
        else
            fprintf(out, label(g, LBL_HEATMAP_LEVEL), ch->nscoped);
        fputs("</text>\n", out);
    }
    if (ch->nvalues == 0 || !isfinite(ch->hi - ch->lo)) {
        fprintf(out, "<text class=\"empty\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                     "fill=\"#57606a\">%s</text>\n",
                w / 2, top + head + (h - head) / 2,
                label(g, ch->nvalues ? LBL_TOO_WIDE : ch->nscoped ? LBL_NO_VALUES : LBL_NOT_JUDGED));
        return false;
    }
    chart_layout(ch, w, h, top, head, font);
    chart_axes(g, ch);
    bool bands = ch->nscoped > SERIES_SHOWN;
    if (bands)
        chart_bands(g, ch);
    chart_goals(g, ch);
    if (!bands)
        chart_series(g, ch);
    return bands;
}

/* Compares two level numbers (qsort). */
static int cmp_level(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The levels of the regions in target ti's scope, in the program's
 * order, into levels (room for all->nscoped); returns how many.  Walks
 * the regions in scope, not every region or level: a page calls it for
 * each target. */
static uint32_t scope_levels(const page *g, const chart *all, uint32_t *levels)
{
    const ir_program *p = g->p;
    uint32_t n = 0;
    for (uint32_t i = 0; i < all->nscoped; i++) {
        uint32_t l = p->regions[all->inscope[i]].level;
        if (l < p->nlevels)
            levels[n++] = l;
    }
    qsort(levels, n, sizeof *levels, cmp_level);
    uint32_t u = 0;
    for (uint32_t i = 0; i < n; i++)
        if (u == 0 || levels[u - 1] != levels[i])
            levels[u++] = levels[i];
    return u;
}

/* One card: target ti's name, clause, lead, goals and the roll-up year's
 * count met, then its chart (or why there is none).  When the regions in
 * its scope are of several levels (a province and its cities, a county
 * and a city), a province's total would flatten its cities' lines on one
 * axis: the chart is then a panel per level, one above the other, each
 * under the level's name with a value axis of its own. */
static void trajectory(page *g, uint32_t ti)
{
    FILE *out = g->out;
    const ir_target *tg = &g->p->targets[ti];
    const double W = 290, H = 180, HP = 150, font = 10;

    fputs("<div class=\"card\">\n<h3>", out);
    put_text(out, tg->name);
    fputs("</h3>\n<p>", out);
    put_text(out, tg->clause);
    const char *lead = target_lead(g, ti);
    if (lead[0]) {
        fputs(" · ", out);
        put_text(out, lead);
    }
    fputs("</p>\n<p>", out);
    goal_caption(g, ti);
    source_marks(g, ti);
    const rollup_counts *c = &g->ru->totals[ti].counts;
    fprintf(out, label(g, LBL_TRAJ_MET), g->ru->year, c->n[IR_ST_MET], c->total - c->n[IR_ST_NA]);
    fputs("</p>\n", out);

    chart all = {.ti = ti, .lang = g->lang, .level = -1};
    chart_extent(g, &all);
    uint32_t *levels = rt_xmalloc(all.nscoped ? all.nscoped : 1, sizeof *levels);
    uint32_t nlev = scope_levels(g, &all, levels);
    if (all.nvalues == 0 || (nlev <= 1 && !isfinite(all.hi - all.lo))) {
        /* a target judged on no row (outside its scope, or before its
         * baseline year, everywhere) has regions with values, none in scope */
        fprintf(out, "<p class=\"empty\">%s</p>\n</div>\n",
                label(g, all.nvalues ? LBL_TOO_WIDE : all.nscoped ? LBL_NO_VALUES : LBL_NOT_JUDGED));
        chart_free(&all);
        free(levels);
        return;
    }
    double height = nlev > 1 ? HP * nlev : H;
    fprintf(out, "<svg class=\"trajectory\" xmlns=\"http://www.w3.org/2000/svg\" "
                 "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-size=\"%.0f\" "
                 "role=\"img\">\n",
            W, height, W, height, font);
    uint32_t banded = 0;  /* regions of the panels drawn as a distribution */
    if (nlev <= 1) {
        if (chart_draw(g, &all, W, H, 0, NULL, font))
            banded = all.nscoped;
    } else {
        for (uint32_t k = 0; k < nlev; k++) {
            chart ch = {.ti = ti, .lang = g->lang, .level = (int32_t)levels[k]};
            chart_extent(g, &ch);
            if (chart_draw(g, &ch, W, HP, HP * k, ir_level_word(g->p, levels[k], g->lang), font))
                banded += ch.nscoped;
            chart_free(&ch);
        }
    }
    fputs("</svg>\n", out);
    if (banded) {
        fputs("<p class=\"note\">", out);
        fprintf(out, label(g, LBL_TRAJ_BANDS), banded);
        fputs("</p>\n", out);
    }
    fputs("</div>\n", out);
    chart_free(&all);
    free(levels);
}

/* The key of series se in the legend: a short stretch of its line, as the
 * charts draw it, with its marker in the middle. */
static void series_key(FILE *out, const report_series *se)
{
    fputs("<svg class=\"key\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 26 12\" "
          "width=\"26\" height=\"12\" aria-hidden=\"true\"><line x1=\"1\" y1=\"6\" x2=\"25\" "
          "y2=\"6\" ", out);
    series_stroke(out, se);
    fputs("/>", out);
    marker_open(out, se, 13, 6, 2.5);
    fputs("/></svg>", out);
}

/* The trajectories section: how each region is drawn, then a chart per
 * target. */
static void trajectories(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    fprintf(out, "<section id=\"trajectories\">\n<h2>%s</h2>\n<p class=\"note\">%s</p>\n"
                 "<ul class=\"legend\">",
            label(g, LBL_TRAJ_TITLE), label(g, LBL_TRAJ_NOTE));
    /* the regions drawn as a line in some chart (in the scope of a
     * target of at most SERIES_SHOWN regions, or of its panel of their
     * level when the scope has several levels), each once, in declaration
     * order (the table is sorted by region) */
    bool *drawn = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *drawn);
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        /* as trajectory draws it: the chart, or a panel per level */
        chart all = {.ti = ti, .lang = g->lang, .level = -1};
        chart_extent(g, &all);
        uint32_t *levels = rt_xmalloc(all.nscoped ? all.nscoped : 1, sizeof *levels);
        uint32_t nlev = scope_levels(g, &all, levels);
        for (uint32_t k = 0; k < (nlev > 1 ? nlev : 1); k++) {
            chart ch = {.ti = ti, .lang = g->lang, .level = nlev > 1 ? (int32_t)levels[k] : -1};
            chart_extent(g, &ch);
            if (ch.nscoped <= SERIES_SHOWN)
                for (uint32_t i = 0; i < ch.nscoped; i++)
                    drawn[ch.inscope[i]] = true;
            chart_free(&ch);
        }
        chart_free(&all);
        free(levels);
    }
    size_t nrows = rt_table_nrows(g->t);
    for (size_t row = 0; row < nrows; row++) {
        uint32_t reg = rt_table_region(g->t, row);
        if ((row > 0 && rt_table_region(g->t, row - 1) == reg) || !drawn[reg])
            continue;
        report_series se = report_style_series(reg);
        fputs("<li>", out);
        series_key(out, &se);
        put_text(out, p->regions[reg].name);
        fputs("</li>", out);
    }
    free(drawn);
    fputs("</ul>\n<div class=\"grid\">\n", out);
    for (uint32_t ti = 0; ti < p->ntargets; ti++)
        trajectory(g, ti);
    fputs("</div>\n</section>\n", out);
}

/* ----------------------------------------------------------- tables */

/* A cell holding a count; zero is shown grey, and a count of `bad` statuses
 * (failed, lagging) in red. */
static void count_cell(FILE *out, uint32_t n, bool bad)
{
    fprintf(out, "<td class=\"n%s\">%u</td>", n == 0 ? " z" : bad ? " bad" : "", n);
}

/* A cell holding a number (empty when missing). */
static void number_cell(FILE *out, double v)
{
    char buf[32];
    short_number(v, buf);
    fprintf(out, "<td class=\"n\">%s</td>", buf);
}

/* The header cells of the status counts, each with its colour, in the
 * roll-ups' order (rollup_status_order). */
static void count_headers(const page *g)
{
    FILE *out = g->out;
    for (int i = 0; i <= IR_ST_MET; i++) {
        int st = rollup_status_order[i];
        fputs("<th>", out);
        status_swatch(out, st);
        fprintf(out, "%s</th>", lbl_status(g->lang, st));
    }
}

/* The status count cells of c, in the roll-ups' order (as
 * count_headers). */
static void count_cells(FILE *out, const rollup_counts *c)
{
    for (int i = 0; i <= IR_ST_MET; i++) {
        int st = rollup_status_order[i];
        count_cell(out, c->n[st], st == IR_ST_FAILED || st == IR_ST_LAGGING);
    }
}

/* Writes a header cell for each label of heads[0 .. n-1]; the previous
 * status's (LBL_COL_PREV_STATUS_PAGE) names the data's year before when
 * there is one ("status 2023", "2023年状态"). */
static void header_cells(const page *g, const lbl_id *heads, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs("<th>", g->out);
        if (heads[i] == LBL_COL_PREV_STATUS_PAGE && g->year_before)
            fprintf(g->out, label(g, LBL_COL_PREV_STATUS_YEAR), g->year_before);
        else
            fputs(label(g, heads[i]), g->out);
        fputs("</th>", g->out);
    }
}

/* --------------------------------------------------------- off track */

/* How many off-track pairs the page lists: beyond it, a line says how
 * many more the workbook's sheet lists (China's county plan would make a
 * table of thousands of rows). */
#define OFFTRACK_SHOWN 300

/* A value, goal or expected value of target ti in an off-track row: the
 * number as the page shows numbers, or yes / no. */
static void offtrack_value(page *g, uint32_t ti, double v)
{
    if (bool_target(g->p, ti) && !isnan(v))
        fprintf(g->out, "<td class=\"n\">%s</td>", label(g, v != 0 ? LBL_YES : LBL_NO));
    else
        number_cell(g->out, v);
}

/* A status cell: the status's colour swatch and its word (empty for
 * none). */
static void status_cell(page *g, int st)
{
    if (st < IR_ST_NA || st > IR_ST_MET) {
        fputs("<td></td>", g->out);
        return;
    }
    fputs("<td class=\"id\">", g->out);
    status_swatch(g->out, st);
    fprintf(g->out, "%s</td>", lbl_status(g->lang, st));
}

/* What was put right since the data's year before (rollup_resolved_make):
 * a region's target failed or lagging then, met or on track now, under a
 * heading with the two years; nothing when there is none. */
static void resolved(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    size_t n;
    rollup_offtrack *o = rollup_resolved_make(p, g->t, g->r, g->ru, &n);
    if (!n)
        return;
    fputs("<h3>", out);
    /* the data's year before: there is one (n > 0) */
    fprintf(out, label(g, LBL_RESOLVED_TITLE), g->year_before, g->ru->year);
    fputs("</h3>\n<table class=\"resolved\">\n<thead><tr>", out);
    static const lbl_id heads[] = {LBL_COL_REGION, LBL_COL_TARGET, LBL_COL_CLAUSE, LBL_COL_LEAD,
                                   LBL_COL_PREV_STATUS_PAGE, LBL_COL_STATUS, LBL_COL_VALUE,
                                   LBL_COL_GOAL, LBL_COL_UNIT};
    header_cells(g, heads, sizeof heads / sizeof heads[0]);
    fputs("</tr></thead>\n<tbody>\n", out);
    size_t shown = n < OFFTRACK_SHOWN ? n : OFFTRACK_SHOWN;
    for (size_t k = 0; k < shown; k++) {
        uint32_t ti = o[k].target;
        const ir_target *tg = &p->targets[ti];
        fputs("<tr><td class=\"id\">", out);
        put_text(out, p->regions[g->ru->regions[o[k].region].region].name);
        fputs("</td><td class=\"name\">", out);
        put_text(out, tg->name);
        fputs("</td><td class=\"id\">", out);
        put_text(out, tg->clause);
        fputs("</td><td>", out);
        put_text(out, target_lead(g, ti));
        fputs("</td>", out);
        status_cell(g, o[k].prev);
        status_cell(g, o[k].status);
        offtrack_value(g, ti, o[k].value);
        offtrack_value(g, ti, o[k].goal);
        fputs("<td class=\"id\">", out);
        put_text(out, unit_after_number(tg));
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    if (n > shown) {
        fputs("<p class=\"note cut\">", out);
        fprintf(out, label(g, LBL_RESOLVED_CUT), n - shown);
        fputs("</p>\n", out);
    }
    free(o);
}

/* The targets off track in the roll-up year (rollup_offtrack_make): who
 * is behind on what, since when, by how much and which agency leads it,
 * the regions furthest behind first; a red line or veto marked. */
static void offtrack(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    size_t n;
    rollup_offtrack *o = rollup_offtrack_make(p, g->t, g->r, ru, &n);
    fputs("<section id=\"offtrack\">\n<h2>", out);
    fprintf(out, label(g, LBL_OFFTRACK_TITLE), ru->year);
    fputs("</h2>\n", out);
    if (!n) {
        fputs("<p class=\"note\">", out);
        fprintf(out, label(g, LBL_OFFTRACK_NONE), ru->year);
        fputs("</p>\n", out);
        resolved(g);
        fputs("</section>\n", out);
        return;
    }
    fputs("<p class=\"note\">", out);
    fprintf(out, label(g, LBL_OFFTRACK_NOTE), ru->year, ru->year);
    if (g->year_before)
        fprintf(out, label(g, LBL_OFFTRACK_NOTE_PREV_YEAR), g->year_before, g->year_before);
    else
        fputs(label(g, LBL_OFFTRACK_NOTE_PREV), out);
    fputs(label(g, LBL_OFFTRACK_NOTE_GAP), out);
    fputs("</p>\n", out);
    static const lbl_id heads[] = {LBL_COL_REGION, LBL_COL_TARGET, LBL_COL_CLAUSE, LBL_COL_LEAD,
                                   LBL_COL_STATUS, LBL_COL_SINCE, LBL_COL_PREV_STATUS_PAGE,
                                   LBL_COL_VALUE, LBL_COL_EXPECTED, LBL_COL_GOAL, LBL_COL_GAP,
                                   LBL_COL_UNIT, LBL_COL_REDLINE_PAGE};
    size_t shown = n < OFFTRACK_SHOWN ? n : OFFTRACK_SHOWN;
    uint32_t level = UINT32_MAX;
    for (size_t k = 0; k < shown; k++) {
        const rollup_region *rr = &ru->regions[o[k].region];
        if (rr->level != level) {
            /* a table per level, under the level's name */
            if (level != UINT32_MAX)
                fputs("</tbody>\n</table>\n", out);
            level = rr->level;
            fputs("<h3>", out);
            put_text(out, level < p->nlevels ? ir_level_word(p, level, g->lang) : "");
            fputs("</h3>\n<table class=\"offtrack\">\n<thead><tr>", out);
            header_cells(g, heads, sizeof heads / sizeof heads[0]);
            fputs("</tr></thead>\n<tbody>\n", out);
        }
        uint32_t ti = o[k].target;
        const ir_target *tg = &p->targets[ti];
        fputs("<tr><td class=\"id\">", out);
        put_text(out, p->regions[rr->region].name);
        fputs("</td><td class=\"name\">", out);
        put_text(out, tg->name);
        fputs("</td><td class=\"id\">", out);
        put_text(out, tg->clause);
        fputs("</td><td>", out);
        put_text(out, target_lead(g, ti));
        fputs("</td>", out);
        status_cell(g, o[k].status);
        fprintf(out, "<td class=\"n%s\">%d</td>", o[k].since < ru->year ? " bad" : "", o[k].since);
        status_cell(g, o[k].prev);
        offtrack_value(g, ti, o[k].value);
        offtrack_value(g, ti, o[k].expected);
        offtrack_value(g, ti, o[k].goal);
        number_cell(out, o[k].gap);
        fputs("<td class=\"id\">", out);
        put_text(out, unit_after_number(tg));
        fputs("</td><td class=\"veto\">", out);
        if (tg->veto || tg->redline)
            fputs(label(g, tg->veto ? LBL_OFFTRACK_VETO : LBL_OFFTRACK_REDLINE), out);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    if (n > shown) {
        fputs("<p class=\"note cut\">", out);
        fprintf(out, label(g, LBL_OFFTRACK_CUT), n - shown);
        fputs("</p>\n", out);
    }
    resolved(g);
    fputs("</section>\n", out);
    free(o);
}

/* A grade's cell: its colour and name (empty for none). */
static void grade_cell(page *g, int32_t grade)
{
    const ir_program *p = g->p;
    fputs("<td>", g->out);
    if (grade >= 0 && (uint32_t)grade < p->nbands) {
        char c[8];
        colour_text(report_style_grade_fill((uint32_t)grade, p->nbands), c);
        fprintf(g->out, "<span class=\"sw\" style=\"background:%s\"></span>", c);
        put_text(g->out, p->bands[grade]);
    }
    fputs("</td>", g->out);
}

/* One row of a level's table of regions; with the parent's cell when
 * `parents`, and the year before's total, grade and rank when the page
 * has that year's roll-up. */
static void region_row(page *g, const rollup_region *rr, bool parents)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    fputs("<tr>", out);
    if (rr->rank)
        fprintf(out, "<td class=\"n\">%u</td>", rr->rank);
    else
        fputs("<td class=\"n\"></td>", out);
    fputs("<td>", out);
    put_text(out, p->regions[rr->region].name);
    fputs("</td>", out);
    if (parents) {
        fputs("<td>", out);
        if (rr->parent >= 0)
            put_text(out, p->regions[rr->parent].name);
        fputs("</td>", out);
    }
    number_cell(out, rr->total);
    grade_cell(g, rr->grade);
    fputs("<td class=\"veto\">", out);
    for (uint32_t i = 0; i < rr->nvetoes; i++) {
        if (i)
            fputs("、", out);
        put_text(out, p->targets[rr->vetoes[i]].name);
    }
    fputs("</td>", out);
    if (g->prev_year) {
        /* the region's row of the year before, read as rollup_make reads a
         * total and a grade */
        long row = rt_table_find(g->t, rr->region, g->prev_year);
        double total = row >= 0 ? rt_result_value(g->r, p->total, (size_t)row) : NAN;
        double grade = row >= 0 ? rt_result_value(g->r, p->grade, (size_t)row) : NAN;
        number_cell(out, total);
        grade_cell(g, isnan(grade) ? -1 : (int32_t)grade);
    }
    count_cells(out, &rr->counts);
    fputs("</tr>\n", out);
}

/* The table of one level's regions, under a heading with the level and its
 * number of regions: rank, region, its parent (when a region of the level
 * has one), total, grade, vetoes, status counts, in the heatmap's order.
 * A level of more than LEVEL_SHOWN regions is folded into a <details>
 * (closed): China's 2,735 counties were a table 80,000 pixels tall that
 * every reader scrolled past, and the charts above already show the
 * first and last of them.  Folded, the rows stay in the page: it is one
 * file that holds every region's line, found by the browser's search
 * (which opens the fold) without a script. */
static void region_level(page *g, uint32_t level)
{
    FILE *out = g->out;
    const rollup *ru = g->ru;
    uint32_t n = level_regions(ru, level);
    if (n == 0)
        return;
    bool parents = false;
    for (uint32_t j = ru->level_first[level]; j < ru->level_first[level + 1] && !parents; j++)
        parents = ru->regions[ru->by_rank[j]].parent >= 0;
    level_heading(g, level, n);
    bool folded = n > LEVEL_SHOWN;
    if (folded) {
        fputs("<details class=\"regions\"><summary>", out);
        fprintf(out, label(g, LBL_REGIONS_FOLDED), n);
        fputs("</summary>\n", out);
    }
    char id[32];
    region_table_id(level, id);
    fprintf(out, "<table class=\"regions\" id=\"%s\">\n<thead><tr>", id);
    static const lbl_id heads[] = {LBL_COL_RANK, LBL_COL_REGION, LBL_COL_PARENT};
    static const lbl_id tail[] = {LBL_COL_TOTAL, LBL_COL_GRADE, LBL_COL_VETOES};
    header_cells(g, heads, parents ? 3 : 2);
    header_cells(g, tail, sizeof tail / sizeof tail[0]);
    if (g->prev_year) {
        static const lbl_id prev[] = {LBL_COL_PREV_TOTAL, LBL_COL_PREV_GRADE};
        for (size_t i = 0; i < sizeof prev / sizeof prev[0]; i++) {
            fputs("<th>", out);
            fprintf(out, label(g, prev[i]), g->prev_year);
            fputs("</th>", out);
        }
    }
    count_headers(g);
    fputs("</tr></thead>\n<tbody>\n", out);
    for (uint32_t k = ru->level_first[level]; k < ru->level_first[level + 1]; k++)
        region_row(g, &ru->regions[ru->by_rank[k]], parents);
    fputs("</tbody>\n</table>\n", out);
    if (folded)
        fputs("</details>\n", out);
}

/* Per region: a table per level (region_level), coarse levels first. */
static void region_table(page *g)
{
    FILE *out = g->out;
    fputs("<section id=\"regions\">\n<h2>", out);
    fprintf(out, label(g, LBL_REGIONS_TITLE), g->ru->year);
    fputs("</h2>\n<p class=\"note\">", out);
    fprintf(out, label(g, LBL_REGIONS_NOTE), (unsigned)LEVEL_SHOWN);
    fputs("</p>\n", out);
    for (uint32_t level = 0; level < g->p->nlevels; level++)
        region_level(g, level);
    fputs("</section>\n", out);
}

/* Per agency: the measures it leads, their targets and status counts. */
static void agency_table(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    static const lbl_id heads[] = {LBL_COL_AGENCY, LBL_COL_MEASURE_LIST, LBL_COL_NTARGETS};
    fputs("<section id=\"agencies\">\n<h2>", out);
    fprintf(out, label(g, LBL_AGENCIES_TITLE), ru->year);
    fprintf(out, "</h2>\n<p class=\"note\">%s</p>\n<table class=\"agencies\">\n<thead><tr>",
            label(g, LBL_AGENCIES_NOTE));
    header_cells(g, heads, sizeof heads / sizeof heads[0]);
    count_headers(g);
    fputs("</tr></thead>\n<tbody>\n", out);
    for (uint32_t i = 0; i < ru->nagencies; i++) {
        const rollup_agency *a = &ru->agencies[i];
        fputs("<tr><td>", out);
        put_text(out, a->name);
        fputs("</td><td>", out);
        for (uint32_t k = 0; k < a->nmeasures; k++) {
            if (k)
                fputs(" ", out);
            put_text(out, p->measures[a->measures[k]].id);
        }
        fprintf(out, "</td><td class=\"n\">%u</td>", a->ntargets);
        count_cells(out, &a->counts);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
}

/* Per target and level: how many regions met it, and how the values
 * lie. */
static void target_table(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const rollup *ru = g->ru;
    static const lbl_id heads[] = {LBL_COL_CLAUSE, LBL_COL_TARGET, LBL_COL_LEVEL,
                                   LBL_COL_LEAD, LBL_COL_UNIT, LBL_COL_GOAL};
    static const lbl_id tail[] = {LBL_COL_MIN, LBL_COL_MEDIAN, LBL_COL_MAX,
                                  LBL_COL_MEAN_SCORE_PAGE};
    fputs("<section id=\"targets\">\n<h2>", out);
    fprintf(out, label(g, LBL_TARGETS_TITLE), ru->year);
    fputs("</h2>\n<table class=\"targets\">\n<thead><tr>", out);
    header_cells(g, heads, sizeof heads / sizeof heads[0]);
    count_headers(g);
    header_cells(g, tail, sizeof tail / sizeof tail[0]);
    fputs("</tr></thead>\n<tbody>\n", out);
    /* a mean score of on_track regions that score 0 by the rule (peaks,
     * yes/no: report_on_track_zero) is marked, and said why under the table */
    static const char *const zero_mark[] = {"\xE2\x80\xA0", "\xE2\x80\xA1"}; /* † ‡ */
    bool zero_used[2] = {false, false};
    for (uint32_t i = 0; i < ru->ntargets; i++) {
        const rollup_target *rt = &ru->targets[i];
        uint32_t ti = rt->target;
        const ir_target *tg = &p->targets[ti];
        int why = report_on_track_zero(p, tg);
        int zk = why == LBL_WHY_ZERO_PEAKS ? 0 : why == LBL_WHY_ZERO_YESNO ? 1 : -1;
        if (rt->counts.n[IR_ST_ON_TRACK] == 0)
            zk = -1;
        fputs("<tr><td class=\"id\">", out);
        put_text(out, tg->clause);
        fputs("</td><td class=\"name\">", out);
        put_text(out, tg->name);
        source_marks(g, ti);
        fputs("</td><td>", out);
        if (rt->level != ROLLUP_NO_LEVEL)
            put_text(out, ir_level_word(p, rt->level, g->lang));
        fputs("</td><td>", out);
        put_text(out, target_lead(g, ti));
        fputs("</td><td class=\"id\">", out);
        put_text(out, unit_after_number(tg)); /* not `1` or `bool` */
        fputs("</td>", out);
        if (rt->goal_varies)
            fprintf(out, "<td class=\"n\">%s</td>", label(g, LBL_VARIES));
        else if (bool_target(p, ti) && !isnan(rt->goal))
            fprintf(out, "<td class=\"n\">%s</td>", label(g, rt->goal != 0 ? LBL_YES : LBL_NO));
        else
            number_cell(out, rt->goal);
        count_cells(out, &rt->counts);
        number_cell(out, rt->min);
        number_cell(out, rt->median);
        number_cell(out, rt->max);
        if (zk >= 0) {
            char buf[32];
            short_number(rt->mean_score, buf);
            fprintf(out, "<td class=\"n\">%s%s</td>", buf, zero_mark[zk]);
            zero_used[zk] = true;
        } else {
            number_cell(out, rt->mean_score);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    for (int k = 0; k < 2; k++)
        if (zero_used[k])
            fprintf(out, "<p class=\"note\">%s %s%s</p>\n", zero_mark[k],
                    label(g, k == 0 ? LBL_WHY_ZERO_PEAKS : LBL_WHY_ZERO_YESNO), label(g, LBL_FULL_STOP));
    fputs("</section>\n", out);
}

/* A values table's number for a region: the number, or yes / no. */
static void source_value(page *g, bool boolean, double v)
{
    char num[32];
    if (boolean)
        fprintf(g->out, "<td>%s</td>", label(g, v != 0 ? LBL_YES : LBL_NO));
    else {
        report_format_number(v, num);
        fprintf(g->out, "<td class=\"n\">%s</td>", num);
    }
}

/* The sources section (when a values table of the rules has notes): per
 * table, the regions whose row has a note, those with the same number
 * and note on one line (as the rules' rows give several regions one
 * number), the targets that read it.  Its first line has the id the
 * footnote marks link to (source-K, K from 1). */
static void sources(page *g)
{
    FILE *out = g->out;
    const ir_program *p = g->p;
    const report_notes *rn = &g->notes;
    static const lbl_id heads[] = {LBL_COL_INDICATOR, LBL_COL_REGION, LBL_COL_VALUE,
                                   LBL_COL_UNIT, LBL_COL_NOTE, LBL_COL_READ_BY};
    fprintf(out, "<section id=\"sources\">\n<h2>%s</h2>\n<p class=\"note\">%s</p>\n"
                 "<table class=\"sources\">\n<thead><tr><th></th>",
            label(g, LBL_SOURCES_TITLE), label(g, LBL_SOURCES_NOTE));
    header_cells(g, heads, sizeof heads / sizeof heads[0]);
    fputs("</tr></thead>\n<tbody>\n", out);
    for (uint32_t k = 0; k < rn->n; k++) {
        const ir_input *in = &p->inputs[rn->input[k]];
        report_source_row *rows;
        size_t nrows = report_source_rows(p, in, &rows);
        bool *done = rt_xcalloc(nrows ? nrows : 1, sizeof *done);
        bool first = true;
        for (size_t r = 0; r < nrows; r++) {
            if (done[r])
                continue;
            if (first)
                fprintf(out, "<tr id=\"source-%u\"><td class=\"n\">%u</td><td>", k + 1, k + 1);
            else
                fputs("<tr><td></td><td>", out);
            put_text(out, in->indicator);
            fputs("</td><td>", out);
            /* the regions of the same years, number and note */
            const char *sep = "";
            for (size_t q = r; q < nrows; q++) {
                const report_source_row *x = &rows[q], *y = &rows[r];
                if (done[q] || x->from != y->from || x->to != y->to || x->shared != y->shared ||
                    (x->note != y->note && strcmp(x->note, y->note) != 0) ||
                    !(x->value == y->value || (isnan(x->value) && isnan(y->value))))
                    continue;
                done[q] = true;
                fputs(sep, out);
                char buf[512];
                put_text(out, report_source_place(p, x, g->lang, buf, sizeof buf));
                sep = "、";
            }
            /* the years, once after the regions that share them */
            char years[64];
            report_source_years(&rows[r], g->lang, years, sizeof years);
            put_text(out, years);
            fputs("</td>", out);
            source_value(g, rn->boolean[k], rows[r].value);
            fputs("<td>", out);
            put_text(out, in->unit);
            fputs("</td><td>", out);
            put_text(out, rows[r].note);
            fputs("</td><td>", out);
            sep = "";
            for (uint32_t t = 0; first && t < p->ntargets; t++)
                if (rn->reads[(size_t)t * rn->n + k]) {
                    fputs(sep, out);
                    put_text(out, p->targets[t].name);
                    sep = "、";
                }
            fputs("</td></tr>\n", out);
            first = false;
        }
        free(done);
        free(rows);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
}

/* After the data's hash, for several data files (whose hash it is of
 * their hashes) or one read with other rules: each file with its own, and
 * the rules it was read with by the hash of their manifest and each file
 * of it (as the JSON's source.data_files and the workbook's provenance
 * sheet give them): " of the files' hashes: a.csv <code>H</code>; b.csv
 * <code>H</code>, read by the rules r.plan (SHA-256 H of the manifest:
 * r.plan H)".  Nothing for one file read with the scored rules. */
static void put_data_files(page *g, const report_source *src)
{
    bool each = src->ndata_files > 1;
    for (size_t i = 0; src->data_files && i < src->ndata_files; i++)
        each |= src->data_files[i].read_with != NULL;
    if (!each || !src->data_files)
        return;
    fputs(label(g, LBL_OF_DATA_FILES), g->out);
    for (size_t i = 0; i < src->ndata_files; i++) {
        const report_data_file *d = &src->data_files[i];
        fputs(label(g, i ? LBL_LIST_SEP : LBL_MANIFEST_FIRST), g->out);
        put_text(g->out, d->name);
        fprintf(g->out, " <code>%s</code>", d->sha256);
        if (d->read_with) {
            fputs(label(g, LBL_READ_BY), g->out);
            char *with = report_style_rules(d->read_with, d->read_with_sha256 ? d->read_with_sha256 : "",
                                            d->read_with_files, g->lang);
            put_text(g->out, with);
            free(with);
        }
    }
}

/* What the statuses mean, and what wrote the page. */
static void footer(page *g)
{
    fprintf(g->out, "<footer>\n<p>%s</p>\n<p class=\"source\">", label(g, LBL_FOOTER_STATUSES));
    fprintf(g->out, label(g, LBL_PAGE_WRITTEN_BY), PLANC_VERSION);
    const report_source *src = g->src;
    if (src) {
        /* what an auditor needs to reproduce a number (OUTPUT.md §8) */
        fputs(label(g, LBL_FROM_RULES), g->out);
        char *rules = report_style_rules(src->rules, src->rules_sha256, src->rules_files, g->lang);
        put_text(g->out, rules);
        free(rules);
        fputs(label(g, LBL_AND_DATA), g->out);
        put_text(g->out, src->data);
        fprintf(g->out, "%sSHA-256 <code>%s</code>", label(g, LBL_PAREN_OPEN), src->data_sha256);
        put_data_files(g, src);
        fputs(label(g, LBL_PAREN_CLOSE), g->out);
        if (src->data_options && *src->data_options) {
            fputs(label(g, LBL_READ_WITH), g->out);
            put_text(g->out, src->data_options);
        }
    }
    fprintf(g->out, "%s</p>\n", label(g, LBL_FULL_STOP));
    /* the command that writes the page again from those files: with the
     * language and the roll-up year, which the footer above does not name */
    if (src && src->command) {
        fprintf(g->out, "<p class=\"command\">%s<code>", label(g, LBL_PAGE_COMMAND));
        put_text(g->out, src->command);
        fputs("</code></p>\n", g->out);
    }
    fputs("</footer>\n", g->out);
}

int report_html(const ir_program *p, const rt_table *t, const rt_result *r,
                const rollup *ru, const report_source *src, lbl_lang lang, FILE *out)
{
    page g = {.out = out, .p = p, .t = t, .r = r, .ru = ru, .src = src, .lang = lang};
    report_notes_make(p, &g.notes);
    /* the rows by level (a counting sort, ascending within a level) */
    size_t nrows = rt_table_nrows(t);
    g.lrows = rt_xmalloc(nrows ? nrows : 1, sizeof *g.lrows);
    g.lstart = rt_xcalloc((size_t)p->nlevels + 2, sizeof *g.lstart);
    for (size_t row = 0; row < nrows; row++)
        g.lstart[p->regions[rt_table_region(t, row)].level + 2]++;
    for (uint32_t lv = 0; lv < p->nlevels; lv++)
        g.lstart[lv + 2] += g.lstart[lv + 1];
    for (size_t row = 0; row < nrows; row++)
        g.lrows[g.lstart[p->regions[rt_table_region(t, row)].level + 1]++] = row;
    g.leads = rt_xcalloc(p->nmeasures ? p->nmeasures : 1, sizeof *g.leads);
    for (uint32_t i = 0; i < p->nmeasures; i++)
        g.leads[i] = report_style_lead_in(&p->measures[i], lang);
    /* the last assessment: the data's year before, for the table of
     * regions (what changed since) */
    for (uint32_t k = 1; ru && p->has_assessment && k < ru->nyears; k++)
        if (ru->years[k] == ru->year)
            g.prev_year = ru->years[k - 1];
    g.year_before = rollup_year_before(ru);

    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n", lbl_tag(lang));
    fputs("<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"planc " PLANC_VERSION "\">\n<title>", out);
    put_text(out, p->title ? p->title : p->plan);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
    header(&g);
    if (ru) {
        ranking(&g);
        heatmap(&g);
        offtrack(&g);
        trajectories(&g);
        region_table(&g);
        agency_table(&g);
        target_table(&g);
        if (g.notes.n)
            sources(&g);
    } else {
        fprintf(out, "<p>%s</p>\n", label(&g, LBL_NO_ROWS));
    }
    footer(&g);
    fputs("</body>\n</html>\n", out);

    for (uint32_t i = 0; i < p->nmeasures; i++)
        free(g.leads[i]);
    free(g.leads);
    free(g.lrows);
    free(g.lstart);

    report_notes_free(&g.notes);
    return ferror(out) ? -1 : 0;
}
