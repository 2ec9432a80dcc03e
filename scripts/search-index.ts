/**
 * The site's search index, made with Pagefind over the pages Astro has just built. scripts/build.ts
 * runs it on the temporary folder before that folder replaces the output, so a failed index fails
 * the build and the previous build stays as it was.
 *
 * What is indexed: every HTML page but the embeds (bare charts for other sites) and the 404 page,
 * and of each page only its main content, the `<main data-pagefind-body>` of src/layouts/Base.astro
 * (never the header, navigation or footer). The search page has no such attribute, and Pagefind
 * leaves out every page without one. Pagefind keeps one index per language, from each page's
 * `<html lang>`, and the search page loads the one of its own language.
 *
 * Pagefind's Node API drives its binary, which npm installs from the platform package among
 * pagefind's optional dependencies (`@pagefind/linux-x64` and so on; see `npm run lock`).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_BUNDLE } from '../src/lib/routes';
import { EMBED_PREFIXES } from '../src/lib/security-headers';

/**
 * Inside the main content, what is not text to find: the charts' SVG (their figures are in the
 * tables beside them) and the embed panels' snippets of code.
 */
const EXCLUDE_SELECTORS = ['svg', 'details.embed'];

/**
 * Files Pagefind writes that the site never loads: its ready-made interfaces (the search page
 * has its own, src/scripts/search.ts), the highlighter, the web worker (search runs on the
 * page's own thread) and the WebAssembly for pages without a language (every page has one).
 */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
  'wasm.unknown.pagefind',
];

/** The address a built file is served at: kota/blitar/index.html → /kota/blitar/. */
const address = (root: string, file: string) => `/${relative(root, file).split(sep).join('/')}`.replace(/index\.html$/, '');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return htmlFiles(path);
      return name.endsWith('.html') ? [path] : [];
    });
}

/** Whether a page at this address may be in the search: not an embed, not the 404 page. */
const indexable = (path: string) => path !== '/404.html' && !EMBED_PREFIXES.some((p) => path.startsWith(p));

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * Index the built site in `root` and write Pagefind's bundle to `root` + SEARCH_BUNDLE. Returns
 * the number of pages indexed in each language; throws SearchIndexError when Pagefind reports an
 * error or its index does not hold exactly the pages meant for it.
 */
export async function buildSearchIndex(root: string): Promise<Record<string, number>> {
  const expected: Record<string, number> = {};
  const created = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
  try {
    const { index } = created;
    if (!index || created.errors.length) throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ') || 'no index'}.`);
    for (const file of htmlFiles(root)) {
      const url = address(root, file);
      if (!indexable(url)) continue;
      const content = readFileSync(file, 'utf8');
      const lang = /<html\b[^>]*\slang="([^"]+)"/i.exec(content)?.[1];
      if (!lang) throw new SearchIndexError(`${url} has no <html lang>, so Pagefind cannot tell which language's index it belongs to.`);
      // Escaped text cannot forge this: a page's own <main> tag carries the attribute.
      if (/<main\b[^>]*\sdata-pagefind-body/.test(content)) expected[lang] = (expected[lang] ?? 0) + 1;
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length) throw new SearchIndexError(`Pagefind could not index ${url}: ${added.errors.join('; ')}.`);
    }
    const output = join(root, SEARCH_BUNDLE);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new SearchIndexError(`Pagefind could not write its bundle: ${written.errors.join('; ')}.`);

    // What the browser will load: one index per language, each with exactly the pages meant for it.
    const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
    const describe = (counts: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(counts).sort()));
    if (Object.keys(expected).length === 0) throw new SearchIndexError('No page is marked for the search (data-pagefind-body on <main>).');
    if (describe(indexed) !== describe(expected))
      throw new SearchIndexError(`The index holds ${describe(indexed)} pages by language, but the built pages marked for it are ${describe(expected)}.`);

    for (const name of UNUSED) rmSync(join(output, name), { force: true });
    return indexed;
  } finally {
    await pagefind.close();
  }
}

/** Stop Pagefind (on Ctrl-C): whatever buildSearchIndex is waiting for fails at once. */
export const stopSearchIndex = () => pagefind.close();
