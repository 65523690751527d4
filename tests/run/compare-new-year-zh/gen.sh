# the two recorded runs of compare-new-year (its gen.sh says what they
# are), compared the other way round: the year 2025 is only in run 2,
# the first of the comparison
. "$CASE/../compare-new-year/gen.sh"
