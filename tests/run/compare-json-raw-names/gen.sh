# h.db: two runs of the quickstart whose data files are named with a tab
# and a line break; compare's JSON gives the names as recorded (its own
# escaping: "\t", "\n"), not the text form's shown escapes ("\\t").
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" .
cp "$q/data.csv" "$(printf 'da\tta.csv')"
cp "$q/data.csv" "$(printf 'new\nline.csv')"
"$PLANC" run --engine interp rules.plan --data "$(printf 'da\tta.csv')" --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data "$(printf 'new\nline.csv')" --store h.db -o /dev/null
