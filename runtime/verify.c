/* verify.c — `planc verify DB RUN [RULES] [--data F [--read-with R]]...
 * [--output F]...` (verify.h): each file's SHA-256 against what run RUN
 * recorded.  The rules are checked as the run hashed them: the file given,
 * then each file its manifest (runs.rules_files) names, read from the
 * given file's directory, and the hash of the manifest so made; a data
 * file against the run's file of that hash, else of its place; an output
 * against what the run wrote.  A run recorded before schema version 8
 * kept no output's hash and only the hash of its data files' hashes: the
 * data files are then checked together, an output not at all. */
#include "verify.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv.h"
#include "manifest.h"
#include "msgcat.h"
#include "report_style.h"
#include "rtmem.h"
#include "sha256.h"
#include "xlsx_read.h"

/* A status of a file checked (or of one the run recorded, not given). */
typedef enum { V_MATCH, V_DIFFERS, V_UNREADABLE, V_UNRECORDED, V_NOT_GIVEN } vstatus;

/* The counts of the last line, and where the lines go. */
typedef struct vctx {
    FILE *out;
    lbl_lang lang;
    size_t counts[V_NOT_GIVEN + 1];
    size_t manifests_differ; /* rules' hashes (of manifests) not the run's */
    char *shown[4];       /* shown()'s buffers, used in turn */
    unsigned nshown;
    char *note_text;      /* note()'s text */
} vctx;

/* Text t escaped as messages show a file's or the database's text (no
 * control character reaches the terminal), in one of v's buffers: valid
 * for the next three calls. */
static const char *shown(vctx *v, const char *t)
{
    size_t n = strlen(t), slot = v->nshown++ % 4;
    v->shown[slot] = rt_xrealloc(v->shown[slot], 6 * n + 1, 1);
    csv_escape(v->shown[slot], t, n, false);
    return v->shown[slot];
}

/* hash_file's failure for a device: no errno says it. */
enum { NOT_A_FILE = -1 };

/* Why a file could not be read: hash_file's failure in words. */
static const char *unreadable_why(const vctx *v, int e)
{
    return e == NOT_A_FILE ? msgcat_get(v->lang, "a device, not a file") : msgcat_file_error(v->lang, e);
}

/* The SHA-256 of the file at path into hex and its size into *bytes;
 * 0, NOT_A_FILE, or the errno of the failure to read it.  Opened without
 * waiting: a FIFO no program writes (an output's name taken by one, say)
 * would otherwise hold verify forever at open(); it is read as it
 * stands, as a pipe a shell gives (`<(zcat data.csv.gz)`) is.  A device
 * (a terminal, /dev/zero: a name in a database edited by hand, say) is
 * not read: it may never end. */
static int hash_file(const char *arg, char hex[65], long long *bytes)
{
    /* a workbook's sheet (--data FILE.xlsx#SHEET): the run hashed the
     * workbook's bytes */
    const char *sheet;
    char *file = xlsxr_split(arg, &sheet);
    const char *path = file ? file : arg;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    free(file);
    if (fd < 0)
        return errno;
    struct stat st;
    int flags = fcntl(fd, F_GETFL);
    if (fstat(fd, &st) != 0 || flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
        int e = errno;
        close(fd);
        return e;
    }
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)) {
        close(fd);
        return NOT_A_FILE;
    }
    sha256_ctx h;
    sha256_init(&h);
    char buf[1 << 16];
    long long n = 0;
    for (;;) {
        ssize_t got = read(fd, buf, sizeof buf);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            close(fd);
            return e;
        }
        if (got == 0)
            break;
        sha256_update(&h, buf, (size_t)got);
        n += got;
    }
    close(fd);
    sha256_hex(&h, hex);
    *bytes = n;
    return 0;
}

/* The word of a kind of file, padded to 8 columns of display width. */
static void put_padded(vctx *v, const char *word, size_t width)
{
    size_t w = report_style_width(word);
    fprintf(v->out, "%s%*s", word, w < width ? (int)(width - w) : 0, "");
}

/* Writes one file's line: "  KIND  STATUS  HASH  NAME NOTE" (the hash
 * blank for a file that could not be read), and counts it.  `note` is
 * written as it is (its texts shown already); the hash is shown as the
 * name is, since a hash the run recorded is the database's text (one
 * edited by hand may hold a line break or an escape sequence). */
