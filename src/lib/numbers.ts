/**
 * Reading the numbers an Indonesian phrase states, so that a figure can be checked against
 * its evidence. Indonesian writes "1.200" for twelve hundred and "1,5" for one and a half,
 * scales amounts with words ("Rp18 miliar", "2,5 juta") and spells small counts out
 * ("tiga puluh", "sebelas"). Vague quantities ("puluhan", "ratusan") are not numbers.
 * A few sources (encyclopedias in English, tables) group thousands with commas or spaces
 * ("149,149", "308 310"); those readings are offered too, since the check asks only whether
 * the phrase states the figure under some reading.
 */

const UNITS: Record<string, number> = {
  nol: 0,
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
};

const SCALES: Record<string, number> = {
  ribu: 1e3,
  rb: 1e3,
  juta: 1e6,
  jt: 1e6,
  miliar: 1e9,
  milyar: 1e9,
  m: 1e9,
  triliun: 1e12,
};

/** Digits as Indonesian writes them: dots group thousands, a comma starts the decimals. */
function parseIndonesianDigits(token: string): number {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(token)) return Number(token.replace(/\./g, '').replace(',', '.'));
  return Number(token.replace(',', '.'));
}

/** Numbers written in digits, each also multiplied by a scale word that follows it. */
function digitNumbers(phrase: string): number[] {
  const found: number[] = [];
  const re = /(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s*(ribu|rb|juta|jt|miliar|milyar|triliun|m)\b)?/giu;
  for (const m of phrase.matchAll(re)) {
    const n = parseIndonesianDigits(m[1]!);
    if (!Number.isFinite(n)) continue;
    found.push(n);
    const scale = m[2] ? SCALES[m[2].toLowerCase()] : undefined;
    if (scale !== undefined) found.push(Math.round(n * scale));
  }
  for (const m of phrase.matchAll(/\d{1,3}(?:,\d{3})+(?![\d,])/g)) found.push(Number(m[0].replace(/,/g, '')));
  for (const m of phrase.matchAll(/\d{1,3}(?: \d{3})+(?!\d)/g)) found.push(Number(m[0].replace(/ /g, '')));
  return found;
}

/** Number words: "tiga puluh lima", "sebelas", "dua ratus", "seribu", "lima belas". */
function wordNumbers(phrase: string): number[] {
  const words = phrase
    .toLowerCase()
    .replace(/[^a-z\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  const found: number[] = [];
  let i = 0;
  while (i < words.length) {
    // total: past thousands; group: the hundreds and tens so far; pending: the unit being built.
    let total = 0;
    let group = 0;
    let pending = 0;
    let matched = false;
    while (i < words.length) {
      const w = words[i]!;
      if (w in UNITS && w !== 'se') pending += UNITS[w]!;
      else if (w === 'sepuluh') group += 10;
      else if (w === 'sebelas') group += 11;
      else if (w === 'seratus') group += 100;
      else if (w === 'seribu') total += 1000;
      else if (w === 'belas' && matched) pending += 10;
      else if (w === 'puluh' && matched) [group, pending] = [group + pending * 10, 0];
      else if (w === 'ratus' && matched) [group, pending] = [group + pending * 100, 0];
      else if ((w === 'ribu' || w === 'juta') && matched) {
        total += (group + pending) * (w === 'ribu' ? 1e3 : 1e6);
        [group, pending] = [0, 0];
      } else break;
      matched = true;
      i++;
    }
    if (matched) found.push(total + group + pending);
    else i++;
  }
  return found;
}

/** Every number the phrase states, in digits or in words. */
export function numbersInPhrase(phrase: string): number[] {
  return [...digitNumbers(phrase), ...wordNumbers(phrase)];
}

/** Whether the phrase states this number (exactly, as digits or words). */
export function phraseStates(phrase: string, value: number): boolean {
  return numbersInPhrase(phrase).some((n) => Math.abs(n - value) < 1e-6 * Math.max(1, Math.abs(value)));
}
