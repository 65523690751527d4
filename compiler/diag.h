/* diag.h — source files, spans and collected diagnostics.
 *
 * Every AST node carries a span: a file id and a byte range.  Line and column
 * are computed only when a diagnostic is printed (as jq does).  Columns are
 * counted in characters (UTF-8 code points), and the caret line under the
 * source is aligned by display width (CJK characters are two columns wide).
 *
 * Diagnostics are collected, not fatal (SQLite's nErr): each call prints one
 * diagnostic at once to the context's stream and counts it; the driver asks
 * diag_errors() at the end of each pass.
 *
 * Printed form (exactly; the golden tests compare it byte for byte):
 *
 *   rules.plan:12:16: error: undefined name '耕地保有'
 *      12 |     target 耕地: 耕地保有 >= 7603万亩
 *         |                  ^~~~~~~~
 *   rules.plan:3:11: note: 'x' was first declared here
 *       3 | indicator x : %
 *         |           ^
 *   note: did you mean '耕地保有量'?
 *
 * The line-number gutter is the number right-aligned in 5 columns; tabs in the
 * source line are shown as one space each.  The underline is '^' followed by
 * '~' for the rest of the span's display width on that line (at least one
 * '^'); a span that runs past the end of the line stops at it.  A span of
 * zero length shows a single '^'.  A source line longer than 200 display
 * columns is shown as a window around the span, with "..." on the cut side. */
#ifndef PLANC_DIAG_H
#define PLANC_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>

#include "labels.h"
#include "warnings.h"

/* A byte range [lo, hi) in source file `file` (an index into diag_ctx.files). */
typedef struct span {
    uint32_t file;
    uint32_t lo, hi;
} span;

/* One source file, held in memory for the whole compilation. */
typedef struct diag_file {
    char *name;        /* as given on the command line */
    char *text;        /* the bytes, NUL-terminated (a NUL inside is an error found by the scanner) */
    size_t len;
    uint32_t *line_starts; /* byte offset of each line start */
    size_t nlines;
    bool imported;     /* read by another file's import or extends (import.c):
                          a hint that has the user rewrite the file must keep
                          its name, which that file reads */
    bool cmdline;      /* not a rules file: a command line's text (a --set),
                          whose errors diag_ctx.ncmdline_errors counts */
} diag_file;

typedef enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_level;

/* One name of an `allow` of the rules (docs/LANGUAGE.md §12): warning w,
 * reported at a span inside scope (the declaration or block the `allow`
 * is written in, or its whole file), is neither printed nor counted.
 * The parser adds each with no scope yet (diag_allow_add) and gives it
 * one when the declaration around it is read (diag_allow_scope); one
 * never given a scope (its block did not parse) accepts nothing. */
typedef struct diag_allow {
    warn_id w;
    span name;         /* the name as the `allow` writes it */
    span scope;        /* where it accepts w (when scoped) */
    uint32_t at;       /* where its `allow` word is (planc diff shows the
                          declaration it is in up to there) */
    const char *reason; /* the `allow`'s text, or NULL (the parser's arena) */
    bool scoped;
    bool used;         /* it accepted a warning */
} diag_allow;

/* The diagnostics printed by the contexts that share it (diag_ctx.seen):
 * planc diff compiles its two sides, planc check each of its files, each
 * in a context of its own, and a file both read (a base both import) drew
 * its every error once a side.  Each printed error and warning is kept by
 * its level, place (the file's name and byte range) and message, in an
 * open-addressing hash set of keys (malloc'd); one printed again is
 * counted by its context, but neither it nor its notes are printed. */
typedef struct diag_seen {
    char **keys;       /* cap slots, NULL when empty */
    size_t n, cap;
} diag_seen;

/* Frees the keys of s (diag_seen starts zeroed). */
void diag_seen_free(diag_seen *s);

typedef struct diag_ctx {
    diag_file *files;
    size_t nfiles, capfiles;
    FILE *out;         /* where diagnostics go (stderr by default) */
    int nerrors;
    int ncmdline_errors; /* of them, those located in a cmdline file: the
                            command line's mistakes (exit 2, not 1) */
    int nwarnings;
    int nfatal;        /* of them, those that fail the command (warn_fatal:
                          --warnings-as-errors, -Werror=NAME) */
    int max_errors;    /* stop printing after this many errors (default 100), and
                          after as many warnings; all are still counted */
    bool hushed;       /* the last warning was not printed: nor are its notes */
    bool json;         /* JSON Lines instead of text (diag_set_json) */
    bool no_warnings;  /* -w: warnings are counted, not printed, nor their
                          notes */
    lbl_lang lang;     /* the language of the text (the commands that
                          take --lang zh set it): the level words ("error: ",
                          under LBL_ZH "错误：", as gcc writes them in a
                          Chinese locale) and each message, looked up by
                          its English format in the catalog (msgcat.h:
                          English when it has none); JSON stays English */
    char *jbuf;        /* json: the diagnostic being built, awaiting its notes */
    size_t jlen, jcap;
    diag_allow *allows; /* the rules' `allow`s, in the order read (malloc'd) */
    diag_seen *seen;   /* shared with the other contexts of the command
                          (diag_seen), or NULL: every diagnostic printed */
    size_t nallows, capallows;
    /* diag_hold: the diagnostics held, each with its notes, to be printed
     * in the order of their places at diag_release */
    int hold;          /* how many diag_hold calls are not released yet */
    FILE *held_to;     /* where they go at the release (out before the hold) */
    FILE *hmem;        /* the one being written (out while holding), or NULL */
    char *hbuf;        /* its text (open_memstream's) */
    size_t hlen;
    span hkey;         /* its place */
    struct diag_held *held; /* those written (malloc'd) */
    size_t nheld, capheld;
} diag_ctx;

