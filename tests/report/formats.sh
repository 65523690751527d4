#!/bin/sh
# formats.sh — `planc run --format xlsx|html` end to end, on the quickstart
# example: -o is required; the workbook reads back (its sheets, a
# detail row per result row of the CSV, the first cells); the page is the
# same bytes on every run (the workbook too, with SOURCE_DATE_EPOCH); both
# name the rules and data they came from; the page draws each region its
# own way; output is atomic (a failed run keeps the old file and leaves no
# temporary or scratch file behind).
#
#   formats.sh PLANC ZIPCAT SRCDIR
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; zipcat=$2; src=$3
rules=$src/examples/quickstart/rules.plan
data=$src/examples/quickstart/data.csv

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# libxlsxwriter's scratch files go to $TMPDIR: checked empty at the end.
mkdir "$tmp/scratch" "$tmp/out"
TMPDIR=$tmp/scratch; export TMPDIR
fail=0
bad() { echo "FAIL: $*"; fail=1; }
run() { "$planc" run "$rules" --data "$data" --engine interp "$@"; }

# -o is required: a workbook or a page is no text for a terminal.
for f in xlsx html; do
    run --format "$f" >"$tmp/stdout" 2>"$tmp/stderr"; rc=$?
    [ "$rc" = 2 ] || bad "--format $f without -o: exit $rc, expected 2"
    [ -s "$tmp/stdout" ] && bad "--format $f without -o wrote to stdout"
    grep -q "needs an output file (-o FILE)" "$tmp/stderr" || bad "--format $f without -o: $(cat "$tmp/stderr")"
done

# Without --format the name of -o decides (any case; .htm is a page);
# another name gets CSV.  A --format that contradicts the name, and the
# old Excel name .xls, are usage errors that write nothing.
run -o "$tmp/out/named.XLSX" || bad "planc run -o named.XLSX failed"
"$zipcat" "$tmp/out/named.XLSX" xl/workbook.xml >/dev/null || bad "-o named.XLSX is no workbook"
run -o "$tmp/out/named.htm" || bad "planc run -o named.htm failed"
head -1 "$tmp/out/named.htm" | grep -q '^<!DOCTYPE html>' || bad "-o named.htm is no page"
run -o "$tmp/out/named.json" || bad "planc run -o named.json failed"
grep -q '"format": "planc-results"' "$tmp/out/named.json" || bad "-o named.json is no JSON document"
run -o "$tmp/out/named.txt" || bad "planc run -o named.txt failed"
head -1 "$tmp/out/named.txt" | grep -q '^region,year,' || bad "-o named.txt is not CSV"
run --format csv -o "$tmp/out/bad.xlsx" 2>"$tmp/stderr"; rc=$?
[ "$rc" = 2 ] || bad "--format csv -o bad.xlsx: exit $rc, expected 2"
grep -q "is named for xlsx but --format csv was given" "$tmp/stderr" || bad "--format csv -o bad.xlsx: $(cat "$tmp/stderr")"
run -o "$tmp/out/bad.xls" 2>"$tmp/stderr"; rc=$?
[ "$rc" = 2 ] || bad "-o bad.xls: exit $rc, expected 2"
grep -q "old Excel format (.xls)" "$tmp/stderr" || bad "-o bad.xls: $(cat "$tmp/stderr")"
[ -e "$tmp/out/bad.xlsx" ] || [ -e "$tmp/out/bad.xls" ] && bad "a refused output was written"
rm -f "$tmp/out/named."*

