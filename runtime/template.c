/* template.c — the blank data file the rules read (template.h): which data
 * columns a region's rows need, found by walking each target's steps from
 * its results down to the data inputs, and the CSV and the column list
 * written from that. */
#include "template.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "msgcat.h"
#include "rtmem.h"

/* How a walk reached a step: on the row's own region (any year of it), or
 * through a function over other regions' rows: a peer function (the
 * regions of the row's level), share/total over a level below the row's
 * region (WALK_SHARE + the level), or parent() (walk_parent: its parent,
 * or walk_parent + 1 + the level, the region above at that level). */
enum { WALK_OWN = 0, WALK_PEER = 1, WALK_SHARE = 2 };

/* The columns one target reads, by how it reads them: per column a bit
 * for WALK_OWN, WALK_PEER, per level WALK_SHARE + level, walk_parent and
 * per level walk_parent + 1 + level. */
typedef struct reads {
    uint32_t nmodes;        /* 3 + twice the program's levels */
    uint32_t walk_parent;   /* 2 + the program's levels */
    uint8_t *col;           /* ncolumns * nmodes: 1 where read so */
    uint32_t *list;         /* the (column, mode) pairs marked in col, as
                               column * nmodes + mode */
    uint32_t nlist;
    uint8_t *seen;          /* nsteps * nmodes: the walk's marks */
    size_t *marked;         /* the marks in seen, to clear them alone for
                               the next target (a memset of all of seen
                               per target made 5,000 indicators' template
                               quadratic: half its instructions) */
    size_t nmarked;
    uint32_t *stack;        /* pairs (step, mode) */
} reads;

/* Marks (step, mode) at index at of r->seen, noting it for the clearing. */
static void mark_seen(reads *r, size_t at)
{
    r->seen[at] = 1;
    r->marked[r->nmarked++] = at;
}

/* Walks target t's result slots (status, value, goal, score) down to the
 * data inputs, marking in r->col each column by how it is reached. */
static void walk_target(reads *r, const ir_program *p, const ir_target *t)
{
    for (uint32_t k = 0; k < r->nlist; k++)
        r->col[r->list[k]] = 0;
    r->nlist = 0;
    for (size_t k = 0; k < r->nmarked; k++)
        r->seen[r->marked[k]] = 0;
    r->nmarked = 0;
    size_t top = 0;
    const uint32_t roots[4] = {t->status, t->value, t->goal, t->score};
    for (int k = 0; k < 4; k++)
        if (roots[k] < p->nsteps && !r->seen[(size_t)roots[k] * r->nmodes]) {
            mark_seen(r, (size_t)roots[k] * r->nmodes);
            r->stack[top++] = roots[k];
            r->stack[top++] = WALK_OWN;
        }
    while (top) {
        uint32_t mode = r->stack[--top];
        const ir_step *s = &p->steps[r->stack[--top]];
        if (s->op == IR_INPUT) {
            const ir_input *in = &p->inputs[s->aux];
            size_t at = (size_t)in->column * r->nmodes + mode;
            if (in->kind == IR_IN_DATA && in->column < p->ncolumns && !r->col[at]) {
                r->col[at] = 1;
                r->list[r->nlist++] = (uint32_t)at;
            }
            continue;
        }
        uint32_t next = mode;
        if (s->op == IR_PEER)
            next = WALK_PEER;
        else if (s->op == IR_SHARE && s->aux < p->nlevels)
            next = WALK_SHARE + s->aux;
        else if (s->op == IR_PARENT)
            next = s->aux < p->nlevels ? r->walk_parent + 1 + s->aux : r->walk_parent;
        const uint32_t ops[3] = {s->a, s->b, s->c};
        for (int k = 0; k < ir_arity(s->op); k++) {
            if (ops[k] >= p->nsteps || r->seen[(size_t)ops[k] * r->nmodes + next])
                continue;
            mark_seen(r, (size_t)ops[k] * r->nmodes + next);
            r->stack[top++] = ops[k];
            r->stack[top++] = next;
        }
    }
}

/* Whether target t applies to region g. */
static bool applies(const ir_target *t, uint32_t g)
{
    if (!t->scoped)
        return true;
    size_t lo = 0, hi = t->nscope;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->scope[mid] == g)
            return true;
        if (t->scope[mid] < g)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Per level l, in lv[l], whether target t applies to a region of level l
 * (has[l]: the program has a region of level l, for a target of every
 * region). */
static void applied_levels(const ir_program *p, const ir_target *t, const uint8_t *has, uint8_t *lv)
{
    if (!t->scoped) {
        memcpy(lv, has, p->nlevels);
        return;
    }
    memset(lv, 0, p->nlevels);
    for (uint32_t i = 0; i < t->nscope; i++) {
        const ir_region *g = &p->regions[t->scope[i]];
        if (!g->is_group && g->level < p->nlevels)
            lv[g->level] = 1;
    }
}

/* Whether target t applies to a region above g (its parent and the groups
 * listing it, and theirs). */
