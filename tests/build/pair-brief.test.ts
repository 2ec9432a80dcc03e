import type { CheerioAPI } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cityName } from '../../src/charts/layout';
import { useTranslations } from '../../src/i18n';
import { figureCaveats } from '../../src/lib/caveats';
import { formatPartialDate, type Lang } from '../../src/lib/format';
import { METRICS } from '../../src/lib/metrics';
import { qualifierParts, qualifierPhrase } from '../../src/lib/qualifiers';
import { href, pairOrderAnchor } from '../../src/lib/routes';
import { siteModel } from '../../src/lib/site';
import type { CityProfile } from '../../src/lib/summarise';
import { notReported } from '../../src/components/text';
import { page } from '../helpers/dist';

/**
 * The printable two-city brief, over every pair page in dist/ in both languages: its
 * stylesheets print it on A4, it carries the date of the build and the version of the data
 * package, every qualifier and caveat of a figure sits in the figure's own cell, and a link
 * leads to the same brief with the other city first. The cases come from the data as loaded,
 * so a new report adds or removes cases rather than breaking the test. Page count and layout
 * on paper are measured in Chromium (tests/browser/pair-brief.test.ts).
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
const { pairs, profileById, dataset } = siteModel();
const LANGS = ['id', 'en'] as const;

const pages = pairs.flatMap(([a, b]) => LANGS.map((lang) => ({ address: href({ page: 'compare', a: a.id, b: b.id }, lang), lang, pair: [profileById.get(a.id)!, profileById.get(b.id)!] as const })));
const named = <T extends { address: string }>(cases: T[]) => cases.map((c) => [c.address, c] as const);

beforeAll(() => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` first (npm test does)`);
});

/** Every stylesheet a page links, as one text: what a browser printing it would apply. */
const stylesheets = ($: CheerioAPI) =>
  $('link[rel="stylesheet"]')
    .map((_, l) => readFileSync(join(dist, $(l).attr('href')!), 'utf8'))
    .get()
    .join('\n');

/** The body of each `@media print { … }` block, braces balanced. */
function printBlocks(css: string): string[] {
  const blocks: string[] = [];
  for (const match of css.matchAll(/@media\s+print\s*\{/g)) {
    let depth = 1;
    let i = match.index! + match[0].length;
    const start = i;
    for (; i < css.length && depth > 0; i++) depth += css[i] === '{' ? 1 : css[i] === '}' ? -1 : 0;
    blocks.push(css.slice(start, i - 1));
  }
  return blocks;
}

describe('the brief prints on A4', () => {
  it.each(named(pages))('%s', (address) => {
    const print = printBlocks(stylesheets(page(dist, address))).join('\n');
    expect(print, 'an @page rule for A4 in the print rules').toMatch(/@page\s*\{[^}]*size:\s*A4\b/i);
    // What stays online when printed must be hidden by a rule, not by luck of the page length.
    for (const selector of ['.site-header nav', 'details.embed', '.pair', '.brief-online-only']) expect(print, selector).toContain(selector);
  });
});

describe('the brief carries its date and the data package version', () => {
  const version = JSON.parse(readFileSync(join(dist, 'data', 'datapackage.json'), 'utf8')).version as string;

  it.each(named(pages))('%s', (address, { lang }) => {
    const $ = page(dist, address);
    const meta = $('[data-brief-meta]');
    expect(meta).toHaveLength(1);
    const date = meta.find('time').attr('datetime') ?? '';
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(meta.find('time').text()).toBe(formatPartialDate(date, lang));
    expect(meta.text()).toContain(version);
    // Printed as well as on screen: not inside anything the print rules hide.
    expect(meta.closest('.no-print, .brief-online-only, .pair')).toHaveLength(0);
  });
});

/** The cell of one city's figure for one metric, in the copy of the brief that shows `first` first. */
const cell = ($: CheerioAPI, lang: Lang, first: string, metric: string, city: string) =>
  $(`#${pairOrderAnchor(first, lang)} table.brief-table tr[data-metric="${metric}"] td[data-city="${city}"]`);

describe('every qualifier and caveat sits in the figure’s own cell', () => {
  const figures = pages.flatMap(({ address, lang, pair }) =>
    pair.flatMap((p) => METRICS.map((m) => ({ address: `${address} ${p.city.id} ${m.id}`, page: address, lang, pair, p, m }))),
  );

  it.each(named(figures))('%s', (_, { page: address, lang, pair, p, m }) => {
    const $ = page(dist, address);
    const t = useTranslations(lang);
    const v = p.metrics[m.id];
    for (const first of pair.map((x: CityProfile) => x.city.id)) {
      const td = cell($, lang, first, m.id, p.city.id);
      expect(td, `${first} first`).toHaveLength(1);
      expect(td.find('[data-value]').attr('data-value')).toBe(v.value === null ? '' : String(v.value));
      for (const part of qualifierParts(v)) expect(td.find(`[data-qualifier="${part.qualifier}"]`).text(), part.qualifier).toBe(qualifierPhrase(part, lang));
      const caveats = figureCaveats(dataset, m, v);
      expect(Number(td.find('[data-caveats]').attr('data-caveats') ?? 0), 'caveats').toBe(caveats.length);
      for (const f of caveats) expect(td.find('[data-caveats]').text(), f.type).toContain(t(`flagType.${f.type}`));
      if (v.value === null) {
        expect(td.find('.not-reported').text()).toBe(notReported(lang));
        expect(td.find('[data-rate]'), 'no rate of nothing').toHaveLength(0);
      } else {
        expect(td.text(), 'reports').toContain(` · ${v.sources.length} `);
        expect(td.find('[data-missing]').attr('data-missing') ?? '0', 'events without the figure').toBe(String(v.missing.length));
        expect(td.find('[data-rate]')).toHaveLength(1);
      }
    }
  });

  it.each(named(pages))('%s says what “not reported” means beside the figures', (address, { lang }) => {
    const $ = page(dist, address);
    for (const caption of $('table.brief-table caption').toArray()) expect($(caption).text()).toContain(useTranslations(lang)('figure.notReportedMeaning'));
  });
});

describe('the reader puts either city first', () => {
  it.each(named(pages))('%s', (address, { lang, pair }) => {
    const $ = page(dist, address);
    const ids = pair.map((p) => p.city.id);
    for (const [first, second] of [ids, [...ids].reverse()] as [string, string][]) {
      const copy = $(`#${pairOrderAnchor(first, lang)}`);
      expect(copy, `a copy with ${first} first`).toHaveLength(1);
      expect(copy.find('table.brief-table thead th[data-city]').map((_, th) => $(th).attr('data-city')).get()).toEqual([first, second]);
      for (const row of copy.find('table.brief-table tbody tr').toArray()) expect($(row).find('td[data-city]').map((_, td) => $(td).attr('data-city')).get()).toEqual([first, second]);
      // Its control leads to the copy with the other city first, named in the link.
      const control = copy.find('a[data-order-switch]');
      expect(control.attr('href')).toBe(`#${pairOrderAnchor(second, lang)}`);
      expect(control.text()).toContain(cityName(profileById.get(second)!.city, lang));
    }
    // The page's own order shows by default: the other copy comes first and the stylesheet
    // hides it unless targeted (tests/browser/pair-brief.test.ts shows it in a browser).
    expect($('.pair-order').map((_, el) => $(el).attr('id')).get()).toEqual([pairOrderAnchor(ids[1]!, lang), pairOrderAnchor(ids[0]!, lang)]);
    expect($('.pair-order').first().hasClass('pair-order-alternate')).toBe(true);
  });
});
