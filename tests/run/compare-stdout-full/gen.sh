# h.db: two runs (as tests/run/compare-rename makes it); history and
# compare written to a full disk: an error that says so, exit 2.
export SOURCE_DATE_EPOCH=1735689600
cp "$CASE/../adapt-rename/base.plan" "$CASE/../adapt-rename/ext-stricter.plan" \
   "$CASE/../adapt-rename/data.csv" .
"$PLANC" run --engine interp base.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp ext-stricter.plan --data data.csv --store h.db -o /dev/null
