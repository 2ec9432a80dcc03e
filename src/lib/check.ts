import { groupBy, type DatasetTables } from './dataset';
import type { Problem } from './problems';
import { CLAIM_FIELDS, daysBetween, FACILITY_STATUSES, type ClaimRow, type RecordType } from './schema';
import { PLAUSIBLE } from './plausibility';
import { checkEvidence, type ReportCheckOptions } from './check-evidence';
import { closest } from './text';
import { phraseStates } from './numbers';

/** A validated record with the place it was read from. */
export interface Located<T> {
  value: T;
  file: string;
  line?: number | undefined;
  row?: number | undefined;
  /** For a JSON record: the line of a field (e.g. "city", "variants.0.source"), when it differs. */
  lineOf?: (column: string) => number | undefined;
}

export type Tables = { [K in keyof DatasetTables]: Located<DatasetTables[K][number]>[] | null };

/** Collects problems, each placed at a record's file, line, row and column. */
export class ProblemLog {
  readonly problems: Problem[] = [];
  private add(severity: Problem['severity'], r: Located<unknown>, column: string, value: string | null | undefined, rule: string, message: string) {
    this.problems.push({
      severity,
      file: r.file,
      line: r.lineOf?.(column) ?? r.line,
      row: r.row,
      column,
      ...(value !== null && value !== undefined ? { value } : {}),
      rule,
      message,
    });
  }
  error = (r: Located<unknown>, column: string, value: string | null | undefined, rule: string, message: string) => this.add('error', r, column, value, rule, message);
  warn = (r: Located<unknown>, column: string, value: string | null | undefined, rule: string, message: string) => this.add('warning', r, column, value, rule, message);
}

type Index<T> = Map<string, Located<T>>;

/** Unique keys, reported at every repeat with the line of the first. */
function unique<T>(log: ProblemLog, rows: Located<T>[] | null, key: (v: T) => string, column: string): Index<T> {
  const first = new Map<string, Located<T>>();
  for (const r of rows ?? []) {
    const k = key(r.value);
    const seen = first.get(k);
    if (seen) log.error(r, column, k, 'unique', `"${k}" is already used on line ${seen.line} (row ${seen.row})`);
    else first.set(k, r);
  }
  return first;
}

/**
 * Checks across records and files, by concern: identity and references, what the reports
 * say (claims), the flags that explain vague figures, likely duplicates, facility histories,
 * and the evidence against the report texts. A table that failed to load is skipped, so one
 * broken file does not bury the others under follow-on errors.
 */
/** Today's date (UTC), which the data is checked against: no report is published after it. */
export const today = (): string => new Date().toISOString().slice(0, 10);

export function checkDataset(t: Tables, reports: ReportCheckOptions): Problem[] {
  const log = new ProblemLog();
  const ix = checkReferences(log, t);
  checkClaims(log, t, ix);
  checkPublication(log, t, today());
  checkFlags(log, t, ix);
  checkDuplicates(log, t);
  checkFacilityHistories(log, t, ix);
  checkEvidence(log, t, ix, reports);
  return log.problems;
}

export type Indexes = ReturnType<typeof checkReferences>;

