import Papa from 'papaparse';
import type { Dataset } from './dataset';
import { METRICS } from './metrics';
import { cityProfiles, type CityProfile } from './summarise';

/**
 * The public data downloads: every dataset as CSV and JSON plus the city summary, and a
 * Frictionless data package describing them. These are a contract with policy staff and
 * newsrooms, so the columns are listed here once, with their types and meanings, and the
 * files, the data package and the data dictionary are all made from this list.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'date';
export interface Field {
  name: string;
  type: FieldType;
  description: string;
  /** Allowed values, for enumerations. */
  enum?: readonly string[];
  /** A list of values separated by "|" in CSV, an array in JSON. */
  list?: boolean;
  required?: boolean;
}
type Cell = string | number | null | string[];
export interface Resource {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey?: string[];
  foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
  rows: Record<string, Cell>[];
}

const f = (name: string, type: FieldType, description: string, extra: Partial<Field> = {}): Field => ({ name, type, description, ...extra });
const id = (description: string) => f('id', 'string', description, { required: true });
const cityRef = f('city', 'string', 'Id of the city (cities.id).', { required: true });
const sourceRef = (name = 'source') => f(name, 'string', 'Id of the source report (sources.id).');
const fk = (fields: string, resource: string) => ({ fields, reference: { resource, fields: 'id' } });
const pick = (row: object, fields: Field[]) =>
  Object.fromEntries(fields.map((x) => [x.name, (row as Record<string, Cell>)[x.name] ?? null]));

