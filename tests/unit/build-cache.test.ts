import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DAYS, cacheDir, cached, cachedAsync, codeFingerprint, inputText, pruneCache, resultCacheDir, resultKey, type CacheCodec } from '../../src/lib/build-cache';
import { temporaryFolders } from '../helpers/temp';

const newFolder = temporaryFolders();
const tempDir = () => newFolder('batik-cache-');

const text: CacheCodec<string> = {
  folder: 'texts',
  extension: 'txt',
  encode: (value) => `whole:${value}`,
  decode: (bytes) => (bytes.toString('utf8').startsWith('whole:') ? bytes.toString('utf8').slice(6) : null),
};

/** A result maker that counts its calls. */
function maker(result: string) {
  const made = { calls: 0, make: () => (made.calls++, result) };
  return made;
}

describe('the build cache', () => {
  it('makes a result once and serves it to the next build with the same inputs', () => {
    const dir = tempDir();
    const inputs = [{ city: 'blitar', events: [1, 2, 3] }, 'id'];
    const first = maker('<svg>1</svg>');
    expect(cached('chart', inputs, first.make, text, dir)).toBe('<svg>1</svg>');
    expect(first.calls).toBe(1);
    expect(readdirSync(dir)).toEqual([resultKey('chart', inputs, 'txt')]);
    const second = maker('never used');
    expect(cached('chart', structuredClone(inputs), second.make, text, dir)).toBe('<svg>1</svg>');
    expect(second.calls).toBe(0);
  });

  it('makes the result again when anything reachable from the inputs changes, a Map entry included', () => {
    const dir = tempDir();
    const statuses = new Map([['f1', [{ status: 'built', date: '2019' }]]]);
    const inputs = [[{ id: 'f1' }], statuses];
    cached('facilities', inputs, maker('old').make, text, dir);
    statuses.get('f1')![0]!.status = 'closed';
    const again = maker('new');
    expect(cached('facilities', inputs, again.make, text, dir)).toBe('new');
    expect(again.calls).toBe(1);
    // The same inputs under another kind of result are another result.
    expect(cached('workbook', inputs, maker('other kind').make, text, dir)).toBe('other kind');
  });

  it('makes again over a file that is not a whole result, and keeps nothing without a folder', async () => {
    const dir = tempDir();
    const name = resultKey('chart', ['x'], 'txt')!;
    writeFileSync(join(dir, name), 'cut sh');
    expect(cached('chart', ['x'], maker('redrawn').make, text, dir)).toBe('redrawn');
    expect(readFileSync(join(dir, name), 'utf8')).toBe('whole:redrawn');
    const off = maker('each time');
    cached('chart', ['x'], off.make, text, null);
    expect(await cachedAsync('chart', ['x'], async () => off.make(), text, null)).toBe('each time');
    expect(off.calls).toBe(2);
    expect(await cachedAsync('chart', ['x'], async () => 'not called', text, dir)).toBe('redrawn');
  });

  it('writes the inputs out whole, and fails loudly on what it cannot write out rather than keying on part of them', () => {
    expect(inputText([new Map([['a', new Set([1, NaN])]]), null])).toBe('[{"<Map>":[["a",{"<Set>":[1,{"<number>":"NaN"}]}]]},null]');
    expect(inputText([NaN])).not.toBe(inputText([null]));
    expect(() => cached('chart', [{ draw: () => 1 }], maker('x').make, text, tempDir())).toThrow(/a function at "draw"/);
  });

  it('fingerprints the code: a change to any source file is a new fingerprint; no source, no caching', () => {
    const cwd = tempDir();
    expect(codeFingerprint(cwd)).toBeNull();
    const project = tempDir();
    mkdirSync(join(project, 'src', 'charts'), { recursive: true });
    writeFileSync(join(project, 'src', 'charts', 'bars.ts'), 'export const bars = 1;');
    writeFileSync(join(project, 'package-lock.json'), '{}');
    const before = codeFingerprint(project);
    expect(before).toMatch(new RegExp(`^node ${process.versions.node} icu ${process.versions.icu} [0-9a-f]{64}$`));
    const edited = tempDir();
    mkdirSync(join(edited, 'src', 'charts'), { recursive: true });
    writeFileSync(join(edited, 'src', 'charts', 'bars.ts'), 'export const bars = 2;');
    writeFileSync(join(edited, 'package-lock.json'), '{}');
    expect(codeFingerprint(edited)).not.toBe(before);
    const newerLock = tempDir();
    mkdirSync(join(newerLock, 'src', 'charts'), { recursive: true });
    writeFileSync(join(newerLock, 'src', 'charts', 'bars.ts'), 'export const bars = 1;');
    writeFileSync(join(newerLock, 'package-lock.json'), '{"plot":"0.6.18"}');
    expect(codeFingerprint(newerLock)).not.toBe(before);
  });

  it(`prunes files unused for ${CACHE_DAYS} days, and keeps the rest`, () => {
    const dir = tempDir();
    const now = Date.now();
    const day = 86_400_000;
    for (const [name, age] of [['old.png', CACHE_DAYS + 1], ['recent.png', CACHE_DAYS - 1], ['x.png.1.ab.partial', CACHE_DAYS + 2]] as const) {
      writeFileSync(join(dir, name), 'x');
      const t = new Date(now - age * day);
      utimesSync(join(dir, name), t, t);
    }
    expect(pruneCache(dir, CACHE_DAYS, now)).toBe(2);
    expect(readdirSync(dir)).toEqual(['recent.png']);
    expect(pruneCache(join(dir, 'missing'))).toBe(0);
  });

  it('is kept in node_modules/.cache unless BATIK_CACHE names a folder or is "off"', () => {
    expect(cacheDir('images', {}, '/repo')).toBe('/repo/node_modules/.cache/batik/images');
    expect(cacheDir('charts', { BATIK_CACHE: 'cache' }, '/repo')).toBe('/repo/cache/charts');
    expect(cacheDir('images', { BATIK_CACHE: '/tmp/c' }, '/repo')).toBe('/tmp/c/images');
    expect(cacheDir('images', { BATIK_CACHE: 'off' }, '/repo')).toBeNull();
  });

  it('keeps no result keyed on the code under astro dev, whose code changes while it runs', () => {
    expect(resultCacheDir('charts', { NODE_ENV: 'development', BATIK_CACHE: '/tmp/c' })).toBeNull();
    expect(resultCacheDir('charts', { NODE_ENV: 'production', BATIK_CACHE: '/tmp/c' })).toBe('/tmp/c/charts');
    expect(resultCacheDir('charts', { BATIK_CACHE: '/tmp/c' })).toBe('/tmp/c/charts');
  });
});
