import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { dataPaths } from '../../src/lib/paths';

/**
 * Each of these cities has a regency of the same name. A report about the kabupaten must
 * not land on the kota: the validator refuses a record whose report names only the regency.
 */
describe('kota, not kabupaten', () => {
  const real = dataPaths({});
  const withReport = (edit: (text: string) => string) => {
    const root = mkdtempSync(join(tmpdir(), 'batik-kab-'));
    cpSync(real.reportsDir, join(root, 'reports'), { recursive: true });
    const file = join(root, 'reports', '002_81bd2a1306dcf840.txt');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return loadDataset({ dataDir: real.dataDir, reportsDir: join(root, 'reports') });
  };

  it('refuses a Blitar record whose report speaks only of Kabupaten Blitar', () => {
    const { dataset, problems } = withReport((t) => t.replaceAll('Kota Blitar', 'Kabupaten Blitar').replaceAll('KOTA BLITAR', 'KABUPATEN BLITAR').replaceAll('Pemkot Blitar', 'Pemkab Blitar'));
    expect(dataset).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ file: 'events.csv', column: 'city', value: 'blitar', rule: 'kota-not-kabupaten' }));
  });

  it('warns when the report names neither', () => {
    const { problems } = withReport((t) => t.replaceAll('Kota Blitar', 'Blitar').replaceAll('KOTA BLITAR', 'BLITAR').replaceAll('Pemkot Blitar', 'Pemerintah'));
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', column: 'city', value: 'blitar', rule: 'kota-not-named' }));
  });
});