# The workbook: six sheets in order and provenance last; the detail sheet
# has the CSV's rows; the put_right sheet the pairs of the page's list of
# those put right since the year before, in the same order.
run -o "$tmp/out/results.csv" || bad "planc run (csv) failed"
run --format xlsx -o "$tmp/out/results.xlsx" || bad "planc run --format xlsx failed"
"$zipcat" "$tmp/out/results.xlsx" xl/workbook.xml >"$tmp/workbook.xml" || bad "no xl/workbook.xml"
sheets=$(grep -o '<sheet name="[a-z_]*"' "$tmp/workbook.xml" | cut -d'"' -f2 | tr '\n' ' ')
[ "$sheets" = "regions off_track put_right agencies targets detail provenance " ] || bad "sheets are '$sheets'"
"$zipcat" "$tmp/out/results.xlsx" xl/worksheets/sheet6.xml >"$tmp/detail.xml" || bad "no detail sheet"
rows=$(grep -o '<row ' "$tmp/detail.xml" | wc -l)
lines=$(wc -l <"$tmp/out/results.csv")
[ "$rows" = "$lines" ] || bad "the detail sheet has $rows rows, the CSV $lines lines"
region=$(sed -n 2p "$tmp/out/results.csv" | cut -d, -f1)
year=$(sed -n 2p "$tmp/out/results.csv" | cut -d, -f2)
grep -q "<c r=\"A2\" t=\"inlineStr\"><is><t>$region</t></is></c><c r=\"B2\"><v>$year</v></c>" "$tmp/detail.xml" ||
    bad "the detail's first row is not $region, $year"
"$zipcat" "$tmp/out/results.xlsx" xl/worksheets/sheet1.xml | grep -q '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' ||
    bad "the regions sheet has no frozen header row"
run --format html -o "$tmp/results.html" || bad "planc run --format html failed"
pairs() { sed 's/<\/tr>/&\n/g' | sed -n 's/.*<td class="id">\([^<]*\)<\/td><td class="name">\([^<]*\)<\/td>.*/\1 \2/p'; }
sed -n '/<table class="resolved">/,/<\/table>/p' "$tmp/results.html" | pairs >"$tmp/resolved.page"
"$zipcat" "$tmp/out/results.xlsx" xl/worksheets/sheet3.xml | sed 's/<row /\n&/g' | sed '1,2d' |
    sed -n 's/.*<c r="A[0-9]*" t="inlineStr"><is><t>\([^<]*\)<.*<c r="D[0-9]*" t="inlineStr"><is><t>\([^<]*\)<.*/\1 \2/p' >"$tmp/resolved.book"
[ -s "$tmp/resolved.page" ] && [ "$(cat "$tmp/resolved.page")" = "$(cat "$tmp/resolved.book")" ] ||
    bad "the put_right sheet's pairs are not the page's: $(diff "$tmp/resolved.page" "$tmp/resolved.book" | tr '\n' ' ')"

# With SOURCE_DATE_EPOCH the workbook's creation time is that, not the
# clock: two runs a second apart write the same bytes.
SOURCE_DATE_EPOCH=1735689600 run --format xlsx -o "$tmp/a.xlsx" || bad "planc run --format xlsx failed"
sleep 1
SOURCE_DATE_EPOCH=1735689600 run --format xlsx -o "$tmp/b.xlsx" || bad "planc run --format xlsx failed"
cmp -s "$tmp/a.xlsx" "$tmp/b.xlsx" || bad "two workbooks with SOURCE_DATE_EPOCH differ"
"$zipcat" "$tmp/a.xlsx" docProps/core.xml | grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created>' ||
    bad "the workbook's creation time is not SOURCE_DATE_EPOCH's"

# The workbook's provenance sheet says how to write it again: its last
# line, a command with the workbook's creation time as SOURCE_DATE_EPOCH,
# writes the same bytes (here the clock's time: the run sets none), with
# --year and the data options, whatever -o names (tests/run cannot hold a
# workbook; OUTPUT.md §7).
run --na - --format xlsx -o "$tmp/clock.xlsx" || bad "planc run --format xlsx --na - failed"
"$zipcat" "$tmp/clock.xlsx" xl/worksheets/sheet7.xml >"$tmp/prov.xml" || bad "no provenance sheet"
again=$(sed 's/<row /\n&/g' "$tmp/prov.xml" | grep '>command that writes it again<' |
        sed 's/.*<c r="B[0-9]*" t="inlineStr"><is><t>\([^<]*\)<.*/\1/')
case "$again" in
"SOURCE_DATE_EPOCH="[0-9]*" planc run $rules --data $data --na - --year 2025 -o reproduced.xlsx") ;;
*) bad "the provenance's command is '$again'" ;;
esac
created=$(sed 's/<row /\n&/g' "$tmp/prov.xml" | grep '>created<' |
          sed 's/.*<c r="B[0-9]*" t="inlineStr"><is><t>\([^<]*\)<.*/\1/')
