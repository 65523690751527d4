#!/bin/sh
# data-cities.sh — a province combines its cities' files.  The example
# data (examples/liaoning/data.csv) is split as the province's evaluator
# gets it back: a file per city and one for the province, each with the
# header `planc template RULES --region R` writes (only the columns that
# region's rows need) and that region's rows.  Read together they score
# byte for byte what the one file scores (CSV, JSON but for its source,
# the workbook's results sheet); each file checks alone with `planc
# template --check`.  Then the shapes that must fail: a city's file that
# lacks one of its own columns, a city's file with another city's row
# (its own file not given), two files that disagree on a cell (a city's
# corrected file given beside the first), a misspelt column in a column
# no region of the file needs.  A column is required of the files
# together, region by region: a national table of a few columns (carbon)
# and an assessment body's ratings file combine with files that lack
# those columns, as planc run and template --check both read them; a
# column neither gives is an error naming the regions and the column.
# Last, a city's long file read on several threads: the notes on a
# 全市合计 row and on its districts' rows name the city.
#   data-cities.sh PLANC SOURCE_DIR
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2
rules=$src/rules/liaoning/beautiful-liaoning.plan
data=$src/examples/liaoning/data.csv
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
export SOURCE_DATE_EPOCH=1735689600   # 2025-01-01T00:00:00Z

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect RC CMD... : runs CMD, checks its exit code (output in $tmp/out, $tmp/err).
expect() {
    want=$1; shift; n=$((n + 1))
    "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" -eq "$want" ] || { fail "'$*' exited $rc, expected $want"; sed 's/^/  | /' "$tmp/err" | head -12; }
}
contains() { # FILE TEXT
    n=$((n + 1))
    grep -qF -- "$2" "$tmp/$1" || { fail "$1 does not contain '$2'"; sed 's/^/  | /' "$tmp/$1" | head -12; }
}
lacks() { # FILE TEXT
    n=$((n + 1))
    ! grep -qF -- "$2" "$tmp/$1" || { fail "$1 contains '$2'"; sed 's/^/  | /' "$tmp/$1" | head -12; }
}
same() { # A B: byte-identical
    n=$((n + 1))
    cmp -s "$1" "$2" || { fail "$1 and $2 differ"; diff "$1" "$2" | head -12 | sed 's/^/  | /'; }
}

# split REGION OUT: REGION's rows of the example data under
# the header planc template writes for it, its columns picked by name.
split() {
    "$planc" template "$rules" --region "$1" | head -n 1 >"$tmp/hdr" || return 1
    awk -F, -v region="$1" -v OFS=, '
        NR == FNR { for (i = 1; i <= NF; i++) want[i] = $i; nwant = NF; next }
        FNR == 1 { for (i = 1; i <= NF; i++) at[$i] = i
                   for (i = 1; i <= nwant; i++) if (!(want[i] in at)) { print "no column " want[i] > "/dev/stderr"; exit 1 }
                   next }
        $1 == region { line = ""
                       for (i = 1; i <= nwant; i++) line = line (i > 1 ? "," : "") $(at[want[i]])
                       print line }' "$tmp/hdr" "$data" >"$tmp/body" || return 1
    { cat "$tmp/hdr"; cat "$tmp/body"; } >"$2"
}

cd "$tmp" || exit 1
mkdir files
regions=$(awk -F, 'NR > 1 && !seen[$1]++ { print $1 }' "$data")
set --
for r in $regions; do
    split "$r" "files/$r.csv" || fail "cannot split $r"
    set -- "$@" --data "files/$r.csv"
done
n=$((n + 1))
[ "$(echo "$regions" | wc -l)" -eq 15 ] || fail "the example data has $(echo "$regions" | wc -l) regions, not 15"
# a city's file has only its own columns: fewer than the province's
n=$((n + 1))
[ "$(head -n 1 files/鞍山.csv | tr , '\n' | wc -l)" -lt "$(head -n 1 files/辽宁省.csv | tr , '\n' | wc -l)" ] ||
    fail "鞍山's file has as many columns as the province's"
