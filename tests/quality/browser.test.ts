import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOX_CLASS, NARROW_CLASS } from '../../src/charts/render';
import { axeViolations, describeViolations, installAxe } from '../helpers/axe';
import { CONTEXT, describeIssues, horizontalOverflow, servedSite, visit } from '../helpers/browser';
import { htmlFiles, pageAddress } from '../helpers/dist';
import { headerPolicyProblems } from '../helpers/serve';
import { tally } from '../helpers/tally';

/**
 * Every built page in a real browser, served with the site's own security headers: it
 * loads with no console error, no failed request, no request to another origin and no
 * Content-Security-Policy violation, and axe-core finds no WCAG 2.0/2.1 A or AA violation
 * in the light or the dark colour scheme (embeds included: pages are found by walking the
 * build); the sortable tables work by keyboard; the home and city pages fit a 320 px phone;
 * and with JavaScript off the charts and tables are all still there.
 */
// The built site; BATIK_OUT_DIR (as in astro.config.mjs) points at another build.
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` before \`npx vitest run tests/quality\``);
const addresses = htmlFiles(dist).map((f) => pageAddress(dist, f));
const EMBED = /^\/(en\/)?embed\//;

const site = servedSite(dist);

const withPage = async <T>(ctx: BrowserContext, run: (page: Page) => Promise<T>): Promise<T> => {
  const page = await ctx.newPage();
  try {
    return await run(page);
  } finally {
    await page.close();
  }
};

/** What each page's built HTML holds that picks it for a check below, read once per page. */
const holds = new Map(
  addresses.map((a) => {
    const html = readFileSync(join(dist, a.endsWith('/') ? `${a}index.html` : a), 'utf8');
    return [a, { sortableTable: html.includes('data-sortable'), narrowChart: html.includes(NARROW_CLASS) }] as const;
  }),
);

type Scheme = 'light' | 'dark';

/**
 * axe in each colour scheme in turn, switched in place as a reader's system setting would
 * switch it; the violations as readable lines.
 */
async function auditInSchemes(page: Page, address: string, label: string, schemes: readonly Scheme[]): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    // An embed takes its theme from its address, not from the reader's setting: the dark one is
    // what ?theme=dark sets on its root before the first paint (src/styles/embed-style.ts).
    if (EMBED.test(address)) await page.evaluate((theme) => document.documentElement.setAttribute('data-theme', theme), scheme);
    const violations = await axeViolations(page);
    tally('axe runs');
    tally('axe violations', violations.reduce((n, v) => n + v.nodes.length, 0));
    found.push(...describeViolations(`${label} (${scheme})`, violations));
  }
  return found;
}

