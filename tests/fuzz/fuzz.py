#!/usr/bin/env python3
"""fuzz.py — a mutation fuzzer for planc's untrusted inputs (standard library only).

Rules files from other provinces and indicator data (CSV) are untrusted: planc
must answer every one of them with a located diagnostic and a documented exit
code, never a crash, a hang, a sanitizer report or a partial output file, and
its two engines must agree.  This script makes such inputs by mutating the
valid ones of the repository and runs planc on each:

  rules  a rules file of the corpus (tests/lang-examples, tests/diagnostics,
         tests/run, rules/, examples/) mutated at the level of tokens (delete,
         duplicate, swap, replace by a token of another file, huge and odd
         numbers, long names, deep nesting, braces), lines (delete, duplicate,
         move, splice a declaration of another file) and bytes (invalid UTF-8,
         NUL, CR LF, a BOM, a truncated file);
  data   a CSV of the corpus mutated by rows and cells (ragged rows, quotes,
         BOMs, huge cells, odd numbers and years, duplicate rows and columns);
  xlsx   a workbook (the clean entries' CSVs made into workbooks by
         tests/xlsx/mkxlsx.py, and its fixtures) mutated in its parts' XML
         (attributes r= t= s= numFmtId= ..., cell values, elements
         duplicated, nested, deleted, deep nesting, a document type,
         entities, encodings, long text), its entries (missing, duplicated,
         renamed, swapped, spliced, a part unpacking far larger) and the
         archive's bytes (header fields: sizes, CRCs, methods, flags,
         offsets; truncation), read with --data FILE.xlsx[#SHEET].

Each case runs `planc check` (and `check --format json` when it says
anything), `planc diff` of the original and the mutant, `planc test` when
the rules carry tests and check, and — when the case has data
— `planc run` with the interpreter and with the JIT (outputs compared byte
for byte when both succeed; as CSV, JSON, xlsx or HTML, sometimes a roll-up) and `planc explain` for a region and year of the
data (a workbook's case also `planc template --check` of it; it is not
minimised, the zip's bytes having no lines).  Rules that do not check are run once more (with the interpreter) for
how the run fails.  A case is a finding when a command
  crash      is stopped by a signal or exits with a code >= 128;
  sanitizer  prints an AddressSanitizer / UBSan / LeakSanitizer report;
  timeout    runs longer than --timeout seconds;
  exitcode   exits with a code outside LANGUAGE.md §12 (0 1 2 3), or 4
             (internal error) — planc owes untrusted input a diagnostic;
  noloc      prints an error or warning without a file:line[:col] location;
  leftover   fails but leaves its output file (or anything) in the out dir;
  engines    the interpreter and the JIT disagree (exit code or output);
  json       writes JSON that does not parse (check --format json, run's
             JSON output, explain and diff --format json);
  disagree   check and another command disagree on whether the rules have
             errors (exit code 1).
Each finding is minimised (line-delta, --minimise-secs) and written under
--out as a directory with the mutated file, the original, the command, its
stderr and repro.sh.  The exit status is 1 when anything was found.

The corpus is copied to a scratch mirror so that imports, `extends` and the
tests/run commands' relative paths work; a case overlays one file of it.

  fuzz.py --planc build-asan/planc [--seed N] [--cases N | --secs S]
          [--timeout S] [--out DIR] [--minimise-secs S] [--smoke]
          [--only rules|data|xlsx]
"""
import argparse
import io
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# What the mirror holds (relative to the repository), and files larger than
# this are not copied (no corpus file is; a stray big one is not needed).
MIRROR_DIRS = ["rules", "examples", "tests/lang-examples", "tests/diagnostics", "tests/run", "tests/xlsx"]
MAX_CORPUS_FILE = 2 << 20

DOCUMENTED_RC = {0, 1, 2, 3, 5}  # LANGUAGE.md §12; 4 (internal error) is a finding here
# Exit codes of the command line or of a write (2 usage, 5 a failed write):
# their messages name an argument or a file, not a place in the input.
NOT_THE_INPUT_RC = {2, 5}

SANITIZER_RE = re.compile(
    r"ERROR: (AddressSanitizer|LeakSanitizer|MemorySanitizer|ThreadSanitizer)"
    r"|runtime error:|SUMMARY: UndefinedBehaviorSanitizer|Sanitizer: hard rss limit exhausted")
# A diagnostic line: "LOC: error: ..." or "error: ..." (no location).
DIAG_RE = re.compile(r"^(?:(.*?): )?(error|warning): ")
LOC_RE = re.compile(r"^.+:\d+(:\d+)?$")
# Lines that sum up the diagnostics rather than locate one.
SUMMARY_RE = re.compile(r"too many (errors|warnings)|\d+ more ")
IO_RE = re.compile(r"cannot (read|write|open|create|rename) ")


# ---------------------------------------------------------------- the corpus

class Entry:
    """One way of running planc on files of the corpus: the directory it runs
    in (relative to the mirror), the rules file and the data file (relative
    to that directory; data may be None), --root and the other options."""

    def __init__(self, cwd, rules, data=None, root=None, extra=(), clean=False):
        self.cwd, self.rules, self.data, self.root = cwd, rules, data, root
        self.extra = list(extra)
        self.clean = clean  # runs without error unmutated (expected.rc)

    def key(self):
        return (os.path.normpath(os.path.join(self.cwd, self.rules)),
                os.path.normpath(os.path.join(self.cwd, self.data)) if self.data else None,
                self.root, tuple(self.extra))

    def rules_path(self):
        return os.path.normpath(os.path.join(self.cwd, self.rules))

    def data_path(self):
        return os.path.normpath(os.path.join(self.cwd, self.data)) if self.data else None


# Options of a tests/run command kept for the fuzzed run (they change how the
# data is read); the others (output, engine, format ...) the fuzzer sets.
KEEP_FLAGS = {"--allow-missing-columns", "--skip-unknown-regions"}
KEEP_ARGS = {"--na", "--data-year", "--year", "--rollup"}


def parse_cmd(case_dir, line):
    """An Entry from a tests/run cmd line `run|explain|check RULES ...`, or None."""
    try:
        argv = shlex.split(line)
    except ValueError:
        return None
    if not argv or argv[0] not in ("run", "explain", "check", "test"):
        return None
    rules = data = root = None
    extra = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a in ("--data", "--root") and i + 1 < len(argv):
            if a == "--data":
                data = argv[i + 1]
            else:
                root = argv[i + 1]
            i += 2
            continue
        if a in KEEP_FLAGS and argv[0] == "run":
            extra.append(a)
        elif a in KEEP_ARGS and i + 1 < len(argv):
            if argv[0] == "run" or a in ("--na", "--data-year"):
                extra += [a, argv[i + 1]]
            i += 2
            continue
        elif a.startswith("-"):
            # an option with a value we do not keep: skip its value too
            if a in ("-o", "--format", "--engine", "-j", "--store", "--region",
                     "--target", "--lang", "--header", "--cpu", "--cc"):
                i += 1
        elif rules is None and a.endswith(".plan"):
            rules = a
        i += 1
    if rules is None:
        return None
    if argv[0] in ("check", "test"):
        data = None
        extra = []
    return Entry(case_dir, rules, data, root, extra)


def load_corpus(mirror):
    """Every Entry of the corpus, and every rules file of the mirror."""
    entries = {}

    def add(e):
        if not os.path.isfile(os.path.join(mirror, e.rules_path())):
            return
        if e.data and not os.path.isfile(os.path.join(mirror, e.data_path())):
            return
        entries.setdefault(e.key(), e)

    for d in sorted(os.listdir(os.path.join(mirror, "tests/run"))):
        cd = os.path.join("tests/run", d)
        cmd = os.path.join(mirror, cd, "cmd")
        if os.path.isfile(os.path.join(mirror, cd, "gen.sh")):
            continue  # its input is generated and large
        if os.path.isfile(cmd):
            with open(cmd, encoding="utf-8", errors="replace") as f:
                e = parse_cmd(cd, f.readline())
            if e:
                e.clean = not os.path.isfile(os.path.join(mirror, cd, "expected.rc"))
                add(e)
        for root, _, files in os.walk(os.path.join(mirror, cd)):
            for fn in files:
                if fn.endswith(".plan"):
                    add(Entry(cd, os.path.relpath(os.path.join(root, fn), os.path.join(mirror, cd))))
    for sub in ("tests/lang-examples", "tests/diagnostics"):
        for fn in sorted(os.listdir(os.path.join(mirror, sub))):
            if fn.endswith(".plan"):
                add(Entry(sub, fn))
    for root, _, files in os.walk(os.path.join(mirror, "rules")):
        for fn in sorted(files):
            if fn.endswith(".plan"):
                rel = os.path.relpath(os.path.join(root, fn), mirror)
                add(Entry(".", rel, root="rules"))
    # the examples that have data beside their rules
    add(Entry("examples/quickstart", "rules.plan", "data.csv", clean=True))
    add(Entry(".", "rules/liaoning/beautiful-liaoning.plan", "examples/liaoning/data.csv",
              root="rules", clean=True))
    add(Entry(".", "rules/examples/adapted-province.plan", "examples/adapted/data.csv",
              root="rules", clean=True))
    for fn in sorted(os.listdir(os.path.join(mirror, "examples/realdata"))):
        if fn.endswith(".plan"):
            add(Entry("examples/realdata", fn))
    es = sorted(entries.values(), key=lambda e: repr(e.key()))
    # every rules file (those only imported too: they are mutated in place
    # of an import, and spliced from)
    rules_files = sorted(os.path.relpath(os.path.join(root, fn), mirror)
                         for root, _, files in os.walk(mirror) for fn in files if fn.endswith(".plan"))
    return es, rules_files


