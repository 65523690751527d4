# planc template's blank file of rules reading a column twice (two
# indicators of x, two aggregates of pm: template-column-twice), filled in
# (tests/xlsx/mkxlsx.py fill) and run with --warnings-as-errors: each
# column is in the header once, so planc run reads every cell filled in
# (a header naming x twice was a warning, the second x unread, and the
# run refused its own template); template-column-twice-filled is the same
# with the blank CSV
set -e
cp "$CASE/../template-column-twice/rules.plan" "$CASE/../template-column-twice-filled/values.csv" .
"$PLANC" template rules.plan --years 2024 -o blank.xlsx
python3 "$CASE/../../xlsx/mkxlsx.py" fill blank.xlsx data.xlsx values.csv
