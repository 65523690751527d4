# a sheet named but for the case of its letters (#SHEET1): found, as Excel
# finds it, and named in messages as the workbook names it (Sheet1)
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture error-cell data.xlsx
