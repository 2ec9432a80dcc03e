import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticDataset } from '../../scripts/synthetic';
import { loadDataset } from '../../src/lib/load';
import { EMBED_CSP, PAGE_CSP, SEARCH_CSP } from '../../src/lib/security-headers';
import { BUILD } from '../helpers/build';
import { htmlFiles, pageAddress, resolves } from '../helpers/dist';
import { brokenLinks } from '../helpers/links';
import { headersFor, parseHeadersFile } from '../helpers/serve';
import { temporaryFolders } from '../helpers/temp';

/**
 * A site published under a sub-path, as a GitHub Pages project site is: a small synthetic
 * dataset built with SITE_URL=https://example.org/batik/. The built folder is served at
 * /batik/, so every address the site writes must carry that path: absolute ones (canonical,
 * hreflang, sitemap, og:image, oEmbed, embed snippets) the whole of SITE_URL, and every link,
 * asset, form and stylesheet reference /batik/, resolving to a file of the folder.
 */
const BASE = '/batik/';
const SITE = `https://example.org${BASE}`;
const root = temporaryFolders()('batik-sub-path-');
const { dataDir, reportsDir } = writeSyntheticDataset(root, { cities: 3, eventsPerCity: 2 });
const out = join(root, 'dist');
/**
 * The addresses of other pages the data names (the reports, where a city's coordinates come
 * from): the synthetic ones are on the same host, https://example.org/synthetic/…, outside the
 * site's folder, and are links out of the site like any report's.
 */
const dataset = loadDataset({ dataDir, reportsDir }).dataset!;
const cited = new Set([...dataset.sources.map((s) => s.url), ...dataset.cities.map((c) => c.coordinates_source)]);

/** Every file of the build with the given ending, as its address from the root of the folder. */
function filesEnding(ending: string, dir = out): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesEnding(ending, path);
      return name.endsWith(ending) ? [`/${relative(out, path).split(sep).join('/')}`] : [];
    });
}
const read = (address: string) => readFileSync(join(out, address), 'utf8');
const isEmbed = (address: string) => /^\/(en\/)?embed\//.test(address);

/** Whether an absolute address is on the site, and names a file of the build. */
function onSite(address: string): boolean {
  if (!address.startsWith(SITE)) return false;
  const path = new URL(address).pathname;
  return resolves(out, `/${path.slice(BASE.length)}`);
}

/**
 * What is wrong with an address written in a page or stylesheet read at `at` (its address in the
 * folder), or null: a same-page fragment, another site, mailto: and data: are left alone; the
 * site's own addresses must begin with the base (or SITE_URL) and name a file of the build.
 */
