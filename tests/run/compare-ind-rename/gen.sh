# h.db: a run of tests/run/adapt-ind-rename's base, then one of its
# adaptation that renames two indicators (one read from another column),
# makes the target named after PM25 stricter and renames another target,
# on the same data (the files copied, so that the paths the history
# records are the same wherever the case runs).  An indicator's rename
# leaves the targets' names as they were (the target named after PM25
# keeps the name), so compare pairs every row: none is only in one run.
export SOURCE_DATE_EPOCH=1735689600
cp "$CASE/../adapt-ind-rename/base.plan" "$CASE/../adapt-ind-rename/ext-stricter.plan" \
   "$CASE/../adapt-ind-rename/data.csv" "$CASE/../adapt-ind-rename/data-pm2_5.csv" .
"$PLANC" run --engine interp base.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp ext-stricter.plan --data data-pm2_5.csv --store h.db -o /dev/null
