import { describe, expect, it } from 'vitest';
import type { FacilityStatusEntry } from '../../src/lib/dataset';
import { loadDataset } from '../../src/lib/load';
import type { MetricValue } from '../../src/lib/metrics';
import { qualifierParts, qualifierText, rankingMixNote, withQualifiers } from '../../src/lib/qualifiers';
import { cityProfile, cityProfiles } from '../../src/lib/summarise';
import { claim, dataset, event, facility, source } from '../helpers/records';

/** What a metric's value is made of (MetricValue: bases, units, qualified parts, reports), on hand-made records. */
const profileOf = (...args: Parameters<typeof dataset>) => {
  const d = dataset(...args);
  return cityProfile(d, d.cities[0]!);
};

const status = (o: Partial<FacilityStatusEntry>): FacilityStatusEntry => ({ facility: 'fac-1', status: 'operating', as_of: '2023-05-02', precision: 'day', dated: true, sources: ['src-1'], claims: [], ...o });

describe('MetricValue carries what it sums', () => {
  it('a target summed with counts: its bases, its unit, and the part that is a target', () => {
    const p = profileOf({
      events: [event({ id: 'a', participants: 81 }), event({ id: 'b', participants: 70, participants_basis: 'target' }), event({ id: 'c', participants: 20, participants_unit: 'businesses' })],
    });
    const v = p.metrics.participants;
    expect(v.value).toBe(151);
    expect(v.bases).toEqual(['count', 'target']);
    expect(v.units).toEqual(['people']);
    expect(v.qualified).toEqual({ target: { value: 70, records: ['b'] } });
    expect(p.participantsFromTargets).toBe(70);
    // The businesses are summed apart, in their own unit, as plain counts.
    expect(p.metrics.businesses).toMatchObject({ value: 20, bases: ['count'], units: ['businesses'], qualified: {} });
  });

  it('a plain count carries no qualifier', () => {
    const v = profileOf({ events: [event({ id: 'a', participants: 30 }), event({ id: 'b', participants: 12 })] }).metrics.participants;
    expect(v.qualified).toEqual({});
    expect(qualifierText(v, 'id')).toBe('');
  });

  it('an inferred figure is inferred, whole or in part; approximations and lower bounds are named too', () => {
    const inferred = claim({ record_id: 'b', field: 'certified', value: '30', unit: 'people', basis: 'inferred', evidence: 'peserta mendapatkan sertifikat' });
    const p = profileOf({
      events: [
        event({ id: 'a', certified: 15 }),
        event({ id: 'b', participants: 30 }),
        event({ id: 'c', participants: 50, participants_basis: 'approximate' }),
        event({ id: 'd', participants: 20, participants_basis: 'at_least' }),
      ],
      claims: [inferred],
    });
    expect(p.metrics.certified.value).toBe(45);
    expect(p.metrics.certified.qualified).toEqual({ inferred: { value: 30, records: ['b'] } });
    expect(p.metrics.participants.qualified).toEqual({ approximate: { value: 50, records: ['c'] }, at_least: { value: 20, records: ['d'] } });
    const only = profileOf({ events: [event({ id: 'b', participants: 30 })], claims: [inferred] }).metrics.certified;
    expect(qualifierParts(only)).toEqual([{ qualifier: 'inferred', value: 30, whole: true, records: ['b'] }]);
  });

  it('person-days carry the target of the participants they multiply', () => {
    const p = profileOf({
      events: [
        event({ id: 'a', participants: 30, duration_days: 2, duration_basis: 'reported' }),
        event({ id: 'b', participants: 70, participants_basis: 'target', duration_days: 5, duration_basis: 'reported' }),
      ],
    });
    expect(p.metrics.person_days.value).toBe(410);
    expect(p.metrics.person_days.qualified).toEqual({ target: { value: 350, records: ['b'] } });
    // Days are days: the durations themselves carry no target.
    expect(p.metrics.training_days.qualified).toEqual({});
  });

  it('facilities only planned or under construction, by their latest status, are counted and named', () => {
    const p = profileOf({
      events: [],
      facilities: [
        facility({ id: 'built', statuses: [status({ facility: 'built', status: 'planned', as_of: '2020-01-01' }), status({ facility: 'built', status: 'inaugurated', as_of: '2022-03-01' })] }),
        facility({ id: 'plan', statuses: [status({ facility: 'plan', status: 'planned' })] }),
        facility({ id: 'site', statuses: [status({ facility: 'site', status: 'under_construction' })] }),
        facility({ id: 'unknown' }),
      ],
    });
    const v = p.metrics.facilities;
    expect(v.value).toBe(4);
    expect(v.qualified).toEqual({ planned: { value: 1, records: ['plan'] }, under_construction: { value: 1, records: ['site'] } });
    expect(qualifierText(v, 'id')).toBe('1 baru direncanakan, 1 sedang dibangun');
    expect(qualifierText(v, 'en')).toBe('1 only planned, 1 under construction');
  });

  it('counts the independent reports behind a value: a reprint is not a second report', () => {
    const p = profileOf({
      sources: [source({ id: 'src-1' }), source({ id: 'src-2', reprint_of: 'src-1', report_file: 'src-2.txt' }), source({ id: 'src-3', report_file: 'src-3.txt' })],
      events: [event({ id: 'a', sources: ['src-1'] }), event({ id: 'b', sources: ['src-2'] }), event({ id: 'c', sources: ['src-3'] })],
    });
    expect(p.metrics.trainings.sources.sort()).toEqual(['src-1', 'src-3']);
    expect(p.metrics.participants.sources.sort()).toEqual(['src-1', 'src-3']);
  });

  it('a value not reported carries nothing', () => {
    const v = profileOf({ events: [event({ participants: null, participants_basis: null, participants_unit: null })] }).metrics.participants;
    expect(v).toMatchObject({ value: null, bases: [], units: [], qualified: {}, sources: [] });
    expect(qualifierParts(v)).toEqual([]);
  });
});

