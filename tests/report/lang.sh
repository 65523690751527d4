#!/bin/sh
# lang.sh — `planc run --lang en|zh` for the workbook and the page, on the
# quickstart example (copied under Chinese names, so that every Latin word
# left in a document is planc's or the rules'):
#   - en (the default, and --lang en) writes the same bytes as before --lang
#     existed: the page (planc's version taken out) and the workbook's parts
#     have the checksums in lang-en.cksum, taken from planc before --lang
#     (the page's <html lang> then said zh-CN; it says en now), updated
#     since where a change of the page or the workbook was meant (the
#     heatmap per level, the regions sheet's parent and top, the heatmap's
#     section ids cut to their groups with the whole id on hover, the table
#     of regions per level, the detail sheet's parent and top, `92%` for
#     `92 %` as explain writes it, the targets sheet's score_note and its
#     distribution rounded as the page shows it, the provenance sheet's
#     creation time and command, which its autofilter in workbook.xml
#     spans, the page's footer's command, the off-track and put-right
#     lists' previous status named by its year, `status 2024`, and the
#     workbook's numbers rounded to 15 significant digits);
#   - zh has the Chinese headings, statuses, sheet names and column headers,
#     <html lang="zh-CN">, and no English word of planc's own;
#   - --lang with CSV or JSON, and an unknown language, are usage errors.
#
#   lang.sh PLANC ZIPCAT SRCDIR
# PLANC_UPDATE_GOLDEN=1 rewrites lang-en.cksum (check the page first).
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; zipcat=$2; src=$3
golden=$src/tests/report/lang-en.cksum

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/规划"
cp "$src/examples/quickstart/rules.plan" "$tmp/规划/规则.plan"
cp "$src/examples/quickstart/data.csv" "$tmp/规划/数据.csv"
cd "$tmp" || exit 1
SOURCE_DATE_EPOCH=1735689600; export SOURCE_DATE_EPOCH
fail=0
bad() { echo "FAIL: $*"; fail=1; }
run() { "$planc" run 规划/规则.plan --data 规划/数据.csv --engine interp --quiet "$@"; }
# the workbook parts compared
parts="xl/workbook.xml xl/styles.xml xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml
xl/worksheets/sheet3.xml xl/worksheets/sheet4.xml xl/worksheets/sheet5.xml xl/worksheets/sheet6.xml
docProps/core.xml"
# planc's version, which a release changes, taken out
unversioned() { sed 's/planc [0-9][^ "<]*/planc VERSION/g'; }

