import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngCacheKey, svgToPng } from '../../src/lib/raster';
import { temporaryFolders } from '../helpers/temp';

const svg = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="${fill}"/><text x="2" y="14">Batik</text></svg>`;
const isPng = (b: Buffer) => b.subarray(1, 4).toString('latin1') === 'PNG';

const newFolder = temporaryFolders();
const tempDir = () => newFolder('batik-raster-');

describe('chart images drawn once', () => {
  it('keeps a drawn PNG under the hash of its SVG and width, and gives the same bytes from the cache', async () => {
    const dir = tempDir();
    const drawn = await svgToPng(svg('#8a3a0c'), 80, dir);
    expect(isPng(drawn)).toBe(true);
    expect(readdirSync(dir)).toEqual([pngCacheKey(svg('#8a3a0c'), 80)]);
    expect(readFileSync(join(dir, pngCacheKey(svg('#8a3a0c'), 80)))).toEqual(drawn);
    expect(await svgToPng(svg('#8a3a0c'), 80, dir)).toEqual(drawn);
    expect(await svgToPng(svg('#8a3a0c'), 80, null)).toEqual(drawn);
  });

  it('serves a cached image instead of drawing it again', async () => {
    const dir = tempDir();
    const other = await svgToPng(svg('#1c1a17'), 80, null);
    // The cache entry for one SVG holds another's image: what comes back is what the cache holds.
    writeFileSync(join(dir, pngCacheKey(svg('#8a3a0c'), 80)), other);
    expect(await svgToPng(svg('#8a3a0c'), 80, dir)).toEqual(other);
  });

  it('draws again over a cache entry that is not a whole PNG', async () => {
    const dir = tempDir();
    const whole = await svgToPng(svg('#8a3a0c'), 80, null);
    const key = pngCacheKey(svg('#8a3a0c'), 80);
    for (const broken of [Buffer.from('not an image'), whole.subarray(0, whole.length - 20)]) {
      writeFileSync(join(dir, key), broken);
      expect(await svgToPng(svg('#8a3a0c'), 80, dir)).toEqual(whole);
      expect(readFileSync(join(dir, key))).toEqual(whole);
    }
  });

  it('keys differ with the SVG and the width', () => {
    expect(pngCacheKey(svg('#8a3a0c'), 80)).not.toBe(pngCacheKey(svg('#8a3a0d'), 80));
    expect(pngCacheKey(svg('#8a3a0c'), 80)).not.toBe(pngCacheKey(svg('#8a3a0c'), 160));
    expect(pngCacheKey(svg('#8a3a0c'), 80)).toMatch(/^[0-9a-f]{64}\.png$/);
  });
});
