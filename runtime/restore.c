/* restore.c — `planc restore DB RUN DIR` (restore.h): the rules files a
 * recorded run read, written back into a new directory.
 *
 * The history keeps each rules file's bytes under the name its manifest
 * gives it (rules_texts; reading_texts for a --read-with's), relative to
 * the directory of the rules file as given to planc run, which the run
 * also recorded (rules_path; data_files.read_with).  Joined, they give
 * each file's path relative to the directory planc run was started in;
 * restore writes each there under DIR, so the run's own command line
 * names the same files from DIR (a name climbing above that directory,
 * "../base.plan", puts it in as many directories named "_" as it climbs:
 * their names were not recorded).
 *
 * The database is untrusted (a copy handed on, perhaps edited): every
 * text is hashed and compared with its manifest's SHA-256, and the
 * manifest with the run's hash of it, before a byte is written; a name
 * holding a control character, or two files at one path with different
 * bytes, is refused; nothing lands outside DIR, whatever the names say.
 * DIR is written under a temporary name beside it and renamed into place
 * only when whole. */
#include "restore.h"

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "csv.h"
#include "fileio.h"
#include "manifest.h"
#include "msgcat.h"
#include "ofile.h"
#include "rtmem.h"
#include "sha256.h"
#include "warnings.h"

/* A file to write: its path under DIR ('/'-separated, no "." or ".."),
 * its bytes, and what it is to the run (for the listing). */
typedef struct rfile {
    char *path;
    const store_file *src;
    enum { R_GIVEN, R_IMPORTED, R_READING, R_READING_IMPORTED } role;
    const char *reading_of; /* the data file a reading read, or NULL */
    int ups;                /* how many directories its name climbs above
                               planc run's directory */
    bool absolute;
} rfile;

/* What restore_run gathers and writes. */
typedef struct rctx {
    const store_record *rec;
    lbl_lang lang;
    FILE *err;
    rfile *files;
    size_t nfiles;
    char *shown[4]; /* shown()'s buffers, used in turn */
    unsigned nshown;
} rctx;

/* Text t escaped as messages show a name from the database (no control
 * character reaches the terminal): valid for the next three calls. */
static const char *shown(rctx *c, const char *t)
{
    size_t n = strlen(t), slot = c->nshown++ % 4;
    c->shown[slot] = rt_xrealloc(c->shown[slot], 6 * n + 1, 1);
    csv_escape(c->shown[slot], t, n, false);
    return c->shown[slot];
}

/* The directory part of path as given ("" for a bare name, "/" for a file
 * in the root), malloc'd. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return rt_xstrdup("");
    if (slash == path)
        return rt_xstrdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* Whether a component holds a byte planc will not put in a file name it
 * writes: a control character (a line break would also break the
 * listing, and no rules file planc reads by name has one legitimately). */
static bool unsafe_component(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return true;
    return false;
}

/* Joins dir and name (name alone when absolute) and normalises the path
 * into f: leading ".." counted in f->ups (dropped at the root of an
 * absolute path), "." and empty components dropped, "x/.." folded.
 * False when the path names no file (nothing left, or it ends in a
 * directory) or holds an unsafe component. */
