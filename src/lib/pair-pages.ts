/**
 * Which pairs of cities get a two-city page, as one rule for the build (cityPairs in
 * routes.ts) and for the browser's pair composer, which links a pair's page only when there
 * is one. No imports: the composer's script carries it.
 */

/**
 * Up to this many cities, every pair of cities gets a two-city page; past it, every pair
 * within a province of at most this many cities.
 */
export const ALL_PAIRS_LIMIT = 12;

interface Placed {
  province: unknown;
}

/**
 * Whether two cities of the site have a two-city page: every pair while the site has at most
 * ALL_PAIRS_LIMIT cities; past it, a pair within a province of at most ALL_PAIRS_LIMIT
 * cities. A city then has at most ALL_PAIRS_LIMIT − 1 pairs, so the pages grow with the
 * cities, never with the square of a country's or a large province's cities (514 cities
 * would make about 132,000 pairs; one province of 38, 703). Any other pair is composed in
 * the browser from the city summary.
 */
export const pairHasPage = (cities: readonly Placed[], a: Placed, b: Placed): boolean =>
  cities.length <= ALL_PAIRS_LIMIT || (a.province === b.province && cities.filter((c) => c.province === a.province).length <= ALL_PAIRS_LIMIT);
