import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import type { Facility, FacilityStatusEntry } from '../lib/dataset';
import { formatPartialDate, type Lang } from '../lib/format';
import { FACILITY_STATUSES, type FacilityStatus } from '../lib/schema';
import { cityColour, NEUTRAL } from './colours';
import { formatList, timeAxis, utcDate, utcDateAfter } from './formatters';
import { labelsFor, type ChartLabels } from './labels';
import { estimateTextWidth, lineCount, lineHeight, marginFor, slug, thinTicks, wrap, type Layout } from './layout';
import { emptyPlot, renderChart, type Drawing } from './render';
import type { Chart, ChartOptions } from './types';

/** A status report placed in time: its date is a period (a day, a month or a year). */
interface PlacedStatus {
  facilityId: string;
  cityId: string;
  status: FacilityStatus;
  statusText: string;
  /** The period the report's date stands for, and its middle, where the dot goes. */
  start: Date;
  end: Date;
  middle: Date;
  /** True when the date is only known to the month or the year. */
  partial: boolean;
  dateText: string;
}

/** A box in the chart's units, for keeping labels apart. */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 + 2 && b.x0 < a.x1 + 2 && a.y0 < b.y1 && b.y0 < a.y1;

const facilityName = (f: Facility, lang: Lang) => (lang === 'id' ? f.name : f.name_en);

function placeStatus(facility: Facility, entry: FacilityStatusEntry & { as_of: string }, lang: Lang, labels: ChartLabels): PlacedStatus {
  const start = utcDate(entry.as_of);
  const end = utcDateAfter(entry.as_of);
  return {
    facilityId: facility.id,
    cityId: facility.city,
    status: entry.status,
    statusText: labels.statuses[entry.status],
    start,
    end,
    middle: new Date((start.getTime() + end.getTime()) / 2),
    partial: entry.as_of.length < 10,
    dateText: formatPartialDate(entry.as_of, lang) ?? entry.as_of,
  };
}

/**
 * Each facility's status as the reports give it over time, one panel per facility: the
 * statuses are the rows of the panel, in the order a facility moves through them, so the
 * status is read from its label, not from a colour. A report dated only to the month or the
 * year is drawn as a bar over that period with its dot in the middle.
 */
