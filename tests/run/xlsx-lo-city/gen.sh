# a city's data sheet as LibreOffice Calc saved it (tests/xlsx/lo-fixtures.py:
# percentages, formulas, dates, 是/否, an empty row, a merged source line,
# a hidden first sheet), read by the quickstart's rules; tests/xlsx.sh §7
# checks that it scores as its CSV twin, tests/xlsx/lo/city.csv
cp "$CASE/../../../examples/quickstart/rules.plan" . && cp "$CASE/../../xlsx/lo/city.xlsx" data.xlsx
