/**
 * `npm run build`: builds the site into dist/ (or BATIK_OUT_DIR) so that a failed build never
 * leaves a half-written folder and never damages the last good one.
 *
 * 1. SITE_URL is checked (src/lib/site-url.ts) and the data validated (checkedData, the rule the
 *    pages apply); any problem is printed and the build stops before Astro starts, with the
 *    output folder untouched.
 * 2. Astro builds into a temporary folder beside the target, `<out>.partial-<pid>`: beside it
 *    so that it is on the same file system and the finished build can be renamed into place
 *    rather than copied. A target outside the project (a test's or the bench's folder in /tmp)
 *    is built in a folder of its own inside the project first, `node_modules/.cache/
 *    batik-builds/<pid>`, then moved beside the target: Astro keeps a build's intermediate files
 *    in its output folder only when that folder is inside the working directory, and otherwise
 *    in the project's `.astro/` (getOutDirWithinCwd), which two such builds at once would share
 *    and delete under each other.
 * 3. Pagefind indexes the pages for the site's search (scripts/search-index.ts) while Astro
 *    builds: Astro prints each page it has written under the route it belongs to, and each
 *    finished route's pages go to Pagefind, a process of its own, so the index is made on the
 *    second core as Astro renders the next routes; once the last route of a language is done,
 *    that language's index is written while Astro renders the other's pages. Whatever was not
 *    indexed then (if Astro's lines change, everything) is indexed once Astro is done. An index
 *    that fails, or does not hold exactly the pages meant for it, fails the build.
 * 4. Only when Astro and the index succeed is the old folder moved aside and the new one
 *    renamed in; on failure or interruption the temporary folder is removed and the old one is
 *    left as it was.
 *
 * Why a wrapper script and not an Astro integration: an integration runs inside a build that
 * has already chosen its output folder and, on an error, is not told (there is no failure
 * hook), so it could neither redirect the output nor clean up after a failed build; and the
 * checks of step 1 should stop the build before Astro and Vite even start.
 *
 * Arguments after the command go to `astro build` (e.g. `npm run build -- --verbose`).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { dataPaths } from '../src/lib/paths';
import { checkedData, DataErrors } from '../src/lib/site';
import { languageOfPath } from '../src/lib/routes';
import { checkBuildSiteUrl, DEFAULT_SITE_URL } from '../src/lib/site-url';
import { closeSearchIndex, SearchIndex } from './search-index';

function fail(message: string): never {
  console.error(`\nBuild stopped: ${message}\n`);
  process.exit(1);
}

const cwd = process.cwd();
const outDir = resolve(cwd, process.env['BATIK_OUT_DIR'] ?? 'dist');
const shown = relative(cwd, outDir) || '.';
const untouched = () => `${shown} ${existsSync(outDir) ? 'was not changed' : 'was not created'}`;

const siteUrl = checkBuildSiteUrl(process.env);
if (!siteUrl.ok) fail(`${siteUrl.message} Nothing was built; ${untouched()}.`);

// The output folder is replaced whole, so it must be a folder of its own: never the project
// or a folder holding it, and never a folder that is not a build (data/, src/, a typo).
if (outDir === dirname(outDir) || cwd === outDir || cwd.startsWith(`${outDir}${sep}`))
  fail(`BATIK_OUT_DIR is ${JSON.stringify(process.env['BATIK_OUT_DIR'])}, which holds the project; it must name a folder of its own.`);
if (existsSync(outDir)) {
  if (!statSync(outDir).isDirectory()) fail(`the output ${shown} exists and is not a folder.`);
  if (readdirSync(outDir).length > 0 && !existsSync(join(outDir, 'index.html')))
    fail(`the output folder ${shown} is not empty and holds no index.html, so it is not a build of this site; the build replaces the whole folder, so it will not touch this one. Remove it or set BATIK_OUT_DIR to another folder.`);
}

try {
  checkedData(dataPaths());
} catch (e) {
  if (!(e instanceof DataErrors)) throw e;
  fail(`${e.message}\nFix the data (npm run validate lists the same problems); ${untouched()}.`);
}

const partial = `${outDir}.partial-${process.pid}`;
const previous = `${outDir}.previous-${process.pid}`;
const builds = join(cwd, 'node_modules', '.cache', 'batik-builds');
const staging = partial.startsWith(`${cwd}${sep}`) ? partial : join(builds, String(process.pid));
const removeTemporary = () => [staging, partial].forEach((dir) => rmSync(dir, { recursive: true, force: true }));

/** The route files under src/pages, as Astro names them after `src/pages` (`/en/city/[id].astro`). */
function routeFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? routeFiles(path, `${prefix}/${name}`) : [`${prefix}/${name}`];
  });
}

