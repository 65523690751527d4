# The Chinese twin (--lang zh): the count between the names is said in
# Chinese too (it was "... 9984 more ..." inside the Chinese sentence).
# rules.plan: 10000 formulas in one cycle (f0 uses f1, ..., f9999 uses f0).
# The error named every one, its text built by appending name by name
# (seconds and 460 MB; 10^5 formulas would not finish); it now shows the
# first and last eight and how many lie between.
awk 'BEGIN {
    n = 10000
    print "plan P \"t\" {\n    region R\n    baseline 2020\n    horizon 2025\n}"
    print "levels province\nregion R : province\nunit t"
    for (i = 0; i < n; i++) printf "indicator f%d : t, formula f%d + 1 [t]\n", i, (i + 1) % n
    print "section S \"s\" {\n    measure (1) \"m\" {\n        target T : f0 >= 1 by 2025\n    }\n}"
}' > rules.plan
