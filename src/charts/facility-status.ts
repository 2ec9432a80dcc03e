import * as Plot from '@observablehq/plot';
import type { Facility, FacilityStatusEntry } from '../lib/dataset';
import { formatPartialDate, type Lang } from '../lib/format';
import { FACILITY_STATUSES, type FacilityStatus } from '../lib/schema';
import { cityColour, NEUTRAL } from './colours';
import { formatList, timeAxis, utcDate, utcDateAfter } from './formatters';
import { labelsFor, type ChartLabels } from './labels';
import { DEFAULT_WIDTH, facetHeading, marginFor, shorten, slug } from './layout';
import { emptyPlot, renderPlot } from './render';
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
  const width = opts.width ?? DEFAULT_WIDTH;
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
  const silent = histories.filter((h) => !h.statuses.length);
  const axis = timeAxis(
    placed.flatMap((p) => [p.start, new Date(p.end.getTime() - 86_400_000)]),
    lang,
  );
  const headers = new Map(histories.map((h) => [h.facility.id, shorten(h.name, 80)]));
  // Operating at the top: a facility's progress reads upwards.
  const statusRows = [...FACILITY_STATUSES].reverse();
  const rowHeight = 16;
  const panelHeight = statusRows.length * rowHeight;
  const gap = 34;
  const innerHeight = histories.length * panelHeight + (histories.length - 1) * gap;
  const colourOf = (p: PlacedStatus) => cityColour(p.cityId);
  const marginLeft = marginFor(FACILITY_STATUSES.map((s) => labels.statuses[s]));

  const plot: Plot.PlotOptions = histories.length
    ? {
        width,
        height: innerHeight + 30 + 30,
        marginTop: 30,
        marginBottom: 30,
        marginLeft,
        marginRight: 20,
        fy: { domain: histories.map((h) => h.facility.id), axis: null, paddingInner: gap / (panelHeight + gap), paddingOuter: 0 },
        x: { type: 'utc', domain: axis.domain, ticks: axis.ticks, tickFormat: axis.tickFormat, grid: true, label: null },
        y: { type: 'point', domain: statusRows, tickFormat: (s: FacilityStatus) => labels.statuses[s], tickSize: 0, label: null, padding: 0.5 },
        color: { type: 'identity' },
        marks: [
          Plot.frame({ stroke: NEUTRAL.grid }),
          Plot.text(histories, {
            fy: (h: (typeof histories)[number]) => h.facility.id,
            text: (h: (typeof histories)[number]) => headers.get(h.facility.id),
            ...facetHeading(marginLeft),
          }),
          Plot.text(silent, {
            fy: (h: (typeof histories)[number]) => h.facility.id,
            text: () => labels.facilityNoStatus,
            frameAnchor: 'middle',
            fontStyle: 'italic',
            fill: NEUTRAL.muted,
          }),
          Plot.line(placed, { fy: 'facilityId', x: 'middle', y: 'status', z: 'facilityId', stroke: colourOf, strokeOpacity: 0.6, strokeDasharray: '2,3' }),
          Plot.ruleY(
            placed.filter((p) => p.partial),
            { fy: 'facilityId', x1: 'start', x2: 'end', y: 'status', stroke: colourOf, strokeOpacity: 0.35, strokeWidth: 6 },
          ),
          Plot.dot(placed, {
            fy: 'facilityId',
            x: 'middle',
            y: 'status',
            fill: colourOf,
            stroke: 'white',
            r: 5,
            title: (p: PlacedStatus) => `${headers.get(p.facilityId)}: ${p.statusText} (${p.dateText})`,
          }),
          Plot.text(placed, {
            fy: 'facilityId',
            x: 'middle',
            y: 'status',
            text: 'dateText',
            dx: 9,
            textAnchor: 'start',
            fontSize: 9,
            fill: NEUTRAL.muted,
          }),
        ],
      }
    : emptyPlot(labels.noFacilities, width);

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
    svg: renderPlot({ id, title, description, plot }),
    table: {
      caption: title,
      columns: [labels.facility, labels.status, labels.reportDate],
      rows: histories.flatMap((h) =>
        h.statuses.length ? h.statuses.map((s) => [h.name, s.statusText, s.dateText]) : [[h.name, labels.notReported, labels.notReported]],
      ),
    },
  };
}
