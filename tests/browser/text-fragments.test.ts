import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textFragmentUrl } from '../../src/lib/evidence-links';
import { CONTEXT, launchChromium } from '../helpers/browser';

/**
 * The link under an evidence phrase opens the article at the quoted words, in Chromium: an
 * article stands in for a report's original page (served by the browser's own request routing,
 * at an address the data's address rule accepts), with each quoted passage far down the page;
 * following the address textFragmentUrl makes must bring the passage into view. The phrases are
 * stored as claims.csv holds them, which may differ from the article in white space and quote
 * style, as the validator allows. A phrase the article does not hold leaves the page at its top.
 */
const ARTICLE = 'https://laporan.contoh.id/berita/2022/pelatihan-batik';
const FILLER = '<p>Berita lain yang tidak berhubungan dengan kutipan mana pun.</p>'.repeat(120);

/** The passages as the article prints them, with how the data stores the quoted phrase. */
const PASSAGES: { name: string; printed: string; stored: string }[] = [
  { name: 'commas and a date', printed: 'Pelatihan digelar Senin hingga Jumat (27/5), di Aula Bakorwil.', stored: 'Senin hingga Jumat (27/5), di Aula Bakorwil' },
  { name: 'a hyphen', printed: 'Para peserta belajar batik-tulis dan batik cap.', stored: 'belajar batik-tulis dan batik cap' },
  { name: 'an ampersand', printed: 'Acara digelar DKUPP &amp; Dekranasda Kota Blitar.', stored: 'DKUPP & Dekranasda Kota Blitar' },
  { name: 'a decimal comma in rupiah', printed: 'Total anggaran senilai Rp2,250 miliar untuk dua IPAL.', stored: 'senilai Rp2,250 miliar' },
  { name: 'curly quotes in the article, straight in the data', printed: 'Festival bertajuk “Batik Blitar Keren” itu ramai.', stored: 'bertajuk "Batik Blitar Keren" itu' },
  { name: 'an apostrophe', printed: 'Pameran dibuka hari Jum’at pagi di alun-alun.', stored: "hari Jum'at pagi" },
  { name: 'Indonesian diacritics', printed: 'Motif khas Kampung Batik Pésindon dipamerkan.', stored: 'Kampung Batik Pésindon' },
  { name: 'white space across a line break', printed: 'yang diikuti\n      sebanyak 30 orang perajin', stored: 'yang diikuti sebanyak 30 orang perajin' },
  {
    name: 'a long phrase, as a range',
    printed:
      'Pemerintah Kota Probolinggo melalui Dinas Koperasi, Usaha Mikro dan Perdagangan menggelar pelatihan dasar batik yang diikuti sebanyak 30 orang perajin dari lima kecamatan, dan pelatihan lanjutan pewarnaan alami yang diikuti ibu-ibu anggota PKK, pelajar SMK dan anggota Karang Werda Kelurahan Wates, Sentra IKM Batik Maja-Barama.',
    stored:
      'Pemerintah Kota Probolinggo melalui Dinas Koperasi, Usaha Mikro dan Perdagangan menggelar pelatihan dasar batik yang diikuti sebanyak 30 orang perajin dari lima kecamatan, dan pelatihan lanjutan pewarnaan alami yang diikuti ibu-ibu anggota PKK, pelajar SMK dan anggota Karang Werda Kelurahan Wates, Sentra IKM Batik Maja-Barama',
  },
];

const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Berita</title></head><body>${PASSAGES.map((p, i) => `${FILLER}<p id="p${i}">${p.printed}</p>`).join('')}${FILLER}</body></html>`;

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext(CONTEXT);
  await context.route(`${new URL(ARTICLE).origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Open the address and say whether the passage with this id comes into view. */
async function opensAt(address: string, id: string, wait: number): Promise<boolean> {
  const page = await context.newPage();
  try {
    await page.goto(address, { waitUntil: 'load' });
    const inView = () => page.evaluate((el) => {
      const r = document.getElementById(el)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, id);
    for (let waited = 0; waited < wait; waited += 50) {
      if (await inView()) return true;
      await page.waitForTimeout(50);
    }
    return inView();
  } finally {
    await page.close();
  }
}

describe('a text fragment opens the article at the quoted words', () => {
  it.each(PASSAGES.map((p, i) => [p.name, p, i] as const))('%s', async (_, passage, i) => {
    // A query of its own, so each visit is a new document, as following a link is.
    const address = textFragmentUrl(`${ARTICLE}?kasus=${i}`, passage.stored);
    expect(address).not.toBeNull();
    expect(await opensAt(address!, `p${i}`, 3000), address!).toBe(true);
  });

  it('a phrase the article does not hold leaves the page at its top', async () => {
    const address = textFragmentUrl(`${ARTICLE}?kasus=tidak-ada`, 'pelatihan yang tidak pernah diberitakan');
    expect(await opensAt(address!, 'p0', 1000)).toBe(false);
  });
});
