# h.db: two runs of the quickstart rules on four regions' rows (the files
# copied, so that the paths the history records are the same wherever
# the case runs); 大连 has no 2024 row, so its 2023 rows have no row to
# pair with.  In the second run 阜新's 2024 farmland is corrected
# (590000 → 700000 亩).  The compare-years cases set one year's rows
# beside another's: of run 1 (2023 → 2024), and run 1's 2023 against
# run 2's 2024.
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" .
grep -E '^(region|示例省|沈阳|大连|阜新),' "$q/data.csv" | sed -e '/^大连,2024,/d' > data.csv
sed -e 's/^阜新,2024,\([^,]*\),\([^,]*\),590000,/阜新,2024,\1,\2,700000,/' data.csv > fixed.csv
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null 2>/dev/null &&
"$PLANC" run --engine interp rules.plan --data fixed.csv --store h.db -o /dev/null 2>/dev/null
