# the workbook (tests/xlsx/mkxlsx.py) and the rules it is read by
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture date-past-9999 data.xlsx
