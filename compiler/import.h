/* import.h — the loader: modules, `import` and `extends` (docs/LANGUAGE.md
 * §14, docs/ADAPTING.md).
 *
 * import_load reads the rules file given on the command line and every file
 * it imports or extends, each once (files are identified by their real
 * path), and merges them into one program for the checker:
 *   - an `import` puts the imported file's declarations where the import
 *     statement is (a file already in the program adds nothing);
 *   - a plan that `extends` a base starts from the base's whole program,
 *     merges its plan block into the base's, applies its `drop` and
 *     `override` statements to the base's items, and adds its own
 *     declarations after them.
 * Every edit leaves a trace (ast_origin) on the item it changed and in the
 * program's edit list.  Texts an extending plan keeps that still name the
 * base's regions it dropped or replaced draw one warning (places.h).  Files may only be read from the rules tree: the
 * directory of the file given on the command line (or, when it is a
 * symbolic link to a file outside that directory, the directory of that
 * file, which its imports are relative to), or `root`, after resolving
 * symlinks and `..`.  Every error (a missing file, a cycle, a path
 * that leaves the tree, too many or too deeply nested imports, an override
 * or drop of something the base does not have) is reported with the
 * location of the statement, and loading goes on with the rest. */
#ifndef PLANC_IMPORT_H
#define PLANC_IMPORT_H

#include <stdio.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* Imports nested deeper than this are refused (a chain a -> b -> ... ). */
#define IMPORT_MAX_DEPTH 16
/* A program of more files than this is refused. */
#define IMPORT_MAX_FILES 256

/* Loads the rules file `path` and everything it imports or extends.
 * `root` is the rules tree (NULL: the directory of `path`, or of the
 * file it links to when that is outside it).  Returns the
 * merged program, never NULL: when `path` cannot be read (reported as an
 * error with no location) the program is empty and has no modules. */
ast_program *import_load(arena *a, diag_ctx *d, const char *path, const char *root);

/* Prints the program's edits, one line each, in the order of the
 * statements that made them (`planc check --origins`):
 *   FILE:LINE: overridden target 近岸海域水质 in (九) (base FILE:LINE): condition
 * or, in Chinese (lang LBL_ZH), whole Chinese phrases:
 *   FILE:LINE: 在措施（九）中改写目标“近岸海域水质”（基础规则 FILE:LINE）：改动条件
 * Prints nothing for a program that extends nothing. */
void import_print_origins(const ast_program *p, lbl_lang lang, FILE *out);

/* How a message in lang names an item of kind k called `name`: target
 * '近岸海域水质', measure (九) in English, 目标“近岸海域水质”, 措施（九）in
 * Chinese (msgcat.h), in a.  An edit's `what` (ast_origin) is the English
 * one, for --origins and the rules text a hint quotes. */
const char *import_item_shown(arena *a, lbl_lang lang, ast_itemkind k, const char *name);

#endif
