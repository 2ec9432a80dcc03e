import { renderAsync } from '@resvg/resvg-js';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * SVG to PNG with resvg, using fonts shipped in an npm package (DejaVu) rather than whatever
 * the machine has, so images come out the same on every machine. resvg draws on libuv's thread
 * pool (renderAsync), off the thread that renders pages: with the build rendering several
 * pages at once (astro.config.mjs, build.concurrency) images are drawn on every core.
 *
 * Drawing is most of what a chart's image costs, and a new report changes a few charts, not
 * all of them: each PNG is kept on disk under a hash of everything it is drawn from (the SVG,
 * the width, resvg's and the fonts' versions), so a rebuild draws only the images whose SVG
 * changed. The same input always gives the same bytes, cached or not.
 */
const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(fontDir, f));
const RENDERER = `resvg ${(require('@resvg/resvg-js/package.json') as { version: string }).version}; dejavu ${(require('dejavu-fonts-ttf/package.json') as { version: string }).version}; ${FONT_FILES.map((f) => f.slice(fontDir.length + 1)).join(',')}`;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Cached images not used for this many days are removed, so the cache holds about what recent builds drew. */
export const IMAGE_CACHE_DAYS = 14;

/**
 * Where drawn images are kept: BATIK_IMAGE_CACHE names a folder, "off" keeps none; by default
 * node_modules/.cache/batik-images, where build tools keep their caches (outside git, and gone
 * with a fresh `npm ci`).
 */
export function imageCacheDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string | null {
  const set = env.BATIK_IMAGE_CACHE;
  if (set === 'off') return null;
  return set ? resolve(cwd, set) : join(cwd, 'node_modules', '.cache', 'batik-images');
}

/** The file name of an image in the cache: a hash of everything that decides its pixels. */
export const pngCacheKey = (svg: string, width: number): string =>
  `${createHash('sha256').update(`${RENDERER}\nwidth ${width}\n`).update(svg).digest('hex')}.png`;

/** Removes the files of a cache folder not used (read or written) for `days` days; returns how many. */
export async function pruneImageCache(dir: string, days = IMAGE_CACHE_DAYS, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  // Half-written files a stopped build left behind go the same way.
  for (const name of names) {
    const path = join(dir, name);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs > days * 86_400_000) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Each cache folder is pruned once per process, before its first image is looked up. */
const pruned = new Map<string, Promise<number>>();

async function draw(svg: string, width: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}

export async function svgToPng(svg: string, width: number, cacheDir: string | null = imageCacheDir()): Promise<Buffer> {
  if (cacheDir === null) return draw(svg, width);
  if (!pruned.has(cacheDir)) pruned.set(cacheDir, pruneImageCache(cacheDir));
  await pruned.get(cacheDir);
  const path = join(cacheDir, pngCacheKey(svg, width));
  const cached = await readFile(path).catch(() => null);
  // A file cut short or overwritten by anything else is drawn again, never served.
  if (cached && cached.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE) && cached.subarray(-8, -4).toString('latin1') === 'IEND') {
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return cached;
  }
  const png = await draw(svg, width);
  // Written under a name of its own and renamed, so a build running beside this one never reads half a file.
  await mkdir(cacheDir, { recursive: true });
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  await writeFile(partial, png);
  await rename(partial, path);
  return png;
}
