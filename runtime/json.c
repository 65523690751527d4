/* json.c — the streaming JSON writer (see json.h). */
#include "json.h"

#include <math.h>
#include <string.h>

#include "report.h"

void json_init(json_writer *w, FILE *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->first[0] = true;
}

void json_finish(json_writer *w)
{
    fputc('\n', w->out);
}

/* True when the innermost open container is written on one line. */
static bool is_inline(const json_writer *w)
{
    return w->inline_from && w->depth >= w->inline_from;
}

/* A line break and the indentation of the current depth. */
static void newline(json_writer *w)
{
    fputc('\n', w->out);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->out);
}

/* What goes before a value: nothing after a key; else the comma after the
 * previous element and the element's line break. */
static void before_value(json_writer *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0)
        return;
    if (!w->first[w->depth])
        fputc(',', w->out);
    if (is_inline(w)) {
        if (!w->first[w->depth])
            fputc(' ', w->out);
    } else {
        newline(w);
    }
    w->first[w->depth] = false;
}

/* Opens a container with `c`, on one line when `one_line`. */
static void open_container(json_writer *w, char c, bool one_line)
{
    before_value(w);
    fputc(c, w->out);
    if (w->depth + 1 < JSON_MAX_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
    if (one_line && !w->inline_from)
        w->inline_from = w->depth;
}

/* Closes a container with `c`. */
static void close_container(json_writer *w, char c)
{
    bool empty = w->first[w->depth];
    bool was_inline = is_inline(w);
    if (w->inline_from == w->depth)
        w->inline_from = 0;
    if (w->depth > 0)
        w->depth--;
    if (!empty && !was_inline)
        newline(w);
    fputc(c, w->out);
}

void json_begin_object(json_writer *w) { open_container(w, '{', false); }
void json_end_object(json_writer *w) { close_container(w, '}'); }
void json_begin_array(json_writer *w) { open_container(w, '[', false); }
void json_end_array(json_writer *w) { close_container(w, ']'); }
void json_begin_record(json_writer *w) { open_container(w, '{', true); }
void json_begin_inline_array(json_writer *w) { open_container(w, '[', true); }

void json_write_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void json_key(json_writer *w, const char *key)
{
    before_value(w);
    json_write_string(w->out, key);
    fputs(": ", w->out);
    w->after_key = true;
}

void json_str(json_writer *w, const char *s)
{
    before_value(w);
    if (s)
        json_write_string(w->out, s);
    else
        fputs("null", w->out);
}

void json_num(json_writer *w, double v)
{
    before_value(w);
    if (!isfinite(v)) {
        fputs("null", w->out);
        return;
    }
    char buf[32];
    report_format_number(v, buf);
    fputs(buf, w->out);
}

void json_int(json_writer *w, long long v)
{
    before_value(w);
    fprintf(w->out, "%lld", v);
}

void json_bool(json_writer *w, bool b)
{
    before_value(w);
    fputs(b ? "true" : "false", w->out);
}

void json_null(json_writer *w)
{
    before_value(w);
    fputs("null", w->out);
}