n=$((n + 1)); ! head -n 1 files/鞍山.csv | grep -q coastal_good_ratio || fail "鞍山's file has a coastal column"

# each file checks alone (the clerk's `template --check`)
for r in $regions; do
    expect 0 "$planc" template "$rules" --check "files/$r.csv" --region "$r" --years 2020-2027
    contains err "files/$r.csv: ok:"
done

# together: what the one file scores, byte for byte
expect 0 "$planc" run "$rules" --data "$data" -o one.csv
expect 0 "$planc" run "$rules" "$@" -o many.csv
lacks err "warning"
same one.csv many.csv
expect 0 "$planc" run "$rules" --data "$data" --format json -o one.json
expect 0 "$planc" run "$rules" "$@" --format json -o many.json
# (less the lines naming the data: the file or files and their hashes)
cut_data() {
    awk '/"data_files": \[$/ { skip = 1; next } skip && /^ *\],?$/ { skip = 0; next } !skip' "$1" |
        grep -v '"data"\|"data_sha256"\|"data_files"'
}
cut_data one.json >one.cut
cut_data many.json >many.cut
same one.cut many.cut
expect 0 "$planc" run "$rules" --data "$data" --rollup region -o one-rollup.csv
expect 0 "$planc" run "$rules" "$@" --rollup region -o many-rollup.csv
same one-rollup.csv many-rollup.csv
# and in any order of the files
set -- $(for r in $regions; do echo "--data files/$r.csv"; done | sort -r)
expect 0 "$planc" run "$rules" "$@" -o reversed.csv
same one.csv reversed.csv

