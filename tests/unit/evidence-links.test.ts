import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LONG_PHRASE_CHARS,
  RANGE_TERM_WORDS,
  encodeTextDirectiveTerm,
  textDirective,
  textFragmentUrl,
  waybackTimestamp,
  waybackUrl,
} from '../../src/lib/evidence-links';

/**
 * The addresses behind "Buka di laporan asli" and "Arsip di Wayback Machine". Expected
 * directives are written out by hand from the WICG Text Fragments grammar, so a change in the
 * encoding shows here; the grammar and the round trip are then checked over arbitrary text.
 */

/** A text directive's parameters as the specification's grammar allows them. */
const TERM = "(?:[A-Za-z0-9!$'()*+./:;=?@_~]|%[0-9A-Fa-f]{2})+";
const DIRECTIVE = new RegExp(`^text=(?:${TERM}-,)?${TERM}(?:,${TERM})?(?:,-${TERM})?$`);
/** The directive's terms, decoded as a browser decodes them. */
const terms = (directive: string) => directive.slice('text='.length).split(',').map(decodeURIComponent);

/** A phrase over the length limit, with commas and a hyphen among its first and last words. */
const LONG = [
  'Pemerintah Kota Probolinggo melalui Dinas Koperasi, Usaha Mikro dan Perdagangan menggelar pelatihan dasar batik',
  'yang diikuti sebanyak 30 orang perajin dari lima kecamatan, dan pelatihan lanjutan pewarnaan alami yang diikuti',
  'ibu-ibu anggota PKK, pelajar SMK dan anggota Karang Werda Kelurahan Wates, Sentra IKM Batik Maja-Barama',
].join(' ');
/** A phrase over the length limit in only a few long words. */
const FEW_WORDS = Array.from({ length: 10 }, (_, i) => `Kewirausahaan-Perdagangan-Perindustrian-${i}`).join(' ');

describe('text directive of an evidence phrase', () => {
  it('the long examples are over the limit', () => {
    expect(LONG.length).toBeGreaterThan(LONG_PHRASE_CHARS);
    expect(FEW_WORDS.length).toBeGreaterThan(LONG_PHRASE_CHARS);
  });

  it.each([
    ['plain words', 'sebanyak 30 orang', 'text=sebanyak%2030%20orang'],
    ['a comma and a date with a slash', 'Senin hingga Jumat (27/5), di', 'text=Senin%20hingga%20Jumat%20(27%2F5)%2C%20di'],
    ['a decimal comma', 'senilai Rp2,250 miliar', 'text=senilai%20Rp2%2C250%20miliar'],
    ['a hyphen', 'IKM batik-tulis kota', 'text=IKM%20batik%2Dtulis%20kota'],
    ['a hyphen at the start and the end', '-batik-', 'text=%2Dbatik%2D'],
    ['an ampersand', 'DKUPP & Dekranasda', 'text=DKUPP%20%26%20Dekranasda'],
    ['curly quotes', '“Batik Blitar Keren”', 'text=%E2%80%9CBatik%20Blitar%20Keren%E2%80%9D'],
    ['straight quotes and an apostrophe', `kata "batik" pada Jum'at`, "text=kata%20%22batik%22%20pada%20Jum'at"],
    ['an en dash', '2019 – 2023', 'text=2019%20%E2%80%93%202023'],
    ['Indonesian diacritics', 'Kampung Batik Pésindon, Pékalongan', 'text=Kampung%20Batik%20P%C3%A9sindon%2C%20P%C3%A9kalongan'],
    ['a hash, a percent sign and a plus', 'naik 50% (#1) +2', 'text=naik%2050%25%20(%231)%20%2B2'],
    ['white space as the page renders it', '  baris satu\n\tbaris  dua ', 'text=baris%20satu%20baris%20dua'],
    [
      'a long phrase: its first and last eight words',
      LONG,
      'text=Pemerintah%20Kota%20Probolinggo%20melalui%20Dinas%20Koperasi%2C%20Usaha%20Mikro,Karang%20Werda%20Kelurahan%20Wates%2C%20Sentra%20IKM%20Batik%20Maja%2DBarama',
    ],
    ['a long phrase of few, long words stays whole', FEW_WORDS, `text=${FEW_WORDS.replace(/-/g, '%2D').replace(/ /g, '%20')}`],
  ])('%s', (_, phrase, expected) => {
    expect(textDirective(phrase)).toBe(expected);
    expect(textDirective(phrase)).toMatch(DIRECTIVE);
  });

  it('no directive for an empty phrase', () => {
    expect(textDirective('')).toBeNull();
    expect(textDirective(' \n ')).toBeNull();
  });

  it('a phrase exactly at the length limit is whole; one character more is a range', () => {
    const at = `${Array(LONG_PHRASE_CHARS / 5).fill('abcd').join(' ')}e`;
    expect(at).toHaveLength(LONG_PHRASE_CHARS);
    expect(terms(textDirective(at)!)).toEqual([at]);
    const ends = Array(RANGE_TERM_WORDS).fill('abcd');
    expect(terms(textDirective(`${at}f`)!)).toEqual([ends.join(' '), [...ends.slice(1), 'abcdef'].join(' ')]);
  });

  it('encodes the characters the directive uses, and only decodes to the text', () => {
    expect(encodeTextDirectiveTerm('a-b&c,d')).toBe('a%2Db%26c%2Cd');
    expect(encodeTextDirectiveTerm('\uD800')).toBeNull();
  });

  // Any text, above all the directive's own "-", "&", "," and "#", gives a directive that
  // follows the grammar and decodes to the phrase as the page renders it, or to its first and
  // last words.
  it('any phrase: a valid directive that decodes back to it', () => {
    let ranges = 0;
    const piece = fc.constantFrom('batik', 'Pé', 'kota', '-', '&', ',', '#', '%', '“', '”', "'", '(27/5)', 'Rp2,5', 'ñ', '🙂', 'باتيك');
    const word = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const space = fc.constantFrom(' ', ' ', '  ', '\n', '\t');
    const phraseOf = fc.array(fc.tuple(space, word), { minLength: 1, maxLength: 70, size: 'max' }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(fc.oneof(phraseOf, space), (phrase) => {
        const rendered = phrase.replace(/\s+/gu, ' ').trim();
        const directive = textDirective(phrase);
        if (rendered === '') return directive === null;
        expect(directive).toMatch(DIRECTIVE);
        const found = terms(directive!);
        const words = rendered.split(' ');
        if (found.length === 1) expect(found[0]).toBe(rendered);
        else {
          ranges++;
          expect(rendered.length).toBeGreaterThan(LONG_PHRASE_CHARS);
          expect(found).toEqual([words.slice(0, RANGE_TERM_WORDS).join(' '), words.slice(-RANGE_TERM_WORDS).join(' ')]);
        }
        return true;
      }),
      { seed: 20261130, numRuns: 500 },
    );
    // Both kinds of directive were tried.
    expect(ranges).toBeGreaterThan(0);
  });
});

