/* test_store.c — the results history (runtime/store.c): the schema and its
 * version checks (a foreign, a newer, an empty or a non-SQLite file are
 * refused), recording runs, a rolled-back run leaving nothing, history,
 * run names, compare; and several processes writing one database at once. */
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pipe_fixture.h"
#include "small_plan.h"
#include "store.h"

/* A fresh path in a temporary directory (the directory is left for
 * remove_db). */
static char dir[64];
static char db[128];

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/planc-store-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/results.db", dir);
}

static void teardown(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* How many files the test's directory holds. */
static int dir_entries(void)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* Makes an empty planc database at path: an empty file, which store_open
 * gives the schema in place (a database that does not exist is made only
 * with its first run). */
static void make_empty_db(const char *path)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    store_close(store_open(path, true, stderr));
}

/* Runs one SQL statement on the database at path with the sqlite3 API
 * directly (to make foreign files). */
static void raw_sql(const char *path, const char *sql)
{
    sqlite3 *h;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

/* The integer answer of a query on the database at path. */
static long long raw_int(const char *path, const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    long long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

/* Whether flock(2) works here: not on NFS without its lock daemon, nor
 * under tests/housekeeping.sh's shim, which runs these tests without it
 * (docs/UNATTENDED.md §6: a run is then recorded in one transaction, and
 * a killed planc's temporary database is not swept). */
static bool flock_works(void)
{
    char path[] = "/tmp/planc-flock-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    unlink(path);
    bool ok = flock(fd, LOCK_EX | LOCK_NB) == 0;
    close(fd);
    return ok;
}

/* A text answer, malloc'd. */
static char *raw_text(const char *path, const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *st;
    ck_assert_int_eq(sqlite3_open(path, &h), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    char *v = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return v;
}

/* The bytes of the file at path, malloc'd; *len is set. */
static char *file_bytes(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    size_t cap = 1 << 16, n = 0, got;
    char *b = malloc(cap);
    while ((got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

/* What version 9 added, taken out again: a database as planc 0.13 made it. */
#define V9_UNDONE "DROP TABLE reading_texts; "
/* What versions 8 and 9 added, taken out again: a database as an older
 * planc made it. */
#define V8_UNDONE V9_UNDONE "DROP TABLE data_files; DROP TABLE outputs; ALTER TABLE runs DROP COLUMN records_files; "

/* Records one run of x in s; returns its id. */
static long long record_to(store *s, const pfx *x, const char *data_hash, FILE *err)
{
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9",
                           .rules_path = "rules.plan", .rules_hash = "ab12ab12ab12ab12",
                           .data_path = "data.csv", .data_hash = data_hash};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, x->p, x->t, x->r, &id, err), 0);
    ck_assert_int_eq(store_commit(s, err), 0);
    return id;
}

/* record_to with messages to stderr. */
static long long record(store *s, const pfx *x, const char *data_hash)
{
    return record_to(s, x, data_hash, stderr);
}

START_TEST(create_record_history)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "cd34cd34cd34cd34"), 1);
    ck_assert_int_eq(record(s, &x, "cd34cd34cd34cd34"), 2);
    store_close(s);

    ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(db, "PRAGMA application_id"), STORE_APPLICATION_ID);
    char *mode = raw_text(db, "PRAGMA journal_mode");
    ck_assert_str_eq(mode, "wal");
    free(mode);
    /* 12 rows x (3 targets + 3 measures + 1 section + 1 total) */
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 1"), 96);
    ck_assert_int_eq(raw_int(db, "SELECT result_rows FROM runs WHERE id = 2"), 96);
    ck_assert_int_eq(raw_int(db, "SELECT data_rows FROM runs WHERE id = 2"), 12);
    /* the rows keep the report's order and its values */
    char *t = raw_text(db, "SELECT region || ' ' || year || ' ' || kind || ' ' || id || ' ' || "
                           "coalesce(status, '-') FROM results WHERE run = 1 AND seq = 0");
    ck_assert_str_eq(t, "甲 2023 target X not_applicable");
    free(t);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 1 AND kind = 'total' "
                                 "AND grade = '差' AND vetoes = 'F' AND region = '丙' AND year = 2025"), 1);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 1 AND value IS NULL "
                                 "AND kind = 'target' AND id = 'X' AND region = '丁'"), 2);

    s = store_open(db, false, stderr);
    ck_assert_ptr_nonnull(s);
    pf_capture c;
    ck_assert_int_eq(store_history(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *h = pf_cap_text(&c);
    ck_assert_msg(strstr(h, "run   time                 planc    data rows   results  rules sha256  "
                            "data sha256   plan: rules, data\n"), "%s", h);
    ck_assert_msg(strstr(h, "\n2     2025-01-02T03:04:05Z 9.9.9           12        96  ab12ab12ab12  "
                            "cd34cd34cd34  P: rules.plan, data.csv\n"), "%s", h);
    pf_cap_free(&c);

    long long id;
    ck_assert_int_eq(store_find_run(s, "last", &id, stderr), 0);
    ck_assert_int_eq(id, 2);
    ck_assert_int_eq(store_find_run(s, "last~1", &id, stderr), 0);
    ck_assert_int_eq(id, 1);
    ck_assert_int_eq(store_find_run(s, "1", &id, stderr), 0);
    ck_assert_int_eq(id, 1);
    FILE *e = pf_cap_open(&c);
    ck_assert_int_eq(store_find_run(s, "7", &id, e), -1);
    ck_assert_int_eq(store_find_run(s, "last~2", &id, e), -1);
    ck_assert_int_eq(store_find_run(s, "first", &id, e), -1);
    /* digits only, the same rule at both ends: a space, a sign or
     * anything after the number is refused ('last~ 1' was taken for
     * 'last~1' and ' 1' for 1, while '1 ' was refused) */
    static const char *const bad[] = {"last~ 1", "last~1 ", " 1", "1 ", "+1", "last~+1",
                                      "last~-1", "last~", "last ", "1e0", "0x1", "\t2"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
        ck_assert_msg(store_find_run(s, bad[k], &id, e) == -1, "'%s' accepted", bad[k]);
    ck_assert_int_eq(store_find_run(s, "last~01", &id, stderr), 0);
    ck_assert_int_eq(id, 1);
    ck_assert_int_eq(store_find_run(s, "0", &id, e), -1);
    ck_assert_int_eq(store_find_run(s, "99999999999999999999", &id, e), -1);
    const char *errs = pf_cap_text(&c);
    ck_assert_msg(strstr(errs, "has no run '7' (it has 2 runs;"), "%s", errs);
    ck_assert_msg(strstr(errs, "bad run 'first' (a run id, 'last' or 'last~N': N and the id "
                               "written in digits, without a sign or spaces)"), "%s", errs);
    ck_assert_msg(strstr(errs, "bad run 'last~ 1' ("), "%s", errs);
    ck_assert_msg(strstr(errs, "bad run '\\t2' ("), "%s", errs);
    ck_assert_msg(strstr(errs, "has no run '0' ("), "%s", errs);
    ck_assert_msg(strstr(errs, "has no run '99999999999999999999' ("), "%s", errs);
    pf_cap_free(&c);
    store_close(s);
    pf_free(&x);
}
END_TEST

/* A committed run taken back out (its output file could not be put in
 * place): the run and its rows are gone, the other run is as it was. */
START_TEST(forget_run)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    long long a = record(s, &x, "aa"), b = record(s, &x, "bb");
    long long rows = raw_int(db, "SELECT count(*) FROM results WHERE run = 2");
    ck_assert_int_gt(rows, 0);
    ck_assert_int_eq(store_forget_run(s, a, stderr), 0);
    store_close(s);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), 1);
    ck_assert_int_eq(raw_int(db, "SELECT id FROM runs"), b);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results"), rows);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 1"), 0);
    pf_free(&x);
}
END_TEST

/* Two planc creating one database at once: each makes it under a
 * temporary name; the first to commit puts its file in place, the second
 * finds the name taken and records its run into that database (under the
 * next id), so both runs are there, whole, and nothing else is left. */
