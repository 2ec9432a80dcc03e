import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SCALE, WIDE } from '../../src/charts/layout';
import { describeEmbed, embedEntry } from '../../src/components/embeds';
import { ampSnippet, iframeSnippet, imageSnippet, tailorSnippet, type EmbedTheme } from '../../src/lib/embed';
import { href } from '../../src/lib/routes';
import { launchChromium } from '../helpers/browser';
import { serve, type StaticServer } from '../helpers/serve';

/**
 * A newsroom's page on another origin pastes our iframe snippet (from a chart's oEmbed
 * JSON) and our host script; the iframe must settle to its content's height at phone,
 * tablet and desktop widths, and messages of the wrong source or shape must change nothing.
 * The page's own markup must not be able to switch the script off, and a page whose
 * Content-Security-Policy forbids inline styles must still get a fitted iframe. Only embed
 * pages may be framed at all. Embeds stay light in a light page whatever the reader's phone
 * prefers, unless the snippet asks; an AMP page's amp-iframe gets AMP's resize request; the
 * embed builder on a chart's page copies, previews and tailors its snippets.
 */
const CHARTS = ['headline', 'timeline', 'map', 'ranking-participants', 'profile-probolinggo'];
const SITE = process.env.SITE_URL ?? 'http://localhost:4321';

let site: StaticServer;
let host: Server;
let hostOrigin: string;
let browser: Browser;

/** The snippet as published, pointed at the address the site is served from in this test. */
const snippet = (slug: string) =>
  (JSON.parse(readFileSync(`dist/embed/${slug}/oembed.json`, 'utf8')) as { html: string }).html.replaceAll(new URL(SITE).origin, site.origin);

/**
 * What the AMP runtime makes of our <amp-iframe> snippet, without the runtime (the test runs
 * offline): an iframe of the embed page with `#amp=1` added, the snippet's sandbox, and a
 * listener that applies AMP's embed-size requests from that iframe only, as amp-iframe does
 * (it refuses heights under 100 px), counting every request in window.ampRequests.
 */
function ampFrame(slug: string): string {
  const amp = load(ampSnippet(describeEmbed(embedEntry('id', slug), 'id', new URL('/', SITE))))('amp-iframe');
  const src = `${amp.attr('src')!.replace(new URL(SITE).origin, site.origin)}#amp=1`;
  return (
    `<div id="amp-host"><iframe id="amp" src="${src}" sandbox="${amp.attr('sandbox')}" title="${amp.attr('title')}" width="100%" height="${amp.attr('height')}" scrolling="no" frameborder="0"></iframe></div>` +
    `<script>window.ampRequests = []; window.addEventListener('message', function (e) { var f = document.getElementById('amp');` +
    ` if (e.source !== f.contentWindow || !e.data || e.data.sentinel !== 'amp' || e.data.type !== 'embed-size') return;` +
    ` window.ampRequests.push(e.data.height); if (e.data.height >= 100) f.height = String(e.data.height); });</script>`
  );
}

/** The policy of a newsroom that allows no inline style or script, and frames and scripts only from us. */
const strictCsp = () => `default-src 'self'; style-src 'self'; script-src ${site.origin}; frame-src ${site.origin}`;

/**
 * Counts the `message` listeners added to the host window, before any of our scripts run:
 * a second copy of the host script must not add its own.
 */
const COUNT_LISTENERS = `<script>window.messageListeners = 0; var add = window.addEventListener;
window.addEventListener = function (type) { if (type === 'message') window.messageListeners++; return add.apply(this, arguments); };</script>`;

/** A snippet as the builder tailors it for a theme and a width. */
const tailor = (html: string, theme: string | null, width: string | null) =>
  tailorSnippet(html, html.match(/src="([^"?]*)/)![1]!, { theme: (theme ?? undefined) as EmbedTheme | undefined, width: width ? Number(width) : undefined });

