#!/bin/sh
# jit.sh — the JIT from the command line: `planc run` on 1, 2, 3 and 8
# threads and with the interpreter writes the same bytes; --timings prints
# every phase in the documented format; the cache of compiled code (miss,
# hit, damaged and foreign entries, --no-cache, an unusable directory, the
# directory taken from the environment; a hit needs neither LLVM's back end
# nor, without a C compiler, the shared object); the back end missing;
# `planc emit-llvm`; --engine auto (the default) and $PLANC_ENGINE.
#   jit.sh PLANC EXAMPLES_DIR
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; ex=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
rules=$ex/quickstart/rules.plan
data=$ex/quickstart/data.csv
export PLANC_CACHE_DIR="$tmp/cache"
# The JIT, whatever the rows (--engine auto, the default, would interpret
# these few): auto has a section of its own below.
export PLANC_ENGINE=jit

# expect RC CMD... : runs CMD, checks its exit code.
expect() {
    want=$1; shift; n=$((n + 1))
    "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL: '$*' exited $rc, expected $want"; sed 's/^/  | /' "$tmp/err" | head -5
        fails=$((fails + 1))
    fi
}
# contains FILE TEXT : the last command's FILE (out|err) contains TEXT.
contains() {
    n=$((n + 1))
    if ! grep -q -- "$2" "$tmp/$1"; then
        echo "FAIL: $1 does not contain '$2'"; sed 's/^/  | /' "$tmp/$1" | head -5
        fails=$((fails + 1))
    fi
}
# lacks FILE TEXT : the last command's FILE does not contain TEXT.
lacks() {
    n=$((n + 1))
    if grep -q -- "$2" "$tmp/$1"; then
        echo "FAIL: $1 contains '$2'"; sed 's/^/  | /' "$tmp/$1" | head -5
        fails=$((fails + 1))
    fi
}
# same A B : files A and B are byte-identical.
same() {
    n=$((n + 1))
    if ! cmp -s "$1" "$2"; then
        echo "FAIL: $1 and $2 differ"; diff "$1" "$2" | head -5
        fails=$((fails + 1))
    fi
}
# entries : the number of cache entries.
entries() {
    ls "$PLANC_CACHE_DIR" 2>/dev/null | grep -c '\.plo$'
}

# ---- help ----
expect 0 "$planc" run --help;        contains out "-j, --jobs N"; contains out "--timings"
contains out "--no-cache"; contains out "jit (native code"; contains out "the default"
contains out "PLANC_CACHE_DIR"; contains out "timing: NAME MS ms"
expect 0 "$planc" --help;            contains out "emit-llvm RULES"
expect 0 "$planc" help emit-llvm;    contains out "usage: planc emit-llvm RULES \[--O0\]"
expect 0 "$planc" emit-llvm --help;  contains out "--O0"

# ---- threads: the same bytes for every -j, and from the interpreter ----
# Fourteen cities over 880 years: three chunks of rows.
awk -F, 'NR == 1 { print; next }
    !($1 in seen) { seen[$1] = 1; city[++k] = $1 }
    END { for (i = 1; i <= k; i++) for (y = 2021; y <= 2900; y++) {
        v = (y * 7 + i * 13) % 97
        printf "%s,%d,%.1f,%.1f,%d,%d,%.1f,%s\n", city[i], y, 60 + v / 3, 20 + v / 5,
               800000 + v * 100 - y, 40000 + v * 10, v, (v % 3 ? "yes" : "no") } }' \
    "$data" >"$tmp/big.csv"
expect 0 "$planc" run "$rules" --data "$tmp/big.csv" -j 1 -o "$tmp/j1.csv"
for j in 2 3 8; do
    expect 0 "$planc" run "$rules" --data "$tmp/big.csv" -j "$j" --timings -o "$tmp/j$j.csv"
    same "$tmp/j1.csv" "$tmp/j$j.csv"
    contains err "timing: kernel [0-9.]* ms ([$((j < 3 ? j : 3))-9] threads)"
