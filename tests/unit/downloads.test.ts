import * as exceljs from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataPackage, resources, toCsv, toJson, type Field, type Resource } from '../../src/lib/downloads';
import { toXlsx } from '../../src/lib/workbook';
import { buildDate } from '../../src/lib/build-date';
import { claim, dataset, event } from '../helpers/records';

const hostile = dataset({
  events: [
    event({ id: 'a', title: '=HYPERLINK("https://evil.example","x")', title_en: '+1+1', venue: '-2+3', trainers: '@SUM(A1)', themes: ['export', 'marketing'] }),
    event({ id: 'b', title: '<script>alert(1)</script>', title_en: 'Line one\nline "two", with comma', participants: null, participants_basis: null, participants_unit: null }),
  ],
});
const eventsResource = () => resources(hostile).find((r) => r.name === 'events')!;
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('CSV downloads', () => {
  it('neutralise cells that a spreadsheet would run as a formula', () => {
    const rows = parse(toCsv(eventsResource()));
    const a = rows.find((r) => r.id === 'a')!;
    expect(a.title).toBe(`'=HYPERLINK("https://evil.example","x")`);
    expect(a.title_en).toBe(`'+1+1`);
    expect(a.venue).toBe(`'-2+3`);
    expect(a.trainers).toBe(`'@SUM(A1)`);
  });

  // OWASP's CSV-injection payloads and the ways around a guard that looks only at the first
  // character: leading white space, a formula on a later line, full-width signs.
  const payloads: [string, boolean][] = [
    ['=1+1', true],
    ['+1+1', true],
    ['-1+1', true],
    ['@SUM(A1)', true],
    ['\t=1+1', true],
    ['\r=1+1', true],
    ['=HYPERLINK("https://evil.example","klik")\nbaris kedua', true],
    ['baris pertama\n=HYPERLINK("https://evil.example","klik")', true],
    ['baris pertama\n  @SUM(A1)', true],
    [' =cmd|\' /C calc\'!A0', true],
    ['   +62 812', true],
    ['\u00A0=1+1', true],
    ['\uFF1D1+1', true],
    ['Pelatihan batik', false],
    ['Rp 1.000 = biaya', false],
    ['email@example.org', false],
    ['10-12 Juni', false],
  ];
  it.each(payloads)('a cell %j is %s neutralised', (text, neutralised) => {
    const resource = resources(dataset({ events: [event({ id: 'x', venue: text })] })).find((r) => r.name === 'events')!;
    const venue = parse(toCsv(resource)).find((r) => r.id === 'x')!.venue;
    expect(venue).toBe(neutralised ? `'${text}` : text);
  });

  it('leave numbers, negative coordinates included, as numbers', () => {
    const cities = parse(toCsv(resources(hostile).find((r) => r.name === 'cities')!));
    expect(cities[0]!.latitude).toBe('-7.5');
  });

  it('keep markup as text, quote commas and newlines, and write not reported as blank', () => {
    const b = parse(toCsv(eventsResource())).find((r) => r.id === 'b')!;
    expect(b.title).toBe('<script>alert(1)</script>');
    expect(b.title_en).toBe('Line one\nline "two", with comma');
    expect(b.participants).toBe('');
  });

  it('join lists with "|" in CSV and keep arrays in JSON', () => {
    expect(parse(toCsv(eventsResource())).find((r) => r.id === 'a')!.themes).toBe('export|marketing');
    const json = JSON.parse(toJson(eventsResource())) as { id: string; themes: string[]; participants: number | null }[];
    expect(json.find((r) => r.id === 'a')!.themes).toEqual(['export', 'marketing']);
    expect(json.find((r) => r.id === 'b')!.participants).toBeNull();
  });

  it('start with a UTF-8 byte-order mark, end every line with CRLF, and quote commas, quotes and line breaks', () => {
    const csv = toCsv(eventsResource());
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, ...Buffer.from('i')]);
    expect(csv.indexOf('\uFEFF', 1)).toBe(-1);
    // Outside quoted cells every line ends with CRLF, the last one included; a line break
    // inside a quoted cell is the text's own.
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '""');
    expect(outsideQuotes).not.toMatch(/[^\r]\n|\r(?!\n)/);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(outsideQuotes.split('\r\n')).toHaveLength(eventsResource().rows.length + 2);
    expect(csv).toContain(',"Line one\nline ""two"", with comma",');
    expect(csv).toContain(`,"'=HYPERLINK(""https://evil.example"",""x"")",`);
    // Papa Parse, as the tests and scripts read the downloads, skips the mark.
    expect(Papa.parse(csv, { header: true }).meta.fields![0]).toBe('id');
  });

  it('every resource lists each row field once, in its schema order', () => {
    for (const r of resources(hostile)) {
      const csv = toCsv(r);
      expect(csv.startsWith('\uFEFF'), r.name).toBe(true);
      const header = csv.slice(1).split('\r\n')[0]!.split(',');
      expect(header).toEqual(r.fields.map((f) => f.name));
      expect(new Set(header).size).toBe(header.length);
    }
  });
});

