#!/usr/bin/env python3
"""mkxlsx.py — small .xlsx workbooks for planc's tests, written by hand
(zipfile and XML text), so that a test can hold every shape of cell a
workbook has: shared and inline strings, numbers as Excel writes them,
booleans, formulas with and without a computed value, error values,
dates, sparse rows and cells, several sheets, and damaged archives.

  mkxlsx.py csv IN.csv OUT.xlsx [--sheet NAME] [--inline] [--before NAME]
      IN's rows as a sheet (a number cell where the text is a number,
      a shared string else; --inline: inline strings); --before NAME puts
      an empty sheet NAME first.
  mkxlsx.py fixture NAME OUT.xlsx
      one of the FIXTURES below.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PRNS = 'http://schemas.openxmlformats.org/package/2006/relationships'


def colname(c):
    s = ''
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


NUM = re.compile(r'^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$')


class Book:
    """A workbook being made: sheets of rows, each row {col: cell}."""

    def __init__(self):
        self.sheets = []
        self.sst = []
        self.sst_index = {}
        self.numfmts = []       # (id, code)
        self.xfs = [0]          # numFmtId per cell format; 0 is General
        self.date1904 = False

    def string(self, s):
        if s not in self.sst_index:
            self.sst_index[s] = len(self.sst)
            self.sst.append(s)
        return self.sst_index[s]

    def xf(self, numfmt):
        self.xfs.append(numfmt)
        return len(self.xfs) - 1

    def sheet(self, name, rows):
        """rows: {rownum: {col: xml of the cell's inside and attributes}}"""
        self.sheets.append((name, rows))

    def save(self, path, doctype=None):
        z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
              '<Default Extension="xml" ContentType="application/xml"/>',
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
        for i in range(len(self.sheets)):
            ct.append('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1))
        ct.append('</Types>')
        z.writestr('[Content_Types].xml', ''.join(ct))
        z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
                   '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>' % (PRNS, RNS))
        wb = ['<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">' % (NS, RNS)]
        if self.date1904:
            wb.append('<workbookPr date1904="1"/>')
        wb.append('<sheets>')
        rels = ['<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">' % PRNS]
        for i, (name, _) in enumerate(self.sheets):
            wb.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name, {'"': '&quot;'}), i + 1, i + 1))
            rels.append('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, RNS, i + 1))
        wb.append('</sheets></workbook>')
        n = len(self.sheets)
        rels.append('<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/>' % (n + 1, RNS))
        rels.append('<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>' % (n + 2, RNS))
        rels.append('</Relationships>')
        z.writestr('xl/workbook.xml', ''.join(wb))
        z.writestr('xl/_rels/workbook.xml.rels', ''.join(rels))
        st = ['<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">' % NS]
        if self.numfmts:
            st.append('<numFmts count="%d">' % len(self.numfmts))
            for i, code in self.numfmts:
                st.append('<numFmt numFmtId="%d" formatCode="%s"/>' % (i, escape(code, {'"': '&quot;'})))
            st.append('</numFmts>')
        st.append('<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="%d">' % len(self.xfs))
        for f in self.xfs:
            st.append('<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0"/>' % f)
        st.append('</cellXfs></styleSheet>')
        z.writestr('xl/styles.xml', ''.join(st))
        for i, (name, rows) in enumerate(self.sheets):
            x = ['<?xml version="1.0" encoding="UTF-8"?>']
            if doctype:
                x.append(doctype)
            x.append('<worksheet xmlns="%s"><sheetData>' % NS)
            for r in sorted(rows):
                x.append('<row r="%d">' % r)
                for c in sorted(rows[r]):
                    x.append(rows[r][c].replace('@', '%s%d' % (colname(c), r)))
                x.append('</row>')
            x.append('</sheetData></worksheet>')
            z.writestr('xl/worksheets/sheet%d.xml' % (i + 1), ''.join(x))
        sst = ['<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">' % (NS, len(self.sst), len(self.sst))]
        for s in self.sst:
            sst.append('<si><t xml:space="preserve">%s</t></si>' % escape(s))
        sst.append('</sst>')
        z.writestr('xl/sharedStrings.xml', ''.join(sst))
        z.close()


def s_cell(book, text, inline=False):
    if inline:
        return '<c r="@" t="inlineStr"><is><t>%s</t></is></c>' % escape(text)
    return '<c r="@" t="s"><v>%d</v></c>' % book.string(text)


def n_cell(v, style=0):
    return '<c r="@"%s><v>%s</v></c>' % (' s="%d"' % style if style else '', v)


def csv_rows(book, path, inline):
    import csv
    rows = {}
    with open(path, newline='', encoding='utf-8-sig') as f:
        for r, rec in enumerate(csv.reader(f), 1):
            cells = {}
            for c, t in enumerate(rec, 1):
                if t == '':
                    continue
                cells[c] = n_cell(t) if NUM.match(t) else s_cell(book, t, inline)
            if cells:
                rows[r] = cells
    return rows


def fixture(name, out):
    b = Book()
    head = {1: s_cell(b, 'region'), 2: s_cell(b, 'year'), 3: s_cell(b, 'x')}
    if name == 'formula-no-value':
        b.sheet('数据', {1: head, 2: {1: s_cell(b, '甲'), 2: n_cell(2024), 3: '<c r="@"><f>1+1</f></c>'}})
    elif name == 'formula':
        b.sheet('Sheet1', {1: head,
                           2: {1: '<c r="@" t="str"><f>"甲"</f><v>甲</v></c>', 2: n_cell(2024),
                               3: '<c r="@"><f>0.1+0.2</f><v>0.30000000000000004</v></c>'}})
    elif name == 'error-cell':
        b.sheet('Sheet1', {1: head, 2: {1: s_cell(b, '甲'), 2: n_cell(2024), 3: '<c r="@" t="e"><v>#DIV/0!</v></c>'}})
    elif name == 'date-year':
        b.numfmts.append((176, 'yyyy"年"m"月"d"日"'))
        d = b.xf(176)
        b.sheet('Sheet1', {1: head, 2: {1: s_cell(b, '甲'), 2: n_cell(2024, d), 3: n_cell(5)},
                           3: {1: s_cell(b, '乙'), 2: n_cell(2024, d), 3: n_cell(6)}})
    elif name == 'doctype':
        b.sheet('Sheet1', {1: head})
        b.save(out, doctype='<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>')
        return
    elif name == 'bad-sst':
        b.sheet('Sheet1', {1: head, 2: {1: '<c r="@" t="s"><v>99</v></c>', 2: n_cell(2024), 3: n_cell(1)}})
    elif name == 'rows-out-of-order':
        b.sheet('Sheet1', {1: head, 3: {1: s_cell(b, '甲')}})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml').decode()
        data = data.replace('<row r="3">', '<row r="3"></row><row r="2">')
        rewrite(out, 'xl/worksheets/sheet1.xml', data)
        return
    elif name == 'past-last-row':
        b.sheet('Sheet1', {1: head, 1048577: {1: s_cell(b, '甲')}})
    elif name == 'chart':
        b.sheet('Sheet1', {1: head})
        b.save(out)
        rewrite(out, 'xl/_rels/workbook.xml.rels',
                zipfile.ZipFile(out).read('xl/_rels/workbook.xml.rels').decode().replace('/worksheet"', '/chartsheet"'))
        return
    elif name == 'bomb':
        # a sheet of 2.2 GiB of spaces inside <sheetData>: a few MiB zipped
        import zlib
        b.sheet('Sheet1', {1: head})
        b.save(out)
        bomb_part(out)
        return
    else:
        sys.exit('unknown fixture ' + name)
    b.save(out)


def rewrite(path, part, text):
    z = zipfile.ZipFile(path)
    items = [(i, z.read(i.filename)) for i in z.infolist()]
    z.close()
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    for i, d in items:
        z.writestr(i.filename, text.encode() if i.filename == part else d)
    z.close()


def bomb_part(path):
    """Replaces the first sheet by one that unpacks to more than 2 GiB."""
    z = zipfile.ZipFile(path)
    items = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename != 'xl/worksheets/sheet1.xml']
    z.close()
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    for n, d in items:
        z.writestr(n, d)
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
        f.write(('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>' % NS).encode())
        chunk = b' ' * (1 << 20)
        for _ in range(2100):
            f.write(chunk)
        f.write(b'</sheetData></worksheet>')
    z.close()


def main(argv):
    if len(argv) >= 4 and argv[1] == 'csv':
        b = Book()
        args = argv[4:]
        sheet = 'Sheet1'
        inline = '--inline' in args
        if '--before' in args:
            b.sheet(args[args.index('--before') + 1], {})
        if '--sheet' in args:
            sheet = args[args.index('--sheet') + 1]
        b.sheet(sheet, csv_rows(b, argv[2], inline))
        b.save(argv[3])
    elif len(argv) == 4 and argv[1] == 'fixture':
        fixture(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
