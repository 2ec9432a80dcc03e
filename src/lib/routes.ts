import { group } from 'd3';
import { withBase } from './base';
import type { Lang } from './format';
import type { MetricId } from './metrics';
import { ALL_PAIRS_LIMIT } from './pair-pages';

/**
 * Every page address, computed here once. Indonesian pages live at the root of the site,
 * English ones under /en/ with English path words. `pagePath` is a page's place in the site
 * (and in the built folder); `href` is the address it is served at, under the site's base.
 */
export type PageRef =
  | { page: 'home' | 'sources' | 'methodology' | 'data' | 'search' }
  | { page: 'city'; id: string }
  | { page: 'province'; id: string }
  | { page: 'metric'; id: MetricId }
  | { page: 'event' | 'facility' | 'policy'; id: string }
  | { page: 'compare'; a: string; b: string };

export const WORDS = {
  id: { city: 'kota', province: 'provinsi', metric: 'metrik', event: 'kegiatan', facility: 'fasilitas', policy: 'kebijakan', compare: 'banding', sources: 'sumber', methodology: 'metodologi', data: 'data', search: 'cari' },
  en: { city: 'city', province: 'province', metric: 'metric', event: 'event', facility: 'facility', policy: 'policy', compare: 'compare', sources: 'sources', methodology: 'methodology', data: 'data', search: 'search' },
} as const;

export const metricSlug = (id: MetricId) => id.replace(/_/g, '-');
/** The word between two city ids in a comparison's address; city ids may not contain it (schema.ts). */
export const PAIR_SEPARATOR_WORD = 'vs';
export const pairSlug = (a: string, b: string) => `${a}-${PAIR_SEPARATOR_WORD}-${b}`;
/**
 * The fragment of a two-city page that shows the given city first. A pair has one page, in the
 * cities' order (building both orders would double the pair pages at national scale); the page
 * holds its brief in both orders and shows the one its fragment targets, so "own city first"
 * works without JavaScript, in print, and as an address to bookmark.
 */
export const pairOrderAnchor = (first: string, lang: Lang) => `${lang === 'id' ? 'urutan' : 'order'}-${first}`;
/** The id of a chart's block on its page, where an embed's link back and an image's caption point. */
export const chartAnchor = (slug: string) => `chart-${slug}`;

/** Where each language's pages live, from the root of the site: Indonesian at the root, English under /en/. */
const LANG_PREFIX: Record<Lang, string> = { id: '/', en: '/en/' };

/**
 * The language of the page at this path from the root of the site, or of the route file at
 * this path from src/pages (`/en/city/[id].astro`), by the prefix of pagePath.
 */
export const languageOfPath = (path: string): Lang => (path.startsWith(LANG_PREFIX.en) ? 'en' : 'id');

export function pagePath(ref: PageRef, lang: Lang): string {
  const prefix = LANG_PREFIX[lang];
  const w = WORDS[lang];
  switch (ref.page) {
    case 'home':
      return prefix;
    case 'sources':
    case 'methodology':
    case 'data':
    case 'search':
      return `${prefix}${w[ref.page]}/`;
    case 'city':
    case 'province':
      return `${prefix}${w[ref.page]}/${ref.id}/`;
    case 'metric':
      return `${prefix}${w.metric}/${metricSlug(ref.id)}/`;
    case 'event':
    case 'facility':
    case 'policy':
      return `${prefix}${w[ref.page]}/${ref.id}/`;
    case 'compare':
      return `${prefix}${w.compare}/${pairSlug(ref.a, ref.b)}/`;
  }
}

/** A page's address on the site, under its base: what every link to it carries. */
export const href = (ref: PageRef, lang: Lang): string => withBase(pagePath(ref, lang));

/** Every unordered pair of the given cities, in their order. */
function allPairs<T>(cities: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  cities.forEach((a, i) => cities.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return pairs;
}

/**
 * The pairs of cities that get a two-city page, by pairHasPage's rule (pair-pages.ts), found
 * province by province rather than by testing every pair of the country.
 */
export function cityPairs<T extends { id: string; province: string }>(cities: readonly T[]): [T, T][] {
  if (cities.length <= ALL_PAIRS_LIMIT) return allPairs(cities);
  return [...group(cities, (c) => c.province).values()].filter((of) => of.length <= ALL_PAIRS_LIMIT).flatMap(allPairs);
}

/**
 * Up to this many cities the home page shows every city: a card each, every city in its
 * charts and table. Past it the home page shows one card and one row per province, and each
 * province gets a page of its own (/provinsi/<id>/) with the full lists and charts of its
 * cities, so no page grows with the number of cities in the country. Twelve keeps the four
 * cities of the record, and any handful more, on one page.
 */
export const HOME_CITIES_LIMIT = 12;

/** Whether the home page summarises by province, with a page per province. */
export const summarisesByProvince = (cities: readonly unknown[]) => cities.length > HOME_CITIES_LIMIT;

/**
 * A province's id in its address, from its Indonesian name: "Jawa Timur" → "jawa-timur",
 * "DI Yogyakarta" → "di-yogyakarta". Province pages have an address of their own section, so
 * an id may equal a city's (Kota Gorontalo in Gorontalo).
 */
export const provinceId = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The first path segment of every section of the site, per language, from the root of the
 * site: the security headers give each its own rule (under the base: headersFile), so embed
 * pages never share a rule with the rest.
 */
export const sectionPrefixes = (lang: Lang): string[] => [...new Set(Object.values(WORDS[lang]))].map((w) => `${LANG_PREFIX[lang]}${w}/`);

/**
 * Where the build writes Pagefind's bundle (its script, WebAssembly and the index of each
 * language), from the root of the site; only the search page loads from it.
 */
export const SEARCH_BUNDLE = '/pagefind/';

/** Where a downloadable data file is served. */
export const dataFileHref = (name: string) => withBase(`/data/${name}`);

/**
 * Where a table's Excel workbook is served: beside the data page of the language its column
 * labels are in, /data/<name>.xlsx in Indonesian and /en/data/<name>.xlsx in English.
 */
export const workbookHref = (name: string, lang: Lang) => `${href({ page: 'data' }, lang)}${name}.xlsx`;

/** Parameters of the generated pages, shared by the Indonesian and English route files. */
export const routeParams = {
  city: (cities: readonly { id: string }[]) => cities.map((c) => ({ params: { id: c.id } })),
  province: (provinces: readonly { id: string }[]) => provinces.map((p) => ({ params: { id: p.id } })),
  /** One page per record of a kind: events, facilities, policies. */
  record: (records: readonly { id: string }[]) => records.map((r) => ({ params: { id: r.id } })),
  metric: (ids: readonly MetricId[]) => ids.map((id) => ({ params: { id: metricSlug(id) }, props: { metric: id } })),
  pair: (pairs: readonly [{ id: string }, { id: string }][]) =>
    pairs.map(([a, b]) => ({ params: { pair: pairSlug(a.id, b.id) }, props: { a: a.id, b: b.id } })),
};
