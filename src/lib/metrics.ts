import { latestStatus, type BatikEvent, type Facility } from './dataset';
import type { Estimate } from './estimate';
import type { CountUnit } from './schema';

/**
 * The comparison metrics: each defined once, here, with its definition in both languages.
 * data/README.md quotes the English definitions word for word (a test checks it), and the
 * pages print them from here.
 */

/**
 * The comparison covers the period of the reports read, from 2009. An event a report dates
 * earlier (a 19th-century exhibition recalled in a feature) stays in the data and on its
 * page, but is not counted or charted: it says nothing of how a city develops its industry now.
 */
export const COMPARISON_START_YEAR = 2009;

/** Whether an event is counted: undated, or starting (or, with no start, ending) in the comparison period. */
export const inComparisonPeriod = (e: BatikEvent): boolean => {
  const date = e.start_date ?? e.end_date;
  return date === null || Number(date.slice(0, 4)) >= COMPARISON_START_YEAR;
};

/** The records of one city that metrics are computed from. */
export interface CityRecords {
  events: readonly BatikEvent[];
  facilities: readonly Facility[];
  /** The report a report reprints, followed to the first, so a reprint is not counted as a second report; by default each report is its own. */
  original?: (source: string) => string;
}

/**
 * What part of a metric's value can be, beyond a plain count: a target ("sasaran"), an
 * approximation ("sekitar"), a lower bound ("lebih dari"), a figure inferred from the text,
 * or, for facilities, a building only planned or under construction. Every page, chart and
 * download that shows a value says which of these it includes.
 */
