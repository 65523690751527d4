# the two recorded runs of compare-veto-json-two (its gen.sh says what they are)
. "$CASE/../compare-veto-json-two/gen.sh"
