/**
 * `npm run bench`: builds the site from the real dataset and from a synthetic national one
 * (514 cities × 20 events, deterministic), each into a temporary folder, and prints records,
 * pages, build seconds, seconds per page, output bytes and the largest page, with the ratio
 * of the national build to the real one. It also times, in this process, loading the data and
 * rendering every chart of the site, per record and per chart, to show they stay flat.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chartCatalogue } from '../src/charts/catalogue';
import { loadDataset } from '../src/lib/load';
import { dataPaths } from '../src/lib/paths';
import { buildSiteModel } from '../src/lib/site';
import { writeSyntheticDataset } from './synthetic';

interface Figures {
  name: string;
  cities: number;
  records: number;
  pages: number;
  pairPages: number;
  charts: number;
  loadSeconds: number;
  chartSeconds: number;
  buildSeconds: number;
  outputBytes: number;
  largestPage: string;
  largestBytes: number;
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

function measure(name: string, dataDir: string, reportsDir: string, out: string): Figures {
  let t = performance.now();
  const { dataset, problems } = loadDataset({ dataDir, reportsDir });
  if (!dataset) throw new Error(`${name}: the data has errors: ${problems.filter((p) => p.severity === 'error').length}`);
  const loadSeconds = (performance.now() - t) / 1000;
  const model = buildSiteModel(dataset);
  t = performance.now();
  const charts = chartCatalogue(model, 'id').length + chartCatalogue(model, 'en').length;
  const chartSeconds = (performance.now() - t) / 1000;
  const records = Object.values({ ...dataset }).reduce((n, v) => n + (Array.isArray(v) ? v.length : 0), 0);

  t = performance.now();
  // The build as `npm run build` runs it (scripts/build.ts), so its checks are timed too.
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    env: { ...process.env, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: reportsDir, BATIK_OUT_DIR: out },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const buildSeconds = (performance.now() - t) / 1000;
  if (build.status !== 0) throw new Error(`${name}: build failed\n${build.stderr.slice(-4000)}`);
  const files = walk(out);
  const pages = files.filter((f) => f.path.endsWith('.html'));
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    name,
    cities: dataset.cities.length,
    records,
    pages: pages.length,
    pairPages: pages.filter((p) => /\/(banding|compare)\//.test(p.path)).length,
    charts,
    loadSeconds,
    chartSeconds,
    buildSeconds,
    outputBytes: files.reduce((n, f) => n + f.bytes, 0),
    largestPage: `/${relative(out, largest.path)}`,
    largestBytes: largest.bytes,
  };
}

const root = mkdtempSync(join(tmpdir(), 'batik-bench-'));
try {
  const real = dataPaths();
  console.log('Building the real dataset…');
  const small = measure('real', real.dataDir, real.reportsDir, join(root, 'out-real'));
  console.log('Generating and building the national dataset (514 cities × 20 events)…');
  const synthetic = writeSyntheticDataset(join(root, 'national'), { cities: 514, eventsPerCity: 20, seed: 514 });
  const national = measure('national', synthetic.dataDir, synthetic.reportsDir, join(root, 'out-national'));

  const rows: [string, (f: Figures) => string, (a: Figures, b: Figures) => string][] = [
    ['cities', (f) => String(f.cities), (a, b) => (b.cities / a.cities).toFixed(1)],
    ['records', (f) => String(f.records), (a, b) => (b.records / a.records).toFixed(1)],
    ['pages (HTML)', (f) => String(f.pages), (a, b) => (b.pages / a.pages).toFixed(1)],
    ['  of which two-city pages', (f) => String(f.pairPages), (a, b) => (b.pairPages / a.pairPages).toFixed(1)],
    ['charts (both languages)', (f) => String(f.charts), (a, b) => (b.charts / a.charts).toFixed(1)],
    ['load + validate, s', (f) => f.loadSeconds.toFixed(2), (a, b) => (b.loadSeconds / a.loadSeconds).toFixed(1)],
    ['  ms per record', (f) => ((f.loadSeconds * 1000) / f.records).toFixed(3), (a, b) => (b.loadSeconds / b.records / (a.loadSeconds / a.records)).toFixed(2)],
    ['render every chart, s', (f) => f.chartSeconds.toFixed(2), (a, b) => (b.chartSeconds / a.chartSeconds).toFixed(1)],
    ['  ms per chart', (f) => ((f.chartSeconds * 1000) / f.charts).toFixed(2), (a, b) => (b.chartSeconds / b.charts / (a.chartSeconds / a.charts)).toFixed(2)],
    ['build, s', (f) => f.buildSeconds.toFixed(1), (a, b) => (b.buildSeconds / a.buildSeconds).toFixed(1)],
    ['  ms per page', (f) => ((f.buildSeconds * 1000) / f.pages).toFixed(1), (a, b) => (b.buildSeconds / b.pages / (a.buildSeconds / a.pages)).toFixed(2)],
    ['output, MB', (f) => (f.outputBytes / 1e6).toFixed(1), (a, b) => (b.outputBytes / a.outputBytes).toFixed(1)],
    ['largest page, KB', (f) => (f.largestBytes / 1e3).toFixed(0), (a, b) => (b.largestBytes / a.largestBytes).toFixed(1)],
  ];
  console.log(`\n${'figure'.padEnd(28)}${'real'.padStart(12)}${'national'.padStart(12)}${'ratio'.padStart(10)}`);
  for (const [label, value, ratio] of rows) console.log(`${label.padEnd(28)}${value(small).padStart(12)}${value(national).padStart(12)}${ratio(small, national).padStart(10)}`);
  console.log(`\nlargest page: real ${small.largestPage}; national ${national.largestPage}`);
  console.log('(build seconds include a fixed Astro/Vite start-up; per-page cost is what must stay flat.)');
} finally {
  rmSync(root, { recursive: true, force: true });
}
