import type { BatikEvent, Claim, Dataset, QualityFlag, RecordRef, Source } from '../lib/dataset';
import { recordKey } from '../lib/dataset';
import type { Estimate } from '../lib/estimate';
import { formatDateRange, formatList, formatNumber, formatPartialDate, formatRupiah, type Lang } from '../lib/format';
import { href } from '../lib/routes';
import { MEDIAN_MIN_VALUES, NAMED_CITIES_LIMIT, type Ranking } from '../lib/ranking';
import type { CityProfile, ProvinceProfile } from '../lib/summarise';
import { CLAIM_FIELDS, type ClaimedType, type FacilityStatus, type RecordType, type Theme } from '../lib/schema';
import { labelsFor } from '../charts/labels';
import { useTranslations, type UiKey } from '../i18n';

/** Words for domain values, shared by the page components. */

import { cityName } from '../lib/dataset';
export { cityName };
export const eventTitle = (e: BatikEvent, lang: Lang) => (lang === 'id' ? e.title : e.title_en);

export function eventDates(e: BatikEvent, lang: Lang): string {
  const t = useTranslations(lang);
  const range = formatDateRange(e.start_date, e.end_date, lang);
  if (!range) return t('event.dateUnknown');
  const approximate = e.start_precision !== 'day' || (e.end_date !== null && e.end_precision !== 'day');
  return approximate ? `${range} (${t('event.approximate')})` : range;
}

/** The word for what a count counts: "orang", "usaha", "pelajar", …; null for no unit or rupiah. */
export function unitLabel(unit: string | null, lang: Lang): string | null {
  if (unit === null || unit === 'rupiah') return null;
  const key = `unit.${unit}` as UiKey;
  return useTranslations(lang)(key);
}

/** The word for what kind of figure a value is (sasaran, sekitar, anggaran, …); null when it is a plain count or report. */
export function basisLabel(basis: string | null, lang: Lang): string | null {
  if (basis === null || basis === 'count' || basis === 'reported' || basis === 'unspecified') return null;
  const key = `basis.${basis}` as UiKey;
  return useTranslations(lang)(key);
}

/** "2 laporan" / "1 report", "2 reports". */
export function reportCount(n: number, lang: Lang): string {
  const t = useTranslations(lang);
  return t(n === 1 ? 'figure.reportsOne' : 'figure.reportsMany', { n: formatNumber(n, lang) ?? String(n) });
}

/** A number, or a rupiah amount with its currency. */
const amount = (n: number, unit: string | null, lang: Lang): string => (unit === 'rupiah' ? formatRupiah(n, lang)! : formatNumber(n, lang)!);

/** " (25–30)" when the low and high values differ, else "". */
export function rangeText(low: number | null, high: number | null, lang: Lang, unit: string | null = null): string {
  if (low === null || high === null || low === high) return '';
  return ` (${amount(low, unit, lang)}–${amount(high, unit, lang)})`;
}

/**
 * A figure resolved from the reports, as one line: best value, its range when the reports
 * differ, what it counts and what kind of figure it is, and how many independent reports give
 * it: "30 (25–30) orang, sasaran · 2 laporan", "Rp 1.500.000.000, anggaran · 1 laporan".
 * Every figure with an Estimate is written by this one function.
 */
export function figureText(e: Estimate, lang: Lang, opts: { days?: boolean } = {}): string {
  const t = useTranslations(lang);
  const unit = opts.days ? t('unit.days') : unitLabel(e.unit, lang);
  const basis = basisLabel(e.basis, lang);
  return `${amount(e.best, e.unit, lang)}${rangeText(e.low, e.high, lang, e.unit)}${unit ? ` ${unit}` : ''}${basis ? `, ${basis}` : ''} · ${reportCount(e.number_of_sources, lang)}`;
}

/** The event's participants as a figure line; null when not reported. */
export function participantsText(e: BatikEvent, lang: Lang): string | null {
  return e.estimates.participants ? figureText(e.estimates.participants, lang) : null;
}

/** The label of a field a report can state, for each kind of record. */
const FIELD_LABELS: Record<ClaimedType, Record<string, UiKey>> = {
  event: {
    reported: 'claim.reported',
    start_date: 'event.startDate',
    end_date: 'event.endDate',
    duration_days: 'event.duration',
    participants: 'event.participants',
    certified: 'event.certified',
    trainer_count: 'event.trainerCount',
    funding: 'event.funding',
    venue: 'event.venue',
    place: 'event.place',
    trainers: 'event.trainers',
    equipment: 'event.equipment',
    opened_by: 'event.openedBy',
  },
  facility: { reported: 'claim.reported', status: 'facility.statusField', location: 'facility.location', funding: 'facility.funding', opened_by: 'event.openedBy' },
  policy: { reported: 'claim.reported', number: 'policy.number', year: 'policy.year', requires: 'policy.requires' },
};

