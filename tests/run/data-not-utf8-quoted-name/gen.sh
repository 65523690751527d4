# A GBK file whose name holds a ' (it's.csv): the iconv command of the
# note quotes the name for the shell ('it'\''s.csv'), so it can be pasted.
cp "$CASE/../data-not-utf8/data.csv" "$CASE/../data-not-utf8/rules.plan" .
mv data.csv "it's.csv"
