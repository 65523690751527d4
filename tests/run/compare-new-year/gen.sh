# h.db: two runs of the quickstart (its files copied, so that the paths
# the history records are the same wherever the case runs); the first
# without the year 2025, the second with it: a data revision that adds a
# year.  compare says it in one line: how many rows of how many regions,
# the first regions' names, and that run 1 has no row of that year (not
# the first 20 of its rows, which would be one region's items).
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" "$q/data.csv" .
sed -e '/^[^,]*,2025,/d' data.csv > upto2024.csv
"$PLANC" run --engine interp rules.plan --data upto2024.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null
