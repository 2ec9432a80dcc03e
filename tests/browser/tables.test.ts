import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/format';
import { loadDataset } from '../../src/lib/load';
import { METRICS } from '../../src/lib/metrics';
import { dataPaths } from '../../src/lib/paths';
import { href } from '../../src/lib/routes';
import { useTranslations } from '../../src/i18n';
import { CONTEXT, servedSite, withPage } from '../helpers/browser';

/**
 * Small things readers hit (issue 12), in Chromium over the built site: the sort hint appears
 * only once the sort script has made the headings buttons; a sorted column says so through
 * aria-sort and shows an arrow that is not part of the button's name; on a 390 px phone every
 * link or button that is not a word in a sentence (the header's links, links and sort buttons in
 * tables, the links under evidence phrases) is at least 24 × 24 CSS px; a wide table shows a
 * shadow at the edge it can still scroll towards, and none at an edge it has reached. Pages
 * are picked from the data, so new records never break it.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` first`);
const dataset = loadDataset(dataPaths({})).dataset!;
const site = servedSite(dist);

const sortablePages: [string, Lang][] = [
  [href({ page: 'home' }, 'id'), 'id'],
  [href({ page: 'metric', id: METRICS[0]!.id }, 'en'), 'en'],
];
const PHONE: BrowserContextOptions = { ...CONTEXT, viewport: { width: 390, height: 844 } };

describe('the sort hint', () => {
  it.each(sortablePages)('%s: hidden when JavaScript is off', async (address) => {
    await withPage(site, address, { ...CONTEXT, javaScriptEnabled: false }, async (page) => {
      const hints = page.locator('[data-sort-hint]');
      expect(await hints.count()).toBeGreaterThan(0);
      for (const hint of await hints.all()) expect(await hint.isVisible()).toBe(false);
      expect(await page.locator('table[data-sortable] th button').count(), 'no sort buttons without the script').toBe(0);
    });
  });

  it.each(sortablePages)('%s: shown once the sort script runs', async (address, lang) => {
    await withPage(site, address, CONTEXT, async (page) => {
      await page.locator('table[data-sortable] th button').first().waitFor();
      const hints = page.locator('[data-sort-hint]');
      expect(await hints.count()).toBe(await page.locator('table[data-sortable]').count());
      for (const hint of await hints.all()) {
        expect(await hint.isVisible()).toBe(true);
        expect(await hint.textContent()).toBe(useTranslations(lang)('table.sortHint'));
      }
    });
  });
});

/** Each heading of the first sortable table: its aria-sort and the arrow drawn after its button. */
const headingStates = (page: Page) =>
  page.locator('table[data-sortable]').first().locator('thead th').evaluateAll((ths) =>
    ths.map((th) => ({ sort: th.getAttribute('aria-sort'), arrow: getComputedStyle(th.querySelector('button')!, '::after').content })),
  );

describe('the sort direction', () => {
  it.each(sortablePages)('%s: aria-sort and a visible arrow after a click, on the sorted column only', async (address) => {
    await withPage(site, address, CONTEXT, async (page) => {
      const buttons = page.locator('table[data-sortable]').first().locator('thead th button');
      await buttons.first().waitFor();
      expect((await headingStates(page)).every((h) => h.sort === null && h.arrow === 'none'), 'nothing sorted yet, no arrow').toBe(true);

      await buttons.nth(1).click();
      let states = await headingStates(page);
      expect(states[1]).toEqual({ sort: 'ascending', arrow: '"▲" / ""' });
      expect(states.filter((_, i) => i !== 1).every((h) => h.sort === null && h.arrow === 'none')).toBe(true);

      await buttons.nth(1).click();
      expect((await headingStates(page))[1]).toEqual({ sort: 'descending', arrow: '"▼" / ""' });

      await buttons.nth(0).click();
      states = await headingStates(page);
      expect(states[0]).toEqual({ sort: 'ascending', arrow: '"▲" / ""' });
      expect(states[1]).toEqual({ sort: null, arrow: 'none' });

      // The arrow is for the eye: the button's accessible name is the heading alone.
      const heading = (await buttons.nth(0).textContent())!.trim();
      expect(await page.getByRole('button', { name: heading, exact: true }).count()).toBeGreaterThan(0);
    });
  });
});

