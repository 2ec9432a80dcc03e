import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from '../../src/lib/downloads';
import { loadDataset } from '../../src/lib/load';
import { cityProfile } from '../../src/lib/summarise';
import { temporaryFolders } from '../helpers/temp';

/**
 * The worked examples of data/README.md's recipe, each on a fixture dataset and fixture
 * report texts written for this test: what a curator adds, and what the site then shows.
 */

const CLAIMS_HEADER = 'record_type,record_id,source,field,part,value,unit,basis,date,precision,evidence,note,note_id,best_reason,best_reason_id';
const SOURCES_HEADER = 'id,city,publisher,title,title_basis,url,published,published_precision,published_basis,published_basis_id,language,report_file,reprint_of,rejected,rejected_note,rejected_note_en';

const REPORTS: Record<string, string> = {
  'alpha-2024-05-02-harian': 'Pemkot Alpha. Dinas Koperasi Kota Alpha menggelar pelatihan membatik yang diikuti 25 orang pada 2 Mei 2024.',
  'alpha-2024-05-03-warta': 'Kota Alpha: pelatihan membatik Dinas Koperasi diikuti 30 peserta, narasumber Ibu Sari.',
  'alpha-2024-05-04-kabar': 'Kota Alpha. Pelatihan bagi penyandang disabilitas: 20 peserta, terdiri dari 12 anggota dan 6 orang umum, pada 4 Mei 2024.',
  'alpha-2024-02-07-antara': 'Wali Kota Alpha meresmikan Gedung Sentra Batik Kota Alpha pada Rabu (7/2/2024).',
  'alpha-2024-02-08-detik': 'Gedung Sentra Batik Kota Alpha diresmikan pada Rabu (7/2/2024) oleh Wali Kota Alpha.',
  'alpha-2024-05-05-salinan': 'Kota Alpha: pelatihan membatik Dinas Koperasi diikuti 30 peserta, narasumber Ibu Sari.',
  'alpha-2024-06-01-bupati': 'Bupati Alpha membuka pelatihan batik di Kabupaten Alpha yang diikuti 40 orang.',
};

const tempDir = temporaryFolders();

function fixture(extraSources: string[] = [], claims: string[] = [], extra: { events?: string[]; facilities?: string[] } = {}) {
  const root = tempDir('batik-recipe-');
  const data = join(root, 'data');
  const reports = join(root, 'reports');
  mkdirSync(data);
  mkdirSync(reports);
  for (const [id, text] of Object.entries(REPORTS)) writeFileSync(join(reports, `${id}.txt`), `${text}\n`);
  const source = (id: string, published: string, rest = ',,,') => `${id},alpha,Harian,Judul ${id},headline,https://example.org/${id},${published},day,Printed date.,Tanggal tercetak.,id,${id}.txt,${rest}`;
  writeFileSync(join(data, 'cities.csv'), 'id,name,name_en,kind,province,province_en,region_code,latitude,longitude,coordinates_source\nalpha,Kota Alpha,Alpha City,kota,Jawa Timur,East Java,3599,-7.5,112.5,https://example.org/alpha\n');
  writeFileSync(
    join(data, 'sources.csv'),
    [
      SOURCES_HEADER,
      source('alpha-2024-05-02-harian', '2024-05-02'),
      source('alpha-2024-05-03-warta', '2024-05-03'),
      source('alpha-2024-05-04-kabar', '2024-05-04'),
      source('alpha-2024-02-07-antara', '2024-02-07'),
      source('alpha-2024-02-08-detik', '2024-02-08'),
      source('alpha-2024-05-05-salinan', '2024-05-05', 'alpha-2024-05-03-warta,,,'),
      source('alpha-2024-06-01-bupati', '2024-06-01', ',kabupaten,Laporan tentang Kabupaten Alpha.,About the regency of Alpha.'),
      ...extraSources,
    ].join('\n') + '\n',
  );
  writeFileSync(join(data, 'organisations.json'), JSON.stringify([{ id: 'dinkop-alpha', city: 'alpha', kind: 'city_office', name: 'Dinas Koperasi Kota Alpha', name_en: 'Cooperatives Office', abbreviation: '', variants: [{ name: 'Dinas Koperasi Kota Alpha', source: 'alpha-2024-05-02-harian' }] }]));
  writeFileSync(join(data, 'events.csv'), ['id,city,kind,title,title_en,themes,organiser,partners,facility', 'alpha-2024-pelatihan-membatik,alpha,training,Pelatihan membatik,Batik training,,dinkop-alpha,,', ...(extra.events ?? [])].join('\n') + '\n');
  writeFileSync(join(data, 'facilities.csv'), ['id,city,kind,name,name_en,variants', 'alpha-sentra-batik,alpha,batik_centre,Gedung Sentra Batik Kota Alpha,Alpha batik centre,', ...(extra.facilities ?? [])].join('\n') + '\n');
  writeFileSync(join(data, 'policies.csv'), 'id,city,kind,title,title_en,summary,summary_en\n');
  writeFileSync(
    join(data, 'claims.csv'),
    [
      CLAIMS_HEADER,
      'event,alpha-2024-pelatihan-membatik,alpha-2024-05-02-harian,reported,,,,,,,menggelar pelatihan membatik,,,,',
      'event,alpha-2024-pelatihan-membatik,alpha-2024-05-02-harian,participants,,25,people,count,,,diikuti 25 orang,,,,',
      'event,alpha-2024-pelatihan-membatik,alpha-2024-05-02-harian,start_date,,2024-05-02,,,,day,pada 2 Mei 2024,,,,',
      'facility,alpha-sentra-batik,alpha-2024-02-07-antara,reported,,,,,,,meresmikan Gedung Sentra Batik Kota Alpha,,,,',
      'facility,alpha-sentra-batik,alpha-2024-02-07-antara,status,,inaugurated,,,2024-02-07,day,pada Rabu (7/2/2024),,,,',
      ...claims,
    ].join('\n') + '\n',
  );
  writeFileSync(join(data, 'flags.csv'), 'id,record_type,record_id,field,type,note,note_en\n');
  writeFileSync(join(data, 'distinct.csv'), 'record_type,record_id,other_id,reason\n');
  writeFileSync(join(data, 'population.csv'), 'city,year,value,basis,source,evidence,note\n');
  return loadDataset({ dataDir: data, reportsDir: reports, requireReports: true });
}

