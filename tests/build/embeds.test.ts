import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync, gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteEmbeds, type EmbedEntry } from '../../src/charts/catalogue';
import { describeEmbed, imageCaption } from '../../src/components/embeds';
import { EMBED_THEMES, ampSnippet, embedHref, embedUrl, embedWidth, fallbackHeight, iframeSnippet, imageSnippet, imageSize, svgSize, tailorSnippet } from '../../src/lib/embed';
import { formatPartialDate } from '../../src/lib/format';
import { HEADLINE_METRICS } from '../../src/lib/metrics';
import { qualifierParts, qualifierPhrase } from '../../src/lib/qualifiers';
import { chartAnchor, href } from '../../src/lib/routes';
import { siteModel } from '../../src/lib/site';
import { BUILDER_UI, BUILDER_UI_SEPARATOR } from '../../src/scripts/embed-builder-ui';
import { EMBED_THEME_SCRIPT } from '../../src/styles/embed-style';
import budgets from '../budgets.json';
import { htmlFiles, pageAddress, page } from '../helpers/dist';
import { cspSourceOf, headerPolicyProblems, headersFor, parseHeadersFile } from '../helpers/serve';

/**
 * Embeds in dist/: every chart of the site, in both languages, as page, SVG, PNG and oEmbed,
 * and every city's profile card as page and oEmbed; the panels that offer them; the builder.
 */
const dist = 'dist';
/** The address the site was built for (astro.config.mjs reads the same variable). */
const SITE = new URL(process.env.SITE_URL ?? 'http://localhost:4321');
const isEmbed = (address: string) => /^\/(en\/)?embed\//.test(address);
const all = (['id', 'en'] as const).flatMap((lang) => siteEmbeds(siteModel(), lang).map((embed) => ({ lang, embed })));
type ChartEmbed = Extract<EmbedEntry, { kind: 'chart' }>;
type ProfileEmbed = Extract<EmbedEntry, { kind: 'profile' }>;
const entries = all.flatMap(({ lang, embed }) => (embed.kind === 'chart' ? [{ lang, entry: embed.chart, embed }] : []));
const profiles = all.flatMap(({ lang, embed }) => (embed.kind === 'profile' ? [{ lang, embed }] : []));
const site = new URL('/', SITE);
/** An embed panel's snippet of one kind, as built into the page (iframe, amp, image, oembed). */
const snippetOn = ($: ReturnType<typeof page>, slug: string, kind: string) => $(`#embed-${slug}-${kind}`).text();

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

