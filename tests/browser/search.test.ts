import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/format';
import { loadDataset } from '../../src/lib/load';
import { dataPaths } from '../../src/lib/paths';
import { href, SEARCH_BUNDLE } from '../../src/lib/routes';
import { PAGE_CSP, SEARCH_CSP } from '../../src/lib/security-headers';
import { CONTEXT, collectCsp, describeIssues, noIssues, servedSite, visit, type PageIssues } from '../helpers/browser';
import { htmlFiles, pageAddress } from '../helpers/dist';

/**
 * The site's search in Chromium, served with the site's own headers: the search page's policy
 * allows WebAssembly for Pagefind and nothing inline. An Indonesian or English query finds the
 * right city and event pages, and only pages of its own language; a report is a result of its
 * own on the sources page; no other page loads anything of the search, and the search page
 * fetches Pagefind only once the reader starts. Without JavaScript the page says how else to
 * find things. What to expect is taken from the data, so new records never break it.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` first`);
const dataset = loadDataset(dataPaths({})).dataset!;
const searchPage = (lang: Lang) => href({ page: 'search' }, lang);

const site = servedSite(dist);

/** Type a query into the search page, press Enter, and return the results' addresses in order. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.fill('#search-query', query);
  await page.press('#search-query', 'Enter');
  // The status line names the query once its results are shown (or that there are none).
  await page.waitForFunction((q) => (document.querySelector('[data-search-status]')?.textContent ?? '').includes(`“${q}”`), query.trim(), { timeout: 15_000 });
  return page.$$eval('[data-search-results] > li > .search-title a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

async function openSearch(lang: Lang, run: (page: Page, issues: PageIssues) => Promise<void>): Promise<void> {
  const page = await site.context.newPage();
  try {
    const issues = await visit(page, site.server.origin, searchPage(lang));
    await run(page, issues);
    await collectCsp(page, issues);
    expect(describeIssues(searchPage(lang), issues)).toEqual([]);
    expect(noIssues(issues)).toBe(true);
  } finally {
    await page.close();
  }
}

/** A city's name as a reader types it, in each language: "Kota Blitar", "Blitar City". */
const cityNames = (lang: Lang) => dataset.cities.map((c) => ({ query: lang === 'id' ? c.name : c.name_en, address: href({ page: 'city', id: c.id }, lang) }));
/** The first event of each city, by its title in each language. */
const eventTitles = (lang: Lang) =>
  dataset.cities.flatMap((c) => {
    const e = dataset.events.find((x) => x.city === c.id);
    return e ? [{ query: lang === 'id' ? e.title : e.title_en, address: href({ page: 'event', id: e.id }, lang) }] : [];
  });

