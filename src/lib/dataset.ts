import type {
  CityRow,
  ClaimRow,
  CountBasis,
  CountUnit,
  DatePrecision,
  DistinctRow,
  EventRow,
  FacilityRow,
  FacilityStatus,
  FlagRow,
  FlagType,
  OrganisationRow,
  PolicyRow,
  PopulationRow,
  RecordType,
  SourceRow,
} from './schema';
import type { Lang } from './format';
import { FACILITY_STATUSES, daysBetween } from './schema';
import { bestClaim, estimateOf, independentCount, populationRank, type Estimate } from './estimate';

/**
 * The validated, joined model. A record (event, facility, policy) is one real-world thing;
 * its figures are resolved from what every report says of it (the claims), each figure with
 * its best value, range and number of independent reports. Pages and summaries read these
 * resolved records and never rescan the claims.
 */
export type City = CityRow;
export type Organisation = OrganisationRow;
export type Claim = ClaimRow;
export type QualityFlag = Omit<FlagRow, 'type'> & { type: FlagType; derived?: boolean };

export interface Source extends SourceRow {
  /** The report whose text this one reprints, followed to the first: reprints are not independent. */
  original: string;
}

/** The figures of an event a report can give as a number, resolved to a best value and range. */
export type EventFigure = 'participants' | 'certified' | 'duration_days' | 'trainer_count' | 'funding';

interface Resolved {
  /** What each report says of the record. */
  claims: Claim[];
  /** Every report that tells the record, oldest first. */
  sources: string[];
  /** How many of those are independent (a reprint counts with its original). */
  number_of_sources: number;
}

export interface BatikEvent extends EventRow, Resolved {
  start_date: string | null;
  start_precision: DatePrecision;
  end_date: string | null;
  end_precision: DatePrecision;
  duration_days: number | null;
  duration_basis: 'reported' | 'dates' | null;
  participants: number | null;
  participants_basis: CountBasis | null;
  participants_unit: CountUnit | null;
  certified: number | null;
  trainer_count: number | null;
  funding: number | null;
  funding_basis: string | null;
  venue: string | null;
  place: string | null;
  trainers: string | null;
  equipment: string | null;
  opened_by: string | null;
  estimates: Partial<Record<EventFigure, Estimate>>;
  /** The parts of a participant figure, as the reports break it down. */
  breakdown: Claim[];
}

export interface FacilityStatusEntry {
  facility: string;
  status: FacilityStatus;
  /** The date the status holds: its own date when a report gives one, else the report's publication date. */
  as_of: string | null;
  precision: DatePrecision;
  /** Whether the date is the status's own (e.g. an inauguration day) rather than a publication date. */
  dated: boolean;
  sources: string[];
  claims: Claim[];
}

/**
 * A facility's latest status: the last one whose date is known; a status from a report of
 * unknown date says nothing of when, so it is the latest only when no status is dated.
 */
export const latestStatus = (f: { statuses: readonly FacilityStatusEntry[] }): FacilityStatusEntry | undefined =>
  f.statuses.filter((s) => s.as_of !== null).at(-1) ?? f.statuses.at(-1);

export interface Facility extends FacilityRow, Resolved {
  location: string | null;
  funding: number | null;
  funding_basis: string | null;
  opened_by: string | null;
  estimates: { funding?: Estimate };
  statuses: FacilityStatusEntry[];
}

export interface Policy extends PolicyRow, Resolved {
  number: string | null;
  year: number | null;
  requires: string | null;
}

export interface PopulationFigure extends PopulationRow {
  /** Whether this is the figure the site divides by for the city. */
  used: boolean;
}

export interface DatasetTables {
  cities: City[];
  sources: SourceRow[];
  organisations: Organisation[];
  events: EventRow[];
  facilities: FacilityRow[];
  policies: PolicyRow[];
  claims: Claim[];
  flags: FlagRow[];
  distinct: DistinctRow[];
  population: PopulationRow[];
}

