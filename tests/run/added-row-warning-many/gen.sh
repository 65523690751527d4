# Seven provinces with cities' rows only, a share target for each and a
# target on each province's own data: one warning per province up to five,
# then one line for the other two (years as runs: a province whose cities
# have no row in 2024 has no added row that year).  Streamed CSV and a
# workbook-less JSON run give the same warnings.
{
    echo 'plan 全国 {'
    echo '    region 全国'
    echo '    baseline 2020'
    echo '    horizon 2030'
    echo '}'
    echo 'levels country, province, city'
    echo 'region 全国 : country'
    for p in 1 2 3 4 5 6 7; do
        echo "region 省$p : province in 全国"
        echo "region 市${p}a, 市${p}b : city in 省$p"
    done
    echo 'indicator 达标 : bool, column "ok"'
    echo 'indicator 用水 : %, lower, column "water"'
    echo 'section 一 "一" {'
    echo '    measure (一) "一" {'
    echo '        target 城市达标 for province : share(city, 达标 == yes) >= 50% by 2025'
    echo '        target 用水 for province : 用水 <= 10%'
    echo '    }'
    echo '}'
    echo 'assessment 考核 {'
    echo '    missing reweight'
    echo '    grade 优 >= 60, 差'
    echo '}'
} > rules.plan
{
    echo 'region,year,ok,water'
    for p in 1 2 3 4 5 6 7; do
        for y in 2020 2021 2022 2023 2024 2025; do
            [ "$p" = 2 ] && [ "$y" = 2024 ] && continue
            echo "市${p}a,$y,yes,5"
            echo "市${p}b,$y,no,5"
        done
    done
} > data.csv
