# the recorded runs of compare-audit (its gen.sh says what they are):
# run 1 kept no absent columns (null), run 2 lacked pm25
. "$CASE/../compare-audit/gen.sh"
