import { appendFileSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { checkedData, DataErrors } from '../../src/lib/site';
import { temporaryFolders } from '../helpers/temp';

const tempDir = temporaryFolders();
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** A copy of the five-report fixture that a test may edit. */
function fixtureCopy(): string {
  const dataDir = join(tempDir('batik-data-'), 'data');
  cpSync('tests/fixtures/five-reports', dataDir, { recursive: true });
  return dataDir;
}

describe('the checked data from the build cache', () => {
  it('gives the second load the very dataset and problems a fresh load gives, from the file the first kept', () => {
    const cache = tempDir('batik-cache-');
    vi.stubEnv('BATIK_CACHE', cache);
    const dataDir = fixtureCopy();
    const fresh = loadDataset({ dataDir, reportsDir: null });
    const first = checkedData({ dataDir, reportsDir: null });
    expect(readdirSync(join(cache, 'data'))).toHaveLength(1);
    const second = checkedData({ dataDir, reportsDir: null });
    expect(second.dataset).toStrictEqual(fresh.dataset);
    expect(second.problems).toStrictEqual(fresh.problems);
    expect(second).toStrictEqual(first);
    // Records shared between the dataset's tables and its indexes stay one object.
    const event = second.dataset.events[0]!;
    expect(second.dataset.eventById.get(event.id)).toBe(event);
  });

  it('loads again when a data file changes, and refuses data with errors however often it is asked', () => {
    vi.stubEnv('BATIK_CACHE', tempDir('batik-cache-'));
    const dataDir = fixtureCopy();
    checkedData({ dataDir, reportsDir: null });
    appendFileSync(join(dataDir, 'events.csv'), 'not,a,valid,row\n');
    for (let i = 0; i < 2; i++) expect(() => checkedData({ dataDir, reportsDir: null })).toThrow(DataErrors);
  });

  it('checks the data again on another day: what was published in the future then is not now', () => {
    vi.stubEnv('BATIK_CACHE', tempDir('batik-cache-'));
    const dataDir = fixtureCopy();
    const latest = '2024-05-27'; // the latest publication date in the fixture's sources.csv
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-05-26T12:00:00Z'));
    expect(() => checkedData({ dataDir, reportsDir: null })).toThrow(/published-future/);
    vi.setSystemTime(new Date(`${latest}T12:00:00Z`));
    expect(checkedData({ dataDir, reportsDir: null }).problems.some((p) => p.rule === 'published-future')).toBe(false);
  });
});
