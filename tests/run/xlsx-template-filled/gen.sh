# the round trip: the blank workbook of planc template filled in (as an
# official would in Excel: tests/xlsx/mkxlsx.py fill puts values.csv's
# cells into its empty cells) and run; xlsx-template-filled-csv is the
# same with the blank CSV, and prints the same but for the file's name
set -e
cp "$CASE/../../xlsx/rules.plan" .
"$PLANC" template rules.plan --years 2024-2025 -o blank.xlsx
python3 "$CASE/../../xlsx/mkxlsx.py" fill blank.xlsx data.xlsx values.csv
