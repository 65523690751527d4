/* pipeline.c — one compilation of the rules (QBE's main.c shows its
 * pipeline in one place; so does compile_rules): read and parse the file
 * and its imports, apply --set, check, lower; and the rules --read-with
 * names for a data file. */
#include "pipeline.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "ast.h"
#include "csv.h"
#include "diag.h"
#include "import.h"
#include "ir.h"
#include "lower.h"
#include "model.h"
#include "msgcat.h"
#include "parse.h"
#include "rtmem.h"
#include "sema.h"
#include "sha256.h"
#include "manifest.h"
#include "cli.h"
#include "cliopt.h"

/* Milliseconds on the monotonic clock. */
double pl_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The path of the file `file` relative to the directory `dir`, both real
 * paths (absolute, without "." or ".." or links): "lib/a.plan", or
 * "../common/b.plan" for a file beside dir.  malloc'd. */
static char *relative_path(const char *dir, const char *file)
{
    size_t n = strlen(dir), ups = 0;
    /* dir[0..n) is a directory; step up until file is below it (n == 1:
     * the root, which every file is below) */
    while (n > 1 && !(strncmp(file, dir, n) == 0 && file[n] == '/')) {
        do
            n--;
        while (n > 0 && dir[n] != '/');
        if (n == 0)
            n = 1;
        ups++;
    }
    const char *rest = file + (n == 1 ? 1 : n + 1);
    char *out = malloc(3 * ups + strlen(rest) + 1);
    if (!out) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    out[0] = '\0';
    for (size_t i = 0; i < ups; i++)
        strcat(out, "../");
    strcat(out, rest);
    return out;
}

/* Names each rules file the compilation read, for the rules manifest
 * (pl_rules_hash): its path relative to the directory of the rules file
 * given on the command line, links followed ("main.plan", "lib/a.plan"),
 * so that the same tree gives the same names from any directory.  A file
 * whose real path is unknown keeps the name it was shown with. */
static void rules_names(compilation *c)
{
    const ast_program *prog = c->ast;
    size_t n = c->diag.nfiles;
    c->rules_names = calloc(n ? n : 1, sizeof *c->rules_names);
    if (!c->rules_names) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    c->nrules_names = n;
    const char *top = prog->modules[0].real;
    char *dir = NULL;
    if (top && top[0] == '/') {
        const char *slash = strrchr(top, '/');
        size_t len = slash == top ? 1 : (size_t)(slash - top);
        dir = strndup(top, len);
    }
    for (size_t f = 0; f < n; f++) {
        int32_t m = f < prog->nfiles ? prog->file_module[f] : -1;
        const char *real = m >= 0 ? prog->modules[m].real : NULL;
        c->rules_names[f] = dir && real && real[0] == '/' ? relative_path(dir, real)
                                                          : strdup(c->diag.files[f].name);
    }
    free(dir);
}

/* The rules a data file is read with (--read-with) pair their indicators
 * with the scored rules' by name: an indicator they rename (`override
 * indicator OLD as NEW`) would be one the scored rules lack, and OLD's
 * cells missing.  An error at each such rename of the reading's own file
 * (the renames of the rules it extends are the scored rules' too); a
 * warning at each column it replaces by a formula or values, which the
 * data reader does not compute. */
