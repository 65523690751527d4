/* errstream.h — standard error as a program or a quiet log reads it
 * (planc run, explain, template and verify with --diagnostics json, -w or
 * --warnings-as-errors; docs/LANGUAGE.md §12).
 *
 * The checker's diagnostics go through diag.c, which writes JSON Lines
 * itself; the data reader's, the run's, the cache's and the history's are
 * written by many modules as text lines of one form:
 *
 *   [planc: | FILE: | FILE:LINE: | FILE:LINE:COL: ]LEVEL: MESSAGE
 *
 * LEVEL the level word of the messages' language (labels.h LBL_G_*),
 * followed by notes of the same form and lines that go on indented (a
 * hint, the source line under a checker's caret).  es_install puts a
 * stream in place of stderr that reads those lines as they are written and
 *
 *   - under json, writes each error or warning as one JSON object on a line
 *     of its own, with the members diag.h's JSON has ("level", "message",
 *     "file", "line", "column", "notes"), its notes and indented lines in
 *     "notes"; a line diag.c wrote as JSON already goes through as it is;
 *   - under no_warnings, leaves out each warning with its notes, and
 *     so each warning turned off by its name (warnings.h: a line that
 *     ends in " [-WNAME]"), whose name JSON gives as "name";
 *   - counts the warnings (es_warnings), for --warnings-as-errors.
 *
 * Everything else is written as it came, at once: the text form stays the
 * same bytes. */
#ifndef PLANC_ERRSTREAM_H
#define PLANC_ERRSTREAM_H

#include <stdbool.h>
#include <stdio.h>

#include "labels.h"

/* Puts the stream in place of stderr (glibc's stderr is a variable), the
 * level words read in `lang`.  False (stderr unchanged) when the stream
 * cannot be made. */
bool es_install(bool json, bool no_warnings, lbl_lang lang);
/* Writes what is pending (a JSON object awaiting its notes, a line without
 * its newline) and puts stderr back.  Also run at exit. */
void es_finish(void);
/* Ends the diagnostic being written (its JSON object written, a warning
 * left out no longer leaving out the lines after it): for a message of no
 * diagnostic before it that reads as a note ("planc: note: the workbook
 * is in English ..."), which would otherwise be taken for the last
 * warning's note and so left out under -w, or put among its notes. */
void es_end_message(void);
/* The warnings written to stderr since es_install (left out by -w or
 * not; one turned off by -Wno-NAME is not counted). */
unsigned es_warnings(void);
/* Of them, those that fail the command (warnings.h warn_fatal: all but
 * the cache's under --warnings-as-errors, those named by -Werror=NAME). */
unsigned es_fatal_warnings(void);
/* The stream standard error was before es_install (for the progress line,
 * which redraws a terminal's line and is no message); stderr without it. */
FILE *es_terminal(void);

#endif
