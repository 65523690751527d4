# The quickstart's data without the province's own rows: planc adds them
# for the share target 节水型城市全覆盖, but 示例省's other targets read its
# own data, so its total and grade stay empty from 2022 on, and the run
# warns once, naming the years and the targets left out (LANGUAGE.md §6).
q=$CASE/../../../examples/quickstart
cp "$q/rules.plan" .
grep -v '^示例省,' "$q/data.csv" > cities.csv
