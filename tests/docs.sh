#!/bin/sh
# docs.sh — the documents say what planc does: the examples and printed
# outputs of README.md, docs/LANGUAGE.md, docs/OUTPUT.md, docs/ADAPTING.md,
# docs/DATA.md and docs/GUIDE.zh-CN.md
# are checked against the files they quote and against planc's output, so
# that a change of behaviour or of an example file shows up here.
#
#   sh tests/docs.sh PLANC SRC
#
# A doc block that shows output with lines left out ('...', '…') is checked
# line by line (each shown line is printed by planc); one shown whole is
# compared whole.
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0

fail() {
    echo "FAIL: $*"
    fails=$((fails + 1))
}

# block DOC REGEX: the first fenced block after the first line of DOC that
# matches REGEX (an awk extended regular expression).
block() {
    awk -v re="$2" 'f == 0 && $0 ~ re { f = 1; next }
                    f == 1 && /^```/ { f = 2; next }
                    f == 2 && /^```/ { exit }
                    f == 2 { print }' "$1"
}

# same LABEL EXPECTED ACTUAL: the two files are equal.
same() {
    if ! cmp -s "$2" "$3"; then
        fail "$1 differs from what planc prints:"
        diff "$2" "$3" | sed 's/^/  | /'
    fi
}

# shown LABEL DOCPART OUTPUT: every line of DOCPART other than '...' and
# those eliding text ('...', '…') is a line of OUTPUT.
shown() {
    awk -v label="$1" 'NR == FNR { out[$0] = 1; next }
        $0 ~ /^ *\.\.\. *$/ || index($0, "...") || index($0, "…") { next }
        !($0 in out) { print "FAIL: " label ": planc prints no line"; print "  | " $0; bad++ }
        END { exit bad > 0 }' "$3" "$2" || fails=$((fails + 1))
}

cd "$src" || exit 1

