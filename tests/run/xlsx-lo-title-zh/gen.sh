# the city's sheet with a title merged across the columns above its header,
# as LibreOffice Calc saved it (tests/xlsx/lo-fixtures.py): no header in row
# 1, an error; the note on the title is a workbook's
cp "$CASE/../../../examples/quickstart/rules.plan" . && cp "$CASE/../../xlsx/lo/title.xlsx" data.xlsx
