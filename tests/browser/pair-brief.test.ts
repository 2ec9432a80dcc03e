import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cityName } from '../../src/lib/dataset';
import { href, pairOrderAnchor } from '../../src/lib/routes';
import { siteModel } from '../../src/lib/site';
import { axeViolations, describeViolations } from '../helpers/axe';
import { CONTEXT, servedSite, withPage } from '../helpers/browser';

/**
 * The two-city brief on paper, in Chromium over the built site: every pair page, in both
 * languages and with either city first, prints on at most two A4 pages, and at the width an
 * A4 page leaves between its margins nothing sticks out or is cut off (a printed table cannot
 * scroll). Printed, the page shows the brief and hides the navigation, the embed panels and the
 * event lists; the order link works without JavaScript, and the print button appears only when
 * the script that runs it does. Pages come from the data, so new records never break it.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` first`);
const site = servedSite(dist);
const MAX_PAGES = 2;
/** What stays on the screen: the navigation, the embed panels, the event lists, the full notes and sources, the controls. */
const PRINT_HIDDEN = ['.site-header nav', 'details.embed', '.pair', '.brief-online-only', '[data-order-switch]', '[data-print-brief]'];

const briefs = siteModel().pairs.flatMap(([a, b]) =>
  (['id', 'en'] as const).flatMap((lang) => {
    const address = href({ page: 'compare', a: a.id, b: b.id }, lang);
    return [
      { address, first: a.id, second: b.id, lang },
      { address: `${address}#${pairOrderAnchor(b.id, lang)}`, first: b.id, second: a.id, lang },
    ];
  }),
);

/** Pages in a PDF: its page objects (Chromium writes one /Type /Page dictionary per page, uncompressed). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;

/** The cities of the brief's figure table the reader sees, in their order. */
const shownOrder = (page: Page) => page.locator('table.brief-table:visible thead th[data-city]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-city')));

/**
 * Runs in the page, in print media: the width between the margins of the A4 @page rule in
 * effect (the last one whose media matches), in CSS px.
 */
function a4ContentWidth(): number {
  const pageRules: CSSPageRule[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSPageRule) pageRules.push(rule);
      else if (rule instanceof CSSMediaRule && matchMedia(rule.conditionText).matches) walk(rule.cssRules);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) if (!sheet.media.mediaText || matchMedia(sheet.media.mediaText).matches) walk(sheet.cssRules);
  const rule = pageRules.filter((r) => /\bA4\b/i.test(r.style.getPropertyValue('size'))).pop();
  if (!rule) throw new Error('no @page rule for A4');
  const mm = (value: string) => {
    const m = /^([\d.]+)mm$/.exec(value.trim());
    if (!m) throw new Error(`@page margin "${value}" is not in mm`);
    return Number(m[1]);
  };
  const width = 210 - mm(rule.style.getPropertyValue('margin-left')) - mm(rule.style.getPropertyValue('margin-right'));
  return Math.floor((width * 96) / 25.4);
}

/** Runs in the page: what sticks out past the page's width, or is wider than its scroll box shows. */
function cutOff(): string[] {
  const limit = document.documentElement.clientWidth;
  const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const visible = Array.from(document.body.querySelectorAll('*')).filter((el) => el.checkVisibility());
  const out = visible.filter((el) => el.getBoundingClientRect().right > limit + 1).map((el) => `${name(el)} ends at ${Math.round(el.getBoundingClientRect().right)} px`);
  const clipped = visible
    .filter((el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${name(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
  return [...(document.documentElement.scrollWidth > limit ? [`the page is ${document.documentElement.scrollWidth} px wide`] : []), ...out, ...clipped];
}

describe('printed on A4', () => {
  it.each(briefs.map((b) => [b.address, b] as const))('%s fits on two pages, nothing cut off', async (address, { first, second }) => {
    await withPage(site, address, CONTEXT, async (page) => {
      await page.emulateMedia({ media: 'print' });
      expect(await shownOrder(page), 'the order the address asks for').toEqual([first, second]);

      const pdf = await page.pdf({ format: 'A4' });
      expect(pdfPages(pdf), `${address} prints on ${pdfPages(pdf)} A4 pages`).toBeGreaterThan(0);
      expect(pdfPages(pdf), `${address} prints on ${pdfPages(pdf)} A4 pages`).toBeLessThanOrEqual(MAX_PAGES);

      await page.setViewportSize({ width: await page.evaluate(a4ContentWidth), height: 1100 });
      expect(await page.evaluate(cutOff), `${address} at A4 width`).toEqual([]);

      // The brief, dated; not the navigation, the embed panels, the event lists or the controls.
      const printed = await page.evaluate((selectors) => selectors.filter((s) => Array.from(document.querySelectorAll(s)).some((el) => el.checkVisibility())), PRINT_HIDDEN);
      expect(printed, 'printed, though they stay online').toEqual([]);
      expect(await page.locator('[data-brief-meta]').isVisible()).toBe(true);
    });
  });
});

describe('the reader’s own city first', () => {
  const [brief] = briefs;

  it('without JavaScript, the order link shows the other city first, and back', async () => {
    await withPage(site, brief!.address, { ...CONTEXT, javaScriptEnabled: false }, async (page) => {
      expect(await shownOrder(page)).toEqual([brief!.first, brief!.second]);
      await page.locator('a[data-order-switch]:visible').click();
      expect(await shownOrder(page)).toEqual([brief!.second, brief!.first]);
      expect(new URL(page.url()).hash).toBe(`#${pairOrderAnchor(brief!.second, brief!.lang)}`);
      await page.locator('a[data-order-switch]:visible').click();
      expect(await shownOrder(page)).toEqual([brief!.first, brief!.second]);
    });
  });

  it('the brief with the other city first passes axe', async () => {
    const reversed = briefs.find((b) => b.address.includes('#'))!;
    await withPage(site, reversed.address, CONTEXT, async (page) => {
      expect(describeViolations(reversed.address, await axeViolations(page))).toEqual([]);
    });
  });

  it.for(['id', 'en'] as const)('the pair composer (%s) names the cities in the page’s language, keeps the reader’s order and links to the brief in it', async (lang) => {
    const pair = briefs.find((b) => b.lang === lang && !b.address.includes('#'))!;
    await withPage(site, href({ page: 'home' }, lang), CONTEXT, async (page) => {
      const composer = page.locator('[data-pair-composer]');
      await composer.waitFor();
      await composer.locator('select[name="a"]').selectOption(pair.second);
      await composer.locator('select[name="b"]').selectOption(pair.first);
      const heads = await composer.locator('thead th').allTextContents();
      const cities = siteModel().dataset.cities;
      const name = (id: string) => cityName(cities.find((c) => c.id === id)!, lang);
      expect(heads.slice(1), 'the reader’s first city first, named as the page names it').toEqual([name(pair.second), name(pair.first)]);
      await composer.locator('[data-output] a').click();
      await page.waitForURL((url) => url.pathname === pair.address);
      expect(new URL(page.url()).hash).toBe(`#${pairOrderAnchor(pair.second, lang)}`);
      expect(await shownOrder(page)).toEqual([pair.second, pair.first]);
    });
  });

  it('the print button shows only when its script runs', async () => {
    await withPage(site, brief!.address, { ...CONTEXT, javaScriptEnabled: false }, async (page) => {
      expect(await page.locator('[data-print-brief]:visible').count()).toBe(0);
    });
    await withPage(site, brief!.address, CONTEXT, async (page) => {
      await expect.poll(() => page.locator('[data-print-brief]:visible').count()).toBe(1);
    });
  });
});
