# added-row-warning's files, scored into JSON (not streamed: the warning
# is gathered from the whole results, not chunk by chunk) on 3 threads
. "$CASE/../added-row-warning/gen.sh"
