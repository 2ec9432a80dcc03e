import { describe, expect, it } from 'vitest';
import { CITY_COLOURS, cityColour, EXTENSION_COLOURS } from '../../src/charts/colours';
import { eventTimeline } from '../../src/charts/timeline';
import { metricRanking } from '../../src/charts/comparison';
import { locatorMap } from '../../src/charts/locator-map';
import { city, event } from '../helpers/records';
import { profile, fixtureDataset, svgOf } from './fixtures';

describe('city colours', () => {
  it('gives the four cities of the study four distinct fixed colours', () => {
    const ids = fixtureDataset().cities.map((c) => c.id);
    expect(ids.map(cityColour)).toEqual(ids.map((id) => CITY_COLOURS[id]));
    expect(new Set(ids.map(cityColour)).size).toBe(ids.length);
  });

  it('extends to any number of new cities, the same colour every time, never one of the four', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `kota-baru-${i}`);
    const first = ids.map(cityColour);
    expect(ids.map(cityColour)).toEqual(first);
    for (const colour of first) {
      expect(EXTENSION_COLOURS).toContain(colour);
      expect(Object.values(CITY_COLOURS)).not.toContain(colour);
    }
    expect(new Set(first).size).toBeGreaterThan(5);
  });

  it('is the same for a city on every chart', () => {
    const c = city({ id: 'kota-baru', latitude: -7, longitude: 111 });
    const colour = cityColour('kota-baru');
    const bar = svgOf(metricRanking([profile(c, { trainings: 1 })], 'trainings', { lang: 'en' }))('g[data-mark="bar"] rect').attr('fill');
    const dot = svgOf(eventTimeline([event({ city: 'kota-baru' })], [c], { lang: 'en' }))('g[data-mark="dot"] circle').attr('fill');
    const place = svgOf(locatorMap([c], { lang: 'en' }))('g[data-mark="dot"] circle').attr('fill');
    expect([bar, dot, place]).toEqual([colour, colour, colour]);
  });
});