"$zipcat" "$tmp/clock.xlsx" docProps/core.xml | grep -q "<dcterms:created xsi:type=\"dcterms:W3CDTF\">$created</dcterms:created>" ||
    bad "the provenance's creation time '$created' is not the workbook's"
(cd "$tmp" && eval "$(printf '%s' "$again" | sed "s|^\(SOURCE_DATE_EPOCH=[0-9]*\) planc |\1 \"\$planc\" |")") ||
    bad "the provenance's command failed"
cmp -s "$tmp/clock.xlsx" "$tmp/reproduced.xlsx" || bad "the provenance's command wrote other bytes"

# The workbook and the page say what produced them: planc's version, the
# rules and the data with their SHA-256, the data options.
if command -v sha256sum >/dev/null; then
    # the rules' hash is of their manifest: sha256sum's lines for each file
    # read, named from the rules file's directory (OUTPUT.md §5)
    rsum=$(cd "$(dirname "$rules")" && sha256sum "$(basename "$rules")" | sha256sum | cut -d' ' -f1)
    dsum=$(sha256sum <"$data" | cut -d' ' -f1)
    fsum=$(sha256sum <"$rules" | cut -d' ' -f1)   # the file's own, named beside it
    "$zipcat" "$tmp/a.xlsx" docProps/core.xml | grep -q "<dc:description>written by planc [^ ]* from the rules $rules (SHA-256 $rsum of the manifest: rules.plan $fsum) and the data $data (SHA-256 $dsum)</dc:description>" ||
        bad "the workbook's comments do not name the rules and the data"
    run --format html --na - -o "$tmp/src.html" || bad "planc run --format html --na - failed"
    grep -q "<p class=\"source\">Written by planc [^ ]* from the rules $rules (SHA-256 $rsum of the manifest: rules.plan $fsum) and the data $data (SHA-256 <code>$dsum</code>), read with --na -.</p>" "$tmp/src.html" ||
        bad "the page's footer does not name the rules, the data and the options"
fi

# With several data files the data's hash is of their hashes: the
# provenance sheet gives each file's own, and the rules a file was read
# with (--read-with) by their manifest's hash and a line per file of it,
# so that an auditor holding the workbook alone checks each file with
# sha256sum (OUTPUT.md §7).
if command -v sha256sum >/dev/null; then
    many=$src/tests/run/data-many
    "$planc" run "$many/rules.plan" --data "$many/jia.csv" --data "$many/yi-bureau.csv" \
        --read-with "$many/yi-reading.plan" --allow-missing-columns --engine interp \
        -o "$tmp/many.xlsx" 2>/dev/null || bad "planc run --data A --data B --read-with R -o many.xlsx failed"
    # (sheet 8: the data lack a column, and so the workbook has missing_columns)
    "$zipcat" "$tmp/many.xlsx" xl/worksheets/sheet8.xml | sed 's/<row /\n&/g' >"$tmp/many-prov.xml"
    prov_row() { # ITEM NAME HASH: the provenance has that row
        grep -q ">$1</t></is></c><c r=\"B[0-9]*\" t=\"inlineStr\"><is><t>$2</t></is></c><c r=\"C[0-9]*\" t=\"inlineStr\"><is><t>$3</t>" "$tmp/many-prov.xml" ||
            bad "the provenance of several data files has no row '$1 | $2 | $3'"
    }
    prov_row "data file" "$many/jia.csv" "$(sha256sum <"$many/jia.csv" | cut -d' ' -f1)"
    prov_row "data file" "$many/yi-bureau.csv" "$(sha256sum <"$many/yi-bureau.csv" | cut -d' ' -f1)"
    prov_row "its reading (SHA-256 of the manifest)" "$many/yi-reading.plan" \
        "$(cd "$many" && sha256sum yi-reading.plan rules.plan | sha256sum | cut -d' ' -f1)"
    prov_row "reading's rules file" "yi-reading.plan" "$(sha256sum <"$many/yi-reading.plan" | cut -d' ' -f1)"
    prov_row "reading's rules file" "rules.plan" "$(sha256sum <"$many/rules.plan" | cut -d' ' -f1)"
    # the page's footer gives them too, after the hash of their hashes
    "$planc" run "$many/rules.plan" --data "$many/jia.csv" --data "$many/yi-bureau.csv" \
        --read-with "$many/yi-reading.plan" --allow-missing-columns --engine interp \
        -o "$tmp/many-footer.html" 2>/dev/null || bad "planc run --data A --data B --read-with R -o many-footer.html failed"
    grep -q " of the files' hashes: $many/jia.csv <code>$(sha256sum <"$many/jia.csv" | cut -d' ' -f1)</code>; $many/yi-bureau.csv <code>$(sha256sum <"$many/yi-bureau.csv" | cut -d' ' -f1)</code>, read by the rules $many/yi-reading.plan (SHA-256 $(cd "$many" && sha256sum yi-reading.plan rules.plan | sha256sum | cut -d' ' -f1) of the manifest: yi-reading.plan $(sha256sum <"$many/yi-reading.plan" | cut -d' ' -f1); rules.plan " "$tmp/many-footer.html" ||
        bad "the page's footer does not give each data file's hash and its reading's"
    # one file read with the scored rules: its hash is the data's, given once
    "$zipcat" "$tmp/clock.xlsx" xl/worksheets/sheet7.xml | grep -q '>data file<' &&
        bad "the provenance of one data file lists it twice"
