import * as exceljs from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../src/lib/downloads';
import { loadDataset } from '../../src/lib/load';
import { METRICS } from '../../src/lib/metrics';
import { dataPaths } from '../../src/lib/paths';
import { href, workbookHref } from '../../src/lib/routes';
import { cityProfiles } from '../../src/lib/summarise';
import { page, resolves } from '../helpers/dist';

/** These tests read what `npm run build` wrote to dist/ (npm test builds first). */
const dist = 'dist/data';
const { dataset } = loadDataset(dataPaths({}));
// Papa Parse skips the byte-order mark the CSV files start with, as Frictionless, pandas and readr do.
const csv = (name: string) => Papa.parse<Record<string, string>>(readFileSync(`${dist}/${name}`, 'utf8'), { header: true, skipEmptyLines: true });
const NAMES = ['cities', 'sources', 'organisations', 'events', 'facilities', 'facility-status', 'policies', 'claims', 'flags', 'distinct', 'population', 'city-summary'];
const { Workbook } = (exceljs as unknown as { default?: typeof exceljs }).default ?? exceljs;

describe('dist/data', () => {
  beforeAll(() => {
    if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  });

  it('holds every dataset as CSV and JSON, and the data package', () => {
    const files = readdirSync(dist).sort();
    for (const name of NAMES) {
      expect(files).toContain(`${name}.csv`);
      expect(files).toContain(`${name}.json`);
      expect(files).toContain(`${name}.xlsx`);
    }
    expect(files).toContain('datapackage.json');
    expect(readdirSync('dist/en/data').sort()).toEqual(['index.html', ...NAMES.map((n) => `${n}.xlsx`)].sort());
  });

  it('every CSV starts with a UTF-8 byte-order mark, then the header, and ends every line with CRLF', () => {
    for (const name of NAMES) {
      const bytes = readFileSync(`${dist}/${name}.csv`);
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.slice(1).startsWith(`${csv(`${name}.csv`).meta.fields![0]},`), name).toBe(true);
      expect(text.replace(/"(?:[^"]|"")*"/g, '""'), name).not.toMatch(/[^\r]\n|\r(?!\n)/);
      expect(text.endsWith('\r\n'), name).toBe(true);
      // JSON stays without a mark: JSON.parse would refuse one.
      expect(readFileSync(`${dist}/${name}.json`)[0], name).toBe(0x5b);
    }
  });

  it('every workbook holds its CSV’s rows under column labels in its language, after a sheet naming the source and licence', async () => {
    const all = resources(dataset!);
    for (const lang of ['id', 'en'] as const) {
      for (const r of all) {
        const workbook = new Workbook();
        await workbook.xlsx.load(readFileSync(`dist${workbookHref(r.name, lang)}`) as unknown as exceljs.Buffer);
        const [about, table] = workbook.worksheets;
        expect(table!.name, r.name).toBe(r.title[lang].slice(0, 31));
        expect((table!.getRow(1).values as unknown[]).slice(1), r.name).toEqual(r.fields.map((f) => f.label[lang]));
        expect(table!.rowCount - 1, r.name).toBe(csv(`${r.name}.csv`).data.length);
        const text = JSON.stringify(about!.getSheetValues());
        expect(text).toMatch(new RegExp(`"https?://[^/"]+${href({ page: 'data' }, lang)}"`));
        expect(text).toContain('CC BY 4.0');
      }
    }
  });

  it('city-summary.csv has one row per city with the required fields and the summary figures', () => {
    const { data, meta } = csv('city-summary.csv');
    for (const field of ['city', 'name', 'province', 'trainings', 'participants', 'participants_low', 'participants_high', 'participants_per_10000', 'certified', 'facilities', 'exhibitions', 'training_days', 'person_days', 'first_event', 'last_event', 'population_used', 'population_year', 'population_source'])
      expect(meta.fields).toContain(field);
    const profiles = cityProfiles(dataset!);
    expect(data.map((r) => r.city)).toEqual(profiles.map((p) => p.city.id));
    for (const p of profiles) {
      const row = data.find((r) => r.city === p.city.id)!;
      for (const m of METRICS) {
        expect(row[m.id]).toBe(p.metrics[m.id].value === null ? '' : String(p.metrics[m.id].value));
        expect(row[`${m.id}_low`]).toBe(p.metrics[m.id].low === null ? '' : String(p.metrics[m.id].low));
        expect(row[`${m.id}_high`]).toBe(p.metrics[m.id].high === null ? '' : String(p.metrics[m.id].high));
      }
      expect(row.first_event).toBe(p.firstEvent ?? '');
    }
    // Not reported is blank, never 0.
    for (const p of profiles.filter((x) => x.metrics.certified.value === null)) expect(data.find((r) => r.city === p.city.id)!.certified).toBe('');
  });

  it('every CSV and its JSON hold the same rows, and the data package describes each CSV header', () => {
    const pkg = JSON.parse(readFileSync(`${dist}/datapackage.json`, 'utf8')) as { resources: { name: string; path: string; schema: { fields: { name: string }[] } }[] };
    expect(pkg.resources.map((r) => r.name)).toEqual(NAMES);
    for (const r of pkg.resources) {
      const { data, meta, errors } = csv(r.path);
      expect(errors).toEqual([]);
      expect(meta.fields).toEqual(r.schema.fields.map((f) => f.name));
      const json = JSON.parse(readFileSync(`${dist}/${r.name}.json`, 'utf8')) as unknown[];
      expect(json.length).toBe(data.length);
    }
    expect(csv('events.csv').data.length).toBe(dataset!.events.length);
  });

  it('the data package carries the version the changelog documents last', () => {
    const pkg = JSON.parse(readFileSync(`${dist}/datapackage.json`, 'utf8')) as { version: string };
    const latest = /^## (\d+\.\d+\.\d+)$/m.exec(readFileSync('data/CHANGELOG.md', 'utf8'))![1];
    expect(pkg.version).toBe(latest);
  });
});

describe('the data page', () => {
  const all = resources(dataset!);
  it.each(['id', 'en'] as const)('(%s) lists every table with its workbook, CSV and JSON, and explains every column, all in its language', (lang) => {
    const other = lang === 'id' ? 'en' : 'id';
    const $ = page('dist', href({ page: 'data' }, lang));
    const items = $('#downloads ~ ul').first().children('li');
    for (const r of all) {
      const item = items.filter((_, li) => $(li).find(`a[href="${workbookHref(r.name, lang)}"]`).length === 1);
      expect(item.length, r.name).toBe(1);
      expect(item.text()).toContain(r.title[lang]);
      expect(item.text()).toContain(r.description[lang]);
      expect(item.text()).not.toContain(r.description[other]);
      expect(item.find(`a[href="/data/${r.name}.csv"]`)).toHaveLength(1);
      const rows = $(`#dictionary-${r.name} tbody tr`);
      expect(rows.length, r.name).toBe(r.fields.length);
      r.fields.forEach((f, i) => {
        const cells = rows.eq(i).children('td');
        expect(cells.eq(0).text(), `${r.name}.${f.name}`).toBe(f.label[lang]);
        expect(cells.eq(1).text()).toBe(f.name);
        expect(cells.eq(3).text().startsWith(f.description[lang]), `${r.name}.${f.name}`).toBe(true);
        expect(cells.eq(3).text()).not.toContain(f.description[other]);
      });
    }
    // Nothing on the page is marked as written in the other language.
    expect($(`main [lang="${other}"]`)).toHaveLength(0);
    for (const a of $('main a[href^="/"]').toArray()) expect(resolves('dist', $(a).attr('href')!), $(a).attr('href')).toBe(true);
  });
});