/** `profiles` defaults to computing them; the site passes the ones it has already. */
export function resources(dataset: Dataset, profiles: readonly CityProfile[] = cityProfiles(dataset)): Resource[] {
  const cityFields = [
    id('Slug of the city, used in page addresses.'),
    f('name', 'string', 'Official name in Indonesian (Kota …).'),
    f('name_en', 'string', 'Name in English.'),
    f('kind', 'string', 'Kota (city) or kabupaten (regency).', { enum: ['kota', 'kabupaten'] }),
    f('province', 'string', 'Province, in Indonesian.'),
    f('province_en', 'string', 'Province, in English.'),
    f('region_code', 'string', 'Official region code (kode wilayah, Kemendagri).'),
    f('latitude', 'number', 'Latitude of the city centre, decimal degrees.'),
    f('longitude', 'number', 'Longitude of the city centre, decimal degrees.'),
    f('coordinates_source', 'string', 'Where the coordinates come from.'),
  ];
  const sourceFields = [
    id('Slug of the source report.'),
    f('publisher', 'string', 'Publisher of the report.'),
    f('title', 'string', 'Title of the report.'),
    f('title_basis', 'string', 'Whether the title is the printed headline or taken from the address (url_slug).', { enum: ['headline', 'url_slug'] }),
    f('url', 'string', 'Original address of the report.'),
    f('published', 'string', 'Publication date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.'),
    f('published_precision', 'string', 'Precision of the publication date.', { enum: ['day', 'month', 'year'] }),
    f('published_basis', 'string', 'How the publication date was derived.'),
    f('language', 'string', 'Language of the report.'),
    f('report_file', 'string', 'File name of the report text the evidence was checked against.'),
  ];
  const organisationFields = [
    id('Slug of the organisation.'),
    f('city', 'string', 'Id of the city it belongs to; blank for bodies outside the cities.'),
    f('kind', 'string', 'Kind of organisation.'),
    f('name', 'string', 'Canonical name.'),
    f('name_en', 'string', 'Name in English.'),
    f('abbreviation', 'string', 'Usual abbreviation.'),
    f('variants', 'string', 'Spellings found in the reports.', { list: true }),
    f('variant_sources', 'string', 'Source of each spelling, in the same order.', { list: true }),
  ];
  const eventFields = [
    id('Slug of the event.'),
    cityRef,
    f('kind', 'string', 'Kind of event.', { enum: ['training', 'certification', 'exhibition'] }),
    f('title', 'string', 'Title in Indonesian, as in the report.'),
    f('title_en', 'string', 'Title in English.'),
    f('themes', 'string', 'Programme themes.', { list: true }),
    f('start_date', 'date', 'First day; blank when unknown.'),
    f('start_precision', 'string', 'day, approximate or unknown.', { enum: ['day', 'approximate', 'unknown'] }),
    f('end_date', 'date', 'Last day; blank when unknown.'),
    f('end_precision', 'string', 'day, approximate or unknown.', { enum: ['day', 'approximate', 'unknown'] }),
    f('duration_days', 'integer', 'Length in days; blank when not reported.'),
    f('duration_basis', 'string', 'reported (stated in the report), dates (counted from exact dates) or not_reported.'),
    f('venue', 'string', 'Venue as reported.'),
    f('place', 'string', 'Town where the event took place.'),
    f('participants', 'integer', 'Participant figure as reported; blank when not reported (not zero).'),
    f('participants_basis', 'string', 'count, or target when the report gives a target.', { enum: ['count', 'target'] }),
    f('participants_unit', 'string', 'people, or businesses when the report counts firms.', { enum: ['people', 'businesses'] }),
    f('certified', 'integer', 'People reported as certified; blank when not reported.'),
    f('trainers', 'string', 'Trainers or resource persons as reported.'),
    f('trainer_count', 'integer', 'Number of trainers when reported.'),
    f('organiser', 'string', 'Id of the organising organisation (organisations.id).'),
    f('partners', 'string', 'Ids of partner organisations.', { list: true }),
    f('equipment', 'string', 'Equipment handed to trainees, as reported.'),
    sourceRef(),
    f('evidence', 'string', 'Verbatim phrase from the report that establishes the event.'),
    f('date_evidence', 'string', 'Verbatim phrase for the dates.'),
    f('participants_evidence', 'string', 'Verbatim phrase for the participant figure.'),
    f('certified_evidence', 'string', 'Verbatim phrase for the certified figure.'),
    f('venue_evidence', 'string', 'Verbatim phrase for the venue.'),
    f('trainers_evidence', 'string', 'Verbatim phrase for the trainers.'),
    f('equipment_evidence', 'string', 'Verbatim phrase for the equipment.'),
  ];
  const facilityFields = [
    id('Slug of the facility.'),
    cityRef,
    f('kind', 'string', 'Kind of facility.'),
    f('name', 'string', 'Name in Indonesian.'),
    f('name_en', 'string', 'Name in English.'),
    f('location', 'string', 'Location as reported.'),
    sourceRef('location_source'),
    f('location_evidence', 'string', 'Verbatim phrase for the location.'),
    f('funding', 'string', 'Funding scheme as reported.'),
    sourceRef('funding_source'),
    f('funding_evidence', 'string', 'Verbatim phrase for the funding.'),
  ];
  const statusFields = [
    f('facility', 'string', 'Id of the facility (facilities.id).', { required: true }),
    f('status', 'string', 'Status reported.', { enum: ['planned', 'under_construction', 'built', 'operating'] }),
    f('as_of', 'string', 'Publication date of the report giving the status.'),
    sourceRef(),
    f('evidence', 'string', 'Verbatim phrase for the status.'),
  ];
  const policyFields = [
    id('Slug of the policy.'),
    cityRef,
    f('kind', 'string', 'Kind of policy instrument.'),
    f('title', 'string', 'Title in Indonesian.'),
    f('title_en', 'string', 'Title in English.'),
    f('year', 'integer', 'Year of the instrument.'),
    f('summary', 'string', 'What it does, in Indonesian.'),
    f('summary_en', 'string', 'What it does, in English.'),
    sourceRef(),
    f('evidence', 'string', 'Verbatim phrase from the report.'),
  ];
  const flagFields = [
    id('Slug of the quality flag.'),
    f('record_type', 'string', 'Kind of record flagged.'),
    f('record_id', 'string', 'Id of the record flagged.'),
    f('field', 'string', 'Field of the record concerned; blank for the whole record.'),
    f('type', 'string', 'Kind of contradiction or vagueness.'),
    f('note', 'string', 'Explanation in Indonesian.'),
    f('note_en', 'string', 'Explanation in English.'),
  ];
  const summaryFields = [
    f('city', 'string', 'Id of the city (cities.id).', { required: true }),
    f('name', 'string', 'Official name in Indonesian.'),
    f('name_en', 'string', 'Name in English.'),
    f('province', 'string', 'Province, in Indonesian.'),
    f('region_code', 'string', 'Official region code (kode wilayah).'),
    ...METRICS.map((m) => f(m.id, 'integer', `${m.definition.en} Blank when not reported.`)),
    f('participants_from_targets', 'integer', 'How much of participants is a target rather than a count.'),
    f('participants_missing', 'integer', 'Trainings with no participant figure.'),
    f('training_days_missing', 'integer', 'Trainings with no reported length.'),
    f('person_days_missing', 'integer', 'Trainings lacking participants or length.'),
    f('first_event', 'date', 'Earliest known event date.'),
    f('last_event', 'date', 'Latest known event date.'),
    f('themes', 'string', 'Programme themes covered.', { list: true }),
    f('sources', 'integer', 'Number of reports that cover the city.'),
  ];

  return [
    { name: 'cities', title: 'Cities', description: 'The cities compared, with official region codes and coordinates.', fields: cityFields, primaryKey: ['id'], rows: dataset.cities.map((r) => pick(r, cityFields)) },
    { name: 'sources', title: 'Sources', description: 'The news reports every figure comes from.', fields: sourceFields, primaryKey: ['id'], rows: dataset.sources.map((r) => pick(r, sourceFields)) },
    {
      name: 'organisations',
      title: 'Organisations',
      description: 'City offices and other bodies that ran or supported the programmes, with the spellings found in the reports.',
      fields: organisationFields,
      primaryKey: ['id'],
      rows: dataset.organisations.map((o) => ({ ...pick(o, organisationFields), variants: o.variants.map((v) => v.name), variant_sources: o.variants.map((v) => v.source) })),
    },
    { name: 'events', title: 'Events', description: 'Trainings, certification programmes and exhibitions, each with its evidence.', fields: eventFields, primaryKey: ['id'], foreignKeys: [fk('city', 'cities'), fk('source', 'sources'), fk('organiser', 'organisations')], rows: dataset.events.map((r) => pick(r, eventFields)) },
    { name: 'facilities', title: 'Facilities', description: 'Physical batik facilities such as batik centres.', fields: facilityFields, primaryKey: ['id'], foreignKeys: [fk('city', 'cities')], rows: dataset.facilities.map((r) => pick(r, facilityFields)) },
    { name: 'facility-status', title: 'Facility status', description: 'The status of each facility as each report gives it.', fields: statusFields, foreignKeys: [fk('facility', 'facilities'), fk('source', 'sources')], rows: dataset.facilityStatus.map((r) => pick(r, statusFields)) },
    { name: 'policies', title: 'Policies', description: 'Local policy instruments about batik.', fields: policyFields, primaryKey: ['id'], foreignKeys: [fk('city', 'cities'), fk('source', 'sources')], rows: dataset.policies.map((r) => pick(r, policyFields)) },
    { name: 'flags', title: 'Quality flags', description: 'Every contradiction or vagueness found in the reports, attached to the record it concerns.', fields: flagFields, primaryKey: ['id'], rows: dataset.flags.map((r) => pick(r, flagFields)) },
    {
      name: 'city-summary',
      title: 'City summary',
      description: 'One row per city with the comparison metrics. A blank figure means not reported, which is not zero.',
      fields: summaryFields,
      primaryKey: ['city'],
      foreignKeys: [fk('city', 'cities')],
      rows: profiles.map((p) => ({
        city: p.city.id,
        name: p.city.name,
        name_en: p.city.name_en,
        province: p.city.province,
        region_code: p.city.region_code,
        ...Object.fromEntries(METRICS.map((m) => [m.id, p.metrics[m.id].value])),
        participants_from_targets: p.participantsFromTargets,
        participants_missing: p.metrics.participants.missing.length,
        training_days_missing: p.metrics.training_days.missing.length,
        person_days_missing: p.metrics.person_days.missing.length,
        first_event: p.firstEvent,
        last_event: p.lastEvent,
        themes: p.themes,
        sources: p.sources.length,
      })),
    },
  ];
}

