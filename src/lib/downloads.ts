import Papa from 'papaparse';
import { latestStatus, type Dataset } from './dataset';
import type { Estimate } from './estimate';
import { METRICS, QUALIFIERS } from './metrics';
import { workbookHref } from './routes';
import {
  CLAIMED_TYPES,
  COUNT_BASES,
  COUNT_UNITS,
  DATE_PRECISIONS,
  DERIVED_FLAG_TYPES,
  DURATION_BASES,
  EVENT_KINDS,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  FLAG_TYPES,
  FUNDING_BASES,
  POLICY_KINDS,
  POPULATION_BASES,
  REJECTION_REASONS,
  TITLE_BASES,
  type DatePrecision,
} from './schema';
import { cityProfiles, perTenThousand, type CityProfile } from './summarise';

/**
 * The public data downloads: every dataset as CSV, JSON and an Excel workbook per language,
 * the city summary among them, and a Frictionless data package describing the CSV files.
 * These are a contract with policy staff and newsrooms, so the columns are listed here once,
 * with their types and their labels and meanings in both languages, and the files, the
 * workbooks (workbook.ts), the data package and the data dictionary are all made from this
 * list. A field's name is the machine contract (CSV header, JSON key, Table Schema name) and
 * never changes with the language; its labels are for people.
 */

/** A text in each language of the site. */
export interface Text {
  id: string;
  en: string;
}

/** ACLED's numeric time precision: 1 the day, 2 the week, 3 the month or coarser; blank when unknown. */
const timePrecision = (p: DatePrecision): number | null => ({ day: 1, week: 2, month: 3, year: 3, unknown: null })[p];

export type FieldType = 'string' | 'integer' | 'number' | 'date';
export interface Field {
  name: string;
  type: FieldType;
  /** The column heading in the workbooks and the data dictionary. */
  label: Text;
  /** What the column holds; the English text also goes into the data package. */
  description: Text;
  /** Allowed values, for enumerations. */
  enum?: readonly string[];
  /** A list of values separated by "|" in CSV, an array in JSON. */
  list?: boolean;
  required?: boolean;
  /** "yes" or "no" in CSV and JSON; true or false in the workbooks. */
  yesNo?: boolean;
  /**
   * A date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD. `precision` names the column that
   * says how precise; the workbooks write a date of precision day as a date and any other as
   * the text it is, so no day is ever made up. A date with no precision column stays text.
   */
  date?: { precision?: string };
  /** The claims' value: a count, an amount, a date or a text, as the row's record type and field say (CLAIM_FIELDS). */
  claimValue?: boolean;
}
type Cell = string | number | null | string[];
export interface Resource {
  name: string;
  title: Text;
  description: Text;
  fields: Field[];
  primaryKey?: string[];
  foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  rows: Record<string, Cell>[];
}

/** What a column holds, in words, for the data dictionary and the workbooks' first sheet. */
export function fieldType(field: Field): Text {
  const base: Text = field.yesNo
    ? { id: 'ya/tidak (yes, no)', en: 'yes/no' }
    : field.claimValue
      ? { id: 'teks, bilangan bulat atau tanggal', en: 'text, whole number or date' }
      : field.date
        ? { id: 'tanggal (YYYY-MM-DD, YYYY-MM atau YYYY)', en: 'date (YYYY-MM-DD, YYYY-MM or YYYY)' }
        : { string: { id: 'teks', en: 'text' }, integer: { id: 'bilangan bulat', en: 'whole number' }, number: { id: 'angka desimal', en: 'decimal number' }, date: { id: 'tanggal', en: 'date' } }[field.type];
  return field.list ? { id: `${base.id}; beberapa nilai dipisah “|”`, en: `${base.en}; several values separated by “|”` } : base;
}

const f = (name: string, type: FieldType, label: Text, description: Text, extra: Partial<Field> = {}): Field => ({ name, type, label, description, ...extra });
const id = (label: Text, description: Text) => f('id', 'string', label, description, { required: true });
const cityRef = f('city', 'string', { id: 'Kota', en: 'City' }, { id: 'Id kota (cities.id).', en: 'Id of the city (cities.id).' }, { required: true });
const sourceRef = f('source', 'string', { id: 'Sumber', en: 'Source' }, { id: 'Id laporan sumber (sources.id).', en: 'Id of the source report (sources.id).' });
const timePrecisionField = f(
  'time_precision',
  'integer',
  { id: 'Ketepatan waktu (kode ACLED)', en: 'Time precision (ACLED code)' },
  {
    id: 'Ketepatan tanggal sebagai angka, menurut kode ACLED: 1 hari, 2 pekan, 3 bulan atau tahun; kosong bila tidak diketahui.',
    en: 'Date precision as a number, as ACLED codes it: 1 day, 2 week, 3 month or year; blank when unknown.',
  },
);
const fundingBasis = f(
  'funding_basis',
  'string',
  { id: 'Dasar angka dana', en: 'Funding basis' },
  {
    id: 'budget (anggaran), contract (nilai kontrak), realised (realisasi) atau unspecified (tidak dirinci).',
    en: 'budget, contract, realised or unspecified.',
  },
  { enum: FUNDING_BASES },
);
const fk = (fields: string, resource: string) => ({ fields, reference: { resource, fields: 'id' } });
const pick = (row: object, fields: Field[]) =>
  Object.fromEntries(fields.map((x) => [x.name, (row as Record<string, Cell>)[x.name] ?? null]));