describe('what loads the search', () => {
  it('only the search pages carry its script, and no page links Pagefind itself', () => {
    const scriptsOf = (address: string) => {
      const $ = load(readFileSync(join(dist, address.endsWith('/') ? `${address}index.html` : address), 'utf8'));
      return $('script[src]').map((_, el) => $(el).attr('src')!).get();
    };
    const searchScripts = new Set((['id', 'en'] as const).flatMap((lang) => scriptsOf(searchPage(lang))));
    expect(searchScripts.size).toBeGreaterThan(0);
    for (const file of htmlFiles(dist)) {
      const address = pageAddress(dist, file);
      const html = readFileSync(file, 'utf8');
      expect(html, address).not.toContain(`${SEARCH_BUNDLE}pagefind`);
      if (address === searchPage('id') || address === searchPage('en')) continue;
      expect(scriptsOf(address).filter((s) => searchScripts.has(s)), address).toEqual([]);
    }
  });

  it('serves the search pages, and only them, a policy that allows WebAssembly', async () => {
    for (const lang of ['id', 'en'] as const) {
      const response = await fetch(`${site.server.origin}${searchPage(lang)}`);
      expect(response.headers.get('content-security-policy')).toBe(SEARCH_CSP);
    }
    const home = await fetch(`${site.server.origin}/`);
    expect(home.headers.get('content-security-policy')).not.toContain('wasm-unsafe-eval');
  });

  it("needs the search policy's 'wasm-unsafe-eval': under the pages' policy Chromium refuses Pagefind, and the page says so", async () => {
    const page = await site.context.newPage();
    try {
      // The search page served as any other page is: PAGE_CSP, no WebAssembly.
      await page.route(`${site.server.origin}${searchPage('en')}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': PAGE_CSP } });
      });
      const issues = await visit(page, site.server.origin, searchPage('en'));
      await page.fill('#search-query', 'batik');
      await page.press('#search-query', 'Enter');
      await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('[data-search-status]')?.textContent ?? ''), null, { timeout: 15_000 });
      await collectCsp(page, issues);
      expect(issues.cspViolations.join('\n')).toMatch(/script-src blocked wasm-eval/);
      expect(await page.$$('[data-search-results] > li')).toHaveLength(0);
    } finally {
      await page.close();
    }
  });

  it('fetches Pagefind only once the reader turns to the search field', async () => {
    await openSearch('id', async (page) => {
      const bundle = () => site.server.requests.filter((r) => r.path.startsWith(SEARCH_BUNDLE)).length;
      const before = bundle();
      await page.waitForTimeout(300);
      expect(bundle()).toBe(before);
      const entry = page.waitForResponse((r) => new URL(r.url()).pathname === `${SEARCH_BUNDLE}pagefind-entry.json`);
      await page.focus('#search-query');
      await entry;
      expect(bundle()).toBeGreaterThan(before);
    });
  });
});

describe.each(['id', 'en'] as const)('searching in %s', (lang) => {
  it("finds a city's page first by the city's name", async () => {
    await openSearch(lang, async (page) => {
      for (const { query, address } of cityNames(lang)) expect((await search(page, query))[0], query).toBe(address);
    });
  });

  it('finds an event by its title, among the first three results', async () => {
    await openSearch(lang, async (page) => {
      const cases = eventTitles(lang);
      expect(cases.length).toBeGreaterThan(0);
      for (const { query, address } of cases) expect((await search(page, query)).slice(0, 3), query).toContain(address);
    });
  });

  it("returns only pages of the page's own language, never the search page, an embed or the 404", async () => {
    await openSearch(lang, async (page) => {
      const results = await search(page, 'batik');
      expect(results.length).toBeGreaterThan(0);
      for (const address of results) {
        expect(address.startsWith('/en/'), address).toBe(lang === 'en');
        expect(address, address).not.toMatch(/^\/(en\/)?(embed\/|404)/);
        expect(address.split('#')[0]).not.toBe(searchPage(lang));
      }
    });
  });
});

describe('reports and organisations', () => {
  it('a report is a result of its own: its entry on the sources page', async () => {
    const report = dataset.sources.find((s) => s.title !== null && s.rejected === null && (dataset.recordsBySource.get(s.id)?.length ?? 0) > 0)!;
    await openSearch('id', async (page) => {
      await search(page, report.title!);
      const sections = await page.$$eval('[data-search-results] > li ul a', (links) => links.map((a) => a.getAttribute('href')));
      expect(sections).toContain(`${href({ page: 'sources' }, 'id')}#${report.id}`);
    });
  });

  it("an organisation's name finds the events it organised", async () => {
    const organiser = dataset.organisations.find((o) => dataset.events.some((e) => e.organiser === o.id))!;
    const theirs = new Set(dataset.events.filter((e) => e.organiser === organiser.id).map((e) => href({ page: 'event', id: e.id }, 'en')));
    await openSearch('en', async (page) => {
      const results = await search(page, organiser.name_en);
      expect(results.slice(0, 10).some((a) => theirs.has(a)), results.join(' ')).toBe(true);
    });
  });
});

describe('without JavaScript', () => {
  it.each(['id', 'en'] as const)('the %s search page says how else to find things', async (lang) => {
    const context = await site.browser.newContext({ ...CONTEXT, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      const issues = await visit(page, site.server.origin, searchPage(lang), { javaScript: false });
      expect(describeIssues(searchPage(lang), issues)).toEqual([]);
      // No form that cannot work; the sentence that says so, the lists to browse and a search engine.
      expect(await page.isVisible('form[role="search"]')).toBe(false);
      const text = (await page.textContent('main'))!.replace(/\s+/g, ' ');
      expect(await page.isVisible('[data-search-noscript]')).toBe(true);
      expect(text).toContain(lang === 'id' ? 'memerlukan JavaScript' : 'needs JavaScript');
      expect(text).toMatch(/site:\S+/);
      const links = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
      for (const c of dataset.cities) expect(links).toContain(href({ page: 'city', id: c.id }, lang));
      expect(links).toEqual(expect.arrayContaining([href({ page: 'sources' }, lang), href({ page: 'data' }, lang)]));
    } finally {
      await context.close();
    }
  });
});
