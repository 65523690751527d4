# h.db: two runs; in the second, 甲市 did not report in 2024 (yes → no:
# a status change) and 乙市's project, not built, is recorded as built
# in 2023 (the baseline year, where the target is not_applicable: a
# value change alone).
export SOURCE_DATE_EPOCH=1735689600
printf 'region,year,report,built\n甲市,2023,yes,no\n甲市,2024,yes,no\n乙市,2023,yes,no\n乙市,2024,yes,yes\n' > a.csv
printf 'region,year,report,built\n甲市,2023,yes,no\n甲市,2024,no,no\n乙市,2023,yes,yes\n乙市,2024,yes,yes\n' > b.csv
"$PLANC" run --engine interp rules.plan --data a.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data b.csv --store h.db -o /dev/null