const errors = (r: ReturnType<typeof fixture>) => r.problems.filter((p) => p.severity === 'error');
const profileOf = (r: ReturnType<typeof fixture>) => cityProfile(r.dataset!, r.dataset!.cityById.get('alpha')!);
const SECOND = [
  'event,alpha-2024-pelatihan-membatik,alpha-2024-05-03-warta,reported,,,,,,,pelatihan membatik Dinas Koperasi,,,,',
  'event,alpha-2024-pelatihan-membatik,alpha-2024-05-03-warta,trainers,,Ibu Sari,,,,,narasumber Ibu Sari,,,,',
];

describe('the curator recipe, example by example', () => {
  it('a report of a new event: one training of 25 people, told by one report', () => {
    const r = fixture();
    expect(errors(r)).toEqual([]);
    const p = profileOf(r);
    expect([p.metrics.trainings.value, p.metrics.participants.value]).toEqual([1, 25]);
    expect(r.dataset!.eventById.get('alpha-2024-pelatihan-membatik')!.number_of_sources).toBe(1);
  });

  it('a second report of a known event adds a source and a detail, and changes no total', () => {
    const r = fixture([], SECOND);
    expect(errors(r)).toEqual([]);
    const e = r.dataset!.eventById.get('alpha-2024-pelatihan-membatik')!;
    expect(e.sources).toEqual(['alpha-2024-05-02-harian', 'alpha-2024-05-03-warta']);
    expect(e.number_of_sources).toBe(2);
    expect(e.trainers).toBe('Ibu Sari');
    expect([profileOf(r).metrics.trainings.value, profileOf(r).metrics.participants.value]).toEqual([1, 25]);
  });

  it('a reprint is not an independent source', () => {
    const reprint = SECOND.map((l) => l.replace('alpha-2024-05-03-warta', 'alpha-2024-05-05-salinan'));
    const r = fixture([], [...SECOND, ...reprint]);
    expect(errors(r)).toEqual([]);
    const e = r.dataset!.eventById.get('alpha-2024-pelatihan-membatik')!;
    expect(e.sources).toHaveLength(3);
    expect(e.number_of_sources).toBe(2);
    expect(r.dataset!.sourceById.get('alpha-2024-05-05-salinan')!.original).toBe('alpha-2024-05-03-warta');
  });

  it('a report that disagrees: best, low, high, a range on the city and in city-summary, and a flag', () => {
    const r = fixture([], [...SECOND, 'event,alpha-2024-pelatihan-membatik,alpha-2024-05-03-warta,participants,,30,people,count,,,diikuti 30 peserta,,,,']);
    expect(errors(r)).toEqual([]);
    const e = r.dataset!.eventById.get('alpha-2024-pelatihan-membatik')!;
    expect(e.estimates.participants).toMatchObject({ best: 30, low: 25, high: 30, number_of_sources: 2, disagree: true });
    const p = profileOf(r);
    expect([p.metrics.participants.value, p.metrics.participants.low, p.metrics.participants.high]).toEqual([30, 25, 30]);
    const summary = resources(r.dataset!).find((x) => x.name === 'city-summary')!.rows[0]!;
    expect([summary.participants, summary.participants_low, summary.participants_high]).toEqual([30, 25, 30]);
    expect(r.dataset!.flags.some((f) => f.type === 'reports_disagree' && f.record_id === e.id && f.field === 'participants')).toBe(true);
    expect(r.problems.some((x) => x.rule === 'reports_disagree')).toBe(true);
  });

  it('the curator may choose the best value, with a reason; a target loses to a count', () => {
    const chosen = fixture([], [...SECOND, 'event,alpha-2024-pelatihan-membatik,alpha-2024-05-03-warta,participants,,30,people,target,,,diikuti 30 peserta,,,the office confirmed the target was met,dinas memastikan sasaran itu tercapai']);
    expect(errors(chosen)).toEqual([]);
    expect(chosen.dataset!.eventById.get('alpha-2024-pelatihan-membatik')!.estimates.participants).toMatchObject({ best: 30, low: 25, high: 30 });
    const target = fixture([], [...SECOND, 'event,alpha-2024-pelatihan-membatik,alpha-2024-05-03-warta,participants,,30,people,target,,,diikuti 30 peserta,,,,']);
    expect(target.dataset!.eventById.get('alpha-2024-pelatihan-membatik')!.participants).toBe(25);
  });

  it('a breakdown that does not add up raises its own flag; a count above the phrase is refused', () => {
    const claims = [
      'event,alpha-2024-pelatihan-disabilitas,alpha-2024-05-04-kabar,reported,,,,,,,Pelatihan bagi penyandang disabilitas,,,,',
      'event,alpha-2024-pelatihan-disabilitas,alpha-2024-05-04-kabar,participants,,20,people,count,,,20 peserta,,,,',
      'event,alpha-2024-pelatihan-disabilitas,alpha-2024-05-04-kabar,participants,anggota,12,people,count,,,12 anggota,,,,',
      'event,alpha-2024-pelatihan-disabilitas,alpha-2024-05-04-kabar,participants,umum,6,people,count,,,6 orang umum,,,,',
    ];
    const r = fixture([], claims, { events: ['alpha-2024-pelatihan-disabilitas,alpha,training,Pelatihan disabilitas,Training for people with disabilities,,dinkop-alpha,,'] });
    expect(errors(r)).toEqual([]);
    const flag = r.dataset!.flags.find((f) => f.type === 'parts_do_not_add_up')!;
    expect(flag.record_id).toBe('alpha-2024-pelatihan-disabilitas');
    expect(flag.note_en).toContain('adds up to 18, not the 20');
    expect(profileOf(r).metrics.participants.value).toBe(45);

    const wrong = fixture([], [claims[0]!, 'event,alpha-2024-pelatihan-disabilitas,alpha-2024-05-04-kabar,participants,,21,people,count,,,20 peserta,,,,'], {
      events: ['alpha-2024-pelatihan-disabilitas,alpha,training,Pelatihan disabilitas,Training for people with disabilities,,dinkop-alpha,,'],
    });
    expect(errors(wrong).map((p) => [p.file, p.row, p.column, p.rule])).toEqual([['claims.csv', 7, 'value', 'figure-not-in-evidence']]);
  });

  it('a dated facility status: one ceremony told by two outlets is one entry with two sources', () => {
    const r = fixture([], [
      'facility,alpha-sentra-batik,alpha-2024-02-08-detik,reported,,,,,,,Gedung Sentra Batik Kota Alpha diresmikan,,,,',
      'facility,alpha-sentra-batik,alpha-2024-02-08-detik,status,,inaugurated,,,2024-02-07,day,diresmikan pada Rabu (7/2/2024),,,,',
    ]);
    expect(errors(r)).toEqual([]);
    const statuses = r.dataset!.facilityById.get('alpha-sentra-batik')!.statuses;
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ status: 'inaugurated', as_of: '2024-02-07', dated: true, sources: ['alpha-2024-02-07-antara', 'alpha-2024-02-08-detik'] });
  });

  it('an outlet that dates the same ceremony only to the month adds a source, not an entry', () => {
    const r = fixture([], [
      'facility,alpha-sentra-batik,alpha-2024-02-08-detik,reported,,,,,,,Gedung Sentra Batik Kota Alpha diresmikan,,,,',
      'facility,alpha-sentra-batik,alpha-2024-02-08-detik,status,,inaugurated,,,2024-02,month,diresmikan pada Rabu (7/2/2024),,,,',
    ]);
    expect(errors(r)).toEqual([]);
    const statuses = r.dataset!.facilityById.get('alpha-sentra-batik')!.statuses;
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ as_of: '2024-02-07', precision: 'day', sources: ['alpha-2024-02-07-antara', 'alpha-2024-02-08-detik'] });
  });

  it('a rejected report is listed for its city and can support nothing', () => {
    const r = fixture();
    expect(r.dataset!.rejectedByCity.get('alpha')!.map((s) => s.id)).toEqual(['alpha-2024-06-01-bupati']);
    expect(profileOf(r).rejected).toHaveLength(1);
    const cited = fixture([], ['event,alpha-2024-pelatihan-membatik,alpha-2024-06-01-bupati,reported,,,,,,,membuka pelatihan batik,,,,']);
    expect(errors(cited).map((p) => p.rule)).toContain('rejected-source');
  });

  it("every report in the folder is registered, and one that is not is an error", () => {
    const r = fixture();
    expect(r.problems.filter((p) => p.rule === 'report-unregistered')).toEqual([]);
  });
});

