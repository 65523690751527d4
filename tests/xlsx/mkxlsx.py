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
  mkxlsx.py fill TEMPLATE OUT SOURCE.csv
      TEMPLATE, a blank data file of `planc template` (.csv or .xlsx),
      filled in from SOURCE as an official would: each empty cell of a
      row gets SOURCE's cell of the column of the same name on the row
      whose key cells (the cells the template's row has: the region,
      the year) are the same; the rest of the file as it was (a
      workbook's other parts byte for byte; its cells a number where the
      text is one, an inline string else).
  mkxlsx.py dropdown TEMPLATE.xlsx COLUMN
      the words of the drop-down list (a data validation of type list)
      on the first sheet's cells below the header cell COLUMN, one a
      line, as Excel offers them; exit 1 when there is none.
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


CONTROL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)')


def xml_text(s):
    """s as the text of an element: escaped, and the characters XML cannot
    hold (control characters) written _xHHHH_ as Excel writes them (and a
    _ that would start such an escape as _x005F_)."""
    return CONTROL.sub(lambda m: '_x%04X_' % ord(m.group(0)), escape(s))


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
            # a line break in the name as &#10;, which XML keeps (a raw one reads as a blank)
            wb.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name, {'"': '&quot;', '\n': '&#10;'}), i + 1, i + 1))
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
            sst.append('<si><t xml:space="preserve">%s</t></si>' % xml_text(s))
        sst.append('</sst>')
        z.writestr('xl/sharedStrings.xml', ''.join(sst))
        z.close()


def s_cell(book, text, inline=False):
    if inline:
        return '<c r="@" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % xml_text(text)
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


HEADER = ['city', 'year', 'coastal_good_ratio', 'farmland_mu', 'water_saving_city']


