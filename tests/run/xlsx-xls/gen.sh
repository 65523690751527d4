# an Excel 97-2003 workbook's first bytes (an OLE2 compound file)
cp "$CASE/../../xlsx/rules.plan" . && printf '\320\317\021\340\241\261\032\341rest of the file' > data.xls