static bool applies_above(const ir_program *p, const ir_target *t, uint32_t g, ir_upwalk *w)
{
    ir_up_start(w, g);
    for (int32_t u; (u = ir_up_next(w)) >= 0;)
        if (applies(t, (uint32_t)u))
            return true;
    return false;
}

/* In up[g], per region g: 1 when target t applies to a region whose
 * parent is g, 2 when to one below g (g is then the region above it at
 * g's level, as parent(LEVEL, x) reads), 3 both, 0 neither. */
static void mark_above(const ir_program *p, const ir_target *t, uint8_t *up)
{
    memset(up, 0, p->nregions);
    for (uint32_t d = 0; d < p->nregions; d++) {
        if (!applies(t, d))
            continue;
        int32_t q = p->regions[d].parent;
        if (q >= 0)
            up[q] |= 1;
        for (uint32_t hops = 0; q >= 0 && hops < p->nregions; hops++, q = p->regions[q].parent)
            up[q] |= 2;
    }
}

/* A column's name and index, sorted to find the columns of one name. */
typedef struct named {
    const char *name;
    uint32_t column;
} named;

/* Orders by name, then index. */
static int by_name(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int d = strcmp(x->name, y->name);
    return d ? d : (x->column > y->column) - (x->column < y->column);
}

/* Fills n->first and n->next (tmpl_needs): the columns of each name, in
 * the order of p->columns. */
static void name_groups(const ir_program *p, tmpl_needs *n)
{
    n->first = rt_xcalloc((size_t)p->ncolumns + 1, sizeof *n->first);
    n->next = rt_xcalloc((size_t)p->ncolumns + 1, sizeof *n->next);
    named *v = rt_xcalloc((size_t)p->ncolumns + 1, sizeof *v);
    for (uint32_t c = 0; c < p->ncolumns; c++)
        v[c] = (named){p->columns[c].name, c};
    qsort(v, p->ncolumns, sizeof *v, by_name);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        bool same = k > 0 && strcmp(v[k].name, v[k - 1].name) == 0;
        n->first[v[k].column] = same ? n->first[v[k - 1].column] : v[k].column;
        n->next[v[k].column] = k + 1 < p->ncolumns && strcmp(v[k].name, v[k + 1].name) == 0 ? v[k + 1].column
                                                                                           : UINT32_MAX;
    }
    free(v);
}

tmpl_needs *tmpl_needs_make(const ir_program *p, const uint32_t *regions, uint32_t nregions)
{
    tmpl_needs *n = rt_xcalloc(1, sizeof *n);
    n->nregions = nregions;
    n->regions = rt_xcalloc(nregions ? nregions : 1, sizeof *n->regions);
    memcpy(n->regions, regions, (size_t)nregions * sizeof *regions);
    n->need = rt_xcalloc((size_t)nregions * p->ncolumns + 1, 1);
    n->rated = rt_xcalloc((size_t)p->ncolumns + 1, 1);
    name_groups(p, n);
    reads r = {.nmodes = 3 + 2 * p->nlevels, .walk_parent = 2 + p->nlevels};
    uint8_t *up = rt_xcalloc(p->nregions + 1, 1);
    r.col = rt_xcalloc((size_t)p->ncolumns * r.nmodes + 1, 1);
    r.list = rt_xcalloc((size_t)p->ncolumns * r.nmodes + 1, sizeof *r.list);
    r.seen = rt_xcalloc((size_t)p->nsteps * r.nmodes + 1, 1);
    r.marked = rt_xcalloc((size_t)p->nsteps * r.nmodes + 1, sizeof *r.marked);
    r.stack = rt_xcalloc((size_t)p->nsteps * r.nmodes * 2 + 8, sizeof *r.stack);
    uint32_t *mark = rt_xcalloc(p->nregions + 1, sizeof *mark);
    uint32_t *stack = rt_xcalloc(p->nregions + 1, sizeof *stack);
    uint8_t *has = rt_xcalloc(p->nlevels + 1, 1), *lv = rt_xcalloc(p->nlevels + 1, 1);
    for (uint32_t g = 0; g < p->nregions; g++)
        if (!p->regions[g].is_group && p->regions[g].level < p->nlevels)
            has[p->regions[g].level] = 1;
    ir_upwalk w;
    ir_up_init(&w, p, mark, stack);
    for (uint32_t ti = 0; ti < p->ntargets; ti++) {
        const ir_target *t = &p->targets[ti];
        walk_target(&r, p, t);
        if (r.nlist == 0)
            continue;
        applied_levels(p, t, has, lv);
        bool rated = t->kind && strcmp(t->kind, "rated") == 0;
        bool reads_up = false;
        for (uint32_t k = 0; k < r.nlist; k++)
            reads_up = reads_up || r.list[k] % r.nmodes >= r.walk_parent;
        if (reads_up)
            mark_above(p, t, up);
        for (uint32_t i = 0; i < nregions; i++) {
            uint32_t g = regions[i];
            uint32_t l = p->regions[g].level;
            bool own = applies(t, g);
            bool peer = l < p->nlevels && lv[l];
            int share = -1; /* not yet known: an up-walk, only when needed */
            for (uint32_t k = 0; k < r.nlist; k++) {
                uint32_t c = r.list[k] / r.nmodes, mode = r.list[k] % r.nmodes;
                bool read = mode == WALK_OWN ? own : mode == WALK_PEER ? peer : mode == WALK_SHARE + l;
                if (mode == r.walk_parent)
                    read = (up[g] & 1) != 0;
                else if (mode > r.walk_parent)
                    read = (up[g] & 2) && mode == r.walk_parent + 1 + l;
                else if (read && mode >= WALK_SHARE) {
                    if (share < 0)
                        share = applies_above(p, t, g, &w);
                    read = share == 1;
                }
                if (!read)
                    continue;
                n->need[(size_t)i * p->ncolumns + c] = 1;
                if (rated && mode == WALK_OWN)
                    n->rated[c] = 1;
            }
        }
    }
    free(r.col);
    free(r.list);
    free(r.seen);
    free(r.marked);
    free(r.stack);
    free(up);
    free(mark);
    free(stack);
    free(has);
    free(lv);
    return n;
}

