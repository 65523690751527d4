#!/bin/sh
# help.sh — planc's help in English and in Chinese agree.
#
#   help.sh PLANC
#
# For planc's own help and each command its English help lists (so that a
# new command is met too), `planc help CMD --lang zh` must list the same
# options as `planc help CMD`: the set of long options (--xxx) and of
# short ones (-x, -xVALUE counts as -x) written anywhere in the text.  An
# option added to the English text without the Chinese fails here, and
# the other way round.  Then a few golden checks of the Chinese: it is
# Chinese (用法：, 退出码：), it is what `planc CMD --help --lang zh` and
# `planc help --lang zh CMD` print too, and `--lang en` is the English.
set -u
# one locale whatever the developer's: planc speaks PLANC_LANG's or the
# locale's language (docs/LANGUAGE.md §12), and the expected outputs are
# English unless a command says --lang zh
LC_ALL=C.UTF-8; export LC_ALL; unset LANGUAGE PLANC_LANG
planc=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# The options a help text names, one a line, sorted and unique.
options() { # file
    LC_ALL=C grep -oE '(^|[^A-Za-z0-9-])--?[A-Za-z][A-Za-z0-9-]*' "$1" |
        LC_ALL=C sed -E 's/^[^-]*//; s/^(-[A-Za-z]).*/\1/' | LC_ALL=C sort -u
}

"$planc" help >"$tmp/main.en" || fail "planc help: exit $?"
# the commands: the first word of each line of the list under "commands:"
cmds=$(sed -n '/^commands:/,/^$/p' "$tmp/main.en" | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' | sort -u)
[ -n "$cmds" ] || fail "no command found in planc help"
n=0
for c in main $cmds; do
    arg=$c; [ "$c" = main ] && arg=
    # shellcheck disable=SC2086
    "$planc" help $arg >"$tmp/$c.en" 2>"$tmp/err" || { fail "planc help $arg: $(cat "$tmp/err")"; continue; }
    # shellcheck disable=SC2086
    "$planc" help $arg --lang zh >"$tmp/$c.zh" 2>"$tmp/err" || { fail "planc help $arg --lang zh: $(cat "$tmp/err")"; continue; }
    n=$((n + 1))
    options "$tmp/$c.en" >"$tmp/$c.en.opts"
    options "$tmp/$c.zh" >"$tmp/$c.zh.opts"
    [ -s "$tmp/$c.en.opts" ] || fail "help $arg: no option found in the English"
    if ! cmp -s "$tmp/$c.en.opts" "$tmp/$c.zh.opts"; then
        fail "help $arg: the English and the Chinese list different options (< English only, > Chinese only):"
        diff "$tmp/$c.en.opts" "$tmp/$c.zh.opts" | grep '^[<>]'
    fi
    # the Chinese is Chinese: its usage line and its exit codes
    head -n 1 "$tmp/$c.zh" | grep -q '^用法：planc ' || fail "help $arg --lang zh: first line not 用法：planc ...: $(head -n 1 "$tmp/$c.zh")"
    grep -q '^退出码：' "$tmp/$c.zh" || fail "help $arg --lang zh: no 退出码："
    grep -q '^usage: ' "$tmp/$c.zh" && fail "help $arg --lang zh: an English usage line"
    # --lang en is the English, and the command's own --help the same text
    # shellcheck disable=SC2086
    "$planc" help $arg --lang en | cmp -s - "$tmp/$c.en" || fail "help $arg --lang en differs from the English"
    case $c in main | help) continue ;; esac
    "$planc" "$c" --help --lang zh | cmp -s - "$tmp/$c.zh" || fail "planc $c --help --lang zh differs from planc help $c --lang zh"
    "$planc" "$c" --lang zh --help | cmp -s - "$tmp/$c.zh" || fail "planc $c --lang zh --help differs from planc help $c --lang zh"
    "$planc" help --lang zh "$c" | cmp -s - "$tmp/$c.zh" || fail "planc help --lang zh $c differs from planc help $c --lang zh"
    # before the command too, as --root may stand (it was "unknown command '--lang'")
    "$planc" --lang zh help "$c" | cmp -s - "$tmp/$c.zh" || fail "planc --lang zh help $c differs from planc help $c --lang zh"
    "$planc" --lang zh "$c" --help | cmp -s - "$tmp/$c.zh" || fail "planc --lang zh $c --help differs from planc help $c --lang zh"
    "$planc" "$c" --help | cmp -s - "$tmp/$c.en" || fail "planc $c --help differs from planc help $c"
