/**
 * Locale-aware formatting through Intl, memoised per locale. Missing values come back as
 * null so callers decide how to say "not reported". Date-only values are calendar dates:
 * they are formatted in UTC so no time zone shifts them.
 */
export type Lang = 'id' | 'en';
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const memo = <T>(make: (lang: Lang) => T) => {
  const cache = new Map<Lang, T>();
  return (lang: Lang): T => {
    let v = cache.get(lang);
    if (!v) cache.set(lang, (v = make(lang)));
    return v;
  };
};

const listFormat = memo((lang) => new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }));
const numberFormat = memo((lang) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }));
const dayFormat = memo((lang) => new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const monthFormat = memo((lang) => new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }));

export function formatNumber(value: number | null | undefined, lang: Lang): string | null {
  return value === null || value === undefined ? null : numberFormat(lang).format(value);
}

const utc = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** A partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as words: "2022", "Mei 2022", "2 November 2022". */
export function formatPartialDate(value: string | null, lang: Lang): string | null {
  if (!value) return null;
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) return monthFormat(lang).format(utc(`${value}-01`));
  return dayFormat(lang).format(utc(value));
}

/** A range of calendar days: "23–27 Mei 2022" (id), "23–27 May 2022" (en); one day when they match. */
export function formatDateRange(start: string | null, end: string | null, lang: Lang): string | null {
  if (!start && !end) return null;
  if (!start || !end || start === end) return formatPartialDate(start ?? end, lang);
  // formatRange is slow (2.4 s of a national build), and the same ranges recur on page after page.
  const key = `${lang}|${start}|${end}`;
  let words = dayRanges.get(key);
  if (words === undefined) dayRanges.set(key, (words = dayFormat(lang).formatRange(utc(start), utc(end))));
  return words;
}
const dayRanges = new Map<string, string>();

/** "A, B dan C" / "A, B and C". */
export const formatList = (items: readonly string[], lang: Lang): string => listFormat(lang).format(items);

const rupiahFormat = memo((lang) => new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }));

/** A rupiah amount with its currency: "Rp 14.674.000.000" (id), "IDR 14,674,000,000" (en). */
export function formatRupiah(value: number | null | undefined, lang: Lang): string | null {
  return value === null || value === undefined ? null : rupiahFormat(lang).format(value);
}

const rateFormat = memo((lang) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }));

/** A rate such as a figure per 10,000 inhabitants, to two decimals: "0,43" (id), "0.43" (en). */
export function formatRate(value: number | null | undefined, lang: Lang): string | null {
  return value === null || value === undefined ? null : rateFormat(lang).format(value);
}
