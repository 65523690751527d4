/* test_labels.c — the documents' labels: every label has a text in every
 * language, a printf label takes the same conversions in the same order in
 * each (a caller passes one argument list whatever the language), the
 * English status words are the status codes, the Chinese labels hold no
 * English words, and the sheet names are valid Excel sheet names; the
 * message catalog's Chinese (msgcat.h) takes its English's arguments and
 * holds no English words either. */
#include <check.h>
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"
#include "labels.h"
#include "msgcat.h"

/* The conversions of printf format s, one after the other ("%d%u%s"),
 * "%%" left out, into buf. */
static void conversions(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (; *s; s++) {
        if (*s != '%')
            continue;
        if (s[1] == '%') {
            s++;
            continue;
        }
        /* flags, width, precision and length up to the conversion */
        size_t len = 1 + strspn(s + 1, "-+ #0123456789.*hlLqjzt");
        if (s[len] == '\0')
            len--; /* a '%' at the end: kept, and so seen to differ */
        ck_assert_uint_lt(n + len + 1, size);
        memcpy(buf + n, s, len + 1);
        n += len + 1;
        buf[n] = '\0';
        s += len;
    }
}

/* The label's text in every language, never empty; LBL_MANIFEST_FIRST is
 * empty in Chinese (the file list follows a full-width colon directly). */
START_TEST(every_label_has_a_text)
{
    for (int lang = 0; lang < LBL_NLANGS; lang++)
        for (int id = 0; id < LBL_COUNT; id++) {
            const char *s = lbl_get((lbl_lang)lang, (lbl_id)id);
            ck_assert_ptr_nonnull(s);
            if (!(lang == LBL_ZH && id == LBL_MANIFEST_FIRST))
                ck_assert_msg(s[0], "label %d is empty in %s", id, lbl_name((lbl_lang)lang));
        }
    /* out of range: no crash, English or nothing */
    ck_assert_str_eq(lbl_get((lbl_lang)99, LBL_ST_MET), "met");
    ck_assert_str_eq(lbl_get(LBL_ZH, (lbl_id)LBL_COUNT), "");
}
END_TEST

/* A printf label has the same conversions, in the same order, in each
 * language. */
START_TEST(same_conversions_in_every_language)
{
    char want[128], got[128];
    for (int id = 0; id < LBL_COUNT; id++) {
        conversions(lbl_get(LBL_EN, (lbl_id)id), want, sizeof want);
        for (int lang = 1; lang < LBL_NLANGS; lang++) {
            conversions(lbl_get((lbl_lang)lang, (lbl_id)id), got, sizeof got);
            ck_assert_msg(strcmp(want, got) == 0, "label %d (\"%s\"): '%s' in English, '%s' in %s",
                          id, lbl_get(LBL_EN, (lbl_id)id), want, got, lbl_name((lbl_lang)lang));
        }
    }
    /* the check itself tells formats apart */
    conversions("%d年 %u of %s 100%%", want, sizeof want);
    ck_assert_str_eq(want, "%d%u%s");
    conversions("%u %d", got, sizeof got);
    ck_assert_str_ne(got, "%d%u");
}
END_TEST

/* English statuses are the status codes (the documents wrote them so);
 * Chinese ones are the report's words. */
