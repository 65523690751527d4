/* cliopt.c — a command's options read from a table (cliopt.h). */
#include "cliopt.h"

#include <string.h>

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

/* The walk over a command's line (cliopt.h): each argument tried as one of
 * `more`'s options, then as help, then against the table, else as an
 * unknown option or one of the arguments that are no option. */
cliopt_result cliopt_parse(const cliopt_command *c, void *st, int argc, char **argv)
{
    cliopt_list *args = (cliopt_list *)((char *)st + c->args);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
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
        if (o) {
            const char *value = NULL;
            if (o->kind != CLIOPT_FLAG) {
                if (i + 1 >= argc) {
                    c->usage(c->name, "option '%s' needs a value", a);
                    return CLIOPT_USAGE;
                }
                value = argv[++i];
            }
            if (store_option(c, o, st, a, value) != 0)
                return CLIOPT_USAGE;
        } else if (a[0] == '-' && a[1]) {
            c->usage(c->name, "unknown option '%s'", a);
            return CLIOPT_USAGE;
        } else if (c->most && args->n == c->most) {
            c->usage(c->name, c->too_many, a);
            return CLIOPT_USAGE;
        } else {
            args->v[args->n++] = a;
        }
    }
    return CLIOPT_OK;
}
