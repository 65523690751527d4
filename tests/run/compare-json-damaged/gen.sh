# the damaged h.db of compare-damaged (its gen.sh says how)
. "$CASE/../compare-damaged/gen.sh"
