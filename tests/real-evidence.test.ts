import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/lib/load';
import { dataPaths } from '../src/lib/paths';
import { formatProblems } from '../src/lib/problems';

/**
 * The one test that reads the real data against the real reports: every evidence phrase found
 * in its report, no report empty or unregistered, no error at all. Without the reports folder
 * it is skipped with a loud line, unless CI=true or BATIK_REQUIRE_REPORTS=1 make it required.
 */
const paths = dataPaths();
const present = existsSync(paths.reportsDir) && statSync(paths.reportsDir).isDirectory();
if (!present && !paths.requireReports)
  console.warn(`\n*** SKIPPED: the real evidence check — no reports folder at ${paths.reportsDir}. Set BATIK_REPORTS_DIR to the reports folder to run it. ***\n`);

describe.runIf(present || paths.requireReports)('the real data against the real reports', () => {
  it('loads with no error: every phrase found, every report registered and readable', () => {
    const { dataset, problems, evidenceChecked } = loadDataset(paths);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors, formatProblems(errors)).toEqual([]);
    expect(evidenceChecked).toBe(true);
    expect(dataset).not.toBeNull();
  });
});
