import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { SEARCH_PREFIXES } from '../../src/lib/security-headers';
import { EMBED_THEME_SCRIPT } from '../../src/styles/embed-style';

/**
 * A small static server for a built site, close enough to a static host for the browser
 * tests: files from one folder on 127.0.0.1 at an ephemeral port, index.html for folder
 * addresses, the site's 404.html with status 404 for misses, and the headers of the site's
 * own `_headers` file (Netlify format) applied as the host would apply them. Serving the
 * real Content-Security-Policy is the point: a page that breaks its own policy shows up as
 * a violation in the browser, as it would in production.
 */

export interface HeaderRule {
  /** The path pattern, e.g. `/kota/*`. */
  pattern: string;
  /** Headers in file order; a name may repeat. */
  headers: [name: string, value: string][];
  /** Line of the pattern in the file, for messages. */
  line: number;
}

/**
 * Parse a `_headers` file: a line holding a path pattern starts a rule, and the indented
 * `Name: value` lines under it belong to that rule. `#` lines are comments. Anything else
 * is a syntax error, thrown with its line, since a host would ignore or reject it.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      const pattern = raw.trim();
      if (!pattern.startsWith('/') && !/^https?:\/\//.test(pattern)) throw new Error(`_headers line ${line}: "${pattern}" is not a path pattern`);
      rules.push({ pattern, headers: [], line });
      return;
    }
    const m = /^\s+([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*?)\s*$/.exec(raw);
    if (!m) throw new Error(`_headers line ${line}: "${raw.trim()}" is not a "Name: value" header line`);
    const rule = rules[rules.length - 1];
    if (!rule) throw new Error(`_headers line ${line}: a header comes before any path pattern`);
    rule.headers.push([m[1]!, m[2]!]);
  });
  return rules;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a Netlify path pattern matches a request path. `*` (a splat) matches any rest of
 * the path, slashes included; `:name` matches one path segment. Anything else is literal.
 */
export function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') && part.length > 1 ? '[^/]+' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * The headers a host sends for a path: every rule that matches contributes its headers,
 * and when several matching rules set the same header their values are joined with ", "
 * (as Netlify and Cloudflare Pages do). Joining rather than overriding is what makes a
 * conflict visible: a path matched by two rules with two Content-Security-Policy values
 * gets both policies, and the browser enforces both.
 *
 * Returns lower-case header names with their combined value, and `sources` telling which
 * rules contributed each header, so a test can say where a conflict comes from.
 */
export function headersFor(rules: readonly HeaderRule[], path: string): { headers: Map<string, string>; sources: Map<string, string[]> } {
  const values = new Map<string, string[]>();
  const sources = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      names.set(key, names.get(key) ?? name);
      values.set(key, [...(values.get(key) ?? []), value]);
      sources.set(key, [...(sources.get(key) ?? []), rule.pattern]);
    }
  }
  return { headers: new Map([...values].map(([k, v]) => [k, v.join(', ')])), sources };
}

/**
 * What a reader's browser would be told about framing and scripts, page by page: each
 * page gets exactly one Content-Security-Policy (from one rule), with one frame-ancestors
 * directive; only embed pages may be framed; every page sends X-Frame-Options: DENY once
 * (from the catch-all rule, so that an unknown address refuses framing too; beside an embed's
 * frame-ancestors browsers ignore it); scripts only from the site itself, never eval, and
 * inline only on embed pages, where their one theme script is allowed by its hash. The search
 * pages alone may also compile WebAssembly ('wasm-unsafe-eval', for Pagefind).
 */
/** A CSP hash source for an inline element's exact text, computed here apart from the site's own code (cspHash). */
export const cspSourceOf = (text: string) => `'sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}'`;

/** The hash source of the embeds' inline theme script. */
const THEME_SCRIPT_SOURCE = cspSourceOf(EMBED_THEME_SCRIPT);

