/* gen-common.h — what the example data generators (gen-data.c in
 * examples/liaoning and examples/adapted) share: the fixed-seed PRNG
 * (splitmix64, no rand()), rounding to the printed precision, and printing
 * a cell.  Each generator defines GEN_SEED (its PRNG's starting state)
 * before including this file, so that its output stays a pure function of
 * its own source. */
#ifndef PLANC_GEN_COMMON_H
#define PLANC_GEN_COMMON_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>

/* How a column is printed. */
typedef enum fmt { F_INT, F_D1, F_D2, F_BOOL } fmt;

static uint64_t prng_state = GEN_SEED;

/* The next 64 random bits. */
static uint64_t prng_next(void)
{
    uint64_t z = (prng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* A uniform double in [lo, hi). */
static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * ((double)(prng_next() >> 11) * 0x1.0p-53);
}

/* x rounded to `d` decimals, as printed. */
static double round_to(double x, int d)
{
    double s = d == 0 ? 1 : d == 1 ? 10 : 100;
    return round(x * s) / s;
}

/* Prints one cell in format f (nothing for a missing one, NaN). */
static void put_value(FILE *out, fmt f, double v)
{
    if (isnan(v))
        return;
    switch (f) {
    case F_INT: fprintf(out, "%.0f", v); break;
    case F_D1: fprintf(out, "%.1f", v); break;
    case F_D2: fprintf(out, "%.2f", v); break;
    case F_BOOL: fputs(v != 0 ? "yes" : "no", out); break;
    }
}

#endif
