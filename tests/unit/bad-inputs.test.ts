/**
 * Bad inputs, one at a time: each case copies a small valid dataset written by this test
 * (data files and report texts in a temporary folder, never the real data), breaks one thing
 * in one file, loads it and checks that the loader refuses it (no dataset, a problem naming
 * the file, rule, physical line, row and column) or, for harmless variations, accepts it
 * without changing the value.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/dataset';
import { loadDataset } from '../../src/lib/load';
import { formatProblems, type Problem } from '../../src/lib/problems';
import * as schema from '../../src/lib/schema';
import { temporaryFolders } from '../helpers/temp';

// ---------------------------------------------------------------------------------------
// The base dataset: three cities, five reports (one rejected) and a population table, every
// figure a row of claims.csv whose evidence phrase is in its report. It loads with no error
// and no warning.

const DASAR = 'probolinggo-2022-pelatihan-dasar-batik';
const MANAJEMEN = 'probolinggo-2022-pelatihan-manajemen-pemasaran';
const SERTIFIKASI = 'probolinggo-sertifikasi-kompetensi-profesi-batik';
const BLITAR = 'blitar-2023-pelatihan-batik';
const PAMERAN = 'mojokerto-2024-pameran-batik';
const PERESMIAN = 'mojokerto-2024-peresmian-galeri';
const SENTRA = 'sentra-batik-probolinggo';
const GALERI = 'galeri-batik-mojokerto';
const PERWALI = 'mojokerto-2023-perwali-batik';
const [PROB1, PROB2, KBLITAR, KMOJO, KAB, BPS] = ['antara-604745', 'antara-649773', 'kabar-blitar-2023', 'kabar-mojokerto-2024', 'radar-kabupaten-blitar', 'bps-probolinggo-2020'];

type Row = Record<string, string>;

const CITIES: Row[] = [
  { id: 'probolinggo', name: 'Kota Probolinggo', name_en: 'Probolinggo City', kind: 'kota', province: 'Jawa Timur', province_en: 'East Java', region_code: '3574', latitude: '-7.754', longitude: '113.216', coordinates_source: 'https://id.wikipedia.org/wiki/Kota_Probolinggo' },
  { id: 'blitar', name: 'Kota Blitar', name_en: 'Blitar City', kind: 'kota', province: 'Jawa Timur', province_en: 'East Java', region_code: '3572', latitude: '-8.098', longitude: '112.165', coordinates_source: 'https://id.wikipedia.org/wiki/Kota_Blitar' },
  { id: 'mojokerto', name: 'Kota Mojokerto', name_en: 'Mojokerto City', kind: 'kota', province: 'Jawa Timur', province_en: 'East Java', region_code: '3576', latitude: '-7.472', longitude: '112.434', coordinates_source: 'https://id.wikipedia.org/wiki/Kota_Mojokerto' },
];

const src = (o: Row): Row => ({ publisher: 'Berita Uji', title_basis: 'headline', published_basis: 'From the dateline.', published_basis_id: 'Dari tanggal berita.', language: 'id', published_precision: 'day', ...o });
const SOURCES: Row[] = [
  src({ id: PROB1, city: 'probolinggo', title: 'Pemkot Probolinggo gelar pelatihan batik', url: 'https://jatim.antaranews.com/berita/604745/pemkot-probolinggo-gelar-pelatihan-batik', published: '2022-05-27', report_file: 'prob-1.txt' }),
  src({ id: PROB2, city: 'probolinggo', title: 'Pemkot Probolinggo latih IKM batik', title_basis: 'url_slug', url: 'https://jatim.antaranews.com/berita/649773/pemkot-probolinggo-latih-ikm-batik', published: '2022-11-03', report_file: 'prob-2.txt' }),
  src({ id: KBLITAR, city: 'blitar', title: '', title_basis: 'none', url: 'https://jatim.kabardaerah.com/pelatihan-batik-blitar/', published: '2023-06-13', report_file: 'blitar.txt' }),
  src({ id: KMOJO, city: 'mojokerto', title: 'Pemkot Mojokerto dorong perajin batik', url: 'https://kabarterdepan.com/pemkot-mojokerto-dorong-perajin-batik', published: '2024-01', published_precision: 'month', published_basis: 'Month from the address.', report_file: 'mojokerto.txt' }),
  src({ id: KAB, city: 'blitar', title: 'Pemkab Blitar gelar pelatihan batik', url: 'https://radarblitar.example.id/pemkab-blitar-pelatihan-batik', published: '2023-07-01', report_file: 'kabupaten-blitar.txt', rejected: 'kabupaten', rejected_note: 'Tentang Kabupaten Blitar, bukan Kota Blitar.', rejected_note_en: 'About the regency of Blitar, not the city.' }),
  src({ id: BPS, city: 'probolinggo', publisher: 'BPS Kota Probolinggo', title: 'Hasil Sensus Penduduk 2020', url: 'https://probolinggokota.bps.go.id/sp2020', published: '2021', published_precision: 'year', published_basis: 'Year of the release.', report_file: 'context/bps-probolinggo.txt' }),
];

const ORGANISATIONS = [
  { id: 'dkupp-probolinggo', city: 'probolinggo', kind: 'city_office', name: 'Dinas Koperasi, Usaha Mikro, Perindustrian dan Perdagangan Kota Probolinggo', name_en: 'Office of Cooperatives, Micro Business, Industry and Trade', abbreviation: 'DKUPP', variants: [{ name: 'DKUPP', source: PROB1 }] },
  { id: 'dinkop-blitar', city: 'blitar', kind: 'city_office', name: 'Dinas Koperasi dan Usaha Mikro Kota Blitar', name_en: 'Office of Cooperatives and Micro Business', abbreviation: '', variants: [{ name: 'Dinas Koperasi dan Usaha Mikro', source: KBLITAR }] },
  { id: 'disperindag-mojokerto', city: 'mojokerto', kind: 'city_office', name: 'Disperindag Kota Mojokerto', name_en: 'Office of Industry and Trade', abbreviation: 'Disperindag', variants: [{ name: 'Pemkot Mojokerto', source: KMOJO }] },
  { id: 'lsp-batik', city: '', kind: 'certification_body', name: 'LSP Batik', name_en: 'Batik Professional Certification Body', abbreviation: 'LSP', variants: [{ name: 'LSP Batik', source: PROB2 }] },
];

// Lines of events.csv: 1 header, 2 DASAR (row 1), 3 MANAJEMEN, 4 SERTIFIKASI, 5 BLITAR, 6 PAMERAN, 7 PERESMIAN.
const EVENTS: Row[] = [
  { id: DASAR, city: 'probolinggo', kind: 'training', title: 'Pelatihan dasar batik', title_en: 'Basic batik training', themes: 'production_technique', organiser: 'dkupp-probolinggo', partners: '', facility: '' },
  { id: MANAJEMEN, city: 'probolinggo', kind: 'training', title: 'Pelatihan manajemen pemasaran', title_en: 'Marketing management training', themes: 'marketing|product_development', organiser: 'dkupp-probolinggo', partners: '', facility: '' },
  { id: SERTIFIKASI, city: 'probolinggo', kind: 'certification', title: 'Sertifikasi kompetensi profesi batik', title_en: 'Batik competency certification', themes: 'certification', organiser: 'dkupp-probolinggo', partners: 'lsp-batik', facility: '' },
  // Quoted (it holds a comma), so a stray quote on an earlier line has a quote to run on to.
  { id: BLITAR, city: 'blitar', kind: 'training', title: 'Pelatihan batik (Petik), Kota Blitar', title_en: 'Batik training (Petik), Blitar', themes: 'production_technique', organiser: 'dinkop-blitar', partners: '', facility: '' },
  { id: PAMERAN, city: 'mojokerto', kind: 'exhibition', title: 'Pameran batik', title_en: 'Batik exhibition', themes: 'marketing', organiser: 'disperindag-mojokerto', partners: '', facility: '' },
  { id: PERESMIAN, city: 'mojokerto', kind: 'inauguration', title: 'Peresmian galeri batik', title_en: 'Opening of the batik gallery', themes: 'heritage', organiser: 'disperindag-mojokerto', partners: '', facility: GALERI },
];

const FACILITIES: Row[] = [
  { id: SENTRA, city: 'probolinggo', kind: 'batik_centre', name: 'Sentra batik Kota Probolinggo', name_en: 'Probolinggo batik centre', variants: '' },
  { id: GALERI, city: 'mojokerto', kind: 'gallery', name: 'Galeri Batik Mojokerto', name_en: 'Mojokerto Batik Gallery', variants: 'Galeri Batik' },
];

const POLICIES: Row[] = [
  { id: PERWALI, city: 'mojokerto', kind: 'mayoral_regulation', title: 'Perwali tentang batik', title_en: 'Mayoral regulation on batik', summary: 'Batik sebagai produk unggulan.', summary_en: 'Batik as a flagship product.' },
];

const claim = (record_type: string, record_id: string, source: string, field: string, evidence: string, o: Row = {}): Row => ({ record_type, record_id, source, field, evidence, ...o });
const CLAIMS: Row[] = [
  claim('event', DASAR, PROB1, 'reported', 'menggelar pelatihan dasar batik yang diikuti sebanyak 30 orang'),
  claim('event', DASAR, PROB1, 'start_date', 'sejak Senin (23/5) hingga Jumat (27/5)', { value: '2022-05-23', precision: 'day' }),
  claim('event', DASAR, PROB1, 'end_date', 'sejak Senin (23/5) hingga Jumat (27/5)', { value: '2022-05-27', precision: 'day' }),
  claim('event', DASAR, PROB1, 'duration_days', 'digelar selama lima hari', { value: '5', basis: 'reported' }),
  claim('event', DASAR, PROB1, 'participants', 'diikuti sebanyak 30 orang', { value: '30', unit: 'people', basis: 'count' }),
  claim('event', DASAR, PROB1, 'venue', 'di Gedung Islamic Center', { value: 'Gedung Islamic Center' }),
  claim('event', MANAJEMEN, PROB2, 'reported', 'menggelar pelatihan manajemen pemasaran'),
  claim('event', MANAJEMEN, PROB2, 'start_date', 'pada 31 Oktober hingga 2 November 2022', { value: '2022-10-31', precision: 'day' }),
  claim('event', MANAJEMEN, PROB2, 'end_date', 'pada 31 Oktober hingga 2 November 2022', { value: '2022-11-02', precision: 'day' }),
  claim('event', MANAJEMEN, PROB2, 'participants', 'bagi 25 pelaku IKM batik', { value: '25', unit: 'people', basis: 'count' }),
  claim('event', SERTIFIKASI, PROB2, 'reported', 'lulus sertifikasi kompetensi profesi batik'),
  claim('event', SERTIFIKASI, PROB2, 'start_date', 'bersama LSP Batik, Kamis (3/11)', { value: '2022-11-03', precision: 'day' }),
  claim('event', SERTIFIKASI, PROB2, 'certified', 'Sebanyak 20 perajin lulus', { value: '20', unit: 'people', basis: 'count' }),
  claim('facility', SENTRA, PROB2, 'reported', 'Sentra batik Kota Probolinggo kini beroperasi'),
  claim('facility', SENTRA, PROB2, 'status', 'Sentra batik Kota Probolinggo kini beroperasi', { value: 'operating' }),
  claim('event', BLITAR, KBLITAR, 'reported', 'membuka Pelatihan Batik (Petik)'),
  claim('event', BLITAR, KBLITAR, 'start_date', 'Selasa (13/06/2023)', { value: '2023-06-13', precision: 'day' }),
  claim('event', BLITAR, KBLITAR, 'participants', 'diikuti 40 pelaku usaha batik', { value: '40', unit: 'people', basis: 'count' }),
  claim('event', PAMERAN, KMOJO, 'reported', 'menggelar pameran batik di Alun-alun'),
  claim('event', PAMERAN, KMOJO, 'start_date', 'pada Sabtu (6/1/2024)', { value: '2024-01-06', precision: 'day' }),
  claim('event', PERESMIAN, KMOJO, 'reported', 'meresmikan Galeri Batik Mojokerto'),
  claim('facility', GALERI, KMOJO, 'reported', 'meresmikan Galeri Batik Mojokerto'),
  claim('facility', GALERI, KMOJO, 'status', 'meresmikan Galeri Batik Mojokerto', { value: 'inaugurated' }),
  claim('facility', GALERI, KMOJO, 'funding', 'dengan anggaran Rp1,2 miliar', { value: '1200000000', unit: 'rupiah', basis: 'budget' }),
  claim('policy', PERWALI, KMOJO, 'reported', 'menerbitkan Perwali Nomor 5 Tahun 2023'),
  claim('policy', PERWALI, KMOJO, 'number', 'Perwali Nomor 5 Tahun 2023', { value: 'Nomor 5 Tahun 2023' }),
  claim('policy', PERWALI, KMOJO, 'year', 'Perwali Nomor 5 Tahun 2023', { value: '2023' }),
];

const POPULATION: Row[] = [{ city: 'probolinggo', year: '2020', value: '239649', basis: 'census', source: BPS, evidence: 'sebanyak 239.649 jiwa' }];

const REPORTS: Record<string, string> = {
  'prob-1.txt': 'Pemkot Probolinggo melalui DKUPP menggelar pelatihan dasar batik yang diikuti sebanyak 30 orang. Pelatihan digelar selama lima hari sejak Senin (23/5) hingga Jumat (27/5) di Gedung Islamic Center.\n',
  'prob-2.txt':
    'Pemkot Probolinggo menggelar pelatihan manajemen pemasaran bagi 25 pelaku IKM batik pada 31 Oktober hingga 2 November 2022.\n' +
    'Sebanyak 20 perajin lulus sertifikasi kompetensi profesi batik bersama LSP Batik, Kamis (3/11).\n' +
    'Sentra batik Kota Probolinggo kini beroperasi. Sentra itu sempat dibangun ulang.\n',
  'blitar.txt': 'Wali Kota Blitar membuka Pelatihan Batik (Petik) yang digelar Dinas Koperasi dan Usaha Mikro, Selasa (13/06/2023). Pelatihan diikuti 40 pelaku usaha batik.\n',
  'mojokerto.txt':
    'Pemkot Mojokerto menggelar pameran batik di Alun-alun pada Sabtu (6/1/2024). Pj Wali Kota Mojokerto meresmikan Galeri Batik Mojokerto yang dibangun dengan anggaran Rp1,2 miliar.\n' +
    'Pemkot juga menerbitkan Perwali Nomor 5 Tahun 2023 tentang batik.\n',
  'kabupaten-blitar.txt': 'Pemkab Blitar menggelar pelatihan batik bagi 50 perajin di Kabupaten Blitar.\n',
  'context/bps-probolinggo.txt': 'Jumlah penduduk Kota Probolinggo hasil Sensus Penduduk 2020 sebanyak 239.649 jiwa.\n',
};

const columnsOf = (spec: { row: { shape: object } }) => Object.keys(spec.row.shape);
/** CSV text with one final newline (Papa ends a header-only table with one already). */
const csvText = (spec: { row: { shape: object } }, rows: Row[]) =>
  `${Papa.unparse({ fields: columnsOf(spec), data: rows.map((r) => columnsOf(spec).map((c) => r[c] ?? '')) }, { newline: '\n' }).replace(/\n$/, '')}\n`;

