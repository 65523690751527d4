#!/bin/sh
# restore.sh — `planc restore DB RUN DIR`: the rules files a recorded run
# read, written back from the history.  The files come back byte for byte
# where the run found them (an adaptation importing from a directory
# above it; a reading's rules beside the scored ones, a shared base
# written once), verify says they are the run's, and the run's command
# line scores them again from DIR to the same rules hash.  A database
# changed after the run (a text, a manifest, a name with a line break, a
# name climbing out of DIR) is refused or kept inside DIR; a run without
# texts; DIR existing; an unwritable place; --lang zh; usage errors.  No
# case leaves a partial directory.
#   restore.sh PLANC SOURCE_DIR
set -u
planc=$1; src=$2
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
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
same() { # FILE FILE: the same bytes
    n=$((n + 1))
    cmp -s "$1" "$2" || fail "$2 is not $1 byte for byte"
}
absent() { # PATH: nothing there
    n=$((n + 1))
    [ ! -e "$1" ] && [ ! -L "$1" ] || fail "$1 exists"
}
# no_temporaries DIR: no restore temporary (.NAME.XXXXXX) left in DIR
no_temporaries() {
    n=$((n + 1))
    left=$(find "$1" -maxdepth 1 -name '.*.??????' | head -3)
    [ -z "$left" ] || fail "temporaries left in $1: $left"
}
# sql DB SQL: python3's sqlite3 (sqlite3(1) is no dependency of planc's).
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
# doctor DB NAME: renames run 1's second rules file to NAME in its texts
# and its manifest, and rehashes the manifest, as a careful forger would
# (every hash then agrees: only the name is wrong).
doctor() {
    python3 -c 'import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); new = sys.argv[2]
(files,) = db.execute("SELECT rules_files FROM runs WHERE id = 1").fetchone()
lines = files.split("\n")
old = lines[1][66:]
lines[1] = lines[1][:66] + new
files = "\n".join(lines)
db.execute("UPDATE runs SET rules_files = ?, rules_sha256 = ? WHERE id = 1",
           (files, hashlib.sha256(files.encode()).hexdigest()))
db.execute("UPDATE rules_texts SET name = ? WHERE run = 1 AND name = ?", (new, old))
db.commit()' "$1" "$2"
}

cd "$tmp" || exit 1
# The scene: the adapted province's rules (rules/examples/, importing
# ../liaoning/) scored from the top of a copy of the rules tree (run 1);
# a ministry's files, one read with a reading that extends the scored
# rules (run 2).
mkdir w
cp -r "$src/rules" w/rules
cp "$src/examples/adapted/data.csv" w/data.csv
cp -r "$src/tests/run/data-many" w/m
(cd w && "$planc" run --engine interp --root rules rules/examples/adapted-province.plan --data data.csv \
    --store ../h.db -o out.csv --quiet 2>/dev/null) || fail "the adapted run"
(cd w && "$planc" run --engine interp m/rules.plan --data m/jia.csv --data m/yi-bureau.csv \
    --read-with m/yi-reading.plan --data m/national.csv --allow-missing-columns --store ../h.db \
    -o m/out.json --quiet 2>/dev/null) || fail "the ministry's run"
cp h.db h-before.db

# 1. The adaptation's three files, where the run found them.
expect 0 "$planc" restore h.db 1 r1
contains out "restored the rules of run 1 (recorded 2025-01-01T00:00:00Z by planc "
contains out "  rules/examples/adapted-province.plan    the rules given to planc run"
contains out "  rules/liaoning/beautiful-liaoning.plan  imported"
contains out "  rules/liaoning/assessment-default.plan  imported"
contains out "To check them against the run: planc verify h.db 1 r1/rules/examples/adapted-province.plan"
for f in examples/adapted-province.plan liaoning/beautiful-liaoning.plan liaoning/assessment-default.plan; do
    same "w/rules/$f" "r1/rules/$f"
done
n=$((n + 1))
[ "$(find r1 -type f | wc -l)" -eq 3 ] || fail "r1 holds other files: $(find r1 -type f)"
expect 0 "$planc" verify h.db 1 r1/rules/examples/adapted-province.plan
contains out "verified: every file checked is the run's (3)"
# the run's own command line, from DIR, makes the same rules hash
cp w/data.csv r1/
(cd r1 && "$planc" run --engine interp --root rules rules/examples/adapted-province.plan --data data.csv \
    --store ../h2.db -o /dev/null --quiet 2>/dev/null) || fail "the run again from r1"