export function fieldLabel(type: ClaimedType, field: string, lang: Lang): string {
  const key = FIELD_LABELS[type][field];
  return key ? useTranslations(lang)(key) : field;
}

/** A partial date with its precision: "Mei 2022", "pekan 3 Mei 2022", "tanggal tidak diketahui". */
export function dateText(value: string | null, precision: string | null, lang: Lang): string {
  const t = useTranslations(lang);
  const date = formatPartialDate(value, lang);
  if (date === null) return t('event.dateUnknown');
  return precision === 'week' ? t('date.weekOf', { date }) : date;
}

/** What one claim says, as words: the value formatted by the kind of field it fills. */
export function claimValueText(c: Claim, lang: Lang): string {
  const t = useTranslations(lang);
  const fields: Record<string, string> = CLAIM_FIELDS[c.record_type];
  const kind = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined;
  const basis = basisLabel(c.basis, lang);
  const withBasis = (text: string) => (basis ? `${text}, ${basis}` : text);
  switch (kind) {
    case 'none':
      return t('claim.mentions');
    case 'date':
      return withBasis(dateText(c.value, c.precision, lang));
    case 'count':
    case 'amount': {
      const n = Number(c.value);
      const unit = c.field === 'duration_days' ? t('unit.days') : unitLabel(c.unit, lang);
      return withBasis(`${amount(n, c.unit, lang)}${unit ? ` ${unit}` : ''}`);
    }
    case 'status':
      return withBasis(c.date ? `${statusLabel(c.value as FacilityStatus, lang)} (${dateText(c.date, c.precision, lang)})` : statusLabel(c.value as FacilityStatus, lang));
    default:
      return withBasis(c.value ?? '');
  }
}

/** A report's title, or its publisher and "(tanpa judul)" when no title is known. */
export function sourceTitle(s: Source, lang: Lang): string {
  return s.title ?? `${s.publisher} (${useTranslations(lang)('source.untitled')})`;
}

/**
 * The language of what sourceTitle prints: the report's own language when it has a title (an
 * Indonesian headline on an English page is marked so, for screen readers and translation),
 * none when the site's own words ("tanpa judul") stand in for it.
 */
export const sourceTitleLang = (s: Source): Lang | undefined => (s.title === null ? undefined : s.language);

/**
 * The language of a text a record takes word for word from a report (a venue, a location,
 * the trainers): the language of the report that gives it. Undefined for the site's own words.
 */
export function reportTextLang(record: { claims: readonly Claim[] }, field: string, value: string | null, dataset: Dataset): Lang | undefined {
  if (value === null) return undefined;
  const claim = record.claims.find((c) => c.field === field && c.value === value);
  return claim ? dataset.sourceById.get(claim.source)?.language : undefined;
}

/** Whether a claim's value is printed as the report wrote it (a name, a place), not as a number, date or status. */
export function claimIsReportText(c: Claim): boolean {
  const fields: Record<string, string> = CLAIM_FIELDS[c.record_type];
  const kind = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined;
  return c.value !== null && !['none', 'date', 'count', 'amount', 'status'].includes(kind ?? '');
}

/** A UI string with one placeholder, cut around it, so markup can go in its place. */
export function aroundPlaceholder(lang: Lang, key: UiKey, name: string): [string, string] {
  const [before = '', after = ''] = useTranslations(lang)(key, { [name]: '\u0000' }).split('\u0000');
  return [before, after];
}

/** Where a record is shown, and its name. */
export function recordLink(ref: RecordRef, lang: Lang): { href: string; label: string } {
  switch (ref.type) {
    case 'event':
      return { href: href({ page: 'event', id: ref.record.id }, lang), label: eventTitle(ref.record, lang) };
    case 'facility':
      return { href: href({ page: 'facility', id: ref.record.id }, lang), label: lang === 'id' ? ref.record.name : ref.record.name_en };
    case 'policy':
      return { href: href({ page: 'policy', id: ref.record.id }, lang), label: lang === 'id' ? ref.record.title : ref.record.title_en };
  }
}

