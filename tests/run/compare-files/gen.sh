# h.db: an office's runs over its cities' files (one file a city), as
# compare-files* compare them file by file:
#   run 1  jia.csv, yi.csv, national.csv, carbon-only.csv
#   run 2  the files sent again: 甲省's corrected (甲一 2022's PM2.5) and
#          kept in this month's folder (m2/jia.csv); 乙省's the same bytes
#          under a new name (yi-2025.csv); national.csv as it was;
#          carbon-only.csv not given; a file of 2023 new (jia-2023.csv)
#   run 3  run 2's files, 乙省's given twice (yi-copy.csv: the same bytes)
#   run 4  jia.csv alone
#   run 5  jia.csv, yi-bureau.csv read with yi-reading.plan, national.csv
#   run 6  run 5's files, yi-bureau.csv read with yi-reading-2.plan (a
#          copy with a line more: other rules, the same bytes of data)
export SOURCE_DATE_EPOCH=1735689600
d="$CASE/../data-many"
cp "$d/rules.plan" "$d/jia.csv" "$d/yi.csv" "$d/national.csv" "$d/carbon-only.csv" "$d/yi-bureau.csv" \
   "$d/yi-reading.plan" .
run() { "$PLANC" run --engine interp rules.plan "$@" --allow-missing-columns --store h.db -o /dev/null 2>/dev/null; }
run --data jia.csv --data yi.csv --data national.csv --data carbon-only.csv &&
mkdir m2 && sed 's/甲一,2022,82,38/甲一,2022,82,30/' jia.csv > m2/jia.csv && cp yi.csv yi-2025.csv &&
printf 'region,year,pm25,good_days\n甲一,2023,33,84\n甲二,2023,28,88\n' > jia-2023.csv &&
run --data m2/jia.csv --data yi-2025.csv --data national.csv --data jia-2023.csv &&
cp yi-2025.csv yi-copy.csv &&
run --data m2/jia.csv --data yi-2025.csv --data yi-copy.csv --data national.csv --data jia-2023.csv &&
run --data jia.csv &&
run --data jia.csv --data yi-bureau.csv --read-with yi-reading.plan --data national.csv &&
{ cat yi-reading.plan && echo '# read again, 2025'; } > yi-reading-2.plan &&
run --data jia.csv --data yi-bureau.csv --read-with yi-reading-2.plan --data national.csv
