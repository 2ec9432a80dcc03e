/**
 * `npm run bench`: builds the site from the real dataset and from a synthetic national one
 * (514 cities × 20 events in 38 provinces, deterministic), each into a temporary folder, and
 * prints records, pages, build seconds (wall and CPU), output bytes, the largest page and the
 * home page's weight against its budget, with the ratio of the national build to the real one;
 * then, per family of pages and files (home, province, city, event, …), how many the national
 * build made, its seconds and milliseconds per item, and the ratio of the counts. It also times,
 * in this process, loading the data and rendering every chart of the site, per record and per
 * chart with no cache, to show they stay flat. Each build starts with an empty build cache
 * (src/lib/build-cache.ts); the national one is then built again with the charts, workbooks and
 * images its first build made, as a rebuild after a new report finds them, and that build's
 * seconds are printed too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import budgets from '../tests/budgets.json';
import { pageWeight } from '../tests/helpers/weight';
import { chartCatalogue } from '../src/charts/catalogue';
import { loadDataset } from '../src/lib/load';
import { dataPaths } from '../src/lib/paths';
import { WORDS } from '../src/lib/routes';
import { buildSiteModel } from '../src/lib/site';
import { writeSyntheticDataset } from './synthetic';

interface Family {
  items: number;
  seconds: number;
}

interface Figures {
  name: string;
  cities: number;
  provinces: number;
  records: number;
  pages: number;
  pairPages: number;
  charts: number;
  loadSeconds: number;
  chartSeconds: number;
  buildSeconds: number;
  /** CPU seconds of the build and its child processes (user + system); null off Linux. */
  buildCpuSeconds: number | null;
  searchSeconds: number | null;
  outputBytes: number;
  largestPage: string;
  largestBytes: number;
  homeGzipBytes: number;
  homeRequests: number;
  families: Map<string, Family>;
}

function walk(dir: string, files: { path: string; bytes: number }[] = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) walk(path, files);
    else files.push({ path, bytes: s.size });
  }
  return files;
}

