import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Reading a built site: its HTML pages and whether an internal address resolves to a file. */
export function htmlFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

/** The address a built file is served at: dist/kota/blitar/index.html → /kota/blitar/. */
export const pageAddress = (root: string, file: string) =>
  `/${relative(root, file).split(sep).join('/')}`.replace(/index\.html$/, '');

export function resolves(root: string, address: string): boolean {
  const path = decodeURIComponent(address.split('#')[0]!.split('?')[0]!);
  const target = join(root, path);
  if (path.endsWith('/')) return existsSync(join(target, 'index.html'));
  return existsSync(target) && statSync(target).isFile() ? true : existsSync(join(target, 'index.html'));
}

const cache = new Map<string, CheerioAPI>();
export function page(root: string, address: string): CheerioAPI {
  const key = `${root}${address}`;
  let $ = cache.get(key);
  if (!$) {
    const file = join(root, address.endsWith('/') ? `${address}index.html` : address);
    $ = load(readFileSync(file, 'utf8'));
    cache.set(key, $);
  }
  return $;
}
