/* warnings.h — the named warnings: one table of every kind of warning
 * planc gives (the checker's, the data reader's, the run's, the cache's and
 * the history's), and which of them the command line turned off or made
 * errors (docs/LANGUAGE.md §12).
 *
 * Each warning is printed with its name after the message, as gcc does:
 *
 *   rules.plan:12:3: warning: '%s' weights sum to 90, not 100 ... [-Wpercent-sum]
 *
 * and JSON diagnostics carry it as "name".  The options of every command
 * that has -w (cli.c's cli_parse_diag_option): -Wno-NAME turns one off,
 * -WNAME on again, -Werror=NAME makes it an error (the command fails as
 * under --warnings-as-errors), -Wno-error=NAME keeps it a warning under
 * --warnings-as-errors.
 *
 * A new warning: add one X(...) line to WARN_LIST below (its enum name,
 * its kebab-case name, whether it is on by default, whether
 * --warnings-as-errors counts it, its one-line description in English and
 * in Chinese), and pass WARN_ENUM to diag_warning, or print a data or run
 * warning with warn_message.  A name, once given, is never changed: job
 * scripts turn warnings off by it. */
#ifndef PLANC_WARNINGS_H
#define PLANC_WARNINGS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "labels.h"

/* X(ID, NAME, ON, COUNTED, ENGLISH, CHINESE): ON whether it is shown by
 * default; COUNTED whether --warnings-as-errors counts it (false for a
 * warning about the machine planc runs on, not the rules or the data). */
