#!/bin/sh
# verify.sh — `planc verify`: the files an auditor holds checked against
# a recorded run by SHA-256.  A match (rules with an import, data, the
# workbook; several data files with a --read-with reading); each kind of
# mismatch (the rules, an imported file, the data, a reading, an output,
# a reading given for a file read without one); a file missing; a
# version 7 database (before the files were recorded); --lang zh; the
# usage errors and an unreadable database; and that verify changes no
# byte of the database.
#   verify.sh PLANC SOURCE_DIR
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
export SOURCE_DATE_EPOCH=1735689600   # 2025-01-01T00:00:00Z

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect RC CMD... : runs CMD, checks its exit code (output in $tmp/out, $tmp/err).
expect() {
    want=$1; shift; n=$((n + 1))
    "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" -eq "$want" ] || { fail "'$*' exited $rc, expected $want"; sed 's/^/  | /' "$tmp/err" "$tmp/out" | head -12; }
}
contains() { # FILE TEXT
    n=$((n + 1))
    grep -qF -- "$2" "$tmp/$1" || { fail "$1 does not contain '$2'"; sed 's/^/  | /' "$tmp/$1" | head -12; }
}
lacks() { # FILE TEXT
    n=$((n + 1))
    ! grep -qF -- "$2" "$tmp/$1" || { fail "$1 contains '$2'"; sed 's/^/  | /' "$tmp/$1" | head -12; }
}
hash() { sha256sum "$1" | cut -c1-64; }
# sql DB SQL: the rows of a query (or a script's changes), as sqlite3 shows
# them (columns joined by |), with python3's sqlite3 (sqlite3(1) is no
# dependency of planc's).
sql() {
    python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
if sys.argv[2].lstrip().upper().startswith("SELECT"):
    for row in db.execute(sys.argv[2]):
        print("|".join("" if v is None else str(v) for v in row))
else:
    db.executescript(sys.argv[2])
    db.commit()' "$1" "$2"
}

# The scene: the Liaoning rules (which import assessment-default.plan)
# scored into a workbook (run 1), and a ministry's three files, one read
# with a reading of its own, into a JSON document (run 2).
cd "$tmp" || exit 1
mkdir a
cp -r "$src/rules/liaoning" a/r
cp "$src/examples/liaoning/data.csv" a/data.csv
cp -r "$src/tests/run/data-many" m
expect 0 "$planc" run --engine interp a/r/beautiful-liaoning.plan --data a/data.csv --store h.db \
    -o a/out.xlsx --quiet
expect 0 "$planc" run --engine interp m/rules.plan --data m/jia.csv --data m/yi-bureau.csv \
    --read-with m/yi-reading.plan --data m/national.csv --allow-missing-columns --store h.db -o m/out.json --quiet
cp h.db h-before.db

# A match: each file with its full SHA-256, as sha256sum prints it.
expect 0 "$planc" verify h.db 1 a/r/beautiful-liaoning.plan --data a/data.csv --output a/out.xlsx
contains out "run 1 (2025-01-01T00:00:00Z, planc "
contains out "  rules    match        $(hash a/r/beautiful-liaoning.plan)  a/r/beautiful-liaoning.plan"
contains out "  rules    match        $(hash a/r/assessment-default.plan)  a/r/assessment-default.plan (imported: assessment-default.plan)"
contains out "  rules    match        $(sql h.db 'SELECT rules_sha256 FROM runs WHERE id = 1')  the rules' hash"
contains out "  data     match        $(hash a/data.csv)  a/data.csv"
contains out "  output   match        $(hash a/out.xlsx)  a/out.xlsx ($(wc -c <a/out.xlsx) bytes)"
contains out "verified: every file checked is the run's (4)"
# the outputs the run recorded: its path, size and hash
n=$((n + 1)); [ "$(sql h.db 'SELECT path, format, bytes, sha256 FROM outputs WHERE run = 1')" = \
    "a/out.xlsx|xlsx|$(wc -c <a/out.xlsx)|$(hash a/out.xlsx)" ] || fail "outputs of run 1: $(sql h.db 'SELECT * FROM outputs')"