describe.each(entries.map(({ lang, entry, embed }) => [`${embedHref(entry.slug, lang)}`, lang, entry, embed] as const))('embed %s', (address, lang, entry, embed) => {
  const folder = join(dist, address);
  const d = describeEmbed(embed as ChartEmbed, lang, site);

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
    const texts = (svg: string, selector = 'text') => load(svg, { xml: true })(selector).map((_, el) => load(el, { xml: true }).text()).get().join('|');
    // The image is the chart's wide layout, the first of the SVGs the page carries (see chartMarkup).
    expect(texts(svgFile, 'g[data-part="chart"] text')).toBe(texts($('figure svg').first().toString()));
  });

  it('has images that carry their title, sources and site, the date of the build and the licence', () => {
    const svgFile = load(readFileSync(join(folder, 'chart.svg'), 'utf8'), { xml: true });
    const caption = imageCaption(embed as ChartEmbed, lang, site);
    const lines = (part: string) => svgFile(`g[data-part="${part}"] text`).map((_, el) => svgFile(el).text()).get();
    expect(lines('title').join(' ')).toBe(entry.chart.title);
    const credit = lines('credit').join(' ');
    expect(credit).toContain(SITE.host);
    // A few publishers are named; more are counted, with where the list is.
    const publishers = new Set(entry.sources.map((s) => s.publisher));
    if (publishers.size <= 4) for (const publisher of publishers) expect(credit).toContain(publisher);
    else expect(credit).toContain(`${SITE.host}${href({ page: 'sources' }, lang)}`);
    expect(credit).toContain('CC BY 4.0');
    // The build's date: today, or yesterday when the build ran before midnight (UTC).
    const day = (ago: number) => formatPartialDate(new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10), lang)!;
    expect([day(0), day(1)].some((date) => credit.includes(date)), credit).toBe(true);
    expect(credit).toBe(`${caption.source} ${caption.imprint}`);
    // Nothing of the frame is cut: every line fits the image's width at the font's widest.
    for (const line of [...lines('title'), ...lines('credit')]) expect(line.length, line).toBeLessThan(svgSize(svgFile.xml()).width / 6);
  });

  it('has a PNG that decodes at twice the size of the image', () => {
    const oembed = JSON.parse(readFileSync(join(folder, 'oembed.json'), 'utf8')) as { thumbnail_width: number; thumbnail_height: number };
    const size = svgSize(readFileSync(join(folder, 'chart.svg'), 'utf8'));
    expect(size).toEqual(d.image);
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
    expect(full(`#${chartAnchor(entry.slug)} details.embed textarea`)).toHaveLength(4);
  });

  it('links back to the chart on its page, not the top of the page', () => {
    const link = new URL(page(dist, address)('.credit a').attr('href')!);
    expect(link.origin).toBe(SITE.origin);
    expect(link.pathname).toBe(href(entry.page, lang));
    expect(link.hash).toBe(`#${chartAnchor(entry.slug)}`);
    expect(page(dist, link.pathname)(link.hash)).toHaveLength(1);
    const caption = load(snippetOn(page(dist, href(entry.page, lang)), entry.slug, 'image'))('figcaption a');
    expect(caption.attr('href')).toBe(link.href);
  });

  it('offers the snippets as built, light and full width, an AMP one among them', () => {
    const $ = page(dist, href(entry.page, lang));
    expect(snippetOn($, entry.slug, 'iframe')).toBe(iframeSnippet(d));
    expect(snippetOn($, entry.slug, 'image')).toBe(imageSnippet(d));
    const amp = load(snippetOn($, entry.slug, 'amp'))('amp-iframe');
    expect(amp.attr('src')).toBe(embedUrl(d));
    expect(new URL(amp.attr('src')!).origin).toBe(SITE.origin);
    // As wide as the column, at the fallback height until the content asks AMP for its own.
    expect([amp.attr('width'), amp.attr('height'), amp.attr('layout')]).toEqual([undefined, String(fallbackHeight(d.height)), 'fixed-height']);
    expect(amp.attr('sandbox')!.split(' ')).toEqual(expect.arrayContaining(['allow-scripts', 'allow-same-origin', 'allow-popups']));
    expect(amp.attr('resizable')).toBe('');
    expect(amp.children('[overflow]')).toHaveLength(1);
    expect(amp.attr('title')).toBe(entry.chart.title);
  });

  it('offers an image snippet with its size in attributes and no style attribute', () => {
    const full = page(dist, href(entry.page, lang));
    const snippet = snippetOn(full, entry.slug, 'image');
    const img = load(snippet)('img');
    const size = imageSize(d);
    expect([img.attr('width'), img.attr('height')]).toEqual([String(size.width), String(size.height)]);
    expect(snippet).not.toMatch(/\sstyle=/i);
  });
});

