import type { UiKey } from '../i18n';

/**
 * The embed builder's words, in this order, in an embed panel's data-ui attribute, joined by
 * "|" (the builder puts the panel's data-title in place of {title}). They travel with the
 * panel, in its page's language, rather than with the builder, which is the same file for both
 * languages.
 */
export const BUILDER_UI = [
  'embed.width',
  'embed.widthFull',
  'embed.theme',
  'embed.theme.light',
  'embed.theme.dark',
  'embed.theme.auto',
  'embed.preview',
  'embed.previewTitle',
  'embed.copy',
  'embed.copied',
  'embed.selected',
] as const satisfies readonly UiKey[];
export const BUILDER_UI_SEPARATOR = '|';
