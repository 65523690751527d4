/* bw.h — a STREAM-like probe of this machine's memory bandwidth.
 *
 * The kernels are compared against what the memory system can deliver on
 * the same machine in the same run: a read-only pass (sum of a large
 * array) and a write-only pass (ordinary stores, as compiled kernels use,
 * not the non-temporal stores of memset), each over an array far larger
 * than the last-level cache, best of several passes. */
#ifndef PLANC_BENCH_BW_H
#define PLANC_BENCH_BW_H

#include <stddef.h>

/* Read bandwidth in GB/s (1e9 bytes per second) with `threads` threads
 * reading disjoint halves of a `bytes` array; best of `passes`. */
double bw_read(size_t bytes, int threads, int passes);

/* Write bandwidth in GB/s of one thread storing a `bytes` array. */
double bw_write(size_t bytes, int passes);

#endif
