import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { COVERAGE_THEMES, coverageMatrix, coverageRows, type CoverageRow } from '../../src/charts/coverage';
import { LABELS } from '../../src/charts/labels';
import { THEMES } from '../../src/lib/schema';
import { city, dataset, event, facility } from '../helpers/records';
import { cityProfiles } from '../../src/lib/summarise';
import { expectSoundSvg, HOSTILE, hostileCity, LONG, longCity, fixtureDataset, fixtureProfiles, svgOf } from './fixtures';

const glyphs = ($: CheerioAPI) =>
  $('g[data-mark="text"] text')
    .map((_, el) => $(el).text())
    .get();

const emptyRecords = () => Object.fromEntries(COVERAGE_THEMES.map((t) => [t, [] as string[]])) as CoverageRow['records'];

describe('coverageRows', () => {
  it('agrees with the profiles: event themes, facilities and exhibitions', () => {
    const ds = fixtureDataset();
    const profiles = fixtureProfiles();
    const rows = coverageRows(ds, profiles);
    expect(rows.map((r) => r.city.id)).toEqual(profiles.map((p) => p.city.id));
    for (const [i, row] of rows.entries()) {
      const p = profiles[i]!;
      expect(THEMES.filter((t) => row.records[t].length)).toEqual(p.themes);
      expect(row.records.infrastructure.length).toBe(p.metrics.facilities.value ?? 0);
      expect(row.records.exhibitions.length).toBe(p.metrics.exhibitions.value ?? 0);
    }
  });

  it('lists the records behind each cell', () => {
    const ds = dataset({
      events: [
        event({ id: 'a', themes: ['marketing', 'export'] }),
        event({ id: 'b', themes: ['marketing'] }),
        event({ id: 'x', kind: 'exhibition', themes: [] }),
      ],
      facilities: [facility({ id: 'f' })],
    });
    const [row] = coverageRows(ds, cityProfiles(ds));
    expect(row!.records.marketing).toEqual(['a', 'b']);
    expect(row!.records.export).toEqual(['a']);
    expect(row!.records.colouring).toEqual([]);
    expect(row!.records.infrastructure).toEqual(['f']);
    expect(row!.records.exhibitions).toEqual(['x']);
  });
});

describe('coverageMatrix', () => {
  it.each(['id', 'en'] as const)('draws a cell per city and theme with ✓ or ? for the five-report fixture (%s)', (lang) => {
    const rows = coverageRows(fixtureDataset(), fixtureProfiles());
    const chart = coverageMatrix(rows, { lang });
    expectSoundSvg(chart);
    const $ = svgOf(chart);
    expect($('g[data-mark="cell"] rect')).toHaveLength(rows.length * COVERAGE_THEMES.length);
    const covered = rows.reduce((n, r) => n + COVERAGE_THEMES.filter((t) => r.records[t].length).length, 0);
    expect(glyphs($).filter((g) => g === '✓')).toHaveLength(covered);
    expect(glyphs($).filter((g) => g === '?')).toHaveLength(rows.length * COVERAGE_THEMES.length - covered);
    expect(chart.table.columns).toEqual([LABELS[lang].city, ...COVERAGE_THEMES.map((t) => LABELS[lang].themes[t])]);
    expect(chart.table.rows.flat().filter((c) => c === LABELS[lang].notReported)).toHaveLength(rows.length * COVERAGE_THEMES.length - covered);
  });

  it.each([
    ['id', 'Tema yang paling luas: teknik produksi, dalam laporan 3 dari 4 kota. Tidak muncul dalam laporan kota mana pun: lingkungan, pendidikan, pelestarian, dan busana.'],
    ['en', 'Most widespread: production technique, in the reports of 3 of 4 cities. In no city’s reports: environment, education, heritage and fashion.'],
  ] as const)('names the most widespread theme (%s)', (lang, takeaway) => {
    expect(coverageMatrix(coverageRows(fixtureDataset(), fixtureProfiles()), { lang }).takeaway).toBe(takeaway);
  });

  it('handles one city, with and without any record', () => {
    const some = emptyRecords();
    some.export = ['e1', 'e2'];
    some.infrastructure = ['f1'];
    const chart = coverageMatrix([{ city: city(), records: some }], { lang: 'en' });
    expectSoundSvg(chart);
    expect(chart.table.rows[0]).toEqual([
      'Alpha City',
      ...COVERAGE_THEMES.map((t) => (t === 'export' ? 'yes (2 events)' : t === 'infrastructure' ? 'yes (1 facility)' : 'not reported')),
    ]);
    expect(chart.takeaway).toBe(
      'In every city’s reports: export and infrastructure (facilities). In no city’s reports: production technique, colouring, product development, standardisation, certification, marketing, environment, education, heritage, fashion and exhibitions.',
    );
    const none = coverageMatrix([{ city: city(), records: emptyRecords() }], { lang: 'id' });
    expectSoundSvg(none);
    expect(glyphs(svgOf(none)).every((g) => g === '?')).toBe(true);
    // A legend only for the glyphs drawn.
    const legend = (c: typeof none) => svgOf(c)('g.batik-chart-legend text').map((_, el) => svgOf(c)(el).text()).get();
    expect(legend(none)).toEqual(['?', 'tidak dilaporkan']);
    expect(legend(chart)).toEqual(['✓', 'reported', '?', 'not reported']);
  });

  it('turns city names upright when there are many cities', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ city: city({ id: `c${i}`, name: `Kota ${i}`, name_en: `City ${i}` }), records: emptyRecords() }));
    const chart = coverageMatrix(rows, { lang: 'en' });
    expectSoundSvg(chart);
    expect(svgOf(chart)('g[data-mark="cell"] rect')).toHaveLength(20 * COVERAGE_THEMES.length);
    expect(chart.svg).toContain('rotate(-90)');
  });

  it('escapes hostile names', () => {
    const chart = coverageMatrix(
      [
        { city: hostileCity(), records: emptyRecords() },
        { city: longCity(), records: emptyRecords() },
      ],
      { lang: 'id' },
    );
    expectSoundSvg(chart);
    expect(chart.table.rows.map((r) => r[0])).toEqual([HOSTILE, LONG]);
  });

  it('shows an empty state for no cities', () => {
    const chart = coverageMatrix([], { lang: 'id' });
    expectSoundSvg(chart);
    expect(chart.svg).toContain(LABELS.id.noData);
  });

  it('matches its snapshot', async () => {
    await expect(coverageMatrix(coverageRows(fixtureDataset(), fixtureProfiles()), { lang: 'id' }).svg).toMatchFileSnapshot(
      '__snapshots__/coverage-matrix.svg',
    );
  });
});
