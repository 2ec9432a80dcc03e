import { groupBy, type BatikEvent, type City, type Dataset, type Facility, type PopulationFigure, type Source } from './dataset';
import { inComparisonPeriod, METRICS, type MetricId, type MetricValue } from './metrics';
import { provinceId } from './routes';
import { THEMES, type Theme } from './schema';

/** One city's figures, computed once from its records. */
export interface CityProfile {
  city: City;
  metrics: Record<MetricId, MetricValue>;
  /** The part of the participants figure that is a target rather than a count (metrics.participants.qualified.target). */
  participantsFromTargets: number;
  /** Earliest known start and latest known end over the city's events (ISO dates). */
  firstEvent: string | null;
  lastEvent: string | null;
  /** Programme themes covered by the city's events, in the canonical order. */
  themes: Theme[];
  /** The reports that cover the city: every source cited by one of its records. */
  sources: Source[];
  /** Reports read for the city and rejected (about the regency, nothing countable, …). */
  rejected: Source[];
  /** How many records (events, facilities, policies) the city has. */
  records: number;
  /** Events the reports date before the comparison period: kept, listed, not counted. */
  beforePeriod: BatikEvent[];
  /** Years over which the city's records are dated, earliest and latest. */
  years: [number, number] | null;
  /** The population figure per-inhabitant figures divide by; null when there is no usable figure. */
  population: PopulationFigure | null;
}

/** A figure per 10,000 inhabitants, to two decimals; null without a figure or a population. */
export function perTenThousand(value: number | null, population: PopulationFigure | null): number | null {
  if (value === null || !population || population.value <= 0) return null;
  return Math.round((value / population.value) * 10_000 * 100) / 100;
}

/**
 * Every metric over a set of records (a city's, or all of a province's cities' at once), each
 * by its own rule; a reprint counts as the report it reprints.
 */
function metricsOf(dataset: Dataset, events: readonly BatikEvent[], facilities: readonly Facility[]): Record<MetricId, MetricValue> {
  const records = { events, facilities, original: (s: string) => dataset.sourceById.get(s)?.original ?? s };
  return Object.fromEntries(METRICS.map((m) => [m.id, m.compute(records)])) as Record<MetricId, MetricValue>;
}

export function cityProfile(dataset: Dataset, city: City): CityProfile {
  const all = dataset.eventsByCity.get(city.id) ?? [];
  const events = all.filter(inComparisonPeriod);
  const facilities = dataset.facilitiesByCity.get(city.id) ?? [];
  const metrics = metricsOf(dataset, events, facilities);
  const starts = events.map((e) => e.start_date ?? e.end_date).filter((d): d is string => d !== null);
  const ends = events.map((e) => e.end_date ?? e.start_date).filter((d): d is string => d !== null);
  const covered = new Set(events.flatMap((e) => e.themes));
  return {
    city,
    metrics,
    participantsFromTargets: metrics.participants.qualified.target?.value ?? 0,
    firstEvent: starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : null,
    lastEvent: ends.length ? ends.reduce((a, b) => (b > a ? b : a)) : null,
    themes: THEMES.filter((t) => covered.has(t)),
    sources: dataset.sourcesByCity.get(city.id) ?? [],
    rejected: dataset.rejectedByCity.get(city.id) ?? [],
    beforePeriod: all.filter((e) => !inComparisonPeriod(e)),
    records: all.length + facilities.length + (dataset.policiesByCity.get(city.id)?.length ?? 0),
    years: yearSpan([
      ...starts,
      ...ends,
      ...facilities.flatMap((f) => f.statuses.map((s) => s.as_of).filter((d): d is string => d !== null)),
      ...(dataset.policiesByCity.get(city.id) ?? []).flatMap((p) => (p.year === null ? [] : [String(p.year)])),
    ]),
    population: dataset.populationByCity.get(city.id)?.find((p) => p.used) ?? null,
  };
}

function yearSpan(dates: readonly string[]): [number, number] | null {
  const years = dates.map((d) => Number(d.slice(0, 4)));
  return years.length ? [Math.min(...years), Math.max(...years)] : null;
}

/** Profiles of every city, in the order of cities.csv. */
export const cityProfiles = (dataset: Dataset): CityProfile[] => dataset.cities.map((c) => cityProfile(dataset, c));

/**
 * One province's figures: its cities, and each metric computed over all their records at once
 * by the metric's own rule, so a province's figure carries its range, qualifiers and reports
 * as a city's does. The home page shows these past HOME_CITIES_LIMIT cities.
 */
export interface ProvinceProfile {
  id: string;
  name: string;
  name_en: string;
  cities: CityProfile[];
  metrics: Record<MetricId, MetricValue>;
  /** The reports that cover one of its cities, each once. */
  sources: number;
  /** Years over which its cities' records are dated, earliest and latest. */
  years: [number, number] | null;
}

/** Profiles of every province, in the order its first city appears in cities.csv. */
export function provinceProfiles(dataset: Dataset, profiles: readonly CityProfile[]): ProvinceProfile[] {
  return [...groupBy(profiles, (p) => p.city.province)].map(([province, cities]) => {
    const spans = cities.flatMap((p) => (p.years ? p.years : []));
    return {
      id: provinceId(province),
      name: province,
      name_en: cities[0]!.city.province_en,
      cities,
      metrics: metricsOf(
        dataset,
        cities.flatMap((p) => (dataset.eventsByCity.get(p.city.id) ?? []).filter(inComparisonPeriod)),
        cities.flatMap((p) => dataset.facilitiesByCity.get(p.city.id) ?? []),
      ),
      sources: new Set(cities.flatMap((p) => p.sources.map((s) => s.id))).size,
      years: spans.length ? [Math.min(...spans), Math.max(...spans)] : null,
    };
  });
}
