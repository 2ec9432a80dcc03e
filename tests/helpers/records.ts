import { buildDataset, type BatikEvent, type Claim, type City, type Dataset, type DatasetTables, type Facility, type Source } from '../../src/lib/dataset';
import type { Estimate } from '../../src/lib/estimate';

/** Small typed records for tests: a valid default, overridden field by field. */
export const city = (o: Partial<City> = {}): City => ({
  id: 'alpha',
  name: 'Kota Alpha',
  name_en: 'Alpha City',
  kind: 'kota',
  province: 'Jawa Timur',
  province_en: 'East Java',
  region_code: '3500',
  latitude: -7.5,
  longitude: 112.5,
  coordinates_source: 'https://example.org/alpha',
  ...o,
});

export const source = (o: Partial<Source> = {}): Source => ({
  id: 'src-1',
  city: 'alpha',
  publisher: 'Publisher',
  title: 'Title',
  title_basis: 'headline',
  url: 'https://example.org/report',
  published: '2023-01-01',
  published_precision: 'day',
  published_basis: 'Printed date.',
  published_basis_id: 'Tanggal tercetak.',
  language: 'id',
  report_file: 'src-1.txt',
  reprint_of: null,
  rejected: null,
  rejected_note: null,
  rejected_note_en: null,
  original: o.id ?? 'src-1',
  ...o,
});

/** A claim of one report on one figure, for building resolved records by hand. */
export const claim = (o: Partial<Claim> = {}): Claim => ({
  record_type: 'event',
  record_id: 'ev-1',
  source: 'src-1',
  field: 'participants',
  part: null,
  value: '10',
  unit: 'people',
  basis: 'count',
  date: null,
  precision: null,
  evidence: 'diikuti 10 orang',
  note: null,
  note_id: null,
  best_reason: null,
  best_reason_id: null,
  ...o,
});

/** An estimate that every report agrees on: best = low = high. */
export const agreed = (best: number, o: Partial<Estimate> = {}): Estimate => {
  const c = claim({ value: String(best), unit: o.unit ?? 'people', basis: o.basis ?? 'count' });
  return { best, low: best, high: best, number_of_sources: 1, unit: 'people', basis: 'count', claims: [c], chosen: c, disagree: false, ...o };
};

/**
 * A resolved event. Its estimates follow from the figures given (participants, certified,
 * duration) unless `estimates` is given, so metric code reads the same numbers as the fields.
 */
export const event = (o: Partial<BatikEvent> = {}): BatikEvent => {
  const e: BatikEvent = {
    id: 'ev-1',
    city: 'alpha',
    kind: 'training',
    title: 'Pelatihan',
    title_en: 'Training',
    themes: [],
    start_date: '2023-01-02',
    start_precision: 'day',
    end_date: '2023-01-04',
    end_precision: 'day',
    duration_days: 3,
    duration_basis: 'dates',
    venue: null,
    place: null,
    participants: 10,
    participants_basis: 'count',
    participants_unit: 'people',
    certified: null,
    trainers: null,
    trainer_count: null,
    funding: null,
    funding_basis: null,
    opened_by: null,
    organiser: 'org-1',
    partners: [],
    facility: null,
    equipment: null,
    claims: [],
    sources: ['src-1'],
    number_of_sources: 1,
    breakdown: [],
    estimates: {},
    ...o,
  };
  if (!o.estimates) {
    if (e.participants !== null) e.estimates.participants = agreed(e.participants, { unit: e.participants_unit, basis: e.participants_basis });
    if (e.certified !== null) e.estimates.certified = agreed(e.certified);
    if (e.duration_days !== null && e.duration_basis === 'reported') e.estimates.duration_days = agreed(e.duration_days, { unit: null, basis: 'reported' });
  }
  return e;
};

export const facility = (o: Partial<Facility> = {}): Facility => ({
  id: 'fac-1',
  city: 'alpha',
  kind: 'batik_centre',
  name: 'Sentra',
  name_en: 'Centre',
  variants: [],
  location: null,
  funding: null,
  funding_basis: null,
  opened_by: null,
  estimates: {},
  statuses: [],
  claims: [],
  sources: ['src-1'],
  number_of_sources: 1,
  ...o,
});

/** The claims one report would make to give a resolved event the figures it has. */
export function claimsOfEvent(e: BatikEvent): Claim[] {
  const source = e.sources[0] ?? 'src-1';
  const c = (field: string, value: string | number | null, o: Partial<Claim> = {}): Claim[] =>
    value === null ? [] : [claim({ record_type: 'event', record_id: e.id, source, field, value: field === 'reported' ? null : String(value), unit: null, basis: null, evidence: `${field} ${value}`, ...o })];
  return [
    ...c('reported', ''),
    ...c('start_date', e.start_date, { precision: e.start_precision }),
    ...c('end_date', e.end_date, { precision: e.end_precision }),
    ...(e.duration_basis === 'reported' ? c('duration_days', e.duration_days, { basis: 'reported' }) : []),
    ...c('participants', e.participants, { unit: e.participants_unit, basis: e.participants_basis }),
    ...c('certified', e.certified, { unit: 'people', basis: 'count' }),
    ...c('trainer_count', e.trainer_count),
    ...c('funding', e.funding, { unit: 'rupiah', basis: e.funding_basis ?? 'unspecified' }),
    ...c('venue', e.venue),
    ...c('place', e.place),
    ...c('trainers', e.trainers),
    ...c('equipment', e.equipment),
    ...c('opened_by', e.opened_by),
  ];
}

/** The claims that give a resolved facility its statuses and location. */
export function claimsOfFacility(f: Facility): Claim[] {
  const source = f.sources[0] ?? 'src-1';
  const base = { record_type: 'facility' as const, record_id: f.id, unit: null, basis: null };
  return [
    claim({ ...base, source, field: 'reported', value: null, evidence: `reported ${f.id}` }),
    ...f.statuses.map((st) => claim({ ...base, source: st.sources[0] ?? source, field: 'status', value: st.status, date: st.dated ? st.as_of : null, precision: st.dated ? st.precision : null, evidence: `status ${st.status}` })),
    ...(f.location ? [claim({ ...base, source, field: 'location', value: f.location, evidence: `location ${f.location}` })] : []),
  ];
}

/**
 * A dataset from hand-made records: resolved events and facilities are turned back into the
 * rows and claims a curator would write, then resolved again as the loader does.
 */
export const dataset = (tables: Partial<DatasetTables> & { events?: (BatikEvent | DatasetTables['events'][number])[]; facilities?: (Facility | DatasetTables['facilities'][number])[] }): Dataset => {
  const events = tables.events ?? [];
  const facilities = tables.facilities ?? [];
  const isEvent = (e: object): e is BatikEvent => 'sources' in e;
  const isFacility = (f: object): f is Facility => 'sources' in f;
  return buildDataset({
    cities: [city()],
    sources: [source()],
    organisations: [],
    policies: [],
    flags: [],
    distinct: [],
    population: [],
    ...tables,
    events: events.map((e) => ({ id: e.id, city: e.city, kind: e.kind, title: e.title, title_en: e.title_en, themes: e.themes, organiser: e.organiser, partners: e.partners, facility: e.facility })),
    facilities: facilities.map((f) => ({ id: f.id, city: f.city, kind: f.kind, name: f.name, name_en: f.name_en, variants: f.variants })),
    claims: [...(tables.claims ?? []), ...events.filter(isEvent).flatMap(claimsOfEvent), ...facilities.filter(isFacility).flatMap(claimsOfFacility)],
  });
};
