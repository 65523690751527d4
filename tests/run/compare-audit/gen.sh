# h.db: three runs of the quickstart's rules (copied, so that the paths
# the history records are the same wherever the case runs) on 示例省's
# and 沈阳's rows of its data (a short compare): the first on every
# column, then made (by python3) what planc 0.10.0 recorded, a run that
# kept no absent columns; the second on the data without its pm25
# column, read with --allow-missing-columns; the third on no indicator
# column at all.  An auditor's compare says that another planc scored
# the first, that its absent columns are unknown while the second lacked
# pm25, and (compare-audit-zh) which columns the third lacked: the first
# five, then how many more.
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" .
grep -e '^region,' -e '^示例省,' -e '^沈阳,' "$q/data.csv" > data.csv
cut -d, -f1-3,5- data.csv > nopm25.csv
cut -d, -f1-2 data.csv > bare.csv
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data nopm25.csv --store h.db -o /dev/null \
    --allow-missing-columns 2>/dev/null &&
"$PLANC" run --engine interp rules.plan --data bare.csv --store h.db -o /dev/null \
    --allow-missing-columns 2>/dev/null &&
python3 -c "import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute(\"UPDATE runs SET planc_version = '0.10.0', records_absent = 0 WHERE id = 1\")
db.commit()" h.db
