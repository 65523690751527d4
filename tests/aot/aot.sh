#!/bin/sh
# aot.sh — `planc build` from the command line, and the example program of
# examples/aot/ against `planc run`, byte for byte.
#   aot.sh PLANC SOURCE_DIR [PLANC_DIFFTEST]
# With PLANC_DIFFTEST, a few generated rule sets and data sets (rows in
# random order, gaps, missing cells, huge and tiny values, aliases, quoted
# fields, CRLF) go the same way.
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2; difftest=${3:-}
cc=${CC:-cc}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# expect RC CMD... : runs CMD, checks its exit code.
expect() {
    want=$1; shift; n=$((n + 1))
    "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
    if [ "$rc" -ne "$want" ]; then
        fail "'$*' exited $rc, expected $want"; sed 's/^/  | /' "$tmp/err" | head -8
    fi
}
# contains FILE TEXT : the last command's FILE (out|err) contains TEXT.
contains() {
    n=$((n + 1))
    grep -q -- "$2" "$tmp/$1" || { fail "$1 does not contain '$2'"; sed 's/^/  | /' "$tmp/$1" | head -5; }
}
# same A B : files A and B are byte for byte equal.
same() {
    n=$((n + 1))
    cmp -s "$1" "$2" || { fail "$1 and $2 differ"; diff "$1" "$2" | head -10; }
}

qs=$src/examples/quickstart
ln_rules=$src/rules/liaoning/beautiful-liaoning.plan
ln_data=$src/examples/liaoning/data.csv
example=$src/examples/aot/score.c

# ---- usage, rules and build errors ----
expect 0 "$planc" build --help;               contains out "libNAME.so"
expect 0 "$planc" --help;                     contains out "build RULES"
expect 2 "$planc" build;                      contains err "no rules file"
expect 2 "$planc" build "$qs/rules.plan";     contains err "no output given"
expect 2 "$planc" build "$qs/rules.plan" -o;  contains err "needs a value"
expect 2 "$planc" build "$qs/rules.plan" --bogus -o "$tmp/libx.so"; contains err "unknown option '--bogus'"
expect 2 "$planc" build "$qs/rules.plan" "$qs/rules.plan" -o "$tmp/libx.so"; contains err "one rules file"
expect 2 "$planc" build "$qs/rules.plan" -o "$tmp/libx.so" --cpu pentium; contains err "unknown CPU 'pentium'"
expect 5 "$planc" build "$qs/rules.plan" -o "$tmp/no/such/dir/libx.so"; contains err "cannot write"
expect 1 "$planc" build "$tmp/no-such.plan" -o "$tmp/libx.so"; contains err "no-such.plan"
printf 'plan P { region R baseline 2020 horizon 2030 }\nlevels l\nregion R : l\nindicator x : %%, column "x"\nsection S { measure (1) { target x >= 5 [kg] by 2025 } }\n' >"$tmp/bad.plan"
expect 1 "$planc" build "$tmp/bad.plan" -o "$tmp/libx.so"; contains err "bad.plan:5"
n=$((n + 1)); [ ! -e "$tmp/libx.so" ] && [ ! -e "$tmp/x.h" ] || fail "a failed build wrote files"
# A library whose header would be the library itself (-o q.h names the
# header q.h: it was written and then replaced by the library, exit 0):
# refused, however the two paths are spelled, with nothing written.
mkdir "$tmp/same"
(cd "$tmp/same" && "$planc" build "$qs/rules.plan" -o q.h) >"$tmp/out" 2>"$tmp/err"; rc=$?; n=$((n + 1))
[ $rc -eq 2 ] || fail "build -o q.h exited $rc, expected 2"
contains err "the header and the library are the same file './q.h'"
contains err "write -o libq.so, or give --header FILE"
expect 2 "$planc" build "$qs/rules.plan" -o "$tmp/same/libq.so" --header "$tmp/same/../same/libq.so"
contains err "the same file"
echo old >"$tmp/same/libq.so"; ln -s libq.so "$tmp/same/q.h"
expect 2 "$planc" build "$qs/rules.plan" -o "$tmp/same/libq.so"
contains err "the same file '$tmp/same/q.h'"
n=$((n + 1)); [ "$(cat "$tmp/same/libq.so")" = old ] && [ "$(ls -A "$tmp/same" | wc -l)" -eq 2 ] ||
    { fail "a refused build changed files"; ls -A "$tmp/same"; }

