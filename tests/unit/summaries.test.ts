import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { METRICS, type MetricId } from '../../src/lib/metrics';
import { dataPaths } from '../../src/lib/paths';
import { latestStatus } from '../../src/lib/dataset';
import { cityProfile, cityProfiles } from '../../src/lib/summarise';
import { city, dataset, event, facility } from '../helpers/records';

const FIXTURE = 'tests/fixtures/five-reports';
const paths = { ...dataPaths({}), dataDir: FIXTURE };
const real = loadDataset({ dataDir: FIXTURE, reportsDir: null });

describe('the five-report fixture', () => {
  it('loads with no errors', () => {
    expect(real.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(real.dataset).not.toBeNull();
  });

  // Read the files independently of the loader and add them up by hand: one claim per figure here.
  const read = (file: string) => Papa.parse<Record<string, string>>(readFileSync(`${paths.dataDir}/${file}`, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const rawEvents = read('events.csv');
  const rawFacilities = read('facilities.csv');
  const rawClaims = read('claims.csv');
  const claimOf = (id: string, field: string) => rawClaims.find((c) => c.record_id === id && c.field === field && !c.part);
  const sum = (values: (number | null)[]) => {
    const given = values.filter((v): v is number => v !== null);
    return given.length ? given.reduce((a, b) => a + b, 0) : null;
  };
  const num = (s: string | undefined) => (s ? Number(s) : null);
  const people = (id: string) => (claimOf(id, 'participants')?.unit === 'people' ? num(claimOf(id, 'participants')?.value) : null);
  const days = (id: string) => {
    const stated = num(claimOf(id, 'duration_days')?.value);
    if (stated !== null) return stated;
    const [start, end] = [claimOf(id, 'start_date'), claimOf(id, 'end_date')];
    return start?.precision === 'day' && end?.precision === 'day' ? (Date.parse(end.value!) - Date.parse(start.value!)) / 86_400_000 + 1 : null;
  };

  it.each(real.dataset!.cities.map((c) => c.id))('summary figures for %s equal the sums of its rows', (id) => {
    const profile = cityProfile(real.dataset!, real.dataset!.cityById.get(id)!);
    const events = rawEvents.filter((r) => r.city === id);
    const trainings = events.filter((r) => r.kind === 'training').map((r) => r.id!);
    const orNull = (n: number) => (n === 0 ? null : n);
    expect(profile.metrics.trainings.value).toBe(orNull(trainings.length));
    expect(profile.metrics.exhibitions.value).toBe(orNull(events.filter((r) => r.kind === 'exhibition').length));
    expect(profile.metrics.facilities.value).toBe(orNull(rawFacilities.filter((r) => r.city === id).length));
    expect(profile.metrics.participants.value).toBe(sum(trainings.map(people)));
    expect(profile.metrics.certified.value).toBe(sum(events.map((r) => num(claimOf(r.id!, 'certified')?.value))));
    expect(profile.metrics.training_days.value).toBe(sum(trainings.map(days)));
    expect(profile.metrics.person_days.value).toBe(sum(trainings.map((t) => (people(t) !== null && days(t) !== null ? people(t)! * days(t)! : null))));
  });

  it('matches the figures read off the five reports', () => {
    const figures = Object.fromEntries(
      cityProfiles(real.dataset!).map((p) => [p.city.id, Object.fromEntries(METRICS.map((m) => [m.id, p.metrics[m.id].value]))]),
    );
    const none = { businesses: null, pupils: null };
    // Probolinggo: basic training 30 × 5 days (May 2022), marketing training 30 (length not
    // reported), 31 in the competency certification, one batik centre under construction.
    expect(figures.probolinggo).toEqual({ ...none, trainings: 2, participants: 60, certified: 31, facilities: 1, exhibitions: null, training_days: 5, person_days: 150 });
    // Blitar: one training, 5–9 June 2023, with a target of 70.
    expect(figures.blitar).toEqual({ ...none, trainings: 1, participants: 70, certified: null, facilities: null, exhibitions: null, training_days: 5, person_days: 350 });
    // Mojokerto: 30 × 5 days in Yogyakarta (certified), 30 × 3 days export training, one
    // exhibition, one centre.
    expect(figures.mojokerto).toEqual({ ...none, trainings: 2, participants: 60, certified: 30, facilities: 1, exhibitions: 1, training_days: 8, person_days: 240 });
    // Pekalongan: 30 businesses × 3 days of export training: businesses, never people, so
    // they leave participants and person-days.
    expect(figures.pekalongan).toEqual({ trainings: 1, participants: null, businesses: 30, pupils: null, certified: null, facilities: null, exhibitions: null, training_days: 3, person_days: null });
  });

  it('records Blitar’s figure as a target and counts the reports that cover each city', () => {
    const byId = Object.fromEntries(cityProfiles(real.dataset!).map((p) => [p.city.id, p]));
    expect(byId.blitar!.participantsFromTargets).toBe(70);
    expect(byId.probolinggo!.participantsFromTargets).toBe(0);
    expect(byId.probolinggo!.sources.map((s) => s.id).sort()).toEqual(['antara-604745', 'antara-649773']);
    expect(byId.pekalongan!.sources).toHaveLength(1);
  });

  it('keeps the Mojokerto training held in Yogyakarta on Mojokerto', () => {
    const e = real.dataset!.eventById.get('mojokerto-2023-pelatihan-teknis-produksi')!;
    expect(e.city).toBe('mojokerto');
    expect(e.place).toBe('Yogyakarta');
  });
});

describe('metric definitions', () => {
  const profileOf = (events = [event()], facilities = [facility()]) => {
    const d = dataset({ events, facilities });
    return cityProfile(d, d.cities[0]!);
  };
  const value = (id: MetricId, events = [event()], facilities: ReturnType<typeof facility>[] = []) =>
    profileOf(events, facilities).metrics[id].value;

  it('a training is an event of kind training', () => {
    expect(value('trainings', [event({ id: 'a' }), event({ id: 'b', kind: 'exhibition' }), event({ id: 'c', kind: 'certification' })])).toBe(1);
  });

  it('participants sum reported figures over trainings only, targets included', () => {
    const events = [
      event({ id: 'a', participants: 10 }),
      event({ id: 'b', participants: 70, participants_basis: 'target' }),
      event({ id: 'c', participants: null, participants_basis: null, participants_unit: null }),
      event({ id: 'd', kind: 'certification', participants: 31 }),
    ];
    const p = profileOf(events, []);
    expect(p.metrics.participants.value).toBe(80);
    expect(p.metrics.participants.records).toEqual(['a', 'b']);
    expect(p.metrics.participants.missing).toEqual(['c']);
    expect(p.participantsFromTargets).toBe(70);
  });

  it('certified counts people certified by a programme or as a training output', () => {
    expect(value('certified', [event({ id: 'a', kind: 'certification', certified: 31 }), event({ id: 'b', certified: 30 }), event({ id: 'c' })])).toBe(61);
  });

  it('facilities count physical facilities; equipment on a training is not one', () => {
    expect(value('facilities', [event({ equipment: 'alat batik' })], [facility({ id: 'x' }), facility({ id: 'y' })])).toBe(2);
    expect(value('facilities', [event({ equipment: 'alat batik' })], [])).toBeNull();
  });

  it('training days and person-days use only trainings that report the figures', () => {
    const events = [
      event({ id: 'a', participants: 30, duration_days: 5, duration_basis: 'reported' }),
      event({ id: 'b', participants: 30, start_date: '2023-01', start_precision: 'month', end_date: null, end_precision: 'unknown', duration_days: null, duration_basis: null }),
      event({ id: 'c', kind: 'exhibition', participants: 100, duration_days: 5, duration_basis: 'reported' }),
    ];
    expect(value('training_days', events)).toBe(5);
    expect(value('person_days', events)).toBe(150);
  });

  it('keeps "not reported" (null) apart from a reported zero', () => {
    expect(value('participants', [event({ participants: 0 })])).toBe(0);
    expect(value('participants', [event({ participants: null, participants_basis: null, participants_unit: null })])).toBeNull();
    expect(value('certified', [event({ certified: 0 })])).toBe(0);
    expect(value('certified', [event()])).toBeNull();
    expect(value('exhibitions', [event()])).toBeNull();
  });

  it('first and last event span known dates; unknown dates are skipped', () => {
    const p = profileOf([
      event({ id: 'a', start_date: '2022-05-23', end_date: '2022-05-27' }),
      event({ id: 'b', start_date: null, start_precision: 'unknown', end_date: null, end_precision: 'unknown', duration_days: null, duration_basis: null }),
      event({ id: 'c', start_date: '2022-10-27', start_precision: 'week', end_date: '2022-11-02' }),
    ], []);
    expect([p.firstEvent, p.lastEvent]).toEqual(['2022-05-23', '2022-11-02']);
  });

  it('a city with no records has every figure not reported', () => {
    const d = dataset({ cities: [city(), city({ id: 'beta', region_code: '3501' })], events: [event()] });
    const beta = cityProfile(d, d.cityById.get('beta')!);
    for (const m of METRICS) expect(beta.metrics[m.id].value).toBeNull();
    expect(beta.sources).toEqual([]);
  });

  it('data/README.md states each definition exactly as the code does', () => {
    const readme = readFileSync('data/README.md', 'utf8');
    for (const m of METRICS) expect(readme).toContain(`- **${m.label.en}** — ${m.definition.en}`);
  });
});

describe('the comparison period', () => {
  it('keeps an event dated before it out of every metric, and lists it apart', () => {
    const old = event({ id: 'old', kind: 'exhibition', start_date: '1883', start_precision: 'year', end_date: null, end_precision: 'unknown', duration_days: null, duration_basis: null, participants: null, participants_basis: null, participants_unit: null });
    const recent = event({ id: 'recent', kind: 'exhibition' });
    const d = dataset({ events: [old, recent] });
    const p = cityProfile(d, d.cities[0]!);
    expect(p.metrics.exhibitions.value).toBe(1);
    expect(p.metrics.exhibitions.records).toEqual(['recent']);
    expect(p.beforePeriod.map((e) => e.id)).toEqual(['old']);
    expect(p.records).toBe(2);
  });
});

describe('a facility’s latest status', () => {
  const entry = (status: 'planned' | 'inaugurated' | 'operating', as_of: string | null) => ({ facility: 'fac-1', status, as_of, precision: as_of ? ('day' as const) : ('unknown' as const), dated: false, sources: ['src-1'], claims: [] });
  it('is the last dated one; a status from a report of unknown date does not overtake it', () => {
    expect(latestStatus(facility({ statuses: [entry('inaugurated', '2024-02-07'), entry('operating', '2024-05-04'), entry('planned', null)] }))?.status).toBe('operating');
    expect(latestStatus(facility({ statuses: [entry('planned', null)] }))?.status).toBe('planned');
    expect(latestStatus(facility({ statuses: [] }))).toBeUndefined();
  });
});
