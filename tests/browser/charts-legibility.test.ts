import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { serve, type StaticServer } from '../helpers/serve';

/**
 * Charts as readers see them, in Chromium, at the widths they use: a 320 px phone, a 390 px
 * phone, a 768 px tablet and a 1366 px laptop, in the light and the dark theme, on the site's
 * pages and in embed pages (an embed page at a width is what an iframe of that width shows).
 * One page per kind of chart, and one embed per kind. For every chart shown:
 *
 * - no text is drawn under 11 CSS px (its font size times the SVG's scale on screen);
 * - no two texts overlap, and none runs out of its chart's box;
 * - every text has 4.5:1 contrast against what is behind it, and every mark (a shape that is
 *   not aria-hidden: bars, dots, rules, legend swatches) 3:1 by its fill or its outline (WCAG
 *   1.4.3 and 1.4.11). Colours are read as Chromium computes them, so the stylesheet's dark
 *   colours count, with their opacities; what is behind is found by hit-testing the page at the
 *   element and blending the painted shapes there over the page's background. axe does not
 *   look at SVG text, hence this test.
 *
 * Decorative ground is aria-hidden in the charts and not held to 3:1: grid lines, frames, the
 * map's land and sea, the tint of a covered cell (its ✓ says the same). Set CHART_SHOTS to a
 * folder to keep a screenshot of every chart checked, to judge by eye.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
const SHOTS = process.env.CHART_SHOTS;
const WIDTHS = [320, 390, 768, 1366] as const;
const SCHEMES = ['light', 'dark'] as const;
const MIN_TEXT_PX = 11;

/** A page of each kind of chart: the home page (headline, events by year, coverage, map), a metric page (ranking), a city page (events by year, facilities). */
const PAGES = ['/', '/metrik/participants/', '/en/city/pekalongan/'];
/** An embed of each kind, in both languages between them; each also with ?theme=dark. */
const EMBEDS = ['/embed/headline/', '/en/embed/timeline/', '/embed/coverage/', '/en/embed/map/', '/embed/ranking-participants/', '/embed/timeline-blitar/', '/en/embed/facilities-pekalongan/'];

interface Problem {
  chart: string;
  what: string;
}

/**
 * Runs in the page: every visible chart's problems. Kept free of closures over test code, since
 * Playwright serialises it.
 */
