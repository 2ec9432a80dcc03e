/**
 * The one ranking rule of the site: the city pages, the metric pages, the charts and the
 * site model all rank with it, so no two pages can disagree on who is first.
 *
 * - Highest first. Equal values share a rank and are shown as a tie: with two cities at 7,
 *   both are 1st and the next is 3rd, and each tied city names the others.
 * - The denominator is fixed: every item ranked, reported or not ("1 of 4"). An item with no
 *   reported value has no rank; it is listed as not reported, after the ranked ones, and
 *   still counts in the denominator.
 * - Every leader is named: all items sharing the highest value.
 * - A median is given only over MEDIAN_MIN_VALUES or more reported values: the "median" of
 *   two numbers is their mean, and of one number the number itself, which says nothing more
 *   than the values do.
 */

/**
 * A page about one city names up to this many other cities in a rank (the cities it ties
 * with, the leaders, a ranking's note); past that it counts them and links to the metric's
 * page, which names every one. Named on every city page, 500 cities tied at one facility would
 * make each page list 500 names, and the city pages together grow with the square of the cities.
 */
export const NAMED_CITIES_LIMIT = 12;

/** The fewest reported values a median is computed over. */
export const MEDIAN_MIN_VALUES = 3;

export interface Ranked<T> {
  item: T;
  key: string;
  value: number | null;
  /** 1 for the highest; equal values share the rank of the first of them; null when not reported. */
  rank: number | null;
  /** The other items with the same rank, in ranking order; empty when not tied or not reported. */
  tiedWith: T[];
}

export interface Ranking<T> {
  /** Every item: the ranked ones highest first (ties in input order), then the not reported in input order. */
  entries: Ranked<T>[];
  /** The denominator: how many items were ranked, reported or not. */
  of: number;
  /** Every item sharing the highest value; empty when none is reported. */
  leaders: T[];
  reported: T[];
  notReported: T[];
  /** The median of the reported values; null when fewer than MEDIAN_MIN_VALUES are reported. */
  median: number | null;
  /** Each item's entry, by key. */
  byKey: ReadonlyMap<string, Ranked<T>>;
}

/** The median of numbers, or null when there are fewer than MEDIAN_MIN_VALUES of them. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length < MEDIAN_MIN_VALUES) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Ranks items by a value, by the rule above. `key` identifies an item (a city's id). */
export function rankBy<T>(items: readonly T[], value: (item: T) => number | null, key: (item: T) => string): Ranking<T> {
  const all = items.map((item, i) => ({ item, i, key: key(item), value: value(item) }));
  const reported = all.filter((x) => x.value !== null).sort((a, b) => b.value! - a.value! || a.i - b.i);
  const notReported = all.filter((x) => x.value === null);
  const rankOf = new Map<number, number>();
  reported.forEach((x, i) => {
    if (!rankOf.has(x.value!)) rankOf.set(x.value!, i + 1);
  });
  const entries: Ranked<T>[] = [
    ...reported.map((x) => ({
      item: x.item,
      key: x.key,
      value: x.value,
      rank: rankOf.get(x.value!)!,
      tiedWith: reported.filter((o) => o !== x && o.value === x.value).map((o) => o.item),
    })),
    ...notReported.map((x) => ({ item: x.item, key: x.key, value: null, rank: null, tiedWith: [] })),
  ];
  const top = reported[0]?.value;
  return {
    entries,
    of: items.length,
    leaders: reported.filter((x) => x.value === top).map((x) => x.item),
    reported: reported.map((x) => x.item),
    notReported: notReported.map((x) => x.item),
    median: medianOf(reported.map((x) => x.value!)),
    byKey: new Map(entries.map((e) => [e.key, e])),
  };
}
