/* cleanup.h — what planc removes when a signal ends it.
 *
 * planc writes its output to a temporary file beside the target (ofile.c),
 * a cache entry to a temporary file beside it (cache.c), and links code in
 * temporary directories (jit.c, aot.c), sometimes with a C compiler
 * running as its child (proc.c).  A run interrupted with Ctrl-C (SIGINT),
 * stopped (SIGTERM), whose terminal closed (SIGHUP) or whose output pipe
 * closed (SIGPIPE) would leave all of that behind: a hidden partial output
 * file as large as the results.  Each of them is registered here while it
 * exists; the signal handler kills the children, removes the files and
 * the directories (with the files in them), then lets the signal end the
 * process as it would have (the same exit status).
 *
 * The handler only makes system calls on paths copied into a fixed table
 * beforehand: no allocation, no stdio (async-signal-safe).  Registering
 * and releasing are safe from any thread.  Paths longer than
 * CLEANUP_PATH_MAX, or more than CLEANUP_SLOTS at once, are not registered
 * (the handle is -1): they are then left behind, as before. */
#ifndef PLANC_CLEANUP_H
#define PLANC_CLEANUP_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

#define CLEANUP_SLOTS 64
#define CLEANUP_PATH_MAX 4096

/* Installs the handler for SIGINT, SIGTERM, SIGHUP and SIGPIPE, except
 * for a signal the process ignores (nohup, a background job); ignores
 * SIGXFSZ, so that a write beyond the file size limit fails with EFBIG
 * and is reported as an error of the write.  Also cleans up at exit():
 * what is still registered then was left by a run cut short (out of
 * memory, exit 4), and is removed as on a signal (not in a child made
 * by fork).  Once, from main, before any thread starts.  Without it,
 * registering still works but nothing is removed on a signal or exit. */
void cleanup_install(void);

/* The signals cleanup_install made the process ignore (SIGXFSZ, unless it
 * was ignored already), into *set: a child it starts (the C compiler)
 * gets their default disposition back, as it would have had from planc's
 * own parent (an ignored signal stays ignored across exec). */
void cleanup_child_sigdefault(sigset_t *set);

/* Sets the function the signal handler calls before planc ends (NULL:
 * none), after the children are stopped and before the files go: it
 * must be async-signal-safe (standard error's reader writes the message
 * it holds with write(2); errstream.c). */
void cleanup_last_words(void (*fn)(void));

/* Registers a file to remove; returns its handle (-1: not registered). */
int cleanup_file(const char *path);

/* Registers a directory to remove with the files in it (one level; a
 * directory in it that is registered too is removed first). */
int cleanup_dir(const char *path);

/* Registers a directory to remove with everything under it, however
 * many directories deep (planc restore's tree, whose directories would
 * not fit the slots nor CLEANUP_DIR_PASSES' passes). */
int cleanup_tree(const char *path);

/* Registers a child process to kill (SIGKILL) before anything is removed. */
int cleanup_child(pid_t pid);

/* Starting a child without a gap in which a signal would end planc and
 * leave it running: cleanup_spawn_begin() before starting it; false when
 * a signal is already ending planc (start nothing).  Then, whether or
 * not it started, cleanup_spawn_end(its pid, or -1), which registers it
 * as cleanup_child does and returns the handle; a signal that arrived
 * in between is held by the handler until then, and acted on by
 * cleanup_spawn_end once no thread is starting a child. */
bool cleanup_spawn_begin(void);
int cleanup_spawn_end(pid_t pid);

/* Holding off the signals that end planc while a few steps must all be
 * taken or none (planc run's outputs renamed into place one after the
 * other, with the results history's commit): cleanup_hold() before the
 * first, cleanup_release() after the last.  A signal that arrives in
 * between is held by the handler, as one that arrives while a child is
 * started, and acted on by cleanup_release (which removes what is still
 * registered then, and ends planc by it).  Nothing that may wait long
 * (a lock, a pipe's reader) belongs between the two. */
void cleanup_hold(void);
void cleanup_release(void);

/* The file, directory or child is gone, or kept on purpose (a file
 * renamed into place): forget it.  -1: nothing. */
void cleanup_done(int handle);

#endif
