/**
 * `npm run lighthouse`: Lighthouse (mobile profile) on the home page, a city page and an embed
 * page of the built site, served by `astro preview`, in Debian's Chromium (CHROME_PATH, or
 * /usr/bin/chromium). Prints each category's score and every audit that does not pass.
 * With --strict it exits with status 1 when a score is below 100.
 */
import { preview } from 'astro';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const PAGES = ['/', '/kota/probolinggo/', '/embed/headline/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const strict = process.argv.includes('--strict');

const server = await preview({ root: process.cwd(), logLevel: 'error', server: { host: '127.0.0.1', port: 4399 } });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  // Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
let below = 0;
try {
  for (const path of PAGES) {
    const url = `http://127.0.0.1:4399${path}`;
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const scores = CATEGORIES.map((c) => `${c} ${Math.round((categories[c]?.score ?? 0) * 100)}`);
    console.log(`${path.padEnd(22)} ${scores.join(' · ')}`);
    for (const c of CATEGORIES) {
      if ((categories[c]?.score ?? 0) < 1) below++;
      for (const ref of categories[c]?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (!audit || audit.score === null || audit.score >= 1 || ref.weight === 0) continue;
        console.log(`  ${c}: ${audit.id} (${Math.round(audit.score * 100)}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
if (strict && below) process.exit(1);
