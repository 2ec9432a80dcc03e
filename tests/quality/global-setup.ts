import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Gives the quality tests a folder to record their counts in (see tests/helpers/tally.ts)
 * and, when the run is over, prints one summary line from what they recorded. Runs for the
 * whole suite; it prints nothing when no quality test recorded anything.
 */
const ORDER = [
  'pages checked',
  'browser loads',
  'axe runs',
  'axe violations',
  'HTML files',
  'HTML errors',
  'links checked',
  'broken links',
  'console errors',
  'CSP violations',
  'failed requests',
  'hostile cases',
  'hostile problems',
];

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'batik-quality-tally-'));
  project.provide('qualityTallyDir', dir);
  return () => {
    const totals = new Map<string, number>();
    for (const name of readdirSync(dir)) {
      try {
        const counts = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, number>;
        for (const [k, v] of Object.entries(counts)) totals.set(k, (totals.get(k) ?? 0) + v);
      } catch {
        // A file cut short by a crashed worker: its counts are lost, the others still add up.
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (totals.size === 0) return;
    const keys = [...ORDER.filter((k) => totals.has(k)), ...[...totals.keys()].filter((k) => !ORDER.includes(k))];
    console.log(`\nquality: ${keys.map((k) => `${k} ${totals.get(k)}`).join(', ')}\n`);
  };
}
