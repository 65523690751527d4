/* pipeline.h — one compilation of the rules (pipeline.c). */
#ifndef PLANC_PIPELINE_H
#define PLANC_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "ir.h"
#include "sema.h"

/* One compilation: its arena, diagnostics, each pass's result, and the
 * wall-clock time of each pass in milliseconds (for --timings). */
typedef struct compilation {
    arena arena;
    diag_ctx diag;
    int file;
    ast_program *ast;
    sema_model *model;
    ir_program *ir;
    double t_parse, t_check, t_lower;
    bool explained;         /* lower with lower_program_explained (planc explain) */
    bool ir_only;           /* keep only the program (ir_copy): the syntax
                               tree and the checked model are freed */
    bool reading;           /* the rules a data file is read with (--read-with) */
    const char *root;       /* the rules tree (--root), or NULL */
    char **rules_names;     /* [diag.nfiles]: each rules file's name in the
                               rules manifest (rules_names), malloc'd */
    size_t nrules_names;    /* the rules files: diag's first files; the
                               --set texts come after them */
    const char *const *settings; /* --set NAME=VALUE, nsettings of them */
    size_t nsettings;
    /* the periods a --set gave other years (set_period), in the arena:
     * named after the errors the checker then finds (set_periods_note) */
    struct set_period_info {
        span sp;          /* the --set text's NAME=FROM..TO */
        const char *name;
        int from, to;     /* as --set gives them */
        int was_from, was_to; /* as the plan gives them */
    } *set_periods;
    size_t nset_periods;
    /* the diagnostics printed, when diag.seen points here: planc run's and
     * explain's rules, then the rules their data files are read with
     * (pl_compile_readers), each printed once (a base both import) */
    diag_seen seen;
} compilation;

/* Milliseconds on the monotonic clock. */
double pl_now_ms(void);

/* compile_rules, with the last JSON diagnostic written out (diag.h
 * holds one awaiting its notes): the data's and the run's messages come
 * after it, as they do in the text. */
int pl_compile(compilation *c, const char *path);

void pl_compilation_init(compilation *c);

void pl_compilation_free(compilation *c);

/* The rules manifest and its SHA-256, the rules' hash (docs/OUTPUT.md
 * §5): a line "HEX  NAME\n" per file the compilation read, in the order
 * read, HEX the SHA-256 of the file's bytes and NAME its name
 * (rules_names) -- what `sha256sum NAME...` prints in the rules file's
 * directory.  Renaming a file, or moving text from one file to another,
 * changes the hash.  Returns the manifest, malloc'd. */
char *pl_rules_hash(const compilation *c, char hex[65]);

/* Compiles the rules each data file datas[i] is read with (--read-with;
 * withs[i] NULL: the scored rules p), into cs[0..n); *progs gets n
 * programs, NULL where there is none.  Returns an exit code (EXIT_RULES
 * when a file's rules have errors, or do more than change how the file
 * is read (reader_fits): printed at their lines).  seen, when not NULL,
 * is the set of the diagnostics printed before (diag_seen): one a file
 * both the scored rules and a reading's import draws is not said again. */
int pl_compile_readers(const char **withs, const char **datas, size_t n, const ir_program *p,
                       lbl_lang lang, diag_seen *seen, compilation *cs, const ir_program **progs);

/* Frees what pl_compile_readers made. */
void pl_free_readers(compilation *cs, size_t n);

#endif
