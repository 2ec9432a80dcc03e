import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/format';
import { HEADLINE_METRICS, type Metric, metricById, type MetricId, type MetricValue } from '../lib/metrics';
import { withQualifiers, rankingMixNote } from '../lib/qualifiers';
import { rankBy } from '../lib/ranking';
import type { CityProfile } from '../lib/summarise';
import { cityColour, NEUTRAL } from './colours';
import { countTickFormat, formatCount, formatList, integerTicks } from './formatters';
import { labelsFor, type ChartLabels } from './labels';
import { cityName, estimateTextWidth, facetHeading, lineHeight, marginFor, shorten, slug, type Layout } from './layout';
import { emptyPlot, renderChart, type Drawing } from './render';
import type { Chart, ChartOptions } from './types';

/** The four measures of the headline comparison, in the order the site lists them. */
export { HEADLINE_METRICS };

const AXIS_NAME_LENGTH = 28;

/** One city's figure on one metric, placed for drawing: the figure, its words, its rank. */
interface PlacedFigure {
  cityId: string;
  name: string;
  value: number | null;
  /** The range the reports give (sums of the lowest and highest values); equal to value when they agree. */
  low: number | null;
  high: number | null;
  /** The value with what it is made of (targets, inferences, facilities only planned). */
  metricValue: MetricValue;
  /** The figure in full, with its range and qualifiers, as the chart's table, tooltip and sentences give it. */
  text: string;
  /** The figure as printed beside its bar: the qualifiers in brief ("151 (70 sasaran)"). */
  label: string;
}

function placeFigure(profile: CityProfile, metricId: MetricId, lang: Lang, labels: ChartLabels): PlacedFigure {
  const metricValue = profile.metrics[metricId];
  const { value, low, high } = metricValue;
  const best = formatCount(value, lang);
  // A figure the reports disagree on carries its range, as everywhere on the site: "30 (25–30)",
  // and a figure that is partly a target or an inference says so: "151 (termasuk sasaran 70)".
  const range = low !== null && high !== null && low !== high ? `${formatCount(low, lang)}–${formatCount(high, lang)}` : null;
  const [text, label] =
    best === null ? [labels.notReported, labels.notReported] : [withQualifiers(best, range, metricValue, lang), withQualifiers(best, range, metricValue, lang, 'short')];
  return { cityId: profile.city.id, name: cityName(profile.city, lang), value, low, high, metricValue, text, label };
}

/** The figures in the site's one ranking order (src/lib/ranking.ts), with the ranking itself. */
const ranked = (figures: readonly PlacedFigure[]) => rankBy(figures, (f) => f.value, (f) => f.cityId);

/** The figure tied leaders share: in full when they share its qualifiers too, else the bare value (a note names the qualifiers). */
const leaderValue = (leaders: readonly PlacedFigure[], lang: Lang): string =>
  leaders.every((f) => f.text === leaders[0]!.text) ? leaders[0]!.text : formatCount(leaders[0]!.value, lang)!;

const lower = (text: string, lang: Lang) => text.toLocaleLowerCase(lang === 'id' ? 'id-ID' : 'en-GB');

function rankingTakeaway(metric: Metric, figures: readonly PlacedFigure[], lang: Lang, labels: ChartLabels): string {
  const label = metric.label[lang];
  const { leaders, reported } = ranked(figures);
  if (!leaders.length) return labels.rankingNone(label);
  const sentence = labels.rankingLeader(label, formatList(leaders.map((f) => f.name), lang), leaderValue(leaders, lang), leaders.length > 1);
  const note = rankingMixNote(reported.map((f) => ({ name: f.name, value: f.metricValue })), lang);
  return note ? `${sentence} ${note}` : sentence;
}

/**
 * The rows of a bar chart at one layout. Wide, each city's name is a tick label to the left of
 * its bar; narrow, the name sits on its own line above the bar, so the bar and its figure get
 * the whole width. `barDy` moves what is drawn at the band's centre (figures, ranges) onto the
 * bar, and `nameDy` the name from the band's centre to its top.
 */