static void line(vctx *v, const char *kind, vstatus st, const char *hex, const char *name,
                 const char *note)
{
    static const char *const words[] = {"match", "differs", "unreadable", "not recorded", "not given"};
    fputs("  ", v->out);
    put_padded(v, msgcat_get(v->lang, kind), 9);
    put_padded(v, msgcat_get(v->lang, words[st]), 13);
    fprintf(v->out, "%-64s  ", hex ? shown(v, hex) : "");
    fprintf(v->out, "%s%s\n", shown(v, name), note ? note : "");
    v->counts[st]++;
}

/* The detail under a line that differs: the hash the run recorded, in
 * the column of hashes, and of which file (its name as the run gave it)
 * with `more` after it; both the database's texts, shown escaped. */
static void recorded(vctx *v, const char *hex, const char *name, const char *more)
{
    fputs("  ", v->out);
    put_padded(v, "", 9);
    put_padded(v, msgcat_get(v->lang, "recorded"), 13);
    fputs(shown(v, hex), v->out);
    fprintf(v->out, "%s%s%s\n", *name ? "  " : "", shown(v, name), more ? more : "");
}

/* A note " (TEXT)" made from a format of the catalog and its arguments,
 * whole (a name of a few hundred characters was cut short in a buffer of
 * 512 bytes, with its closing parenthesis); valid until the next note. */
static const char *note(vctx *v, const char *fmt, const char *a, const char *b)
{
    fmt = msgcat_get(v->lang, fmt);
    int n = snprintf(NULL, 0, fmt, a, b);
    free(v->note_text);
    v->note_text = rt_xmalloc(n > 0 ? (size_t)n + 1 : 1, 1);
    snprintf(v->note_text, n > 0 ? (size_t)n + 1 : 1, fmt, a, b);
    return v->note_text;
}

/* The path of manifest name `name` beside the rules file `given` (its
 * names_anchor): in its directory (a name is relative to it, "../x"
 * included).  malloc'd. */
static char *beside(const char *given, const char *name)
{
    if (name[0] == '/')
        return rt_xstrdup(name);
    const char *slash = strrchr(given, '/');
    size_t dlen = slash ? (size_t)(slash - given) + 1 : 0;
    char *p = rt_xmalloc(dlen + strlen(name) + 1, 1);
    memcpy(p, given, dlen);
    strcpy(p + dlen, name);
    return p;
}

/* The path the names of a manifest are relative to for the rules file
 * `given`: `given` itself, or, when it is a symbolic link to a file in
 * another directory (`current.plan -> v3/plan.plan`), the real path of
 * that file, whose directory its imports were read from and its manifest
 * names them from (docs/LANGUAGE.md §14): verify looks where run read.
 * malloc'd. */
static char *names_anchor(const char *given)
{
    char *real = realpath(given, NULL);
    if (!real)
        return rt_xstrdup(given);
    const char *slash = strrchr(given, '/');
    char *gdir = slash ? strndup(given, slash == given ? 1 : (size_t)(slash - given)) : rt_xstrdup(".");
    char *rgdir = gdir ? realpath(gdir, NULL) : NULL;
    const char *rslash = strrchr(real, '/');
    size_t rlen = rslash == real ? 1 : (size_t)(rslash - real);
    bool same = rgdir && strlen(rgdir) == rlen && strncmp(rgdir, real, rlen) == 0;
    free(gdir);
    free(rgdir);
    if (same) {
        free(real);
        return rt_xstrdup(given);
    }
    return real;
}

/* Checks a rules file and what it imported against a manifest ("HEX  NAME\n"
 * a line, the file given first) and its hash: a line per file, then one
 * for the hash of the manifest the files make.  `kind` names them
 * ("rules", or "reading" for a --read-with's).  A manifest "" is of a run
 * recorded before schema version 3, whose hash is of the files' bytes
 * joined: the file given is compared with it alone. */