START_TEST(two_create_one_database)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *a = store_open(db, true, stderr), *b = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_ne(access(db, F_OK), 0);   /* not in place before a run */
    store_run_info info = {.time = "t", .version = "v", .rules_path = "r", .rules_hash = "h",
                           .data_path = "d", .data_hash = "h"};
    long long ia, ib;
    ck_assert_int_eq(store_begin_run(a, &info, x.p, x.t, x.r, &ia, stderr), 0);
    info.data_hash = "second";
    ck_assert_int_eq(store_begin_run(b, &info, x.p, x.t, x.r, &ib, stderr), 0);
    ck_assert_int_eq(ia, 1);
    ck_assert_int_eq(ib, 1);   /* each in its own new database */
    ck_assert_int_eq(store_commit(a, stderr), 0);
    ck_assert_int_eq(store_commit(b, stderr), 0);
    ck_assert_int_eq(store_run(a), 1);
    ck_assert_int_eq(store_run(b), 2);
    /* b goes on as a connection to the database in place */
    ck_assert_int_eq(store_forget_run(b, store_run(b), stderr), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), 1);
    store_close(a);
    store_close(b);
    ck_assert_int_eq(dir_entries(), 1);
    pf_free(&x);

    /* again, both kept: the rows, the sizes and the integrity */
    unlink(db);
    pf_setup(&x, small_plan, small_data, false);
    a = store_open(db, true, stderr);
    b = store_open(db, true, stderr);
    ck_assert_int_eq(store_begin_run(b, &info, x.p, x.t, x.r, &ib, stderr), 0);
    ck_assert_int_eq(store_begin_run(a, &info, x.p, x.t, x.r, &ia, stderr), 0);
    ck_assert_int_eq(store_commit(b, stderr), 0);
    ck_assert_int_eq(store_commit(a, stderr), 0);
    store_close(a);
    store_close(b);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), 2);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results"),
                     raw_int(db, "SELECT sum(result_rows) FROM runs"));
    ck_assert_int_eq(raw_int(db, "SELECT count(DISTINCT result_rows) FROM runs"), 1);
    char *ok = raw_text(db, "PRAGMA integrity_check");
    ck_assert_str_eq(ok, "ok");
    free(ok);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
    ck_assert_int_eq(dir_entries(), 1);
    pf_free(&x);
}
END_TEST

START_TEST(rollback_records_nothing)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    store_run_info info = {.time = "t", .version = "v", .rules_path = "r", .rules_hash = "h",
                           .data_path = "d", .data_hash = "h"};
    long long id;
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    store_rollback(s);
    /* closing with an open transaction discards it too */
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    store_close(s);
    /* a new database is put in place only with its first run: nothing is
     * left, under its name or a temporary one */
    ck_assert_int_ne(access(db, F_OK), 0);
    ck_assert_int_eq(dir_entries(), 0);
    /* a database that holds a run keeps it, and gets no other */
    s = store_open(db, true, stderr);
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    store_rollback(s);
    store_close(s);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), 1);
    pf_free(&x);
}
END_TEST

/* Opens path expecting failure with a message containing `want`. */
static void refused(const char *path, bool create, const char *want)
{
    pf_capture c;
    store *s = store_open(path, create, pf_cap_open(&c));
    const char *e = pf_cap_text(&c);
    ck_assert_msg(s == NULL, "%s was accepted", path);
    ck_assert_msg(strstr(e, want), "«%s» not in: %s", want, e);
    pf_cap_free(&c);
}

START_TEST(foreign_files)
{
    char path[160];
    snprintf(path, sizeof path, "%s/other.db", dir);
    raw_sql(path, "CREATE TABLE t (x)");
    refused(path, true, "not a planc results database (it is another SQLite database");
    snprintf(path, sizeof path, "%s/newer.db", dir);
    raw_sql(path, "PRAGMA application_id = 1886154339; PRAGMA user_version = 10; CREATE TABLE runs (x)");
    refused(path, true, "written by a newer planc (schema version 10; this planc reads version 9)");
    refused(path, false, "written by a newer planc (schema version 10; this planc reads version 9)");
    /* planc's application id and version, but tables planc does not make:
     * a run's time without NOT NULL, or a table missing */
    const char *forged = "not a planc results database (it has planc's application id, but its "
                         "schema differs from the one planc makes)";
    snprintf(path, sizeof path, "%s/forged.db", dir);
    raw_sql(path, "PRAGMA application_id = 1886154339; PRAGMA user_version = 2;"
                  "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT, "
                  "planc_version TEXT NOT NULL, plan TEXT NOT NULL, rules_path TEXT NOT NULL, "
                  "rules_sha256 TEXT NOT NULL, data_path TEXT NOT NULL, data_sha256 TEXT NOT NULL, "
                  "data_rows INTEGER NOT NULL, result_rows INTEGER NOT NULL, "
                  "data_options TEXT NOT NULL DEFAULT '');"
                  "CREATE TABLE results (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, "
                  "seq INTEGER NOT NULL, region TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, "
                  "id TEXT NOT NULL, name TEXT, clause TEXT, lead TEXT, status TEXT, value REAL, unit TEXT, "
                  "goal REAL, expected REAL, score REAL, weight REAL, grade TEXT, vetoes TEXT, "
                  "PRIMARY KEY (run, seq)) WITHOUT ROWID;");
    refused(path, false, forged);
    refused(path, true, forged);
    /* planc's own database, with a trigger that rewrites what is
     * recorded, or a view or an index added: refused before anything is
     * written */
    const char *extra[] = {
        "CREATE TRIGGER lie AFTER INSERT ON results BEGIN UPDATE results SET status = 'met' "
        "WHERE run = NEW.run AND seq = NEW.seq; END",
        "CREATE VIEW v AS SELECT * FROM runs",
        "CREATE INDEX more ON results(status)",
        "DROP INDEX results_key; CREATE INDEX results_key ON results(run, region, year, kind, id) "
        "WHERE region <> 'x'",
    };
    for (size_t k = 0; k < sizeof extra / sizeof *extra; k++) {
        snprintf(path, sizeof path, "%s/extra%zu.db", dir, k);
        make_empty_db(path);
        raw_sql(path, extra[k]);
        refused(path, true, forged);
        refused(path, false, forged);
    }
    snprintf(path, sizeof path, "%s/half.db", dir);
    raw_sql(path, "PRAGMA application_id = 1886154339; PRAGMA user_version = 2; CREATE TABLE runs (x)");
    refused(path, false, forged);
    snprintf(path, sizeof path, "%s/text.db", dir);
    FILE *f = fopen(path, "w");
    fputs("region,year\n甲,2025\n", f);
    fclose(f);
    refused(path, true, "file is not a database");
    snprintf(path, sizeof path, "%s/absent.db", dir);
    refused(path, false, "cannot open");
    ck_assert_int_ne(access(path, F_OK), 0);   /* not created by history */
    refused(dir, true, "it is a directory");
}
END_TEST

/* Records a run of x with the rules hash and manifest given. */
static long long record_rules(store *s, const pfx *x, const char *hash, const char *manifest)
{
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9",
                           .rules_path = "rules.plan", .rules_hash = hash, .rules_files = manifest,
                           .rules_resolved = "/srv/plan/rules.plan", .data_path = "data.csv",
                           .data_resolved = "/srv/plan/data.csv", .data_hash = "cd34"};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, x->p, x->t, x->r, &id, stderr), 0);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    return id;
}

