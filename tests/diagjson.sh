#!/bin/sh
# diagjson.sh — the diagnostics for programs and the warnings' control
# (docs/LANGUAGE.md §12): --diagnostics json, -w and --warnings-as-errors.
#
#   diagjson.sh PLANC SRCDIR
#
# Every line a JSON run writes on stderr is parsed (python3's json) and its
# members checked: a run with data errors (file, line, data_column, the
# note in the error's notes), one with warnings, one with the rules'
# warnings (positions from the checker), explain, template --check and
# verify; -w leaves the warnings out and nothing else; warnings as errors
# end a run with exit 1 (the rules') or 3 (the data's) and no output file
# nor recorded run; and the text is the same bytes without the options as
# with --diagnostics text.
set -u
planc=$1; src=$2
runs=$src/tests/run
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
command -v python3 >/dev/null 2>&1 || { echo "diagjson: no python3, skipped"; exit 77; }

# Checks that every line of FILE is a JSON object of the diagnostics'
# schema, then runs the python CHECK with `d` the list of objects.
json_lines() { # label file check
    python3 - "$2" "$3" 2>"$tmp/py.err" <<'EOF' || fail "$1: $(cat "$tmp/py.err" 2>/dev/null)"
import json, re, sys
path, check = sys.argv[1], sys.argv[2]
d = []
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    o = json.loads(line)
    assert isinstance(o, dict), "line %d: not an object" % n
    assert o["level"] in ("error", "warning", "note"), "line %d: level %r" % (n, o["level"])
    assert isinstance(o["message"], str) and o["message"], "line %d: message" % n
    assert isinstance(o["notes"], list), "line %d: notes" % n
    # a warning's name (docs/LANGUAGE.md §12, named warnings): each
    # warning has one, kebab-case, and its message does not repeat it
    if o["level"] == "warning":
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", o.get("name", "")), "line %d: name %r" % (n, o.get("name"))
    for x in [o] + o["notes"]:
        assert "name" not in x or x["level"] == "warning", "line %d: a name on a %s" % (n, x["level"])
        assert not re.search(r" \[-W[a-z0-9-]+\]$", x["message"]), "line %d: the name in the message" % n
        assert set(x) <= {"level", "message", "name", "notes", "file", "line", "column", "end_line",
                          "end_column", "data_column"}, "line %d: members %r" % (n, sorted(x))
        if "line" in x:
            assert "file" in x and isinstance(x["line"], int) and x["line"] >= 1, "line %d: line" % n
        if "column" in x:
            assert x["end_line"] >= x["line"] and isinstance(x["column"], int), "line %d: column" % n
    d.append(o)
exec(check)
EOF
}

run_in() { # dir planc-args... (stdout, stderr and rc into $tmp/out, $tmp/err, $tmp/rc)
    dir=$1; shift
    (cd "$dir" && "$planc" "$@") >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/rc"
}
rc() { cat "$tmp/rc"; }

# --- data errors: each with its file, line and column name; notes inside
run_in "$runs/adapt-region-alias" run ext.plan --data data.csv --diagnostics json -o "$tmp/o.csv"
[ "$(rc)" = 3 ] || fail "data errors: exit $(rc), expected 3"
[ -e "$tmp/o.csv" ] && fail "data errors: an output file was written"
json_lines "data errors" "$tmp/err" '
assert len(d) == 4, len(d)
for o in d:
    assert o["level"] == "error" and o["file"] == "data.csv" and o["data_column"] == "region", o
    assert o["notes"] and o["notes"][0]["line"] == o["line"], o
assert [o["line"] for o in d] == [4, 5, 6, 7]
assert d[2]["message"] == "column '"'"'region'"'"': unknown region '"'"'Jiasheng'"'"'", d[2]["message"]
assert d[3]["notes"][-1]["message"].startswith("rows of regions the rules dropped are errors")
assert "line" not in d[3]["notes"][-1]
'

# --- a warning of the data, with its note; the results as without it
run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --skip-unknown-regions --rollup region --diagnostics json
[ "$(rc)" = 0 ] || fail "data warning: exit $(rc)"
cmp -s "$tmp/out" "$runs/adapt-region-dropped-skip/expected.out" || fail "data warning: the results differ with --diagnostics json"
json_lines "data warning" "$tmp/err" '
assert len(d) == 1 and d[0]["level"] == "warning", d
assert d[0]["message"].startswith("skipped 4 rows of regions the rules do not declare"), d[0]
assert d[0]["file"] == "data-base.csv" and "line" not in d[0]
assert len(d[0]["notes"]) == 1 and d[0]["notes"][0]["message"].startswith("4 of them name a region")
'

