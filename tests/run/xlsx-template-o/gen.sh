# planc template -o NAME.xlsx writes the blank workbook; the case checks it
# as the CSV's check reads (template-check-* of blank.csv say the same)
set -e
cp "$CASE/../../xlsx/rules.plan" .
"$PLANC" template rules.plan --years 2024-2025 -o blank.xlsx