static bool place(const char *dir, const char *name, rfile *f)
{
    char *full;
    if (name[0] == '/' || !*dir)
        full = rt_xstrdup(name);
    else {
        size_t dl = strlen(dir), nl = strlen(name);
        full = rt_xmalloc(dl + nl + 2, 1);
        memcpy(full, dir, dl);
        full[dl] = '/';
        memcpy(full + dl + 1, name, nl + 1);
    }
    f->absolute = full[0] == '/';
    f->ups = 0;
    size_t len = strlen(full);
    /* the kept components, as offsets into full */
    size_t *start = rt_xcalloc(len + 1, sizeof *start), *size = rt_xcalloc(len + 1, sizeof *size);
    size_t n = 0;
    bool ok = true, last_dir = false;
    for (size_t i = 0; i <= len;) {
        size_t j = i;
        while (j < len && full[j] != '/')
            j++;
        size_t k = j - i;
        last_dir = k == 0 || (k == 1 && full[i] == '.') || (k == 2 && full[i] == '.' && full[i + 1] == '.');
        if (k == 0 || (k == 1 && full[i] == '.')) {
            /* nothing */
        } else if (k == 2 && full[i] == '.' && full[i + 1] == '.') {
            if (n)
                n--;
            else if (!f->absolute)
                f->ups++;
        } else if (unsafe_component(full + i, k)) {
            ok = false;
        } else {
            start[n] = i;
            size[n++] = k;
        }
        i = j + 1;
    }
    if (!n || last_dir)
        ok = false;
    if (ok) {
        size_t total = 0;
        for (size_t i = 0; i < n; i++)
            total += size[i] + 1;
        f->path = rt_xmalloc(total, 1);
        char *o = f->path;
        for (size_t i = 0; i < n; i++) {
            memcpy(o, full + start[i], size[i]);
            o += size[i];
            *o++ = i + 1 < n ? '/' : '\0';
        }
    }
    free(start);
    free(size);
    free(full);
    return ok;
}

/* The SHA-256 of n bytes as 64 hex digits. */
static void hash_bytes(const void *b, size_t n, char hex[65])
{
    sha256_ctx h;
    sha256_init(&h);
    sha256_update(&h, b, n);
    sha256_hex(&h, hex);
}

/* Checks one set's texts against its manifest and the run's hash of the
 * manifest, and adds its files to c; `what` names the set in messages.
 * False after saying why. */
static bool gather(rctx *c, const restore_set *set, const char *manifest, const char *hash, const char *dir,
                   const char *what)
{
    size_t n;
    manifest_entry *e = manifest_parse(manifest, &n);
    bool ok = true;
    for (size_t i = 0; i < set->nfiles && ok; i++) {
        const store_file *f = &set->files[i];
        char hex[65];
        hash_bytes(f->text, f->len, hex);
        if (i >= n || strcmp(e[i].name, f->name) != 0) {
            csv_message(c->err, msgcat_get(c->lang, "planc: error: run %lld's %s: its manifest does not list "
                                                    "'%s' as file %zu (the database was changed after the run)\n"),
                        c->rec->id, msgcat_get(c->lang, what), shown(c, f->name), i + 1);
            ok = false;
            break;
        }
        if (strcmp(e[i].hex, hex) != 0) {
            csv_message(c->err, msgcat_get(c->lang, "planc: error: run %lld's %s: the text of '%s' is not the one "
                                                    "the run read (its SHA-256 %s, the run's %.64s): the "
                                                    "database was changed after the run\n"),
                        c->rec->id, msgcat_get(c->lang, what), shown(c, f->name), hex, e[i].hex);
            ok = false;
            break;
        }
        rfile r = {.src = f, .role = set->reading < 0 ? (i == 0 ? R_GIVEN : R_IMPORTED)
                                                      : i == 0 ? R_READING : R_READING_IMPORTED};
        if (set->reading >= 0)
            r.reading_of = c->rec->data[set->reading].path;
        if (!place(dir, f->name, &r)) {
            /* the path as joined: the control character may be in the
             * directory the run recorded its rules in, not in the name */
            size_t dl = strlen(dir), nl = strlen(f->name);
            char *joined = rt_xmalloc(dl + nl + 2, 1);
            snprintf(joined, dl + nl + 2, "%s%s%s", f->name[0] == '/' ? "" : dir,
                     f->name[0] == '/' || !dl || dir[dl - 1] == '/' ? "" : "/", f->name);
            csv_message(c->err, msgcat_get(c->lang, "planc: error: run %lld's %s: planc will not write a file "
                                                    "named '%s' (a control character, or no file name)\n"),
                        c->rec->id, msgcat_get(c->lang, what), shown(c, joined));
            free(joined);
            ok = false;
            break;
        }
        c->files = rt_xrealloc(c->files, c->nfiles + 1, sizeof *c->files);
        c->files[c->nfiles++] = r;
    }
    manifest_free(e, n);
    if (ok && n > set->nfiles) {
        csv_message(c->err, msgcat_get(c->lang, "planc: error: run %lld's %s: its manifest lists more files "
                                                "than the history keeps texts of (the database was changed "
                                                "after the run)\n"),
                    c->rec->id, msgcat_get(c->lang, what));
        ok = false;
    }
    if (!ok)
        return false;
    char hex[65];
    hash_bytes(manifest, strlen(manifest), hex);
    if (strcmp(hex, hash) != 0) {
        csv_message(c->err, msgcat_get(c->lang, "planc: error: run %lld's %s: their manifest is not the one the "
                                                "run hashed (its SHA-256 %s, the run's %s): the database was "
                                                "changed after the run\n"),
                    c->rec->id, msgcat_get(c->lang, what), hex, shown(c, hash));
        return false;
    }
    return true;
}

