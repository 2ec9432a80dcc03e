import { Writable } from 'node:stream';
import * as exceljs from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { fieldType, type Field, type Resource } from './downloads';
import type { Lang } from './format';
import { CLAIM_FIELDS } from './schema';
import { cachedAsync, type CacheCodec } from './build-cache';

// exceljs is CommonJS: Node's own loader (the build, Vitest) exposes it as a default export
// only, a bundler as named exports; take whichever is there.
const { stream } = (exceljs as unknown as { default?: typeof exceljs }).default ?? exceljs;

/**
 * Each table of the downloads as an Excel workbook, for people who open the data in a
 * spreadsheet rather than a program: a first sheet saying what the table is, where it comes
 * from, when it was built, its licence and how to read it (with every column's label, name in
 * the CSV and meaning), then the table itself with column labels in the workbook's language.
 *
 * Cells carry their types, so nothing depends on the reader's regional settings: numbers are
 * numbers, a date known to the day is a date, a date known only to the week, month or year is
 * the text it is in the CSV (the precision column beside it says so; no day is made up),
 * yes/no is true/false, lists are joined with "|", and not reported is a blank cell, never 0.
 * Text is written as text (a shared string), exactly as curated: a spreadsheet never runs a
 * text cell as a formula, so it needs no apostrophe, unlike the CSV.
 */

export interface WorkbookInfo {
  /** Absolute address of the data page in the workbook's language: the source line. */
  source: string;
  /** The day the site was built, YYYY-MM-DD. */
  built: string;
}

const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** The media type of an .xlsx file. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TEXT: Record<
  Lang,
  {
    about: string;
    source: string;
    site: string;
    built: string;
    licence: string;
    licenceName: string;
    licenceText: string;
    data: (sheet: string) => string;
    reading: string;
    notes: string[];
    columns: string;
    column: string;
    meaning: string;
    name: string;
    type: string;
  }
> = {
  id: {
    about: 'Keterangan',
    source: 'Sumber',
    site: 'Batik Kota: perbandingan pengembangan industri batik',
    built: 'Tanggal dibuat',
    licence: 'Lisensi',
    licenceName: 'Creative Commons Atribusi 4.0 (CC BY 4.0)',
    licenceText: 'Boleh dipakai ulang dengan menyebut sumbernya: Batik Kota, beserta laporan berita asli yang tercantum di halaman Sumber.',
    data: (sheet) => `Tabelnya ada di lembar berikutnya, “${sheet}”.`,
    reading: 'Cara membaca',
    notes: [
      'Sel kosong berarti tidak dilaporkan, bukan nol.',
      'Tanggal yang diketahui sampai harinya ditulis sebagai tanggal. Tanggal yang hanya diketahui pekan, bulan atau tahunnya ditulis sebagai teks (YYYY-MM-DD, YYYY-MM atau YYYY) dan ketepatannya ada di kolom sebelahnya; tidak ada hari yang dikarang. Tanggal tanpa kolom ketepatan di sebelahnya juga ditulis sebagai teks.',
      'Beberapa nilai dalam satu sel (tema, mitra, laporan) dipisah dengan “|”.',
      'Kolom ya/tidak (yes/no dalam CSV) ditulis sebagai nilai logika BENAR/SALAH.',
      'Teks ditulis persis seperti dalam data dan selalu sebagai teks, tidak pernah dijalankan sebagai rumus.',
      'Tabel yang sama tersedia sebagai CSV dan JSON, dengan nama kolom seperti di bawah ini; kamus data lengkapnya ada di halaman Data.',
    ],
    columns: 'Kolom-kolom tabel',
    column: 'Kolom',
    meaning: 'Arti',
    name: 'Nama di CSV dan JSON',
    type: 'Tipe',
  },
  en: {
    about: 'About',
    source: 'Source',
    site: 'Batik Kota: comparing batik industry development',
    built: 'Built on',
    licence: 'Licence',
    licenceName: 'Creative Commons Attribution 4.0 (CC BY 4.0)',
    licenceText: 'Reuse it freely, with credit: Batik Kota, with the original news reports listed on the Sources page.',
    data: (sheet) => `The table is on the next sheet, “${sheet}”.`,
    reading: 'How to read it',
    notes: [
      'A blank cell means not reported, which is not zero.',
      'A date known to the day is a date. A date known only to the week, month or year is text (YYYY-MM-DD, YYYY-MM or YYYY), with its precision in the column beside it; no day is made up. A date with no precision column beside it is text too.',
      'Several values in one cell (themes, partners, reports) are separated by “|”.',
      'Yes/no columns (yes and no in the CSV) are logical values, TRUE or FALSE.',
      'Text is written exactly as in the data, and always as text: it is never run as a formula.',
      'The same table is published as CSV and JSON, with the column names below; the full data dictionary is on the Data page.',
    ],
    columns: 'The table’s columns',
    column: 'Column',
    meaning: 'Meaning',
    name: 'Name in CSV and JSON',
    type: 'Type',
  },
};

const DATE_FORMAT = 'yyyy-mm-dd';
const THOUSANDS = '#,##0';
/** Years and codes read wrong with a thousands separator ("2.024"). */
const plainInteger = (name: string) => /(^|_)year$|time_precision/.test(name);

/** A day-precise date as a date (midnight UTC, which Excel reads as that calendar day); any other as its text. */
const dayOrText = (value: string, precision: unknown): Date | string =>
  precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;

