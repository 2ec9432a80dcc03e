/**
 * Round trip, as a property: any valid dataset written as CSV and JSON loads back without an
 * error, without losing a row and with every value as it was written; and the loaded records
 * written out again load back to the same records.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compareEvents, type Dataset, type DatasetTables } from '../../src/lib/dataset';
import { loadDataset } from '../../src/lib/load';
import { formatProblems } from '../../src/lib/problems';
import * as schema from '../../src/lib/schema';

/** Modest by default; NUM_RUNS=1000 npx vitest run … for a longer hunt. */
const NUM_RUNS = Number(process.env.NUM_RUNS ?? 30);

// ---------------------------------------------------------------------------------------
// Values

/** Pieces that stress a CSV writer and reader, mixed with arbitrary Unicode text. */
const awkward = fc.constantFrom(
  ',',
  '"',
  '""',
  '\n',
  ', "quoted", ',
  '<script>alert(1)</script>',
  '=SUM(A1:A9)',
  '+62',
  '-5',
  '@x',
  'é',
  'e\u0301',
  'Ä',
  '中文',
  '🙂',
  '👩‍👩‍👧',
  '\u200B',
  '\u00A0',
  '|',
  ';',
  '\t',
  "'",
  ' ',
);
/**
 * A required text cell. CR is left out (the reader normalises CRLF to LF and refuses a lone
 * CR anywhere), and a cell never starts or ends with white space: the reader refuses that.
 */
const text = fc
  .array(fc.oneof(awkward, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('').replace(/\r/g, ''))
  .filter((s) => s !== '' && s === s.trim());
const optionalText = fc.option(text, { nil: null });
/** JSON strings are escaped by the writer, so anything goes there. */
const jsonText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });

const slug = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
const count = fc.integer({ min: 0, max: 100_000 });
const optionalCount = fc.option(count, { nil: null });
const DAY = 86_400_000;
const isoDay = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * DAY).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 365 * 30 }).map(isoDay);
const httpsUrl = fc
  .tuple(slug, fc.constantFrom('id', 'com', 'go.id', 'co.id'), fc.stringMatching(/^[A-Za-z0-9\-._~/?=&,;:'"()!*+@%]{0,20}$/))
  .map(([host, tld, path]) => `https://${host}.${tld}/${path}`);
const reportFile = fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,8}\.txt$/), { nil: null });

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const subset = <T>(items: readonly T[]) => fc.subarray([...items]);

// ---------------------------------------------------------------------------------------
// Records

const cityArb = (id: string, region_code: string): fc.Arbitrary<schema.CityRow> =>
  fc.record({
    id: fc.constant(id),
    name: text,
    name_en: text,
    kind: pick(schema.CITY_KINDS),
    province: text,
    province_en: text,
    region_code: fc.constant(region_code),
    latitude: fc.integer({ min: -11_500, max: 6_500 }).map((n) => n / 1000),
    longitude: fc.integer({ min: 94_500, max: 141_500 }).map((n) => n / 1000),
    coordinates_source: httpsUrl,
  });

const sourceArb = (id: string): fc.Arbitrary<schema.SourceRow> =>
  fc
    .record({
      publisher: text,
      title: text,
      title_basis: pick(schema.TITLE_BASES),
      url: httpsUrl,
      day,
      published_precision: pick(schema.PUBLISHED_PRECISIONS),
      published_basis: text,
      language: pick(schema.LANGUAGES),
      report_file: reportFile,
    })
    .map(({ day: d, ...r }) => ({
      id,
      ...r,
      // As precise as its precision says: YYYY, YYYY-MM or YYYY-MM-DD.
      published: d.slice(0, { year: 4, month: 7, day: 10 }[r.published_precision]),
    }));

const organisationArb = (id: string, cities: string[], sources: string[]): fc.Arbitrary<schema.OrganisationRow> =>
  fc.record({
    id: fc.constant(id),
    city: pick(['', ...cities]),
    kind: pick(schema.ORGANISATION_KINDS),
    name: jsonText,
    name_en: jsonText,
    abbreviation: fc.string({ maxLength: 10 }),
    variants: fc.array(fc.record({ name: jsonText, source: pick(sources) }), { minLength: 1, maxLength: 3 }),
  });

interface Ids {
  cities: string[];
  sources: string[];
  organisations: string[];
}

