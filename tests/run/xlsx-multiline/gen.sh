# data-malformed-number's CSV as a workbook: its note of two lines is one
# cell, so each error names the row as Excel numbers it (3, 4, 6), where
# the CSV's lines are one further on
cp "$CASE/../data-malformed-number/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" csv "$CASE/../data-malformed-number/data.csv" data.xlsx
