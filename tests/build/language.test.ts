import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { QUALIFIERS } from '../../src/lib/metrics';
import { dataPaths } from '../../src/lib/paths';
import * as schema from '../../src/lib/schema';
import { htmlFiles } from '../helpers/dist';

/**
 * The language of the built pages: Indonesian pages in Indonesian, no internal code shown as
 * a word, and Indonesian names and quotes marked lang="id" on English pages.
 */
const dist = 'dist';
const dataset = loadDataset(dataPaths({})).dataset!;
const pages = () => htmlFiles(dist).map((file) => ({ file, address: `/${relative(dist, file).split(sep).join('/')}` }));
const indonesianPages = () => pages().filter((p) => !p.address.startsWith('/en/'));
const englishPages = () => pages().filter((p) => p.address.startsWith('/en/'));
const read = (file: string): CheerioAPI => load(readFileSync(file, 'utf8'));

/** Runs a check on a copy of a built page with some markup added to its main content, to prove the check can fail. */
function onDoctored<T>(file: string, added: string, check: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'language-'));
  try {
    const copy = join(dir, 'index.html');
    writeFileSync(copy, readFileSync(file, 'utf8').replace('</main>', `${added}</main>`));
    return check(copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(() => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
});

/**
 * Common English words that are not also Indonesian words or loanwords an Indonesian text
 * uses ("data", "festival", "online" are left out for that reason).
 */
const ENGLISH = new Set(
  (
    'the and of to is are was were for with from by on that this which not be been has have had it its an as at or but ' +
    'only if than then there their they them will would can could should each every any some about after before when ' +
    'where what who how into over under between since until because also more most other such no yes ' +
    'report reports reported text address date dated day days year years month printed page article published quoted ' +
    'inferred kept stated training trainings people participants businesses pupils none unknown figure figures city ' +
    'count approximate facility facilities source sources built planned inaugurated operating'
  ).split(' '),
);
const WORD = /(?<![\p{L}\p{N}'’-])\p{L}+(?:['’-]\p{L}+)*/gu;
const englishWords = (text: string) => (text.match(WORD) ?? []).filter((w) => ENGLISH.has(w.toLowerCase()));

/**
 * What may stay as it was written: data values that are names, titles and the reports' own
 * words (an event called "Batik in Motion", a report headed "The workers in Kampung Batik
 * Turi…", a venue, a verbatim phrase), anything in quotation marks (a curator's note quoting a
 * report, a menu of Excel in English), addresses and the licence's name.
 */
const verbatim = [
  ...dataset.sources.flatMap((s) => [s.title, s.publisher]),
  ...dataset.events.map((e) => e.title),
  ...dataset.facilities.flatMap((f) => [f.name, ...f.variants]),
  ...dataset.policies.map((p) => p.title),
  ...dataset.organisations.flatMap((o) => [o.name, o.abbreviation, ...o.variants.map((v) => v.name)]),
  ...dataset.claims.flatMap((c) => [c.value, c.part, c.evidence]),
]
  .filter((s): s is string => typeof s === 'string' && s.length > 2)
  .sort((a, b) => b.length - a.length);
const QUOTED = /"[^"]*"|“[^”]*”|‘[^’]*’|'[^']*'/g;
const withoutVerbatim = (text: string) => verbatim.reduce((t, v) => (t.includes(v) ? t.split(v).join(' ') : t), text.replace(/CC BY(-SA)? \d\.\d|https?:\/\/\S+/g, ' ')).replace(QUOTED, ' ');

/** English an Indonesian page may carry, marked lang="en": an English report's quotes, title and words (a venue), the language switch. */
const ALLOWED_ENGLISH = 'blockquote.evidence[lang="en"], cite[lang="en"], .report-text[lang="en"], a.lang-switch[lang="en"]';

/** Each element's own text (its text children), and the text people read in alt, aria-label and title. */
function texts($: CheerioAPI): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  $('body, body *').each((_, el) => {
    if (!('tagName' in el)) return;
    const own = $(el)
      .contents()
      .filter((_, n: AnyNode) => n.type === 'text')
      .text();
    if (own.trim()) out.push({ where: el.tagName, text: own });
    for (const attribute of ['alt', 'aria-label', 'title']) {
      const value = $(el).attr(attribute);
      if (value) out.push({ where: `${el.tagName}[${attribute}]`, text: value });
    }
  });
  return out;
}

describe('Indonesian pages are in Indonesian', () => {
  const problems = (file: string, address: string): string[] => {
    const $ = read(file);
    $('head, script, style, template, textarea, code[translate="no"]').remove();
    // The 404 page is one page for both languages: its English half is marked so.
    if (address === '/404.html') $('section[lang="en"]').remove();
    const out: string[] = [];
    $('[lang]')
      .not('html')
      .not(ALLOWED_ENGLISH)
      .filter((_, el) => $(el).attr('lang') !== 'id')
      .each((_, el) => void out.push(`${address}: <${'tagName' in el ? el.tagName : '?'} lang="${$(el).attr('lang')}"> ${$(el).text().trim().slice(0, 80)}`));
    $(ALLOWED_ENGLISH).remove();
    for (const { where, text } of texts($)) {
      if (englishWords(text).length === 0) continue;
      const left = englishWords(withoutVerbatim(text));
      if (left.length) out.push(`${address} <${where}>: [${left.join(', ')}] in "${text.trim().slice(0, 140)}"`);
    }
    return out;
  };

  it('no English words in the visible text outside names, titles, quotes and English reports’ own words', () => {
    const all = indonesianPages().flatMap(({ file, address }) => problems(file, address));
    expect(all.slice(0, 40), `${all.length} English texts on Indonesian pages`).toEqual([]);
  });

  it('the check finds English where it is: an English note on an Indonesian page fails', () => {
    const file = join(dist, 'sumber', 'index.html');
    expect(englishWords('Alamat laporan memuat 2024/05/27.')).toEqual([]);
    expect(englishWords('The address carries the date 2024/05/27.')).toEqual(['The', 'address', 'the', 'date']);
    expect(englishWords(withoutVerbatim('Laporan hanya menulis "on July 2018".'))).toEqual([]);
    // An English sentence put in an Indonesian page is found, marked lang="en" or not.
    expect(problems(file, '/sumber/')).toEqual([]);
    const found = onDoctored(file, '<p>The page prints the date.</p><p lang="en">Year from the address.</p>', (copy) => problems(copy, '/sumber/'));
    // The plain English sentence; the one marked lang="en", as a mark and as words.
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/The page prints the date/);
    expect(found.join('\n')).toMatch(/<p lang="en"> Year from the address/);
  });
});

