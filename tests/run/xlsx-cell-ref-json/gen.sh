# xlsx-cell-ref under --diagnostics json, its sheet named 'a:5' (a ':' no
# Excel writes, a hand-made workbook may): "file" is the sheet's name as it
# is, "line" the row, "cell" the cell's reference
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" csv data.csv data.xlsx --sheet a:5
