/* manifest.h — the rules manifest (docs/OUTPUT.md §5): a line per rules
 * file a run read, "HEX  NAME\n", HEX the SHA-256 of its bytes, NAME its
 * name beside the rules file given; the rules' hash is the SHA-256 of
 * the manifest.  It is what `sha256sum NAME...` prints in the rules
 * file's directory, so an auditor recomputes the hash with sha256sum.
 *
 * sha256sum writes a name holding a backslash, a line break or a
 * carriage return escaped (\\, \n, \r) on a line that starts with a
 * backslash, so that every line stays one line; planc writes and reads
 * such a name the same way.  A name without those characters is written
 * as it is, so the manifests (and rules hashes) of all other names are
 * the bytes they always were. */
#ifndef PLANC_MANIFEST_H
#define PLANC_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One line of a manifest: the file's hash (64 hex digits) and its name
 * (unescaped, malloc'd). */
typedef struct manifest_entry {
    char hex[65];
    char *name;
} manifest_entry;

/* Writes the line of a file named `name` of hash `hex` to f. */
void manifest_put(FILE *f, const char *hex, const char *name);

/* The lines of manifest m (NULL or "": none), in order, into *n entries
 * (malloc'd, with their names); a line that is not a manifest line (too
 * short, no two spaces after the hash) is skipped. */
manifest_entry *manifest_parse(const char *m, size_t *n);
void manifest_free(manifest_entry *e, size_t n);

/* The first entry of e[0..n) named `name`, or NULL. */
const manifest_entry *manifest_find(const manifest_entry *e, size_t n, const char *name);

#endif