describe('the data package', () => {
  const pkg = dataPackage(hostile, { homepage: 'https://example.org/' });
  it('describes every resource with a Table Schema, the licence and the sources', () => {
    expect(pkg.licenses[0]!.name).toBe('CC-BY-4.0');
    expect(pkg.resources.map((r) => r.name)).toEqual(resources(hostile).map((r) => r.name));
    for (const r of pkg.resources) {
      expect(r.path).toBe(`${r.name}.csv`);
      expect(r.schema.fields.length).toBeGreaterThan(0);
      for (const f of r.schema.fields) expect(['string', 'integer', 'number', 'date']).toContain(f.type);
    }
    expect(pkg.sources).toEqual([{ title: 'Publisher: Title', path: 'https://example.org/report' }]);
  });
  it('uses names Frictionless accepts', () => {
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    for (const r of pkg.resources) expect(r.name).toMatch(/^[a-z0-9._-]+$/);
  });
});

describe('field labels and meanings', () => {
  it('every table and column is named and explained in both languages, the Indonesian in its own words', () => {
    for (const r of resources(hostile)) {
      for (const lang of ['id', 'en'] as const) {
        expect(r.title[lang].trim(), r.name).not.toBe('');
        expect(r.description[lang].trim(), r.name).not.toBe('');
        const labels = r.fields.map((f) => f.label[lang]);
        // A workbook's column headings tell the columns apart.
        expect(labels.filter((l, i) => labels.indexOf(l) !== i), `${r.name} (${lang})`).toEqual([]);
        for (const f of r.fields) {
          expect(f.label[lang].trim(), `${r.name}.${f.name}`).not.toBe('');
          expect(f.description[lang].trim(), `${r.name}.${f.name}`).not.toBe('');
        }
      }
      for (const f of r.fields) expect(f.description.id, `${r.name}.${f.name}`).not.toBe(f.description.en);
      expect(r.description.id).not.toBe(r.description.en);
    }
  });
});

