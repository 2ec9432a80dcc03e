import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { figureText } from '../../src/components/text';
import { fundingCaveats } from '../../src/lib/caveats';
import type { Dataset } from '../../src/lib/dataset';
import type { Estimate } from '../../src/lib/estimate';
import { formatList, type Lang } from '../../src/lib/format';
import { loadDataset } from '../../src/lib/load';
import { dataPaths } from '../../src/lib/paths';
import { href } from '../../src/lib/routes';
import { useTranslations } from '../../src/i18n';
import { page } from '../helpers/dist';

/**
 * A funding line is never stated as fact when a flag questions it (issue 12), over the built
 * site: on an event's or a facility's page and in a facility's row on its city page, a funding
 * figure that a flag questions (see src/lib/caveats.ts) reads "menurut laporan <publisher>: …"
 * ("according to …") with each such flag's note beside it, and one that no flag questions is
 * stated plainly. The lines come from the data as loaded, so new records add cases.
 */
const dist = process.env.BATIK_OUT_DIR ?? 'dist';
const dataset: Dataset = loadDataset(dataPaths({})).dataset!;
const LANGS = ['id', 'en'] as const;

beforeAll(() => {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/ is missing: run \`npm run build\` first (npm test does)`);
});

/** Every funding line: the record's page, and a facility's row on its city page. */
const fundingLines = [
  ...dataset.events.map((e) => ({ type: 'event' as const, id: e.id, city: e.city, funding: e.estimates.funding })),
  ...dataset.facilities.map((f) => ({ type: 'facility' as const, id: f.id, city: f.city, funding: f.estimates.funding })),
].filter((r): r is typeof r & { funding: Estimate } => r.funding !== undefined);

describe('a funding line is never stated as fact when a flag questions it', () => {
  it('the data has funding lines', () => expect(fundingLines.length).toBeGreaterThan(0));

  it.each(fundingLines.flatMap((r) => LANGS.map((lang) => [`${r.type} ${r.id} (${lang})`, r, lang] as const)))('%s', (_, r, lang: Lang) => {
    const t = useTranslations(lang);
    const caveats = fundingCaveats(dataset.flagsByRecord.get(`${r.type}:${r.id}`) ?? []);
    const cells = [page(dist, href({ page: r.type, id: r.id }, lang))('main dd[data-figure="funding"]')];
    if (r.type === 'facility') cells.push(page(dist, href({ page: 'city', id: r.city }, lang))(`tr[data-facility="${r.id}"] td[data-figure="funding"]`));
    const [before] = t('funding.accordingTo').split('{sources}');
    for (const cell of cells) {
      expect(cell.length).toBe(1);
      const according = cell.find('[data-according-to]');
      if (caveats.length === 0) {
        expect(according.length, 'stated plainly').toBe(0);
        expect(cell.find('[data-caveat]').length).toBe(0);
        continue;
      }
      const publishers = [...new Set(r.funding.claims.map((c) => dataset.sourceById.get(c.source)!.publisher))];
      expect(according.text()).toBe(`${t('funding.accordingTo', { sources: formatList(publishers, lang) })} ${figureText(r.funding, lang)}`);
      expect(according.text().startsWith(before!)).toBe(true);
      for (const f of caveats) expect(cell.find(`[data-caveat="${f.id}"]`).text()).toBe(lang === 'id' ? f.note : f.note_en);
    }
  });
});