static void reading_renames(compilation *c)
{
    for (uint32_t i = 0; i < c->ast->nedits; i++) {
        const ast_origin *o = c->ast->edits[i];
        if (o->kind != ORIGIN_RENAMED || o->item != IT_INDICATOR || !o->name || !o->new_name ||
            o->edit.file >= c->ast->nfiles || c->ast->file_module[o->edit.file] != 0)
            continue;
        diag_error(&c->diag, o->edit, "rules a data file is read with (--read-with) cannot rename indicator '%s'",
                   o->name);
        diag_hint(&c->diag, "they pair each indicator with the scored rules' by its name: give '%s' the file's "
                            "column without renaming it ('override indicator %s, column \"...\"')",
                  o->name, o->name);
    }
    /* a formula or values table of the reading's own is not evaluated: the
     * file's rows give the scored rules columns, and the indicator has none */
    for (uint32_t i = 0; i < c->ast->ndecls; i++) {
        const ast_decl *d = c->ast->decls[i];
        if (d->kind != D_INDICATOR || !d->base || !d->base->u.ind.column || d->u.ind.column ||
            !d->origin || d->origin->edit.file >= c->ast->nfiles ||
            c->ast->file_module[d->origin->edit.file] != 0)
            continue;
        const char *nm = d->u.ind.name.s ? d->u.ind.name.s : "?";
        if (d->u.ind.formula)
            diag_warning(&c->diag, WARN_READ_WITH_COMPUTED, d->origin->edit,
                         "rules a data file is read with (--read-with) give indicator '%s' a formula, which "
                         "reading a file does not compute: its cells of the file are missing", nm);
        else
            diag_warning(&c->diag, WARN_READ_WITH_COMPUTED, d->origin->edit,
                         "rules a data file is read with (--read-with) give indicator '%s' values, which "
                         "reading a file does not use: its cells of the file are missing", nm);
        diag_hint(&c->diag, "a reading gives each indicator the file's column ('override indicator %s, column "
                            "\"...\"'); a quantity the file lacks is computed by the scored rules",
                  nm);
    }
}

/* The program copied into an arena of its own, and the rest of the
 * compilation (its syntax tree and checked model: for a plan of many
 * regions most of its memory) freed before any data is read. */
static void keep_ir_only(compilation *c)
{
    arena ir_arena;
    arena_init(&ir_arena);
    c->ir = ir_copy(&ir_arena, c->ir);
    arena_free(&c->arena);
    c->arena = ir_arena;
    c->ast = NULL;
    c->model = NULL;
}

/* The indicators that `values { ... }` gives, for a --set that names
 * another: "A, B, C" (at most 8, then ", ..."), "" for none; malloc'd. */
static char *settable_names(const ast_program *p)
{
    char *buf = NULL;
    size_t len = 0, n = 0;
    FILE *f = cli_memstream(&buf, &len);
    for (uint32_t i = 0; i < p->ndecls; i++) {
        const ast_decl *d = p->decls[i];
        if (d->kind != D_INDICATOR || !d->u.ind.values)
            continue;
        if (n++ == 8) {
            fputs(", ...", f);
            break;
        }
        fprintf(f, "%s%s", n > 1 ? ", " : "", d->u.ind.name.s);
    }
    fclose(f);
    return buf;
}

/* The plan's period called `name`, or NULL. */
static ast_period *plan_period(const ast_program *p, const char *name)
{
    for (uint32_t i = 0; i < p->ndecls; i++) {
        const ast_decl *d = p->decls[i];
        if (d->kind != D_PLAN)
            continue;
        for (uint32_t k = 0; k < d->u.plan.nperiods; k++)
            if (d->u.plan.periods[k].name.s && strcmp(d->u.plan.periods[k].name.s, name) == 0)
                return &d->u.plan.periods[k];
    }
    return NULL;
}

/* The plan's periods with their years, for a --set that names none of
 * them: "十四五 (2021..2025), 十五五 (2026..2030)" (at most 8, then ", ..."),
 * "" for none; malloc'd. */
static char *period_names(const ast_program *p)
{
    char *buf = NULL;
    size_t len = 0, n = 0;
    FILE *f = cli_memstream(&buf, &len);
    for (uint32_t i = 0; i < p->ndecls && n <= 8; i++) {
        const ast_decl *d = p->decls[i];
        if (d->kind != D_PLAN)
            continue;
        for (uint32_t k = 0; k < d->u.plan.nperiods; k++) {
            const ast_period *v = &d->u.plan.periods[k];
            if (!v->name.s)
                continue;
            if (n++ == 8) {
                fputs(", ...", f);
                break;
            }
            fprintf(f, "%s%s (%d..%d)", n > 1 ? ", " : "", v->name.s, v->from, v->to);
        }
    }
    fclose(f);
    return buf;
}