START_TEST(status_words)
{
    for (int st = IR_ST_NA; st <= IR_ST_MET; st++)
        ck_assert_str_eq(lbl_status(LBL_EN, st), ir_statusname(st));
    const char *zh[] = {"不适用", "数据缺失", "未达标", "进度滞后", "进度正常", "达标"};
    for (int st = IR_ST_NA; st <= IR_ST_MET; st++)
        ck_assert_str_eq(lbl_status(LBL_ZH, st), zh[st]);
    ck_assert_str_eq(lbl_status(LBL_ZH, -1), "");
    ck_assert_str_eq(lbl_status(LBL_ZH, IR_ST_MET + 1), "");
    ck_assert_str_eq(lbl_kind(LBL_ZH, "redline"), "红线");
    ck_assert_str_eq(lbl_kind(LBL_EN, "redline"), "redline");
    ck_assert_str_eq(lbl_kind(LBL_ZH, "unheard-of"), "unheard-of");
    /* a status by its code, as the history stores it */
    for (int st = IR_ST_NA; st <= IR_ST_MET; st++) {
        ck_assert_str_eq(lbl_status_code(LBL_ZH, ir_statusname(st)), zh[st]);
        ck_assert_str_eq(lbl_status_code(LBL_EN, ir_statusname(st)), ir_statusname(st));
    }
    ck_assert_str_eq(lbl_status_code(LBL_ZH, ""), "");
    ck_assert_str_eq(lbl_status_code(LBL_ZH, "达标"), "达标");
    /* a results row's kind */
    const char *kinds[] = {"target", "measure", "section", "total"};
    const char *zkinds[] = {"目标", "措施", "章节", "总分"};
    for (int i = 0; i < 4; i++) {
        ck_assert_str_eq(lbl_item(LBL_ZH, kinds[i]), zkinds[i]);
        ck_assert_str_eq(lbl_item(LBL_EN, kinds[i]), kinds[i]);
    }
    ck_assert_str_eq(lbl_item(LBL_ZH, "region"), "region");
    /* the words of planc diff's report */
    ck_assert_str_eq(lbl_word(LBL_ZH, "deadline"), "期限");
    ck_assert_str_eq(lbl_word(LBL_ZH, "every year"), "每年");
    ck_assert_str_eq(lbl_word(LBL_EN, "deadline"), "deadline");
    ck_assert_str_eq(lbl_word(LBL_ZH, "for 甲市"), "for 甲市");
    ck_assert_str_eq(lbl_word((lbl_lang)99, "deadline"), "deadline");
    /* every heading, kind and field name diff.c writes has a Chinese word
     * without Latin letters */
    const char *names[] = {"plan", "regions", "indicators", "agencies", "targets", "measures",
                           "sections", "target", "measure", "section", "region", "indicator",
                           "agency", "assessment", "aliases", "baseline", "clause", "column",
                           "conversion", "deadline", "direction", "display", "formula", "grades",
                           "horizon", "keys", "kind", "lead", "level", "levels", "members",
                           "milestones", "missing", "name", "note", "parent", "periods",
                           "responsible", "scope", "score", "text", "title", "tolerance", "unit",
                           "value", "values", "veto", "weight", "none", "yes", "no"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *w = lbl_word(LBL_ZH, names[i]);
        ck_assert_msg(strcmp(w, names[i]) != 0, "no Chinese word for '%s'", names[i]);
        for (const char *c = w; *c; c++)
            ck_assert_msg(!isalpha((unsigned char)*c), "the word for '%s' has Latin text", names[i]);
    }
}
END_TEST

/* No Chinese label holds an English word: after its conversions, planc's
 * name and "SHA-256" (names, not words) are taken out, no Latin letter
 * is left; but in the explanation's labels (LBL_X_*), the symbols of its
 * formulas (v, b0, clamp ...) and the rules language's own names (value,
 * progress, share, `missing reweight` ...), which a reader finds in the
 * rules as they are. */
static bool formula_word(const char *w, size_t n)
{
    static const char *const words[] = {"v", "b", "e", "y", "b0", "y0", "clamp", "progress",
                                        "value", "goal", "base", "expected", "year", "deadline",
                                        "direction", "share", "total", "missing", "reweight"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && strncmp(words[k], w, n) == 0)
            return true;
    return false;
}

