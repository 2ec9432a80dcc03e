import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { serve, type StaticServer } from '../helpers/serve';

/**
 * A newsroom's page on another origin pastes our iframe snippet (from a chart's oEmbed
 * JSON) and our host script; the iframe must settle to its content's height at phone,
 * tablet and desktop widths, and messages of the wrong source or shape must change nothing.
 * The page's own markup must not be able to switch the script off, and a page whose
 * Content-Security-Policy forbids inline styles must still get a fitted iframe. Only embed
 * pages may be framed at all.
 */
const CHARTS = ['headline', 'timeline', 'map', 'ranking-participants'];
const SITE = process.env.SITE_URL ?? 'http://localhost:4321';

let site: StaticServer;
let host: Server;
let hostOrigin: string;
let browser: Browser;

/** The snippet as published, pointed at the address the site is served from in this test. */
const snippet = (slug: string) =>
  (JSON.parse(readFileSync(`dist/embed/${slug}/oembed.json`, 'utf8')) as { html: string }).html.replaceAll(new URL(SITE).origin, site.origin);

/** The policy of a newsroom that allows no inline style or script, and frames and scripts only from us. */
const strictCsp = () => `default-src 'self'; style-src 'self'; script-src ${site.origin}; frame-src ${site.origin}`;

/**
 * Counts the `message` listeners added to the host window, before any of our scripts run:
 * a second copy of the host script must not add its own.
 */
const COUNT_LISTENERS = `<script>window.messageListeners = 0; var add = window.addEventListener;
window.addEventListener = function (type) { if (type === 'message') window.messageListeners++; return add.apply(this, arguments); };</script>`;

/**
 * The newsroom's article, by query: `chart` (repeatable) pastes that chart's snippet; `csp`
 * serves the page under a strict Content-Security-Policy and with no inline style or script
 * of its own; `decoy` puts an element with the id of the old guard's window property in the
 * page; `count` counts message listeners; `frame` (repeatable) frames a path of the site
 * without any snippet, to see whether the browser lets it be framed.
 */
