#!/bin/sh
# unattended.sh — planc as a nightly job runs it:
# the cache's warnings, about the machine, fail no --warnings-as-errors
# run, while the data's still do; a workbook that does not fit in $TMPDIR
# fails rather than coming out cut short; the installed planc runs from
# any directory, its manual page complete.
#   unattended.sh PLANC SOURCE_DIR [CMAKE BUILD_DIR]
# With CMAKE and BUILD_DIR it also installs the build (cmake --install)
# and runs the installed planc as cron would.
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2; cmake=${3:-}; build=${4:-}
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fails=0; n=0
rules=$src/examples/quickstart/rules.plan
data=$src/examples/quickstart/data.csv

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { n=$((n + 1)); if ! eval "$1"; then fail "$2"; fi; }

# --- the cache's warnings do not fail --warnings-as-errors
# A cache directory planc cannot use (here a file; a read-only HOME in a
# cron job): a warning, and the run scores.
: >"$tmp/notadir"
PLANC_CACHE_DIR=$tmp/notadir "$planc" run "$rules" --data "$data" --engine jit \
    --warnings-as-errors -o "$tmp/r.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
check '[ $rc = 0 ]' "--warnings-as-errors, cache unusable: exit $rc, expected 0: $(cat "$tmp/err")"
check '[ -s "$tmp/r.csv" ]' "--warnings-as-errors, cache unusable: no results written"
check 'grep -q "^planc: warning: cannot use the cache directory" "$tmp/err"' \
    "the cache's warning is not said: $(cat "$tmp/err")"
check '! grep -q "treated as an error" "$tmp/err"' "the cache's warning was counted: $(cat "$tmp/err")"
# the same with the compile on its thread (--engine auto, a large file is
# not needed: jit forced above) and with JSON diagnostics
PLANC_CACHE_DIR=$tmp/notadir "$planc" run "$rules" --data "$data" --engine jit \
    --warnings-as-errors --diagnostics json -o "$tmp/r2.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
check '[ $rc = 0 ]' "--warnings-as-errors json, cache unusable: exit $rc: $(cat "$tmp/err")"
check 'grep -q "\"level\": \"warning\", \"message\": \"cannot use the cache directory" "$tmp/err"' \
    "the cache's warning is not in the JSON: $(cat "$tmp/err")"
# a data warning beside the cache's still fails the run, and is the only
# one counted
head -n 1 "$data" >"$tmp/empty.csv"
PLANC_CACHE_DIR=$tmp/notadir "$planc" run "$rules" --data "$data" --data "$tmp/empty.csv" \
    --engine jit --warnings-as-errors -o "$tmp/r4.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
check '[ $rc = 3 ]' "--warnings-as-errors, a data warning and the cache's: exit $rc, expected 3"
check '[ ! -e "$tmp/r4.csv" ]' "--warnings-as-errors, a data warning: results written"
check 'tail -n 1 "$tmp/err" | grep -qx "planc: error: 1 warning treated as an error (--warnings-as-errors)"' \
    "the count is not of the data's warning alone: $(cat "$tmp/err")"
check 'grep -q "^planc: warning: cannot use the cache directory" "$tmp/err"' \
    "the cache's warning is not said beside the data's"

# --- a workbook whose rows do not fit in $TMPDIR (a full disk, here the
# file size limit): libxlsxwriter writes each sheet's rows to a file there
# without checking the writes, and the workbook came out with its detail
# sheet cut short, exit 0.  Now exit 5, no output, nothing left behind.
mkdir -p "$tmp/scratch"
lrules=$src/rules/liaoning/beautiful-liaoning.plan
ldata=$src/examples/liaoning/data.csv
# (ulimit -f counts 512- or 1024-byte blocks by shell: 1000 is below the
# detail sheet's 10 MB of rows and above the rules and data read)
(ulimit -f 1000; TMPDIR=$tmp/scratch exec "$planc" run "$lrules" --data "$ldata" -o "$tmp/cut.xlsx" \
    >"$tmp/out" 2>"$tmp/err")
rc=$?
check '[ $rc = 5 ]' "a workbook's rows beyond the file size limit: exit $rc, expected 5: $(cat "$tmp/err")"
check '[ ! -e "$tmp/cut.xlsx" ]' "a workbook cut short was written"
check 'grep -q "^planc: error: cannot write the workbook.s scratch file" "$tmp/err"' \
    "no error names the workbook's scratch file: $(cat "$tmp/err")"
check '[ -z "$(ls -A "$tmp/scratch")" ]' "scratch files left in TMPDIR: $(ls -A "$tmp/scratch")"
# and with room, the same command writes it
TMPDIR=$tmp/scratch "$planc" run "$lrules" --data "$ldata" -o "$tmp/whole.xlsx" >"$tmp/out" 2>"$tmp/err"
rc=$?
check '[ $rc = 0 ] && [ -s "$tmp/whole.xlsx" ]' "the workbook with room: exit $rc: $(cat "$tmp/err")"

# --- the installed planc: from any directory, as another user's job,
# the prefix read-only and nothing written there; its manual page names
# every command and every variable planc reads
if [ -n "$cmake" ]; then
    prefix=$tmp/root/opt/planc
    "$cmake" --install "$build" --prefix "$prefix" >"$tmp/out" 2>&1
    rc=$?
    check '[ $rc = 0 ]' "cmake --install: exit $rc: $(cat "$tmp/out")"
    for f in bin/planc lib/planc/planc-llvm.so share/man/man1/planc.1 share/doc/planc/README.md \
             share/doc/planc/docs/LANGUAGE.md; do
        check '[ -s "$prefix/$f" ]' "not installed: $f"
    done
    chmod -R a-w "$tmp/root"
    : >"$tmp/marker"
    mkdir -p "$tmp/elsewhere" "$tmp/home"
    (cd "$tmp/elsewhere" && env -i PATH=/usr/bin:/bin HOME="$tmp/home" "$prefix/bin/planc" run "$rules" \
        --data "$data" --engine jit -o out.csv >"$tmp/out" 2>"$tmp/err")
    rc=$?
    check '[ $rc = 0 ] && [ -s "$tmp/elsewhere/out.csv" ]' "the installed planc, --engine jit: exit $rc: $(cat "$tmp/err")"
    check 'cmp -s "$tmp/elsewhere/out.csv" "$tmp/r.csv"' "the installed planc's results differ from the build's"
    check '[ -z "$(find "$tmp/root" -newer "$tmp/marker")" ]' \
        "the installed planc wrote under its prefix: $(find "$tmp/root" -newer "$tmp/marker")"
    check '[ -n "$(ls "$tmp/home/.cache/planc")" ]' "the cache is not in \$HOME/.cache/planc"
    man=$prefix/share/man/man1/planc.1
    check 'grep -q "^\.TH PLANC 1 \"\" \"planc $("$planc" --version | cut -d" " -f2)\"" "$man"' \
        "the manual page is not of this version: $(grep "^.TH" "$man")"
    for cmd in $("$planc" help | sed -n '/^commands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do
        check 'grep -q "^\.B[IR]* *\"*$cmd[ \"]" "$man"' "the manual page lacks the command $cmd"
    done
    for var in $(cat "$src"/compiler/*.c "$src"/runtime/*.c | grep -o '\(getenv\|env\)("[A-Z_]*")' |
                 sed 's/.*("\(.*\)")/\1/' | sort -u); do
        check 'grep -q "^\.BR* .*\b$var\b" "$man"' "the manual page's ENVIRONMENT lacks $var"
    done
fi

echo "unattended: $n checks, $fails failed"
[ "$fails" = 0 ]
