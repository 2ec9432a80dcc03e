import type { Lang } from './format';
import { escapeXml } from './escape';

/**
 * The three forms a newsroom can copy for any chart — a responsive iframe, a static image and
 * oEmbed — built from one description of the embed. The host script and the message it
 * accepts are versioned: a change of shape gets a new file name.
 */
export const HOST_SCRIPT_PATH = '/embed/host-v1.js';
/**
 * The embed page's own script: applies ?theme=light|dark and posts
 * {type: "batik-kota:height", version: 1, height} to the parent whenever the content's height
 * changes. A classic script, not a module: inside a sandboxed iframe the page has an opaque
 * origin, and a module script would need CORS headers from every host.
 */
export const FRAME_SCRIPT_PATH = '/embed/frame-v1.js';
/** The iframe height when the host script does not run (no JavaScript, or stripped by a CMS). */
export const fallbackHeight = (chartHeight: number) => Math.round(chartHeight + 190);

/** The widest the iframe gets: the chart and the embed page's margins. */
export const embedWidth = (d: Pick<EmbedDescription, 'width'>) => d.width + 40;

export const embedHref = (slug: string, lang: Lang) => `${lang === 'id' ? '' : '/en'}/embed/${slug}/`;

export interface EmbedDescription {
  slug: string;
  lang: Lang;
  title: string;
  takeaway: string;
  /** Text alternative of the chart. */
  description: string;
  /** Size of the chart in CSS pixels (the PNG is twice as large). */
  width: number;
  height: number;
  /** Credit line: the site and the publishers of the reports. */
  credit: string;
  /** Absolute address of the site, e.g. https://batik.example/. */
  site: URL;
}

/** Which embed, and the site it is on: enough to address any of its files. */
type EmbedAddress = Pick<EmbedDescription, 'slug' | 'lang' | 'site'>;
const abs = (d: EmbedAddress, path: string) => new URL(path, d.site).href;
export const embedUrl = (d: EmbedAddress) => abs(d, embedHref(d.slug, d.lang));
export const imageUrl = (d: EmbedAddress, format: 'svg' | 'png') => abs(d, `${embedHref(d.slug, d.lang)}chart.${format}`);
/** Absolute, as oEmbed discovery requires: a consumer fetches it from wherever it found the link. */
export const oembedUrl = (d: EmbedAddress) => abs(d, `${embedHref(d.slug, d.lang)}oembed.json`);

/**
 * The snippets carry no style attribute: a host page whose Content-Security-Policy forbids
 * inline styles (style-src without 'unsafe-inline') would refuse it. The iframe states its
 * size in attributes — the chart's full width and the fallback height, as the oEmbed JSON
 * does — and the host script makes it as wide as the column up to that width, borderless and
 * as tall as its content, through the CSSOM, which such a policy allows. Without the host
 * script the iframe keeps those attributes (and the browser's default border).
 */
export function iframeSnippet(d: EmbedDescription): string {
  return (
    `<iframe src="${escapeXml(embedUrl(d))}" title="${escapeXml(d.title)}" width="${embedWidth(d)}" height="${fallbackHeight(d.height)}" loading="lazy" ` +
    `sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" data-batik-embed></iframe>` +
    `<script src="${escapeXml(abs(d, HOST_SCRIPT_PATH))}" async></script>`
  );
}

/**
 * The image at its own size, with width and height so the page keeps its place while it
 * loads. Shrinking it to a narrow column is the host's stylesheet's job
 * (img { max-width: 100%; height: auto }), since the snippet has no style of its own.
 */
export function imageSnippet(d: EmbedDescription): string {
  return (
    `<figure><img src="${escapeXml(imageUrl(d, 'png'))}" width="${d.width}" height="${d.height}" alt="${escapeXml(d.description)}">` +
    `<figcaption>${escapeXml(d.title)}. ${escapeXml(d.takeaway)} ${escapeXml(d.credit)}</figcaption></figure>`
  );
}

export function oembed(d: EmbedDescription) {
  return {
    version: '1.0',
    type: 'rich',
    provider_name: 'Batik Kota',
    provider_url: d.site.href,
    title: d.title,
    html: iframeSnippet(d),
    width: embedWidth(d),
    height: fallbackHeight(d.height),
    thumbnail_url: imageUrl(d, 'png'),
    thumbnail_width: d.width * 2,
    thumbnail_height: d.height * 2,
    cache_age: 86400,
  };
}

/** Size of a chart SVG from its width and height attributes. */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(open)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(open)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('the chart SVG has no width and height');
  return { width: Math.round(width), height: Math.round(height) };
}

/**
 * The chart as a file for an <img>: its CSS inside, on a white ground, since an image cannot
 * use the page's stylesheet.
 */
export function standaloneSvg(svg: string, css: string): string {
  return svg.replace(/<svg\b[^>]*>/, (open) => `${open}<style>${css}</style><rect width="100%" height="100%" fill="#ffffff"/>`);
}
