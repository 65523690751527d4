# (data-encoding-mixed-skip's files)
. "$CASE/../data-encoding-mixed-skip/gen.sh"