/* Orders paths with '/' before every other byte, so that the paths
 * under a directory "a/" follow the file "a" at once (qsort's, over an
 * index into c's files). */
static const rfile *sort_files;
static int by_path(const void *x, const void *y)
{
    const unsigned char *p = (const unsigned char *)sort_files[*(const size_t *)x].path;
    const unsigned char *q = (const unsigned char *)sort_files[*(const size_t *)y].path;
    for (;; p++, q++) {
        int a = *p == '/' ? 1 : *p ? *p + 1 : 0, b = *q == '/' ? 1 : *q ? *q + 1 : 0;
        if (a != b || !a)
            return a - b;
    }
}

/* Gives each relative path the "_" directories that stand for those
 * above planc run's directory (as many as the deepest climb), then
 * drops a second file at a path with the same bytes (a reading's base
 * is the scored rules' file) and refuses two different ones, or a file
 * where another needs a directory.  False after saying why. */
static bool settle(rctx *c, int *up_levels)
{
    int most = 0;
    for (size_t i = 0; i < c->nfiles; i++)
        if (!c->files[i].absolute && c->files[i].ups > most)
            most = c->files[i].ups;
    *up_levels = most;
    for (size_t i = 0; i < c->nfiles; i++) {
        rfile *f = &c->files[i];
        int pad = f->absolute ? 0 : most - f->ups;
        if (!pad)
            continue;
        size_t n = strlen(f->path);
        char *p = rt_xmalloc(2 * (size_t)pad + n + 1, 1);
        for (int k = 0; k < pad; k++)
            memcpy(p + 2 * k, "_/", 2);
        memcpy(p + 2 * pad, f->path, n + 1);
        free(f->path);
        f->path = p;
    }
    /* sorted, a path's equal and a file under it are its neighbours */
    size_t *order = rt_xcalloc(c->nfiles + 1, sizeof *order);
    bool *dup = rt_xcalloc(c->nfiles + 1, sizeof *dup);
    for (size_t i = 0; i < c->nfiles; i++)
        order[i] = i;
    sort_files = c->files;
    qsort(order, c->nfiles, sizeof *order, by_path);
    bool ok = true;
    for (size_t k = 1; k < c->nfiles && ok; k++) {
        size_t i = order[k - 1], j = order[k];
        /* of two at one path, the later one in the run's order goes */
        size_t first = i < j ? i : j, second = i < j ? j : i;
        const rfile *f = &c->files[first], *g = &c->files[second];
        size_t fl = strlen(c->files[i].path);
        if (strcmp(f->path, g->path) == 0) {
            if (f->src->len != g->src->len || memcmp(f->src->text, g->src->text, f->src->len) != 0) {
                csv_message(c->err, msgcat_get(c->lang, "planc: error: run %lld read two different files as "
                                                        "'%s' (the database was changed after the run)\n"),
                            c->rec->id, shown(c, f->path));
                ok = false;
            }
            dup[second] = true;
            order[k] = first; /* the survivor meets the next path */
        } else if (strncmp(c->files[i].path, c->files[j].path, fl) == 0 && c->files[j].path[fl] == '/') {
            csv_message(c->err, msgcat_get(c->lang, "planc: error: run %lld's files '%s' and '%s' cannot both be "
                                                    "written: one names the other's directory\n"),
                        c->rec->id, shown(c, c->files[i].path), shown(c, c->files[j].path));
            ok = false;
        }
    }
    if (ok) {
        size_t kept = 0;
        for (size_t i = 0; i < c->nfiles; i++)
            if (dup[i])
                free(c->files[i].path);
            else
                c->files[kept++] = c->files[i];
        c->nfiles = kept;
    }
    free(order);
    free(dup);
    return ok;
}

