#!/bin/sh
# xlsx.sh — data in Excel workbooks (docs/DATA.md "Excel workbooks"):
#  1. every tests/run case that runs one data.csv, with the CSV made into a
#     workbook (tests/xlsx/mkxlsx.py), prints the same bytes, its messages
#     naming data.xlsx#Sheet1 where the CSV's name data.csv, and an error
#     about one cell its cell of the message's row (cell C5), which the
#     CSV's does not (the few cases whose CSV a workbook cannot be the
#     twin of are listed with why);
#     1b. a year column of dates formatted "yyyy" reads as the years;
#  2. the examples score to the same bytes from a CSV and its workbook
#     (shared or inline strings, the sheet named or the first), and a CSV
#     and a workbook given together as from one file;
#  3. the history records the workbook's bytes' SHA-256 and verify checks
#     FILE#SHEET against it; a file whose name holds a '#' is that file;
#  4. damaged workbooks (cut at many lengths, bytes changed) end with exit
#     3 or 0 and a message naming the file, never a crash;
#  5. a sheet of Excel's 1,048,576 rows is read;
#  6. planc template -o NAME.xlsx: the blank workbook, filled in (mkxlsx.py
#     fill, as an official fills it in Excel), scores as the blank CSV
#     filled in with the same cells, and as the data the cells came from;
#     template --check of the blank workbook says what the CSV's says;
#  7. workbooks saved by LibreOffice Calc (tests/xlsx/lo: a city's data
#     sheet, one with a title above its header, a CSV opened and saved as
#     a workbook, the blank workbook filled in and saved again) score as
#     their CSV twins;
#  8. text that looks like the XML's escapes (_x0041_) is written so that
#     it reads back as it is (a blank workbook's column, a results title).
# Usage: xlsx.sh PLANC REPO
set -u
planc=$1; repo=$2
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
mk=$repo/tests/xlsx/mkxlsx.py
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# ---- 1. the run cases' CSVs as workbooks
# Cases whose CSV has no twin in a workbook:
#   data-cell-shown, data-malformed-number  a cell of several lines: the
#       workbook's rows are one line each (xlsx-multiline shows it);
#   data-field-count, data-whole-city-zh    rows of fewer fields than the
#       header: a sheet's rows all have its width;
#   data-unterminated-quote                 a quote no workbook holds;
#   data-not-utf8, data-encoding-gbk, data-encoding-bad-byte,
#   data-encoding-cut, data-encoding-nul, data-encoding-unordered(-zh),
#   data-encoding-wrong(-big5-zh, -header), data-encoding-mixed-first,
#   data-encoding-bom-gbk
#                                           GBK or UTF-16: a workbook's text
#                                           is Unicode;
#   data-title-zh                           the note on a title above the
#       header says to delete the sheet's rows, not tail (xlsx-lo-title).
skip=" data-cell-shown data-malformed-number data-field-count data-whole-city-zh data-unterminated-quote data-not-utf8 data-encoding-gbk data-encoding-bad-byte data-encoding-cut data-encoding-nul data-encoding-unordered data-encoding-unordered-zh data-encoding-wrong data-encoding-wrong-big5-zh data-encoding-wrong-header data-encoding-mixed-first data-encoding-bom-gbk data-title-zh "
ntwins=0
for d in "$repo"/tests/run/*/; do
    d=${d%/}; name=${d##*/}
    [ -f "$d/data.csv" ] && [ -f "$d/cmd" ] && [ ! -f "$d/gen.sh" ] || continue
    case "$skip" in *" $name "*) continue ;; esac
    cmd=$(cat "$d/cmd")
    case "$cmd" in *"--data data.csv"*) ;; *) continue ;; esac
    case "$cmd" in *"--data "*"--data "*|*"|"*|*">"*|*"<"*|*"data.csv "*"data.csv"*) continue ;; esac
    w=$tmp/twin/$name; mkdir -p "$w"; cp -R "$d"/. "$w"/
    python3 "$mk" csv "$w/data.csv" "$w/data.xlsx" || { bad "$name: mkxlsx"; continue; }
    cmd2=$(printf '%s' "$cmd" | sed 's/--data data\.csv/--data data.xlsx/')
    (cd "$w" && eval "\"$planc\" $cmd" >o1 2>e1; echo $? >r1; eval "\"$planc\" $cmd2" >o2 2>e2; echo $? >r2)
    # the name, and the data's hashes (the workbook's bytes are hashed)
    for f in o1 e1 o2 e2; do
        sed 's/data\.csv/data.xlsx#Sheet1/g; s/[0-9a-f]\{64\}/HASH/g' "$w/$f" >"$w/$f.n"
    done
    # a JSON document's data files are named as given (data.xlsx), its
    # data as read (data.xlsx#Sheet1)
    for f in o1 o2; do
        sed -i 's/"name": "data\.xlsx#Sheet1"/"name": "data.xlsx"/' "$w/$f.n"
    done
    # a workbook's error about one cell names it (cell C5, 单元格 C5, JSON's
    # "cell"), of the message's row; a CSV file's does not
    if grep -E 'Sheet1:([0-9]+): (error: cell|错误：单元格) [A-Z]+[0-9]+' "$w/e2" |
        sed -E 's/^.*Sheet1:([0-9]+): (error: cell|错误：单元格) [A-Z]+([0-9]+).*$/\1 \3/' |
        awk '$1 != $2 { bad = 1 } END { exit !bad }'; then
        bad "$name: a cell named in a row other than the message's"
    fi
    sed -i -E 's/(: error: )cell [A-Z]+[0-9]+: /\1/; s/(: 错误：)单元格 [A-Z]+[0-9]+：/\1/;
        s/("message": ")cell [A-Z]+[0-9]+: /\1/; s/, "cell": "[A-Z]+[0-9]+"//' "$w/e2.n"
    if ! cmp -s "$w/o1.n" "$w/o2.n" || ! cmp -s "$w/e1.n" "$w/e2.n" || ! cmp -s "$w/r1" "$w/r2"; then
        bad "$name: the workbook twin differs from the CSV"
        diff "$w/e1.n" "$w/e2.n" | head -5; diff "$w/o1.n" "$w/o2.n" | head -5
    fi
    ntwins=$((ntwins + 1))
done
[ "$ntwins" -ge 100 ] || bad "only $ntwins run cases made into workbooks"

# ---- 1b. a year column of dates formatted to show the year alone
# (mkxlsx.py fixture year-format: "yyyy", "yyyy年", an ISO date cell under
# "YYYY") scores as the CSV of the years typed
mkdir -p "$tmp/yf" && cd "$tmp/yf" || exit 1
cp "$repo/tests/xlsx/rules.plan" . && python3 "$mk" fixture year-format yf.xlsx
printf '%s\n' city,year,coastal_good_ratio,farmland_mu,water_saving_city 大连,2024,93,590000,yes \
    沈阳,2024,85,700000,yes 鞍山,2024,80,650000,yes >yf.csv
"$planc" run rules.plan --data yf.csv >yf1 2>/dev/null; r1=$?
"$planc" run rules.plan --data yf.xlsx >yf2 2>/dev/null; r2=$?
[ "$r1" = 0 ] && [ "$r2" = 0 ] && cmp -s yf1 yf2 || bad "year-format: the workbook's years read otherwise than typed"
cd "$repo" || exit 1

# ---- 2. the examples
q=$repo/examples/quickstart
cd "$tmp" || exit 1
python3 "$mk" csv "$q/data.csv" q.xlsx
python3 "$mk" csv "$q/data.csv" qi.xlsx --inline
python3 "$mk" csv "$q/data.csv" qs.xlsx --sheet 数据 --before 说明
"$planc" run "$q/rules.plan" --data "$q/data.csv" -o q.csv || bad "quickstart CSV"
"$planc" run "$q/rules.plan" --data "$q/data.csv" --format json -o q.json || bad "quickstart CSV json"
for x in q.xlsx qi.xlsx 'qs.xlsx#数据' 'q.xlsx#sheet1' 'qi.xlsx#SHEET1'; do
    "$planc" run "$q/rules.plan" --data "$x" -o x.csv && cmp -s q.csv x.csv || bad "quickstart $x: not the CSV's results"
    "$planc" run "$q/rules.plan" --data "$x" --format json -o x.json
    sed 's/[0-9a-f]\{64\}/HASH/g; s/data\.csv/DATA/g' q.json | sed "s|$q/DATA|DATA|g" >q.json.n
    sed 's/[0-9a-f]\{64\}/HASH/g; s/q[is]*[.]xlsx\(#[^"]*\)\{0,1\}/DATA/g' x.json >x.json.n
    cmp -s q.json.n x.json.n || { bad "quickstart $x: the JSON differs"; diff q.json.n x.json.n | head -5; }
done
# the first sheet, empty: an error of an empty file, naming the sheet
"$planc" run "$q/rules.plan" --data qs.xlsx -o /dev/null 2>e; rc=$?
[ $rc -eq 3 ] && grep -q '^qs.xlsx#说明: error: ' e || bad "the first sheet, empty: exit $rc, $(cat e)"
l=$repo/examples/liaoning
python3 "$mk" csv "$l/data.csv" l.xlsx
"$planc" run "$repo/rules/liaoning/beautiful-liaoning.plan" --data "$l/data.csv" -o l1.csv 2>/dev/null
"$planc" run "$repo/rules/liaoning/beautiful-liaoning.plan" --data l.xlsx -o l2.csv 2>/dev/null
[ -s l1.csv ] && cmp -s l1.csv l2.csv || bad "liaoning: the workbook's results differ"
# a CSV and a workbook together: the province's rows in one, the cities' in the other
head -1 "$q/data.csv" >a.csv; grep '^示例省,' "$q/data.csv" >>a.csv
head -1 "$q/data.csv" >b.csv; grep -v '^示例省,\|^region,' "$q/data.csv" >>b.csv
python3 "$mk" csv b.csv b.xlsx
"$planc" run "$q/rules.plan" --data a.csv --data b.xlsx -o m.csv && cmp -s q.csv m.csv || bad "a CSV and a workbook together"
"$planc" template "$q/rules.plan" --check a.csv --check b.xlsx >t1 2>&1
"$planc" template "$q/rules.plan" --check a.csv --check b.csv >t2 2>&1
sed 's/b\.xlsx#Sheet1/b.csv/g' t1 | cmp -s - t2 || bad "template --check of a CSV and a workbook"

# ---- 3. the history and verify; a name holding '#'
"$planc" run "$q/rules.plan" --data 'qs.xlsx#数据' --store h.db -o /dev/null || bad "run --store"
sum=$(sha256sum qs.xlsx | cut -c1-64)
"$planc" verify h.db 1 --data 'qs.xlsx#数据' >v 2>&1 || bad "verify of FILE#SHEET: $(cat v)"
grep -q "match *$sum *qs.xlsx#数据" v || bad "verify: not the workbook's hash: $(cat v)"
cp q.xlsx 'a#b.xlsx'
"$planc" run "$q/rules.plan" --data 'a#b.xlsx' -o x.csv && cmp -s q.csv x.csv || bad "a name holding '#'"
"$planc" run "$q/rules.plan" --data 'a#b.xlsx#Sheet1' -o x.csv && cmp -s q.csv x.csv || bad "a name holding '#', #SHEET"
# a sheet whose name holds a '#' (Excel allows it) is FILE#SHEET's too:
# the file is the longest part before a '#' that is a file
python3 "$mk" csv "$q/data.csv" hs.xlsx --sheet '第#2' --before '#'
"$planc" run "$q/rules.plan" --data 'hs.xlsx#第#2' -o x.csv 2>e && cmp -s q.csv x.csv ||
    bad "a sheet named '第#2': $(cat e)"
"$planc" run "$q/rules.plan" --data 'hs.xlsx##' -o /dev/null 2>e
grep -q "^hs.xlsx##: error: the file is empty" e || bad "a sheet named '#': $(cat e)"
# nothing after the '#': no sheet of that name, the sheets listed
"$planc" run "$q/rules.plan" --data 'q.xlsx#' -o /dev/null 2>e; rc=$?
[ $rc = 3 ] && grep -q "^q.xlsx: error: the workbook has no sheet named ''; its sheets: 'Sheet1'" e ||
    bad "FILE.xlsx# (no sheet name): exit $rc, $(cat e)"
# a '#' in a directory's name: a file not there is that path's, not the
# directory before the '#' (it said "cannot read 'd': it is a directory")
mkdir -p d 'd#x'
"$planc" run "$q/rules.plan" --data 'd#x/none.xlsx' -o /dev/null 2>e
grep -q "^planc: error: cannot read 'd#x/none.xlsx': No such file" e || bad "d#x/none.xlsx: $(cat e)"
cp q.xlsx 'd#x/q.xlsx'
"$planc" run "$q/rules.plan" --data 'd#x/q.xlsx#Sheet1' -o x.csv && cmp -s q.csv x.csv || bad "d#x/q.xlsx#Sheet1"

# ---- 4. damaged workbooks: cut short, bytes changed
size=$(wc -c <q.xlsx)
n=0; i=0
while [ $i -lt "$size" ]; do
    head -c $i q.xlsx >cut.xlsx
    "$planc" run "$q/rules.plan" --data cut.xlsx -o /dev/null 2>e; rc=$?
    { [ $rc -eq 3 ] && grep -q '^cut\.xlsx' e; } || bad "cut at $i bytes: exit $rc, $(head -c 300 e)"
    i=$((i + 509)); n=$((n + 1))
done
python3 - q.xlsx <<'EOF' || bad "mutations: python"
import random, sys
data = open(sys.argv[1], 'rb').read()
rnd = random.Random(24)
for k in range(60):
    b = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        at = rnd.randrange(len(b))
        b[at] = rnd.randrange(256)
    open('mut%02d.xlsx' % k, 'wb').write(bytes(b))
EOF
for f in mut*.xlsx; do
    "$planc" run "$q/rules.plan" --data "$f" -o /dev/null 2>e; rc=$?
    case $rc in
        0) ;;
        3) grep -q "^$f" e || bad "$f: exit 3 without the file's name: $(head -c 300 e)" ;;
        *) bad "$f: exit $rc: $(head -c 300 e)" ;;
    esac
