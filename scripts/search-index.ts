/**
 * The site's search index, made with Pagefind over the pages Astro builds. scripts/build.ts makes
 * it in the temporary folder before that folder replaces the output, so a failed index fails the
 * build and the previous build stays as it was.
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
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
 * The search index of one build, made while Astro writes the pages. scripts/build.ts hands over
 * each route's pages as soon as Astro has finished the route (`add`), so Pagefind, a process of
 * its own, indexes them on the second core while Astro renders the next routes; `finish` then
 * indexes whatever was not handed over, writes the bundle and checks it.
 *
 * Pagefind's index depends on the order pages are added, so each route's pages are added in
 * sorted order, route after route in Astro's own (fixed) order: the same site gives the same
 * index, byte for byte, however Astro's concurrent rendering interleaved the pages.
 */
export class SearchIndex {
  private readonly expected: Record<string, number> = {};
  /** Each indexed page's size and time of writing, to tell if anything rewrote it later. */
  private readonly indexed = new Map<string, string>();
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  static async open(): Promise<SearchIndex> {
    const created = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
    if (!created.index || created.errors.length) {
      await pagefind.close();
      throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ') || 'no index'}.`);
    }
    return new SearchIndex(created.index);
  }

  /** How many pages have been handed to Pagefind so far (it leaves out those not marked for the search). */
  get size(): number {
    return this.indexed.size;
  }

  /**
   * Index these built files of `root` (paths as Astro names them, `/kota/blitar/index.html`),
   * sorted, after those handed over before. Files that are not HTML pages meant for the search,
   * or are not there, are left for `finish` to judge.
   */
  add(root: string, files: readonly string[]): void {
    const pages = files.map((f) => join(root, f)).filter((f) => f.endsWith('.html') && existsSync(f));
    for (const file of [...new Set(pages)].sort()) this.queue = this.queue.then(() => this.addFile(root, file));
  }

  private async addFile(root: string, file: string): Promise<void> {
    const url = address(root, file);
    if (this.failure !== null || this.indexed.has(url) || !indexable(url)) return;
    try {
      const written = stamp(file);
      const content = readFileSync(file, 'utf8');
      const lang = /<html\b[^>]*\slang="([^"]+)"/i.exec(content)?.[1];
      if (!lang) throw new SearchIndexError(`${url} has no <html lang>, so Pagefind cannot tell which language's index it belongs to.`);
      // Escaped text cannot forge this: a page's own <main> tag carries the attribute.
      if (/<main\b[^>]*\sdata-pagefind-body/.test(content)) this.expected[lang] = (this.expected[lang] ?? 0) + 1;
      this.indexed.set(url, written);
      const added = await this.index.addHTMLFile({ url, content });
      if (added.errors.length) throw new SearchIndexError(`Pagefind could not index ${url}: ${added.errors.join('; ')}.`);
    } catch (e) {
      this.failure = e;
    }
  }

  /**
   * Index every page of the finished build in `root` not handed over yet, sorted, and write
   * Pagefind's bundle to `root` + SEARCH_BUNDLE. Returns the number of pages indexed in each
   * language; throws SearchIndexError when Pagefind reports an error, a page changed after it
   * was indexed, or the index does not hold exactly the pages meant for it.
   */
  async finish(root: string): Promise<Record<string, number>> {
    const files = htmlFiles(root);
    for (const file of files) this.queue = this.queue.then(() => this.addFile(root, file));
    await this.queue;
    if (this.failure !== null) throw this.failure;
    for (const file of files) {
      const url = address(root, file);
      const written = this.indexed.get(url);
      if (written !== undefined && written !== stamp(file)) throw new SearchIndexError(`${url} was written again after it was indexed, so the index may not match it.`);
    }

    const output = join(root, SEARCH_BUNDLE);
    const written = await this.index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new SearchIndexError(`Pagefind could not write its bundle: ${written.errors.join('; ')}.`);

    // What the browser will load: one index per language, each with exactly the pages meant for it.
    const entry = JSON.parse(readFileSync(join(output, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
    const describe = (counts: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(counts).sort()));
    if (Object.keys(this.expected).length === 0) throw new SearchIndexError('No page is marked for the search (data-pagefind-body on <main>).');
    if (describe(indexed) !== describe(this.expected))
      throw new SearchIndexError(`The index holds ${describe(indexed)} pages by language, but the built pages marked for it are ${describe(this.expected)}.`);

    for (const name of UNUSED) rmSync(join(output, name), { force: true });
    return indexed;
  }
}

const stamp = (file: string) => {
  const { size, mtimeMs } = statSync(file);
  return `${size}@${mtimeMs}`;
};

/** Stop Pagefind (when the build fails or on Ctrl-C): whatever the index is waiting for fails at once. */
export const closeSearchIndex = () => pagefind.close();
