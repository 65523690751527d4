/* report_style.c — colours and text widths shared by the reports (see
 * report_style.h). */
#include "report_style.h"

#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "ir.h"
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
        for (const char *line = manifest; *line;) {
            const char *end = strchr(line, '\n');
            size_t n = end ? (size_t)(end - line) : strlen(line);
            if (n > 66) {
                o += sprintf(o, "%s%.*s %.64s", sep, (int)(n - 66), line + 66, line);
                sep = next;
            }
            line += n + (end ? 1 : 0);
        }
    }
    strcpy(o, close);
    return text;
}
