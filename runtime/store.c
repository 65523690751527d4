/* store.c — the results history in SQLite (see store.h).
 *
 * Every statement runs through a few helpers that report SQLite's message
 * with the database's name.  Writers take the write lock up front (BEGIN
 * IMMEDIATE) so that two runs never deadlock upgrading a read lock; the
 * busy timeout makes a writer wait for another instead of failing. */
#define _GNU_SOURCE /* renameat2, RENAME_NOREPLACE */
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "labels.h"
#include "manifest.h"
#include "msgcat.h"
#include "csv.h"
#include "json.h"
#include "msgcat.h"
#include "ofile.h"
#include "report.h"
#include "report_style.h"
#include "rtmem.h"
#include "warnings.h"

struct store {
    sqlite3 *db;
    char *path;
    long long version;    /* the database's schema version (1 is read as it is) */
    bool in_tx;           /* a run's transaction is open */
    bool readonly;        /* opened to read (history, compare): left as it is */
    bool checked;         /* check_intact found it whole */
    FILE *err;            /* where the busy handler says it waits */
    int waited_ms;        /* the busy handler's wait for the current lock */
    int timeout_ms;       /* how long it waits at most (lock_timeout_ms) */
    bool told;            /* it has said so */
    char *shown[16];      /* shown()'s buffers, used in turn */
    unsigned nshown;      /* the next one */
    char *made;           /* where a new database goes: path, or the file a
                             symbolic link at path names (ofile_absent_target) */
    char *tmp;            /* a new database made under this name beside made until
                             its first run commits (publish); NULL: db is path */
    int tmp_cleanup[4];   /* cleanup handles of tmp and its -journal, -wal, -shm */
    int tmp_fd;           /* tmp open and flock'ed exclusively while this planc may write it,
                             so that another tells it from one a killed planc left (sweep_stale);
                             -1: none */
    long long run_id;     /* the run store_begin_run started, under its id as recorded */
    bool wrong_file;      /* open failed for the file given, not for reading or writing it */
    int dir_fd;           /* the database's directory, flock'ed shared while this connection
                             records a run in pieces (writer_lock); -1: not open */
    bool pieces;          /* the current run commits its rows in pieces (store_begin_run) */
    bool partial;         /* some pieces of it are committed: a rollback removes them */
    long long piece_rows; /* rows per piece: STORE_PIECE_ROWS (store_set_piece_rows) */
};


/* The files SQLite may make beside a database, by the suffix of their
 * names: the rollback journal, the WAL and its index. */
static const char *const side_files[] = {"-journal", "-wal", "-shm"};

/* Says once that this run waits for another's lock on the database. */
static void say_waiting(store *s)
{
    if (s->told || !s->err)
        return;
    fprintf(s->err, msgcat_tr("planc: waiting for the results database '%s': another run holds its "
                              "lock (for up to %d s)\n"), s->path, s->timeout_ms / 1000);
    s->told = true;
}

/* SQLite's busy handler: waits for another run's lock in steps of 10 ms,
 * up to s->timeout_ms, and says once, after a second, what it
 * waits for (a run that stops for a minute without a word looks hung).
 * `tries` is 0 at the start of each wait. */
static int busy_wait(void *arg, int tries)
{
    store *s = arg;
    if (tries == 0)
        s->waited_ms = 0;
    if (s->waited_ms >= s->timeout_ms)
        return 0;
    if (s->waited_ms >= 1000)
        say_waiting(s);
    usleep(10000);
    s->waited_ms += 10;
    return 1;
}

/* Version 2 adds the data options to runs; version 3 the rules manifest
 * (the text rules_sha256 is the hash of; '' for a run recorded before,
 * whose rules_sha256 is of the files' bytes alone) and the real paths of
 * the rules and the data; version 4 each target row's tolerance (NULL for
 * a goal without one) and, on runs, whether the run recorded tolerances
 * (0 for a run recorded before, whose tolerance cells say nothing).  An
 * older database is brought up to the current version when a run is
 * recorded, and read as it is otherwise. */
static const char schema_v2_step[] =
    "ALTER TABLE runs ADD COLUMN data_options TEXT NOT NULL DEFAULT '';\n";
static const char schema_v3_step[] =
    "ALTER TABLE runs ADD COLUMN rules_files TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE runs ADD COLUMN rules_resolved TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE runs ADD COLUMN data_resolved TEXT NOT NULL DEFAULT '';\n";
static const char schema_v4_step[] =
    "ALTER TABLE runs ADD COLUMN records_tolerance INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE results ADD COLUMN tolerance REAL;\n";
/* Version 5: the targets each run's rules renamed (`override target OLD as
 * NEW` of an adapted plan), so that compare matches a target's rows across
 * a rename (none for a run recorded before); kind 'target'.  The regions
 * renamed or replaced (`override region OLD as NEW`, `region NEW replaces
 * OLD`) are rows of kind 'region' of the same table (a planc that reads
 * only kind 'target' ignores them: the schema stays version 5). */
static const char schema_v5_step[] =
    "CREATE TABLE renames (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"
    "  old TEXT NOT NULL,\n"
    "  new TEXT NOT NULL,\n"
    "  PRIMARY KEY (run, seq)\n"
    ") WITHOUT ROWID;\n";
/* Version 6: the indicator columns the data's header lacked, read as
 * missing cells under --allow-missing-columns (the JSON's
 * source.absent_columns), so that compare can say why a run's targets
 * became missing; records_absent tells a run that recorded none from one
 * recorded before the table existed (whose absent columns are unknown).
 * And the bytes of each rules file the run read, named as in its
 * manifest: the hashes say that the rules changed, the texts what
 * changed (planc diff on the files written out), from the history alone. */
static const char schema_v6_step[] =
    "ALTER TABLE runs ADD COLUMN records_absent INTEGER NOT NULL DEFAULT 0;\n"
    "CREATE TABLE absent_columns (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  data_column TEXT NOT NULL,\n"
    "  indicator TEXT NOT NULL,\n"
    "  PRIMARY KEY (run, seq)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE rules_texts (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  text BLOB NOT NULL,\n"
    "  PRIMARY KEY (run, seq)\n"
    ");\n";
/* Version 7: which rows a run recorded ('all', or 'totals': its measures,
 * sections and totals, not its targets: `--store-rows totals`), and
 * whether it is complete (0 while its rows are written in pieces, and for
 * a run whose planc was killed meanwhile: history and compare skip it, the
 * next writer removes it). */
static const char schema_v7_step[] =
    "ALTER TABLE runs ADD COLUMN stored TEXT NOT NULL DEFAULT 'all';\n"
    "ALTER TABLE runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;\n";
/* Version 8: each data file a run read, with its own hash and the rules
 * that read it (--read-with: named before, now hashed by their manifest
 * as the scored rules are), and each output file it wrote (-o: the CSV,
 * JSON, workbook or page, or standard output) with its size and hash, so
 * that `planc verify` checks the files an auditor holds against the run;
 * records_files tells a run that recorded them (1) from one recorded
 * before, whose files are known only by the runs columns. */
static const char schema_v8_step[] =
    "ALTER TABLE runs ADD COLUMN records_files INTEGER NOT NULL DEFAULT 0;\n"
    "CREATE TABLE data_files (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  path TEXT NOT NULL,\n"
    "  resolved TEXT NOT NULL,\n"
    "  sha256 TEXT NOT NULL,\n"
    "  read_with TEXT NOT NULL,\n"
    "  read_with_sha256 TEXT NOT NULL,\n"
    "  read_with_files TEXT NOT NULL,\n"
    "  PRIMARY KEY (run, seq)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE outputs (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  path TEXT NOT NULL,\n"
    "  resolved TEXT NOT NULL,\n"
    "  format TEXT NOT NULL,\n"
    "  bytes INTEGER NOT NULL,\n"
    "  sha256 TEXT NOT NULL,\n"
    "  PRIMARY KEY (run, seq)\n"
    ") WITHOUT ROWID;\n";

/* Version 9: the bytes of each rules file a data file was read with
 * (--read-with), as rules_texts keeps the scored rules': data_files names
 * the reading and hashes its manifest, the texts say what it read, so
 * that an auditor has the whole of what made a number from the history
 * alone.  `file` is the data file's seq in data_files; a table of its own
 * keeps rules_texts the scored rules' files alone (written out by name,
 * docs/OUTPUT.md §5, a reading's file could take the name of one). */
static const char schema_v9_step[] =
    "CREATE TABLE reading_texts (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  file INTEGER NOT NULL,\n"
    "  seq INTEGER NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  text BLOB NOT NULL,\n"
    "  PRIMARY KEY (run, file, seq)\n"
    ");\n";

/* The schema of version 1 (docs/OUTPUT.md describes it, with version 2's
 * step). */
static const char schema_v1[] =
    "CREATE TABLE runs (\n"
    "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "  time TEXT NOT NULL,\n"
    "  planc_version TEXT NOT NULL,\n"
    "  plan TEXT NOT NULL,\n"
    "  rules_path TEXT NOT NULL,\n"
    "  rules_sha256 TEXT NOT NULL,\n"
    "  data_path TEXT NOT NULL,\n"
    "  data_sha256 TEXT NOT NULL,\n"
    "  data_rows INTEGER NOT NULL,\n"
    "  result_rows INTEGER NOT NULL\n"
    ");\n"
    "CREATE TABLE results (\n"
    "  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  region TEXT NOT NULL,\n"
    "  year INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL,\n"
    "  id TEXT NOT NULL,\n"
    "  name TEXT, clause TEXT, lead TEXT, status TEXT,\n"
    "  value REAL, unit TEXT, goal REAL, expected REAL, score REAL, weight REAL,\n"
    "  grade TEXT, vetoes TEXT,\n"
    "  PRIMARY KEY (run, seq)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX results_key ON results(run, region, year, kind, id);\n";

/* What to do about SQLite's error `code`, for a reader of another
 * language than SQLite's own (msgcat.h): the message gives SQLite's
 * English text as it is, quoted as the cause, and this says in the
 * reader's words what it means for the database.  English gives the text
 * alone (its words are SQLite's), so this is "" in English. */
static const char *db_advice(int code)
{
    if (msgcat_lang() == LBL_EN)
        return "";
    switch (code & 0xff) {
    case SQLITE_FULL: return msgcat_tr(" (the disk is full: make room there and run again)");
    case SQLITE_IOERR: return msgcat_tr(" (the disk could not be read or written: check the disk and run again)");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return msgcat_tr(" (the database may not be written: check the permissions of the file and its directory)");
    case SQLITE_CANTOPEN:
        return msgcat_tr(" (the database cannot be opened: check its path and the permissions of its directory)");
    case SQLITE_NOTADB: return msgcat_tr(" (the file is not an SQLite database: check the name of the database given)");
    case SQLITE_NOMEM: return msgcat_tr(" (out of memory: close other programs and run again)");
    case SQLITE_LOCKED:
    case SQLITE_BUSY: return msgcat_tr(" (another run holds its lock: run again later)");
    default: return msgcat_tr(" (run again; if the error stays, restore the database from a backup)");
    }
}

/* Reports SQLite's last error on `err`: "planc: error: DB: WHAT: message",
 * saying so when the database is damaged (history and compare read it
 * as it is, and find a damaged page only when they read it). */
static void db_error(const store *s, const char *what, FILE *err)
{
    int code = sqlite3_errcode(s->db);
    if (code == SQLITE_BUSY) {
        /* the busy handler gave up: another run held the lock too long */
        csv_message(err, "planc: error: %s: %s: %s (another run held its lock for over %d s: retry "
                "later; PLANC_STORE_TIMEOUT sets how many seconds planc waits)\n", s->path, msgcat_tr(what),
                sqlite3_errmsg(s->db), s->timeout_ms / 1000);
        return;
    }
    csv_message(err, "planc: error: %s: %s: %s%s\n", s->path, msgcat_tr(what), sqlite3_errmsg(s->db),
            code == SQLITE_CORRUPT ? msgcat_tr(" (the database is damaged: restore it from a backup)")
                                   : db_advice(code));
}

/* Runs SQL without results; false after reporting. */
static bool exec_sql(store *s, const char *sql, const char *what, FILE *err)
{
    if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        db_error(s, what, err);
        return false;
    }
    return true;
}

/* The integer result of a one-value query (a PRAGMA); false after
 * reporting. */
static bool query_int(store *s, const char *sql, long long *v, FILE *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read it", err);
        return false;
    }
    int rc = sqlite3_step(st);
    *v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        db_error(s, "cannot read it", err);
        return false;
    }
    return true;
}

/* The application id, the schema version and the number of schema objects,
 * read in one statement so that they come from one snapshot (another
 * planc may be creating the schema meanwhile).  False after reporting. */
static bool read_header(store *s, long long *app, long long *ver, long long *nobj, FILE *err)
{
    sqlite3_stmt *st;
    const char *sql = "SELECT (SELECT application_id FROM pragma_application_id), "
                      "(SELECT user_version FROM pragma_user_version), "
                      "(SELECT count(*) FROM sqlite_master)";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read it", err);
        return false;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *app = sqlite3_column_int64(st, 0);
        *ver = sqlite3_column_int64(st, 1);
        *nobj = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) {
        db_error(s, "cannot read it", err);
        return false;
    }
    return true;
}

/* Sets WAL mode unless it is set, retrying while another connection holds
 * the lock it needs (the busy handler does not cover this pragma). */
static bool set_wal(store *s, FILE *err)
{
    for (int waited = 0;; waited += 10) {
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(st);
            sqlite3_finalize(st);
        }
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            return true;
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= s->timeout_ms) {
            db_error(s, "cannot switch to WAL mode", err);
            return false;
        }
        if (waited >= 1000)
            say_waiting(s);
        usleep(10000);
    }
}

/* The name SQLite is given for the file at `path`: the path, or
 * "./path" when it begins with "file:", which SQLite built to read URI
 * file names (as Debian's is) takes for a URI ("--store file:h.db"
 * opened and recorded into h.db, and the copy of an upgrade went to
 * another name than the one said).  malloc'd. */
static char *sqlite_name(const char *path)
{
    bool uri = strncmp(path, "file:", 5) == 0;
    char *name = rt_xmalloc(strlen(path) + 3, 1);
    sprintf(name, "%s%s", uri ? "./" : "", path);
    return name;
}

/* Keeps a copy of the database at s->path, of schema version `ver`, before
 * upgrade changes it, and returns its name (malloc'd): "DB.schema-VER.bak"
 * beside it, else (a copy of that name is there already, from an earlier
 * upgrade or the administrator, and is never replaced) "DB.schema-VER.2.bak"
 * and on.  Written by VACUUM INTO through a second connection, which
 * reads the last commit: this one holds the write lock (upgrade), so that
 * is the database the upgrade starts from, and SQLite refuses to copy
 * through a connection in a write transaction.  The copy gets the
 * database's permissions (a private history stays private) and is removed
 * if a signal ends planc while it is written.  NULL after saying why it
 * cannot be made (a directory planc may not write, a full disk): the
 * caller then does not upgrade. */
static char *keep_copy(store *s, long long ver, FILE *err)
{
    size_t n = strlen(s->path) + 48;
    char *copy = rt_xmalloc(n, 1);
    struct stat st;
    mode_t mode = stat(s->path, &st) == 0 ? st.st_mode & 07777 : 0600;
    /* the file made here, empty, with the database's permissions, for
     * VACUUM INTO to fill: SQLite made it with its own (0644 less the
     * umask) and the copy of a private history was readable by anyone
     * while it was written, or for good when the chmod after failed */
    int fd = -1, open_errno = 0, i = 1;
    for (; i < 100; i++) {
        if (i == 1)
            snprintf(copy, n, "%s.schema-%lld.bak", s->path, ver);
        else
            snprintf(copy, n, "%s.schema-%lld.%d.bak", s->path, ver, i);
        fd = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0700);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    open_errno = errno;
    const char *why = NULL;
    sqlite3 *db = NULL;
    sqlite3_stmt *vacuum = NULL;
    int cleanup = -1;
    char *main_name = sqlite_name(s->path), *copy_name = sqlite_name(copy);
    if (fd >= 0) {
        cleanup = cleanup_file(copy);
        fchmod(fd, mode);
        close(fd);
    }
    if (i == 100) {
        why = msgcat_strerror(msgcat_lang(), EEXIST);
    } else if (fd < 0) {
        why = msgcat_strerror(msgcat_lang(), open_errno);
    } else if (sqlite3_open_v2(main_name, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
               sqlite3_prepare_v2(db, "VACUUM INTO ?1", -1, &vacuum, NULL) != SQLITE_OK ||
               sqlite3_bind_text(vacuum, 1, copy_name, -1, SQLITE_STATIC) != SQLITE_OK) {
        why = db ? sqlite3_errmsg(db) : msgcat_strerror(msgcat_lang(), ENOMEM);
    } else {
        sqlite3_busy_timeout(db, s->timeout_ms);
        if (sqlite3_step(vacuum) != SQLITE_DONE)
            why = sqlite3_errmsg(db);
    }
    if (why) {
        csv_message(err, "planc: error: %s: not upgraded from schema version %lld to %d: cannot keep a copy "
                         "of it first in '%s': %s (nothing was changed: make room, or make its directory "
                         "writable)\n", s->path, ver, STORE_SCHEMA_VERSION, copy, why);
        if (cleanup >= 0)
            unlink(copy);
        free(copy);
        copy = NULL;
    }
    if (cleanup >= 0)
        cleanup_done(cleanup);
    sqlite3_finalize(vacuum);
    sqlite3_close(db);
    free(main_name);
    free(copy_name);
    return copy;
}

/* Brings an older database to the current version (a writer does, under the write
 * lock; another may have done it meanwhile), after keeping a copy of it
 * (keep_copy) and saying so.  False after reporting. */
static bool upgrade(store *s, FILE *err)
{
    long long ver;
    if (!set_wal(s, err) || !exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it", err))
        return false;
    if (!query_int(s, "SELECT user_version FROM pragma_user_version", &ver, err)) {
        exec_sql(s, "ROLLBACK", "cannot roll back", err);
        return false;
    }
    char *copy = NULL;
    if (ver < STORE_SCHEMA_VERSION) {
        if (!(copy = keep_copy(s, ver, err))) {
            exec_sql(s, "ROLLBACK", "cannot roll back", err);
            return false;
        }
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d;", STORE_SCHEMA_VERSION);
        if ((ver < 2 && !exec_sql(s, schema_v2_step, "cannot upgrade the schema", err)) ||
            (ver < 3 && !exec_sql(s, schema_v3_step, "cannot upgrade the schema", err)) ||
            (ver < 4 && !exec_sql(s, schema_v4_step, "cannot upgrade the schema", err)) ||
            (ver < 5 && !exec_sql(s, schema_v5_step, "cannot upgrade the schema", err)) ||
            (ver < 6 && !exec_sql(s, schema_v6_step, "cannot upgrade the schema", err)) ||
            (ver < 7 && !exec_sql(s, schema_v7_step, "cannot upgrade the schema", err)) ||
            (ver < 8 && !exec_sql(s, schema_v8_step, "cannot upgrade the schema", err)) ||
            (ver < 9 && !exec_sql(s, schema_v9_step, "cannot upgrade the schema", err)) ||
            !exec_sql(s, pragma, "cannot upgrade the schema", err)) {
            exec_sql(s, "ROLLBACK", "cannot roll back", err);
            unlink(copy); /* the database is as it was: the next upgrade copies it again */
            free(copy);
            return false;
        }
    }
    if (!exec_sql(s, "COMMIT", "cannot upgrade the schema", err)) {
        if (copy)
            unlink(copy);
        free(copy);
        return false;
    }
    if (copy)
        csv_message(err, "planc: note: %s: its schema is upgraded from version %lld to %d; the database as it "
                         "was is kept in '%s' (for an older planc; remove it when no longer needed)\n",
                    s->path, ver, STORE_SCHEMA_VERSION, copy);
    free(copy);
    return true;
}

/* Writes the rows of query `sql` on db to f, one line per row, the
 * columns joined by " | "; SQLITE_DONE, or SQLite's error code. */
static int rows_text(sqlite3 *db, const char *sql, FILE *f)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    int ncol = sqlite3_column_count(st);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int k = 0; k < ncol; k++) {
            const unsigned char *v = sqlite3_column_text(st, k);
            fprintf(f, "%s%s", k ? " | " : "", v ? (const char *)v : "");
        }
        fputc('\n', f);
    }
    sqlite3_finalize(st);
    return rc;
}

/* The rows of `sql` on db as rows_text writes them, in a string
 * (malloc'd), NULL on error. */
static char *query_text(sqlite3 *db, const char *sql)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return NULL;
    int rc = rows_text(db, sql, f);
    if (fclose(f) != 0 || rc != SQLITE_DONE) {
        free(text);
        return NULL;
    }
    return text;
}

/* The tables of db (SQLite's own left out) with their columns, one line
 * per column (table, position, name, type, NOT NULL, default, primary key
 * position) in order: what history and compare rely on, not how the
 * CREATE statements were spelt.  malloc'd, NULL on error. */
static char *schema_text(sqlite3 *db)
{
    return query_text(db, "SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", "
                          "ifnull(p.dflt_value, '-'), p.pk FROM sqlite_master AS m, "
                          "pragma_table_info(m.name) AS p WHERE m.type = 'table' AND "
                          "m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, p.cid");
}

/* The other objects of db's schema (SQLite's own left out), one line each:
 * type, name and table, an index with its uniqueness, whether it is
 * partial, and its columns with their order and collation.  malloc'd, NULL
 * on error. */
static char *objects_text(sqlite3 *db)
{
    return query_text(db, "SELECT m.type, m.name, m.tbl_name, (SELECT l.\"unique\" || ' ' || "
                          "l.partial FROM pragma_index_list(m.tbl_name) AS l WHERE l.name = m.name), "
                          "(SELECT group_concat(x.seqno || ' ' || x.cid || ' ' || ifnull(x.name, '-') "
                          "|| ' ' || x.\"desc\" || ' ' || x.coll || ' ' || x.key, ', ') FROM "
                          "pragma_index_xinfo(m.name) AS x) FROM sqlite_master AS m WHERE m.type <> "
                          "'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.type, m.name");
}