fi

# The page's footer says how to write it again (its language and roll-up
# year, which the line above it does not name): that command writes the
# same bytes.
run --na - -o "$tmp/out/cmd.html" || bad "planc run -o cmd.html failed"
again=$(sed -n 's|^<p class="command">[^<]*<code>\(.*\)</code></p>$|\1|p' "$tmp/out/cmd.html")
[ "$again" = "planc run $rules --data $data --na - --year 2025 -o reproduced.html" ] ||
    bad "the page's command is '$again'"
(cd "$tmp" && eval "\"\$planc\" ${again#planc }") || bad "the page's command failed"
cmp -s "$tmp/out/cmd.html" "$tmp/reproduced.html" || bad "the page's command wrote other bytes"
rm -f "$tmp/out/cmd.html"

# With several --data files, one read with other rules, the command gives
# each file with its --read-with, in order (not the files' joined names
# as one --data), and it writes the same bytes.
many=$src/tests/run/data-many
(cd "$many" && "$planc" run rules.plan --data jia.csv --data yi-bureau.csv --read-with yi-reading.plan \
    --data national.csv --allow-missing-columns --engine interp -o "$tmp/out/many.html" 2>/dev/null) ||
    bad "planc run of several files -o many.html failed"
again=$(sed -n 's|^<p class="command">[^<]*<code>\(.*\)</code></p>$|\1|p' "$tmp/out/many.html")
[ "$again" = "planc run rules.plan --data jia.csv --data yi-bureau.csv --read-with yi-reading.plan --data national.csv --allow-missing-columns --year 2022 -o reproduced.html" ] ||
    bad "the page's command for several files is '$again'"
