# compare-whole's two runs, compared in Chinese
. "$CASE/../compare-whole/gen.sh"
