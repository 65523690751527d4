/* report_json.c — the results and roll-ups as one JSON document.
 *
 * The document is written in a fixed key order (docs/OUTPUT.md lists it),
 * two levels indented and every record of "results" and of the roll-ups on
 * one line, so that it diffs well and stays readable when large. */
#include "report_json.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "manifest.h"
#include "report.h"
#include "rtmem.h"

void report_json_lead(json_writer *w, const ir_measure *m)
{
    json_begin_inline_array(w);
    for (uint32_t i = 0; i < m->nlead; i++)
        json_str(w, m->lead[i]);
    json_end_array(w);
}

void report_json_counts(json_writer *w, const rollup_counts *c)
{
    json_begin_record(w);
    for (int i = 0; i <= IR_ST_MET; i++) {
        int st = rollup_status_order[i];
        json_key(w, ir_statusname(st));
        json_int(w, c->n[st]);
    }
    json_key_int(w, "total", c->total);
    json_end_object(w);
}

/* "plan": what the rules are, for a reader of the document alone. */
static void put_plan(json_writer *w, const ir_program *p)
{
    json_key(w, "plan");
    json_begin_object(w);
    json_key_str(w, "name", p->plan);
    json_key_str(w, "title", p->title);
    json_key_int(w, "baseline", p->baseline);
    json_key_int(w, "horizon", p->horizon);
    json_key_str(w, "assessment", p->has_assessment ? p->assessment : NULL);
    json_key(w, "grades");
    json_begin_inline_array(w);
    for (uint32_t i = 0; i < p->nbands; i++)
        json_str(w, p->bands[i]);
    json_end_array(w);
    json_end_object(w);
}

/* A rules manifest ("HEX  NAME\n" a file) as an array of records {"name",
 * "sha256"}, in its order: on lines of their own, or (inline) on the
 * line of the record it is in. */
static void put_manifest(json_writer *w, const char *manifest, bool inline_)
{
    if (inline_)
        json_begin_inline_array(w);
    else
        json_begin_array(w);
    size_t n;
    manifest_entry *e = manifest_parse(manifest, &n);
    for (size_t i = 0; i < n; i++) {
        json_begin_record(w);
        json_key_str(w, "name", e[i].name);
        json_key_str(w, "sha256", e[i].hex);
        json_end_object(w);
    }
    manifest_free(e, n);
    json_end_array(w);
}

/* "rules_files": the rules manifest (report_source) as records {"name",
 * "sha256"}, in its order; absent when the caller does not know it. */
static void put_rules_files(json_writer *w, const char *manifest)
{
    if (!manifest)
        return;
    json_key(w, "rules_files");
    put_manifest(w, manifest, false);
}

/* "data_files": each data file (report_source) as a record {"name",
 * "sha256", "read_with", "read_with_sha256", "read_with_files"} (the
 * last three null for a file read with the scored rules), in the order
 * given, as the history's data_files table keeps them: data_sha256 is,
 * for several files, only the hash of their hashes, and an auditor holding
 * the document alone checks each file with sha256sum.  Absent when the
 * caller does not know them. */
static void put_data_files(json_writer *w, const report_source *src)
{
    if (!src->data_files)
        return;
    json_key(w, "data_files");
    json_begin_array(w);
    for (size_t i = 0; i < src->ndata_files; i++) {
        const report_data_file *d = &src->data_files[i];
        json_begin_record(w);
        json_key_str(w, "name", d->name);
        json_key_str(w, "sha256", d->sha256);
        json_key_str(w, "read_with", d->read_with);
        json_key_str(w, "read_with_sha256", d->read_with ? d->read_with_sha256 : NULL);
        json_key(w, "read_with_files");
        if (d->read_with && d->read_with_files)
            put_manifest(w, d->read_with_files, true);
        else
            json_null(w);
        json_end_object(w);
    }
    json_end_array(w);
}

/* "absent_columns": the indicator columns the data's header lacked, read
 * as missing cells (--allow-missing-columns), that the rules read on a
 * region the data has rows of (rt_table_column_absent_needed), each with
 * its indicator and the targets that read it (missing in every region and
 * year): what the page's header and the workbook's missing_columns sheet
 * say. */