/* Whether each line of `have` is a line of `want`. */
static bool lines_within(const char *have, const char *want)
{
    for (const char *l = have; *l;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) + 1 : strlen(l);
        bool found = false;
        for (const char *w = want; *w && !found;) {
            const char *wn = strchr(w, '\n');
            size_t m = wn ? (size_t)(wn - w) + 1 : strlen(w);
            found = m == n && memcmp(w, l, n) == 0;
            w += m;
        }
        if (!found)
            return false;
        l += n;
    }
    return true;
}

/* Whether the database's schema is the one planc makes for schema
 * version ver (schema_text), as made anew in a private in-memory database: one
 * with planc's application id but another schema (made elsewhere, or
 * changed by hand: a column without NOT NULL, a trigger) is not read, since history
 * and compare trust what the schema guarantees.  False after reporting. */
static bool same_schema(store *s, long long ver, FILE *err)
{
    sqlite3 *mem = NULL;
    char *want = NULL, *have = NULL, *want_obj = NULL, *have_obj = NULL;
    bool ok = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
              sqlite3_exec(mem, schema_v1, NULL, NULL, NULL) == SQLITE_OK &&
              (ver < 2 || sqlite3_exec(mem, schema_v2_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (ver < 3 || sqlite3_exec(mem, schema_v3_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (ver < 4 || sqlite3_exec(mem, schema_v4_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (ver < 5 || sqlite3_exec(mem, schema_v5_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (ver < 6 || sqlite3_exec(mem, schema_v6_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (ver < 7 || sqlite3_exec(mem, schema_v7_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (ver < 8 || sqlite3_exec(mem, schema_v8_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (ver < 9 || sqlite3_exec(mem, schema_v9_step, NULL, NULL, NULL) == SQLITE_OK) &&
              (want = schema_text(mem)) != NULL && (want_obj = objects_text(mem)) != NULL;
    sqlite3_close(mem);
    if (!ok) {
        free(want);
        free(want_obj);
        csv_message(err, "planc: error: %s: cannot make planc's schema to compare it with\n", s->path);
        return false;
    }
    have = schema_text(s->db);
    have_obj = have ? objects_text(s->db) : NULL;
    if (!have_obj) {
        free(want);
        free(want_obj);
        free(have);
        db_error(s, "cannot read its schema", err);
        return false;
    }
    /* the tables exactly; of the other objects only planc's own (its index
     * may be missing from a database made by hand: compare reads it
     * without, key_index) */
    ok = strcmp(want, have) == 0 && lines_within(have_obj, want_obj);
    s->wrong_file = !ok;
    if (!ok)
        csv_message(err, "planc: error: %s: not a planc results database (it has planc's application "
                     "id, but its schema differs from the one planc makes)\n", s->path);
    free(want);
    free(want_obj);
    free(have);
    free(have_obj);
    return ok;
}

/* The largest database a writer checks whole (PRAGMA quick_check reads
 * every page: about 10 ms per MB, docs/OUTPUT.md §5); a larger one
 * has its schema, its runs and its renames checked, not its results. */
#define STORE_FULL_CHECK_BYTES ((long long)64 << 20)

/* Checks, before a writer changes anything, that the database is not
 * damaged: SQLite's quick_check of the whole file when it is at most
 * STORE_FULL_CHECK_BYTES, else of the tables other than the results (the
 * schema is read on every open).  A damaged database is refused as it is:
 * a run written into it may land on a broken page and be lost, or damage
 * more.  False after reporting. */
static bool check_intact(store *s, FILE *err)
{
    struct stat st;
    bool whole = stat(s->path, &st) != 0 || (long long)st.st_size <= STORE_FULL_CHECK_BYTES;
    static const char *const parts[] = {"PRAGMA quick_check(1)", "PRAGMA quick_check(runs)",
                                        "PRAGMA quick_check(renames)"};
    size_t from = whole ? 0 : 1, to = whole ? 1 : s->version >= 5 ? 3 : 2;
    for (size_t i = from; i < to; i++) {
        sqlite3_stmt *q;
        int rc = sqlite3_prepare_v2(s->db, parts[i], -1, &q, NULL);
        const char *what = NULL;
        char *problem = NULL;
        if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
            what = (const char *)sqlite3_column_text(q, 0);
            if (what && strcmp(what, "ok") != 0)
                problem = rt_xstrdup(what);
        } else {
            problem = rt_xstrdup(sqlite3_errmsg(s->db));
        }
        sqlite3_finalize(q);
        if (problem) {
            /* its first problem, without the heading of the whole text
             * ("*** in database main ***") */
            const char *p = problem;
            if (strncmp(p, "*** ", 4) == 0 && strchr(p, '\n'))
                p = strchr(p, '\n') + 1;
            size_t n = strcspn(p, "\n");
            csv_message(err, "planc: error: %s: the database is damaged (SQLite's quick_check: %.*s%s); "
                         "planc records no run into it and leaves it as it is: restore it from a "
                         "backup, or give --store a new database\n",
                    s->path, (int)(n > 300 ? 300 : n), p, n > 300 || p[n] ? " ..." : "");
            free(problem);
            return false;
        }
    }
    s->checked = true;
    return true;
}

/* Checks that the database is planc's, of our schema version; with
 * `create`, writes the schema into an empty database.  False after
 * reporting.  The header and the tables are read in one read transaction,
 * so from one snapshot: another planc may upgrade an older database
 * between two statements, and a version read before its commit with the
 * tables read after it was "not a planc results database". */
static bool check_schema(store *s, bool create, FILE *err)
{
    long long app, ver, nobj;
    if (!exec_sql(s, "BEGIN", "cannot read it", err))
        return false;
    bool read = read_header(s, &app, &ver, &nobj, err);
    /* a version this planc reads: its tables (same_schema says why not) */
    bool ours = read && app == STORE_APPLICATION_ID && ver >= 1 && ver <= STORE_SCHEMA_VERSION;
    bool schema_ok = ours && same_schema(s, ver, err);
    if (!read) {
        /* the error is the file's (not a database: store_open's exit 2),
         * before ending the transaction replaces SQLite's error code */
        s->wrong_file = s->wrong_file || sqlite3_errcode(s->db) == SQLITE_NOTADB;
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return false;
    }
    if (!exec_sql(s, "COMMIT", "cannot read it", err))
        return false;
    if (app == 0 && ver == 0 && nobj == 0) {
        if (!create) {
            s->wrong_file = true;
            csv_message(err, "planc: error: %s: an empty database, not a planc results database\n", s->path);
            return false;
        }
        /* make the schema once, even when several planc start at once:
         * whoever gets the write lock first creates it, the others find it
         * (a new database under its temporary name is ours alone, and
         * stays in rollback mode until publish: a commit then lands in
         * the one file that is put in place) */
        if ((!s->tmp && !set_wal(s, err)) || !exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it", err))
            return false;
        if (!query_int(s, "SELECT count(*) FROM sqlite_master", &nobj, err)) {
            exec_sql(s, "ROLLBACK", "cannot roll back", err);
            return false;
        }
        if (nobj == 0) {
            char pragmas[128];
            snprintf(pragmas, sizeof pragmas, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
                     STORE_APPLICATION_ID, STORE_SCHEMA_VERSION);
            if (!exec_sql(s, schema_v1, "cannot create the schema", err) ||
                !exec_sql(s, schema_v2_step, "cannot create the schema", err) ||
                !exec_sql(s, schema_v3_step, "cannot create the schema", err) ||
                !exec_sql(s, schema_v4_step, "cannot create the schema", err) ||
                !exec_sql(s, schema_v5_step, "cannot create the schema", err) ||
                !exec_sql(s, schema_v6_step, "cannot create the schema", err) ||
                !exec_sql(s, schema_v7_step, "cannot create the schema", err) ||
                !exec_sql(s, schema_v8_step, "cannot create the schema", err) ||
                !exec_sql(s, schema_v9_step, "cannot create the schema", err) ||
                !exec_sql(s, pragmas, "cannot create the schema", err)) {
                exec_sql(s, "ROLLBACK", "cannot roll back", err);
                return false;
            }
        }
        if (!exec_sql(s, "COMMIT", "cannot create the schema", err))
            return false;
        return check_schema(s, false, err);
    }
    if (app != STORE_APPLICATION_ID) {
        s->wrong_file = true;
        csv_message(err, "planc: error: %s: not a planc results database (it is another SQLite "
                     "database: application_id %lld)\n", s->path, app);
        return false;
    }
    if (ver > STORE_SCHEMA_VERSION) {
        s->wrong_file = true;
        csv_message(err, "planc: error: %s: written by a newer planc (schema version %lld; this planc "
                     "reads version %d)\n", s->path, ver, STORE_SCHEMA_VERSION);
        return false;
    }
    if (ver >= 1 && ver < STORE_SCHEMA_VERSION && create) {
        s->version = ver;
        return schema_ok && check_intact(s, err) && upgrade(s, err) && check_schema(s, false, err);
    }
    if (ver < 1) {
        s->wrong_file = true;
        csv_message(err, "planc: error: %s: a planc results database with an unknown schema version %lld\n",
                s->path, ver);
        return false;
    }
    if (!schema_ok)
        return false;
    s->version = ver;
    /* a reader leaves the file as it is (an archived database keeps its
     * bytes and its journal mode); a writer first checks that it is not
     * damaged (a database just upgraded was checked before) */
    if (s->readonly || s->tmp)
        return true;
    return (s->checked || check_intact(s, err)) && set_wal(s, err);
}

/* The size of a piece of the WAL index, DB-shm, that SQLite writes beside
 * a WAL database (its first piece as soon as it opens the database). */
#define STORE_SHM_BYTES 32768

/* Whether the file size limit (ulimit -f) leaves room for what opening
 * the database at `path` writes: the WAL index, and for a writer (create)
 * the database file as it is (a commit copies its pages back into it).
 * Below that, SQLite failed with 'disk I/O error' ('cannot lock it',
 * 'cannot read it') and left a truncated DB-shm and an empty DB-wal
 * behind; refused here, nothing is written.  False after saying why. */
static bool fits_open_limit(const char *path, bool create, FILE *err)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return true;
    unsigned long long limit = (unsigned long long)rl.rlim_cur, need = STORE_SHM_BYTES;
    struct stat st;
    bool size = create && stat(path, &st) == 0 && (unsigned long long)st.st_size > need;
    if (size)
        need = (unsigned long long)st.st_size;
    if (limit >= need)
        return true;
    if (size)
        csv_message(err, "planc: error: %s: cannot record a run: the database holds %llu bytes, beyond the "
                "file size limit (ulimit -f) of %llu bytes\n", path, need, limit);
    else
        csv_message(err, "planc: error: %s: cannot %s: the file size limit (ulimit -f) of %llu bytes is "
                "below the %d bytes of the index SQLite writes beside the database (%s-shm)\n", path,
                msgcat_tr(create ? "record a run" : "read it"), limit, STORE_SHM_BYTES, path);
    return false;
}

/* Whether the file name of the database at `path` (the file a symbolic
 * link names, when it is one: SQLite names its files beside that) leaves
 * room for the names SQLite gives the files it writes beside the database
 * ("-journal", "-wal", "-shm"): a name longer than 255 bytes less the
 * longest suffix cannot be recorded into, since SQLite's journal could
 * not be made, and SQLite's own error says only "unable to open database
 * file".  False after saying the limit. */
static bool fits_name_limit(const char *path, FILE *err)
{
    char *real = realpath(path, NULL);
    char *made = real ? NULL : ofile_absent_target(path);
    const char *name = real ? real : made ? made : path;
    const char *slash = strrchr(name, '/');
    size_t n = strlen(slash ? slash + 1 : name), most = 255 - strlen(side_files[0]);
    if (n > most)
        csv_message(err, "planc: error: %s: cannot record a run: the file name is %zu bytes long, and SQLite "
                "names files beside the database by adding up to %zu bytes to it ('%s'), beyond the 255 bytes "
                "a file name may have: give a name of at most %zu bytes\n", path, n, strlen(side_files[0]),
                side_files[0], most);
    free(real);
    free(made);
    return n <= most;
}

/* Why a database that does not exist cannot be created at path, as -o says
 * it of an output file (SQLite's "unable to open database file" does not):
 * its directory is missing, is no directory or takes no new file.  False
 * when the directory looks usable. */
static bool create_problem(const char *path, FILE *err)
{
    char *dir = rt_xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        strcpy(dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    struct stat st;
    bool bad = true;
    if (stat(dir, &st) != 0 && errno == ENOENT)
        csv_message(err, "planc: error: %s: cannot create it: directory '%s' does not exist\n", path, dir);
    else if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
        csv_message(err, "planc: error: %s: cannot create it: '%s' is not a directory\n", path, dir);
    else if (access(dir, W_OK | X_OK) != 0)
        csv_message(err, "planc: error: %s: cannot create it: no permission to create files in '%s'\n",
                path, dir);
    else
        bad = false;
    free(dir);
    return bad;
}

/* Sets up a connection planc opened (s->db): a database from elsewhere is
 * untrusted, so what its schema names runs without functions of side
 * effects, and it cannot be damaged on purpose through its schema; and the
 * busy handler that waits for other writers. */
static void configure(store *s)
{
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    sqlite3_busy_handler(s->db, busy_wait, s);
}

/* The name of file `path` with `suffix` ("-wal"), malloc'd. */
static char *suffixed(const char *path, const char *suffix)
{
    size_t n = strlen(path) + strlen(suffix) + 1;
    char *name = rt_xmalloc(n, 1);
    snprintf(name, n, "%s%s", path, suffix);
    return name;
}

/* Removes the temporary file of a new database that was not put in place
 * (s->tmp) and what SQLite made beside it, and forgets them; the
 * connection to it must be closed. */
static void discard_tmp(store *s)
{
    if (!s->tmp)
        return;
    for (size_t i = 0; i < sizeof side_files / sizeof *side_files; i++) {
        char *side = suffixed(s->tmp, side_files[i]);
        unlink(side);
        free(side);
    }
    unlink(s->tmp);
    for (size_t i = 0; i < 4; i++)
        cleanup_done(s->tmp_cleanup[i]);
    free(s->tmp);
    s->tmp = NULL;
    if (s->tmp_fd >= 0)
        close(s->tmp_fd); /* and its lock: after SQLite's own descriptors of it are closed */
    s->tmp_fd = -1;
}

/* Removes the temporary databases a planc killed during the first run into
 * the database at `db` left beside it (make_tmp's ".NAME.XXXXXX", and
 * the journal SQLite made beside one): SIGKILL or a crash runs no clean-up
 * (cleanup.h), and each such file would stay for good.  A planc that may
 * still write its temporary database holds an exclusive flock(2) on it
 * until it is done with it (make_tmp), which ends with the process: a
 * file this one can lock is no one's (ofile_sweep, which -o's temporary
 * files are swept by too). */
static void sweep_stale(const char *db)
{
    ofile_sweep(db, side_files, sizeof side_files / sizeof *side_files);
}

/* Makes the file of a new database at s->path under a temporary name
 * beside it (s->tmp, "DIR/.NAME.XXXXXX", in the same directory so that
 * link(2) can put it in place), empty and with the mode SQLite gives a new
 * database (0644 less the umask); it and the files SQLite will make beside
 * it are removed if a signal ends planc.  False after saying why, as -o
 * says it of an output file. */
static bool make_tmp(store *s, FILE *err)
{
    const char *slash = strrchr(s->made, '/');
    size_t prefix = slash ? (size_t)(slash - s->made) + 1 : 0, n = strlen(s->made) + 9;
    char *tmp = rt_xmalloc(n, 1);
    memcpy(tmp, s->made, prefix);
    /* the name shortened to leave room for SQLite's "-journal" (ofile_temp_stem) */
    snprintf(tmp + prefix, n - prefix, ".%.*s.XXXXXX", (int)ofile_temp_stem(s->made + prefix), s->made + prefix);
    /* locked until discard_tmp (sweep_stale): a file another planc
     * removed between mkstemp and flock, taking it for a killed one's, is
     * no longer named so once locked, and another is made */
    int fd = ofile_make_locked(tmp);
    if (fd < 0) {
        int e = errno;
        if (!create_problem(s->made, err))
            csv_message(err, "planc: error: %s: cannot create it: %s\n", s->made, msgcat_strerror(msgcat_lang(), e));
        free(tmp);
        return false;
    }
    mode_t mask = umask(022);
    umask(mask);
    fchmod(fd, 0644 & ~mask);
    s->tmp_fd = fd;
    s->tmp = tmp;
    s->tmp_cleanup[0] = cleanup_file(tmp);
    for (size_t i = 0; i < sizeof side_files / sizeof *side_files; i++) {
        char *side = suffixed(tmp, side_files[i]);
        s->tmp_cleanup[i + 1] = cleanup_file(side);
        free(side);
    }
    return true;
}

/* Whether `run --store` may record into the database at `path` (true
 * when there is none yet): not when it is kept read-only — no write
 * permission for anyone, which SQLite ignores for root as access() does,
 * or none for this user — as an output file kept read-only is not
 * replaced (ofile.c): an archived history, or the one handed to an
 * auditor, is not changed by a run that names it.  False after saying
 * why and the way on (a writable copy). */
static bool writable(const char *path, FILE *err)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return true;
    bool readonly = (st.st_mode & 0222) == 0;
    if (!readonly && (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 ||
                      (errno != EACCES && errno != EPERM)))
        return true;
    csv_message(err, "planc: error: %s: cannot record a run: you may not write it (mode %04o), and "
                     "planc does not change a database kept read-only: make it writable (chmod u+w), "
                     "or record into a writable copy\n", path, (unsigned)(st.st_mode & 07777));
    return false;
}

/* Whether a reader (history, compare) must read the database at `path`
 * as immutable: SQLite opens a WAL database only when it may make its
 * index DB-shm (or finds it) beside it, and an archived database in a
 * directory the user may not write (a read-only mount, another user's
 * directory, a file kept read-only) was "attempt to write a readonly
 * database".  Only when no DB-wal is there: the file then holds every
 * run, and reading it alone, without the index, sees them all. */
static bool read_immutable(const char *path)
{
    char *wal = suffixed(path, "-wal");
    bool no_wal = access(wal, F_OK) != 0 && errno == ENOENT;
    free(wal);
    if (!no_wal)
        return false;
    char *dir = rt_xstrdup(path), *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    bool dir_ok = faccessat(AT_FDCWD, slash ? dir : ".", W_OK, AT_EACCESS) == 0;
    free(dir);
    return !dir_ok || faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0;
}

/* The URI "file:///PATH?immutable=1" of the file `path`, its absolute
 * path with every byte but an unreserved one or '/' %-escaped (a '?', '#'
 * or '%' in a name is the URI's own); malloc'd, NULL when the path cannot
 * be resolved. */
static char *immutable_uri(const char *path)
{
    char *real = realpath(path, NULL);
    if (!real)
        return NULL;
    size_t n = strlen(real);
    char *uri = rt_xmalloc(3 * n + 32, 1), *o = uri;
    o += sprintf(o, "file://");
    for (const unsigned char *c = (const unsigned char *)real; *c; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            strchr("/-._~", *c))
            *o++ = (char)*c;
        else
            o += sprintf(o, "%%%02X", *c);
    }
    strcpy(o, "?immutable=1");
    free(real);
    return uri;
}

/* How long a connection waits for another's lock, in milliseconds:
 * PLANC_STORE_TIMEOUT in whole seconds (0 to STORE_MAX_TIMEOUT_S: 0 gives
 * up at once) when it is set and not empty, else STORE_BUSY_TIMEOUT_MS.
 * -1 after saying why for a value that is not such a number (a typo must
 * not turn into a wait of a minute, or none). */
static int lock_timeout_ms(FILE *err)
{
    const char *v = getenv("PLANC_STORE_TIMEOUT");
    if (!v || !*v)
        return STORE_BUSY_TIMEOUT_MS;
    long long n = 0;
    const char *c = v;
    for (; *c >= '0' && *c <= '9' && n <= STORE_MAX_TIMEOUT_S; c++)
        n = n * 10 + (*c - '0');
    if (*c || n > STORE_MAX_TIMEOUT_S) {
        char shown_v[6 * 64 + 1];
        size_t len = strlen(v);
        csv_escape(shown_v, v, len > 64 ? 64 : len, false);
        csv_message(err, "planc: error: PLANC_STORE_TIMEOUT='%s': not a number of seconds (a whole "
                "number from 0 to %d)\n", shown_v, STORE_MAX_TIMEOUT_S);
        return -1;
    }
    return (int)n * 1000;
}

store *store_open(const char *path, bool create, FILE *err)
{
    return store_open_why(path, create, NULL, err);
}

store *store_open_why(const char *path, bool create, store_failure *why, FILE *err)
{
    struct stat stt;
    store_failure dummy;
    if (!why)
        why = &dummy;
    *why = STORE_FAIL_FILE;
    int timeout_ms = lock_timeout_ms(err);
    if (timeout_ms < 0)
        return NULL;
    if (!create && stat(path, &stt) != 0) {
        int e = errno;
        csv_message(err, "planc: error: cannot open '%s': %s\n", path, msgcat_file_error(msgcat_lang(), e));
        if (e != ENOENT && e != ENOTDIR && e != ENAMETOOLONG)
            *why = STORE_FAIL_IO;
        return NULL;
    }
    if (stat(path, &stt) == 0 && S_ISDIR(stt.st_mode)) {
        csv_message(err, "planc: error: cannot open '%s': %s\n", path, msgcat_file_error(msgcat_lang(), EISDIR));
        return NULL;
    }
    *why = STORE_FAIL_IO;
    /* a FIFO or a device is no database: SQLite said "disk I/O error" of
     * a FIFO (or waited on it) and "an empty database" of /dev/zero */
    if (stat(path, &stt) == 0 && !S_ISREG(stt.st_mode)) {
        lbl_lang lang = msgcat_lang();
        const char *kind = S_ISFIFO(stt.st_mode)                           ? "a named pipe (FIFO)"
                           : S_ISCHR(stt.st_mode) || S_ISBLK(stt.st_mode) ? "a device"
                           : S_ISSOCK(stt.st_mode)                         ? "a socket"
                                                                           : "a special file";
        csv_message(err, "planc: error: cannot open '%s': it is %s, not a file (a results database is a regular "
                         "file)\n",
                    path, msgcat_get(lang, kind));
        return NULL;
    }
    if (create && !writable(path, err))
        return NULL;
    if (!fits_open_limit(path, create, err) || (create && !fits_name_limit(path, err)))
        return NULL;
    store *s = rt_xcalloc(1, sizeof *s);
    s->path = rt_xstrdup(path);
    s->readonly = !create;
    s->timeout_ms = timeout_ms;
    s->dir_fd = -1;
    s->tmp_fd = -1;
    s->piece_rows = STORE_PIECE_ROWS;
    for (size_t i = 0; i < 4; i++)
        s->tmp_cleanup[i] = -1;
    /* a database that does not exist is made under a temporary name and
     * put in place only when its first run commits (publish): a run that
     * fails leaves no empty database behind, and another planc never
     * opens one that may yet be removed */
    if (create) {
        /* what killed runs left beside the database (or where it goes) */
        char *real = realpath(path, NULL);
        char *made = real ? NULL : ofile_absent_target(path);
        if (real || made)
            sweep_stale(real ? real : made);
        free(real);
        free(made);
    }
    if (create && (s->made = ofile_absent_target(path)) && !make_tmp(s, err)) {
        store_close(s);
        return NULL;
    }
    /* read-write even to read: SQLite then removes a WAL database's -wal
     * and -shm files when it closes (a reader alone would leave them) */
    int flags = SQLITE_OPEN_READWRITE | (create && !s->tmp ? SQLITE_OPEN_CREATE : 0);
    const char *name = s->tmp ? s->tmp : path;
    char *uri = !create && read_immutable(path) ? immutable_uri(path) : NULL;
    if (uri) {
        /* read as it is, nothing made beside it (read_immutable) */
        flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
        name = uri;
    }
    char *sname = uri ? NULL : sqlite_name(name);
    int opened = sqlite3_open_v2(uri ? uri : sname, &s->db, flags, NULL);
    free(sname);
    free(uri);
    if (opened != SQLITE_OK) {
        bool told = create && !s->tmp && stat(path, &stt) != 0 && create_problem(path, err);
        if (!told && s->db)
            db_error(s, "cannot open it", err);
        else if (!told)
            csv_message(err, "planc: error: cannot open '%s'\n", path);
        store_close(s);
        return NULL;
    }
    s->err = err;
    configure(s);
    if (!check_schema(s, create, err) ||
        !exec_sql(s, "PRAGMA foreign_keys=ON", "cannot set it up", err)) {
        /* a file that is not a database, or not planc's: the command named
         * the wrong file */
        if (s->wrong_file || sqlite3_errcode(s->db) == SQLITE_NOTADB)
            *why = STORE_FAIL_FILE;
        store_close(s);
        return NULL;
    }
    return s;
}

void store_close(store *s)
{
    if (!s)
        return;
    if (s->in_tx)
        store_rollback(s);
    for (size_t i = 0; i < sizeof s->shown / sizeof *s->shown; i++)
        free(s->shown[i]);
    sqlite3_close(s->db);
    if (s->dir_fd >= 0)
        close(s->dir_fd); /* and its lock with it */
    discard_tmp(s); /* a new database whose first run did not commit */
    free(s->made);
    free(s->path);
    free(s);
}

/* The run's time, read once: every document of one run (two workbooks,
 * a workbook and the history's record) carries the same time, though
 * writing them took seconds.  One planc process is one run. */
time_t store_time(void)
{
    static time_t now = (time_t)-1;
    if (now != (time_t)-1)
        return now;
    now = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (!*end && v >= 0)
            now = (time_t)v;
    }
    return now;
}

void store_now(char buf[32])
{
    time_t now = store_time();
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---------------------------------------------------------------- recording */

/* Binds text, or NULL for a NULL or empty string. */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Binds a number, or NULL for NaN. */
static void bind_num(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_double(st, i, v);
}

static bool fits_size_limit(store *s, FILE *err);

/* Commits the rows of a run recorded in pieces so far, moves them into
 * the database file (a passive checkpoint: the WAL is then written again
 * from its start), and opens the next piece's transaction.  False after
 * saying why (the run is then removed by store_rollback). */
static bool commit_piece(store *s, FILE *err)
{
    if (!fits_size_limit(s, err) || !exec_sql(s, "COMMIT", "cannot record the run", err))
        return false;
    s->partial = true;
    sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    return exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it for writing", err);
}

/* Removes run `run` with its rows in transactions of s->piece_rows rows
 * each (a run of millions of rows removed in one would fill the WAL as
 * recording it in one did), the run itself last.  No transaction may be
 * open.  False after saying why on err (when not NULL). */
static bool remove_run(store *s, long long run, FILE *err)
{
    sqlite3_stmt *st = NULL;
    long long last = -1;
    bool ok = sqlite3_prepare_v2(s->db, "SELECT ifnull(max(seq), -1) FROM results WHERE run = ?1", -1,
                                 &st, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(st, 1, run);
        ok = sqlite3_step(st) == SQLITE_ROW;
        last = ok ? sqlite3_column_int64(st, 0) : -1;
    }
    sqlite3_finalize(st);
    st = NULL;
    ok = ok && sqlite3_prepare_v2(s->db, "DELETE FROM results WHERE run = ?1 AND seq < ?2", -1, &st,
                                  NULL) == SQLITE_OK;
    for (long long to = s->piece_rows; ok && to - s->piece_rows <= last; to += s->piece_rows) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, run);
        sqlite3_bind_int64(st, 2, to);
        ok = exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it for writing", err) &&
             sqlite3_step(st) == SQLITE_DONE;
        ok = ok && exec_sql(s, "COMMIT", "cannot remove the run", err);
        if (ok)
            sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        else
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_finalize(st);
    st = NULL;
    /* its renames and any row left go with it (ON DELETE CASCADE) */
    ok = ok && sqlite3_prepare_v2(s->db, "DELETE FROM runs WHERE id = ?1", -1, &st, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_int64(st, 1, run);
        ok = exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it for writing", err) &&
             sqlite3_step(st) == SQLITE_DONE && exec_sql(s, "COMMIT", "cannot remove the run", err);
        if (!ok)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_finalize(st);
    if (!ok && err && sqlite3_errcode(s->db) != SQLITE_BUSY)
        db_error(s, "cannot remove the run", err);
    return ok;
}

/* Takes, inside the run's first transaction (under the write lock), the
 * shared lock every planc holds on the database's directory (flock(2): a
 * lock of its own, which SQLite's locks of the database file cannot
 * release) while it records a run in pieces, and returns in *orphans the
 * incomplete runs when no other planc held it: those of a planc killed
 * while it wrote (a planc that starts after this check holds the lock
 * before it inserts its run, which it cannot do before this transaction
 * ends).  False when the directory cannot be locked: the run is then
 * recorded in one transaction, never seen incomplete. */
static bool writer_lock(store *s, long long **orphans, size_t *norphans)
{
    *orphans = NULL;
    *norphans = 0;
    if (s->dir_fd < 0) {
        /* the directory of the file itself, whatever link named it: all
         * writers of one database lock the same directory */
        char *real = realpath(s->path, NULL);
        char *dir = real ? real : rt_xstrdup(s->path), *slash = strrchr(dir, '/');
        if (slash)
            slash[slash == dir ? 1 : 0] = '\0';
        s->dir_fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        free(dir);
        if (s->dir_fd < 0)
            return false;
    }
    if (flock(s->dir_fd, LOCK_EX | LOCK_NB) == 0) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(s->db, "SELECT id FROM runs WHERE complete = 0 ORDER BY id", -1, &st,
                               NULL) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                *orphans = rt_xrealloc(*orphans, *norphans + 1, sizeof **orphans);
                (*orphans)[(*norphans)++] = sqlite3_column_int64(st, 0);
            }
        }
        sqlite3_finalize(st);
    }
    /* shared from here (from exclusive: a conversion, which never waits) */
    if (flock(s->dir_fd, LOCK_SH) != 0) {
        free(*orphans);
        *orphans = NULL;
        *norphans = 0;
        return false;
    }
    return true;
}

/* Where report_each_row's rows go: the prepared INSERT, the run, the next
 * sequence number (the row's place in the results), how many rows were
 * inserted, whether target rows are left out (--store-rows totals), and
 * whether the rows are committed in pieces. */
typedef struct inserter {
    store *s;
    sqlite3_stmt *st;
    long long run, seq, stored;
    bool totals;
    FILE *err;
    bool told;      /* a piece's commit failed and said why */
} inserter;

/* Inserts one result row (report_each_row's callback), or skips it (a
 * target row of a totals-only run); commits a piece every
 * s->piece_rows rows (s->pieces).  Nonzero on an error. */
static int insert_row(const report_row *x, void *ctx)
{
    inserter *in = ctx;
    sqlite3_stmt *st = in->st;
    if (in->totals && strcmp(x->kind, "target") == 0) {
        in->seq++;
        return 0;
    }
    if (in->s->pieces && in->stored > 0 && in->stored % in->s->piece_rows == 0 &&
        !commit_piece(in->s, in->err)) {
        in->told = true;
        return 1;
    }
    in->stored++;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, in->run);
    sqlite3_bind_int64(st, 2, in->seq++);
    sqlite3_bind_text(st, 3, x->region, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 4, x->year);
    sqlite3_bind_text(st, 5, x->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, x->id ? x->id : "", -1, SQLITE_TRANSIENT);
    bind_text(st, 7, x->name);
    bind_text(st, 8, x->clause);
    bind_text(st, 9, x->lead);
    bind_text(st, 10, x->status);
    bind_num(st, 11, x->value);
    bind_text(st, 12, x->unit);
    bind_num(st, 13, x->goal);
    bind_num(st, 14, x->expected);
    bind_num(st, 15, x->score);
    bind_num(st, 16, x->weight);
    bind_text(st, 17, x->grade);
    bind_text(st, 18, x->vetoes);
    bind_num(st, 19, x->tolerance);
    return sqlite3_step(st) != SQLITE_DONE;
}

/* Inserts files' bytes (rules_texts, reading_texts), one row each in
 * their order: SQL binds run, seq, name and text, after the data file's
 * number when file >= 0 (reading_texts' file comes first).  0, or -1
 * with the statement finalised (the caller rolls back). */
static int insert_texts(store *s, const char *sql, long long run, long long file, const store_file *texts,
                        size_t n)
{
    sqlite3_stmt *st = NULL;
    if (n && sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int first = file >= 0 ? 2 : 1;
    for (size_t j = 0; j < n; j++) {
        sqlite3_reset(st);
        if (file >= 0)
            sqlite3_bind_int64(st, 1, file);
        sqlite3_bind_int64(st, first, run);
        sqlite3_bind_int64(st, first + 1, (long long)j);
        sqlite3_bind_text(st, first + 2, texts[j].name, -1, SQLITE_STATIC);
        sqlite3_bind_blob64(st, first + 3, texts[j].text ? texts[j].text : "", texts[j].len, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sqlite3_finalize(st);
            return -1;
        }
    }
    sqlite3_finalize(st);
    return 0;
}

int store_begin_run(store *s, const store_run_info *info, const ir_program *p,
                    const rt_table *t, const rt_result *r, long long *run_id, FILE *err)
{
    if (!exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it for writing", err))
        return -1;
    s->in_tx = true;
    s->partial = false;
    /* a database that exists takes the run in pieces (a new one is this
     * planc's alone until the run commits, in rollback mode: its journal
     * stays small however many rows it takes); first, the runs of a
     * planc killed while it wrote are removed, in pieces too */
    long long *orphans = NULL;
    size_t norphans = 0;
    s->pieces = !s->tmp && writer_lock(s, &orphans, &norphans);
    if (norphans) {
        bool removed = exec_sql(s, "COMMIT", "cannot lock it for writing", err);
        s->in_tx = false;
        for (size_t k = 0; removed && k < norphans; k++)
            removed = remove_run(s, orphans[k], err);
        free(orphans);
        if (!removed || !exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it for writing", err)) {
            store_rollback(s);
            return -1;
        }
        s->in_tx = true;
    }
    sqlite3_stmt *st = NULL;
    const char *ins_run =
        "INSERT INTO runs (time, planc_version, plan, rules_path, rules_sha256, data_path, "
        "data_sha256, data_rows, result_rows, data_options, rules_files, rules_resolved, "
        "data_resolved, records_tolerance, records_absent, stored, complete, records_files) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?10, ?11, ?12, 1, 1, ?13, 0, 1)";
    if (sqlite3_prepare_v2(s->db, ins_run, -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(st, 1, info->time, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, info->version, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, p->plan ? p->plan : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, info->rules_path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, info->rules_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, info->data_path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, info->data_hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, (long long)rt_table_nrows(t));
    sqlite3_bind_text(st, 9, info->data_options ? info->data_options : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, info->rules_files ? info->rules_files : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, info->rules_resolved ? info->rules_resolved : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 12, info->data_resolved ? info->data_resolved : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 13, info->totals ? "totals" : "all", -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(st);
    st = NULL;
    *run_id = s->run_id = sqlite3_last_insert_rowid(s->db);

    const char *ins_row =
        "INSERT INTO results (run, seq, region, year, kind, id, name, clause, lead, status, "
        "value, unit, goal, expected, score, weight, grade, vetoes, tolerance) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
    if (sqlite3_prepare_v2(s->db, ins_row, -1, &st, NULL) != SQLITE_OK)
        goto fail;
    inserter in = {.s = s, .st = st, .run = *run_id, .totals = info->totals, .err = err};
    if (report_each_row(p, t, r, insert_row, &in) != 0) {
        if (in.told) {
            sqlite3_finalize(st);
            store_rollback(s);
            return -1;
        }
        goto fail;
    }
    long long n = in.stored;
    sqlite3_finalize(st);
    st = NULL;
    /* the targets renamed, then the regions renamed or replaced (kind
     * 'region'), then the indicators renamed (kind 'indicator': a planc
     * that reads only the other kinds ignores them), numbered on */
    uint32_t nren = p->nrenames + p->nregion_renames + p->nind_renames;
    if (nren) {
        if (sqlite3_prepare_v2(s->db, "INSERT INTO renames (run, seq, kind, old, new) VALUES "
                                      "(?1, ?2, ?3, ?4, ?5)", -1, &st, NULL) != SQLITE_OK)
            goto fail;
        for (uint32_t k = 0; k < nren; k++) {
            bool region = k >= p->nrenames && k < p->nrenames + p->nregion_renames;
            bool ind = k >= p->nrenames + p->nregion_renames;
            uint32_t j = ind ? k - p->nrenames - p->nregion_renames : region ? k - p->nrenames : k;
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, *run_id);
            sqlite3_bind_int64(st, 2, k);
            sqlite3_bind_text(st, 3, ind ? "indicator" : region ? "region" : "target", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, ind ? p->ind_from[j] : region ? p->region_from[j] : p->renamed_from[j], -1,
                              SQLITE_STATIC);
            sqlite3_bind_text(st, 5, ind ? p->ind_to[j] : region ? p->region_to[j] : p->renamed_to[j], -1,
                              SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_DONE)
                goto fail;
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    /* the rules files' bytes, in the manifest's order */
    if (insert_texts(s, "INSERT INTO rules_texts (run, seq, name, text) VALUES (?1, ?2, ?3, ?4)", *run_id, -1,
                     info->rules_texts, info->nrules_texts) != 0)
        goto fail;
    /* each data file, with the rules that read it (--read-with) */
    for (size_t k = 0; k < info->ndata_files; k++) {
        const store_data_file *d = &info->data_files[k];
        if (!st && sqlite3_prepare_v2(s->db, "INSERT INTO data_files (run, seq, path, resolved, sha256, "
                                             "read_with, read_with_sha256, read_with_files) VALUES (?1, "
                                             "?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &st, NULL) != SQLITE_OK)
            goto fail;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, *run_id);
        sqlite3_bind_int64(st, 2, (long long)k);
        const char *texts[] = {d->path, d->resolved, d->sha256, d->read_with, d->read_with_sha256,
                               d->read_with_files};
        for (int j = 0; j < 6; j++)
            sqlite3_bind_text(st, 3 + j, texts[j] ? texts[j] : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            goto fail;
    }
    sqlite3_finalize(st);
    st = NULL;
    /* the bytes of each file of each reading, in its manifest's order */
    for (size_t k = 0; k < info->ndata_files; k++)
        if (insert_texts(s, "INSERT INTO reading_texts (file, run, seq, name, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                         *run_id, (long long)k, info->data_files[k].read_with_texts,
                         info->data_files[k].nread_with_texts) != 0)
            goto fail;
    /* the output it wrote */
    for (size_t k = 0; k < info->noutputs; k++) {
        const store_output *o = &info->outputs[k];
        if (!st && sqlite3_prepare_v2(s->db, "INSERT INTO outputs (run, seq, path, resolved, format, bytes, "
                                             "sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &st,
                                      NULL) != SQLITE_OK)
            goto fail;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, *run_id);
        sqlite3_bind_int64(st, 2, (long long)k);
        sqlite3_bind_text(st, 3, o->path ? o->path : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, o->resolved ? o->resolved : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, o->format ? o->format : "", -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, o->bytes);
        sqlite3_bind_text(st, 7, o->sha256 ? o->sha256 : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            goto fail;
    }
    sqlite3_finalize(st);
    st = NULL;
    /* the indicator columns the header lacked (--allow-missing-columns) */
    for (uint32_t k = 0, seq = 0; k < p->ncolumns; k++) {
        if (!rt_table_column_absent_needed(t, k))
            continue;
        if (!st && sqlite3_prepare_v2(s->db, "INSERT INTO absent_columns (run, seq, data_column, "
                                             "indicator) VALUES (?1, ?2, ?3, ?4)", -1, &st, NULL) != SQLITE_OK)
            goto fail;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, *run_id);
        sqlite3_bind_int64(st, 2, seq++);
        sqlite3_bind_text(st, 3, p->columns[k].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, p->columns[k].indicator ? p->columns[k].indicator : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            goto fail;
    }
    sqlite3_finalize(st);
    st = NULL;
    /* visible to others from its commit on */
    if (sqlite3_prepare_v2(s->db, "UPDATE runs SET result_rows = ?1, complete = 1 WHERE id = ?2", -1,
                           &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(st, 1, n);
    sqlite3_bind_int64(st, 2, *run_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(st);
    return 0;
fail:
    db_error(s, "cannot record the run", err);
    sqlite3_finalize(st);
    store_rollback(s);
    return -1;
}

/* Whether the database file can grow to the size the transaction gives
 * it (its page count times the page size), under the file size limit
 * (ulimit -f).  A commit goes into the -wal file, and the pages are
 * copied into the database file only when the last connection closes
 * (the checkpoint): past the limit that copy failed after a successful
 * run, the run stayed in DB-wal alone, and DB-wal and DB-shm were left
 * beside a database file that lacks it (copied alone, it loses the
 * run).  Refused before the commit instead, the directory is left as
 * it was.  False after saying why. */
static bool fits_size_limit(store *s, FILE *err)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return true;
    long long pages, size;
    if (!query_int(s, "SELECT * FROM pragma_page_count", &pages, err) ||
        !query_int(s, "SELECT * FROM pragma_page_size", &size, err))
        return false;
    if ((unsigned long long)pages * (unsigned long long)size <= (unsigned long long)rl.rlim_cur)
        return true;
    csv_message(err, "planc: error: %s: cannot record the run: the database would grow to %lld bytes, "
            "beyond the file size limit (ulimit -f) of %llu bytes\n", s->path, pages * size,
            (unsigned long long)rl.rlim_cur);
    return false;
}

/* The id of the run the last store_begin_run started (store_commit may
 * record it under another id: see publish). */
long long store_run(const store *s)
{
    return s->run_id;
}

/* Moves the run just committed into the new database s->tmp into the
 * database another planc put at s->path meanwhile (publish found it
 * there): one transaction copies the run, its rows and its renames under
 * a new id, and the temporary database is removed.  Its connection is
 * closed already.  False after saying why (the temporary database is then
 * removed too, and the run is not recorded). */
static bool transfer(store *s, FILE *err)
{
    store *o = store_open(s->path, true, err); /* it exists: opened as it is */
    if (!o) {
        discard_tmp(s);
        return false;
    }
    sqlite3_stmt *st = NULL;
    bool ok = false, attached = false;
    long long id = 0;
    char *tmp_name = sqlite_name(s->tmp);
    if (sqlite3_prepare_v2(o->db, "ATTACH ?1 AS planc_new", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, tmp_name, -1, SQLITE_STATIC);
        attached = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    free(tmp_name);
    st = NULL;
    if (!attached) {
        db_error(o, "cannot record the run", err);
        goto done;
    }
    if (!exec_sql(o, "BEGIN IMMEDIATE", "cannot lock it for writing", err))
        goto done;
    o->in_tx = true;
    static const char run_cols[] =
        "time, planc_version, plan, rules_path, rules_sha256, data_path, data_sha256, data_rows, "
        "result_rows, data_options, rules_files, rules_resolved, data_resolved, records_tolerance, "
        "records_absent, stored, records_files";
    static const char row_cols[] =
        "seq, region, year, kind, id, name, clause, lead, status, value, unit, goal, expected, "
        "score, weight, grade, vetoes, tolerance";
    char sql[1024];
    snprintf(sql, sizeof sql, "INSERT INTO main.runs (%s) SELECT %s FROM planc_new.runs WHERE id = ?1",
             run_cols, run_cols);
    if (sqlite3_prepare_v2(o->db, sql, -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(st, 1, s->run_id);
    if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(o->db) != 1)
        goto fail;
    sqlite3_finalize(st);
    st = NULL;
    id = sqlite3_last_insert_rowid(o->db);
    static const char *const copies[] = {
        "INSERT INTO main.results (run, %s) SELECT ?2, %s FROM planc_new.results WHERE run = ?1 "
        "ORDER BY seq",
        "INSERT INTO main.renames (run, seq, kind, old, new) SELECT ?2, seq, kind, old, new FROM "
        "planc_new.renames WHERE run = ?1 ORDER BY seq",
        "INSERT INTO main.absent_columns (run, seq, data_column, indicator) SELECT ?2, seq, "
        "data_column, indicator FROM planc_new.absent_columns WHERE run = ?1 ORDER BY seq",
        "INSERT INTO main.rules_texts (run, seq, name, text) SELECT ?2, seq, name, text FROM "
        "planc_new.rules_texts WHERE run = ?1 ORDER BY seq",
        "INSERT INTO main.data_files (run, seq, path, resolved, sha256, read_with, read_with_sha256, "
        "read_with_files) SELECT ?2, seq, path, resolved, sha256, read_with, read_with_sha256, "
        "read_with_files FROM planc_new.data_files WHERE run = ?1 ORDER BY seq",
        "INSERT INTO main.outputs (run, seq, path, resolved, format, bytes, sha256) SELECT ?2, seq, "
        "path, resolved, format, bytes, sha256 FROM planc_new.outputs WHERE run = ?1 ORDER BY seq",
        "INSERT INTO main.reading_texts (run, file, seq, name, text) SELECT ?2, file, seq, name, text "
        "FROM planc_new.reading_texts WHERE run = ?1 ORDER BY file, seq",
    };
    for (size_t k = 0; k < sizeof copies / sizeof copies[0]; k++) {
        snprintf(sql, sizeof sql, copies[k], row_cols, row_cols);
        if (sqlite3_prepare_v2(o->db, sql, -1, &st, NULL) != SQLITE_OK)
            goto fail;
        sqlite3_bind_int64(st, 1, s->run_id);
        sqlite3_bind_int64(st, 2, id);
        if (sqlite3_step(st) != SQLITE_DONE)
            goto fail;
        sqlite3_finalize(st);
        st = NULL;
    }
    ok = store_commit(o, err) == 0;
    goto done;
fail:
    db_error(o, "cannot record the run", err);
    sqlite3_finalize(st);
    store_rollback(o);
done:
    if (attached)
        sqlite3_exec(o->db, "DETACH planc_new", NULL, NULL, NULL);
    if (ok) {
        /* s goes on as a connection to the database at s->path */
        s->run_id = id;
        s->db = o->db;
        s->version = o->version;
        s->checked = o->checked;
        o->db = NULL;
    }
    store_close(o);
    discard_tmp(s);
    return ok;
}

/* Puts the new database s->tmp, whose first run has just committed, in
 * place at s->path: switched to WAL mode (as every writer leaves a
 * database), closed (so that the file holds everything, nothing beside
 * it), then linked to s->path, which fails when the name exists: another
 * planc created the database meanwhile, and the run is moved into that one
 * (transfer).  On a file system without hard links, renameat2's
 * RENAME_NOREPLACE does the same.  Then s is a connection to s->path.
 * False after saying why, with the temporary database removed. */
static bool publish(store *s, FILE *err)
{
    sqlite3_stmt *st;
    bool wal = false;
    if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode=WAL", -1, &st, NULL) == SQLITE_OK) {
        const unsigned char *mode = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
        wal = mode && strcmp((const char *)mode, "wal") == 0;
    }
    sqlite3_finalize(st);
    if (!wal) {
        db_error(s, "cannot record the run", err);
        sqlite3_close(s->db);
        s->db = NULL;
        discard_tmp(s);
        return false;
    }
    int rc = sqlite3_close(s->db);
    s->db = NULL;
    /* a journal left beside it (the close should have removed it) */
    char *journal = suffixed(s->tmp, side_files[0]);
    bool left = access(journal, F_OK) == 0;
    free(journal);
    if (rc != SQLITE_OK || left) {
        csv_message(err, "planc: error: %s: cannot record the run: the new database could not be "
                "closed whole\n", s->path);
        discard_tmp(s);
        return false;
    }
    int e = 0;
    if (link(s->tmp, s->made) != 0) {
        e = errno;
        if (e == EPERM || e == EOPNOTSUPP || e == ENOSYS)
            e = renameat2(AT_FDCWD, s->tmp, AT_FDCWD, s->made, RENAME_NOREPLACE) == 0 ? 0 : errno;
        if (e == EEXIST)
            return transfer(s, err);
        if (e) {
            csv_message(err, "planc: error: %s: cannot create it: %s\n", s->path, msgcat_strerror(msgcat_lang(), e));
            discard_tmp(s);
            return false;
        }
    }
    discard_tmp(s); /* the temporary name only: the database is at s->path */
    /* make the new name durable (best effort, as for an output file) */
    char *dir = rt_xstrdup(s->made), *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    int dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    free(dir);
    char *sname = sqlite_name(s->path);
    int opened = sqlite3_open_v2(sname, &s->db, SQLITE_OPEN_READWRITE, NULL);
    free(sname);
    if (opened != SQLITE_OK) {
        /* the run is in place; only taking it back out (store_forget_run)
         * would need the connection */
        warn_message(err, WARN_HISTORY, "planc: warning: %s: the run is recorded, but the database cannot be opened "
                         "again: %s\n", s->path, sqlite3_errmsg(s->db));
        sqlite3_close(s->db);
        s->db = NULL;
        return true;
    }
    configure(s);
    exec_sql(s, "PRAGMA foreign_keys=ON", "cannot set it up", err);
    s->checked = true;
    return true;
}

int store_commit(store *s, FILE *err)
{
    if (store_commit_pending(s, err) != 0)
        return -1;
    return store_publish(s, err);
}

bool store_pending(const store *s)
{
    return s->tmp != NULL;
}

int store_publish(store *s, FILE *err)
{
    if (!s->tmp)
        return 0;
    return publish(s, err) ? 0 : -1;
}

int store_commit_pending(store *s, FILE *err)
{
    if (!fits_size_limit(s, err) || !exec_sql(s, "COMMIT", "cannot record the run", err)) {
        store_rollback(s);
        return -1;
    }
    s->in_tx = false;
    s->partial = false;
    if (s->pieces)
        flock(s->dir_fd, LOCK_UN);
    s->pieces = false;
    if (s->tmp) /* a new database: put in place with its first run (store_publish) */
        return 0;
    /* the run is recorded (in the -wal file); moving it into the database
     * file now, without waiting for other readers, says when the disk
     * cannot take it: the -wal file must then stay with the database
     * (the next writer with room moves it) */
    int rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
        warn_message(err, WARN_HISTORY, "planc: warning: %s: the run is recorded, but only in %s-wal so far: %s (keep "
                "%s-wal with %s: the next 'planc run --store' with room moves the run into it)\n",
                s->path, s->path, sqlite3_errmsg(s->db), s->path, s->path);
    return 0;
}

void store_set_piece_rows(store *s, long long rows)
{
    s->piece_rows = rows > 0 ? rows : STORE_PIECE_ROWS;
}

void store_rollback(store *s)
{
    if (s->in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = false;
    /* the pieces committed already: removed (when that fails, as on a
     * full disk, the run stays incomplete, unseen, and the next writer
     * removes it) */
    if (s->partial)
        remove_run(s, s->run_id, NULL);
    s->partial = false;
    if (s->pieces)
        flock(s->dir_fd, LOCK_UN);
    s->pieces = false;
}

int store_forget_run(store *s, long long run_id, FILE *err)
{
    if (s->tmp) {
        /* the first run of a new database not yet in place: the database
         * goes with it, as if the run had never been */
        sqlite3_close(s->db);
        s->db = NULL;
        discard_tmp(s);
        return 0;
    }
    sqlite3_stmt *st = NULL;
    bool ok = s->db && exec_sql(s, "BEGIN IMMEDIATE", "cannot lock it for writing", err);
    if (ok) {
        /* unseen at once (incomplete), then removed in pieces */
        ok = sqlite3_prepare_v2(s->db, "UPDATE runs SET complete = 0 WHERE id = ?1", -1, &st, NULL) ==
             SQLITE_OK;
        if (ok) {
            sqlite3_bind_int64(st, 1, run_id);
            ok = sqlite3_step(st) == SQLITE_DONE;
        }
        sqlite3_finalize(st);
        if (!ok)
            db_error(s, "cannot remove the run", err);
        if (!ok || !exec_sql(s, "COMMIT", "cannot remove the run", err)) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            ok = false;
        }
        ok = ok && remove_run(s, run_id, err);
    }
    if (!ok)
        csv_message(err, "planc: error: %s: run %lld stays recorded although its output was not "
                     "written\n", s->path, run_id);
    return ok ? 0 : -1;
}

/* ---------------------------------------------------------------- reading */

/* Text of a column, "" for NULL. */
static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* Text t escaped (csv_escape), in one of s's buffers, used in turn: it stays
 * valid for the next fifteen calls (the texts of one line). */
static const char *shown(store *s, const char *t)
{
    size_t n = strlen(t), slot = s->nshown++ % (sizeof s->shown / sizeof *s->shown);
    s->shown[slot] = rt_xrealloc(s->shown[slot], 6 * n + 1, 1);
    csv_escape(s->shown[slot], t, n, false);
    return s->shown[slot];
}

/* A number column, NaN for NULL. */
static double col_num(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* Writes text padded with spaces to `width` columns of display width (a
 * Chinese character is two), on the left, or on the right when `right`. */
static void padded(FILE *out, const char *text, size_t width, bool right)
{
    size_t w = report_style_width(text);
    int pad = w < width ? (int)(width - w) : 0;
    if (right)
        fprintf(out, "%*s%s", pad, "", text);
    else
        fprintf(out, "%s%*s", text, pad, "");
}

/* Lists the runs (store_history); with `full`, their hashes whole: 64
 * hex digits, as sha256sum prints them, instead of their first 12. */
static int history(store *s, lbl_lang lang, bool full, FILE *out, FILE *err)
{
    sqlite3_stmt *st;
    const char *sql = s->version >= 2
        ? s->version >= 7
            ? "SELECT id, time, planc_version, data_rows, result_rows, rules_sha256, data_sha256, "
              "plan, rules_path, data_path, data_options, stored = 'totals' FROM runs WHERE complete "
              "ORDER BY id"
            : "SELECT id, time, planc_version, data_rows, result_rows, rules_sha256, "
              "data_sha256, plan, rules_path, data_path, data_options, 0 FROM runs ORDER BY id"
        : "SELECT id, time, planc_version, data_rows, result_rows, rules_sha256, "
          "data_sha256, plan, rules_path, data_path, '', 0 FROM runs ORDER BY id";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the runs", err);
        return -1;
    }
    /* the columns of the rows below, their headers padded by display width */
    padded(out, lbl_get(lang, LBL_H_RUN), 5, false);
    fputc(' ', out);
    padded(out, lbl_get(lang, LBL_H_TIME), 20, false);
    fputc(' ', out);
    padded(out, lbl_get(lang, LBL_H_VERSION), 8, false);
    fputc(' ', out);
    padded(out, lbl_get(lang, LBL_H_DATA_ROWS), 9, true);
    fputc(' ', out);
    padded(out, lbl_get(lang, LBL_H_RESULTS), 9, true);
    fputs("  ", out);
    int hw = full ? 64 : 12;
    padded(out, lbl_get(lang, LBL_H_RULES_SHA), (size_t)hw, false);
    fputs("  ", out);
    padded(out, lbl_get(lang, LBL_H_DATA_SHA), (size_t)hw, false);
    fprintf(out, "  %s\n", lbl_get(lang, LBL_H_PLAN));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *opts = shown(s, col_text(st, 10));
        fprintf(out, "%-5lld %-20s %-8s %9lld %9lld  %-*.*s  %-*.*s  ",
                sqlite3_column_int64(st, 0), shown(s, col_text(st, 1)), shown(s, col_text(st, 2)),
                sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4), hw, hw,
                shown(s, col_text(st, 5)), hw, hw, shown(s, col_text(st, 6)));
        fprintf(out, lbl_get(lang, LBL_H_SOURCES), shown(s, col_text(st, 7)),
                shown(s, col_text(st, 8)), shown(s, col_text(st, 9)));
        fprintf(out, "%s%s%s\n", *opts ? " " : "", opts,
                sqlite3_column_int(st, 11) ? lbl_get(lang, LBL_H_TOTALS_ONLY) : "");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        db_error(s, "cannot read the runs", err);
        return -1;
    }
    return ferror(out) ? -1 : 0;
}

int store_history(store *s, lbl_lang lang, FILE *out, FILE *err)
{
    return history(s, lang, false, out, err);
}

int store_history_full(store *s, lbl_lang lang, FILE *out, FILE *err)
{
    return history(s, lang, true, out, err);
}

/* A column's text, malloc'd ("" for NULL). */
static char *col_dup(sqlite3_stmt *st, int i)
{
    return rt_xstrdup(col_text(st, i));
}

int store_read_record(store *s, long long run, store_record *rec, FILE *err)
{
    memset(rec, 0, sizeof *rec);
    rec->id = run;
    /* the columns each version has ('' where it had none) */
    const char *sql = s->version >= 3
        ? "SELECT time, planc_version, plan, rules_path, rules_sha256, rules_files, data_path, "
          "data_sha256, data_options FROM runs WHERE id = ?1"
        : s->version >= 2
        ? "SELECT time, planc_version, plan, rules_path, rules_sha256, '', data_path, data_sha256, "
          "data_options FROM runs WHERE id = ?1"
        : "SELECT time, planc_version, plan, rules_path, rules_sha256, '', data_path, data_sha256, "
          "'' FROM runs WHERE id = ?1";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the run", err);
        return -1;
    }
    sqlite3_bind_int64(st, 1, run);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        rec->time = col_dup(st, 0);
        rec->version = col_dup(st, 1);
        rec->plan = col_dup(st, 2);
        rec->rules_path = col_dup(st, 3);
        rec->rules_sha256 = col_dup(st, 4);
        rec->rules_files = col_dup(st, 5);
        rec->data_path = col_dup(st, 6);
        rec->data_sha256 = col_dup(st, 7);
        rec->data_options = col_dup(st, 8);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) {
        db_error(s, "cannot read the run", err);
        store_record_free(rec);
        return -1;
    }
    if (s->version < 8)
        return 0;
    long long known = 0;
    char q[96];
    snprintf(q, sizeof q, "SELECT records_files FROM runs WHERE id = %lld", run);
    if (!query_int(s, q, &known, err)) {
        store_record_free(rec);
        return -1;
    }
    rec->files_known = known != 0;
    /* its data files, then its outputs, each in order */
    for (int part = 0; part < 2 && rec->files_known; part++) {
        sql = part == 0 ? "SELECT path, resolved, sha256, read_with, read_with_sha256, read_with_files "
                          "FROM data_files WHERE run = ?1 ORDER BY seq"
                        : "SELECT path, resolved, format, sha256, bytes FROM outputs WHERE run = ?1 "
                          "ORDER BY seq";
        if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
            db_error(s, "cannot read the run", err);
            store_record_free(rec);
            return -1;
        }
        sqlite3_bind_int64(st, 1, run);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (part == 0) {
                rec->data = rt_xrealloc(rec->data, rec->ndata + 1, sizeof *rec->data);
                rec->data[rec->ndata++] = (store_data_file){
                    .path = col_dup(st, 0), .resolved = col_dup(st, 1), .sha256 = col_dup(st, 2),
                    .read_with = col_dup(st, 3), .read_with_sha256 = col_dup(st, 4),
                    .read_with_files = col_dup(st, 5)};
            } else {
                rec->outputs = rt_xrealloc(rec->outputs, rec->noutputs + 1, sizeof *rec->outputs);
                rec->outputs[rec->noutputs++] = (store_output){
                    .path = col_dup(st, 0), .resolved = col_dup(st, 1), .format = col_dup(st, 2),
                    .sha256 = col_dup(st, 3), .bytes = sqlite3_column_int64(st, 4)};
            }
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) {
            db_error(s, "cannot read the run", err);
            store_record_free(rec);
            return -1;
        }
    }
    return 0;
}

void store_record_free(store_record *rec)
{
    char **texts[] = {&rec->time, &rec->version, &rec->plan, &rec->rules_path, &rec->rules_sha256,
                      &rec->rules_files, &rec->data_path, &rec->data_sha256, &rec->data_options};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        free(*texts[i]);
        *texts[i] = NULL;
    }
    for (size_t i = 0; i < rec->ndata; i++) {
        store_data_file *d = &rec->data[i];
        free((char *)d->path);
        free((char *)d->resolved);
        free((char *)d->sha256);
        free((char *)d->read_with);
        free((char *)d->read_with_sha256);
        free((char *)d->read_with_files);
    }
    for (size_t i = 0; i < rec->noutputs; i++) {
        store_output *o = &rec->outputs[i];
        free((char *)o->path);
        free((char *)o->resolved);
        free((char *)o->format);
        free((char *)o->sha256);
    }
    free(rec->data);
    free(rec->outputs);
    rec->data = NULL;
    rec->outputs = NULL;
    rec->ndata = rec->noutputs = 0;
}

int store_read_texts(store *s, long long run, long long file, store_file **files, size_t *n, FILE *err)
{
    *files = NULL;
    *n = 0;
    /* rules_texts from version 6, reading_texts from version 9 */
    if (s->version < (file < 0 ? 6 : 9))
        return 1;
    const char *sql = file < 0 ? "SELECT name, text FROM rules_texts WHERE run = ?1 ORDER BY seq"
                               : "SELECT name, text FROM reading_texts WHERE run = ?1 AND file = ?2 ORDER BY seq";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the run's rules texts", err);
        return -1;
    }
    sqlite3_bind_int64(st, 1, run);
    if (file >= 0)
        sqlite3_bind_int64(st, 2, file);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        /* the bytes as a blob (a text column reads the same), with a NUL
         * after them for the callers that print a name */
        const void *b = sqlite3_column_blob(st, 1);
        size_t len = (size_t)sqlite3_column_bytes(st, 1);
        char *text = rt_xmalloc(len + 1, 1);
        if (len)
            memcpy(text, b, len);
        text[len] = '\0';
        *files = rt_xrealloc(*files, *n + 1, sizeof **files);
        (*files)[(*n)++] = (store_file){.name = col_dup(st, 0), .text = text, .len = len};
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        db_error(s, "cannot read the run's rules texts", err);
        store_texts_free(*files, *n);
        *files = NULL;
        *n = 0;
        return -1;
    }
    return 0;
}

void store_texts_free(store_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)files[i].name);
        free((char *)files[i].text);
    }
    free(files);
}

/* Reads s, when it is one or more ASCII digits and nothing else (no
 * sign, no space before or after: a run reference is read the same way
 * at either end, and '1 ' is not taken for 1), into *n; a number beyond
 * the largest long long is that (no run has it).  Returns whether it
 * is one. */
static bool digits_only(const char *s, long long *n)
{
    *n = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        int d = *s - '0';
        *n = *n > (LLONG_MAX - d) / 10 ? LLONG_MAX : *n * 10 + d;
    }
    return true;
}

int store_find_run(store *s, const char *name, long long *run_id, FILE *err)
{
    sqlite3_stmt *st;
    long long offset = -1, id = 0;
    bool ok = true;
    if (strcmp(name, "last") == 0)
        offset = 0;
    else if (strncmp(name, "last~", 5) == 0)
        ok = digits_only(name + 5, &offset);
    else
        ok = digits_only(name, &id); /* 0 is no run's */
    if (!ok) {
        csv_message(err, "planc: error: bad run '%s' (a run id, 'last' or 'last~N': N and the id "
                "written in digits, without a sign or spaces)\n", shown(s, name));
        return -1;
    }
    /* a run being written, or left incomplete, is no run yet */
    bool v7 = s->version >= 7;
    const char *sql = offset >= 0 ? v7 ? "SELECT id FROM runs WHERE complete ORDER BY id DESC LIMIT 1 OFFSET ?1"
                                       : "SELECT id FROM runs ORDER BY id DESC LIMIT 1 OFFSET ?1"
                                  : v7 ? "SELECT id FROM runs WHERE id = ?1 AND complete"
                                       : "SELECT id FROM runs WHERE id = ?1";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the runs", err);
        return -2;
    }
    sqlite3_bind_int64(st, 1, offset >= 0 ? offset : id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *run_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc != SQLITE_DONE) {
        db_error(s, "cannot read the runs", err);
        return -2;
    }
    long long n = 0;
    query_int(s, v7 ? "SELECT count(*) FROM runs WHERE complete" : "SELECT count(*) FROM runs", &n, err);
    csv_message(err, "planc: error: %s has no run '%s' (it has %lld run%s; see 'planc history %s')\n",
            s->path, name, n, n == 1 ? "" : "s", s->path);
    return -1;
}

/* The recorded facts of a run, for compare's header. */
typedef struct run_info {
    char time[32], rules_hash[65], data_hash[65];
    char *rules_path, *data_path, *data_options;
    char *rules_files;    /* the rules manifest as shown (escaped); "" before version 3 */
    char *manifest;       /* the rules manifest as recorded (for the JSON) */
    bool tolerances;      /* the run recorded its rows' tolerances (version 4 on) */
    char *version;        /* planc's version */
    bool absent_known;    /* the run recorded its absent columns (version 6 on) */
    bool totals;          /* it recorded no target rows (--store-rows totals, version 7 on) */
} run_info;

/* One comparison, as its parts share it (store_compare_request): the
 * request, where it writes, and what its header finds that the rows
 * need.  Made and dropped with the comparison: the store holds none of
 * it, so that no comparison sees another's. */
typedef struct comparison {
    store *s;
    const store_compare_req *rq;
    long long a, b;       /* rq->run: the first side's run and the second's */
    lbl_lang lang;        /* the text's words (rq->lang); English for the JSON */
    json_writer *w;       /* the JSON form's document; NULL for the text */
    FILE *out, *err;      /* out: the comparison, held until it is whole */
    bool no_targets;      /* a run has no target rows (--store-rows totals): targets not compared */
    bool tol_known;       /* both runs recorded tolerances (else none is compared) */
    bool mapped, rmapped; /* planc_idmap (planc_regionmap) holds renames of targets (regions) */
} comparison;

/* Reads run `id`'s facts, its texts as the text form shows them (a
 * control or invisible character escaped), or as recorded when `raw` (for
 * the JSON, whose own escaping keeps them); false after reporting. */
static bool read_run(store *s, long long id, bool raw, run_info *ri, FILE *err)
{
    sqlite3_stmt *st;
    const char *sql = s->version >= 7
        ? "SELECT time, rules_sha256, data_sha256, rules_path, data_path, data_options, rules_files, "
          "records_tolerance, planc_version, records_absent, stored = 'totals' FROM runs WHERE id = ?1"
        : s->version >= 6
        ? "SELECT time, rules_sha256, data_sha256, rules_path, data_path, data_options, rules_files, "
          "records_tolerance, planc_version, records_absent, 0 FROM runs WHERE id = ?1"
        : s->version >= 4
        ? "SELECT time, rules_sha256, data_sha256, rules_path, data_path, data_options, rules_files, "
          "records_tolerance, planc_version, 0, 0 FROM runs WHERE id = ?1"
        : s->version >= 3
        ? "SELECT time, rules_sha256, data_sha256, rules_path, data_path, data_options, rules_files, "
          "0, planc_version, 0, 0 FROM runs WHERE id = ?1"
        : s->version >= 2
        ? "SELECT time, rules_sha256, data_sha256, rules_path, data_path, data_options, '', 0, "
          "planc_version, 0, 0 FROM runs WHERE id = ?1"
        : "SELECT time, rules_sha256, data_sha256, rules_path, data_path, '', '', 0, planc_version, 0, "
          "0 FROM runs WHERE id = ?1";
    memset(ri, 0, sizeof *ri);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the runs", err);
        return false;
    }
    sqlite3_bind_int64(st, 1, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok) {
        /* the texts as they are shown, or as recorded */
#define RUN_TEXT(col) (raw ? col_text(st, col) : shown(s, col_text(st, col)))
        snprintf(ri->time, sizeof ri->time, "%s", RUN_TEXT(0));
        snprintf(ri->rules_hash, sizeof ri->rules_hash, "%s", RUN_TEXT(1));
        snprintf(ri->data_hash, sizeof ri->data_hash, "%s", RUN_TEXT(2));
        ri->rules_path = rt_xstrdup(RUN_TEXT(3));
        ri->data_path = rt_xstrdup(RUN_TEXT(4));
        ri->data_options = rt_xstrdup(RUN_TEXT(5));
        /* the manifest's lines as they are shown, with their line breaks */
        const char *m = col_text(st, 6);
        ri->rules_files = rt_xmalloc(6 * strlen(m) + 1, 1);
        csv_escape(ri->rules_files, m, strlen(m), true);
        ri->manifest = rt_xstrdup(m);
        ri->tolerances = sqlite3_column_int(st, 7) != 0;
        ri->version = rt_xstrdup(RUN_TEXT(8));
#undef RUN_TEXT
        ri->absent_known = sqlite3_column_int(st, 9) != 0;
        ri->totals = sqlite3_column_int(st, 10) != 0;
    } else {
        db_error(s, "cannot read the runs", err);
    }
    sqlite3_finalize(st);
    return ok;
}

/* Frees what read_run allocated. */
static void run_info_free(run_info *ri)
{
    free(ri->rules_path);
    free(ri->data_path);
    free(ri->data_options);
    free(ri->rules_files);
    free(ri->manifest);
    free(ri->version);
}

/* How many absent columns compare names before " and N more". */
#define CMP_ABSENT_SHOWN 5

/* The columns run `id`'s data lacked (read as missing cells under
 * --allow-missing-columns), as compare lists them in lang: "r_x (指标X),
 * r_y (指标Y)", the first CMP_ABSENT_SHOWN then how many more; "" for none.
 * malloc'd; NULL after reporting. */
static char *absent_text(store *s, long long id, lbl_lang lang, FILE *err)
{
    char *txt = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&txt, &len);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT data_column, indicator FROM absent_columns WHERE run = ?1 "
                                  "ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
        fclose(f);
        free(txt);
        db_error(s, "cannot read the runs", err);
        return NULL;
    }
    sqlite3_bind_int64(st, 1, id);
    long long n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n < CMP_ABSENT_SHOWN) {
            if (n)
                fputs(lbl_get(lang, LBL_C_ABSENT_SEP), f);
            fprintf(f, lbl_get(lang, LBL_C_ABSENT_ITEM), shown(s, col_text(st, 0)),
                    shown(s, col_text(st, 1)));
        }
        n++;
    }
    sqlite3_finalize(st);
    if (n > CMP_ABSENT_SHOWN)
        fprintf(f, lbl_get(lang, LBL_C_ABSENT_MORE), n - CMP_ABSENT_SHOWN);
    fclose(f);
    if (rc != SQLITE_DONE) {
        free(txt);
        db_error(s, "cannot read the runs", err);
        return NULL;
    }
    return txt;
}