# --- en: the same bytes as before -----------------------------------------
run --na - -o en.html || bad "planc run -o en.html failed"
run --na - --lang en -o en2.html || bad "planc run --lang en -o en2.html failed"
cmp -s en.html en2.html || bad "--lang en differs from no --lang"
run --na - -o en.xlsx || bad "planc run -o en.xlsx failed"
{
    printf 'page %s\n' "$(unversioned <en.html | cksum)"
    for p in $parts; do
        printf '%s %s\n' "$p" "$("$zipcat" en.xlsx "$p" | unversioned | cksum)"
    done
} >en.cksum
if [ "${PLANC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp en.cksum "$golden"
elif ! cmp -s "$golden" en.cksum; then
    bad "the English page or workbook changed (a label's English text must not):"
    diff "$golden" en.cksum
fi
sed -n 2p en.html | grep -qx '<html lang="en">' || bad "the en page's lang is not en"

# --- zh -------------------------------------------------------------------
run --na - --lang zh -o zh.html || bad "planc run --lang zh -o zh.html failed"
run --na - --lang zh -o zh.xlsx || bad "planc run --lang zh -o zh.xlsx failed"
sed -n 2p zh.html | grep -qx '<html lang="zh-CN">' || bad "the zh page's lang is not zh-CN"
# the page's visible text: no style sheet, no tags (titles shown on hover
# stay), no SHA-256 digests, no command (the footer's last line: planc's
# options are English, after its Chinese words, checked here)
grep -qF '<p class="command">重新生成本页（逐字节相同）的命令：<code>planc run &#39;规划/规则.plan&#39; --data &#39;规划/数据.csv&#39; --na - --year 2025 --lang zh -o reproduced.html</code></p>' zh.html ||
    bad "the zh page's command: $(grep '<p class="command">' zh.html)"
sed '/<style>/,/<\/style>/d; /^<p class="command">/d' zh.html | sed 's/<[^>]*>/ /g; s/[0-9a-f]\{64\}/ /g' >zh.txt
for want in '2025年地区排名' '2025年状态热力图' '目标轨迹' '2025年分地区结果' \
    '2025年分牵头单位结果' '2025年分目标结果' '排名' '状态热力图' '牵头单位' \
    '达标' '进度正常' '进度滞后' '未达标' '数据缺失' '不适用' \
    '≥ 85%，到2025年；≥ 90%，到2030年 · 2025年达标7个（共15个）' '逐年下降' \
    '期限2025年' '目标值' '一票否决' '总分' '等级' '按职责分工负责：' '汇总年份  2025年 ' \
    '由 planc ' '；规则：规划/规则.plan（SHA-256' '，读取选项：--na -。'; do
    grep -qF -- "$want" zh.txt || bad "the zh page lacks '$want'"
done
grep -q '<text[^>]*>达标 [0-9]*/[0-9]*</text>' zh.html || bad "the zh heatmap rows do not end in '达标 N/M'"
# English labels of the page that must be gone
for word in Ranking 'Status heatmap' Trajectories Regions Agencies Targets 'veto:' \
    'goal' 'deadline' 'met ' 'no total' 'every year' ' by 20' on_track lagging failed \
    missing not_applicable 'Written by' 'from the rules' 'and the data' 'read with' \
    'of the manifest' 'shared:' 'mean score' 'roll-up year' 'regions' 'targets'; do
    grep -qF -- "$word" zh.txt && bad "the zh page still says '$word'"
done
# every Latin word left is the rules' (levels, indicator names, units), a
# file name's extension, an option, or planc's own name
left=$(grep -oE '[A-Za-z_]+' zh.txt | sort -u |
    grep -vxE 'city|province|PM|COD|g|m|plan|csv|na|planc|SHA' | tr '\n' ' ')
[ -z "$left" ] || bad "English left on the zh page: $left"

# the workbook: Chinese sheet names, headers and statuses
sheets=$("$zipcat" zh.xlsx xl/workbook.xml | grep -o '<sheet name="[^"]*"' | cut -d'"' -f2 | tr '\n' ' ')
[ "$sheets" = "地区 问题清单 较上年改善 牵头单位 目标 明细 生成信息 " ] || bad "the zh sheets are '$sheets'"
cells() { "$zipcat" zh.xlsx "xl/worksheets/sheet$1.xml" | grep -o '<t[^>]*>[^<]*</t>' | sed 's/<[^>]*>//g'; }
header() { "$zipcat" zh.xlsx "xl/worksheets/sheet$1.xml" | sed 's/<\/row>.*//' | grep -o '<t[^>]*>[^<]*</t>' | sed 's/<[^>]*>//g' | tr '\n' ' '; }
[ "$(header 1)" = "地区 层级 年份 总分 等级 2024年总分 2024年等级 排名 参与排名地区数 达标 进度正常 进度滞后 未达标 数据缺失 不适用 一票否决 上级地区 所属一级地区 " ] ||
    bad "the zh regions header is '$(header 1)'"
[ "$(header 2)" = "地区 层级 年份 目标 条款 牵头单位 状态 起始年份 2024年状态 数值 进度预期值 目标值 差距 计量单位 一票否决或红线 上级地区 所属一级地区 " ] ||
    bad "the zh off_track header is '$(header 2)'"
[ "$(header 3)" = "地区 层级 年份 目标 条款 牵头单位 2024年状态 状态 数值 目标值 计量单位 上级地区 所属一级地区 " ] ||
    bad "the zh put_right header is '$(header 3)'"
[ "$(header 6)" = "地区 年份 类型 标识 名称 条款 牵头单位 状态 数值 计量单位 目标值 进度预期值 得分 权重 等级 一票否决 上级地区 所属一级地区 " ] ||
    bad "the zh detail header is '$(header 6)'"
statuses=$(cells 6 | grep -xE '达标|进度正常|进度滞后|未达标|数据缺失|不适用' | sort -u | tr '\n' ' ')
[ "$statuses" = "不适用 数据缺失 未达标 达标 进度正常 进度滞后 " ] || bad "the zh detail's statuses are '$statuses'"
cells 6 | grep -qx '总分' || bad "the zh detail has no total rows"
cells 5 | grep -qx '否' || bad "the zh targets sheet's goal_varies is not 否"
# the provenance sheet: what the page's footer says, a line each
[ "$(header 7)" = "项目 内容 SHA-256 校验值 " ] || bad "the zh provenance header is '$(header 7)'"
prov=$(cells 7 | tr '\n' '|')
for want in '|planc 版本|' '|规则（SHA-256 按文件清单计算）|规划/规则.plan|' '|规则文件|规则.plan|' \
    '|数据|规划/数据.csv|' '|数据读取选项|--na -|' '|汇总年份|' '|生成时间|2025-01-01T00:00:00Z|' \
    '|重新生成本工作簿的命令|SOURCE_DATE_EPOCH=1735689600 planc run '\''规划/规则.plan'\'' --data '\''规划/数据.csv'\'' --na - --year 2025 --lang zh -o reproduced.xlsx|'; do
    case "$prov" in *"$want"*) ;; *) bad "the zh provenance sheet lacks '$want': $prov" ;; esac
