import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/load';
import { formatProblems } from '../../src/lib/problems';
import { temporaryFolders } from '../helpers/temp';

/**
 * Each of the cities has a regency of the same name. A report about the kabupaten must not
 * land on the kota: the validator refuses a claim whose report names only the regency.
 * The dataset is written here: one city (Kota Blitar), one report telling an event, a
 * facility and a policy, and the report text, whose naming of the city each case changes.
 */
const SOURCE = 'kabar-blitar-2023';
const REPORT = [
  'Wali Kota Blitar membuka pelatihan batik yang digelar Dinas Koperasi dan Usaha Mikro, Selasa (13/06/2023).',
  'Pelatihan diikuti 40 pelaku usaha batik. Sentra batik Tanjungsari kini beroperasi.',
  'Pemkot Blitar menerbitkan Perwali Nomor 12 Tahun 2022 tentang batik.',
].join('\n');

const FILES: Record<string, string> = {
  'cities.csv':
    'id,name,name_en,kind,province,province_en,region_code,latitude,longitude,coordinates_source\n' +
    'blitar,Kota Blitar,Blitar City,kota,Jawa Timur,East Java,3572,-8.098,112.165,https://id.wikipedia.org/wiki/Kota_Blitar\n',
  'sources.csv':
    'id,city,publisher,title,title_basis,url,published,published_precision,published_basis,published_basis_id,language,report_file,reprint_of,rejected,rejected_note,rejected_note_en\n' +
    `${SOURCE},blitar,Kabar Daerah,,none,https://jatim.kabardaerah.com/pelatihan-batik-blitar/,2023-06-13,day,From the dateline.,Dari tanggal berita.,id,blitar.txt,,,,\n`,
  'organisations.json': `${JSON.stringify(
    [{ id: 'dinkop-blitar', city: 'blitar', kind: 'city_office', name: 'Dinas Koperasi dan Usaha Mikro Kota Blitar', name_en: 'Office of Cooperatives and Micro Business', abbreviation: '', variants: [{ name: 'Dinas Koperasi dan Usaha Mikro', source: SOURCE }] }],
    null,
    2,
  )}\n`,
  'events.csv': 'id,city,kind,title,title_en,themes,organiser,partners,facility\nblitar-2023-pelatihan-batik,blitar,training,Pelatihan batik,Batik training,production_technique,dinkop-blitar,,\n',
  'facilities.csv': 'id,city,kind,name,name_en,variants\nsentra-tanjungsari,blitar,batik_centre,Sentra batik Tanjungsari,Tanjungsari batik centre,\n',
  'policies.csv': 'id,city,kind,title,title_en,summary,summary_en\nblitar-perwali-batik,blitar,mayoral_regulation,Perwali tentang batik,Mayoral regulation on batik,Batik sebagai produk unggulan.,Batik as a flagship product.\n',
  'claims.csv': [
    'record_type,record_id,source,field,part,value,unit,basis,date,precision,evidence,note,note_id,best_reason,best_reason_id',
    `event,blitar-2023-pelatihan-batik,${SOURCE},reported,,,,,,,membuka pelatihan batik,,,,`,
    `event,blitar-2023-pelatihan-batik,${SOURCE},start_date,,2023-06-13,,,,day,Selasa (13/06/2023),,,,`,
    `event,blitar-2023-pelatihan-batik,${SOURCE},participants,,40,people,count,,,diikuti 40 pelaku usaha batik,,,,`,
    `facility,sentra-tanjungsari,${SOURCE},reported,,,,,,,Sentra batik Tanjungsari kini beroperasi,,,,`,
    `facility,sentra-tanjungsari,${SOURCE},status,,operating,,,,,Sentra batik Tanjungsari kini beroperasi,,,,`,
    `policy,blitar-perwali-batik,${SOURCE},reported,,,,,,,Perwali Nomor 12 Tahun 2022,,,,`,
    `policy,blitar-perwali-batik,${SOURCE},year,,2022,,,,,Perwali Nomor 12 Tahun 2022,,,,`,
  ].join('\n') + '\n',
  'flags.csv': 'id,record_type,record_id,field,type,note,note_en\n',
  'distinct.csv': 'record_type,record_id,other_id,reason\n',
  'population.csv': 'city,year,value,basis,source,evidence,note\n',
};

const tempDir = temporaryFolders();

/** Writes the dataset with the report text changed by `edit`, and loads it. */
const withReport = (edit: (text: string) => string) => {
  const root = tempDir('batik-kab-');
  mkdirSync(join(root, 'data'));
  mkdirSync(join(root, 'reports'));
  for (const [file, text] of Object.entries(FILES)) writeFileSync(join(root, 'data', file), text);
  const report = edit(REPORT);
  writeFileSync(join(root, 'reports', 'blitar.txt'), `${report}\n`);
  return loadDataset({ dataDir: join(root, 'data'), reportsDir: join(root, 'reports'), requireReports: true });
};

describe('kota, not kabupaten', () => {
  it('accepts the report as written, which names Kota Blitar', () => {
    const { dataset, problems } = withReport((t) => t);
    expect(formatProblems(problems)).toBe('0 errors, 0 warnings');
    expect(dataset).not.toBeNull();
  });

  it('refuses a Blitar record whose report speaks only of Kabupaten Blitar', () => {
    const { dataset, problems } = withReport((t) => t.replaceAll('Wali Kota Blitar', 'Bupati Blitar').replaceAll('Pemkot Blitar', 'Pemkab Blitar'));
    expect(dataset).toBeNull();
    // Reported once per report and city, on the first claim that cites it, naming the report.
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', file: 'claims.csv', line: 2, row: 1, column: 'source', value: SOURCE, rule: 'kota-not-kabupaten' }));
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.rule), formatProblems(problems)).toEqual(['kota-not-kabupaten']);
  });

  it('refuses it when the regency is written out or abbreviated ("Kabupaten Blitar", "Kab. Blitar")', () => {
    for (const name of ['Kabupaten Blitar', 'Kab. Blitar', 'KABUPATEN BLITAR']) {
      const { dataset, problems } = withReport((t) => t.replaceAll('Wali Kota Blitar', `Bupati ${name.split(' ')[1]}`).replaceAll('Pemkot Blitar', name));
      expect(dataset, name).toBeNull();
      expect(problems, name).toContainEqual(expect.objectContaining({ file: 'claims.csv', column: 'source', value: SOURCE, rule: 'kota-not-kabupaten' }));
    }
  });

  it('accepts a report that names both the kota and the kabupaten', () => {
    const { dataset, problems } = withReport((t) => `${t}\nKegiatan serupa digelar Pemkab Blitar tahun lalu.`);
    expect(formatProblems(problems)).toBe('0 errors, 0 warnings');
    expect(dataset).not.toBeNull();
  });

  it('warns when the report names neither', () => {
    const { dataset, problems } = withReport((t) => t.replaceAll('Wali Kota Blitar', 'Wali kota').replaceAll('Pemkot Blitar', 'Pemerintah'));
    expect(dataset).not.toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', file: 'claims.csv', column: 'source', value: SOURCE, rule: 'kota-not-named' }));
  });
});