tmpl_needs *tmpl_needs_of_table(const ir_program *p, const rt_table *t)
{
    uint32_t *regions = rt_xcalloc(p->nregions + 1, sizeof *regions), nregions = 0;
    uint8_t *seen = rt_xcalloc(p->nregions + 1, 1);
    for (size_t row = 0; row < rt_table_nrows(t); row++) {
        uint32_t g = rt_table_region(t, row);
        if (rt_table_line(t, row) == 0 || g >= p->nregions || seen[g])
            continue;
        seen[g] = 1;
        regions[nregions++] = g;
    }
    tmpl_needs *n = tmpl_needs_make(p, regions, nregions);
    free(regions);
    free(seen);
    return n;
}

void tmpl_needs_free(tmpl_needs *n)
{
    if (!n)
        return;
    free(n->regions);
    free(n->need);
    free(n->rated);
    free(n->first);
    free(n->next);
    free(n);
}

bool tmpl_column_needed(const ir_program *p, const tmpl_needs *n, uint32_t c)
{
    for (uint32_t i = 0; i < n->nregions; i++)
        if (n->need[(size_t)i * p->ncolumns + c])
            return true;
    return false;
}

bool tmpl_column_listed(const ir_program *p, const tmpl_needs *n, uint32_t c)
{
    if (n->first[c] != c)
        return false;
    for (uint32_t m = c; m != UINT32_MAX; m = n->next[m])
        if (tmpl_column_needed(p, n, m))
            return true;
    return false;
}

bool tmpl_column_rated(const tmpl_needs *n, uint32_t c)
{
    for (uint32_t m = n->first[c]; m != UINT32_MAX; m = n->next[m])
        if (n->rated[m])
            return true;
    return false;
}

/* Whether the chosen region n->regions[i] needs a column of c's name. */
static bool region_needs(const ir_program *p, const tmpl_needs *n, uint32_t i, uint32_t c)
{
    for (uint32_t m = n->first[c]; m != UINT32_MAX; m = n->next[m])
        if (n->need[(size_t)i * p->ncolumns + m])
            return true;
    return false;
}

/* Writes one CSV field (RFC 4180: quoted when it holds a comma, a quote or
 * a line break). */
static void put_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

/* A per-year column's name for `year`: its "{year}" replaced (malloc'd). */
static char *year_name(const char *name, int year)
{
    const char *at = strstr(name, "{year}");
    size_t len = strlen(name) + 16;
    char *s = rt_xcalloc(len, 1);
    snprintf(s, len, "%.*s%d%s", (int)(at - name), name, year, at + 6);
    return s;
}

bool tmpl_wide(const ir_program *p, const tmpl_needs *n)
{
    for (uint32_t c = 0; c < p->ncolumns; c++)
        if (p->columns[c].per_year && tmpl_column_needed(p, n, c))
            return true;
    return false;
}

tmpl_head *tmpl_header(const ir_program *p, const tmpl_needs *n, int from, int to, uint32_t *nheads)
{
    bool wide = tmpl_wide(p, n);
    size_t cap = 2;
    for (uint32_t c = 0; c < p->ncolumns; c++)
        if (tmpl_column_listed(p, n, c))
            cap += p->columns[c].per_year ? (size_t)(to >= from ? to - from + 1 : 0) : 1;
    tmpl_head *h = rt_xcalloc(cap, sizeof *h);
    uint32_t k = 0;
    h[k++] = (tmpl_head){rt_xstrdup(p->region_key), TMPL_REGION_KEY, 0};
    if (!wide)
        h[k++] = (tmpl_head){rt_xstrdup(p->year_key), TMPL_YEAR_KEY, 0};
    for (uint32_t c = 0; c < p->ncolumns; c++) {
        if (!tmpl_column_listed(p, n, c))
            continue;
        if (p->columns[c].per_year) {
            for (int y = from; y <= to; y++)
                h[k++] = (tmpl_head){year_name(p->columns[c].name, y), c, y};
        } else {
            h[k++] = (tmpl_head){rt_xstrdup(p->columns[c].name), c, 0};
        }
    }
    *nheads = k;
    return h;
}

