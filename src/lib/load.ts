import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseCsv } from './csv';
import { buildDataset, type Dataset, type DatasetTables } from './dataset';
import { parseJson } from './json';
import type { Problem } from './problems';
import { hasErrors } from './problems';
import { ruleOf } from './cells';
import * as schema from './schema';
import { checkDataset, type Located } from './check';

export interface LoadOptions {
  /** Folder holding the data files (cities.csv, events.csv, …). */
  dataDir: string;
  /** Folder holding the source reports as text; evidence phrases are checked against them. */
  reportsDir?: string | null;
  /** Whether a missing reports folder is an error (CI, BATIK_REQUIRE_REPORTS=1) rather than a warning. */
  requireReports?: boolean;
}

export interface LoadResult {
  /** The dataset, or null when any error was found: there is no partial output. */
  dataset: Dataset | null;
  /** Every error and warning, in file order. */
  problems: Problem[];
  /** Whether every evidence phrase was checked against its report (false when the reports folder was missing). */
  evidenceChecked: boolean;
}

type LocatedTables = { [K in keyof DatasetTables]: Located<DatasetTables[K][number]>[] | null };

function readTable<S extends z.ZodRawShape>(
  dataDir: string,
  spec: schema.TableSpec<S>,
  problems: Problem[],
): Located<z.output<z.ZodObject<S>>>[] | null {
  const path = join(dataDir, spec.file);
  if (!existsSync(path)) {
    problems.push({ severity: 'error', file: spec.file, rule: 'file-missing', message: `the data file is missing from ${dataDir}` });
    return null;
  }
  const columns = Object.keys(spec.row.shape);
  const { table, problems: csvProblems } = parseCsv(readFileSync(path), spec.file, columns, spec.mayBeEmpty);
  problems.push(...csvProblems);
  if (!table) return null;
  const rows: Located<z.output<z.ZodObject<S>>>[] = [];
  let failed = hasErrors(csvProblems);
  for (const { line, row, cells } of table.rows) {
    const where = { file: spec.file, line, row };
    const parsed = spec.row.safeParse(cells);
    if (!parsed.success) {
      failed = true;
      for (const i of parsed.error.issues) {
        const column = String(i.path[0] ?? '');
        problems.push({ severity: 'error', ...where, column, value: cells[column], rule: ruleOf(i), message: i.message });
      }
      continue;
    }
    spec.rules?.(parsed.data, (column, rule, message) => {
      failed = true;
      problems.push({ severity: 'error', ...where, column, value: cells[column], rule, message });
    });
    rows.push({ value: parsed.data, ...where });
  }
  return failed ? null : rows;
}

function readOrganisations(dataDir: string, problems: Problem[]): Located<schema.OrganisationRow>[] | null {
  const file = schema.organisations.file;
  const path = join(dataDir, file);
  if (!existsSync(path)) {
    problems.push({ severity: 'error', file, rule: 'file-missing', message: `the data file is missing from ${dataDir}` });
    return null;
  }
  const { document, problems: jsonProblems } = parseJson(readFileSync(path), file);
  problems.push(...jsonProblems);
  if (!document) return null;
  if (!Array.isArray(document.value)) {
    problems.push({ severity: 'error', file, line: 1, rule: 'json-shape', message: 'the file must hold an array of organisation objects' });
    return null;
  }
  const rows: Located<schema.OrganisationRow>[] = [];
  let failed = false;
  document.value.forEach((item, i) => {
    const where = { file, line: document.elementLines[i], row: i + 1 };
    const parsed = schema.organisations.row.safeParse(item);
    if (!parsed.success) {
      failed = true;
      for (const issue of parsed.error.issues) {
        // The line of the offending value itself, where it exists, rather than of the record.
        const line = document.lineOf([i, ...issue.path]) ?? where.line;
        const value = issue.path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), item);
        problems.push({ severity: 'error', ...where, line, column: issue.path.join('.'), ...(typeof value === 'string' ? { value } : {}), rule: ruleOf(issue), message: issue.message });
      }
      return;
    }
    rows.push({ value: parsed.data, ...where, lineOf: (column) => document.lineOf([i, ...column.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k))]) });
  });
  return failed ? null : rows;
}

/**
 * Load, validate and join the whole dataset. Every file is read and every problem is
 * collected before deciding; one error anywhere means no dataset at all.
 */
export function loadDataset(options: LoadOptions): LoadResult {
  const problems: Problem[] = [];
  const tables: LocatedTables = {
    cities: readTable(options.dataDir, schema.cities, problems),
    sources: readTable(options.dataDir, schema.sources, problems),
    organisations: readOrganisations(options.dataDir, problems),
    events: readTable(options.dataDir, schema.events, problems),
    facilities: readTable(options.dataDir, schema.facilities, problems),
    policies: readTable(options.dataDir, schema.policies, problems),
    claims: readTable(options.dataDir, schema.claims, problems),
    flags: readTable(options.dataDir, schema.flags, problems),
    distinct: readTable(options.dataDir, schema.distinct, problems),
    population: readTable(options.dataDir, schema.population, problems),
  };
  problems.push(...checkDataset(tables, { reportsDir: options.reportsDir ?? null, requireReports: options.requireReports ?? false }));
  const evidenceChecked = !problems.some((p) => p.rule === 'reports-missing');
  if (hasErrors(problems) || Object.values(tables).some((t) => t === null)) return { dataset: null, problems, evidenceChecked };
  const plain = Object.fromEntries(
    Object.entries(tables).map(([k, rows]) => [k, rows!.map((r) => r.value)]),
  ) as unknown as DatasetTables;
  const dataset = buildDataset(plain);
  // Disagreements between reports raise their own flags; list them with the curator's.
  for (const f of dataset.flags.filter((x) => x.derived))
    problems.push({ severity: 'warning', file: 'claims.csv', rule: f.type, column: f.field ?? undefined, value: f.record_id, message: `${f.record_type} "${f.record_id}": ${f.note_en}` });
  return { dataset, problems, evidenceChecked };
}
