#!/usr/bin/env python3
"""lo-fixtures.py — workbooks saved by LibreOffice Calc, for tests/xlsx.sh §7
and the tests/run/xlsx-lo-* cases: every other workbook of the tests is XML
written by hand (mkxlsx.py) or by libxlsxwriter (planc's own), and a city's
file comes from Excel, WPS or LibreOffice, which write shared strings with
rich text runs, styles of their own numbering, custom number formats,
formulas with their values, merged cells, hidden sheets, dimensions and
sheet views in their own ways.

  lo-fixtures.py PLANC OUTDIR

writes into OUTDIR, each workbook beside the CSV file it is the twin of
(the same cells, as Excel's "CSV UTF-8" would save them):

  city.xlsx, city.csv      a city's filled data sheet, made as a flat ODF
      spreadsheet (.fods, written below) converted by soffice: a hidden
      first sheet '选项' (the yes/no list), the data sheet '鞍山市 数据'
      (a name in Chinese with a space), a sheet '填报说明' of notes; on
      the data sheet percentages (cells formatted 0.0%, one a formula),
      dates (yyyy年m月d日) in a column the rules do not read, 是/否 words,
      a formula column (the sum of two others), a header cell of rich
      text, an empty row, a cell holding a comma, and a source line of
      one cell merged across the columns after the rows.
  title.xlsx, title.csv    the same sheet with a title merged across the
      columns above the header: no header in row 1, an error as of the
      CSV.
  typed.xlsx (of typed.csv)  a CSV imported by soffice with special
      numbers detected, as a user opens a CSV in Calc and saves it as a
      workbook: "81.0%" becomes 0.81 formatted as a percentage,
      "2025-03-01" a date.
  template.xlsx, template.csv  `planc template` of the quickstart rules
      as a workbook, filled in (mkxlsx.py fill, from the quickstart's
      data) and opened and saved again by soffice; the CSV is the blank
      CSV filled in from the same data.
  gnumeric-city.xlsx       city.xlsx opened and saved by Gnumeric's
      ssconvert (a second program's way: numbers of 21 significant
      digits, 39.2000000000000000007; its XML indented; the hidden sheet
      no longer hidden), the twin of city.csv too.

The workbooks are committed (tests need no LibreOffice); this script
made them with LibreOffice 7.4.7.2 (Debian 12's libreoffice-calc-nogui)
and Gnumeric 1.12.55's ssconvert (Debian 12's gnumeric).  soffice and
ssconvert must be on PATH; they are tools to make these files, not
dependencies of planc or its tests.
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
QUICK = os.path.join(REPO, 'examples', 'quickstart')

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')

STYLES = '''<office:automatic-styles>
 <number:percentage-style style:name="N1"><number:number number:decimal-places="1"
  number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
 <number:date-style style:name="N2"><number:year number:style="long"/><number:text>年</number:text><number:month/>
  <number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
 <style:style style:name="pc" style:family="table-cell" style:data-style-name="N1"/>
 <style:style style:name="dt" style:family="table-cell" style:data-style-name="N2"/>
 <style:style style:name="hd" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:color="#c00000"/></style:style>
</office:automatic-styles>'''


def s(text, style=None, span=None):
    """A text cell; span: (prefix, rest) with the prefix in another colour
    (a rich text run)."""
    st = ' table:style-name="%s"' % style if style else ''
    if span:
        body = '<text:span text:style-name="T1">%s</text:span>%s' % (escape(span[0]), escape(span[1]))
    else:
        body = escape(text)
    return '<table:table-cell%s office:value-type="string"><text:p>%s</text:p></table:table-cell>' % (st, body)


def n(v):
    return '<table:table-cell office:value-type="float" office:value="%s"/>' % v


def pct(v):
    """A percentage cell holding v (the fraction's text)."""
    return ('<table:table-cell table:style-name="pc" office:value-type="percentage" office:value="%s"/>' % v)


def date(iso):
    return '<table:table-cell table:style-name="dt" office:value-type="date" office:date-value="%s"/>' % iso


def formula(f, style=None):
    st = ' table:style-name="%s"' % style if style else ''
    return '<table:table-cell%s table:formula="of:=%s"/>' % (st, escape(f, {'"': '&quot;'}))


def merged(text, cols):
    """A text cell merged with the cols - 1 cells right of it."""
    return ('<table:table-cell table:number-columns-spanned="%d" office:value-type="string"><text:p>%s</text:p>'
            '</table:table-cell><table:covered-table-cell table:number-columns-repeated="%d"/>'
            % (cols, escape(text), cols - 1))


def row(cells):
    return '<table:table-row>%s</table:table-row>' % ''.join(cells)


def table(name, rows):
    return '<table:table table:name="%s">%s</table:table>' % (escape(name, {'"': '&quot;'}), ''.join(rows))


def fods(path, tables):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
                'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">%s<office:body>'
                '<office:spreadsheet>%s</office:spreadsheet></office:body></office:document>\n'
                % (NS, STYLES, ''.join(tables)))


