import { renderAsync } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * SVG to PNG with resvg, using fonts shipped in an npm package (DejaVu) rather than whatever
 * the machine has, so images come out the same on every machine. resvg draws on libuv's thread
 * pool (renderAsync), off the thread that renders pages: with the build rendering several
 * pages at once (astro.config.mjs, build.concurrency) images are drawn on every core.
 */
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(fontDir, f));

export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}
