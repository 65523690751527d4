# data-fraction-percent's rules and data (a column in % holding fractions),
# with a Chinese page: the warning and its hint in Chinese
cp "$CASE/../data-fraction-percent/rules.plan" "$CASE/../data-fraction-percent/data.csv" .
