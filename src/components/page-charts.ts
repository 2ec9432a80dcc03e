import { chartsOn, siteCharts, type ChartEntry } from '../charts/catalogue';
import { embedHref } from '../lib/embed';
import type { Lang } from '../lib/format';
import type { PageRef } from '../lib/routes';
import { siteModel } from '../lib/site';

/** The charts of one page, and their oEmbed discovery links for the page's head. */
export function pageCharts(page: PageRef, lang: Lang): { charts: ChartEntry[]; oembed: { href: string; title: string }[] } {
  const charts = chartsOn(siteCharts(siteModel(), lang), page);
  return { charts, oembed: charts.filter((e) => e.embeddable).map((e) => ({ href: `${embedHref(e.slug, lang)}oembed.json`, title: e.chart.title })) };
}
