/* msgcat.h — the message catalog: the Chinese text of an English message
 * of the rules' checker (the lexer's, the parser's, the checker's, the
 * importer's) and of the driver's, looked up by the English format itself,
 * as gettext looks a message up by its msgid.
 *
 * A caller keeps writing its English format where it reports; diag.c (and
 * the driver's few messages outside a diag context) pass it through
 * msgcat_get with the reader's language first.  A message the catalog has
 * no text for stays English, so a new message never prints empty or
 * wrong, and English output is the same bytes with or without the catalog.
 * labels.h is the other table of words: it holds the documents' and the
 * explanation's words by id; the catalog holds sentences keyed by their
 * English.
 *
 * Arguments.  A Chinese text takes the English format's arguments, but a
 * Chinese sentence does not keep the English order ("dropping region '%s'
 * leaves target '%s' of %s with no region" names the measure before the
 * target in Chinese).  So a Chinese text either has the English
 * conversions in the same order (%s ... %d), or numbers every conversion
 * as POSIX printf numbers them (gettext's translations do the same):
 * "删除地区“%1$s”后，%3$s的目标“%2$s”不再适用于任何地区"; a precision
 * taken from an argument is numbered too ("%2$.*1$s": argument 1 the
 * length, argument 2 the text), and an argument Chinese does not show
 * (an English plural's "s") is taken by "%.0s".  Numbered or not, each
 * argument is used, with the English conversion's type
 * (tests/unit/test_labels.c checks every entry), since printf cannot
 * skip an argument it does not know.
 *
 * Quoting.  English quotes a name and rules text alike in '...'.  A
 * Chinese text puts a name of the rules or the data (a target's, an
 * indicator's, a region's, a unit's, a column's) in “...”, as the data's
 * messages do, and leaves rules syntax (a keyword, an operator, a piece of
 * rules text to type) as it is written, in half-width '...'
 * (docs/GUIDE.zh-CN.md §8, 书写规范). */
#ifndef PLANC_MSGCAT_H
#define PLANC_MSGCAT_H

#include <stddef.h>

#include "labels.h"

/* The text of English format `en` in lang: the catalog's Chinese for
 * LBL_ZH when it has one, else en itself (the same pointer).  The result
 * takes the arguments en takes (format_arg: the compiler checks a call's
 * arguments against en). */
const char *msgcat_get(lbl_lang lang, const char *en) __attribute__((format_arg(2)));

/* The language of the driver's own messages (a usage error, the results
 * history's, a file's): the command line's `--lang`, wherever it stands,
 * else the environment's (msgcat_env_lang), set by the driver before it
 * parses the other options (so that an option's error is already in the
 * reader's language), LBL_EN until then.
 * Set once, before any thread starts. */
void msgcat_set_lang(lbl_lang lang);
lbl_lang msgcat_lang(void);

/* The language of locale name `v` (a value of LC_ALL, LC_MESSAGES, LANG
 * or an entry of LANGUAGE): LBL_ZH for "zh" alone or followed by '_',
 * '-', '.' or '@' (zh_CN.UTF-8, zh_TW, zh-Hans), LBL_EN for any other
 * value (en_US.UTF-8, C, POSIX, de_DE). */
lbl_lang msgcat_locale_lang(const char *v);

/* The language the locale asks for, as gettext reads its variables (each
 * argument a variable's value, NULL or "" when unset): the locale is the
 * first of lc_all, lc_messages and lang that is set; when it is set and
 * is not C or POSIX (C.UTF-8 is C too), `language`, a list of names
 * joined by ':' (zh_CN:en), has the say: its first entry planc speaks (zh
 * or en, as msgcat_locale_lang reads them), English when none; else the
 * locale's own (msgcat_locale_lang), English when no variable is set.
 * Pure, for tests: msgcat_env_lang reads the environment. */
lbl_lang msgcat_locale_of(const char *language, const char *lc_all, const char *lc_messages, const char *lang);

/* The language of the messages when the command line gives no `--lang`
 * (docs/LANGUAGE.md §12): the environment variable PLANC_LANG (`en` or
 * `zh`, as --lang takes them) when set and not empty, else the locale's
 * (msgcat_locale_of the environment's LANGUAGE, LC_ALL, LC_MESSAGES and
 * LANG).  Sets *lang and returns NULL; for a PLANC_LANG no language has,
 * sets *lang to the locale's and returns that value (the driver's usage
 * error names it). */
const char *msgcat_env_lang(lbl_lang *lang);

/* msgcat_get in the driver's language (msgcat_lang()). */
const char *msgcat_tr(const char *en) __attribute__((format_arg(1)));

/* The text of errno value e in lang: for LBL_ZH the catalog's Chinese of
 * the errors planc meets (ENOENT, EACCES, EISDIR, ENOSPC, ...), and
 * strerror's text for the others and for LBL_EN (the same bytes as
 * strerror). */
const char *msgcat_strerror(lbl_lang lang, int e);

/* Why a file named by the user (rules, data, an output, a database, an
 * import) cannot be read, written or opened, from errno e, in lang: as
 * every command says it, whichever part of planc met it.  A directory
 * is "it is a directory" (它是一个目录), planc's own words, not the C
 * library's "Is a directory" that some commands printed where others
 * said planc's; every other value msgcat_strerror's text. */
const char *msgcat_file_error(lbl_lang lang, int e);

/* The entries, for tests: how many, and the i-th's English and Chinese. */
size_t msgcat_count(void);
void msgcat_entry(size_t i, const char **en, const char **zh);

#endif
