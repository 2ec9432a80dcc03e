import { load } from 'cheerio';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, describeIssues, horizontalOverflow, servedSite, visit } from '../helpers/browser';
import { BUILD } from '../helpers/build';
import { htmlFiles, pageAddress } from '../helpers/dist';
import { describeHtmlErrors, htmlErrors, vnuErrors } from '../helpers/html-check';
import { brokenLinks } from '../helpers/links';
import { inlineSvgs, unsafeMarkup } from '../helpers/markup';
import { tally } from '../helpers/tally';
import { loadDataset } from '../../src/lib/load';
import { formatProblems } from '../../src/lib/problems';
import { PLAUSIBLE } from '../../src/lib/plausibility';
import { HOME_CITIES_LIMIT, href, provinceId } from '../../src/lib/routes';

/**
 * The site built from a hostile dataset (tests/fixtures/hostile): markup and script in
 * every kind of text field, right-to-left embeddings, combining characters, emoji,
 * 300-character names, zero and 2^53−1 figures, and cells that a spreadsheet would run as
 * formulas. Text is text: it must come out escaped in every page, SVG and download, never
 * run in the browser, and never break the layout on a narrow phone. Then the same data
 * with one city and with twenty, and a dataset the build must refuse.
 *
 * The first block checks the data alone (the loader, no build): the fixture validates and
 * every hostile value reaches the loaded records verbatim. The others build the site.
 */
const FIXTURE = resolve('tests/fixtures/hostile');
const work = mkdtempSync(join(tmpdir(), 'batik-hostile-'));
const out = join(work, 'dist');

/** Pages of the hostile site loaded side by side in the browser check. */
const PAGES_AT_ONCE = 4;
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';
const RTL = '\u202Bباتيك\u202C';
const COMB = 'Ba\u0353t\u0336i\u034Ek\u0347';
const EMOJI = '🧵🎨👩🏽\u200d🎨';
// The largest figures the validator accepts (src/lib/plausibility.ts).
const MOST_PARTICIPANTS = PLAUSIBLE.counts.participants[1];
const MOST_CERTIFIED = PLAUSIBLE.counts.certified[1];
const MOST_RUPIAH = PLAUSIBLE.rupiah;

type Row = Record<string, string>;
const readCsv = (file: string) => {
  const parsed = Papa.parse<Row>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
};
const writeCsv = (file: string, fields: string[], rows: Row[]) => writeFileSync(file, `${Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { newline: '\n' })}\n`);
const editCsv = (file: string, edit: (rows: Row[]) => Row[]) => {
  const { fields, rows } = readCsv(file);
  writeCsv(file, fields, edit(rows));
};

/** A copy of the fixture to change, in its own folder. */
function copyFixture(name: string): { dataDir: string; reportsDir: string; out: string } {
  const dir = join(work, name);
  cpSync(FIXTURE, dir, { recursive: true });
  return { dataDir: join(dir, 'data'), reportsDir: join(dir, 'reports'), out: join(dir, 'dist') };
}

/** The build (scripts/build.ts) of a dataset into a folder of its own; the output says why a build failed. */
function build(dataDir: string, reportsDir: string, outDir: string): { ok: boolean; output: string } {
  try {
    const stdout = execFileSync(BUILD[0], BUILD.slice(1), {
      env: { ...process.env, BATIK_DATA_DIR: dataDir, BATIK_REPORTS_DIR: reportsDir, BATIK_OUT_DIR: outDir },
      stdio: 'pipe',
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { ok: true, output: stdout };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; status?: number };
    return { ok: false, output: `exit ${err.status}\n${err.stdout ?? ''}\n${err.stderr ?? ''}` };
  }
}

const fileOf = (address: string) => join(out, address.endsWith('/') ? `${address}index.html` : address);
const mainText = (address: string) => load(readFileSync(fileOf(address), 'utf8'))('main').text();

function walk(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, suffix) : name.endsWith(suffix) ? [path] : [];
  });
}