(cd "$many" && eval "\"\$planc\" $(echo "${again#planc }" | sed "s| -o reproduced.html\$||") -o \"\$tmp/many-again.html\"" 2>/dev/null) ||
    bad "the page's command for several files failed"
cmp -s "$tmp/out/many.html" "$tmp/many-again.html" || bad "the page's command for several files wrote other bytes"
rm -f "$tmp/out/many.html"

# The page: self-contained, and the same bytes twice.
run --format html -o "$tmp/out/a.html" || bad "planc run --format html failed"
run --format html -o "$tmp/out/b.html" || bad "planc run --format html failed"
cmp -s "$tmp/out/a.html" "$tmp/out/b.html" || bad "two runs wrote different pages"
head -1 "$tmp/out/a.html" | grep -q '^<!DOCTYPE html>$' || bad "the page does not start with <!DOCTYPE html>"
grep -q '<script\|<link\|src=' "$tmp/out/a.html" && bad "the page loads something"
# Each of the 15 regions is drawn its own way (colour, line style, marker):
# the legend has 15 keys, no two alike (the palette has 10 colours).
keys=$(grep -o '<svg class="key"[^<]*<line [^>]*><[^>]*>' "$tmp/out/a.html")
[ "$(printf '%s\n' "$keys" | wc -l)" = 15 ] || bad "the legend does not have 15 keys"
[ "$(printf '%s\n' "$keys" | sort -u | wc -l)" = 15 ] || bad "two regions' keys in the legend are alike"

# Many regions (100 cities of a province): the ranking and the heatmap draw
# the first and the last 20 cities and a line for the 60 between; the cities' target is
# drawn as its distribution (two bands and the median) instead of 100
# lines, and the legend names only the regions drawn as a line (the
# province).
awk 'BEGIN {
    print "plan P \"p\" {\n    region R\n    baseline 2020\n    horizon 2030\n}"
    print "levels province, city\nregion R : province"
    for (i = 0; i < 100; i++) printf "region c%d : city in R\n", i
    print "unit t\nindicator x : t, higher, column \"x\""
    print "section S \"s\" {\n    measure (1) \"m\" {"
    print "        target T for city : x >= 50 by 2030\n        target U for R : x >= 10 by 2030\n    }\n}"
    print "assessment A {\n    missing zero\n    grade good >= 60, poor\n}"
}' >"$tmp/many.plan"
awk 'BEGIN { print "region,year,x"; for (y = 2020; y <= 2022; y++) { printf "R,%d,%d\n", y, y - 2010;
    for (i = 0; i < 100; i++) printf "c%d,%d,%d\n", i, y, i + y - 2020 } }' >"$tmp/many.csv"
"$planc" run "$tmp/many.plan" --data "$tmp/many.csv" --engine interp -o "$tmp/out/many.html" ||
    bad "planc run of 100 cities failed"
count() { grep -o "$1" "$tmp/out/many.html" | wc -l; }
[ "$(count '<rect class="bar"')" = 41 ] || bad "the ranking has $(count '<rect class="bar"') bars, expected 40 cities and the province"
grep -q '<text class="cut"[^>]*><a href="#regions-1">… 60 more regions, in places 21 to 80 of this order, not drawn' \
    "$tmp/out/many.html" || bad "no line for the 60 cities left out of the ranking"
# The heatmap: a chart for the province (its target U) and one for the
# cities (T), cut as the ranking: 1 + 20 + 20 cells, a line and a note
# for the 60 cities between.
[ "$(count '<svg class="heatmap"')" = 2 ] && [ "$(count '<rect class="cell"')" = 41 ] ||
    bad "the heatmap has $(count '<svg class="heatmap"') charts and $(count '<rect class="cell"') cells, expected 2 and 41"
grep -q '<text class="cut"[^>]*>… 60 more regions, in places 21 to 80 of this order, not drawn</text>' "$tmp/out/many.html" &&
    grep -q '<p class="note cut">60 regions of this level are not drawn: every region' "$tmp/out/many.html" ||
    bad "the heatmap does not say that 60 cities are not drawn, and where they are"
# The table of regions: the province's open, the 100 cities' folded in a
# <details> that holds all 100 rows.
[ "$(count '<table class="regions"')" = 2 ] && [ "$(count '<details class="regions">')" = 1 ] &&
    [ "$(sed -n '/<details class="regions">/,/<\/details>/p' "$tmp/out/many.html" | grep -c '^<tr><td class="n">')" = 100 ] ||
    bad "the table of regions is not a table per level with the 100 cities folded"
[ "$(count '<polygon class="band"')" = 2 ] && [ "$(count '<polyline class="median"')" = 1 ] ||
    bad "the cities' target is not drawn as two bands and a median"
[ "$(count '<polyline class="series"')" = 1 ] || bad "$(count '<polyline class="series"') lines, expected the province's"
[ "$(count '<svg class="key"')" = 1 ] || bad "the legend has $(count '<svg class="key"') keys, expected the province's"
grep -q '100 regions, too many for a line each' "$tmp/out/many.html" || bad "the band chart does not say what it draws"
"$planc" run "$tmp/many.plan" --data "$tmp/many.csv" --engine interp --lang zh -o "$tmp/out/many.html" &&
    grep -q '另有60个地区（本排序第21至80位）未画出' "$tmp/out/many.html" &&
    grep -q '100个地区，不逐一画线' "$tmp/out/many.html" &&
    grep -q '<h3>市级 · 100个地区</h3>' "$tmp/out/many.html" &&
    grep -q '本层级有60个地区未画出：各地区各目标的状态见评估结果文件和工作簿的“明细”表' "$tmp/out/many.html" || bad "--lang zh: the cut and the bands are not in Chinese"

