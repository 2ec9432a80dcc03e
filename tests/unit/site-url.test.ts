import { describe, expect, it } from 'vitest';
import { checkBuildSiteUrl, checkSiteUrl, DEFAULT_SITE_URL, sitePath, siteUrlOrThrow } from '../../src/lib/site-url';

describe('checkSiteUrl', () => {
  it('gives the local default, marked as such, when SITE_URL is not set', () => {
    expect(checkSiteUrl(undefined)).toEqual({ ok: true, url: DEFAULT_SITE_URL, isDefault: true });
  });

  it.each([
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/', 'https://example.org/'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Batik.Example.ORG', 'https://batik.example.org/'],
    ['https://example.org:8443', 'https://example.org:8443/'],
    ['http://localhost:4321', 'http://localhost:4321/'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/'],
    ['https://[::1]:8443/', 'https://[::1]:8443/'],
    // A sub-path: the folder the site is served under, always with its final slash.
    ['https://example.org/batik/', 'https://example.org/batik/'],
    ['https://example.org/batik', 'https://example.org/batik/'],
    ['https://user.github.io/batik-kota/', 'https://user.github.io/batik-kota/'],
    ['https://example.org/data/batik_v2/', 'https://example.org/data/batik_v2/'],
    ['HTTPS://Example.ORG/Batik', 'https://example.org/Batik/'],
  ])('accepts %s as %s', (value, url) => {
    expect(checkSiteUrl(value)).toEqual({ ok: true, url, isDefault: false });
  });

  // Each refused value, with a word the message must use to say why.
  it.each([
    ['javascript:alert(1)', 'not an absolute http: or https: address'],
    ['example.org', 'not an absolute http: or https: address'],
    ['//example.org', 'not an absolute http: or https: address'],
    ['ftp://example.org', 'not an absolute http: or https: address'],
    ['data:text/html,hi', 'not an absolute http: or https: address'],
    ['http:example.org', 'not an absolute http: or https: address'],
    ['https:/example.org', 'not an absolute http: or https: address'],
    ['https://', 'not a valid address'],
    ['https://exa mple.org', 'white space'],
    [' https://example.org', 'white space'],
    ['https://example.org\n', 'white space'],
    ['https:\\\\example.org', 'backslash'],
    ['https://user@x.org', 'user name or password'],
    ['https://user:secret@x.org/', 'user name or password'],
    ['https://@x.org', 'user name or password'],
    ['https://example.org/?utm=1', 'query or a fragment'],
    ['https://example.org?', 'query or a fragment'],
    ['https://example.org/#top', 'query or a fragment'],
    ['https://example.org/batik/?x=1', 'query or a fragment'],
    ['https://example.org//', 'its path // is not a folder of plain names'],
    ['https://example.org/batik//kota/', 'its path /batik//kota/ is not a folder of plain names'],
    ['https://example.org/a/../batik/', 'its path /a/../batik/ is not a folder of plain names'],
    ['https://example.org/./batik/', 'not a folder of plain names'],
    ['https://example.org/.batik/', 'not a folder of plain names'],
    ['https://example.org/bat%20ik/', 'not a folder of plain names'],
    ['https://example.org/batík/', 'not a folder of plain names'],
    ['https://example.org/batik;x/', 'not a folder of plain names'],
    ['', 'set but empty'],
  ])('refuses %j, naming SITE_URL, the value and the reason', (value, reason) => {
    const checked = checkSiteUrl(value);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.message).toContain(`SITE_URL is ${JSON.stringify(value)}`);
    expect(checked.message).toContain(reason);
    expect(checked.message.split('\n')).toHaveLength(1);
  });

  it('tells what an address may look like, a sub-path included', () => {
    const checked = checkSiteUrl('https://example.org/a/../batik/');
    expect(checked.ok || checked.message).toContain('such as https://example.org or https://example.org/batik/');
  });
});

describe('sitePath (the base astro.config.mjs gives Astro)', () => {
  it.each([
    [undefined, '/'],
    ['https://example.org', '/'],
    ['https://example.org/batik/', '/batik/'],
    ['https://example.org/batik', '/batik/'],
    ['https://example.org/data/batik/', '/data/batik/'],
  ])('of SITE_URL %s is %s', (value, base) => {
    const checked = checkSiteUrl(value);
    if (!checked.ok) throw new Error(checked.message);
    expect(sitePath(checked.url)).toBe(base);
  });
});

describe('siteUrlOrThrow (astro.config.mjs)', () => {
  it('returns the checked address, or throws the same message', () => {
    expect(siteUrlOrThrow({})).toBe(DEFAULT_SITE_URL);
    expect(siteUrlOrThrow({ SITE_URL: 'https://example.org' })).toBe('https://example.org/');
    expect(siteUrlOrThrow({ SITE_URL: 'https://example.org/batik' })).toBe('https://example.org/batik/');
    expect(() => siteUrlOrThrow({ SITE_URL: 'javascript:alert(1)' })).toThrow('SITE_URL is "javascript:alert(1)": it is not an absolute http: or https: address');
  });
});

describe('a publishing build', () => {
  it.each([
    ['npm run build:publish', { BATIK_PUBLISH: '1' }, /BATIK_PUBLISH=1/],
    ['Netlify', { NETLIFY: 'true' }, /on Netlify/],
    ['Cloudflare Pages', { CF_PAGES: '1' }, /on Cloudflare Pages/],
  ])('refuses to run without SITE_URL (%s), naming it', (_where, env, where) => {
    const checked = checkBuildSiteUrl(env);
    expect(checked.ok).toBe(false);
    expect(checked.ok || checked.message).toMatch(/^SITE_URL is not set/);
    expect(checked.ok || checked.message).toMatch(where);
    expect(() => siteUrlOrThrow(env)).toThrow(/SITE_URL is not set/);
  });

  it('runs with SITE_URL set', () => {
    expect(checkBuildSiteUrl({ BATIK_PUBLISH: '1', SITE_URL: 'https://example.org' })).toEqual({ ok: true, url: 'https://example.org/', isDefault: false });
  });

  it('a local build falls back to the local address', () => {
    expect(checkBuildSiteUrl({})).toEqual({ ok: true, url: DEFAULT_SITE_URL, isDefault: true });
    expect(checkBuildSiteUrl({ BATIK_PUBLISH: '0', NETLIFY: 'false' })).toEqual({ ok: true, url: DEFAULT_SITE_URL, isDefault: true });
  });
});
