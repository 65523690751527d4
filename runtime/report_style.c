/* report_style.c — colours and text widths shared by the reports (see
 * report_style.h). */
#include "report_style.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ir.h"
#include "manifest.h"
#include "rtmem.h"
#include "utf8.h"

int32_t report_style_status_fill(int status)
{
    switch (status) {
    case IR_ST_MET: return 0x63BE7B;       /* green */
    case IR_ST_ON_TRACK: return 0xC6EFCE;  /* light green */
    case IR_ST_LAGGING: return 0xFFC000;   /* amber */
    case IR_ST_FAILED: return 0xF8696B;    /* red */
    case IR_ST_MISSING: return 0xD9D9D9;   /* grey */
    default: return REPORT_STYLE_NONE;     /* not_applicable */
    }
}

uint32_t report_style_grade_fill(uint32_t band, uint32_t nbands)
{
    /* A diverging scale from green (best) to red (the veto band). */
    static const uint32_t scale[] = {0x1A9850, 0x66BD63, 0xA6D96A, 0xFEE08B,
                                     0xFDAE61, 0xF46D43, 0xD73027};
    const uint32_t n = sizeof scale / sizeof scale[0];
    if (nbands <= 1)
        return scale[0];
    if (band >= nbands)
        band = nbands - 1;
    /* Spread the bands over the scale, the first and last at its ends. */
    uint32_t i = (uint32_t)((band * (n - 1) + (nbands - 1) / 2) / (nbands - 1));
    return scale[i < n ? i : n - 1];
}

/* The colour of hue h (degrees, 0..359) at saturation s and value v (0..255
 * each), in integers so that every machine gives the same bytes. */
static uint32_t hsv_colour(uint32_t h, uint32_t s, uint32_t v)
{
    uint32_t f = h % 60;
    uint32_t p = v * (255 - s) / 255;
    uint32_t q = v * (255 * 60 - s * f) / (255 * 60);
    uint32_t t = v * (255 * 60 - s * (60 - f)) / (255 * 60);
    uint32_t r, g, b;
    switch (h / 60) {
    case 0: r = v, g = t, b = p; break;
    case 1: r = q, g = v, b = p; break;
    case 2: r = p, g = v, b = t; break;
    case 3: r = p, g = q, b = v; break;
    case 4: r = t, g = p, b = v; break;
    default: r = v, g = p, b = q; break;
    }
    return r << 16 | g << 8 | b;
}

report_series report_style_series(uint32_t i)
{
    /* Tableau 10: ten colours far enough apart to tell at a glance (the
     * darker half of Tableau 20, once appended, is too close to them:
     * #1f77b4 beside #4e79a7 read as one blue). */
    static const uint32_t palette[] = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
        0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC,
    };
    /* Each round of ten series has its own line style: solid, dashed,
     * dotted, dash-dot; and its own marker for a lone value. */
    static const char *const dashes[] = {"", "6 3", "1.5 2.5", "8 3 2 3"};
    enum { NCOLOURS = sizeof palette / sizeof palette[0], NSTYLES = 4 };
    /* Past the palette's rounds: saturation and value of each run of 360
     * derived hues (neither too pale for a white page nor black). */
    static const uint8_t tiers[][2] = {{180, 200}, {230, 150}, {140, 215}, {200, 120},
                                       {110, 170}, {240, 190}, {160, 140}, {90, 200}};
    uint32_t style = i / NCOLOURS % NSTYLES;
    report_series se = {.dash = dashes[style], .marker = (report_marker)style};
    if (i < NCOLOURS * NSTYLES) {
        se.colour = palette[i % NCOLOURS];
    } else {
        /* Hues 137 degrees apart (near the golden angle, and prime to 360,
         * so 360 in a row are all different), a new tier every 360. */
        uint32_t k = i - NCOLOURS * NSTYLES;
        const uint8_t *tier = tiers[k / 360 % (sizeof tiers / sizeof tiers[0])];
        se.colour = hsv_colour((k * 137 + 20) % 360, tier[0], tier[1]);
    }
    return se;
}

