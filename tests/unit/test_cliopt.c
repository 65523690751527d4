/* test_cliopt.c — the walk over a command line by its option table
 * (compiler/cliopt.c): each kind of row, a second spelling, a value that
 * starts with '-', the options of no fixed name tried first, help, and
 * the usage errors (unknown option, missing value, an argument too many,
 * a handler's own) that end the walk at once; a value joined to its
 * option (`--opt=value`, `-j4`), `--`, and cliopt_value_at. */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cliopt.h"

/* A command's struct for the tests. */
typedef struct t_args {
    cliopt_list args;
    cliopt_list data;
    const char *out;
    bool quiet;
    cliopt_lang lang;
    int n;
    const char *j; /* --jobs, -j N */
} t_args;

/* The usage errors written, one a line ("CMD: MESSAGE"), and how many. */
static char said[1024];
static int nsaid;

/* The usage function of the test command: keeps the message. */
static int t_usage(const char *cmd, const char *fmt, const char *arg)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, arg);
    size_t len = strlen(said);
    snprintf(said + len, sizeof said - len, "%s: %s\n", cmd, msg);
    nsaid++;
    return 2;
}

/* A handler: a whole number below 10. */
static int t_take_n(const char *cmd, void *where, const char *opt, const char *v)
{
    if (v[0] < '0' || v[0] > '9' || v[1])
        return t_usage(cmd, "bad number '%s'", v);
    (void)opt;
    *(int *)where = v[0] - '0';
    return 0;
}

/* The value of --diag given last (t_more). */
static const char *diag;

/* The options of no fixed name: -Wanything, one argument; -Wbad a usage
 * error; --diag VALUE, two; --plain, one. */
static int t_more(const char *cmd, bool werror_ok, int argc, char **argv, int i)
{
    ck_assert(werror_ok);
    if (strcmp(argv[i], "--plain") == 0)
        return 1;
    if (strcmp(argv[i], "--diag") == 0) {
        if (i + 1 >= argc) {
            t_usage(cmd, "option '%s' needs a value", argv[i]);
            return -1;
        }
        diag = argv[i + 1];
        return 2;
    }
    if (strncmp(argv[i], "-W", 2) != 0)
        return 0;
    if (strcmp(argv[i], "-Wbad") == 0) {
        t_usage(cmd, "unknown warning '%s'", argv[i]);
        return -1;
    }
    return 1;
}

static const cliopt_option t_options[] = {
    {"--data", NULL, CLIOPT_LIST, offsetof(t_args, data), NULL},
    {"--output", "-o", CLIOPT_STRING, offsetof(t_args, out), NULL},
    {"--quiet", NULL, CLIOPT_FLAG, offsetof(t_args, quiet), NULL},
    {"--lang", NULL, CLIOPT_LANG, offsetof(t_args, lang), NULL},
    {"--n", NULL, CLIOPT_CALL, offsetof(t_args, n), t_take_n},
    {"--jobs", "-j", CLIOPT_STRING, offsetof(t_args, j), NULL},
    {"--verbose", "-v", CLIOPT_FLAG, offsetof(t_args, quiet), NULL},
    {NULL, NULL, CLIOPT_FLAG, 0, NULL},
};

static const cliopt_command t_command = {
    "t", t_options, t_more, true, offsetof(t_args, args), 2, "unexpected argument '%s' (two)", t_usage,
};

static const char *args_v[8], *data_v[8];

/* Walks the words of `line` (split at spaces) into *a. */
static cliopt_result walk(t_args *a, const char *line)
{
    static char buf[256];
    char *argv[32];
    int argc = 0;
    snprintf(buf, sizeof buf, "%s", line);
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " "))
        argv[argc++] = w;
    argv[argc] = NULL;
    memset(a, 0, sizeof *a);
    a->args.v = args_v;
    a->data.v = data_v;
    a->lang.lang = LBL_ZH; /* the default the command sets */
    said[0] = '\0';
    nsaid = 0;
    diag = NULL;
    return cliopt_parse(&t_command, a, argc, argv);
}