export function facilityStatusChart(
  facilities: readonly Facility[],
  statusByFacility: ReadonlyMap<string, readonly FacilityStatusEntry[]>,
  opts: ChartOptions,
): Chart {
  const { lang } = opts;
  const labels = labelsFor(lang);
  const id = slug(opts.id ?? `facility-status-${lang}`);
  const title = labels.facilityTitle;

  const histories = facilities.map((f) => ({
    facility: f,
    name: facilityName(f, lang),
    // A status whose date is unknown (an undated report) is listed on the page but cannot be placed in time.
    statuses: (statusByFacility.get(f.id) ?? []).filter((entry): entry is FacilityStatusEntry & { as_of: string } => entry.as_of !== null).map((entry) => placeStatus(f, entry, lang, labels)),
  }));
  const placed = histories.flatMap((h) => h.statuses);
  const axis = timeAxis(
    placed.flatMap((p) => [p.start, new Date(p.end.getTime() - 86_400_000)]),
    lang,
  );
  const names = new Map(histories.map((h) => [h.facility.id, h.name]));
  // Operating at the top: a facility's progress reads upwards.
  const statusRows = [...FACILITY_STATUSES].reverse();
  const colourOf = (p: PlacedStatus) => cityColour(p.cityId);

  /**
   * Facilities one under the other, each with its name above it, then either its panel (a row
   * per status, the statuses named on the left) or, when no report gives a status, one line
   * saying so. Positions are worked out here, in the SVG's units, and y is an identity scale.
   */
  const draw = (layout: Layout): Drawing => {
    const { width, fontSize, narrow } = layout;
    if (!histories.length) return { plot: emptyPlot(labels.noFacilities, layout) };
    const line = lineHeight(fontSize);
    const rowHeight = line + 4;
    const statusNames = new Map(FACILITY_STATUSES.map((s) => [s, labels.statuses[s]]));
    const marginLeft = marginFor([...statusNames.values()], 40, 220, fontSize);
    const marginRight = narrow ? 8 : 20;
    const marginTop = 8;
    const axisHeight = line + 14;
    const [x0, x1] = [marginLeft, width - marginRight];

    const headings: { text: string; y: number }[] = [];
    const panels: { facilityId: string; y1: number; y2: number }[] = [];
    const statusLabels: { text: string; y: number }[] = [];
    const silentLines: { y: number }[] = [];
    const rowY = new Map<string, number>();
    let y = marginTop;
    for (const h of histories) {
      const heading = wrap(h.name, width - 8, fontSize, 2, true);
      headings.push({ text: heading, y });
      y += lineCount(heading) * line + 4;
      if (h.statuses.length) {
        panels.push({ facilityId: h.facility.id, y1: y, y2: y + statusRows.length * rowHeight });
        for (const s of statusRows) {
          rowY.set(`${h.facility.id}|${s}`, y + rowHeight / 2);
          statusLabels.push({ text: statusNames.get(s)!, y: y + rowHeight / 2 });
          y += rowHeight;
        }
      } else {
        silentLines.push({ y: y + rowHeight / 2 });
        y += rowHeight;
      }
      y += line;
    }
    const height = y - line + 8 + axisHeight;

    const xScale = d3.scaleUtc(axis.domain, [x0, x1]);
    const at = (p: PlacedStatus) => rowY.get(`${p.facilityId}|${p.status}`)!;
    const ticks = thinTicks(axis.ticks, x1 - x0, estimateTextWidth(axis.tickFormat(axis.ticks[0] ?? axis.domain[0]), fontSize));
    // Each report's date beside its dot (or beside the span of a partial date, so the span never
    // runs under it): to the right, to the left, else centred in the row above or below, wherever
    // it stays inside its panel and clear of the other dates and dots; left out where nothing
    // fits (the table beside the chart lists every date).
    const h = lineHeight(fontSize);
    const dotBoxes: Box[] = placed.map((p) => ({ x0: xScale(p.middle) - 6, x1: xScale(p.middle) + 6, y0: at(p) - 6, y1: at(p) + 6 }));
    const taken: Box[] = [];
    const dated = placed.flatMap((p) => {
      const y = at(p);
      const panel = panels.find((q) => q.facilityId === p.facilityId)!;
      const [left, right] = p.partial ? [xScale(p.start), xScale(p.end)] : [xScale(p.middle), xScale(p.middle)];
      const gap = p.partial ? 4 : 8;
      const w = estimateTextWidth(p.dateText, fontSize);
      const centre = Math.min(Math.max(xScale(p.middle), x0 + 2 + w / 2), width - 2 - w / 2);
      const candidates: { x: number; y: number; anchor: 'start' | 'end' | 'middle' }[] = [
        { x: right + gap, y, anchor: 'start' },
        { x: left - gap, y, anchor: 'end' },
        { x: centre, y: y - rowHeight, anchor: 'middle' },
        { x: centre, y: y + rowHeight, anchor: 'middle' },
      ];
      const boxOf = (c: (typeof candidates)[number]): Box => {
        const start = c.anchor === 'start' ? c.x : c.anchor === 'end' ? c.x - w : c.x - w / 2;
        return { x0: start, x1: start + w, y0: c.y - h / 2, y1: c.y + h / 2 };
      };
      const fits = (box: Box) =>
        box.x0 >= x0 + 2 && box.x1 <= width - 2 && box.y0 >= panel.y1 && box.y1 <= panel.y2 && ![...taken, ...dotBoxes].some((o) => overlaps(box, o));
      const chosen = candidates.find((c) => fits(boxOf(c)));
      if (!chosen) return [];
      taken.push(boxOf(chosen));
      return [{ ...p, at: xScale.invert(chosen.x), y: chosen.y, anchor: chosen.anchor }];
    });
    const dateText = (anchor: 'start' | 'end' | 'middle') =>
      Plot.text(
        dated.filter((p) => p.anchor === anchor),
        { x: 'at', y: 'y', text: 'dateText', textAnchor: anchor, fill: NEUTRAL.muted },
      );
    return {
      plot: {
        width,
        height,
        marginTop: 0,
        marginBottom: axisHeight,
        marginLeft,
        marginRight,
        x: { type: 'utc', domain: axis.domain, ticks, tickFormat: axis.tickFormat, label: null },
        y: { type: 'identity', axis: null },
        color: { type: 'identity' },
        marks: [
          // Panels and their grid are the ground the reports are drawn on.
          Plot.rect(panels, { x1: () => axis.domain[0], x2: () => axis.domain[1], y1: 'y1', y2: 'y2', fill: 'none', stroke: NEUTRAL.grid, ariaHidden: 'true' }),
          Plot.ruleX(
            panels.flatMap((panel) => ticks.map((tick) => ({ ...panel, tick }))),
            { x: 'tick', y1: 'y1', y2: 'y2', stroke: 'currentColor', strokeOpacity: 0.1, ariaHidden: 'true' },
          ),
          Plot.text(headings, { y: 'y', text: 'text', frameAnchor: 'left', textAnchor: 'start', lineAnchor: 'top', dx: -marginLeft + 4, fontWeight: 'bold' }),
          Plot.text(statusLabels, { y: 'y', text: 'text', frameAnchor: 'left', textAnchor: 'end', dx: -6 }),
          Plot.text(silentLines, { y: 'y', text: () => labels.facilityNoStatus, frameAnchor: 'left', textAnchor: 'start', dx: -marginLeft + 4, fontStyle: 'italic', fill: NEUTRAL.muted }),
          // The path of a facility's reports, and the span a partial date stands for: both
          // repeat what the dots and their dates say.
          Plot.line(placed, { x: 'middle', y: at, z: 'facilityId', stroke: colourOf, strokeOpacity: 0.6, strokeDasharray: '2,3', ariaHidden: 'true' }),
          Plot.ruleY(
            placed.filter((p) => p.partial),
            { x1: 'start', x2: 'end', y: at, stroke: colourOf, strokeOpacity: 0.35, strokeWidth: 6, ariaHidden: 'true' },
          ),
          Plot.dot(placed, {
            x: 'middle',
            y: at,
            fill: colourOf,
            stroke: NEUTRAL.paper,
            r: 5,
            title: (p: PlacedStatus) => `${names.get(p.facilityId)}: ${p.statusText} (${p.dateText})`,
          }),
          dateText('start'),
          dateText('end'),
          dateText('middle'),
        ],
      },
    };
  };

  const latest = histories.filter((h) => h.statuses.length).map((h) => ({ name: h.name, last: h.statuses[h.statuses.length - 1]! }));
  const takeaway = !histories.length
    ? labels.noFacilities
    : [
        latest.length
          ? labels.facilityTakeaway(latest.map((l) => labels.facilityLatest(l.name, l.last.statusText, l.last.dateText)).join('; '))
          : labels.facilityNoStatus,
        ...(latest.length && !latest.some((l) => l.last.status === 'operating') ? [labels.facilityNoneOperating] : []),
      ].join(' ');
  const description = histories.length
    ? labels.facilityDescription(
        histories
          .map((h) =>
            labels.facilityHistory(
              h.name,
              h.statuses.length ? formatList(h.statuses.map((s) => `${s.statusText} (${s.dateText})`), lang) : labels.facilityNoStatus,
            ),
          )
          .join(' '),
      )
    : labels.noFacilities;

  return {
    id,
    title,
    takeaway,
    description,
    ...renderChart({ id, title, description, draw, width: opts.width, layouts: 'compact' }),
    table: {
      caption: title,
      columns: [labels.facility, labels.status, labels.reportDate],
      rows: histories.flatMap((h) =>
        h.statuses.length ? h.statuses.map((s) => [h.name, s.statusText, s.dateText]) : [[h.name, labels.notReported, labels.notReported]],
      ),
    },
  };
}
