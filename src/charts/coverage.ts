import * as Plot from '@observablehq/plot';
import type { City, Dataset } from '../lib/dataset';
import { THEMES } from '../lib/schema';
import type { CityProfile } from '../lib/summarise';
import { NEUTRAL } from './colours';
import { formatList } from './formatters';
import { labelsFor, type CoverageTheme } from './labels';
import { cityName, estimateTextWidth, lineCount, lineHeight, marginFor, shorten, slug, wrap, type Layout } from './layout';
import { emptyPlot, renderChart, type Drawing } from './render';
import type { Chart, ChartOptions } from './types';

export type { CoverageTheme };

/** The columns of the matrix: the programme themes of events, then facilities and exhibitions. */
export const COVERAGE_THEMES: readonly CoverageTheme[] = [...THEMES, 'infrastructure', 'exhibitions'];

/** One city's row of the matrix: for each theme, the ids of the records that show it. */
export interface CoverageRow {
  city: City;
  records: Record<CoverageTheme, string[]>;
}

const COVERED = '✓';
// Not a dash: readers of BPS tables read "–" as nil, and an absent report is not a nil.
const NOT_COVERED = '?';

/**
 * The rows of the coverage matrix, one per profile, in the profiles' order. An event theme is
 * shown by the city's events that carry it; infrastructure by the facilities the facilities
 * metric counts; exhibitions by the events the exhibitions metric counts. So the matrix and
 * the metrics cannot disagree.
 */
export function coverageRows(dataset: Dataset, profiles: readonly CityProfile[]): CoverageRow[] {
  return profiles.map((profile) => {
    const events = dataset.eventsByCity.get(profile.city.id) ?? [];
    const records = Object.fromEntries(THEMES.map((t) => [t, events.filter((e) => e.themes.includes(t)).map((e) => e.id)])) as Record<
      CoverageTheme,
      string[]
    >;
    records.infrastructure = [...profile.metrics.facilities.records];
    records.exhibitions = [...profile.metrics.exhibitions.records];
    return { city: profile.city, records };
  });
}

interface PlacedCell {
  cityId: string;
  theme: CoverageTheme;
  count: number;
  glyph: string;
}

/**
 * Programme themes × cities (themes are the rows, so their names read in full). A theme in a
 * city's reports gets a tinted cell with "✓"; a theme not in them a blank cell with "?", so
 * the matrix reads without colour. "Not in the reports" is all it says: absence from the
 * news is not absence of the programme.
 */
