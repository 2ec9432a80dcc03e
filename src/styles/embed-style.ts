import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chartCss } from '../charts/render';

/**
 * The one stylesheet of each kind of embed page and its theme script, inline in its <head>, and
 * the hashes that let a Content-Security-Policy without 'unsafe-inline' apply them. An embed on a slow phone network
 * is on screen after one response instead of three: a <link>ed stylesheet blocks the first paint
 * until it has come, a round trip after the page (see docs/performance.md, `npm run embed-speed`).
 *
 * The text is made here, once per build, and both the pages (src/layouts/Embed.astro) and the
 * embed paths' policy (src/lib/security-headers.ts, written to _headers) take it from here, so
 * the hash is always of the very text the pages carry; a build test checks it over dist/.
 *
 * The stylesheets are read from the project folder, where every command runs (as the data is,
 * src/lib/paths.ts): when Astro builds, this module is bundled elsewhere, so its own address
 * does not lead to them.
 */
const STYLES = resolve(process.cwd(), 'src/styles');

/**
 * A stylesheet without its comments and with no more white space than CSS needs: the comments
 * are for whoever edits the file, and would travel in every embed. Safe for our stylesheets,
 * whose strings (font names) hold single spaces only and none of these characters.
 */
export const compactCss = (css: string): string =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .trim();

const file = (name: string) => compactCss(readFileSync(resolve(STYLES, name), 'utf8'));

/** The embed page's margin around its content (CSS px a side): its body rule is written here, and the chart's layouts are picked by it. */
const EMBED_PADDING = 8;
const EMBED_BODY = `body{margin:0;padding:${EMBED_PADDING}px}`;

/**
 * What each kind of embed page needs to paint: the embed's colours and type (embed.css), and
 * the chart's rules (chartCss, as /charts.css has them but laid out by the frame's width) or
 * the profile card's.
 */
export const EMBED_STYLES = {
  chart: EMBED_BODY + file('embed.css') + compactCss(chartCss({ padding: EMBED_PADDING })),
  profile: EMBED_BODY + file('embed.css') + file('profile-card.css'),
} as const;
export type EmbedKind = keyof typeof EMBED_STYLES;

/** A CSP hash source for an inline element's exact text (CSP Level 3, "hash-source"): sha256 of its UTF-8 bytes, in base64. */
export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hash sources of every embed page's inline stylesheet, for the embeds' style-src. */
export const EMBED_STYLE_HASHES = Object.values(EMBED_STYLES).map(cspHash);

/**
 * The embed's theme, set on its root before the first paint: dark for ?theme=dark, and for
 * ?theme=auto while the reader's system prefers dark (following it as it changes); light
 * otherwise, as built. Inline in the <head>, allowed by its hash like the stylesheet, so a
 * dark embed never paints light first while its deferred frame script is on its way.
 * addListener rather than addEventListener: Safari before 14 has only the former.
 */
export const EMBED_THEME_SCRIPT =
  "(function(){var t=new URLSearchParams(location.search).get('theme'),m=t==='auto'&&window.matchMedia&&matchMedia('(prefers-color-scheme: dark)');" +
  "function a(){document.documentElement.setAttribute('data-theme',t==='dark'||(m&&m.matches)?'dark':'light')}a();if(m)m.addListener(a)})()";

/** The hash source of the theme script, for the embeds' script-src. */
export const EMBED_SCRIPT_HASH = cspHash(EMBED_THEME_SCRIPT);
