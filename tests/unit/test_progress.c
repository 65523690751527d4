/* test_progress.c — the progress line (runtime/progress.c) on a real
 * pseudo-terminal: drawn with '\r' and erased at the end when stderr is a
 * terminal, never with --quiet or on a pipe (unless PLANC_PROGRESS=always),
 * and counting the rows read and scored of a run. */
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include "pipe_fixture.h"
#include "progress.h"
#include "small_plan.h"

/* A pseudo-terminal: the side planc writes to as a stream, and the side the
 * test reads. */
typedef struct term {
    int master, slave;
    FILE *out;
} term;

static void term_open(term *t)
{
    ck_assert_int_eq(openpty(&t->master, &t->slave, NULL, NULL, NULL), 0);
    t->out = fdopen(t->slave, "w");
    ck_assert_ptr_nonnull(t->out);
}

/* Everything written to the terminal so far (malloc'd). */
static char *term_read(term *t)
{
    fflush(t->out);
    char *buf = calloc(1, 65536);
    size_t len = 0;
    struct pollfd pf = {.fd = t->master, .events = POLLIN};
    while (len < 65535 && poll(&pf, 1, 50) > 0) {
        ssize_t n = read(t->master, buf + len, 65535 - len);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    return buf;
}

static void term_close(term *t)
{
    fclose(t->out);
    close(t->master);
}

/* Shows progress for a while on `out`, counting 7 rows read. */
static void show(FILE *out, bool quiet)
{
    progress *pg = progress_start(out, quiet);
    progress_count_read(7);
    usleep(250000);
    progress_stop(pg);
}

START_TEST(terminal)
{
    unsetenv("PLANC_PROGRESS");
    setenv("PLANC_PROGRESS_DELAY_MS", "0", 1);
    term t;
    term_open(&t);
    ck_assert(progress_wanted(t.out, false));
    ck_assert(!progress_wanted(t.out, true));
    show(t.out, false);
    char *s = term_read(&t);
    ck_assert_msg(strstr(s, "\rplanc: read 7 rows"), "%s", s);
    ck_assert_msg(strstr(s, "\033[K"), "%s", s);
    /* erased at the end: the last thing written is "\r" and erase */
    size_t n = strlen(s);
    ck_assert_msg(n >= 4 && strcmp(s + n - 4, "\r\033[K") == 0, "%s", s);
    free(s);

    show(t.out, true);
    s = term_read(&t);
    ck_assert_str_eq(s, "");
    free(s);
    term_close(&t);
}
END_TEST

START_TEST(delay)
{
    unsetenv("PLANC_PROGRESS");
    unsetenv("PLANC_PROGRESS_DELAY_MS");
    term t;
    term_open(&t);
    show(t.out, false);     /* 0.25 s: shorter than the default delay */
    char *s = term_read(&t);
    ck_assert_str_eq(s, "");
    free(s);
    term_close(&t);
}
END_TEST

START_TEST(pipe_and_forced)
{
    setenv("PLANC_PROGRESS_DELAY_MS", "0", 1);
    unsetenv("PLANC_PROGRESS");
    pf_capture c;
    FILE *f = pf_cap_open(&c);
    ck_assert(!progress_wanted(f, false));
    show(f, false);
    ck_assert_str_eq(pf_cap_text(&c), "");
    pf_cap_free(&c);

    setenv("PLANC_PROGRESS", "always", 1);
    f = pf_cap_open(&c);
    show(f, false);
    ck_assert(strstr(pf_cap_text(&c), "\rplanc: read 7 rows"));
    pf_cap_free(&c);
    f = pf_cap_open(&c);
    show(f, true);          /* --quiet still wins */
    ck_assert_str_eq(pf_cap_text(&c), "");
    pf_cap_free(&c);
    unsetenv("PLANC_PROGRESS");
}
END_TEST

/* A run through the counting engine: the rows read while loading and the
 * rows scored, with the same results as without it. */
START_TEST(counts_a_run)
{
    setenv("PLANC_PROGRESS", "always", 1);
    setenv("PLANC_PROGRESS_DELAY_MS", "0", 1);
    pfx x;
    pf_compile(&x, small_plan, false);
    pf_capture c;
    FILE *f = pf_cap_open(&c);
    progress *pg = progress_start(f, false);
    x.t = rt_table_parse(x.p, "data.csv", small_data, strlen(small_data), NULL, stderr);
    ck_assert_ptr_nonnull(x.t);
    progress_set_total(pg, rt_table_nrows(x.t));
    const exec_engine *e = progress_engine(pg, interp_engine(), x.p);
    ck_assert_ptr_ne(e, interp_engine());
    x.r = rt_run(x.p, x.t, e, stderr);
    ck_assert_ptr_nonnull(x.r);
    usleep(250000);
    progress_stop(pg);
    const char *s = pf_cap_text(&c);
    ck_assert_msg(strstr(s, "\rplanc: read 12 rows, scored 12 of 12 (100%)"), "%s", s);

    /* the same statuses as the plain interpreter */
    rt_result *plain = rt_run(x.p, x.t, interp_engine(), stderr);
    for (uint32_t i = 0; i < x.p->ntargets; i++)
        for (size_t row = 0; row < rt_table_nrows(x.t); row++)
            ck_assert_double_eq(rt_result_column(plain, x.p->targets[i].status)[row],
                                rt_result_column(x.r, x.p->targets[i].status)[row]);
    rt_result_free(plain);
    pf_cap_free(&c);
    pf_free(&x);

    /* not shown: the engine is the inner one */
    unsetenv("PLANC_PROGRESS");
    f = pf_cap_open(&c);
    pg = progress_start(f, false);
    ck_assert_ptr_eq(progress_engine(pg, interp_engine(), NULL), interp_engine());
    progress_stop(pg);
    pf_cap_free(&c);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("progress");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, terminal);
    tcase_add_test(tc, delay);
    tcase_add_test(tc, pipe_and_forced);
    tcase_add_test(tc, counts_a_run);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
