#!/bin/sh
# chromium.sh — the HTML report as a person sees it: headless Chromium
# opens the report of the Beautiful Liaoning example, takes a screenshot and
# dumps the DOM it built.  Checks that
#   - the page parsed whole: the DOM holds as many charts, bars, heatmap
#     cells, trajectory charts and their level panels as the file (an
#     unescaped name or broken markup would lose or add elements);
#   - it rendered: the screenshot is not blank (many non-white pixels and
#     colours), and the ranking bars (grade green) and the heatmap (status
#     colours) are on screen.
#   - a level of 100 cities has its table of regions folded (a closed
#     <details> holding every row), and a link to the table opens it.
# Without Chromium it says so and exits 77 (ctest: skipped); .ci/run
# installs Chromium so CI always runs it.
#
#   chromium.sh PLANC PNGSTAT SRCDIR
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; pngstat=$2; src=$3

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "chromium.sh: Chromium is not installed: skipped (apt-get install chromium)"
    exit 77
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$planc" run "$src/rules/liaoning/beautiful-liaoning.plan" --data "$src/examples/liaoning/data.csv" \
    --engine interp --format html -o "$tmp/report.html" || { echo "FAIL: planc run exited $?"; exit 1; }

# Chromium with a fresh profile, no network services, no GPU.
run_chromium() {
    rm -rf "$tmp/profile"
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$tmp/profile" --window-size=1280,2000 "$@" \
        "file://$tmp/report.html" 2>"$tmp/chromium.err"
}

run_chromium --dump-dom >"$tmp/dom.html" || { cat "$tmp/chromium.err"; bad "chromium --dump-dom failed"; }
run_chromium --screenshot="$tmp/shot.png" >/dev/null || { cat "$tmp/chromium.err"; bad "chromium --screenshot failed"; }
[ "$fail" = 0 ] || exit 1

# The DOM holds every element of the file (counted by their class).
for what in '<svg class="ranking"' '<svg class="heatmap"' '<svg class="trajectory"' \
            '<rect class="bar"' '<rect class="cell"' '<polyline class="series"' \
            '<line class="deadline"' '<svg class="key"' '<table class="regions"' '<table class="agencies"' \
            '<text class="level"' \
            '<table class="targets"'; do
    infile=$(grep -o "$what" "$tmp/report.html" | wc -l)
    indom=$(grep -o "$what" "$tmp/dom.html" | wc -l)
    [ "$infile" -gt 0 ] || bad "the report has no $what"
    [ "$infile" = "$indom" ] || bad "$what: $infile in the file, $indom in the browser's DOM"
done
# The heatmap: a chart per level (the province, its 14 cities), each with
# a cell per region of the level and target that applies to the level (a
# line of the target roll-up); a trajectory chart per target.
levels() { sed -n 's/^ *{"'"$1"'": .*"level": "\([^"]*\)".*/\1/p'; }
"$planc" run "$src/rules/liaoning/beautiful-liaoning.plan" --data "$src/examples/liaoning/data.csv" \
    --engine interp --format json --rollup region | levels region >"$tmp/region-levels"
"$planc" run "$src/rules/liaoning/beautiful-liaoning.plan" --data "$src/examples/liaoning/data.csv" \
    --engine interp --format json --rollup target | levels target >"$tmp/target-levels"
cells=$(awk 'FILENAME ~ /region-levels$/ { r[$1]++; next } { t[$1]++ } END { for (l in r) n += r[l] * t[l]; print n }' \
    "$tmp/region-levels" "$tmp/target-levels")
[ "$(grep -o '<svg class="heatmap"' "$tmp/dom.html" | wc -l)" = 2 ] || bad "the heatmap is not a chart per level (2)"
[ "$cells" -gt 15 ] && [ "$cells" -lt 1275 ] || bad "$cells heatmap cells expected: not 15 regions x some of the 85 targets"
[ "$(grep -o '<rect class="cell"' "$tmp/dom.html" | wc -l)" = "$cells" ] ||
    bad "the heatmap has $(grep -o '<rect class="cell"' "$tmp/dom.html" | wc -l) cells, not the $cells of its levels' regions and targets"
