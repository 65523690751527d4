/* cleanup.c — what planc removes when a signal or exit() ends it (see cleanup.h). */
#define _GNU_SOURCE /* syscall, SYS_getdents64 */
#include "cleanup.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* A slot's state: free, being filled by cleanup_file & co., or holding
 * something the handler must clean up. */
enum { SLOT_FREE, SLOT_BUSY, SLOT_ACTIVE };

/* What a slot holds. */
enum { KIND_FILE, KIND_DIR, KIND_TREE, KIND_CHILD };

/* One registered file, directory or child.  The handler reads kind, pid
 * and path only while state is SLOT_ACTIVE, and they change only while it
 * is SLOT_BUSY. */
typedef struct slot {
    atomic_int state;
    int kind;
    pid_t pid;
    char path[CLEANUP_PATH_MAX];
} slot;

static slot slots[CLEANUP_SLOTS];

/* The signals whose default action ends planc and that it cleans up
 * after. */
static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

/* Starting a child (cleanup_spawn_begin/end): how many threads are
 * between starting one and registering it, or hold the signals off
 * (cleanup_hold); the signal whose handler
 * found one and left it to the last of them to deliver again (0: none);
 * and whether a signal has begun to end planc (no child is started
 * then).  A signal that arrived in that gap used to end planc with the
 * new child not yet registered, so it kept running (the C compiler after
 * a Ctrl-C).  Blocking the signals in the starting thread is not enough:
 * another thread (planc run's main thread while the cache's link runs)
 * takes the signal as well. */
static atomic_int spawning;
static atomic_int deferred;
static atomic_bool ending;

/* cleanup_last_words' function, or NULL. */
static void (*_Atomic last_words)(void);

void cleanup_last_words(void (*fn)(void))
{
    atomic_store(&last_words, fn);
}

/* Takes a free slot for `kind` (and path or pid); returns it, or -1. */
static int add(int kind, const char *path, pid_t pid)
{
    size_t n = path ? strlen(path) : 0;
    if (n >= CLEANUP_PATH_MAX)
        return -1;
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        int expect = SLOT_FREE;
        if (atomic_compare_exchange_strong(&slots[i].state, &expect, SLOT_BUSY)) {
            slots[i].kind = kind;
            slots[i].pid = pid;
            if (path)
                memcpy(slots[i].path, path, n + 1);
            atomic_store(&slots[i].state, SLOT_ACTIVE);
            return i;
        }
    }
    return -1;
}

int cleanup_file(const char *path)
{
    return add(KIND_FILE, path, 0);
}

int cleanup_dir(const char *path)
{
    return add(KIND_DIR, path, 0);
}

int cleanup_tree(const char *path)
{
    return add(KIND_TREE, path, 0);
}

int cleanup_child(pid_t pid)
{
    return add(KIND_CHILD, NULL, pid);
}

bool cleanup_spawn_begin(void)
{
    atomic_fetch_add(&spawning, 1);
    if (!atomic_load(&ending))
        return true;
    cleanup_spawn_end(-1);
    return false;
}

int cleanup_spawn_end(pid_t pid)
{
    int handle = pid > 0 ? cleanup_child(pid) : -1;
    /* the handle is written before the count drops: a handler that then
     * sees no thread starting a child sees the child */
    if (atomic_fetch_sub(&spawning, 1) == 1) {
        int sig = atomic_exchange(&deferred, 0);
        if (sig != 0)
            kill(getpid(), sig); /* its handler now finds the child */
    }
    return handle;
}

/* A hold counts as a child being started: the handler defers a signal
 * while either is under way, and the last to end delivers it. */
void cleanup_hold(void)
{
    atomic_fetch_add(&spawning, 1);
}

void cleanup_release(void)
{
    cleanup_spawn_end(-1);
}

void cleanup_done(int handle)
{
    if (handle >= 0 && handle < CLEANUP_SLOTS)
        atomic_store(&slots[handle].state, SLOT_FREE);
}

/* A directory entry as the getdents64 system call returns it. */
struct dirent64_raw {
    uint64_t ino;
    int64_t off;
    unsigned short reclen;
    unsigned char type;
    char name[];
};

/* Removes every entry of directory `dir` that is not a directory itself,
 * then `dir` (with system calls only: safe in a signal handler).  A few
 * rounds, in case removing entries while reading them skips some. */
static void remove_dir(const char *dir)
{
    for (int round = 0; round < 3 && rmdir(dir) != 0; round++) {
        int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return;
        _Alignas(8) char buf[2048];
        long n;
        while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
            for (long at = 0; at < n;) {
                const struct dirent64_raw *d = (const void *)(buf + at);
                bool dot = d->name[0] == '.' &&
                           (d->name[1] == '\0' || (d->name[1] == '.' && d->name[2] == '\0'));
                if (!dot)
                    unlinkat(fd, d->name, 0);
                at += d->reclen;
            }
        }
        close(fd);
    }
}

/* Removes directory `root` and everything under it, however deep (with
 * system calls only, and no recursion: a path buffer walked down to a
 * directory not yet empty and back up once it is).  It gives up where an
 * entry will not go (the tree is left, but the handler ends). */
