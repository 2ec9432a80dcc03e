import { describe, expect, it } from 'vitest';
import {
  countTickFormat,
  formatCoordinate,
  formatList,
  formatMonthYear,
  formatYear,
  integerTicks,
  timeAxis,
  utcDate,
  utcDateAfter,
} from '../../src/charts/formatters';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('chart formatters, per locale', () => {
  it.each([
    ['id', 0, '0'],
    ['en', 0, '0'],
    ['id', 1234, '1.234'],
    ['en', 1234, '1,234'],
    ['id', 1234567, '1.234.567'],
    ['en', 1234567, '1,234,567'],
  ] as const)('count ticks (%s): %d → %s', (lang, value, text) => {
    expect(countTickFormat(lang)(value)).toBe(text);
  });

  it.each([
    ['id', '2022-05-01', 'Mei 2022'],
    ['en', '2022-05-01', 'May 2022'],
    ['id', '2023-08-01', 'Agu 2023'],
    ['en', '2023-08-01', 'Aug 2023'],
    ['id', '2024-12-31', 'Des 2024'],
    ['en', '2024-12-31', 'Dec 2024'],
  ] as const)('month ticks (%s): %s → %s', (lang, iso, text) => {
    expect(formatMonthYear(d(iso), lang)).toBe(text);
  });

  it('writes years without digit grouping', () => {
    expect(formatYear(d('2022-01-01'))).toBe('2022');
    expect(formatYear(d('2022-12-31'))).toBe('2022');
  });

  it.each([
    ['id', -7.75, 'latitude', '7,750° LS'],
    ['en', -7.75, 'latitude', '7.750° S'],
    ['id', 113.217, 'longitude', '113,217° BT'],
    ['en', 113.217, 'longitude', '113.217° E'],
    ['id', 1.5, 'latitude', '1,500° LU'],
    ['en', 1.5, 'latitude', '1.500° N'],
  ] as const)('coordinates (%s): %d %s → %s', (lang, value, axis, text) => {
    expect(formatCoordinate(value, axis, lang)).toBe(text);
  });

  it.each([
    ['id', ['A'], 'A'],
    ['en', ['A'], 'A'],
    ['id', ['A', 'B'], 'A dan B'],
    ['en', ['A', 'B'], 'A and B'],
    ['id', ['A', 'B', 'C'], 'A, B, dan C'],
    ['en', ['A', 'B', 'C'], 'A, B and C'],
  ] as const)('lists (%s): %j → %s', (lang, items, text) => {
    expect(formatList(items, lang)).toBe(text);
  });
});

describe('axis helpers', () => {
  it('gives whole-number ticks only', () => {
    expect(integerTicks(2)).toEqual([0, 1, 2]);
    expect(integerTicks(1)).toEqual([0, 1]);
    expect(integerTicks(0)).toEqual([0]);
    expect(integerTicks(70)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });

  it('reads partial dates as calendar periods in UTC', () => {
    expect(utcDate('2022').toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(utcDate('2022-05').toISOString()).toBe('2022-05-01T00:00:00.000Z');
    expect(utcDate('2022-05-23').toISOString()).toBe('2022-05-23T00:00:00.000Z');
    expect(utcDateAfter('2022').toISOString()).toBe('2023-01-01T00:00:00.000Z');
    expect(utcDateAfter('2022-12').toISOString()).toBe('2023-01-01T00:00:00.000Z');
    expect(utcDateAfter('2022-05-31').toISOString()).toBe('2022-06-01T00:00:00.000Z');
  });

  it('widens a time domain to whole years and picks year or month ticks', () => {
    const years = timeAxis([d('2022-05-23'), d('2024-05-29')], 'id');
    expect(years.domain.map((x) => x.toISOString().slice(0, 10))).toEqual(['2022-01-01', '2025-01-01']);
    expect(years.ticks.map(years.tickFormat)).toEqual(['2022', '2023', '2024', '2025']);
    const months = timeAxis([d('2023-03-01'), d('2023-10-01')], 'en');
    expect(months.ticks.map(months.tickFormat)).toEqual(['Jan 2023', 'Apr 2023', 'Jul 2023', 'Oct 2023', 'Jan 2024']);
    const newYear = timeAxis([d('2023-01-01')], 'id');
    expect(newYear.domain.map((x) => x.toISOString().slice(0, 10))).toEqual(['2023-01-01', '2024-01-01']);
    const none = timeAxis([], 'en');
    expect(none.domain.map((x) => x.getUTCFullYear())).toEqual([2019, 2025]);
  });
});
