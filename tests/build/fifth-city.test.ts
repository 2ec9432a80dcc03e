import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { METRICS } from '../../src/lib/metrics';
import { href } from '../../src/lib/routes';
import { cityProfiles } from '../../src/lib/summarise';
import { writeSyntheticDataset } from '../../scripts/synthetic';
import { BUILD } from '../helpers/build';
import { page } from '../helpers/dist';
import { temporaryFolders } from '../helpers/temp';

/**
 * A curator adds a fifth city with one event, following data/README.md: a report file, a
 * source row, a city row, an organisation, an event and what the report says of it. The site
 * is rebuilt from that copy of a four-city fixture dataset (with its fixture reports), with
 * no code change, and the city appears everywhere.
 */
const root = temporaryFolders()('batik-fifth-');
const { dataDir, reportsDir } = writeSyntheticDataset(root, { cities: 4, eventsPerCity: 3 });
const out = join(root, 'dist');
let buildOutput = '';

const REPORT = `Pemerintah Kota Kediri melalui Dinas Koperasi dan UMTK menggelar pelatihan batik tulis bagi 25 perajin selama empat hari, 2-5 September 2024, di Gedung Bagawanta Bhari.\n`;
const EVENT = 'kediri-2024-pelatihan-batik-tulis';
/** A second outlet's report of the same training, which counts 30 where the first counts 25. */
const SECOND_REPORT = `Kota Kediri: pelatihan batik tulis Dinas Koperasi dan UMTK diikuti 30 peserta.\n`;

