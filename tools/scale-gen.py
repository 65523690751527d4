#!/usr/bin/env python3
"""scale-gen.py — large generated rule sets, to profile planc on big inputs.

    python3 tools/scale-gen.py targets N DIR [--regions R]
        DIR/rules.plan: N targets (five kinds, a seventh scoped) in N/5
        measures and N/100 sections, on N/4 indicators, with an assessment
        weighting every section and a third of the measures; DIR/data.csv:
        R regions (default 10) x 16 years (--regions 312500: 5M rows).
        Checks clean; long lists are broken into lines of 1000 names.
    python3 tools/scale-gen.py warnings N DIR
        as `targets`, with some indicators `lower` and some goals `<=`: a
        direction warning for about a third of the targets.
    python3 tools/scale-gen.py imports N DIR
        DIR/rules.plan imports DIR/u.plan under N names and refers 150 times
        to a module it does not import (100 errors, each with the list of
        the N names).
    python3 tools/scale-gen.py adapt N DIR
        the `targets` set as DIR/base.plan and DIR/rules.plan extending it:
        half the targets overridden (a new scope), a quarter dropped.
    python3 tools/scale-gen.py groups N DIR
        DIR/old.plan and DIR/new.plan: N cities in N/10 provinces, N/20
        regional groups of provinces and N targets scoped through them
        (`for city in G`, shares over the cities of a group); new.plan moves
        every group's members by one province and a tenth of the cities to
        the next province, for `planc diff DIR/old.plan DIR/new.plan`.

Then, for example:
    /usr/bin/time -f '%U u %S s %M KB' build/planc check DIR/rules.plan
    build/planc run DIR/rules.plan --data DIR/data.csv --engine interp -o /dev/null --timings
    build/planc explain DIR/rules.plan --data DIR/data.csv --region C0000003 --year 2030

Everything is derived from a fixed seed: the same arguments give the same
files.  Time and memory should grow in proportion to N.
"""
import os
import random
import sys


def listed(items, per=1000):
    """items joined by ', ', a line break after every `per` of them: planc
    reads a source line of at most 1 MiB (LEX_MAX_LINE), and 312500
    regions (5M rows of data) on one line were 3.4 MB."""
    items = list(items)
    return ',\n    '.join(', '.join(items[k:k + per]) for k in range(0, len(items), per))