/** Targets that are not words in a sentence, by kind. */
const TARGETS = {
  'header link': '.site-header a',
  'sort button': 'table th button',
  'link in a table': 'table a',
  'evidence link': '.evidence-links a',
} as const;

const firstEvent = dataset.events.find((e) => e.claims.length > 0)!;
const firstFacility = dataset.facilities.find((f) => f.claims.length > 0)!;
const phonePages: { address: string; kinds: (keyof typeof TARGETS)[] }[] = [
  { address: href({ page: 'home' }, 'id'), kinds: ['header link', 'sort button', 'link in a table'] },
  { address: href({ page: 'metric', id: METRICS[0]!.id }, 'en'), kinds: ['header link', 'sort button', 'link in a table'] },
  { address: href({ page: 'city', id: dataset.cities[0]!.id }, 'id'), kinds: ['header link', 'link in a table'] },
  { address: href({ page: 'event', id: firstEvent.id }, 'id'), kinds: ['header link', 'evidence link'] },
  { address: href({ page: 'facility', id: firstFacility.id }, 'en'), kinds: ['header link', 'evidence link'] },
];

describe('tap targets on a 390 px phone', () => {
  it.each(phonePages.map((p) => [p.address, p] as const))('%s: every one at least 24 × 24 CSS px', async (address, { kinds }) => {
    await withPage(site, address, PHONE, async (page) => {
      if (kinds.includes('sort button')) await page.locator('table[data-sortable] th button').first().waitFor();
      const measured = await page.evaluate((targets) => {
        const out: { kind: string; text: string; width: number; height: number }[] = [];
        for (const [kind, selector] of Object.entries(targets))
          for (const el of Array.from(document.querySelectorAll(selector))) {
            // Only what the reader can see: not in a closed <details>, not hidden.
            if (!el.checkVisibility()) continue;
            const r = el.getBoundingClientRect();
            out.push({ kind, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40), width: r.width, height: r.height });
          }
        return out;
      }, TARGETS);
      for (const kind of kinds) expect(measured.filter((m) => m.kind === kind).length, `${kind}s on the page`).toBeGreaterThan(0);
      const small = measured.filter((m) => m.width < 24 || m.height < 24).map((m) => `${m.kind} "${m.text}" ${m.width.toFixed(1)} × ${m.height.toFixed(1)}`);
      expect(small).toEqual([]);
    });
  });
});

describe('a wide table shows that it scrolls', () => {
  it.each(['light', 'dark'] as const)('home summary table at 390 px, %s: a shadow at the edge with more to see, none at an edge reached', async (colorScheme) => {
    await withPage(site, href({ page: 'home' }, 'id'), { ...PHONE, colorScheme }, async (page) => {
      const wrap = page.locator('.table-wrap:has(table[data-sortable])').first();
      await wrap.scrollIntoViewIfNeeded();
      const { scrollWidth, clientWidth } = await wrap.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(scrollWidth, 'the table is wider than the phone').toBeGreaterThan(clientWidth);
      const box = (await wrap.boundingBox())!;
      const strip = (side: 'left' | 'right') => ({ x: side === 'left' ? box.x + 1 : box.x + box.width - 9, y: box.y, width: 8, height: Math.min(box.height, 400) });
      // The edge as drawn, and the same edge with the box's background taken away: they differ
      // exactly where a shadow shows.
      const shows = async (side: 'left' | 'right') => {
        const drawn = await page.screenshot({ clip: strip(side) });
        await wrap.evaluate((el) => void (el.style.backgroundImage = 'none'));
        const bare = await page.screenshot({ clip: strip(side) });
        await wrap.evaluate((el) => void (el.style.backgroundImage = ''));
        return !drawn.equals(bare);
      };
      await wrap.evaluate((el) => void (el.scrollLeft = 0));
      expect(await shows('right'), 'at the start: a shadow on the right').toBe(true);
      expect(await shows('left'), 'at the start: none on the left').toBe(false);
      await wrap.evaluate((el) => void (el.scrollLeft = el.scrollWidth));
      expect(await shows('right'), 'at the end: none on the right').toBe(false);
      expect(await shows('left'), 'at the end: a shadow on the left').toBe(true);
    });
  });
});
