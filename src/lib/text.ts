/** Text helpers shared by the CSV and JSON readers. */

/**
 * Characters that look like nothing or like a plain space but are not one: every space
 * other than U+0020, line and paragraph separators, and every format character (\p{Cf}:
 * zero-width characters, the soft hyphen, bidirectional marks, overrides and isolates, BOM).
 */
const INVISIBLE = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\p{Cf}]/u;

export function invisibleCharacter(value: string): string | undefined {
  const m = INVISIBLE.exec(value);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

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