def make_mirror(repo, dst):
    """Copy the corpus directories of the repository to dst."""
    for d in MIRROR_DIRS:
        src = os.path.join(repo, d)
        for root, dirs, files in os.walk(src):
            rel = os.path.relpath(root, repo)
            os.makedirs(os.path.join(dst, rel), exist_ok=True)
            for fn in files:
                p = os.path.join(root, fn)
                if (os.path.islink(p) or os.path.getsize(p) > MAX_CORPUS_FILE
                        or fn in ("expected.out", "expected.err")):  # goldens, not inputs
                    continue
                shutil.copy2(p, os.path.join(dst, rel, fn))


# ---------------------------------------------------------------- mutators

TOKEN_RE = re.compile(
    rb'"(?:[^"\\\n]|\\.)*"?'          # a string (maybe unterminated)
    rb'|#[^\n]*'                       # a comment
    rb'|[0-9][0-9_.]*(?:[eE][-+]?[0-9]+)?%?'  # a number
    rb'|(?:[A-Za-z_]|[\x80-\xff])(?:[A-Za-z0-9_]|[\x80-\xff])*'  # a name
    rb'|\r?\n|[ \t]+'                  # layout
    rb'|>=|<=|==|!=|->|\.\.|.', re.S)  # punctuation, anything else

KEYWORDS = (b"plan section measure indicator target redline region regions level levels "
            b"group agency assessment test override drop keep replaces extends import as alias "
            b"by from to for when else and or not yes no unit lead shared responsible "
            b"weight tolerance sum avg min max prev at goal cumulative parent").split()

HUGE_NUMBERS = [b"1e308", b"1e309", b"-1e309", b"1e-320", b"99999999999999999999999999",
                b"9223372036854775807", b"9223372036854775808", b"18446744073709551616",
                b"2147483648", b"-2147483649", b"0", b"-0", b"0.0000000000000000001",
                b"4294967296", b"1" + b"0" * 400, b"0." + b"0" * 400 + b"1", b"1_000", b"1.2.3",
                b"1e", b"1e+", b"00000000000000000001", b"65536", b"-1", b"2100", b"99999",
                b"1e999999999999", b"NaN", b"inf", b"0x10", b"1%", b"1000000%", b"-100%"]

OPERATORS = [b">=", b"<=", b"==", b"!=", b"<", b">", b"+", b"-", b"*", b"/", b"and", b"or"]

BAD_BYTES = [b"\xff", b"\xfe", b"\xc3", b"\xe4\xb8", b"\xc0\x80", b"\xed\xa0\x80", b"\x00",
             b"\xef\xbb\xbf", b"\r", b"\x1b[31m", b"\xf4\x90\x80\x80", b"\xe2\x80\xae", b"\t",
             b"\x0b", b"\x0c", b"\xe3\x80\x80", b"\xc2\xa0"]


def tokens(b):
    return TOKEN_RE.findall(b)


def significant(toks):
    """Indices of the tokens that are not layout."""
    return [i for i, t in enumerate(toks) if not t.isspace()]


def blocks(lines):
    """Top-level declarations of a file: (first, last) line index ranges of a
    line at column 0 that opens a brace block, to its matching brace."""
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln[:1] not in (b" ", b"\t", b"#", b"\n", b"\r", b"}", b"") and b"{" in ln:
            depth = 0
            for j in range(i, len(lines)):
                depth += lines[j].count(b"{") - lines[j].count(b"}")
                if depth <= 0:
                    out.append((i, j))
                    i = j
                    break
        i += 1
    # inner declarations too (indented lines without braces are single-line ones)
    for i, ln in enumerate(lines):
        s = ln.lstrip()
        if s[:1].isalpha() and b"{" not in ln and b"}" not in ln and ln[:1] in (b" ", b"\t"):
            out.append((i, i))
    return out


