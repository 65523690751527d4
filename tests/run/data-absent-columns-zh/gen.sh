# data-absent-columns-many's rules and data, with a Chinese page and a
# column twice in the header: the warnings of --allow-missing-columns (ten
# one by one, then the count of the rest) and of the repeated column in
# Chinese (--lang zh sets the data messages' language with the documents')
. "$CASE/../data-absent-columns-many/gen.sh"
printf 'region,year,c1,c1\n甲,2021,60,61\n' > data.csv
