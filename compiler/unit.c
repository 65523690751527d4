/* unit.c — units of measure and their dimensions (see unit.h). */
#include "unit.h"

#include <math.h>
#include <string.h>

/* Makes a unit with a copy of `exp` (ndim entries), trailing zeros dropped. */
static unit_t *make_unit(unit_sys *s, const char *name, double factor,
                         const int *exp, uint32_t ndim, char op)
{
    while (ndim > 0 && exp[ndim - 1] == 0)
        ndim--;
    unit_t *u = arena_alloc(s->a, sizeof *u);
    int *e = arena_alloc(s->a, (ndim ? ndim : 1) * sizeof *e);
    if (ndim)
        memcpy(e, exp, ndim * sizeof *e);
    u->name = name;
    u->factor = factor;
    u->exp = e;
    u->ndim = ndim;
    u->op = op;
    return u;
}

/* Exponent of dimension i (0 past the unit's own vector). */
static int exp_at(const unit_t *u, uint32_t i)
{
    return i < u->ndim ? u->exp[i] : 0;
}

/* True for a factor a unit may have. */
static bool good_factor(double f)
{
    return isfinite(f) && f > 0;
}

void unit_sys_init(unit_sys *s, arena *a)
{
    memset(s, 0, sizeof *s);
    s->a = a;
    ptrvec_push(a, &s->bases, (void *)"bool");
    int booldim[1] = {1};
    s->one = make_unit(s, "1", 1.0, NULL, 0, 0);
    s->percent = make_unit(s, "%", 0.01, NULL, 0, 0);
    s->permille = make_unit(s, "‰", 0.001, NULL, 0, 0);
    s->boolean = make_unit(s, "bool", 1.0, booldim, 1, 0);
}

const unit_t *unit_builtin(const unit_sys *s, const char *name)
{
    if (strcmp(name, "1") == 0)
        return s->one;
    if (strcmp(name, "%") == 0)
        return s->percent;
    if (strcmp(name, "‰") == 0)
        return s->permille;
    if (strcmp(name, "bool") == 0)
        return s->boolean;
    return NULL;
}

const unit_t *unit_base(unit_sys *s, const char *name)
{
    uint32_t dim = (uint32_t)s->bases.n;
    ptrvec_push(s->a, &s->bases, (void *)name);
    int *exp = arena_alloc(s->a, (dim + 1) * sizeof *exp);
    exp[dim] = 1;
    return make_unit(s, name, 1.0, exp, dim + 1, 0);
}

const unit_t *unit_derived(unit_sys *s, const char *name, double factor, const unit_t *of)
{
    if (!good_factor(factor) || !good_factor(factor * of->factor))
        return NULL;
    return make_unit(s, name, factor * of->factor, of->exp, of->ndim, 0);
}

/* The name of `u` as an operand of a compound: in parentheses when `paren`. */
static const char *operand(unit_sys *s, const unit_t *u, bool paren)
{
    return paren ? arena_printf(s->a, "(%s)", u->name) : u->name;
}

/* a*b or a/b (sign = +1 or -1 for b's exponents). */
static const unit_t *combine(unit_sys *s, const unit_t *a, const unit_t *b, int sign)
{
    if (b == s->one)
        return a;
    if (a == s->one && sign > 0)
        return b;
    uint32_t n = a->ndim > b->ndim ? a->ndim : b->ndim;
    int *exp = arena_alloc(s->a, (n ? n : 1) * sizeof *exp);
    for (uint32_t i = 0; i < n; i++) {
        exp[i] = exp_at(a, i) + sign * exp_at(b, i);
        if (exp[i] > UNIT_MAX_EXP || exp[i] < -UNIT_MAX_EXP)
            return NULL;
    }
    double f = sign > 0 ? a->factor * b->factor : a->factor / b->factor;
    if (!good_factor(f))
        return NULL;
    bool dimless = true;
    for (uint32_t i = 0; i < n; i++)
        if (exp[i] != 0)
            dimless = false;
    if (dimless && f == 1.0)
        return s->one;
    bool paren_b = b->op == '*' || b->op == '/';
    const char *name = arena_printf(s->a, "%s%c%s", a->name, sign > 0 ? '*' : '/',
                                    operand(s, b, paren_b));
    return make_unit(s, name, f, exp, n, sign > 0 ? '*' : '/');
}

const unit_t *unit_mul(unit_sys *s, const unit_t *a, const unit_t *b)
{
    return combine(s, a, b, +1);
}

const unit_t *unit_div(unit_sys *s, const unit_t *a, const unit_t *b)
{
    return combine(s, a, b, -1);
}

const unit_t *unit_pow(unit_sys *s, const unit_t *a, int n)
{
    if (n == 1)
        return a;
    if (n > UNIT_MAX_EXP || n < -UNIT_MAX_EXP)
        return NULL;
    int *exp = arena_alloc(s->a, (a->ndim ? a->ndim : 1) * sizeof *exp);
    for (uint32_t i = 0; i < a->ndim; i++) {
        exp[i] = a->exp[i] * n;
        if (exp[i] > UNIT_MAX_EXP || exp[i] < -UNIT_MAX_EXP)
            return NULL;
    }
    double f = pow(a->factor, n);
    if (!good_factor(f))
        return NULL;
    if (n == 0)
        return s->one;
    const char *name = arena_printf(s->a, "%s^%d", operand(s, a, a->op != 0), n);
    return make_unit(s, name, f, exp, a->ndim, '^');
}

bool unit_same_dim(const unit_t *a, const unit_t *b)
{
    uint32_t n = a->ndim > b->ndim ? a->ndim : b->ndim;
    for (uint32_t i = 0; i < n; i++)
        if (exp_at(a, i) != exp_at(b, i))
            return false;
    return true;
}

bool unit_is_dimensionless(const unit_t *u)
{
    return u->ndim == 0;
}

bool unit_is_bool(const unit_t *u)
{
    return u->ndim == 1 && u->exp[0] == 1;
}

double unit_factor(const unit_t *from, const unit_t *to)
{
    return from->factor / to->factor;
}

double unit_divisor(const unit_t *from, const unit_t *to)
{
    double r = to->factor / from->factor;
    if (r > 1 && r < 9007199254740992.0 && r == floor(r))
        return r;
    return 0;
}

double unit_convert(double v, const unit_t *from, const unit_t *to)
{
    double d = unit_divisor(from, to);
    if (d != 0)
        return v / d;
    return v * unit_factor(from, to);
}

const char *unit_name(const unit_t *u)
{
    return u->name;
}

const char *unit_gap(const char *unit)
{
    if (!unit || !*unit || strcmp(unit, "%") == 0 || strcmp(unit, "\u2030") == 0) /* ‰ */
        return "";
    return " ";
}

char *unit_dimstr(const unit_sys *s, const unit_t *u)
{
    if (u->ndim == 0)
        return arena_strdup(s->a, "1");
    char *out = arena_strdup(s->a, "");
    for (uint32_t i = 0; i < u->ndim; i++) {
        if (u->exp[i] == 0)
            continue;
        const char *base = i < s->bases.n ? (const char *)s->bases.v[i] : "?";
        const char *sep = out[0] ? " " : "";
        if (u->exp[i] == 1)
            out = arena_printf(s->a, "%s%s%s", out, sep, base);
        else
            out = arena_printf(s->a, "%s%s%s^%d", out, sep, base, u->exp[i]);
    }
    return out;
}
