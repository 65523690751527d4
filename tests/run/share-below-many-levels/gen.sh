# rules.plan: 20000 levels, one region in each below the one before, and two
# targets whose share reads a level that is not below their region.  The
# note naming the levels below was built by appending level by level (about
# 2 GB for each error); it names the first eight and counts the rest.
awk 'BEGIN {
    n = 20000
    print "plan P \"t\" {\n    region r0\n    baseline 2020\n    horizon 2025\n}"
    printf "levels level0"
    for (i = 1; i < n; i++) printf ", level%d", i
    print "\nregion r0 : level0"
    for (i = 1; i < n; i++) printf "region r%d : level%d in r%d\n", i, i, i - 1
    print "unit t\nindicator x : t, higher, column \"x\""
    print "section S \"s\" {\n    measure (1) \"m\" {"
    print "        target T1 for r1 : share(level0, x > 0) >= 1% by 2025"
    print "        target T2 for r2 : share(level1, x > 0) >= 1% by 2025"
    print "    }\n}"
}' > rules.plan