START_TEST(chinese_has_no_english)
{
    for (int id = 0; id < LBL_COUNT; id++) {
        char text[1024];
        const char *s = lbl_get(LBL_ZH, (lbl_id)id);
        ck_assert_uint_lt(strlen(s), sizeof text);
        strcpy(text, s);
        /* names kept as written: the program, a hash, an option or rules
         * text to type */
        const char *names[] = {"planc", "SHA-256", "--allow-missing-columns", "--all", "for city", "for %s",
                               "--skip-unknown-regions", "--data-year", "'drop indicator'", "'drop region",
                               "missing_columns", "source.absent_columns", "JSON",
                               "keys region =", "year =", "PLANC_CACHE_DIR", "XDG_CACHE_HOME", "HOME",
                               "{year}", "U+", "missing zero", "missing reweight",
                               "override assessment", "region NAME :", "region ", "alias ",
                               "else missing", "map", "--store-rows totals"};
        for (size_t k = 0; k < sizeof names / sizeof *names; k++)
            for (char *at; (at = strstr(text, names[k]));)
                memset(at, ' ', strlen(names[k]));
        /* the conversions, as conversions() reads them (%d, %lld, %.12s ...) */
        for (char *c = text; *c; c++)
            if (*c == '%' && c[1]) {
                size_t len = 1 + strspn(c + 1, "-+ #0123456789.*hlLqjzt");
                if (c[len])
                    memset(c, ' ', len + 1);
            }
        for (const char *c = text; *c;) {
            if (!isalnum((unsigned char)*c)) {
                c++;
                continue;
            }
            size_t n = 0;
            while (isalnum((unsigned char)c[n]))
                n++;
            bool letters = false;
            for (size_t k = 0; k < n; k++)
                letters = letters || isalpha((unsigned char)c[k]);
            ck_assert_msg(!letters || (id >= LBL_X_TARGET && formula_word(c, n)),
                          "Chinese label %d has Latin text: %s", id, s);
            c += n;
        }
    }
    /* the check itself finds an English word among the formulas */
    ck_assert(formula_word("b0", 2));
    ck_assert(!formula_word("score", 5));
}
END_TEST

/* Sheet names Excel accepts: 1 to 31 characters, none of []:*?/\, no
 * apostrophe at either end, not "History"; and all the workbook's differ. */
START_TEST(sheet_names_are_valid)
{
    const lbl_id sheets[] = {LBL_SHEET_REGIONS,  LBL_SHEET_OFFTRACK, LBL_SHEET_RESOLVED,
                             LBL_SHEET_AGENCIES, LBL_SHEET_TARGETS,  LBL_SHEET_DETAIL,
                             LBL_SHEET_SOURCES,  LBL_SHEET_ABSENT,   LBL_SHEET_PROVENANCE};
    for (int lang = 0; lang < LBL_NLANGS; lang++)
        for (size_t i = 0; i < sizeof sheets / sizeof sheets[0]; i++) {
            const char *s = lbl_get((lbl_lang)lang, sheets[i]);
            size_t chars = 0;
            for (const char *c = s; *c; c++)
                chars += ((unsigned char)*c & 0xC0) != 0x80;
            ck_assert(chars >= 1 && chars <= 31);
            ck_assert_uint_eq(strcspn(s, "[]:*?/\\"), strlen(s));
            ck_assert(s[0] != '\'' && s[strlen(s) - 1] != '\'');
            ck_assert(strcasecmp(s, "History") != 0);
            for (size_t k = 0; k < i; k++)
                ck_assert_str_ne(s, lbl_get((lbl_lang)lang, sheets[k]));
        }
}
END_TEST

/* The documents name the usual levels in Chinese words, and leave a
 * level the rules name otherwise, and every level in English, as written. */
START_TEST(level_names)
{
    ck_assert_str_eq(lbl_level(LBL_ZH, "province"), "省级");
    ck_assert_str_eq(lbl_level(LBL_ZH, "city"), "市级");
    ck_assert_str_eq(lbl_level(LBL_ZH, "county"), "县级");
    ck_assert_str_eq(lbl_level(LBL_ZH, "country"), "全国");
    ck_assert_str_eq(lbl_level(LBL_ZH, "自治州"), "自治州");
    ck_assert_str_eq(lbl_level(LBL_ZH, "City"), "City");
    ck_assert_str_eq(lbl_level(LBL_EN, "province"), "province");
    ck_assert_ptr_null(lbl_level(LBL_ZH, NULL));
}
END_TEST

START_TEST(language_names)
{
    lbl_lang lang = LBL_EN;
    ck_assert(lbl_parse("zh", &lang) && lang == LBL_ZH);
    ck_assert(lbl_parse("en", &lang) && lang == LBL_EN);
    ck_assert(!lbl_parse("EN", &lang) && !lbl_parse("fr", &lang) && !lbl_parse("", &lang));
    ck_assert_str_eq(lbl_name(LBL_ZH), "zh");
    ck_assert_str_eq(lbl_tag(LBL_ZH), "zh-CN");
    ck_assert_str_eq(lbl_tag(LBL_EN), "en");
}
END_TEST