export function headerPolicyProblems(rules: readonly HeaderRule[], addresses: readonly string[]): string[] {
  const problems: string[] = [];
  for (const address of addresses) {
    const { headers, sources } = headersFor(rules, address);
    const csp = headers.get('content-security-policy');
    const from = sources.get('content-security-policy') ?? [];
    if (!csp) {
      problems.push(`${address}: no Content-Security-Policy`);
      continue;
    }
    if (from.length !== 1) problems.push(`${address}: ${from.length} Content-Security-Policy values, from rules ${from.join(', ')}`);
    const framing = csp.match(/frame-ancestors [^;,]+/g) ?? [];
    const embed = /^\/(en\/)?embed\//.test(address);
    if (framing.length !== 1) problems.push(`${address}: ${framing.length} frame-ancestors directives (${framing.join(' | ')})`);
    else if (embed && framing[0] === "frame-ancestors 'none'") problems.push(`${address}: an embed that refuses framing`);
    else if (!embed && framing[0] !== "frame-ancestors 'none'") problems.push(`${address}: a page that may be framed (${framing[0]})`);
    const xfo = sources.get('x-frame-options') ?? [];
    if (xfo.length !== 1) problems.push(`${address}: X-Frame-Options from ${xfo.length} rules (${xfo.join(', ') || 'none'})`);
    else if (headers.get('x-frame-options') !== 'DENY') problems.push(`${address}: X-Frame-Options ${headers.get('x-frame-options')}, not DENY`);
    const search = SEARCH_PREFIXES.some((p) => address.startsWith(p));
    const scripts = search ? "script-src 'self' 'wasm-unsafe-eval'" : embed ? `script-src 'self' ${THEME_SCRIPT_SOURCE}` : "script-src 'self'";
    for (const policy of csp.split(',')) {
      if (!new RegExp(`(^|;)\\s*${scripts.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*(;|$)`).test(policy)) problems.push(`${address}: script-src is not exactly ${scripts.slice('script-src '.length)} (${policy.trim()})`);
      if (/'unsafe-inline'|'unsafe-eval'/.test(policy)) problems.push(`${address}: the policy allows unsafe-inline or unsafe-eval`);
    }
  }
  return problems;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  rules: HeaderRule[];
  /** Every request answered, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/**
 * Serve the built site in `root` until `close()` is called (call it in afterAll). With `gzip`,
 * text is sent gzip-compressed to a browser that accepts it, as static hosts send it: what
 * `npm run embed-speed` needs, since a throttled connection is slowed by the bytes sent.
 */
export async function serve(root: string, options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const headersPath = join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const requests: ServedRequest[] = [];
  const base = normalize(root + sep);

  const send = (req: IncomingMessage, res: ServerResponse, path: string, status: number, file: string | null, extra: Record<string, string> = {}) => {
    const { headers } = headersFor(rules, path);
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
    let body = file ? readFileSync(file) : Buffer.from(status === 404 ? 'Not found\n' : '');
    const type = file ? (CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream') : 'text/plain; charset=utf-8';
    res.setHeader('Content-Type', type);
    if (options.gzip && /^(text\/|application\/(json|xml)|image\/svg)/.test(type)) {
      res.setHeader('Vary', 'Accept-Encoding');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        res.setHeader('Content-Encoding', 'gzip');
      }
    }
    res.setHeader('Content-Length', String(body.length));
    res.statusCode = status;
    requests.push({ method: req.method ?? 'GET', path, status });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(req, res, url.pathname, 400, null);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, path, 405, null, { Allow: 'GET, HEAD' });
    const target = normalize(join(root, path));
    // Never outside the folder, and never the host's own configuration file.
    const inside = target === normalize(root) || target.startsWith(base);
    const notFound = () => {
      const page = join(root, '404.html');
      send(req, res, path, 404, isFile(page) ? page : null);
    };
    if (!inside || path === '/_headers' || path === '/_redirects' || path.includes('\0')) return notFound();
    if (path.endsWith('/')) {
      const index = join(target, 'index.html');
      return isFile(index) ? send(req, res, path, 200, index) : notFound();
    }
    if (isFile(target)) return send(req, res, path, 200, target);
    // A folder asked for without its slash: static hosts redirect to the slashed address.
    if (isDir(target) && isFile(join(target, 'index.html'))) return send(req, res, path, 301, null, { Location: `${url.pathname}/${url.search}` });
    return notFound();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    rules,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