/* Each kind of row, in any order among the arguments. */
START_TEST(rows)
{
    t_args a;
    ck_assert_int_eq(walk(&a, "x --data a.csv -Wfoo --quiet --data - -o -jx --n 7 y --lang en"), CLIOPT_OK);
    ck_assert_int_eq((int)a.args.n, 2);
    ck_assert_str_eq(a.args.v[0], "x");
    ck_assert_str_eq(a.args.v[1], "y");
    ck_assert_int_eq((int)a.data.n, 2);
    ck_assert_str_eq(a.data.v[0], "a.csv");
    ck_assert_str_eq(a.data.v[1], "-");
    ck_assert_str_eq(a.out, "-jx"); /* a value is the next argument, whatever it is */
    ck_assert(a.quiet);
    ck_assert_int_eq(a.n, 7);
    ck_assert_int_eq(a.lang.lang, LBL_EN);
    ck_assert(a.lang.given);
    ck_assert_int_eq(nsaid, 0);

    ck_assert_int_eq(walk(&a, "--output o1 --output o2 -"), CLIOPT_OK);
    ck_assert_str_eq(a.out, "o2"); /* the last one given */
    ck_assert_int_eq((int)a.args.n, 1); /* '-' is an argument */
    ck_assert_int_eq(a.lang.lang, LBL_ZH);
    ck_assert(!a.lang.given);
}
END_TEST

