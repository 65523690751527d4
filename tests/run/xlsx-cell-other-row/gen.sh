# a cell whose reference names another row than the <row> it is in (row
# 2's third cell written r="C5"): the workbook is damaged, said at the row
# with the cell (LibreOffice and Gnumeric put it in row 5; DATA.md)
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture cell-other-row data.xlsx