def fixture(name, out):
    """The workbooks of tests/run/xlsx-*: a sheet of tests/xlsx/rules.plan's
    columns with one thing wrong (or one shape of cell) each."""
    b = Book()
    head = {c: s_cell(b, h) for c, h in enumerate(HEADER, 1)}

    def row(city, year, ratio, mu, ok):
        r = {}
        for c, v in enumerate((city, year, ratio, mu, ok), 1):
            if v is None:
                continue
            r[c] = v if v.startswith('<') else n_cell(v) if NUM.match(v) else s_cell(b, v)
        return r
    if name == 'cells':
        # every kind of cell, sparse rows and cells, a formula's value, a
        # ratio formatted as a percentage (0.8525 shown as 85.25%)
        pct = b.xf(10)
        b.sheet('数据', {1: head,
                       3: row('<c r="@" t="inlineStr"><is><r><t>大</t></r><r><t>连</t></r></is></c>', '2024',
                              '<c r="@"><f>46.5*2</f><v>93</v></c>', '590000', '<c r="@" t="b"><v>1</v></c>'),
                       4: row('<c r="@" t="str"><f>"沈阳"&amp;"市"</f><v>沈阳市</v></c>', '2024', n_cell('0.8525', pct),
                              '<c r="@" t="s"><v>%d</v></c>' % b.string('700000'), '是'),
                       6: row('鞍山', '2024', None, '6.5E5', '<c r="@" t="b"><v>0</v></c>')})
    elif name == 'formula-no-value':
        b.sheet('数据', {1: head, 2: row('大连', '2024', '<c r="@"><f>C3*2</f></c>', '590000', 'yes')})
    elif name == 'error-cell':
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', '<c r="@" t="e"><f>1/0</f><v>#DIV/0!</v></c>', '590000', 'yes'),
                           3: row('沈阳', '2024', '<c r="@" t="e"><v>#N/A</v></c>', '700000', 'yes')})
    elif name == 'date-year':
        b.numfmts.append((176, 'yyyy"年"m"月"d"日"'))
        d = b.xf(176)
        t = b.xf(14)
        b.sheet('Sheet1', {1: head, 2: row('大连', n_cell(2024, d), '93', '590000', 'yes'),
                           3: row('沈阳', n_cell(2024, d), '85', '700000', 'yes'),
                           4: row('鞍山', '2024', '80', '650000', n_cell('45658.5', t))})
    elif name == 'year-format':
        # a year column of dates formatted to show the year alone: a
        # serial number (45352, 2024-03-01) under "yyyy" and "yyyy年", an
        # ISO date cell (t="d", as LibreOffice may write) under "YYYY":
        # each reads as the year it shows
        b.numfmts.append((176, 'yyyy'))
        b.numfmts.append((177, 'yyyy"年"'))
        b.numfmts.append((178, 'YYYY'))
        y, yn, yu = b.xf(176), b.xf(177), b.xf(178)
        b.sheet('Sheet1', {1: head, 2: row('大连', n_cell('45352', y), '93', '590000', 'yes'),
                           3: row('沈阳', n_cell('45473.5', yn), '85', '700000', 'yes'),
                           4: row('鞍山', '<c r="@" t="d" s="%d"><v>2024-06-30T00:00:00</v></c>' % yu, '80',
                                  '650000', 'yes')})
    elif name == 'year-format-typed':
        # the year typed into a cell formatted "yyyy": 2024 is a date of
        # 1905, which Excel shows as 1905; the year is malformed (no year
        # read silently wrong) and the note says what the cell holds
        b.numfmts.append((176, 'yyyy'))
        y = b.xf(176)
        b.sheet('Sheet1', {1: head, 2: row('大连', n_cell('45352', y), '93', '590000', 'yes'),
                           3: row('沈阳', n_cell('2024', y), '85', '700000', 'yes')})
    elif name == 'doctype':
        b.sheet('Sheet1', {1: head})
        b.save(out, doctype='<!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>')
        return
    elif name == 'bad-sst':
        b.sheet('Sheet1', {1: head, 2: row('<c r="@" t="s"><v>99</v></c>', '2024', '93', '590000', 'yes')})
    elif name == 'rows-out-of-order':
        b.sheet('Sheet1', {1: head, 3: row('大连', '2024', '93', '590000', 'yes')})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml').decode()
        rewrite(out, 'xl/worksheets/sheet1.xml', data.replace('<row r="3">', '<row r="3"></row><row r="2">'))
        return
    elif name == 'nested-row':
        # row 3 inside row 2 (no workbook has one), then a wider row 4
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', '93', '590000', 'yes')})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml').decode()
        rewrite(out, 'xl/worksheets/sheet1.xml', data.replace(
            '</row></sheetData>', '<row r="3"><c r="A3"><v>1</v></c></row></row>'
            '<row r="4"><c r="A4"><v>1</v></c><c r="Z4"><v>1</v></c></row></sheetData>'))
        return
    elif name == 'pad-past-limit':
        # a cell in column XFD of the header, then 40,000 rows of one cell:
        # 1 MiB of XML, 655 MiB of text once every row has 16,384 fields
        wide = dict(head)
        wide[16384] = n_cell('1')
        b.sheet('Sheet1', {1: wide})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml').decode()
        rows = ''.join('<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(2, 40002))
        rewrite(out, 'xl/worksheets/sheet1.xml', data.replace('</sheetData>', rows + '</sheetData>'))
        return
    elif name == 'bad-sst-long':
        # a shared string's index of 2,000 digits: the message quotes its
        # start (the whole cut the message short, without its line's end)
        b.sheet('Sheet1', {1: head, 2: row('<c r="@" t="s"><v>%s</v></c>' % ('9' * 2000), '2024', '93', '590000', 'yes')})
    elif name == 'two-values':
        # a cell of two <v>: the last is its value (an empty index here),
        # not the first's text left behind
        b.sheet('Sheet1', {1: head, 2: row('<c r="@" t="s"><v>%d</v><v></v></c>' % b.string('大连'), '2024', '93',
                                           '590000', 'yes')})
    elif name == 'long-sheet-names':
        # forty sheets of 300-byte names: the message listing them for a
        # sheet none is named quotes each name's first 256 bytes, and the
        # first 4 KiB of the list
        for i in range(40):
            b.sheet('%02d' % i + '表' * 99, {1: head})
    elif name == 'date-past-9999':
        # numbers formatted as dates in the 1904 system: 9999-12-31 (day
        # 2,957,003) shows as that date; a day later, or a time rounding
        # up past its midnight, is no date Excel shows (not 10000-01-01)
        b.date1904 = True
        d = b.xf(14)
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', n_cell('2957003', d), '590000', 'yes'),
                           3: row('沈阳', '2024', n_cell('2957004', d), '700000', 'yes'),
                           4: row('鞍山', '2024', n_cell('2957003.99999999', d), '650000', 'yes')})
    elif name == 'past-last-row':
        b.sheet('Sheet1', {1: head, 1048577: row('大连', '2024', '93', '590000', 'yes')})
    elif name == 'chart':
        b.sheet('Sheet1', {1: head})
        b.save(out)
        rewrite(out, 'xl/_rels/workbook.xml.rels',
                zipfile.ZipFile(out).read('xl/_rels/workbook.xml.rels').decode().replace('/worksheet"', '/chartsheet"'))
        return
    elif name == 'no-workbook-part':
        b.sheet('Sheet1', {1: head})
        b.save(out)
        drop(out, 'xl/workbook.xml')
        return
    elif name == 'bad-xml':
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', '93', '590000', 'yes')})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml').decode()
        rewrite(out, 'xl/worksheets/sheet1.xml', data.replace('</sheetData></worksheet>', '</sheetData>'))
        return
    elif name == 'crc':
        # a byte of the sheet changed after it was packed (stored, not
        # deflated, so that the XML still parses): its CRC-32 is wrong
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', '93', '590000', 'yes')})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml')
        drop(out, 'xl/worksheets/sheet1.xml')
        z = zipfile.ZipFile(out, 'a', zipfile.ZIP_STORED)
        z.writestr('xl/worksheets/sheet1.xml', data)
        z.close()
        raw = open(out, 'rb').read()
        at = raw.index(b'<v>590000</v>')
        open(out, 'wb').write(raw[:at] + b'<v>590001</v>' + raw[at + 13:])
        return
    elif name == 'cell-other-row':
        # row 2's cell C2 written r="C5" (a hand edit): LibreOffice 7.4 and
        # Gnumeric 1.12 put it in row 5; planc says where it is
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', '93', '590000', 'yes')})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml').decode()
        rewrite(out, 'xl/worksheets/sheet1.xml', data.replace('<c r="C2"', '<c r="C5"'))
        return
    elif name == 'dup-part':
        # a second entry xl/worksheets/sheet1.xml (another 大连 row), after
        # the first: two parts of one name, which no workbook has
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', '93', '590000', 'yes')})
        b.save(out)
        data = zipfile.ZipFile(out).read('xl/worksheets/sheet1.xml').decode()
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')  # zipfile's "Duplicate name"
            z = zipfile.ZipFile(out, 'a', zipfile.ZIP_DEFLATED)
            z.writestr('xl/worksheets/sheet1.xml', data.replace('<v>93</v>', '<v>12</v>'))
            z.close()
        return
    elif name == 'long-part-name':
        # two extra parts of names longer than 1 KiB, alike in their
        # first 1,100 bytes (a zip entry's name is up to 65,535 bytes;
        # minizip ends it with a NUL only when the buffer has room): read
        # as any workbook, neither taken for the other
        b.sheet('Sheet1', {1: head, 2: row('大连', '2024', '93', '590000', 'yes')})
        b.save(out)
        z = zipfile.ZipFile(out, 'a', zipfile.ZIP_DEFLATED)
        z.writestr('customXml/' + 'x' * 1100 + 'a.xml', '<a/>')
        z.writestr('customXml/' + 'x' * 1100 + 'b.xml', '<b/>')
        z.close()
        return
    elif name == 'bomb':
        # 64 MiB of spaces in <sheetData>: 64 KiB packed
        b.sheet('Sheet1', {1: head})
        b.save(out)
        bomb_part(out)
        return
    elif name == 'rows':
        # Excel's last row filled in: the sheet of 1,048,576 rows
        b.sheet('Sheet1', {1: head})
        b.save(out)
        big_sheet(out)
        return
    else:
        sys.exit('unknown fixture ' + name)
    b.save(out)


