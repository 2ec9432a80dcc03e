import { describe, expect, it } from 'vitest';
import { ALL_PAIRS_LIMIT, cityPairs, href, sectionPrefixes } from '../../src/lib/routes';
import { buildSiteModel } from '../../src/lib/site';
import { city, dataset, event } from '../helpers/records';

const cities = (n: number, provinces = 1) =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, province: `P${i % provinces}` }));

describe('two-city pages', () => {
  it('cover every pair while the cities are few', () => {
    expect(cityPairs(cities(4))).toHaveLength(6);
    expect(cityPairs(cities(ALL_PAIRS_LIMIT))).toHaveLength((ALL_PAIRS_LIMIT * (ALL_PAIRS_LIMIT - 1)) / 2);
  });

  it('stay within a province past the limit, so they do not grow with the square of the cities', () => {
    // 514 cities in 38 provinces: 20 provinces of 14 cities and 18 of 13.
    const pairs = cityPairs(cities(514, 38));
    expect(pairs.every(([a, b]) => a.province === b.province)).toBe(true);
    expect(pairs.length).toBe(20 * ((14 * 13) / 2) + 18 * ((13 * 12) / 2));
    expect(pairs.length).toBeLessThan((514 * 513) / 2 / 30);
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
