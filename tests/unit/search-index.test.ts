import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeSearchIndex, SearchIndex, SearchIndexError } from '../../scripts/search-index';

/**
 * The search index made while Astro builds (scripts/search-index.ts, driven by scripts/build.ts):
 * however the pages are handed over, the same pages give the same bundle; pages never handed
 * over are indexed at the end; a page written again after it was indexed fails the build.
 */
const work = mkdtempSync(join(tmpdir(), 'batik-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => closeSearchIndex());

const page = (lang: string, title: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><header>menu</header><main data-pagefind-body><h1>${title}</h1><p>${text}</p></main></body></html>`;

/** A small built site: two cities and two events per language, an embed and the 404 page. */
const PAGES: Record<string, string> = {
  '/kota/blitar/index.html': page('id', 'Kota Blitar', 'Pelatihan batik tulis di Blitar'),
  '/kota/pekalongan/index.html': page('id', 'Kota Pekalongan', 'Museum Batik Pekalongan'),
  '/kegiatan/a/index.html': page('id', 'Pelatihan pewarnaan alami', 'Peserta dari Kota Blitar'),
  '/kegiatan/b/index.html': page('id', 'Sertifikasi kompetensi', 'Pembatik di Pekalongan'),
  '/en/city/blitar/index.html': page('en', 'Blitar City', 'Hand-drawn batik training in Blitar'),
  '/en/city/pekalongan/index.html': page('en', 'Pekalongan City', 'The batik museum of Pekalongan'),
  '/en/event/a/index.html': page('en', 'Natural dye training', 'Participants from Blitar'),
  '/en/event/b/index.html': page('en', 'Competence certification', 'Batik makers in Pekalongan'),
  '/embed/headline/index.html': page('id', 'Grafik', 'Bagan tanpa main'),
  '/404.html': page('id', 'Tidak ada', 'Halaman tidak ditemukan'),
};

function site(name: string, pages: Record<string, string> = PAGES): string {
  const root = join(work, name);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  return root;
}

/** Every file of the written bundle with its bytes. */
function bundle(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(join(root, 'pagefind'));
  return files;
}

/** Indexes a site route by route; a language named after a route has its bundle written then, as the build does after its last route. */
async function indexed(name: string, routes: readonly (readonly string[] | { write: string })[], pages = PAGES): Promise<{ counts: Record<string, number>; files: Record<string, string> }> {
  const root = site(name, pages);
  const index = await SearchIndex.open();
  for (const route of routes) 'write' in route ? index.writeLanguage(root, route.write) : index.add(root, route);
  const counts = await index.finish(root);
  await closeSearchIndex();
  return { counts, files: bundle(root) };
}

describe('the search index made while the pages are built', () => {
  const cities = ['/kota/pekalongan/index.html', '/kota/blitar/index.html'];
  const events = ['/kegiatan/b/index.html', '/kegiatan/a/index.html', '/kegiatan/b/chart.png'];

  it('gives the same bundle however the pages of a route finished, and indexes at the end what was not handed over', async () => {
    const one = await indexed('one', [cities, events]);
    const other = await indexed('other', [[...cities].reverse(), [...events].reverse()]);
    expect(one.counts).toEqual({ en: 4, id: 4 });
    expect(Object.keys(one.files).length).toBeGreaterThan(3);
    expect(other.files).toEqual(one.files);
  });

  it('indexes every page meant for the search when no page was handed over, and no embed or 404 page', async () => {
    const { counts, files } = await indexed('none', []);
    expect(counts).toEqual({ en: 4, id: 4 });
    const entry = JSON.parse(Buffer.from(files['pagefind/pagefind-entry.json']!, 'base64').toString('utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([l, v]) => [l, v.page_count]))).toEqual({ en: 4, id: 4 });
  });

  it('gives the same bundle when a language is written as soon as its last route is done', async () => {
    const english = ['/en/city/blitar/index.html', '/en/city/pekalongan/index.html', '/en/event/a/index.html', '/en/event/b/index.html'];
    const atTheEnd = await indexed('at-the-end', [english, cities, events]);
    const early = await indexed('early', [english, { write: 'en' }, cities, events, { write: 'id' }]);
    expect(early.counts).toEqual({ en: 4, id: 4 });
    expect(early.files).toEqual(atTheEnd.files);
    expect(readdirSync(join(work, 'early')).sort()).toEqual(['404.html', 'embed', 'en', 'kegiatan', 'kota', 'pagefind']);
  });

  it('fails when a page comes after its language was written', async () => {
    const root = site('late');
    const index = await SearchIndex.open();
    index.add(root, ['/en/city/blitar/index.html']);
    index.writeLanguage(root, 'en');
    index.add(root, ['/en/event/a/index.html']);
    await expect(index.finish(root)).rejects.toThrow(
      new SearchIndexError('/en/event/a/ is in en, whose index was written when the last route under its address prefix was done; its pages must be under that prefix.'),
    );
  });

  it('indexes a page whose path a glob would misread, at its own address', async () => {
    const odd = '/kota/[kota-batu]{1,2}/index.html';
    const { counts, files } = await indexed('odd-path', [[odd, ...cities]], { ...PAGES, [odd]: page('id', 'Kota Batu', 'Pelatihan batik di Kota Batu') });
    expect(counts).toEqual({ en: 4, id: 5 });
    const fragments = Object.entries(files).filter(([name]) => name.startsWith('pagefind/fragment/'));
    const urls = fragments.map(([, bytes]) => /"url":"([^"]+)"/.exec(gunzipSync(Buffer.from(bytes, 'base64')).toString('utf8'))?.[1]);
    expect(urls).toContain('/kota/[kota-batu]{1,2}/');
    expect(urls).toContain('/kota/blitar/');
  });

  it('fails when a page is written again after it was indexed', async () => {
    const root = site('rewritten');
    const index = await SearchIndex.open();
    index.add(root, cities);
    // Wait for the route's pages to be indexed, then rewrite one, as a later step of a build might.
    await expect.poll(() => index.size).toBe(2);
    const file = join(root, 'kota/blitar/index.html');
    writeFileSync(file, page('id', 'Kota Blitar', 'Teks lain yang lebih panjang'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await expect(index.finish(root)).rejects.toThrow(new SearchIndexError('/kota/blitar/ was written again after it was indexed, so the index may not match it.'));
  });

  it('fails when a page for the search has no language', async () => {
    const root = site('no-lang', { ...PAGES, '/kota/mojokerto/index.html': '<!doctype html><html><main data-pagefind-body>Mojokerto</main></html>' });
    const index = await SearchIndex.open();
    index.add(root, ['/kota/mojokerto/index.html']);
    await expect(index.finish(root)).rejects.toThrow('/kota/mojokerto/ has no <html lang>');
  });
});
