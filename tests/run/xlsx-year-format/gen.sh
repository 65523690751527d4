# a year column of dates formatted to show the year alone ("yyyy",
# "yyyy年", an ISO date cell under "YYYY"): each reads as the year it shows
# (tests/xlsx.sh §1b: the scores are the CSV's of the years typed)
cp "$CASE/../../xlsx/rules.plan" . && python3 "$CASE/../../xlsx/mkxlsx.py" fixture year-format data.xlsx