/* The rules line of compare's header for runs a and b. */
static char *rules_line(store *s, long long a, long long b)
{
    pf_capture c;
    ck_assert_int_eq(store_compare(s, a, b, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *t = strstr(pf_cap_text(&c), "  rules: ");
    ck_assert_ptr_nonnull(t);
    const char *end = strstr(t, "  data: ");
    ck_assert_ptr_nonnull(end);
    char *line = strndup(t, (size_t)(end - t));
    pf_cap_free(&c);
    return line;
}

/* A version 2 database, whose runs' rules hashes are of the files' bytes
 * alone, brought to version 3 by a run: compare says the rules are the
 * same when the newer run read one file of that hash, changed when it
 * read one other file, and not comparable by hash when it read several;
 * two runs of version 3 name the files that differ. */
START_TEST(compare_across_rules_hashes)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    char path[160];
    snprintf(path, sizeof path, "%s/v2.db", dir);
    const char *h1 = "1111111111111111111111111111111111111111111111111111111111111111";
    const char *h2 = "2222222222222222222222222222222222222222222222222222222222222222";
    char sql[2048];
    snprintf(sql, sizeof sql,
             "PRAGMA application_id = 1886154339; PRAGMA user_version = 2;"
             "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
             "planc_version TEXT NOT NULL, plan TEXT NOT NULL, rules_path TEXT NOT NULL, "
             "rules_sha256 TEXT NOT NULL, data_path TEXT NOT NULL, data_sha256 TEXT NOT NULL, "
             "data_rows INTEGER NOT NULL, result_rows INTEGER NOT NULL, "
             "data_options TEXT NOT NULL DEFAULT '');"
             "CREATE TABLE results (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, "
             "seq INTEGER NOT NULL, region TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, "
             "id TEXT NOT NULL, name TEXT, clause TEXT, lead TEXT, status TEXT, value REAL, unit TEXT, "
             "goal REAL, expected REAL, score REAL, weight REAL, grade TEXT, vetoes TEXT, "
             "PRIMARY KEY (run, seq)) WITHOUT ROWID;"
             "CREATE INDEX results_key ON results(run, region, year, kind, id);"
             "INSERT INTO runs VALUES (1, '2024-01-01T00:00:00Z', '0.0.9', 'P', 'r.plan', '%s', "
             "'d.csv', 'cd34', 0, 0, '');", h1);
    raw_sql(path, sql);
    /* read as it is by compare (version 2: no manifest) */
    store *s = store_open(path, false, stderr);
    ck_assert_ptr_nonnull(s);
    char *line = rules_line(s, 1, 1);
    ck_assert_str_eq(line, "  rules: same (111111111111)\n");
    free(line);
    store_close(s);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 2);

    s = store_open(path, true, stderr);
    ck_assert_ptr_nonnull(s);
    char m1[128], m2[128], m12[256], m13[256];
    snprintf(m1, sizeof m1, "%s  r.plan\n", h1);
    snprintf(m2, sizeof m2, "%s  r.plan\n", h2);
    snprintf(m12, sizeof m12, "%s  r.plan\n%s  lib/a.plan\n", h1, h2);
    snprintf(m13, sizeof m13, "%s  r.plan\n%s  lib/b.plan\n", h2, h2);
    ck_assert_int_eq(record_rules(s, &x, "aaaa00000000aaaa", m1), 2);
    ck_assert_int_eq(record_rules(s, &x, "bbbb00000000bbbb", m2), 3);
    ck_assert_int_eq(record_rules(s, &x, "cccc00000000cccc", m12), 4);
    ck_assert_int_eq(record_rules(s, &x, "dddd00000000dddd", m13), 5);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM runs WHERE rules_files = '' AND "
                                   "rules_resolved = '' AND data_resolved = ''"), 1);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM runs WHERE "
                                   "rules_resolved = '/srv/plan/rules.plan' AND "
                                   "data_resolved = '/srv/plan/data.csv'"), 4);
    line = rules_line(s, 1, 2);
    ck_assert_str_eq(line, "  rules: same (aaaa00000000, one file; run 1 was recorded by an older "
                           "planc, which hashed the file's bytes alone)\n");
    free(line);
    line = rules_line(s, 3, 1);
    ck_assert_str_eq(line, "  rules: changed (bbbb00000000 rules.plan → 111111111111 r.plan; run 1 "
                           "was recorded by an older planc, which hashed the file's bytes alone)\n");
    free(line);
    line = rules_line(s, 1, 4);
    ck_assert_str_eq(line, "  rules: not comparable by hash (run 1 was recorded by an older planc, "
                           "which hashed the files' bytes without their names, and run 4 read 2 "
                           "files; 111111111111 r.plan → cccc00000000 rules.plan)\n");
    free(line);
    line = rules_line(s, 4, 5);
    ck_assert_str_eq(line, "  rules: changed (cccc00000000 rules.plan → dddd00000000 rules.plan)\n"
                           "    r.plan: changed (111111111111 → 222222222222)\n"
                           "    lib/a.plan: only in run 4\n"
                           "    lib/b.plan: only in run 5\n");
    free(line);
    store_close(s);
    pf_free(&x);
}
END_TEST

/* A version 1 database (no data_options) is read as it is by history
 * (which changes none of its bytes) and brought to version 2 by the next
 * run recorded; the data options are recorded and listed. */
START_TEST(upgrade_v1)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    char path[160];
    snprintf(path, sizeof path, "%s/v1.db", dir);
    raw_sql(path, "PRAGMA application_id = 1886154339; PRAGMA user_version = 1;"
                  "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
                  "planc_version TEXT NOT NULL, plan TEXT NOT NULL, rules_path TEXT NOT NULL, "
                  "rules_sha256 TEXT NOT NULL, data_path TEXT NOT NULL, data_sha256 TEXT NOT NULL, "
                  "data_rows INTEGER NOT NULL, result_rows INTEGER NOT NULL);"
                  "CREATE TABLE results (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, "
                  "seq INTEGER NOT NULL, region TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, "
                  "id TEXT NOT NULL, name TEXT, clause TEXT, lead TEXT, status TEXT, value REAL, unit TEXT, "
                  "goal REAL, expected REAL, score REAL, weight REAL, grade TEXT, vetoes TEXT, "
                  "PRIMARY KEY (run, seq)) WITHOUT ROWID;"
                  "INSERT INTO runs VALUES (1, '2024-01-01T00:00:00Z', '0.0.9', 'P', 'r.plan', 'aa', "
                  "'d.csv', 'bb', 0, 0);");
    /* read as it is, and left as it is: the same bytes, the same
     * (rollback) journal mode, no WAL files */
    size_t len0, len1;
    char *before = file_bytes(path, &len0);
    store *s = store_open(path, false, stderr);
    ck_assert_ptr_nonnull(s);
    pf_capture c;
    ck_assert_int_eq(store_history(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "P: r.plan, d.csv\n"));
    pf_cap_free(&c);
    store_close(s);
    char *after = file_bytes(path, &len1);
    ck_assert(len0 == len1 && memcmp(before, after, len0) == 0);
    free(before);
    free(after);
    char wal[192];
    snprintf(wal, sizeof wal, "%s-wal", path);
    ck_assert_int_ne(access(wal, F_OK), 0);
    char *mode = raw_text(path, "PRAGMA journal_mode");
    ck_assert_str_eq(mode, "delete");
    free(mode);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 1);
    /* upgraded by a writer */
    s = store_open(path, true, stderr);
    ck_assert_ptr_nonnull(s);
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9",
                           .rules_path = "rules.plan", .rules_hash = "ab12", .data_path = "data.csv",
                           .data_hash = "cd34", .data_options = "--data-year 2019 --na -"};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    ck_assert_int_eq(store_history(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "P: r.plan, d.csv\n"));
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "rules.plan, data.csv --data-year 2019 --na -\n"));
    pf_cap_free(&c);
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "  data options: changed (none → --data-year 2019 --na -)\n"));
    pf_cap_free(&c);
    store_close(s);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM runs WHERE data_options = ''"), 1);
    pf_free(&x);
}
END_TEST

/* Texts of the database with control characters (a database from
 * elsewhere; a data path holding a line break) or invisible ones (a zero-
 * width space) are shown escaped: they
 * can neither forge a line of history or compare nor send the terminal an
 * escape sequence. */
