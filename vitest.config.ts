import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Dates are calendar dates; pin the zone so nothing shifts them in a test.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Gives the quality tests (tests/quality) a folder for their counts and prints their summary line.
    globalSetup: ['tests/quality/global-setup.ts'],
  },
});