/* What restore writes into: the temporary directory and, in the order
 * made, the directories and files under it (to remove them again). */
typedef struct rtree {
    char *tmp;
    char **made;      /* paths under tmp, directories and files */
    bool *is_dir;
    size_t nmade;
} rtree;

/* Removes what t made, deepest first. */
static void unmake(rtree *t)
{
    for (size_t i = t->nmade; i-- > 0;) {
        if (t->is_dir[i])
            rmdir(t->made[i]);
        else
            unlink(t->made[i]);
        free(t->made[i]);
    }
    t->nmade = 0;
}

/* Notes path (malloc'd) as made by t. */
static void made(rtree *t, char *path, bool dir)
{
    t->made = rt_xrealloc(t->made, t->nmade + 1, sizeof *t->made);
    t->is_dir = rt_xrealloc(t->is_dir, t->nmade + 1, sizeof *t->is_dir);
    t->made[t->nmade] = path;
    t->is_dir[t->nmade] = dir;
    t->nmade++;
}

/* Writes file f under t->tmp, making its directories (mode 0777 less
 * the umask, as mkdir makes them).  0, or an errno value. */
static int write_file(rtree *t, const rfile *f)
{
    size_t tl = strlen(t->tmp), pl = strlen(f->path);
    char *p = rt_xmalloc(tl + pl + 2, 1);
    memcpy(p, t->tmp, tl);
    p[tl] = '/';
    memcpy(p + tl + 1, f->path, pl + 1);
    for (char *s = p + tl + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        if (mkdir(p, 0777) == 0)
            made(t, rt_xstrdup(p), true);
        else if (errno != EEXIST) {
            int e = errno;
            free(p);
            return e;
        }
        *s = '/';
    }
    int fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        int e = errno;
        free(p);
        return e;
    }
    made(t, p, false);
    errno = 0; /* a write of nothing (0 returned) sets none */
    if (!fio_write_all(fd, f->src->text, f->src->len)) {
        int e = errno ? errno : EIO;
        close(fd);
        return e;
    }
    if (close(fd) != 0)
        return errno;
    return 0;
}

/* Whether dir may be restored into: absent, or an empty directory (not
 * a link to one).  0; else an errno value (EEXIST for anything else). */
static int usable(const char *dir)
{
    struct stat st;
    if (lstat(dir, &st) != 0)
        return errno == ENOENT ? 0 : errno;
    if (!S_ISDIR(st.st_mode))
        return EEXIST;
    DIR *d = opendir(dir);
    if (!d)
        return errno;
    struct dirent *e;
    int r = 0;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            r = EEXIST;
            break;
        }
    closedir(d);
    return r;
}

/* Writes c's files into a temporary directory beside dir, then renames
 * it to dir.  RESTORE_OK, or the failure after saying why. */