function inspectCharts(minTextPx: number): { charts: string[]; problems: Problem[] } {
  type Rgba = [number, number, number, number];
  const parse = (colour: string): Rgba | null => {
    const m = /rgba?\(([^)]+)\)/.exec(colour);
    if (!m) return null;
    const [r, g, b, a = '1'] = m[1]!.split(/[\s,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const c = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const contrast = (a: Rgba, b: Rgba) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x! + 0.05) / (y! + 0.05);
  };
  /** The opacity an element is painted with: its own and its ancestors' `opacity`. */
  const opacityOf = (el: Element) => {
    let o = 1;
    for (let e: Element | null = el; e && e instanceof SVGElement; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const paint = (el: Element, property: 'fill' | 'stroke'): Rgba | null => {
    const style = getComputedStyle(el);
    const colour = parse(property === 'fill' ? style.fill : style.stroke);
    if (!colour || colour[3] === 0) return null;
    const alpha = colour[3] * Number(property === 'fill' ? style.fillOpacity : style.strokeOpacity) * opacityOf(el);
    return [colour[0], colour[1], colour[2], alpha];
  };
  const SHAPES = new Set(['rect', 'circle', 'ellipse', 'path', 'polygon']);
  /** The colour behind a point, without `self`: painted shapes blended over the page's background. */
  const behind = (x: number, y: number, self: Element): Rgba => {
    const layers: Rgba[] = [];
    let base: Rgba = [255, 255, 255, 1];
    for (const el of document.elementsFromPoint(x, y)) {
      if (el === self || self.contains(el)) continue;
      if (el instanceof SVGElement) {
        if (!SHAPES.has(el.localName)) continue;
        const fill = paint(el, 'fill');
        if (fill) layers.push(fill);
        continue;
      }
      const bg = parse(getComputedStyle(el).backgroundColor);
      if (bg && bg[3] > 0) {
        if (bg[3] >= 1) {
          base = bg;
          break;
        }
        layers.push(bg);
      }
    }
    return layers.reverse().reduce((acc, layer) => over(layer, acc), base);
  };
  const visible = (el: Element) => el.checkVisibility() && el.getBoundingClientRect().width > 0;
  /** The element's box on screen, scrolled into the window first: hit-testing sees only the window. */
  const onScreen = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= innerHeight) return r;
    el.scrollIntoView({ block: 'center' });
    return el.getBoundingClientRect();
  };
  const hidden = (el: Element) => el.closest('[aria-hidden="true"], defs, clipPath, mask, marker') !== null;
  const scaleOf = (el: SVGGraphicsElement) => {
    const m = el.getScreenCTM();
    return m ? Math.hypot(m.a, m.b) : 1;
  };
  const label = (el: Element) => `<${el.localName}${el.closest('[data-mark]') ? ` ${el.closest('[data-mark]')!.getAttribute('data-mark')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;

  const problems: Problem[] = [];
  const charts = Array.from(document.querySelectorAll<SVGSVGElement>('svg.batik-chart')).filter(visible);
  for (const svg of charts) {
    const chart = svg.getAttribute('aria-labelledby')?.split(' ')[0]?.replace(/-title$/, '') ?? '?';
    const add = (what: string) => problems.push({ chart, what });
    const texts = Array.from(svg.querySelectorAll<SVGTextElement>('text')).filter((t) => visible(t) && (t.textContent ?? '').trim() !== '');
    // Boxes first, all at one scroll position, for the overlap and overflow checks.
    const box = svg.getBoundingClientRect();
    const rects = new Map(texts.map((t) => [t, t.getBoundingClientRect()]));
    const boxes: { el: SVGTextElement; r: DOMRect }[] = [];
    for (const text of texts) {
      const style = getComputedStyle(text);
      const px = parseFloat(style.fontSize) * scaleOf(text);
      if (px < minTextPx - 0.01) add(`${label(text)} is ${px.toFixed(1)} px`);
      const r = rects.get(text)!;
      boxes.push({ el: text, r });
      if (r.left < box.left - 1 || r.right > box.right + 1) add(`${label(text)} runs out of the chart (${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} of ${Math.round(box.width)} px)`);
      // Contrast, at three points along the text: against a halo when it has one, else what is behind.
      const fill = paint(text, 'fill');
      if (!fill) continue;
      const halo = style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) * scaleOf(text) >= 1.5 ? paint(text, 'stroke') : null;
      const seen = onScreen(text);
      const worst = Math.min(
        ...[0.25, 0.5, 0.75].map((f) => {
          const ground = behind(seen.left + seen.width * f, seen.top + seen.height / 2, text);
          return contrast(over(fill, halo ? over(halo, ground) : ground), halo ? over(halo, ground) : ground);
        }),
      );
      if (worst < 4.5) add(`${label(text)} has contrast ${worst.toFixed(2)}:1`);
    }
    // Texts must not overlap one another (a pixel of anti-aliasing is allowed).
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!.r, boxes[j]!.r];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) add(`${label(boxes[i]!.el)} overlaps ${label(boxes[j]!.el)} (${w.toFixed(0)}×${h.toFixed(0)} px)`);
      }
    }
    // Marks: 3:1 by their fill or their outline, against what is behind them.
    const marks = Array.from(svg.querySelectorAll<SVGGraphicsElement>('rect, circle, ellipse, path, polygon, line, polyline')).filter((m) => visible(m) && !hidden(m));
    for (const mark of marks) {
      const r = mark.getBoundingClientRect();
      if (r.width * r.height < 1 && mark.localName !== 'line') continue;
      const seen = onScreen(mark);
      const ground = behind(seen.left + seen.width / 2, seen.top + seen.height / 2, mark);
      const fill = mark.localName === 'line' || mark.localName === 'polyline' ? null : paint(mark, 'fill');
      const style = getComputedStyle(mark);
      const stroke = parseFloat(style.strokeWidth) * scaleOf(mark) >= 1 ? paint(mark, 'stroke') : null;
      const best = Math.max(0, ...[fill, stroke].filter((c): c is Rgba => c !== null).map((c) => contrast(over(c, ground), ground)));
      if (best < 3) add(`${label(mark)} mark has contrast ${best.toFixed(2)}:1 (fill ${style.fill}, stroke ${style.stroke})`);
    }
  }
  return { charts: charts.map((c) => c.getAttribute('aria-labelledby')!.split(' ')[0]!.replace(/-title$/, '')), problems };
}

let site: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await serve(dist);
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every width and theme of one address, on one page: the layout and the colours change in place. */
async function check(address: string): Promise<string[]> {
  const page: Page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 } });
  const found: string[] = [];
  try {
    await page.goto(new URL(address, site.origin).href, { waitUntil: 'load' });
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const { charts, problems } = await page.evaluate(inspectCharts, MIN_TEXT_PX);
        if (!charts.length) found.push(`${address} at ${width} px (${scheme}): no chart is visible`);
        for (const p of problems) found.push(`${address} at ${width} px (${scheme}) ${p.chart}: ${p.what}`);
        if (SHOTS) {
          const name = `${address.replace(/[^a-z0-9]+/gi, '_')}${width}-${scheme}`;
          const figures = page.locator('svg.batik-chart:visible');
          for (let i = 0; i < (await figures.count()); i++) await figures.nth(i).screenshot({ path: join(SHOTS, `${name}-${i}.png`) });
        }
      }
    }
  } finally {
    await page.close();
  }
  return found;
}

describe('charts on the site', () => {
  it.each(PAGES)('%s: legible text, no overlaps, AA contrast at every width in both themes', async (address) => {
    expect(await check(address)).toEqual([]);
  }, 120_000);
});

describe('charts in embeds', () => {
  it.each(EMBEDS.flatMap((a) => [a, `${a}?theme=dark`]))('%s: legible text, no overlaps, AA contrast at every width in both themes', async (address) => {
    expect(await check(address)).toEqual([]);
  }, 120_000);
});