done
left=$( (for n in 1 2 3 4 5 6; do cells "$n"; done; cells 7 | sed -e 's/^--na -$//' -e '/^SOURCE_DATE_EPOCH=/d' -e '/^[0-9-]*T[0-9:]*Z$/d') | grep -oE '[A-Za-z_]+' | sort -u |
    grep -vxE 'city|province|PM|COD|g|m|plan|csv|planc|SHA|[0-9a-f]+' | tr '\n' ' ')
[ -z "$left" ] || bad "English left in the zh workbook: $left"
"$zipcat" zh.xlsx docProps/core.xml | grep -q '<dc:description>由 planc [^ ]* 生成；规则：规划/规则.plan（SHA-256 [0-9a-f]*，按文件清单计算：规则.plan [0-9a-f]*）；数据：规划/数据.csv（SHA-256 [0-9a-f]*），读取选项：--na -</dc:description>' ||
    bad "the zh workbook's comments: $("$zipcat" zh.xlsx docProps/core.xml | grep -o '<dc:description>.*</dc:description>')"
# the numbers are the same cells in both languages
"$zipcat" en.xlsx xl/worksheets/sheet6.xml | grep -o '<v>[^<]*</v>' >en.numbers
"$zipcat" zh.xlsx xl/worksheets/sheet6.xml | grep -o '<v>[^<]*</v>' >zh.numbers
cmp -s en.numbers zh.numbers || bad "the zh workbook's numbers differ from the en one's"

# --- usage ----------------------------------------------------------------
# The CSV and the JSON are for programs: --lang zh gives the messages in
# Chinese and leaves their bytes as they are.
for f in csv json; do
    run --format "$f" >out.en 2>err.en || bad "--format $f failed: $(cat err.en)"
    run --format "$f" --lang zh >out 2>err; rc=$?
    [ "$rc" = 0 ] || bad "--format $f --lang zh: exit $rc, expected 0: $(cat err)"
    cmp -s out out.en || bad "--format $f --lang zh changed the output"
done
printf 'region,year\n' >nocols.csv
"$planc" run 规划/规则.plan --data nocols.csv --engine interp --lang zh >out 2>err; rc=$?
[ "$rc" = 3 ] || bad "--lang zh with a CSV and a bad header: exit $rc, expected 3"
grep -q "错误：" err || bad "--lang zh with a CSV: the data's error is not Chinese: $(cat err)"
run --lang fr -o x.html 2>err; rc=$?
[ "$rc" = 2 ] || bad "--lang fr: exit $rc, expected 2"
grep -q "unknown language 'fr' (available: en, zh)" err || bad "--lang fr: $(cat err)"
[ -e x.html ] && bad "--lang fr wrote the page"

exit $fail