function checkReferences(log: ProblemLog, t: Tables) {
  const cities = unique(log, t.cities, (c) => c.id, 'id');
  unique(log, t.cities, (c) => c.region_code, 'region_code');
  const sources = unique(log, t.sources, (s) => s.id, 'id');
  unique(log, t.sources, (s) => s.report_file, 'report_file');
  const organisations = unique(log, t.organisations, (o) => o.id, 'id');
  const records = {
    event: unique(log, t.events, (e) => e.id, 'id') as Index<{ id: string; city: string }>,
    facility: unique(log, t.facilities, (f) => f.id, 'id') as Index<{ id: string; city: string }>,
    policy: unique(log, t.policies, (p) => p.id, 'id') as Index<{ id: string; city: string }>,
  };
  unique(log, t.flags, (f) => f.id, 'id');
  unique(log, t.population, (p) => `${p.city} ${p.year} ${p.source}`, 'year');

  // Exact ids only; a near miss (other case, a trailing space) gets a hint.
  const ref = (r: Located<unknown>, column: string, value: string | null, target: Map<string, unknown> | null, what: string) => {
    if (value === null || target === null || target.has(value)) return;
    const guess = closest(value, target.keys());
    log.error(r, column, value, 'reference', `no ${what} has the id "${value}"${guess ? ` (did you mean "${guess}"? ids are matched exactly)` : ''}`);
  };
  const loaded = <T>(rows: Located<T>[] | null, index: Index<T>) => (rows ? index : null);
  const cityIds = loaded(t.cities, cities);
  const sourceIds = loaded(t.sources, sources);
  const orgIds = loaded(t.organisations, organisations);
  const recordIds = { event: loaded(t.events, records.event), facility: loaded(t.facilities, records.facility), policy: loaded(t.policies, records.policy) };

  for (const s of t.sources ?? []) {
    ref(s, 'city', s.value.city, cityIds, 'city');
    ref(s, 'reprint_of', s.value.reprint_of, sourceIds, 'source');
  }
  for (const o of t.organisations ?? []) {
    if (o.value.city !== '') ref(o, 'city', o.value.city, cityIds, 'city');
    o.value.variants.forEach((v, i) => ref(o, `variants.${i}.source`, v.source, sourceIds, 'source'));
  }
  for (const e of t.events ?? []) {
    ref(e, 'city', e.value.city, cityIds, 'city');
    ref(e, 'organiser', e.value.organiser, orgIds, 'organisation');
    for (const p of e.value.partners) ref(e, 'partners', p, orgIds, 'organisation');
    ref(e, 'facility', e.value.facility, recordIds.facility, 'facility');
    const facility = e.value.facility ? records.facility.get(e.value.facility) : undefined;
    if (facility && facility.value.city !== e.value.city)
      log.error(e, 'facility', e.value.facility, 'facility-city', `the facility belongs to "${facility.value.city}", not "${e.value.city}"`);
    const organiser = e.value.organiser ? organisations.get(e.value.organiser)?.value : undefined;
    if (organiser && organiser.city !== '' && organiser.city !== e.value.city)
      log.error(e, 'organiser', e.value.organiser, 'organiser-city', `the organiser is a body of "${organiser.city}", not of "${e.value.city}"; name this city's office, or leave "city" blank in organisations.json for a provincial or national body`);
  }
  for (const f of t.facilities ?? []) ref(f, 'city', f.value.city, cityIds, 'city');
  for (const p of t.policies ?? []) ref(p, 'city', p.value.city, cityIds, 'city');
  for (const c of t.claims ?? []) {
    ref(c, 'record_id', c.value.record_id, recordIds[c.value.record_type], c.value.record_type);
    ref(c, 'source', c.value.source, sourceIds, 'source');
  }
  for (const d of t.distinct ?? []) {
    ref(d, 'record_id', d.value.record_id, recordIds[d.value.record_type], d.value.record_type);
    ref(d, 'other_id', d.value.other_id, recordIds[d.value.record_type], d.value.record_type);
  }
  for (const p of t.population ?? []) {
    ref(p, 'city', p.value.city, cityIds, 'city');
    ref(p, 'source', p.value.source, sourceIds, 'source');
  }
  return { cities, sources, organisations, records };
}

const COUNT_FLAGS: Record<string, { type: string; why: string }> = {
  target: { type: 'target_not_count', why: 'the figure is a target, not a count' },
  approximate: { type: 'approximate_figure', why: 'the figure is approximate' },
  at_least: { type: 'approximate_figure', why: 'the figure is a lower bound ("lebih dari")' },
  inferred: { type: 'inferred', why: 'the figure is inferred by the curator, not stated by the report' },
};
const DATE_FLAGS = ['approximate_date', 'year_inferred', 'date_unknown', 'weekday_mismatch'];

