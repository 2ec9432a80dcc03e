import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { CONTEXT, horizontalOverflow, launchChromium, visit } from '../helpers/browser';
import { htmlErrors, vnuErrors } from '../helpers/html-check';
import { brokenLinks } from '../helpers/links';
import { EMBED_THEME_SCRIPT } from '../../src/styles/embed-style';
import { unsafeMarkup } from '../helpers/markup';
import { cspSourceOf, headerPolicyProblems, headersFor, parseHeadersFile, patternMatches, serve, type StaticServer } from '../helpers/serve';

/**
 * The checks of the quality suite, checked: a copy of the built site with deliberately
 * broken pages added, and each check must report what is wrong with them. A check that
 * passes everything would make the real suite's zeros meaningless.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` before \`npx vitest run tests/quality\``);
const work = mkdtempSync(join(tmpdir(), 'batik-checks-'));
const copy = join(work, 'dist');

// Under /sumber/ so that the site's Content-Security-Policy applies to them.
const BROKEN = '/sumber/rusak/';
const SCRIPTED = '/sumber/skrip/';
// Under no section, so no policy stops the request to another origin.
const FOREIGN = '/tanpa-kebijakan/';
const WIDE = '/sumber/lebar/';

const page = (title: string, body: string, head = '') =>
  `<!doctype html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n${head}</head>\n<body>\n<main>\n<h1>${title}</h1>\n${body}\n</main>\n</body>\n</html>\n`;

const write = (address: string, html: string) => {
  mkdirSync(join(copy, address), { recursive: true });
  writeFileSync(join(copy, address, 'index.html'), html);
};

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  cpSync(dist, copy, { recursive: true });
  write(BROKEN, page('Halaman rusak', '<img src="/favicon.svg">\n<p><div>Blok di dalam paragraf.</div></p>\n<ul>Teks langsung di dalam daftar.</ul>\n<p><a href="/tidak-ada/">Halaman yang tidak ada</a> · <a href="/sumber/#tidak-ada-jangkar">jangkar hilang</a> · <a href="http://example.org/laporan">laporan http</a> · <a href="javascript:alert(1)">skrip</a></p>'));
  writeFileSync(join(copy, '_astro', 'sengaja-rusak.js'), "console.error('sengaja rusak');\nalert('sengaja');\n");
  write(SCRIPTED, page('Skrip', '<p style="color: red">Gaya sebaris.</p>\n<script>document.title = "sebaris";</script>\n<img src="/tidak-ada.png" alt="">', '<script type="module" src="/_astro/sengaja-rusak.js"></script>\n'));
  write(WIDE, page('Lebar', '<div class="lebar">Lebar.</div>', '<link rel="stylesheet" href="/_astro/sengaja-lebar.css">\n'));
  writeFileSync(join(copy, '_astro', 'sengaja-lebar.css'), '.lebar { width: 2000px; }\n');
  server = await serve(copy);
  // The other origin is the same server under another name; written now the port is known.
  const other = server.origin.replace('127.0.0.1', 'localhost');
  write(FOREIGN, page('Asing', `<img src="${other}/favicon.svg" alt="Ikon dari asal lain">`));
  browser = await launchChromium();
  context = await browser.newContext(CONTEXT);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the checks report broken pages', () => {
  it('axe reports an image without alt text', async () => {
    const p = await context.newPage();
    try {
      await visit(p, server.origin, BROKEN);
      const rules = (await axeViolations(p)).map((v) => v.rule);
      expect(rules).toContain('image-alt');
      expect(rules).toContain('list');
    } finally {
      await p.close();
    }
  });

  it('html-validate reports the bad nesting and text in a list', async () => {
    const errors = await htmlErrors([join(copy, BROKEN, 'index.html')]);
    const rules = errors.map((e) => e.rule);
    expect(rules).toContain('wcag/h37'); // img without alt
    expect(rules).toContain('close-order'); // </p> with no open <p>: the <div> closed it
    expect(rules.some((r) => r === 'element-permitted-content' || r === 'text-content' || r === 'no-implicit-close'), rules.join(', ')).toBe(true);
  });

  it('the Nu HTML Checker reports them too', async () => {
    const errors = await vnuErrors([join(copy, BROKEN, 'index.html')]);
    const messages = errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/alt/);
    expect(messages).toMatch(/No “p” element in scope/);
    expect(messages).toMatch(/Text not allowed in element “ul”/);
  }, 120_000);

  it('the link check reports a missing page, a missing anchor, an http: source and a javascript: link', () => {
    const problems = brokenLinks(copy).problems.filter((p) => p.startsWith(BROKEN));
    expect(problems).toEqual([
      `${BROKEN} → /tidak-ada/ (no such file)`,
      `${BROKEN} → /sumber/#tidak-ada-jangkar (no element with id "tidak-ada-jangkar")`,
      `${BROKEN} → http://example.org/laporan (external link: protocol http: (https: expected))`,
      `${BROKEN} → javascript:alert(1) (scheme javascript: is not allowed)`,
    ]);
  });

  it('the browser check reports CSP violations, console errors, failed requests and dialogs', async () => {
    const p = await context.newPage();
    try {
      const issues = await visit(p, server.origin, SCRIPTED);
      expect(issues.cspViolations.join('\n')).toMatch(/script-src/);
      expect(issues.cspViolations.join('\n')).toMatch(/style-src/);
      expect(issues.consoleErrors.join('\n')).toContain('sengaja rusak');
      expect(issues.failedRequests.join('\n')).toContain('/tidak-ada.png (HTTP 404)');
      expect(issues.dialogs).toEqual(['alert: sengaja']);
    } finally {
      await p.close();
    }
  });

  it('the browser check reports a request to another origin', async () => {
    const p = await context.newPage();
    try {
      const issues = await visit(p, server.origin, FOREIGN);
      expect(issues.foreignRequests).toEqual([`GET ${server.origin.replace('127.0.0.1', 'localhost')}/favicon.svg`]);
    } finally {
      await p.close();
    }
  });

  it('the layout check reports a page wider than the phone', async () => {
    const phone = await browser.newContext({ ...CONTEXT, viewport: { width: 320, height: 640 } });
    try {
      const p = await phone.newPage();
      await visit(p, server.origin, WIDE);
      const { width, culprits } = await horizontalOverflow(p);
      expect(width).toBeGreaterThan(321);
      expect(culprits.join('\n')).toContain('div.lebar');
    } finally {
      await phone.close();
    }
  });

  it('the markup check reports injected script, handlers and script addresses, and passes escaped text', () => {
    expect(unsafeMarkup('<p>"><img src=x onerror=alert(1)></p>', 't')).toEqual([
      't: 1 injected <img src=x> element(s)',
      't: <img onerror="alert(1)">',
    ]);
    expect(unsafeMarkup('<p><script>alert(1)</script></p>', 't')).toEqual(['t: <script> alert(1)']);
    expect(unsafeMarkup('<a href=" javascript:alert(1)">x</a>', 't')).toEqual(['t: <a href=" javascript:alert(1)"> runs script']);
    expect(unsafeMarkup('<svg><text onclick="x()">a</text><script href="/x.js"></script></svg>', 't')).toHaveLength(2);
    // Inside a quoted attribute value the text stays text: only the quote must be escaped.
    expect(unsafeMarkup('<meta name="description" content="&#34;><img src=x onerror=alert(1)>">', 't')).toEqual([]);
    expect(unsafeMarkup('<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p><script type="module" src="/_astro/a.js"></script>', 't')).toEqual([]);
    // The site's own scripts pass; the same path from elsewhere, or with inline code, does not.
    const own = new Set(['/embed/frame-v1.js']);
    expect(unsafeMarkup('<script src="/embed/frame-v1.js"></script>', 't', own)).toEqual([]);
    expect(unsafeMarkup('<script src="/embed/other.js"></script>', 't', own)).toHaveLength(1);
    expect(unsafeMarkup('<script src="/embed/frame-v1.js">alert(1)</script>', 't', own)).toHaveLength(1);
    expect(unsafeMarkup('<script src="/_astro/a.js"></script>', 't', own)).toHaveLength(1);
    // The embeds' inline theme script passes as it is, and only so.
    expect(unsafeMarkup(`<script>${EMBED_THEME_SCRIPT}</script>`, 't', own)).toEqual([]);
    expect(unsafeMarkup(`<script>${EMBED_THEME_SCRIPT};alert(1)</script>`, 't', own)).toHaveLength(1);
    expect(unsafeMarkup(`<script src="/embed/frame-v1.js">${EMBED_THEME_SCRIPT}</script>`, 't', own)).toHaveLength(1);
  });
});

describe('the headers file is read as a host reads it', () => {
  const themeHash = cspSourceOf(EMBED_THEME_SCRIPT);
  const file = [
    '# comment',
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Content-Security-Policy: default-src \'self\'; script-src \'self\'; frame-ancestors \'none\'',
    '  X-Frame-Options: DENY',
    '',
    '/embed/*',
    `  Content-Security-Policy: default-src 'none'; script-src 'self' ${themeHash}; frame-ancestors *`,
    '',
    '/kota/:id/',
    '  X-Test: one',
  ].join('\n');
  const rules = parseHeadersFile(file);

  it('parses patterns and indented headers', () => {
    expect(rules.map((r) => [r.pattern, r.headers.length])).toEqual([
      ['/*', 3],
      ['/embed/*', 1],
      ['/kota/:id/', 1],
    ]);
    expect(() => parseHeadersFile('/x\nNot-indented: y')).toThrow(/line 2/);
    expect(() => parseHeadersFile('  X: y')).toThrow(/before any path/);
  });

  it('matches splats across slashes and placeholders within one segment', () => {
    expect(patternMatches('/*', '/')).toBe(true);
    expect(patternMatches('/embed/*', '/embed/map/')).toBe(true);
    expect(patternMatches('/embed/*', '/en/embed/map/')).toBe(false);
    expect(patternMatches('/kota/:id/', '/kota/blitar/')).toBe(true);
    expect(patternMatches('/kota/:id/', '/kota/blitar/x/')).toBe(false);
    expect(patternMatches('/', '/index.html')).toBe(false);
    expect(patternMatches('/a.b', '/aXb')).toBe(false);
  });

  it('merges every matching rule, so a path under two framing policies gets both', () => {
    const { headers, sources } = headersFor(rules, '/embed/map/');
    expect(sources.get('content-security-policy')).toEqual(['/*', '/embed/*']);
    expect(headers.get('content-security-policy')).toBe(`default-src 'self'; script-src 'self'; frame-ancestors 'none', default-src 'none'; script-src 'self' ${themeHash}; frame-ancestors *`);
    expect(headerPolicyProblems(rules, ['/embed/map/', '/kota/blitar/'])).toEqual([
      '/embed/map/: 2 Content-Security-Policy values, from rules /*, /embed/*',
      "/embed/map/: 2 frame-ancestors directives (frame-ancestors 'none' | frame-ancestors *)",
      // The catch-all's policy, merged in, would refuse the embed's theme script.
      `/embed/map/: script-src is not exactly 'self' ${themeHash} (default-src 'self'; script-src 'self'; frame-ancestors 'none')`,
    ]);
    // An embed's policy must allow its theme script, and a page's no inline script at all.
    const embedOnly = parseHeadersFile(`/*\n  X-Frame-Options: DENY\n\n/embed/*\n  Content-Security-Policy: script-src 'self'; frame-ancestors *\n\n/kota/*\n  Content-Security-Policy: script-src 'self' ${themeHash}; frame-ancestors 'none'\n`);
    expect(headerPolicyProblems(embedOnly, ['/embed/map/', '/kota/blitar/'])).toEqual([
      `/embed/map/: script-src is not exactly 'self' ${themeHash} (script-src 'self'; frame-ancestors *)`,
      `/kota/blitar/: script-src is not exactly 'self' (script-src 'self' ${themeHash}; frame-ancestors 'none')`,
    ]);
    // X-Frame-Options belongs on every page, once: missing or from two rules is reported.
    const twice = parseHeadersFile(`${file}\n\n/kota/*\n  X-Frame-Options: DENY\n`);
    expect(headerPolicyProblems(twice, ['/kota/blitar/'])).toEqual(['/kota/blitar/: X-Frame-Options from 2 rules (/*, /kota/*)']);
    const none = parseHeadersFile("/*\n  Content-Security-Policy: script-src 'self'; frame-ancestors 'none'\n");
    expect(headerPolicyProblems(none, ['/data/'])).toEqual(['/data/: X-Frame-Options from 0 rules (none)']);
  });

  it('the server sends the merged headers', async () => {
    const response = await fetch(`${server.origin}${BROKEN}`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
