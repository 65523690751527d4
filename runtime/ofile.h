/* ofile.h — output files written atomically: a temporary file beside the
 * target, renamed over it only when everything was written.  A failed run
 * never leaves a partial file and never replaces a good one. */
#ifndef PLANC_OFILE_H
#define PLANC_OFILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct ofile ofile;

/* Opens a temporary file in the directory of `path`.  NULL after printing
 * why to `err`; also for a file there that the user may not write
 * (ofile_writable): the rename would replace it all the same. */
ofile *ofile_open(const char *path, FILE *err);
/* Why ofile_open_why failed: OFILE_FAIL_NAME when `path` names no file
 * that can be written (a directory, a name ending in '/'): the command
 * line's mistake (exit 2), as --store and planc build -o tell it;
 * OFILE_FAIL_WRITE for everything else (no permission, a read-only file,
 * a directory that does not exist: exit 5). */
typedef enum { OFILE_FAIL_WRITE, OFILE_FAIL_NAME } ofile_failure;
/* ofile_open, saying in *why (when not NULL) why it failed. */
ofile *ofile_open_why(const char *path, ofile_failure *why, FILE *err);
/* Whether an output at `path` may be replaced: 0 when nothing is there, or
 * something that is not a regular file, or a regular file the user (the
 * effective uid) may write; -1 after printing why to `err` for a regular
 * file the user may not write (another user's) or that nobody may (a mode
 * without a w: read-only even to root): a file made read-only is meant to
 * be kept, and the rename that puts an output in
 * place needs only the directory's permission. */
int ofile_writable(const char *path, FILE *err);
/* The file a new output (or results database) at `path` is to be made as,
 * malloc'd: path itself when nothing is there, or the file a symbolic link
 * there names (through a chain of links, each relative to its own
 * directory) when that does not exist, so that a link to a file yet to be
 * made is made through and kept (latest.csv -> 2024.csv); NULL when a
 * file is there (or a link to one), or the links loop. */
char *ofile_absent_target(const char *path);
FILE *ofile_stream(ofile *o);
/* Whether o is written in place (a device or a FIFO: what is written
 * cannot be taken back), not to a temporary file renamed into place. */
bool ofile_in_place(const ofile *o);
/* The longest stem of a temporary name: ".STEM.XXXXXX" and the longest
 * suffix given it ("-journal" SQLite adds to a new database's) fit in
 * NAME_MAX (255) bytes, the longest file name Linux's file systems take. */
#define OFILE_STEM_MAX (255 - 16)
/* How many bytes of the file name `base` begin the temporary names made
 * for it: all of it, or the first OFILE_STEM_MAX bytes less any part of a
 * UTF-8 character cut there, so that a legal name of up to 255 bytes has
 * a legal temporary name beside it. */
size_t ofile_temp_stem(const char *base);
/* Whether `name`, an entry of a directory, is a temporary file made there
 * for the file named `base` (ofile_open's, or a new results database's):
 * ".STEM." (ofile_temp_stem) and the six letters or digits mkstemp puts
 * for its XXXXXX. */
bool ofile_temp_name_of(const char *name, const char *base);
/* Makes a file from `tmpl` (a path ending in XXXXXX, which mkstemp
 * replaces) and takes an exclusive flock(2) on it, which a planc holds as
 * long as it may write the file: a file another planc removed between the
 * two, taking it for a killed one's (ofile_sweep), is named no more once
 * locked, and another is made.  On a file system without flock (NFS
 * without its lock daemon: ENOLCK) the file is made unlocked, which
 * ofile_sweep then never removes.  The descriptor (close-on-exec), or -1
 * with errno set (and no file made). */
int ofile_make_locked(char *tmpl);
/* Removes the temporary files of the target `path` (ofile_temp_name_of)
 * that a planc killed while writing them left beside it, with the files
 * named as one and a suffix of sides[0..nsides) (SQLite's journal beside a
 * database): SIGKILL or a crash runs no clean-up (cleanup.h).  A file whose
 * lock (ofile_make_locked) this one can take is no live planc's, stopped
 * or not; it is removed while locked, and only when its name still names
 * the file locked (another planc may have removed it and a third made one
 * of the same name meanwhile).  So is the old file's second name
 * (".NAME.XXXXXX.old", ofile_commit_undoable) a planc killed before it
 * settled left: its writer holds a shared lock of it while it may need
 * it.  Best effort: what cannot be read or removed stays. */
void ofile_sweep(const char *path, const char *const *sides, size_t nsides);
/* Writes the file out (flushes, fsyncs and closes it: what a full disk
 * fails) without putting it in place yet, so that a caller can do what
 * must happen before (record the run) between this and ofile_commit.  0
 * (o stays, for ofile_commit or ofile_abort), or -1 after printing why (the
 * temporary file is removed and o freed). */
int ofile_finish(ofile *o, FILE *err);
/* Finishes the file (ofile_finish) unless that was done, and renames it
 * over `path`; frees o.  0, or -1 after printing why (the temporary file
 * is removed). */
int ofile_commit(ofile *o, FILE *err);
/* ofile_commit, keeping what the file replaced (a second name of the old
 * file beside it, its temporary name and ".old", locked shared so that
 * no sweep takes it meanwhile) until ofile_settle or ofile_undo: for a caller that has
 * one more thing to do after the rename whose failure must leave the old
 * file (planc run puts a new results database in place after its output).
 * 0 (o stays), or -1 after printing why (the old file is as it was, o
 * freed). */
int ofile_commit_undoable(ofile *o, FILE *err);
/* Forgets the old file ofile_commit_undoable kept; frees o. */
void ofile_settle(ofile *o);
/* Puts back the file ofile_commit_undoable replaced (removes the new one
 * when there was none); frees o.  A file that was not a regular file (a
 * device written directly) cannot be put back. */
void ofile_undo(ofile *o);
/* Removes the temporary file; frees o. */
void ofile_abort(ofile *o);

#endif
