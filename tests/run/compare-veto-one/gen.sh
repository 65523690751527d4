# h.db: two runs of a city whose total is 66.67 in both, below the last
# band's 80: in the first (2025, its deadline) its greening target fails and no red line, in
# the second the farmland red line fails, a veto.  The grade is 不合格 in
# both and the total the same, yet the second is vetoed and the first
# not, so compare lists the total under grades with the vetoed line
# (docs/OUTPUT.md).  (compare-veto-one-json and -zh source this.)
export SOURCE_DATE_EPOCH=1735689600
d=$CASE/../compare-veto-one
[ -f rules.plan ] || cp "$d/rules.plan" "$d/before.csv" "$d/after.csv" .
"$PLANC" run --engine interp rules.plan --data before.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data after.csv --store h.db -o /dev/null
