# two workbooks giving one region and year different numbers: the error
# names the cell in each (cell D5 of this file, cell C2 of the earlier);
# the same files as CSV (data-many-disagree) name lines alone
D="$CASE/../data-many-disagree" M="$CASE/../../xlsx/mkxlsx.py"
cp "$CASE/../data-many/rules.plan" "$CASE/../data-many/jia.csv" "$CASE/../data-many/yi.csv" . &&
    python3 "$M" csv "$D/yi-province.csv" yi-province.xlsx && python3 "$M" csv "$D/national.csv" national.xlsx