function article(query: URLSearchParams): { html: string; csp?: string } {
  const csp = query.has('csp');
  const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>${query.has('count') ? COUNT_LISTENERS : ''}`;
  const body = [
    '<h1>A news article</h1>',
    query.has('decoy') ? '<div id="__batikKotaHostV1">A block of the newsroom\'s own page.</div><img name="__batikKotaHostV1" alt="">' : '',
    query.getAll('chart').map((s) => `<div class="embed">${snippet(s)}</div>`).join('<p>Text between charts.</p>'),
    ...query.getAll('frame').map((path) => `<iframe src="${site.origin}${path}" title="${path}"></iframe>`),
  ].join('');
  const html = `<!doctype html><html lang="en"><head>${head}</head><body${csp ? '' : ' style="margin:0;padding:0 8px"'}>${body}</body></html>`;
  return csp ? { html, csp: strictCsp() } : { html };
}

beforeAll(async () => {
  site = await serve('dist');
  host = createServer((req, res) => {
    const { html, csp } = article(new URL(req.url ?? '/', 'http://host').searchParams);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (csp) res.setHeader('Content-Security-Policy', csp);
    res.end(html);
  });
  // Another origin: a different host name and port from the site's 127.0.0.1.
  await new Promise<void>((resolve) => host.listen(0, 'localhost', resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => host?.close(resolve));
});

const iframeHeight = (page: Page, index = 0) => page.evaluate((i) => document.querySelectorAll('iframe')[i]!.getBoundingClientRect().height, index);

/** Wait until the iframe's height stops changing. */
async function settled(page: Page, index = 0): Promise<number> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const h = await iframeHeight(page, index);
    if (h === last) return h;
    last = h;
    await page.waitForTimeout(150);
  }
  return last;
}

const embedFrame = (page: Page, slug: string): Frame => page.frames().find((f) => f.url().includes(`/embed/${slug}/`))!;

describe.each(CHARTS)('embed %s on another origin', (slug) => {
  it.each([320, 768, 1280])('at %i px the iframe height settles to its content, with no inner scrollbar or clipping', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      await page.goto(`${hostOrigin}/?chart=${slug}`);
      await page.locator('iframe').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('iframe')!.style.height !== '');
      const height = await settled(page);
      const frame = embedFrame(page, slug);
      const inside = await frame.evaluate(() => ({
        content: Math.ceil(document.documentElement.getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
        viewport: document.documentElement.clientHeight,
        scrollWidth: document.documentElement.scrollWidth,
        viewportWidth: document.documentElement.clientWidth,
        svgBottom: document.querySelector('svg')!.getBoundingClientRect().bottom,
        credit: document.querySelector('.credit')!.getBoundingClientRect().bottom,
      }));
      expect(Math.abs(height - inside.content)).toBeLessThanOrEqual(2);
      expect(inside.scroll).toBeLessThanOrEqual(inside.viewport + 1);
      expect(inside.scrollWidth).toBeLessThanOrEqual(inside.viewportWidth + 1);
      expect(inside.svgBottom).toBeLessThanOrEqual(inside.viewport);
      expect(inside.credit).toBeLessThanOrEqual(inside.viewport);
    } finally {
      await page.close();
    }
  });
});

describe('the host script', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 768, height: 900 } });
    await page.goto(`${hostOrigin}/?chart=headline&chart=map`);
    for (const i of [0, 1]) {
      await page.locator('iframe').nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll('iframe')[n]!.style.height !== '', i);
      await settled(page, i);
    }
  }, 60_000);
  afterAll(() => page?.close());

  const unchanged = async (send: () => Promise<unknown>) => {
    const before = [await iframeHeight(page, 0), await iframeHeight(page, 1)];
    await send();
    await page.waitForTimeout(300);
    expect([await iframeHeight(page, 0), await iframeHeight(page, 1)]).toEqual(before);
  };

  it('ignores a well-formed message that does not come from one of its iframes', () =>
    unchanged(() => page.evaluate(() => window.postMessage({ type: 'batik-kota:height', version: 1, height: 999 }, '*'))));

  it.each([
    ['another type', { type: 'other', version: 1, height: 999 }],
    ['another version', { type: 'batik-kota:height', version: 2, height: 999 }],
    ['a string height', { type: 'batik-kota:height', version: 1, height: '999' }],
    ['an infinite height', { type: 'batik-kota:height', version: 1, height: Infinity }],
    ['a NaN height', { type: 'batik-kota:height', version: 1, height: NaN }],
    ['an address', { type: 'batik-kota:height', version: 1, height: 'javascript:alert(1)', url: 'https://example.org/' }],
    ['not an object', 'batik-kota:height:999'],
  ])('ignores a message from its iframe with %s', (_, message) =>
    unchanged(() => embedFrame(page, 'headline').evaluate((m) => window.parent.postMessage(m, '*'), message)));

  it('resizes only the iframe a message comes from, and clamps the height', async () => {
    const other = await iframeHeight(page, 1);
    await embedFrame(page, 'headline').evaluate(() => window.parent.postMessage({ type: 'batik-kota:height', version: 1, height: 1e9 }, '*'));
    await page.waitForTimeout(300);
    expect(await iframeHeight(page, 0)).toBe(4000);
    expect(await iframeHeight(page, 1)).toBe(other);
    await embedFrame(page, 'headline').evaluate(() => window.parent.postMessage({ type: 'batik-kota:height', version: 1, height: -50 }, '*'));
    await page.waitForTimeout(300);
    expect(await iframeHeight(page, 0)).toBe(120);
  });

  it('lets the link back to the full page open from the sandboxed iframe', async () => {
    const popup = page.context().waitForEvent('page');
    await embedFrame(page, 'map').locator('.credit a').click();
    const opened = await popup;
    await opened.waitForLoadState();
    expect(new URL(opened.url()).pathname).toBe('/');
    await opened.close();
  });
});

describe('the host script on a page that could switch it off', () => {
  it('resizes every iframe when an element of the page has the id of its old guard, and listens once', async () => {
    const page = await browser.newPage({ viewport: { width: 768, height: 900 } });
    try {
      await page.goto(`${hostOrigin}/?decoy&count&chart=headline&chart=map`);
      expect(await page.evaluate(() => typeof (window as unknown as Record<string, unknown>).__batikKotaHostV1)).toBe('object');
      for (const i of [0, 1]) {
        await page.locator('iframe').nth(i).scrollIntoViewIfNeeded();
        await page.waitForFunction((n) => document.querySelectorAll('iframe')[n]!.style.height !== '', i, { timeout: 10_000 });
      }
      // Two snippets, two copies of the script: one listener.
      await page.waitForFunction(() => document.querySelectorAll('script[src$="/embed/host-v1.js"]').length === 2);
      expect(await page.evaluate(() => (window as unknown as { messageListeners: number }).messageListeners)).toBe(1);
    } finally {
      await page.close();
    }
  });
});

describe('on a page whose Content-Security-Policy allows no inline style', () => {
  const WIDTH = (JSON.parse(readFileSync('dist/embed/headline/oembed.json', 'utf8')) as { width: number }).width;

  it.each([320, 1280])('at %i px the iframe is as wide as the column up to its width, borderless, and as tall as its content', async (viewport) => {
    const page = await browser.newPage({ viewport: { width: viewport, height: 900 } });
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) refused.push(m.text());
    });
    try {
      const response = await page.goto(`${hostOrigin}/?csp&chart=headline`);
      expect(response?.headers()['content-security-policy']).toBe(strictCsp());
      await page.waitForFunction(() => document.querySelector('iframe')!.style.height !== '', undefined, { timeout: 10_000 });
      const height = await settled(page);
      const content = await embedFrame(page, 'headline').evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const box = await page.evaluate(() => {
        const iframe = document.querySelector('iframe')!;
        return { width: iframe.getBoundingClientRect().width, column: iframe.parentElement!.clientWidth, border: getComputedStyle(iframe).borderTopWidth };
      });
      expect(WIDTH).toBeGreaterThan(320);
      expect(box.width).toBe(Math.min(box.column, WIDTH));
      expect(box.border).toBe('0px');
      expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
      expect(refused).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('framing', () => {
  /**
   * Frame a path of the site from the host origin and say whether the browser showed it. A
   * refused frame is left on Chromium's error page; the console says which header refused it.
   */
  async function framed(path: string): Promise<{ shown: boolean; console: string[] }> {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    try {
      await page.goto(`${hostOrigin}/?frame=${encodeURIComponent(path)}`, { waitUntil: 'load' });
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      return { shown: frame.url().startsWith(site.origin), console: messages };
    } finally {
      await page.close();
    }
  }
  const headersOf = async (path: string) => (await fetch(`${site.origin}${path}`)).headers;

  it('shows an embed page: its frame-ancestors * wins over the X-Frame-Options: DENY every path gets', async () => {
    const headers = await headersOf('/embed/headline/');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect((await framed('/embed/headline/')).shown).toBe(true);
  });

  it('refuses a page of the site (frame-ancestors none)', async () => {
    const { shown, console } = await framed('/data/');
    expect(shown).toBe(false);
    expect(console.join('\n')).toMatch(/frame-ancestors/);
  });

  it('refuses the 404 page served for an unknown address, which only the catch-all rule matches', async () => {
    const response = await fetch(`${site.origin}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const { shown, console } = await framed('/no-such-page/');
    expect(shown).toBe(false);
    expect(console.join('\n')).toMatch(/X-Frame-Options/);
  });
});

describe('themes', () => {
  it.each([
    ['light', 'dark', 'rgb(255, 255, 255)'],
    ['dark', 'light', 'rgb(21, 19, 15)'],
  ])('?theme=%s wins over a %s system preference', async (theme, scheme, background) => {
    const context = await browser.newContext({ colorScheme: scheme as 'light' | 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/embed/headline/?theme=${theme}`);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    await context.close();
  });

  it('follows the system preference without a theme parameter, JavaScript or not', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site.origin}/en/embed/headline/`);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 19, 15)');
      expect(await page.locator('svg[role="img"]').count()).toBe(1);
      await context.close();
    }
  });
});
