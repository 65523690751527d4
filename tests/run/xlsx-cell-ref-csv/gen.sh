# xlsx-cell-ref's data as CSV: its messages name no cell (a CSV file's
# lines are no spreadsheet's rows for sure)
cp "$CASE/../../xlsx/rules.plan" .
