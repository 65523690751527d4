# a workbook whose zip archive holds two parts named
# xl/worksheets/sheet1.xml: malformed, said so (not the first read
# silently, as minizip would locate it)
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture dup-part data.xlsx
