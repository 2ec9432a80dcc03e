import { escapeXml } from './escape';
import { svgSize } from './embed';

/**
 * A chart as an image file (SVG and PNG) that still says what it is once it is copied out of
 * its page: its title above it, and below it the source line, the site, the date of the build
 * and the licence. An image cannot use the page's stylesheet, so the chart's CSS goes inside,
 * on a white ground.
 */
export interface ImageCaption {
  title: string;
  /** "Sumber: Batik Kota (CC BY 4.0); Antara, Radar Bromo." */
  source: string;
  /** "batik.example · 30 November 2026 · CC BY 4.0" */
  imprint: string;
}

const PAD = 16;
/**
 * Type sizes, line heights and the average advance of a character in ems. The PNG is drawn
 * with DejaVu Sans (src/lib/raster.ts), a wide face; the advances are generous so that a line
 * fits in any sans-serif a browser shows the SVG in.
 */
const TITLE = { size: 18, line: 24, advance: 0.64 };
const SMALL = { size: 12, line: 16, advance: 0.6 };
const FONT = "'DejaVu Sans', Verdana, sans-serif";

/** Words into lines of at most `max` characters; a word longer than a line is cut where it must be. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > max) {
      if (line) lines.push(line);
      lines.push(word.slice(0, max));
      word = word.slice(max);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface ImageLayout {
  width: number;
  height: number;
  title: string[];
  /** The source line's lines, then the imprint's. */
  footer: string[];
  /** Where the chart starts, from the top. */
  chartTop: number;
  chartHeight: number;
}

const perLine = (width: number, type: { size: number; advance: number }) => Math.max(12, Math.floor((width - 2 * PAD) / (type.size * type.advance)));

export function imageLayout(chart: { width: number; height: number }, caption: ImageCaption): ImageLayout {
  const title = wrap(caption.title, perLine(chart.width, TITLE));
  const footer = [...wrap(caption.source, perLine(chart.width, SMALL)), ...wrap(caption.imprint, perLine(chart.width, SMALL))];
  const chartTop = PAD + title.length * TITLE.line + 4;
  const height = chartTop + chart.height + 8 + footer.length * SMALL.line + PAD;
  return { width: chart.width, height, title, footer, chartTop, chartHeight: chart.height };
}

const text = (x: number, y: number, type: { size: number }, fill: string, content: string, bold = false) =>
  `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${type.size}"${bold ? ' font-weight="bold"' : ''} fill="${fill}" text-anchor="start">${escapeXml(content)}</text>`;

/**
 * The framed image. The chart's own root element stays the root (its class carries the chart's
 * CSS rules, its title and description stay its first children, as the page's SVG has them);
 * its drawing moves down into a group, between the title and the credit lines.
 */
export function chartImageSvg(svg: string, css: string, caption: ImageCaption): string {
  const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
  if (!open || !svg.endsWith('</svg>')) throw new Error('a chart SVG is one <svg> element');
  const layout = imageLayout(svgSize(svg), caption);
  const inner = svg.slice(open.length, -'</svg>'.length);
  const head = /^\s*(?:<title\b[^>]*>[\s\S]*?<\/title>)?\s*(?:<desc\b[^>]*>[\s\S]*?<\/desc>)?/.exec(inner)![0];
  const root = open
    .replace(/\swidth="[^"]*"/, ` width="${layout.width}"`)
    .replace(/\sheight="[^"]*"/, ` height="${layout.height}"`)
    .replace(/\sviewBox="[^"]*"/, ` viewBox="0 0 ${layout.width} ${layout.height}"`);
  const footTop = layout.chartTop + layout.chartHeight + 8;
  return (
    root +
    head +
    `<style>${css}</style><rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g data-part="title">${layout.title.map((line, i) => text(PAD, PAD + (i + 1) * TITLE.line - 6, TITLE, '#1c1a17', line, true)).join('')}</g>` +
    `<g data-part="chart" transform="translate(0,${layout.chartTop})">${inner.slice(head.length)}</g>` +
    `<g data-part="credit">${layout.footer.map((line, i) => text(PAD, footTop + (i + 1) * SMALL.line - 4, SMALL, '#4d463e', line)).join('')}</g>` +
    `</svg>`
  );
}