const tempDir = temporaryFolders();

/** Writes the base dataset into a new folder: data/ and reports/. */
function writeBase(): string {
  const root = tempDir('batik-bad-base-');
  const data = join(root, 'data');
  mkdirSync(data);
  const files: [string, string][] = [
    ['cities.csv', csvText(schema.cities, CITIES)],
    ['sources.csv', csvText(schema.sources, SOURCES)],
    ['events.csv', csvText(schema.events, EVENTS)],
    ['facilities.csv', csvText(schema.facilities, FACILITIES)],
    ['policies.csv', csvText(schema.policies, POLICIES)],
    ['claims.csv', csvText(schema.claims, CLAIMS)],
    ['flags.csv', csvText(schema.flags, [])],
    ['distinct.csv', csvText(schema.distinct, [])],
    ['population.csv', csvText(schema.population, POPULATION)],
    ['organisations.json', `${JSON.stringify(ORGANISATIONS, null, 2)}\n`],
  ];
  for (const [file, text] of files) writeFileSync(join(data, file), text);
  for (const [file, text] of Object.entries(REPORTS)) {
    mkdirSync(dirname(join(root, 'reports', file)), { recursive: true });
    writeFileSync(join(root, 'reports', file), text);
  }
  return root;
}
const base = writeBase();

/** The physical line of a claim of the base claims.csv (the header is line 1). */
const claimLine = (record_id: string, field: string, source?: string): number => {
  const i = CLAIMS.findIndex((c) => c['record_id'] === record_id && c['field'] === field && (source === undefined || c['source'] === source));
  if (i < 0) throw new Error(`no claim ${record_id} ${field}`);
  return i + 2;
};
/** The line a row appended to claims.csv lands on. */
const NEXT_CLAIM_LINE = CLAIMS.length + 2;

// ---------------------------------------------------------------------------------------
// Mutations

/** One edit to the copied dataset: a data file, a report or a folder, relative to the root. */
type Mutation = (root: string) => void;

