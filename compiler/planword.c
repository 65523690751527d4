/* planword.c — words of Chinese plans and what planc writes instead (see
 * planword.h).  The parser adds the hint to a syntax error at such a word
 * (`13.5%以上`, `不低于 90%`, `20%左右`, `by 2025年`, `下降 13.5%`); the checker
 * to an undefined unit that is a unit and such a word (`8万公里以上`). */
#include "planword.h"

#include <stdio.h>
#include <string.h>

#define AT_LEAST "is written as '>=' before the goal: '>= 13.5%' (docs/GUIDE.zh-CN.md §4)"
#define AT_MOST "is written as '<=' before the goal: '<= 35 [μg/m³]' (docs/GUIDE.zh-CN.md §4)"
#define FALL                                                                                    \
    "a fall from the baseline year is a ratio to it: '下降13.5%' is 'x / baseline(x) <= 86.5%', " \
    "'降低20个百分点' is 'x <= baseline(x) - 20%' (docs/GUIDE.zh-CN.md §4)"
#define RISE                                                                                    \
    "a rise from the baseline year is a ratio to it: '提高10%' is 'x / baseline(x) >= 110%', "    \
    "'提高5个百分点' is 'x >= baseline(x) + 5%' (docs/GUIDE.zh-CN.md §4)"
#define POINTS                                                                                  \
    "a difference of two % values is in percentage points: '降低20个百分点' is "                 \
    "'x <= baseline(x) - 20%'"
/* The same in Chinese (docs/GUIDE.zh-CN.md §8: 目标值, 基期, 期限, 允许偏差). */
#define AT_LEAST_ZH "写作目标值前的 '>='：'>= 13.5%'（见 'docs/GUIDE.zh-CN.md' 第4节）"
#define AT_MOST_ZH "写作目标值前的 '<='：'<= 35 [μg/m³]'（见 'docs/GUIDE.zh-CN.md' 第4节）"
#define FALL_ZH                                                                                 \
    "较基期年下降是与基期值之比：'下降13.5%' 写作 'x / baseline(x) <= 86.5%'，"                  \
    "'降低20个百分点' 写作 'x <= baseline(x) - 20%'（见 'docs/GUIDE.zh-CN.md' 第4节）"
#define RISE_ZH                                                                                 \
    "较基期年提高是与基期值之比：'提高10%' 写作 'x / baseline(x) >= 110%'，"                     \
    "'提高5个百分点' 写作 'x >= baseline(x) + 5%'（见 'docs/GUIDE.zh-CN.md' 第4节）"
#define POINTS_ZH "两个百分数之差以百分点计：'降低20个百分点' 写作 'x <= baseline(x) - 20%'"

/* Each word and its hint, in English and in Chinese; hints are plain text
 * (no printf directives).  YEAR in a hint stands for the year the rules
 * wrote with the word (planword_hint puts it in), so that the hint shows
 * the user's own deadline, not an example's. */