/** What each report says: linked to the record, not from a rejected report, figures stated by their phrase. */
function checkClaims(log: ProblemLog, t: Tables, ix: Indexes) {
  if (!t.claims) return;
  const reportedPairs = new Set<string>();
  const pairs = new Map<string, Located<ClaimRow>>();
  for (const c of t.claims) {
    const v = c.value;
    const pair = `${v.record_type}:${v.record_id}:${v.source}`;
    if (v.field === 'reported') {
      if (reportedPairs.has(pair)) log.error(c, 'field', v.field, 'unique', `report "${v.source}" is already linked to ${v.record_type} "${v.record_id}" by an earlier "reported" row`);
      reportedPairs.add(pair);
    } else if (!pairs.has(pair)) pairs.set(pair, c);
    const source = ix.sources.get(v.source)?.value;
    if (source?.rejected)
      log.error(c, 'source', v.source, 'rejected-source', `report "${v.source}" is registered as rejected (${source.rejected}); a rejected report supports no record — clear "rejected" in sources.csv or remove this row`);
    const record = ix.records[v.record_type].get(v.record_id)?.value;
    if (source && record && source.city !== record.city)
      log.warn(c, 'source', v.source, 'source-city', `report "${v.source}" was read for "${source.city}" but this ${v.record_type} is in "${record.city}"`);
    if (v.evidence.trim().length < 5)
      log.error(c, 'evidence', v.evidence, 'evidence-too-short', 'an evidence phrase is a few words copied from the report (at least 5 characters), enough to find the figure');
    const fields: Record<string, string> = CLAIM_FIELDS[v.record_type];
    const kind = Object.hasOwn(fields, v.field) ? fields[v.field] : undefined;
    if ((kind === 'count' || kind === 'amount') && v.value !== null && /^\d+$/.test(v.value)) checkRange(log, c, kind, Number(v.value));
    if ((kind === 'count' || kind === 'amount') && v.value !== null && /^\d+$/.test(v.value) && v.basis !== 'inferred' && v.basis !== 'dates' && !phraseStates(v.evidence, Number(v.value)))
      log.error(
        c,
        'value',
        v.value,
        'figure-not-in-evidence',
        `the evidence phrase does not state ${v.value} (digits as Indonesian writes them, e.g. "1.200", or words such as "tiga puluh"); copy the phrase that states it, or set basis "inferred" and flag it`,
      );
    const date = kind === 'date' ? v.value : kind === 'status' ? v.date : null;
    // An end date after publication is common (a report of a training still running), and a
    // status date may be a planned one; a start after publication needs an announcement.
    if (date !== null) checkRecordDate(log, c, date, kind === 'date' ? 'value' : 'date', v.field === 'start_date' ? source?.published ?? null : null);
  }
  // One report's own dates must run forwards: its end not before its start.
  const starts = new Map<string, Located<ClaimRow>>();
  for (const c of t.claims) if (c.value.field === 'start_date' && c.value.value) starts.set(`${c.value.record_id}:${c.value.source}`, c);
  for (const c of t.claims) {
    const start = c.value.field === 'end_date' && c.value.value ? starts.get(`${c.value.record_id}:${c.value.source}`)?.value.value : undefined;
    if (start && c.value.value!.slice(0, start.length) < start.slice(0, c.value.value!.length))
      log.error(c, 'value', c.value.value, 'end-before-start', `this report's end date is before the start date it gives (${start})`);
  }
  checkDurations(log, t);
  for (const [pair, c] of pairs)
    if (!reportedPairs.has(pair))
      log.error(c, 'field', c.value.field, 'reported-missing', `report "${c.value.source}" gives figures for ${c.value.record_type} "${c.value.record_id}" but has no "reported" row linking it with the phrase that tells the record`);
  // A report that is neither rejected nor cited is read but unaccounted for.
  const cited = new Set<string>([...t.claims.map((c) => c.value.source), ...(t.population ?? []).map((p) => p.value.source)]);
  for (const s of t.sources ?? [])
    if (s.value.rejected === null && !cited.has(s.value.id))
      log.warn(s, 'id', s.value.id, 'source-unused', 'no record cites this report: link it to the records it tells in claims.csv, or register it as rejected with the reason');
  const told = new Set(t.claims.filter((c) => c.value.field === 'reported').map((c) => `${c.value.record_type}:${c.value.record_id}`));
  for (const type of ['event', 'facility', 'policy'] as const) {
    const rows = { event: t.events, facility: t.facilities, policy: t.policies }[type];
    for (const r of rows ?? [])
      if (!told.has(`${type}:${r.value.id}`))
        log.error(r, 'id', r.value.id, 'record-unreported', `no report tells this ${type}: add a "reported" row to claims.csv with the source and the phrase`);
  }
}

