/* csv.h — an RFC 4180 reader over a file held in memory.
 *
 * Records are separated by CRLF, LF or a lone CR; fields by commas.  A field
 * may be quoted: then it may hold commas, line breaks and doubled quotes
 * ("" stands for one ").  A quote inside an unquoted field is taken
 * literally.  An initial UTF-8 byte order mark is skipped, the last record
 * may end without a line break, and lines that are completely empty are
 * skipped (they hold no record).
 *
 * The reader keeps the current record's fields (unquoted, NUL-terminated) in
 * buffers it reuses, so reading a file allocates only as its longest record
 * grows.
 *
 * The input may also be given in windows (a file read in blocks): a window
 * that is not final may end inside a record; csv_next then says CSV_MORE
 * without consuming the record, the caller moves the bytes from
 * csv_consumed() on to the front of its buffer, appends more input and
 * hands the new window over with csv_refill().
 *
 * A quoted field holds at most CSV_QUOTED_MAX bytes: a quote that does not
 * close within them is an error (CSV_TOO_LONG) found as soon as that much
 * of the field is in the window, so that a stray quote near the start of a
 * large file is not carried on in memory to the file's end. */
#ifndef PLANC_CSV_H
#define PLANC_CSV_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The most bytes a quoted field holds (1 MiB: a spreadsheet's longest
 * cell, 32,767 characters, is at most 128 KiB of UTF-8). */
#define CSV_QUOTED_MAX ((size_t)1 << 20)

typedef enum csv_status {
    CSV_RECORD,        /* a record was read */
    CSV_EOF,           /* no more records */
    CSV_UNTERMINATED,  /* a quoted field runs to the end of the file */
    CSV_MORE,          /* the window (not final) ends inside the next record */
    CSV_TOO_LONG       /* a quoted field goes on past CSV_QUOTED_MAX bytes */
} csv_status;

/* One record: where it starts and how many fields it has. */
typedef struct csv_record {
    unsigned line;     /* physical line (1-based) where the record starts */
    size_t nfields;
    long bad_field;    /* index of a field with text after its closing quote, or -1 */
    /* On CSV_UNTERMINATED and CSV_TOO_LONG, where the open quote is: */
    unsigned quote_line;  /* its physical line */
    size_t quote_char;    /* its character (1-based, UTF-8 characters) in that line */
    size_t quote_field;   /* the index of the field it opens */
} csv_record;

/* The reader: the input, the position, and the current record's fields. */
typedef struct csv_reader {
    const char *buf;
    size_t len, pos;
    unsigned line;     /* physical line at pos */
    char *text;        /* field bytes of the current record, each NUL-terminated */
    size_t textlen, textcap;
    size_t *starts;    /* offset in text of each field */
    size_t capfields;
    bool final;        /* buf[len) is the end of the input */
    bool bom;          /* buf starts with the input's byte order mark */
    /* A line break inside quotes counts as no line: the input is a sheet
     * of a workbook made into records (xlsx_read.h), a row a line, so that
     * a record's line is its row even below a cell of several lines.  Set
     * after csv_init_window. */
    bool rows;
} csv_reader;

/* The text s[0..n) without surrounding spaces, tabs and wide spaces (a
 * full-width space U+3000 typed after a name by a Chinese input method, a
 * no-break space U+00A0 copied from a web page): its first byte, with
 * *len its length.  The data reader trims every cell and header name so;
 * the checker trims the rules' column names alike, so that both match. */
const char *csv_trim(const char *s, size_t n, size_t *len);

/* If s[0..n) starts with an invisible character — a format character
 * such as the byte order mark U+FEFF (a header of files joined after their
 * first), a zero-width space, joiner or direction mark, a soft hyphen, a
 * line or paragraph separator, or a Hangul filler — its length in bytes
 * (2 or 3) with *cp its code point; else 0.  Messages show such
 * characters escaped (\uFEFF), as they show control characters. */
