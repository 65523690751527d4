/* verify.h — `planc verify`: checks the files an auditor holds (the rules,
 * the data files and their readings, the outputs handed on) against what
 * a recorded run read and wrote, by SHA-256, and says of each whether it
 * is the run's (docs/OUTPUT.md §5, Auditing a run). */
#ifndef PLANC_VERIFY_H
#define PLANC_VERIFY_H

#include <stddef.h>
#include <stdio.h>

#include "labels.h"
#include "store.h"

/* A data file to check, with the rules it is read with (--read-with;
 * NULL: none given). */
typedef struct verify_data {
    const char *path, *read_with;
} verify_data;

/* The files to check against a run. */
typedef struct verify_files {
    const char *rules;            /* the rules file given to planc run, or NULL */
    const verify_data *data;      /* the --data files, in the order given */
    size_t ndata;
    const char *const *outputs;   /* files the run wrote (-o): a workbook, a page ... */
    size_t noutputs;
} verify_files;

/* What verify_run found. */
enum { VERIFY_MATCH = 0, VERIFY_MISMATCH = 1 };

/* Checks the files against run `rec`, a line per file on out: its full
 * SHA-256 and whether it is the one the run recorded (and, when not, the
 * hash the run recorded), then what the run recorded that was not given,
 * and a line of counts; its words in lang.  VERIFY_MATCH when every file
 * given is the run's, else VERIFY_MISMATCH (a file differs, cannot be
 * read, or is one of which the run recorded no hash). */
int verify_run(const store_record *rec, const verify_files *vf, lbl_lang lang, FILE *out);

#endif
