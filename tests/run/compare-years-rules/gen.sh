# the two recorded runs of compare-region (its gen.sh says what they
# are): runs of other rules, the later renaming a region (甲一 → 丙一)
# and dropping one (乙二); with --year and --against-year compare says
# the rules changed and pairs the renamed region's rows as it does for
# the same year.
. "$CASE/../compare-region/gen.sh"