# Atomic: a run that fails (the data is missing) keeps the old file.
for f in xlsx html; do
    echo old >"$tmp/out/keep.$f"
    "$planc" run "$rules" --data "$tmp/nonexistent.csv" --engine interp --format "$f" \
        -o "$tmp/out/keep.$f" 2>/dev/null; rc=$?
    [ "$rc" = 3 ] || bad "--format $f with missing data: exit $rc, expected 3"
    [ "$(cat "$tmp/out/keep.$f")" = old ] || bad "--format $f: a failed run replaced the file"
done
# A directory that does not exist: exit 5 (a failed write) and a message.
run --format xlsx -o "$tmp/nodir/r.xlsx" 2>"$tmp/stderr"; rc=$?
[ "$rc" = 5 ] || bad "-o into a missing directory: exit $rc, expected 5"
grep -q "does not exist" "$tmp/stderr" || bad "-o into a missing directory: $(cat "$tmp/stderr")"

# The notes of a values table (tests/run/values-note): the workbook's fifth
# sheet, sources, has a row per noted region; the page a sources section
# and a footnote mark after the goals of each target reading a table, in
# English and in Chinese.
vn=$src/tests/run/values-note/rules.plan; vd=$src/tests/run/values/data.csv
for lang in en zh; do
    "$planc" run "$vn" --data "$vd" --engine interp --lang $lang -o "$tmp/out/notes-$lang.xlsx" &&
        "$planc" run "$vn" --data "$vd" --engine interp --lang $lang -o "$tmp/out/notes-$lang.html" ||
        bad "planc run of values-note --lang $lang failed"
done
"$zipcat" "$tmp/out/notes-en.xlsx" xl/workbook.xml | grep -q '<sheet name="sources" sheetId="7"' &&
    [ "$("$zipcat" "$tmp/out/notes-en.xlsx" xl/worksheets/sheet7.xml | grep -o '<row ' | wc -l)" = 6 ] &&
    "$zipcat" "$tmp/out/notes-en.xlsx" xl/worksheets/sheet7.xml | grep -q '<t>同上；海南为特殊功能区，目标较低</t>' ||
    bad "the workbook has no sources sheet of the header and the 5 noted regions"
"$zipcat" "$tmp/out/notes-zh.xlsx" xl/workbook.xml | grep -q '<sheet name="数值来源" sheetId="7"' ||
    bad "--lang zh: the sources sheet is not 数值来源"
