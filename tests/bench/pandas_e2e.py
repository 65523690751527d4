#!/usr/bin/env python3
"""pandas_e2e.py -- the benchmark's `e2e` rules scored with pandas, as a
competent analyst would write it by hand: one read_csv, the baseline values
joined once, every status and score computed with whole-column numpy
operations (no loop over rows), and the results written with to_csv in the
shape of `planc run`'s results CSV (docs/LANGUAGE.md section 11).  It is
part (e) of `make bench` (docs/PERFORMANCE.md): planc's end-to-end time is
compared with this script's on the same data, and the two outputs are
compared (compare_results below) before any time counts.

    pandas_e2e.py score RULES CSV OUT     score CSV against RULES into OUT
    pandas_e2e.py compare PLANC_OUT PANDAS_OUT
                                          exit 0 when they agree

The rules are the generated e2e preset (tests/bench/gen.c): a threshold
target T1 on x1 with one deadline and a target T2 on x2 with two
milestones, plan baseline year y0.  Their constants are read from RULES;
the logic below is the meaning of such targets in docs/LANGUAGE.md
section 9, written out for these two (a script for a plan is written for
that plan's targets, which is the point of the comparison).
"""
import re
import sys

import numpy as np
import pandas as pd

COLUMNS = ["region", "year", "kind", "id", "name", "clause", "lead", "status",
           "value", "unit", "goal", "expected", "score", "weight", "grade", "vetoes",
           "parent", "top"]


def read_rules(path):
    """The baseline year and, per target, its indicator column, milestones
    [(goal, deadline)] and weight, and each region's parent, from the
    generated rules file."""
    text = open(path, encoding="utf-8").read()
    y0 = int(re.search(r"^\s*baseline\s+(\d+)", text, re.M).group(1))
    targets = []
    for m in re.finditer(r"^\s*target\s+(\w+)\s*:\s*(\w+)\s+(.*)$", text, re.M):
        name, column, rest = m.group(1), m.group(2), m.group(3)
        weight = re.search(r"\bweight\s+([\d.]+)", rest)
        miles = [(float(g), int(d)) for g, d in re.findall(r">=\s*([\d.]+)\s+by\s+(\d+)", rest)]
        targets.append((name, column, miles, float(weight.group(1)) if weight else 1.0))
    # each region's parent: `region A, B : LEVEL in P`
    parents = {}
    for names, parent in re.findall(r"^region\s+([^:]+?)\s*:\s*\w+\s+in\s+(\S+)", text, re.M):
        for name in names.split(","):
            parents[name.strip()] = parent
    return y0, targets, parents


def top_of(region, parents):
    """The region just below the root of region's hierarchy that it lies
    in or is (planc's `top`); '' for a region without a parent."""
    if region not in parents:
        return ""
    while parents[region] in parents:
        region = parents[region]
    return region


def judge(v, b, year, y0, miles):
    """Status codes, goal, expected and score of one `>=` target with
    milestones over whole columns (NaN where a column is empty)."""
    n = len(v)
    goal = np.empty(n)
    start_v = np.empty(n)
    start_y = np.empty(n)
    deadline = np.empty(n)
    # the current milestone: the first whose deadline is >= the year, else
    # the last; its trajectory starts at the previous milestone, or at
    # (y0, b) for the first
    rest = np.ones(n, dtype=bool)
    prev_g, prev_d = b, np.full(n, float(y0))
    for i, (g, d) in enumerate(miles):
        cur = rest & ((year <= d) | (i == len(miles) - 1))
        goal[cur] = g
        deadline[cur] = d
        start_v[cur] = prev_g[cur] if isinstance(prev_g, np.ndarray) else prev_g
        start_y[cur] = prev_d[cur] if isinstance(prev_d, np.ndarray) else prev_d
        rest &= ~cur
        prev_g, prev_d = float(g), float(d)
    with np.errstate(invalid="ignore", divide="ignore"):
        before = year < deadline
        e = start_v + (goal - start_v) * (year - start_y) / (deadline - start_y)
        # on track within e's own rounding (docs/LANGUAGE.md §9 rule 5)
        slack = 2.0**-49 * np.maximum(np.abs(start_v), np.abs(goal))
        expected = np.where(before, e, goal)
        met = v >= goal
        progress = np.clip((v - b) / (goal - b), 0, 1) * 100
        progress = np.where((goal == b) | np.isnan(b) | (b >= goal), 0.0, progress)
    # a goal with a deadline is judged after the baseline year, its
    # starting point (docs/LANGUAGE.md §9 rule 1)
    na = year <= y0
    missing = np.isnan(v) | (before & ~met & np.isnan(start_v))
    status = np.select(
        [na, missing, met, ~before, v >= expected - slack],
        ["not_applicable", "missing", "met", "failed", "on_track"], "lagging")
    score = np.where(na | missing, np.nan, np.where(met, 100.0, progress))
    goal = np.where(na, np.nan, goal)
    expected = np.where(na | np.isnan(expected), np.nan, expected)
    return status, goal, expected, score


