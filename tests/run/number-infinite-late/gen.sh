# 3000 cities over five years (15,000 rows, several rounds of the stream's
# chunks), the last city's last year 1e308: its square overflows.  On
# standard output nothing is written, not the rows before it (they were
# written, then the run stopped: a results file that looked whole up to
# its last line).
awk 'BEGIN {
    n = 3000
    print "plan P \"a late overflow\" {\n    region R\n    baseline 2021\n    horizon 2030\n}"
    print "levels province, city\nregion R : province"
    for (i = 0; i < n; i++) printf "region c%d : city in R\n", i
    print "indicator BIG : 1, higher, column \"big\""
    print "indicator SQUARE : 1, higher, formula BIG * BIG"
    print "section S \"s\" {\n    measure (1) \"m\" {\n        target T : SQUARE >= 1 by 2025\n    }\n}"
}' > rules.plan
awk 'BEGIN {
    n = 3000
    print "region,year,big"
    for (i = 0; i < n; i++)
        for (y = 2021; y <= 2025; y++)
            printf "c%d,%d,%s\n", i, y, (i == n - 1 && y == 2025) ? "1e308" : "2"
}' > data.csv
