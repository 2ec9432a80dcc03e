import { z } from 'zod';
import * as cell from './cells';

/**
 * The data contract: one schema per data file, the enumerations they use, and the rules
 * that tie the cells of one row together. The loader, the validator, the pages and the
 * downloads all read the data through these definitions.
 */

export const CITY_KINDS = ['kota', 'kabupaten'] as const;
export const EVENT_KINDS = ['training', 'certification', 'exhibition'] as const;
export const THEMES = [
  'production_technique',
  'colouring',
  'product_development',
  'standardisation',
  'certification',
  'marketing',
  'export',
] as const;
export const DATE_PRECISIONS = ['day', 'approximate', 'unknown'] as const;
export const DURATION_BASES = ['reported', 'dates', 'not_reported'] as const;
export const PARTICIPANT_BASES = ['count', 'target'] as const;
export const PARTICIPANT_UNITS = ['people', 'businesses'] as const;
export const FACILITY_KINDS = ['batik_centre', 'building', 'other'] as const;
/** In the order a facility normally moves through them. */
export const FACILITY_STATUSES = ['planned', 'under_construction', 'built', 'operating'] as const;
export const ORGANISATION_KINDS = ['city_office', 'city_government', 'certification_body', 'national_agency', 'other'] as const;
export const POLICY_KINDS = ['mayoral_regulation', 'regional_regulation', 'decree', 'other'] as const;
export const PUBLISHED_PRECISIONS = ['day', 'month', 'year'] as const;
export const TITLE_BASES = ['headline', 'url_slug'] as const;
export const LANGUAGES = ['id', 'en'] as const;
export const RECORD_TYPES = ['city', 'source', 'organisation', 'event', 'facility', 'policy'] as const;
/** Every kind of contradiction or vagueness a curator can attach to a record. */
export const FLAG_TYPES = [
  'target_not_count',
  'approximate_date',
  'date_unknown',
  'year_inferred',
  'weekday_mismatch',
  'ceremony_after_event',
  'duplicated_text',
  'unit_not_people',
  'inferred',
  'status_unclear',
  'vague_reference',
  'scope_broader',
  'advertorial',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type Theme = (typeof THEMES)[number];
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];
export type RecordType = (typeof RECORD_TYPES)[number];
export type FlagType = (typeof FLAG_TYPES)[number];

/** Reports one problem in a row, on a named column. */
export type RowProblem = (column: string, rule: string, message: string) => void;

export interface TableSpec<S extends z.ZodRawShape> {
  file: string;
  row: z.ZodObject<S>;
  /** Rules across the cells of one row (e.g. an end date not before the start). */
  rules?: (row: z.output<z.ZodObject<S>>, problem: RowProblem) => void;
}

const table = <S extends z.ZodRawShape>(spec: TableSpec<S>) => spec;

export const cities = table({
  file: 'cities.csv',
  row: z.object({
    id: cell.id,
    name: cell.text,
    name_en: cell.text,
    kind: cell.oneOf(CITY_KINDS),
    province: cell.text,
    province_en: cell.text,
    region_code: z.string().superRefine((v, ctx) => {
      if (!/^\d{4}$/.test(v)) ctx.addIssue({ code: 'custom', message: `"${v}" is not a four-digit kode wilayah (e.g. 3572)`, params: { rule: 'region-code' } });
    }),
    // Bounds of Indonesia, so swapped or mistyped coordinates are caught.
    latitude: cell.decimal(-11.5, 6.5),
    longitude: cell.decimal(94.5, 141.5),
    coordinates_source: cell.httpsUrl,
  }),
});