/** The codes the data uses with an underscore: no reader should meet one as a word. */
const CODES = [
  ...new Set(
    [
      schema.FLAG_TYPES,
      schema.DERIVED_FLAG_TYPES,
      schema.THEMES,
      schema.EVENT_KINDS,
      schema.COUNT_BASES,
      schema.COUNT_UNITS,
      schema.FUNDING_BASES,
      schema.FACILITY_KINDS,
      schema.FACILITY_STATUSES,
      schema.ORGANISATION_KINDS,
      schema.POLICY_KINDS,
      schema.TITLE_BASES,
      schema.REJECTION_REASONS,
      schema.POPULATION_BASES,
      QUALIFIERS,
    ]
      .flat()
      .filter((c: string) => c.includes('_')),
  ),
];

describe('internal codes are not labels', () => {
  const shownCodes = (file: string, address: string): string[] => {
    const $ = read(file);
    $('head, script, style, template, textarea').remove();
    // The data dictionary documents the codes as the values they are, set as code.
    if (/^\/(en\/)?data\//.test(address)) $('code[translate="no"]').remove();
    // Text by text, so a code right after another element's words is still a word of its own.
    const text = texts($)
      .map((t) => t.text)
      .join('\n');
    return CODES.filter((code) => new RegExp(`(?<![\\w-])${code}(?![\\w-])`).test(text)).map((code) => `${address}: ${code}`);
  };

  it('no page in either language shows a code such as target_not_count as text', () => {
    expect(CODES).toContain('target_not_count');
    expect(CODES).toContain('under_construction');
    const all = pages().flatMap(({ file, address }) => shownCodes(file, address));
    expect(all).toEqual([]);
  });

  it('the check finds a code shown as a label, even set as code outside the data dictionary', () => {
    const file = join(dist, 'metodologi', 'index.html');
    const found = onDoctored(file, '<dl><dt><code>target_not_count</code></dt><dd>Sasaran.</dd></dl><p>Status: under_construction</p>', (copy) => shownCodes(copy, '/metodologi/'));
    expect(found).toEqual(['/metodologi/: target_not_count', '/metodologi/: under_construction']);
  });
});

describe('English pages mark Indonesian names and quotes', () => {
  const indonesianSources = new Set(dataset.sources.filter((s) => s.language === 'id').map((s) => s.id));
  /** Indonesian texts an English page prints as they are: report titles, evidence, event, facility and policy names. */
  const indonesian = new Set(
    [
      ...dataset.sources.filter((s) => indonesianSources.has(s.id)).map((s) => s.title),
      ...dataset.claims.filter((c) => indonesianSources.has(c.source)).map((c) => c.evidence),
      ...dataset.events.filter((e) => e.title !== e.title_en).map((e) => e.title),
      ...dataset.facilities.filter((f) => f.name !== f.name_en).map((f) => f.name),
      ...dataset.policies.filter((p) => p.title !== p.title_en).map((p) => p.title),
    ].filter((s): s is string => s !== null),
  );

  /** The Indonesian texts a page prints (a text of its own equal to one), and those not inside lang="id". */
  const check = (file: string, address: string) => {
    const $ = read(file);
    $('head, script, style, template, textarea').remove();
    let seen = 0;
    const unmarked: string[] = [];
    $('body *')
      .contents()
      .each((_, node) => {
        if (node.type !== 'text' || !indonesian.has($(node).text().trim())) return;
        seen++;
        const lang = $(node.parent!).closest('[lang]').attr('lang');
        if (lang !== 'id') unmarked.push(`${address}: (lang=${lang}) ${$(node).text().trim().slice(0, 80)}`);
      });
    return { seen, unmarked };
  };

  it('every Indonesian report title and evidence phrase on an English page is inside an element with lang="id"', () => {
    const results = englishPages().map(({ file, address }) => check(file, address));
    const unmarked = results.flatMap((r) => r.unmarked);
    // Hundreds of titles and quotes are printed on the English pages; none may go unmarked.
    expect(results.reduce((n, r) => n + r.seen, 0)).toBeGreaterThan(500);
    expect(unmarked.slice(0, 30), `${unmarked.length} unmarked`).toEqual([]);
  });

  it('the check finds an Indonesian title printed without lang="id"', () => {
    const title = dataset.sources.find((s) => s.language === 'id' && s.title !== null)!.title!;
    const found = onDoctored(join(dist, 'en', 'sources', 'index.html'), `<p><a href="#">${title}</a></p>`, (copy) => check(copy, '/en/sources/'));
    expect(found.unmarked).toEqual([`/en/sources/: (lang=en) ${title.slice(0, 80)}`]);
  });
});