n=$((n + 1))
[ "$(sql h.db 'SELECT rules_sha256 FROM runs WHERE id = 1')" = "$(sql h2.db 'SELECT rules_sha256 FROM runs WHERE id = 1')" ] ||
    fail "the run from r1 hashed other rules"
no_temporaries .

# 2. A reading's rules beside the scored ones; their shared base once.
expect 0 "$planc" restore h.db last r2
contains out "  m/rules.plan       the rules given to planc run"
contains out "  m/yi-reading.plan  the rules m/yi-bureau.csv was read with"
same w/m/rules.plan r2/m/rules.plan
same w/m/yi-reading.plan r2/m/yi-reading.plan
expect 0 "$planc" verify h.db 2 r2/m/rules.plan
# --lang zh
expect 0 "$planc" restore h.db 2 r2zh --lang zh
contains out "已把评估 2（2025-01-01T00:00:00Z 由 planc "
contains out "m/yi-reading.plan  读取 m/yi-bureau.csv 所用的规则"
contains out "按该次评估核对这些文件：planc verify h.db 2 r2zh/m/rules.plan"

# 3. DIR: an empty directory will do; one with a file, a file, a link
# to an empty directory will not (exit 2), and stay as they were.
mkdir empty
expect 0 "$planc" restore h.db 1 empty
same w/rules/examples/adapted-province.plan empty/rules/examples/adapted-province.plan
mkdir full; echo keep >full/x
expect 2 "$planc" restore h.db 1 full
contains err "planc: error: full exists and is not an empty directory: restore writes a new directory"
n=$((n + 1)); [ "$(ls full)" = x ] || fail "full changed"
echo keep >afile
expect 2 "$planc" restore h.db 1 afile
n=$((n + 1)); [ "$(cat afile)" = keep ] || fail "afile changed"
mkdir target; ln -s target link
expect 2 "$planc" restore h.db 1 link
absent target/rules
no_temporaries .
# a trailing slash names the same directory
expect 0 "$planc" restore h.db 1 slash/
same w/rules/liaoning/assessment-default.plan slash/rules/liaoning/assessment-default.plan

# 4. Where DIR cannot be written (exit 5), nothing is left.
if [ "$(id -u)" -ne 0 ]; then
    mkdir ro; chmod a-w ro
    expect 5 "$planc" restore h.db 1 ro/r
    contains err "planc: error: cannot make a directory beside ro/r:"
    absent ro/r
    chmod u+w ro
fi
expect 5 "$planc" restore h.db 1 no/such/dir
absent no

# 5. A database changed after the run: exit 6, nothing written.
cp h-before.db t1.db
sql t1.db "UPDATE rules_texts SET text = CAST(text || ' ' AS BLOB) WHERE run = 1 AND seq = 1"
expect 6 "$planc" restore t1.db 1 x1
contains err "planc: error: run 1's rules: the text of '../liaoning/beautiful-liaoning.plan' is not the one the run read (its SHA-256 "
contains err "the database was changed after the run"
absent x1
cp h-before.db t2.db
sql t2.db "UPDATE runs SET rules_sha256 = '$(printf '%064d' 0)' WHERE id = 1"
expect 6 "$planc" restore t2.db 1 x2
contains err "planc: error: run 1's rules: their manifest is not the one the run hashed"
absent x2
cp h-before.db t3.db
sql t3.db "DELETE FROM rules_texts WHERE run = 1 AND seq = 2"
expect 6 "$planc" restore t3.db 1 x3
contains err "its manifest lists more files than the history keeps texts of"
absent x3
cp h-before.db t4.db
sql t4.db "UPDATE rules_texts SET name = 'other.plan' WHERE run = 1 AND seq = 1"
expect 6 "$planc" restore t4.db 1 x4
contains err "its manifest does not list 'other.plan' as file 2"
absent x4
# a reading's text changed
cp h-before.db t5.db
sql t5.db "UPDATE reading_texts SET text = CAST('plan x' AS BLOB) WHERE run = 2 AND seq = 0"
expect 6 "$planc" restore t5.db 2 x5
contains err "planc: error: run 2's reading rules: the text of 'yi-reading.plan' is not the one the run read"
absent x5
# a name with a tab, every hash made to agree: refused, shown escaped;
# one with a line break breaks its manifest's line
cp h-before.db t6.db
doctor t6.db "$(printf 'a\tb.plan')"
expect 6 "$planc" restore t6.db 1 x6
contains err "planc will not write a file named 'rules/examples/a\\tb.plan' (a control character, or no file name)"
absent x6
# ... and one in the directory the run recorded its rules in: the message
# names the path where it is
cp h-before.db t6c.db
sql t6c.db "UPDATE runs SET rules_path = 'ru' || char(27) || 'les/examples/adapted-province.plan' WHERE id = 1"
expect 6 "$planc" restore t6c.db 1 x6
contains err "planc will not write a file named 'ru\x1Bles/examples/adapted-province.plan' (a control character"
absent x6
cp h-before.db t6b.db
doctor t6b.db "$(printf 'a\nb.plan')"
expect 6 "$planc" restore t6b.db 1 x6
contains err "its manifest does not list 'a\\nb.plan' as file 2"
absent x6
# names climbing out of DIR, or absolute, every hash made to agree: they
# land inside DIR (in "_" directories for the climb), nowhere else
cp h-before.db t7.db
doctor t7.db "../../../../../escaped.plan"
expect 0 "$planc" restore t7.db 1 x7
absent escaped.plan
absent ../escaped.plan
n=$((n + 1))
[ -f x7/escaped.plan ] && [ -f x7/_/_/_/rules/examples/adapted-province.plan ] ||
    fail "x7 laid out otherwise: $(find x7 -type f)"