describe('served headers', () => {
  it('every page gets exactly one Content-Security-Policy with one framing rule, and only embeds may be framed', () => {
    expect(headerPolicyProblems(site.server.rules, addresses)).toEqual([]);
  });

  it('the server answers misses with the 404 page and status 404, and folders with their index', async () => {
    const miss = await fetch(`${site.server.origin}/no-such-page/`);
    expect(miss.status).toBe(404);
    expect(miss.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await miss.text()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
    const home = await fetch(`${site.server.origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    const icon = await fetch(`${site.server.origin}/favicon.svg`);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const folder = await fetch(`${site.server.origin}/sumber`, { redirect: 'manual' });
    expect([folder.status, folder.headers.get('location')]).toEqual([301, '/sumber/']);
    expect((await fetch(`${site.server.origin}/_headers`)).status).toBe(404);
  });
});

describe('every page in the browser', () => {
  /**
   * The audit's own context, with axe-core loaded into every page before the page's scripts
   * (tests/helpers/axe.ts says how, with the page's real policy on). axe only defines itself
   * on the page, so the load is the load a reader gets and is checked here too: one load per
   * page for both checks.
   */
  let audit: BrowserContext;
  beforeAll(async () => {
    audit = await site.browser.newContext({ ...CONTEXT, colorScheme: 'light' });
    await installAxe(audit);
  });
  afterAll(() => audit?.close());

  it('embeds are audited whenever they are built', () => {
    const embeds = ['embed', 'en/embed'].filter((d) => existsSync(join(dist, d))).flatMap((d) => htmlFiles(join(dist, d)));
    expect(addresses.filter((a) => EMBED.test(a))).toHaveLength(embeds.length);
  });

  // A few pages at a time: while one page waits on its requests, another is laid out or audited.
  // Each page then shares the CPU with the others under way, so it is allowed three times the
  // usual minute (at 60 s, 13 of 445 pages timed out on a heavily loaded machine).
  it.concurrent.for(addresses)('%s loads cleanly and has no WCAG 2.1 A/AA violation in the light or the dark scheme', { timeout: 180_000 }, async (address, { expect }) => {
    const page = await audit.newPage();
    try {
      const issues = await visit(page, site.server.origin, address);
      tally('pages checked');
      tally('browser loads');
      tally('console errors', issues.consoleErrors.length + issues.pageErrors.length);
      tally('CSP violations', issues.cspViolations.length);
      tally('failed requests', issues.failedRequests.length + issues.foreignRequests.length);
      expect.soft(describeIssues(address, issues)).toEqual([]);
      expect(await auditInSchemes(page, address, address, ['light', 'dark'])).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a missing page answers 404 with the site 404 page, cleanly', async () => {
    const issues = await withPage(site.context, async (page) => {
      const found = await visit(page, site.server.origin, '/tidak-ada/', { expectStatus: 404 });
      expect(await page.locator('h1').count()).toBe(1);
      return found;
    });
    tally('browser loads');
    expect(describeIssues('/tidak-ada/', issues)).toEqual([]);
  });
});

/** The order of the table's rows, and each row's key in a column, read as the script reads it. */
const rowsOf = (page: Page, table: number, column: number) =>
  page.evaluate(
    ([t, c]) => {
      const el = document.querySelectorAll<HTMLTableElement>('table[data-sortable]')[t]!;
      return Array.from(el.tBodies[0]!.rows).map((r) => {
        const cell = r.cells[c];
        return { row: r.textContent?.replace(/\s+/g, ' ').trim() ?? '', key: cell?.dataset['sort'] ?? cell?.textContent?.trim() ?? '' };
      });
    },
    [table, column] as const,
  );

/** Whether keys are in order: blanks last, numbers as numbers, text by locale. */
function inOrder(keys: string[], direction: 'ascending' | 'descending'): boolean {
  const filled = keys.filter((k) => k !== '');
  if (keys.slice(filled.length).some((k) => k !== '')) return false;
  const numeric = filled.every((k) => Number.isFinite(Number(k)));
  for (let i = 1; i < filled.length; i++) {
    const [a, b] = [filled[i - 1]!, filled[i]!];
    const order = numeric ? Number(a) - Number(b) : a.localeCompare(b);
    if (direction === 'ascending' ? order > 0 : order < 0) return false;
  }
  return true;
}

const sortablePages = addresses.filter((a) => holds.get(a)!.sortableTable);

describe('sortable tables by keyboard', () => {
  it('some pages have sortable tables', () => {
    expect(sortablePages.length).toBeGreaterThan(0);
  });

  it.each(sortablePages)('%s: header buttons, visible focus, Enter and Space sort and set aria-sort', async (address) => {
    await withPage(site.context, async (page) => {
      const issues = await visit(page, site.server.origin, address);
      expect(describeIssues(address, issues)).toEqual([]);
      // Every column heading of every sortable table is a button.
      const headings = await page.evaluate(() =>
        Array.from(document.querySelectorAll('table[data-sortable]')).map((t) => {
          const ths = Array.from(t.querySelectorAll('thead tr:first-child > th'));
          return { headings: ths.length, buttons: ths.filter((th) => th.querySelector(':scope > button[type="button"]')).length };
        }),
      );
      expect(headings.length).toBeGreaterThan(0);
      for (const h of headings) expect(h.buttons, 'a button in every column heading').toBe(h.headings);

      // Tab from the top of the page to the first heading button.
      let reached = false;
      for (let i = 0; i < 300 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.matches('table[data-sortable] thead th > button') ?? false);
      }
      expect(reached, 'a heading button is reachable with Tab').toBe(true);
      const focus = await page.evaluate(() => {
        const b = document.activeElement as HTMLElement;
        const s = getComputedStyle(b);
        const th = b.closest('th')!;
        const table = b.closest('table')!;
        return {
          outlineStyle: s.outlineStyle,
          outlineWidth: s.outlineWidth,
          table: Array.from(document.querySelectorAll('table[data-sortable]')).indexOf(table),
          column: Array.from(th.parentElement!.children).indexOf(th),
        };
      });
      expect(focus.outlineStyle, 'the focused button shows an outline').not.toBe('none');
      expect(parseFloat(focus.outlineWidth)).toBeGreaterThan(0);

      const ariaSort = () => page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort') ?? null);
      const before = await rowsOf(page, focus.table, focus.column);
      expect(await ariaSort()).toBeNull();

      await page.keyboard.press('Enter');
      expect(await ariaSort()).toBe('ascending');
      const ascending = await rowsOf(page, focus.table, focus.column);
      expect(inOrder(ascending.map((r) => r.key), 'ascending'), ascending.map((r) => r.key).join(' | ')).toBe(true);
      expect([...ascending.map((r) => r.row)].sort()).toEqual([...before.map((r) => r.row)].sort());

      await page.keyboard.press('Space');
      expect(await ariaSort()).toBe('descending');
      const descending = await rowsOf(page, focus.table, focus.column);
      expect(inOrder(descending.map((r) => r.key), 'descending'), descending.map((r) => r.key).join(' | ')).toBe(true);
      if (new Set(before.map((r) => r.key)).size > 1) expect(descending.map((r) => r.row)).not.toEqual(ascending.map((r) => r.row));
      // Only the sorted column says how it is sorted.
      const sorted = await page.evaluate((t) => document.querySelectorAll('table[data-sortable]')[t]!.querySelectorAll('th[aria-sort]').length, focus.table);
      expect(sorted).toBe(1);
    });
  });
});

describe('on a 320 px phone', () => {
  // Home and every city page in both languages, and every page with a chart drawn in a narrow
  // layout: no horizontal scrolling of the page itself (wide tables scroll inside their own
  // wrapper). At 320 px a chart shows its narrow layout, which the full-width audit above never
  // sees (it is hidden there), and tables scroll in their wrappers, so axe runs again here.
  // Once, in the dark scheme a phone at night uses: what the width changes is the page's
  // structure, and the charts' colours at every width and in both schemes are checked by
  // tests/browser/charts-legibility.test.ts (axe does not read SVG text).
  const narrow = addresses.filter((a) => a === '/' || a === '/en/' || /^\/(kota|en\/city)\/[^/]+\/$/.test(a) || holds.get(a)!.narrowChart);

  let phone: BrowserContext;
  beforeAll(async () => {
    phone = await site.browser.newContext({ ...CONTEXT, viewport: { width: 320, height: 640 } });
    await installAxe(phone);
  });
  afterAll(() => phone?.close());

  it('pages other than home and the cities have narrow charts to audit', () => {
    expect(narrow.filter((a) => /^\/(en\/)?(banding|compare|metrik|metric|embed)\//.test(a)).length).toBeGreaterThan(0);
  });

  it.concurrent.for(narrow)('%s fits 320 px, and has no WCAG 2.1 A/AA violation there in the dark scheme', { timeout: 180_000 }, async (address) => {
    const page = await phone.newPage();
    try {
      const issues = await visit(page, site.server.origin, address);
      tally('browser loads');
      expect(describeIssues(address, issues)).toEqual([]);
      const { width, culprits } = await horizontalOverflow(page);
      expect(width, `${address} is ${width} px wide at 320 px: ${culprits.join('; ')}`).toBeLessThanOrEqual(321);
      // Each chart drawn in a wide and a narrow layout shows the narrow one, and only it.
      const shown = await page.evaluate(
        ([box, narrowClass]) =>
          Array.from(document.querySelectorAll(`.${box}`))
            .filter((b) => b.querySelector(`svg.${narrowClass}`))
            .map((b) => Array.from(b.querySelectorAll('svg')).filter((svg) => svg.checkVisibility()).map((svg) => svg.classList.contains(narrowClass))),
        [BOX_CLASS, NARROW_CLASS] as const,
      );
      expect(shown.filter((visible) => visible.length !== 1 || !visible[0]), 'charts not in their narrow layout at 320 px').toEqual([]);
      expect(await auditInSchemes(page, address, `${address} at 320 px`, ['dark'])).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('with JavaScript off', () => {
  // Home, a city and a metric page in both languages.
  const samples = ['/', '/en/', addresses.find((a) => a.startsWith('/kota/')), addresses.find((a) => a.startsWith('/en/city/')), addresses.find((a) => a.startsWith('/metrik/')), addresses.find((a) => a.startsWith('/en/metric/'))];

  it('the sample pages exist', () => {
    expect(samples.every((s) => s !== undefined)).toBe(true);
  });

  /**
   * Charts and tables on the page, and the paths (child indexes from <body>) of the
   * containers the served HTML hides until a script shows them. Those containers hold
   * JavaScript-only widgets by design (e.g. the pair composer, whose output table is built
   * in the browser); anything else must not depend on JavaScript.
   */
  const census = (page: Page, hiddenPaths: number[][] | null) =>
    page.evaluate((paths) => {
      const pathOf = (el: Element): number[] => {
        const out: number[] = [];
        for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) out.unshift(Array.from(e.parentElement!.children).indexOf(e));
        return out;
      };
      const at = (path: number[]) => path.reduce<Element | undefined>((e, i) => e?.children[i], document.body);
      const jsOnly = (paths ?? Array.from(document.querySelectorAll('body [hidden]')).map(pathOf)).map(at).filter((e): e is Element => e !== undefined);
      const outside = (els: Element[]) => els.filter((el) => !jsOnly.some((c) => c.contains(el)));
      // A chart is its box: of its SVGs (a wide and a narrow layout), the one that fits the column shows.
      const charts = outside(Array.from(document.querySelectorAll('figure.chart-figure .batik-chart-box')));
      const tables = outside(Array.from(document.querySelectorAll('table')));
      const shown = (chart: Element) => Array.from(chart.querySelectorAll('svg')).some((svg) => svg.checkVisibility());
      return {
        charts: charts.length,
        tables: tables.length,
        invisible: [...charts.filter((c) => !shown(c)), ...tables.filter((el) => !el.checkVisibility())].map((el) => el.outerHTML.slice(0, 120)),
        hiddenPaths: Array.from(document.querySelectorAll('body [hidden]')).map(pathOf),
      };
    }, hiddenPaths);

  it.each(samples.filter((s): s is string => s !== undefined))('%s keeps every chart and table', async (address) => {
    const off = await site.browser.newContext({ ...CONTEXT, javaScriptEnabled: false });
    try {
      const page = await off.newPage();
      const issues = await visit(page, site.server.origin, address, { javaScript: false });
      tally('browser loads');
      expect(describeIssues(address, issues)).toEqual([]);
      const without = await census(page, null);
      const on = await withPage(site.context, async (p) => {
        await visit(p, site.server.origin, address);
        return census(p, without.hiddenPaths);
      });
      expect({ charts: without.charts, tables: without.tables }).toEqual({ charts: on.charts, tables: on.tables });
      expect(without.tables).toBeGreaterThan(0);
      expect(without.invisible, 'charts and tables are visible without JavaScript').toEqual([]);
    } finally {
      await off.close();
    }
  });
});