export const sources = table({
  file: 'sources.csv',
  row: z.object({
    id: cell.id,
    publisher: cell.text,
    title: cell.text,
    title_basis: cell.oneOf(TITLE_BASES),
    url: cell.httpsUrl,
    published: cell.partialDate,
    published_precision: cell.oneOf(PUBLISHED_PRECISIONS),
    published_basis: cell.text,
    language: cell.oneOf(LANGUAGES),
    report_file: z
      .string()
      .superRefine((v, ctx) => {
        if (v !== '' && !/^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/.test(v))
          ctx.addIssue({ code: 'custom', message: 'a report file is a plain file name ending in .txt, with no folder', params: { rule: 'report-file' } });
      })
      .transform((v) => (v === '' ? null : v)),
  }),
  rules(r, problem) {
    const expected = { year: 4, month: 7, day: 10 }[r.published_precision];
    if (r.published.length !== expected)
      problem('published', 'precision', `a date of precision "${r.published_precision}" is written as ${{ year: 'YYYY', month: 'YYYY-MM', day: 'YYYY-MM-DD' }[r.published_precision]}`);
  },
});

const eventRow = z.object({
  id: cell.id,
  city: cell.id,
  kind: cell.oneOf(EVENT_KINDS),
  title: cell.text,
  title_en: cell.text,
  themes: cell.idList(THEMES),
  start_date: cell.optionalDay,
  start_precision: cell.oneOf(DATE_PRECISIONS),
  end_date: cell.optionalDay,
  end_precision: cell.oneOf(DATE_PRECISIONS),
  duration_days: cell.optionalCount,
  duration_basis: cell.oneOf(DURATION_BASES),
  venue: cell.optionalText,
  place: cell.optionalText,
  participants: cell.optionalCount,
  participants_basis: cell.optionalOneOf(PARTICIPANT_BASES),
  participants_unit: cell.optionalOneOf(PARTICIPANT_UNITS),
  certified: cell.optionalCount,
  trainers: cell.optionalText,
  trainer_count: cell.optionalCount,
  organiser: cell.id,
  partners: cell.idList(),
  equipment: cell.optionalText,
  source: cell.id,
  evidence: cell.text,
  date_evidence: cell.optionalText,
  participants_evidence: cell.optionalText,
  certified_evidence: cell.optionalText,
  venue_evidence: cell.optionalText,
  trainers_evidence: cell.optionalText,
  equipment_evidence: cell.optionalText,
});
export type EventRow = z.output<typeof eventRow>;

/** Which evidence column backs which figure: a figure present needs its phrase. */
export const EVENT_EVIDENCE: Record<string, keyof EventRow> = {
  start_date: 'date_evidence',
  participants: 'participants_evidence',
  certified: 'certified_evidence',
  venue: 'venue_evidence',
  trainers: 'trainers_evidence',
  equipment: 'equipment_evidence',
};

/** Inclusive number of calendar days from one ISO date to another. */
export const daysBetween = (start: string, end: string): number =>
  Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;

export const events = table({
  file: 'events.csv',
  row: eventRow,
  rules(r, problem) {
    for (const side of ['start', 'end'] as const) {
      const date = r[`${side}_date`];
      const precision = r[`${side}_precision`];
      if (precision === 'unknown' && date !== null) problem(`${side}_precision`, 'date-precision', `the ${side} date is given, so its precision cannot be "unknown"`);
      if (precision !== 'unknown' && date === null) problem(`${side}_date`, 'date-precision', `the ${side} date is blank, so its precision must be "unknown"`);
    }
    if (r.start_date && r.end_date && r.end_date < r.start_date) problem('end_date', 'end-before-start', `the end (${r.end_date}) is before the start (${r.start_date})`);
    if (r.duration_basis === 'not_reported' && r.duration_days !== null) problem('duration_days', 'duration-basis', 'a duration is given but its basis is "not_reported"');
    if (r.duration_basis !== 'not_reported' && r.duration_days === null) problem('duration_days', 'duration-basis', `the basis is "${r.duration_basis}" but no duration is given`);
    if (r.duration_days === 0) problem('duration_days', 'duration-positive', 'an event lasts at least one day');
    if (r.duration_basis === 'dates') {
      if (r.start_precision !== 'day' || r.end_precision !== 'day' || !r.start_date || !r.end_date)
        problem('duration_basis', 'duration-basis', 'a duration taken from the dates needs exact start and end days');
      else if (r.duration_days !== null && r.duration_days !== daysBetween(r.start_date, r.end_date))
        problem('duration_days', 'duration-dates', `${r.start_date} to ${r.end_date} is ${daysBetween(r.start_date, r.end_date)} days, not ${r.duration_days}`);
    }
    const hasParticipants = r.participants !== null;
    if (hasParticipants !== (r.participants_basis !== null)) problem('participants_basis', 'participants-basis', hasParticipants ? 'say whether the participant figure is a "count" or a "target"' : 'there is no participant figure, so leave the basis blank');
    if (hasParticipants !== (r.participants_unit !== null)) problem('participants_unit', 'participants-unit', hasParticipants ? 'say whether participants are "people" or "businesses"' : 'there is no participant figure, so leave the unit blank');
    if (r.trainer_count !== null && r.trainers === null) problem('trainers', 'trainers', 'a trainer count is given; describe the trainers as the report does');
    for (const [figure, evidence] of Object.entries(EVENT_EVIDENCE)) {
      const value = r[figure as keyof EventRow];
      if (value !== null && r[evidence] === null) problem(evidence, 'evidence-required', `"${figure}" is given, so "${evidence}" needs the verbatim phrase from the report that states it`);
    }
  },
});