/** A record's claims grouped by the report that makes them, in the order of the record's sources (oldest first). */
export function claimsByReport(record: { sources: string[]; claims: Claim[] }): [string, Claim[]][] {
  return record.sources.map((s) => [s, record.claims.filter((c) => c.source === s)]);
}

export const flagsOf = (dataset: Dataset, type: RecordType, id: string): QualityFlag[] =>
  dataset.flagsByRecord.get(recordKey(type, id)) ?? [];

// Names of kinds, themes and statuses are the charts' labels, so pages and charts agree.
export const kindLabel = (kind: BatikEvent['kind'], lang: Lang) => labelsFor(lang).kinds[kind];
export const themeLabel = (theme: Theme, lang: Lang) => labelsFor(lang).themes[theme];
export const statusLabel = (status: FacilityStatus, lang: Lang) => labelsFor(lang).statuses[status];
export const notReported = (lang: Lang) => labelsFor(lang).notReported;

/**
 * A city's place in a ranking, by the site's one ranking rule (src/lib/ranking.ts): "2 dari 4",
 * "1 dari 4, sama dengan Kota Blitar", or "tidak dilaporkan"; the denominator is every city. Past
 * NAMED_CITIES_LIMIT the cities it ties with are counted: "1 dari 514, sama dengan 513 kota lain".
 */
export function rankText(ranking: Ranking<CityProfile>, cityId: string, lang: Lang): string {
  const t = useTranslations(lang);
  const entry = ranking.byKey.get(cityId);
  if (!entry || entry.rank === null) return notReported(lang);
  const vars = { rank: formatNumber(entry.rank, lang)!, n: formatNumber(ranking.of, lang)! };
  if (entry.tiedWith.length > NAMED_CITIES_LIMIT) return t('ranking.tiedCount', { ...vars, count: formatNumber(entry.tiedWith.length, lang)! });
  return entry.tiedWith.length ? t('ranking.tied', { ...vars, cities: formatList(entry.tiedWith.map((p) => cityName(p.city, lang)), lang) }) : t('city.rankOf', vars);
}

/** The median of a ranking's reported values, or words saying why there is none (fewer than three values). */
export const medianText = (ranking: Ranking<CityProfile>, lang: Lang): string =>
  ranking.median === null ? useTranslations(lang)('ranking.medianFew', { n: MEDIAN_MIN_VALUES }) : formatNumber(ranking.median, lang)!;

/** How many cities a province has in the data: "1 city", "14 cities". */
export const cityCount = (n: number, lang: Lang): string => useTranslations(lang)(n === 1 ? 'province.cityCountOne' : 'province.cityCount', { n: formatNumber(n, lang)! });

/** Where a city's figures come from: "dari 31 laporan, 2009–2025" / "from 31 reports, 2009–2025". */
export const coverageText = (profile: CityProfile, lang: Lang): string => coverageLine(profile.sources.length, profile.years, lang);

/** Where a province's figures come from, its cities' reports counted once each: "dari 40 laporan, 2019–2024". */
export const provinceCoverageText = (province: ProvinceProfile, lang: Lang): string => coverageLine(province.sources, province.years, lang);

function coverageLine(sources: number, years: [number, number] | null, lang: Lang): string {
  const t = useTranslations(lang);
  const reports = reportCount(sources, lang);
  if (!years) return t('coverage.lineNoYears', { reports });
  const [first, last] = years;
  return t('coverage.line', { reports, years: first === last ? String(first) : `${first}–${last}` });
}

/**
 * A text of the data dictionary cut into plain words and the data's own codes (`count`,
 * `at_least`, `cities.id`, `target:70`, “yes”), so the page can set the codes apart as code
 * (and keep them out of translation): they are values a reader finds in the files, not English
 * words in an Indonesian sentence. A name with `_`, `.` or `:` is a code when its parts are in
 * `codes`; a plain word only where the text presents it as one, glossed or quoted — "count
 * (hitungan)", "inferred = disimpulkan", "(headline)", “yes” — since many codes are also
 * ordinary words ("status", "festival").
 */
export function codeSegments(text: string, codes: ReadonlySet<string>): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(/(?<![\w.])[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*(?::\d+)?(?![\w])/g)) {
    if (!m[0].replace(/:\d+$/, '').split('.').every((part) => codes.has(part))) continue;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    const presented = /[_.:]/.test(m[0]) || /^ [(=]/.test(after) || (/[(“]$/.test(before) && /^[)”,]/.test(after)) || (/, $/.test(before) && /^\)/.test(after));
    if (!presented) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index), code: false });
    out.push({ text: m[0], code: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), code: false });
  return out;
}