[ "$(grep -o '<svg class="trajectory"' "$tmp/dom.html" | wc -l)" = 85 ] || bad "not 85 trajectory charts"
# A target over the province and its cities is drawn as a panel per level
# inside its one chart: a heading for each (province, city: all 14, or
# those in its scope) in 27 charts.
[ "$(grep -o '<text class="level"[^>]*>province · 1 region<' "$tmp/dom.html" | wc -l)" = 27 ] &&
    [ "$(grep -o '<text class="level"[^>]*>city · [0-9]* regions<' "$tmp/dom.html" | wc -l)" = 27 ] ||
    bad "the 27 targets over the province and its cities are not drawn as a panel per level"

# The screenshot: not blank; the grade colour of the best band (the ranking
# bars) and the status colours met / failed (the heatmap) are drawn.
stats=$("$pngstat" "$tmp/shot.png" 1a9850 63be7b f8696b) || bad "the screenshot is not a PNG"
echo "screenshot: $stats"
set -- $stats
[ "$1" = 1280x2000 ] || bad "the screenshot is $1, not 1280x2000"
nonwhite=${2#nonwhite=}; colours=${3#colours=}
green=${4#1a9850=}; met=${5#63be7b=}; failed=${6#f8696b=}
[ "$nonwhite" -gt 100000 ] || bad "only $nonwhite non-white pixels: the page looks blank"
[ "$colours" -gt 100 ] || bad "only $colours colours: the page looks blank"
[ "$green" -gt 1000 ] || bad "the ranking bars (#1a9850) are not on screen ($green pixels)"
[ "$met" -gt 1000 ] || bad "the heatmap's met cells (#63be7b) are not on screen ($met pixels)"
[ "$failed" -gt 100 ] || bad "the heatmap's failed cells (#f8696b) are not on screen ($failed pixels)"

# A level of more than 40 regions (100 cities): its table of regions is
# folded in a closed <details> that holds all 100 rows, and a link to the
# table (as the ranking's cut line) opens the fold, without a script.
awk 'BEGIN {
    print "plan P \"p\" {\n    region R\n    baseline 2020\n    horizon 2030\n}"
    print "levels province, city\nregion R : province"
    for (i = 0; i < 100; i++) printf "region c%d : city in R\n", i
    print "unit t\nindicator x : t, higher, column \"x\""
    print "section S \"s\" {\n    measure (1) \"m\" {"
    print "        target T for city : x >= 50 by 2030\n    }\n}"
    print "assessment A {\n    missing zero\n    grade good >= 60, poor\n}"
}' >"$tmp/many.plan"
awk 'BEGIN { print "region,year,x"; for (y = 2020; y <= 2022; y++) for (i = 0; i < 100; i++)
    printf "c%d,%d,%d\n", i, y, i + y - 2020 }' >"$tmp/many.csv"
"$planc" run "$tmp/many.plan" --data "$tmp/many.csv" --engine interp -o "$tmp/report.html" ||
    bad "planc run of 100 cities failed"
grep -q '<a href="#regions-1">' "$tmp/report.html" || bad "the ranking's cut line does not link to the cities' table"
run_chromium --dump-dom >"$tmp/many-dom.html" || bad "chromium --dump-dom of 100 cities failed"
[ "$(grep -c '<details class="regions">' "$tmp/many-dom.html")" = 1 ] ||
    bad "the cities' table is not in one closed <details>: $(grep -o '<details[^>]*>' "$tmp/many-dom.html" | tr '\n' ' ')"
[ "$(sed -n '/<details/,/<\/details>/p' "$tmp/many-dom.html" | grep -c '^<tr><td class="n">')" = 100 ] ||
    bad "the fold does not hold the 100 cities' rows"
rm -rf "$tmp/profile"
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --window-size=1280,2000 --dump-dom \
    "file://$tmp/report.html#regions-1" >"$tmp/open-dom.html" 2>"$tmp/chromium.err" ||
    bad "chromium --dump-dom of report.html#regions-1 failed"
grep -q '<details class="regions" open="">' "$tmp/open-dom.html" ||
    bad "following a link to the cities' table does not open its fold"

exit $fail
