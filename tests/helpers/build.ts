/**
 * The command that builds the site, as `npm run build` runs it (scripts/build.ts: checks first,
 * then Astro into a temporary folder that replaces the output only when the build succeeds).
 * Tests pass BATIK_DATA_DIR, BATIK_REPORTS_DIR and BATIK_OUT_DIR to build other datasets.
 */
export const BUILD: readonly [string, ...string[]] = [process.execPath, '--import', 'tsx', 'scripts/build.ts'];
