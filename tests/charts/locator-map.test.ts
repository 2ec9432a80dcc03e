import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { cityColour } from '../../src/charts/colours';
import { locatorMap, mapExtent } from '../../src/charts/locator-map';
import { city } from '../helpers/records';
import { expectSoundSvg, HOSTILE, hostileCity, longCity, markTexts, fixtureDataset, svgOf } from './fixtures';

/** The dots of the wide layout's set (the map carries a second, larger set for phones). */
const dotPositions = ($: CheerioAPI) =>
  $('g[data-mark="dot"].batik-chart-wide circle')
    .map((_, el) => [[Number($(el).attr('cx')), Number($(el).attr('cy'))]])
    .get() as [number, number][];

const viewBox = ($: CheerioAPI) => $('svg').attr('viewBox')!.split(' ').map(Number);

describe('locatorMap', () => {
  it.each(['id', 'en'] as const)('puts a labelled dot on each fixture city over the Natural Earth coastline (%s)', (lang) => {
    const { cities } = fixtureDataset();
    const chart = locatorMap(cities, { lang });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    const dots = dotPositions($);
    expect(dots).toHaveLength(cities.length);
    // Each city is labelled twice: once for the wide layout and once, larger, for phones.
    const names = cities.map((c) => (lang === 'id' ? c.name : c.name_en));
    const texts = (set: string) => $(`g[data-mark="text"].batik-chart-${set} text`).map((_, el) => $(el).text()).get();
    expect(texts('wide').sort()).toEqual([...names].sort());
    expect(texts('narrow').sort()).toEqual([...names].sort());
    expect($('g[data-mark="dot"].batik-chart-narrow circle')).toHaveLength(cities.length);
    expect($('g[data-mark="dot"].batik-chart-wide circle').map((_, el) => $(el).attr('fill')).get()).toEqual(cities.map((c) => cityColour(c.id)));
    // The land comes from world-atlas: real coastline paths with many vertices, not a drawn shape.
    const land = $('g[data-mark="geo"] path')
      .map((_, el) => $(el).attr('d') ?? '')
      .get()
      .filter((d) => d.length);
    expect(land.length).toBeGreaterThan(0);
    expect(Math.max(...land.map((d) => (d.match(/-?\d+(?:\.\d+)?/g) ?? []).length / 2))).toBeGreaterThan(50);
    // The projection is fitted to the cities: every dot lies well inside the frame.
    const [, , width, height] = viewBox($);
    for (const [x, y] of dots) {
      expect(x).toBeGreaterThan(width! * 0.1);
      expect(x).toBeLessThan(width! * 0.9);
      expect(y).toBeGreaterThan(height! * 0.1);
      expect(y).toBeLessThan(height! * 0.9);
    }
  });

  it.each([
    ['id', '3 kota di Jawa Timur dan 1 kota di Jawa Tengah.', ['Kota Probolinggo', 'Jawa Timur', '7,750° LS', '113,217° BT']],
    ['en', '3 cities in East Java and 1 city in Central Java.', ['Probolinggo City', 'East Java', '7.750° S', '113.217° E']],
  ] as const)('says where the cities are and tabulates their coordinates (%s)', (lang, takeaway, firstRow) => {
    const chart = locatorMap(fixtureDataset().cities, { lang });
    expect(chart.takeaway).toBe(takeaway);
    expect(chart.table.rows[0]).toEqual(firstRow);
  });

  it('keeps at least four degrees around one city', () => {
    const one = city({ latitude: -7.5, longitude: 112.5 });
    const [[w, s], , [e, n]] = mapExtent([one]).geometry.coordinates as [[number, number], [number, number], [number, number]];
    expect(e - w).toBeCloseTo(4);
    expect(n - s).toBeCloseTo(4);
    const chart = locatorMap([one], { lang: 'id', width: 400 });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    const [x, y] = dotPositions($)[0]!;
    const [, , width, height] = viewBox($);
    expect(Math.abs(x - width! / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(y - height! / 2)).toBeLessThanOrEqual(1);
  });

  it('widens to a fifth city elsewhere in Indonesia', () => {
    const cities = [...fixtureDataset().cities, city({ id: 'makassar', name: 'Kota Makassar', name_en: 'Makassar City', latitude: -5.13, longitude: 119.42 })];
    const chart = locatorMap(cities, { lang: 'en' });
    expectSoundSvg(chart);
    expect(dotPositions(svgOf(chart))).toHaveLength(5);
  });

  it('escapes hostile names and shortens long ones', () => {
    const chart = locatorMap([hostileCity({ longitude: 110 }), longCity({ longitude: 112 })], { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.description).toContain(HOSTILE);
    expect(markTexts(svgOf(chart)).every((t) => Array.from(t).length <= 32)).toBe(true);
  });

  it('shows Java with no dots when there are no cities', () => {
    const chart = locatorMap([], { lang: 'id' });
    expectSoundSvg(chart);
    expect(dotPositions(svgOf(chart))).toHaveLength(0);
  });

  it('matches its snapshot', async () => {
    await expect(locatorMap(fixtureDataset().cities, { lang: 'id' }).svg).toMatchFileSnapshot('__snapshots__/locator-map.svg');
  });
});