void tmpl_header_free(tmpl_head *h, uint32_t nheads)
{
    for (uint32_t k = 0; h && k < nheads; k++)
        free(h[k].text);
    free(h);
}

bool tmpl_region_has_rows(const ir_program *p, const tmpl_needs *n, uint32_t i)
{
    /* a region no column is read for has nothing to fill in (a province
     * whose rows planc makes from its counties') */
    for (uint32_t c = 0; c < p->ncolumns; c++)
        if (n->need[(size_t)i * p->ncolumns + c])
            return true;
    return false;
}

void tmpl_write_csv(FILE *f, const ir_program *p, const tmpl_needs *n, int from, int to)
{
    bool wide = tmpl_wide(p, n);
    uint32_t nheads;
    tmpl_head *h = tmpl_header(p, n, from, to, &nheads);
    for (uint32_t k = 0; k < nheads; k++) {
        if (k)
            fputc(',', f);
        put_field(f, h[k].text);
    }
    fputc('\n', f);
    uint32_t ncells = nheads - (wide ? 1 : 2);
    tmpl_header_free(h, nheads);
    for (uint32_t i = 0; i < n->nregions; i++) {
        if (!tmpl_region_has_rows(p, n, i))
            continue;
        int last = wide ? from : to;
        for (int y = from; from > 0 && y <= last; y++) {
            put_field(f, p->regions[n->regions[i]].name);
            if (!wide)
                fprintf(f, ",%d", y);
            for (uint32_t k = 0; k < ncells; k++)
                fputc(',', f);
            fputc('\n', f);
        }
    }
}

/* The words a cell of column c is written in: yes/no, a text map's texts,
 * a rating, or a number in the column's unit. */
static void put_kind(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c)
{
    const ir_column *col = &p->columns[c];
    const char *sep = lang == LBL_ZH ? "、" : ", ";
    if (col->map) {
        fputs(msgcat_get(lang, "one of the texts"), f);
        for (uint32_t k = 0; k < col->map->n; k++)
            csv_message(f, "%s\"%s\"", k ? sep : " ", col->map->texts[k]);
        csv_message(f, msgcat_get(lang, " (map %s)"), col->map->name);
        if (col->map->else_missing)
            fputs(msgcat_get(lang, "; any other text is missing"), f);
    } else if (col->type == IR_COL_BOOL) {
        fputs(msgcat_get(lang, "yes or no (是/否, 1/0)"), f);
    } else if (n->rated[c]) {
        fputs(msgcat_get(lang, "a rating from 0 to 100 (the evaluator's score of a goal without a number)"), f);
    } else if (col->agg == IR_AGG_SHARE || col->agg == IR_AGG_COUNT) {
        /* `share <= 75`, `count`: each row's reading, compared or
         * counted as written; the indicator's % is the share of rows,
         * not what a cell holds (a daily PM2.5 in μg/m³ is no percentage) */
        fputs(msgcat_get(lang, "a number as measured, one per row (the indicator counts the rows, or takes the "
                               "share of them that meet the comparison)"), f);
    } else if (col->unit && *col->unit && strcmp(col->unit, "1") != 0) {
        csv_message(f, msgcat_get(lang, "a number in %s"), col->unit);
        if (strcmp(col->unit, "%") == 0)
            csv_message(f, msgcat_get(lang, " (70 or 70%% for seventy per cent, not 0.7)"));
    } else {
        fputs(msgcat_get(lang, "a number"), f);
    }
}

/* A column's unit as the list says it: "" for none (or "1"). */
static const char *shown_unit(const ir_column *col)
{
    return col->unit && strcmp(col->unit, "1") != 0 ? col->unit : "";
}

/* Whether columns a and b (of one name) hold the same kind of cell
 * (put_kind says the same of them). */
static bool same_kind(const ir_program *p, const tmpl_needs *n, uint32_t a, uint32_t b)
{
    const ir_column *x = &p->columns[a], *y = &p->columns[b];
    if (x->map || y->map)
        return x->map == y->map;
    if (x->type != y->type)
        return false;
    if (x->type == IR_COL_BOOL)
        return true;
    if (n->rated[a] || n->rated[b])
        return n->rated[a] == n->rated[b];
    /* counted or shared: the readings as measured, whatever another
     * indicator reads them in (`mean` in μg/m³ beside `share <= 75`) */
    if (x->agg == IR_AGG_SHARE || x->agg == IR_AGG_COUNT || y->agg == IR_AGG_SHARE || y->agg == IR_AGG_COUNT)
        return true;
    return strcmp(shown_unit(x), shown_unit(y)) == 0;
}

