# 2000 cities over five years (10,000 rows, about 300 KB: ranges of two
# threads under -j 2), most cells -9999.  The note counting them under
# --na -9999 is the one-thread reading's: the threads count the cells
# (tests/unit/test_load.c threads_na_number compares 1, 2, 3 and 7
# threads).
awk 'BEGIN {
    n = 2000
    print "plan P \"placeholders\" {\n    region R\n    baseline 2021\n    horizon 2025\n}"
    print "levels province, city\nregion R : province"
    for (i = 0; i < n; i++) printf "region c%d : city in R\n", i
    print "indicator EMIS : 1, lower, column \"emis\""
    print "indicator RATE : %, higher, column \"rate\""
    print "section S \"s\" {\n    measure (1) \"m\" {"
    print "        target E for city : EMIS <= 50 by 2025"
    print "        target T for city : RATE >= 90% by 2025\n    }\n}"
}' > rules.plan
awk 'BEGIN {
    n = 2000
    print "region,year,emis,rate"
    for (i = 0; i < n; i++)
        for (y = 2021; y <= 2025; y++)
            printf "c%d,%d,%s,%s\n", i, y, (i + y) % 4 ? "-9999" : "40", (i * y) % 3 ? "-9999" : "95.5"
}' > data.csv
