import type { ClaimRow, DatePrecision } from './schema';

/**
 * The rule that turns what several reports say of one figure into a best value and a range,
 * as the UCDP Georeferenced Event Dataset keeps `best`, `low` and `high` for each estimate.
 * It is written once, here; the methodology page and data/README.md explain it in words.
 *
 * The best value is, in this order:
 *  1. the value of a claim the curator chose, with a reason (`best_reason`);
 *  2. otherwise from the claims of the strongest basis: a count beats an approximation,
 *     which beats a target, which beats an inference ("reported" beats "dates" for a
 *     duration; realised funding beats a contract, which beats a budget);
 *  3. for dates, the most precise;
 *  4. then the value told by the most independent reports (a reprint counts with its original);
 *  5. then the value of the report published last, since later reports tell outcomes where
 *     earlier ones tell plans.
 * `low` and `high` span every value given in the best value's unit. Values in another unit
 * (30 businesses against 30 people) are kept and flagged, never added to the range.
 */

export interface Estimate {
  best: number;
  low: number;
  high: number;
  /** Independent reports giving this figure, in any unit. */
  number_of_sources: number;
  unit: string | null;
  basis: string | null;
  /** Every report's claim on the figure (totals, not parts). */
  claims: ClaimRow[];
  /** The claim the best value comes from. */
  chosen: ClaimRow;
  /** Whether the reports give more than one value (or unit) for the figure. */
  disagree: boolean;
}

/** Strongest basis first; a basis not listed ranks after those listed. */
const BASIS_ORDER = ['count', 'reported', 'realised', 'contract', 'approximate', 'at_least', 'budget', 'target', 'dates', 'unspecified', 'inferred'];
const PRECISION_ORDER: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'unknown'];

/** Standing of population figures: official statistics first, then civil registration, the press, encyclopedias. */
export const POPULATION_STANDING = ['census', 'bps_projection', 'bps_estimate', 'civil_registry', 'press', 'encyclopedia'] as const;
/** Official statistics share the first rank, so the latest of them is used. */
export const populationRank = (basis: string): number => Math.max(0, POPULATION_STANDING.indexOf(basis as never) - 2);

const rank = (order: readonly string[], value: string | null) => {
  const i = value === null ? -1 : order.indexOf(value);
  return i === -1 ? order.length : i;
};

export interface ClaimContext {
  /** The report a claim's report reprints, or itself. */
  original: (c: ClaimRow) => string;
  /** The claim's report's publication date, sortable ("9999" when unknown). */
  published: (c: ClaimRow) => string;
}

/** How many independent reports the claims come from. */
export const independentCount = (claims: readonly ClaimRow[], original: (c: ClaimRow) => string): number =>
  new Set(claims.map(original)).size;

/** The claim whose value is best, by the rule above; null when there is none. */
export function bestClaim(claims: readonly ClaimRow[], ctx: ClaimContext): ClaimRow | null {
  if (claims.length === 0) return null;
  const chosen = claims.find((c) => c.best_reason !== null);
  if (chosen) return chosen;
  const support = (c: ClaimRow) => independentCount(claims.filter((o) => o.value === c.value && o.unit === c.unit), ctx.original);
  return [...claims].sort(
    (a, b) =>
      rank(BASIS_ORDER, a.basis) - rank(BASIS_ORDER, b.basis) ||
      rank(PRECISION_ORDER, a.precision) - rank(PRECISION_ORDER, b.precision) ||
      support(b) - support(a) ||
      ctx.published(b).localeCompare(ctx.published(a)),
  )[0]!;
}

/** Best, low and high of a numeric figure; null when no report gives it. */
export function estimateOf(claims: readonly ClaimRow[], ctx: ClaimContext): Estimate | null {
  const given = claims.filter((c) => c.value !== null);
  const chosen = bestClaim(given, ctx);
  if (!chosen) return null;
  const sameUnit = given.filter((c) => c.unit === chosen.unit).map((c) => Number(c.value));
  return {
    best: Number(chosen.value),
    low: Math.min(...sameUnit),
    high: Math.max(...sameUnit),
    number_of_sources: independentCount(given, ctx.original),
    unit: chosen.unit,
    basis: chosen.basis,
    claims: [...given],
    chosen,
    disagree: new Set(given.map((c) => `${c.value} ${c.unit}`)).size > 1,
  };
}
