# h.db: two runs of the quickstart (its files copied, so that the paths
# the history records are the same wherever the case runs): the first on
# data without 2025 (a year the data gained), without 大连 (a region it
# gained) and without 沈阳's and 鞍山's 2023 rows; the second on the whole
# data.  compare says the year and the region in one line each (how many
# rows, which regions, which years); of the 26 other rows, a line per year
# (more than 20), then the first 20 one by one.
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" "$q/data.csv" .
sed -e '/^[^,]*,2025,/d' -e '/^大连,/d' -e '/^沈阳,2023,/d' -e '/^鞍山,2023,/d' data.csv > early.csv
"$PLANC" run --engine interp rules.plan --data early.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null