/* Help at once, unless a usage error came before it. */
START_TEST(help)
{
    t_args a;
    ck_assert_int_eq(walk(&a, "x --help --bogus"), CLIOPT_HELP);
    ck_assert_int_eq(walk(&a, "-h"), CLIOPT_HELP);
    ck_assert_int_eq(walk(&a, "--bogus -h"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '--bogus'\n");
    ck_assert(cliopt_is_help("--help") && cliopt_is_help("-h") && !cliopt_is_help("-help"));
}
END_TEST

/* Each usage error, said once, ending the walk. */
START_TEST(usage_errors)
{
    t_args a;
    ck_assert_int_eq(walk(&a, "x --data"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: option '--data' needs a value\n");
    ck_assert_int_eq(walk(&a, "x -o"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: option '-o' needs a value\n"); /* as it was spelt */
    ck_assert_int_eq(walk(&a, "--data=a --bogus=x"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '--bogus=x'\n"); /* named whole */
    ck_assert_int_eq(walk(&a, "--data= --bogus"), CLIOPT_USAGE); /* not a file '' */
    ck_assert_str_eq(said, "t: option '--data' is given an empty value\n");
    ck_assert_int_eq(walk(&a, "--n= --bogus"), CLIOPT_USAGE); /* before a handler sees it */
    ck_assert_str_eq(said, "t: option '--n' is given an empty value\n");
    ck_assert_int_eq(walk(&a, "x y z --bogus"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unexpected argument 'z' (two)\n");
    ck_assert_int_eq(walk(&a, "--lang xx --bogus"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown language 'xx' (available: en, zh)\n");
    ck_assert_int_eq(walk(&a, "--n 12 --bogus"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: bad number '12'\n");
    ck_assert_int_eq(walk(&a, "-Wbad --bogus"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown warning '-Wbad'\n");
    ck_assert_int_eq(nsaid, 1);
}
END_TEST

/* `--opt=value`: the table's options and `more`'s that take a value, read
 * as `--opt value`; a flag given a value is a usage error naming it. */
START_TEST(joined)
{
    t_args a;
    ck_assert_int_eq(walk(&a, "--data=a.csv --data=-b --output=x=y --lang=en --n=3 --diag=json x"), CLIOPT_OK);
    ck_assert_int_eq((int)a.data.n, 2);
    ck_assert_str_eq(a.data.v[0], "a.csv");
    ck_assert_str_eq(a.data.v[1], "-b"); /* as --data -b */
    ck_assert_str_eq(a.out, "x=y");    /* split at the first '=' */
    ck_assert_int_eq(a.lang.lang, LBL_EN);
    ck_assert(a.lang.given);
    ck_assert_int_eq(a.n, 3);
    ck_assert_str_eq(diag, "json");
    ck_assert_int_eq((int)a.args.n, 1);

    ck_assert_int_eq(walk(&a, "--n=12"), CLIOPT_USAGE); /* the handler's own error */
    ck_assert_str_eq(said, "t: bad number '12'\n");
    ck_assert_int_eq(walk(&a, "--lang=xx"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown language 'xx' (available: en, zh)\n");
    ck_assert_int_eq(walk(&a, "--quiet=yes"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: option '--quiet' takes no value\n");
    ck_assert(!a.quiet);
    ck_assert_int_eq(walk(&a, "--quiet="), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: option '--quiet' takes no value\n");
    ck_assert_int_eq(walk(&a, "--plain=1"), CLIOPT_USAGE); /* more's flag */
    ck_assert_str_eq(said, "t: option '--plain' takes no value\n");
    ck_assert_int_eq(walk(&a, "--help=1"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: option '--help' takes no value\n");
    ck_assert_int_eq(walk(&a, "--=x"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '--=x'\n");
    ck_assert_int_eq(walk(&a, "--an-option-name-longer-than-any-that-a-table-holds-and-longer-still=1"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '--an-option-name-longer-than-any-that-a-table-holds-and-longer-still=1'\n");
    ck_assert_int_eq(nsaid, 1);
}
END_TEST

/* A short option that takes a value, joined to it as getopt reads it;
 * a short flag is not, nor is a single-dash option given '=' a long one.
 * Joined to '=' (-o=x), where getopt reads the value "=x", which no user
 * means, it is a usage error naming the two spellings meant. */
START_TEST(short_joined)
{
    t_args a;
    ck_assert_int_eq(walk(&a, "-oout.csv -j4"), CLIOPT_OK);
    ck_assert_str_eq(a.j, "4");
    ck_assert_str_eq(a.out, "out.csv");
    ck_assert_int_eq(walk(&a, "-o=x"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: '-o=x': a short option takes its value without '=': write '-o x' or '--output=x'\n");
    ck_assert_int_eq(walk(&a, "-j="), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: option '-j' needs a value\n");
    ck_assert_int_eq(walk(&a, "-oa -ob"), CLIOPT_OK);
    ck_assert_str_eq(a.out, "b");
    ck_assert_int_eq(walk(&a, "-vx"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '-vx'\n");
    ck_assert_int_eq(walk(&a, "-x4"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '-x4'\n");
    ck_assert_int_eq(walk(&a, "-o -j4"), CLIOPT_OK); /* a value is the next argument, whole */
    ck_assert_str_eq(a.out, "-j4");
    ck_assert(a.j == NULL);
}
END_TEST

/* `--` ends the options: the arguments after it are the command's
 * arguments, whatever they look like, and a second `--` is one of them. */
START_TEST(end_of_options)
{
    t_args a;
    ck_assert_int_eq(walk(&a, "--quiet -- -odd --help"), CLIOPT_OK);
    ck_assert(a.quiet);
    ck_assert(a.out == NULL);
    ck_assert_int_eq((int)a.args.n, 2);
    ck_assert_str_eq(a.args.v[0], "-odd");
    ck_assert_str_eq(a.args.v[1], "--help");
    ck_assert_int_eq(walk(&a, "-- -Wbad --"), CLIOPT_OK); /* more is not tried */
    ck_assert_str_eq(a.args.v[0], "-Wbad");
    ck_assert_str_eq(a.args.v[1], "--");
    ck_assert_int_eq(walk(&a, "--"), CLIOPT_OK);
    ck_assert_int_eq((int)a.args.n, 0);
    ck_assert_int_eq(walk(&a, "x -- y -z"), CLIOPT_USAGE); /* too many still counts */
    ck_assert_str_eq(said, "t: unexpected argument '-z' (two)\n");
    ck_assert_int_eq(walk(&a, "-o -- x"), CLIOPT_OK); /* the value of -o, not the end */
    ck_assert_str_eq(a.out, "--");
    ck_assert_int_eq((int)a.args.n, 1);
}
END_TEST

/* cliopt_value_at: an option and its value, apart or joined. */
START_TEST(value_at)
{
    char a0[] = "--lang", a1[] = "zh", a2[] = "--lang=en", a3[] = "--language", a4[] = "--lang";
    char *argv[] = {a0, a1, a2, a3, a4, NULL};
    const char *v = NULL;
    ck_assert_int_eq(cliopt_value_at("--lang", 5, argv, 0, &v), 2);
    ck_assert_str_eq(v, "zh");
    ck_assert_int_eq(cliopt_value_at("--lang", 5, argv, 1, &v), 0);
    ck_assert_int_eq(cliopt_value_at("--lang", 5, argv, 2, &v), 1);
    ck_assert_str_eq(v, "en");
    ck_assert_int_eq(cliopt_value_at("--lang", 5, argv, 3, &v), 0); /* another option */
    ck_assert_int_eq(cliopt_value_at("--lang", 5, argv, 4, &v), -1); /* last, no value */
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cliopt");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, rows);
    tcase_add_test(tc, help);
    tcase_add_test(tc, usage_errors);
    tcase_add_test(tc, joined);
    tcase_add_test(tc, short_joined);
    tcase_add_test(tc, end_of_options);
    tcase_add_test(tc, value_at);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