done
expect 0 "$planc" run "$rules" --data "$tmp/big.csv" --jobs 3 --engine interp -o "$tmp/interp.csv"
same "$tmp/j1.csv" "$tmp/interp.csv"
expect 0 "$planc" run "$rules" --data "$tmp/big.csv" -o "$tmp/default.csv"
same "$tmp/j1.csv" "$tmp/default.csv"
expect 2 "$planc" run "$rules" --data "$data" -j 0;    contains err "bad number of threads '0'"
expect 2 "$planc" run "$rules" --data "$data" -j x;    contains err "bad number of threads 'x'"
expect 2 "$planc" run "$rules" --data "$data" -j 2000; contains err "from 1 to 1024"
expect 2 "$planc" run "$rules" --data "$data" -j;      contains err "needs a value"

# ---- --timings ----
rm -rf "$PLANC_CACHE_DIR"
expect 0 "$planc" run "$rules" --data "$data" --timings -o "$tmp/t.csv"
n=$((n + 1))
if grep -v -E '^timing: [a-z-]+ [0-9]+\.[0-9]{2} ms( \([^()]+\))?$' "$tmp/err" | grep -q .; then
    echo "FAIL: a --timings line is not in the documented format:"; sed 's/^/  | /' "$tmp/err"
    fails=$((fails + 1))
fi
names=$(sed -n 's/^timing: \([a-z-]*\) .*/\1/p' "$tmp/err" | tr '\n' ' ')
n=$((n + 1))
if [ "$names" != "parse check lower cache llvm-load llvm-lower optimise codegen link load wait kernel barriers report total " ]; then
    echo "FAIL: --timings names: $names"; fails=$((fails + 1))
fi
contains err "timing: cache [0-9.]* ms (miss)"
expect 0 "$planc" run "$rules" --data "$data" --timings --engine interp -o "$tmp/t.csv"
names=$(sed -n 's/^timing: \([a-z-]*\) .*/\1/p' "$tmp/err" | tr '\n' ' ')
n=$((n + 1))
if [ "$names" != "parse check lower load kernel barriers report total " ]; then
    echo "FAIL: --timings names with the interpreter: $names"; fails=$((fails + 1))
fi
expect 0 "$planc" run "$rules" --data "$data" -o "$tmp/t.csv"
lacks err "timing:"

# ---- --engine auto (the default) ----
# Few rows and no code cached: interpreted, nothing compiled or stored,
# the same bytes; the code once cached: used.  $PLANC_ENGINE sets the
# default; --engine overrides it.
rm -rf "$PLANC_CACHE_DIR"
expect 0 "$planc" run "$rules" --data "$data" --engine interp -o "$tmp/ref.csv"
expect 0 env -u PLANC_ENGINE "$planc" run "$rules" --data "$data" --timings -o "$tmp/auto.csv"
contains err "timing: cache [0-9.]* ms (miss)"
contains err "timing: kernel [0-9.]* ms ([0-9]* threads\{0,1\}; auto: interp, 75 rows x [0-9]* steps: interpreting ~[0-9.e-]* ms, compiling and running ~[0-9.]* ms)"
lacks err "timing: optimise"
same "$tmp/ref.csv" "$tmp/auto.csv"
n=$((n + 1)); [ "$(entries)" -eq 0 ] || { echo "FAIL: $(entries) cache entries after an interpreted run"; fails=$((fails + 1)); }
expect 0 "$planc" run "$rules" --data "$data" --engine auto --no-cache --timings -o "$tmp/auto.csv"
contains err "timing: cache [0-9.]* ms (off)"; contains err "auto: interp"
expect 0 "$planc" run "$rules" --data "$data" -o "$tmp/auto.csv"
n=$((n + 1)); [ "$(entries)" -eq 1 ] || { echo "FAIL: $(entries) cache entries after --engine jit"; fails=$((fails + 1)); }
expect 0 env -u PLANC_ENGINE "$planc" run "$rules" --data "$data" --timings -o "$tmp/auto.csv"
contains err "timing: cache [0-9.]* ms (hit)"; contains err "; auto: jit, code cached)"
same "$tmp/ref.csv" "$tmp/auto.csv"
expect 0 env PLANC_ENGINE=interp "$planc" run "$rules" --data "$data" --timings -o "$tmp/auto.csv"
lacks err "timing: cache"
expect 0 env PLANC_ENGINE=interp "$planc" run "$rules" --data "$data" --engine auto --timings -o "$tmp/auto.csv"
contains err "auto: jit, code cached"
expect 2 env PLANC_ENGINE=fast "$planc" run "$rules" --data "$data"
contains err "unknown engine 'fast' in PLANC_ENGINE (available: auto, jit, interp)"
expect 2 "$planc" run "$rules" --data "$data" --engine fast
contains err "unknown engine 'fast' (available: auto, jit, interp)"
# Many rows (456,000: 114 cities over 4,000 years): compiled, and decided
# before the data is read, from the file's size ("about N rows"), so that
# the compile overlaps the load.  The plan's horizon is moved to the
# data's last year (no after-horizon warning among the cache's).
awk '{ sub(/^    horizon  2030$/, "    horizon  6020"); print } END { for (i = 1; i <= 100; i++) printf "region X%d : city in 示例省\n", i }' \
    "$rules" >"$tmp/many.plan"
