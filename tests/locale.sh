#!/bin/sh
# locale.sh — the language of planc's messages without --lang: PLANC_LANG,
# else the locale as gettext reads it (docs/LANGUAGE.md §12).
#
#   locale.sh PLANC SRC
#
# Each case runs planc with the locale's variables cleared and only the
# ones it names set (env -u), so that the developer's own locale plays no
# part.  The order: --lang, then PLANC_LANG (en|zh), then LANGUAGE (only
# when the locale is not C), LC_ALL, LC_MESSAGES, LANG (zh... is Chinese,
# anything else English); a PLANC_LANG no language has is a usage error
# (exit 2) unless --lang is given.  Then what is meant for programs (the
# JSON of check, explain, compare and diff, run's CSV and JSON, the
# history database) and the documents (the page and the workbook, whose
# language is --lang's alone) are the same bytes under LANG=zh_CN.UTF-8
# as under LC_ALL=C.
set -u
# the harness's own tools in one locale; each planc below gets its own
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1; src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0; n=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
rules=$src/examples/quickstart/rules.plan
data=$src/examples/quickstart/data.csv
bad=$src/tests/diagnostics/undefined-short-name.plan
export SOURCE_DATE_EPOCH=1764547200

# run VAR=VALUE... -- ARGS...: planc with the locale's variables cleared
# and only those set; stdout in $tmp/out, stderr in $tmp/err, the exit
# code in rc
run() {
    seen=0
    for a; do # the list is read once: shift and append turn it round
        shift
        if [ $seen = 0 ] && [ "$a" = -- ]; then
            seen=1
            set -- "$@" "$planc"
        else
            set -- "$@" "$a"
        fi
    done
    env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE -u PLANC_LANG "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    n=$((n + 1))
}
# zh WHAT: the messages of the last run were Chinese; en WHAT: English
zh() { grep -q '错误：\|未定义的名称' "$tmp/err" || fail "$1: not Chinese: $(head -c 300 "$tmp/err")"; }
en() {
    grep -q "error: undefined name" "$tmp/err" || fail "$1: not English: $(head -c 300 "$tmp/err")"
    grep -q '错误' "$tmp/err" && fail "$1: Chinese in it: $(head -c 300 "$tmp/err")"
}

