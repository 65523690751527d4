# Marks holding a quote or a backslash, and a column whose name (a rules
# string) holds U+202E: the note's --na options are quoted for the shell
# (\' for '), its map's text is a rules string ("\\\"" for \"), and
# the column's name is escaped as in every data message, never written raw.
printf 'plan 甲省 { region 甲省 baseline 2020 horizon 2025 }\nlevels province\nregion 甲省 : province\nindicator 耕地 : 1, column "farm\342\200\256land"\nsection 一 "一" { measure (一) "一" { target 耕地 >= 1 by 2025 } }\n' > rules.plan
printf 'region,year,farm\342\200\256land\n甲省,2020,"\\"""\n甲省,2021,'"'"'\n甲省,2022,—\n' > data.csv
