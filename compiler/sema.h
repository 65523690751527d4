/* sema.h — the checker: names, units and dimensions, years, weights.
 *
 * sema_check resolves every name of a parsed program, computes the unit of
 * every expression (converting constants at compile time), and checks the
 * rules of docs/LANGUAGE.md, reporting each error through the diag context.
 * Its result is what lower.c turns into IR. */
#ifndef PLANC_SEMA_H
#define PLANC_SEMA_H

#include "arena.h"
#include "ast.h"
#include "diag.h"

typedef struct sema_model sema_model;

/* Checks `prog`; returns the resolved model (valid only if no error was
 * reported: check diag_errors(d)). */
sema_model *sema_check(arena *a, diag_ctx *d, ast_program *prog);

/* Checked expression e as its source writes it, with each name of an
 * indicator an adaptation renamed (`override indicator OLD as NEW`, whose
 * uses in the base now name NEW) written as NEW: a base's `PM25 <= 35`
 * reads `细颗粒物浓度 <= 35`, as the program names the indicator (planc
 * explain, planc diff).  In arena a. */
const char *sema_expr_source(arena *a, const diag_ctx *d, const ast_expr *e);

#endif