def drop(path, part):
    z = zipfile.ZipFile(path)
    items = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename != part]
    z.close()
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    for n, d in items:
        z.writestr(n, d)
    z.close()


def big_sheet(path):
    """The first sheet: the header, then rows 2 to 1,048,576 of 大连's
    years 1..1048575 (each a year of its own), a row a number."""
    drop(path, 'xl/worksheets/sheet1.xml')
    z = zipfile.ZipFile(path, 'a', zipfile.ZIP_DEFLATED)
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
        f.write(('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData><row r="1">' % NS).encode())
        for c, h in enumerate(HEADER, 1):
            f.write(('<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (colname(c), h)).encode())
        f.write(b'</row>')
        buf = []
        for r in range(2, 1048577):
            buf.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>X</t></is></c><c r="B%d"><v>2024</v></c>'
                       '<c r="C%d"><v>%d</v></c></row>' % (r, r, r, r, r))
            if len(buf) == 10000:
                f.write(''.join(buf).encode())
                buf = []
        f.write(''.join(buf).encode())
        f.write(b'</sheetData></worksheet>')
    z.close()


def rewrite(path, part, text):
    z = zipfile.ZipFile(path)
    items = [(i, z.read(i.filename)) for i in z.infolist()]
    z.close()
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    for i, d in items:
        z.writestr(i.filename, text.encode() if i.filename == part else d)
    z.close()


def bomb_part(path):
    """Replaces the first sheet by one that unpacks a thousand times its
    packed size (64 MiB of spaces)."""
    z = zipfile.ZipFile(path)
    items = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename != 'xl/worksheets/sheet1.xml']
    z.close()
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    for n, d in items:
        z.writestr(n, d)
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
        f.write(('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>' % NS).encode())
        chunk = b' ' * (1 << 20)
        for _ in range(64):
            f.write(chunk)
        f.write(b'</sheetData></worksheet>')
    z.close()


