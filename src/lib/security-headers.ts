import { sectionPrefixes } from './routes';

/**
 * The security headers of the site, written once: a _headers file for static hosts
 * (Netlify, Cloudflare Pages) is generated from here at build time, and the nginx
 * configuration in docs/security-headers.md states the same policy.
 *
 * Only embed pages may be framed by other sites. Hosts merge the headers of every rule that
 * matches a path, so the framing policy is never put on a catch-all rule: each section of
 * the site has its own rule, and embed paths match only the embed rule.
 */
const BASE = ["script-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'"];
export const PAGE_CSP = ["default-src 'self'", ...BASE, "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"].join('; ');
export const EMBED_CSP = ["default-src 'none'", ...BASE, "base-uri 'none'", "form-action 'none'", 'frame-ancestors *'].join('; ');

export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
export const PAGE_HEADERS: Record<string, string> = { 'Content-Security-Policy': PAGE_CSP, 'X-Frame-Options': 'DENY' };
export const EMBED_HEADERS: Record<string, string> = { 'Content-Security-Policy': EMBED_CSP };

export const EMBED_PREFIXES = ['/embed/', '/en/embed/'];

/** Path patterns of the pages that refuse framing: the home pages, the 404 and every section. */
export function pagePatterns(): string[] {
  const sections = [...sectionPrefixes('id'), ...sectionPrefixes('en')].map((p) => `${p}*`);
  return ['/', '/index.html', '/404.html', '/en/', '/en/index.html', ...sections, '/og/*', '/_astro/*', '/charts.css', '/robots.txt', '/sitemap-*'];
}

const block = (pattern: string, headers: Record<string, string>) =>
  [pattern, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');

export function headersFile(): string {
  return [
    '# Generated at build time from src/lib/security-headers.ts.',
    block('/*', COMMON_HEADERS),
    ...EMBED_PREFIXES.map((p) => block(`${p}*`, EMBED_HEADERS)),
    ...pagePatterns().map((p) => block(p, PAGE_HEADERS)),
  ].join('\n\n') + '\n';
}
