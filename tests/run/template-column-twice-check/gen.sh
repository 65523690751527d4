# template --check of the blank file of rules reading a column twice
# (template-column-twice): each column is needed once, its empty cells
# noted once
set -e
cp "$CASE/../template-column-twice/rules.plan" .
"$PLANC" template rules.plan --years 2024 -o blank.csv