/** An event obeying every row rule of events.csv (dates, durations, participants, evidence). */
const eventArb = (id: string, ids: Ids): fc.Arbitrary<schema.EventRow> =>
  fc
    .record({
      city: pick(ids.cities),
      kind: pick(schema.EVENT_KINDS),
      title: text,
      title_en: text,
      themes: subset(schema.THEMES),
      dates: fc.tuple(fc.option(day, { nil: null }), fc.option(day, { nil: null })),
      approximate: fc.tuple(fc.boolean(), fc.boolean()),
      durationMode: pick(schema.DURATION_BASES),
      reportedDays: fc.integer({ min: 1, max: 60 }),
      venue: optionalText,
      place: optionalText,
      participants: optionalCount,
      participants_basis: pick(schema.PARTICIPANT_BASES),
      participants_unit: pick(schema.PARTICIPANT_UNITS),
      certified: optionalCount,
      trainers: optionalText,
      trainer_count: optionalCount,
      organiser: pick(ids.organisations),
      partners: subset(ids.organisations),
      equipment: optionalText,
      source: pick(ids.sources),
      evidence: text,
      evidenceTexts: fc.array(text, { minLength: 6, maxLength: 6 }),
      extraEvidence: fc.array(optionalText, { minLength: 6, maxLength: 6 }),
    })
    .map((g): schema.EventRow => {
      let [start_date, end_date] = g.dates;
      if (start_date && end_date && end_date < start_date) [start_date, end_date] = [end_date, start_date];
      const precision = (date: string | null, approximate: boolean) => (date === null ? 'unknown' : approximate ? 'approximate' : 'day') as (typeof schema.DATE_PRECISIONS)[number];
      const start_precision = precision(start_date, g.approximate[0]);
      const end_precision = precision(end_date, g.approximate[1]);
      const exact = start_date && end_date && start_precision === 'day' && end_precision === 'day';
      const duration_basis = g.durationMode === 'dates' && !exact ? 'not_reported' : g.durationMode;
      const duration_days =
        duration_basis === 'dates' ? schema.daysBetween(start_date!, end_date!) : duration_basis === 'reported' ? g.reportedDays : null;
      const hasParticipants = g.participants !== null;
      const trainers = g.trainer_count !== null && g.trainers === null ? g.evidence : g.trainers;
      const figures = { start_date, participants: g.participants, certified: g.certified, venue: g.venue, trainers, equipment: g.equipment };
      // A figure present needs its evidence phrase; an absent one may still have one.
      const evidenceFor = (figure: keyof typeof figures, i: number) => (figures[figure] !== null ? g.evidenceTexts[i]! : g.extraEvidence[i]!);
      return {
        id,
        city: g.city,
        kind: g.kind,
        title: g.title,
        title_en: g.title_en,
        themes: g.themes,
        start_date,
        start_precision,
        end_date,
        end_precision,
        duration_days,
        duration_basis,
        venue: g.venue,
        place: g.place,
        participants: g.participants,
        participants_basis: hasParticipants ? g.participants_basis : null,
        participants_unit: hasParticipants ? g.participants_unit : null,
        certified: g.certified,
        trainers,
        trainer_count: g.trainer_count,
        organiser: g.organiser,
        partners: g.partners,
        equipment: g.equipment,
        source: g.source,
        evidence: g.evidence,
        date_evidence: evidenceFor('start_date', 0),
        participants_evidence: evidenceFor('participants', 1),
        certified_evidence: evidenceFor('certified', 2),
        venue_evidence: evidenceFor('venue', 3),
        trainers_evidence: evidenceFor('trainers', 4),
        equipment_evidence: evidenceFor('equipment', 5),
      };
    });

/** A fact given with its source and evidence, or not at all. */
const sourcedFact = (sources: string[]) =>
  fc.option(fc.record({ value: text, source: pick(sources), evidence: text }), { nil: null });

const facilityArb = (id: string, ids: Ids): fc.Arbitrary<schema.FacilityRow> =>
  fc
    .record({
      city: pick(ids.cities),
      kind: pick(schema.FACILITY_KINDS),
      name: text,
      name_en: text,
      location: sourcedFact(ids.sources),
      funding: sourcedFact(ids.sources),
    })
    .map((g) => ({
      id,
      city: g.city,
      kind: g.kind,
      name: g.name,
      name_en: g.name_en,
      location: g.location?.value ?? null,
      location_source: g.location?.source ?? null,
      location_evidence: g.location?.evidence ?? null,
      funding: g.funding?.value ?? null,
      funding_source: g.funding?.source ?? null,
      funding_evidence: g.funding?.evidence ?? null,
    }));

const policyArb = (id: string, ids: Ids): fc.Arbitrary<schema.PolicyRow> =>
  fc.record({
    id: fc.constant(id),
    city: pick(ids.cities),
    kind: pick(schema.POLICY_KINDS),
    title: text,
    title_en: text,
    year: fc.integer({ min: 1900, max: 2099 }),
    summary: text,
    summary_en: text,
    source: pick(ids.sources),
    evidence: text,
  });

/** Ids of a table, unique, with at least one (a data file needs a row). */
const idsOf = (max: number) => fc.uniqueArray(slug, { minLength: 1, maxLength: max });
/** One record per id, generated by `arb`. */
const each = <T>(list: string[], arb: (id: string) => fc.Arbitrary<T>) => fc.tuple(...list.map(arb));

