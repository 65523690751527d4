# h.db: two runs of the quickstart (its files copied, so that the paths
# the history records are the same wherever the case runs); in the
# second, 阜新's 2024 farmland is corrected (590000 → 700000 亩: the red
# line holds, the grade rises),
# 沈阳's 2025 PM2.5 is corrected (28.8 → 27: the same status and score),
# 大连's 2025 row is left out, and the data is read with --na -; compare
# then has a grade, a status, scores, a value, the rows of one run only
# and the data options to report.
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" "$q/data.csv" .
sed -e 's/^阜新,2024,\([^,]*\),\([^,]*\),590000,/阜新,2024,\1,\2,700000,/' \
    -e 's/^沈阳,2025,88.1,28.8,/沈阳,2025,88.1,27,/' -e '/^大连,2025,/d' data.csv > fixed.csv
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data fixed.csv --store h.db -o /dev/null --na -
