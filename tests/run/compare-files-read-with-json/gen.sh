# the recorded runs of compare-files (its gen.sh says what they are)
. "$CASE/../compare-files/gen.sh"