done

# ---- 5. Excel's last row
python3 "$mk" fixture rows rows.xlsx
cp "$repo/tests/xlsx/rules.plan" .
"$planc" run rules.plan --data rows.xlsx --skip-unknown-regions -o /dev/null 2>e; rc=$?
grep -q "^rows.xlsx#Sheet1: warning: skipped 1048575 rows" e || bad "1,048,576 rows: exit $rc, $(cat e)"

# ---- 6. the blank workbook of planc template, filled in
# rt RULES YEARS SOURCE SHEET [template options]: template -o as CSV and
# as a workbook, both filled from SOURCE, run, and checked blank
rt() {
    r=$1; y=$2; src=$3; sh=$4; shift 4
    rm -f bt.csv bt.xlsx ft.csv ft.xlsx
    "$planc" template "$r" --years "$y" "$@" -o bt.csv && "$planc" template "$r" --years "$y" "$@" -o bt.xlsx ||
        { bad "template $r $*: exit $?"; return; }
    python3 "$mk" fill bt.csv ft.csv "$src" && python3 "$mk" fill bt.xlsx ft.xlsx "$src" || { bad "fill $r"; return; }
    "$planc" run "$r" --data ft.csv >o1 2>e1; echo $? >r1
    "$planc" run "$r" --data ft.xlsx >o2 2>e2; echo $? >r2
    { sed "s/ft\.csv/ft.xlsx#$sh/g" e1 | cmp -s - e2 && cmp -s o1 o2 && cmp -s r1 r2; } ||
        { bad "template $r $*: the workbook filled in scores otherwise than the CSV"; diff e1 e2 | head -5; diff o1 o2 | head -5; }
    "$planc" template "$r" --years "$y" "$@" --check bt.csv >c1 2>&1; echo $? >>c1
    "$planc" template "$r" --years "$y" "$@" --check bt.xlsx >c2 2>&1; echo $? >>c2
    sed "s/bt\.csv/bt.xlsx#$sh/g" c1 | cmp -s - c2 || { bad "template $r $*: --check of the blank workbook"; diff c1 c2 | head -5; }
}
rt "$q/rules.plan" 2021-2025 "$q/data.csv" data
"$planc" run "$q/rules.plan" --data "$q/data.csv" >o3 2>/dev/null
cmp -s o2 o3 || bad "quickstart: the blank workbook filled from data.csv scores otherwise than data.csv"
rt "$q/rules.plan" 2021-2025 "$q/data.csv" 数据 --lang zh
# (a file of two regions: the columns only other regions need are
# missing cells, a warning and its note of each file alike, exit 0)
rt "$repo/rules/liaoning/beautiful-liaoning.plan" 2020-2027 "$l/data.csv" data --region 沈阳 --region 辽宁省
{ [ "$(cat r2)" = 0 ] && grep -q "^ft.xlsx#data:1: warning: column '[a-z_]*' (indicator .*its cells are missing" e2 &&
    grep -q "^ft.xlsx#data:1: note: only regions this file has no row of need the columns above" e2; } ||
    bad "liaoning, two regions: $(head -3 e2)"
