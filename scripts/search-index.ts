/**
 * The site's search index, made with Pagefind over the pages Astro builds. scripts/build.ts makes
 * it in the temporary folder before that folder replaces the output, so a failed index fails the
 * build and the previous build stays as it was.
 *
 * What is indexed: every HTML page but the embeds (bare charts for other sites) and the 404 page,
 * and of each page only its main content, the `<main data-pagefind-body>` of src/layouts/Base.astro
 * (never the header, navigation or footer). The search page has no such attribute, and a page
 * without it is never handed to Pagefind. Each language has an index of its own, from each
 * page's `<html lang>`, written apart and merged into one bundle; the search page loads the
 * index of its own language.
 *
 * Pagefind's Node API drives its binary, which npm installs from the platform package among
 * pagefind's optional dependencies (`@pagefind/linux-x64` and so on; see `npm run lock`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { LANGS } from '../src/i18n';
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

/** A path of plain characters only, which no glob reads as anything but itself. */
const PLAIN_PATH = /^[A-Za-z0-9._/-]+$/;

/**
 * The search index of one build, made while Astro writes the pages. scripts/build.ts hands over
 * each route's pages as soon as Astro has finished the route (`add`), so Pagefind, a process of
 * its own, indexes them on the second core while Astro renders the next routes; once the last
 * route of a language is done, that language's bundle is written (`writeLanguage`) while Astro
 * renders the other's pages. `finish` then indexes whatever was not handed over, writes the
 * languages not written yet, merges them into one bundle and checks it.
 *
 * Each language has an index of its own (Pagefind keeps them apart in any case, one per
 * `<html lang>`), and only the pages marked for the search (`data-pagefind-body` on `<main>`)
 * are handed to it. Pagefind's index depends on the order pages are added, so each route's
 * pages are added in sorted order, route after route in Astro's own (fixed) order: the same
 * site gives the same index, byte for byte, however Astro's concurrent rendering interleaved
 * the pages.
 */
export class SearchIndex {
  private readonly expected: Record<string, number> = {};
  /** Each page read for the index, with its size and time of writing, to tell if anything rewrote it later. */
  private readonly indexed = new Map<string, string>();
  /** The languages whose bundle is written or being written: no page handed over later may join them. */
  private readonly writing = new Map<string, Promise<void>>();
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  private constructor(private readonly indexes: ReadonlyMap<string, pagefind.PagefindIndex>) {}

  /** Starts Pagefind with an index for each of the site's languages. */
  static async open(): Promise<SearchIndex> {
    const indexes = new Map<string, pagefind.PagefindIndex>();
    for (const lang of LANGS) {
      const created = await pagefind.createIndex({ excludeSelectors: EXCLUDE_SELECTORS });
      if (!created.index || created.errors.length) {
        await pagefind.close();
        throw new SearchIndexError(`Pagefind could not start: ${created.errors.join('; ') || 'no index'}.`);
      }
      indexes.set(lang, created.index);
    }
    return new SearchIndex(indexes);
  }

  /** How many pages have been read for the index so far, those not meant for the search included. */
  get size(): number {
    return this.indexed.size;
  }

  /**
   * Index these built files of `root` (paths as Astro names them, `/kota/blitar/index.html`),
   * sorted, after those handed over before. Files that are not HTML pages meant for the search,
   * or are not there, are left for `finish` to judge.
   */
  add(root: string, files: readonly string[]): void {
    const pages = [...new Set(files.map((f) => join(root, f)).filter((f) => f.endsWith('.html') && existsSync(f)))].sort();
    const closed = new Set(this.writing.keys());
    this.queue = this.queue.then(() => this.addFiles(root, pages, closed));
  }

  /**
   * Write the bundle of one language, once every page of it has been handed over, into a
   * folder of its own that `finish` merges; it is written while the pages handed over after it
   * are indexed.
   */
  writeLanguage(root: string, lang: string): void {
    const index = this.indexes.get(lang);
    if (!index || this.writing.has(lang)) return;
    const written = this.queue.then(async () => {
      if (this.failure !== null || !this.expected[lang]) return;
      const result = await index.writeFiles({ outputPath: languageBundle(root, lang) });
      if (result.errors.length) throw new SearchIndexError(`Pagefind could not write the ${lang} bundle: ${result.errors.join('; ')}.`);
    });
    this.writing.set(lang, written.catch((e: unknown) => void (this.failure ??= e)));
  }

