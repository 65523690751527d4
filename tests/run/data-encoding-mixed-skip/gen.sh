# Two files joined into one: the first saved by Excel in GBK, with rows of
# counties the rules do not declare (丙县1 ...), the second saved as UTF-8,
# read with --encoding GB18030 --skip-unknown-regions.  The first block
# beyond ASCII is GBK, so the file is read as GB18030, and 乙市's UTF-8
# name past the first 256 KiB reads as 涔欏競: no undeclared region to skip
# but 乙市 in another encoding, an error whose note says so, on one
# thread and on two (data-encoding-mixed-skip-j2 sources this).
d=$CASE/../data-encoding-mixed-skip
[ -f rules.plan ] || cp "$d/rules.plan" .
{
    echo "region,year,emis"
    printf '\274\327\312\320,2021,45\n'                      # 甲市 in GBK
    awk 'BEGIN { for (i = 0; i < 24000; i++) printf "\261\373\317\330%d,%d,%d\n", i % 2000, 2021 + int(i / 2000) % 5, 40 + i % 20 }'
    printf '\344\271\231\345\270\202,2021,55\n'              # 乙市 in UTF-8
    awk 'BEGIN { for (i = 0; i < 100; i++) printf "\261\373\317\330%d,2022,%d\n", i, 40 + i % 20 }'
} > data.csv