w=$repo/tests/run/template-wide/rules.plan
printf 'code,C2018,C2019,C2020\n甲,12.5,11,10.25\n乙,8,,7.5\n' >wide.csv
rt "$w" 2018-2020 wide.csv data
[ "$(cat r2)" = 0 ] && [ -s o2 ] || bad "the wide blank workbook filled in: exit $(cat r2)"
# the workbook: a data sheet and a notes sheet, the header frozen, a note
# on each indicator's header cell, its texts in the template's language
"$planc" template "$q/rules.plan" --years 2024 -o n.xlsx --lang zh || bad "template --lang zh"
python3 - n.xlsx <<'EOF' || bad "the blank workbook's parts"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
wb = z.read('xl/workbook.xml').decode()
assert wb.index('name="数据"') < wb.index('name="说明"'), wb
s1 = z.read('xl/worksheets/sheet1.xml').decode()
assert 'state="frozen"' in s1 and 'ySplit="1"' in s1, s1
c = z.read('xl/comments1.xml').decode()
assert '是/否' in c and '指标' in c, c
assert 'planc template --list' in z.read('xl/worksheets/sheet2.xml').decode()
# the checks of what is typed: a drop-down of 是 and 否 on the yes/no
# column, a number on the others, each a warning only
dv = re.findall(r'<dataValidation ([^>]*)>(.*?)</dataValidation>', s1, re.S)
assert len(dv) == 6 and all('errorStyle="warning"' in a and 'allowBlank="1"' in a for a, _ in dv), dv
assert [f for a, f in dv if 'type="list"' in a] == ['<formula1>"是,否"</formula1>'], dv
assert [f for a, f in dv if 'type="custom"' in a] == ['<formula1>ISNUMBER(%s2)</formula1>' % c for c in 'CDEFG'], dv
assert 'promptTitle="耕地保有量" prompt="以 亩 计的数字"' in s1, s1
EOF
# a column several indicators read: the input message's title names them
# all (x: 甲比例 and 乙比例; pm: 均值 and 天数), joined as the language
# joins a list; past Excel's 32 characters, as many as fit and how many
# more, the first name cut with '…' when even it does not fit
"$planc" template "$repo/tests/run/template-column-twice/rules.plan" --years 2024 -o tw.xlsx 2>/dev/null ||
    bad "template of a column read twice"
