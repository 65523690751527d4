/* ofile.c — output files written atomically (see ofile.h).
 *
 * The temporary file is made with mkstemp beside the target (same directory,
 * so rename is atomic), named ".NAME.XXXXXX" (NAME shortened when it is
 * too long for the temporary name and its suffixes to fit: ofile_temp_stem).  Commit flushes, fsyncs, gives
 * the file the target's mode (or 0666 less the umask for a new file) and
 * renames it over the target; any failure removes the temporary file, so
 * the target is either the old file or the complete new one.
 *
 * A signal that ends planc (Ctrl-C) removes the temporary file too
 * (cleanup.h).  SIGKILL (or a crash) runs no clean-up: the writer holds an
 * exclusive flock(2) on its temporary file while it may still write it,
 * which ends with the process, and the next ofile_open of the same target
 * removes the temporaries of it that it can lock (ofile_sweep), never one
 * a live planc still writes, stopped or not.  The results history's
 * temporary databases are made and swept the same way (store.c).
 *
 * A target that exists and is not a regular file (/dev/null, /dev/stdout,
 * a FIFO) cannot be replaced: it is written directly.  A symbolic link is
 * followed, so the file it points to is replaced and the link kept (or
 * made, when the link names none yet: ofile_absent_target).  A
 * regular file the user may not write is refused (ofile_writable): the
 * rename would replace it, as the directory allows, although it was made
 * read-only to be kept. */
#include "ofile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "csv.h"
#include "msgcat.h"
#include "rtmem.h"

/* An output file being written. */
struct ofile {
    char *path;   /* the target */
    char *tmp;    /* the temporary file beside it */
    char *dir;    /* the target's directory, for messages and the final fsync */
    FILE *f;
    int direct;   /* writing straight into a device or FIFO: no rename */
    int cleanup;  /* the temporary file's cleanup handle (cleanup.h), or -1 */
    int lock_fd;  /* a descriptor of the temporary file holding its flock until o
                     is freed (the stream's is closed before the rename), or -1 */
    char *old;    /* ofile_commit_undoable: a second name of the file it replaced
                     (NULL: there was none, or it could not be kept) */
    int old_lock; /* a descriptor of that file holding a shared flock while the
                     name may be needed (ofile_sweep removes it once none
                     holds one), or -1 */
    int had_old;  /* a file was at path before the rename */
};

/* Frees o's memory (the stream must be closed already). */
static void ofile_release(ofile *o)
{
    cleanup_done(o->cleanup);
    if (o->lock_fd >= 0)
        close(o->lock_fd); /* and the lock, once the file is renamed or removed */
    if (o->old_lock >= 0)
        close(o->old_lock);
    free(o->old);
    free(o->path);
    free(o->tmp);
    free(o->dir);
    free(o);
}

/* Explains why a file could not be created in o->dir. */
static void create_error(const ofile *o, int e, FILE *err)
{
    struct stat st;
    /* ENOENT from a directory that exists: a file system that creates no
     * files (/proc) */
    if (e == ENOENT && stat(o->dir, &st) == 0 && S_ISDIR(st.st_mode))
        csv_message(err, "planc: error: cannot write '%s': cannot create files in '%s'\n",
                o->path, o->dir);
    else if (e == ENOENT)
        csv_message(err, "planc: error: cannot write '%s': directory '%s' does not exist\n",
                o->path, o->dir);
    else if (e == ENOTDIR)
        csv_message(err, "planc: error: cannot write '%s': '%s' is not a directory\n",
                o->path, o->dir);
    else if (e == EACCES || e == EPERM)
        csv_message(err, "planc: error: cannot write '%s': no permission to create files in '%s'\n",
                o->path, o->dir);
    else
        csv_message(err, "planc: error: cannot write '%s': %s\n", o->path, msgcat_strerror(msgcat_lang(), e));
}

/* Opens a target that is not a regular file (a device or a FIFO) for
 * writing in place. */
static ofile *open_direct(const char *path, FILE *err)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", path, msgcat_strerror(msgcat_lang(), errno));
        return NULL;
    }
    ofile *o = rt_xcalloc(1, sizeof *o);
    o->path = rt_xstrdup(path);
    o->f = f;
    o->direct = 1;
    o->cleanup = -1;
    o->lock_fd = -1;
    o->old_lock = -1;
    return o;
}

size_t ofile_temp_stem(const char *base)
{
    size_t n = strlen(base);
    if (n <= OFILE_STEM_MAX)
        return n;
    /* cut before a UTF-8 continuation byte's character, not inside it */
    n = OFILE_STEM_MAX;
    while (n > 0 && ((unsigned char)base[n] & 0xC0) == 0x80)
        n--;
    return n;
}

