#!/bin/sh
# unattended.sh — planc as a nightly job runs it (docs/UNATTENDED.md):
# the cache's warnings, about the machine, fail no --warnings-as-errors
# run, while the data's still do; a workbook that does not fit in $TMPDIR
# (the results', planc template's) fails rather than coming out cut short; the nightly script of
# docs/UNATTENDED.md §5 works as it is written there; the installed planc
# runs from any directory, its manual page complete.
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
# a limit that lets the detail sheet's rows be written, and not the sheet
# they are then copied into (its rows and some 1.7 KB of head and tail):
# the sheet read back from the workbook is short
if command -v python3 >/dev/null 2>&1; then
    whole=$(python3 -c 'import sys, zipfile
print(max(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist() if i.filename.startswith("xl/worksheets/")))' \
        "$tmp/whole.xlsx")
    # the shell's block for ulimit -f: 512 or 1024 bytes
    (ulimit -f 1; head -c 2000 /dev/zero >"$tmp/block"; :) 2>/dev/null
    block=$(wc -c <"$tmp/block")
    limit=$(( (whole - 200) / block ))
    (ulimit -f "$limit"; TMPDIR=$tmp/scratch exec "$planc" run "$lrules" --data "$ldata" -o "$tmp/cut2.xlsx" \
        >"$tmp/out" 2>"$tmp/err")
    rc=$?
    check '[ $rc = 5 ] && [ ! -e "$tmp/cut2.xlsx" ]' \
        "a sheet cut short in its copy ($limit blocks of $block, sheet $whole): exit $rc: $(cat "$tmp/err")"
    check 'grep -q "a sheet came out shorter than its rows" "$tmp/err"' "the short sheet is not said: $(cat "$tmp/err")"
    check '[ -z "$(ls -A "$tmp/scratch")" ]' "scratch files left in TMPDIR: $(ls -A "$tmp/scratch")"
fi

# --- planc template's blank workbook, read back as the results' is:
# libxlsxwriter makes each part of it in a file in $TMPDIR, unchecked,
# and a limit below the data sheet's text (and above the compressed
# workbook's) gave a workbook with the sheet cut short, exit 0.  Now
# exit 5, no output, nothing left behind.
if command -v python3 >/dev/null 2>&1; then
    arules=$src/examples/realdata/air-quality-2023.plan
    TMPDIR=$tmp/scratch "$planc" template "$arules" --years 2000-2030 -o "$tmp/blank.xlsx" 2>"$tmp/err"
    rc=$?
    check '[ $rc = 0 ] && [ -s "$tmp/blank.xlsx" ]' "the blank workbook with room: exit $rc: $(cat "$tmp/err")"
    sizes=$(python3 -c 'import os, sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml").file_size, os.path.getsize(sys.argv[1]))' \
        "$tmp/blank.xlsx")
    sheet=${sizes% *}; book=${sizes#* }
    (ulimit -f 1; head -c 2000 /dev/zero >"$tmp/block"; :) 2>/dev/null
    block=$(wc -c <"$tmp/block")
    limit=$(( (sheet - 200) / block ))
    check '[ $((limit * block)) -gt $((book * 2)) ]' "the blank workbook's sheet ($sheet) is not much larger than the workbook ($book)"
    (ulimit -f "$limit"; TMPDIR=$tmp/scratch exec "$planc" template "$arules" --years 2000-2030 -o "$tmp/cut3.xlsx" \
        >"$tmp/out" 2>"$tmp/err")
    rc=$?
    check '[ $rc = 5 ] && [ ! -e "$tmp/cut3.xlsx" ]' \
        "a blank workbook's sheet cut short ($limit blocks of $block, sheet $sheet): exit $rc: $(cat "$tmp/err")"
    check 'grep -q "a sheet came out shorter than its rows" "$tmp/err"' "the short sheet is not said: $(cat "$tmp/err")"
    check '[ -z "$(ls -A "$tmp/scratch")" ]' "scratch files left in TMPDIR: $(ls -A "$tmp/scratch")"
fi

# --- a shared directory whose file system has no flock(2) (NFS without
# its lock daemon: ENOLCK): planc wrote 100 temporary files beside the
# output there, each run, and failed with 'File exists'.  A flock that
# always fails, put in front of the C library's (LD_PRELOAD).
. "$src/tests/nolock.sh"
if preload=$(nolock_preload "$tmp" "$planc"); then
    mkdir -p "$tmp/nfs"
    for i in 1 2; do
        LD_PRELOAD=$preload "$planc" run "$rules" --data "$data" -o "$tmp/nfs/r.csv" \
            --store "$tmp/nfs/h.db" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        check '[ $rc = 0 ]' "no flock, run $i: exit $rc, expected 0: $(cat "$tmp/err")"
    done
    check '[ "$(ls -A "$tmp/nfs" | tr "\n" " ")" = "h.db r.csv " ]' "no flock: files left: $(ls -A "$tmp/nfs" | head)"
    check 'cmp -s "$tmp/nfs/r.csv" "$tmp/r.csv"' "no flock: the results differ"
    check '"$planc" history "$tmp/nfs/h.db" | grep -c "^[0-9]" | grep -qx 2' "no flock: the runs are not recorded"
fi

# --- the nightly script of docs/UNATTENDED.md §5, as it is there
sed -n '/^<!-- planc-nightly/,/^```$/p' "$src/docs/UNATTENDED.md" | sed '1,2d;$d' >"$tmp/nightly"
check 'head -n 1 "$tmp/nightly" | grep -qx "#!/bin/sh"' "the script is not found in docs/UNATTENDED.md"
up=$tmp/uploads
mkdir -p "$up" "$tmp/accepted" "$tmp/share" "$tmp/var"
for city in $(tail -n +2 "$data" | cut -d, -f1 | sort -u); do
    mkdir -p "$up/$city"
    { head -n 1 "$data"; grep "^$city," "$data"; } >"$up/$city/2026-12-01.csv"
done
# what cities send: Windows line ends and a byte-order mark (accepted as
# they are), GBK and a title line (not accepted, with the note saying how)
sed 's/$/\r/' "$up/丹东/2026-12-01.csv" >"$tmp/x" && { printf '\357\273\277'; cat "$tmp/x"; } >"$up/丹东/2026-12-01.csv"
iconv -f UTF-8 -t GB18030 "$up/大连/2026-12-01.csv" >"$tmp/x" && mv "$tmp/x" "$up/大连/2026-12-01.csv"
{ printf '朝阳市指标报送表,,\r\n'; cat "$up/朝阳/2026-12-01.csv"; } >"$tmp/x" && mv "$tmp/x" "$up/朝阳/2026-12-01.csv"
mv "$up/本溪/2026-12-01.csv" "$up/本溪/2026-12-01.CSV"   # as Windows may name it
touch -d '2026-12-01 12:00' "$up"/*/*.csv "$up"/*/*.CSV
nightly() {
    env -i PATH=/usr/bin:/bin HOME="$tmp/var" PLANC="$planc" RULES="$rules" UPLOADS="$up" \
        ACCEPTED="$tmp/accepted" HISTORY="$tmp/var/history.db" SHARE="$tmp/share" \
        PLANC_CACHE_DIR="$tmp/var/cache" sh "$tmp/nightly" >"$tmp/mail" 2>&1
}
nightly; rc=$?
check '[ $rc = 3 ]' "nightly with two files not accepted: exit $rc, expected 3: $(cat "$tmp/mail")"
check 'grep -q "^== 大连: .*/大连/2026-12-01.csv not accepted (exit 3)" "$tmp/mail"' \
    "the mail does not name 大连's file: $(cat "$tmp/mail")"
check 'grep -q "iconv -f GB18030 -t UTF-8" "$tmp/mail"' "the mail does not say how to convert the GBK file"
check 'grep -q "^== 朝阳: " "$tmp/mail" && grep -q "tail -n +2" "$tmp/mail"' \
    "the mail does not say to delete 朝阳's title line: $(cat "$tmp/mail")"
check '! grep -q "^== 丹东" "$tmp/mail"' "丹东's file with CRLF and a BOM was not accepted: $(cat "$tmp/mail")"
check '[ "$(ls "$tmp/accepted" | wc -l)" = 13 ]' "accepted: $(ls "$tmp/accepted")"
check '[ -s "$tmp/share/results.xlsx" ] && [ -s "$tmp/share/report.html" ]' "no workbook or page: $(ls "$tmp/share")"
check '"$planc" history "$tmp/var/history.db" | grep -c "^[0-9]" | grep -qx 1' "the history does not hold the run"
check 'grep -q "^== planc run (exit 0)" "$tmp/mail" && grep -q "警告：大连在各数据文件" "$tmp/mail"' \
    "the mail does not carry the run's warnings: $(cat "$tmp/mail")"
# 大连 sends the file again in UTF-8: accepted, scored, the mail is of 朝阳 alone
iconv -f GB18030 -t UTF-8 "$up/大连/2026-12-01.csv" >"$up/大连/2026-12-02.csv"
touch -d '+1 hour' "$up/大连/2026-12-02.csv"
nightly; rc=$?
check '[ $rc = 3 ] && ! grep -q "^== 大连" "$tmp/mail" && grep -q "^== 朝阳: " "$tmp/mail"' \
    "the second night: exit $rc: $(cat "$tmp/mail")"
check '[ -e "$tmp/accepted/大连.csv" ]' "大连's new file was not accepted"
check '"$planc" history "$tmp/var/history.db" | grep -c "^[0-9]" | grep -qx 2' "the second night is not in the history"
# the third night: uploads named as anyone may name a file (blanks and a
# leading '-', a line break) and a workbook (DATA.md: a city may send the
# .xlsx itself), each the newest of its city: all accepted and scored.
# The script took the newest name from 'ls -t | grep', which cut a name at
# its line break (the file's older neighbour was taken, nothing said) and
# left workbooks out (the city's old file was scored, nothing said).
sed 's/^\(锦州,2024,\)[0-9.]*,/\171.5,/' "$tmp/accepted/锦州.csv" >"$up/锦州/-n 2026 12 03.csv"
nl='
'
sed 's/^\(铁岭,2024,\)[0-9.]*,/\173.5,/' "$tmp/accepted/铁岭.csv" >"$up/铁岭/2026-12-03${nl}v2.csv"
sed 's/^\(辽阳,2024,\)[0-9.]*,/\172.5,/' "$tmp/accepted/辽阳.csv" >"$tmp/辽阳.csv"
python3 "$src/tests/xlsx/mkxlsx.py" csv "$tmp/辽阳.csv" "$up/辽阳/2026-12-03.xlsx"
touch -d '+2 hours' "$up/锦州/-n 2026 12 03.csv" "$up/铁岭/2026-12-03${nl}v2.csv" "$up/辽阳/2026-12-03.xlsx"
nightly; rc=$?
check '[ $rc = 3 ] && grep -q "^== 朝阳: " "$tmp/mail" && ! grep -q "^== \(锦州\|铁岭\|辽阳\)" "$tmp/mail"' \
    "the third night: exit $rc: $(cat "$tmp/mail")"
check 'cmp -s "$tmp/accepted/锦州.csv" "$up/锦州/-n 2026 12 03.csv"' "an upload named '-n 2026 12 03.csv' was not accepted"
check 'cmp -s "$tmp/accepted/铁岭.csv" "$up/铁岭/2026-12-03${nl}v2.csv"' "an upload named with a line break was not accepted"
check 'cmp -s "$tmp/accepted/辽阳.xlsx" "$up/辽阳/2026-12-03.xlsx" && [ ! -e "$tmp/accepted/辽阳.csv" ]' \
    "a workbook upload was not accepted in place of the city's CSV: $(ls "$tmp/accepted" | tr "\n" " ")"
check '"$planc" history "$tmp/var/history.db" | grep -c "^[0-9]" | grep -qx 3' "the third night is not in the history"
check '"$planc" history "$tmp/var/history.db" | tail -n 1 | grep -q "accepted/辽阳\.xlsx"' \
    "the third night's run did not read the workbook: $("$planc" history "$tmp/var/history.db" | tail -n 1)"
# a night's job still running: the next one says so and does nothing
flock "$tmp/accepted/.lock" sh -c "env -i PATH=/usr/bin:/bin PLANC='$planc' RULES='$rules' UPLOADS='$up' \
    ACCEPTED='$tmp/accepted' HISTORY='$tmp/var/history.db' SHARE='$tmp/share' sh '$tmp/nightly'" \
    >"$tmp/mail" 2>&1
rc=$?
check '[ $rc = 1 ] && grep -q "the previous job is still running" "$tmp/mail"' \
    "a second job beside a running one: exit $rc: $(cat "$tmp/mail")"
check '"$planc" history "$tmp/var/history.db" | grep -c "^[0-9]" | grep -qx 3' "the job beside a running one recorded a run"

# --- the installed planc: from any directory, as another user's job,
# the prefix read-only and nothing written there; its manual page names
# every command and every variable planc reads
if [ -n "$cmake" ]; then
    prefix=$tmp/root/opt/planc
    "$cmake" --install "$build" --prefix "$prefix" >"$tmp/out" 2>&1
    rc=$?
    check '[ $rc = 0 ]' "cmake --install: exit $rc: $(cat "$tmp/out")"
    for f in bin/planc lib/planc/planc-llvm.so share/man/man1/planc.1 share/doc/planc/README.md \
             share/doc/planc/docs/UNATTENDED.md share/doc/planc/docs/LANGUAGE.md; do
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

# --- make install with a PREFIX and a DESTDIR holding blanks (the
# Makefile's recipe had them unquoted: cmake took the prefix's second word
# for an argument, the shell DESTDIR's for the command); its build step
# left out (-o build: the build directory given is built)
if [ -n "$cmake" ] && command -v make >/dev/null 2>&1; then
    make -s -C "$src" -o build install BUILD="$build" PREFIX="/opt/my planc" DESTDIR="$tmp/stage area" \
        >"$tmp/out" 2>&1
    rc=$?
    check '[ $rc = 0 ] && [ -x "$tmp/stage area/opt/my planc/bin/planc" ] &&
           [ -s "$tmp/stage area/opt/my planc/lib/planc/planc-llvm.so" ] &&
           [ -s "$tmp/stage area/opt/my planc/share/man/man1/planc.1" ]' \
        "make install PREFIX='/opt/my planc' DESTDIR='stage area': exit $rc: $(cat "$tmp/out")"
fi

# --- make demo BUILD=DIR writes into DIR, not build/ (its three files
# went to build/ whatever BUILD said); a DIR holding a blank is one word
# to the shell.  Its build step left out (-o build): DIR/planc is this
# planc.  The recipe names no path under build/ either.
if command -v make >/dev/null 2>&1; then
    mkdir "$tmp/demo dir"; ln -s "$planc" "$tmp/demo dir/planc"; touch "$tmp/demo-marker"
    make -s -C "$src" -o build demo BUILD="$tmp/demo dir" >"$tmp/out" 2>&1
    rc=$?
    check '[ $rc = 0 ] && [ -s "$tmp/demo dir/liaoning-results.csv" ] && [ -s "$tmp/demo dir/liaoning-report.html" ] &&
           [ -s "$tmp/demo dir/liaoning-results.xlsx" ]' \
        "make demo BUILD='demo dir': exit $rc, wrote $(ls "$tmp/demo dir" | tr '\n' ' '): $(tail -3 "$tmp/out")"
    check '[ -z "$(find "$src/build" -maxdepth 1 -name "liaoning-*" -newer "$tmp/demo-marker" 2>/dev/null)" ]' \
        "make demo BUILD='demo dir' wrote into $src/build"
    make -n -s -C "$src" demo BUILD=elsewhere >"$tmp/out" 2>&1
    check '! grep -E "(^|[ '"'"'\"=])build/" "$tmp/out" >/dev/null && grep -q "elsewhere/planc" "$tmp/out"' \
        "make -n demo BUILD=elsewhere names build/: $(cat "$tmp/out")"
    # Every recipe takes a build directory holding a blank or a quote as
    # one word (they split it at the blank before).
    make -n -s -C "$src" -o deps build test test-asan bench coverage clean \
        BUILD="$tmp/b dir" ASAN_BUILD="$tmp/a dir" BENCH_BUILD="$tmp/it's" COV_BUILD="$tmp/c dir" >"$tmp/out" 2>&1
    q="'"
    bq="$q$tmp/b dir$q"; aq="$q$tmp/a dir$q"; cq="$q$tmp/c dir$q"; iq="$q$tmp/it$q\\$q$q""s$q"
    check '[ "$(grep -cF "$bq" "$tmp/out")" -ge 4 ] && [ "$(grep -cF "$aq" "$tmp/out")" -ge 3 ] &&
           grep -qF "$iq" "$tmp/out" && grep -qF "$cq" "$tmp/out" &&
           ! grep -E "(^|[^$q])$tmp/[abc] dir" "$tmp/out" >/dev/null' \
        "make -n with build directories holding a blank splits them: $(cat "$tmp/out")"
fi

echo "unattended: $n checks, $fails failed"
[ "$fails" = 0 ]
