#!/bin/sh
# demo.sh — what `make demo` runs: check the bundled Beautiful Liaoning rule
# set, score the bundled (synthetic) data for its 14 cities and the
# province, write the full results and print a readable summary, then the
# HTML page and the Excel workbook an evaluator hands on (in Chinese).
#   demo.sh [PLANC [OUTDIR]]
# writes its three files into OUTDIR, by default the directory PLANC is in
# (`make demo BUILD=DIR` gives DIR/planc and DIR).
set -eu
planc=${1:-build/planc}
dir=${2:-$(dirname "$planc")}
here=$(dirname "$0")
top=$here/..
rules=$top/rules/liaoning/beautiful-liaoning.plan
data=$here/liaoning/data.csv
out=$dir/liaoning-results.csv

echo "== planc check $rules"
"$planc" check "$rules"
echo "   no errors"
echo "== planc test $rules"
"$planc" test "$rules"
echo "== planc run $rules --data $data -o $out"
"$planc" run "$rules" --data "$data" -o "$out"
echo "   wrote $(($(wc -l <"$out") - 1)) result rows to $out"
echo
awk -f "$here/liaoning/summary.awk" "$out"

# The documents an evaluator hands on, in Chinese as Liaoning's evaluators
# would hand them on: the name of -o picks the format.
page=$dir/liaoning-report.html
book=$dir/liaoning-results.xlsx
echo
echo "== planc run ... --lang zh -o $page, and -o $book"
"$planc" run "$rules" --data "$data" --lang zh -o "$page"
"$planc" run "$rules" --data "$data" --lang zh -o "$book"
echo "   open $page in a browser (ranking, status heatmap, trajectories),"
echo "   $book in Excel or LibreOffice (a sheet per roll-up and the detail);"
echo "   without --lang zh their headings and status words are English"
