# h.db: two runs of a city with two red lines, each a veto target; in
# the second run's data both fail, so the veto that holds the grade to
# the last band names both (the `vetoes` column joins them with ';',
# compare's JSON lists them).
# (the files from this case's directory: compare-veto-two sources this)
export SOURCE_DATE_EPOCH=1735689600
d=$CASE/../compare-veto-json-two
[ -f rules.plan ] || cp "$d/rules.plan" "$d/before.csv" "$d/after.csv" .
"$PLANC" run --engine interp rules.plan --data before.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data after.csv --store h.db -o /dev/null
