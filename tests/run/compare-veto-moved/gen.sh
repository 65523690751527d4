# h.db: two runs of a city with two red lines, each a veto target (the
# rules of compare-veto-json-two); the farmland red line fails in the
# first run's data, the water one in the second's: the grade is the last
# band in both and the total the same, yet the veto targets that hold it
# there changed, so compare lists the total under grades.
# (the files from this case's directory: compare-veto-moved-zh and -json
# source this)
export SOURCE_DATE_EPOCH=1735689600
d=$CASE/../compare-veto-moved
[ -f rules.plan ] || cp "$CASE/../compare-veto-json-two/rules.plan" .
[ -f before.csv ] || cp "$d/before.csv" "$d/after.csv" .
"$PLANC" run --engine interp rules.plan --data before.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data after.csv --store h.db -o /dev/null
