/* test_places.c — finding place names in texts (compiler/places.c): names
 * found as written at code point boundaries, each once, in the order of
 * the text; Latin names only as whole words; nothing inside a kept name
 * or a longer name found; one-character names and names longer than
 * PLACES_MAX_NAME not looked for; many names sharing a prefix. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "places.h"

/* The names found in text, joined with '|' ("" for none). */
static const char *found(arena *a, places *p, const char *text)
{
    const char *out[16];
    uint32_t n = places_find(p, text, out, 16);
    char *s = arena_alloc(a, 1024);
    for (uint32_t k = 0; k < n && k < 16; k++) {
        if (k)
            strcat(s, "|");
        strcat(s, out[k]);
    }
    return s;
}

/* Names in a Chinese text: each once, in the order they occur; a longer
 * name wins over one inside it, wherever it starts. */
START_TEST(chinese_names)
{
    arena a;
    arena_init(&a);
    places p = {0};
    places_add(&a, &p, "辽宁", false);
    places_add(&a, &p, "辽宁省", false);
    places_add(&a, &p, "美丽辽宁", false);
    places_add(&a, &p, "沈阳", false);
    ck_assert(places_any(&p));
    ck_assert_str_eq(found(&a, &p, "推进美丽辽宁建设,沈阳市、辽宁省和辽宁"), "美丽辽宁|沈阳|辽宁省|辽宁");
    ck_assert_str_eq(found(&a, &p, "沈阳沈阳"), "沈阳");
    ck_assert_str_eq(found(&a, &p, "某省"), "");
    ck_assert_str_eq(found(&a, &p, ""), "");
    ck_assert_uint_eq(places_find(&p, NULL, NULL, 0), 0);
    arena_free(&a);
}
END_TEST

/* A kept name hides the names inside it, and only those occurrences. */
START_TEST(kept_names)
{
    arena a;
    arena_init(&a);
    places p = {0};
    places_add(&a, &p, "辽阳", false);
    places_add(&a, &p, "辽阳新区", true);
    ck_assert_str_eq(found(&a, &p, "辽阳新区建设"), "");
    ck_assert_str_eq(found(&a, &p, "辽阳新区和辽阳"), "辽阳");
    /* a name both looked for and kept is not found */
    places_add(&a, &p, "大连", false);
    places_add(&a, &p, "大连", true);
    ck_assert_str_eq(found(&a, &p, "大连港"), "");
    arena_free(&a);
}
END_TEST

/* A Latin name is a whole word; a one-character name is not looked for;
 * at most cap names are written, and all are counted. */
START_TEST(latin_short_cap)
{
    arena a;
    arena_init(&a);
    places p = {0};
    places_add(&a, &p, "Shenyang", false);
    places_add(&a, &p, "甲", false);
    places_add(&a, &p, "x", false);
    places_add(&a, &p, "", false);
    places_add(&a, &p, NULL, false);
    ck_assert_str_eq(found(&a, &p, "Shenyang's water"), "Shenyang");
    ck_assert_str_eq(found(&a, &p, "沈阳Shenyang站"), "Shenyang");
    ck_assert_str_eq(found(&a, &p, "Shenyangbei, 2Shenyang, Shenyang2"), "");
    ck_assert_str_eq(found(&a, &p, "甲市 x"), "");
    places_add(&a, &p, "丹东", false);
    places_add(&a, &p, "锦州", false);
    const char *out[1];
    ck_assert_uint_eq(places_find(&p, "丹东、锦州、Shenyang、丹东", out, 1), 3);
    ck_assert_str_eq(out[0], "丹东");
    arena_free(&a);
}
END_TEST

/* A set of kept names only looks for nothing; ill-formed UTF-8 is
 * searched byte by byte without harm. */
START_TEST(empty_and_bad_bytes)
{
    arena a;
    arena_init(&a);
    places p = {0};
    ck_assert(!places_any(&p));
    ck_assert_str_eq(found(&a, &p, "辽宁"), "");
    places_add(&a, &p, "辽宁", true);
    ck_assert(!places_any(&p));
    places_add(&a, &p, "沈阳", false);
    ck_assert_str_eq(found(&a, &p, "\xff\xfe沈阳\xe6"), "沈阳");
    arena_free(&a);
}
END_TEST

/* Many names sharing their first characters, and a name too long to be
 * looked for: the right one is found, the long one is not. */
START_TEST(shared_prefixes_and_long)
{
    arena a;
    arena_init(&a);
    places p = {0};
    char *names[2000];
    for (int i = 0; i < 2000; i++) {
        names[i] = arena_printf(&a, "甲乙%d城", i);
        places_add(&a, &p, names[i], false);
    }
    ck_assert_str_eq(found(&a, &p, "甲乙甲乙1999城和甲乙7城,甲乙19城"), "甲乙1999城|甲乙7城|甲乙19城");
    ck_assert_str_eq(found(&a, &p, "甲乙2000城"), "");
    char *longname = arena_alloc(&a, PLACES_MAX_NAME + 2);
    memset(longname, 'a', PLACES_MAX_NAME + 1);
    places_add(&a, &p, longname, false);
    ck_assert_str_eq(found(&a, &p, longname), "");
    longname[PLACES_MAX_NAME] = '\0';
    places_add(&a, &p, longname, false);
    ck_assert_str_eq(found(&a, &p, longname), longname);
    arena_free(&a);
}
END_TEST

/* Names crafted to branch at every byte ("a" repeated, then any of 90
 * characters): the search looks at a few slots per byte it walks, not at
 * every sibling (a list of siblings made a 100 KB text take seconds). */
START_TEST(branching_names_bounded)
{
    arena a;
    arena_init(&a);
    places p = {0};
    const char *tails = "bcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$%&'()*+,-./:<=>?@[]^_`{|}~ a";
    size_t ntails = strlen(tails);
    for (int d = 1; d < 200; d++)
        for (size_t t = 0; t < ntails; t++) {
            char *nm = arena_alloc(&a, (size_t)d + 2);
            memset(nm, 'a', (size_t)d);
            nm[d] = tails[t];
            places_add(&a, &p, nm, false);
        }
    enum { LEN = 20000 };
    char *text = arena_alloc(&a, LEN + 2);
    text[0] = 'b';
    memset(text + 1, 'a', LEN);
    p.probes = 0;
    ck_assert_str_eq(found(&a, &p, text), "");
    /* each position walks at most 200 bytes */
    ck_assert_uint_le(p.probes, (uint64_t)4 * (LEN + 1) * 201);
    /* and the right names are found */
    ck_assert_str_eq(found(&a, &p, "x aaab, aa~ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaZ"),
                     "aaab|aa~|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaZ");
    arena_free(&a);
}
END_TEST

static Suite *places_suite(void)
{
    Suite *s = suite_create("places");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, chinese_names);
    tcase_add_test(tc, kept_names);
    tcase_add_test(tc, latin_short_cap);
    tcase_add_test(tc, empty_and_bad_bytes);
    tcase_add_test(tc, shared_prefixes_and_long);
    tcase_add_test(tc, branching_names_bounded);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(places_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
