# the year typed into a cell formatted "yyyy" (2024, a date in 1905, shown
# 1905): malformed, with the note on a year typed into a date cell, never
# read silently as 1905
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture year-format-typed data.xlsx