describe.each(profiles.map(({ lang, embed }) => [embedHref(embed.slug, lang), lang, embed as ProfileEmbed] as const))('profile embed %s', (address, lang, embed) => {
  const d = describeEmbed(embed, lang, site);
  const $ = () => page(dist, address);

  it('is a card of the city\'s headline figures with their qualifiers, linking to the city page', () => {
    expect($()('h1').text()).toBe(d.title);
    expect($()('h1').text()).toContain(lang === 'id' ? embed.profile.city.name : embed.profile.city.name_en);
    const { profile } = embed;
    for (const metric of HEADLINE_METRICS) {
      const value = profile.metrics[metric];
      const dd = $()(`.profile-card [data-metric="${metric}"]`);
      expect(dd.find('[data-value]').attr('data-value'), metric).toBe(value.value === null ? '' : String(value.value));
      // Every part that is a target, an inference or a facility not yet built is said, with its size.
      const said = dd.find('[data-qualifier]').map((_, el) => $()(el).text()).get();
      expect(said, metric).toEqual(qualifierParts(value).map((part) => qualifierPhrase(part, lang)));
    }
    const link = new URL($()('.credit a').attr('href')!);
    expect(link.pathname).toBe(href(embed.page, lang));
    expect($()('.credit a').attr('rel')).toContain('noopener');
    expect($()('link[rel="canonical"]').attr('href')).toBe(new URL(href(embed.page, lang), SITE).href);
  });

  it('is offered on the city page, with its oEmbed discoverable there, and has no image files', () => {
    const city = page(dist, href(embed.page, lang));
    expect(city(`#embed-${embed.slug} textarea`)).toHaveLength(3);
    expect(snippetOn(city, embed.slug, 'iframe')).toBe(iframeSnippet(d));
    expect(snippetOn(city, embed.slug, 'amp')).toBe(ampSnippet(d));
    expect(city(`link[type="application/json+oembed"][href="${new URL(`${address}oembed.json`, SITE).href}"]`)).toHaveLength(1);
    const oembed = JSON.parse(readFileSync(join(dist, address, 'oembed.json'), 'utf8')) as Record<string, unknown>;
    expect([oembed.type, oembed.title, oembed.width, oembed.height]).toEqual(['rich', d.title, embedWidth(d), fallbackHeight(d.height)]);
    expect(oembed).not.toHaveProperty('thumbnail_url');
    expect(existsSync(join(dist, address, 'chart.png'))).toBe(false);
  });
});

describe('qualifiers on the profile cards', () => {
  // Each kind of qualifier the card knows appears on some card of the real data, in both languages.
  it.each([
    ['participants', 'sasaran', 'target'],
    ['certified', 'disimpulkan', 'inferred'],
    ['facilities', 'direncanakan', 'planned'],
  ])('%s: "%s" / "%s"', (metric, id, en) => {
    const shown = profiles.map(({ lang, embed }) => ({ lang, text: page(dist, embedHref(embed.slug, lang))(`[data-metric="${metric}"] [data-qualifier]`).text() }));
    expect(shown.some(({ lang, text }) => lang === 'id' && text.includes(id))).toBe(true);
    expect(shown.some(({ lang, text }) => lang === 'en' && text.includes(en))).toBe(true);
  });
});

