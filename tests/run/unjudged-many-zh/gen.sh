# Twelve targets for a region whose rows are all before the baseline year,
# with a Chinese page: ten warnings one by one, then one line names the
# other two, in Chinese (targets for a region with no row at all are one
# warning: unjudged-no-rows)
{
    echo 'plan 甲 {'
    echo '    region 甲'
    echo '    baseline 2020'
    echo '    horizon 2030'
    echo '}'
    echo 'levels province, city'
    echo 'region 甲 : province'
    echo 'region 乙, 丙 : city in 甲'
    echo 'indicator 指标 : %, higher, column "c"'
    echo 'section 一 "一" {'
    echo '    measure (一) "一" {'
    for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
        echo "        target 目标$i for 丙 : 指标 >= $i%"
    done
    echo '        target 乙目标 for 乙 : 指标 >= 1%'
    echo '    }'
    echo '}'
} > rules.plan
printf 'region,year,c\n乙,2021,60\n丙,2019,50\n' > data.csv
