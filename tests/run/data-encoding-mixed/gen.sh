# Two cities' files joined into one: the first saved as UTF-8, the second
# by Excel in GBK, read with --encoding GB18030.  The first block beyond
# ASCII (甲市's row, past the first 256 KiB, the reading's first block) is UTF-8, so the file is read
# as UTF-8, and 乙市's GBK name is invalid there: the error says why the
# named encoding was not used, and the note does not tell to give the
# --encoding GB18030 the command line has (data-encoding-mixed-zh sources
# this).
d=$CASE/../data-encoding-mixed
[ -f rules.plan ] || cp "$d/rules.plan" .
awk 'BEGIN {
    print "region,year,emis"
    for (i = 0; i < 24000; i++) printf "c%d,%d,%d\n", i % 2000, 2021 + int(i / 2000) % 5, 40 + i % 20
}' > data.csv
printf '\347\224\262\345\270\202,2021,45\n' >> data.csv       # 甲市 in UTF-8
awk 'BEGIN { for (i = 0; i < 24000; i++) printf "c%d,%d,%d\n", i % 2000, 2021 + int(i / 2000) % 5, 40 + i % 20 }' >> data.csv
printf '\322\322\312\320,2021,55\n' >> data.csv               # 乙市 in GBK
