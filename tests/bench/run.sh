#!/bin/sh
# run.sh — the planc benchmark behind `make bench` (docs/PERFORMANCE.md).
#
#   sh tests/bench/run.sh BUILD [--quick]
#
# BUILD is a build directory holding `planc` and `planc-bench` (built with
# -DCMAKE_BUILD_TYPE=Release).  Every measurement lands as a "KEY VALUE"
# line in BUILD/bench/results.txt; the summary (markdown, the tables of
# docs/PERFORMANCE.md) goes to stdout and to BUILD/bench/results.md.
# Progress goes to stderr.  Generated files live in BUILD/bench; the big
# data files are deleted after use.
#
# Part (e) scores the same e2e data with pandas (tests/bench/pandas_e2e.py)
# when a Python with pandas is found, and compares the results.
#
# --quick runs every part at a smaller size (about a minute): for trying
# the benchmark, not for the numbers in docs/PERFORMANCE.md.
#
# What planc's command line can do is detected, not assumed: the JIT engine
# (`planc run --engine jit`), per-phase timings (`planc run --timings`), the
# compile cache (`--no-cache`, PLANC_CACHE_DIR) and threads (`-j N`).
# Whatever is missing is reported as "not available" in the summary.
set -eu

if [ $# -lt 1 ]; then
    echo "usage: sh tests/bench/run.sh BUILD [--quick]" >&2
    exit 2
fi
BUILD=$1
shift
QUICK=0
for a in "$@"; do
    case $a in
    --quick) QUICK=1 ;;
    *) echo "run.sh: unknown option '$a'" >&2; exit 2 ;;
    esac
done

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PLANC=$BUILD/planc
BENCH=$BUILD/planc-bench
for f in "$PLANC" "$BENCH"; do
    if [ ! -x "$f" ]; then
        echo "run.sh: $f is missing; build it first (make bench does)" >&2
        exit 2
    fi
done
WORK=$BUILD/bench
mkdir -p "$WORK"
RES=$WORK/results.txt
: >"$RES"
# planc's compile cache (when it has one) lives here during the run, so the
# benchmark neither reads nor fills the user's cache; removed at the end
export PLANC_CACHE_DIR="$WORK/cache"
rm -rf "$PLANC_CACHE_DIR"

if [ $QUICK = 1 ]; then
    BW_MB=256
    KERNEL_ROWS=20000      # the Liaoning-size rule set
    MEM_ROWS=100000        # the memory-bound rule set
    E2E_SIZES="10000 100000 400000"
    E2E_BUDGET_S=30        # skip an end-to-end size projected to need more CPU seconds
    E2E_REPS=3             # measured runs per size; the least CPU time counts
    PANDAS_MAX=100000      # (e): the largest size also scored with pandas
    T1000_JIT=0
else
    BW_MB=512
    KERNEL_ROWS=100000
    MEM_ROWS=400000
    E2E_SIZES="100000 1000000 4000000"
    E2E_BUDGET_S=150
    E2E_REPS=3
    PANDAS_MAX=1000000
    T1000_JIT=1
fi

say() { printf 'bench: %s\n' "$*" >&2; }
put() { printf '%s %s\n' "$1" "$2" >>"$RES"; }
# Runs planc-bench, keeping its KEY VALUE lines (stdout) in the results.
measure() { "$BENCH" "$@" | tee -a "$RES" | sed 's/^/bench:   /' >&2; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# ---- the machine and planc
put env.mode "$([ $QUICK = 1 ] && echo quick || echo full)"
put env.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
put env.cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
put env.cores "$(nproc)"
put env.mem "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
put env.cc "$(${CC:-cc} --version | head -n 1)"
put env.planc "$("$PLANC" --version)"
put env.load_start "$(loadavg)"

HELP=$("$PLANC" run --help 2>&1 || true)
has() { printf '%s' "$HELP" | grep -q -- "$1"; }
"$BENCH" gen e2e 160 "$WORK/tiny.plan" "$WORK/tiny.csv" >/dev/null
CLI_JIT=0
if has jit && "$PLANC" run "$WORK/tiny.plan" --data "$WORK/tiny.csv" --engine jit >/dev/null 2>&1; then
    CLI_JIT=1
fi
CLI_TIMINGS=0
if has --timings && "$PLANC" run "$WORK/tiny.plan" --data "$WORK/tiny.csv" --timings >/dev/null 2>&1; then
    CLI_TIMINGS=1
fi
CLI_CACHE=0
has --no-cache && CLI_CACHE=1
CLI_THREADS=0
has ' -j' && CLI_THREADS=1
put env.cli_jit $CLI_JIT
put env.cli_timings $CLI_TIMINGS
put env.cli_cache $CLI_CACHE
put env.cli_threads $CLI_THREADS
ENGINE_ARGS=
[ $CLI_JIT = 1 ] && ENGINE_ARGS="--engine jit"
put env.cli_engine "$([ $CLI_JIT = 1 ] && echo jit || echo interp)"
say "planc run: engine jit $CLI_JIT, --timings $CLI_TIMINGS, cache $CLI_CACHE, -j $CLI_THREADS"

# (e) needs Python with pandas (Debian's python3-pandas, which `make bench`
# installs): $PYTHON, else Debian's /usr/bin/python3, else python3.
PY=
for p in ${PYTHON:-} /usr/bin/python3 python3; do
    if "$p" -c 'import pandas' >/dev/null 2>&1; then PY=$p; break; fi
done
if [ -n "$PY" ]; then
    put env.pandas "$("$PY" -c 'import sys, pandas, numpy; print("pandas", pandas.__version__, "numpy", numpy.__version__, "Python", sys.version.split()[0])')"
else
    put cmp.skipped "no Python with pandas (apt-get install python3-pandas)"
fi

# ---- (c) memory bandwidth
say "memory bandwidth over $BW_MB MiB"
measure bandwidth --mb $BW_MB

# ---- (a) compile latency
# Appends every "NAME VALUE ms" of the timing lines `planc run --timings`
# printed to file $1 as "$2.NAME VALUE" (accepting "NAME: 1.2 ms",
# "NAME=1.2ms" and the like, so small changes of format do not break it).
put_timings() {
    awk -v p="$2" '/timing/ {
        for (i = 1; i < NF; i++) {
            k = $i; sub(/[:=]$/, "", k)
            v = $(i + 1); u = $(i + 2)
            if (v ~ /^[0-9.]+ms$/) { u = "ms"; sub(/ms$/, "", v) }
            if (k ~ /^[a-z][a-z_-]*$/ && v ~ /^[0-9.]+$/ && u ~ /^ms/) print p "." k, v
        }
        if ($0 ~ /cache/ && $0 ~ /[( ]hit[) ]?/) print p ".cache_hit 1"
    }' "$1" >>"$RES"
}

