
/**
 * Small helpers for placing text; charts measure nothing in a browser, so widths are estimates.
 *
 * Every chart is drawn twice, for the two widths a reader meets: a wide layout for columns of
 * NARROW_BELOW CSS pixels and more (tablets, desktops, wide embeds) and a narrow one for phones
 * and narrow embeds, with its labels above the marks rather than beside them. The stylesheet
 * shows the one that fits the chart's container (a CSS container query, so no script is
 * needed) and never scales either past MAX_SCALE, so chart text stays between about 11 and 16
 * CSS pixels wherever it is drawn.
 */
export interface Layout {
  /** Width of the SVG's coordinate system. */
  width: number;
  /** The chart's base font size, in the units of the SVG's coordinate system. */
  fontSize: number;
  /** The phone layout: labels above their marks, fewer ticks, text wrapped to the width. */
  narrow: boolean;
}

/**
 * Drawn 640 wide with 11-unit text, and shown in containers from NARROW_BELOW px up: the
 * smallest text is then 11 px, growing to 15.4 px at MAX_SCALE.
 */
export const WIDE: Layout = { width: 640, fontSize: 11, narrow: false };

/**
 * Drawn 300 wide with 12-unit text, and shown in containers under NARROW_BELOW px: a 320 px
 * phone leaves a 288 px column (text 11.5 px), a 320 px embed 304 px (12 px).
 */
export const NARROW: Layout = { width: 300, fontSize: 12, narrow: true };

/** Container width (CSS px) under which the narrow layout is shown: where the wide one's text would fall under 11 px. */
export const NARROW_BELOW = 640;

/** The most a chart is scaled up, so its text stays under 16 px in a wide column. */
export const MAX_SCALE = 1.4;

/** Default chart width, in the units of the SVG's viewBox. */
export const DEFAULT_WIDTH = WIDE.width;

/** An average glyph of system-ui is about 0.6 em wide; bold about 0.65 em. */
export const CHAR_EM = 0.6;

/** Plot's default font is 10 units; an average glyph is about 6 units wide there. */
export const CHAR_WIDTH = CHAR_EM * 10;

export const estimateTextWidth = (text: string, fontSize = 10, bold = false): number =>
  Array.from(text).length * fontSize * (bold ? CHAR_EM + 0.05 : CHAR_EM);

/** The room a line of text takes from one baseline to the next. */
export const lineHeight = (fontSize: number): number => Math.ceil(fontSize * 1.2);

/**
 * Text cut to at most `max` characters with an ellipsis. Counts code points, not UTF-16 units,
 * so no emoji or rare script is cut in half. The full text stays in the table and the <desc>.
 */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/**
 * Text broken into lines of at most `width` units (at `fontSize`), at spaces, at most
 * `maxLines` lines; the last line is shortened when words remain. A single word longer than
 * a line is shortened. The lines are joined with "\n", which Plot's text mark draws as lines.
 */
export function wrap(text: string, width: number, fontSize: number, maxLines = 2, bold = false): string {
  const perLine = Math.max(4, Math.floor(width / (fontSize * (bold ? CHAR_EM + 0.05 : CHAR_EM))));
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (Array.from(next).length <= perLine || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines).map((l) => shorten(l, perLine));
  if (lines.length > maxLines) kept[maxLines - 1] = shorten(`${kept[maxLines - 1]} ${lines[maxLines]}`, perLine);
  return kept.join('\n');
}

/** The number of lines of a wrapped text. */
export const lineCount = (text: string): number => text.split('\n').length;

// A city's name in the reader's language, defined with the data so the site model can use it too.
export { cityName } from '../lib/dataset';

/** A left margin wide enough for the longest of some labels (already shortened), within limits. */
export const marginFor = (labels: readonly string[], min = 40, max = 220, fontSize = 10): number =>
  Math.round(Math.min(max, Math.max(min, ...labels.map((l) => Math.max(...l.split('\n').map((line) => estimateTextWidth(line, fontSize))))) + 12));

/** A chart id as a safe slug: ids end up in id and aria-labelledby attributes. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'chart';

/** Where a facet's heading sits: above its panel, flush with the left edge of the chart. */
export const facetHeading = (marginLeft: number, fontSize = 11) =>
  ({ frameAnchor: 'top-left', textAnchor: 'start', lineAnchor: 'bottom', dx: -marginLeft + 4, dy: -8, fontWeight: 'bold', fontSize }) as const;

/**
 * Year ticks thinned so their labels ("2016") never meet: every year, every second year, and so
 * on, always keeping the first. `span` is the width the ticks share.
 */
export function thinTicks<T>(ticks: readonly T[], span: number, labelWidth: number): T[] {
  if (ticks.length < 2) return [...ticks];
  const step = Math.max(1, Math.ceil((labelWidth * 1.5) / (span / (ticks.length - 1))));
  return ticks.filter((_, i) => i % step === 0);
}
