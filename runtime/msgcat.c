/* msgcat.c — the message catalog (msgcat.h): English formats and their
 * Chinese texts, grouped by where the message comes from, and a lookup by
 * the English through an index sorted once. */
#include "msgcat.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One message: its English format (the msgid) and its Chinese text. */
typedef struct msgcat_pair {
    const char *en;
    const char *zh;
} msgcat_pair;

/* The catalog.  The words follow docs/GUIDE.zh-CN.md §8 (术语表): 目标,
 * 指标, 目标值, 红线, 章节, 措施, 单位 (an agency), 地区, 层级, 基期, 期限,
 * 允许偏差, 考核 ...; errors are worded as gcc's zh_CN catalog words its
 * own (“未定义的”, “重复的”, “应为……”, “此处”). */
static const msgcat_pair catalog[] = {
    /* ---- diag.c: the limits and reading a rules file */
    {"too many errors; only the first %d are shown", "错误过多；只显示前%d个"},
    {"too many warnings; only the first %d are shown", "警告过多；只显示前%d个"},
};

enum { NCATALOG = sizeof catalog / sizeof catalog[0] };

/* The catalog's indices in the order of their English (strcmp), made
 * once. */
static unsigned sorted[NCATALOG];
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

/* qsort's comparison of two indices by their English. */
static int by_english(const void *a, const void *b)
{
    return strcmp(catalog[*(const unsigned *)a].en, catalog[*(const unsigned *)b].en);
}

/* Fills and sorts the index (pthread_once: the JIT's thread may report
 * while the main thread does). */
static void sort_catalog(void)
{
    for (unsigned i = 0; i < NCATALOG; i++)
        sorted[i] = i;
    qsort(sorted, NCATALOG, sizeof sorted[0], by_english);
}

const char *msgcat_get(lbl_lang lang, const char *en)
{
    if (lang != LBL_ZH || !en)
        return en;
    pthread_once(&sorted_once, sort_catalog);
    size_t lo = 0, hi = NCATALOG;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(en, catalog[sorted[mid]].en);
        if (c == 0)
            return catalog[sorted[mid]].zh;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return en;
}

size_t msgcat_count(void)
{
    return NCATALOG;
}

void msgcat_entry(size_t i, const char **en, const char **zh)
{
    *en = i < NCATALOG ? catalog[i].en : NULL;
    *zh = i < NCATALOG ? catalog[i].zh : NULL;
}
