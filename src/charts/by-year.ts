import * as Plot from '@observablehq/plot';
import type { BatikEvent, City } from '../lib/dataset';
import { EVENT_KINDS, type EventKind } from '../lib/schema';
import { cityColour, NEUTRAL } from './colours';
import { formatCount, formatList } from './formatters';
import { labelsFor } from './labels';
import { cityName, estimateTextWidth, lineCount, lineHeight, marginFor, shorten, slug, wrap, type Layout } from './layout';
import { emptyPlot, renderChart, type Drawing } from './render';
import type { Chart, ChartOptions } from './types';

/**
 * Past this many dated events a timeline of single events is too dense to read (and too heavy
 * to embed), so the timeline summarises by year instead: see `eventsByYear`.
 */
export const TIMELINE_DETAIL_LIMIT = 12;

/** The year an event is placed in: its start, or its end when only that is known; null when undated. */
export const eventYear = (e: BatikEvent): number | null => {
  const date = e.start_date ?? e.end_date;
  return date === null ? null : Number(date.slice(0, 4));
};

interface Cell {
  row: string;
  colour: string;
  year: number;
  count: number;
}

/**
 * Events counted by year: one row per city (or, for one city, one row per kind of event), one
 * column per year, a dot whose area grows with the count and the count written beside it. A
 * year without a reported event is left empty, never drawn as zero.
 */