/* Says, in compare's header, which indicator columns each run's data
 * lacked when either did: the same, changed ("none → r_x (指标X)"), or
 * unknown for a run recorded before schema version 6 kept them.  False
 * after reporting. */
static bool compare_absent(store *s, const run_info *ra, const run_info *rb, long long a,
                           long long b, lbl_lang lang, FILE *out, FILE *err)
{
    char *ta = ra->absent_known ? absent_text(s, a, lang, err) : rt_xstrdup("");
    if (!ta)
        return false;
    char *tb = rb->absent_known ? absent_text(s, b, lang, err) : rt_xstrdup("");
    if (!tb) {
        free(ta);
        return false;
    }
    const char *none = lbl_get(lang, LBL_X_NONE);
    if (ra->absent_known != rb->absent_known) {
        /* one run kept none: said only when the other lacked some */
        const char *known = ra->absent_known ? ta : tb;
        if (*known)
            fprintf(out, lbl_get(lang, LBL_C_ABSENT_UNKNOWN), ra->absent_known ? b : a,
                    ra->absent_known ? a : b, known);
    } else if (strcmp(ta, tb) != 0) {
        fprintf(out, lbl_get(lang, LBL_C_ABSENT_CHANGED), *ta ? ta : none, *tb ? tb : none);
    } else if (*ta) {
        fprintf(out, lbl_get(lang, LBL_C_ABSENT_SAME), ta);
    }
    free(ta);
    free(tb);
    return true;
}

