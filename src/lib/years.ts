import { groupBy, type BatikEvent } from './dataset';
import { METRICS, type MetricId, type MetricValue } from './metrics';

/** The metrics a year of events can be read on: every metric of events (facilities are not dated by year). */
export const YEAR_METRICS = ['trainings', 'participants', 'businesses', 'pupils', 'certified', 'exhibitions', 'training_days'] as const satisfies readonly MetricId[];
export type YearMetric = (typeof YEAR_METRICS)[number];

/** One year of a city's events, as the reports tell them. */
export interface YearRow {
  /** The year the event starts (or ends, when only its end is known); null for events of unknown date. */
  year: number | null;
  events: number;
  /** Each metric on the year's events, computed by the metric's own definition. */
  metrics: Record<YearMetric, MetricValue>;
}

/**
 * A city's figures per year: each metric's own computation (src/lib/metrics.ts) on each
 * year's events, so a year's figures add up to the city's. Years without events are left
 * out; events of unknown date make a last row of their own.
 */
export function yearTable(events: readonly BatikEvent[]): YearRow[] {
  const byYear = groupBy(events, (e) => {
    const date = e.start_date ?? e.end_date;
    return date === null ? null : Number(date.slice(0, 4));
  });
  return [...byYear]
    .map(([year, list]) => ({
      year,
      events: list.length,
      metrics: Object.fromEntries(YEAR_METRICS.map((id) => [id, METRICS.find((m) => m.id === id)!.compute({ events: list, facilities: [] })])) as Record<YearMetric, MetricValue>,
    }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}