"$planc" template "$repo/tests/run/template-column-twice/rules.plan" --years 2024 -o tw-zh.xlsx --lang zh 2>/dev/null ||
    bad "template of a column read twice, zh"
many="单位地区生产总值能源消耗降低率 单位地区生产总值二氧化碳排放降低率 非化石能源消费比重 煤炭消费比重 清洁取暖率 可再生能源装机"
{ echo 'plan 多读 { region 省 baseline 2023 horizon 2025 }'; echo 'levels province'; echo 'region 省 : province'
  for n in $many; do echo "indicator $n : 1, higher, column \"x\""; done
  echo 'indicator 长名之一与单位地区生产总值二氧化碳排放降低率之和占全部能源消费总量的比重 : 1, higher, column "y"'
  echo 'indicator 短 : 1, higher, column "y"'
  echo 'section 一 "一" {'; echo '  measure (一) "一" {'; i=0
  for n in $many 长名之一与单位地区生产总值二氧化碳排放降低率之和占全部能源消费总量的比重 短; do
      i=$((i + 1)); echo "    target t$i : $n >= 1 by 2025"; done
  echo '  }'; echo '}'; } >many-ind.plan
"$planc" template many-ind.plan --years 2024 -o mi.xlsx || bad "template of a column read by six indicators"
"$planc" template many-ind.plan --years 2024 -o mi-zh.xlsx --lang zh || bad "template of a column read by six, zh"
python3 - tw.xlsx tw-zh.xlsx mi.xlsx mi-zh.xlsx <<'EOF' || bad "the input message's title of a column several indicators read"
import re, sys, zipfile
def titles(f):
    s = zipfile.ZipFile(f).read('xl/worksheets/sheet1.xml').decode()
    return re.findall(r'promptTitle="([^"]*)"', s)
