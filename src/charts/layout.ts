import type { City } from '../lib/dataset';
import type { Lang } from '../lib/format';

/** Small helpers for placing text; charts measure nothing in a browser, so widths are estimates. */

/** Default chart width, in the units of the SVG's viewBox. */
export const DEFAULT_WIDTH = 640;

/** Plot's default font is 10px system-ui; an average glyph is about 6px wide there. */
export const CHAR_WIDTH = 6;

export const estimateTextWidth = (text: string): number => Array.from(text).length * CHAR_WIDTH;

/**
 * Text cut to at most `max` characters with an ellipsis. Counts code points, not UTF-16 units,
 * so no emoji or rare script is cut in half. The full text stays in the table and the <desc>.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/** A city's name in the reader's language. */
export const cityName = (city: City, lang: Lang): string => (lang === 'id' ? city.name : city.name_en);

/** A left margin wide enough for the longest of some labels (already shortened), within limits. */
export const marginFor = (labels: readonly string[], min = 40, max = 220): number =>
  Math.round(Math.min(max, Math.max(min, ...labels.map(estimateTextWidth)) + 12));

/** A chart id as a safe slug: ids end up in id and aria-labelledby attributes. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'chart';

/** Where a facet's heading sits: above its panel, flush with the left edge of the chart. */
export const facetHeading = (marginLeft: number) =>
  ({ frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom', dx: -marginLeft + 4, dy: -8, fontWeight: 'bold', fontSize: 11 }) as const;
