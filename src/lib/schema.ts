import { z } from 'zod';
import * as cell from './cells';
import { PAIR_SEPARATOR_WORD } from './routes';

/**
 * The data contract: one schema per data file, the enumerations they use, and the rules
 * that tie the cells of one row together. The loader, the validator, the pages and the
 * downloads all read the data through these definitions.
 */

export const CITY_KINDS = ['kota', 'kabupaten'] as const;
export const EVENT_KINDS = ['training', 'certification', 'exhibition', 'festival', 'competition', 'inauguration', 'aid', 'other'] as const;
export const THEMES = [
  'production_technique',
  'colouring',
  'product_development',
  'standardisation',
  'certification',
  'marketing',
  'export',
  'environment',
  'education',
  'heritage',
  'fashion',
] as const;
/** How precisely a date is known; a date of precision month is written YYYY-MM, of year YYYY. */
export const DATE_PRECISIONS = ['day', 'week', 'month', 'year', 'unknown'] as const;
export const DURATION_BASES = ['reported', 'dates'] as const;
/** What a reported count is: a count, a target ("sasaran"), "about", "more than", or inferred by the curator. */
export const COUNT_BASES = ['count', 'target', 'approximate', 'at_least', 'inferred'] as const;
/** What a count counts. Figures of different units are never added together. */
export const COUNT_UNITS = ['people', 'businesses', 'pupils', 'companions', 'groups'] as const;
/** A date as the report gives it: blank when it tells what happened, "announced" when it tells in advance what will, "inferred" when the curator worked it out. */
export const DATE_BASES = ['announced', 'inferred'] as const;
export const FUNDING_BASES = ['budget', 'contract', 'realised', 'unspecified'] as const;
export const FACILITY_KINDS = ['batik_centre', 'gallery', 'museum', 'monument', 'waste_water_plant', 'batik_village', 'building', 'other'] as const;
/** In the order a facility normally moves through them. */
export const FACILITY_STATUSES = ['planned', 'under_construction', 'inaugurated', 'operating'] as const;
export const ORGANISATION_KINDS = [
  'city_office',
  'city_government',
  'certification_body',
  'national_agency',
  'provincial_agency',
  'business_association',
  'education',
  'community',
  'company',
  'other',
] as const;
export const POLICY_KINDS = ['mayoral_regulation', 'regional_regulation', 'decree', 'circular', 'designation', 'other'] as const;
export const PUBLISHED_PRECISIONS = DATE_PRECISIONS;
/** Where a report's title comes from: its printed headline, its address, or nowhere (none: no title known). */
export const TITLE_BASES = ['headline', 'url_slug', 'none'] as const;
export const LANGUAGES = ['id', 'en'] as const;
/** Why a report that was read supports no record. */
export const REJECTION_REASONS = ['kabupaten', 'nothing_countable', 'outside_batik', 'not_city', 'duplicate_file'] as const;
export const POPULATION_BASES = ['census', 'bps_projection', 'bps_estimate', 'civil_registry', 'press', 'encyclopedia'] as const;
export const RECORD_TYPES = ['city', 'source', 'organisation', 'event', 'facility', 'policy'] as const;
/** The record types that reports tell through claims. */
export const CLAIMED_TYPES = ['event', 'facility', 'policy'] as const;
/** Every kind of contradiction or vagueness a curator can attach to a record. */
export const FLAG_TYPES = [
  'target_not_count',
  'approximate_figure',
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
  'self_contradiction',
  'excerpt_truncated',
  'regency_mentioned',
  'kota_by_place',
  'other',
] as const;
/** Flags the validator raises itself from the claims; a curator never writes these. */
export const DERIVED_FLAG_TYPES = ['reports_disagree', 'parts_do_not_add_up'] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type Theme = (typeof THEMES)[number];
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];
export type RecordType = (typeof RECORD_TYPES)[number];
export type FlagType = (typeof FLAG_TYPES)[number] | (typeof DERIVED_FLAG_TYPES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type CountUnit = (typeof COUNT_UNITS)[number];
export type CountBasis = (typeof COUNT_BASES)[number];
export type ClaimedType = (typeof CLAIMED_TYPES)[number];

/** Reports one problem in a row, on a named column. */
export type RowProblem = (column: string, rule: string, message: string) => void;

export interface TableSpec<S extends z.ZodRawShape> {
  file: string;
  row: z.ZodObject<S>;
  /** Whether the file may hold a header and no rows (a list that can be empty, e.g. distinct pairs). */
  mayBeEmpty?: boolean;
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
  rules(r, problem) {
    // Two cities' comparison page is "<a>-vs-<b>": a city id holding "-vs-" would make two pairs share one address.
    if (r.id.split('-').includes(PAIR_SEPARATOR_WORD))
      problem('id', 'id-reserved', `a city id may not contain "${PAIR_SEPARATOR_WORD}" as a word: it separates the two cities in a comparison's address`);
  },
});

