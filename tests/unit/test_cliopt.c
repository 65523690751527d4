/* test_cliopt.c — the walk over a command line by its option table
 * (compiler/cliopt.c): each kind of row, a second spelling, a value that
 * starts with '-', the options of no fixed name tried first, help, and
 * the usage errors (unknown option, missing value, an argument too many,
 * a handler's own) that end the walk at once. */
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

/* The options of no fixed name: -Wanything, one argument; -Wbad a usage
 * error. */
static int t_more(const char *cmd, bool werror_ok, int argc, char **argv, int i)
{
    (void)argc;
    ck_assert(werror_ok);
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
    ck_assert_int_eq(walk(&a, "--data=a.csv"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '--data=a.csv'\n");
    ck_assert_int_eq(walk(&a, "-- x"), CLIOPT_USAGE);
    ck_assert_str_eq(said, "t: unknown option '--'\n");
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

int main(void)
{
    Suite *s = suite_create("cliopt");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, rows);
    tcase_add_test(tc, help);
    tcase_add_test(tc, usage_errors);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
