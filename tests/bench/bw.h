/* bw.h — a STREAM-like probe of this machine's memory bandwidth.
 *
 * The kernels are compared against what the memory system delivers on the
 * same machine in the same run: read-only passes (the sum of a large array,
 * by one thread and by two threads on disjoint halves) and a write-only
 * pass (ordinary stores, as compiled kernels use, not the non-temporal
 * stores of memset), over one array far larger than the last-level cache
 * the cores can use, best of several passes each; and the first write to
 * that array, which takes its page faults. */
#ifndef PLANC_BENCH_BW_H
#define PLANC_BENCH_BW_H

#include <stddef.h>
#include <stdint.h>

/* Bandwidths in GB/s (1e9 bytes per second).  `touch` is the rate of the
 * first write to fresh memory, page faults included: what a process pays
 * for memory it has not used before. */
typedef struct bw_result {
    double read1, read2, write1, touch;
} bw_result;

/* Measures over an array of `bytes`, best of `passes` each.  Returns 0, or
 * -1 when the array cannot be allocated. */
int bw_probe(size_t bytes, int passes, bw_result *out);

/* The best read bandwidth of `passes` passes of `threads` (1 or 2) threads
 * over a[0..n), each thread reading its own contiguous part.  The caller
 * has touched the array (so that it is mapped). */
double bw_read(const uint64_t *a, size_t n, int threads, int passes);

#endif