awk -F, 'NR == 1 { print; next }
    !($1 in seen) { seen[$1] = 1; city[++k] = $1 }
    END { for (i = 1; i <= 100; i++) city[k + i] = "X" i; k += 100
          for (i = 1; i <= k; i++) for (y = 2021; y <= 6020; y++) {
        v = (y * 7 + i * 13) % 97
        printf "%s,%d,%.1f,%.1f,%d,%d,%.1f,%s\n", city[i], y, 60 + v / 3, 20 + v / 5,
               800000 + v * 100 - y, 40000 + v * 10, v, (v % 3 ? "yes" : "no") } }' \
    "$data" >"$tmp/many.csv"
rm -rf "$PLANC_CACHE_DIR"
expect 0 env -u PLANC_ENGINE "$planc" run "$tmp/many.plan" --data "$tmp/many.csv" --rollup region \
    --timings -o "$tmp/many-auto.csv"
contains err "timing: optimise [0-9.]* ms$"; contains err "timing: load [0-9.]* ms (overlapped with jit)"
contains err "; auto: jit, about [0-9]* rows x [0-9]* steps: "
expect 0 "$planc" run "$tmp/many.plan" --data "$tmp/many.csv" --rollup region --engine interp \
    -o "$tmp/many-interp.csv"
same "$tmp/many-interp.csv" "$tmp/many-auto.csv"
# Half the rows (228,000) in a workbook: its rows estimated from its
# sheet's XML unpacked (the archive's directory: about 309,000), not from
# the line ends in its packed bytes (about 84,000: interpreted, then
# decided again once loaded, the compile not overlapped with the load)
if command -v python3 >/dev/null 2>&1; then
    head -n 228001 "$tmp/many.csv" >"$tmp/half.csv"
    # written by the tests' one workbook writer, tests/xlsx/mkxlsx.py (its
    # text cells inline strings)
    python3 "$ex/../tests/xlsx/mkxlsx.py" csv "$tmp/half.csv" "$tmp/many.xlsx" --inline
    rm -rf "$PLANC_CACHE_DIR"
    expect 0 env -u PLANC_ENGINE "$planc" run "$tmp/many.plan" --data "$tmp/many.xlsx" --rollup region \
        --timings -o "$tmp/many-xlsx.csv"
    contains err "timing: load [0-9.]* ms (overlapped with jit)"
    contains err "; auto: jit, about [0-9]* rows x [0-9]* steps: "
    expect 0 "$planc" run "$tmp/many.plan" --data "$tmp/half.csv" --rollup region -o "$tmp/half.csv.out"
    same "$tmp/half.csv.out" "$tmp/many-xlsx.csv"