/** `profiles` defaults to computing them; the site passes the ones it has already. */
export function resources(dataset: Dataset, profiles: readonly CityProfile[] = cityProfiles(dataset)): Resource[] {
  const cityFields = [
    id({ id: 'Id kota', en: 'City id' }, { id: 'Kode pengenal kota (slug), dipakai dalam alamat halaman.', en: 'Slug of the city, used in page addresses.' }),
    f('name', 'string', { id: 'Nama', en: 'Name' }, { id: 'Nama resmi dalam bahasa Indonesia (Kota …).', en: 'Official name in Indonesian (Kota …).' }),
    f('name_en', 'string', { id: 'Nama (bahasa Inggris)', en: 'Name (English)' }, { id: 'Nama dalam bahasa Inggris.', en: 'Name in English.' }),
    f('kind', 'string', { id: 'Jenis daerah', en: 'Kind' }, { id: 'Kota atau kabupaten.', en: 'Kota (city) or kabupaten (regency).' }, { enum: ['kota', 'kabupaten'] }),
    f('province', 'string', { id: 'Provinsi', en: 'Province' }, { id: 'Provinsi, dalam bahasa Indonesia.', en: 'Province, in Indonesian.' }),
    f('province_en', 'string', { id: 'Provinsi (bahasa Inggris)', en: 'Province (English)' }, { id: 'Provinsi, dalam bahasa Inggris.', en: 'Province, in English.' }),
    f('region_code', 'string', { id: 'Kode wilayah', en: 'Region code' }, { id: 'Kode wilayah resmi (Kemendagri).', en: 'Official region code (kode wilayah, Kemendagri).' }),
    f('latitude', 'number', { id: 'Lintang', en: 'Latitude' }, { id: 'Lintang pusat kota, dalam derajat desimal.', en: 'Latitude of the city centre, decimal degrees.' }),
    f('longitude', 'number', { id: 'Bujur', en: 'Longitude' }, { id: 'Bujur pusat kota, dalam derajat desimal.', en: 'Longitude of the city centre, decimal degrees.' }),
    f('coordinates_source', 'string', { id: 'Sumber koordinat', en: 'Coordinates source' }, { id: 'Asal koordinat.', en: 'Where the coordinates come from.' }),
  ];
  const sourceFields = [
    id({ id: 'Id laporan', en: 'Report id' }, { id: 'Kode pengenal laporan (slug).', en: 'Slug of the source report.' }),
    f('city', 'string', { id: 'Kota', en: 'City' }, { id: 'Id kota yang menjadi alasan laporan ini dibaca (cities.id).', en: 'Id of the city the report was read for (cities.id).' }, { required: true }),
    f('publisher', 'string', { id: 'Penerbit', en: 'Publisher' }, { id: 'Penerbit laporan.', en: 'Publisher of the report.' }),
    f('title', 'string', { id: 'Judul', en: 'Title' }, { id: 'Judul laporan.', en: 'Title of the report.' }),
    f(
      'title_basis',
      'string',
      { id: 'Asal judul', en: 'Title basis' },
      {
        id: 'Apakah judul adalah judul berita yang tercetak (headline) atau diambil dari alamat laporan (url_slug).',
        en: 'Whether the title is the printed headline or taken from the address (url_slug).',
      },
      { enum: TITLE_BASES },
    ),
    f('url', 'string', { id: 'Alamat asli', en: 'Original address' }, { id: 'Alamat asli laporan.', en: 'Original address of the report.' }),
    f(
      'published',
      'string',
      { id: 'Tanggal terbit', en: 'Published' },
      {
        id: 'Tanggal terbit setepat yang diketahui: YYYY, YYYY-MM atau YYYY-MM-DD; kosong bila tidak diketahui.',
        en: 'Publication date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD; blank when unknown.',
      },
      { date: { precision: 'published_precision' } },
    ),
    f('published_precision', 'string', { id: 'Ketepatan tanggal terbit', en: 'Publication date precision' }, { id: 'Ketepatan tanggal terbit.', en: 'Precision of the publication date.' }, { enum: DATE_PRECISIONS }),
    timePrecisionField,
    f(
      'published_basis',
      'string',
      { id: 'Dasar tanggal terbit', en: 'Publication date basis' },
      { id: 'Cara tanggal terbit ditentukan (catatan kurator, dalam bahasa Inggris).', en: 'How the publication date was derived.' },
    ),
    f(
      'published_basis_id',
      'string',
      { id: 'Dasar tanggal terbit (bahasa Indonesia)', en: 'Publication date basis (Indonesian)' },
      { id: 'Cara tanggal terbit ditentukan, dalam bahasa Indonesia.', en: 'How the publication date was derived, in Indonesian.' },
    ),
    f('language', 'string', { id: 'Bahasa', en: 'Language' }, { id: 'Bahasa laporan.', en: 'Language of the report.' }),
    f('report_file', 'string', { id: 'Berkas teks laporan', en: 'Report file' }, { id: 'Nama berkas teks laporan yang menjadi acuan pemeriksaan bukti.', en: 'File name of the report text the evidence was checked against.' }),
    f(
      'reprint_of',
      'string',
      { id: 'Cetak ulang dari', en: 'Reprint of' },
      { id: 'Laporan yang teksnya dicetak ulang oleh laporan ini (bukan konfirmasi yang independen).', en: 'The report whose text this one reprints (not an independent confirmation).' },
    ),
    f(
      'rejected',
      'string',
      { id: 'Alasan ditolak', en: 'Rejected' },
      { id: 'Mengapa laporan yang sudah dibaca tidak mendasari catatan apa pun; kosong bila laporan dipakai.', en: 'Why a report that was read supports no record; blank when it does.' },
      { enum: REJECTION_REASONS },
    ),
    f('rejected_note', 'string', { id: 'Keterangan penolakan', en: 'Rejection note (Indonesian)' }, { id: 'Alasannya, dalam bahasa Indonesia.', en: 'The reason, in Indonesian.' }),
    f('rejected_note_en', 'string', { id: 'Keterangan penolakan (bahasa Inggris)', en: 'Rejection note (English)' }, { id: 'Alasannya, dalam bahasa Inggris.', en: 'The reason, in English.' }),
  ];
  const organisationFields = [
    id({ id: 'Id lembaga', en: 'Organisation id' }, { id: 'Kode pengenal lembaga (slug).', en: 'Slug of the organisation.' }),
    f('city', 'string', { id: 'Kota', en: 'City' }, { id: 'Id kota tempat lembaga ini berada; kosong untuk lembaga di luar kota-kota ini.', en: 'Id of the city it belongs to; blank for bodies outside the cities.' }),
    f('kind', 'string', { id: 'Jenis lembaga', en: 'Kind' }, { id: 'Jenis lembaga.', en: 'Kind of organisation.' }),
    f('name', 'string', { id: 'Nama', en: 'Name' }, { id: 'Nama baku.', en: 'Canonical name.' }),
    f('name_en', 'string', { id: 'Nama (bahasa Inggris)', en: 'Name (English)' }, { id: 'Nama dalam bahasa Inggris.', en: 'Name in English.' }),
    f('abbreviation', 'string', { id: 'Singkatan', en: 'Abbreviation' }, { id: 'Singkatan yang lazim.', en: 'Usual abbreviation.' }),
    f('variants', 'string', { id: 'Ejaan dalam laporan', en: 'Spellings in the reports' }, { id: 'Ejaan nama yang ditemukan dalam laporan.', en: 'Spellings found in the reports.' }, { list: true }),
    f('variant_sources', 'string', { id: 'Sumber setiap ejaan', en: 'Source of each spelling' }, { id: 'Laporan tempat setiap ejaan ditemukan, dalam urutan yang sama.', en: 'Source of each spelling, in the same order.' }, { list: true }),
  ];
  const resolvedFields = [
    f(
      'number_of_sources',
      'integer',
      { id: 'Jumlah laporan', en: 'Number of reports' },
      { id: 'Laporan independen yang menceritakan catatan ini (cetak ulang dihitung bersama laporan aslinya).', en: 'Independent reports that tell the record (a reprint counts with its original).' },
    ),
    f('sources', 'string', { id: 'Laporan', en: 'Reports' }, { id: 'Semua laporan yang menceritakan catatan ini (sources.id), dari yang terlama.', en: 'Every report that tells the record (sources.id), oldest first.' }, { list: true }),
  ];
  /** A figure resolved from several reports: best, low, high and how many independent reports give it. */
  const estimateFields = (name: string, label: Text, what: Text) => [
    f(name, 'integer', label, { id: `${what.id}: angka utama (lihat Metodologi). Kosong bila tidak dilaporkan.`, en: `${what.en}: the best value (see the methodology). Blank when not reported.` }),
    f(
      `${name}_low`,
      'integer',
      { id: `${label.id} terendah`, en: `${label.en}, lowest` },
      { id: `${what.id}: angka terendah yang diberikan sebuah laporan, dalam satuan angka utama.`, en: `${what.en}: the lowest value a report gives, in the unit of the best value.` },
    ),
    f(
      `${name}_high`,
      'integer',
      { id: `${label.id} tertinggi`, en: `${label.en}, highest` },
      { id: `${what.id}: angka tertinggi yang diberikan sebuah laporan, dalam satuan angka utama.`, en: `${what.en}: the highest value a report gives, in the unit of the best value.` },
    ),
    f(
      `${name}_number_of_sources`,
      'integer',
      { id: `${label.id}: jumlah laporan`, en: `${label.en}: number of reports` },
      { id: `${what.id}: laporan independen yang memberi angka.`, en: `${what.en}: independent reports that give a value.` },
    ),
  ];
  const estimateCells = (name: string, e: Estimate | undefined) => ({
    [name]: e?.best ?? null,
    [`${name}_low`]: e?.low ?? null,
    [`${name}_high`]: e?.high ?? null,
    [`${name}_number_of_sources`]: e?.number_of_sources ?? null,
  });
  const fundingFields = estimateFields('funding', { id: 'Dana', en: 'Funding' }, { id: 'Dana dalam rupiah', en: 'Funding in rupiah' });
  const eventFields = [
    id({ id: 'Id kegiatan', en: 'Event id' }, { id: 'Kode pengenal kegiatan (slug).', en: 'Slug of the event.' }),
    cityRef,
    f('kind', 'string', { id: 'Jenis kegiatan', en: 'Kind' }, { id: 'Jenis kegiatan.', en: 'Kind of event.' }, { enum: EVENT_KINDS }),
    f('title', 'string', { id: 'Judul', en: 'Title (Indonesian)' }, { id: 'Judul dalam bahasa Indonesia.', en: 'Title in Indonesian.' }),
    f('title_en', 'string', { id: 'Judul (bahasa Inggris)', en: 'Title (English)' }, { id: 'Judul dalam bahasa Inggris.', en: 'Title in English.' }),
    f('themes', 'string', { id: 'Tema program', en: 'Themes' }, { id: 'Tema program.', en: 'Programme themes.' }, { list: true }),
    f('organiser', 'string', { id: 'Penyelenggara', en: 'Organiser' }, { id: 'Id lembaga penyelenggara (organisations.id).', en: 'Id of the organising body (organisations.id).' }),
    f('partners', 'string', { id: 'Mitra', en: 'Partners' }, { id: 'Id lembaga mitra.', en: 'Ids of partner bodies.' }, { list: true }),
    f(
      'facility',
      'string',
      { id: 'Fasilitas', en: 'Facility' },
      { id: 'Id fasilitas yang terkait dengan kegiatan ini (facilities.id), misalnya pada peresmian.', en: 'Id of the facility the event concerns (facilities.id), e.g. for an inauguration.' },
    ),
    f(
      'start_date',
      'string',
      { id: 'Tanggal mulai', en: 'Start date' },
      { id: 'Hari pertama, setepat yang diketahui (YYYY-MM-DD, YYYY-MM atau YYYY).', en: 'First day, as precise as known (YYYY-MM-DD, YYYY-MM or YYYY).' },
      { date: { precision: 'start_precision' } },
    ),
    f('start_precision', 'string', { id: 'Ketepatan tanggal mulai', en: 'Start date precision' }, { id: 'Ketepatan tanggal mulai.', en: 'Precision of the start date.' }, { enum: DATE_PRECISIONS }),
    timePrecisionField,
    f(
      'end_date',
      'string',
      { id: 'Tanggal selesai', en: 'End date' },
      { id: 'Hari terakhir, setepat yang diketahui; kosong untuk kegiatan sehari atau bila tidak dilaporkan.', en: 'Last day, as precise as known; blank for a one-day event or when not reported.' },
      { date: { precision: 'end_precision' } },
    ),
    f('end_precision', 'string', { id: 'Ketepatan tanggal selesai', en: 'End date precision' }, { id: 'Ketepatan tanggal selesai.', en: 'Precision of the end date.' }, { enum: DATE_PRECISIONS }),
    f(
      'duration_days',
      'integer',
      { id: 'Lama (hari)', en: 'Duration (days)' },
      { id: 'Lama kegiatan dalam hari kalender, disebut laporan atau dihitung dari tanggal yang pasti.', en: 'Length in calendar days, stated by a report or counted from exact dates.' },
    ),
    f(
      'duration_basis',
      'string',
      { id: 'Dasar lama kegiatan', en: 'Duration basis' },
      { id: 'reported (disebut laporan) atau dates (dihitung dari tanggal yang pasti).', en: 'reported (stated) or dates (counted from exact dates).' },
      { enum: DURATION_BASES },
    ),
    ...estimateFields('participants', { id: 'Jumlah peserta', en: 'Participants' }, { id: 'Peserta', en: 'Participants' }),
    f(
      'participants_unit',
      'string',
      { id: 'Satuan peserta', en: 'Participants unit' },
      { id: 'Apa yang dihitung angka peserta; angka dengan satuan berbeda tidak pernah dijumlahkan.', en: 'What the participant figure counts; figures of different units are never added.' },
      { enum: COUNT_UNITS },
    ),
    f(
      'participants_basis',
      'string',
      { id: 'Dasar angka peserta', en: 'Participants basis' },
      {
        id: 'count (hitungan), target (sasaran), approximate (perkiraan), at_least (batas bawah) atau inferred (disimpulkan).',
        en: 'count, target, approximate, at_least (a lower bound) or inferred.',
      },
      { enum: COUNT_BASES },
    ),
    ...estimateFields('certified', { id: 'Jumlah tersertifikasi', en: 'Certified' }, { id: 'Orang yang tersertifikasi', en: 'People certified' }),
    f('certified_basis', 'string', { id: 'Dasar angka tersertifikasi', en: 'Certified basis' }, { id: 'count (hitungan), target (sasaran) atau inferred (disimpulkan).', en: 'count, target or inferred.' }, { enum: COUNT_BASES }),
    f('trainer_count', 'integer', { id: 'Jumlah narasumber', en: 'Number of trainers' }, { id: 'Jumlah pelatih atau narasumber.', en: 'Number of trainers.' }),
    ...fundingFields,
    fundingBasis,
    f('venue', 'string', { id: 'Tempat', en: 'Venue' }, { id: 'Tempat acara, seperti dilaporkan.', en: 'Venue as reported.' }),
    f('place', 'string', { id: 'Lokasi', en: 'Place' }, { id: 'Kelurahan, kecamatan atau kota, seperti dilaporkan.', en: 'Town or district as reported.' }),
    f('trainers', 'string', { id: 'Narasumber', en: 'Trainers' }, { id: 'Pelatih atau narasumber, seperti dilaporkan.', en: 'Trainers as reported.' }),
    f('equipment', 'string', { id: 'Bantuan peralatan', en: 'Equipment' }, { id: 'Peralatan yang diserahkan kepada peserta.', en: 'Equipment handed to participants.' }),
    f('opened_by', 'string', { id: 'Dibuka oleh', en: 'Opened by' }, { id: 'Siapa yang membuka kegiatan, seperti dilaporkan.', en: 'Who opened the event, as reported.' }),
    ...resolvedFields,
  ];
  const facilityFields = [
    id({ id: 'Id fasilitas', en: 'Facility id' }, { id: 'Kode pengenal fasilitas (slug).', en: 'Slug of the facility.' }),
    cityRef,
    f('kind', 'string', { id: 'Jenis fasilitas', en: 'Kind' }, { id: 'Jenis fasilitas.', en: 'Kind of facility.' }, { enum: FACILITY_KINDS }),
    f('name', 'string', { id: 'Nama', en: 'Name (Indonesian)' }, { id: 'Nama dalam bahasa Indonesia.', en: 'Name in Indonesian.' }),
    f('name_en', 'string', { id: 'Nama (bahasa Inggris)', en: 'Name (English)' }, { id: 'Nama dalam bahasa Inggris.', en: 'Name in English.' }),
    f('variants', 'string', { id: 'Nama lain', en: 'Other names' }, { id: 'Nama lain yang dipakai laporan.', en: 'Other names the reports use.' }, { list: true }),
    f('location', 'string', { id: 'Lokasi', en: 'Location' }, { id: 'Lokasi, seperti dilaporkan.', en: 'Location as reported.' }),
    f('status', 'string', { id: 'Status terakhir', en: 'Latest status' }, { id: 'Status terakhir menurut laporan.', en: 'The latest status the reports give.' }, { enum: FACILITY_STATUSES }),
    f('status_as_of', 'string', { id: 'Tanggal status terakhir', en: 'Latest status as of' }, { id: 'Tanggal status terakhir.', en: 'Date of the latest status.' }, { date: {} }),
    ...fundingFields,
    fundingBasis,
    ...resolvedFields,
  ];
  const statusFields = [
    f('facility', 'string', { id: 'Fasilitas', en: 'Facility' }, { id: 'Id fasilitas (facilities.id).', en: 'Id of the facility (facilities.id).' }, { required: true }),
    f('status', 'string', { id: 'Status', en: 'Status' }, { id: 'Status yang dilaporkan.', en: 'Status reported.' }, { enum: FACILITY_STATUSES }),
    f(
      'as_of',
      'string',
      { id: 'Tanggal', en: 'As of' },
      {
        id: 'Tanggal berlakunya status: tanggalnya sendiri bila laporan menyebutnya, jika tidak tanggal terbit laporan.',
        en: 'The date the status holds: its own date when a report gives one, else the report’s publication date.',
      },
      { date: { precision: 'precision' } },
    ),
    f('precision', 'string', { id: 'Ketepatan tanggal', en: 'Date precision' }, { id: 'Ketepatan tanggal itu.', en: 'Precision of that date.' }, { enum: DATE_PRECISIONS }),
    timePrecisionField,
    f(
      'dated',
      'string',
      { id: 'Bertanggal sendiri', en: 'Dated by the report' },
      {
        id: '“yes” bila laporan menyebut tanggal status itu sendiri (misalnya hari peresmian), “no” bila tanggalnya adalah tanggal terbit laporan.',
        en: 'yes when a report dates the status itself (e.g. an inauguration day), no when the date is the publication date.',
      },
      { yesNo: true },
    ),
    f('sources', 'string', { id: 'Laporan', en: 'Reports' }, { id: 'Laporan yang menyebut status ini pada tanggal ini.', en: 'Reports giving this status on this date.' }, { list: true }),
  ];
  const policyFields = [
    id({ id: 'Id kebijakan', en: 'Policy id' }, { id: 'Kode pengenal kebijakan (slug).', en: 'Slug of the policy.' }),
    cityRef,
    f('kind', 'string', { id: 'Jenis kebijakan', en: 'Kind' }, { id: 'Jenis instrumen kebijakan.', en: 'Kind of policy instrument.' }, { enum: POLICY_KINDS }),
    f('title', 'string', { id: 'Judul', en: 'Title (Indonesian)' }, { id: 'Judul dalam bahasa Indonesia.', en: 'Title in Indonesian.' }),
    f('title_en', 'string', { id: 'Judul (bahasa Inggris)', en: 'Title (English)' }, { id: 'Judul dalam bahasa Inggris.', en: 'Title in English.' }),
    f('number', 'string', { id: 'Nomor', en: 'Number' }, { id: 'Nomor instrumen, seperti tertulis.', en: 'Number of the instrument as printed.' }),
    f('year', 'integer', { id: 'Tahun', en: 'Year' }, { id: 'Tahun instrumen.', en: 'Year of the instrument.' }),
    f('requires', 'string', { id: 'Mewajibkan', en: 'Requires' }, { id: 'Apa yang diwajibkan, seperti dilaporkan.', en: 'What it requires, as reported.' }),
    f('summary', 'string', { id: 'Ringkasan', en: 'Summary (Indonesian)' }, { id: 'Isinya, dalam bahasa Indonesia.', en: 'What it does, in Indonesian.' }),
    f('summary_en', 'string', { id: 'Ringkasan (bahasa Inggris)', en: 'Summary (English)' }, { id: 'Isinya, dalam bahasa Inggris.', en: 'What it does, in English.' }),
    ...resolvedFields,
  ];
  const claimFields = [
    f('record_type', 'string', { id: 'Jenis catatan', en: 'Record type' }, { id: 'Jenis catatan yang diceritakan laporan.', en: 'Kind of record the report speaks of.' }, { required: true, enum: CLAIMED_TYPES }),
    f('record_id', 'string', { id: 'Id catatan', en: 'Record id' }, { id: 'Id catatan itu.', en: 'Id of that record.' }, { required: true }),
    f('source', 'string', { id: 'Sumber', en: 'Source' }, { id: 'Id laporan (sources.id).', en: 'Id of the report (sources.id).' }, { required: true }),
    f(
      'field',
      'string',
      { id: 'Isian', en: 'Field' },
      {
        id: 'Apa yang disebut laporan: "reported" (laporan menceritakan catatan ini) atau sebuah angka, tanggal atau teks dari catatan itu.',
        en: 'What the report states: "reported" (it tells the record) or a figure, date or text of it.',
      },
      { required: true },
    ),
    f(
      'part',
      'string',
      { id: 'Bagian', en: 'Part' },
      { id: 'Untuk rincian peserta: bagian yang dihitung angka ini; kosong untuk angka total.', en: 'For a breakdown of participants: the part this figure counts; blank for a total.' },
    ),
    f(
      'value',
      'string',
      { id: 'Nilai', en: 'Value' },
      {
        id: 'Nilai seperti diberikan laporan (angka ditulis dengan digit, rupiah ditulis penuh, tanggal sebagai YYYY[-MM[-DD]]).',
        en: 'The value as the report gives it (numbers as digits, rupiah in full, dates as YYYY[-MM[-DD]]).',
      },
      { claimValue: true },
    ),
    f(
      'unit',
      'string',
      { id: 'Satuan', en: 'Unit' },
      {
        id: 'Satuan sebuah hitungan: people (orang), businesses (usaha), pupils (pelajar), companions (pendamping), groups (kelompok); atau rupiah.',
        en: 'Unit of a count (people, businesses, pupils, companions, groups) or rupiah.',
      },
    ),
    f(
      'basis',
      'string',
      { id: 'Dasar', en: 'Basis' },
      {
        id: 'Jenis angkanya: count (hitungan), target (sasaran), approximate (perkiraan), at_least (batas bawah), inferred (disimpulkan); reported (disebut) atau dates (dihitung dari tanggal) untuk lama kegiatan; announced (diumumkan sebelumnya) atau inferred (disimpulkan) untuk tanggal; budget (anggaran), contract (kontrak), realised (realisasi) atau unspecified (tidak dirinci) untuk dana.',
        en: 'What the figure is: count, target, approximate, at_least, inferred; reported or dates for a duration; announced (told in advance) or inferred for a date; budget, contract, realised or unspecified for funding.',
      },
    ),
    f(
      'date',
      'string',
      { id: 'Tanggal status', en: 'Status date' },
      { id: 'Untuk status fasilitas: tanggal berlakunya status, bila laporan menyebutnya.', en: 'For a facility status: the date the status holds, when the report gives it.' },
      { date: { precision: 'precision' } },
    ),
    f('precision', 'string', { id: 'Ketepatan tanggal', en: 'Date precision' }, { id: 'Ketepatan tanggal pada kolom nilai atau tanggal status.', en: 'Precision of the date in value or date.' }, { enum: DATE_PRECISIONS }),
    f('evidence', 'string', { id: 'Bukti', en: 'Evidence' }, { id: 'Frasa asli dari laporan, diperiksa terhadap teksnya.', en: 'Verbatim phrase from the report, checked against its text.' }, { required: true }),
    f('note', 'string', { id: 'Catatan (bahasa Inggris)', en: 'Note' }, { id: 'Cara nilai diperoleh, bila tidak jelas dengan sendirinya, dalam bahasa Inggris.', en: 'How the value was derived, when that is not plain.' }),
    f('note_id', 'string', { id: 'Catatan', en: 'Note (Indonesian)' }, { id: 'Cara nilai diperoleh, bila tidak jelas dengan sendirinya.', en: 'The same note in Indonesian.' }),
    f(
      'best_reason',
      'string',
      { id: 'Alasan dipilih sebagai angka utama', en: 'Why chosen as best' },
      { id: 'Bila kurator memilih nilai laporan ini sebagai angka utama: alasannya, dalam bahasa Inggris.', en: 'When the curator chose this report’s value as the best, why.' },
    ),
    f(
      'best_reason_id',
      'string',
      { id: 'Alasan dipilih sebagai angka utama (bahasa Indonesia)', en: 'Why chosen as best (Indonesian)' },
      { id: 'Bila kurator memilih nilai laporan ini sebagai angka utama: alasannya.', en: 'The same reason in Indonesian.' },
    ),
  ];
  const flagFields = [
    id({ id: 'Id catatan kualitas', en: 'Flag id' }, { id: 'Kode pengenal catatan kualitas (slug).', en: 'Slug of the quality flag.' }),
    f('record_type', 'string', { id: 'Jenis catatan', en: 'Record type' }, { id: 'Jenis catatan yang ditandai.', en: 'Kind of record flagged.' }),
    f('record_id', 'string', { id: 'Id catatan', en: 'Record id' }, { id: 'Id catatan yang ditandai.', en: 'Id of the record flagged.' }),
    f('field', 'string', { id: 'Isian', en: 'Field' }, { id: 'Isian catatan yang dimaksud; kosong untuk seluruh catatan.', en: 'Field of the record concerned; blank for the whole record.' }),
    f('type', 'string', { id: 'Jenis catatan kualitas', en: 'Flag type' }, { id: 'Jenis pertentangan atau ketidakjelasan.', en: 'Kind of contradiction or vagueness.' }, { enum: [...FLAG_TYPES, ...DERIVED_FLAG_TYPES] }),
    f(
      'derived',
      'string',
      { id: 'Ditandai otomatis', en: 'Derived' },
      {
        id: '“yes” bila catatan ini muncul dari perbedaan antarlaporan sendiri, bukan ditulis kurator; jika tidak, “no”.',
        en: 'yes when the flag is raised by the reports’ own disagreement rather than written by the curator.',
      },
      { yesNo: true },
    ),
    f('note', 'string', { id: 'Penjelasan', en: 'Note (Indonesian)' }, { id: 'Penjelasan dalam bahasa Indonesia.', en: 'Explanation in Indonesian.' }),
    f('note_en', 'string', { id: 'Penjelasan (bahasa Inggris)', en: 'Note (English)' }, { id: 'Penjelasan dalam bahasa Inggris.', en: 'Explanation in English.' }),
  ];
  const distinctFields = [
    f('record_type', 'string', { id: 'Jenis catatan', en: 'Record type' }, { id: 'Jenis kedua catatan.', en: 'Kind of the two records.' }, { required: true }),
    f('record_id', 'string', { id: 'Catatan', en: 'Record' }, { id: 'Catatan yang pertama.', en: 'One record.' }, { required: true }),
    f('other_id', 'string', { id: 'Catatan lain', en: 'Other record' }, { id: 'Catatan yang lain, yang tampak mirip tetapi merupakan hal berbeda.', en: 'The other record, which looks alike but is a different thing.' }, { required: true }),
    f('reason', 'string', { id: 'Alasan', en: 'Reason' }, { id: 'Mengapa keduanya berbeda.', en: 'Why they are different.' }),
  ];
  const populationFields = [
    cityRef,
    f('year', 'integer', { id: 'Tahun', en: 'Year' }, { id: 'Tahun yang dirujuk angka ini.', en: 'Year the figure refers to.' }),
    f('value', 'integer', { id: 'Jumlah penduduk', en: 'Inhabitants' }, { id: 'Jumlah penduduk (jiwa).', en: 'Inhabitants.' }),
    f(
      'basis',
      'string',
      { id: 'Jenis sumber', en: 'Basis' },
      {
        id: 'Jenis sumber: sensus, proyeksi atau perkiraan BPS, data kependudukan (Dukcapil), berita, ensiklopedia.',
        en: 'Kind of source: census, BPS projection or estimate, civil registry, press, encyclopedia.',
      },
      { enum: POPULATION_BASES },
    ),
    sourceRef,
    f('evidence', 'string', { id: 'Bukti', en: 'Evidence' }, { id: 'Frasa asli dari sumbernya.', en: 'Verbatim phrase from the source.' }),
    f('note', 'string', { id: 'Catatan', en: 'Note' }, { id: 'Catatan tentang angka ini.', en: 'Note on the figure.' }),
    f('used', 'string', { id: 'Dipakai', en: 'Used' }, { id: '“yes” untuk angka yang menjadi pembagi angka per penduduk; jika tidak, “no”.', en: 'yes for the figure the per-inhabitant figures divide by.' }, { yesNo: true }),
  ];
  const summaryFields = [
    cityRef,
    f('name', 'string', { id: 'Nama', en: 'Name (Indonesian)' }, { id: 'Nama resmi dalam bahasa Indonesia.', en: 'Official name in Indonesian.' }),
    f('name_en', 'string', { id: 'Nama (bahasa Inggris)', en: 'Name (English)' }, { id: 'Nama dalam bahasa Inggris.', en: 'Name in English.' }),
    f('province', 'string', { id: 'Provinsi', en: 'Province' }, { id: 'Provinsi, dalam bahasa Indonesia.', en: 'Province, in Indonesian.' }),
    f('region_code', 'string', { id: 'Kode wilayah', en: 'Region code' }, { id: 'Kode wilayah resmi.', en: 'Official region code (kode wilayah).' }),
    ...METRICS.flatMap((m) => [
      f(m.id, 'integer', m.label, { id: `${m.definition.id} Kosong bila tidak dilaporkan.`, en: `${m.definition.en} Blank when not reported.` }),
      f(
        `${m.id}_low`,
        'integer',
        { id: `${m.label.id} terendah`, en: `${m.label.en}, lowest` },
        { id: `${m.label.id}: jumlah angka terendah yang diberikan laporan.`, en: `${m.label.en}: the sum of the lowest values the reports give.` },
      ),
      f(
        `${m.id}_high`,
        'integer',
        { id: `${m.label.id} tertinggi`, en: `${m.label.en}, highest` },
        { id: `${m.label.id}: jumlah angka tertinggi yang diberikan laporan.`, en: `${m.label.en}: the sum of the highest values the reports give.` },
      ),
      f(
        `${m.id}_per_10000`,
        'number',
        { id: `${m.label.id} per 10.000 penduduk`, en: `${m.label.en} per 10,000 inhabitants` },
        { id: `${m.label.id} per 10.000 penduduk (jumlah penduduk pada population_used).`, en: `${m.label.en} per 10,000 inhabitants (population in population_used).` },
      ),
      f(
        `${m.id}_qualifiers`,
        'string',
        { id: `${m.label.id}: catatan angka`, en: `${m.label.en}: qualifiers` },
        {
          id: `Bagian ${m.label.id.toLowerCase()} yang bukan hitungan biasa, masing-masing dengan jumlahnya (mis. target:70 = sasaran 70; inferred = disimpulkan kurator; approximate = perkiraan; at_least = "lebih dari"; planned = fasilitas yang baru direncanakan; under_construction = fasilitas yang sedang dibangun). Kosong bila semuanya hitungan.`,
          en: `The parts of ${m.label.en.toLowerCase()} that are not a plain count, each with its amount (e.g. target:70; inferred = worked out by the curator; approximate; at_least = a lower bound; planned, under_construction = facilities not yet built). Blank when all of it is counted.`,
        },
        { list: true },
      ),
      f(
        `${m.id}_number_of_sources`,
        'integer',
        { id: `${m.label.id}: jumlah laporan`, en: `${m.label.en}: reports` },
        { id: 'Jumlah laporan mandiri yang mendasari angka ini (cetak ulang dihitung bersama aslinya).', en: 'Number of independent reports behind the figure (a reprint counts with its original).' },
      ),
    ]),
    f(
      'participants_from_targets',
      'integer',
      { id: 'Peserta dari angka sasaran', en: 'Participants from targets' },
      { id: 'Bagian dari jumlah peserta yang berupa sasaran, bukan hitungan.', en: 'How much of participants is a target rather than a count.' },
    ),
    f('participants_missing', 'integer', { id: 'Pelatihan tanpa angka peserta', en: 'Trainings without participants' }, { id: 'Pelatihan yang tidak menyebut angka peserta.', en: 'Trainings with no participant figure.' }),
    f('training_days_missing', 'integer', { id: 'Pelatihan tanpa lama', en: 'Trainings without length' }, { id: 'Pelatihan yang lamanya tidak dilaporkan.', en: 'Trainings with no reported length.' }),
    f('person_days_missing', 'integer', { id: 'Pelatihan tanpa hari-orang', en: 'Trainings without person-days' }, { id: 'Pelatihan yang tidak melaporkan peserta atau lamanya.', en: 'Trainings lacking participants or length.' }),
    f('first_event', 'string', { id: 'Kegiatan pertama', en: 'First event' }, { id: 'Tanggal kegiatan paling awal yang diketahui.', en: 'Earliest known event date.' }, { date: {} }),
    f('last_event', 'string', { id: 'Kegiatan terakhir', en: 'Last event' }, { id: 'Tanggal kegiatan paling akhir yang diketahui.', en: 'Latest known event date.' }, { date: {} }),
    f('themes', 'string', { id: 'Tema program', en: 'Themes' }, { id: 'Tema program yang tercakup.', en: 'Programme themes covered.' }, { list: true }),
    f('sources', 'integer', { id: 'Jumlah laporan', en: 'Reports' }, { id: 'Jumlah laporan yang mendasari catatan kota ini.', en: 'Number of reports that support a record of the city.' }),
    f('records', 'integer', { id: 'Jumlah catatan', en: 'Records' }, { id: 'Jumlah catatan (kegiatan, fasilitas, kebijakan) kota ini.', en: 'Number of records (events, facilities, policies) of the city.' }),
    f(
      'rejected_sources',
      'integer',
      { id: 'Laporan yang ditolak', en: 'Rejected reports' },
      { id: 'Laporan yang dibaca untuk kota ini lalu ditolak (misalnya karena tentang kabupaten).', en: 'Reports read for the city and rejected (e.g. about the regency).' },
    ),
    f(
      'population_used',
      'integer',
      { id: 'Jumlah penduduk yang dipakai', en: 'Population used' },
      { id: 'Jumlah penduduk pembagi angka per penduduk; kosong bila tidak ada angka yang dapat dipakai.', en: 'Population the per-inhabitant figures divide by; blank when no usable figure.' },
    ),
    f('population_year', 'integer', { id: 'Tahun jumlah penduduk', en: 'Population year' }, { id: 'Tahun angka penduduk itu.', en: 'Year of that population figure.' }),
    f('population_source', 'string', { id: 'Sumber jumlah penduduk', en: 'Population source' }, { id: 'Sumber angka penduduk itu (sources.id).', en: 'Source of that population figure (sources.id).' }),
  ];
  const yes = (b: boolean) => (b ? 'yes' : 'no');

  return [
    {
      name: 'cities',
      title: { id: 'Kota', en: 'Cities' },
      description: { id: 'Kota-kota yang dibandingkan, dengan kode wilayah resmi dan koordinatnya.', en: 'The cities compared, with official region codes and coordinates.' },
      fields: cityFields,
      primaryKey: ['id'],
      rows: dataset.cities.map((r) => pick(r, cityFields)),
    },
    {
      name: 'sources',
      title: { id: 'Sumber', en: 'Sources' },
      description: {
        id: 'Setiap laporan yang dibaca: yang menjadi dasar angka dan yang ditolak, beserta alasannya.',
        en: 'Every report read: those the figures come from and those rejected, with the reason.',
      },
      fields: sourceFields,
      primaryKey: ['id'],
      foreignKeys: [fk('city', 'cities')],
      rows: dataset.sources.map((r) => ({ ...pick(r, sourceFields), time_precision: timePrecision(r.published_precision) })),
    },
    {
      name: 'organisations',
      title: { id: 'Lembaga', en: 'Organisations' },
      description: {
        id: 'Dinas kota dan lembaga lain yang menyelenggarakan atau mendukung program, dengan ejaan nama yang ditemukan dalam laporan.',
        en: 'City offices and other bodies that ran or supported the programmes, with the spellings found in the reports.',
      },
      fields: organisationFields,
      primaryKey: ['id'],
      rows: dataset.organisations.map((o) => ({ ...pick(o, organisationFields), variants: o.variants.map((v) => v.name), variant_sources: o.variants.map((v) => v.source) })),
    },
    {
      name: 'events',
      title: { id: 'Kegiatan', en: 'Events' },
      description: {
        id: 'Setiap kegiatan satu kali saja, dengan angka utama dan rentang setiap angka dari semua laporan yang menceritakannya.',
        en: 'Each event once, with the best value and range of each figure over every report that tells it.',
      },
      fields: eventFields,
      primaryKey: ['id'],
      foreignKeys: [fk('city', 'cities'), fk('organiser', 'organisations')],
      rows: dataset.events.map((r) => ({
        ...pick(r, eventFields),
        time_precision: timePrecision(r.start_precision),
        ...estimateCells('participants', r.estimates.participants),
        ...estimateCells('certified', r.estimates.certified),
        certified_basis: r.estimates.certified?.basis ?? null,
        ...estimateCells('funding', r.estimates.funding),
      })),
    },
    {
      name: 'facilities',
      title: { id: 'Fasilitas', en: 'Facilities' },
      description: { id: 'Fasilitas fisik batik, masing-masing satu kali, dengan status terakhir menurut laporan.', en: 'Physical batik facilities, each once, with the latest status the reports give.' },
      fields: facilityFields,
      primaryKey: ['id'],
      foreignKeys: [fk('city', 'cities')],
      rows: dataset.facilities.map((r) => ({ ...pick(r, facilityFields), status: latestStatus(r)?.status ?? null, status_as_of: latestStatus(r)?.as_of ?? null, ...estimateCells('funding', r.estimates.funding) })),
    },
    {
      name: 'facility-status',
      title: { id: 'Status fasilitas', en: 'Facility status' },
      description: { id: 'Setiap status setiap fasilitas pada tanggalnya, dengan laporan yang menyebutnya.', en: 'Each status of each facility on its date, with the reports that give it.' },
      fields: statusFields,
      foreignKeys: [fk('facility', 'facilities')],
      rows: dataset.facilities.flatMap((f) => f.statuses.map((s) => ({ ...pick(s, statusFields), time_precision: timePrecision(s.precision), dated: yes(s.dated) }))),
    },
    {
      name: 'policies',
      title: { id: 'Kebijakan', en: 'Policies' },
      description: { id: 'Instrumen kebijakan dan penetapan daerah tentang batik.', en: 'Local policy instruments and designations about batik.' },
      fields: policyFields,
      primaryKey: ['id'],
      foreignKeys: [fk('city', 'cities')],
      rows: dataset.policies.map((r) => pick(r, policyFields)),
    },
    {
      name: 'claims',
      title: { id: 'Apa kata setiap laporan', en: 'What each report says' },
      description: {
        id: 'Satu baris per angka per laporan: setiap nilai yang diberikan setiap laporan untuk setiap catatan, dengan kutipan buktinya. Angka utama dan rentang setiap catatan dihitung dari baris-baris ini.',
        en: 'One row per figure per report: every value each report gives for each record, with its verbatim evidence. The records’ best values and ranges are computed from these rows.',
      },
      fields: claimFields,
      foreignKeys: [fk('source', 'sources')],
      rows: dataset.claims.map((r) => pick(r, claimFields)),
    },
    {
      name: 'flags',
      title: { id: 'Catatan kualitas', en: 'Quality flags' },
      description: {
        id: 'Setiap pertentangan atau ketidakjelasan dalam laporan, baik yang dicatat kurator maupun yang muncul dari perbedaan antarlaporan.',
        en: 'Every contradiction or vagueness found in the reports, the curator’s and those the reports’ disagreements raise.',
      },
      fields: flagFields,
      primaryKey: ['id'],
      rows: dataset.flags.map((r) => ({ ...pick(r, flagFields), derived: yes(r.derived === true) })),
    },
    {
      name: 'distinct',
      title: { id: 'Catatan yang berbeda', en: 'Distinct records' },
      description: { id: 'Pasangan catatan yang tampak mirip tetapi merupakan hal berbeda, dengan alasannya.', en: 'Pairs of records that look alike but are different things, with the reason.' },
      fields: distinctFields,
      rows: dataset.distinct.map((r) => pick(r, distinctFields)),
    },
    {
      name: 'population',
      title: { id: 'Penduduk', en: 'Population' },
      description: {
        id: 'Angka penduduk setiap kota dengan tahun, dasar dan sumbernya; satu angka per kota dipakai untuk angka per penduduk.',
        en: 'Population figures of each city with year, basis and source; one per city is used for per-inhabitant figures.',
      },
      fields: populationFields,
      foreignKeys: [fk('city', 'cities'), fk('source', 'sources')],
      rows: dataset.population.map((r) => ({ ...pick(r, populationFields), used: yes(r.used) })),
    },
    {
      name: 'city-summary',
      title: { id: 'Ringkasan kota', en: 'City summary' },
      description: {
        id: 'Satu baris per kota dengan metrik perbandingan, rentangnya dan angka per penduduk. Angka kosong berarti tidak dilaporkan, bukan nol.',
        en: 'One row per city with the comparison metrics, their ranges and per-inhabitant figures. A blank figure means not reported, which is not zero.',
      },
      fields: summaryFields,
      primaryKey: ['city'],
      foreignKeys: [fk('city', 'cities')],
      rows: profiles.map((p) => ({
        city: p.city.id,
        name: p.city.name,
        name_en: p.city.name_en,
        province: p.city.province,
        region_code: p.city.region_code,
        ...Object.fromEntries(
          METRICS.flatMap((m) => {
            const v = p.metrics[m.id];
            return [
              [m.id, v.value],
              [`${m.id}_low`, v.low],
              [`${m.id}_high`, v.high],
              [`${m.id}_per_10000`, perTenThousand(v.value, p.population)],
              [`${m.id}_qualifiers`, QUALIFIERS.flatMap((q) => (v.qualified[q] ? [`${q}:${v.qualified[q].value}`] : []))],
              [`${m.id}_number_of_sources`, v.value === null ? null : v.sources.length],
            ];
          }),
        ),
        participants_from_targets: p.participantsFromTargets,
        participants_missing: p.metrics.participants.missing.length,
        training_days_missing: p.metrics.training_days.missing.length,
        person_days_missing: p.metrics.person_days.missing.length,
        first_event: p.firstEvent,
        last_event: p.lastEvent,
        themes: p.themes,
        sources: p.sources.length,
        records: p.records,
        rejected_sources: p.rejected.length,
        population_used: p.population?.value ?? null,
        population_year: p.population?.year ?? null,
        population_source: p.population?.source ?? null,
      })),
    },
  ];
}

