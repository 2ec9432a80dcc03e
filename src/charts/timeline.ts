import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import { compareEvents, type BatikEvent, type City, type Policy } from '../lib/dataset';
import { formatDateRange, formatPartialDate, type Lang } from '../lib/format';
import { EVENT_KINDS, type EventKind } from '../lib/schema';
import { cityColour, NEUTRAL } from './colours';
import { timeAxis, utcDate, utcDateAfter } from './formatters';
import { labelsFor, type ChartLabels } from './labels';
import { cityName, estimateTextWidth, lineCount, lineHeight, marginFor, shorten, slug, thinTicks, wrap, type Layout } from './layout';
import { emptyPlot, renderChart, type Drawing, type LegendItem, type SymbolName } from './render';
import type { Chart, ChartOptions } from './types';

/** The symbol of each kind of event, here and in the legend. */
export const KIND_SYMBOLS: Readonly<Record<EventKind, SymbolName>> = {
  training: 'circle',
  certification: 'square',
  exhibition: 'triangle',
  festival: 'diamond',
  competition: 'cross',
  inauguration: 'wye',
  aid: 'times',
  other: 'plus',
};

/** Symbols drawn as strokes only (no area to fill): they take the city's colour as their stroke. */
const STROKE_SYMBOLS: ReadonlySet<SymbolName> = new Set(['times', 'plus']);

/**
 * Kinds sit on their own line within a city's row, so events days apart do not hide each
 * other: trainings, the most common, on the row's line, the others just above and below it.
 */
const KIND_OFFSET: Readonly<Record<EventKind, number>> = { training: 0, certification: -10, exhibition: 10, festival: 10, competition: -10, inauguration: -10, aid: 0, other: 10 };

/** An event placed on the time axis, or not placed when its dates are unknown. */
interface PlacedEvent {
  event: BatikEvent;
  cityId: string;
  cityName: string;
  title: string;
  kind: EventKind;
  /** The first day, and the day after the last (ranges are drawn as half-open intervals). */
  start: Date | null;
  end: Date | null;
  approximate: boolean;
  dateText: string;
}

function placeEvent(event: BatikEvent, cityNames: ReadonlyMap<string, string>, lang: Lang, labels: ChartLabels): PlacedEvent {
  const first = event.start_date ?? event.end_date;
  const last = event.end_date ?? event.start_date;
  const approximate = event.start_precision !== 'day' || (event.end_date !== null && event.end_precision !== 'day');
  const range = formatDateRange(event.start_date, event.end_date, lang);
  return {
    event,
    cityId: event.city,
    cityName: cityNames.get(event.city) ?? event.city,
    title: lang === 'id' ? event.title : event.title_en,
    kind: event.kind,
    start: first ? utcDate(first) : null,
    end: last ? utcDateAfter(last) : null,
    approximate,
    dateText: range === null ? labels.dateUnknown : approximate ? `${range}${labels.approximateSuffix}` : range,
  };
}

/** A month in words, as in a sentence: "Mei 2022", "May 2022". */
const monthOf = (date: Date, lang: Lang): string => formatPartialDate(date.toISOString().slice(0, 7), lang)!;

/**
 * Every event on a time axis, one row per city. The symbol's shape gives the kind of event
 * (with a legend), a line runs from the first to the last day, and an approximate date is
 * drawn hollow with a dashed line. Events whose dates are unknown cannot be placed: they are
 * listed in the table, and the chart and its description say how many there are.
 */