# --- the order of the variables, on a rules error (exit 1) -----------
run LANG=zh_CN.UTF-8 -- check "$bad"; zh "LANG=zh_CN.UTF-8"
[ "$rc" = 1 ] || fail "LANG=zh_CN.UTF-8 check: exit $rc, not 1"
run LANG=zh_CN.GB18030 -- check "$bad"; zh "LANG=zh_CN.GB18030"
run LANG=zh_TW.UTF-8 -- check "$bad"; zh "LANG=zh_TW.UTF-8 (planc's one Chinese)"
run LANG=zh -- check "$bad"; zh "LANG=zh"
run LANG=en_US.UTF-8 -- check "$bad"; en "LANG=en_US.UTF-8"
run LANG=C -- check "$bad"; en "LANG=C"
run LANG= -- check "$bad"; en "LANG= (empty)"
run -- check "$bad"; en "no locale variable"
run LANG=zhx_XX -- check "$bad"; en "LANG=zhx_XX (no zh language)"
run LANG=de_DE.UTF-8 -- check "$bad"; en "LANG=de_DE.UTF-8"
run LC_ALL=C LANG=zh_CN.UTF-8 -- check "$bad"; en "LC_ALL=C over LANG=zh_CN.UTF-8"
run LC_ALL=POSIX LANG=zh_CN.UTF-8 -- check "$bad"; en "LC_ALL=POSIX over LANG=zh_CN.UTF-8"
run LC_ALL=zh_CN.UTF-8 LANG=C -- check "$bad"; zh "LC_ALL=zh_CN.UTF-8 over LANG=C"
run LC_ALL= LANG=zh_CN.UTF-8 -- check "$bad"; zh "an empty LC_ALL is unset"
run LC_MESSAGES=zh_CN.UTF-8 LANG=en_US.UTF-8 -- check "$bad"; zh "LC_MESSAGES over LANG"
run LC_MESSAGES=C LANG=zh_CN.UTF-8 -- check "$bad"; en "LC_MESSAGES=C over LANG"
run LC_ALL=en_US.UTF-8 LC_MESSAGES=zh_CN.UTF-8 -- check "$bad"; en "LC_ALL over LC_MESSAGES"
run LC_CTYPE=zh_CN.UTF-8 -- check "$bad"; en "LC_CTYPE is not the messages' locale"
# LANGUAGE, as gettext: a list, read only when the locale is not C
run LANG=zh_CN.UTF-8 LANGUAGE=en_US:en -- check "$bad"; en "LANGUAGE=en_US:en over LANG=zh_CN.UTF-8"
run LANG=en_US.UTF-8 LANGUAGE=zh_CN:en -- check "$bad"; zh "LANGUAGE=zh_CN:en over LANG=en_US.UTF-8"
run LANG=en_US.UTF-8 LANGUAGE=de:zh_CN -- check "$bad"; zh "LANGUAGE=de:zh_CN (de has no catalog)"
run LANG=zh_CN.UTF-8 LANGUAGE=de:fr -- check "$bad"; en "LANGUAGE=de:fr (no catalog: untranslated)"
run LANG=C LANGUAGE=zh_CN -- check "$bad"; en "LANGUAGE under the C locale"
run LANG=C.UTF-8 LANGUAGE=zh_CN -- check "$bad"; en "LANGUAGE under C.UTF-8"
run LANG=zh_CN.UTF-8 LANGUAGE= -- check "$bad"; zh "an empty LANGUAGE"
# PLANC_LANG over the locale, --lang over everything
run PLANC_LANG=zh LC_ALL=C -- check "$bad"; zh "PLANC_LANG=zh over LC_ALL=C"
run PLANC_LANG=en LANG=zh_CN.UTF-8 LANGUAGE=zh_CN -- check "$bad"; en "PLANC_LANG=en over LANG and LANGUAGE"
run PLANC_LANG= LANG=zh_CN.UTF-8 -- check "$bad"; zh "an empty PLANC_LANG is unset"
run PLANC_LANG=zh LANG=zh_CN.UTF-8 -- check --lang en "$bad"; en "--lang en over PLANC_LANG=zh"
run PLANC_LANG=en LC_ALL=C -- check "$bad" --lang zh; zh "--lang zh over PLANC_LANG=en"
run LANG=zh_CN.UTF-8 -- check --lang en "$bad"; en "--lang en over LANG=zh_CN.UTF-8"
run LANG=zh_CN.UTF-8 -- check --lang zh --lang en "$bad"; en "the last --lang"

# --- the driver's own messages and the help ---------------------------
run LANG=zh_CN.UTF-8 -- run "$rules" --bogus
[ "$rc" = 2 ] || fail "LANG=zh_CN.UTF-8 run --bogus: exit $rc, not 2"
grep -q "^planc: 未知的选项 '--bogus'" "$tmp/err" || fail "LANG=zh_CN.UTF-8: the usage error not Chinese: $(cat "$tmp/err")"
grep -q "^运行 'planc help run' 查看用法。" "$tmp/err" || fail "LANG=zh_CN.UTF-8: no Chinese 'Run planc help'"
run LANG=zh_CN.UTF-8 -- help run
head -n 1 "$tmp/out" | grep -q '^用法：planc run' || fail "LANG=zh_CN.UTF-8 help run: not Chinese: $(head -n 1 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- --help
head -n 1 "$tmp/out" | grep -q '^用法：' || fail "LANG=zh_CN.UTF-8 --help: not Chinese"
run LANG=zh_CN.UTF-8 --
[ "$rc" = 2 ] || fail "LANG=zh_CN.UTF-8 planc alone: exit $rc, not 2"
head -n 1 "$tmp/err" | grep -q '^用法：' || fail "LANG=zh_CN.UTF-8 planc alone: the help not Chinese"
run LC_ALL=C LANG=zh_CN.UTF-8 -- help run
head -n 1 "$tmp/out" | grep -q '^usage: planc run' || fail "LC_ALL=C help run: not English"
run LANG=zh_CN.UTF-8 -- --root
grep -q "^planc: 选项 '--root' 需要一个值" "$tmp/err" || fail "LANG=zh_CN.UTF-8 --root: not Chinese: $(cat "$tmp/err")"
run LANG=zh_CN.UTF-8 -- run "$rules" --lang fr
grep -q "^planc: 未知的语言 'fr'" "$tmp/err" || fail "--lang fr under LANG=zh: its error not in the locale's: $(cat "$tmp/err")"

