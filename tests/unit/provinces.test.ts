import { describe, expect, it } from 'vitest';
import { rankText } from '../../src/components/text';
import { METRICS } from '../../src/lib/metrics';
import { rankingMixNote } from '../../src/lib/qualifiers';
import { NAMED_CITIES_LIMIT } from '../../src/lib/ranking';
import { HOME_CITIES_LIMIT, href, provinceId, summarisesByProvince } from '../../src/lib/routes';
import { buildSiteModel } from '../../src/lib/site';
import { city, dataset, event, facility } from '../helpers/records';

/** `n` cities dealt in turn into `provinces` provinces, each with one training of 10 + i participants and one facility under construction. */
function country(n: number, provinces: number) {
  const cities = Array.from({ length: n }, (_, i) =>
    city({ id: `c${i}`, name: `Kota ${i}`, name_en: `City ${i}`, province: `Provinsi ${i % provinces}`, province_en: `Province ${i % provinces}`, region_code: String(3500 + i) }),
  );
  return dataset({
    cities,
    events: cities.map((c, i) => event({ id: `e${i}`, city: c.id, participants: 10 + i })),
    facilities: cities.map((c, i) =>
      facility({ id: `f${i}`, city: c.id, statuses: [{ facility: `f${i}`, status: 'under_construction', as_of: '2024-01-01', precision: 'day', dated: false, sources: ['src-1'], claims: [] }] }),
    ),
  });
}

describe('the home page past HOME_CITIES_LIMIT', () => {
  it('summarises by province only past the limit, so the four real cities keep their home page', () => {
    expect(HOME_CITIES_LIMIT).toBeGreaterThanOrEqual(4);
    expect(summarisesByProvince(Array(HOME_CITIES_LIMIT))).toBe(false);
    expect(summarisesByProvince(Array(HOME_CITIES_LIMIT + 1))).toBe(true);
    expect(buildSiteModel(country(HOME_CITIES_LIMIT, 3)).provinces).toEqual([]);
  });

  it('gives each province its cities and figures computed over all their records', () => {
    const model = buildSiteModel(country(HOME_CITIES_LIMIT + 8, 4));
    expect(model.provinces).toHaveLength(4);
    // Every city in exactly one province, the province of its row in cities.csv.
    expect(model.provinces.flatMap((p) => p.cities.map((c) => c.city.id)).sort()).toEqual(model.profiles.map((p) => p.city.id).sort());
    for (const province of model.provinces) {
      expect(province.cities.every((c) => c.city.province === province.name)).toBe(true);
      expect(model.provinceById.get(province.id)).toBe(province);
      for (const m of METRICS) {
        const values = province.cities.map((c) => c.metrics[m.id].value).filter((v): v is number => v !== null);
        expect(province.metrics[m.id].value).toBe(values.length ? values.reduce((a, b) => a + b, 0) : null);
      }
      // Qualifiers add up too: every facility counted is still under construction.
      expect(province.metrics.facilities.qualified.under_construction?.value).toBe(province.cities.length);
    }
  });

  it('gives a province an address of its own in each language', () => {
    expect(provinceId('Jawa Timur')).toBe('jawa-timur');
    expect(provinceId('DI Yogyakarta')).toBe('di-yogyakarta');
    expect(provinceId('Nusa Tenggara Barat (NTB)')).toBe('nusa-tenggara-barat-ntb');
    expect(href({ page: 'province', id: 'jawa-timur' }, 'id')).toBe('/provinsi/jawa-timur/');
    expect(href({ page: 'province', id: 'jawa-timur' }, 'en')).toBe('/en/province/jawa-timur/');
  });
});

describe('a page about one city', () => {
  const model = buildSiteModel(country(NAMED_CITIES_LIMIT + 10, 2));
  const facilities = model.rankings.facilities;

  it('counts, past NAMED_CITIES_LIMIT, the cities it ties with', () => {
    // Every city has one facility: all tie for first.
    expect(rankText(facilities, 'c0', 'id')).toBe(`1 dari ${NAMED_CITIES_LIMIT + 10}, sama dengan ${NAMED_CITIES_LIMIT + 9} kota lain`);
    expect(rankText(facilities, 'c0', 'en')).toBe(`1 of ${NAMED_CITIES_LIMIT + 10}, tied with ${NAMED_CITIES_LIMIT + 9} other cities`);
  });

  it('names the cities it ties with up to the limit', () => {
    const few = buildSiteModel(country(3, 1)).rankings.facilities;
    expect(rankText(few, 'c0', 'id')).toBe('1 dari 3, sama dengan Kota 1 dan Kota 2');
  });

  it('counts, past the limit, the cities a ranking note names', () => {
    const ranked = facilities.reported.map((p) => ({ name: p.city.name, value: p.metrics.facilities }));
    expect(rankingMixNote(ranked, 'id', NAMED_CITIES_LIMIT)).toBe(`Peringkat ini ikut menghitung fasilitas yang sedang dibangun (${NAMED_CITIES_LIMIT + 10} kota).`);
    expect(rankingMixNote(ranked.slice(0, 2), 'id', NAMED_CITIES_LIMIT)).toBe('Peringkat ini ikut menghitung fasilitas yang sedang dibangun (Kota 0 dan Kota 1).');
  });
});