size_t report_style_width(const char *s)
{
    if (!s)
        return 0;
    size_t w = 0, n = strlen(s);
    while (n > 0) {
        uint32_t cp;
        int len = utf8_decode(s, n, &cp);
        w += cp == UTF8_BAD ? 1 : (size_t)diag_cpwidth(cp);
        s += len;
        n -= (size_t)len;
    }
    return w;
}

bool report_style_unsafe(uint32_t cp)
{
    return cp == UTF8_BAD || (cp < 0x20 && cp != '\t' && cp != '\n') ||
           (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF;
}

bool report_style_xlsx_escape_at(const char *s)
{
    if (s[0] != '_' || s[1] != 'x')
        return false;
    for (int i = 2; i < 6; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return s[6] == '_';
}

char *report_style_xlsx_text(const char *s)
{
    size_t extra = 0, n = strlen(s);
    for (size_t i = 0; i < n; i++)
        extra += report_style_xlsx_escape_at(s + i) ? 6 : 0;
    if (!extra)
        return NULL;
    char *out = rt_xmalloc(n + extra + 1, 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (report_style_xlsx_escape_at(s + i)) {
            memcpy(o, "_x005F_", 7);
            o += 7;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

/* The lead text of m (report_style_lead) with `shared` before the agencies
 * of a shared measure.  malloc'd. */
static char *lead_text(const ir_measure *m, const char *shared)
{
    size_t n = strlen(shared) + 1;
    for (uint32_t i = 0; i < m->nlead; i++)
        n += strlen(m->lead[i]) + strlen("、");
    char *s = rt_xmalloc(n, 1);
    strcpy(s, m->shared ? shared : "");
    for (uint32_t i = 0; i < m->nlead; i++) {
        if (i)
            strcat(s, "、");
        strcat(s, m->lead[i]);
    }
    return s;
}

char *report_style_lead(const ir_measure *m)
{
    /* the CSV's text, whatever the documents' labels say */
    return lead_text(m, "shared: ");
}

char *report_style_lead_in(const ir_measure *m, lbl_lang lang)
{
    return lead_text(m, lbl_get(lang, LBL_SHARED));
}

char *report_style_rules(const char *rules, const char *sha256, const char *manifest,
                         lbl_lang lang)
{
    const char *open = lbl_get(lang, LBL_PAREN_OPEN), *close = lbl_get(lang, LBL_PAREN_CLOSE);
    const char *of = lbl_get(lang, LBL_OF_MANIFEST), *sep = lbl_get(lang, LBL_MANIFEST_FIRST);
    const char *next = lbl_get(lang, LBL_LIST_SEP);
    /* each manifest line ("HEX  NAME\n") becomes "SEP NAME HEX": as long,
     * but for the separator */
    size_t nlines = 0;
    for (const char *c = manifest ? manifest : ""; *c; c++)
        nlines += *c == '\n';
    size_t cap = strlen(rules) + strlen(sha256) + (manifest ? strlen(manifest) : 0) +
                 strlen(open) + strlen(close) + strlen(of) + strlen(sep) +
                 (nlines + 1) * strlen(next) + 64;
    char *text = rt_xmalloc(cap, 1), *o = text;
    o += sprintf(o, "%s%sSHA-256 %s", rules, open, sha256);
    if (manifest && *manifest) {
        o += sprintf(o, "%s", of);
        size_t n;
        manifest_entry *e = manifest_parse(manifest, &n);
        for (size_t i = 0; i < n; i++) {
            o += sprintf(o, "%s%s %s", sep, e[i].name, e[i].hex);
            sep = next;
        }
        manifest_free(e, n);
    }
    strcpy(o, close);
    return text;
}

void report_notes_make(const ir_program *p, report_notes *rn)
{
    memset(rn, 0, sizeof *rn);
    /* the tables with a note, once each: an indicator's table is one input
     * whatever the year it is read for, unless its rows give years (then
     * one per year shift), so a table is known by its indicator */
    int32_t *slot = NULL;   /* per input: its place in rn, or -1 */
    for (uint32_t s = 0; s < p->nsteps; s++) {
        const ir_step *st = &p->steps[s];
        if (st->op != IR_INPUT || p->inputs[st->aux].kind != IR_IN_TABLE)
            continue;
        const ir_input *in = &p->inputs[st->aux];
        bool noted = false;
        for (uint32_t r = 0; in->notes && !noted && r < p->nregions; r++)
            noted = in->notes[r] != NULL;
        uint32_t nruns = in->nyears && in->run_start ? in->run_start[p->nregions] : 0;
        for (uint32_t k = 0; !noted && k < nruns; k++)
            noted = in->runs[k].note != NULL && !isnan(in->runs[k].value);
        /* the runs of years of the levels' rows and the else row that
         * some region takes (a noted row every region of the level
         * overrides with its own is no source) */
        const ir_valshared *sh = in->shared;
        for (uint32_t l = 0; !noted && in->nyears && sh && sh->run_start && l < sh->nslots; l++)
            for (uint32_t k = sh->run_start[l]; !noted && k < sh->run_start[l + 1]; k++)
                noted = sh->runs[k].note != NULL && ir_table_shared_taken(in, p->nregions, l, &sh->runs[k]);
        if (!noted)
            continue;
        if (!slot) {
            slot = rt_xmalloc(p->ninputs, sizeof *slot);
            for (uint32_t i = 0; i < p->ninputs; i++)
                slot[i] = -1;
            rn->input = rt_xmalloc(p->ninputs, sizeof *rn->input);
            rn->boolean = rt_xmalloc(p->ninputs, sizeof *rn->boolean);
        }
        if (slot[st->aux] >= 0)
            continue;
        for (uint32_t k = 0; slot[st->aux] < 0 && k < rn->n; k++)
            if (strcmp(p->inputs[rn->input[k]].indicator, in->indicator) == 0)
                slot[st->aux] = (int32_t)k;
        if (slot[st->aux] >= 0)
            continue;
        slot[st->aux] = (int32_t)rn->n;
        rn->input[rn->n] = st->aux;
        rn->boolean[rn->n] = st->type == IR_BOOL;
        rn->n++;
    }
    if (rn->n == 0) {
        free(slot);
        free(rn->input);
        free(rn->boolean);
        memset(rn, 0, sizeof *rn);
        return;
    }
    /* which tables each target reads: the steps its value, goal, status
     * and score are computed from (through barriers too: an average of a
     * table reads it), each step once per target */
    rn->reads = rt_xcalloc((size_t)p->ntargets * rn->n, sizeof *rn->reads);
    uint32_t *mark = rt_xcalloc(p->nsteps ? p->nsteps : 1, sizeof *mark);
    uint32_t *stack = rt_xmalloc(p->nsteps ? p->nsteps : 1, sizeof *stack);
    for (uint32_t t = 0; t < p->ntargets; t++) {
        const ir_target *tg = &p->targets[t];
        const uint32_t roots[] = {tg->value, tg->goal, tg->status, tg->score};
        size_t top = 0;
        for (size_t k = 0; k < sizeof roots / sizeof roots[0]; k++)
            if (roots[k] < p->nsteps && mark[roots[k]] != t + 1) {
                mark[roots[k]] = t + 1;
                stack[top++] = roots[k];
            }
        while (top) {
            const ir_step *st = &p->steps[stack[--top]];
            if (st->op == IR_INPUT) {
                int32_t k = slot[st->aux];
                if (k >= 0)
                    rn->reads[(size_t)t * rn->n + (uint32_t)k] = true;
                continue;
            }
            const uint32_t ops[3] = {st->a, st->b, st->c};
            for (int k = ir_arity(st->op); k-- > 0;)
                if (ops[k] < p->nsteps && mark[ops[k]] != t + 1) {
                    mark[ops[k]] = t + 1;
                    stack[top++] = ops[k];
                }
        }
    }
    free(mark);
    free(stack);
    free(slot);
}

/* Appends row to *rows (n of cap). */
static void source_row_add(report_source_row **rows, size_t *n, size_t *cap, report_source_row row)
{
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        *rows = rt_xrealloc(*rows, *cap, sizeof **rows);
    }
    (*rows)[(*n)++] = row;
}

/* Appends to *rows (n of cap) the noted rows of one region or shared row
 * (shared -1: region r) of a values table: its every-year value v with
 * note (when noted), then its runs of years with a note,
 * runs[start[at] .. start[at + 1]) (start NULL: none), runs next to each
 * other with one value and note as one row. */
static void source_rows_of(const ir_program *p, const ir_input *in, report_source_row **rows, size_t *n,
                           size_t *cap, uint32_t r, int32_t shared, double v, const char *note,
                           const uint32_t *start, const ir_yearrun *runs, uint32_t at)
{
    if (note)
        source_row_add(rows, n, cap, (report_source_row){r, shared, 0, 0, v, note});
    uint32_t k = start ? start[at] : 0, end = start ? start[at + 1] : 0;
    while (k < end) {
        const ir_yearrun *a = &runs[k];
        /* a shared row's run that no region takes gives no value */
        if (isnan(a->value) || !a->note ||
            (shared >= 0 && !ir_table_shared_taken(in, p->nregions, (uint32_t)shared, a))) {
            k++;
            continue;
        }
        uint32_t e = k + 1;
        while (e < end && runs[e].from == runs[e - 1].to + 1 && runs[e].value == a->value && runs[e].note &&
               (runs[e].note == a->note || strcmp(runs[e].note, a->note) == 0) &&
               (shared < 0 || ir_table_shared_taken(in, p->nregions, (uint32_t)shared, &runs[e])))
            e++;
        source_row_add(rows, n, cap, (report_source_row){r, shared, a->from, runs[e - 1].to, a->value, a->note});
        k = e;
    }
}

size_t report_source_rows(const ir_program *p, const ir_input *in, report_source_row **rows)
{
    size_t n = 0, cap = 0;
    *rows = NULL;
    /* the regions' own rows (a value a level's row or the else row gives
     * is listed with that row), then the levels' rows and the else row */
    const ir_valshared *sh = in->shared;
    for (uint32_t r = 0; r < p->nregions; r++) {
        bool own = !sh || sh->from[r] == IR_VAL_OWN;
        source_rows_of(p, in, rows, &n, &cap, r, -1, in->values[r], own && in->notes ? in->notes[r] : NULL,
                       in->nyears ? in->run_start : NULL, in->runs, r);
    }
    for (uint32_t l = 0; sh && l < sh->nslots; l++)
        source_rows_of(p, in, rows, &n, &cap, 0, (int32_t)l, sh->values[l], sh->notes[l],
                       in->nyears ? sh->run_start : NULL, sh->runs, l);
    return n;
}

const char *report_source_place(const ir_program *p, const report_source_row *row, lbl_lang lang,
                                char *buf, size_t len)
{
    if (row->shared < 0)
        return p->regions[row->region].name;
    if ((uint32_t)row->shared < p->nlevels)
        snprintf(buf, len, lbl_get(lang, LBL_SOURCE_LEVEL), ir_level_word(p, row->shared, lang));
    else
        snprintf(buf, len, "%s", lbl_get(lang, LBL_SOURCE_ELSE));
    return buf;
}

void report_source_years(const report_source_row *row, lbl_lang lang, char *buf, size_t len)
{
    if (!row->from)
        snprintf(buf, len, "%s", "");
    else if (row->from == row->to)
        snprintf(buf, len, lbl_get(lang, LBL_SOURCE_YEAR), row->from);
    else
        snprintf(buf, len, lbl_get(lang, LBL_SOURCE_YEARS), row->from, row->to);
}

void report_notes_free(report_notes *rn)
{
    free(rn->input);
    free(rn->boolean);
    free(rn->reads);
    memset(rn, 0, sizeof *rn);
}
