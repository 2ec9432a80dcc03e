import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { cached, filesHash, type CacheCodec } from './build-cache';
import { cityName, type City, type Dataset } from './dataset';
import type { Lang } from './format';
import { today } from './check';
import { loadDataset, type LoadOptions, type LoadResult } from './load';
import { dataPaths } from './paths';
import { formatProblems, hasErrors, type Problem } from './problems';
import { METRICS, type MetricId } from './metrics';
import { qualifierText, rankingMixNote } from './qualifiers';
import { NAMED_CITIES_LIMIT, rankBy, type Ranking } from './ranking';
import { cityPairs, summarisesByProvince } from './routes';
import { cityProfiles, provinceProfiles, type CityProfile, type ProvinceProfile } from './summarise';

export interface SiteModel {
  dataset: Dataset;
  profiles: CityProfile[];
  profileById: ReadonlyMap<string, CityProfile>;
  /**
   * The provinces, each with its cities' profiles and its own figures, when the home page
   * summarises by province (past HOME_CITIES_LIMIT cities); empty otherwise, and then no
   * province has a page.
   */
  provinces: ProvinceProfile[];
  provinceById: ReadonlyMap<string, ProvinceProfile>;
  /** The pairs of cities that have a two-city page, and those of each city. */
  pairs: [City, City][];
  pairsByCity: ReadonlyMap<string, [City, City][]>;
  /**
   * For each metric, every city ranked by the one ranking rule (src/lib/ranking.ts): highest
   * first, ties sharing a rank, the cities not reporting it listed after them and counted in
   * the denominator.
   */
  rankings: Record<MetricId, Ranking<CityProfile>>;
  /** What every city page says of each ranking in a language, worked out on first use and kept for the build. */
  rankingWords: (lang: Lang) => Record<MetricId, RankingWords>;
  /** Whether this build checked every evidence phrase against its report; the methodology page says so when not. */
  evidenceChecked: boolean;
}

/**
 * What every city page says of one ranking, the same on each: the note on what the ranking
 * mixes (past NAMED_CITIES_LIMIT cities of a kind, counted), and whether its tied leaders share
 * their qualifiers as well as their figure.
 */
export interface RankingWords {
  note: string | null;
  leadersShare: boolean;
}

function rankingWords(ranking: Ranking<CityProfile>, metric: MetricId, lang: Lang): RankingWords {
  const first = ranking.leaders[0] ? qualifierText(ranking.leaders[0].metrics[metric], lang) : '';
  return {
    note: rankingMixNote(ranking.reported.map((p) => ({ name: cityName(p.city, lang), value: p.metrics[metric] })), lang, NAMED_CITIES_LIMIT),
    leadersShare: ranking.leaders.every((p) => qualifierText(p.metrics[metric], lang) === first),
  };
}

let current: { version: string; model: SiteModel } | undefined;

/**
 * A fingerprint of the data files (name, size and modification time of each, and the number
 * of edits astro dev's watcher has seen): the model is rebuilt when it changes, so `astro dev`
 * shows a curator's edit on the next page load. Without the watcher (a build, a script) nothing
 * edits the data while the model is in use, and the folder alone is the key: a build asks for
 * the model once per page, and reading the folder each time cost a national build 6 s.
 */