def rules(n, nreg, warnings):
    r = random.Random(1)
    nind = max(1, n // 4)
    nmeas = max(1, n // 5)
    nsec = max(1, nmeas // 20)
    o = []
    w = o.append
    w('plan bench "scaled" {\n    region   P\n    baseline 2020\n    horizon  2035\n}\n')
    w('levels province, city\nregion P : province\n')
    w('region ' + listed('C%07d' % (i + 1) for i in range(nreg)) + ' : city in P\n')
    w('agency A1 "bench agency"\nunit u\n')
    for j in range(nind):
        d = 'higher' if not warnings or r.random() < .6 else 'lower'
        w('indicator x%d : u, %s, column "x%d"\n' % (j + 1, d, j + 1))
    t = 0
    lo = '<=' if warnings else '>='
    for s in range(nsec):
        w('section S%d "section %d" {\n' % (s + 1, s + 1))
        per = nmeas // nsec + (1 if s < nmeas % nsec else 0)
        first = s * (nmeas // nsec) + min(s, nmeas % nsec)
        for m in range(per):
            mid = first + m + 1
            w('    measure (%d) "measure %d" {\n        lead A1\n' % (mid, mid))
            for _ in range(5):
                t += 1
                x = (t - 1) % nind + 1
                sc = ' for city except C0000001' if t % 7 == 0 else ''
                kind = t % 5
                if kind == 0:
                    w('        redline T%d%s : x%d >= %.2f\n' % (t, sc, x, r.random() * 100))
                elif kind == 1:
                    w('        target T%d%s : x%d >= %.2f by 2024\n' % (t, sc, x, r.random() * 1000))
                elif kind == 2:
                    w('        target T%d%s : x%d >= %.2f by 2024, >= %.2f by 2030 weight 2\n'
                      % (t, sc, x, r.random() * 1000, 1000 + r.random() * 100))
                elif kind == 3:
                    w('        target T%d%s : x%d rises every year\n' % (t, sc, x))
                else:
                    w('        target T%d%s : x%d %s %.2f by 2030 weight 0.5\n' % (t, sc, x, lo, r.random() * 1000))
            w('    }\n')
        w('}\n')
    ws = ['section S%d = %d' % (s + 1, 10 + s % 20) for s in range(nsec)]
    ws += ['measure (%d) = %d' % (m + 1, 2 + m % 2) for m in range(nmeas) if m % 3 == 0]
    w('assessment A {\n    missing reweight\n    weight ' + listed(ws) +
      '\n    veto redlines\n    grade A >= 90, B >= 75, C >= 60, D\n}\n')
    return ''.join(o)


def data(n, nreg):
    nind = max(1, n // 4)
    r = random.Random(2)
    o = ['region,year,' + ','.join('x%d' % (j + 1) for j in range(nind)) + '\n']
    for i in range(nreg):
        for y in range(2019, 2035):
            o.append('C%07d,%d,' % (i + 1, y) +
                     ','.join('%.2f' % (r.random() * 1000) for _ in range(nind)) + '\n')
    return ''.join(o)


def imports(n):
    o = ['import "u.plan" as Mod%d\n' % i for i in range(n)]
    o.append('plan p "t" {\n    region P\n    baseline 2020\n    horizon 2035\n}\n'
             'levels province\nregion P : province\nagency A\n')
    for i in range(150):
        o.append('indicator y%d : QQQQQQQQQQQQQQ.u, higher, column "y%d"\n' % (i, i))
    return ''.join(o)


def adapt(n):
    o = ['plan q "adapted" extends "base.plan" as B {\n    region P\n    baseline 2021\n}\n']
    for t in range(1, n, 2):
        o.append('override %s T%d for city except C0000002\n' % ('redline' if t % 5 == 0 else 'target', t))
    for t in range(2, n, 4):
        o.append('drop target T%d\n' % t)
    return ''.join(o)


def groups(n, moved):
    nprov = max(2, n // 10)
    ngrp = max(1, n // 20)
    o = ['plan g "groups" {\n    region 全国\n    baseline 2020\n    horizon 2030\n}\n'
         'levels country, area, province, city\nregion 全国 : country\n']
    w = o.append
    w('region ' + listed('P%d' % p for p in range(nprov)) + ' : province in 全国\n')
    for c in range(n):
        p = c % nprov
        if moved and c % 10 == 0:
            p = (p + 1) % nprov
        w('region C%d : city in P%d\n' % (c, p))
    for g in range(ngrp):
        first = (g * 2 + (1 if moved else 0)) % nprov
        w('region G%d : area in 全国 of %s\n'
          % (g, ', '.join('P%d' % ((first + k) % nprov) for k in range(3))))
    w('indicator x : 1, lower, column "x"\nindicator ok : bool, column "ok"\n')
    w('section S "s" {\n    measure (1) "m" {\n')
    for t in range(n):
        g = t % ngrp
        if t % 2:
            w('        target T%d for city in G%d : x <= %d\n' % (t, g, t))
        else:
            w('        target T%d for G%d : share(city, ok == yes) >= 50%%\n' % (t, g))
    w('    }\n}\n')
    return ''.join(o)


def put(d, name, text):
    with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
        f.write(text)


def main(argv):
    if len(argv) < 4 or argv[1] not in ('targets', 'warnings', 'imports', 'adapt', 'groups'):
        sys.stderr.write(__doc__)
        return 2
    kind, n, d = argv[1], int(argv[2]), argv[3]
    nreg = int(argv[5]) if len(argv) > 5 and argv[4] == '--regions' else 10
    os.makedirs(d, exist_ok=True)
    if kind in ('targets', 'warnings'):
        put(d, 'rules.plan', rules(n, nreg, kind == 'warnings'))
        put(d, 'data.csv', data(n, nreg))
    elif kind == 'imports':
        put(d, 'u.plan', 'unit u\n')
        put(d, 'rules.plan', imports(n))
    elif kind == 'groups':
        put(d, 'old.plan', groups(n, False))
        put(d, 'new.plan', groups(n, True))
    else:
        put(d, 'base.plan', rules(n, nreg, False))
        put(d, 'rules.plan', adapt(n))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
