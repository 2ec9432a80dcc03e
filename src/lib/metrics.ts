import type { BatikEvent, Facility } from './dataset';
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
}

/**
 * A metric's value for one city. `value` is null when no record reports the figure: that is
 * "not reported", never zero. `records` are the ids of the records summed; `missing` counts
 * records that should contribute but do not report the figure.
 */
export interface MetricValue {
  value: number | null;
  /** The sums of the lowest and highest values the reports give; equal to value when no report disagrees. */
  low: number | null;
  high: number | null;
  records: string[];
  missing: string[];
}

export type MetricId = 'trainings' | 'participants' | 'businesses' | 'pupils' | 'certified' | 'facilities' | 'exhibitions' | 'training_days' | 'person_days';

export interface Metric {
  id: MetricId;
  label: { id: string; en: string };
  definition: { id: string; en: string };
  /** What the figure does and does not mean; record-specific caveats come from the flags. */
  meaning: { id: string; en: string };
  /** The record fields the figure reads: a quality flag on one of them is a caveat of the figure. */
  fields: readonly string[];
  compute(records: CityRecords): MetricValue;
}

const trainingsOf = (r: CityRecords) => r.events.filter((e) => e.kind === 'training');

/** A record's figure as best, low and high; null when the record does not report it. */
type Figure = { best: number; low: number; high: number } | null;

/** Sums a figure over records, keeping which records gave it and which did not. */
function sumOver<T extends { id: string }>(items: readonly T[], figure: (item: T) => Figure): MetricValue {
  let [total, low, high] = [0, 0, 0];
  const records: string[] = [];
  const missing: string[] = [];
  for (const item of items) {
    const v = figure(item);
    if (v === null) missing.push(item.id);
    else {
      total += v.best;
      low += v.low;
      high += v.high;
      records.push(item.id);
    }
  }
  return records.length ? { value: total, low, high, records, missing } : { value: null, low: null, high: null, records, missing };
}

const countOf = <T extends { id: string }>(items: readonly T[]): MetricValue => ({
  value: items.length ? items.length : null,
  low: items.length ? items.length : null,
  high: items.length ? items.length : null,
  records: items.map((i) => i.id),
  missing: [],
});

/** A training's participants in one unit, as best and range; null when reported in another unit or not at all. */
const participantsIn = (unit: CountUnit) => (e: BatikEvent): Figure => {
  const p = e.estimates.participants;
  return p && p.unit === unit ? { best: p.best, low: p.low, high: p.high } : null;
};

const durationOf = (e: BatikEvent): Figure => {
  const d = e.estimates.duration_days;
  if (d) return { best: d.best, low: d.low, high: d.high };
  return e.duration_days === null ? null : { best: e.duration_days, low: e.duration_days, high: e.duration_days };
};

/** People × days, for one training; null unless both are reported (participants counted as people). */
export const personDays = (e: BatikEvent): number | null => personDayRange(e)?.best ?? null;
function personDayRange(e: BatikEvent): Figure {
  const p = participantsIn('people')(e);
  const d = durationOf(e);
  return p && d ? { best: p.best * d.best, low: p.low * d.low, high: p.high * d.high } : null;
}

export const METRICS: readonly Metric[] = [
  {
    id: 'trainings',
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
    compute: (r) => countOf(trainingsOf(r)),
  },
  {
    id: 'participants',
    label: { id: 'Peserta', en: 'Participants' },
    definition: {
      id: 'Jumlah angka peserta (orang) yang dilaporkan untuk pelatihan: kursi, bukan orang yang berbeda; angka sasaran ikut dijumlahkan dan ditandai; angka yang menghitung usaha atau pelajar tidak ikut.',
      en: 'The sum of reported participant figures in people over trainings: seats, not unique people; target figures are included and flagged; figures counting businesses or pupils are left out.',
    },
    meaning: {
      id: 'Kursi, bukan orang yang berbeda: orang yang ikut dua pelatihan dihitung dua kali. Sebagian angka adalah sasaran atau menghitung usaha, bukan orang; catatan itu ditandai di bawah.',
      en: 'Seats, not unique people: someone in two trainings counts twice. Some figures are targets or count businesses rather than people; those records are flagged below.',
    },
    fields: ['participants', 'participants_basis', 'participants_unit'],
    compute: (r) => sumOver(trainingsOf(r), participantsIn('people')),
  },
  {
    id: 'businesses',
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
    compute: (r) => sumOver(trainingsOf(r), participantsIn('businesses')),
  },
  {
    id: 'pupils',
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
    compute: (r) => sumOver(trainingsOf(r), participantsIn('pupils')),
  },
  {
    id: 'certified',
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
      sumOver(r.events.filter((e) => e.kind === 'certification' || e.certified !== null), (e) => {
        // A round that reports only who sat it counts those people, so cities are compared alike.
        const c = e.estimates.certified ?? (e.kind === 'certification' && e.estimates.participants?.unit === 'people' ? e.estimates.participants : undefined);
        return c ? { best: c.best, low: c.low, high: c.high } : null;
      }),
  },
  {
    id: 'facilities',
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
    compute: (r) => countOf(r.facilities),
  },
  {
    id: 'exhibitions',
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
    compute: (r) => countOf(r.events.filter((e) => e.kind === 'exhibition')),
  },
  {
    id: 'training_days',
    label: { id: 'Hari pelatihan', en: 'Training days' },
    definition: {
      id: 'Jumlah lama pelatihan dalam hari, untuk pelatihan yang lamanya dilaporkan atau dapat dihitung dari tanggal pasti.',
      en: 'The sum of training durations in days, over trainings whose length is reported or follows from exact dates.',
    },
    meaning: {
      id: 'Menjumlahkan hari kalender, bukan jam; pelatihan yang lamanya tidak dilaporkan tidak ikut dan dihitung sebagai kosong.',
      en: 'Sums calendar days, not hours; trainings whose length is not reported are left out and counted as missing.',
    },
    fields: ['duration_days', 'start_date', 'end_date'],
    compute: (r) => sumOver(trainingsOf(r), durationOf),
  },
  {
    id: 'person_days',
    label: { id: 'Hari-orang', en: 'Person-days' },
    definition: {
      id: 'Jumlah peserta (orang) × hari untuk setiap pelatihan yang melaporkan keduanya.',
      en: 'The sum of participants (people) × days over trainings that report both.',
    },
    meaning: {
      id: 'Peserta × hari, ukuran kasar volume pelatihan; membawa catatan kedua angka itu.',
      en: 'Participants × days, a rough measure of training volume; it carries the caveats of both figures.',
    },
    fields: ['participants', 'participants_basis', 'participants_unit', 'duration_days', 'start_date', 'end_date'],
    compute: (r) => sumOver(trainingsOf(r), personDayRange),
  },
];

/** The four figures every city is introduced by: on the home page, its share image and chart. */
export const HEADLINE_METRICS: readonly MetricId[] = ['trainings', 'participants', 'certified', 'facilities'];

export const metricById = (id: string): Metric | undefined => METRICS.find((m) => m.id === id);