/** Edit a file as bytes; null for a file that does not exist yet, and null back deletes it. */
const mutatePath = (path: string, fn: (bytes: Buffer | null) => Buffer | null): Mutation => (root) => {
  const full = join(root, path);
  const before = existsSync(full) ? readFileSync(full) : null;
  const after = fn(before);
  if (after === null) {
    if (before === null) throw new Error(`the mutation of ${path} changed nothing`);
    rmSync(full);
    return;
  }
  if (before !== null && after.equals(before)) throw new Error(`the mutation of ${path} changed nothing`);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, after);
};

/** Edit a data file as text. */
const mutate = (file: string, fn: (text: string) => string): Mutation => mutatePath(`data/${file}`, (b) => Buffer.from(fn(b!.toString('utf8')), 'utf8'));
/** Edit a data file as bytes. */
const mutateBytes = (file: string, fn: (bytes: Buffer) => Buffer): Mutation => mutatePath(`data/${file}`, (b) => fn(b!));
/** Write (or, with null, delete) a report file. */
const setReport = (file: string, text: string | Buffer | null): Mutation => mutatePath(`reports/${file}`, () => (text === null ? null : Buffer.from(text)));
/** Remove the whole reports folder. */
const removeReports: Mutation = (root) => rmSync(join(root, 'reports'), { recursive: true });

/** Quote a cell the way a spreadsheet would, only when it has to be. */
const quote = (v: string) => (/[",\n\r]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const splitCsvLine = (line: string): string[] => Papa.parse<string[]>(line, { delimiter: ',' }).data[0]!;

/**
 * Replace one cell of the row on a physical line (the rows of the base files each sit on one
 * line). `raw` is written as is, so a case controls its quoting; use quote() for plain values.
 */
const setCell = (line: number, column: string, raw: string) => (text: string) => {
  const lines = text.split('\n');
  const header = splitCsvLine(lines[0]!);
  const j = header.indexOf(column);
  if (j < 0) throw new Error(`no column ${column}`);
  const cells = splitCsvLine(lines[line - 1]!).map(quote);
  cells[j] = raw;
  lines[line - 1] = cells.join(',');
  return lines.join('\n');
};

/** Several edits on one text. */
const edits = (...fns: ((text: string) => string)[]) => (text: string) => fns.reduce((t, f) => f(t), text);

/** Rewrite a whole CSV file through its cells (header included). */
const table = (fn: (rows: string[][]) => string[][], delimiter = ',') => (text: string) => {
  const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
  return `${Papa.unparse(fn(rows), { delimiter, newline: '\n' })}\n`;
};
const dropColumn = (name: string) =>
  table((rows) => {
    const j = rows[0]!.indexOf(name);
    return rows.map((r) => r.filter((_, k) => k !== j));
  });
const addColumn = (name: string, value: string) => table((rows) => rows.map((r, i) => [...r, i === 0 ? name : value]));
const renameColumn = (from: string, to: string) => table((rows) => [rows[0]!.map((c) => (c === from ? to : c)), ...rows.slice(1)]);
const withDelimiter = (delimiter: string) => (text: string) =>
  `${Papa.unparse(Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data, { delimiter, newline: '\n' })}\n`;
/** Append a row, given by column name, at the end of a CSV file. */
const appendRow = (row: Row) => (text: string) => {
  const header = splitCsvLine(text.split('\n')[0]!);
  return `${text}${header.map((c) => quote(row[c] ?? '')).join(',')}\n`;
};
/** Delete the data rows for which `drop` holds (only for cases whose expected lines are elsewhere). */
const dropRows = (drop: (row: Row) => boolean) => (text: string) => {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields!;
  return `${Papa.unparse({ fields, data: parsed.data.filter((r) => !drop(r)).map((r) => fields.map((f) => r[f] ?? '')) }, { newline: '\n' }).replace(/\n$/, '')}\n`;
};

/** Edit one physical line. */
const onLine = (line: number, fn: (l: string) => string) => (text: string) => {
  const lines = text.split('\n');
  lines[line - 1] = fn(lines[line - 1]!);
  return lines.join('\n');
};
/** Insert lines before a physical line. */
const insertBefore = (line: number, ...inserted: string[]) => (text: string) => {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, ...inserted);
  return lines.join('\n');
};

/** Insert bytes just before the first occurrence of `marker`. */
const insertBytesBefore = (marker: string, inserted: number[]) => (bytes: Buffer) => {
  const at = bytes.indexOf(Buffer.from(marker, 'utf8'));
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(inserted), bytes.subarray(at)]);
};

// ---------------------------------------------------------------------------------------
// Running a case

function loadMutated(mutations: Mutation[], requireReports = false) {
  const tmp = tempDir('batik-bad-');
  cpSync(base, tmp, { recursive: true });
  for (const m of mutations) m(tmp);
  return loadDataset({ dataDir: join(tmp, 'data'), reportsDir: join(tmp, 'reports'), requireReports });
}

/** What a reported problem must say. Properties left out are not checked. */
interface Expected {
  file: string;
  rule: string;
  line?: number;
  row?: number;
  column?: string;
  value?: string;
  message?: RegExp;
}

interface Case {
  name: string;
  mutations: Mutation[];
  requireReports?: boolean;
  /** Errors that must be reported (the dataset is then null)… */
  refused?: Expected[];
  /** …or checks on the dataset, which must load… */
  accepted?: (dataset: Dataset, problems: Problem[]) => void;
  /** …with these warnings… */
  warned?: Expected[];
  /** …and without warnings of these rules. */
  notWarned?: string[];
}

const matches = (p: Problem, e: Expected, severity: Problem['severity']) =>
  p.severity === severity &&
  p.file === e.file &&
  p.rule === e.rule &&
  (e.line === undefined || p.line === e.line) &&
  (e.row === undefined || p.row === e.row) &&
  (e.column === undefined || p.column === e.column) &&
  (e.value === undefined || p.value === e.value) &&
  (e.message === undefined || e.message.test(p.message));

// ---------------------------------------------------------------------------------------
// The cases

const EV = 'events.csv';
const CL = 'claims.csv';
const SRC = 'sources.csv';
const event = (d: Dataset, id = DASAR) => {
  const e = d.eventById.get(id);
  if (!e) throw new Error(`event ${id} not loaded`);
  return e;
};
/** An error on one cell of events.csv line 2 (row 1). */
const onDasar = (column: string, rule: string, extra: Partial<Expected> = {}): Expected[] => [{ file: EV, line: 2, row: 1, column, rule, ...extra }];
/** An error on one cell of a claims.csv line. */
const onClaim = (line: number, column: string, rule: string, extra: Partial<Expected> = {}): Expected[] => [{ file: CL, line, row: line - 1, column, rule, ...extra }];

const PARTICIPANTS = claimLine(DASAR, 'participants');
const START = claimLine(DASAR, 'start_date');

const participantCases: Case[] = ['-5', '2.5', '1.234', '1.200', '"1,234"', '030', 'NA', 'NaN', '0x10', '1e309'].map((raw) => ({
  name: `participants ${raw} is not a whole number`,
  mutations: [mutate(CL, setCell(PARTICIPANTS, 'value', raw))],
  refused: onClaim(PARTICIPANTS, 'value', 'whole-number', { value: raw.replace(/^"|"$/g, '') }),
}));

const urlCases: Case[] = [
  ['javascript:alert(1)', 'javascript:alert(1)'],
  ['JavaScript:alert(1)', 'JavaScript:alert(1)'],
  ['java\tscript:alert(1)', '"java\tscript:alert(1)"'],
  ['data:text/html,x', '"data:text/html,x"'],
  ['//example.com/x', '//example.com/x'],
  ['ftp://example.com/x', 'ftp://example.com/x'],
  // A host behind user info, so the link text names one host and the link opens another.
  ['https://jatim.antaranews.com@evil.example/x', 'https://jatim.antaranews.com@evil.example/x'],
  ['https://93.184.216.34/berita', 'https://93.184.216.34/berita'],
  ['https://[2001:db8::1]/berita', 'https://[2001:db8::1]/berita'],
  ['https://example.com\\@evil.example/x', 'https://example.com\\@evil.example/x'],
  // A C1 control (NEL) and a right-to-left override, both unseen.
  ['https://example.com/\u0085x', 'https://example.com/\u0085x'],
  ['https://example.com/\u202Egpj.exe', 'https://example.com/\u202Egpj.exe'],
].map(([value, raw]) => ({
  name: `source url ${JSON.stringify(value)} is refused`,
  mutations: [mutate(SRC, setCell(2, 'url', raw!))],
  refused: [{ file: SRC, line: 2, row: 1, column: 'url', value: value!, rule: 'web-url' }],
}));
urlCases.push(
  {
    // Both the space and the address are reported: the reader lists every problem of a cell.
    name: 'source url " javascript:alert(1)" (leading space) is refused',
    mutations: [mutate(SRC, setCell(2, 'url', '" javascript:alert(1)"'))],
    refused: [
      { file: SRC, line: 2, row: 1, column: 'url', value: ' javascript:alert(1)', rule: 'no-surrounding-space' },
      { file: SRC, line: 2, row: 1, column: 'url', value: ' javascript:alert(1)', rule: 'web-url' },
    ],
  },
  {
    // Many government pages were published on http: and are cited as they were.
    name: 'a source url on http: is accepted as published',
    mutations: [mutate(SRC, setCell(2, 'url', 'http://jatim.antaranews.com/berita/604745'))],
    accepted: (d) => expect(d.sourceById.get(PROB1)!.url).toBe('http://jatim.antaranews.com/berita/604745'),
  },
  {
    name: 'a coordinates address on http: is refused (coordinates sources are https: only)',
    mutations: [mutate('cities.csv', setCell(2, 'coordinates_source', 'http://id.wikipedia.org/wiki/Kota_Probolinggo'))],
    refused: [{ file: 'cities.csv', line: 2, row: 1, column: 'coordinates_source', rule: 'https-url' }],
  },
);

