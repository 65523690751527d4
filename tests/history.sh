#!/bin/sh
# history.sh — the results history and the progress line end to end:
# several `planc run --store` at once (every run recorded, the database
# intact), the hash of data read from a pipe, a failed run recording
# nothing, history and compare, refused databases; and the progress line
# on a pseudo-terminal (script(1)).
#   history.sh PLANC EXAMPLES_DIR
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; ex=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
rules=$ex/quickstart/rules.plan
data=$ex/quickstart/data.csv
db=$tmp/results.db
export SOURCE_DATE_EPOCH=1735689600   # 2025-01-01T00:00:00Z

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect RC CMD... : runs CMD, checks its exit code (output in $tmp/out, $tmp/err).
expect() {
    want=$1; shift; n=$((n + 1))
    "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" -eq "$want" ] || { fail "'$*' exited $rc, expected $want"; sed 's/^/  | /' "$tmp/err" | head -5; }
}
contains() { # FILE TEXT
    n=$((n + 1))
    grep -q -- "$2" "$tmp/$1" || { fail "$1 does not contain '$2'"; sed 's/^/  | /' "$tmp/$1" | head -5; }
}
runs() { "$planc" history "$db" | tail -n +2 | wc -l; }

# Six writers at once, each recording two runs.
i=0
while [ $i -lt 6 ]; do
    ( "$planc" run --engine interp "$rules" --data "$data" --store "$db" -o "$tmp/r$i.csv" &&
      "$planc" run --engine interp "$rules" --data "$data" --store "$db" --format json -o "$tmp/r$i.json" ) \
        >"$tmp/w$i.out" 2>&1 &
    i=$((i + 1))
