# (compare-veto-one's runs)
. "$CASE/../compare-veto-one/gen.sh"