const datasetArb: fc.Arbitrary<DatasetTables> = fc
  .record({
    cities: idsOf(4),
    regionCodes: fc.uniqueArray(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), { minLength: 4, maxLength: 4 }),
    sources: idsOf(4),
    organisations: idsOf(3),
    events: idsOf(6),
    facilities: idsOf(3),
    policies: idsOf(2),
  })
  .chain((ids) =>
    fc.record({
      cities: fc.tuple(...ids.cities.map((id, i) => cityArb(id, ids.regionCodes[i]!))),
      sources: each(ids.sources, sourceArb),
      organisations: each(ids.organisations, (id) => organisationArb(id, ids.cities, ids.sources)),
      events: each(ids.events, (id) => eventArb(id, ids)),
      facilities: each(ids.facilities, (id) => facilityArb(id, ids)),
      policies: each(ids.policies, (id) => policyArb(id, ids)),
      facilityStatus: fc.uniqueArray(
        fc.record({ facility: pick(ids.facilities), status: pick(schema.FACILITY_STATUSES), source: pick(ids.sources), evidence: text }),
        { minLength: 1, maxLength: 5, selector: (s) => `${s.facility} ${s.status} ${s.source}` },
      ),
    }),
  )
  .chain((t) => {
    // Flags point at real records, and at one of their fields or none.
    const targets = ([
      ['city', t.cities],
      ['source', t.sources],
      ['organisation', t.organisations],
      ['event', t.events],
      ['facility', t.facilities],
      ['policy', t.policies],
    ] as const).flatMap(([type, rows]) => (rows as readonly object[]).map((r) => ({ type, record: r as { id: string } })));
    const flag = (id: string) =>
      fc
        .record({
          target: pick(targets),
          fieldIndex: fc.option(fc.nat(), { nil: null }),
          type: pick(schema.FLAG_TYPES),
          note: text,
          note_en: text,
        })
        .map(({ target, fieldIndex, ...r }): schema.FlagRow => {
          const fields = Object.keys(target.record);
          return {
            id,
            record_type: target.type,
            record_id: target.record.id,
            field: fieldIndex === null ? null : fields[fieldIndex % fields.length]!,
            type: r.type,
            note: r.note,
            note_en: r.note_en,
          };
        });
    return idsOf(4).chain((flagIds) => each(flagIds, flag).map((flags) => ({ ...t, flags })));
  });

// ---------------------------------------------------------------------------------------
// Writing

const FILES: { [K in Exclude<keyof DatasetTables, 'organisations'>]: schema.TableSpec<any> } = {
  cities: schema.cities,
  sources: schema.sources,
  events: schema.events,
  facilities: schema.facilities,
  facilityStatus: schema.facilityStatus,
  policies: schema.policies,
  flags: schema.flags,
};

/** A typed value as a CSV cell: blank for null, "|" between list items. */
const cellOf = (v: unknown): string => (v === null ? '' : Array.isArray(v) ? v.join('|') : String(v));

function writeDataset(t: DatasetTables | Dataset): string {
  const dir = mkdtempSync(join(tmpdir(), 'batik-roundtrip-'));
  for (const [key, spec] of Object.entries(FILES)) {
    const columns = Object.keys(spec.row.shape);
    const rows = t[key as keyof typeof FILES] as readonly Record<string, unknown>[];
    writeFileSync(join(dir, spec.file), Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => cellOf(r[c]))) }));
  }
  writeFileSync(join(dir, schema.organisations.file), `${JSON.stringify(t.organisations, null, 2)}\n`);
  return dir;
}

function load(t: DatasetTables | Dataset): Dataset {
  const dir = writeDataset(t);
  try {
    const { dataset, problems } = loadDataset({ dataDir: dir, reportsDir: null });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors, formatProblems(errors)).toEqual([]);
    expect(dataset).not.toBeNull();
    return dataset!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The tables as the loader hands them out: events in time order, status without as_of. */
const tablesOf = (d: Dataset | DatasetTables): DatasetTables => ({
  cities: d.cities,
  sources: d.sources,
  organisations: d.organisations,
  events: [...d.events].sort(compareEvents),
  facilities: d.facilities,
  facilityStatus: d.facilityStatus.map((s) => {
    const { as_of: _asOf, ...rest } = s as schema.FacilityStatusRow & { as_of?: string };
    return rest;
  }),
  policies: d.policies,
  flags: d.flags,
});

describe('round trip', () => {
  it('a valid dataset written out loads back whole, value for value', () => {
    fc.assert(
      fc.property(datasetArb, (generated) => {
        const loaded = load(generated);
        for (const key of Object.keys(generated) as (keyof DatasetTables)[])
          expect(loaded[key].length, `rows of ${key}`).toBe(generated[key].length);
        expect(tablesOf(loaded)).toEqual(tablesOf(generated));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the loaded records written out again load back the same', () => {
    fc.assert(
      fc.property(datasetArb, (generated) => {
        const once = load(generated);
        const twice = load(once);
        expect(tablesOf(twice)).toEqual(tablesOf(once));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
