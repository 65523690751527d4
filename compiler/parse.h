/* parse.h — the front end: the flex scanner and the bison parser
 * (grammar/lexer.l, grammar/parser.y) turn one source file into an AST. */
#ifndef PLANC_PARSE_H
#define PLANC_PARSE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* Parses file `file` (a diag_ctx file id).  Every lexical and syntax error of
 * the file is reported through `d`; the parser recovers at declaration
 * boundaries, so the returned program holds every declaration that parsed.
 * Never returns NULL. */
ast_program *parse_file(arena *a, diag_ctx *d, int file);

#endif