# --- a column missing (--allow-missing-columns): its name in data_column
run_in "$runs/data-allow-missing-columns" run ../../../examples/quickstart/rules.plan --data data.csv \
    --allow-missing-columns --rollup region --diagnostics json
cmp -s "$tmp/out" "$runs/data-allow-missing-columns/expected.out" || fail "missing column: the results differ"
json_lines "missing column" "$tmp/err" '
m = [o for o in d if "is not in the header" in o["message"]]
assert m and m[0]["level"] == "warning" and m[0]["data_column"] == "pm25" and m[0]["line"] == 1, d
'

# --- -w: the warning and its note left out, nothing else
run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --skip-unknown-regions --rollup region -w
[ "$(rc)" = 0 ] || fail "-w: exit $(rc)"
[ -s "$tmp/err" ] && fail "-w: stderr not empty: $(cat "$tmp/err")"
cmp -s "$tmp/out" "$runs/adapt-region-dropped-skip/expected.out" || fail "-w: the results differ"
run_in "$runs/adapt-region-alias" run ext.plan --data data.csv --no-warnings
cmp -s "$tmp/err" "$runs/adapt-region-alias/expected.err" || fail "--no-warnings: the errors differ"
[ "$(rc)" = 3 ] || fail "--no-warnings: exit $(rc)"
run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --skip-unknown-regions --rollup region -w --diagnostics json
[ -s "$tmp/err" ] && fail "-w --diagnostics json: stderr not empty: $(cat "$tmp/err")"

# --- warnings as errors: exit 3, no output, no run recorded
run_in "$runs/adapt-region-dropped-skip" run ../adapt-region/dropped.plan --data ../adapt-region/data-base.csv \
    --skip-unknown-regions --warnings-as-errors -o "$tmp/w.csv" --store "$tmp/h.db"
[ "$(rc)" = 3 ] || fail "--warnings-as-errors: exit $(rc), expected 3"
[ -e "$tmp/w.csv" ] && fail "--warnings-as-errors: the output file was written"
[ -e "$tmp/h.db" ] && fail "--warnings-as-errors: the history database was made"
[ -s "$tmp/out" ] && fail "--warnings-as-errors: stdout not empty"
tail -n 1 "$tmp/err" | grep -qx 'planc: error: 1 warning treated as an error (--warnings-as-errors)' ||
    fail "--warnings-as-errors: last line: $(tail -n 1 "$tmp/err")"
head -n 2 "$tmp/err" | cmp -s - "$runs/adapt-region-dropped-skip/expected.err" ||
    fail "--warnings-as-errors: the warning differs from the text's"
run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --skip-unknown-regions \
    --warnings-as-errors --diagnostics json
[ "$(rc)" = 3 ] || fail "--warnings-as-errors json: exit $(rc)"
[ -s "$tmp/out" ] && fail "--warnings-as-errors json: results on stdout"
json_lines "warnings as errors" "$tmp/err" '
assert [o["level"] for o in d] == ["warning", "error"], d
assert d[1]["message"] == "1 warning treated as an error (--warnings-as-errors)", d[1]
'
# the warnings about the results (a target no row judges, a region without
# a total), said after them otherwise, stop them: stdout stays empty
run_in "$runs/added-row-grade-own" run rules.plan --data data.csv --warnings-as-errors
[ "$(rc)" = 3 ] || fail "results' warnings as errors: exit $(rc), expected 3"
[ -s "$tmp/out" ] && fail "results' warnings as errors: results on stdout"
grep -c ': warning: ' "$tmp/err" | grep -qx 2 || fail "results' warnings as errors: $(cat "$tmp/err")"
run_in "$runs/added-row-grade-own" run rules.plan --data data.csv --diagnostics json
cmp -s "$tmp/out" "$runs/added-row-grade-own/expected.out" || fail "results' warnings json: the results differ"
json_lines "results' warnings" "$tmp/err" '
assert [o["level"] for o in d] == ["warning", "warning"], d
assert d[0]["file"] == "rules.plan" and d[0]["line"] == 27 and d[0]["column"] == 21, d[0]
assert d[1]["file"] == "data.csv" and "line" not in d[1], d[1]
assert d[1]["notes"] == [{"level": "note", "message": "hint: give 甲省 rows of its own in the data"}], d[1]
'
# -w and --warnings-as-errors contradict
run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --skip-unknown-regions --warnings-as-errors -w
[ "$(rc)" = 2 ] || fail "-w with --warnings-as-errors: exit $(rc), expected 2"

