# h.db: two runs of the quickstart (its files copied, so that the paths
# the history records are the same wherever the case runs), the second
# on data whose every PM2.5 cell is 1 higher (a change in most regions
# and years); then a leaf page of the results three quarters through
# them, among the second run's rows, is overwritten (python3, with
# SQLite's dbstat table to find it).  compare reads the header and the
# first rows, then meets the damaged page: the error, exit 5, and
# nothing on standard output (planc 0.14.0 left the header, or 32 KB of the
# JSON, there).
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" "$q/data.csv" .
awk -F, -v OFS=, 'NR > 1 && $4 != "" { $4 = $4 + 1 } { print }' data.csv > more.csv
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
"$PLANC" run --engine interp rules.plan --data more.csv --store h.db -o /dev/null &&
python3 -c "import sqlite3, sys
db = sqlite3.connect('h.db')
leaves = [p for (p,) in db.execute(\"SELECT pageno FROM dbstat WHERE name = 'results' AND pagetype = 'leaf' ORDER BY path\")]
size = db.execute('PRAGMA page_size').fetchone()[0]
db.close()
if len(leaves) < 8:
    sys.exit('too few pages of results to damage one in the middle')
with open('h.db', 'r+b') as f:
    f.seek((leaves[len(leaves) * 3 // 4] - 1) * size)
    f.write(b'wwww')"