bool ofile_temp_name_of(const char *name, const char *base)
{
    size_t n = ofile_temp_stem(base);
    if (name[0] != '.' || strncmp(name + 1, base, n) != 0 || name[n + 1] != '.')
        return false;
    const char *x = name + n + 2;
    for (int i = 0; i < 6; i++)
        if (!((x[i] >= 'a' && x[i] <= 'z') || (x[i] >= 'A' && x[i] <= 'Z') || (x[i] >= '0' && x[i] <= '9')))
            return false;
    return x[6] == '\0';
}

/* Whether `name` is the second name ofile_commit_undoable gives the file
 * it replaces: a temporary name of `base` followed by ".old". */
static bool old_name_of(const char *name, const char *base)
{
    size_t n = strlen(name);
    if (n < 4 || strcmp(name + n - 4, ".old") != 0 || n - 4 >= 256)
        return false;
    char temp[256];
    memcpy(temp, name, n - 4);
    temp[n - 4] = '\0';
    return ofile_temp_name_of(temp, base);
}

/* `name` followed by `suffix`, malloc'd. */
static char *suffixed(const char *name, const char *suffix)
{
    char *p = rt_xmalloc(strlen(name) + strlen(suffix) + 1, 1);
    strcpy(p, name);
    strcat(p, suffix);
    return p;
}

void ofile_sweep(const char *path, const char *const *sides, size_t nsides)
{
    char *dir = rt_xstrdup(path), *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    const char *dname = slash ? dir : ".";
    char *base = rt_xstrdup(slash ? strrchr(path, '/') + 1 : path);
    int dfd = open(dname, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        free(base);
        free(dir);
        return;
    }
    for (struct dirent *e; *base && (e = readdir(d));) {
        /* a temporary file, or the old file's second name a writer killed
         * between ofile_commit_undoable's link and the settle left (its
         * writer holds a shared lock on it while it may need it) */
        bool old = old_name_of(e->d_name, base);
        if (!old && !ofile_temp_name_of(e->d_name, base))
            continue;
        int fd = openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            continue;
        struct stat held, named;
        if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &held) == 0 &&
            fstatat(dfd, e->d_name, &named, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(held.st_mode) &&
            held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
            for (size_t i = 0; !old && i < nsides; i++) {
                char *side = suffixed(e->d_name, sides[i]);
                unlinkat(dfd, side, 0);
                free(side);
            }
            unlinkat(dfd, e->d_name, 0);
        }
        close(fd);
    }
    closedir(d);
    free(base);
    free(dir);
}

/* Whether flock(2) failed with `e` because the file system has no such
 * locks (NFS mounted without its lock daemon, some network and FUSE file
 * systems), not for this file. */
static bool no_locks_here(int e)
{
    return e == ENOLCK || e == EOPNOTSUPP || e == ENOTSUP || e == EINVAL || e == ENOSYS;
}

int ofile_make_locked(char *tmpl)
{
    size_t n = strlen(tmpl);
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        memcpy(tmpl + n - 6, "XXXXXX", 6);
        if ((fd = mkstemp(tmpl)) < 0)
            return -1;
        fcntl(fd, F_SETFD, FD_CLOEXEC);
        struct stat held, named;
        int locked = flock(fd, LOCK_EX), e = errno;
        bool ours = fstat(fd, &held) == 0 && lstat(tmpl, &named) == 0 && held.st_dev == named.st_dev &&
                    held.st_ino == named.st_ino;
        if (locked != 0 && ours && no_locks_here(e)) {
            /* No locks on this file system: the file goes unlocked.  No
             * planc takes it for a killed one's either (ofile_sweep
             * removes only a file it can lock), so it is safe; a killed
             * planc's files are then left for a person to remove. */
            break;
        }
        if (locked != 0 && ours) {
            /* another reason, which another file would meet too: the
             * file made is removed, not left beside the output */
            unlink(tmpl);
            close(fd);
            errno = e;
            return -1;
        }
        if (locked != 0 || !ours) {
            close(fd);
            fd = -1;
            errno = EEXIST;
        }
    }
    return fd;
}

