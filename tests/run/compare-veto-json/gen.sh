# the two recorded runs of compare-veto (its gen.sh says what they are)
. "$CASE/../compare-veto/gen.sh"