describe('the five-report fixture', () => {
  const profiles = Object.fromEntries(cityProfiles(loadDataset({ dataDir: 'tests/fixtures/five-reports', reportsDir: null }).dataset!).map((p) => [p.city.id, p]));

  it('Blitar’s participants and person-days are wholly a target', () => {
    expect(qualifierParts(profiles.blitar!.metrics.participants)).toEqual([{ qualifier: 'target', value: 70, whole: true, records: expect.any(Array) }]);
    expect(qualifierParts(profiles.blitar!.metrics.person_days)).toMatchObject([{ qualifier: 'target', value: 350, whole: true }]);
  });

  it('both certification figures are inferences; Pekalongan’s participants are businesses', () => {
    expect(qualifierParts(profiles.probolinggo!.metrics.certified)).toMatchObject([{ qualifier: 'inferred', whole: true }]);
    expect(qualifierParts(profiles.mojokerto!.metrics.certified)).toMatchObject([{ qualifier: 'inferred', whole: true }]);
    expect(profiles.pekalongan!.metrics.businesses.units).toEqual(['businesses']);
    expect(profiles.pekalongan!.metrics.participants.value).toBeNull();
  });
});

describe('qualifiers in words', () => {
  const value = (o: Partial<MetricValue>): MetricValue => ({ value: 151, low: 151, high: 151, records: [], missing: [], bases: [], units: [], qualified: {}, sources: [], ...o });
  const partTarget = value({ qualified: { target: { value: 70, records: ['b'] } } });
  const wholeTarget = value({ value: 70, low: 70, high: 70, qualified: { target: { value: 70, records: ['b'] } } });

  it.each([
    ['id', partTarget, 'long', '1.234 (termasuk sasaran 70)'],
    ['en', partTarget, 'long', '1.234 (includes a target of 70)'],
    ['id', partTarget, 'short', '1.234 (70 sasaran)'],
    ['en', partTarget, 'short', '1.234 (70 target)'],
    ['id', wholeTarget, 'long', '1.234 (sasaran)'],
    ['en', wholeTarget, 'long', '1.234 (target)'],
    ['id', value({}), 'long', '1.234'],
  ] as const)('%s: %j (%s)', (lang, v, style, expected) => {
    expect(withQualifiers('1.234', null, v, lang, style)).toBe(expected);
  });

  it('puts the range and the qualifiers in one bracket', () => {
    expect(withQualifiers('30', '25–30', value({ value: 30, qualified: { inferred: { value: 10, records: ['x'] } } }), 'id')).toBe('30 (25–30; termasuk 10 yang disimpulkan)');
  });

  it.each([
    ['id', 'Peringkat ini mencampur hitungan dengan sasaran (Kota B) dan angka yang disimpulkan (Kota C).'],
    ['en', 'This ranking mixes counts with targets (Kota B) and inferred figures (Kota C).'],
  ] as const)('says when a ranking mixes a target with counts (%s), and is silent when it does not', (lang, note) => {
    const ranked = [
      { name: 'Kota A', value: value({}) },
      { name: 'Kota B', value: partTarget },
      { name: 'Kota C', value: value({ qualified: { inferred: { value: 5, records: ['y'] } } }) },
    ];
    expect(rankingMixNote(ranked, lang)).toBe(note);
    expect(rankingMixNote([ranked[0]!], lang)).toBeNull();
  });

  it('says when a count of facilities includes some only planned', () => {
    const planned = value({ value: 4, qualified: { planned: { value: 2, records: ['p', 'q'] } } });
    expect(rankingMixNote([{ name: 'Kota A', value: planned }], 'id')).toBe('Peringkat ini ikut menghitung fasilitas yang baru direncanakan (Kota A).');
  });
});
