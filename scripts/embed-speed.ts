/**
 * `npm run embed-speed`: how soon an embed's chart is on screen for a reader on a slow phone
 * network. Serves the built site (dist/, or --dist <folder>) with its own `_headers`, as the
 * browser tests do, gzip-compressed as a static host sends it, and opens each kind of embed page — the chart embed the budgets name and a
 * city's profile card — in Debian's Chromium (CHROME_PATH, or /usr/bin/chromium) under
 * Lighthouse's "slow 4G" profile, applied through the DevTools protocol: the connection's
 * round trip as each request's latency, its download and upload rates, and the CPU slowed
 * fourfold. Each run is a fresh browser context, so nothing is cached.
 *
 * It prints every run and the median of each page (--runs N, at least 7), and with --strict
 * exits with status 1 when a median is above the goal (--goal ms, default 400: issue 14).
 * --cpu N sets another CPU slowdown: with 1, the figures show what the machine itself costs,
 * which tells a busy machine (whose own slowness the 4× is multiplied onto) from a slow page.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { screenEmulationMetrics, throttling } from 'lighthouse/core/config/constants.js';
import budgets from '../tests/budgets.json';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium';
import { serve } from '../tests/helpers/serve';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    goal: { type: 'string', default: '400' },
    dist: { type: 'string', default: 'dist' },
    strict: { type: 'boolean', default: false },
    cpu: { type: 'string' },
  },
});
const runs = Number(values.runs);
const goal = Number(values.goal);
// A median of fewer runs moves with a single slow one on a busy machine.
if (!Number.isInteger(runs) || runs < 7) throw new Error(`--runs must be a whole number of at least 7 (got ${values.runs})`);
if (!(goal > 0)) throw new Error(`--goal must be a number of milliseconds (got ${values.goal})`);

/**
 * Lighthouse's slow 4G, as the connection it describes: 150 ms round trip, 1.6 Mbps down and
 * 750 Kbps up, with a 4× slower CPU. Lighthouse's own "devtools" throttling multiplies the
 * latency by 3.75 and the rates by 0.9 to stand in for the TCP round trips a request-level
 * throttle cannot model; these are the connection's figures themselves, undone from the
 * adjusted upload rate, as issue 14's earlier measurement used them.
 */
const slow4G = throttling.mobileSlow4G;
const NETWORK = {
  offline: false,
  latency: slow4G.rttMs,
  // The protocol takes bytes per second; Lighthouse converts its kilobits the same way (1024 / 8).
  downloadThroughput: Math.floor((slow4G.throughputKbps * 1024) / 8),
  uploadThroughput: Math.floor(((slow4G.uploadThroughputKbps / throttling.DEVTOOLS_THROUGHPUT_ADJUSTMENT_FACTOR) * 1024) / 8),
};
const CPU_RATE = values.cpu === undefined ? slow4G.cpuSlowdownMultiplier : Number(values.cpu);
if (!(CPU_RATE >= 1)) throw new Error(`--cpu must be a slowdown of at least 1 (got ${values.cpu})`);
const PHONE = screenEmulationMetrics.mobile;

/** The chart embed the budgets weigh, and the first city's profile card: one page per kind of embed. */
const profile = readdirSync(join(values.dist, 'embed')).filter((name) => name.startsWith('profile-')).sort()[0];
if (!profile) throw new Error(`${values.dist}/embed/ holds no profile card: build the site first (npm run build)`);
const PAGES = [
  { kind: 'chart', path: budgets.pages.embed.path, content: 'figure svg' },
  { kind: 'profile', path: `/embed/${profile}/`, content: '.profile-card' },
];

/**
 * Installed before the page's own scripts, by the DevTools protocol (so the page's
 * Content-Security-Policy does not apply to it). It notes when the content — the chart's SVG or
 * the profile's figures — enters the document, the first contentful paint and the largest one,
 * and the first frame after the content is in the document. The content is on screen at the
 * first contentful paint when it was in the document by then (nothing is painted before
 * render-blocking stylesheets have come, and a paint shows all there is), else at the first
 * frame after it arrived. SVG is not a candidate for element timing or largest contentful
 * paint, which is why the frame is timed here.
 */
function observe(selector: string) {
  const w = window as unknown as { __embedSpeed: { inDocument?: number; frame?: number; fcp?: number; lcp?: number } };
  const m = (w.__embedSpeed = {} as (typeof w)['__embedSpeed']);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') m.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) m.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const seen = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    seen.disconnect();
    m.inDocument = performance.now();
    requestAnimationFrame(() => (m.frame = performance.now()));
  });
  seen.observe(document, { childList: true, subtree: true });
}

interface Run {
  visible: number;
  fcp: number;
  lcp: number;
  requests: number;
  renderBlocking: number;
}

async function measure(browser: Browser, url: string, content: string): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: PHONE.width, height: PHONE.height },
    deviceScaleFactor: PHONE.deviceScaleFactor,
    isMobile: PHONE.mobile,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(observe, content);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
    await page.goto(url, { waitUntil: 'load' });
    // Paint entries are delivered after the frame; wait until both paints are known.
    await page.waitForFunction(() => {
      const m = (window as unknown as { __embedSpeed: Record<string, number | undefined> }).__embedSpeed;
      return m.fcp !== undefined && m.frame !== undefined && m.lcp !== undefined;
    });
    const m = await page.evaluate(() => (window as unknown as { __embedSpeed: Record<string, number> }).__embedSpeed);
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => (r as PerformanceResourceTiming & { renderBlockingStatus?: string }).renderBlockingStatus ?? 'unknown'),
    );
    const visible = m.inDocument! <= m.fcp! ? m.fcp! : m.frame!;
    return { visible, fcp: m.fcp!, lcp: m.lcp!, requests: 1 + resources.length, renderBlocking: resources.filter((s) => s === 'blocking').length };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (n: number) => `${Math.round(n)} ms`;

const server = await serve(values.dist, { gzip: true });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? CHROMIUM, args: CHROMIUM_ARGS });
const above: string[] = [];
try {
  console.log(
    `slow 4G: ${NETWORK.latency} ms latency, ${((NETWORK.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbps down, ` +
      `${Math.round((NETWORK.uploadThroughput * 8) / 1024)} Kbps up; CPU throttled ${CPU_RATE}×; ${PHONE.width}×${PHONE.height} px at ${PHONE.deviceScaleFactor}×; ${runs} runs a page`,
  );
  for (const { kind, path, content } of PAGES) {
    const times: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const run = await measure(browser, `${server.origin}${path}`, content);
      times.push(run.visible);
      console.log(
        `${kind.padEnd(8)} ${path.padEnd(26)} run ${String(i).padStart(2)}: visible ${ms(run.visible).padStart(7)} · FCP ${ms(run.fcp)} · LCP ${ms(run.lcp)} · ` +
          `${run.requests} requests, ${run.renderBlocking} render-blocking`,
      );
    }
    const m = median(times);
    console.log(`${kind.padEnd(8)} ${path.padEnd(26)} median: ${ms(m)} (goal ${ms(goal)})`);
    if (m > goal) above.push(`${path} ${ms(m)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (above.length) console.log(`above the goal of ${ms(goal)}: ${above.join(', ')}`);
if (values.strict && above.length) process.exit(1);