# --- docs/LANGUAGE.md: each example is in the file named above it -------
# (lines compared without indentation and trailing comments; comment lines
# of the example are left out, as the doc shortens them)
awk -v tmp="$tmp" '
    match($0, /File: `[^`]+`/) { file = substr($0, RSTART + 7, RLENGTH - 8); at = NR; next }
    /^```/ && !inb { inb = 1; if (file != "" && NR - at <= 3) { n++; out = tmp "/ex" n; print file > (tmp "/ex" n ".file") } else out = ""; next }
    /^```/ && inb { inb = 0; if (out != "") close(out); file = ""; next }
    inb && out != "" { print > out }' docs/LANGUAGE.md
count=0
for f in "$tmp"/ex*.file; do
    [ -e "$f" ] || break
    ex=${f%.file}; path=$(cat "$f")
    case $path in
        */*) ;;
        *) path=tests/lang-examples/$path ;;
    esac
    count=$((count + 1))
    if [ ! -f "$path" ]; then
        fail "docs/LANGUAGE.md names $path, which does not exist"
        continue
    fi
    awk -v path="$path" '
        function norm(s) { sub(/[ \t]+#.*$/, "", s); gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
        NR == FNR { l = norm($0); if (l != "" && l !~ /^#/) src[++ns] = l; next }
        { l = norm($0); if (l == "" || l ~ /^#/) next
          while (k < ns && src[k + 1] != l) k++
          if (k == ns) { print "FAIL: docs/LANGUAGE.md example of " path ": not in the file (or not in this order):"; print "  | " $0; exit 1 }
          k++ }' "$path" "$ex" || fails=$((fails + 1))
done
[ "$count" -ge 15 ] || fail "docs/LANGUAGE.md: only $count examples found"
# an example of rules with no "File:" line above it would be checked by
# nothing: each block whose first line opens a declaration must name its
# file (a grammar sketch, with [OPTIONAL] or {REPEATED} parts, is no example)
awk 'match($0, /File: `[^`]+`/) { at = NR; next }
     /^```/ && !inb { inb = 1; start = NR; named = (at && NR - at <= 3); first = ""; next }
     /^```/ && inb { inb = 0; at = 0
         if (!named && first ~ /^[ \t]*(plan|region|agency|unit|indicator|section|measure|target|redline|assessment|map|period|test)[ \t]/ &&
             first !~ /\[[A-Z]+|\{[A-Z]+\}/)
             print "FAIL: docs/LANGUAGE.md:" start ": an example of rules with no File: line above it, so no test compiles it:\n  | " first
         next }
     inb && first == "" && $0 !~ /^[ \t]*(#.*)?$/ { first = $0 }' docs/LANGUAGE.md > "$tmp/unnamed"
if [ -s "$tmp/unnamed" ]; then cat "$tmp/unnamed"; fails=$((fails + 1)); fi

# --- docs/LANGUAGE.md §1: the keywords are the scanner's ---------------
awk '/\*\*Keywords\*\*/ { f = 1 } f { print } f && /`\.$/ { exit }' docs/LANGUAGE.md |
    tr '\n' ' ' | sed 's/^[^`]*`//; s/`.*$//' | tr ' ' '\n' | sed '/^$/d' | sort > "$tmp/kw.doc"
sed -n 's/^"\([a-z]*\)"[ \t]*TOKEN.*/\1/p' grammar/lexer.l | sort > "$tmp/kw.lex"
same "docs/LANGUAGE.md's keyword list (sorted)" "$tmp/kw.doc" "$tmp/kw.lex"

# --- README.md, tour step 2: the unit error --------------------------------
block README.md '^\*\*2\. Check it' | grep -v '^\$ ' > "$tmp/readme.err"
sed 's/>= 60万亩/>= 60%/' examples/quickstart/rules.plan > "$tmp/broken.plan"
(cd "$tmp" && "$planc" check broken.plan 2> check.err; echo $? > check.rc)
same "README.md step 2" "$tmp/readme.err" "$tmp/check.err"
[ "$(cat "$tmp/check.rc")" = 1 ] || fail "README.md step 2: exit $(cat "$tmp/check.rc"), the tour says 1"

# --- docs/GUIDE.zh-CN.md: the tour's unit error, and the phrase table -----
block docs/GUIDE.zh-CN.md '^\*\*检查' | grep -v '^\$ ' > "$tmp/guide.err"
(cd "$tmp" && "$planc" check --lang zh broken.plan 2> check-zh.err)
same "docs/GUIDE.zh-CN.md §2 (检查)" "$tmp/guide.err" "$tmp/check-zh.err"
# every planc text of §4's table is a line of the example file, which the
# lang-example tests check clean
phrases=tests/lang-examples/28-plan-phrases.plan
awk '/^## 4\./ { f = 1; next } /^## / { f = 0 } f && /^\| / && !/^\| 规划原文/' docs/GUIDE.zh-CN.md |
    awk -F'`' 'NF >= 3 { print $2 }' > "$tmp/phrases"
[ -s "$tmp/phrases" ] || fail "docs/GUIDE.zh-CN.md §4: no phrase found in the table"
sed 's/^ *//; s/ *$//' "$phrases" > "$tmp/phrases.plan"
while IFS= read -r line; do
    grep -qxF "$line" "$tmp/phrases.plan" ||
        fail "docs/GUIDE.zh-CN.md §4: '$line' is not a line of $phrases"
done < "$tmp/phrases"

# --- docs/GUIDE.zh-CN.md §6: an adaptation beside its base needs --root ---
block docs/GUIDE.zh-CN.md '^\*\*规则目录树与' | grep -v '^\$ ' > "$tmp/guide-root.doc"
"$planc" check --lang zh rules/examples/adapted-province.plan 2> "$tmp/guide-root.err" &&
    fail "docs/GUIDE.zh-CN.md §6: the adaptation checks without --root"
same "docs/GUIDE.zh-CN.md §6 (--root)" "$tmp/guide-root.doc" "$tmp/guide-root.err"
"$planc" check --root rules --lang zh -Wno-stale-text rules/examples/adapted-province.plan 2> "$tmp/guide-root2.err" ||
    fail "docs/GUIDE.zh-CN.md §6: the adaptation does not check with --root rules"

# --- docs/GUIDE.zh-CN.md §10: the county's lines are lines of its example ----
block docs/GUIDE.zh-CN.md '^## 10\. 县级规划' > "$tmp/county.doc"
[ -s "$tmp/county.doc" ] || fail "docs/GUIDE.zh-CN.md §10: no block of the county's rules"
sed 's/^ *//; s/ *$//' examples/county/rules.plan > "$tmp/county.plan"
while IFS= read -r line; do
    grep -qxF "$line" "$tmp/county.plan" ||
        fail "docs/GUIDE.zh-CN.md §10: '$line' is not a line of examples/county/rules.plan"
done < "$tmp/county.doc"

# --- docs/LANGUAGE.md §12: a JSON diagnostic, as planc writes it ------------
block docs/LANGUAGE.md '^\*\*For programs\.\*\*' > "$tmp/json.doc"
(cd tests/run/check-json && "$planc" check --format json ../../diagnostics/groups.plan 2> "$tmp/json.err")
shown "docs/LANGUAGE.md §12 (--format json)" "$tmp/json.doc" "$tmp/json.err"
block docs/LANGUAGE.md '^\(in `tests/run/adapt-region-alias`\), stderr holds' > "$tmp/djson.doc"
(cd tests/run/adapt-region-alias && "$planc" run ext.plan --data data.csv --diagnostics json 2> "$tmp/djson.err")
[ -s "$tmp/djson.doc" ] || fail "docs/LANGUAGE.md §12 (--diagnostics json): no example found"
shown "docs/LANGUAGE.md §12 (--diagnostics json)" "$tmp/djson.doc" "$tmp/djson.err"

# --- docs/LANGUAGE.md §12: the hint at a word of a Chinese plan -------------
block docs/LANGUAGE.md '^A word of a Chinese plan where planc' |
    sed 's/^rules\.plan:/syntax-plan-words.plan:/' > "$tmp/words.doc"
(cd tests/diagnostics && "$planc" check syntax-plan-words.plan 2> "$tmp/words.err")
shown "docs/LANGUAGE.md §12 (plan words)" "$tmp/words.doc" "$tmp/words.err"
[ -s "$tmp/words.doc" ] || fail "docs/LANGUAGE.md §12: the plan-words example is missing"

# --- docs/LANGUAGE.md §11: the results of the quickstart --------------------
"$planc" run examples/quickstart/rules.plan --data examples/quickstart/data.csv > "$tmp/qs.csv"
block docs/LANGUAGE.md '^## 11\. Results' > "$tmp/lang11"
shown "docs/LANGUAGE.md §11" "$tmp/lang11" "$tmp/qs.csv"

# --- docs/OUTPUT.md §4: explain's text --------------------------------------
block docs/OUTPUT.md '^### Text' > "$tmp/explain.doc"
(cd examples/quickstart && "$planc" explain rules.plan --data data.csv --region 阜新 --year 2024 --target PM25) |
    awk '/^target PM25 / { f = 1 } f && /^$/ { exit } f' > "$tmp/explain.out"
same "docs/OUTPUT.md §4 (explain, in examples/quickstart)" "$tmp/explain.doc" "$tmp/explain.out"

# --- docs/OUTPUT.md §4 and docs/GUIDE.zh-CN.md §2: explain in Chinese -------
block docs/OUTPUT.md '^\*\*In Chinese\*\*' > "$tmp/explain-zh.doc"
(cd examples/quickstart && "$planc" explain rules.plan --data data.csv --region 阜新 --year 2024 --target PM25 --lang zh) |
    awk '/^目标 PM25/ { f = 1 } f && /^$/ { exit } f' > "$tmp/explain-zh.out"
same "docs/OUTPUT.md §4 (explain --lang zh)" "$tmp/explain-zh.doc" "$tmp/explain-zh.out"
block docs/GUIDE.zh-CN.md '^\*\*查看一个地区' > "$tmp/guide-explain.doc"
same "docs/GUIDE.zh-CN.md §2 (explain --lang zh)" "$tmp/guide-explain.doc" "$tmp/explain-zh.out"

# --- docs/OUTPUT.md §5: compare in Chinese, on the runs of run/compare-zh ---
mkdir "$tmp/compare"
(cd "$tmp/compare" && PLANC=$planc CASE=$src/tests/run/compare-zh sh "$src/tests/run/compare-zh/gen.sh") ||
    fail "tests/run/compare-zh/gen.sh failed"
block docs/OUTPUT.md '^`history --lang zh` writes' > "$tmp/compare.doc"
(cd "$tmp/compare" && "$planc" compare h.db 1 2 --lang zh) > "$tmp/compare.out"
[ -s "$tmp/compare.doc" ] || fail "docs/OUTPUT.md §5: no compare --lang zh block"
shown "docs/OUTPUT.md §5 (compare --lang zh)" "$tmp/compare.doc" "$tmp/compare.out"

# --- docs/OUTPUT.md §5: compare of two years, on the runs of run/compare-years ---
mkdir "$tmp/years"
(cd "$tmp/years" && PLANC=$planc CASE=$src/tests/run/compare-years sh "$src/tests/run/compare-years/gen.sh") ||
    fail "tests/run/compare-years/gen.sh failed"
block docs/OUTPUT.md '^\*\*Two years side by side' > "$tmp/years.doc"
(cd "$tmp/years" && "$planc" compare h.db 1 --year 2023 --against-year 2024) > "$tmp/years.out"
[ -s "$tmp/years.doc" ] || fail "docs/OUTPUT.md §5: no compare --year block"
shown "docs/OUTPUT.md §5 (compare --year)" "$tmp/years.doc" "$tmp/years.out"

# --- docs/OUTPUT.md §5: compare of runs over several files, on the runs of run/compare-files ---
mkdir "$tmp/files"
(cd "$tmp/files" && PLANC=$planc CASE=$src/tests/run/compare-files sh "$src/tests/run/compare-files/gen.sh") ||
    fail "tests/run/compare-files/gen.sh failed"
block docs/OUTPUT.md '^\*\*Runs over several files' > "$tmp/files.doc"
(cd "$tmp/files" && "$planc" compare h.db 1 2) > "$tmp/files.out"
[ -s "$tmp/files.doc" ] || fail "docs/OUTPUT.md §5: no compare block of several files"
shown "docs/OUTPUT.md §5 (compare of several files)" "$tmp/files.doc" "$tmp/files.out"
(cd "$tmp/files" && "$planc" compare h.db 1 2 --lang zh) > "$tmp/files-zh.out"
block docs/GUIDE.zh-CN.md '^多个数据文件' > "$tmp/files-zh.doc"
[ -s "$tmp/files-zh.doc" ] || fail "docs/GUIDE.zh-CN.md: no compare block of several files"
shown "docs/GUIDE.zh-CN.md (compare of several files)" "$tmp/files-zh.doc" "$tmp/files-zh.out"

# --- docs/OUTPUT.md §5: planc verify, on the runs the text describes -------
# (the block is indented in its list item; planc's version is left out of
# the comparison, which the next version would change)
mkdir "$tmp/verify"
cp examples/quickstart/rules.plan examples/quickstart/data.csv "$tmp/verify/"
(cd "$tmp/verify" && export SOURCE_DATE_EPOCH=1735689600 &&
 "$planc" run --engine interp rules.plan --data data.csv --store h.db -o results.csv --quiet &&
 sed 's/^阜新,2024,88.3,40.1,590000,/阜新,2024,88.3,40.1,700000,/' data.csv > fixed.csv &&
 "$planc" run --engine interp rules.plan --data fixed.csv --store h.db -o results.csv --quiet) ||
    fail "docs/OUTPUT.md §5: the runs of the verify example failed"
(cd "$tmp/verify" && "$planc" verify h.db 1 rules.plan --data fixed.csv --output results.csv) |
    sed -E 's/planc [0-9]+\.[0-9]+\.[0-9]+,/planc V,/' > "$tmp/verify.out"
awk 'f && /^   ```$/ { exit } f { print substr($0, 4) }
     /^   \$ planc verify h.db 1 rules.plan --data fixed.csv --output results.csv$/ { f = 1 }' docs/OUTPUT.md |
    sed -E 's/planc [0-9]+\.[0-9]+\.[0-9]+,/planc V,/' > "$tmp/verify.doc"
[ -s "$tmp/verify.doc" ] || fail "docs/OUTPUT.md §5: no verify block"
same "docs/OUTPUT.md §5 (planc verify)" "$tmp/verify.doc" "$tmp/verify.out"
(cd "$tmp/verify" && "$planc" verify h.db 2 --output results.csv) > "$tmp/verify2.out" ||
    fail "docs/OUTPUT.md §5: planc verify h.db 2 --output results.csv does not say match"

# --- docs/OUTPUT.md §5: the history read with SQL, as written ---------------
# nth DOC REGEX N: the N-th fenced block after the first line matching REGEX.
nth() {
    awk -v re="$2" -v want="$3" 'f == 0 && $0 ~ re { f = 1; next }
        f == 1 && /^```/ { k++; if (k == want) f = 2; else f = 3; next }
        f == 3 && /^```/ { f = 1; next }
        f == 2 && /^```/ { exit }
        f == 2 { print }' "$1"
}
if command -v sqlite3 >/dev/null; then
    "$planc" run examples/quickstart/rules.plan --data examples/quickstart/data.csv \
        --store "$tmp/sql.db" -o /dev/null || fail "docs/OUTPUT.md §5: run --store failed"
    nth docs/OUTPUT.md '^\*\*Reading it from a program' 1 > "$tmp/sql1.doc"
    nth docs/OUTPUT.md '^\*\*Reading it from a program' 2 > "$tmp/sql1.out.doc"
    nth docs/OUTPUT.md '^\*\*Reading it from a program' 3 > "$tmp/sql2.doc"
    [ -s "$tmp/sql1.doc" ] && [ -s "$tmp/sql2.doc" ] || fail "docs/OUTPUT.md §5: no SQL blocks"
    sqlite3 "$tmp/sql.db" < "$tmp/sql1.doc" > "$tmp/sql1.out" 2>&1 || fail "docs/OUTPUT.md §5: the first query fails"
    shown "docs/OUTPUT.md §5 (the newest run's grades)" "$tmp/sql1.out.doc" "$tmp/sql1.out"
    h=$(sha256sum examples/quickstart/data.csv | cut -c1-64)
    sed "s/'HASH'/'$h'/" "$tmp/sql2.doc" | sqlite3 "$tmp/sql.db" > "$tmp/sql2.out" 2>&1 ||
        fail "docs/OUTPUT.md §5: the second block fails: $(head -c 300 "$tmp/sql2.out")"
    grep -q '^示例省|2025|绿色建筑|failed|83.1|100.0|%$' "$tmp/sql2.out" &&
        grep -q '^1|.*|examples/quickstart/data.csv$' "$tmp/sql2.out" ||
        fail "docs/OUTPUT.md §5: the second block does not give what it says: $(head -c 300 "$tmp/sql2.out")"
fi

# --- docs/ADAPTING.md: the rules tree, origins, run, diff -------------------
adapt=rules/examples/adapted-province.plan
awk '/^\$ planc check rules\/examples\/adapted-province.plan$/ { f = 1; next }
     f && /^\$ / { exit } f' docs/ADAPTING.md > "$tmp/tree.doc"
"$planc" check "$adapt" 2> "$tmp/tree.err"
same "docs/ADAPTING.md §1 (the rules tree)" "$tmp/tree.doc" "$tmp/tree.err"

awk '/^\$ planc check --origins --root rules / { f = 1; next } f && /^```/ { exit } f' docs/ADAPTING.md > "$tmp/origins.doc"
"$planc" check --origins --root rules "$adapt" > "$tmp/origins.out"
shown "docs/ADAPTING.md §11 (origins)" "$tmp/origins.doc" "$tmp/origins.out"

awk '/^\$ planc run --root rules / { f = 1; next } f && /^```/ { exit } f' docs/ADAPTING.md > "$tmp/run.doc"
"$planc" run --root rules "$adapt" --data examples/adapted/data.csv > "$tmp/run.out"
shown "docs/ADAPTING.md §12 (run)" "$tmp/run.doc" "$tmp/run.out"

awk '/^\$ planc diff --root rules / { f = 1; next } f && /^```/ { exit } f' docs/ADAPTING.md > "$tmp/diff.doc"
"$planc" diff --root rules rules/liaoning/beautiful-liaoning.plan "$adapt" > "$tmp/diff.out"
shown "docs/ADAPTING.md §13 (diff)" "$tmp/diff.doc" "$tmp/diff.out"

block docs/ADAPTING.md '^`--lang zh` writes the report' > "$tmp/diff-zh.doc"
[ -s "$tmp/diff-zh.doc" ] || fail "docs/ADAPTING.md §13: no diff --lang zh block"
(cd tests/run/diff-fields && "$planc" diff old.plan new.plan --lang zh) > "$tmp/diff-zh.out"
shown "docs/ADAPTING.md §13 (diff --lang zh)" "$tmp/diff-zh.doc" "$tmp/diff-zh.out"

# §3: a base target left without regions (the adaptation without its
# override of 国家碳达峰试点), and §4: a misspelt drop.
cp -R rules "$tmp/rules"
sed '/^override target 国家碳达峰试点 /d' "$adapt" > "$tmp/$adapt"
(cd "$tmp" && "$planc" check --root rules "$adapt" 2> noscope.err)
awk '/^rules\/examples\/adapted-province.plan:[0-9]+:[0-9]+: error: dropping region/ { f = 1 } f && /^```/ { exit } f' docs/ADAPTING.md > "$tmp/noscope.doc"
shown "docs/ADAPTING.md §3 (a target left without regions)" "$tmp/noscope.doc" "$tmp/noscope.err"
sed 's/^drop target 陆海一体化示范带,/drop target 陆海一体化示范区,/' "$adapt" > "$tmp/$adapt"
(cd "$tmp" && "$planc" check --root rules "$adapt" 2> misspelt.err)
awk '/error: cannot drop target/ { f = 1 } f && /^```/ { exit } f' docs/ADAPTING.md > "$tmp/misspelt.doc"
shown "docs/ADAPTING.md §4 (a misspelt drop)" "$tmp/misspelt.doc" "$tmp/misspelt.err"
# §4: a dropped indicator that a kept target uses (the adaptation without
# its drop of measure (九)).
sed '/^drop measure (九)/d' "$adapt" > "$tmp/$adapt"
(cd "$tmp" && "$planc" check --root rules "$adapt" 2> dropind.err)
awk '/error: indicator .* is dropped, but/ { f = 1 } f && /^```/ { exit } f' docs/ADAPTING.md > "$tmp/dropind.doc"
[ -s "$tmp/dropind.doc" ] || fail "docs/ADAPTING.md §4 shows no dropped indicator error"
shown "docs/ADAPTING.md §4 (a dropped indicator still used)" "$tmp/dropind.doc" "$tmp/dropind.err"

# --- docs/DATA.md and docs/GUIDE.zh-CN.md §9: the data providers' guide ---
# The commands shown, run with the Liaoning rules for RULES / 规则.plan in a
# directory of their own: the blank files of every region (as the first
# block writes two of them), --list, --check of the blank file, a GBK copy
# of it, all the files combined, and 鞍山's without co2_10kt.
drules=$src/rules/liaoning/beautiful-liaoning.plan
mkdir "$tmp/data" "$tmp/data/gbk" "$tmp/data/bad"
# doc_cmd LINE: the "$ planc ..." line of a doc block run in the current
# directory, its rules named by the placeholder; its output on stdout and
# stderr, as it shows both.
doc_cmd() {
    cmd=$(printf '%s\n' "$1" | sed "s#^\\\$ planc ##; s#RULES#$drules#; s#规则\\.plan#$drules#")
    eval "\"\$planc\" $cmd" 2>&1
}
for doc in docs/DATA.md docs/GUIDE.zh-CN.md; do
    case $doc in
        *DATA.md) first='^## 1\. Sending the blank files'; list='^holds, to send with it:$'
                  gbk='^the first Chinese text is the region'; check='^\*\*Checking before sending'
                  err='^  鞍山\.csv:1: ' ;;
        *) first='^\*\*下发模板（省）'; list='^随表下发逐列说明'; gbk='^读到 GBK 文件时报错'
           check='^\*\*报送前自查（市）'; err='^  鞍山\.csv:1: ' ;;
    esac
    block "$doc" "$first" | grep '^\$ planc template ' > "$tmp/data/send"
    [ "$(wc -l < "$tmp/data/send")" -eq 2 ] || fail "$doc: the blank files' block has not two commands"
    (cd "$tmp/data" && while IFS= read -r line; do doc_cmd "$line" || exit 1; done < send) > /dev/null ||
        fail "$doc: a command of the blank files' block fails"
    [ -s "$tmp/data/鞍山.csv" ] && [ -s "$tmp/data/辽宁省.csv" ] || fail "$doc: the blank files' block wrote no 鞍山.csv, 辽宁省.csv"
    block "$doc" "$list" > "$tmp/data/list.doc"
    (cd "$tmp/data" && doc_cmd "$(head -n 1 list.doc)") > "$tmp/data/list.out"
    sed 1d "$tmp/data/list.doc" > "$tmp/data/list.shown"
    [ -s "$tmp/data/list.shown" ] || fail "$doc: no --list block"
    shown "$doc (template --list)" "$tmp/data/list.shown" "$tmp/data/list.out"
    block "$doc" "$check" > "$tmp/data/check.doc"
    (cd "$tmp/data" && doc_cmd "$(head -n 1 check.doc)") > "$tmp/data/check.out"
    sed 1d "$tmp/data/check.doc" > "$tmp/data/check.shown"
    [ -s "$tmp/data/check.shown" ] || fail "$doc: no --check block"
    shown "$doc (template --check)" "$tmp/data/check.shown" "$tmp/data/check.out"
    # the GBK file: the blank file saved as GBK, checked as the clerk does
    iconv -f UTF-8 -t GB18030 "$tmp/data/鞍山.csv" > "$tmp/data/gbk/鞍山.csv" || fail "iconv failed"
    block "$doc" "$gbk" > "$tmp/data/gbk.doc"
    case $doc in *zh-CN*) lang='--lang zh' ;; *) lang='' ;; esac
    (cd "$tmp/data/gbk" && "$planc" template "$drules" --check 鞍山.csv --region 鞍山 $lang 2> gbk.err)
    [ -s "$tmp/data/gbk.doc" ] || fail "$doc: no GBK block"
    same "$doc (a GBK file)" "$tmp/data/gbk.doc" "$tmp/data/gbk/gbk.err"
    # every region's blank file, combined; then 鞍山's without co2_10kt
    regions=$("$planc" template "$drules" --years 2024-2024 | awk -F, 'NR > 1 { print $1 }' | sort -u)
    (cd "$tmp/data" && for r in $regions; do "$planc" template "$drules" --region "$r" --years 2024-2024 -o "$r.csv"; done)
    set --
    for r in $regions; do set -- "$@" --data "$r.csv"; done
    (cd "$tmp/data" && "$planc" run "$drules" "$@" -o results.csv $lang 2> run.err) ||
        fail "$doc: the combined blank files do not run: $(head -c 300 "$tmp/data/run.err")"
    awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "co2_10kt") drop = i }
        { s = ""; k = 0; for (i = 1; i <= NF; i++) if (i != drop) s = s (k++ ? "," : "") $i; print s }' \
        "$tmp/data/鞍山.csv" > "$tmp/data/bad/鞍山.csv"
    for r in $regions; do [ "$r" = 鞍山 ] || cp "$tmp/data/$r.csv" "$tmp/data/bad/"; done
    (cd "$tmp/data/bad" && "$planc" run "$drules" "$@" $lang 2> run.err > /dev/null)
    grep "$err" "$doc" | sed 's/^  //' > "$tmp/data/err.doc"
    [ "$(wc -l < "$tmp/data/err.doc")" -eq 2 ] || fail "$doc: not two lines of 鞍山.csv's error"
    shown "$doc (a city's file without a column)" "$tmp/data/err.doc" "$tmp/data/bad/run.err"
    rm -f "$tmp/data"/*.csv "$tmp/data/bad"/*.csv
done

[ "$fails" -eq 0 ] && echo "docs: every checked example and output agrees" && exit 0
echo "docs: $fails disagreements"
exit 1
