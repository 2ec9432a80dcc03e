/**
 * Validate the curated data on its own: `npm run validate`.
 * Prints every error and warning with file, line, row, column, value and rule, and exits
 * with status 1 when there is any error.
 */
import { formatProblems, hasErrors } from '../src/lib/problems';
import { loadDataset } from '../src/lib/load';
import { dataPaths } from '../src/lib/paths';

const paths = dataPaths();
const { dataset, problems, evidenceChecked } = loadDataset(paths);
console.log(`Validating ${paths.dataDir} (reports: ${paths.reportsDir})`);
console.log(formatProblems(problems));
if (!evidenceChecked) console.warn(`\n*** EVIDENCE NOT CHECKED: no reports folder at ${paths.reportsDir} (set BATIK_REPORTS_DIR). ***\n`);
if (hasErrors(problems) || !dataset) process.exit(1);
console.log(
  `OK: ${dataset.cities.length} cities, ${dataset.sources.length} sources, ${dataset.events.length} events, ` +
    `${dataset.facilities.length} facilities, ${dataset.policies.length} policies, ${dataset.claims.length} claims, ` +
    `${dataset.sources.filter((s) => s.rejected).length} reports rejected, ${dataset.flags.length} quality flags`,
);
