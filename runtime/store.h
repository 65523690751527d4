/* store.h — the results history: an SQLite database of runs
 * (`planc run --store DB`, `planc history DB`, `planc compare DB A B`).
 *
 * A database holds the runs (when, which planc, the rules and data with
 * their SHA-256 hashes) and every result row of each run.  Its schema is
 * versioned (PRAGMA user_version) and marked as planc's (PRAGMA
 * application_id); another SQLite file, or one written by a newer planc, is
 * refused with a clear error.  The schema is in docs/OUTPUT.md.
 *
 * Concurrency: WAL mode, a busy timeout, and each run written in
 * IMMEDIATE transactions of at most STORE_PIECE_ROWS rows, the run marked
 * complete by the last, so several `planc run --store` may write one
 * database at once; each run gets its own id, and readers see all its
 * rows or none. */
#ifndef PLANC_STORE_H
#define PLANC_STORE_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "exec.h"
#include "ir.h"
#include "labels.h"
#include "table.h"

/* The schema version this planc writes and reads. */
#define STORE_SCHEMA_VERSION 9
/* PRAGMA application_id of a planc database ("plnc"). */
#define STORE_APPLICATION_ID 0x706c6e63
/* How long a writer waits for another to finish, in milliseconds, unless
 * the environment variable PLANC_STORE_TIMEOUT gives it in seconds (from 0
 * to STORE_MAX_TIMEOUT_S; another value is refused: store_open fails with
 * STORE_FAIL_FILE, a usage error). */
#define STORE_BUSY_TIMEOUT_MS 60000
#define STORE_MAX_TIMEOUT_S 86400
/* How many result rows a run records in one transaction of a database
 * that exists (docs/OUTPUT.md §5): its rows go in pieces, each committed
 * and checkpointed, so that the WAL stays the size of a piece instead of
 * growing to the size of the run (616 MB for 4,980,000 rows); the run
 * stays unseen (runs.complete = 0) until its last piece commits. */
#define STORE_PIECE_ROWS 100000

typedef struct store store;

/* Opens the database at `path`; with `create`, to record runs, making it
 * (and the schema) when it does not exist; else to read, leaving the file
 * as it is (an absent file is an error).  NULL after saying why on `err`
 * (not a planc database, a newer schema, cannot open).
 *
 * A database that does not exist is made under a temporary name beside
 * `path` and put in place with link(2) only when its first run commits
 * (store_commit); closed without one, it is removed, so a run that fails
 * leaves no database behind.  When another planc put a database at `path`
 * meanwhile, the run is recorded into that one instead. */
store *store_open(const char *path, bool create, FILE *err);

/* Why store_open failed: the command named a wrong file (absent to read,
 * a directory, not an SQLite database, not planc's, a newer schema: fix
 * the command), or the file could not be made, read or written (no
 * permission, a full disk or the file size limit, a lock held too long,
 * a damaged database: retry, or mend what is around it). */
typedef enum { STORE_FAIL_FILE, STORE_FAIL_IO } store_failure;

/* store_open, saying in *why (when not NULL) why it failed. */
store *store_open_why(const char *path, bool create, store_failure *why, FILE *err);
void store_close(store *s);

/* A rules file's bytes, as a run records them (its name as in the
 * manifest). */
typedef struct store_file {
    const char *name;
    const char *text;
    size_t len;
} store_file;

/* A data file a run read (schema version 8): its name as given
 * (/dev/stdin for -), its real path ("" unknown), the SHA-256 of the bytes
 * read, and the rules that read it (--read-with: their name as given,
 * the SHA-256 of their manifest and the manifest, as rules_hash makes
 * them; all "" when the scored rules read it). */
typedef struct store_data_file {
    const char *path, *resolved, *sha256;
    const char *read_with, *read_with_sha256, *read_with_files;
    const store_file *read_with_texts; /* schema version 9: the bytes of each file */
    size_t nread_with_texts;           /* of read_with_files, in its order */
} store_data_file;

/* An output a run wrote (schema version 8): -o's name as given
 * (/dev/stdout for standard output), its real path ("" unknown), the
 * format (csv, json, xlsx, html), the number of bytes and their SHA-256. */
