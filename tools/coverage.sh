#!/bin/sh
# tools/coverage.sh BUILD_DIR [--report-only]
#
# Which lines of planc's own sources the whole test suite runs: a Debug
# build with gcc's --coverage in BUILD_DIR, the suite (ctest) run in it,
# then gcov over the objects of planc's libraries and programs (not the
# tests' own programs).  Prints one line per source file, the least
# covered first, and the total; writes the same to BUILD_DIR/coverage.txt.
# A failing test does not stop the report (it covers what ran), but the
# exit code is ctest's.  --report-only skips the build and the run and
# reports the counters BUILD_DIR holds (after tests run there by hand).
#
# Only gcov is needed (it comes with gcc); `make coverage` runs this.
set -eu

B=${1:?usage: tools/coverage.sh BUILD_DIR [--report-only]}
JOBS=${JOBS:-2}
rc=0
if [ "${2:-}" != "--report-only" ]; then
    cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS=--coverage \
        -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage >/dev/null
    cmake --build "$B" -j "$JOBS" -- --no-print-directory -s
    # counters of an earlier run would add to this one's
    find "$B" -name '*.gcda' -exec rm -f {} +
    (cd "$B" && ctest -j "$JOBS" --output-on-failure >ctest.log 2>&1) || rc=$?
    [ "$rc" -eq 0 ] || echo "coverage: some tests failed (see $B/ctest.log); the report covers what ran" >&2
fi

src=$(cd "$(dirname "$0")/.." && pwd)
# gcov -n prints, for each object, "File 'PATH'" then "Lines executed:P% of N"
# for it and for each header it includes; a source built into two objects
# (a library and a program) is counted by the object that ran more of it.
find "$B/CMakeFiles" -path '*/planc*.dir/*' -name '*.gcno' | sort | while read -r gcno; do
    (cd "$(dirname "$gcno")" && gcov -n "$(basename "$gcno" .gcno).gcda" 2>/dev/null) || true
done | awk -v src="$src/" '
    /^File / { f = $2; gsub(/\047/, "", f); next }
    /^Lines executed:/ {
        if (f == "" || index(f, src) != 1) { f = ""; next }
        rel = substr(f, length(src) + 1)
        if (rel ~ /^(build|tests)\// || rel ~ /\.h$/) { f = ""; next }
        split($0, a, /[:% ]+/)
        pct = a[3]; n = a[5]
        ran = int(pct * n / 100 + 0.5)
        if (!(rel in total) || ran > run[rel]) { total[rel] = n; run[rel] = ran }
        f = ""
    }
    END {
        for (r in total) {
            printf "%6.1f%% %6d of %6d  %s\n", total[r] ? 100 * run[r] / total[r] : 100, run[r], total[r], r
            T += total[r]; R += run[r]
        }
        printf "%6.1f%% %6d of %6d  (all %d files)\n", T ? 100 * R / T : 0, R, T, length(total) > "/dev/stderr"
    }' 2>"$B/coverage.total" | sort -n >"$B/coverage.txt"
cat "$B/coverage.txt" "$B/coverage.total"
cat "$B/coverage.total" >>"$B/coverage.txt"
rm -f "$B/coverage.total"
exit "$rc"