static const struct planword {
    const char *word;
    const char *hint;
    const char *hint_zh;
} words[] = {
    {"以上", "'以上' (at least) " AT_LEAST, "'以上'（不低于）" AT_LEAST_ZH},
    {"及以上", "'及以上' (at least) " AT_LEAST, "'及以上'（不低于）" AT_LEAST_ZH},
    {"不低于", "'不低于' (not below) " AT_LEAST, "'不低于' " AT_LEAST_ZH},
    {"不少于", "'不少于' (not less than) " AT_LEAST, "'不少于' " AT_LEAST_ZH},
    {"不小于", "'不小于' (not less than) " AT_LEAST, "'不小于' " AT_LEAST_ZH},
    {"至少", "'至少' (at least) " AT_LEAST, "'至少' " AT_LEAST_ZH},
    {"达到", "'达到' (reach) is written as '>=' before the goal, or '<=' for a value that should "
             "fall: '>= 90%' (docs/GUIDE.zh-CN.md §4)",
     "'达到' 写作目标值前的 '>='，数值应下降时写作 '<='：'>= 90%'（见 'docs/GUIDE.zh-CN.md' 第4节）"},
    {"以下", "'以下' (at most) " AT_MOST, "'以下'（不高于）" AT_MOST_ZH},
    {"及以下", "'及以下' (at most) " AT_MOST, "'及以下'（不高于）" AT_MOST_ZH},
    {"以内", "'以内' (within) " AT_MOST, "'以内'（不超过）" AT_MOST_ZH},
    {"不高于", "'不高于' (not above) " AT_MOST, "'不高于' " AT_MOST_ZH},
    {"不超过", "'不超过' (not above) " AT_MOST, "'不超过' " AT_MOST_ZH},
    {"不大于", "'不大于' (not more than) " AT_MOST, "'不大于' " AT_MOST_ZH},
    {"不多于", "'不多于' (not more than) " AT_MOST, "'不多于' " AT_MOST_ZH},
    {"至多", "'至多' (at most) " AT_MOST, "'至多' " AT_MOST_ZH},
    {"超过", "'超过' (above) is written as '>' before the goal: '> 30%'", "'超过' 写作目标值前的 '>'：'> 30%'"},
    {"高于", "'高于' (above) is written as '>' before the goal: '> 30%'", "'高于' 写作目标值前的 '>'：'> 30%'"},
    {"大于", "'大于' (more than) is written as '>' before the goal: '> 30%'", "'大于' 写作目标值前的 '>'：'> 30%'"},
    {"低于", "'低于' (below) is written as '<' before the goal: '< 1%'", "'低于' 写作目标值前的 '<'：'< 1%'"},
    {"小于", "'小于' (less than) is written as '<' before the goal: '< 1%'", "'小于' 写作目标值前的 '<'：'< 1%'"},
    {"左右", "'左右' (about) is a tolerance after the goal, its width the analyst's: "
             "'>= 20% tolerance 0.5%' (docs/LANGUAGE.md §6)",
     "'左右' 是写在目标值之后的允许偏差，其大小由分析人员确定：'>= 20% tolerance 0.5%'（见 'docs/LANGUAGE.md' 第6节）"},
    {"到", "'到YEAR年' (by YEAR) is written 'by YEAR', after the goal: '>= 95% by YEAR'",
     "'到YEAR年' 写作目标值之后的 'by YEAR'：'>= 95% by YEAR'"},
    {"年", "a year is written without '年': 'YEAR', as in 'by YEAR' or 'baseline YEAR'",
     "年份不带 '年'：写作 'YEAR'，如 'by YEAR' 或 'baseline YEAR'"},
    {"年底", "a year is written without '年底': 'by YEAR'", "年份不带 '年底'：写作 'by YEAR'"},
    {"年前", "a year is written without '年前': 'by YEAR'", "年份不带 '年前'：写作 'by YEAR'"},
    {"下降", FALL, FALL_ZH},
    {"降低", FALL, FALL_ZH},
    {"减少", FALL, FALL_ZH},
    {"削减", FALL, FALL_ZH},
    {"提高", RISE, RISE_ZH},
    {"提升", RISE, RISE_ZH},
    {"增长", RISE, RISE_ZH},
    {"百分点", POINTS, POINTS_ZH},
    {"个百分点", POINTS, POINTS_ZH},
    {"累计", "a sum over the years of a period is 'cumulative(x, 十四五)' (docs/LANGUAGE.md §7)",
     "一个时期各年之和写作 'cumulative(x, 十四五)'（见 'docs/LANGUAGE.md' 第7节）"},
    {"稳定在", "a goal without 'by' holds every year: '稳定在86%以上' is 'x >= 86%'",
     "不带 'by' 的目标值每年都须达到：'稳定在86%以上' 写作 'x >= 86%'"},
    {"保持在", "a goal without 'by' holds every year: '保持在86%以上' is 'x >= 86%'",
     "不带 'by' 的目标值每年都须达到：'保持在86%以上' 写作 'x >= 86%'"},
    {"控制在", "'控制在…以内' is '<=' before the goal, with 'by YEAR' or without it (every year)",
     "'控制在…以内' 写作目标值前的 '<='，带 'by YEAR'（到期限）或不带（每年）"},
};

/* The entry for exactly text[0..len), or NULL. */
static const struct planword *find(const char *text, size_t len)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i].word) == len && memcmp(words[i].word, text, len) == 0)
            return &words[i];
    return NULL;
}

/* Writes hint into buf (size bytes) with each YEAR replaced by the year's
 * digits; returns buf. */
static const char *with_year(const char *hint, long year, char *buf, size_t size)
{
    char digits[24];
    snprintf(digits, sizeof digits, "%ld", year);
    size_t n = 0;
    buf[0] = '\0';
    for (const char *h = hint; *h && n + 1 < size;) {
        const char *y = strstr(h, "YEAR");
        size_t take = y ? (size_t)(y - h) : strlen(h);
        n += (size_t)snprintf(buf + n, size - n, "%.*s%s", (int)take, h, y ? digits : "");
        if (n >= size)
            n = size - 1;
        h = y ? y + 4 : h + take;
    }
    return buf;
}

/* A word's hint in lang. */
static const char *hint_in(const struct planword *w, lbl_lang lang)
{
    return lang == LBL_ZH ? w->hint_zh : w->hint;
}

const char *planword_hint(lbl_lang lang, const char *text, size_t len, long year, char *buf, size_t size)
{
    /* `到2025年`: a year with its 年 after the word (the scanner reads it
     * as one name); the year's digits must be there */
    static const char *const year_words[] = {"年底", "年前", "年"};
    for (size_t i = 0; i < sizeof year_words / sizeof year_words[0]; i++) {
        size_t y = strlen(year_words[i]);
        if (len > y && memcmp(text + len - y, year_words[i], y) == 0 && text[len - y - 1] >= '0' &&
            text[len - y - 1] <= '9') {
            len -= y;
            break;
        }
    }
    /* the digits the name ends in: the year it writes (`到2027`) */
    size_t end = len;
    while (len > 0 && text[len - 1] >= '0' && text[len - 1] <= '9')
        len--;
    if (end - len == 4) {
        year = 0;
        for (size_t i = len; i < end; i++)
            year = year * 10 + (text[i] - '0');
    }
    const struct planword *w = find(text, len);
    if (!w)
        return NULL;
    const char *hint = hint_in(w, lang);
    if (!strstr(hint, "YEAR") || year <= 0 || !buf || size == 0)
        return hint;
    return with_year(hint, year, buf, size);
}

const char *planword_suffix(lbl_lang lang, const char *name, size_t *stem_len)
{
    size_t n = strlen(name);
    /* the longest word that ends the name, so `及以上` wins over `以上` */
    const struct planword *best = NULL;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t w = strlen(words[i].word);
        if (w < n && memcmp(name + n - w, words[i].word, w) == 0 &&
            (!best || w > strlen(best->word)))
            best = &words[i];
    }
    if (!best)
        return NULL;
    *stem_len = n - strlen(best->word);
    return hint_in(best, lang);
}
