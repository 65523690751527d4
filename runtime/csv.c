/* csv.c — an RFC 4180 reader over a file held in memory (see csv.h). */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "rtmem.h"

void csv_init(csv_reader *r, const char *buf, size_t len)
{
    memset(r, 0, sizeof *r);
    r->buf = buf;
    r->len = len;
    r->line = 1;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
}

void csv_dispose(csv_reader *r)
{
    free(r->text);
    free(r->starts);
    r->text = NULL;
    r->starts = NULL;
}

/* Appends one byte to the current field. */
static void put_byte(csv_reader *r, char c)
{
    if (r->textlen == r->textcap) {
        r->textcap = r->textcap ? r->textcap * 2 : 256;
        r->text = rt_xrealloc(r->text, r->textcap, 1);
    }
    r->text[r->textlen++] = c;
}

/* Ends the current field (NUL) and starts field number n + 1. */
static void end_field(csv_reader *r, size_t n)
{
    put_byte(r, '\0');
    if (n + 1 >= r->capfields) {
        r->capfields = r->capfields ? r->capfields * 2 : 16;
        r->starts = rt_xrealloc(r->starts, r->capfields, sizeof *r->starts);
    }
    r->starts[n + 1] = r->textlen;
}

/* If a line break starts at pos, its length (CRLF: 2, LF or CR: 1), else 0. */
static size_t line_break(const csv_reader *r, size_t pos)
{
    if (pos >= r->len)
        return 0;
    if (r->buf[pos] == '\n')
        return 1;
    if (r->buf[pos] == '\r')
        return pos + 1 < r->len && r->buf[pos + 1] == '\n' ? 2 : 1;
    return 0;
}

csv_status csv_next(csv_reader *r, csv_record *rec)
{
    /* Skip empty lines: they hold no record. */
    size_t nl;
    while ((nl = line_break(r, r->pos)) != 0) {
        r->pos += nl;
        r->line++;
    }
    rec->line = r->line;
    rec->nfields = 0;
    rec->bad_field = -1;
    if (r->pos >= r->len)
        return CSV_EOF;

    r->textlen = 0;
    if (r->capfields == 0) {
        r->capfields = 16;
        r->starts = rt_xrealloc(r->starts, r->capfields, sizeof *r->starts);
    }
    r->starts[0] = 0;
    size_t n = 0; /* fields ended so far */
    for (;;) {
        /* One field, starting at pos. */
        if (r->pos < r->len && r->buf[r->pos] == '"') {
            r->pos++;
            for (;;) {
                if (r->pos >= r->len)
                    return CSV_UNTERMINATED;
                char c = r->buf[r->pos];
                if (c == '"') {
                    if (r->pos + 1 < r->len && r->buf[r->pos + 1] == '"') {
                        put_byte(r, '"');
                        r->pos += 2;
                        continue;
                    }
                    r->pos++;
                    break;
                }
                if ((nl = line_break(r, r->pos)) != 0) {
                    for (size_t k = 0; k < nl; k++)
                        put_byte(r, r->buf[r->pos + k]);
                    r->pos += nl;
                    r->line++;
                    continue;
                }
                put_byte(r, c);
                r->pos++;
            }
            /* After the closing quote only a comma or the record's end may
             * follow; anything else is kept but marks the field bad. */
            if (r->pos < r->len && r->buf[r->pos] != ',' && !line_break(r, r->pos) &&
                rec->bad_field < 0)
                rec->bad_field = (long)n;
        }
        while (r->pos < r->len && r->buf[r->pos] != ',' && !line_break(r, r->pos))
            put_byte(r, r->buf[r->pos++]);
        end_field(r, n++);
        if (r->pos < r->len && r->buf[r->pos] == ',') {
            r->pos++;
            continue;
        }
        if ((nl = line_break(r, r->pos)) != 0) {
            r->pos += nl;
            r->line++;
        }
        break;
    }
    rec->nfields = n;
    return CSV_RECORD;
}

const char *csv_field(const csv_reader *r, size_t i)
{
    return r->text + r->starts[i];
}
