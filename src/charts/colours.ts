/**
 * One colour per city, the same on every chart. The four cities of the study take four hues of
 * the Okabe–Ito palette, which stays distinguishable under the common colour-vision
 * deficiencies. A city added later gets a colour from the extension list chosen by a hash of
 * its id, so it keeps the same colour on every chart and in every build without a code change.
 * Colour is never the only carrier of meaning: every chart also names the city in text.
 */
export const CITY_COLOURS: Readonly<Record<string, string>> = {
  probolinggo: '#0072B2', // blue
  blitar: '#E69F00', // orange
  mojokerto: '#009E73', // bluish green
  pekalongan: '#CC79A7', // reddish purple
};

/**
 * For cities without a fixed colour: the rest of Okabe–Ito that reads on white (vermillion,
 * sky blue), then Paul Tol's muted scheme, also designed for colour-blind readers.
 */
export const EXTENSION_COLOURS: readonly string[] = [
  '#D55E00',
  '#56B4E9',
  '#332288',
  '#117733',
  '#882255',
  '#999933',
  '#44AA99',
  '#AA4499',
  '#661100',
  '#6699CC',
];

/** FNV-1a, 32 bits: a small, stable string hash (no randomness, same in every runtime). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function cityColour(cityId: string): string {
  return CITY_COLOURS[cityId] ?? EXTENSION_COLOURS[hash(cityId) % EXTENSION_COLOURS.length]!;
}

/** Neutral colours for things that are not cities. */
export const NEUTRAL = {
  land: '#e9e6df',
  landStroke: '#a39f96',
  sea: '#f3f7fa',
  covered: '#d6e6f2',
  grid: '#d0d0d0',
  muted: '#595959',
} as const;
