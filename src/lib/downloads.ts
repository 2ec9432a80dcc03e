import Papa from 'papaparse';
import { latestStatus, type Dataset } from './dataset';
import type { Estimate } from './estimate';
import { METRICS } from './metrics';
import {
  CLAIMED_TYPES,
  COUNT_BASES,
  COUNT_UNITS,
  DATE_PRECISIONS,
  DERIVED_FLAG_TYPES,
  DURATION_BASES,
  EVENT_KINDS,
  FACILITY_KINDS,
  FACILITY_STATUSES,
  FLAG_TYPES,
  FUNDING_BASES,
  POLICY_KINDS,
  POPULATION_BASES,
  REJECTION_REASONS,
  TITLE_BASES,
  type DatePrecision,
} from './schema';
import { cityProfiles, perTenThousand, type CityProfile } from './summarise';

/** ACLED's numeric time precision: 1 the day, 2 the week, 3 the month or coarser; blank when unknown. */
const TIME_PRECISION_TEXT = 'Date precision as a number, as ACLED codes it: 1 day, 2 week, 3 month or year; blank when unknown.';
const timePrecision = (p: DatePrecision): number | null => ({ day: 1, week: 2, month: 3, year: 3, unknown: null })[p];

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
    f('city', 'string', 'Id of the city the report was read for (cities.id).', { required: true }),
    f('publisher', 'string', 'Publisher of the report.'),
    f('title', 'string', 'Title of the report.'),
    f('title_basis', 'string', 'Whether the title is the printed headline or taken from the address (url_slug).', { enum: TITLE_BASES }),
    f('url', 'string', 'Original address of the report.'),
    f('published', 'string', 'Publication date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD; blank when unknown.'),
    f('published_precision', 'string', 'Precision of the publication date.', { enum: DATE_PRECISIONS }),
    f('time_precision', 'integer', TIME_PRECISION_TEXT),
    f('published_basis', 'string', 'How the publication date was derived.'),
    f('language', 'string', 'Language of the report.'),
    f('report_file', 'string', 'File name of the report text the evidence was checked against.'),
    f('reprint_of', 'string', 'The report whose text this one reprints (not an independent confirmation).'),
    f('rejected', 'string', 'Why a report that was read supports no record; blank when it does.', { enum: REJECTION_REASONS }),
    f('rejected_note', 'string', 'The reason, in Indonesian.'),
    f('rejected_note_en', 'string', 'The reason, in English.'),
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
  const resolvedFields = [
    f('number_of_sources', 'integer', 'Independent reports that tell the record (a reprint counts with its original).'),
    f('sources', 'string', 'Every report that tells the record (sources.id), oldest first.', { list: true }),
  ];
  /** A figure resolved from several reports: best, low, high and how many independent reports give it. */
  const estimateFields = (name: string, what: string) => [
    f(name, 'integer', `${what}: the best value (see the methodology). Blank when not reported.`),
    f(`${name}_low`, 'integer', `${what}: the lowest value a report gives, in the unit of the best value.`),
    f(`${name}_high`, 'integer', `${what}: the highest value a report gives, in the unit of the best value.`),
    f(`${name}_number_of_sources`, 'integer', `${what}: independent reports that give a value.`),
  ];
  const estimateCells = (name: string, e: Estimate | undefined) => ({
    [name]: e?.best ?? null,
    [`${name}_low`]: e?.low ?? null,
    [`${name}_high`]: e?.high ?? null,
    [`${name}_number_of_sources`]: e?.number_of_sources ?? null,
  });
  const eventFields = [
    id('Slug of the event.'),
    cityRef,
    f('kind', 'string', 'Kind of event.', { enum: EVENT_KINDS }),
    f('title', 'string', 'Title in Indonesian.'),
    f('title_en', 'string', 'Title in English.'),
    f('themes', 'string', 'Programme themes.', { list: true }),
    f('organiser', 'string', 'Id of the organising body (organisations.id).'),
    f('partners', 'string', 'Ids of partner bodies.', { list: true }),
    f('facility', 'string', 'Id of the facility the event concerns (facilities.id), e.g. for an inauguration.'),
    f('start_date', 'string', 'First day, as precise as known (YYYY-MM-DD, YYYY-MM or YYYY).'),
    f('start_precision', 'string', 'Precision of the start date.', { enum: DATE_PRECISIONS }),
    f('time_precision', 'integer', TIME_PRECISION_TEXT),
    f('end_date', 'string', 'Last day, as precise as known; blank for a one-day event or when not reported.'),
    f('end_precision', 'string', 'Precision of the end date.', { enum: DATE_PRECISIONS }),
    f('duration_days', 'integer', 'Length in calendar days, stated by a report or counted from exact dates.'),
    f('duration_basis', 'string', 'reported (stated) or dates (counted from exact dates).', { enum: DURATION_BASES }),
    ...estimateFields('participants', 'Participants'),
    f('participants_unit', 'string', 'What the participant figure counts; figures of different units are never added.', { enum: COUNT_UNITS }),
    f('participants_basis', 'string', 'count, target, approximate, at_least (a lower bound) or inferred.', { enum: COUNT_BASES }),
    ...estimateFields('certified', 'People certified'),
    f('certified_basis', 'string', 'count, target or inferred.', { enum: COUNT_BASES }),
    f('trainer_count', 'integer', 'Number of trainers.'),
    ...estimateFields('funding', 'Funding in rupiah'),
    f('funding_basis', 'string', 'budget, contract, realised or unspecified.', { enum: FUNDING_BASES }),
    f('venue', 'string', 'Venue as reported.'),
    f('place', 'string', 'Town or district as reported.'),
    f('trainers', 'string', 'Trainers as reported.'),
    f('equipment', 'string', 'Equipment handed to participants.'),
    f('opened_by', 'string', 'Who opened the event, as reported.'),
    ...resolvedFields,
  ];
  const facilityFields = [
    id('Slug of the facility.'),
    cityRef,
    f('kind', 'string', 'Kind of facility.', { enum: FACILITY_KINDS }),
    f('name', 'string', 'Name in Indonesian.'),
    f('name_en', 'string', 'Name in English.'),
    f('variants', 'string', 'Other names the reports use.', { list: true }),
    f('location', 'string', 'Location as reported.'),
    f('status', 'string', 'The latest status the reports give.', { enum: FACILITY_STATUSES }),
    f('status_as_of', 'string', 'Date of the latest status.'),
    ...estimateFields('funding', 'Funding in rupiah'),
    f('funding_basis', 'string', 'budget, contract, realised or unspecified.', { enum: FUNDING_BASES }),
    ...resolvedFields,
  ];
  const statusFields = [
    f('facility', 'string', 'Id of the facility (facilities.id).', { required: true }),
    f('status', 'string', 'Status reported.', { enum: FACILITY_STATUSES }),
    f('as_of', 'string', 'The date the status holds: its own date when a report gives one, else the report’s publication date.'),
    f('precision', 'string', 'Precision of that date.', { enum: DATE_PRECISIONS }),
    f('time_precision', 'integer', TIME_PRECISION_TEXT),
    f('dated', 'string', 'yes when a report dates the status itself (e.g. an inauguration day), no when the date is the publication date.'),
    f('sources', 'string', 'Reports giving this status on this date.', { list: true }),
  ];
  const policyFields = [
    id('Slug of the policy.'),
    cityRef,
    f('kind', 'string', 'Kind of policy instrument.', { enum: POLICY_KINDS }),
    f('title', 'string', 'Title in Indonesian.'),
    f('title_en', 'string', 'Title in English.'),
    f('number', 'string', 'Number of the instrument as printed.'),
    f('year', 'integer', 'Year of the instrument.'),
    f('requires', 'string', 'What it requires, as reported.'),
    f('summary', 'string', 'What it does, in Indonesian.'),
    f('summary_en', 'string', 'What it does, in English.'),
    ...resolvedFields,
  ];
  const claimFields = [
    f('record_type', 'string', 'Kind of record the report speaks of.', { required: true, enum: CLAIMED_TYPES }),
    f('record_id', 'string', 'Id of that record.', { required: true }),
    f('source', 'string', 'Id of the report (sources.id).', { required: true }),
    f('field', 'string', 'What the report states: "reported" (it tells the record) or a figure, date or text of it.', { required: true }),
    f('part', 'string', 'For a breakdown of participants: the part this figure counts; blank for a total.'),
    f('value', 'string', 'The value as the report gives it (numbers as digits, rupiah in full, dates as YYYY[-MM[-DD]]).'),
    f('unit', 'string', 'Unit of a count (people, businesses, pupils, companions, groups) or rupiah.'),
    f('basis', 'string', 'What the figure is: count, target, approximate, at_least, inferred; reported or dates for a duration; announced (told in advance) or inferred for a date; budget, contract, realised or unspecified for funding.'),
    f('date', 'string', 'For a facility status: the date the status holds, when the report gives it.'),
    f('precision', 'string', 'Precision of the date in value or date.', { enum: DATE_PRECISIONS }),
    f('evidence', 'string', 'Verbatim phrase from the report, checked against its text.', { required: true }),
    f('note', 'string', 'How the value was derived, when that is not plain.'),
    f('best_reason', 'string', 'When the curator chose this report’s value as the best, why.'),
  ];
  const flagFields = [
    id('Slug of the quality flag.'),
    f('record_type', 'string', 'Kind of record flagged.'),
    f('record_id', 'string', 'Id of the record flagged.'),
    f('field', 'string', 'Field of the record concerned; blank for the whole record.'),
    f('type', 'string', 'Kind of contradiction or vagueness.', { enum: [...FLAG_TYPES, ...DERIVED_FLAG_TYPES] }),
    f('derived', 'string', 'yes when the flag is raised by the reports’ own disagreement rather than written by the curator.'),
    f('note', 'string', 'Explanation in Indonesian.'),
    f('note_en', 'string', 'Explanation in English.'),
  ];
  const distinctFields = [
    f('record_type', 'string', 'Kind of the two records.', { required: true }),
    f('record_id', 'string', 'One record.', { required: true }),
    f('other_id', 'string', 'The other record, which looks alike but is a different thing.', { required: true }),
    f('reason', 'string', 'Why they are different.'),
  ];
  const populationFields = [
    f('city', 'string', 'Id of the city (cities.id).', { required: true }),
    f('year', 'integer', 'Year the figure refers to.'),
    f('value', 'integer', 'Inhabitants.'),
    f('basis', 'string', 'Kind of source: census, BPS projection or estimate, civil registry, press, encyclopedia.', { enum: POPULATION_BASES }),
    sourceRef(),
    f('evidence', 'string', 'Verbatim phrase from the source.'),
    f('note', 'string', 'Note on the figure.'),
    f('used', 'string', 'yes for the figure the per-inhabitant figures divide by.'),
  ];
  const summaryFields = [
    f('city', 'string', 'Id of the city (cities.id).', { required: true }),
    f('name', 'string', 'Official name in Indonesian.'),
    f('name_en', 'string', 'Name in English.'),
    f('province', 'string', 'Province, in Indonesian.'),
    f('region_code', 'string', 'Official region code (kode wilayah).'),
    ...METRICS.flatMap((m) => [
      f(m.id, 'integer', `${m.definition.en} Blank when not reported.`),
      f(`${m.id}_low`, 'integer', `${m.label.en}: the sum of the lowest values the reports give.`),
      f(`${m.id}_high`, 'integer', `${m.label.en}: the sum of the highest values the reports give.`),
      f(`${m.id}_per_10000`, 'number', `${m.label.en} per 10,000 inhabitants (population in population_used).`),
    ]),
    f('participants_from_targets', 'integer', 'How much of participants is a target rather than a count.'),
    f('participants_missing', 'integer', 'Trainings with no participant figure.'),
    f('training_days_missing', 'integer', 'Trainings with no reported length.'),
    f('person_days_missing', 'integer', 'Trainings lacking participants or length.'),
    f('first_event', 'string', 'Earliest known event date.'),
    f('last_event', 'string', 'Latest known event date.'),
    f('themes', 'string', 'Programme themes covered.', { list: true }),
    f('sources', 'integer', 'Number of reports that support a record of the city.'),
    f('records', 'integer', 'Number of records (events, facilities, policies) of the city.'),
    f('rejected_sources', 'integer', 'Reports read for the city and rejected (e.g. about the regency).'),
    f('population_used', 'integer', 'Population the per-inhabitant figures divide by; blank when no usable figure.'),
    f('population_year', 'integer', 'Year of that population figure.'),
    f('population_source', 'string', 'Source of that population figure (sources.id).'),
  ];
  const yes = (b: boolean) => (b ? 'yes' : 'no');

  return [
    { name: 'cities', title: 'Cities', description: 'The cities compared, with official region codes and coordinates.', fields: cityFields, primaryKey: ['id'], rows: dataset.cities.map((r) => pick(r, cityFields)) },
    {
      name: 'sources',
      title: 'Sources',
      description: 'Every report read: those the figures come from and those rejected, with the reason.',
      fields: sourceFields,
      primaryKey: ['id'],
      foreignKeys: [fk('city', 'cities')],
      rows: dataset.sources.map((r) => ({ ...pick(r, sourceFields), time_precision: timePrecision(r.published_precision) })),
    },
    {
      name: 'organisations',
      title: 'Organisations',
      description: 'City offices and other bodies that ran or supported the programmes, with the spellings found in the reports.',
      fields: organisationFields,
      primaryKey: ['id'],
      rows: dataset.organisations.map((o) => ({ ...pick(o, organisationFields), variants: o.variants.map((v) => v.name), variant_sources: o.variants.map((v) => v.source) })),
    },
    {
      name: 'events',
      title: 'Events',
      description: 'Each event once, with the best value and range of each figure over every report that tells it.',
      fields: eventFields,
      primaryKey: ['id'],
      foreignKeys: [fk('city', 'cities'), fk('organiser', 'organisations')],
      rows: dataset.events.map((r) => ({
        ...pick(r, eventFields),
        time_precision: timePrecision(r.start_precision),
        ...estimateCells('participants', r.estimates.participants),
        ...estimateCells('certified', r.estimates.certified),
        certified_basis: r.estimates.certified?.basis ?? null,
        ...estimateCells('funding', r.estimates.funding),
      })),
    },
    {
      name: 'facilities',
      title: 'Facilities',
      description: 'Physical batik facilities, each once, with the latest status the reports give.',
      fields: facilityFields,
      primaryKey: ['id'],
      foreignKeys: [fk('city', 'cities')],
      rows: dataset.facilities.map((r) => ({ ...pick(r, facilityFields), status: latestStatus(r)?.status ?? null, status_as_of: latestStatus(r)?.as_of ?? null, ...estimateCells('funding', r.estimates.funding) })),
    },
    {
      name: 'facility-status',
      title: 'Facility status',
      description: 'Each status of each facility on its date, with the reports that give it.',
      fields: statusFields,
      foreignKeys: [fk('facility', 'facilities')],
      rows: dataset.facilities.flatMap((f) => f.statuses.map((s) => ({ ...pick(s, statusFields), time_precision: timePrecision(s.precision), dated: yes(s.dated) }))),
    },
    { name: 'policies', title: 'Policies', description: 'Local policy instruments and designations about batik.', fields: policyFields, primaryKey: ['id'], foreignKeys: [fk('city', 'cities')], rows: dataset.policies.map((r) => pick(r, policyFields)) },
    {
      name: 'claims',
      title: 'What each report says',
      description: 'One row per figure per report: every value each report gives for each record, with its verbatim evidence. The records’ best values and ranges are computed from these rows.',
      fields: claimFields,
      foreignKeys: [fk('source', 'sources')],
      rows: dataset.claims.map((r) => pick(r, claimFields)),
    },
    { name: 'flags', title: 'Quality flags', description: 'Every contradiction or vagueness found in the reports, the curator’s and those the reports’ disagreements raise.', fields: flagFields, primaryKey: ['id'], rows: dataset.flags.map((r) => ({ ...pick(r, flagFields), derived: yes(r.derived === true) })) },
    { name: 'distinct', title: 'Distinct records', description: 'Pairs of records that look alike but are different things, with the reason.', fields: distinctFields, rows: dataset.distinct.map((r) => pick(r, distinctFields)) },
    { name: 'population', title: 'Population', description: 'Population figures of each city with year, basis and source; one per city is used for per-inhabitant figures.', fields: populationFields, foreignKeys: [fk('city', 'cities'), fk('source', 'sources')], rows: dataset.population.map((r) => ({ ...pick(r, populationFields), used: yes(r.used) })) },
    {
      name: 'city-summary',
      title: 'City summary',
      description: 'One row per city with the comparison metrics, their ranges and per-inhabitant figures. A blank figure means not reported, which is not zero.',
      fields: summaryFields,
      primaryKey: ['city'],
      foreignKeys: [fk('city', 'cities')],
      rows: profiles.map((p) => ({
        city: p.city.id,
        name: p.city.name,
        name_en: p.city.name_en,
        province: p.city.province,
        region_code: p.city.region_code,
        ...Object.fromEntries(
          METRICS.flatMap((m) => {
            const v = p.metrics[m.id];
            return [
              [m.id, v.value],
              [`${m.id}_low`, v.low],
              [`${m.id}_high`, v.high],
              [`${m.id}_per_10000`, perTenThousand(v.value, p.population)],
            ];
          }),
        ),
        participants_from_targets: p.participantsFromTargets,
        participants_missing: p.metrics.participants.missing.length,
        training_days_missing: p.metrics.training_days.missing.length,
        person_days_missing: p.metrics.person_days.missing.length,
        first_event: p.firstEvent,
        last_event: p.lastEvent,
        themes: p.themes,
        sources: p.sources.length,
        records: p.records,
        rejected_sources: p.rejected.length,
        population_used: p.population?.value ?? null,
        population_year: p.population?.year ?? null,
        population_source: p.population?.source ?? null,
      })),
    },
  ];
}

