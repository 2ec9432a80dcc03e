import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_HEADERS, EMBED_CSP, headersFile, PAGE_CSP, SEARCH_CSP } from '../../src/lib/security-headers';
import { EMBED_STYLES } from '../../src/styles/embed-style';
import { cspSourceOf, headersFor, parseHeadersFile } from '../helpers/serve';

describe('security headers', () => {
  const rules = parseHeadersFile(headersFile('/'));

  it('let embed pages be framed and no other page', () => {
    for (const path of ['/embed/headline/', '/en/embed/timeline-blitar/']) {
      expect(headersFor(rules, path).headers.get('content-security-policy')).toBe(EMBED_CSP);
      // Sent to every path by the catch-all rule; browsers ignore it beside frame-ancestors *
      // (tests/browser/embed-host.test.ts frames such a page).
      expect(headersFor(rules, path).sources.get('x-frame-options')).toEqual(['/*']);
    }
    for (const path of ['/', '/en/', '/kota/blitar/', '/en/city/blitar/', '/en/compare/blitar-vs-mojokerto/', '/data/', '/404.html', '/metodologi/']) {
      expect(headersFor(rules, path).headers.get('content-security-policy'), path).toBe(PAGE_CSP);
      expect(headersFor(rules, path).headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('let the search pages alone compile WebAssembly, for Pagefind, and refuse framing there too', () => {
    expect(SEARCH_CSP).toBe(PAGE_CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"));
    for (const path of ['/cari/', '/en/search/']) {
      expect(headersFor(rules, path).headers.get('content-security-policy'), path).toBe(SEARCH_CSP);
      expect(headersFor(rules, path).headers.get('x-frame-options'), path).toBe('DENY');
    }
    // Pagefind's own files (script, WebAssembly, index) get the pages' policy: it runs on the search page's thread.
    for (const path of ['/pagefind/pagefind.js', '/pagefind/wasm.id.pagefind', '/', '/kota/blitar/', '/en/sources/'])
      expect(headersFor(rules, path).headers.get('content-security-policy'), path).toBe(PAGE_CSP);
    const allowing = rules.filter((r) => r.headers.some(([, v]) => v.includes('wasm-unsafe-eval'))).map((r) => r.pattern);
    expect(allowing).toEqual(['/cari/*', '/en/search/*']);
  });

  it('refuse framing of the 404 page a host serves for an unknown address', () => {
    // A static host answers an unknown address with 404.html under the headers of the
    // address asked for, which match no section's rule: only the catch-all rule applies.
    for (const path of ['/no-such-page/', '/tidak/ada', '/en/nothing-here/', '/index.php', '/.env']) {
      const { headers, sources } = headersFor(rules, path);
      expect(headers.has('content-security-policy'), path).toBe(false);
      expect(headers.get('x-frame-options'), path).toBe('DENY');
      expect(sources.get('x-frame-options'), path).toEqual(['/*']);
    }
  });

  it('allow no inline script or style, but the embed pages\' own stylesheets by their hashes', () => {
    for (const csp of [PAGE_CSP, EMBED_CSP, SEARCH_CSP]) {
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain("'unsafe-eval'");
    }
    for (const csp of [PAGE_CSP, SEARCH_CSP]) expect(csp).toContain("style-src 'self';");
    // The sha256 of each embed stylesheet's exact text, computed here apart from the code's own.
    const hashes = Object.values(EMBED_STYLES).map(cspSourceOf);
    expect(hashes.length).toBeGreaterThan(0);
    expect(EMBED_CSP).toContain(`; style-src ${hashes.join(' ')};`);
  });

  it("let a page frame the site's own embed pages (the embed builder's preview), and nothing else", () => {
    for (const csp of [PAGE_CSP, SEARCH_CSP]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toMatch(/frame-src|child-src/);
    }
    expect(EMBED_CSP).toContain('frame-ancestors *');
  });

  it('are all under the base for a site served under a sub-path, and the same rules', () => {
    const under = parseHeadersFile(headersFile('/batik/'));
    expect(under.map((r) => r.pattern)).toEqual(rules.map((r) => `/batik${r.pattern}`));
    expect(under.map((r) => r.headers)).toEqual(rules.map((r) => r.headers));
    expect(headersFor(under, '/batik/embed/headline/').headers.get('content-security-policy')).toBe(EMBED_CSP);
    expect(headersFor(under, '/batik/en/search/').headers.get('content-security-policy')).toBe(SEARCH_CSP);
    expect(headersFor(under, '/batik/kota/blitar/').headers.get('content-security-policy')).toBe(PAGE_CSP);
    // The rest of the host is not the site's to set headers for.
    expect(headersFor(under, '/kota/blitar/').headers.size).toBe(0);
  });

  it('are documented for nginx word for word', () => {
    const doc = readFileSync('docs/security-headers.md', 'utf8');
    expect(doc).toContain(`"${PAGE_CSP}"`);
    // The embeds' line holds the hashes of their stylesheets: copy it again from dist/_headers when one changes.
    expect(doc, 'the embeds\' policy in docs/security-headers.md').toContain(`"${EMBED_CSP}"`);
    expect(doc).toContain(`"${SEARCH_CSP}"`);
    // The headers every path gets, in the pages' block and again in the embeds' and the search pages' blocks.
    expect(COMMON_HEADERS['X-Frame-Options']).toBe('DENY');
    for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(doc.split(`add_header ${name} "${value}" always;`), name).toHaveLength(4);
  });
});
