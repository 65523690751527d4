# a workbook whose sheet has a title row above the header (表1 …, the
# other cells of row 1 empty), as a bureau's copy of a yearbook table has
cp "$CASE/../../xlsx/rules.plan" . && printf '%s\n' '表1 各市主要指标' 'city,year,coastal_good_ratio,farmland_mu,water_saving_city' '鞍山,2024,90,610000,是' > title.csv && python3 "$CASE/../../xlsx/mkxlsx.py" csv title.csv data.xlsx --sheet 报表
