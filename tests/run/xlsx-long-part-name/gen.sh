# a workbook with two extra parts whose names are longer than 1 KiB and
# alike in their first 1,100 bytes: read as any workbook (a name of
# 1,024 bytes or more was read past its buffer, and names cut short
# would be taken for two parts of one name)
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture long-part-name data.xlsx
