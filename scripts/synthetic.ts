/**
 * A synthetic dataset at national scale, valid against the real schema: `cities` cities with
 * `eventsPerCity` events each, a report text per source holding every evidence phrase, and a
 * deterministic seed so two runs write the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import * as schema from '../src/lib/schema';

export interface SyntheticOptions {
  cities: number;
  eventsPerCity: number;
  seed?: number;
  /** How many provinces the cities are dealt into, in turn (38, Indonesia's number, unless given). */
  provinces?: number;
}

/** mulberry32: a small, well-known deterministic generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 3) => String(n).padStart(width, '0');
const day = (d: Date) => d.toISOString().slice(0, 10);
const columns = (spec: { row: { shape: object } }) => Object.keys(spec.row.shape);
const csv = (spec: { row: { shape: object } }, rows: Record<string, string | number>[]) =>
  // Papa ends a header-only table with a newline already; no second one (that would be a blank row).
  `${Papa.unparse({ fields: columns(spec), data: rows.map((r) => columns(spec).map((c) => r[c] ?? '')) }, { newline: '\n' }).replace(/\n$/, '')}\n`;

export function writeSyntheticDataset(root: string, options: SyntheticOptions): { dataDir: string; reportsDir: string; records: number } {
  const rand = random(options.seed ?? 514);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const dataDir = join(root, 'data');
  const reportsDir = join(root, 'reports');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(reportsDir, { recursive: true });

  const provinces = options.provinces ?? 38;
  const cities: Record<string, string | number>[] = [];
  const sources: Record<string, string | number>[] = [];
  const organisations: object[] = [];
  const events: Record<string, string | number>[] = [];
  const facilities: Record<string, string | number>[] = [];
  const claims: Record<string, string | number>[] = [];
  const flags: Record<string, string | number>[] = [];
  const policies: Record<string, string | number>[] = [];
  const population: Record<string, string | number>[] = [];

  for (let i = 0; i < options.cities; i++) {
    const n = pad(i + 1);
    const id = `kota-${n}`;
    const name = `Kota Sintetis ${n}`;
    const province = i % provinces;
    const source = `sumber-${n}`;
    const report: string[] = [`Laporan sintetis tentang ${name}.`];
    const claim = (record_type: string, record_id: string, field: string, evidence: string, extra: Record<string, string | number> = {}) => {
      report.push(evidence);
      claims.push({ record_type, record_id, source, field, evidence, ...extra });
    };
    cities.push({
      id, name, name_en: `Synthetic City ${n}`, kind: 'kota', province: `Provinsi Sintetis ${pad(province + 1, 2)}`, province_en: `Synthetic Province ${pad(province + 1, 2)}`,
      region_code: `${11 + province}${pad(1 + Math.floor(i / provinces), 2)}`, latitude: (-10 + rand() * 15).toFixed(3), longitude: (96 + rand() * 44).toFixed(3),
      coordinates_source: `https://example.org/synthetic/${id}`,
    });
    sources.push({ id: source, city: id, publisher: `Penerbit Sintetis ${pad(i % 40, 2)}`, title: `Laporan ${name}`, title_basis: 'headline', url: `https://example.org/synthetic/${source}`, published: '2024-06-01', published_precision: 'day', published_basis: 'Synthetic.', published_basis_id: 'Sintetis.', language: 'id', report_file: `${source}.txt` });
    const org = `dinas-${n}`;
    const orgName = `Dinas Koperasi ${name}`;
    report.push(orgName);
    organisations.push({ id: org, city: id, kind: 'city_office', name: orgName, name_en: `Cooperatives Office, ${name}`, abbreviation: '', variants: [{ name: orgName, source }] });

    for (let j = 0; j < options.eventsPerCity; j++) {
      const eid = `${id}-kegiatan-${pad(j + 1, 2)}`;
      const kind = rand() < 0.7 ? 'training' : rand() < 0.5 ? 'certification' : 'exhibition';
      // Events a month apart, so no two of a kind overlap.
      const start = new Date(Date.UTC(2019 + Math.floor(j / 12), j % 12, int(1, 20)));
      const days = int(1, 5);
      const end = new Date(start.getTime() + (days - 1) * 86_400_000);
      const participants = int(10, 120);
      events.push({
        id: eid, city: id, kind, title: `Kegiatan batik ${j + 1} di ${name}`, title_en: `Batik event ${j + 1} in ${name}`,
        themes: [...new Set([pick(schema.THEMES), pick(schema.THEMES)])].join('|'), organiser: org,
      });
      claim('event', eid, 'reported', `kegiatan ${eid} digelar`);
      claim('event', eid, 'start_date', `dari ${day(start)} sampai ${day(end)} untuk ${eid}`, { value: day(start), precision: 'day' });
      claim('event', eid, 'end_date', `dari ${day(start)} sampai ${day(end)} untuk ${eid}`, { value: day(end), precision: 'day' });
      claim('event', eid, 'participants', `diikuti ${participants} orang pada ${eid}`, { value: participants, unit: 'people', basis: 'count' });
      if (kind === 'certification') claim('event', eid, 'certified', `${participants} orang tersertifikasi pada ${eid}`, { value: participants, unit: 'people', basis: 'count' });
    }
    const facility = `sentra-${n}`;
    facilities.push({ id: facility, city: id, kind: 'batik_centre', name: `Sentra batik ${name}`, name_en: `Batik centre, ${name}` });
    claim('facility', facility, 'reported', `sentra batik ${name} sedang dibangun`);
    claim('facility', facility, 'status', `sentra batik ${name} sedang dibangun`, { value: 'under_construction' });
    if (i % 10 === 0) {
      const policy = `perwali-${n}`;
      policies.push({ id: policy, city: id, kind: 'mayoral_regulation', title: `Perwali ${n}`, title_en: `Mayoral Regulation ${n}`, summary: 'Batik sebagai produk unggulan.', summary_en: 'Batik as a flagship product.' });
      claim('policy', policy, 'reported', `Perwali ${name} tentang batik tahun 2020`);
      claim('policy', policy, 'year', `Perwali ${name} tentang batik tahun 2020`, { value: 2020 });
    }
    const inhabitants = int(100, 900) * 1000;
    const populationPhrase = `penduduk ${name} ${inhabitants} jiwa`;
    report.push(populationPhrase);
    population.push({ city: id, year: 2020, value: inhabitants, basis: 'census', source, evidence: populationPhrase });
    if (i % 5 === 0) flags.push({ id: `flag-${n}`, record_type: 'event', record_id: `${id}-kegiatan-01`, field: '', type: 'vague_reference', note: 'Catatan sintetis.', note_en: 'Synthetic note.' });
    writeFileSync(join(reportsDir, `${source}.txt`), `${report.join('. ')}.\n`);
  }

  writeFileSync(join(dataDir, 'cities.csv'), csv(schema.cities, cities));
  writeFileSync(join(dataDir, 'sources.csv'), csv(schema.sources, sources));
  writeFileSync(join(dataDir, 'organisations.json'), `${JSON.stringify(organisations, null, 2)}\n`);
  writeFileSync(join(dataDir, 'events.csv'), csv(schema.events, events));
  writeFileSync(join(dataDir, 'facilities.csv'), csv(schema.facilities, facilities));
  writeFileSync(join(dataDir, 'policies.csv'), csv(schema.policies, policies));
  writeFileSync(join(dataDir, 'claims.csv'), csv(schema.claims, claims));
  writeFileSync(join(dataDir, 'flags.csv'), csv(schema.flags, flags));
  writeFileSync(join(dataDir, 'distinct.csv'), csv(schema.distinct, []));
  writeFileSync(join(dataDir, 'population.csv'), csv(schema.population, population));
  const records = cities.length + sources.length + organisations.length + events.length + facilities.length + policies.length + claims.length + flags.length + population.length;
  return { dataDir, reportsDir, records };
}