/* ---- the message catalog (msgcat.h) */

/* The arguments printf takes for format s, by position (1-based): the
 * class of each ('i' an int, 'u' an unsigned, 'l' a long, 'f' a double,
 * 's' a string, 'c' a char as an int, 'p' a pointer), into types[1..];
 * returns how many, or -1 when s mixes numbered and unnumbered
 * conversions, or an argument has two classes.  *numbered tells which
 * form s has. */
static int format_args(const char *s, char types[64], bool *numbered)
{
    int next = 1, max = 0, seen_numbered = 0, seen_plain = 0;
    memset(types, 0, 64);
    for (; *s; s++) {
        if (*s != '%')
            continue;
        if (s[1] == '%') {
            s++;
            continue;
        }
        s++;
        int pos = 0;
        /* "N$" */
        const char *d = s;
        while (*d >= '0' && *d <= '9')
            d++;
        if (d > s && *d == '$') {
            pos = atoi(s);
            s = d + 1;
        }
        s += strspn(s, "-+ #0");
        /* width and precision: digits, '*' or '*N$' (an int argument) */
        for (int part = 0; part < 2; part++) {
            if (part == 1) {
                if (*s != '.')
                    break;
                s++;
            }
            if (*s == '*') {
                s++;
                int wpos = 0;
                const char *e = s;
                while (*e >= '0' && *e <= '9')
                    e++;
                if (e > s && *e == '$') {
                    wpos = atoi(s);
                    s = e + 1;
                    seen_numbered = 1;
                } else {
                    wpos = next++;
                    seen_plain = 1;
                }
                if (wpos < 1 || wpos > 63 || (types[wpos] && types[wpos] != 'i'))
                    return -1;
                types[wpos] = 'i';
                max = wpos > max ? wpos : max;
            } else {
                while (*s >= '0' && *s <= '9')
                    s++;
            }
        }
        int longs = 0;
        while (*s == 'l' || *s == 'h' || *s == 'z' || *s == 'j' || *s == 't' || *s == 'L')
            longs += *s++ == 'l' || s[-1] == 'z' || s[-1] == 'j';
        char cls;
        switch (*s) {
        case 'd': case 'i': cls = longs ? 'l' : 'i'; break;
        case 'u': case 'x': case 'X': case 'o': cls = longs ? 'l' : 'u'; break;
        case 'c': cls = 'c'; break;
        case 'e': case 'f': case 'g': case 'E': case 'G': case 'a': cls = 'f'; break;
        case 's': cls = 's'; break;
        case 'p': cls = 'p'; break;
        default: return -1;
        }
        if (pos) {
            seen_numbered = 1;
        } else {
            pos = next++;
            seen_plain = 1;
        }
        if (pos < 1 || pos > 63 || (types[pos] && types[pos] != cls))
            return -1;
        types[pos] = cls;
        max = pos > max ? pos : max;
    }
    if (seen_numbered && seen_plain)
        return -1;
    *numbered = seen_numbered;
    return max;
}

/* Every entry has both texts, no English is given twice, and the lookup
 * finds each entry's Chinese and leaves English and unknown messages as
 * they are (the same pointer). */
