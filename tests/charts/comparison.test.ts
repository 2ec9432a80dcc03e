import { describe, expect, it } from 'vitest';
import { cityColour } from '../../src/charts/colours';
import { headlineComparison, HEADLINE_METRICS, metricRanking } from '../../src/charts/comparison';
import { LABELS } from '../../src/charts/labels';
import { METRICS } from '../../src/lib/metrics';
import { city } from '../helpers/records';
import { expectSoundSvg, HOSTILE, hostileCity, LONG, longCity, markTexts, profile, fixtureProfiles, svgOf } from './fixtures';

const LANGS = ['id', 'en'] as const;

describe('metricRanking', () => {
  describe.each(LANGS)('on the five-report fixture in %s', (lang) => {
    it.each(METRICS.map((m) => m.id))('ranks the cities on %s: a bar per reported figure, words for the rest', (metricId) => {
      const profiles = fixtureProfiles();
      const chart = metricRanking(profiles, metricId, { lang });
      expectSoundSvg(chart);
      const $ = svgOf(chart);
      const reported = profiles.filter((p) => p.metrics[metricId].value !== null);
      expect($('g[data-mark="bar"] rect')).toHaveLength(reported.length);
      expect(markTexts($).filter((t) => t === LABELS[lang].notReported)).toHaveLength(profiles.length - reported.length);
      expect(chart.table.rows).toHaveLength(profiles.length);
    });
  });

  it('orders the bars from the highest figure and colours each city its own colour', () => {
    const chart = metricRanking(fixtureProfiles(), 'certified', { lang: 'en' });
    expect(chart.table.rows.map((r) => r[0])).toEqual(['Probolinggo City', 'Mojokerto City', 'Blitar City', 'Pekalongan City']);
    const fills = svgOf(chart)('g[data-mark="bar"] rect')
      .map((_, el) => svgOf(chart)(el).attr('fill'))
      .get();
    expect(fills).toEqual([cityColour('probolinggo'), cityColour('mojokerto')]);
  });

  it.each([
    ['id', 'Peserta: Kota Blitar tertinggi dengan 70 (sasaran). Peringkat ini mencampur hitungan dengan sasaran (Kota Blitar).'],
    ['en', 'Participants: Blitar City is highest with 70 (target). This ranking mixes counts with targets (Blitar City).'],
  ] as const)('names the leader and says when its figure is a target (%s)', (lang, takeaway) => {
    const chart = metricRanking(fixtureProfiles(), 'participants', { lang });
    expect(chart.takeaway).toBe(takeaway);
    expect(chart.table.rows[0]).toEqual([lang === 'id' ? 'Kota Blitar' : 'Blitar City', lang === 'id' ? '70 (sasaran)' : '70 (target)']);
  });

  it('names every leader of a tie', () => {
    expect(metricRanking(fixtureProfiles(), 'trainings', { lang: 'en' }).takeaway).toBe(
      'Trainings: Probolinggo City and Mojokerto City are joint highest with 2.',
    );
  });

  it('says when part of a figure is a target', () => {
    const chart = metricRanking([profile(city({ id: 'a' }), { participants: 100 }, 70)], 'participants', { lang: 'en' });
    expect(chart.table.rows[0]![1]).toBe('100 (includes a target of 70)');
    expect(chart.takeaway).toContain('includes a target of 70');
  });

  it('draws a reported 0 as 0 and a missing figure as "not reported", never as a zero bar', () => {
    const profiles = [
      profile(city({ id: 'zero', name: 'Kota Nol', name_en: 'Zero City' }), { certified: 0 }),
      profile(city({ id: 'none', name: 'Kota Kosong', name_en: 'Empty City' }), { certified: null }),
      profile(city({ id: 'five', name: 'Kota Lima', name_en: 'Five City' }), { certified: 5 }),
    ];
    const chart = metricRanking(profiles, 'certified', { lang: 'en' });
    const $ = svgOf(chart);
    const bars = $('g[data-mark="bar"] rect');
    expect(bars).toHaveLength(2);
    expect(bars.map((_, el) => Number($(el).attr('width'))).get()).toEqual([expect.any(Number), 0]);
    expect(markTexts($)).toEqual(['5', '0', 'not reported']);
    expect(chart.table.rows).toEqual([
      ['Five City', '5'],
      ['Zero City', '0'],
      ['Empty City', 'not reported'],
    ]);
  });

  it('says so when no city reports the figure', () => {
    const chart = metricRanking([profile(city())], 'person_days', { lang: 'id' });
    expect(chart.takeaway).toBe('Hari-orang: tidak ada kota yang angkanya dilaporkan.');
    expect(svgOf(chart)('g[data-mark="bar"] rect')).toHaveLength(0);
  });

  it('renders one city', () => {
    const chart = metricRanking([profile(city(), { trainings: 3 })], 'trainings', { lang: 'id', width: 320 });
    expectSoundSvg(chart);
    expect(svgOf(chart)('svg').attr('viewBox')).toMatch(/^0 0 320 /);
    expect(chart.takeaway).toBe('Pelatihan: Kota Alpha tertinggi dengan 3.');
  });

  it('shows an empty state for no cities', () => {
    const chart = metricRanking([], 'trainings', { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.svg).toContain('No data to show.');
    expect(chart.table.rows).toEqual([]);
  });

  it('escapes hostile names and shortens long ones on the axis, keeping them whole in the table', () => {
    const chart = metricRanking([profile(hostileCity(), { trainings: 1 }), profile(longCity(), { trainings: 2 })], 'trainings', { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.table.rows.map((r) => r[0])).toEqual([LONG, HOSTILE]);
    expect(svgOf(chart)('desc').text()).toContain(HOSTILE);
    const axis = svgOf(chart)('g[data-mark="y-axis tick label"] text')
      .map((_, el) => svgOf(chart)(el).text())
      .get();
    expect(axis.every((t) => Array.from(t).length <= 28)).toBe(true);
    expect(axis[0]).toMatch(/…$/);
  });

  it('takes the chart id from the options, so two copies on one page do not clash', () => {
    const a = metricRanking(fixtureProfiles(), 'trainings', { lang: 'id' });
    const b = metricRanking(fixtureProfiles(), 'trainings', { lang: 'id', id: 'city-page trainings' });
    expect(a.id).not.toBe(b.id);
    expect(b.id).toBe('city-page-trainings');
    expectSoundSvg(b);
  });

  it('is deterministic and matches its snapshot', async () => {
    const first = metricRanking(fixtureProfiles(), 'participants', { lang: 'id' });
    expect(metricRanking(fixtureProfiles(), 'participants', { lang: 'id' }).svg).toBe(first.svg);
    await expect(first.svg).toMatchFileSnapshot('__snapshots__/metric-ranking.svg');
    await expect(first.narrowSvg).toMatchFileSnapshot('__snapshots__/metric-ranking.narrow.svg');
  });
});

describe('headlineComparison', () => {
  it.each(LANGS)('draws one panel per headline measure for the five-report fixture (%s)', (lang) => {
    const profiles = fixtureProfiles();
    const chart = headlineComparison(profiles, { lang });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    const reported = HEADLINE_METRICS.flatMap((m) => profiles.filter((p) => p.metrics[m].value !== null));
    expect($('g[data-mark="bar"] rect')).toHaveLength(reported.length);
    const texts = markTexts($);
    for (const m of HEADLINE_METRICS) expect(texts).toContain(METRICS.find((x) => x.id === m)!.label[lang]);
    expect(texts.filter((t) => t === LABELS[lang].notReported)).toHaveLength(profiles.length * HEADLINE_METRICS.length - reported.length);
    expect(chart.table.columns).toEqual([LABELS[lang].city, ...HEADLINE_METRICS.map((m) => METRICS.find((x) => x.id === m)!.label[lang])]);
    expect(chart.table.rows).toHaveLength(profiles.length);
  });

  it('names the leader of each measure', () => {
    expect(headlineComparison(fixtureProfiles(), { lang: 'en' }).takeaway).toBe(
      'Highest on each measure: trainings – Probolinggo City and Mojokerto City: 2; participants – Blitar City: 70 (target); certified – Probolinggo City: 31 (inferred); facilities – Probolinggo City and Mojokerto City: 1 (under construction).',
    );
  });

  it('keeps 0 and not reported apart, and handles one city', () => {
    const chart = headlineComparison([profile(city(), { trainings: 0, participants: 12 })], { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.table.rows).toEqual([['Alpha City', '0', '12', 'not reported', 'not reported']]);
    expect(svgOf(chart)('g[data-mark="bar"] rect')).toHaveLength(2);
  });

  it('escapes hostile names', () => {
    const chart = headlineComparison([profile(hostileCity(), { trainings: 1 }), profile(longCity(), { trainings: 1 })], { lang: 'id' });
    expectSoundSvg(chart);
    expect(chart.description).toContain(HOSTILE);
  });

  it('matches its snapshot', async () => {
    const chart = headlineComparison(fixtureProfiles(), { lang: 'id' });
    await expect(chart.svg).toMatchFileSnapshot('__snapshots__/headline-comparison.svg');
    await expect(chart.narrowSvg).toMatchFileSnapshot('__snapshots__/headline-comparison.narrow.svg');
  });
});

describe('metricRanking with figures the reports disagree on', () => {
  it('draws the range as a line with end ticks and prints it beside the best value', () => {
    const a = profile(city({ id: 'alpha' }), { participants: 30 });
    a.metrics.participants = { ...a.metrics.participants, low: 25, high: 40 };
    const b = profile(city({ id: 'beta', name: 'Kota Beta', name_en: 'Beta City', region_code: '3501' }), { participants: 20 });
    const chart = metricRanking([a, b], 'participants', { lang: 'id' });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    expect($('g[data-mark="rule"] line')).toHaveLength(2);
    expect($('g[data-mark="tick"] line')).toHaveLength(2);
    expect(chart.table.rows).toEqual([
      ['Kota Alpha', '30 (25–40)'],
      ['Kota Beta', '20'],
    ]);
  });
});
