# h.db: two runs of the quickstart (its files copied, so that the paths
# the history records are the same wherever the case runs); between them
# the PM2.5 goal was eased (<= 35 → <= 38).  compare says only that
# rules.plan changed, by hash; the history keeps each run's rules files,
# so an auditor writes them out (python3 here; sqlite3's writefile() in
# docs/OUTPUT.md §5), checks them against the recorded manifest with
# sha256sum, and runs planc diff on them to see what changed.
export SOURCE_DATE_EPOCH=1735689600
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" "$q/data.csv" .
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
sed -i "s/PM25浓度 <= 35 \\[/PM25浓度 <= 38 [/" rules.plan &&
"$PLANC" run --engine interp rules.plan --data data.csv --store h.db -o /dev/null &&
python3 -c "import os, sqlite3, sys
db = sqlite3.connect('h.db')
for run, name, text in db.execute('SELECT run, name, text FROM rules_texts ORDER BY run, seq'):
    path = os.path.join('r%d' % run, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, 'wb').write(text)
for run, manifest, rules_sha256 in db.execute('SELECT id, rules_files, rules_sha256 FROM runs'):
    os.chdir('r%d' % run)
    got = os.popen('sha256sum ' + ' '.join(l[66:] for l in manifest.splitlines())).read()
    if got != manifest:
        sys.exit('run %d: the rules written out are not those recorded' % run)
    os.chdir('..')"
