import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyPaths } from '../helpers/markup';

/**
 * Every SVG the build wrote, as a file or inline in a page, over dist/ (npm test builds it
 * first); BATIK_OUT_DIR (as in astro.config.mjs) points at another build.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (/\.(svg|html)$/.test(name)) out.push(path);
  }
  return out;
}

beforeAll(() => {
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/ is missing: run \`npm run build\` first (npm test does)`);
});

describe('SVG in dist/', () => {
  it('has no empty path in any .svg file or inline <svg> of a page', () => {
    const all = files(dist);
    expect(all.some((f) => f.endsWith('.svg'))).toBe(true);
    const found: string[] = [];
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      // Only files that draw a path at all are parsed; most of the site's pages do.
      if (!text.includes('<path')) continue;
      for (const path of emptyPaths(text, file.endsWith('.svg'))) found.push(`${relative(dist, file)}: ${path}`);
    }
    expect(found).toEqual([]);
  });
});

describe('emptyPaths', () => {
  it.each([
    ['<svg><path/></svg>', 1],
    ['<svg><path d=""/></svg>', 1],
    ['<svg><path d="  " fill="red"></path></svg>', 1],
    ['<svg><path fill="red" /></svg>', 1],
    ['<svg><path d="M0,0L1,1"/></svg>', 0],
    ['<p>a <code>&lt;path/&gt;</code> in text</p>', 0],
  ])('%s has %i', (markup, count) => {
    expect(emptyPaths(markup)).toHaveLength(count);
    expect(emptyPaths(markup, true)).toHaveLength(count);
  });
});
