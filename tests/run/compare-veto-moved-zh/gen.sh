# the two recorded runs of compare-veto-moved (its gen.sh says what they are)
. "$CASE/../compare-veto-moved/gen.sh"
