# a cell a unit conversion carries out of range, in a file whose rows an
# aggregate combines (column v's sum): a row of one record names its cell
# (乙's w, cell D4); the row of two records (甲's) none, which cell gave
# column w's number being a matter of which came first
python3 "$CASE/../../xlsx/mkxlsx.py" csv data.csv data.xlsx
