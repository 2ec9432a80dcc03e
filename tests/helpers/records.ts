import { buildDataset, type BatikEvent, type City, type Dataset, type DatasetTables, type Facility, type Source } from '../../src/lib/dataset';

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
  publisher: 'Publisher',
  title: 'Title',
  title_basis: 'headline',
  url: 'https://example.org/report',
  published: '2023-01-01',
  published_precision: 'day',
  published_basis: 'Printed date.',
  language: 'id',
  report_file: null,
  ...o,
});

export const event = (o: Partial<BatikEvent> = {}): BatikEvent => ({
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
  organiser: 'org-1',
  partners: [],
  equipment: null,
  source: 'src-1',
  evidence: 'evidence',
  date_evidence: 'dates',
  participants_evidence: 'participants',
  certified_evidence: null,
  venue_evidence: null,
  trainers_evidence: null,
  equipment_evidence: null,
  ...o,
});

export const facility = (o: Partial<Facility> = {}): Facility => ({
  id: 'fac-1',
  city: 'alpha',
  kind: 'batik_centre',
  name: 'Sentra',
  name_en: 'Centre',
  location: null,
  location_source: null,
  location_evidence: null,
  funding: null,
  funding_source: null,
  funding_evidence: null,
  ...o,
});

export const dataset = (tables: Partial<DatasetTables>): Dataset =>
  buildDataset({
    cities: [city()],
    sources: [source()],
    organisations: [],
    events: [],
    facilities: [],
    facilityStatus: [],
    policies: [],
    flags: [],
    ...tables,
  });
