/* unit.h — units of measure and their dimensions.
 *
 * A dimension is a vector of integer exponents over base dimensions: the
 * built-in `bool` dimension (index 0) and one per base unit a rules file
 * declares (`unit 亩`).  A unit is a dimension plus a factor: the size of one
 * of it in the base units of that dimension (万亩 = 10000 亩 has factor
 * 10000 over the base 亩).  Two quantities are comparable when their
 * dimensions are equal; converting between them multiplies by the ratio of
 * the factors, at compile time.
 *
 * Units are immutable once made and live in the compilation's arena; a
 * unit_sys holds the built-ins and the count of base dimensions.  Names are
 * not looked up here: the checker owns the namespace of unit names and calls
 * the constructors below. */
#ifndef PLANC_UNIT_H
#define PLANC_UNIT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

/* Exponents beyond this magnitude are refused (m^1000 is a mistake, and it
 * keeps the factor finite). */
#define UNIT_MAX_EXP 16

/* One unit.  `exp` has `ndim` entries; dimensions past ndim have exponent 0
 * (a unit made before a later base unit was declared is shorter). */
typedef struct unit_t {
    const char *name;   /* as written: 万亩, %, 吨/万元, m^3 */
    double factor;      /* size in the base units of its dimension (> 0) */
    const int *exp;
    uint32_t ndim;
    char op;            /* 0 for a named unit; '*', '/' or '^' for a compound
                           (decides the parentheses when it is composed again) */
} unit_t;

/* The unit system of one compilation. */
typedef struct unit_sys {
    arena *a;
    ptrvec bases;          /* names of the base dimensions (const char *); bool is 0 */
    const unit_t *one;     /* `1`: dimensionless, factor 1 */
    const unit_t *percent; /* `%`: dimensionless, 0.01 */
    const unit_t *permille;/* `‰`: dimensionless, 0.001 */
    const unit_t *boolean; /* `bool`: the yes/no dimension, factor 1 */
} unit_sys;

/* Sets up `s` with the built-in units; everything is allocated in `a`. */
void unit_sys_init(unit_sys *s, arena *a);

/* The built-in unit called `name` (1, %, ‰, bool), or NULL. */
const unit_t *unit_builtin(const unit_sys *s, const char *name);

/* `unit NAME`: a new base dimension whose unit is NAME. */
const unit_t *unit_base(unit_sys *s, const char *name);

/* `unit NAME = FACTOR OF`: a unit of OF's dimension, FACTOR times as large.
 * NULL when the factor is not a positive finite number or the result's
 * factor would not be finite and positive. */
const unit_t *unit_derived(unit_sys *s, const char *name, double factor, const unit_t *of);

/* Compound units: a*b, a/b, a^n.  The name is composed from the operands'
 * names (吨/万元).  NULL when an exponent would exceed UNIT_MAX_EXP or the
 * factor would not be finite and positive. */
const unit_t *unit_mul(unit_sys *s, const unit_t *a, const unit_t *b);
const unit_t *unit_div(unit_sys *s, const unit_t *a, const unit_t *b);
const unit_t *unit_pow(unit_sys *s, const unit_t *a, int n);

/* True when a and b have the same dimension. */
bool unit_same_dim(const unit_t *a, const unit_t *b);
/* True for units of the empty dimension (1, %, ‰, 万吨/吨). */
bool unit_is_dimensionless(const unit_t *u);
/* True for units of the bool dimension. */
bool unit_is_bool(const unit_t *u);

/* The factor that turns a value in `from` into a value in `to` (same
 * dimension): from->factor / to->factor. */
double unit_factor(const unit_t *from, const unit_t *to);

/* Converts v from `from` to `to` (same dimension).  When `to` is an integral
 * multiple of `from` this divides by that integer rather than multiplying by
 * its inexact reciprocal, so 76030000 亩 is exactly 7603 万亩. */
double unit_convert(double v, const unit_t *from, const unit_t *to);

/* When converting from `from` to `to` is a division by an integer (亩 to
 * 万亩: 10000), returns that integer; else 0. */
double unit_divisor(const unit_t *from, const unit_t *to);

/* The unit's name as written (for messages and reports). */
const char *unit_name(const unit_t *u);

/* What a text for people (explain, the page, planc diff) writes between a
 * number and the unit named `unit`: nothing before `%` and `‰` ("92%",
 * "5‰", as a percentage is written in English and Chinese alike) or no
 * unit, a space before any other ("7603 万亩", "35 μg/m³").  The one rule,
 * so that the outputs agree. */
const char *unit_gap(const char *unit);

/* The dimension written over the base names, in the arena: "亩", "吨 万元^-1",
 * "1" when dimensionless (for tests and dumps). */
char *unit_dimstr(const unit_sys *s, const unit_t *u);

#endif
