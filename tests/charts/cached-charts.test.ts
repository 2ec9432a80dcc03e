import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartCatalogue } from '../../src/charts/catalogue';
import { resources } from '../../src/lib/downloads';
import { buildSiteModel } from '../../src/lib/site';
import { toXlsx } from '../../src/lib/workbook';
import { temporaryFolders } from '../helpers/temp';
import { fixtureDataset } from './fixtures';

const tempDir = temporaryFolders();
function useCache(): string {
  const dir = tempDir('batik-charts-cache-');
  vi.stubEnv('BATIK_CACHE', dir);
  return dir;
}
afterEach(() => vi.unstubAllEnvs());

const catalogue = () => chartCatalogue(buildSiteModel(fixtureDataset()), 'id');

describe('charts and workbooks from the build cache', () => {
  it('gives a rebuild the very charts a build with no cache draws, from the files the first build kept', () => {
    vi.stubEnv('BATIK_CACHE', 'off');
    const uncached = catalogue();
    const dir = useCache();
    expect(catalogue()).toEqual(uncached);
    const files = readdirSync(join(dir, 'charts'));
    // One file per distinct chart: the same chart on two pages is drawn once.
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(uncached.length);
    expect(catalogue()).toEqual(uncached);
    expect(readdirSync(join(dir, 'charts'))).toEqual(files);
  });

  it('reads a chart from its file rather than drawing it again', () => {
    const dir = useCache();
    const first = catalogue();
    const headline = first.find((e) => e.slug === 'headline')!;
    const file = readdirSync(join(dir, 'charts')).find((f) => readFileSync(join(dir, 'charts', f), 'utf8').includes(`"id":"${headline.chart.id}"`))!;
    const kept = JSON.parse(readFileSync(join(dir, 'charts', file), 'utf8'));
    writeFileSync(join(dir, 'charts', file), JSON.stringify({ ...kept, title: 'from the cache' }));
    expect(catalogue().find((e) => e.slug === 'headline')!.chart.title).toBe('from the cache');
  });

  it('keeps each workbook and gives the same bytes as writing it again', async () => {
    const info = { source: 'https://example.org/data/', built: '2026-12-01' };
    const events = resources(fixtureDataset()).find((r) => r.name === 'events')!;
    vi.stubEnv('BATIK_CACHE', 'off');
    const written = await toXlsx(events, 'id', info);
    const dir = useCache();
    expect(await toXlsx(events, 'id', info)).toEqual(written);
    expect(readdirSync(join(dir, 'workbooks'))).toHaveLength(1);
    expect(await toXlsx(events, 'id', info)).toEqual(written);
    expect(await toXlsx(events, 'en', info)).not.toEqual(written);
    expect(readdirSync(join(dir, 'workbooks'))).toHaveLength(2);
  });
});