/** The length of a date written at each precision. */
export const DATE_LENGTH: Record<DatePrecision, number> = { day: 10, week: 10, month: 7, year: 4, unknown: 0 };
const DATE_FORM: Record<DatePrecision, string> = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD (a day within the week)', month: 'YYYY-MM', year: 'YYYY', unknown: 'blank' };

/** Checks that a date cell is written as its precision says; a blank date is precision "unknown". */
function datePrecisionRule(date: string | null, precision: DatePrecision | null, dateColumn: string, precisionColumn: string, problem: RowProblem) {
  if (precision === null) {
    if (date !== null) problem(precisionColumn, 'date-precision', 'a date is given, so say how precise it is: day, week, month or year');
    return;
  }
  if ((date?.length ?? 0) !== DATE_LENGTH[precision])
    problem(date === null ? dateColumn : precisionColumn, 'date-precision', `a date of precision "${precision}" is written ${DATE_FORM[precision]}`);
}

export const sources = table({
  file: 'sources.csv',
  row: z.object({
    id: cell.id,
    city: cell.id,
    publisher: cell.text,
    title: cell.optionalText,
    title_basis: cell.oneOf(TITLE_BASES),
    url: cell.webUrl,
    published: cell.optionalPartialDate,
    published_precision: cell.oneOf(PUBLISHED_PRECISIONS),
    published_basis: cell.text,
    // The same note in Indonesian, for the Indonesian pages: a curator writes both, as for
    // rejected_note and rejected_note_en, so the sources page shows no English.
    published_basis_id: cell.text,
    language: cell.oneOf(LANGUAGES),
    report_file: z
      .string()
      .superRefine((v, ctx) => {
        if (!/^(context\/)?[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/.test(v))
          ctx.addIssue({ code: 'custom', message: 'a report file is a plain file name ending in .txt (or context/<name>.txt for a population source)', params: { rule: 'report-file' } });
      }),
    reprint_of: cell.optionalId,
    rejected: cell.optionalOneOf(REJECTION_REASONS),
    rejected_note: cell.optionalText,
    rejected_note_en: cell.optionalText,
  }),
  rules(r, problem) {
    datePrecisionRule(r.published, r.published_precision, 'published', 'published_precision', problem);
    if ((r.title === null) !== (r.title_basis === 'none'))
      problem('title_basis', 'title-basis', r.title === null ? 'the title is blank, so its basis is "none"' : 'a title is given, so say where it comes from: headline or url_slug');
    if (r.rejected !== null && (r.rejected_note === null || r.rejected_note_en === null))
      problem(r.rejected_note === null ? 'rejected_note' : 'rejected_note_en', 'rejected-note', 'a rejected report needs the reason in both languages (rejected_note, rejected_note_en)');
    if (r.rejected === null && (r.rejected_note !== null || r.rejected_note_en !== null))
      problem('rejected', 'rejected-note', 'a rejection note is given but "rejected" is blank; give the reason code or clear the note');
    if (r.reprint_of === r.id) problem('reprint_of', 'reprint-self', 'a report cannot be a reprint of itself');
  },
});

export const events = table({
  file: 'events.csv',
  mayBeEmpty: true,
  row: z.object({
    id: cell.id,
    city: cell.id,
    kind: cell.oneOf(EVENT_KINDS),
    title: cell.text,
    title_en: cell.text,
    themes: cell.idList(THEMES),
    // Blank when no report names who organised the event.
    organiser: cell.optionalId,
    partners: cell.idList(),
    facility: cell.optionalId,
  }),
});
export type EventRow = z.output<typeof events.row>;

/** Inclusive number of calendar days from one ISO date to another. */
export const daysBetween = (start: string, end: string): number =>
  Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;

export const facilities = table({
  file: 'facilities.csv',
  mayBeEmpty: true,
  row: z.object({
    id: cell.id,
    city: cell.id,
    kind: cell.oneOf(FACILITY_KINDS),
    name: cell.text,
    name_en: cell.text,
    variants: cell.textList,
  }),
});

export const policies = table({
  file: 'policies.csv',
  mayBeEmpty: true,
  row: z.object({
    id: cell.id,
    city: cell.id,
    kind: cell.oneOf(POLICY_KINDS),
    title: cell.text,
    title_en: cell.text,
    summary: cell.text,
    summary_en: cell.text,
  }),
});

/**
 * The fields a report can state about each kind of record, and what their values are.
 * `count` fields hold whole numbers and are checked against their evidence phrase;
 * `date` fields hold partial dates with a precision; `text` fields hold a short text.
 */
export const CLAIM_FIELDS = {
  event: {
    reported: 'none',
    start_date: 'date',
    end_date: 'date',
    duration_days: 'count',
    participants: 'count',
    certified: 'count',
    trainer_count: 'count',
    funding: 'amount',
    venue: 'text',
    place: 'text',
    trainers: 'text',
    equipment: 'text',
    opened_by: 'text',
  },
  facility: { reported: 'none', status: 'status', location: 'text', funding: 'amount', opened_by: 'text' },
  policy: { reported: 'none', number: 'text', year: 'count', requires: 'text' },
} as const satisfies Record<ClaimedType, Record<string, 'none' | 'date' | 'count' | 'amount' | 'text' | 'status'>>;


export const claims = table({
  file: 'claims.csv',
  row: z.object({
    record_type: cell.oneOf(CLAIMED_TYPES),
    record_id: cell.id,
    source: cell.id,
    field: cell.text,
    part: cell.optionalText,
    value: cell.optionalText,
    unit: cell.optionalText,
    basis: cell.optionalText,
    date: cell.optionalPartialDate,
    precision: cell.optionalOneOf(DATE_PRECISIONS),
    evidence: cell.text,
    note: cell.optionalText,
    // The note in Indonesian, for the Indonesian pages; given exactly when `note` is.
    note_id: cell.optionalText,
    best_reason: cell.optionalText,
    // The reason in Indonesian, for the Indonesian pages; given exactly when `best_reason` is.
    best_reason_id: cell.optionalText,
  }),
  rules(r, problem) {
    if ((r.note === null) !== (r.note_id === null))
      problem(r.note === null ? 'note' : 'note_id', 'claim-note', 'a note is written in both languages: English in "note", Indonesian in "note_id"');
    if ((r.best_reason === null) !== (r.best_reason_id === null))
      problem(r.best_reason === null ? 'best_reason' : 'best_reason_id', 'claim-best-reason', 'the reason for a choice is written in both languages: English in "best_reason", Indonesian in "best_reason_id"');
    const fields: Record<string, string> = CLAIM_FIELDS[r.record_type];
    const kind = Object.hasOwn(fields, r.field) ? fields[r.field] : undefined;
    if (kind === undefined) {
      problem('field', 'claim-field', `a report can state these fields of a ${r.record_type}: ${Object.keys(fields).join(', ')}`);
      return;
    }
    const allowed = (column: 'unit' | 'basis', values: readonly string[] | null) => {
      const v = r[column];
      if (values === null) {
        if (v !== null) problem(column, 'claim-' + column, `"${r.field}" takes no ${column}; leave it blank`);
      } else if (v === null) problem(column, 'claim-' + column, `"${r.field}" needs a ${column}: one of ${values.join(', ')}`);
      else if (!values.includes(v)) problem(column, 'claim-' + column, `"${v}" is not a ${column} of "${r.field}"; use one of ${values.join(', ')}`);
    };
    if (kind === 'none') {
      if (r.value !== null) problem('value', 'claim-value', 'a "reported" row only links the report to the record: leave the value blank');
    } else if (r.value === null) problem('value', 'claim-value', `"${r.field}" needs a value`);
    if (kind === 'count' || kind === 'amount') {
      if (r.value !== null && !/^\d+$/.test(r.value))
        problem('value', 'whole-number', `"${r.value}" is not a whole number written with digits only (write 1200, not 1.200 or 1,200)`);
      if (r.value !== null && /^0\d/.test(r.value)) problem('value', 'whole-number', `"${r.value}" has a leading zero`);
    }
    if (kind === 'count' && r.field === 'participants') allowed('unit', COUNT_UNITS);
    else if (kind === 'count' && r.field === 'certified') allowed('unit', ['people']);
    else if (kind === 'amount') allowed('unit', ['rupiah']);
    else allowed('unit', null);
    if (r.field === 'participants' || r.field === 'certified') allowed('basis', COUNT_BASES);
    else if (r.field === 'duration_days') allowed('basis', DURATION_BASES);
    else if (kind === 'amount') allowed('basis', FUNDING_BASES);
    else if (kind === 'count') allowed('basis', null);
    else if (kind === 'date' && r.basis !== null && !(DATE_BASES as readonly string[]).includes(r.basis))
      problem('basis', 'claim-basis', `"${r.basis}" is not a basis of a date; leave it blank, or use one of ${DATE_BASES.join(', ')}`);
    else if (kind !== 'date' && r.basis !== null && r.basis !== 'inferred') problem('basis', 'claim-basis', `"${r.field}" takes no basis other than "inferred"`);
    if (r.part !== null && r.field !== 'participants' && r.field !== 'funding') problem('part', 'claim-part', 'only a participant figure or a funding amount can be broken into parts');
    if (kind === 'date') {
      if (r.value !== null && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.value)) problem('value', 'iso-date', `"${r.value}" is not a date written YYYY-MM-DD, YYYY-MM or YYYY`);
      else if (r.value !== null && r.value.length === 10 && !cell.isCalendarDay(r.value)) problem('value', 'iso-date', `"${r.value}" is not a real calendar day`);
      else datePrecisionRule(r.value, r.precision, 'value', 'precision', problem);
      if (r.date !== null) problem('date', 'claim-date', 'only a facility status has a date of its own; a date field carries its date in "value"');
    } else if (kind === 'status') {
      if (r.value !== null && !(FACILITY_STATUSES as readonly string[]).includes(r.value))
        problem('value', 'enum', `"${r.value}" is not a facility status; use one of ${FACILITY_STATUSES.join(', ')}`);
      if (r.date !== null || r.precision !== null) datePrecisionRule(r.date, r.precision, 'date', 'precision', problem);
    } else {
      if (r.date !== null) problem('date', 'claim-date', 'only a facility status has a date of its own');
      if (r.precision !== null) problem('precision', 'claim-date', `"${r.field}" is not a date; leave the precision blank`);
    }
  },
});

export const distinct = table({
  file: 'distinct.csv',
  mayBeEmpty: true,
  row: z.object({
    record_type: cell.oneOf(CLAIMED_TYPES),
    record_id: cell.id,
    other_id: cell.id,
    reason: cell.text,
  }),
});

export const population = table({
  file: 'population.csv',
  mayBeEmpty: true,
  row: z.object({
    city: cell.id,
    year: cell.year,
    value: cell.count,
    basis: cell.oneOf(POPULATION_BASES),
    source: cell.id,
    evidence: cell.text,
    note: cell.optionalText,
  }),
});

export const flags = table({
  file: 'flags.csv',
  mayBeEmpty: true,
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
export type ClaimRow = z.output<typeof claims.row>;
export type DistinctRow = z.output<typeof distinct.row>;
export type PopulationRow = z.output<typeof population.row>;
export type PolicyRow = z.output<typeof policies.row>;
export type FlagRow = z.output<typeof flags.row>;
export type OrganisationRow = z.output<typeof organisations.row>;