/* How many files a rules manifest lists. */
static size_t manifest_count(const char *manifest)
{
    size_t n;
    manifest_entry *e = manifest_parse(manifest, &n);
    manifest_free(e, n);
    return n;
}

/* A file that differs between two rules manifests (manifest_walk): its
 * name (nlen bytes, not terminated) and its hash in each (64 hex digits,
 * not terminated; NULL in the manifest that lacks it). */
typedef void manifest_visit(void *arg, const char *name, int nlen, const char *hash_a, const char *hash_b);

/* Visits the files that differ between rules manifests ma and mb: those
 * of ma changed in mb or not in it, in ma's order, then those only in mb,
 * in its order (compare's text and its JSON alike). */
static void manifest_walk(const char *ma, const char *mb, manifest_visit *visit, void *arg)
{
    size_t na, nb;
    manifest_entry *ea = manifest_parse(ma, &na), *eb = manifest_parse(mb, &nb);
    for (int side = 0; side < 2; side++) {
        const manifest_entry *e = side ? eb : ea, *other = side ? ea : eb;
        size_t n = side ? nb : na, nother = side ? na : nb;
        for (size_t i = 0; i < n; i++) {
            const char *name = e[i].name;
            const manifest_entry *o = manifest_find(other, nother, name);
            if (!o)
                visit(arg, name, (int)strlen(name), side ? NULL : e[i].hex, side ? e[i].hex : NULL);
            else if (!side && strcmp(o->hex, e[i].hex) != 0)
                visit(arg, name, (int)strlen(name), e[i].hex, o->hex);
        }
    }
    manifest_free(ea, na);
    manifest_free(eb, nb);
}

