#!/bin/sh
# golden.sh — golden tests (cproc, jq): run planc, compare its output exactly.
#
#   golden.sh diag PLANC DIR/NAME.plan [LANG]
#       runs `planc check NAME.plan` inside DIR; stderr must equal NAME.err
#       byte for byte (carets included) and the exit code must be 1 when
#       NAME.err holds an "error:" line, else 0.  With LANG (zh), runs
#       `planc check --lang LANG NAME.plan` against NAME-LANG.err (its
#       error lines say "错误：").
#   golden.sh case PLANC DIR
#       DIR/cmd holds planc's arguments (one line, run inside DIR); stdout
#       must equal DIR/expected.out, stderr DIR/expected.err (empty when the
#       file is absent), the exit code DIR/expected.rc (0 when absent).
#       A case whose input is large generates it rather than commit it:
#       DIR/gen.sh, when present, runs first (sh) in a scratch copy of DIR,
#       and cmd then runs in that copy.  gen.sh finds the planc under test
#       in $PLANC (to record runs in a results history, for compare) and
#       the case's own directory in $CASE (to reach files beside it).
#
# Set PLANC_UPDATE_GOLDEN=1 to rewrite the expected files from the actual
# output (then review the diff before committing).
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
mode=$1; planc=$2; what=$3
# The cases run the JIT, as they did before `planc run` chose its engine
# (--engine auto would interpret their few rows): the results are the same,
# and the cases then also cover the compiled code and its cache.
PLANC_ENGINE=${PLANC_ENGINE:-jit}; export PLANC_ENGINE
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0

compare() { # expected actual label
    if [ "${PLANC_UPDATE_GOLDEN:-}" = 1 ]; then
        if [ -s "$2" ] || [ -f "$1" ]; then cp "$2" "$1"; fi
        return 0
    fi
    exp=$1; [ -f "$exp" ] || exp=/dev/null
    if ! cmp -s "$exp" "$2"; then
        echo "--- $3 differs (expected $1):"; diff -u "$exp" "$2" | head -60; fail=1
    fi
}

case "$mode" in
diag)
    dir=$(dirname "$what"); name=$(basename "$what" .plan); lang=${4:-}
    if [ -n "$lang" ]; then
        (cd "$dir" && "$planc" check --lang "$lang" "$name.plan") >"$tmp/out" 2>"$tmp/err"; rc=$?
        expected=$dir/$name-$lang.err
    else
        (cd "$dir" && "$planc" check "$name.plan") >"$tmp/out" 2>"$tmp/err"; rc=$?
        expected=$dir/$name.err
    fi
    compare "$expected" "$tmp/err" stderr
    want=0; grep -q 'error:\|错误：' "$expected" 2>/dev/null && want=1
    [ "${PLANC_UPDATE_GOLDEN:-}" = 1 ] || [ "$rc" -eq "$want" ] || { echo "exit code $rc, expected $want"; fail=1; }
    ;;
case)
    dir=$what
    args=$(cat "$dir/cmd")
    rundir=$dir
    if [ -f "$dir/gen.sh" ]; then
        rundir=$tmp/case
        mkdir "$rundir" && cp -R "$dir"/. "$rundir"/ && (case_dir=$(cd "$dir" && pwd) && cd "$rundir" && PLANC=$planc CASE=$case_dir sh gen.sh) ||
            { echo "gen.sh failed"; exit 1; }
    fi
    # shellcheck disable=SC2086
    (cd "$rundir" && eval "\"$planc\" $args") >"$tmp/out" 2>"$tmp/err"; rc=$?
    compare "$dir/expected.out" "$tmp/out" stdout
    compare "$dir/expected.err" "$tmp/err" stderr
    want=0; [ -f "$dir/expected.rc" ] && want=$(cat "$dir/expected.rc")
    if [ "${PLANC_UPDATE_GOLDEN:-}" = 1 ]; then
        [ "$rc" -ne 0 ] && echo "$rc" >"$dir/expected.rc"
    elif [ "$rc" -ne "$want" ]; then echo "exit code $rc, expected $want"; fail=1; fi
    ;;
*) echo "usage: golden.sh diag|case PLANC PATH" >&2; exit 2 ;;
esac
exit $fail
