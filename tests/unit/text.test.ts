import { describe, expect, it } from 'vitest';
import { mixedScripts } from '../../src/lib/cells';
import { isolateBidi, looksLikeUtf16, unsafeText } from '../../src/lib/text';

describe('text a page can show as it is', () => {
  it.each([
    ['Pelatihan batik', undefined],
    ['baris satu\nbaris dua', undefined],
    ['Pameran \u202Bباتيك\u202C batik', undefined],
    ['Pameran \u2067باتيك\u2069 batik', undefined],
    ['Pelatihan\u0000batik', /U\+0000 \(character 10\)/],
    ['Pelatihan\tbatik', /U\+0009/],
    ['Pelatihan\u009Fbatik', /U\+009F/],
    ['Pelatihan\uFFFEbatik', /U\+FFFE/],
    ['Pelatihan \u{1FFFF}', /U\+1FFFF/],
    ['Pelatihan \u202Ebatik', /U\+202E\) and never closes it/],
    ['Pelatihan \u2068batik', /close it with U\+2069/],
    ['Pelatihan batik\u202C', /not opened/],
    // An isolate closed by the embedding's terminator is not closed.
    ['Pelatihan \u2067batik\u202C', /not opened/],
  ])('%j', (text, problem) => {
    const found = unsafeText(text);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('isolating right-to-left text in a plain-text title', () => {
  it('leaves left-to-right text alone', () => expect(isolateBidi('Pelatihan batik')).toBe('Pelatihan batik'));
  it('isolates Arabic letters and bidirectional controls', () => {
    expect(isolateBidi('Pameran باتيك')).toBe('\u2068Pameran باتيك\u2069');
    expect(isolateBidi('Pameran \u202Bx\u202C')).toBe('\u2068Pameran \u202Bx\u202C\u2069');
  });
});

describe('UTF-16 files', () => {
  const utf16 = Buffer.from('id,city\nx,blitar\n', 'utf16le');
  it.each([
    ['UTF-16 LE without a byte-order mark', utf16, true],
    ['UTF-16 LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]), true],
    ['UTF-16 BE with a byte-order mark', Buffer.from([0xfe, 0xff, 0, 0x69, 0, 0x64]), true],
    ['UTF-8', Buffer.from('id,city\nx,blitar\n', 'utf8'), false],
    ['UTF-8 with one stray NUL', Buffer.from('id,city\nx\u0000,blitar\n', 'utf8'), false],
    ['an empty file', Buffer.alloc(0), false],
  ])('%s', (_what, bytes, expected) => expect(looksLikeUtf16(bytes)).toBe(expected));
});

describe('hosts that mix scripts', () => {
  it.each([
    ['jatim.antaranews.com', undefined],
    ['xn--jtim-53d.antaranews.com', 'Latin and Cyrillic'],
    ['xn--80abwi2b.xn--p1ai', undefined],
    ['xn--fsqu00a.xn--fiqs8s', undefined],
  ])('%s', (host, mixed) => expect(mixedScripts(host)).toBe(mixed));
});