export const facilities = table({
  file: 'facilities.csv',
  row: z.object({
    id: cell.id,
    city: cell.id,
    kind: cell.oneOf(FACILITY_KINDS),
    name: cell.text,
    name_en: cell.text,
    location: cell.optionalText,
    location_source: cell.optionalId,
    location_evidence: cell.optionalText,
    funding: cell.optionalText,
    funding_source: cell.optionalId,
    funding_evidence: cell.optionalText,
  }),
  rules(r, problem) {
    for (const field of ['location', 'funding'] as const) {
      const given = r[field] !== null;
      if (given && (r[`${field}_source`] === null || r[`${field}_evidence`] === null))
        problem(`${field}_evidence`, 'evidence-required', `"${field}" is given, so "${field}_source" and "${field}_evidence" are needed`);
      if (!given && (r[`${field}_source`] !== null || r[`${field}_evidence`] !== null))
        problem(field, 'evidence-required', `"${field}_source" or "${field}_evidence" is given but "${field}" is blank`);
    }
  },
});

export const facilityStatus = table({
  file: 'facility-status.csv',
  row: z.object({
    facility: cell.id,
    status: cell.oneOf(FACILITY_STATUSES),
    source: cell.id,
    evidence: cell.text,
  }),
});

export const policies = table({
  file: 'policies.csv',
  row: z.object({
    id: cell.id,
    city: cell.id,
    kind: cell.oneOf(POLICY_KINDS),
    title: cell.text,
    title_en: cell.text,
    year: cell.year,
    summary: cell.text,
    summary_en: cell.text,
    source: cell.id,
    evidence: cell.text,
  }),
});

export const flags = table({
  file: 'flags.csv',
  row: z.object({
    id: cell.id,
    record_type: cell.oneOf(RECORD_TYPES),
    record_id: cell.id,
    field: z.string().transform((v) => (v === '' ? null : v)),
    type: cell.oneOf(FLAG_TYPES),
    note: cell.text,
    note_en: cell.text,
  }),
});

const jsonText = z.string().min(1, 'a value is required');
export const organisations = {
  file: 'organisations.json',
  row: z
    .object({
      id: z.string().superRefine((v, ctx) => void cell.id.safeParse(v).error?.issues.forEach((i) => ctx.addIssue(i as z.IssueData))),
      city: z.string(),
      kind: z.enum(ORGANISATION_KINDS),
      name: jsonText,
      name_en: jsonText,
      abbreviation: z.string(),
      variants: z.array(z.object({ name: jsonText, source: z.string() }).strict()).min(1),
    })
    .strict(),
};

export type CityRow = z.output<typeof cities.row>;
export type SourceRow = z.output<typeof sources.row>;
export type FacilityRow = z.output<typeof facilities.row>;
export type FacilityStatusRow = z.output<typeof facilityStatus.row>;
export type PolicyRow = z.output<typeof policies.row>;
export type FlagRow = z.output<typeof flags.row>;
export type OrganisationRow = z.output<typeof organisations.row>;

