#!/bin/sh
# demo.sh — what `make demo` runs: check the bundled Beautiful Liaoning rule
# set, score the bundled (synthetic) data for its 14 cities and the
# province, write the full results and print a readable summary.
set -eu
planc=${1:-build/planc}
here=$(dirname "$0")
top=$here/..
rules=$top/rules/liaoning/beautiful-liaoning.plan
data=$here/liaoning/data.csv
out=build/liaoning-results.csv

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
