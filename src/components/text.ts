import type { BatikEvent, Dataset, QualityFlag } from '../lib/dataset';
import { recordKey } from '../lib/dataset';
import { formatDateRange, formatNumber, type Lang } from '../lib/format';
import type { RecordType } from '../lib/schema';
import { useTranslations, type UiKey } from '../i18n';

/** Words for domain values, shared by the page components. */

export const cityName = (c: { name: string; name_en: string }, lang: Lang) => (lang === 'id' ? c.name : c.name_en);
export const eventTitle = (e: BatikEvent, lang: Lang) => (lang === 'id' ? e.title : e.title_en);

export function eventDates(e: BatikEvent, lang: Lang): string {
  const t = useTranslations(lang);
  const range = formatDateRange(e.start_date, e.end_date, lang);
  if (!range) return t('event.dateUnknown');
  return e.start_precision === 'approximate' || e.end_precision === 'approximate' ? `${range} (${t('event.approximate')})` : range;
}

/** "30 orang", "70 orang (sasaran)", "30 usaha"; null when not reported. */
export function participantsText(e: BatikEvent, lang: Lang): string | null {
  const t = useTranslations(lang);
  const n = formatNumber(e.participants, lang);
  if (n === null) return null;
  const unit = t(e.participants_unit === 'businesses' ? 'event.businesses' : 'event.people');
  return `${n} ${unit}${e.participants_basis === 'target' ? ` (${t('event.target')})` : ''}`;
}

export const flagsOf = (dataset: Dataset, type: RecordType, id: string): QualityFlag[] =>
  dataset.flagsByRecord.get(recordKey(type, id)) ?? [];

export const kindLabel = (kind: BatikEvent['kind'], lang: Lang) => useTranslations(lang)(`kind.${kind}` as UiKey);
export const themeLabel = (theme: string, lang: Lang) => useTranslations(lang)(`theme.${theme}` as UiKey);