/** A record of any claimed kind, as "which records does this report support" returns it. */
export type RecordRef = { type: 'event'; record: BatikEvent } | { type: 'facility'; record: Facility } | { type: 'policy'; record: Policy };

export interface Dataset {
  cities: City[];
  sources: Source[];
  organisations: Organisation[];
  events: BatikEvent[];
  facilities: Facility[];
  policies: Policy[];
  claims: Claim[];
  flags: QualityFlag[];
  distinct: DistinctRow[];
  population: PopulationFigure[];
  cityById: ReadonlyMap<string, City>;
  sourceById: ReadonlyMap<string, Source>;
  organisationById: ReadonlyMap<string, Organisation>;
  eventById: ReadonlyMap<string, BatikEvent>;
  facilityById: ReadonlyMap<string, Facility>;
  policyById: ReadonlyMap<string, Policy>;
  eventsByCity: ReadonlyMap<string, BatikEvent[]>;
  facilitiesByCity: ReadonlyMap<string, Facility[]>;
  policiesByCity: ReadonlyMap<string, Policy[]>;
  /** Status history of each facility, oldest first. */
  statusByFacility: ReadonlyMap<string, FacilityStatusEntry[]>;
  /** Flags keyed by `${record_type}:${record_id}`, the curator's and the derived ones. */
  flagsByRecord: ReadonlyMap<string, QualityFlag[]>;
  /** Reports that support a record of each city, oldest first. */
  sourcesByCity: ReadonlyMap<string, Source[]>;
  /** Reports read for each city and rejected, with the reason. */
  rejectedByCity: ReadonlyMap<string, Source[]>;
  /** The records each report supports. */
  recordsBySource: ReadonlyMap<string, RecordRef[]>;
  /** Population figures of each city, and the one used for per-inhabitant figures. */
  populationByCity: ReadonlyMap<string, PopulationFigure[]>;
}

/** A city's name in the reader's language. */
export const cityName = (city: City, lang: Lang): string => (lang === 'id' ? city.name : city.name_en);

export const recordKey = (type: RecordType, id: string) => `${type}:${id}`;

/** Items by key in one pass, keys in the order they first appear and each key's items in input order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((x) => [x.id, x]));

/** Events in time order; events of unknown date come last, in file order. */
export const compareEvents = (a: BatikEvent, b: BatikEvent): number =>
  (a.start_date ?? a.end_date ?? '9999').localeCompare(b.start_date ?? b.end_date ?? '9999');

/** Follows reprint_of to the report first published with the text. */
function originalOf(sources: ReadonlyMap<string, SourceRow>, id: string): string {
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    const next = sources.get(current)?.reprint_of;
    if (!next || seen.has(next) || !sources.has(next)) return current;
    seen.add(current);
    current = next;
  }
}

const publishedKey = (s: SourceRow | undefined) => s?.published ?? '9999';

/** What the record's reports say, one resolver shared by events, facilities and policies. */
function resolver(sourceById: ReadonlyMap<string, Source>, claimsByRecord: ReadonlyMap<string, Claim[]>) {
  const independent = (claims: readonly Claim[]) => independentCount(claims, (c) => sourceById.get(c.source)?.original ?? c.source);
  const published = (c: Claim) => publishedKey(sourceById.get(c.source));
  return {
    base(type: 'event' | 'facility' | 'policy', id: string): Resolved & { field: (f: string) => Claim[] } {
      const claims = claimsByRecord.get(recordKey(type, id)) ?? [];
      const sources = [...new Set(claims.map((c) => c.source))].sort((a, b) => publishedKey(sourceById.get(a)).localeCompare(publishedKey(sourceById.get(b))));
      return { claims, sources, number_of_sources: independent(claims), field: (f) => claims.filter((c) => c.field === f && c.part === null) };
    },
    estimate: (claims: readonly Claim[]) => estimateOf(claims, { original: (c) => sourceById.get(c.source)?.original ?? c.source, published }),
    /** A text or date field: the best claim by the same rule, without a numeric range. */
    pick: (claims: readonly Claim[]) => bestClaim(claims, { original: (c) => sourceById.get(c.source)?.original ?? c.source, published }),
  };
}