# from another directory, the files under other names: the same
mkdir elsewhere
cp a/out.xlsx elsewhere/copy.xlsx
expect 0 sh -c "cd elsewhere && exec '$planc' verify ../h.db last~1 '$tmp/a/r/beautiful-liaoning.plan' --output copy.xlsx"
contains out "copy.xlsx ($(wc -c <a/out.xlsx) bytes; the run wrote it as a/out.xlsx)"
contains out "  data     not given    $(hash a/data.csv)  a/data.csv"

# the rules under another name: their bytes are the run's, their name is said
cp a/r/beautiful-liaoning.plan a/r/published.plan
expect 0 "$planc" verify h.db 1 a/r/published.plan
contains out "  rules    match        $(hash a/r/beautiful-liaoning.plan)  a/r/published.plan (the run read it as beautiful-liaoning.plan)"

# Several files, one with a reading: matched by hash in any order; a
# reading not given is listed, not failed.
expect 0 "$planc" verify h.db 2 m/rules.plan --data m/national.csv --data m/yi-bureau.csv \
    --read-with m/yi-reading.plan --data m/jia.csv --output m/out.json
contains out "  reading  match        $(hash m/yi-reading.plan)  m/yi-reading.plan"
contains out "  reading  match        $(hash m/rules.plan)  m/rules.plan (imported: rules.plan)"
contains out "verified: every file checked is the run's (7)"
# the options the run was given, which the files do not say, on a line
# after the first (run 1 had none: no such line)
contains out "run 2 (2025-01-01T00:00:00Z, planc "
contains out "  options  --allow-missing-columns (the run's options: give them again to score these files again)"
expect 0 "$planc" verify h.db 1 --data a/data.csv
lacks out "options"
# a file given twice (by one name or through a link): a usage error, as
# run's; the second was set against another file of the run, "differs"
# though its hash was the run's
expect 2 "$planc" verify h.db 1 --data a/data.csv --data a/data.csv
contains err "planc: the data file 'a/data.csv' is given twice (--data)"
ln -s data.csv a/link.csv
expect 2 "$planc" verify h.db 2 --data m/jia.csv --data a/data.csv --data a/link.csv
contains err "the data file 'a/link.csv' is one given before under another name"
rm a/link.csv
# an output given twice: checked once (the verdict's count is of files)
expect 2 "$planc" verify h.db 1 --output a/out.xlsx --output a/out.xlsx
contains err "planc: the output 'a/out.xlsx' is given twice (--output)"
ln -s out.xlsx a/link.xlsx
expect 2 "$planc" verify h.db 1 --output a/out.xlsx --output a/link.xlsx
contains err "the output 'a/link.xlsx' is one given before under another name"
rm a/link.xlsx
n=$((n + 1)); [ "$(sql h.db "SELECT read_with, length(read_with_sha256) FROM data_files WHERE run = 2 AND seq = 1")" = \
    "m/yi-reading.plan|64" ] || fail "the reading is not hashed: $(sql h.db 'SELECT * FROM data_files WHERE run = 2')"
# the reading's texts are kept as the scored rules' are (schema 9,
# reading_texts): each file of its manifest, named so, its bytes whole
n=$((n + 1)); [ "$(sql h.db "SELECT seq, name FROM reading_texts WHERE run = 2 AND file = 1 ORDER BY seq" | tr '\n' ' ')" = \
    "0|yi-reading.plan 1|rules.plan " ] || fail "the reading's texts: $(sql h.db 'SELECT run, file, seq, name FROM reading_texts')"
n=$((n + 1)); python3 -c 'import sqlite3, sys
db = sqlite3.connect("h.db")
rows = db.execute("SELECT name, text FROM reading_texts WHERE run = 2 AND file = 1 ORDER BY seq").fetchall()
sys.exit(0 if rows and all(t == open("m/" + n, "rb").read() for n, t in rows) else 1)' ||
    fail "the reading's texts are not its files' bytes"
