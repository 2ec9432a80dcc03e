import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * axe-core run in a served page. The pages forbid inline scripts (script-src 'self'), so
 * `page.addScriptTag({ content })` would be refused by the page's own policy. Instead the
 * axe source goes in through the DevTools protocol, which a page's CSP does not govern:
 * as an init script of the audit's browser context (`installAxe`, compiled once and
 * cached, so cheap per page) or, failing that, by `page.evaluate`. Either way the real
 * policy stays on during the audit (no `bypassCSP`), so the page axe sees is the page a
 * reader gets: anything the policy blocks stays blocked.
 */
const require = createRequire(import.meta.url);
const axeSource: string = (require('axe-core') as { source: string }).source;

/** The WCAG 2.0 and 2.1 levels A and AA rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  /** One line per failing element: its selector and opening HTML. */
  nodes: string[];
}

interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[];
}

/** Load axe into every page of a context before the page's own scripts run. */
export async function installAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/** Run axe over the whole document and return every violation of the WCAG A/AA rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(`${axeSource}\n;true`);
  const result = await page.evaluate(
    async (tags) =>
      (await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })) as AxeResult,
    [...WCAG_TAGS],
  );
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.map(String).join(' ')} ${n.html.slice(0, 200)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  }));
}

/** Violations as readable lines: page, rule, impact, element. */
export const describeViolations = (address: string, violations: readonly AxeViolation[]): string[] =>
  violations.flatMap((v) => v.nodes.map((n) => `${address} [${v.rule}, ${v.impact ?? 'n/a'}] ${v.help}: ${n}`));