static void check_rules(vctx *v, const char *kind, const char *given, const char *manifest,
                        const char *hash)
{
    char hex[65];
    long long bytes;
    if (!*manifest) {
        int e = hash_file(given, hex, &bytes);
        if (e) {
            line(v, kind, V_UNREADABLE, NULL, given, note(v, ": %s", unreadable_why(v, e), ""));
            return;
        }
        bool same = strcmp(hex, hash) == 0;
        line(v, kind, same ? V_MATCH : V_DIFFERS, hex, given,
             same ? NULL : note(v, " (the run was recorded before schema version 3: "
                                "its hash is of its rules files' bytes joined)", "", ""));
        if (!same)
            recorded(v, hash, "", NULL);
        return;
    }
    /* the manifest the files make now, under the names the run gave them */
    char *made = NULL;
    size_t made_len = 0;
    FILE *m = open_memstream(&made, &made_len);
    if (!m) {
        fputs(msgcat_tr("planc: internal error: out of memory\n"), stderr);
        exit(4);
    }
    bool complete = true;
    size_t k = 0;
    char *anchor = names_anchor(given);
    size_t nentries;
    manifest_entry *entries = manifest_parse(manifest, &nentries);
    for (; k < nentries; k++) {
        const char *name = entries[k].name, *want = entries[k].hex;
        char *path = k == 0 ? rt_xstrdup(given) : beside(anchor, name);
        int e = hash_file(path, hex, &bytes);
        if (e) {
            line(v, kind, V_UNREADABLE, NULL, path, note(v, ": %s", unreadable_why(v, e), ""));
            complete = false;
        } else {
            bool same = strcmp(hex, want) == 0;
            /* the file given under another name than the run's */
            const char *base = strrchr(given, '/') ? strrchr(given, '/') + 1 : given;
            const char *what = k > 0 ? note(v, " (imported: %s)", shown(v, name), "")
                               : strcmp(base, name) != 0
                                   ? note(v, " (the run read it as %s)", shown(v, name), "")
                                   : NULL;
            line(v, kind, same ? V_MATCH : V_DIFFERS, hex, path, what);
            if (!same)
                recorded(v, want, name, NULL);
            manifest_put(m, hex, name);
        }
        free(path);
    }
    manifest_free(entries, nentries);
    free(anchor);
    fclose(m);
    if (complete) {
        sha256_ctx h;
        sha256_init(&h);
        sha256_update(&h, made, made_len);
        sha256_hex(&h, hex);
        bool same = strcmp(hex, hash) == 0;
        fputs("  ", v->out);
        put_padded(v, msgcat_get(v->lang, kind), 9);
        put_padded(v, msgcat_get(v->lang, same ? "match" : "differs"), 13);
        fprintf(v->out, msgcat_get(v->lang, "%s  the rules' hash (of the manifest of the files above)\n"), hex);
        if (!same) {
            recorded(v, hash, "", NULL);
            v->manifests_differ++; /* no file's, but the run's hash differs: not verified */
        }
    }
    free(made);
}

/* Checks the data files given: with the run's own hashes (schema version
 * 8), each against the run's file of its hash, else of its place, and
 * its reading against that file's; before, against the run's one hash:
 * of the file, or of the files' hashes. */
