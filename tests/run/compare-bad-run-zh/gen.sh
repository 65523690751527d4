# the two recorded runs of compare-en
. "$CASE/../compare-en/gen.sh"
