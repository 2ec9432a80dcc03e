import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import { parseHTML } from 'linkedom';
import { NEUTRAL, themeCss } from './colours';
import { DEFAULT_WIDTH, estimateTextWidth, lineHeight, MAX_SCALE, NARROW, NARROW_BELOW, shorten, slug, WIDE, type Layout } from './layout';
import type { Chart } from './types';

/**
 * Server-side rendering of Observable Plot to an SVG string.
 *
 * Plot draws into the linkedom document given through its `document` option. One document
 * serves the whole process: Plot only creates detached elements in it, and making a DOM per
 * chart would cost time for nothing. The fixed class name keeps the output stable between
 * builds (Plot otherwise names its class at random).
 *
 * The SVG that comes out is safe for a page with a strict Content-Security-Policy: Plot's
 * <style> element is removed (its rules are in CHART_CSS, for the site stylesheet) and any
 * style attribute is an error. It is accessible: role="img" and aria-labelledby pointing at a
 * <title> and a <desc> inside it. And it is deterministic: Plot's counter-based ids are
 * renamed after the chart's id and coordinates are rounded to tenths (a tenth of a unit is
 * under a tenth of a pixel at any size a chart is shown), so a snapshot only changes when the
 * drawing does.
 */

export const CHART_CLASS = 'batik-chart';

const SVG_NS = 'http://www.w3.org/2000/svg';
const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

/** The symbols a legend can show; the same names as Plot's symbol scale. */
export type SymbolName = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star' | 'wye' | 'times' | 'plus';

const SYMBOLS: Record<SymbolName, d3.SymbolType> = {
  circle: d3.symbolCircle,
  square: d3.symbolSquare,
  triangle: d3.symbolTriangle,
  diamond: d3.symbolDiamond,
  cross: d3.symbolCross,
  star: d3.symbolStar,
  wye: d3.symbolWye,
  times: d3.symbolTimes,
  plus: d3.symbolPlus,
};

/** Plot's default symbol area (r = 4.5). */
export const SYMBOL_SIZE = Math.PI * 4.5 * 4.5;

/**
 * One entry of a legend drawn inside the SVG. Plot's own legends are HTML with inline styles,
 * which a strict CSP blocks, so legends are drawn here instead. An entry shows a symbol, a
 * line (dashed or not), or a text glyph such as "✓", then its label.
 */
export interface LegendItem {
  label: string;
  symbol?: SymbolName;
  glyph?: string;
  line?: 'solid' | 'dashed';
  fill?: string;
  stroke?: string;
}

export interface RenderOptions {
  /** The chart's id; <title> and <desc> get `${id}-title` and `${id}-desc`. */
  id: string;
  title: string;
  description: string;
  /**
   * Plot's options. Do not set `document` or `className` (renderPlot owns them), nor Plot's
   * `title`, `subtitle`, `caption` or scale legends, which wrap the SVG in HTML. With a legend,
   * set `marginTop` to the room the chart itself needs above its frame (default 20); the
   * legend's rows are added on top.
   */
  plot: Plot.PlotOptions;
  legend?: LegendItem[];
  /** The base font size of the chart's text, in SVG units (default 10, Plot's). */
  fontSize?: number;
  /** Classes besides CHART_CLASS on the <svg>: which layout it is (see chartMarkup). */
  classes?: string[];
}

const LEGEND_SWATCH = 16;

interface PlacedLegendItem {
  item: LegendItem;
  label: string;
  x: number;
  y: number;
}

function placeLegend(items: readonly LegendItem[], width: number, left: number, fontSize: number): { placed: PlacedLegendItem[]; height: number } {
  const placed: PlacedLegendItem[] = [];
  const rowHeight = Math.max(18, lineHeight(fontSize) + 4);
  let x = left;
  let row = 0;
  for (const item of items) {
    const label = shorten(item.label, 48);
    const itemWidth = LEGEND_SWATCH + 4 + estimateTextWidth(label, fontSize) + 14;
    if (x > left && x + itemWidth - 14 > width) {
      row += 1;
      x = left;
    }
    placed.push({ item, label, x, y: 6 + row * rowHeight + rowHeight / 2 });
    x += itemWidth;
  }
  return { placed, height: items.length ? (row + 1) * rowHeight + 8 : 0 };
}