static restore_status write_tree(rctx *c, const char *dir)
{
    char *name = rt_xstrdup(dir);
    for (size_t n = strlen(name); n > 1 && name[n - 1] == '/'; n--)
        name[n - 1] = '\0';
    int e = usable(name);
    if (e) {
        if (e == EEXIST)
            csv_message(c->err, msgcat_get(c->lang, "planc: error: %s exists and is not an empty directory: "
                                                    "restore writes a new directory (give a name that does "
                                                    "not exist)\n"),
                        shown(c, name));
        else
            csv_message(c->err, msgcat_get(c->lang, "planc: error: %s: %s\n"), shown(c, name),
                        msgcat_strerror(c->lang, e));
        free(name);
        return e == EEXIST ? RESTORE_USAGE : RESTORE_WRITE;
    }
    char *parent = dir_of(name);
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    size_t pl = strlen(parent), bl = strlen(base);
    rtree t = {0};
    t.tmp = rt_xmalloc(pl + bl + 16, 1);
    /* the name shortened when long, so that a legal name has a legal temporary one (ofile_temp_stem) */
    snprintf(t.tmp, pl + bl + 16, "%s%s.%.*s.XXXXXX", parent, pl && parent[pl - 1] != '/' ? "/" : "",
             (int)ofile_temp_stem(base), base);
    restore_status st = RESTORE_OK;
    if (!mkdtemp(t.tmp)) {
        e = errno;
        csv_message(c->err, msgcat_get(c->lang, "planc: error: cannot make a directory beside %s: %s\n"),
                    shown(c, name), msgcat_strerror(c->lang, e));
        st = RESTORE_WRITE;
    } else {
        int h = cleanup_tree(t.tmp); /* all of it, however deep and many */
        mode_t mask = umask(0);
        umask(mask);
        chmod(t.tmp, 0777 & ~mask);
        for (size_t i = 0; i < c->nfiles && st == RESTORE_OK; i++)
            if ((e = write_file(&t, &c->files[i])) != 0) {
                csv_message(c->err, msgcat_get(c->lang, "planc: error: cannot write %s/%s: %s\n"), shown(c, name),
                            shown(c, c->files[i].path), msgcat_strerror(c->lang, e));
                st = RESTORE_WRITE;
            }
        if (st == RESTORE_OK && rename(t.tmp, name) != 0) {
            e = errno;
            if (e == ENOTEMPTY || e == EEXIST || e == ENOTDIR)
                csv_message(c->err, msgcat_get(c->lang, "planc: error: %s exists and is not an empty directory: "
                                                        "restore writes a new directory (give a name that does "
                                                        "not exist)\n"),
                            shown(c, name));
            else
                csv_message(c->err, msgcat_get(c->lang, "planc: error: cannot rename %s to %s: %s\n"),
                            shown(c, t.tmp), shown(c, name), msgcat_strerror(c->lang, e));
            st = e == ENOTEMPTY || e == EEXIST || e == ENOTDIR ? RESTORE_USAGE : RESTORE_WRITE;
        }
        if (st != RESTORE_OK) {
            unmake(&t);
            rmdir(t.tmp);
        } else {
            /* in place: the temporary names name nothing now */
            for (size_t i = 0; i < t.nmade; i++)
                free(t.made[i]);
        }
        cleanup_done(h);
    }
    free(t.tmp);
    free(t.made);
    free(t.is_dir);
    free(parent);
    free(name);
    return st;
}

/* A shell word for path: as it is when it holds only characters a shell
 * leaves alone and a terminal shows as themselves, else quoted as
 * csv_shell_path quotes it (in single quotes, a byte of no valid UTF-8
 * character or an invisible one as $'\xHH', ./ before a leading '-'),
 * so that the command can be pasted as it is. */
static void put_word(FILE *out, const char *path)
{
    char *q = csv_shell_path(path);
    size_t n = strlen(path);
    bool plain = n && strlen(q) == n + 2; /* only the quotes added */
    for (const char *s = path; *s && plain; s++)
        plain = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
                strchr("/._-+,:@%=", *s) || (unsigned char)*s >= 0x80;
    fputs(plain ? path : q, out);
    free(q);
}

