# (data-encoding-mixed's files)
. "$CASE/../data-encoding-mixed/gen.sh"