expect 0 "$planc" verify h.db 2 --data m/yi-bureau.csv
contains out "  reading  not given    "
contains out "m/yi-reading.plan (the run read m/yi-bureau.csv with it: --read-with)"
contains out "  data     not given    $(hash m/jia.csv)  m/jia.csv"

# Each kind of mismatch: exit 6, the file's hash and the run's.
mkdir b
cp -r a/r b/r
echo '# edited' >>b/r/beautiful-liaoning.plan
expect 6 "$planc" verify h.db 1 b/r/beautiful-liaoning.plan
contains out "  rules    differs      $(hash b/r/beautiful-liaoning.plan)  b/r/beautiful-liaoning.plan"
contains out "           recorded     $(hash a/r/beautiful-liaoning.plan)  beautiful-liaoning.plan"
contains out "not verified: 2 files checked, 1 of them the run's: 1 differ, 0 unreadable, 0 not recorded by the run"
cp a/r/beautiful-liaoning.plan b/r/
echo '# edited' >>b/r/assessment-default.plan
expect 6 "$planc" verify h.db 1 b/r/beautiful-liaoning.plan
contains out "  rules    match        $(hash a/r/beautiful-liaoning.plan)  b/r/beautiful-liaoning.plan"
contains out "  rules    differs      $(hash b/r/assessment-default.plan)  b/r/assessment-default.plan (imported: assessment-default.plan)"
contains out "           recorded     $(hash a/r/assessment-default.plan)  assessment-default.plan"
# an imported file missing
rm b/r/assessment-default.plan
expect 6 "$planc" verify h.db 1 b/r/beautiful-liaoning.plan
contains out "  rules    unreadable                                                                     b/r/assessment-default.plan: No such file or directory"
contains out "1 unreadable"
# a data cell corrected after the run
sed '3s/,[0-9.]*,/,1,/' a/data.csv >b/data.csv
expect 6 "$planc" verify h.db 1 --data b/data.csv
contains out "  data     differs      $(hash b/data.csv)  b/data.csv"
contains out "           recorded     $(hash a/data.csv)  a/data.csv"
# a workbook changed (one byte more), and one missing
cp a/out.xlsx b/out.xlsx; printf x >>b/out.xlsx
expect 6 "$planc" verify h.db 1 --output b/out.xlsx --output b/gone.html
contains out "  output   differs      $(hash b/out.xlsx)  b/out.xlsx ($(wc -c <b/out.xlsx) bytes)"
contains out "           recorded     $(hash a/out.xlsx)  a/out.xlsx ($(wc -c <a/out.xlsx) bytes)"
contains out "  output   unreadable                                                                     b/gone.html: No such file or directory"
# a reading edited, and a reading given for a file read without one
cp m/yi-reading.plan b/reading.plan; echo '# edited' >>b/reading.plan
expect 6 "$planc" verify h.db 2 --data m/yi-bureau.csv --read-with b/reading.plan --data m/jia.csv \
    --read-with m/yi-reading.plan
contains out "  reading  differs      $(hash b/reading.plan)  b/reading.plan"
contains out "           recorded     $(hash m/yi-reading.plan)  yi-reading.plan"
contains out "m/yi-reading.plan (the run read m/jia.csv with the scored rules, not with --read-with)"
# a data file the run did not read
expect 6 "$planc" verify h.db 2 --data m/jia.csv --data a/data.csv --data m/national.csv --data m/yi-bureau.csv
contains out "  data     differs      $(hash a/data.csv)  a/data.csv (the run read no other data file)"
# results written to standard output: recorded as /dev/stdout, and a
# copy saved from the pipe is the run's
"$planc" run --engine interp m/rules.plan --data m/jia.csv --data m/national.csv --allow-missing-columns \
    --store out.db --quiet >saved.csv 2>/dev/null