describe('the embed builder', () => {
  it('tailors a snippet as built to each theme and width exactly as the snippet functions make it', () => {
    for (const { lang, embed } of all) {
      const d = describeEmbed(embed, lang, site);
      for (const theme of EMBED_THEMES)
        for (const width of [undefined, 320, 480]) {
          const o = { theme, width };
          expect(tailorSnippet(iframeSnippet(d), embedUrl(d), o)).toBe(iframeSnippet(d, o));
          expect(tailorSnippet(ampSnippet(d), embedUrl(d), o)).toBe(ampSnippet(d, o));
          if (d.image) expect(tailorSnippet(imageSnippet(d), embedUrl(d), o)).toBe(imageSnippet(d, o));
        }
    }
  });

  it('caps the iframe only at a width the journalist chose', () => {
    const d = describeEmbed(all[0]!.embed, all[0]!.lang, site);
    expect(load(iframeSnippet(d))('iframe').attr('data-batik-max-width')).toBeUndefined();
    const chosen = load(iframeSnippet(d, { width: 480 }))('iframe');
    expect([chosen.attr('width'), chosen.attr('data-batik-max-width')]).toEqual(['480', '480']);
  });

  it('themes only the address of the embed page, and only light leaves it bare', () => {
    const d = describeEmbed(all[0]!.embed, all[0]!.lang, site);
    expect(load(iframeSnippet(d, { theme: 'dark' }))('iframe').attr('src')).toBe(`${embedUrl(d)}?theme=dark`);
    expect(load(ampSnippet(d, { theme: 'auto' }))('amp-iframe').attr('src')).toBe(`${embedUrl(d)}?theme=auto`);
    expect(iframeSnippet(d, { theme: 'light' })).toBe(iframeSnippet(d));
    expect(load(iframeSnippet(d, { theme: 'dark' }))('script').attr('src')).toMatch(/\/embed\/host-v1\.js$/);
  });

  it('is in the page only as a small loader, on the pages that have an embed panel, with the words of their language', () => {
    const pages = htmlFiles(dist).map((f) => pageAddress(dist, f)).filter((a) => !isEmbed(a));
    let loaders = 0;
    for (const address of pages) {
      const $ = page(dist, address);
      const scripts = $('script[src]').map((_, el) => $(el).attr('src')!).get();
      const loader = scripts.filter((src) => src.includes('EmbedPanel'));
      const panels = $('details[data-embed-builder]');
      expect(loader.length, address).toBe(panels.length > 0 ? 1 : 0);
      expect(scripts.filter((src) => src.includes('embed-builder')), address).toEqual([]);
      panels.each((_, el) => {
        const words = $(el).attr('data-ui')!.split(BUILDER_UI_SEPARATOR);
        expect(words).toHaveLength(BUILDER_UI.length);
        expect(words.every((w) => w.trim() !== ''), address).toBe(true);
        // Without JavaScript the panel is its snippets to select and copy: no control waits for a script.
        expect($(el).find('textarea[readonly]').length).toBeGreaterThanOrEqual(3);
        expect($(el).find('button, select, input')).toHaveLength(0);
      });
      if (loader.length) {
        loaders++;
        const code = readFileSync(join(dist, loader[0]!), 'utf8');
        const builder = /"(\/_astro\/embed-builder[^"]*\.js)"/.exec(code)?.[1];
        expect(builder, 'the loader names the builder').toBeDefined();
        expect(existsSync(join(dist, builder!))).toBe(true);
        expect(gzipSync(readFileSync(join(dist, loader[0]!))).length).toBeLessThanOrEqual(400);
      }
    }
    expect(loaders).toBeGreaterThan(0);
  });
});

describe('the embed pages\' theme', () => {
  it('is light as built: the root says so, and the inline theme script in the head switches it only for ?theme=dark or auto', () => {
    for (const { lang, embed } of all) {
      const $ = page(dist, embedHref(embed.slug, lang));
      expect($('html').attr('data-theme')).toBe('light');
      // Before the body, so the first paint has the theme; the only inline script, the one the policy's hash allows.
      expect($('head > script:not([src])').map((_, el) => $(el).html()).get()).toEqual([EMBED_THEME_SCRIPT]);
      expect($('script:not([src])')).toHaveLength(1);
    }
    expect(EMBED_THEME_SCRIPT).toContain("t==='dark'");
    expect(EMBED_THEME_SCRIPT).toContain("t==='auto'&&window.matchMedia");
    const frame = readFileSync(join(dist, 'embed/frame-v1.js'), 'utf8');
    expect(frame).not.toContain('data-theme');
    expect(frame).toContain("type: 'batik-kota:height', version: 1");
    expect(frame).toContain("sentinel: 'amp', type: 'embed-size'");
  });

  it('has its dark palette written once, under one selector, and no light-dark() of its own', () => {
    for (const { lang, embed } of all) {
      const address = embedHref(embed.slug, lang);
      const css = page(dist, address)('style').text();
      // Each colour is set twice, light and dark, and the dark ones only under the root's data-theme.
      for (const property of ['--bg', '--fg', '--muted', '--link', '--rule']) expect(css.split(`${property}:`), `${address} ${property}`).toHaveLength(3);
      expect(css, address).not.toContain('prefers-color-scheme');
      expect(css.match(/:root\[data-theme=[^\]]*\]/g), address).toEqual([":root[data-theme='dark']"]);
      // The charts' neutrals use light-dark() behind @supports (their light colours are the fallback); the embed's own colours do not.
      expect(css.split('@supports')[0], address).not.toContain('light-dark(');
    }
  });
});