/* The indicator reading column col, and how it combines rows. */
static void put_indicator(FILE *f, lbl_lang lang, const ir_column *col)
{
    csv_message(f, msgcat_get(lang, "; indicator %s"), col->indicator ? col->indicator : "?");
    if (col->agg_text)
        csv_message(f, msgcat_get(lang, "; several rows per region and year are combined (%s)"), col->agg_text);
}

void tmpl_write_column_kind(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c)
{
    uint32_t m = n->first[c];
    while (m != UINT32_MAX && !tmpl_column_needed(p, n, m))
        m = n->next[m];
    put_kind(f, lang, p, n, m != UINT32_MAX ? m : c);
}

/* The years before the plan's baseline year in which a target reads the
 * column of c's name (at(x, 2020) for a text that counts "比2020年", a
 * target counting from 2015, at(x, 2015)), as "; also read in 2020": the year
 * line says the rules judge from the year after the baseline, and a file
 * filled in from there would leave such a target missing.  Nothing when
 * none is read. */
static void put_early_years(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c)
{
    enum { MAXYEARS = 8 };
    int years[MAXYEARS];
    uint32_t ny = 0;
    for (uint32_t i = 0; i < p->ninputs; i++) {
        const ir_input *in = &p->inputs[i];
        if (in->kind != IR_IN_DATA || !in->shift.absolute || in->shift.year >= p->baseline)
            continue;
        bool ours = in->column == c;
        for (uint32_t m = n->first[c]; m != UINT32_MAX && !ours; m = n->next[m])
            ours = in->column == m;
        if (!ours)
            continue;
        uint32_t k = 0; /* kept in order, each once */
        while (k < ny && years[k] < in->shift.year)
            k++;
        if ((k < ny && years[k] == in->shift.year) || ny == MAXYEARS)
            continue;
        memmove(years + k + 1, years + k, (ny - k) * sizeof years[0]);
        years[k] = in->shift.year;
        ny++;
    }
    if (ny == 0)
        return;
    char list[MAXYEARS * 16] = "";
    size_t len = 0;
    for (uint32_t k = 0; k < ny; k++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%d", k ? (lang == LBL_ZH ? "、" : ", ") : "",
                                years[k]);
    csv_message(f, msgcat_get(lang, "; also read in %s, years before the baseline that a target reads"), list);
}

void tmpl_write_column_note(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, uint32_t c, int from,
                            int to)
{
    /* the columns of c's name that the chosen regions need, each its
     * indicator (one data column read by several, or with several
     * aggregates): what a cell holds said once, unless one of them reads
     * it otherwise */
    uint32_t m0 = UINT32_MAX;
    for (uint32_t m = n->first[c]; m != UINT32_MAX; m = n->next[m]) {
        if (!tmpl_column_needed(p, n, m))
            continue;
        if (m0 == UINT32_MAX) {
            m0 = m;
            put_kind(f, lang, p, n, m);
            put_indicator(f, lang, &p->columns[m]);
            continue;
        }
        csv_message(f, msgcat_get(lang, "; indicator %s"), p->columns[m].indicator ? p->columns[m].indicator : "?");
        if (!same_kind(p, n, m0, m)) {
            fputs(msgcat_get(lang, ", which reads it as "), f);
            put_kind(f, lang, p, n, m);
        }
        if (p->columns[m].agg_text)
            csv_message(f, msgcat_get(lang, "; several rows per region and year are combined (%s)"),
                        p->columns[m].agg_text);
    }
    if (m0 == UINT32_MAX) { /* none needed: the column's own */
        put_kind(f, lang, p, n, c);
        put_indicator(f, lang, &p->columns[c]);
    }
    const ir_column *col = &p->columns[c];
    if (col->per_year && from > 0)
        csv_message(f, msgcat_get(lang, "; a column per year (%d to %d)"), from, to);
    put_early_years(f, lang, p, n, c);
    /* the selected regions that need it, when not all of them do */
    uint32_t k = 0;
    for (uint32_t i = 0; i < n->nregions; i++)
        k += region_needs(p, n, i, c);
    if (k < n->nregions) {
        fputs(msgcat_get(lang, "; only for"), f);
        uint32_t shown = 0;
        for (uint32_t i = 0; i < n->nregions && shown < 8; i++)
            if (region_needs(p, n, i, c))
                csv_message(f, "%s%s", shown++ ? (lang == LBL_ZH ? "、" : ", ") : " ",
                            p->regions[n->regions[i]].name);
        if (k > shown)
            csv_message(f, msgcat_get(lang, " and %u more"), k - shown);
    }
}

