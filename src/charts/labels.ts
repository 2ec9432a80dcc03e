import type { Lang } from '../lib/format';
import type { EventKind, FacilityStatus, Theme } from '../lib/schema';
import type { SymbolName } from './render';

/**
 * Every word the charts print, in both languages, in one place. Sentences are functions of
 * already formatted parts (names, figures, dates), so the number and date formats stay in
 * formatters.ts. The interface makes both languages carry the same keys. Wording follows the
 * site's src/i18n files where the two overlap (kinds, themes, statuses, "not reported").
 */

/** The programme themes of the coverage chart: the event themes, then two from other records. */
export type CoverageTheme = Theme | 'infrastructure' | 'exhibitions';

export interface ChartLabels {
  notReported: string;
  noData: string;
  city: string;
  kinds: Record<EventKind, string>;
  themes: Record<CoverageTheme, string>;
  statuses: Record<FacilityStatus, string>;

  // Ranking on one metric.
  rankingTitle(metric: string): string;
  rankingLeader(metric: string, leaders: string, value: string, tied: boolean): string;
  rankingNone(metric: string): string;
  rankingDescription(metric: string, items: string): string;

  // Headline comparison.
  headlineTitle: string;
  headlineLeaders(parts: string): string;
  headlineLeaderPart(metric: string, leaders: string, value: string | null): string;
  headlineDescription(metrics: string, cities: string): string;
  headlineCity(city: string, figures: string): string;

  // Timeline.
  timelineTitle: string;
  timelineTakeaway(count: number, first: string, last: string): string;
  timelineUndated(count: number): string;
  /** `shapes` pairs each drawn symbol with its kind, e.g. "circle: training, square: certification". */
  timelineDescription(start: string, end: string, shapes: string, events: string): string;
  symbolNames: Record<SymbolName, string>;

  // Events counted by year.
  byYearTitle: string;
  byYearTakeaway(count: string, first: string, last: string, busiestYear: string, busiestCount: string): string;
  /** `byKind`: rows are kinds of event (one city) rather than cities. */
  byYearDescription(first: string, last: string, byKind: boolean, rows: string): string;
  year: string;
  timelineEvent(city: string, kind: string, title: string, date: string): string;
  exactDate: string;
  /** A policy instrument (e.g. a mayoral regulation) on the timeline. */
  policy: string;
  approximateDate: string;
  approximateSuffix: string;
  dateUnknown: string;
  date: string;
  kind: string;
  event: string;
  noEvents: string;

  // Coverage matrix.
  coverageTitle: string;
  coverageWidest(themes: string, cities: number, total: number): string;
  coverageNowhere(themes: string): string;
  coverageDescription(cities: string): string;
  coverageCity(city: string, themes: string): string;
  coveredCell(count: number, unit: 'event' | 'facility'): string;
  covered: string;
  notCovered: string;
  theme: string;

  // Locator map.
  mapTitle: string;
  mapTakeaway(parts: string): string;
  mapProvincePart(count: number, province: string): string;
  mapDescription(cities: string): string;
  mapCity(city: string, province: string, latitude: string, longitude: string): string;
  province: string;
  latitude: string;
  longitude: string;

  // Facility status.
  facilityTitle: string;
  facilityTakeaway(latest: string): string;
  facilityLatest(facility: string, status: string, date: string): string;
  facilityNoneOperating: string;
  facilityDescription(facilities: string): string;
  facilityHistory(facility: string, history: string): string;
  facilityNoStatus: string;
  noFacilities: string;
  facility: string;
  status: string;
  reportDate: string;
}

