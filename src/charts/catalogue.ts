import { groupBy, type BatikEvent, type City, type Dataset, type Policy, type Source } from '../lib/dataset';
import type { Lang } from '../lib/format';
import { HEADLINE_METRICS, inComparisonPeriod, METRICS, type MetricId } from '../lib/metrics';
import { href, pairSlug, type PageRef } from '../lib/routes';
import type { SiteModel } from '../lib/site';
import { profileSlug } from '../lib/embed';
import type { CityProfile } from '../lib/summarise';
import { headlineComparison, metricRanking } from './comparison';
import { coverageMatrix, coverageRows } from './coverage';
import { locatorMap } from './locator-map';
import { facilityStatusChart } from './facility-status';
import { eventTimeline } from './timeline';
import { eventYear, eventsByYear, TIMELINE_DETAIL_LIMIT } from './by-year';
import type { Chart } from './types';
import { cached, type CacheCodec } from '../lib/build-cache';

/**
 * Every chart of the site, once per language: where it appears, and the sources it draws on.
 * Pages and embeds take their charts from here, so an embed is the very chart of its page.
 */
export interface ChartEntry {
  /** Stable slug, used in the embed address: /embed/<slug>/. */
  slug: string;
  page: PageRef;
  chart: Chart;
  sources: Source[];
  /**
   * Whether it gets an embed page and images. Two-city timelines stay on their printable
   * pages: they are the one chart whose number grows faster than the cities.
   */
  embeddable: boolean;
}

/**
 * The reports behind the records a chart plots, each once, oldest first: a chart cites what
 * its own marks come from, not every report of its cities.
 */
export function sourcesOf(dataset: Dataset, records: readonly { sources: readonly string[] }[]): Source[] {
  const ids = new Set(records.flatMap((r) => r.sources));
  return [...ids]
    .map((id) => dataset.sourceById.get(id))
    .filter((s): s is Source => s !== undefined)
    .sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.id.localeCompare(b.id));
}

/** The records (events, facilities) a metric sums, by id. */
function metricRecords(dataset: Dataset, ids: readonly string[]): { sources: readonly string[] }[] {
  return ids.flatMap((id) => {
    const record = dataset.eventById.get(id) ?? dataset.facilityById.get(id) ?? dataset.policyById.get(id);
    return record ? [record] : [];
  });
}

/**
 * Events over time: each event on a timeline while there are few enough to read, counted by
 * year past TIMELINE_DETAIL_LIMIT dated events.
 */
function eventsOverTime(events: readonly BatikEvent[], cities: readonly City[], policies: readonly Policy[], lang: Lang, id: string): Chart {
  return events.filter((e) => eventYear(e) !== null).length > TIMELINE_DETAIL_LIMIT
    ? eventsByYear(events, cities, { lang, id })
    : eventTimeline(events, cities, { lang, id, policies });
}

const chartFile: CacheCodec<Chart> = {
  folder: 'charts',
  extension: 'json',
  encode: (chart) => JSON.stringify(chart),
  decode: (bytes) => {
    try {
      const chart = JSON.parse(bytes.toString('utf8')) as Chart;
      return typeof chart.svg === 'string' && typeof chart.id === 'string' ? chart : null;
    } catch {
      return null;
    }
  },
};

/**
 * A chart drawn by `draw` from these arguments, or the same chart from the build cache when an
 * earlier build drew it from equal arguments with the same code (src/lib/build-cache.ts):
 * drawing is most of what a chart costs, and a new report changes few charts.
 */
const drawn = <A extends unknown[]>(kind: string, draw: (...args: A) => Chart, ...args: A): Chart => cached(`chart-${kind}`, args, () => draw(...args), chartFile);