# --- the rules' warnings: the checker's positions; as errors, exit 1
# (the warning's note points at the base's agency 辽宁海事局, wherever the
# Liaoning rules declare it)
mline=$(grep -n '^agency 辽宁海事局 ' "$src/rules/liaoning/beautiful-liaoning.plan" | cut -d: -f1)
run_in "$runs/adapt-run" run ../../../rules/examples/adapted-province.plan --root ../../../rules \
    --data ../../../examples/adapted/data.csv --diagnostics json
[ "$(rc)" = 0 ] || fail "rules warning: exit $(rc)"
cmp -s "$tmp/out" "$runs/adapt-run/expected.out" || fail "rules warning: the results differ"
json_lines "rules warning" "$tmp/err" '
w = [o for o in d if o["level"] == "warning"]
assert w and w[0]["file"].endswith("adapted-province.plan") and w[0]["line"] == 34 and w[0]["column"] == 13, w
assert w[0]["end_column"] > w[0]["column"], w[0]
assert any("file" in n and n["line"] == '"$mline"' for n in w[0]["notes"]), w[0]["notes"]
'
run_in "$runs/adapt-run" run ../../../rules/examples/adapted-province.plan --root ../../../rules \
    --data ../../../examples/adapted/data.csv --warnings-as-errors -o "$tmp/r.csv"
[ "$(rc)" = 1 ] || fail "rules warning as error: exit $(rc), expected 1"
[ -e "$tmp/r.csv" ] && fail "rules warning as error: the output file was written"

# --- check: -w, --warnings-as-errors, --diagnostics json as --format json
diags=$src/tests/diagnostics
run_in "$diags" check many-warnings.plan -w
{ [ "$(rc)" = 0 ] && [ ! -s "$tmp/err" ]; } || fail "check -w: exit $(rc), stderr $(head -c 200 "$tmp/err")"
run_in "$diags" check many-warnings.plan --warnings-as-errors
[ "$(rc)" = 1 ] || fail "check --warnings-as-errors: exit $(rc), expected 1"
tail -n 1 "$tmp/err" | grep -qx 'planc: error: 102 warnings treated as errors (--warnings-as-errors)' ||
    fail "check --warnings-as-errors: last line: $(tail -n 1 "$tmp/err")"
run_in "$diags" check groups.plan --diagnostics json
cp "$tmp/err" "$tmp/a"
run_in "$diags" check groups.plan --format json
cmp -s "$tmp/a" "$tmp/err" || fail "check --diagnostics json differs from --format json"
run_in "$diags" check many-warnings.plan --warnings-as-errors --format json
json_lines "check json" "$tmp/err" '
assert d[-1] == {"level": "error", "message": "102 warnings treated as errors (--warnings-as-errors)", "notes": []}, d[-1]
'
run_in "$diags" check --lang zh many-warnings.plan --warnings-as-errors
tail -n 1 "$tmp/err" | grep -qx 'planc: 错误：102个警告按错误处理（--warnings-as-errors）' ||
    fail "check zh: last line: $(tail -n 1 "$tmp/err")"

# --- explain, template --check and verify
run_in "$runs/adapt-region" explain dropped.plan --data data.csv --skip-unknown-regions --region 乙二 \
    --year 2027 --diagnostics json
[ "$(rc)" = 2 ] || fail "explain json: exit $(rc)"
json_lines "explain" "$tmp/err" '
assert [o["level"] for o in d] == ["warning", "error"], d
assert d[1]["message"] == "region '"'"'乙二'"'"' was dropped by the rules" and "file" not in d[1], d[1]
assert d[1]["notes"] == [{"level": "note", "message": "the rules drop it at ext.plan:6"}], d[1]
'
run_in "$runs/template-check-errors" template rules.plan --check data.csv --region 甲 --years 2023-2024 \
    --diagnostics json
[ "$(rc)" = 3 ] || fail "template json: exit $(rc)"
json_lines "template --check" "$tmp/err" '
assert [o["level"] for o in d] == ["error", "error", "error", "note"], d
assert d[0]["file"] == "data.csv" and d[0]["line"] == 3, d[0]
assert d[3]["message"] == "data.csv: problems found: 3", d[3]
'
# of several files, each message's "file" is the one file it is about (it
# was "a.csv, b.csv", the files joined); one about them together has none
run_in "$runs/template-check-files" template rules.plan --check a.csv --check b.csv --region 甲 --region 丙 \
    --region 省 --years 2023-2024 --diagnostics json