const formulaCases: Case[] = ['=SUM(A1:A9)', '+62 batik', '-5 batik', '@batik'].map((value) => ({
  name: `a title_en starting with ${value[0]} is kept verbatim`,
  mutations: [mutate(EV, setCell(2, 'title_en', quote(value)))],
  accepted: (d) => expect(event(d).title_en).toBe(value),
}));

// ---------------------------------------------------------------------------------------
// Careless and hostile input found by an outside review: one row per case. Cases about the
// downloads (formula payloads), the build and the embed script are tested where those live:
// tests/unit/downloads.test.ts, tests/build/safe-build.test.ts, tests/browser/embed-host.test.ts.

const flagRow = (field: string): Row => ({ id: `flag-${field.replace(/_/g, '').toLowerCase()}`, record_type: 'event', record_id: DASAR, field, type: 'other', note: 'Catatan uji.', note_en: 'A test note.' });
const cityRow = (id: string): Row => ({ ...CITIES[1]!, id, region_code: '3571' });
/** Replace a report file by a folder of the same name. */
const reportAsFolder = (file: string): Mutation => (root) => {
  rmSync(join(root, 'reports', file));
  mkdirSync(join(root, 'reports', file));
};
const PARTICIPANTS_LINE = claimLine(DASAR, 'participants');
const DURATION = claimLine(DASAR, 'duration_days');
const PAMERAN_START = claimLine(PAMERAN, 'start_date');

const controlCases: Case[] = [
  ['NUL', '\u0000'],
  ['a form feed', '\u000C'],
  ['a vertical tab', '\u000B'],
  ['a tab', '\t'],
  ['DEL', '\u007F'],
  ['a C1 control (NEL)', '\u0085'],
  ['the non-character U+FFFE', '\uFFFE'],
  ['the non-character U+FFFF', '\uFFFF'],
  ['the non-character U+FDD0', '\uFDD0'],
].map(([what, c]) => ({
  name: `${what} in a title is refused, naming the character`,
  mutations: [mutate(EV, setCell(2, 'title', `Pelatihan${c}batik`))],
  refused: onDasar('title', 'text-characters', { message: new RegExp(`U\\+${c!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`) }),
}));

