/* cliopt.c — a command's options read from a table (cliopt.h). */
#include "cliopt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msgcat.h"

/* Whether s is -h or --help (cliopt.h). */
bool cliopt_is_help(const char *s)
{
    return strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0;
}

/* The row of table `t` that names option a (by its name or its other
 * spelling), or NULL. */
static const cliopt_option *find_option(const cliopt_option *t, const char *a)
{
    for (; t && t->name; t++)
        if (strcmp(a, t->name) == 0 || (t->alias && strcmp(a, t->alias) == 0))
            return t;
    return NULL;
}

/* Whether a names a data file by its ending (cliopt.h). */
bool cliopt_names_data_file(const char *a)
{
    static const char *const ends[] = {".xlsx", ".xlsm", ".csv", ".tsv", ".xls", NULL};
    /* FILE.xlsx#SHEET: a workbook's name before the sheet's */
    const char *sheet = strrchr(a, '#');
    size_t n = sheet ? (size_t)(sheet - a) : strlen(a);
    for (size_t k = 0; ends[k] && (!sheet || k < 2); k++) {
        size_t m = strlen(ends[k]);
        if (n > m && strncasecmp(a + n - m, ends[k], m) == 0)
            return true;
    }
    return false;
}

/* The row of table `t` whose short spelling (an alias "-X") starts
 * argument a, joined to its value as getopt reads it (`-j4`, `-oout.csv`),
 * when the row takes a value; else NULL.  A flag's short spelling has no
 * value to join (`-wx` is no -w). */
static const cliopt_option *find_short_joined(const cliopt_option *t, const char *a)
{
    for (; t && t->name; t++)
        if (t->kind != CLIOPT_FLAG && t->alias && t->alias[0] == '-' && t->alias[1] && t->alias[1] != '-' &&
            !t->alias[2] && strncmp(a, t->alias, 2) == 0 && a[2])
            return t;
    return NULL;
}

/* `-o=x`: the short option of row o joined to a value that starts with
 * '='.  getopt reads it as the value "=x" (a file named `=x`), but no user
 * means that: it is the long option's `--output=x` spelt short.  A usage
 * error naming the argument a and the two spellings meant, `-o x` and
 * `--output=x`; returns its exit code.  `-o=` gives no value at all: the
 * usage error of an option without its value. */
static int short_with_equals(const cliopt_command *c, const cliopt_option *o, const char *a)
{
    const char *fmt = msgcat_tr("'%s': a short option takes its value without '=': write '%s %s' or '%s=%s'");
    const char *v = a + 3;
    if (!*v)
        return c->usage(c->name, "option '%s' needs a value", o->alias);
    int n = snprintf(NULL, 0, fmt, a, o->alias, v, o->name, v);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!text)
        return c->usage(c->name, "%s", msgcat_tr("out of memory"));
    snprintf(text, (size_t)n + 1, fmt, a, o->alias, v, o->name, v);
    int rc = c->usage(c->name, "%s", text);
    free(text);
    return rc;
}

/* Stores option row o, given as `opt` with `value` (NULL for a flag), into
 * the command's struct st.  Returns 0, or the exit code of the usage error
 * written. */
static int store_option(const cliopt_command *c, const cliopt_option *o, void *st, const char *opt,
                        const char *value)
{
    void *where = (char *)st + o->field;
    switch (o->kind) {
    case CLIOPT_FLAG:
        *(bool *)where = true;
        return 0;
    case CLIOPT_STRING:
        *(const char **)where = value;
        return 0;
    case CLIOPT_LIST: {
        cliopt_list *l = where;
        l->v[l->n++] = value;
        return 0;
    }
    case CLIOPT_LANG: {
        cliopt_lang *l = where;
        if (!lbl_parse(value, &l->lang))
            return c->usage(c->name, "unknown language '%s' (available: en, zh)", value);
        l->given = true;
        return 0;
    }
    case CLIOPT_CALL:
        return o->take(c->name, where, opt, value);
    }
    return 0;
}

/* Whether argv[i] gives the option `name` with its value (cliopt.h). */
int cliopt_value_at(const char *name, int argc, char **argv, int i, const char **value)
{
    size_t n = strlen(name);
    if (strncmp(argv[i], name, n) != 0)
        return 0;
    if (argv[i][n] == '=') {
        *value = argv[i] + n + 1;
        return 1;
    }
    if (argv[i][n])
        return 0;
    if (i + 1 >= argc)
        return -1;
    *value = argv[i + 1];
    return 2;
}