/* The plan's baseline and horizon (0 when it has none). */
static void plan_years(const ast_program *p, int *baseline, int *horizon)
{
    *baseline = *horizon = 0;
    for (uint32_t i = 0; i < p->ndecls; i++)
        if (p->decls[i]->kind == D_PLAN) {
            *baseline = p->decls[i]->u.plan.has_baseline ? p->decls[i]->u.plan.baseline : 0;
            *horizon = p->decls[i]->u.plan.has_horizon ? p->decls[i]->u.plan.horizon : 0;
        }
}

/* A --set of a period's years (`考核期=2016..2020`, text): the plan's
 * period of that name takes them, so that every deadline written with
 * it (`by 考核期`) and every values row `in 考核期` moves with it.  They
 * must end after the baseline and no later than the horizon, as a
 * deadline must (the checker's errors would otherwise point at the
 * targets).  done/done_sp[0..k) are the earlier settings' (the period
 * cast to a declaration pointer), for one given twice.  Returns false
 * after an error. */
static bool set_period(compilation *c, const ast_period *v, const char *text, const void **done,
                       span *done_sp, size_t k)
{
    ast_period *p = plan_period(c->ast, v->name.s);
    for (uint32_t i = 0; !p && i < c->ast->ndecls; i++) {
        const ast_decl *d = c->ast->decls[i];
        if (d->kind == D_INDICATOR && d->u.ind.name.s && strcmp(d->u.ind.name.s, v->name.s) == 0) {
            diag_error(&c->diag, v->sp, "'%s' is an indicator, not a period: give it one value ('%s=35')",
                       v->name.s, v->name.s);
            return false;
        }
    }
    if (!p) {
        diag_error(&c->diag, v->name.sp, "no period '%s' in the plan for --set to change", v->name.s);
        diag_hint(&c->diag, "'--set NAME=FROM..TO' gives the years of a period of the plan's 'periods'; "
                            "'--set NAME=VALUE' the value of an indicator given by 'values { ... }'");
        char *names = period_names(c->ast);
        if (*names)
            diag_hint(&c->diag, "the plan's periods: %s", names);
        else
            diag_hint(&c->diag, "the plan declares no periods");
        free(names);
        return false;
    }
    if (!v->from || !v->to) /* the parser reported the year */
        return false;
    int baseline, horizon;
    plan_years(c->ast, &baseline, &horizon);
    span years = {v->sp.file, v->name.sp.hi, v->sp.hi};
    while (years.lo < years.hi && (text[years.lo] == '=' || text[years.lo] == ' '))
        years.lo++;
    if (v->from > v->to) {
        diag_error(&c->diag, years, "period '%s' ends (%d) before it starts (%d)", v->name.s, v->to, v->from);
        return false;
    }
    if (horizon && v->to > horizon) {
        diag_error(&c->diag, years, "period '%s' would end in %d, after the plan's horizon %d: a deadline "
                                    "'by %s' must be no later", v->name.s, v->to, horizon, v->name.s);
        return false;
    }
    if (baseline && v->to <= baseline) {
        diag_error(&c->diag, years, "period '%s' would end in %d, not after the plan's baseline %d: a "
                                    "deadline 'by %s' must come after it", v->name.s, v->to, baseline,
                   v->name.s);
        return false;
    }
    for (size_t j = 0; j < k; j++)
        if (done[j] == (const void *)p) {
            diag_error(&c->diag, v->name.sp, "--set gives period '%s' twice", v->name.s);
            diag_note(&c->diag, done_sp[j], "it is given here first");
            return false;
        }
    done[k] = p;
    done_sp[k] = v->name.sp;
    if (!c->set_periods)
        c->set_periods = arena_alloc(&c->arena, c->nsettings * sizeof *c->set_periods);
    c->set_periods[c->nset_periods++] = (struct set_period_info){
        .sp = v->sp, .name = v->name.s, .from = v->from, .to = v->to, .was_from = p->from, .was_to = p->to};
    p->from = v->from;
    p->to = v->to;
    p->sp = v->sp;
    return true;
}

