# the recorded runs of compare-audit-rules (its gen.sh says what they
# are): rules.plan changed between them, listed by its two hashes
. "$CASE/../compare-audit-rules/gen.sh"