void tmpl_write_list(FILE *f, lbl_lang lang, const ir_program *p, const tmpl_needs *n, int from, int to)
{
    bool wide = tmpl_wide(p, n);
    csv_message(f, msgcat_get(lang, "%s: the region, as the rules name it (or an alias)\n"), p->region_key);
    if (!wide)
        csv_message(f, msgcat_get(lang, "%s: the year, four digits (2024; 2024年 is read as 2024 too); the plan's baseline year is %d, "
                                        "the first it judges %d (a trend also reads the year before)\n"),
                    p->year_key, p->baseline, p->baseline + 1);
    uint32_t count = 0;
    for (uint32_t c = 0; c < p->ncolumns; c++) {
        if (!tmpl_column_listed(p, n, c))
            continue;
        count++;
        csv_message(f, "%s: ", p->columns[c].name);
        tmpl_write_column_note(f, lang, p, n, c, from, to);
        fputc('\n', f);
    }
    csv_message(f, msgcat_get(lang, count == 1 ? "%u column the rules read for these regions; an empty cell is a "
                                                 "missing number\n"
                                               : "%u columns the rules read for these regions; an empty cell is a "
                                                 "missing number\n"),
                count);
}

/* Appends region g's name to a list being written to f ("甲, 乙" or
 * "甲、乙"). */
static void put_listed(FILE *f, lbl_lang lang, const char *name, bool first)
{
    csv_message(f, "%s%s", first ? "" : lang == LBL_ZH ? "、" : ", ", name);
}

/* The regions listed in one line at most, the others counted ("and 992
 * more"): a file of a thousand regions gets lines a reader can read; and
 * the rows of other regions listed, one a line. */
enum { TMPL_LISTED = 8, TMPL_ROWS_LISTED = 20 };

/* The rows of the chosen regions, grouped by region: rows[first[i] ..
 * first[i + 1]) are n->regions[i]'s, in file order (the file's own
 * rows only: not planc's rows of groups).  One pass instead of a pass
 * over the file per region, which took seconds for 5,000 regions. */
typedef struct by_region {
    size_t *rows, *first;
} by_region;

/* Groups t's rows by the chosen region they belong to (see by_region);
 * a row of another region is in no group. */
static by_region group_rows(const ir_program *p, const rt_table *t, const tmpl_needs *n)
{
    size_t nrows = rt_table_nrows(t);
    uint32_t *slot = rt_xcalloc((size_t)p->nregions + 1, sizeof *slot); /* chosen index + 1, or 0 */
    for (uint32_t i = 0; i < n->nregions; i++)
        if (slot[n->regions[i]] == 0)
            slot[n->regions[i]] = i + 1;
    by_region b = {rt_xcalloc(nrows + 1, sizeof *b.rows), rt_xcalloc((size_t)n->nregions + 2, sizeof *b.first)};
    for (size_t row = 0; row < nrows; row++)
        if (rt_table_line(t, row) != 0 && slot[rt_table_region(t, row)])
            b.first[slot[rt_table_region(t, row)]]++;
    for (uint32_t i = 0; i < n->nregions; i++)
        b.first[i + 1] += b.first[i];
    size_t *next = rt_xcalloc((size_t)n->nregions + 1, sizeof *next);
    memcpy(next, b.first, (size_t)n->nregions * sizeof *next);
    for (size_t row = 0; row < nrows; row++)
        if (rt_table_line(t, row) != 0 && slot[rt_table_region(t, row)])
            b.rows[next[slot[rt_table_region(t, row)] - 1]++] = row;
    free(next);
    free(slot);
    return b;
}

/* A row of the table by where it is: its file and line (tmpl_check lists
 * rows of other regions so). */
typedef struct file_line {
    size_t file;
    unsigned line;
    size_t row;
} file_line;

/* Orders file_lines by file, then line. */
static int by_file_line(const void *a, const void *b)
{
    const file_line *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

/* The plural's "s" of an English count: "" for 1 ("1 row"), "s" else. */
static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* Whether the cell of column c's name on `row` is empty (a missing
 * number): missing as one of the columns of its name reads it (a count
 * of the cells is never missing). */
static bool cell_empty(const rt_table *t, const tmpl_needs *n, uint32_t c, size_t row)
{
    for (uint32_t m = n->first[c]; m != UINT32_MAX; m = n->next[m]) {
        double v = rt_table_column(t, m)[row];
        if (v != v)
            return true;
    }
    return false;
}