# A failing C compiler: exit 4, its output shown, existing files untouched,
# nothing left behind.
mkdir "$tmp/keep"
echo old >"$tmp/keep/libqs.so"; echo old >"$tmp/keep/qs.h"
expect 4 "$planc" build "$qs/rules.plan" -o "$tmp/keep/libqs.so" --cc false; contains err "C compiler 'false' failed"
expect 4 "$planc" build "$qs/rules.plan" -o "$tmp/keep/libqs.so" --cc "$tmp/no-cc"; contains err "cannot run the C compiler"
n=$((n + 1)); [ "$(cat "$tmp/keep/libqs.so") $(cat "$tmp/keep/qs.h")" = "old old" ] || fail "a failed build changed existing files"
n=$((n + 1)); [ "$(ls -A "$tmp/keep" | wc -l)" -eq 2 ] || { fail "a failed build left files behind"; ls -A "$tmp/keep"; }

# A file size limit (ulimit -f: 512-byte blocks in sh, 1 KiB in bash) below
# the size of the kernels' object: "cannot write", exit 5, nothing left
# behind (LLVM's own file stream ended planc with "LLVM ERROR: IO failure
# on output stream", exit 1, an exit code of errors in the rules).
mkdir "$tmp/fsz"
(ulimit -f 4; exec "$planc" build "$qs/rules.plan" -o "$tmp/fsz/libqs.so") >"$tmp/out" 2>"$tmp/err"; rc=$?
n=$((n + 1)); [ "$rc" -eq 5 ] || fail "build under ulimit -f 4 exited $rc, expected 5"
contains err "planc: error: cannot write '$tmp/fsz/libqs.so': File too large"
n=$((n + 1)); grep -q "LLVM ERROR" "$tmp/err" && fail "LLVM's own error: $(cat "$tmp/err")"
n=$((n + 1)); [ -z "$(ls -A "$tmp/fsz")" ] || { fail "a build under ulimit -f left files"; ls -A "$tmp/fsz"; }
# Each write error names the library asked for, not planc's temporary
# files (it said 'DIR/.planc-build-XXXX/kernels.o' or '.../glue.c').
n=$((n + 1)); grep -q "planc-build" "$tmp/err" && fail "a write error names a temporary file: $(cat "$tmp/err")"
contains err "cannot write '$tmp/fsz/libqs.so'"
# A C compiler that cannot write for want of room is such an error too
# (exit 2), not an internal one (exit 4): killed by SIGXFSZ (as cc1 was
# under ulimit -f 56 in bash), or saying the disk is full.
printf '#!/bin/sh\nkill -XFSZ $$\n' >"$tmp/xfsz-cc"
printf '#!/bin/sh\necho "/usr/bin/ld: final link failed: No space left on device" >&2\nexit 1\n' >"$tmp/full-cc"
chmod +x "$tmp/xfsz-cc" "$tmp/full-cc"
expect 5 "$planc" build "$qs/rules.plan" -o "$tmp/fsz/libqs.so" --cc "$tmp/xfsz-cc"
contains err "planc: error: cannot write '$tmp/fsz/libqs.so': File too large (the C compiler"
expect 5 "$planc" build "$qs/rules.plan" -o "$tmp/fsz/libqs.so" --cc "$tmp/full-cc"
contains err "planc: error: cannot write '$tmp/fsz/libqs.so': No space left on device (the C compiler"
# The C compiler inherits no descriptor of planc's temporary header: its
# lock was dup'ed without close-on-exec, so a compiler that leaves a
# server running (a compiler cache's) held the lock of a header a killed
# build left, and no later build swept it (ofile.c).
mkdir "$tmp/fdcc"
printf '#!/bin/sh\nls -l /proc/$$/fd/ >"%s" 2>&1\nexec cc "$@"\n' "$tmp/fdcc/fds" >"$tmp/fd-cc"
chmod +x "$tmp/fd-cc"
expect 0 "$planc" build "$qs/rules.plan" -o "$tmp/fdcc/libqs.so" --cc "$tmp/fd-cc"
n=$((n + 1)); [ -s "$tmp/fdcc/fds" ] || fail "the C compiler did not run"
n=$((n + 1)); grep -q '\.qs\.h\.' "$tmp/fdcc/fds" && fail "the C compiler inherited the temporary header: $(cat "$tmp/fdcc/fds")"
# One that could not write its own temporary file ($TMPDIR full, where
# the library's directory has room) says so and names it: it blamed the
# library's directory.
printf '#!/bin/sh\necho "cc1: fatal error: error closing /tmp-full/ccAb12.s: No space left on device" >&2\nexit 1\n' >"$tmp/tmpfull-cc"
chmod +x "$tmp/tmpfull-cc"
expect 5 "$planc" build "$qs/rules.plan" -o "$tmp/fsz/libqs.so" --cc "$tmp/tmpfull-cc"
contains err "could not write its temporary file '/tmp-full/ccAb12.s': it writes them in \$TMPDIR"
n=$((n + 1)); [ -z "$(ls -A "$tmp/fsz")" ] || { fail "a C compiler without room left files"; ls -A "$tmp/fsz"; }
# The real C compiler over a range of limits (512-byte blocks): each build
# writes both files or fails with exit 5 and leaves nothing.
for blocks in 100 112 116 120 124 128; do
    (ulimit -f $blocks; exec "$planc" build "$qs/rules.plan" -o "$tmp/fsz/libqs.so") >"$tmp/out" 2>"$tmp/err"; rc=$?
    n=$((n + 1))
    if [ $rc -eq 0 ]; then
        [ "$(ls -A "$tmp/fsz" | tr '\n' ' ')" = "libqs.so qs.h " ] || fail "ulimit -f $blocks: built, left: $(ls -A "$tmp/fsz")"
    else
        [ $rc -eq 5 ] && [ -z "$(ls -A "$tmp/fsz")" ] && grep -q "cannot write '$tmp/fsz/libqs.so'" "$tmp/err" ||
            fail "ulimit -f $blocks: exit $rc, $(cat "$tmp/err"), left: $(ls -A "$tmp/fsz")"
    fi
    rm -f "$tmp/fsz/libqs.so" "$tmp/fsz/qs.h"
