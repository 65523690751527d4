# a CSV file and a workbook read together: 大连's row in both (the numbers
# agree: one row), 沈阳's and 鞍山's in the workbook only
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture cells data.xlsx
printf 'city,year,coastal_good_ratio,farmland_mu,water_saving_city\n大连,2024,93,590000,yes\n' > data.csv
