# the recorded runs of compare-years (its gen.sh says what they are)
. "$CASE/../compare-years/gen.sh"