const hostileCases: Case[] = [
  // Figures and dates outside what is plausible (src/lib/plausibility.ts)
  {
    name: '1,000,000,000 participants, even as an inferred figure',
    mutations: [mutate(CL, edits(setCell(PARTICIPANTS_LINE, 'value', '1000000000'), setCell(PARTICIPANTS_LINE, 'basis', 'inferred')))],
    refused: onClaim(PARTICIPANTS_LINE, 'value', 'plausible-range', { value: '1000000000', message: /0 to 100000/ }),
  },
  {
    name: 'a reported duration of 500 days on an event its report dates 23–27 May',
    mutations: [mutate(CL, setCell(DURATION, 'value', '500'))],
    refused: [...onClaim(DURATION, 'value', 'plausible-range'), ...onClaim(DURATION, 'value', 'duration-dates', { message: /5 days/ })],
  },
  {
    name: 'a reported duration of 4 days where the same report dates the event 23–27 May',
    mutations: [mutate(CL, setCell(DURATION, 'value', '4'))],
    refused: onClaim(DURATION, 'value', 'duration-dates', { value: '4' }),
  },
  {
    name: 'an event dated 2099',
    mutations: [mutate(CL, setCell(START, 'value', '2099-05-23'))],
    refused: onClaim(START, 'value', 'date-after-publication', { value: '2099-05-23' }),
  },
  {
    name: 'an event starting a month after its report was published',
    mutations: [mutate(CL, setCell(PAMERAN_START, 'value', '2024-02-06'))],
    refused: onClaim(PAMERAN_START, 'value', 'date-after-publication', { message: /basis "announced"/ }),
  },
  {
    name: 'the same, announced in advance (basis "announced"): accepted',
    mutations: [mutate(CL, edits(setCell(PAMERAN_START, 'value', '2024-02-06'), setCell(PAMERAN_START, 'basis', 'announced')))],
    accepted: (d) => expect(event(d, PAMERAN).start_date).toBe('2024-02-06'),
  },
  {
    name: 'an event dated 1700',
    mutations: [mutate(CL, edits(setCell(START, 'value', '1700'), setCell(START, 'precision', 'year')))],
    refused: onClaim(START, 'value', 'plausible-date', { value: '1700' }),
  },
  {
    name: 'a report published in the year 0000',
    mutations: [mutate(SRC, edits(setCell(2, 'published', '0000'), setCell(2, 'published_precision', 'year')))],
    refused: [{ file: SRC, line: 2, row: 1, column: 'published', value: '0000', rule: 'plausible-date' }],
  },
  {
    name: 'a report published in the future',
    mutations: [mutate(SRC, setCell(2, 'published', '2999-05-27'))],
    refused: [{ file: SRC, line: 2, row: 1, column: 'published', value: '2999-05-27', rule: 'published-future' }],
  },
  {
    name: 'a population of 300,000,000',
    mutations: [mutate('population.csv', edits(setCell(2, 'value', '300000000'), setCell(2, 'evidence', 'sebanyak 239.649 jiwa')))],
    refused: [{ file: 'population.csv', line: 2, row: 1, column: 'value', rule: 'plausible-range' }],
  },
  {
    name: 'an organiser office from another city',
    mutations: [mutate(EV, setCell(2, 'organiser', 'dinkop-blitar'))],
    refused: onDasar('organiser', 'organiser-city', { value: 'dinkop-blitar', message: /"blitar"/ }),
  },
  {
    name: 'an organiser of no city (a certification body): accepted',
    mutations: [mutate(EV, setCell(2, 'organiser', 'lsp-batik'))],
    accepted: (d) => expect(event(d).organiser).toBe('lsp-batik'),
  },

  // Identifiers that could collide or break the file system
  {
    name: 'a city id holding "-vs-", which would share a comparison page with another pair',
    mutations: [mutate('cities.csv', appendRow(cityRow('blitar-vs-kediri')))],
    refused: [{ file: 'cities.csv', line: 5, row: 4, column: 'id', rule: 'id-reserved' }],
  },
  {
    name: 'a city id "vs"',
    mutations: [mutate('cities.csv', appendRow(cityRow('vs')))],
    refused: [{ file: 'cities.csv', line: 5, row: 4, column: 'id', rule: 'id-reserved' }],
  },
  {
    name: 'a valid-looking id of 262 characters',
    mutations: [mutate(EV, setCell(2, 'id', 'a'.repeat(262)))],
    refused: onDasar('id', 'id-length', { message: /262 characters/ }),
  },
  {
    name: 'an id of 81 characters',
    mutations: [mutate(EV, setCell(2, 'id', `p-${'b'.repeat(79)}`))],
    refused: onDasar('id', 'id-length'),
  },
  ...['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((field) => ({
    name: `a flag on a field named "${field}"`,
    mutations: [mutate('flags.csv', appendRow(flagRow(field)))],
    refused: [{ file: 'flags.csv', line: 2, row: 1, column: 'field', value: field, rule: 'flag-field' }],
  })),

  // What used to crash
  ...controlCases,
  {
    name: 'a right-to-left override left open in a title',
    mutations: [mutate(EV, setCell(2, 'title', 'Pelatihan \u202Ekitab batik'))],
    refused: onDasar('title', 'text-characters', { message: /U\+202E/ }),
  },
  {
    name: 'a right-to-left isolate left open in an English title',
    mutations: [mutate(EV, setCell(2, 'title_en', 'Batik \u2067training'))],
    refused: onDasar('title_en', 'text-characters', { message: /U\+2067/ }),
  },
  {
    name: 'a bidirectional close with no opening',
    mutations: [mutate(EV, setCell(2, 'title', 'Pelatihan batik\u202C'))],
    refused: onDasar('title', 'text-characters', { message: /U\+202C/ }),
  },
  {
    name: 'right-to-left text closed properly: accepted verbatim',
    mutations: [mutate(EV, setCell(2, 'title', 'Pelatihan \u202Bباتيك\u202C batik'))],
    accepted: (d) => expect(event(d).title).toBe('Pelatihan \u202Bباتيك\u202C batik'),
  },
  {
    name: 'a control character in a claimed text (venue)',
    mutations: [mutate(CL, setCell(claimLine(DASAR, 'venue'), 'value', 'Gedung\u0007Islamic Center'))],
    refused: onClaim(claimLine(DASAR, 'venue'), 'value', 'text-characters', { message: /U\+0007/ }),
  },
  {
    name: 'a report file that is a folder',
    mutations: [reportAsFolder('blitar.txt')],
    refused: [{ file: SRC, line: 4, row: 3, column: 'report_file', value: 'blitar.txt', rule: 'report-file' }],
  },
  {
    name: 'a reports folder that is a file, where reports are required',
    mutations: [removeReports, (root) => writeFileSync(join(root, 'reports'), 'not a folder\n')],
    requireReports: true,
    refused: [{ file: SRC, rule: 'reports-missing' }],
  },
  {
    name: 'organisations.json nested 100,000 deep',
    mutations: [mutate('organisations.json', onLine(3, (l) => `${l}\n    "deep": ${'['.repeat(100_000)}${']'.repeat(100_000)},`))],
    refused: [{ file: 'organisations.json', line: 4, rule: 'json-depth' }],
  },
  {
    name: 'organisations.json: a name with a leading space (which would slip past a formula guard)',
    mutations: [mutate('organisations.json', (t) => t.replace('"abbreviation": "DKUPP"', '"abbreviation": " =cmd|\' /C calc\'!A0"'))],
    refused: [{ file: 'organisations.json', rule: 'no-surrounding-space', value: " =cmd|' /C calc'!A0" }],
  },
  {
    name: 'organisations.json: a control character in a name',
    mutations: [mutate('organisations.json', (t) => t.replace('"name": "LSP Batik"', '"name": "LSP\\u0000Batik"'))],
    refused: [{ file: 'organisations.json', rule: 'text-characters', message: /U\+0000/ }],
  },

  // Addresses that show one site and open another
  ...[
    ['a Cyrillic look-alike host', 'https://j\u0430tim.antaranews.com/berita/604745', /Latin and Cyrillic.*xn--/],
    ['the same host written in punycode', 'https://xn--jtim-53d.antaranews.com/berita/604745', /Latin and Cyrillic/],
    ['a Greek letter in a Latin host', 'https://jatim.ant\u03B1ranews.com/berita/604745', /Latin and Greek/],
    ['a bare IP address with a port', 'http://93.184.216.34:8080/berita', /bare IP/],
  ].map(([what, url, message]) => ({
    name: `source url: ${what as string}`,
    mutations: [mutate(SRC, setCell(2, 'url', url as string))],
    refused: [{ file: SRC, line: 2, row: 1, column: 'url', rule: 'web-url', message: message as RegExp }],
  })),
  {
    name: 'source url: a host wholly in one other script: accepted',
    mutations: [mutate(SRC, setCell(2, 'url', 'https://\u0431\u0430\u0442\u0438\u043A.\u0440\u0444/berita'))],
    accepted: (d) => expect(d.sourceById.get(PROB1)!.url).toBe('https://\u0431\u0430\u0442\u0438\u043A.\u0440\u0444/berita'),
  },
  {
    name: 'a coordinates address with a look-alike host',
    mutations: [mutate('cities.csv', setCell(2, 'coordinates_source', 'https://id.wikiped\u0456a.org/wiki/Kota_Probolinggo'))],
    refused: [{ file: 'cities.csv', line: 2, row: 1, column: 'coordinates_source', rule: 'https-url', message: /Latin and Cyrillic/ }],
  },

  // Encodings and spreadsheet leftovers
  {
    name: 'a CSV file saved as UTF-16 without a byte-order mark: one message',
    mutations: [mutateBytes(EV, (b) => Buffer.from(b.toString('utf8'), 'utf16le'))],
    refused: [{ file: EV, line: 1, rule: 'utf-16', message: /CSV UTF-8/ }],
  },
  {
    name: 'a CSV file saved as UTF-16 with a byte-order mark: one message',
    mutations: [mutateBytes(EV, (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]))],
    refused: [{ file: EV, line: 1, rule: 'utf-16' }],
  },
  {
    name: 'organisations.json saved as UTF-16',
    mutations: [mutateBytes('organisations.json', (b) => Buffer.from(b.toString('utf8'), 'utf16le'))],
    refused: [{ file: 'organisations.json', line: 1, rule: 'utf-16' }],
  },
  {
    name: 'a spreadsheet row of only commas: one "blank row" problem',
    mutations: [mutate(EV, insertBefore(3, ',,,,,,,,'))],
    refused: [{ file: EV, line: 3, row: 2, rule: 'blank-row' }],
  },
  {
    name: 'spreadsheet rows of only commas at the end of a file',
    mutations: [mutate(EV, (t) => `${t},,,,,,,,\n,,,,,,,,\n`)],
    refused: [{ file: EV, line: 8, rule: 'blank-row' }, { file: EV, line: 9, rule: 'blank-row' }],
  },
  {
    name: 'evidence phrase with a soft hyphen, with a hint',
    mutations: [mutate(CL, setCell(PARTICIPANTS_LINE, 'evidence', 'diikuti seba\u00ADnyak 30 orang'))],
    refused: onClaim(PARTICIPANTS_LINE, 'evidence', 'evidence-not-found', { message: /U\+00AD/ }),
  },
];