export function coverageMatrix(rows: readonly CoverageRow[], opts: ChartOptions): Chart {
  const { lang } = opts;
  const labels = labelsFor(lang);
  const id = slug(opts.id ?? `coverage-${lang}`);
  const title = labels.coverageTitle;

  const cells: PlacedCell[] = rows.flatMap((row) =>
    COVERAGE_THEMES.map((theme) => {
      const count = row.records[theme].length;
      return { cityId: row.city.id, theme, count, glyph: count ? COVERED : NOT_COVERED };
    }),
  );
  const legend = [
    ...(cells.some((c) => c.count) ? [{ label: labels.covered, glyph: COVERED }] : []),
    ...(cells.some((c) => !c.count) ? [{ label: labels.notCovered, glyph: NOT_COVERED, fill: NEUTRAL.muted }] : []),
  ];

  const draw = (layout: Layout): Drawing => {
    const { width, fontSize, narrow } = layout;
    if (!rows.length) return { plot: emptyPlot(labels.noData, layout) };
    const line = lineHeight(fontSize);
    // Theme names wrap to two lines in the narrow layout, so the cells keep some width.
    const themeNames = new Map(COVERAGE_THEMES.map((t) => [t, narrow ? wrap(labels.themes[t], width * 0.38, fontSize) : labels.themes[t]]));
    const marginLeft = marginFor([...themeNames.values()], 40, narrow ? Math.round(width * 0.42) : 220, fontSize);
    const marginRight = narrow ? 4 : 10;
    // Cities are the columns. Their names wrap to the column's width; when columns get too
    // narrow for that (many cities, or a phone), the names are turned to read upwards instead.
    const columnWidth = (width - marginLeft - marginRight) / Math.max(1, rows.length);
    const names = rows.map((r) => [r.city.id, cityName(r.city, lang)] as const);
    const longestWord = Math.max(...names.flatMap(([, n]) => n.split(/\s+/).map((w) => estimateTextWidth(w, fontSize))));
    const rotate = longestWord + 6 > columnWidth;
    const heads = new Map(names.map(([cityId, n]) => [cityId, rotate ? shorten(n, 28) : wrap(n, columnWidth - 6, fontSize, 3)]));
    const headLines = Math.max(...[...heads.values()].map(lineCount));
    const marginTop = rotate ? Math.min(180, marginFor([...heads.values()], 40, 180, fontSize)) : headLines * line + 12;
    const band = Math.max(26, narrow ? 2 * line + 6 : line + 12);
    return {
      legend,
      plot: {
        width,
        height: marginTop + 10 + COVERAGE_THEMES.length * band,
        marginTop,
        marginBottom: 10,
        marginLeft,
        marginRight,
        x: { domain: rows.map((r) => r.city.id), axis: null, padding: 0.06 },
        y: { domain: [...COVERAGE_THEMES], tickFormat: (t: CoverageTheme) => themeNames.get(t), tickSize: 0, label: null, padding: 0.06 },
        color: { type: 'identity' },
        marks: [
          Plot.axisX({
            anchor: 'top',
            tickFormat: (c: string) => heads.get(c) ?? c,
            tickSize: 0,
            label: null,
            ...(rotate ? { tickRotate: -90, textAnchor: 'start' } : { lineAnchor: 'bottom' }),
          }),
          // The cell's tint repeats what its glyph says, for a quicker read: it is not the only carrier.
          Plot.cell(cells, {
            x: 'cityId',
            y: 'theme',
            fill: (c: PlacedCell) => (c.count ? NEUTRAL.covered : NEUTRAL.paper),
            stroke: NEUTRAL.grid,
            ariaHidden: 'true',
          }),
          Plot.text(cells, {
            x: 'cityId',
            y: 'theme',
            text: 'glyph',
            fontSize: fontSize + 3,
            fill: (c: PlacedCell) => (c.count ? 'currentColor' : NEUTRAL.muted),
          }),
        ],
      },
    };
  };

  const total = rows.length;
  const citiesPerTheme = COVERAGE_THEMES.map((theme) => ({ theme, cities: rows.filter((r) => r.records[theme].length > 0).length }));
  const widest = Math.max(0, ...citiesPerTheme.map((t) => t.cities));
  const nowhere = citiesPerTheme.filter((t) => t.cities === 0).map((t) => labels.themes[t.theme]);
  const lower = (text: string) => text.toLocaleLowerCase(lang === 'id' ? 'id-ID' : 'en-GB');
  const takeaway = total
    ? [
        ...(widest > 0
          ? [labels.coverageWidest(formatList(citiesPerTheme.filter((t) => t.cities === widest).map((t) => lower(labels.themes[t.theme])), lang), widest, total)]
          : []),
        ...(nowhere.length ? [labels.coverageNowhere(formatList(nowhere.map(lower), lang))] : []),
      ].join(' ')
    : labels.noData;
  const description = total
    ? labels.coverageDescription(
        rows
          .map((r) => {
            const themes = COVERAGE_THEMES.filter((t) => r.records[t].length).map((t) => lower(labels.themes[t]));
            return labels.coverageCity(cityName(r.city, lang), themes.length ? formatList(themes, lang) : labels.notReported);
          })
          .join(' '),
      )
    : labels.noData;

  return {
    id,
    title,
    takeaway,
    description,
    ...renderChart({ id, title, description, draw, width: opts.width, layouts: 'compact' }),
    table: {
      caption: title,
      columns: [labels.city, ...COVERAGE_THEMES.map((t) => labels.themes[t])],
      rows: rows.map((r) => [
        cityName(r.city, lang),
        ...COVERAGE_THEMES.map((t) => {
          const count = r.records[t].length;
          return count ? labels.coveredCell(count, t === 'infrastructure' ? 'facility' : 'event') : labels.notReported;
        }),
      ]),
    },
  };
}