/** CPU seconds used by this process's waited-for children so far (Linux: /proc/self/stat, in clock ticks of 1/100 s). */
function childCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: cutime and cstime are the 14th and 15th fields (stat(5) fields 16 and 17).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** The family of a route file: the page kind its address word names (kota, city → city), and "files" for an endpoint. */
const PAGE_OF_WORD = new Map<string, string>(Object.values(WORDS).flatMap((words) => Object.entries(words).map(([page, word]) => [word, page] as [string, string])));
function familyOf(route: string): string {
  const parts = route.replace(/^src\/pages\//, '').replace(/^en\//, '').split('/');
  const first = parts[0]!.replace(/\.(astro|ts)$/, '');
  const file = parts.at(-1)!;
  if (first === 'embed') return file.startsWith('chart.') ? 'embed images' : file.startsWith('oembed') ? 'embed oEmbed' : 'embed';
  if (first === 'og') return 'share images';
  if (first === 'index') return 'home';
  const word = PAGE_OF_WORD.get(first) ?? first;
  const page = word === 'compare' ? 'pair' : word;
  return route.endsWith('.ts') && !route.endsWith('.astro') ? `${page} files` : page;
}

/**
 * Seconds and items per family, from Astro's build log: each route starts with a timestamped
 * line naming its file, followed by a line per page or file. A route's time runs to the next
 * route's start (to the second), so it includes everything its pages computed first, such as
 * the chart catalogue on the first page that shows a chart.
 */
function familiesFromLog(log: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const seconds = (line: string) => {
    const [h, m, s] = line.slice(0, 8).split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  let current: { family: string; start: number } | null = null;
  const close = (end: number) => {
    if (!current) return;
    const f = families.get(current.family)!;
    f.seconds += end - current.start;
    current = null;
  };
  for (const line of lines) {
    const route = /^\d\d:\d\d:\d\d [▶λ] (src\/pages\/\S+)/.exec(line)?.[1];
    if (route) {
      close(seconds(line));
      const family = familyOf(route);
      if (!families.has(family)) families.set(family, { items: 0, seconds: 0 });
      current = { family, start: seconds(line) };
    } else if (current && /^\d\d:\d\d:\d\d\s+[├└]─ /.test(line)) families.get(current.family)!.items += 1;
    else if (current && /^\d\d:\d\d:\d\d ✓ Completed in/.test(line)) close(seconds(line));
  }
  return families;
}

function measure(name: string, dataDir: string, reportsDir: string, out: string, cache: string): Figures {
  let t = performance.now();
  const { dataset, problems } = loadDataset({ dataDir, reportsDir });
  if (!dataset) throw new Error(`${name}: the data has errors: ${problems.filter((p) => p.severity === 'error').length}`);
  const loadSeconds = (performance.now() - t) / 1000;
  const model = buildSiteModel(dataset);
  t = performance.now();
  const charts = chartCatalogue(model, 'id').length + chartCatalogue(model, 'en').length;
  const chartSeconds = (performance.now() - t) / 1000;
  const records = Object.values({ ...dataset }).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);

  const cpuBefore = childCpuSeconds();
  t = performance.now();
  // The build as `npm run build` runs it (scripts/build.ts), so its checks and the search index are timed too.
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    env: { ...process.env, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: reportsDir, BATIK_OUT_DIR: out, BATIK_CACHE: cache },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const buildSeconds = (performance.now() - t) / 1000;
  const cpuAfter = childCpuSeconds();
  if (build.status !== 0) throw new Error(`${name}: build failed\n${build.stderr.slice(-4000)}`);
  const files = walk(out);
  const pages = files.filter((f) => f.path.endsWith('.html'));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const home = pageWeight(out, budgets.pages.home.path);
  // The index is made while Astro builds; what is timed is what was left of it once the pages were built.
  const searchSeconds = /Search index: .*, the rest in ([\d.]+) s\./.exec(build.stdout)?.[1];
  return {
    name,
    cities: dataset.cities.length,
    provinces: new Set(dataset.cities.map((c) => c.province)).size,
    records,
    pages: pages.length,
    pairPages: pages.filter((p) => /\/(banding|compare)\//.test(p.path)).length,
    charts,
    loadSeconds,
    chartSeconds,
    buildSeconds,
    buildCpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    searchSeconds: searchSeconds === undefined ? null : Number(searchSeconds),
    outputBytes: files.reduce((n, f) => n + f.bytes, 0),
    largestPage: `/${relative(out, largest.path)}`,
    largestBytes: largest.bytes,
    homeGzipBytes: home.gzipBytes,
    homeRequests: home.requests,
    families: familiesFromLog(build.stdout),
  };
}

const root = mkdtempSync(join(tmpdir(), 'batik-bench-'));
// The charts this process renders to time them are drawn, never read from a cache; each build is given its own.
process.env['BATIK_CACHE'] = 'off';
try {
  const real = dataPaths();
  console.log('Building the real dataset…');
  // Each dataset starts with an empty build cache of its own: the first build draws every chart and image.
  const small = measure('real', real.dataDir, real.reportsDir, join(root, 'out-real'), join(root, 'cache-real'));
  console.log('Generating and building the national dataset (514 cities × 20 events)…');
  const synthetic = writeSyntheticDataset(join(root, 'national'), { cities: 514, eventsPerCity: 20, seed: 514 });
  const national = measure('national', synthetic.dataDir, synthetic.reportsDir, join(root, 'out-national'), join(root, 'cache-national'));
  // A rebuild of the same data, as after a report that changes a few charts: the images drawn by the first build are in the cache.
  console.log('Building the national dataset again, its cache kept…');
  rmSync(join(root, 'out-national'), { recursive: true, force: true });
  const rebuilt = measure('national, cache kept', synthetic.dataDir, synthetic.reportsDir, join(root, 'out-national'), join(root, 'cache-national'));

  const ratio = (a: number | null, b: number | null, digits = 1) => (a && b !== null ? (b / a).toFixed(digits) : '–');
  const perPage = (f: Figures) => (f.buildSeconds * 1000) / f.pages;
  const rows: [string, (f: Figures) => string, (a: Figures, b: Figures) => string][] = [
    ['cities', (f) => String(f.cities), (a, b) => ratio(a.cities, b.cities)],
    ['provinces', (f) => String(f.provinces), (a, b) => ratio(a.provinces, b.provinces)],
    ['records', (f) => String(f.records), (a, b) => ratio(a.records, b.records)],
    ['pages (HTML)', (f) => String(f.pages), (a, b) => ratio(a.pages, b.pages)],
    ['  of which two-city pages', (f) => String(f.pairPages), (a, b) => ratio(a.pairPages, b.pairPages)],
    ['charts (both languages)', (f) => String(f.charts), (a, b) => ratio(a.charts, b.charts)],
    ['load + validate, s', (f) => f.loadSeconds.toFixed(2), (a, b) => ratio(a.loadSeconds, b.loadSeconds)],
    ['  ms per record', (f) => ((f.loadSeconds * 1000) / f.records).toFixed(3), (a, b) => ratio(a.loadSeconds / a.records, b.loadSeconds / b.records, 2)],
    ['render every chart, s', (f) => f.chartSeconds.toFixed(2), (a, b) => ratio(a.chartSeconds, b.chartSeconds)],
    ['  ms per chart', (f) => ((f.chartSeconds * 1000) / f.charts).toFixed(2), (a, b) => ratio(a.chartSeconds / a.charts, b.chartSeconds / b.charts, 2)],
    ['build, s (wall)', (f) => f.buildSeconds.toFixed(1), (a, b) => ratio(a.buildSeconds, b.buildSeconds)],
    ['build, CPU s', (f) => (f.buildCpuSeconds === null ? '–' : f.buildCpuSeconds.toFixed(1)), (a, b) => ratio(a.buildCpuSeconds, b.buildCpuSeconds)],
    ['  search index after pages, s', (f) => (f.searchSeconds === null ? '–' : f.searchSeconds.toFixed(1)), (a, b) => ratio(a.searchSeconds, b.searchSeconds)],
    ['  ms per page (wall)', (f) => perPage(f).toFixed(1), (a, b) => ratio(perPage(a), perPage(b), 2)],
    ['output, MB', (f) => (f.outputBytes / 1e6).toFixed(1), (a, b) => ratio(a.outputBytes, b.outputBytes)],
    ['largest page, KB', (f) => (f.largestBytes / 1e3).toFixed(0), (a, b) => ratio(a.largestBytes, b.largestBytes)],
    [`home, gzip B (≤ ${budgets.pages.home.gzipBytes})`, (f) => String(f.homeGzipBytes), (a, b) => ratio(a.homeGzipBytes, b.homeGzipBytes, 2)],
    [`home, requests (≤ ${budgets.pages.home.requests})`, (f) => String(f.homeRequests), (a, b) => ratio(a.homeRequests, b.homeRequests, 2)],
  ];
  console.log(`\n${'figure'.padEnd(30)}${'real'.padStart(12)}${'national'.padStart(12)}${'ratio'.padStart(10)}`);
  for (const [label, value, r] of rows) console.log(`${label.padEnd(30)}${value(small).padStart(12)}${value(national).padStart(12)}${r(small, national).padStart(10)}`);

  // Per family: the national build's count, seconds and ms per item, and how its count compares with the real build's.
  console.log(`\n${'family (pages or files)'.padEnd(26)}${'real'.padStart(8)}${'national'.padStart(10)}${'ratio'.padStart(8)}${'s'.padStart(8)}${'ms each'.padStart(9)}`);
  const names = [...new Set([...national.families.keys(), ...small.families.keys()])].sort((a, b) => (national.families.get(b)?.seconds ?? 0) - (national.families.get(a)?.seconds ?? 0));
  for (const family of names) {
    const [a, b] = [small.families.get(family), national.families.get(family)];
    const cells = [
      String(a?.items ?? 0).padStart(8),
      String(b?.items ?? 0).padStart(10),
      ratio(a?.items ?? 0, b?.items ?? 0).padStart(8),
      (b ? b.seconds.toFixed(0) : '–').padStart(8),
      (b && b.items ? ((b.seconds * 1000) / b.items).toFixed(1) : '–').padStart(9),
    ];
    console.log(`${family.padEnd(26)}${cells.join('')}`);
  }
  const cpu = (f: Figures) => (f.buildCpuSeconds === null ? '–' : f.buildCpuSeconds.toFixed(1));
  console.log(
    `\nnational build again with its cache kept: ${rebuilt.buildSeconds.toFixed(1)} s wall, ${cpu(rebuilt)} CPU s, search index after its pages ${rebuilt.searchSeconds?.toFixed(1) ?? '–'} s ` +
      `(first build: ${national.buildSeconds.toFixed(1)} s wall, ${cpu(national)} CPU s); embed images ${rebuilt.families.get('embed images')?.seconds.toFixed(0) ?? '–'} s, share images ${rebuilt.families.get('share images')?.seconds.toFixed(0) ?? '–'} s`,
  );
  console.log(`largest page: real ${small.largestPage}; national ${national.largestPage}`);
  console.log(`home page within budget at national scale: ${national.homeGzipBytes <= budgets.pages.home.gzipBytes && national.homeRequests <= budgets.pages.home.requests ? 'yes' : 'NO'}`);
  console.log('(build seconds include a fixed Astro/Vite start-up; a family\'s seconds run from its first page to the next family\'s, to the second, and include what its first page computed for the rest. CPU seconds count both cores and are the fairer figure on a shared machine.)');
} finally {
  rmSync(root, { recursive: true, force: true });
}
