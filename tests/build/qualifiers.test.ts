import type { CheerioAPI } from 'cheerio';
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cityName } from '../../src/charts/layout';
import { formatNumber, type Lang } from '../../src/lib/format';
import { COMPARISON_START_YEAR, HEADLINE_METRICS, METRICS, type Metric } from '../../src/lib/metrics';
import { qualifierParts, qualifierPhrase, type QualifierPart } from '../../src/lib/qualifiers';
import { MEDIAN_MIN_VALUES } from '../../src/lib/ranking';
import { href } from '../../src/lib/routes';
import { siteModel } from '../../src/lib/site';
import type { CountUnit } from '../../src/lib/schema';
import type { CityProfile } from '../../src/lib/summarise';
import { htmlFiles, page, pageAddress } from '../helpers/dist';

/**
 * Every qualifier travels with its number (issue 12): over the built site in dist/, every
 * surface that shows a figure that is partly a target, an inference or a facility not yet
 * built shows its qualifier, a count of businesses or pupils says so, and every rank follows
 * the one ranking rule. The cases come from the data as loaded, so a new report that adds or
 * removes a target adds or removes cases rather than breaking the test.
 */
const dist = 'dist';
const model = siteModel();
const { profiles, rankings, dataset } = model;
const LANGS = ['id', 'en'] as const;
const words = { id: { notReported: 'tidak dilaporkan', of: 'dari', tied: 'sama dengan' }, en: { notReported: 'not reported', of: 'of', tied: 'tied with' } } as const;
const text = ($: CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();

/** Every qualified figure: a city, a metric and one qualifier it carries, in each language. */
const qualified = profiles.flatMap((p) =>
  METRICS.flatMap((m) => qualifierParts(p.metrics[m.id]).flatMap((part) => LANGS.map((lang) => ({ p, m, part, lang, phrase: qualifierPhrase(part, lang) })))),
);
const caseName = ({ p, m, part, lang }: { p: CityProfile; m: Metric; part: QualifierPart; lang: Lang }) => `${p.city.id} ${m.id} ${part.qualifier} (${lang})`;

/** The qualifier as a surface marks it: a data-qualifier element holding the words. */
function expectQualifier($: CheerioAPI, scope: string, part: QualifierPart, phrase: string, surface: string) {
  const marked = $(`${scope} [data-qualifier="${part.qualifier}"]`);
  expect(marked.length, `${surface}: ${scope} has no ${part.qualifier} qualifier`).toBeGreaterThan(0);
  expect(marked.first().text(), surface).toBe(phrase);
}

beforeAll(() => {
  if (!existsSync(`${dist}/index.html`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

describe('the data has figures that need their qualifiers', () => {
  // Guards the cases below against passing vacuously: the record has targets, inferences, businesses and facilities not yet built.
  it('finds targets, inferences, businesses and facilities not yet built', () => {
    const kinds = new Set(qualified.map((c) => c.part.qualifier));
    expect(kinds).toContain('target');
    expect(kinds).toContain('inferred');
    expect(profiles.some((p) => p.metrics.businesses.value !== null)).toBe(true);
    expect(kinds.has('planned') || kinds.has('under_construction')).toBe(true);
  });
});

describe('every surface showing a qualified figure shows its qualifier', () => {
  it.each(qualified.filter((c) => HEADLINE_METRICS.includes(c.m.id)).map((c) => [caseName(c), c] as const))('home card: %s', (_, { p, m, part, lang, phrase }) => {
    expectQualifier(page(dist, href({ page: 'home' }, lang)), `li.card[data-city="${p.city.id}"] dd[data-metric="${m.id}"]`, part, phrase, 'home card');
  });

  it.each(qualified.map((c) => [caseName(c), c] as const))('home summary table: %s', (_, { p, m, part, lang, phrase }) => {
    expectQualifier(page(dist, href({ page: 'home' }, lang)), `table[data-sortable] tr[data-city="${p.city.id}"] td[data-metric="${m.id}"]`, part, phrase, 'home table');
  });

  it.each(qualified.map((c) => [caseName(c), c] as const))('city page: %s', (_, { p, m, part, lang, phrase }) => {
    const $ = page(dist, href({ page: 'city', id: p.city.id }, lang));
    expectQualifier($, `.profile-figures dd[data-metric="${m.id}"]`, part, phrase, 'city figures');
    expectQualifier($, `table.compare-table tr[data-metric="${m.id}"] td[data-value-cell]`, part, phrase, 'city comparison table');
    expectQualifier($, `#records-${m.id} h3`, part, phrase, 'city records heading');
    if (p.population) expectQualifier($, `table.per-capita tr[data-metric="${m.id}"]`, part, phrase, 'per-inhabitant table');
  });

  it.each(qualified.map((c) => [caseName(c), c] as const))('metric page: %s', (_, { p, m, part, lang, phrase }) => {
    const $ = page(dist, href({ page: 'metric', id: m.id }, lang));
    expectQualifier($, `tr[data-city="${p.city.id}"] td[data-metric="${m.id}"]`, part, phrase, 'metric table');
    // The ranking chart: its table and tooltip in full, its label beside the bar in brief.
    const row = $('table.chart-table tbody tr').filter((_, tr) => $(tr).find('th').text() === cityName(p.city, lang));
    expect(row.find('td').text(), 'chart table').toContain(phrase);
    expect($(`figure.chart-figure svg title`).filter((_, t) => $(t).text().startsWith(`${cityName(p.city, lang)}:`)).text(), 'chart tooltip').toContain(phrase);
    // The ranks set this figure against others: the page says so, naming the city.
    expect(text($, '[data-rank-note]'), 'rank note').toContain(cityName(p.city, lang));
    expect($('figure.chart-figure .takeaway').text(), 'chart takeaway').toContain(cityName(p.city, lang));
  });

  it.each(qualified.map((c) => [caseName(c), c] as const))('compare pages: %s', (_, { p, m, part, lang, phrase }) => {
    const pairs = model.pairsByCity.get(p.city.id) ?? [];
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b] of pairs) expectQualifier(page(dist, href({ page: 'compare', a: a.id, b: b.id }, lang)), `tr[data-metric="${m.id}"] td[data-city="${p.city.id}"]`, part, phrase, `compare ${a.id}-${b.id}`);
  });

  it.each(qualified.map((c) => [caseName(c), c] as const))('every city page’s ranks: %s', (_, { p, m, lang }) => {
    for (const c of dataset.cities) {
      const $ = page(dist, href({ page: 'city', id: c.id }, lang));
      expect(text($, `[data-rank-note="${m.id}"]`), c.id).toContain(cityName(p.city, lang));
      // A ranked city's rank links to the note; a city not reported has no rank to qualify.
      const ranked = rankings[m.id].byKey.get(c.id)!.rank !== null;
      expect($(`table.compare-table tr[data-metric="${m.id}"] td[data-rank] a[href="#rank-note-${m.id}"]`).length, c.id).toBe(ranked ? 1 : 0);
    }
  });

  it('a single leader’s qualifier is in the ranking chart’s headline sentence (“Kota Blitar tertinggi dengan …”)', () => {
    let checked = 0;
    for (const m of METRICS) {
      const { leaders } = rankings[m.id];
      if (leaders.length !== 1) continue;
      for (const part of qualifierParts(leaders[0]!.metrics[m.id]))
        for (const lang of LANGS) {
          expect(text(page(dist, href({ page: 'metric', id: m.id }, lang)), 'figure.chart-figure .takeaway'), `${m.id} ${lang}`).toContain(qualifierPhrase(part, lang));
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.each(LANGS)('the home headline chart’s table gives each qualifier (%s)', (lang) => {
    const $ = page(dist, href({ page: 'home' }, lang));
    const chart = $('figure.chart-figure[data-chart="headline"] table.chart-table');
    for (const c of qualified.filter((x) => x.lang === lang && HEADLINE_METRICS.includes(x.m.id))) {
      const row = chart.find('tbody tr').filter((_, tr) => $(tr).find('th').text() === cityName(c.p.city, lang));
      expect(row.text(), caseName(c)).toContain(c.phrase);
    }
  });

  it('city-summary.csv gives the part of participants that is a target', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(`${dist}/data/city-summary.csv`, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toContain('participants_from_targets');
    for (const p of profiles) expect(rows.find((r) => r.city === p.city.id)!.participants_from_targets, p.city.id).toBe(String(p.metrics.participants.qualified.target?.value ?? 0));
  });

  it('city-summary.csv gives every metric its qualifiers and its number of reports', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(`${dist}/data/city-summary.csv`, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    let qualifiedCells = 0;
    for (const p of profiles) {
      const row = rows.find((r) => r.city === p.city.id)!;
      for (const m of METRICS) {
        const v = p.metrics[m.id];
        const parts = Object.entries(v.qualified).map(([q, part]) => `${q}:${part.value}`);
        expect(row[`${m.id}_qualifiers`]!.split('|').filter(Boolean).sort(), `${p.city.id} ${m.id}`).toEqual(parts.sort());
        expect(row[`${m.id}_number_of_sources`], `${p.city.id} ${m.id}`).toBe(v.value === null ? '' : String(v.sources.length));
        qualifiedCells += parts.length;
      }
    }
    expect(qualifiedCells).toBeGreaterThan(0);
  });
});

describe('a count of businesses or pupils says what it counts', () => {
  const unitWords: Partial<Record<CountUnit, Record<Lang, string>>> = { businesses: { id: 'usaha', en: 'businesses' }, pupils: { id: 'pelajar', en: 'pupils' }, people: { id: 'orang', en: 'people' } };
  const counts = profiles.flatMap((p) =>
    METRICS.filter((m) => m.unit !== null && p.metrics[m.id].value !== null).flatMap((m) => LANGS.map((lang) => [`${p.city.id} ${m.id} (${lang})`, p, m, lang] as const)),
  );
  it.each(counts)('%s', (_, p, m, lang) => {
    const unit = new RegExp(`^${formatNumber(p.metrics[m.id].value, lang)!.replace('.', '\\.')}(?: \\([^)]*\\))? ${unitWords[m.unit!]![lang]}\\b`);
    expect(text(page(dist, href({ page: 'home' }, lang)), `table[data-sortable] tr[data-city="${p.city.id}"] td[data-metric="${m.id}"]`)).toMatch(unit);
    expect(text(page(dist, href({ page: 'city', id: p.city.id }, lang)), `.profile-figures dd[data-metric="${m.id}"]`)).toMatch(unit);
    expect(text(page(dist, href({ page: 'metric', id: m.id }, lang)), `tr[data-city="${p.city.id}"] td[data-metric="${m.id}"]`)).toMatch(unit);
    const [a, b] = model.pairsByCity.get(p.city.id)![0]!;
    expect(text(page(dist, href({ page: 'compare', a: a.id, b: b.id }, lang)), `tr[data-metric="${m.id}"] td[data-city="${p.city.id}"]`)).toMatch(unit);
  });
});

describe('one ranking rule on every page', () => {
  const n = dataset.cities.length;
  const cases = METRICS.flatMap((m) => profiles.flatMap((p) => LANGS.map((lang) => [`${m.id} ${p.city.id} (${lang})`, m, p, lang] as const)));

  it.each(cases)('city page rank: %s', (_, m, p, lang) => {
    const ranking = rankings[m.id];
    const entry = ranking.byKey.get(p.city.id)!;
    const $ = page(dist, href({ page: 'city', id: p.city.id }, lang));
    const row = `table.compare-table tr[data-metric="${m.id}"]`;
    const rank = text($, `${row} td[data-rank]`);
    if (entry.rank === null) expect(rank).toMatch(new RegExp(`^${words[lang].notReported}`));
    else {
      // A fixed denominator: every city, reported or not.
      expect(rank).toMatch(new RegExp(`^${entry.rank} ${words[lang].of} ${n}\\b`));
      // Ties shown as ties, naming every other city at the same rank.
      if (entry.tiedWith.length) {
        expect(rank).toContain(words[lang].tied);
        for (const o of entry.tiedWith) expect(rank).toContain(cityName(o.city, lang));
      } else expect(rank).not.toContain(words[lang].tied);
    }
    // Every tied leader is named in the "highest" column.
    const leaders = $(`${row} td[data-leaders]`);
    expect(leaders.attr('data-leaders')).toBe(ranking.leaders.map((x) => x.city.id).join(' '));
    for (const l of ranking.leaders) expect(leaders.text()).toContain(cityName(l.city, lang));
    // No median over fewer than three reported values.
    const median = $(`${row} td[data-median]`);
    if (ranking.reported.length < MEDIAN_MIN_VALUES) {
      expect(median.attr('data-median')).toBe('');
      expect(median.text()).not.toMatch(/\d{2,}|^\s*\d/);
    } else expect(median.attr('data-median')).toBe(String(ranking.median));
  });

  it.each(METRICS.flatMap((m) => LANGS.map((lang) => [m.id, lang] as const)))('metric page ranks: %s (%s)', (id, lang) => {
    const $ = page(dist, href({ page: 'metric', id }, lang));
    for (const entry of rankings[id].entries) {
      const cell = $(`tr[data-city="${entry.key}"] td[data-rank]`);
      expect(cell.attr('data-rank'), entry.key).toBe(entry.rank === null ? '' : String(entry.rank));
      expect(cell.text(), entry.key).toMatch(entry.rank === null ? new RegExp(words[lang].notReported) : new RegExp(`^${entry.rank} ${words[lang].of} ${n}\\b`));
    }
  });
});

describe('what the site counts, and over what', () => {
  it.each(LANGS)('the home page opens by saying it counts the news, over which years, from how many reports per city (%s)', (lang) => {
    const $ = page(dist, href({ page: 'home' }, lang));
    const opening = text($, '[data-opening]');
    const last = Math.max(...profiles.flatMap((p) => (p.years ? [p.years[1]] : [])));
    expect(opening).toContain(String(COMPARISON_START_YEAR));
    expect(opening).toContain(String(last));
    for (const p of profiles) expect(opening).toContain(`${p.sources.length} ${lang === 'id' ? 'tentang' : 'on'} ${cityName(p.city, lang)}`);
    expect(opening).toContain(lang === 'id' ? '“tidak dilaporkan” berarti kami tidak menemukan laporannya' : '“not reported” means we found no report of it');
    // Beside each city's numbers, where they come from.
    for (const p of profiles) expect(text($, `li.card[data-city="${p.city.id}"] [data-coverage]`)).toMatch(new RegExp(`${p.sources.length} (laporan|reports?), ${p.years![0]}–${p.years![1]}`));
  });

  it('no page writes a dash or a dot for “not reported”', () => {
    const offending: string[] = [];
    for (const file of htmlFiles(dist)) {
      const $ = page(dist, pageAddress(dist, file));
      $('td, dd').each((_, el) => {
        if (/^[\s–—\-·]+$/.test($(el).text())) offending.push(`${pageAddress(dist, file)}: ${$.html(el).slice(0, 120)}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