/** A count or an amount within the bounds of src/lib/plausibility.ts. */
function checkRange(log: ProblemLog, c: Located<ClaimRow>, kind: 'count' | 'amount', value: number) {
  const counts: Record<string, readonly [number, number]> = PLAUSIBLE.counts;
  const field = c.value.field;
  const [min, max] = kind === 'amount' ? [0, PLAUSIBLE.rupiah] : Object.hasOwn(counts, field) ? counts[field]! : [0, Infinity];
  if (value < min || value > max)
    log.error(c, 'value', c.value.value, 'plausible-range', `${value} is outside the plausible range of ${field} (${min} to ${max}): check for a typing error; if the report really says so, raise the bound in src/lib/plausibility.ts`);
}

/**
 * A date a report gives: not before the first plausible year, and (when `published` is given)
 * not after the report was published unless the report announces it in advance (basis
 * "announced").
 */
function checkRecordDate(log: ProblemLog, c: Located<ClaimRow>, date: string, column: 'value' | 'date', published: string | null) {
  if (Number(date.slice(0, 4)) < PLAUSIBLE.firstEventYear)
    log.error(c, column, date, 'plausible-date', `a date before ${PLAUSIBLE.firstEventYear} is almost surely a typing error (the bound is in src/lib/plausibility.ts)`);
  if (published === null || c.value.basis === 'announced') return;
  const len = Math.min(date.length, published.length);
  if (date.slice(0, len) > published.slice(0, len))
    log.error(c, column, date, 'date-after-publication', `the date is after the report was published (${published}); if the report announces the event in advance ("akan", "mendatang", a programme), set basis "announced"; otherwise check the date`);
}

/** A duration a report gives agrees with the start and end days the same report gives, unless the record is flagged as contradicting itself. */
function checkDurations(log: ProblemLog, t: Tables) {
  const selfContradicting = new Set((t.flags ?? []).filter((f) => f.value.type === 'self_contradiction').map((f) => `${f.value.record_type}:${f.value.record_id}`));
  const days = new Map<string, string>();
  for (const c of t.claims ?? [])
    if ((c.value.field === 'start_date' || c.value.field === 'end_date') && c.value.precision === 'day' && c.value.value)
      days.set(`${c.value.record_id}:${c.value.source}:${c.value.field}`, c.value.value);
  for (const c of t.claims ?? []) {
    const v = c.value;
    if (v.record_type !== 'event' || v.field !== 'duration_days' || v.basis !== 'reported' || !v.value || selfContradicting.has(`event:${v.record_id}`)) continue;
    const start = days.get(`${v.record_id}:${v.source}:start_date`);
    const end = days.get(`${v.record_id}:${v.source}:end_date`);
    if (start && end && daysBetween(start, end) !== Number(v.value))
      log.error(c, 'value', v.value, 'duration-dates', `this report dates the event ${start} to ${end} (${daysBetween(start, end)} days) but states ${v.value} days; check both, or flag the record "self_contradiction" if the report contradicts itself`);
  }
}

/** Reports published within the plausible years and not after today. */
function checkPublication(log: ProblemLog, t: Tables, today: string) {
  for (const s of t.sources ?? []) {
    const published = s.value.published;
    if (published === null) continue;
    if (Number(published.slice(0, 4)) < PLAUSIBLE.firstPublicationYear)
      log.error(s, 'published', published, 'plausible-date', `a report published before ${PLAUSIBLE.firstPublicationYear} is almost surely a typing error (the bound is in src/lib/plausibility.ts)`);
    else if (published > today.slice(0, published.length))
      log.error(s, 'published', published, 'published-future', `the publication date is after today (${today})`);
  }
  for (const p of t.population ?? [])
    if (p.value.value > PLAUSIBLE.population)
      log.error(p, 'value', String(p.value.value), 'plausible-range', `a city of more than ${PLAUSIBLE.population} people is almost surely a typing error (the bound is in src/lib/plausibility.ts)`);
}

