# a CSV file saved under the name .xlsx
cp "$CASE/../../xlsx/rules.plan" . && printf 'city,year,coastal_good_ratio,farmland_mu,water_saving_city\n大连,2024,93,590000,yes\n' > data.xlsx
