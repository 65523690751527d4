#!/bin/sh
# cli-matrix.sh — every command's options, good and bad, against a record.
#
#   cli-matrix.sh PLANC SRC
#
# Runs the command lines listed below (tests/cli-matrix.cases: one a line,
# shell words; NAME=VALUE words before them set the environment) inside a
# scratch directory that holds the quickstart's rules (r.plan), data
# (d.csv) and a results history of two runs (h.db), and writes for each its
# exit code, its standard error whole and the start of its standard output
# (the options' effects, not the results' or the help's every line, which
# tests of their own check).  The record must equal tests/cli-matrix.out
# byte for byte: a usage error's text, the order in which a command checks
# its options and every exit code stay as they are unless the record is
# rewritten on purpose.
#
# Set PLANC_UPDATE_GOLDEN=1 to rewrite tests/cli-matrix.out from the actual
# record (then review the diff before committing).  CLI_MATRIX_FULL=FILE
# also writes a record with each standard output whole, for comparing two
# builds of planc (the parser's rewrite ran it before and after).
set -u
LC_ALL=C.UTF-8; export LC_ALL
unset LANGUAGE PLANC_LANG PLANC_ENGINE PLANC_CACHE_MAX PLANC_CACHE_DAYS PLANC_PROGRESS CC
planc=$1; src=$2
cases=$src/tests/cli-matrix.cases
expected=$src/tests/cli-matrix.out
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/w" "$tmp/home"
HOME=$tmp/home; export HOME
TMPDIR=$tmp; export TMPDIR
SOURCE_DATE_EPOCH=1767225600; export SOURCE_DATE_EPOCH
cp "$src/examples/quickstart/rules.plan" "$tmp/w/r.plan"
cp "$src/examples/quickstart/data.csv" "$tmp/w/d.csv"
cd "$tmp/w" || exit 1
for k in 1 2; do
    if ! "$planc" run r.plan --data d.csv --store h.db -o setup.csv >/dev/null 2>"$tmp/err"; then
        echo "FAIL: setting up the history: $(cat "$tmp/err")"
        exit 1
    fi
done
rm -f setup.csv

# The text of a stream as the record shows it: the scratch directory's
# name and the times of --timings made constant.
tidy() { # file
    sed -e "s|$tmp|TMP|g" -e 's/[0-9][0-9]*\.[0-9][0-9] ms/N ms/g' "$1"
}

record=$tmp/record
full=$tmp/full
: >"$record"; : >"$full"
n=0
while IFS= read -r line; do
    case $line in '' | '#'*) continue ;; esac
    n=$((n + 1))
    eval "set -- $line"
    # leading NAME=VALUE words: the command's environment
    envs=
    while [ $# -gt 0 ]; do
        case $1 in
        [A-Z]*=*) envs="$envs $1"; shift ;;
        *) break ;;
        esac
    done
    # shellcheck disable=SC2086
    env $envs "$planc" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
    rc=$?
    {
        echo "\$${envs:+$envs} planc $(printf '%s\n' "$line" | sed -E 's/^([A-Z_]+=[^ ]* )*//')"
        echo "exit $rc"
        tidy "$tmp/err" | sed 's/^/2| /'
    } | tee -a "$full" >>"$record"
    lines=$(wc -l <"$tmp/out")
    tidy "$tmp/out" | head -n 2 | sed 's/^/1| /' >>"$record"
    [ "$lines" -gt 2 ] && echo "1| ... $((lines - 2)) more lines" >>"$record"
    tidy "$tmp/out" | sed 's/^/1| /' >>"$full"
done <"$cases"

if [ -n "${CLI_MATRIX_FULL:-}" ]; then
    cp "$full" "$CLI_MATRIX_FULL"
fi
if [ "${PLANC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$record" "$expected"
    echo "cli-matrix: $n command lines recorded in $expected"
    exit 0
fi
if ! cmp -s "$expected" "$record"; then
    echo "FAIL: the record of $n command lines differs from $expected (< expected, > actual):"
    diff "$expected" "$record" | head -n 60
    exit 1
fi
echo "cli-matrix: $n command lines as recorded"
exit 0
