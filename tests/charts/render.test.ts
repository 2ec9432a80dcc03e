import * as Plot from '@observablehq/plot';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { CHART_CLASS, CHART_CSS, renderPlot, type RenderOptions } from '../../src/charts/render';

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

  it('rounds coordinates to hundredths but leaves text alone', () => {
    const svg = renderPlot(base({ plot: { width: 300, height: 97, marks: [Plot.dot([1 / 3, 2 / 7], { x: (d: number) => d, y: (d: number) => d }), Plot.text(['1.23456'], { frameAnchor: 'middle' })] } }));
    const numbers = [...svg.matchAll(/\s(?:cx|cy|x|y|transform|d)="([^"]*)"/g)].map((m) => m[1]!);
    for (const value of numbers) expect(value).not.toMatch(/\d\.\d{3,}/);
    expect(svg).toContain('>1.23456<');
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