done
# A library name holding a control character is written escaped in
# each write error, as every output path is (kernels.o's, glue.c's, the
# C compiler's, the header's: they went raw, a terminal's escape sequence
# with them).
esc=$(printf '\033')
for blocks in 2 20 100; do
    (ulimit -f $blocks; exec "$planc" build "$qs/rules.plan" -o "$tmp/fsz/lib${esc}q.so") >"$tmp/out" 2>"$tmp/err"; rc=$?
    n=$((n + 1))
    if [ $rc -ne 5 ] || grep -q "$esc" "$tmp/err" || ! grep -q 'lib\\x1Bq.so' "$tmp/err"; then
        fail "ulimit -f $blocks, a name with ESC: exit $rc, $(od -c "$tmp/err" | head -3)"
    fi
done
expect 5 "$planc" build "$qs/rules.plan" -o "$tmp/fsz/lib${esc}q.so" --header /dev/full
n=$((n + 1)); ! grep -q "$esc" "$tmp/err" || fail "--header /dev/full: a raw ESC in: $(cat -v "$tmp/err")"

# ---- the quickstart: library, header, the example, planc run ----
mkdir "$tmp/qs"
expect 0 "$planc" build "$qs/rules.plan" -o "$tmp/qs/libquickstart.so"
n=$((n + 1)); [ -f "$tmp/qs/libquickstart.so" ] && [ -f "$tmp/qs/quickstart.h" ] || fail "planc build wrote no library or header"
n=$((n + 1)); [ "$(ls -A "$tmp/qs" | wc -l)" -eq 2 ] || { fail "planc build left other files"; ls -A "$tmp/qs"; }
# The library exports the ABI's two functions and nothing else.
if command -v nm >/dev/null 2>&1; then
    n=$((n + 1))
    syms=$(nm -D --defined-only "$tmp/qs/libquickstart.so" | awk '{print $3}' | sort | tr '\n' ' ')
    [ "$syms" = "planc_abi_version planc_get_library " ] || fail "exported symbols: $syms"
fi
expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/qs" "$example" -o "$tmp/qs/score" -lm -ldl
expect 0 "$tmp/qs/score" "$tmp/qs/libquickstart.so" --info; contains out "good_air_days_pct"
expect 0 "$tmp/qs/score" "$tmp/qs/libquickstart.so" "$qs/data.csv"; cp "$tmp/out" "$tmp/qs/aot.csv"
for engine in interp jit; do
    expect 0 "$planc" run "$qs/rules.plan" --data "$qs/data.csv" --engine $engine
    same "$tmp/out" "$tmp/qs/aot.csv"
