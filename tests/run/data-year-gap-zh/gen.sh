# data-year-gap's rules and data with a Chinese workbook: the warnings in Chinese
cp "$CASE/../data-year-gap/rules.plan" "$CASE/../data-year-gap/data.csv" .
