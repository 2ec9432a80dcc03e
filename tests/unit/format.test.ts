import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en.json';
import id from '../../src/i18n/id.json';
import { useTranslations } from '../../src/i18n';
import { formatDateRange, formatNumber, formatPartialDate } from '../../src/lib/format';

describe('formatters, both locales', () => {
  it.each([
    [1234, '1.234', '1,234'],
    [1234567, '1.234.567', '1,234,567'],
    [0, '0', '0'],
    [60.5, '60,5', '60.5'],
  ])('number %d', (value, inId, inEn) => {
    expect(formatNumber(value, 'id')).toBe(inId);
    expect(formatNumber(value, 'en')).toBe(inEn);
  });

  it('leaves a missing number to the caller (not reported is not 0)', () => {
    expect(formatNumber(null, 'id')).toBeNull();
    expect(formatNumber(undefined, 'en')).toBeNull();
  });

  it.each([
    ['2022-05-23', '2022-05-27', '23–27 Mei 2022', /^23\s?–\s?27 May 2022$/],
    ['2023-10-06', '2023-11-02', /^6 Oktober\s–\s2 November 2023$/, /^6 October\s–\s2 November 2023$/],
    ['2023-12-30', '2024-01-02', /^30 Desember 2023\s–\s2 Januari 2024$/, /^30 December 2023\s–\s2 January 2024$/],
    ['2024-05-27', '2024-05-27', '27 Mei 2024', /^27 May 2024$/],
  ])('date range %s to %s', (start, end, inId, inEn) => {
    // Intl puts thin spaces around a dash between two months.
    if (typeof inId === 'string') expect(formatDateRange(start, end, 'id')).toBe(inId);
    else expect(formatDateRange(start, end, 'id')).toMatch(inId);
    expect(formatDateRange(start, end, 'en')).toMatch(inEn);
  });

  it.each([
    ['2022', '2022', '2022'],
    ['2022-05', 'Mei 2022', 'May 2022'],
    ['2022-11-03', '3 November 2022', '3 November 2022'],
  ])('partial date %s', (value, inId, inEn) => {
    expect(formatPartialDate(value, 'id')).toBe(inId);
    expect(formatPartialDate(value, 'en')).toBe(inEn);
  });

  it('keeps calendar dates whatever the time zone (1 January stays 1 January)', () => {
    expect(formatPartialDate('2024-01-01', 'en')).toBe('1 January 2024');
    expect(formatDateRange(null, null, 'id')).toBeNull();
    expect(formatDateRange('2022-10-27', null, 'id')).toBe('27 Oktober 2022');
  });
});

describe('UI strings', () => {
  it('have the same keys in Indonesian and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, value] of [...Object.entries(id), ...Object.entries(en)]) expect(value.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
  });

  it('are each used by the site: named in full, or a family built in a template whose ending is a value in the code', () => {
    const code: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|astro)$/.test(entry.name)) code.push(readFileSync(path, 'utf8'));
      }
    };
    walk('src');
    const all = code.join('\n');
    const quoted = (s: string) => all.includes(`'${s}'`) || all.includes(`"${s}"`);
    // `flagType.${type}` and the like: a key of such a family is used when its ending is a
    // value the code names (an enumeration in the schema, a list in a component).
    const families = [...new Set([...all.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1]!))];
    const unused = Object.keys(id).filter((key) => {
      if (quoted(key)) return false;
      const family = families.find((f) => key.startsWith(f));
      return !(family && quoted(key.slice(family.length)));
    });
    expect(unused).toEqual([]);
  });

  it('fill placeholders', () => {
    expect(useTranslations('id')('city.rankOf', { rank: 2, n: 4 })).toBe('2 dari 4');
    expect(useTranslations('en')('city.rankOf', { rank: 2, n: 4 })).toBe('2 of 4');
  });
});