// exceljs is CommonJS; Node exposes it as a default export.
const { Workbook, ValueType } = (exceljs as unknown as { default?: typeof exceljs }).default ?? exceljs;
const info = { source: 'https://example.org/data/', built: '2026-11-30' };
const read = async (bytes: Uint8Array) => {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as exceljs.Buffer);
  return workbook;
};
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The files of a zip archive (an .xlsx file is one), as text: enough to read the XML a spreadsheet reads. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const zip = Buffer.from(bytes);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const files = new Map<string, string>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
    files.set(name, (zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

describe('Excel workbooks', () => {
  it('open on a sheet with the title, the source, the build date and the licence, then the table with labels in the language', async () => {
    for (const [lang, about, table, label] of [
      ['id', 'Keterangan', 'Kegiatan', 'Tanggal mulai'],
      ['en', 'About', 'Events', 'Start date'],
    ] as const) {
      const workbook = await read(await toXlsx(eventsResource(), lang, info));
      expect(workbook.worksheets.map((w) => w.name)).toEqual([about, table]);
      expect(workbook.created).toEqual(day('2026-11-30'));
      const first = workbook.worksheets[0]!;
      const text = JSON.stringify(first.getSheetValues());
      expect(text).toContain(`${table} — Batik Kota`);
      expect(text).toContain(info.source);
      expect(text).toContain('CC BY 4.0');
      expect(text).toContain('https://creativecommons.org/licenses/by/4.0/');
      const built: unknown[] = [];
      first.eachRow((row) => row.eachCell((cell) => cell.value instanceof Date && built.push(cell.value)));
      expect(built).toEqual([day('2026-11-30')]);

      const sheet = workbook.worksheets[1]!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(eventsResource().fields.map((f) => f.label[lang]));
      expect(header).toContain(label);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.rowCount).toBe(eventsResource().rows.length + 1);
    }
  });

  it('give every cell its type: numbers, dates known to the day, other dates as text, booleans, lists, and blank for not reported', async () => {
    const field = (name: string, type: Field['type'], extra: Partial<Field> = {}): Field => ({ name, type, label: { id: name, en: name }, description: { id: `${name}.`, en: `${name}!` }, ...extra });
    const fields = [
      field('count', 'integer'),
      field('rate', 'number'),
      field('start', 'string', { date: { precision: 'start_precision' } }),
      field('start_precision', 'string'),
      field('as_of', 'string', { date: {} }),
      field('dated', 'string', { yesNo: true }),
      field('themes', 'string', { list: true }),
      field('venue', 'string'),
    ];
    const rows = [
      { count: 18000000000, rate: 0.43, start: '2024-05-02', start_precision: 'day', as_of: '2024-05-02', dated: 'yes', themes: ['export', 'marketing'], venue: 'Balai Kota' },
      { count: 0, rate: -7.5, start: '2024-05', start_precision: 'month', as_of: '2024', dated: 'no', themes: [], venue: null },
      { count: null, rate: null, start: '2024-05-06', start_precision: 'week', as_of: null, dated: 'no', themes: ['heritage'], venue: '' },
    ];
    const resource: Resource = { name: 'types', title: { id: 'Tipe', en: 'Types' }, description: { id: 'Uji.', en: 'Test.' }, fields, rows };
    const sheet = (await read(await toXlsx(resource, 'id', info))).worksheets[1]!;
    const values = [2, 3, 4].map((r) => fields.map((_, c) => sheet.getCell(r, c + 1).value));
    expect(values).toEqual([
      [18000000000, 0.43, day('2024-05-02'), 'day', '2024-05-02', true, 'export|marketing', 'Balai Kota'],
      // 0 is a figure; a month is not a day; a date with no precision column stays text.
      [0, -7.5, '2024-05', 'month', '2024', false, null, null],
      // Not reported is blank; a date known to the week is not written as a day.
      [null, null, '2024-05-06', 'week', null, false, 'heritage', null],
    ]);
    expect(sheet.getCell(2, 1).numFmt).toBe('#,##0');
    expect(sheet.getCell(2, 3).numFmt).toBe('yyyy-mm-dd');
  });

  it('set a width for every column of the table, within reason', async () => {
    const xml = unzip(await toXlsx(eventsResource(), 'id', info)).get('xl/worksheets/sheet2.xml')!;
    const widths: number[] = [];
    for (const [, min, max, width] of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) for (let c = Number(min); c <= Number(max); c++) widths[c - 1] = Number(width);
    expect(widths).toHaveLength(eventsResource().fields.length);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(10);
    for (const w of widths) expect(w).toBeLessThanOrEqual(50);
  });

  it('write a claim’s value as the number or the day it is', async () => {
    const claims = resources(
      dataset({
        events: [event({ id: 'a' })],
        claims: [
          claim({ record_id: 'a', field: 'funding', value: '14674000000', unit: 'rupiah', basis: 'budget' }),
          claim({ record_id: 'a', field: 'venue', value: '1200', unit: null, basis: null }),
        ],
      }),
    ).find((r) => r.name === 'claims')!;
    const sheet = (await read(await toXlsx(claims, 'en', info))).worksheets[1]!;
    const column = claims.fields.findIndex((f) => f.name === 'value') + 1;
    const byField = new Map<string, unknown[]>();
    sheet.eachRow((row, i) => {
      if (i > 1) byField.set(String(row.getCell(4).value), [...(byField.get(String(row.getCell(4).value)) ?? []), row.getCell(column).value]);
    });
    expect(byField.get('funding')).toEqual([14674000000]);
    expect(byField.get('participants')).toEqual([10]);
    expect(byField.get('start_date')).toEqual([day('2023-01-02')]);
    // A text field stays text, digits or not.
    expect(byField.get('venue')).toEqual(['1200']);
  });

  it('store text that looks like a formula as a shared string, never as a formula, exactly as curated', async () => {
    const bytes = await toXlsx(eventsResource(), 'id', info);
    const cell = (await read(bytes)).worksheets[1]!.getCell('D2');
    expect(cell.value).toBe('=HYPERLINK("https://evil.example","x")');
    expect(cell.formula).toBeUndefined();
    expect(cell.type).toBe(ValueType.String);
    // What a spreadsheet reads: the cell refers to an entry of the shared strings, and no
    // cell of the sheet holds a formula.
    const files = unzip(bytes);
    const strings = [...files.get('xl/sharedStrings.xml')!.matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    const index = strings.indexOf('=HYPERLINK(&quot;https://evil.example&quot;,&quot;x&quot;)');
    expect(index).toBeGreaterThanOrEqual(0);
    const sheet = files.get('xl/worksheets/sheet2.xml')!;
    expect(sheet).toMatch(new RegExp(`<c r="D2"[^>]* t="s"[^>]*><v>${index}</v></c>`));
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).not.toMatch(/t="(str|inlineStr)"/);
    expect(strings).toContain('+1+1');
    expect(strings).toContain('@SUM(A1)');
  });

  it('date their first sheet with SOURCE_DATE_EPOCH when set, else today', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1764460800' })).toBe('2025-11-30');
    expect(buildDate({}, new Date('2026-11-30T23:59:00Z'))).toBe('2026-11-30');
  });
});
