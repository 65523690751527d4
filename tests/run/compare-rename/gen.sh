# h.db: a run of tests/run/adapt-rename's base, then one of its adaptation
# that renames two targets (and makes one stricter), on the same data
# (the files copied, so that the paths the history records are the same
# wherever the case runs).  compare pairs each renamed target's rows by
# the renames the second run recorded: no row is only in one run.
export SOURCE_DATE_EPOCH=1735689600
cp "$CASE/../adapt-rename/base.plan" "$CASE/../adapt-rename/ext-stricter.plan" \
   "$CASE/../adapt-rename/data.csv" .
"$PLANC" run --engine interp base.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp ext-stricter.plan --data data.csv --store h.db -o /dev/null
