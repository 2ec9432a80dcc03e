import en from './en.json';
import id from './id.json';
import type { Lang } from '../lib/format';

export type { Lang };
export const LANGS: readonly Lang[] = ['id', 'en'];
export type UiKey = keyof typeof id;

const strings: Record<Lang, Record<UiKey, string>> = { id, en };

/**
 * UI strings for one language, with {name} placeholders filled from `vars`. Both files have
 * the same keys (a test checks it); a key missing in English falls back to Indonesian.
 */
export const useTranslations =
  (lang: Lang) =>
  (key: UiKey, vars: Record<string, string | number> = {}): string =>
    (strings[lang][key] ?? strings.id[key]).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));