# The compile phases of a `planc run --timings` file summed, in ms.
compile_ms() {
    awk '$1 == "timing:" && $2 ~ /^(parse|check|lower|cache|llvm-load|llvm-lower|optimise|codegen|link)$/ { s += $3 }
         END { printf "%.6f\n", s }' "$1"
}

# Times the compilation of rules file $2 as $1: `planc check`; in-process
# with $4 runs (0: the front end only); and, when `planc run --timings` exists,
# twice through the command line (data $3) with a private, empty cache:
# "cold" (a cache miss, the code compiled and stored) and "cached" (a
# later run, which should find it: the least compile time of three, as a
# run on this shared machine is now and then delayed several-fold).
compile_set() {
    name=$1 rules=$2 data=$3 reps=$4
    measure spawn "check-$name" -- "$PLANC" check "$rules"
    if [ "$reps" -gt 0 ]; then
        say "compile $name in-process ($reps runs)"
        measure compile "$name" "$rules" --reps "$reps"
    else
        measure compile "$name" "$rules" --reps 1 --no-jit
    fi
    if [ $CLI_TIMINGS = 1 ]; then
        say "compile $name with planc run --timings (cold, then cached)"
        cache=$WORK/cache-$name
        rm -rf "$cache"
        for run in cold cached1 cached2 cached3; do
            PLANC_CACHE_DIR=$cache "$PLANC" run "$rules" --data "$data" $ENGINE_ARGS --timings \
                >/dev/null 2>"$WORK/timings-$name-$run.txt" || true
        done
        put_timings "$WORK/timings-$name-cold.txt" "cli.$name.cold"
        best=$(for run in cached1 cached2 cached3; do
                   compile_ms "$WORK/timings-$name-$run.txt" | sed "s/\$/ $run/"
               done | sort -g | head -1 | cut -d' ' -f2)
        put_timings "$WORK/timings-$name-$best.txt" "cli.$name.cached"
        rm -rf "$cache"
    fi
}

"$BENCH" gen liaoning 160 "$WORK/liaoning.plan" "$WORK/liaoning.csv" >/dev/null
compile_set liaoning "$WORK/liaoning.plan" "$WORK/liaoning.csv" 5
LIAONING=$ROOT/rules/liaoning/beautiful-liaoning.plan
if [ -f "$LIAONING" ] && "$PLANC" check "$LIAONING" >/dev/null 2>&1; then
    put env.liaoning_file ok
    compile_set liaoning-file "$LIAONING" "$ROOT/examples/liaoning/data.csv" 3
else
    put env.liaoning_file "does not check clean (the generated rule set of its size stands in)"
fi
# The 1,000-target set takes long to compile: once, through the command
# line when it reports timings, else in-process; in --quick mode only
# `planc check`.
"$BENCH" gen t1000 160 "$WORK/t1000.plan" "$WORK/t1000.csv" >/dev/null
if [ $T1000_JIT = 0 ]; then
    measure spawn check-t1000 -- "$PLANC" check "$WORK/t1000.plan"
    measure compile t1000 "$WORK/t1000.plan" --reps 1 --no-jit
elif [ $CLI_TIMINGS = 1 ]; then
    compile_set t1000 "$WORK/t1000.plan" "$WORK/t1000.csv" 0
else
    compile_set t1000 "$WORK/t1000.plan" "$WORK/t1000.csv" 1
fi

