/**
 * One colour per city, the same on every chart and in both themes. The four cities of the
 * study take four hues of the Okabe–Ito palette, which stays distinguishable under the common
 * colour-vision deficiencies; its orange and reddish purple are darkened just enough that every
 * city colour has a contrast of at least 3:1 (WCAG's figure for marks) against both the light
 * and the dark background, so a bar or a dot needs no outline to be seen. A city added later
 * gets a colour from the extension list chosen by a hash of its id, so it keeps the same colour
 * on every chart and in every build without a code change. Colour is never the only carrier of
 * meaning: every chart also names the city in text.
 */
export const CITY_COLOURS: Readonly<Record<string, string>> = {
  probolinggo: '#0072b2', // blue
  blitar: '#b87800', // orange, darkened
  mojokerto: '#009e73', // bluish green
  pekalongan: '#be6a9e', // reddish purple, darkened
};

/**
 * For cities without a fixed colour: the rest of Okabe–Ito (vermillion, sky blue), then Paul
 * Tol's muted scheme, also designed for colour-blind readers, each moved to a lightness that
 * keeps 3:1 against both backgrounds.
 */
export const EXTENSION_COLOURS: readonly string[] = [
  '#d55e00',
  '#2e86c1',
  '#7a5fb8',
  '#117733',
  '#b04c80',
  '#8c8c2e',
  '#3a9a8a',
  '#aa4499',
  '#9c6b30',
  '#5b8cc4',
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

/**
 * Neutral colours for things that are not cities, as drawn on a light background. The SVG
 * carries these, so an image of a chart (PNG, SVG file) reads on its white ground; on a page,
 * the stylesheet swaps each for its DARK counterpart when the page is dark (see themeCss).
 */
export const NEUTRAL = {
  /** The chart's ground: hollow symbols, halos behind labels, gaps between overlapping dots. */
  paper: '#ffffff',
  land: '#e9e6df',
  /** Coastlines: 3:1 against sea and land in both themes, so it needs no dark counterpart. */
  landStroke: '#857f75',
  sea: '#f3f7fa',
  covered: '#d6e6f2',
  grid: '#d0d0d0',
  /** Secondary text ("not reported", notes): 4.5:1 on the light ground. */
  muted: '#595959',
} as const;

/**
 * What each neutral becomes on a dark page, and whether the charts paint with it as a fill, a
 * stroke or both: the page's own dark ground and muted text, a dark land and sea, a dark tint
 * for covered cells (the text on it keeps 4.5:1), dark grid lines.
 */
export const DARK: Readonly<Record<string, { colour: string; as: readonly ('fill' | 'stroke')[] }>> = {
  [NEUTRAL.paper]: { colour: '#15130f', as: ['fill', 'stroke'] },
  [NEUTRAL.land]: { colour: '#37322b', as: ['fill'] },
  [NEUTRAL.sea]: { colour: '#1b2229', as: ['fill'] },
  [NEUTRAL.covered]: { colour: '#23384b', as: ['fill'] },
  [NEUTRAL.grid]: { colour: '#4a4238', as: ['stroke'] },
  [NEUTRAL.muted]: { colour: '#c2b8aa', as: ['fill', 'stroke'] },
};

/**
 * The rules that give a chart its dark colours: every fill or stroke the SVG draws in a neutral
 * colour takes `light-dark(light, dark)`, which follows the `color-scheme` of the page, the one
 * hook both the site and the embed pages set for their theme (by the reader's system, or by an
 * embed's ?theme=). A rule in a stylesheet outranks the SVG's presentation attribute. Browsers
 * without light-dark() keep the light colours, as do images of the chart.
 */
export function themeCss(scope: string): string {
  const rules = Object.entries(DARK).flatMap(([light, { colour, as }]) => as.map((property) => `${scope} [${property}="${light}"] { ${property}: light-dark(${light}, ${colour}); }`));
  return `@supports (color: light-dark(#000, #fff)) {\n${scope} { --plot-background: light-dark(${NEUTRAL.paper}, ${DARK[NEUTRAL.paper]!.colour}); }\n${rules.join('\n')}\n}\n`;
}
