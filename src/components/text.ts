import type { BatikEvent, Dataset, QualityFlag } from '../lib/dataset';
import { recordKey } from '../lib/dataset';
import { formatDateRange, formatNumber, type Lang } from '../lib/format';
import type { RecordType, Theme } from '../lib/schema';
import { labelsFor } from '../charts/labels';
import type { FacilityStatus } from '../lib/schema';
import { useTranslations } from '../i18n';

/** Words for domain values, shared by the page components. */

export { cityName } from '../charts/layout';
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

// Names of kinds, themes and statuses are the charts' labels, so pages and charts agree.
export const kindLabel = (kind: BatikEvent['kind'], lang: Lang) => labelsFor(lang).kinds[kind];
export const themeLabel = (theme: Theme, lang: Lang) => labelsFor(lang).themes[theme];
export const statusLabel = (status: FacilityStatus, lang: Lang) => labelsFor(lang).statuses[status];
export const notReported = (lang: Lang) => labelsFor(lang).notReported;
