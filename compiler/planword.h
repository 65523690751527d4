/* planword.h — words of Chinese plans that planc writes otherwise
 * (以上, 不低于, 左右, 2025年, 下降, 累计 ...): the hint a message adds when a
 * rules file has one where planc expects an operator, a keyword or a unit
 * (docs/GUIDE.zh-CN.md §4 lists the forms). */
#ifndef PLANC_PLANWORD_H
#define PLANC_PLANWORD_H

#include <stddef.h>

#include "labels.h"

/* The hint for the name text[0..len) when it is one of the words, whole or
 * followed by ASCII digits (the scanner joins `不低于13` into one name) and
 * those by 年, 年底 or 年前 (`到2025年`), or NULL.  A name that merely starts with a word (an indicator 达标城市比例)
 * is not one.  A hint about years names the year the rules wrote: the
 * digits in the name (`到2027年` → 'by 2027'), else `year` (the number
 * before a `年` the scanner read apart: `2030年`), else it says YEAR
 * (year <= 0); such a hint is written into buf (size bytes, 256 are
 * enough), the others are constants.  The hint is in lang (English or
 * Chinese), as the message it is added to. */
const char *planword_hint(lbl_lang lang, const char *text, size_t len, long year, char *buf, size_t size);

/* For a name that ends in one of the words (`万公里以上`, a unit and a
 * word the scanner read as one name): the word's hint, with *stem_len set
 * to the length of what comes before it; NULL when the name ends in none
 * or is the word alone. */
const char *planword_suffix(lbl_lang lang, const char *name, size_t *stem_len);

#endif
