import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { cityColour } from '../../src/charts/colours';
import { facilityStatusChart } from '../../src/charts/facility-status';
import type { FacilityStatusEntry } from '../../src/lib/dataset';
import { facility } from '../helpers/records';
import { expectSoundSvg, HOSTILE, LONG, markTexts, fixtureDataset, svgOf } from './fixtures';

const dots = ($: CheerioAPI) => $('g[data-mark="dot"] circle');
/** Each text of the chart's text marks, its lines (a long name wraps) joined by a space. */
const texts = ($: CheerioAPI) =>
  $('g[data-mark="text"] text')
    .map((_, el) => ($(el).children('tspan').length ? $(el).children('tspan').map((_, t) => $(t).text()).get().join(' ') : $(el).text()))
    .get() as string[];
const entry = (o: Partial<FacilityStatusEntry>): FacilityStatusEntry => ({ facility: 'fac-1', status: 'planned', sources: ['src-1'], claims: [], as_of: '2023-05-02', precision: 'day', dated: false, ...o });

describe('facilityStatusChart', () => {
  it.each(['id', 'en'] as const)('draws each status report of the fixture facilities (%s)', (lang) => {
    const ds = fixtureDataset();
    const chart = facilityStatusChart(ds.facilities, ds.statusByFacility, { lang });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    const statuses = ds.facilities.flatMap((f) => f.statuses);
    expect(dots($)).toHaveLength(statuses.length);
    expect(chart.table.rows).toHaveLength(statuses.length);
    // Each facility is named above its panel.
    for (const f of ds.facilities) expect(texts($)).toContain(lang === 'id' ? f.name : f.name_en);
    // Statuses label each panel's rows, in the order a facility moves through them, upwards.
    const rows = $('g[data-mark="text"][text-anchor="end"] text')
      .map((_, el) => $(el).text())
      .get();
    expect(rows.slice(0, 4)).toEqual(lang === 'id' ? ['beroperasi', 'diresmikan', 'sedang dibangun', 'direncanakan'] : ['operating', 'inaugurated', 'under construction', 'planned']);
    expect(dots($).map((_, el) => $(el).attr('fill')).get()).toEqual(statuses.map((s) => cityColour(ds.facilityById.get(s.facility)!.city)));
  });

  it.each([
    [
      'id',
      'Status terakhir yang dilaporkan: Sentra batik Kota Probolinggo (rumah batik) sedang dibangun (3 November 2022); Gedung Sentra IKM Batik Kota Mojokerto sedang dibangun (Januari 2024). Belum ada fasilitas yang dilaporkan beroperasi.',
    ],
    [
      'en',
      'Latest reported status: Probolinggo batik centre (rumah batik) under construction (3 November 2022); Mojokerto batik SME centre building under construction (January 2024). No facility is yet reported as operating.',
    ],
  ] as const)('gives each facility’s latest status (%s)', (lang, takeaway) => {
    const ds = fixtureDataset();
    expect(facilityStatusChart(ds.facilities, ds.statusByFacility, { lang }).takeaway).toBe(takeaway);
  });

  it('draws a report dated only to the month or year as a span, and a day as a dot alone', () => {
    const history = [entry({ status: 'planned', as_of: '2021' }), entry({ status: 'inaugurated', as_of: '2022-03' }), entry({ status: 'operating', as_of: '2022-09-14' })];
    const chart = facilityStatusChart([facility()], new Map([['fac-1', history]]), { lang: 'en' });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    expect(dots($)).toHaveLength(3);
    // The spans (wide lines), not the grid.
    expect($('g[data-mark="rule"][stroke-width="6"] line')).toHaveLength(2);
    expect(chart.table.rows.map((r) => r.slice(1))).toEqual([
      ['planned', '2021'],
      ['inaugurated', 'March 2022'],
      ['operating', '14 September 2022'],
    ]);
    expect(chart.takeaway).toBe('Latest reported status: Centre operating (14 September 2022).');
  });

  it('says when a facility has no status report', () => {
    const chart = facilityStatusChart([facility()], new Map(), { lang: 'id' });
    expectSoundSvg(chart);
    expect(dots(svgOf(chart))).toHaveLength(0);
    expect(markTexts(svgOf(chart))).toContain('status tidak dilaporkan');
    expect(chart.table.rows).toEqual([['Sentra', 'tidak dilaporkan', 'tidak dilaporkan']]);
  });

  it('shows an empty state for no facilities', () => {
    const chart = facilityStatusChart([], new Map(), { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.takeaway).toBe('No facilities reported.');
  });

  it('escapes hostile names and shortens long ones', () => {
    const facilities = [facility({ id: 'h', name: HOSTILE, name_en: HOSTILE }), facility({ id: 'l', name: LONG, name_en: LONG })];
    const chart = facilityStatusChart(facilities, new Map([['h', [entry({ facility: 'h' })]]]), { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.table.rows.map((r) => r[0])).toEqual([HOSTILE, LONG]);
    expect(texts(svgOf(chart))).toContain(HOSTILE);
    // A name wraps to at most two lines, each shortened to the chart's width (37 characters).
    const $ = svgOf(chart);
    const lines = $('g[data-mark="text"] text').map((_, el) => ($(el).children('tspan').length ? $(el).children('tspan').map((_, t) => $(t).text()).get() : [$(el).text()])).get() as string[];
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.every((t) => Array.from(t).length <= 37)).toBe(true);
  });

  it('matches its snapshot', async () => {
    const ds = fixtureDataset();
    await expect(facilityStatusChart(ds.facilities, ds.statusByFacility, { lang: 'id' }).svg).toMatchFileSnapshot('__snapshots__/facility-status.svg');
  });
});