/** The fixture cut down to one city (kota-hostil), with its records, claims and organisations. */
function singleCity(name: string) {
  const v = copyFixture(name);
  const keep = 'kota-hostil';
  editCsv(join(v.dataDir, 'cities.csv'), (rows) => rows.filter((r) => r['id'] === keep));
  editCsv(join(v.dataDir, 'events.csv'), (rows) => rows.filter((r) => r['city'] === keep));
  editCsv(join(v.dataDir, 'facilities.csv'), (rows) => rows.filter((r) => r['city'] === keep));
  editCsv(join(v.dataDir, 'policies.csv'), (rows) => rows.filter((r) => r['city'] === keep));
  editCsv(join(v.dataDir, 'population.csv'), (rows) => rows.filter((r) => r['city'] === keep));
  const kept = new Set(['events', 'facilities', 'policies'].flatMap((t) => readCsv(join(v.dataDir, `${t}.csv`)).rows.map((r) => `${{ events: 'event', facilities: 'facility', policies: 'policy' }[t]}:${r['id']}`)));
  const keeps = (type: string | undefined, id: string | undefined) => kept.has(`${type}:${id}`);
  editCsv(join(v.dataDir, 'claims.csv'), (rows) => rows.filter((r) => keeps(r['record_type'], r['record_id'])));
  editCsv(join(v.dataDir, 'distinct.csv'), (rows) => rows.filter((r) => keeps(r['record_type'], r['record_id']) && keeps(r['record_type'], r['other_id'])));
  // Every report stays registered (its file is in the folder): read for the one city, or rejected.
  const cited = new Set(readCsv(join(v.dataDir, 'claims.csv')).rows.map((r) => r['source']));
  editCsv(join(v.dataDir, 'sources.csv'), (rows) =>
    rows.map((r) =>
      r['city'] === keep ? r : cited.has(r['id']) ? { ...r, city: keep } : { ...r, city: keep, rejected: 'not_city', rejected_note: 'Kota lain.', rejected_note_en: 'Another city.' },
    ),
  );
  editCsv(join(v.dataDir, 'flags.csv'), (rows) => rows.filter((r) => !['event', 'facility', 'policy'].includes(r['record_type']!) || keeps(r['record_type'], r['record_id'])));
  const orgsPath = join(v.dataDir, 'organisations.json');
  const orgs = JSON.parse(readFileSync(orgsPath, 'utf8')) as { city: string }[];
  writeFileSync(orgsPath, JSON.stringify(orgs.filter((o) => o.city === keep || o.city === ''), null, 2));
  return v;
}

/** The fixture with seventeen more cities, one training each, told by one more report. */
function twentyCities(name: string) {
  const v = copyFixture(name);
  const extra = Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0'));
  const report = [`Berita uji dengan banyak kota (fixture). Dinas Tambahan menggelar pelatihan di setiap kota.`];
  editCsv(join(v.dataDir, 'cities.csv'), (rows) => [
    ...rows,
    ...extra.map((n, i) => ({
      id: `kota-tambahan-${n}`,
      name: `Kota Tambahan ${n}`,
      name_en: `Extra City ${n}`,
      kind: 'kota',
      province: 'Jawa Timur',
      province_en: 'East Java',
      region_code: String(3601 + i),
      latitude: (-6 - i * 0.2).toFixed(3),
      longitude: (106 + i * 0.5).toFixed(3),
      coordinates_source: `https://example.org/wiki/Kota_Tambahan_${n}`,
    })),
  ]);
  editCsv(join(v.dataDir, 'sources.csv'), (rows) => [
    ...rows,
    { id: 'sumber-tambahan', city: 'kota-tambahan-01', publisher: 'Berita Tambahan', title: 'Pelatihan di tujuh belas kota', title_basis: 'headline', url: 'https://example.org/berita/tambahan', published: '2024', published_precision: 'year', published_basis: 'Test fixture.', published_basis_id: 'Data uji.', language: 'id', report_file: 'tambahan.txt' },
  ]);
  editCsv(join(v.dataDir, 'events.csv'), (rows) => [
    ...rows,
    ...extra.map((n) => ({ id: `tambahan-${n}-pelatihan`, city: `kota-tambahan-${n}`, kind: 'training', title: `Pelatihan batik Kota Tambahan ${n}`, title_en: `Batik training, Extra City ${n}`, themes: 'production_technique', organiser: 'dinas-tambahan', partners: '', facility: '' })),
  ]);
  editCsv(join(v.dataDir, 'claims.csv'), (rows) => [
    ...rows,
    ...extra.map((n) => {
      report.push(`Di Kota Tambahan ${n} digelar pelatihan batik Kota Tambahan ${n}.`);
      return { record_type: 'event', record_id: `tambahan-${n}-pelatihan`, source: 'sumber-tambahan', field: 'reported', evidence: `pelatihan batik Kota Tambahan ${n}` };
    }),
  ]);
  const orgsPath = join(v.dataDir, 'organisations.json');
  const orgs = JSON.parse(readFileSync(orgsPath, 'utf8')) as unknown[];
  orgs.push({ id: 'dinas-tambahan', city: '', kind: 'other', name: 'Dinas Tambahan', name_en: 'Extra Office', abbreviation: '', variants: [{ name: 'Dinas Tambahan', source: 'sumber-tambahan' }] });
  writeFileSync(orgsPath, JSON.stringify(orgs, null, 2));
  writeFileSync(join(v.reportsDir, 'tambahan.txt'), `${report.join('\n')}\n`);
  return v;
}

