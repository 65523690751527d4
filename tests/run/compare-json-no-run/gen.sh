# the recorded runs of compare-en (its gen.sh says what they are)
. "$CASE/../compare-en/gen.sh"
