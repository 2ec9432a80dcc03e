import { load, type CheerioAPI } from 'cheerio';
import { expect } from 'vitest';
import type { Chart } from '../../src/charts/types';
import type { City, Dataset } from '../../src/lib/dataset';
import { loadDataset } from '../../src/lib/load';
import { METRICS, type MetricId, type MetricValue } from '../../src/lib/metrics';
import { cityProfiles, type CityProfile } from '../../src/lib/summarise';
import { emptyPaths } from '../helpers/markup';
import { city } from '../helpers/records';

/** The five-report fixture (tests/fixtures/five-reports), loaded once per test file without report texts. */
let real: Dataset | null = null;
export function fixtureDataset(): Dataset {
  if (!real) {
    const { dataset, problems } = loadDataset({ dataDir: 'tests/fixtures/five-reports', reportsDir: null });
    if (!dataset) throw new Error(`the five-report fixture does not load: ${JSON.stringify(problems.slice(0, 3))}`);
    real = dataset;
  }
  return real;
}
export const fixtureProfiles = (): CityProfile[] => cityProfiles(fixtureDataset());

/** A name that would run script or break out of an attribute if it were not escaped. */
export const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)> & Kota';
/** 300 characters, as one long word, to overflow any label. */
export const LONG = `Kota${'a'.repeat(296)}`;

export const hostileCity = (o: Partial<City> = {}): City => city({ id: 'hostile', name: HOSTILE, name_en: HOSTILE, ...o });
export const longCity = (o: Partial<City> = {}): City => city({ id: 'long', name: LONG, name_en: LONG, ...o });

/**
 * A profile with chosen figures. Metrics not given are null (not reported); a number is a
 * reported figure, including 0. `participantsFromTargets` is the part of participants that is a target.
 */
export function profile(c: City, figures: Partial<Record<MetricId, number | null>> = {}, participantsFromTargets = 0): CityProfile {
  const metrics = Object.fromEntries(
    METRICS.map((m) => {
      const value = figures[m.id] ?? null;
      const record = `${c.id}-${m.id}`;
      const target = m.id === 'participants' && value !== null && participantsFromTargets > 0 ? { target: { value: participantsFromTargets, records: [record] } } : {};
      const mv: MetricValue = {
        value,
        low: value,
        high: value,
        records: value === null ? [] : [record],
        missing: [],
        bases: value === null ? [] : Object.keys(target).length ? ['count', 'target'] : ['count'],
        units: value !== null && m.unit ? [m.unit] : [],
        qualified: target,
        sources: [],
      };
      return [m.id, mv];
    }),
  ) as Record<MetricId, MetricValue>;
  return { city: c, metrics, participantsFromTargets, firstEvent: null, lastEvent: null, themes: [], sources: [], rejected: [], records: 0, beforePeriod: [], years: null, population: null };
}

export const svgOf = (chart: Chart): CheerioAPI => load(chart.svg, { xml: true });

/** What every chart's SVG must be: accessible, free of inline style, escaped, well identified. */
export function expectSoundSvg(chart: Chart): void {
  expectSoundMarkup(chart.svg, chart.id, chart);
  // The narrow layout is the same chart, with ids of its own so both fit in one page.
  if (chart.narrowSvg !== null) expectSoundMarkup(chart.narrowSvg, `${chart.id}-narrow`, chart);
  for (const row of chart.table.rows) expect(row).toHaveLength(chart.table.columns.length);
  expect(chart.title).not.toBe('');
  expect(chart.takeaway).not.toBe('');
}

function expectSoundMarkup(markup: string, id: string, chart: Chart): void {
  const $ = load(markup, { xml: true });
  const svg = $('svg').first();
  expect(svg.attr('role')).toBe('img');
  expect(svg.attr('aria-labelledby')).toBe(`${id}-title ${id}-desc`);
  expect($(`svg > title#${id}-title`).text()).toBe(chart.title);
  expect($(`svg > desc#${id}-desc`).text()).toBe(chart.description);
  // One image: no ARIA names on its parts, which have no role to carry them.
  expect(svg.find('[aria-label], [aria-description]')).toHaveLength(0);
  expect(svg.attr('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
  expect(markup).not.toMatch(/<style|\sstyle=/i);
  // Only values SVG allows: Plot's font-variant="tabular-nums" is not one.
  expect(markup).not.toMatch(/\sfont-variant=/);
  expect(markup).not.toMatch(/<script|<img|<iframe|<foreignObject/i);
  // Every path draws something: an empty one is a shape the chart meant to draw and did not.
  expect(emptyPaths(markup, true)).toEqual([]);
  // Coordinates carry at most one decimal (a length in em, a proportion of the font, may carry more).
  expect(markup).not.toMatch(/\s(?:transform|d|x|y|width|height)="(?![^"]*em")[^"]*\d\.\d{2,}/);
  // Every id is the chart's own, so two charts on one page cannot clash.
  $('[id]').each((_, el) => void expect($(el).attr('id')!.startsWith(`${chart.id}-`)).toBe(true));
}

/** Texts drawn by Plot's text marks (not axes, not the legend). */
export const markTexts = ($: CheerioAPI): string[] =>
  $('g[data-mark="text"] text')
    .map((_, el) => $(el).text())
    .get();