beforeAll(() => {
  writeFileSync(join(reportsDir, 'contoh-kediri-2024.txt'), REPORT);
  writeFileSync(join(reportsDir, 'contoh-kediri-2024-b.txt'), SECOND_REPORT);
  appendFileSync(join(dataDir, 'cities.csv'), 'kediri,Kota Kediri,Kediri City,kota,Jawa Timur,East Java,3571,-7.817,112.017,https://en.wikipedia.org/wiki/Kediri_(city)\n');
  appendFileSync(join(dataDir, 'sources.csv'), 'contoh-kediri-2024,kediri,Contoh Berita,Pelatihan batik tulis Kota Kediri,headline,https://example.org/kediri-batik,2024-09,month,Test fixture.,Data uji.,id,contoh-kediri-2024.txt,,,,\ncontoh-kediri-2024-b,kediri,Contoh Kabar,Pelatihan batik tulis diikuti 30 peserta,headline,https://example.org/kediri-batik-b,2024-09-10,day,Test fixture.,Data uji.,id,contoh-kediri-2024-b.txt,,,,\n');
  const orgs = JSON.parse(readFileSync(join(dataDir, 'organisations.json'), 'utf8')) as unknown[];
  orgs.push({ id: 'dinkop-kediri', city: 'kediri', kind: 'city_office', name: 'Dinas Koperasi dan UMTK Kota Kediri', name_en: 'Kediri City Cooperatives Office', abbreviation: '', variants: [{ name: 'Dinas Koperasi dan UMTK', source: 'contoh-kediri-2024' }] });
  writeFileSync(join(dataDir, 'organisations.json'), JSON.stringify(orgs, null, 2));
  appendFileSync(join(dataDir, 'events.csv'), `${EVENT},kediri,training,Pelatihan batik tulis,Hand-drawn batik training,production_technique,dinkop-kediri,,\n`);
  const claims = [
    ['reported', '', '', '', '', 'menggelar pelatihan batik tulis bagi 25 perajin'],
    ['start_date', '2024-09-02', '', '', 'day', '2-5 September 2024'],
    ['end_date', '2024-09-05', '', '', 'day', '2-5 September 2024'],
    ['duration_days', '4', '', 'reported', '', 'selama empat hari'],
    ['participants', '25', 'people', 'count', '', 'bagi 25 perajin'],
    ['venue', 'Gedung Bagawanta Bhari', '', '', '', 'di Gedung Bagawanta Bhari'],
  ].map(([field, value, unit, basis, precision, evidence]) => ({ record_type: 'event', record_id: EVENT, source: 'contoh-kediri-2024', field, part: '', value, unit, basis, date: '', precision, evidence, note: '', note_id: '', best_reason: '', best_reason_id: '' }));
  // The second report adds its own rows: a link to the event and its own count.
  const second = [
    ['reported', '', '', '', 'pelatihan batik tulis Dinas Koperasi dan UMTK'],
    ['participants', '30', 'people', 'count', 'diikuti 30 peserta'],
  ].map(([field, value, unit, basis, evidence]) => ({ record_type: 'event', record_id: EVENT, source: 'contoh-kediri-2024-b', field, part: '', value, unit, basis, date: '', precision: '', evidence, note: '', note_id: '', best_reason: '', best_reason_id: '' }));
  appendFileSync(join(dataDir, 'claims.csv'), `${Papa.unparse([...claims, ...second], { header: false, newline: '\n' })}\n`);
  // A previous build of the four cities stands in the output folder; the new build replaces it whole.
  mkdirSync(join(out, 'kota/kota-999'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<!doctype html><title>the previous build</title>');
  writeFileSync(join(out, 'kota/kota-999/index.html'), '<!doctype html><title>a city since removed</title>');
  buildOutput = execFileSync(BUILD[0], BUILD.slice(1), { env: { ...process.env, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: reportsDir, BATIK_OUT_DIR: out }, stdio: 'pipe', encoding: 'utf8' });
}, 240_000);

describe('the build', () => {
  it('replaced the previous build whole, leaving no file of it and no temporary folder', () => {
    expect(buildOutput).toMatch(/Built into .*dist\/ \(the previous build replaced\)/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('the previous build');
    expect(existsSync(join(out, 'kota/kota-999'))).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith('dist.'))).toEqual([]);
  });
});

describe('a fifth city added to the data', () => {
  it('loads and is summarised with the others', () => {
    const { dataset, problems } = loadDataset({ dataDir, reportsDir });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const kediri = cityProfiles(dataset!).find((p) => p.city.id === 'kediri')!;
    expect(kediri.metrics.trainings.value).toBe(1);
    // Two reports of one training: one event, the later report's count as best, the range kept.
    expect(kediri.metrics.trainings.value).toBe(1);
    expect([kediri.metrics.participants.value, kediri.metrics.participants.low, kediri.metrics.participants.high]).toEqual([30, 25, 30]);
    expect(kediri.metrics.person_days.value).toBe(120);
    expect(kediri.metrics.certified.value).toBeNull();
  });

  it('has its own page in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const $ = page(out, href({ page: 'city', id: 'kediri' }, lang));
      expect($('h1').text()).toContain('Kediri');
      expect($('.profile-figures dd[data-metric="participants"] [data-value]').attr('data-value')).toBe('30');
      expect($('.profile-figures dd[data-metric="participants"] .range').text()).toMatch(/25\s*–\s*30/);
      const ev = page(out, href({ page: 'event', id: EVENT }, lang));
      expect(ev('dl.fields').first().text()).toMatch(/30 \(25–30\)[^·]*· 2/);
    }
    expect(existsSync(join(out, 'kegiatan/kediri-2024-pelatihan-batik-tulis/index.html'))).toBe(true);
    expect(existsSync(join(out, 'en/compare/kota-001-vs-kediri/index.html'))).toBe(true);
  });

  it('appears on the home page and on every metric page', () => {
    expect(page(out, '/')('li.card[data-city="kediri"]')).toHaveLength(1);
    for (const m of METRICS) expect(page(out, href({ page: 'metric', id: m.id }, 'en'))('tr[data-city="kediri"]'), m.id).toHaveLength(1);
    expect(page(out, href({ page: 'metric', id: 'participants' }, 'en'))('tr[data-city="kediri"]').text()).toMatch(/30\s*\(25–30\)/);
  });

  it('appears in the downloads', () => {
    const summary = Papa.parse<Record<string, string>>(readFileSync(join(out, 'data/city-summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(summary.map((r) => r.city)).toContain('kediri');
    const kediri = summary.find((r) => r.city === 'kediri')!;
    expect([kediri.participants, kediri.participants_low, kediri.participants_high]).toEqual(['30', '25', '30']);
  });
});
