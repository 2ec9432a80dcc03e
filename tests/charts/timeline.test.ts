import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { cityColour } from '../../src/charts/colours';
import { LABELS } from '../../src/charts/labels';
import { eventTimeline } from '../../src/charts/timeline';
import { city, event } from '../helpers/records';
import { expectSoundSvg, HOSTILE, hostileCity, LONG, fixtureDataset, svgOf } from './fixtures';

const dots = ($: CheerioAPI) => $('g[data-mark="dot"] > circle, g[data-mark="dot"] > path');
const axisLabels = ($: CheerioAPI, axis: 'x' | 'y') =>
  $(`g[data-mark="${axis}-axis tick label"] text`)
    .map((_, el) => $(el).text())
    .get();

describe('eventTimeline', () => {
  it.each(['id', 'en'] as const)('places every dated event of the real dataset and lists the rest (%s)', (lang) => {
    const ds = fixtureDataset();
    const chart = eventTimeline(ds.events, ds.cities, { lang });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    const dated = ds.events.filter((e) => e.start_date ?? e.end_date);
    expect(dots($)).toHaveLength(dated.length);
    expect(chart.table.rows).toHaveLength(ds.events.length);
    expect(chart.table.rows.filter((r) => r[0] === LABELS[lang].dateUnknown)).toHaveLength(1);
    // One row per city, in the order of the cities.
    expect(axisLabels($, 'y')).toEqual(ds.cities.map((c) => (lang === 'id' ? c.name : c.name_en)));
    // The time axis covers the events' years with year ticks, never "2.022".
    expect(axisLabels($, 'x')).toEqual(['2022', '2023', '2024', '2025']);
    // A legend names the kinds and the two kinds of date.
    const legend = $('g.batik-chart-legend text')
      .map((_, el) => $(el).text())
      .get();
    // Only the kinds drawn (the fixture's undated certification is not) have a legend entry.
    expect(legend).toEqual([LABELS[lang].kinds.training, LABELS[lang].kinds.exhibition, LABELS[lang].exactDate, LABELS[lang].approximateDate]);
  });

  it.each([
    ['id', '7 kegiatan tercatat antara Mei 2022 dan Mei 2024. 1 kegiatan tidak diketahui tanggalnya dan tidak ditempatkan pada sumbu waktu.'],
    ['en', '7 events recorded between May 2022 and May 2024. 1 event has no known date and is not placed on the time axis.'],
  ] as const)('says how many events have no known date (%s)', (lang, takeaway) => {
    const ds = fixtureDataset();
    const chart = eventTimeline(ds.events, ds.cities, { lang });
    expect(chart.takeaway).toBe(takeaway);
    expect(chart.description).toContain(takeaway.split('. ')[1]!);
    expect(chart.svg).toContain(takeaway.split('. ')[1]!);
  });

  it('draws a shape per kind and approximate dates hollow with a dashed line', () => {
    const c = city({ id: 'alpha' });
    const events = [
      event({ id: 't', kind: 'training', start_date: '2021-03-01', end_date: '2021-03-05' }),
      event({ id: 'c', kind: 'certification', start_date: '2021-06-01', end_date: '2021-06-01' }),
      event({ id: 'x', kind: 'exhibition', start_date: '2021-09-01', start_precision: 'week', end_date: '2021-09-04' }),
    ];
    const $ = svgOf(eventTimeline(events, [c], { lang: 'en' }));
    expect($('g[data-mark="dot"] > circle')).toHaveLength(1);
    expect($('g[data-mark="dot"] > path')).toHaveLength(2);
    expect($('g[data-mark="dot"][fill="#ffffff"] > path')).toHaveLength(1);
    expect($('g[data-mark="rule"][stroke-dasharray] line')).toHaveLength(1);
    expect($('g[data-mark="rule"]:not([stroke-dasharray]) line')).toHaveLength(2);
    expect($('g[data-mark="dot"] > circle').attr('fill')).toBe(cityColour('alpha'));
    // Within one year, the ticks are months named in the reader's language.
    expect(axisLabels($, 'x')[0]).toBe('Jan 2021');
    const table = eventTimeline(events, [c], { lang: 'en' }).table.rows.map((r) => r[0]!.replace(/\u2009/g, ' '));
    expect(table).toEqual(['1 – 5 March 2021', '1 June 2021', '1 – 4 September 2021 (approximate)']);
  });

  it('widens the axis to cover every event, e.g. back to 2019', () => {
    const events = [event({ id: 'a', start_date: '2019-02-01', end_date: '2019-02-02' }), event({ id: 'b', start_date: '2024-11-01', end_date: '2024-11-02' })];
    const $ = svgOf(eventTimeline(events, [city()], { lang: 'id' }));
    expect(axisLabels($, 'x')).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  });

  it('gives a city that only the events name its own row', () => {
    const events = [event({ id: 'a', city: 'alpha' }), event({ id: 'b', city: 'unlisted' })];
    const chart = eventTimeline(events, [city()], { lang: 'en' });
    expect(axisLabels(svgOf(chart), 'y')).toEqual(['Alpha City', 'unlisted']);
  });

  it('handles one city with one event', () => {
    const chart = eventTimeline([event()], [city()], { lang: 'id' });
    expectSoundSvg(chart);
    expect(dots(svgOf(chart))).toHaveLength(1);
    expect(chart.takeaway).toBe('1 kegiatan tercatat, pada Januari 2023.');
    // A legend only for what is drawn: one kind, exact dates, no approximate ones, no policy.
    const legend = svgOf(chart)('g.batik-chart-legend text')
      .map((_, el) => svgOf(chart)(el).text())
      .get();
    expect(legend).toEqual([LABELS.id.kinds.training, LABELS.id.exactDate]);
  });

  it('handles only undated events, and no events at all', () => {
    const undated = event({ start_date: null, start_precision: 'unknown', end_date: null, end_precision: 'unknown', duration_days: null, duration_basis: null });
    const chart = eventTimeline([undated], [city()], { lang: 'en' });
    expectSoundSvg(chart);
    expect(dots(svgOf(chart))).toHaveLength(0);
    expect(chart.table.rows).toEqual([['date unknown', 'Alpha City', 'Training', 'Training']]);
    const empty = eventTimeline([], [city()], { lang: 'en' });
    expectSoundSvg(empty);
    expect(empty.svg).toContain('No events recorded.');
  });

  it('escapes hostile titles and names', () => {
    const c = hostileCity();
    const chart = eventTimeline([event({ city: c.id, title: HOSTILE, title_en: LONG })], [c], { lang: 'id' });
    expectSoundSvg(chart);
    expect(chart.table.rows[0]).toContain(HOSTILE);
    expect(svgOf(chart)('g[data-mark="dot"] title').text()).toContain(HOSTILE);
  });

  it('marks a city\'s policy on its year with a star, widening the axis to it', () => {
    const ds = fixtureDataset();
    const chart = eventTimeline(ds.events, ds.cities, { lang: 'en', policies: ds.policies });
    expectSoundSvg(chart);
    expect(chart.table.rows[0]).toEqual(['2019', 'Probolinggo City', 'Policy', 'Mayoral Regulation No. 39 of 2019']);
    const $ = svgOf(chart);
    expect($('g[data-mark="dot"] title').text()).toContain('Policy: Mayoral Regulation No. 39 of 2019 (2019)');
    expect($('g[data-mark="x-axis tick label"] text').first().text()).toBe('2019');
    expect(chart.description).toContain('Mayoral Regulation No. 39 of 2019');
    // A policy of a city not on the chart is left out.
    expect(eventTimeline([], [city({ id: 'other' })], { lang: 'en', policies: ds.policies }).table.rows).toEqual([]);
  });

  it('matches its snapshot', async () => {
    const ds = fixtureDataset();
    const chart = eventTimeline(ds.events, ds.cities, { lang: 'id', policies: ds.policies });
    await expect(chart.svg).toMatchFileSnapshot('__snapshots__/event-timeline.svg');
    await expect(chart.narrowSvg).toMatchFileSnapshot('__snapshots__/event-timeline.narrow.svg');
  });
});