export function chartCatalogue(model: SiteModel, lang: Lang): ChartEntry[] {
  const { dataset, profiles, provinces, pairs } = model;
  const cite = (records: readonly { sources: readonly string[] }[]) => sourcesOf(dataset, records);
  const metricSources = (ids: readonly MetricId[], of: readonly CityProfile[] = profiles) => cite(metricRecords(dataset, of.flatMap((p) => ids.flatMap((m) => p.metrics[m].records))));
  const cityEvents = (id: string) => (dataset.eventsByCity.get(id) ?? []).filter(inComparisonPeriod);
  const cityPolicies = (id: string) => dataset.policiesByCity.get(id) ?? [];
  /**
   * The charts that set cities side by side (headline figures, events over time, programme
   * coverage, the map): on the home page while it shows every city, and past
   * HOME_CITIES_LIMIT on each province's page, over its cities, so none draws every city of
   * the country. `prefix` keeps each province's slugs apart.
   */
  const sideBySide = (page: PageRef, prefix: string, of: readonly CityProfile[], events: readonly BatikEvent[], policies: readonly Policy[]): ChartEntry[] => {
    const cities = of.map((p) => p.city);
    const coverage = coverageRows(dataset, of);
    const slug = (name: string) => `${prefix}${name}`;
    return [
      { slug: slug('headline'), page, chart: drawn('headline', headlineComparison, of, { lang, id: slug('headline') }), sources: metricSources(HEADLINE_METRICS, of), embeddable: true },
      // Charts show the comparison period, as the metrics count it.
      { slug: slug('timeline'), page, chart: drawn('events-over-time', eventsOverTime, events, cities, policies, lang, slug('timeline')), sources: cite([...events, ...policies]), embeddable: true },
      {
        slug: slug('coverage'),
        page,
        chart: drawn('coverage', coverageMatrix, coverage, { lang, id: slug('coverage') }),
        sources: cite(metricRecords(dataset, coverage.flatMap((row) => Object.values(row.records).flat()))),
        embeddable: true,
      },
      { slug: slug('map'), page, chart: drawn('map', locatorMap, cities, { lang, id: slug('map') }), sources: [], embeddable: true },
    ];
  };
  const entries: ChartEntry[] = [
    ...(provinces.length
      ? provinces.flatMap((p) =>
          sideBySide({ page: 'province', id: p.id }, `province-${p.id}-`, p.cities, p.cities.flatMap((c) => cityEvents(c.city.id)), p.cities.flatMap((c) => cityPolicies(c.city.id))),
        )
      : sideBySide({ page: 'home' }, '', profiles, dataset.events.filter(inComparisonPeriod), dataset.policies)),
    ...METRICS.map((m): ChartEntry => ({
      slug: `ranking-${m.id.replace(/_/g, '-')}`,
      page: { page: 'metric', id: m.id },
      chart: drawn('ranking', metricRanking, profiles, m.id, { lang, id: `ranking-${m.id.replace(/_/g, '-')}` }),
      sources: metricSources([m.id]),
      embeddable: true,
    })),
    ...dataset.cities.map((c): ChartEntry => ({
      slug: `timeline-${c.id}`,
      page: { page: 'city', id: c.id },
      chart: drawn('events-over-time', eventsOverTime, cityEvents(c.id), [c], cityPolicies(c.id), lang, `timeline-${c.id}`),
      sources: cite([...cityEvents(c.id), ...cityPolicies(c.id)]),
      embeddable: true,
    })),
    ...dataset.cities.flatMap((c): ChartEntry[] => {
      const facilities = dataset.facilitiesByCity.get(c.id) ?? [];
      if (facilities.length === 0) return [];
      return [
        {
          slug: `facilities-${c.id}`,
          page: { page: 'city', id: c.id },
          chart: drawn(
            'facilities',
            facilityStatusChart,
            facilities,
            // Only the city's own entries: the chart reads no other, so no other city's change redraws it.
            new Map(facilities.map((f) => [f.id, dataset.statusByFacility.get(f.id) ?? []])),
            { lang, id: `facilities-${c.id}` },
          ),
          // The chart plots status histories: it cites the reports that tell a status.
          sources: cite(facilities.flatMap((f) => f.statuses)),
          embeddable: true,
        },
      ];
    }),
    ...pairs.map(([a, b]): ChartEntry => ({
      slug: `timeline-${pairSlug(a.id, b.id)}`,
      page: { page: 'compare', a: a.id, b: b.id },
      chart: drawn('events-over-time', eventsOverTime, [...cityEvents(a.id), ...cityEvents(b.id)], [a, b], [], lang, `timeline-${pairSlug(a.id, b.id)}`),
      sources: cite([...cityEvents(a.id), ...cityEvents(b.id)]),
      embeddable: false,
    })),
  ];
  return entries;
}

export interface SiteCharts {
  all: ChartEntry[];
  /** Charts that have embed pages. */
  embeddable: ChartEntry[];
  /** The charts of each page, by the page's Indonesian address. */
  byPage: ReadonlyMap<string, ChartEntry[]>;
}

const memo = new WeakMap<SiteModel, Map<Lang, SiteCharts>>();

/** The catalogue of one model and language, computed and indexed once per build. */
export function siteCharts(model: SiteModel, lang: Lang): SiteCharts {
  let byLang = memo.get(model);
  if (!byLang) memo.set(model, (byLang = new Map()));
  let charts = byLang.get(lang);
  if (!charts) {
    const all = chartCatalogue(model, lang);
    charts = { all, embeddable: all.filter((e) => e.embeddable), byPage: groupBy(all, (e) => href(e.page, 'id')) };
    byLang.set(lang, charts);
  }
  return charts;
}

/** The charts shown on one page, in catalogue order. */
export const chartsOn = (charts: SiteCharts, page: PageRef): ChartEntry[] => charts.byPage.get(href(page, 'id')) ?? [];

/**
 * Everything a newsroom can embed: each embeddable chart, and each city's profile card (its
 * headline figures with their qualifiers, linking to the city's page), which is not a chart
 * and so has its own kind of embed page. Slugs are unique across both: profile slugs start
 * with "profile-", which no chart slug does.
 */
export type EmbedEntry = { kind: 'chart'; slug: string; page: PageRef; chart: ChartEntry } | { kind: 'profile'; slug: string; page: PageRef; profile: CityProfile };

const embedMemo = new WeakMap<SiteModel, Map<Lang, { all: EmbedEntry[]; bySlug: ReadonlyMap<string, EmbedEntry> }>>();

/** Every embed of one model and language, listed and indexed by slug once per build: each embed page, image and city page looks its own up. */
function embedIndex(model: SiteModel, lang: Lang): { all: EmbedEntry[]; bySlug: ReadonlyMap<string, EmbedEntry> } {
  let byLang = embedMemo.get(model);
  if (!byLang) embedMemo.set(model, (byLang = new Map()));
  let embeds = byLang.get(lang);
  if (!embeds) {
    const all = [
      ...siteCharts(model, lang).embeddable.map((chart): EmbedEntry => ({ kind: 'chart', slug: chart.slug, page: chart.page, chart })),
      ...model.profiles.map((profile): EmbedEntry => ({ kind: 'profile', slug: profileSlug(profile.city.id), page: { page: 'city', id: profile.city.id }, profile })),
    ];
    embeds = { all, bySlug: new Map(all.map((e) => [e.slug, e])) };
    byLang.set(lang, embeds);
  }
  return embeds;
}

export const siteEmbeds = (model: SiteModel, lang: Lang): EmbedEntry[] => embedIndex(model, lang).all;
/** One embed by its slug; undefined when there is none. */
export const siteEmbed = (model: SiteModel, lang: Lang, slug: string): EmbedEntry | undefined => embedIndex(model, lang).bySlug.get(slug);
