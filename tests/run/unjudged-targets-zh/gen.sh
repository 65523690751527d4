# unjudged-targets' rules and data (each reason a target goes unjudged),
# with a Chinese page: the warnings in Chinese
cp "$CASE/../unjudged-targets/rules.plan" "$CASE/../unjudged-targets/data.csv" .
