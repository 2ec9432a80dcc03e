/** Text helpers shared by the CSV and JSON readers. */

/**
 * Characters that look like nothing or like a plain space but are not one: every space
 * other than U+0020, line and paragraph separators, and every format character (\p{Cf}:
 * zero-width characters, the soft hyphen, bidirectional marks, overrides and isolates, BOM).
 */
const INVISIBLE = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\p{Cf}]/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function invisibleCharacter(value: string): string | undefined {
  const m = INVISIBLE.exec(value);
  return m ? codePoint(m[0]) : undefined;
}

/**
 * Control characters other than the line feed of a multi-line cell (C0, DEL, C1) and
 * Unicode non-characters (U+FDD0–U+FDEF and the last two code points of every plane): they
 * print as nothing or as a box, break XML (the chart images) and have no place in a text.
 */
const FORBIDDEN = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF]|\p{Noncharacter_Code_Point}/u;

const EMBEDDING_OPEN = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
const ISOLATE_OPEN = new Set(['\u2066', '\u2067', '\u2068']);

/**
 * Why a text cannot be shown as it is, or undefined: a control character or non-character,
 * or a bidirectional override, embedding or isolate (a right-to-left override, say) left open,
 * which would reverse the words shown after it (the site's name after a title in the browser
 * tab). Balanced pairs are kept: the text then reads as its author wrote it.
 */
export function unsafeText(value: string): string | undefined {
  const bad = FORBIDDEN.exec(value);
  if (bad) {
    const at = [...value.slice(0, bad.index)].length + 1;
    return `the text contains the control character or non-character ${codePoint(bad[0])} (character ${at}); delete it (it often comes from copying out of a PDF or a word processor)`;
  }
  const open: string[] = [];
  for (const c of value) {
    if (EMBEDDING_OPEN.has(c) || ISOLATE_OPEN.has(c)) open.push(c);
    else if (c === '\u202C' || c === '\u2069') {
      const isolate = c === '\u2069';
      const top = open.pop();
      if (top === undefined || ISOLATE_OPEN.has(top) !== isolate)
        return `the text closes a bidirectional ${isolate ? 'isolate' : 'embedding or override'} (${codePoint(c)}) that was not opened just before`;
    }
  }
  const first = open[0];
  if (first !== undefined)
    return `the text opens a bidirectional override, embedding or isolate (${codePoint(first)}) and never closes it, so the words shown after it would run backwards; close it with ${ISOLATE_OPEN.has(first) ? 'U+2069' : 'U+202C'} or delete it`;
  return undefined;
}

/** Right-to-left letters and bidirectional controls. */
const BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u202A-\u202E\u2066-\u2069]/u;

/**
 * Text from the data placed inside a longer plain text (a page title before the site's name),
 * isolated (U+2068 … U+2069) when it holds right-to-left letters or bidirectional controls,
 * so it cannot reorder what follows; in HTML the same is done by CSS (unicode-bidi: isolate).
 */
export const isolateBidi = (text: string): string => (BIDI.test(text) ? `\u2068${text}\u2069` : text);

/**
 * Bytes that look like UTF-16 text: a UTF-16 byte-order mark, or NUL bytes in a quarter or
 * more of the first 4 KB (UTF-16 writes a NUL beside every Latin letter; a stray NUL in UTF-8
 * text is reported as a bad character of its cell instead).
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 4096);
  return sample.length > 0 && sample.filter((b) => b === 0).length * 4 >= sample.length;
}

export const UTF16_MESSAGE = 'the file is saved as UTF-16 (in Excel: "Unicode Text"); save it as "CSV UTF-8 (comma delimited)" or plain UTF-8';

/**
 * Decode bytes as UTF-8, refusing invalid sequences instead of turning them into U+FFFD,
 * and say on which line the first bad byte sits.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number; badByte: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          return { badLine: line, badByte: start };
        }
        line++;
        start = i + 1;
      }
    }
    return { badLine: line, badByte: start };
  }
}

/** Levenshtein distance, for "did you mean" hints on misspelled column names and ids. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function closest(word: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.trim().toLowerCase() ? 0 : editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/**
 * Normalise text for evidence matching: Unicode NFC, typographic quotes and dashes as plain
 * ones, runs of white space as one space. Case and words are kept: evidence is verbatim.
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/gu, '"')
    .replace(/[\u2018\u2019\u201A]/gu, "'")
    .replace(/[\u2013\u2014]/gu, '–')
    .replace(/\s+/gu, ' ')
    .trim();
}
