/* test_unit.c — units and dimensions (compiler/unit.c). */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "unit.h"

static arena A;
static unit_sys S;

static void setup(void)
{
    arena_init(&A);
    unit_sys_init(&S, &A);
}

static void teardown(void)
{
    arena_free(&A);
}

/* The built-ins: 1, %, ‰ are dimensionless with their factors; bool is its
 * own dimension. */
START_TEST(builtins)
{
    ck_assert_ptr_eq(unit_builtin(&S, "1"), S.one);
    ck_assert_ptr_eq(unit_builtin(&S, "%"), S.percent);
    ck_assert_ptr_eq(unit_builtin(&S, "‰"), S.permille);
    ck_assert_ptr_eq(unit_builtin(&S, "bool"), S.boolean);
    ck_assert_ptr_null(unit_builtin(&S, "亩"));
    ck_assert(unit_is_dimensionless(S.one));
    ck_assert(unit_is_dimensionless(S.percent));
    ck_assert(unit_is_dimensionless(S.permille));
    ck_assert(!unit_is_dimensionless(S.boolean));
    ck_assert(unit_is_bool(S.boolean));
    ck_assert(!unit_is_bool(S.percent));
    ck_assert(unit_same_dim(S.one, S.percent));
    ck_assert(!unit_same_dim(S.boolean, S.one));
    ck_assert_double_eq(unit_factor(S.percent, S.one), 0.01);
    ck_assert_double_eq_tol(unit_convert(92, S.percent, S.one), 0.92, 1e-15);
    ck_assert_double_eq_tol(unit_convert(5, S.permille, S.percent), 0.5, 1e-15);
    ck_assert_str_eq(unit_name(S.percent), "%");
    ck_assert_str_eq(unit_dimstr(&S, S.percent), "1");
    ck_assert_str_eq(unit_dimstr(&S, S.boolean), "bool");
}
END_TEST

/* Base units are distinct dimensions; derived units share their base's
 * dimension and convert by the factor, exactly for integral ratios. */
START_TEST(base_and_derived)
{
    const unit_t *mu = unit_base(&S, "亩");
    const unit_t *wanmu = unit_derived(&S, "万亩", 10000, mu);
    const unit_t *km2 = unit_base(&S, "km2");
    const unit_t *wkm2 = unit_derived(&S, "万平方公里", 10000, km2);
    ck_assert_ptr_nonnull(wanmu);
    ck_assert(unit_same_dim(mu, wanmu));
    ck_assert(!unit_same_dim(mu, km2));
    ck_assert(!unit_same_dim(wanmu, S.percent));
    ck_assert(!unit_same_dim(mu, S.one));
    ck_assert_str_eq(unit_name(wanmu), "万亩");
    ck_assert_str_eq(unit_dimstr(&S, wanmu), "亩");
    ck_assert_double_eq(unit_factor(wanmu, mu), 10000);
    ck_assert_double_eq(unit_convert(7603, wanmu, mu), 76030000);
    ck_assert_double_eq(unit_convert(76030000, mu, wanmu), 7603);
    ck_assert_double_eq(unit_divisor(mu, wanmu), 10000);
    ck_assert_double_eq(unit_divisor(wanmu, mu), 0);
    ck_assert_double_eq(unit_convert(4.1, wkm2, km2), 41000);
    /* A derived unit of a derived unit multiplies the factors. */
    const unit_t *yimu = unit_derived(&S, "亿亩", 10000, wanmu);
    ck_assert_double_eq(unit_factor(yimu, mu), 1e8);
    /* Relating two bases makes them one dimension only through the new unit. */
    const unit_t *mu2 = unit_derived(&S, "亩km", 0.0006666667, km2);
    ck_assert(unit_same_dim(mu2, km2));
    /* Bad factors are refused. */
    ck_assert_ptr_null(unit_derived(&S, "x", 0, mu));
    ck_assert_ptr_null(unit_derived(&S, "x", -3, mu));
    ck_assert_ptr_null(unit_derived(&S, "x", INFINITY, mu));
    ck_assert_ptr_null(unit_derived(&S, "x", NAN, mu));
    ck_assert_ptr_null(unit_derived(&S, "x", 1e300, unit_derived(&S, "y", 1e300, mu)));
}
END_TEST

