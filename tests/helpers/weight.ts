import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

/**
 * What a first visit to a built page transfers: the HTML and every stylesheet, script and
 * image it references from the same site, gzip-compressed as a static host would serve them.
 */
export interface PageWeight {
  requests: number;
  gzipBytes: number;
  scriptGzipBytes: number;
  /** Charts and tables present in the HTML itself, that is, visible with JavaScript off. */
  chartsInHtml: number;
  tablesInHtml: number;
}

export function pageWeight(root: string, address: string): PageWeight {
  const htmlPath = join(root, address.endsWith('/') ? `${address}index.html` : address);
  const html = readFileSync(htmlPath);
  const $ = load(html.toString('utf8'));
  const assets = new Set<string>();
  $('link[rel="stylesheet"][href], script[src], img[src], link[rel="icon"][href]').each((_, el) => {
    const target = $(el).attr('href') ?? $(el).attr('src')!;
    if (target.startsWith('/') && !target.startsWith('//')) assets.add(target);
  });
  const gz = (path: string) => gzipSync(readFileSync(join(root, path))).length;
  const scripts = [...assets].filter((a) => a.endsWith('.js'));
  return {
    requests: 1 + assets.size,
    gzipBytes: gzipSync(html).length + [...assets].reduce((sum, a) => sum + gz(a), 0),
    scriptGzipBytes: scripts.reduce((sum, a) => sum + gz(a), 0),
    chartsInHtml: $('svg[role="img"]').length,
    tablesInHtml: $('table').length,
  };
}
