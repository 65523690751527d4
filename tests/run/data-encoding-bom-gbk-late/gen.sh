# A UTF-8 byte order mark, then ASCII rows past the first 256 KiB block
# (counties the rules do not declare, skipped), then 乙市's row in GBK,
# read with --encoding GB18030: the mark alone does not decide the file
# is UTF-8 (its first block is ASCII after it), so the GBK row is read as
# GB18030 and scored, not an invalid-UTF-8 error (data-encoding-bom-gbk
# has the mark before GBK text in the first block).
d=$CASE/../data-encoding-mixed
[ -f rules.plan ] || cp "$d/rules.plan" .
printf '\357\273\277region,year,emis\n' > data.csv
awk 'BEGIN { for (i = 0; i < 24000; i++) printf "c%d,%d,%d\n", i % 2000, 2021 + int(i / 2000) % 5, 40 + i % 20 }' >> data.csv
printf '\322\322\312\320,2025,45\n' >> data.csv               # 乙市 in GBK
