/* score.c — an evaluator's own program scoring data with a rules library
 * made by `planc build`, without planc.
 *
 *   planc build examples/quickstart/rules.plan -o build/libquickstart.so
 *   cc -I build examples/aot/score.c -o build/score -ldl -lm
 *   build/score build/libquickstart.so examples/quickstart/data.csv
 *
 * It loads the library with dlopen, checks its ABI version, reads a CSV
 * data file (the columns the library asks for, by name), scores the rows
 * and prints the results in the same CSV format as `planc run` — so its
 * output can be compared with planc's byte for byte (tests/aot/aot.sh
 * does).  `score LIBRARY --info` prints what the library expects instead.
 *
 * Only the ABI part of the generated header is used (every header made by
 * planc build holds the same ABI), so this program works with any rules
 * library; build it with -DPLANC_HEADER='"NAME.h"' for another header.
 * A program written for one library checks that it loaded that library:
 * build this one with -DPLANC_FINGERPRINT=NAME_FINGERPRINT (the header's
 * macro) and it refuses any other, such as an older library left beside a
 * newer header by a build that crashed between putting the two in place. */
#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PLANC_HEADER
#define PLANC_HEADER "quickstart.h"
#endif
#include PLANC_HEADER

/* ---- reading the CSV file (RFC 4180) ---- */

/* One record's fields, NUL-terminated copies. */
typedef struct record {
    char **field;
    size_t n, cap;
    unsigned line;              /* where the record starts */
} record;

/* Reads the next record from text at *pos; false at the end.  Quoted
 * fields may hold commas, quotes ("") and line breaks. */
static bool next_record(const char *text, size_t len, size_t *pos, unsigned *line, record *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->field[i]);
    r->n = 0;
    if (*pos >= len)
        return false;
    r->line = *line;
    size_t i = *pos;
    for (;;) {
        /* one field */
        char *buf = malloc(len - i + 1);
        size_t k = 0;
        if (!buf) {
            fprintf(stderr, "score: out of memory\n");
            exit(1);
        }
        if (i < len && text[i] == '"') {
            for (i++; i < len; i++) {
                if (text[i] == '"' && i + 1 < len && text[i + 1] == '"')
                    buf[k++] = text[i++];
                else if (text[i] == '"')
                    break;
                else {
                    if (text[i] == '\n')
                        (*line)++;
                    buf[k++] = text[i];
                }
            }
            i++;
        }
        while (i < len && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
            buf[k++] = text[i++];
        buf[k] = '\0';
        if (r->n == r->cap) {
            r->cap = r->cap ? 2 * r->cap : 16;
            r->field = realloc(r->field, r->cap * sizeof *r->field);
            if (!r->field) {
                fprintf(stderr, "score: out of memory\n");
                exit(1);
            }
        }
        r->field[r->n++] = buf;
        if (i < len && text[i] == ',') {
            i++;
            continue;
        }
        if (i < len && text[i] == '\r')
            i++;
        if (i < len && text[i] == '\n')
            i++;
        (*line)++;
        break;
    }
    *pos = i;
    return true;
}

/* s without surrounding spaces and tabs (in place). */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* A cell as a number: NaN when missing (empty or NA); false if malformed. */
static bool parse_number(const char *s, double *v)
{
    if (!*s || strcmp(s, "NA") == 0) {
        *v = NAN;
        return true;
    }
    if (strspn(s, "0123456789+-.eE") != strlen(s))
        return false;
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    return end != s && !*end && !(errno == ERANGE && isinf(*v));
}

/* ASCII case-insensitive equality. */
static bool same_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

/* A yes/no cell: 1/0, yes/no, true/false, 是/否, or missing. */
static bool parse_yesno(const char *s, double *v)
{
    if (!*s || strcmp(s, "NA") == 0)
        *v = NAN;
    else if (!strcmp(s, "1") || same_nocase(s, "yes") || same_nocase(s, "true") || !strcmp(s, "是"))
        *v = 1.0;
    else if (!strcmp(s, "0") || same_nocase(s, "no") || same_nocase(s, "false") || !strcmp(s, "否"))
        *v = 0.0;
    else
        return false;
    return true;
}

/* The data of one file, as the library's input arrays. */
typedef struct data {
    size_t nrows, cap;
    uint32_t *region;
    int32_t *year;
    double **columns;
} data;