done
# A portable build gives the same results.
expect 0 "$planc" build "$qs/rules.plan" -o "$tmp/qs/libportable.so" --header "$tmp/qs/portable.h" --cpu x86-64-v3
expect 0 "$tmp/qs/score" "$tmp/qs/libportable.so" "$qs/data.csv"
same "$tmp/out" "$tmp/qs/aot.csv"
n=$((n + 1)); grep -q "for CPU 'x86-64-v3'" "$tmp/qs/portable.h" || fail "the header does not name the CPU"
# The header's macros start with a letter whatever the library's name
# starts with ('lib_x.so' made _X_H, an identifier C reserves).
mkdir "$tmp/macro"
expect 0 "$planc" build "$qs/rules.plan" -o "$tmp/macro/lib_x.so"
n=$((n + 1)); grep -q '^#ifndef L_X_H$' "$tmp/macro/_x.h" || fail "lib_x.so's header guard: $(grep '^#ifndef' "$tmp/macro/_x.h")"

# ---- the library and its header appear as a pair ----
# A failure injected (tests/aot/failshim.c, preloaded) where the two are put
# in place: the header's fsync failing as on a full disk, the header's or the
# library's rename failing.  Each leaves the old pair as it was and nothing
# behind; the library was renamed into place before the header was written
# out, and a full disk then left the new library beside the old header.  A
# crash between the two renames leaves the new header beside the old
# library, which a program built with the header's fingerprint refuses.
if "$cc" -shared -fPIC "$src/tests/aot/failshim.c" -o "$tmp/failshim.so" -ldl 2>"$tmp/err"; then
    mkdir "$tmp/pair"
    sed 's/>= 85%/>= 86%/' "$qs/rules.plan" >"$tmp/pair-new.plan"
    expect 0 "$planc" build "$qs/rules.plan" -o "$tmp/pair/libquickstart.so"
    cp "$tmp/pair/libquickstart.so" "$tmp/pair-old.so"; cp "$tmp/pair/quickstart.h" "$tmp/pair-old.h"
    # ASan (PLANC_SANITIZE) wants to be the first library loaded
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
    for fault in FAILSHIM_FSYNC=/.quickstart.h. FAILSHIM_RENAME=/quickstart.h \
                 FAILSHIM_RENAME=/libquickstart.so; do
        expect 5 env LD_PRELOAD="$tmp/failshim.so" "$fault" \
            "$planc" build "$tmp/pair-new.plan" -o "$tmp/pair/libquickstart.so"
        contains err "cannot write"
        same "$tmp/pair/libquickstart.so" "$tmp/pair-old.so"
        same "$tmp/pair/quickstart.h" "$tmp/pair-old.h"
        n=$((n + 1)); [ "$(ls -A "$tmp/pair" | wc -l)" -eq 2 ] || { fail "$fault: files left behind: $(ls -A "$tmp/pair")"; }
    done
    # no old header to put back: the new one is removed
    rm "$tmp/pair/quickstart.h"
    expect 5 env LD_PRELOAD="$tmp/failshim.so" FAILSHIM_RENAME=/libquickstart.so \
        "$planc" build "$tmp/pair-new.plan" -o "$tmp/pair/libquickstart.so"
    contains err "the new header is removed"
    n=$((n + 1)); [ "$(ls -A "$tmp/pair")" = libquickstart.so ] || fail "a header without its library: $(ls -A "$tmp/pair")"
    cp "$tmp/pair-old.h" "$tmp/pair/quickstart.h"
    # a crash between the two renames
    env LD_PRELOAD="$tmp/failshim.so" FAILSHIM_KILL=/libquickstart.so \
        "$planc" build "$tmp/pair-new.plan" -o "$tmp/pair/libquickstart.so" 2>/dev/null
    n=$((n + 1)); cmp -s "$tmp/pair/quickstart.h" "$tmp/pair-old.h" && fail "the crash came before the header was renamed"
    expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/pair" -DPLANC_FINGERPRINT=QUICKSTART_FINGERPRINT \
        "$example" -o "$tmp/pair/score" -lm -ldl
    expect 1 "$tmp/pair/score" "$tmp/pair/libquickstart.so" "$qs/data.csv"
    contains err "is not the library of this program's header"
    expect 0 "$planc" build "$tmp/pair-new.plan" -o "$tmp/pair/libquickstart.so"
    expect 0 "$tmp/pair/score" "$tmp/pair/libquickstart.so" "$qs/data.csv"
