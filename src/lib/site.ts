import type { Dataset } from './dataset';
import { loadDataset } from './load';
import { dataPaths } from './paths';
import { formatProblems, hasErrors } from './problems';

let cached: Dataset | undefined;

/**
 * The dataset the site is built from, loaded once per build. Any data error stops the build
 * with the full list of problems; warnings are printed once.
 */
export function siteDataset(): Dataset {
  if (cached) return cached;
  const paths = dataPaths();
  const { dataset, problems } = loadDataset(paths);
  if (!dataset || hasErrors(problems)) throw new Error(`The data in ${paths.dataDir} has errors:\n${formatProblems(problems)}`);
  if (problems.length) console.warn(`Data warnings (${problems.length}); run "npm run validate" to list them.`);
  cached = dataset;
  return dataset;
}
