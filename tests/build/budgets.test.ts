import { describe, expect, it } from 'vitest';
import budgets from '../budgets.json';
import { pageWeight } from '../helpers/weight';

/** Page-weight budgets over dist/: each figure is printed beside its budget. */
describe('page-weight budgets', () => {
  it.each(Object.entries(budgets.pages))('%s page stays within budget', (name, budget) => {
    const w = pageWeight('dist', budget.path);
    console.log(
      `budget ${name.padEnd(5)} ${budget.path.padEnd(20)} ${String(w.gzipBytes).padStart(6)} / ${budget.gzipBytes} B gzip · ` +
        `${w.requests} / ${budget.requests} requests · JS ${w.scriptGzipBytes} / ${budget.scriptGzipBytes} B · JS needed to see content: 0 ` +
        `(${w.chartsInHtml} charts, ${w.tablesInHtml} tables in the HTML)`,
    );
    expect(w.gzipBytes).toBeLessThanOrEqual(budget.gzipBytes);
    expect(w.requests).toBeLessThanOrEqual(budget.requests);
    expect(w.scriptGzipBytes).toBeLessThanOrEqual(budget.scriptGzipBytes);
    // Content needs no JavaScript: the charts are in the HTML as SVG.
    expect(w.chartsInHtml).toBeGreaterThan(0);
  });
});