expect 0 "$planc" verify out.db 1 --output saved.csv
contains out "  output   match        $(hash saved.csv)  saved.csv ($(wc -c <saved.csv) bytes; the run wrote it as /dev/stdout)"
# an output's name taken by a FIFO no program writes: read as it stands
# (nothing), not waited on for ever
mkfifo b/fifo.xlsx
expect 6 timeout 20 "$planc" verify h.db 1 --output b/fifo.xlsx
contains out "  output   differs      $(printf '' | sha256sum | cut -c1-64)  b/fifo.xlsx (0 bytes)"
# a database edited by hand: the hashes it holds are its text, shown
# escaped as its names are (no line break or escape sequence reaches the
# terminal)
cp h-before.db forged.db
sql forged.db "UPDATE outputs SET sha256 = 'ab' || char(10) || 'verified: forged' || char(27) || '[2J' WHERE run = 1;
UPDATE data_files SET sha256 = char(27) || ']0;t' || char(7) WHERE run = 1;
UPDATE runs SET rules_sha256 = 'r' || char(10) || 'x' WHERE id = 1;"
expect 6 "$planc" verify forged.db 1 --output a/out.xlsx --data a/data.csv
contains out "           recorded     ab\\nverified: forged\\x1B[2J  a/out.xlsx"
contains out "           recorded     \\x1B]0;t\\x07  a/data.csv"
contains out "  rules    not given    r\\nx  "
lacks out "$(printf '\033')"
n=$((n + 1)); [ "$(grep -c '^verified' "$tmp/out")" = 0 ] || fail "a forged line in verify's output"
# the run's rules hash edited: every file matches, but the hash they make
# is not the run's: not verified (it printed 'differs', then 'verified',
# exit 0)
cp h-before.db rehashed.db
sql rehashed.db "UPDATE runs SET rules_sha256 = '$(hash a/data.csv)' WHERE id = 1;"
expect 6 "$planc" verify rehashed.db 1 a/r/beautiful-liaoning.plan
contains out "  rules    differs      $(sql h.db 'SELECT rules_sha256 FROM runs WHERE id = 1')  the rules' hash"
contains out "not verified: each of the 2 files checked is the run's, but the rules' hash they make is not the one the run recorded"
# a manifest edited to name a device: not read (/dev/zero never ends)
cp h-before.db device.db
sql device.db "UPDATE runs SET rules_files = rules_files || '$(hash a/data.csv)  /dev/zero' || char(10) WHERE id = 1;"
expect 6 timeout 20 "$planc" verify device.db 1 a/r/beautiful-liaoning.plan
contains out "  rules    unreadable                                                                     /dev/zero: a device, not a file"

# a data file of a long path (over 512 bytes): named whole in the note
long=$(printf '%0200d' 0 | tr 0 x)
mkdir -p "$long/$long/$long"
cp a/data.csv "$long/$long/$long/data.csv"
"$planc" run --engine interp a/r/beautiful-liaoning.plan --data "$long/$long/$long/data.csv" \
    --store long.db -o long.json --quiet 2>/dev/null
expect 0 "$planc" verify long.db 1 --data a/data.csv
contains out "a/data.csv (the run read it as $long/$long/$long/data.csv)"
# verify changed nothing
n=$((n + 1)); cmp -s h.db h-before.db || fail "verify changed the database"

# --lang zh
expect 0 "$planc" verify h.db 1 a/r/beautiful-liaoning.plan --data a/data.csv --output a/out.xlsx --lang zh
contains out "评估 1（2025-01-01T00:00:00Z，planc "
contains out "  规则     一致         $(hash a/r/beautiful-liaoning.plan)  a/r/beautiful-liaoning.plan"
contains out "（导入：assessment-default.plan）"
contains out "  输出     一致         $(hash a/out.xlsx)  a/out.xlsx（$(wc -c <a/out.xlsx) 字节）"
contains out "核验通过：所核对的4个文件均为该评估所用"
expect 6 "$planc" verify h.db 1 --data b/data.csv --lang zh
contains out "  数据     不一致       $(hash b/data.csv)  b/data.csv"
contains out "           记录为       $(hash a/data.csv)  a/data.csv"
contains out "核验未通过：核对1个文件，其中0个为该评估所用；1个不一致"