function svgElement(name: string, attributes: Record<string, string | number>, text?: string): Element {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function drawLegend(placed: readonly PlacedLegendItem[]): Element {
  const group = svgElement('g', { class: `${CHART_CLASS}-legend`, 'text-anchor': 'start' });
  for (const { item, label, x, y } of placed) {
    const entry = svgElement('g', { transform: `translate(${x},${y})` });
    const cx = LEGEND_SWATCH / 2;
    const fill = item.fill ?? 'currentColor';
    const stroke = item.stroke ?? 'none';
    if (item.line) {
      entry.appendChild(
        svgElement('line', {
          x1: 0,
          x2: LEGEND_SWATCH,
          y1: 0,
          y2: 0,
          stroke: item.stroke ?? 'currentColor',
          'stroke-width': 2,
          ...(item.line === 'dashed' ? { 'stroke-dasharray': '3,2' } : {}),
        }),
      );
    }
    if (item.symbol) {
      const d = d3.symbol(SYMBOLS[item.symbol], SYMBOL_SIZE)() ?? '';
      entry.appendChild(svgElement('path', { d, transform: `translate(${cx},0)`, fill, stroke, 'stroke-width': 1.5 }));
    }
    if (item.glyph !== undefined) entry.appendChild(svgElement('text', { x: cx, y: 0, dy: '0.32em', 'text-anchor': 'middle', fill }, item.glyph));
    entry.appendChild(svgElement('text', { x: LEGEND_SWATCH + 4, y: 0, dy: '0.32em' }, label));
    group.appendChild(entry);
  }
  return group;
}

/** Attributes holding coordinates, whose floating-point noise is rounded away. */
const GEOMETRY_ATTRIBUTES = new Set([
  'cx', 'cy', 'd', 'dx', 'dy', 'height', 'points', 'r', 'rx', 'ry', 'transform', 'viewBox', 'width', 'x', 'x1', 'x2', 'y', 'y1', 'y2',
]);

const round = (n: number): number => {
  const rounded = Math.round(n * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
};

/** Numbers in an attribute rounded to tenths; a length in em ("0.32em") is a font's proportion, and kept. */
const roundNumbers = (value: string): string => (value.endsWith('em') ? value : value.replace(/-?(?:\d+\.\d*|\.\d+|\d+)(?:e[-+]?\d+)?/gi, (n) => String(round(Number(n)))));

/**
 * A path of straight segments ("M x,y L x,y … Z", as d3-geo writes coastlines) in relative
 * coordinates, which take about half the bytes: each point is rounded first and the steps
 * are taken between rounded points, so nothing drifts, and a point that rounds onto the one
 * before it is dropped. Any other path (arcs, curves) is only rounded.
 */
function compactPath(d: string): string {
  if (!/^[MLZ\d\s,.eE+-]+$/.test(d) || d.length < 200) return roundNumbers(d);
  const pair = (a: number, b: number) => `${a}${b < 0 ? '' : ','}${b}`;
  let out = '';
  let [x, y, startX, startY] = [0, 0, 0, 0];
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      out += 'Z';
      // Closing returns the pen to the subpath's start.
      [x, y] = [startX, startY];
      continue;
    }
    const numbers = args!.split(/[\s,]+/).filter(Boolean).map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const [px, py] = [round(numbers[i]!), round(numbers[i + 1]!)];
      const [dx, dy] = [round(px - x), round(py - y)];
      if (command === 'M' && i === 0) {
        out += `M${pair(px, py)}l`;
        [startX, startY] = [px, py];
      }
      else if (dx !== 0 || dy !== 0) out += `${out.endsWith('l') || dx < 0 ? '' : ' '}${pair(dx, dy)}`;
      [x, y] = [px, py];
    }
  }
  // A subpath that only moved ("M1,2l" then Z or the end) keeps no empty lineto.
  return out.replace(/l(?=Z|M|$)/g, '');
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/**
 * Serialises an SVG subtree as XML. Written out here rather than taken from outerHTML because
 * HTML serialisation leaves "<" unescaped inside attribute values and writes named entities
 * XML does not know; this output is valid both inline in HTML and as a standalone .svg file.
 */