/** The fixture with a hostile address for its first report. */
function withSourceUrl(name: string, url: string) {
  const v = copyFixture(name);
  editCsv(join(v.dataDir, 'sources.csv'), (rows) => rows.map((r) => (r['id'] === 'sumber-hostil' ? { ...r, url } : r)));
  return v;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

const loadFixture = (v: { dataDir: string; reportsDir: string }) => loadDataset({ dataDir: v.dataDir, reportsDir: v.reportsDir, requireReports: true });

describe('hostile data, loaded without a build', () => {
  const fixture = { dataDir: join(FIXTURE, 'data'), reportsDir: join(FIXTURE, 'reports') };

  it('the fixture validates against the data contract, its evidence checked against its reports', () => {
    tally('hostile cases');
    const { dataset, problems, evidenceChecked } = loadFixture(fixture);
    const errors = problems.filter((p) => p.severity === 'error');
    tally('hostile problems', errors.length);
    expect(formatProblems(errors)).toBe('0 errors, 0 warnings');
    expect(dataset).not.toBeNull();
    expect(evidenceChecked).toBe(true);
    // Only the file set of the claims model, no leftover of the old one.
    expect(readdirSync(fixture.dataDir).sort()).toEqual(
      ['cities.csv', 'claims.csv', 'distinct.csv', 'events.csv', 'facilities.csv', 'flags.csv', 'organisations.json', 'policies.csv', 'population.csv', 'sources.csv'],
    );
  });

  it('keeps every hostile value verbatim in the loaded records, figures exact', () => {
    tally('hostile cases');
    const d = loadFixture(fixture).dataset!;
    const event = (id: string) => d.eventById.get(id)!;
    expect(d.cityById.get('kota-hostil')).toMatchObject({ name: `Kota Hostil ${SCRIPT}`, name_en: `Hostile City ${IMG}`, province: '=1+1 Jawa Timur' });
    expect(d.cityById.get('kota-emoji')!.name).toBe(`Kota ${COMB} ${EMOJI}`);
    expect(d.cityById.get('kota-panjang')!.name).toHaveLength(300);
    expect(event('hostil-2024-pelatihan')).toMatchObject({
      title: `${SCRIPT} Pelatihan batik`,
      title_en: `${IMG} Batik training`,
      venue: JS,
      place: '=HYPERLINK("https://evil.example","klik")',
      trainers: '@pelatih <b>tebal</b>',
      equipment: '-alat cap <i>miring</i>',
      opened_by: IMG,
      participants: MOST_PARTICIPANTS,
      certified: 0,
      trainer_count: 2,
      duration_days: 5,
    });
    expect(Number.isSafeInteger(event('hostil-2024-pelatihan').participants)).toBe(true);
    expect(event('hostil-pameran-rtl').title).toBe(`Pameran ${RTL} batik`);
    expect(event('hostil-sertifikasi-besar')).toMatchObject({ title: '@Sertifikasi +62 -1 =SUM(A1)', certified: MOST_CERTIFIED });
    expect(event('emoji-2023-pelatihan-nol')).toMatchObject({ title: `Pelatihan ${COMB} ${EMOJI}`, venue: '+62 Balai Kota', participants: 0 });
    expect(d.facilityById.get('hostil-sentra')).toMatchObject({ name: `Sentra ${IMG}`, location: `${JS} Jalan Batik`, funding: MOST_RUPIAH, variants: ['=Sentra Hostil', `<b>Sentra</b> ${JS}`] });
    expect(d.facilityById.get('hostil-sentra')!.statuses.map((s) => s.status)).toEqual(['planned']);
    expect(d.policyById.get('hostil-perwali')).toMatchObject({ title: `=1+1 Perwali ${SCRIPT}`, summary_en: `Summary ${RTL}`, year: 2024, number: 'Nomor <b>7</b>' });
    expect(d.sourceById.get('sumber-hostil')!.title).toBe(`Pelatihan ${IMG} ${JS}`);
    expect(d.sourceById.get('sumber-ditolak')).toMatchObject({ title: null, title_basis: 'none', published: null, rejected: 'outside_batik', rejected_note_en: `${IMG} not about batik ${JS}` });
    expect(d.flags.find((f) => f.id === 'hostil-peserta')!.note).toBe(`${SCRIPT} catatan`);
    expect(d.population[0]).toMatchObject({ city: 'kota-hostil', value: 123456, note: `=1+1 ${SCRIPT}` });
    expect(d.organisationById.get('dinas-hostil')!.abbreviation).toBe("=cmd|' /C calc'!A0");
  });

  it('the one-city and twenty-city variants validate', () => {
    tally('hostile cases');
    for (const [v, cities] of [[singleCity('single-data'), 1], [twentyCities('twenty-data'), 20]] as const) {
      const { dataset, problems } = loadFixture(v);
      const errors = problems.filter((p) => p.severity === 'error');
      tally('hostile problems', errors.length);
      expect(formatProblems(errors)).toBe('0 errors, 0 warnings');
      expect(dataset!.cities).toHaveLength(cities);
    }
  });

  it('a source address "javascript:alert(1)", one with user info before the host, or a bare IP is refused, naming sources.csv and the web-url rule', () => {
    tally('hostile cases');
    const line = readCsv(join(FIXTURE, 'data/sources.csv')).rows.findIndex((r) => r['id'] === 'sumber-hostil') + 2;
    for (const [i, url] of [JS, 'https://example.org@evil.example/berita', 'https://93.184.216.34/berita'].entries()) {
      const { dataset, problems } = loadFixture(withSourceUrl(`reject-data-${i}`, url));
      expect(dataset, url).toBeNull();
      expect(problems, url).toContainEqual(expect.objectContaining({ severity: 'error', file: 'sources.csv', line, column: 'url', value: url, rule: 'web-url' }));
    }
  });
});

describe('the site built from hostile data', () => {
  let addresses: string[] = [];

  beforeAll(() => {
    const result = build(join(FIXTURE, 'data'), join(FIXTURE, 'reports'), out);
    if (!result.ok) throw new Error(`the hostile fixture did not build:\n${result.output}`);
    addresses = htmlFiles(out).map((f) => pageAddress(out, f));
  }, 240_000);

  describe('hostile text in the built pages', () => {
    it('no script but the site’s own, no event-handler attribute, no injected <img>, no script address, in any page', () => {
      tally('hostile cases');
      expect(addresses.length).toBeGreaterThan(20);
      const problems = htmlFiles(out).flatMap((f) => unsafeMarkup(readFileSync(f, 'utf8'), pageAddress(out, f)));
      tally('hostile problems', problems.length);
      expect(problems).toEqual([]);
    });

    it('the same in every inline SVG and every SVG file', () => {
      tally('hostile cases');
      const inline = htmlFiles(out).flatMap((f) => inlineSvgs(readFileSync(f, 'utf8')).map((svg, i) => ({ svg, label: `${pageAddress(out, f)} svg #${i + 1}` })));
      const files = walk(out, '.svg').map((f) => ({ svg: readFileSync(f, 'utf8'), label: `/${relative(out, f)}` }));
      expect(inline.length).toBeGreaterThan(0);
      const problems = [...inline, ...files].flatMap(({ svg, label }) => unsafeMarkup(svg, label));
      tally('hostile problems', problems.length);
      expect(problems).toEqual([]);
      // The hostile city's name reaches the charts, as text.
      const texts = [...inline.map((s) => load(s.svg)('svg').text()), ...files.map((s) => load(s.svg, { xml: true }).root().text())];
      expect(texts.some((t) => t.includes(SCRIPT) || t.includes(IMG)), 'a chart labels the hostile city').toBe(true);
    });

    it('shows the hostile text as text, exactly as written', () => {
      tally('hostile cases');
      const cases: [address: string, text: string][] = [
        ['/', `Kota Hostil ${SCRIPT}`],
        ['/', `Kota ${COMB} ${EMOJI}`],
        ['/en/', `Hostile City ${IMG}`],
        ['/kota/kota-hostil/', `Kota Hostil ${SCRIPT}`],
        ['/en/city/kota-hostil/', `Hostile City ${IMG}`],
        ['/kegiatan/hostil-2024-pelatihan/', `${SCRIPT} Pelatihan batik`],
        ['/kegiatan/hostil-2024-pelatihan/', JS],
        ['/en/event/hostil-2024-pelatihan/', `${IMG} Batik training`],
        ['/kegiatan/hostil-pameran-rtl/', `Pameran ${RTL} batik`],
        ['/kegiatan/emoji-2023-pelatihan-nol/', `Pelatihan ${COMB} ${EMOJI}`],
        ['/sumber/', `Pelatihan ${IMG} ${JS}`],
      ];
      const missing = cases.filter(([address, text]) => !mainText(address).includes(text)).map(([a, t]) => `${a} lacks ${JSON.stringify(t)}`);
      expect(missing).toEqual([]);
      // In attribute values too: read back whole, so the quote that would end the value was escaped.
      const head = load(readFileSync(join(out, 'en/city/kota-hostil/index.html'), 'utf8'));
      expect(head('meta[property="og:title"]').attr('content')).toBe(`Hostile City ${IMG}`);
      expect(head('title').text()).toContain(`Hostile City ${IMG}`);
      // The 300-character name is shown whole, not cut.
      const long = readCsv(join(FIXTURE, 'data/cities.csv')).rows.find((r) => r['id'] === 'kota-panjang')!['name']!;
      expect(long).toHaveLength(300);
      expect(load(readFileSync(fileOf('/kota/kota-panjang/'), 'utf8'))('h1').text()).toContain(long);
    });

    it('the pages are still valid HTML', async () => {
      tally('hostile cases');
      const files = htmlFiles(out);
      // The Java checker runs in its own process while html-validate works in this one.
      const [nu, recommended] = await Promise.all([vnuErrors(files), htmlErrors(files)]);
      const errors = [...recommended, ...nu];
      tally('hostile problems', errors.length);
      expect(describeHtmlErrors(errors)).toEqual([]);
    }, 120_000);

    it('every link resolves, and the source and coordinate addresses stay well-formed https: links', () => {
      tally('hostile cases');
      const report = brokenLinks(out);
      tally('hostile problems', report.problems.length);
      expect(report.problems).toEqual([]);
      const $ = load(readFileSync(fileOf('/sumber/'), 'utf8'));
      expect($('a[href^="https://example.org/berita/hostil"]').length).toBeGreaterThan(0);
    });

    it('CSV downloads prefix text cells beginning with = + - @ with an apostrophe', () => {
      tally('hostile cases');
      const pkg = JSON.parse(readFileSync(join(out, 'data/datapackage.json'), 'utf8')) as { resources: { path: string; schema: { fields: { name: string; type: string }[] } }[] };
      const problems: string[] = [];
      for (const resource of pkg.resources) {
        const { rows } = readCsv(join(out, 'data', resource.path));
        const text = resource.schema.fields.filter((f) => f.type === 'string').map((f) => f.name);
        rows.forEach((row, i) => {
          for (const field of text) if (/^[=+\-@]/.test(row[field] ?? '')) problems.push(`${resource.path} row ${i + 1} ${field}: ${JSON.stringify(row[field])}`);
        });
      }
      expect(problems).toEqual([]);
      const events = readCsv(join(out, 'data/events.csv')).rows;
      const row = (id: string) => events.find((e) => e['id'] === id)!;
      expect(row('hostil-2024-pelatihan')['place']).toBe(`'=HYPERLINK("https://evil.example","klik")`);
      expect(row('hostil-2024-pelatihan')['trainers']).toBe(`'@pelatih <b>tebal</b>`);
      expect(row('hostil-2024-pelatihan')['equipment']).toBe(`'-alat cap <i>miring</i>`);
      expect(row('emoji-2023-pelatihan-nol')['venue']).toBe(`'+62 Balai Kota`);
      expect(row('hostil-sertifikasi-besar')['title']).toBe(`'@Sertifikasi +62 -1 =SUM(A1)`);
      // Markup and other hostile text is kept as written, and figures are not altered.
      expect(row('hostil-2024-pelatihan')['title']).toBe(`${SCRIPT} Pelatihan batik`);
      expect(row('hostil-pameran-rtl')['title']).toBe(`Pameran ${RTL} batik`);
      expect(row('hostil-2024-pelatihan')['participants']).toBe(String(MOST_PARTICIPANTS));
      expect(row('emoji-2023-pelatihan-nol')['participants']).toBe('0');
    });

    it('JSON downloads parse and hold the text verbatim', () => {
      tally('hostile cases');
      const json = (name: string) => JSON.parse(readFileSync(join(out, 'data', name), 'utf8')) as Record<string, unknown>[];
      for (const name of readdirSync(join(out, 'data')).filter((n) => n.endsWith('.json'))) expect(() => json(name), name).not.toThrow();
      const events = json('events.json');
      const event = (id: string) => events.find((e) => e['id'] === id)!;
      expect(event('hostil-2024-pelatihan')).toMatchObject({ title: `${SCRIPT} Pelatihan batik`, title_en: `${IMG} Batik training`, venue: JS, place: '=HYPERLINK("https://evil.example","klik")', participants: MOST_PARTICIPANTS, certified: 0 });
      expect(event('hostil-pameran-rtl')).toMatchObject({ title: `Pameran ${RTL} batik` });
      expect(event('hostil-sertifikasi-besar')).toMatchObject({ title: '@Sertifikasi +62 -1 =SUM(A1)', certified: MOST_CERTIFIED });
      expect(event('emoji-2023-pelatihan-nol')).toMatchObject({ title: `Pelatihan ${COMB} ${EMOJI}`, participants: 0 });
      expect(json('cities.json').find((c) => c['id'] === 'kota-hostil')).toMatchObject({ name: `Kota Hostil ${SCRIPT}`, province: '=1+1 Jawa Timur' });
      expect(json('sources.json').find((s) => s['id'] === 'sumber-hostil')).toMatchObject({ title: `Pelatihan ${IMG} ${JS}` });
      // The largest amount survives as an exact number in the JSON text itself.
      expect(readFileSync(join(out, 'data/facilities.json'), 'utf8')).toContain(String(MOST_RUPIAH));
    });
  });

  describe('hostile text in the browser', () => {
    const site = servedSite(() => out);

    it('every page loads with no dialog, no console error and no CSP violation', async () => {
      tally('hostile cases');
      const problems: string[] = [];
      // A few pages at a time: Chromium waits on the server and the other pages meanwhile.
      for (let i = 0; i < addresses.length; i += PAGES_AT_ONCE) {
        const batch = addresses.slice(i, i + PAGES_AT_ONCE);
        const found = await Promise.all(
          batch.map(async (address) => {
            const page = await site.context.newPage();
            try {
              const issues = await visit(page, site.server.origin, address);
              tally('browser loads');
              return describeIssues(address, issues);
            } finally {
              await page.close();
            }
          }),
        );
        problems.push(...found.flat());
      }
      tally('hostile problems', problems.length);
      expect(problems).toEqual([]);
      // Every page of the hostile site, on 2 cores shared with the other test files: about 2 min on CI.
    }, 600_000);

    it('no page is wider than a 320 px phone', async () => {
      tally('hostile cases');
      const phone = await site.browser.newContext({ ...CONTEXT, viewport: { width: 320, height: 640 } });
      const problems: string[] = [];
      try {
        for (const address of ['/', '/en/', '/kota/kota-hostil/', '/kota/kota-panjang/', '/en/city/kota-panjang/', '/kota/kota-emoji/']) {
          const page = await phone.newPage();
          try {
            const issues = await visit(page, site.server.origin, address);
            problems.push(...describeIssues(address, issues));
            const { width, culprits } = await horizontalOverflow(page);
            if (width > 321) problems.push(`${address}: page is ${width} px wide at 320 px (${culprits.join('; ')})`);
          } finally {
            await page.close();
          }
        }
      } finally {
        await phone.close();
      }
      tally('hostile problems', problems.length);
      expect(problems).toEqual([]);
    });
  });
});

/** Cities listed on the home page, in both languages. */
const pageOf = (dist: string, address: string) => load(readFileSync(join(dist, address, 'index.html'), 'utf8'));
const homeCities = (dist: string) => ['/', '/en/'].map((a) => load(readFileSync(join(dist, a, 'index.html'), 'utf8'))('li.card[data-city]').length);

describe('other sizes of the same data', () => {
  it('a single city builds, and the home page lists exactly one city', () => {
    tally('hostile cases');
    const v = singleCity('single');
    const result = build(v.dataDir, v.reportsDir, v.out);
    expect(result.ok, result.output).toBe(true);
    expect(homeCities(v.out)).toEqual([1, 1]);
  }, 240_000);

  it('twenty cities build: past HOME_CITIES_LIMIT the home page lists their provinces, and the province pages the twenty', () => {
    tally('hostile cases');
    const v = twentyCities('twenty');
    const result = build(v.dataDir, v.reportsDir, v.out);
    expect(result.ok, result.output).toBe(true);
    const cities = loadDataset({ dataDir: v.dataDir, reportsDir: v.reportsDir }).dataset!.cities;
    expect(cities.length).toBeGreaterThan(HOME_CITIES_LIMIT);
    const provinces = [...new Set(cities.map((c) => c.province))].map(provinceId);
    for (const lang of ['id', 'en'] as const) {
      const $ = pageOf(v.out, href({ page: 'home' }, lang));
      expect($('li.card[data-city]')).toHaveLength(0);
      expect($('li.card[data-province]').map((_, el) => $(el).attr('data-province')).get().sort()).toEqual([...provinces].sort());
      const listed = provinces.flatMap((id) => {
        const province = pageOf(v.out, href({ page: 'province', id }, lang));
        return province('li.card[data-city]').map((_, el) => province(el).attr('data-city')).get();
      });
      expect(listed.sort()).toEqual(cities.map((c) => c.id).sort());
    }
  }, 240_000);
});

describe('data the build must refuse', () => {
  it('a source address "javascript:alert(1)" stops the build, naming sources.csv and the web-url rule', () => {
    tally('hostile cases');
    const v = withSourceUrl('reject', JS);
    const result = build(v.dataDir, v.reportsDir, v.out);
    expect(result.ok, 'the build fails').toBe(false);
    expect(result.output).toContain('sources.csv');
    expect(result.output).toContain('web-url');
    expect(result.output).toContain(JS);
    // Nothing is published from data with errors.
    expect(existsSync(join(v.out, 'index.html'))).toBe(false);
  }, 240_000);
});
