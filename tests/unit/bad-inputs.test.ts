/**
 * Bad inputs, one at a time: each case copies the real data folder, breaks one thing in one
 * file, loads it and checks that the loader refuses it (no dataset, a problem naming the
 * file, rule, physical line, row and column) or, for harmless variations, accepts it
 * without changing the value.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/dataset';
import { loadDataset } from '../../src/lib/load';
import { formatProblems, type Problem } from '../../src/lib/problems';

const dataDir = resolve(process.cwd(), 'data');
const reportsDir = resolve(process.cwd(), '../shared/reports');

// ---------------------------------------------------------------------------------------
// Mutations

/** One edit to one data file: on its text, or on its raw bytes for encoding cases. */
interface Mutation {
  file: string;
  edit: (bytes: Buffer) => Buffer;
}

/** Edit a data file as text. */
const mutate = (file: string, fn: (text: string) => string): Mutation => ({
  file,
  edit: (bytes) => Buffer.from(fn(bytes.toString('utf8')), 'utf8'),
});

/** Edit a data file as bytes. */
const mutateBytes = (file: string, fn: (bytes: Buffer) => Buffer): Mutation => ({ file, edit: fn });

/** Quote a cell the way a spreadsheet would, only when it has to be. */
const quote = (v: string) => (/[",\n\r]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const splitCsvLine = (line: string): string[] => Papa.parse<string[]>(line, { delimiter: ',' }).data[0]!;

/**
 * Replace one cell of the row on a physical line (the rows of the real files each sit on one
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

/** Several setCell edits on one text. */
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

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function loadMutated(mutations: Mutation[]) {
  const tmp = mkdtempSync(join(tmpdir(), 'batik-bad-'));
  temps.push(tmp);
  cpSync(dataDir, tmp, { recursive: true });
  for (const m of mutations) {
    const path = join(tmp, m.file);
    const before = readFileSync(path);
    const after = m.edit(before);
    if (after.equals(before)) throw new Error(`the mutation of ${m.file} changed nothing`);
    writeFileSync(path, after);
  }
  return loadDataset({ dataDir: tmp, reportsDir });
}

/** What a refusal must report. Properties left out are not checked. */
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
  /** Problems that must be reported (the dataset is then null)… */
  refused?: Expected[];
  /** …or checks on the dataset, which must load. */
  accepted?: (dataset: Dataset) => void;
}

const matches = (p: Problem, e: Expected) =>
  p.severity === 'error' &&
  p.file === e.file &&
  p.rule === e.rule &&
  (e.line === undefined || p.line === e.line) &&
  (e.row === undefined || p.row === e.row) &&
  (e.column === undefined || p.column === e.column) &&
  (e.value === undefined || p.value === e.value) &&
  (e.message === undefined || e.message.test(p.message));

// ---------------------------------------------------------------------------------------
// The cases. Lines of events.csv: 1 header, 2 probolinggo-2022-pelatihan-dasar-batik (row 1),
// 3 …-manajemen-pemasaran, 4 …-sertifikasi-…, 5 blitar-2023-pelatihan-batik, 6 mojokerto-…

const EV = 'events.csv';
const DASAR = 'probolinggo-2022-pelatihan-dasar-batik';
const event = (d: Dataset, id = DASAR) => {
  const e = d.eventById.get(id);
  if (!e) throw new Error(`event ${id} not loaded`);
  return e;
};
/** An error on one cell of events.csv line 2 (row 1). */
const onDasar = (column: string, rule: string, extra: Partial<Expected> = {}): Expected[] => [
  { file: EV, line: 2, row: 1, column, rule, ...extra },
];

const participantCases: Case[] = ['-5', '2.5', '1.234', '"1,234"', 'NA', 'NaN', '0x10', '1e309'].map((raw) => ({
  name: `participants ${raw} is not a whole number`,
  mutations: [mutate(EV, setCell(2, 'participants', raw))],
  refused: onDasar('participants', 'whole-number', { value: raw.replace(/^"|"$/g, '') }),
}));

const urlCases: Case[] = [
  ['javascript:alert(1)', 'javascript:alert(1)'],
  ['JavaScript:alert(1)', 'JavaScript:alert(1)'],
  ['java\tscript:alert(1)', '"java\tscript:alert(1)"'],
  ['data:text/html,x', '"data:text/html,x"'],
  ['//example.com/x', '//example.com/x'],
  ['http://example.com/x', 'http://example.com/x'],
  // Beyond the brief's list: a C1 control (NEL) and a right-to-left override, both unseen.
  ['https://example.com/\u0085x', 'https://example.com/\u0085x'],
  ['https://example.com/\u202Egpj.exe', 'https://example.com/\u202Egpj.exe'],
].map(([value, raw]) => ({
  name: `source url ${JSON.stringify(value)} is refused`,
  mutations: [mutate('sources.csv', setCell(2, 'url', raw!))],
  refused: [{ file: 'sources.csv', line: 2, row: 1, column: 'url', value: value!, rule: 'https-url' }],
}));
urlCases.push({
  // Both the space and the address are reported: the reader lists every problem of a cell.
  name: 'source url " javascript:alert(1)" (leading space) is refused',
  mutations: [mutate('sources.csv', setCell(2, 'url', '" javascript:alert(1)"'))],
  refused: [
    { file: 'sources.csv', line: 2, row: 1, column: 'url', value: ' javascript:alert(1)', rule: 'no-surrounding-space' },
    { file: 'sources.csv', line: 2, row: 1, column: 'url', value: ' javascript:alert(1)', rule: 'https-url' },
  ],
});

const formulaCases: Case[] = ['=SUM(A1:A9)', '+62 batik', '-5 batik', '@batik'].map((value) => ({
  name: `a title_en starting with ${value[0]} is kept verbatim`,
  mutations: [mutate(EV, setCell(2, 'title_en', quote(value)))],
  accepted: (d) => expect(event(d).title_en).toBe(value),
}));

const cases: Case[] = [
  // Files and headers
  { name: 'empty file', mutations: [mutate(EV, () => '')], refused: [{ file: EV, line: 1, rule: 'not-empty' }] },
  {
    name: 'header only',
    mutations: [mutate(EV, (t) => `${t.split('\n')[0]}\n`)],
    refused: [{ file: EV, line: 2, rule: 'has-rows' }],
  },
  {
    name: 'missing column',
    mutations: [mutate(EV, dropColumn('venue'))],
    refused: [{ file: EV, line: 1, column: 'venue', rule: 'header-missing' }],
  },
  {
    name: 'extra column',
    mutations: [mutate(EV, addColumn('notes', 'x'))],
    refused: [{ file: EV, line: 1, column: 'notes', rule: 'header-unknown' }],
  },
  {
    name: 'misspelled column, with a hint',
    mutations: [mutate(EV, renameColumn('participants', 'particpants'))],
    refused: [
      { file: EV, line: 1, column: 'particpants', rule: 'header-unknown', message: /did you mean "participants"\?/ },
      { file: EV, line: 1, column: 'participants', rule: 'header-missing' },
    ],
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
      expect(d.events).toHaveLength(8);
      expect(event(d).id).toBe(DASAR);
    },
  },
  {
    name: 'CRLF line ends: accepted, no CR left in any value',
    mutations: [mutate(EV, (t) => t.replace(/\n/g, '\r\n'))],
    accepted: (d) => {
      expect(d.events).toHaveLength(8);
      for (const e of d.events) for (const v of Object.values(e)) if (typeof v === 'string') expect(v).not.toMatch(/\r/);
      expect(event(d).equipment_evidence).toBeNull();
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
    mutations: [mutate(EV, setCell(9, 'equipment_evidence', '"tanpa tanda kutip penutup'))],
    refused: [{ file: EV, line: 9, rule: 'unterminated-quote' }],
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
    mutations: [mutate(EV, setCell(6, 'id', 'probolinggo-2022-pelatihan-manajemen-pemasaran'))],
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
          setCell(7, 'id', 'probolinggo-sertifikasi-kompetensi-profesi-batik'),
        ),
      ),
    ],
    refused: [{ file: EV, line: 7, row: 5, column: 'id', rule: 'unique', message: /line 5 \(row 3\)/ }],
  },

  // References: exact ids only
  { name: 'unknown city', mutations: [mutate(EV, setCell(2, 'city', 'surabaya'))], refused: onDasar('city', 'reference', { value: 'surabaya' }) },
  {
    name: 'unknown source',
    mutations: [mutate(EV, setCell(2, 'source', 'antara-000000'))],
    refused: onDasar('source', 'reference', { value: 'antara-000000' }),
  },
  {
    name: 'unknown organisation',
    mutations: [mutate(EV, setCell(2, 'organiser', 'dinas-tidak-ada'))],
    refused: onDasar('organiser', 'reference', { value: 'dinas-tidak-ada' }),
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
    refused: [
      { file: 'organisations.json', line: 16, row: 2, column: 'city', value: 'Blitar', rule: 'reference', message: /did you mean "blitar"/ },
    ],
  },

  // Dates
  {
    name: 'end date before start',
    mutations: [mutate(EV, setCell(2, 'end_date', '2022-05-20'))],
    refused: onDasar('end_date', 'end-before-start'),
  },
  {
    name: 'impossible date 2024-02-30',
    mutations: [mutate(EV, setCell(2, 'start_date', '2024-02-30'))],
    refused: onDasar('start_date', 'iso-date', { value: '2024-02-30' }),
  },
  {
    name: 'non-ISO date 30/01/2024',
    mutations: [mutate(EV, setCell(2, 'start_date', '30/01/2024'))],
    refused: onDasar('start_date', 'iso-date', { value: '30/01/2024' }),
  },

  // Counts
  ...participantCases,
  {
    name: 'blank participants: not reported, null (not 0)',
    mutations: [
      mutate(
        EV,
        edits(
          setCell(2, 'participants', ''),
          setCell(2, 'participants_basis', ''),
          setCell(2, 'participants_unit', ''),
          setCell(2, 'participants_evidence', ''),
        ),
      ),
    ],
    accepted: (d) => {
      const e = event(d);
      expect(e.participants).toBeNull();
      expect(e.participants_basis).toBeNull();
      expect(e.participants_unit).toBeNull();
      expect(e.participants_evidence).toBeNull();
    },
  },

  // Enumerations
  { name: 'unknown kind "workshop"', mutations: [mutate(EV, setCell(2, 'kind', 'workshop'))], refused: onDasar('kind', 'enum', { value: 'workshop' }) },

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
    mutations: [mutate('organisations.json', onLine(11, (l) => `${l},`))],
    refused: [{ file: 'organisations.json', line: 12, rule: 'json-syntax', message: /trailing comma/ }],
  },
  {
    name: 'JSON: __proto__ key',
    mutations: [mutate('organisations.json', onLine(3, (l) => `${l}\n    "__proto__": { "kind": "other" },`))],
    refused: [{ file: 'organisations.json', line: 4, column: '__proto__', rule: 'json-forbidden-key' }],
  },

  // Evidence
  { name: 'evidence phrase missing', mutations: [mutate(EV, setCell(2, 'evidence', ''))], refused: onDasar('evidence', 'required') },
  {
    name: 'evidence phrase not in its report',
    mutations: [mutate(EV, setCell(2, 'evidence', 'menggelar pelatihan batik tingkat nasional'))],
    refused: onDasar('evidence', 'evidence-not-found'),
  },

  // Text is kept as text
  {
    name: 'markup in a title is kept verbatim as text',
    mutations: [mutate(EV, setCell(2, 'title', '<script>alert(1)</script>'))],
    accepted: (d) => expect(event(d).title).toBe('<script>alert(1)</script>'),
  },
  ...formulaCases,

  // Every problem at once
  {
    name: 'all problems are listed at once, across files',
    mutations: [mutate('cities.csv', setCell(3, 'kind', 'kotamadya')), mutate(EV, setCell(2, 'start_date', '2022-13-01'))],
    refused: [
      { file: 'cities.csv', line: 3, row: 2, column: 'kind', value: 'kotamadya', rule: 'enum' },
      { file: EV, line: 2, row: 1, column: 'start_date', value: '2022-13-01', rule: 'iso-date' },
    ],
  },
];

describe('bad inputs', () => {
  it('the unmutated data loads', () => {
    const { dataset, problems } = loadDataset({ dataDir, reportsDir });
    expect(formatProblems(problems.filter((p) => p.severity === 'error'))).toBe('0 errors, 0 warnings');
    expect(dataset).not.toBeNull();
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { dataset, problems } = loadMutated(c.mutations);
    const report = formatProblems(problems);
    if (c.accepted) {
      expect(dataset, report).not.toBeNull();
      c.accepted(dataset!);
      return;
    }
    expect(dataset, report).toBeNull();
    expect(c.refused?.length).toBeGreaterThan(0);
    for (const e of c.refused ?? []) expect(problems.some((p) => matches(p, e)), `${JSON.stringify(e)} not in\n${report}`).toBe(true);
  });
});
