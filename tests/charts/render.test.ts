import * as Plot from '@observablehq/plot';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { NARROW, NARROW_BELOW, WIDE } from '../../src/charts/layout';
import { ADAPTIVE_CLASS, BOX_CLASS, CHART_CLASS, CHART_CSS, chartCss, chartMarkup, COMPACT_CLASS, NARROW_CLASS, renderChart, renderPlot, WIDE_CLASS, type RenderOptions } from '../../src/charts/render';

const base = (o: Partial<RenderOptions> = {}): RenderOptions => ({
  id: 'test-chart',
  title: 'A title',
  description: 'A description.',
  plot: { width: 300, height: 120, marks: [Plot.dot([{ x: 1 / 3, y: 2 / 3 }, { x: 1, y: 1 }], { x: 'x', y: 'y' })] },
  ...o,
});

describe('renderPlot', () => {
  it('returns a bare, accessible SVG with its title and description first', () => {
    const svg = renderPlot(base());
    expect(svg.startsWith('<svg')).toBe(true);
    const $ = load(svg, { xml: true });
    const root = $('svg');
    expect(root.attr('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.attr('class')).toBe(CHART_CLASS);
    expect(root.attr('role')).toBe('img');
    expect(root.attr('aria-labelledby')).toBe('test-chart-title test-chart-desc');
    expect(root.attr('viewBox')).toBe('0 0 300 120');
    expect(root.children().first().is('title#test-chart-title')).toBe(true);
    expect(root.children().eq(1).is('desc#test-chart-desc')).toBe(true);
    expect($('title#test-chart-title').text()).toBe('A title');
    expect($('desc#test-chart-desc').text()).toBe('A description.');
  });

  it('moves Plot’s <style> out of the SVG and into CHART_CSS, and writes no style attribute', () => {
    const svg = renderPlot(base());
    expect(svg).not.toMatch(/<style|\sstyle=/);
    expect(CHART_CSS).toContain(`:where(.${CHART_CLASS})`);
    expect(CHART_CSS).toContain(`svg.${CHART_CLASS}`);
    expect(CHART_CSS).toMatch(/width: 100%;[\s\S]*height: auto;/);
    expect(CHART_CSS).not.toMatch(/\.plot-[0-9a-f]/);
  });

  it('escapes the title and description it inserts', () => {
    const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const svg = renderPlot(base({ title: hostile, description: `${hostile} & more` }));
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;"&gt;&lt;img');
    const $ = load(svg, { xml: true });
    expect($('title').first().text()).toBe(hostile);
    expect($('desc').text()).toBe(`${hostile} & more`);
  });

  it('escapes text and attributes that Plot writes', () => {
    const hostile = '"><img onerror=x>';
    const svg = renderPlot(
      base({ plot: { marks: [Plot.text([hostile], { x: 0, y: 0, text: (d: string) => d, title: (d: string) => d })] } }),
    );
    expect(svg).not.toMatch(/<img/i);
    expect(load(svg, { xml: true })('g[data-mark="text"] text').text()).toContain(hostile);
  });

  it('makes a safe id from any chart id', () => {
    const svg = renderPlot(base({ id: 'Peta "Kota" <1>' }));
    expect(load(svg, { xml: true })('svg').attr('aria-labelledby')).toBe('peta-kota-1-title peta-kota-1-desc');
  });

  it('renames Plot’s counter-based ids after the chart, so output does not depend on render order', () => {
    const clipped = (id: string): RenderOptions =>
      base({ id, plot: { width: 200, height: 100, marks: [Plot.dot([{ x: 1, y: 1 }], { x: 'x', y: 'y', clip: true })] } });
    const first = renderPlot(clipped('one'));
    renderPlot(clipped('other')); // advances Plot's internal counter
    const again = renderPlot(clipped('one'));
    expect(again).toBe(first);
    expect(first).toContain('id="one-ref-1"');
    expect(first).toContain('url(#one-ref-1)');
    expect(first).not.toMatch(/plot-clip/);
  });

  it('rounds coordinates to tenths but leaves text and em lengths alone', () => {
    const svg = renderPlot(base({ plot: { width: 300, height: 97, marks: [Plot.dot([1 / 3, 2 / 7], { x: (d: number) => d, y: (d: number) => d }), Plot.text(['1.23456'], { frameAnchor: 'middle' })] } }));
    const numbers = [...svg.matchAll(/\s(?:cx|cy|x|y|transform|d)="([^"]*)"/g)].map((m) => m[1]!);
    for (const value of numbers.filter((v) => !v.endsWith('em'))) expect(value).not.toMatch(/\d\.\d{2,}/);
    expect(svg).toContain('>1.23456<');
    expect(svg).toContain('y="0.32em"');
  });

  it('draws a legend inside the SVG, above the chart', () => {
    const without = renderPlot(base({ plot: { width: 300, height: 120, marginTop: 20, marks: [] } }));
    const withLegend = renderPlot(
      base({
        plot: { width: 300, height: 120, marginTop: 20, marks: [] },
        legend: [
          { label: 'Circle', symbol: 'circle', fill: '#000' },
          { label: '<b>bold</b>', symbol: 'square', line: 'dashed' },
          { label: 'Tick', glyph: '✓' },
        ],
      }),
    );
    const $ = load(withLegend, { xml: true });
    expect($(`g.${CHART_CLASS}-legend > g`)).toHaveLength(3);
    expect($(`g.${CHART_CLASS}-legend text`).map((_, el) => $(el).text()).get()).toEqual(['Circle', '<b>bold</b>', '✓', 'Tick']);
    expect($(`g.${CHART_CLASS}-legend line[stroke-dasharray]`)).toHaveLength(1);
    expect(withLegend).not.toContain('<b>');
    expect(without).not.toContain('legend');
  });

  it('refuses Plot options that would wrap the SVG in HTML', () => {
    const marks = [Plot.dot(['a', 'b'], { x: (d: string) => d, fill: (d: string) => d })];
    expect(() => renderPlot(base({ plot: { color: { legend: true }, marks } }))).toThrow(/bare <svg>/);
    expect(() => renderPlot(base({ plot: { title: 'Plot’s own title', marks } }))).toThrow(/bare <svg>/);
  });
});

describe('long straight paths', () => {
  it('are written in relative steps between rounded points, dropping points that round onto the last', () => {
    const ring = Array.from({ length: 60 }, (_, i) => [100 + 50 * Math.cos(i / 10), 60 + 40 * Math.sin(i / 10)] as const);
    const d = `M${ring.map(([x, y]) => `${x},${y}`).join('L')}ZM10,10L10.01,10.01L20,10Z`;
    // Through the serialiser: a mark that draws one path element with that d.
    const withPath = renderPlot(
      base({
        plot: {
          width: 300,
          height: 120,
          marks: [
            (_index: number[], _scales: unknown, _values: unknown, _dimensions: unknown, context: { document: Document }) => {
              const path = context.document.createElementNS('http://www.w3.org/2000/svg', 'path');
              path.setAttribute('d', d);
              return path as unknown as SVGElement;
            },
          ],
        },
      }),
    );
    const compact = /<path d="([^"]+)"/.exec(withPath)![1]!;
    expect(compact.length).toBeLessThan(d.length / 2);
    expect(compact.startsWith(`M${Math.round(ring[0]![0] * 10) / 10},${Math.round(ring[0]![1] * 10) / 10}l`)).toBe(true);
    // The second ring starts afresh, absolute, and its near-duplicate point is gone.
    expect(compact).toContain('ZM10,10l10,0Z');
    // Walking the steps from the start gives back every rounded point.
    const steps = compact.split('Z')[0]!.slice(1).split('l');
    const [start, rest] = [steps[0]!.split(',').map(Number), steps[1]!.match(/-?\d+(?:\.\d+)?/g)!.map(Number)];
    let [x, y] = start as [number, number];
    for (let i = 0; i < rest.length; i += 2) [x, y] = [Math.round((x + rest[i]!) * 10) / 10, Math.round((y + rest[i + 1]!) * 10) / 10];
    expect([x, y]).toEqual(ring.map(([px, py]) => [Math.round(px * 10) / 10, Math.round(py * 10) / 10]).at(-1));
  });
});