done

# golden lines of the Chinese (docs/GUIDE.zh-CN.md §8's words)
golden() { # file line
    grep -qxF -- "$2" "$tmp/$1" || fail "$1: no line '$2'"
}
golden main.zh '  history DB                 列出以 run --store DB 记入的评估'
golden main.zh '  -h, --help [COMMAND]       显示本说明，或某个命令的说明（同 '"'"'planc'
golden main.en '  -h, --help [COMMAND]       show this help, or a command'"'"'s (as '"'"'planc'
golden run.zh '  --no-cache       既不读也不写编译代码的缓存'
golden run.zh '  --year Y         汇总所针对的年份（默认：数据中的最后一年）'
golden check.zh '  --dump-ir    把每个文件的评分程序输出到标准输出'
golden history.zh '  --lang LANG  列标题和报错信息所用语言：en 或 zh（不给时按 PLANC_LANG'
# where the language comes from without --lang, in both
golden main.en '$PLANC_LANG (en or zh), else the locale'"'"'s language (LANGUAGE, LC_ALL,'
golden main.zh 'compare、verify、restore、template 的文本按 $PLANC_LANG（en 或 zh），否则按'
golden template.zh "  --na TEXT    与 --check 同用：内容为 TEXT 的单元格视为缺失（同 planc run）"
# each file checked takes a --check of its own: one --check does not take
# several files, as "--check FILE..." read
golden template.en '       planc template RULES --check FILE [--check FILE]... [--region R]...'
golden template.zh '      planc template RULES --check FILE [--check FILE]... [--region R]...'
"$planc" --help --lang zh | cmp -s - "$tmp/main.zh" || fail "planc --help --lang zh differs from planc help --lang zh"
"$planc" --lang zh --help | cmp -s - "$tmp/main.zh" || fail "planc --lang zh --help differs from planc help --lang zh"
# help's own --help is planc's help, as 'planc help help' is (it was "unknown command '--help'")
"$planc" help --help --lang zh | cmp -s - "$tmp/main.zh" || fail "planc help --help --lang zh differs from planc help --lang zh"
"$planc" help -h | cmp -s - "$tmp/main.en" || fail "planc help -h differs from planc help"
# a --lang before the command that is a later one's: the last counts
"$planc" --lang zh help run --lang en | cmp -s - "$tmp/run.en" || fail "planc --lang zh help run --lang en is not the English"
# a command's own error, with --lang before it
"$planc" --lang zh run >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "^运行 'planc help run' 查看用法。" "$tmp/err" || fail "planc --lang zh run: $(cat "$tmp/err")"
"$planc" --lang zh >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "^用法：planc " "$tmp/err" || fail "planc --lang zh: $(cat "$tmp/err")"
# an unknown command's error is in the run's language too
"$planc" help nosuch --lang zh >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "未知的命令 'nosuch'" "$tmp/err" || fail "planc help nosuch --lang zh: $(cat "$tmp/err")"

# the test itself: an option the Chinese lacks is found
printf '%s\n' "usage: planc x [--alpha] [-o OUT] [-jN]" "  --beta-gamma B" >"$tmp/self.en"
printf '%s\n' "用法：planc x [--alpha] [-o OUT]" "  （也可写作 -oOUT）" >"$tmp/self.zh"
[ "$(options "$tmp/self.en" | tr '\n' ' ')" = "--alpha --beta-gamma -j -o " ] ||
    fail "selftest: options of the English: $(options "$tmp/self.en" | tr '\n' ' ')"
options "$tmp/self.en" >"$tmp/self.en.opts"; options "$tmp/self.zh" >"$tmp/self.zh.opts"
cmp -s "$tmp/self.en.opts" "$tmp/self.zh.opts" && fail "selftest: a missing option is not found"

echo "help: $n commands' help in English and Chinese, $fails failures"
[ "$fails" -eq 0 ]
