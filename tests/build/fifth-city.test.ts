import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { METRICS } from '../../src/lib/metrics';
import { dataPaths } from '../../src/lib/paths';
import { href } from '../../src/lib/routes';
import { cityProfiles } from '../../src/lib/summarise';
import { page } from '../helpers/dist';

/**
 * A curator adds a fifth city with one event, following data/README.md: a report file, a
 * source row, a city row, an organisation and an event. The site is rebuilt from that copy
 * of the data, with no code change, and the city appears everywhere.
 */
const root = mkdtempSync(join(tmpdir(), 'batik-fifth-'));
const dataDir = join(root, 'data');
const reportsDir = join(root, 'reports');
const out = join(root, 'dist');

const REPORT = `Pemerintah Kota Kediri melalui Dinas Koperasi dan UMTK menggelar pelatihan batik tulis bagi 25 perajin selama empat hari, 2-5 September 2024, di Gedung Bagawanta Bhari.\n`;

beforeAll(() => {
  const real = dataPaths({});
  cpSync(real.dataDir, dataDir, { recursive: true });
  cpSync(real.reportsDir, reportsDir, { recursive: true });
  writeFileSync(join(reportsDir, '999_kediri.txt'), REPORT);
  appendFileSync(join(dataDir, 'cities.csv'), 'kediri,Kota Kediri,Kediri City,kota,Jawa Timur,East Java,3571,-7.817,112.017,https://en.wikipedia.org/wiki/Kediri_(city)\n');
  appendFileSync(join(dataDir, 'sources.csv'), 'contoh-kediri-2024,Contoh Berita,Pelatihan batik tulis Kota Kediri,headline,https://example.org/kediri-batik,2024-09,month,Test fixture.,id,999_kediri.txt\n');
  const orgs = JSON.parse(readFileSync(join(dataDir, 'organisations.json'), 'utf8')) as unknown[];
  orgs.push({ id: 'dinkop-kediri', city: 'kediri', kind: 'city_office', name: 'Dinas Koperasi dan UMTK Kota Kediri', name_en: 'Kediri City Cooperatives Office', abbreviation: '', variants: [{ name: 'Dinas Koperasi dan UMTK', source: 'contoh-kediri-2024' }] });
  writeFileSync(join(dataDir, 'organisations.json'), JSON.stringify(orgs, null, 2));
  const event = {
    id: 'kediri-2024-pelatihan-batik-tulis', city: 'kediri', kind: 'training', title: 'Pelatihan batik tulis', title_en: 'Hand-drawn batik training', themes: 'production_technique',
    start_date: '2024-09-02', start_precision: 'day', end_date: '2024-09-05', end_precision: 'day', duration_days: '4', duration_basis: 'reported',
    venue: 'Gedung Bagawanta Bhari', place: 'Kota Kediri', participants: '25', participants_basis: 'count', participants_unit: 'people', certified: '', trainers: '', trainer_count: '',
    organiser: 'dinkop-kediri', partners: '', equipment: '', source: 'contoh-kediri-2024', evidence: 'menggelar pelatihan batik tulis bagi 25 perajin',
    date_evidence: 'selama empat hari, 2-5 September 2024', participants_evidence: 'bagi 25 perajin', certified_evidence: '', venue_evidence: 'di Gedung Bagawanta Bhari', trainers_evidence: '', equipment_evidence: '',
  };
  appendFileSync(join(dataDir, 'events.csv'), `${Papa.unparse([event], { header: false })}\n`);
  execFileSync('npx', ['astro', 'build'], { env: { ...process.env, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: reportsDir, BATIK_OUT_DIR: out }, stdio: 'pipe' });
}, 240_000);

describe('a fifth city added to the data', () => {
  it('loads and is summarised with the others', () => {
    const { dataset, problems } = loadDataset({ dataDir, reportsDir });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const kediri = cityProfiles(dataset!).find((p) => p.city.id === 'kediri')!;
    expect(kediri.metrics.trainings.value).toBe(1);
    expect(kediri.metrics.participants.value).toBe(25);
    expect(kediri.metrics.person_days.value).toBe(100);
    expect(kediri.metrics.certified.value).toBeNull();
  });

  it('has its own page in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const $ = page(out, href({ page: 'city', id: 'kediri' }, lang));
      expect($('h1').text()).toContain('Kediri');
      expect($('.profile-figures dd[data-metric="participants"] [data-value]').attr('data-value')).toBe('25');
    }
    expect(existsSync(join(out, 'kegiatan/kediri-2024-pelatihan-batik-tulis/index.html'))).toBe(true);
    expect(existsSync(join(out, 'en/compare/probolinggo-vs-kediri/index.html'))).toBe(true);
  });

  it('appears on the home page and on every metric page', () => {
    expect(page(out, '/')('li.card[data-city="kediri"]')).toHaveLength(1);
    for (const m of METRICS) expect(page(out, href({ page: 'metric', id: m.id }, 'en'))('tr[data-city="kediri"]'), m.id).toHaveLength(1);
  });

  it('appears in the downloads', () => {
    const summary = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data/city-summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(summary.map((r) => r.city)).toContain('kediri');
    expect(summary.find((r) => r.city === 'kediri')!.participants).toBe('25');
  });
});