def fill_source(path):
    """SOURCE.csv's header and rows."""
    import csv
    with open(path, newline='', encoding='utf-8-sig') as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def fill_value(head, src, key):
    """The source's cell of column `head` on the row whose cells of the
    key columns key [(name, text)] are those texts; '' when none."""
    shead, srows = src
    if head not in shead:
        return ''
    at = [shead.index(k) if k in shead else -1 for k, _ in key]
    for r in srows:
        if all(i >= 0 and i < len(r) and r[i] == t for i, (_, t) in zip(at, key)):
            i = shead.index(head)
            return r[i] if i < len(r) else ''
    return ''


def fill_csv(template, out, src):
    import csv
    with open(template, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    head = rows[0]
    for r in rows[1:]:
        key = [(head[i], t) for i, t in enumerate(r) if t != '']
        for i, t in enumerate(r):
            if t == '':
                r[i] = fill_value(head[i], src, key)
    with open(out, 'w', newline='', encoding='utf-8') as f:
        csv.writer(f, lineterminator='\n').writerows(rows)


CELL = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
ROW = re.compile(r'<row r="(\d+)"([^>]*)>(.*?)</row>', re.S)


def colnum(name):
    n = 0
    for ch in name:
        n = n * 26 + ord(ch) - 64
    return n


def xml_unescape(s):
    return s.replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"').replace('&amp;', '&')


def fill_xlsx(template, out, src):
    zin = zipfile.ZipFile(template)
    parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    sst = []
    if 'xl/sharedStrings.xml' in parts:
        for si in re.findall(r'<si>(.*?)</si>', parts['xl/sharedStrings.xml'].decode(), re.S):
            sst.append(xml_unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S))))

    def text(attrs, inner):
        v = re.search(r'<v>(.*?)</v>', inner or '', re.S)
        if 't="s"' in attrs:
            return sst[int(v.group(1))]
        if 't="inlineStr"' in attrs:
            return xml_unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', inner, re.S)))
        return xml_unescape(v.group(1)) if v else ''

    sheet = parts['xl/worksheets/sheet1.xml'].decode()
    rows = [(m, {colnum(c.group(1)): c for c in CELL.finditer(m.group(3))}) for m in ROW.finditer(sheet)]
    head = {c: text(m.group(3), m.group(4)) for c, m in rows[0][1].items()}
    ncols = max(head)
    pieces, last = [], 0
    for m, cells in rows[1:]:
        r = int(m.group(1))
        key = [(head[c], text(cells[c].group(3), cells[c].group(4))) for c in sorted(cells)]
        xml = []
        for c in range(1, ncols + 1):
            if c in cells:
                xml.append(cells[c].group(0))
                continue
            t = fill_value(head[c], src, key)
            ref = '%s%d' % (colname(c), r)
            if t == '':
                continue
            if NUM.match(t):
                xml.append('<c r="%s"><v>%s</v></c>' % (ref, t))
            else:
                xml.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, xml_text(t)))
        pieces.append(sheet[last:m.start(3)])
        pieces.append(''.join(xml))
        last = m.end(3)
    pieces.append(sheet[last:])
    parts['xl/worksheets/sheet1.xml'] = ''.join(pieces).encode()
    z = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
    for i in zin.infolist():
        z.writestr(i, parts[i.filename], zipfile.ZIP_DEFLATED)
    z.close()


