import { load } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBase } from '../../src/lib/base';
import { htmlFiles, pageAddress, resolves } from './dist';

/**
 * Links across a built site. Internal links and assets must resolve to a built file (and
 * an anchor to an element of the target page); external links must be well-formed absolute
 * https: addresses — except the original address of a cited report (a link inside <cite>, or
 * of class report-address),
 * which is given as published, http: included; no link may use another scheme (javascript:,
 * vbscript:, …), save mailto: links and data: images.
 *
 * A site built for a sub-path (SITE_URL=https://example.org/batik/, base '/batik/') is served
 * with the built folder at that path: each page is read at its address under the base, and an
 * internal address must stay under the base, where it is looked up in the folder.
 */

export interface LinkReport {
  /** Number of links and asset references looked at. */
  checked: number;
  /** How many of them are links to other sites. */
  external: number;
  /** One line per problem: page → target (what is wrong). */
  problems: string[];
}

const REFERENCES = 'a[href], area[href], link[href], script[src], img[src], iframe[src], source[src], video[src], audio[src], use[href], image[href]';

/** Whether an external address is a well-formed absolute https: (or, for a cited report, http:) URL with a real host name. */
export function externalProblem(href: string, allowHttp = false): string | null {
  if (/\s/.test(href)) return 'contains white space';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'not a well-formed URL';
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return `protocol ${url.protocol} (https: expected)`;
  if (!url.hostname.includes('.')) return `host "${url.hostname}" is not a public host name`;
  return null;
}

/**
 * The site's own configured address (Astro's `site`), read from the home page's canonical
 * link. Embeds link back to the full site with absolute addresses; those are the site's
 * own pages and must resolve like relative ones, whatever the address is set to.
 */
export function siteOrigin(root: string): string | null {
  const home = join(root, 'index.html');
  if (!existsSync(home)) return null;
  const canonical = load(readFileSync(home, 'utf8'))('link[rel="canonical"]').attr('href');
  try {
    return canonical ? new URL(canonical).origin : null;
  } catch {
    return null;
  }
}

export function brokenLinks(root: string, base = '/'): LinkReport {
  const problems: string[] = [];
  const own = siteOrigin(root);
  let checked = 0;
  let external = 0;
  const ids = new Map<string, Set<string>>();
  const idsOf = (address: string): Set<string> => {
    let set = ids.get(address);
    if (!set) {
      const file = join(root, address.endsWith('/') ? `${address}index.html` : address);
      const $ = load(readFileSync(file, 'utf8'));
      set = new Set($('[id]').map((_, el) => $(el).attr('id')!).get());
      ids.set(address, set);
    }
    return set;
  };
  for (const file of htmlFiles(root)) {
    const address = pageAddress(root, file);
    const served = withBase(address, base);
    const $ = load(readFileSync(file, 'utf8'));
    $(REFERENCES).each((_, el) => {
      const $el = $(el);
      const target = ($el.attr('href') ?? $el.attr('src') ?? '').trim();
      const tag = 'tagName' in el ? el.tagName : '?';
      checked++;
      if (target === '') {
        problems.push(`${address} <${tag}> has an empty address`);
        return;
      }
      let scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
      let local = target;
      // The site's own absolute addresses are those under its folder; the rest of its host is another site.
      if (own && (scheme === 'http' || scheme === 'https') && URL.canParse(target) && new URL(target).origin === own && new URL(target).pathname.startsWith(base)) {
        const url = new URL(target);
        local = `${url.pathname}${url.search}${url.hash}`;
        scheme = undefined;
      }
      if (scheme === 'http' || scheme === 'https' || target.startsWith('//')) {
        // Metadata may name the site's own configured address; the links a reader follows
        // to other sites must be https.
        if (tag === 'a' || tag === 'area') {
          external++;
          const why = externalProblem(target, $el.closest('cite').length > 0 || $el.hasClass('report-address'));
          if (why) problems.push(`${address} → ${target} (external link: ${why})`);
        } else if (tag !== 'link') problems.push(`${address} <${tag}> loads ${target} from another origin`);
        return;
      }
      if (scheme === 'mailto' && (tag === 'a' || tag === 'area')) return;
      // An empty or inline image (e.g. `<link rel="icon" href="data:,">`, which stops the
      // browser asking for /favicon.ico) loads nothing from anywhere; data: is refused
      // where it would navigate or run.
      if (scheme === 'data' && ['img', 'link', 'source', 'image', 'use'].includes(tag) && /^data:(,|image\/(png|gif|webp|avif|jpeg|svg\+xml)[;,])/i.test(target)) return;
      if (scheme) {
        problems.push(`${address} → ${target} (scheme ${scheme}: is not allowed)`);
        return;
      }
      const absolute = new URL(local, `http://site${served}`);
      if (!absolute.pathname.startsWith(base)) {
        problems.push(`${address} → ${target} (outside the site's folder ${base})`);
        return;
      }
      // The address in the built folder, from its root.
      const inFolder = `/${absolute.pathname.slice(base.length)}`;
      if (!resolves(root, inFolder)) {
        problems.push(`${address} → ${target} (no such file)`);
        return;
      }
      if (absolute.hash && absolute.hash !== '#') {
        // Anchors are checked in HTML targets only (a page, or a folder with its index).
        const path = decodeURIComponent(inFolder);
        const targetAddress = path.endsWith('/') || path.endsWith('.html') ? path : existsSync(join(root, path, 'index.html')) ? `${path}/` : null;
        if (!targetAddress) return;
        const anchor = decodeURIComponent(absolute.hash.slice(1));
        if (!idsOf(targetAddress).has(anchor)) problems.push(`${address} → ${target} (no element with id "${anchor}")`);
      }
    });
  }
  return { checked, external, problems };
}