/* Where manifest_changes writes, and the words and runs it names. */
typedef struct manifest_text {
    FILE *out;
    lbl_lang lang;
    long long a, b;
} manifest_text;

/* manifest_walk's visit for the text: "    rules.plan: changed (…)",
 * "    x.plan: only in run 2". */
static void manifest_line(void *arg, const char *name, int nlen, const char *hash_a, const char *hash_b)
{
    const manifest_text *t = arg;
    if (hash_a && hash_b)
        fprintf(t->out, lbl_get(t->lang, LBL_C_FILE_CHANGED), nlen, name, hash_a, hash_b);
    else
        fprintf(t->out, lbl_get(t->lang, LBL_C_FILE_ONLY_IN), nlen, name, hash_a ? t->a : t->b);
}

/* Lists the files that differ between two rules manifests: "changed",
 * "only in run A" and "only in run B", in each manifest's order. */
static void manifest_changes(FILE *out, lbl_lang lang, const char *ma, const char *mb,
                             long long a, long long b)
{
    manifest_text t = {out, lang, a, b};
    manifest_walk(ma, mb, manifest_line, &t);
}

/* Says whether the rules of runs a and b are the same.  Runs recorded
 * before schema version 3 hashed the files' bytes without their names; a
 * run of each kind is compared when the newer one read a single file (the
 * older hash is then that file's), and is otherwise said to be not
 * comparable by hash. */
/* What compare_rules says of two runs' rules: the same, changed, or (a run
 * recorded before version 3 against a newer one of several files) not
 * comparable by hash; for compare's text and its JSON alike. */
typedef enum { RULES_SAME, RULES_CHANGED, RULES_NOT_COMPARABLE } rules_verdict;

/* The verdict on the rules of two runs (compare_rules). */
static rules_verdict rules_compared(const run_info *ra, const run_info *rb)
{
    bool olda = !*ra->rules_files, oldb = !*rb->rules_files;
    if (olda == oldb)
        return strcmp(ra->rules_hash, rb->rules_hash) == 0 ? RULES_SAME : RULES_CHANGED;
    const run_info *new = olda ? rb : ra, *old = olda ? ra : rb;
    size_t n;
    manifest_entry *e = manifest_parse(new->rules_files, &n);
    rules_verdict v = n != 1 ? RULES_NOT_COMPARABLE
                      : strcmp(e[0].hex, old->rules_hash) == 0 ? RULES_SAME : RULES_CHANGED;
    manifest_free(e, n);
    return v;
}

static void compare_rules(FILE *out, lbl_lang lang, const run_info *ra, const run_info *rb,
                          long long a, long long b)
{
    bool olda = !*ra->rules_files, oldb = !*rb->rules_files;
    if (olda == oldb) {
        if (rules_compared(ra, rb) == RULES_SAME) {
            fprintf(out, lbl_get(lang, LBL_C_RULES_SAME), ra->rules_hash);
            return;
        }
        fprintf(out, lbl_get(lang, LBL_C_RULES_CHANGED), ra->rules_hash, ra->rules_path,
                rb->rules_hash, rb->rules_path);
        if (!olda)
            manifest_changes(out, lang, ra->rules_files, rb->rules_files, a, b);
        return;
    }
    const run_info *new = olda ? rb : ra;
    size_t nfiles = manifest_count(new->rules_files);
    rules_verdict v = rules_compared(ra, rb);
    if (v == RULES_SAME)
        fprintf(out, lbl_get(lang, LBL_C_RULES_SAME_OLD), new->rules_hash, olda ? a : b);
    else if (v == RULES_CHANGED)
        fprintf(out, lbl_get(lang, LBL_C_RULES_CHANGED_OLD), ra->rules_hash, ra->rules_path,
                rb->rules_hash, rb->rules_path, olda ? a : b);
    else
        fprintf(out, lbl_get(lang, LBL_C_RULES_NOT_COMPARABLE), olda ? a : b, olda ? b : a, nfiles,
                ra->rules_hash, ra->rules_path, rb->rules_hash, rb->rules_path);
}

/* ------------------------------------------------- compare: the data files */

/* A data file a run read, as compare pairs it: its name as given, its
 * bytes' hash, and the rules it was read with (--read-with; "" for none)
 * with their hash.  The texts escaped as the text shows them, or as
 * recorded for the JSON. */
typedef struct cmp_file {
    char *name, *sha256, *with, *with_sha256;
    size_t base;          /* where the name's last component starts */
    bool paired;          /* paired with a file of the other run */
} cmp_file;

/* What became of a data file from one run to the other (cmp_pair). */
typedef enum {
    FILE_SAME,      /* the same name, bytes and reading */
    FILE_CHANGED,   /* the same name (or the same last component), other bytes */
    FILE_ADDED,     /* only in the second run */
    FILE_DROPPED,   /* only in the first run */
    FILE_RENAMED,   /* the same bytes under another name */
    FILE_REREAD,    /* the same name and bytes, read with other rules */
    FILE_NSTATES
} file_state;

/* One line of the pairing: the state and the file of each run (-1 where
 * the run lacks it). */
typedef struct cmp_pair {
    file_state state;
    long ia, ib;
} cmp_pair;

/* The data files of both runs, paired (compare_files). */
typedef struct cmp_files {
    bool known;           /* both runs recorded their files (schema version 8 on) */
    cmp_file *f[2];
    size_t n[2];
    cmp_pair *pairs;      /* in the first run's order, then the second's files only it has */
    size_t npairs;
    size_t count[FILE_NSTATES];
} cmp_files;

/* Reads run `id`'s data files into f (escaped for the text unless `raw`):
 * *n 0 and true for a run recorded before the history kept them, with
 * *known false.  False after reporting. */
static bool read_cmp_files(store *s, long long id, bool raw, cmp_file **f, size_t *n, bool *known,
                           FILE *err)
{
    *f = NULL;
    *n = 0;
    *known = false;
    if (s->version < 8)
        return true;
    long long rec = 0;
    char q[96];
    snprintf(q, sizeof q, "SELECT records_files FROM runs WHERE id = %lld", id);
    if (!query_int(s, q, &rec, err))
        return false;
    if (!rec)
        return true;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT path, sha256, read_with, read_with_sha256 FROM data_files "
                                  "WHERE run = ?1 ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the runs", err);
        return false;
    }
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *f = rt_xrealloc(*f, *n + 1, sizeof **f);
        cmp_file *x = &(*f)[(*n)++];
        char **txt[4] = {&x->name, &x->sha256, &x->with, &x->with_sha256};
        for (int k = 0; k < 4; k++)
            *txt[k] = rt_xstrdup(raw ? col_text(st, k) : shown(s, col_text(st, k)));
        const char *slash = strrchr(x->name, '/');
        x->base = slash ? (size_t)(slash + 1 - x->name) : 0;
        x->paired = false;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        db_error(s, "cannot read the runs", err);
        return false;
    }
    *known = true;
    return true;
}

/* Frees what compare_files allocated. */
static void cmp_files_free(cmp_files *cf)
{
    for (int side = 0; side < 2; side++) {
        for (size_t i = 0; i < cf->n[side]; i++) {
            cmp_file *x = &cf->f[side][i];
            free(x->name);
            free(x->sha256);
            free(x->with);
            free(x->with_sha256);
        }
        free(cf->f[side]);
    }
    free(cf->pairs);
    memset(cf, 0, sizeof *cf);
}

/* How many files of a run's list[0..n) have a last component of name
 * `base`, unpaired ones only. */
static size_t unpaired_with_base(const cmp_file *list, size_t n, const char *base)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += !list[i].paired && strcmp(list[i].name + list[i].base, base) == 0;
    return k;
}

/* Pairs the files of run a (fa) with those of run b (fb), in four passes,
 * each over the files the ones before left: the same name as given; the
 * same bytes (a file renamed or moved: "renamed"); the same last
 * component of the name, when it is the only one so named on each side
 * (the cities' files of another month's folder: "changed"); the rest is
 * dropped (a's) or added (b's).  Each pass takes b's files in their
 * order, so that the same bytes given twice in one run pair once.  Of
 * two runs of one file each, the files pair whatever their names. */
static void pair_files(cmp_files *cf)
{
    cmp_file *fa = cf->f[0], *fb = cf->f[1];
    size_t na = cf->n[0], nb = cf->n[1];
    long *peer = rt_xcalloc(na ? na : 1, sizeof *peer);
    for (size_t i = 0; i < na; i++)
        peer[i] = -1;
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < na; i++) {
            if (fa[i].paired)
                continue;
            for (size_t j = 0; j < nb; j++) {
                if (fb[j].paired)
                    continue;
                const char *ba = fa[i].name + fa[i].base, *bb = fb[j].name + fb[j].base;
                bool match = pass == 0   ? strcmp(fa[i].name, fb[j].name) == 0
                             : pass == 1 ? strcmp(fa[i].sha256, fb[j].sha256) == 0
                                         : strcmp(ba, bb) == 0 && unpaired_with_base(fa, na, ba) == 1 &&
                                               unpaired_with_base(fb, nb, bb) == 1;
                if (!match)
                    continue;
                fa[i].paired = fb[j].paired = true;
                peer[i] = (long)j;
                break;
            }
        }
    /* a run of one file against a run of one file: that file is the data,
     * changed whatever its name */
    if (na == 1 && nb == 1 && !fa[0].paired) {
        fa[0].paired = fb[0].paired = true;
        peer[0] = 0;
    }
    cf->pairs = rt_xcalloc(na + nb ? na + nb : 1, sizeof *cf->pairs);
    for (size_t i = 0; i < na; i++) {
        long j = peer[i];
        file_state st = FILE_DROPPED;
        if (j >= 0) {
            bool same_bytes = strcmp(fa[i].sha256, fb[j].sha256) == 0;
            bool same_name = strcmp(fa[i].name, fb[j].name) == 0;
            st = !same_bytes ? FILE_CHANGED
                 : !same_name ? FILE_RENAMED
                 : strcmp(fa[i].with_sha256, fb[j].with_sha256) != 0 ? FILE_REREAD
                                                                      : FILE_SAME;
        }
        cf->pairs[cf->npairs++] = (cmp_pair){st, (long)i, j};
        cf->count[st]++;
    }
    for (size_t j = 0; j < nb; j++)
        if (!fb[j].paired) {
            cf->pairs[cf->npairs++] = (cmp_pair){FILE_ADDED, -1, (long)j};
            cf->count[FILE_ADDED]++;
        }
    free(peer);
}

/* Reads and pairs the data files of runs a and b (escaped for the text
 * unless `raw`); cf->known false when a run was recorded before the
 * history kept them.  False after reporting. */
static bool compare_files(store *s, long long a, long long b, bool raw, cmp_files *cf, FILE *err)
{
    memset(cf, 0, sizeof *cf);
    bool ka, kb;
    if (!read_cmp_files(s, a, raw, &cf->f[0], &cf->n[0], &ka, err) ||
        !read_cmp_files(s, b, raw, &cf->f[1], &cf->n[1], &kb, err)) {
        cmp_files_free(cf);
        return false;
    }
    cf->known = ka && kb;
    if (cf->known)
        pair_files(cf);
    return true;
}

/* The first file of list[0..i) with the bytes of list[i], or -1: the same
 * bytes given twice in one run (a city's file sent under two names). */
static long earlier_twin(const cmp_file *list, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (strcmp(list[k].sha256, list[i].sha256) == 0)
            return (long)k;
    return -1;
}

/* Whether either run holds the same bytes twice. */
static bool any_twin(const cmp_files *cf)
{
    for (int side = 0; side < 2; side++)
        for (size_t i = 0; i < cf->n[side]; i++)
            if (earlier_twin(cf->f[side], i) >= 0)
                return true;
    return false;
}

/* How many of the files compare's text lists (changed, added, dropped,
 * renamed, read otherwise) before "and N more". */
#define CMP_FILES_SHOWN 20

/* Compare's text of the data of runs over several files: the line of the
 * whole (its hash, the files' counts and what became of them), then a line
 * per file that is not the same, then the files each run holds twice.
 * False (nothing written) when the per-file view has nothing to add to
 * the single line: a run of one file on each side, a run recorded before
 * the history kept its files, or files all the same. */
