# h.db: two runs of the quickstart (its files copied, so that the paths
# the history records are the same wherever the case runs); between them
# the PM2.5 goal was eased (<= 35 → <= 38).  compare says only that
# rules.plan changed, by hash; the history keeps each run's rules files,
# so an auditor writes them out with planc restore (which checks them
# against the recorded manifest and hash first) and runs planc diff on
# them to see what changed.
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" "$q/data.csv" .
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
sed -i "s/PM25浓度 <= 35 \\[/PM25浓度 <= 38 [/" rules.plan &&
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" restore h.db 1 r1 >/dev/null &&
"$PLANC" restore h.db 2 r2 >/dev/null