fi
# A damaged entry, or a cache directory that cannot be used: auto looks
# first (a miss), then compiles: one warning, not one from each.
for e in "$PLANC_CACHE_DIR"/*.plo; do printf 'garbage' | dd of="$e" bs=1 seek=200 conv=notrunc 2>/dev/null; done
expect 0 env -u PLANC_ENGINE "$planc" run "$tmp/many.plan" --data "$tmp/many.csv" --rollup region \
    --timings -o "$tmp/many-auto.csv"
contains err "(damaged: its checksum does not match)"; contains err "; auto: jit, about "
n=$((n + 1)); [ "$(grep -c warning "$tmp/err")" -eq 1 ] || { echo "FAIL: not one warning"; fails=$((fails + 1)); }
same "$tmp/many-interp.csv" "$tmp/many-auto.csv"
expect 0 env -u PLANC_ENGINE "$planc" run "$tmp/many.plan" --data "$tmp/many.csv" --rollup region \
    --timings -o "$tmp/many-auto.csv"
contains err "timing: cache [0-9.]* ms (hit)"; lacks err "warning"
expect 0 env -u PLANC_ENGINE PLANC_CACHE_DIR="$tmp/many.csv" "$planc" run "$tmp/many.plan" \
    --data "$tmp/many.csv" --rollup region -o "$tmp/many-auto.csv"
contains err "cannot use the cache directory"
n=$((n + 1)); [ "$(grep -c warning "$tmp/err")" -eq 1 ] || { echo "FAIL: not one warning"; fails=$((fails + 1)); }
same "$tmp/many-interp.csv" "$tmp/many-auto.csv"
rm -f "$tmp/many.csv" "$tmp/many-auto.csv" "$tmp/many-interp.csv"

# ---- the cache ----
rm -rf "$PLANC_CACHE_DIR"
expect 0 "$planc" run "$rules" --data "$data" --timings -o "$tmp/miss.csv"
contains err "timing: cache [0-9.]* ms (miss)"; contains err "timing: optimise [0-9.]* ms$"
n=$((n + 1)); [ "$(entries)" -eq 1 ] || { echo "FAIL: $(entries) cache entries after a miss"; fails=$((fails + 1)); }
expect 0 "$planc" run "$rules" --data "$data" --timings -o "$tmp/hit.csv"
contains err "timing: cache [0-9.]* ms (hit)"; contains err "timing: llvm-load 0.00 ms (not needed)"
contains err "timing: optimise 0.00 ms (cache hit)"; contains err "timing: codegen 0.00 ms (cache hit)"
same "$tmp/miss.csv" "$tmp/hit.csv"
entry=$(ls "$PLANC_CACHE_DIR"/*.plo)

# A hit loads the cached library: it needs no LLVM back end.
expect 0 env PLANC_BACKEND="$tmp/no-such-backend.so" "$planc" run "$rules" --data "$data" \
    --timings -o "$tmp/t.csv"
contains err "(hit)"; lacks err "error"
same "$tmp/miss.csv" "$tmp/t.csv"
# ... but a compilation does: a clear error, exit 4, no output file.
rm -f "$tmp/t.csv"
expect 4 env PLANC_BACKEND="$tmp/no-such-backend.so" "$planc" run "$rules" --data "$data" \
    --no-cache -o "$tmp/t.csv"
contains err "planc: error: cannot load the LLVM back end '$tmp/no-such-backend.so': "
n=$((n + 1)); [ ! -e "$tmp/t.csv" ] || { echo "FAIL: an output file without a back end"; fails=$((fails + 1)); }
# The data loads while the rules compile; when the compile fails, the
# data's errors are not shown (the run could not have reached them).
{ cat "$data"; echo "X,20x5,1"; } >"$tmp/bad.csv"
expect 4 env PLANC_BACKEND="$tmp/no-such-backend.so" "$planc" run "$rules" --data "$tmp/bad.csv" \
    --no-cache -o "$tmp/t.csv"
contains err "cannot load the LLVM back end"; lacks err "bad.csv"
expect 4 env PLANC_BACKEND="$rules" "$planc" emit-llvm "$rules"
contains err "planc: error: cannot load the LLVM back end '$rules': "
expect 0 env PLANC_BACKEND="$tmp/no-such-backend.so" "$planc" check "$rules"

# Without a C compiler the entry keeps the objects: a hit links them.
rm -rf "$tmp/objcache"
expect 0 env CC="$tmp/no-such-cc" PLANC_CACHE_DIR="$tmp/objcache" "$planc" run "$rules" \
    --data "$data" --timings -o "$tmp/t.csv"
contains err "(miss)"; lacks err "warning"
expect 0 env PLANC_CACHE_DIR="$tmp/objcache" "$planc" run "$rules" --data "$data" --timings \
    -o "$tmp/t.csv"
contains err "timing: cache [0-9.]* ms (hit objects)"; lacks err "llvm-load 0.00 ms (not needed)"
same "$tmp/miss.csv" "$tmp/t.csv"
# ... and that hit, with a C compiler, links the library: the next hit loads it.
expect 0 env PLANC_CACHE_DIR="$tmp/objcache" "$planc" run "$rules" --data "$data" --timings \
    -o "$tmp/t.csv"
contains err "timing: cache [0-9.]* ms (hit)"; contains err "llvm-load 0.00 ms (not needed)"
same "$tmp/miss.csv" "$tmp/t.csv"

# An entry another user could have written is not run: a warning, a
# compilation, the right results.
chmod g+w "$tmp"/objcache/*.plo
expect 0 env PLANC_CACHE_DIR="$tmp/objcache" "$planc" run "$rules" --data "$data" --timings \
    -o "$tmp/t.csv"
contains err "(another user owns it or may write it); recompiling"
contains err "(miss)"
same "$tmp/miss.csv" "$tmp/t.csv"
# ... and its warning comes before the data's errors, as the compile's
# messages come before the data's although the two run at once.
chmod g+w "$tmp"/objcache/*.plo
expect 3 env PLANC_CACHE_DIR="$tmp/objcache" "$planc" run "$rules" --data "$tmp/bad.csv" \
    -o "$tmp/t.csv"
n=$((n + 1))
if [ "$(sed -n '1s/^planc: warning: ignoring cache entry.*/W/p; 2s/^.*bad\.csv:[0-9]*: error: .*/E/p' "$tmp/err" | tr -d '\n')" != WE ]; then
    echo "FAIL: the compile's warning, then the data's error:"; sed 's/^/  | /' "$tmp/err"
    fails=$((fails + 1))
