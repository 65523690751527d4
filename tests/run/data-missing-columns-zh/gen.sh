# data-absent-columns-many's rules and data without --allow-missing-columns,
# with a Chinese workbook: the errors and the note counting the missing
# columns in Chinese
. "$CASE/../data-absent-columns-many/gen.sh"
