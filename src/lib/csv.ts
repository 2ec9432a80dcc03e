import Papa from 'papaparse';
import type { Problem } from './problems';
import { closest, decodeUtf8, invisibleCharacter, looksLikeUtf16, unsafeText, UTF16_MESSAGE } from './text';

/** One data row of a CSV file, with where it starts in the file. */
export interface CsvRow {
  /** Physical line on which the row starts (the header is line 1). */
  line: number;
  /** Data row number, 1-based, not counting the header. */
  row: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Read a CSV file strictly: UTF-8 only, comma-delimited, LF or CRLF line ends, the exact
 * expected header, every row as wide as the header. Every problem is collected; a file
 * with any error yields no rows at all, so nothing is ever half-read.
 */
export function parseCsv(
  bytes: Uint8Array,
  file: string,
  expectedColumns: readonly string[],
  /** Whether a header with no rows is a valid (empty) table, as for lists that may have no entries yet. */
  mayBeEmpty = false,
): { table?: CsvTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const fail = (p: Omit<Problem, 'severity' | 'file'>) => problems.push({ severity: 'error', file, ...p });

  if (looksLikeUtf16(bytes)) {
    fail({ line: 1, rule: 'utf-16', message: UTF16_MESSAGE });
    return { problems };
  }
  const decoded = decodeUtf8(bytes);
  if ('badLine' in decoded) {
    fail({ line: decoded.badLine, rule: 'utf-8', message: `bytes that are not valid UTF-8 on this line; save the file as UTF-8` });
    return { problems };
  }
  // A byte-order mark is harmless and common from spreadsheets: accept and strip it.
  let text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;

  if (text.trim() === '') {
    fail({ line: 1, rule: 'not-empty', message: 'the file is empty; it needs a header line and at least one row' });
    return { problems };
  }
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    const line = text.slice(0, loneCr.index).split('\n').length;
    fail({ line, rule: 'line-ends', message: 'a lone carriage return (CR) ends a line; use LF or CRLF line ends' });
    return { problems };
  }
  text = text.replace(/\r\n/g, '\n');

  const rawRows: { line: number; cells: string[] }[] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    header: false,
    skipEmptyLines: false,
    step(result) {
      const startLine = line;
      // The cursor stands just past the newline that ends the row.
      const end = result.meta.cursor;
      for (let i = offset; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      offset = end;
      for (const e of result.errors) {
        const rule = e.code === 'MissingQuotes' ? 'unterminated-quote' : e.code === 'InvalidQuotes' ? 'invalid-quote' : 'csv-syntax';
        fail({ line: startLine, rule, message: `${e.message} (a quote opened here is not closed properly)` });
      }
      rawRows.push({ line: startLine, cells: result.data });
    },
  });
  if (problems.length) return { problems };

  // A final newline at the end of the file is normal, not a blank row.
  const last = rawRows[rawRows.length - 1];
  if (last && last.cells.length === 1 && last.cells[0] === '' && text.endsWith('\n')) rawRows.pop();

  const [headerRow, ...dataRows] = rawRows;
  const header = headerRow!.cells;
  if (header.length === 1 && /[;\t]/.test(header[0]!)) {
    const delimiter = header[0]!.includes(';') ? 'semicolons' : 'tabs';
    fail({ line: 1, rule: 'delimiter', value: header[0], message: `the header is separated by ${delimiter}; this project's CSV files use commas (in a spreadsheet: save as "CSV UTF-8 (comma delimited)")` });
    return { problems };
  }
  checkHeader(header, expectedColumns, fail);
  if (dataRows.length === 0 && !mayBeEmpty) {
    fail({ line: 2, rule: 'has-rows', message: 'the file has a header but no rows' });
  }
  if (problems.length) return { problems };

  const rows: CsvRow[] = [];
  dataRows.forEach((raw, i) => {
    const row = i + 1;
    // A spreadsheet often saves an emptied row as a line of commas: one problem, not one per cell.
    if (raw.cells.every((c) => c === '')) {
      fail({ line: raw.line, row, rule: 'blank-row', message: 'a blank row (no cell has a value); delete it' });
      return;
    }
    if (raw.cells.length !== header.length) {
      fail({ line: raw.line, row, rule: 'row-width', message: `the row has ${raw.cells.length} cells but the header has ${header.length} columns (a missing or extra comma, or an unquoted comma in a cell)` });
      return;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, j) => {
      const value = raw.cells[j]!;
      cells[name] = value;
      if (value !== value.trim()) {
        fail({ line: raw.line, row, column: name, value, rule: 'no-surrounding-space', message: 'the cell starts or ends with white space; remove it (values are never trimmed silently)' });
      }
      const unsafe = unsafeText(value);
      if (unsafe) fail({ line: raw.line, row, column: name, value, rule: 'text-characters', message: unsafe });
    });
    rows.push({ line: raw.line, row, cells });
  });
  // Rows that are only badly spaced or hold a bad character are still returned, so their cells get checked too and
  // every problem of the file is listed at once; the space errors still fail the file.
  const structural = problems.some((p) => p.rule !== 'no-surrounding-space' && p.rule !== 'text-characters');
  return structural ? { problems } : { table: { header, rows }, problems };
}

function checkHeader(
  header: readonly string[],
  expected: readonly string[],
  fail: (p: Omit<Problem, 'severity' | 'file'>) => void,
): void {
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const name of header) {
    if (seen.has(name)) fail({ line: 1, column: name, rule: 'header-duplicate', message: `the column "${name}" appears more than once` });
    seen.add(name);
    if (!expected.includes(name)) unknown.push(name);
  }
  const missing = expected.filter((c) => !seen.has(c));
  for (const name of unknown) {
    const invisible = invisibleCharacter(name);
    const guess = closest(name, missing);
    const hint = invisible ? ` (it contains an invisible character ${invisible})` : guess ? ` (did you mean "${guess}"?)` : '';
    fail({ line: 1, column: name, rule: 'header-unknown', message: `unexpected column "${name}"${hint}; expected columns: ${expected.join(', ')}` });
  }
  for (const name of missing) {
    fail({ line: 1, column: name, rule: 'header-missing', message: `the required column "${name}" is missing` });
  }
}