/* After the checker found errors in rules a --set gave a period other
 * years: a note at each such --set saying so, with the plan's own years.
 * The errors are the rules' (exit 1), at the rules' lines, but one the
 * years cause (a deadline before a target's baseline, two `values` rows
 * `in` periods that now overlap) names years the rules do not write. */
static void set_periods_note(compilation *c)
{
    if (diag_errors(&c->diag) <= c->diag.ncmdline_errors)
        return;
    for (size_t i = 0; i < c->nset_periods; i++) {
        const struct set_period_info *v = &c->set_periods[i];
        diag_note(&c->diag, v->sp, "the rules were checked with period '%s' as --set gives it, %d..%d "
                                   "(the plan gives %d..%d)",
                  v->name, v->from, v->to, v->was_from, v->was_to);
    }
}

/* Applies the --set NAME=VALUE texts of the command line to the program
 * read (docs/LANGUAGE.md §4, Values set on the command line): each is a
 * file of its own in c->diag, named "--set", so that its errors point
 * into it; NAME must be an indicator given by `values { ... }`, whose
 * table becomes the one row `else = VALUE` (every region, every year),
 * or a period of the plan, given FROM..TO (set_period).  The checker
 * then checks VALUE as it checks a row it reads in the rules (its
 * dimension).  Returns false after an error. */
