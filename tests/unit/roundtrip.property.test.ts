/**
 * Round trip, as a property: any valid dataset written as CSV and JSON loads back without an
 * error, without losing a row and with every value as it was written; and the loaded records
 * written out again load back to the same records. The datasets are generated in the claims
 * model: records carry no figures, every figure is a row of claims.csv from a report linked
 * to the record by a "reported" row, and count figures are stated by their evidence phrase.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetTables } from '../../src/lib/dataset';
import { loadDataset } from '../../src/lib/load';
import { formatProblems } from '../../src/lib/problems';
import * as schema from '../../src/lib/schema';
import { unsafeText } from '../../src/lib/text';
import { PLAUSIBLE } from '../../src/lib/plausibility';

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
  '\u202Bباتيك\u202C',
  "'",
  ' ',
);
/**
 * A required text cell. The reader refuses control characters other than LF (CR too: it
 * normalises CRLF to LF and refuses a lone CR), non-characters, bidirectional controls left
 * open, and white space at either end of a cell; so the generator leaves those out.
 */
const text = fc
  .array(fc.oneof(awkward, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('').replace(/\r/g, ''))
  .filter((s) => s !== '' && s === s.trim() && unsafeText(s) === undefined);
const optionalText = fc.option(text, { nil: null });
/** An item of a "|" list: no "|" of its own. */
const listItem = text.filter((s) => !s.includes('|'));
/** An evidence phrase: at least five characters. */
const phrase = fc.oneof(
  text.filter((s) => s.length >= 5),
  text.map((s) => `laporan ${s}`),
);
/** JSON strings are escaped by the writer, so any text the reader accepts goes there (it refuses, as in CSV, white space at either end). */
const acceptedJson = (s: string) => s === s.trim() && unsafeText(s) === undefined;
const jsonText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s !== '' && acceptedJson(s));

