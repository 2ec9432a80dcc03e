import { useTranslations } from '../i18n';
import { formatList, formatNumber, type Lang } from './format';
import { QUALIFIERS, type MetricValue, type Qualifier } from './metrics';

/**
 * The words that travel with a metric's value wherever it is shown — cards, tables, ranks,
 * chart labels and takeaways: what part of it is a target, an inference, an approximation or
 * a lower bound, and how many of the facilities counted are only planned or under
 * construction. Written once here, in both languages, for the pages and the charts alike.
 */

/** One qualifier of a value: how much of it, and whether that is the whole value. */
export interface QualifierPart {
  qualifier: Qualifier;
  value: number;
  whole: boolean;
  records: string[];
}

/** The qualifiers a value carries, in a fixed order (QUALIFIERS); empty for a plain count or a value not reported. */
export function qualifierParts(v: MetricValue): QualifierPart[] {
  if (v.value === null) return [];
  return QUALIFIERS.flatMap((q) => {
    const part = v.qualified[q];
    return part && part.value > 0 ? [{ qualifier: q, value: part.value, whole: part.value === v.value, records: part.records }] : [];
  });
}

/**
 * Per qualifier: the words when it covers the whole value, when it covers a part, the short
 * form a chart label prints beside its bar (the chart's table and tooltip keep the long one),
 * and the noun a ranking note lists.
 */
type Words = Record<Qualifier, { whole: string; part: (n: string) => string; short: [whole: string, part: (n: string) => string]; noun: string }>;

const WORDS: Record<Lang, Words> = {
  id: {
    target: { whole: 'sasaran', part: (n) => `termasuk sasaran ${n}`, short: ['sasaran', (n) => `${n} sasaran`], noun: 'sasaran' },
    approximate: { whole: 'perkiraan', part: (n) => `termasuk ${n} perkiraan`, short: ['perkiraan', (n) => `${n} perkiraan`], noun: 'angka perkiraan' },
    at_least: { whole: 'batas bawah', part: (n) => `termasuk ${n} batas bawah`, short: ['batas bawah', (n) => `${n} batas bawah`], noun: 'angka batas bawah' },
    inferred: { whole: 'disimpulkan', part: (n) => `termasuk ${n} yang disimpulkan`, short: ['disimpulkan', (n) => `${n} disimpulkan`], noun: 'angka yang disimpulkan' },
    planned: { whole: 'baru direncanakan', part: (n) => `${n} baru direncanakan`, short: ['rencana', (n) => `${n} rencana`], noun: 'yang baru direncanakan' },
    under_construction: { whole: 'sedang dibangun', part: (n) => `${n} sedang dibangun`, short: ['dibangun', (n) => `${n} dibangun`], noun: 'yang sedang dibangun' },
  },
  en: {
    target: { whole: 'target', part: (n) => `includes a target of ${n}`, short: ['target', (n) => `${n} target`], noun: 'targets' },
    approximate: { whole: 'approximate', part: (n) => `includes ${n} approximate`, short: ['approx.', (n) => `${n} approx.`], noun: 'approximate figures' },
    at_least: { whole: 'lower bound', part: (n) => `includes ${n} as lower bounds`, short: ['lower bound', (n) => `${n} lower bound`], noun: 'lower bounds' },
    inferred: { whole: 'inferred', part: (n) => `includes ${n} inferred`, short: ['inferred', (n) => `${n} inferred`], noun: 'inferred figures' },
    planned: { whole: 'only planned', part: (n) => `${n} only planned`, short: ['planned', (n) => `${n} planned`], noun: 'only planned' },
    under_construction: { whole: 'under construction', part: (n) => `${n} under construction`, short: ['being built', (n) => `${n} being built`], noun: 'under construction' },
  },
};

/** How much room the words have: a page or a chart's table says it in full, a chart label briefly. */
export type QualifierStyle = 'long' | 'short';

/** One qualifier in words: "sasaran" when it is the whole value, else "termasuk sasaran 70" / "includes a target of 70" ("70 sasaran" short). */
export function qualifierPhrase(part: QualifierPart, lang: Lang, style: QualifierStyle = 'long'): string {
  const words = WORDS[lang][part.qualifier];
  const n = formatNumber(part.value, lang)!;
  if (style === 'short') return part.whole ? words.short[0] : words.short[1](n);
  return part.whole ? words.whole : words.part(n);
}

/** Every qualifier of a value in words, joined: "termasuk sasaran 70"; "3 baru direncanakan, 2 sedang dibangun"; "" for a plain count. */
export const qualifierText = (v: MetricValue, lang: Lang, style: QualifierStyle = 'long'): string =>
  qualifierParts(v)
    .map((p) => qualifierPhrase(p, lang, style))
    .join(', ');

/**
 * A value's text with its range and qualifiers in one bracket, as charts and sentences print
 * it: "151 (termasuk sasaran 70)", "30 (25–30)", "70 (sasaran)". `text` is the formatted best
 * value; `range` its formatted range, or null.
 */
export function withQualifiers(text: string, range: string | null, v: MetricValue, lang: Lang, style: QualifierStyle = 'long'): string {
  const notes = [range, qualifierText(v, lang, style)].filter((x): x is string => !!x);
  return notes.length ? `${text} (${notes.join('; ')})` : text;
}

/** Qualifiers of a figure, and qualifiers of a count of facilities (their latest status). */
const FIGURE_QUALIFIERS: readonly Qualifier[] = ['target', 'approximate', 'at_least', 'inferred'];
const STATUS_QUALIFIERS: readonly Qualifier[] = ['planned', 'under_construction'];

/**
 * What a ranking compares, when it is not counts alone: "Peringkat ini mencampur hitungan dengan
 * sasaran (Kota Blitar) dan angka yang disimpulkan (Kota Mojokerto)."; "Peringkat ini ikut
 * menghitung fasilitas yang baru direncanakan (Kota Probolinggo)." Null when every value ranked
 * is a plain count, so a rank never sets a target against counts without saying so.
 */
export function rankingMixNote(ranked: readonly { name: string; value: MetricValue }[], lang: Lang, maxNames = Infinity): string | null {
  // Past maxNames the cities are counted ("183 kota"), for a page that links to where each is named.
  const cities = (names: string[]) => (names.length > maxNames ? useTranslations(lang)('province.cityCount', { n: formatNumber(names.length, lang)! }) : formatList(names, lang));
  const groups = (qualifiers: readonly Qualifier[]) =>
    qualifiers.flatMap((q) => {
      const names = ranked.filter((r) => qualifierParts(r.value).some((p) => p.qualifier === q)).map((r) => r.name);
      return names.length ? [`${WORDS[lang][q].noun} (${cities(names)})`] : [];
    });
  const [figures, statuses] = [groups(FIGURE_QUALIFIERS), groups(STATUS_QUALIFIERS)];
  const sentences = [
    figures.length ? (lang === 'id' ? `Peringkat ini mencampur hitungan dengan ${formatList(figures, lang)}.` : `This ranking mixes counts with ${formatList(figures, lang)}.`) : null,
    statuses.length ? (lang === 'id' ? `Peringkat ini ikut menghitung fasilitas ${formatList(statuses, lang)}.` : `This ranking also counts facilities ${formatList(statuses, lang)}.`) : null,
  ].filter((x): x is string => x !== null);
  return sentences.length ? sentences.join(' ') : null;
}