class Mutator:
    """Mutations of a file's bytes, drawn from rng; corpus_bytes (path ->
    bytes) are the files of the same kind whose tokens, lines and
    declarations are spliced in."""

    def __init__(self, rng, corpus_bytes):
        self.rng = rng
        self.corpus = corpus_bytes  # path -> bytes, for splicing
        self.paths = sorted(corpus_bytes)

    def other(self):
        return self.corpus[self.rng.choice(self.paths)]

    def other_token(self):
        toks = [t for t in tokens(self.other()) if not t.isspace() and not t.startswith(b"#")]
        return self.rng.choice(toks) if toks else b"x"

    # -- token level
    def tok_op(self, b):
        """One token of b deleted, repeated, swapped or replaced."""
        r = self.rng
        toks = tokens(b)
        sig = significant(toks)
        if not sig:
            return b + self.other_token()
        i = r.choice(sig)
        t = toks[i]
        op = r.randrange(16)
        if op == 13:  # an operator for another (the program often still checks)
            ops = [k for k in sig if toks[k] in OPERATORS] or [i]
            toks[r.choice(ops)] = r.choice(OPERATORS)
        elif op == 14:  # a name for another name of the same file
            names = [k for k in sig if toks[k][:1].isalpha() or toks[k][:1] >= b"\x80"]
            if names:
                toks[r.choice(names)] = toks[r.choice(names)]
        elif op == 15:  # a number for another number of the file, or a near one
            nums = [k for k in sig if toks[k][:1].isdigit()]
            if nums:
                k = r.choice(nums)
                toks[k] = r.choice([toks[r.choice(nums)], toks[k] + b"0", toks[k][:-1] or b"0",
                                    b"-" + toks[k], toks[k] + b".5"])
        elif op == 0:
            toks[i] = b""
        elif op == 1:
            toks[i] = t + b" " + t
        elif op == 2:
            j = r.choice(sig)
            toks[i], toks[j] = toks[j], toks[i]
        elif op == 3:
            toks[i] = self.other_token()
        elif op == 4:
            toks[i] = r.choice(KEYWORDS)
        elif op == 5:  # a number made huge or odd
            nums = [k for k in sig if toks[k][:1].isdigit()] or [i]
            toks[r.choice(nums)] = r.choice(HUGE_NUMBERS)
        elif op == 6:  # a long name
            names = [k for k in sig if toks[k][:1].isalpha() or toks[k][:1] >= b"\x80"] or [i]
            k = r.choice(names)
            toks[k] = toks[k] * r.choice([50, 1000, 20000])
        elif op == 7:  # deep nesting around an operand
            n = r.choice([64, 300, 3000, 30000])
            toks[i] = b"(" * n + t + b")" * n
        elif op == 8:  # a prefix operator many times
            n = r.choice([100, 5000, 50000])
            toks[i] = r.choice([b"-", b"not ", b"- "]) * n + t
        elif op == 9:  # delete or duplicate a brace / parenthesis
            br = [k for k in sig if toks[k] in (b"{", b"}", b"(", b")", b"[", b"]")] or [i]
            k = r.choice(br)
            toks[k] = r.choice([b"", toks[k] * 2, toks[k] * 50])
        elif op == 10:  # a long chain of a binary operator
            n = r.choice([100, 3000, 30000])
            toks[i] = (t + r.choice([b" + ", b" and ", b" * ", b" or ", b" / "])) * n + t
        elif op == 11:  # a string made long or unterminated
            strs = [k for k in sig if toks[k][:1] == b'"'] or [i]
            k = r.choice(strs)
            toks[k] = r.choice([toks[k][:-1], b'"' + b"x" * 100000 + b'"', b'"\\', b'"\\u{ffffff}"'])
        else:
            toks[i] = t + r.choice([b".", b",", b":", b"..", b"->", b"=", b"@", b"$", b"`"])
        return b"".join(toks)

    # -- line level
    def line_op(self, b):
        """Lines of b deleted, repeated, moved, or spliced from another file."""
        r = self.rng
        lines = b.splitlines(keepends=True) or [b""]
        i = r.randrange(len(lines))
        op = r.randrange(8)
        tdata = [k for k, ln in enumerate(lines) if re.match(rb'\s*data\s+"', ln)]
        if op == 7 and tdata:  # a cell of a test's data line (a CSV row in a string)
            k = r.choice(tdata)
            m = re.match(rb'(\s*data\s+")(.*)("\s*)$', lines[k], re.S)
            if m:
                cells = m.group(2).split(b",")
                j = r.randrange(len(cells))
                cell = r.choice(Mutator.ODD_CELLS + Mutator.VALID_ODD + [b"", cells[j] * 2])
                cells[j] = cell.replace(b"\\", b"\\\\").replace(b'"', b'\\"')
                if r.random() < 0.2:
                    cells.insert(j, b"1")  # a ragged row
                lines[k] = m.group(1) + b",".join(cells) + m.group(3)
        elif op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = r.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            ln = lines.pop(i)
            lines.insert(r.randrange(len(lines) + 1), ln)
        elif op == 4:  # a line of another file
            ol = self.other().splitlines(keepends=True) or [b"\n"]
            lines.insert(i, r.choice(ol))
        elif op == 5:  # splice a declaration of another file (or this one)
            src = self.other() if r.random() < 0.7 else b
            sl = src.splitlines(keepends=True)
            bl = blocks(sl)
            if bl:
                a, z = r.choice(bl)
                lines[i:i] = sl[a:z + 1]
        else:  # duplicate a declaration of this file many times
            bl = blocks(lines)
            if bl:
                a, z = r.choice(bl)
                lines[z + 1:z + 1] = lines[a:z + 1] * r.choice([2, 50, 400])
        return b"".join(lines)

    # -- byte level
    def byte_op(self, b):
        """Bytes of b that are not text, or other line ends."""
        r = self.rng
        op = r.randrange(7)
        pos = r.randrange(len(b) + 1)
        if op == 0:
            return b[:pos] + r.choice(BAD_BYTES) + b[pos:]
        if op == 1:
            return b.replace(b"\n", b"\r\n")
        if op == 2:
            return b[:pos]  # truncated, maybe inside a character
        if op == 3:
            return b"\xef\xbb\xbf" + b
        if op == 4:  # one byte of a multi-byte character changed
            hi = [k for k in range(len(b)) if b[k] >= 0x80]
            if hi:
                k = r.choice(hi)
                return b[:k] + bytes([r.randrange(256)]) + b[k + 1:]
            return b + b"\xff"
        if op == 5:
            return b.replace(b"\n", b"\r")
        return b[:pos] + b"\x00" * r.choice([1, 4096]) + b[pos:]

    def rules(self, b):
        """A rules file mutated once or a few times."""
        r = self.rng
        for _ in range(r.choice([1, 1, 1, 1, 2, 2, 3])):
            k = r.random()
            if k < 0.5:
                b = self.tok_op(b)
            elif k < 0.85:
                b = self.line_op(b)
            else:
                b = self.byte_op(b)
        return b

    # -- data
    ODD_CELLS = [b"", b" ", b"1e308", b"1e309", b"-1e309", b"nan", b"NaN", b"inf", b"-inf", b"-0",
                 b"0x10", b"1,000", b"\xef\xbc\x91\xef\xbc\x92", b"1e-400", b".", b"-", b"+", b" 5 ",
                 b"5%", b"5 Mt", b"yes", b"no", b"true", b"TRUE", b"1.", b".5", b"1e5", b"--1",
                 b"99999999999999999999999", b"2147483648", b"-2147483649", b"\"\"", b"\"1\"",
                 b"=1+1", b"@SUM(A1)", b"\xff", b"\xc3", b"\x00", b"\xe2\x80\xae", b"NA", b"..",
                 b"0", b"-1", b"2025.5", b"2025", b"99999999999", b"-2025", b"0000002025"]

    VALID_ODD = [b"0", b"-0", b"0.0", b"1e308", b"-1e308", b"1.7976931348623157e308", b"1e-308",
                 b"5e-324", b"1e300", b"-1e300", b"123456789012345678", b"0.1", b"0.30000000000000004",
                 b"1e15", b"999999999999999.9", b"", b"NA", b"-1", b"-100", b"100", b"1e-10", b"50%",
                 b"0%", b"200%", b"3.14159", b"-0.0", b"2.5e1", b"1000000000"]

    def data(self, b):
        """A CSV file mutated once or a few times."""
        r = self.rng
        for _ in range(r.choice([1, 1, 2, 3])):
            b = self.data_op(b)
        return b

    def data_op(self, b):
        """One mutation of a CSV file's rows, cells or bytes."""
        r = self.rng
        lines = b.splitlines(keepends=True) or [b"\n"]
        i = r.randrange(len(lines))
        body = r.randrange(1, len(lines)) if len(lines) > 1 else 0
        op = r.randrange(20)
        if op >= 16:  # numbers that are valid but extreme, in many rows
            col = None
            for k in range(1, len(lines)):
                cells = lines[k].rstrip(b"\r\n").split(b",")
                if col is None:
                    nums = [j for j, c in enumerate(cells) if re.match(rb"^-?[0-9.]+$", c.strip())]
                    if not nums:
                        break
                    col = r.choice(nums)
                if col < len(cells) and r.random() < 0.5:
                    cells[col] = r.choice(self.VALID_ODD)
                    lines[k] = b",".join(cells) + b"\n"
        elif op == 0:  # a ragged row: a cell less or more
            cells = lines[body].rstrip(b"\r\n").split(b",")
            if r.random() < 0.5 and len(cells) > 1:
                del cells[r.randrange(len(cells))]
            else:
                cells.insert(r.randrange(len(cells) + 1), r.choice(self.ODD_CELLS))
            lines[body] = b",".join(cells) + b"\n"
        elif op in (1, 2, 3):  # an odd cell (a value, a region or a year)
            cells = lines[body].rstrip(b"\r\n").split(b",")
            k = r.randrange(len(cells)) if op == 1 else (0 if op == 2 else min(1, len(cells) - 1))
            cells[k] = r.choice(self.ODD_CELLS) if op != 2 else r.choice(
                [b"", b"x" * 5000, cells[k] * 2, b"\"" + cells[k] + b"\"", cells[k] + b" ", b"\xff"])
            lines[body] = b",".join(cells) + b"\n"
        elif op == 4:  # quotes: unbalanced, embedded, a quoted line break
            cells = lines[body].rstrip(b"\r\n").split(b",")
            k = r.randrange(len(cells))
            cells[k] = r.choice([b"\"" + cells[k], b"\"" + cells[k] + b"\"", b"\"a\"\"b\"",
                                 b"\"" + cells[k] + b"\n" + cells[k] + b"\"", cells[k] + b"\"",
                                 b"\"" + cells[k] + b"\"x"])
            lines[body] = b",".join(cells) + b"\n"
        elif op == 5:  # BOMs
            return r.choice([b"\xef\xbb\xbf" + b, b"\xef\xbb\xbf\xef\xbb\xbf" + b,
                             b"".join(lines[:i]) + b"\xef\xbb\xbf" + b"".join(lines[i:]),
                             b"\xff\xfe" + b])
        elif op == 6:  # a huge cell
            cells = lines[body].rstrip(b"\r\n").split(b",")
            k = r.randrange(len(cells))
            cells[k] = r.choice([b"9" * 100000, b"x" * 1000000, b"1" + b"0" * 5000 + b".5"])
            lines[body] = b",".join(cells) + b"\n"
        elif op == 7:  # duplicate rows (duplicate keys)
            lines[body:body] = [lines[body]] * r.choice([1, 2, 1000])
        elif op == 8:  # a duplicate or renamed header column
            cells = lines[0].rstrip(b"\r\n").split(b",")
            k = r.randrange(len(cells))
            cells[k] = r.choice([cells[r.randrange(len(cells))], b"", b"\"" + cells[k] + b"\"",
                                 cells[k] + b" ", cells[k].upper(), b"x" * 3000])
            lines[0] = b",".join(cells) + b"\n"
        elif op == 9:  # a column removed from every row
            k = None
            out = []
            for ln in lines:
                cells = ln.rstrip(b"\r\n").split(b",")
                if k is None:
                    k = r.randrange(len(cells))
                if k < len(cells):
                    del cells[k]
                out.append(b",".join(cells) + b"\n")
            lines = out
        elif op == 10:
            del lines[i]
        elif op == 11:
            return self.byte_op(b)
        elif op == 12:  # a row of another CSV
            ol = self.other().splitlines(keepends=True) or [b"\n"]
            lines.insert(i, r.choice(ol))
        elif op == 13:  # blank or whitespace lines, a missing final newline
            lines.insert(i, r.choice([b"\n", b"\r\n", b" \n", b",,,\n", b"#\n"]))
            if r.random() < 0.3:
                lines[-1] = lines[-1].rstrip(b"\r\n")
        elif op == 14:  # many rows (a larger input)
            lines[1:1] = lines[1:] * r.choice([5, 50])
        else:  # the separator changed on one row
            lines[body] = lines[body].replace(b",", r.choice([b";", b"\t", b", ", b",,"]))
        return b"".join(lines)


# ---------------------------------------------------------------- workbooks