static void remove_tree(const char *root)
{
    static char path[2 * CLEANUP_PATH_MAX];
    size_t rl = strlen(root), len = rl;
    if (rl >= sizeof path)
        return;
    memcpy(path, root, rl + 1);
    for (;;) {
        int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return;
        bool down = false;
        _Alignas(8) char buf[2048];
        long n;
        while (!down && (n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
            for (long at = 0; at < n && !down;) {
                const struct dirent64_raw *d = (const void *)(buf + at);
                at += d->reclen;
                if (d->name[0] == '.' && (d->name[1] == '\0' || (d->name[1] == '.' && d->name[2] == '\0')))
                    continue;
                if (unlinkat(fd, d->name, 0) == 0 || unlinkat(fd, d->name, AT_REMOVEDIR) == 0)
                    continue;
                size_t nl = strlen(d->name);
                if (errno != ENOTEMPTY && errno != EEXIST)
                    continue; /* left; the rmdir below then fails */
                if (len + 1 + nl >= sizeof path) {
                    close(fd);
                    return;
                }
                path[len] = '/';
                memcpy(path + len + 1, d->name, nl + 1);
                len += 1 + nl;
                down = true;
            }
        }
        close(fd);
        if (down)
            continue;
        if (rmdir(path) != 0 || len == rl)
            return;
        while (len > rl && path[len] != '/')
            len--;
        path[len] = '\0';
    }
}

/* Does what the slots of `kind` ask: kills, unlinks or removes. */
static void clean_kind(int kind)
{
    for (int i = 0; i < CLEANUP_SLOTS; i++) {
        slot *s = &slots[i];
        if (atomic_load(&s->state) != SLOT_ACTIVE || s->kind != kind)
            continue;
        if (kind == KIND_CHILD)
            kill(s->pid, SIGKILL);
        else if (kind == KIND_FILE)
            unlink(s->path);
        else if (kind == KIND_TREE)
            remove_tree(s->path);
        else
            remove_dir(s->path);
    }
}

/* Removes the registered directories, in passes: one registered inside
 * another (planc restore's tree) may hold a slot before it, and its
 * parent's rmdir fails until it is gone; CLEANUP_DIR_PASSES passes remove
 * a tree that deep whatever the order of their slots. */
#define CLEANUP_DIR_PASSES 8
static void clean_dirs(void)
{
    for (int pass = 0; pass < CLEANUP_DIR_PASSES; pass++)
        clean_kind(KIND_DIR);
    clean_kind(KIND_TREE);
}

/* The handler: kills the children (so they write no more), removes the
 * files, then the directories; then ends the process with the same
 * signal, by its default action (the signal is blocked while the handler
 * runs, so it is delivered when the handler returns).  While a thread is
 * between starting a child and registering it, it only notes the signal
 * and returns: that thread sends it again once the child is registered
 * (cleanup_spawn_end).  The signal is noted before the count is read,
 * and taken back by one exchange, so exactly one of the two acts on it
 * (Dekker's order; the atomics are sequentially consistent). */
static void on_signal(int sig)
{
    int saved = errno;
    atomic_store(&deferred, sig);
    atomic_store(&ending, true);
    if (atomic_load(&spawning) > 0 || atomic_exchange(&deferred, 0) == 0) {
        errno = saved; /* left to cleanup_spawn_end */
        return;
    }
    clean_kind(KIND_CHILD);
    void (*words)(void) = atomic_load(&last_words);
    if (words)
        words();
    clean_kind(KIND_FILE);
    clean_dirs();
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
    errno = saved;
}

/* The process that installed the handlers (a child made by fork, which
 * would inherit the atexit handler, must not clean up its parent's
 * files). */
static pid_t installer;

/* At exit: removes what is still registered, as the signal handler does.
 * A run that ends well has released everything by then (a file renamed
 * into place is forgotten right after the rename, its temporary name then
 * naming nothing), so this acts only when exit() cut a run short: out of
 * memory (rt_xmalloc's exit 4), or another exit on an error path while a
 * temporary output file, cache entry or link directory existed.  Those
 * were left behind before, a hidden partial output file among them. */
static void on_exit_clean(void)
{
    if (getpid() != installer)
        return;
    clean_kind(KIND_CHILD);
    clean_kind(KIND_FILE);
    clean_dirs();
}

/* Whether cleanup_install made SIGXFSZ ignored (it was not before). */
static bool xfsz_ignored;

void cleanup_child_sigdefault(sigset_t *set)
{
    sigemptyset(set);
    if (xfsz_ignored)
        sigaddset(set, SIGXFSZ);
}

void cleanup_install(void)
{
    installer = getpid();
    atexit(on_exit_clean);
    /* a file grown past the file size limit (ulimit -f) is an error of
     * the write, reported and cleaned up like a full disk; by default the
     * signal would end planc without a word and leave the temporary
     * file */
    xfsz_ignored = signal(SIGXFSZ, SIG_IGN) != SIG_IGN;
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++)
        sigaddset(&sa.sa_mask, signals[i]);
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
        struct sigaction old;
        if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(signals[i], &sa, NULL);
    }
}
