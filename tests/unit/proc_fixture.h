/* proc_fixture.h — what the process tests (test_proc, test_cleanup) ask
 * of a child: whether it still runs.  Header-only, included once per test
 * program. */
#ifndef PLANC_PROC_FIXTURE_H
#define PLANC_PROC_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

/* Whether process p runs (not gone, not a zombie). */
static bool running(pid_t p)
{
    char path[64], stat[256] = "";
    snprintf(path, sizeof path, "/proc/%d/stat", (int)p);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    if (!fgets(stat, sizeof stat, f))
        stat[0] = '\0';
    fclose(f);
    const char *paren = strrchr(stat, ')');
    return !(paren && paren[1] == ' ' && paren[2] == 'Z');
}

#endif
