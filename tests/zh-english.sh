#!/bin/sh
# zh-english.sh — no English sentence reaches a Chinese run.
#
#   zh-english.sh PLANC SRCDIR
#
# Runs `planc check --lang zh` on every rules file of tests/diagnostics
# (not only the ones with a -zh twin: a new message is met there first)
# and every case of tests/run as golden.sh runs it, with `--lang zh` added
# to an English case's command (one in JSON or another language is left
# out), and `planc help CMD --lang zh` for planc and each command.  It
# flags each line of their messages (stderr), of the help, and of the output
# of a case written with `--lang zh` whose command writes text for a
# reader (check, explain, test, diff, history, compare, verify, template;
# check's --origins listing too, through the `-origins-zh` cases, but not
# --dump-ast, whose syntax tree stays English),
# that holds three or more Latin words in a row outside what a Chinese
# message keeps as it is (docs/GUIDE.zh-CN.md §8): rules text and names
# in '...', “...”, "..." or `...`, file names and paths, options, words
# with digits (a hash, PM25), a function's name before its '(', a command
# to run (iconv ..., planc diff ...), the source lines a diagnostic echoes
# and their carets.  A quoted piece counts as one word of the row it
# stands in ("undefined name '耕地保有'" is three), so that a short English
# message around a name is caught; words joined by Chinese text or
# punctuation (、，：) are not in a row.  An English message the catalog
# lacks (runtime/msgcat.c) is such a row; a Chinese text never is.
#
# A line that is right to keep English (rules text written in English by
# a test's rules, say) is listed in tests/zh-english.allow, one fixed
# string per line, with a comment saying why.
#
# With PLANC_ZH_ENGLISH_SELFTEST=1 it also checks itself: a Chinese
# sentence passes, and an English one inside a Chinese run does not.
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
allow=$src/tests/zh-english.allow
PLANC_ENGINE=${PLANC_ENGINE:-jit}; export PLANC_ENGINE

