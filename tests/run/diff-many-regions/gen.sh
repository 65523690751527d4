# old.plan and new.plan: 20000 cities, each in a values table and named in a
# target's scope, and a target of 3000 milestones; the new rules change only
# the plan's title.  planc diff
# built these lists by appending name by name and looked each region up by
# a scan of all: minutes and gigabytes, now a fraction of a second.
for side in old new; do
    awk -v side=$side 'BEGIN {
        n = 20000
        printf "plan P \"%s\" {\n    region R\n    baseline 2020\n    horizon 5100\n}\n", side == "old" ? "old title" : "new title"
        print "levels province, city"
        print "region R : province"
        for (i = 0; i < n; i++) printf "region c%d : city in R\n", i
        print "unit t"
        print "indicator x : t, higher, column \"x\""
        print "indicator g : t, values {"
        for (i = 0; i < n; i++) printf "    c%d = %d%s\n", i, i, i + 1 < n ? "," : ""
        print "}"
        print "section S \"s\" {\n    measure (1) \"m\" {"
        printf "        target T for c0"
        for (i = 1; i < n; i++) printf ", c%d", i
        printf " : x"
        for (y = 2021; y < 5021; y++) printf " >= %d by %d,", y - 2020, y
        print " >= g by 5021\n    }\n}"
    }' > $side.plan
done