/* qsort's comparison of two texts (const char *). */
static int compare_texts(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

START_TEST(catalog_entries)
{
    size_t n = msgcat_count();
    ck_assert_uint_gt(n, 100);
    for (size_t i = 0; i < n; i++) {
        const char *en, *zh;
        msgcat_entry(i, &en, &zh);
        ck_assert_msg(en && en[0] && zh && zh[0], "entry %zu is empty", i);
        ck_assert_msg(strcmp(en, zh) != 0, "entry '%s' is its own Chinese", en);
        ck_assert_str_eq(msgcat_get(LBL_ZH, en), zh);
        ck_assert_ptr_eq(msgcat_get(LBL_EN, en), en);
    }
    /* each English text once: sorted, no two neighbours alike (a pairwise
     * search of a thousand entries outlasted Check's timeout under ASan) */
    const char **ens = malloc(n * sizeof *ens);
    ck_assert_ptr_nonnull(ens);
    for (size_t i = 0; i < n; i++) {
        const char *zh;
        msgcat_entry(i, &ens[i], &zh);
    }
    qsort(ens, n, sizeof *ens, compare_texts);
    for (size_t i = 1; i < n; i++)
        ck_assert_msg(strcmp(ens[i - 1], ens[i]) != 0, "'%s' is in the catalog twice", ens[i]);
    free(ens);
    const char *unknown = "no such message %s";
    ck_assert_ptr_eq(msgcat_get(LBL_ZH, unknown), unknown);
    ck_assert_ptr_null(msgcat_get(LBL_ZH, NULL));
    ck_assert_str_eq(msgcat_get(LBL_ZH, "undefined %s '%s'"), "未定义的%s“%s”");
    const char *en, *zh;
    msgcat_entry(n, &en, &zh);
    ck_assert_ptr_null(en);
}
END_TEST

/* A Chinese text takes its English's arguments: each argument used, with
 * the English conversion's class, the conversions in the English order or
 * all numbered (msgcat.h). */
START_TEST(catalog_arguments)
{
    for (size_t i = 0; i < msgcat_count(); i++) {
        const char *en, *zh;
        msgcat_entry(i, &en, &zh);
        char te[64], tz[64];
        bool ne, nz; /* unnumbered, the position is the order: the classes compare it */
        int ae = format_args(en, te, &ne), az = format_args(zh, tz, &nz);
        ck_assert_msg(ae >= 0, "bad English format '%s'", en);
        ck_assert_msg(az == ae, "'%s': %d arguments in English, %d in Chinese '%s'", en, ae, az, zh);
        for (int k = 1; k <= ae; k++)
            ck_assert_msg(te[k] == tz[k], "'%s': argument %d is '%c' in English, '%c' in Chinese '%s'", en, k,
                          te[k] ? te[k] : '-', tz[k] ? tz[k] : '-', zh);
    }
    /* the check itself tells formats apart */
    char t[64];
    bool nb;
    ck_assert_int_eq(format_args("%2$s %1$d", t, &nb), 2);
    ck_assert(nb && t[1] == 'i' && t[2] == 's');
    ck_assert_int_eq(format_args("%s %1$s", t, &nb), -1);
    ck_assert_int_eq(format_args("%2$.*1$s", t, &nb), 2);
    ck_assert(t[1] == 'i' && t[2] == 's');
    ck_assert_int_eq(format_args("%1$s %1$d", t, &nb), -1);
    ck_assert_int_eq(format_args("%3$s", t, &nb), 3);
    ck_assert(t[1] == 0); /* then "argument 1 is '-'": a gap fails above */
}
END_TEST

/* A Latin word of a Chinese message is rules text or a name: inside
 * half-width quotes ('for %s', 'override target NAME'), or one of the
 * words written as they are (a command, an option, an encoding, the
 * results' status codes, the words of an aggregate); conversions,
 * options (--root), "\t"
 * and "\n" and hexadecimal numbers after "0x" and "U+" are left out. */
static bool message_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "planc", "iconv", "UTF", "f", "t", "rules", "utf8", "plan", "DIR", "MiB", "KiB", "1e", "1e9",
        "met", "on_track", "lagging", "failed", "missing", "not_applicable", "yes", "no",
        "mean", "sum", "min", "max", "count", "share", "OP", "NUMBER", "diff",
        "GBK", "GB18030", "CSV", "Excel", "Windows", "NUL", "data", "csv",
        /* the names of things planc's driver messages name (a C compiler,
         * a CPU, an Excel format, SQLite and its WAL mode) */
        "C", "CPU", "SQLite", "WAL", "LLVM", "mv",
        /* a workbook's (xlsx_read.c): its format, archive, last column */
        "xlsx", "xls", "zip", "XML", "XFD", "LibreOffice",
    };
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strlen(words[k]) == n && strncmp(words[k], w, n) == 0)
            return true;
    return false;
}