assert titles(sys.argv[1]) == ['甲比例, 乙比例', '均值, 天数', '其他'], titles(sys.argv[1])
assert titles(sys.argv[2]) == ['甲比例、乙比例', '均值、天数', '其他'], titles(sys.argv[2])
assert titles(sys.argv[3]) == ['单位地区生产总值能源消耗降低率 and 5 more', '长名之一与单位地区生产总值二氧化碳排放降… and 1 more'], titles(sys.argv[3])
assert titles(sys.argv[4]) == ['单位地区生产总值能源消耗降低率及另外5个', '长名之一与单位地区生产总值二氧化碳排放降低率之和占全…及另外1个'], titles(sys.argv[4])
assert all(len(t) <= 32 for f in sys.argv[1:] for t in titles(f)), [titles(f) for f in sys.argv[1:]]
EOF
# in English, each kind of column: yes/no a drop-down of yes and no, a
# rating a number from 0 to 100, a text map's a drop-down of its texts
# (a number typed there only warns: both are read), a number's a number;
# every column below its header
"$planc" template "$repo/tests/run/template-scopes/rules.plan" -o k.xlsx || bad "template of template-scopes"
python3 - k.xlsx <<'EOF' || bad "the blank workbook's checks of its cells"
import re, sys, zipfile
s1 = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode()
dv = {re.search(r'sqref="([A-Z]+)2:[A-Z]+1048576"', a).group(1): (a, f)
      for a, f in re.findall(r'<dataValidation ([^>]*)>(.*?)</dataValidation>', s1, re.S)}