describe('the original address opening at the phrase', () => {
  it.each([
    ['an address', 'https://jatim.antaranews.com/berita/604745/pemkot-probolinggo', 'https://jatim.antaranews.com/berita/604745/pemkot-probolinggo#:~:text=pelatihan%20dasar%20batik'],
    ['an address with a query', 'https://buserjatim.com/?p=99563', 'https://buserjatim.com/?p=99563#:~:text=pelatihan%20dasar%20batik'],
    ['an http: address', 'http://blitarkota.go.id/berita/kelurahan-turi', 'http://blitarkota.go.id/berita/kelurahan-turi#:~:text=pelatihan%20dasar%20batik'],
    ['an address with a fragment keeps it', 'https://contoh.go.id/berita#isi', 'https://contoh.go.id/berita#isi:~:text=pelatihan%20dasar%20batik'],
  ])('%s', (_, url, expected) => {
    expect(textFragmentUrl(url, 'pelatihan dasar batik')).toBe(expected);
  });

  it.each([
    ['a script address', 'javascript:alert(1)'],
    ['a data address', 'data:text/html,<b>x</b>'],
    ['a protocol-relative address', '//jatim.antaranews.com/berita'],
    ['another scheme', 'ftp://contoh.go.id/berita'],
    ['a user name before the host', 'https://user@contoh.go.id/berita'],
    ['a bare IP address', 'http://127.0.0.1/berita'],
    ['a look-alike host', 'https://j\u0430tim.antaranews.com/berita'],
    ['white space', 'https://contoh.go.id/ber ita'],
    ['a fragment directive already', 'https://contoh.go.id/berita#:~:text=lain'],
    ['nothing', ''],
  ])('no link for %s', (_, url) => {
    expect(textFragmentUrl(url, 'pelatihan dasar batik')).toBeNull();
  });

  it('no link for an empty phrase', () => expect(textFragmentUrl('https://contoh.go.id/berita', '  ')).toBeNull());
});

describe('the Wayback Machine at the publication date', () => {
  it.each([
    ['a day', '2022-11-03', '20221103'],
    ['a month', '2022-05', '202205'],
    ['a year', '2009', '2009'],
    ['unknown', null, null],
    ['not a date', '2022-5', null],
    ['not a date at all', 'Kamis', null],
  ])('timestamp of %s', (_, published, expected) => {
    expect(waybackTimestamp(published)).toBe(expected);
  });

  it.each([
    ['a day', 'https://jatim.antaranews.com/berita/649773/latih-ikm', '2022-11-03', 'https://web.archive.org/web/20221103/https://jatim.antaranews.com/berita/649773/latih-ikm'],
    ['a month', 'https://kabarterdepan.com/pemkot-mojokerto', '2024-01', 'https://web.archive.org/web/202401/https://kabarterdepan.com/pemkot-mojokerto'],
    ['a year', 'https://sulteng.carapandang.com/news/read/ifw?page=2', '2024', 'https://web.archive.org/web/2024/https://sulteng.carapandang.com/news/read/ifw?page=2'],
    ['an unknown date: every copy', 'http://blitarkota.go.id/index.php/berita/pengrajin', null, 'https://web.archive.org/web/*/http://blitarkota.go.id/index.php/berita/pengrajin'],
    ['an address with a fragment: left off', 'https://contoh.go.id/berita#isi', '2020-02-02', 'https://web.archive.org/web/20200202/https://contoh.go.id/berita'],
  ])('%s', (_, url, published, expected) => {
    expect(waybackUrl(url, published)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'https://user@contoh.go.id/', 'http://10.0.0.1/berita', ''])('no link for %j', (url) => {
    expect(waybackUrl(url, '2022-11-03')).toBeNull();
  });
});