contains out "whose names the history does not keep: that directory is x7/_/_/_."
cp h-before.db t8.db
doctor t8.db "/tmp/planc-restore-escaped.plan"
expect 0 "$planc" restore t8.db 1 x8
n=$((n + 1))
[ -f x8/tmp/planc-restore-escaped.plan ] || fail "x8 laid out otherwise: $(find x8 -type f)"
# a name with an invisible character (U+202E, which turns the rest of a
# terminal's line around) or a byte of no UTF-8: the listing shows them
# escaped, as messages do; the verify command quotes DIR for the shell
cp h-before.db t8b.db
doctor t8b.db "$(printf 'evil\342\200\256lp.plan')"
expect 0 "$planc" restore t8b.db 1 "$(printf 'x8b\377')"
contains out "  rules/examples/evil\u202Elp.plan  "
contains out "restored the rules of run 1 (recorded 2025-01-01T00:00:00Z by planc "
contains out "into x8b\xFF:"
contains out "To check them against the run: planc verify t8b.db 1 'x8b'\$'\xFF''/rules/examples/adapted-province.plan'"
n=$((n + 1))
grep -q "$(printf '\342\200\256\|\377')" "$tmp/out" && fail "the listing holds the raw bytes: $(cat "$tmp/out")"
n=$((n + 1))
[ -f "$(printf 'x8b\377/rules/examples/evil\342\200\256lp.plan')" ] || fail "x8b laid out otherwise"
# two files at one path with different bytes
cp h-before.db t9.db
doctor t9.db "adapted-province.plan"
expect 6 "$planc" restore t9.db 1 x9
contains err "planc: error: run 1 read two different files as 'rules/examples/adapted-province.plan'"
absent x9

