import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataPackage, resources, toCsv, toJson } from '../../src/lib/downloads';
import { dataset, event } from '../helpers/records';

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