START_TEST(control_characters_shown_escaped)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    record(s, &x, "aaaa");
    record(s, &x, "bbbb");
    store_close(s);
    raw_sql(db, "UPDATE runs SET data_path = 'd.csv' || char(10) || '3     2099-01-01T00:00:00Z forged', "
                "rules_path = 'r' || char(27) || '[31m.plan' || char(8203) WHERE id = 1;"
                "UPDATE results SET region = '甲' || char(27) || '[2J', grade = '优' || char(7) "
                "WHERE run = 2 AND kind = 'total' AND year = 2025;");
    s = store_open(db, false, stderr);
    ck_assert_ptr_nonnull(s);
    pf_capture c;
    ck_assert_int_eq(store_history(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_msg(strstr(out, "r\\x1B[31m.plan\\u200B, d.csv\\n3     2099-01-01T00:00:00Z forged\n"), "%s", out);
    ck_assert_ptr_null(strchr(out, 27));
    ck_assert_ptr_null(strstr(out, "\n3 "));
    pf_cap_free(&c);
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    out = pf_cap_text(&c);
    ck_assert_msg(strstr(out, "(aaaa d.csv\\n3     2099-01-01T00:00:00Z forged → bbbb data.csv)"), "%s", out);
    /* (the region run 1 has no row of is one line, its name escaped) */
    ck_assert_msg(strstr(out, "  甲\\x1B[2J: 4 rows in 2025, none in run 1\n"), "%s", out);
    ck_assert_ptr_null(strchr(out, 27));
    ck_assert_ptr_null(strchr(out, 7));
    pf_cap_free(&c);
    store_close(s);
    pf_free(&x);
}
END_TEST

START_TEST(compare_runs)
{
    pfx a, b;
    pf_setup(&a, small_plan, small_data, false);
    /* 乙's x rises to 80 in 2025 (X met, grade 良 -> a change of status,
     * score and grade), 甲's e stays 6 (E failed), 丙's x is corrected from
     * 85 to 95 (X met, score 100 before and after: a change of value) */
    char *data = strdup(small_data);
    char *p = strstr(data, "乙,2025,70,");
    memcpy(p, "乙,2025,80,", strlen("乙,2025,80,"));
    p = strstr(data, "甲,2025,90,1200000,5");
    p[strlen("甲,2025,90,1200000,")] = '6';
    p = strstr(data, "丙,2025,85,");
    p[strlen("丙,2025,")] = '9';
    pf_setup(&b, small_plan, data, false);
    store *s = store_open(db, true, stderr);
    record(s, &a, "aaaa");
    record(s, &b, "bbbb");
    pf_capture c;
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_str_eq(out,
                     "run 1 (2025-01-02T03:04:05Z) → run 2 (2025-01-02T03:04:05Z)\n"
                     "  rules: same (ab12ab12ab12)\n"
                     "  data: changed (aaaa data.csv → bbbb data.csv)\n"
                     "grades: 2 changed\n"
                     "  甲 2025 total: 优 → 良 (total 100 → 66.67)\n"
                     "  乙 2025 total: 差 → 良 (total 50 → 66.67)\n"
                     "statuses: 2 changed\n"
                     "  甲 2025 target E: met → failed (value 5 → 6, score 100 → 0)\n"
                     "  乙 2025 target X: failed → met (value 70 → 80, score 50 → 100)\n"
                     "scores: 4 changed\n"
                     "  甲 2025 measure (三): 100 → 0\n"
                     "  甲 2025 section 一: 100 → 66.67\n"
                     "  乙 2025 measure (一): 50 → 100\n"
                     "  乙 2025 section 一: 50 → 66.67\n"
                     "values: 1 changed\n"
                     "  丙 2025 target X: value 85 → 95 (goal 80 → 80)\n"
                     "only in run 1: 0 rows\n"
                     "only in run 2: 0 rows\n");
    pf_cap_free(&c);
    /* the same run against itself: nothing changed */
    ck_assert_int_eq(store_compare(s, 2, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    out = pf_cap_text(&c);
    ck_assert(strstr(out, "grades: 0 changed\nstatuses: 0 changed\nscores: 0 changed\n"
                          "values: 0 changed\n"));
    pf_cap_free(&c);
    store_close(s);
    free(data);
    pf_free(&a);
    pf_free(&b);
}
END_TEST

/* Several processes record runs into one database at once: every run is
 * there, whole, and the database is intact. */
START_TEST(concurrent_writers)
{
    enum { PROCS = 4, RUNS = 5 };
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    pid_t pids[PROCS];
    for (int i = 0; i < PROCS; i++) {
        pids[i] = fork();
        ck_assert_int_ge(pids[i], 0);
        if (pids[i] == 0) {
            int bad = 0;
            for (int k = 0; k < RUNS; k++) {
                store *s = store_open(db, true, stderr);
                store_run_info info = {.time = "t", .version = "v", .rules_path = "r",
                                       .rules_hash = "h", .data_path = "d", .data_hash = "h"};
                long long id;
                if (!s || store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr) != 0 ||
                    store_commit(s, stderr) != 0)
                    bad = 1;
                store_close(s);
            }
            _exit(bad);
        }
    }
    for (int i = 0; i < PROCS; i++) {
        int st;
        ck_assert_int_eq(waitpid(pids[i], &st, 0), pids[i]);
        ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "writer %d failed", i);
    }
    char *ok = raw_text(db, "PRAGMA integrity_check");
    ck_assert_str_eq(ok, "ok");
    free(ok);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), PROCS * RUNS);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results"), PROCS * RUNS * 96);
    ck_assert_int_eq(raw_int(db, "SELECT count(DISTINCT id) FROM runs"), PROCS * RUNS);
    pf_free(&x);
}
END_TEST

/* A target's score that the data changed, its status the same, shows the
 * value that changed it: 甲's x in 2024 from 70 to 72 keeps X on track,
 * from a score of 50 to 60 (from 60 in 2023 towards 80 in 2025). */
START_TEST(compare_shows_the_changed_value)
{
    pfx a, b;
    pf_setup(&a, small_plan, small_data, false);
    char *data = strdup(small_data);
    char *p = strstr(data, "甲,2024,70,");
    memcpy(p, "甲,2024,72,", strlen("甲,2024,72,"));
    pf_setup(&b, small_plan, data, false);
    store *s = store_open(db, true, stderr);
    record(s, &a, "aaaa");
    record(s, &b, "bbbb");
    pf_capture c;
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "statuses: 0 changed\n"));
    ck_assert_ptr_nonnull(strstr(out, "  甲 2024 target X: 50 → 60 (value 70 → 72)\n"));
    ck_assert_ptr_nonnull(strstr(out, "  甲 2024 measure (一): 50 → 60\n"));
    pf_cap_free(&c);
    store_close(s);
    free(data);
    pf_free(&a);
    pf_free(&b);
}
END_TEST

/* A run that finds the database locked by another says, after a second,
 * that it waits, and records its run once the lock is released.  The other
 * holds the lock for three seconds from when it says it has it. */
START_TEST(waiting_for_a_lock_says_so)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_int_eq(record(s, &x, "ab12ab12ab12ab12"), 1);
    store_close(s);
    int fd[2];
    ck_assert_int_eq(pipe(fd), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        sqlite3 *h;
        int bad = sqlite3_open(db, &h) != SQLITE_OK ||
                  sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK;
        ssize_t w = write(fd[1], "x", 1);
        sleep(3);
        bad |= sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK;
        sqlite3_close(h);
        _exit(bad || w != 1);
    }
    char c;
    ck_assert_int_eq(read(fd[0], &c, 1), 1);
    pf_capture cap;
    FILE *err = pf_cap_open(&cap);
    s = store_open(db, true, err);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record_to(s, &x, "cd34cd34cd34cd34", err), 2);
    store_close(s);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&cap), "planc: waiting for the results database '"));
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&cap), "another run holds its lock (for up to 60 s)\n"));
    pf_cap_free(&cap);
    int st;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), 2);
    close(fd[0]);
    close(fd[1]);
    pf_free(&x);
}
END_TEST

/* A lock held longer than the timeout (PLANC_STORE_TIMEOUT, in seconds)
 * makes the run give up, recording nothing, with an error that says what
 * held it and what sets the wait; a bad value is refused at open. */
START_TEST(lock_held_too_long_gives_up)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_int_eq(record(s, &x, "ab12ab12ab12ab12"), 1);
    store_close(s);
    int fd[2], go[2]; /* the child says it holds the lock; the parent lets it go */
    ck_assert_int_eq(pipe(fd), 0);
    ck_assert_int_eq(pipe(go), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        sqlite3 *h;
        int bad = sqlite3_open(db, &h) != SQLITE_OK ||
                  sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK;
        ssize_t w = write(fd[1], "x", 1);
        char c;
        /* holds the lock until the parent has given up */
        bad |= read(go[0], &c, 1) != 1;
        bad |= sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK;
        sqlite3_close(h);
        _exit(bad || w != 1);
    }
    char c;
    ck_assert_int_eq(read(fd[0], &c, 1), 1);
    setenv("PLANC_STORE_TIMEOUT", "1", 1);
    pf_capture cap;
    FILE *err = pf_cap_open(&cap);
    s = store_open(db, true, err);
    ck_assert_ptr_nonnull(s);
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9",
                           .rules_path = "rules.plan", .rules_hash = "ab12ab12ab12ab12",
                           .data_path = "data.csv", .data_hash = "cd34cd34cd34cd34"};
    long long id = 0;
    time_t t0 = time(NULL);
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, err), -1);
    ck_assert_int_le(time(NULL) - t0, 5);
    store_close(s);
    ck_assert_int_eq(write(go[1], "x", 1), 1);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&cap), "cannot lock it for writing: database is locked "
                                 "(another run held its lock for over 1 s: retry later; "
                                 "PLANC_STORE_TIMEOUT sets how many seconds planc waits)\n"));
    pf_cap_free(&cap);
    int st;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), 1);
    /* a value that is not a whole number of seconds is refused as it is */
    static const char *const bad[] = {"x", "-1", "1.5", " 1", "86401"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        setenv("PLANC_STORE_TIMEOUT", bad[i], 1);
        err = pf_cap_open(&cap);
        store_failure why = STORE_FAIL_IO;
        ck_assert_ptr_null(store_open_why(db, false, &why, err));
        ck_assert_int_eq(why, STORE_FAIL_FILE);
        ck_assert_ptr_nonnull(strstr(pf_cap_text(&cap), "planc: error: PLANC_STORE_TIMEOUT='"));
        ck_assert_ptr_nonnull(strstr(pf_cap_text(&cap), "': not a number of seconds (a whole number "
                                     "from 0 to 86400)\n"));
        pf_cap_free(&cap);
    }
    unsetenv("PLANC_STORE_TIMEOUT");
    close(fd[0]);
    close(fd[1]);
    close(go[0]);
    close(go[1]);
    pf_free(&x);
}
END_TEST