static bool apply_settings(compilation *c)
{
    const void **done = calloc(c->nsettings + 1, sizeof *done);
    span *done_sp = calloc(c->nsettings + 1, sizeof *done_sp);
    if (!done || !done_sp) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    bool ok = true;
    for (size_t k = 0; k < c->nsettings; k++) {
        const char *text = c->settings[k];
        int file = diag_add_text(&c->diag, "--set", text, strlen(text));
        if (file < 0) {
            ok = false;
            continue;
        }
        c->diag.files[file].cmdline = true;
        ast_name name;
        ast_expr *value;
        ast_period period;
        if (!parse_setting(&c->arena, &c->diag, file, &name, &value, &period)) {
            diag_hint(&c->diag, "write --set NAME=VALUE: NAME an indicator given by 'values { ... }' in "
                                "the rules, VALUE a constant as a row of its table writes it (PM25目标=30, "
                                "PM25目标=30 [μg/m^3], 达标率目标=80%%); or NAME a period of the plan, VALUE "
                                "its years (考核期=2016..2020)");
            ok = false;
            continue;
        }
        if (name.qual) {
            /* one namespace of indicators: a module's name would be
             * one more thing to get wrong, and to check */
            diag_error(&c->diag, name.sp, "--set names an indicator by its name alone: write '%s'", name.s);
            ok = false;
            continue;
        }
        if (!value) {
            ok = set_period(c, &period, text, done, done_sp, k) && ok;
            continue;
        }
        ast_decl *ind = NULL;
        if (plan_period(c->ast, name.s)) {
            diag_error(&c->diag, value->sp, "'%s' is a period: give its years, as the plan does ('%s=%d..%d')",
                       name.s, name.s, plan_period(c->ast, name.s)->from, plan_period(c->ast, name.s)->to);
            ok = false;
            continue;
        }
        for (uint32_t i = 0; i < c->ast->ndecls && !ind; i++) {
            ast_decl *d = c->ast->decls[i];
            if (d->kind == D_INDICATOR && d->u.ind.name.s && strcmp(d->u.ind.name.s, name.s) == 0)
                ind = d;
        }
        if (!ind) {
            diag_error(&c->diag, name.sp, "no indicator '%s' in the rules for --set to change", name.s);
            char *names = settable_names(c->ast);
            if (*names)
                diag_hint(&c->diag, "--set changes an indicator given by 'values { ... }': %s", names);
            else
                diag_hint(&c->diag, "--set changes an indicator given by 'values { ... }', and the rules "
                                    "have none: write the goal to vary as one ('indicator NAME : UNIT, "
                                    "values { else = 35 }', and the target '<= NAME')");
            free(names);
            ok = false;
            continue;
        }
        if (!ind->u.ind.values) {
            diag_error(&c->diag, name.sp, "--set cannot change indicator '%s': it is %s, not given by "
                                          "'values { ... }'",
                       name.s, msgcat_get(c->diag.lang, ind->u.ind.formula ? "a formula" : "read from the data"));
            /* an override that took the base's values away (or gave a
             * formula a column, or the other way) made it so: the note
             * is at the override, not at the base's declaration */
            const ast_decl *b = ind->base;
            if (ind->origin && ind->origin->edit.hi && b && b->kind == D_INDICATOR &&
                (b->u.ind.values || !b->u.ind.formula != !ind->u.ind.formula))
                diag_note(&c->diag, ind->origin->edit, "the override here makes '%s' %s", name.s,
                          msgcat_get(c->diag.lang, ind->u.ind.formula ? "a formula" : "read from the data"));
            else
                diag_note(&c->diag, ind->u.ind.name.sp, "'%s' is declared here", name.s);
            ok = false;
            continue;
        }
        size_t j = 0;
        while (j < k && done[j] != ind)
            j++;
        if (j < k) {
            diag_error(&c->diag, name.sp, "--set gives indicator '%s' twice", name.s);
            diag_note(&c->diag, done_sp[j], "it is given here first");
            ok = false;
            continue;
        }
        done[k] = ind;
        done_sp[k] = name.sp;
        ast_valrow *row = arena_alloc(&c->arena, sizeof *row);
        memset(row, 0, sizeof *row);
        row->is_else = true;
        row->from_set = true;
        row->else_sp = name.sp;
        row->value = value;
        row->sp = ast_join(name.sp, value->sp);
        /* where the value comes from, as a row's note says it: explain,
         * the workbook's sources sheet and the page's sources show it.
         * NAME=VALUE as the text writes the two, without the spaces, the
         * comment or the line end around them (a CR a Windows script
         * left printed raw in explain), a control character inside as a
         * space; the data options keep the text as given. */
        size_t nlen = name.sp.hi - name.sp.lo, vlen = value->sp.hi - value->sp.lo;
        size_t nl = strlen("--set ") + nlen + 1 + vlen + 1;
        char *note = arena_alloc(&c->arena, nl);
        snprintf(note, nl, "--set %.*s=%.*s", (int)nlen, text + name.sp.lo, (int)vlen, text + value->sp.lo);
        for (char *q = note; *q; q++)
            if ((unsigned char)*q < 0x20 || *q == 0x7f)
                *q = ' ';
        row->note = note;
        ind->u.ind.values = row;
        ind->u.ind.nvalues = 1;
    }
    free(done);
    free(done_sp);
    return ok;
}

/* The exit code of a compilation that reported errors: 2 when each was
 * in a --set (the command line's mistake), else 1. */
static int errors_exit(const compilation *c)
{
    return c->diag.ncmdline_errors > 0 && c->diag.ncmdline_errors == diag_errors(&c->diag) ? EXIT_USAGE
                                                                                            : EXIT_RULES;
}

/* Parse -> check -> lower one rules file.  Returns EXIT_OK or EXIT_RULES.
 * The checker also runs on what parsed after syntax errors (the parser
 * recovers at declaration boundaries), so one run reports the mistakes of
 * every kind; lowering runs only on a clean program. */