char *ofile_absent_target(const char *path)
{
    char *p = rt_xstrdup(path);
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0)
            return errno == ENOENT ? p : (free(p), NULL);
        if (!S_ISLNK(st.st_mode))
            break;
        char to[PATH_MAX];
        ssize_t n = readlink(p, to, sizeof to - 1);
        if (n <= 0)
            break;
        to[n] = '\0';
        const char *slash = strrchr(p, '/');
        char *next;
        if (to[0] == '/' || !slash) {
            next = rt_xstrdup(to);
        } else {
            size_t dir = (size_t)(slash - p) + 1;
            next = rt_xmalloc(dir + (size_t)n + 1, 1);
            memcpy(next, p, dir);
            memcpy(next + dir, to, (size_t)n + 1);
        }
        free(p);
        p = next;
    }
    free(p);
    return NULL;
}

int ofile_writable(const char *path, FILE *err)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    /* no write permission for anyone is read-only also to root, whom
     * access() lets write anything */
    bool readonly = (st.st_mode & 0222) == 0;
    if (!readonly && (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 ||
                      (errno != EACCES && errno != EPERM)))
        return 0;
    csv_message(err, "planc: error: cannot write '%s': you may not write it (mode %04o), and planc "
                     "does not replace a file kept read-only: make it writable (chmod u+w) or "
                     "write elsewhere\n", path, (unsigned)(st.st_mode & 07777));
    return -1;
}

ofile *ofile_open(const char *path, FILE *err)
{
    return ofile_open_why(path, NULL, err);
}

ofile *ofile_open_why(const char *path, ofile_failure *why, FILE *err)
{
    struct stat st;
    ofile_failure dummy;
    if (!why)
        why = &dummy;
    *why = OFILE_FAIL_WRITE;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", path, msgcat_file_error(msgcat_lang(), EISDIR));
        *why = OFILE_FAIL_NAME;
        return NULL;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return open_direct(path, err);
    /* Replace what a symbolic link points to, not the link; make the
     * file a link to none yet names (ofile_absent_target). */
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        char *real = realpath(path, NULL);
        char *made = real ? NULL : ofile_absent_target(path);
        if (!real && !made) {
            /* links that loop: stat said why */
            int e = stat(path, &st) != 0 ? errno : ELOOP;
            csv_message(err, "planc: error: cannot write '%s': %s\n", path, msgcat_strerror(msgcat_lang(), e));
            return NULL;
        }
        ofile *o = ofile_open_why(real ? real : made, why, err);
        free(real);
        free(made);
        return o;
    }
    if (ofile_writable(path, err) != 0)
        return NULL;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*base) {
        csv_message(err, "planc: error: cannot write '%s': not a file name\n", path);
        *why = OFILE_FAIL_NAME;
        return NULL;
    }
    ofile *o = rt_xcalloc(1, sizeof *o);
    o->path = rt_xstrdup(path);
    o->cleanup = -1;
    o->lock_fd = -1;
    o->old_lock = -1;
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    if (!slash) {
        o->dir = rt_xstrdup(".");
    } else if (dirlen == 0) {
        o->dir = rt_xstrdup("/");
    } else {
        o->dir = rt_xmalloc(dirlen + 1, 1);
        memcpy(o->dir, path, dirlen);
        o->dir[dirlen] = '\0';
    }
    /* PREFIX/.STEM.XXXXXX, PREFIX being the path up to its last slash and
     * STEM the base, shortened when long (ofile_temp_stem) */
    size_t prefix = slash ? dirlen + 1 : 0;
    size_t n = prefix + 1 + strlen(base) + 8;
    o->tmp = rt_xmalloc(n, 1);
    memcpy(o->tmp, path, prefix);
    snprintf(o->tmp + prefix, n - prefix, ".%.*s.XXXXXX", (int)ofile_temp_stem(base), base);

    /* what killed runs of the same target left, then a file of our own,
     * locked until o is freed (ofile_sweep) */
    ofile_sweep(path, NULL, 0);
    int fd = ofile_make_locked(o->tmp);
    if (fd < 0) {
        create_error(o, errno, err);
        ofile_release(o);
        return NULL;
    }
    o->cleanup = cleanup_file(o->tmp); /* removed if a signal ends planc */
    /* the same open file, and so the same lock; close-on-exec as fd is
     * (dup clears it), so that a C compiler planc starts holds neither */
    o->lock_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (o->lock_fd < 0) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", path, msgcat_strerror(msgcat_lang(), errno));
        close(fd);
        unlink(o->tmp);
        ofile_release(o);
        return NULL;
    }
    o->f = fdopen(fd, "w");
    if (!o->f) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", path, msgcat_strerror(msgcat_lang(), errno));
        close(fd);
        unlink(o->tmp);
        ofile_release(o);
        return NULL;
    }
    return o;
}