static bool compare_data_files(FILE *out, lbl_lang lang, const cmp_files *cf, const run_info *ra,
                               const run_info *rb, long long a, long long b)
{
    if (!cf->known || (cf->n[0] <= 1 && cf->n[1] <= 1))
        return false;
    bool twins = any_twin(cf);
    if (cf->count[FILE_SAME] == cf->npairs && !twins)
        return false;
    bool same = strcmp(ra->data_hash, rb->data_hash) == 0;
    /* what became of the files, the same last */
    static const char *const items[FILE_NSTATES] = {
        [FILE_CHANGED] = "%zu changed", [FILE_ADDED] = "%zu added", [FILE_DROPPED] = "%zu dropped",
        [FILE_RENAMED] = "%zu renamed", [FILE_REREAD] = "%zu read otherwise", [FILE_SAME] = "%zu same"};
    static const file_state order[FILE_NSTATES] = {FILE_CHANGED, FILE_ADDED, FILE_DROPPED,
                                                   FILE_RENAMED, FILE_REREAD, FILE_SAME};
    char *sum = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&sum, &len);
    bool first = true;
    for (int k = 0; k < FILE_NSTATES; k++) {
        file_state st = order[k];
        if (!cf->count[st] && st != FILE_SAME)
            continue;
        if (!first)
            fputs(msgcat_get(lang, ", "), f);
        fprintf(f, msgcat_get(lang, items[st]), cf->count[st]);
        first = false;
    }
    fclose(f);
    if (same)
        fprintf(out, msgcat_get(lang, "  data: same (%.12s), files %zu → %zu: %s\n"), ra->data_hash, cf->n[0],
                cf->n[1], sum);
    else
        fprintf(out, msgcat_get(lang, "  data: changed (%.12s → %.12s), files %zu → %zu: %s\n"), ra->data_hash,
                rb->data_hash, cf->n[0], cf->n[1], sum);
    free(sum);
    const char *none = lbl_get(lang, LBL_X_NONE);
    size_t shown_n = 0, more = 0;
    for (size_t k = 0; k < cf->npairs; k++) {
        const cmp_pair *p = &cf->pairs[k];
        if (p->state == FILE_SAME)
            continue;
        if (shown_n == CMP_FILES_SHOWN) {
            more++;
            continue;
        }
        shown_n++;
        const cmp_file *x = p->ia >= 0 ? &cf->f[0][p->ia] : NULL, *y = p->ib >= 0 ? &cf->f[1][p->ib] : NULL;
        switch (p->state) {
        case FILE_CHANGED:
            if (strcmp(x->name, y->name) == 0)
                fprintf(out, msgcat_get(lang, "    %s: changed (%.12s → %.12s)\n"), x->name, x->sha256,
                        y->sha256);
            else
                fprintf(out, msgcat_get(lang, "    %s → %s: changed (%.12s → %.12s)\n"), x->name, y->name,
                        x->sha256, y->sha256);
            break;
        case FILE_ADDED:
            fprintf(out, msgcat_get(lang, "    %s: added (%.12s, only in run %lld)\n"), y->name, y->sha256, b);
            break;
        case FILE_DROPPED:
            fprintf(out, msgcat_get(lang, "    %s: dropped (%.12s, only in run %lld)\n"), x->name, x->sha256, a);
            break;
        case FILE_RENAMED:
            fprintf(out, msgcat_get(lang, "    %s → %s: renamed, the same bytes (%.12s)\n"), x->name, y->name,
                    x->sha256);
            break;
        case FILE_REREAD:
            fprintf(out, msgcat_get(lang, "    %s: the same bytes (%.12s), read otherwise\n"), x->name,
                    x->sha256);
            break;
        default:
            break;
        }
        /* the rules the file was read with, when they changed */
        if (x && y && strcmp(x->with_sha256, y->with_sha256) != 0)
            fprintf(out, msgcat_get(lang, "      read with %s → %s\n"), *x->with ? x->with : none,
                    *y->with ? y->with : none);
    }
    if (more)
        fprintf(out, msgcat_get(lang, more == 1 ? "    and %zu more file (--format json lists them all)\n"
                                                : "    and %zu more files (--format json lists them all)\n"),
                more);
    for (int side = 0; side < 2; side++)
        for (size_t i = 0; i < cf->n[side]; i++) {
            long k = earlier_twin(cf->f[side], i);
            if (k >= 0)
                fprintf(out, msgcat_get(lang, "    run %lld: %s and %s have the same bytes (%.12s)\n"),
                        side ? b : a, cf->f[side][k].name, cf->f[side][i].name, cf->f[side][i].sha256);
        }
    return true;
}

/* One side of a file in compare's JSON data_files: its name, hash and
 * reading (null for none); null when the run lacks it. */
static void json_file(json_writer *w, const char *key, const cmp_file *x)
{
    json_key(w, key);
    if (!x) {
        json_null(w);
        return;
    }
    json_begin_object(w);
    json_key_str(w, "name", x->name);
    json_key_str(w, "sha256", x->sha256);
    json_key_str(w, "read_with", *x->with ? x->with : NULL);
    json_key_str(w, "read_with_sha256", *x->with_sha256 ? x->with_sha256 : NULL);
    json_end_object(w);
}

/* compare's JSON data_files: every data file of the two runs, paired, with
 * what became of it, the counts, and the bytes each run holds twice; null
 * when a run was recorded before the history kept its files. */
static void json_data_files(json_writer *w, const cmp_files *cf, long long a, long long b)
{
    json_key(w, "data_files");
    if (!cf->known) {
        json_null(w);
        return;
    }
    static const char *const names[FILE_NSTATES] = {
        [FILE_SAME] = "same",       [FILE_CHANGED] = "changed", [FILE_ADDED] = "added",
        [FILE_DROPPED] = "dropped", [FILE_RENAMED] = "renamed", [FILE_REREAD] = "read_otherwise"};
    json_begin_object(w);
    json_key_int(w, "a_files", (long long)cf->n[0]);
    json_key_int(w, "b_files", (long long)cf->n[1]);
    json_key(w, "counts");
    json_begin_record(w);
    static const file_state order[FILE_NSTATES] = {FILE_SAME, FILE_CHANGED, FILE_ADDED,
                                                   FILE_DROPPED, FILE_RENAMED, FILE_REREAD};
    for (int k = 0; k < FILE_NSTATES; k++)
        json_key_int(w, names[order[k]], (long long)cf->count[order[k]]);
    json_end_object(w);
    json_key(w, "files");
    json_begin_array(w);
    for (size_t k = 0; k < cf->npairs; k++) {
        const cmp_pair *p = &cf->pairs[k];
        json_begin_record(w);
        json_key_str(w, "change", names[p->state]);
        json_file(w, "a", p->ia >= 0 ? &cf->f[0][p->ia] : NULL);
        json_file(w, "b", p->ib >= 0 ? &cf->f[1][p->ib] : NULL);
        json_end_object(w);
    }
    json_end_array(w);
    json_key(w, "same_bytes");
    json_begin_array(w);
    for (int side = 0; side < 2; side++)
        for (size_t i = 0; i < cf->n[side]; i++) {
            long k = earlier_twin(cf->f[side], i);
            if (k < 0)
                continue;
            json_begin_record(w);
            json_key_int(w, "run", side ? b : a);
            json_key_str(w, "first", cf->f[side][k].name);
            json_key_str(w, "again", cf->f[side][i].name);
            json_key_str(w, "sha256", cf->f[side][i].sha256);
            json_end_object(w);
        }
    json_end_array(w);
    json_end_object(w);
}

/* Two numbers are the same result: equal, or both missing. */
static bool same_num(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* Writes "大连 2027 target 耕地红线" (kind and id; the total has no id), in
 * the comparison's language; with `renamed` (a column, else -1) holding
 * the other run's id of the row, and the next its region, "… target
 * 耕地红线 → 市级耕地红线" and "大连 → 甲市 2027 …" where the two differ,
 * and "大连 2023 → 2024 …" when the comparison pairs two years. */
static void row_label(const comparison *c, FILE *f, sqlite3_stmt *st, int renamed)
{
    store *s = c->s;
    lbl_lang lang = c->lang;
    const int *year = c->rq->year;
    const char *region = shown(s, col_text(st, 0));
    char *both = NULL;
    if (renamed >= 0 && strcmp(col_text(st, 0), col_text(st, renamed + 1)) != 0) {
        const char *other = shown(s, col_text(st, renamed + 1));
        size_t n = strlen(region) + strlen(other) + sizeof " → ";
        both = rt_xmalloc(n, 1);
        snprintf(both, n, "%s → %s", region, other);
        region = both;
    }
    if (renamed >= 0 && year[0])
        /* a row of one year paired with a row of another (compare --year) */
        fprintf(f, msgcat_get(lang, "  %s %d → %d %s"), region, year[0], year[1],
                lbl_item(lang, shown(s, col_text(st, 2))));
    else
        fprintf(f, lbl_get(lang, LBL_C_ROW), region, sqlite3_column_int(st, 1),
                lbl_item(lang, shown(s, col_text(st, 2))));
    free(both);
    if (*col_text(st, 3))
        fprintf(f, " %s", shown(s, col_text(st, 3)));
    if (renamed >= 0 && strcmp(col_text(st, 3), col_text(st, renamed)) != 0)
        fprintf(f, " → %s", shown(s, col_text(st, renamed)));
}

/* The columns of the comparison (store_compare's query) that say why a
 * row's status or score changed: the value, the goal and the tolerance of
 * run a and of run b; and the unit of run b's row. */
enum { CMP_VALUE = 10, CMP_GOAL = 12, CMP_TOLERANCE = 14, CMP_ID = 16, CMP_UNIT = 18, CMP_VETOES = 19 };

/* Whether a veto moved a compared total's grade: "vetoed" when run b's
 * row names failed veto targets (its `vetoes` column) and run a's names
 * none, the grade then held to the last band whatever the total;
 * "lifted" the other way; "changed" when both name failed veto targets,
 * not the same ones (the grade held there by others); NULL when neither
 * side was vetoed or both by the same targets (a grade that moved did
 * for another reason: the bands or the total).  A total it is not NULL
 * for is listed under grades though its grade and total stayed; the
 * text's veto_reason and the JSON's `veto` decide alike by it. */
static const char *veto_moved(sqlite3_stmt *st)
{
    const char *va = col_text(st, CMP_VETOES), *vb = col_text(st, CMP_VETOES + 1);
    if (strcmp(va, vb) == 0)
        return NULL;
    return !*va ? "vetoed" : !*vb ? "lifted" : "changed";
}

/* The failed veto targets of a `vetoes` column (joined by ';') joined as
 * a list of the language's ("A, B", "A、B"), malloc'd; *several says
 * whether there are more than one. */
static char *veto_names(lbl_lang lang, const char *list, bool *several)
{
    const char *sep = lang == LBL_ZH ? "、" : ", ";
    size_t n = 1;
    *several = false;
    for (const char *p = list; *p; p++) {
        n += *p == ';' ? strlen(sep) : 1;
        *several |= *p == ';';
    }
    char *names = rt_xmalloc(n, 1), *o = names;
    for (const char *p = list; *p; p++)
        o = *p == ';' ? stpcpy(o, sep) : (*o = *p, o + 1);
    *o = '\0';
    return names;
}

/* After a total's line under grades in compare's text, why, when a veto
 * made the change (veto_moved): run b's failed veto targets when run a
 * had none, the grade held to the last band whatever the total; run a's
 * when run b has none, the grade no longer held there; both when both
 * name others, the grade held there by other targets.  Nothing when
 * neither side was vetoed or both by the same targets (the grade then
 * moved for another reason: the bands or the total). */
static void veto_reason(lbl_lang lang, store *s, FILE *f, sqlite3_stmt *st)
{
    const char *moved = veto_moved(st);
    if (!moved)
        return;
    const char *va = shown(s, col_text(st, CMP_VETOES)), *vb = shown(s, col_text(st, CMP_VETOES + 1));
    bool several;
    if (strcmp(moved, "changed") == 0) {
        bool several_b;
        char *na = veto_names(lang, va, &several), *nb = veto_names(lang, vb, &several_b);
        fprintf(f, msgcat_get(lang, "    veto targets changed: %s → %s, failed: the grade is the last band "
                                    "whatever the total\n"),
                na, nb);
        free(na);
        free(nb);
        return;
    }
    char *names = veto_names(lang, *vb ? vb : va, &several);
    if (*vb)
        fprintf(f, msgcat_get(lang, several ? "    vetoed: %s, veto targets, failed: the grade is the last band "
                                              "whatever the total\n"
                                            : "    vetoed: %s, a veto target, failed: the grade is the last band "
                                              "whatever the total\n"),
                names);
    else
        fprintf(f, msgcat_get(lang, several ? "    veto lifted: %s, veto targets, failed before and no longer do: the "
                                              "grade follows the total\n"
                                            : "    veto lifted: %s, a veto target, failed before and no longer does: "
                                              "the grade follows the total\n"),
                names);
    free(names);
}

/* Whether a compared row is a yes/no target's (its unit is "bool"). */
static bool cmp_bool(sqlite3_stmt *st)
{
    const unsigned char *u = sqlite3_column_text(st, CMP_UNIT);
    return u && strcmp((const char *)u, "bool") == 0;
}

/* An old and a new number of a compared row, "A → B": each rounded as fmt
 * does, but both in full when the rounding would write two different
 * numbers alike ("score 52.11 → 52.11"); a NaN as "none" (with `none`: a
 * goal or tolerance that does not apply) or "missing", a yes/no value
 * (with `yesno`) as yes or no, as the reports write them.  *ta and *tb
 * point into b1, b2 or the labels. */
static void pair(lbl_lang lang, double a, double b, bool none, bool yesno, char b1[32], char b2[32],
                 const char **ta, const char **tb)
{
    report_format_shown_pair(a, b, REPORT_PAGE_DECIMALS, b1, b2);
    const double v[2] = {a, b};
    const char *t[2] = {b1, b2};
    for (int i = 0; i < 2; i++)
        if (isnan(v[i]))
            t[i] = lbl_get(lang, none ? LBL_X_NONE : LBL_X_MISSING);
        else if (yesno)
            t[i] = lbl_get(lang, v[i] != 0 ? LBL_YES : LBL_NO);
    *ta = t[0];
    *tb = t[1];
}

/* Whether the tolerance of a compared row changed; only when both runs
 * recorded tolerances (`known`): a run recorded before schema version 4
 * has none in its rows, whatever its rules said. */
static bool tolerance_changed(sqlite3_stmt *st, bool known)
{
    return known && !same_num(col_num(st, CMP_TOLERANCE), col_num(st, CMP_TOLERANCE + 1));
}

/* Whether a compared row's value, goal or tolerance changed (what can
 * change its status or score besides the rules' weights and scoring). */
static bool has_causes(sqlite3_stmt *st, bool tolerances_known)
{
    return !same_num(col_num(st, CMP_VALUE), col_num(st, CMP_VALUE + 1)) ||
           !same_num(col_num(st, CMP_GOAL), col_num(st, CMP_GOAL + 1)) ||
           tolerance_changed(st, tolerances_known);
}

/* Writes what changed a compared row's status or score, among its value
 * ("value A → B"), its goal ("goal A → B") and its tolerance ("tolerance
 * A → B", beside the goal), joined by ", ", and returns true; writes
 * nothing and returns false when none changed (has_causes). */
static bool causes(FILE *f, lbl_lang lang, sqlite3_stmt *st, bool tolerances_known)
{
    char b1[32], b2[32];
    const char *sep = "", *comma = lbl_get(lang, LBL_C_COMMA), *ta, *tb;
    double va = col_num(st, CMP_VALUE), vb = col_num(st, CMP_VALUE + 1);
    double ga = col_num(st, CMP_GOAL), gb = col_num(st, CMP_GOAL + 1);
    if (!same_num(va, vb)) {
        pair(lang, va, vb, false, cmp_bool(st), b1, b2, &ta, &tb);
        fprintf(f, lbl_get(lang, LBL_C_VALUE), ta, tb);
        sep = comma;
    }
    if (!same_num(ga, gb)) {
        pair(lang, ga, gb, true, cmp_bool(st), b1, b2, &ta, &tb);
        fprintf(f, lbl_get(lang, LBL_C_GOAL), sep, ta, tb);
        sep = comma;
    }
    if (tolerance_changed(st, tolerances_known)) {
        pair(lang, col_num(st, CMP_TOLERANCE), col_num(st, CMP_TOLERANCE + 1), true, false, b1, b2, &ta, &tb);
        fprintf(f, lbl_get(lang, LBL_C_TOLERANCE), sep, ta, tb);
        sep = comma;
    }
    return *sep != 0;
}

/* " INDEXED BY results_key" when the database has that index (every
 * schema planc writes has it), for store_compare to name it; "" for a
 * database without it (opened read-only, from elsewhere or older), then
 * compared without it, slowly but alike. */
static const char *key_index(store *s)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'results_key' "
                           "AND tbl_name = 'results'",
                           -1, &st, NULL) != SQLITE_OK)
        return "";
    bool has = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return has ? " INDEXED BY results_key" : "";
}

/* How a target row of the first run of a comparison (x) is named in the
 * second (the temporary table planc_idmap, made by map_renames). */
#define MAPPED_ID "coalesce((SELECT m.new FROM temp.planc_idmap m WHERE m.old = x.id AND x.kind = 'target'), x.id)"
/* The same for a row's region (planc_regionmap). */
#define MAPPED_REGION "coalesce((SELECT m.new FROM temp.planc_regionmap m WHERE m.old = x.region), x.region)"

/* The rows of one run that the other lacks, in one year: how many, and
 * of how many regions (only_in's summary). */
typedef struct only_year {
    int year;
    long long rows, regions;
} only_year;

/* Most years only_in's summary lists; the others are counted. */
#define ONLY_YEARS_LISTED 10

/* Puts, before *text (the first 20 rows only_in lists), a line per year
 * of those rows (at most ONLY_YEARS_LISTED, in the rows' order): how many
 * rows of how many regions, and whether run `other` has no row of that
 * year at all (a year added or taken out of the data: the 20 rows listed
 * are then the first region's items alone).  Returns 0, or -1 on an
 * error. */
static int only_years(const comparison *c, long long other, const only_year *years, size_t nyears,
                      char **text)
{
    store *s = c->s;
    lbl_lang lang = c->lang;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT EXISTS (SELECT 1 FROM results WHERE run = ?1 AND year = ?2)",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    char *head = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&head, &len);
    int rc = 0;
    for (size_t y = 0; y < nyears && y < ONLY_YEARS_LISTED && rc == 0; y++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, other);
        sqlite3_bind_int(st, 2, years[y].year);
        if (sqlite3_step(st) != SQLITE_ROW) {
            rc = -1;
            break;
        }
        /* with two years paired (compare --year), run `other`'s rows are
         * of another year: whether it has rows of this one is beside the point */
        bool none = !c->rq->year[0] && sqlite3_column_int(st, 0) == 0;
        lbl_id what = years[y].rows == 1 ? LBL_C_YEAR_ROW
                      : years[y].regions == 1 ? LBL_C_YEAR_ROWS1 : LBL_C_YEAR_ROWS;
        fprintf(f, lbl_get(lang, what), years[y].year, years[y].rows, years[y].regions);
        if (none)
            fprintf(f, lbl_get(lang, LBL_C_YEAR_NONE), other, years[y].year);
        fputc('\n', f);
    }
    if (nyears > ONLY_YEARS_LISTED)
        fprintf(f, lbl_get(lang, LBL_C_YEARS_MORE), (long long)(nyears - ONLY_YEARS_LISTED));
    sqlite3_finalize(st);
    fputs(*text ? *text : "", f);
    fclose(f);
    free(*text);
    *text = head;
    return rc;
}

/* The most rows only_in lists one by one, and the most regions it names
 * in a whole year's line. */
#define ONLY_ROWS_LISTED 20
#define ONLY_NAMES 5
/* The most regions the other run lacks whole that only_in gives a line
 * each; the others are counted. */
#define ONLY_REGIONS_LISTED 20

/* A year of one run in which the other has no row at all: its rows, its
 * regions, and the first ONLY_NAMES of their names (escaped). */
typedef struct whole_year {
    int year;
    long long rows, regions;
    char *names;
} whole_year;

/* A region of one run of which the other has no row (in the years both
 * have): its rows and their years, as runs ("2021–2024, 2026"). */
typedef struct whole_region {
    char *name;     /* escaped */
    long long rows;
    char *years;
    int first, last; /* the run of years being read */
} whole_region;

/* Appends the run of years first..last to *years in lang ("2021–2024",
 * "2026"; "2021–2024年" in Chinese), after a comma when it is not the
 * first. */
static void add_years(char **years, int first, int last, lbl_lang lang)
{
    char run[64];
    if (first == last)
        snprintf(run, sizeof run, lbl_get(lang, LBL_YEAR), first);
    else
        snprintf(run, sizeof run, lbl_get(lang, LBL_C_SPAN), first, last);
    const char *sep = *years ? lbl_get(lang, LBL_U_NAME_SEP) : "";
    size_t had = *years ? strlen(*years) : 0;
    *years = rt_xrealloc(*years, had + strlen(sep) + strlen(run) + 1, 1);
    strcpy(*years + had, sep);
    strcat(*years, run);
}

/* Names one side of a comparison of two years (compare --year A
 * --against-year B) in buf: the year alone when both are of one run
 * ("2023", "2023年"), else with the run ("run 1, 2023", "评估 1 的2023年"). */
static void year_side(const comparison *c, char buf[64], long long run, int year)
{
    if (c->a == c->b)
        snprintf(buf, 64, lbl_get(c->lang, LBL_YEAR), year);
    else
        snprintf(buf, 64, msgcat_get(c->lang, "run %lld, %d"), run, year);
}

/* Appends name to a whole year's names (up to ONLY_NAMES, then ", …",
 * 等 in Chinese). */
static void add_name(whole_year *w, const char *name, lbl_lang lang)
{
    if (w->regions > ONLY_NAMES + 1)
        return;
    bool more = w->regions > ONLY_NAMES;
    const char *sep = more || !w->names ? "" : lbl_get(lang, LBL_U_NAME_SEP);
    const char *what = more ? lbl_get(lang, LBL_C_NAMES_MORE) : name;
    size_t had = w->names ? strlen(w->names) : 0;
    w->names = rt_xrealloc(w->names, had + strlen(sep) + strlen(what) + 1, 1);
    strcpy(w->names + had, sep);
    strcat(w->names, what);
}

/* A text of a compared row as the JSON gives it: null for "" (a total's
 * id, a row without a status or a grade). */
static void json_text_or_null(json_writer *w, const char *key, sqlite3_stmt *st, int col)
{
    const char *t = col_text(st, col);
    json_key(w, key);
    if (*t)
        json_str(w, t);
    else
        json_null(w);
}

/* only_in's JSON (compare --format json): every row of the query `st`
 * (only_in's, region, year, kind, id) as a record of only_in_a (only_in_b
 * when `reverse`), unabridged: a script reads them all, where the text
 * summarises whole years and regions.  Finalizes the three statements;
 * returns how many rows, or -1 after reporting. */
static long long only_in_json(const comparison *c, sqlite3_stmt *st, sqlite3_stmt *has_year,
                              sqlite3_stmt *has_region, bool reverse)
{
    json_writer *w = c->w;
    json_key(w, reverse ? "only_in_b" : "only_in_a");
    json_begin_array(w);
    long long n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_begin_record(w);
        json_key_str(w, "region", col_text(st, 0));
        json_key_int(w, "year", sqlite3_column_int(st, 1));
        json_key_str(w, "kind", col_text(st, 2));
        json_text_or_null(w, "id", st, 3);
        json_end_object(w);
        n++;
    }
    json_end_array(w);
    sqlite3_finalize(st);
    sqlite3_finalize(has_year);
    sqlite3_finalize(has_region);
    if (rc != SQLITE_DONE) {
        db_error(c->s, "cannot compare the runs", c->err);
        return -1;
    }
    return n;
}

