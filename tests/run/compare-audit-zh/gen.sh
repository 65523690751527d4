# the three recorded runs of compare-audit (its gen.sh says what they are)
. "$CASE/../compare-audit/gen.sh"