typedef struct store_output {
    const char *path, *resolved, *format, *sha256;
    long long bytes;
} store_output;

/* What a run records besides its results. */
typedef struct store_run_info {
    const char *time;          /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
    const char *version;       /* planc's version */
    const char *rules_path, *rules_hash;   /* hash: 64 hex digits */
    const char *rules_files;   /* the manifest rules_hash is the hash of
                                  (report_source); NULL: "" */
    const char *rules_resolved, *data_resolved; /* real paths, "" unknown; NULL: "" */
    const char *data_path, *data_hash;
    const char *data_options;  /* how the data was read ("--data-year 2019 --na -"), "" for as is */
    const store_file *rules_texts; /* each rules file read, in the manifest's order */
    size_t nrules_texts;
    bool totals;               /* --store-rows totals: the rows of measures, sections and
                                  totals only, not the targets' */
    const store_data_file *data_files; /* each --data file, in the order given */
    size_t ndata_files;
    const store_output *outputs;       /* what the run wrote */
    size_t noutputs;
} store_run_info;

/* Starts the run's transaction and writes the run and all its result rows
 * (those of report_csv, in its order).  Nothing is visible to others until
 * store_commit; store_rollback (or closing) discards it.  Returns 0 and the
 * new run's id in *run_id, or -1 after saying why on `err` (the
 * transaction is then rolled back). */
int store_begin_run(store *s, const store_run_info *info, const ir_program *p,
                    const rt_table *t, const rt_result *r, long long *run_id, FILE *err);
/* Commits the run (store_commit_pending) and puts a new database in
 * place (store_publish).  0, or -1 after saying why. */
int store_commit(store *s, FILE *err);
/* Commits the run.  The first run of a new database stays under the
 * temporary name, with it, until store_publish (store_pending): so a
 * caller puts its output in place between the two, and a failure of
 * either leaves no database (store_forget_run then removes it) and no
 * new output.  0, or -1 after saying why (the run is rolled back). */
int store_commit_pending(store *s, FILE *err);
/* Whether the run committed is in a new database not yet in place. */
bool store_pending(const store *s);
/* Puts a new database, whose first run is committed, in place (link(2);
 * into another planc's database made there meanwhile, under its next
 * id: store_run).  Nothing to do for a database that exists.  0, or -1
 * after saying why, with the new database removed. */
int store_publish(store *s, FILE *err);
/* The id of the run the last store_begin_run started, as recorded: after
 * store_commit, it differs from the one store_begin_run gave when the run
 * went into a database another planc created meanwhile (store_open). */
long long store_run(const store *s);
/* Undoes the run store_begin_run started: its transaction is rolled back
 * and the pieces it committed already (a run into a database that exists
 * commits every STORE_PIECE_ROWS rows, unseen until store_commit) are
 * removed. */
void store_rollback(store *s);
/* How many rows a run commits at a time (STORE_PIECE_ROWS, or `rows` when
 * it is positive): for the tests, whose runs are a few rows. */
void store_set_piece_rows(store *s, long long rows);
/* Removes a committed run with its rows (in pieces, unseen from the
 * first): a run whose output file could not be put in place after it was
 * recorded (planc run commits the run first, then renames the file); the
 * first run of a new database not yet in place (store_pending) removes
 * the database.  0, or -1 after saying why on `err`. */
int store_forget_run(store *s, long long run_id, FILE *err);

/* Lists the runs, oldest first, as an aligned table, its headers in lang
 * (`planc history --lang`).  0, or -1 after saying why on `err`. */
int store_history(store *s, lbl_lang lang, FILE *out, FILE *err);

/* store_history with the hashes whole (`planc history --full`): 64 hex
 * digits, as sha256sum prints them, instead of their first 12. */
int store_history_full(store *s, lbl_lang lang, FILE *out, FILE *err);

/* What a run recorded of the files it read and wrote (planc verify), its
 * texts as the database holds them (not escaped). */