const slug = fc.stringMatching(/^[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}$/);
const count = fc.integer({ min: 0, max: 100_000 });
const DAY = 86_400_000;
const isoDay = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * DAY).toISOString().slice(0, 10);
// Up to the end of 2024: a report is never published after today.
const day = fc.integer({ min: 0, max: 365 * 25 }).map(isoDay);
const webUrl = fc
  .tuple(fc.constantFrom('https', 'http'), slug, fc.constantFrom('id', 'com', 'go.id', 'co.id'), fc.stringMatching(/^[A-Za-z0-9\-._~/?=&,;:'"()!*+@%]{0,20}$/))
  .map(([scheme, host, tld, path]) => `${scheme}://${host}.${tld}/${path}`);
const httpsUrl = webUrl.map((u) => u.replace(/^http:/, 'https:'));

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const subset = <T>(items: readonly T[]) => fc.subarray([...items]);
/** A partial date as precise as its precision says: YYYY, YYYY-MM or YYYY-MM-DD. */
const datePart = (d: string, p: schema.DatePrecision) => d.slice(0, schema.DATE_LENGTH[p]);
const KNOWN_PRECISIONS = schema.DATE_PRECISIONS.filter((p) => p !== 'unknown');

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

/** A source obeying the row rules of sources.csv; the first is never rejected, so claims have a report. */
const sourceArb = (id: string, index: number, ids: { cities: string[]; sources: string[] }): fc.Arbitrary<schema.SourceRow> =>
  fc
    .record({
      city: pick(ids.cities),
      publisher: text,
      title: optionalText,
      titleFrom: pick(['headline', 'url_slug'] as const),
      url: webUrl,
      day,
      published_precision: pick(schema.PUBLISHED_PRECISIONS),
      published_basis: text,
      published_basis_id: text,
      language: pick(schema.LANGUAGES),
      inContext: fc.boolean(),
      reprint_of: fc.option(pick(ids.sources.filter((s) => s !== id).length ? ids.sources.filter((s) => s !== id) : [id]), { nil: null }),
      rejected: index === 0 ? fc.constant(null) : fc.option(pick(schema.REJECTION_REASONS), { nil: null, freq: 3 }),
      notes: fc.tuple(text, text),
    })
    .map((g) => ({
      id,
      city: g.city,
      publisher: g.publisher,
      title: g.title,
      title_basis: g.title === null ? 'none' : g.titleFrom,
      url: g.url,
      published: g.published_precision === 'unknown' ? null : datePart(g.day, g.published_precision),
      published_precision: g.published_precision,
      published_basis: g.published_basis,
      published_basis_id: g.published_basis_id,
      language: g.language,
      report_file: g.inContext ? `context/${id}.txt` : `${id}.txt`,
      reprint_of: g.reprint_of === id ? null : g.reprint_of,
      rejected: g.rejected,
      rejected_note: g.rejected === null ? null : g.notes[0],
      rejected_note_en: g.rejected === null ? null : g.notes[1],
    }));

const organisationArb = (id: string, cities: string[], sources: string[]): fc.Arbitrary<schema.OrganisationRow> =>
  fc.record({
    id: fc.constant(id),
    city: pick(['', ...cities]),
    kind: pick(schema.ORGANISATION_KINDS),
    name: jsonText,
    name_en: jsonText,
    abbreviation: fc.string({ maxLength: 10 }).filter(acceptedJson),
    variants: fc.array(fc.record({ name: jsonText, source: pick(sources) }), { minLength: 1, maxLength: 3 }),
  });

const facilityArb = (id: string, city: string): fc.Arbitrary<schema.FacilityRow> =>
  fc.record({
    id: fc.constant(id),
    city: fc.constant(city),
    kind: pick(schema.FACILITY_KINDS),
    name: text,
    name_en: text,
    variants: fc.array(listItem, { maxLength: 3 }),
  });

/** An event; the facility it concerns and its organiser, if any, are of its own city (or, for the organiser, of none). */
const eventArb = (id: string, cities: string[], organisations: schema.OrganisationRow[], facilities: schema.FacilityRow[]): fc.Arbitrary<schema.EventRow> =>
  pick(cities).chain((city) => {
    const local = facilities.filter((f) => f.city === city).map((f) => f.id);
    const organisers = organisations.filter((o) => o.city === '' || o.city === city).map((o) => o.id);
    return fc.record({
      id: fc.constant(id),
      city: fc.constant(city),
      kind: pick(schema.EVENT_KINDS),
      title: text,
      title_en: text,
      themes: subset(schema.THEMES),
      organiser: organisers.length ? fc.option(pick(organisers), { nil: null }) : fc.constant(null),
      partners: subset(organisations.map((o) => o.id)),
      facility: local.length ? fc.option(pick(local), { nil: null }) : fc.constant(null),
    });
  });

const policyArb = (id: string, cities: string[]): fc.Arbitrary<schema.PolicyRow> =>
  fc.record({
    id: fc.constant(id),
    city: pick(cities),
    kind: pick(schema.POLICY_KINDS),
    title: text,
    title_en: text,
    summary: text,
    summary_en: text,
  });

// ---------------------------------------------------------------------------------------
// Claims

type Claimed = schema.ClaimedType;
type Claim = schema.ClaimRow;
type ClaimValues = Partial<Omit<Claim, 'record_type' | 'record_id' | 'source' | 'field'>>;

/** One claim of a report on one field, with a note and a curator's choice now and then. */
const claimOf = (type: Claimed, id: string, source: string, field: string, values: fc.Arbitrary<ClaimValues>): fc.Arbitrary<Claim> =>
  fc.record({ values, note: fc.option(fc.tuple(text, text), { nil: null, freq: 4 }), best_reason: fc.option(fc.tuple(text, text), { nil: null, freq: 6 }), evidence: phrase }).map(
    ({ values: v, note, best_reason, evidence }): Claim => ({
      record_type: type,
      record_id: id,
      source,
      field,
      part: null,
      value: null,
      unit: null,
      basis: null,
      date: null,
      precision: null,
      note: note?.[0] ?? null,
      note_id: note?.[1] ?? null,
      best_reason: best_reason?.[0] ?? null,
      best_reason_id: best_reason?.[1] ?? null,
      ...v,
      evidence: v.evidence ?? evidence,
    }),
  );

/** A count stated by its phrase, as the validator requires: "… 1200 orang". */
const stated = (n: number, words = 'orang') => text.map((t) => `${t} ${n} ${words}`);
const countValues = (extra: fc.Arbitrary<Omit<ClaimValues, 'value' | 'evidence'>>, n = count) =>
  fc.tuple(n, extra).chain(([v, e]) => stated(v).map((evidence): ClaimValues => ({ ...e, value: String(v), evidence })));
const textValues = fc.record({ value: text, basis: fc.option(fc.constant('inferred'), { nil: null, freq: 4 }) });
const dateValues = (basis: fc.Arbitrary<string | null>) =>
  fc.tuple(day, pick(KNOWN_PRECISIONS), basis).map(([d, p, b]): ClaimValues => ({ value: datePart(d, p), precision: p, basis: b }));
/** A count within the field's plausible bounds (src/lib/plausibility.ts). */
const plausible = (field: keyof typeof PLAUSIBLE.counts) => fc.integer({ min: PLAUSIBLE.counts[field][0], max: PLAUSIBLE.counts[field][1] });
const amountValues = countValues(fc.record({ unit: fc.constant('rupiah'), basis: pick(schema.FUNDING_BASES) }), fc.integer({ min: 0, max: 1e12 }));

/** Every field a report can state of each kind of record, with values that obey its rules. */
const FIELD_VALUES: { [T in Claimed]: Record<string, fc.Arbitrary<ClaimValues>> } = {
  event: {
    // A start after the report's publication must be announced; the generator does not know the publication date.
    start_date: dateValues(fc.constant('announced')),
    end_date: dateValues(fc.option(pick(schema.DATE_BASES), { nil: null })),
    duration_days: fc.tuple(fc.integer({ min: 1, max: 60 }), pick(schema.DURATION_BASES)).chain(([n, basis]) => stated(n, 'hari').map((evidence) => ({ value: String(n), basis, evidence }))),
    participants: countValues(fc.record({ unit: pick(schema.COUNT_UNITS), basis: pick(schema.COUNT_BASES), part: fc.option(text, { nil: null, freq: 3 }) }), plausible('participants')),
    certified: countValues(fc.record({ unit: fc.constant('people'), basis: pick(schema.COUNT_BASES) }), plausible('certified')),
    trainer_count: countValues(fc.constant({}), plausible('trainer_count')),
    funding: amountValues,
    venue: textValues,
    place: textValues,
    trainers: textValues,
    equipment: textValues,
    opened_by: textValues,
  },
  facility: {
    status: fc.record({ value: pick(schema.FACILITY_STATUSES), dated: fc.option(fc.tuple(day, pick(KNOWN_PRECISIONS)), { nil: null }) }).map(({ value, dated }) => ({
      value,
      date: dated ? datePart(dated[0], dated[1]) : null,
      precision: dated ? dated[1] : null,
    })),
    location: textValues,
    funding: amountValues,
    opened_by: textValues,
  },
  policy: {
    number: textValues,
    year: countValues(fc.constant({}), plausible('year')),
    requires: textValues,
  },
};

/** What one report says of one record: the "reported" row, then some of its fields. */
const reportClaims = (type: Claimed, id: string, source: string): fc.Arbitrary<Claim[]> =>
  fc
    .tuple(
      claimOf(type, id, source, 'reported', fc.constant({})),
      fc.array(
        pick(Object.keys(FIELD_VALUES[type])).chain((field) => claimOf(type, id, source, field, FIELD_VALUES[type][field]!)),
        { maxLength: 4 },
      ),
    )
    .map(([reported, fields]) => {
      // A report gives one current (undated) status: repeats of it say the same.
      const undated = fields.find((c) => c.field === 'status' && c.date === null);
      // A report gives one start and one end, and its end is not before its start.
      const start = fields.find((c) => c.field === 'start_date')?.value;
      const ends = (c: Claim) => !start || !c.value || c.value.slice(0, start.length) >= start.slice(0, c.value.length);
      const dated = fields.filter((c, i) => (c.field !== 'start_date' && c.field !== 'end_date') || (fields.findIndex((o) => o.field === c.field) === i && (c.field === 'start_date' || ends(c))));
      return [reported, ...dated.map((c) => (undated && c.field === 'status' && c.date === null ? { ...c, value: undated.value } : c))];
    });

/** Every record told by one to three of the usable (not rejected) reports. */
const claimsArb = (records: { type: Claimed; id: string }[], usable: string[]): fc.Arbitrary<Claim[]> =>
  fc
    .tuple(...records.map((r) => fc.subarray(usable, { minLength: 1, maxLength: Math.min(3, usable.length) }).chain((sources) => fc.tuple(...sources.map((s) => reportClaims(r.type, r.id, s))))))
    .map((perRecord) => perRecord.flat(2));

// ---------------------------------------------------------------------------------------
// Datasets

/** Ids of a table, unique. */
const idsOf = (min: number, max: number) => fc.uniqueArray(slug, { minLength: min, maxLength: max });
/** One record per id, generated by `arb`. */
const each = <T>(list: readonly string[], arb: (id: string, i: number) => fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.tuple(...list.map(arb));

const datasetArb: fc.Arbitrary<DatasetTables> = fc
  .record({
    // "vs" separates two cities in a comparison's address, so no city id holds it as a word.
    cities: fc.uniqueArray(slug.filter((id) => !id.split('-').includes('vs')), { minLength: 1, maxLength: 3 }),
    regionCodes: fc.uniqueArray(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), { minLength: 3, maxLength: 3 }),
    sources: idsOf(1, 4),
    organisations: idsOf(1, 3),
    events: idsOf(1, 5),
    facilities: idsOf(0, 3),
    policies: idsOf(0, 2),
  })
  .chain((ids) =>
    fc
      .record({
        cities: fc.tuple(...ids.cities.map((id, i) => cityArb(id, ids.regionCodes[i]!))),
        sources: each(ids.sources, (id, i) => sourceArb(id, i, ids)),
        organisations: each(ids.organisations, (id) => organisationArb(id, ids.cities, ids.sources)),
        facilities: each(ids.facilities, (id) => pick(ids.cities).chain((city) => facilityArb(id, city))),
        policies: each(ids.policies, (id) => policyArb(id, ids.cities)),
      })
      .chain((t) =>
        each(ids.events, (id) => eventArb(id, ids.cities, t.organisations, t.facilities)).map((events) => ({ ...t, events })),
      ),
  )
  .chain((t) => {
    const records = [
      ...t.events.map((r) => ({ type: 'event' as const, id: r.id })),
      ...t.facilities.map((r) => ({ type: 'facility' as const, id: r.id })),
      ...t.policies.map((r) => ({ type: 'policy' as const, id: r.id })),
    ];
    const usable = t.sources.filter((s) => s.rejected === null).map((s) => s.id);
    // Flags point at real records, and at one of their fields (a column or a claimed field) or none.
    const targets = ([
      ['city', t.cities],
      ['source', t.sources],
      ['organisation', t.organisations],
      ['event', t.events],
      ['facility', t.facilities],
      ['policy', t.policies],
    ] as const).flatMap(([type, rows]) =>
      (rows as readonly object[]).map((r) => ({
        type,
        id: (r as { id: string }).id,
        fields: [...Object.keys(r), ...Object.keys((schema.CLAIM_FIELDS as Record<string, object>)[type] ?? {})],
      })),
    );
    const flag = (id: string) =>
      fc
        .record({ target: pick(targets), fieldIndex: fc.option(fc.nat(), { nil: null }), type: pick(schema.FLAG_TYPES), note: text, note_en: text })
        .map(({ target, fieldIndex, ...r }): schema.FlagRow => ({
          id,
          record_type: target.type,
          record_id: target.id,
          field: fieldIndex === null ? null : target.fields[fieldIndex % target.fields.length]!,
          ...r,
        }));
    const distinct = fc.array(
      pick(records).chain((a) =>
        fc.record({
          record_type: fc.constant(a.type),
          record_id: fc.constant(a.id),
          other_id: pick(records.filter((b) => b.type === a.type).map((b) => b.id)),
          reason: text,
        }),
      ),
      { maxLength: 2 },
    );
    const population = fc.uniqueArray(
      fc
        .record({ city: pick(t.cities.map((c) => c.id)), year: fc.integer({ min: 1900, max: 2099 }), value: count, basis: pick(schema.POPULATION_BASES), source: pick(t.sources.map((s) => s.id)), note: optionalText })
        .chain((p) => stated(p.value, 'jiwa').map((evidence): schema.PopulationRow => ({ ...p, evidence }))),
      { maxLength: 3, selector: (p) => `${p.city} ${p.year} ${p.source}` },
    );
    return fc.record({
      claims: claimsArb(records, usable),
      flags: idsOf(0, 4).chain((flagIds) => each(flagIds, flag)),
      distinct,
      population,
    }).map((rest): DatasetTables => ({ ...t, ...rest }));
  });

// ---------------------------------------------------------------------------------------
// Writing

const FILES: { [K in Exclude<keyof DatasetTables, 'organisations'>]: schema.TableSpec<any> } = {
  cities: schema.cities,
  sources: schema.sources,
  events: schema.events,
  facilities: schema.facilities,
  policies: schema.policies,
  claims: schema.claims,
  flags: schema.flags,
  distinct: schema.distinct,
  population: schema.population,
};

/** A typed value as a CSV cell: blank for null, "|" between list items. */
const cellOf = (v: unknown): string => (v === null ? '' : Array.isArray(v) ? v.join('|') : String(v));

/** The tables as written: only the columns of each file, and only the curator's flags. */
const tablesOf = (d: Dataset | DatasetTables): DatasetTables => {
  const only = <T extends object>(spec: schema.TableSpec<any>, rows: readonly T[]) =>
    rows.map((r) => Object.fromEntries(Object.keys(spec.row.shape).map((c) => [c, (r as Record<string, unknown>)[c]]))) as unknown as T[];
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return {
    cities: only(schema.cities, d.cities),
    sources: only(schema.sources, d.sources),
    organisations: d.organisations,
    // The loader hands events out in time order; compared by id.
    events: byId(only(schema.events, d.events)),
    facilities: only(schema.facilities, d.facilities),
    policies: only(schema.policies, d.policies),
    claims: only(schema.claims, d.claims),
    flags: only<schema.FlagRow>(schema.flags, (d.flags as readonly (schema.FlagRow & { derived?: boolean })[]).filter((f) => !f.derived)),
    distinct: only(schema.distinct, d.distinct),
    population: only(schema.population, d.population),
  };
};

function writeDataset(d: DatasetTables | Dataset): string {
  const t = tablesOf(d);
  const dir = mkdtempSync(join(tmpdir(), 'batik-roundtrip-'));
  for (const [key, spec] of Object.entries(FILES)) {
    const columns = Object.keys(spec.row.shape);
    const rows = t[key as keyof typeof FILES] as readonly Record<string, unknown>[];
    const csv = Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => cellOf(r[c]))) }, { newline: '\n' });
    writeFileSync(join(dir, spec.file), `${csv.replace(/\n$/, '')}\n`);
  }
  writeFileSync(join(dir, schema.organisations.file), `${JSON.stringify(t.organisations, null, 2)}\n`);
  return dir;
}

/** Loads without the report texts (a warning): every other rule is checked. */
function load(t: DatasetTables | Dataset): Dataset {
  const dir = writeDataset(t);
  try {
    const { dataset, problems } = loadDataset({ dataDir: dir, reportsDir: null });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors, formatProblems(errors)).toEqual([]);
    expect(problems.map((p) => p.rule)).toContain('reports-missing');
    expect(dataset).not.toBeNull();
    return dataset!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('round trip', () => {
  it('a valid dataset written out loads back whole, value for value', () => {
    fc.assert(
      fc.property(datasetArb, (generated) => {
        const loaded = load(generated);
        const [a, b] = [tablesOf(loaded), tablesOf(generated)];
        for (const key of Object.keys(generated) as (keyof DatasetTables)[]) expect(a[key].length, `rows of ${key}`).toBe(b[key].length);
        expect(a).toEqual(b);
        // Each resolved figure is one of the values the reports give, within its range.
        for (const e of loaded.events)
          for (const [field, est] of Object.entries(e.estimates)) {
            expect(est.low, field).toBeLessThanOrEqual(est.best);
            expect(est.best, field).toBeLessThanOrEqual(est.high);
            expect(est.claims.map((c) => Number(c.value)), field).toContain(est.best);
          }
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