static void put_absent_columns(json_writer *w, const ir_program *p, const rt_table *t)
{
    json_key(w, "absent_columns");
    json_begin_array(w);
    for (uint32_t k = 0; k < p->ncolumns; k++) {
        if (!rt_table_column_absent_needed(t, k))
            continue;
        json_begin_object(w);
        json_key_str(w, "column", p->columns[k].name);
        json_key_str(w, "indicator", p->columns[k].indicator);
        json_key(w, "targets");
        json_begin_inline_array(w);
        for (uint32_t i = 0; i < p->ntargets; i++)
            for (uint32_t c = 0; c < p->targets[i].ncolumns; c++)
                if (p->targets[i].columns[c] == k) {
                    json_str(w, p->targets[i].name);
                    break;
                }
        json_end_array(w);
        json_end_object(w);
    }
    json_end_array(w);
}

/* "source": what produced the document (report_source), so that a number
 * in it can be reproduced; null when the caller does not say.  The
 * explanation's JSON has the same object (explain.c). */
void report_json_source(json_writer *w, const ir_program *p, const rt_table *t,
                        const report_source *src)
{
    json_key(w, "source");
    if (!src) {
        json_null(w);
        return;
    }
    json_begin_object(w);
    json_key_str(w, "planc", PLANC_VERSION);
    json_key_str(w, "rules", src->rules);
    json_key_str(w, "rules_sha256", src->rules_sha256);
    put_rules_files(w, src->rules_files);
    json_key_str(w, "data", src->data);
    json_key_str(w, "data_sha256", src->data_sha256);
    put_data_files(w, src);
    json_key_str(w, "data_options", src->data_options);
    put_absent_columns(w, p, t);
    json_end_object(w);
}

/* The fields every detail record shares, in order: region, year, kind, id,
 * name, clause. */
static void put_row_head(json_writer *w, const char *region, int year, const char *kind,
                         const char *id, const char *name, const char *clause)
{
    json_key_str(w, "region", region);
    json_key_int(w, "year", year);
    json_key_str(w, "kind", kind);
    json_key_str(w, "id", id);
    json_key_str(w, "name", name);
    json_key_str(w, "clause", clause);
}

/* The lead and shared fields of a record: a measure's, or null. */
static void put_lead(json_writer *w, const ir_measure *m)
{
    json_key(w, "lead");
    if (m)
        report_json_lead(w, m);
    else
        json_null(w);
    json_key(w, "shared");
    if (m)
        json_bool(w, m->shared);
    else
        json_null(w);
}

/* The numeric and closing fields of a record, in order: status, value,
 * unit, goal, [tolerance,] expected, score, weight, grade, vetoes.  The
 * tolerance (a NaN is null) only when the rules have one: tol true. */
static void put_row_tail(json_writer *w, const char *status, double value, const char *unit,
                         double goal, bool tol, double tolerance, double expected, double score,
                         double weight)
{
    json_key_str(w, "status", status);
    json_key_num(w, "value", value);
    json_key_str(w, "unit", unit);
    json_key_num(w, "goal", goal);
    if (tol) {
        json_key_num(w, "tolerance", tolerance);
    }
    json_key_num(w, "expected", expected);
    json_key_num(w, "score", score);
    json_key_num(w, "weight", weight);
}

/* The last fields of a result record: the region's parent and top (null
 * for none), as the CSV's last columns. */
static void put_place(json_writer *w, const char *parent, const char *top)
{
    json_key_str(w, "parent", parent);
    json_key_str(w, "top", top);
}