# A city's file without one of its own columns (鞍山's co2_10kt): an error
# at that file naming the city; no results.
mkdir bad
cp files/*.csv bad/
awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "co2_10kt") drop = i }
    { line = ""; k = 0
      for (i = 1; i <= NF; i++) if (i != drop) line = line (k++ ? "," : "") $i
      print line }' files/鞍山.csv >bad/鞍山.csv
set -- $(for r in $regions; do echo "--data bad/$r.csv"; done)
rm -f out.csv
expect 3 "$planc" run "$rules" "$@" -o out.csv
contains err "bad/鞍山.csv:1: error: column 'co2_10kt' (indicator 碳排放量) is not in the header, and the rules read it for this file's rows of 鞍山"
contains err "bad/鞍山.csv:1: note: with several data files, a column the rules read for a region must be in the header of one of the files with rows of that region"
lacks err "note: no other file"
lacks err "bad/大连.csv"
n=$((n + 1)); [ ! -e out.csv ] || fail "a results file was written"
expect 3 "$planc" run "$rules" "$@" --lang zh
contains err "bad/鞍山.csv:1: 错误：表头中没有列“co2_10kt”（指标 碳排放量），而规则读取本文件中鞍山的数据行时需要它"
cp files/鞍山.csv bad/鞍山.csv

# A city's file with another city's row (大连 2027 in 鞍山's file, under
# 鞍山's header): beside 大连's own file, which has 大连's coastal columns
# for that row, it is one row with 大连's, its numbers agreeing.  Without
# 大连's file no file with rows of 大连 has them: an error naming 大连,
# and a note that 鞍山's own rows need none of them.
awk -F, -v OFS=, 'NR == FNR { if (FNR == 1) for (i = 1; i <= NF; i++) want[i] = $i; nwant = NF; next }
    FNR == 1 { for (i = 1; i <= NF; i++) at[$i] = i; next }
    $1 == "大连" && $2 == "2027" { line = ""
        for (i = 1; i <= nwant; i++) line = line (i > 1 ? "," : "") $(at[want[i]])
        print line }' files/鞍山.csv "$data" >>bad/鞍山.csv
n=$((n + 1)); [ "$(tail -n 1 bad/鞍山.csv | cut -d, -f1-2)" = "大连,2027" ] || fail "no 大连 row appended"
expect 0 "$planc" run "$rules" "$@" -o peer.csv
lacks err "warning"
same one.csv peer.csv
set -- $(for r in $regions; do [ "$r" = 大连 ] || echo "--data bad/$r.csv"; done)
expect 3 "$planc" run "$rules" "$@"
contains err "bad/鞍山.csv:1: error: column 'coastal_good_ratio' (indicator 近岸海域水质优良比例) is not in the header, and the rules read it for this file's rows of 大连"
contains err "bad/鞍山.csv:1: note: the file's rows of 鞍山 need none of these columns: if its rows of 大连 belong in another file, delete them here"
lacks err "rows of 鞍山 and"
set -- $(for r in $regions; do echo "--data bad/$r.csv"; done)
cp files/鞍山.csv bad/鞍山.csv

# Two files that disagree on a cell: 大连's corrected file given beside
# its first, one number changed; the same file's copy agrees.
awk -F, -v OFS=, '$1 == "大连" && $2 == "2024" { $3 = $3 + 1 } { print }' files/大连.csv >bad/大连-更正.csv
line=$(grep -n '^大连,2024,' bad/大连-更正.csv | cut -d: -f1)
expect 3 "$planc" run "$rules" "$@" --data bad/大连-更正.csv
contains err "bad/大连-更正.csv:$line: error: column 'pollutant_total_10kt':"
contains err "given for 大连 2024 by bad/大连.csv:$line"
cp files/大连.csv bad/大连-副本.csv
expect 0 "$planc" run "$rules" "$@" --data bad/大连-副本.csv -o copy.csv
same one.csv copy.csv

# A city's blank template sent back, its header only, beside the others:
# said of that file (it added nothing, silently), as of one file alone.
head -n 1 files/铁岭.csv >bad/铁岭-空.csv
expect 0 "$planc" run "$rules" "$@" --data bad/铁岭-空.csv -o blank.csv
contains err "bad/铁岭-空.csv: warning: no rows to score"
same one.csv blank.csv
expect 0 "$planc" run "$rules" "$@" --data bad/铁岭-空.csv -o blank.csv --lang zh
contains err "bad/铁岭-空.csv: 警告：没有可以评分的数据行"

# A misspelt column is caught though no region of the file needs it: 鞍山's
# file with a province's column under another spelling.
awk -F, -v OFS=, 'NR == 1 { $0 = $0 ",horqin_wetlnd_ha" } NR > 1 { $0 = $0 "," } { print }' files/鞍山.csv >bad/鞍山.csv
expect 3 "$planc" run "$rules" "$@"
contains err "bad/鞍山.csv:1: error: column 'horqin_wetland_ha' (indicator"
contains err "bad/鞍山.csv:1: note: the header has a similar column 'horqin_wetlnd_ha'"
cp files/鞍山.csv bad/鞍山.csv

# A national carbon table (one column, co2_10kt, the province's row and
# others'): the other columns its regions need are the province's file's,
# so it combines without --allow-missing-columns; its number must agree
# with the province's.
{ echo "region,year,co2_10kt"; grep '^辽宁省,2024,' "$data" | cut -d, -f1,2,6; echo "吉林省,2024,25000"; } >carbon.csv
n=$((n + 1)); [ "$(head -n 1 "$data" | cut -d, -f6)" = co2_10kt ] || fail "co2_10kt is not the data's sixth column"
expect 0 "$planc" run "$rules" "$@" --data carbon.csv --skip-unknown-regions -o carbon-run.csv
same one.csv carbon-run.csv
contains err "carbon.csv: warning: skipped 1 row"
lacks err "not in the header"
awk -F, -v OFS=, 'NR == 2 { $3 = $3 + 1 } { print }' carbon.csv >carbon-off.csv
expect 3 "$planc" run "$rules" "$@" --data carbon-off.csv --skip-unknown-regions
contains err "carbon-off.csv:2: error: column 'co2_10kt':"
contains err "given for 辽宁省 2024 by bad/辽宁省.csv:"

# cut_column REGEX IN OUT: IN without the columns whose names match
cut_column() {
    awk -F, -v OFS=, -v re="$1" 'NR == 1 { for (i = 1; i <= NF; i++) keep[i] = $i !~ re }
        { line = ""; k = 0
          for (i = 1; i <= NF; i++) if (keep[i]) line = line (k++ ? "," : "") $i
          print line }' "$2" >"$3"
}

# The national table of co2 for every region and year, the files without
# it: the column is required of the files together, region by region.
mkdir noco2
for r in $regions; do cut_column '^co2_10kt$' "files/$r.csv" "noco2/$r.csv"; done
awk -F, -v OFS=, '{ print $1, $2, $6 } END { print "吉林省,2024,25000" }' "$data" >carbon-all.csv
set -- $(for r in $regions; do echo "--data noco2/$r.csv"; done)
expect 0 "$planc" run "$rules" "$@" --data carbon-all.csv --skip-unknown-regions -o carbon-all.out
same one.csv carbon-all.out
lacks err "not in the header"
# for 2024 only: the column is there for every region, and missing in the
# files' other years' rows (a warning a file), as empty cells would be
{ head -n 1 carbon-all.csv; grep ',2024,' carbon-all.csv; } >carbon-2024.csv
expect 0 "$planc" run "$rules" "$@" --data carbon-2024.csv --skip-unknown-regions
contains err "noco2/鞍山.csv:1: warning: column 'co2_10kt' is not in the header, though another data file has it: its cells are missing in this file's rows of 鞍山 (2020–2023, 2025–2027)"
# one file of every region's rows: the first five regions named, the
# others counted
cut_column '^co2_10kt$' "$data" noco2-all.csv
expect 0 "$planc" run "$rules" --data noco2-all.csv --data carbon-2024.csv --skip-unknown-regions
contains err "noco2-all.csv:1: warning: column 'co2_10kt' is not in the header, though another data file has it: its cells are missing in this file's rows of 辽宁省 (2020–2023, 2025–2027), 沈阳 (2020–2023, 2025–2027), 大连 (2020–2023, 2025–2027), 鞍山 (2020–2023, 2025–2027), 抚顺 (2020–2023, 2025–2027) and 10 more"
# in none of the files: an error at each city's file naming its city
expect 3 "$planc" run "$rules" "$@"
contains err "noco2/辽宁省.csv:1: error: column 'co2_10kt' (indicator 碳排放量) is not in the header, and the rules read it for this file's rows of 辽宁省"
contains err "noco2/鞍山.csv:1: error: column 'co2_10kt' (indicator 碳排放量) is not in the header, and the rules read it for this file's rows of 鞍山"

# An assessment body's ratings of every region (region, year and the r_
# columns) beside files without them: the same results; template --check
# of all the files together agrees.
mkdir norate
for r in $regions; do cut_column '^r_' "files/$r.csv" "norate/$r.csv"; done
awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) rated[i] = $i ~ /^r_/ }
    { line = $1 "," $2; for (i = 3; i <= NF; i++) if (rated[i]) line = line "," $i; print line }' "$data" >ratings.csv
n=$((n + 1)); ! head -n 1 norate/鞍山.csv | grep -qE '(^|,)r_' || fail "norate/鞍山.csv has a rating column"
set -- $(for r in $regions; do echo "--data norate/$r.csv"; done) --data ratings.csv
expect 0 "$planc" run "$rules" "$@" -o ratings.out
same one.csv ratings.out
lacks err "warning"
expect 0 "$planc" template "$rules" $(echo "$*" | sed 's/--data/--check/g')
contains err ": ok: 120 rows"
# a rating neither the ratings file nor the regions' files have: one error,
# at the ratings file, which has rows of every region, naming the regions
# and the column, and a note naming the other files; template --check the
# same lines
cut_column '^r_living_env$' ratings.csv ratings-short.csv
set -- $(for r in $regions; do echo "--data norate/$r.csv"; done) --data ratings-short.csv
expect 3 "$planc" run "$rules" "$@"
contains err "ratings-short.csv:1: error: column 'r_living_env' (indicator 城乡人居环境评级) is not in the header, and the rules read it for this file's rows of 辽宁省, 沈阳, 大连 and 12 more"
contains err "ratings-short.csv:1: note: no other file with rows of 辽宁省, 沈阳, 大连 and 12 more has the column either: norate/辽宁省.csv, norate/沈阳.csv, norate/大连.csv and 12 more"
n=$((n + 1)); [ "$(grep -c 'error:' "$tmp/err")" -eq 1 ] || fail "not one error: $(grep -c 'error:' "$tmp/err")"
cp err run.err
expect 3 "$planc" template "$rules" $(echo "$*" | sed 's/--data/--check/g')
same run.err err
expect 3 "$planc" run "$rules" "$@" --lang zh
contains err "ratings-short.csv:1: 附注：其他有辽宁省、沈阳、大连及另外12个数据行的文件也都没有该列：norate/辽宁省.csv、norate/沈阳.csv、norate/大连.csv及另外12个"
# the ratings read with rules of their own (--read-with: the body's keys
# and a column named in Chinese; an import path is relative, and outside
# the tree of the file read, --root): the same results
sed '1s/^region,year,r_green_lifestyle,/地区,年份,绿色生产生活方式评级,/' ratings.csv >ratings-cn.csv
n=$((n + 1)); head -n 1 ratings-cn.csv | grep -q '^地区,年份,绿色生产生活方式评级,' || fail "ratings.csv does not begin with r_green_lifestyle"
cat >ratings.plan <<EOF
plan 评估机构评级 extends "$(realpath --relative-to="$tmp" "$rules")" {
    keys region = "地区", year = "年份"
}
override indicator 绿色生产生活方式评级, column "绿色生产生活方式评级"
EOF
set -- $(for r in $regions; do echo "--data norate/$r.csv"; done) --data ratings-cn.csv --read-with ratings.plan
expect 0 "$planc" run --root / "$rules" "$@" -o ratings-cn.out
same one.csv ratings-cn.out

# A city bureau's long file (鞍山's row repeated over 3000 years, 450 KB,
# read on two threads as on one) with a 全市合计 row, then with its
# districts' rows: the notes name 鞍山, the region of every row before,
# also when the parsing threads read those rows.
awk -F, -v OFS=, 'NR == 1 { print; next } NR == 2 { for (y = 1001; y <= 4000; y++) { $2 = y; print } }' \
    files/鞍山.csv >big.csv
awk -F, -v OFS=, 'NR == 2 { $1 = "全市合计"; $2 = 2024; for (i = 3; i <= NF; i++) $i = ""; print }' files/鞍山.csv >>big.csv
for j in 1 2; do
    expect 3 "$planc" run "$rules" --data big.csv --allow-missing-columns -j $j
    contains err "big.csv:3002: note: '全市合计' names the whole of a region below 辽宁省, not a region: write that region's name in its rows (such as 鞍山,"
    cp err "whole-$j.err"
done
same whole-1.err whole-2.err
sed '$d' big.csv >big2.csv
awk -F, -v OFS=, 'NR > 1 && $2 >= 2020 && $2 <= 2022 { $1 = "铁东区"; print; $1 = "铁西区"; print }' files/鞍山.csv >>big2.csv
for j in 1 2; do
    expect 3 "$planc" run "$rules" --data big2.csv --allow-missing-columns -j $j
    contains err "big2.csv: note: rows of regions the rules do not declare (such as '铁东区') are errors, and planc cannot tell what such a region is: the file's rows of declared regions are all 鞍山's, so one may be a district or county within 鞍山"
done

echo "data-cities: $n checks, $fails failed"
[ "$fails" -eq 0 ]
