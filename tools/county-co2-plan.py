#!/usr/bin/env python3
"""county-co2-plan.py — the rules of examples/realdata/china-county-co2.plan
from the county table of Chen et al. (2020), so that the 3,000 region
declarations are the data's own names, not typed by hand.

    python3 tools/county-co2-plan.py ../shared/data/county-co2-chen2020/county_co2.csv \
        > examples/realdata/china-county-co2.plan

Regions: 全国, its 30 provinces, their cities and their counties as the
table writes them (安徽省, 合肥市, 瑶海区).  A county is matched by its
DISTCODE (the table's first column, unique), given as its alias: 28 county
names occur in more than one city (朝阳区 in 北京市 and in 长春市), and a
region has one name, so such a county is named with its city in front, as
Chinese writes it to tell them apart (长春市朝阳区).  The counties of the
four municipalities (北京市, 天津市, 上海市, 重庆市, where the table's city
is the province) lie directly in the province: a city of the same name
would be a second region named 北京市.  So does a county that is its
city's only one and has its name (东莞市, 仙桃市, 海南's 县级市 and 县): the
table lists it as a city of one county.
"""
import csv
import sys
from collections import Counter, OrderedDict

HEAD = '''\
# China's 2,735 counties' CO2 emissions 1997-2017 (Chen et al. 2020),
# scored county by county and rolled up to their cities, provinces and the
# country: ../shared/data/county-co2-chen2020/county_co2.csv (million
# tonnes CO2; see ../shared/data/README.md), read as published, with a
# column per year (column "C{year}") and the counties keyed by their
# DISTCODE.  The region declarations are written by
# tools/county-co2-plan.py from the table (the names as it writes them; a
# county name used in two cities gets its city in front, 长春市朝阳区).
# The targets are an analyst's example (碳排放达峰后稳中有降 by the end of
# 十三五, falling every year after 2015, the cities' and provinces' totals
# of their counties), not an official rule set.
#
#   planc run examples/realdata/china-county-co2.plan \\
#       --data ../shared/data/county-co2-chen2020/county_co2.csv -o counties.html
plan 全国县域碳达峰 "全国县域二氧化碳排放达峰评估（分析示例，非真实文件）" {
    region   全国
    baseline 2005
    horizon  2030
    periods  十一五 = 2006..2010, 十二五 = 2011..2015, 十三五 = 2016..2020
    keys     region = "DISTCODE地区代码"
}

agency 生态环境部 "Ministry of Ecology and Environment"
agency 发展改革委 "National Development and Reform Commission"

unit Mt

indicator 碳排放量 "二氧化碳排放量" : Mt, lower, column "C{year}"
# a city's or a province's emissions: the total of its counties (a
# total is missing when one county has no value)
indicator 辖区排放总量 "辖区内各县区排放量之和" : Mt, lower, formula total(county, 碳排放量)
indicator 排放基准 : Mt, formula baseline(碳排放量)
indicator 辖区基准总量 "辖区内各县区2005年排放量之和" : Mt, formula total(county, 排放基准)

section 一 "县域达峰" {
    measure (一) "碳排放达峰" {
        lead 生态环境部
        target 县域达峰 "碳排放达峰后稳中有降" for county :
            碳排放量 <= prev(peakvalue(碳排放量)) by 十三五
        target 县域峰值 "十三五期间达峰（容差1%）" for county :
            碳排放量 peaks by 十三五 tolerance 1%
    }
    measure (二) "逐年下降" {
        lead 生态环境部
        target 县域逐年下降 "2015年后排放逐年下降" for county :
            碳排放量 falls every year baseline 十二五
    }
}

section 二 "市省汇总" {
    measure (三) "市级总量" {
        lead 发展改革委
        target 市域达峰 "各市县区排放总量十三五达峰" for city :
            辖区排放总量 peaks by 十三五 tolerance 1%
    }
    measure (四) "省级总量" {
        lead 发展改革委
        target 省域总量控制 "各省县区排放总量不超过2005年的2.5倍" for province :
            辖区排放总量 <= 250% * 辖区基准总量 by 十三五
        target 全国总量控制 "全国排放总量不超过2005年的2.5倍" for 全国 :
            辖区排放总量 <= 250% * 辖区基准总量 by 十三五
    }
}

assessment 年度评估 {
    missing  reweight
    weight   section 一 = 60, section 二 = 40
    grade    优秀 >= 90, 良好 >= 75, 合格 >= 60, 不合格
}

levels country, province, city, county
region 全国 : country
'''

def main():
    rows = [r for r in csv.reader(open(sys.argv[1], encoding='utf-8-sig'))][1:]
    rows = [r for r in rows if len(r) > 6]
    names = Counter(r[1] for r in rows)
    provs = OrderedDict()
    for r in rows:
        code, county, city, prov = r[0], r[1], r[3], r[5]
        provs.setdefault(prov, OrderedDict()).setdefault(city, []).append((code, county))
    out = [HEAD]
    for prov, cities in provs.items():
        out.append(f'\n# {prov}\nregion {prov} : province in 全国\n')
        for city, counties in cities.items():
            parent = prov
            if city != prov and [c for _, c in counties] != [city]:
                out.append(f'region {city} : city in {prov}\n')
                parent = city
            for code, county in counties:
                name = county if names[county] == 1 else city + county
                out.append(f'region {name} : county in {parent} alias "{code}"\n')
    sys.stdout.write(''.join(out))

main()