  /**
   * Read the pages, then hand each language's share to its index in one call. `closed`: the
   * languages whose bundle was to be written before these pages were handed over.
   */
  private async addFiles(root: string, files: readonly string[], closed: ReadonlySet<string>): Promise<void> {
    if (this.failure !== null) return;
    try {
      const byLang = new Map<string, string[]>();
      for (const file of files) {
        const url = address(root, file);
        if (this.indexed.has(url) || !indexable(url)) continue;
        // Read without blocking: this process also passes on Astro's lines, and Astro waits
        // while they are not read.
        const written = stampOf(await stat(file));
        const content = await readFile(file, 'utf8');
        this.indexed.set(url, written);
        // Escaped text cannot forge this: a page's own <main> tag carries the attribute.
        if (!/<main\b[^>]*\sdata-pagefind-body/.test(content)) continue;
        const lang = /<html\b[^>]*\slang="([^"]+)"/i.exec(content)?.[1];
        if (!lang) throw new SearchIndexError(`${url} has no <html lang>, so Pagefind cannot tell which language's index it belongs to.`);
        if (!this.indexes.has(lang)) throw new SearchIndexError(`${url} is in the language "${lang}", which is not one of the site's (${LANGS.join(', ')}).`);
        if (closed.has(lang)) throw new SearchIndexError(`${url} is in ${lang}, whose index was written when the last route under its address prefix was done; its pages must be under that prefix.`);
        this.expected[lang] = (this.expected[lang] ?? 0) + 1;
        byLang.set(lang, [...(byLang.get(lang) ?? []), relative(root, file).split(sep).join('/')]);
      }
      for (const [lang, paths] of byLang) await this.addPaths(root, this.indexes.get(lang)!, paths);
    } catch (e) {
      this.failure = e;
    }
  }

  /**
   * Pagefind reads the files itself (`addDirectory`, about three times faster than handing it
   * each page's text): the paths under their common folder, as one glob, so that it looks in
   * that folder alone. A path with a character a glob would read otherwise goes as text.
   */
  private async addPaths(root: string, index: pagefind.PagefindIndex, paths: readonly string[]): Promise<void> {
    const plain = paths.filter((p) => PLAIN_PATH.test(p));
    for (const path of paths.filter((p) => !PLAIN_PATH.test(p))) {
      const added = await index.addHTMLFile({ url: address(root, join(root, path)), content: readFileSync(join(root, path), 'utf8') });
      if (added.errors.length) throw new SearchIndexError(`Pagefind could not index /${path}: ${added.errors.join('; ')}.`);
    }
    if (plain.length === 0) return;
    const folder = plain.length === 1 ? '' : commonFolder(plain);
    const rest = plain.map((p) => p.slice(folder.length));
    const glob = rest.length === 1 ? `${folder}${rest[0]}` : `${folder}{${rest.join(',')}}`;
    const added = await index.addDirectory({ path: root, glob });
    if (added.errors.length) throw new SearchIndexError(`Pagefind could not index ${plain.length} pages under /${folder}: ${added.errors.join('; ')}.`);
    if (added.page_count !== plain.length) throw new SearchIndexError(`Pagefind indexed ${added.page_count} of the ${plain.length} pages under /${folder} handed to it.`);
  }

  /**
   * Index every page of the finished build in `root` not handed over yet, sorted, write the
   * languages not written yet and merge them into one bundle at `root` + SEARCH_BUNDLE.
   * Returns the number of pages indexed in each language; throws SearchIndexError when
   * Pagefind reports an error, a page changed after it was indexed, or the index does not hold
   * exactly the pages meant for it.
   */
  async finish(root: string): Promise<Record<string, number>> {
    const files = htmlFiles(root);
    const closed = new Set(this.writing.keys());
    this.queue = this.queue.then(() => this.addFiles(root, files, closed));
    await this.queue;
    if (this.failure !== null) throw this.failure;
    if (Object.keys(this.expected).length === 0) throw new SearchIndexError('No page is marked for the search (data-pagefind-body on <main>).');
    for (const lang of this.indexes.keys()) this.writeLanguage(root, lang);
    await Promise.all(this.writing.values());
    if (this.failure !== null) throw this.failure;
    for (const file of files) {
      const url = address(root, file);
      const written = this.indexed.get(url);
      if (written !== undefined && written !== stamp(file)) throw new SearchIndexError(`${url} was written again after it was indexed, so the index may not match it.`);
    }

    const output = join(root, SEARCH_BUNDLE);
    const languages = Object.keys(this.expected).sort();
    mergeBundles(languages.map((lang) => languageBundle(root, lang)), output);

    // What the browser will load: one index per language, each with exactly the pages meant for it.
    const entry = JSON.parse(readFileSync(join(output, ENTRY), 'utf8')) as BundleEntry;
    const indexed = Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
    const describe = (counts: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(counts).sort()));
    if (describe(indexed) !== describe(this.expected))
      throw new SearchIndexError(`The index holds ${describe(indexed)} pages by language, but the built pages marked for it are ${describe(this.expected)}.`);
    return indexed;
  }
}

