#!/usr/bin/env python3
"""The editor files of grammar/editors/ against the real language.

    python3 tests/editors.py REPO [PLANC]

Fails when the lexer (grammar/lexer.l) or the parser (grammar/parser.y)
has a keyword or a contextual word that the TextMate grammar or the vim
syntax file does not know, when the grammar is not valid JSON or one of
its regexes does not compile, when its name characters are not the
lexer's, when highlighting the repository's real rules files gives a
keyword, a name, a number, a string or a comment another colour than the
lexer reads it, or when the VS Code problem matchers do not read
`planc check`'s messages (in English and in Chinese) as the errors and
warnings they are.

The grammar's regexes are run with Python's re in place of Oniguruma,
the engine VS Code (and TextMate) use.  The two agree on what the grammar
uses: character classes of literal characters (the JSON's \\uXXXX escapes
are decoded before either engine sees them), (?=...) (?!...) and
one-character (?<!...), ^ and $ on one line (the matcher below feeds each
line with its "\\n", as vscode-textmate does).  They differ on \\d \\w \\b
\\s (Unicode-wide in one, not always in the other) and on \\p{...}, \\h, \\G
(Oniguruma only): the grammar must not use them, and this test says so.
A rule of the grammar is applied as vscode-textmate applies it: at each
position the pattern whose match starts first wins, the earlier one in
the list on a tie, and a begin/end rule's end pattern comes before the
patterns inside it.

PLANC, when given, is run on a diagnostics file in each language to
check the problem matchers on live output too.
"""
import bisect
import glob
import json
import os
import re
import shutil
import subprocess
import sys

REPO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
PLANC = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
EDITORS = os.path.join(REPO, "grammar", "editors")
EXT = os.path.join(EDITORS, "vscode-planc")
failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 60:
        print("FAIL: " + msg)


def read(path):
    with open(os.path.join(REPO, path), encoding="utf-8") as f:
        return f.read()


# ---------------------------------------------------------------------------
# What the language has, read from its sources.

LEXER = read("grammar/lexer.l")
PARSER = read("grammar/parser.y")
SEMA = read("compiler/sema.c")
LABELS = read("runtime/labels.c")

# keywords: the lexer's `"word"  TOKEN(KW_...)` rules
KEYWORDS = re.findall(r'^"([a-z_]+)"\s+TOKEN\(KW_[A-Z_]+\);', LEXER, re.M)
if len(KEYWORDS) < 50:
    fail("found only %d keywords in grammar/lexer.l: has its rule format changed?" % len(KEYWORDS))
# every KW_ token the parser declares is a keyword of the lexer or a
# contextual word it makes itself (keep)
parser_kw = dict(re.findall(r'KW_([A-Z_]+) "\'?([a-z_]+)\'?"', PARSER))
CONTEXTUAL_KW = sorted(w for w in parser_kw.values() if w not in KEYWORDS)
if "keep" not in CONTEXTUAL_KW:
    fail("parser.y declares no contextual KW_KEEP \"keep\": has it become a keyword?")
KEEP_NEXT = ["target", "measure", "section", "region", "indicator", "agency"]
m = re.search(r"static bool keep_starts\([^;{]*\)\s*\{.*?switch \(ps->peek_tok\) \{(.*?)return true;", PARSER, re.S)
if not m or sorted(w.lower() for w in re.findall(r"case KW_([A-Z]+):", m.group(1))) != sorted(KEEP_NEXT):
    fail("the words after which `keep` starts a statement (parser.y keep_starts) are not %s" % KEEP_NEXT)
# the words the parser compares names with: is_word(ps, $N, "word", ...)
IS_WORDS = sorted(set(re.findall(r'is_word\(ps, \$\d, "([a-z_]+)"', PARSER)))
m = re.search(r"static bool expectation_word\([^;{]*\)\s*\{(.*?)\};", PARSER, re.S)
STATUS = re.findall(r'"([a-z_]+)"', m.group(1)) if m else []
m = re.search(r"static ast_agg aggregate\([^;{]*\)\s*\{.*?words\[\] = \{(.*?)\};", PARSER, re.S)
AGGS = re.findall(r'\{"([a-z]+)", AGG_', m.group(1)) if m else []
m = re.search(r"fnname_list\[\] = \{(.*?)\};", SEMA, re.S)
FNS = re.findall(r'"([a-z]+)"', m.group(1)) if m else []
for what, words in (("is_word", IS_WORDS), ("expectation_word", STATUS), ("aggregate", AGGS), ("fnname_list", FNS)):
    if not words:
        fail("found no words of %s: has its source changed?" % what)