fi
expect 0 env PLANC_CACHE_DIR="$tmp/objcache" "$planc" run "$rules" --data "$data" --timings \
    -o "$tmp/t.csv"
contains err "(hit)"; lacks err "warning"

# A damaged entry: one warning, the right results, the entry rebuilt.
# (The byte is flipped, not overwritten: an overwrite with a byte it already
# holds would damage nothing.)
size=$(wc -c <"$entry")
byte=$(od -An -tu1 -j $((size - 40)) -N1 "$entry" | tr -d ' ')
printf "\\$(printf '%03o' $((byte ^ 255)))" | dd of="$entry" bs=1 seek=$((size - 40)) conv=notrunc 2>/dev/null
expect 0 "$planc" run "$rules" --data "$data" --timings -o "$tmp/damaged.csv"
contains err "planc: warning: ignoring cache entry '$entry' (damaged: its checksum does not match); recompiling"
contains err "timing: cache [0-9.]* ms (miss)"
n=$((n + 1)); [ "$(grep -c warning "$tmp/err")" -eq 1 ] || { echo "FAIL: not one warning"; fails=$((fails + 1)); }
same "$tmp/miss.csv" "$tmp/damaged.csv"
expect 0 "$planc" run "$rules" --data "$data" --timings -o "$tmp/t.csv"
contains err "(hit)"; lacks err "warning"

# Truncated.
head -c 300 "$entry" >"$tmp/part" && cp "$tmp/part" "$entry"
expect 0 "$planc" run "$rules" --data "$data" -o "$tmp/t.csv"
contains err "(truncated or too long); recompiling"
same "$tmp/miss.csv" "$tmp/t.csv"

# A FIFO under the entry's name (another user's, in a shared directory):
# refused at once, not waited on; the compile puts a file in its place.
rm -f "$entry" && mkfifo "$entry"
expect 0 timeout 60 "$planc" run "$rules" --data "$data" -o "$tmp/t.csv"
contains err "(not a regular file); recompiling"
same "$tmp/miss.csv" "$tmp/t.csv"
n=$((n + 1)); [ -f "$entry" ] || { echo "FAIL: the FIFO was not replaced"; fails=$((fails + 1)); }

