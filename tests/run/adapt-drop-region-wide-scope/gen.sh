# base.plan: 40000 cities, all in one target's scope; province.plan extends
# it and drops one city, which rescopes the target.  The rescoping wrote the
# scope before and after by appending name by name (20000 cities: 48 s and
# 2.9 GB); it is now written once.
awk 'BEGIN {
    n = 40000
    print "plan P \"base\" {\n    region R\n    baseline 2020\n    horizon 2025\n}"
    print "levels province, city\nregion R : province"
    for (i = 0; i < n; i++) printf "region c%d : city in R\n", i
    print "unit t\nindicator x : t, higher, column \"x\""
    print "section S \"s\" {\n    measure (1) \"m\" {"
    printf "        target T for c0"
    for (i = 1; i < n; i++) printf ", c%d", i
    print " : x >= 1 by 2025\n    }\n}"
}' > base.plan
printf 'plan Q "adapted" extends "base.plan" {\n}\ndrop region c5\n' > province.plan