static void check_data(vctx *v, const store_record *rec, const verify_files *vf, bool *paired)
{
    long long bytes;
    size_t n = vf->ndata;
    char (*hex)[65] = rt_xcalloc(n ? n : 1, sizeof *hex);
    int *err = rt_xcalloc(n ? n : 1, sizeof *err);
    for (size_t i = 0; i < n; i++) {
        err[i] = hash_file(vf->data[i].path, hex[i], &bytes);
    }
    if (!rec->files_known) {
        /* the run's data_sha256: one file's hash, or the hash of the
         * files' hashes, each with a line end, in order */
        bool all = true;
        char combined[65];
        sha256_ctx h;
        sha256_init(&h);
        for (size_t i = 0; i < n; i++) {
            all &= err[i] == 0;
            sha256_update(&h, hex[i], 64);
            sha256_update(&h, "\n", 1);
        }
        sha256_hex(&h, combined);
        const char *now = n == 1 ? hex[0] : combined;
        bool same = all && strcmp(now, rec->data_sha256) == 0;
        for (size_t i = 0; i < n; i++) {
            if (err[i])
                line(v, "data", V_UNREADABLE, NULL, vf->data[i].path,
                     note(v, ": %s", unreadable_why(v, err[i]), ""));
            else if (n == 1)
                line(v, "data", same ? V_MATCH : V_DIFFERS, hex[i], vf->data[i].path, NULL);
            else
                /* which file of several differs, the run cannot tell */
                line(v, "data", same ? V_MATCH : V_UNRECORDED, hex[i], vf->data[i].path, NULL);
            if (vf->data[i].read_with)
                line(v, "reading", V_UNRECORDED, NULL, vf->data[i].read_with,
                     note(v, " (the run, recorded before schema version 8, named the rules "
                          "it read %s with, without their hash)", shown(v, vf->data[i].path), ""));
        }
        if (n > 1 && all) {
            /* the hash the run kept, of the files' hashes */
            fputs("  ", v->out);
            put_padded(v, msgcat_get(v->lang, "data"), 9);
            put_padded(v, msgcat_get(v->lang, same ? "match" : "differs"), 13);
            fprintf(v->out, msgcat_get(v->lang, "%s  the data's hash (of the hashes above: the run, recorded "
                                                "before schema version 8, kept no other)\n"), combined);
        }
        if (all && !same)
            recorded(v, rec->data_sha256, rec->data_path, NULL);
        free(hex);
        free(err);
        return;
    }
    /* each given file to a recorded one: of its hash (every such pair
     * first), else of its place, else the first left */
    size_t *pair = rt_xcalloc(n ? n : 1, sizeof *pair);
    for (size_t i = 0; i < n; i++) {
        pair[i] = rec->ndata;
        for (size_t k = 0; !err[i] && k < rec->ndata && pair[i] == rec->ndata; k++)
            if (!paired[k] && strcmp(rec->data[k].sha256, hex[i]) == 0)
                paired[pair[i] = k] = true;
    }
    for (size_t i = 0; i < n; i++) {
        if (pair[i] == rec->ndata && i < rec->ndata && !paired[i])
            paired[pair[i] = i] = true;
        for (size_t k = 0; k < rec->ndata && pair[i] == rec->ndata; k++)
            if (!paired[k])
                paired[pair[i] = k] = true;
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = pair[i];
        const store_data_file *d = j < rec->ndata ? &rec->data[j] : NULL;
        if (err[i]) {
            line(v, "data", V_UNREADABLE, NULL, vf->data[i].path,
                 note(v, ": %s", unreadable_why(v, err[i]), ""));
        } else if (!d) {
            line(v, "data", V_DIFFERS, hex[i], vf->data[i].path,
                 note(v, " (the run read no other data file)", "", ""));
        } else {
            bool same = strcmp(d->sha256, hex[i]) == 0;
            line(v, "data", same ? V_MATCH : V_DIFFERS, hex[i], vf->data[i].path,
                 same && strcmp(d->path, vf->data[i].path) != 0
                     ? note(v, " (the run read it as %s)", shown(v, d->path), "") : NULL);
            if (!same)
                recorded(v, d->sha256, d->path, NULL);
        }
        /* its reading */
        const char *rw = vf->data[i].read_with;
        if (rw && d && *d->read_with)
            check_rules(v, "reading", rw, d->read_with_files, d->read_with_sha256);
        else if (rw)
            line(v, "reading", V_DIFFERS, hash_file(rw, hex[i], &bytes) == 0 ? hex[i] : NULL, rw,
                 note(v, " (the run read %s with the scored rules, not with --read-with)",
                      d ? shown(v, d->path) : shown(v, vf->data[i].path), ""));
        else if (d && *d->read_with)
            line(v, "reading", V_NOT_GIVEN, d->read_with_sha256, d->read_with,
                 note(v, " (the run read %s with it: --read-with)", shown(v, d->path), ""));
    }
    free(pair);
    free(hex);
    free(err);
}

/* Checks the outputs given against what the run wrote: a file of the
 * hash of one of its outputs is that output. */
