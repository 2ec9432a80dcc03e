import { withBase } from './base';
import type { Lang } from './format';
import { escapeXml } from './escape';

/**
 * The forms a newsroom can copy for any embed — a responsive iframe, an AMP iframe, a static
 * image and oEmbed — built from one description of the embed. The host script and the message
 * it accepts are versioned: a change of shape gets a new file name. The two scripts' paths are
 * from the root of the site (public/embed/); they are served under its base.
 */
export const HOST_SCRIPT_PATH = '/embed/host-v1.js';
/**
 * The embed page's own script: applies ?theme=dark|auto and posts the content's height to the
 * parent whenever it changes. The theme goes on the root as the one in effect (data-theme
 * "dark", or "light" as built), which the stylesheet keys its one dark palette off: for "auto"
 * the script follows the reader's prefers-color-scheme, as it changes (through addListener,
 * deprecated but, unlike addEventListener on a media query, in every browser, Safari before 14
 * included). The script is served as written, so its comments are few. The height goes in two
 * shapes: {type: "batik-kota:height", version: 1, height} for our host script, and
 * {sentinel: "amp", type: "embed-size", height} for an AMP page's <amp-iframe resizable>. A
 * classic script, not a module: inside a sandboxed iframe the page has an opaque origin, and a
 * module script would need CORS headers from every host.
 */
export const FRAME_SCRIPT_PATH = '/embed/frame-v1.js';
/** The iframe height when the host script does not run (no JavaScript, or stripped by a CMS). */
export const fallbackHeight = (contentHeight: number) => Math.round(contentHeight + 190);

/** The widest the iframe gets: the content and the embed page's margins. */
export const embedWidth = (d: Pick<EmbedDescription, 'width'>) => d.width + 40;

export const embedHref = (slug: string, lang: Lang) => withBase(`${lang === 'id' ? '' : '/en'}/embed/${slug}/`);
/** The slug of a city's profile card: /embed/profile-<city>/. Chart slugs never start with "profile-". */
export const profileSlug = (cityId: string) => `profile-${cityId}`;

/**
 * Embeds are light unless the snippet asks otherwise: a news page is white whatever the
 * reader's phone is set to. "auto" follows the reader's prefers-color-scheme.
 */
export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
/** Narrower widths a newsroom can choose for the iframe and the image, beside the full width. */
export const EMBED_WIDTHS = [320, 480, 640] as const;

export interface EmbedDescription {
  slug: string;
  lang: Lang;
  title: string;
  takeaway: string;
  /** Text alternative of the content. */
  description: string;
  /** Size of the content in CSS pixels: the chart, or a profile card's nominal size. */
  width: number;
  height: number;
  /** Credit line: the site and the publishers of the reports. */
  credit: string;
  /** Absolute address of the content on the site: the chart's figure on its page, or the city's page. */
  link: string;
  /** The words of the link back, and of the AMP iframe's "show all" button. */
  linkText: string;
  moreText: string;
  /** Size of the PNG and SVG files in CSS pixels (the PNG is twice as large); null when there are none. */
  image: { width: number; height: number } | null;
  /** Absolute address of the site's home, e.g. https://batik.example/ or https://example.org/batik/ (siteRoot). */
  site: URL;
}

/** How the builder on a chart's page tailors a snippet; left out, the embed is light and full width. */
export interface SnippetOptions {
  theme?: EmbedTheme | undefined;
  width?: number | undefined;
}

/** Which embed, and the site it is on: enough to address any of its files. */
type EmbedAddress = Pick<EmbedDescription, 'slug' | 'lang' | 'site'>;
/** `address` is already under the base (embedHref), so only the origin of `site` is taken from it. */
const abs = (d: EmbedAddress, address: string) => new URL(address, d.site).href;
/** The embed page's address; light needs no parameter, as it is the default. */
export const embedUrl = (d: EmbedAddress, theme: EmbedTheme = 'light') => abs(d, embedHref(d.slug, d.lang)) + themeQuery(theme);
export const themeQuery = (theme: EmbedTheme) => (theme === 'light' ? '' : `?theme=${theme}`);
export const imageUrl = (d: EmbedAddress, format: 'svg' | 'png') => abs(d, `${embedHref(d.slug, d.lang)}chart.${format}`);
/** Absolute, as oEmbed discovery requires: a consumer fetches it from wherever it found the link. */
export const oembedUrl = (d: EmbedAddress) => abs(d, `${embedHref(d.slug, d.lang)}oembed.json`);

/** The sandbox of our iframe snippet: scripts for the height, and links that open a normal tab. */
const IFRAME_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';

/**
 * The snippets carry no style attribute: a host page whose Content-Security-Policy forbids
 * inline styles (style-src without 'unsafe-inline') would refuse it. The iframe states its
 * size in attributes for when the host script does not run — the content's full width (or the
 * width chosen in the builder) and the fallback height, as the oEmbed JSON does — and the host
 * script makes it as wide as the column, borderless and as tall as its content, through the
 * CSSOM, which such a policy allows; the chart inside takes its wide or narrow layout from the
 * width it gets. A width chosen in the builder is also the most the script makes it
 * (data-batik-max-width). Without the host script the iframe keeps its attributes (and the
 * browser's default border).
 */
