# summary.awk — a readable summary of `planc run` results (the CSV of
# docs/LANGUAGE.md §11) for `make demo`:
#
#   awk -f examples/liaoning/summary.awk RESULTS.csv
#
# prints, for the last year in the results, each region's total score and
# grade; every veto of any year; and, per region, the targets that are off
# track in the last year (lagging, failed or missing).  Fields are split as
# RFC 4180 CSV (the plan's texts in the `name` column hold commas and
# quotes); the results have no line breaks inside fields.  Columns are
# separated by tabs, which keeps CJK names aligned whatever the awk.

# Splits the CSV line `s` into f[1..n]; returns n.
function csv_split(s, f,    n, i, c, field, quoted) {
    n = 0; field = ""; quoted = 0
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (quoted) {
            if (c == "\"" && substr(s, i + 1, 1) == "\"") { field = field c; i++ }
            else if (c == "\"") quoted = 0
            else field = field c
        } else if (c == "\"") quoted = 1
        else if (c == ",") { f[++n] = field; field = "" }
        else field = field c
    }
    f[++n] = field
    return n
}

# Appends `item` to the list in `list[key]`, separated by "、".
function add(list, key, item,    had) {
    had = key in list
    list[key] = had ? list[key] "、" item : item
}

NR == 1 {
    for (i = csv_split($0, h); i > 0; i--) col[h[i]] = i
    next
}

{
    csv_split($0, f)
    region = f[col["region"]]; year = f[col["year"]] + 0; kind = f[col["kind"]]
    if (!(region in seen)) { seen[region] = 1; order[++nregions] = region }
    if (year > last) last = year
    if (kind == "total") {
        score[region, year] = f[col["score"]]
        grade[region, year] = f[col["grade"]]
        if (f[col["vetoes"]] != "")
            vetoes[++nvetoes] = sprintf("%s %d: %s", region, year, f[col["vetoes"]])
    } else if (kind == "target") {
        st = f[col["status"]]
        if (st == "lagging" || st == "failed" || st == "missing")
            add(off, region SUBSEP year SUBSEP st, f[col["id"]])
    }
}

END {
    printf "== 成效考核 %d: total score and grade per region\n", last
    for (i = 1; i <= nregions; i++) {
        r = order[i]
        s = score[r, last]
        printf "   %s\t%s\t%s\n", r, s == "" ? "-" : sprintf("%.1f", s), grade[r, last]
    }
    printf "== vetoes (一票否决), all years\n"
    if (nvetoes == 0) print "   none"
    for (i = 1; i <= nvetoes; i++) print "   " vetoes[i]
    printf "== targets off track in %d\n", last
    split("failed lagging missing", sts, " ")
    for (i = 1; i <= nregions; i++) {
        r = order[i]
        for (k = 1; k <= 3; k++)
            if ((r SUBSEP last SUBSEP sts[k]) in off)
                printf "   %s %s: %s\n", r, sts[k], off[r, last, sts[k]]
    }
}