# A version 7 database (what planc 0.12 made): read as it is; the data
# checked against the run's one hash (of a file, or of several files'
# hashes, in order), an output or a reading not recorded (exit 6).
cp h-before.db v7.db
sql v7.db "DROP TABLE reading_texts; DROP TABLE data_files; DROP TABLE outputs; ALTER TABLE runs DROP COLUMN records_files; PRAGMA user_version = 7;"
cp v7.db v7-before.db
expect 0 "$planc" verify v7.db 1 a/r/beautiful-liaoning.plan --data a/data.csv
contains out "  data     match        $(hash a/data.csv)  a/data.csv"
expect 6 "$planc" verify v7.db 1 --data b/data.csv --output a/out.xlsx
contains out "  data     differs      $(hash b/data.csv)  b/data.csv"
contains out "  output   not recorded $(hash a/out.xlsx)  a/out.xlsx (the run, recorded before schema version 8, kept no hash of what it wrote"
expect 0 "$planc" verify v7.db 2 --data m/jia.csv --data m/yi-bureau.csv --data m/national.csv
contains out "  data     match        $(printf '%s\n%s\n%s\n' "$(hash m/jia.csv)" "$(hash m/yi-bureau.csv)" "$(hash m/national.csv)" | sha256sum | cut -c1-64)  the data's hash"
expect 6 "$planc" verify v7.db 2 --data m/yi-bureau.csv --data m/jia.csv --data m/national.csv
contains out "  data     not recorded $(hash m/jia.csv)  m/jia.csv"
contains out "  data     differs      "
expect 6 "$planc" verify v7.db 2 --data m/jia.csv --data m/yi-bureau.csv --read-with m/yi-reading.plan \
    --data m/national.csv
contains out "  reading  not recorded "
n=$((n + 1)); cmp -s v7.db v7-before.db || fail "verify changed the version 7 database"
n=$((n + 1)); [ "$(sql v7.db 'SELECT user_version FROM pragma_user_version')" = 7 ] || fail "verify upgraded the database"
# history --full: the hashes whole; without it, their first 12 digits
expect 0 "$planc" history v7.db --full
contains out "  $(hash a/data.csv)  "
expect 0 "$planc" history v7.db
lacks out "$(hash a/data.csv)"
contains out "  $(hash a/data.csv | cut -c1-12)  "

# compare --full: each run's hashes whole, after the header's 12 digits
expect 0 "$planc" compare h.db 1 2 --full
contains out "  run 1: rules $(sql h.db 'SELECT rules_sha256 FROM runs WHERE id = 1'), data $(hash a/data.csv)"
contains out "  run 2: rules $(sql h.db 'SELECT rules_sha256 FROM runs WHERE id = 2'), data "
expect 0 "$planc" compare h.db 1 2 --full --lang zh
contains out "  评估 1：规则 $(sql h.db 'SELECT rules_sha256 FROM runs WHERE id = 1')，数据 $(hash a/data.csv)"
expect 0 "$planc" compare h.db 1 2
lacks out "$(hash a/data.csv)"

# A rules file given through a symbolic link to a file in another
# directory (a 'current' link to a versioned plan): run reads its imports
# beside the file the link leads to, and names them from there in the
# manifest; verify looks for them there too (LANGUAGE.md §14).  An
# import that is itself a link is read, and checked, where it leads.
mkdir s s/t s/t/shared
ln -s ../a/r/beautiful-liaoning.plan s/current.plan
expect 0 "$planc" run --engine interp s/current.plan --data a/data.csv --store s.db -o s/out.csv --quiet
expect 0 "$planc" verify s.db 1 s/current.plan --data a/data.csv
contains out "  rules    match        $(hash a/r/beautiful-liaoning.plan)  s/current.plan (the run read it as beautiful-liaoning.plan)"
contains out "  rules    match        $(hash a/r/assessment-default.plan)  $(cd a/r && pwd -P)/assessment-default.plan (imported: assessment-default.plan)"
contains out "verified: every file checked is the run's (3)"
cp a/r/beautiful-liaoning.plan s/t/main.plan
cp a/r/assessment-default.plan s/t/shared/assessment-default.plan
ln -s shared/assessment-default.plan s/t/assessment-default.plan
expect 0 "$planc" run --engine interp s/t/main.plan --data a/data.csv --store s.db -o s/out.csv --quiet
expect 0 "$planc" verify s.db 2 s/t/main.plan --data a/data.csv
contains out "  rules    match        $(hash a/r/assessment-default.plan)  s/t/shared/assessment-default.plan (imported: shared/assessment-default.plan)"
contains out "verified: every file checked is the run's (3)"