/* Writes the rows of one run that the other lacks; returns how many there
 * are, or -1 on an error.  A year of run a in which run b has no row at
 * all is one line (its rows, its regions and their first names: a year
 * added to the data), so is a region of which run b has no row in the
 * years both have (its rows and their years: a region the data gained or
 * lost); of the other rows, a line per year when there are more than
 * ONLY_ROWS_LISTED, then the first ONLY_ROWS_LISTED one by one.  The
 * count in the heading is every such row; the database keeps them all.
 * Run a is the comparison's first run and b its second, or with
 * `reverse` the other way round.  When the header mapped renames
 * (c->mapped, c->rmapped), run a's target ids (regions) are named in run b
 * as planc_idmap (planc_regionmap) says. */
static long long only_in(const comparison *c, bool reverse)
{
    store *s = c->s;
    lbl_lang lang = c->lang;
    FILE *out = c->out, *err = c->err;
    long long a = reverse ? c->b : c->a, b = reverse ? c->a : c->b;
    bool ids = c->mapped, regions = c->rmapped;
    sqlite3_stmt *st, *has_year = NULL, *has_region = NULL;
    char sql[2048];
    const char *idx = key_index(s);
    /* a row of the second run is matched by a row of the first named so */
    const char *region = !regions ? "y.region = x.region"
                         : !reverse ? "y.region = " MAPPED_REGION
                                    : "(y.region = x.region AND y.region NOT IN (SELECT old FROM "
                                      "temp.planc_regionmap) OR y.region IN (SELECT m.old FROM "
                                      "temp.planc_regionmap m WHERE m.new = x.region))";
    const char *id = !ids ? "y.id = x.id"
                     : !reverse ? "y.id = " MAPPED_ID
                                : "(y.id = x.id AND (x.kind <> 'target' OR y.id NOT IN "
                                  "(SELECT old FROM temp.planc_idmap)) OR x.kind = 'target' AND y.id IN "
                                  "(SELECT m.old FROM temp.planc_idmap m WHERE m.new = x.id))";
    /* with two years paired (compare --year), run a's rows of its year
     * against run b's of its own: ?3 and ?4 */
    int xyear = c->rq->year[reverse ? 1 : 0], yyear = c->rq->year[reverse ? 0 : 1];
    snprintf(sql, sizeof sql,
             "SELECT x.region, x.year, x.kind, x.id FROM results x WHERE x.run = ?1%s%s AND NOT EXISTS "
             "(SELECT 1 FROM results y%s WHERE y.run = ?2 AND %s AND y.year = %s "
             "AND y.kind = x.kind AND %s) ORDER BY x.seq",
             xyear ? " AND x.year = ?3" : "", c->no_targets ? " AND x.kind <> 'target'" : "", idx,
             region, xyear ? "?4" : "x.year", id);
    bool ok = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK;
    /* whether run b has a row of a year, of a region (named as in run b;
     * in its year, when two are paired) */
    ok = ok && sqlite3_prepare_v2(s->db, "SELECT EXISTS (SELECT 1 FROM results WHERE run = ?1 AND year = ?2)",
                                  -1, &has_year, NULL) == SQLITE_OK;
    snprintf(sql, sizeof sql,
             "SELECT EXISTS (SELECT 1 FROM results y WHERE y.run = ?1 AND %s%s) FROM (SELECT ?2 AS region) x",
             region, xyear ? " AND y.year = ?3" : "");
    ok = ok && sqlite3_prepare_v2(s->db, sql, -1, &has_region, NULL) == SQLITE_OK;
    if (!ok) {
        sqlite3_finalize(st);
        sqlite3_finalize(has_year);
        sqlite3_finalize(has_region);
        db_error(s, "cannot compare the runs", err);
        return -1;
    }
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    sqlite3_bind_int64(has_year, 1, b);
    sqlite3_bind_int64(has_region, 1, b);
    if (xyear) {
        sqlite3_bind_int(st, 3, xyear);
        sqlite3_bind_int(st, 4, yyear);
        sqlite3_bind_int(has_region, 3, yyear);
    }
    if (c->w)
        return only_in_json(c, st, has_year, has_region, reverse);
    long long n = 0, rest = 0;
    int rc;
    char *text = NULL;
    size_t len = 0;
    FILE *buf = open_memstream(&text, &len);
    only_year *years = NULL;            /* the other rows by year */
    size_t nyears = 0;
    whole_year *wy = NULL;              /* the years run b lacks */
    size_t nwy = 0;
    whole_region *wr = NULL;            /* the regions run b lacks */
    size_t nwr = 0;
    char *last_region = NULL;
    int last_year = 0;
    bool region_in_b = true, year_in_b = true;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        n++;
        /* rows come region by region, a region's years ascending, so a
         * (region, year) pair's rows are consecutive */
        int year = sqlite3_column_int(st, 1);
        const char *name = col_text(st, 0);
        bool new_region = !last_region || strcmp(name, last_region) != 0;
        bool new_pair = new_region || year != last_year;
        if (new_region) {
            sqlite3_reset(has_region);
            sqlite3_bind_text(has_region, 2, name, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(has_region) != SQLITE_ROW) {
                rc = SQLITE_ERROR;
                break;
            }
            region_in_b = sqlite3_column_int(has_region, 0) != 0;
            free(last_region);
            last_region = rt_xstrdup(name);
        }
        if (new_pair && xyear) {
            year_in_b = true; /* run b has rows of its year (store_run_year) */
        } else if (new_pair) {
            sqlite3_reset(has_year);
            sqlite3_bind_int(has_year, 2, year);
            if (sqlite3_step(has_year) != SQLITE_ROW) {
                rc = SQLITE_ERROR;
                break;
            }
            year_in_b = sqlite3_column_int(has_year, 0) != 0;
            last_year = year;
        }
        if (!year_in_b) {
            /* a year run b has no row in */
            size_t y = 0;
            while (y < nwy && wy[y].year != year)
                y++;
            if (y == nwy) {
                wy = rt_xrealloc(wy, nwy + 1, sizeof *wy);
                wy[nwy++] = (whole_year){.year = year};
            }
            wy[y].rows++;
            if (new_pair) {
                wy[y].regions++;
                add_name(&wy[y], shown(s, name), lang);
            }
            continue;
        }
        if (!region_in_b) {
            /* a region run b has no row of (in the years both have) */
            if (new_region || nwr == 0 || strcmp(wr[nwr - 1].name, shown(s, name)) != 0) {
                wr = rt_xrealloc(wr, nwr + 1, sizeof *wr);
                wr[nwr++] = (whole_region){.name = rt_xstrdup(shown(s, name)), .first = year,
                                           .last = year};
            }
            whole_region *w = &wr[nwr - 1];
            if (year > w->last + 1) {
                add_years(&w->years, w->first, w->last, lang);
                w->first = year;
            }
            w->last = year;
            w->rows++;
            continue;
        }
        if (rest < ONLY_ROWS_LISTED) {
            row_label(c, buf, st, -1);
            fputc('\n', buf);
        }
        rest++;
        /* the other rows by year, and the (region, year) pairs among them */
        size_t y = 0;
        while (y < nyears && years[y].year != year)
            y++;
        if (y == nyears) {
            years = rt_xrealloc(years, nyears + 1, sizeof *years);
            years[nyears++] = (only_year){.year = year};
        }
        years[y].rows++;
        if (new_pair)
            years[y].regions++;
    }
    free(last_region);
    sqlite3_finalize(st);
    sqlite3_finalize(has_year);
    sqlite3_finalize(has_region);
    fclose(buf);
    if (rc != SQLITE_DONE || (rest > ONLY_ROWS_LISTED && only_years(c, b, years, nyears, &text) != 0)) {
        db_error(s, "cannot compare the runs", err);
        n = -1;
    } else {
        char side_a[64], side_b[64]; /* with two years paired: "2023", "run 1, 2023" */
        if (xyear) {
            year_side(c, side_a, a, xyear);
            year_side(c, side_b, b, yyear);
            fprintf(out, msgcat_get(lang, n == 1 ? "only in %s: %lld row\n" : "only in %s: %lld rows\n"),
                    side_a, n);
        } else {
            fprintf(out, lbl_get(lang, n == 1 ? LBL_C_ONLY_IN_ROW : LBL_C_ONLY_IN_ROWS), a, n);
        }
        for (size_t y = 0; y < nwy && y < ONLY_YEARS_LISTED; y++)
            fprintf(out, lbl_get(lang, wy[y].rows == 1 ? LBL_C_WHOLE_YEAR_ROW
                                       : wy[y].regions == 1 ? LBL_C_WHOLE_YEAR1 : LBL_C_WHOLE_YEAR),
                    wy[y].year, wy[y].rows, wy[y].regions, wy[y].names, b);
        if (nwy > ONLY_YEARS_LISTED)
            fprintf(out, lbl_get(lang, LBL_C_YEARS_MORE), (long long)(nwy - ONLY_YEARS_LISTED));
        for (size_t r = 0; r < nwr && r < ONLY_REGIONS_LISTED; r++) {
            add_years(&wr[r].years, wr[r].first, wr[r].last, lang);
            if (xyear)
                fprintf(out, msgcat_get(lang, wr[r].rows == 1 ? "  %s: %lld row in %s, none in %s\n"
                                                              : "  %s: %lld rows in %s, none in %s\n"),
                        wr[r].name, wr[r].rows, wr[r].years, side_b);
            else
                fprintf(out, lbl_get(lang, wr[r].rows == 1 ? LBL_C_WHOLE_REGION_ROW : LBL_C_WHOLE_REGION),
                        wr[r].name, wr[r].rows, wr[r].years, b);
        }
        if (nwr > ONLY_REGIONS_LISTED && xyear)
            fprintf(out, msgcat_get(lang, nwr - ONLY_REGIONS_LISTED == 1 ? "  ... and %lld more region, none in %s\n"
                                                                         : "  ... and %lld more regions, none in %s\n"),
                    (long long)(nwr - ONLY_REGIONS_LISTED), side_b);
        else if (nwr > ONLY_REGIONS_LISTED)
            fprintf(out, lbl_get(lang, nwr - ONLY_REGIONS_LISTED == 1 ? LBL_C_REGIONS_MORE_ONE : LBL_C_REGIONS_MORE),
                    (long long)(nwr - ONLY_REGIONS_LISTED), b);
        fputs(text ? text : "", out);
        if (rest > ONLY_ROWS_LISTED)
            fprintf(out, lbl_get(lang, LBL_C_MORE), rest - ONLY_ROWS_LISTED);
    }
    for (size_t y = 0; y < nwy; y++)
        free(wy[y].names);
    for (size_t r = 0; r < nwr; r++) {
        free(wr[r].name);
        free(wr[r].years);
    }
    free(wy);
    free(wr);
    free(years);
    free(text);
    return n;
}

/* Whether run `run` recorded a tolerance on some row; -1 on an error. */
static int has_tolerance(store *s, long long run, FILE *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT EXISTS (SELECT 1 FROM results WHERE run = ?1 AND "
                                  "tolerance IS NOT NULL)", -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot compare the runs", err);
        return -1;
    }
    sqlite3_bind_int64(st, 1, run);
    int rc = sqlite3_step(st);
    int v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    if (v < 0)
        db_error(s, "cannot compare the runs", err);
    return v;
}

/* Says, in compare's header, that one of two runs was recorded before the
 * history kept tolerances (schema version 4) when the other has a goal with
 * one: a status that changed there may be the tolerance's doing, which
 * compare cannot show.  False on an error. */
static bool compare_tolerances(store *s, const run_info *ra, const run_info *rb, long long a,
                               long long b, lbl_lang lang, FILE *out, FILE *err)
{
    if (ra->tolerances == rb->tolerances)
        return true;
    int has = has_tolerance(s, ra->tolerances ? a : b, err);
    if (has < 0)
        return false;
    if (has)
        fprintf(out, lbl_get(lang, LBL_C_TOLERANCES_UNKNOWN), ra->tolerances ? b : a,
                ra->tolerances ? a : b);
    return true;
}

/* A run's target renames (`override target OLD as NEW`), in order; none
 * for a run recorded before schema version 5. */
typedef struct run_renames {
    char **from, **to;
    size_t n;
} run_renames;

/* Frees what read_renames allocated. */
static void renames_free(run_renames *r)
{
    for (size_t k = 0; k < r->n; k++) {
        free(r->from[k]);
        free(r->to[k]);
    }
    free(r->from);
    free(r->to);
    memset(r, 0, sizeof *r);
}

/* Reads run `run`'s renames of `kind` ('target' or 'region'); false
 * after reporting. */
static bool read_renames(store *s, long long run, const char *kind, run_renames *r, FILE *err)
{
    memset(r, 0, sizeof *r);
    if (s->version < 5)
        return true;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT old, new FROM renames WHERE run = ?1 AND kind = ?2 "
                                  "ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the runs", err);
        return false;
    }
    sqlite3_bind_int64(st, 1, run);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    int rc;
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (r->n == cap) {
            cap = cap ? cap * 2 : 8;
            r->from = rt_xrealloc(r->from, cap, sizeof *r->from);
            r->to = rt_xrealloc(r->to, cap, sizeof *r->to);
        }
        r->from[r->n] = rt_xstrdup(col_text(st, 0));
        r->to[r->n++] = rt_xstrdup(col_text(st, 1));
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        db_error(s, "cannot read the runs", err);
        renames_free(r);
        return false;
    }
    return true;
}

/* Whether r holds the rename from -> to. */
static bool has_rename(const run_renames *r, const char *from, const char *to)
{
    for (size_t k = 0; k < r->n; k++)
        if (strcmp(r->from[k], from) == 0 && strcmp(r->to[k], to) == 0)
            return true;
    return false;
}

/* The renames of `kind` between runs a and b ('target': as planc diff
 * pairs targets; 'region': as it pairs regions, renamed or replaced):
 * those of run a that run b lacks, undone (latest first), then those of
 * run b that run a lacks.  When there are any, compare's header lists
 * them (`head`), and the temporary table `table` maps each name of run a
 * that they change to its name in run b (*mapped is then true). */
static bool map_renames(const comparison *c, const char *kind, const char *table, lbl_id head, bool *mapped)
{
    store *s = c->s;
    lbl_lang lang = c->lang;
    FILE *out = c->out, *err = c->err;
    long long a = c->a, b = c->b;
    run_renames ra, rb;
    if (!read_renames(s, a, kind, &ra, err))
        return false;
    if (!read_renames(s, b, kind, &rb, err)) {
        renames_free(&ra);
        return false;
    }
    size_t n = 0;
    const char **from = rt_xmalloc(ra.n + rb.n + 1, sizeof *from);
    const char **to = rt_xmalloc(ra.n + rb.n + 1, sizeof *to);
    for (size_t k = ra.n; k-- > 0;)
        if (!has_rename(&rb, ra.from[k], ra.to[k])) {
            from[n] = ra.to[k];
            to[n++] = ra.from[k];
        }
    for (size_t k = 0; k < rb.n; k++)
        if (!has_rename(&ra, rb.from[k], rb.to[k])) {
            from[n] = rb.from[k];
            to[n++] = rb.to[k];
        }
    bool ok = true;
    sqlite3_stmt *st = NULL;
    if (c->w) {
        /* the JSON's renames.targets (regions, indicators): [] for none */
        json_writer *w = c->w;
        json_key(w, strcmp(kind, "target") == 0 ? "targets" : strcmp(kind, "region") == 0 ? "regions"
                                                                                            : "indicators");
        json_begin_inline_array(w);
        for (size_t k = 0; k < n; k++) {
            json_begin_record(w);
            json_key_str(w, "from", from[k]);
            json_key_str(w, "to", to[k]);
            json_end_object(w);
        }
        json_end_array(w);
    }
    if (n) {
        if (!c->w)
            fputs(lbl_get(lang, head), out);
        for (size_t k = 0; k < n && !c->w; k++)
            fprintf(out, lbl_get(lang, LBL_C_RENAME), k ? lbl_get(lang, LBL_C_COMMA) : "",
                    shown(s, from[k]), shown(s, to[k]));
        if (!c->w)
            fputc('\n', out);
        char sql[256];
        snprintf(sql, sizeof sql, "CREATE TEMP TABLE IF NOT EXISTS %s (old TEXT PRIMARY KEY, "
                                  "new TEXT NOT NULL); DELETE FROM temp.%s;", table, table);
        char ins[128];
        snprintf(ins, sizeof ins, "INSERT OR IGNORE INTO temp.%s (old, new) VALUES (?1, ?2)", table);
        ok = exec_sql(s, sql, "cannot compare the runs", err) &&
             sqlite3_prepare_v2(s->db, ins, -1, &st, NULL) == SQLITE_OK;
        /* each name a rename starts from, followed through the list */
        for (size_t k = 0; ok && k < n; k++) {
            const char *nm = from[k];
            for (size_t j = k; j < n; j++)
                if (strcmp(nm, from[j]) == 0)
                    nm = to[j];
            sqlite3_reset(st);
            sqlite3_bind_text(st, 1, from[k], -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, nm, -1, SQLITE_STATIC);
            ok = sqlite3_step(st) == SQLITE_DONE;
        }
        if (!ok && st)
            db_error(s, "cannot compare the runs", err);
        sqlite3_finalize(st);
        *mapped = ok;
    }
    free(from);
    free(to);
    renames_free(&ra);
    renames_free(&rb);
    return ok;
}

/* A side's absent_columns in compare's JSON: every indicator column run
 * `id`'s data lacked (read as missing cells under --allow-missing-columns),
 * `{"column", "indicator"}` each in the order recorded, [] for none; null
 * for a run recorded before the history kept them (schema version 6),
 * which the text calls unknown.  False after reporting. */
static bool json_absent(const comparison *c, long long id, const run_info *ri)
{
    json_writer *w = c->w;
    json_key(w, "absent_columns");
    if (!ri->absent_known) {
        json_null(w);
        return true;
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(c->s->db, "SELECT data_column, indicator FROM absent_columns WHERE run = ?1 "
                                     "ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
        db_error(c->s, "cannot read the runs", c->err);
        return false;
    }
    sqlite3_bind_int64(st, 1, id);
    json_begin_inline_array(w);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_begin_record(w);
        json_key_str(w, "column", col_text(st, 0));
        json_key_str(w, "indicator", col_text(st, 1));
        json_end_object(w);
    }
    json_end_array(w);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        db_error(c->s, "cannot read the runs", c->err);
        return false;
    }
    return true;
}

/* manifest_walk's visit for the JSON's rules_files_changed: a record of
 * the file's name and its hash in each run's rules (null in the one that
 * lacks it). */
static void manifest_record(void *arg, const char *name, int nlen, const char *hash_a, const char *hash_b)
{
    json_writer *w = arg;
    char *nm = rt_xmalloc((size_t)nlen + 1, 1);
    memcpy(nm, name, (size_t)nlen);
    nm[nlen] = 0;
    char ha[65] = "", hb[65] = "";
    if (hash_a)
        memcpy(ha, hash_a, 64);
    if (hash_b)
        memcpy(hb, hash_b, 64);
    json_begin_record(w);
    json_key_str(w, "name", nm);
    json_key_str(w, "a_sha256", hash_a ? ha : NULL);
    json_key_str(w, "b_sha256", hash_b ? hb : NULL);
    json_end_object(w);
    free(nm);
}

/* One side of compare's JSON ("a", "b"): run `id`'s recorded facts and,
 * with two years paired, its year (else null).  False after reporting. */
static bool json_side(const comparison *c, const char *key, long long id, const run_info *ri, int year)
{
    json_writer *w = c->w;
    json_key(w, key);
    json_begin_object(w);
    json_key_int(w, "run", id);
    json_key_str(w, "time", ri->time);
    json_key(w, "year");
    if (year)
        json_int(w, year);
    else
        json_null(w);
    json_key_str(w, "planc", ri->version);
    json_key_str(w, "rules", ri->rules_path);
    json_key_str(w, "rules_sha256", ri->rules_hash);
    json_key_str(w, "data", ri->data_path);
    json_key_str(w, "data_sha256", ri->data_hash);
    json_key_str(w, "data_options", ri->data_options);
    if (!json_absent(c, id, ri))
        return false;
    json_key_bool(w, "target_rows", !ri->totals);
    json_key_bool(w, "tolerances", ri->tolerances);
    json_end_object(w);
    return true;
}

/* The header of compare's JSON: the format, the two sides and what
 * changed between them (the facts the text's header says).  False after
 * reporting. */
static bool json_head(const comparison *c, const run_info *ra, const run_info *rb)
{
    json_writer *w = c->w;
    json_begin_object(w);
    json_key_str(w, "format", "planc-compare");
    json_key_int(w, "version", 1);
    if (!json_side(c, "a", c->a, ra, c->rq->year[0]) || !json_side(c, "b", c->b, rb, c->rq->year[1]))
        return false;
    json_key_bool(w, "planc_changed", strcmp(ra->version, rb->version) != 0);
    static const char *const rules[] = {"same", "changed", "not_comparable"};
    json_key_str(w, "rules", rules[rules_compared(ra, rb)]);
    /* the files of the two manifests that differ, as the text lists them
     * under its rules line; null when a run was recorded before the
     * history kept the manifest (schema version 3) */
    json_key(w, "rules_files_changed");
    if (*ra->manifest && *rb->manifest) {
        json_begin_array(w);
        manifest_walk(ra->manifest, rb->manifest, manifest_record, w);
        json_end_array(w);
    } else {
        json_null(w);
    }
    json_key(w, "data");
    json_str(w, strcmp(ra->data_hash, rb->data_hash) != 0   ? "changed"
                : strcmp(ra->data_path, rb->data_path) != 0 ? "renamed"
                                                            : "same");
    cmp_files cf;
    if (!compare_files(c->s, c->a, c->b, true, &cf, c->err))
        return false;
    json_data_files(w, &cf, c->a, c->b);
    cmp_files_free(&cf);
    json_key_bool(w, "data_options_changed", strcmp(ra->data_options, rb->data_options) != 0);
    return true;
}

/* A value of a compared row's side in compare's JSON. */
static void json_val(json_writer *w, const char *key, sqlite3_stmt *st, int col)
{
    json_key(w, key);
    json_num(w, col_num(st, col));
}

