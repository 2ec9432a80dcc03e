import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync, gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteCharts } from '../../src/charts/catalogue';
import { embedHref, embedWidth, fallbackHeight, svgSize } from '../../src/lib/embed';
import { href } from '../../src/lib/routes';
import { siteModel } from '../../src/lib/site';
import budgets from '../budgets.json';
import { htmlFiles, pageAddress, page } from '../helpers/dist';
import { headerPolicyProblems, parseHeadersFile } from '../helpers/serve';

/** Embeds in dist/: every chart of the site, in both languages, as page, SVG, PNG and oEmbed. */
const dist = 'dist';
/** The address the site was built for (astro.config.mjs reads the same variable). */
const SITE = new URL(process.env.SITE_URL ?? 'http://localhost:4321');
const isEmbed = (address: string) => /^\/(en\/)?embed\//.test(address);
const entries = (['id', 'en'] as const).flatMap((lang) => siteCharts(siteModel(), lang).embeddable.map((entry) => ({ lang, entry })));

beforeAll(() => {
  if (!existsSync(`${dist}/index.html`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

/** Width and height of a PNG, after inflating its image data to prove it decodes. */
function decodePng(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  // 8-bit RGBA: one filter byte and four bytes a pixel on every row.
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * 4));
  return { width, height };
}

describe.each(entries.map(({ lang, entry }) => [`${embedHref(entry.slug, lang)}`, lang, entry] as const))('embed %s', (address, lang, entry) => {
  const folder = join(dist, address);

  it('exists as a page, an SVG, a PNG and oEmbed JSON that agree', () => {
    const $ = page(dist, address);
    const svgFile = readFileSync(join(folder, 'chart.svg'), 'utf8');
    const oembed = JSON.parse(readFileSync(join(folder, 'oembed.json'), 'utf8')) as Record<string, unknown>;
    const title = entry.chart.title;
    expect($('h1').text()).toBe(title);
    expect($('html').attr('lang')).toBe(lang);
    expect(oembed.title).toBe(title);
    expect(load(svgFile, { xml: true })('svg > title').text()).toBe(title);
    // Same figures: the embed, the image and the full page carry the very same chart.
    const full = page(dist, href(entry.page, lang));
    expect($('figure svg').toString()).toBe(full(`figure[data-chart="${entry.slug}"] svg`).toString());
    const texts = (svg: string) => load(svg, { xml: true })('text').map((_, el) => load(el, { xml: true }).text()).get().join('|');
    expect(texts(svgFile)).toBe(texts($('figure svg').toString()));
  });

  it('has a PNG that decodes at twice the stated size', () => {
    const oembed = JSON.parse(readFileSync(join(folder, 'oembed.json'), 'utf8')) as { thumbnail_width: number; thumbnail_height: number };
    const size = svgSize(entry.chart.svg);
    expect(decodePng(readFileSync(join(folder, 'chart.png')))).toEqual({ width: size.width * 2, height: size.height * 2 });
    expect([oembed.thumbnail_width, oembed.thumbnail_height]).toEqual([size.width * 2, size.height * 2]);
  });

  it('has valid oEmbed JSON of type rich', () => {
    const o = JSON.parse(readFileSync(join(folder, 'oembed.json'), 'utf8')) as Record<string, unknown>;
    expect(o.version).toBe('1.0');
    expect(o.type).toBe('rich');
    expect(Number.isInteger(o.width) && Number.isInteger(o.height)).toBe(true);
    expect(o.height).toBe(fallbackHeight(svgSize(entry.chart.svg).height));
    expect(typeof o.html).toBe('string');
    const iframe = load(o.html as string)('iframe');
    expect(new URL(iframe.attr('src')!).pathname).toBe(address);
    expect(iframe.attr('title')).toBe(entry.chart.title);
    expect(iframe.attr('loading')).toBe('lazy');
    expect(iframe.attr('sandbox')).toContain('allow-popups');
    expect(iframe.attr('sandbox')).not.toContain('allow-same-origin');
    // Sized by attributes and the host script, never by a style attribute a host's CSP may refuse.
    expect(iframe.attr('width')).toBe(String(o.width));
    expect(iframe.attr('height')).toBe(String(o.height));
    expect(o.width).toBe(embedWidth(svgSize(entry.chart.svg)));
    expect(o.html).not.toMatch(/\sstyle=/i);
    expect(o.provider_name).toBe('Batik Kota');
    for (const key of ['provider_url', 'thumbnail_url']) expect(new URL(o[key] as string).protocol).toMatch(/^https?:$/);
  });

  it('is bare: no site furniture, nothing from another origin, no cookies', () => {
    const $ = page(dist, address);
    expect($('.site-header, .site-footer, nav')).toHaveLength(0);
    $('[src], link[href]').each((_, el) => {
      const target = $(el).attr('src') ?? $(el).attr('href')!;
      if ($(el).attr('rel') === 'canonical' || $(el).attr('rel') === 'alternate') return;
      // The empty icon is inline, so no request is made for it.
      if ($(el).attr('rel') === 'icon' && target === 'data:,') return;
      expect(target.startsWith('/') && !target.startsWith('//'), target).toBe(true);
    });
    expect($('a[target="_blank"]').attr('rel')).toContain('noopener');
    for (const src of $('script[src]').map((_, el) => $(el).attr('src')).get()) expect(readFileSync(join(dist, src), 'utf8')).not.toMatch(/cookie|localStorage/);
  });

  it('is linked from its page and from itself with absolute oEmbed discovery', () => {
    const oembed = new URL(`${address}oembed.json`, SITE).href;
    const full = page(dist, href(entry.page, lang));
    expect(full(`link[type="application/json+oembed"][href="${oembed}"]`)).toHaveLength(1);
    expect(page(dist, address)('link[type="application/json+oembed"]').attr('href')).toBe(oembed);
    expect(full(`#chart-${entry.slug} details.embed textarea`)).toHaveLength(3);
  });

  it('offers an image snippet with its size in attributes and no style attribute', () => {
    const full = page(dist, href(entry.page, lang));
    const snippet = full(`#chart-${entry.slug} details.embed textarea`).eq(1).text();
    const img = load(snippet)('img');
    const size = svgSize(entry.chart.svg);
    expect([img.attr('width'), img.attr('height')]).toEqual([String(size.width), String(size.height)]);
    expect(snippet).not.toMatch(/\sstyle=/i);
  });
});

describe('oEmbed discovery and robots', () => {
  const pages = htmlFiles(dist).map((f) => pageAddress(dist, f));

  it('every oEmbed discovery link on every page is an absolute address on the site', () => {
    const links = pages.flatMap((address) =>
      page(dist, address)('link[type="application/json+oembed"]').map((_, el) => ({ address, href: page(dist, address)(el).attr('href') ?? '' })).get(),
    );
    expect(links.length).toBeGreaterThanOrEqual(entries.length * 2);
    const notAbsolute = links.filter(({ href: h }) => !URL.canParse(h) || new URL(h).origin !== SITE.origin || !new URL(h).pathname.endsWith('/oembed.json'));
    expect(notAbsolute).toEqual([]);
  });

  it('embed pages are indexed only inside the articles that embed them, and no other page is told anything', () => {
    expect(pages.filter(isEmbed)).toHaveLength(entries.length);
    for (const address of pages) {
      const robots = page(dist, address)('meta[name="robots"]').map((_, el) => page(dist, address)(el).attr('content')).get();
      expect(robots, address).toEqual(isEmbed(address) ? ['noindex, indexifembedded'] : []);
    }
  });
});

describe('embed size', () => {
  it(`an embed page stays within its budget (${budgets.anyEmbed.gzipBytes} bytes gzip)`, () => {
    const sizes = entries.map(({ lang, entry }) => {
      const address = embedHref(entry.slug, lang);
      const $ = page(dist, address);
      const files = [join(dist, address, 'index.html'), ...$('link[rel="stylesheet"], script[src]').map((_, el) => join(dist, $(el).attr('href') ?? $(el).attr('src')!)).get()];
      return { address, bytes: files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0) };
    });
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`embed: largest ${largest.address} ${largest.bytes} B gzip (budget ${budgets.anyEmbed.gzipBytes} B)`);
    expect(largest.bytes).toBeLessThanOrEqual(budgets.anyEmbed.gzipBytes);
  });
});

describe('security headers', () => {
  it('grant framing only to embed pages, with one policy per page', () => {
    const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
    const paths = htmlFiles(dist).map((f) => pageAddress(dist, f));
    expect(paths.filter((p) => p.startsWith('/embed/') || p.startsWith('/en/embed/')).length).toBe(entries.length);
    expect(headerPolicyProblems(rules, paths)).toEqual([]);
  });
});
