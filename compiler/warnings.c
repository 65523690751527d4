/* warnings.c — the named warnings' table and the command line's choices
 * (see warnings.h). */
#include "warnings.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "diag.h"

/* One row of the table. */
typedef struct warn_info {
    const char *name;
    bool on;      /* shown by default */
    bool counted; /* counted by --warnings-as-errors */
    const char *en, *zh;
} warn_info;

static const warn_info table[WARN_COUNT] = {
#define WARN_ROW_(id, name, on, counted, en, zh) [WARN_##id] = {name, on, counted, en, zh},
    WARN_LIST(WARN_ROW_)
#undef WARN_ROW_
};

/* The command line's choices: off[w] turned off (-Wno-NAME) or on
 * (-WNAME) against the default; error[w] 1 for -Werror=NAME, 0 for
 * -Wno-error=NAME, -1 neither. */
static struct {
    bool set_on[WARN_COUNT], set_off[WARN_COUNT];
    signed char error[WARN_COUNT];
    bool all_errors;
    bool changed;
    bool init;
} st;

/* The state's defaults, once. */
static void init(void)
{
    if (st.init)
        return;
    memset(st.error, -1, sizeof st.error);
    st.init = true;
}

const char *warn_name(warn_id w)
{
    return (unsigned)w < WARN_COUNT ? table[w].name : "?";
}

const char *warn_describe(warn_id w, lbl_lang lang)
{
    if ((unsigned)w >= WARN_COUNT)
        return "";
    return lang == LBL_ZH ? table[w].zh : table[w].en;
}

bool warn_default_on(warn_id w)
{
    return (unsigned)w < WARN_COUNT && table[w].on;
}

int warn_lookup(const char *name)
{
    for (int i = 0; i < WARN_COUNT; i++)
        if (strcmp(table[i].name, name) == 0)
            return i;
    return -1;
}

const char *warn_closest(const char *name)
{
    const char *best = NULL;
    int bestd = 0;
    for (int i = 0; i < WARN_COUNT; i++) {
        int d = diag_editdist(name, table[i].name);
        if (!best || d < bestd) {
            best = table[i].name;
            bestd = d;
        }
    }
    /* near: at most a third of the name's letters wrong (and 2 at least) */
    size_t n = strlen(name);
    int limit = n / 3 > 2 ? (int)(n / 3) : 2;
    return best && bestd <= limit ? best : NULL;
}

bool warn_about_rules(warn_id w)
{
    /* WARN_LIST puts the rules' warnings first, unused-allow last of them */
    return (unsigned)w <= WARN_UNUSED_ALLOW;
}

void warn_set_enabled(warn_id w, bool on)
{
    init();
    if ((unsigned)w >= WARN_COUNT)
        return;
    st.set_on[w] = on;
    st.set_off[w] = !on;
    st.changed = true;
}

void warn_set_error(warn_id w, bool on)
{
    init();
    if ((unsigned)w >= WARN_COUNT)
        return;
    st.error[w] = on ? 1 : 0;
    if (on) { /* -Werror=NAME shows it, as gcc's does */
        st.set_on[w] = true;
        st.set_off[w] = false;
    }
    st.changed = true;
}

void warn_set_all_errors(bool on)
{
    init();
    st.all_errors = on;
}

bool warn_enabled(warn_id w)
{
    if ((unsigned)w >= WARN_COUNT)
        return true;
    return st.set_on[w] || (!st.set_off[w] && table[w].on);
}

bool warn_fatal(warn_id w)
{
    init();
    if ((unsigned)w >= WARN_COUNT)
        return st.all_errors;
    if (!warn_enabled(w))
        return false;
    if (st.error[w] >= 0)
        return st.error[w] == 1;
    return st.all_errors && table[w].counted;
}

bool warn_any_fatal(void)
{
    init();
    if (st.all_errors)
        return true;
    for (int i = 0; i < WARN_COUNT; i++)
        if (st.error[i] == 1)
            return true;
    return false;
}

bool warn_changed(void)
{
    return st.changed;
}

const char *warn_error_options(void)
{
    static char buf[WARN_COUNT * 48];
    init();
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < WARN_COUNT; i++)
        if (st.error[i] == 1)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s-Werror=%s", n ? ", " : "", table[i].name);
    return buf;
}

void warn_reset(void)
{
    memset(&st, 0, sizeof st);
}

int warn_vmessage(FILE *out, warn_id w, const char *fmt, va_list ap)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (!m)
        return csv_vmessage(out, fmt, ap);
    csv_vmessage(m, fmt, ap);
    if (fclose(m) != 0) {
        free(text);
        return EOF;
    }
    /* the name at the end of the line, before its newline */
    size_t body = len && text[len - 1] == '\n' ? len - 1 : len;
    int r = fprintf(out, "%.*s [-W%s]%s", (int)body, text, warn_name(w), body < len ? "\n" : "");
    free(text);
    return r < 0 ? EOF : r;
}

int warn_message(FILE *out, warn_id w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = warn_vmessage(out, w, fmt, ap);
    va_end(ap);
    return r;
}

int warn_tag_of(const char *s, size_t n, size_t *bare)
{
    *bare = n;
    if (n < 6 || s[n - 1] != ']')
        return -1;
    size_t i = n - 1;
    while (i > 0 && s[i - 1] != '[')
        i--;
    /* " [-W" NAME "]" */
    if (i < 2 || s[i - 2] != ' ' || n - i < 3 || s[i] != '-' || s[i + 1] != 'W')
        return -1;
    size_t nl = n - 1 - (i + 2);
    if (nl == 0 || nl > 64)
        return -1;
    char name[65];
    memcpy(name, s + i + 2, nl);
    name[nl] = '\0';
    int id = warn_lookup(name);
    if (id >= 0)
        *bare = i - 2;
    return id;
}

/* Writes text in lines of at most 72 columns after an indent of 6, cut
 * at blanks (a Chinese text, which has none, on one line: the texts are
 * short). */
static void wrapped(FILE *out, const char *text)
{
    const size_t width = 72;
    while (*text) {
        size_t n = strlen(text);
        if (n > width) {
            size_t cut = width;
            while (cut > 0 && text[cut] != ' ')
                cut--;
            if (cut > 0)
                n = cut;
        }
        fprintf(out, "      %.*s\n", (int)n, text);
        text += n;
        while (*text == ' ')
            text++;
    }
}

void warn_list(FILE *out, lbl_lang lang)
{
    fputs(lang == LBL_ZH ? "planc 的警告，每条警告的信息末尾有其名称 [-WNAME]。-Wno-NAME 关闭一种警告，\n"
                           "-WNAME 重新打开，-Werror=NAME 使它令命令失败，-Wno-error=NAME 使它在\n"
                           "--warnings-as-errors 下仍只作警告（docs/LANGUAGE.md §12）：\n\n"
                         : "planc's warnings, each named at the end of its message, [-WNAME]. -Wno-NAME\n"
                           "turns one off, -WNAME on again, -Werror=NAME makes it fail the command,\n"
                           "-Wno-error=NAME keeps it a warning under --warnings-as-errors\n"
                           "(docs/LANGUAGE.md §12):\n\n",
          out);
    for (int i = 0; i < WARN_COUNT; i++) {
        fprintf(out, "  %s%s\n", table[i].name,
                table[i].on ? "" : lang == LBL_ZH ? "（默认关闭）" : " (off by default)");
        wrapped(out, warn_describe((warn_id)i, lang));
    }
}