unsigned tmpl_check(FILE *err, lbl_lang lang, const ir_program *p, const rt_table *t, const tmpl_needs *n,
                    bool chosen, int from, int to, const char *name, unsigned warnings)
{
    unsigned problems = 0, empty = 0, needed = 0, nrated = 0;
    size_t nrows = rt_table_nrows(t);
    by_region b = group_rows(p, t, n);
    size_t own = b.first[n->nregions];
    /* of several files, each message names the file it is about (a
     * row's, a cell's: the file of its row); one about the files
     * together (a region without a row in any) is planc's, of no file;
     * the last line names them all */
    size_t nfiles = rt_table_nfiles(t);
    const char *together = nfiles > 1 ? "planc" : name;
    /* rows of regions the file is not for: those in no group (the first
     * TMPL_ROWS_LISTED each on a line, the others counted: a national
     * file checked for one city has thousands) */
    if (chosen) {
        uint8_t *ours = rt_xcalloc(nrows + 1, 1);
        for (size_t k = 0; k < own; k++)
            ours[b.rows[k]] = 1;
        size_t others = 0, *unlisted = rt_xcalloc(nfiles, sizeof *unlisted); /* per file, beyond those listed */
        /* in the order of the files and their lines (the table's rows
         * are sorted by region: a reader looks the lines up in order) */
        file_line *at = rt_xcalloc(nrows + 1, sizeof *at);
        size_t nat = 0;
        for (size_t row = 0; row < nrows; row++)
            if (rt_table_line(t, row) != 0 && !ours[row])
                at[nat++] = (file_line){rt_table_row_file(t, row), rt_table_line(t, row), row};
        qsort(at, nat, sizeof *at, by_file_line);
        for (size_t k = 0; k < nat; k++) {
            size_t row = at[k].row;
            if (others++ < TMPL_ROWS_LISTED)
                csv_message(err, msgcat_get(lang, "%s:%u: error: a row of %s, which the file is not for (--region)\n"),
                            rt_table_row_path(t, row), rt_table_line(t, row), p->regions[rt_table_region(t, row)].name);
            else
                unlisted[rt_table_row_file(t, row)]++;
            problems++;
        }
        for (size_t f = 0; f < nfiles; f++)
            if (unlisted[f])
                csv_message(err, msgcat_get(lang, unlisted[f] == 1 ? "%s: error: %zu more row of a region the file is not for (--region)\n"
                                                                     : "%s: error: %zu more rows of regions the file is not for (--region)\n"),
                            rt_table_file_path(t, f), unlisted[f]);
        free(unlisted);
        free(at);
        free(ours);
    }
    for (uint32_t c = 0; c < p->ncolumns; c++) {
        if (!tmpl_column_listed(p, n, c))
            continue;
        needed++;
        const ir_column *col = &p->columns[c];
        if (rt_table_column_absent(t, c)) {
            /* in no file's header: said at the first file (of several,
             * the reading has refused a column the rows of a region read,
             * so no region needing it has a row) */
            unsigned hl = rt_table_header_line(t);
            if (hl)
                csv_message(err, "%s:%u: ", rt_table_file_path(t, 0), hl);
            else
                csv_message(err, "%s: ", rt_table_file_path(t, 0));
            csv_message(err, msgcat_get(lang, "error: column '%s' (indicator %s) is not in the header; the rules "
                                              "read it for "),
                        col->name, col->indicator ? col->indicator : "?");
            uint32_t listed = 0, more = 0;
            for (uint32_t i = 0; i < n->nregions; i++)
                if (region_needs(p, n, i, c)) {
                    if (listed < TMPL_LISTED)
                        put_listed(err, lang, p->regions[n->regions[i]].name, listed++ == 0);
                    else
                        more++;
                }
            if (more)
                csv_message(err, msgcat_get(lang, more == 1 ? " and %u more region" : " and %u more regions"), more);
            fputc('\n', err);
            /* a field like it (森林覆盖率 for forest_pct): planc run's
             * note; else what the city does about it */
            if (rt_table_absent_note(t, c))
                fputs(rt_table_absent_note(t, c), err);
            else
                csv_message(err, msgcat_get(lang, "note: add the column '%s' to the header, as the blank file "
                                                  "'planc template' writes has it, and its values to the rows of "
                                                  "those regions\n"),
                            col->name);
            problems++;
            continue;
        }
        /* the empty cells of the column on the rows of the regions that
         * need it, as one note: "甲 2019, 2020; 乙 2024" */
        bool any = false;
        if (tmpl_column_rated(n, c)) { /* the evaluator's ratings: counted below */
            for (size_t row = 0; row < nrows && !any; row++)
                any = rt_table_line(t, row) != 0 && cell_empty(t, n, c, row);
            nrated += any;
            continue;
        }
        /* a note per file, of the cells of its rows */
        for (size_t f = 0; f < nfiles; f++) {
            uint32_t listed = 0, more = 0;
            any = false;
            for (uint32_t i = 0; i < n->nregions; i++) {
                if (!region_needs(p, n, i, c))
                    continue;
                bool region_shown = false, counted = false;
                for (size_t k = b.first[i]; k < b.first[i + 1]; k++) {
                    size_t row = b.rows[k];
                    if (!cell_empty(t, n, c, row) || rt_table_row_file(t, row) != f)
                        continue;
                    empty++;
                    if (listed == TMPL_LISTED) { /* a region beyond those listed: counted */
                        more += !counted;
                        counted = true;
                        continue;
                    }
                    if (!any)
                        csv_message(err, msgcat_get(lang, "%s: note: column '%s' is empty (a missing number) for "),
                                    rt_table_file_path(t, f), col->name);
                    csv_message(err, "%s%s%s%d", any && !region_shown ? (lang == LBL_ZH ? "；" : "; ") : "",
                                region_shown ? "" : p->regions[n->regions[i]].name,
                                region_shown ? (lang == LBL_ZH ? "、" : ", ") : " ", rt_table_year(t, row));
                    any = region_shown = true;
                }
                listed += region_shown;
            }
            if (more)
                csv_message(err, msgcat_get(lang, more == 1 ? " and %u more region" : " and %u more regions"), more);
            if (any)
                fputc('\n', err);
        }
    }
    /* the rating columns with empty cells, in one note: a bureau leaves
     * them to the evaluator */
    for (size_t f = 0; nrated && f < nfiles; f++) {
        uint32_t k = 0;
        for (uint32_t c = 0; c < p->ncolumns; c++) {
            if (!tmpl_column_rated(n, c) || !tmpl_column_listed(p, n, c) || rt_table_column_absent(t, c))
                continue;
            bool any = false;
            for (size_t row = 0; row < nrows && !any; row++)
                any = rt_table_line(t, row) != 0 && cell_empty(t, n, c, row) && rt_table_row_file(t, row) == f;
            if (!any)
                continue;
            if (k == 0)
                csv_message(err, msgcat_get(lang, "%s: note: rating columns (0 to 100, the evaluator's scores of "
                                                  "goals without a number) with empty cells: "),
                            rt_table_file_path(t, f));
            put_listed(err, lang, p->columns[c].name, k++ == 0);
        }
        if (k)
            fputc('\n', err);
    }
    /* each chosen region's rows, and the years it lacks (without
     * --years, a region given without a row); a file of its header only
     * is not a file checked */
    size_t lines = 0;
    for (size_t row = 0; row < nrows; row++)
        lines += rt_table_line(t, row) != 0;
    for (size_t f = 0; lines == 0 && f < nfiles; f++) {
        csv_message(err, msgcat_get(lang, "%s: error: the file has no rows, only its header\n"),
                    rt_table_file_path(t, f));
        problems++;
    }
    /* (the first TMPL_LISTED regions short of rows each named, the
     * others counted, as the other lists of regions: a check of a
     * thousand --region's gave a line per region and year) */
    uint32_t short_regions = 0;
    for (uint32_t i = 0; lines && chosen && from == 0 && i < n->nregions; i++)
        if (b.first[i] == b.first[i + 1]) {
            if (short_regions++ < TMPL_LISTED)
                csv_message(err, msgcat_get(lang, "%s: error: no row of %s\n"), together,
                            p->regions[n->regions[i]].name);
            problems++;
        }
    if (short_regions > TMPL_LISTED)
        csv_message(err, msgcat_get(lang, short_regions == TMPL_LISTED + 1 ? "%s: error: %u more region without a row\n"
                                                                      : "%s: error: %u more regions without a row\n"),
                    together, short_regions - TMPL_LISTED);
    short_regions = 0;
    for (uint32_t i = 0; lines && i < n->nregions; i++) {
        const char *rn = p->regions[n->regions[i]].name;
        bool lacks = false;
        for (int y = from; from > 0 && y <= to; y++) {
            long row = rt_table_find(t, n->regions[i], y);
            if (row < 0 || rt_table_line(t, (size_t)row) == 0) {
                if (short_regions < TMPL_LISTED)
                    csv_message(err, msgcat_get(lang, "%s: error: no row of %s for %d\n"), together, rn, y);
                lacks = true;
                problems++;
            }
        }
        short_regions += lacks;
    }
    if (short_regions > TMPL_LISTED)
        csv_message(err, msgcat_get(lang, short_regions == TMPL_LISTED + 1
                                          ? "%s: error: %u more region without a row for a year of --years\n"
                                          : "%s: error: %u more regions without a row for a year of --years\n"),
                    together, short_regions - TMPL_LISTED);
    /* the last line says what the lines above it hold: no errors (and how
     * many warnings, if any), or how many errors and, when there are
     * some, how many warnings; "1 row", "1 column", "1 warning" in the
     * singular (the catalog's Chinese takes the plural's "s" as %.0s) */
    if (problems == 0 && warnings > 0)
        csv_message(err, msgcat_get(lang, "%s: no errors, %u warning%s (above): %zu row%s, %u column%s the rules "
                                          "read for these regions, empty cells (missing): %u\n"),
                    name, warnings, plural(warnings), own, plural(own), needed, plural(needed), empty);
    else if (problems == 0)
        csv_message(err, msgcat_get(lang, "%s: ok: %zu row%s, %u column%s the rules read for these regions, "
                                          "empty cells (missing): %u\n"),
                    name, own, plural(own), needed, plural(needed), empty);
    else if (warnings > 0)
        csv_message(err, msgcat_get(lang, "%s: problems found: %u error%s, %u warning%s (above)\n"), name, problems,
                    plural(problems), warnings, plural(warnings));
    else
        csv_message(err, msgcat_get(lang, "%s: problems found: %u\n"), name, problems);
    free(b.rows);
    free(b.first);
    return problems;
}