/** Flags point at real records and fields; vague figures carry the flag that explains them. */
function checkFlags(log: ProblemLog, t: Tables, ix: Indexes) {
  if (!t.flags) return;
  const indexes: Record<RecordType, Index<object> | null> = {
    city: t.cities ? (ix.cities as Index<object>) : null,
    source: t.sources ? (ix.sources as Index<object>) : null,
    organisation: t.organisations ? (ix.organisations as Index<object>) : null,
    event: t.events ? ix.records.event : null,
    facility: t.facilities ? ix.records.facility : null,
    policy: t.policies ? ix.records.policy : null,
  };
  const flagged = new Set<string>();
  for (const f of t.flags) {
    const v = f.value;
    const index = indexes[v.record_type];
    if (!index) continue;
    const record = index.get(v.record_id);
    if (!record) {
      const guess = closest(v.record_id, index.keys());
      log.error(f, 'record_id', v.record_id, 'reference', `no ${v.record_type} has the id "${v.record_id}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
      continue;
    }
    const claimFields = (CLAIM_FIELDS as Record<string, Record<string, string>>)[v.record_type];
    if (v.field !== null && !Object.hasOwn(record.value, v.field) && !(claimFields && Object.hasOwn(claimFields, v.field)))
      log.error(f, 'field', v.field, 'flag-field', `a ${v.record_type} has no field "${v.field}"; leave it blank to flag the whole record`);
    flagged.add(`${v.record_type}:${v.record_id}:${v.type}`);
    log.warn(f, 'type', v.type, 'flag', `${v.record_type} "${v.record_id}"${v.field ? ` (${v.field})` : ''}: ${v.note_en}`);
  }
  const needs = (c: Located<ClaimRow>, types: readonly string[], column: string, why: string) => {
    const { record_type, record_id } = c.value;
    if (!types.some((type) => flagged.has(`${record_type}:${record_id}:${type}`)))
      log.warn(c, column, c.value[column as keyof ClaimRow] as string | null, 'flag-missing', `${why}; add a row to flags.csv with record_type "${record_type}", record_id "${record_id}" and type "${types[0]}" explaining it`);
  };
  for (const c of t.claims ?? []) {
    const v = c.value;
    const countFlag = v.basis && Object.hasOwn(COUNT_FLAGS, v.basis) ? COUNT_FLAGS[v.basis] : undefined;
    if (countFlag && (v.field === 'participants' || v.field === 'certified')) needs(c, [countFlag.type], 'basis', countFlag.why);
    if (v.field === 'participants' && v.unit !== null && v.unit !== 'people' && v.part === null) needs(c, ['unit_not_people'], 'unit', `the figure counts ${v.unit}, not people`);
    if ((v.field === 'start_date' || v.field === 'end_date') && v.precision !== null && v.precision !== 'day') needs(c, DATE_FLAGS, 'precision', `the date is known only to the ${v.precision}`);
  }
}

/**
 * Likely duplicates: two events of one city and kind whose dates overlap, or two facilities
 * of one city sharing a name. The curator links the report to the existing record, or
 * lists the pair in distinct.csv with a reason.
 */
function checkDuplicates(log: ProblemLog, t: Tables) {
  const distinct = new Set<string>();
  for (const d of t.distinct ?? []) {
    distinct.add(`${d.value.record_type}:${d.value.record_id}:${d.value.other_id}`);
    distinct.add(`${d.value.record_type}:${d.value.other_id}:${d.value.record_id}`);
  }
  if (t.events && t.claims) {
    // The span of days the reports put an event in, widened to whole months or years for coarse dates.
    const spans = new Map<string, [string, string]>();
    for (const c of t.claims) {
      const v = c.value;
      if (v.record_type !== 'event' || (v.field !== 'start_date' && v.field !== 'end_date') || !v.value) continue;
      const lo = v.value.length === 4 ? `${v.value}-01-01` : v.value.length === 7 ? `${v.value}-01` : v.value;
      const hi = v.value.length === 4 ? `${v.value}-12-31` : v.value.length === 7 ? `${v.value}-31` : v.value;
      const span = spans.get(v.record_id);
      spans.set(v.record_id, span ? [lo < span[0] ? lo : span[0], hi > span[1] ? hi : span[1]] : [lo, hi]);
    }
    // Only events of one city and kind can be the same event: compare within those groups, so
    // the check grows with the events of a city, not with the square of all events.
    const groups = groupBy(t.events.filter((e) => spans.has(e.value.id)), (e) => `${e.value.city}:${e.value.kind}`);
    for (const events of groups.values()) {
      for (let i = 0; i < events.length; i++) {
        for (let j = 0; j < i; j++) {
          const [a, b] = [events[i]!, events[j]!];
          if (distinct.has(`event:${a.value.id}:${b.value.id}`)) continue;
          const [sa, sb] = [spans.get(a.value.id)!, spans.get(b.value.id)!];
          if (sa[0] <= sb[1] && sb[0] <= sa[1])
            log.warn(a, 'id', a.value.id, 'possible-duplicate', `"${a.value.id}" and "${b.value.id}" (line ${b.line}) are both ${a.value.kind} events of ${a.value.city} on overlapping dates: if one report retells the other's event, link it to the existing record in claims.csv; if they are different events, add the pair to distinct.csv with the reason`);
        }
      }
    }
  }
  if (t.facilities) {
    const names = new Map<string, Located<DatasetTables['facilities'][number]>>();
    const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
    for (const f of t.facilities) {
      for (const name of new Set([f.value.name, ...f.value.variants].map(norm))) {
        const key = `${f.value.city}:${name}`;
        const other = names.get(key);
        if (other && other.value.id !== f.value.id && !distinct.has(`facility:${f.value.id}:${other.value.id}`))
          log.warn(f, 'name', name, 'possible-duplicate', `facility "${f.value.id}" shares the name "${name}" with "${other.value.id}" (line ${other.line}): link the report to the existing facility, or add the pair to distinct.csv with the reason`);
        else names.set(key, f);
      }
    }
  }
}