def soffice(src, outdir, infilter=None):
    """Converts src to .xlsx in outdir with soffice (a profile of its own,
    so that a running LibreOffice is not disturbed)."""
    prof = tempfile.mkdtemp()
    cmd = ['soffice', '-env:UserInstallation=file://' + prof, '--headless', '--convert-to',
           'xlsx:Calc MS Excel 2007 XML']
    if infilter:
        cmd.append('--infilter=' + infilter)
    subprocess.run(cmd + ['--outdir', outdir, src], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    shutil.rmtree(prof, ignore_errors=True)


def frac(p):
    """The percentage p's text ("81.0") as the fraction's ("0.810")."""
    return str(Decimal(p) / 100)


HEADER = ['region', 'year', 'good_air_days_pct', 'pm25', 'cod_industry_t', 'cod_domestic_t', 'cod_t',
          'green_new_m2', 'new_m2', 'green_building_pct', 'farmland_mu', 'water_saving_city', '填报日期',
          '备注']


def city_rows():
    """The quickstart's rows of 鞍山 and 沈阳, with the sheet's own columns:
    COD as the sum of industry's and households', the green-building
    percentage as a ratio of floor areas, a date of filling in."""
    out = []
    with open(os.path.join(QUICK, 'data.csv'), encoding='utf-8') as f:
        for r in csv.DictReader(f):
            if r['region'] not in ('鞍山', '沈阳'):
                continue
            cod = int(r['cod_t'])
            ind = cod * 3 // 5
            green = int(Decimal(r['green_building_pct']) * 10)
            out.append({
                'region': r['region'], 'year': r['year'], 'good_air_days_pct': r['good_air_days_pct'],
                'pm25': r['pm25'], 'cod_industry_t': ind, 'cod_domestic_t': cod - ind, 'cod_t': cod,
                'green_new_m2': green, 'new_m2': 1000, 'green_building_pct': r['green_building_pct'],
                'farmland_mu': r['farmland_mu'],
                'water_saving_city': {'yes': '是', 'no': '否'}.get(r['water_saving_city'], ''),
                '填报日期': '%s-03-01' % (int(r['year']) + 1),
                '备注': '初步数据, 待核' if r['year'] == '2025' else '',
            })
    return out


SOURCE = '数据来源：鞍山市统计局、鞍山市生态环境局'
TITLE = '鞍山市生态环境指标填报表（2021—2025年）'


def city_sheet(rows, title):
    """The data sheet's rows as .fods; the formulas' columns written as
    formulas.  An empty row after the third data row."""
    col = {h: i for i, h in enumerate(HEADER)}
    L = lambda h: chr(ord('A') + col[h])
    out = []
    if title:
        out.append(row([merged(TITLE, len(HEADER))]))
    out.append(row([s(h, 'hd') if h != 'good_air_days_pct' else s(h, 'hd', ('good_air', '_days_pct'))
                    for h in HEADER]))
    r = len(out)
    for i, d in enumerate(rows):
        if i == 3:
            out.append(row([]))
            r += 1
        r += 1
        cells = [s(d['region']), n(d['year']), pct(frac(d['good_air_days_pct'])), n(d['pm25']),
                 n(d['cod_industry_t']), n(d['cod_domestic_t']),
                 formula('[.%s%d]+[.%s%d]' % (L('cod_industry_t'), r, L('cod_domestic_t'), r)),
                 n(d['green_new_m2']), n(d['new_m2']),
                 formula('[.%s%d]/[.%s%d]' % (L('green_new_m2'), r, L('new_m2'), r), 'pc'),
                 n(d['farmland_mu']), s(d['water_saving_city']), date(d['填报日期'])]
        if d['备注']:
            cells.append(s(d['备注']))
        out.append(row(cells))
    out.append(row([merged(SOURCE, len(HEADER))]))
    return out


def city_csv(path, rows, title):
    """The twin: the cells as Excel's CSV shows them (percentages and dates
    as shown, the formulas' values)."""
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        if title:
            w.writerow([TITLE] + [''] * (len(HEADER) - 1))
        w.writerow(HEADER)
        for i, d in enumerate(rows):
            if i == 3:
                w.writerow([''] * len(HEADER))
            v = dict(d)
            v['good_air_days_pct'] += '%'
            v['green_building_pct'] += '%'
            w.writerow([v[h] for h in HEADER])
        w.writerow([SOURCE] + [''] * (len(HEADER) - 1))


def notes_sheet():
    return [row([s('填报说明')]), row([s('1. 百分比按单元格格式填写，如 85.7%。')]),
            row([s('2. 节水型城市填“是”或“否”。')])]


def hide_first(path, tmp):
    """Hides the first sheet of the workbook Calc wrote, as a user does in
    Calc (Sheet > Hide Sheet), and has Calc save it again: Calc shows the
    first sheet of a .fods converted without a view, and shows a sheet it
    is told to hide when it is the one shown; of an .xlsx it reads which
    sheet is shown (activeTab) and which are hidden."""
    src = os.path.join(tmp, 'hide', os.path.basename(path))
    os.makedirs(os.path.dirname(src), exist_ok=True)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(src, 'w', zipfile.ZIP_DEFLATED) as z:
        for i in zin.infolist():
            data = zin.read(i.filename)
            if i.filename == 'xl/workbook.xml':
                data = data.decode().replace('state="visible"', 'state="hidden"', 1)
                data = data.replace('activeTab="0"', 'activeTab="1"').encode()
            elif i.filename.startswith('xl/worksheets/sheet'):
                sel = 'true' if i.filename == 'xl/worksheets/sheet2.xml' else 'false'
                data = re.sub(b'tabSelected="[a-z]*"', b'tabSelected="' + sel.encode() + b'"', data)
            z.writestr(i, data)
    soffice(src, os.path.dirname(path))


def make_city(out, tmp, title):
    name = 'title' if title else 'city'
    rows = city_rows()
    src = os.path.join(tmp, name + '.fods')
    fods(src, [table('选项', [row([s('是')]), row([s('否')])]),
               table('鞍山市 数据', city_sheet(rows, title)), table('填报说明', notes_sheet())])
    soffice(src, out)
    hide_first(os.path.join(out, name + '.xlsx'), tmp)
    city_csv(os.path.join(out, name + '.csv'), rows, title)


def make_typed(out, tmp):
    """typed.csv as a user types it (percentages with %, dates), and the
    workbook Calc makes of it (44: comma, 34: '"', 76: UTF-8, 1: from
    line 1; the 8th token true: special numbers detected)."""
    path = os.path.join(out, 'typed.csv')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['region', 'year', 'good_air_days_pct', 'pm25', 'farmland_mu', 'cod_t',
                    'green_building_pct', 'water_saving_city', 'report_date'])
        for d in city_rows():
            w.writerow([d['region'], d['year'], d['good_air_days_pct'] + '%', d['pm25'], d['farmland_mu'],
                        d['cod_t'], d['green_building_pct'] + '%', d['water_saving_city'], d['填报日期']])
    soffice(path, out, 'CSV:44,34,76,1,,0,false,true,true')


