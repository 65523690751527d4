#!/bin/sh
# realdata.sh — planc on real public data (../shared/data, not part of the
# repository): examples/realdata/province-carbon.plan scores the published
# 30-province carbon panel as it is (a BOM, English names by alias, its
# own key columns); the JIT, the interpreter and one thread give the same
# bytes; a score checked by hand; a sweep of one goal by --set; the same rules for one province read the
# national file with --skip-unknown-regions; daily PM2.5 readings combined
# into annual values by aggregates (liaoning-pm25.plan), and the same
# readings split into two --data files, by city and by year; a table with a
# column per year summed from counties into cities
# (liaoning-county-co2.plan); China's four economic regions as regional
# groups of provinces (economic-regions-carbon.plan); a national plan
# over three levels and regional groups on the daily readings
# (air-quality-2023.plan); another province's cities written by a new
# user (hebei-pm25.plan); China's 2,735 counties rolled up to their
# cities and provinces, and their page (china-county-co2.plan); a
# one-year snapshot read with --data-year (eu-cities-sdg.plan); the same
# snapshot's dashboard colours read through a text map
# (eu-cities-dashboard.plan).  Skipped (exit 77) when the data is absent.
#   realdata.sh PLANC EXAMPLES_DIR SHARED_DATA_DIR
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; ex=$2; shared=$3
# The rule sets check clean, data or not.
for f in "$ex"/realdata/*.plan; do
    "$planc" check "$f" || { echo "FAIL: planc check $f"; exit 1; }
done
data=$shared/province-carbon-panel-1998-2019/carbonemission-china.csv
if [ ! -r "$data" ]; then
    echo "realdata.sh: skipped: $data is absent"
    exit 77
fi
rules=$ex/realdata/province-carbon.plan
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { n=$((n + 1)); if ! eval "$1"; then fail "$2"; fi; }

"$planc" run "$rules" --data "$data" -o "$tmp/jit.csv" 2>"$tmp/err"; rc=$?
check '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]' "planc run exited $rc: $(head -3 "$tmp/err")"
"$planc" run "$rules" --data "$data" --engine interp -o "$tmp/interp.csv" 2>/dev/null
"$planc" run "$rules" --data "$data" -j 1 -o "$tmp/j1.csv" 2>/dev/null
check 'cmp -s "$tmp/jit.csv" "$tmp/interp.csv"' "the JIT and the interpreter differ"
check 'cmp -s "$tmp/jit.csv" "$tmp/j1.csv"' "-j 1 differs"
# 30 provinces and the country's added rows x 22 years x (10 targets, 4
# measures, 3 sections, a total), and the header
check '[ "$(wc -l <"$tmp/jit.csv")" -eq 12277 ]' "$(wc -l <"$tmp/jit.csv") lines, expected 12277"

# Liaoning 2011, by hand: intensity 2011 / intensity 2010 = 0.8806 against
# 83% by 2015 from 1.0: expected 1 - 0.17 / 5 = 0.966, on track (lower is
# better), score 100 * (0.8806 - 1) / (0.83 - 1) = 70.25.  The ratio is
# reported in its goal's % (docs/LANGUAGE.md §6): expected 96.6.
line=$(grep '^辽宁,2011,target,强度下降,' "$tmp/jit.csv")
status=$(echo "$line" | awk -F, '{ print $8 }')
score=$(echo "$line" | awk -F, '{ printf "%.2f", $13 }')
expected=$(echo "$line" | awk -F, '{ printf "%.3f", $12 }')
check '[ "$status" = on_track ] && [ "$score" = 70.25 ] && [ "$expected" = 96.600 ]' \
    "辽宁 2011 强度下降: status $status, expected $expected, score $score"

# The 十三五 goal from each province's own 2015 (baseline 十二五) against
# its value in the plan's table (辽宁 18%), and the country's total from the
# provinces' rows.  By hand (Python, on the file's cells): 辽宁's intensity
# fell 4.372606074193996% from 2015 to 2017, against 18% x 2 / 5 = 7.2% on
# the trajectory: lagging; the 30 provinces emitted 12289.770000000002 Mt
# in 2019 (added in the file's order).
line=$(grep '^辽宁,2017,target,十三五强度下降,' "$tmp/jit.csv")
check '[ "$(echo "$line" | cut -d, -f8-12)" = "lagging,4.372606074193996,%,18,7.2" ]' \
    "辽宁 2017 十三五强度下降: $line"
line=$(grep '^中国,2019,target,全国排放总量,' "$tmp/jit.csv")
check '[ "$(echo "$line" | cut -d, -f9)" = 12289.770000000002 ]' "中国 2019 全国排放总量: $line"

# A scenario sweep without editing the rules (--set, docs/LANGUAGE.md §4):
# every province held to one 十三五 goal, 12%, 18% or 24%.  A higher goal
# is met by no more provinces in 2019; 辽宁's own 18% scores as the
# table's; each run records its --set in the JSON's data_options.
prev=31
for g in 12 18 24; do
    "$planc" run "$rules" --data "$data" --set "十三五强度下降指标=$g%" -o "$tmp/s$g.csv" 2>/dev/null
    met=$(awk -F, '$3 == "target" && $4 == "十三五强度下降" && $2 == 2019 && $8 == "met"' "$tmp/s$g.csv" | wc -l)
    check '[ "$met" -le "$prev" ] && [ "$met" -gt 0 ]' "--set 十三五强度下降指标=$g%: $met met in 2019, after $prev"
    prev=$met
done
check '[ "$(grep "^辽宁,2017,target,十三五强度下降," "$tmp/s18.csv")" = "$(grep "^辽宁,2017,target,十三五强度下降," "$tmp/jit.csv")" ] &&
       [ "$(grep -c "^" "$tmp/s18.csv")" -eq 12277 ]' "--set 十三五强度下降指标=18% changed 辽宁's row or the rows"
check '[ "$(awk -F, '"'"'$3 == "target" && $4 == "十三五强度下降" && $2 == 2019 && $8 == "met"'"'"' "$tmp/s12.csv" | wc -l)" -gt "$prev" ]' \
    "a goal of 12% is met by no more provinces than one of 24%"
"$planc" run "$rules" --data "$data" --set "十三五强度下降指标=20%" --format json -o "$tmp/s.json" 2>/dev/null
check 'grep -q "\"data_options\": \"--set '"'"'十三五强度下降指标=20%'"'"'\"" "$tmp/s.json"' \
    "the JSON does not record the --set: $(grep data_options "$tmp/s.json")"

# The same rules for Liaoning alone, as an adaptation that drops the other
# 29 provinces (they leave the base's scopes and values table): the
# national file names them by the aliases the base gives them (Beijing),
# which are said to be dropped with their regions; they are skipped with
# --skip-unknown-regions (22 years each), and Liaoning's rows score as
# before.
cp "$rules" "$tmp/base.plan"
others=$(grep 'province in 中国' "$rules" | grep -v '^region 辽宁 ' | awk '{ print $2 }' | paste -sd, -)
printf 'plan 辽宁 extends "base.plan" { }\ndrop region %s\n' "$others" >"$tmp/one.plan"
"$planc" run "$tmp/one.plan" --data "$data" -o "$tmp/one.csv" 2>"$tmp/err"; rc=$?
check '[ $rc -eq 3 ] && grep -q "region .Beijing. was dropped by the rules" "$tmp/err" &&
       grep -q "note: .Beijing. is an alias of region .北京., which the rules drop at" "$tmp/err"' \
    "without the option, other provinces are errors, dropped by the rules (exit $rc): $(head -2 "$tmp/err")"
"$planc" run "$tmp/one.plan" --data "$data" --skip-unknown-regions -o "$tmp/one.csv" 2>"$tmp/err"; rc=$?
check '[ $rc -eq 0 ]' "--skip-unknown-regions exited $rc: $(head -3 "$tmp/err")"
check 'grep -q "warning: skipped 638 rows of regions the rules do not declare (the first at line 2: .Beijing.)" "$tmp/err" &&
       grep -q "note: 638 of them name a region the rules dropped" "$tmp/err"' \
    "the warning: $(cat "$tmp/err")"
grep '^辽宁,' "$tmp/jit.csv" >"$tmp/ln-all.csv"
grep '^辽宁,' "$tmp/one.csv" >"$tmp/ln-one.csv"
check '[ -s "$tmp/ln-all.csv" ] && cmp -s "$tmp/ln-all.csv" "$tmp/ln-one.csv"' \
    "Liaoning's results differ when its rows are read alone"

# The four economic regions as regional groups of provinces
# (examples/realdata/economic-regions-carbon.plan) on the same panel: each
# group judged on a row added from its members' rows.  By hand (Python, on
# the file's cells, each group's provinces added in the rules' order):
#   rows = {(r['Location'], int(r['Year'])): r for r in
#           csv.DictReader(open(data, encoding='utf-8-sig'))}
#   gdp = lambda p, y: primary_GDP + secondary_GDP + tertiary_GDP of (p, y)
#   e, g = sum(Carbon_Emission of (p, 2019)), sum(gdp(p, 2019)) over members
#   e0, g0 = the same sums in 2010; intensity e / g, goal 68 * (e0 / g0) / 100
#   share: 100 * (members whose 1 - (e/g of 2019) / (e/g of 2015) >= 0.144)
#          / members
# gives, in 2019: 东部 4172.75 Mt, intensity 0.008185544635175117 against
# 0.010206594249225511 (met), 9 of 10 provinces (90%); 中部 3273.6,
# 0.015049975794806157 against 0.017022472699544777 (met), 6 of 6; 西部
# 3676.4800000000005, 0.018091978514889737 against 0.0203794859446766
# (met), 7 of 11 (63.63636363636363%); 东北 1166.94, 0.023279901848323743
# against 0.01944051561005989 (failed: its intensity rose), 2 of 3
# (66.66666666666667%).  The four groups add up to 中国's 12289.77, which
# counts each province once (below 中国 and below its group).
errules=$ex/realdata/economic-regions-carbon.plan
"$planc" run "$errules" --data "$data" -o "$tmp/er.csv" 2>"$tmp/err"; rc=$?
check '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]' "regions: exit $rc: $(head -3 "$tmp/err")"
"$planc" run "$errules" --data "$data" --engine interp -o "$tmp/er-interp.csv" 2>/dev/null
check 'cmp -s "$tmp/er.csv" "$tmp/er-interp.csv"' "regions: the engines differ"
# (30 provinces + 4 groups + 中国) x 22 years x (7 targets, 2 measures, a
# section, a total), and the header
check '[ "$(wc -l <"$tmp/er.csv")" -eq 8471 ]' "regions: $(wc -l <"$tmp/er.csv") lines, expected 8471"
got=$(awk -F, '$2 == 2019 && $4 == "区域强度下降" && $1 ~ /^(东部|中部|西部|东北)$/ { printf "%s:%s:%s:%s ", $1, $8, $9, $11 }' "$tmp/er.csv")
check '[ "$got" = "东部:met:0.008185544635175117:0.010206594249225511 中部:met:0.015049975794806157:0.017022472699544777 西部:met:0.018091978514889737:0.0203794859446766 东北:failed:0.023279901848323743:0.01944051561005989 " ]' \
    "regions: the groups' intensities in 2019: $got"
got=$(awk -F, '$2 == 2019 && ($4 == "区域排放达峰" || $4 == "省份强度达标面") && $1 ~ /^(东部|中部|西部|东北)$/ { printf "%s:%s ", $1, $9 }' "$tmp/er.csv")
check '[ "$got" = "东部:90 东部:4172.75 中部:100 中部:3273.6 西部:63.63636363636363 西部:3676.4800000000005 东北:66.66666666666667 东北:1166.94 " ]' \
    "regions: the groups' shares and totals in 2019: $got"
line=$(grep '^中国,2019,target,全国排放总量,' "$tmp/er.csv")
check '[ "$(echo "$line" | cut -d, -f9)" = 12289.770000000002 ]' "regions: 中国 2019 全国排放总量: $line"

# Daily readings (examples/realdata/liaoning-pm25.plan): 365 or 366 rows
# per city and year, combined by the aggregates after each column.  By
# hand (Python, summing the file's cells in order): 沈阳 2015 has a mean
# of 68.7448050212367 against 70.70430065442663 in 2014, 241 of 365 days
# at or under 75 (66.0274%), 33 over 150 (9.0411%); the ratio of the means
# is 0.9722860474532217 (reported as 97.22860474532217, in its goal's %).  The nine cities' means of 2015, added in the
# rules' order of the cities, average 53.74797532644475: 沈阳 (68.74) is
# above it, 丹东 (45.73, the lowest) below.
pm=$shared/pm25-daily-183-cities-2014-2016/pm25_daily.csv
if [ -r "$pm" ]; then
    pmrules=$ex/realdata/liaoning-pm25.plan
    "$planc" run "$pmrules" --data "$pm" --skip-unknown-regions -o "$tmp/pm.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && grep -q "skipped 190530 rows" "$tmp/err"' "pm2.5: exit $rc: $(head -3 "$tmp/err")"
    "$planc" run "$pmrules" --data "$pm" --skip-unknown-regions --engine interp -o "$tmp/pm-interp.csv" 2>/dev/null
    "$planc" run "$pmrules" --data "$pm" --skip-unknown-regions -j 1 -o "$tmp/pm-j1.csv" 2>/dev/null
    check 'cmp -s "$tmp/pm.csv" "$tmp/pm-interp.csv" && cmp -s "$tmp/pm.csv" "$tmp/pm-j1.csv"' \
        "pm2.5: the engines or thread counts differ"
    # 9 cities x 3 years x (5 targets, 3 measures, a section, a total)
    check '[ "$(wc -l <"$tmp/pm.csv")" -eq 271 ]' "pm2.5: $(wc -l <"$tmp/pm.csv") lines, expected 271"
    got=$(awk -F, '$1 == "沈阳" && $2 == 2015 && $3 == "target" { printf "%s=%s ", $4, $9 }' "$tmp/pm.csv")
    check '[ "$got" = "PM25下降=97.22860474532217 优良天数比例=66.02739726027397 不劣于均值=68.7448050212367 重污染天数=9.04109589041096 监测完整=365 " ]' \
        "pm2.5: 沈阳 2015: $got"
    got=$(awk -F, '$2 == 2015 && $4 == "不劣于均值" && ($1 == "沈阳" || $1 == "丹东") { printf "%s:%s:%s ", $1, $8, $11 }' "$tmp/pm.csv")
    check '[ "$got" = "沈阳:failed:53.74797532644475 丹东:met:53.74797532644475 " ]' \
        "pm2.5: the nine cities' average in 2015: $got"
    # The same readings as two files (several --data, LANGUAGE.md §10):
    # split by city, and split by year with 沈阳's 2016 in both (its
    # aggregated cells agree), give the same bytes as the one file.
    awk -F, 'NR == 1 || $5 < "M"' "$pm" >"$tmp/pm-a.csv"
    awk -F, 'NR == 1 || $5 >= "M"' "$pm" >"$tmp/pm-b.csv"
    "$planc" run "$pmrules" --data "$tmp/pm-b.csv" --data "$tmp/pm-a.csv" --skip-unknown-regions \
        -o "$tmp/pm-two.csv" 2>/dev/null
    check 'cmp -s "$tmp/pm.csv" "$tmp/pm-two.csv"' "pm2.5: two files split by city differ from one"
    awk -F, 'NR == 1 || $1 < 2016 || $5 == "Shenyang"' "$pm" >"$tmp/pm-c.csv"
    awk -F, 'NR == 1 || $1 >= 2016' "$pm" >"$tmp/pm-d.csv"
    "$planc" run "$pmrules" --data "$tmp/pm-c.csv" --data "$tmp/pm-d.csv" --skip-unknown-regions \
        -o "$tmp/pm-years.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && cmp -s "$tmp/pm.csv" "$tmp/pm-years.csv"' \
        "pm2.5: two files split by year (沈阳 2016 in both) differ from one: exit $rc $(head -2 "$tmp/err")"
    # Another province's cities (examples/realdata/hebei-pm25.plan, written
    # by an evaluator new to planc): Hebei's eleven, the rest of the file's
    # rows skipped (188340 of 200385).  By hand (Python, the cells added in
    # file order): 石家庄 2016 has a mean of 93.11072772198258 against
    # 114.03342465568298 in 2014, a ratio of 0.8165213664600953 (met, <=
    # 90%), 156 of 365 days at or under 75 (42.73972602739726%), 78 over
    # 150 (21.36986301369863%); 张家口's ratio is 1.3570048913666632
    # (failed); the eleven cities' means average 77.92419301991505 in 2016
    # and 90.33187520428856 in 2014, a ratio of 0.8626433675121531 for the
    # province (met).
    hbrules=$ex/realdata/hebei-pm25.plan
    "$planc" run "$hbrules" --data "$pm" --skip-unknown-regions -o "$tmp/hb.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && grep -q "skipped 188340 rows" "$tmp/err"' "hebei pm2.5: exit $rc: $(head -3 "$tmp/err")"
    "$planc" run "$hbrules" --data "$pm" --skip-unknown-regions --engine interp -o "$tmp/hb-interp.csv" 2>/dev/null
    check 'cmp -s "$tmp/hb.csv" "$tmp/hb-interp.csv"' "hebei pm2.5: the engines differ"
    # 12 regions x 3 years x 4 targets, and the header
    check '[ "$(wc -l <"$tmp/hb.csv")" -eq 145 ]' "hebei pm2.5: $(wc -l <"$tmp/hb.csv") lines, expected 145"
    # the values to 1e-9 of the ratio's per cent (the last digit of x 100
    # may round either way)
    got=$(awk -F, 'BEGIN {
            want["石家庄:城市PM25下降"] = 81.65213664600953; want["石家庄:达标天数比例"] = 42.73972602739726
            want["石家庄:重污染天数"] = 21.36986301369863; want["张家口:城市PM25下降"] = 135.70048913666632
            want["河北省:全省PM25下降"] = 86.26433675121531 }
        $2 == 2016 && $3 == "target" && (($1 ":" $4) in want) {
            d = $9 - want[$1 ":" $4]; if (d < 0) d = -d
            printf "%s:%s:%s:%s ", $1, $4, $8, d < 1e-9 ? "ok" : $9 }' "$tmp/hb.csv")
    check '[ "$got" = "河北省:全省PM25下降:met:ok 石家庄:城市PM25下降:met:ok 石家庄:达标天数比例:failed:ok 石家庄:重污染天数:failed:ok 张家口:城市PM25下降:failed:ok " ]' \
        "hebei pm2.5: 2016: $got"
    # A province with a county level (examples/realdata/jiangsu-pm25.plan):
    # Jiangsu's 13 cities and the 10 county-level cities below them, each
    # read from its own rows.  By hand (Python, the cells added in file
    # order): 昆山 2015 has a mean of 50.824657534246576, 95.658...% of its
    # 2014 mean; 苏州 2015 has 284 of 365 days at or under 75
    # (77.8082191780822%); the ten county-level cities' means of 2015
    # average 54.902383561643795 and the thirteen cities' 56.384909120657724
    # (the province's 全省均值, against 55).
    jsrules=$ex/realdata/jiangsu-pm25.plan
    "$planc" run "$jsrules" --data "$pm" --skip-unknown-regions -o "$tmp/js.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && grep -q "skipped 175200 rows" "$tmp/err"' "jiangsu: exit $rc: $(head -3 "$tmp/err")"
    "$planc" run "$jsrules" --data "$pm" --skip-unknown-regions --engine interp -o "$tmp/js-interp.csv" 2>/dev/null
    check 'cmp -s "$tmp/js.csv" "$tmp/js-interp.csv"' "jiangsu: the engines differ"
    # 24 regions x 3 years x (6 targets, 3 measures, a section, a total)
    check '[ "$(wc -l <"$tmp/js.csv")" -eq 793 ]' "jiangsu: $(wc -l <"$tmp/js.csv") lines, expected 793"
    got=$(awk -F, '$2 == 2015 && $3 == "target" && (($1 == "昆山" && ($4 == "PM25下降" || $4 == "县市不劣于均值")) ||
        ($1 == "苏州" && $4 == "达标天数") || ($1 == "江苏省" && $4 == "全省均值")) { printf "%s:%s:%s:%s:%s ", $1, $4, $8, $9, $11 }' "$tmp/js.csv")
    check '[ "$got" = "江苏省:全省均值:on_track:56.384909120657724:55 苏州:达标天数:met:77.8082191780822:75 昆山:PM25下降:lagging:95.65849246908274:85 昆山:县市不劣于均值:met:50.824657534246576:54.902383561643795 " ]' \
        "jiangsu: 2015: $got"
    # the county-level cities are judged on their own rows, not their city's
    "$planc" explain "$jsrules" --data "$pm" --skip-unknown-regions --region 昆山 --year 2015 --target 县市不劣于均值 \
        >"$tmp/js-explain.txt" 2>/dev/null; rc=$?
    check '[ $rc -eq 0 ] && grep -q "over the 10 county regions the target covers with a row in 2015" "$tmp/js-explain.txt"' \
        "jiangsu: explain 昆山: exit $rc: $(grep -i average "$tmp/js-explain.txt" | head -2)"
else
    echo "realdata.sh: $pm is absent: the daily PM2.5 checks are skipped"
fi

# A national plan on the same daily readings (examples/realdata/air-quality-2023.plan,
# the 2023 plan's goals measured from 2014): 158 prefecture-level cities in
# 30 provinces (the 25 county-level cities skipped, 3 x 365 rows each), 全国
# and the provinces added above them.  By hand (Python, each city's mean
# of its cells, then the cities' means added in the rules' order): the
# 158 cities average 60.69624288343998 in 2014 and 56.33483547782688 in
# 2016; the goal 90% of the 2014 average is 54.62661859509598 (as
# 60.69624288343998 * 90 / 100), on the trajectory 59.592674831013795 in
# 2016, on track, score 71.85629947456005; the 2016 share of days over
# 150 averages 6.223339691347318%.  The regional groups, on rows of their
# own: 京津冀及周边's 40 cities of the file average 72.56868855991857 in
# 2016 against 80% of 2014's, 66.15369963628429; 汾渭平原's 6 cities of the
# file 64.50317402487607 against 85% of 2014's 68.85654810984538,
# 58.52806589336856, on the trajectory 66.97864225230414; 长三角's 28
# average 56.856741799597366, lagging behind 55.96784553346657 on the way
# to 35.
if [ -r "$pm" ]; then
    aqrules=$ex/realdata/air-quality-2023.plan
    "$planc" run "$aqrules" --data "$pm" --skip-unknown-regions -o "$tmp/aq.csv" 2>"$tmp/err"; rc=$?
    # (and the four cities the rules declare for 汾渭平原 that the file
    # lacks are named: they leave the group's average and the ranking)
    check '[ $rc -eq 0 ] && [ "$(head -1 "$tmp/err")" = "$pm: warning: skipped 27375 rows of regions the rules do not declare (the first at line 15: '"'Changshu'"') [-Wskipped-regions]" ]' \
        "air quality: exit $rc: $(head -3 "$tmp/err")"
    check '[ "$(grep -c "has no row, though most regions of its level have" "$tmp/err")" = 4 ] && grep -q "warning: 1 more region has no row" "$tmp/err" && [ "$(wc -l <"$tmp/err")" = 6 ]' \
        "air quality: the cities without a row: $(cat "$tmp/err")"
    "$planc" run "$aqrules" --data "$pm" --skip-unknown-regions --engine interp -o "$tmp/aq-interp.csv" 2>/dev/null
    check 'cmp -s "$tmp/aq.csv" "$tmp/aq-interp.csv"' "air quality: the engines differ"
    # (158 cities + 30 provinces + 全国 + 3 groups) x 3 years x (7 targets,
    # 2 measures, 2 sections, a total), and the header
    check '[ "$(wc -l <"$tmp/aq.csv")" -eq 6913 ]' "air quality: $(wc -l <"$tmp/aq.csv") lines, expected 6913"
    line=$(grep '^全国,2016,target,全国PM25,' "$tmp/aq.csv")
    check '[ "$(echo "$line" | cut -d, -f8-13)" = "on_track,56.33483547782688,μg/m^3,54.62661859509598,59.592674831013795,71.85629947456005" ]' \
        "air quality: 全国 2016 全国PM25: $line"
    line=$(grep '^全国,2016,target,全国重污染,' "$tmp/aq.csv")
    check '[ "$(echo "$line" | cut -d, -f8,9)" = "lagging,6.223339691347318" ]' "air quality: 全国 2016 全国重污染: $line"
    got=$(awk -F, '$2 == 2016 && $4 == $1 "PM25" && ($1 == "京津冀及周边" || $1 == "汾渭平原" || $1 == "长三角") { printf "%s:%s:%s:%s:%s ", $1, $8, $9, $11, $12 }' "$tmp/aq.csv")
    check '[ "$got" = "京津冀及周边:on_track:72.56868855991857:66.15369963628429:79.68513819825152 汾渭平原:on_track:64.50317402487607:58.52806589336856:66.97864225230414 长三角:lagging:56.856741799597366:35:55.96784553346657 " ]' \
        "air quality: the regional groups in 2016: $got"
fi

# A table with a column per year (examples/realdata/liaoning-county-co2.plan):
# C1997..C2017, no year column, 'City Name' twice in the header, a note at
# the end; Liaoning's 99 counties summed into 14 cities.  By hand (Python):
# 沈阳's 13 counties give 49.403355926335834 Mt in 2005.
co2=$shared/county-co2-chen2020/county_co2.csv
if [ -r "$co2" ]; then
    corules=$ex/realdata/liaoning-county-co2.plan
    "$planc" run "$corules" --data "$co2" --skip-unknown-regions -o "$tmp/co2.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && grep -q "skipped 1 line at the end with only a first field" "$tmp/err" && grep -q "City Name. appears 2 times" "$tmp/err"' \
        "county co2: exit $rc: $(cat "$tmp/err")"
    "$planc" run "$corules" --data "$co2" --skip-unknown-regions --engine interp -o "$tmp/co2-interp.csv" 2>/dev/null
    check 'cmp -s "$tmp/co2.csv" "$tmp/co2-interp.csv"' "county co2: the engines differ"
    # 15 regions x 21 years x (4 targets, 2 measures, a section, a total)
    check '[ "$(wc -l <"$tmp/co2.csv")" -eq 2521 ]' "county co2: $(wc -l <"$tmp/co2.csv") lines, expected 2521"
    got=$(awk -F, '$1 == "沈阳" && $2 == 2005 && $3 == "target" { printf "%s=%s ", $4, $9 }' "$tmp/co2.csv")
    check '[ "$got" = "碳排放量=49.403355926335834 全省碳排放= 增幅控制=100 区县数=13 " ]' "county co2: 沈阳 2005: $got"
    # the province has no row: its target reads its cities' sum, by hand
    # (Python) Liaoning's 99 counties' C2012, 452.59180758979306 Mt, and no
    # warning says it has no results
    line=$(grep '^辽宁省,2012,target,全省碳排放,' "$tmp/co2.csv")
    check '[ "$(echo "$line" | cut -d, -f8,9)" = "on_track,452.59180758979306" ] && ! grep -q "missing-sole-region" "$tmp/err"' \
        "county co2: 辽宁省 2012: $line"
else
    echo "realdata.sh: $co2 is absent: the county CO2 checks are skipped"
fi

# Every county of China (examples/realdata/china-county-co2.plan, written
# by tools/county-co2-plan.py): 2,735 counties keyed by DISTCODE in 322
# cities, 30 provinces and 全国, the cities' and provinces' totals added
# up from their counties.  By hand (Python, the file's cells added in its
# order): 合肥市's 7 counties emitted 39.468123011551754 Mt in 2017; the
# 2,735 counties 9481.999489595659 Mt in 2017, against 2.5 x
# 5374.122042189627 in 2005, 13435.305105474068.
if [ -r "$co2" ]; then
    cnrules=$ex/realdata/china-county-co2.plan
    "$planc" run "$cnrules" --data "$co2" -o "$tmp/cn.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "skipped 1 line at the end" "$tmp/err"' \
        "china counties: exit $rc: $(head -3 "$tmp/err")"
    # 3,088 regions x 21 years x (6 targets, 4 measures, 2 sections, a total), and the header
    check '[ "$(wc -l <"$tmp/cn.csv")" -eq 843025 ]' "china counties: $(wc -l <"$tmp/cn.csv") lines, expected 843025"
    line=$(grep '^合肥市,2017,target,市域达峰,' "$tmp/cn.csv")
    check '[ "$(echo "$line" | cut -d, -f8,9)" = "on_track,39.468123011551754" ]' "china counties: 合肥市 2017: $line"
    line=$(grep '^全国,2017,target,全国总量控制,' "$tmp/cn.csv")
    check '[ "$(echo "$line" | cut -d, -f8,9,11)" = "met,9481.999489595659,13435.305105474068" ]' \
        "china counties: 全国 2017: $line"
    # The page: 40 bars of the 322 cities and 40 of the 2,735 counties
    # (with the 30 provinces and 全国), the county targets drawn as bands.
    "$planc" run "$cnrules" --data "$co2" -o "$tmp/cn.html" 2>/dev/null
    check '[ "$(grep -o "<rect class=\"bar\"" "$tmp/cn.html" | wc -l)" -eq 111 ] && grep -q "2695 more regions, in places 21 to 2715" "$tmp/cn.html"' \
        "china counties: the ranking does not cut the counties"
    check '[ "$(grep -o "<polyline class=\"median\"" "$tmp/cn.html" | wc -l)" -eq 4 ] && [ "$(grep -o "<svg class=\"key\"" "$tmp/cn.html" | wc -l)" -eq 31 ]' \
        "china counties: the trajectories are not drawn as bands for the counties and cities"
    check '[ "$(wc -c <"$tmp/cn.html")" -lt 6000000 ]' "china counties: the page is $(wc -c <"$tmp/cn.html") bytes"
    # The heatmap: a chart per level (全国, 30 provinces, 20 + 20 of the
    # cities and of the counties), each with the columns of the targets
    # that apply to it (1, 1, 1 and 3): 191 cells, not 3,088 x 6; the cut
    # levels say how many are not drawn and where they are.
    check '[ "$(grep -o "<svg class=\"heatmap\"" "$tmp/cn.html" | wc -l)" -eq 4 ] && [ "$(grep -o "<rect class=\"cell\"" "$tmp/cn.html" | wc -l)" -eq 191 ]' \
        "china counties: the heatmap is not a chart per level"
    check 'grep -q "<h3>county · 2735 regions</h3>" "$tmp/cn.html" && grep -q "2695 regions of this level are not drawn: every region.*s statuses are in the results (CSV)" "$tmp/cn.html"' \
        "china counties: the county heatmap does not say what it leaves out"
    # The table of regions: a table per level, the cities' and the
    # counties' folded into a <details> (the page was 87,343 pixels tall
    # in Chromium, 1280 wide, with one table of 3,088 rows; 8,627 folded)
    # that still holds every row, each with its parent.
    check '[ "$(grep -o "<table class=\"regions\"" "$tmp/cn.html" | wc -l)" -eq 4 ] && [ "$(grep -o "<details class=\"regions\">" "$tmp/cn.html" | wc -l)" -eq 2 ] && [ "$(sed -n "/<table class=\"regions\" id=\"regions-3\">/,/<\/details>/p" "$tmp/cn.html" | grep -c "^<tr><td class=\"n\">")" -eq 2735 ] && grep -q "^<tr><td class=\"n\">[0-9]*</td><td>瑶海区</td><td>合肥市</td>" "$tmp/cn.html" && grep -q "<a href=\"#regions-3\">… 2695 more regions" "$tmp/cn.html"' \
        "china counties: the table of regions is not a table per level, the counties folded"
    # The region roll-up names each region's parent and the province it
    # lies in: docs/OUTPUT.md §2's lines are its lines, 安徽省 with its 16
    # cities and 106 counties are 123 lines, every parent is a region of the
    # roll-up at a coarser level (country 0, province 1, city 2, county 3:
    # 114 counties, as 海南省's and 北京市's, lie in their province) and
    # every top a province.
    "$planc" run "$cnrules" --data "$co2" --rollup region -o "$tmp/cn-region.csv" 2>/dev/null
    awk '/^\*\*Filtering by an ancestor/ { f = 1; next } f == 1 && /^```/ { f = 2; next }
         f == 2 && /^```/ { exit } f == 2 { print }' "$ex/../docs/OUTPUT.md" >"$tmp/doc-region.csv"
    check '[ -s "$tmp/doc-region.csv" ] && [ -z "$(grep -vxFf "$tmp/cn-region.csv" "$tmp/doc-region.csv")" ]' \
        "china counties: docs/OUTPUT.md §2's roll-up lines are not planc's: $(grep -vxFf "$tmp/cn-region.csv" "$tmp/doc-region.csv" | head -2)"
    check '[ "$(awk -F, "\$16 == \"安徽省\"" "$tmp/cn-region.csv" | wc -l)" -eq 123 ]' \
        "china counties: top = 安徽省 keeps $(awk -F, '$16 == "安徽省"' "$tmp/cn-region.csv" | wc -l) lines, expected 123"
    bad=$(awk -F, 'BEGIN { d["country"] = 0; d["province"] = 1; d["city"] = 2; d["county"] = 3 }
        NR > 1 { lv[$1] = $2; par[$1] = $15; top[$1] = $16 }
        END { for (r in par) {
                  if (par[r] == "") { if (lv[r] != "country" || top[r] != "") n++ }
                  else if (!(par[r] in lv) || d[lv[par[r]]] >= d[lv[r]] || lv[top[r]] != "province") n++
              }
              print n + 0 }' "$tmp/cn-region.csv")
    check '[ "$bad" -eq 0 ]' "china counties: $bad regions whose parent is not a coarser region or whose top is not a province"
    # The results' last two columns are each region's parent and top, the
    # roll-up's: 安徽省's 123 regions are the results with top 安徽省.
    bad=$(awk -F, 'NR == FNR { if (FNR > 1) { p[$1] = $15; t[$1] = $16 } next }
        FNR == 1 && $(NF - 1) "," $NF != "parent,top" { bad++ }
        FNR > 1 && ($(NF - 1) != p[$1] || $NF != t[$1]) { bad++ } END { print bad + 0 }' "$tmp/cn-region.csv" "$tmp/cn.csv")
    check '[ "$bad" -eq 0 ] && [ "$(awk -F, '"'"'NR > 1 && $NF == "安徽省" { r[$1] = 1 } END { print length(r) }'"'"' "$tmp/cn.csv")" -eq 123 ]' \
        "china counties: $bad result lines whose parent and top are not the region roll-up's"
fi

# One year's snapshot without a year column (examples/realdata/eu-cities-sdg.plan,
# --data-year 2019): 45 cities, long quoted header names.  Oslo as
# published: renewable energy 98%, PM2.5 10.85657324, no CO2 value.
sdg=$shared/sdg-index-european-cities-2019/cities.csv
if [ -r "$sdg" ]; then
    sdrules=$ex/realdata/eu-cities-sdg.plan
    "$planc" run "$sdrules" --data "$sdg" -o "$tmp/sdg.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 3 ] && grep -q "give the year: --data-year YEAR" "$tmp/err"' "sdg: without --data-year: exit $rc"
    "$planc" run "$sdrules" --data "$sdg" --data-year 2019 -o "$tmp/sdg.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]' "sdg: exit $rc: $(head -3 "$tmp/err")"
    # 45 cities x (6 targets, 5 measures, 3 sections, a total)
    check '[ "$(wc -l <"$tmp/sdg.csv")" -eq 676 ]' "sdg: $(wc -l <"$tmp/sdg.csv") lines, expected 676"
    got=$(awk -F, '$1 == "Oslo" && $3 == "target" { printf "%s=%s:%s ", $4, $8, $9 }' "$tmp/sdg.csv")
    check 'echo "$got" | grep -q "人均碳排放=missing: 可再生能源=met:98 PM25上限=met:10.85657324 "' "sdg: Oslo: $got"
    # The SDSN's dashboard colours read through the text map 仪表盘
    # (green 4, yellow 3, orange 2, red 1, gray missing): by hand (Python,
    # on the file's cells) 271 of the 45 x 15 goal colours are yellow or
    # green; SDG13 is red in 31 cities and gray in 14; Oslo's SDG6 and
    # SDG13 are gray, its SDG11 and SDG9 orange, its CO2 rating empty.
    dash=$ex/realdata/eu-cities-dashboard.plan
    "$planc" run "$dash" --data "$sdg" --data-year 2019 -o "$tmp/dash.csv" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 0 ] && [ ! -s "$tmp/err" ]' "dashboard: exit $rc: $(head -3 "$tmp/err")"
    "$planc" run "$dash" --data "$sdg" --data-year 2019 --engine interp -o "$tmp/dash-interp.csv" 2>/dev/null
    check 'cmp -s "$tmp/dash.csv" "$tmp/dash-interp.csv"' "dashboard: the JIT and the interpreter differ"
    # 45 cities x (17 targets, 3 measures, 3 sections, a total), the header
    check '[ "$(wc -l <"$tmp/dash.csv")" -eq 1081 ]' "dashboard: $(wc -l <"$tmp/dash.csv") lines, expected 1081"
    got=$(awk -F, '$3 == "target" && $4 ~ /^SDG/ && $8 == "met"' "$tmp/dash.csv" | wc -l)
    check '[ "$got" -eq 271 ]' "dashboard: $got goals met, expected 271"
    got=$(awk -F, '$3 == "target" && $4 == "SDG13" { print $8 }' "$tmp/dash.csv" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')
    check '[ "$got" = " 31 failed  14 missing " ]' "dashboard: SDG13: $got"
    got=$(awk -F, '$1 == "Oslo" && $3 == "target" { printf "%s=%s:%s ", $4, $8, $9 }' "$tmp/dash.csv")
    check 'echo "$got" | grep -q "SDG6=missing: .*SDG11=failed:2 SDG12=met:3 SDG13=missing: .*碳排放评级=missing: SDG9=failed:2 "' \
        "dashboard: Oslo: $got"
    # A colour the map lacks is a data error at its line, naming the column
    # and the map (the file's first city, Oslo, written 'grey')
    awk 'NR == 2 { sub(/,gray,/, ",grey,") } { print }' "$sdg" >"$tmp/grey.csv"
    "$planc" run "$dash" --data "$tmp/grey.csv" --data-year 2019 -o "$tmp/grey.out" 2>"$tmp/err"; rc=$?
    check '[ $rc -eq 3 ] && grep -q "grey.csv:2: error: column .Dashboard SDG[0-9]*.: .grey. is neither a number nor a text of map .仪表盘." "$tmp/err" && [ ! -e "$tmp/grey.out" ]' \
        "dashboard: a colour not in the map: exit $rc: $(head -3 "$tmp/err")"
else
    echo "realdata.sh: $sdg is absent: the SDG snapshot checks are skipped"
fi

echo "realdata.sh: $((n - fails))/$n checks passed"
[ "$fails" -eq 0 ]