export function iframeSnippet(d: EmbedDescription, o: SnippetOptions = {}): string {
  return (
    `<iframe src="${escapeXml(embedUrl(d, o.theme))}" title="${escapeXml(d.title)}" width="${o.width ?? embedWidth(d)}" height="${fallbackHeight(d.height)}" loading="lazy" ` +
    `sandbox="${IFRAME_SANDBOX}"${o.width === undefined ? '' : ` data-batik-max-width="${o.width}"`} data-batik-embed></iframe>` +
    `<script src="${escapeXml(abs(d, withBase(HOST_SCRIPT_PATH)))}" async></script>`
  );
}

/**
 * For AMP pages, which allow no script of ours: an <amp-iframe> that the AMP runtime resizes
 * when the embed page asks with AMP's own message ({sentinel: "amp", type: "embed-size"}).
 * AMP requires `resizable` with an `overflow` child (the button the reader taps when the
 * runtime will not resize on its own, e.g. while the frame is on screen), an https address on
 * another origin than the AMP page's when the sandbox has allow-same-origin, and the frame
 * 600 px or 75% of the viewport below the top of the page. layout="fixed-height" (with no width)
 * makes it as wide as the column at the fallback height until the content asks for its own, so
 * the width choice does not apply; a responsive layout would keep the full width's proportions
 * and start a narrow column's frame far too short, as a chart grows taller, not shorter, when
 * narrow. AMP draws no border unless frameborder says so. allow-same-origin is AMP's
 * usual sandbox; our embed pages set no cookies and read no storage.
 * allow-popups-to-escape-sandbox lets the link back open a normal tab.
 */
export function ampSnippet(d: EmbedDescription, o: SnippetOptions = {}): string {
  return (
    `<amp-iframe src="${escapeXml(embedUrl(d, o.theme))}" title="${escapeXml(d.title)}" height="${fallbackHeight(d.height)}" layout="fixed-height" ` +
    `sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" resizable>` +
    `<div overflow tabindex="0" role="button">${escapeXml(d.moreText)}</div></amp-iframe>`
  );
}

/** The image's size at a chosen width, keeping its proportions. */
export function imageSize(d: EmbedDescription, width?: number): { width: number; height: number } {
  const image = d.image ?? { width: d.width, height: d.height };
  const w = width ?? image.width;
  return { width: w, height: Math.round((image.height * w) / image.width) };
}

/**
 * The image at its own size (or the chosen width), with width and height so the page keeps its
 * place while it loads. Shrinking it to a narrow column is the host's stylesheet's job
 * (img { max-width: 100%; height: auto }), since the snippet has no style of its own. The
 * image itself carries the title, the source line, the date and the licence; the caption
 * links to the chart on its page.
 */
export function imageSnippet(d: EmbedDescription, o: SnippetOptions = {}): string {
  const size = imageSize(d, o.width);
  return (
    `<figure><img src="${escapeXml(imageUrl(d, 'png'))}" width="${size.width}" height="${size.height}" alt="${escapeXml(d.description)}">` +
    `<figcaption>${escapeXml(d.title)}. ${escapeXml(d.takeaway)} ${escapeXml(d.credit)} <a href="${escapeXml(d.link)}">${escapeXml(d.linkText)}</a></figcaption></figure>`
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
    ...(d.image ? { thumbnail_url: imageUrl(d, 'png'), thumbnail_width: d.image.width * 2, thumbnail_height: d.image.height * 2 } : {}),
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A snippet as built (light, full width), re-addressed for a theme and a width: what the
 * builder in the embed panel does as the journalist chooses, without knowing how the snippet
 * was made. `page` is the embed page's address (embedUrl, light). The theme changes the
 * address of the embed page wherever the snippet frames it; the width is the iframe's widest
 * (its width attribute and data-batik-max-width), and the image's width with its height in
 * proportion. The AMP snippet has no width: it fills the column. iframeSnippet(d, o) equals
 * tailorSnippet(iframeSnippet(d), embedUrl(d), o), and so for each snippet (a test checks it).
 */
export function tailorSnippet(snippet: string, page: string, o: SnippetOptions): string {
  let s = snippet.replace(new RegExp(`( src=")${escapeRegExp(escapeXml(page))}(?:\\?theme=\\w+)?"`), (_, attr: string) => `${attr}${escapeXml(page + themeQuery(o.theme ?? 'light'))}"`);
  const width = o.width;
  if (width === undefined) return s;
  if (s.startsWith('<iframe ')) s = s.replace(/ width="\d+"/, ` width="${width}"`).replace(' data-batik-embed>', ` data-batik-max-width="${width}" data-batik-embed>`);
  else if (s.startsWith('<figure>'))
    s = s.replace(/ width="(\d+)" height="(\d+)"/, (_, w: string, h: string) => ` width="${width}" height="${Math.round((Number(h) * width) / Number(w))}"`);
  return s;
}