function resolveEvent(row: EventRow, r: ReturnType<typeof resolver>): BatikEvent {
  const base = r.base('event', row.id);
  const { field, ...resolved } = base;
  const estimates: Partial<Record<EventFigure, Estimate>> = {};
  for (const f of ['participants', 'certified', 'duration_days', 'trainer_count', 'funding'] as const) {
    const e = r.estimate(field(f));
    if (e) estimates[f] = e;
  }
  const start = r.pick(field('start_date'));
  // The end comes from the report that gave the chosen start when it gives one, so a planned
  // end never closes an event that started later; an end before the start is left unknown.
  const ends = field('end_date');
  const fromSameReport = r.pick(ends.filter((c) => c.source === start?.source));
  const anyEnd = fromSameReport ?? r.pick(ends);
  const end = anyEnd && start?.value && anyEnd.value && anyEnd.value.slice(0, start.value.length) < start.value.slice(0, anyEnd.value.length) ? null : anyEnd;
  const text = (f: string) => r.pick(field(f))?.value ?? null;
  let duration = estimates.duration_days ? { days: estimates.duration_days.best, basis: estimates.duration_days.basis as 'reported' | 'dates' } : null;
  // A duration follows from exact start and end days when no report states it.
  if (!duration && start?.precision === 'day' && end?.precision === 'day' && start.value && end.value && end.value >= start.value)
    duration = { days: daysBetween(start.value, end.value), basis: 'dates' };
  const p = estimates.participants;
  return {
    ...row,
    ...resolved,
    start_date: start?.value ?? null,
    start_precision: start?.precision ?? 'unknown',
    end_date: end?.value ?? null,
    end_precision: end?.precision ?? (end ? 'day' : 'unknown'),
    duration_days: duration?.days ?? null,
    duration_basis: duration?.basis ?? null,
    participants: p?.best ?? null,
    participants_basis: (p?.basis as CountBasis | undefined) ?? null,
    participants_unit: (p?.unit as CountUnit | undefined) ?? null,
    certified: estimates.certified?.best ?? null,
    trainer_count: estimates.trainer_count?.best ?? null,
    funding: estimates.funding?.best ?? null,
    funding_basis: estimates.funding?.basis ?? null,
    venue: text('venue'),
    place: text('place'),
    trainers: text('trainers'),
    equipment: text('equipment'),
    opened_by: text('opened_by'),
    estimates,
    breakdown: base.claims.filter((c) => c.field === 'participants' && c.part !== null),
  };
}

function resolveFacility(row: FacilityRow, r: ReturnType<typeof resolver>, sourceById: ReadonlyMap<string, Source>): Facility {
  const { field, ...resolved } = r.base('facility', row.id);
  const funding = r.estimate(field('funding'));
  // One status on one date is one entry, however many reports tell it: an inauguration one
  // outlet dates to the day and another only to the month is one ceremony, kept at the day.
  const entries: FacilityStatusEntry[] = [];
  const compatible = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  for (const c of [...field('status')].sort((a, b) => (b.date?.length ?? 0) - (a.date?.length ?? 0))) {
    const status = c.value as FacilityStatus;
    const source = sourceById.get(c.source);
    const as_of = c.date ?? source?.published ?? null;
    const precision = c.date ? (c.precision ?? 'day') : (source?.published_precision ?? 'unknown');
    const dated = c.date !== null;
    const entry = entries.find(
      (e) => e.status === status && e.dated === dated && (e.as_of === as_of || (dated && e.as_of !== null && as_of !== null && compatible(e.as_of, as_of))),
    );
    if (entry) {
      if (!entry.sources.includes(c.source)) entry.sources.push(c.source);
      entry.claims.push(c);
    } else entries.push({ facility: row.id, status, as_of, precision, dated, sources: [c.source], claims: [c] });
  }
  const statuses = [...entries].sort(
    (a, b) => (a.as_of ?? '9999').localeCompare(b.as_of ?? '9999') || FACILITY_STATUSES.indexOf(a.status) - FACILITY_STATUSES.indexOf(b.status),
  );
  return {
    ...row,
    ...resolved,
    location: r.pick(field('location'))?.value ?? null,
    funding: funding?.best ?? null,
    funding_basis: funding?.basis ?? null,
    opened_by: r.pick(field('opened_by'))?.value ?? null,
    estimates: funding ? { funding } : {},
    statuses,
  };
}