function serialise(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.textContent ?? '');
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const name = element.localName;
  let attributes = '';
  // Attributes in name order: the DOM implementation's own order is not part of the output.
  const sorted = Array.from(element.attributes).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const attribute of sorted) {
    const value = attribute.name === 'd' ? compactPath(attribute.value) : GEOMETRY_ATTRIBUTES.has(attribute.name) ? roundNumbers(attribute.value) : attribute.value;
    attributes += ` ${attribute.name}="${escapeAttribute(value)}"`;
  }
  const childNodes = Array.from(element.childNodes);
  // One element per line inside containers, so a snapshot diff shows what changed. Text
  // content is never touched: only whitespace between elements, which SVG does not draw.
  const separator = CONTAINERS.has(name) && childNodes.every((c) => c.nodeType === 1) ? '\n' : '';
  const children = childNodes.map(serialise).join(separator);
  return children ? `<${name}${attributes}>${separator}${children}${separator}</${name}>` : `<${name}${attributes}/>`;
}

const CONTAINERS = new Set(['svg', 'g', 'defs', 'clipPath']);

/** Renames Plot's counter-based ids (clip paths, markers) after the chart id, in document order. */
function normaliseIds(svg: Element, chartId: string): void {
  const renamed = new Map<string, string>();
  for (const element of Array.from(svg.querySelectorAll('[id]'))) {
    const next = `${chartId}-ref-${renamed.size + 1}`;
    renamed.set(element.getAttribute('id')!, next);
    element.setAttribute('id', next);
  }
  if (!renamed.size) return;
  const all = [svg, ...Array.from(svg.querySelectorAll('*'))];
  for (const element of all) {
    for (const attribute of Array.from(element.attributes)) {
      const value = attribute.value.replace(/url\(#([^)]+)\)/g, (m, old: string) => (renamed.has(old) ? `url(#${renamed.get(old)})` : m));
      const href = (attribute.name === 'href' || attribute.name === 'xlink:href') && value.startsWith('#') ? `#${renamed.get(value.slice(1)) ?? value.slice(1)}` : value;
      if (href !== attribute.value) element.setAttribute(attribute.name, href);
    }
  }
}

const BARE_SVG = 'renderPlot needs a bare <svg>: draw legends with the `legend` option, and put titles and captions outside the chart';

export function renderPlot(options: RenderOptions): string {
  const { plot } = options;
  const legendScales = [plot.color, plot.opacity, plot.symbol, plot.r].some((scale) => scale?.legend);
  if (legendScales || plot.title != null || plot.subtitle != null || plot.caption != null) throw new Error(BARE_SVG);
  const id = slug(options.id);
  const width = options.plot.width ?? DEFAULT_WIDTH;
  const fontSize = options.fontSize ?? 10;
  const legend = options.legend?.length ? placeLegend(options.legend, width - 4, 4, fontSize) : null;
  const plotOptions: Plot.PlotOptions = {
    ...options.plot,
    width,
    ...(legend ? { marginTop: (options.plot.marginTop ?? 20) + legend.height } : {}),
    document: document as unknown as Document,
    className: CHART_CLASS,
  };
  const node = Plot.plot(plotOptions) as unknown as Element;
  if (node.localName !== 'svg') throw new Error(BARE_SVG);

  for (const style of Array.from(node.querySelectorAll('style'))) style.remove();
  const styled = node.querySelector('[style]');
  if (styled) throw new Error(`Plot wrote a style attribute on <${styled.localName}>, which a strict Content-Security-Policy blocks`);

  // SVG's font-variant attribute takes only CSS 2 values, so Plot's "tabular-nums" is
  // invalid markup; the same effect comes from CHART_CSS.
  for (const element of [node, ...Array.from(node.querySelectorAll('[font-variant]'))]) element.removeAttribute('font-variant');
  node.setAttribute('font-size', String(fontSize));
  if (options.classes?.length) node.setAttribute('class', [CHART_CLASS, ...options.classes].join(' '));
  normaliseIds(node, id);
  if (legend) node.appendChild(drawLegend(legend.placed));

  // The SVG is one image with a title and description. Plot names each mark's group with
  // aria-label, which ARIA does not allow on elements without a role: the name moves to
  // data-mark, where tests and styles can still find it.
  node.removeAttribute('aria-label');
  node.removeAttribute('aria-description');
  for (const group of Array.from(node.querySelectorAll('[aria-label], [aria-description]'))) {
    const name = group.getAttribute('aria-label');
    if (name !== null) group.setAttribute('data-mark', name);
    group.removeAttribute('aria-label');
    group.removeAttribute('aria-description');
  }
  node.setAttribute('xmlns', SVG_NS);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  const title = svgElement('title', { id: `${id}-title` }, options.title);
  const desc = svgElement('desc', { id: `${id}-desc` }, options.description);
  node.insertBefore(desc, node.firstChild);
  node.insertBefore(title, desc);
  return serialise(node);
}

/**
 * The rules of Plot's <style> element, captured once from Plot itself for CHART_CLASS, less
 * its legacy "height: intrinsic" (for old Safari): our svg rule sets height: auto over it
 * anyway, and the Nu HTML Checker's CSS validator refuses the value where an embed inlines it.
 */
function plotStyleRules(): string {
  const node = Plot.plot({ document: document as unknown as Document, className: CHART_CLASS, marks: [] }) as unknown as Element;
  return Array.from(node.querySelectorAll('style'))
    .map((style) => (style.textContent ?? '').replace(/\s*height: intrinsic;/g, ''))
    .join('\n');
}

/** What a chart draws at one layout: Plot's options and its legend. */
export interface Drawing {
  plot: Plot.PlotOptions;
  legend?: LegendItem[];
}

/**
 * The classes of a chart's SVGs, by how it meets the width of its column: the wide SVG of a pair
 * and its narrow twin; an SVG that adapts by itself (the map); and a compact one, drawn once in
 * the narrow layout and shown at a phone's size at every width (see renderChart).
 */
export const WIDE_CLASS = `${CHART_CLASS}-wide`;
export const NARROW_CLASS = `${CHART_CLASS}-narrow`;
export const ADAPTIVE_CLASS = `${CHART_CLASS}-adaptive`;
export const COMPACT_CLASS = `${CHART_CLASS}-compact`;
/** The element that holds a chart's SVGs; its width decides which one shows. */
export const BOX_CLASS = `${CHART_CLASS}-box`;

/**
 * A chart at the layouts it needs; `draw` is called once for each (see layout.ts).
 *
 * - "pair" (the default): drawn wide and narrow. The wide SVG is the chart's image (its PNG and
 *   SVG files are made from it); the narrow one has ids of its own ("<id>-narrow-…") so both can
 *   sit in one page. For charts whose shape follows the width: bars, time axes.
 * - "compact": drawn once, narrow, and shown no wider than a phone's column anywhere: for a
 *   chart that reads as well small as large (a matrix, a list of facilities), at half the bytes
 *   of a pair.
 * - "adaptive": drawn once, wide, carrying both layouts' labels itself (groups of class
 *   WIDE_CLASS and NARROW_CLASS): a map keeps its shape at every width, only its labels change.
 */
export function renderChart(options: {
  id: string;
  title: string;
  description: string;
  draw: (layout: Layout) => Drawing;
  /** The wide layout's width, if not WIDE's. */
  width?: number | undefined;
  layouts?: 'pair' | 'compact' | 'adaptive';
}): Pick<Chart, 'svg' | 'narrowSvg'> {
  const { id, title, description } = options;
  const wide: Layout = { ...WIDE, width: options.width ?? WIDE.width };
  const render = (layout: Layout, svgId: string, classes: string[]) =>
    renderPlot({ id: svgId, title, description, ...options.draw(layout), fontSize: layout.fontSize, classes });
  switch (options.layouts ?? 'pair') {
    case 'adaptive':
      return { svg: render(wide, id, [ADAPTIVE_CLASS]), narrowSvg: null };
    case 'compact':
      return { svg: render(NARROW, id, [COMPACT_CLASS]), narrowSvg: null };
    case 'pair':
      return { svg: render(wide, id, [WIDE_CLASS]), narrowSvg: render(NARROW, `${slug(id)}-narrow`, [NARROW_CLASS]) };
  }
}

/**
 * A chart's SVGs as they go into a page or an embed: in one box whose width picks the layout.
 * Both SVGs are in the HTML, so the chart needs no script; the one that does not fit is not
 * displayed, which also hides it from assistive technology.
 */
export const chartMarkup = (chart: Pick<Chart, 'svg' | 'narrowSvg'>): string => `<div class="${BOX_CLASS}">${chart.svg}${chart.narrowSvg ?? ''}</div>`;

const px = (n: number) => `${Math.round(n)}px`;

/**
 * The CSS the charts need, for the site stylesheet (the charts carry no <style> of their own,
 * so a Content-Security-Policy without 'unsafe-inline' styles holds). Plot's own rules come
 * first, then ours: the SVG fills its container's width up to MAX_SCALE times its own and keeps
 * its aspect ratio; a container query shows the wide or the narrow layout by the width of the
 * box (not of the window, so a chart in an embed or a narrow column gets its own); and the
 * neutral colours turn dark with the page (themeCss). Printed charts are always light. The
 * rules also go inside the SVG files made for download, so they use no "<" (XML would refuse
 * it) and resvg, which draws the PNGs, skips what it does not know (container queries and
 * light-dark() are inside at-rules it passes over).
 *
 * An embed's frame is its chart's column, so an embed page passes `frame` (its body's padding)
 * and picks the layout by a media query on the frame's width instead: the Nu HTML Checker's CSS
 * validator, which reads the rules an embed carries inline, knows no container queries.
 */
export function chartCss(frame?: { padding: number }): string {
  const narrowAt = frame
    ? `@media (max-width: ${NARROW_BELOW - 0.02 + 2 * frame.padding}px)`
    : `@container (max-width: ${NARROW_BELOW - 0.02}px)`;
  const box = frame ? '' : `.${BOX_CLASS} {
  container-type: inline-size;
}
`;
  return `${plotStyleRules()}
svg.${CHART_CLASS} text {
  font-variant-numeric: tabular-nums;
}
svg.${CHART_CLASS} {
  width: 100%;
  max-width: min(100%, ${px(WIDE.width * MAX_SCALE)});
  height: auto;
  overflow: visible;
}
${box}svg.${COMPACT_CLASS} {
  max-width: min(100%, ${px(NARROW.width * MAX_SCALE)});
}
.${NARROW_CLASS} {
  display: none;
}
${narrowAt} {
  .${WIDE_CLASS} {
    display: none;
  }
  .${NARROW_CLASS} {
    display: inline;
  }
  svg.${NARROW_CLASS} {
    display: block;
    max-width: min(100%, ${px(NARROW.width * MAX_SCALE)});
  }
  svg.${ADAPTIVE_CLASS} {
    max-width: min(100%, ${px(NARROW.width * MAX_SCALE)});
  }
}
${themeCss(`.${CHART_CLASS}`)}@media print {
  svg.${CHART_CLASS} {
    color-scheme: light;
  }
}
`;
}

/** The chart rules of the site's pages (/charts.css) and of the chart images. */
export const CHART_CSS = chartCss();

/** Plot options for a chart with nothing to draw: the message, centred, in place of the chart. */
export function emptyPlot(message: string, layout: Layout = WIDE): Plot.PlotOptions {
  return {
    width: layout.width,
    height: 80,
    marginTop: 20,
    marks: [Plot.frame({ stroke: NEUTRAL.grid }), Plot.text([message], { frameAnchor: 'middle', fontSize: layout.fontSize + 1, lineWidth: (layout.width - 16) / (layout.fontSize + 1) })],
  };
}