# Odd values of the attributes a workbook's reader reads, by local name.
ODD_ATTRS = {
    b"r": [b"", b"A0", b"XFD1", b"XFE1", b"ZZZZ1", b"A1048576", b"A1048577", b"1048577",
           b"A" + b"9" * 30, b"-1", b"+5", b" 3", b"1A", b"a1", b"AAAA", b"A4294967297",
           b"A18446744073709551617", b"\xe4\xb8\xad1", b"A01", b"0", b"99999999999999999999"],
    b"t": [b"s", b"n", b"b", b"e", b"str", b"d", b"inlineStr", b"", b"zz", b"S", b"inlineStrXXXXXXXXXXXX"],
    b"s": [b"0", b"1", b"2", b"-1", b"65535", b"65536", b"4294967296", b"99999999999999999999", b"x", b""],
    b"numFmtId": [b"0", b"9", b"10", b"14", b"22", b"27", b"58", b"59", b"176", b"-1",
                  b"4294967295", b"18446744073709551616", b"x"],
    b"formatCode": [b"0%", b"0.00%", b"yyyy", b"m/d/yyyy", b"[h]:mm", b"[Red]0%", b"\"unterminated",
                    b"[", b"\\", b"_", b"*", b"General", b"0\"%\"", b"\\%", b"[mm]", b"hh", b"%%%", b""],
    b"date1904": [b"1", b"true", b"0", b"false", b""],
    b"count": [b"0", b"-1", b"99999999999", b"18446744073709551616"],
    b"uniqueCount": [b"0", b"-1", b"99999999999"],
    b"name": [b"", b"Sheet1", b"\xe6\x95\xb0\xe6\x8d\xae", b"x" * 5000, b"a#b", b"&lt;&amp;",
              b"\x1b[31m", b"'", b"%s%n"],
    b"Id": [b"", b"rId1", b"rId999", b"rId2"],
    b"id": [b"", b"rId1", b"rId999", b"rId2"],
    b"Target": [b"", b"/", b"../../../etc/passwd", b"worksheets/sheet9.xml", b"/xl/worksheets/sheet1.xml",
                b"./worksheets/../worksheets/sheet1.xml", b"xl/workbook.xml", b"../" * 200,
                b"sharedStrings.xml", b"styles.xml", b"a" * 5000, b"worksheets\\sheet1.xml"],
    b"Type": [b"", b"x/worksheet", b"x/chartsheet", b"x/sharedStrings", b"x/styles",
              b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"],
}

ODD_VALUES = [b"", b"0", b"-0", b"1", b"-1", b"5", b"99", b"4294967296", b"18446744073709551616",
              b"99999999999999999999", b"1e308", b"1E+308", b"1e309", b"-1e309", b"1e-400", b"NaN",
              b"inf", b"0.07", b"7.0000000000000007E-2", b"0.8525", b"1E+400", b"1E-400", b"1" * 70,
              b"0." + b"0" * 70 + b"1", b"45658.5", b"60", b"59.99999", b"2958465", b"2958465.99999",
              b"2958466", b"-0.5", b"2024", b"abc", b" 1", b"1 ", b"+1", b"0x10", b"1.2.3", b"1e",
              b"9" * 400 + b"E-398", b"_x000D_", b"_x0000_", b"_xD800_", b"_x005F_x0041_", b"a,b",
              b'a"b', b"#DIV/0!", b"TRUE", b"\xe4\xb8\xad", b"-", b".", b"1e+", b"1e-", b"%", b"50%"]

ODD_TEXT = [b"", b"x" * 32767, b"x" * 32768, "\u4e2d".encode() * 32768, b"_x000D_" * 5000,
            b"_x0000_", b"_xD800_", b"_xFFFF_", b"_x005F_", b"_x00", b"a,b", b'"', b"a\r\nb",
            b"&#0;", b"&#x1F;", b"&#xD;", b"&#x10FFFF;", b"&#xFFFE;", b"&undefined;", b"&amp;&lt;",
            b"<![CDATA[x,y]]>", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x1b[31m", b"y" * 200000]

DOCTYPES = [b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
            b'<!DOCTYPE x SYSTEM "file:///etc/passwd">', b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///dev/zero">]>',
            b'<!DOCTYPE worksheet>']

ELEMENT_RE = {n: re.compile(rb"<(?:\w+:)?" + n + rb"\b[^>]*?(?:/>|>.*?</(?:\w+:)?" + n + rb">)", re.S)
              for n in (b"c", b"row", b"si", b"xf", b"numFmt", b"sheet", b"Relationship", b"v", b"t",
                        b"sheetData", b"is", b"f", b"cellXfs", b"sst")}
ATTR_RE = re.compile(rb'\b((?:\w+:)?(\w+))="([^"]*)"')


class WorkbookMutator:
    """Mutations of an .xlsx workbook (a zip archive of XML parts): of its
    parts' XML (attributes such as r="C7" and t="s", cell values, elements
    duplicated, nested, deleted, entities, encodings, long text), of its
    entries (missing, duplicated, renamed, swapped, spliced from another
    workbook, stored or deflated, a part unpacking far larger) and of the
    archive's bytes (header fields: sizes, CRCs, methods, flags, name
    lengths, offsets; truncation, flipped bytes)."""

    def __init__(self, rng, books):
        self.rng = rng
        self.books = books  # path -> bytes
        self.paths = sorted(books)

    @staticmethod
    def unpack(b):
        """The entries of b as [name, data], or None when b is no zip."""
        try:
            z = zipfile.ZipFile(io.BytesIO(b))
            return [[i.filename, z.read(i)] for i in z.infolist()]
        except Exception:  # BadZipFile, a bad CRC, an odd method: not repacked
            return None

    def pack(self, items):
        r = self.rng
        out = io.BytesIO()
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a duplicate name is the point
            z = zipfile.ZipFile(out, "w")
            for name, data in items:
                method = zipfile.ZIP_STORED if r.random() < 0.15 else zipfile.ZIP_DEFLATED
                z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, compress_type=method)
            z.close()
        return out.getvalue()

    def workbook(self, b):
        r = self.rng
        for _ in range(r.choice([1, 1, 1, 2, 3])):
            k = r.random()
            items = self.unpack(b)
            if not items or k >= 0.85:  # no zip, or one of no entries
                b = self.raw_op(b)
            elif k < 0.6:
                b = self.pack(self.xml_op(items))
            else:
                b = self.pack(self.entry_op(items))
        return b

    # -- the XML of a part
    def pick_part(self, items):
        r = self.rng
        weights = []
        for name, _ in items:
            w = (10 if "worksheets/" in name else 4 if "sharedStrings" in name else
                 3 if "styles" in name or "workbook.xml" in name else 2 if name.endswith(".rels") else 1)
            weights.append(w)
        return r.choices(range(len(items)), weights)[0]

    def xml_op(self, items):
        r = self.rng
        i = self.pick_part(items)
        x = items[i][1]
        op = r.randrange(14)
        if op <= 2:  # an attribute's value
            ms = [m for m in ATTR_RE.finditer(x) if m.group(2) in ODD_ATTRS]
            if ms:
                m = r.choice(ms)
                v = r.choice(ODD_ATTRS[m.group(2)])
                if m.group(2) == b"r" and r.random() < 0.3:  # the same column or row elsewhere
                    v = r.choice([b"XFD", b"A", b"B", b"AA"]) + str(r.choice([1, 2, 3, 1048576])).encode()
                x = x[:m.start(3)] + v + x[m.end(3):]
        elif op <= 4:  # a value's text
            ms = list(re.finditer(rb"<((?:\w+:)?[vt])(?: [^>]*)?>([^<]*)</\1>", x))
            if ms:
                m = r.choice(ms)
                v = r.choice(ODD_VALUES if op == 3 else ODD_TEXT)
                x = x[:m.start(2)] + v + x[m.end(2):]
        elif op == 5:  # an element duplicated (a few or many times)
            kinds = [k for k in ELEMENT_RE if ELEMENT_RE[k].search(x)]
            if kinds:
                ms = list(ELEMENT_RE[r.choice(kinds)].finditer(x))
                m = r.choice(ms)
                x = x[:m.end()] + m.group(0) * r.choice([1, 2, 50, 5000]) + x[m.end():]
        elif op == 6:  # an element nested in itself or in another, or moved
            kinds = [k for k in ELEMENT_RE if ELEMENT_RE[k].search(x)]
            ends = [m.start() for m in re.finditer(rb"</(?:\w+:)?row>", x)]
            if ends and r.random() < 0.3:  # a row begun inside a row (the next one's number, or none)
                at = r.choice([ends[-1], r.choice(ends)])  # the last: no row after to refuse it
                nums = re.findall(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"', x[:at])
                n = (int(nums[-1]) if nums else x[:at].count(b"<row")) + r.choice([1, 2, 1000])
                x = x[:at] + r.choice([b'<row r="%d">' % n, b"<row>"]) + r.choice(
                    [b"", b'<c r="A%d"><v>1</v></c>' % n, b"<c><v>1</v></c>" * r.choice([1, 30])]) + b"</row>" + x[at:]
            elif kinds:
                m = r.choice(list(ELEMENT_RE[r.choice(kinds)].finditer(x)))
                el = m.group(0)
                k = r.randrange(3)
                if k == 0 and not el.endswith(b"/>"):  # itself inside itself, before its end tag
                    at = el.rindex(b"</")
                    el = el[:at] + el + el[at:]
                elif k == 1:
                    tag = r.choice([b"row", b"c", b"si", b"is", b"v", b"t", b"sheetData", b"rPh", b"x"])
                    el = b"<" + tag + b">" + el + b"</" + tag + b">"
                else:
                    el = b""
                x = x[:m.start()] + el + x[m.end():]
        elif op == 7:  # deep nesting
            n = r.choice([63, 64, 65, 1000, 100000])
            tag = r.choice([b"row", b"c", b"si", b"x", b"t"])
            at = self.inner_pos(x)
            x = x[:at] + (b"<" + tag + b">") * n + (b"</" + tag + b">") * n + x[at:]
        elif op == 8:  # a document type, entities, character references
            if r.random() < 0.5:
                decl = re.match(rb"<\?xml[^>]*\?>", x)
                at = decl.end() if decl else 0
                x = x[:at] + r.choice(DOCTYPES) + x[at:]
            else:
                at = self.inner_pos(x)
                x = x[:at] + r.choice([b"&#0;", b"&undefined;", b"&#x1F;", b"&#xD800;", b"&a;", b"&#99999999;"]) + x[at:]
        elif op == 9:  # the encoding
            k = r.randrange(6)
            if k == 0:
                x = re.sub(rb'encoding="[^"]*"', b'encoding="' + r.choice(
                    [b"UTF-16", b"GBK", b"ISO-8859-1", b"US-ASCII", b"x-unknown", b"UTF-32"]) + b'"', x, count=1)
            elif k == 1:
                x = b"\xff\xfe" + x.decode("utf-8", "replace").encode("utf-16-le")
            elif k == 2:
                x = b"\xef\xbb\xbf" + x
            elif k == 3:
                x = re.sub(rb"^<\?xml[^>]*\?>", b"", x)
            elif k == 4:
                x = x.decode("utf-8", "replace").encode("utf-16-be")
            else:
                hi = [j for j in range(len(x)) if x[j] >= 0x80]
                j = r.choice(hi) if hi else r.randrange(len(x) + 1)
                x = x[:j] + bytes([r.randrange(256)]) + x[j + 1:]
        elif op == 10:  # a tag deleted (an end tag: not well-formed; a start: maybe)
            ms = list(re.finditer(rb"<[^>?!]*>", x))
            if ms:
                m = r.choice(ms)
                x = x[:m.start()] + x[m.end():]
        elif op == 11:  # the part cut short, or a namespace prefix on every tag
            if r.random() < 0.5:
                x = x[:r.randrange(len(x) + 1)]
            else:
                x = re.sub(rb"<(/?)(?=[A-Za-z])", rb"<\1x:", x)
        elif op == 12:  # a cell far away, a row far down, a huge attribute
            k = r.randrange(3)
            at = x.rfind(b"</sheetData>")
            if at >= 0 and k < 2:
                row = r.choice([2, 1000, 1048576, 500000]) if k == 0 else r.choice([100, 999999])
                col = r.choice([b"XFD", b"AAA", b"Z"])
                extra = b"".join(b'<row r="%d"><c r="%s%d"><v>1</v></c></row>' % (row + j, col, row + j)
                                 for j in range(r.choice([1, 2, 100])) if row + j <= 1048576)
                x = x[:at] + extra + x[at:]
            else:
                ms = list(ATTR_RE.finditer(x))
                if ms:
                    m = r.choice(ms)
                    x = x[:m.start(3)] + b"A" * r.choice([70000, 9 << 20]) + x[m.end(3):]
        else:  # a part's XML put in place of another's
            j = r.randrange(len(items))
            x = items[j][1]
        items[i][1] = x
        return items

    @staticmethod
    def inner_pos(x):
        """A place inside the root element (after its start tag)."""
        m = re.search(rb"<(?:\w+:)?(?:sheetData|sst|sheets|Relationships|cellXfs|styleSheet|Types)\b[^>]*>", x)
        return m.end() if m else len(x) // 2

    # -- the archive's entries
    def entry_op(self, items):
        r = self.rng
        if not items:
            return items
        i = r.randrange(len(items))
        op = r.randrange(8)
        if op == 0:  # missing
            del items[i]
        elif op == 1:  # duplicated (with other content, or the same)
            other = r.choice([items[i][1], b"", b"<x/>", items[r.randrange(len(items))][1]])
            items.insert(r.choice([i, i + 1, len(items)]), [items[i][0], other])
        elif op == 2:  # renamed
            n = items[i][0]
            items[i][0] = r.choice([n.upper(), "/" + n, n.replace("/", "\\"), n + "x", "x" * 5000,
                                    "../" + n, n.replace("xl/", "xl//"), ""])
        elif op == 3:  # two entries' contents swapped
            j = r.randrange(len(items))
            items[i][1], items[j][1] = items[j][1], items[i][1]
        elif op == 4:  # an entry of another workbook
            other = self.unpack(self.books[r.choice(self.paths)]) or []
            if other:
                items.insert(i, r.choice(other))
        elif op == 5:  # a part that unpacks far larger than it packs
            items[i][1] = items[i][1] + b" " * r.choice([1 << 20, 20 << 20])
        elif op == 6:  # empty, or not XML
            items[i][1] = r.choice([b"", b"\x00" * 100, b"PK\x03\x04", b"<", items[i][1][:50]])
        else:  # the order of the entries
            r.shuffle(items)
        return items

    # -- the archive's bytes
    def raw_op(self, b):
        r = self.rng
        if not b:
            return b"PK\x03\x04"
        local = [m.start() for m in re.finditer(rb"PK\x03\x04", b)]
        central = [m.start() for m in re.finditer(rb"PK\x01\x02", b)]
        eocd = [m.start() for m in re.finditer(rb"PK\x05\x06", b)]
        op = r.randrange(10)

        def field(at, size, value=None):
            if at + size > len(b):
                return b
            if value is None:
                old = int.from_bytes(b[at:at + size], "little")
                value = r.choice([0, 1, old + 1, max(old - 1, 0), old * 2, (1 << (8 * size)) - 1,
                                  r.randrange(1 << (8 * size)), 1 << (8 * size - 1)])
            value &= (1 << (8 * size)) - 1
            return b[:at] + value.to_bytes(size, "little") + b[at + size:]
        # (local offset, central offset, size) of a header's fields
        fields = [(14, 16, 4), (18, 20, 4), (22, 24, 4), (26, 28, 2), (28, 30, 2), (6, 8, 2)]
        if op <= 2 and (local or central):  # a field: CRC, sizes, name/extra length, flags
            lo, co, size = r.choice(fields)
            if central and (r.random() < 0.5 or not local):
                return field(r.choice(central) + co, size)
            return field(r.choice(local) + lo, size)
        if op == 3 and (local or central):  # the compression method
            m = r.choice([0, 1, 8, 9, 12, 14, 93, 99, 65535])
            if central and r.random() < 0.5:
                return field(r.choice(central) + 10, 2, m)
            return field(r.choice(local) + 8, 2, m) if local else b
        if op == 4 and central:  # where a local header is, its disk number
            c = r.choice(central)
            return field(c + r.choice([42, 34]), r.choice([4, 2]))
        if op == 5 and eocd:  # the end record: counts, the directory's size and place, a comment
            e = eocd[-1]
            off, size = r.choice([(8, 2), (10, 2), (12, 4), (16, 4), (20, 2), (4, 2)])
            return field(e + off, size)
        if op == 6:  # cut short
            return b[:r.choice([r.randrange(len(b) + 1), max(len(b) - r.randrange(1, 100), 0), 22, 30])]
        if op == 7:  # bytes changed
            b = bytearray(b)
            for _ in range(r.choice([1, 1, 4, 32])):
                b[r.randrange(len(b))] = r.randrange(256)
            return bytes(b)
        if op == 8:  # bytes before or after the archive
            junk = r.choice([b"\x00" * 100, b"PK\x05\x06" + b"\x00" * 18, b"x" * 70000, b"PK\x03\x04"])
            return junk + b if r.random() < 0.5 else b + junk
        # a zip64 marker in a size or offset
        if central:
            c = r.choice(central)
            return field(c + r.choice([20, 24, 42]), 4, 0xFFFFFFFF)
        return b


# ---------------------------------------------------------------- running planc

class Result:
    def __init__(self, argv, rc, out, err, timed_out, secs):
        self.argv, self.rc, self.out, self.err = argv, rc, out, err
        self.timed_out, self.secs = timed_out, secs


def run_planc(planc, args, cwd, timeout, env):
    t0 = time.monotonic()
    p = subprocess.Popen([planc] + args, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        timed_out = False
    except BaseException as ex:  # a timeout, or the fuzzer interrupted
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        if not isinstance(ex, subprocess.TimeoutExpired):
            raise
        timed_out = True
    return Result(args, p.returncode, out, err, timed_out, time.monotonic() - t0)


def first_line(b, pat):
    for ln in b.decode("utf-8", "replace").splitlines():
        if re.search(pat, ln):
            return ln.strip()
    return ""


def judge(res, stage):
    """The findings of one command: a list of (kind, signature, detail)."""
    f = []
    err = res.err.decode("utf-8", "replace")
    if res.timed_out:
        return [("timeout", stage, "no answer within the time limit")]
    m = SANITIZER_RE.search(err)
    if m:
        sig = first_line(res.err, r"ERROR: \w+Sanitizer|runtime error:|hard rss limit")
        # the first frame inside planc names where
        frame = first_line(res.err, r"#\d+ 0x[0-9a-f]+ in (?!__|_asan|__interceptor)")
        f.append(("sanitizer", stage + ":" + re.sub(r"0x[0-9a-f]+|==\d+==", "", sig)[:120] +
                  " @ " + re.sub(r"#\d+ 0x[0-9a-f]+ in ", "", frame)[:100], sig))
    if res.rc < 0 or res.rc >= 128:
        if not f:
            f.append(("crash", "%s:rc=%d" % (stage, res.rc), "signal or exit code %d" % res.rc))
    elif res.rc not in DOCUMENTED_RC:
        if not f:
            f.append(("exitcode", "%s:rc=%d" % (stage, res.rc),
                      "exit code %d: %s" % (res.rc, first_line(res.err, "error"))))
    for ln in err.splitlines():
        m = DIAG_RE.match(ln)
        if not m or res.rc in NOT_THE_INPUT_RC:
            continue  # a usage error or a failed write (2, 5) names no place in an input
        loc, msg = m.group(1), ln[m.end():]
        if SUMMARY_RE.match(msg):
            continue
        if loc and LOC_RE.match(loc):
            # a place in a rules file has a column too (a test's data lines
            # are "FILE:LINE (test data):N", as a data file's)
            if not re.search(r"\.plan:\d+$", loc):
                continue
        elif loc == "planc" and IO_RE.match(msg):
            continue  # an input/output error of planc's own, naming the file
        elif loc and loc != "planc" and not loc.endswith(".plan"):
            continue  # a data diagnostic about the whole file (LANGUAGE.md §10)
        f.append(("noloc", stage + ":" + re.sub(r"'[^']*'|\d+", "_", ln[m.start(2):])[:80], ln[:300]))
        break
    return f


# ---------------------------------------------------------------- a case

class Case:
    """A mutated file over the mirror, run as an Entry."""

    def __init__(self, entry, path, content, how, opts):
        self.entry, self.path, self.content, self.how = entry, path, content, how
        self.opts = opts  # the choices of its commands: format, jobs, region, year

    def with_content(self, content):
        return Case(self.entry, self.path, content, self.how, self.opts)


def same_workbook(a, b):
    """Whether two xlsx files hold the same members but for the time they
    were made (docProps/core.xml; the runs are given one SOURCE_DATE_EPOCH,
    so this is only for a planc that ignores it)."""
    try:
        za, zb = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(b))
        if za.namelist() != zb.namelist():
            return False
        return all(za.read(n) == zb.read(n) for n in za.namelist() if n != "docProps/core.xml")
    except (zipfile.BadZipFile, KeyError):
        return False


def needed_stages(kind, stage):
    """The commands that show a finding again: the stage's, and those it is
    compared with."""
    if kind == "engines":
        return ["run-interp", "run-jit"]
    if stage == "check-json":
        return ["check", "check-json"]
    return [stage]


class Fuzzer:
    """The corpus (mirrored under work), the mutators, one random stream
    (the seed decides every case and its commands), the findings so far and
    the counts printed at the end."""

    def __init__(self, opts, work):
        self.o = opts
        self.planc = os.path.abspath(opts.planc)
        self.work = work
        self.mirror = os.path.join(self.work, "mirror")
        make_mirror(opts.repo, self.mirror)
        self.entries, rules_files = load_corpus(self.mirror)
        self.with_data = [e for e in self.entries if e.data]
        self.clean = [e for e in self.with_data if e.clean] or self.with_data
        csvs = sorted({e.data_path() for e in self.with_data})
        self.rules_bytes = {p: self.read(p) for p in rules_files}
        self.csv_bytes = {p: self.read(p) for p in csvs}
        self.rng = random.Random(opts.seed)
        self.rmut = Mutator(self.rng, self.rules_bytes)
        self.dmut = Mutator(self.rng, self.csv_bytes)
        self.xlsx_entries, self.xlsx_bytes = self.make_workbooks()
        self.xmut = WorkbookMutator(self.rng, self.xlsx_bytes)
        self.env = dict(os.environ)
        self.env.update({
            "PLANC_CACHE_DIR": os.path.join(self.work, "cache"),
            # hard_rss_limit_mb: a command that takes gigabytes (a workbook's
            # few packed bytes made into a huge text) is stopped with a report
            "ASAN_OPTIONS": "detect_leaks=1:abort_on_error=0:exitcode=99:allocator_may_return_null=1:"
                            "intercept_tls_get_addr=0:hard_rss_limit_mb=3072",   # see Makefile test-asan
            "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1:exitcode=99",
            "LC_ALL": "C.UTF-8",
            # a workbook's creation time (its properties and its
            # provenance sheet) from the clock would differ between the
            # engines' runs: the same time for every run
            "SOURCE_DATE_EPOCH": "1764547200",
        })
        # the messages in English whatever the developer's locale says
        # (docs/LANGUAGE.md §12): LC_ALL above, and no PLANC_LANG or
        # LANGUAGE to overrule it
        for var in ("PLANC_LANG", "LANGUAGE"):
            self.env.pop(var, None)
        self.stats = {"cases": 0, "commands": 0, "check_ok": 0, "check_err": 0,
                      "compared": 0, "data_err": 0, "workbooks": 0}
        self.findings = []
        self.seen = set()
        self.rcs = {}  # "stage=rc" -> how many, for --verbose

    def read(self, rel):
        with open(os.path.join(self.mirror, rel), "rb") as f:
            return f.read()

    # The fixtures of tests/xlsx/mkxlsx.py mutated (those that read, and
    # those damaged one way, whose neighbours are worth reaching); not the
    # large ones (bomb, rows).
    XLSX_FIXTURES = ["cells", "error-cell", "date-year", "formula-no-value", "bad-sst",
                     "rows-out-of-order", "chart", "bad-xml", "crc", "doctype", "no-workbook-part"]

    def make_workbooks(self):
        """Workbooks written into the mirror beside the CSVs of the clean
        entries (shared or inline strings, another sheet first sometimes),
        and the mkxlsx fixtures beside tests/xlsx/rules.plan: their Entries
        (data the workbook) and path -> bytes.  An Entry's csv is the CSV
        it was made of (for a region and year to explain)."""
        sys.path.insert(0, os.path.join(self.o.repo, "tests", "xlsx"))
        try:
            import mkxlsx
        finally:
            sys.path.pop(0)
        entries, books = [], {}
        for e in self.clean:
            src = os.path.join(self.mirror, e.data_path())
            if not e.data.endswith(".csv") or os.path.getsize(src) > (256 << 10):
                continue
            rel = os.path.splitext(e.data)[0] + ".fuzz.xlsx"
            b = mkxlsx.Book()
            if len(entries) % 5 == 4:
                b.sheet("封面", {})
            try:
                b.sheet("Sheet1", mkxlsx.csv_rows(b, src, len(entries) % 3 == 2))
            except (UnicodeDecodeError, ValueError):
                continue  # a CSV not UTF-8 has no workbook twin
            b.save(os.path.join(self.mirror, e.cwd, rel))
            x = Entry(e.cwd, e.rules, rel, e.root, e.extra, e.clean)
            x.csv = e.data_path()
            entries.append(x)
        for name in self.XLSX_FIXTURES:
            rel = "fuzz-%s.xlsx" % name
            mkxlsx.fixture(name, os.path.join(self.mirror, "tests/xlsx", rel))
            x = Entry("tests/xlsx", "rules.plan", rel)
            x.csv = None
            entries.append(x)
        for x in entries:
            books[x.data_path()] = self.read(x.data_path())
        return entries, books

    def outdir(self):
        d = os.path.join(self.work, "out")
        shutil.rmtree(d, ignore_errors=True)
        os.mkdir(d)
        return d

    def choose(self, e):
        """The random choices of a case's commands, made once so that the
        case runs the same when it is minimised and reproduced."""
        r = self.rng
        region, year = self.region_year(e) if e.data else (None, None)
        targets = re.findall(rb"(?:target|redline) +([^\s:\"]+)", self.rules_bytes[e.rules_path()])
        target = r.choice(targets).decode("utf-8", "replace") if targets and r.random() < 0.3 else None
        fmt = r.choice(["csv"] * 5 + ["json"] * 2 + ["xlsx", "html"])
        rollup = None
        if fmt in ("csv", "json") and "--rollup" not in e.extra and r.random() < 0.3:
            rollup = r.choice(["region", "agency", "target"])
        # the options that let a run read past what is wrong with data
        lenient = [a for a in ("--allow-missing-columns", "--skip-unknown-regions")
                   if a not in e.extra and r.random() < 0.3]
        if r.random() < 0.15:
            lenient += ["--na", r.choice(["-", "..", "x", "0", "", "NA", "—"])]
        lang = ["--lang", "zh"] if fmt in ("xlsx", "html") and r.random() < 0.3 else []
        # a workbook's sheet: the first (none named), named, or none such
        sheet = ""
        if e.data and e.data.endswith(".xlsx"):
            sheet = r.choice(["", "", "", "", "", "", "#Sheet1", "#Sheet1", "#数据", "#nosuch"])
        return {"fmt": fmt, "sheet": sheet, "lang": lang, "rollup": rollup, "json": r.random() < 0.3, "lenient": lenient,
                "jobs": str(r.randint(2, 4)), "region": region, "year": year, "target": target,
                "orig": os.path.join(os.path.dirname(e.rules), "fuzz-orig-" + os.path.basename(e.rules))}

    def commands(self, case, od):
        """The commands of a case: (stage, argv, when) in order; when(results)
        says, from the results so far, whether the command runs."""
        e, c = case.entry, case.opts
        root = ["--root", e.root] if e.root else []
        checked = lambda r: r["check"].rc == 0
        cmds = [("check", ["check"] + root + [e.rules], lambda r: True),
                # the JSON form of the diagnostics, when there are some
                ("check-json", ["check", "--format", "json"] + root + [e.rules],
                 lambda r: bool(r["check"].err.strip()))]
        if b"expect" in (case.content if case.path == e.rules_path() else self.rules_bytes[e.rules_path()]):
            cmds.append(("test", ["test"] + root + [e.rules], checked))
        if case.how == "rules":
            # the mutant against its original (a copy beside it: the same imports)
            cmds.append(("diff", ["diff"] + root + [c["orig"], e.rules] + (
                ["--format", "json"] if c["json"] else []), lambda r: True))
        if e.data:
            data = e.data + c.get("sheet", "")
            base = ["run"] + root + [e.rules, "--data", data] + e.extra + c["lenient"] + c["lang"] + (
                ["--rollup", c["rollup"]] if c["rollup"] else [])
            fmt = c["fmt"]
            # the interpreter on one thread, the JIT on several: the output
            # must not depend on either.  Rules that do not check: one run
            # (its failure must be as clean), no JIT and no explain.
            cmds.append(("run-interp", base + ["--engine", "interp", "-j", "1",
                                               "-o", os.path.join(od, "interp." + fmt)], lambda r: True))
            cmds.append(("run-jit", base + ["--engine", "jit", "--no-cache", "-j", c["jobs"],
                                            "-o", os.path.join(od, "jit." + fmt)], checked))
            ex = ["explain"] + root + [e.rules, "--data", data, "--region", c["region"]]
            if c["year"]:
                ex += ["--year", c["year"]]
            if c["target"]:
                ex += ["--target", c["target"]]
            if c["json"]:
                ex += ["--format", "json"]
            ex += self.na_args(e) + c["lenient"]
            cmds.append(("explain", ex, checked))
            if case.how == "xlsx":
                # the check before sending, of the workbook
                tc = ["template"] + root + [e.rules, "--check", data] + self.na_args(e)
                if c["year"]:
                    tc += ["--region", c["region"], "--years", c["year"]]
                cmds.append(("template-check", tc, checked))
        return cmds

    @staticmethod
    def na_args(e):
        out = []
        for i, a in enumerate(e.extra):
            if a in ("--na", "--data-year") and i + 1 < len(e.extra):
                out += [a, e.extra[i + 1]]
        return out

    def region_year(self, e):
        """A region and year of a row of the entry's original data."""
        b = self.csv_bytes.get(getattr(e, "csv", None) or e.data_path(), b"")
        if e.data.endswith(".xlsx") and not getattr(e, "csv", None):
            return "大连", "2024"  # the mkxlsx fixtures' rows
        lines = [ln for ln in b.decode("utf-8", "replace").lstrip("\ufeff").splitlines() if ln.strip()]
        if len(lines) < 2:
            return "x", None
        sep = ";" if lines[0].count(";") > lines[0].count(",") else ","
        head = [c.strip().strip('"') for c in lines[0].split(sep)]
        row = [c.strip().strip('"') for c in self.rng.choice(lines[1:]).split(sep)]
        ri = head.index("region") if "region" in head else 0
        yi = head.index("year") if "year" in head else 1
        region = row[ri] if ri < len(row) else "x"
        year = row[yi] if yi < len(row) and row[yi].isdigit() else None
        return region or "x", year

    def execute(self, case, stages=None):
        """Run a case (only the given stages, when minimising); its findings
        (kind, signature, detail, stage, Result)."""
        e = case.entry
        full = os.path.join(self.mirror, case.path)
        orig = self.read(case.path)
        origcopy = os.path.join(self.mirror, e.cwd, case.opts["orig"])
        shutil.copyfile(os.path.join(self.mirror, e.rules_path()), origcopy)
        with open(full, "wb") as f:
            f.write(case.content)
        found = []
        try:
            od = self.outdir()
            cwd = os.path.join(self.mirror, e.cwd)
            results = {}
            for stage, argv, when in self.commands(case, od):
                if stages is not None and stage not in stages:
                    continue
                if stages is None and not when(results):
                    continue
                res = run_planc(self.planc, argv, cwd, self.o.timeout, self.env)
                self.stats["commands"] += 1
                if stages is None:
                    k = "%s=%s" % (stage, "T" if res.timed_out else res.rc)
                    self.rcs[k] = self.rcs.get(k, 0) + 1
                    if self.o.verbose:
                        print("  %s: %s -> %s %s" % (stage, " ".join(argv)[:200], k.split("=")[1],
                              (first_line(res.err, "error") or first_line(res.err, "."))[:150]))
                results[stage] = res
                for k, s, d in judge(res, stage):
                    found.append((k, s, d, stage, res))
                if res.timed_out:
                    continue
                if stage.startswith("run") and res.rc != 0:
                    left = [x for x in os.listdir(od) if not x.startswith(("interp.", "jit.")) or
                            x.startswith(stage.split("-")[1] + ".")]
                    if left:
                        found.append(("leftover", stage, "exit code %d, left %s" % (res.rc, left),
                                      stage, res))
                for k, s, d in self.check_json(case, stage, res, results, od):
                    found.append((k, s, d, stage, res))
                for k, s, d in self.agree(stage, res, results):
                    found.append((k, s, d, stage, res))
                ri, rj = results.get("run-interp"), results.get("run-jit")
                if stage == "run-jit" and ri and not ri.timed_out:
                    d = self.engines_differ(ri, rj, od)
                    if d:
                        found.append(("engines", "engines:" + d.split(":")[0], d, "run-jit", rj))
                    elif ri.rc == 0:
                        self.stats["compared"] += 1
            if stages is None:
                c = results.get("check")
                self.stats["check_ok" if c.rc == 0 else "check_err"] += 1
                if results.get("run-interp") and results["run-interp"].rc == 3:
                    self.stats["data_err"] += 1
                for st in ("explain", "diff", "test", "check-json"):
                    if results.get(st):
                        self.stats[st] = self.stats.get(st, 0) + 1
        finally:
            with open(full, "wb") as f:
                f.write(orig)
            os.unlink(origcopy)
        return found

    @staticmethod
    def agree(stage, res, results):
        """The commands must agree on the rules: an error that check reports
        stops every command with exit code 1, and rules that check clean
        draw no rules error (1) from a command that reads them."""
        c = results.get("check")
        if (stage == "check" or not c or c.timed_out or res.rc not in DOCUMENTED_RC or
                res.rc in NOT_THE_INPUT_RC):
            return []
        if c.rc == 1 and res.rc != 1:
            return [("disagree", "%s:check=1,%s=%d" % (stage, stage, res.rc),
                     "check finds errors in the rules, %s exits %d" % (stage, res.rc))]
        # test exits 1 when a test fails, diff when the original has errors
        if c.rc == 0 and res.rc == 1 and stage not in ("test", "diff"):
            return [("disagree", "%s:check=0,%s=1" % (stage, stage),
                     "check finds no error, %s exits 1: %s" % (stage, first_line(res.err, "error")))]
        return []

    def check_json(self, case, stage, res, results, od):
        """JSON that planc writes must parse: the JSON Lines of check
        --format json (with the text form's exit code, and a location on
        every diagnostic of a rules file), run's JSON output, explain's and
        diff's JSON."""
        def bad(what, detail):
            return [("json", stage + ":" + what, detail)]
        if stage == "check-json":
            lines = [ln for ln in res.err.decode("utf-8", "replace").splitlines() if ln.strip()]
            for ln in lines:
                try:
                    o = json.loads(ln)
                except ValueError as ex:
                    return bad("not JSON", "%s: %s" % (ex, ln[:200]))
                if not isinstance(o, dict) or o.get("level") not in ("error", "warning", "note"):
                    return bad("no level", ln[:200])
                if o["level"] != "note" and str(o.get("file", "")).endswith(".plan") and (
                        "line" not in o or "column" not in o):
                    return bad("no location", ln[:200])
            if res.rc != results["check"].rc and res.rc != 2:
                return bad("exit code", "text %d, json %d" % (results["check"].rc, res.rc))
            return []
        if res.rc != 0:
            return []
        if stage == "run-interp" and case.opts["fmt"] == "json":
            try:
                with open(os.path.join(od, "interp.json"), "rb") as f:
                    json.loads(f.read().decode("utf-8"))
            except (OSError, ValueError) as ex:
                return bad("output", str(ex)[:200])
        if stage in ("explain", "diff") and case.opts["json"]:
            try:
                json.loads(res.out.decode("utf-8"))
            except ValueError as ex:
                return bad("stdout", "%s: %s" % (ex, res.out[:200]))
        return []

    @staticmethod
    def engines_differ(ri, rj, od):
        if ri.rc != rj.rc:
            return "exit code: interp %d, jit %d" % (ri.rc, rj.rc)
        if ri.rc != 0:
            return None
        if ri.out != rj.out:
            return "stdout differs"
        names = sorted(os.listdir(od))
        ins = [n for n in names if n.startswith("interp.")]
        for n in ins:
            j = "jit." + n.split(".", 1)[1]
            try:
                a = open(os.path.join(od, n), "rb").read()
                b = open(os.path.join(od, j), "rb").read()
            except OSError as ex:
                return "output missing: %s" % ex
            if a != b and not (n.endswith(".xlsx") and same_workbook(a, b)):
                return "output differs: %s vs %s" % (n, j)
        return None

    # -- minimising
    def minimise(self, case, kind, sig, stage):
        """Line-delta minimisation of the case's content, keeping a finding
        of the same kind and signature; bounded by --minimise-secs."""
        deadline = time.monotonic() + self.o.minimise_secs
        stages = needed_stages(kind, stage)

        def still(content):
            if time.monotonic() > deadline:
                return False
            c = case.with_content(content)
            return any(k == kind and s == sig for k, s, _, _, _ in self.execute(c, stages))

        lines = case.content.splitlines(keepends=True)
        n = 2
        while len(lines) >= 2 and time.monotonic() < deadline:
            chunk = max(1, len(lines) // n)
            reduced = False
            for start in range(0, len(lines), chunk):
                cand = lines[:start] + lines[start + chunk:]
                if cand and still(b"".join(cand)):
                    lines = cand
                    n = max(n - 1, 2)
                    reduced = True
                    break
            if not reduced:
                if chunk == 1:
                    break
                n = min(n * 2, len(lines))
        return b"".join(lines)

    def report(self, case, kind, sig, detail, stage, res):
        key = (kind, sig)
        if key in self.seen:
            return
        self.seen.add(key)
        content = case.content
        if self.o.minimise_secs > 0 and case.how != "xlsx":
            content = self.minimise(case, kind, sig, stage)
        n = len(self.findings) + 1
        d = os.path.join(self.o.out, "%03d-%s" % (n, kind))
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        ext = os.path.splitext(case.path)[1]
        with open(os.path.join(d, "case" + ext), "wb") as f:
            f.write(content)
        with open(os.path.join(d, "orig" + ext), "wb") as f:
            f.write(self.read(case.path))
        # the command again on the minimised content, for its stderr
        c = case.with_content(content)
        again = [x for x in self.execute(c, needed_stages(kind, stage))
                 if x[0] == kind]
        r = again[0][4] if again else res
        with open(os.path.join(d, "stderr.txt"), "wb") as f:
            f.write(r.err[:200000])
        # the commands that show it, with the output directory a variable
        e = case.entry
        outmark = os.path.join(self.work, "out")
        lines = []
        for st, argv, _ in self.commands(c, outmark):
            if st in needed_stages(kind, stage):
                lines.append("\"$planc\" " + " ".join(
                    '"$OUT/%s"' % os.path.basename(x) if x.startswith(outmark) else shlex.quote(x)
                    for x in argv) + "; echo \"%s: exit code $?\"" % st)
        if kind == "engines":
            lines.append('cmp "$OUT/interp.{0}" "$OUT/jit.{0}" && echo "the outputs are the same"'
                         .format(c.opts["fmt"]))
        with open(os.path.join(d, "repro.sh"), "w") as f:
            f.write("#!/bin/sh\n# %s: %s\n# %s\n# case: %s of %s (%s), seed %d\n"
                    "# usage: sh repro.sh [PLANC] — runs in a scratch copy of the corpus\n"
                    "set -u\nexport SOURCE_DATE_EPOCH=1764547200 LC_ALL=C.UTF-8; unset LANGUAGE PLANC_LANG\n"
                    "here=$(cd \"$(dirname \"$0\")\" && pwd)\n"
                    "repo=${REPO:-%s}\nplanc=${1:-$repo/build-asan/planc}\n"
                    "t=$(mktemp -d); trap 'rm -rf \"$t\"' EXIT\n"
                    "for d in %s; do mkdir -p \"$t/$(dirname $d)\"; cp -R \"$repo/$d\" \"$t/$d\"; done\n"
                    "# the original beside the rules (planc diff's other side), then the case\n"
                    "cp \"$t/%s\" \"$t/%s\"\ncp \"$here/case%s\" \"$t/%s\"\n"
                    "OUT=$t/out; mkdir \"$OUT\"\ncd \"$t/%s\" || exit 2\n%s\nls \"$OUT\"\n"
                    % (kind, sig, detail.replace("\n", " ")[:300], case.how, case.path,
                       stage, self.o.seed, os.path.abspath(self.o.repo), " ".join(MIRROR_DIRS),
                       e.rules_path(), os.path.normpath(os.path.join(e.cwd, c.opts["orig"])),
                       ext, case.path, e.cwd, "\n".join(lines)))
        self.findings.append((d, kind, sig, detail))
        print("FINDING %s: %s — %s\n  reproducer: %s/repro.sh" % (kind, sig, detail[:200], d), flush=True)

    # -- the loop
    def one(self, i):
        r = self.rng
        only = self.o.only
        if only == "xlsx" or (not only and r.random() < 0.2 and self.xlsx_entries):
            e = r.choice(self.xlsx_entries)
            path = e.data_path()
            content = self.xmut.workbook(self.xlsx_bytes[path])
            how = "xlsx"
        elif only == "data" or (not only and r.random() < 0.35 and self.with_data):
            e = r.choice(self.clean if r.random() < 0.8 else self.with_data)
            path = e.data_path()
            content = self.dmut.data(self.csv_bytes[path])
            how = "data"
        else:
            k = r.random()
            e = r.choice(self.clean if k < 0.5 else self.with_data if k < 0.7 else self.entries)
            path = e.rules_path()
            # sometimes a file it imports or extends instead of it
            deps = [os.path.normpath(os.path.join(os.path.dirname(path), d.decode("utf-8", "replace")))
                    for d in re.findall(rb'(?:import|extends)\s+"([^"]+)"', self.rules_bytes[path])]
            deps = [d for d in deps if d in self.rules_bytes]
            if deps and r.random() < 0.3:
                path = r.choice(deps)
            content = self.rmut.rules(self.rules_bytes[path])
            how = "rules"
        case = Case(e, path, content, how, self.choose(e))
        if self.o.verbose:
            print("case %d: %s %s (%d bytes)" % (i, how, path, len(content)), flush=True)
        for k, s, d, stage, res in self.execute(case):
            self.report(case, k, s, d, stage, res)
        self.stats["cases"] += 1
        if how == "xlsx":
            self.stats["workbooks"] += 1

    def smoke_unfinished(self, i):
        """Whether a --smoke run goes on past its cases (up to four times
        as many): it has not yet reached an engine comparison or a rules
        error.  Which corpus entries a seed draws changes whenever a test
        directory is added, and a draw of only cases that stop before the
        engines is not a broken harness."""
        s = self.stats
        return self.o.smoke and i < 4 * self.o.cases and (s["compared"] == 0 or s["check_err"] == 0)

    def loop(self):
        t0 = time.monotonic()
        i = 0
        while True:
            if self.o.cases and i >= self.o.cases and not self.smoke_unfinished(i):
                break
            if self.o.secs and time.monotonic() - t0 >= self.o.secs:
                break
            self.one(i)
            i += 1
            if self.o.progress > 0 and i % self.o.progress == 0:
                print("... %d cases, %d findings, %.0f s" % (i, len(self.findings), time.monotonic() - t0),
                      flush=True)
        return time.monotonic() - t0


def clear_findings(out):
    """Remove the reproducers of an earlier run from out (only directories
    this script writes: NNN-kind holding a repro.sh)."""
    if not os.path.isdir(out):
        return
    for n in os.listdir(out):
        d = os.path.join(out, n)
        if re.match(r"^\d{3}-[a-z]+$", n) and os.path.isfile(os.path.join(d, "repro.sh")):
            shutil.rmtree(d)


def scratch_parent():
    """Where the scratch directory goes: $TMPDIR when set, else /dev/shm
    when it is there (a case writes a few files, thousands of times, and
    the mirror has hundreds: memory is much faster than a busy disk)."""
    if not os.environ.get("TMPDIR") and os.access("/dev/shm", os.W_OK | os.X_OK):
        return "/dev/shm"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--planc", required=True)
    ap.add_argument("--repo", default=REPO)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--cases", type=int, default=0, help="number of cases (0: no limit)")
    ap.add_argument("--secs", type=float, default=0, help="time budget in seconds (0: no limit)")
    ap.add_argument("--timeout", type=float, default=20, help="seconds a command may take")
    ap.add_argument("--out", default="fuzz-findings", help="where reproducers go")
    ap.add_argument("--minimise-secs", type=float, default=60)
    ap.add_argument("--progress", type=int, default=100)
    ap.add_argument("--smoke", action="store_true",
                    help="also fail when the harness reached no engine comparison (it rotted)")
    ap.add_argument("--only", choices=["rules", "data", "xlsx"],
                    help="mutate only rules files, CSV data or workbooks")
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
    ap.add_argument("-v", "--verbose", action="store_true")
    o = ap.parse_args()
    if o.seed is None:
        o.seed = int(time.time()) % 1000000
    if not o.cases and not o.secs:
        o.cases = 200
    if not os.access(o.planc, os.X_OK):
        print("fuzz.py: %s is not an executable" % o.planc, file=sys.stderr)
        return 2
    clear_findings(o.out)
    # stopped by a signal: the scratch directory is removed all the same
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = tempfile.mkdtemp(prefix="planc-fuzz-", dir=scratch_parent())
    try:
        fz = Fuzzer(o, work)
        print("fuzz.py: seed %d, %d corpus entries (%d with data), planc %s" %
              (o.seed, len(fz.entries), len(fz.with_data), fz.planc), flush=True)
        secs = fz.loop()
    finally:
        if o.keep:
            print("fuzz.py: scratch directory kept: " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    s = fz.stats
    print("fuzz.py: %d cases, %d commands in %.0f s: rules checked clean %d, with errors %d; "
          "engines compared %d; explained %d; diffed %d; tested %d; data errors %d; workbooks %d; "
          "findings %d" %
          (s["cases"], s["commands"], secs, s["check_ok"], s["check_err"], s["compared"],
           s.get("explain", 0), s.get("diff", 0), s.get("test", 0), s["data_err"], s["workbooks"],
           len(fz.findings)))
    if o.verbose:
        print("fuzz.py: exit codes: " + " ".join("%s:%d" % kv for kv in sorted(fz.rcs.items())))
    bad = bool(fz.findings)
    if o.smoke and (s["compared"] == 0 or s["check_err"] == 0):
        print("fuzz.py: the smoke reached no engine comparison or no rules error: the harness is broken",
              file=sys.stderr)
        bad = True
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