function internalProblem(value: string, at: string): string | null {
  const target = value.trim();
  if (target.startsWith('#') || /^(mailto|data):/i.test(target)) return null;
  if (/^https?:\/\//i.test(target) && (!target.startsWith('https://example.org/') || cited.has(target.split('#')[0]!))) return null;
  if (target.startsWith('https://example.org/')) return onSite(target.split('#')[0]!) ? null : `${at} → ${target} (not a file of the build under ${SITE})`;
  if (!target.startsWith(BASE)) return `${at} → ${target} (does not begin with ${BASE})`;
  return resolves(out, `/${target.slice(BASE.length)}`) ? null : `${at} → ${target} (no such file)`;
}

beforeAll(() => {
  execFileSync(BUILD[0], BUILD.slice(1), {
    // BASE_URL as Vitest sets it: an environment variable of that name must not undo the base
    // (Astro's server-side code would read it as import.meta.env.BASE_URL).
    env: { ...process.env, BASE_URL: '/', SITE_URL: SITE, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: reportsDir, BATIK_OUT_DIR: out },
    stdio: 'pipe',
    encoding: 'utf8',
  });
}, 240_000);

describe('a site built for SITE_URL=https://example.org/batik/', () => {
  let parsed: { address: string; $: CheerioAPI }[] | undefined;
  const pages = () => (parsed ??= htmlFiles(out).map((file) => ({ address: pageAddress(out, file), $: load(readFileSync(file, 'utf8')) })));

  it('names every page by its address under SITE_URL: canonical, hreflang, og:url and og:image', () => {
    let canonical = 0;
    for (const { address, $ } of pages()) {
      const absolute = [
        ...$('link[rel="alternate"][hreflang]').map((_, el) => $(el).attr('href')).get(),
        ...$('meta[property="og:url"], meta[property="og:image"]').map((_, el) => $(el).attr('content')).get(),
      ];
      for (const url of absolute) expect(onSite(url), `${address}: ${url}`).toBe(true);
      // The 404 page has no address of its own, so only a share image.
      if (address === '/404.html') {
        expect(absolute, address).toHaveLength(1);
        continue;
      }
      const own = $('link[rel="canonical"]').attr('href');
      canonical++;
      // An embed's canonical address is the page its chart belongs to; any other page is its own,
      // with three language links, og:url and og:image.
      if (isEmbed(address)) {
        expect(onSite(own ?? ''), `${address}: ${own}`).toBe(true);
        continue;
      }
      expect(own, address).toBe(`${SITE}${address.slice(1)}`);
      expect(absolute, address).toHaveLength(5);
    }
    expect(canonical).toBeGreaterThan(20);
  });

  it('lists in the sitemap every page but the embeds, each under SITE_URL', () => {
    const index = load(read('/sitemap-index.xml'), { xml: true });
    const sitemaps = index('sitemap > loc').map((_, el) => index(el).text()).get();
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const url of sitemaps) {
      expect(onSite(url), url).toBe(true);
      const $ = load(read(new URL(url).pathname.slice(BASE.length - 1)), { xml: true });
      listed.push(...$('url > loc').map((_, el) => $(el).text()).get());
    }
    for (const url of listed) expect(onSite(url), url).toBe(true);
    const expected = htmlFiles(out)
      .map((file) => pageAddress(out, file))
      .filter((address) => !isEmbed(address) && address !== '/404.html')
      .map((address) => `${SITE}${address.slice(1)}`);
    expect(listed.sort()).toEqual(expected.sort());
    expect(read('/robots.txt')).toContain(`Sitemap: ${SITE}sitemap-index.xml\n`);
  });

  it('gives oEmbed under SITE_URL: discovery links, and every address in the JSON', () => {
    const discovered = pages().flatMap(({ $ }) => $('link[type="application/json+oembed"]').map((_, el) => $(el).attr('href')!).get());
    expect(discovered.length).toBeGreaterThan(10);
    for (const url of discovered) expect(onSite(url), url).toBe(true);
    const files = filesEnding('oembed.json');
    expect(new Set(discovered).size).toBe(files.length);
    for (const file of files) {
      const json = JSON.parse(read(file)) as { provider_url: string; html: string; thumbnail_url?: string };
      expect(json.provider_url).toBe(SITE);
      if (json.thumbnail_url !== undefined) expect(onSite(json.thumbnail_url), json.thumbnail_url).toBe(true);
      const addresses = [...json.html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      expect(addresses).toHaveLength(2);
      for (const url of addresses) expect(onSite(url.split('?')[0]!), `${file}: ${url}`).toBe(true);
      expect(addresses[1]).toBe(`${SITE}embed/host-v1.js`);
    }
  });

  it('writes every embed snippet, preview and image link with addresses under SITE_URL', () => {
    let snippets = 0;
    for (const { address, $ } of pages()) {
      $('details.embed').each((_, panel) => {
        const $panel = $(panel);
        expect(onSite($panel.attr('data-src')!), `${address}: ${$panel.attr('data-src')}`).toBe(true);
        $panel.find('textarea').each((_, area) => {
          snippets++;
          const urls = [...$(area).text().matchAll(/https?:\/\/[^"'\s<>]+/g)].map((m) => m[0].replace(/&amp;/g, '&'));
          expect(urls.length, `${address}: ${$(area).text()}`).toBeGreaterThan(0);
          for (const url of urls) expect(onSite(url.split(/[?#]/)[0]!), `${address}: ${url}`).toBe(true);
        });
      });
    }
    expect(snippets).toBeGreaterThan(20);
  });

  it('writes every internal href, src, srcset and action in every page under /batik/, each naming a file', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { address, $ } of pages()) {
      $('[href], [src], [action], [srcset]').each((_, el) => {
        const $el = $(el);
        const values = [$el.attr('href'), $el.attr('src'), $el.attr('action'), ...($el.attr('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0])];
        for (const value of values.filter((v): v is string => !!v)) {
          checked++;
          const why = internalProblem(value, address);
          if (why) problems.push(why);
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
    // The same links, anchors included, through the link checker that serves the folder at /batik/.
    expect(brokenLinks(out, BASE).problems).toEqual([]);
  });

  it('points the scripts at files under /batik/: the search bundle, the city summary, the bundled assets', () => {
    const searchPages = pages().filter(({ $ }) => $('form[data-search]').length > 0);
    expect(searchPages.map((p) => p.address).sort()).toEqual(['/cari/', '/en/search/']);
    for (const { $ } of searchPages) {
      const { bundle } = JSON.parse($('form[data-search]').attr('data-search')!) as { bundle: string };
      expect(bundle).toBe(`${BASE}pagefind/`);
      expect(internalProblem(`${bundle}pagefind.js`, 'search bundle')).toBeNull();
    }
    const composers = pages().flatMap(({ $ }) => $('[data-pair-composer]').map((_, el) => JSON.parse($(el).attr('data-pair-composer')!) as { summary: string; pairHref: string }).get());
    expect(composers.length).toBeGreaterThan(0);
    for (const c of composers) {
      expect(internalProblem(c.summary, 'pair composer')).toBeNull();
      expect(c.pairHref.startsWith(BASE)).toBe(true);
    }
    // Vite writes the base into the addresses bundled scripts load (the embed builder, preloads).
    for (const file of filesEnding('.js').filter((f) => f.startsWith('/_astro/'))) expect(read(file), file).not.toMatch(/["'`]\/_astro\//);
  });

  it('writes every url() of every stylesheet under /batik/, each naming a file', () => {
    const sheets = filesEnding('.css');
    expect(sheets.length).toBeGreaterThan(0);
    const problems = sheets.flatMap((sheet) =>
      [...read(sheet).matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].flatMap((m) => {
        // A relative url() in a stylesheet is resolved against the stylesheet, under the base too.
        const value = m[2]!.startsWith('/') || /^[a-z]+:|^#/i.test(m[2]!) ? m[2]! : new URL(m[2]!, `https://example.org${BASE}${sheet.slice(1)}`).href;
        const why = internalProblem(value, sheet);
        return why ? [why] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('writes _headers patterns under /batik/, with each policy where it belongs', () => {
    const rules = parseHeadersFile(read('/_headers'));
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) expect(rule.pattern.startsWith(BASE), rule.pattern).toBe(true);
    const policy = (address: string) => headersFor(rules, address).headers.get('content-security-policy');
    expect(policy(`${BASE}embed/headline/`)).toBe(EMBED_CSP);
    expect(policy(`${BASE}en/search/`)).toBe(SEARCH_CSP);
    expect(policy(BASE)).toBe(PAGE_CSP);
    expect(policy(`${BASE}pagefind/pagefind.js`)).toBe(PAGE_CSP);
    expect(headersFor(rules, `${BASE}no-such-page/`).headers.get('x-frame-options')).toBe('DENY');
  });
});
