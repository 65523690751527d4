/* ofile.h — output files written atomically: a temporary file beside the
 * target, renamed over it only when everything was written.  A failed run
 * never leaves a partial file and never replaces a good one. */
#ifndef PLANC_OFILE_H
#define PLANC_OFILE_H

#include <stdio.h>

typedef struct ofile ofile;

/* Opens a temporary file in the directory of `path`.  NULL after printing
 * why to `err`. */
ofile *ofile_open(const char *path, FILE *err);
FILE *ofile_stream(ofile *o);
/* Flushes, fsyncs and renames over `path`; frees o.  0, or -1 after
 * printing why (the temporary file is removed). */
int ofile_commit(ofile *o, FILE *err);
/* Removes the temporary file; frees o. */
void ofile_abort(ofile *o);

#endif
