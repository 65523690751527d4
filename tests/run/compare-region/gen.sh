# h.db: a run of tests/run/adapt-region's base on its data, then one of
# its adaptation (甲一 renamed 丙一, 乙一 moved to 甲省, 乙二 dropped) on
# the adaptation's data (the files copied, so that the paths the history
# records are the same wherever the case runs).  compare pairs 甲一's rows
# with 丙一's by the rename the second run recorded; 乙二's are only in
# run 1, and 甲省's total changes with 乙一 counted in it.
export SOURCE_DATE_EPOCH=1735689600
cp "$CASE/../adapt-region/base.plan" "$CASE/../adapt-region/ext.plan" \
   "$CASE/../adapt-region/data.csv" "$CASE/../adapt-region/data-base.csv" .
"$PLANC" run --engine interp base.plan --data data-base.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp ext.plan --data data.csv --store h.db -o /dev/null
