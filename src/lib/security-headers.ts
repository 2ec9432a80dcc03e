import { EMBED_SCRIPT_HASH, EMBED_STYLE_HASHES } from '../styles/embed-style';
import { withBase } from './base';
import { pagePath, sectionPrefixes, SEARCH_BUNDLE } from './routes';

/**
 * The security headers of the site, written once: a _headers file for static hosts
 * (Netlify, Cloudflare Pages) is generated from here at build time, and the nginx
 * configuration in docs/security-headers.md states the same policy.
 *
 * Only embed pages may be framed by other sites. Hosts merge the headers of every rule that
 * matches a path, so the Content-Security-Policy is never put on a catch-all rule: each
 * section of the site has its own rule, and embed paths match only the embed rule.
 *
 * X-Frame-Options: DENY is on the catch-all rule, so every response refuses framing, even the
 * 404 page a host serves for an unknown address, which matches no section's rule. Embed pages
 * get it too, and stay frameable: a browser ignores X-Frame-Options when the response has an
 * enforced Content-Security-Policy with a frame-ancestors directive (HTML's "check a
 * navigation response's adherence to X-Frame-Options"; CSP Level 2 and 3, "frame-ancestors
 * and X-Frame-Options"), and theirs says frame-ancestors *. A browser test frames both.
 */
const SCRIPTS = "script-src 'self'";
const IMAGES_AND_PLUGINS = ["img-src 'self' data:", "object-src 'none'"];
export const PAGE_CSP = ["default-src 'self'", SCRIPTS, "style-src 'self'", ...IMAGES_AND_PLUGINS, "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"].join('; ');
/**
 * Embed pages carry their one stylesheet and their theme script inline, so that they paint
 * after one response, in their theme (see src/styles/embed-style.ts): their style-src allows
 * exactly that stylesheet, by its hash, and no stylesheet file, no other <style> and no style
 * attribute; their script-src the site's scripts and that one inline script, by its hash.
 */
export const EMBED_CSP = ["default-src 'none'", `${SCRIPTS} ${EMBED_SCRIPT_HASH}`, `style-src ${EMBED_STYLE_HASHES.join(' ')}`, ...IMAGES_AND_PLUGINS, "base-uri 'none'", "form-action 'none'", 'frame-ancestors *'].join('; ');
/**
 * The search pages' policy: the pages' policy, and WebAssembly. Pagefind's search engine is
 * WebAssembly, and under a script-src without 'wasm-unsafe-eval' the browser refuses to compile
 * it (tests/browser/search.test.ts shows Chromium refusing it under PAGE_CSP; Pagefind's hosting
 * notes ask for the keyword in every browser). The keyword allows only the compiling of
 * WebAssembly: eval(), new Function and inline scripts stay refused, scripts still come only
 * from the site, and the only WebAssembly the page fetches is Pagefind's, from SEARCH_BUNDLE on
 * the site itself. No other page gets it. The search script runs Pagefind on the page's own
 * thread (noWorker in src/scripts/search.ts): a worker is governed by the policy of its own
 * script's response, so it would need the keyword on the whole bundle too.
 */
export const SEARCH_CSP = PAGE_CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

/** Headers of every response, whatever its path: the catch-all rule. */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
export const PAGE_HEADERS: Record<string, string> = { 'Content-Security-Policy': PAGE_CSP };
export const EMBED_HEADERS: Record<string, string> = { 'Content-Security-Policy': EMBED_CSP };
export const SEARCH_HEADERS: Record<string, string> = { 'Content-Security-Policy': SEARCH_CSP };

/** Paths here are from the root of the site; headersFile puts the base in front of each. */
export const EMBED_PREFIXES = ['/embed/', '/en/embed/'];
/** The search page of each language: the only paths whose policy allows WebAssembly. */
export const SEARCH_PREFIXES = [pagePath({ page: 'search' }, 'id'), pagePath({ page: 'search' }, 'en')];

/**
 * Path patterns of the pages that refuse framing and get the pages' policy: the home pages,
 * the 404, every section but search, and the files they load (Pagefind's bundle included).
 */
export function pagePatterns(): string[] {
  const sections = [...sectionPrefixes('id'), ...sectionPrefixes('en')].filter((p) => !SEARCH_PREFIXES.includes(p)).map((p) => `${p}*`);
  return ['/', '/index.html', '/404.html', '/en/', '/en/index.html', ...sections, '/og/*', '/_astro/*', `${SEARCH_BUNDLE}*`, '/charts.css', '/robots.txt', '/sitemap-*'];
}

const block = (pattern: string, headers: Record<string, string>) =>
  [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');

/**
 * The _headers file for a site served under `base` ('/' at the root of a host): a host matches
 * the patterns against the addresses it serves, so every pattern is under the base, the
 * catch-all rule included (it covers the site's folder, not the rest of the host).
 */
export function headersFile(base: string): string {
  const under = (pattern: string) => withBase(pattern, base);
  return [
    '# Generated at build time from src/lib/security-headers.ts.',
    block(under('/*'), COMMON_HEADERS),
    ...EMBED_PREFIXES.map((p) => block(under(`${p}*`), EMBED_HEADERS)),
    ...SEARCH_PREFIXES.map((p) => block(under(`${p}*`), SEARCH_HEADERS)),
    ...pagePatterns().map((p) => block(under(p), PAGE_HEADERS)),
  ].join('\n\n') + '\n';
}