#define WARN_LIST(X)                                                                                                   \
    /* the rules (compiler/sema.c) */                                                                                  \
    X(OVERLAPPING_PERIODS, "overlapping-periods", true, true, "two periods of the plan share years",                   \
      "计划的两个时期有重叠的年份")                                                                                    \
    X(REGION_NAMED_LIKE_LEVEL, "region-named-like-level", true, true,                                                  \
      "a region has the name of a level, so a scope naming it means that region alone",                               \
      "地区与某个层级同名，适用范围写这个名字时只指这一个地区")                                                        \
    X(REPEATED_GROUP_MEMBER, "repeated-group-member", true, true,                                                      \
      "a group lists a region that another of its members holds already", "地区组列出了其另一成员已包含的地区")        \
    X(GROUP_MEMBER_OUTSIDE, "group-member-outside", true, true,                                                        \
      "a group's member lies outside the region the group is in", "地区组的成员不在该组所属的地区内")                  \
    X(PERCENT_AS_FRACTION, "percent-as-fraction", true, true,                                                          \
      "a value or goal in % written as a fraction (0.7 where 70% is meant)",                                           \
      "以 % 为单位的数值或目标写成了小数（想写 70% 却写了 0.7）")                                                      \
    X(REPEATED_AGENCY, "repeated-agency", true, true, "an agency named twice in one measure",                          \
      "同一措施中一个部门被列出两次")                                                                                  \
    X(SCORE_BELOW_MISSING, "score-below-missing", true, true,                                                          \
      "a score reads the regions below the row's, and some regions have none below them",                              \
      "得分读取下级地区，而有的地区没有下级地区")                                                                      \
    X(GOAL_AGAINST_DIRECTION, "goal-against-direction", true, true,                                                    \
      "a goal asks for the opposite of what the indicator's direction calls better",                                   \
      "目标要求的方向与指标“越高越好/越低越好”相反")                                                                  \
    X(LARGE_TOLERANCE, "large-tolerance", true, true, "a tolerance as large as the goal itself",                       \
      "容差与目标值本身一样大")                                                                                        \
    X(TOLERANCE_PERCENT, "tolerance-percent", true, true,                                                              \
      "a tolerance on the previous year written as a fraction where a percentage may be meant",                        \
      "相对上一年的容差写成了小数，可能本意是百分数")                                                                  \
    X(BASELINE_YEAR, "baseline-year", true, true,                                                                      \
      "a target's text counts from another year than the plan's baseline that it reads",                               \
      "目标原文的起算年份与其读取的计划基准年不同")                                                                    \
    X(UNTARGETED_REGION, "untargeted-region", true, true, "a region no target applies to",                             \
      "没有任何目标适用的地区")                                                                                        \
    X(PERCENT_SUM, "percent-sum", true, true, "weights or shares written in % that do not sum to 100",                 \
      "以 % 写出的权重或占比之和不是 100")                                                                             \
    X(WEIGHT_UNIT, "weight-unit", true, true, "weights written with a unit (weights are relative numbers)",            \
      "权重带有单位（权重是相对数）")                                                                                  \
    X(COLUMN_UNITS, "column-units", true, true, "two indicators read one data column in different units",             \
      "两个指标以不同单位读取同一数据列")                                                                              \
    /* an adaptation (compiler/import.c) */                                                                            \
    X(EDIT_CHANGES_NOTHING, "edit-changes-nothing", true, true,                                                        \
      "an override, keep or replacement of an adaptation that changes nothing",                                        \
      "改编中的覆盖、保留或替换没有改变任何内容")                                                                      \
    X(KEEP_LEAVES_EMPTY, "keep-leaves-empty", true, true, "'keep' leaves a measure or a section with nothing to score", \
      "keep 使措施或章节没有可评分的内容")                                                                             \
    X(MOVE_LEAVES_EMPTY, "move-leaves-empty", true, true,                                                              \
      "a move of targets leaves a measure of the base with nothing to score",                                           \
      "移动目标使基础规则的措施没有可评分的内容")                                                                      \
    X(DROP_LEAVES_EMPTY, "drop-leaves-empty", true, true,                                                              \
      "drops of targets by name leave a measure of the base with nothing to score",                                     \
      "按名称删除目标使基础规则的措施没有可评分的内容")                                                                \
    X(STALE_TEXT, "stale-text", true, true, "a text of the plan that no longer says what the adapted rules do",        \
      "计划原文所说与改编后的规则不再一致")                                                                            \
    X(SCOPE_WIDENED, "scope-widened", true, true,                                                                      \
      "dropping a region leaves a target with no exception, or an added level falls under the base's unscoped targets", \
      "删除地区后目标不再有例外，或新增层级落入基础规则未写适用范围的目标")                                        \
    X(READ_WITH_COMPUTED, "read-with-computed", true, true,                                                            \
      "the rules a data file is read with give an indicator a formula or values, which reading does not use",         \
      "读取数据文件所用的规则为指标给出了公式或数值，读取时不会使用")                                                  \
    /* an `allow` of the rules (compiler/diag.c); the warnings above the                                           \
     * data's are about the rules, the ones an `allow` may accept (warn_about_rules) */                                 \
    X(UNUSED_ALLOW, "unused-allow", true, true, "an 'allow' of the rules that accepts no warning where it is written",  \
      "规则中的 'allow' 在其所在之处没有接受任何警告")                                                                \
    /* the data against the rules (compiler/datawarn.c) */                                                                 \
    X(DATA_FRACTIONS, "data-fractions", true, true, "a column in % that holds only numbers from 0 to 1",               \
      "以 % 为单位的列只有 0 到 1 之间的数")                                                                           \
    X(MISSING_BASELINE, "missing-baseline", true, true, "a target whose column has no value in the baseline year",    \
      "目标读取的列在基准年没有数值")                                                                                  \
    X(UNIT_FACTOR, "unit-factor", true, true,                                                                          \
      "a column's values look written in another unit than the one it is read in",                                    \
      "列中的数值看起来使用了与读取单位不同的单位")                                                                    \
    X(UNJUDGED_TARGET, "unjudged-target", true, true, "a target that is not_applicable on every row of the data",      \
      "目标对数据的每一行都不适用")                                                                                    \
    /* the data file (runtime/table.c) */                                                                              \
    X(MISSING_COLUMN, "missing-column", true, true, "a column the rules read is not in the data: its cells are missing", \
      "数据中缺少规则读取的列，其单元格按缺失处理")                                                                    \
    X(DUPLICATE_COLUMN, "duplicate-column", true, true, "a column appears more than once in a header",                 \
      "表头中同一列出现多次")                                                                                          \
    X(TRAILING_NOTES, "trailing-notes", true, true, "lines at the end of a data file skipped as notes",                \
      "数据文件末尾被当作说明而跳过的行")                                                                              \
    X(SKIPPED_REGIONS, "skipped-regions", true, true, "rows of regions the rules do not declare, skipped",             \
      "跳过了规则未声明的地区的数据行")                                                                                \
    X(YEAR_GAP, "year-gap", true, true, "a region with no row in a year between years it has rows in",                 \
      "地区在前后年份都有数据行，中间某年却没有")                                                                      \
    X(LAST_YEAR_MISSING, "last-year-missing", true, true,                                                              \
      "a region with no row in the data's last year, which most regions of its level have",                            \
      "同层级多数地区有数据最后一年的数据行，而该地区没有")                                                            \
    X(AFTER_HORIZON, "after-horizon", true, true,                                                                     \
      "rows of years after the plan's horizon, judged on the goals of their targets' last deadlines",                  \
      "规划期末年之后年份的数据行，按目标最后期限的目标值评判")                                                        \
    X(REGION_SCALE, "region-scale", true, true,                                                                       \
      "one region's numbers in a column are 1000 or 10000 times off the rest of its level, or its shares fractions",   \
      "某地区某列的数值与同层级其他地区相差1000或10000倍，或其百分比写成了小数")                             \
    X(MISSING_REGION, "missing-region", true, true, "a region with no row where most regions of its level have",      \
      "同层级多数地区有数据行，而该地区没有")                                                                          \
    X(MISSING_SOLE_REGION, "missing-sole-region", true, true,                                                         \
      "the only region of its level (a province over its cities' rows) has no row, though targets on it read its own data", \
      "本层级唯一的地区（如只有各市数据时的省）没有数据行，而适用于它的目标读取其本级数据")                                    \
    X(NOTHING_TO_SCORE, "nothing-to-score", true, true, "no rows to score", "没有可以评分的数据行")                                      \
    /* the results (runtime/report.c) */                                                                               \
    X(UNGRADED_REGION, "ungraded-region", true, true, "a region with no total or grade, for want of its own rows",     \
      "地区因没有自己的数据行而没有总分或等级")                                                                        \
    /* the history and the cache */                                                                                    \
    X(RESTORE_WITHOUT_TEXTS, "restore-without-texts", true, true,                                                      \
      "a run to restore keeps no texts of the rules a data file was read with",                                        \
      "要恢复的运行没有保存读取数据文件所用规则的原文")                                                                \
    X(HISTORY, "history", true, true, "the run is recorded, but the history database could not be finished",          \
      "运行已记录，但历史数据库未能完成写入")                                                                          \
    X(CACHE, "cache", true, false,                                                                                     \
      "the compiled code's cache cannot be used (about the machine: --warnings-as-errors does not count it)",          \
      "无法使用编译代码的缓存（关于所在机器：--warnings-as-errors 不计）")