# Foreign: another rules file's entry under this one's name.
sed 's/^#.*//' "$rules" >"$tmp/other.plan"
expect 0 "$planc" run "$tmp/other.plan" --data "$data" -o "$tmp/t.csv"
n=$((n + 1)); [ "$(entries)" -eq 2 ] || { echo "FAIL: the other rules did not get an entry"; fails=$((fails + 1)); }
other=$(ls "$PLANC_CACHE_DIR"/*.plo | grep -v "$entry")
cp "$other" "$entry"
expect 0 "$planc" run "$rules" --data "$data" -o "$tmp/t.csv"
contains err "(foreign: it holds the code of another key); recompiling"
same "$tmp/miss.csv" "$tmp/t.csv"

# --no-cache: neither read nor written.
rm -rf "$PLANC_CACHE_DIR"
expect 0 "$planc" run "$rules" --data "$data" --no-cache --timings -o "$tmp/t.csv"
contains err "timing: cache [0-9.]* ms (off)"
n=$((n + 1)); [ ! -e "$PLANC_CACHE_DIR" ] || { echo "FAIL: --no-cache made the cache directory"; fails=$((fails + 1)); }
same "$tmp/miss.csv" "$tmp/t.csv"

# An unusable directory: one warning, no cache, the right results.
: >"$tmp/file"
expect 0 env PLANC_CACHE_DIR="$tmp/file/cache" "$planc" run "$rules" --data "$data" --timings -o "$tmp/t.csv"
contains err "planc: warning: cannot use the cache directory '$tmp/file/cache': Not a directory; running without the cache"
contains err "(off)"
n=$((n + 1)); [ "$(grep -c warning "$tmp/err")" -eq 1 ] || { echo "FAIL: not one warning"; fails=$((fails + 1)); }
same "$tmp/miss.csv" "$tmp/t.csv"
# The same in Chinese with --lang zh (the page's language): the cache's
# warnings are run's warnings, in the run's language.
expect 0 env PLANC_CACHE_DIR="$tmp/file/cache" "$planc" run "$rules" --data "$data" --lang zh \
    -o "$tmp/t.html"
contains err "planc: 警告：无法使用缓存目录 '$tmp/file/cache'：不是目录；不使用缓存运行"
lacks err "warning"

# The directory from the environment: XDG_CACHE_HOME, then HOME.
expect 0 env PLANC_CACHE_DIR= XDG_CACHE_HOME="$tmp/xdg" "$planc" run "$rules" --data "$data" -o "$tmp/t.csv"
n=$((n + 1)); ls "$tmp/xdg/planc/"*.plo >/dev/null 2>&1 || { echo "FAIL: no entry in \$XDG_CACHE_HOME/planc"; fails=$((fails + 1)); }
expect 0 env PLANC_CACHE_DIR= XDG_CACHE_HOME= HOME="$tmp/home" "$planc" run "$rules" --data "$data" -o "$tmp/t.csv"
n=$((n + 1)); ls "$tmp/home/.cache/planc/"*.plo >/dev/null 2>&1 || { echo "FAIL: no entry in ~/.cache/planc"; fails=$((fails + 1)); }

# ---- emit-llvm ----
expect 0 "$planc" emit-llvm "$rules"
contains out "define void @seg_0(ptr noalias nocapture readonly %inputs"
contains out "load <[48] x double>"; contains out "target triple"; lacks out "fast "
cp "$tmp/out" "$tmp/o3.ll"
expect 0 "$planc" emit-llvm "$rules" --O0
contains out "define internal void @seg_0.g0("; contains out "define void @seg_0("
n=$((n + 1)); cmp -s "$tmp/out" "$tmp/o3.ll" && { echo "FAIL: --O0 printed the optimised module"; fails=$((fails + 1)); }
expect 2 "$planc" emit-llvm;                 contains err "no rules file given"
expect 2 "$planc" emit-llvm "$rules" --O3;   contains err "unknown option '--O3'"
expect 2 "$planc" emit-llvm "$rules" "$rules"; contains err "unexpected argument"
expect 1 "$planc" emit-llvm "$tmp/no-such.plan"; contains err "no-such.plan"

echo "jit.sh: $((n - fails))/$n checks passed"
[ "$fails" -eq 0 ]
