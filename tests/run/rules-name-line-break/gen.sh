# A rules file whose name holds a line break and an escape character:
# the location of its errors writes them escaped (a\nb\x1B.plan:1:1), as
# every message writes a name; it wrote 'a' on a line of its own.
printf 'plan P { region R baseline 2020 horizon 2030 }\nlevels l\nregion R : l\nindicator x : 1, column "x"\nsection S { measure (1) { target t : y >= 5 by 2025 } }\n' > "$(printf 'a\nb\033.plan')"