/* "results": one record per result row, in the order of the CSV. */
static void put_results(json_writer *w, const ir_program *p, const rt_table *t, const rt_result *r)
{
    json_key(w, "results");
    json_begin_array(w);
    size_t n = rt_table_nrows(t);
    bool tol = report_has_tolerance(p);
    for (size_t row = 0; row < n; row++) {
        uint32_t reg = rt_table_region(t, row);
        const char *region = p->regions[reg].name;
        int32_t up = p->regions[reg].parent, top = report_region_top(p, reg);
        const char *parent = up >= 0 ? p->regions[up].name : NULL;
        const char *topname = top >= 0 ? p->regions[top].name : NULL;
        int year = rt_table_year(t, row);
        for (uint32_t i = 0; i < p->ntargets; i++) {
            const ir_target *tg = &p->targets[i];
            double st = rt_result_value(r, tg->status, row);
            json_begin_record(w);
            put_row_head(w, region, year, "target", tg->name, tg->desc, tg->clause);
            put_lead(w, tg->measure < p->nmeasures ? &p->measures[tg->measure] : NULL);
            put_row_tail(w, isnan(st) ? NULL : ir_statusname((int)st), rt_result_value(r, tg->value, row),
                         tg->unit, report_target_goal(r, tg, row), tol,
                         report_target_tolerance(r, tg, row, year), report_target_expected(r, tg, row),
                         rt_result_value(r, tg->score, row), tg->weight);
            json_key(w, "grade");
            json_null(w);
            json_key(w, "vetoes");
            json_null(w);
            put_place(w, parent, topname);
            json_end_object(w);
        }
        if (!p->has_assessment)
            continue;
        for (uint32_t i = 0; i < p->nmeasures; i++) {
            const ir_measure *m = &p->measures[i];
            json_begin_record(w);
            put_row_head(w, region, year, "measure", m->id, m->title, m->id);
            put_lead(w, m);
            put_row_tail(w, NULL, NAN, NULL, NAN, tol, NAN, NAN, rt_result_value(r, m->score, row), m->weight);
            json_key(w, "grade");
            json_null(w);
            json_key(w, "vetoes");
            json_null(w);
            put_place(w, parent, topname);
            json_end_object(w);
        }
        for (uint32_t i = 0; i < p->nsections; i++) {
            const ir_section *s = &p->sections[i];
            json_begin_record(w);
            put_row_head(w, region, year, "section", s->id, s->title, NULL);
            put_lead(w, NULL);
            put_row_tail(w, NULL, NAN, NULL, NAN, tol, NAN, NAN, rt_result_value(r, s->score, row), s->weight);
            json_key(w, "grade");
            json_null(w);
            json_key(w, "vetoes");
            json_null(w);
            put_place(w, parent, topname);
            json_end_object(w);
        }
        json_begin_record(w);
        put_row_head(w, region, year, "total", NULL, p->assessment, NULL);
        put_lead(w, NULL);
        put_row_tail(w, NULL, NAN, NULL, NAN, tol, NAN, NAN, rt_result_value(r, p->total, row), NAN);
        double g = rt_result_value(r, p->grade, row);
        json_key_str(w, "grade", !isnan(g) && g >= 0 && g < p->nbands ? p->bands[(uint32_t)g] : NULL);
        json_key(w, "vetoes");
        json_begin_array(w);
        for (uint32_t i = 0; i < p->ntargets; i++)
            if (p->targets[i].veto && rt_result_value(r, p->targets[i].status, row) == IR_ST_FAILED)
                json_str(w, p->targets[i].name);
        json_end_array(w);
        put_place(w, parent, topname);
        json_end_object(w);
    }
    json_end_array(w);
}

/* "regions" of the roll-up. */
static void put_regions(json_writer *w, const ir_program *p, const rollup *ru)
{
    json_key(w, "regions");
    json_begin_array(w);
    for (uint32_t i = 0; i < ru->nregions; i++) {
        const rollup_region *rg = &ru->regions[i];
        json_begin_record(w);
        json_key_str(w, "region", p->regions[rg->region].name);
        json_key_str(w, "level", p->levels[rg->level]);
        json_key_str(w, "parent", rg->parent >= 0 ? p->regions[rg->parent].name : NULL);
        json_key_str(w, "top", rg->top >= 0 ? p->regions[rg->top].name : NULL);
        json_key_bool(w, "in_data", rg->present);
        json_key_num(w, "total", rg->total);
        json_key_str(w, "grade", rg->grade >= 0 ? p->bands[rg->grade] : NULL);
        json_key(w, "rank");
        if (rg->rank)
            json_int(w, rg->rank);
        else
            json_null(w);
        json_key_int(w, "ranked", rg->nranked);
        json_key(w, "vetoes");
        json_begin_inline_array(w);
        for (uint32_t k = 0; k < rg->nvetoes; k++)
            json_str(w, p->targets[rg->vetoes[k]].name);
        json_end_array(w);
        json_key(w, "counts");
        report_json_counts(w, &rg->counts);
        json_end_object(w);
    }
    json_end_array(w);
}