/** A facility's statuses: present, not going backwards, and one undated status per report. */
function checkFacilityHistories(log: ProblemLog, t: Tables, ix: Indexes) {
  if (!t.claims || !t.facilities) return;
  const statuses = (t.claims ?? []).filter((c) => c.value.record_type === 'facility' && c.value.field === 'status');
  const undatedByReport = new Map<string, Located<ClaimRow>>();
  for (const c of statuses) {
    if (c.value.date !== null) continue;
    const key = `${c.value.record_id}:${c.value.source}`;
    const first = undatedByReport.get(key);
    if (first && first.value.value !== c.value.value)
      log.error(c, 'value', c.value.value, 'status-per-report', `report "${c.value.source}" already gives this facility the status "${first.value.value}" (line ${first.line}); a report gives one current status — give the other its own date if the report dates it`);
    else undatedByReport.set(key, c);
  }
  const history = new Map<string, { as_of: string; status: string; c: Located<ClaimRow> }[]>();
  for (const c of statuses) {
    const as_of = c.value.date ?? ix.sources.get(c.value.source)?.value.published;
    if (!as_of) continue;
    const list = history.get(c.value.record_id) ?? [];
    list.push({ as_of, status: c.value.value!, c });
    history.set(c.value.record_id, list);
  }
  const order = FACILITY_STATUSES as readonly string[];
  for (const list of history.values()) {
    list.sort((a, b) => a.as_of.localeCompare(b.as_of));
    for (let i = 1; i < list.length; i++) {
      const [prev, cur] = [list[i - 1]!, list[i]!];
      if (order.indexOf(cur.status) < order.indexOf(prev.status) && !cur.as_of.startsWith(prev.as_of) && !prev.as_of.startsWith(cur.as_of))
        log.warn(cur.c, 'value', cur.status, 'status-order', `the status goes back from "${prev.status}" (${prev.as_of}) to "${cur.status}" (${cur.as_of})`);
    }
  }
  const withStatus = new Set(statuses.map((c) => c.value.record_id));
  const unclear = new Set((t.flags ?? []).filter((f) => f.value.record_type === 'facility' && f.value.type === 'status_unclear').map((f) => f.value.record_id));
  for (const f of t.facilities)
    if (!withStatus.has(f.value.id) && !unclear.has(f.value.id)) log.warn(f, 'id', f.value.id, 'status-missing', 'no report gives this facility a status (planned, under construction, inaugurated, operating), so its status is unknown; if that is so, add a status_unclear flag saying what the reports say');
}
