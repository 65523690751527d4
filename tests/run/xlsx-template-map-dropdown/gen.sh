# xlsx-template-map-dropdown: the blank workbook (--lang zh, whose yes/no
# words differ; a map's texts do not) filled in with its map column's
# drop-down words, the first (绿) for 甲 and the last (红) for 乙
set -e
cp "$CASE/rules.plan" .
"$PLANC" template rules.plan --years 2024 --lang zh -o blank.xlsx
python3 "$CASE/../../xlsx/mkxlsx.py" dropdown blank.xlsx 水质 >words
[ "$(cat words | tr '\n' ' ')" = "绿 黄 红 " ]
first=$(sed -n 1p words); last=$(sed -n 3p words)
cat >values.csv <<EOT
地区,年份,水质
甲,2024,$first
乙,2024,$last
EOT
python3 "$CASE/../../xlsx/mkxlsx.py" fill blank.xlsx data.xlsx values.csv