/**
 * A text cell a spreadsheet could run as a formula (OWASP, "CSV Injection"): one whose
 * first character, or the first after white space, on its first line or any other, is =, +,
 * -, @ (or their full-width forms), a tab or a carriage return. Such a cell is written with
 * an apostrophe before it, so the spreadsheet shows it as text.
 */
export const FORMULA_START = /(?:^|\n)\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The UTF-8 byte-order mark every CSV starts with. Excel reads a CSV without it in the
 * computer's legacy code page (Windows-1252 under Indonesian settings), which garbles every
 * letter outside ASCII; with it, Excel reads UTF-8. Frictionless, pandas, readr and Papa Parse
 * skip it.
 */
export const BOM = '\uFEFF';

/**
 * CSV for spreadsheets and programs alike: UTF-8 with a byte-order mark (BOM), commas between
 * cells and CRLF line ends (RFC 4180), lists joined with "|", blanks for not reported, text that
 * could run as a formula neutralised (FORMULA_START); numbers are written as numbers, with a
 * point for decimals, and left alone. The comma stays even though Excel under Indonesian
 * settings expects ";": the files are also the machine contract that datapackage.json
 * describes.
 */
export function toCsv(resource: Resource): string {
  const data = resource.rows.map((row) =>
    resource.fields.map((field) => {
      const v = row[field.name] ?? null;
      return Array.isArray(v) ? v.join('|') : v;
    }),
  );
  return `${BOM}${Papa.unparse({ fields: resource.fields.map((x) => x.name), data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

export const toJson = (resource: Resource): string => `${JSON.stringify(resource.rows, null, 2)}\n`;

export interface PackageInfo {
  /** Absolute site address, for the data package's homepage. */
  homepage: string;
}

/** The version of the downloads' columns; see data/CHANGELOG.md. */
const DATA_PACKAGE_VERSION = '2.1.0';

/** A Frictionless Data Package (v1) describing every CSV resource with a Table Schema. */
export function dataPackage(dataset: Dataset, info: PackageInfo, profiles?: readonly CityProfile[]) {
  return {
    profile: 'tabular-data-package',
    name: 'batik-kota',
    // The download contract's version: a major step whenever a column changes meaning or goes (data/CHANGELOG.md).
    version: DATA_PACKAGE_VERSION,
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
