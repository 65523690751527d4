# the blank workbook's yes/no column has a drop-down of the words planc
# run reads (yes, no; 是, 否 under --lang zh: xlsx-template-dropdown-zh,
# which prints the same); filled in with those words (tests/xlsx/mkxlsx.py
# dropdown reads them from the workbook, fill puts them in as an official
# picks them), and with NA in a number column, the workbook, its checks
# kept, reads as the CSV of those cells would
set -e
cp "$CASE/../../xlsx/rules.plan" .
"$PLANC" template rules.plan --years 2024-2025 ${LANG_OPT:-} -o blank.xlsx
python3 "$CASE/../../xlsx/mkxlsx.py" dropdown blank.xlsx water_saving_city >words
yes=$(sed -n 1p words); no=$(sed -n 2p words)
[ "$(wc -l <words)" -eq 2 ]
cat >values.csv <<EOT
city,year,coastal_good_ratio,farmland_mu,water_saving_city
辽宁省,2024,91.5,650000,
辽宁省,2025,92.4,661000,
沈阳,2024,88,200000,$yes
沈阳,2025,93.5,210000,$yes
大连,2024,95,150000,$no
大连,2025,NA,150500,$yes
鞍山,2024,90.25,98000,$no
鞍山,2025,92,97000,$no
EOT
python3 "$CASE/../../xlsx/mkxlsx.py" fill blank.xlsx data.xlsx values.csv
