# data-absent-columns-zero's rules and data with a Chinese page: the note
# that `missing zero` counts the absent columns' targets as 0 in Chinese
cp "$CASE/../../../examples/carbon-peak/rules.plan" rules.plan
cp "$CASE/../data-absent-columns-zero/data.csv" data.csv