/** Folders a killed build left behind (its process is gone): removed, so none accumulate. */
function removeLeftovers() {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:partial|previous)-(\\d+)$`);
  for (const name of readdirSync(parent)) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || alive(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
  if (existsSync(builds)) for (const name of readdirSync(builds)) if (!alive(Number(name))) rmSync(join(builds, name), { recursive: true, force: true });
}
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

removeLeftovers();
removeTemporary();

const search = await SearchIndex.open().catch((e: unknown) => fail(`the search index could not be made. ${e instanceof Error ? e.message : String(e)} ${untouched()}.`));

const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'inherit'],
  // Astro's output is passed on as it comes; coloured, as it would be, when that is a terminal.
  env: { ...process.env, BATIK_OUT_DIR: staging, ...(process.stdout.isTTY && !process.env['NO_COLOR'] ? { FORCE_COLOR: '1' } : {}) },
});

/**
 * Astro's lines, read for the search index: `▶ src/pages/…` (or `λ` for an endpoint) starts a
 * route and `├─ /kota/blitar/index.html (+2ms)` follows each file it has written; Astro renders
 * one route at a time, so a route's start is the end of the one before.
 */
const route: string[] = [];
/** The route files of each language not finished yet: once none is left, that language's index is written. */
const routesLeft = new Map<string, Set<string>>();
for (const file of routeFiles(join(cwd, 'src', 'pages'))) {
  const lang = languageOfPath(file);
  routesLeft.set(lang, (routesLeft.get(lang) ?? new Set()).add(file));
}
let currentRoute: string | null = null;
const routeDone = () => {
  search.add(staging, route.splice(0));
  if (currentRoute === null) return;
  const lang = languageOfPath(currentRoute);
  const left = routesLeft.get(lang);
  if (left?.delete(currentRoute) && left.size === 0) search.writeLanguage(staging, lang);
  currentRoute = null;
};
let pending = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  const lines = (pending + chunk.toString('utf8')).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
    const started = /\s[▶λ] src\/pages(\/\S+)/.exec(plain)?.[1];
    if (started) {
      routeDone();
      currentRoute = started;
    }
    const file = /\s[├└]─ (\/\S+)/.exec(plain)?.[1];
    if (file) route.push(file);
  }
});

// Ctrl-C reaches Astro too; either way, wait for it and the index to stop, then clean up below.
const stop: { signal: NodeJS.Signals | null } = { signal: null };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => {
    stop.signal = signal;
    void closeSearchIndex();
    child.kill(signal);
  });
const status = await new Promise<number>((done) => {
  child.on('error', (e) => {
    console.error(e);
    done(1);
  });
  child.on('close', (code) => done(code ?? 1));
});

if (status !== 0 || stop.signal) {
  await closeSearchIndex();
  removeTemporary();
  console.error(`\nBuild ${stop.signal ? `interrupted (${stop.signal})` : 'failed'}: ${untouched()}.\n`);
  process.exit(status || 1);
}

// The rest of the pages into the index, and its bundle written, before anything is moved.
routeDone();
const whileBuilding = search.size;
let searchPages: Record<string, number>;
const searchStart = performance.now();
try {
  searchPages = await search.finish(staging);
} catch (e) {
  removeTemporary();
  console.error(stop.signal ? `\nBuild interrupted (${stop.signal}): ${untouched()}.\n` : `\nBuild failed: the search index could not be made. ${e instanceof Error ? e.message : String(e)}\n${untouched()}.\n`);
  process.exit(1);
} finally {
  await closeSearchIndex();
}
if (stop.signal) {
  removeTemporary();
  console.error(`\nBuild interrupted (${stop.signal}): ${untouched()}.\n`);
  process.exit(1);
}
console.log(
  `Search index: ${Object.entries(searchPages).map(([lang, n]) => `${n} pages (${lang})`).join(', ')}; ${whileBuilding} pages read for it while Astro built, the rest in ${((performance.now() - searchStart) / 1000).toFixed(1)} s.`,
);

if (staging !== partial) {
  mkdirSync(dirname(partial), { recursive: true });
  try {
    renameSync(staging, partial);
  } catch (e) {
    // On another file system a rename cannot move it: copied, then removed.
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(staging, partial, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

// The swap: the old build aside, the new one in, the old one removed. Should the second rename
// fail, the old build goes back.
const hadPrevious = existsSync(outDir);
if (hadPrevious) renameSync(outDir, previous);
try {
  renameSync(partial, outDir);
} catch (e) {
  if (hadPrevious) renameSync(previous, outDir);
  rmSync(partial, { recursive: true, force: true });
  throw e;
}
rmSync(previous, { recursive: true, force: true });

console.log(`\nBuilt into ${shown}/${hadPrevious ? ' (the previous build replaced)' : ''}.`);
if (siteUrl.ok && siteUrl.isDefault)
  console.warn(
    `\n*** SITE_URL IS NOT SET: canonical links, the sitemap, oEmbed and embed snippets point at ${DEFAULT_SITE_URL.replace(/\/$/, '')}; set SITE_URL (e.g. SITE_URL=https://example.org npm run build:publish) before publishing. ***\n`,
  );