grep -q '<tr id="source-1"><td class="n">1</td><td>强度下降目标</td><td>北京、天津</td><td class="n">20.5</td>' "$tmp/out/notes-en.html" &&
    [ "$(grep -o '<sup class="fn"><a href="#source-[12]"' "$tmp/out/notes-en.html" | wc -l)" = 4 ] ||
    bad "the page has no sources section and marks after the two targets' goals"
grep -q '<h2>规则给定值的来源</h2>' "$tmp/out/notes-zh.html" || bad "--lang zh: the sources section is not in Chinese"
[ "$(grep -c 'class="sources"' "$tmp/out/a.html")" = 0 ] || bad "a page without notes has a sources section"

# A values table with a noted row for every city (tests/run/values-levels):
# the sources list the row once, as "every city" (zh 全部市级), not city by
# city; the sheet likewise.
vl=$src/tests/run/values-levels
for lang in en zh; do
    "$planc" run "$vl/rules.plan" --data "$vl/data.csv" --engine interp --lang $lang -o "$tmp/out/levels-$lang.html" &&
        "$planc" run "$vl/rules.plan" --data "$vl/data.csv" --engine interp --lang $lang -o "$tmp/out/levels-$lang.xlsx" ||
        bad "planc run of values-levels --lang $lang failed"
done
grep -q '<tr><td></td><td>PM25年度目标</td><td>every city</td><td class="n">40</td><td>μg/m^3</td><td>其他城市按全省目标</td>' "$tmp/out/levels-en.html" &&
    [ "$(grep -c '其他城市按全省目标' "$tmp/out/levels-en.html")" = 1 ] ||
    bad "the page does not list the row of every city once"
grep -q '<td>全部市级</td><td class="n">40</td>' "$tmp/out/levels-zh.html" ||
    bad "--lang zh: the row of every city is not 全部市级"
"$zipcat" "$tmp/out/levels-en.xlsx" xl/worksheets/sheet7.xml | grep -q '<t>every city</t>' &&
    [ "$("$zipcat" "$tmp/out/levels-en.xlsx" xl/worksheets/sheet7.xml | grep -o '<row ' | wc -l)" = 3 ] ||
    bad "the sources sheet has not the header, 大连 and the row of every city"

# A noted row for every city, or an else row, with `in` that no region
# takes in its years (each city has its own row then, the province and
# the area their own every-year rows) gives no value: the page and the
# workbook have no sources; once 抚顺 (whose own rows all have years)
# lacks its own row in 2025, the city row is listed.
for taken in no yes; do
    sed -e '/^    沈阳 = 35,$/,/^}$/c\
    沈阳 = 35, 大连 = 33, 鞍山 = 39, 辽宁 = 30, 辽中南 = 36,\
    沈阳 = 34 in 2024..2025, 大连 = 32 in 2024..2025, 鞍山 = 38 in 2024..2025,\
    抚顺 = 40 in 2020..LAST,\
    city = 38 in 2024..2025 note "无城市采用",\
    else = 45 in 2025 note "无地区采用",\
}' "$vl/rules.plan" >"$tmp/untaken.plan"
    last=2025; [ $taken = yes ] && last=2024
    sed -i "s/LAST/$last/" "$tmp/untaken.plan"
    "$planc" run "$tmp/untaken.plan" --data "$vl/data.csv" --engine interp -o "$tmp/untaken-$taken.html" &&
        "$planc" run "$tmp/untaken.plan" --data "$vl/data.csv" --engine interp -o "$tmp/untaken-$taken.xlsx" ||
        bad "planc run of a table with untaken noted rows failed"
done
[ "$(grep -c 'id="sources"' "$tmp/untaken-no.html")" = 0 ] && ! grep -q '无城市采用\|无地区采用' "$tmp/untaken-no.html" ||
    bad "the page lists noted rows no region takes"
"$zipcat" "$tmp/untaken-no.xlsx" xl/workbook.xml | grep -q '<sheet name="sources"' &&
    bad "the workbook has a sources sheet of noted rows no region takes"
grep -q '<td>every city 2024–2025</td><td class="n">38</td><td>μg/m^3</td><td>无城市采用</td>' "$tmp/untaken-yes.html" &&
    ! grep -q '无地区采用' "$tmp/untaken-yes.html" ||
    bad "the page does not list the city row 抚顺 takes in 2025 (and only it)"

# A level's own text (`city "市州"`, the base's `province "省"` kept) is
# the workbook's level cell in both languages, as on the page (cli.sh).
lt=$src/tests/run/adapt-level-text
for lang in en zh; do
    "$planc" run "$lt/adapt.plan" --data "$lt/data.csv" --engine interp --lang $lang -o "$tmp/lt-$lang.xlsx" ||
        bad "planc run --lang $lang -o lt-$lang.xlsx failed"
    "$zipcat" "$tmp/lt-$lang.xlsx" xl/worksheets/sheet1.xml | grep -q '<t>甲省</t>.*<t>省</t>.*<t>东市</t>.*<t>市州</t>' ||
        bad "the $lang workbook's regions sheet does not call the levels 省 and 市州"
done

# Nothing left behind: no temporary output files, no scratch workbooks.
leftover=$(ls -A "$tmp/out" | grep -v '^\(results\.csv\|results\.xlsx\|a\.html\|b\.html\|many\.html\|keep\.xlsx\|keep\.html\|notes-\(en\|zh\)\.\(xlsx\|html\)\|levels-\(en\|zh\)\.\(xlsx\|html\)\)$')
[ -z "$leftover" ] || bad "left in the output directory: $leftover"
[ -z "$(ls -A "$tmp/scratch")" ] || bad "scratch files left: $(ls -A "$tmp/scratch")"

exit $fail