/* Reads `path` into d for library lib; false after printing an error. */
static bool read_data(const planc_library *lib, const char *path, data *d)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "score: cannot read %s: %s\n", path, strerror(errno));
        return false;
    }
    size_t len = 0, cap = 1 << 16;
    char *text = malloc(cap);
    for (size_t got; text && (got = fread(text + len, 1, cap - len, f)) > 0;) {
        len += got;
        if (len == cap)
            text = realloc(text, cap *= 2);
    }
    fclose(f);
    if (!text) {
        fprintf(stderr, "score: out of memory\n");
        return false;
    }
    size_t pos = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    unsigned line = 1;
    record r = {0};
    bool ok = next_record(text, len, &pos, &line, &r);
    if (!ok)
        fprintf(stderr, "%s: the file has no header\n", path);

    /* Where each needed column is: region, year, then lib->columns. */
    size_t nneed = lib->ncolumns + 2;
    long *at = malloc(nneed * sizeof *at);
    for (size_t k = 0; ok && k < nneed; k++) {
        const char *want = k == 0 ? lib->region_key : k == 1 ? lib->year_key : lib->columns[k - 2].name;
        at[k] = -1;
        for (size_t i = 0; i < r.n; i++)
            if (strcmp(trim(r.field[i]), want) == 0)
                at[k] = (long)i;
        if (at[k] < 0) {
            fprintf(stderr, "%s:1: column '%s' is not in the header\n", path, want);
            ok = false;
        }
    }
    size_t nfields = r.n;
    d->columns = calloc(lib->ncolumns ? lib->ncolumns : 1, sizeof *d->columns);
    while (ok && next_record(text, len, &pos, &line, &r)) {
        if (r.n == 1 && !r.field[0][0])
            continue;                               /* an empty line */
        if (r.n != nfields) {
            fprintf(stderr, "%s:%u: %zu fields, the header has %zu\n", path, r.line, r.n, nfields);
            ok = false;
            break;
        }
        if (d->nrows == d->cap) {
            d->cap = d->cap ? 2 * d->cap : 256;
            d->region = realloc(d->region, d->cap * sizeof *d->region);
            d->year = realloc(d->year, d->cap * sizeof *d->year);
            for (uint32_t c = 0; c < lib->ncolumns; c++)
                d->columns[c] = realloc(d->columns[c], d->cap * sizeof **d->columns);
        }
        size_t row = d->nrows++;
        const char *name = trim(r.field[at[0]]);
        int32_t region = lib->find_region(name);
        char *end;
        long year = strtol(trim(r.field[at[1]]), &end, 10);
        if (region < 0 || *end || year < 1 || year > 9999) {
            fprintf(stderr, "%s:%u: unknown region '%s' or bad year\n", path, r.line, name);
            ok = false;
            break;
        }
        d->region[row] = (uint32_t)region;
        d->year[row] = (int32_t)year;
        for (uint32_t c = 0; c < lib->ncolumns; c++) {
            const char *s = trim(r.field[at[c + 2]]);
            bool good = lib->columns[c].type == PLANC_COL_YESNO ? parse_yesno(s, &d->columns[c][row])
                                                                : parse_number(s, &d->columns[c][row]);
            if (!good) {
                fprintf(stderr, "%s:%u: column '%s': malformed value '%s'\n", path, r.line,
                        lib->columns[c].name, s);
                ok = false;
            }
        }
    }
    for (size_t i = 0; i < r.n; i++)
        free(r.field[i]);
    free(r.field);
    free(at);
    free(text);
    return ok;
}

static void free_data(const planc_library *lib, data *d)
{
    for (uint32_t c = 0; d->columns && c < lib->ncolumns; c++)
        free(d->columns[c]);
    free(d->columns);
    free(d->region);
    free(d->year);
}

/* ---- writing results as planc run does ---- */

