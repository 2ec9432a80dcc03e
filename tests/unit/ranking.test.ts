import { describe, expect, it } from 'vitest';
import { MEDIAN_MIN_VALUES, medianOf, rankBy } from '../../src/lib/ranking';
import { buildSiteModel } from '../../src/lib/site';
import { city, dataset, event } from '../helpers/records';

/** The one ranking rule (src/lib/ranking.ts), on plain items: a name and a value, null when not reported. */
type Item = { id: string; value: number | null };
const items = (...values: (number | null)[]): Item[] => values.map((value, i) => ({ id: String.fromCharCode(97 + i), value }));
const rank = (list: Item[]) => rankBy(list, (x) => x.value, (x) => x.id);
const ids = (list: readonly Item[]) => list.map((x) => x.id);

describe('the ranking rule', () => {
  it.each([
    ['distinct values', [30, 70, 10], [['b', 1], ['a', 2], ['c', 3]]],
    ['a tie for first: both first, the next third', [7, 9, 9, 7], [['b', 1], ['c', 1], ['a', 3], ['d', 3]]],
    ['a tie below the top, in input order', [5, 9, 5], [['b', 1], ['a', 2], ['c', 2]]],
    ['every value equal', [4, 4, 4, 4], [['a', 1], ['b', 1], ['c', 1], ['d', 1]]],
    ['a reported zero is ranked, below every positive value', [0, 3], [['b', 1], ['a', 2]]],
    ['cities not reported come last, unranked, in input order', [null, 3, null, 8], [['d', 1], ['b', 2], ['a', null], ['c', null]]],
    ['nothing reported', [null, null], [['a', null], ['b', null]]],
  ] as const)('%s', (_, values, expected) => {
    expect(rank(items(...values)).entries.map((e) => [e.key, e.rank])).toEqual(expected);
  });

  it('names who each tied city is tied with, and no one for an untied or unreported city', () => {
    const r = rank(items(9, 7, 9, 9, null));
    expect(ids(r.byKey.get('a')!.tiedWith)).toEqual(['c', 'd']);
    expect(ids(r.byKey.get('d')!.tiedWith)).toEqual(['a', 'c']);
    expect(r.byKey.get('b')!.tiedWith).toEqual([]);
    expect(r.byKey.get('e')!.tiedWith).toEqual([]);
  });

  it('lists every tied leader, and none when nothing is reported', () => {
    expect(ids(rank(items(7, 9, 9, 7)).leaders)).toEqual(['b', 'c']);
    expect(ids(rank(items(7, 9, 8)).leaders)).toEqual(['b']);
    expect(rank(items(null, null)).leaders).toEqual([]);
  });

  it('keeps a fixed denominator: every city, reported or not', () => {
    const r = rank(items(null, 3, null, 8));
    expect(r.of).toBe(4);
    expect(ids(r.reported)).toEqual(['d', 'b']);
    expect(ids(r.notReported)).toEqual(['a', 'c']);
  });

  describe('median', () => {
    it(`is given only over ${MEDIAN_MIN_VALUES} or more reported values`, () => {
      expect(MEDIAN_MIN_VALUES).toBe(3);
      expect(rank(items(10, 50, null, null)).median).toBeNull();
      expect(rank(items(10, null, null, null)).median).toBeNull();
      expect(rank(items(null, null, null, null)).median).toBeNull();
      expect(rank(items(10, 50, 20, null)).median).toBe(20);
      expect(rank(items(10, 50, 20, 40)).median).toBe(30);
    });

    it.each([
      [[], null],
      [[5], null],
      [[5, 9], null],
      [[9, 1, 5], 5],
      [[1, 2, 3, 10], 2.5],
    ] as const)('of %j is %s', (values, expected) => {
      expect(medianOf(values)).toBe(expected);
    });
  });
});

describe('the site model ranks with the rule', () => {
  it('ties two cities for first and keeps a city not reporting in the denominator', () => {
    const d = dataset({
      cities: [city({ id: 'a' }), city({ id: 'b', region_code: '3501' }), city({ id: 'c', region_code: '3502' }), city({ id: 'd', region_code: '3503' })],
      events: [event({ id: 'e1', city: 'a', participants: 40 }), event({ id: 'e2', city: 'b', participants: 40 }), event({ id: 'e3', city: 'c', participants: 10 })],
    });
    const r = buildSiteModel(d).rankings.participants;
    expect(r.entries.map((e) => [e.key, e.rank])).toEqual([['a', 1], ['b', 1], ['c', 3], ['d', null]]);
    expect(r.leaders.map((p) => p.city.id)).toEqual(['a', 'b']);
    expect(r.of).toBe(4);
    expect(r.median).toBe(40);
    // Trainings: every city but d reports one, all tied.
    expect(buildSiteModel(d).rankings.trainings.entries.map((e) => e.rank)).toEqual([1, 1, 1, null]);
  });
});