const id: ChartLabels = {
  notReported: 'tidak dilaporkan',
  noData: 'Tidak ada data untuk ditampilkan.',
  city: 'Kota',
  kinds: { training: 'Pelatihan', certification: 'Sertifikasi', exhibition: 'Pameran', festival: 'Festival', competition: 'Lomba', inauguration: 'Peresmian', aid: 'Bantuan', other: 'Lainnya' },
  themes: {
    production_technique: 'Teknik produksi',
    colouring: 'Pewarnaan',
    product_development: 'Pengembangan produk',
    standardisation: 'Standardisasi',
    certification: 'Sertifikasi',
    marketing: 'Pemasaran',
    export: 'Ekspor',
    environment: 'Lingkungan',
    education: 'Pendidikan',
    heritage: 'Pelestarian',
    fashion: 'Busana',
    infrastructure: 'Infrastruktur (fasilitas)',
    exhibitions: 'Pameran',
  },
  statuses: { planned: 'direncanakan', under_construction: 'sedang dibangun', inaugurated: 'diresmikan', operating: 'beroperasi' },

  rankingTitle: (metric) => `${metric} per kota`,
  rankingLeader: (metric, leaders, value, tied) =>
    tied ? `${metric}: ${leaders} sama-sama tertinggi dengan ${value}.` : `${metric}: ${leaders} tertinggi dengan ${value}.`,
  rankingNone: (metric) => `${metric}: tidak ada kota yang angkanya dilaporkan.`,
  rankingDescription: (metric, items) => `Diagram batang ${metric} per kota, dari yang tertinggi: ${items}.`,

  headlineTitle: 'Angka utama per kota',
  headlineLeaders: (parts) => `Angka tertinggi: ${parts}.`,
  headlineLeaderPart: (metric, leaders, value) => (value === null ? `${metric} tidak dilaporkan di kota mana pun` : `${metric} di ${leaders}, ${value}`),
  headlineDescription: (metrics, cities) =>
    `Diagram batang per kota dalam satu panel untuk setiap ukuran (${metrics}); setiap panel diskalakan terhadap kota tertingginya. ${cities}`,
  headlineCity: (city, figures) => `${city}: ${figures}.`,

  timelineTitle: 'Kegiatan batik menurut waktu',
  timelineTakeaway: (count, first, last) =>
    first === last ? `${count} kegiatan tercatat, pada ${first}.` : `${count} kegiatan tercatat antara ${first} dan ${last}.`,
  timelineUndated: (count) => `${count} kegiatan tidak diketahui tanggalnya dan tidak ditempatkan pada sumbu waktu.`,
  timelineDescription: (start, end, shapes, events) =>
    `Garis waktu ${start}–${end}, satu baris per kota. Bentuk simbol menunjukkan jenis kegiatan (${shapes}); simbol kosong dan garis putus-putus menandai tanggal perkiraan. ${events}`,
  byYearTitle: 'Kegiatan batik per tahun',
  byYearTakeaway: (count, first, last, year, n) => `${count} kegiatan tercatat ${first}–${last}; terbanyak pada ${year} (${n}).`,
  byYearDescription: (first, last, byKind, rows) =>
    `Jumlah kegiatan per tahun, ${first}–${last}, satu baris per ${byKind ? 'jenis kegiatan' : 'kota'}; luas lingkaran mengikuti jumlahnya, tahun tanpa kegiatan yang diberitakan dibiarkan kosong. ${rows}`,
  year: 'Tahun',
  symbolNames: { circle: 'lingkaran', square: 'persegi', triangle: 'segitiga', diamond: 'belah ketupat', cross: 'tanda tambah tebal', star: 'bintang', wye: 'huruf Y', times: 'tanda silang', plus: 'tanda tambah' },
  timelineEvent: (city, kind, title, date) => `${city}, ${kind.toLocaleLowerCase('id-ID')} “${title}”: ${date}.`,
  exactDate: 'Tanggal pasti',
  policy: 'Kebijakan',
  approximateDate: 'Tanggal perkiraan',
  approximateSuffix: ' (perkiraan)',
  dateUnknown: 'tanggal tidak diketahui',
  date: 'Tanggal',
  kind: 'Jenis',
  event: 'Kegiatan',
  noEvents: 'Tidak ada kegiatan yang tercatat.',

  coverageTitle: 'Tema program menurut kota',
  coverageWidest: (themes, cities, total) =>
    cities === total ? `Muncul dalam laporan setiap kota: ${themes}.` : `Tema yang paling luas: ${themes}, dalam laporan ${cities} dari ${total} kota.`,
  coverageNowhere: (themes) => `Tidak muncul dalam laporan kota mana pun: ${themes}.`,
  coverageDescription: (cities) =>
    `Matriks kota dan tema program. ✓ berarti tema itu muncul dalam laporan tentang kota tersebut; – berarti tidak dilaporkan, yang tidak sama dengan tidak ada. ${cities}`,
  coverageCity: (city, themes) => `${city}: ${themes}.`,
  coveredCell: (count, unit) => `ya (${count} ${unit === 'event' ? 'kegiatan' : 'fasilitas'})`,
  covered: 'dilaporkan',
  notCovered: 'tidak dilaporkan',
  theme: 'Tema',

  mapTitle: 'Letak kota',
  mapTakeaway: (parts) => `${parts}.`,
  mapProvincePart: (count, province) => `${count} kota di ${province}`,
  mapDescription: (cities) => `Peta lokasi dengan satu titik berlabel untuk setiap kota. Garis pantai dari Natural Earth. ${cities}`,
  mapCity: (city, province, latitude, longitude) => `${city} (${province}): ${latitude}, ${longitude}.`,
  province: 'Provinsi',
  latitude: 'Lintang',
  longitude: 'Bujur',

  facilityTitle: 'Status fasilitas menurut laporan',
  facilityTakeaway: (latest) => `Status terakhir yang dilaporkan: ${latest}.`,
  facilityLatest: (facility, status, date) => `${facility} ${status} (${date})`,
  facilityNoneOperating: 'Belum ada fasilitas yang dilaporkan beroperasi.',
  facilityDescription: (facilities) =>
    `Status setiap fasilitas menurut tanggal laporannya; tanggal laporan yang hanya setepat bulan atau tahun digambar sebagai rentang. ${facilities}`,
  facilityHistory: (facility, history) => `${facility}: ${history}.`,
  facilityNoStatus: 'status tidak dilaporkan',
  noFacilities: 'Tidak ada fasilitas yang dilaporkan.',
  facility: 'Fasilitas',
  status: 'Status',
  reportDate: 'Tanggal laporan',
};

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