export function eventTimeline(
  events: readonly BatikEvent[],
  cities: readonly City[],
  opts: ChartOptions & {
    /** Policies to mark on their year (a star), for context; the cities' own policies only. */
    policies?: readonly Policy[];
  },
): Chart {
  const { lang } = opts;
  const labels = labelsFor(lang);
  const id = slug(opts.id ?? `timeline-${lang}`);
  const title = labels.timelineTitle;

  const cityNames = new Map(cities.map((c) => [c.id, cityName(c, lang)]));
  const placed = [...events].sort(compareEvents).map((e) => placeEvent(e, cityNames, lang, labels));
  const dated = placed.filter((p): p is PlacedEvent & { start: Date; end: Date } => p.start !== null && p.end !== null);
  const undated = placed.filter((p) => p.start === null);
  // Rows: the cities given, in their order, then any city that only the events name.
  const rowIds = [...cities.map((c) => c.id), ...new Set(events.map((e) => e.city).filter((c) => !cityNames.has(c)))];
  // A policy is dated to its year: its star stands at the year's start, and the axis covers the year.
  const policies = (opts.policies ?? [])
    .filter((p): p is Policy & { year: number } => cityNames.has(p.city) && p.year !== null)
    .map((p) => ({ policy: p, cityId: p.city, cityName: cityNames.get(p.city)!, title: lang === 'id' ? p.title : p.title_en, start: utcDate(`${p.year}-01-01`), yearEnd: utcDate(`${p.year}-12-31`) }));

  const axis = timeAxis(
    [...dated.flatMap((p) => [p.start, d3.utcDay.offset(p.end, -1)]), ...policies.flatMap((p) => [p.start, p.yearEnd])],
    lang,
  );
  const undatedNote = undated.length ? labels.timelineUndated(undated.length) : null;
  // Only the kinds drawn get a legend entry and a word in the description, and a line style
  // only when a date of that precision is drawn.
  const drawnKinds = EVENT_KINDS.filter((kind) => dated.some((p) => p.kind === kind));
  const legend: LegendItem[] = [
    ...drawnKinds.map((kind) =>
      STROKE_SYMBOLS.has(KIND_SYMBOLS[kind])
        ? { label: labels.kinds[kind], symbol: KIND_SYMBOLS[kind], fill: 'none', stroke: NEUTRAL.muted }
        : { label: labels.kinds[kind], symbol: KIND_SYMBOLS[kind], fill: NEUTRAL.muted },
    ),
    ...(dated.some((p) => !p.approximate) ? [{ label: labels.exactDate, symbol: 'circle' as const, line: 'solid' as const, fill: NEUTRAL.muted, stroke: NEUTRAL.muted }] : []),
    ...(dated.some((p) => p.approximate) ? [{ label: labels.approximateDate, symbol: 'circle' as const, line: 'dashed' as const, fill: NEUTRAL.paper, stroke: NEUTRAL.muted }] : []),
    ...(policies.length ? [{ label: labels.policy, symbol: 'star' as const, fill: NEUTRAL.muted }] : []),
  ];

  const draw = (layout: Layout): Drawing => {
    const { width, fontSize, narrow } = layout;
    if (!placed.length && !policies.length) return { plot: emptyPlot(labels.noEvents, layout) };
    const names = new Map(rowIds.map((c) => [c, shorten(cityNames.get(c) ?? c, narrow ? Math.floor(width / (fontSize * 0.6)) : 28)]));
    // Narrow, each city's name has a line of its own just above its row's symbols (which reach
    // 15 units either side of the row's line).
    const nameLine = narrow ? lineHeight(fontSize) + 4 : 0;
    const band = 44 + nameLine;
    const shift = nameLine / 2;
    const note = undatedNote ? wrap(undatedNote, width - 8, fontSize, 3) : null;
    const marginTop = 10;
    const marginBottom = lineHeight(fontSize) + 14 + (note ? lineCount(note) * lineHeight(fontSize) + 8 : 0);
    // The first and last tick labels are centred on the frame's edges: half of one must fit.
    const tickLabel = estimateTextWidth(axis.tickFormat(axis.ticks[0] ?? axis.domain[0]), fontSize);
    const marginLeft = narrow ? Math.ceil(tickLabel / 2) + 4 : marginFor([...names.values()], 40, 220, fontSize);
    const marginRight = Math.max(narrow ? 0 : 20, Math.ceil(tickLabel / 2) + 4);
    const ticks = thinTicks(axis.ticks, width - marginLeft - marginRight, tickLabel);
    const kindMarks = EVENT_KINDS.flatMap((kind) => {
      const ofKind = dated.filter((p) => p.kind === kind);
      const common = { y: 'cityId', dy: KIND_OFFSET[kind] + shift } as const;
      const tip = (p: PlacedEvent) => `${p.cityName} – ${labels.kinds[p.kind]}: ${p.title} (${p.dateText})`;
      return [
        Plot.ruleY(
          ofKind.filter((p) => !p.approximate),
          { ...common, x1: 'start', x2: 'end', stroke: (p: PlacedEvent) => cityColour(p.cityId), strokeWidth: 2.5 },
        ),
        Plot.ruleY(
          ofKind.filter((p) => p.approximate),
          { ...common, x1: 'start', x2: 'end', stroke: (p: PlacedEvent) => cityColour(p.cityId), strokeWidth: 2, strokeDasharray: '3,2' },
        ),
        Plot.dot(
          ofKind.filter((p) => !p.approximate),
          STROKE_SYMBOLS.has(KIND_SYMBOLS[kind])
            ? { ...common, x: 'start', symbol: KIND_SYMBOLS[kind], fill: 'none', stroke: (p: PlacedEvent) => cityColour(p.cityId), strokeWidth: 2.5, r: 5, title: tip }
            : { ...common, x: 'start', symbol: KIND_SYMBOLS[kind], fill: (p: PlacedEvent) => cityColour(p.cityId), stroke: NEUTRAL.paper, strokeWidth: 1, r: 5, title: tip },
        ),
        Plot.dot(
          ofKind.filter((p) => p.approximate),
          { ...common, x: 'start', symbol: KIND_SYMBOLS[kind], fill: NEUTRAL.paper, stroke: (p: PlacedEvent) => cityColour(p.cityId), strokeWidth: 1.5, r: 5, title: tip },
        ),
      ];
    });
    const policyMarks = policies.length
      ? [
          Plot.dot(policies, {
            x: 'start',
            y: 'cityId',
            dy: shift,
            symbol: 'star',
            fill: (p: (typeof policies)[number]) => cityColour(p.cityId),
            stroke: NEUTRAL.paper,
            strokeWidth: 1,
            r: 6,
            title: (p: (typeof policies)[number]) => `${p.cityName} – ${labels.policy}: ${p.title} (${p.policy.year})`,
          }),
        ]
      : [];
    return {
      legend,
      plot: {
        width,
        height: marginTop + marginBottom + Math.max(1, rowIds.length) * band,
        marginTop,
        marginBottom,
        marginLeft,
        marginRight,
        x: { type: 'utc', domain: axis.domain, ticks, tickFormat: axis.tickFormat, grid: true, label: null },
        y: {
          type: 'point',
          domain: rowIds,
          ...(narrow ? { axis: null } : { tickFormat: (c: string) => names.get(c) ?? c, tickSize: 0, label: null }),
          padding: 0.5,
        },
        color: { type: 'identity' },
        marks: [
          Plot.gridY(rowIds, { dy: shift, stroke: NEUTRAL.grid, strokeOpacity: 0.6 }),
          ...(narrow
            ? [Plot.text(rowIds, { y: (c: string) => c, text: (c: string) => names.get(c), frameAnchor: 'left', textAnchor: 'start', lineAnchor: 'bottom', dx: -marginLeft + 4, dy: shift - 17, fontWeight: 'bold' })]
            : []),
          ...kindMarks,
          ...policyMarks,
          ...(note
            ? [Plot.text([note], { frameAnchor: 'bottom-left', textAnchor: 'start', lineAnchor: 'bottom', dx: -marginLeft + 4, dy: marginBottom - 4, fontStyle: 'italic', fill: NEUTRAL.muted })]
            : []),
        ],
      },
    };
  };

  const first = dated.length ? d3.min(dated, (p) => p.start)! : null;
  const last = dated.length ? d3.utcDay.offset(d3.max(dated, (p) => p.end)!, -1) : null;
  const takeaway = [
    first && last ? labels.timelineTakeaway(dated.length, monthOf(first, lang), monthOf(last, lang)) : labels.noEvents,
    ...(undatedNote ? [undatedNote] : []),
  ].join(' ');
  const eventSentences = [
    ...policies.map((p) => labels.timelineEvent(p.cityName, labels.policy, p.title, String(p.policy.year))),
    ...placed.map((p) => labels.timelineEvent(p.cityName, labels.kinds[p.kind], p.title, p.dateText)),
  ];
  const description = placed.length || policies.length
    ? [
        labels.timelineDescription(
          String(axis.domain[0].getUTCFullYear()),
          String(axis.domain[1].getUTCFullYear() - 1),
          drawnKinds.map((k) => `${labels.symbolNames[KIND_SYMBOLS[k]]}: ${labels.kinds[k].toLocaleLowerCase(lang === 'id' ? 'id-ID' : 'en-GB')}`).join(', '),
          eventSentences.join(' '),
        ),
        ...(undatedNote ? [undatedNote] : []),
      ].join(' ')
    : labels.noEvents;

  return {
    id,
    title,
    takeaway,
    description,
    ...renderChart({ id, title, description, draw, width: opts.width }),
    table: {
      caption: title,
      columns: [labels.date, labels.city, labels.kind, labels.event],
      rows: [
        ...policies.map((p) => [String(p.policy.year), p.cityName, labels.policy, p.title]),
        ...placed.map((p) => [p.dateText, p.cityName, labels.kinds[p.kind], p.title]),
      ],
    },
  };
}