else
    echo "note: cannot build the failure shim ($(head -1 "$tmp/err")); the pair checks are skipped"
fi

# ---- Beautiful Liaoning, and two headers in one program ----
mkdir "$tmp/ln"
expect 0 "$planc" build "$ln_rules" -o "$tmp/ln/libliaoning.so"
expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/ln" -DPLANC_HEADER='"liaoning.h"' "$example" -o "$tmp/ln/score" -lm -ldl
expect 0 "$tmp/ln/score" "$tmp/ln/libliaoning.so" "$ln_data"; cp "$tmp/out" "$tmp/ln/aot.csv"
expect 0 "$planc" run "$ln_rules" --data "$ln_data"
same "$tmp/out" "$tmp/ln/aot.csv"
printf '#include "quickstart.h"\n#include "liaoning.h"\nint main(void) { return QUICKSTART_NCOLUMNS == 6 && LIAONING_NCOLUMNS > 0 ? 0 : 1; }\n' >"$tmp/both.c"
expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/qs" -I "$tmp/ln" "$tmp/both.c" -o "$tmp/both"
expect 0 "$tmp/both"

# score_case NAME DIR: builds DIR/rules.plan into $tmp/NAME/libNAME.so,
# compiles the example against its header and scores DIR/data.csv with it
# (expected to succeed); the results are left in $tmp/NAME/aot.csv and
# $tmp/out.
score_case() {
    mkdir "$tmp/$1"
    expect 0 "$planc" build "$2/rules.plan" -o "$tmp/$1/lib$1.so"
    expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/$1" -DPLANC_HEADER="\"$1.h\"" "$example" -o "$tmp/$1/score" -lm -ldl
    expect 0 "$tmp/$1/score" "$tmp/$1/lib$1.so" "$2/data.csv"
    cp "$tmp/out" "$tmp/$1/aot.csv"
}

# ---- goals with a tolerance: the example reads them from lib->goals (ABI
# version 2) and writes planc run's tolerance column, byte for byte ----
tol=$src/tests/run/tolerance
score_case tol "$tol"
contains out "^region,year,kind,id,name,clause,lead,status,value,unit,goal,tolerance,expected,"
contains out "^甲,2025,target,强度分解,完成分解下达的降低任务,(一),省发展改革委,met,13.2,%,13.3,0.1,13.2,100,"
for engine in interp jit; do
    expect 0 "$planc" run "$tol/rules.plan" --data "$tol/data.csv" --engine $engine
    same "$tmp/out" "$tmp/tol/aot.csv"
done

# ---- the baseline year (not_applicable goals with a deadline, judged red
# lines, no roll-up) and expected values on rows without a value: the
# library's outputs as planc run's, byte for byte ----
by=$src/tests/run/baseline-year
score_case by "$by"
same "$tmp/by/aot.csv" "$by/expected.out"
contains out "^甲,2020,target,减排,,(一),,not_applicable,125,万吨,,,,1,,"
contains out "^乙,2023,target,阶段,,(一),,missing,,万吨,80,90,,1,,"

# ---- a values table whose rows give years, read in the row's year, the
# year before and a named year: the library's outputs as planc run's ----
vy=$src/tests/run/values-years
score_case vy "$vy"
same "$tmp/vy/aot.csv" "$vy/expected.out"
contains out "^甲市,2022,target,年度达标,,(一),,failed,39,μg/m³,38,38,0,"

# ---- a values table with rows for every city and an else row (a city's
# own rows beat them, year by year): the library's outputs as planc run's ----
vl=$src/tests/run/values-levels
score_case vl "$vl"
same "$tmp/vl/aot.csv" "$vl/expected.out"
contains out "^鞍山,2024,target,年度达标,,(一),,failed,39,μg/m^3,38,38,0,"
contains out "^辽宁,2022,target,全省,,(一),,failed,46,μg/m^3,45,45,0,"

