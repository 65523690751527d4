/* json.h — a small streaming JSON writer for planc's outputs.
 *
 * Keys are written in the order the caller gives them, so output is
 * deterministic.  Numbers are written as report_format_number writes them
 * in CSV (the shortest text that reads back to the same double); NaN and
 * infinities, which JSON cannot hold, are written as null.  Strings are
 * UTF-8 and escaped as RFC 8259 requires (quote, backslash, control
 * characters); other characters are written as they are.
 *
 * Layout: two spaces of indentation per level, one value per line, except
 * in a container opened with json_begin_record / json_begin_inline_array:
 * it is written on one line with everything in it ({"a": 1, "b": [2, 3]}),
 * so that long arrays of small records stay one record per line. */
#ifndef PLANC_JSON_H
#define PLANC_JSON_H

#include <stdbool.h>
#include <stdio.h>

/* Deepest nesting the writer tracks. */
#define JSON_MAX_DEPTH 32

/* Bytes the writer gathers before it hands them to its FILE. */
#define JSON_BUF 16384

/* A document being written: the bytes not yet handed to `out` (one fwrite
 * per JSON_BUF bytes instead of a stdio call per token: a results
 * document has millions of them), and where in the document it is. */
typedef struct json_writer {
    FILE *out;
    char buf[JSON_BUF];
    size_t len;                     /* bytes in buf */
    int depth;                      /* containers open */
    int inline_from;                /* depth of the outermost one-line
                                       container, 0 when none is open */
    bool first[JSON_MAX_DEPTH];     /* nothing written yet in the container */
    bool after_key;                 /* a key was written: the value follows */
} json_writer;

/* Starts a document on `out`. */
void json_init(json_writer *w, FILE *out);
/* Ends the document with a newline and hands the rest of it to `out`
 * (whose errors the caller checks, e.g. with ferror). */
void json_finish(json_writer *w);

void json_begin_object(json_writer *w);
void json_end_object(json_writer *w);
void json_begin_array(json_writer *w);
void json_end_array(json_writer *w);
/* An object / an array written on one line (end them with json_end_object
 * / json_end_array). */
void json_begin_record(json_writer *w);
void json_begin_inline_array(json_writer *w);

/* A key of the enclosing object; the next call writes its value. */
void json_key(json_writer *w, const char *key);

/* Values.  json_str writes null for a NULL string. */
void json_str(json_writer *w, const char *s);
void json_num(json_writer *w, double v);
void json_int(json_writer *w, long long v);
void json_bool(json_writer *w, bool b);
void json_null(json_writer *w);

/* A member of the enclosing object: json_key, then the value. */
void json_key_str(json_writer *w, const char *key, const char *s);
void json_key_num(json_writer *w, const char *key, double v);
void json_key_int(json_writer *w, const char *key, long long v);
void json_key_bool(json_writer *w, const char *key, bool b);

/* Writes s as a JSON string literal (quotes included) to out, outside a
 * document. */
void json_write_string(FILE *out, const char *s);

#endif
