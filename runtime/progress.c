/* progress.c — the progress line (see progress.h).
 *
 * The counters are global atomics, so that the table loader can count rows
 * without knowing about the display; a display thread wakes every 100 ms,
 * and after the delay redraws the line with '\r' and an erase-to-end. */
#include "progress.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "msgcat.h"
#include "rtmem.h"

/* Rows read, and rows scored summed over the program's segments. */
static atomic_size_t rows_read, rows_scored;

/* Milliseconds between redraws. */
enum { TICK_MS = 100, DEFAULT_DELAY_MS = 1000 };

struct progress {
    FILE *out;
    bool shown;                 /* the thread runs */
    bool drawn;                 /* a line is on the screen */
    double delay_ms;
    double t0;                  /* start, monotonic ms */
    double t_score;             /* when the first row was scored, 0 before */
    size_t total;               /* rows to score */
    uint32_t nsegs;             /* segments: each scores every row once */
    exec_engine engine;         /* the counting engine */
    const exec_engine *inner;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
};

/* Milliseconds on the monotonic clock. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void progress_count_read(size_t rows)
{
    atomic_fetch_add_explicit(&rows_read, rows, memory_order_relaxed);
}

bool progress_wanted(FILE *out, bool quiet)
{
    if (quiet)
        return false;
    const char *force = getenv("PLANC_PROGRESS");
    if (force && strcmp(force, "always") == 0)
        return true;
    return isatty(fileno(out));
}

/* A count with a k/M suffix past 10000 ("1.9M", "48k", "930"). */
static void human(double v, char buf[32])
{
    if (v >= 1e7)
        snprintf(buf, 32, "%.0fM", v / 1e6);
    else if (v >= 1e6)
        snprintf(buf, 32, "%.1fM", v / 1e6);
    else if (v >= 1e4)
        snprintf(buf, 32, "%.0fk", v / 1e3);
    else
        snprintf(buf, 32, "%.0f", v);
}

/* Draws the line once. */
static void draw(progress *pg)
{
    double now = now_ms();
    size_t read = atomic_load_explicit(&rows_read, memory_order_relaxed);
    size_t scored = atomic_load_explicit(&rows_scored, memory_order_relaxed);
    char b1[32];
    /* in the messages' language (msgcat_tr; the catalog is sorted by
     * then, the driver having looked a message up) */
    fprintf(pg->out, msgcat_tr("\rplanc: read %zu rows"), read);
    if (pg->nsegs && pg->total) {
        size_t rows = scored / pg->nsegs;
        fprintf(pg->out, msgcat_tr(", scored %zu of %zu (%zu%%)"), rows, pg->total, rows * 100 / pg->total);
        if (pg->t_score > 0 && now > pg->t_score) {
            human(rows / ((now - pg->t_score) / 1e3), b1);
            fprintf(pg->out, msgcat_tr(", %s rows/s"), b1);
        }
    } else if (now > pg->t0) {
        human(read / ((now - pg->t0) / 1e3), b1);
        fprintf(pg->out, msgcat_tr(", %s rows/s"), b1);
    }
    fputs("\033[K", pg->out);
    fflush(pg->out);
    pg->drawn = true;
}

/* The display thread: redraws every tick once the delay has passed. */
static void *display(void *arg)
{
    progress *pg = arg;
    pthread_mutex_lock(&pg->lock);
    while (!pg->stop) {
        if (now_ms() - pg->t0 >= pg->delay_ms)
            draw(pg);
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += TICK_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&pg->wake, &pg->lock, &ts);
    }
    pthread_mutex_unlock(&pg->lock);
    return NULL;
}

progress *progress_start(FILE *out, bool quiet)
{
    progress *pg = rt_xcalloc(1, sizeof *pg);
    pg->out = out;
    pg->t0 = now_ms();
    pg->delay_ms = DEFAULT_DELAY_MS;
    const char *d = getenv("PLANC_PROGRESS_DELAY_MS");
    if (d && *d) {
        char *end;
        double v = strtod(d, &end);
        if (!*end && v >= 0)
            pg->delay_ms = v;
    }
    atomic_store(&rows_read, 0);
    atomic_store(&rows_scored, 0);
    pthread_mutex_init(&pg->lock, NULL);
    pthread_cond_init(&pg->wake, NULL);
    if (progress_wanted(out, quiet) && pthread_create(&pg->thread, NULL, display, pg) == 0)
        pg->shown = true;
    return pg;
}

void progress_set_total(progress *pg, size_t rows)
{
    pthread_mutex_lock(&pg->lock);
    pg->total = rows;
    pthread_mutex_unlock(&pg->lock);
}

/* The counting engine's segment runner: the inner engine's, then the
 * count. */
static void run_counted(void *self, const ir_program *p, uint32_t segment,
                        const exec_frame *f, size_t lo, size_t hi)
{
    progress *pg = self;
    pg->inner->run_segment(pg->inner->self, p, segment, f, lo, hi);
    atomic_fetch_add_explicit(&rows_scored, hi - lo, memory_order_relaxed);
}

const exec_engine *progress_engine(progress *pg, const exec_engine *inner, const ir_program *p)
{
    if (!pg->shown)
        return inner;
    exec_plan plan;
    uint32_t nsegs = 0;
    if (exec_plan_make(p, &plan) == 0) {
        nsegs = plan.nsegs;
        exec_plan_free(&plan);
    }
    pthread_mutex_lock(&pg->lock);
    pg->inner = inner;
    pg->nsegs = nsegs;
    pg->t_score = now_ms();
    pg->engine = (exec_engine){.name = inner->name, .self = pg, .run_segment = run_counted};
    pthread_mutex_unlock(&pg->lock);
    return &pg->engine;
}

void progress_stop(progress *pg)
{
    if (!pg)
        return;
    if (pg->shown) {
        pthread_mutex_lock(&pg->lock);
        pg->stop = true;
        pthread_cond_signal(&pg->wake);
        pthread_mutex_unlock(&pg->lock);
        pthread_join(pg->thread, NULL);
        if (pg->drawn) {
            fputs("\r\033[K", pg->out);
            fflush(pg->out);
        }
    }
    pthread_cond_destroy(&pg->wake);
    pthread_mutex_destroy(&pg->lock);
    free(pg);
}