function resolvePolicy(row: PolicyRow, r: ReturnType<typeof resolver>): Policy {
  const { field, ...resolved } = r.base('policy', row.id);
  const year = r.estimate(field('year'));
  return {
    ...row,
    ...resolved,
    number: r.pick(field('number'))?.value ?? null,
    year: year?.best ?? null,
    requires: r.pick(field('requires'))?.value ?? null,
  };
}

/**
 * Flags the claims raise by themselves: reports that give different values for one figure,
 * and a breakdown whose parts do not add up to the total the same report gives.
 */
function derivedFlags(events: readonly BatikEvent[], facilities: readonly Facility[]): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const disagree = (type: 'event' | 'facility', id: string, field: string, e: Estimate) => {
    if (!e.disagree) return;
    const values = [...new Set(e.claims.map((c) => `${c.value}${c.unit && c.unit !== e.unit ? ` ${c.unit}` : ''}`))];
    flags.push({
      id: `derived-${type}-${id}-${field}`,
      record_type: type,
      record_id: id,
      field,
      type: 'reports_disagree',
      note: `Laporan-laporan memberi angka berbeda: ${values.join(', ')}. Angka utama ${e.best}; rentang ${e.low}–${e.high}.`,
      note_en: `The reports give different figures: ${values.join(', ')}. Best ${e.best}; range ${e.low}–${e.high}.`,
      derived: true,
    });
  };
  for (const e of events) {
    for (const [field, estimate] of Object.entries(e.estimates)) disagree('event', e.id, field, estimate);
    // Dates disagree when neither is a coarser form of the other ("2023-10" agrees with "2023-10-06").
    for (const field of ['start_date', 'end_date'] as const) {
      const values = [...new Set(e.claims.filter((c) => c.field === field && c.value !== null).map((c) => c.value!))];
      const clash = values.some((a) => values.some((b) => !a.startsWith(b) && !b.startsWith(a)));
      if (clash)
        flags.push({
          id: `derived-event-${e.id}-${field}`,
          record_type: 'event',
          record_id: e.id,
          field,
          type: 'reports_disagree',
          note: `Laporan-laporan memberi tanggal berbeda: ${values.join(', ')}. Yang dipakai: ${e[field]}.`,
          note_en: `The reports give different dates: ${values.join(', ')}. Used: ${e[field]}.`,
          derived: true,
        });
    }
    for (const [source, parts] of groupBy(e.breakdown, (c) => c.source)) {
      const total = e.claims.find((c) => c.field === 'participants' && c.part === null && c.source === source);
      if (!total) continue;
      const sameUnit = parts.filter((c) => c.unit === total.unit);
      const sum = sameUnit.reduce((s, c) => s + Number(c.value), 0);
      if (sameUnit.length && sum !== Number(total.value))
        flags.push({
          id: `derived-event-${e.id}-parts-${source}`,
          record_type: 'event',
          record_id: e.id,
          field: 'participants',
          type: 'parts_do_not_add_up',
          note: `Rincian peserta dalam satu laporan (${sameUnit.map((c) => `${c.part} ${c.value}`).join(', ')}) berjumlah ${sum}, bukan ${total.value} seperti total yang disebut laporan itu.`,
          note_en: `One report's breakdown (${sameUnit.map((c) => `${c.part} ${c.value}`).join(', ')}) adds up to ${sum}, not the ${total.value} it gives as the total.`,
          derived: true,
        });
    }
  }
  for (const f of facilities) if (f.estimates.funding) disagree('facility', f.id, 'funding', f.estimates.funding);
  return flags;
}

