/* restore.h — `planc restore DB RUN DIR`: writes the rules files a
 * recorded run read (the history's rules_texts, and reading_texts for the
 * rules a data file was read with) into a new directory DIR, laid out as
 * the run found them, after checking every text against the SHA-256 the
 * run recorded for it (docs/OUTPUT.md §5, Auditing a run). */
#ifndef PLANC_RESTORE_H
#define PLANC_RESTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "labels.h"
#include "store.h"

/* The texts of one set of rules as the history keeps them: the scored
 * rules' (reading < 0) or data file `reading`'s --read-with rules. */
typedef struct restore_set {
    long long reading;        /* -1, or the data file's index in the record */
    const store_file *files;  /* in the manifest's order, the file given first */
    size_t nfiles;
    bool recorded;            /* false: the schema kept no texts for it */
} restore_set;

/* What restore_run found. */
typedef enum {
    RESTORE_OK = 0,
    RESTORE_USAGE,       /* DIR exists and is not an empty directory */
    RESTORE_UNFAITHFUL,  /* the record cannot give the files back as read:
                            no texts, or texts not matching their hashes,
                            or a name planc will not write */
    RESTORE_WRITE        /* DIR could not be written */
} restore_status;

/* Writes the sets' files into the new directory dir: each at the path
 * the run read it by, relative to the directory planc run was started in
 * (the rules path as given, then each name of its manifest beside it;
 * a reading's beside its own rules path), so that the run's own command
 * line works again from dir.  Every text is checked first against its
 * manifest's SHA-256 and each manifest against the run's hash of it;
 * nothing is written unless all of them hold, and dir appears whole or
 * not at all (written under a temporary name beside it, then renamed).
 * Says what it wrote on out, why not on err, in lang.  The one warning
 * (a reading's rules the history kept no texts of, left out) stops it
 * before anything is written when `strict` (--warnings-as-errors):
 * RESTORE_UNFAITHFUL. */
restore_status restore_run(const store_record *rec, const restore_set *sets, size_t nsets, const char *db,
                           const char *dir, bool strict, lbl_lang lang, FILE *out, FILE *err);

#endif
