import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { serve, type StaticServer } from './serve';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The address of the Chromium the browser project's global setup started (tests/helpers/chromium-server.ts). */
    chromiumEndpoint?: string;
  }
}

/**
 * A Chromium for a test file: the one the run started once for every browser test, when there
 * is one, or else one of its own. Starting Chromium costs about a second of CPU, paid once a
 * run instead of once a file; a connected browser's close() closes only the contexts this file
 * opened and disconnects. The name stays `launchChromium` so that test files written against
 * it elsewhere share the run's browser without a change.
 */
export const launchChromium = (): Promise<Browser> => {
  const endpoint = inject('chromiumEndpoint');
  return endpoint ? chromium.connect(endpoint) : chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
};

/** Context options for every check: a fixed window, locale and time zone. */
export const CONTEXT: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'UTC' };

/** Everything that went wrong while a page loaded and ran. Empty lists mean a clean page. */
export interface PageIssues {
  /** Requests still under way (not part of the report; used to wait for quiet). */
  readonly pending?: Set<unknown>;
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
  cspViolations: string[];
  dialogs: string[];
}

const REPORTED = ['consoleErrors', 'pageErrors', 'failedRequests', 'foreignRequests', 'cspViolations', 'dialogs'] as const;
export const noIssues = (i: PageIssues) => REPORTED.every((k) => i[k].length === 0);

/**
 * Listens in the page itself for `securitypolicyviolation` events. Init scripts are run
 * by the DevTools protocol, not by the page, so the page's own CSP does not stop them.
 */
