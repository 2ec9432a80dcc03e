import type {
  CityRow,
  EventRow,
  FacilityRow,
  FacilityStatusRow,
  FlagRow,
  OrganisationRow,
  PolicyRow,
  RecordType,
  SourceRow,
} from './schema';
import { FACILITY_STATUSES } from './schema';

/**
 * The validated, joined model. Records keep the field names of the data files, which are
 * also the public download contract; the joins are computed once here so that pages and
 * summaries never rescan every record.
 */
export type City = CityRow;
export type Source = SourceRow;
export type Organisation = OrganisationRow;
export type BatikEvent = EventRow;
export type Facility = FacilityRow;
export type FacilityStatusEntry = FacilityStatusRow & { as_of: string };
export type Policy = PolicyRow;
export type QualityFlag = FlagRow;

export interface DatasetTables {
  cities: City[];
  sources: Source[];
  organisations: Organisation[];
  events: BatikEvent[];
  facilities: Facility[];
  facilityStatus: FacilityStatusRow[];
  policies: Policy[];
  flags: QualityFlag[];
}

export interface Dataset extends Omit<DatasetTables, 'facilityStatus'> {
  facilityStatus: FacilityStatusEntry[];
  cityById: ReadonlyMap<string, City>;
  sourceById: ReadonlyMap<string, Source>;
  organisationById: ReadonlyMap<string, Organisation>;
  eventById: ReadonlyMap<string, BatikEvent>;
  facilityById: ReadonlyMap<string, Facility>;
  eventsByCity: ReadonlyMap<string, BatikEvent[]>;
  facilitiesByCity: ReadonlyMap<string, Facility[]>;
  policiesByCity: ReadonlyMap<string, Policy[]>;
  /** Status history of each facility, oldest report first. */
  statusByFacility: ReadonlyMap<string, FacilityStatusEntry[]>;
  /** Flags keyed by `${record_type}:${record_id}`. */
  flagsByRecord: ReadonlyMap<string, QualityFlag[]>;
  /** Sources cited by any record of each city, in publication order. */
  sourcesByCity: ReadonlyMap<string, Source[]>;
}

export const recordKey = (type: RecordType, id: string) => `${type}:${id}`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
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

/** Joins validated tables. Assumes references were checked (see check.ts). */
export function buildDataset(tables: DatasetTables): Dataset {
  const sourceById = byId(tables.sources);
  const facilityStatus = tables.facilityStatus.map((s) => ({ ...s, as_of: sourceById.get(s.source)!.published }));
  const statusByFacility = groupBy(facilityStatus, (s) => s.facility);
  for (const history of statusByFacility.values())
    history.sort((a, b) => a.as_of.localeCompare(b.as_of) || FACILITY_STATUSES.indexOf(a.status) - FACILITY_STATUSES.indexOf(b.status));

  const events = [...tables.events].sort(compareEvents);
  const eventsByCity = groupBy(events, (e) => e.city);
  const facilitiesByCity = groupBy(tables.facilities, (f) => f.city);
  const policiesByCity = groupBy(tables.policies, (p) => p.city);

  const citedByCity = new Map<string, Set<string>>();
  const cite = (city: string, source: string | null) => {
    if (!source) return;
    if (!citedByCity.has(city)) citedByCity.set(city, new Set());
    citedByCity.get(city)!.add(source);
  };
  for (const e of events) cite(e.city, e.source);
  for (const f of tables.facilities) {
    cite(f.city, f.location_source);
    cite(f.city, f.funding_source);
    for (const s of statusByFacility.get(f.id) ?? []) cite(f.city, s.source);
  }
  for (const p of tables.policies) cite(p.city, p.source);
  const sourcesByCity = new Map(
    [...citedByCity].map(([city, ids]) => [
      city,
      [...ids].map((id) => sourceById.get(id)!).sort((a, b) => a.published.localeCompare(b.published)),
    ]),
  );

  return {
    ...tables,
    events,
    facilityStatus,
    cityById: byId(tables.cities),
    sourceById,
    organisationById: byId(tables.organisations),
    eventById: byId(events),
    facilityById: byId(tables.facilities),
    eventsByCity,
    facilitiesByCity,
    policiesByCity,
    statusByFacility,
    flagsByRecord: groupBy(tables.flags, (f) => recordKey(f.record_type, f.record_id)),
    sourcesByCity,
  };
}
