import * as d3 from 'd3';
import { formatNumber, LOCALES, type Lang } from '../lib/format';

/**
 * Formatters for chart axes and chart text. Plot has no global locale, so every axis gets one
 * of these explicitly. Each Intl object is made once per language and reused.
 */

const memo = <T>(make: (lang: Lang) => T) => {
  const cache = new Map<Lang, T>();
  return (lang: Lang): T => {
    let value = cache.get(lang);
    if (value === undefined) cache.set(lang, (value = make(lang)));
    return value;
  };
};

const decimalFormat = memo((lang) => new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 3, maximumFractionDigits: 3 }));
const monthYearFormat = memo((lang) => new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }));

/** A whole number for the reader: 1.234 in Indonesian, 1,234 in English. Null stays null. */
export const formatCount = (value: number | null, lang: Lang): string | null => formatNumber(value, lang);

/** An axis tick formatter for counts. Ticks are whole numbers (see integerTicks). */
export const countTickFormat =
  (lang: Lang) =>
  (value: number): string =>
    formatNumber(value, lang) ?? '';

/**
 * Up to `count` whole-number ticks from 0 to `max`. Counts have no fractions, and a tick at 0.5
 * formatted with no decimals would read as a false "1".
 */
export function integerTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  return d3.ticks(0, max, count).filter(Number.isInteger);
}

/** A latitude or longitude with its hemisphere: "7,750° LS" (id), "7.750° S" (en). */
export function formatCoordinate(value: number, axis: 'latitude' | 'longitude', lang: Lang): string {
  const hemispheres = {
    id: { latitude: ['LU', 'LS'], longitude: ['BT', 'BB'] },
    en: { latitude: ['N', 'S'], longitude: ['E', 'W'] },
  } as const;
  const [positive, negative] = hemispheres[lang][axis];
  return `${decimalFormat(lang).format(Math.abs(value))}° ${value < 0 ? negative : positive}`;
}

/** A year tick: "2022". Never through a number format, which would print "2.022" in Indonesian. */
export const formatYear = (date: Date): string => String(date.getUTCFullYear());

/** A month tick in the reader's language: "Mei 2022" (id), "May 2022" (en). */
export const formatMonthYear = (date: Date, lang: Lang): string => monthYearFormat(lang).format(date);

/** "A, B dan C" (id), "A, B and C" (en). */
export { formatList } from '../lib/format';

/** A calendar day (YYYY-MM-DD, or a partial YYYY / YYYY-MM taken at its first day) as a UTC date. */
export function utcDate(isoDate: string): Date {
  const [year, month = '01', day = '01'] = isoDate.split('-');
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/** The first instant after a partial date's period: the next day, month or year. */
export function utcDateAfter(isoDate: string): Date {
  const parts = isoDate.split('-');
  const start = utcDate(isoDate);
  if (parts.length === 1) return d3.utcYear.offset(start, 1);
  if (parts.length === 2) return d3.utcMonth.offset(start, 1);
  return d3.utcDay.offset(start, 1);
}

/**
 * A time domain that covers every date given, widened to whole years, and its ticks. Over
 * more than two years the ticks are years; otherwise they are months named in the reader's
 * language, every month, quarter or half-year depending on the span.
 */
export function timeAxis(
  dates: readonly Date[],
  lang: Lang,
): { domain: [Date, Date]; ticks: Date[]; tickFormat: (date: Date) => string } {
  const known = dates.filter((d) => !Number.isNaN(d.getTime()));
  const min = known.length ? d3.min(known)! : new Date(Date.UTC(2019, 0, 1));
  const max = known.length ? d3.max(known)! : new Date(Date.UTC(2024, 11, 31));
  const start = d3.utcYear.floor(min);
  const end = d3.utcYear.ceil(+max === +d3.utcYear.floor(max) ? d3.utcDay.offset(max, 1) : max);
  const months = d3.utcMonth.count(start, end);
  if (months > 24) return { domain: [start, end], ticks: d3.utcYear.range(start, d3.utcDay.offset(end, 1)), tickFormat: formatYear };
  const step = months > 12 ? 6 : 3;
  return {
    domain: [start, end],
    ticks: d3.utcMonth.every(step)!.range(start, d3.utcDay.offset(end, 1)),
    tickFormat: (date) => formatMonthYear(date, lang),
  };
}
