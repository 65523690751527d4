# a workbook cut short (a transfer that stopped): its first half
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture cells full.xlsx
head -c $(($(wc -c < full.xlsx) / 2)) full.xlsx > data.xlsx && rm full.xlsx