/* "agencies" of the roll-up: each with its measures and their counts. */
static void put_agencies(json_writer *w, const ir_program *p, const rollup *ru)
{
    json_key(w, "agencies");
    json_begin_array(w);
    for (uint32_t i = 0; i < ru->nagencies; i++) {
        const rollup_agency *ag = &ru->agencies[i];
        json_begin_object(w);
        json_key_str(w, "agency", ag->name);
        json_key(w, "counts");
        report_json_counts(w, &ag->counts);
        json_key(w, "measures");
        json_begin_array(w);
        for (uint32_t k = 0; k < ag->nmeasures; k++) {
            uint32_t m = ag->measures[k];
            const ir_measure *ms = &p->measures[m];
            json_begin_record(w);
            json_key_str(w, "id", ms->id);
            json_key_str(w, "title", ms->title);
            json_key_bool(w, "shared", ms->shared);
            json_key_num(w, "mean_score", ru->measures[m].mean_score);
            json_key(w, "counts");
            report_json_counts(w, &ru->measures[m].counts);
            json_key(w, "targets");
            json_begin_array(w);
            for (uint32_t j = 0; j < ag->ntargets; j++)
                if (p->targets[ag->targets[j]].measure == m)
                    json_str(w, p->targets[ag->targets[j]].name);
            json_end_array(w);
            json_end_object(w);
        }
        json_end_array(w);
        json_end_object(w);
    }
    json_end_array(w);
}

/* "targets" of the roll-up: a record per target and level. */
static void put_targets(json_writer *w, const ir_program *p, const rollup *ru)
{
    json_key(w, "targets");
    json_begin_array(w);
    for (uint32_t i = 0; i < ru->ntargets; i++) {
        const rollup_target *rt = &ru->targets[i];
        const ir_target *tg = &p->targets[rt->target];
        json_begin_record(w);
        json_key_str(w, "target", tg->name);
        json_key_str(w, "clause", tg->clause);
        json_key_str(w, "unit", tg->unit);
        json_key_str(w, "level", rt->level == ROLLUP_NO_LEVEL ? NULL : p->levels[rt->level]);
        json_key(w, "counts");
        report_json_counts(w, &rt->counts);
        json_key_int(w, "values", rt->nvalues);
        json_key_num(w, "min", rt->min);
        json_key_num(w, "q1", rt->q1);
        json_key_num(w, "median", rt->median);
        json_key_num(w, "q3", rt->q3);
        json_key_num(w, "max", rt->max);
        json_key_num(w, "mean", rt->mean);
        json_key_num(w, "goal", rt->goal);
        json_key_bool(w, "goal_varies", rt->goal_varies);
        json_key_int(w, "below_goal", rt->nbelow_goal);
        json_key_int(w, "above_goal", rt->nabove_goal);
        json_key_num(w, "mean_score", rt->mean_score);
        json_end_object(w);
    }
    json_end_array(w);
}

int report_json(const ir_program *p, const rt_table *t, const rt_result *r,
                const rollup *ru, unsigned what, const report_source *src, FILE *out)
{
    json_writer w;
    json_init(&w, out);
    json_begin_object(&w);
    json_key(&w, "format");
    json_str(&w, "planc-results");
    json_key(&w, "version");
    json_int(&w, REPORT_JSON_VERSION);
    put_plan(&w, p);
    report_json_source(&w, p, t, src);
    /* the years of the data, read from the table (a roll-up has them too,
     * but the detail alone needs no roll-up) */
    json_key(&w, "years");
    json_begin_inline_array(&w);
    uint32_t ny;
    int *years = rollup_table_years(t, &ny);
    for (uint32_t i = 0; i < ny; i++)
        json_int(&w, years[i]);
    free(years);
    json_end_array(&w);
    if (what & REPORT_JSON_DETAIL)
        put_results(&w, p, t, r);
    if (!ru && (what & (REPORT_JSON_REGIONS | REPORT_JSON_AGENCIES | REPORT_JSON_TARGETS))) {
        /* no rows, so no year to roll up: the key stays, as the format says */
        json_key(&w, "rollup");
        json_null(&w);
    } else if (ru && (what & (REPORT_JSON_REGIONS | REPORT_JSON_AGENCIES | REPORT_JSON_TARGETS))) {
        json_key(&w, "rollup");
        json_begin_object(&w);
        json_key(&w, "year");
        json_int(&w, ru->year);
        if (what & REPORT_JSON_REGIONS)
            put_regions(&w, p, ru);
        if (what & REPORT_JSON_AGENCIES)
            put_agencies(&w, p, ru);
        if (what & REPORT_JSON_TARGETS)
            put_targets(&w, p, ru);
        json_end_object(&w);
    }
    json_end_object(&w);
    json_finish(&w);
    return ferror(out) ? -1 : 0;
}
