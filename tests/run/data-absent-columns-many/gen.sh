# Rules reading 13 columns on data that has one: with
# --allow-missing-columns the first ten missing columns are warned of one
# by one, then one warning counts the other two (the page, the workbook and
# the JSON list them all).
{
    echo 'plan 甲 {'
    echo '    region 甲'
    echo '    baseline 2020'
    echo '    horizon 2030'
    echo '}'
    echo 'levels province'
    echo 'region 甲 : province'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do
        echo "indicator 指标$i : %, higher, column \"c$i\""
    done
    echo 'section 一 "一" {'
    echo '    measure (一) "一" {'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do
        echo "        target 目标$i : 指标$i >= 50%"
    done
    echo '    }'
    echo '}'
} > rules.plan
printf 'region,year,c1\n甲,2021,60\n' > data.csv
