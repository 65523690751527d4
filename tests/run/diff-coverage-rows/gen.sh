# old.plan and new.plan: 15 provinces of two cities each; in the new rules
# the second city of each province belongs to the next one.  A target
# judged on every province, summing its cities, keeps its rows but reads
# other cities below 15 of them: the report shows 12 and counts the rest
# (the JSON lists all).
for side in old new; do
    awk -v side=$side 'BEGIN {
        n = 15
        print "plan P { region 全国 baseline 2020 horizon 2030 }"
        print "levels country, province, city"
        print "region 全国 : country"
        for (i = 0; i < n; i++) printf "region p%02d : province in 全国\n", i
        for (i = 0; i < n; i++) {
            printf "region p%02da : city in p%02d\n", i, i
            printf "region p%02db : city in p%02d\n", i, side == "old" ? i : (i + 1) % n
        }
        print "indicator x : 1, lower, column \"x\""
        print "section 一 \"x\" { measure (一) \"y\" {"
        print "  target 各省合计 for province : total(city, x) <= 5"
        print "  target 全国合计 for 全国 : total(city, x) <= 50"
        print "} }"
    }' > $side.plan
done