describe('oEmbed discovery and robots', () => {
  const pages = htmlFiles(dist).map((f) => pageAddress(dist, f));

  it('every oEmbed discovery link on every page is an absolute address on the site', () => {
    const links = pages.flatMap((address) =>
      page(dist, address)('link[type="application/json+oembed"]').map((_, el) => ({ address, href: page(dist, address)(el).attr('href') ?? '' })).get(),
    );
    expect(links.length).toBeGreaterThanOrEqual(all.length * 2);
    const notAbsolute = links.filter(({ href: h }) => !URL.canParse(h) || new URL(h).origin !== SITE.origin || !new URL(h).pathname.endsWith('/oembed.json'));
    expect(notAbsolute).toEqual([]);
  });

  it('embed pages are indexed only inside the articles that embed them, and no other page is told anything', () => {
    expect(pages.filter(isEmbed)).toHaveLength(all.length);
    for (const address of pages) {
      const robots = page(dist, address)('meta[name="robots"]').map((_, el) => page(dist, address)(el).attr('content')).get();
      expect(robots, address).toEqual(isEmbed(address) ? ['noindex, indexifembedded'] : []);
    }
  });
});

describe("an embed page's first paint", () => {
  const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
  const sources = (directive: string) => (address: string) => {
    const csp = headersFor(rules, address).headers.get('content-security-policy') ?? '';
    return (new RegExp(`(?:^|;)\\s*${directive} ([^;]+)`).exec(csp)?.[1] ?? '').trim().split(/\s+/);
  };
  const styleSources = sources('style-src');
  const scriptSources = sources('script-src');

  it('needs one response: its one stylesheet and its theme script are inline, allowed by their hashes in the policy it is served with, and its script file waits', () => {
    const carried = new Set<string>();
    const scripts = new Set<string>();
    for (const { lang, embed } of all) {
      const address = embedHref(embed.slug, lang);
      const $ = page(dist, address);
      expect($('link[rel="stylesheet"], link[rel="preload"], link[rel="modulepreload"]'), address).toHaveLength(0);
      expect($('style'), address).toHaveLength(1);
      const hash = cspSourceOf($('style').text());
      expect(styleSources(address), address).toContain(hash);
      carried.add(hash);
      // A style attribute would be refused (a hash allows a <style> element only).
      expect($('[style]'), address).toHaveLength(0);
      $('script').each((_, el) => {
        if ($(el).attr('src') === undefined) {
          const inline = cspSourceOf($(el).html()!);
          expect(scriptSources(address), address).toContain(inline);
          scripts.add(inline);
        } else expect($(el).is('[defer], [async]'), `${address} ${$(el).attr('src')} blocks the parser`).toBe(true);
      });
    }
    // The policy allows the texts the pages carry and nothing else: only hashes, every one in use.
    expect(new Set(styleSources('/embed/any/'))).toEqual(carried);
    expect(new Set(styleSources('/en/embed/any/'))).toEqual(carried);
    expect(scripts.size).toBe(1);
    expect(scriptSources('/embed/any/')).toEqual(["'self'", ...scripts]);
    expect(scriptSources('/en/embed/any/')).toEqual(["'self'", ...scripts]);
  });
});

describe('embed size', () => {
  it(`an embed page stays within its budget (${budgets.anyEmbed.gzipBytes} bytes gzip)`, () => {
    const sizes = all.map(({ lang, embed }) => {
      const address = embedHref(embed.slug, lang);
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
    expect(paths.filter((p) => p.startsWith('/embed/') || p.startsWith('/en/embed/')).length).toBe(all.length);
    expect(headerPolicyProblems(rules, paths)).toEqual([]);
  });
});