FILE *ofile_stream(ofile *o)
{
    return o->f;
}

bool ofile_in_place(const ofile *o)
{
    return o->direct;
}

/* The mode a new output file gets: 0666 less the process's umask. */
static mode_t default_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

int ofile_finish(ofile *o, FILE *err)
{
    if (!o->f)
        return 0; /* finished already */
    int e = 0;
    errno = 0;
    if (o->direct) {
        if (fflush(o->f) != 0 || ferror(o->f))
            e = errno ? errno : EIO;
    } else {
        struct stat st;
        mode_t mode = stat(o->path, &st) == 0 ? st.st_mode & 07777 : default_mode();
        if (fflush(o->f) != 0 || ferror(o->f))
            e = errno ? errno : EIO;
        else if (fsync(fileno(o->f)) != 0)
            e = errno;
        else if (fchmod(fileno(o->f), mode) != 0)
            e = errno;
    }
    if (fclose(o->f) != 0 && !e)
        e = errno ? errno : EIO;
    o->f = NULL;
    if (e) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", o->path, msgcat_strerror(msgcat_lang(), e));
        if (!o->direct)
            unlink(o->tmp);
        ofile_release(o);
        return -1;
    }
    return 0;
}

int ofile_commit(ofile *o, FILE *err)
{
    if (ofile_finish(o, err) != 0)
        return -1;
    if (o->direct) {
        ofile_release(o);
        return 0;
    }
    if (rename(o->tmp, o->path) != 0) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", o->path, msgcat_strerror(msgcat_lang(), errno));
        unlink(o->tmp);
        ofile_release(o);
        return -1;
    }
    /* Make the rename itself durable (best effort: some file systems do not
     * sync directories). */
    int dfd = open(o->dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    ofile_release(o);
    return 0;
}

int ofile_commit_undoable(ofile *o, FILE *err)
{
    if (ofile_finish(o, err) != 0)
        return -1;
    if (o->direct)
        return 0;
    struct stat st;
    o->had_old = lstat(o->path, &st) == 0;
    if (o->had_old && S_ISREG(st.st_mode)) {
        /* the old file under a second name beside it (the temporary name
         * is unique, so is this one), removed if a signal ends planc */
        size_t n = strlen(o->tmp) + 5;
        o->old = rt_xmalloc(n, 1);
        snprintf(o->old, n, "%s.old", o->tmp);
        /* locked before the name exists (ofile_sweep removes the names
         * no planc holds a lock of): shared, as two writers may keep the
         * same old file; an old file someone else holds exclusively is
         * kept without the lock, and no sweep removes it meanwhile */
        o->old_lock = open(o->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (o->old_lock >= 0 && flock(o->old_lock, LOCK_SH | LOCK_NB) != 0) {
            close(o->old_lock);
            o->old_lock = -1;
        }
        struct stat held, named;
        if (link(o->path, o->old) != 0) {
            free(o->old);
            o->old = NULL;
        } else if (o->old_lock >= 0 && (fstat(o->old_lock, &held) != 0 || lstat(o->old, &named) != 0 ||
                                        held.st_dev != named.st_dev || held.st_ino != named.st_ino)) {
            /* another writer's rename came between the open and the link:
             * this name is of a file not locked, and not the one read */
            unlink(o->old);
            free(o->old);
            o->old = NULL;
        }
    }
    int keep = o->old ? cleanup_file(o->old) : -1;
    if (rename(o->tmp, o->path) != 0) {
        csv_message(err, "planc: error: cannot write '%s': %s\n", o->path, msgcat_strerror(msgcat_lang(), errno));
        unlink(o->tmp);
        if (o->old)
            unlink(o->old);
        cleanup_done(keep);
        ofile_release(o);
        return -1;
    }
    cleanup_done(o->cleanup);
    o->cleanup = keep;
    int dfd = open(o->dir, O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    return 0;
}

void ofile_settle(ofile *o)
{
    if (!o)
        return;
    if (o->old)
        unlink(o->old);
    ofile_release(o);
}

void ofile_undo(ofile *o)
{
    if (!o)
        return;
    if (!o->direct) {
        if (o->old)
            rename(o->old, o->path);
        else if (!o->had_old)
            unlink(o->path);
    }
    ofile_release(o);
}

void ofile_abort(ofile *o)
{
    if (!o)
        return;
    if (o->f)
        fclose(o->f);
    if (!o->direct)
        unlink(o->tmp);
    ofile_release(o);
}
