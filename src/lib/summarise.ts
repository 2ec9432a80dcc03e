import type { City, Dataset, Source } from './dataset';
import { METRICS, type MetricId, type MetricValue } from './metrics';
import { THEMES, type Theme } from './schema';

/** One city's figures, computed once from its records. */
export interface CityProfile {
  city: City;
  metrics: Record<MetricId, MetricValue>;
  /** The part of the participants figure that is a target rather than a count. */
  participantsFromTargets: number;
  /** Earliest known start and latest known end over the city's events (ISO dates). */
  firstEvent: string | null;
  lastEvent: string | null;
  /** Programme themes covered by the city's events, in the canonical order. */
  themes: Theme[];
  /** The reports that cover the city: every source cited by one of its records. */
  sources: Source[];
}

export function cityProfile(dataset: Dataset, city: City): CityProfile {
  const events = dataset.eventsByCity.get(city.id) ?? [];
  const records = { events, facilities: dataset.facilitiesByCity.get(city.id) ?? [] };
  const metrics = Object.fromEntries(METRICS.map((m) => [m.id, m.compute(records)])) as Record<MetricId, MetricValue>;
  const starts = events.map((e) => e.start_date ?? e.end_date).filter((d): d is string => d !== null);
  const ends = events.map((e) => e.end_date ?? e.start_date).filter((d): d is string => d !== null);
  const covered = new Set(events.flatMap((e) => e.themes));
  return {
    city,
    metrics,
    participantsFromTargets: events
      .filter((e) => e.kind === 'training' && e.participants_basis === 'target')
      .reduce((sum, e) => sum + (e.participants ?? 0), 0),
    firstEvent: starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : null,
    lastEvent: ends.length ? ends.reduce((a, b) => (b > a ? b : a)) : null,
    themes: THEMES.filter((t) => covered.has(t)),
    sources: dataset.sourcesByCity.get(city.id) ?? [],
  };
}

/** Profiles of every city, in the order of cities.csv. */
export const cityProfiles = (dataset: Dataset): CityProfile[] => dataset.cities.map((c) => cityProfile(dataset, c));