/**
 * The newsroom's article, by query: `chart` (repeatable) pastes that chart's snippet, with
 * `theme` and `width` if given, as the builder tailors it; `amp` frames that embed as an AMP page's amp-iframe would; `csp`
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
    query.getAll('chart').map((s) => `<div class="embed">${tailor(snippet(s), query.get('theme'), query.get('width'))}</div>`).join('<p>Text between charts.</p>'),
    query.getAll('amp').map(ampFrame).join(''),
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
        svgBottom: document.querySelector('svg, .profile-card')!.getBoundingClientRect().bottom,
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

describe('fills the column it is given', () => {
  /** The full width the snippet states in its width attribute, for when the host script does not run. */
  const WIDTH = (JSON.parse(readFileSync('dist/embed/headline/oembed.json', 'utf8')) as { width: number }).width;

  /**
   * A plain article page, and one whose Content-Security-Policy allows no inline style, each
   * with the snippet pasted in a column as wide as the window (less the body's 8 px each side):
   * the iframe is as wide as the column, borderless and as tall as its content; the chart in it
   * has taken the layout for that width and fills it (up to its largest scale); the embed page painted with nothing
   * render-blocking; and neither page logs a refusal of its policy.
   */
  it.each([
    [900, 'a plain page', '', 'wide'],
    [320, 'a plain page', '', 'narrow'],
    [320, 'a page that allows no inline style', 'csp&', 'narrow'],
    [1280, 'a page that allows no inline style', 'csp&', 'wide'],
  ])('at %i px, on %s', async (viewport, _, query, layout) => {
    const page = await browser.newPage({ viewport: { width: viewport, height: 900 } });
    const refused: string[] = [];
    // The embed's frame logs here too: a refused inline stylesheet would show.
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) refused.push(m.text());
    });
    try {
      const response = await page.goto(`${hostOrigin}/?${query}chart=headline`);
      expect(response?.headers()['content-security-policy']).toBe(query ? strictCsp() : undefined);
      await page.locator('iframe').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('iframe')!.style.height !== '', undefined, { timeout: 10_000 });
      const height = await settled(page);
      const box = await page.evaluate(() => {
        const iframe = document.querySelector('iframe')!;
        return { width: iframe.getBoundingClientRect().width, column: iframe.parentElement!.clientWidth, border: getComputedStyle(iframe).borderTopWidth };
      });
      const inside = await embedFrame(page, 'headline').evaluate(() => {
        const shown = Array.from(document.querySelectorAll('figure svg')).filter((svg) => getComputedStyle(svg).display !== 'none');
        return {
          content: Math.ceil(document.documentElement.getBoundingClientRect().height),
          layouts: shown.map((svg) => svg.getAttribute('class')),
          chart: shown[0]!.getBoundingClientRect().width,
          figure: document.querySelector('figure')!.clientWidth,
          blocking: performance.getEntriesByType('resource').filter((r) => (r as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus === 'blocking').map((r) => r.name),
        };
      });
      expect(box.column).toBe(viewport - 16);
      expect(box.width).toBe(box.column);
      if (viewport > WIDTH) expect(box.width).toBeGreaterThan(WIDTH);
      expect(box.border).toBe('0px');
      expect(Math.abs(height - inside.content)).toBeLessThanOrEqual(2);
      expect(inside.layouts).toEqual([`batik-chart batik-chart-${layout}`]);
      // The chart fills its figure, up to the most it is scaled (past that its text would be larger than the page's).
      expect(Math.abs(inside.chart - Math.min(inside.figure, WIDE.width * MAX_SCALE))).toBeLessThanOrEqual(1);
      expect(inside.blocking).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('up to the width the journalist chose', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    try {
      await page.goto(`${hostOrigin}/?width=480&chart=headline`);
      await page.locator('iframe').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector('iframe')!.style.height !== '', undefined, { timeout: 10_000 });
      expect(await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().width)).toBe(480);
    } finally {
      await page.close();
    }
  });
});

