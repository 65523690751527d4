# h.db: one data file scored twice by the same rules, read with two
# readings: the second takes its PM2.5 column in μg/m^3, not mg/m^3, so
# every number changes while the rules' and the data's hashes stay (a
# reading is named, not hashed).  compare says the data was named
# otherwise, with each reading; it said "data: same" alone.
export SOURCE_DATE_EPOCH=1735689600
cp "$CASE/../data-many-read-with-rounding/rules.plan" "$CASE/../data-many-read-with-rounding/reading.plan" \
   "$CASE/../data-many-read-with-rounding/bureau.csv" .
sed 's#in mg/m^3#in μg/m^3#' reading.plan > reading-ug.plan
"$PLANC" run --engine interp rules.plan --data bureau.csv --read-with reading.plan --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data bureau.csv --read-with reading-ug.plan --store h.db -o /dev/null