function barRows(layout: Layout, wideBand: number) {
  const bar = Math.round(layout.fontSize * 1.25);
  const nameLine = lineHeight(layout.fontSize) + 3;
  const band = layout.narrow ? nameLine + bar + 10 : wideBand;
  const insetTop = layout.narrow ? nameLine : Math.round((band - bar) / 2);
  const insetBottom = band - insetTop - bar;
  return { band, insetTop, insetBottom, barDy: (insetTop - insetBottom) / 2, nameDy: -band / 2 };
}

/** The city names of a narrow bar chart, on their line above each bar. */
const namesAbove = <T extends { cityId: string }>(rows: ReturnType<typeof barRows>, data: readonly T[], names: ReadonlyMap<string, string>, options: Plot.TextOptions = {}) =>
  Plot.text(data, { y: 'cityId', text: (d: T) => names.get(d.cityId), frameAnchor: 'left', textAnchor: 'start', lineAnchor: 'top', dy: rows.nameDy, ...options });

/**
 * Horizontal bars ranking the cities on one metric, highest first, each labelled with its
 * figure. A city whose reports give no figure gets the words "not reported" and no bar, so it
 * cannot be read as zero; a reported 0 gets an empty bar and the label "0".
 */
export function metricRanking(profiles: readonly CityProfile[], metricId: MetricId, opts: ChartOptions): Chart {
  const { lang } = opts;
  const labels = labelsFor(lang);
  const metric = metricById(metricId);
  if (!metric) throw new Error(`unknown metric "${metricId}"`);
  const id = slug(opts.id ?? `ranking-${metricId}-${lang}`);
  const title = labels.rankingTitle(metric.label[lang]);

  const ranking = ranked(profiles.map((p) => placeFigure(p, metricId, lang, labels)));
  const figures = ranking.entries.map((e) => e.item);
  const reported = ranking.reported;
  const missing = ranking.notReported;
  const ranged = reported.filter((f) => f.low !== null && f.high !== null && f.low !== f.high);
  const max = Math.max(0, ...reported.map((f) => Math.max(f.value!, f.high ?? 0)));

  const draw = (layout: Layout): Drawing => {
    const { width, fontSize, narrow } = layout;
    if (!figures.length) return { plot: emptyPlot(labels.noData, layout) };
    const names = new Map(figures.map((f) => [f.cityId, shorten(f.name, narrow ? Math.floor(width / (fontSize * 0.6)) : AXIS_NAME_LENGTH)]));
    const rows = barRows(layout, Math.max(30, Math.round(fontSize * 2.6)));
    const marginLeft = narrow ? 8 : marginFor([...names.values()], 40, 220, fontSize);
    const textWidth = Math.max(...figures.map((f) => estimateTextWidth(f.label, fontSize)));
    const marginRight = Math.round(Math.min(width * (narrow ? 0.6 : 1 / 3), Math.max(40, textWidth + 12)));
    const marginBottom = lineHeight(fontSize) * 2 + 12;
    const onBar = { y: 'cityId', dy: rows.barDy } as const;
    return {
      plot: {
        width,
        height: 10 + marginBottom + Math.max(1, figures.length) * rows.band,
        marginTop: 10,
        marginBottom,
        marginLeft,
        marginRight,
        x: {
          domain: [0, max || 1],
          ticks: integerTicks(max || 1, narrow ? 3 : 5),
          tickFormat: countTickFormat(lang),
          label: metric.label[lang],
          labelArrow: 'none',
          labelOffset: marginBottom - 4,
          grid: true,
        },
        y: {
          domain: figures.map((f) => f.cityId),
          ...(narrow ? { axis: null } : { tickFormat: (cityId: string) => names.get(cityId) ?? cityId, tickSize: 0, label: null }),
          padding: 0,
        },
        color: { type: 'identity' },
        marks: [
          Plot.barX(reported, {
            y: 'cityId',
            x: 'value',
            insetTop: rows.insetTop,
            insetBottom: rows.insetBottom,
            fill: (f: PlacedFigure) => cityColour(f.cityId),
            title: (f: PlacedFigure) => `${f.name}: ${f.text}`,
          }),
          // The zero line; narrow, only along the bars, so it does not cross the names above them.
          narrow ? Plot.ruleX(figures, { x: 0, y: 'cityId', insetTop: rows.insetTop - 2, insetBottom: rows.insetBottom - 2 }) : Plot.ruleX([0]),
          // The range the reports give, as a line with end ticks across the bar.
          Plot.ruleY(ranged, { ...onBar, x1: 'low', x2: 'high', stroke: 'currentColor', strokeWidth: 1.5 }),
          Plot.tickX(ranged, { y: 'cityId', x: 'low', insetTop: rows.insetTop, insetBottom: rows.insetBottom, stroke: 'currentColor', strokeWidth: 1.5 }),
          Plot.tickX(ranged, { y: 'cityId', x: 'high', insetTop: rows.insetTop, insetBottom: rows.insetBottom, stroke: 'currentColor', strokeWidth: 1.5 }),
          ...(narrow ? [namesAbove(rows, figures, names)] : []),
          Plot.text(reported, { ...onBar, x: (f: PlacedFigure) => Math.max(f.value!, f.high ?? 0), text: 'label', dx: 5, textAnchor: 'start', fontVariant: 'tabular-nums' }),
          Plot.text(missing, { ...onBar, x: 0, text: 'label', dx: 5, textAnchor: 'start', fontStyle: 'italic', fill: NEUTRAL.muted }),
        ],
      },
    };
  };

  const description = figures.length
    ? labels.rankingDescription(lower(metric.label[lang], lang), formatList(figures.map((f) => `${f.name}: ${f.text}`), lang))
    : labels.noData;
  return {
    id,
    title,
    takeaway: rankingTakeaway(metric, figures, lang, labels),
    description,
    ...renderChart({ id, title, description, draw, width: opts.width }),
    table: { caption: title, columns: [labels.city, metric.label[lang]], rows: figures.map((f) => [f.name, f.text]) },
  };
}

