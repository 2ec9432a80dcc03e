import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { METRICS } from '../../src/lib/metrics';
import { dataPaths } from '../../src/lib/paths';
import { href, type PageRef } from '../../src/lib/routes';
import { cityProfiles } from '../../src/lib/summarise';
import { siteEmbeds } from '../../src/charts/catalogue';
import { embedHref } from '../../src/lib/embed';
import { siteModel } from '../../src/lib/site';
import { htmlFiles, page, pageAddress } from '../helpers/dist';

/** Tests over the built site in dist/ (npm test builds it first). */
const dist = 'dist';
const dataset = loadDataset(dataPaths({})).dataset!;
const profiles = cityProfiles(dataset);

const refs: PageRef[] = [
  { page: 'home' },
  { page: 'sources' },
  { page: 'methodology' },
  { page: 'data' },
  { page: 'search' },
  ...dataset.cities.map((c): PageRef => ({ page: 'city', id: c.id })),
  ...METRICS.map((m): PageRef => ({ page: 'metric', id: m.id })),
  ...dataset.events.map((e): PageRef => ({ page: 'event', id: e.id })),
  ...dataset.facilities.map((f): PageRef => ({ page: 'facility', id: f.id })),
  ...dataset.policies.map((p): PageRef => ({ page: 'policy', id: p.id })),
  ...siteModel().pairs.map(([a, b]): PageRef => ({ page: 'compare', a: a.id, b: b.id })),
];

beforeAll(() => {
  if (!existsSync(`${dist}/index.html`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

describe('pages in both languages', () => {
  it('every page exists in Indonesian and English, and no other page is built', () => {
    const pages = refs.flatMap((r) => [href(r, 'id'), href(r, 'en')]);
    const embeds = (['id', 'en'] as const).flatMap((lang) => siteEmbeds(siteModel(), lang).map((e) => embedHref(e.slug, lang)));
    const built = htmlFiles(dist).map((f) => pageAddress(dist, f)).filter((a) => a !== '/404.html').sort();
    expect(built).toEqual([...pages, ...embeds].sort());
    // Home, sources, methodology, data, search; then a page per city, metric, event, facility, policy and pair.
    const records = dataset.events.length + dataset.facilities.length + dataset.policies.length;
    expect(pages.length).toBe(2 * (5 + dataset.cities.length + METRICS.length + records + siteModel().pairs.length));
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

describe('sitemap', () => {
  it('lists every page in both languages and no embed page', () => {
    const files = readdirSync(dist).filter((name) => /^sitemap-\d+\.xml$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    const listed = files.flatMap((name) => [...readFileSync(`${dist}/${name}`, 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    expect(listed.filter((address) => /^(\/en)?\/embed\//.test(address))).toEqual([]);
    expect(listed.sort()).toEqual(refs.flatMap((r) => [href(r, 'id'), href(r, 'en')]).sort());
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

  it.each(METRICS.map((m) => m.id))('metric page %s lists the caveats of the records it sums, and only those', (id) => {
    const $ = page(dist, href({ page: 'metric', id }, 'en'));
    const summed = new Set(profiles.flatMap((p) => p.metrics[id].records));
    const shown = $('.flag').map((_, el) => $(el).attr('id')!.replace(/^flag-/, '')).get();
    const flagById = new Map(dataset.flags.map((f) => [f.id, f]));
    for (const flagId of shown) expect(summed.has(flagById.get(flagId)!.record_id), flagId).toBe(true);
    // A target summed into participants is always named beside the figure.
    if (id === 'participants')
      for (const f of dataset.flags.filter((x) => x.type === 'target_not_count' && summed.has(x.record_id) && x.field === 'participants')) expect(shown, f.id).toContain(f.id);
  });

  it('formats numbers and dates for the language', () => {
    const e = dataset.events.find((x) => x.start_precision === 'day' && x.end_precision === 'day' && x.end_date && x.start_date!.slice(0, 7) === x.end_date.slice(0, 7) && x.start_date !== x.end_date)!;
    const [d1, d2] = [Number(e.start_date!.slice(8)), Number(e.end_date!.slice(8))];
    const id = page(dist, href({ page: 'event', id: e.id }, 'id'));
    expect(id('dl.fields').text()).toMatch(new RegExp(`${d1}\\s*–\\s*${d2} \\p{L}+ ${e.start_date!.slice(0, 4)}`, 'u'));
    const en = page(dist, href({ page: 'event', id: e.id }, 'en'));
    expect(en('dl.fields').text()).toMatch(new RegExp(`${d1}\\s*–\\s*${d2} [A-Z][a-z]+ ${e.start_date!.slice(0, 4)}`));
  });

  it('shows an event with what each report says, its evidence in the report’s language, and its flags', () => {
    const e = dataset.events.find((x) => (dataset.flagsByRecord.get(`event:${x.id}`) ?? []).length > 0 && x.sources.length > 0)!;
    const $ = page(dist, href({ page: 'event', id: e.id }, 'en'));
    for (const c of e.claims) expect($(`blockquote.evidence[lang="${dataset.sourceById.get(c.source)!.language}"]`).text()).toContain(c.evidence.replace(/\s+/g, ' ').trim().slice(0, 20));
    // The event's own flags, then those on the reports that tell it.
    const own = dataset.flagsByRecord.get(`event:${e.id}`)!;
    const ofReports = e.sources.flatMap((s) => dataset.flagsByRecord.get(`source:${s}`) ?? []);
    expect($('.flag').map((_, el) => $(el).attr('id')).get().sort()).toEqual([...own, ...ofReports].map((f) => `flag-${f.id}`).sort());
    for (const s of e.sources) expect($(`a[href="${dataset.sourceById.get(s)!.url}"]`).length).toBeGreaterThan(0);
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

describe('facility and policy pages', () => {
  it('a facility page gives its status history and what each report says', () => {
    const f = dataset.facilities.find((x) => x.statuses.length > 0 && x.sources.length > 1) ?? dataset.facilities[0]!;
    for (const lang of ['id', 'en'] as const) {
      const $ = page(dist, href({ page: 'facility', id: f.id }, lang));
      expect($('ol.status-history li')).toHaveLength(f.statuses.length);
      expect($('section.report')).toHaveLength(f.sources.length);
      for (const c of f.claims) expect($(`section.report[data-source="${c.source}"] blockquote.evidence`).text()).toContain(c.evidence.replace(/\s+/g, ' ').trim().slice(0, 20));
    }
  });

  it('a policy page quotes every report that tells it', () => {
    for (const p of dataset.policies) {
      const $ = page(dist, href({ page: 'policy', id: p.id }, 'en'));
      expect($('section.report').map((_, el) => $(el).attr('data-source')).get()).toEqual(p.sources);
    }
  });

  it('a city page lists its facilities and policies, each linking to its own page', () => {
    for (const c of dataset.cities) {
      const $ = page(dist, href({ page: 'city', id: c.id }, 'id'));
      for (const f of dataset.facilitiesByCity.get(c.id) ?? []) expect($(`#facility-${f.id} a`).attr('href')).toBe(href({ page: 'facility', id: f.id }, 'id'));
      for (const p of dataset.policiesByCity.get(c.id) ?? []) expect($(`#policy-${p.id} a`).attr('href')).toBe(href({ page: 'policy', id: p.id }, 'id'));
    }
  });
});
