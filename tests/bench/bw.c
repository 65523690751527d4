/* bw.c — the memory bandwidth probe (see bw.h).  Compiled with -O3
 * -march=native so the loops use the widest vector loads and stores. */
#include "bw.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Keeps the sums alive so the reads are not optimised away. */
static volatile uint64_t sink;

/* One reader: sums its slice of 64-bit words (integer adds vectorise
 * without any floating-point reassociation). */
typedef struct reader {
    const uint64_t *a;
    size_t n;
    pthread_barrier_t *start;
    double seconds;
} reader;

static void *read_slice(void *arg)
{
    reader *r = arg;
    pthread_barrier_wait(r->start);
    double t0 = now();
    uint64_t s = 0;
    for (size_t i = 0; i < r->n; i++)
        s += r->a[i];
    r->seconds = now() - t0;
    sink += s;
    return NULL;
}

double bw_read(const uint64_t *a, size_t n, int threads, int passes)
{
    double best = 0;
    if (threads < 1 || threads > 2)
        return 0;
    size_t per = n / (size_t)threads;
    for (int p = 0; p < passes; p++) {
        pthread_barrier_t start;
        pthread_barrier_init(&start, NULL, (unsigned)threads);
        reader rs[2] = {{a, per, &start, 0}, {a + per, n - per, &start, 0}};
        pthread_t helper;
        if (threads == 2 && pthread_create(&helper, NULL, read_slice, &rs[1]) != 0) {
            pthread_barrier_destroy(&start);
            return best;
        }
        read_slice(&rs[0]);
        double slowest = rs[0].seconds;
        if (threads == 2) {
            pthread_join(helper, NULL);
            if (rs[1].seconds > slowest)
                slowest = rs[1].seconds;
        }
        pthread_barrier_destroy(&start);
        double gbs = (double)(n * sizeof *a) / slowest / 1e9;
        if (gbs > best)
            best = gbs;
    }
    return best;
}

/* Best write bandwidth of one thread storing a[0..n). */
static double write_pass(double *a, size_t n, int passes)
{
    double best = 0;
    for (int p = 0; p < passes; p++) {
        double t0 = now();
        double x = (double)p;
        /* a value that depends on i, so this is not turned into memset */
        for (size_t i = 0; i < n; i++)
            a[i] = x + (double)i;
        double s = now() - t0;
        sink += (uint64_t)a[n / 2];
        double gbs = (double)(n * sizeof *a) / s / 1e9;
        if (gbs > best)
            best = gbs;
    }
    return best;
}

int bw_probe(size_t bytes, int passes, bw_result *out)
{
    size_t n = bytes / sizeof(uint64_t);
    uint64_t *a = aligned_alloc(64, n * sizeof *a);
    if (!a || n == 0)
        return -1;
    /* touch every page first (page faults are not bandwidth), timing it:
     * what fresh memory costs on this machine */
    double t0 = now();
    for (size_t i = 0; i < n; i++)
        a[i] = i;
    out->touch = (double)(n * sizeof *a) / (now() - t0) / 1e9;
    out->read1 = bw_read(a, n, 1, passes);
    out->read2 = bw_read(a, n, 2, passes);
    out->write1 = write_pass((double *)a, n, passes);
    free(a);
    return 0;
}
