import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetTables } from './dataset';
import type { Problem } from './problems';
import { EVENT_EVIDENCE, FACILITY_STATUSES, type RecordType } from './schema';
import { closest, normaliseForMatch } from './text';

/** A validated record with the place it was read from. */
export interface Located<T> {
  value: T;
  file: string;
  line?: number | undefined;
  row?: number | undefined;
  /** For a JSON record: the line of a field (e.g. "city", "variants.0.source"), when it differs. */
  lineOf?: (column: string) => number | undefined;
}

type Tables = { [K in keyof DatasetTables]: Located<DatasetTables[K][number]>[] | null };

/**
 * Checks across records and files: unique ids, references between files, evidence phrases
 * found in the cited report, flags attached to real records. A table that failed to load
 * is skipped here, so one broken file does not bury the others under follow-on errors.
 */
export function checkDataset(t: Tables, reportsDir: string | null): Problem[] {
  const problems: Problem[] = [];
  const at = (r: Located<unknown>, column: string, value: string | null | undefined) => ({
    file: r.file,
    line: r.lineOf?.(column) ?? r.line,
    row: r.row,
    column,
    ...(value !== null && value !== undefined ? { value } : {}),
  });
  const error = (r: Located<unknown>, column: string, value: string | null | undefined, rule: string, message: string) =>
    problems.push({ severity: 'error', ...at(r, column, value), rule, message });
  const warn = (r: Located<unknown>, column: string, value: string | null | undefined, rule: string, message: string) =>
    problems.push({ severity: 'warning', ...at(r, column, value), rule, message });

  // Unique ids, reported at every repeat with the line of the first.
  const unique = <T>(rows: Located<T>[] | null, key: (v: T) => string, column: string) => {
    const first = new Map<string, Located<T>>();
    for (const r of rows ?? []) {
      const k = key(r.value);
      const seen = first.get(k);
      if (seen) error(r, column, k, 'unique', `"${k}" is already used on line ${seen.line} (row ${seen.row})`);
      else first.set(k, r);
    }
    return first;
  };
  const cities = unique(t.cities, (c) => c.id, 'id');
  unique(t.cities, (c) => c.region_code, 'region_code');
  const sources = unique(t.sources, (s) => s.id, 'id');
  const organisations = unique(t.organisations, (o) => o.id, 'id');
  const events = unique(t.events, (e) => e.id, 'id');
  const facilities = unique(t.facilities, (f) => f.id, 'id');
  const policies = unique(t.policies, (p) => p.id, 'id');
  unique(t.flags, (f) => f.id, 'id');
  unique(t.facilityStatus, (s) => `${s.facility} ${s.status} ${s.source}`, 'status');

  // References: exact ids only; a near miss (other case, a trailing space) gets a hint.
  const ref = (r: Located<unknown>, column: string, value: string | null, target: Map<string, unknown> | null, what: string) => {
    if (value === null || target === null) return;
    if (target.has(value)) return;
    const guess = closest(value, target.keys());
    error(r, column, value, 'reference', `no ${what} has the id "${value}"${guess ? ` (did you mean "${guess}"? ids are matched exactly)` : ''}`);
  };
  const loaded = <T>(rows: Located<T>[] | null, index: Map<string, Located<T>>) => (rows ? index : null);
  const cityIds = loaded(t.cities, cities);
  const sourceIds = loaded(t.sources, sources);
  const orgIds = loaded(t.organisations, organisations);

  for (const o of t.organisations ?? []) {
    if (o.value.city !== '') ref(o, 'city', o.value.city, cityIds, 'city');
    o.value.variants.forEach((v, i) => ref(o, `variants.${i}.source`, v.source, sourceIds, 'source'));
  }
  for (const e of t.events ?? []) {
    ref(e, 'city', e.value.city, cityIds, 'city');
    ref(e, 'source', e.value.source, sourceIds, 'source');
    ref(e, 'organiser', e.value.organiser, orgIds, 'organisation');
    for (const p of e.value.partners) ref(e, 'partners', p, orgIds, 'organisation');
  }
  for (const f of t.facilities ?? []) {
    ref(f, 'city', f.value.city, cityIds, 'city');
    ref(f, 'location_source', f.value.location_source, sourceIds, 'source');
    ref(f, 'funding_source', f.value.funding_source, sourceIds, 'source');
  }
  for (const s of t.facilityStatus ?? []) {
    ref(s, 'facility', s.value.facility, loaded(t.facilities, facilities), 'facility');
    ref(s, 'source', s.value.source, sourceIds, 'source');
  }
  for (const p of t.policies ?? []) {
    ref(p, 'city', p.value.city, cityIds, 'city');
    ref(p, 'source', p.value.source, sourceIds, 'source');
  }

  // Flags must point at a real record and, when they name a field, at one of its columns.
  const records: Record<RecordType, { rows: Located<object>[] | null; index: Map<string, Located<object>> }> = {
    city: { rows: t.cities, index: cities },
    source: { rows: t.sources, index: sources },
    organisation: { rows: t.organisations, index: organisations },
    event: { rows: t.events, index: events },
    facility: { rows: t.facilities, index: facilities },
    policy: { rows: t.policies, index: policies },
  };
  const flagged = new Set<string>();
  for (const f of t.flags ?? []) {
    const target = records[f.value.record_type];
    if (!target.rows) continue;
    ref(f, 'record_id', f.value.record_id, target.index, f.value.record_type);
    const record = target.index.get(f.value.record_id);
    if (record && f.value.field !== null && !(f.value.field in record.value))
      error(f, 'field', f.value.field, 'flag-field', `a ${f.value.record_type} has no field "${f.value.field}"; leave it blank to flag the whole record`);
    flagged.add(`${f.value.record_type}:${f.value.record_id}:${f.value.type}`);
    warn(f, 'type', f.value.type, 'flag', `${f.value.record_type} "${f.value.record_id}"${f.value.field ? ` (${f.value.field})` : ''}: ${f.value.note_en}`);
  }

  // Vague figures must carry the flag that explains them, so readers see the caveat.
  if (t.flags) {
    const needsFlag = (r: Located<unknown>, type: RecordType, id: string, column: string, flag: string, why: string) => {
      if (!flagged.has(`${type}:${id}:${flag}`))
        warn(r, column, null, 'flag-missing', `${why}; add a row to flags.csv with record_type "${type}", record_id "${id}" and type "${flag}" explaining it`);
    };
    for (const e of t.events ?? []) {
      const v = e.value;
      if (v.participants_basis === 'target') needsFlag(e, 'event', v.id, 'participants_basis', 'target_not_count', 'the participant figure is a target, not a count');
      if (v.participants_unit === 'businesses') needsFlag(e, 'event', v.id, 'participants_unit', 'unit_not_people', 'participants are counted as businesses, not people');
      if (v.start_precision === 'approximate') needsFlag(e, 'event', v.id, 'start_precision', 'approximate_date', 'the start date is approximate');
      if (v.start_precision === 'unknown') needsFlag(e, 'event', v.id, 'start_precision', 'date_unknown', 'the date is unknown');
      if (v.certified !== null && v.participants !== null && v.certified > v.participants)
        warn(e, 'certified', String(v.certified), 'certified-participants', `more people certified (${v.certified}) than participants (${v.participants})`);
    }
  }

  // Facility status should not go backwards in time.
  if (t.facilityStatus && t.sources) {
    const history = new Map<string, { as_of: string; status: (typeof FACILITY_STATUSES)[number]; r: Located<unknown> }[]>();
    for (const s of t.facilityStatus) {
      const source = sources.get(s.value.source);
      if (!source) continue;
      const list = history.get(s.value.facility) ?? [];
      list.push({ as_of: source.value.published, status: s.value.status, r: s });
      history.set(s.value.facility, list);
    }
    for (const list of history.values()) {
      list.sort((a, b) => a.as_of.localeCompare(b.as_of));
      for (let i = 1; i < list.length; i++) {
        const [prev, cur] = [list[i - 1]!, list[i]!];
        if (FACILITY_STATUSES.indexOf(cur.status) < FACILITY_STATUSES.indexOf(prev.status))
          warn(cur.r, 'status', cur.status, 'status-order', `the status goes back from "${prev.status}" (${prev.as_of}) to "${cur.status}" (${cur.as_of})`);
      }
    }
    for (const f of t.facilities ?? [])
      if (!history.has(f.value.id)) warn(f, 'id', f.value.id, 'status-missing', 'the facility has no row in facility-status.csv, so its status is unknown');
  }

  // Every source should be cited by something.
  if (t.sources) {
    const cited = new Set<string>();
    for (const e of t.events ?? []) cited.add(e.value.source);
    for (const s of t.facilityStatus ?? []) cited.add(s.value.source);
    for (const p of t.policies ?? []) cited.add(p.value.source);
    for (const f of t.facilities ?? []) [f.value.location_source, f.value.funding_source].forEach((x) => x && cited.add(x));
    for (const s of t.sources) if (!cited.has(s.value.id)) warn(s, 'id', s.value.id, 'source-unused', 'no record cites this source');
  }

  problems.push(...checkEvidence(t, sources, cities, reportsDir));
  return problems;
}