static int compile_rules(compilation *c, const char *path)
{
    double t0 = pl_now_ms();
    c->ast = import_load(&c->arena, &c->diag, path, c->root); /* the file and what it imports */
    /* `planc run data.csv --data rules.plan`, `planc check data.csv`: a
     * table read as rules stops at its first comma; say what it is */
    if (diag_errors(&c->diag) && c->ast->nmodules > 0 && cliopt_names_data_file(path))
        diag_hint(&c->diag, "'%s' is named as a data file, not a rules file: the rules come first and the data "
                            "after --data (planc run RULES --data '%s'); planc template RULES --check '%s' checks a "
                            "data file",
                  path, path, path);
    if (c->ast->nmodules == 0)
        return EXIT_RULES;
    c->file = (int)c->ast->modules[0].file;
    rules_names(c);
    if (c->nsettings && !diag_errors(&c->diag) && !apply_settings(c))
        return errors_exit(c);
    double t1 = pl_now_ms();
    c->model = sema_check(&c->arena, &c->diag, c->ast);
    set_periods_note(c);
    if (c->reading)
        reading_renames(c);
    if (!diag_errors(&c->diag))
        diag_allow_unused(&c->diag); /* the rules' warnings are all given */
    double t2 = pl_now_ms();
    c->t_parse = t1 - t0;
    c->t_check = t2 - t1;
    if (diag_errors(&c->diag))
        return errors_exit(c);
    c->ir = c->explained ? lower_program_explained(&c->arena, &c->diag, c->model)
                         : lower_program(&c->arena, &c->diag, c->model);
    if (diag_errors(&c->diag)) {
        c->t_lower = pl_now_ms() - t2;
        return EXIT_RULES;
    }
    if (c->ir_only)
        keep_ir_only(c);
    c->t_lower = pl_now_ms() - t2;
    return EXIT_OK;
}

/* compile_rules, with the last JSON diagnostic written out (diag.h
 * holds one awaiting its notes): the data's and the run's messages come
 * after it, as they do in the text. */
int pl_compile(compilation *c, const char *path)
{
    int rc = compile_rules(c, path);
    diag_flush(&c->diag);
    return rc;
}

void pl_compilation_init(compilation *c)
{
    memset(c, 0, sizeof *c);
    c->file = -1;
    c->root = cli_rules_root;
    arena_init(&c->arena);
    diag_init(&c->diag, stderr);
    diag_set_json(&c->diag, cli_diag_opts.json);
    c->diag.no_warnings = cli_diag_opts.no_warnings;
}

void pl_compilation_free(compilation *c)
{
    for (size_t i = 0; i < c->nrules_names; i++)
        free(c->rules_names[i]);
    free(c->rules_names);
    diag_seen_free(&c->seen);
    diag_dispose(&c->diag);
    arena_free(&c->arena);
}

/* The rules manifest and its SHA-256, the rules' hash (docs/OUTPUT.md
 * §5): a line "HEX  NAME\n" per file the compilation read, in the order
 * read, HEX the SHA-256 of the file's bytes and NAME its name
 * (rules_names) -- what `sha256sum NAME...` prints in the rules file's
 * directory.  Renaming a file, or moving text from one file to another,
 * changes the hash.  Returns the manifest, malloc'd. */
char *pl_rules_hash(const compilation *c, char hex[65])
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = cli_memstream(&text, &len);
    for (size_t i = 0; i < c->nrules_names; i++) { /* not the --set texts */
        sha256_ctx h;
        char fhex[65];
        sha256_init(&h);
        sha256_update(&h, c->diag.files[i].text, c->diag.files[i].len);
        sha256_hex(&h, fhex);
        manifest_put(m, fhex, i < c->nrules_names ? c->rules_names[i] : c->diag.files[i].name);
    }
    if (fclose(m) != 0) {
        csv_message(stderr, "planc: error: out of memory\n");
        exit(EXIT_INTERNAL);
    }
    sha256_ctx h;
    sha256_init(&h);
    sha256_update(&h, text, len);
    sha256_hex(&h, hex);
    return text;
}

/* Orders region names (qsort, bsearch over const char *). */
static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether the rules `rc` (a --read-with reading of data file `data`)
 * only change how the file is read for scored program p: each region they
 * declare is one of p's, and each indicator p reads from a column has p's
 * unit there (its column may have another: its cells are converted).  An
 * error at the reading's own line for each other (in its language); false
 * then. */
