import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Claim, Dataset, Source } from '../../src/lib/dataset';
import { textFragmentUrl, waybackTimestamp, waybackUrl } from '../../src/lib/evidence-links';
import type { Lang } from '../../src/lib/format';
import { loadDataset } from '../../src/lib/load';
import { dataPaths } from '../../src/lib/paths';
import { href } from '../../src/lib/routes';
import { useTranslations } from '../../src/i18n';
import { page } from '../helpers/dist';

/**
 * Evidence one click away (issue 12), over the built site: on every event, facility and policy
 * page, in both languages, every evidence phrase its records' claims hold is shown once per
 * claim with a link to its report's original address opening at the phrase (a text fragment)
 * and a link to the report at the Wayback Machine, each saying where it goes; the sources page
 * gives each report's archive link and says why no reading date is shown. Expectations come from
 * the data as loaded, so new records add cases.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
const dataset: Dataset = loadDataset(dataPaths({})).dataset!;
const LANGS = ['id', 'en'] as const;

beforeAll(() => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` first (npm test does)`);
});

type RecordPage = { type: 'event' | 'facility' | 'policy'; id: string; claims: Claim[] };
const records: RecordPage[] = [
  ...dataset.events.map((r) => ({ type: 'event' as const, id: r.id, claims: r.claims })),
  ...dataset.facilities.map((r) => ({ type: 'facility' as const, id: r.id, claims: r.claims })),
  ...dataset.policies.map((r) => ({ type: 'policy' as const, id: r.id, claims: r.claims })),
];
const cases = records.flatMap((r) => LANGS.map((lang) => [`${r.type} ${r.id} (${lang})`, r, lang] as const));

/** What one evidence phrase on a page links to, as "phrase | original | archive". */
const key = (phrase: string, original: string | null | undefined, archive: string | null | undefined) => `${phrase} | ${original ?? '(no link)'} | ${archive ?? '(no link)'}`;

/** The evidence phrases a page shows, each with the links beneath it. */
function shownEvidence($: CheerioAPI): { phrase: string; links: Cheerio<Element> }[] {
  return $('main blockquote.evidence')
    .map((_, el) => {
      const quote = $(el);
      const next = quote.next();
      return { phrase: quote.find('p').text(), links: next.is('p.evidence-links') ? next.find('a') : $([]) };
    })
    .get();
}

/** The decoded terms of a text directive in an address, or null when it has none. */
function directiveTerms(address: string): string[] | null {
  const m = /:~:text=([^&#]*)$/.exec(address);
  return m ? m[1]!.split(',').map(decodeURIComponent) : null;
}

describe('the data has evidence to link', () => {
  it('has records with claims on every kind of record page', () => {
    for (const type of ['event', 'facility', 'policy'] as const) expect(records.filter((r) => r.type === type && r.claims.length > 0).length, type).toBeGreaterThan(0);
  });
});

describe('every evidence phrase on a record page links to its report and its archive', () => {
  it.each(cases)('%s', (_, record, lang: Lang) => {
    const t = useTranslations(lang);
    const $ = page(dist, href({ page: record.type, id: record.id }, lang));
    const shown = shownEvidence($);

    const expected = record.claims.map((c) => {
      const source = dataset.sourceById.get(c.source)!;
      return key(c.evidence, textFragmentUrl(source.url, c.evidence), waybackUrl(source.url, source.published));
    });
    const found = shown.map(({ phrase, links }) =>
      key(phrase, links.filter('[data-link="original"]').attr('href'), links.filter('[data-link="archive"]').attr('href')),
    );
    // Each claim's phrase once, each with both links; nothing missing, nothing left over.
    expect(found.sort()).toEqual(expected.sort());

    for (const { phrase, links } of shown) {
      expect(links.length, `two links under "${phrase}"`).toBe(2);
      const source = dataset.sourceById.get(record.claims.find((c) => c.evidence === phrase)!.source)!;
      const original = links.filter('[data-link="original"]');
      const archive = links.filter('[data-link="archive"]');
      for (const a of [original, archive]) expect(a.attr('rel'), `rel of a link under "${phrase}"`).toBe('external noopener');
      // The link text says where the link goes, in the page's language.
      expect(original.text()).toBe(t('evidence.original'));
      expect(archive.text()).toBe(t(waybackTimestamp(source.published) === null ? 'evidence.archiveAll' : 'evidence.archive'));
      expectOpensAtPhrase(original.attr('href')!, source, phrase);
      expectArchive(archive.attr('href')!, source);
    }
  });
});

/**
 * Read independently of the builder: the address is the report's own with a fragment whose
 * decoded terms are the phrase as the page renders it, or its first and last words.
 */
function expectOpensAtPhrase(address: string, source: Source, phrase: string) {
  expect(address.startsWith(`${source.url}#:~:text=`) || address.startsWith(`${source.url}:~:text=`), address).toBe(true);
  const terms = directiveTerms(address);
  const rendered = phrase.replace(/\s+/g, ' ').trim();
  expect(terms, address).not.toBeNull();
  if (terms!.length === 1) expect(terms![0]).toBe(rendered);
  else {
    expect(terms).toHaveLength(2);
    expect(rendered.startsWith(`${terms![0]} `), `${rendered} starts with ${terms![0]}`).toBe(true);
    expect(rendered.endsWith(` ${terms![1]}`), `${rendered} ends with ${terms![1]}`).toBe(true);
  }
}

/** The Wayback Machine at the publication date as precise as it is known, or every capture. */
function expectArchive(address: string, source: Source) {
  const stamp = source.published === null ? '*' : source.published.replace(/-/g, '');
  expect(address).toBe(`https://web.archive.org/web/${stamp}/${source.url.split('#')[0]}`);
}

describe('the sources page gives each report its archive link', () => {
  it.each(LANGS)('%s', (lang) => {
    const t = useTranslations(lang);
    const $ = page(dist, href({ page: 'sources' }, lang));
    expect($('[data-read-date]').text()).toBe(t('sources.readDate'));
    for (const source of dataset.sources) {
      const entry = $(`li[id="${source.id}"]`);
      expect(entry.length, source.id).toBe(1);
      const archive = entry.find('a[data-link="archive"]');
      expect(archive.length, source.id).toBe(1);
      expect(archive.attr('rel')).toBe('external noopener');
      expectArchive(archive.attr('href')!, source);
    }
  });
});