CONTEXTUAL = sorted(set(CONTEXTUAL_KW + IS_WORDS + STATUS + AGGS) - set(KEYWORDS))
# the level words of a diagnostic, per language
LEVELS = {}
for key in ("ERROR", "WARNING", "NOTE"):
    LEVELS[key] = re.findall(r'\[LBL_G_%s\] = "([^"]*)"' % key, LABELS)
    if len(LEVELS[key]) < 2:
        fail("found %d level words LBL_G_%s in runtime/labels.c" % (len(LEVELS[key]), key))


def lexer_letters():
    """The code points of the lexer's IDSTART and IDCONT (beyond ASCII)."""
    defs = dict(re.findall(r"^([A-Z][A-Za-z0-9]*)\s+(\S.*)$", LEXER.split("%%")[0], re.M))

    def expand(p, depth=0):
        return re.sub(r"\{([A-Z][A-Za-z0-9]*)\}", lambda m: "(?:" + expand(defs[m.group(1)], depth + 1) + ")", p)

    cps = [c for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    blob = b"\n" + b"\n".join(chr(c).encode("utf-8") for c in cps) + b"\n"
    out = []
    for name in ("IDSTART", "IDCONT"):
        rx = re.compile(b"(?<=\n)(?:" + expand(defs[name]).encode("ascii") + b")(?=\n)")
        out.append({ord(m.group(0).decode("utf-8")) for m in rx.finditer(blob)})
        out[-1] |= {ord(c) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"}
    out[1] |= {ord(c) for c in "0123456789"}
    return out


IDSTART, IDCONT = lexer_letters()
if 0x6C88 not in IDSTART or 0xB2 not in IDCONT or 0xB2 in IDSTART or 0xFF0C in IDCONT:
    fail("the lexer's letters read from grammar/lexer.l look wrong (沈 %s, ² %s/%s, ， %s)"
         % (0x6C88 in IDSTART, 0xB2 in IDCONT, 0xB2 in IDSTART, 0xFF0C in IDCONT))


# ---------------------------------------------------------------------------
# The TextMate grammar.

GPATH = os.path.join(EXT, "syntaxes", "planc.tmLanguage.json")
try:
    with open(GPATH, encoding="utf-8") as f:
        GRAMMAR = json.load(f)
except (OSError, ValueError) as e:
    print("FAIL: %s: %s" % (GPATH, e))
    sys.exit(1)
if GRAMMAR.get("scopeName") != "source.planc":
    fail("the grammar's scopeName is %r, not source.planc" % GRAMMAR.get("scopeName"))

ALL_CP = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def regexes(rule, where="$"):
    """Every (where, key, regex text) of a rule and the rules inside it."""
    if isinstance(rule, dict):
        for k in ("match", "begin", "end"):
            if k in rule:
                yield where, k, rule[k]
        for k, v in rule.items():
            if isinstance(v, (dict, list)):
                yield from regexes(v, where + "." + k)
    elif isinstance(rule, list):
        for i, v in enumerate(rule):
            yield from regexes(v, "%s[%d]" % (where, i))


def char_classes(rx):
    """The [...] classes of regex text rx (not nested: the grammar has none)."""
    out, i = [], 0
    while i < len(rx):
        if rx[i] == "\\":
            i += 2
        elif rx[i] == "[":
            j = i + 1 + (rx[i + 1:i + 2] == "^")
            j += rx[j:j + 1] == "]"
            while j < len(rx) and rx[j] != "]":
                j += 2 if rx[j] == "\\" else 1
            out.append(rx[i:j + 1])
            i = j + 1
        else:
            i += 1
    return out


def check_regexes():
    seen = {}
    for where, key, rx in regexes(GRAMMAR):
        try:
            re.compile(rx)
        except re.error as e:
            fail("%s.%s does not compile: %s" % (where, key, e))
            continue
        i = 0
        while i < len(rx):
            if rx[i] == "\\" and i + 1 < len(rx):
                if rx[i + 1] in "dDwWbBsSpPhHGAzZ":
                    fail("%s.%s uses \\%s, which Oniguruma and Python read differently" % (where, key, rx[i + 1]))
                i += 2
            else:
                i += 1
        for cls in char_classes(rx):
            if not cls.startswith("[^") and re.fullmatch(cls, "\u6c88") and cls not in seen:
                # a class of name characters: the lexer's, exactly
                got = {ord(c) for c in re.findall(cls, ALL_CP)}
                seen[cls] = True
                if got not in (IDSTART, IDCONT):
                    a, b = min((IDSTART, IDCONT), key=lambda s: len(s ^ got)), got
                    diff = sorted(a ^ b)
                    fail("%s.%s: a class of name characters that is not the lexer's IDSTART or IDCONT "
                         "(%d code points differ, first U+%04X)" % (where, key, len(diff), diff[0]))
    if len(seen) < 2:
        fail("the grammar has %d classes of name characters: expected the lexer's IDSTART and IDCONT" % len(seen))


check_regexes()


class Matcher:
    """A small TextMate engine: enough of vscode-textmate's rules to
    tokenise with this grammar (match, begin/end, captures, contentName,
    include of #name and $self)."""

    def __init__(self, grammar):
        self.g = grammar
        self.cache = {}
        self.cands = {}

    def rx(self, text):
        if text not in self.cache:
            self.cache[text] = re.compile(text)
        return self.cache[text]

    def flatten(self, patterns, seen=()):
        out = []
        for p in patterns:
            inc = p.get("include")
            if inc is None:
                if "match" in p or "begin" in p:
                    out.append(p)
                elif "patterns" in p:
                    out.extend(self.flatten(p["patterns"], seen))
                continue
            if inc in seen:
                continue
            if inc == "$self" or inc == "$base":
                out.extend(self.flatten(self.g["patterns"], seen + (inc,)))
            elif inc.startswith("#"):
                r = self.g["repository"][inc[1:]]
                if "match" in r or "begin" in r:
                    out.append(r)
                else:
                    out.extend(self.flatten(r.get("patterns", []), seen + (inc,)))
            else:
                raise ValueError("include %r" % inc)
        return out

    @staticmethod
    def paint(scopes, m, base, caps, n):
        for i in range(m.start(), min(m.end(), n)):
            scopes[i] = list(base)
        for k in sorted(caps or {}, key=int):
            g = int(k)
            if g <= (m.re.groups) and m.start(g) >= 0 and "name" in caps[k]:
                for i in range(m.start(g), min(m.end(g), n)):
                    scopes[i].append(caps[k]["name"])

    def tokenize(self, lines):
        """Per line, the list of scopes of each character."""
        top = {"patterns": self.g["patterns"]}
        # a frame: (rule, scopes inside it, scopes of its begin/end)
        stack = [(top, [self.g["scopeName"]], [self.g["scopeName"]])]
        result = []
        for line in lines:
            s, n = line + "\n", len(line)
            scopes = [None] * n
            pos = 0
            guard = 0
            while pos <= n:
                guard += 1
                if guard > 10 * n + 100:
                    raise RuntimeError("no progress at %r" % line)
                rule, inner, outer = stack[-1]
                key = id(rule)
                if key not in self.cands:
                    self.cands[key] = ([("end", rule)] if "end" in rule else []) + \
                        [("rule", r) for r in self.flatten(rule.get("patterns", []))]
                cands = self.cands[key]
                best = None
                for kind, r in cands:
                    m = self.rx(r["end"] if kind == "end" else r.get("match") or r["begin"]).search(s, pos)
                    if m and (best is None or m.start() < best[1].start()):
                        best = (kind, m, r)
                if best is None or (best[1].start() >= n and best[0] != "end"):
                    for i in range(pos, n):
                        scopes[i] = list(inner)
                    break
                kind, m, r = best
                for i in range(pos, min(m.start(), n)):
                    scopes[i] = list(inner)
                if kind == "end":
                    self.paint(scopes, m, outer, r.get("endCaptures") or r.get("captures"), n)
                    stack.pop()
                elif "match" in r:
                    base = inner + ([r["name"]] if "name" in r else [])
                    self.paint(scopes, m, base, r.get("captures"), n)
                else:
                    base = inner + ([r["name"]] if "name" in r else [])
                    self.paint(scopes, m, base, r.get("beginCaptures") or r.get("captures"), n)
                    stack.append((r, base + ([r["contentName"]] if "contentName" in r else []), base))
                if m.end() == m.start() and kind == "rule" and "match" in r:
                    if pos < n:
                        scopes[pos] = list(inner)
                    pos += 1
                else:
                    pos = m.end()
            result.append(scopes)
        return result


MATCHER = Matcher(GRAMMAR)

KW_SCOPES = ("keyword.control.", "keyword.operator.word.", "constant.language.boolean.", "storage.type.",
             "keyword.other.module.", "keyword.other.planc")


def category(scopes):
    """What colour a character gets, from the innermost scope that says."""
    for sc in reversed(scopes or []):
        if sc.startswith("comment.") or sc.startswith("punctuation.definition.comment"):
            return "comment"
        if sc.startswith("string.") or sc.startswith("punctuation.definition.string") or \
                sc.startswith("constant.character.escape") or sc.startswith("invalid.illegal.escape"):
            return "string"
        if sc.startswith("constant.numeric."):
            return "number"
        if sc.startswith("keyword.other.unit."):
            return "unit"
        if sc.startswith("keyword.other.contextual."):
            return "contextual"
        if sc.startswith("support.function."):
            return "function"
        if sc.startswith(KW_SCOPES):
            return "keyword"
    return "name"


def categories_of(text):
    lines = re.split(r"\r\n|\r|\n", text)
    return lines, MATCHER.tokenize(lines)


# Every keyword, alone and in a name; every contextual word where it is one.
def check_words():
    def colour(src, word):
        """The colours of the last `word` in src."""
        lines, toks = categories_of(src)
        ln = max(i for i, l in enumerate(lines) if word in l)
        lo = lines[ln].rindex(word)
        return {category(toks[ln][i]) for i in range(lo, lo + len(word))}

    for src, word, want, _ in word_cases():
        got = colour(src, word)
        if got != {want}:
            fail("TextMate grammar: %r in %r is %s, not %s" % (word, src, "/".join(sorted(got)), want))
    text = json.dumps(GRAMMAR)
    for w in CONTEXTUAL + FNS:
        if not re.search(r"(?<![a-z_])%s(?![a-z_])" % w, text):
            fail("TextMate grammar: the word %r of the parser is not in it" % w)


def word_cases():
    """(source, word, its colour, whether vim gets it right too): the
    last `word` in source.  Vim's data and expect are contextual at the
    start of any line, not only in a test block."""
    cases = []
    for w in KEYWORDS:
        cases += [(w, w, "keyword"), (w + "沈阳", w + "沈阳", "name"), ("沈阳" + w, "沈阳" + w, "name"),
                  (w + "_1 x", w + "_1", "name"), ("x " + w + " y", w, "keyword")]
    cases += [("keep " + n + " X", "keep", "contextual") for n in KEEP_NEXT]
    cases += [("  keep target X", "keep", "contextual"), ("lead keep", "keep", "name"),
              ("region 甲 : city in keep", "keep", "name"), ("keep X", "keep", "name"),
              ("indicator X : 1, values {", "values", "contextual"), ("values", "values", "name"),
              ("override targets for city", "targets", "contextual"), ("agency targets", "targets", "name"),
              ("targets", "targets", "name")]
    for w in FNS:
        cases += [("x >= %s(y)" % w, w, "function"), ("x >= %s (y)" % w, w, "function")]
        if w not in KEYWORDS and w not in CONTEXTUAL:
            cases.append(("x >= %s" % w, w, "name"))
    for w in AGGS:
        cases.append(('indicator X : 1, column "c" %s' % w, w, "contextual"))
        cases.append(('indicator X : 1, column "c" in kg %s, higher' % w, w, "contextual"))
        cases.append(('indicator X : 1, higher, formula %s' % w, w, "name"))
    for w in STATUS + [x for x in IS_WORDS if x not in ("data", "expect", "values")]:
        cases.append(('test "t" {\n  expect 甲 2024 X %s 1\n}' % w, w, "contextual"))
        cases.append(('indicator X : 1, formula %s' % w, w, "name"))
    for w in ("data", "expect"):
        cases.append(('test "t" {\n  %s "x"\n}' % w, w, "contextual"))
        cases.append(('target 甲 : 1 >= 0\n  %s' % w, w, "name", False))
    return [c if len(c) == 4 else c + (True,) for c in cases]


check_words()


# ---------------------------------------------------------------------------
# The real rules files, read by a Python copy of the lexer (grammar/lexer.l)
# and the parser's contextual words, then highlighted.

def lex(text):
    """The tokens of a rules file: (kind, start, end, text), with kind one
    of kw, name, num, str, comment, op."""
    toks, i, n = [], 0, len(text)
    numrx = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
    strrx = re.compile(r'"(?:[^"\\\r\n]|\\[^\r\n])*(?:"|\\)?')
    while i < n:
        c = text[i]
        if c in " \t\r\n\f\v":
            i += 1
        elif c == "#" or text.startswith("//", i):
            j = i
            while j < n and text[j] not in "\r\n":
                j += 1
            toks.append(("comment", i, j, text[i:j]))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            toks.append(("comment", i, j, text[i:j]))
            i = j
        elif ord(c) in IDSTART:
            j = i + 1
            while j < n and ord(text[j]) in IDCONT:
                j += 1
            w = text[i:j]
            toks.append(("kw" if w in KEYWORDS else "name", i, j, w))
            i = j
        elif "0" <= c <= "9":
            j = numrx.match(text, i).end()
            toks.append(("num", i, j, text[i:j]))
            i = j
        elif c == '"':
            j = strrx.match(text, i).end()
            toks.append(("str", i, j, text[i:j]))
            i = j
        elif c == "\u201c":
            j = i + 1
            while j < n and text[j] not in "\u201d\r\n":
                j += 1
            j += j < n and text[j] == "\u201d"
            toks.append(("str", i, j, text[i:j]))
            i = j
        else:
            for op in ("..", "<=", ">=", "==", "!="):
                if text.startswith(op, i):
                    break
            else:
                op = c
            toks.append(("op", i, i + len(op), op))
            i += len(op)
    return toks


def expected(text, toks):
    """The colour of each token, as the lexer and the parser read it."""
    out = []
    depth = 0
    test_depth = None          # the depth a test block opened at
    expect_line = None         # the line start of an `expect` line
    column_on = False          # after `column "..."`, before ',' '}' or the line's end
    clause = False             # inside measure (...) / clause (...)
    bracket = False            # inside a [compound unit]

    def line_start(p):
        return max(text.rfind("\n", 0, p), text.rfind("\r", 0, p)) + 1

    def first_on_line(k):
        return k == 0 or text[line_start(toks[k][1]):toks[k][1]].strip(" \t") == ""

    def same_line(a, b):
        return not re.search(r"[\r\n]", text[a:b])

    for k, (kind, lo, hi, w) in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        prev = toks[k - 1] if k else None
        if column_on and (not same_line(toks[column_on][1], lo) or (kind == "op" and w in ",}")):
            column_on = False
        if expect_line is not None and not same_line(expect_line, lo):
            expect_line = None
        want = {"kw": "keyword", "name": "name", "num": "number", "str": "string", "comment": "comment"}.get(kind)
        if kind in ("kw", "name") and w in FNS and nxt and nxt[3] == "(" and same_line(hi, nxt[1]):
            want = "function"
        if kind == "name":
            if w == "keep" and depth == 0 and first_on_line(k) and nxt and nxt[3] in KEEP_NEXT:
                want = "contextual"
            elif w == "values" and nxt and nxt[3] == "{":
                want = "contextual"
            elif test_depth is not None and w in ("data", "expect") and first_on_line(k):
                want = "contextual"
            elif expect_line is not None and w in STATUS + ["value", "total"]:
                want = "contextual"
            elif column_on and w in AGGS:
                want = "contextual"
            elif bracket or (prev and prev[0] == "num" and prev[2] == lo):
                want = "unit"
        if clause and kind in ("name", "num"):
            want = "name"               # a clause id: (九), (2.1)
        if kind == "op" and w == "%" and prev and prev[0] == "num" and prev[2] == lo:
            want = "unit"
        if want:
            out.append((lo, hi, w, want))
        # the state after the token
        if kind == "kw" and w == "test" and depth == 0:
            test_depth = depth
        if kind == "name" and w == "expect" and test_depth is not None and first_on_line(k):
            expect_line = lo
        if kind == "kw" and w == "column":
            column_on = k
        if kind == "kw" and w in ("measure", "clause") and nxt and nxt[3] == "(":
            clause = True
        elif clause and kind == "op" and w == ")":
            clause = False
        if kind == "op" and w == "[":
            bracket = True
        elif kind == "op" and w == "]":
            bracket = False
        if kind == "op" and w == "{":
            depth += 1
        elif kind == "op" and w == "}":
            depth = max(0, depth - 1)
            if test_depth is not None and depth == test_depth:
                test_depth = None
    return out


def real_files():
    pats = ["rules/*/*.plan", "examples/*/*.plan", "tests/lang-examples/*.plan"]
    files = sorted(set(f for p in pats for f in glob.glob(os.path.join(REPO, p))))
    if len(files) < 30:
        fail("found only %d real rules files" % len(files))
    return files


def check_real_files():
    ntok = nkw = 0
    for path in real_files():
        with open(path, encoding="utf-8") as f:
            text = f.read()             # CRLF and CR read as "\n", as the lexer counts lines
        lines, scopes = categories_of(text)
        starts, p = [], 0
        for ln in lines:
            starts.append(p)
            p += len(ln) + 1
        bad = 0
        for lo, hi, w, want in expected(text, lex(text)):
            li = bisect.bisect_right(starts, lo) - 1
            got = set()
            for pos in range(lo, hi):
                li2 = bisect.bisect_right(starts, pos) - 1
                col = pos - starts[li2]
                if col < len(scopes[li2]):
                    got.add(category(scopes[li2][col]))
            ntok += 1
            nkw += want == "keyword"
            if got != {want}:
                bad += 1
                if bad <= 5:
                    fail("%s:%d:%d: %r is highlighted as %s, and the lexer reads a %s"
                         % (os.path.relpath(path, REPO), li + 1, lo - starts[li] + 1, w,
                            "/".join(sorted(got)), want))
        if bad > 5:
            fail("%s: %d more tokens highlighted wrongly" % (os.path.relpath(path, REPO), bad - 5))
    if nkw < 1000:
        fail("the real files held only %d keywords" % nkw)
    print("real files: %d tokens, %d keywords highlighted as the lexer reads them" % (ntok, nkw))


check_real_files()


# ---------------------------------------------------------------------------
# The language configuration: comments, brackets, quotes, names whole.

def check_configuration():
    with open(os.path.join(EXT, "language-configuration.json"), encoding="utf-8") as f:
        conf = json.load(f)
    if conf.get("comments", {}).get("lineComment") not in ("#", "//"):
        fail("language-configuration.json: the line comment is not '#' or '//'")
    if conf.get("comments", {}).get("blockComment") != ["/*", "*/"]:
        fail("language-configuration.json: the block comment is not /* */")
    if not any(p.get("open") == '"' for p in conf.get("autoClosingPairs", [])):
        fail("language-configuration.json: '\"' does not close itself")
    wp = re.compile(conf["wordPattern"])
    names = set()
    for path in real_files():
        with open(path, encoding="utf-8") as f:
            names |= {w for kind, _, _, w in lex(f.read()) if kind in ("name", "kw")}
    for w in sorted(names):
        m = wp.search(w)
        if not m or m.group(0) != w:
            fail("language-configuration.json: the word pattern does not keep %r whole" % w)
    for w in ("耕地保有量", "km²", "PM25浓度", "7603", "4.1"):
        m = wp.search(w)
        if not m or m.group(0) != w:
            fail("language-configuration.json: the word pattern does not keep %r whole" % w)
    if wp.search("，") or wp.search("、"):
        fail("language-configuration.json: the word pattern takes full-width punctuation for a word")


check_configuration()


# ---------------------------------------------------------------------------
# The problem matchers of package.json, on planc's messages.

def diag_reference(line):
    """(severity, file, line, column, message, code) of a line of planc's
    diagnostics, by the level words of runtime/labels.c, or None; a
    warning's code is the name its line ends in (" [-Wpercent-sum]",
    compiler/warnings.h), left out of the message."""
    m = re.match(r"^(.+?):([0-9]+):([0-9]+): (.*)$", line)
    if not m:
        return None
    for sev, key in (("error", "ERROR"), ("warning", "WARNING")):
        for word in LEVELS[key]:
            if m.group(4).startswith(word):
                msg, code = m.group(4)[len(word):], None
                named = re.match(r"^(.*) \[-W([a-z0-9-]+)\]$", msg) if sev == "warning" else None
                if named:
                    msg, code = named.group(1), named.group(2)
                return (sev, m.group(1), int(m.group(2)), int(m.group(3)), msg, code)
    return None


def check_problem_matchers():
    with open(os.path.join(EXT, "package.json"), encoding="utf-8") as f:
        pkg = json.load(f)
    contrib = pkg.get("contributes", {})
    langs = contrib.get("languages", [])
    if not any(".plan" in l.get("extensions", []) and l.get("id") == "planc" for l in langs):
        fail("package.json: no language planc for .plan files")
    if not any(g.get("scopeName") == "source.planc" and g.get("language") == "planc" and
               os.path.exists(os.path.join(EXT, g.get("path", ""))) for g in contrib.get("grammars", [])):
        fail("package.json: no grammar source.planc at an existing path")
    for l in langs:
        if not os.path.exists(os.path.join(EXT, l.get("configuration", ""))):
            fail("package.json: %s does not exist" % l.get("configuration"))
    matchers = {}
    for pm in contrib.get("problemMatchers", []):
        p = pm["pattern"]
        matchers[pm["name"]] = (re.compile(p["regexp"]), p, pm["severity"])
    for want in ("planc-error", "planc-warning"):
        if want not in matchers:
            fail("package.json: no problem matcher %s" % want)
    with open(os.path.join(EDITORS, "tasks.json"), encoding="utf-8") as f:
        tasks = json.loads(re.sub(r"^\s*//.*$", "", f.read(), flags=re.M))
    for t in tasks["tasks"]:
        for ref in t.get("problemMatcher", []):
            if ref.lstrip("$") not in matchers:
                fail("grammar/editors/tasks.json: %s is no problem matcher of package.json" % ref)

    def read_line(line):
        """What VS Code would show for a line of planc's output: one
        (severity, file, line, column, message, code) or None."""
        hits = []
        for name, (rx, p, sev) in matchers.items():
            m = rx.match(line)
            if m:
                hits.append((sev, m.group(p["file"]), int(m.group(p["line"])), int(m.group(p["column"])),
                             m.group(p["message"]), m.group(p["code"]) if "code" in p else None))
        if len(hits) > 1:
            fail("two problem matchers read %r" % line)
        return hits[0] if hits else None

    counts = {"error": 0, "warning": 0, "other": 0}
    outputs = []
    for path in sorted(glob.glob(os.path.join(REPO, "tests", "diagnostics", "*.err"))):
        with open(path, encoding="utf-8") as f:
            outputs.append((os.path.relpath(path, REPO), f.read()))
    if PLANC:
        diag = os.path.join(REPO, "tests", "diagnostics")
        for lang in ("en", "zh"):
            r = subprocess.run([PLANC, "check", "--lang", lang, "five-mistakes.plan"], cwd=diag,
                               capture_output=True, text=True)
            if r.returncode == 0 or not r.stderr:
                fail("planc check --lang %s five-mistakes.plan gave no errors" % lang)
            outputs.append(("planc check --lang " + lang, r.stderr))
    zh = 0
    for name, text in outputs:
        for line in text.splitlines():
            want, got = diag_reference(line), read_line(line)
            counts[want[0] if want else "other"] += 1
            zh += bool(want) and bool(re.search(r"[\u4e00-\u9fff]：", line.split(": ", 1)[-1][:4]))
            if want != got:
                fail("%s: the problem matchers read %r as %r, not %r" % (name, line, got, want))
    if counts["error"] < 300 or counts["warning"] < 10 or zh < 50:
        fail("the diagnostics held only %d errors, %d warnings, %d in Chinese" % (counts["error"], counts["warning"], zh))
    print("problem matchers: %d errors, %d warnings (%d in Chinese), %d other lines read as they should"
          % (counts["error"], counts["warning"], zh, counts["other"]))


check_problem_matchers()


# ---------------------------------------------------------------------------
# The vim syntax file and its companions.

def check_vim():
    path = os.path.join(EDITORS, "vim", "syntax", "planc.vim")
    with open(path, encoding="utf-8") as f:
        vim = f.read()
    kw = {}
    for grp, words in re.findall(r"^syn(?:tax)? keyword (\w+) (.*)$", vim, re.M):
        for w in words.split():
            if "=" not in w and w not in ("contained", "skipwhite", "skipnl", "skipempty", "transparent"):
                kw[w] = grp
    matches = " ".join(re.findall(r"^syn(?:tax)? match .*$", vim, re.M)).replace("\\zs", " ").replace("\\ze", " ")
    for w in KEYWORDS:
        if w not in kw and not re.search(r"(?<![a-z_])%s(?![a-z_])" % w, matches):
            fail("vim/syntax/planc.vim: the keyword %r is in no syntax keyword or match" % w)
    for w in sorted(set(CONTEXTUAL + FNS)):
        if w in kw:
            fail("vim/syntax/planc.vim: the contextual word %r is a syntax keyword (a name elsewhere)" % w)
        elif not re.search(r"(?<![a-z_])%s(?![a-z_])" % w, matches):
            fail("vim/syntax/planc.vim: the contextual word %r is in no syntax match" % w)
    for w in kw:
        if w not in KEYWORDS and kw[w] != "plancTodo":
            fail("vim/syntax/planc.vim: %r is a syntax keyword, and no keyword of the lexer" % w)
    with open(os.path.join(EDITORS, "vim", "ftdetect", "planc.vim"), encoding="utf-8") as f:
        if not re.search(r"\*\.plan\b.*planc", f.read()):
            fail("vim/ftdetect/planc.vim does not set filetype planc for *.plan")


check_vim()


VIM_DUMP = r"""
let s:out = []
for s:l in range(1, line('$'))
  let s:names = []
  for s:c in range(1, strlen(getline(s:l)))
    call add(s:names, synIDattr(synID(s:l, s:c, 1), 'name'))
  endfor
  call add(s:out, join(s:names, ','))
endfor
call writefile(s:out, $PLANC_VIM_OUT)
qall!
"""
VIM_GROUPS = {"plancDeclaration": "keyword", "plancModule": "keyword", "plancConditional": "keyword",
              "plancOperator": "keyword", "plancBoolean": "keyword", "plancKeyword": "keyword",
              "plancContextual": "contextual", "plancStatus": "contextual", "plancAggregate": "contextual", "plancFunction": "function", "plancNumber": "number",
              "plancUnit": "unit", "plancNumberUnit": "unit", "plancString": "string", "plancEscape": "string", "plancBadEscape": "string",
              "plancComment": "comment", "plancTodo": "comment"}


def vim_groups(vim, tmp, path):
    """The syntax group of each byte of each line of path, as vim
    highlights it with grammar/editors/vim."""
    script, out = os.path.join(tmp, "dump.vim"), os.path.join(tmp, "out.txt")
    with open(script, "w") as f:
        f.write(VIM_DUMP)
    if os.path.exists(out):
        os.remove(out)
    r = subprocess.run([vim, "-u", "NONE", "-i", "NONE", "-N", "-n", "-es", "--cmd",
                        "set rtp^=" + os.path.join(EDITORS, "vim"), "--cmd", "filetype plugin on",
                        "--cmd", "syntax on", "-c", "source " + script, path],
                       env=dict(os.environ, PLANC_VIM_OUT=out), stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=120)
    if not os.path.exists(out):
        fail("vim did not highlight %s: %s" % (path, r.stderr[-300:]))
        return None
    with open(out, encoding="utf-8") as f:
        return [l.split(",") for l in f.read().split("\n")]


def vim_colour(groups, line, text_before, word):
    col = len(text_before.encode("utf-8"))
    return {VIM_GROUPS.get(g, "name") for g in groups[line][col:col + len(word.encode("utf-8"))]}


def check_vim_highlighting():
    """The keywords and contextual words, and the real files, highlighted
    by vim itself (when it is installed: it is no dependency of planc),
    token by token against the lexer."""
    vim = shutil.which("vim")
    if not vim:
        print("vim: not installed, its highlighting not checked")
        return
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        # the word cases, one after another with a blank line between
        cases = [c for c in word_cases() if c[3]]
        lines, where = [], []
        for src, word, want, _ in cases:
            part = src.split("\n")
            ln = max(i for i, l in enumerate(part) if word in l)
            where.append((len(lines) + ln, part[ln][:part[ln].rindex(word)]))
            lines += part + [""]
        path = os.path.join(tmp, "words.plan")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        groups = vim_groups(vim, tmp, path)
        if groups is None:
            return
        for (src, word, want, _), (ln, before) in zip(cases, where):
            got = vim_colour(groups, ln, before, word)
            if got != {want}:
                fail("vim: %r in %r is %s, not %s" % (word, src, "/".join(sorted(got)), want))
        ntok = 0
        for path in real_files():
            with open(path, encoding="utf-8") as f:
                text = f.read()
            groups = vim_groups(vim, tmp, path)
            if groups is None:
                return
            starts, p = [], 0
            for ln in text.split("\n"):
                starts.append(p)
                p += len(ln) + 1
            bad = 0
            for lo, hi, w, want in expected(text, lex(text)):
                li = bisect.bisect_right(starts, lo) - 1
                got = vim_colour(groups, li, text[starts[li]:lo], w)
                ntok += 1
                if got != {want}:
                    bad += 1
                    if bad <= 5:
                        fail("vim: %s:%d:%d: %r is highlighted as %s, and the lexer reads a %s"
                             % (os.path.relpath(path, REPO), li + 1, lo - starts[li] + 1, w,
                                "/".join(sorted(got)), want))
            if bad > 5:
                fail("vim: %s: %d more tokens highlighted wrongly" % (os.path.relpath(path, REPO), bad - 5))
        # :make's errorformat (vim/compiler/planc.vim) on planc's messages
        diag = os.path.join(tmp, "diag.txt")
        lines = []
        for name in ("five-mistakes.err", "five-mistakes-zh.err", "baseline-text-year.err",
                     "baseline-text-year-zh.err"):
            with open(os.path.join(REPO, "tests", "diagnostics", name), encoding="utf-8") as f:
                lines += f.read().splitlines()
        with open(diag, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        script, out = os.path.join(tmp, "qf.vim"), os.path.join(tmp, "qf.txt")
        with open(script, "w") as f:
            f.write("cgetfile " + diag + "\n"
                    "call writefile(map(filter(getqflist(), 'v:val.valid'), "
                    "'bufname(v:val.bufnr).\"|\".v:val.lnum.\"|\".v:val.col.\"|\".v:val.type.\"|\".v:val.text'), $PLANC_VIM_OUT)\n"
                    "qall!\n")
        subprocess.run([vim, "-u", "NONE", "-i", "NONE", "-N", "-n", "-es", "--cmd",
                        "set rtp^=" + os.path.join(EDITORS, "vim"), "--cmd", "filetype plugin on",
                        "-c", "source " + script, os.path.join(tmp, "words.plan")],
                       env=dict(os.environ, PLANC_VIM_OUT=out), stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=120, cwd=tmp)
        got = []
        if os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                got = f.read().splitlines()
        want = []
        for line in lines:
            r = diag_reference(line)
            if r:
                # :make knows an English level word's type; a Chinese one it shows as is
                t = r[0][0] if re.search(r": (error|warning): ", line) else ""
                # the whole text, a warning's name too (vim has no field for it)
                want.append("%s|%d|%d|%s|%s%s" % (r[1], r[2], r[3], t, r[4], " [-W%s]" % r[5] if r[5] else ""))
        if got != want or len(want) < 10:
            fail("vim: :make (compiler/planc.vim) read %d messages, not the %d planc wrote: %s"
                 % (len(got), len(want), sorted(set(got) ^ set(want))[:3]))
    print("vim: %d word cases, %d tokens of the real files highlighted as the lexer reads them; "
          "%d messages read by :make" % (len(cases), ntok, len(want)))


check_vim_highlighting()

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("editors: ok (%d keywords, %d contextual words, %d functions)" % (len(KEYWORDS), len(CONTEXTUAL), len(FNS)))
