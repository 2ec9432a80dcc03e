// @ts-check
import sitemap from '@astrojs/sitemap';
import { writeFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { withBase } from './src/lib/base.ts';
import { EMBED_PREFIXES, headersFile } from './src/lib/security-headers.ts';
import { sitePath, siteUrlOrThrow } from './src/lib/site-url.ts';
import { dataPaths } from './src/lib/paths.ts';

// `npm run build` (scripts/build.ts) checks SITE_URL and the data before Astro starts and
// replaces the output folder only when the build succeeds; run `astro build` directly and a
// failed build can leave a half-written folder.
/**
 * `astro dev` with live data: the data files are not modules, so Vite does not see them
 * change. Watch the data folder and reload the browser on any change; the site model notices
 * the new files (src/lib/site.ts) and is rebuilt, with the validator's errors if there are any.
 * An integration's `astro:server:setup` runs for the dev server only (a Vite plugin's
 * configureServer would also run for the server `astro build` starts to sync), so a build
 * never watches.
 */
function liveData() {
  const dataDir = dataPaths().dataDir;
  return {
    name: 'batik-live-data',
    hooks: {
      /** @param {{ server: import('vite').ViteDevServer }} options */
      'astro:server:setup': ({ server }) => {
        server.watcher.add(dataDir);
        // Counted for the site model's cache key, from 0: a count at all tells the model the data is watched.
        const counter = /** @type {{ batikDataEdits?: number }} */ (globalThis);
        counter.batikDataEdits ??= 0;
        const reload = (/** @type {string} */ file) => {
          if (!file.startsWith(dataDir)) return;
          // An edit that keeps a file's size within one tick of its modification time ("2022" to
          // "2023") would otherwise look like no edit.
          counter.batikDataEdits = (counter.batikDataEdits ?? 0) + 1;
          server.ws.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
      },
    },
  };
}

// The public address of the site, for canonical links, the sitemap, oEmbed and embed
// snippets; set SITE_URL when deploying. The same check as the build script's, so
// `astro dev` and a direct `astro build` refuse a bad value too.
const site = siteUrlOrThrow(process.env);
// The folder the site is served under: '/' at the root of a host, '/batik/' for
// SITE_URL=https://example.org/batik/. Every address the site writes carries it (src/lib/base.ts);
// with trailingSlash 'ignore' Astro passes it on as written, final slash included.
const base = sitePath(site);
// Astro's server-side code reads every environment variable through import.meta.env, so one
// named BASE_URL (Vitest sets it for its tests' child processes; a CI may too) would win over
// `base` in the pages while Astro's own files kept `base`. The variable is made the base itself.
process.env.BASE_URL = base;

export default defineConfig({
  site,
  base,
  // BATIK_OUT_DIR lets tests and the benchmark build a second dataset beside dist/.
  outDir: process.env.BATIK_OUT_DIR ?? 'dist',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // Pages of one route are rendered a few at a time, so that while one waits for its PNG
    // (drawn by resvg on libuv's thread pool, src/lib/raster.ts) the next is rendered: the
    // images use the second core. HTML pages are rendered on one thread either way.
    concurrency: 4,
    // Stylesheets as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  vite: {
    // Scripts as files too (Astro inlines small ones otherwise), for the same reason.
    build: { assetsInlineLimit: 0 },
  },
  integrations: [
    liveData(),
    // Embed pages are bare charts for other sites' iframes, not pages to find in a search.
    sitemap({ filter: (page) => !EMBED_PREFIXES.some((prefix) => new URL(page).pathname.startsWith(withBase(prefix, base))) }),
    {
      // The _headers file for static hosts, generated from the site's sections.
      name: 'security-headers',
      hooks: {
        'astro:build:done': ({ dir }) => writeFileSync(new URL('_headers', dir), headersFile(base)),
      },
    },
  ],
});