/* --store-rows totals: the run keeps the rows of measures, sections and
 * totals at their places in the results (seq), not the targets'; it says
 * so in the history, and compare says what it cannot compare instead of
 * listing the other run's targets as rows only it has. */
START_TEST(totals_only_run)
{
    pfx x, y;
    pf_setup(&x, small_plan, small_data, false);
    /* 乙's x in 2025 corrected from 70 (X failed) to 80 (met) */
    char *fixed = strdup(small_data);
    memcpy(strstr(fixed, "乙,2025,70,") + strlen("乙,2025,"), "80", 2);
    pf_setup(&y, small_plan, fixed, false);
    store *s = store_open(db, true, stderr);
    record(s, &x, "aaaa");
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9",
                           .rules_path = "rules.plan", .rules_hash = "ab12ab12ab12ab12",
                           .data_path = "fixed.csv", .data_hash = "bbbb", .totals = true};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, y.p, y.t, y.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    ck_assert_int_eq(id, 2);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2 AND kind = 'target'"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2"),
                     raw_int(db, "SELECT count(*) FROM results WHERE run = 1 AND kind <> 'target'"));
    ck_assert_int_eq(raw_int(db, "SELECT result_rows FROM runs WHERE id = 2"),
                     raw_int(db, "SELECT count(*) FROM results WHERE run = 2"));
    /* each row at its place in the results, as in a full run */
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results a JOIN results b ON b.run = 1 AND "
                                 "b.seq = a.seq AND b.region = a.region AND b.year = a.year AND "
                                 "b.kind = a.kind AND b.id = a.id WHERE a.run = 2"),
                     raw_int(db, "SELECT count(*) FROM results WHERE run = 2"));
    char *stored = raw_text(db, "SELECT stored FROM runs WHERE id = 2");
    ck_assert_str_eq(stored, "totals");
    free(stored);
    pf_capture c;
    ck_assert_int_eq(store_history(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "rules.plan, fixed.csv (totals only: --store-rows totals)\n"));
    ck_assert_ptr_null(strstr(pf_cap_text(&c), "data.csv (totals only"));
    pf_cap_free(&c);
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "  targets: not recorded in run 2 (--store-rows totals): grades and "
                                      "the scores of totals, sections and measures are compared, target "
                                      "rows are not\n"));
    ck_assert_ptr_nonnull(strstr(out, "statuses: 0 changed\n"));
    ck_assert_ptr_nonnull(strstr(out, "only in run 1: 0 rows\n"));
    ck_assert_ptr_null(strstr(out, " 2025 target "));
    ck_assert_ptr_null(strstr(out, " 2024 target "));
    /* the changed value still shows in the measure's and the total's scores */
    ck_assert_ptr_nonnull(strstr(out, "  乙 2025 measure (一): 50 → 100\n"));
    pf_cap_free(&c);
    ck_assert_int_eq(store_compare(s, 2, 1, LBL_ZH, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "  目标：评估 2 未记录（--store-rows totals），只比较等级和总分、"
                                                  "章节、措施的得分，不比较目标行\n"));
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "仅见于评估 1：0行\n"));
    pf_cap_free(&c);
    store_close(s);
    free(fixed);
    pf_free(&x);
    pf_free(&y);
}
END_TEST

/* A run into a database that exists is committed in pieces (here of 3
 * rows): unseen by history and run names until its last piece commits,
 * then whole; a run rolled back after some pieces leaves nothing; and the
 * pieces of a planc that died while it wrote are removed by the next
 * run.  Without flock (flock_works) each run is one transaction: nothing
 * of it is seen before it commits, and a planc that dies leaves nothing. */
START_TEST(run_in_pieces)
{
    bool pieces = flock_works();
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    long long whole = record(s, &x, "aaaa"); /* the first, into a new database: one transaction */
    long long rows = raw_int(db, "SELECT result_rows FROM runs WHERE id = 1");
    ck_assert_int_gt(rows, 7);
    store_set_piece_rows(s, 3);
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9",
                           .rules_path = "rules.plan", .rules_hash = "ab12ab12ab12ab12",
                           .data_path = "data.csv", .data_hash = "bbbb"};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    /* pieces are committed: another connection sees them, not the run */
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2") > 0, pieces);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE id = 2 AND complete = 0"), pieces);
    store *r = store_open(db, false, stderr);
    long long last = 0;
    ck_assert_int_eq(store_find_run(r, "last", &last, stderr), 0);
    ck_assert_int_eq(last, whole);
    pf_capture c;
    ck_assert_int_eq(store_find_run(r, "2", &last, pf_cap_open(&c)), -1);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "has no run '2' (it has 1 run;"));
    pf_cap_free(&c);
    store_close(r);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    ck_assert_int_eq(raw_int(db, "SELECT complete FROM runs WHERE id = 2"), 1);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2"), rows);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results a JOIN results b ON b.run = 1 AND "
                                 "b.seq = a.seq AND b.kind = a.kind AND b.id = a.id AND "
                                 "b.score IS a.score WHERE a.run = 2"), rows);
    /* rolled back after its pieces: none of it stays */
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(id, 3);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 3") > 0, pieces);
    store_rollback(s);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE id = 3"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 3"), 0);
    /* forgotten: removed in pieces too */
    ck_assert_int_eq(store_forget_run(s, 2, stderr), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2"), 0);
    store_close(s);
    /* a planc that dies after some pieces: its run stays, incomplete and
     * unseen, until the next run removes it */
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        store *k = store_open(db, true, stderr);
        store_set_piece_rows(k, 3);
        long long kid = 0;
        _exit(!k || store_begin_run(k, &info, x.p, x.t, x.r, &kid, stderr) != 0);
    }
    int st;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE complete = 0"), pieces);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results r JOIN runs u ON u.id = r.run "
                                 "WHERE u.complete = 0") > 0, pieces);
    s = store_open(db, false, stderr);
    ck_assert_int_eq(store_history(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_int_eq(strstr(pf_cap_text(&c), "\n2 ") != NULL, 0);
    ck_assert_int_eq(strstr(pf_cap_text(&c), "\n4 ") != NULL, 0);
    pf_cap_free(&c);
    store_close(s);
    s = store_open(db, true, stderr);
    long long next = record(s, &x, "cccc");
    store_close(s);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE complete = 0"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run NOT IN (SELECT id FROM runs)"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs"), 2);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results"), 2 * rows);
    ck_assert_int_eq(raw_int(db, "SELECT max(id) FROM runs"), next);
    pf_free(&x);
}
END_TEST

/* The first run of a new database commits under the temporary name and
 * is put in place only after (store_publish): a failure after the commit
 * (planc run's output that cannot be renamed: store_forget_run) leaves no
 * database, nor does a publish that fails (a file that is no database put
 * at the path meanwhile); one that succeeds leaves the database. */
START_TEST(first_run_failures_leave_no_database)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9",
                           .rules_path = "rules.plan", .rules_hash = "ab12ab12ab12ab12",
                           .data_path = "data.csv", .data_hash = "aaaa"};
    long long id = 0;
    /* the output's rename fails after the commit */
    store *s = store_open(db, true, stderr);
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit_pending(s, stderr), 0);
    ck_assert(store_pending(s));
    ck_assert_int_eq(access(db, F_OK), -1);
    ck_assert_int_eq(store_forget_run(s, store_run(s), stderr), 0);
    ck_assert_int_eq(dir_entries(), 0);
    store_close(s);
    ck_assert_int_eq(dir_entries(), 0);
    /* the database cannot be put in place */
    s = store_open(db, true, stderr);
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit_pending(s, stderr), 0);
    FILE *f = fopen(db, "w");
    ck_assert_ptr_nonnull(f);
    fputs("not a database, and larger than SQLite's header of a hundred bytes: "
          "0123456789012345678901234567890123456789\n", f);
    fclose(f);
    pf_capture c;
    ck_assert_int_eq(store_publish(s, pf_cap_open(&c)), -1);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "results.db"));
    pf_cap_free(&c);
    store_close(s);
    ck_assert_int_eq(dir_entries(), 1); /* the file put there, alone */
    unlink(db);
    /* both go well */
    s = store_open(db, true, stderr);
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit_pending(s, stderr), 0);
    ck_assert_int_eq(store_publish(s, stderr), 0);
    ck_assert(!store_pending(s));
    store_close(s);
    ck_assert_int_eq(dir_entries(), 1);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE complete"), 1);
    pf_free(&x);
}
END_TEST

