/** Locale-aware formatting, memoised per locale; missing values come back as null. */
const numberFormats = new Map<string, Intl.NumberFormat>();

export const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;

export function formatNumber(value: number | null | undefined, lang: keyof typeof LOCALES): string | null {
  if (value === null || value === undefined) return null;
  const locale = LOCALES[lang];
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