describe('renderChart and chartMarkup', () => {
  const draw = (layout: { width: number; fontSize: number; narrow: boolean }) => ({
    plot: { width: layout.width, height: 100, marks: [Plot.text([layout.narrow ? 'narrow' : 'wide'], { frameAnchor: 'middle' })] },
  });
  const classes = (svg: string | null) => load(svg ?? '', { xml: true })('svg').attr('class');

  it('draws a pair: the wide layout as the image, the narrow one with ids of its own', () => {
    const chart = renderChart({ id: 'pair', title: 'T', description: 'D', draw });
    expect(classes(chart.svg)).toBe(`${CHART_CLASS} ${WIDE_CLASS}`);
    expect(classes(chart.narrowSvg)).toBe(`${CHART_CLASS} ${NARROW_CLASS}`);
    expect(load(chart.svg, { xml: true })('svg').attr('viewBox')).toBe(`0 0 ${WIDE.width} 100`);
    expect(load(chart.narrowSvg!, { xml: true })('svg').attr('viewBox')).toBe(`0 0 ${NARROW.width} 100`);
    expect(load(chart.svg, { xml: true })('svg').attr('font-size')).toBe(String(WIDE.fontSize));
    expect(load(chart.narrowSvg!, { xml: true })('svg').attr('aria-labelledby')).toBe('pair-narrow-title pair-narrow-desc');
    expect(chartMarkup(chart)).toBe(`<div class="${BOX_CLASS}">${chart.svg}${chart.narrowSvg}</div>`);
  });

  it('draws a compact chart once, narrow, and an adaptive one once, wide', () => {
    const compact = renderChart({ id: 'c', title: 'T', description: 'D', draw, layouts: 'compact' });
    expect(compact.narrowSvg).toBeNull();
    expect(classes(compact.svg)).toBe(`${CHART_CLASS} ${COMPACT_CLASS}`);
    expect(compact.svg).toContain('>narrow<');
    expect(load(compact.svg, { xml: true })('svg').attr('viewBox')).toBe(`0 0 ${NARROW.width} 100`);
    const adaptive = renderChart({ id: 'a', title: 'T', description: 'D', draw, layouts: 'adaptive' });
    expect(adaptive.narrowSvg).toBeNull();
    expect(classes(adaptive.svg)).toBe(`${CHART_CLASS} ${ADAPTIVE_CLASS}`);
    expect(chartMarkup(adaptive)).toBe(`<div class="${BOX_CLASS}">${adaptive.svg}</div>`);
  });

  it('shows one layout by the width of the box, with no script, and its CSS fits inside an SVG file', () => {
    expect(CHART_CSS).toContain(`.${BOX_CLASS} {\n  container-type: inline-size;`);
    expect(CHART_CSS).toContain(`@container (max-width: ${NARROW_BELOW - 0.02}px)`);
    expect(CHART_CSS).toMatch(new RegExp(`\\.${NARROW_CLASS} \\{\\n  display: none;`));
    // The rules go into the standalone SVG file's <style>, which is XML.
    expect(CHART_CSS).not.toMatch(/[<&]/);
    expect(CHART_CSS).toContain('light-dark(');
  });

  it('in an embed, shows one layout by the width of the frame, in rules the Nu HTML Checker reads', () => {
    const frame = chartCss({ padding: 8 });
    expect(frame).toContain(`@media (max-width: ${NARROW_BELOW - 0.02 + 16}px)`);
    expect(frame).not.toMatch(/@container|container-type|intrinsic/);
    expect(CHART_CSS).not.toContain('intrinsic');
    // Everything else is the site's rules.
    expect(frame.replace(/@media \(max-width: [\d.]+px\)/, '')).toBe(CHART_CSS.replace(`.${BOX_CLASS} {\n  container-type: inline-size;\n}\n`, '').replace(/@container \(max-width: [\d.]+px\)/, ''));
  });
});
