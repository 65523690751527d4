# rules.plan: 20000 targets measuring one indicator, and a test whose three
# expectations name the indicator instead of a target.  The note naming the
# targets that measure it was built by appending target by target (about
# 1.6 GB for each error); it names the first eight and counts the rest.
awk 'BEGIN {
    n = 20000
    print "plan P \"t\" {\n    region R\n    baseline 2020\n    horizon 2025\n}"
    print "levels province\nregion R : province"
    print "unit t\nindicator x : t, higher, column \"x\""
    print "section S \"s\" {\n    measure (1) \"m\" {"
    for (i = 0; i < n; i++) printf "        target T%d : x >= %d by 2025\n", i, i
    print "    }\n}"
    print "test \"t\" {\n    data \"region,year,x\"\n    data \"R,2025,1\""
    for (i = 0; i < 3; i++) print "    expect R 2025 x value 1"
    print "}"
}' > rules.plan