/** Marks the figure each city's per-inhabitant figures divide by: official statistics first, then the latest year (see estimate.ts). */
function choosePopulation(rows: readonly PopulationRow[]): PopulationFigure[] {
  const byCity = groupBy(rows, (r) => r.city);
  const used = new Set<PopulationRow>();
  for (const figures of byCity.values()) {
    const best = [...figures].sort((a, b) => populationRank(a.basis) - populationRank(b.basis) || b.year - a.year)[0];
    if (best) used.add(best);
  }
  return rows.map((r) => ({ ...r, used: used.has(r) }));
}

/** Joins validated tables and resolves every record from its claims. Assumes references were checked (see check.ts). */
export function buildDataset(tables: DatasetTables): Dataset {
  const rawSources = byId(tables.sources);
  const sources: Source[] = tables.sources.map((s) => ({ ...s, original: originalOf(rawSources, s.id) }));
  const sourceById = byId(sources);
  const r = resolver(sourceById, groupBy(tables.claims, (c) => recordKey(c.record_type, c.record_id)));

  const events = tables.events.map((row) => resolveEvent(row, r)).sort(compareEvents);
  const facilities = tables.facilities.map((row) => resolveFacility(row, r, sourceById));
  const policies = tables.policies.map((row) => resolvePolicy(row, r));
  const flags: QualityFlag[] = [...tables.flags, ...derivedFlags(events, facilities)];

  const recordsBySource = new Map<string, RecordRef[]>();
  const cite = (ref: RecordRef) => {
    for (const s of ref.record.sources) {
      const list = recordsBySource.get(s);
      if (list) list.push(ref);
      else recordsBySource.set(s, [ref]);
    }
  };
  events.forEach((record) => cite({ type: 'event', record }));
  facilities.forEach((record) => cite({ type: 'facility', record }));
  policies.forEach((record) => cite({ type: 'policy', record }));

  const bySourceDate = (a: Source, b: Source) => publishedKey(a).localeCompare(publishedKey(b)) || a.id.localeCompare(b.id);
  const citedByCity = new Map<string, Set<string>>();
  for (const [sourceId, refs] of recordsBySource)
    for (const ref of refs) {
      const set = citedByCity.get(ref.record.city) ?? new Set<string>();
      set.add(sourceId);
      citedByCity.set(ref.record.city, set);
    }
  const sourcesByCity = new Map([...citedByCity].map(([city, ids]) => [city, [...ids].map((id) => sourceById.get(id)!).sort(bySourceDate)]));
  const rejectedByCity = groupBy(sources.filter((s) => s.rejected !== null).sort(bySourceDate), (s) => s.city);
  const population = choosePopulation(tables.population);

  return {
    cities: tables.cities,
    sources,
    organisations: tables.organisations,
    events,
    facilities,
    policies,
    claims: tables.claims,
    flags,
    distinct: tables.distinct,
    population,
    cityById: byId(tables.cities),
    sourceById,
    organisationById: byId(tables.organisations),
    eventById: byId(events),
    facilityById: byId(facilities),
    policyById: byId(policies),
    eventsByCity: groupBy(events, (e) => e.city),
    facilitiesByCity: groupBy(facilities, (f) => f.city),
    policiesByCity: groupBy(policies, (p) => p.city),
    statusByFacility: new Map(facilities.map((f) => [f.id, f.statuses])),
    flagsByRecord: groupBy(flags, (f) => recordKey(f.record_type, f.record_id)),
    sourcesByCity,
    rejectedByCity,
    recordsBySource,
    populationByCity: groupBy(population, (p) => p.city),
  };
}