const CSP_LISTENER = () => {
  const w = window as unknown as { __cspViolations?: string[] };
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
    w.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${where}${e.sample ? ` sample "${e.sample}"` : ''}`);
  });
};

/**
 * Attach the listeners to a fresh page before it navigates. Console messages about the
 * Content-Security-Policy are counted as CSP violations (Chromium logs every refusal),
 * other console errors as console errors. A dialog (alert, confirm, prompt) is dismissed
 * and recorded: hostile text must never run.
 */
export async function watchPage(page: Page, origin: string): Promise<PageIssues> {
  const pending = new Set<unknown>();
  const issues: PageIssues = { pending, consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], cspViolations: [], dialogs: [] };
  page.on('request', (req) => pending.add(req));
  page.on('requestfinished', (req) => pending.delete(req));
  page.on('requestfailed', (req) => pending.delete(req));
  await page.addInitScript(CSP_LISTENER);
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[ -]Security[ -]Policy/i.test(text)) issues.cspViolations.push(`console: ${text}`);
    else if (msg.type() === 'error') issues.consoleErrors.push(`${text}${msg.location().url ? ` (${msg.location().url})` : ''}`);
  });
  page.on('pageerror', (err) => issues.pageErrors.push(String(err)));
  page.on('dialog', (dialog) => {
    issues.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) issues.foreignRequests.push(`${req.method()} ${url}`);
  });
  page.on('requestfailed', (req) => {
    // A request to another origin is already reported as such, and is aborted by nothing here.
    issues.failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? 'failed'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) issues.failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
  });
  return issues;
}

/**
 * Read the violations the in-page listener saw, after letting queued events run. With
 * JavaScript off, timers never fire, so the queue is not waited for and the console
 * messages (which Chromium logs for every refusal) are what tells.
 */
export async function collectCsp(page: Page, issues: PageIssues, javaScript = true): Promise<void> {
  const seen = await page.evaluate(async (wait) => {
    if (wait) await new Promise((r) => setTimeout(r, 0));
    return (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [];
  }, javaScript);
  issues.cspViolations.push(...seen.map((v) => `event: ${v}`));
}

/**
 * Open an address on the served site with every listener attached, wait until it has
 * loaded and its scripts have run, and return what went wrong.
 */
export async function visit(page: Page, origin: string, address: string, opts: { expectStatus?: number; javaScript?: boolean } = {}): Promise<PageIssues> {
  const issues = await watchPage(page, origin);
  const response = await page.goto(new URL(address, origin).href, { waitUntil: 'load' });
  // Scripts may fetch after load (the pair composer reads city-summary.json): wait until
  // no request is under way, so a failure after load is still seen.
  for (let waited = 0; (issues.pending?.size ?? 0) > 0 && waited < 5_000; waited += 25) await page.waitForTimeout(25);
  if (issues.pending?.size) issues.failedRequests.push(`${issues.pending.size} request(s) still under way 5 s after load`);
  const expected = opts.expectStatus ?? 200;
  if (!response) issues.failedRequests.push(`${address} (no response)`);
  else if (response.status() !== expected) {
    // The 404 page is meant to answer 404; any other status on the page itself is a failure.
    if (!(expected === 404 && response.status() === 404)) issues.failedRequests.push(`${address} (HTTP ${response.status()}, expected ${expected})`);
  }
  if (expected === 404) {
    // The document's own 404 is expected (Chromium also logs it as a console error).
    const own = new URL(address, origin).href;
    issues.failedRequests = issues.failedRequests.filter((f) => f !== `${own} (HTTP 404)`);
    issues.consoleErrors = issues.consoleErrors.filter((e) => !(e.startsWith('Failed to load resource: the server responded with a status of 404') && e.endsWith(`(${own})`)));
  }
  await collectCsp(page, issues, opts.javaScript ?? true);
  return issues;
}

/** The issues as readable lines, for a failing assertion's message. */
export const describeIssues = (address: string, issues: PageIssues): string[] =>
  REPORTED.flatMap((kind) => issues[kind].map((item) => `${address} ${kind}: ${item}`));

/**
 * How wide the page lays out, and the innermost elements that stick out past the
 * viewport (outside scrolling table wrappers, which are meant to scroll), to say what
 * to fix.
 */
export function horizontalOverflow(page: Page): Promise<{ viewport: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > limit + 1;
    const classes = (e: Element) => (typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : '');
    const name = (e: Element) => `${e.tagName.toLowerCase()}${classes(e)}`;
    const culprits = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => sticksOut(el) && !el.parentElement?.closest('.table-wrap'))
      .filter((el) => !Array.from(el.children).some(sticksOut))
      .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
      .slice(0, 6)
      .map((el) => {
        const path = [el.parentElement?.parentElement, el.parentElement].filter((e): e is HTMLElement => !!e && e !== document.body).map(name);
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${[...path, name(el)].join(' > ')}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''} "${text}" right=${Math.round(el.getBoundingClientRect().right)}`;
      });
    return { viewport: window.innerWidth, width: document.documentElement.scrollWidth, culprits };
  });
}

/** A built site served over HTTP with its own headers, and Chromium open on it. */
export interface ServedSite {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
}

/**
 * Serve a built site and open Chromium for the tests of a file or a describe block: opened
 * in beforeAll, closed in afterAll. `root` may be a function when the folder is only known
 * once an earlier beforeAll has built it.
 */
export function servedSite(
  root: string | (() => string),
  options: BrowserContextOptions = CONTEXT,
  setup: (context: BrowserContext) => Promise<void> = async () => {},
): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serve(typeof root === 'function' ? root() : root);
    site.browser = await launchChromium();
    site.context = await site.browser.newContext(options);
    await setup(site.context);
  });
  afterAll(async () => {
    await site.context?.close();
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Open one page of a served site in a context of its own (its viewport, colour scheme,
 * JavaScript on or off), run `check` on it, and close the context whatever happens.
 */
export async function withPage<T>(site: ServedSite, address: string, options: BrowserContextOptions, check: (page: Page) => Promise<T>): Promise<T> {
  const context = await site.browser.newContext(options);
  try {
    const page = await context.newPage();
    await page.goto(new URL(address, site.server.origin).href, { waitUntil: 'load' });
    return await check(page);
  } finally {
    await context.close();
  }
}
