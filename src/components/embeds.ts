import { siteEmbed, siteEmbeds, type EmbedEntry } from '../charts/catalogue';
import { CHART_CSS } from '../charts/render';
import { siteAddress } from '../lib/base';
import { buildDate } from '../lib/build-date';
import { chartImageSvg, imageLayout, type ImageCaption } from '../lib/chart-image';
import { oembed, profileSlug, svgSize, type EmbedDescription } from '../lib/embed';
import { formatPartialDate, type Lang } from '../lib/format';
import { svgToPng } from '../lib/raster';
import { chartAnchor, href } from '../lib/routes';
import { siteModel } from '../lib/site';
import type { Source } from '../lib/dataset';
import { useTranslations } from '../i18n';
import { cityName } from './text';

type ChartEmbed = Extract<EmbedEntry, { kind: 'chart' }>;
type ProfileEmbed = Extract<EmbedEntry, { kind: 'profile' }>;

/** The nominal size of a city's profile card, for the iframe's width and fallback height. */
const PROFILE_SIZE = { width: 440, height: 230 };

/**
 * The tallest chart that gets image files (SVG and PNG), in CSS px. A ranking of every city at
 * national scale is about 15,000 px tall: as an image in an article it is unreadable, and as a
 * 2× PNG (40 megapixels) it alone took seconds of every build. Such a chart is embedded as its
 * page (the iframe), whose table lists every city; its panel offers no image. The charts of a
 * handful of cities are under a thousand.
 */
export const IMAGE_MAX_HEIGHT = 3000;

/** Past this many publishers an image counts them rather than naming each. */
const IMAGE_PUBLISHERS = 4;

const publishersOf = (sources: readonly Source[]) => [...new Set(sources.map((s) => s.publisher))];

/** The credit line of an embed page and its snippets: a few publishers are named; past that it counts them, so it stays one line. */
function creditLine(sources: readonly Source[], lang: Lang): string {
  const t = useTranslations(lang);
  const publishers = publishersOf(sources);
  const rest = publishers.length > 3 ? `; ${t('chart.sourceCount', { reports: sources.length, publishers: publishers.length })}` : publishers.length ? `; ${publishers.join(', ')}` : '';
  return `${t('chart.source')}: Batik Kota (CC BY 4.0)${rest}.`;
}

/** What a chart's image files say of it beside the chart: title, sources and site, date of the build and licence. */
export function imageCaption(entry: ChartEmbed, lang: Lang, site: URL): ImageCaption {
  const t = useTranslations(lang);
  const { sources } = entry.chart;
  const publishers = publishersOf(sources);
  // A few publishers are named; past that they are counted, and the list is on the site.
  const cited =
    publishers.length > IMAGE_PUBLISHERS
      ? `; ${t('chart.sourceCount', { reports: sources.length, publishers: publishers.length })} (${t('embed.imageSourceList', { address: `${site.host}${href({ page: 'sources' }, lang)}` })})`
      : publishers.length
        ? `; ${publishers.join(', ')}`
        : '';
  return {
    title: entry.chart.chart.title,
    source: `${t('chart.source')}: Batik Kota, ${siteAddress(site)}${cited}.`,
    imprint: `${t('embed.imageDate', { date: formatPartialDate(buildDate(), lang)! })} · ${t('embed.licence')}`,
  };
}

/** The title of a city's profile card. */
export const profileTitle = (entry: ProfileEmbed, lang: Lang) => useTranslations(lang)('embed.profileTitle', { city: cityName(entry.profile.city, lang) });

/** How an embed is described for embedding, in the language of its page. */
export function describeEmbed(entry: EmbedEntry, lang: Lang, site: URL): EmbedDescription {
  const t = useTranslations(lang);
  const common = { slug: entry.slug, lang, site, linkText: t('embed.fullPage'), moreText: t('embed.ampMore') };
  if (entry.kind === 'chart') {
    const { chart, sources } = entry.chart;
    const size = svgSize(chart.svg);
    const image = hasImage(entry) ? imageLayout(size, imageCaption(entry, lang, site)) : null;
    return {
      ...common,
      title: chart.title,
      takeaway: chart.takeaway,
      description: chart.description,
      ...size,
      credit: creditLine(sources, lang),
      link: new URL(`${href(entry.page, lang)}#${chartAnchor(entry.slug)}`, site).href,
      image: image && { width: image.width, height: image.height },
    };
  }
  const { profile } = entry;
  const years = profile.years ? (profile.years[0] === profile.years[1] ? String(profile.years[0]) : `${profile.years[0]}–${profile.years[1]}`) : null;
  const takeaway = years
    ? t('embed.profileCoverage', { n: profile.sources.length, years })
    : t('embed.profileCoverageUndated', { n: profile.sources.length });
  return {
    ...common,
    title: profileTitle(entry, lang),
    takeaway,
    description: takeaway,
    ...PROFILE_SIZE,
    credit: creditLine(profile.sources, lang),
    link: new URL(href(entry.page, lang), site).href,
    image: null,
  };
}

/** Whether a chart gets image files: every chart up to IMAGE_MAX_HEIGHT. */
const hasImage = (entry: ChartEmbed) => svgSize(entry.chart.chart.svg).height <= IMAGE_MAX_HEIGHT;

export const embedEntries = (lang: Lang) => siteEmbeds(siteModel(), lang);
export const embedEntry = (lang: Lang, slug: string) => siteEmbed(siteModel(), lang, slug)!;
export const chartEmbed = (lang: Lang, slug: string) => embedEntry(lang, slug) as ChartEmbed;
export const profileEmbed = (lang: Lang, city: string) => embedEntry(lang, profileSlug(city)) as ProfileEmbed;
/**
 * The routes of each kind of embed page: charts at /embed/[slug]/ with their images, profile
 * cards at /embed/profile-[city]/, a page of their own kind (and stylesheet).
 */
export const embedPaths = (lang: Lang) => embedEntries(lang).flatMap((e) => (e.kind === 'chart' ? [{ params: { slug: e.slug } }] : []));
/** The charts with image files beside their embed page (chart.svg, chart.png). */
export const imagePaths = (lang: Lang) => embedEntries(lang).flatMap((e) => (e.kind === 'chart' && hasImage(e) ? [{ params: { slug: e.slug } }] : []));
export const profilePaths = (lang: Lang) => embedEntries(lang).flatMap((e) => (e.kind === 'profile' ? [{ params: { city: e.profile.city.id } }] : []));

/** The files beside each embed page: a chart as SVG and PNG (2×), and every embed's oEmbed JSON. */
export async function embedFile(file: 'svg' | 'png' | 'oembed', lang: Lang, slug: string, site: URL): Promise<Response> {
  const entry = embedEntry(lang, slug);
  if (file === 'oembed') return new Response(`${JSON.stringify(oembed(describeEmbed(entry, lang, site)), null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed' } });
  if (entry.kind !== 'chart' || !hasImage(entry)) throw new Error(`${slug} has no image files`);
  const svg = chartImageSvg(entry.chart.chart.svg, CHART_CSS, imageCaption(entry, lang, site));
  return file === 'svg'
    ? new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
    : new Response(new Uint8Array(await svgToPng(svg, svgSize(svg).width * 2)), { headers: { 'Content-Type': 'image/png' } });
}
