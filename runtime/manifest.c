/* manifest.c — writing and reading the rules manifest's lines
 * (manifest.h), escaped as sha256sum escapes a name. */
#include "manifest.h"

#include <stdlib.h>
#include <string.h>

#include "rtmem.h"

/* Whether a name must be escaped on its line (sha256sum's rule). */
static bool needs_escape(const char *name)
{
    return strpbrk(name, "\\\n\r") != NULL;
}

void manifest_put(FILE *f, const char *hex, const char *name)
{
    if (!needs_escape(name)) {
        fprintf(f, "%s  %s\n", hex, name);
        return;
    }
    fprintf(f, "\\%s  ", hex);
    for (const char *c = name; *c; c++)
        if (*c == '\\')
            fputs("\\\\", f);
        else if (*c == '\n')
            fputs("\\n", f);
        else if (*c == '\r')
            fputs("\\r", f);
        else
            fputc(*c, f);
    fputc('\n', f);
}

/* n bytes at s as a string (malloc'd). */
static char *copy(const char *s, size_t n)
{
    char *o = rt_xmalloc(n + 1, 1);
    memcpy(o, s, n);
    o[n] = '\0';
    return o;
}

/* The name of an escaped line, n bytes at s, unescaped (malloc'd); a
 * backslash before another byte is kept as it is. */
static char *unescape(const char *s, size_t n)
{
    char *o = rt_xmalloc(n + 1, 1), *p = o;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n && strchr("\\nr", s[i + 1])) {
            char c = s[++i];
            *p++ = c == 'n' ? '\n' : c == 'r' ? '\r' : '\\';
        } else {
            *p++ = s[i];
        }
    }
    *p = '\0';
    return o;
}

manifest_entry *manifest_parse(const char *m, size_t *n)
{
    manifest_entry *e = NULL;
    *n = 0;
    for (const char *line = m ? m : ""; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        bool escaped = len && line[0] == '\\';
        const char *l = line + escaped;
        size_t ll = len - escaped;
        if (ll > 66 && l[64] == ' ' && l[65] == ' ') {
            e = rt_xrealloc(e, *n + 1, sizeof *e);
            memcpy(e[*n].hex, l, 64);
            e[*n].hex[64] = '\0';
            e[*n].name = escaped ? unescape(l + 66, ll - 66) : copy(l + 66, ll - 66);
            (*n)++;
        }
        line += len + (end ? 1 : 0);
    }
    return e;
}

void manifest_free(manifest_entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(e[i].name);
    free(e);
}

const manifest_entry *manifest_find(const manifest_entry *e, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(e[i].name, name) == 0)
            return &e[i];
    return NULL;
}