# 地区,年份,farmland,policy,water_saving,pm25,"sea, good",dash,rating
assert sorted(dv) == ['C', 'D', 'E', 'F', 'G', 'H', 'I'], sorted(dv)
assert all('errorStyle="warning"' in a for a, f in dv.values())
assert 'type="list"' in dv['H'][0] and dv['H'][1] == '<formula1>"green,red"</formula1>', dv['H']
assert 'prompt="one of the texts' in dv['H'][0], dv['H']
for c in 'DE':
    assert 'type="list"' in dv[c][0] and dv[c][1] == '<formula1>"yes,no"</formula1>', dv[c]
for c in 'CFG':
    assert 'type="custom"' in dv[c][0] and dv[c][1] == '<formula1>ISNUMBER(%s2)</formula1>' % c, dv[c]
assert 'type="decimal"' in dv['I'][0] and dv['I'][1] == '<formula1>0</formula1><formula2>100</formula2>', dv['I']
assert 'promptTitle="评级"' in dv['I'][0] and 'prompt="a rating from 0 to 100' in dv['I'][0], dv['I']
EOF
# a header cell's note only where the cells' input message (the indicator,
# what a cell holds) does not say it all: a column of one indicator has
# none, a column only some regions need, or a map whose texts Excel
# cannot list (a comma in one) has one; a map's drop-down lists its texts
# under --lang zh too
cat >nt.plan <<'EOF'
plan nt { region P baseline 2020 horizon 2025 }
levels province, city
region P : province
region 甲, 乙 : city in P
map 色 { "green" = 2, "red, dark" = 1 }
map 级 { "优" = 3, "良" = 2, "差" = 1 }
indicator 一 : 1, higher, column "a"
indicator 二 : 1, higher, column "b"
indicator 三 : 1, higher, column "c" as 色
indicator 四 : 1, higher, column "d" as 级
section 一 "一" {
  measure (一) "一" {
    target t1 : 一 >= 1
    target t2 for 甲 : 二 >= 1
    target t3 : 三 >= 1
    target t4 : 四 >= 1
  }
}
EOF
for lang in en zh; do
    "$planc" template nt.plan --lang $lang -o nt.xlsx 2>e || bad "template nt.plan --lang $lang: $(cat e)"
    python3 - nt.xlsx <<'EOF' || bad "the header notes and the map's drop-down, --lang $lang"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
s1 = z.read('xl/worksheets/sheet1.xml').decode()
dv = {re.search(r'sqref="([A-Z]+)2:[A-Z]+1048576"', a).group(1): (a, f)
      for a, f in re.findall(r'<dataValidation ([^>]*)>(.*?)</dataValidation>', s1, re.S)}