/* One id a kind of warning: WARN_UNIT_FACTOR ... */
typedef enum warn_id {
#define WARN_ENUM_(id, name, on, counted, en, zh) WARN_##id,
    WARN_LIST(WARN_ENUM_)
#undef WARN_ENUM_
    WARN_COUNT
} warn_id;

/* The name ("unit-factor"). */
const char *warn_name(warn_id w);
/* The one-line description in `lang`. */
const char *warn_describe(warn_id w, lbl_lang lang);
/* Whether it is shown when no option names it. */
bool warn_default_on(warn_id w);
/* The id of `name`, or -1 when no warning has that name. */
int warn_lookup(const char *name);
/* The name nearest `name` by edit distance, for a did-you-mean; NULL when
 * none is near. */
const char *warn_closest(const char *name);

/* Whether w is about the rules (the checker's and an adaptation's,
 * reported while the rules are compiled), so that an `allow` of the rules
 * may accept it (docs/LANGUAGE.md §12); false for a warning about the
 * data, the run, the history or the cache, which depends on more than the
 * rules file. */
bool warn_about_rules(warn_id w);

/* The command line's choices (process-wide, as the options are). */
void warn_set_enabled(warn_id w, bool on);
/* -Werror=NAME (1), -Wno-error=NAME (0). */
void warn_set_error(warn_id w, bool on);
/* --warnings-as-errors: every counted warning is an error. */
void warn_set_all_errors(bool on);
/* Whether w is shown (and counted). */
bool warn_enabled(warn_id w);
/* Whether w, when given, fails the command. */
bool warn_fatal(warn_id w);
/* Whether any warning can fail the command (--warnings-as-errors or a
 * -Werror=NAME): the run then holds its results until the warnings are
 * said. */
bool warn_any_fatal(void);
/* Whether any -W option changed a warning from its default. */
bool warn_changed(void);
/* The -Werror=NAME options given, as "-Werror=a, -Werror=b" (static
 * storage), for the message that ends the command; "" for none. */
const char *warn_error_options(void);
/* Puts everything back to its default (tests). */
void warn_reset(void);

/* Like csv_message (the format translated, the names escaped), with the
 * warning's name " [-WNAME]" put at the end of its line (before the
 * format's final newline). */
int warn_message(FILE *out, warn_id w, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int warn_vmessage(FILE *out, warn_id w, const char *fmt, va_list ap);
/* The name at the end of a message line s[0..n) (" [-WNAME]"): its id,
 * and the length of the message without it into *bare; -1 when the line
 * ends in no known name (*bare = n). */
int warn_tag_of(const char *s, size_t n, size_t *bare);

/* `planc help warnings`: the table, one warning a line with its
 * description, in `lang`. */
void warn_list(FILE *out, lbl_lang lang);

#endif