def dropdown(template, column):
    z = zipfile.ZipFile(template)
    sheet = z.read('xl/worksheets/sheet1.xml').decode()
    sst = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S):
            sst.append(xml_unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S))))
    row1 = ROW.search(sheet)
    at = None
    for c in CELL.finditer(row1.group(3)):
        v = re.search(r'<v>(.*?)</v>', c.group(4) or '', re.S)
        if 't="s"' in c.group(3) and v and sst[int(v.group(1))] == column:
            at = c.group(1)
        # a workbook written row by row (constant_memory) has its texts
        # in the cells
        if 't="inlineStr"' in c.group(3) and \
                xml_unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', c.group(4) or '', re.S))) == column:
            at = c.group(1)
    if at is None:
        sys.exit('no header cell %s' % column)
    for m in re.finditer(r'<dataValidation ([^>]*)>(.*?)</dataValidation>', sheet, re.S):
        ref = re.search(r'sqref="([A-Z]+)2:([A-Z]+)\d+"', m.group(1))
        if 'type="list"' in m.group(1) and ref and ref.group(1) == at == ref.group(2):
            f = re.search(r'<formula1>"(.*)"</formula1>', m.group(2), re.S)
            for w in xml_unescape(f.group(1)).split(','):
                print(w)
            return
    sys.exit('no drop-down below %s' % column)


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
    elif len(argv) == 5 and argv[1] == 'fill':
        src = fill_source(argv[4])
        (fill_xlsx if argv[2].lower().endswith('.xlsx') else fill_csv)(argv[2], argv[3], src)
    elif len(argv) == 4 and argv[1] == 'dropdown':
        dropdown(argv[2], argv[3])
    elif len(argv) == 4 and argv[1] == 'fixture':
        fixture(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
