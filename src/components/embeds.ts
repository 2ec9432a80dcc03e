import type { ChartEntry } from '../charts/catalogue';
import { svgSize, type EmbedDescription } from '../lib/embed';
import type { Lang } from '../lib/format';
import { useTranslations } from '../i18n';
import { siteCharts } from '../charts/catalogue';
import { CHART_CSS } from '../charts/render';
import { oembed, standaloneSvg } from '../lib/embed';
import { svgToPng } from '../lib/raster';
import { siteModel } from '../lib/site';
/** How a chart of the catalogue is described for embedding, in the language of its page. */
export function describeEmbed(entry: ChartEntry, lang: Lang, site: URL): EmbedDescription {
  const t = useTranslations(lang);
  const publishers = [...new Set(entry.sources.map((s) => s.publisher))];
  return {
    slug: entry.slug,
    lang,
    title: entry.chart.title,
    takeaway: entry.chart.takeaway,
    description: entry.chart.description,
    ...svgSize(entry.chart.svg),
    // A few publishers are named; past that the credit counts them, so it stays one line.
    credit: `${t('chart.source')}: Batik Kota (CC BY 4.0)${publishers.length > 3 ? `; ${t('chart.sourceCount', { reports: entry.sources.length, publishers: publishers.length })}` : publishers.length ? `; ${publishers.join(', ')}` : ''}.`,
    site,
  };
}



export const embedEntries = (lang: Lang) => siteCharts(siteModel(), lang).embeddable;
export const embedEntry = (lang: Lang, slug: string) => embedEntries(lang).find((e) => e.slug === slug)!;
export const embedPaths = (lang: Lang) => embedEntries(lang).map((e) => ({ params: { slug: e.slug } }));

/** The files beside each embed page: the chart as SVG and PNG (2×), and its oEmbed JSON. */
export function embedFile(file: 'svg' | 'png' | 'oembed', lang: Lang, slug: string, site: URL): Response {
  const entry = embedEntry(lang, slug);
  const svg = standaloneSvg(entry.chart.svg, CHART_CSS);
  switch (file) {
    case 'svg':
      return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
    case 'png':
      return new Response(new Uint8Array(svgToPng(svg, describeEmbed(entry, lang, site).width * 2)), { headers: { 'Content-Type': 'image/png' } });
    case 'oembed':
      return new Response(`${JSON.stringify(oembed(describeEmbed(entry, lang, site)), null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed' } });
  }
}
