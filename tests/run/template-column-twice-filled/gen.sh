# planc template's blank file of rules reading a column twice (two
# indicators of x, two aggregates of pm: template-column-twice), filled in
# (tests/xlsx/mkxlsx.py fill) and run with --warnings-as-errors: each
# column is in the header once, so planc run reads every cell filled in
# (a header naming x twice was a warning, the second x unread, and the
# run refused its own template); xlsx-template-column-twice is the same
# with the blank workbook
set -e
cp "$CASE/../template-column-twice/rules.plan" .
"$PLANC" template rules.plan --years 2024 -o blank.csv
python3 "$CASE/../../xlsx/mkxlsx.py" fill blank.csv data.csv values.csv
