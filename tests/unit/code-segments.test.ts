import { describe, expect, it } from 'vitest';
import { codeSegments } from '../../src/components/text';

/** The data dictionary sets the data's codes apart from the words around them. */
const CODES = new Set(['count', 'target', 'inferred', 'at_least', 'cities', 'id', 'status', 'yes', 'no', 'headline', 'url_slug', 'population_used']);
const codesIn = (text: string) => codeSegments(text, CODES).flatMap((s) => (s.code ? [s.text] : []));

describe('codes in a dictionary text', () => {
  it.each([
    ['count (hitungan), target (sasaran) atau inferred (disimpulkan).', ['count', 'target', 'inferred']],
    ['Id kota (cities.id).', ['cities.id']],
    ['jumlah penduduk pada population_used', ['population_used']],
    ['mis. target:70 = sasaran 70; inferred = disimpulkan kurator; at_least = "lebih dari"', ['target:70', 'inferred', 'at_least']],
    ['judul yang tercetak (headline) atau dari alamat (url_slug)', ['headline', 'url_slug']],
    ['“yes” bila laporan menyebut tanggalnya, “no” bila tidak', ['yes', 'no']],
    ['ya/tidak (yes, no)', ['yes', 'no']],
    // Ordinary words that are also codes stay words.
    ['Fasilitas fisik batik dengan status terakhir menurut laporan; target tahun ini', []],
    ['Count of people (Jumlah)', []],
  ])('%s', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
    expect(codeSegments(text, CODES).map((s) => s.text).join('')).toBe(text);
  });
});