/**
 * Each evidence phrase must appear verbatim in the report it cites (white space, quote
 * style and Unicode form aside), and a report cited for a city must name that kota, so a
 * report about the regency of the same name does not land on the city.
 */
function checkEvidence(
  t: Tables,
  sources: Map<string, Located<DatasetTables['sources'][number]>>,
  cities: Map<string, Located<DatasetTables['cities'][number]>>,
  reportsDir: string | null,
): Problem[] {
  const problems: Problem[] = [];
  if (!t.sources) return problems;
  if (!reportsDir || !existsSync(reportsDir)) {
    problems.push({
      severity: 'warning',
      file: 'sources.csv',
      rule: 'reports-missing',
      message: `the reports folder ${reportsDir ?? '(not set)'} is not available, so evidence phrases were not checked against the reports`,
    });
    return problems;
  }
  const texts = new Map<string, string | null>();
  for (const s of t.sources) {
    const file = s.value.report_file;
    if (!file) {
      problems.push({ severity: 'warning', file: s.file, line: s.line, row: s.row, column: 'report_file', rule: 'report-file', message: 'no report file is named, so evidence citing this source is not checked' });
      texts.set(s.value.id, null);
      continue;
    }
    const path = join(reportsDir, file);
    if (!existsSync(path)) {
      problems.push({ severity: 'error', file: s.file, line: s.line, row: s.row, column: 'report_file', value: file, rule: 'report-file', message: `the report file is not in ${reportsDir}` });
      texts.set(s.value.id, null);
      continue;
    }
    texts.set(s.value.id, normaliseForMatch(readFileSync(path, 'utf8')));
  }

  const phrase = (r: Located<unknown>, sourceId: string | null, column: string, value: string | null) => {
    if (!sourceId || value === null) return;
    const text = texts.get(sourceId);
    if (!text) return;
    if (!text.includes(normaliseForMatch(value)))
      problems.push({ severity: 'error', file: r.file, line: r.lineOf?.(column) ?? r.line, row: r.row, column, value, rule: 'evidence-not-found', message: `the phrase is not in the report of source "${sourceId}" (${sources.get(sourceId)?.value.report_file}); copy it verbatim from the report` });
  };
  const namesCity = (r: Located<unknown>, sourceId: string, cityId: string) => {
    const text = texts.get(sourceId)?.toLowerCase();
    const city = cities.get(cityId)?.value;
    if (!text || !city) return;
    const base = city.name.replace(/^(kota|kabupaten)\s+/i, '').toLowerCase();
    const kota = text.includes(`kota ${base}`) || text.includes(`pemkot ${base}`);
    const kabupaten = text.includes(`kabupaten ${base}`) || text.includes(`kab. ${base}`) || text.includes(`pemkab ${base}`);
    if (city.kind === 'kota' && kabupaten && !kota)
      problems.push({ severity: 'error', file: r.file, line: r.line, row: r.row, column: 'city', value: cityId, rule: 'kota-not-kabupaten', message: `the report of "${sourceId}" speaks of Kabupaten ${base[0]!.toUpperCase()}${base.slice(1)}, not ${city.name}: records are keyed to the kota` });
    else if (city.kind === 'kota' && !kota)
      problems.push({ severity: 'warning', file: r.file, line: r.line, row: r.row, column: 'city', value: cityId, rule: 'kota-not-named', message: `the report of "${sourceId}" never names ${city.name}; check that it is about the city and not the regency` });
  };

  for (const e of t.events ?? []) {
    const v = e.value;
    phrase(e, v.source, 'evidence', v.evidence);
    for (const column of Object.values(EVENT_EVIDENCE)) phrase(e, v.source, column, v[column] as string | null);
    namesCity(e, v.source, v.city);
  }
  for (const f of t.facilities ?? []) {
    phrase(f, f.value.location_source, 'location_evidence', f.value.location_evidence);
    phrase(f, f.value.funding_source, 'funding_evidence', f.value.funding_evidence);
  }
  for (const s of t.facilityStatus ?? []) phrase(s, s.value.source, 'evidence', s.value.evidence);
  for (const p of t.policies ?? []) {
    phrase(p, p.value.source, 'evidence', p.value.evidence);
    namesCity(p, p.value.source, p.value.city);
  }
  for (const o of t.organisations ?? []) o.value.variants.forEach((v, i) => phrase(o, v.source, `variants.${i}.name`, v.name));
  return problems;
}
