import { chartsOn, siteCharts, type ChartEntry } from '../charts/catalogue';
import { oembedUrl } from '../lib/embed';
import type { Lang } from '../lib/format';
import type { PageRef } from '../lib/routes';
import { siteModel } from '../lib/site';

/**
 * The charts of one page, and their oEmbed discovery links for the page's head: absolute
 * addresses on `site`, since a consumer resolves nothing against the page it read them from.
 */
export function pageCharts(page: PageRef, lang: Lang, site: URL): { charts: ChartEntry[]; oembed: { href: string; title: string }[] } {
  const charts = chartsOn(siteCharts(siteModel(), lang), page);
  return { charts, oembed: charts.filter((e) => e.embeddable).map((e) => ({ href: oembedUrl({ slug: e.slug, lang, site }), title: e.chart.title })) };
}