size_t csv_invisible(const char *s, size_t n, unsigned *cp);

/* Writes t[0..n) to o as messages show the text of a cell or of a
 * database: a control character (C0, DEL, C1) written \n, \r, \t, \xHH
 * or \uHHHH, an invisible one (csv_invisible) \uHHHH and a byte that is
 * not part of valid UTF-8 \xHH, line feeds kept as they are when `lines`.  Untrusted text can so neither end a line of
 * a message and forge another, nor send the terminal escape sequences,
 * nor differ unseen from the name it is taken for.  o has room for 6 * n
 * + 1 bytes; returns the end of what was written (a NUL is put there). */
char *csv_escape(char *o, const char *t, size_t n, bool lines);

/* s[0..n) as a shell reads it back: '...', each ' within as \', and the
 * bytes that a message would escape or a terminal could not show (control
 * characters, a line break, C1 controls, invisible characters, bytes that
 * are not UTF-8) as $'\xHH' (bash, zsh, ksh, POSIX.1-2024 sh), so that a
 * command a message writes (--na '—', iconv ... 'FILE', planc diff 'A'
 * 'B') can be pasted as it is (malloc'd); "..." before the closing quote
 * when `cut` (the text was longer than what is shown). */
char *csv_shell_quoted(const char *s, size_t n, bool cut);

/* A path as csv_shell_quoted writes it, with ./ before one that starts
 * with '-', which a command would take for an option (iconv, planc diff)
 * (malloc'd). */
char *csv_shell_path(const char *path);

/* Writes a message formatted from fmt to out with every control and
 * invisible character of its text escaped as csv_escape writes them (a
 * line break too, but one that ends the text): a name a message quotes
 * (a column's from a rules string or a CSV header, a region's, a map's
 * text) can neither fake a line of messages nor reorder the terminal's
 * line (U+202E).  Every message of the checker (diag.c), the data reader
 * and the runs is written through it.  Under --lang zh (msgcat_lang())
 * an English format the message catalog has is written in its Chinese
 * (msgcat.h).  Returns what fputs returns. */
int csv_vmessage(FILE *out, const char *fmt, va_list ap);
int csv_message(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Starts reading buf[0..len) (not copied: it must outlive the reader). */
void csv_init(csv_reader *r, const char *buf, size_t len);
void csv_dispose(csv_reader *r);

/* Reads the next record into rec.  On CSV_UNTERMINATED and CSV_TOO_LONG,
 * rec->line is the line where the record starts and rec->quote_* say
 * where its open quote is. */
csv_status csv_next(csv_reader *r, csv_record *rec);

/* Which field of the first record of `text` (a header line) is `key`,
 * both trimmed as csv_trim trims, or SIZE_MAX when none is. */
size_t csv_header_index(const char *text, const char *key);

/* Field i (< rec.nfields) of the record last read. */
const char *csv_field(const csv_reader *r, size_t i);
/* Its length in bytes (the NUL after it not counted). */
size_t csv_field_len(const csv_reader *r, size_t i);

/* Starts reading a first window buf[0..len); `final` when it is the whole
 * input.  A window that is not final must hold at least 3 bytes (so a byte
 * order mark is seen whole). */
void csv_init_window(csv_reader *r, const char *buf, size_t len, bool final);
/* Bytes of the current window that are read: after CSV_MORE, the next
 * window must start with the bytes from here to the window's end. */
size_t csv_consumed(const csv_reader *r);
/* Continues with the window buf[0..len) (see csv_consumed). */
void csv_refill(csv_reader *r, const char *buf, size_t len, bool final);
/* Goes on reading at buf[pos], which must be the start of a record (or of
 * the empty lines before one) at physical line `line`, in the window
 * buf[0..len): the middle of an input, so no byte order mark is skipped.
 * The reader keeps its buffers (an initialised reader, or one zeroed). */
void csv_restart(csv_reader *r, const char *buf, size_t len, bool final, size_t pos,
                 unsigned line);

#endif
