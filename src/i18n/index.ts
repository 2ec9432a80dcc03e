import en from './en.json';
import id from './id.json';

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type UiKey = keyof typeof id;

const strings: Record<Lang, Record<UiKey, string>> = { id, en };

/** UI strings for one language; both files have the same keys (a test checks it). */
export const useTranslations = (lang: Lang) => (key: UiKey): string => strings[lang][key];