def make_template(planc, out, tmp):
    """planc template's workbook, filled in and saved again by Calc; its
    twin the blank CSV filled in alike."""
    rules = os.path.join(QUICK, 'rules.plan')
    mk = os.path.join(HERE, 'mkxlsx.py')
    for ext in ('csv', 'xlsx'):
        subprocess.run([planc, 'template', rules, '--years', '2024-2025', '-o',
                        os.path.join(tmp, 'blank.' + ext)], check=True)
    subprocess.run([sys.executable, mk, 'fill', os.path.join(tmp, 'blank.csv'),
                    os.path.join(out, 'template.csv'), os.path.join(QUICK, 'data.csv')], check=True)
    filled = os.path.join(tmp, 'filled', 'template.xlsx')
    os.makedirs(os.path.dirname(filled))
    subprocess.run([sys.executable, mk, 'fill', os.path.join(tmp, 'blank.xlsx'), filled,
                    os.path.join(QUICK, 'data.csv')], check=True)
    soffice(filled, out)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    planc, out = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    os.makedirs(out, exist_ok=True)
    tmp = tempfile.mkdtemp()
    try:
        make_city(out, tmp, False)
        make_city(out, tmp, True)
        make_typed(out, tmp)
        make_template(planc, out, tmp)
        subprocess.run(['ssconvert', '-T', 'Gnumeric_Excel:xlsx2', os.path.join(out, 'city.xlsx'),
                        os.path.join(out, 'gnumeric-city.xlsx')], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main(sys.argv)