[ "$(rc)" = 3 ] || fail "template json, two files: exit $(rc)"
json_lines "template --check, two files" "$tmp/err" '
files = [x.get("file") for o in d for x in [o] + o["notes"]]
assert set(files) == {"a.csv", "b.csv", None}, files
assert d[0]["file"] == "b.csv" and d[0]["line"] == 2, d[0]
assert "file" not in d[3] and d[3]["message"] == "no row of 丙 for 2023", d[3]
'
run_in "$tmp" verify "$tmp/none.db" 1 --data "$tmp/none.csv" --diagnostics json
[ "$(rc)" = 2 ] || fail "verify json: exit $(rc)"
json_lines "verify" "$tmp/err" '
assert len(d) == 1 and d[0]["level"] == "error" and "none.db" in d[0]["message"], d
'
run_in "$runs/adapt-region" explain dropped.plan --data data-base.csv --skip-unknown-regions --region 甲省 \
    --year 2023 --warnings-as-errors
[ "$(rc)" = 3 ] || fail "explain --warnings-as-errors: exit $(rc), expected 3"
[ -s "$tmp/out" ] && fail "explain --warnings-as-errors: an explanation was written"
run_in "$runs/adapt-region" explain dropped.plan --data data-base.csv --skip-unknown-regions --region 甲省 \
    --year 2023 -w
{ [ "$(rc)" = 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; } || fail "explain -w: exit $(rc), $(cat "$tmp/err")"
# template takes --warnings-as-errors as run does: a warning of the file
# checked is a data problem (exit 3), after --check's last line; its JSON
# is English under a Chinese environment (it was Chinese text, each line
# a note of its own)
(PLANC_LANG=zh; export PLANC_LANG
 run_in "$runs/template-check-werror" template rules.plan --check data.csv --warnings-as-errors --diagnostics json)
[ "$(rc)" = 3 ] || fail "template --warnings-as-errors: exit $(rc), expected 3"
json_lines "template --warnings-as-errors" "$tmp/err" '
assert [o["level"] for o in d] == ["warning", "note", "note", "error"], d
assert d[0]["file"] == "data.csv" and d[0]["message"].startswith("skipped 1 line at the end"), d[0]
# the check's notes are its own, not the warning's
assert d[0]["notes"] == [] and d[1]["message"].startswith("column 'pm25' is empty"), d[:2]
assert d[3]["message"] == "1 warning treated as an error (--warnings-as-errors)", d[3]
'
# a data file named "planc": "planc: warning: ..." was planc's own, of no
# file, and "planc: ok: ..." an error; it is shown ./planc ("planc.csv"
# was its own name already); its last line counts the warning (under -w,
# which leaves it out, "ok")
for f in planc planc.csv; do
    cp "$runs/template-check-werror/data.csv" "$tmp/$f"
    run_in "$tmp" template "$runs/template-check-werror/rules.plan" --check "$f" --diagnostics json
    [ "$(rc)" = 0 ] || fail "template --check $f: exit $(rc)"
    json_lines "template --check $f" "$tmp/err" '
want = "'"$f"'"
want = "./planc" if want == "planc" else want
assert [o["level"] for o in d] == ["warning", "note", "note"], d
assert d[0]["file"] == want and d[1]["file"] == want and all(x["file"] == want for x in d[1]["notes"]), d[:2]
assert d[2]["message"].startswith(want + ": no errors, 1 warning (above): "), d[2]
'
done
run_in "$runs/template-check-werror" template rules.plan --check data.csv -w
{ [ "$(rc)" = 0 ] && ! grep -q warning "$tmp/err" && grep -q "note: column 'pm25' is empty" "$tmp/err" &&
    grep -q "^data.csv: ok: " "$tmp/err"; } ||
    fail "template -w: exit $(rc), $(cat "$tmp/err")"

# --- usage: JSON is English; a bad value
run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --lang zh --diagnostics json
[ "$(rc)" = 2 ] || fail "--lang zh --diagnostics json: exit $(rc), expected 2"
# ... but --lang zh of a workbook or a page is the document's: the JSON
# stays English, the workbook is Chinese
for doc in xlsx html; do
    run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --skip-unknown-regions --lang zh \
        --diagnostics json -o "$tmp/zh.$doc"
    [ "$(rc)" = 0 ] || fail "--lang zh --diagnostics json -o zh.$doc: exit $(rc): $(cat "$tmp/err")"
    python3 -c '
import json, sys
d = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert d and all(x["level"] == "warning" and x["message"].startswith("skipped 4 rows") for x in d), d
' "$tmp/err" || fail "--lang zh --diagnostics json -o zh.$doc: not English JSON: $(cat "$tmp/err")"
done
python3 -c '
import sys, zipfile
assert "地区".encode() in zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml")
' "$tmp/zh.xlsx" || fail "--lang zh --diagnostics json: the workbook is not in Chinese"
grep -q "地区" "$tmp/zh.html" || fail "--lang zh --diagnostics json: the page is not in Chinese"
run_in "$runs/adapt-region" run dropped.plan --data data-base.csv --diagnostics xml
{ [ "$(rc)" = 2 ] && grep -q "unknown format 'xml' (available: text, json)" "$tmp/err"; } ||
    fail "--diagnostics xml: exit $(rc): $(cat "$tmp/err")"

# --- a run ended by a signal: the JSON object awaiting its notes is
# written all the same (SIGPIPE: the results' reader gone before they are
# written; the text form had said the warning at once)
for form in json text; do
    (cd "$runs/adapt-region" && python3 - "$planc" "$form" "$tmp/sig-$form.err" <<'EOF'
import os, subprocess, sys
planc, form, err = sys.argv[1:4]
r, w = os.pipe()
os.close(r)  # no reader: the first write of the results is SIGPIPE
with open(err, "wb") as e:
    rc = subprocess.call([planc, "run", "dropped.plan", "--data", "data-base.csv", "--skip-unknown-regions",
                          "--rollup", "region", "--diagnostics", form], stdout=w, stderr=e)
sys.exit(0 if rc == -13 else 1)
EOF
    ) || fail "signal ($form): not ended by SIGPIPE"
done
grep -q "^data-base.csv: warning: skipped 4 rows" "$tmp/sig-text.err" || fail "signal (text): the warning is lost"
json_lines "signal" "$tmp/sig-json.err" '
assert len(d) == 1 and d[0]["level"] == "warning" and len(d[0]["notes"]) == 1, d
assert d[0]["message"].startswith("skipped 4 rows"), d[0]
'

# --- a data file whose name holds a level word ("x: error: y.csv"): the
# level is the one after the name, so -w leaves its warning out and
# --warnings-as-errors fails on it
mkdir "$tmp/lw" && cp "$runs/adapt-region/data-base.csv" "$tmp/lw/x: error: y.csv"
run_in "$runs/adapt-region" run dropped.plan --data "$tmp/lw/x: error: y.csv" --skip-unknown-regions \
    --rollup region --diagnostics json
json_lines "level word in a name" "$tmp/err" '
assert len(d) == 1 and d[0]["level"] == "warning" and d[0]["file"].endswith("/x: error: y.csv"), d
assert d[0]["message"].startswith("skipped 4 rows") and len(d[0]["notes"]) == 1, d[0]
'
run_in "$runs/adapt-region" run dropped.plan --data "$tmp/lw/x: error: y.csv" --skip-unknown-regions \
    --rollup region -w
[ "$(rc)" = 0 ] && [ ! -s "$tmp/err" ] || fail "level word in a name, -w: exit $(rc), stderr $(head -c 200 "$tmp/err")"
run_in "$runs/adapt-region" run dropped.plan --data "$tmp/lw/x: error: y.csv" --skip-unknown-regions \
    --rollup region --warnings-as-errors -o "$tmp/lw.csv"
[ "$(rc)" = 3 ] || fail "level word in a name, --warnings-as-errors: exit $(rc), expected 3"
[ -e "$tmp/lw.csv" ] && fail "level word in a name, --warnings-as-errors: an output file was written"

# --- data files whose names start as a message's continuation or level
# do (a blank, "warning: ", "{": relative names, so the message's line
# starts with them): each warning is still a warning of its file, so -w
# leaves it out, --warnings-as-errors fails on it and JSON stays JSON
mkdir "$tmp/lw2"
for name in " lead.csv" "warning: x.csv" "{x.csv"; do
    cp "$runs/adapt-region/data-base.csv" "$tmp/lw2/$name"
    run_in "$tmp/lw2" run "$runs/adapt-region/dropped.plan" --data "$name" --skip-unknown-regions \
        --rollup region --diagnostics json
    NAME=$name json_lines "name '$name' starting a line" "$tmp/err" '
import os
assert len(d) == 1 and d[0]["level"] == "warning" and d[0]["file"] == os.environ["NAME"], d
assert d[0]["message"].startswith("skipped 4 rows") and len(d[0]["notes"]) == 1, d[0]
'
    run_in "$tmp/lw2" run "$runs/adapt-region/dropped.plan" --data "$name" --skip-unknown-regions \
        --rollup region -w
    [ "$(rc)" = 0 ] && [ ! -s "$tmp/err" ] || fail "name '$name' starting a line, -w: exit $(rc), stderr $(head -c 200 "$tmp/err")"
    rm -f "$tmp/lw2.csv"
    run_in "$tmp/lw2" run "$runs/adapt-region/dropped.plan" --data "$name" --skip-unknown-regions \
        --rollup region --warnings-as-errors -o "$tmp/lw2.csv"
    [ "$(rc)" = 3 ] || fail "name '$name' starting a line, --warnings-as-errors: exit $(rc), expected 3"
    [ -e "$tmp/lw2.csv" ] && fail "name '$name' starting a line, --warnings-as-errors: an output file was written"
    grep -q '^planc: error: 1 warning treated as an error' "$tmp/err" ||
        fail "name '$name' starting a line, --warnings-as-errors: $(head -c 300 "$tmp/err")"
done
# ... and an error of such a file stays an error under -w (exit 3, said)
cp "$runs/adapt-region/data-base.csv" "$tmp/lw2/warning: e.csv"
run_in "$tmp/lw2" run "$runs/adapt-region/dropped.plan" --data "warning: e.csv" -w
[ "$(rc)" = 3 ] && grep -q "^warning: e.csv:5: error: " "$tmp/err" ||
    fail "an error of 'warning: e.csv' under -w: exit $(rc), stderr $(head -c 300 "$tmp/err")"

# --- data files whose names messages show escaped (a line break, a tab,
# a byte of no UTF-8): "file" is the file's own name, as check's JSON
# gives a rules file's (the byte as U+FFFD), and a level word after the
# escaped name is still read as part of it
mkdir "$tmp/esc"
for name in "$(printf 'nl\nx.csv')" "$(printf 'bad\377.csv')" "$(printf 'tab\tx: error: y.csv')"; do
    cp "$runs/adapt-region/data-base.csv" "$tmp/esc/$name"
    run_in "$tmp/esc" run "$runs/adapt-region/dropped.plan" --data "$name" --skip-unknown-regions \
        --rollup region --diagnostics json
    NAME=$name json_lines "escaped name $(printf '%s' "$name" | od -An -c | tr -s ' ')" "$tmp/err" '
import os
want = os.fsencode(os.environ["NAME"]).decode("utf-8", "replace")
assert len(d) == 1 and d[0]["level"] == "warning" and d[0]["file"] == want, (d, want)
assert d[0]["notes"][0]["file"] == want, d[0]
'
done

# --- text: the same bytes with --diagnostics text as without
for c in adapt-region-alias adapt-region-dropped-skip adapt-run; do
    args=$(cat "$runs/$c/cmd")
    (cd "$runs/$c" && eval "\"$planc\" $args --diagnostics text") >"$tmp/out" 2>"$tmp/err"
    cmp -s "$tmp/err" "$runs/$c/expected.err" 2>/dev/null ||
        { [ ! -f "$runs/$c/expected.err" ] && [ ! -s "$tmp/err" ]; } || fail "$c: --diagnostics text differs"
    exp=$runs/$c/expected.out; [ -f "$exp" ] || exp=/dev/null
    cmp -s "$tmp/out" "$exp" || fail "$c: the results differ with --diagnostics text"
done

# --- every warning the goldens hold ends in its name (compiler/warnings.h:
# a new warning printed without warn_message or diag_warning's kind would
# have none, and -Wno-NAME could not turn it off); the line that says the
# limit was reached is no warning of a kind
unnamed=$(cat "$src"/tests/diagnostics/*.err "$src"/tests/run/*/expected.err |
    grep -E '^([^ ].*: )?(warning: |警告：)' | grep -v -E ' \[-W[a-z0-9]+(-[a-z0-9]+)*\]$' |
    grep -v -E '^planc: (warning: too many warnings|警告：警告过多)')
[ -z "$unnamed" ] || fail "warnings without a name in the goldens: $(printf '%s\n' "$unnamed" | head -3)"

echo "diagjson: $fails failures"
[ "$fails" -eq 0 ]
