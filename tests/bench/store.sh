#!/bin/sh
# store.sh — the results history at scale (docs/PERFORMANCE.md, "The
# results history at scale"): generates a rule set and its data
# (planc-bench gen PRESET ROWS), records two runs of it into a new database
# with `planc run --store` (the first into a new database, the second into
# one that exists: WAL mode) and a third with --store-rows totals, and
# prints for each its CPU time and peak RSS (/usr/bin/time -v), the size of
# the database after it, and the largest the journal beside it grew
# (DB-wal, DB-journal or the new database's journal, polled every 0.2 s).
#   sh tests/bench/store.sh BUILD PRESET ROWS [WORKDIR]
# e.g. sh tests/bench/store.sh build e2e 5000000 /tmp/store-bench
set -u
build=$1; preset=$2; rows=$3; work=${4:-$(mktemp -d)}
mkdir -p "$work"
planc=$build/planc
[ -x "$build/planc-bench" ] || { echo "store.sh: build planc-bench first (cmake --build $build --target planc-bench)"; exit 2; }
rules=$work/$preset-$rows.plan data=$work/$preset-$rows.csv db=$work/h.db
[ -f "$data" ] || "$build/planc-bench" gen "$preset" "$rows" "$rules" "$data" >/dev/null || exit 1
rm -f "$db" "$db"-*
# measure LABEL [ARGS]: one `planc run --store $db`
measure() {
    label=$1; shift
    ( while :; do
        for f in "$db-wal" "$db-journal" "$work"/.h.db.*-journal; do
            [ -f "$f" ] && stat -c %s "$f" 2>/dev/null
        done
        sleep 0.2
      done ) >"$work/poll" &
    poller=$!
    /usr/bin/time -v "$planc" run "$rules" --data "$data" --store "$db" -o /dev/null "$@" \
        >/dev/null 2>"$work/time"
    rc=$?
    kill $poller
    t() { grep "$1" "$work/time" | awk '{print $NF}'; }
    echo "$label: exit $rc, user $(t 'User time') s, sys $(t 'System time') s," \
         "peak RSS $(t 'Maximum resident') KB, database $(stat -c %s "$db") bytes," \
         "journal peak $(sort -n "$work/poll" | tail -1) bytes"
}
measure "first run (new database)"
measure "second run (WAL)"
measure "third run, --store-rows totals" --store-rows totals
/usr/bin/time -f "without --store: user %U s, sys %S s, peak RSS %M KB" \
    "$planc" run "$rules" --data "$data" -o /dev/null
"$planc" history "$db" | cut -c1-60
rm -f "$db" "$db"-*