/* Whether the file dir/name exists. */
static bool in_dir(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

/* Makes the empty file dir/name; returns it open (to lock), read-only. */
static int make_in_dir(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
    ck_assert_int_ge(fd, 0);
    return fd;
}

/* A planc killed (SIGKILL) during the first run into a database leaves its
 * temporary database ".results.db.XXXXXX" (and SQLite's journal beside
 * it); the next writer removes those no live planc holds locked, and
 * nothing else: not one another planc is writing (its flock), not another
 * database's, not a name mkstemp cannot have made. */
START_TEST(stale_temporaries_removed)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    close(make_in_dir(".results.db.Ab12Cd"));
    close(make_in_dir(".results.db.Ab12Cd-journal"));
    if (!flock_works()) {
        /* no lock tells a live planc's file from a leftover: none is
         * removed, and the database is made and written as elsewhere */
        store *s = store_open(db, true, stderr);
        ck_assert_ptr_nonnull(s);
        record(s, &x, "aaaa");
        store_close(s);
        ck_assert(in_dir(".results.db.Ab12Cd") && in_dir(".results.db.Ab12Cd-journal"));
        ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE complete"), 1);
        ck_assert_int_eq(dir_entries(), 3);
        pf_free(&x);
        return;
    }
    int live = make_in_dir(".results.db.Live01");
    ck_assert_int_eq(flock(live, LOCK_EX), 0); /* another planc's, still writing */
    close(make_in_dir(".other.db.Ab12Cd"));
    close(make_in_dir(".results.db.Ab12"));
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert(!in_dir(".results.db.Ab12Cd"));
    ck_assert(!in_dir(".results.db.Ab12Cd-journal"));
    ck_assert(in_dir(".results.db.Live01"));
    ck_assert(in_dir(".other.db.Ab12Cd"));
    ck_assert(in_dir(".results.db.Ab12"));
    /* this one's own temporary database, while it is open, is left alone
     * by another writer of the same database */
    ck_assert(store_pending(s));
    int before = dir_entries();
    store *t = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(dir_entries(), before + 1);
    store_close(t);
    ck_assert_int_eq(dir_entries(), before);
    record(s, &x, "aaaa");
    store_close(s);
    ck_assert(in_dir("results.db"));
    /* the next writer of the existing database sweeps too, once the
     * other planc's lock is gone */
    close(live);
    close(make_in_dir(".results.db.Zz9Zz9"));
    s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert(!in_dir(".results.db.Live01"));
    ck_assert(!in_dir(".results.db.Zz9Zz9"));
    record(s, &x, "bbbb");
    store_close(s);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE complete"), 2);
    ck_assert_int_eq(dir_entries(), 3); /* results.db, .other.db.Ab12Cd, .results.db.Ab12 */
    pf_free(&x);
}
END_TEST

START_TEST(time_from_source_date_epoch)
{
    char buf[32];
    setenv("SOURCE_DATE_EPOCH", "86400", 1);
    store_now(buf);
    ck_assert_str_eq(buf, "1970-01-02T00:00:00Z");
    /* read once a run: the workbooks of one run and its record give one
     * time, though the clock moves on while they are written */
    setenv("SOURCE_DATE_EPOCH", "172800", 1);
    store_now(buf);
    ck_assert_str_eq(buf, "1970-01-02T00:00:00Z");
    unsetenv("SOURCE_DATE_EPOCH");
    ck_assert_int_eq((long long)store_time(), 86400);
}
END_TEST

/* Without SOURCE_DATE_EPOCH the run's time is the clock's (UTC). */
START_TEST(time_from_the_clock)
{
    char buf[32];
    unsetenv("SOURCE_DATE_EPOCH");
    time_t before = time(NULL);
    store_now(buf);
    ck_assert_int_eq(strlen(buf), 20);
    ck_assert_int_eq(buf[19], 'Z');
    ck_assert(store_time() >= before && store_time() <= time(NULL));
}
END_TEST

/* A not_applicable row is stored without goal and expected value (NULL),
 * as the CSV leaves them empty; its value is kept.  甲 2022 is before the
 * baseline 2023, so X (goal 80, a constant of the program) does not
 * apply there. */
START_TEST(not_applicable_rows_store_no_goal)
{
    pfx x;
    pf_setup(&x, small_plan,
             "region,year,x,f,e\n甲,2022,55,1000000,11\n甲,2023,60,1000000,10\n甲,2024,70,1000000,9\n",
             false);
    const ir_target *tx = &x.p->targets[pf_target(&x, "X")];
    ck_assert_double_eq(rt_result_value(x.r, tx->goal, pf_row(&x, "甲", 2022)), 80);
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "cd34cd34cd34cd34"), 1);
    store_close(s);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE year = 2022 AND kind = 'target' "
                                 "AND status = 'not_applicable' AND goal IS NULL AND expected IS NULL"), 3);
    ck_assert_int_eq(raw_int(db, "SELECT value FROM results WHERE year = 2022 AND id = 'X'"), 55);
    /* 2023, the baseline year, is X's starting point (it has a deadline):
     * not_applicable too; 2024 is judged */
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE year = 2023 AND id = 'X' AND "
                                 "status = 'not_applicable' AND goal IS NULL AND expected IS NULL"), 1);
    ck_assert_int_eq(raw_int(db, "SELECT goal FROM results WHERE year = 2024 AND id = 'X'"), 80);
    pf_free(&x);
}
END_TEST

/* small_plan with "FROM" replaced by "TO" (once), malloc'd. */
static char *plan_with(const char *from, const char *to)
{
    const char *at = strstr(small_plan, from);
    ck_assert_ptr_nonnull(at);
    size_t head = (size_t)(at - small_plan);
    char *out = malloc(strlen(small_plan) + strlen(to) + 1);
    memcpy(out, small_plan, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

/* Runs whose rules differ only in a goal's tolerance: the history holds
 * each row's tolerance (NULL without one), and compare shows it beside the
 * goal as the cause of a changed status (乙's 70 fails 80 and meets 80
 * tolerance 10), of a changed score, and on the rows whose status and
 * score stayed. */
START_TEST(compare_shows_the_changed_tolerance)
{
    pfx a, b;
    char *loose = plan_with("x >= 80% by 2025", "x >= 80% tolerance 10% by 2025");
    pf_setup(&a, small_plan, small_data, false);
    pf_setup(&b, loose, small_data, false);
    store *s = store_open(db, true, stderr);
    record(s, &a, "aaaa");
    record(s, &b, "aaaa");
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 1 AND tolerance IS NOT NULL"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2 AND id = 'X' AND "
                                 "tolerance = 10"), 8);   /* 4 regions x 2024, 2025: 2023 is the baseline */
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2 AND tolerance IS NOT NULL "
                                 "AND NOT (kind = 'target' AND id = 'X')"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM runs WHERE records_tolerance = 1"), 2);
    pf_capture c;
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_ptr_null(strstr(out, "  tolerances: "));
    ck_assert_ptr_nonnull(strstr(out, "  乙 2025 target X: failed → met (tolerance none → 10, score 50 → 100)\n"));
    /* 乙 2024: 65 is on track to 70 (lagging on the way to 80) */
    ck_assert_ptr_nonnull(strstr(out, "  乙 2024 target X: lagging → on_track (tolerance none → 10, "
                                      "score 25 → 50)\n"));
    ck_assert_ptr_nonnull(strstr(out, "  甲 2025 target X: value 90 → 90 (goal 80 → 80, tolerance none → 10)\n"));
    pf_cap_free(&c);
    /* and back */
    ck_assert_int_eq(store_compare(s, 2, 1, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "  乙 2025 target X: met → failed (tolerance 10 → none, "
                                                  "score 100 → 50)\n"));
    pf_cap_free(&c);
    /* in Chinese (compare --lang zh) */
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_ZH, pf_cap_open(&c), stderr), 0);
    out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "  乙 2025年 目标 X：未达标 → 达标（允许偏差 无 → 10，得分 50 → 100）\n"));
    ck_assert_ptr_nonnull(strstr(out, "  甲 2025年 目标 X：数值 90 → 90（目标值 80 → 80，允许偏差 无 → 10）\n"));
    pf_cap_free(&c);
    store_close(s);
    free(loose);
    pf_free(&a);
    pf_free(&b);
}
END_TEST

/* A changed goal is shown as the cause of a changed status and of a
 * changed score too: raised from 80 to 95, 甲's 90 fails, and 乙's 70,
 * failed before and after, is scored against 95. */
