import type { BatikEvent, Facility } from './dataset';

/**
 * The comparison metrics: each defined once, here, with its definition in both languages.
 * data/README.md quotes the English definitions word for word (a test checks it), and the
 * pages print them from here.
 */

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
  records: string[];
  missing: string[];
}

export type MetricId = 'trainings' | 'participants' | 'certified' | 'facilities' | 'exhibitions' | 'training_days' | 'person_days';

export interface Metric {
  id: MetricId;
  label: { id: string; en: string };
  definition: { id: string; en: string };
  compute(records: CityRecords): MetricValue;
}

const trainingsOf = (r: CityRecords) => r.events.filter((e) => e.kind === 'training');

/** Sums a figure over records, keeping which records gave it and which did not. */
function sumOver<T extends { id: string }>(items: readonly T[], figure: (item: T) => number | null): MetricValue {
  let total = 0;
  const records: string[] = [];
  const missing: string[] = [];
  for (const item of items) {
    const v = figure(item);
    if (v === null) missing.push(item.id);
    else {
      total += v;
      records.push(item.id);
    }
  }
  return { value: records.length ? total : null, records, missing };
}

const countOf = <T extends { id: string }>(items: readonly T[]): MetricValue => ({
  value: items.length ? items.length : null,
  records: items.map((i) => i.id),
  missing: [],
});

/** Participant seats times days, for one training; null unless both are reported. */
export const personDays = (e: BatikEvent): number | null =>
  e.participants !== null && e.duration_days !== null ? e.participants * e.duration_days : null;

export const METRICS: readonly Metric[] = [
  {
    id: 'trainings',
    label: { id: 'Pelatihan', en: 'Trainings' },
    definition: {
      id: 'Jumlah kegiatan berjenis pelatihan.',
      en: 'The number of events of kind training.',
    },
    compute: (r) => countOf(trainingsOf(r)),
  },
  {
    id: 'participants',
    label: { id: 'Peserta', en: 'Participants' },
    definition: {
      id: 'Jumlah angka peserta yang dilaporkan untuk pelatihan: kursi, bukan orang yang berbeda; angka sasaran ikut dijumlahkan dan ditandai.',
      en: 'The sum of reported participant figures over trainings: seats, not unique people; target figures are included and flagged.',
    },
    compute: (r) => sumOver(trainingsOf(r), (e) => e.participants),
  },
  {
    id: 'certified',
    label: { id: 'Tersertifikasi', en: 'Certified' },
    definition: {
      id: 'Jumlah orang yang dilaporkan tersertifikasi, baik melalui program sertifikasi maupun sebagai keluaran pelatihan.',
      en: 'The number of people reported as certified, whether by a certification programme or as the output of a training.',
    },
    compute: (r) => sumOver(r.events.filter((e) => e.kind === 'certification' || e.certified !== null), (e) => e.certified),
  },
  {
    id: 'facilities',
    label: { id: 'Fasilitas', en: 'Facilities' },
    definition: {
      id: 'Jumlah fasilitas fisik (sentra batik, gedung) dalam laporan, apa pun statusnya; peralatan yang diberikan kepada peserta dicatat pada pelatihannya.',
      en: 'The number of physical facilities (a batik centre, a building) in the reports, whatever their status; equipment handed to trainees is recorded on the training.',
    },
    compute: (r) => countOf(r.facilities),
  },
  {
    id: 'exhibitions',
    label: { id: 'Pameran', en: 'Exhibitions' },
    definition: {
      id: 'Jumlah kegiatan berjenis pameran.',
      en: 'The number of events of kind exhibition.',
    },
    compute: (r) => countOf(r.events.filter((e) => e.kind === 'exhibition')),
  },
  {
    id: 'training_days',
    label: { id: 'Hari pelatihan', en: 'Training days' },
    definition: {
      id: 'Jumlah lama pelatihan dalam hari, untuk pelatihan yang lamanya dilaporkan atau dapat dihitung dari tanggal pasti.',
      en: 'The sum of training durations in days, over trainings whose length is reported or follows from exact dates.',
    },
    compute: (r) => sumOver(trainingsOf(r), (e) => e.duration_days),
  },
  {
    id: 'person_days',
    label: { id: 'Hari-orang', en: 'Person-days' },
    definition: {
      id: 'Jumlah peserta × hari untuk setiap pelatihan yang melaporkan keduanya.',
      en: 'The sum of participants × days over trainings that report both.',
    },
    compute: (r) => sumOver(trainingsOf(r), personDays),
  },
];

export const metricById = (id: string): Metric | undefined => METRICS.find((m) => m.id === id);