/* Compound units compose names and dimensions; x/x is `1`. */
START_TEST(compound)
{
    const unit_t *t = unit_base(&S, "吨");
    const unit_t *wt = unit_derived(&S, "万吨", 10000, t);
    const unit_t *wy = unit_base(&S, "万元");
    const unit_t *m = unit_base(&S, "m");
    const unit_t *ug = unit_base(&S, "μg");

    const unit_t *tpy = unit_div(&S, t, wy);
    ck_assert_str_eq(unit_name(tpy), "吨/万元");
    ck_assert_str_eq(unit_dimstr(&S, tpy), "吨 万元^-1");
    const unit_t *wtpy = unit_div(&S, wt, wy);
    ck_assert(unit_same_dim(tpy, wtpy));
    ck_assert_double_eq(unit_factor(wtpy, tpy), 10000);

    const unit_t *m3 = unit_pow(&S, m, 3);
    ck_assert_str_eq(unit_name(m3), "m^3");
    const unit_t *conc = unit_div(&S, ug, m3);
    ck_assert_str_eq(unit_name(conc), "μg/m^3");
    ck_assert_str_eq(unit_dimstr(&S, conc), "m^-3 μg");

    /* Parentheses where the reading would change. */
    const unit_t *tm = unit_mul(&S, t, m);
    ck_assert_str_eq(unit_name(unit_div(&S, ug, tm)), "μg/(吨*m)");
    ck_assert_str_eq(unit_name(unit_pow(&S, tpy, 2)), "(吨/万元)^2");
    ck_assert_str_eq(unit_name(unit_mul(&S, tpy, m)), "吨/万元*m");

    /* Dimensionless results. */
    ck_assert_ptr_eq(unit_div(&S, t, t), S.one);
    ck_assert_ptr_eq(unit_div(&S, S.percent, S.percent), S.one);
    const unit_t *ratio = unit_div(&S, wt, t);
    ck_assert(unit_is_dimensionless(ratio));
    ck_assert_double_eq(unit_factor(ratio, S.one), 10000);
    ck_assert_ptr_eq(unit_pow(&S, m, 0), S.one);
    ck_assert_ptr_eq(unit_pow(&S, m, 1), m);
    const unit_t *inv = unit_pow(&S, m, -2);
    ck_assert_str_eq(unit_name(inv), "m^-2");
    ck_assert(unit_same_dim(unit_mul(&S, inv, unit_pow(&S, m, 2)), S.one));

    /* `1` is the identity of * and /. */
    ck_assert_ptr_eq(unit_mul(&S, t, S.one), t);
    ck_assert_ptr_eq(unit_mul(&S, S.one, t), t);
    ck_assert_ptr_eq(unit_div(&S, t, S.one), t);
    ck_assert_str_eq(unit_name(unit_div(&S, S.one, t)), "1/吨");

    /* Percent times a unit keeps the dimension and scales the factor. */
    const unit_t *pt = unit_mul(&S, S.percent, t);
    ck_assert(unit_same_dim(pt, t));
    ck_assert_double_eq_tol(unit_factor(pt, t), 0.01, 1e-18);
}
END_TEST

/* Exponents are bounded; units made before a later base still compare. */
/* The gap between a number and its unit in text for people: none before
 * % and ‰ (and no unit), a space before any other. */
START_TEST(gap)
{
    ck_assert_str_eq(unit_gap("%"), "");
    ck_assert_str_eq(unit_gap("‰"), "");
    ck_assert_str_eq(unit_gap(""), "");
    ck_assert_str_eq(unit_gap(NULL), "");
    ck_assert_str_eq(unit_gap("万亩"), " ");
    ck_assert_str_eq(unit_gap("μg/m³"), " ");
    ck_assert_str_eq(unit_gap("%x"), " ");
}
END_TEST

START_TEST(limits)
{
    const unit_t *m = unit_base(&S, "m");
    ck_assert_ptr_null(unit_pow(&S, m, UNIT_MAX_EXP + 1));
    ck_assert_ptr_null(unit_pow(&S, m, -UNIT_MAX_EXP - 1));
    const unit_t *m8 = unit_pow(&S, m, 8);
    ck_assert_ptr_nonnull(m8);
    ck_assert_ptr_null(unit_pow(&S, m8, 3));
    ck_assert_ptr_null(unit_mul(&S, m8, unit_pow(&S, m, 9)));
    const unit_t *g = unit_base(&S, "g");
    ck_assert(!unit_same_dim(m, g));
    ck_assert(unit_same_dim(unit_div(&S, unit_mul(&S, m, g), g), m));
    /* Factor overflow is refused. */
    const unit_t *big = unit_derived(&S, "big", 1e200, m);
    ck_assert_ptr_null(unit_pow(&S, big, 2));
    ck_assert_ptr_null(unit_mul(&S, big, big));
}
END_TEST

static Suite *unit_suite(void)
{
    Suite *s = suite_create("unit");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, builtins);
    tcase_add_test(tc, base_and_derived);
    tcase_add_test(tc, compound);
    tcase_add_test(tc, limits);
    tcase_add_test(tc, gap);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(unit_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
