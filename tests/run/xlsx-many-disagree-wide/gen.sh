# a.csv and b.csv as workbooks: 甲 2021 is cell C2 of a.xlsx, cell B3 of b.xlsx
M="$CASE/../../xlsx/mkxlsx.py"
python3 "$M" csv a.csv a.xlsx && python3 "$M" csv b.csv b.xlsx