# ---- (b), (c) kernels
say "kernel: Liaoning-size rule set, $KERNEL_ROWS rows"
measure kernel liaoning $KERNEL_ROWS --reps 10 --interp-reps 2 --dir "$WORK"
say "kernel: memory-bound rule set, $MEM_ROWS rows"
measure kernel mem $MEM_ROWS --reps 10 --interp-reps 2 --dir "$WORK"

# ---- (d) end to end
put e2e.engine "$([ $CLI_JIT = 1 ] && echo jit || echo interp)"
put e2e.sizes "$E2E_SIZES"
# CPU time (user + sys) the run of $1 rows took, in ms.
cpu_ms() {
    awk -v u="spawn.e2e-$1.user_ms" -v s="spawn.e2e-$1.sys_ms" \
        '$1 == u || $1 == s { t += $2 } END { printf "%d", t }' "$RES"
}
prev_rows=0
CMP_SIZES=
for rows in $E2E_SIZES; do
    if [ $prev_rows -gt 0 ]; then
        projected=$(awk -v t="$(cpu_ms $prev_rows)" -v a=$prev_rows -v b=$rows \
            'BEGIN { printf "%d", t * b / a / 1000 }')
        if [ "$projected" -gt $E2E_BUDGET_S ]; then
            say "end to end: $rows rows skipped (projected ${projected} CPU s > ${E2E_BUDGET_S} s)"
            put "e2e.$rows.skipped" "projected ${projected} CPU s, over the ${E2E_BUDGET_S} s budget"
            continue
        fi
    fi
    say "end to end: $rows rows"
    measure gen e2e "$rows" "$WORK/e2e-$rows.plan" "$WORK/e2e-$rows.csv" --name "e2e-$rows"
    put "e2e.$rows.csv_bytes" "$(wc -c <"$WORK/e2e-$rows.csv" | tr -d ' ')"
    tflag=
    [ $CLI_TIMINGS = 1 ] && tflag=--timings
    # The first run of these rules compiles them (and fills the cache when
    # planc has one); the measured run is the next, an evaluator's usual
    # run of rules already compiled, E2E_REPS times (the one with the least
    # CPU time counts).  Without a cache all compile.
    measure spawn "e2e-$rows-first" -- \
        "$PLANC" run "$WORK/e2e-$rows.plan" --data "$WORK/e2e-$rows.csv" $ENGINE_ARGS
    measure spawn "e2e-$rows" --stderr "$WORK/e2e-$rows.err" --reps $E2E_REPS -- \
        "$PLANC" run "$WORK/e2e-$rows.plan" --data "$WORK/e2e-$rows.csv" $ENGINE_ARGS $tflag
    [ $CLI_TIMINGS = 1 ] && put_timings "$WORK/e2e-$rows.err" "e2e.$rows.t"
    # The same rules on the first 160 rows, as the measured run (from the
    # cache when there is one): the memory the run takes whatever the
    # number of rows (the program, its libraries, the rules compiled by the
    # front end), to tell it from what grows.
    head -n 161 "$WORK/e2e-$rows.csv" >"$WORK/e2e-$rows-head.csv"
    measure spawn "e2e-$rows-fixed" -- \
        "$PLANC" run "$WORK/e2e-$rows.plan" --data "$WORK/e2e-$rows-head.csv" $ENGINE_ARGS
    # (e) the same rules and data scored by pandas (tests/bench/pandas_e2e.py),
    # both writing the results CSV to a file; the outputs are compared
    if [ -n "$PY" ] && [ "$rows" -le $PANDAS_MAX ]; then
        say "against pandas: $rows rows"
        CMP_SIZES="$CMP_SIZES${CMP_SIZES:+ }$rows"
        measure spawn "cmp-planc-$rows" --reps $E2E_REPS -- \
            "$PLANC" run "$WORK/e2e-$rows.plan" --data "$WORK/e2e-$rows.csv" $ENGINE_ARGS \
            -o "$WORK/cmp-planc.csv"
        measure spawn "cmp-pandas-$rows" --reps 2 -- "$PY" "$ROOT/tests/bench/pandas_e2e.py" \
            score "$WORK/e2e-$rows.plan" "$WORK/e2e-$rows.csv" "$WORK/cmp-pandas.csv"
        if "$PY" "$ROOT/tests/bench/pandas_e2e.py" compare "$WORK/cmp-planc.csv" "$WORK/cmp-pandas.csv"; then
            put "cmp.$rows.equal" yes
        else
            put "cmp.$rows.equal" no
        fi
        rm -f "$WORK/cmp-planc.csv" "$WORK/cmp-pandas.csv"
    fi
    prev_rows=$rows
    rm -f "$WORK/e2e-$rows.csv" "$WORK/e2e-$rows-head.csv"
done

put cmp.sizes "$CMP_SIZES"

say "memory bandwidth again (the best of both probes counts)"
measure bandwidth --mb $BW_MB
put env.load_end "$(loadavg)"
rm -rf "$PLANC_CACHE_DIR"
"$BENCH" report "$RES" | tee "$WORK/results.md"
say "results: $RES; summary: $WORK/results.md"