/**
 * CSV for spreadsheets: UTF-8, lists joined with "|", blanks for not reported. A text cell
 * that starts with =, +, -, @, tab or CR is prefixed with an apostrophe so no spreadsheet
 * runs it as a formula (numbers are written as numbers and left alone).
 */
export function toCsv(resource: Resource): string {
  const data = resource.rows.map((row) =>
    resource.fields.map((field) => {
      const v = row[field.name] ?? null;
      return Array.isArray(v) ? v.join('|') : v;
    }),
  );
  return `${Papa.unparse({ fields: resource.fields.map((x) => x.name), data }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}

export const toJson = (resource: Resource): string => `${JSON.stringify(resource.rows, null, 2)}\n`;

export interface PackageInfo {
  /** Absolute site address, for the data package's homepage. */
  homepage: string;
}

/** A Frictionless Data Package (v1) describing every CSV resource with a Table Schema. */
export function dataPackage(dataset: Dataset, info: PackageInfo, profiles?: readonly CityProfile[]) {
  return {
    profile: 'tabular-data-package',
    name: 'batik-kota',
    title: `Batik industry development in ${dataset.cities.length} Indonesian cities`,
    description: `Training events, participants, certifications, facilities and policies for the batik industry in ${new Intl.ListFormat('en-GB').format(dataset.cities.map((c) => c.name))}, curated by hand from news reports. Each resource is also published as JSON beside its CSV.`,
    homepage: info.homepage,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
    sources: dataset.sources.map((s) => ({ title: `${s.publisher}: ${s.title}`, path: s.url })),
    resources: resources(dataset, profiles).map((r) => ({
      name: r.name,
      path: `${r.name}.csv`,
      profile: 'tabular-data-resource',
      title: r.title,
      description: r.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: r.fields.map((x) => ({
          name: x.name,
          type: x.type,
          description: x.list ? `${x.description} Several values are separated by "|".` : x.description,
          ...(x.type === 'date' ? { format: 'default' } : {}),
          constraints: { ...(x.required ? { required: true } : {}), ...(x.enum ? { enum: [...x.enum] } : {}) },
        })),
        missingValues: [''],
        ...(r.primaryKey ? { primaryKey: r.primaryKey } : {}),
        ...(r.foreignKeys ? { foreignKeys: r.foreignKeys } : {}),
      },
    })),
  };
}
