import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/**
 * Counts for the closing summary of the quality suite. Test files run in separate
 * workers, so each records its counts in its own small JSON file in a folder the global
 * setup made; the global teardown adds them up and prints one line.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    qualityTallyDir: string;
  }
}

export type TallyKey =
  | 'pages checked'
  | 'browser loads'
  | 'axe runs'
  | 'axe violations'
  | 'HTML files'
  | 'HTML errors'
  | 'links checked'
  | 'broken links'
  | 'console errors'
  | 'CSP violations'
  | 'failed requests'
  | 'hostile cases'
  | 'hostile problems';

const counts = new Map<TallyKey, number>();
let file: string | null = null;

/** Add to a count of this test file; written at once, so a crash later loses nothing. */
export function tally(key: TallyKey, n = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
  if (!file) {
    const dir = inject('qualityTallyDir');
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    file = join(dir, `${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  }
  writeFileSync(file, JSON.stringify(Object.fromEntries(counts)));
}