/**
 * A text cell a spreadsheet could run as a formula (OWASP, "CSV Injection"): one whose
 * first character, or the first after white space, on its first line or any other, is =, +,
 * -, @ (or their full-width forms), a tab or a carriage return. Such a cell is written with
 * an apostrophe before it, so the spreadsheet shows it as text.
 */
export const FORMULA_START = /(?:^|\n)\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The UTF-8 byte-order mark every CSV starts with. Excel reads a CSV without it in the
 * computer's legacy code page (Windows-1252 under Indonesian settings), which garbles every
 * letter outside ASCII; with it, Excel reads UTF-8. Frictionless, pandas, readr and Papa Parse
 * skip it.
 */
export const BOM = '\uFEFF';

/**
 * CSV for spreadsheets and programs alike: UTF-8 with a byte-order mark (BOM), commas between
 * cells and CRLF line ends (RFC 4180), lists joined with "|", blanks for not reported, text that
 * could run as a formula neutralised (FORMULA_START); numbers are written as numbers, with a
 * point for decimals, and left alone. The comma stays even though Excel under Indonesian
 * settings expects ";": the files are also the machine contract that datapackage.json
 * describes, and the workbooks (workbook.ts) are the way to open the tables in Excel directly.
 */
export function toCsv(resource: Resource): string {
  const data = resource.rows.map((row) =>
    resource.fields.map((field) => {
      const v = row[field.name] ?? null;
      return Array.isArray(v) ? v.join('|') : v;
    }),
  );
  return `${BOM}${Papa.unparse({ fields: resource.fields.map((x) => x.name), data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

export const toJson = (resource: Resource): string => `${JSON.stringify(resource.rows, null, 2)}\n`;

export interface PackageInfo {
  /** Absolute site address, for the data package's homepage. */
  homepage: string;
}

/**
 * The version of the downloads' contract (columns, files, encoding); see data/CHANGELOG.md. The
 * two-city brief prints it, so a printed page can be matched with the downloads it came from.
 */
export const DATA_PACKAGE_VERSION = '2.2.0';

/** A Frictionless Data Package (v1) describing every CSV resource with a Table Schema. */
export function dataPackage(dataset: Dataset, info: PackageInfo, profiles?: readonly CityProfile[]) {
  return {
    profile: 'tabular-data-package',
    name: 'batik-kota',
    // The download contract's version: a major step whenever a column changes meaning or goes (data/CHANGELOG.md).
    version: DATA_PACKAGE_VERSION,
    title: `Batik industry development in ${dataset.cities.length} Indonesian cities`,
    description: `Training events, participants, certifications, facilities and policies for the batik industry in ${new Intl.ListFormat('en-GB').format(dataset.cities.map((c) => c.name))}, curated by hand from news reports. Each resource is also published as JSON beside its CSV, and as an Excel workbook, at ${workbookHref('<name>', 'id')} with Indonesian column labels and at ${workbookHref('<name>', 'en')} with English ones.`,
    homepage: info.homepage,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    sources: dataset.sources.map((s) => ({ title: `${s.publisher}: ${s.title}`, path: s.url })),
    resources: resources(dataset, profiles).map((r) => ({
      name: r.name,
      path: `${r.name}.csv`,
      profile: 'tabular-data-resource',
      title: r.title.en,
      description: r.description.en,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: r.fields.map((x) => ({
          name: x.name,
          type: x.type,
          description: x.list ? `${x.description.en} Several values are separated by "|".` : x.description.en,
          ...(x.type === 'date' ? { format: 'default' } : {}),
          constraints: { ...(x.required ? { required: true } : {}), ...(x.enum ? { enum: [...x.enum] } : {}) },
        })),
        missingValues: [''],
        ...(r.primaryKey ? { primaryKey: r.primaryKey } : {}),
        ...(r.foreignKeys ? { foreignKeys: r.foreignKeys } : {}),
      },
    })),
  };
}
