import { renderAsync } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cacheDir, readCache, writeCache } from './build-cache';

/**
 * SVG to PNG with resvg, using fonts shipped in an npm package (DejaVu) rather than whatever
 * the machine has, so images come out the same on every machine. resvg draws on libuv's thread
 * pool (renderAsync), off the thread that renders pages: with the build rendering several
 * pages at once (astro.config.mjs, build.concurrency) images are drawn on every core.
 *
 * Drawing is most of what a chart's image costs, and a new report changes a few charts, not
 * all of them: each PNG is kept on disk under a hash of everything it is drawn from (the SVG,
 * the width, resvg's and the fonts' versions), so a rebuild draws only the images whose SVG
 * changed (src/lib/build-cache.ts). The same input always gives the same bytes, cached or not.
 */
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(fontDir, f));
const RENDERER = `resvg ${(require('@resvg/resvg-js/package.json') as { version: string }).version}; dejavu ${(require('dejavu-fonts-ttf/package.json') as { version: string }).version}; ${FONT_FILES.map((f) => f.slice(fontDir.length + 1)).join(',')}`;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The file name of an image in the cache: a hash of everything that decides its pixels. */
export const pngCacheKey = (svg: string, width: number): string =>
  `${createHash('sha256').update(`${RENDERER}\nwidth ${width}\n`).update(svg).digest('hex')}.png`;

async function draw(svg: string, width: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}

export async function svgToPng(svg: string, width: number, dir: string | null = cacheDir('images')): Promise<Buffer> {
  if (dir === null) return draw(svg, width);
  const name = pngCacheKey(svg, width);
  const cached = readCache(dir, name);
  if (cached && cached.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE) && cached.subarray(-8, -4).toString('latin1') === 'IEND') return cached;
  const png = await draw(svg, width);
  writeCache(dir, name, png);
  return png;
}