/* A side's failed veto targets in compare's JSON, as the results' JSON
 * gives a row's `vetoes`: on a total row an array of the names the
 * `vetoes` column joins with ';' ([] for none), null on other kinds. */
static void json_vetoes(json_writer *w, sqlite3_stmt *st, int col)
{
    json_key(w, "vetoes");
    if (strcmp(col_text(st, 2), "total") != 0) {
        json_null(w);
        return;
    }
    json_begin_inline_array(w);
    for (const char *p = col_text(st, col); *p;) {
        size_t n = strcspn(p, ";");
        char *name = rt_xmalloc(n + 1, 1);
        memcpy(name, p, n);
        name[n] = '\0';
        json_str(w, name);
        free(name);
        p += n + (p[n] == ';');
    }
    json_end_array(w);
}

/* A compared row in compare's JSON, on one line: which list the text
 * gives it under (`change`), its kind and unit, whether a veto moved a
 * total's grade (`veto`, as the text's line under it says), and each
 * side's region, year, id, status, score, grade, vetoes, value, goal and
 * tolerance (columns of compare's query; null where a side has none). */
static void json_row(const comparison *c, sqlite3_stmt *st, const char *change)
{
    json_writer *w = c->w;
    json_begin_record(w);
    json_key_str(w, "change", change);
    json_key_str(w, "kind", col_text(st, 2));
    json_key_str(w, "unit", sqlite3_column_text(st, CMP_UNIT) ? col_text(st, CMP_UNIT) : NULL);
    json_key_str(w, "veto", strcmp(change, "grade") == 0 ? veto_moved(st) : NULL);
    for (int side = 0; side < 2; side++) {
        json_key(w, side ? "b" : "a");
        json_begin_object(w);
        json_key_str(w, "region", col_text(st, side ? CMP_ID + 1 : 0));
        json_key_int(w, "year", side && c->rq->year[0] ? c->rq->year[1] : sqlite3_column_int(st, 1));
        json_text_or_null(w, "id", st, side ? CMP_ID : 3);
        json_text_or_null(w, "status", st, 4 + side);
        json_val(w, "score", st, 6 + side);
        json_text_or_null(w, "grade", st, 8 + side);
        json_vetoes(w, st, CMP_VETOES + side);
        json_val(w, "value", st, CMP_VALUE + side);
        json_val(w, "goal", st, CMP_GOAL + side);
        json_key(w, "tolerance");
        if (c->tol_known)
            json_num(w, col_num(st, CMP_TOLERANCE + side));
        else
            json_null(w);
        json_end_object(w);
    }
    json_end_object(w);
}

/* The directory of compare's scratch files: $TMPDIR, else /tmp. */
static const char *scratch_dir(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

/* A new scratch file of compare's in scratch_dir(), open for writing and
 * reading back, its name removed at once (nothing is left behind whatever
 * ends planc); NULL after reporting.  The comparison is held in one until
 * it is whole: in memory, two runs of 1,000 regions' 50 indicators whose
 * every row changed held 1.3 GB of JSON (2.1 GB resident) before the
 * first byte was written. */
static FILE *scratch_stream(FILE *err)
{
    const char *dir = scratch_dir();
    size_t n = strlen(dir) + sizeof "/planc-compare-XXXXXX";
    char *path = rt_xmalloc(n, 1);
    snprintf(path, n, "%s/planc-compare-XXXXXX", dir);
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w+") : NULL;
    int e = errno;
    if (fd >= 0)
        unlink(path);
    free(path);
    if (!f) {
        if (fd >= 0)
            close(fd);
        csv_message(err, "planc: error: cannot create a scratch file for the comparison in '%s'%s: %s\n", dir,
                    getenv("TMPDIR") && *getenv("TMPDIR") ? " ($TMPDIR)" : "", msgcat_strerror(msgcat_lang(), e));
    }
    return f;
}

/* Reports that a scratch file of compare's could not be written (errno
 * e: a full disk under $TMPDIR, ulimit -f). */
static void scratch_error(FILE *err, int e)
{
    csv_message(err, "planc: error: cannot write the comparison's scratch file in '%s'%s: %s (make room "
                     "there, or give TMPDIR another directory)\n", scratch_dir(),
                getenv("TMPDIR") && *getenv("TMPDIR") ? " ($TMPDIR)" : "", msgcat_strerror(msgcat_lang(), e));
}

/* Copies scratch stream `from`, written whole, into `to` from its start;
 * false after reporting when it could not be written or read back (a full
 * disk under $TMPDIR), `to` then left as it was. */
static bool scratch_copy(FILE *from, FILE *to, FILE *err)
{
    bool ok = fflush(from) == 0 && !ferror(from);
    int e = errno;
    if (ok) {
        rewind(from);
        char buf[65536];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, from)) > 0)
            fwrite(buf, 1, got, to);
        ok = !ferror(from);
        e = errno;
    }
    if (!ok)
        scratch_error(err, e);
    return ok;
}

static bool compare_head(const comparison *c, const run_info *ra, const run_info *rb);
static int compare_rows(const comparison *c);
static int compare_read(comparison *c);

/* The comparison c->rq asks for, written to c->out: the header (text or
 * JSON), the renames by which rows pair, then the rows.  0, or -1 after
 * reporting.  compare_read in one read transaction: every statement of a comparison
 * reads one snapshot of the database, so a run recorded, or a failed one
 * removed, by another planc while the comparison reads cannot leave its
 * header describing one state of the history and its rows another. */
static int compare(comparison *c)
{
    if (!exec_sql(c->s, "BEGIN", "cannot read it", c->err))
        return -1;
    int rc = compare_read(c);
    if (rc == 0 && !exec_sql(c->s, "COMMIT", "cannot read it", c->err))
        rc = -1;
    if (rc != 0)
        sqlite3_exec(c->s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* The comparison's header, its renames and its rows (compare). */
static int compare_read(comparison *c)
{
    store *s = c->s;
    run_info ra, rb;
    if (!read_run(s, c->a, c->w != NULL, &ra, c->err))
        return -1;
    if (!read_run(s, c->b, c->w != NULL, &rb, c->err)) {
        run_info_free(&ra);
        return -1;
    }
    json_writer *w = c->w;
    bool ok = true;
    c->tol_known = ra.tolerances && rb.tolerances;
    c->no_targets = ra.totals || rb.totals;
    if (w)
        ok = json_head(c, &ra, &rb);
    else
        ok = compare_head(c, &ra, &rb);
    run_info_free(&ra);
    run_info_free(&rb);
    if (w) {
        json_key_bool(w, "tolerances_known", c->tol_known);
        json_key(w, "renames");
        json_begin_object(w);
    }
    bool imapped = false; /* the header only (the rows are targets') */
    if (!ok || !map_renames(c, "target", "planc_idmap", LBL_C_RENAMED, &c->mapped) ||
        !map_renames(c, "region", "planc_regionmap", LBL_C_REGIONS_RENAMED, &c->rmapped) ||
        !map_renames(c, "indicator", "planc_indmap", LBL_C_INDICATORS_RENAMED, &imapped))
        return -1;
    if (w)
        json_end_object(w);
    return compare_rows(c);
}

/* The text header of compare: the two runs, then whether planc, the rules,
 * the data, the options, the absent columns and the tolerances changed,
 * and a run without target rows.  False after reporting. */
static bool compare_head(const comparison *c, const run_info *pa, const run_info *pb)
{
    store *s = c->s;
    lbl_lang lang = c->lang;
    FILE *out = c->out, *err = c->err;
    long long a = c->a, b = c->b;
    const int *year = c->rq->year;
    const run_info ra = *pa, rb = *pb;
    const char *none = lbl_get(lang, LBL_X_NONE);
    if (!year[0])
        fprintf(out, lbl_get(lang, LBL_C_HEAD), a, ra.time, b, rb.time);
    else if (a == b)
        fprintf(out, msgcat_get(lang, "run %lld (%s): %d → %d\n"), a, ra.time, year[0], year[1]);
    else
        fprintf(out, msgcat_get(lang, "run %lld (%s), %d → run %lld (%s), %d\n"), a, ra.time,
                year[0], b, rb.time, year[1]);
    /* another planc may score the same rules and data otherwise */
    if (strcmp(ra.version, rb.version) != 0)
        fprintf(out, lbl_get(lang, LBL_C_PLANC_CHANGED), ra.version, rb.version);
    compare_rules(out, lang, &ra, &rb, a, b);
    /* runs over several files: which files changed, each; else the
     * single line of the data */
    cmp_files cf;
    if (!compare_files(s, a, b, false, &cf, err))
        return false;
    bool each = compare_data_files(out, lang, &cf, &ra, &rb, a, b);
    cmp_files_free(&cf);
    if (each)
        ;
    else if (strcmp(ra.data_hash, rb.data_hash) == 0 && strcmp(ra.data_path, rb.data_path) != 0)
        /* the same bytes named otherwise: a file moved, or read with other
         * rules (--read-with, named and not hashed), which may change
         * every number while the hashes stay */
        fprintf(out, msgcat_get(lang, "  data: same (%.12s), named otherwise: %s → %s\n"), ra.data_hash,
                ra.data_path, rb.data_path);
    else if (strcmp(ra.data_hash, rb.data_hash) == 0)
        fprintf(out, lbl_get(lang, LBL_C_DATA_SAME), ra.data_hash);
    else
        fprintf(out, lbl_get(lang, LBL_C_DATA_CHANGED), ra.data_hash, ra.data_path,
                rb.data_hash, rb.data_path);
    if (c->rq->full) {
        fprintf(out, msgcat_get(lang, "  run %lld: rules %s, data %s\n"), a, ra.rules_hash, ra.data_hash);
        fprintf(out, msgcat_get(lang, "  run %lld: rules %s, data %s\n"), b, rb.rules_hash, rb.data_hash);
    }
    if (strcmp(ra.data_options, rb.data_options) != 0)
        fprintf(out, lbl_get(lang, LBL_C_OPTIONS_CHANGED),
                *ra.data_options ? ra.data_options : none,
                *rb.data_options ? rb.data_options : none);
    bool ok = compare_absent(s, &ra, &rb, a, b, lang, out, err) &&
              compare_tolerances(s, &ra, &rb, a, b, lang, out, err);
    /* a run recorded without its target rows: said, and the targets of
     * the other are not compared (nor listed as rows only it has) */
    if (ra.totals)
        fprintf(out, lbl_get(lang, LBL_C_NO_TARGETS), a);
    if (rb.totals && b != a)
        fprintf(out, lbl_get(lang, LBL_C_NO_TARGETS), b);
    return ok;
}

/* compare's rows: those paired in the two runs that changed, in four
 * lists (text) or one array in result order (JSON), then the rows only
 * one run has.  0, or -1 after reporting. */
static int compare_rows(const comparison *c)
{
    store *s = c->s;
    lbl_lang lang = c->lang;
    FILE *out = c->out, *err = c->err;
    long long a = c->a, b = c->b;
    const int *year = c->rq->year;
    bool tol_known = c->tol_known;
    const char *none = lbl_get(lang, LBL_X_NONE);
    json_writer *w = c->w;

    /* Each row of run a finds its row of run b through results_key
     * (key_index): left to itself SQLite searches b's rows by the primary
     * key's run alone, a scan of the whole run for every row (two
     * county-level runs of 843,024 rows were compared for hours). */
    sqlite3_stmt *st;
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT x.region, x.year, x.kind, x.id, x.status, y.status, x.score, y.score, "
             "x.grade, y.grade, x.value, y.value, x.goal, y.goal, %s, y.id, y.region, y.unit, x.vetoes, y.vetoes "
             "FROM results x JOIN results y%s ON y.run = ?2 AND y.region = %s "
             "AND y.year = %s AND y.kind = x.kind AND y.id = %s WHERE x.run = ?1%s%s ORDER BY x.seq",
             s->version >= 4 ? "x.tolerance, y.tolerance" : "NULL, NULL", key_index(s),
             c->rmapped ? MAPPED_REGION : "x.region", year[0] ? "?4" : "x.year",
             c->mapped ? MAPPED_ID : "x.id", year[0] ? " AND x.year = ?3" : "",
             c->no_targets ? " AND x.kind <> 'target'" : "");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot compare the runs", err);
        return -1;
    }
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    if (year[0]) {
        sqlite3_bind_int(st, 3, year[0]);
        sqlite3_bind_int(st, 4, year[1]);
    }
    /* four lists, filled in one pass in result order: each row in the
     * first that applies (a corrected value that leaves the status and
     * the score as they were is listed under values) */
    enum { NLISTS = 4 };
    FILE *f[NLISTS] = {NULL};
    long long n[NLISTS] = {0};
    /* the text's lists, each in a scratch file (all rows may change) */
    for (int i = 0; i < NLISTS && !w; i++)
        if (!(f[i] = scratch_stream(err))) {
            for (int k = 0; k < i; k++)
                fclose(f[k]);
            sqlite3_finalize(st);
            return -1;
        }
    int rc;
    char b1[32], b2[32], b3[32], b4[32];
    const char *ta, *tb;
    static const char *const lists[NLISTS] = {"grade", "status", "score", "value"};
    if (w) {
        json_key(w, "changes");
        json_begin_array(w);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *kind = col_text(st, 2);
        double sa = col_num(st, 6), sb = col_num(st, 7);
        const char *ga = shown(s, col_text(st, 8)), *gb = shown(s, col_text(st, 9));
        const char *sta = shown(s, col_text(st, 4)), *stb = shown(s, col_text(st, 5));
        /* the list a row is in: the first that applies */
        int list = strcmp(kind, "total") == 0 && (strcmp(ga, gb) != 0 || veto_moved(st)) ? 0
                   : strcmp(sta, stb) != 0                           ? 1
                   : !same_num(sa, sb)                               ? 2
                   : has_causes(st, tol_known)                       ? 3
                                                                     : -1;
        if (list < 0)
            continue;
        n[list]++;
        if (w) {
            json_row(c, st, lists[list]);
            continue;
        }
        if (list == 0) {
            row_label(c, f[0], st, CMP_ID);
            pair(lang, sa, sb, false, false, b1, b2, &ta, &tb);
            fprintf(f[0], lbl_get(lang, LBL_C_GRADE), *ga ? ga : none, *gb ? gb : none, ta, tb);
            veto_reason(lang, s, f[0], st);
        } else if (list == 1) {
            row_label(c, f[1], st, CMP_ID);
            fprintf(f[1], lbl_get(lang, LBL_C_STATUS), *sta ? lbl_status_code(lang, sta) : none,
                    *stb ? lbl_status_code(lang, stb) : none);
            if (causes(f[1], lang, st, tol_known))
                fputs(lbl_get(lang, LBL_C_COMMA), f[1]);
            pair(lang, sa, sb, false, false, b1, b2, &ta, &tb);
            fprintf(f[1], lbl_get(lang, LBL_C_SCORE_CLOSE), ta, tb);
        } else if (list == 2) {
            row_label(c, f[2], st, CMP_ID);
            pair(lang, sa, sb, false, false, b1, b2, &ta, &tb);
            fprintf(f[2], lbl_get(lang, LBL_C_SCORE), ta, tb);
            if (has_causes(st, tol_known)) {
                fputs(lbl_get(lang, LBL_PAREN_OPEN), f[2]);
                causes(f[2], lang, st, tol_known);
                fputs(lbl_get(lang, LBL_PAREN_CLOSE), f[2]);
            }
            fputs("\n", f[2]);
        } else {
            row_label(c, f[3], st, CMP_ID);
            double ga = col_num(st, CMP_GOAL), gb = col_num(st, CMP_GOAL + 1);
            bool tol = tolerance_changed(st, tol_known);
            if (isnan(ga) && isnan(gb)) {
                /* no goal in either run (a not_applicable row's value, the
                 * region's data): the value alone, not "goal none → none" */
                pair(lang, col_num(st, CMP_VALUE), col_num(st, CMP_VALUE + 1), false, cmp_bool(st), b1, b2, &ta, &tb);
                fprintf(f[3], lbl_get(lang, LBL_C_VALUE_ALONE), ta, tb);
                if (tol)
                    fputs(lbl_get(lang, LBL_PAREN_OPEN), f[3]);
                else if (strcmp(sta, "not_applicable") == 0)
                    /* the row is not judged (a city's row of a province's
                     * red line): said, lest the line read as the region's
                     * target changing */
                    fprintf(f[3], "%s%s%s", lbl_get(lang, LBL_PAREN_OPEN),
                            lbl_status_code(lang, sta), lbl_get(lang, LBL_PAREN_CLOSE));
            } else {
                const char *tc, *td;
                pair(lang, col_num(st, CMP_VALUE), col_num(st, CMP_VALUE + 1), false, cmp_bool(st), b1, b2, &ta, &tb);
                pair(lang, ga, gb, true, cmp_bool(st), b3, b4, &tc, &td);
                fprintf(f[3], lbl_get(lang, LBL_C_VALUES), ta, tb, tc, td);
            }
            if (tol) {
                pair(lang, col_num(st, CMP_TOLERANCE), col_num(st, CMP_TOLERANCE + 1), true, false, b1, b2, &ta, &tb);
                fprintf(f[3], lbl_get(lang, LBL_C_TOLERANCE),
                        isnan(ga) && isnan(gb) ? "" : lbl_get(lang, LBL_C_COMMA), ta, tb);
            }
            if (tol || !(isnan(ga) && isnan(gb)))
                fputs(lbl_get(lang, LBL_PAREN_CLOSE), f[3]);
            fputs("\n", f[3]);
        }
    }
    sqlite3_finalize(st);
    if (w)
        json_end_array(w);
    static const lbl_id heads[NLISTS] = {LBL_C_GRADES_HEAD, LBL_C_STATUSES_HEAD,
                                         LBL_C_SCORES_HEAD, LBL_C_VALUES_HEAD};
    bool copied = true;
    for (int i = 0; i < NLISTS && !w; i++) {
        if (rc == SQLITE_DONE && copied) {
            fprintf(out, lbl_get(lang, heads[i]), n[i]);
            copied = scratch_copy(f[i], out, err);
        }
        fclose(f[i]);
    }
    if (!copied)
        return -1;
    if (rc != SQLITE_DONE) {
        db_error(s, "cannot compare the runs", err);
        return -1;
    }
    long long only_a = only_in(c, false);
    long long only_b = only_a < 0 ? -1 : only_in(c, true);
    if (only_b < 0)
        return -1;
    if (w) {
        /* the text's headings' counts */
        static const char *const counts[NLISTS] = {"grades", "statuses", "scores", "values"};
        json_key(w, "counts");
        json_begin_record(w);
        for (int i = 0; i < NLISTS; i++) {
            json_key(w, counts[i]);
            json_int(w, n[i]);
        }
        json_key_int(w, "only_in_a", only_a);
        json_key_int(w, "only_in_b", only_b);
        json_end_object(w);
        json_end_object(w);
    }
    /* out is the scratch file the comparison is written into (a JSON
     * document's every row goes there directly): its write failing is
     * said, not an exit 5 without a word */
    if (fflush(out) != 0 || ferror(out)) {
        scratch_error(err, errno);
        return -1;
    }
    return 0;
}

int store_compare_request(store *s, const store_compare_req *rq, FILE *out, FILE *err)
{
    /* The comparison is written whole into a scratch file, then to `out`:
     * a read that fails after its first lines (a damaged page of the
     * results, met in the rows) leaves nothing, not part of a text or of
     * a document; a file, not memory, which a comparison of every row of
     * two large runs would outgrow (scratch_stream). */
    FILE *spool = scratch_stream(err);
    if (!spool)
        return -1;
    bool json = rq->format == STORE_COMPARE_JSON;
    comparison c = {.s = s, .rq = rq, .a = rq->run[0], .b = rq->run[1], .lang = json ? LBL_EN : rq->lang,
                    .out = spool, .err = err};
    if (json) {
        c.w = rt_xmalloc(1, sizeof *c.w);
        json_init(c.w, spool);
    }
    int rc = compare(&c);
    if (rc == 0 && json)
        json_finish(c.w);
    free(c.w);
    if (rc == 0 && !scratch_copy(spool, out, err))
        rc = -1;
    fclose(spool);
    return rc == 0 && ferror(out) ? -1 : rc;
}

int store_compare(store *s, long long a, long long b, lbl_lang lang, FILE *out, FILE *err)
{
    store_compare_req rq = {.run = {a, b}, .format = STORE_COMPARE_TEXT, .lang = lang};
    return store_compare_request(s, &rq, out, err);
}

int store_run_year(store *s, long long run, int year, FILE *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT EXISTS (SELECT 1 FROM results WHERE run = ?1 AND year = ?2)",
                           -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the runs", err);
        return -2;
    }
    sqlite3_bind_int64(st, 1, run);
    sqlite3_bind_int(st, 2, year);
    int rc = sqlite3_step(st);
    bool has = rc == SQLITE_ROW && sqlite3_column_int(st, 0) != 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW) {
        db_error(s, "cannot read the runs", err);
        return -2;
    }
    if (has)
        return 0;
    /* the years it has, as runs ("2020–2027"), for the message */
    if (sqlite3_prepare_v2(s->db, "SELECT DISTINCT year FROM results WHERE run = ?1 ORDER BY year",
                           -1, &st, NULL) != SQLITE_OK) {
        db_error(s, "cannot read the runs", err);
        return -2;
    }
    sqlite3_bind_int64(st, 1, run);
    lbl_lang lang = msgcat_lang();
    char *years = NULL;
    int first = 0, last = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int y = sqlite3_column_int(st, 0);
        if (first && y == last + 1) {
            last = y;
            continue;
        }
        if (first)
            add_years(&years, first, last, lang);
        first = last = y;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(years);
        db_error(s, "cannot read the runs", err);
        return -2;
    }
    if (first)
        add_years(&years, first, last, lang);
    if (years)
        csv_message(err, "planc: error: %s: run %lld has no row of the year %d (its years: %s)\n", s->path,
                    run, year, years);
    else
        csv_message(err, "planc: error: %s: run %lld has no row of the year %d (it has no rows)\n", s->path,
                    run, year);
    free(years);
    return -1;
}