# 6. A run recorded before the history kept texts (as a version 5
# database's runs, upgraded: none in rules_texts).
cp h-before.db t10.db
sql t10.db "DELETE FROM rules_texts WHERE run = 1"
expect 6 "$planc" restore t10.db 1 x10
contains err "planc: error: run 1 keeps no rules texts: it was recorded by planc "
absent x10
# a reading without texts (before version 9): the scored rules come back,
# with a warning
cp h-before.db t11.db
sql t11.db "DELETE FROM reading_texts WHERE run = 2"
expect 0 "$planc" restore t11.db 2 x11
contains err "planc: warning: run 2 keeps no texts of the rules m/yi-bureau.csv was read with (--read-with m/yi-reading.plan;"
same w/m/rules.plan x11/m/rules.plan
absent x11/m/yi-reading.plan
# ... which --warnings-as-errors makes an error: nothing written, exit 6;
# -w leaves it out, --diagnostics json writes it as JSON, as for run
expect 6 "$planc" restore t11.db 2 x11w --warnings-as-errors
contains err "planc: warning: run 2 keeps no texts of the rules m/yi-bureau.csv"
contains err "planc: error: 1 warning treated as an error (--warnings-as-errors)"
absent x11w
[ -s "$tmp/out" ] && fail "restore --warnings-as-errors listed files: $(cat "$tmp/out")"
expect 0 "$planc" restore t11.db 2 x11q -w
[ -s "$tmp/err" ] && fail "restore -w wrote messages: $(cat "$tmp/err")"
same w/m/rules.plan x11q/m/rules.plan
expect 6 "$planc" restore t11.db 2 x11j --warnings-as-errors --diagnostics json
contains err '{"level": "warning", "message": "run 2 keeps no texts of the rules m/yi-bureau.csv'
contains err '{"level": "error", "message": "1 warning treated as an error (--warnings-as-errors)"'
absent x11j
expect 2 "$planc" restore t11.db 2 x11k --warnings-as-errors -w
contains err "leaves out the warnings that --warnings-as-errors makes errors"
expect 2 "$planc" restore t11.db 2 x11k --diagnostics xml
contains err "unknown format 'xml' (available: text, json)"
absent x11k

# 7. Usage: no such run, too few arguments, an unknown option, not a
# database; help in both languages.
expect 2 "$planc" restore h.db 9 x12
absent x12
expect 2 "$planc" restore h.db 1
contains err "a database, a run and the directory to write are needed"
expect 2 "$planc" restore h.db 1 x13 extra
expect 2 "$planc" restore h.db 1 x13 --full
absent x13
echo 'not a database' >nodb
expect 2 "$planc" restore nodb 1 x14
absent x14
expect 0 "$planc" restore --help
contains out "usage: planc restore DB RUN DIR [--lang en|zh]"
expect 0 "$planc" help restore --lang zh
contains out "用法：planc restore DB RUN DIR [--lang en|zh]"

# 8. Interrupted (SIGINT while its directories are made, by strace's
# fault injection where it runs): no temporary left, however many
# directories (more than the cleanup's slots) or how deep (more than its
# passes over registered directories) the tree is.
manyfiles() { # DB OUT N MODE: run 1 with N more files, each in a directory of its own or 20 deep
    python3 -c 'import hashlib, shutil, sqlite3, sys
src, dst, n, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
shutil.copy(src, dst)
db = sqlite3.connect(dst)
(files,) = db.execute("SELECT rules_files FROM runs WHERE id = 1").fetchone()
seq = db.execute("SELECT max(seq) FROM rules_texts WHERE run = 1").fetchone()[0]
for i in range(n):
    name = "d%04d/f.plan" % i if mode == "many" else "/".join(["%02d" % k for k in range(20)]) + "/f%d.plan" % i
    text = b"// %d\n" % i
    db.execute("INSERT INTO rules_texts (run, seq, name, text) VALUES (1, ?, ?, ?)", (seq + 1 + i, name, text))
    files += hashlib.sha256(text).hexdigest() + "  " + name + "\n"
db.execute("UPDATE runs SET rules_files = ?, rules_sha256 = ? WHERE id = 1",
           (files, hashlib.sha256(files.encode()).hexdigest()))
db.commit()' "$1" "$2" "$3" "$4"
}
manyfiles h.db many.db 100 many
manyfiles h.db deep.db 1 deep
expect 0 "$planc" restore many.db 1 x15
n=$((n + 1)); [ "$(find x15 -type f | wc -l)" -eq 103 ] || fail "x15 holds $(find x15 -type f | wc -l) files"
expect 0 "$planc" restore deep.db 1 x16
n=$((n + 1)); [ -f x16/rules/examples/00/01/02/03/04/05/06/07/08/09/10/11/12/13/14/15/16/17/18/19/f0.plan ] || fail "x16: the deep file is missing"
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
    for c in "many.db 90" "deep.db 24"; do
        set -- $c
        expect 130 strace -f -o /dev/null -e trace=mkdir -e inject=mkdir:signal=SIGINT:when=$2 \
            "$planc" restore "$1" 1 x17
        absent x17
        no_temporaries .
    done
else
    echo "restore: no strace, the interrupted restores skipped"
fi

# restore reads the database, never writes it
n=$((n + 1))
cmp -s h.db h-before.db || fail "restore changed the database"
no_temporaries .

echo "restore: $n checks, $fails failed"
[ "$fails" -eq 0 ]