function dataVersion(dataDir: string): string {
  // Edits seen by astro dev's file watcher (astro.config.mjs), which catches what sizes and times miss.
  const edits = (globalThis as { batikDataEdits?: number }).batikDataEdits;
  if (edits === undefined) return dataDir;
  if (!existsSync(dataDir)) return `${edits}`;
  return `${edits}|` + readdirSync(dataDir)
    .sort()
    .map((name) => {
      const s = statSync(join(dataDir, name));
      return `${name}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
}

/** Data with errors: the message lists every problem with its file, line, row, column and rule. */
export class DataErrors extends Error {
  constructor(
    readonly dataDir: string,
    readonly problems: readonly Problem[],
  ) {
    super(`The data in ${dataDir} has errors:\n${formatProblems(problems)}`);
    this.name = 'DataErrors';
  }
}

/** A load's result kept whole: v8's serialisation keeps the dataset's Maps and the records they share. */
const loadedFile: CacheCodec<LoadResult> = {
  folder: 'data',
  extension: 'v8',
  encode: (result) => serialize(result),
  decode: (bytes) => {
    try {
      const result = deserialize(bytes) as LoadResult;
      return Array.isArray(result?.problems) ? result : null;
    } catch {
      return null;
    }
  },
};

/**
 * The build's data, loaded and validated, or DataErrors when any problem is an error. The one
 * rule for refusing data: `npm run build` applies it before Astro starts (scripts/build.ts),
 * and the pages apply it again through siteModel, so `astro dev` refuses the same data.
 */
export function checkedData(paths: LoadOptions = dataPaths()): { dataset: Dataset; problems: Problem[]; evidenceChecked: boolean } {
  // The build script checks the data, then Astro loads it again: that load, and a rebuild's,
  // read what the first kept, under a hash of every file of the data and reports folders and
  // of the day (no report may be published after it).
  const inputs = [paths, today(), filesHash(paths.dataDir, ['.']), paths.reportsDir ? filesHash(paths.reportsDir, ['.']) : null];
  const { dataset, problems, evidenceChecked } = cached('dataset', inputs, () => loadDataset(paths), loadedFile);
  if (!dataset || hasErrors(problems)) throw new DataErrors(paths.dataDir, problems);
  return { dataset, problems, evidenceChecked };
}

/**
 * The model the site is built from, loaded and summarised once per build (and again in
 * `astro dev` whenever a data file changes). Any data error
 * stops the build with the full list of problems; warnings are counted once.
 */
export function siteModel(): SiteModel {
  const paths = dataPaths();
  const version = dataVersion(paths.dataDir);
  if (current?.version === version) return current.model;
  const { dataset, problems, evidenceChecked } = checkedData(paths);
  // Never folded into the warning count: a site built without its reports is published unchecked.
  if (!evidenceChecked)
    console.warn(`\n*** EVIDENCE NOT CHECKED: no reports folder at ${paths.reportsDir}. Set BATIK_REPORTS_DIR; the methodology page of this build says its evidence was not checked. ***\n`);
  const warnings = problems.filter((p) => p.rule !== 'reports-missing').length;
  if (warnings) console.warn(`Data: ${warnings} warnings (quality flags included); "npm run validate" lists them.`);
  current = { version, model: buildSiteModel(dataset, evidenceChecked) };
  return current.model;
}


/** Everything the pages share, computed once, so no page rescans every record. */
export function buildSiteModel(dataset: Dataset, evidenceChecked = true): SiteModel {
  const profiles = cityProfiles(dataset);
  const pairs = cityPairs(dataset.cities);
  const pairsByCity = new Map<string, [City, City][]>();
  for (const pair of pairs)
    for (const c of pair) {
      if (!pairsByCity.has(c.id)) pairsByCity.set(c.id, []);
      pairsByCity.get(c.id)!.push(pair);
    }
  const rankings = Object.fromEntries(
    METRICS.map((m) => [m.id, rankBy(profiles, (p) => p.metrics[m.id].value, (p) => p.city.id)]),
  ) as Record<MetricId, Ranking<CityProfile>>;
  // Computed per language on first use, so a model that never writes a city page (the
  // benchmark's, a unit test's) never computes them.
  const wordsByLang = new Map<Lang, Record<MetricId, RankingWords>>();
  const wordsIn = (lang: Lang) => {
    let words = wordsByLang.get(lang);
    if (!words) {
      words = Object.fromEntries(METRICS.map((m) => [m.id, rankingWords(rankings[m.id], m.id, lang)])) as Record<MetricId, RankingWords>;
      wordsByLang.set(lang, words);
    }
    return words;
  };
  const provinces = summarisesByProvince(dataset.cities) ? provinceProfiles(dataset, profiles) : [];
  return {
    dataset,
    profiles,
    profileById: new Map(profiles.map((p) => [p.city.id, p])),
    provinces,
    provinceById: new Map(provinces.map((p) => [p.id, p])),
    pairs,
    pairsByCity,
    rankings,
    rankingWords: wordsIn,
    evidenceChecked,
  };
}