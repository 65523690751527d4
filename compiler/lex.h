/* lex.h — the scanner's interface to the parser (grammar/lexer.l).
 *
 * lex_open prepares to scan one file of a diag context; lex_next returns the
 * next token (a token kind from the generated parser.h, 0 at the end of the
 * file) with its semantic value and its span.  Lexical errors are reported
 * through the diag context as they are met, and scanning goes on. */
#ifndef PLANC_LEX_H
#define PLANC_LEX_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "parser.h"

typedef struct lex_state lex_state;

/* Longest source line accepted, in bytes (docs/LANGUAGE.md §1). */
#define LEX_MAX_LINE (1024 * 1024)

/* Starts scanning file `file` of d; strings and names go into a. */
lex_state *lex_open(arena *a, diag_ctx *d, int file);
/* The next token: its kind (0 at the end), value in *val, span in *loc. */
int lex_next(lex_state *ls, PARSE_STYPE *val, span *loc);
/* True once the scanner has stopped the file (brackets nested deeper than
 * AST_MAX_DEPTH): every later lex_next returns 0. */
bool lex_stopped(const lex_state *ls);
/* Whether the last diagnostic is the scanner's report of a full-width
 * punctuation mark (，：（ ...) it returned as the token at `loc`: the
 * parser, finding that token out of place, then says so in a note on the
 * report ("use ','") instead of a second error. */
bool lex_fullwidth_reported(const lex_state *ls, span loc);
/* Makes every later lex_next return 0 (the parser gave up on the file). */
void lex_stop(lex_state *ls);
void lex_close(lex_state *ls);

#endif
