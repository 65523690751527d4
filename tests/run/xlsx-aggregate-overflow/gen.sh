# a sum over a region's rows carried out of range: the error is at the
# record whose cell did it, and names that cell (cell C5); the same data
# as CSV: data-aggregate-disagree
cp "$CASE/../data-aggregate/rules.plan" . &&
    python3 "$CASE/../../xlsx/mkxlsx.py" csv "$CASE/../data-aggregate-disagree/data.csv" data.xlsx
