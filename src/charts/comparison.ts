import * as Plot from '@observablehq/plot';
import type { Lang } from '../lib/format';
import { HEADLINE_METRICS, type Metric, metricById, type MetricId, type MetricValue } from '../lib/metrics';
import { withQualifiers, rankingMixNote } from '../lib/qualifiers';
import { rankBy } from '../lib/ranking';
import type { CityProfile } from '../lib/summarise';
import { cityColour, NEUTRAL } from './colours';
import { countTickFormat, formatCount, formatList, integerTicks } from './formatters';
import { labelsFor, type ChartLabels } from './labels';
import { DEFAULT_WIDTH, cityName, estimateTextWidth, facetHeading, marginFor, shorten, slug } from './layout';
import { emptyPlot, renderPlot } from './render';
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

const chartHeight = (rows: number, band: number, top: number, bottom: number) => top + bottom + Math.max(1, rows) * band;

/**
 * Horizontal bars ranking the cities on one metric, highest first, each labelled with its
 * figure. A city whose reports give no figure gets the words "not reported" and no bar, so it
 * cannot be read as zero; a reported 0 gets an empty bar and the label "0".
 */
export function metricRanking(profiles: readonly CityProfile[], metricId: MetricId, opts: ChartOptions): Chart {
  const { lang } = opts;
  const width = opts.width ?? DEFAULT_WIDTH;
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
  const shortNames = new Map(figures.map((f) => [f.cityId, shorten(f.name, AXIS_NAME_LENGTH)]));
  const marginLeft = marginFor([...shortNames.values()]);
  const marginRight = Math.min(width / 3, Math.max(40, ...figures.map((f) => estimateTextWidth(f.label) + 12)));
  const band = 30;

  const plot: Plot.PlotOptions = figures.length
    ? {
        width,
        height: chartHeight(figures.length, band, 10, 40),
        marginTop: 10,
        marginBottom: 40,
        marginLeft,
        marginRight,
        x: {
          domain: [0, max || 1],
          ticks: integerTicks(max || 1),
          tickFormat: countTickFormat(lang),
          label: metric.label[lang],
          labelArrow: 'none',
          grid: true,
        },
        y: { domain: figures.map((f) => f.cityId), tickFormat: (cityId: string) => shortNames.get(cityId) ?? cityId, tickSize: 0, label: null, padding: 0.25 },
        color: { type: 'identity' },
        marks: [
          Plot.barX(reported, {
            y: 'cityId',
            x: 'value',
            fill: (f: PlacedFigure) => cityColour(f.cityId),
            title: (f: PlacedFigure) => `${f.name}: ${f.text}`,
          }),
          Plot.ruleX([0]),
          // The range the reports give, as a line with end ticks across the bar.
          Plot.ruleY(ranged, { y: 'cityId', x1: 'low', x2: 'high', stroke: 'currentColor', strokeWidth: 1.5 }),
          Plot.tickX(ranged, { y: 'cityId', x: 'low', stroke: 'currentColor', strokeWidth: 1.5 }),
          Plot.tickX(ranged, { y: 'cityId', x: 'high', stroke: 'currentColor', strokeWidth: 1.5 }),
          Plot.text(reported, { y: 'cityId', x: (f: PlacedFigure) => Math.max(f.value!, f.high ?? 0), text: 'label', dx: 5, textAnchor: 'start', fontVariant: 'tabular-nums' }),
          Plot.text(missing, { y: 'cityId', x: 0, text: 'label', dx: 5, textAnchor: 'start', fontStyle: 'italic', fill: NEUTRAL.muted }),
        ],
      }
    : emptyPlot(labels.noData, width);

  const description = figures.length
    ? labels.rankingDescription(lower(metric.label[lang], lang), formatList(figures.map((f) => `${f.name}: ${f.text}`), lang))
    : labels.noData;
  return {
    id,
    title,
    takeaway: rankingTakeaway(metric, figures, lang, labels),
    description,
    svg: renderPlot({ id, title, description, plot }),
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
  const width = opts.width ?? DEFAULT_WIDTH;
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

  const shortNames = new Map(profiles.map((p) => [p.city.id, shorten(cityName(p.city, lang), AXIS_NAME_LENGTH)]));
  const marginLeft = marginFor([...shortNames.values()]);
  const marginRight = Math.min(width / 3, Math.max(40, ...reported.map((f) => estimateTextWidth(f.label) + 12)));
  const band = 22;
  const panelHeight = Math.max(1, profiles.length) * band;
  const gap = 28;
  const innerHeight = metrics.length * panelHeight + (metrics.length - 1) * gap;
  const metricLabel = new Map(metrics.map((m) => [m.id, m.label[lang]]));

  const plot: Plot.PlotOptions = profiles.length
    ? {
        width,
        height: innerHeight + 24 + 8,
        marginTop: 24,
        marginBottom: 8,
        marginLeft,
        marginRight,
        fy: { domain: metrics.map((m) => m.id), axis: null, paddingInner: gap / (panelHeight + gap), paddingOuter: 0 },
        x: { domain: [0, 1], axis: null },
        y: { domain: profiles.map((p) => p.city.id), tickFormat: (cityId: string) => shortNames.get(cityId) ?? cityId, tickSize: 0, label: null, padding: 0.2 },
        color: { type: 'identity' },
        marks: [
          Plot.text(metrics, {
            fy: (m: Metric) => m.id,
            text: (m: Metric) => metricLabel.get(m.id),
            ...facetHeading(marginLeft),
          }),
          Plot.barX(reported, {
            fy: 'metric',
            y: 'cityId',
            x: 'share',
            fill: (f: PanelFigure) => cityColour(f.cityId),
            title: (f: PanelFigure) => `${f.name}, ${metricLabel.get(f.metric)}: ${f.text}`,
          }),
          Plot.ruleX([0], { stroke: 'currentColor' }),
          Plot.text(reported, { fy: 'metric', y: 'cityId', x: 'share', text: 'label', dx: 5, textAnchor: 'start', fontVariant: 'tabular-nums' }),
          Plot.text(missing, { fy: 'metric', y: 'cityId', x: 0, text: 'label', dx: 5, textAnchor: 'start', fontStyle: 'italic', fill: NEUTRAL.muted }),
        ],
      }
    : emptyPlot(labels.noData, width);

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
    svg: renderPlot({ id, title, description, plot }),
    table: {
      caption: title,
      columns: [labels.city, ...metrics.map((m) => m.label[lang])],
      rows: profiles.map((p, i) => [cityName(p.city, lang), ...panels.map(({ figures }) => figures[i]!.text)]),
    },
  };
}