restore_status restore_run(const store_record *rec, const restore_set *sets, size_t nsets, const char *db,
                           const char *dir, bool strict, lbl_lang lang, FILE *out, FILE *err)
{
    rctx c = {.rec = rec, .lang = lang, .err = err};
    restore_status st = RESTORE_OK;
    for (size_t i = 0; i < nsets && st == RESTORE_OK; i++) {
        const restore_set *set = &sets[i];
        if (set->reading < 0 && (!set->recorded || !set->nfiles || !*rec->rules_files)) {
            csv_message(err, msgcat_get(lang, "planc: error: run %lld keeps no rules texts: it was recorded "
                                              "by planc %s, before the history kept them (schema version 6); "
                                              "only their SHA-256 is known ('planc verify' checks files "
                                              "against it)\n"),
                        rec->id, shown(&c, rec->version));
            st = RESTORE_UNFAITHFUL;
            break;
        }
        if (set->reading >= 0 && (!set->recorded || !set->nfiles)) {
            warn_message(err, WARN_RESTORE_WITHOUT_TEXTS, msgcat_get(lang, "planc: warning: run %lld keeps no texts of the rules %s was read "
                                              "with (--read-with %s; recorded by planc %s, before the history "
                                              "kept them, schema version 9): only their SHA-256 is known\n"),
                        rec->id, shown(&c, rec->data[set->reading].path),
                        shown(&c, rec->data[set->reading].read_with), shown(&c, rec->version));
            if (strict) {
                st = RESTORE_UNFAITHFUL; /* the warning is an error: nothing written */
                break;
            }
            continue;
        }
        const store_data_file *d = set->reading >= 0 ? &rec->data[set->reading] : NULL;
        char *where = dir_of(d ? d->read_with : rec->rules_path);
        bool ok = gather(&c, set, d ? d->read_with_files : rec->rules_files,
                         d ? d->read_with_sha256 : rec->rules_sha256, where,
                         d ? "reading rules" : "rules");
        free(where);
        if (!ok)
            st = RESTORE_UNFAITHFUL;
    }
    int ups = 0;
    if (st == RESTORE_OK && !settle(&c, &ups))
        st = RESTORE_UNFAITHFUL;
    if (st == RESTORE_OK)
        st = write_tree(&c, dir);
    if (st == RESTORE_OK) {
        fprintf(out, msgcat_get(lang, "restored the rules of run %lld (recorded %s by planc %s) into %s:\n"),
                rec->id, shown(&c, rec->time), shown(&c, rec->version), shown(&c, dir));
        /* the names as messages show them: a byte of no valid UTF-8
         * character or an invisible one (U+202E) escaped */
        size_t width = 0;
        for (size_t i = 0; i < c.nfiles; i++)
            if (strlen(shown(&c, c.files[i].path)) > width)
                width = strlen(shown(&c, c.files[i].path));
        for (size_t i = 0; i < c.nfiles; i++) {
            const rfile *f = &c.files[i];
            fprintf(out, "  %-*s  ", (int)width, shown(&c, f->path));
            if (f->role == R_GIVEN)
                fputs(msgcat_get(lang, "the rules given to planc run"), out);
            else if (f->role == R_IMPORTED)
                fputs(msgcat_get(lang, "imported"), out);
            else if (f->role == R_READING)
                fprintf(out, msgcat_get(lang, "the rules %s was read with"), shown(&c, f->reading_of));
            else
                fprintf(out, msgcat_get(lang, "imported by the rules %s was read with"), shown(&c, f->reading_of));
            fputc('\n', out);
        }
        fputs(msgcat_get(lang, "Each file's SHA-256, and their manifest's, are those the run recorded.\n"), out);
        if (ups) {
            char *unders = rt_xmalloc(2 * (size_t)ups, 1);
            for (int k = 0; k < ups; k++)
                memcpy(unders + 2 * k, k + 1 < ups ? "_/" : "_", 2); /* the last with its NUL */
            fprintf(out, msgcat_get(lang, "The rules import files from %d directories above the one planc run "
                                          "was started in, whose names the history does not keep: that "
                                          "directory is %s/%s.\n"),
                    ups, shown(&c, dir), unders);
            free(unders);
        }
        fputs(msgcat_get(lang, "To check them against the run: "), out);
        fputs("planc verify ", out);
        put_word(out, db);
        fprintf(out, " %lld ", rec->id);
        const char *first = c.nfiles ? c.files[0].path : "";
        size_t dl = strlen(dir), fl = strlen(first);
        char *given = rt_xmalloc(dl + fl + 2, 1);
        snprintf(given, dl + fl + 2, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/", first);
        put_word(out, given);
        free(given);
        fputc('\n', out);
    }
    for (size_t i = 0; i < c.nfiles; i++)
        free(c.files[i].path);
    free(c.files);
    for (size_t i = 0; i < 4; i++)
        free(c.shown[i]);
    return st;
}
