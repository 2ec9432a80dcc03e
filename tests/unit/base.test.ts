import { describe, expect, it } from 'vitest';
import { siteAddress, siteRoot, withBase } from '../../src/lib/base';
import { dataFileHref, href, pagePath, workbookHref } from '../../src/lib/routes';

describe('withBase', () => {
  it.each([
    ['/', '/', '/'],
    ['/kota/blitar/', '/', '/kota/blitar/'],
    ['/', '/batik/', '/batik/'],
    ['/kota/blitar/', '/batik/', '/batik/kota/blitar/'],
    ['/en/embed/headline/?theme=dark', '/batik/', '/batik/en/embed/headline/?theme=dark'],
    ['/charts.css', '/data/batik/', '/data/batik/charts.css'],
    ['/*', '/batik/', '/batik/*'],
  ])('puts %s under the base %s: %s', (path, base, served) => {
    expect(withBase(path, base)).toBe(served);
  });

  it('takes only an address from the root of the site, and a base that is a folder', () => {
    expect(() => withBase('kota/blitar/', '/batik/')).toThrow('an address from the root of the site');
    expect(() => withBase('https://example.org/', '/batik/')).toThrow('an address from the root of the site');
    expect(() => withBase('/kota/', '/batik')).toThrow('begin and end with "/"');
    expect(() => withBase('/kota/', 'batik/')).toThrow('begin and end with "/"');
  });

  it("defaults to Astro's base, which is the root outside an Astro build", () => {
    expect(import.meta.env.BASE_URL).toBe('/');
    expect(withBase('/kota/blitar/')).toBe('/kota/blitar/');
  });
});

describe('the site root and address', () => {
  it('keep the base whatever the path of the configured site', () => {
    // At the root the result is what it was before the base existed.
    expect(siteRoot(new URL('https://example.org/')).href).toBe('https://example.org/');
    expect(siteRoot(new URL('https://example.org/ignored/')).href).toBe('https://example.org/');
    expect(siteAddress(new URL('https://example.org/'))).toBe('example.org');
    expect(siteAddress(new URL('https://example.org:8443/batik/'))).toBe('example.org:8443/batik');
  });
});

describe('routes', () => {
  it('a page has one place in the site and one address, under the base', () => {
    expect(pagePath({ page: 'city', id: 'blitar' }, 'en')).toBe('/en/city/blitar/');
    expect(href({ page: 'city', id: 'blitar' }, 'en')).toBe(withBase('/en/city/blitar/'));
    expect(dataFileHref('city-summary.csv')).toBe(withBase('/data/city-summary.csv'));
    expect(workbookHref('events', 'en')).toBe(withBase('/en/data/events.xlsx'));
  });
});