/** Pagefind's list of the languages in a bundle, which its script reads first. */
const ENTRY = 'pagefind-entry.json';
interface BundleEntry {
  version: string;
  languages: Record<string, { page_count: number }>;
  [other: string]: unknown;
}

/** Where one language's bundle is written before it is merged into SEARCH_BUNDLE. */
const languageBundle = (root: string, lang: string) => join(root, `${SEARCH_BUNDLE.replace(/\/+$/, '')}.${lang}`);

/** The longest folder, ending in a slash, that holds every one of these paths ('' for the root). */
function commonFolder(paths: readonly string[]): string {
  let folder = paths[0]!.slice(0, paths[0]!.lastIndexOf('/') + 1);
  for (const path of paths) while (!path.startsWith(folder)) folder = folder.slice(0, folder.lastIndexOf('/', folder.length - 2) + 1);
  return folder;
}

/**
 * One bundle from the bundles of single languages: their files side by side (every file name
 * but the entry's carries its content's hash or its language, so a name in two bundles must
 * hold the same bytes) and one entry listing every language. Files the site never loads are
 * left out. Each language's folder is removed.
 */
function mergeBundles(parts: readonly string[], output: string): void {
  let merged: BundleEntry | null = null;
  for (const part of parts) {
    const entry = JSON.parse(readFileSync(join(part, ENTRY), 'utf8')) as BundleEntry;
    if (merged === null) merged = { ...entry, languages: {} };
    const { languages: _, ...settings } = entry;
    const { languages: __, ...mergedSettings } = merged;
    if (JSON.stringify(settings) !== JSON.stringify(mergedSettings)) throw new SearchIndexError(`Pagefind wrote the bundles of its languages with different settings: ${JSON.stringify(mergedSettings)} and ${JSON.stringify(settings)}.`);
    for (const [lang, value] of Object.entries(entry.languages)) {
      if (lang in merged.languages) throw new SearchIndexError(`Two of Pagefind's bundles hold the language ${lang}.`);
      merged.languages[lang] = value;
    }
    for (const file of bundleFiles(part)) {
      const name = relative(part, file);
      if (name === ENTRY || UNUSED.includes(name)) continue;
      const target = join(output, name);
      if (existsSync(target)) {
        if (!readFileSync(target).equals(readFileSync(file))) throw new SearchIndexError(`Pagefind wrote two different files named ${name} for two languages.`);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      renameSync(file, target);
    }
    rmSync(part, { recursive: true, force: true });
  }
  if (merged === null) throw new SearchIndexError('Pagefind wrote no bundle.');
  merged.languages = Object.fromEntries(Object.entries(merged.languages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(output, ENTRY), JSON.stringify(merged));
}

function bundleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? bundleFiles(path) : [path];
  });
}

const stampOf = ({ size, mtimeMs }: { size: number; mtimeMs: number }) => `${size}@${mtimeMs}`;
const stamp = (file: string) => stampOf(statSync(file));

/** Stop Pagefind (when the build fails or on Ctrl-C): whatever the index is waiting for fails at once. */
export const closeSearchIndex = () => pagefind.close();
