#!/usr/bin/env python3
"""Writes data.csv: synthetic indicator data for the quickstart plan.

Deterministic (fixed seed).  Planted cases are listed in README.md."""
import random

rnd = random.Random(20211)
cities = "沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛".split()


def fmt(x, nd=1):
    return f"{x:.{nd}f}"


rows = []
for i, c in enumerate(cities):
    good = 70 + rnd.uniform(0, 12)
    pm = 48 - rnd.uniform(0, 12)
    farm = 600000 + rnd.uniform(0, 400000)
    cod = 20000 + rnd.uniform(0, 30000)
    gb = 40 + rnd.uniform(0, 30)
    for y in range(2021, 2026):
        k = y - 2021
        speed = [1.0, 0.5, 1.5, 0.2][i % 4]          # four paces of progress
        g = min(99.0, good + k * 3.2 * speed)
        p = max(20.0, pm - k * 2.6 * speed)
        f = 590000 if (c == "阜新" and y == 2024) else farm - k * 1000  # red line: 60万亩
        cd = cod * (1 - 0.03 * k * speed) if not (c == "营口" and y == 2024) else cod * 1.05
        b = min(100.0, gb + k * 12 * speed)
        ws = "yes" if (i % 3 != 0 or y >= 2024) else "no"
        cells = [c, str(y), fmt(g), fmt(p), fmt(f, 0), fmt(cd, 0), fmt(b), ws]
        if c == "丹东" and y == 2023:
            cells[3] = "NA"
        if c == "锦州" and y == 2025:
            cells[2] = ""
        rows.append(cells)

# The province's own row each year, as a statistics bureau publishes it: the
# mean of its cities' shares and concentrations (of the cities reporting),
# the sum of their farmland and emissions.  Water-saving city is a title a
# city earns, so the province's cell is left empty.
prov = []
for y in range(2021, 2026):
    yr = [r for r in rows if r[1] == str(y)]

    def col(j):
        return [float(r[j]) for r in yr if r[j] not in ("", "NA")]

    mean = lambda v: sum(v) / len(v)
    prov.append(["示例省", str(y), fmt(mean(col(2))), fmt(mean(col(3))),
                 fmt(sum(col(4)), 0), fmt(sum(col(5)), 0), fmt(mean(col(6))), ""])

with open("data.csv", "w", encoding="utf-8") as fh:
    fh.write("region,year,good_air_days_pct,pm25,farmland_mu,cod_t,green_building_pct,water_saving_city\n")
    for r in prov + rows:
        fh.write(",".join(r) + "\n")