# region,year,a,b,c,d: c's map has a comma in a text, no drop-down
assert sorted(dv) == ['C', 'D', 'F'], sorted(dv)
assert dv['F'][1] == '<formula1>"优,良,差"</formula1>', dv['F']
refs = re.findall(r'<comment ref="([A-Z]+)1"', z.read('xl/comments1.xml').decode())
assert refs == ['D', 'E'], refs
EOF
done
# past the first 256 columns no header cell has a note (libxlsxwriter
# places K notes in K³ steps): the notes sheet says so
python3 - <<'EOF' >wide300.plan
print('plan w { region P baseline 2020 horizon 2025 }\nlevels province, city\nregion P : province\nregion 甲, 乙 : city in P')
for i in range(300):
    print('indicator i%d : 1, higher, column "c%d"' % (i, i))
print('section 一 "一" {\n  measure (一) "一" {')
for i in range(300):
    print('    target t%d for 甲 : i%d >= 1' % (i, i))
print('  }\n}')
EOF
"$planc" template wide300.plan -o w3.xlsx 2>e || bad "template wide300.plan: $(cat e)"
python3 - w3.xlsx <<'EOF' || bad "the notes of the first 256 columns"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
refs = re.findall(r'<comment ref="([A-Z]+)1"', z.read('xl/comments1.xml').decode())
assert len(refs) == 254 and refs[0] == 'C' and refs[-1] == 'IV', (len(refs), refs[-1:])
assert "Only the first 256 columns of sheet 'data' have a note" in z.read('xl/worksheets/sheet2.xml').decode()
EOF
# .xlsm is a macro workbook, which planc does not write
"$planc" template "$q/rules.plan" -o m.xlsm 2>e; rc=$?
[ $rc -eq 2 ] && [ ! -e m.xlsm ] || bad "template -o m.xlsm: exit $rc, $(cat e)"
# more rows than a sheet holds: said, exit 2, no file
"$planc" template "$repo/examples/realdata/air-quality-2023.plan" --years 1000-9999 -o big.xlsx 2>e; rc=$?
[ $rc -eq 2 ] && [ ! -e big.xlsx ] && grep -q 'more than an Excel sheet holds' e || bad "a blank workbook too large: exit $rc, $(cat e)"
# a write that fails leaves nothing: no scratch space
TMPDIR=$tmp/none "$planc" template "$q/rules.plan" --years 2024 -o s.xlsx 2>e; rc=$?
[ $rc -eq 5 ] && [ ! -e s.xlsx ] && grep -q 'scratch file' e || bad "template -o, no scratch space: exit $rc, $(cat e)"

