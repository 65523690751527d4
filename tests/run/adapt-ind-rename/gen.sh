# The adaptation scores as its base: an indicator's rename changes no
# result, and the target named after PM25 keeps that name (run both and
# compare whole).
set -e
"$PLANC" run base.plan --data data.csv > base.csv
"$PLANC" run ext.plan --data data.csv > ext.csv
cmp base.csv ext.csv
