import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Three projects, chosen by folder so that a new test file needs no change here: tests over
 * the built site in tests/build/ (`npm test` builds dist/ once, before Vitest starts; no test
 * builds the real site again), tests in Chromium in tests/browser/ and tests/quality/, and
 * every other test file, which reads only the code and fixtures (unit tests, chart snapshots,
 * the real-evidence check).
 */
const BUILD = ['tests/build/**/*.test.ts'];
const BROWSER = ['tests/browser/**/*.test.ts', 'tests/quality/**/*.test.ts'];

export default defineConfig({
  test: {
    // Dates are calendar dates; pin the zone so nothing shifts them in a test.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Two files at a time on the two cores CI has: a browser file spends much of its time
    // waiting for Chromium, a build test for its child process, and the other worker uses it.
    maxWorkers: 2,
    // The per-file wall times, slowest first, after Vitest's own report.
    reporters: ['default', './tests/reporters/file-times.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...BUILD, ...BROWSER] } },
      { extends: true, test: { name: 'build', include: BUILD } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          // A folder for the quality tests' counts and their summary line (tests/quality/global-setup.ts);
          // one Chromium for every file (tests/helpers/chromium-server.ts).
          globalSetup: ['tests/quality/global-setup.ts', 'tests/helpers/chromium-server.ts'],
        },
      },
    ],
  },
});
