# data-fraction-percent's rules on a header without rows, with a Chinese
# page: the warning that there is nothing to score in Chinese
cp "$CASE/../data-fraction-percent/rules.plan" .
head -1 "$CASE/../data-fraction-percent/data.csv" > data.csv