const cases: Case[] = [
  // Files and headers
  { name: 'empty file', mutations: [mutate(EV, () => '')], refused: [{ file: EV, line: 1, rule: 'not-empty' }] },
  {
    name: 'header only',
    mutations: [mutate(CL, (t) => `${t.split('\n')[0]}\n`)],
    refused: [{ file: CL, line: 2, rule: 'has-rows' }],
  },
  {
    name: 'header only is fine for a list that may be empty (population.csv)',
    mutations: [mutate('population.csv', (t) => `${t.split('\n')[0]}\n`), setReport('context/bps-probolinggo.txt', null), mutate(SRC, dropRows((r) => r['id'] === BPS))],
    accepted: (d) => expect(d.population).toEqual([]),
  },
  {
    name: 'missing file (distinct.csv)',
    mutations: [mutatePath('data/distinct.csv', () => null)],
    refused: [{ file: 'distinct.csv', rule: 'file-missing' }],
  },
  {
    name: 'missing column',
    mutations: [mutate(EV, dropColumn('themes'))],
    refused: [{ file: EV, line: 1, column: 'themes', rule: 'header-missing' }],
  },
  {
    name: 'a column of the old model (participants in events.csv) is refused',
    mutations: [mutate(EV, addColumn('participants', '30'))],
    refused: [{ file: EV, line: 1, column: 'participants', rule: 'header-unknown' }],
  },
  {
    name: 'misspelled column, with a hint',
    mutations: [mutate(EV, renameColumn('organiser', 'orgainser'))],
    refused: [
      { file: EV, line: 1, column: 'orgainser', rule: 'header-unknown', message: /did you mean "organiser"\?/ },
      { file: EV, line: 1, column: 'organiser', rule: 'header-missing' },
    ],
  },
  {
    name: 'misspelled column of claims.csv, with a hint',
    mutations: [mutate(CL, renameColumn('evidence', 'evidnce'))],
    refused: [{ file: CL, line: 1, column: 'evidnce', rule: 'header-unknown', message: /did you mean "evidence"\?/ }],
  },
  {
    name: 'duplicated column',
    mutations: [mutate(EV, addColumn('title', 'x'))],
    refused: [{ file: EV, line: 1, column: 'title', rule: 'header-duplicate' }],
  },
  {
    name: 'byte-order mark: accepted and stripped',
    mutations: [mutateBytes(EV, (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]))],
    accepted: (d) => {
      expect(d.events).toHaveLength(EVENTS.length);
      expect(event(d).id).toBe(DASAR);
    },
  },
  {
    name: 'CRLF line ends: accepted, no CR left in any value',
    mutations: [mutate(EV, (t) => t.replace(/\n/g, '\r\n')), mutate(CL, (t) => t.replace(/\n/g, '\r\n'))],
    accepted: (d) => {
      expect(d.events).toHaveLength(EVENTS.length);
      for (const e of d.events) for (const v of Object.values(e)) if (typeof v === 'string') expect(v).not.toMatch(/\r/);
      for (const c of d.claims) for (const v of Object.values(c)) if (typeof v === 'string') expect(v).not.toMatch(/\r/);
      // The last column is blank, not "\r".
      expect(event(d).facility).toBeNull();
      expect(d.claims[0]!.best_reason).toBeNull();
    },
  },
  {
    name: 'a lone CR ends a line',
    // The line break that ends line 3 becomes a bare CR (as old Mac files have).
    mutations: [mutate(EV, (t) => `${t.split('\n').slice(0, 3).join('\n')}\r${t.split('\n').slice(3).join('\n')}`)],
    refused: [{ file: EV, line: 3, rule: 'line-ends' }],
  },
  {
    name: 'semicolon delimiter',
    mutations: [mutate(EV, withDelimiter(';'))],
    refused: [{ file: EV, line: 1, rule: 'delimiter', message: /semicolons/ }],
  },
  {
    name: 'tab delimiter',
    mutations: [mutate(EV, withDelimiter('\t'))],
    refused: [{ file: EV, line: 1, rule: 'delimiter', message: /tabs/ }],
  },

  // Rows
  {
    name: 'ragged row: too few cells',
    mutations: [mutate(EV, onLine(4, (l) => l.replace(/,[^,]*$/, '')))],
    refused: [{ file: EV, line: 4, row: 3, rule: 'row-width' }],
  },
  {
    name: 'ragged row: too many cells',
    mutations: [mutate(EV, onLine(6, (l) => `${l},x`))],
    refused: [{ file: EV, line: 6, row: 5, rule: 'row-width' }],
  },
  {
    name: 'unterminated quote',
    // In the last row, so no later quote can close it.
    mutations: [mutate(EV, setCell(7, 'title', '"tanpa tanda kutip penutup'))],
    refused: [{ file: EV, line: 7, rule: 'unterminated-quote' }],
  },
  {
    name: 'a stray quote that a later quote seems to close',
    // The quote opened on line 3 runs on to the first quote of line 5: reported where it opened.
    mutations: [mutate(EV, setCell(3, 'title', '"Pelatihan manajemen'))],
    refused: [{ file: EV, line: 3, rule: 'invalid-quote' }],
  },
  {
    name: 'blank row in the middle',
    mutations: [mutate(EV, insertBefore(5, ''))],
    refused: [{ file: EV, line: 5, row: 4, rule: 'blank-row' }],
  },
  {
    name: 'duplicate id, with the lines of both',
    mutations: [mutate(EV, setCell(6, 'id', MANAJEMEN))],
    refused: [{ file: EV, line: 6, row: 5, column: 'id', rule: 'unique', message: /line 3 \(row 2\)/ }],
  },
  {
    name: 'duplicate id after a multi-line cell: physical lines, not rows',
    mutations: [
      mutate(
        EV,
        edits(
          // Row 1 gets a title over two lines, so every later row starts one line further down.
          setCell(2, 'title', '"Pelatihan dasar\nbatik"'),
          // Was line 6 (row 5), now line 7; the first use is row 3, now on line 5.
          setCell(7, 'id', SERTIFIKASI),
        ),
      ),
    ],
    refused: [{ file: EV, line: 7, row: 5, column: 'id', rule: 'unique', message: /line 5 \(row 3\)/ }],
  },
  {
    name: 'a report linked twice to one record by "reported" rows',
    mutations: [mutate(CL, appendRow(claim('event', DASAR, PROB1, 'reported', 'diikuti sebanyak 30 orang')))],
    refused: onClaim(NEXT_CLAIM_LINE, 'field', 'unique', { value: 'reported' }),
  },

  // References: exact ids only
  { name: 'unknown city', mutations: [mutate(EV, setCell(2, 'city', 'surabaya'))], refused: onDasar('city', 'reference', { value: 'surabaya' }) },
  {
    name: 'unknown source of a claim',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'source', 'antara-000000'))],
    refused: onClaim(PARTICIPANTS, 'source', 'reference', { value: 'antara-000000' }),
  },
  {
    name: 'unknown record of a claim, with a hint',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'record_id', 'probolinggo-2022-pelatihan-dasar-batk'))],
    refused: onClaim(PARTICIPANTS, 'record_id', 'reference', { message: new RegExp(`did you mean "${DASAR}"`) }),
  },
  {
    name: 'a claim on a record of another type (a facility id as an event)',
    mutations: [mutate(CL, setCell(claimLine(SENTRA, 'status'), 'record_type', 'event'))],
    refused: onClaim(claimLine(SENTRA, 'status'), 'field', 'claim-field', { value: 'status' }),
  },
  {
    name: 'a blank organiser: no report names one',
    mutations: [mutate(EV, setCell(2, 'organiser', ''))],
    accepted: (d) => expect(event(d).organiser).toBeNull(),
  },
  {
    name: 'unknown organisation',
    mutations: [mutate(EV, setCell(2, 'organiser', 'dinas-tidak-ada'))],
    refused: onDasar('organiser', 'reference', { value: 'dinas-tidak-ada' }),
  },
  {
    name: 'unknown reprint_of',
    mutations: [mutate(SRC, setCell(3, 'reprint_of', 'antara-000000'))],
    refused: [{ file: SRC, line: 3, row: 2, column: 'reprint_of', value: 'antara-000000', rule: 'reference' }],
  },
  {
    name: 'a report that reprints itself',
    mutations: [mutate(SRC, setCell(3, 'reprint_of', PROB2))],
    refused: [{ file: SRC, line: 3, row: 2, column: 'reprint_of', rule: 'reprint-self' }],
  },
  {
    name: 'an event at a facility of another city',
    mutations: [mutate(EV, setCell(2, 'facility', GALERI))],
    refused: onDasar('facility', 'facility-city', { value: GALERI }),
  },
  {
    name: 'city in other case ("Blitar")',
    mutations: [mutate(EV, setCell(5, 'city', 'Blitar'))],
    refused: [{ file: EV, line: 5, row: 4, column: 'city', value: 'Blitar', rule: 'id-format', message: /did you mean "blitar"/ }],
  },
  {
    name: 'city with a trailing space ("blitar ")',
    mutations: [mutate(EV, setCell(5, 'city', quote('blitar ')))],
    refused: [
      { file: EV, line: 5, row: 4, column: 'city', value: 'blitar ', rule: 'no-surrounding-space' },
      { file: EV, line: 5, row: 4, column: 'city', value: 'blitar ', rule: 'id-format', message: /did you mean "blitar"/ },
    ],
  },
  {
    name: 'organisation city in other case ("Blitar") in organisations.json',
    mutations: [mutate('organisations.json', (t) => t.replace('"city": "blitar"', '"city": "Blitar"'))],
    refused: [{ file: 'organisations.json', line: 18, row: 2, column: 'city', value: 'Blitar', rule: 'reference', message: /did you mean "blitar"/ }],
  },
  {
    name: 'a distinct pair naming an unknown event',
    mutations: [mutate('distinct.csv', appendRow({ record_type: 'event', record_id: DASAR, other_id: 'tidak-ada', reason: 'Dua kegiatan berbeda.' }))],
    refused: [{ file: 'distinct.csv', line: 2, row: 1, column: 'other_id', value: 'tidak-ada', rule: 'reference' }],
  },

  // Dates
  {
    name: 'impossible date 2024-02-30',
    mutations: [mutate(CL, setCell(START, 'value', '2024-02-30'))],
    refused: onClaim(START, 'value', 'iso-date', { value: '2024-02-30' }),
  },
  {
    name: 'non-ISO date 30/01/2024',
    mutations: [mutate(CL, setCell(START, 'value', '30/01/2024'))],
    refused: onClaim(START, 'value', 'iso-date', { value: '30/01/2024' }),
  },
  {
    name: 'a date written to the month with precision "day"',
    mutations: [mutate(CL, setCell(START, 'value', '2022-05'))],
    refused: onClaim(START, 'precision', 'date-precision', { value: 'day' }),
  },
  {
    name: 'a date without its precision',
    mutations: [mutate(CL, setCell(START, 'precision', ''))],
    refused: onClaim(START, 'precision', 'date-precision'),
  },
  {
    name: 'a date of its own on a field that is not a status',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'date', '2022-05-23'))],
    refused: onClaim(PARTICIPANTS, 'date', 'claim-date', { value: '2022-05-23' }),
  },
  {
    name: 'a publication date less precise than its precision says',
    mutations: [mutate(SRC, setCell(2, 'published', '2022'))],
    refused: [{ file: SRC, line: 2, row: 1, column: 'published_precision', value: 'day', rule: 'date-precision' }],
  },
  {
    name: 'a publication precision outside day|week|month|year|unknown ("approximate")',
    mutations: [mutate(SRC, setCell(2, 'published_precision', 'approximate'))],
    refused: [{ file: SRC, line: 2, row: 1, column: 'published_precision', value: 'approximate', rule: 'enum' }],
  },
  {
    name: 'an unknown publication date: blank, precision "unknown"',
    mutations: [mutate(SRC, edits(setCell(3, 'published', ''), setCell(3, 'published_precision', 'unknown')))],
    accepted: (d) => {
      expect(d.sourceById.get(PROB2)!.published).toBeNull();
      expect(d.sourceById.get(PROB2)!.published_precision).toBe('unknown');
    },
  },

  // Counts
  ...participantCases,
  {
    name: 'a count with a unit that is not its own ("orang")',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'unit', 'orang'))],
    refused: onClaim(PARTICIPANTS, 'unit', 'claim-unit', { value: 'orang' }),
  },
  {
    name: 'a count with no basis',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'basis', ''))],
    refused: onClaim(PARTICIPANTS, 'basis', 'claim-basis'),
  },
  {
    name: 'a breakdown part on a figure that is not participants',
    mutations: [mutate(CL, setCell(claimLine(SERTIFIKASI, 'certified'), 'part', 'perempuan'))],
    refused: onClaim(claimLine(SERTIFIKASI, 'certified'), 'part', 'claim-part', { value: 'perempuan' }),
  },
  {
    name: 'a "reported" row with a value',
    mutations: [mutate(CL, setCell(claimLine(DASAR, 'reported'), 'value', '30'))],
    refused: onClaim(claimLine(DASAR, 'reported'), 'value', 'claim-value', { value: '30' }),
  },
  {
    name: 'no participants claim: not reported, null (not 0)',
    mutations: [mutate(CL, dropRows((r) => r['record_id'] === DASAR && r['field'] === 'participants'))],
    accepted: (d) => {
      const e = event(d);
      expect(e.participants).toBeNull();
      expect(e.participants_basis).toBeNull();
      expect(e.participants_unit).toBeNull();
      expect(e.estimates.participants).toBeUndefined();
    },
  },

  // Claims: fields, evidence and reports
  {
    name: 'a claim field unknown for the record type (participants of a facility)',
    mutations: [mutate(CL, setCell(claimLine(SENTRA, 'status'), 'field', 'participants'))],
    refused: onClaim(claimLine(SENTRA, 'status'), 'field', 'claim-field', { value: 'participants', message: /facility: reported, status/ }),
  },
  {
    name: 'a figure not in its evidence phrase (participants 300, "diikuti sebanyak 30 orang")',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'value', '300'))],
    refused: onClaim(PARTICIPANTS, 'value', 'figure-not-in-evidence', { value: '300' }),
  },
  {
    name: 'a population figure not in its evidence phrase',
    mutations: [mutate('population.csv', setCell(2, 'value', '239650'))],
    refused: [{ file: 'population.csv', line: 2, row: 1, column: 'value', value: '239650', rule: 'figure-not-in-evidence' }],
  },
  {
    name: 'an evidence phrase shorter than 5 characters',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'evidence', '30'))],
    refused: onClaim(PARTICIPANTS, 'evidence', 'evidence-too-short', { value: '30' }),
  },
  { name: 'evidence phrase missing', mutations: [mutate(CL, setCell(PARTICIPANTS, 'evidence', ''))], refused: onClaim(PARTICIPANTS, 'evidence', 'required') },
  {
    name: 'evidence phrase not in its report',
    mutations: [mutate(CL, setCell(claimLine(DASAR, 'reported'), 'evidence', 'menggelar pelatihan batik tingkat nasional'))],
    refused: onClaim(claimLine(DASAR, 'reported'), 'evidence', 'evidence-not-found'),
  },
  {
    name: 'evidence phrase with an invisible character, with a hint',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'evidence', 'diikuti\u200B sebanyak 30 orang'))],
    refused: onClaim(PARTICIPANTS, 'evidence', 'evidence-not-found', { message: /invisible character/ }),
  },
  {
    name: 'an organisation name not in the report it cites',
    mutations: [mutate('organisations.json', (t) => t.replace('"name": "DKUPP"', '"name": "DKUPP Kota"'))],
    refused: [{ file: 'organisations.json', row: 1, column: 'variants.0.name', value: 'DKUPP Kota', rule: 'evidence-not-found' }],
  },
  {
    name: 'a claim from a rejected source',
    mutations: [mutate(CL, appendRow(claim('event', BLITAR, KAB, 'reported', 'Pemkab Blitar menggelar pelatihan batik')))],
    refused: onClaim(NEXT_CLAIM_LINE, 'source', 'rejected-source', { value: KAB }),
  },
  {
    name: 'figures from a report with no "reported" row',
    mutations: [mutate(CL, appendRow(claim('event', DASAR, PROB2, 'participants', 'bagi 25 pelaku IKM batik', { value: '25', unit: 'people', basis: 'count' })))],
    refused: onClaim(NEXT_CLAIM_LINE, 'field', 'reported-missing', { value: 'participants' }),
  },
  {
    name: 'a record no report tells',
    mutations: [mutate(CL, dropRows((r) => r['record_id'] === PAMERAN))],
    refused: [{ file: EV, line: 6, row: 5, column: 'id', value: PAMERAN, rule: 'record-unreported' }],
  },
  {
    name: 'one report giving two different undated statuses for one facility',
    mutations: [mutate(CL, appendRow(claim('facility', SENTRA, PROB2, 'status', 'Sentra itu sempat dibangun ulang', { value: 'under_construction' })))],
    refused: onClaim(NEXT_CLAIM_LINE, 'value', 'status-per-report', { value: 'under_construction', message: new RegExp(`line ${claimLine(SENTRA, 'status')}`) }),
  },
  {
    name: 'one report giving two statuses, the earlier with its own date: accepted',
    mutations: [mutate(CL, appendRow(claim('facility', SENTRA, PROB2, 'status', 'Sentra itu sempat dibangun ulang', { value: 'under_construction', date: '2021', precision: 'year' })))],
    accepted: (d) => expect(d.facilityById.get(SENTRA)!.statuses.map((s) => s.status)).toEqual(['under_construction', 'operating']),
  },
  {
    name: 'a facility status that is not one ("opened")',
    mutations: [mutate(CL, setCell(claimLine(SENTRA, 'status'), 'value', 'opened'))],
    refused: onClaim(claimLine(SENTRA, 'status'), 'value', 'enum', { value: 'opened' }),
  },

  // Reports folder
  {
    name: 'an empty (0-byte) report file',
    mutations: [setReport('blitar.txt', '')],
    refused: [{ file: SRC, line: 4, row: 3, column: 'report_file', value: 'blitar.txt', rule: 'report-empty' }],
  },
  {
    name: 'a whitespace-only report file',
    mutations: [setReport('blitar.txt', ' \n\t\n')],
    refused: [{ file: SRC, line: 4, row: 3, column: 'report_file', value: 'blitar.txt', rule: 'report-empty' }],
  },
  {
    name: 'a report file that is not UTF-8',
    mutations: [setReport('blitar.txt', Buffer.from([0x57, 0x61, 0x6c, 0x69, 0xff, 0x0a]))],
    refused: [{ file: SRC, line: 4, row: 3, column: 'report_file', rule: 'report-encoding' }],
  },
  {
    name: 'a report file missing from the folder',
    mutations: [setReport('blitar.txt', null)],
    refused: [{ file: SRC, line: 4, row: 3, column: 'report_file', value: 'blitar.txt', rule: 'report-file' }],
  },
  {
    name: 'a report file in the folder not registered in sources.csv',
    mutations: [setReport('stray.txt', 'Berita yang tidak terdaftar.\n')],
    refused: [{ file: SRC, value: 'stray.txt', rule: 'report-unregistered' }],
  },
  {
    name: 'a report file in context/ not registered in sources.csv',
    mutations: [setReport('context/stray.txt', 'Data penduduk yang tidak terdaftar.\n')],
    refused: [{ file: SRC, value: 'context/stray.txt', rule: 'report-unregistered' }],
  },
  {
    name: 'missing reports folder: a warning, and the dataset loads unchecked',
    mutations: [removeReports],
    warned: [{ file: SRC, rule: 'reports-missing' }],
    accepted: (d, problems) => {
      expect(d.events).toHaveLength(EVENTS.length);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    },
  },
  {
    name: 'missing reports folder where reports are required: an error',
    mutations: [removeReports],
    requireReports: true,
    refused: [{ file: SRC, rule: 'reports-missing' }],
  },

  // Sources
  {
    name: 'a claim note in English without its Indonesian',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'note', 'Counted from the text.'))],
    refused: onClaim(PARTICIPANTS, 'note_id', 'claim-note'),
  },
  {
    name: 'a curator’s choice of best value with its reason only in Indonesian',
    mutations: [mutate(CL, setCell(PARTICIPANTS, 'best_reason_id', 'Dipastikan dinas.'))],
    refused: onClaim(PARTICIPANTS, 'best_reason', 'claim-best-reason'),
  },
  {
    name: 'a report without the Indonesian note on its publication date',
    mutations: [mutate(SRC, setCell(2, 'published_basis_id', ''))],
    refused: [{ file: SRC, line: 2, row: 1, column: 'published_basis_id', rule: 'required' }],
  },
  {
    name: 'a rejected report without the reason in English',
    mutations: [mutate(SRC, setCell(6, 'rejected_note_en', ''))],
    refused: [{ file: SRC, line: 6, row: 5, column: 'rejected_note_en', rule: 'rejected-note' }],
  },
  {
    name: 'a rejection reason that is not one ("regency")',
    mutations: [mutate(SRC, setCell(6, 'rejected', 'regency'))],
    refused: [{ file: SRC, line: 6, row: 5, column: 'rejected', value: 'regency', rule: 'enum' }],
  },
  {
    name: 'a blank title whose basis is not "none"',
    mutations: [mutate(SRC, setCell(4, 'title_basis', 'headline'))],
    refused: [{ file: SRC, line: 4, row: 3, column: 'title_basis', rule: 'title-basis' }],
  },
  {
    name: 'a report file outside the reports folder ("../x.txt")',
    mutations: [mutate(SRC, setCell(4, 'report_file', '../blitar.txt'))],
    refused: [{ file: SRC, line: 4, row: 3, column: 'report_file', value: '../blitar.txt', rule: 'report-file' }],
  },

  // Likely duplicates
  {
    name: 'two events of one city and kind on overlapping dates: a warning',
    mutations: [mutate(CL, edits(setCell(claimLine(MANAJEMEN, 'start_date'), 'value', '2022-05-24'), setCell(claimLine(MANAJEMEN, 'end_date'), 'value', '2022-05-26')))],
    warned: [{ file: EV, line: 3, row: 2, column: 'id', value: MANAJEMEN, rule: 'possible-duplicate', message: new RegExp(DASAR) }],
    accepted: (d) => expect(d.events).toHaveLength(EVENTS.length),
  },
  {
    name: 'the same pair listed in distinct.csv: no warning',
    mutations: [
      mutate(CL, edits(setCell(claimLine(MANAJEMEN, 'start_date'), 'value', '2022-05-24'), setCell(claimLine(MANAJEMEN, 'end_date'), 'value', '2022-05-26'))),
      mutate('distinct.csv', appendRow({ record_type: 'event', record_id: DASAR, other_id: MANAJEMEN, reason: 'Dua pelatihan berbeda pada pekan yang sama.' })),
    ],
    notWarned: ['possible-duplicate'],
    accepted: (d) => expect(d.distinct).toHaveLength(1),
  },

  // Enumerations
  { name: 'unknown kind "workshop"', mutations: [mutate(EV, setCell(2, 'kind', 'workshop'))], refused: onDasar('kind', 'enum', { value: 'workshop' }) },
  {
    name: 'a value in other case ("Training"), with a hint',
    mutations: [mutate(EV, setCell(2, 'kind', 'Training'))],
    refused: onDasar('kind', 'enum', { value: 'Training', message: /did you mean "training"/ }),
  },

  // Addresses
  ...urlCases,

  // Encoding and invisible characters
  {
    name: 'bytes that are not UTF-8',
    mutations: [mutateBytes(EV, insertBytesBefore('Sertifikasi kompetensi profesi batik,', [0xff, 0xfe]))],
    refused: [{ file: EV, line: 4, rule: 'utf-8' }],
  },
  {
    name: 'zero-width space inside an id',
    mutations: [mutate(EV, setCell(2, 'id', 'probolinggo-2022-pelatihan\u200B-dasar-batik'))],
    refused: onDasar('id', 'id-format', { message: /U\+200B/ }),
  },
  {
    name: 'non-breaking space inside an id',
    mutations: [mutate(EV, setCell(2, 'id', 'probolinggo-2022-pelatihan\u00A0dasar-batik'))],
    refused: onDasar('id', 'id-format', { message: /U\+00A0/ }),
  },

  // organisations.json
  {
    name: 'JSON: duplicate key',
    mutations: [mutate('organisations.json', onLine(5, (l) => `${l}\n    "kind": "other",`))],
    refused: [{ file: 'organisations.json', line: 6, column: 'kind', rule: 'json-duplicate-key', message: /first on line 5/ }],
  },
  {
    name: 'JSON: trailing comma',
    mutations: [mutate('organisations.json', onLine(12, (l) => `${l},`))],
    refused: [{ file: 'organisations.json', line: 13, rule: 'json-syntax', message: /trailing comma/ }],
  },
  {
    name: 'JSON: __proto__ key',
    mutations: [mutate('organisations.json', onLine(3, (l) => `${l}\n    "__proto__": { "kind": "other" },`))],
    refused: [{ file: 'organisations.json', line: 4, column: '__proto__', rule: 'json-forbidden-key' }],
  },

  // Text is kept as text
  {
    name: 'markup in a title is kept verbatim as text',
    mutations: [mutate(EV, setCell(2, 'title', '<script>alert(1)</script>'))],
    accepted: (d) => expect(event(d).title).toBe('<script>alert(1)</script>'),
  },
  {
    name: 'markup in a claimed text (venue) is kept verbatim as text',
    mutations: [mutate(CL, setCell(claimLine(DASAR, 'venue'), 'value', quote('<img src=x onerror=alert(1)>')))],
    accepted: (d) => expect(event(d).venue).toBe('<img src=x onerror=alert(1)>'),
  },
  ...formulaCases,
  ...hostileCases,

  // Every problem at once
  {
    name: 'all problems are listed at once, across files',
    mutations: [mutate('cities.csv', setCell(3, 'kind', 'kotamadya')), mutate(CL, setCell(START, 'value', '2022-13-01'))],
    refused: [
      { file: 'cities.csv', line: 3, row: 2, column: 'kind', value: 'kotamadya', rule: 'enum' },
      { file: CL, line: START, row: START - 1, column: 'value', value: '2022-13-01', rule: 'iso-date' },
    ],
  },
];

