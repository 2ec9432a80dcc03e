import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, installAxe } from '../helpers/axe';
import { CONTEXT, servedSite, visit } from '../helpers/browser';
import { htmlFiles, pageAddress } from '../helpers/dist';
import { tally } from '../helpers/tally';

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on every built page (embeds included: they are
 * found by walking the build), in the light and the dark colour scheme, with the site's
 * real Content-Security-Policy in force (see tests/helpers/axe.ts for how axe gets in).
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` before \`npx vitest run tests/quality\``);
const addresses = htmlFiles(dist).map((f) => pageAddress(dist, f));

const site = servedSite(dist, { ...CONTEXT, colorScheme: 'light' }, installAxe);

describe('WCAG 2.1 A/AA in the light and the dark colour scheme', () => {
  it('embeds are audited whenever they are built', () => {
    const embeds = ['embed', 'en/embed'].filter((d) => existsSync(join(dist, d))).flatMap((d) => htmlFiles(join(dist, d)));
    expect(addresses.filter((a) => /^\/(en\/)?embed\//.test(a))).toHaveLength(embeds.length);
  });

  // One load per page: the colour scheme is switched in place (as a reader's system
  // setting would switch it) and axe runs again, which halves the time of two loads.
  it.each(addresses)('%s has no violations', async (address) => {
    const page = await site.context.newPage();
    try {
      // The page itself must have loaded (a build that is being rewritten serves 404s).
      const loaded = await visit(page, site.server.origin, address);
      expect(loaded.failedRequests.filter((f) => f.startsWith(address))).toEqual([]);
      const found: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        const violations = await axeViolations(page);
        tally('axe runs');
        tally('axe violations', violations.reduce((n, v) => n + v.nodes.length, 0));
        found.push(...describeViolations(`${address} (${scheme})`, violations));
      }
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
