import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../helpers/dist';
import { describeHtmlErrors, htmlErrors, vnuErrors } from '../helpers/html-check';
import { brokenLinks } from '../helpers/links';
import { tally } from '../helpers/tally';

/**
 * Every built page is valid HTML by two checkers, and every link resolves: internal ones
 * to a built file (and anchor), external ones are well-formed absolute https: addresses.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` before \`npx vitest run tests/quality\``);
const files = htmlFiles(dist).map((f) => resolve(f));

// The two checkers run side by side: the Nu HTML Checker is a Java process of its own, started
// first, so it checks while html-validate works in this one.
describe.concurrent('valid HTML', () => {
  it('the Nu HTML Checker finds no error in any page', async ({ expect }) => {
    const errors = await vnuErrors(files);
    tally('HTML errors', errors.length);
    expect(describeHtmlErrors(errors)).toEqual([]);
  }, 180_000);

  // Every page, as the Nu HTML Checker has, and on half the CPU while the two run: the same time allowed.
  it(`html-validate (recommended rules) finds no error in the ${files.length} pages`, async ({ expect }) => {
    const errors = await htmlErrors(files);
    tally('HTML files', files.length);
    tally('HTML errors', errors.length);
    expect(describeHtmlErrors(errors)).toEqual([]);
  }, 180_000);
});

// The site's one link check (tests/helpers/links.ts reads every page of the build).
describe('links', () => {
  it('every internal link, anchor and asset resolves and every external link is a well-formed https: address', () => {
    const report = brokenLinks(dist);
    tally('links checked', report.checked);
    tally('broken links', report.problems.length);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(1000);
    // Pages link to their sources on other sites, so the external check has work to do.
    expect(report.external).toBeGreaterThan(0);
    expect(report.checked).toBeGreaterThan(report.external);
  });
});
