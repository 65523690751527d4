#!/usr/bin/env python3
"""Writes data.csv: synthetic data (2023-2025) for the fictional 清溪县 plan
in rules.plan, one row per region and year, each row filling only the
columns `planc template rules.plan --region R` lists for its region (the
county's own columns on its rows, the towns' on theirs).  Deterministic:
run it in this directory (python3 gen-data.py)."""
import csv
import subprocess
import sys

PLANC = sys.argv[1] if len(sys.argv) > 1 else '../../build/planc'
YEARS = [2023, 2024, 2025]
TOWNS = ['城关镇', '河口镇', '石桥镇', '东坪镇', '柳林乡', '白沙乡']
FARM = {'城关镇': 3.3, '河口镇': 8.6, '石桥镇': 9.0, '东坪镇': 7.9, '柳林乡': 6.5, '白沙乡': 5.1}
PACE = {'城关镇': 1.0, '河口镇': 0.9, '石桥镇': 1.1, '东坪镇': 0.8, '柳林乡': 0.7, '白沙乡': 1.2}


def header(region=None):
    """The template's header: every column, or one region's."""
    args = [PLANC, 'template', 'rules.plan'] + (['--region', region] if region else [])
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.split('\n')[0].split(',')


def county(i):
    return dict(good_days_pct=[84.1, 86.9, 88.4][i], pm25=[38.2, 35.0, 33.1][i],
                water_good_pct=[83.3, 91.7, 91.7][i], drinking_water_pct=100,
                forest_pct=[59.8, 60.6, 61.2][i],
                # 40.4万亩 in 亩: below the county's red line of 45万亩 (a veto)
                farmland_mu=[404000, 402800, 401500][i],
                solid_waste_use_pct=[68.0, 70.5, 73.9][i], fertilizer_t=[5120, 4980, 5010][i],
                manure_use_pct=[85.2, 88.1, 90.3][i], energy_intensity=[0.512, 0.489, 0.470][i],
                new_demo_villages=[0, 8, 9][i], town_sewage_pct=[95.1, 96.0, 97.2][i],
                straw_use_pct=[91.0, 92.4, 93.1][i],
                # the evaluator's rating starts in 2024: the target's own baseline
                r_county_look=['', 72, 78][i])


def town(t, i):
    g = PACE[t]
    r = dict(forest_pct=round(50 + 10 * g + i * 0.8, 1),
             # 石桥镇 loses 900亩 a year: below its quota of 9.1万亩 (a veto)
             farmland_mu=round(FARM[t] * 10000 - (i * 900 if t == '石桥镇' else i * 100)),
             rural_sewage_pct=round(30 + 10 * g + i * 6 * g, 1),
             waste_safe_pct=min(100, round(95 + 3 * g + i * 1.5, 1)),
             # 东坪镇's fertilizer rises in 2025 (the falling target fails)
             fertilizer_t=round(800 * g - i * 20 * g + (30 if t == '东坪镇' and i == 2 else 0)),
             manure_use_pct=round(82 + 5 * g + i * 2, 1),
             toilet_pct=round(84 + 4 * g + i * 2.5, 1),
             black_water_pct=round(45 + 10 * g + i * 8, 1),
             town_sewage_pct=round(90 + 4 * g + i * 1.2, 1),
             straw_use_pct=round(89 + 2 * g + i * 1.0, 1))
    if t == '城关镇':
        r.update(green_cover_pct=[38.5, 40.1, 41.0][i], zero_waste_town=['否', '否', '是'][i])
    return r


def main():
    cols = header()
    rows = []
    for region, values in [('清溪县', county)] + [(t, lambda i, t=t: town(t, i)) for t in TOWNS]:
        own = set(header(region))
        for i, y in enumerate(YEARS):
            v = values(i)
            rows.append({c: (region if c == 'region' else y if c == 'year' else v.get(c, '') if c in own else '')
                         for c in cols})
    with open('data.csv', 'w', encoding='utf-8', newline='') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n')
        w.writeheader()
        w.writerows(rows)


main()
