# template --list -o NAME.xlsx: a usage error (the list is text; the
# blank workbook holds it on its second sheet; tests/cli.sh: nothing written)
cp "$CASE/../../xlsx/rules.plan" .