# ---- a row for every city over 500 years, 2,000 cities: the library holds
# the rows' runs of years region by region, not every year of every region
# (1,000,000 numbers: a 12 MB library, 12 s of cc), and reads them as planc
# run does ----
mkdir "$tmp/span"
{
    echo 'plan P { region 省 baseline 1590 horizon 2110 }'
    echo 'levels province, city'
    echo 'region 省 : province'
    i=0; names=c0
    while [ $i -lt 1999 ]; do i=$((i + 1)); names="$names, c$i"; done
    echo "region $names : city in 省"
    echo 'indicator x : 1, column "x"'
    echo 'indicator g : 1, values { city = 2 in 1600..2099, c7 = 3 in 1800, else = 5 }'
    echo 'section S { measure (1) { target for city : x <= g } }'
} >"$tmp/span/rules.plan"
printf 'region,year,x\nc7,1599,4\nc7,1600,2\nc7,1800,3\nc7,2099,3\nc7,2100,4\nc1999,2099,2\n' >"$tmp/span/data.csv"
score_case span "$tmp/span"
n=$((n + 1)); size=$(wc -c <"$tmp/span/libspan.so")
[ "$size" -lt 3000000 ] || fail "a row for every city over 500 years gave a library of $size bytes"
expect 0 "$planc" run "$tmp/span/rules.plan" --data "$tmp/span/data.csv"
same "$tmp/out" "$tmp/span/aot.csv"
contains out "^c7,2099,target,x,,(1),,failed,3,1,2,2,0,"
contains out "^c7,2100,target,x,,(1),,met,4,1,5,5,100,"

# ---- peers, totals and shares read in another year (prev, at, a
# target's baseline: ir.h IR_SHIFT): the library's outputs as planc run's ----
po=$src/tests/run/peers-other-year
score_case po "$po"
same "$tmp/po/aot.csv" "$po/expected.out"
contains out "^丙,2023,target,低于上年均值,,(一),,missing,45,"

# ---- a share target whose goal is the province's own column, on the row
# added for the province: the library's results as planc run's (no total,
# no grade), and under 'missing error' its message names that column ----
og=$src/tests/run/added-row-grade-own-goal
score_case og "$og"
for engine in interp jit; do
    expect 0 "$planc" run "$og/rules.plan" --data "$og/data.csv" --engine $engine
    same "$tmp/out" "$tmp/og/aot.csv"
done
contains out "^甲省,2023,total,,考核,,,,,,,,,,,,,"
mkdir "$tmp/oge"
expect 0 "$planc" build "$og/error.plan" -o "$tmp/oge/liboge.so"
expect 3 "$tmp/og/score" "$tmp/oge/liboge.so" "$og/data.csv"
contains err "target '用水总量' has no value for 甲省 2022 (the input has no row for 甲省 2022, which was added for the targets that read the regions below, and the target reads its own column 'quota')"

# ---- a values table whose years span five centuries over 1000 regions,
# with four rows: the library holds the years given, not a region-by-year
# array (500,000 cells, mostly NaN, took minutes to compile into a 4 MB
# library); read in and around its years, as planc run reads it ----
mkdir "$tmp/wide"
{
    echo 'plan 宽 { region 省 baseline 2020 horizon 2030 }'
    echo 'levels province, city'
    echo 'region 省 : province'
    printf 'region R1'; for i in $(seq 2 1000); do printf ', R%d' "$i"; done; echo ' : city in 省'
    echo 'indicator X : 1, lower, column "x"'
    echo 'indicator T : 1, values { R1 = 1 in 1600, R2 = 2 in 2099, R3 = 7, R3 = 8 in 1700..1702, R1000 = 3 in 1600..2099 }'
    echo 'section 一 "s" { measure (一) "m" {'
    echo '  target a for city : X <= T'
    echo '  target b for city : X <= prev(T) + at(T, 1701)'
    echo '} }'
} >"$tmp/wide/rules.plan"
{
    echo 'region,year,x'
    for r in R1 R2 R3 R4 R1000; do
        for y in 1599 1600 1601 1700 1701 1702 1703 2098 2099 2100; do echo "$r,$y,$((y % 5))"; done
    done
} >"$tmp/wide/data.csv"
score_case wide "$tmp/wide"
expect 0 "$planc" run "$tmp/wide/rules.plan" --data "$tmp/wide/data.csv"
same "$tmp/out" "$tmp/wide/aot.csv"
n=$((n + 1)); size=$(wc -c <"$tmp/wide/libwide.so")
[ "$size" -lt 1000000 ] || fail "the library of a wide values table has $size bytes"

# ---- a goal or expected value that overflows only where the target does
# not apply (a year before the baseline, a region outside its scope): no
# error, the library's outputs as planc run's ----
ona=$src/tests/run/overflow-not-applicable
score_case ona "$ona"
same "$tmp/ona/aot.csv" "$ona/expected.out"

