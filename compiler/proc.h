/* proc.h — running another program (the system C compiler) and waiting
 * for it: planc build links its libraries with it (aot.c), and the JIT
 * links the shared objects it keeps in the code cache (jit.c). */
#ifndef PLANC_PROC_H
#define PLANC_PROC_H

/* Most words proc_words splits a command into. */
#define PROC_MAX_WORDS 32

/* Splits `line` in place at spaces and tabs into at most PROC_MAX_WORDS
 * words, argv[0..n); returns n (0 for an empty command). */
int proc_words(char *line, char **argv);

/* Runs argv[0] (searched for in PATH) with the NULL-terminated argv, its
 * standard output and error written to the file `log` (created or
 * truncated, mode 0600), and waits for it to end, or, when timeout_ms is
 * not 0, for at most that long: then it is killed (SIGKILL) and reaped,
 * and *status says so.  Returns 0 when it ran, its wait status in
 * *status; else the errno value of the failure to start it. */
int proc_run(char *const argv[], const char *log, int *status, unsigned timeout_ms);

#endif