# --- a PLANC_LANG no language has -------------------------------------
run PLANC_LANG=fr -- check "$bad"
[ "$rc" = 2 ] || fail "PLANC_LANG=fr: exit $rc, not 2"
grep -q "^planc: unknown language 'fr' in PLANC_LANG (available: en, zh)$" "$tmp/err" ||
    fail "PLANC_LANG=fr: $(cat "$tmp/err")"
run PLANC_LANG=zh_CN LANG=zh_CN.UTF-8 -- check "$bad"
[ "$rc" = 2 ] || fail "PLANC_LANG=zh_CN: exit $rc, not 2"
grep -q "^planc: 'PLANC_LANG' 中未知的语言 'zh_CN'" "$tmp/err" || fail "PLANC_LANG=zh_CN under LANG=zh: $(cat "$tmp/err")"
run PLANC_LANG=fr -- check "$bad" --lang en; en "PLANC_LANG=fr with --lang en"
[ "$rc" = 1 ] || fail "PLANC_LANG=fr with --lang en: exit $rc, not 1"
run PLANC_LANG=fr -- help
[ "$rc" = 0 ] || fail "PLANC_LANG=fr help: exit $rc"
run PLANC_LANG=fr -- --version
[ "$rc" = 0 ] || fail "PLANC_LANG=fr --version: exit $rc"
run PLANC_LANG=fr -- run --help
[ "$rc" = 0 ] || fail "PLANC_LANG=fr run --help: exit $rc"
grep -q -- "--data" "$tmp/out" || fail "PLANC_LANG=fr run --help: no help: $(head -c 300 "$tmp/out")"
run PLANC_LANG=fr -- check -h
[ "$rc" = 0 ] || fail "PLANC_LANG=fr check -h: exit $rc"

# --- what programs read: the same bytes whatever the locale -----------
# each: the command under LC_ALL=C, then under LANG=zh_CN.UTF-8, and
# PLANC_LANG=zh; stdout and stderr compared
same() { # WHAT ARGS...
    what=$1; shift
    run LC_ALL=C -- "$@"; rc_c=$rc; cp "$tmp/out" "$tmp/c.out"; cp "$tmp/err" "$tmp/c.err"
    for v in LANG=zh_CN.UTF-8 PLANC_LANG=zh; do
        run "$v" -- "$@"
        [ "$rc" = "$rc_c" ] || fail "$what under $v: exit $rc, $rc_c under LC_ALL=C"
        cmp -s "$tmp/out" "$tmp/c.out" || fail "$what under $v: its output differs from LC_ALL=C's"
        cmp -s "$tmp/err" "$tmp/c.err" || fail "$what under $v: its messages differ from LC_ALL=C's: $(head -c 300 "$tmp/err")"
    done
}
same "check --format json" check --format json "$bad"
same "explain --format json" explain "$rules" --data "$data" --region 沈阳 --year 2024 --format json
same "explain --format json, an unknown region" explain "$rules" --data "$data" --region 沈 --format json
same "diff --format json" diff "$rules" "$bad" --format json
"$planc" run "$rules" --data "$data" --store "$tmp/h.db" -o "$tmp/r1.csv" 2>/dev/null
"$planc" run "$rules" --data "$data" --store "$tmp/h.db" -o "$tmp/r2.csv" 2>/dev/null
same "compare --format json" compare "$tmp/h.db" 1 2 --format json
same "compare --format json, no such run" compare "$tmp/h.db" 1 9 --format json
# the blank data file a city fills in, the IR and the syntax tree
same "template" template "$rules"
same "emit-llvm" emit-llvm "$rules"
same "check --dump-ir" check --dump-ir "$rules"
# run's CSV and JSON: the results the same; the messages may be Chinese
for f in csv json; do
    run LC_ALL=C -- run "$rules" --data "$data" --format $f; cp "$tmp/out" "$tmp/c.$f"
    run LANG=zh_CN.UTF-8 -- run "$rules" --data "$data" --format $f
    [ "$rc" = 0 ] || fail "run --format $f under LANG=zh_CN.UTF-8: exit $rc: $(cat "$tmp/err")"
    cmp -s "$tmp/out" "$tmp/c.$f" || fail "run --format $f: the results differ under LANG=zh_CN.UTF-8"