/* A field, quoted when it holds a comma, a quote or a line break. */
static void put_field(const char *s, bool last)
{
    if (s && strpbrk(s, ",\"\r\n")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else if (s) {
        fputs(s, stdout);
    }
    putchar(last ? '\n' : ',');
}

/* Significant digits of a formatted number. */
static int significant_digits(const char *s)
{
    int first = -1, last = -1, n = 0;
    for (; *s && *s != 'e'; s++) {
        if (*s < '0' || *s > '9')
            continue;
        if (*s != '0') {
            if (first < 0)
                first = n;
            last = n;
        }
        n++;
    }
    return first < 0 ? 0 : last - first + 1;
}

/* A number as planc's reports write it: the shortest "%.Ng" that reads
 * back exactly; whole numbers below 1e15 and positive exponents below 17
 * in plain digits; -0 as 0; missing (NaN) as an empty field. */
static void put_number(double v)
{
    char buf[40], plain[40];
    if (isnan(v)) {
        put_field("", false);
        return;
    }
    if (v == 0) {
        put_field("0", false);
        return;
    }
    if (v == trunc(v) && fabs(v) < 1e15) {
        snprintf(buf, sizeof buf, "%.0f", v);
        put_field(buf, false);
        return;
    }
    int prec = 1;
    for (; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    snprintf(buf, sizeof buf, "%.*g", prec, v);
    const char *e = strchr(buf, 'e');
    if (e && e[1] == '+' && atoi(e + 2) < 17) {
        snprintf(plain, sizeof plain, "%.*g", atoi(e + 2) + 1, v);
        if (significant_digits(plain) == significant_digits(buf))
            strcpy(buf, plain);
    }
    put_field(buf, false);
}

/* Whether a target of the library has a goal with a tolerance (lib->goals,
 * ABI version 2): then planc run's results have a tolerance column after
 * the goal. */
static bool has_tolerance(const planc_library *lib)
{
    for (uint32_t t = 0; t < lib->ntargets; t++)
        for (uint32_t k = 0; k < lib->goals[t].nmilestones; k++)
            if (!isnan(lib->goals[t].milestones[k].tolerance))
                return true;
    return false;
}

/* The tolerance of target t's goal in force in `year`: that of the first
 * milestone due in or after the year (or every year), else of the last;
 * NaN for none (the ABI's "Goals"). */
static double tolerance_in(const planc_library *lib, uint32_t t, int year)
{
    const planc_goals *g = &lib->goals[t];
    if (g->nmilestones == 0)
        return NAN;
    uint32_t k = 0;
    while (k + 1 < g->nmilestones && g->milestones[k].deadline != 0 && g->milestones[k].deadline < year)
        k++;
    return g->milestones[k].tolerance;
}

/* The region just below the root of region r's hierarchy that it lies in
 * or is (planc run's `top` column): its parent chain followed up to the
 * region whose parent has no parent; -1 when r has no parent. */
static int32_t top_of(const planc_library *lib, uint32_t r)
{
    int32_t at = (int32_t)r;
    if (lib->regions[at].parent < 0)
        return -1;
    for (uint32_t steps = 0; steps < lib->nregions; steps++) {
        int32_t up = lib->regions[at].parent;
        if (up < 0 || lib->regions[up].parent < 0)
            break;
        at = up;
    }
    return at;
}

/* Prints the results in planc run's CSV format. */
static void print_results(const planc_library *lib, const planc_result *res)
{
    bool tol = has_tolerance(lib);
    puts(tol ? "region,year,kind,id,name,clause,lead,status,value,unit,goal,tolerance,expected,score,"
               "weight,grade,vetoes,parent,top"
             : "region,year,kind,id,name,clause,lead,status,value,unit,goal,expected,score,weight,"
               "grade,vetoes,parent,top");
    /* the empty cells between a measure's, section's or total's texts and
     * its score: one more with the tolerance column */
    const char *skip5 = tol ? ",,,,,," : ",,,,,", *skip7 = tol ? ",,,,,,,," : ",,,,,,,";
    /* Output columns: 5 per target, then measures, sections, total, veto, grade. */
    const double *const *out = res->outputs;
    size_t vetocap = 1;
    for (uint32_t t = 0; t < lib->ntargets; t++)
        vetocap += strlen(lib->targets[t].name) + 1;
    char *vetoes = malloc(vetocap);
    for (size_t r = 0; r < res->nrows; r++) {
        char year[16];
        snprintf(year, sizeof year, "%d", (int)res->year[r]);
        const char *region = lib->regions[res->region[r]].name;
        int32_t up = lib->regions[res->region[r]].parent, top = top_of(lib, res->region[r]);
        const char *parent = up >= 0 ? lib->regions[up].name : NULL;
        const char *topname = top >= 0 ? lib->regions[top].name : NULL;
        vetoes[0] = '\0';
        for (uint32_t t = 0; t < lib->ntargets; t++) {
            const planc_target *tg = &lib->targets[t];
            double st = out[5 * t][r];
            put_field(region, false);
            put_field(year, false);
            put_field("target", false);
            put_field(tg->name, false);
            put_field(tg->text, false);
            put_field(tg->clause, false);
            put_field(tg->measure < lib->nmeasures ? lib->measures[tg->measure].lead : NULL, false);
            put_field(isnan(st) ? NULL : lib->status_names[(int)st], false);
            put_number(out[5 * t + 1][r]);
            put_field(tg->unit, false);
            /* The library's goal and expected columns hold numbers on
             * not_applicable rows too; planc's reports leave them empty
             * there (no goal applies to a row the target does not cover). */
            bool applies = st != PLANC_NOT_APPLICABLE;
            put_number(applies ? out[5 * t + 2][r] : NAN);
            if (tol)
                put_number(applies ? tolerance_in(lib, t, (int)res->year[r]) : NAN);
            put_number(applies ? out[5 * t + 3][r] : NAN);
            put_number(out[5 * t + 4][r]);
            put_number(tg->weight);
            put_field(NULL, false);
            put_field(NULL, false);
            put_field(parent, false);
            put_field(topname, true);
            if (tg->veto && st == PLANC_FAILED) {
                if (vetoes[0])
                    strcat(vetoes, ";");
                strcat(vetoes, tg->name);
            }
        }
        if (!lib->has_assessment)
            continue;
        uint32_t k = 5 * lib->ntargets;
        for (uint32_t m = 0; m < lib->nmeasures; m++, k++) {
            const planc_measure *me = &lib->measures[m];
            printf("%s,%s,measure,", region, year);
            put_field(me->id, false);
            put_field(me->title, false);
            put_field(me->id, false);
            put_field(me->lead, false);
            fputs(skip5, stdout);
            put_number(out[k][r]);
            put_number(me->weight);
            fputs(",,", stdout);
            put_field(parent, false);
            put_field(topname, true);
        }
        for (uint32_t s = 0; s < lib->nsections; s++, k++) {
            const planc_section *se = &lib->sections[s];
            printf("%s,%s,section,", region, year);
            put_field(se->id, false);
            put_field(se->title, false);
            fputs(skip7, stdout);
            put_number(out[k][r]);
            put_number(se->weight);
            fputs(",,", stdout);
            put_field(parent, false);
            put_field(topname, true);
        }
        double grade = out[k + 2][r];
        printf("%s,%s,total,,", region, year);
        put_field(lib->assessment, false);
        fputs(skip7, stdout);
        put_number(out[k][r]);
        put_number(NAN);
        put_field(!isnan(grade) && grade >= 0 && grade < lib->nbands ? lib->bands[(int)grade] : NULL,
                  false);
        put_field(vetoes, false);
        put_field(parent, false);
        put_field(topname, true);
    }
    free(vetoes);
}

/* Prints what the library expects and produces. */
static void print_info(const planc_library *lib)
{
    printf("plan %s (baseline %d, horizon %d), built by planc %s for CPU %s, fingerprint %s\n",
           lib->plan, (int)lib->baseline, (int)lib->horizon, lib->planc_version, lib->cpu,
           lib->fingerprint);
    printf("data: region column '%s', year column '%s', and:\n", lib->region_key, lib->year_key);
    for (uint32_t c = 0; c < lib->ncolumns; c++)
        printf("  %u  %s (%s%s%s)\n", c, lib->columns[c].name,
               lib->columns[c].type == PLANC_COL_YESNO ? "yes/no" : "number",
               lib->columns[c].unit ? ", in " : "", lib->columns[c].unit ? lib->columns[c].unit : "");
    printf("%u regions, %u targets, %u output columns\n", lib->nregions, lib->ntargets,
           lib->noutputs);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: score LIBRARY DATA.csv | score LIBRARY --info\n");
        return 2;
    }
    void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        fprintf(stderr, "score: %s\n", dlerror());
        return 1;
    }
    planc_abi_version_fn version = (planc_abi_version_fn)dlsym(h, "planc_abi_version");
    planc_get_library_fn get = (planc_get_library_fn)dlsym(h, "planc_get_library");
    const planc_library *lib = get ? get(PLANC_ABI_VERSION) : NULL;
    if (!version || !lib || lib->size < sizeof(planc_library)) {
        fprintf(stderr, "score: %s is not a planc rules library of ABI version %d (it has %u)\n",
                argv[1], PLANC_ABI_VERSION, version ? version() : 0);
        dlclose(h);
        return 1;
    }
#ifdef PLANC_FINGERPRINT
    if (strcmp(lib->fingerprint, PLANC_FINGERPRINT) != 0) {
        fprintf(stderr, "score: %s is not the library of this program's header (fingerprint %s, "
                "the header's %s): build them again\n", argv[1], lib->fingerprint, PLANC_FINGERPRINT);
        dlclose(h);
        return 1;
    }
#endif
    if (strcmp(argv[2], "--info") == 0) {
        print_info(lib);
        dlclose(h);
        return 0;
    }

    data d = {0};
    int rc = 0;
    if (!read_data(lib, argv[2], &d)) {
        rc = 3;
    } else {
        const double *const *cols = (const double *const *)d.columns;
        planc_input in = {d.nrows, d.region, d.year, cols};
        planc_result *res = NULL;
        char err[512];
        int src = lib->score(&in, &res, err, sizeof err);
        if (src != PLANC_OK) {
            fprintf(stderr, "score: %s\n", err);
            rc = 3;
        } else {
            print_results(lib, res);
            lib->free_result(res);
        }
    }
    free_data(lib, &d);
    dlclose(h);
    return rc;
}