START_TEST(compare_shows_the_changed_goal)
{
    pfx a, b;
    char *raised = plan_with("x >= 80% by 2025", "x >= 95% by 2025");
    pf_setup(&a, small_plan, small_data, false);
    pf_setup(&b, raised, small_data, false);
    store *s = store_open(db, true, stderr);
    record(s, &a, "aaaa");
    record(s, &b, "aaaa");
    pf_capture c;
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "  甲 2025 target X: met → failed (goal 80 → 95, score 100 → 85.71)\n"));
    ck_assert_ptr_nonnull(strstr(out, "  乙 2025 target X: 50 → 28.57 (goal 80 → 95)\n"));
    /* a row whose status and score stayed; the baseline year 2023 is not
     * judged (X has a deadline), so it has no goal to differ */
    ck_assert_ptr_nonnull(strstr(out, "  丁 2024 target X: value missing → missing (goal 80 → 95)\n"));
    ck_assert_ptr_null(strstr(out, " 2023 target X"));
    pf_cap_free(&c);
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_ZH, pf_cap_open(&c), stderr), 0);
    out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "  甲 2025年 目标 X：达标 → 未达标（目标值 80 → 95，得分 100 → 85.71）\n"));
    ck_assert_ptr_nonnull(strstr(out, "  乙 2025年 目标 X：50 → 28.57（目标值 80 → 95）\n"));
    pf_cap_free(&c);
    store_close(s);
    free(raised);
    pf_free(&a);
    pf_free(&b);
}
END_TEST

/* The SQL of schema version 3 as planc 0.3 made it, with one run of two
 * rows (X of 乙 in 2025, failed, and 甲's, met). */
static const char v3_db[] =
    "PRAGMA application_id = 1886154339; PRAGMA user_version = 3;"
    "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, "
    "planc_version TEXT NOT NULL, plan TEXT NOT NULL, rules_path TEXT NOT NULL, "
    "rules_sha256 TEXT NOT NULL, data_path TEXT NOT NULL, data_sha256 TEXT NOT NULL, "
    "data_rows INTEGER NOT NULL, result_rows INTEGER NOT NULL, "
    "data_options TEXT NOT NULL DEFAULT '', rules_files TEXT NOT NULL DEFAULT '', "
    "rules_resolved TEXT NOT NULL DEFAULT '', data_resolved TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE results (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, "
    "seq INTEGER NOT NULL, region TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, "
    "id TEXT NOT NULL, name TEXT, clause TEXT, lead TEXT, status TEXT, value REAL, unit TEXT, "
    "goal REAL, expected REAL, score REAL, weight REAL, grade TEXT, vetoes TEXT, "
    "PRIMARY KEY (run, seq)) WITHOUT ROWID;"
    "CREATE INDEX results_key ON results(run, region, year, kind, id);"
    "INSERT INTO runs VALUES (1, '2024-01-01T00:00:00Z', '0.3.0', 'P', 'r.plan', 'aa', "
    "'d.csv', 'bb', 2, 2, '', '', '', '');"
    "INSERT INTO results (run, seq, region, year, kind, id, status, value, goal, score) VALUES "
    "(1, 0, '甲', 2025, 'target', 'X', 'met', 90, 80, 100), "
    "(1, 1, '乙', 2025, 'target', 'X', 'failed', 70, 80, 50);";

/* A version 3 database (before tolerances were recorded) is read as it is
 * (compare works, the file keeps its bytes) and brought to version 4 by
 * the next run: its old runs say they recorded no tolerances, so compare
 * does not show "none → 10" for them, and says once that run 1 cannot tell
 * (a status that changed may be the tolerance's doing). */
START_TEST(upgrade_v3)
{
    pfx x;
    char *loose = plan_with("x >= 80% by 2025", "x >= 80% tolerance 10% by 2025");
    pf_setup(&x, loose, small_data, false);
    char path[160];
    snprintf(path, sizeof path, "%s/v3.db", dir);
    raw_sql(path, v3_db);
    size_t len0, len1;
    char *before = file_bytes(path, &len0);
    store *s = store_open(path, false, stderr);
    ck_assert_ptr_nonnull(s);
    pf_capture c;
    ck_assert_int_eq(store_compare(s, 1, 1, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "statuses: 0 changed\nscores: 0 changed\nvalues: 0 changed\n"));
    pf_cap_free(&c);
    store_close(s);
    char *after = file_bytes(path, &len1);
    ck_assert(len0 == len1 && memcmp(before, after, len0) == 0);
    free(before);
    free(after);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), 3);

    s = store_open(path, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "bb"), 2);
    ck_assert_int_eq(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(path, "SELECT records_tolerance FROM runs WHERE id = 1"), 0);
    ck_assert_int_eq(raw_int(path, "SELECT records_tolerance FROM runs WHERE id = 2"), 1);
    ck_assert_int_eq(raw_int(path, "SELECT count(*) FROM results WHERE run = 1 AND tolerance IS NULL"), 2);
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "  tolerances: unknown in run 1 (recorded by an older planc, which "
                                      "kept no tolerances; run 2 has goals with one)\n"));
    ck_assert_ptr_nonnull(strstr(out, "  乙 2025 target X: failed → met (score 50 → 100)\n"));
    ck_assert_ptr_null(strstr(out, "tolerance none"));
    pf_cap_free(&c);
    store_close(s);
    /* the upgraded database is planc's of the current version, and read again */
    s = store_open(path, false, stderr);
    ck_assert_ptr_nonnull(s);
    store_close(s);
    free(loose);
    pf_free(&x);
}
END_TEST

/* A version 4 database (before renames were recorded) is read as it is
 * and brought to the current version by the next run, which records its program's
 * target renames; compare matches a renamed target's rows by them. */
START_TEST(upgrade_v4_renames)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "aa"), 1);
    store_close(s);
    /* what planc of version 4 made */
    raw_sql(db, V8_UNDONE "DROP TABLE absent_columns; DROP TABLE rules_texts; ALTER TABLE runs DROP COLUMN "
                "records_absent; ALTER TABLE runs DROP COLUMN stored; ALTER TABLE runs DROP COLUMN complete; "
                "DROP TABLE renames; PRAGMA user_version = 4;");
    s = store_open(db, false, stderr);
    ck_assert_ptr_nonnull(s);
    pf_capture c;
    ck_assert_int_eq(store_compare(s, 1, 1, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_null(strstr(pf_cap_text(&c), "renamed"));
    pf_cap_free(&c);
    store_close(s);
    ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), 4);

    /* the second run's rules call target X 'X2' (an adaptation's rename) */
    const char *from[] = {"X"}, *to[] = {"X2"};
    for (uint32_t k = 0; k < x.p->ntargets; k++)
        if (strcmp(x.p->targets[k].name, "X") == 0)
            x.p->targets[k].name = "X2";
    x.p->renamed_from = from;
    x.p->renamed_to = to;
    x.p->nrenames = 1;
    s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "aa"), 2);
    ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM renames WHERE run = 2 AND kind = 'target' "
                                 "AND old = 'X' AND new = 'X2'"), 1);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM results WHERE run = 2 AND id = 'X2'"), 12);
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    const char *out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "  targets renamed: X → X2\n"));
    ck_assert_ptr_nonnull(strstr(out, "only in run 1: 0 rows\n"));
    ck_assert_ptr_nonnull(strstr(out, "only in run 2: 0 rows\n"));
    pf_cap_free(&c);
    /* and the other way round */
    ck_assert_int_eq(store_compare(s, 2, 1, LBL_EN, pf_cap_open(&c), stderr), 0);
    out = pf_cap_text(&c);
    ck_assert_ptr_nonnull(strstr(out, "  targets renamed: X2 → X\n"));
    ck_assert_ptr_nonnull(strstr(out, "only in run 2: 0 rows\n"));
    ck_assert_ptr_nonnull(strstr(out, "only in run 1: 0 rows\n"));
    pf_cap_free(&c);
    store_close(s);
    pf_free(&x);
}
END_TEST

/* A version 5 database (before absent columns were recorded) is brought
 * to version 6 by the next run: its old runs say they kept none
 * (records_absent 0), the new run that it did, and compare, with no
 * column absent from the new run's data, says nothing of them. */