static void check_outputs(vctx *v, const store_record *rec, const verify_files *vf, bool *written)
{
    char bytes_text[32];
    for (size_t i = 0; i < vf->noutputs; i++) {
        char hex[65];
        long long bytes;
        int e = hash_file(vf->outputs[i], hex, &bytes);
        if (e) {
            line(v, "output", V_UNREADABLE, NULL, vf->outputs[i], note(v, ": %s", unreadable_why(v, e), ""));
            continue;
        }
        if (!rec->files_known || !rec->noutputs) {
            line(v, "output", V_UNRECORDED, hex, vf->outputs[i],
                 note(v, " (the run, recorded before schema version 8, kept no hash of "
                      "what it wrote: score the files again and compare, docs/OUTPUT.md §5)", "", ""));
            continue;
        }
        size_t j = 0;
        while (j < rec->noutputs && strcmp(rec->outputs[j].sha256, hex) != 0)
            j++;
        snprintf(bytes_text, sizeof bytes_text, "%lld", bytes);
        if (j < rec->noutputs) {
            written[j] = true;
            line(v, "output", V_MATCH, hex, vf->outputs[i],
                 strcmp(rec->outputs[j].path, vf->outputs[i]) == 0
                     ? note(v, " (%s bytes)", bytes_text, "")
                     : note(v, " (%s bytes; the run wrote it as %s)", bytes_text,
                            shown(v, rec->outputs[j].path)));
        } else {
            const store_output *o = &rec->outputs[0];
            line(v, "output", V_DIFFERS, hex, vf->outputs[i],
                 note(v, " (%s bytes)", bytes_text, ""));
            snprintf(bytes_text, sizeof bytes_text, "%lld", o->bytes);
            recorded(v, o->sha256, o->path, note(v, " (%s bytes)", bytes_text, ""));
        }
    }
}

int verify_run(const store_record *rec, const verify_files *vf, lbl_lang lang, FILE *out)
{
    vctx v = {.out = out, .lang = lang};
    fprintf(out, msgcat_get(lang, "run %lld (%s, planc %s, plan %s)\n"), rec->id, shown(&v, rec->time),
            shown(&v, rec->version), shown(&v, rec->plan));
    /* the options the run read the data with and the values it set
     * (--set): the files alone do not say them, and scoring the files
     * again (docs/OUTPUT.md §5, 3.) needs them */
    if (rec->data_options && *rec->data_options) {
        fputs("  ", out);
        put_padded(&v, msgcat_get(lang, "options"), 9);
        fprintf(out, "%s%s\n", shown(&v, rec->data_options),
                msgcat_get(lang, " (the run's options: give them again to score these files again)"));
    }
    if (vf->rules)
        check_rules(&v, "rules", vf->rules, rec->rules_files, rec->rules_sha256);
    bool *paired = rt_xcalloc(rec->ndata ? rec->ndata : 1, sizeof *paired);
    bool *written = rt_xcalloc(rec->noutputs ? rec->noutputs : 1, sizeof *written);
    if (vf->ndata)
        check_data(&v, rec, vf, paired);
    check_outputs(&v, rec, vf, written);
    /* what the run recorded that was not given: its hash to check by
     * hand, or to give next time */
    if (!vf->rules)
        line(&v, "rules", V_NOT_GIVEN, rec->rules_sha256, rec->rules_path,
             note(&v, " (the hash of its manifest)", "", ""));
    if (rec->files_known) {
        for (size_t k = 0; k < rec->ndata; k++)
            if (!paired[k])
                line(&v, "data", V_NOT_GIVEN, rec->data[k].sha256, rec->data[k].path, NULL);
        for (size_t k = 0; k < rec->noutputs; k++)
            if (!written[k] && !vf->noutputs)
                line(&v, "output", V_NOT_GIVEN, rec->outputs[k].sha256, rec->outputs[k].path, NULL);
    } else if (!vf->ndata) {
        line(&v, "data", V_NOT_GIVEN, rec->data_sha256, rec->data_path, NULL);
    }
    free(paired);
    free(written);
    size_t checked = v.counts[V_MATCH] + v.counts[V_DIFFERS] + v.counts[V_UNREADABLE] + v.counts[V_UNRECORDED];
    bool ok = checked == v.counts[V_MATCH] && !v.manifests_differ;
    if (ok)
        fprintf(out, msgcat_get(lang, "verified: every file checked is the run's (%zu)\n"), checked);
    else if (checked == v.counts[V_MATCH])
        fprintf(out, msgcat_get(lang, "not verified: each of the %zu files checked is the run's, but the rules' hash "
                                      "they make is not the one the run recorded\n"), checked);
    else
        fprintf(out, msgcat_get(lang, "not verified: %zu files checked, %zu of them the run's: %zu differ, %zu "
                                      "unreadable, %zu not recorded by the run\n"),
                checked, v.counts[V_MATCH], v.counts[V_DIFFERS], v.counts[V_UNREADABLE],
                v.counts[V_UNRECORDED]);
    for (size_t i = 0; i < 4; i++)
        free(v.shown[i]);
    free(v.note_text);
    return ok ? VERIFY_MATCH : VERIFY_MISMATCH;
}
