# The adaptation scores as its base, with the new names: run both and
# compare, the base's output with its names replaced (a column's whole
# text: the id, or the vetoes of a total row).
set -e
"$PLANC" run base.plan --data data.csv |
    sed -e 's/,水质,/,地表水质,/g' -e 's/,空气优良天数比例,/,空气质量,/g' \
        -e 's/,耕地红线,/,市级耕地红线,/g' > base-renamed.csv
"$PLANC" run ext.plan --data data.csv > ext.csv
cmp base-renamed.csv ext.csv