START_TEST(upgrade_v5_absent)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "aa"), 1);
    store_close(s);
    /* what planc of version 5 made */
    raw_sql(db, V8_UNDONE "DROP TABLE absent_columns; DROP TABLE rules_texts; ALTER TABLE runs DROP COLUMN "
                "records_absent; ALTER TABLE runs DROP COLUMN stored; ALTER TABLE runs DROP COLUMN complete; "
                "PRAGMA user_version = 5;");
    s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "aa"), 2);
    ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(db, "SELECT records_absent FROM runs WHERE id = 1"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT records_absent FROM runs WHERE id = 2"), 1);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM absent_columns"), 0);
    pf_capture c;
    ck_assert_int_eq(store_compare(s, 1, 2, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_null(strstr(pf_cap_text(&c), "absent columns"));
    ck_assert_ptr_null(strstr(pf_cap_text(&c), "planc:"));
    pf_cap_free(&c);
    store_close(s);
    pf_free(&x);
}
END_TEST

/* A run records each data file (with the rules that read it) and its
 * output; store_read_record gives them back, in order. */
START_TEST(records_files)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    store_data_file dfs[] = {
        {.path = "a.csv", .resolved = "/d/a.csv", .sha256 = "aa"},
        {.path = "b.csv", .resolved = "/d/b.csv", .sha256 = "bb", .read_with = "b.plan",
         .read_with_sha256 = "cc", .read_with_files = "dd  b.plan\n"},
    };
    store_output o = {.path = "out.xlsx", .resolved = "/d/out.xlsx", .format = "xlsx", .sha256 = "ee",
                      .bytes = 1234};
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9", .rules_path = "rules.plan",
                           .rules_hash = "ab12", .data_path = "a.csv, b.csv --read-with b.plan",
                           .data_hash = "ff", .data_files = dfs, .ndata_files = 2, .outputs = &o,
                           .noutputs = 1};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    store_record rec;
    ck_assert_int_eq(store_read_record(s, id, &rec, stderr), 0);
    ck_assert(rec.files_known);
    ck_assert_uint_eq(rec.ndata, 2);
    ck_assert_str_eq(rec.data[0].path, "a.csv");
    ck_assert_str_eq(rec.data[0].read_with, "");
    ck_assert_str_eq(rec.data[1].sha256, "bb");
    ck_assert_str_eq(rec.data[1].read_with, "b.plan");
    ck_assert_str_eq(rec.data[1].read_with_sha256, "cc");
    ck_assert_str_eq(rec.data[1].read_with_files, "dd  b.plan\n");
    ck_assert_uint_eq(rec.noutputs, 1);
    ck_assert_str_eq(rec.outputs[0].path, "out.xlsx");
    ck_assert_str_eq(rec.outputs[0].format, "xlsx");
    ck_assert_int_eq(rec.outputs[0].bytes, 1234);
    ck_assert_str_eq(rec.rules_sha256, "ab12");
    store_record_free(&rec);
    /* a run removed takes its files with it */
    ck_assert_int_eq(store_forget_run(s, id, stderr), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM data_files"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM outputs"), 0);
    store_close(s);
    pf_free(&x);
}
END_TEST

/* A version 7 database (before the data files and outputs were
 * recorded) is read as it is: its runs' records say their files are
 * unknown, and history --full gives its hashes whole; the next run brings
 * it to version 8, recording its own files, the old run's still unknown. */
START_TEST(upgrade_v7_files)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), 1);
    store_close(s);
    raw_sql(db, V8_UNDONE "PRAGMA user_version = 7;");
    size_t len0, len1;
    char *before = file_bytes(db, &len0);
    s = store_open(db, false, stderr);
    ck_assert_ptr_nonnull(s);
    store_record rec;
    ck_assert_int_eq(store_read_record(s, 1, &rec, stderr), 0);
    ck_assert(!rec.files_known);
    ck_assert_uint_eq(rec.ndata, 0);
    ck_assert_uint_eq(rec.noutputs, 0);
    ck_assert_str_eq(rec.data_sha256, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    store_record_free(&rec);
    pf_capture c;
    ck_assert_int_eq(store_history_full(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "  0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  "));
    pf_cap_free(&c);
    ck_assert_int_eq(store_history(s, LBL_EN, pf_cap_open(&c), stderr), 0);
    ck_assert_ptr_nonnull(strstr(pf_cap_text(&c), "  0123456789ab  "));
    ck_assert_ptr_null(strstr(pf_cap_text(&c), "0123456789abc"));
    pf_cap_free(&c);
    store_close(s);
    char *after = file_bytes(db, &len1);
    ck_assert(len0 == len1 && memcmp(before, after, len0) == 0);
    free(before);
    free(after);
    ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), 7);

    s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    store_data_file df = {.path = "data.csv", .sha256 = "aa"};
    store_output o = {.path = "/dev/stdout", .format = "csv", .sha256 = "bb", .bytes = 10};
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9", .rules_path = "rules.plan",
                           .rules_hash = "ab12", .data_path = "data.csv", .data_hash = "aa",
                           .data_files = &df, .ndata_files = 1, .outputs = &o, .noutputs = 1};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(db, "SELECT records_files FROM runs WHERE id = 1"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT records_files FROM runs WHERE id = 2"), 1);
    ck_assert_int_eq(store_read_record(s, 1, &rec, stderr), 0);
    ck_assert(!rec.files_known);
    store_record_free(&rec);
    ck_assert_int_eq(store_read_record(s, 2, &rec, stderr), 0);
    ck_assert(rec.files_known);
    ck_assert_uint_eq(rec.noutputs, 1);
    ck_assert_str_eq(rec.outputs[0].path, "/dev/stdout");
    store_record_free(&rec);
    store_close(s);
    pf_free(&x);
}
END_TEST

/* A version 8 database (planc 0.13: before the readings' texts) is
 * brought to version 9 by the next run, which records the bytes of each
 * file of a data file's reading (--read-with) under the data file's seq,
 * in its manifest's order; the runs recorded before keep none. */
START_TEST(upgrade_v8_reading_texts)
{
    pfx x;
    pf_setup(&x, small_plan, small_data, false);
    store *s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(record(s, &x, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"), 1);
    store_close(s);
    raw_sql(db, V9_UNDONE "PRAGMA user_version = 8;");
    s = store_open(db, true, stderr);
    ck_assert_ptr_nonnull(s);
    static const char reading[] = "plan r extends \"rules.plan\" {}\n";
    store_file texts[] = {{.name = "reading.plan", .text = reading, .len = sizeof reading - 1},
                          {.name = "rules.plan", .text = "x\0y", .len = 3}};
    store_data_file dfs[] = {{.path = "a.csv", .sha256 = "aa"},
                             {.path = "b.csv", .sha256 = "bb", .read_with = "reading.plan",
                              .read_with_sha256 = "cc", .read_with_files = "dd  reading.plan\nee  rules.plan\n",
                              .read_with_texts = texts, .nread_with_texts = 2}};
    store_output o = {.path = "/dev/stdout", .format = "csv", .sha256 = "ff", .bytes = 10};
    store_run_info info = {.time = "2025-01-02T03:04:05Z", .version = "9.9.9", .rules_path = "rules.plan",
                           .rules_hash = "ab12", .data_path = "a.csv, b.csv --read-with reading.plan",
                           .data_hash = "ab", .data_files = dfs, .ndata_files = 2, .outputs = &o, .noutputs = 1};
    long long id = 0;
    ck_assert_int_eq(store_begin_run(s, &info, x.p, x.t, x.r, &id, stderr), 0);
    ck_assert_int_eq(store_commit(s, stderr), 0);
    store_close(s);
    ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM reading_texts WHERE run = 1"), 0);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM reading_texts WHERE run = 2"), 2);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM reading_texts WHERE run = 2 AND file = 1 AND seq = 0 "
                                 "AND name = 'reading.plan' AND length(text) = 31"), 1);
    ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM reading_texts WHERE run = 2 AND file = 1 AND seq = 1 "
                                 "AND name = 'rules.plan' AND text = CAST(X'780079' AS BLOB)"), 1);
    pf_free(&x);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, create_record_history);
    tcase_add_test(tc, rollback_records_nothing);
    tcase_add_test(tc, two_create_one_database);
    tcase_add_test(tc, forget_run);
    tcase_add_test(tc, control_characters_shown_escaped);
    tcase_add_test(tc, foreign_files);
    tcase_add_test(tc, upgrade_v1);
    tcase_add_test(tc, compare_across_rules_hashes);
    tcase_add_test(tc, compare_runs);
    tcase_add_test(tc, upgrade_v4_renames);
    tcase_add_test(tc, upgrade_v5_absent);
    tcase_add_test(tc, concurrent_writers);
    tcase_add_test(tc, waiting_for_a_lock_says_so);
    tcase_add_test(tc, compare_shows_the_changed_value);
    tcase_add_test(tc, lock_held_too_long_gives_up);
    tcase_add_test(tc, totals_only_run);
    tcase_add_test(tc, run_in_pieces);
    tcase_add_test(tc, first_run_failures_leave_no_database);
    tcase_add_test(tc, stale_temporaries_removed);
    tcase_add_test(tc, time_from_source_date_epoch);
    tcase_add_test(tc, time_from_the_clock);
    tcase_add_test(tc, not_applicable_rows_store_no_goal);
    tcase_add_test(tc, compare_shows_the_changed_tolerance);
    tcase_add_test(tc, compare_shows_the_changed_goal);
    tcase_add_test(tc, upgrade_v3);
    tcase_add_test(tc, records_files);
    tcase_add_test(tc, upgrade_v7_files);
    tcase_add_test(tc, upgrade_v8_reading_texts);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
