import type { Dataset } from './dataset';
import { loadDataset } from './load';
import { dataPaths } from './paths';
import { formatProblems, hasErrors } from './problems';
import { cityProfiles, type CityProfile } from './summarise';

export interface SiteModel {
  dataset: Dataset;
  profiles: CityProfile[];
  profileById: ReadonlyMap<string, CityProfile>;
}

let cached: SiteModel | undefined;

/**
 * The model the site is built from, loaded and summarised once per build. Any data error
 * stops the build with the full list of problems; warnings are counted once.
 */
export function siteModel(): SiteModel {
  if (cached) return cached;
  const paths = dataPaths();
  const { dataset, problems } = loadDataset(paths);
  if (!dataset || hasErrors(problems)) throw new Error(`The data in ${paths.dataDir} has errors:\n${formatProblems(problems)}`);
  if (problems.length) console.warn(`Data: ${problems.length} warnings (quality flags included); "npm run validate" lists them.`);
  const profiles = cityProfiles(dataset);
  cached = { dataset, profiles, profileById: new Map(profiles.map((p) => [p.city.id, p])) };
  return cached;
}

export const siteDataset = (): Dataset => siteModel().dataset;