export function eventsByYear(events: readonly BatikEvent[], cities: readonly City[], opts: ChartOptions): Chart {
  const { lang } = opts;
  const labels = labelsFor(lang);
  const id = slug(opts.id ?? `by-year-${lang}`);
  const title = labels.byYearTitle;
  const single = cities.length === 1 ? cities[0]! : null;

  const dated = events.filter((e) => eventYear(e) !== null);
  const undated = events.length - dated.length;
  const kindsDrawn = EVENT_KINDS.filter((k) => dated.some((e) => e.kind === k));
  // For one city the rows are the kinds of event; for several, the cities.
  const rows: { id: string; name: string; colour: string; matches: (e: BatikEvent) => boolean }[] = single
    ? kindsDrawn.map((k: EventKind) => ({ id: k, name: labels.kinds[k], colour: cityColour(single.id), matches: (e) => e.kind === k }))
    : cities.map((c) => ({ id: c.id, name: cityName(c, lang), colour: cityColour(c.id), matches: (e) => e.city === c.id }));
  const years = dated.map((e) => eventYear(e)!);
  const [first, last] = years.length ? [Math.min(...years), Math.max(...years)] : [0, -1];
  const allYears = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const cells: Cell[] = rows.flatMap((r) =>
    allYears.flatMap((year) => {
      const count = dated.filter((e) => r.matches(e) && eventYear(e) === year).length;
      return count ? [{ row: r.id, colour: r.colour, year, count }] : [];
    }),
  );
  const max = Math.max(1, ...cells.map((c) => c.count));
  const note = undated ? labels.timelineUndated(undated) : null;

  /**
   * Wide, the years run across and the rows (cities, or kinds of event) down. Narrow, the
   * table is turned: the years run down, one line each, so no year label is skipped and the
   * counts keep their room, and the rows become columns headed by their names.
   */
  const draw = (layout: Layout): Drawing => {
    const { width, fontSize, narrow } = layout;
    if (!cells.length) return { plot: emptyPlot(labels.noEvents, layout) };
    const wrapped = note ? wrap(note, width - 8, fontSize, 3) : null;
    const noteHeight = wrapped ? lineCount(wrapped) * lineHeight(fontSize) + 10 : 0;
    const count = Plot.text(cells, {
      x: narrow ? 'row' : 'year',
      y: narrow ? 'year' : 'row',
      text: (c: Cell) => formatCount(c.count, lang),
      fill: 'currentColor',
      fontWeight: 'bold',
      fontVariant: 'tabular-nums',
    });
    const noteMark = (marginLeft: number) =>
      wrapped ? [Plot.text([wrapped], { frameAnchor: 'bottom-left', textAnchor: 'start', lineAnchor: 'top', dx: -marginLeft + 4, dy: 8, fontStyle: 'italic', fill: NEUTRAL.muted })] : [];
    // No tooltip per dot: the count is written on it and the table beside the chart lists every cell.
    const dots = (r: Omit<Plot.DotOptions, 'r'>) => Plot.dot(cells, { ...r, r: 'count', fill: 'colour', fillOpacity: 0.45, stroke: 'colour' });
    if (!narrow) {
      const shortNames = new Map(rows.map((r) => [r.id, shorten(r.name, 24)]));
      const marginLeft = marginFor([...shortNames.values()], 40, 220, fontSize);
      const column = (width - marginLeft - 16) / Math.max(1, allYears.length);
      const everyYear = column >= estimateTextWidth('2000', fontSize) * 1.4;
      const band = 34;
      const marginTop = lineHeight(fontSize) + 12;
      const marginBottom = 16 + noteHeight;
      return {
        plot: {
          width,
          height: marginTop + marginBottom + rows.length * band,
          marginTop,
          marginBottom,
          marginLeft,
          marginRight: 16,
          x: {
            type: 'band',
            domain: allYears,
            axis: 'top',
            tickFormat: (y: number) => (everyYear || (y - first) % 2 === 0 ? String(y) : ''),
            tickSize: 0,
            label: null,
            padding: 0,
          },
          y: { type: 'band', domain: rows.map((r) => r.id), tickFormat: (r: string) => shortNames.get(r) ?? r, tickSize: 0, label: null, padding: 0 },
          r: { type: 'sqrt', domain: [0, max], range: [0, Math.min(13, column / 2 - 1)] },
          color: { type: 'identity' },
          marks: [Plot.gridY(rows.map((r) => r.id), { stroke: NEUTRAL.grid, strokeOpacity: 0.6 }), dots({ x: 'year', y: 'row' }), count, ...noteMark(marginLeft)],
        },
      };
    }
    const marginLeft = Math.round(estimateTextWidth('2000', fontSize) + 14);
    const column = (width - marginLeft - 8) / Math.max(1, rows.length);
    const longest = Math.max(...rows.map((r) => estimateTextWidth(r.name, fontSize)));
    // Column heads read across when they fit, upwards when the columns are too narrow.
    const upright = longest + 6 <= column;
    const heads = new Map(rows.map((r) => [r.id, upright ? r.name : shorten(r.name, 24)]));
    const marginTop = upright ? lineHeight(fontSize) + 12 : Math.round(Math.min(24, Math.max(...rows.map((r) => Array.from(heads.get(r.id)!).length))) * fontSize * 0.6 + 14);
    const band = Math.max(26, lineHeight(fontSize) + 8);
    const marginBottom = 8 + noteHeight;
    return {
      plot: {
        width,
        height: marginTop + marginBottom + allYears.length * band,
        marginTop,
        marginBottom,
        marginLeft,
        marginRight: 8,
        x: {
          type: 'band',
          domain: rows.map((r) => r.id),
          axis: 'top',
          tickFormat: (r: string) => heads.get(r) ?? r,
          tickSize: 0,
          label: null,
          padding: 0,
          ...(upright ? {} : { tickRotate: -90 }),
        },
        y: { type: 'band', domain: allYears, tickFormat: (y: number) => String(y), tickSize: 0, label: null, padding: 0 },
        r: { type: 'sqrt', domain: [0, max], range: [0, Math.min(12, band / 2 - 1, column / 2 - 1)] },
        color: { type: 'identity' },
        marks: [Plot.gridX(rows.map((r) => r.id), { stroke: NEUTRAL.grid, strokeOpacity: 0.6 }), dots({ x: 'row', y: 'year' }), count, ...noteMark(marginLeft)],
      },
    };
  };

  const busiest = cells.length ? allYears.map((y) => ({ y, n: cells.filter((c) => c.year === y).reduce((s, c) => s + c.count, 0) })).reduce((a, b) => (b.n > a.n ? b : a)) : null;
  const takeaway = busiest
    ? labels.byYearTakeaway(formatCount(dated.length, lang)!, String(first), String(last), String(busiest.y), formatCount(busiest.n, lang)!)
    : labels.noEvents;
  const perRow = rows
    .map((r) => {
      const mine = cells.filter((c) => c.row === r.id);
      return mine.length ? `${r.name}: ${formatList(mine.map((c) => `${c.year} (${formatCount(c.count, lang)})`), lang)}.` : '';
    })
    .filter(Boolean);
  const description = cells.length ? labels.byYearDescription(String(first), String(last), single !== null, [...perRow, ...(undated ? [labels.timelineUndated(undated)] : [])].join(' ')) : labels.noEvents;
  return {
    id,
    title,
    takeaway,
    description,
    ...renderChart({ id, title, description, draw, width: opts.width }),
    table: {
      caption: title,
      columns: [labels.year, ...rows.map((r) => r.name)],
      rows: allYears.map((y) => [String(y), ...rows.map((r) => formatCount(cells.find((c) => c.row === r.id && c.year === y)?.count ?? 0, lang)!)]),
    },
  };
}
