# the recorded runs of compare-rename (its gen.sh says what they are)
. "$CASE/../compare-rename/gen.sh"