def score(rules, data, out):
    y0, targets, parents = read_rules(rules)
    df = pd.read_csv(data, dtype={"region": str})
    year = df["year"].to_numpy(dtype=float)
    n, k = len(df), len(targets)
    # the baseline values: each region's row in y0, joined once
    base = df.loc[df["year"] == y0].drop(columns="year").set_index("region")
    # one result row per (data row, target), in data order then target
    # order, as planc writes them
    res = pd.DataFrame({
        "region": np.repeat(df["region"].to_numpy(), k),
        "year": np.repeat(df["year"].to_numpy(), k),
        "kind": "target",
    })
    cols = {c: np.empty(n * k, dtype=object if c in ("id", "status") else float)
            for c in ("id", "status", "value", "goal", "expected", "score", "weight")}
    for t, (name, column, miles, weight) in enumerate(targets):
        v = df[column].to_numpy(dtype=float)
        b = df["region"].map(base[column]).to_numpy(dtype=float)
        status, goal, expected, sc = judge(v, b, year, y0, miles)
        for c, a in (("id", name), ("status", status), ("value", v), ("goal", goal),
                     ("expected", expected), ("score", sc), ("weight", weight)):
            cols[c][t::k] = a
    res["id"] = cols["id"]
    res["name"] = ""
    res["clause"] = "(1)"
    res["lead"] = "A1"
    for c in ("status", "value"):
        res[c] = cols[c]
    res["unit"] = "u"
    for c in ("goal", "expected", "score", "weight"):
        res[c] = cols[c]
    res["grade"] = ""
    res["vetoes"] = ""
    # the region's parent and top, from the rules' declarations, joined
    # once per region
    regions = pd.Series(df["region"].unique())
    res["parent"] = res["region"].map(dict(zip(regions, regions.map(lambda r: parents.get(r, "")))))
    res["top"] = res["region"].map(dict(zip(regions, regions.map(lambda r: top_of(r, parents)))))
    res[COLUMNS].to_csv(out, index=False)


def compare(planc_out, pandas_out):
    """True when both files hold the same rows: equal texts, and numbers
    equal to 1e-9 relative (the formulas' operations may be ordered
    differently: planc's expected value runs through its own IR)."""
    a = pd.read_csv(planc_out, dtype={"region": str}, keep_default_na=False)
    b = pd.read_csv(pandas_out, dtype={"region": str}, keep_default_na=False)
    if list(a.columns) != COLUMNS or list(b.columns) != COLUMNS or len(a) != len(b):
        print(f"compare: shapes differ: {a.shape} {b.shape}", file=sys.stderr)
        return False
    ok = True
    for c in COLUMNS:
        x, y = a[c], b[c]
        if c in ("value", "goal", "expected", "score", "weight", "year"):
            x = pd.to_numeric(x.replace("", np.nan)).to_numpy(dtype=float)
            y = pd.to_numeric(y.replace("", np.nan)).to_numpy(dtype=float)
            same = (np.isnan(x) & np.isnan(y)) | np.isclose(x, y, rtol=1e-9, atol=1e-9)
        else:
            same = (x.astype(str).to_numpy() == y.astype(str).to_numpy())
        if not same.all():
            i = int(np.argmin(same))
            print(f"compare: column {c} differs first on line {i + 2}: "
                  f"planc {a.iloc[i].tolist()} pandas {b.iloc[i].tolist()}", file=sys.stderr)
            ok = False
    return ok


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(0 if compare(sys.argv[2], sys.argv[3]) else 1)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