static bool reader_fits(compilation *rc, const ir_program *p, const char *data)
{
    const sema_model *m = rc->model;
    bool ok = true;
    const char **names = rt_xcalloc(p->nregions ? p->nregions : 1, sizeof *names);
    for (uint32_t g = 0; g < p->nregions; g++)
        names[g] = p->regions[g].name;
    qsort(names, p->nregions, sizeof *names, name_cmp);
    for (uint32_t g = 0; g < m->nregions; g++) {
        const char *name = m->regions[g].name;
        if (bsearch(&name, names, p->nregions, sizeof *names, name_cmp))
            continue;
        diag_error(&rc->diag, m->regions[g].sp,
                   "region '%s' is not one of the rules scored (plan %s): the rules a data file is read "
                   "with (--read-with, here for '%s') may change how it is read (its keys, columns, units, "
                   "maps and aliases) only", name, p->plan, data);
        ok = false;
    }
    free(names);
    /* a cell is converted from its column's unit into its indicator's,
     * then taken as the scored indicator's: another unit for the
     * indicator itself (`override indicator PM25 : mg/m^3`) would read it
     * 1000 times too small or large */
    for (uint32_t i = 0; i < m->ninds; i++) {
        const sema_indicator *ind = &m->inds[i];
        const ir_column *c = NULL;
        for (uint32_t k = 0; k < p->ncolumns && !c; k++)
            if (p->columns[k].indicator && strcmp(p->columns[k].indicator, ind->name) == 0)
                c = &p->columns[k];
        const char *u = ind->unit ? unit_name(ind->unit) : "";
        if (!c || ind->column < 0 || strcmp(u, c->indicator_unit ? c->indicator_unit : "") == 0)
            continue;
        const ast_decl *d = ind->decl;
        span sp = d && d->u.ind.unit ? d->u.ind.unit->sp : ind->sp;
        diag_error(&rc->diag, sp,
                   "indicator '%s' is in '%s' here, in '%s' in the rules scored (plan %s): the rules a data "
                   "file is read with give the unit of its column ('column \"%s\" in %s'), and its cells "
                   "are converted", ind->name, u, c->indicator_unit, p->plan,
                   ind->column >= 0 && (uint32_t)ind->column < m->ncolumns ? m->columns[ind->column].name : c->name, u);
        ok = false;
    }
    return ok;
}

/* Compiles the rules each data file datas[i] is read with (--read-with;
 * withs[i] NULL: the scored rules p), into cs[0..n); *progs gets n
 * programs, NULL where there is none.  Returns an exit code (EXIT_RULES
 * when a file's rules have errors, or do more than change how the file
 * is read (reader_fits): printed at their lines). */
int pl_compile_readers(const char **withs, const char **datas, size_t n, const ir_program *p,
                       lbl_lang lang, diag_seen *seen, compilation *cs, const ir_program **progs)
{
    for (size_t i = 0; i < n; i++) {
        pl_compilation_init(&cs[i]);
        progs[i] = NULL;
    }
    int rc = EXIT_OK;
    for (size_t i = 0; i < n; i++) {
        if (!withs[i])
            continue;
        cs[i].reading = true;
        cs[i].diag.lang = lang; /* the model is kept: reader_fits names its lines */
        cs[i].diag.seen = seen;
        int r = pl_compile(&cs[i], withs[i]);
        if (r != EXIT_OK)
            return r;
        if (!reader_fits(&cs[i], p, datas[i]))
            rc = EXIT_RULES;
        diag_flush(&cs[i].diag); /* under JSON, before the data's messages */
        keep_ir_only(&cs[i]);
        progs[i] = cs[i].ir;
    }
    return rc;
}

/* Frees what pl_compile_readers made. */
void pl_free_readers(compilation *cs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pl_compilation_free(&cs[i]);
}
