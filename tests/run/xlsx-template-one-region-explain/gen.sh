# one city's blank workbook (planc template --region 甲一), filled in and
# read alone: the province's own column (co2) it lacks is missing cells,
# with a warning and a note that the other regions' files are absent, not
# an error (tests/run/data-one-region-alone: the same as CSV)
cp "$CASE/../data-many/rules.plan" . && "$PLANC" template rules.plan --region 甲一 --years 2023 -o blank.xlsx &&
    python3 "$CASE/../../xlsx/mkxlsx.py" fill blank.xlsx data.xlsx "$CASE/source.csv"
