/** The chart layer: one function per chart, each (typed data, options) → Chart. */
export type { Chart, ChartOptions, ChartTable } from './types';
export { CHART_CLASS, CHART_CSS, renderPlot, type LegendItem, type RenderOptions } from './render';
export { CITY_COLOURS, cityColour } from './colours';
export { LABELS, labelsFor, type ChartLabels, type CoverageTheme } from './labels';
export { headlineComparison, HEADLINE_METRICS, metricRanking } from './comparison';
export { eventTimeline, KIND_SYMBOLS } from './timeline';
export { COVERAGE_THEMES, coverageMatrix, coverageRows, type CoverageRow } from './coverage';
export { locatorMap } from './locator-map';
export { facilityStatusChart } from './facility-status';
