import type { Source } from '../lib/dataset';
import type { Lang } from '../lib/format';
import { METRICS } from '../lib/metrics';
import { href, type PageRef } from '../lib/routes';
import type { SiteModel } from '../lib/site';
import { headlineComparison, metricRanking } from './comparison';
import { coverageMatrix, coverageRows } from './coverage';
import { locatorMap } from './locator-map';
import { facilityStatusChart } from './facility-status';
import { eventTimeline } from './timeline';
import type { Chart } from './types';

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

const unique = (sources: Source[]) => [...new Map(sources.map((s) => [s.id, s])).values()];

export function chartCatalogue(model: SiteModel, lang: Lang): ChartEntry[] {
  const { dataset, profiles, profileById, pairs } = model;
  const all = unique(profiles.flatMap((p) => p.sources));
  const entries: ChartEntry[] = [
    { slug: 'headline', page: { page: 'home' }, chart: headlineComparison(profiles, { lang, id: 'headline' }), sources: all, embeddable: true },
    { slug: 'timeline', page: { page: 'home' }, chart: eventTimeline(dataset.events, dataset.cities, { lang, id: 'timeline', policies: dataset.policies }), sources: all, embeddable: true },
    { slug: 'coverage', page: { page: 'home' }, chart: coverageMatrix(coverageRows(dataset, profiles), { lang, id: 'coverage' }), sources: all, embeddable: true },
    { slug: 'map', page: { page: 'home' }, chart: locatorMap(dataset.cities, { lang, id: 'map' }), sources: [], embeddable: true },
    ...METRICS.map((m): ChartEntry => ({
      slug: `ranking-${m.id.replace(/_/g, '-')}`,
      page: { page: 'metric', id: m.id },
      chart: metricRanking(profiles, m.id, { lang, id: `ranking-${m.id.replace(/_/g, '-')}` }),
      sources: all,
      embeddable: true,
    })),
    ...dataset.cities.map((c): ChartEntry => ({
      slug: `timeline-${c.id}`,
      page: { page: 'city', id: c.id },
      chart: eventTimeline(dataset.eventsByCity.get(c.id) ?? [], [c], { lang, id: `timeline-${c.id}`, policies: dataset.policiesByCity.get(c.id) ?? [] }),
      sources: profileById.get(c.id)!.sources,
      embeddable: true,
    })),
    ...dataset.cities
      .filter((c) => (dataset.facilitiesByCity.get(c.id) ?? []).length > 0)
      .map((c): ChartEntry => ({
        slug: `facilities-${c.id}`,
        page: { page: 'city', id: c.id },
        chart: facilityStatusChart(dataset.facilitiesByCity.get(c.id)!, dataset.statusByFacility, { lang, id: `facilities-${c.id}` }),
        sources: profileById.get(c.id)!.sources,
        embeddable: true,
      })),
    ...pairs.map(([a, b]): ChartEntry => ({
      slug: `timeline-${a.id}-vs-${b.id}`,
      page: { page: 'compare', a: a.id, b: b.id },
      chart: eventTimeline([...(dataset.eventsByCity.get(a.id) ?? []), ...(dataset.eventsByCity.get(b.id) ?? [])], [a, b], { lang, id: `timeline-${a.id}-vs-${b.id}` }),
      sources: unique([...profileById.get(a.id)!.sources, ...profileById.get(b.id)!.sources]),
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
    const byPage = new Map<string, ChartEntry[]>();
    for (const e of all) {
      const key = href(e.page, 'id');
      byPage.set(key, [...(byPage.get(key) ?? []), e]);
    }
    charts = { all, embeddable: all.filter((e) => e.embeddable), byPage };
    byLang.set(lang, charts);
  }
  return charts;
}

/** The charts shown on one page, in catalogue order. */
export const chartsOn = (charts: SiteCharts, page: PageRef): ChartEntry[] => charts.byPage.get(href(page, 'id')) ?? [];