/**
 * Trainings, participants, certified and facilities for every city, one panel per measure.
 * The measures differ by orders of magnitude, so each panel is scaled to its own highest
 * city and carries no axis: every bar is labelled with its figure instead.
 */
export function headlineComparison(profiles: readonly CityProfile[], opts: ChartOptions): Chart {
  const { lang } = opts;
  const labels = labelsFor(lang);
  const id = slug(opts.id ?? `headline-${lang}`);
  const title = labels.headlineTitle;
  const metrics = HEADLINE_METRICS.map((m) => metricById(m)!);

  const panels = metrics.map((metric) => {
    const figures = profiles.map((p) => placeFigure(p, metric.id, lang, labels));
    const max = Math.max(0, ...figures.map((f) => f.value ?? 0));
    // Each bar's length as a share of the panel's highest figure: placement, not a new figure.
    return { metric, figures: figures.map((f) => ({ ...f, metric: metric.id, share: f.value === null ? null : max > 0 ? f.value / max : 0 })) };
  });
  type PanelFigure = (typeof panels)[number]['figures'][number];
  const all = panels.flatMap((p) => p.figures);
  const reported = all.filter((f) => f.value !== null);
  const missing = all.filter((f) => f.value === null);

  const metricLabel = new Map(metrics.map((m) => [m.id, m.label[lang]]));

  const draw = (layout: Layout): Drawing => {
    const { width, fontSize, narrow } = layout;
    if (!profiles.length) return { plot: emptyPlot(labels.noData, layout) };
    const names = new Map(profiles.map((p) => [p.city.id, shorten(cityName(p.city, lang), narrow ? Math.floor(width / (fontSize * 0.6)) : AXIS_NAME_LENGTH)]));
    const rows = barRows(layout, Math.max(22, Math.round(fontSize * 2)));
    const marginLeft = narrow ? 8 : marginFor([...names.values()], 40, 220, fontSize);
    const marginRight = Math.round(Math.min(width * (narrow ? 0.6 : 1 / 3), Math.max(40, ...reported.map((f) => estimateTextWidth(f.label, fontSize) + 12))));
    const panelHeight = Math.max(1, profiles.length) * rows.band;
    // Each panel's heading sits in the gap above it.
    const heading = lineHeight(fontSize) + 10;
    const gap = heading + 6;
    const innerHeight = metrics.length * panelHeight + (metrics.length - 1) * gap;
    const onBar = { fy: 'metric', y: 'cityId', dy: rows.barDy } as const;
    return {
      plot: {
        width,
        height: innerHeight + heading + 8,
        marginTop: heading,
        marginBottom: 8,
        marginLeft,
        marginRight,
        fy: { domain: metrics.map((m) => m.id), axis: null, paddingInner: gap / (panelHeight + gap), paddingOuter: 0 },
        x: { domain: [0, 1], axis: null },
        y: {
          domain: profiles.map((p) => p.city.id),
          ...(narrow ? { axis: null } : { tickFormat: (cityId: string) => names.get(cityId) ?? cityId, tickSize: 0, label: null }),
          padding: 0,
        },
        color: { type: 'identity' },
        marks: [
          Plot.text(metrics, {
            fy: (m: Metric) => m.id,
            text: (m: Metric) => metricLabel.get(m.id),
            ...facetHeading(marginLeft, fontSize),
          }),
          Plot.barX(reported, {
            fy: 'metric',
            y: 'cityId',
            x: 'share',
            insetTop: rows.insetTop,
            insetBottom: rows.insetBottom,
            fill: (f: PanelFigure) => cityColour(f.cityId),
            title: (f: PanelFigure) => `${f.name}, ${metricLabel.get(f.metric)}: ${f.text}`,
          }),
          narrow
            ? Plot.ruleX(all, { fy: 'metric', x: 0, y: 'cityId', insetTop: rows.insetTop - 2, insetBottom: rows.insetBottom - 2, stroke: 'currentColor' })
            : Plot.ruleX([0], { stroke: 'currentColor' }),
          ...(narrow ? [namesAbove(rows, all, names, { fy: 'metric' })] : []),
          Plot.text(reported, { ...onBar, x: 'share', text: 'label', dx: 5, textAnchor: 'start', fontVariant: 'tabular-nums' }),
          Plot.text(missing, { ...onBar, x: 0, text: 'label', dx: 5, textAnchor: 'start', fontStyle: 'italic', fill: NEUTRAL.muted }),
        ],
      },
    };
  };

  const leaderParts = panels.map(({ metric, figures }) => {
    const { leaders } = ranked(figures);
    const label = lower(metric.label[lang], lang);
    return leaders.length
      ? labels.headlineLeaderPart(label, formatList(leaders.map((f) => f.name), lang), leaderValue(leaders, lang))
      : labels.headlineLeaderPart(label, labels.notReported, null);
  });
  const cityTexts = profiles.map((p, i) =>
    labels.headlineCity(
      cityName(p.city, lang),
      panels.map(({ metric, figures }) => `${lower(metric.label[lang], lang)} ${figures[i]!.text}`).join(', '),
    ),
  );
  const description = profiles.length
    ? labels.headlineDescription(formatList(metrics.map((m) => lower(m.label[lang], lang)), lang), cityTexts.join(' '))
    : labels.noData;
  return {
    id,
    title,
    takeaway: profiles.length ? labels.headlineLeaders(leaderParts.join('; ')) : labels.noData,
    description,
    ...renderChart({ id, title, description, draw, width: opts.width }),
    table: {
      caption: title,
      columns: [labels.city, ...metrics.map((m) => m.label[lang])],
      rows: profiles.map((p, i) => [cityName(p.city, lang), ...panels.map(({ figures }) => figures[i]!.text)]),
    },
  };
}