# The scanner: prints "LABEL: line" for each flagged line of its input.
scan() { # label file
    LC_ALL=C awk -v label="$1" '
    /^ *[0-9]* \| / { next }          # a source line a diagnostic echoes
    /^ *\| / { next }                 # its caret line
    {
        s = $0
        gsub(/\342\200\234/, "\001", s); gsub(/\342\200\235/, "\002", s)   # “ and ”
        gsub(/\001[^\001\002]*\002/, " Q ", s)
        gsub(/`[^`]*`/, " Q ", s)
        gsub(/"[^"]*"/, " Q ", s)
        # half-width quotes: one opening after no letter, one closing before no letter
        t = ""
        while (match(s, /(^|[^A-Za-z])\047[^\047]*\047([^A-Za-z]|$)/)) {
            t = t substr(s, 1, RSTART) " Q "
            s = substr(s, RSTART + RLENGTH - 1)
            if (substr(s, 1, 1) == "\047")
                s = substr(s, 2)
        }
        s = t s
        # a shell command planc gives to run, up to the Chinese after it
        gsub(/(iconv|planc (diff|run|check|explain|test|history|compare|verify|template|build|help|emit-llvm)) [ -~]*/, " ", s)
        gsub(/[A-Za-z0-9_.~\/-]*\/[A-Za-z0-9_.~\/-]*/, " ", s)   # paths
        gsub(/[A-Za-z0-9_-]+\.[A-Za-z][A-Za-z0-9]*/, " ", s)       # file names, dotted names
        gsub(/--?[A-Za-z][A-Za-z0-9-]*/, " ", s)                   # options
        gsub(/0x[0-9A-Fa-f]+|U\+[0-9A-Fa-f]+/, " ", s)
        gsub(/[A-Za-z_][A-Za-z0-9_]*\(/, " (", s)                  # a function called in a formula
        gsub(/[A-Za-z0-9_]*[0-9][A-Za-z0-9_]*/, " ", s)           # numbers, hashes, names with digits
        n = 0; best = 0
        rest = s
        while (match(rest, /[A-Za-z][A-Za-z_\047]*|[^A-Za-z \t,;:()!?]/)) {
            tok = substr(rest, RSTART, RLENGTH)
            if (tok ~ /^[A-Za-z]/) {
                if (++n > best)
                    best = n
            } else
                n = 0
            rest = substr(rest, RSTART + RLENGTH)
        }
        if (best >= 3)
            print label ": " $0
    }' "$2"
}

# The lines of a file that are not allowed (tests/zh-english.allow).
: >"$tmp/allow"
[ -f "$allow" ] && grep -v -e '^#' -e '^$' "$allow" >"$tmp/allow"
flagged() { # label file
    scan "$1" "$2" >"$tmp/hits"
    if [ -s "$tmp/allow" ]; then grep -v -F -f "$tmp/allow" "$tmp/hits"; else cat "$tmp/hits"; fi
}

fails=0; runs=0
report() { # label file
    out=$(flagged "$1" "$2")
    if [ -n "$out" ]; then
        printf '%s\n' "$out"
        fails=$((fails + 1))
    fi
}

if [ "${PLANC_ZH_ENGLISH_SELFTEST:-}" = 1 ]; then
    printf '%s\n' "rules.plan:3:5: 错误：未定义的名称“耕地保有”" \
        "附注：请写 'override target NAME : ...'，或删除它" \
        "   3 | target x : undefined thing here" \
        "planc: 错误：h.db：无法读取（SQLite 报告：“database disk image is malformed”）" \
        "附注：请转换：iconv -f GB18030 -t UTF-8 'a b.csv' > data-utf8.csv（或另存为 UTF-8）" \
        "  数值       v = PM25相对 = PM25 / average(PM25) = 134.3511%" \
        "  数据：已变（6220fc7f9ba4 data.csv → 9deaaa05733d fixed.csv）" >"$tmp/good"
    [ -z "$(scan self "$tmp/good")" ] || { echo "FAIL: the scanner flags Chinese:"; scan self "$tmp/good"; exit 1; }
    printf '%s\n' "rules.plan:3:5: 错误：the new message is in English" >"$tmp/bad1"
    printf '%s\n' "附注：“甲”is not declared here" >"$tmp/bad2"
    printf '%s\n' "planc: warning: cannot use the cache directory '/x': Not a directory" >"$tmp/bad3"
    printf '%s\n' "rules.plan:16:21: 错误：undefined name '耕地保有'" >"$tmp/bad4"
    for b in bad1 bad2 bad3 bad4; do
        [ -n "$(scan self "$tmp/$b")" ] || { echo "FAIL: the scanner passes English: $(cat "$tmp/$b")"; exit 1; }
    done
    echo "selftest: ok"
fi

# every diagnostic, in Chinese
for f in "$src"/tests/diagnostics/*.plan; do
    name=$(basename "$f" .plan)
    (cd "$src/tests/diagnostics" && "$planc" check --lang zh "$name.plan") >/dev/null 2>"$tmp/err"
    runs=$((runs + 1))
    report "diagnostics/$name.plan" "$tmp/err"
done

# every run case with --lang zh, its messages and its text for a reader
for dir in "$src"/tests/run/*/; do
    dir=${dir%/}
    args=$(cat "$dir/cmd")
    name=$(basename "$dir")
    # an English case runs in Chinese too (its messages only: its output
    # may be a program's, CSV or JSON); one in another language is left
    zh=yes
    case " $args " in
    *" --lang zh "*) ;;
    *" --lang "* | *" --lang="* | *" --format json "* | *" --format=json "*) continue ;;
    *) zh=added; set -f; set -- $args; set +f; first=$1; shift; args="$first --lang zh $*" ;;
    esac
    rundir=$dir
    if [ -f "$dir/gen.sh" ]; then
        rundir=$tmp/case
        rm -rf "$rundir" && mkdir "$rundir" && cp -R "$dir"/. "$rundir"/ &&
            (case_dir=$(cd "$dir" && pwd) && cd "$rundir" && PLANC=$planc CASE=$case_dir sh gen.sh) >/dev/null 2>&1 ||
            { echo "FAIL: $name: gen.sh failed"; fails=$((fails + 1)); continue; }
    fi
    # shellcheck disable=SC2086
    (cd "$rundir" && eval "\"$planc\" $args") >"$tmp/out" 2>"$tmp/err"
    runs=$((runs + 1))
    report "run/$name (stderr)" "$tmp/err"
    [ "$zh" = yes ] || continue
    case "$args" in
    check* | explain* | test* | diff* | history* | compare* | verify* | template*)
        case " $args " in *" --format json "* | *" --format=json "* | *" --dump-ast "*) ;;
        *) report "run/$name (stdout)" "$tmp/out" ;; esac ;;
    esac
done

# every command's help in Chinese (planc help CMD --lang zh), its
# placeholders (RULES, CSV, FILE:LINE:COL, RUN_A) taken out first: they
# stand for what the user gives, as the English has them
for c in "" $("$planc" help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | sort -u); do
    # shellcheck disable=SC2086
    "$planc" help $c --lang zh 2>&1 | LC_ALL=C sed -E 's/(^|[^A-Za-z0-9_])[A-Z][A-Z0-9_]*([:~][A-Z]+)*/\1 /g' >"$tmp/out"
    runs=$((runs + 1))
    report "help ${c:-planc} (--lang zh)" "$tmp/out"
done

echo "zh-english: $runs runs, $fails with English in a Chinese run"
[ "$fails" -eq 0 ]