typedef struct store_record {
    long long id;
    char *time, *version, *plan;
    char *rules_path, *rules_sha256;
    char *rules_files;       /* the rules manifest; "" before schema version 3 */
    char *data_path, *data_sha256, *data_options;
    bool files_known;        /* the run recorded its data files and outputs
                                (schema version 8 on): data, outputs */
    store_data_file *data;   /* each --data file, in the order given */
    size_t ndata;
    store_output *outputs;   /* what it wrote: none for a run before version 8 */
    size_t noutputs;
} store_record;

/* Reads run `run`'s record (a run store_find_run found).  0, or -1 after
 * saying why on `err` (the database could not be read). */
int store_read_record(store *s, long long run, store_record *rec, FILE *err);
void store_record_free(store_record *rec);

/* The rules texts run `run` recorded, in their manifest's order: the
 * scored rules' (rules_texts) for file < 0, else those data file `file`
 * (its seq in data_files, from 0) was read with (reading_texts), each a
 * name and its bytes (malloc'd, with a NUL after them), into *files and
 * *n (planc restore).  0 (perhaps none); 1 when the database's schema
 * kept no such texts (before version 6, or 9 for a reading's), with none;
 * -1 after saying why on `err`.  Free them with store_texts_free. */
int store_read_texts(store *s, long long run, long long file, store_file **files, size_t *n, FILE *err);
void store_texts_free(store_file *files, size_t n);

/* Resolves a run named on the command line: a run id, "last" (the newest)
 * or "last~N" (N runs before it).  0; -1 after saying why on `err` (a
 * bad name, no such run); -2 when the database could not be read. */
int store_find_run(store *s, const char *name, long long *run_id, FILE *err);

/* The form of a comparison: the text (its words in a language), or one
 * JSON document for programs (docs/OUTPUT.md §5). */
typedef enum { STORE_COMPARE_TEXT, STORE_COMPARE_JSON } store_compare_format;

/* What `planc compare` is asked: the two runs, the years to pair, the
 * form, and the text's language and hashes.  The store keeps none of it:
 * the request goes to every part of the comparison. */
typedef struct store_compare_req {
    long long run[2];     /* RUN_A and RUN_B (one run twice: two of its years) */
    int year[2];          /* --year A --against-year B: run[0]'s rows of year A paired
                             with run[1]'s of year B; 0, 0: each year with the same year */
    store_compare_format format;
    lbl_lang lang;        /* the text's words (the JSON's keys and codes are English) */
    bool full;            /* the text's hashes whole, 64 hex digits, after the header's
                             lines that give their first 12 (--full; the JSON's always are) */
} store_compare_req;

/* Shows what changed from run[0] to run[1]: grades (and totals), statuses,
 * other scores, and rows only in one of them; deterministic, in result
 * order.  With years, run[0]'s rows of year[0] against run[1]'s of
 * year[1], paired by region, kind and id as the same-year form pairs them
 * (and the runs' renames): rows are labelled "沈阳 2023 → 2024 …", the
 * rows only one side has "only in 2023" ("only in run 1, 2023" for two
 * runs); both years must be among the runs' (store_run_year).  The JSON
 * form: the two runs, what changed in the header, each changed row in
 * result order with both sides' facts, and every row only one side has.
 * The whole comparison is made before its first byte is written: 0, or -1
 * after saying why on `err` with nothing written to `out`. */
int store_compare_request(store *s, const store_compare_req *rq, FILE *out, FILE *err);
/* store_compare_request of the text of runs a and b, year by year, in
 * lang (`planc compare DB A B --lang LANG`). */
int store_compare(store *s, long long a, long long b, lbl_lang lang, FILE *out, FILE *err);
/* Whether run `run` has rows of `year`: 0; -1 after saying it has not,
 * with the years it has ("2020–2027", in msgcat_lang()); -2 when the
 * database could not be read. */
int store_run_year(store *s, long long run, int year, FILE *err);

/* The run's time: SOURCE_DATE_EPOCH, when set to a number of seconds,
 * instead of the clock (for reproducible records and workbooks); read at
 * the first call and the same for the rest of the process, so that the
 * outputs of one run and its record agree. */
time_t store_time(void);

/* store_time() as store_run_info.time wants it (UTC, ISO 8601). */
void store_now(char buf[32]);

#endif
