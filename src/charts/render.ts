import * as Plot from '@observablehq/plot';
import * as d3 from 'd3';
import { parseHTML } from 'linkedom';
import { DEFAULT_WIDTH, estimateTextWidth, shorten, slug } from './layout';

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
 * renamed after the chart's id and coordinates are rounded to hundredths, so a snapshot only
 * changes when the drawing does.
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
}

const LEGEND_ROW = 18;
const LEGEND_SWATCH = 16;

interface PlacedLegendItem {
  item: LegendItem;
  label: string;
  x: number;
  y: number;
}

function placeLegend(items: readonly LegendItem[], width: number, left: number): { placed: PlacedLegendItem[]; height: number } {
  const placed: PlacedLegendItem[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const label = shorten(item.label, 48);
    const itemWidth = LEGEND_SWATCH + 4 + estimateTextWidth(label) + 18;
    if (x > left && x + itemWidth > width) {
      row += 1;
      x = left;
    }
    placed.push({ item, label, x, y: 6 + row * LEGEND_ROW + LEGEND_ROW / 2 });
    x += itemWidth;
  }
  return { placed, height: items.length ? (row + 1) * LEGEND_ROW + 8 : 0 };
}

function svgElement(name: string, attributes: Record<string, string | number>, text?: string): Element {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function drawLegend(placed: readonly PlacedLegendItem[]): Element {
  const group = svgElement('g', { class: `${CHART_CLASS}-legend`, 'font-size': 10, 'text-anchor': 'start' });
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

const roundNumbers = (value: string): string =>
  value.replace(/-?(?:\d+\.\d*|\.\d+|\d+)(?:e[-+]?\d+)?/gi, (n) => {
    const rounded = Math.round(Number(n) * 100) / 100;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });

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
    const value = GEOMETRY_ATTRIBUTES.has(attribute.name) ? roundNumbers(attribute.value) : attribute.value;
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
  const legend = options.legend?.length ? placeLegend(options.legend, width - 4, 4) : null;
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

/** The rules of Plot's <style> element, captured once from Plot itself for CHART_CLASS. */
function plotStyleRules(): string {
  const node = Plot.plot({ document: document as unknown as Document, className: CHART_CLASS, marks: [] }) as unknown as Element;
  return Array.from(node.querySelectorAll('style'))
    .map((style) => style.textContent ?? '')
    .join('\n');
}

/**
 * The CSS the charts need, for the site stylesheet (the charts carry no <style> of their own,
 * so a Content-Security-Policy without 'unsafe-inline' styles holds). Plot's own rules come
 * first, then ours: the SVG fills its container's width and keeps its aspect ratio.
 */
export const CHART_CSS = `${plotStyleRules()}
svg.${CHART_CLASS} text {
  font-variant-numeric: tabular-nums;
}
svg.${CHART_CLASS} {
  width: 100%;
  max-width: 100%;
  height: auto;
  overflow: visible;
}
`;

/** Plot options for a chart with nothing to draw: the message, centred, in place of the chart. */
export function emptyPlot(message: string, width: number = DEFAULT_WIDTH): Plot.PlotOptions {
  return {
    width,
    height: 80,
    marginTop: 20,
    marks: [Plot.frame({ stroke: '#d0d0d0' }), Plot.text([message], { frameAnchor: 'middle', fontSize: 12 })],
  };
}