describe('bad inputs', () => {
  it('the unmutated base dataset loads, with no error and no warning', () => {
    const { dataset, problems, evidenceChecked } = loadDataset({ dataDir: join(base, 'data'), reportsDir: join(base, 'reports'), requireReports: true });
    expect(formatProblems(problems)).toBe('0 errors, 0 warnings');
    expect(dataset).not.toBeNull();
    expect(evidenceChecked).toBe(true);
    // The figures come from the claims.
    const e = event(dataset!);
    expect([e.participants, e.start_date, e.end_date, e.duration_days, e.venue]).toEqual([30, '2022-05-23', '2022-05-27', 5, 'Gedung Islamic Center']);
    expect(dataset!.facilityById.get(GALERI)!.funding).toBe(1_200_000_000);
    expect(dataset!.policyById.get(PERWALI)!.year).toBe(2023);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { dataset, problems } = loadMutated(c.mutations, c.requireReports);
    const report = formatProblems(problems);
    for (const e of c.warned ?? []) expect(problems.some((p) => matches(p, e, 'warning')), `${JSON.stringify(e)} not in\n${report}`).toBe(true);
    for (const rule of c.notWarned ?? []) expect(problems.filter((p) => p.rule === rule), report).toEqual([]);
    if (c.accepted) {
      expect(dataset, report).not.toBeNull();
      c.accepted(dataset!, problems);
      return;
    }
    expect(dataset, report).toBeNull();
    expect(c.refused?.length).toBeGreaterThan(0);
    for (const e of c.refused ?? []) expect(problems.some((p) => matches(p, e, 'error')), `${JSON.stringify(e)} not in\n${report}`).toBe(true);
  });

  it('an end date before the start date the same report gives is refused', () => {
    const { dataset, problems } = loadMutated([mutate(CL, setCell(claimLine(DASAR, 'end_date'), 'value', '2022-05-20'))]);
    expect(dataset, formatProblems(problems)).toBeNull();
    // The same report's five days then disagree with its dates as well.
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.column, p.rule])).toEqual([
      ['claims.csv', 'value', 'end-before-start'],
      ['claims.csv', 'value', 'duration-dates'],
    ]);
  });
});