export const QUALIFIERS = ['target', 'approximate', 'at_least', 'inferred', 'planned', 'under_construction'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** The figure bases that qualify a value: the others (count, reported, dates) are plain counts. */
const BASIS_QUALIFIER: Readonly<Record<string, Qualifier>> = { target: 'target', approximate: 'approximate', at_least: 'at_least', inferred: 'inferred' };

/** The part of a value one qualifier covers: how much of it, from which records. */
export interface QualifiedPart {
  value: number;
  records: string[];
}

/**
 * A metric's value for one city. `value` is null when no record reports the figure: that is
 * "not reported", never zero. `records` are the ids of the records summed; `missing` counts
 * records that should contribute but do not report the figure.
 *
 * A value may sum figures of different kinds (Blitar's participants add a target of 70 to
 * counts), so it carries what it is made of: the bases and units of the figures summed, the
 * part of it each qualifier covers, and the reports behind it.
 */
export interface MetricValue {
  value: number | null;
  /** The sums of the lowest and highest values the reports give; equal to value when no report disagrees. */
  low: number | null;
  high: number | null;
  records: string[];
  missing: string[];
  /** The bases of the figures summed (count, target, inferred, …), in the order first met; empty when the metric counts records. */
  bases: string[];
  /** The units of the figures summed (people, businesses, pupils); empty when the metric counts records or days. */
  units: CountUnit[];
  /** The part of the value that is not a plain count, by qualifier; no key when none of it is. */
  qualified: Partial<Record<Qualifier, QualifiedPart>>;
  /** The independent reports behind the figures summed (a reprint counts with its original). */
  sources: string[];
}

export type MetricId = 'trainings' | 'participants' | 'businesses' | 'pupils' | 'certified' | 'facilities' | 'exhibitions' | 'training_days' | 'person_days';

export interface Metric {
  id: MetricId;
  label: { id: string; en: string };
  /** What the figure counts, when it counts people, businesses or pupils; null for records and days. */
  unit: CountUnit | null;
  definition: { id: string; en: string };
  /** What the figure does and does not mean; record-specific caveats come from the flags. */
  meaning: { id: string; en: string };
  /** The record fields the figure reads: a quality flag on one of them is a caveat of the figure. */
  fields: readonly string[];
  compute(records: CityRecords): MetricValue;
}

const trainingsOf = (r: CityRecords) => r.events.filter((e) => e.kind === 'training');

/**
 * A record's figure as best, low and high, with what it is: its bases, its unit and the
 * reports that give it; null when the record does not report it.
 */
interface Figure {
  best: number;
  low: number;
  high: number;
  bases: (string | null)[];
  unit: CountUnit | null;
  sources: string[];
}

const figureOf = (e: Estimate, unit: CountUnit | null = null): Figure => ({
  best: e.best,
  low: e.low,
  high: e.high,
  bases: [e.basis],
  unit,
  sources: [...new Set(e.claims.map((c) => c.source))],
});

/** An empty value: nothing reported. */
const emptyValue = (missing: string[] = []): MetricValue => ({ value: null, low: null, high: null, records: [], missing, bases: [], units: [], qualified: {}, sources: [] });

function addQualified(qualified: MetricValue['qualified'], q: Qualifier, value: number, record: string) {
  const part = (qualified[q] ??= { value: 0, records: [] });
  part.value += value;
  if (!part.records.includes(record)) part.records.push(record);
}

const independent = (r: CityRecords, sources: Iterable<string>): string[] => [...new Set([...sources].map(r.original ?? ((s) => s)))];

/** Sums a figure over records, keeping which records gave it, which did not, and what each figure is. */
function sumOver<T extends { id: string }>(r: CityRecords, items: readonly T[], figure: (item: T) => Figure | null): MetricValue {
  let [total, low, high] = [0, 0, 0];
  const records: string[] = [];
  const missing: string[] = [];
  const bases = new Set<string>();
  const units = new Set<CountUnit>();
  const sources = new Set<string>();
  const qualified: MetricValue['qualified'] = {};
  for (const item of items) {
    const v = figure(item);
    if (v === null) {
      missing.push(item.id);
      continue;
    }
    total += v.best;
    low += v.low;
    high += v.high;
    records.push(item.id);
    if (v.unit) units.add(v.unit);
    v.sources.forEach((s) => sources.add(s));
    const own = new Set<Qualifier>();
    for (const b of v.bases)
      if (b !== null) {
        bases.add(b);
        const q = BASIS_QUALIFIER[b];
        if (q) own.add(q);
      }
    // A record's whole figure is covered by each qualifier it carries: a target × days is all target.
    for (const q of own) addQualified(qualified, q, v.best, item.id);
  }
  if (!records.length) return emptyValue(missing);
  return { value: total, low, high, records, missing, bases: [...bases], units: [...units], qualified, sources: independent(r, sources) };
}

/** A count of records; a facility only planned or under construction (by its latest status) is counted and said so. */
function countOf(r: CityRecords, items: readonly (BatikEvent | Facility)[]): MetricValue {
  if (!items.length) return emptyValue();
  const qualified: MetricValue['qualified'] = {};
  for (const item of items)
    if ('statuses' in item) {
      const status = latestStatus(item)?.status;
      if (status === 'planned' || status === 'under_construction') addQualified(qualified, status, 1, item.id);
    }
  return {
    value: items.length,
    low: items.length,
    high: items.length,
    records: items.map((i) => i.id),
    missing: [],
    bases: [],
    units: [],
    qualified,
    sources: independent(r, items.flatMap((i) => i.sources)),
  };
}

/** A training's participants in one unit, as best and range; null when reported in another unit or not at all. */
const participantsIn = (unit: CountUnit) => (e: BatikEvent): Figure | null => {
  const p = e.estimates.participants;
  return p && p.unit === unit ? figureOf(p, unit) : null;
};

const durationOf = (e: BatikEvent): Figure | null => {
  const d = e.estimates.duration_days;
  if (d) return figureOf(d);
  // Counted from exact dates: the reports that tell the event give them.
  return e.duration_days === null ? null : { best: e.duration_days, low: e.duration_days, high: e.duration_days, bases: [e.duration_basis], unit: null, sources: e.sources };
};

/** People × days, for one training; null unless both are reported (participants counted as people). */
export const personDays = (e: BatikEvent): number | null => personDayRange(e)?.best ?? null;
function personDayRange(e: BatikEvent): Figure | null {
  const p = participantsIn('people')(e);
  const d = durationOf(e);
  return p && d
    ? { best: p.best * d.best, low: p.low * d.low, high: p.high * d.high, bases: [...p.bases, ...d.bases], unit: 'people', sources: [...new Set([...p.sources, ...d.sources])] }
    : null;
}

export const METRICS: readonly Metric[] = [
  {
    id: 'trainings',
    unit: null,
    label: { id: 'Pelatihan', en: 'Trainings' },
    definition: {
      id: 'Jumlah kegiatan berjenis pelatihan.',
      en: 'The number of events of kind training.',
    },
    meaning: {
      id: 'Menghitung kegiatan, bukan ukurannya: pelatihan sehari dan lima hari sama-sama dihitung satu. Hanya pelatihan yang diberitakan yang terhitung.',
      en: 'Counts events, not their size: a one-day and a five-day training count one each. Only trainings that made the news are counted.',
    },
    fields: ['kind'],
    compute: (r) => countOf(r, trainingsOf(r)),
  },
  {
    id: 'participants',
    unit: 'people',
    label: { id: 'Peserta', en: 'Participants' },
    definition: {
      id: 'Jumlah angka peserta (orang) yang dilaporkan untuk pelatihan, dihitung per keikutsertaan, bukan per orang; angka sasaran ikut dijumlahkan dan ditandai; angka yang menghitung usaha atau pelajar tidak ikut.',
      en: 'The sum of reported participant figures in people over trainings: seats, not unique people; target figures are included and flagged; figures counting businesses or pupils are left out.',
    },
    meaning: {
      id: 'Dihitung per keikutsertaan: orang yang ikut dua pelatihan terhitung dua kali. Sebagian angka berupa sasaran atau disimpulkan dari teks; angkanya menyebut hal itu, dan catatannya ada di bawah. Angka yang menghitung usaha atau pelajar dijumlahkan terpisah.',
      en: 'Seats, not unique people: someone in two trainings counts twice. Some figures are targets or inferred from the text; the figure says so, and those records are flagged below. Figures counting businesses or pupils are summed apart.',
    },
    fields: ['participants', 'participants_basis', 'participants_unit'],
    compute: (r) => sumOver(r, trainingsOf(r), participantsIn('people')),
  },
  {
    id: 'businesses',
    unit: 'businesses',
    label: { id: 'Usaha peserta', en: 'Businesses trained' },
    definition: {
      id: 'Jumlah angka peserta yang dilaporkan dalam satuan usaha (UKM, IKM) untuk pelatihan.',
      en: 'The sum of reported participant figures counted in businesses (SMEs) over trainings.',
    },
    meaning: {
      id: 'Sebagian laporan menghitung usaha, bukan orang; angka itu dijumlahkan di sini, tidak dicampur dengan peserta orang.',
      en: 'Some reports count businesses rather than people; those figures are summed here and never mixed with participants counted as people.',
    },
    fields: ['participants'],
    compute: (r) => sumOver(r, trainingsOf(r), participantsIn('businesses')),
  },
  {
    id: 'pupils',
    unit: 'pupils',
    label: { id: 'Pelajar peserta', en: 'Pupils trained' },
    definition: {
      id: 'Jumlah angka peserta yang dilaporkan dalam satuan pelajar (siswa) untuk pelatihan.',
      en: 'The sum of reported participant figures counted in pupils over trainings.',
    },
    meaning: {
      id: 'Pelatihan membatik untuk pelajar dihitung terpisah dari pelatihan pelaku usaha.',
      en: 'Batik lessons for school pupils are counted apart from trainings of craftspeople and businesses.',
    },
    fields: ['participants'],
    compute: (r) => sumOver(r, trainingsOf(r), participantsIn('pupils')),
  },
  {
    id: 'certified',
    unit: 'people',
    label: { id: 'Tersertifikasi', en: 'Certified' },
    definition: {
      id: 'Jumlah orang yang dilaporkan tersertifikasi, baik melalui program sertifikasi maupun sebagai keluaran pelatihan; untuk putaran sertifikasi yang hanya melaporkan jumlah peserta uji, jumlah peserta itu.',
      en: 'The number of people reported as certified, whether by a certification programme or as the output of a training; for a certification round that reports only how many sat it, that number.',
    },
    meaning: {
      id: 'Sebagian angka disimpulkan dari teks (misalnya “peserta mendapatkan sertifikat”) dan ditandai. “Tidak dilaporkan” berarti laporan kota itu tidak menyebut sertifikasi, bukan berarti tidak ada yang tersertifikasi.',
      en: 'Some figures are inferred from the text (e.g. “participants receive a certificate”) and flagged. “Not reported” means the city\'s reports do not mention certification, not that nobody is certified.',
    },
    fields: ['certified'],
    compute: (r) =>
      sumOver(r, r.events.filter((e) => e.kind === 'certification' || e.certified !== null), (e) => {
        // A round that reports only who sat it counts those people, so cities are compared alike.
        const c = e.estimates.certified ?? (e.kind === 'certification' && e.estimates.participants?.unit === 'people' ? e.estimates.participants : undefined);
        return c ? figureOf(c, 'people') : null;
      }),
  },
  {
    id: 'facilities',
    unit: null,
    label: { id: 'Fasilitas', en: 'Facilities' },
    definition: {
      id: 'Jumlah fasilitas fisik (sentra batik, gedung) dalam laporan, apa pun statusnya; peralatan yang diberikan kepada peserta dicatat pada pelatihannya.',
      en: 'The number of physical facilities (a batik centre, a building) in the reports, whatever their status; equipment handed to trainees is recorded on the training.',
    },
    meaning: {
      id: 'Menghitung fasilitas yang disebut laporan, termasuk yang direncanakan atau sedang dibangun; tidak mengukur ukuran atau pemakaiannya.',
      en: 'Counts facilities named in the reports, planned or under construction included; it says nothing about their size or use.',
    },
    fields: ['status'],
    compute: (r) => countOf(r, r.facilities),
  },
  {
    id: 'exhibitions',
    unit: null,
    label: { id: 'Pameran', en: 'Exhibitions' },
    definition: {
      id: 'Jumlah kegiatan berjenis pameran.',
      en: 'The number of events of kind exhibition.',
    },
    meaning: {
      id: 'Menghitung pameran yang disebut laporan; laporan bisa menyinggung pameran lain tanpa merincinya.',
      en: 'Counts exhibitions named in the reports; a report may mention others without listing them.',
    },
    fields: ['kind'],
    compute: (r) => countOf(r, r.events.filter((e) => e.kind === 'exhibition')),
  },
  {
    id: 'training_days',
    unit: null,
    label: { id: 'Hari pelatihan', en: 'Training days' },
    definition: {
      id: 'Jumlah lama pelatihan dalam hari, untuk pelatihan yang lamanya dilaporkan atau dapat dihitung dari tanggal pasti.',
      en: 'The sum of training durations in days, over trainings whose length is reported or follows from exact dates.',
    },
    meaning: {
      id: 'Menjumlahkan hari kalender, bukan jam; pelatihan yang lamanya tidak dilaporkan tidak ikut dihitung.',
      en: 'Sums calendar days, not hours; trainings whose length is not reported are left out and counted as missing.',
    },
    fields: ['duration_days', 'start_date', 'end_date'],
    compute: (r) => sumOver(r, trainingsOf(r), durationOf),
  },
  {
    id: 'person_days',
    unit: null,
    label: { id: 'Hari-orang', en: 'Person-days' },
    definition: {
      id: 'Jumlah peserta (orang) × hari untuk setiap pelatihan yang melaporkan keduanya.',
      en: 'The sum of participants (people) × days over trainings that report both.',
    },
    meaning: {
      id: 'Peserta × hari, gambaran kasar banyaknya pelatihan; catatan kedua angka itu ikut menyertainya.',
      en: 'Participants × days, a rough measure of training volume; it carries the caveats of both figures.',
    },
    fields: ['participants', 'participants_basis', 'participants_unit', 'duration_days', 'start_date', 'end_date'],
    compute: (r) => sumOver(r, trainingsOf(r), personDayRange),
  },
];

/** The four figures every city is introduced by: on the home page, its share image and chart. */
export const HEADLINE_METRICS: readonly MetricId[] = ['trainings', 'participants', 'certified', 'facilities'];

export const metricById = (id: string): Metric | undefined => METRICS.find((m) => m.id === id);