# ---- 7. workbooks LibreOffice Calc saved (tests/xlsx/lo-fixtures.py made
# them; committed, so that no test needs LibreOffice): each scores as its
# CSV twin, the same results and messages but for the file's name
lo=$repo/tests/xlsx/lo
# same RULES WORKBOOK[#SHEET] SHEET CSV [options]: run, as CSV and JSON,
# and template --check, alike of the workbook and of the CSV
same() {
    r=$1; x=$2; sh=$3; c=$4; shift 4
    for f in csv json; do
        "$planc" run "$r" --data "$lo/$c" --format $f "$@" >o1 2>e1; echo $? >r1
        "$planc" run "$r" --data "$lo/$x" --format $f "$@" >o2 2>e2; echo $? >r2
        b=${x%%#*}
        sed "s|$lo/$c|$lo/$b#$sh|g; s/[0-9a-f]\{64\}/HASH/g" o1 >o1.n; sed 's/[0-9a-f]\{64\}/HASH/g' o2 >o2.n
        # a JSON document's data files are named as given
        [ $f = json ] && sed -i "s|\"name\": \"$lo/$b#$sh\"|\"name\": \"$lo/$x\"|" o1.n
        { sed "s|$lo/$c|$lo/$b#$sh|g" e1 | cmp -s - e2 && cmp -s o1.n o2.n && cmp -s r1 r2 && [ -s o2 ]; } ||
            { bad "LibreOffice's $x ($f) scores otherwise than $c"; diff e1 e2 | head -5; diff o1.n o2.n | head -5; }
    done
    "$planc" template "$r" --check "$lo/$c" >c1 2>&1; echo $? >>c1
    "$planc" template "$r" --check "$lo/$x" >c2 2>&1; echo $? >>c2
    sed "s|$lo/$c|$lo/${x%%#*}#$sh|g" c1 | cmp -s - c2 || { bad "template --check of LibreOffice's $x"; diff c1 c2 | head -5; }
}
same "$q/rules.plan" 'city.xlsx#鞍山市 数据' '鞍山市 数据' city.csv
# no sheet named: the first shown (the hidden list 选项 comes first)
same "$q/rules.plan" city.xlsx '鞍山市 数据' city.csv
# the same saved again by Gnumeric (21 digits a number, indented XML)
same "$q/rules.plan" 'gnumeric-city.xlsx#鞍山市 数据' '鞍山市 数据' city.csv
same "$q/rules.plan" typed.xlsx typed typed.csv
same "$q/rules.plan" 'typed.xlsx#typed' typed typed.csv --rollup region --year 2025
same "$q/rules.plan" template.xlsx data template.csv
# the title merged above the header: an error of the CSV's (the note on
# it is the workbook's own: tests/run/xlsx-lo-title)
"$planc" run "$q/rules.plan" --data "$lo/title.csv" -o /dev/null 2>e1; echo $? >r1
"$planc" run "$q/rules.plan" --data "$lo/title.xlsx#鞍山市 数据" -o /dev/null 2>e2; echo $? >r2
grep ': error: ' e1 | sed "s|$lo/title.csv|$lo/title.xlsx#鞍山市 数据|" | cmp -s - "$(grep ': error: ' e2 >e2.e; echo e2.e)" &&
    [ "$(cat r1)" = 3 ] && cmp -s r1 r2 || bad "LibreOffice's title.xlsx: not the CSV's errors: $(head -3 e2)"

[ $fail -eq 0 ] && echo "xlsx: ok ($ntwins run cases as workbooks, $n cut workbooks, 60 changed, blank workbooks filled in, LibreOffice's workbooks)"
# ---- 8. text that looks like an escape of the workbook's XML: Excel
# reads '_x0041_' in a cell as 'A' (the escape it writes a control
# character with), so the text is written with its '_' escaped, _x005F_;
# a blank workbook of a column named so read back by planc itself had
# lost the column ('not in the header'), a results workbook showed 'A'
cat >esc.plan <<'EOF'
plan 省 {
    region   省
    baseline 2023
    horizon  2030
}
levels province
region 省 : province
indicator X_x0043_ : %, higher, column "_x0041_"
section 一 "_x4E00_章" {
    measure (一) "措施 _x0042_" { target T : X_x0043_ >= 50% }
}
assessment 考核 {
    missing reweight
    grade   优秀 >= 90, 合格 >= 60, 不合格
}
EOF
"$planc" template esc.plan --years 2024 -o esc.xlsx 2>e || bad "template of column '_x0041_': $(cat e)"
# the drop-down's texts too: the note shown on a cell of the column had
# 'XC' for its indicator's name
python3 - esc.xlsx <<'EOF' || bad "the blank workbook's data validation texts that look like escapes"
import re, sys, zipfile
s = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode()
dv = re.findall(r'<dataValidation ([^>]*)>', s)
assert dv, s
for attrs in dv:
    title = re.search(r'promptTitle="([^"]*)"', attrs).group(1)
    # as Excel reads it: _xHHHH_ is that character
    shown = re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), title)
    assert shown == 'X_x0043_', (title, shown)
EOF
"$planc" template esc.plan --check esc.xlsx >e 2>&1
grep -q "^esc.xlsx#data: note: column '_x0041_' is empty" e || bad "the blank workbook of column '_x0041_': $(cat e)"
printf 'region,year,_x0041_\n省,2024,60\n' >esc.csv
"$planc" run esc.plan --data esc.csv -o esc-r.xlsx 2>e || bad "results of '_x0041_': $(cat e)"
python3 - esc-r.xlsx <<'EOF' || bad "the results workbook's texts that look like escapes"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
texts = set()
for n in z.namelist():
    if n.startswith('xl/worksheets/') or n == 'xl/sharedStrings.xml':
        for t in re.findall(r'<t[^>]*>([^<]*)</t>', z.read(n).decode()):
            # as Excel reads a cell's text: _xHHHH_ is that character
            texts.add(re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), t))
for want in ('_x4E00_章', '措施 _x0042_'):
    assert want in texts, (want, sorted(t for t in texts if '_' in t or '章' in t))
EOF

[ $fail -eq 0 ] && echo "xlsx: ok ($ntwins run cases as workbooks, $n cut workbooks, 60 changed, blank workbooks filled in)"
exit $fail
