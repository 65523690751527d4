# compare-ind-rename's history, compared in Chinese.
. "$CASE/../compare-ind-rename/gen.sh"
