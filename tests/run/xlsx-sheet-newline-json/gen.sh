# a sheet named with a line break and ':3' ("x\ny:3"): the text shows the
# break as \n, and JSON's "file" holds the name as it is, "line" the row
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" csv data.csv data.xlsx --sheet "$(printf 'x\ny:3')"
