import { describe, expect, it } from 'vitest';
import { ALL_PAIRS_LIMIT, pairHasPage } from '../../src/lib/pair-pages';
import { cityPairs, href, sectionPrefixes } from '../../src/lib/routes';
import { buildSiteModel } from '../../src/lib/site';
import { city, dataset, event } from '../helpers/records';

const cities = (n: number, provinces = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, province: `P${i % provinces}` }));

describe('two-city pages', () => {
  it('cover every pair while the cities are few', () => {
    expect(cityPairs(cities(4))).toHaveLength(6);
    expect(cityPairs(cities(ALL_PAIRS_LIMIT))).toHaveLength((ALL_PAIRS_LIMIT * (ALL_PAIRS_LIMIT - 1)) / 2);
  });

  it('past the limit, pair only the cities of a province of at most ALL_PAIRS_LIMIT cities', () => {
    // 20 cities: provinces P0–P3 of 3 cities each, and P4 of 8 more (provinces by i % 5, then 8 extra in P4).
    const small = [...cities(15, 5), ...Array.from({ length: 8 }, (_, i) => ({ id: `x${i}`, province: 'P4' }))];
    const pairs = cityPairs(small);
    expect(pairs.every(([a, b]) => a.province === b.province)).toBe(true);
    // P0–P3: 3 pairs each; P4 has 11 cities, within the limit: 55 pairs.
    expect(pairs).toHaveLength(4 * 3 + 55);
    // A province of 13 cities is past the limit: its pairs are composed in the browser.
    const large = [...small, ...Array.from({ length: 2 }, (_, i) => ({ id: `y${i}`, province: 'P4' }))];
    expect(ALL_PAIRS_LIMIT).toBe(12);
    expect(cityPairs(large)).toHaveLength(4 * 3);
  });

  it('are the pairs the browser composer links, by one rule', () => {
    const key = ([a, b]: readonly { id: string }[]) => `${a!.id}|${b!.id}`;
    for (const [n, provinces] of [[4, 1], [12, 1], [13, 1], [40, 38], [100, 9], [200, 12]] as const) {
      const all = cities(n, provinces);
      const linked = all.flatMap((a, i) => all.slice(i + 1).filter((b) => pairHasPage(all, a, b)).map((b) => key([a, b])));
      expect(cityPairs(all).map(key).sort()).toEqual(linked.sort());
    }
  });

  it('grow with the cities, never with their square: at most ALL_PAIRS_LIMIT − 1 pairs a city', () => {
    for (const [n, provinces] of [[13, 1], [40, 38], [100, 9], [514, 38], [514, 60], [2000, 400]] as const) {
      const pairs = cityPairs(cities(n, provinces));
      const perCity = new Map<string, number>();
      for (const pair of pairs) for (const c of pair) perCity.set(c.id, (perCity.get(c.id) ?? 0) + 1);
      expect(Math.max(0, ...perCity.values())).toBeLessThanOrEqual(ALL_PAIRS_LIMIT - 1);
      expect(pairs.length).toBeLessThanOrEqual((n * (ALL_PAIRS_LIMIT - 1)) / 2);
    }
    // 514 cities in 60 provinces: 34 provinces of 9 cities and 26 of 8.
    expect(cityPairs(cities(514, 60))).toHaveLength(34 * 36 + 26 * 28);
  });
});

describe('addresses', () => {
  it('give every page an Indonesian and an English address', () => {
    expect(href({ page: 'city', id: 'blitar' }, 'id')).toBe('/kota/blitar/');
    expect(href({ page: 'city', id: 'blitar' }, 'en')).toBe('/en/city/blitar/');
    expect(href({ page: 'metric', id: 'person_days' }, 'en')).toBe('/en/metric/person-days/');
    expect(href({ page: 'compare', a: 'blitar', b: 'mojokerto' }, 'id')).toBe('/banding/blitar-vs-mojokerto/');
    expect(sectionPrefixes('en')).toContain('/en/city/');
    expect(sectionPrefixes('id')).not.toContain('/embed/');
  });
});

describe('site model', () => {
  it('ranks every city once by the one ranking rule: ties sharing a rank, not-reported cities listed last, unranked, in the denominator', () => {
    const d = dataset({
      cities: [city({ id: 'a' }), city({ id: 'b', region_code: '3501' }), city({ id: 'c', region_code: '3502' }), city({ id: 'd', region_code: '3503' })],
      events: [event({ id: 'e1', city: 'a', participants: 30 }), event({ id: 'e2', city: 'b', participants: 70 }), event({ id: 'e3', city: 'c', participants: 30 })],
    });
    const model = buildSiteModel(d);
    const participants = model.rankings.participants;
    expect(participants.entries.map((e) => [e.key, e.rank])).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', null]]);
    expect(participants.byKey.get('a')!.tiedWith.map((p) => p.city.id)).toEqual(['c']);
    expect(participants.of).toBe(4);
    expect(participants.notReported.map((p) => p.city.id)).toEqual(['d']);
    expect(model.pairsByCity.get('d')).toHaveLength(3);
  });
});