const en: ChartLabels = {
  notReported: 'not reported',
  noData: 'No data to show.',
  city: 'City',
  kinds: { training: 'Training', certification: 'Certification', exhibition: 'Exhibition', festival: 'Festival', competition: 'Competition', inauguration: 'Inauguration', aid: 'Aid', other: 'Other' },
  themes: {
    production_technique: 'Production technique',
    colouring: 'Colouring',
    product_development: 'Product development',
    standardisation: 'Standardisation',
    certification: 'Certification',
    marketing: 'Marketing',
    export: 'Export',
    environment: 'Environment',
    education: 'Education',
    heritage: 'Heritage',
    fashion: 'Fashion',
    infrastructure: 'Infrastructure (facilities)',
    exhibitions: 'Exhibitions',
  },
  statuses: { planned: 'planned', under_construction: 'under construction', inaugurated: 'inaugurated', operating: 'operating' },

  rankingTitle: (metric) => `${metric} by city`,
  rankingLeader: (metric, leaders, value, tied) =>
    tied ? `${metric}: ${leaders} are joint highest with ${value}.` : `${metric}: ${leaders} is highest with ${value}.`,
  rankingNone: (metric) => `${metric}: no city has a reported figure.`,
  rankingDescription: (metric, items) => `Bar chart of ${metric} by city, highest first: ${items}.`,

  headlineTitle: 'Headline figures by city',
  headlineLeaders: (parts) => `Highest on each measure: ${parts}.`,
  headlineLeaderPart: (metric, leaders, value) => (value === null ? `${metric} – ${leaders}` : `${metric} – ${leaders}: ${value}`),
  headlineDescription: (metrics, cities) =>
    `Bar charts by city in one panel per measure (${metrics}); each panel is scaled to its highest city. ${cities}`,
  headlineCity: (city, figures) => `${city}: ${figures}.`,

  timelineTitle: 'Batik events over time',
  timelineTakeaway: (count, first, last) =>
    first === last
      ? `${count} ${plural(count, 'event', 'events')} recorded, in ${first}.`
      : `${count} ${plural(count, 'event', 'events')} recorded between ${first} and ${last}.`,
  timelineUndated: (count) =>
    `${count} ${plural(count, 'event has', 'events have')} no known date and ${plural(count, 'is', 'are')} not placed on the time axis.`,
  timelineDescription: (start, end, shapes, events) =>
    `Timeline ${start}–${end}, one row per city. The symbol’s shape shows the kind of event (${shapes}); hollow symbols and dashed lines mark approximate dates. ${events}`,
  byYearTitle: 'Batik events by year',
  byYearTakeaway: (count, first, last, year, n) => `${count} events recorded ${first}–${last}; the most in ${year} (${n}).`,
  byYearDescription: (first, last, byKind, rows) =>
    `Events per year, ${first}–${last}, one row per ${byKind ? 'kind of event' : 'city'}; a circle’s area follows the count, and a year with no reported event is left empty. ${rows}`,
  year: 'Year',
  symbolNames: { circle: 'circle', square: 'square', triangle: 'triangle', diamond: 'diamond', cross: 'thick cross', star: 'star', wye: 'Y', times: 'diagonal cross', plus: 'plus' },
  timelineEvent: (city, kind, title, date) => `${city}, ${kind.toLocaleLowerCase('en-GB')} “${title}”: ${date}.`,
  exactDate: 'Exact date',
  policy: 'Policy',
  approximateDate: 'Approximate date',
  approximateSuffix: ' (approximate)',
  dateUnknown: 'date unknown',
  date: 'Date',
  kind: 'Kind',
  event: 'Event',
  noEvents: 'No events recorded.',

  coverageTitle: 'Programme themes by city',
  coverageWidest: (themes, cities, total) =>
    cities === total ? `In every city’s reports: ${themes}.` : `Most widespread: ${themes}, in the reports of ${cities} of ${total} cities.`,
  coverageNowhere: (themes) => `In no city’s reports: ${themes}.`,
  coverageDescription: (cities) =>
    `Matrix of cities and programme themes. ✓ means the theme appears in the reports about that city; – means not reported, which is not the same as absent. ${cities}`,
  coverageCity: (city, themes) => `${city}: ${themes}.`,
  coveredCell: (count, unit) => `yes (${count} ${unit === 'event' ? plural(count, 'event', 'events') : plural(count, 'facility', 'facilities')})`,
  covered: 'reported',
  notCovered: 'not reported',
  theme: 'Theme',

  mapTitle: 'Where the cities are',
  mapTakeaway: (parts) => `${parts}.`,
  mapProvincePart: (count, province) => `${count} ${plural(count, 'city', 'cities')} in ${province}`,
  mapDescription: (cities) => `Locator map with one labelled dot per city. Coastlines from Natural Earth. ${cities}`,
  mapCity: (city, province, latitude, longitude) => `${city} (${province}): ${latitude}, ${longitude}.`,
  province: 'Province',
  latitude: 'Latitude',
  longitude: 'Longitude',

  facilityTitle: 'Facility status by report',
  facilityTakeaway: (latest) => `Latest reported status: ${latest}.`,
  facilityLatest: (facility, status, date) => `${facility} ${status} (${date})`,
  facilityNoneOperating: 'No facility is yet reported as operating.',
  facilityDescription: (facilities) =>
    `Each facility’s status by the date of the report that gives it; report dates known only to the month or year are drawn as a span. ${facilities}`,
  facilityHistory: (facility, history) => `${facility}: ${history}.`,
  facilityNoStatus: 'status not reported',
  noFacilities: 'No facilities reported.',
  facility: 'Facility',
  status: 'Status',
  reportDate: 'Report date',
};

export const LABELS: Readonly<Record<Lang, ChartLabels>> = { id, en };

export const labelsFor = (lang: Lang): ChartLabels => LABELS[lang];