/** The cell for one field of one row, and its number format when it needs one. */
function workbookCell(field: Field, row: Resource['rows'][number]): { value: CellValue; numFmt?: string } {
  const v = row[field.name] ?? null;
  // Blank, as in the CSV: not reported, never 0 and never an empty text.
  if (v === null || v === '') return { value: null };
  if (Array.isArray(v)) return { value: v.length ? v.join('|') : null };
  if (field.yesNo) return { value: v === 'yes' };
  if (typeof v === 'number') return { value: v, ...(field.type === 'integer' && !plainInteger(field.name) ? { numFmt: THOUSANDS } : {}) };
  if (field.date) {
    const value = dayOrText(v, field.date.precision ? row[field.date.precision] : null);
    return value instanceof Date ? { value, numFmt: DATE_FORMAT } : { value };
  }
  if (field.claimValue) {
    const fields: Record<string, string> = CLAIM_FIELDS[row['record_type'] as keyof typeof CLAIM_FIELDS] ?? {};
    const kind = Object.hasOwn(fields, String(row['field'])) ? fields[String(row['field'])] : undefined;
    if ((kind === 'count' || kind === 'amount') && /^\d+$/.test(v)) return { value: Number(v), ...(row['field'] === 'year' ? {} : { numFmt: THOUSANDS }) };
    if (kind === 'date') {
      const value = dayOrText(v, row['precision']);
      return value instanceof Date ? { value, numFmt: DATE_FORMAT } : { value };
    }
  }
  return { value: v };
}

/** Excel's limits on a sheet name: 31 characters, none of []:*?/\. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** A column wide enough for its label and its longest line, within reason. */
function columnWidth(field: Field, resource: Resource, lang: Lang): number {
  let longest = field.label[lang].length;
  for (const row of resource.rows) {
    const v = row[field.name];
    if (v === null || v === undefined) continue;
    const text = Array.isArray(v) ? v.join('|') : typeof v === 'number' ? v.toLocaleString('en') : field.date ? '0000-00-00' : v;
    for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(Math.max(longest + 2, 10), 50);
}

function aboutSheet(sheet: Worksheet, resource: Resource, lang: Lang, info: WorkbookInfo, dataSheet: string): void {
  const t = TEXT[lang];
  sheet.columns = [{ width: 30 }, { width: 90 }, { width: 28 }, { width: 28 }];
  const title = sheet.addRow([`${resource.title[lang]} — Batik Kota`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([resource.description[lang]]);
  sheet.addRow([t.data(dataSheet)]);
  sheet.addRow([]);
  const labelled = (label: string, value: CellValue) => {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    return row;
  };
  labelled(t.source, { text: `${t.site}, ${info.source}`, hyperlink: info.source });
  const built = labelled(t.built, new Date(`${info.built}T00:00:00Z`)).getCell(2);
  built.numFmt = DATE_FORMAT;
  built.alignment = { horizontal: 'left' };
  labelled(t.licence, { text: t.licenceName, hyperlink: LICENCE_URL });
  sheet.addRow(['', t.licenceText]);
  sheet.addRow([]);
  sheet.addRow([t.reading]).font = { bold: true };
  for (const note of t.notes) sheet.addRow(['', note]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.addRow([]);
  sheet.addRow([t.columns]).font = { bold: true };
  const head = sheet.addRow([t.column, t.meaning, t.name, t.type]);
  head.font = { bold: true };
  for (const field of resource.fields) {
    const row = sheet.addRow([field.label[lang], field.description[lang], field.name, fieldType(field)[lang]]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = row.getCell(3).alignment = row.getCell(4).alignment = { vertical: 'top' };
  }
}

function dataSheet(sheet: Worksheet, resource: Resource, lang: Lang): void {
  sheet.columns = resource.fields.map((field) => ({ width: columnWidth(field, resource, lang) }));
  const header = sheet.addRow(resource.fields.map((field) => field.label[lang]));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });
  for (const row of resource.rows) {
    const cells = resource.fields.map((field) => workbookCell(field, row));
    const added = sheet.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => {
      if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
    });
    added.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: resource.fields.length } };
}

/** An .xlsx file is a zip archive: whole when it starts with a local file header and ends with the end of its central directory. */
const xlsxFile: CacheCodec<Uint8Array<ArrayBuffer>> = {
  folder: 'workbooks',
  extension: 'xlsx',
  encode: (bytes) => bytes,
  decode: (bytes) =>
    bytes.length >= 22 && bytes.readUInt32LE(0) === 0x04034b50 && bytes.readUInt32LE(bytes.length - 22) === 0x06054b50 ? new Uint8Array(bytes) : null,
};

/**
 * The workbook of one table with its labels in one language, as the bytes of an .xlsx file,
 * from the build cache when an earlier build wrote it from the same rows, language, source
 * line and date with the same code (src/lib/build-cache.ts).
 */
export const toXlsx = (resource: Resource, lang: Lang, info: WorkbookInfo): Promise<Uint8Array<ArrayBuffer>> =>
  cachedAsync('workbook', [resource, lang, info], () => writeXlsx(resource, lang, info), xlsxFile);

/**
 * Writes the workbook. exceljs's streaming writer writes each row out once it is complete rather than holding every
 * cell until the end: the same sheets in half the time, which counts with tens of thousands of claims.
 */
async function writeXlsx(resource: Resource, lang: Lang, info: WorkbookInfo): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  const built = new Date(`${info.built}T00:00:00Z`);
  workbook.creator = workbook.lastModifiedBy = 'Batik Kota';
  workbook.created = workbook.modified = built;
  workbook.title = resource.title[lang];
  workbook.subject = resource.description[lang];
  workbook.description = `${TEXT[lang].licence}: ${TEXT[lang].licenceName}. ${TEXT[lang].source}: ${info.source}`;
  const name = sheetName(resource.title[lang]);
  const about = workbook.addWorksheet(sheetName(TEXT[lang].about));
  aboutSheet(about, resource, lang, info, name);
  about.commit();
  const data = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  dataSheet(data, resource, lang);
  data.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
