# h.db: two runs of the quickstart, the second with 阜新's 2024 farmland
# corrected (590000 → 700000 亩: its red line 耕地红线, a veto target,
# holds); compared from the second to the first, the grade falls to the
# last band, and compare says the veto did it, not the total alone
# (compare-en has the veto lifted, the other way).
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" "$q/data.csv" .
sed -e 's/^阜新,2024,\([^,]*\),\([^,]*\),590000,/阜新,2024,\1,\2,700000,/' data.csv > fixed.csv
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data fixed.csv --store h.db -o /dev/null