void diag_init(diag_ctx *d, FILE *out);
void diag_dispose(diag_ctx *d);
/* Holds the diagnostics reported from now until the matching
 * diag_release, which prints them (each with its notes) in the order of
 * their places — file, then offset; one with no place stays after the
 * one before it — rather than in the order they were reported: a pass
 * that checks a file's statements in several rounds (import.c's edits of
 * an adapting file) then reports them in line order.  Counting, the
 * limits and -w are as without a hold.  Holds nest: the outermost
 * release prints. */
void diag_hold(diag_ctx *d);
void diag_release(diag_ctx *d);
/* A context for a check whose errors are a reason, not errors of the
 * program (`planc test --all` on another file's tests): it prints to out,
 * as text, with d's files, which it shares and must not add to.  End it
 * with diag_unborrow, which frees what it made, not the files; then
 * diag_first_message gives what it said. */
void diag_borrow(diag_ctx *b, const diag_ctx *d, FILE *out);
void diag_unborrow(diag_ctx *b);
/* The first error of text a borrowed context printed, as "FILE:LINE:COL:
 * MESSAGE" (the word "error" left out), in a malloc'd string; NULL when
 * there is none. */
char *diag_first_message(const char *text);

/* Reads a whole file; returns its id, or -1 after reporting why (no such
 * file, unreadable, a directory, larger than 256 MiB) as an error with no
 * location. */
int diag_load_file(diag_ctx *d, const char *path);
/* Registers text already in memory (tests); the text is copied. */
int diag_add_text(diag_ctx *d, const char *name, const char *text, size_t len);

/* 1-based line and column (in code points) of byte offset `off`. */
void diag_linecol(const diag_ctx *d, uint32_t file, uint32_t off,
                  unsigned *line, unsigned *col);
/* The 1-based line of byte offset `off` (0 for no file), in log time. */
unsigned diag_line(const diag_ctx *d, uint32_t file, uint32_t off);
/* The source text of sp in buf (size bytes, NUL-terminated), each run of
 * white space (line ends too) and each comment written as one space (a
 * string kept whole): a piece of the rules quoted on one line in a hint,
 * to be written as it is.  False, with buf empty, when sp is no
 * text of a file or does not fit. */
bool diag_span_text(const diag_ctx *d, span sp, char *buf, size_t size);