done
# the history database: the same rows (the time is SOURCE_DATE_EPOCH's)
# and the output's name, which it records
run LC_ALL=C -- run "$rules" --data "$data" --store "$tmp/c.db" -o "$tmp/r.csv"
run LANG=zh_CN.UTF-8 -- run "$rules" --data "$data" --store "$tmp/zh.db" -o "$tmp/r.csv"
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$tmp/c.db" .dump >"$tmp/c.dump" && sqlite3 "$tmp/zh.db" .dump >"$tmp/zh.dump" &&
        { cmp -s "$tmp/c.dump" "$tmp/zh.dump" || fail "the history database differs under LANG=zh_CN.UTF-8"; }
fi
# and its text, for a reader, in the locale's language
run LANG=zh_CN.UTF-8 -- history "$tmp/c.db"
head -n 1 "$tmp/out" | grep -q '^评估' || fail "history under LANG=zh_CN.UTF-8: not Chinese: $(head -n 1 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- compare "$tmp/h.db" 1 2
grep -q '评估' "$tmp/out" || fail "compare under LANG=zh_CN.UTF-8: not Chinese: $(head -n 2 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- verify "$tmp/c.db" 1 --output "$tmp/r.csv"
[ "$rc" = 0 ] || fail "verify under LANG=zh_CN.UTF-8: exit $rc: $(cat "$tmp/err")"
grep -q '^评估 1' "$tmp/out" || fail "verify under LANG=zh_CN.UTF-8: not Chinese: $(head -n 1 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- restore "$tmp/c.db" 1 "$tmp/restored"
[ "$rc" = 0 ] || fail "restore under LANG=zh_CN.UTF-8: exit $rc: $(cat "$tmp/err")"
grep -q '^已把评估 1' "$tmp/out" || fail "restore under LANG=zh_CN.UTF-8: not Chinese: $(head -n 1 "$tmp/out")"

# --- the documents: --lang's language, never the locale's -------------
for f in xlsx html; do
    run LC_ALL=C -- run "$rules" --data "$data" -o "$tmp/c.$f"
    [ -s "$tmp/err" ] && fail "run -o c.$f under LC_ALL=C says: $(cat "$tmp/err")"
    run LANG=zh_CN.UTF-8 -- run "$rules" --data "$data" -o "$tmp/zh.$f"
    [ "$rc" = 0 ] || fail "run -o zh.$f under LANG=zh_CN.UTF-8: exit $rc"
    cmp -s "$tmp/c.$f" "$tmp/zh.$f" || fail "the $f under LANG=zh_CN.UTF-8 differs from LC_ALL=C's (its language is --lang's)"
    # the reader is told how to get a Chinese one, in Chinese
    grep -q '^planc: 附注：.*--lang zh' "$tmp/err" || fail "run -o zh.$f under LANG=zh_CN.UTF-8: no note of --lang zh: $(cat "$tmp/err")"
    run LANG=zh_CN.UTF-8 -- run "$rules" --data "$data" -o "$tmp/zh2.$f" --lang zh
    [ -s "$tmp/err" ] && fail "run -o zh2.$f --lang zh says: $(cat "$tmp/err")"
    run LC_ALL=C -- run "$rules" --data "$data" -o "$tmp/c2.$f" --lang zh
    cmp -s "$tmp/c2.$f" "$tmp/zh2.$f" || fail "the $f with --lang zh differs between LC_ALL=C and LANG=zh_CN.UTF-8"
    cmp -s "$tmp/c.$f" "$tmp/c2.$f" && fail "the $f with --lang zh is the English one"
    run PLANC_LANG=zh -- run "$rules" --data "$data" -o "$tmp/p.$f"
    cmp -s "$tmp/c.$f" "$tmp/p.$f" || fail "the $f under PLANC_LANG=zh differs from LC_ALL=C's"
