# the blank workbook under --lang zh: its sheets 数据 and 说明, the first read
set -e
cp "$CASE/../../xlsx/rules.plan" .
"$PLANC" template rules.plan --years 2024-2025 -o blank.xlsx --lang zh
