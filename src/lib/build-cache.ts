import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The build's cache: what the costliest steps of a build made (a chart's drawing, a workbook, a
 * chart's PNG), kept on disk between builds under a hash of everything it was made from, so a
 * rebuild after a new report redoes only what the report changed. At 514 cities, drawing the
 * charts and writing the workbooks were a fifth of the pages' build time.
 *
 * What a result is made from: its inputs whole, every value reachable from them (written out by
 * `inputText`, which follows Maps and Sets), and the code: a fingerprint of every file under
 * src/ with package-lock.json and astro.config.mjs (the versions of Plot, d3, exceljs…), and of
 * Node's and its ICU's versions. A change to any of them is a new key, so a stale result is
 * never served; the same inputs give the same bytes, cached or not.
 */

/** Cached files not used (read or written) for this many days are removed, so the cache holds about what recent builds made. */
export const CACHE_DAYS = 14;

/**
 * The folder of one kind of cached result: BATIK_CACHE names the cache's folder, "off" keeps
 * nothing; by default node_modules/.cache/batik, where build tools keep their caches (outside
 * git, and gone with a fresh `npm ci`).
 */
export function cacheDir(kind: string, env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string | null {
  const set = env.BATIK_CACHE;
  if (set === 'off') return null;
  return join(set ? resolve(cwd, set) : join(cwd, 'node_modules', '.cache', 'batik'), kind);
}

/** Removes the files of a cache folder not used for `days` days; returns how many. */
export function pruneCache(dir: string, days = CACHE_DAYS, now = Date.now()): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  // Half-written files a stopped build left behind go the same way.
  for (const name of names) {
    const path = join(dir, name);
    let mtimeMs = now;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      continue;
    }
    if (now - mtimeMs > days * 86_400_000) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Each cache folder is pruned once per process, before its first look-up. */
const pruned = new Set<string>();

/**
 * A cached file's bytes, or null when there is none; the file is marked used, so pruning keeps
 * it. The caller checks that the bytes are a whole result: a file cut short or overwritten by
 * anything else is made again, never served.
 */
export function readCache(dir: string, name: string): Buffer | null {
  if (!pruned.has(dir)) {
    pruned.add(dir);
    pruneCache(dir);
  }
  const path = join(dir, name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // Removed meanwhile by another build's pruning: what was read is whole all the same.
  }
  return bytes;
}

/** Keeps a result: written under a name of its own and renamed, so a build running beside this one never reads half a file. */
export function writeCache(dir: string, name: string, bytes: Uint8Array | string): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
}

/** What decides the output besides the data and the runtime: the project's source and its dependencies' versions. */
const CODE = ['src', 'package-lock.json', 'astro.config.mjs'];

/**
 * A hash of files by their paths under `root` and their contents: each entry a file or a folder,
 * read whole; an entry that does not exist counts as absent.
 */
export function filesHash(root: string, entries: readonly string[]): string {
  const hash = createHash('sha256');
  const files = entries
    .flatMap((entry) => {
      const path = join(root, entry);
      if (!existsSync(path)) return [];
      if (!statSync(path).isDirectory()) return [entry];
      return readdirSync(path, { recursive: true, encoding: 'utf8' })
        .map((name) => join(entry, name))
        .filter((name) => statSync(join(root, name)).isFile());
    })
    .sort();
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(root, file))).update('\n');
  return hash.digest('hex');
}

const fingerprints = new Map<string, string | null>();

/**
 * A hash of the code a result is made by; null when the project's source is not where the
 * process runs (then nothing is cached, as no code change could be seen).
 */
export function codeFingerprint(cwd = process.cwd()): string | null {
  if (!fingerprints.has(cwd)) {
    // Node's version and its ICU's, which format the numbers and dates in the output.
    const runtime = `node ${process.versions.node} icu ${process.versions.icu ?? 'none'}`;
    fingerprints.set(cwd, existsSync(join(cwd, 'src')) ? `${runtime} ${filesHash(cwd, CODE)}` : null);
  }
  return fingerprints.get(cwd)!;
}

/** How a result is kept in a file and read back; `decode` returns null for a file that is not a whole result. */
export interface CacheCodec<T> {
  /** The cache's folder for this kind of result (`cacheDir`). */
  folder: string;
  extension: string;
  encode: (value: T) => Uint8Array | string;
  decode: (bytes: Buffer) => T | null;
}

/**
 * The inputs of a result as text, the same for equal inputs however they were built: JSON, with
 * Maps and Sets written out with their entries and numbers JSON has no word for (NaN, Infinity)
 * kept apart from null. A function or symbol among them is an error: a result cannot be keyed
 * on what cannot be written out.
 */
export function inputText(inputs: unknown): string {
  return JSON.stringify(inputs, (key: string, value: unknown) => {
    if (value instanceof Map) return { '<Map>': [...value] };
    if (value instanceof Set) return { '<Set>': [...value] };
    if (typeof value === 'number' && !Number.isFinite(value)) return { '<number>': String(value) };
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new TypeError(`A cached result's inputs hold a ${typeof value}${key ? ` at "${key}"` : ''}, which cannot be written out to key it.`);
    return value;
  });
}

/** The file name of a result: a hash of its kind, the code and its inputs; null when nothing is cached. */
export function resultKey(kind: string, inputs: unknown, extension: string): string | null {
  const code = codeFingerprint();
  if (code === null) return null;
  return `${createHash('sha256').update(`${kind}\n${code}\n`).update(inputText(inputs)).digest('hex')}.${extension}`;
}

/** A result found in the cache, or how to keep the one made now. */
function lookUp<T>(kind: string, inputs: unknown, codec: CacheCodec<T>, dir: string | null): { hit: T } | { keep: (value: T) => T } {
  const name = dir === null ? null : resultKey(kind, inputs, codec.extension);
  if (dir === null || name === null) return { keep: (value) => value };
  const bytes = readCache(dir, name);
  const hit = bytes === null ? null : codec.decode(bytes);
  if (hit !== null) return { hit };
  return {
    keep: (value) => {
      writeCache(dir, name, codec.encode(value));
      return value;
    },
  };
}

/**
 * The folder of results keyed on the code: none under `astro dev` (NODE_ENV development), whose
 * code changes while it runs, after its fingerprint was taken.
 */
export const resultCacheDir = (folder: string, env: Record<string, string | undefined> = process.env): string | null =>
  env.NODE_ENV === 'development' ? null : cacheDir(folder, env);

/** `make()`, or its result from an earlier build with the same inputs and code. */
export function cached<T>(kind: string, inputs: unknown, make: () => T, codec: CacheCodec<T>, dir = resultCacheDir(codec.folder)): T {
  const found = lookUp(kind, inputs, codec, dir);
  return 'hit' in found ? found.hit : found.keep(make());
}

/** The same as `cached`, for a result made asynchronously. */
export async function cachedAsync<T>(kind: string, inputs: unknown, make: () => Promise<T>, codec: CacheCodec<T>, dir = resultCacheDir(codec.folder)): Promise<T> {
  const found = lookUp(kind, inputs, codec, dir);
  return 'hit' in found ? found.hit : found.keep(await make());
}
