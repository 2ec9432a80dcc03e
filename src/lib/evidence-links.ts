import { webUrl } from './cells';

/**
 * Addresses that take a reader from an evidence phrase to the words it quotes: the report's
 * original address with a text fragment, so the browser opens the article at the quoted words
 * and marks them, and a Wayback Machine address at the report's publication date, for when the
 * original has moved or gone.
 *
 * Text fragments follow the WICG specification (https://wicg.github.io/scroll-to-text-fragment/):
 * `#:~:text=[prefix-,]start[,end][,-suffix]`. Each term is percent-encoded; "-", "&" and "," are
 * the directive's own syntax, so inside a term they are always encoded (%2D, %26, %2C). A browser
 * matches a term only at word boundaries, and folds case, accents and quote style (Chromium
 * treats ’ and ', “ and " alike), so a phrase copied from the report matches the article even
 * where the validator's normalisation was needed. A browser without text fragments simply opens
 * the article at its top.
 *
 * Both builders take addresses only through the data's own rule for a report's address
 * (`webUrl` in cells.ts) and check what they make by it too: anything else gives null, never a link.
 */

/**
 * A phrase longer than this is linked by its first and last words (textStart,textEnd), which
 * keeps the address short. A shorter one is matched whole, which lands exactly on it: a range
 * is found from the first occurrence of its first words, and in two of the 200 phrases of the
 * data over 80 characters those words also open the article's headline, which a range would
 * mark instead. Every phrase in the data is shorter than this (the longest has 185 characters).
 */
export const LONG_PHRASE_CHARS = 300;
/** How many whole words each end of a long phrase keeps: enough to be found nowhere else. */
export const RANGE_TERM_WORDS = 8;

const isWebUrl = (v: string): boolean => webUrl.safeParse(v).success;

/**
 * One term of a text directive, percent-encoded. encodeURIComponent leaves only
 * A–Z a–z 0–9 - _ . ! ~ * ' ( ) as they are; of these, only "-" is not a plain character of a
 * text directive, so it is encoded too. Null for text that cannot be encoded (a lone surrogate).
 */
export function encodeTextDirectiveTerm(term: string): string | null {
  try {
    return encodeURIComponent(term).replace(/-/g, '%2D');
  } catch {
    return null;
  }
}

/** A phrase as a browser compares it: white space runs are one space, as the page renders them. */
const collapse = (phrase: string) => phrase.replace(/\s+/gu, ' ').trim();

/**
 * The terms that find a phrase: the phrase itself, or for a long one its first and last
 * RANGE_TERM_WORDS whole words, which the browser matches as the range from the first to the
 * next occurrence of the second. Whole words, since a term must start and end at a word
 * boundary; a long phrase of few, long words stays whole so the two terms never overlap.
 */
export function textDirectiveTerms(phrase: string): { start: string; end: string | null } | null {
  const text = collapse(phrase);
  if (text === '') return null;
  const words = text.split(' ');
  if (text.length <= LONG_PHRASE_CHARS || words.length <= 2 * RANGE_TERM_WORDS) return { start: text, end: null };
  return { start: words.slice(0, RANGE_TERM_WORDS).join(' '), end: words.slice(-RANGE_TERM_WORDS).join(' ') };
}

/** The text directive for a phrase, "text=…" (without the "#:~:" delimiter); null for an empty phrase. */
export function textDirective(phrase: string): string | null {
  const terms = textDirectiveTerms(phrase);
  if (!terms) return null;
  const start = encodeTextDirectiveTerm(terms.start);
  const end = terms.end === null ? null : encodeTextDirectiveTerm(terms.end);
  if (start === null || (terms.end !== null && end === null)) return null;
  return `text=${start}${end === null ? '' : `,${end}`}`;
}

/**
 * The report's original address that opens at the phrase: `<url>#:~:text=…`. An address
 * that already has a fragment keeps it, with the directive after it (`#top:~:text=…`), as the
 * specification allows; one that already holds a fragment directive gets no second one.
 */
export function textFragmentUrl(url: string, phrase: string): string | null {
  const key = `${url}\n${phrase}`;
  if (!fragmentLinks.has(key)) fragmentLinks.set(key, makeTextFragmentUrl(url, phrase));
  return fragmentLinks.get(key)!;
}
// Each evidence phrase is linked on a page in each language, and each report's archive from
// every phrase it is cited for: each link is made and checked once.
const fragmentLinks = new Map<string, string | null>();
const archiveLinks = new Map<string, string | null>();

function makeTextFragmentUrl(url: string, phrase: string): string | null {
  if (!isWebUrl(url)) return null;
  const directive = textDirective(phrase);
  if (directive === null) return null;
  const hash = url.indexOf('#');
  if (hash >= 0 && url.includes(':~:', hash)) return null;
  const link = `${url}${hash >= 0 ? '' : '#'}:~:${directive}`;
  return isWebUrl(link) ? link : null;
}

/**
 * A Wayback Machine timestamp for a publication date as precise as it is known: "2022-11-03"
 * (a day, or a day within a week) → "20221103", "2022-05" → "202205", "2022" → "2022". The
 * Wayback Machine opens the capture nearest to a partial timestamp. Null when the date is
 * unknown or not of these forms.
 */
export function waybackTimestamp(published: string | null): string | null {
  if (published === null || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published)) return null;
  return published.replace(/-/g, '');
}

/**
 * The report at the Wayback Machine: the capture nearest its publication date
 * (`https://web.archive.org/web/<timestamp>/<url>`), or, with no known date, the list of every
 * capture (the timestamp "*"). The fragment, which no server sees, is left off.
 */
export function waybackUrl(url: string, published: string | null): string | null {
  const key = `${url}\n${published}`;
  if (!archiveLinks.has(key)) archiveLinks.set(key, makeWaybackUrl(url, published));
  return archiveLinks.get(key)!;
}

function makeWaybackUrl(url: string, published: string | null): string | null {
  if (!isWebUrl(url)) return null;
  const original = url.split('#')[0]!;
  const link = `https://web.archive.org/web/${waybackTimestamp(published) ?? '*'}/${original}`;
  return isWebUrl(link) ? link : null;
}
