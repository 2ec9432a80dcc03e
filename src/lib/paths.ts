import { resolve } from 'node:path';

/**
 * Where the data and the source reports are read from. The defaults suit a checkout with
 * the reports beside it; BATIK_DATA_DIR and BATIK_REPORTS_DIR point elsewhere (a fixture,
 * a benchmark dataset).
 */
export function dataPaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()) {
  return {
    dataDir: resolve(cwd, env.BATIK_DATA_DIR ?? 'data'),
    reportsDir: resolve(cwd, env.BATIK_REPORTS_DIR ?? '../shared/reports'),
    // CI must check the real evidence: there a missing reports folder is an error, not a warning.
    requireReports: env.CI === 'true' || env.BATIK_REQUIRE_REPORTS === '1',
  };
}