describe('framing', () => {
  /**
   * Frames `path` in a page on another origin: whether the browser showed it (a refused frame is
   * left on Chromium's error page) and the console's messages, which say which header refused it.
   * A refusal's message can come after the page's load event, so when `refusal` is given the
   * console is watched for it for up to 10 s more.
   */
  async function framed(path: string, refusal?: RegExp): Promise<{ shown: boolean; console: string[] }> {
    const page = await browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    try {
      await page.goto(`${hostOrigin}/?frame=${encodeURIComponent(path)}`, { waitUntil: 'load' });
      if (refusal && !messages.some((m) => refusal.test(m)))
        await page.waitForEvent('console', { predicate: (m) => refusal.test(m.text()), timeout: 10_000 }).catch(() => undefined);
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
    const { shown, console } = await framed('/data/', /frame-ancestors/);
    expect(shown).toBe(false);
    expect(console.join('\n')).toMatch(/frame-ancestors/);
  });

  it('refuses the 404 page served for an unknown address, which only the catch-all rule matches', async () => {
    const response = await fetch(`${site.origin}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const { shown, console } = await framed('/no-such-page/', /X-Frame-Options/);
    expect(shown).toBe(false);
    expect(console.join('\n')).toMatch(/X-Frame-Options/);
  });
});

describe('themes', () => {
  /** The background of the embed inside a light article page on another origin, for a reader whose system prefers `scheme`. */
  async function embedBackground(scheme: 'light' | 'dark', theme: string | null, javaScriptEnabled = true, frameScript = true): Promise<string> {
    const context = await browser.newContext({ colorScheme: scheme, javaScriptEnabled, viewport: { width: 768, height: 900 } });
    if (!frameScript) await context.route('**/embed/frame-v1.js', (route) => route.abort());
    try {
      const article = await context.newPage();
      await article.goto(`${hostOrigin}/?chart=headline${theme ? `&theme=${theme}` : ''}`);
      expect(await article.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
      await article.locator('iframe').scrollIntoViewIfNeeded();
      const frame = await (await article.locator('iframe').elementHandle())!.contentFrame();
      await frame!.waitForLoadState('load');
      // The theme script has run (or scripts are off): the root carries the theme in effect.
      const root = theme === 'dark' || (theme === 'auto' && scheme === 'dark') ? 'dark' : 'light';
      if (javaScriptEnabled) await frame!.waitForFunction((t) => document.documentElement.dataset.theme === t, root);
      return await frame!.evaluate(() => getComputedStyle(document.body).backgroundColor);
    } finally {
      await context.close();
    }
  }
  const LIGHT = 'rgb(255, 255, 255)';
  const DARK = 'rgb(21, 19, 15)';

  it('stays light in a light page whose reader prefers dark, JavaScript or not', async () => {
    expect(await embedBackground('dark', null)).toBe(LIGHT);
    expect(await embedBackground('dark', null, false)).toBe(LIGHT);
  });

  it('is dark with ?theme=dark, whatever the reader prefers', async () => {
    expect(await embedBackground('dark', 'dark')).toBe(DARK);
    expect(await embedBackground('light', 'dark')).toBe(DARK);
  });

  it('takes its theme from the page itself, before and without the frame script', async () => {
    expect(await embedBackground('light', 'dark', true, false)).toBe(DARK);
    expect(await embedBackground('dark', 'auto', true, false)).toBe(DARK);
  });

  it('follows the reader with ?theme=auto', async () => {
    expect(await embedBackground('dark', 'auto')).toBe(DARK);
    expect(await embedBackground('light', 'auto')).toBe(LIGHT);
  });

  it('with ?theme=auto, changes as the reader changes their setting', async () => {
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 768, height: 900 } });
    try {
      const article = await context.newPage();
      await article.goto(`${hostOrigin}/?chart=headline&theme=auto`);
      await article.locator('iframe').scrollIntoViewIfNeeded();
      const frame = (await (await article.locator('iframe').elementHandle())!.contentFrame())!;
      await frame.waitForLoadState('load');
      const background = () => frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await background()).toBe(LIGHT);
      await article.emulateMedia({ colorScheme: 'dark' });
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      expect(await background()).toBe(DARK);
      await article.emulateMedia({ colorScheme: 'light' });
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      expect(await background()).toBe(LIGHT);
    } finally {
      await context.close();
    }
  });

  it('?theme=light is light, and an unknown theme leaves it light', async () => {
    expect(await embedBackground('dark', 'light')).toBe(LIGHT);
    expect(await embedBackground('dark', 'purple')).toBe(LIGHT);
  });
});

describe('on an AMP page', () => {
  it.each([320, 1280])('at %i px the embed asks the amp-iframe for its content height, with AMP\'s own message', async (width) => {
    const article = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      await article.goto(`${hostOrigin}/?amp=profile-probolinggo`);
      await article.waitForFunction(() => (window as unknown as { ampRequests: number[] }).ampRequests.length > 0, undefined, { timeout: 10_000 });
      let last = -1;
      for (let i = 0; i < 40; i++) {
        const h = await article.evaluate(() => document.getElementById('amp')!.getBoundingClientRect().height);
        if (h === last) break;
        last = h;
        await article.waitForTimeout(150);
      }
      const frame = article.frames().find((f) => f.url().includes('/embed/profile-probolinggo/'))!;
      expect(new URL(frame.url()).hash).toBe('#amp=1');
      const inside = await frame.evaluate(() => ({
        content: Math.ceil(document.documentElement.getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
        viewport: document.documentElement.clientHeight,
      }));
      const requests = await article.evaluate(() => (window as unknown as { ampRequests: number[] }).ampRequests);
      expect(requests.at(-1)).toBe(inside.content);
      expect(Math.abs(last - inside.content)).toBeLessThanOrEqual(2);
      expect(inside.scroll).toBeLessThanOrEqual(inside.viewport + 1);
    } finally {
      await article.close();
    }
  });
});

describe('the embed builder on a chart\'s page', () => {
  const CHART = 'headline';
  const address = href({ page: 'home' }, 'id');
  const d = describeEmbed(embedEntry('id', CHART), 'id', new URL('/', SITE));

  /** The home page with the headline chart's panel open, and what it loaded. */
  async function openPanel(options: { noClipboard?: boolean; javaScriptEnabled?: boolean } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    if (options.noClipboard) await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    const tab = await context.newPage();
    const requests: string[] = [];
    const refused: string[] = [];
    tab.on('request', (r) => requests.push(new URL(r.url()).pathname));
    tab.on('console', (m) => {
      if (/Content.Security.Policy|Refused/i.test(m.text())) refused.push(m.text());
    });
    await tab.goto(`${site.origin}${address}`);
    const panel = tab.locator(`#embed-${CHART}`);
    const before = [...requests];
    await panel.locator('summary').click();
    return { context, tab, panel, requests, before, refused };
  }
  const value = (panel: ReturnType<Page['locator']>, kind: string) => panel.locator(`#embed-${CHART}-${kind}`).inputValue();
  /**
   * The live preview starts 200 px tall and takes the chart's height when its page reports it,
   * moving the copy buttons below it: a click aimed before that can land beside its button.
   */
  const previewSized = (panel: ReturnType<Page['locator']>) =>
    expect.poll(() => panel.locator('iframe').evaluate((f: HTMLIFrameElement) => f.style.height), { timeout: 10_000 }).not.toBe('200px');

  it('loads nothing of the builder until a panel is opened, then shows its choices, copy buttons and a live preview', async () => {
    const { context, panel, requests, before, refused } = await openPanel();
    try {
      expect(before.filter((p) => p.includes('embed-builder'))).toEqual([]);
      await panel.locator('select').waitFor();
      expect(requests.filter((p) => p.includes('embed-builder'))).toHaveLength(1);
      expect(await panel.locator('input[type="radio"]').count()).toBe(3);
      expect(await panel.locator('input[type="radio"]:checked').getAttribute('value')).toBe('light');
      expect(await panel.locator('button').count()).toBe(4);
      const preview = panel.locator('iframe');
      // The preview frames the embed page on the site it is on.
      expect(await preview.getAttribute('src')).toBe(`/embed/${CHART}/`);
      expect(await preview.getAttribute('title')).toBe(`Pratinjau: ${d.title}`);
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('rewrites every snippet as the theme and width change, exactly as the snippet functions make them', async () => {
    const { context, panel } = await openPanel();
    try {
      await panel.locator('select').waitFor();
      expect(await value(panel, 'iframe')).toBe(iframeSnippet(d));
      await panel.locator('input[value="dark"]').check();
      await panel.locator('select').selectOption('480');
      expect(await value(panel, 'iframe')).toBe(iframeSnippet(d, { theme: 'dark', width: 480 }));
      expect(await value(panel, 'amp')).toBe(ampSnippet(d, { theme: 'dark', width: 480 }));
      expect(await value(panel, 'image')).toBe(imageSnippet(d, { theme: 'dark', width: 480 }));
      await panel.locator('input[value="auto"]').check();
      await panel.locator('select').selectOption('');
      expect(await value(panel, 'iframe')).toBe(iframeSnippet(d, { theme: 'auto' }));
    } finally {
      await context.close();
    }
  });

  it('previews the embed in the chosen theme and width, sized to its content', async () => {
    const { context, tab, panel } = await openPanel();
    try {
      await panel.locator('select').waitFor();
      const preview = panel.locator('iframe');
      await preview.scrollIntoViewIfNeeded();
      const frameOf = async () => (await preview.elementHandle())!.contentFrame();
      await tab.waitForFunction((id) => document.querySelector<HTMLIFrameElement>(`#${id} iframe`)!.style.height !== '200px', `embed-${CHART}`);
      let frame = (await frameOf())!;
      await frame.waitForLoadState('load');
      expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
      // At the column's width, the preview is as wide as the panel, as the host script makes the iframe.
      expect(await preview.evaluate((f) => f.getBoundingClientRect().width)).toBe(await preview.evaluate((f) => f.parentElement!.clientWidth));
      await panel.locator('input[value="dark"]').check();
      await panel.locator('select').selectOption('480');
      await tab.waitForFunction((id) => document.querySelector<HTMLIFrameElement>(`#${id} iframe`)!.getAttribute('src') === `/embed/headline/?theme=dark`, `embed-${CHART}`);
      frame = (await frameOf())!;
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 19, 15)');
      expect(await preview.evaluate((f) => f.getBoundingClientRect().width)).toBeLessThanOrEqual(480);
      let last = -1;
      for (let i = 0; i < 40; i++) {
        const h = await preview.evaluate((f) => f.getBoundingClientRect().height);
        if (h === last) break;
        last = h;
        await tab.waitForTimeout(150);
      }
      const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      // The preview has a 1 px border above and below its content.
      expect(Math.abs(last - 2 - content)).toBeLessThanOrEqual(2);
    } finally {
      await context.close();
    }
  });

  it('copies a snippet with one click', async () => {
    const { context, tab, panel } = await openPanel();
    try {
      await panel.locator('select').waitFor();
      await panel.locator('input[value="dark"]').check();
      await previewSized(panel);
      // The clipboard refuses a write from a document without focus (the Clipboard API), and the
      // other files' pages share this browser: the tab is brought to the front first.
      await tab.bringToFront();
      expect(await tab.evaluate(() => document.hasFocus())).toBe(true);
      const button = panel.getByRole('button', { name: /Iframe/ });
      await button.click();
      await expect.poll(() => panel.locator('[role="status"]').textContent(), { timeout: 10_000 }).toBe('Kode sudah disalin.');
      expect(await tab.evaluate(() => navigator.clipboard.readText())).toBe(iframeSnippet(d, { theme: 'dark' }));
    } finally {
      await context.close();
    }
  });

  it('selects the snippet for Ctrl+C where there is no clipboard to write to', async () => {
    const { context, tab, panel } = await openPanel({ noClipboard: true });
    try {
      await panel.locator('select').waitFor();
      expect(await tab.evaluate(() => navigator.clipboard)).toBeUndefined();
      await previewSized(panel);
      await panel.getByRole('button', { name: /AMP/ }).click();
      await expect.poll(() => panel.locator('[role="status"]').textContent(), { timeout: 10_000 }).toMatch(/Ctrl\+C/);
      const selection = await panel.locator(`#embed-${CHART}-amp`).evaluate((t: HTMLTextAreaElement) => ({ start: t.selectionStart, end: t.selectionEnd, length: t.value.length, focused: document.activeElement === t }));
      expect(selection).toEqual({ start: 0, end: selection.length, length: selection.length, focused: true });
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, the open panel shows its snippets to select and copy', async () => {
    const { context, panel } = await openPanel({ javaScriptEnabled: false });
    try {
      await panel.locator('textarea').first().waitFor();
      expect(await panel.locator('textarea').count()).toBe(4);
      expect(await value(panel, 'iframe')).toBe(iframeSnippet(d));
      expect(await panel.locator('button, select, iframe').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
