/* test_arena.c — the compilation's bump allocator (compiler/arena.c):
 * memory handed out is zeroed, aligned for any type and never overlaps,
 * across block boundaries (small allocations filling many blocks, and
 * allocations larger than a block, placed without wasting the current
 * block's free space); strings, printf, pointer vectors and name maps
 * built on it.  The Release build runs the mapped (huge page) blocks, the
 * sanitizer build the malloc'd ones. */
#include <check.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* Whether this build runs under AddressSanitizer (as arena.c decides). */
#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif

/* True when every byte of p[0..n) is zero. */
static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* Many allocations of assorted sizes, some far larger than a block: each
 * is zeroed and aligned, and writing all of each (a pattern of its own)
 * leaves every other one intact. */
START_TEST(zeroed_aligned_disjoint)
{
    enum { N = 3000 };
    arena a;
    arena_init(&a);
    unsigned char **p = calloc(N, sizeof *p);
    size_t *len = calloc(N, sizeof *len);
    size_t total = 0;
    for (int i = 0; i < N; i++) {
        len[i] = i % 500 == 7 ? (size_t)(3 << 20) + (size_t)i : (size_t)(i * 37 % 4001);
        p[i] = arena_alloc(&a, len[i]);
        ck_assert_ptr_nonnull(p[i]);
        ck_assert_uint_eq((uintptr_t)p[i] % alignof(max_align_t), 0);
        ck_assert_msg(all_zero(p[i], len[i]), "allocation %d (%zu bytes) is not zeroed", i, len[i]);
        memset(p[i], (i % 251) + 1, len[i]);
        total += len[i];
    }
    for (int i = 0; i < N; i++)
        for (size_t k = 0; k < len[i]; k += len[i] / 7 + 1)
            ck_assert_int_eq(p[i][k], (i % 251) + 1);
    ck_assert_uint_ge(a.total, total);
    arena_free(&a);
    ck_assert_uint_eq(a.total, 0);
    ck_assert_ptr_null(a.head);
    arena_free(&a); /* freeing twice: nothing left to free */
    free(p);
    free(len);
}
END_TEST

/* A zero-byte allocation is a distinct pointer; a large allocation (with
 * little room left in its own block) in the middle of small ones does not
 * cost the small ones their block: the allocation after it follows the
 * one before it. */
START_TEST(large_behind_current)
{
    arena a;
    arena_init(&a);
    char *x = arena_alloc(&a, 0), *y = arena_alloc(&a, 0);
    ck_assert_ptr_ne(x, y);
    char *s1 = arena_alloc(&a, 16);
    size_t n = ((size_t)8 << 20) - 4096;
    char *big = arena_alloc(&a, n);
    big[n - 1] = 1;
    char *s2 = arena_alloc(&a, 16);
    ck_assert_ptr_eq(s2, s1 + 16);
    arena_free(&a);
}
END_TEST

/* Strings and printf copy into the arena; pointer vectors grow; name maps
 * find what was put and keep the order of first puts. */
START_TEST(strings_vectors_maps)
{
    arena a;
    arena_init(&a);
    const char src[] = "hello, world";
    char *s = arena_strndup(&a, src, 5);
    ck_assert_str_eq(s, "hello");
    ck_assert_str_eq(arena_strdup(&a, src), src);
    ck_assert_str_eq(arena_printf(&a, "%s-%d", "x", 42), "x-42");
    ptrvec pv = {0};
    for (intptr_t i = 1; i <= 1000; i++)
        ptrvec_push(&a, &pv, (void *)i);
    ck_assert_uint_eq(pv.n, 1000);
    for (intptr_t i = 1; i <= 1000; i++)
        ck_assert_ptr_eq(pv.v[i - 1], (void *)i);
    namemap m = {0};
    char *names[300];
    for (int i = 0; i < 300; i++) {
        names[i] = arena_printf(&a, "name%d", i);
        ck_assert_ptr_null(namemap_put(&a, &m, names[i], names[i]));
    }
    ck_assert_ptr_eq(namemap_put(&a, &m, "name7", "other"), names[7]);
    for (int i = 0; i < 300; i++)
        ck_assert_ptr_eq(namemap_get(&m, names[i]), names[i]);
    ck_assert_ptr_null(namemap_get(&m, "name300"));
    ck_assert_ptr_null(namemap_get(&m, NULL));
    ck_assert_uint_eq(m.order.n, 300);
    ck_assert_ptr_eq(m.order.v[299], names[299]);
    arena_free(&a);
}
END_TEST

/* The process's resident memory in KiB (VmRSS), or -1 if unknown. */
static long rss_kib(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0)
            kib = strtol(line + 6, NULL, 10);
    fclose(f);
    return kib;
}

/* arena_release gives the pages of memory no longer used back: 64 MiB
 * written, then released, leave the resident size where it was (the old
 * storage of grown arrays stayed resident: 637 MB for planc check on
 * 100,000 generated targets, 440 MB with it released).  Memory around
 * the range, and allocations after it, are untouched.  Where blocks are
 * malloc'd (the sanitizer build) the release does nothing. */
START_TEST(release_returns_pages)
{
    enum { MIB = 1024 * 1024, BIG = 64 * MIB };
    arena a;
    arena_init(&a);
    unsigned char *before = arena_alloc(&a, 100);
    memset(before, 0xab, 100);
    long r0 = rss_kib();
    unsigned char *big = arena_alloc(&a, BIG);
    memset(big, 1, BIG);
    long r1 = rss_kib();
    arena_release(&a, big, BIG);
    long r2 = rss_kib();
    unsigned char *after = arena_alloc(&a, 4096);
    ck_assert(all_zero(after, 4096));
    for (int i = 0; i < 100; i++)
        ck_assert_uint_eq(before[i], 0xab);
    arena_release(&a, NULL, BIG);   /* nothing to release */
    arena_release(&a, after, 16);   /* too small to bother: kept */
    after[15] = 7;
    ck_assert_uint_eq(after[15], 7);
    if (r0 >= 0 && r1 >= 0 && r2 >= 0) {
        ck_assert_int_ge(r1 - r0, BIG / 1024 - 4096);
#ifndef TEST_ASAN
        ck_assert_int_le(r2 - r0, 4096);
#endif
    }
    arena_free(&a);
}
END_TEST

static Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, zeroed_aligned_disjoint);
    tcase_add_test(tc, large_behind_current);
    tcase_add_test(tc, strings_vectors_maps);
    tcase_add_test(tc, release_returns_pages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(arena_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
