# the round trip: the blank workbook of planc template filled in (as an
# official would in Excel: tests/xlsx/mkxlsx.py fill puts values.csv's
# cells into its empty cells) and run; xlsx-template-filled is the
# same with the blank CSV, and prints the same but for the file's name
set -e
cp "$CASE/../../xlsx/rules.plan" "$CASE/../xlsx-template-filled/values.csv" .
"$PLANC" template rules.plan --years 2024-2025 -o blank.csv
python3 "$CASE/../../xlsx/mkxlsx.py" fill blank.csv data.csv values.csv
