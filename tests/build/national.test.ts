import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import budgets from '../budgets.json';
import { writeSyntheticDataset } from '../../scripts/synthetic';
import { loadDataset } from '../../src/lib/load';
import { NAMED_CITIES_LIMIT } from '../../src/lib/ranking';
import { cityPairs, HOME_CITIES_LIMIT, href, provinceId } from '../../src/lib/routes';
import { BUILD } from '../helpers/build';
import { htmlFiles, page, pageAddress, resolves } from '../helpers/dist';
import { pageWeight } from '../helpers/weight';

/**
 * The site past HOME_CITIES_LIMIT cities, built from a synthetic dataset in Indonesia's 38
 * provinces. The home page's size follows the number of provinces, not of cities, so this
 * build's home page weighs what the 514-city one does (npm run bench prints that one), at a
 * fraction of the build time.
 */
const PROVINCES = 38;
const CITIES = PROVINCES + 2;
const root = mkdtempSync(join(tmpdir(), 'batik-national-'));
const { dataDir, reportsDir } = writeSyntheticDataset(root, { cities: CITIES, eventsPerCity: 1, provinces: PROVINCES, seed: 38 });
const out = join(root, 'dist');
const dataset = loadDataset({ dataDir, reportsDir }).dataset!;
const provinces = [...new Set(dataset.cities.map((c) => c.province))];
const citiesOf = (province: string) => dataset.cities.filter((c) => c.province === province);

beforeAll(() => {
  execFileSync(BUILD[0], BUILD.slice(1), { env: { ...process.env, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: reportsDir, BATIK_OUT_DIR: out }, stdio: 'pipe' });
}, 900_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(['id', 'en'] as const)('past HOME_CITIES_LIMIT cities (%s)', (lang) => {
  it('is a dataset past the limit', () => {
    expect(dataset.cities.length).toBeGreaterThan(HOME_CITIES_LIMIT);
    expect(provinces).toHaveLength(PROVINCES);
  });

  it('shows on the home page one card and one row per province, and no city', () => {
    const $ = page(out, href({ page: 'home' }, lang));
    for (const selector of ['li.card[data-province]', 'tr[data-province]']) {
      const ids = $(selector).map((_, el) => $(el).attr('data-province')).get();
      expect(ids).toEqual(provinces.map(provinceId));
    }
    expect($('[data-city]')).toHaveLength(0);
    expect($('svg[role="img"]')).toHaveLength(0);
    // The composer offers the cities from the summary it reads, not from options in the page.
    expect($('[data-pair-composer] option')).toHaveLength(0);
    for (const province of provinces) {
      const id = provinceId(province);
      const row = $(`tr[data-province="${id}"]`);
      expect(row.find('td[data-cities]').text()).toBe(String(citiesOf(province).length));
      expect(row.find('th a').attr('href')).toBe(href({ page: 'province', id }, lang));
      expect(resolves(out, href({ page: 'province', id }, lang))).toBe(true);
    }
  });

  it('keeps the home page within its budget', () => {
    const budget = budgets.pages.home;
    const w = pageWeight(out, href({ page: 'home' }, lang));
    console.log(`budget home ${lang} past ${HOME_CITIES_LIMIT} cities (${PROVINCES} provinces) ${w.gzipBytes} / ${budget.gzipBytes} B gzip · ${w.requests} / ${budget.requests} requests`);
    expect(w.gzipBytes).toBeLessThanOrEqual(budget.gzipBytes);
    expect(w.requests).toBeLessThanOrEqual(budget.requests);
    expect(w.scriptGzipBytes).toBeLessThanOrEqual(budget.scriptGzipBytes);
    expect(w.tablesInHtml).toBeGreaterThan(0);
  });

  it("gives each province a page with its cities' cards, charts, table and two-city pages, and each city one such page", () => {
    const seen: string[] = [];
    for (const province of provinces) {
      const id = provinceId(province);
      const $ = page(out, href({ page: 'province', id }, lang));
      const cities = citiesOf(province).map((c) => c.id);
      expect($('li.card[data-city]').map((_, el) => $(el).attr('data-city')).get()).toEqual(cities);
      expect($('tr[data-city]').map((_, el) => $(el).attr('data-city')).get()).toEqual(cities);
      expect($('[data-chart]').map((_, el) => $(el).attr('data-chart')).get()).toEqual(['headline', 'timeline', 'coverage', 'map'].map((c) => `province-${id}-${c}`));
      const pairs = cityPairs(citiesOf(province)).map(([a, b]) => href({ page: 'compare', a: a.id, b: b.id }, lang));
      for (const pair of pairs) expect($(`a[href="${pair}"]`)).toHaveLength(1);
      seen.push(...cities);
      // Its city pages link back to it.
      for (const c of cities) expect(page(out, href({ page: 'city', id: c }, lang))(`a[href="${href({ page: 'province', id }, lang)}"]`).length).toBeGreaterThan(0);
    }
    expect(seen.sort()).toEqual(dataset.cities.map((c) => c.id).sort());
  });

  it('counts, on a city page, the cities tied with it past NAMED_CITIES_LIMIT', () => {
    // Every synthetic city has one facility: all tie.
    const $ = page(out, href({ page: 'city', id: dataset.cities[0]!.id }, lang));
    const rank = $('tr[data-metric="facilities"] td[data-rank]').text();
    expect(CITIES - 1).toBeGreaterThan(NAMED_CITIES_LIMIT);
    expect(rank).toContain(lang === 'id' ? `sama dengan ${CITIES - 1} kota lain` : `tied with ${CITIES - 1} other cities`);
    expect($('tr[data-metric="facilities"] td[data-leader-count]').attr('data-leader-count')).toBe(String(CITIES));
  });
});

describe('the pages past HOME_CITIES_LIMIT', () => {
  it('grow with the cities, the provinces and the pairs within a province, never with every pair', () => {
    const addresses = htmlFiles(out).map((f) => pageAddress(out, f));
    const count = (pattern: RegExp) => addresses.filter((a) => pattern.test(a)).length;
    const pairs = provinces.reduce((n, p) => n + (citiesOf(p).length * (citiesOf(p).length - 1)) / 2, 0);
    expect(count(/^(\/en)?\/(kota|city)\/[^/]+\/$/)).toBe(2 * CITIES);
    expect(count(/^(\/en)?\/(provinsi|province)\/[^/]+\/$/)).toBe(2 * PROVINCES);
    expect(count(/^(\/en)?\/(banding|compare)\/[^/]+\/$/)).toBe(2 * pairs);
    // The home page's charts moved to the province pages, with their embeds.
    expect(existsSync(join(out, 'embed/headline'))).toBe(false);
    expect(existsSync(join(out, `embed/province-${provinceId(provinces[0]!)}-headline/chart.png`))).toBe(true);
  });
});