# Usage errors (exit 2), an unreadable database (exit 5).
expect 2 "$planc" verify h.db 1;                   contains err "nothing to check"
expect 2 "$planc" verify h.db;                     contains err "a database and a run are needed"
expect 2 "$planc" verify h.db 9 --data a/data.csv; contains err "has no run '9'"
expect 2 "$planc" verify absent.db 1 --data a/data.csv; contains err "cannot open"
expect 2 "$planc" verify a/data.csv 1 --data a/data.csv; contains err "not a database"
expect 2 "$planc" verify h.db 1 --data -;          contains err "standard input cannot be checked"
expect 2 "$planc" verify h.db 1 --read-with m/yi-reading.plan; contains err "--read-with RULES follows the data file"
expect 2 "$planc" verify h.db 1 --bogus;           contains err "unknown option '--bogus'"
expect 2 "$planc" verify h.db 1 a b;               contains err "unexpected argument 'b'"
expect 5 sh -c "ulimit -f 20; exec '$planc' verify h.db 1 --data a/data.csv"
contains err "cannot read it"
expect 0 "$planc" help verify;                     contains out "exit: 0 every file given is the run's, 6"
n=$((n + 1)); [ ! -e absent.db ] || fail "verify created a database"

# A rules file named with a line break (and one with a backslash): its
# manifest line is escaped as sha256sum escapes it, so the rules' hash is
# what `sha256sum NAME | sha256sum` prints, and verify finds the file the
# run's (before, the name split the manifest's line in two: "differs").
mkdir esc
for name in "$(printf 'r\nules.plan')" 'r\\ules.plan'; do
    rm -f esc/h.db
    cp "$src/examples/quickstart/rules.plan" "esc/$name"
    (cd esc && "$planc" run --engine interp "$name" --data "$src/examples/quickstart/data.csv" --store h.db \
        -o /dev/null --quiet) || fail "the run of a rules file named with a line break or backslash"
    n=$((n + 1))
    want=$(cd esc && sha256sum "$name" | sha256sum | cut -c1-64)
    got=$(sql esc/h.db "SELECT rules_sha256 FROM runs")
    [ "$want" = "$got" ] || fail "the rules hash of an escaped name is not sha256sum's: $got, sha256sum $want"
    expect 0 "$planc" verify esc/h.db 1 "esc/$name"
    contains out "verified: every file checked is the run's (1)"
    rm -f "esc/$name"
done

# Several outputs of one run (-o given again): each recorded in order,
# each verified; a changed one differs alone.
mkdir multi
expect 0 "$planc" run --engine interp "$src/examples/quickstart/rules.plan" --data "$src/examples/quickstart/data.csv" \
    --store multi/h.db -o multi/r.csv -o multi/r.xlsx -o multi/r.html --quiet
n=$((n + 1)); [ "$(sql multi/h.db "SELECT seq, path, format FROM outputs ORDER BY seq" | tr '\n' ' ')" = \
    "0|multi/r.csv|csv 1|multi/r.xlsx|xlsx 2|multi/r.html|html " ] ||
    fail "the outputs of one run: $(sql multi/h.db 'SELECT seq, path, format FROM outputs')"
expect 0 "$planc" verify multi/h.db 1 --output multi/r.csv --output multi/r.xlsx --output multi/r.html
contains out "verified: every file checked is the run's (3)"
echo >> multi/r.html
expect 6 "$planc" verify multi/h.db 1 --output multi/r.csv --output multi/r.xlsx --output multi/r.html
contains out "  output   match        $(hash multi/r.csv)  multi/r.csv"

echo "$n checks, $fails failed"
[ "$fails" -eq 0 ]
