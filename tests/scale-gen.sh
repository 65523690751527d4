#!/bin/sh
# scale-gen.sh — tools/scale-gen.py writes what planc reads at scale: a
# city list of 110000 regions (a 1.1 MB list; 312500 regions make 5M rows
# of data) checks clean, where the one line it was written on passed
# planc's 1 MiB line limit ("line longer than 1048576 bytes"), and its data
# scores.
#   scale-gen.sh PLANC SOURCE_DIR PYTHON
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2; py=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$py" "$src/tools/scale-gen.py" targets 5 "$tmp/big" --regions 110000 || fail "scale-gen.py failed"
n=$((n + 1)); [ "$(wc -c <"$tmp/big/rules.plan")" -gt 1100000 ] || fail "the rules hold fewer regions than asked"
n=$((n + 1)); "$planc" check "$tmp/big/rules.plan" >"$tmp/out" 2>"$tmp/err" ||
    fail "planc check of the generated rules: $(head -c 300 "$tmp/err")"
head -n 3201 "$tmp/big/data.csv" >"$tmp/part.csv"
n=$((n + 1)); "$planc" run --engine interp "$tmp/big/rules.plan" --data "$tmp/part.csv" -o "$tmp/res.csv" 2>"$tmp/err" ||
    fail "planc run of the generated data: $(head -c 300 "$tmp/err")"
n=$((n + 1)); grep -q '^C0000200,2034,' "$tmp/res.csv" || fail "no results of the 200th region"
# the same rows split into two --data files: the same results, and the
# files' regions are found among the plan's by name in log time (a search
# through the 110000 regions for each took minutes a file)
head -n 1601 "$tmp/part.csv" >"$tmp/a.csv"
{ head -n 1 "$tmp/part.csv"; sed -n '1602,3201p' "$tmp/part.csv"; } >"$tmp/b.csv"
n=$((n + 1)); timeout 120 "$planc" run --engine interp "$tmp/big/rules.plan" --data "$tmp/a.csv" --data "$tmp/b.csv" \
    -o "$tmp/res2.csv" 2>"$tmp/err" || fail "planc run of the data in two files: $(head -c 300 "$tmp/err")"
n=$((n + 1)); cmp -s "$tmp/res.csv" "$tmp/res2.csv" || fail "two files scored otherwise than one"

echo "scale-gen.sh: $n checks, $fails failed"
[ "$fails" -eq 0 ]
