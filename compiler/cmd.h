/* cmd.h — planc's commands, each one's cmd_ function: its arguments are
 * the command line's after the command's name; it returns the exit code
 * (cli.h). */
#ifndef PLANC_CMD_H
#define PLANC_CMD_H


/* planc check [--dump-ast] [--dump-ir] [--origins] FILE... */
int cmd_check(int argc, char **argv);

/* planc test RULES [--all]: the rules file's tests, and with --all those of
 * the files it imports or extends, run on this program (docs/LANGUAGE.md
 * §15). */
int cmd_test(int argc, char **argv);

/* planc emit-llvm RULES [--O0] */
int cmd_emit_llvm(int argc, char **argv);

/* planc run RULES --data CSV... [-o OUT]... [--engine auto|jit|interp] [-j N]
 *           [--no-cache] [--timings] */
int cmd_run(int argc, char **argv);

/* planc explain RULES --data CSV... --region R [--year Y] [--target NAME]
 *               [--format text|json] */
int cmd_explain(int argc, char **argv);

/* planc history DB [--full]: the runs the database holds. */
int cmd_history(int argc, char **argv);

/* planc compare DB RUN_A RUN_B, and DB RUN [RUN_B] --year A
 * --against-year B: one year's rows against another's. */
int cmd_compare(int argc, char **argv);

/* planc verify DB RUN [RULES] [--data CSV [--read-with RULES]]... [--output
 * FILE]...: the files against what the run recorded (verify.h).  A
 * command of its own, as compare is (a database and a run, then what to
 * hold against it), not an option of history, which lists runs: its exit
 * code says whether the files are the run's. */
int cmd_verify(int argc, char **argv);

/* planc restore DB RUN DIR: the rules files run RUN read, written into a
 * new directory DIR (restore.h), checked against the run's hashes first.
 * A command of its own beside verify: verify checks the files an auditor
 * holds, restore gives back those the history keeps. */
int cmd_restore(int argc, char **argv);

/* planc template RULES [--region R]... [--years A-B] [--list] [-o OUT]:
 * the blank data file of the rules' columns for the chosen regions
 * (template.h), or the list of its columns; with --check FILE [--check
 * FILE]..., the files filled in, checked as planc run reads them. */
int cmd_template(int argc, char **argv);

/* planc diff OLD NEW [--format text|json]: both are checked (each in its
 * own compilation), then compared (diff.h). */
int cmd_diff(int argc, char **argv);

#endif
