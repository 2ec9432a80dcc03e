import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { METRICS } from '../../src/lib/metrics';
import { dataPaths } from '../../src/lib/paths';
import { href, type PageRef } from '../../src/lib/routes';
import { cityProfiles } from '../../src/lib/summarise';
import { siteCharts } from '../../src/charts/catalogue';
import { embedHref } from '../../src/lib/embed';
import { siteModel } from '../../src/lib/site';
import { htmlFiles, page, pageAddress } from '../helpers/dist';
import { brokenLinks } from '../helpers/links';

/** Tests over the built site in dist/ (npm test builds it first). */
const dist = 'dist';
const dataset = loadDataset(dataPaths({})).dataset!;
const profiles = cityProfiles(dataset);

const refs: PageRef[] = [
  { page: 'home' },
  { page: 'sources' },
  { page: 'methodology' },
  { page: 'data' },
  ...dataset.cities.map((c): PageRef => ({ page: 'city', id: c.id })),
  ...METRICS.map((m): PageRef => ({ page: 'metric', id: m.id })),
  ...dataset.events.map((e): PageRef => ({ page: 'event', id: e.id })),
  ...siteModel().pairs.map(([a, b]): PageRef => ({ page: 'compare', a: a.id, b: b.id })),
];

beforeAll(() => {
  if (!existsSync(`${dist}/index.html`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

describe('pages in both languages', () => {
  it('every page exists in Indonesian and English, and no other page is built', () => {
    const pages = refs.flatMap((r) => [href(r, 'id'), href(r, 'en')]);
    const embeds = (['id', 'en'] as const).flatMap((lang) => siteCharts(siteModel(), lang).embeddable.map((e) => embedHref(e.slug, lang)));
    const built = htmlFiles(dist).map((f) => pageAddress(dist, f)).filter((a) => a !== '/404.html').sort();
    expect(built).toEqual([...pages, ...embeds].sort());
    expect(pages.length).toBe(2 * (4 + 4 + 7 + 8 + 6));
    expect(embeds.filter((e) => e.startsWith('/en/')).length).toBe(embeds.length / 2);
  });

  it.each(refs.flatMap((r) => [[href(r, 'id'), r, 'id'], [href(r, 'en'), r, 'en']] as const))('%s has lang, one h1, title, description, canonical and hreflang pairs', (address, ref, lang) => {
    const $ = page(dist, address);
    expect($('html').attr('lang')).toBe(lang);
    expect($('h1')).toHaveLength(1);
    expect($('title').text().trim()).not.toBe('');
    expect($('meta[name="description"]').attr('content')?.trim()).toBeTruthy();
    expect(new URL($('link[rel="canonical"]').attr('href')!).pathname).toBe(address);
    const other = lang === 'id' ? 'en' : 'id';
    expect(new URL($(`link[rel="alternate"][hreflang="${other}"]`).attr('href')!).pathname).toBe(href(ref, other));
    expect(new URL($(`link[rel="alternate"][hreflang="${lang}"]`).attr('href')!).pathname).toBe(address);
    // The language switch lands on the same page in the other language.
    expect($('a.lang-switch').attr('href')).toBe(href(ref, other));
    expect($('meta[property="og:image"]').attr('content')).toMatch(/\.png$/);
  });
});

describe('figures equal the summary', () => {
  it.each(profiles.flatMap((p) => (['id', 'en'] as const).map((lang) => [p.city.id, lang, p] as const)))('city page %s (%s)', (id, lang, profile) => {
    const $ = page(dist, href({ page: 'city', id }, lang));
    for (const m of METRICS) {
      const shown = $(`.profile-figures dd[data-metric="${m.id}"] [data-value]`).attr('data-value');
      expect(shown, m.id).toBe(profile.metrics[m.id].value === null ? '' : String(profile.metrics[m.id].value));
    }
    const notReported = lang === 'id' ? 'tidak dilaporkan' : 'not reported';
    for (const m of METRICS)
      if (profile.metrics[m.id].value === null) expect($(`.profile-figures dd[data-metric="${m.id}"]`).text()).toContain(notReported);
  });

  it.each(METRICS.flatMap((m) => (['id', 'en'] as const).map((lang) => [m.id, lang] as const)))('metric page %s (%s)', (id, lang) => {
    const $ = page(dist, href({ page: 'metric', id }, lang));
    for (const p of profiles) {
      const cell = $(`tr[data-city="${p.city.id}"] td[data-metric="${id}"]`);
      expect(cell.attr('data-sort')).toBe(p.metrics[id].value === null ? '' : String(p.metrics[id].value));
    }
  });

  it('lists on a metric page the caveats of the records it sums, and only those', () => {
    const participants = page(dist, href({ page: 'metric', id: 'participants' }, 'en'));
    expect(participants('.flag[data-flag="target_not_count"]')).toHaveLength(1);
    expect(participants('.flag[data-flag="unit_not_people"]')).toHaveLength(1);
    expect(participants('#flag-mojokerto-2023-sertifikat')).toHaveLength(0);
    const certified = page(dist, href({ page: 'metric', id: 'certified' }, 'id'));
    expect(certified('#flag-mojokerto-2023-sertifikat')).toHaveLength(1);
    expect(certified('#flag-sertifikasi-probolinggo-jumlah')).toHaveLength(1);
    expect(certified('.flag[data-flag="target_not_count"]')).toHaveLength(0);
  });

  it('formats numbers and dates for the language', () => {
    const id = page(dist, href({ page: 'event', id: 'probolinggo-2022-pelatihan-dasar-batik' }, 'id'));
    expect(id('dl.fields').text()).toContain('23–27 Mei 2022');
    const en = page(dist, href({ page: 'event', id: 'probolinggo-2022-pelatihan-dasar-batik' }, 'en'));
    expect(en('dl.fields').text()).toMatch(/23\s*–\s*27 May 2022/);
  });

  it('shows an event with every field, its evidence in Indonesian and its flags', () => {
    const $ = page(dist, href({ page: 'event', id: 'blitar-2023-pelatihan-batik' }, 'en'));
    expect($('blockquote.evidence[lang="id"]').first().text()).toContain('pelatihan batik (Petik)');
    expect($('.flag[data-flag="target_not_count"]')).toHaveLength(1);
    expect($('a[href="https://jatim.kabardaerah.com/wali-kota-blitar-drs-h-santoso-membuka-pelatihan-batik-bagi-pelaku-usaha/"]').length).toBeGreaterThan(0);
  });
});

describe('links', () => {
  it('every internal link, anchor and asset in every page resolves; external links are https', () => {
    const report = brokenLinks(dist);
    expect(report.checked).toBeGreaterThan(1000);
    expect(report.problems).toEqual([]);
  });
});

describe('charts', () => {
  it('every chart SVG on every page has a title, a description and a table beside it', () => {
    let count = 0;
    for (const file of htmlFiles(dist).filter((f) => !f.includes(`${dist}/embed/`) && !f.includes(`${dist}/en/embed/`))) {
      const $ = page(dist, pageAddress(dist, file));
      $('figure.chart-figure').each((_, figure) => {
        const svg = $(figure).find('svg').first();
        expect(svg.attr('role')).toBe('img');
        const [titleId, descId] = svg.attr('aria-labelledby')!.split(' ');
        expect(svg.find(`title[id="${titleId}"]`).text().trim()).not.toBe('');
        expect(svg.find(`desc[id="${descId}"]`).text().trim()).not.toBe('');
        expect($(figure).find('table.chart-table tbody tr').length).toBeGreaterThan(0);
        expect($(figure).find('h2, h3').first().text().trim()).not.toBe('');
        count++;
      });
    }
    expect(count).toBeGreaterThan(30);
  });
});