/* `--name=value` (cliopt.h), a the argument and eq its first '=': the
 * option `--name` given its value in the same argument, read as `--name
 * value` is, by `more` first and then by the table.  A flag given a value
 * (`--quiet=yes`, `--no-warnings=1`, `--help=x`) is a usage error naming
 * the option; a name neither knows is an unknown option, the argument
 * named whole. */
static cliopt_result parse_joined(const cliopt_command *c, void *st, const char *a, const char *eq)
{
    char name[64]; /* longer than any option's name: then it is none */
    size_t n = (size_t)(eq - a);
    if (n >= sizeof name) {
        c->usage(c->name, "unknown option '%s'", a);
        return CLIOPT_USAGE;
    }
    memcpy(name, a, n);
    name[n] = '\0';
    char *pair[2] = {name, (char *)eq + 1};
    int used = c->more ? c->more(c->name, c->werror_ok, 2, pair, 0) : 0;
    if (used < 0)
        return CLIOPT_USAGE;
    if (used == 2)
        return CLIOPT_OK;
    const cliopt_option *o = used == 0 ? find_option(c->options, name) : NULL;
    if (used == 1 || cliopt_is_help(name) || (o && o->kind == CLIOPT_FLAG)) {
        c->usage(c->name, "option '%s' takes no value", name);
        return CLIOPT_USAGE;
    }
    if (!o) {
        c->usage(c->name, "unknown option '%s'", a);
        return CLIOPT_USAGE;
    }
    if (!eq[1]) {
        c->usage(c->name, "option '%s' is given an empty value", name);
        return CLIOPT_USAGE;
    }
    return store_option(c, o, st, name, eq + 1) == 0 ? CLIOPT_OK : CLIOPT_USAGE;
}

/* The walk over a command's line (cliopt.h): each argument after a `--`,
 * and each that is no option, is one of the command's arguments; an
 * option is read joined to its value (parse_joined), else tried as one of
 * `more`'s options, then as help, then against the table (a short option
 * possibly joined to its value), else it is an unknown option. */
cliopt_result cliopt_parse(const cliopt_command *c, void *st, int argc, char **argv)
{
    cliopt_list *args = (cliopt_list *)((char *)st + c->args);
    bool ended = false; /* after `--`: no argument is an option */
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!ended && strcmp(a, "--") == 0) {
            ended = true;
            continue;
        }
        if (ended || a[0] != '-' || !a[1]) {
            if (c->most && args->n == c->most) {
                /* a data file where the command takes it with --data
                 * (or template's --check, given once a file): say so,
                 * with the option to write */
                if (cliopt_names_data_file(a) && find_option(c->options, "--data"))
                    c->usage(c->name, "unexpected argument '%1$s': a data file is given with --data ('--data %1$s')", a);
                else if (cliopt_names_data_file(a) && find_option(c->options, "--check"))
                    c->usage(c->name,
                             "unexpected argument '%1$s': a data file to check is given with --check, once for each "
                             "file ('--check %1$s')",
                             a);
                else
                    c->usage(c->name, c->too_many, a);
                return CLIOPT_USAGE;
            }
            args->v[args->n++] = a;
            continue;
        }
        const char *eq = a[1] == '-' ? strchr(a, '=') : NULL;
        if (eq) {
            cliopt_result r = parse_joined(c, st, a, eq);
            if (r != CLIOPT_OK)
                return r;
            continue;
        }
        int used = c->more ? c->more(c->name, c->werror_ok, argc, argv, i) : 0;
        if (used < 0)
            return CLIOPT_USAGE;
        if (used > 0) {
            i += used - 1;
            continue;
        }
        if (cliopt_is_help(a))
            return CLIOPT_HELP;
        const cliopt_option *o = find_option(c->options, a);
        const char *value = NULL;
        if (o && o->kind != CLIOPT_FLAG) {
            if (i + 1 >= argc) {
                c->usage(c->name, "option '%s' needs a value", a);
                return CLIOPT_USAGE;
            }
            value = argv[++i];
            if (!*value) {
                c->usage(c->name, "option '%s' is given an empty value", a);
                return CLIOPT_USAGE;
            }
        } else if (!o && (o = find_short_joined(c->options, a)) != NULL) {
            if (a[2] == '=') {
                short_with_equals(c, o, a);
                return CLIOPT_USAGE;
            }
            value = a + 2;
            a = o->alias;
        }
        if (!o) {
            c->usage(c->name, "unknown option '%s'", a);
            return CLIOPT_USAGE;
        }
        if (store_option(c, o, st, a, value) != 0)
            return CLIOPT_USAGE;
    }
    return CLIOPT_OK;
}