done
wait
n=$((n + 1)); [ "$(runs)" -eq 12 ] || { fail "expected 12 runs, history shows $(runs)"; cat "$tmp"/w*.out | head; }
if command -v sqlite3 >/dev/null; then
    n=$((n + 1)); [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
    n=$((n + 1)); [ "$(sqlite3 "$db" 'SELECT count(DISTINCT result_rows) FROM runs')" = 1 ] || fail "runs differ in size"
    n=$((n + 1)); [ "$(sqlite3 "$db" 'SELECT count(*) FROM results') " = "$(sqlite3 "$db" 'SELECT sum(result_rows) FROM runs') " ] || fail "result rows missing"
fi

# The recorded hashes: the data file's SHA-256, and the SHA-256 of the rules
# manifest, what sha256sum prints for the rules files named from the rules
# file's directory (OUTPUT.md §5).
expect 0 "$planc" history "$db"
contains out "2025-01-01T00:00:00Z"
if command -v sha256sum >/dev/null; then
    contains out "$(sha256sum "$data" | cut -c1-12)"
    contains out "$( (cd "$(dirname "$rules")" && sha256sum "$(basename "$rules")") | sha256sum | cut -c1-12)"
fi

# The auditor's recipe for rules that import others: the files in the
# order of the JSON's source.rules_files.  Text moved from the end of one
# file to the start of the next changes the hash (the bytes joined are the
# same), and so does a file renamed.
if command -v sha256sum >/dev/null; then
    lr=$tmp/lr; mkdir -p "$lr/sub"
    cp "$ex/../rules/liaoning/beautiful-liaoning.plan" "$ex/../rules/liaoning/assessment-default.plan" "$lr/sub/"
    ldata=$ex/liaoning/data.csv
    (cd "$tmp" && "$planc" run --engine interp lr/sub/beautiful-liaoning.plan --data "$ldata" \
        --format json --rollup region >"$tmp/lr1.json")
    n=$((n + 1))
    grep -q '{"name": "beautiful-liaoning.plan", "sha256": "[0-9a-f]*"},' "$tmp/lr1.json" &&
        grep -q '{"name": "assessment-default.plan", "sha256": "[0-9a-f]*"}' "$tmp/lr1.json" ||
        fail "rules_files does not list the two files by their names in the rules' directory"
    want=$(cd "$lr/sub" && sha256sum beautiful-liaoning.plan assessment-default.plan | sha256sum | cut -d' ' -f1)
    contains lr1.json "\"rules_sha256\": \"$want\""
    printf '# moved\n' >>"$lr/sub/beautiful-liaoning.plan"
    h1=$("$planc" run --engine interp "$lr/sub/beautiful-liaoning.plan" --data "$ldata" --format json --rollup region | grep rules_sha256)
    sed -i '$d' "$lr/sub/beautiful-liaoning.plan"
    { printf '# moved\n'; cat "$lr/sub/assessment-default.plan"; } >"$lr/a.tmp" && mv "$lr/a.tmp" "$lr/sub/assessment-default.plan"
    h2=$("$planc" run --engine interp "$lr/sub/beautiful-liaoning.plan" --data "$ldata" --format json --rollup region | grep rules_sha256)
    n=$((n + 1)); [ -n "$h1" ] && [ "$h1" != "$h2" ] || fail "text moved between rules files left the hash as it was"
fi

# Data read from a pipe is recorded with the hash of the bytes scored (a
# pipe cannot be read again for it).
if command -v sha256sum >/dev/null; then
    cat "$data" | "$planc" run --engine interp "$rules" --data /dev/stdin --store "$tmp/pipe.db" -o "$tmp/pipe.csv"
    expect 0 "$planc" history "$tmp/pipe.db"
    contains out "$(sha256sum "$data" | cut -c1-12)  .*/dev/stdin"
fi

# A run that fails records nothing: bad data, an unwritable output.
printf 'region,year\n沈阳,20x1\n' >"$tmp/bad.csv"
expect 3 "$planc" run --engine interp "$rules" --data "$tmp/bad.csv" --store "$db"
expect 5 "$planc" run --engine interp "$rules" --data "$data" --store "$db" -o "$tmp/nodir/r.csv"
n=$((n + 1)); [ "$(runs)" -eq 12 ] || fail "a failed run was recorded"
# into a new database: none is left (it is made under a temporary name and
# put in place with its first run, OUTPUT.md §5), nor anything beside it
expect 3 "$planc" run --engine interp "$rules" --data "$tmp/bad.csv" --store "$tmp/new.db"
n=$((n + 1)); [ -z "$(ls -A "$tmp" | grep '^\.\{0,1\}new\.db')" ] ||
    fail "a failed run into a new database left: $(ls -A "$tmp" | grep 'new\.db' | tr '\n' ' ')"
expect 2 "$planc" history "$tmp/new.db"; contains err "cannot open"

# A directory that takes no new file: refused when the database is opened,
# nothing left.  (As root, whom permissions do not stop, the run is made
# as nobody with setpriv, where it is present.)
mkdir "$tmp/ro"; chmod 555 "$tmp/ro"; chmod 755 "$tmp"
as_user=""
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
    expect 5 $as_user "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/ro/h.db" -o /dev/null
    contains err "ro/h.db: cannot create it: no permission to create files in"
    n=$((n + 1)); [ -z "$(ls -A "$tmp/ro")" ] || fail "left in a read-only directory: $(ls -A "$tmp/ro")"
    # ... and a database archived there is read by history and compare,
    # as it is, nothing made beside it: SQLite opens a WAL database only
    # where it may make DB-shm ("cannot read it: attempt to write a
    # readonly database", exit 5); a name with a URI's '?', '#', '%'
    chmod 755 "$tmp/ro"; cp "$db" "$tmp/ro/a?b#c%41.db"; chmod 555 "$tmp/ro"
    sum=$(cksum <"$tmp/ro/a?b#c%41.db")
    expect 0 $as_user "$planc" history "$tmp/ro/a?b#c%41.db"
    n=$((n + 1)); [ "$(tail -n +2 "$tmp/out" | wc -l)" -eq "$(runs)" ] || fail "history of a read-only database: $(cat "$tmp/out")"
    expect 0 $as_user "$planc" compare "$tmp/ro/a?b#c%41.db" 1 2; contains out "^run 1 "
    n=$((n + 1)); [ "$(ls -A "$tmp/ro")" = "a?b#c%41.db" ] && [ "$(cksum <"$tmp/ro/a?b#c%41.db")" = "$sum" ] ||
        fail "reading a database in a read-only directory changed it: $(ls -A "$tmp/ro")"
    expect 5 $as_user "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/ro/a?b#c%41.db" -o /dev/null
else
    echo "note: running as root without setpriv; the read-only directory check is skipped"
fi

# A FIFO or a device named as the database: refused as no file before
# SQLite opens it ("disk I/O error" of a FIFO, "an empty database" of
# /dev/zero), exit 5 as other database errors, by every command.
mkfifo "$tmp/special.db"
for bad in "$tmp/special.db" /dev/zero; do
    expect 5 "$planc" history "$bad"
    contains err "not a file (a results database is a regular file)"
    expect 5 "$planc" compare "$bad" 1 2
    contains err "not a file"
    expect 5 "$planc" verify "$bad" 1 "$rules"
    contains err "not a file"
    expect 5 "$planc" run --engine interp "$rules" --data "$data" --store "$bad" -o "$tmp/fifo-out.csv"
    contains err "not a file"
    n=$((n + 1)); [ ! -e "$tmp/fifo-out.csv" ] || fail "--store $bad: the results were written"
done
rm -f "$tmp/special.db"

# Two runs racing to create one database: each makes it under a temporary
# name, the first to commit puts its file in place and the other records
# its run into that one; both runs are there, the database whole, nothing
# else beside it.
for k in 1 2 3 4 5; do
    rm -rf "$tmp/race"; mkdir "$tmp/race"
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/race/h.db" -o /dev/null 2>"$tmp/race1.err" &
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/race/h.db" -o /dev/null 2>"$tmp/race2.err" &
    wait
    n=$((n + 1)); [ "$("$planc" history "$tmp/race/h.db" | tail -n +2 | wc -l)" -eq 2 ] ||
        fail "race $k: $("$planc" history "$tmp/race/h.db" 2>&1 | tail -n +2 | wc -l) runs; $(cat "$tmp"/race?.err)"
    if command -v sqlite3 >/dev/null; then
        n=$((n + 1)); [ "$(sqlite3 "$tmp/race/h.db" 'PRAGMA integrity_check')" = ok ] || fail "race $k: integrity_check"
        n=$((n + 1)); [ "$(sqlite3 "$tmp/race/h.db" 'SELECT count(*) FROM results')" = \
            "$(sqlite3 "$tmp/race/h.db" 'SELECT sum(result_rows) FROM runs')" ] || fail "race $k: result rows missing"
    fi
    n=$((n + 1)); [ "$(ls -A "$tmp/race")" = h.db ] || fail "race $k: left: $(ls -A "$tmp/race" | tr '\n' ' ')"
done

# A --store that is a symbolic link to a database yet to be made (kept in
# another directory, say) is made through the link as any new database
# is: a first run that fails leaves nothing at the link's target (it left
# an empty database there), the first that succeeds makes it.
mkdir -p "$tmp/lnk/keep"; ln -s keep/h.db "$tmp/lnk/h.db"
expect 3 "$planc" run --engine interp "$rules" --data "$tmp/bad.csv" --store "$tmp/lnk/h.db" -o /dev/null
n=$((n + 1)); [ -z "$(ls -A "$tmp/lnk/keep")" ] || fail "a failed first run through a link left: $(ls -A "$tmp/lnk/keep")"
expect 0 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/lnk/h.db" -o /dev/null
n=$((n + 1)); [ "$(ls -A "$tmp/lnk/keep")" = h.db ] && [ -L "$tmp/lnk/h.db" ] ||
    fail "the first run through a link: $(ls -lA "$tmp/lnk" "$tmp/lnk/keep")"
expect 0 "$planc" history "$tmp/lnk/keep/h.db"
n=$((n + 1)); [ "$(tail -n +2 "$tmp/out" | wc -l)" -eq 1 ] || fail "through a link: $(cat "$tmp/out")"

# A database that cannot take the run (its file size limit reached at the
# commit, as on a full disk) fails the run (exit 5) and keeps the old
# output file as it was; the output was renamed into place before the
# commit and replaced the old one although the run failed.  Over a range of
# limits (512-byte blocks in sh) every run either succeeds (new output, one
# run recorded) or fails without either; the quickstart's rows stay in
# SQLite's cache until the commit, so some limits fail there.
commit_failed=0
for blocks in 240 280 320 360 400 480 640; do
    rm -f "$tmp/full.db" "$tmp/full.db-wal" "$tmp/full.db-shm"
    echo "old results" >"$tmp/full.csv"
    (ulimit -f $blocks; exec "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/full.db" \
        -o "$tmp/full.csv" 2>"$tmp/err"); rc=$?
    nruns=$("$planc" history "$tmp/full.db" 2>/dev/null | tail -n +2 | wc -l)
    n=$((n + 1))
    if [ $rc -eq 0 ]; then
        [ "$nruns" -eq 1 ] && ! grep -q "old results" "$tmp/full.csv" ||
            fail "ulimit -f $blocks: run succeeded, $nruns runs recorded, output: $(head -c 40 "$tmp/full.csv")"
    else
        [ $rc -eq 5 ] && [ "$nruns" -eq 0 ] && [ "$(cat "$tmp/full.csv")" = "old results" ] ||
            fail "ulimit -f $blocks: run failed ($(cat "$tmp/err")), $nruns runs recorded, output: $(head -c 40 "$tmp/full.csv")"
        # a new database that could not take its first run is not left
        # behind, empty, nor its -wal and -shm (nor its temporary name)
        n=$((n + 1)); [ -z "$(ls -A "$tmp" | grep '^\.\{0,1\}full\.db')" ] ||
            fail "ulimit -f $blocks: left: $(ls -A "$tmp" | grep 'full\.db' | tr '\n' ' ')"
        grep -q "cannot record the run" "$tmp/err" && commit_failed=$((commit_failed + 1))
    fi
    n=$((n + 1)); [ -z "$(ls -A "$tmp" | grep '^\.full\.csv\.')" ] || fail "a temporary output file left"
done
n=$((n + 1)); [ $commit_failed -gt 0 ] || fail "no file size limit made the commit fail"

# A database that holds a run, with a file size limit between its size and
# what a second run makes it: the commit goes into the -wal file, and the
# pages are copied into the database file when planc closes it; past the
# limit that copy failed after a run that succeeded (exit 0), leaving
# -wal and -shm beside a database file without the run.  Now, at each
# limit, the second run is recorded (nothing left beside the database) or
# refused before the commit (exit 5, the directory as it was, the same
# bytes); some limits are refused for the database's size.
mkdir "$tmp/lim"
"$planc" run --engine interp "$rules" --data "$data" --store "$tmp/lim/one.db" -o /dev/null 2>/dev/null
one=$(wc -c <"$tmp/lim/one.db")
size_refused=0
for step in 1 2 3 4 5 6 7 8 9; do
    blocks=$((one / 512 + step * one / 512 / 8))
    rm -rf "$tmp/lim2"; mkdir "$tmp/lim2"; cp "$tmp/lim/one.db" "$tmp/lim2/one.db"
    (ulimit -f $blocks; exec "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/lim2/one.db" \
        -o /dev/null 2>"$tmp/err"); rc=$?
    left=$(ls -A "$tmp/lim2" | grep -v '^one\.db$' | tr '\n' ' ') # before history opens it
    same=no; cmp -s "$tmp/lim/one.db" "$tmp/lim2/one.db" && same=yes
    nruns=$("$planc" history "$tmp/lim2/one.db" 2>/dev/null | tail -n +2 | wc -l)
    n=$((n + 1))
    if [ $rc -eq 0 ]; then
        [ "$nruns" -eq 2 ] && [ -z "$left" ] ||
            fail "ulimit -f $blocks on a database of $one bytes: run succeeded, $nruns runs, left: $left"
    else
        [ $rc -eq 5 ] && [ "$nruns" -eq 1 ] && [ -z "$left" ] && [ $same = yes ] ||
            fail "ulimit -f $blocks on a database of $one bytes: run failed ($(cat "$tmp/err")), $nruns runs, left: $left"
        grep -q "beyond the file size limit (ulimit -f)" "$tmp/err" && size_refused=$((size_refused + 1))
    fi
done
n=$((n + 1)); [ $size_refused -gt 0 ] || fail "no file size limit refused a run for the database's size"

# A file size limit below what opening the database writes: SQLite's
# index beside it (DB-shm, 32 KiB) for a new database or a reader, the
# database as it is for a writer.  SQLite failed with 'disk I/O error'
# ('cannot lock it', 'cannot read it') and left a truncated DB-shm and an
# empty DB-wal behind (and a new, empty DB); now refused before anything
# is written (ulimit -f counts 512-byte blocks in sh).
mkdir "$tmp/small"
(ulimit -f 40; exec "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/small/new.db" \
    -o /dev/null 2>"$tmp/err"); rc=$?
n=$((n + 1)); [ $rc -eq 5 ] && [ -z "$(ls -A "$tmp/small")" ] ||
    fail "ulimit -f 40 on a new database: exit $rc, left: $(ls -A "$tmp/small")"
contains err "new.db: cannot record a run: the file size limit (ulimit -f) of 20480 bytes is below the 32768 bytes of the index SQLite writes beside the database"
cp "$tmp/lim/one.db" "$tmp/small/one.db"
blocks=$((one / 512 - 8))
(ulimit -f $blocks; exec "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/small/one.db" \
    -o /dev/null 2>"$tmp/err"); rc=$?
n=$((n + 1)); [ $rc -eq 5 ] && [ "$(ls -A "$tmp/small")" = one.db ] && cmp -s "$tmp/lim/one.db" "$tmp/small/one.db" ||
    fail "ulimit -f $blocks on a database of $one bytes: exit $rc, left: $(ls -A "$tmp/small")"
contains err "one.db: cannot record a run: the database holds $one bytes, beyond the file size limit (ulimit -f)"
(ulimit -f 40; exec "$planc" history "$tmp/small/one.db" >"$tmp/out" 2>"$tmp/err"); rc=$?
n=$((n + 1)); [ $rc -eq 5 ] && [ "$(ls -A "$tmp/small")" = one.db ] ||
    fail "ulimit -f 40, history: exit $rc, left: $(ls -A "$tmp/small")"
contains err "one.db: cannot read it: the file size limit (ulimit -f) of 20480 bytes is below"
(ulimit -f $blocks; exec "$planc" history "$tmp/small/one.db" >"$tmp/out" 2>"$tmp/err"); rc=$?
n=$((n + 1)); [ $rc -eq 0 ] && [ "$(ls -A "$tmp/small")" = one.db ] ||
    fail "ulimit -f $blocks, history of a larger database: exit $rc ($(cat "$tmp/err")), left: $(ls -A "$tmp/small")"

# compare: the same data twice, then changed data.
expect 0 "$planc" compare "$db" 1 2
contains out "rules: same"
contains out "grades: 0 changed"
sed 's/^阜新,2024,\([^,]*\),\([^,]*\),590000,/阜新,2024,\1,\2,700000,/' "$data" >"$tmp/fixed.csv"
expect 0 "$planc" run --engine interp "$rules" --data "$tmp/fixed.csv" --store "$db" -o "$tmp/fixed-results.csv"
expect 0 "$planc" compare "$db" last~1 last
contains out "data: changed"
contains out "阜新 2024 total: 不合格 → "
contains out "阜新 2024 target 耕地红线: failed → met"
expect 0 "$planc" compare "$db" last~1 last --lang zh
contains out "数据：已变"
contains out "阜新 2024年 目标 耕地红线：未达标 → 达标"
# The numbers are the same in both languages (OUTPUT.md §5: "numbers are
# as they are"): data scaled so that the scores and totals are long
# decimals, compared and explained in English and in Chinese, the digits of
# each output in order (compare's rounded to 2 decimals as the page rounds
# them, explain's to 4, history's counts).
awk -F, 'NR > 1 { $3 = $3 * 0.97311; $4 = $4 * 1.01213; $5 = $5 * 1.0137 } 1' OFS=, "$data" >"$tmp/scaled.csv"
expect 0 "$planc" run --engine interp "$rules" --data "$tmp/scaled.csv" --store "$db" -o /dev/null
numbers() { grep -o '[0-9][0-9.]*' "$tmp/$1"; }
same_numbers() { # WHAT DIGITS: $tmp/en and $tmp/zh hold the same numbers, one with DIGITS decimals
    n=$((n + 1))
    numbers en >"$tmp/en.n"; numbers zh >"$tmp/zh.n"
    if ! cmp -s "$tmp/en.n" "$tmp/zh.n" || ! grep -q "[0-9]\.[0-9]\{$2,\}" "$tmp/en.n"; then
        fail "$1: the numbers differ between --lang en and zh (or no long decimal to compare)"
        diff "$tmp/en.n" "$tmp/zh.n" | head -5 | sed 's/^/  | /'
    fi
}
"$planc" compare "$db" 1 last >"$tmp/en" && "$planc" compare "$db" 1 last --lang zh >"$tmp/zh"
same_numbers compare 2
# ... and no number of compare's text has the results' full precision
# (66.66666666666667): people read it (OUTPUT.md §5)
n=$((n + 1))
if grep -q "[0-9]\.[0-9]\{3,\}" "$tmp/en.n"; then
    fail "compare: a number with more than 2 decimals: $(grep -m1 "[0-9]\.[0-9]\{3,\}" "$tmp/en.n")"
fi
"$planc" explain "$rules" --data "$tmp/scaled.csv" --region 沈阳 --year 2024 >"$tmp/en" &&
    "$planc" explain "$rules" --data "$tmp/scaled.csv" --region 沈阳 --year 2024 --lang zh >"$tmp/zh"
same_numbers explain 4
"$planc" history "$db" >"$tmp/en" && "$planc" history "$db" --lang zh >"$tmp/zh"
same_numbers history 0
expect 2 "$planc" compare "$db" 1 2 --lang fr; contains err "unknown language 'fr'"
expect 2 "$planc" compare "$db" 1 99;       contains err "has no run '99'"
expect 2 "$planc" compare "$db" 1;          contains err "two runs"

# Two large runs compared: 1500 cities x 20 years x 2 targets, 60,000 rows
# each, the second with a stricter goal.  Each row of one run must find
# its row of the other through the index: a scan of the run for every row
# took hours on the 843,024 rows of China's counties (within a few
# seconds now, under a limit of 30).
awk -v goal=50 'BEGIN {
    print "plan P \"p\" {\n    region R\n    baseline 2000\n    horizon 2030\n}"
    print "levels province, city\nregion R : province"
    for (i = 0; i < 1500; i++) printf "region c%d : city in R\n", i
    print "unit t\nindicator x : t, higher, column \"x\""
    print "section S \"s\" {\n    measure (1) \"m\" {"
    printf "        target T for city : x >= %d by 2030\n", goal
    print "        target U for city : x rises every year\n    }\n}"
}' >"$tmp/big1.plan"
sed 's/x >= 50/x >= 60/' "$tmp/big1.plan" >"$tmp/big2.plan"
awk 'BEGIN { print "region,year,x"; for (i = 0; i < 1500; i++) for (y = 2001; y <= 2020; y++) printf "c%d,%d,%d\n", i, y, (i + y) % 97 }' >"$tmp/big.csv"
expect 0 "$planc" run --engine interp "$tmp/big1.plan" --data "$tmp/big.csv" --store "$tmp/big.db" -o /dev/null
expect 0 "$planc" run --engine interp "$tmp/big2.plan" --data "$tmp/big.csv" --store "$tmp/big.db" -o /dev/null
expect 0 timeout 30 "$planc" compare "$tmp/big.db" 1 2
contains out "statuses: 3000 changed"
contains out "c67 2020 target T: met → missing"
# ... and as JSON (compare --format json): a document python3 reads, its
# counts the text's headings, a record per changed row and per row only
# one run has (unabridged, where the text lists 20), the same with --full
# (the JSON's hashes are whole either way)
expect 0 "$planc" compare "$tmp/big.db" 1 2 --format json; cp "$tmp/out" "$tmp/big.json"
expect 0 "$planc" compare "$tmp/big.db" 1 2 --format json --full
n=$((n + 1)); cmp -s "$tmp/out" "$tmp/big.json" || fail "compare --format json: --full changed the document"
if command -v python3 >/dev/null 2>&1; then
    "$planc" compare "$db" 1 last >"$tmp/cmp.txt" && "$planc" compare "$db" 1 last --format json >"$tmp/cmp.json"
    "$planc" compare "$tmp/big.db" 1 2 >"$tmp/big.txt"
    for c in cmp big; do
        n=$((n + 1))
        python3 -m json.tool "$tmp/$c.json" >/dev/null || fail "compare --format json: $c.json does not parse"
        n=$((n + 1))
        python3 -c '
import json, re, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
c = d["counts"]
for key, head in (("grades", "grades"), ("statuses", "statuses"), ("scores", "scores"), ("values", "values")):
    m = re.search("^%s: ([0-9]+) changed$" % head, text, re.M)
    assert m and int(m.group(1)) == c[key], key
    assert sum(1 for r in d["changes"] if r["change"] == key.rstrip("s").replace("statuse", "status")) == c[key], key
only = re.findall(r"^only in run [0-9]+: ([0-9]+) rows?$", text, re.M)
assert [int(x) for x in only] == [c["only_in_a"], c["only_in_b"]], only
assert len(d["only_in_a"]) == c["only_in_a"] and len(d["only_in_b"]) == c["only_in_b"]
assert d["format"] == "planc-compare" and d["version"] == 1 and d["a"]["year"] is None
' "$tmp/$c.json" "$tmp/$c.txt" || fail "compare --format json: $c.json disagrees with the text"
    done
fi

# Refused databases.
printf 'not a database at all, just text\n' >"$tmp/text.db"
expect 2 "$planc" history "$tmp/text.db";   contains err "not a database"
expect 2 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/text.db"; contains err "not a database"
expect 2 "$planc" history "$tmp/absent.db"; contains err "cannot open"
# A damaged database (a page of its results overwritten) is refused before
# anything is written into it, and left as it is; compare says so too.  A
# run was recorded into it.
rm -f "$tmp/dmg.db"
expect 0 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/dmg.db" -o /dev/null
expect 0 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/dmg.db" -o /dev/null
pages=$(( $(wc -c <"$tmp/dmg.db") / 4096 ))
printf 'wwww' | dd of="$tmp/dmg.db" bs=1 seek=$(( pages / 2 * 4096 )) conv=notrunc 2>/dev/null
cp "$tmp/dmg.db" "$tmp/dmg-copy.db"
echo "old results" >"$tmp/dmg.csv"
expect 5 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/dmg.db" -o "$tmp/dmg.csv"
contains err "dmg.db: the database is damaged (SQLite's quick_check: Page $(( pages / 2 + 1 )): "
contains err "planc records no run into it and leaves it as it is"
n=$((n + 1)); cmp -s "$tmp/dmg.db" "$tmp/dmg-copy.db" || fail "the damaged database was changed"
n=$((n + 1)); [ "$(cat "$tmp/dmg.csv")" = "old results" ] || fail "a refused run wrote its output"
n=$((n + 1)); [ -z "$(ls "$tmp" | grep '^dmg\.db-')" ] || fail "files left beside the damaged database: $(ls "$tmp" | grep dmg)"
expect 5 "$planc" compare "$tmp/dmg.db" 1 2; contains err "the database is damaged"
n=$((n + 1)); [ ! -s "$tmp/out" ] || fail "compare of a damaged database wrote part of its text"

# compare holds its comparison in a scratch file in $TMPDIR until it is
# whole (not in memory: every row of two large runs changed was 2 GB of
# JSON): one that cannot be made is said, exit 5, nothing on stdout, in
# either form; and nothing is left in $TMPDIR after a comparison
mkdir "$tmp/scratch"
for form in text json; do
    expect 5 env TMPDIR="$tmp/none" "$planc" compare "$db" 1 2 --format $form
    contains err "cannot create a scratch file for the comparison in '$tmp/none' (\$TMPDIR)"
    n=$((n + 1)); [ ! -s "$tmp/out" ] || fail "compare --format $form without a scratch file wrote to stdout"
    expect 0 env TMPDIR="$tmp/scratch" "$planc" compare "$db" 1 2 --format $form
    n=$((n + 1)); [ -z "$(ls -A "$tmp/scratch")" ] || fail "compare --format $form left files in \$TMPDIR"
done
# A scratch file that cannot be written whole (ulimit -f; as a full disk
# under $TMPDIR) is said too, in JSON (whose rows go straight into it:
# exit 5 without a word) as in text.  Every value of the second run
# changed: the JSON is about 250 KB, beyond the limit (128 blocks, 64 or
# 128 KiB), which is above SQLite's 32 KiB index beside the database.
"$planc" run --engine interp "$rules" --data "$data" --store "$tmp/fsz.db" -o /dev/null 2>/dev/null
awk -F, 'NR == 1 { print; next } { for (i = 3; i <= NF; i++) if ($i != "") $i = $i * 1.37; print }' OFS=, \
    "$data" >"$tmp/fsz.csv"
"$planc" run --engine interp "$rules" --data "$tmp/fsz.csv" --store "$tmp/fsz.db" -o /dev/null 2>/dev/null
expect 5 sh -c 'ulimit -f 128; exec "$0" compare "$1" 1 2 --format json' "$planc" "$tmp/fsz.db"
contains err "cannot write the comparison's scratch file in '.*': File too large"
n=$((n + 1)); [ ! -s "$tmp/out" ] || fail "compare --format json past the file size limit wrote to stdout"
expect 5 env TMPDIR="$tmp/none" "$planc" compare "$db" 1 2 --lang zh
contains err "无法在 '$tmp/none' (\$TMPDIR) 中创建比较结果的临时文件"
# In Chinese, SQLite's own English text is the quoted cause of a Chinese
# sentence that says what failed and what to do.
expect 5 "$planc" compare "$tmp/dmg.db" 1 2 --lang zh
contains err "dmg.db：无法比较评估（SQLite 报告：“database disk image is malformed”）：数据库已损坏，请从备份恢复"
head -c 4096 /dev/zero | tr '\0' 'x' >"$tmp/xs.db"
expect 2 "$planc" history "$tmp/xs.db" --lang zh
contains err "xs.db：无法读取（SQLite 报告：“file is not a database”）：该文件不是 SQLite 数据库，请检查所给的数据库文件名"
expect 2 "$planc" history "$tmp/xs.db"
contains err "xs.db: cannot read it: file is not a database\$"
n=$((n + 1)); [ ! -e "$tmp/absent.db" ] || fail "history created a database"

# --store-rows totals: the run keeps its totals', sections' and measures'
# rows, not its targets'; history and compare say so; a bad value or one
# without --store is a usage error that creates nothing.
mkdir "$tmp/tot"
expect 0 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/tot/h.db" -o "$tmp/tot/a.csv"
expect 0 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/tot/h.db" --store-rows totals -o "$tmp/tot/b.csv"
expect 0 "$planc" history "$tmp/tot/h.db"
contains out "data.csv (totals only: --store-rows totals)\$"
n=$((n + 1)); [ "$(grep -c 'totals only' "$tmp/out")" -eq 1 ] || fail "history marks $(grep -c 'totals only' "$tmp/out") runs as totals only"
expect 0 "$planc" compare "$tmp/tot/h.db" 1 2
contains out "^  targets: not recorded in run 2 (--store-rows totals)"
contains out "^only in run 1: 0 rows$"
expect 0 "$planc" compare "$tmp/tot/h.db" 1 2 --lang zh
contains out "^  目标：评估 2 未记录（--store-rows totals）"
if command -v sqlite3 >/dev/null; then
    n=$((n + 1)); [ "$(sqlite3 "$tmp/tot/h.db" "SELECT count(*) FROM results WHERE run = 2 AND kind = 'target'")" = 0 ] || fail "a totals-only run recorded target rows"
    n=$((n + 1)); [ "$(sqlite3 "$tmp/tot/h.db" "SELECT count(*) FROM results WHERE run = 2")" = "$(grep -vc ',target,' "$tmp/tot/b.csv" | awk '{print $1 - 1}')" ] || fail "a totals-only run lacks rows of its results"
fi
expect 2 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/tot/n.db" --store-rows some -o "$tmp/tot/c.csv"
contains err "unknown --store-rows 'some' (available: all, totals)"
expect 2 "$planc" run --engine interp "$rules" --data "$data" --store-rows totals -o "$tmp/tot/c.csv"
contains err "--store-rows is for the results history: give --store DB too"
n=$((n + 1)); [ ! -e "$tmp/tot/n.db" ] && [ ! -e "$tmp/tot/c.csv" ] || fail "a refused --store-rows left files: $(ls "$tmp/tot")"

# A lock held longer than PLANC_STORE_TIMEOUT: the run gives up (exit 5),
# records nothing and leaves its output as it was; a bad value is a usage
# error.  (sqlite3 holds the lock until its input ends.)
if command -v sqlite3 >/dev/null; then
    mkdir "$tmp/lock"
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/lock/h.db" -o "$tmp/lock/r.csv"
    echo "old results" >"$tmp/lock/r.csv"
    mkfifo "$tmp/lock/hold"
    { echo 'BEGIN IMMEDIATE;'; echo 'SELECT 1;'; cat "$tmp/lock/hold"; echo 'COMMIT;'; } |
        sqlite3 "$tmp/lock/h.db" >"$tmp/lock/held" &
    holder=$!
    exec 9>"$tmp/lock/hold"
    # wait until sqlite3 has the lock (it prints 1 once BEGIN IMMEDIATE is done)
    k=0; while [ ! -s "$tmp/lock/held" ] && [ $k -lt 100 ]; do sleep 0.1; k=$((k + 1)); done
    expect 5 env PLANC_STORE_TIMEOUT=1 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/lock/h.db" -o "$tmp/lock/r.csv"
    contains err "h.db: cannot lock it for writing: database is locked (another run held its lock for over 1 s: retry later; PLANC_STORE_TIMEOUT sets how many seconds planc waits)"
    exec 9>&-
    wait $holder
    n=$((n + 1)); [ "$(cat "$tmp/lock/r.csv")" = "old results" ] || fail "a run that gave up on the lock wrote its output"
    n=$((n + 1)); [ "$("$planc" history "$tmp/lock/h.db" | tail -n +2 | wc -l)" -eq 1 ] || fail "a run that gave up on the lock was recorded"
else
    echo "note: sqlite3 is absent; the lock timeout is checked by unit/test_store alone"
fi
expect 2 env PLANC_STORE_TIMEOUT=soon "$planc" history "$db"
contains err "planc: error: PLANC_STORE_TIMEOUT='soon': not a number of seconds (a whole number from 0 to 86400)"

# A planc killed (SIGKILL: no clean-up runs) during the first run into a
# database leaves its temporary database '.k.db.XXXXXX' beside it.  A
# run into the database while that planc lives leaves its file alone
# (the killed-or-not test is a lock the writer holds, not a guess); once
# it is killed, the next run removes the file, and the history holds
# only the runs recorded.  Each planc waits for its data on a FIFO (the
# database is opened first), so nothing here depends on timing.
mkdir "$tmp/kill"; mkfifo "$tmp/kill/fifo"
"$planc" run --engine interp "$rules" --data "$tmp/kill/fifo" --store "$tmp/kill/k.db" \
    -o "$tmp/kill/a.csv" 2>/dev/null &
killed=$!
# wait until the file is there and its writer holds its lock (mkstemp
# comes before the flock: a run in between takes the file for a killed
# one's, and the writer makes another, as store.c says)
locked() {
    f=$(ls -A "$tmp/kill" | grep -E '^\.k\.db\.[A-Za-z0-9]{6}$' | head -n 1)
    [ -n "$f" ] || return 1
    if command -v flock >/dev/null; then
        flock -n -E 99 "$tmp/kill/$f" true; [ $? -eq 99 ]
    fi
}
k=0; while ! locked && [ $k -lt 600 ]; do sleep 0.1; k=$((k + 1)); done
# (the file alone: SQLite's journal '.k.db.XXXXXX-journal' is beside it
# while the first run still writes the schema)
left=$(ls -A "$tmp/kill" | grep -E '^\.k\.db\.[A-Za-z0-9]{6}$')
n=$((n + 1)); [ -n "$left" ] || fail "no temporary database while the first run waits for its data"
expect 0 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/kill/k.db" -o "$tmp/kill/b.csv"
n=$((n + 1)); [ -e "$tmp/kill/$left" ] || fail "a run removed the temporary database of a planc still running"
kill -KILL $killed; wait $killed 2>/dev/null
n=$((n + 1)); [ -e "$tmp/kill/$left" ] || fail "SIGKILL left no temporary database (the case tests nothing)"
expect 0 "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/kill/k.db" -o "$tmp/kill/b.csv"
n=$((n + 1)); [ "$(ls -A "$tmp/kill" | tr '\n' ' ')" = "b.csv fifo k.db " ] ||
    fail "left beside the database after a killed first run: $(ls -A "$tmp/kill")"
n=$((n + 1)); [ "$("$planc" history "$tmp/kill/k.db" | tail -n +2 | wc -l)" -eq 2 ] || fail "the history of k.db"

# A database of an older schema (8: no reading_texts) upgraded by one
# writer while other writers and readers open it: each reads the schema
# version and the tables from one snapshot.  Read in two, a version 8 seen
# before the upgrade's commit and the tables after it were "not a planc
# results database" (exit 2), and a writer's run was lost.
if command -v sqlite3 >/dev/null; then
    mkdir "$tmp/up"
    "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/v8.db" -o /dev/null 2>/dev/null
    sqlite3 "$tmp/up/v8.db" "DROP TABLE reading_texts; PRAGMA user_version = 8;"
    for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
        rm -f "$tmp/up/h.db"*; cp "$tmp/up/v8.db" "$tmp/up/h.db"
        for w in 1 2 3; do
            "$planc" run --engine interp "$rules" --data "$data" --store "$tmp/up/h.db" -o /dev/null \
                2>"$tmp/up/w$w.err" &
        done
        for r in 1 2 3 4 5 6; do
            "$planc" history "$tmp/up/h.db" >/dev/null 2>"$tmp/up/r.err" ||
                fail "upgrade $k: history while the database is upgraded: $(cat "$tmp/up/r.err")"
        done
        wait
        n=$((n + 1)); [ "$("$planc" history "$tmp/up/h.db" | tail -n +2 | wc -l)" -eq 4 ] ||
            fail "upgrade $k: $("$planc" history "$tmp/up/h.db" 2>&1 | tail -n +2 | wc -l) runs, not 4; $(cat "$tmp"/up/w?.err)"
    done
fi

# The progress line on a terminal, and not with --quiet or on a pipe.
# (a larger file, so that the run outlasts the display thread's start:
# each city's 2021 row repeated for the years 1..3000)
awk -F, 'NR == 1 { print; next } $2 == 2021 { for (y = 1; y <= 3000; y++) { $2 = y; print } }' OFS=, \
    "$data" >"$tmp/big.csv"
if command -v script >/dev/null; then
    cmd="PLANC_PROGRESS_DELAY_MS=0 '$planc' run '$rules' --data '$tmp/big.csv' -o '$tmp/p.csv'"
    script -qec "$cmd" /dev/null >"$tmp/tty" 2>&1
    n=$((n + 1)); grep -q 'planc: read' "$tmp/tty" || { fail "no progress line on a terminal"; od -c "$tmp/tty" | head; }
    script -qec "$cmd --quiet" /dev/null >"$tmp/tty" 2>&1
    n=$((n + 1)); ! grep -q 'planc: read' "$tmp/tty" || fail "progress line despite --quiet"
    # in the messages' language
    script -qec "$cmd --lang zh" /dev/null >"$tmp/tty" 2>&1
    n=$((n + 1)); grep -q 'planc: 已读取[0-9]*行' "$tmp/tty" && ! grep -q 'planc: read\|rows' "$tmp/tty" ||
        { fail "the progress line under --lang zh is not Chinese"; od -c "$tmp/tty" | head; }
else
    echo "note: script(1) is absent; the terminal check is skipped"
fi
PLANC_PROGRESS_DELAY_MS=0 "$planc" run --engine interp "$rules" --data "$data" -o "$tmp/p.csv" 2>"$tmp/err"
n=$((n + 1)); [ ! -s "$tmp/err" ] || fail "progress output on a pipe"

echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]
