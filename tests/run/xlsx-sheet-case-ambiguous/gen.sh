# two sheets whose names differ in case only (Excel lets no workbook have
# them; a program may write them): a name matching both but neither as
# written is an error listing the two
cp "$CASE/../../xlsx/rules.plan" . &&
    printf 'city,year,coastal_good_ratio,farmland_mu,water_saving_city\n大连,2024,93,590000,yes\n' >data.csv &&
    python3 "$CASE/../../xlsx/mkxlsx.py" csv data.csv data.xlsx --sheet DATA --before Data
