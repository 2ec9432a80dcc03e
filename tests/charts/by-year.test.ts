import { describe, expect, it } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { eventsByYear } from '../../src/charts/by-year';
import { cityColour } from '../../src/charts/colours';
import { LABELS } from '../../src/charts/labels';
import type { BatikEvent } from '../../src/lib/dataset';
import { city, event } from '../helpers/records';
import { expectSoundSvg, HOSTILE, hostileCity, markTexts, svgOf } from './fixtures';

const cities = [city({ id: 'alpha', name: 'Kota Alpha', name_en: 'Alpha City' }), city({ id: 'beta', name: 'Kota Beta', name_en: 'Beta City' })];
/** Events on given days, one each, in a city. */
const on = (cityId: string, ...dates: string[]): BatikEvent[] => dates.map((d, i) => event({ id: `${cityId}-${d}-${i}`, city: cityId, start_date: d, end_date: d }));
const events = [...on('alpha', '2019-03-01', '2019-05-01', '2021-01-10'), ...on('beta', '2021-06-01'), event({ id: 'undated', city: 'beta', start_date: null, end_date: null })];
const narrow = (svg: string | null): CheerioAPI => load(svg ?? '', { xml: true });
const axis = ($: CheerioAPI, which: 'x' | 'y') =>
  $(`g[data-mark="${which}-axis tick label"] text`)
    .map((_, el) => $(el).text())
    .get();

describe('eventsByYear', () => {
  it.each(['id', 'en'] as const)('counts the events of each city in each year, leaving empty years empty (%s)', (lang) => {
    const chart = eventsByYear(events, cities, { lang });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    // One dot per city and year with an event, with its count written on it; none for 2020.
    expect($('g[data-mark="dot"] circle')).toHaveLength(3);
    expect(markTexts($).filter((t) => /^\d+$/.test(t))).toEqual(['2', '1', '1']);
    expect($('g[data-mark="dot"] circle').map((_, el) => $(el).attr('stroke')).get()).toEqual([cityColour('alpha'), cityColour('alpha'), cityColour('beta')]);
    // Wide, the years run across and the cities down.
    expect(axis($, 'x')).toEqual(['2019', '2020', '2021']);
    expect(axis($, 'y')).toEqual(cities.map((c) => (lang === 'id' ? c.name : c.name_en)));
    expect(chart.svg).toContain(LABELS[lang].timelineUndated(1));
    expect(chart.table.rows).toEqual([
      ['2019', '2', '0'],
      ['2020', '0', '0'],
      ['2021', '1', '1'],
    ]);
  });

  it('turns the table for a phone: years down, one line each, and the cities across', () => {
    const $ = narrow(eventsByYear(events, cities, { lang: 'en' }).narrowSvg);
    expect(axis($, 'y')).toEqual(['2019', '2020', '2021']);
    expect(axis($, 'x')).toEqual(['Alpha City', 'Beta City']);
    expect($('g[data-mark="dot"] circle')).toHaveLength(3);
    // The note on undated events wraps to the narrow width.
    expect($('g[data-mark="text"] text tspan').length).toBeGreaterThan(1);
  });

  it('shows every year label that fits, and every other one where they would meet', () => {
    const many = on('alpha', ...Array.from({ length: 17 }, (_, i) => `${2009 + i}-06-01`));
    const $ = svgOf(eventsByYear(many, [cities[0]!], { lang: 'id' }));
    const labels = axis($, 'x').filter(Boolean);
    expect(labels[0]).toBe('2009');
    expect(labels.length).toBeLessThan(17);
    // Every year still has its row in the narrow layout.
    expect(axis(narrow(eventsByYear(many, [cities[0]!], { lang: 'id' }).narrowSvg), 'y')).toHaveLength(17);
  });

  it('escapes hostile names', () => {
    const chart = eventsByYear([...on('hostile', '2020-01-01'), ...on('alpha', '2020-02-01')], [hostileCity(), cities[0]!], { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.svg).not.toContain('<script>');
    expect(chart.narrowSvg).not.toContain('<script>');
    expect(chart.description).toContain(HOSTILE);
  });

  it('shows an empty state for no dated events', () => {
    const chart = eventsByYear([], cities, { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.takeaway).toBe(LABELS.en.noEvents);
  });

  it('matches its snapshots', async () => {
    const chart = eventsByYear(events, cities, { lang: 'id' });
    await expect(chart.svg).toMatchFileSnapshot('__snapshots__/events-by-year.svg');
    await expect(chart.narrowSvg).toMatchFileSnapshot('__snapshots__/events-by-year.narrow.svg');
  });
});