# ---- a number that overflows a double: the library's PLANC_E_OVERFLOW, at
# the target, region and year planc run names (LANGUAGE.md §10) ----
ni=$src/tests/run/number-infinite
mkdir "$tmp/ni"
expect 0 "$planc" build "$ni/rules.plan" -o "$tmp/ni/libni.so"
expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/ni" -DPLANC_HEADER='"ni.h"' "$example" -o "$tmp/ni/score" -lm -ldl
expect 3 "$tmp/ni/score" "$tmp/ni/libni.so" "$ni/data.csv"
contains err "^score: target 'T' for 甲 2021 (input row 0): its value, computed from column 'big', overflows: it is beyond ±1.8e308, the largest number planc holds$"
n=$((n + 1)); [ -s "$tmp/out" ] && fail "the example wrote results after PLANC_E_OVERFLOW"
# ---- the `error` missing-data policy: PLANC_E_MISSING blames the year
# whose data is missing, as planc run does (the row's own cell, a year
# with no row: a baseline, a cumulative's year, a goal read in its
# deadline, a peer average read in another year) ----
for c in data-missing-policy cumulative-missing-error data-goals-missing-error missing-error-prev-goal \
         peers-other-year-missing-error; do
    d=$src/tests/run/$c
    mkdir "$tmp/$c"
    expect 0 "$planc" build "$d/rules.plan" -o "$tmp/$c/libblame.so"
    expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/$c" -DPLANC_HEADER='"blame.h"' "$example" -o "$tmp/$c/score" -lm -ldl
    expect 3 "$tmp/$c/score" "$tmp/$c/libblame.so" "$d/data.csv"
    want=$(sed -n 's/.* has no value for [^(]* (\(.*\)) and the assessment.*/\1/p' "$d/expected.err" | head -1)
    contains err "(input row [0-9]*: $want) and the assessment's missing-data policy is 'error'$"
done

# the goal overflows: the columns it reads, not every column of the target
og=$src/tests/run/overflow-goal-columns
mkdir "$tmp/og"
expect 0 "$planc" build "$og/rules.plan" -o "$tmp/og/libog.so"
expect 0 "$cc" -std=c17 -Wall -Wextra -Werror -I "$tmp/og" -DPLANC_HEADER='"og.h"' "$example" -o "$tmp/og/score" -lm -ldl
expect 3 "$tmp/og/score" "$tmp/og/libog.so" "$og/data.csv"
contains err "^score: target '配额' for 乙 2021 (input row 1): its goal, computed from column 'quota', overflows: "

# ---- generated rule sets (tests/difftest) ----
if [ -n "$difftest" ]; then
    for seed in 3 14 15 92 65 35; do
        d=$tmp/gen-$seed
        expect 0 "$difftest" --write $seed "$d" --per-program 3
        expect 0 "$planc" build "$d/rules.plan" -o "$d/libgen.so"
        expect 0 "$cc" -std=c17 -I "$d" -DPLANC_HEADER='"gen.h"' "$example" -o "$d/score" -lm -ldl
        for k in 0 1 2; do
            "$planc" run "$d/rules.plan" --data "$d/data-$k.csv" >"$d/run.csv" 2>"$d/run.err"; r1=$?
            "$d/score" "$d/libgen.so" "$d/data-$k.csv" >"$d/aot.csv" 2>"$d/aot.err"; r2=$?
            n=$((n + 1))
            if [ $r1 -eq 3 ] && grep -q "overflows: it is beyond" "$d/run.err"; then
                # a number that overflowed: a data error of planc run
                # (LANGUAGE.md §10), PLANC_E_OVERFLOW of the library, at
                # the same target, region and year
                what=$(sed -n "s/^.*error: \(target '[^']*' for [^:]*\): .*/\1/p" "$d/run.err")
                if [ $r2 -ne 3 ] || [ -z "$what" ] || ! grep -qF "score: $what (input row" "$d/aot.err"; then
                    fail "seed $seed data $k: an overflow ($what): the example exited $r2"; cat "$d/aot.err"
                fi
            elif [ $r1 -ne $r2 ]; then
                fail "seed $seed data $k: planc run exited $r1, the example $r2"; cat "$d/aot.err"
            elif [ $r1 -eq 0 ]; then
                same "$d/run.csv" "$d/aot.csv"
            fi
        done
    done
fi

echo "aot.sh: $n checks, $fails failed"
[ "$fails" -eq 0 ]
