# a data error about one cell of a workbook names the cell as Excel shows
# it (cell C2), before the column's name; the same data as CSV
# (xlsx-cell-ref-csv) names none
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" csv data.csv data.xlsx
