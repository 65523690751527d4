# added-row-warning's files, with a Chinese page: the warning in Chinese
# (--lang zh sets the data messages' language with the documents')
. "$CASE/../added-row-warning/gen.sh"