START_TEST(catalog_has_no_english)
{
    for (size_t i = 0; i < msgcat_count(); i++) {
        const char *en, *zh;
        msgcat_entry(i, &en, &zh);
        char text[1024];
        ck_assert_uint_lt(strlen(zh), sizeof text);
        strcpy(text, zh);
        /* rules text in half-width quotes */
        for (char *q = strchr(text, '\''); q; q = strchr(q, '\'')) {
            char *end = strchr(q + 1, '\'');
            if (!end)
                break;
            memset(q, ' ', (size_t)(end - q + 1));
            q = end + 1;
        }
        for (char *c = text; *c; c++) {
            if (*c == '%' && c[1] == '%') { /* "%%s": a conversion of the format it makes */
                *c = ' ';
            } else if (*c == '%' && c[1]) { /* a conversion, numbered or not */
                size_t len = 1 + strspn(c + 1, "-+ #0123456789.*$hlLqjzt");
                if (c[len])
                    memset(c, ' ', len + 1);
            } else if (c[0] == '-' && c[1] == '-') { /* an option, --root */
                while (*c == '-' || isalnum((unsigned char)*c))
                    *c++ = ' ';
                c--;
            } else if (*c == '\\' && c[1]) {
                c[0] = c[1] = ' ';
            } else if ((c[0] == '0' && c[1] == 'x') || (c[0] == 'U' && c[1] == '+')) {
                c[0] = c[1] = ' ';
                for (c += 2; isxdigit((unsigned char)*c); c++)
                    *c = ' ';
                c--;
            }
        }
        for (const char *c = text; *c;) {
            if (!isalnum((unsigned char)*c) && *c != '_') {
                c++;
                continue;
            }
            size_t n = 0;
            while (isalnum((unsigned char)c[n]) || c[n] == '_')
                n++;
            bool letters = false;
            for (size_t k = 0; k < n; k++)
                letters = letters || isalpha((unsigned char)c[k]);
            ck_assert_msg(!letters || message_word(c, n), "the Chinese of '%s' has Latin text: %s", en, zh);
            c += n;
        }
    }
    ck_assert(message_word("on_track", 8));
    ck_assert(!message_word("undefined", 9));
}
END_TEST

/* The errors planc meets have Chinese texts without Latin letters;
 * English and the errors the table lacks are strerror's, and the
 * driver's language picks the catalog's text (msgcat_tr). */
START_TEST(catalog_strerror_and_driver_language)
{
    static const int met[] = {ENOENT, EACCES, EISDIR, ENOSPC, EROFS, EEXIST, ENOTDIR, EFBIG,
                              EPIPE, ELOOP, ENAMETOOLONG, EBUSY, EDQUOT, EIO, ENOMEM};
    for (size_t i = 0; i < sizeof met / sizeof met[0]; i++) {
        const char *zh = msgcat_strerror(LBL_ZH, met[i]);
        ck_assert_str_ne(zh, strerror(met[i]));
        for (const char *c = zh; *c; c++)
            ck_assert_msg(!isalpha((unsigned char)*c), "errno %d's Chinese has Latin text: %s", met[i], zh);
        ck_assert_str_eq(msgcat_strerror(LBL_EN, met[i]), strerror(met[i]));
    }
    ck_assert_str_eq(msgcat_strerror(LBL_ZH, EXDEV), strerror(EXDEV));
    const char *en = "unknown option '%s'";
    ck_assert_ptr_eq(msgcat_tr(en), en);
    msgcat_set_lang(LBL_ZH);
    ck_assert_str_eq(msgcat_tr(en), msgcat_get(LBL_ZH, en));
    ck_assert_str_ne(msgcat_tr(en), en);
    msgcat_set_lang(LBL_EN);
    ck_assert_ptr_eq(msgcat_tr(en), en);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("labels");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, every_label_has_a_text);
    tcase_add_test(tc, same_conversions_in_every_language);
    tcase_add_test(tc, status_words);
    tcase_add_test(tc, chinese_has_no_english);
    tcase_add_test(tc, sheet_names_are_valid);
    tcase_add_test(tc, language_names);
    tcase_add_test(tc, level_names);
    tcase_add_test(tc, catalog_entries);
    tcase_add_test(tc, catalog_arguments);
    tcase_add_test(tc, catalog_has_no_english);
    tcase_add_test(tc, catalog_strerror_and_driver_language);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
