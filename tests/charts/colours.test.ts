import { describe, expect, it } from 'vitest';
import { CITY_COLOURS, cityColour, DARK, EXTENSION_COLOURS, NEUTRAL, themeCss } from '../../src/charts/colours';
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

/** WCAG 2 contrast between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('colours in both themes', () => {
  // The grounds a chart is drawn on: the embed's white, the site's light ground, and the dark one.
  const LIGHT = ['#ffffff', '#fdfbf7'];
  const DARK_GROUND = DARK[NEUTRAL.paper]!.colour;

  it.each([...Object.values(CITY_COLOURS), ...EXTENSION_COLOURS])('city colour %s keeps 3:1 against the light and the dark ground', (colour) => {
    for (const ground of [...LIGHT, DARK_GROUND]) expect(contrast(colour, ground), `${colour} on ${ground}`).toBeGreaterThanOrEqual(3);
  });

  it('keeps muted text at 4.5:1 on the ground and on a covered cell, light and dark', () => {
    for (const ground of LIGHT) expect(contrast(NEUTRAL.muted, ground)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(NEUTRAL.muted, NEUTRAL.covered)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(DARK[NEUTRAL.muted]!.colour, DARK_GROUND)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(DARK[NEUTRAL.muted]!.colour, DARK[NEUTRAL.covered]!.colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the coast at 3:1 against sea and land in both themes', () => {
    for (const [sea, land] of [
      [NEUTRAL.sea, NEUTRAL.land],
      [DARK[NEUTRAL.sea]!.colour, DARK[NEUTRAL.land]!.colour],
    ]) {
      expect(contrast(NEUTRAL.landStroke, sea!)).toBeGreaterThanOrEqual(3);
      expect(contrast(NEUTRAL.landStroke, land!)).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives every neutral a dark counterpart through light-dark(), for fills and strokes as drawn', () => {
    const css = themeCss('.chart');
    expect(css.startsWith('@supports (color: light-dark(#000, #fff))')).toBe(true);
    expect(css).toContain(`.chart [fill="${NEUTRAL.muted}"] { fill: light-dark(${NEUTRAL.muted}, ${DARK[NEUTRAL.muted]!.colour}); }`);
    expect(css).toContain(`.chart [stroke="${NEUTRAL.paper}"] { stroke: light-dark(${NEUTRAL.paper}, ${DARK[NEUTRAL.paper]!.colour}); }`);
    for (const light of Object.keys(DARK)) expect(css).toContain(`"${light}"`);
  });
});