done

# -w and --warnings-as-errors read the Chinese level words of the
# locale's messages, as of --lang zh's
ar=$src/tests/run/adapt-region
run PLANC_LANG=zh -- run "$ar/dropped.plan" --data "$ar/data-base.csv" --skip-unknown-regions -w -o "$tmp/w.csv"
[ "$rc" = 0 ] && [ ! -s "$tmp/err" ] || fail "run -w under PLANC_LANG=zh: exit $rc, stderr $(cat "$tmp/err")"
rm -f "$tmp/w.csv"
run LANG=zh_CN.UTF-8 -- run "$ar/dropped.plan" --data "$ar/data-base.csv" --skip-unknown-regions \
    --warnings-as-errors -o "$tmp/w.csv"
[ "$rc" = 3 ] && [ ! -e "$tmp/w.csv" ] && grep -q '^planc: 错误：.*--warnings-as-errors' "$tmp/err" ||
    fail "run --warnings-as-errors under LANG=zh_CN.UTF-8: exit $rc, stderr $(cat "$tmp/err")"

# the note that says how to get a Chinese document, told after a warning
# -w leaves out, is no note of it: it stays
run LANG=zh_CN.UTF-8 -- run "$ar/dropped.plan" --data "$ar/data-base.csv" --skip-unknown-regions -w \
    -o "$tmp/w.xlsx"
[ "$rc" = 0 ] || fail "run -w -o w.xlsx under LANG=zh_CN.UTF-8: exit $rc"
grep -q '^planc: 附注：.*--lang zh' "$tmp/err" && ! grep -q '警告' "$tmp/err" ||
    fail "run -w -o w.xlsx under LANG=zh_CN.UTF-8, after a warning left out: $(cat "$tmp/err")"

# --- the other commands' text in the locale's language ----------------
run LANG=zh_CN.UTF-8 -- explain "$rules" --data "$data" --region 沈阳 --year 2024
grep -q '达标\|目标' "$tmp/out" || fail "explain under LANG=zh_CN.UTF-8: not Chinese: $(head -n 3 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- explain "$rules" --data "$data" --region 沈 --year 2024
grep -q '^planc: 错误：未知的地区' "$tmp/err" || fail "explain under LANG=zh_CN.UTF-8, an unknown region: $(cat "$tmp/err")"
run LANG=zh_CN.UTF-8 -- test "$rules"
[ "$rc" = 0 ] || fail "test under LANG=zh_CN.UTF-8: exit $rc"
grep -q '^测试结果：' "$tmp/out" || fail "test under LANG=zh_CN.UTF-8: not Chinese: $(head -n 2 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- template "$rules" --list
grep -q '地区' "$tmp/out" || fail "template --list under LANG=zh_CN.UTF-8: not Chinese: $(head -n 2 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- diff "$rules" "$rules"
grep -q '^无差异' "$tmp/out" || fail "diff under LANG=zh_CN.UTF-8: not Chinese: $(head -n 3 "$tmp/out")"
run LANG=zh_CN.UTF-8 -- build "$bad" -o "$tmp/x.so"; zh "build under LANG=zh_CN.UTF-8"
run LANG=zh_CN.UTF-8 -- emit-llvm "$bad"; zh "emit-llvm under LANG=zh_CN.UTF-8"

echo "locale: $n runs, $fails failures"
[ "$fails" = 0 ]
