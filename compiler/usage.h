/* usage.h — each command's help (usage.c). */
#ifndef PLANC_USAGE_H
#define PLANC_USAGE_H


/* The help of command cmd (NULL: planc's own) in the language of the
 * run's messages (msgcat_lang(): --lang zh anywhere on the command
 * line), so that `planc help run --lang zh` and `planc run --help --lang
 * zh` read Chinese; NULL for a command without help.  planc build's is
 * aot.c's (aot_usage_text). */
const char *usage_text(const char *cmd);

#endif