/* Emit a diagnostic at a span: header, source line and underline. */
void diag_error(diag_ctx *d, span sp, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A warning names its kind (warnings.h): printed after the message as
 * " [-WNAME]", in JSON as "name"; not printed nor counted when the command
 * line turned it off. */
void diag_warning(diag_ctx *d, warn_id w, span sp, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* A note about a related location (e.g. "first declared here"). */
void diag_note(diag_ctx *d, span sp, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A note with no location: "note: did you mean 'x'?" */
void diag_hint(diag_ctx *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* An error that belongs to no source span: "planc: error: message". */
void diag_plain_error(diag_ctx *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

int diag_errors(const diag_ctx *d);

/* Records one name of an `allow` at name, accepting w once it has a scope. */
void diag_allow_add(diag_ctx *d, warn_id w, span name, uint32_t at, const char *reason);
/* Gives every `allow` name not scoped yet that lies inside `within` the
 * scope `scope` (the parser, when it has read the declaration or block
 * `within`, or a file-level `allow` statement whose scope is its file). */
void diag_allow_scope(diag_ctx *d, span within, span scope);
/* Forgets every `allow` name not scoped yet that lies inside `within`, the
 * tokens a syntax error's recovery dropped (a target, a measure lost):
 * else the block around them, read on, gave them its own scope, and the
 * allow of a target lost to an error accepted the warnings of the whole
 * measure. */
void diag_allow_drop(diag_ctx *d, span within);
/* Reports as unused-allow each name of an `allow` in a file not read by
 * another's import that accepted no warning (once; those that accept
 * unused-allow itself last).  The compiler calls it when the rules have
 * been checked without errors: after errors, a check may have stopped
 * short of the warning an `allow` is for. */
void diag_allow_unused(diag_ctx *d);

/* JSON Lines (`planc check --format json`): from now on each error or
 * warning is written as one JSON object on a line of its own, its notes
 * and hints in its "notes" array, with the same limits as the text:
 *
 *   {"level": "error", "message": "undefined name '耕地保有'",
 *    "file": "rules.plan", "line": 12, "column": 16, "end_line": 12,
 *    "end_column": 20, "notes": [{"level": "note", "message": "did you
 *    mean '耕地保有量'?"}]}
 *
 * (on one line).  "level" is "error", "warning" or "note" (a note with no
 * diagnostic before it, and the line that says the limit was reached);
 * "file" and the positions are there when the diagnostic has a location:
 * 1-based, columns in code points as in the text form, the end being the
 * column just after the span (equal to "column" for an empty span).
 * Messages are UTF-8, an ill-formed byte written as U+FFFD.  An object is
 * written when the next diagnostic starts, or by diag_flush. */
void diag_set_json(diag_ctx *d, bool on);
/* Writes the JSON diagnostic still awaiting notes, if any (diag_dispose
 * calls it too). */
void diag_flush(diag_ctx *d);

/* Display width of one code point (2 for East Asian wide/fullwidth, 0 for
 * combining marks, 1 otherwise). */
int diag_cpwidth(uint32_t cp);

/* Levenshtein distance on code points, for did-you-mean. */
int diag_editdist(const char *a, const char *b);

/* The names among n candidates nearest to `want` by edit distance, for a
 * did-you-mean, in *pick in byte order: one, or up to three when as many
 * items are as near (蘇州 is one character from 苏州, 常州 and 泰州 alike:
 * naming the first alone would send the user to another city).  A name
 * that differs from `want` in ASCII case alone (LIAONING, Liaoning) is
 * the one meant.  Near enough: at most a third of `want`'s characters,
 * or `floor` edits when that is more, and fewer than the longer name's
 * characters.  owner[i] is name i's item (a region's name and aliases
 * share one and count once); NULL: each name is its own.  Among the tied
 * ones, the one `want` begins with or that begins with `want` (丙市 for
 * 丙, beside 甲市) is named alone if it alone is.  Returns how many; 0
 * when none is near enough, or more than three items are as near (a
 * guess among them is no help).  When none is near, the names that hold
 * `want` (two characters or more) whole, up to three items (无废城市 in
 * 国家无废城市建设 and 省级无废城市建设: a plan's long names are often
 * written short); when none does, the one name `want` abbreviates
 * (diag_abbrev_pick), if any.  Every did-you-mean of planc is this
 * search, so a user is told alike of a rule's name, an adapting file's,
 * a region's in the data and a column's in its header. */
int diag_nearest(const char *want, const char *const *names, const uint32_t *owner, size_t n, int floor,
                 const char *pick[3]);

/* diag_nearest by spelling alone: the names near `want` by edit distance
 * (ASCII case first, ties up to three, none when more), not those that
 * hold it whole or that it abbreviates.  For a data file's header, where
 * a field holding a column's name is another column (pm25_max beside
 * pm25) or a line not split at all, not the name written short. */
int diag_nearest_spelt(const char *want, const char *const *names, const uint32_t *owner, size_t n, int floor,
                       const char *pick[3]);

/* "note: did you mean 'a'?" ('a' or 'b', 'a', 'b' or 'c') for what
 * diag_nearest picks, nothing when it picks none. */
void diag_hint_nearest(diag_ctx *d, const char *want, const char *const *names, const uint32_t *owner, size_t n,
                       int floor);

/* Did-you-mean for a name written short: `want` (two characters or more)
 * abbreviates a longer name when its characters (code points, so CJK
 * names compare by character) all occur in it in order (省发改委 in
 * 省发展改革委, 省住建厅 in 省住房城乡建设厅), and more so as its prefix
 * or suffix (生态环境厅 of 省生态环境厅).  Candidates are added one by
 * one (diag_abbrev_add) and the one meant is taken (diag_abbrev_pick). */
typedef struct diag_abbrev {
    const char *name[3];    /* the first subsequence, prefix, suffix match */
    uint32_t owner[3];      /* its item */
    unsigned count[3];      /* how many matches so, a second of another item
                               making it ambiguous */
} diag_abbrev;

/* Considers candidate `cand` of item `owner` (a region's aliases share
 * their region's) for the short name `want`. */
void diag_abbrev_add(diag_abbrev *a, const char *want, const char *cand, uint32_t owner);

/* The one name `want` abbreviates: the one item it is a subsequence of,
 * else the one it is a prefix of, else the one it is a suffix of; NULL
 * when none, or when more than one is (no guess on ambiguity). */
const char *diag_abbrev_pick(const diag_abbrev *a);

/* Prints an internal error (a bug or a broken tool planc relies on, not
 * bad input) to `err` in the driver's format: "planc: internal error: WHO:
 * MESSAGE" and a newline, in the driver's language (msgcat_tr: the
 * sentence in Chinese under --lang zh, `planc: 内部错误：WHO：`, and
 * MESSAGE when the catalog has it; LLVM's and the C compiler's texts, the
 * technical tail of a bug report, as they are). */
void diag_internal(FILE *err, const char *who, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_internalv(FILE *err, const char *who, const char *fmt, va_list ap);

/* MESSAGE of an internal error that diag_internal wrote for `who` into
 * text (what follows "planc: internal error: WHO: ", in either language),
 * or text itself when it does not start so: for a caller that quotes the
 * error inside a message of its own. */
const char *diag_internal_detail(const char *text, const char *who);

#endif
