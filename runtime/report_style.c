/* report_style.c — colours and text widths shared by the reports (see
 * report_style.h). */
#include "report_style.h"

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

uint32_t report_style_series(uint32_t i)
{
    /* Tableau 10 and the darker half of Tableau 20: 15 regions (a province
     * and its cities) get distinct colours. */
    static const uint32_t palette[] = {
        0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1,
        0xFF9DA7, 0x9C755F, 0xBAB0AC, 0x1F77B4, 0x8C564B, 0x17BECF, 0xBCBD22,
        0x7F7F7F, 0xD62728,
    };
    return palette[i % (sizeof palette / sizeof palette[0])];
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

char *report_style_lead(const ir_measure *m)
{
    size_t n = strlen("shared: ") + 1;
    for (uint32_t i = 0; i < m->nlead; i++)
        n += strlen(m->lead[i]) + strlen("、");
    char *s = rt_xmalloc(n, 1);
    strcpy(s, m->shared ? "shared: " : "");
    for (uint32_t i = 0; i < m->nlead; i++) {
        if (i)
            strcat(s, "、");
        strcat(s, m->lead[i]);
    }
    return s;
}
