# A statistics bureau's file for rules that read 60 columns: its header
# names the keys 地区 and 年份 and has one of the columns.  The errors
# reach the limit of 50 before the header's notes, which are the way on:
# they come after it (the keys to name in the plan block, and how many
# columns are missing, with --allow-missing-columns and 'drop indicator').
{
    echo 'plan 甲 {'
    echo '    region 甲省'
    echo '    baseline 2020'
    echo '    horizon 2030'
    echo '}'
    echo 'levels province'
    echo 'region 甲省 : province'
    i=1
    while [ $i -le 60 ]; do
        echo "indicator 指标$i : %, higher, column \"c$i\""
        i=$((i + 1))
    done
    echo 'section 一 "一" {'
    echo '    measure (一) "一" {'
    i=1
    while [ $i -le 60 ]; do
        echo "        target 目标$i : 指标$i >= 50%"
        i=$((i + 1))
    done
    echo '    }'
    echo '}'
} > rules.plan
printf '地区,年份,c1\n甲省,2021,60\n' > data.csv
