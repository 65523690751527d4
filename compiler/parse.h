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

/* Parses file `file` of d as the NAME = VALUE of a `planc run --set`
 * (docs/LANGUAGE.md §4, Values set on the command line): a name and a
 * constant expression, as a `values` row writes them (*value), or the
 * years of a period, `十四五=2021..2025`, as the plan writes them
 * (*period, its name set; *value NULL).  Reports a syntax error through
 * d, located in the file, and returns false then; else true. */
bool parse_setting(arena *a, diag_ctx *d, int file, ast_name *name, ast_expr **value,
                   ast_period *period);

#endif
